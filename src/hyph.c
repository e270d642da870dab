/* Swedish hyphenation points: Liang's patterns through libhyphen 2.8 (hnj_hyphen_hyphenate3)
 * over Debian's hyph_sv_SE.dic, corrected by an exception list, with the rules of Svenska
 * skrivregler (Språkrådet) on top. Rules and corrections: docs/hyphenation.md. */
#include "hyph.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "buf.h"

/* Swedish forbids a part of one letter (Svenska skrivregler: "ingen ensam bokstav"): two
 * letters or more before the first point and after the last. */
#define MIN_PART 2
/* Shorter words are not worth a hyphen: the parts would be two and two letters at best. */
#define MIN_WORD 5

/* One word of the exception list in lower-case ISO 8859-1, with its points. */
typedef struct entry {
    const unsigned char *word; /* len letters and a NUL; owns the block with points */
    const char *points;        /* len flags: 1 after a letter the list follows with '-' */
    size_t len;
    long line;
} entry;

/* The table tools/hyph-table.c makes at build time (mk/perf.mk) from Debian's .dic: the
 * states libhyphen builds from it, as offsets. Without it (a build that did not make it,
 * e.g. the fuzz targets) every .dic goes through hnj_hyphen_load_file. */
typedef struct hyph_table_level {
    int lhmin, rhmin, clhmin, crhmin;
    long nohyphen; /* offsets into hyph_table_pool, -1 for NULL */
    int nohyphenl, num_states, utf8;
    long cset, state, trans; /* the level's first state and transition */
} hyph_table_level;

typedef struct hyph_table_state {
    long match, repl;
    int replindex, replcut, fallback_state, num_trans;
} hyph_table_state;

typedef struct hyph_table_trans {
    unsigned char ch;
    int new_state;
} hyph_table_trans;

#if defined(__has_include)
#if __has_include("hyph-table.h")
#include "hyph-table.h"
#endif
#endif

/* A HyphenDict rebuilt from the table: the levels, states, transitions and strings in four
 * blocks of ours, released by table_free (never by hnj_hyphen_free). */
typedef struct table_dict {
    HyphenDict *levels;
    HyphenState *states;
    HyphenTrans *trans;
    char *pool;
} table_dict;

struct md_hyph {
    HyphenDict *dict;
    table_dict table; /* dict points into it when the patterns came from the table */
    entry *v;         /* sorted by word (cmp_entry) once loaded */
    size_t len;
    size_t cap;
};

enum { WORD_NONE, WORD_SOFT, WORD_PLAIN };

static int
is_upper(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

static int
is_lower(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}

/* The letters of ISO 8859-1 (Latin-1), which is what the patterns know. */
static int
is_letter(uint32_t c)
{
    return is_upper(c) || is_lower(c);
}

/* Å Ä Ö É Ü → å ä ö é ü: in Latin-1 each capital is its small letter minus 0x20. */
static unsigned char
lower(uint32_t c)
{
    return (unsigned char)(is_upper(c) ? c + 0x20 : c);
}

/* Whether a point after letter i (from 0) of n leaves MIN_PART letters on either side. */
static int
is_wide_enough(size_t i, size_t n)
{
    return i + 1 >= MIN_PART && n - (i + 1) >= MIN_PART;
}

static int
cmp_word(const unsigned char *a, size_t a_len, const unsigned char *b, size_t b_len)
{
    int c = memcmp(a, b, a_len < b_len ? a_len : b_len);
    if (c == 0)
        c = a_len < b_len ? -1 : a_len > b_len;
    return c;
}

/* Order of the exception list: by word, then by line, so that duplicates are neighbours
 * and the later line is the one reported. */
static int
cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    int c = cmp_word(x->word, x->len, y->word, y->len);
    if (c == 0)
        c = x->line < y->line ? -1 : x->line > y->line;
    return c;
}

static const entry *
lookup(const md_hyph *h, const unsigned char *word, size_t len)
{
    const entry *found = NULL;
    size_t lo = 0, hi = h->len;
    while (lo < hi && found == NULL) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_word(word, len, h->v[mid].word, h->v[mid].len);
        if (c == 0)
            found = &h->v[mid];
        else if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return found;
}

/* Writes a Latin-1 word as UTF-8 for a message; out holds 2 * len + 1 bytes. */
static const char *
utf8_from_latin1(const unsigned char *word, size_t len, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < len; i++)
        k += md_utf8_put(word[i], out + k);
    out[k] = '\0';
    return out;
}

static void
table_free(table_dict *t)
{
    md_free(t->levels);
    md_free(t->states);
    md_free(t->trans);
    md_free(t->pool);
    *t = (table_dict){0};
}

#ifdef HYPH_TABLE_HASH
static char *
pool_at(char *pool, long off)
{
    return off < 0 ? NULL : pool + off;
}

/* Whether the open file f holds exactly the bytes the table was made from; f is left at
 * its start either way. MD_ENOMEM only. */
static md_status
is_table_file(FILE *f, int *yes)
{
    md_status st = MD_OK;
    unsigned char *b = md_alloc(HYPH_TABLE_SIZE + 1);
    if (b == NULL)
        st = MD_ENOMEM;
    else
        *yes = fread(b, 1, HYPH_TABLE_SIZE + 1, f) == HYPH_TABLE_SIZE &&
               md_hash64(0, b, HYPH_TABLE_SIZE) == HYPH_TABLE_HASH; /* tools/hyph-table.c's */
    md_free(b);
    rewind(f);
    return st;
}

/* The HyphenDict chain libhyphen builds from the .dic, from the table: the same fields, the
 * same states and transitions, the same strings. */
static md_status
table_load(table_dict *t, HyphenDict **out)
{
    t->levels = md_alloc_array(HYPH_TABLE_LEVELS, sizeof *t->levels);
    t->states = md_alloc_array(HYPH_TABLE_STATES, sizeof *t->states);
    t->trans = md_alloc_array(HYPH_TABLE_TRANS, sizeof *t->trans);
    t->pool = md_alloc(HYPH_TABLE_POOL);
    if (t->levels == NULL || t->states == NULL || t->trans == NULL || t->pool == NULL) {
        table_free(t);
        return MD_ENOMEM;
    }
    memcpy(t->pool, hyph_table_pool, HYPH_TABLE_POOL);
    for (size_t i = 0; i < HYPH_TABLE_TRANS; i++)
        t->trans[i] =
            (HyphenTrans){(char)hyph_table_transitions[i].ch, hyph_table_transitions[i].new_state};
    for (size_t i = 0; i < HYPH_TABLE_LEVELS; i++) {
        const hyph_table_level *l = &hyph_table_levels[i];
        HyphenDict *d = &t->levels[i];
        d->lhmin = (char)l->lhmin;
        d->rhmin = (char)l->rhmin;
        d->clhmin = (char)l->clhmin;
        d->crhmin = (char)l->crhmin;
        d->nohyphen = pool_at(t->pool, l->nohyphen);
        d->nohyphenl = l->nohyphenl;
        d->num_states = l->num_states;
        snprintf(d->cset, sizeof d->cset, "%s", t->pool + l->cset);
        d->utf8 = l->utf8;
        d->states = t->states + l->state;
        d->nextlevel = i + 1 < HYPH_TABLE_LEVELS ? &t->levels[i + 1] : NULL;
        long tr = l->trans;
        for (int k = 0; k < l->num_states; k++) {
            const hyph_table_state *s = &hyph_table_states[l->state + k];
            d->states[k] = (HyphenState){pool_at(t->pool, s->match),
                                         pool_at(t->pool, s->repl),
                                         (signed char)s->replindex,
                                         (signed char)s->replcut,
                                         s->fallback_state,
                                         s->num_trans,
                                         s->num_trans > 0 ? t->trans + tr : NULL};
            tr += s->num_trans;
        }
    }
    *out = &t->levels[0];
    return MD_OK;
}
#endif

/* libhyphen's patterns from f: from the built-in table when f is the .dic it was made from,
 * else through hnj_hyphen_load_file. MD_ENOMEM only; h->dict is NULL when libhyphen fails. */
static md_status
load_dict(md_hyph *h, FILE *f)
{
    md_status st = MD_OK;
#ifdef HYPH_TABLE_HASH
    int is_table = 0;
    st = is_table_file(f, &is_table);
    if (st == MD_OK && is_table)
        return table_load(&h->table, &h->dict);
#endif
    if (st == MD_OK)
        h->dict = hnj_hyphen_load_file(f);
    return st;
}

int
md_hyph_is_table(const md_hyph *h)
{
    return h->table.levels != NULL;
}

static md_status
load_patterns(md_hyph *h, const char *path, md_diags *d)
{
    md_status st = MD_OK;
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot read the hyphenation patterns: %s",
                    strerror(errno));
        st = MD_EIO;
    } else {
        st = load_dict(h, f);
        fclose(f);
        /* The first line of a .dic names its encoding; md_hyph_word hands the patterns
         * Latin-1 bytes, so other encodings would match the wrong letters. */
        if (st != MD_OK) {
            /* MD_ENOMEM: nothing to say */
        } else if (h->dict == NULL) {
            md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot load the hyphenation patterns");
            st = MD_EIO;
        } else if (strcmp(h->dict->cset, "ISO8859-1") != 0) {
            md_diag_add(d, MD_DIAG_ERROR, path, 1, 0,
                        "the patterns are in \"%s\", not ISO8859-1; use hyph_sv_SE.dic of the "
                        "hyphen-sv package",
                        h->dict->cset);
            st = MD_EINPUT;
        }
    }
    return st;
}

static md_status
read_file(const char *path, md_diags *d, md_buf *b)
{
    md_status st = MD_OK;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot read the hyphenation exceptions: %s",
                    strerror(errno));
        st = MD_EIO;
    } else {
        char chunk[4096];
        size_t n;
        while (st == MD_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
            if (b->len + n > (size_t)MD_HYPH_MAX_EXCEPTIONS) {
                md_diag_add(d, MD_DIAG_ERROR, path, 0, 0,
                            "the exception list is over %ld bytes; is it the right file?",
                            MD_HYPH_MAX_EXCEPTIONS);
                st = MD_ELIMIT;
            } else {
                st = md_buf_add(b, chunk, n);
            }
        }
        if (st == MD_OK && ferror(f)) {
            md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot read the hyphenation exceptions: %s",
                        strerror(errno));
            st = MD_EIO;
        }
        fclose(f);
    }
    return st;
}

static md_status
add_entry(md_hyph *h, const unsigned char *word, const char *points, size_t len, long line)
{
    md_status st = MD_OK;
    if (h->len == h->cap) {
        size_t cap = h->cap != 0 ? h->cap * 2 : 64;
        entry *v = md_realloc_array(h->v, cap, sizeof *v);
        if (v == NULL) {
            st = MD_ENOMEM;
        } else {
            h->v = v;
            h->cap = cap;
        }
    }
    unsigned char *block = st == MD_OK ? md_alloc(2 * len + 1) : NULL;
    if (st == MD_OK && block == NULL)
        st = MD_ENOMEM;
    if (st == MD_OK) {
        memcpy(block, word, len);
        memcpy(block + len + 1, points, len);
        h->v[h->len++] = (entry){block, (const char *)block + len + 1, len, line};
    }
    return st;
}

/* One line of the exception list, s[0..len) without its line end. A bad line adds an error
 * to d (the first problem only) and sets *is_bad; the return value is for MD_ENOMEM. */
static md_status
parse_line(md_hyph *h, const char *file, long ln, const char *s, size_t len, md_diags *d,
           int *is_bad)
{
    const char *hash = memchr(s, '#', len);
    size_t end = hash != NULL ? (size_t)(hash - s) : len;
    size_t start = 0;
    while (start < end && (s[start] == ' ' || s[start] == '\t'))
        start++;
    while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r'))
        end--;
    const char *w = s + start;
    int wl = (int)(end - start);
    unsigned char word[MD_HYPH_MAX_WORD + 1];
    char points[MD_HYPH_MAX_WORD] = {0};
    size_t hyphen_col[MD_HYPH_MAX_WORD] = {0};
    size_t n = 0, bad = md_utf8_check(w, end - start);
    const char *problem = NULL;
    size_t col = 0;
    if (bad < end - start) {
        md_diag_add(d, MD_DIAG_ERROR, file, ln, (long)(start + bad) + 1,
                    "the line is not UTF-8; save the file as UTF-8");
        *is_bad = 1;
        end = start;
    }
    int was_hyphen = 0;
    for (size_t p = start, q; p < end && problem == NULL; p = q) {
        q = p;
        uint32_t c = (uint32_t)md_utf8_next(s, end, &q);
        col = p;
        if (c == '-' && n == 0) {
            problem = "starts with '-'; a '-' goes between two letters";
        } else if (c == '-' && was_hyphen) {
            problem = "has two '-' in a row; a '-' goes between two letters";
        } else if (c == '-') {
            points[n - 1] = 1;
            hyphen_col[n - 1] = p;
        } else if (c == ' ' || c == '\t') {
            problem = "is more than one word; write one word a line";
        } else if (!is_letter(c)) {
            problem = c > 0xFF ? "has a letter outside Latin-1 (ISO 8859-1), which the patterns "
                                 "never hyphenate; remove the line"
                               : "has a character that is not a letter; write the word with "
                                 "letters and '-' only";
        } else if (n == MD_HYPH_MAX_WORD) {
            problem = "is too long; words of over 128 letters are never hyphenated";
        } else {
            word[n++] = lower(c);
        }
        was_hyphen = c == '-';
    }
    if (problem == NULL && was_hyphen) {
        problem = "ends with '-'; a '-' goes between two letters";
        col = end - 1;
    }
    for (size_t i = 0; i < n && problem == NULL; i++) {
        if (points[i] && !is_wide_enough(i, n)) {
            problem = "leaves one letter alone at an end; Swedish keeps two letters or more "
                      "on each side of a '-'";
            col = hyphen_col[i];
        }
    }
    md_status st = MD_OK;
    if (problem != NULL) {
        md_diag_add(d, MD_DIAG_ERROR, file, ln, (long)col + 1, "\"%.*s\" %s", wl, w, problem);
        *is_bad = 1;
    } else if (n > 0) {
        word[n] = '\0';
        st = add_entry(h, word, points, n, ln);
    }
    return st;
}

/* Sorts the list and reports words listed twice: a warning when the points agree, an error
 * when they do not, since then one of the lines is wrong. */
static void
check_duplicates(md_hyph *h, const char *file, md_diags *d, int *is_bad)
{
    qsort(h->v, h->len, sizeof *h->v, cmp_entry);
    for (size_t i = 1; i < h->len; i++) {
        const entry *a = &h->v[i - 1], *b = &h->v[i];
        char buf[2 * MD_HYPH_MAX_WORD + 1];
        if (cmp_word(a->word, a->len, b->word, b->len) != 0)
            continue;
        if (memcmp(a->points, b->points, a->len) == 0) {
            md_diag_add(d, MD_DIAG_WARNING, file, b->line, 0,
                        "\"%s\" is also on line %ld; remove one of the lines",
                        utf8_from_latin1(b->word, b->len, buf), a->line);
        } else {
            md_diag_add(d, MD_DIAG_ERROR, file, b->line, 0,
                        "\"%s\" is also on line %ld with other points; keep the right one",
                        utf8_from_latin1(b->word, b->len, buf), a->line);
            *is_bad = 1;
        }
    }
}

static md_status
parse_exceptions(md_hyph *h, const char *file, const char *s, size_t len, md_diags *d)
{
    md_status st = MD_OK;
    int is_bad = 0;
    size_t p = 0;
    /* Editors on Windows may start a UTF-8 file with a byte order mark. */
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        p = 3;
    for (long ln = 1; p < len && st == MD_OK; ln++) {
        const char *nl = memchr(s + p, '\n', len - p);
        size_t eol = nl != NULL ? (size_t)(nl - s) : len;
        st = parse_line(h, file, ln, s + p, eol - p, d, &is_bad);
        p = eol + 1;
    }
    if (st == MD_OK)
        check_duplicates(h, file, d, &is_bad);
    if (st == MD_OK && is_bad)
        st = MD_EINPUT;
    return st;
}

md_status
md_hyph_load(const char *patterns, const char *exceptions, md_diags *d, md_hyph **out)
{
    md_status st = MD_OK;
    md_buf text = {0};
    md_hyph *h = md_alloc(sizeof *h);
    if (h == NULL)
        st = MD_ENOMEM;
    if (st == MD_OK)
        st = load_patterns(h, patterns, d);
    if (st == MD_OK && exceptions != NULL)
        st = read_file(exceptions, d, &text);
    if (st == MD_OK && exceptions != NULL)
        st = parse_exceptions(h, exceptions, text.data, text.len, d);
    md_buf_free(&text);
    if (st == MD_OK)
        *out = h;
    else
        md_hyph_free(h);
    return st;
}

void
md_hyph_free(md_hyph *h)
{
    if (h == NULL)
        return;
    if (h->table.levels != NULL)
        table_free(&h->table);
    else if (h->dict != NULL)
        hnj_hyphen_free(h->dict);
    for (size_t i = 0; i < h->len; i++)
        md_free((void *)h->v[i].word);
    md_free(h->v);
    md_free(h);
}

/* Points of a word with soft hyphens: after the last byte of the character before each
 * U+00AD, when a character other than U+00AD comes after it. The word is valid UTF-8. */
static void
soft_points(const char *word, size_t len, char *out)
{
    size_t last = SIZE_MAX, pending = SIZE_MAX;
    memset(out, 0, len);
    for (size_t p = 0, q; p < len; p = q) {
        q = p;
        if (md_utf8_next(word, len, &q) == 0xAD) {
            if (last != SIZE_MAX)
                pending = last;
        } else {
            if (pending != SIZE_MAX)
                out[pending] = 1;
            pending = SIZE_MAX;
            last = q - 1;
        }
    }
}

/* Sorts a word into WORD_NONE (never hyphenated), WORD_SOFT (has U+00AD) or WORD_PLAIN;
 * for a plain word writes its letters in lower-case Latin-1 to lat (NUL-terminated), the
 * last byte of each to ends, and their count to *n. */
static int
scan_word(const char *word, size_t len, unsigned char *lat, size_t *ends, size_t *n)
{
    int kind = WORD_PLAIN, has_lower = 0;
    size_t k = 0;
    if (md_utf8_check(word, len) < len)
        kind = WORD_NONE;
    for (size_t i = 0; i + 1 < len && kind == WORD_PLAIN; i++)
        if (word[i] == '\xC2' && word[i + 1] == '\xAD')
            kind = WORD_SOFT;
    for (size_t p = 0, q; p < len && kind == WORD_PLAIN; p = q) {
        q = p;
        uint32_t c = (uint32_t)md_utf8_next(word, len, &q);
        /* Digits, '@', '/', ':', '.' mark numbers, addresses and abbreviations, and letters
         * outside Latin-1 are unknown to the patterns: no points for any of them. */
        if (!is_letter(c) || k == MD_HYPH_MAX_WORD) {
            kind = WORD_NONE;
        } else {
            has_lower |= is_lower(c);
            lat[k] = lower(c);
            ends[k++] = q - 1;
        }
    }
    /* A word in capitals is an abbreviation ("ÖSB", "KLF", "ESF"): spelt, never split. */
    if (kind == WORD_PLAIN && !has_lower)
        kind = WORD_NONE;
    lat[k] = '\0';
    *n = k;
    return kind;
}

/* The patterns' points for n letters of lower-case Latin-1; MIN_PART letters at the ends. */
static md_status
pattern_points(const md_hyph *h, const unsigned char *lat, size_t n, char *points)
{
    char hy[MD_HYPH_MAX_WORD + 5];
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    md_status st = MD_OK;
    /* libhyphen applies lhmin and rhmin itself (the .dic says LEFTHYPHENMIN 1, so ours
     * must be passed); is_wide_enough below checks again. */
    if (hnj_hyphen_hyphenate3(h->dict, (const char *)lat, (int)n, hy, NULL, &rep, &pos, &cut,
                              MIN_PART, MIN_PART, MIN_PART, MIN_PART) != 0)
        st = MD_EBUG;
    /* rep is set only by non-standard patterns that change letters at a break
     * ("Schiff=fahrt"); the typesetter can only add a hyphen, so such points are dropped. */
    for (size_t i = 0; i < n && st == MD_OK; i++)
        points[i] = (char)((hy[i] & 1) && is_wide_enough(i, n) && (rep == NULL || rep[i] == NULL));
    /* libhyphen allocated rep, pos and cut with malloc: its memory, released its way. */
    for (size_t i = 0; rep != NULL && i < n; i++)
        free(rep[i]);
    free(rep);
    free(pos);
    free(cut);
    return st;
}

md_status
md_hyph_word(const md_hyph *h, const char *word, size_t len, char *out)
{
    unsigned char lat[MD_HYPH_MAX_WORD + 1];
    size_t ends[MD_HYPH_MAX_WORD];
    char points[MD_HYPH_MAX_WORD] = {0};
    size_t n = 0;
    md_status st = MD_OK;
    int kind = scan_word(word, len, lat, ends, &n);
    if (kind == WORD_PLAIN) {
        const entry *e = lookup(h, lat, n);
        if (e != NULL)
            memcpy(points, e->points, n);
        else if (n >= MIN_WORD)
            st = pattern_points(h, lat, n, points);
    }
    if (kind == WORD_SOFT) {
        soft_points(word, len, out);
    } else if (st == MD_OK) {
        memset(out, 0, len);
        for (size_t i = 0; i < n; i++)
            out[ends[i]] = points[i];
    }
    return st;
}
