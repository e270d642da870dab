/* Shaping with HarfBuzz: itemisation by bidi level (a subset of UAX #9, Unicode 15, for a
 * left-to-right paragraph), by script (UAX #24, Common and Inherited resolved to neighbours)
 * and by face (the fallback chain of font.c), then one hb_shape call per run. */
#include "shape.h"

#include <stddef.h>
#include <string.h>

#include <hb.h>

#include "buf.h"
#include "font-hb.h"

/* Longest text one call shapes (32 bytes of working memory per byte): a paragraph is far
 * shorter. */
#define MAX_TEXT ((size_t)1024 * 1024)
/* Largest size: HarfBuzz positions are int32, an advance can be several ems, and 1000 pt is
 * 65 536 000 sp. */
#define MAX_SIZE ((md_sp)1000 * MD_SP_PER_PT)
/* Characters of context HarfBuzz looks at on each side of a run (Arabic joining). */
#define CONTEXT 5

/* Bidi classes we tell apart (UAX #9 Table 4, reduced). N covers B, S, WS, ON, ET, BN and the
 * explicit formatting characters, which we do not support. */
enum { B_L, B_R, B_EN, B_AN, B_CS, B_ES, B_NSM, B_N };

typedef struct chr {
    uint32_t cp;
    uint32_t start;  /* byte offset in the text */
    uint32_t script; /* hb_script_t, resolved */
    unsigned char bidi;
    unsigned char level;
    unsigned char is_common; /* script Common, Inherited or Unknown before resolution */
    unsigned char is_mark;   /* combining mark or default-ignorable: stays with its base */
    unsigned char is_free;   /* a neutral whose face md_font_for chose (choose_fonts) */
    md_font *font;
} chr;

static int
is_default_ignorable(uint32_t cp)
{
    /* DerivedCoreProperties.txt, Default_Ignorable_Code_Point. */
    return cp == 0x00AD || cp == 0x034F || cp == 0x061C || (cp >= 0x115F && cp <= 0x1160) ||
           (cp >= 0x17B4 && cp <= 0x17B5) || (cp >= 0x180B && cp <= 0x180F) ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8) ||
           (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A) ||
           (cp >= 0xE0000 && cp <= 0xE0FFF);
}

static int
is_common_script(hb_script_t sc)
{
    return sc == HB_SCRIPT_COMMON || sc == HB_SCRIPT_INHERITED || sc == HB_SCRIPT_UNKNOWN;
}

/* The bidi class of cp, from its script and category (UnicodeData.txt field 4 agrees for the
 * characters Swedish and Arabic text uses). */
static unsigned char
bidi_class(uint32_t cp, hb_script_t sc, hb_unicode_general_category_t gc)
{
    if (cp == 0x200E)
        return B_L; /* LEFT-TO-RIGHT MARK */
    if (cp == 0x200F)
        return B_R; /* RIGHT-TO-LEFT MARK */
    if ((cp >= '0' && cp <= '9') || cp == 0xB2 || cp == 0xB3 || cp == 0xB9 ||
        (cp >= 0x2070 && cp <= 0x2089) || (cp >= 0xFF10 && cp <= 0xFF19) ||
        (cp >= 0x06F0 && cp <= 0x06F9))
        return B_EN;
    if ((cp >= 0x0660 && cp <= 0x0669) || cp == 0x066B || cp == 0x066C)
        return B_AN;
    if (cp == ',' || cp == '.' || cp == ':' || cp == '/' || cp == 0xA0 || cp == 0x060C ||
        cp == 0x202F || cp == 0x2044)
        return B_CS;
    if (cp == '+' || cp == '-' || cp == 0x2212)
        return B_ES;
    if (gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
        gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK || cp == 0x200C || cp == 0x200D ||
        (cp >= 0xFE00 && cp <= 0xFE0F))
        return B_NSM;
    if (is_common_script(sc))
        return B_N;
    return hb_script_get_horizontal_direction(sc) == HB_DIRECTION_RTL ? B_R : B_L;
}

/* Strong direction of a resolved class for rule N1: L, or R (R, EN and AN); B_N otherwise. */
static unsigned char
strong_for_n1(unsigned char b)
{
    return b == B_L ? B_L : (b == B_R || b == B_EN || b == B_AN) ? B_R : B_N;
}

/* UAX #9 for a paragraph of level 0 with no explicit embeddings: W1, W4, W7 (EN after L is L),
 * W6 (other separators are neutral), N1/N2, I1. sos and eos are L. Writes c[i].level. */
static void
resolve_levels(chr *c, size_t n)
{
    /* W1: a mark takes the class of what it follows. */
    for (size_t i = 0; i < n; i++)
        if (c[i].bidi == B_NSM)
            c[i].bidi = i > 0 ? c[i - 1].bidi : B_N;
    /* W4: a single separator between two numbers of the same type joins them ("16.00"). */
    for (size_t i = 1; i + 1 < n; i++) {
        unsigned char b = c[i].bidi, l = c[i - 1].bidi, r = c[i + 1].bidi;
        if (b == B_ES && l == B_EN && r == B_EN)
            c[i].bidi = B_EN;
        else if (b == B_CS && l == r && (l == B_EN || l == B_AN))
            c[i].bidi = l;
    }
    /* W6 and W7. */
    unsigned char last_strong = B_L;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = c[i].bidi;
        if (b == B_L || b == B_R)
            last_strong = b;
        else if (b == B_EN && last_strong == B_L)
            c[i].bidi = B_L;
        else if (b == B_CS || b == B_ES)
            c[i].bidi = B_N;
    }
    /* N1, N2: neutrals between two of the same direction take it; others the paragraph's. */
    for (size_t i = 0; i < n;) {
        if (c[i].bidi != B_N) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && c[j].bidi == B_N)
            j++;
        unsigned char before = i > 0 ? strong_for_n1(c[i - 1].bidi) : B_L;
        unsigned char after = j < n ? strong_for_n1(c[j].bidi) : B_L;
        unsigned char dir = before == after ? before : B_L;
        for (size_t k = i; k < j; k++)
            c[k].bidi = dir;
        i = j;
    }
    /* I1. */
    for (size_t i = 0; i < n; i++)
        c[i].level = c[i].bidi == B_L ? 0 : c[i].bidi == B_R ? 1 : 2;
}

/* True when c is a letter of a script that runs in the direction is_rtl. */
static int
is_script_of(const chr *c, int is_rtl)
{
    return !c->is_common && (hb_script_get_horizontal_direction((hb_script_t)c->script) ==
                             HB_DIRECTION_RTL) == is_rtl;
}

/* Common and Inherited characters take the script of the letter before them in the same
 * level run, or else of the first letter after them there. A level run with no letter (digits
 * inside Arabic) takes the script of the nearest letter of its direction in the text, else
 * Latin (left to right) or Common. */
static void
resolve_scripts(chr *c, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && c[j].level == c[i].level)
            j++;
        int is_rtl = c[i].level % 2 == 1;
        uint32_t sc = HB_SCRIPT_INVALID;
        for (size_t k = i; k < j && sc == HB_SCRIPT_INVALID; k++)
            if (!c[k].is_common)
                sc = c[k].script;
        for (size_t k = 1; k <= n && sc == HB_SCRIPT_INVALID; k++) {
            if (k <= i && is_script_of(&c[i - k], is_rtl))
                sc = c[i - k].script;
            else if (j - 1 + k < n && is_script_of(&c[j - 1 + k], is_rtl))
                sc = c[j - 1 + k].script;
        }
        if (sc == HB_SCRIPT_INVALID)
            sc = is_rtl ? HB_SCRIPT_COMMON : HB_SCRIPT_LATIN;
        for (size_t k = i; k < j; k++) {
            if (c[k].is_common)
                c[k].script = sc;
            else
                sc = c[k].script;
        }
        i = j;
    }
}

/* The face of each character. A mark stays with its base's face when that has it. A space,
 * digit or punctuation mark next to a letter drawn by a fallback face (Arabic) in the same level
 * run takes that face when it has the character, the letter before it first, else the letter
 * after it, so that "محمد علي" is one run. Everything else takes md_font_for. */
static void
choose_fonts(const md_font_set *s, md_font *f, chr *c, size_t n)
{
    md_font *sticky = NULL;
    for (size_t i = 0; i < n; i++) {
        int is_same_run = i > 0 && c[i - 1].level == c[i].level;
        c[i].is_free = 0;
        if (c[i].is_mark && is_same_run &&
            (is_default_ignorable(c[i].cp) || md_font_has(c[i - 1].font, c[i].cp))) {
            c[i].font = c[i - 1].font;
            continue;
        }
        if (c[i].is_common && is_same_run && sticky != NULL && md_font_has(sticky, c[i].cp)) {
            c[i].font = sticky;
            continue;
        }
        c[i].font = md_font_for(s, f, c[i].cp);
        c[i].is_free = c[i].is_common;
        sticky = c[i].is_common ? NULL : c[i].font;
    }
    /* Backwards: neutrals that found no letter before them look at the letter after them. */
    md_font *next = NULL;
    for (size_t i = n; i-- > 0;) {
        if (i + 1 >= n || c[i + 1].level != c[i].level)
            next = NULL;
        if (!c[i].is_common)
            next = c[i].font;
        else if (c[i].is_free && next != NULL && md_font_has(next, c[i].cp))
            c[i].font = next;
        else if (c[i].font != next)
            next = NULL;
    }
}

/* Shapes all[first, first + n), which ends at byte end of the text, into r; the characters
 * around it are HarfBuzz's context. */
static md_status
shape_run(hb_buffer_t *buf, const char *lang, const chr *all, size_t all_len, size_t first,
          size_t n, size_t end, md_sp size, md_arena *a, md_shape_run *r)
{
    const chr *c = all + first;
    hb_codepoint_t ctx[CONTEXT];
    size_t k;

    hb_buffer_clear_contents(buf);
    hb_buffer_set_content_type(buf, HB_BUFFER_CONTENT_TYPE_UNICODE);
    hb_buffer_set_direction(buf, c[0].level % 2 == 1 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, (hb_script_t)c[0].script);
    hb_buffer_set_language(buf, hb_language_from_string(lang, -1));
    /* Pre-context, then the run with its byte offsets as clusters, then post-context: the
     * sequence HarfBuzz documents for hb_buffer_add_codepoints. */
    for (k = 0; k < CONTEXT && k < first; k++)
        ctx[CONTEXT - 1 - k] = all[first - 1 - k].cp;
    hb_buffer_add_codepoints(buf, ctx + CONTEXT - k, (int)k, (unsigned)k, 0);
    for (size_t i = 0; i < n; i++)
        hb_buffer_add(buf, c[i].cp, c[i].start);
    for (k = 0; k < CONTEXT && first + n + k < all_len; k++)
        ctx[k] = all[first + n + k].cp;
    hb_buffer_add_codepoints(buf, ctx, (int)k, 0, 0);
    unsigned int len = 0;
    md_shape_glyph *glyphs = NULL;
    int64_t width = 0;
    if (hb_buffer_allocation_successful(buf) &&
        hb_shape_full(md_font_hb(c[0].font, size), buf, NULL, 0, NULL)) {
        const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &len);
        const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, NULL);
        glyphs = md_arena_alloc_array(a, len > 0 ? len : 1, sizeof *glyphs);
        for (unsigned int i = 0; i < len && glyphs != NULL; i++) {
            md_shape_glyph *g = &glyphs[i];
            g->id = info[i].codepoint;
            g->cluster = info[i].cluster;
            g->x_advance = pos[i].x_advance;
            g->x_offset = pos[i].x_offset;
            /* HarfBuzz's y grows upwards, the canvas's downwards. */
            g->y_offset = -pos[i].y_offset;
            width += pos[i].x_advance;
        }
    }
    if (glyphs == NULL)
        return MD_ENOMEM;
    r->glyphs = glyphs;
    r->glyphs_len = len;
    r->width = (md_sp)width;
    r->font = c[0].font;
    r->size = size;
    r->start = c[0].start;
    r->len = end - c[0].start;
    r->script = c[0].script;
    r->level = c[0].level;
    r->is_rtl = c[0].level % 2 == 1;
    return width > INT32_MAX || width < INT32_MIN ? MD_ELIMIT : MD_OK;
}

/* Decodes text into c (at most len entries), classifying each character; returns the count. */
static size_t
decode(const char *text, size_t len, chr *c)
{
    hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();
    size_t n = 0;
    for (size_t pos = 0; pos < len;) {
        size_t start = pos;
        int32_t cp = md_utf8_next(text, len, &pos);
        uint32_t u = cp < 0 ? 0xFFFD : (uint32_t)cp;
        hb_script_t sc = hb_unicode_script(uf, u);
        hb_unicode_general_category_t gc = hb_unicode_general_category(uf, u);
        c[n].cp = u;
        c[n].start = (uint32_t)start;
        c[n].script = (uint32_t)sc;
        c[n].is_common = (unsigned char)is_common_script(sc);
        c[n].bidi = bidi_class(u, sc, gc);
        c[n].is_mark = (unsigned char)(c[n].bidi == B_NSM || is_default_ignorable(u));
        n++;
    }
    return n;
}

/*
 * md_shape_text
 *   decode           UTF-8 → code points (U+FFFD per bad byte), byte offsets, bidi classes
 *   resolve_levels   UAX #9 levels for a left-to-right paragraph
 *   resolve_scripts  Common and Inherited characters join their neighbours' script
 *   choose_fonts     md_font_for, marks and spaces staying with their letters' face
 *   split            a run ends where the level, the script or the face changes
 *   shape_run        one hb_shape per run; positions come out in md_sp (md_font_hb)
 */
/* --- the cache of shaped words --------------------------------------------------------- */

/* A paragraph is shaped word by word, and the same words come back in every paragraph (and
 * in every document of a batch): a result is kept per font set, keyed by everything that
 * makes it (font, size, language, text), and copied out again. Results name the set's fonts,
 * so the cache hangs on the set (md_font_set_cache_of) and dies with it. Texts longer than
 * CACHE_TEXT are not kept; past CACHE_BYTES of kept results the cache starts afresh. */
#define CACHE_TEXT 64
#define CACHE_BYTES ((size_t)16 * 1024 * 1024)

typedef struct cached {
    uint64_t hash;
    md_font *font;
    md_sp size;
    const char *lang, *text; /* in the cache's arena */
    size_t len;
    md_shape_result res; /* runs and glyphs in the arena; the fonts are not kept */
} cached;

typedef struct shape_cache {
    md_arena *a;
    size_t bytes; /* allocated in a, about */
    cached *entries;
    size_t len, cap;
    md_index index; /* of entries, by hash */
} shape_cache;

static void
cache_clear(shape_cache *c)
{
    md_arena_free(c->a);
    md_free(c->entries);
    md_index_free(&c->index);
    memset(c, 0, sizeof *c);
}

static void
cache_free(void *p)
{
    shape_cache *c = p;
    if (c != NULL)
        cache_clear(c);
    md_free(c);
}

/* The set's cache, made on first use; NULL when out of memory (then nothing is cached). */
static shape_cache *
cache_of(const md_font_set *s)
{
    md_font_set_cache *slot = md_font_set_cache_of(s);
    if (slot->p == NULL) {
        slot->p = md_alloc(sizeof(shape_cache));
        slot->free = cache_free;
    }
    return slot->p;
}

static uint64_t
key_hash(const md_font *f, md_sp size, const char *lang, const char *text, size_t len)
{
    uint64_t h = md_hash64(0, &f, sizeof f);
    h = md_hash64(h, &size, sizeof size);
    h = md_hash64(h, lang, strlen(lang) + 1);
    return md_hash64(h, text, len);
}

static const cached *
cache_find(const shape_cache *c, uint64_t h, const md_font *f, md_sp size, const char *lang,
           const char *text, size_t len)
{
    for (size_t at = md_index_first(&c->index, h); c->index.cap > 0 && c->index.slots[at] != 0;
         at = md_index_next(&c->index, at)) {
        const cached *e = &c->entries[c->index.slots[at] - 1];
        if (e->hash == h && e->font == f && e->size == size && e->len == len &&
            strcmp(e->lang, lang) == 0 && memcmp(e->text, text, len) == 0)
            return e;
    }
    return NULL;
}

/* Copies the runs and glyphs of src into a (the caller's arena) as *out; keeps the fonts. */
static md_status
copy_result(const md_shape_result *src, md_arena *a, md_shape_result *out)
{
    md_shape_result r = *src;
    r.runs = md_arena_alloc_array(a, src->runs_len > 0 ? src->runs_len : 1, sizeof *r.runs);
    if (r.runs == NULL)
        return MD_ENOMEM;
    for (size_t i = 0; i < src->runs_len; i++) {
        r.runs[i] = src->runs[i];
        size_t n = src->runs[i].glyphs_len;
        r.runs[i].glyphs = md_arena_alloc_array(a, n > 0 ? n : 1, sizeof *r.runs[i].glyphs);
        if (r.runs[i].glyphs == NULL)
            return MD_ENOMEM;
        if (n > 0)
            memcpy(r.runs[i].glyphs, src->runs[i].glyphs, n * sizeof *r.runs[i].glyphs);
    }
    for (size_t i = 0; i < r.runs_len; i++)
        md_font_keep(r.runs[i].font);
    *out = r;
    return MD_OK;
}

/* Keeps a copy of res, shaped from the key; a failure only means it is not kept. */
static void
cache_put(shape_cache *c, uint64_t h, md_font *f, md_sp size, const char *lang, const char *text,
          size_t len, const md_shape_result *res)
{
    if (c->bytes > CACHE_BYTES)
        cache_clear(c);
    if (c->a == NULL && (c->a = md_arena_new()) == NULL)
        return;
    if (md_index_reserve(&c->index, c->len, c->entries, sizeof *c->entries,
                         offsetof(cached, hash)) != MD_OK)
        return;
    if (md_grow(&c->entries, &c->cap, c->len + 1, sizeof *c->entries, 256) != MD_OK)
        return;
    cached e = {h,
                f,
                size,
                md_arena_strndup(c->a, lang, strlen(lang)),
                md_arena_strndup(c->a, text, len),
                len,
                {0}};
    if (e.lang == NULL || e.text == NULL || copy_result(res, c->a, &e.res) != MD_OK)
        return;
    /* The cache does not keep the fonts: the set does, as long as the cache lives. */
    for (size_t i = 0; i < e.res.runs_len; i++)
        md_font_drop(e.res.runs[i].font);
    c->bytes += len + strlen(lang) + e.res.runs_len * sizeof *e.res.runs + 64;
    for (size_t i = 0; i < e.res.runs_len; i++)
        c->bytes += e.res.runs[i].glyphs_len * sizeof *e.res.runs[i].glyphs;
    c->entries[c->len] = e;
    md_index_add(&c->index, h, c->len++);
}

static md_status shape_uncached(const md_font_set *s, md_font *f, md_sp size, const char *lang,
                                const char *text, size_t len, md_arena *a, md_shape_result *out);

md_status
md_shape_text(const md_font_set *s, md_font *f, md_sp size, const char *lang, const char *text,
              size_t len, md_arena *a, md_shape_result *out)
{
    if (f == NULL || a == NULL || out == NULL || (text == NULL && len > 0))
        return MD_EBUG;
    if (len > MAX_TEXT || size <= 0 || size > MAX_SIZE)
        return MD_ELIMIT;
    if (lang == NULL)
        lang = "sv";
    shape_cache *c = len > 0 && len <= CACHE_TEXT && s != NULL ? cache_of(s) : NULL;
    uint64_t h = c != NULL ? key_hash(f, size, lang, text, len) : 0;
    const cached *e = c != NULL ? cache_find(c, h, f, size, lang, text, len) : NULL;
    if (e != NULL)
        return copy_result(&e->res, a, out);
    md_status st = shape_uncached(s, f, size, lang, text, len, a, out);
    if (st == MD_OK && c != NULL)
        cache_put(c, h, f, size, lang, text, len, out);
    return st;
}

/* md_shape_text without the cache; the arguments are checked. */
static md_status
shape_uncached(const md_font_set *s, md_font *f, md_sp size, const char *lang, const char *text,
               size_t len, md_arena *a, md_shape_result *out)
{
    md_status st = MD_OK;
    chr *c = NULL;
    hb_buffer_t *buf = NULL;
    md_shape_result res = {0};

    c = md_alloc_array(len > 0 ? len : 1, sizeof *c);
    if (c == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    size_t n = decode(text, len, c);
    resolve_levels(c, n);
    resolve_scripts(c, n);
    choose_fonts(s, f, c, n);

    size_t nruns = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || c[i].level != c[i - 1].level || c[i].script != c[i - 1].script ||
            c[i].font != c[i - 1].font)
            nruns++;
    res.runs = md_arena_alloc_array(a, nruns > 0 ? nruns : 1, sizeof *res.runs);
    buf = hb_buffer_create();
    if (res.runs == NULL || !hb_buffer_allocation_successful(buf)) {
        st = MD_ENOMEM;
        goto out;
    }
    int64_t width = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && c[j].level == c[i].level && c[j].script == c[i].script &&
               c[j].font == c[i].font)
            j++;
        md_shape_run *r = &res.runs[res.runs_len];
        st = shape_run(buf, lang, c, n, i, j - i, j < n ? c[j].start : len, size, a, r);
        if (st != MD_OK)
            goto out;
        md_font_keep(r->font);
        res.runs_len++;
        width += r->width;
        for (size_t g = 0; g < r->glyphs_len; g++)
            if (r->glyphs[g].id == 0 && res.missing_len++ == 0) {
                size_t p = r->glyphs[g].cluster;
                int32_t cp = md_utf8_next(text, len, &p);
                res.missing_cp = cp < 0 ? 0xFFFD : (uint32_t)cp;
            }
        i = j;
    }
    if (width > INT32_MAX || width < INT32_MIN) {
        st = MD_ELIMIT;
        goto out;
    }
    res.width = (md_sp)width;
    *out = res;
    res.runs_len = 0;
out:
    md_shape_free(&res);
    hb_buffer_destroy(buf);
    md_free(c);
    return st;
}

void
md_shape_free(md_shape_result *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->runs_len; i++)
        md_font_drop(r->runs[i].font);
    memset(r, 0, sizeof *r);
}

void
md_shape_visual_order(const md_shape_run *runs, size_t n, size_t *order)
{
    int max = 0;
    for (size_t i = 0; i < n; i++) {
        order[i] = i;
        if (runs[i].level > max)
            max = runs[i].level;
    }
    /* L2: from the highest level down to 1, reverse every maximal sequence at that level or
     * higher. */
    for (int lv = max; lv >= 1; lv--)
        for (size_t i = 0; i < n;) {
            if (runs[order[i]].level < lv) {
                i++;
                continue;
            }
            size_t j = i;
            while (j < n && runs[order[j]].level >= lv)
                j++;
            for (size_t lo = i, hi = j - 1; lo < hi; lo++, hi--) {
                size_t t = order[lo];
                order[lo] = order[hi];
                order[hi] = t;
            }
            i = j;
        }
}
