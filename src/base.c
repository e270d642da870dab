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
