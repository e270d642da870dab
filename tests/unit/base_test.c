/* Tests of base: md_grow (the arrays of kp and para grow with it), allocation and its
 * failure hook, status names. */
#include "base.h"

#include <stddef.h>
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

/* The hash: the same bytes the same value, any change another; seeds chain pieces. */
static void
test_hash(void)
{
    const char *a = "Samverkansrådet 2024-01-30", *b = "Samverkansrådet 2024-01-31";
    CHECK(md_hash64(0, a, strlen(a)) == md_hash64(0, a, strlen(a)));
    CHECK(md_hash64(0, a, strlen(a)) != md_hash64(0, b, strlen(b)));
    CHECK(md_hash64(0, a, 0) != md_hash64(0, a, 1));
    CHECK(md_hash64(1, a, strlen(a)) != md_hash64(0, a, strlen(a)));
    /* "ab" + "c" is another key than "a" + "bc". */
    CHECK(md_hash64(md_hash64(0, "ab", 2), "c", 1) != md_hash64(md_hash64(0, "a", 1), "bc", 2));
    /* Every tail length (the last word is partial). */
    uint64_t seen[20];
    char buf[20] = "0123456789abcdefghi";
    for (size_t n = 0; n < 20; n++) {
        seen[n] = md_hash64(0, buf, n);
        for (size_t k = 0; k < n; k++)
            CHECK(seen[k] != seen[n]);
    }
}

typedef struct entry {
    int value;
    uint64_t hash;
} entry;

/* The index finds each of 5000 entries (growing from empty, with hashes that collide in their
 * low bits) and nothing else. */
static void
test_index(void)
{
    md_index x = {0};
    entry *e = md_alloc_array(5000, sizeof *e);
    CHECK(e != NULL);
    for (size_t i = 0; e != NULL && i < 5000; i++) {
        e[i] = (entry){(int)i * 7, (uint64_t)(i % 100) << 40 | (i & 3)};
        CHECK_INT(md_index_reserve(&x, i, e, sizeof *e, offsetof(entry, hash)), MD_OK);
        md_index_add(&x, e[i].hash, i);
    }
    CHECK(x.cap >= 10000 && (x.cap & (x.cap - 1)) == 0);
    size_t found = 0;
    for (size_t i = 0; e != NULL && i < 5000; i++) {
        int is_found = 0;
        for (size_t at = md_index_first(&x, e[i].hash); x.slots[at] != 0;
             at = md_index_next(&x, at))
            if (x.slots[at] - 1 == i && e[x.slots[at] - 1].value == (int)i * 7)
                is_found = 1;
        found += (size_t)is_found;
    }
    CHECK_INT(found, 5000);
    size_t at = md_index_first(&x, 0xFFFFu << 20);
    while (x.slots[at] != 0 && e[x.slots[at] - 1].hash != (uint64_t)0xFFFFu << 20)
        at = md_index_next(&x, at);
    CHECK(x.slots[at] == 0);
    md_index_free(&x);
    CHECK(x.slots == NULL && x.cap == 0);
    md_free(e);
}

int
main(void)
{
    test_grow();
    test_alloc();
    test_hash();
    test_index();
    return check_done();
}
