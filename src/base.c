/* Status strings and checked allocation with a failure hook for tests. */
#include "base.h"

#include <stdlib.h>
#include <string.h>

static unsigned long alloc_count;
static unsigned long alloc_fail_n;

const char *
md_status_str(md_status st)
{
    switch (st) {
    case MD_OK: return "ok";
    case MD_ENOMEM: return "out of memory";
    case MD_EIO: return "input/output error";
    case MD_EINPUT: return "invalid input";
    case MD_ELIMIT: return "limit exceeded";
    case MD_EBUG: return "internal error";
    }
    return "unknown status";
}

unsigned long
md_alloc_fail_at(unsigned long n)
{
    unsigned long made = alloc_count;
    alloc_count = 0;
    alloc_fail_n = n;
    return made;
}

/* True when the test hook says this allocation must fail. */
static int
should_fail(void)
{
    alloc_count++;
    return alloc_fail_n != 0 && alloc_count == alloc_fail_n;
}

void *
md_alloc(size_t size)
{
    if (should_fail())
        return NULL;
    return calloc(1, size ? size : 1);
}

void *
md_alloc_array(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    return md_alloc(n * size);
}

void *
md_realloc(void *p, size_t size)
{
    if (should_fail())
        return NULL;
    return realloc(p, size ? size : 1);
}

void *
md_realloc_array(void *p, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    return md_realloc(p, n * size);
}

void
md_free(void *p)
{
    free(p);
}

char *
md_strndup(const char *s, size_t len)
{
    char *r = md_alloc(len + 1);
    if (r == NULL)
        return NULL;
    memcpy(r, s, len);
    r[len] = '\0';
    return r;
}

char *
md_strdup(const char *s)
{
    return md_strndup(s, strlen(s));
}

md_status
md_grow(void *pp, size_t *cap, size_t need, size_t size, size_t first)
{
    if (need <= *cap)
        return MD_OK;
    size_t n = *cap ? *cap : (first ? first : 1);
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return MD_ENOMEM;
        n *= 2;
    }
    void *old;
    memcpy(&old, pp, sizeof old);
    void *v = md_realloc_array(old, n, size);
    if (v == NULL)
        return MD_ENOMEM;
    memcpy(pp, &v, sizeof v);
    *cap = n;
    return MD_OK;
}

uint64_t
md_hash64(uint64_t seed, const void *p, size_t len)
{
    const unsigned char *s = p;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ (uint64_t)len ^ seed;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    for (size_t k = 0; i + k < len; k++)
        w |= (uint64_t)s[i + k] << (8 * k);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 29;
    h *= 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 32);
}

static uint64_t
hash_at(const void *entries, size_t size, size_t hash_offset, size_t i)
{
    uint64_t h;
    memcpy(&h, (const char *)entries + i * size + hash_offset, sizeof h);
    return h;
}

md_status
md_index_reserve(md_index *x, size_t len, const void *entries, size_t size, size_t hash_offset)
{
    if (len + 1 <= x->cap / 2)
        return MD_OK;
    size_t cap = x->cap > 0 ? x->cap : 64;
    while (len + 1 > cap / 2) {
        if (cap > SIZE_MAX / 4)
            return MD_ENOMEM;
        cap *= 2;
    }
    size_t *slots = md_alloc_array(cap, sizeof *slots);
    if (slots == NULL)
        return MD_ENOMEM;
    md_index grown = {slots, cap};
    for (size_t i = 0; i < len; i++)
        md_index_add(&grown, hash_at(entries, size, hash_offset, i), i);
    md_free(x->slots);
    *x = grown;
    return MD_OK;
}

size_t
md_index_first(const md_index *x, uint64_t h)
{
    return x->cap > 0 ? (size_t)h & (x->cap - 1) : 0;
}

size_t
md_index_next(const md_index *x, size_t at)
{
    return (at + 1) & (x->cap - 1);
}

void
md_index_add(md_index *x, uint64_t h, size_t i)
{
    size_t at = md_index_first(x, h);
    while (x->slots[at] != 0)
        at = md_index_next(x, at);
    x->slots[at] = i + 1;
}

void
md_index_free(md_index *x)
{
    md_free(x->slots);
    x->slots = NULL;
    x->cap = 0;
}
