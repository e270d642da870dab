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

/* A 64-bit hash of len bytes at p, not cryptographic (caches and tables): eight bytes a
 * step. seed 0 for one piece; a key made of several pieces hashes each from the hash of the
 * ones before. */
uint64_t md_hash64(uint64_t seed, const void *p, size_t len);

/* An index by 64-bit hash over entries numbered from 0 (open addressing): slots hold an
 * entry's number + 1, 0 is empty; the capacity is a power of two, at most half full. The
 * entries are the caller's; each holds its hash at hash_offset (offsetof). Zeroed is empty. */
typedef struct md_index {
    size_t *slots;
    size_t cap;
} md_index;
/* Makes room for entry len (the entries [0, len) already in, size bytes apart at entries),
 * rehashing them when it grows. MD_ENOMEM leaves the index as it was. */
md_status md_index_reserve(md_index *x, size_t len, const void *entries, size_t size,
                           size_t hash_offset);
/* Adds entry i of hash h; md_index_reserve made room. */
void md_index_add(md_index *x, uint64_t h, size_t i);
/* The first slot to look at for hash h, and the next one: for (size_t at =
 * md_index_first(x, h); x->cap > 0 && x->slots[at] != 0; at = md_index_next(x, at)) … */
size_t md_index_first(const md_index *x, uint64_t h);
size_t md_index_next(const md_index *x, size_t at);
void md_index_free(md_index *x);

/* Test hook: make the n-th allocation from now fail (1 = the next); 0 turns it off.
 * Returns how many allocations were made since the last call. */
unsigned long md_alloc_fail_at(unsigned long n);

#endif
