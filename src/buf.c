/* Growable byte buffers and UTF-8 decoding and encoding (RFC 3629). */
#include "buf.h"

#include <stdio.h>
#include <string.h>

/* Make room for extra more bytes plus the terminating NUL. */
static md_status
reserve(md_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return MD_ENOMEM;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return MD_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = md_realloc(b->data, cap);
    if (p == NULL)
        return MD_ENOMEM;
    b->data = p;
    b->cap = cap;
    return MD_OK;
}

md_status
md_buf_add(md_buf *b, const char *s, size_t len)
{
    md_status st = reserve(b, len);
    if (st != MD_OK)
        return st;
    if (len > 0)
        memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
    return MD_OK;
}

md_status
md_buf_adds(md_buf *b, const char *s)
{
    return md_buf_add(b, s, strlen(s));
}

md_status
md_buf_vaddf(md_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return MD_EBUG;
    md_status st = reserve(b, (size_t)n);
    if (st != MD_OK)
        return st;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return MD_OK;
}

md_status
md_buf_addf(md_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    md_status st = md_buf_vaddf(b, fmt, ap);
    va_end(ap);
    return st;
}

void
md_buf_clear(md_buf *b)
{
    b->len = 0;
    if (b->data != NULL)
        b->data[0] = '\0';
}

void
md_buf_free(md_buf *b)
{
    md_free(b->data);
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

char *
md_buf_take(md_buf *b)
{
    char *r = b->data;
    if (r == NULL)
        r = md_strdup("");
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    return r;
}

md_status
md_buf_read_file(md_buf *b, const char *path, size_t max)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return MD_EIO;
    md_status st = MD_OK;
    size_t start = b->len;
    char chunk[65536];
    size_t n;
    while (st == MD_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b->len - start + n > max)
            st = MD_ELIMIT;
        else
            st = md_buf_add(b, chunk, n);
    }
    if (st == MD_OK && ferror(f))
        st = MD_EIO;
    fclose(f);
    return st;
}

int32_t
md_utf8_next(const char *s, size_t len, size_t *pos)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = *pos;
    unsigned c = u[i];
    size_t n;
    uint32_t cp, min;
    if (c < 0x80) {
        *pos = i + 1;
        return (int32_t)c;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 1, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3, cp = c & 0x07, min = 0x10000;
    } else {
        *pos = i + 1;
        return -1;
    }
    if (len - i <= n) {
        *pos = i + 1;
        return -1;
    }
    for (size_t k = 1; k <= n; k++) {
        if ((u[i + k] & 0xC0) != 0x80) {
            *pos = i + 1;
            return -1;
        }
        cp = (cp << 6) | (u[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *pos = i + 1;
        return -1;
    }
    *pos = i + n + 1;
    return (int32_t)cp;
}

size_t
md_utf8_check(const char *s, size_t len)
{
    size_t pos = 0;
    while (pos < len) {
        size_t at = pos;
        if (md_utf8_next(s, len, &pos) < 0)
            return at;
    }
    return len;
}

void
md_utf8_locate(const char *s, size_t off, long *line, long *col)
{
    long l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        if (s[i] == '\n') {
            l++;
            c = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

size_t
md_utf8_put(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            return 0;
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    } else if (cp <= 0x10FFFF) {
        o[0] = (unsigned char)(0xF0 | (cp >> 18));
        o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (unsigned char)(0x80 | (cp & 0x3F));
        return 4;
    }
    return 0;
}
