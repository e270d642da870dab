/* Page builder for the motesdok subset of XSL-FO 1.1 (XSL §6.4 pagination, §6.5 blocks,
 * §6.8 lists, §6.9.7 links, §6.11 bookmarks; keeps §4.8, space resolution §4.3): flow → items
 * → pages → canvas; tables are in page-table.c. Not yet (warned, never silent): page-number in
 * the flow, links in static content (set as text), number formats other than 1. */
#include "page.h"
#include "page-imp.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "font.h"
#include "hyph.h"
#include "img.h"
#include "para.h"
#include "shape.h"

md_status
md_page_grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return MD_OK;
    size_t n = *cap ? *cap * 2 : 64;
    while (n < need)
        n *= 2;
    void *q = md_realloc_array(*p, n, size);
    if (q == NULL)
        return MD_ENOMEM;
    *p = q;
    *cap = n;
    return MD_OK;
}

md_sp
md_page_len_at(const pg *g, md_fo_len l, md_sp base)
{
    switch (l.kind) {
    case MD_FO_LEN_ABS: return (md_sp)(l.sp + (int64_t)l.pct * base / (100 * 65536));
    /* sp: the depth of the list the function was given in (an inherited value refers to the
     * outer list), 0 when not known: the innermost. */
    case MD_FO_LEN_BODY_START:
        return l.sp > 0 && l.sp <= g->list_depth && l.sp <= MD_PAGE_MAX_LISTS
                   ? g->list_body_start[l.sp - 1]
                   : g->body_start;
    case MD_FO_LEN_LABEL_END:
        return l.sp > 0 && l.sp <= g->list_depth && l.sp <= MD_PAGE_MAX_LISTS
                   ? g->list_label_end[l.sp - 1]
                   : g->label_end;
    default: return l.sp;
    }
}

/* A note pointing at the meeting line a node came from (md:src), in the meeting file when
 * the caller named it, so that editors jump to the text the secretary wrote. For messages
 * whose own location is elsewhere (an image file). */
void
md_page_note_source(const pg *g, md_diags *d, const md_fo_node *n)
{
    if (n->src_line <= 0)
        return;
    if (g->env->source != NULL)
        md_diag_note(d, g->env->source, n->src_line, 0, "the meeting text this comes from");
    else
        md_diag_note(d, NULL, 0, 0, "from line %ld of the meeting (md:src)", n->src_line);
}

int
md_page_loc(const pg *g, const md_fo_node *n, const char **file, long *line)
{
    if (n->src_line > 0 && g->env->source != NULL) {
        *file = g->env->source;
        *line = n->src_line;
        return 1;
    }
    *file = g->file;
    *line = n->line;
    return 0;
}

void
md_page_note_loc(const pg *g, md_diags *d, const md_fo_node *n, int is_meeting)
{
    if (is_meeting)
        md_diag_note(d, g->file, n->line, 0, "the fo:%s in the layout tree",
                     md_fo_kind_name(n->kind));
    else if (n->src_line > 0)
        md_diag_note(d, NULL, 0, 0, "from line %ld of the meeting (md:src)", n->src_line);
}

/* STYLE.md "Messages": typesetter problems point at the meeting (md:src) first, the FO
 * location follows as a note; a tree without md:src keeps the FO location. */
void
md_page_diag(const pg *g, md_diags *d, md_severity sev, const md_fo_node *n, const char *fmt, ...)
{
    const char *file = NULL;
    long line = 0;
    int is_meeting = md_page_loc(g, n, &file, &line);
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    md_diag_add(d, sev, file, line, 0, "%s", msg);
    md_page_note_loc(g, d, n, is_meeting);
}

void
md_page_warn(pg *g, const md_fo_node *n, const char *fmt, const char *what)
{
    /* The flow is warned about in the first pass; static content is built only while
     * drawing, once per page (the sink counts the repeats). */
    md_diags *d = g->is_static && g->is_final ? g->d_final : g->pass == 1 ? g->d : NULL;
    if (d == NULL)
        return;
    char msg[1024];
    snprintf(msg, sizeof msg, fmt, what);
    md_page_diag(g, d, MD_DIAG_WARNING, n, "%s", msg);
}

md_status
md_page_push(pg *g, item it)
{
    if (GROW(g, g->items, g->items_len, g->items_cap) != MD_OK)
        return MD_ENOMEM;
    g->items[g->items_len++] = it;
    return MD_OK;
}

/* Spaces, breaks and boxes belong to the flow; a list label has no height of its own. */
md_status
md_page_push_space(pg *g, item_kind kind, md_sp h, int is_retain)
{
    if (g->in_label || (h <= 0 && kind != IT_BREAK))
        return MD_OK;
    return md_page_push(g, (item){.kind = kind, .h = h, .is_retain = (uint8_t)is_retain});
}

md_status
md_page_push_tag(pg *g, item_kind kind, const char *role, const char *attrs)
{
    if (g->is_static)
        return MD_OK;
    return md_page_push(g, (item){.kind = kind, .role = role, .attrs = attrs});
}

/* --- inline content → spans ----------------------------------------------------------- */

static md_status
style_for(pg *g, const md_fo_props *p, const md_para_style **out)
{
    md_font *f = NULL;
    md_status st = md_font_lookup(g->env->fonts, p->font_family, (int)p->font_weight,
                                  p->font_style != MD_FO_FONT_NORMAL, g->d, &f);
    if (st != MD_OK)
        return st;
    page_style *ps = md_arena_alloc(g->a, sizeof *ps);
    if (ps == NULL)
        return MD_ENOMEM;
    /* A name (hyphenate="false" keep-together.within-line="always") is not broken at its own
     * hyphen either, unless it is wider than the line (para.c). */
    uint8_t hyphenate = (uint8_t)(p->is_hyphenate && g->env->hyph != NULL);
    if (!p->is_hyphenate && p->keep_together.within_line == MD_FO_KEEP_ALWAYS)
        hyphenate = MD_PARA_WHOLE;
    ps->s = (md_para_style){f, p->font_size, p->color & 0xFFFFFFu, hyphenate};
    ps->background = g->inline_bg;
    *out = &ps->s;
    return MD_OK;
}

static md_status
add_span(pg *g, const char *text, size_t len, const md_para_style *s, uint32_t user)
{
    if (len == 0)
        return MD_OK;
    if (GROW(g, g->spans, g->spans_len, g->spans_cap) != MD_OK)
        return MD_ENOMEM;
    g->spans[g->spans_len++] = (md_para_span){text, len, s, user, 0};
    return MD_OK;
}

static const id_rec *
prev_id(const pg *g, const char *id)
{
    for (size_t i = 0; id != NULL && i < g->prev_ids_len; i++) {
        if (strcmp(g->prev_ids[i].id, id) == 0)
            return &g->prev_ids[i];
    }
    return NULL;
}

static md_status
add_number(pg *g, int number, const char *format, const md_para_style *s, uint32_t user)
{
    char buf[MD_PAGE_NUMBER_MAX];
    size_t len = md_page_number_format(number, format, buf);
    char *t = md_arena_strndup(g->a, buf, len);
    return t == NULL ? MD_ENOMEM : add_span(g, t, len, s, user);
}

/* "'" and "\" escaped for cairo's attribute strings. */
const char *
md_page_cairo_quoted(pg *g, const char *key, const char *v)
{
    md_buf b = {0};
    md_status st = md_buf_addf(&b, "%s='", key);
    for (const char *p = v; *p != '\0' && st == MD_OK; p++) {
        if (*p == '\'' || *p == '\\')
            st = md_buf_add(&b, "\\", 1);
        if (st == MD_OK)
            st = md_buf_add(&b, p, 1);
    }
    if (st == MD_OK)
        st = md_buf_adds(&b, "'");
    char *out = st == MD_OK ? md_arena_strndup(g->a, b.data, b.len) : NULL;
    md_buf_free(&b);
    return out;
}

/* The advance of one figure space (U+2007) in style s; 0 when the fonts have none. */
static md_status
figure_space_advance(pg *g, const md_fo_node *n, const md_para_style *s, md_sp *adv)
{
    md_para_params pp;
    md_para_params_default(&pp, 1000 * MD_SP_PER_PT);
    pp.align = pp.align_last = MD_PARA_START;
    md_para_span one = {FIGURE_SPACE, 3, s, 0, 0};
    md_para_env env = {g->env->fonts, NULL};
    md_para m;
    md_status st = md_para_set(&env, &one, 1, &pp, g->a, g->d, g->file, n->line, &m);
    if (st == MD_OK)
        *adv = m.lines_len == 1 ? m.lines[0].width : 0;
    return st;
}

static md_status
add_leader(pg *g, const md_fo_node *n, const md_para_style *s, md_sp width)
{
    const md_fo_props *p = n->props;
    if (p->leader_pattern == MD_FO_LEADER_USE_CONTENT)
        md_page_warn(g, n, "fo:leader leader-pattern=\"%s\" is not typeset yet; drawn as space",
                     "use-content");
    /* The leader takes the room of figure spaces (U+2007: a glyph, and no line break between
     * two of them, UAX #14 class GL), so that it wraps as one unbreakable piece; it is drawn
     * as a rule or dots over that room instead of the spaces. */
    md_sp adv = 0;
    md_status st = figure_space_advance(g, n, s, &adv);
    if (st != MD_OK)
        return st;
    md_sp len = md_page_len_at(g, p->leader_length.opt, width);
    if (adv <= 0 || len <= 0)
        return MD_OK;
    int64_t count = (len + adv - 1) / adv;
    if (count > 1000)
        count = 1000;
    if (GROW(g, g->leaders, g->leaders_len, g->leaders_cap) != MD_OK)
        return MD_ENOMEM;
    /* A leader that may grow (leader-length.maximum above its optimum, 100 % by default)
     * fills a justified line: the footer's "… Sida 2 av 3" ends at the margin, the dots of
     * "Övriga frågor ...... 12" reach the number. */
    int is_fill = md_page_len_at(g, p->leader_length.max, width) > len;
    g->leaders[g->leaders_len] = (leader){p->leader_pattern,
                                          (md_sp)(count * adv),
                                          p->rule_thickness,
                                          s->size,
                                          s->rgb,
                                          s->font,
                                          is_fill};
    char *t = md_arena_alloc(g->a, (size_t)count * 3 + 1);
    if (t == NULL)
        return MD_ENOMEM;
    for (int64_t i = 0; i < count; i++)
        memcpy(t + i * 3, FIGURE_SPACE, 3);
    st = add_span(g, t, (size_t)count * 3, s, USER_LEADER | (uint32_t)g->leaders_len++);
    if (st == MD_OK && is_fill)
        g->spans[g->spans_len - 1].is_fill = 1;
    return st;
}

/* --- external-graphic ----------------------------------------------------------------- */

/* Where image warnings go: as md_page_warn(), but never nowhere (md_img_size needs a sink). */
static md_diags *
image_sink(const pg *g)
{
    return g->is_static && g->is_final ? g->d_final : g->d;
}

/* A relative path that stays inside the project: no "/" at the start, no ".." part, no URL
 * scheme or drive (":"), no backslash. */
static int
is_safe_src(const char *s)
{
    if (s[0] == '\0' || s[0] == '/' || strchr(s, ':') != NULL || strchr(s, '\\') != NULL)
        return 0;
    for (const char *p = s; *p != '\0';) {
        size_t len = strcspn(p, "/");
        if (len == 2 && p[0] == '.' && p[1] == '.')
            return 0;
        p += len;
        p += *p == '/';
    }
    return 1;
}

static int
is_file(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* The file of an external-graphic, in the arena; *out NULL (warned) when it is refused.
 * motesdok runs in the project root, against which the logo ("xml/brand/….svg") is written;
 * figures are written relative to the meeting file (docs/documents.md), so "images/x.svg" is
 * xml/meetings/images/x.svg when that exists, else relative to the current directory. */
static md_status
image_path(pg *g, const md_fo_node *n, const char **out)
{
    const char *src = n->props->src;
    *out = NULL;
    if (src == NULL || !is_safe_src(src)) {
        md_page_warn(
            g, n,
            "fo:external-graphic src=\"%s\": give a relative path inside the project (no \"/\" "
            "at the start, no \"..\", no URL); left out",
            src != NULL ? src : "");
        return MD_OK;
    }
    md_buf b = {0};
    md_status st = md_buf_addf(&b, "xml/meetings/%s", src);
    const char *use = st == MD_OK && is_file(b.data) ? b.data : src;
    char *path = st == MD_OK ? md_arena_strndup(g->a, use, strlen(use)) : NULL;
    md_buf_free(&b);
    if (path == NULL)
        return MD_ENOMEM;
    *out = path;
    return MD_OK;
}

/* content-width or -height (XSL §7.15.3): a length (percentages of the intrinsic size), a
 * scale-*-to-fit keyword against the viewport's size (-1: auto), or -1 for auto. */
static int64_t
content_len(const pg *g, md_fo_len l, md_sp intrinsic, md_sp viewport)
{
    switch (l.kind) {
    case MD_FO_LEN_ABS: return md_page_len_at(g, l, intrinsic);
    case MD_FO_LEN_SCALE_TO_FIT: return viewport;
    case MD_FO_LEN_SCALE_DOWN_TO_FIT:
        return viewport >= 0 && viewport < intrinsic ? viewport : viewport >= 0 ? intrinsic : -1;
    case MD_FO_LEN_SCALE_UP_TO_FIT:
        return viewport >= 0 && viewport > intrinsic ? viewport : viewport >= 0 ? intrinsic : -1;
    default: return -1;
    }
}

/* The size an image of intrinsic size iw × ih is drawn at: content-width/-height against the
 * viewport (width, height), one of them alone keeping the aspect ratio, both with scaling
 * uniform (XSL §7.15.12, the initial value) scaled by the smaller factor; then scaled down,
 * aspect kept, to avail_w and to the region's height, so that it fits on a page. */
static void
image_size(const pg *g, const md_fo_props *p, md_sp iw, md_sp ih, md_sp avail_w, md_sp *out_w,
           md_sp *out_h)
{
    md_sp vw = p->width.kind == MD_FO_LEN_ABS ? md_page_len_at(g, p->width, avail_w) : -1;
    md_sp vh = p->height.kind == MD_FO_LEN_ABS ? md_page_len_at(g, p->height, g->avail_h) : -1;
    int64_t w = content_len(g, p->content_width, iw, vw);
    int64_t h = content_len(g, p->content_height, ih, vh);
    if (w < 0 && h < 0) {
        w = iw, h = ih;
    } else if (w < 0) {
        w = (int64_t)iw * h / ih;
    } else if (h < 0) {
        h = (int64_t)ih * w / iw;
    } else if (!p->is_scaling_non_uniform) {
        if (w * ih < h * iw)
            h = (int64_t)ih * w / iw;
        else
            w = (int64_t)iw * h / ih;
    }
    if (avail_w > 0 && w > avail_w) {
        h = h * avail_w / w;
        w = avail_w;
    }
    if (g->avail_h > 0 && h > g->avail_h) {
        w = w * g->avail_h / h;
        h = g->avail_h;
    }
    *out_w = (md_sp)(w > 0 ? w : 1);
    *out_h = (md_sp)(h > 0 ? h : 1);
}

/* Reads an external-graphic: its file, intrinsic size (img.h) and the size it is drawn at in
 * a line avail_w wide. *out is NULL (warned) when it is left out. */
static md_status
load_image(pg *g, const md_fo_node *n, md_sp avail_w, const image **out)
{
    const char *path = NULL;
    *out = NULL;
    md_status st = image_path(g, n, &path);
    if (st != MD_OK || path == NULL)
        return st;
    md_diags *d = image_sink(g);
    md_sp iw = 0, ih = 0;
    st = md_img_size(path, d, &iw, &ih);
    if (st == MD_EIO || st == MD_EINPUT) {
        const char *file = NULL;
        long line = 0;
        int is_meeting = md_page_loc(g, n, &file, &line);
        md_diag_note(d, file, line, 0, "fo:external-graphic src=\"%s\" is left out", n->props->src);
        md_page_note_loc(g, d, n, is_meeting);
        return MD_OK;
    }
    if (st != MD_OK)
        return st;
    image *im = md_arena_alloc(g->a, sizeof *im);
    if (im == NULL)
        return MD_ENOMEM;
    im->path = path;
    im->alt = n->props->alt_text;
    image_size(g, n->props, iw, ih, avail_w, &im->w, &im->h);
    *out = im;
    return MD_OK;
}

/* An inline image takes the room of one figure space (as a leader does) in a style whose size
 * makes that space as wide as the image; it is drawn over that room, on the baseline, and
 * flush() makes its line tall enough. */
static md_status
add_inline_image(pg *g, const md_fo_node *n, const md_para_style *s, md_sp width)
{
    const image *im = NULL;
    md_status st = load_image(g, n, width, &im);
    md_sp adv = 0;
    if (st == MD_OK && im != NULL)
        st = figure_space_advance(g, n, s, &adv);
    if (st != MD_OK || im == NULL)
        return st;
    if (adv <= 0) {
        md_page_warn(g, n, "%s: the fonts have no figure space (U+2007) to make room; left out",
                     "fo:external-graphic");
        return MD_OK;
    }
    /* A page_style like every span's (draw_line reads its background). */
    page_style *ips = md_arena_alloc(g->a, sizeof *ips);
    if (ips == NULL || GROW(g, g->images, g->images_len, g->images_cap) != MD_OK)
        return MD_ENOMEM;
    *ips = *(const page_style *)(const void *)s;
    md_para_style *is = &ips->s;
    is->size = (md_sp)((int64_t)s->size * im->w / adv);
    is->is_hyphenate = 0;
    g->images[g->images_len] = im;
    return add_span(g, FIGURE_SPACE, 3, is, USER_IMAGE | (uint32_t)g->images_len++);
}

/* The external-graphic that is the only content of block n (white space aside), or NULL. */
static const md_fo_node *
sole_graphic(const md_fo_node *n)
{
    const md_fo_node *found = NULL;
    for (const md_fo_node *c = n->first; c != NULL; c = c->next) {
        if (c->kind == MD_FO_EXTERNAL_GRAPHIC && found == NULL) {
            found = c;
        } else if (c->kind == MD_FO_TEXT) {
            for (size_t i = 0; i < c->text_len; i++) {
                if (strchr(" \t\r\n", c->text[i]) == NULL)
                    return NULL;
            }
        } else {
            return NULL;
        }
    }
    return found;
}

/* A block-level image: a line of its own, as tall as the image, placed by the block's
 * text-align within x, w, in a Figure element (cairo 1.16 cannot write its /Alt: the trace
 * keeps alt="…" for issue 5's finishing step). Keeps hold as for lines, so a figure block with
 * keep-together keeps the image with its caption, and one item is never split. */
static md_status
build_image_block(pg *g, const md_fo_node *blk, const md_fo_node *n, md_sp x, md_sp w)
{
    const image *im = NULL;
    md_status st = load_image(g, n, w, &im);
    if (st != MD_OK || im == NULL)
        return st;
    md_sp off = 0;
    if (blk->props->text_align == MD_FO_ALIGN_CENTER)
        off = (w - im->w) / 2;
    else if (blk->props->text_align == MD_FO_ALIGN_END)
        off = w - im->w;
    item it = {.kind = IT_LINE, .h = im->h, .x = x + off, .img = im};
    if (g->in_label)
        it.is_aside = 1;
    else
        md_page_mark_keeps(g, &it);
    if (!g->in_label)
        st = md_page_push_tag(g, IT_TAG_BEGIN, "Figure", NULL);
    if (st == MD_OK)
        st = md_page_push(g, it);
    if (st == MD_OK && !g->in_label)
        st = md_page_push_tag(g, IT_TAG_END, "Figure", NULL);
    return st;
}

static md_status collect_inline(pg *g, const md_fo_node *n, uint32_t user, md_sp width);

static md_status
collect_children(pg *g, const md_fo_node *n, uint32_t user, md_sp width)
{
    md_status st = MD_OK;
    for (const md_fo_node *c = n->first; c != NULL && st == MD_OK; c = c->next)
        st = collect_inline(g, c, user, width);
    return st;
}

static md_status collect_inline_node(pg *g, const md_fo_node *n, uint32_t user, md_sp width);

/* An inline's background-color (not inherited) is drawn behind the text of its descendants:
 * it is handed down while they are collected, into their styles. */
static md_status
collect_inline(pg *g, const md_fo_node *n, uint32_t user, md_sp width)
{
    uint32_t saved = g->inline_bg;
    if (n->kind != MD_FO_TEXT && n->props->background_color != MD_FO_COLOR_NONE)
        g->inline_bg = 0x1000000u | (n->props->background_color & 0xFFFFFFu);
    md_status st = collect_inline_node(g, n, user, width);
    g->inline_bg = saved;
    return st;
}

static md_status
collect_inline_node(pg *g, const md_fo_node *n, uint32_t user, md_sp width)
{
    const md_para_style *s = NULL;
    md_status st = style_for(g, n->props, &s);
    if (st != MD_OK)
        return st;
    /* The id of an inline is a destination at the line its first text is set on: recorded
     * when the paragraph is set (flush_lines). */
    if (n->kind != MD_FO_TEXT && n->props->id != NULL && !g->is_static) {
        if (GROW(g, g->inline_ids, g->inline_ids_len, g->inline_ids_cap) != MD_OK)
            return MD_ENOMEM;
        g->inline_ids[g->inline_ids_len++] = (inline_id){n->props->id, g->spans_len};
    }
    /* Text-decoration rides on the runs of text (not leaders or images); draw_run draws it. */
    uint32_t tu = user | ((uint32_t)n->props->text_decoration << USER_DECO_SHIFT & USER_DECO);
    switch (n->kind) {
    case MD_FO_TEXT: return add_span(g, n->text, n->text_len, s, tu);
    case MD_FO_INLINE:
    case MD_FO_WRAPPER: return collect_children(g, n, user, width);
    case MD_FO_CHARACTER:
        return n->props->character
                   ? add_span(g, n->props->character, strlen(n->props->character), s, tu)
                   : MD_OK;
    case MD_FO_BASIC_LINK: {
        /* An internal destination is the id of an element: a link to the named destination
         * drawn there (see draw_dests). Ids are known from the first pass, so only the last
         * pass can tell that one is missing; the text is then set unlinked. */
        const char *uri = n->props->external_destination;
        const char *dest = n->props->internal_destination;
        if (g->is_static) {
            /* cairo 1.16 makes a link annotation only with a Link structure element, and
             * static content stays outside the structure tree. */
            md_page_warn(g, n,
                         "%s in static content is set as text, not as a link (headers and "
                         "footers are outside the structure tree)",
                         "fo:basic-link");
            return collect_children(g, n, user, width);
        }
        if (uri == NULL && dest == NULL) {
            md_page_warn(g, n, "%s has no destination; its text is set unlinked", "fo:basic-link");
            return collect_children(g, n, user, width);
        }
        if (GROW(g, g->links, g->links_len, g->links_cap) != MD_OK)
            return MD_ENOMEM;
        const char *attrs = NULL;
        if (dest != NULL && g->is_final && prev_id(g, dest) == NULL) {
            md_page_diag(g, g->d_final, MD_DIAG_WARNING, n,
                         "fo:basic-link internal-destination=\"%s\": no element has that id; "
                         "its text is set unlinked",
                         dest);
        } else {
            attrs =
                dest != NULL ? md_page_dest_attrs(g, dest) : md_page_cairo_quoted(g, "uri", uri);
            if (attrs == NULL)
                return MD_ENOMEM;
        }
        g->links[g->links_len] = attrs;
        return collect_children(g, n, USER_LINK | (uint32_t)g->links_len++, width);
    }
    case MD_FO_PAGE_NUMBER:
        if (!g->is_static) {
            md_page_warn(g, n, "%s in the flow is not typeset yet; set as \"?\"", "fo:page-number");
            return add_span(g, "?", 1, s, user);
        }
        return add_number(g, g->page_number, g->page_format, s, tu);
    case MD_FO_PAGE_NUMBER_CITATION:
    case MD_FO_PAGE_NUMBER_CITATION_LAST: {
        const id_rec *r = prev_id(g, n->props->ref_id);
        if (r == NULL && g->is_final) {
            md_page_diag(g, g->d_final, MD_DIAG_WARNING, n,
                         "%s ref-id=\"%s\": no element has that id; set as \"?\"",
                         md_fo_kind_name(n->kind), n->props->ref_id ? n->props->ref_id : "");
        }
        if (r == NULL)
            return add_span(g, "?", 1, s, tu);
        /* In a link, the number is part of the link's text (user). */
        return add_number(g, n->kind == MD_FO_PAGE_NUMBER_CITATION ? r->first_page : r->last_page,
                          r->format, s, tu);
    }
    case MD_FO_LEADER: return add_leader(g, n, s, width);
    case MD_FO_EXTERNAL_GRAPHIC: return add_inline_image(g, n, s, width);
    default:
        md_page_warn(g, n, "fo:%s inside a line is not typeset yet; its text is set inline",
                     md_fo_kind_name(n->kind));
        return collect_children(g, n, user, width);
    }
}

/* --- blocks → items ------------------------------------------------------------------- */

static int
is_inline_kind(md_fo_kind k)
{
    switch (k) {
    case MD_FO_TEXT:
    case MD_FO_INLINE:
    case MD_FO_WRAPPER:
    case MD_FO_CHARACTER:
    case MD_FO_BASIC_LINK:
    case MD_FO_PAGE_NUMBER:
    case MD_FO_PAGE_NUMBER_CITATION:
    case MD_FO_PAGE_NUMBER_CITATION_LAST:
    case MD_FO_LEADER:
    case MD_FO_EXTERNAL_GRAPHIC: return 1;
    default: return 0;
    }
}

static md_para_align
align_from(md_fo_align a)
{
    switch (a) {
    case MD_FO_ALIGN_CENTER: return MD_PARA_CENTER;
    case MD_FO_ALIGN_END: return MD_PARA_END;
    case MD_FO_ALIGN_JUSTIFY: return MD_PARA_JUSTIFY;
    default: return MD_PARA_START;
    }
}

static const char *
role_of(const md_fo_props *p)
{
    const char *r = p->role;
    if (r != NULL && r[0] == 'H' && r[1] >= '1' && r[1] <= '6' && r[2] == '\0')
        return r;
    return "P";
}

/* A line may start a page unless a keep says otherwise (XSL §4.8): keep-with-next of the
 * block before it, keep-with-previous of its block, keep-together of a block it shares with
 * the line before. */
void
md_page_mark_keeps(pg *g, item *it)
{
    if (g->pending_keep)
        it->is_no_break = 1;
    g->pending_keep = 0;
    for (int k = 0; k < g->keep_depth; k++) {
        if (g->keep_has_line[k])
            it->is_no_break = 1;
        g->keep_has_line[k] = 1;
    }
}

static md_status flush_lines(pg *g, const md_fo_node *n, md_sp x, md_sp w, int *is_first);

/* The line of para that holds span k (its first glyphs), or of the first later span that has
 * glyphs; the last line when none has. Each text node has a style of its own (style_for), so
 * a run belongs to the span whose style it carries. */
static size_t
inline_line(const md_para *para, const md_para_span *spans, size_t spans_len, size_t k)
{
    for (; k < spans_len; k++) {
        for (size_t i = 0; i < para->lines_len; i++) {
            const md_para_line *l = &para->lines[i];
            for (size_t r = 0; r < l->runs_len; r++) {
                if (l->runs[r].style == spans[k].style && l->runs[r].glyphs_len > 0)
                    return i;
            }
        }
    }
    return para->lines_len - 1;
}

/* Sets the spans collected for block n as one paragraph at x, width w, and records the ids of
 * the inlines in it. */
static md_status
flush(pg *g, const md_fo_node *n, md_sp x, md_sp w, int *is_first)
{
    size_t first = g->items_len;
    md_status st = flush_lines(g, n, x, w, is_first);
    for (size_t i = 0; i < g->inline_ids_len && st == MD_OK; i++)
        st = md_page_record_id(g, g->inline_ids[i].id, first);
    g->inline_ids_len = 0;
    return st;
}

/* Sets the spans collected for block n as one paragraph at x, width w. */
static md_status
flush_lines(pg *g, const md_fo_node *n, md_sp x, md_sp w, int *is_first)
{
    if (g->spans_len == 0)
        return MD_OK;
    const md_fo_props *p = n->props;
    md_para_params pp;
    md_para_params_default(&pp, w);
    if (*is_first)
        pp.text_indent = md_page_len_at(g, p->text_indent, w);
    *is_first = 0;
    pp.align = align_from(p->text_align);
    pp.align_last = align_from(p->text_align_last);
    if (p->language != NULL)
        pp.lang = p->language;
    md_para_env env = {g->env->fonts, g->env->hyph};
    md_para para;
    size_t spans_len = g->spans_len;
    size_t before = md_diags_count(g->d, MD_DIAG_WARNING);
    const char *loc_file = NULL;
    long loc_line = 0;
    int is_meeting = md_page_loc(g, n, &loc_file, &loc_line);
    size_t errors = md_diags_count(g->d_final, MD_DIAG_ERROR);
    /* The first pass keeps its paragraphs; the second takes those with the same inputs. */
    int is_kept = 0;
    md_status st = MD_OK;
    if (g->memo != NULL && g->pass == 2)
        st = md_page_memo_get(g->memo, &env, g->spans, g->spans_len, &pp, &para, &is_kept);
    if (st == MD_OK && !is_kept) {
        int is_keep = g->memo != NULL && g->pass == 1;
        md_arena *a = is_keep ? md_page_memo_arena(g->memo) : g->a;
        st = md_para_set(&env, g->spans, g->spans_len, &pp, a, g->d, loc_file, loc_line, &para);
        if (st == MD_OK && is_keep)
            st = md_page_memo_put(g->memo, &env, g->spans, g->spans_len, &pp, &para);
    }
    g->spans_len = 0;
    if (st != MD_OK) {
        if (st != MD_ENOMEM && md_diags_count(g->d_final, MD_DIAG_ERROR) == errors)
            md_diag_add(g->d_final, MD_DIAG_ERROR, g->file, n->line, 0,
                        "fo:%s: its lines could not be set (internal error %d, measure %.1fpt); "
                        "please report this with the layout tree",
                        md_fo_kind_name(n->kind), (int)st, (double)w / MD_SP_PER_PT);
        return st;
    }
    if (md_diags_count(g->d, MD_DIAG_WARNING) > before)
        md_page_note_loc(g, g->d, n, is_meeting);

    /* Half-leading (XSL §7.15.4): the block's nominal font centred in line-height, so that
     * baselines are line-height apart. */
    const md_para_style *s = NULL;
    if ((st = style_for(g, p, &s)) != MD_OK)
        return st;
    md_font_metrics m;
    md_font_metrics_at(s->font, s->size, &m);
    md_sp lh = p->line_height;
    md_sp base = (lh - (m.ascender + m.descender)) / 2 + m.ascender;

    if (!g->in_label && (st = md_page_push_tag(g, IT_TAG_BEGIN, role_of(p), NULL)) != MD_OK)
        return st;
    size_t n_lines = para.lines_len;
    size_t line0 = g->items_len;
    md_sp aside_off = 0;
    for (size_t i = 0; i < n_lines && st == MD_OK; i++) {
        /* An inline image stands on the baseline: the line grows above it to hold it. */
        md_sp tall = 0;
        for (size_t r = 0; r < para.lines[i].runs_len; r++) {
            uint32_t u = para.lines[i].runs[r].user;
            size_t k = u & USER_INDEX;
            if ((u & USER_KIND) == USER_IMAGE && k < g->images_len && g->images[k]->h > tall)
                tall = g->images[k]->h;
        }
        md_sp extra = tall > base ? tall - base : 0;
        item it = {
            .kind = IT_LINE, .h = lh + extra, .base = base + extra, .x = x, .line = &para.lines[i]};
        if (g->in_label) {
            it.is_aside = 1;
            it.aside_off = aside_off;
            aside_off += it.h;
        } else {
            /* Orphans and widows (XSL §7.20.2, §7.20.6): at least that many lines of the
             * paragraph before and after a page break. */
            if (i > 0 && (i < (size_t)p->orphans || n_lines - i < (size_t)p->widows))
                it.is_no_break = 1;
            if (i > 0 && para.lines[i - 1].is_hyphenated)
                it.is_avoid = 1;
            md_page_mark_keeps(g, &it);
        }
        st = md_page_push(g, it);
    }
    for (size_t i = 0; i < g->inline_ids_len && st == MD_OK && n_lines > 0; i++) {
        size_t at = inline_line(&para, g->spans, spans_len, g->inline_ids[i].span);
        st = md_page_record_id(g, g->inline_ids[i].id, line0 + at);
    }
    if (n_lines > 0)
        g->inline_ids_len = 0;
    if (st == MD_OK && !g->in_label)
        st = md_page_push_tag(g, IT_TAG_END, role_of(p), NULL);
    return st;
}

/* The children of a block-level node: inline content becomes paragraphs, blocks recurse. */
static md_status
build_children(pg *g, const md_fo_node *n, md_sp rx, md_sp rw)
{
    const md_fo_props *p = n->props;
    md_sp x = rx + md_page_len_at(g, p->start_indent, rw);
    md_sp w = rw - md_page_len_at(g, p->start_indent, rw) - md_page_len_at(g, p->end_indent, rw);
    int is_first = 1;
    const md_fo_node *graphic = n->kind == MD_FO_BLOCK ? sole_graphic(n) : NULL;
    if (graphic != NULL)
        return build_image_block(g, n, graphic, x, w);
    md_status st = MD_OK;
    for (const md_fo_node *c = n->first; c != NULL && st == MD_OK; c = c->next) {
        if (n->kind == MD_FO_BLOCK && is_inline_kind(c->kind)) {
            st = collect_inline(g, c, 0, w);
        } else {
            st = flush(g, n, x, w, &is_first);
            if (st == MD_OK)
                st = md_page_build_block(g, c, rx, rw);
        }
    }
    if (st == MD_OK)
        st = flush(g, n, x, w, &is_first);
    return st;
}

md_status
md_page_record_id(pg *g, const char *id, size_t first)
{
    if (id == NULL || g->is_static)
        return MD_OK;
    if (GROW(g, g->ids, g->ids_len, g->ids_cap) != MD_OK)
        return MD_ENOMEM;
    g->ids[g->ids_len++] = (id_rec){id, first, g->items_len, 0, 0, g->page_format};
    return MD_OK;
}

static md_status
build_list(pg *g, const md_fo_node *n, md_sp rx, md_sp rw)
{
    const md_fo_props *p = n->props;
    md_sp saved_bs = g->body_start, saved_le = g->label_end;
    /* body-start() and label-end() (XSL §7.30.4, §7.30.6). */
    md_sp start = md_page_len_at(g, p->start_indent, rw);
    md_sp pdbs = md_page_len_at(g, p->provisional_distance_between_starts, rw);
    md_sp pls = md_page_len_at(g, p->provisional_label_separation, rw);
    g->body_start = start + pdbs;
    g->label_end = rw - (start + pdbs - pls);
    if (g->list_depth < MD_PAGE_MAX_LISTS) {
        g->list_body_start[g->list_depth] = g->body_start;
        g->list_label_end[g->list_depth] = g->label_end;
    }
    g->list_depth++;
    md_status st = md_page_push_tag(g, IT_TAG_BEGIN, "L", NULL);
    for (const md_fo_node *it = n->first; it != NULL && st == MD_OK; it = it->next) {
        if (it->kind != MD_FO_LIST_ITEM) {
            st = md_page_build_block(g, it, rx, rw);
            continue;
        }
        size_t first = g->items_len;
        const md_fo_props *ip = it->props;
        if (ip->break_before != MD_FO_BREAK_AUTO)
            st = md_page_push_space(g, IT_BREAK, 0, 0);
        if (st == MD_OK)
            st = md_page_push_space(g, IT_SPACE, md_page_len_at(g, ip->space_before.opt, rw),
                                    ip->space_before.is_retain);
        if (st == MD_OK)
            st = md_page_push_tag(g, IT_TAG_BEGIN, "LI", NULL);
        int keep = ip->keep_together.within_page == MD_FO_KEEP_ALWAYS;
        if (keep && g->keep_depth <= MD_FO_MAX_DEPTH)
            g->keep_has_line[g->keep_depth++] = 0;
        for (const md_fo_node *part = it->first; part != NULL && st == MD_OK; part = part->next) {
            int is_label = part->kind == MD_FO_LIST_ITEM_LABEL;
            const char *role = is_label ? "Lbl" : "LBody";
            st = md_page_push_tag(g, IT_TAG_BEGIN, role, NULL);
            size_t body = g->items_len;
            g->in_label = is_label;
            for (const md_fo_node *b = part->first; b != NULL && st == MD_OK; b = b->next)
                st = md_page_build_block(g, b, rx, rw);
            g->in_label = 0;
            if (st == MD_OK && !is_label)
                md_page_fold_sole_p(g, body);
            if (st == MD_OK)
                st = md_page_push_tag(g, IT_TAG_END, role, NULL);
        }
        if (keep && g->keep_depth > 0)
            g->keep_depth--;
        if (st == MD_OK)
            st = md_page_push_tag(g, IT_TAG_END, "LI", NULL);
        if (st == MD_OK)
            st = md_page_push_space(g, IT_SPACE, md_page_len_at(g, ip->space_after.opt, rw),
                                    ip->space_after.is_retain);
        if (st == MD_OK && ip->keep_with_next.within_page == MD_FO_KEEP_ALWAYS)
            g->pending_keep = 1;
        if (st == MD_OK)
            st = md_page_record_id(g, ip->id, first);
    }
    if (st == MD_OK)
        st = md_page_push_tag(g, IT_TAG_END, "L", NULL);
    g->body_start = saved_bs;
    g->label_end = saved_le;
    g->list_depth--;
    return st;
}

/* The width of a block-container's content rectangle in a room rw wide: its width, else
 * what its indents leave. */
static md_sp
container_width(const pg *g, const md_fo_props *p, md_sp rw)
{
    if (p->width.kind == MD_FO_LEN_ABS)
        return md_page_len_at(g, p->width, rw);
    return rw - md_page_len_at(g, p->start_indent, rw) - md_page_len_at(g, p->end_indent, rw);
}

md_status
md_page_build_block(pg *g, const md_fo_node *n, md_sp rx, md_sp rw)
{
    const md_fo_props *p = n->props;
    size_t first = g->items_len;
    md_status st = MD_OK;
    switch (n->kind) {
    case MD_FO_BLOCK:
    case MD_FO_BLOCK_CONTAINER:
    case MD_FO_LIST_BLOCK:
    case MD_FO_WRAPPER: break;
    case MD_FO_TABLE:
        if (!g->in_label)
            break;
        md_page_warn(g, n, "%s in a list-item-label is set as its cells, one below another",
                     "fo:table");
        for (const md_fo_node *c = n->first; c != NULL && st == MD_OK; c = c->next)
            st = md_page_build_block(g, c, rx, rw);
        return st;
    case MD_FO_TABLE_BODY:
    case MD_FO_TABLE_HEADER:
    case MD_FO_TABLE_FOOTER:
    case MD_FO_TABLE_ROW:
    case MD_FO_TABLE_CELL:
        if (!g->in_label)
            md_page_warn(g, n,
                         "fo:%s outside an fo:table is not typeset as a table; its content is "
                         "set as blocks",
                         md_fo_kind_name(n->kind));
        for (const md_fo_node *c = n->first; c != NULL && st == MD_OK; c = c->next)
            st = md_page_build_block(g, c, rx, rw);
        return st;
    case MD_FO_TABLE_COLUMN: return MD_OK;
    case MD_FO_TEXT:
        md_page_warn(g, n, "%s outside a block is not typeset; left out", "text");
        return MD_OK;
    default:
        md_page_warn(g, n, "fo:%s is not typeset yet; left out", md_fo_kind_name(n->kind));
        return MD_OK;
    }
    if (p->break_before != MD_FO_BREAK_AUTO)
        st = md_page_push_space(g, IT_BREAK, 0, 0);
    if (st == MD_OK && p->keep_with_previous.within_page == MD_FO_KEEP_ALWAYS)
        g->pending_keep = 1;
    if (st == MD_OK)
        st = md_page_push_space(g, IT_SPACE, md_page_len_at(g, p->space_before.opt, rw),
                                p->space_before.is_retain);

    /* The border box: the content rectangle widened by padding and border (XSL §4.2.2). */
    box *bx = NULL;
    const md_fo_border *bd = p->border;
    static const md_fo_border no_borders[4];
    md_sp tx = 0, tw = 0;
    if (n->kind == MD_FO_TABLE) {
        /* The table's content rectangle: between its indents, or as wide as its width, never
         * wider than the room it has (XSL §6.7.3; then it is narrowed, with a warning). With
         * border-collapse its own border is drawn by its outer cells. */
        tx = md_page_len_at(g, p->start_indent, rw);
        md_sp room = rw - tx - md_page_len_at(g, p->end_indent, rw);
        tw = room;
        if (p->width.kind == MD_FO_LEN_ABS) {
            tw = md_page_len_at(g, p->width, room);
            if (tw > room) {
                char buf[64];
                md_page_fmt_pt(buf, sizeof buf, tw - room);
                md_page_warn(g, n,
                             "fo:table is %s wider than the room it has; it is narrowed to fit "
                             "and its columns are scaled down",
                             buf);
                tw = room;
                g->narrowed_table = n;
            }
        }
        if (!p->is_border_separate)
            bd = no_borders;
    }
    if (st == MD_OK && !g->in_label &&
        (p->background_color != MD_FO_COLOR_NONE || bd[0].width || bd[1].width || bd[2].width ||
         bd[3].width)) {
        bx = md_arena_alloc(g->a, sizeof *bx);
        if (bx == NULL)
            return MD_ENOMEM;
        bx->left = md_page_len_at(g, p->start_indent, rw) -
                   md_page_len_at(g, p->padding[MD_FO_START], rw) - bd[MD_FO_START].width;
        bx->right = rw - md_page_len_at(g, p->end_indent, rw) +
                    md_page_len_at(g, p->padding[MD_FO_END], rw) + bd[MD_FO_END].width;
        if (n->kind == MD_FO_BLOCK_CONTAINER) {
            /* Around its content rectangle (see below), which may be narrower (width). */
            md_sp s0 = md_page_len_at(g, p->start_indent, rw);
            bx->right = s0 + container_width(g, p, rw) +
                        md_page_len_at(g, p->padding[MD_FO_END], rw) + bd[MD_FO_END].width;
        } else if (n->kind == MD_FO_TABLE) {
            bx->right =
                tx + tw + md_page_len_at(g, p->padding[MD_FO_END], rw) + bd[MD_FO_END].width;
        }
        memcpy(bx->border, bd, sizeof bx->border);
        bx->background = p->background_color;
        st = md_page_push(g, (item){.kind = IT_BOX_BEGIN, .box = bx});
    }
    if (st == MD_OK)
        st = md_page_push_space(
            g, IT_FIXED, bd[MD_FO_BEFORE].width + md_page_len_at(g, p->padding[MD_FO_BEFORE], rw),
            1);
    int keep = p->keep_together.within_page == MD_FO_KEEP_ALWAYS;
    if (keep && g->keep_depth <= MD_FO_MAX_DEPTH)
        g->keep_has_line[g->keep_depth++] = 0;
    if (st == MD_OK) {
        if (n->kind == MD_FO_LIST_BLOCK) {
            st = build_list(g, n, rx, rw);
        } else if (n->kind == MD_FO_TABLE) {
            st = md_page_table_build(g, n, rx + tx, tw);
        } else if (n->kind == MD_FO_BLOCK_CONTAINER) {
            /* A reference area (XSL §6.5.3): its children's indents count from its content
             * rectangle. They inherit its start- and end-indent, which are counted once (not
             * again inside it, as FOP does): they are laid out in a room as wide as the content
             * rectangle plus those indents. */
            md_sp s = md_page_len_at(g, p->start_indent, rw),
                  e = md_page_len_at(g, p->end_indent, rw);
            md_sp inner = container_width(g, p, rw);
            for (const md_fo_node *c = n->first; c != NULL && st == MD_OK; c = c->next)
                st = md_page_build_block(g, c, rx, s + inner + e);
        } else {
            st = build_children(g, n, rx, rw);
        }
    }
    if (keep && g->keep_depth > 0)
        g->keep_depth--;
    if (st == MD_OK)
        st = md_page_push_space(
            g, IT_FIXED, bd[MD_FO_AFTER].width + md_page_len_at(g, p->padding[MD_FO_AFTER], rw), 1);
    if (st == MD_OK && bx != NULL)
        st = md_page_push(g, (item){.kind = IT_BOX_END, .box = bx});
    if (st == MD_OK)
        st = md_page_push_space(g, IT_SPACE, md_page_len_at(g, p->space_after.opt, rw),
                                p->space_after.is_retain);
    if (st == MD_OK && p->break_after != MD_FO_BREAK_AUTO)
        st = md_page_push_space(g, IT_BREAK, 0, 0);
    if (st == MD_OK && p->keep_with_next.within_page == MD_FO_KEEP_ALWAYS)
        g->pending_keep = 1;
    if (st == MD_OK)
        st = md_page_record_id(g, p->id, first);
    return st;
}

/* Builds the items of a flow or static-content into g->items (emptied first). */
static md_status
build_flow(pg *g, const md_fo_node *flow, md_sp width)
{
    g->items_len = 0;
    g->pending_keep = 0;
    g->keep_depth = 0;
    md_status st = MD_OK;
    for (const md_fo_node *c = flow->first; c != NULL && st == MD_OK; c = c->next)
        st = md_page_build_block(g, c, 0, width);
    return st;
}

/* --- pagination ----------------------------------------------------------------------- */

/* Places items from start on a page body h high, as the drawing does (spaces merge to the
 * largest, §4.3.1 with equal precedence; a conditional space at the page top is discarded).
 * With is_bounded the page ends at end; otherwise the best place for the page to end is
 * found: *end is the last item on the page + 1, *next the first item of the next page.
 * ys (may be NULL) receives the top of each placed item, from the body top; *out_used (may be
 * NULL) the height used. A table's row group is placed as one line; its cells' items are
 * skipped (page-table.c places them), and a page that begins inside a table begins with the
 * table's header. */
void
md_page_place(const item *it, size_t start, size_t end, md_sp h, int is_bounded, md_sp *ys,
              size_t *out_end, size_t *out_next, md_sp *out_used)
{
    md_sp y = 0, pending = 0;
    size_t placed = 0, aside_from = SIZE_MAX;
    size_t good = SIZE_MAX, hard = SIZE_MAX, good_no = 0, hard_no = 0;
    size_t i;
    *out_end = *out_next = end;
    for (i = start; i < end; i++) {
        const item *t = &it[i];
        if (ys != NULL)
            ys[i - start] = y + pending;
        switch (t->kind) {
        case IT_SPACE:
            if (placed > 0 || t->is_retain)
                pending = t->h > pending ? t->h : pending;
            break;
        case IT_FIXED:
            y += pending + t->h;
            pending = 0;
            break;
        case IT_BOX_BEGIN:
        case IT_BOX_END:
            y += pending;
            pending = 0;
            if (ys != NULL)
                ys[i - start] = y;
            break;
        case IT_BREAK:
            if (placed > 0 && !is_bounded) {
                *out_end = i;
                *out_next = i + 1;
                goto out;
            }
            break;
        case IT_LINE:
        case IT_ROW:
            if (t->is_aside) {
                if (aside_from == SIZE_MAX)
                    aside_from = i;
                break;
            }
            /* A row group that begins a page inside its table comes below the repeated
             * header; one that a page may end after leaves room for the repeated footer. */
            md_sp above = 0, below = 0;
            if (t->kind == IT_ROW) {
                above = md_page_row_repeats_header(t->row, it, start) ? t->row->table->header_h : 0;
                below = t->row->reserve;
            }
            if (placed > 0 && !is_bounded) {
                if (!t->is_no_break) {
                    hard = i, hard_no = placed;
                    if (!t->is_avoid)
                        good = i, good_no = placed;
                }
                if (y + pending + above + t->h + below > h) {
                    /* The page is full: end it before the last line allowed to start a page,
                     * preferring one that does not follow a hyphen unless that costs more than
                     * three lines (then the hyphen stays). */
                    size_t brk = i;
                    if (good != SIZE_MAX && (hard == SIZE_MAX || hard_no - good_no <= 3))
                        brk = good;
                    else if (hard != SIZE_MAX)
                        brk = hard;
                    size_t split = brk;
                    while (split > start && it[split - 1].kind != IT_ROW_END &&
                           (it[split - 1].kind != IT_LINE || it[split - 1].is_aside))
                        split--;
                    while (split < brk &&
                           (it[split].kind == IT_TAG_END || it[split].kind == IT_SPACE ||
                            it[split].kind == IT_FIXED || it[split].kind == IT_BOX_END))
                        split++;
                    *out_end = *out_next = split;
                    goto out;
                }
            }
            y += pending + above;
            pending = 0;
            if (ys != NULL) {
                ys[i - start] = y;
                for (size_t k = aside_from; k < i && aside_from != SIZE_MAX; k++) {
                    if (it[k].kind == IT_LINE && it[k].is_aside)
                        ys[k - start] = y + it[k].aside_off;
                }
            }
            aside_from = SIZE_MAX;
            y += t->h;
            placed++;
            if (t->kind == IT_ROW && t->row->end > i && t->row->end < end)
                i = t->row->end; /* its cells are placed by page-table.c */
            break;
        default: break;
        }
    }
out:
    if (out_used != NULL)
        *out_used = y;
}

static int
has_lines(const item *it, size_t start, size_t end)
{
    for (size_t i = start; i < end; i++) {
        if (it[i].kind == IT_LINE && !it[i].is_aside)
            return 1;
    }
    return 0;
}

/* --- page masters --------------------------------------------------------------------- */

static const md_fo_node *
find_master(const md_fo_node *root, const char *name)
{
    for (const md_fo_node *s = root->first; s != NULL && name != NULL; s = s->next) {
        if (s->kind != MD_FO_LAYOUT_MASTER_SET)
            continue;
        for (const md_fo_node *m = s->first; m != NULL; m = m->next) {
            if (m->props->master_name != NULL && strcmp(m->props->master_name, name) == 0)
                return m;
        }
    }
    return NULL;
}

/* A note naming the masters there are (the first few), for a master-reference that names
 * none of them. */
static void
note_masters(pg *g, const md_fo_node *root)
{
    char names[400] = "";
    size_t len = 0, count = 0;
    long line = 0;
    for (const md_fo_node *s = root->first; s != NULL; s = s->next) {
        if (s->kind == MD_FO_LAYOUT_MASTER_SET && line == 0)
            line = s->line;
        for (const md_fo_node *m = s->kind == MD_FO_LAYOUT_MASTER_SET ? s->first : NULL; m != NULL;
             m = m->next) {
            if (m->props->master_name == NULL || len + 40 >= sizeof names)
                continue;
            int w = snprintf(names + len, sizeof names - len, "%s\"%.32s\"", count ? ", " : "",
                             m->props->master_name);
            len += w > 0 ? (size_t)w : 0;
            count++;
        }
    }
    if (count == 0)
        md_diag_note(g->d_final, g->file, line, 0,
                     "the fo:layout-master-set has no fo:simple-page-master; add one");
    else
        md_diag_note(g->d_final, g->file, line, 0,
                     "the page masters are %s; use one of them or add a fo:simple-page-master "
                     "with that master-name",
                     names);
}

/* The simple-page-master of page index (0-based) of a page-sequence whose master-reference is
 * ref (XSL §6.4.7–6.4.11); is_last from the previous pass. NULL when none applies. */
static const md_fo_node *
master_for(const md_fo_node *root, const md_fo_node *ref, int index, int is_last, int number)
{
    if (ref == NULL || ref->kind == MD_FO_SIMPLE_PAGE_MASTER)
        return ref;
    int at = 0;
    const md_fo_node *last = NULL;
    for (const md_fo_node *s = ref->first; s != NULL; s = s->next) {
        int reps = s->kind == MD_FO_SINGLE_PAGE_MASTER_REFERENCE ? 1 : s->props->maximum_repeats;
        int is_here = reps < 0 || index < at + reps;
        if (s->kind == MD_FO_SINGLE_PAGE_MASTER_REFERENCE ||
            s->kind == MD_FO_REPEATABLE_PAGE_MASTER_REFERENCE) {
            last = find_master(root, s->props->master_reference);
            if (is_here)
                return last;
        } else if (s->kind == MD_FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES) {
            for (const md_fo_node *c = s->first; c != NULL; c = c->next) {
                const md_fo_props *p = c->props;
                int pos = p->page_position;
                int is_first = index == 0;
                int ok = pos == 0 || (pos == 1 && is_first) || (pos == 2 && is_last) ||
                         (pos == 3 && !is_first) || (pos == 4 && is_first && is_last);
                ok = ok && (p->odd_or_even == 0 || (p->odd_or_even == 1) == (number % 2 != 0));
                ok = ok && p->blank_or_not_blank != 1;
                if (ok) {
                    last = find_master(root, p->master_reference);
                    if (is_here)
                        return last;
                    break;
                }
            }
        }
        if (reps >= 0)
            at += reps;
    }
    return last;
}

static md_sp
margin(const md_fo_props *p, int side, md_sp base)
{
    return (md_sp)(p->margin[side].sp + (int64_t)p->margin[side].pct * base / (100 * 65536));
}

static void
geom_from(const md_fo_node *m, geom *out)
{
    const md_fo_props *p = m->props;
    geom g = {.master = m, .page_w = p->page_width, .page_h = p->page_height};
    md_sp mt = margin(p, MD_FO_BEFORE, g.page_w), mb = margin(p, MD_FO_AFTER, g.page_w);
    md_sp ml = margin(p, MD_FO_START, g.page_w), mr = margin(p, MD_FO_END, g.page_w);
    md_sp cw = g.page_w - ml - mr, ch = g.page_h - mt - mb;
    g.body_x = ml, g.body_y = mt, g.body_w = cw, g.body_h = ch;
    g.before_name = "xsl-region-before";
    g.after_name = "xsl-region-after";
    for (const md_fo_node *r = m->first; r != NULL; r = r->next) {
        const md_fo_props *q = r->props;
        md_sp ext = (md_sp)(q->extent.sp + (int64_t)q->extent.pct * ch / (100 * 65536));
        if (r->kind == MD_FO_REGION_BODY) {
            md_sp bt = margin(q, MD_FO_BEFORE, cw), bb = margin(q, MD_FO_AFTER, cw);
            md_sp bl = margin(q, MD_FO_START, cw), br = margin(q, MD_FO_END, cw);
            g.body_x = ml + bl, g.body_y = mt + bt;
            g.body_w = cw - bl - br, g.body_h = ch - bt - bb;
        } else if (r->kind == MD_FO_REGION_BEFORE) {
            g.before_x = ml, g.before_y = mt, g.before_w = cw, g.before_h = ext;
            if (q->region_name != NULL)
                g.before_name = q->region_name;
        } else if (r->kind == MD_FO_REGION_AFTER) {
            g.after_x = ml, g.after_y = mt + ch - ext, g.after_w = cw, g.after_h = ext;
            if (q->region_name != NULL)
                g.after_name = q->region_name;
        }
    }
    *out = g;
}

/* Length l in millimetres with one decimal, for messages about page sizes. */
static void
mm_text(md_sp l, char *buf, size_t cap)
{
    double mm = (double)l / MD_SP_PER_PT * 25.4 / 72.0;
    snprintf(buf, cap, "%.1fmm", mm);
}

/* A region-body with no positive width or height cannot hold a line (the paragraph builder
 * would find no break): an error naming master m, its page size and margins. */
static md_status
check_geom(pg *g, const geom *gm)
{
    if (gm->body_w > 0 && gm->body_h > 0)
        return MD_OK;
    const md_fo_node *m = gm->master;
    const md_fo_props *p = m->props;
    char pw[32], ph[32], bw[32], bh[32], mg[4][32];
    mm_text(gm->page_w, pw, sizeof pw);
    mm_text(gm->page_h, ph, sizeof ph);
    mm_text(gm->body_w, bw, sizeof bw);
    mm_text(gm->body_h, bh, sizeof bh);
    for (int side = 0; side < 4; side++)
        mm_text(margin(p, side, gm->page_w), mg[side], sizeof mg[side]);
    md_diag_add(g->d_final, MD_DIAG_ERROR, g->file, m->line, 0,
                "simple-page-master \"%s\": its region-body is %s wide and %s high on a %s × "
                "%s page (margins top %s, bottom %s, left %s, right %s, plus the "
                "region-body's own margins); make the margins smaller or the page larger",
                p->master_name ? p->master_name : "", bw, bh, pw, ph, mg[MD_FO_BEFORE],
                mg[MD_FO_AFTER], mg[MD_FO_START], mg[MD_FO_END]);
    return MD_EINPUT;
}

/* --- drawing -------------------------------------------------------------------------- */

/* One border edge as filled rectangles: solid (and the styles drawn as solid: double, groove,
 * ridge, inset, outset) one rectangle; dashed, dashes of 3 × its thickness (at least 2 pt)
 * with gaps of 2 ×; dotted, squares as wide as it is thick, a thickness apart (at least 1 pt
 * from one to the next). The dashes or dots are spread so that the edge starts and ends with
 * one. */
static md_status
border_edge(pg *g, const md_fo_border *bd, md_sp x, md_sp y, md_sp w, md_sp h)
{
    md_canvas c = g->c;
    int is_across = w >= h; /* a top or bottom edge (an empty side edge: drawn as solid) */
    md_sp len = is_across ? w : h, t = is_across ? h : w;
    if (bd->style != MD_FO_BORDER_DASHED && bd->style != MD_FO_BORDER_DOTTED)
        return c.ops->rect(c.self, x, y, w, h, bd->color);
    md_sp mark = bd->style == MD_FO_BORDER_DASHED ? 3 * t : t;
    md_sp step = bd->style == MD_FO_BORDER_DASHED ? 5 * t : 2 * t;
    md_sp min_step = bd->style == MD_FO_BORDER_DASHED ? 2 * MD_SP_PER_PT : MD_SP_PER_PT;
    if (step < min_step) {
        mark = mark * min_step / step;
        step = min_step;
    }
    if (len <= mark || t <= 0)
        return c.ops->rect(c.self, x, y, w, h, bd->color);
    int64_t n = (len - mark + step / 2) / step + 1; /* marks; the first and last at the ends */
    if (n > 20000)
        n = 20000;
    md_status st = MD_OK;
    for (int64_t i = 0; i < n && st == MD_OK; i++) {
        md_sp at = n > 1 ? (md_sp)((int64_t)(len - mark) * i / (n - 1)) : 0;
        st = is_across ? c.ops->rect(c.self, x + at, y, mark, h, bd->color)
                       : c.ops->rect(c.self, x, y + at, w, mark, bd->color);
    }
    return st;
}

md_status
md_page_draw_box(pg *g, const box *b, md_sp x0, md_sp top, md_sp bottom, int is_start, int is_end)
{
    md_canvas c = g->c;
    md_sp l = x0 + b->left, w = b->right - b->left;
    md_status st = MD_OK;
    if (b->background != MD_FO_COLOR_NONE && bottom > top)
        st = c.ops->rect(c.self, l, top, w, bottom - top, b->background);
    const md_fo_border *bd = b->border;
    if (st == MD_OK && is_start && bd[MD_FO_BEFORE].width > 0)
        st = border_edge(g, &bd[MD_FO_BEFORE], l, top, w, bd[MD_FO_BEFORE].width);
    if (st == MD_OK && is_end && bd[MD_FO_AFTER].width > 0)
        st = border_edge(g, &bd[MD_FO_AFTER], l, bottom - bd[MD_FO_AFTER].width, w,
                         bd[MD_FO_AFTER].width);
    if (st == MD_OK && bd[MD_FO_START].width > 0)
        st = border_edge(g, &bd[MD_FO_START], l, top, bd[MD_FO_START].width, bottom - top);
    if (st == MD_OK && bd[MD_FO_END].width > 0)
        st = border_edge(g, &bd[MD_FO_END], l + w - bd[MD_FO_END].width, top, bd[MD_FO_END].width,
                         bottom - top);
    return st;
}

static md_status
draw_leader(pg *g, const leader *ld, md_sp x, md_sp width, md_sp baseline)
{
    md_canvas c = g->c;
    if (ld->pattern == MD_FO_LEADER_RULE)
        return c.ops->rect(c.self, x, baseline - ld->thickness, width, ld->thickness, ld->rgb);
    if (ld->pattern != MD_FO_LEADER_DOTS)
        return MD_OK;
    /* Dots: full stops of the font around it, each its own advance apart (as FOP's
     * leader-pattern-width="use-font-metrics"), ending at the leader's end; drawn as text, so
     * that text extraction reads the line in order ("Övriga frågor ….. 12"). */
    md_shape_result res = {0};
    md_status st = md_shape_text(g->env->fonts, ld->font, ld->size, NULL, ".", 1, g->a, &res);
    if (st != MD_OK)
        return st;
    md_sp adv = res.runs_len == 1 && res.runs[0].glyphs_len == 1 ? res.width : 0;
    uint32_t id = adv > 0 ? res.runs[0].glyphs[0].id : 0;
    md_font *f = adv > 0 ? res.runs[0].font : NULL;
    int64_t n = adv > 0 ? width / adv : 0;
    if (n > 2000)
        n = 2000;
    md_canvas_glyph *gl = n > 0 ? md_alloc_array((size_t)n, sizeof *gl) : NULL;
    md_canvas_cluster *cl = n > 0 ? md_alloc_array((size_t)n, sizeof *cl) : NULL;
    char *text = n > 0 ? md_alloc((size_t)n) : NULL;
    if (n > 0 && (gl == NULL || cl == NULL || text == NULL)) {
        st = MD_ENOMEM;
    } else if (n > 0) {
        md_sp start = x + width - (md_sp)(n * adv);
        for (int64_t k = 0; k < n; k++) {
            gl[k] = (md_canvas_glyph){id, start + (md_sp)(k * adv), baseline};
            cl[k] = (md_canvas_cluster){1, 1};
            text[k] = '.';
        }
        md_canvas_text t = {f,         ld->size, ld->rgb,   text, (size_t)n, gl,
                            (size_t)n, cl,       (size_t)n, 0,    0};
        st = c.ops->text(c.self, &t);
    }
    md_free(gl);
    md_free(cl);
    md_free(text);
    md_shape_free(&res);
    return st;
}

static md_status
draw_image(pg *g, const image *im, md_sp x, md_sp y)
{
    md_status st = g->c.ops->image(g->c.self, im->path, im->alt, x, y, im->w, im->h);
    if (st == MD_EINPUT)
        md_diag_add(g->d_final, MD_DIAG_ERROR, im->path, 0, 0,
                    "the image could not be drawn: it is no longer a readable SVG or PNG file");
    return st;
}

/* fill_to: where a leader that fills may reach, from the line start (the next text), or -1. */
static md_status
draw_run(pg *g, const md_para_run *run, md_sp x, md_sp baseline, md_sp fill_to)
{
    if ((run->user & USER_KIND) == USER_IMAGE) {
        size_t k = run->user & USER_INDEX;
        md_sp gx = run->glyphs_len > 0 ? run->glyphs[0].x : 0;
        if (k >= g->images_len)
            return MD_EBUG;
        return draw_image(g, g->images[k], x + gx, baseline - g->images[k]->h);
    }
    if ((run->user & USER_KIND) == USER_LEADER) {
        size_t k = run->user & USER_INDEX;
        md_sp gx = run->glyphs_len > 0 ? run->glyphs[0].x : 0;
        if (k >= g->leaders_len)
            return MD_EBUG;
        const leader *ld = &g->leaders[k];
        md_sp lw = ld->is_fill && fill_to - gx > ld->width ? fill_to - gx : ld->width;
        return draw_leader(g, ld, x + gx, lw, baseline);
    }
    md_canvas_glyph *gl = md_alloc_array(run->glyphs_len + 1, sizeof *gl);
    md_canvas_cluster *cl = md_alloc_array(run->clusters_len + 1, sizeof *cl);
    md_status st = MD_ENOMEM;
    if (gl != NULL && cl != NULL) {
        for (size_t i = 0; i < run->glyphs_len; i++)
            gl[i] = (md_canvas_glyph){run->glyphs[i].id, x + run->glyphs[i].x,
                                      baseline + run->glyphs[i].y};
        for (size_t i = 0; i < run->clusters_len; i++)
            cl[i] = (md_canvas_cluster){run->clusters[i].num_bytes, run->clusters[i].num_glyphs};
        md_canvas_text t = {run->font,         run->style->size,
                            run->style->rgb,   run->text,
                            run->text_len,     gl,
                            run->glyphs_len,   cl,
                            run->clusters_len, run->is_backward,
                            run->x_scale};
        st = g->c.ops->text(g->c.self, &t);
    }
    md_free(gl);
    md_free(cl);
    return st;
}

/* Underline, overline and line-through of a text run (XSL §7.17.4) as filled rules from x0 to
 * x1, placed and sized from the post and OS/2 tables of the run's style font (its nominal
 * font, so that a fallback glyph does not move the rule), else 0.07 em thick, 0.1 em below
 * the baseline, 0.3 em above it; the overline 0.15 em above the capitals. Drawn after the
 * glyphs, in the run's colour. */
static md_status
draw_decoration(pg *g, const md_para_run *run, md_sp x0, md_sp x1, md_sp baseline)
{
    unsigned deco = (run->user & USER_DECO) >> USER_DECO_SHIFT;
    if (deco == 0 || x1 <= x0 || run->style == NULL || run->style->font == NULL)
        return MD_OK;
    md_sp size = run->style->size;
    md_font_metrics m;
    md_font_metrics_at(run->style->font, size, &m);
    md_sp under_h = m.underline_thickness > 0 ? m.underline_thickness : size * 7 / 100;
    md_sp under_y = m.underline_position > 0 ? m.underline_position : size / 10;
    md_sp strike_h = m.strikeout_thickness > 0 ? m.strikeout_thickness : under_h;
    md_sp strike_y = m.strikeout_position > 0 ? m.strikeout_position : size * 3 / 10;
    /* Above the capitals (the ascender would reach into the line above). */
    md_sp over_y = (m.cap_height > 0 ? m.cap_height : size * 7 / 10) + size * 3 / 20;
    md_status st = MD_OK;
    uint32_t rgb = run->style->rgb;
    if (deco & MD_FO_UNDERLINE)
        st = g->c.ops->rect(g->c.self, x0, baseline + under_y, x1 - x0, under_h, rgb);
    if (st == MD_OK && (deco & MD_FO_OVERLINE))
        st = g->c.ops->rect(g->c.self, x0, baseline - over_y, x1 - x0, under_h, rgb);
    if (st == MD_OK && (deco & MD_FO_LINE_THROUGH))
        st = g->c.ops->rect(g->c.self, x0, baseline - strike_y, x1 - x0, strike_h, rgb);
    return st;
}

/* Where the last glyph of a left-to-right run ends, from the line start: its cluster's text
 * (without trailing spaces, which are glue between the words) shaped again for its advance,
 * scaled as the line's glyphs are. -1 when that cannot be told. */
static md_sp
run_glyph_end(pg *g, const md_para_run *run)
{
    if (run->clusters_len == 0 || run->is_backward)
        return -1;
    const md_para_cluster *c = &run->clusters[run->clusters_len - 1];
    if (c->num_glyphs <= 0 || (size_t)c->num_glyphs > run->glyphs_len || c->num_bytes <= 0 ||
        (size_t)c->num_bytes > run->text_len)
        return -1;
    const char *t = run->text + run->text_len - c->num_bytes;
    size_t len = (size_t)c->num_bytes;
    while (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '\n'))
        len--;
    if (len == 0)
        return -1;
    md_shape_result res = {0};
    if (md_shape_text(g->env->fonts, run->style->font, run->style->size, NULL, t, len, g->a,
                      &res) != MD_OK)
        return -1;
    md_sp w = res.width;
    md_shape_free(&res);
    md_sp x = run->glyphs[run->glyphs_len - (size_t)c->num_glyphs].x;
    return x + (md_sp)((int64_t)w * run->x_scale / 65536);
}

/* The extent of run r of line from the line start: its leftmost glyph to the end of its last
 * glyph, or (is_joined) on to the next run when that has the same decoration (the words of a
 * decorated inline are runs of their own: the rule goes on under the space between them); for
 * right-to-left text the rightmost glyph plus half an em. */
static void
run_extent(pg *g, const md_para_line *line, size_t r, int is_joined, md_sp *x0, md_sp *x1)
{
    const md_para_run *run = &line->runs[r];
    md_sp lo = run->glyphs[0].x, hi = run->glyphs[0].x;
    for (size_t i = 1; i < run->glyphs_len; i++) {
        lo = run->glyphs[i].x < lo ? run->glyphs[i].x : lo;
        hi = run->glyphs[i].x > hi ? run->glyphs[i].x : hi;
    }
    *x0 = lo;
    md_sp end = run_glyph_end(g, run);
    *x1 = end > hi ? end : hi + run->style->size / 2;
    const md_para_run *next = r + 1 < line->runs_len ? &line->runs[r + 1] : NULL;
    if (is_joined && !run->is_backward && next != NULL && !next->is_backward &&
        next->glyphs_len > 0 && next->glyphs[0].x > hi &&
        (next->glyphs[0].x < *x1 || (next->user & USER_DECO) == (run->user & USER_DECO)))
        *x1 = next->glyphs[0].x;
}

/* A paragraph's tag folded into the element around it (md_page_fold_sole_p): not drawn. */
static int
is_folded(const item *t)
{
    return (t->kind == IT_TAG_BEGIN || t->kind == IT_TAG_END) && t->role == NULL;
}

/* True for a line of plain text only: no link, leader or image, no inline background. */
static int
is_plain_line(const item *t)
{
    if (t->kind != IT_LINE || t->img != NULL || t->line == NULL)
        return 0;
    for (size_t r = 0; r < t->line->runs_len; r++) {
        const md_para_run *run = &t->line->runs[r];
        if ((run->user & USER_KIND) != 0 ||
            (run->style != NULL && ((const page_style *)(const void *)run->style)->background))
            return 0;
    }
    return 1;
}

/* When the element that item i begins holds only lines of plain text and ends before end (on
 * this page), the index of its end; else 0. Such an element is drawn as a leaf, its text in
 * it directly, without a Span for its lines (draw_line): a heading, a list label or a short
 * paragraph is one structure element instead of two. One that goes on to the next page keeps
 * its Spans: the next page's header and footer are drawn while it is open, and only content
 * in a leaf is marked (cairo 1.16), so they stay outside it and become artifacts. */
static size_t
leaf_end(const item *it, size_t i, size_t end)
{
    size_t j = i + 1, lines = 0;
    for (; j < end; j++) {
        if (is_plain_line(&it[j]))
            lines++;
        else if (!is_folded(&it[j]) && it[j].kind != IT_SPACE)
            break;
    }
    return j < end && lines > 0 && it[j].kind == IT_TAG_END ? j : 0;
}

/* True when items [first, end) are plain lines (at least one), spaces and folded tags only:
 * content an element can hold as a leaf. */
int
md_page_is_leaf_content(const item *it, size_t first, size_t end)
{
    size_t lines = 0;
    for (size_t j = first; j < end; j++) {
        if (is_plain_line(&it[j]))
            lines++;
        else if (!is_folded(&it[j]) && it[j].kind != IT_SPACE)
            return 0;
    }
    return lines > 0;
}

void
md_page_fold_sole_p(pg *g, size_t first)
{
    size_t begin = SIZE_MAX, close = SIZE_MAX;
    for (size_t j = first; j < g->items_len; j++) {
        const item *t = &g->items[j];
        if (t->kind == IT_TAG_BEGIN && begin == SIZE_MAX && strcmp(t->role, "P") == 0 &&
            t->attrs == NULL)
            begin = j;
        else if (t->kind == IT_TAG_END && begin != SIZE_MAX && close == SIZE_MAX &&
                 strcmp(t->role, "P") == 0)
            close = j;
        else if (!is_plain_line(t) && t->kind != IT_SPACE)
            return;
    }
    if (close == SIZE_MAX)
        return;
    g->items[begin].role = NULL;
    g->items[close].role = NULL;
}

/* Ends the plain-text Span that draw_line left open, if any. */
static md_status
close_span(pg *g)
{
    if (!g->is_span_open)
        return MD_OK;
    g->is_span_open = 0;
    return g->c.ops->end_tag(g->c.self, "Span");
}

/* A line's runs, each in a leaf tag (Span, or Link for a link's text): cairo 1.16 marks only
 * content drawn in a leaf element (../shared/notes/cairo-1.16-tagging.md). A line that ends
 * in plain text leaves its Span open (is_span_open), and the next line of the paragraph on
 * the same page goes on in it: one Span per paragraph and page instead of one per line (a
 * long document had 7 800 structure elements, 78 a page, and each costs the PDF's structure
 * tree and its finishing). Anything else drawn first closes it (md_page_draw_items). */
static md_status
draw_line(pg *g, const md_para_line *line, md_sp x, md_sp baseline, int is_tagged)
{
    md_canvas c = g->c;
    md_status st = MD_OK;
    /* Backgrounds of inlines first, under every glyph, outside the leaf tags (decoration). */
    for (size_t r = 0; r < line->runs_len && g->is_span_open; r++) {
        const md_para_run *run = &line->runs[r];
        if ((run->user & USER_KIND) != USER_IMAGE && run->glyphs_len > 0 && run->style != NULL &&
            ((const page_style *)(const void *)run->style)->background != 0)
            st = close_span(g);
    }
    for (size_t r = 0; r < line->runs_len && st == MD_OK; r++) {
        const md_para_run *run = &line->runs[r];
        uint32_t kind = run->user & USER_KIND;
        if (kind == USER_IMAGE || run->glyphs_len == 0 || run->style == NULL)
            continue;
        const page_style *ps = (const page_style *)(const void *)run->style;
        if (ps->background == 0)
            continue;
        md_sp x0 = 0, x1 = 0;
        run_extent(g, line, r, 0, &x0, &x1);
        const md_para_run *next = r + 1 < line->runs_len ? &line->runs[r + 1] : NULL;
        if (next != NULL && next->glyphs_len > 0 && !next->is_backward && !run->is_backward &&
            next->glyphs[0].x > x1 && (next->user & USER_KIND) != USER_IMAGE &&
            ((const page_style *)(const void *)next->style)->background == ps->background)
            x1 = next->glyphs[0].x;
        md_font_metrics m;
        md_font_metrics_at(run->style->font, run->style->size, &m);
        st = c.ops->rect(c.self, x + x0, baseline - m.ascender, x1 - x0, m.ascender + m.descender,
                         ps->background & 0xFFFFFFu);
    }
    const char *open = NULL;
    uint32_t open_user = 0;
    if (g->is_span_open && is_tagged) {
        open = "Span";
        g->is_span_open = 0;
    } else if (st == MD_OK) {
        st = close_span(g);
    }
    for (size_t r = 0; r < line->runs_len && st == MD_OK; r++) {
        const md_para_run *run = &line->runs[r];
        uint32_t user = (run->user & USER_KIND) == USER_LINK ? run->user & ~USER_DECO : 0;
        uint32_t kind = run->user & USER_KIND;
        if (kind == USER_LEADER || kind == USER_IMAGE) {
            /* A leader is a rule, not text: drawn outside the leaf tags; an image is a leaf
             * Figure of its own. */
            if (open != NULL)
                st = c.ops->end_tag(c.self, open);
            open = NULL;
            if (kind == USER_IMAGE && is_tagged) {
                if (st == MD_OK)
                    st = c.ops->begin_tag(c.self, "Figure", NULL);
                if (st == MD_OK)
                    st = draw_run(g, run, x, baseline, -1);
                if (st == MD_OK)
                    st = c.ops->end_tag(c.self, "Figure");
                continue;
            }
        } else if (is_tagged && (open == NULL || user != open_user)) {
            if (open != NULL)
                st = c.ops->end_tag(c.self, open);
            size_t k = user & USER_INDEX;
            if (user != 0 && k >= g->links_len)
                st = MD_EBUG;
            /* A link whose destination is unknown (warned) is set as plain text. */
            const char *attrs = user != 0 && k < g->links_len ? g->links[k] : NULL;
            open = attrs != NULL ? "Link" : "Span";
            open_user = user;
            if (st == MD_OK)
                st = c.ops->begin_tag(c.self, open, attrs);
        }
        const md_para_run *next = r + 1 < line->runs_len ? &line->runs[r + 1] : NULL;
        md_sp fill_to =
            next != NULL && next->glyphs_len > 0 && !next->is_backward ? next->glyphs[0].x : -1;
        if (st == MD_OK)
            st = draw_run(g, run, x, baseline, fill_to);
        if (st == MD_OK && (run->user & USER_DECO) != 0 && run->glyphs_len > 0 &&
            kind != USER_LEADER && kind != USER_IMAGE) {
            md_sp x0 = 0, x1 = 0;
            run_extent(g, line, r, 1, &x0, &x1);
            st = draw_decoration(g, run, x + x0, x + x1, baseline);
        }
    }
    /* Plain text goes on in the next line's Span; a Link ends with its line. */
    if (st == MD_OK && open != NULL && is_tagged) {
        if (strcmp(open, "Span") == 0 && open_user == 0)
            g->is_span_open = 1;
        else
            st = c.ops->end_tag(c.self, open);
    }
    return st;
}

/* A box to draw once its extent on the page is known; order: when it opened. */
typedef struct box_draw {
    const box *b;
    size_t order;
    md_sp top, bottom;
    int is_start, is_end;
} box_draw;

static int
box_draw_cmp(const void *a, const void *b)
{
    size_t x = ((const box_draw *)a)->order, y = ((const box_draw *)b)->order;
    return x < y ? -1 : x > y;
}

void
md_page_open_save(pg *g, open_saved *s)
{
    s->len = g->open_len;
    for (int k = 0; k < g->open_len; k++)
        s->boxes[k] = g->open_boxes[k], s->tops[k] = g->open_tops[k];
    g->open_len = 0;
}

void
md_page_open_restore(pg *g, const open_saved *s)
{
    for (int k = 0; k < s->len; k++)
        g->open_boxes[k] = s->boxes[k], g->open_tops[k] = s->tops[k];
    g->open_len = s->len;
}

/* Draws items [start, end) with their tops in ys (from top), x from x0. Boxes open before
 * start continue from the top; boxes still open at the end continue on the next page. */
md_status
md_page_draw_items(pg *g, size_t start, size_t end, const md_sp *ys, md_sp x0, md_sp top,
                   md_sp bottom, int is_tagged)
{
    const item *it = g->items;
    md_status st = MD_OK;
    /* Backgrounds and borders first, under the text; a box is known when it closes (its
     * children close first), so they are collected and drawn outer ones first, or a parent's
     * background would hide its children's. */
    for (int k = 0; k < g->open_len; k++)
        g->open_tops[k] = top;
    int is_start[MD_FO_MAX_DEPTH + 2] = {0};
    size_t order[MD_FO_MAX_DEPTH + 2] = {0}; /* when each open box opened: the draw order */
    for (int k = 0; k < g->open_len; k++)
        order[k] = (size_t)k;
    size_t n_boxes = (size_t)g->open_len;
    for (size_t i = start; i < end; i++)
        n_boxes += it[i].kind == IT_BOX_BEGIN;
    box_draw *boxes = n_boxes > 0 ? md_alloc_array(n_boxes, sizeof *boxes) : NULL;
    size_t boxes_len = 0;
    if (n_boxes > 0 && boxes == NULL)
        return MD_ENOMEM;
    md_sp last = top;
    for (size_t i = start; i < end && st == MD_OK; i++) {
        md_sp y = top + ys[i - start];
        if (it[i].kind == IT_ROW) {
            /* Its cells draw their own boxes; the repeated footer may follow it. */
            md_sp b = y + it[i].h + md_page_row_footer_below(it[i].row, end);
            last = b > last ? b : last;
            if (it[i].row->end > i && it[i].row->end < end)
                i = it[i].row->end;
            continue;
        }
        if (it[i].kind == IT_LINE && !it[i].is_aside && y + it[i].h > last)
            last = y + it[i].h;
        if (it[i].kind == IT_FIXED && y + it[i].h > last)
            last = y + it[i].h;
        if (it[i].kind == IT_BOX_BEGIN && g->open_len < MD_FO_MAX_DEPTH + 2) {
            is_start[g->open_len] = 1;
            order[g->open_len] = MD_FO_MAX_DEPTH + 2 + (i - start);
            g->open_tops[g->open_len] = y;
            g->open_boxes[g->open_len++] = it[i].box;
        } else if (it[i].kind == IT_BOX_END && g->open_len > 0 && boxes_len < n_boxes) {
            g->open_len--;
            int k = g->open_len;
            boxes[boxes_len++] =
                (box_draw){g->open_boxes[k], order[k], g->open_tops[k], y, is_start[k], 1};
            is_start[k] = 0;
        }
    }
    for (int k = g->open_len; k-- > 0 && boxes_len < n_boxes;)
        boxes[boxes_len++] =
            (box_draw){g->open_boxes[k], order[k], g->open_tops[k], last, is_start[k], 0};
    if (boxes_len > 1)
        qsort(boxes, boxes_len, sizeof *boxes, box_draw_cmp);
    for (size_t k = 0; k < boxes_len && st == MD_OK; k++)
        st = md_page_draw_box(g, boxes[k].b, x0, boxes[k].top, boxes[k].bottom, boxes[k].is_start,
                              boxes[k].is_end);
    md_free(boxes);
    if (last > bottom && st == MD_OK && g->is_static)
        md_diag_add(g->d_final, MD_DIAG_WARNING, g->file, 0, 0,
                    "static content is taller than its region; it overflows");
    if (g->no_tags)
        is_tagged = 0;
    size_t leaf_until = 0; /* the end of the leaf element being drawn (leaf_end), or 0 */
    for (size_t i = start; i < end && st == MD_OK; i++) {
        const item *t = &it[i];
        md_sp y = top + ys[i - start];
        if (!g->no_tags && !g->is_static)
            st = md_page_draw_dests(g, i, x0, y);
        if (st != MD_OK)
            break;
        if (t->kind != IT_LINE || t->img != NULL)
            st = close_span(g);
        if (st != MD_OK)
            break;
        if (is_folded(t)) {
            continue;
        } else if (t->kind == IT_TAG_BEGIN && !g->no_tags) {
            if (is_tagged && leaf_until == 0)
                leaf_until = leaf_end(it, i, end);
            st = g->c.ops->begin_tag(g->c.self, t->role, t->attrs);
        } else if (t->kind == IT_TAG_END && !g->no_tags) {
            if (i == leaf_until)
                leaf_until = 0;
            st = g->c.ops->end_tag(g->c.self, t->role);
        } else if (t->kind == IT_LINE && t->img != NULL) {
            g->flow_drawn += !g->is_static;
            st = draw_image(g, t->img, x0 + t->x, y);
        } else if (t->kind == IT_LINE) {
            g->flow_drawn += !g->is_static && t->line->runs_len > 0;
            st = draw_line(g, t->line, x0 + t->x, y + t->base, is_tagged && leaf_until == 0);
        } else if (t->kind == IT_ROW) {
            st = md_page_table_draw(g, t->row, start, end, x0, y, is_tagged);
            if (t->row->end > i && t->row->end < end)
                i = t->row->end;
        }
    }
    /* The page (or the cell) ends here: so does its last Span. */
    md_status closed = close_span(g);
    return st != MD_OK ? st : closed;
}

/* Lays out and draws one static-content into a region; drawn outside the structure tree
 * (issue 5 marks it as an artifact). */
static md_status
draw_static(pg *g, const md_fo_node *seq, const char *region, md_sp x, md_sp y, md_sp w, md_sp h,
            int number)
{
    const md_fo_node *sc = NULL;
    for (const md_fo_node *c = seq->first; c != NULL; c = c->next) {
        if (c->kind == MD_FO_STATIC_CONTENT && c->props->flow_name != NULL &&
            strcmp(c->props->flow_name, region) == 0)
            sc = c;
    }
    if (sc == NULL || h <= 0)
        return MD_OK;
    g->is_static = 1;
    g->page_number = number;
    md_sp saved_h = g->avail_h;
    g->avail_h = h;
    md_status st = build_flow(g, sc, w);
    md_sp *ys = st == MD_OK ? md_alloc_array(g->items_len + 1, sizeof *ys) : NULL;
    if (st == MD_OK && ys == NULL)
        st = MD_ENOMEM;
    if (st == MD_OK) {
        size_t end, next;
        md_page_place(g->items, 0, g->items_len, h, 1, ys, &end, &next, NULL);
        open_saved saved; /* the flow's boxes open across the page break */
        md_page_open_save(g, &saved);
        st = md_page_draw_items(g, 0, g->items_len, ys, x, y, y + h, 0);
        md_page_open_restore(g, &saved);
    }
    md_free(ys);
    g->is_static = 0;
    g->avail_h = saved_h;
    return st;
}

/* --- page sequences ------------------------------------------------------------------- */

static int
page_of(const page_rec *pages, size_t len, size_t at)
{
    for (size_t i = 0; i < len; i++) {
        if (at < pages[i].end || i + 1 == len)
            return pages[i].number;
    }
    return 0;
}

static md_status
typeset_sequence(pg *g, const md_fo_node *root, const md_fo_node *seq, size_t seq_index,
                 int *number)
{
    const md_fo_props *sp = seq->props;
    const md_fo_node *ref = find_master(root, sp->master_reference);
    if (ref == NULL) {
        md_diag_add(g->d_final, MD_DIAG_ERROR, g->file, seq->line, 0,
                    "fo:page-sequence master-reference=\"%s\": no page master has that name",
                    sp->master_reference ? sp->master_reference : "");
        note_masters(g, root);
        return MD_EINPUT;
    }
    const md_fo_node *flow = NULL;
    for (const md_fo_node *c = seq->first; c != NULL; c = c->next) {
        if (c->kind == MD_FO_FLOW && flow == NULL)
            flow = c;
    }
    if (sp->initial_page_number > 0)
        *number = sp->initial_page_number;
    g->page_format = sp->format;
    if (!md_page_number_format_ok(sp->format)) {
        md_page_warn(g, seq,
                     "page number format=\"%s\" is not supported; numbers are 1, 2, 3 (use 1, "
                     "01, i, I, a or A)",
                     sp->format);
        g->page_format = NULL;
    }
    int prev_len = seq_index < g->seq_len ? g->seq_pages[seq_index] : -1;
    const md_fo_node *m0 = master_for(root, ref, 0, prev_len == 1, *number);
    if (m0 == NULL) {
        md_diag_add(g->d_final, MD_DIAG_ERROR, g->file, seq->line, 0,
                    "fo:page-sequence master-reference=\"%s\": no simple-page-master for its "
                    "first page",
                    sp->master_reference);
        return MD_EINPUT;
    }
    geom g0;
    geom_from(m0, &g0);
    if (check_geom(g, &g0) != MD_OK)
        return MD_EINPUT;
    size_t ids_from = g->ids_len;
    g->avail_h = g0.body_h;
    md_status st = flow != NULL ? build_flow(g, flow, g0.body_w) : MD_OK;
    if (flow == NULL)
        g->items_len = 0;
    if (st == MD_OK)
        st = md_page_record_id(g, sp->id, 0);
    page_rec *pages = NULL;
    size_t pages_len = 0, pages_cap = 0;
    size_t start = 0;
    while (st == MD_OK && (start < g->items_len || pages_len == 0)) {
        int index = (int)pages_len;
        const md_fo_node *m = master_for(root, ref, index, prev_len == index + 1, *number);
        if (m == NULL)
            m = pages_len > 0 ? pages[pages_len - 1].g.master : m0;
        geom gm;
        geom_from(m, &gm);
        if ((st = check_geom(g, &gm)) != MD_OK)
            break;
        if (gm.body_w != g0.body_w)
            md_page_warn(g, m,
                         "simple-page-master \"%s\": its region-body is not as wide as the first "
                         "page's; lines keep the first page's width",
                         m->props->master_name ? m->props->master_name : "");
        size_t end, next;
        md_page_place(g->items, start, g->items_len, gm.body_h, 0, NULL, &end, &next, NULL);
        if (pages_len > 0 && !has_lines(g->items, start, end)) {
            pages[pages_len - 1].end = end; /* only tags and spaces left: no empty page */
        } else {
            if (g->pages_drawn + pages_len >= MD_PAGE_MAX_PAGES) {
                md_diag_add(g->d_final, MD_DIAG_ERROR, g->file, seq->line, 0,
                            "more than %d pages; stopped", MD_PAGE_MAX_PAGES);
                st = MD_ELIMIT;
                break;
            }
            if (GROW(g, pages, pages_len, pages_cap) != MD_OK) {
                st = MD_ENOMEM;
                break;
            }
            pages[pages_len++] = (page_rec){start, end, gm, *number};
            (*number)++;
        }
        if (next <= start && end <= start)
            next = start + 1; /* cannot happen: a page takes at least one item */
        start = next;
    }
    /* The pages of ids: where the first and the last line of their items went. */
    for (size_t i = ids_from; i < g->ids_len && st == MD_OK; i++) {
        id_rec *r = &g->ids[i];
        size_t first = r->first, last = r->end > r->first ? r->end - 1 : r->first;
        while (first < last && g->items[first].kind != IT_LINE)
            first++;
        while (last > first && g->items[last].kind != IT_LINE)
            last--;
        r->first_page = page_of(pages, pages_len, first);
        r->last_page = page_of(pages, pages_len, last);
    }
    if (st == MD_OK && seq_index < g->seq_len)
        g->seq_pages[seq_index] = (int)pages_len;
    if (st == MD_OK && g->is_final)
        st = md_page_collect_dests(g, ids_from);

    /* Draw. The flow's items must be kept: the static contents are built per page in the
     * same list, so the flow's part is moved aside first. */
    if (st == MD_OK && g->is_final) {
        item *flow_items = g->items;
        size_t flow_len = g->items_len, flow_cap = g->items_cap;
        g->items = NULL;
        g->items_len = g->items_cap = 0;
        md_canvas c = g->c;
        for (size_t p = 0; p < pages_len && st == MD_OK; p++) {
            const page_rec *pr = &pages[p];
            const geom *gm = &pr->g;
            st = c.ops->begin_page(c.self, gm->page_w, gm->page_h);
            /* The page label (what a viewer shows as the page's number) is the number as
             * printed: "iii" for a roman front matter. */
            if (st == MD_OK && c.ops->page_label != NULL) {
                char label[MD_PAGE_NUMBER_MAX];
                md_page_number_format(pr->number, g->page_format, label);
                st = c.ops->page_label(c.self, label);
            }
            if (st == MD_OK && g->pages_drawn == 0)
                st = c.ops->begin_tag(c.self, "Document", NULL);
            if (st == MD_OK)
                st = draw_static(g, seq, gm->before_name, gm->before_x, gm->before_y, gm->before_w,
                                 gm->before_h, pr->number);
            if (st == MD_OK)
                st = draw_static(g, seq, gm->after_name, gm->after_x, gm->after_y, gm->after_w,
                                 gm->after_h, pr->number);
            md_sp *ys = md_alloc_array(pr->end - pr->start + 1, sizeof *ys);
            if (st == MD_OK && ys == NULL)
                st = MD_ENOMEM;
            if (st == MD_OK) {
                item *statics = g->items;
                size_t s_len = g->items_len, s_cap = g->items_cap;
                g->items = flow_items;
                g->items_len = flow_len;
                size_t e, n;
                md_page_place(flow_items, pr->start, pr->end, gm->body_h, 1, ys, &e, &n, NULL);
                st = md_page_draw_items(g, pr->start, pr->end, ys, gm->body_x, gm->body_y,
                                        gm->body_y + gm->body_h, 1);
                g->items = statics;
                g->items_len = s_len;
                g->items_cap = s_cap;
            }
            md_free(ys);
            g->pages_drawn++;
            if (st == MD_OK && p + 1 == pages_len && g->is_last_seq)
                st = c.ops->end_tag(c.self, "Document");
            if (st == MD_OK)
                st = c.ops->end_page(c.self);
        }
        md_free(g->items);
        g->items = flow_items;
        g->items_len = flow_len;
        g->items_cap = flow_cap;
    } else {
        g->pages_drawn += pages_len;
    }
    md_free(pages);
    return st;
}

/* One pass over every page-sequence: layout only, or (is_final) layout and drawing. */
static md_status
run_pass(pg *g, const md_fo_node *root)
{
    g->ids_len = 0;
    g->pages_drawn = 0;
    g->links_len = g->leaders_len = g->images_len = 0;
    g->open_len = 0;
    int number = 1;
    size_t seq_index = 0;
    const md_fo_node *last_seq = NULL;
    for (const md_fo_node *s = root->first; s != NULL; s = s->next) {
        if (s->kind == MD_FO_PAGE_SEQUENCE)
            last_seq = s;
    }
    if (last_seq == NULL) {
        md_diag_add(g->d_final, MD_DIAG_ERROR, g->file, root->line, 0,
                    "fo:root has no fo:page-sequence; nothing to typeset");
        return MD_EINPUT;
    }
    md_status st = MD_OK;
    for (const md_fo_node *s = root->first; s != NULL && st == MD_OK; s = s->next) {
        if (s->kind != MD_FO_PAGE_SEQUENCE)
            continue;
        g->is_last_seq = s == last_seq;
        st = typeset_sequence(g, root, s, seq_index++, &number);
    }
    return st;
}

/* Two passes (XSL §7.31.11: a citation needs the page of an area laid out later): the first
 * lays out with every citation as "?" and records the pages of ids and the page count of
 * each sequence; the second lays out again with those numbers and draws. Warnings come from
 * the first pass, so each is reported once. A citation whose width changes the layout of the
 * second pass can make the numbers one page off; not seen in practice yet. */
md_status
md_page_typeset(const md_fo_doc *doc, const md_page_env *env, md_canvas c, md_diags *d,
                size_t *pages_len)
{
    const md_fo_node *root = md_fo_root(doc);
    pg g = {.env = env, .d = d, .d_final = d, .file = md_fo_path(doc), .c = c};
    md_diags *quiet = md_diags_new();
    md_status st = quiet == NULL ? MD_ENOMEM : md_page_memo_new(&g.memo);
    size_t seqs = 0;
    for (const md_fo_node *s = root->first; s != NULL; s = s->next)
        seqs += s->kind == MD_FO_PAGE_SEQUENCE;
    if (st == MD_OK) {
        g.seq_pages = md_alloc_array(seqs + 1, sizeof *g.seq_pages);
        if (g.seq_pages == NULL)
            st = MD_ENOMEM;
        g.seq_len = seqs;
        for (size_t i = 0; i < seqs && st == MD_OK; i++)
            g.seq_pages[i] = -1;
    }
    for (g.pass = 1; g.pass <= 2 && st == MD_OK; g.pass++) {
        g.is_final = g.pass == 2;
        g.d = g.pass == 1 ? d : quiet;
        md_arena_free(g.a);
        g.a = md_arena_new();
        if (g.a == NULL) {
            st = MD_ENOMEM;
            break;
        }
        st = run_pass(&g, root);
        for (const md_fo_node *b = root->first; b != NULL && st == MD_OK && g.is_final;
             b = b->next) {
            if (b->kind == MD_FO_BOOKMARK_TREE)
                st = md_page_add_bookmarks(&g, b, 0);
        }
        if (st == MD_OK && g.pass == 1) {
            md_free(g.prev_ids);
            g.prev_ids = md_alloc_array(g.ids_len + 1, sizeof *g.prev_ids);
            if (g.prev_ids == NULL) {
                st = MD_ENOMEM;
                break;
            }
            if (g.ids_len > 0)
                memcpy(g.prev_ids, g.ids, g.ids_len * sizeof *g.ids);
            g.prev_ids_len = g.ids_len;
        }
    }
    /* A PDF with nothing in its flows has no structure to make accessible (PDF/UA). */
    if (st == MD_OK && g.flow_drawn == 0) {
        const md_fo_node *flow = NULL;
        for (const md_fo_node *q = root->first; q != NULL && flow == NULL; q = q->next) {
            for (const md_fo_node *k = q->first; k != NULL && q->kind == MD_FO_PAGE_SEQUENCE;
                 k = k->next)
                if (k->kind == MD_FO_FLOW && flow == NULL)
                    flow = k;
        }
        md_diag_add(d, MD_DIAG_ERROR, g.file, flow != NULL ? flow->line : root->line, 0,
                    "fo:flow: nothing is drawn in it (no text, no readable image); an accessible "
                    "PDF needs content");
        st = MD_EINPUT;
    }
    if (st == MD_OK && pages_len != NULL)
        *pages_len = g.pages_drawn;
    /* Every failure carries a message: an internal one that gave none (MD_EBUG from a check
     * of an invariant) gets this one. */
    if (st != MD_OK && st != MD_ENOMEM && md_diags_count(d, MD_DIAG_ERROR) == 0)
        md_diag_add(d, MD_DIAG_ERROR, g.file, 0, 0,
                    "the layout tree could not be typeset (internal error %d, page %zu); please "
                    "report this with the layout tree",
                    (int)st, g.pages_drawn + 1);
    md_free(g.items);
    md_free(g.spans);
    md_free(g.links);
    md_free(g.leaders);
    md_free(g.images);
    md_free(g.inline_ids);
    md_free(g.dests);
    md_free(g.ids);
    md_free(g.prev_ids);
    md_free(g.seq_pages);
    md_arena_free(g.a);
    md_page_memo_free(g.memo);
    md_diags_free(quiet);
    return st;
}

int
md_page_number_format_ok(const char *format)
{
    static const char *const ok[] = {"1", "01", "i", "I", "a", "A"};
    if (format == NULL)
        return 1;
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        if (strcmp(format, ok[i]) == 0)
            return 1;
    }
    return 0;
}

/* Roman numerals (XSLT 1.0 §7.7.1 "i"/"I") for 1–3999; decimal beyond. */
static size_t
roman(int n, int is_upper, char *out)
{
    static const struct {
        int v;
        const char *s;
    } r[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
             {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
    size_t len = 0;
    for (size_t i = 0; i < sizeof r / sizeof r[0]; i++) {
        for (; n >= r[i].v; n -= r[i].v) {
            for (const char *c = r[i].s; *c != '\0'; c++)
                out[len++] = is_upper ? (char)(*c - 'a' + 'A') : *c;
        }
    }
    out[len] = '\0';
    return len;
}

/* Letters (XSLT 1.0 §7.7.1 "a"/"A"): a … z, aa … az, ba … */
static size_t
alpha(int n, int is_upper, char *out)
{
    char rev[16];
    size_t len = 0;
    for (; n > 0 && len < sizeof rev; n = (n - 1) / 26)
        rev[len++] = (char)((is_upper ? 'A' : 'a') + (n - 1) % 26);
    for (size_t i = 0; i < len; i++)
        out[i] = rev[len - 1 - i];
    out[len] = '\0';
    return len;
}

size_t
md_page_number_format(int n, const char *format, char out[MD_PAGE_NUMBER_MAX])
{
    if (format != NULL && strcmp(format, "01") == 0 && n >= 0)
        return (size_t)snprintf(out, MD_PAGE_NUMBER_MAX, "%02d", n);
    if (format != NULL && n > 0) {
        if ((strcmp(format, "i") == 0 || strcmp(format, "I") == 0) && n < 4000)
            return roman(n, format[0] == 'I', out);
        if ((strcmp(format, "a") == 0 || strcmp(format, "A") == 0) && n <= 100000)
            return alpha(n, format[0] == 'A', out);
    }
    return (size_t)snprintf(out, MD_PAGE_NUMBER_MAX, "%d", n);
}

md_status
md_page_add_text(const md_fo_node *n, md_buf *out)
{
    md_status st = MD_OK;
    if (n->kind == MD_FO_TEXT)
        return md_buf_add(out, n->text, n->text_len);
    for (const md_fo_node *c = n->first; c != NULL && st == MD_OK; c = c->next)
        st = md_page_add_text(c, out);
    return st;
}

md_status
md_page_title(const md_fo_doc *doc, md_buf *out)
{
    for (const md_fo_node *s = md_fo_root(doc)->first; s != NULL; s = s->next) {
        for (const md_fo_node *t = s->first; t != NULL && s->kind == MD_FO_PAGE_SEQUENCE;
             t = t->next) {
            if (t->kind == MD_FO_TITLE) {
                md_buf tmp = {0};
                md_status st = md_page_add_text(t, &tmp);
                if (st == MD_OK && tmp.len > 0)
                    st = md_buf_add(out, tmp.data, tmp.len);
                md_buf_free(&tmp);
                return st;
            }
        }
    }
    return MD_OK;
}
