/* Tests of json: escaping of every class of character (RFC 8259 §7), nesting and commas,
 * members left out for NULL, misuse reported as MD_EBUG, the depth limit, and every
 * allocation failing. */
#include "json.h"

#include <string.h>

#include "check.h"

/* The quoted form of s[0..len). */
static md_buf qbuf;

static const char *
quoted(const char *s, size_t len)
{
    md_buf_clear(&qbuf);
    if (md_json_add_quoted(&qbuf, s, len) != MD_OK)
        return "(failed)";
    return qbuf.data;
}

static void
test_escape(void)
{
    CHECK_STR(quoted("", 0), "\"\"");
    CHECK_STR(quoted("Örebro", strlen("Örebro")), "\"Örebro\"");
    CHECK_STR(quoted("a\"b\\c/d", 7), "\"a\\\"b\\\\c/d\"");
    CHECK_STR(quoted("1\n2\t3\r4\b5\f", 10), "\"1\\n2\\t3\\r4\\b5\\f\"");
    CHECK_STR(quoted("\x01\x1f\x7f", 3), "\"\\u0001\\u001f\x7f\"");
    CHECK_STR(quoted("a\0b", 3), "\"a\\u0000b\"");
    /* U+2028 LINE SEPARATOR and U+2029 are valid JSON but not valid JavaScript strings. */
    CHECK_STR(quoted("x\xe2\x80\xa8y\xe2\x80\xa9", 8), "\"x\\u2028y\\u2029\"");
    /* Invalid UTF-8: a stray continuation byte, a truncated sequence, an overlong "/". */
    CHECK_STR(quoted("a\x80z", 3), "\"a\\ufffdz\"");
    CHECK_STR(quoted("\xc3", 1), "\"\\ufffd\"");
    CHECK_STR(quoted("\xc0\xaf", 2), "\"\\ufffd\\ufffd\"");
    /* Four-byte characters pass unchanged. */
    CHECK_STR(quoted("\xf0\x9f\x98\x80", 4), "\"\xf0\x9f\x98\x80\"");
}

static void
test_document(void)
{
    md_buf b = {0};
    md_json j;
    md_json_init(&j, &b);
    md_json_object(&j, NULL);
    md_json_string(&j, "type", "Meeting");
    md_json_string(&j, "absent", NULL);
    md_json_int(&j, "n", -42);
    md_json_bool(&j, "cancelled", 0);
    md_json_array(&j, "empty");
    md_json_end(&j);
    md_json_object(&j, "emptyObject");
    md_json_end(&j);
    md_json_array(&j, "items");
    md_json_string(&j, NULL, "å");
    md_json_object(&j, NULL);
    md_json_bool(&j, "public", 1);
    md_json_end(&j);
    md_json_end(&j);
    md_json_end(&j);
    CHECK_INT(md_json_finish(&j), MD_OK);
    CHECK_STR(b.data, "{\n"
                      "  \"type\": \"Meeting\",\n"
                      "  \"n\": -42,\n"
                      "  \"cancelled\": false,\n"
                      "  \"empty\": [],\n"
                      "  \"emptyObject\": {},\n"
                      "  \"items\": [\n"
                      "    \"å\",\n"
                      "    {\n"
                      "      \"public\": true\n"
                      "    }\n"
                      "  ]\n"
                      "}\n");
    md_buf_free(&b);
}

/* Each misuse gives MD_EBUG, and later calls change nothing. */
static void
test_misuse(void)
{
    md_buf b = {0};
    md_json j;

    md_json_init(&j, &b);
    md_json_object(&j, NULL);
    md_json_string(&j, NULL, "no key in an object");
    CHECK_INT(md_json_finish(&j), MD_EBUG);

    md_buf_clear(&b);
    md_json_init(&j, &b);
    md_json_array(&j, NULL);
    md_json_int(&j, "key in an array", 1);
    size_t len = b.len;
    md_json_end(&j);
    CHECK_INT(b.len, len);
    CHECK_INT(md_json_finish(&j), MD_EBUG);

    md_buf_clear(&b);
    md_json_init(&j, &b);
    md_json_object(&j, NULL);
    CHECK_INT(md_json_finish(&j), MD_EBUG); /* not closed */

    md_buf_clear(&b);
    md_json_init(&j, &b);
    md_json_end(&j); /* nothing open */
    CHECK_INT(md_json_finish(&j), MD_EBUG);

    md_buf_clear(&b);
    md_json_init(&j, &b);
    md_json_int(&j, NULL, 1);
    md_json_int(&j, NULL, 2); /* two top-level values */
    CHECK_INT(md_json_finish(&j), MD_EBUG);

    md_buf_clear(&b);
    md_json_init(&j, &b);
    CHECK_INT(md_json_finish(&j), MD_EBUG); /* empty document */

    md_buf_clear(&b);
    md_json_init(&j, &b);
    for (int i = 0; i <= MD_JSON_MAX_DEPTH; i++)
        md_json_array(&j, NULL);
    CHECK_INT(md_json_finish(&j), MD_ELIMIT);
    md_buf_free(&b);
}

static md_status
build(md_buf *b)
{
    md_json j;
    md_json_init(&j, b);
    md_json_object(&j, NULL);
    md_json_string(&j, "name", "Samverkansrådet \"och\" C-nätet");
    md_json_array(&j, "agendaItem");
    for (int i = 0; i < 20; i++) {
        md_json_object(&j, NULL);
        md_json_int(&j, "order", i);
        md_json_end(&j);
    }
    md_json_end(&j);
    md_json_end(&j);
    return md_json_finish(&j);
}

static void
test_nomem(void)
{
    md_buf want = {0};
    CHECK_INT(build(&want), MD_OK);
    int failures = 0;
    for (unsigned long n = 1; n < 200; n++) {
        md_buf b = {0};
        md_alloc_fail_at(n);
        md_status st = build(&b);
        md_alloc_fail_at(0);
        md_buf_free(&b);
        if (st == MD_OK)
            break;
        CHECK_INT(st, MD_ENOMEM);
        failures++;
    }
    CHECK(failures > 2);
    md_buf_free(&want);
}

int
main(void)
{
    test_escape();
    test_document();
    test_misuse();
    test_nomem();
    md_buf_free(&qbuf);
    return check_done();
}
