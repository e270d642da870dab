/* Tests of base: md_grow (the arrays of kp and para grow with it), allocation and its
 * failure hook, status names. */
#include "base.h"

#include <stdint.h>

#include "check.h"

/* Capacities go first, 2 first, 4 first ...; the contents survive; nothing happens while
 * the need fits; a failed allocation leaves the array and its capacity as they were. */
static void
test_grow(void)
{
    int *v = NULL;
    size_t cap = 0;
    CHECK_INT(md_grow(&v, &cap, 1, sizeof *v, 4), MD_OK);
    CHECK_INT(cap, 4);
    for (int i = 0; i < 4; i++)
        v[i] = i * 7;
    CHECK_INT(md_grow(&v, &cap, 4, sizeof *v, 4), MD_OK);
    CHECK_INT(cap, 4);
    CHECK_INT(md_grow(&v, &cap, 5, sizeof *v, 4), MD_OK);
    CHECK_INT(cap, 8);
    CHECK_INT(md_grow(&v, &cap, 33, sizeof *v, 4), MD_OK);
    CHECK_INT(cap, 64);
    int same = 1;
    for (int i = 0; i < 4; i++)
        same &= v[i] == i * 7;
    CHECK(same);
    int *before = v;
    md_alloc_fail_at(1);
    CHECK_INT(md_grow(&v, &cap, 65, sizeof *v, 4), MD_ENOMEM);
    md_alloc_fail_at(0);
    CHECK(v == before);
    CHECK_INT(cap, 64);
    CHECK_INT(v[3], 21);
    /* A capacity that cannot double, or an array too large for memory: no allocation. */
    size_t huge = SIZE_MAX / 2 + 2;
    CHECK_INT(md_grow(&v, &cap, huge, 1, 4), MD_ENOMEM);
    CHECK_INT(md_grow(&v, &cap, SIZE_MAX / 4, 64, 4), MD_ENOMEM);
    CHECK(v == before);
    CHECK_INT(cap, 64);
    md_free(v);
    /* first 0 starts at 1. */
    char *c = NULL;
    size_t ccap = 0;
    CHECK_INT(md_grow(&c, &ccap, 3, 1, 0), MD_OK);
    CHECK_INT(ccap, 4);
    md_free(c);
}

static void
test_alloc(void)
{
    CHECK(md_alloc_array(SIZE_MAX / 2, 4) == NULL);
    md_alloc_fail_at(2);
    void *a = md_alloc(8);
    void *b = md_alloc(8);
    md_alloc_fail_at(0);
    CHECK(a != NULL);
    CHECK(b == NULL);
    md_free(a);
    char *s = md_strndup("abcdef", 3);
    CHECK_STR(s, "abc");
    md_free(s);
    CHECK_STR(md_status_str(MD_ENOMEM), "out of memory");
}

int
main(void)
{
    test_grow();
    test_alloc();
    return check_done();
}
