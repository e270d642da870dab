/* Value parsing for the motesdok XSL-FO subset (XSL 1.1 §5.9–5.11): numbers, lengths with
 * units and percentages, the length functions body-start() and label-end(), and colours
 * (names, #rgb, #rrggbb, rgb()). The property code (fo-prop.c) builds on these. */
#include "fo-imp.h"

#include <limits.h>
#include <string.h>

/* Units in sp per unit as exact fractions: 1in = 72pt, 1pc = 12pt, 1px = 1/96in (CSS 2.1
 * §4.3.2), 1mm = 1in/25.4, so 1mm = 4718592/25.4 sp = 23592960/127 sp. */
typedef struct unit {
    const char *name;
    int64_t num, den;
} unit;

static const unit units[] = {
    {"pt", 65536, 1}, {"pc", 786432, 1},     {"in", 4718592, 1},
    {"px", 49152, 1}, {"mm", 23592960, 127}, {"cm", 235929600, 127},
};

__extension__ typedef __int128 wide;

/* a / b rounded to the nearest integer, halves away from zero; b > 0. */
static wide
round_div(wide a, wide b)
{
    return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
}

int64_t
md_fo_round_div(int64_t a, int64_t b)
{
    return (int64_t)round_div(a, b);
}

/* Parses a number at s[0..len) and returns the count of bytes used (0: no number). */
size_t
md_fo_decimal_parse(const char *s, size_t len, md_fo_decimal *out)
{
    size_t i = 0;
    int neg = 0, digits = 0, frac = 0;
    int64_t n = 0;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    while (i < len && s[i] >= '0' && s[i] <= '9') {
        if (digits++ >= 9)
            return 0;
        n = n * 10 + (s[i++] - '0');
    }
    if (i < len && s[i] == '.') {
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            if (frac < 9) {
                n = n * 10 + (s[i] - '0');
                frac++;
            }
            digits++;
            i++;
        }
    }
    if (digits == 0)
        return 0;
    out->n = neg ? -n : n;
    out->k = frac;
    return i;
}

static wide
pow10w(int k)
{
    wide p = 1;
    while (k-- > 0)
        p *= 10;
    return p;
}

/* Converts x × num / den to an int32, rounding as round_div; 0 when out of range. */
int
md_fo_decimal_scale(md_fo_decimal x, int64_t num, int64_t den, int32_t *out)
{
    wide v = round_div((wide)x.n * num, (wide)den * pow10w(x.k));
    if (v > INT32_MAX || v < -INT32_MAX)
        return 0;
    *out = (int32_t)v;
    return 1;
}

int
md_fo_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* True when s[0..len) equals the NUL-terminated word w. */
int
md_fo_is_word(const char *s, size_t len, const char *w)
{
    return strlen(w) == len && memcmp(s, w, len) == 0;
}

/* Splits v into at most cap tokens; returns the count, or cap + 1 when there are more. */
size_t
md_fo_tokens(const char *v, md_fo_tok *t, size_t cap)
{
    size_t n = 0;
    const char *p = v;
    for (;;) {
        while (md_fo_is_space(*p))
            p++;
        if (*p == '\0')
            return n;
        const char *b = p;
        int depth = 0;
        while (*p != '\0' && (depth > 0 || !md_fo_is_space(*p))) {
            if (*p == '(')
                depth++;
            else if (*p == ')' && depth > 0)
                depth--;
            p++;
        }
        if (n == cap)
            return cap + 1;
        t[n].s = b;
        t[n].len = (size_t)(p - b);
        n++;
    }
}

/* --- lengths ------------------------------------------------------------------------- */

/* The argument of name(...) in s[0..len), or NULL. */
const char *
md_fo_func_arg(const char *s, size_t len, const char *name, size_t *arg_len)
{
    size_t nl = strlen(name);
    if (len < nl + 2 || memcmp(s, name, nl) != 0)
        return NULL;
    size_t i = nl;
    while (i < len && md_fo_is_space(s[i]))
        i++;
    if (i >= len || s[i] != '(' || s[len - 1] != ')')
        return NULL;
    const char *a = s + i + 1;
    size_t al = len - i - 2;
    while (al > 0 && md_fo_is_space(*a))
        a++, al--;
    while (al > 0 && md_fo_is_space(a[al - 1]))
        al--;
    *arg_len = al;
    return a;
}

/* Parses one length token: a number and a unit (pt, pc, in, px, mm, cm, em of em_base),
 * a percentage when flags has MD_FO_LENF_PCT, "auto" with MD_FO_LENF_AUTO, "0", and the functions
 * body-start(), label-end(). Returns 1 on success. */
int
md_fo_len_parse(const char *s, size_t len, md_sp em_base, int flags, md_fo_len *out)
{
    md_fo_len r = {MD_FO_LEN_ABS, 0, 0};
    size_t al;
    if ((flags & MD_FO_LENF_AUTO) && md_fo_is_word(s, len, "auto")) {
        r.kind = MD_FO_LEN_AUTO;
        *out = r;
        return 1;
    }
    if (md_fo_func_arg(s, len, "body-start", &al) != NULL && al == 0) {
        r.kind = MD_FO_LEN_BODY_START;
        *out = r;
        return 1;
    }
    if (md_fo_func_arg(s, len, "label-end", &al) != NULL && al == 0) {
        r.kind = MD_FO_LEN_LABEL_END;
        *out = r;
        return 1;
    }
    md_fo_decimal x;
    size_t i = md_fo_decimal_parse(s, len, &x);
    if (i == 0)
        return 0;
    const char *u = s + i;
    size_t ul = len - i;
    int ok = 0;
    if (ul == 0) {
        ok = x.n == 0;
    } else if (md_fo_is_word(u, ul, "%")) {
        ok = (flags & MD_FO_LENF_PCT) && md_fo_decimal_scale(x, 65536, 1, &r.pct);
    } else if (md_fo_is_word(u, ul, "em")) {
        ok = md_fo_decimal_scale(x, em_base, 1, &r.sp);
    } else {
        for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
            if (md_fo_is_word(u, ul, units[k].name)) {
                ok = md_fo_decimal_scale(x, units[k].num, units[k].den, &r.sp);
                break;
            }
        }
    }
    if (!ok || (!(flags & MD_FO_LENF_NEG) && (r.sp < 0 || r.pct < 0)))
        return 0;
    *out = r;
    return 1;
}

/* --- colours ------------------------------------------------------------------------- */

typedef struct named_color {
    const char *name;
    uint32_t rgb;
} named_color;

/* The 16 colours of CSS 2 §4.3.6 and the common extended ones (CSS 3 Color §4.3). */
static const named_color colors[] = {
    {"black", 0x000000},     {"silver", 0xC0C0C0},     {"gray", 0x808080},
    {"grey", 0x808080},      {"white", 0xFFFFFF},      {"maroon", 0x800000},
    {"red", 0xFF0000},       {"purple", 0x800080},     {"fuchsia", 0xFF00FF},
    {"green", 0x008000},     {"lime", 0x00FF00},       {"olive", 0x808000},
    {"yellow", 0xFFFF00},    {"navy", 0x000080},       {"blue", 0x0000FF},
    {"teal", 0x008080},      {"aqua", 0x00FFFF},       {"orange", 0xFFA500},
    {"darkgray", 0xA9A9A9},  {"darkgrey", 0xA9A9A9},   {"lightgray", 0xD3D3D3},
    {"lightgrey", 0xD3D3D3}, {"dimgray", 0x696969},    {"dimgrey", 0x696969},
    {"gainsboro", 0xDCDCDC}, {"whitesmoke", 0xF5F5F5}, {"darkblue", 0x00008B},
    {"darkred", 0x8B0000},   {"darkgreen", 0x006400},  {"lightblue", 0xADD8E6},
    {"cyan", 0x00FFFF},      {"magenta", 0xFF00FF},    {"brown", 0xA52A2A},
};

static int
hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* One rgb() component: an integer 0–255 or a percentage. */
static int
rgb_part(const char *s, size_t len, uint32_t *out)
{
    while (len > 0 && md_fo_is_space(*s))
        s++, len--;
    while (len > 0 && md_fo_is_space(s[len - 1]))
        len--;
    md_fo_decimal x;
    size_t i = md_fo_decimal_parse(s, len, &x);
    int32_t v;
    if (i == 0 || x.n < 0)
        return 0;
    if (i == len && x.k == 0 && x.n <= 255)
        v = (int32_t)x.n;
    else if (i + 1 == len && s[i] == '%' && md_fo_decimal_scale(x, 255, 100, &v) && v <= 255)
        ;
    else
        return 0;
    *out = (uint32_t)v;
    return 1;
}

/* Parses a colour token: a name, #rgb, #rrggbb or rgb(r, g, b); "transparent" only when
 * allow_none. Returns 1 on success. */
int
md_fo_color_parse(const char *s, size_t len, int allow_none, uint32_t *out)
{
    if (len > 0 && s[0] == '#' && (len == 4 || len == 7)) {
        uint32_t v = 0;
        for (size_t i = 1; i < len; i++) {
            int h = hex_digit(s[i]);
            if (h < 0)
                return 0;
            v = v << 4 | (uint32_t)h;
            if (len == 4)
                v = v << 4 | (uint32_t)h;
        }
        *out = v;
        return 1;
    }
    size_t al;
    const char *a = md_fo_func_arg(s, len, "rgb", &al);
    if (a != NULL) {
        uint32_t c[3];
        size_t part = 0, b = 0;
        for (size_t i = 0; i <= al; i++) {
            if (i < al && a[i] != ',')
                continue;
            if (part == 3 || !rgb_part(a + b, i - b, &c[part]))
                return 0;
            part++;
            b = i + 1;
        }
        if (part != 3)
            return 0;
        *out = c[0] << 16 | c[1] << 8 | c[2];
        return 1;
    }
    if (allow_none && md_fo_is_word(s, len, "transparent")) {
        *out = MD_FO_COLOR_NONE;
        return 1;
    }
    for (size_t i = 0; i < sizeof colors / sizeof colors[0]; i++) {
        if (md_fo_is_word(s, len, colors[i].name)) {
            *out = colors[i].rgb;
            return 1;
        }
    }
    return 0;
}
