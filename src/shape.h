/* Shaping: text in a font and size → glyph runs (HarfBuzz), split where the face (fallback),
 * the script or the bidi level changes, with the byte offset of each glyph's text. */
#ifndef MD_SHAPE_H
#define MD_SHAPE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "base.h"
#include "font.h"

typedef struct md_shape_glyph {
    uint32_t id;      /* glyph index in the run's font */
    uint32_t cluster; /* byte offset in the text of the first character the glyph draws */
    md_sp x_advance;
    md_sp x_offset; /* rightwards */
    md_sp y_offset; /* downwards, as on the canvas: a raised mark has y_offset < 0 */
} md_shape_glyph;

typedef struct md_shape_run {
    md_font *font; /* kept; md_shape_free drops it */
    md_sp size;
    size_t start; /* the run draws text[start, start + len) */
    size_t len;
    uint32_t script; /* ISO 15924 tag as HarfBuzz's hb_script_t: 'Latn', 'Arab' */
    int level;       /* UAX #9 level in an LTR paragraph: 0 LTR, 1 RTL, 2 digits inside RTL */
    int is_rtl;      /* level is odd: glyphs run right to left through the text */
    md_shape_glyph *glyphs; /* in visual order, left to right; clusters descend when is_rtl */
    size_t glyphs_len;
    md_sp width; /* the sum of the advances */
} md_shape_run;

typedef struct md_shape_result {
    md_shape_run *runs; /* in text order; md_shape_visual_order gives the drawing order */
    size_t runs_len;
    md_sp width;
    size_t missing_len;  /* characters no face of the set has, drawn as .notdef */
    uint32_t missing_cp; /* the first of them, for the caller's warning */
} md_shape_result;

/* Shapes len bytes of text set in f at size (0 < size ≤ 1000 pt) in language lang (BCP 47;
 * NULL is "sv"), the text being part of a left-to-right paragraph. Invalid UTF-8 becomes
 * U+FFFD, one per bad byte. Features are HarfBuzz's defaults: kern, liga, clig, calt, mark;
 * no dlig. Runs and glyphs come from a (borrowed: valid until md_arena_free); each run keeps
 * its font until md_shape_free. On MD_OK *out is set; MD_ELIMIT when text is over 1 MiB,
 * size is out of range or a width exceeds the md_sp range. */
md_status md_shape_text(const md_font_set *s, md_font *f, md_sp size, const char *lang,
                        const char *text, size_t len, md_arena *a, md_shape_result *out);
/* Drops the fonts the runs keep and empties r; the arrays stay in the arena. NULL is fine. */
void md_shape_free(md_shape_result *r);
/* Writes to order[0..n) the indexes of runs[0..n) (one line, in text order) in the order they
 * are drawn left to right: UAX #9 rule L2 over the runs' levels. */
void md_shape_visual_order(const md_shape_run *runs, size_t n, size_t *order);

#endif
