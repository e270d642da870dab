/* A small JSON writer (RFC 8259): objects, arrays, strings, integers and booleans appended
 * to an md_buf, pretty-printed with two spaces, keys in the order the caller writes them,
 * so the same calls give the same bytes. Knows nothing of meetings. */
#ifndef MD_JSON_H
#define MD_JSON_H

#include <stddef.h>

#include "base.h"
#include "buf.h"

/* Deepest nesting of objects and arrays; deeper gives MD_ELIMIT. */
#define MD_JSON_MAX_DEPTH 32

/* Writer state. Zero-initialise and set out (or use md_json_init); the fields are private.
 * The status is sticky: after the first failure every call does nothing, and
 * md_json_finish reports it. */
typedef struct md_json {
    md_buf *out;
    md_status st;
    size_t depth;
    unsigned char has_items[MD_JSON_MAX_DEPTH + 1]; /* per level: something written yet */
    unsigned char is_object[MD_JSON_MAX_DEPTH + 1];
} md_json;

/* Starts a document appended to out (borrowed; it must outlive j). */
void md_json_init(md_json *j, md_buf *out);

/* Opens an object or array. key names the member inside an object and must be NULL inside
 * an array or at the top (a key where none belongs, or none where one must be, is MD_EBUG). */
void md_json_object(md_json *j, const char *key);
void md_json_array(md_json *j, const char *key);
/* Closes the innermost object or array. */
void md_json_end(md_json *j);

/* A string member or element. value NULL writes nothing (an absent member is left out,
 * as OParl does), so optional fields need no "if". Invalid UTF-8 becomes U+FFFD. */
void md_json_string(md_json *j, const char *key, const char *value);
/* A string of len bytes (may hold NUL, written as \u0000). */
void md_json_string_len(md_json *j, const char *key, const char *value, size_t len);
/* An integer member or element. */
void md_json_int(md_json *j, const char *key, long long value);
/* true or false. */
void md_json_bool(md_json *j, const char *key, int value);

/* Ends the document with a newline. MD_OK when every call succeeded and every object and
 * array was closed; otherwise the first failure (MD_ENOMEM, MD_ELIMIT, MD_EBUG). */
md_status md_json_finish(md_json *j);

/* Appends s[0..len) as a quoted JSON string: " and \ escaped, control characters as \n,
 * \t, \r, \b, \f or \u00XX, U+2028 and U+2029 as \u escapes (so the text is also valid
 * JavaScript), invalid UTF-8 as \ufffd. MD_ENOMEM may leave part of it appended. */
md_status md_json_add_quoted(md_buf *out, const char *s, size_t len);

#endif
