/* The fonts of the documents: every face in fonts/ (found by a Fontconfig configuration of our
 * own, never the system's), loaded once with FreeType and HarfBuzz, its metrics in md_sp,
 * and the fallback chain for characters the chosen face lacks. Files: docs/fonts.md. */
#ifndef MD_FONT_H
#define MD_FONT_H

#include <stddef.h>
#include <stdint.h>

#include "base.h"
#include "diag.h"

typedef struct md_font_set md_font_set;
typedef struct md_font md_font;

/* Vertical metrics at one size, all md_sp and all positive in the direction named. */
typedef struct md_font_metrics {
    md_sp ascender;            /* above the baseline (OS/2 typo or hhea, as HarfBuzz picks) */
    md_sp descender;           /* below the baseline */
    md_sp line_gap;            /* extra leading the font suggests */
    md_sp x_height;            /* OS/2 sxHeight, or the height of "x" */
    md_sp cap_height;          /* OS/2 sCapHeight, or the height of "H" */
    md_sp underline_position;  /* top of the underline, below the baseline */
    md_sp underline_thickness; /* post.underlineThickness */
    md_sp strikeout_position;  /* top of the strike-through rule, above the baseline */
    md_sp strikeout_thickness;
    md_sp space_width; /* advance of U+0020, as md_shape_text gives it */
} md_font_metrics;

/* Loads every face in the directory dir (e.g. "fonts") and checks that the files docs/fonts.md
 * lists are there. On MD_OK *out is the caller's (md_font_set_free); on MD_EIO (dir or a
 * needed file missing or unreadable) or MD_EINPUT (a file is no usable font) the reasons are
 * in d; a skipped extra file (a bitmap or variable font) is a warning in d. */
md_status md_font_set_load(const char *dir, md_diags *d, md_font_set **out);
/* Drops the set's references to its faces; faces kept elsewhere live on. NULL is fine. */
void md_font_set_free(md_font_set *s);
/* The number of faces, and face i (0 ≤ i < len) in the order of their file names; borrowed,
 * valid until md_font_set_free. */
size_t md_font_set_len(const md_font_set *s);

/* One cache that lives and dies with a set (the shaper's, shape.c): p, and the function that
 * md_font_set_free calls on it (when not NULL). Results that name the set's fonts are valid
 * exactly as long as the set. Borrowed, valid until md_font_set_free. */
typedef struct md_font_set_cache {
    void *p;
    void (*free)(void *p);
} md_font_set_cache;
md_font_set_cache *md_font_set_cache_of(const md_font_set *s);
md_font *md_font_set_at(const md_font_set *s, size_t i);

/* The face for an XSL-FO font-family (a comma-separated list of names, "sans-serif", "sans",
 * "serif", or a family name in fonts/; quotes allowed), weight (100–900, as CSS) and style,
 * chosen as CSS Fonts 3 §5.2 does. A family that is not in fonts/ gives the main family
 * (Noto Sans) and a warning in d. Borrowed: valid until md_font_set_free. Never fails but on
 * bad arguments (MD_EBUG). */
md_status md_font_lookup(md_font_set *s, const char *family, int weight, int is_italic, md_diags *d,
                         md_font **out);
/* The face that draws code point cp when the text is set in f: f itself when it has cp, else
 * the first face of the fallback chain (docs/fonts.md) that has it, in the style nearest to f;
 * else f (the caller warns: the glyph would be .notdef). Borrowed, as f. */
md_font *md_font_for(const md_font_set *s, md_font *f, uint32_t cp);
/* True when f has a glyph for cp (its cmap maps cp). */
int md_font_has(const md_font *f, uint32_t cp);

/* The metrics of f at size (md_sp, > 0). */
void md_font_metrics_at(md_font *f, md_sp size, md_font_metrics *out);
/* PostScript name ("NotoSans-Bold"), family ("Noto Sans"), file path (absolute, under the
 * set's directory); borrowed, valid as long as f. */
const char *md_font_name(const md_font *f);
const char *md_font_family(const md_font *f);
const char *md_font_path(const md_font *f);
/* Weight 100–900 (CSS, OpenType usWeightClass) and whether the face is italic or oblique. */
int md_font_weight(const md_font *f);
int md_font_is_italic(const md_font *f);

/* Takes a reference (a glyph run that remembers its font); returns f. */
md_font *md_font_keep(md_font *f);
/* Releases a reference; the face is closed with the last one. NULL is fine. */
void md_font_drop(md_font *f);

#endif
