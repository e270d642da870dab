/* JSON writer (RFC 8259, 2017): string escaping (§7), pretty-printed objects and arrays with
 * members in call order, for the open data files (docs/opendata.md). */
#include "json.h"

#include <stdint.h>
#include <string.h>

static void
put(md_json *j, const char *s, size_t len)
{
    if (j->st == MD_OK)
        j->st = md_buf_add(j->out, s, len);
}

static void
indent(md_json *j)
{
    put(j, "\n", 1);
    for (size_t i = 0; i < j->depth && j->st == MD_OK; i++)
        put(j, "  ", 2);
}

/* The separator, indentation and "key": before a value; 0 when the writer has failed. */
static int
begin_value(md_json *j, const char *key)
{
    if (j->st != MD_OK)
        return 0;
    int in_object = j->depth > 0 && j->is_object[j->depth];
    if ((key != NULL) != in_object || (j->depth == 0 && j->has_items[0])) {
        j->st = MD_EBUG;
        return 0;
    }
    if (j->depth > 0) {
        if (j->has_items[j->depth])
            put(j, ",", 1);
        indent(j);
    }
    j->has_items[j->depth] = 1;
    if (key != NULL) {
        if (j->st == MD_OK)
            j->st = md_json_add_quoted(j->out, key, strlen(key));
        put(j, ": ", 2);
    }
    return j->st == MD_OK;
}

void
md_json_init(md_json *j, md_buf *out)
{
    memset(j, 0, sizeof *j);
    j->out = out;
}

static void
open_(md_json *j, const char *key, int is_object)
{
    if (!begin_value(j, key))
        return;
    if (j->depth == MD_JSON_MAX_DEPTH) {
        j->st = MD_ELIMIT;
        return;
    }
    put(j, is_object ? "{" : "[", 1);
    j->depth++;
    j->is_object[j->depth] = (unsigned char)is_object;
    j->has_items[j->depth] = 0;
}

void
md_json_object(md_json *j, const char *key)
{
    open_(j, key, 1);
}

void
md_json_array(md_json *j, const char *key)
{
    open_(j, key, 0);
}

void
md_json_end(md_json *j)
{
    if (j->st != MD_OK)
        return;
    if (j->depth == 0) {
        j->st = MD_EBUG;
        return;
    }
    int had = j->has_items[j->depth];
    const char *close = j->is_object[j->depth] ? "}" : "]";
    j->depth--;
    if (had)
        indent(j);
    put(j, close, 1);
}

void
md_json_string_len(md_json *j, const char *key, const char *value, size_t len)
{
    if (value == NULL || !begin_value(j, key))
        return;
    j->st = md_json_add_quoted(j->out, value, len);
}

void
md_json_string(md_json *j, const char *key, const char *value)
{
    md_json_string_len(j, key, value, value != NULL ? strlen(value) : 0);
}

void
md_json_int(md_json *j, const char *key, long long value)
{
    if (begin_value(j, key))
        j->st = md_buf_addf(j->out, "%lld", value);
}

void
md_json_bool(md_json *j, const char *key, int value)
{
    if (begin_value(j, key))
        put(j, value ? "true" : "false", value ? 4 : 5);
}

md_status
md_json_finish(md_json *j)
{
    if (j->st == MD_OK && (j->depth != 0 || !j->has_items[0]))
        j->st = MD_EBUG;
    put(j, "\n", 1);
    return j->st;
}

md_status
md_json_add_quoted(md_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    md_status st = md_buf_add(out, "\"", 1);
    size_t pos = 0, run = 0; /* s[run..pos) is plain text not yet appended */
    while (st == MD_OK && pos < len) {
        unsigned char c = (unsigned char)s[pos];
        char esc[8];
        size_t esc_len = 0, next = pos + 1;
        if (c == '"' || c == '\\') {
            esc[0] = '\\', esc[1] = (char)c, esc_len = 2;
        } else if (c < 0x20) {
            /* §7: control characters must be escaped; the short forms where they exist. */
            const char *shortform = c == '\n'   ? "\\n"
                                    : c == '\t' ? "\\t"
                                    : c == '\r' ? "\\r"
                                    : c == '\b' ? "\\b"
                                    : c == '\f' ? "\\f"
                                                : NULL;
            if (shortform != NULL) {
                memcpy(esc, shortform, 2), esc_len = 2;
            } else {
                memcpy(esc, "\\u00", 4);
                esc[4] = hex[c >> 4], esc[5] = hex[c & 15], esc_len = 6;
            }
        } else if (c >= 0x80) {
            size_t at = pos;
            int32_t cp = md_utf8_next(s, len, &at);
            next = at;
            if (cp < 0)
                memcpy(esc, "\\ufffd", 6), esc_len = 6;
            else if (cp == 0x2028 || cp == 0x2029)
                memcpy(esc, cp == 0x2028 ? "\\u2028" : "\\u2029", 6), esc_len = 6;
        }
        if (esc_len > 0) {
            st = md_buf_add(out, s + run, pos - run);
            if (st == MD_OK)
                st = md_buf_add(out, esc, esc_len);
            run = next;
        }
        pos = next;
    }
    if (st == MD_OK)
        st = md_buf_add(out, s + run, len - run);
    if (st == MD_OK)
        st = md_buf_add(out, "\"", 1);
    return st;
}
