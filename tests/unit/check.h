/* A tiny test harness: each check prints "file:line: expected X, got Y" when it fails, and
 * check_done() prints "N passed, N failed" and gives the exit status. */
#ifndef MD_CHECK_H
#define MD_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed;
static int check_failed;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (cond) {                                                                                \
            check_passed++;                                                                        \
        } else {                                                                                   \
            check_failed++;                                                                        \
            printf("%s:%d: expected %s\n", __FILE__, __LINE__, #cond);                             \
        }                                                                                          \
    } while (0)

#define CHECK_INT(got, want)                                                                       \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                   \
        if (g_ == w_) {                                                                            \
            check_passed++;                                                                        \
        } else {                                                                                   \
            check_failed++;                                                                        \
            printf("%s:%d: %s: expected %lld, got %lld\n", __FILE__, __LINE__, #got, w_, g_);      \
        }                                                                                          \
    } while (0)

#define CHECK_STR(got, want)                                                                       \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                      \
        if (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0) {                                     \
            check_passed++;                                                                        \
        } else {                                                                                   \
            check_failed++;                                                                        \
            printf("%s:%d: %s: expected \"%s\", got \"%s\"\n", __FILE__, __LINE__, #got,           \
                   w_ ? w_ : "(null)", g_ ? g_ : "(null)");                                        \
        }                                                                                          \
    } while (0)

/* Fails unless hay contains needle; shows the start of hay (a layout tree can be long). */
#define CHECK_HAS(hay, needle)                                                                     \
    do {                                                                                           \
        const char *h_ = (hay), *n_ = (needle);                                                    \
        if (h_ != NULL && strstr(h_, n_) != NULL) {                                                \
            check_passed++;                                                                        \
        } else {                                                                                   \
            check_failed++;                                                                        \
            printf("%s:%d: expected \"%s\" in:\n%.400s\n", __FILE__, __LINE__, n_,                 \
                   h_ ? h_ : "(null)");                                                            \
        }                                                                                          \
    } while (0)

/* The build folder (out/build/BUILD) from a test's argv[0] (out/build/BUILD/tests/x_test):
 * the motesdok binary is there. Writes it to dir; 0 when argv0 has no such folder. */
static inline int
check_build_dir(const char *argv0, char *dir, size_t size)
{
    snprintf(dir, size, "%s", argv0);
    char *slash = strrchr(dir, '/');
    if (slash == NULL)
        return 0;
    *slash = '\0';
    slash = strrchr(dir, '/');
    if (slash != NULL)
        *slash = '\0';
    return 1;
}

static inline int
check_done(void)
{
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed == 0 && check_passed > 0 ? 0 : 1;
}

#endif
