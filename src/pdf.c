/* The canvas on Cairo's PDF surface (cairo 1.16; see ../shared/notes/cairo-1.16-tagging.md):
 * glyph runs drawn with cairo_show_text_glyphs so that the PDF keeps their text, filled
 * rectangles, images (img-cairo.h), tags, and metadata with dates from the caller, never the clock.
 * The bytes go through out.h: a temporary file renamed into place only when the PDF is complete.
 * The only place where lengths become doubles (points). */
#include "pdf.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>

#include "buf.h"
#include "font-hb.h"
#include "img-cairo.h"
#include "out.h"

typedef struct face_entry {
    md_font *font;
    cairo_font_face_t *face;
} face_entry;

struct md_pdf {
    md_out *out; /* the file, or NULL when the PDF goes to mem */
    md_buf *mem;
    cairo_surface_t *surface;
    cairo_t *cr;
    face_entry *faces;
    size_t faces_len, faces_cap;
    int is_page_open;
    md_status write_status;
    md_buf pending; /* Cairo's small writes, gathered: one write(2) per PENDING_MAX bytes */
    /* Text calls of one look (font, size, colour, scale) waiting to be drawn as one: the
     * page builder draws word by word, and each cairo_show_text_glyphs costs a step of the
     * PDF surface's analysis that grows with the page (956 calls on 3 pages were 13 M
     * instructions of region arithmetic). Cairo writes the same bytes either way. Anything
     * else drawn, tagged or ended first draws them (flush_text). */
    int has_text;
    md_font *t_font;
    md_sp t_size;
    uint32_t t_rgb;
    int32_t t_x_scale;
    md_buf t_text;
    cairo_glyph_t *t_glyphs;
    size_t t_glyphs_len, t_glyphs_cap;
    cairo_text_cluster_t *t_clusters;
    size_t t_clusters_len, t_clusters_cap;
};

/* Cairo writes a PDF in pieces of a few bytes; each was a system call. */
#define PENDING_MAX (64u * 1024u)

static const cairo_user_data_key_t font_key;

static md_status flush_text(md_pdf *p);

static double
pt(md_sp v)
{
    return (double)v / MD_SP_PER_PT;
}

static cairo_status_t
write_cb(void *closure, const unsigned char *data, unsigned int len)
{
    md_pdf *p = closure;
    if (p->write_status == MD_OK)
        p->write_status =
            md_buf_add(p->mem != NULL ? p->mem : &p->pending, (const char *)data, len);
    if (p->write_status == MD_OK && p->out != NULL && p->pending.len >= PENDING_MAX) {
        p->write_status = md_out_write(p->out, p->pending.data, p->pending.len);
        md_buf_clear(&p->pending);
    }
    /* Always success: cairo 1.16 crashes (NULL memmove in cairo_surface_finish) when the
     * stream fails at its first write, e.g. on a full disk. The failure is kept in
     * p->write_status, the rest is discarded, and md_pdf_close reports it. */
    return CAIRO_STATUS_SUCCESS;
}

static void
drop_font(void *f)
{
    md_font_drop(f);
}

/* The Cairo face for f, made once per document. Cairo keeps a reference to the md_font (and
 * so to its FT_Face) until it destroys the face. */
static cairo_font_face_t *
face_for(md_pdf *p, md_font *f)
{
    for (size_t i = 0; i < p->faces_len; i++) {
        if (p->faces[i].font == f)
            return p->faces[i].face;
    }
    if (p->faces_len == p->faces_cap) {
        size_t cap = p->faces_cap ? p->faces_cap * 2 : 8;
        face_entry *v = md_realloc_array(p->faces, cap, sizeof *v);
        if (v == NULL)
            return NULL;
        p->faces = v;
        p->faces_cap = cap;
    }
    /* Unhinted outlines: a PDF is scaled by its viewer, hinting would only distort. */
    cairo_font_face_t *face =
        cairo_ft_font_face_create_for_ft_face(md_font_ft(f), FT_LOAD_NO_HINTING);
    if (cairo_font_face_status(face) != CAIRO_STATUS_SUCCESS)
        return NULL;
    md_font_keep(f);
    if (cairo_font_face_set_user_data(face, &font_key, f, drop_font) != CAIRO_STATUS_SUCCESS) {
        md_font_drop(f);
        cairo_font_face_destroy(face);
        return NULL;
    }
    p->faces[p->faces_len].font = f;
    p->faces[p->faces_len].face = face;
    p->faces_len++;
    return face;
}

static md_status
cairo_result(md_pdf *p)
{
    if (p->write_status != MD_OK)
        return p->write_status;
    cairo_status_t cs = cairo_status(p->cr);
    if (cs == CAIRO_STATUS_NO_MEMORY)
        return MD_ENOMEM;
    return cs == CAIRO_STATUS_SUCCESS ? MD_OK : MD_EBUG;
}

static md_status
pdf_begin_page(void *self, md_sp width, md_sp height)
{
    md_pdf *p = self;
    cairo_pdf_surface_set_size(p->surface, pt(width), pt(height));
    p->is_page_open = 1;
    return cairo_result(p);
}

static md_status
pdf_end_page(void *self)
{
    md_pdf *p = self;
    md_status flushed = flush_text(p);
    if (flushed != MD_OK)
        return flushed;
    cairo_show_page(p->cr);
    p->is_page_open = 0;
    return cairo_result(p);
}

/* Draws glyphs (with their text and clusters) in font at size, colour and scale. */
static md_status
show(md_pdf *p, md_font *font, md_sp size, uint32_t rgb, int32_t x_scale, const char *text,
     size_t text_len, const cairo_glyph_t *g, size_t glyphs_len, const cairo_text_cluster_t *c,
     size_t clusters_len, int is_backward)
{
    cairo_font_face_t *face = face_for(p, font);
    if (face == NULL)
        return MD_ENOMEM;
    cairo_set_font_face(p->cr, face);
    cairo_matrix_t m;
    double xs = x_scale > 0 ? (double)x_scale / MD_SP_PER_PT : 1.0;
    cairo_matrix_init_scale(&m, pt(size) * xs, pt(size));
    cairo_set_font_matrix(p->cr, &m);
    cairo_set_source_rgb(p->cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                         (rgb & 0xFF) / 255.0);
    cairo_show_text_glyphs(p->cr, text, (int)text_len, g, (int)glyphs_len, c, (int)clusters_len,
                           is_backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
    return cairo_result(p);
}

/* Draws the text waiting (pdf_text), if any. */
static md_status
flush_text(md_pdf *p)
{
    if (!p->has_text)
        return MD_OK;
    p->has_text = 0;
    md_status st =
        show(p, p->t_font, p->t_size, p->t_rgb, p->t_x_scale, p->t_text.data ? p->t_text.data : "",
             p->t_text.len, p->t_glyphs, p->t_glyphs_len, p->t_clusters, p->t_clusters_len, 0);
    md_buf_clear(&p->t_text);
    p->t_glyphs_len = p->t_clusters_len = 0;
    return st;
}

static md_status
pdf_text(void *self, const md_canvas_text *t)
{
    md_pdf *p = self;
    md_status st = MD_OK;
    int is_same = p->has_text && p->t_font == t->font && p->t_size == t->size &&
                  p->t_rgb == t->rgb && p->t_x_scale == t->x_scale && !t->is_backward;
    if (!is_same)
        st = flush_text(p);
    if (st != MD_OK)
        return st;
    /* Right-to-left clusters run backwards: such a run is drawn at once, never joined. */
    size_t g0 = t->is_backward ? 0 : p->t_glyphs_len, c0 = t->is_backward ? 0 : p->t_clusters_len;
    if (md_grow(&p->t_glyphs, &p->t_glyphs_cap, g0 + t->glyphs_len + 1, sizeof *p->t_glyphs, 64) !=
            MD_OK ||
        md_grow(&p->t_clusters, &p->t_clusters_cap, c0 + t->clusters_len + 1, sizeof *p->t_clusters,
                64) != MD_OK)
        return MD_ENOMEM;
    for (size_t i = 0; i < t->glyphs_len; i++)
        p->t_glyphs[g0 + i] =
            (cairo_glyph_t){t->glyphs[i].id, pt(t->glyphs[i].x), pt(t->glyphs[i].y)};
    for (size_t i = 0; i < t->clusters_len; i++)
        p->t_clusters[c0 + i] =
            (cairo_text_cluster_t){t->clusters[i].num_bytes, t->clusters[i].num_glyphs};
    if (t->is_backward)
        return show(p, t->font, t->size, t->rgb, t->x_scale, t->text, t->text_len, p->t_glyphs,
                    t->glyphs_len, p->t_clusters, t->clusters_len, 1);
    if (md_buf_add(&p->t_text, t->text, t->text_len) != MD_OK)
        return MD_ENOMEM;
    p->t_glyphs_len += t->glyphs_len;
    p->t_clusters_len += t->clusters_len;
    p->t_font = t->font;
    p->t_size = t->size;
    p->t_rgb = t->rgb;
    p->t_x_scale = t->x_scale;
    p->has_text = 1;
    return MD_OK;
}

static md_status
pdf_rect(void *self, md_sp x, md_sp y, md_sp w, md_sp h, uint32_t rgb)
{
    md_pdf *p = self;
    md_status flushed = flush_text(p);
    if (flushed != MD_OK)
        return flushed;
    cairo_set_source_rgb(p->cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                         (rgb & 0xFF) / 255.0);
    cairo_rectangle(p->cr, pt(x), pt(y), pt(w), pt(h));
    cairo_fill(p->cr);
    return cairo_result(p);
}

static md_status
pdf_begin_tag(void *self, const char *role, const char *attrs)
{
    md_pdf *p = self;
    md_status flushed = flush_text(p);
    if (flushed != MD_OK)
        return flushed;
    cairo_tag_begin(p->cr, role, attrs);
    return cairo_result(p);
}

static md_status
pdf_end_tag(void *self, const char *role)
{
    md_pdf *p = self;
    md_status flushed = flush_text(p);
    if (flushed != MD_OK)
        return flushed;
    cairo_tag_end(p->cr, role);
    return cairo_result(p);
}

/* alt is dropped: cairo 1.16 writes no /Alt (see the note above); issue 5's finishing step
 * adds it from the trace's alt="…". */
static md_status
pdf_image(void *self, const char *path, const char *alt, md_sp x, md_sp y, md_sp w, md_sp h)
{
    md_pdf *p = self;
    md_status flushed = flush_text(p);
    if (flushed != MD_OK)
        return flushed;
    (void)alt;
    md_status st = md_img_draw(p->cr, path, x, y, w, h);
    return st == MD_OK ? cairo_result(p) : st;
}

/* A named destination through cairo's "cairo.dest" tag with an explicit position, so that it
 * needs no drawing inside it: cairo 1.16 writes it into the /Dests name tree as
 * [page /XYZ x y 0] (y from the page bottom). */
static md_status
pdf_dest(void *self, const char *name, md_sp x, md_sp y)
{
    md_pdf *p = self;
    md_status flushed = flush_text(p);
    if (flushed != MD_OK)
        return flushed;
    md_buf b = {0};
    md_status st = md_buf_adds(&b, "name='");
    for (const char *c = name; *c != '\0' && st == MD_OK; c++) {
        if (*c == '\'' || *c == '\\')
            st = md_buf_add(&b, "\\", 1);
        if (st == MD_OK)
            st = md_buf_add(&b, c, 1);
    }
    if (st == MD_OK)
        st = md_buf_addf(&b, "' x=%.3f y=%.3f", pt(x), pt(y));
    if (st == MD_OK) {
        cairo_tag_begin(p->cr, CAIRO_TAG_DEST, b.data);
        cairo_tag_end(p->cr, CAIRO_TAG_DEST);
        st = cairo_result(p);
    }
    md_buf_free(&b);
    return st;
}

static md_status
pdf_outline(void *self, int parent, const char *title, const char *attrs, int is_open, int *id)
{
    md_pdf *p = self;
    md_status flushed = flush_text(p);
    if (flushed != MD_OK)
        return flushed;
    *id = cairo_pdf_surface_add_outline(p->surface, parent, title, attrs,
                                        is_open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
    cairo_status_t cs = cairo_surface_status(p->surface);
    if (cs == CAIRO_STATUS_NO_MEMORY)
        return MD_ENOMEM;
    return cs == CAIRO_STATUS_SUCCESS ? MD_OK : MD_EBUG;
}

static md_status
pdf_page_label(void *self, const char *label)
{
    md_pdf *p = self;
    md_status flushed = flush_text(p);
    if (flushed != MD_OK)
        return flushed;
    cairo_pdf_surface_set_page_label(p->surface, label);
    return cairo_result(p);
}

static const md_canvas_ops pdf_ops = {.begin_page = pdf_begin_page,
                                      .end_page = pdf_end_page,
                                      .page_label = pdf_page_label,
                                      .text = pdf_text,
                                      .rect = pdf_rect,
                                      .begin_tag = pdf_begin_tag,
                                      .end_tag = pdf_end_tag,
                                      .image = pdf_image,
                                      .dest = pdf_dest,
                                      .outline = pdf_outline};

void
md_pdf_date_from_epoch(long long t, char out[20])
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    char buf[80];
    snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", (tm.tm_year + 1900) % 10000,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    memcpy(out, buf, 19);
    out[19] = '\0';
}

static void
set_meta(cairo_surface_t *s, cairo_pdf_metadata_t key, const char *value)
{
    if (value != NULL)
        cairo_pdf_surface_set_metadata(s, key, value);
}

/* Starts the surface of p (whose output is set). */
static md_status
start(md_pdf *p, const md_pdf_meta *meta, md_pdf **out)
{
    /* A4 until the first page sets its size. */
    p->surface = cairo_pdf_surface_create_for_stream(write_cb, p, 595.276, 841.89);
    p->cr = cairo_create(p->surface);
    if (cairo_status(p->cr) != CAIRO_STATUS_SUCCESS) {
        md_pdf_abort(p);
        return MD_ENOMEM;
    }
    set_meta(p->surface, CAIRO_PDF_METADATA_TITLE, meta->title);
    set_meta(p->surface, CAIRO_PDF_METADATA_AUTHOR, meta->author);
    set_meta(p->surface, CAIRO_PDF_METADATA_SUBJECT, meta->subject);
    set_meta(p->surface, CAIRO_PDF_METADATA_KEYWORDS, meta->keywords);
    set_meta(p->surface, CAIRO_PDF_METADATA_CREATOR, meta->creator);
    /* Without these cairo would write the clock's time: the dates come from the caller, and
     * without one cairo 1.16 is given "", which leaves /CreationDate out of the file. */
    set_meta(p->surface, CAIRO_PDF_METADATA_CREATE_DATE, meta->date ? meta->date : "");
    set_meta(p->surface, CAIRO_PDF_METADATA_MOD_DATE, meta->date ? meta->date : "");
    *out = p;
    return MD_OK;
}

md_status
md_pdf_open(const char *path, const md_pdf_meta *meta, md_diags *d, md_pdf **out)
{
    md_pdf *p = md_alloc(sizeof *p);
    if (p == NULL)
        return MD_ENOMEM;
    md_status st = md_out_open(path, d, &p->out);
    if (st != MD_OK) {
        md_free(p);
        return st;
    }
    return start(p, meta, out);
}

md_status
md_pdf_open_buf(md_buf *mem, const md_pdf_meta *meta, md_pdf **out)
{
    md_pdf *p = md_alloc(sizeof *p);
    if (p == NULL)
        return MD_ENOMEM;
    p->mem = mem;
    return start(p, meta, out);
}

md_canvas
md_pdf_canvas(md_pdf *p)
{
    return (md_canvas){&pdf_ops, p};
}

/* Destroys the Cairo objects; the faces' destroy callbacks drop the fonts. */
static void
destroy(md_pdf *p)
{
    if (p->cr != NULL)
        cairo_destroy(p->cr);
    if (p->surface != NULL) {
        cairo_surface_finish(p->surface);
        cairo_surface_destroy(p->surface);
    }
    for (size_t i = 0; i < p->faces_len; i++)
        cairo_font_face_destroy(p->faces[i].face);
    md_free(p->faces);
    md_buf_free(&p->pending);
    md_buf_free(&p->t_text);
    md_free(p->t_glyphs);
    md_free(p->t_clusters);
    p->has_text = 0;
    p->cr = NULL;
    p->surface = NULL;
}

md_status
md_pdf_close(md_pdf *p, md_diags *d)
{
    md_status flushed = flush_text(p);
    if (flushed != MD_OK && p->write_status == MD_OK)
        p->write_status = flushed;
    cairo_surface_finish(p->surface);
    if (p->write_status == MD_OK && p->pending.len > 0 && p->out != NULL)
        p->write_status = md_out_write(p->out, p->pending.data, p->pending.len);
    md_buf_free(&p->pending);
    md_status st = p->write_status;
    if (st == MD_OK && cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS)
        st = MD_EBUG;
    destroy(p);
    if (st == MD_OK) {
        if (p->out != NULL)
            st = md_out_commit(p->out, d);
    } else {
        md_out_abort(p->out);
        md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0, "the PDF could not be written: %s",
                    md_status_str(st));
    }
    md_free(p);
    return st;
}

void
md_pdf_abort(md_pdf *p)
{
    if (p == NULL)
        return;
    /* Nothing more reaches the file: the temporary file is removed. */
    p->write_status = MD_EIO;
    destroy(p);
    md_out_abort(p->out);
    md_free(p);
}
