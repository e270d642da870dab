/* Page builder: the flow and static content of an XSL-FO layout tree (md_fo_node) → lines
 * (para) → pages with keeps, widows and orphans, page masters and static regions, drawn
 * through canvas.h with structure tags. What is not typeset yet is listed atop page.c. */
#ifndef MD_PAGE_H
#define MD_PAGE_H

#include <stddef.h>

#include "base.h"
#include "buf.h"
#include "canvas.h"
#include "diag.h"
#include "fo.h"

typedef struct md_font_set md_font_set;
typedef struct md_hyph md_hyph;

/* What pages are set with; borrowed for the duration of a call. hyph may be NULL (then
 * nothing is hyphenated). */
typedef struct md_page_env {
    md_font_set *fonts;
    const md_hyph *hyph;
    const char *source; /* the meeting file the tree was made from, or NULL: warnings then
                         * get a note at its md:src line */
} md_page_env;

/* Typesets every page-sequence of doc onto c, in two passes (the first finds the pages of
 * ids for page-number-citation), drawing only in the second. On MD_OK *pages_len (may be
 * NULL) is the number of pages drawn; warnings (unsupported FO, overfull lines) are in d.
 * MD_EINPUT: the tree cannot be typeset (unknown master, no page master); reasons in d.
 * MD_ELIMIT: more than MD_PAGE_MAX_PAGES pages. Other errors come from the canvas. */
md_status md_page_typeset(const md_fo_doc *doc, const md_page_env *env, md_canvas c, md_diags *d,
                          size_t *pages_len);

/* Largest number of pages one document may have. */
#define MD_PAGE_MAX_PAGES 10000

/* Appends the text of the first fo:title of doc (the document title) to out; nothing when
 * there is none. MD_ENOMEM leaves out as it was. */
md_status md_page_title(const md_fo_doc *doc, md_buf *out);

/* Room for a formatted page number and its NUL. */
#define MD_PAGE_NUMBER_MAX 24
/* Writes page number n in a page-sequence's format (XSL §7.26.1, the XSLT number tokens): "1"
 * (or NULL) 1 2 3, "01" 01 02, "i"/"I" roman, "a"/"A" letters; returns its length. Roman
 * beyond 3999 and letters beyond 100000 are written as decimals. */
size_t md_page_number_format(int n, const char *format, char out[MD_PAGE_NUMBER_MAX]);
/* True for a format md_page_number_format knows (NULL too). */
int md_page_number_format_ok(const char *format);

#endif
