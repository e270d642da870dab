/* Text trace canvas: "page", "text", "rect", "image", "tag", "dest", "outline" lines with positions
 * in sp. The format is stable: golden files in tests/ are compared with it byte for byte. */
#include "trace.h"

struct md_trace {
    md_buf *out;
    const char *(*font_name)(const md_font *);
    int page;
    int depth;
    int outlines;
};

static md_status
indent(md_trace *t)
{
    md_status st = MD_OK;
    for (int i = 0; i < t->depth && st == MD_OK; i++)
        st = md_buf_adds(t->out, "  ");
    return st;
}

static md_status
tr_begin_page(void *self, md_sp width, md_sp height)
{
    md_trace *t = self;
    t->page++;
    return md_buf_addf(t->out, "page %d %d %d\n", t->page, (int)width, (int)height);
}

static md_status
tr_end_page(void *self)
{
    md_trace *t = self;
    return md_buf_addf(t->out, "end page %d\n", t->page);
}

static md_status
tr_text(void *self, const md_canvas_text *x)
{
    md_trace *t = self;
    md_status st = indent(t);
    if (st != MD_OK)
        return st;
    md_sp x0 = x->glyphs_len > 0 ? x->glyphs[0].x : 0;
    md_sp y0 = x->glyphs_len > 0 ? x->glyphs[0].y : 0;
    st =
        md_buf_addf(t->out, "text %d %d %s %d/%d #%06x %zu \"", (int)x0, (int)y0,
                    t->font_name ? t->font_name(x->font) : "?", (int)x->size,
                    (int)(x->x_scale ? x->x_scale : MD_SP_PER_PT), (unsigned)x->rgb, x->glyphs_len);
    if (st == MD_OK)
        st = md_buf_add(t->out, x->text, x->text_len);
    if (st == MD_OK)
        st = md_buf_adds(t->out, "\"\n");
    return st;
}

static md_status
tr_rect(void *self, md_sp x, md_sp y, md_sp w, md_sp h, uint32_t rgb)
{
    md_trace *t = self;
    md_status st = indent(t);
    if (st == MD_OK)
        st = md_buf_addf(t->out, "rect %d %d %d %d #%06x\n", (int)x, (int)y, (int)w, (int)h,
                         (unsigned)rgb);
    return st;
}

static md_status
tr_begin_tag(void *self, const char *role, const char *attrs)
{
    md_trace *t = self;
    md_status st = indent(t);
    if (st == MD_OK)
        st = md_buf_addf(t->out, "<%s%s%s>\n", role, attrs ? " " : "", attrs ? attrs : "");
    t->depth++;
    return st;
}

static md_status
tr_end_tag(void *self, const char *role)
{
    md_trace *t = self;
    if (t->depth > 0)
        t->depth--;
    md_status st = indent(t);
    if (st == MD_OK)
        st = md_buf_addf(t->out, "</%s>\n", role);
    return st;
}

/* "image X Y W H path", then alt="…" when there is alternative text (quotes and backslashes
 * escaped), kept here because cairo 1.16 cannot write it (issue 5 adds it to the PDF). */
static md_status
tr_image(void *self, const char *path, const char *alt, md_sp x, md_sp y, md_sp w, md_sp h)
{
    md_trace *t = self;
    md_status st = indent(t);
    if (st == MD_OK)
        st = md_buf_addf(t->out, "image %d %d %d %d %s", (int)x, (int)y, (int)w, (int)h, path);
    if (st == MD_OK && alt != NULL) {
        st = md_buf_adds(t->out, " alt=\"");
        for (const char *c = alt; *c != '\0' && st == MD_OK; c++) {
            if (*c == '"' || *c == '\\')
                st = md_buf_add(t->out, "\\", 1);
            if (st == MD_OK)
                st = md_buf_add(t->out, c, 1);
        }
        if (st == MD_OK)
            st = md_buf_adds(t->out, "\"");
    }
    if (st == MD_OK)
        st = md_buf_adds(t->out, "\n");
    return st;
}

/* "dest X Y name". */
static md_status
tr_dest(void *self, const char *name, md_sp x, md_sp y)
{
    md_trace *t = self;
    md_status st = indent(t);
    if (st == MD_OK)
        st = md_buf_addf(t->out, "dest %d %d %s\n", (int)x, (int)y, name);
    return st;
}

/* "outline ID PARENT open|closed "title" attrs", numbered from 1 in the order made. */
static md_status
tr_outline(void *self, int parent, const char *title, const char *attrs, int is_open, int *id)
{
    md_trace *t = self;
    *id = ++t->outlines;
    return md_buf_addf(t->out, "outline %d %d %s \"%s\" %s\n", *id, parent,
                       is_open ? "open" : "closed", title, attrs);
}

/* Page labels are not traced: the trace's page lines already carry the layout. */
static const md_canvas_ops trace_ops = {.begin_page = tr_begin_page,
                                        .end_page = tr_end_page,
                                        .text = tr_text,
                                        .rect = tr_rect,
                                        .begin_tag = tr_begin_tag,
                                        .end_tag = tr_end_tag,
                                        .image = tr_image,
                                        .dest = tr_dest,
                                        .outline = tr_outline};

md_trace *
md_trace_new(md_buf *out, const char *(*font_name)(const md_font *))
{
    md_trace *t = md_alloc(sizeof *t);
    if (t != NULL) {
        t->out = out;
        t->font_name = font_name;
    }
    return t;
}

void
md_trace_free(md_trace *t)
{
    md_free(t);
}

md_canvas
md_trace_canvas(md_trace *t)
{
    return (md_canvas){&trace_ops, t};
}
