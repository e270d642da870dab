/* Atomic output: write to a temporary file beside the target, fsync, rename into place, so a
 * failed or killed build never leaves a half-written file and never destroys the previous
 * good output. */
#ifndef MD_OUT_H
#define MD_OUT_H

#include <stddef.h>

#include "base.h"
#include "diag.h"

typedef struct md_out md_out;

/* Starts writing path: creates a temporary file in the same folder (missing folders are
 * made), unnamed where the system allows (Linux O_TMPFILE), so that a killed process leaves
 * nothing behind. On MD_OK *out is the caller's: finish with md_out_commit or md_out_abort.
 * MD_EIO with a diagnostic in d when the folder cannot be written. d is kept until then: a
 * failed md_out_write reports there at once (the caller may abort without committing). */
md_status md_out_open(const char *path, md_diags *d, md_out **out);
/* Appends len bytes. MD_EIO (disk full, I/O error) with a diagnostic (once, naming the file
 * and the cause); later writes and the commit then fail too, and the target stays untouched. */
md_status md_out_write(md_out *o, const void *data, size_t len);
/* Flushes, fsyncs and renames the temporary file onto the target; frees o in every case.
 * On failure the temporary file is removed and the old target is kept. */
md_status md_out_commit(md_out *o, md_diags *d);
/* Removes the temporary file and frees o; the target is untouched. NULL is fine. */
void md_out_abort(md_out *o);
/* Writes len bytes to path atomically: open, write, commit. */
md_status md_out_file(const char *path, const void *data, size_t len, md_diags *d);

#endif
