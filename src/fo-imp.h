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

#endif
