/* Growable byte buffers and UTF-8 helpers (RFC 3629). */
#ifndef MD_BUF_H
#define MD_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "base.h"

/* A growable byte string, always NUL-terminated when data != NULL.
 * Zero-initialise ({0}) to start; release with md_buf_free. */
typedef struct md_buf {
    char *data;
    size_t len;
    size_t cap;
} md_buf;

/* Append len bytes. On MD_ENOMEM the buffer is unchanged. */
md_status md_buf_add(md_buf *b, const char *s, size_t len);
/* Append a NUL-terminated string. */
md_status md_buf_adds(md_buf *b, const char *s);
/* Append printf-formatted text. */
md_status md_buf_addf(md_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
md_status md_buf_vaddf(md_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Forget the contents, keep the memory. */
void md_buf_clear(md_buf *b);
/* Release the memory; the buffer may be reused after. */
void md_buf_free(md_buf *b);
/* Hand the contents to the caller (md_free) and reset b; an empty buffer gives "". */
char *md_buf_take(md_buf *b);

/* Appends the whole file at path, refusing more than max bytes in all (MD_ELIMIT). MD_EIO
 * when it cannot be read (errno says why); the buffer then holds what was read. */
md_status md_buf_read_file(md_buf *b, const char *path, size_t max);

/* Decode one UTF-8 sequence at s[*pos] (len bytes in all). Returns the code point and
 * advances *pos; returns -1 for an invalid, overlong, surrogate or truncated sequence and
 * advances *pos by one byte. */
int32_t md_utf8_next(const char *s, size_t len, size_t *pos);
/* Offset of the first byte that is not valid UTF-8, or len when all of s is valid. */
size_t md_utf8_check(const char *s, size_t len);
/* Line and column (both from 1, the column in characters) of byte offset off in s. */
void md_utf8_locate(const char *s, size_t off, long *line, long *col);
/* Encode cp into out (at least 4 bytes); returns the byte count, 0 for an invalid cp. */
size_t md_utf8_put(uint32_t cp, char *out);

#endif
