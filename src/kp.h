/* Knuth–Plass total-fit line breaking over boxes, glue and penalties (Knuth & Plass 1981,
 * "Breaking Paragraphs into Lines"; TeX: The Program §813 ff.). Knows no fonts or text.
 * Integer arithmetic only, so every machine breaks a paragraph the same way. */
#ifndef MD_KP_H
#define MD_KP_H

#include <stddef.h>
#include <stdint.h>

#include "base.h"

typedef enum md_kp_type { MD_KP_BOX, MD_KP_GLUE, MD_KP_PENALTY } md_kp_type;

/* A penalty >= MD_KP_INF is never a break; one <= -MD_KP_INF is a forced break. */
#define MD_KP_INF 10000
/* Longest paragraph md_kp_break accepts, in items (more gives MD_ELIMIT). */
#define MD_KP_MAX_ITEMS 1000000
/* Largest max_hyphen_run; more gives MD_EINPUT. */
#define MD_KP_MAX_HYPHEN_RUN 255

typedef struct md_kp_item {
    md_kp_type type;
    md_sp width;          /* box, glue: natural width; penalty: width added when broken here */
    md_sp stretch;        /* glue only: finite stretch */
    md_sp shrink;         /* glue only: finite shrink */
    md_sp stretch_fil;    /* glue only: first-order infinite stretch (\hfil, \parfillskip) */
    int32_t penalty;      /* penalty only */
    uint8_t is_flagged;   /* penalty only: a hyphen break (TeX's flagged penalty) */
    uint8_t is_explicit;  /* flagged penalty only: a hyphen in the text, legal in every pass */
    md_sp stretch_capped; /* box or glue, not TeX: finite stretch that gives at most itself, as
                           * a font's expansion limit; a line takes it first, in proportion
                           * with the stretch, and past ratio 1 only the stretch grows */
    md_sp stretch_track;  /* box or glue, not TeX: letter-spacing, capped stretch as
                           * stretch_capped (same proportion, at most itself); it only differs
                           * when is_graded grades a line without stretch (docs/kp.md) */
} md_kp_item;

typedef struct md_kp_params {
    int32_t tolerance;              /* \tolerance: max badness of a line (default 200) */
    int32_t pretolerance;           /* \pretolerance: first pass without hyphenation points
                                     * (flagged, not explicit) if >= 0; -1 skips it (100) */
    int32_t line_penalty;           /* \linepenalty (10) */
    int32_t double_hyphen_demerits; /* \doublehyphendemerits (10000) */
    int32_t final_hyphen_demerits;  /* \finalhyphendemerits (5000) */
    int32_t adj_demerits;           /* \adjdemerits, fitness class jump (10000) */
    int max_hyphen_run;             /* most consecutive hyphenated lines, 0 = no limit (3) */
    md_sp emergency_stretch;        /* \emergencystretch of the last pass (30 pt) */
    uint8_t is_graded;              /* not TeX: lines looser than badness 10000 still cost
                                     * more the looser they are (100 r^3, up to 10^7), so a
                                     * tolerance of 10000 picks the least loose (0) */
} md_kp_params;

/* TeX's plain defaults; max_hyphen_run 3 (Bringhurst 2.4.3); emergency_stretch 30 pt,
 * 3 em of 10 pt type as LaTeX's \sloppy: set 3 em of the real font size. */
void md_kp_params_default(md_kp_params *p);

typedef struct md_kp_line {
    size_t end;            /* index of the break item; for the last line n, or n - 1 when
                            * the list ends with a forced break */
    int32_t ratio;         /* adjustment ratio × 65536: glue grows by ratio × stretch (and
                            * min(ratio, 1) × stretch_capped and × stretch_track), or shrinks
                            * by -ratio × shrink; in [-65536, INT32_MAX]; 0 when fil stretch
                            * takes the slack or no glue can take it */
    int32_t badness;       /* TeX's badness (§108) of the line as set, 0..10000; 10001 overfull */
    uint8_t is_overfull;   /* wider than its measure even fully shrunk */
    uint8_t is_hyphenated; /* ends at a flagged penalty */
} md_kp_line;

/* Breaks items[0..n) into lines of total fit. widths[i] is the measure of line i, and
 * widths[widths_len - 1] that of every later line. The paragraph end is a forced break after
 * the last item, or the last item itself when it is a forced break; end the list with a
 * penalty MD_KP_INF and a fil glue, as TeX's \parfillskip. p NULL means the defaults.
 * Always finds lines (an overfull line when nothing fits). On MD_OK *lines belongs to the
 * caller (md_free; NULL when n is 0) and has *lines_len entries. MD_EINPUT: bad arguments;
 * MD_ELIMIT: n > MD_KP_MAX_ITEMS or a degenerate list needing too much work (docs/kp.md). */
md_status md_kp_break(const md_kp_item *items, size_t n, const md_sp *widths, size_t widths_len,
                      const md_kp_params *p, md_kp_line **lines, size_t *lines_len);

#endif
