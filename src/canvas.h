/* The drawing interface the page builder draws through; pdf.c implements it on Cairo and
 * trace.c as a text trace for golden tests. Positions are md_sp from the top-left corner of
 * the page, y growing downwards; a glyph's position is its baseline origin. */
#ifndef MD_CANVAS_H
#define MD_CANVAS_H

#include <stddef.h>
#include <stdint.h>

#include "base.h"

typedef struct md_font md_font;

typedef struct md_canvas_glyph {
    uint32_t id; /* glyph index in the font */
    md_sp x;
    md_sp y;
} md_canvas_glyph;

/* As cairo_text_cluster_t: num_bytes of text drawn by num_glyphs glyphs, in order. */
typedef struct md_canvas_cluster {
    int num_bytes;
    int num_glyphs;
} md_canvas_cluster;

/* A run of glyphs in one font and the text they stand for, so that the PDF keeps the text
 * (copy, search, screen readers) and a ligature extracts as its letters. */
typedef struct md_canvas_text {
    md_font *font;
    md_sp size;
    uint32_t rgb; /* 0xRRGGBB */
    const char *text;
    size_t text_len;
    const md_canvas_glyph *glyphs;
    size_t glyphs_len;
    const md_canvas_cluster *clusters;
    size_t clusters_len;
    int is_backward; /* clusters run right to left (RTL text) */
    int32_t x_scale; /* horizontal glyph scale × 65536 (glyph expansion); 0 means 1 */
} md_canvas_text;

typedef struct md_canvas_ops {
    md_status (*begin_page)(void *self, md_sp width, md_sp height);
    md_status (*end_page)(void *self);
    /* The current page's label (its number as printed, "iii"), for the PDF's /PageLabels.
     * May be NULL in a canvas that has no use for it. */
    md_status (*page_label)(void *self, const char *label);
    md_status (*text)(void *self, const md_canvas_text *t);
    /* A filled rectangle: rules, borders, leaders, backgrounds. */
    md_status (*rect)(void *self, md_sp x, md_sp y, md_sp w, md_sp h, uint32_t rgb);
    /* Structure for tagged PDF: role is a PDF structure type ("P", "H1", "Span", …), attrs
     * cairo's attribute string or NULL. Tags nest; end_tag closes the innermost. */
    md_status (*begin_tag)(void *self, const char *role, const char *attrs);
    md_status (*end_tag)(void *self, const char *role);
    /* The image file at path (resolved by the page builder, which has read its size through
     * img.h) scaled into the box x, y, w, h. alt is the alternative text or NULL: cairo 1.16
     * cannot write /Alt, so the PDF canvas ignores it and the trace keeps it for the
     * finishing step of issue 5. MD_EINPUT: the file is not a readable SVG or PNG (the
     * caller names it). */
    md_status (*image)(void *self, const char *path, const char *alt, md_sp x, md_sp y, md_sp w,
                       md_sp h);
    /* A named destination (an FO id) at x, y of the current page, for internal links
     * (begin_tag "Link" with attrs "dest='name'") and bookmarks to go to. */
    md_status (*dest)(void *self, const char *name, md_sp x, md_sp y);
    /* A bookmark (PDF outline entry) titled title (UTF-8) under the entry parent (0: top
     * level), going where attrs says (cairo's link attributes: "dest='name'" or "uri='…'");
     * is_open shows its children at first. *id names the entry as a later one's parent. May be
     * called at any time before the document ends. */
    md_status (*outline)(void *self, int parent, const char *title, const char *attrs, int is_open,
                         int *id);
} md_canvas_ops;

typedef struct md_canvas {
    const md_canvas_ops *ops;
    void *self;
} md_canvas;

#endif
