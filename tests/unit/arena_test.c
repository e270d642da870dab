/* Tests of arena: alignment, zeroing, large blocks, and copies. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>

#include "check.h"

int
main(void)
{
    md_arena *a = md_arena_new();
    CHECK(a != NULL);
    char *prev = NULL;
    int bad = 0;
    for (int i = 0; i < 5000; i++) {
        char *p = md_arena_alloc(a, (size_t)(i % 37) + 1);
        if (p == NULL || (uintptr_t)p % alignof(max_align_t) != 0 || p[0] != 0 || p == prev) {
            bad++;
            break;
        }
        p[0] = 'x';
        prev = p;
    }
    CHECK_INT(bad, 0);
    char *big = md_arena_alloc(a, 1000000);
    CHECK(big != NULL && big[999999] == 0);
    CHECK_STR(md_arena_strndup(a, "Örebro kommun", 7), "Örebro");
    CHECK(md_arena_alloc_array(a, SIZE_MAX / 2, 8) == NULL);
    md_arena_free(a);
    md_arena_free(NULL);
    return check_done();
}
