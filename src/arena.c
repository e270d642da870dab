/* Bump allocator: memory comes from chunks that are released all at once. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <string.h>

/* 64 KiB chunks: large enough that a page of FO nodes needs few of them. */
#define CHUNK_SIZE ((size_t)64 * 1024)

typedef struct chunk {
    struct chunk *next;
    size_t used;
    size_t cap;
    alignas(max_align_t) unsigned char data[];
} chunk;

struct md_arena {
    chunk *head;
};

md_arena *
md_arena_new(void)
{
    return md_alloc(sizeof(md_arena));
}

void
md_arena_free(md_arena *a)
{
    if (a == NULL)
        return;
    chunk *c = a->head;
    while (c != NULL) {
        chunk *next = c->next;
        md_free(c);
        c = next;
    }
    md_free(a);
}

void *
md_arena_alloc(md_arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    if (size > SIZE_MAX - align)
        return NULL;
    size = (size + align - 1) & ~(align - 1);
    chunk *c = a->head;
    if (c == NULL || c->cap - c->used < size) {
        size_t cap = size > CHUNK_SIZE ? size : CHUNK_SIZE;
        if (cap > SIZE_MAX - sizeof(chunk))
            return NULL;
        c = md_alloc(sizeof(chunk) + cap);
        if (c == NULL)
            return NULL;
        c->cap = cap;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
}

void *
md_arena_alloc_array(md_arena *a, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    return md_arena_alloc(a, n * size);
}

char *
md_arena_strndup(md_arena *a, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *r = md_arena_alloc(a, len + 1);
    if (r == NULL)
        return NULL;
    memcpy(r, s, len);
    r[len] = '\0';
    return r;
}
