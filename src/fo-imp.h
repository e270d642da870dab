/* Private to the fo module: the document, and the property code (fo-prop.c) that the reader
 * (fo.c) calls once per element. */
#ifndef MD_FO_IMP_H
#define MD_FO_IMP_H

#include "arena.h"
#include "fo.h"

struct md_fo_doc {
    md_arena *arena;
    const char *path; /* in the arena */
    md_fo_node *root;
    md_fo_meta meta; /* from fo:declarations; strings in the arena */
};

/* One attribute as written: ns is the namespace URI or NULL; value is NUL-terminated. */
typedef struct md_fo_attr {
    const char *ns;
    const char *prefix; /* for messages; NULL without a namespace */
    const char *name;
    const char *value;
} md_fo_attr;

/* Where the property code reports and allocates. */
typedef struct md_fo_ctx {
    md_arena *arena;
    md_diags *d;
    const char *path;
} md_fo_ctx;

/* The initial values of every property (XSL §7), for the parent of fo:root. */
void md_fo_props_init(md_fo_props *p);

/* Computes the properties of an element of kind (never MD_FO_TEXT) from its parent's and its
 * attributes; warns in cx->d (at line) about unknown properties and bad values, which are
 * ignored. On MD_OK *out is in cx->arena; MD_ENOMEM otherwise. */
md_status md_fo_props_compute(md_fo_ctx *cx, md_fo_kind kind, const md_fo_props *parent,
                              const md_fo_attr *attrs, size_t attrs_len, long line,
                              md_fo_props **out);

/* --- value parsing (fo-value.c) ---------------------------------------------------- */

/* A decimal number as written: value = n / 10^k. At most 9 digits before and after the point;
 * later fraction digits are dropped (they are below 1/65536 pt in any unit). */
typedef struct md_fo_decimal {
    int64_t n;
    int k;
} md_fo_decimal;

/* A token of a property value: a run without white space, where parentheses group. */
typedef struct md_fo_tok {
    const char *s;
    size_t len;
} md_fo_tok;

/* Flags of md_fo_len_parse: percentages, "auto" and negative values allowed. */
enum { MD_FO_LENF_PCT = 1, MD_FO_LENF_AUTO = 2, MD_FO_LENF_NEG = 4 };

/* a / b rounded to the nearest integer, halves away from zero; b > 0. */
int64_t md_fo_round_div(int64_t a, int64_t b);
/* Parses a number at s[0..len) and returns the count of bytes used (0: no number). */
size_t md_fo_decimal_parse(const char *s, size_t len, md_fo_decimal *out);
/* Converts x × num / den to an int32, rounded as md_fo_round_div; 0 when out of range. */
int md_fo_decimal_scale(md_fo_decimal x, int64_t num, int64_t den, int32_t *out);
/* XML white space. */
int md_fo_is_space(char c);
/* True when s[0..len) equals the NUL-terminated word w. */
int md_fo_is_word(const char *s, size_t len, const char *w);
/* Splits v into at most cap tokens; returns the count, or cap + 1 when there are more. */
size_t md_fo_tokens(const char *v, md_fo_tok *t, size_t cap);
/* The argument of name(...) in s[0..len) with its spaces trimmed, or NULL. */
const char *md_fo_func_arg(const char *s, size_t len, const char *name, size_t *arg_len);
/* Parses one length token (number and unit pt, pc, in, px, mm, cm, em of em_base; a
 * percentage, "auto" as flags allow; "0"; body-start(), label-end()). 1 on success. */
int md_fo_len_parse(const char *s, size_t len, md_sp em_base, int flags, md_fo_len *out);
/* Parses a colour token: a name, #rgb, #rrggbb or rgb(r, g, b); "transparent" only when
 * allow_none. 1 on success. */
int md_fo_color_parse(const char *s, size_t len, int allow_none, uint32_t *out);

#endif
