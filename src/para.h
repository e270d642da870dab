/* Paragraph builder: styled inline text → shaped glyph runs (shape), break opportunities
 * (brk), Swedish hyphenation points (hyph) → boxes, glue and penalties → lines of total fit
 * (kp) → lines of positioned glyphs ready to draw. */
#ifndef MD_PARA_H
#define MD_PARA_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "base.h"
#include "diag.h"

typedef struct md_font md_font;
typedef struct md_font_set md_font_set;
typedef struct md_hyph md_hyph;

/* What a paragraph is set with: the fonts and the hyphenation patterns; borrowed. */
typedef struct md_para_env {
    md_font_set *fonts;
    const md_hyph *hyph; /* NULL: no hyphenation */
} md_para_env;

/* md_para_style.is_hyphenate: hyphenation points from the patterns, and soft hyphens, are
 * breaks (1, so a C boolean works); or MD_PARA_WHOLE: not hyphenated, and the span's own
 * hyphens are no breaks either unless a word of it is wider than the line: a person's name
 * kept whole, "Karlsson-Andersson" (the stylesheets' keep-together.within-line="always"); its
 * spaces still are breaks. 0: not hyphenated, but hyphens in the text are breaks. */
#define MD_PARA_HYPHENATE 1
#define MD_PARA_WHOLE 2

typedef struct md_para_style {
    md_font *font; /* the primary face; missing glyphs come from the set's fallbacks */
    md_sp size;
    uint32_t rgb;
    uint8_t is_hyphenate; /* XSL-FO hyphenate: 0 (false, person names) or
                           * MD_PARA_HYPHENATE; or MD_PARA_WHOLE */
} md_para_style;

/* A piece of inline text in one style. user is passed through to the runs (links, tags).
 * is_fill: after the span comes an unbreakable space that grows without limit and takes a
 * justified line's slack before the word spaces do (a leader that may lengthen, as in
 * "Örebro kommun ........ Sida 2 av 3" with text-align-last="justify"). */
typedef struct md_para_span {
    const char *text;
    size_t len;
    const md_para_style *style;
    uint32_t user;
    uint8_t is_fill;
} md_para_span;

typedef enum md_para_align {
    MD_PARA_JUSTIFY,
    MD_PARA_START,
    MD_PARA_CENTER,
    MD_PARA_END
} md_para_align;

typedef struct md_para_params {
    md_sp width;               /* the measure */
    md_sp text_indent;         /* of the first line */
    md_para_align align;       /* XSL-FO text-align */
    md_para_align align_last;  /* text-align-last; for justified text usually START */
    int max_hyphen_run;        /* most consecutive hyphenated lines (1: never two in a row) */
    int32_t last_word_penalty; /* of a hyphenation point in the paragraph's last word, whose
                                * last line would be one word fragment ("ket."); 50 as any
                                * other point, 10000 never (1000) */
    const char *lang;          /* BCP 47, "sv" */
    /* Letter-spacing of justified lines, in thousandths of an em per gap between two
     * clusters (never inside a ligature, never in right-to-left or cursive scripts): how much
     * a gap may widen (tracking_stretch, 30) or narrow (tracking_shrink, 15); each at most 60.
     * It grows with the glyph expansion and the word spaces, in proportion, up to these limits
     * (docs/kp.md); 0 and 0: none. Ragged text and a last line not justified get none. */
    int32_t tracking_stretch;
    int32_t tracking_shrink;
    /* A justified line whose word spaces would still be wider than 1.5 times natural (a
     * loose line) spaces its letters past tracking_stretch, up to this (50; at most 60), so
     * that its spaces stay at 1.5 times; only what is still missing then widens the spaces.
     * Not more than tracking_stretch: off. */
    int32_t tracking_emergency;
} md_para_params;

/* Sets the defaults: justified, last line start, no indent, max_hyphen_run 1,
 * last_word_penalty 1000, "sv", tracking_stretch 30, tracking_shrink 15,
 * tracking_emergency 50. */
void md_para_params_default(md_para_params *p, md_sp width);

typedef struct md_para_glyph {
    uint32_t id;
    md_sp x; /* from the start of the line */
    md_sp y; /* from the baseline, downwards */
} md_para_glyph;

typedef struct md_para_cluster {
    int num_bytes;
    int num_glyphs;
} md_para_cluster;

/* Glyphs of one font and style on one line, with the text they stand for. */
typedef struct md_para_run {
    md_font *font;
    const md_para_style *style;
    uint32_t user;
    const char *text; /* borrowed from the arena */
    size_t text_len;
    md_para_glyph *glyphs;
    size_t glyphs_len;
    md_para_cluster *clusters;
    size_t clusters_len;
    int32_t x_scale; /* horizontal scale of the glyphs × 65536 (glyph expansion) */
    uint8_t is_backward;
} md_para_run;

typedef struct md_para_line {
    md_para_run *runs; /* in text order; glyph x positions are visual: a sequence of
                        * right-to-left runs (an Arabic name of several words) is placed
                        * right to left, by UAX #9 rule L2 */
    size_t runs_len;
    md_sp width;      /* from the line start to the end of its last glyph */
    md_sp ascent;     /* largest ascender of its fonts */
    md_sp descent;    /* largest descender, positive */
    int32_t ratio;    /* word space adjustment × 65536: spaces grow by ratio × 1/2 space or
                       * shrink by -ratio × 1/3 space */
    int32_t x_scale;  /* glyph expansion × 65536, within 1 ± 2 % */
    int32_t tracking; /* letter-spacing added to each gap between two clusters of a word, em
                       * × 65536 (already in the glyphs' x); negative when tightened */
    uint8_t is_hyphenated;
    uint8_t is_overfull;
} md_para_line;

typedef struct md_para {
    md_para_line *lines;
    size_t lines_len;
    /* For reports and tests: the widest word space relative to its natural width (× 65536),
     * hyphenated lines, and lines with spaces wider than 1.5 times natural (loose). */
    int32_t max_space_ratio;
    size_t hyphens;
    size_t loose_lines;
    /* Justified lines (not the last) without a word space that end more than 1 pt short of
     * the measure: one word that its glyphs' 2 % and its letter-spacing cannot stretch to the
     * measure. */
    size_t short_lines;
    /* The widest and the tightest letter-spacing of its lines, in em × 65536 (0: none). */
    int32_t max_tracking;
    int32_t min_tracking;
    /* Lines spaced past tracking_stretch (md_para_params.tracking_emergency). */
    size_t emergency_lines;
} md_para;

/* Sets the spans as one paragraph. Everything in *out lives in arena a. A word wider than the
 * measure is broken without a hyphen, with a warning in d naming it; file and line (may be
 * NULL, 0) locate those warnings. */
md_status md_para_set(const md_para_env *env, const md_para_span *spans, size_t spans_len,
                      const md_para_params *p, md_arena *a, md_diags *d, const char *file,
                      long line, md_para *out);

#endif
