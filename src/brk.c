/* Line break opportunities: the Unicode Line Breaking Algorithm (UAX #14 revision 30, as
 * libunibreak 1.1 implements it), then a tailoring for Swedish text (UAX #14 §8 allows
 * tailoring) that follows Myndigheternas skrivregler and Svenska skrivregler (Språkrådet). */
#include "brk.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <linebreak.h>
#include <linebreakdef.h>

#include "buf.h"

/* Overview of md_brk_find:
 *   set_linebreaks      UAX #14 by libunibreak, reading UTF-8 through next_char so that an
 *                       invalid byte is one U+FFFD (libunibreak's own reader would swallow
 *                       the bytes after a bad lead byte)
 *   tailor_chars        per character: number ranges, one-letter prefixes ("e-post"), the
 *                       spaces of "15 000 kr", "5 december", "§ 12" and before a dash
 *   tailor_abbrevs      Swedish abbreviations: no break inside "t. ex.", none in "kl. 16.00"
 *   tailor_tokens       e-mail addresses (never broken) and URLs (only after a '/')
 * The tailoring only turns MD_BRK_ALLOW into MD_BRK_NO, with one exception (after a '/' in
 * a URL path); it never changes MD_BRK_MUST, so a hard line break always stays, nor
 * MD_BRK_INSIDE, so character boundaries stay where the decoder put them. */

/* The text being tailored and md_brk_find's output for it. */
typedef struct span {
    const char *s;
    size_t len;
    char *out;
} span;

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

/* libunibreak's reader interface (get_next_char_t) over md_utf8_next. libunibreak ends the
 * text at EOS (U+FFFF), so a U+FFFF in the text, a noncharacter, reads as U+FFFD too. */
static utf32_t
next_char(const void *s, size_t len, size_t *pos)
{
    utf32_t c = EOS;
    if (*pos < len) {
        int32_t cp = md_utf8_next(s, len, pos);
        c = cp < 0 || cp == 0xFFFF ? 0xFFFD : (utf32_t)cp;
    }
    return c;
}

/* The character starting at byte pos (< t->len); *next receives the start of the next. */
static uint32_t
char_at(const span *t, size_t pos, size_t *next)
{
    size_t p = pos;
    int32_t cp = md_utf8_next(t->s, t->len, &p);
    if (next != NULL)
        *next = p;
    return cp < 0 ? 0xFFFD : (uint32_t)cp;
}

static void
forbid(const span *t, size_t i)
{
    if (t->out[i] == MD_BRK_ALLOW)
        t->out[i] = MD_BRK_NO;
}

static void
allow(const span *t, size_t i)
{
    if (t->out[i] == MD_BRK_NO)
        t->out[i] = MD_BRK_ALLOW;
}

static int
is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Letters of the Latin, Greek and Cyrillic scripts; enough to find word edges in Swedish
 * text without a Unicode property table. */
static int
is_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x3FF) ||
           (c >= 0x400 && c <= 0x52F);
}

static int
is_alnum(uint32_t c)
{
    return is_letter(c) || is_digit(c);
}

/* The spaces that may separate the parts of an abbreviation ("t. ex."). */
static int
is_space(uint32_t c)
{
    return c == ' ' || c == 0xA0 || c == 0x202F;
}

static int
is_hyphen(uint32_t c)
{
    return c == '-' || c == 0x2010;
}

static int
byte_is_digit(const span *t, size_t i)
{
    return i < t->len && t->s[i] >= '0' && t->s[i] <= '9';
}

/* Whether the letters at byte pos are exactly word (and no letter follows). */
static int
word_is(const span *t, size_t pos, const char *word)
{
    size_t n = strlen(word);
    int is = 0;
    if (n <= t->len - pos && memcmp(t->s + pos, word, n) == 0)
        is = pos + n == t->len || !is_letter(char_at(t, pos + n, NULL));
    return is;
}

/* Units, currencies and months that stay on the line of the number before them. */
static const char *const units[] = {
    "kr",      "kronor", "tkr",     "mnkr",      "mdkr",    "Mkr",      "SEK",     "MSEK",    "öre",
    "procent", "st",     "stycken", "km",        "m",       "cm",       "mm",      "m²",      "kvm",
    "kg",      "g",      "ton",     "h",         "tim",     "timmar",   "min",     "minuter", "sek",
    "dagar",   "veckor", "månader", "år",        "januari", "februari", "mars",    "april",   "maj",
    "juni",    "juli",   "augusti", "september", "oktober", "november", "december"};

static int
is_unit_at(const span *t, size_t pos)
{
    int is = 0;
    if (t->s[pos] == '%' || word_is(t, pos, "‰") || word_is(t, pos, "§"))
        is = 1;
    for (size_t i = 0; i < sizeof units / sizeof units[0] && !is; i++)
        is = word_is(t, pos, units[i]);
    return is;
}

/* Whether the space at byte sp (after a digit) separates groups of three digits, as Swedish
 * writes thousands: "15 000", "1 250 000". The group before has one to three digits and the
 * group after exactly three. */
static int
is_thousands_space(const span *t, size_t sp)
{
    size_t k = 0;
    while (k < sp && byte_is_digit(t, sp - 1 - k))
        k++;
    int is = k >= 1 && k <= 3;
    if (is && k < sp) {
        char before = t->s[sp - 1 - k];
        is = before != '.' && before != ',' && before != ':';
    }
    for (size_t i = 1; i <= 3 && is; i++)
        is = byte_is_digit(t, sp + i);
    return is && !byte_is_digit(t, sp + 4);
}

/* Whether the dash at byte pos is followed by a space or the end of the text. */
static int
is_spaced_dash(const span *t, size_t pos)
{
    size_t after;
    char_at(t, pos, &after);
    return after >= t->len || char_at(t, after, NULL) == ' ';
}

/* Per-character rules. prev and prev2 are the two characters before c (0 at the start). */
static void
tailor_chars(const span *t, int is_sv)
{
    uint32_t prev = 0, prev2 = 0;
    for (size_t s = 0, n; s < t->len; s = n) {
        uint32_t c = char_at(t, s, &n);
        size_t e = n - 1;
        uint32_t next = n < t->len ? char_at(t, n, NULL) : 0;
        /* No break after an en dash or hyphen between digits: "16.00–18.00" and "2024–2027"
         * are one range (UAX #14 gives a break after the en dash, class BA). Any language. */
        if ((is_hyphen(c) || c == 0x2013) && is_digit(prev) && is_digit(next))
            forbid(t, e);
        /* Swedish: no break after the hyphen of a one-letter prefix, "e-post", "C-nätet",
         * "A-kassan": a line must not end in one letter and a hyphen, as in hyphenation
         * (Svenska skrivregler: no part of one letter). */
        if (is_sv && is_hyphen(c) && is_letter(prev) && !is_alnum(prev2) && is_letter(next))
            forbid(t, e);
        if (is_sv && c == ' ' && n < t->len) {
            /* Swedish: a number keeps its thousands groups, its unit or currency and its
             * month on one line: "15 000 kr", "10 %", "5 december" (Myndigheternas
             * skrivregler: fixed space between number and unit). Authors type a plain
             * space, so the tailoring does what a no-break space would. */
            if (is_digit(prev) && (is_thousands_space(t, s) || is_unit_at(t, n)))
                forbid(t, e);
            /* Swedish: "§ 12" stays whole; minutes number their items so. */
            if (prev == 0xA7 && is_digit(next))
                forbid(t, e);
            /* Swedish: a dash between spaces, "steg – att", does not start a line
             * (Svenska skrivregler: a tankstreck stays with the word before it). */
            if ((next == 0x2013 || next == 0x2014) && is_spaced_dash(t, n))
                forbid(t, e);
        }
        prev2 = prev;
        prev = c;
    }
}

/* Swedish abbreviations, parts separated by '.'. In the text each part boundary is a
 * period, a period and a space, or a space ("t.ex.", "t. ex.", "t ex"), and the last period
 * may be missing. is_before_number: the space after the abbreviation does not break when a
 * number follows ("kl. 16.00", "nr 5", "fr.o.m. 1 mars"). */
typedef struct abbrev {
    const char *parts;
    int is_before_number;
} abbrev;

static const abbrev abbrevs[] = {
    {"t.ex", 0},  {"m.m", 0},    {"bl.a", 0},  {"o.s.v", 0}, {"s.k", 0}, {"d.v.s", 0},
    {"p.g.a", 0}, {"fr.o.m", 1}, {"t.o.m", 1}, {"kl", 1},    {"nr", 1},
};

/* Matches abbreviation parts at byte pos; returns the byte after the match, or 0. */
static size_t
match_abbrev(const span *t, size_t pos, const char *parts)
{
    size_t p = pos;
    const char *a = parts;
    int is_match = 1;
    while (is_match) {
        for (; *a != '\0' && *a != '.' && is_match; a++, p++) {
            char ch = p < t->len ? t->s[p] : '\0';
            if (ch >= 'A' && ch <= 'Z')
                ch = (char)(ch - 'A' + 'a');
            is_match = ch == *a;
        }
        if (!is_match || *a == '\0')
            break;
        a++;
        int has_sep = 0;
        if (p < t->len && t->s[p] == '.') {
            p++;
            has_sep = 1;
        }
        size_t q;
        if (p < t->len && is_space(char_at(t, p, &q))) {
            p = q;
            has_sep = 1;
        }
        is_match = has_sep;
    }
    if (is_match && p < t->len && t->s[p] == '.')
        p++;
    if (is_match && p < t->len && is_alnum(char_at(t, p, NULL)))
        is_match = 0;
    return is_match ? p : 0;
}

static void
tailor_abbrevs(const span *t)
{
    uint32_t prev = 0;
    for (size_t s = 0, n; s < t->len; s = n) {
        uint32_t c = char_at(t, s, &n);
        for (size_t i = 0;
             i < sizeof abbrevs / sizeof abbrevs[0] && is_letter(c) && !is_alnum(prev); i++) {
            size_t end = match_abbrev(t, s, abbrevs[i].parts);
            if (end == 0)
                continue;
            /* Swedish: no break inside an abbreviation, "t. ex." included (Svenska
             * skrivregler: an abbreviation written with spaces takes fixed spaces). */
            for (size_t k = s; k + 1 < end; k++)
                forbid(t, k);
            if (abbrevs[i].is_before_number && end < t->len && t->s[end] == ' ' &&
                byte_is_digit(t, end + 1))
                forbid(t, end);
        }
        prev = c;
    }
}

/* Characters that end an e-mail address or URL in running text: spaces, brackets, quotes. */
static int
is_token_char(uint32_t c)
{
    int is = c > 0x20 && c != 0x7F && c != 0x85 && c != 0xA0 && !(c >= 0x2000 && c <= 0x200B) &&
             c != 0x2028 && c != 0x2029 && c != 0x202F && c != 0x205F && c != 0x3000;
    if (is && c < 0x80)
        is = strchr("<>\"()[]{}", (int)c) == NULL;
    if (is)
        is = c != 0xAB && c != 0xBB && c != 0x2018 && c != 0x2019 && c != 0x201C && c != 0x201D &&
             c != 0x201E;
    return is;
}

/* E-mail addresses and URLs, found as runs of token characters without the sentence
 * punctuation that may follow them. */
static void
tailor_token(const span *t, size_t ts, size_t te)
{
    while (te > ts && strchr(".,;:!?'", t->s[te - 1]) != NULL)
        te--;
    size_t p = ts;
    while (p < te && ((t->s[p] >= 'a' && t->s[p] <= 'z') || (t->s[p] >= 'A' && t->s[p] <= 'Z')))
        p++;
    size_t path = te;
    if (p > ts && te - p > 3 && memcmp(t->s + p, "://", 3) == 0)
        path = p + 3;
    else if (te - ts > 4 && (t->s[ts] | 0x20) == 'w' && (t->s[ts + 1] | 0x20) == 'w' &&
             (t->s[ts + 2] | 0x20) == 'w' && t->s[ts + 3] == '.')
        path = ts;
    const char *at = memchr(t->s + ts, '@', te - ts);
    int is_mail = path == te && at != NULL && at > t->s + ts &&
                  memchr(at + 1, '.', (size_t)(t->s + te - at - 1)) != NULL;
    for (size_t s = ts, n; s < te && (path < te || is_mail); s = n) {
        char_at(t, s, &n);
        if (n >= te)
            break;
        /* A URL breaks only after a '/' of its path, and the '/' stays at the end of the
         * line to show that the address goes on (Chicago Manual of Style 6.76 likewise
         * breaks at a slash). Never after a hyphen, which would read as a hyphenation, nor
         * after a period, which would read as the end of the sentence; never inside
         * "https://". UAX #14 forbids a break between '/' and a digit ("/2024/"): allowed
         * here. An e-mail address never breaks (the reader must copy it whole). */
        if (path < te && t->s[s] == '/' && s >= path && t->s[n] != '/')
            allow(t, n - 1);
        else
            forbid(t, n - 1);
    }
}

static void
tailor_tokens(const span *t)
{
    size_t s = 0;
    while (s < t->len) {
        size_t n;
        uint32_t c = char_at(t, s, &n);
        if (!is_token_char(c)) {
            s = n;
            continue;
        }
        size_t ts = s;
        while (s < t->len && is_token_char(char_at(t, s, &n)))
            s = n;
        tailor_token(t, ts, s);
    }
}

static void
init(void)
{
    /* Builds libunibreak's index of its property table; without it, every lookup scans the
     * table from the start. */
    init_linebreak();
}

static int
is_swedish(const char *lang)
{
    return lang != NULL && (lang[0] | 0x20) == 's' && (lang[1] | 0x20) == 'v' &&
           (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

void
md_brk_find(const char *text, size_t len, const char *lang, char *out)
{
    span t = {text, len, out};
    pthread_once(&init_once, init);
    set_linebreaks(text, len, lang, out, next_char);
    int is_sv = is_swedish(lang);
    tailor_chars(&t, is_sv);
    if (is_sv)
        tailor_abbrevs(&t);
    tailor_tokens(&t);
}
