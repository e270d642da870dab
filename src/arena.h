/* Bump allocator for trees that live and die together (FO nodes, items, lines). */
#ifndef MD_ARENA_H
#define MD_ARENA_H

#include <stddef.h>

#include "base.h"

typedef struct md_arena md_arena;

/* A new, empty arena; NULL when out of memory. Release with md_arena_free. */
md_arena *md_arena_new(void);
/* Release the arena and everything allocated from it; NULL is fine. */
void md_arena_free(md_arena *a);
/* size zeroed bytes aligned for any type; NULL when out of memory.
 * Borrowed: valid until md_arena_free(a). */
void *md_arena_alloc(md_arena *a, size_t size);
/* n zeroed elements of size bytes; NULL on overflow or when out of memory. */
void *md_arena_alloc_array(md_arena *a, size_t n, size_t size);
/* A copy of len bytes of s with a NUL after them; NULL when out of memory. */
char *md_arena_strndup(md_arena *a, const char *s, size_t len);

#endif
