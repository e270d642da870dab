/* Diagnostics sink: every stage that reads user input reports here, and main prints them in
 * the compiler format editors understand ("file:line:col: error: message"). */
#ifndef MD_DIAG_H
#define MD_DIAG_H

#include <stddef.h>

#include "base.h"
#include "buf.h"

typedef enum md_severity { MD_DIAG_NOTE, MD_DIAG_WARNING, MD_DIAG_ERROR } md_severity;

typedef struct md_diags md_diags;

/* A new, empty sink; NULL when out of memory. Release with md_diags_free. */
md_diags *md_diags_new(void);
/* Release the sink and its messages; NULL is fine. */
void md_diags_free(md_diags *d);

/* Record one diagnostic. file may be NULL, line and col 0 when unknown. The message is
 * copied. When memory runs out the sink only sets its out-of-memory flag. */
void md_diag_add(md_diags *d, md_severity sev, const char *file, long line, long col,
                 const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Record a note that belongs to the previous diagnostic (e.g. the FO location). */
void md_diag_note(md_diags *d, const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* How many diagnostics of severity sev were recorded. */
size_t md_diags_count(const md_diags *d, md_severity sev);
/* True once a diagnostic could not be recorded for lack of memory. */
int md_diags_is_oom(const md_diags *d);

/* Formats every diagnostic, one per line, in recording order; a warning repeated with the
 * same message and file is written once, with the count. Appends to out. */
md_status md_diags_render(const md_diags *d, md_buf *out);

#endif
