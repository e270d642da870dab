/* Status codes and checked allocation shared by every module.
 * All allocation goes through md_alloc and friends so that the test build can make the
 * N-th allocation fail (md_alloc_fail_at) and prove that every caller handles MD_ENOMEM. */
#ifndef MD_BASE_H
#define MD_BASE_H

#include <stddef.h>
#include <stdint.h>

typedef enum md_status {
    MD_OK = 0,
    MD_ENOMEM, /* Out of memory; nothing was half-done. */
    MD_EIO,    /* A file could not be read or written. */
    MD_EINPUT, /* The input is wrong; the reasons are in the md_diags. */
    MD_ELIMIT, /* An explicit limit (depth, size, count) was exceeded. */
    MD_EBUG    /* An internal invariant failed. */
} md_status;

/* A length in scaled points: 1/65536 pt, as TeX's sp. */
typedef int32_t md_sp;

#define MD_SP_PER_PT 65536

/* Returns a short English name for a status ("out of memory"); static storage. */
const char *md_status_str(md_status st);

/* Allocate, or return NULL (never abort). md_alloc zeroes the memory. */
void *md_alloc(size_t size);
/* Allocate n elements of size bytes, zeroed; NULL on overflow or failure. */
void *md_alloc_array(size_t n, size_t size);
/* Resize; on failure returns NULL and leaves p untouched. */
void *md_realloc(void *p, size_t size);
/* Resize to n elements of size bytes; NULL on overflow or failure, p untouched. */
void *md_realloc_array(void *p, size_t n, size_t size);
/* Release; NULL is fine. */
void md_free(void *p);
/* Makes room in the array *pp (pp is the address of a T * pointer) for at least need
 * elements of size bytes: the capacity *cap doubles (starting at first) until it holds them,
 * and the array is reallocated. Nothing happens while need <= *cap. MD_ENOMEM on overflow or
 * failure, with *pp and *cap untouched. */
md_status md_grow(void *pp, size_t *cap, size_t need, size_t size, size_t first);
/* Copy a NUL-terminated string; NULL on failure. */
char *md_strdup(const char *s);
/* Copy len bytes and a NUL; NULL on failure. */
char *md_strndup(const char *s, size_t len);

/* Test hook: make the n-th allocation from now fail (1 = the next); 0 turns it off.
 * Returns how many allocations were made since the last call. */
unsigned long md_alloc_fail_at(unsigned long n);

#endif
