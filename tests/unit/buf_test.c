/* Tests of buf: growth, formatting, and UTF-8 decoding of valid and invalid sequences. */
#include "buf.h"

#include "check.h"

static void
test_growth(void)
{
    md_buf b = {0};
    md_status st = MD_OK;
    for (int i = 0; i < 1000 && st == MD_OK; i++)
        st = md_buf_adds(&b, "åäö");
    CHECK_INT(st, MD_OK);
    CHECK_INT(b.len, 6000);
    CHECK_INT(b.data[b.len], '\0');
    md_buf_clear(&b);
    CHECK_INT(md_buf_addf(&b, "%s:%d:", "a.xml", 12), MD_OK);
    CHECK_STR(b.data, "a.xml:12:");
    char *s = md_buf_take(&b);
    CHECK_STR(s, "a.xml:12:");
    CHECK(b.data == NULL && b.len == 0);
    md_free(s);
    md_buf_free(&b);
}

static void
test_utf8(void)
{
    const char *s = "Ö\xE2\x80\x93x";
    size_t pos = 0;
    CHECK_INT(md_utf8_next(s, strlen(s), &pos), 0xD6);
    CHECK_INT(pos, 2);
    CHECK_INT(md_utf8_next(s, strlen(s), &pos), 0x2013);
    CHECK_INT(pos, 5);
    /* Latin-1 "på" is not UTF-8: 0xE5 starts a three-byte sequence that is not there. */
    const char *latin1 = "p\xE5 mötet";
    CHECK_INT(md_utf8_check(latin1, strlen(latin1)), 1);
    /* Overlong "/" (0xC0 0xAF), a surrogate (ED A0 80) and a truncated sequence. */
    CHECK_INT(md_utf8_check("a\xC0\xAF", 3), 1);
    CHECK_INT(md_utf8_check("\xED\xA0\x80", 3), 0);
    CHECK_INT(md_utf8_check("ab\xE2\x80", 4), 2);
    CHECK_INT(md_utf8_check("Örebro", strlen("Örebro")), strlen("Örebro"));
    char out[4];
    CHECK_INT(md_utf8_put(0x1F600, out), 4);
    CHECK(memcmp(out, "\xF0\x9F\x98\x80", 4) == 0);
    CHECK_INT(md_utf8_put(0xD800, out), 0);
}

static void
test_alloc_failure(void)
{
    md_buf b = {0};
    md_alloc_fail_at(1);
    CHECK_INT(md_buf_adds(&b, "x"), MD_ENOMEM);
    CHECK(b.data == NULL && b.len == 0);
    md_alloc_fail_at(0);
    CHECK_INT(md_buf_adds(&b, "x"), MD_OK);
    md_buf_free(&b);
    CHECK(md_alloc_array(SIZE_MAX / 2, 4) == NULL);
}

static void
test_read_file(void)
{
    md_buf b = {0};
    /* The seed text is 5 873 bytes (wc -c). */
    CHECK_INT(md_buf_read_file(&b, "tests/seeds/2020-01-29.txt", 100000), MD_OK);
    CHECK_INT(b.len, 5873);
    md_buf_clear(&b);
    CHECK_INT(md_buf_read_file(&b, "tests/seeds/2020-01-29.txt", 5000), MD_ELIMIT);
    CHECK_INT(md_buf_read_file(&b, "tests/seeds/finns-inte.txt", 5000), MD_EIO);
    md_buf_free(&b);
}

int
main(void)
{
    test_read_file();
    test_growth();
    test_utf8();
    test_alloc_failure();
    return check_done();
}
