/* Paragraph builder (STYLE.md §1: para). The steps, in order:
 *   1. join the spans into one UTF-8 text and find UAX #14 break opportunities (brk);
 *   2. find Swedish hyphenation points in each hyphenatable word (hyph);
 *   3. shape each word piece of one style (shape), and cut the glyphs at the break points
 *      into boxes; spaces become glue, break points penalties (TeX's \hyphenpenalty and
 *      \exhyphenpenalty, 50 each);
 *   4. break the list into lines of total fit (kp); a word wider than the measure is then
 *      marked for emergency breaks between its characters and the list rebuilt;
 *   5. place the glyphs of each line: glue set by the line's ratio for justified text, the
 *      slack at the end, start or both sides for ragged text; a hyphen glyph ends a line
 *      broken at a hyphenation point. */
#include "para.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "brk.h"
#include "buf.h"
#include "font.h"
#include "hyph.h"
#include "kp.h"
#include "shape.h"

/* TeX's \hyphenpenalty and \exhyphenpenalty. */
#define HYPHEN_PENALTY 50
/* A break after "/" in a URL or between words joined by a dash: allowed, not loved. */
#define OTHER_PENALTY 100
/* A break inside a word too wide for any line: a last resort, but better than overfull. */
#define EMERGENCY_PENALTY 5000
/* A hyphenation point in the paragraph's last word leaves a last line of one word fragment
 * ("nätver-/ket."): penalty 1000 (10^6 demerits) keeps it unless no set of lines within the
 * tolerance does without it. md_para_params.last_word_penalty sets it. */
#define LAST_WORD_PENALTY 1000
/* Ragged text: each line may end short by up to 3 em at badness 100 (Knuth & Plass 1981,
 * §"ragged right"); a shorter limit gives more even lines and more hyphens. */
#define RAGGED_EMS 3
/* Glyphs of justified lines may widen or narrow by this much (per mille), as pdfTeX's font
 * expansion with microtype's default stretch=20, shrink=20. */
#define EXPANSION_PER_MILLE 20
/* A word broken without a hyphen (wider than the measure) fills its lines by spacing its
 * letters: each gap stretches by this much of an em (per mille) at ratio 1, more when a line
 * needs it. A line of such a word has no word spaces to take its slack. */
#define LETTER_GAP_PER_MILLE 50
/* Letter-spacing of justified lines (md_para_params.tracking_stretch and _shrink): a gap
 * between two clusters may widen by 30 and narrow by 15 thousandths of an em (0.3 and 0.15 pt
 * at 10 pt; about +11 % and -6 % of a word space, InDesign's terms). */
#define TRACKING_STRETCH 30
#define TRACKING_SHRINK 15
/* A justified line whose spaces would be wider than 1.5 times natural (loose) spaces its
 * letters further first, up to 50 thousandths of an em a gap (md_para_params.
 * tracking_emergency; docs/kp.md, "Emergency letter-spacing"). */
#define TRACKING_EMERGENCY 50
/* The most md_para_params.tracking_stretch, _shrink and _emergency may be (more is taken as
 * this): 0.06 em. At 0.25 em pdftotext reads letters as words ("i nsa ts er"); at 0.06 it
 * does not. */
#define TRACKING_MAX 60
/* A word is shaped in pieces of at most this many bytes (cut at a character boundary), so
 * that no piece is wider than md_sp can hold; kerning across a cut is lost. */
#define MAX_PIECE 1024
/* Values of builder.emergency: a word wider than the line; a word kept whole (a name,
 * MD_PARA_WHOLE: "Karlsson-Andersson") that is wider than the line: its own hyphens
 * are breaks now, and only if a part is still wider, it is broken anywhere. */
#define EMERGENCY_ANY 1
#define EMERGENCY_NAME 2

typedef struct box {
    const md_para_span *span;
    const md_shape_run *run;
    size_t base;   /* byte offset of the shaped text: run clusters count from here */
    size_t g0, g1; /* glyphs [g0, g1) of run */
    size_t t0, t1; /* bytes [t0, t1) of the paragraph text */
    md_sp width;
    /* Letter-spacing (justified text): gaps between its clusters that may widen, and whether
     * a gap comes before its first glyph too (it continues a word, unless it starts a line);
     * set by build_items. */
    size_t gaps;
    uint8_t is_joined;
} box;

typedef struct builder {
    const md_para_env *env;
    const md_para_params *p;
    md_arena *a;
    md_diags *d;
    const char *file;
    long line;
    const md_para_span *spans;
    size_t spans_len;
    char *text; /* the joined text */
    size_t len;
    size_t *span_at;  /* byte -> span index */
    char *brk;        /* per byte, MD_BRK_* */
    char *hyph;       /* per byte: 1 when a hyphen may follow */
    char *emergency;  /* per byte: EMERGENCY_ANY inside a word that must be broken anywhere,
                       * EMERGENCY_NAME inside a name wider than the line (its hyphens) */
    size_t last_word; /* first byte of the paragraph's last word (token), or len */
    md_kp_item *items;
    size_t items_len, items_cap;
    int32_t *item_box; /* per item: index into boxes, or -1 */
    box *boxes;
    size_t boxes_len, boxes_cap;
    md_sp *widths;
    md_sp *space_w; /* per span: the width of a space and of a hyphen in its style */
    md_sp *hyphen_w;
    /* Every shaping result, whose fonts are dropped when the paragraph is done. */
    md_shape_result *shaped;
    size_t shaped_len, shaped_cap;
    /* Per run of the line being placed: where it starts and ends, and its bidi level. */
    struct extent {
        md_sp x0, x1;
        int level;
    } * extents;
    size_t extents_cap;
} builder;

/* Shapes text in a style; the result lives until md_para_set returns (runs in the arena). */
static md_status
shape(builder *b, const md_para_style *s, const char *text, size_t len, md_shape_result **out)
{
    if (md_grow(&b->shaped, &b->shaped_cap, b->shaped_len + 1, sizeof *b->shaped, 64) != MD_OK)
        return MD_ENOMEM;
    md_shape_result *r = &b->shaped[b->shaped_len];
    md_status st = md_shape_text(b->env->fonts, s->font, s->size, b->p->lang, text, len, b->a, r);
    if (st != MD_OK)
        return st;
    b->shaped_len++;
    *out = r;
    return MD_OK;
}

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* True when the bytes at s start a no-break space (U+00A0). */
static int
is_nbsp(const char *s, size_t left)
{
    return left >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0;
}

static md_status
add_item(builder *b, md_kp_item it, int32_t box_index)
{
    if (b->items_len == b->items_cap) {
        /* Two arrays of one capacity: each grows from the same old one. */
        size_t cap = b->items_cap, ib_cap = b->items_cap;
        if (md_grow(&b->items, &cap, b->items_len + 1, sizeof *b->items, 256) != MD_OK ||
            md_grow(&b->item_box, &ib_cap, b->items_len + 1, sizeof *b->item_box, 256) != MD_OK)
            return MD_ENOMEM;
        b->items_cap = cap;
    }
    b->items[b->items_len] = it;
    b->item_box[b->items_len] = box_index;
    b->items_len++;
    return MD_OK;
}

static md_status
add_box(builder *b, box bx)
{
    if (md_grow(&b->boxes, &b->boxes_cap, b->boxes_len + 1, sizeof *b->boxes, 128) != MD_OK)
        return MD_ENOMEM;
    b->boxes[b->boxes_len] = bx;
    md_kp_item it = {.type = MD_KP_BOX, .width = bx.width};
    return add_item(b, it, (int32_t)b->boxes_len++);
}

static md_status
add_glue(builder *b, md_sp width, md_sp stretch, md_sp shrink)
{
    md_kp_item it = {.type = MD_KP_GLUE, .width = width, .stretch = stretch, .shrink = shrink};
    return add_item(b, it, -1);
}

static md_status
add_penalty(builder *b, md_sp width, int32_t penalty, int is_flagged, int is_explicit)
{
    md_kp_item it = {.type = MD_KP_PENALTY,
                     .width = width,
                     .penalty = penalty,
                     .is_flagged = (uint8_t)is_flagged,
                     .is_explicit = (uint8_t)is_explicit};
    return add_item(b, it, -1);
}

static int
is_ragged(const builder *b)
{
    return b->p->align != MD_PARA_JUSTIFY;
}

/* Stretch of the ragged margin for a style: RAGGED_EMS em. */
static md_sp
ragged_stretch(const md_para_style *s)
{
    return s->size * RAGGED_EMS;
}

/* Width of a string shaped in a style (a space, a hyphen). */
static md_status
measure(builder *b, const md_para_style *s, const char *str, md_sp *out)
{
    md_shape_result *r;
    md_status st = shape(b, s, str, strlen(str), &r);
    if (st == MD_OK)
        *out = r->width;
    return st;
}

/* An interword space. Justified: TeX's glue, stretch 1/2 and shrink 1/3 of the space (the
 * proportions of plain TeX's cmr10: 3.33 pt plus 1.67 pt minus 1.11 pt). Ragged: Knuth &
 * Plass's construction, so that only the line's last space stretches: glue(0, +R),
 * penalty 0, glue(w, -R). */
static md_status
add_space(builder *b, const md_para_style *s, md_sp w, int is_breakable)
{
    md_status st = MD_OK;
    if (!is_breakable) {
        st = add_penalty(b, 0, MD_KP_INF, 0, 0);
        if (st == MD_OK)
            st = is_ragged(b) ? add_glue(b, w, 0, 0) : add_glue(b, w, w / 2, w / 3);
        return st;
    }
    if (!is_ragged(b))
        return add_glue(b, w, w / 2, w / 3);
    md_sp r = ragged_stretch(s);
    st = add_glue(b, 0, r, 0);
    if (st == MD_OK)
        st = add_penalty(b, 0, 0, 0, 0);
    if (st == MD_OK)
        st = add_glue(b, w, -r, 0);
    return st;
}

/* A break inside a word: after a hyphenation point (flagged, with the hyphen's width), after
 * an explicit hyphen or dash (flagged, explicit, no width), or elsewhere (a URL's "/"). */
static md_status
add_word_break(builder *b, const md_para_style *s, md_sp width, int32_t penalty, int is_flagged,
               int is_explicit)
{
    int is_emergency = penalty == EMERGENCY_PENALTY;
    md_status st = MD_OK;
    if (is_ragged(b)) {
        md_sp r = ragged_stretch(s);
        st = add_penalty(b, 0, MD_KP_INF, 0, 0);
        if (st == MD_OK)
            st = add_glue(b, 0, r, 0);
        if (st == MD_OK)
            st = add_penalty(b, width, penalty, is_flagged, is_explicit);
        if (st == MD_OK)
            st = add_glue(b, 0, -r, 0);
        return st;
    }
    st = add_penalty(b, width, penalty, is_flagged, is_explicit);
    /* A glue of no width after the break carries the glyph expansion of the piece that
     * follows (see build_items); after a penalty it is never a break itself. Inside a word
     * broken anywhere it is also the letter gap that fills the word's lines. */
    if (st == MD_OK)
        st = add_glue(
            b, 0, is_emergency ? (md_sp)(((int64_t)s->size * LETTER_GAP_PER_MILLE) / 1000) : 0, 0);
    return st;
}

/* The penalty for a break after byte i inside a word, or MD_KP_INF for none. */
static int32_t
break_after(const builder *b, size_t i, int *is_flagged, int *is_explicit, int *is_hyphen)
{
    *is_flagged = *is_explicit = *is_hyphen = 0;
    /* After a soft hyphen (U+00AD, C2 AD) the author allows a hyphenated break; UAX #14
     * allows a break there too (class BA), which must draw the hyphen. A span that is not
     * hyphenated (a name) ignores soft hyphens. */
    if (i >= 1 && (unsigned char)b->text[i - 1] == 0xC2 && (unsigned char)b->text[i] == 0xAD) {
        if (b->spans[b->span_at[i]].style->is_hyphenate != MD_PARA_HYPHENATE)
            return MD_KP_INF;
        *is_flagged = *is_hyphen = 1;
        return i >= b->last_word ? b->p->last_word_penalty : HYPHEN_PENALTY;
    }
    /* A word wider than the measure keeps its hyphenation points and may break anywhere
     * else too. */
    if (b->hyph[i]) {
        *is_flagged = *is_hyphen = 1;
        return i >= b->last_word ? b->p->last_word_penalty : HYPHEN_PENALTY;
    }
    if (b->brk[i] == MD_BRK_ALLOW) {
        unsigned char c = (unsigned char)b->text[i];
        /* '-' or the last byte of an en or em dash (U+2013, U+2014: E2 80 93/94). */
        int is_dash =
            c == '-' || (i >= 2 && (unsigned char)b->text[i - 2] == 0xE2 &&
                         (unsigned char)b->text[i - 1] == 0x80 && (c == 0x93 || c == 0x94));
        /* The hyphen of a word kept whole: a double-barrelled name, "Karlsson-Andersson", as
         * typographers keep names, unless the name is wider than the line. */
        if (c == '-' && b->spans[b->span_at[i]].style->is_hyphenate == MD_PARA_WHOLE &&
            !b->emergency[i])
            return MD_KP_INF;
        if (is_dash) {
            *is_flagged = *is_explicit = 1;
            return HYPHEN_PENALTY;
        }
    }
    if (b->emergency[i] == EMERGENCY_ANY)
        return EMERGENCY_PENALTY;
    return b->brk[i] == MD_BRK_ALLOW ? OTHER_PENALTY : MD_KP_INF;
}

/* Index of the first glyph of run r (LTR) whose cluster starts after byte i, provided a
 * cluster starts exactly at i + 1 (a ligature across i cannot be cut); else SIZE_MAX. */
static size_t
cut_at(const md_shape_run *r, size_t base, size_t g0, size_t g1, size_t i)
{
    for (size_t g = g0; g < g1; g++) {
        size_t c = base + r->glyphs[g].cluster;
        if (c > i)
            return c == i + 1 ? g : SIZE_MAX;
    }
    return SIZE_MAX;
}

static md_sp
glyphs_width(const md_shape_run *r, size_t g0, size_t g1)
{
    md_sp w = 0;
    for (size_t g = g0; g < g1; g++)
        w += r->glyphs[g].x_advance;
    return w;
}

/* Shapes text[s, e) (one span, no spaces) and adds its boxes and inner breaks. */
static md_status
add_word_piece(builder *b, const md_para_span *span, size_t s, size_t e, md_sp hyphen_w)
{
    md_shape_result *res;
    md_status st = shape(b, span->style, b->text + s, e - s, &res);
    for (size_t k = 0; st == MD_OK && k < res->runs_len; k++) {
        const md_shape_run *r = &res->runs[k];
        size_t g0 = 0, t0 = s + r->start;
        size_t run_end = s + r->start + r->len;
        if (!r->is_rtl) {
            for (size_t i = t0; i + 1 < run_end && st == MD_OK; i++) {
                int fl, ex, hy;
                int32_t pen = break_after(b, i, &fl, &ex, &hy);
                if (pen >= MD_KP_INF)
                    continue;
                size_t g = cut_at(r, s, g0, r->glyphs_len, i);
                if (g == SIZE_MAX || g == g0)
                    continue;
                box bx = {span, r, s, g0, g, t0, i + 1, glyphs_width(r, g0, g), 0, 0};
                st = add_box(b, bx);
                if (st == MD_OK)
                    st = add_word_break(b, span->style, hy ? hyphen_w : 0, pen, fl, ex);
                g0 = g;
                t0 = i + 1;
            }
        }
        if (st == MD_OK && g0 < r->glyphs_len) {
            box bx = {
                span, r, s, g0, r->glyphs_len, t0, run_end, glyphs_width(r, g0, r->glyphs_len),
                0,    0};
            st = add_box(b, bx);
        }
        /* A break between two runs of one word (a fallback font inside it). */
        if (st == MD_OK && k + 1 < res->runs_len && run_end > 0) {
            int fl, ex, hy;
            int32_t pen = break_after(b, run_end - 1, &fl, &ex, &hy);
            if (pen < MD_KP_INF)
                st = add_word_break(b, span->style, hy ? hyphen_w : 0, pen, fl, ex);
        }
    }
    return st;
}

/* True for the bytes that end a token for hyphenation: spaces and no-break spaces. */
static int
token_end(const builder *b, size_t i)
{
    return is_space(b->text[i]) || is_nbsp(b->text + i, b->len - i) ||
           (i > 0 && is_nbsp(b->text + i - 1, b->len - i + 1));
}

/* Punctuation that may stand before or after a word without making it a non-word. */
static int
is_edge_punct(unsigned char c)
{
    return c != 0 && strchr(",.;:!?()\"'[]", c) != NULL;
}

/* Step 2: hyphenation points. A token (between spaces) holding a digit, '@', '/', ':' or an
 * inner '.' is a number, time, URL, e-mail address or abbreviation and is never hyphenated;
 * other tokens are split at '-' (the explicit hyphen keeps its meaning) and each part is
 * given to hyph, which also refuses short and all-capital words. */
static md_status
find_hyphens(builder *b)
{
    if (b->env->hyph == NULL)
        return MD_OK;
    size_t i = 0;
    while (i < b->len) {
        while (i < b->len && token_end(b, i))
            i++;
        size_t s = i;
        while (i < b->len && !token_end(b, i))
            i++;
        size_t e = i;
        while (s < e && is_edge_punct((unsigned char)b->text[s]))
            s++;
        while (e > s && is_edge_punct((unsigned char)b->text[e - 1]))
            e--;
        int skip = 0;
        for (size_t k = s; k < e && !skip; k++) {
            char c = b->text[k];
            skip = (c >= '0' && c <= '9') || c == '@' || c == '/' || c == ':' || c == '.';
            /* Every byte must be in a span that allows hyphenation (names do not). */
            skip = skip || b->spans[b->span_at[k]].style->is_hyphenate != MD_PARA_HYPHENATE;
        }
        /* A date's month ("30 januari") is part of a date: never hyphenated. */
        static const char *const months[] = {"januari",   "februari", "mars",     "april",
                                             "maj",       "juni",     "juli",     "augusti",
                                             "september", "oktober",  "november", "december"};
        for (size_t m = 0; m < 12 && !skip; m++)
            skip = e - s == strlen(months[m]) && strncasecmp(b->text + s, months[m], e - s) == 0;
        if (skip)
            continue;
        size_t ps = s;
        for (size_t k = s; k <= e; k++) {
            if (k < e && b->text[k] != '-')
                continue;
            if (k > ps) {
                md_status st = md_hyph_word(b->env->hyph, b->text + ps, k - ps, b->hyph + ps);
                if (st != MD_OK)
                    return st;
                /* hyph puts a soft hyphen's point before it; the line breaks after it
                 * instead (break_after), so that the soft hyphen stays with its line. */
                for (size_t j = ps; j + 2 < k; j++)
                    if ((unsigned char)b->text[j + 1] == 0xC2 &&
                        (unsigned char)b->text[j + 2] == 0xAD)
                        b->hyph[j] = 0;
            }
            ps = k + 1;
        }
    }
    return MD_OK;
}

/* True when a word piece that starts at byte s should end before byte e: it has MAX_PIECE
 * bytes and e starts a character that is not a combining mark (U+0300–U+036F, U+0483–U+0489,
 * U+0591–U+05C7, U+0610–U+061A, U+064B–U+065F: the marks of Latin, Cyrillic, Hebrew and
 * Arabic), or it has twice as many bytes. */
static int
is_piece_cut(const builder *b, size_t s, size_t e)
{
    if (e - s < MAX_PIECE || ((unsigned char)b->text[e] & 0xC0) == 0x80)
        return 0;
    size_t pos = e;
    int32_t cp = md_utf8_next(b->text, b->len, &pos);
    int is_mark = (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x483 && cp <= 0x489) ||
                  (cp >= 0x591 && cp <= 0x5C7) || (cp >= 0x610 && cp <= 0x61A) ||
                  (cp >= 0x64B && cp <= 0x65F);
    return !is_mark || e - s >= 2 * MAX_PIECE;
}

/* True for a run whose clusters may be letter-spaced: left to right, in a script whose letters
 * stand apart (Latin, Greek, Cyrillic, and the common and inherited characters among them).
 * Arabic and other joining or right-to-left scripts are never spaced. */
static int
is_tracked(const md_shape_run *r)
{
#define SCRIPT(a, b, c, d) (((uint32_t)(a) << 24) | ((uint32_t)(b) << 16) | ((c) << 8) | (d))
    uint32_t s = r->script;
    return !r->is_rtl && (s == SCRIPT('L', 'a', 't', 'n') || s == SCRIPT('G', 'r', 'e', 'k') ||
                          s == SCRIPT('C', 'y', 'r', 'l') || s == SCRIPT('Z', 'y', 'y', 'y') ||
                          s == SCRIPT('Z', 'i', 'n', 'h'));
#undef SCRIPT
}

/* Gaps between the clusters of a box's glyphs: where a glyph starts a new cluster. The glyphs
 * of a ligature ("fi") or a letter with its marks share one cluster and are never spaced. */
static size_t
cluster_gaps(const box *bx)
{
    size_t n = 0;
    for (size_t g = bx->g0 + 1; g < bx->g1; g++)
        n += bx->run->glyphs[g].cluster != bx->run->glyphs[g - 1].cluster;
    return n;
}

/* A letter gap's stretch or shrink for a style: per_mille thousandths of an em. */
static md_sp
track_unit(const md_para_style *s, int32_t per_mille)
{
    return (md_sp)(((int64_t)s->size * per_mille) / 1000);
}

/* md_para_params.tracking_stretch or _shrink, within 0..TRACKING_MAX. */
static int32_t
track_limit(int32_t per_mille)
{
    return per_mille < 0 ? 0 : per_mille > TRACKING_MAX ? TRACKING_MAX : per_mille;
}

/* Letter-spacing (justified text) in the items, as more of what glyph expansion gives: each
 * box's gaps add to its capped stretch and its shrink; a gap between two boxes of one word (a
 * hyphenation point, a change of font) adds to the empty glue after the break, which is
 * discarded when the line breaks there, or to the second box when nothing lies between. */
static void
add_tracking(builder *b)
{
    int32_t st_pm = track_limit(b->p->tracking_stretch);
    int32_t sh_pm = track_limit(b->p->tracking_shrink);
    if (st_pm == 0 && sh_pm == 0)
        return;
    const box *prev = NULL; /* the last box of the word so far */
    size_t glue = SIZE_MAX; /* the empty glue since it, if any */
    int is_break = 0;       /* a possible break since it */
    for (size_t k = 0; k < b->items_len; k++) {
        md_kp_item *it = &b->items[k];
        if (it->type == MD_KP_PENALTY) {
            is_break |= it->penalty < MD_KP_INF;
            continue;
        }
        if (it->type == MD_KP_GLUE) {
            /* A word space, a no-break space or a growing leader ends the word. */
            if (it->width != 0 || it->stretch_fil != 0)
                prev = NULL;
            glue = prev != NULL ? k : SIZE_MAX;
            continue;
        }
        if (b->item_box[k] < 0) {
            prev = NULL;
            continue;
        }
        box *bx = &b->boxes[b->item_box[k]];
        const md_para_style *s = bx->span->style;
        bx->gaps = is_tracked(bx->run) ? cluster_gaps(bx) : 0;
        bx->is_joined = prev != NULL && is_tracked(prev->run) && is_tracked(bx->run);
        md_sp ts = track_unit(s, st_pm), tk = track_unit(s, sh_pm);
        it->stretch_track += (md_sp)bx->gaps * ts;
        it->shrink += (md_sp)bx->gaps * tk;
        /* A break right before the box (no glue between) would leave the gap on the next line:
         * kp does without it there (place_line may have a little more than kp counted). */
        if (bx->is_joined && (glue != SIZE_MAX || !is_break)) {
            md_kp_item *at = glue != SIZE_MAX ? &b->items[glue] : &b->items[k];
            at->stretch_track += ts;
            at->shrink += tk;
        }
        prev = bx;
        glue = SIZE_MAX;
        is_break = 0;
    }
}

/* Step 3: the whole item list, from the text and the break and hyphen maps. */
static md_status
build_items(builder *b)
{
    md_status st = MD_OK;
    b->items_len = 0;
    b->boxes_len = 0;
    if (b->p->text_indent != 0) {
        md_kp_item it = {.type = MD_KP_BOX, .width = b->p->text_indent};
        st = add_item(b, it, -1);
    }
    size_t i = 0;
    while (i < b->len && st == MD_OK) {
        const md_para_span *span = &b->spans[b->span_at[i]];
        if (is_space(b->text[i])) {
            while (i < b->len && is_space(b->text[i]))
                i++;
            /* No space at the start or the end of a paragraph. UAX #14 and our tailoring
             * (brk) say whether a line may break after the space: "kl. 16.00", "15 000 kr"
             * and "5 december" stay together. */
            if (b->boxes_len > 0 && i < b->len)
                st = add_space(b, span->style, b->space_w[b->span_at[i - 1]],
                               b->brk[i - 1] == MD_BRK_ALLOW || b->brk[i - 1] == MD_BRK_MUST);
            continue;
        }
        if (is_nbsp(b->text + i, b->len - i)) {
            st = add_space(b, span->style, b->space_w[b->span_at[i]], 0);
            i += 2;
            continue;
        }
        md_sp hyphen_w = b->hyphen_w[b->span_at[i]];
        /* The word piece: up to a space or a change of span. */
        size_t e = i;
        while (e < b->len && !is_space(b->text[e]) && !is_nbsp(b->text + e, b->len - e) &&
               b->span_at[e] == b->span_at[i] && !is_piece_cut(b, i, e))
            e++;
        if (st == MD_OK)
            st = add_word_piece(b, span, i, e, hyphen_w);
        /* The end of a fill span (a growing leader): an unbreakable glue of infinite stretch. */
        if (st == MD_OK && span->is_fill && (e == b->len || b->span_at[e] != b->span_at[i])) {
            md_kp_item fill = {.type = MD_KP_GLUE, .stretch_fil = MD_SP_PER_PT};
            st = add_penalty(b, 0, MD_KP_INF, 0, 0);
            if (st == MD_OK)
                st = add_item(b, fill, -1);
        }
        /* A break where a word crosses into the next span ("ord" + ","). */
        if (st == MD_OK && e < b->len && !is_space(b->text[e]) &&
            !is_nbsp(b->text + e, b->len - e)) {
            int fl, ex, hy;
            int32_t pen = break_after(b, e - 1, &fl, &ex, &hy);
            if (pen < MD_KP_INF)
                st = add_word_break(b, span->style, hy ? hyphen_w : 0, pen, fl, ex);
        }
        i = e;
    }
    /* Glyph expansion (justified text): each word piece may widen or narrow by
     * EXPANSION_PER_MILLE of its width, its box's capped stretch and shrink (kp), so that the
     * breaker counts the first word of a line and a line of one word too. place_line spreads
     * the expansion over the glyphs of the line exactly (the hyphen's as well, which the
     * breaker leaves out): a line never ends up narrower than the breaker believed (an
     * overfull line, found by fuzzing). Widening is capped: the glyphs give at most their 2 %,
     * and past that the word spaces alone take the slack, as place_line sets them, so the
     * breaker's badness is that of the word spaces as set. */
    for (size_t k = 0; st == MD_OK && !is_ragged(b) && k < b->items_len; k++) {
        if (b->items[k].type != MD_KP_BOX || b->item_box[k] < 0)
            continue;
        md_sp exp = (md_sp)(((int64_t)b->items[k].width * EXPANSION_PER_MILLE) / 1000);
        b->items[k].stretch_capped = exp;
        b->items[k].shrink = exp;
    }
    if (st == MD_OK && !is_ragged(b))
        add_tracking(b);
    /* TeX's \parfillskip: the last line need not be full, unless it is justified too
     * (text-align-last="justify"; TeX sets \parfillskip to 0 for that). */
    if (st == MD_OK)
        st = add_penalty(b, 0, MD_KP_INF, 0, 0);
    if (st == MD_OK) {
        md_kp_item fill = {.type = MD_KP_GLUE,
                           .stretch_fil = b->p->align_last == MD_PARA_JUSTIFY ? 0 : MD_SP_PER_PT};
        st = add_item(b, fill, -1);
    }
    return st;
}

/* Step 4: every word (the boxes between two glue items) wider than the measure is opened
 * for emergency breaks between its characters, with a warning naming it; but a name whose
 * own hyphens were kept is first opened at those only (EMERGENCY_NAME), its parts measured
 * again on the next call. Returns how many words were marked. */
static size_t
mark_emergency(builder *b)
{
    size_t marked = 0;
    int64_t w = 0;
    size_t t0 = SIZE_MAX, t1 = 0;
    for (size_t i = 0; i <= b->items_len; i++) {
        int is_end = i == b->items_len || b->items[i].type == MD_KP_GLUE;
        if (!is_end) {
            if (b->item_box[i] >= 0) {
                const box *bx = &b->boxes[b->item_box[i]];
                w += bx->width;
                t0 = t0 == SIZE_MAX ? bx->t0 : t0;
                t1 = bx->t1;
            }
            continue;
        }
        int is_kept = 0;
        for (size_t k = t0; w > b->widths[0] && t0 != SIZE_MAX && k + 1 < t1 && !is_kept; k++)
            is_kept = b->text[k] == '-' && b->brk[k] == MD_BRK_ALLOW && !b->emergency[k] &&
                      b->spans[b->span_at[k]].style->is_hyphenate == MD_PARA_WHOLE;
        if (is_kept) {
            for (size_t k = t0; k + 1 < t1; k++)
                b->emergency[k] = EMERGENCY_NAME;
            marked++;
        } else if (w > b->widths[0] && t0 != SIZE_MAX) {
            /* Name at most 40 bytes of the word, cut at a character boundary. */
            size_t n = t1 - t0 > 40 ? 40 : t1 - t0;
            while (n > 0 && t0 + n < t1 && ((unsigned char)b->text[t0 + n] & 0xC0) == 0x80)
                n--;
            md_diag_add(b->d, MD_DIAG_WARNING, b->file, b->line, 0,
                        "the word \"%.*s%s\" is wider than the line (%.1f pt > %.1f pt); it "
                        "is broken without a hyphen",
                        (int)n, b->text + t0, n < t1 - t0 ? "…" : "", (double)w / MD_SP_PER_PT,
                        (double)b->widths[0] / MD_SP_PER_PT);
            for (size_t k = t0; k + 1 < t1; k++)
                b->emergency[k] = EMERGENCY_ANY;
            marked++;
        }
        w = 0;
        t0 = SIZE_MAX;
    }
    return marked;
}

/* Clusters of glyphs [g0, g1) of r, whose text is [t0, t1) (cairo's cluster mapping): one
 * cluster per group of glyphs sharing a cluster value. */
static md_status
make_clusters(builder *b, const box *bx, md_para_run *out)
{
    const md_shape_run *r = bx->run;
    size_t g0 = bx->g0, g1 = bx->g1, t0 = bx->t0, t1 = bx->t1, base = bx->base;
    size_t n = 0;
    for (size_t g = g0; g < g1; g++)
        n += g == g0 || r->glyphs[g].cluster != r->glyphs[g - 1].cluster;
    md_para_cluster *c = md_arena_alloc_array(b->a, n ? n : 1, sizeof *c);
    if (c == NULL)
        return MD_ENOMEM;
    size_t k = 0;
    for (size_t g = g0; g < g1; g++) {
        if (g == g0 || r->glyphs[g].cluster != r->glyphs[g - 1].cluster) {
            c[k].num_bytes = 0;
            c[k].num_glyphs = 0;
            k++;
        }
        c[k - 1].num_glyphs++;
    }
    /* Bytes: from each cluster's start to the next cluster start in text order. */
    k = 0;
    for (size_t g = g0; g < g1; g++) {
        if (g != g0 && r->glyphs[g].cluster == r->glyphs[g - 1].cluster)
            continue;
        size_t start = base + r->glyphs[g].cluster;
        size_t next = t1;
        for (size_t h = g0; h < g1; h++) {
            size_t ch = base + r->glyphs[h].cluster;
            if (ch > start && ch < next)
                next = ch;
        }
        if (start < t0)
            start = t0;
        c[k++].num_bytes = next > start ? (int)(next - start) : 0;
    }
    /* Cairo wants clusters in text order; with the backward flag the first cluster maps to
     * the last glyphs. RTL glyphs run against the text, so their groups are reversed. */
    if (r->is_rtl) {
        for (size_t i = 0; i < n / 2; i++) {
            md_para_cluster t = c[i];
            c[i] = c[n - 1 - i];
            c[n - 1 - i] = t;
        }
    }
    out->clusters = c;
    out->clusters_len = n;
    out->is_backward = (uint8_t)r->is_rtl;
    return MD_OK;
}

/* Appends the glyphs of box bx, starting at x, widened by xs (× 65536) and with tr added at
 * each gap between its clusters (letter-spacing), to the line: to its last run when bx
 * continues it (same shaped run, next glyphs), else as a new run. */
static md_status
add_box_glyphs(builder *b, md_para_line *line, size_t *cap, box *last, const box *bx, md_sp x,
               int32_t xs, md_sp tr, const char *src)
{
    int is_continued = line->runs_len > 0 && last->run == bx->run && last->g1 == bx->g0 &&
                       last->t1 == bx->t0 && line->runs[line->runs_len - 1].x_scale == xs;
    box merged = *bx;
    if (is_continued) {
        merged.g0 = last->g0;
        merged.t0 = last->t0;
        line->runs_len--;
    } else if (line->runs_len == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        md_para_run *v = md_arena_alloc_array(b->a, ncap, sizeof *v);
        if (v == NULL)
            return MD_ENOMEM;
        if (line->runs_len > 0)
            memcpy(v, line->runs, line->runs_len * sizeof *v);
        line->runs = v;
        *cap = ncap;
    }
    md_para_run *run = &line->runs[line->runs_len];
    const md_para_glyph *old = is_continued ? run->glyphs : NULL;
    size_t old_len = is_continued ? run->glyphs_len : 0;
    const md_shape_run *r = bx->run;
    md_para_glyph *glyphs = md_arena_alloc_array(b->a, merged.g1 - merged.g0, sizeof *glyphs);
    const char *text = md_arena_strndup(b->a, src + merged.t0, merged.t1 - merged.t0);
    if (glyphs == NULL || text == NULL)
        return MD_ENOMEM;
    if (old_len > 0)
        memcpy(glyphs, old, old_len * sizeof *glyphs);
    int64_t pen = 0;
    md_sp spaced = 0; /* the letter-spacing so far */
    for (size_t g = bx->g0; g < bx->g1; g++) {
        md_para_glyph *o = &glyphs[old_len + g - bx->g0];
        if (g > bx->g0 && r->glyphs[g].cluster != r->glyphs[g - 1].cluster)
            spaced += tr;
        o->id = r->glyphs[g].id;
        o->x = x + spaced + (md_sp)(((pen + r->glyphs[g].x_offset) * xs) / MD_SP_PER_PT);
        o->y = r->glyphs[g].y_offset;
        pen += r->glyphs[g].x_advance;
    }
    run->font = r->font;
    run->style = bx->span->style;
    run->user = bx->span->user;
    run->text = text;
    run->text_len = merged.t1 - merged.t0;
    run->glyphs = glyphs;
    run->glyphs_len = merged.g1 - merged.g0;
    run->x_scale = xs;
    md_status st = make_clusters(b, &merged, run);
    if (st == MD_OK) {
        line->runs_len++;
        *last = merged;
    }
    return st;
}

/* The hyphen that ends a line broken at a hyphenation point, as a run of its own. */
static md_status
add_hyphen(builder *b, md_para_line *line, size_t *cap, const md_para_span *span, md_sp x,
           int32_t xs)
{
    md_shape_result *res;
    md_status st = shape(b, span->style, "-", 1, &res);
    if (st != MD_OK || res->runs_len == 0)
        return st;
    const md_shape_run *r = &res->runs[0];
    /* A box over a text "-" of its own, not the paragraph's. */
    box bx = {span, r, 0, 0, r->glyphs_len, 0, 1, r->width, 0, 0};
    box last = {0};
    return add_box_glyphs(b, line, cap, &last, &bx, x, xs, 0, "-");
}

static void
font_extents(const md_para_span *span, md_font *f, md_sp *asc, md_sp *desc)
{
    md_font_metrics m;
    md_font_metrics_at(f ? f : span->style->font, span->style->size, &m);
    if (m.ascender > *asc)
        *asc = m.ascender;
    if (m.descender > *desc)
        *desc = m.descender;
}

/* Records where run r of the line being placed starts (when is_new) and ends. */
static md_status
note_extent(builder *b, size_t r, int is_new, md_sp x0, md_sp x1, int level)
{
    if (md_grow(&b->extents, &b->extents_cap, r + 1, sizeof *b->extents, 16) != MD_OK)
        return MD_ENOMEM;
    if (is_new) {
        b->extents[r].x0 = x0;
        b->extents[r].level = level;
    }
    b->extents[r].x1 = x1;
    return MD_OK;
}

/* UAX #9 rule L2 over the runs of a line: from the highest level down to 1, every maximal
 * sequence of runs (in text order) at that level or higher is mirrored within the space it
 * takes, the word spaces between its runs included. Each run's glyphs are already in visual
 * order (HarfBuzz shapes a right-to-left run right to left), so an Arabic name of three
 * words reads from the right, its first word rightmost; the runs stay in text order, so
 * that text extracted in drawing order is in logical order. */
static void
reorder_runs(builder *b, md_para_line *line)
{
    int max = 0;
    for (size_t r = 0; r < line->runs_len; r++)
        max = b->extents[r].level > max ? b->extents[r].level : max;
    for (int lv = max; lv >= 1; lv--) {
        for (size_t i = 0; i < line->runs_len;) {
            if (b->extents[i].level < lv) {
                i++;
                continue;
            }
            size_t j = i;
            md_sp lo = b->extents[i].x0, hi = b->extents[i].x1;
            for (; j < line->runs_len && b->extents[j].level >= lv; j++) {
                lo = b->extents[j].x0 < lo ? b->extents[j].x0 : lo;
                hi = b->extents[j].x1 > hi ? b->extents[j].x1 : hi;
            }
            for (size_t r = i; j - i > 1 && r < j; r++) {
                struct extent *e = &b->extents[r];
                md_sp delta = lo + hi - e->x1 - e->x0;
                for (size_t g = 0; g < line->runs[r].glyphs_len; g++)
                    line->runs[r].glyphs[g].x += delta;
                e->x0 += delta;
                e->x1 += delta;
            }
            i = j;
        }
    }
}

/* A box's width widened by xs (× 65536). */
static md_sp
scaled(md_sp w, int32_t xs)
{
    return (md_sp)(((int64_t)w * xs) / MD_SP_PER_PT);
}

/* The letter-spacing of one gap in style s at glyph ratio r (× 65536, in -1..1): r of the
 * stretch limit when r > 0, of the shrink limit when r < 0; truncated towards 0. */
static md_sp
track_at(const builder *b, const md_para_style *s, int64_t r)
{
    int32_t pm = track_limit(r > 0 ? b->p->tracking_stretch : b->p->tracking_shrink);
    return (md_sp)((track_unit(s, pm) * r) / MD_SP_PER_PT);
}

/* The letter-spacing of the line of items [i0, end) at glyph ratio r (× 65536): its gaps
 * between clusters, a gap before each box that continues a word (not the line's first), and
 * one before the hyphen that ends it (has_hyphen); with r = ±65536 what the gaps can give. */
static int64_t
line_tracking(const builder *b, size_t i0, size_t end, int has_hyphen, int64_t r)
{
    int64_t sum = 0;
    const box *last = NULL;
    for (size_t i = i0; i < end && r != 0; i++) {
        if (b->items[i].type != MD_KP_BOX || b->item_box[i] < 0)
            continue;
        const box *bx = &b->boxes[b->item_box[i]];
        size_t n = bx->gaps + (bx->is_joined && last != NULL);
        sum += (int64_t)n * track_at(b, bx->span->style, r);
        last = bx;
    }
    if (has_hyphen && last != NULL && is_tracked(last->run))
        sum += track_at(b, last->span->style, r);
    return sum;
}

/* How a justified line takes up its slack: glyphs widen or narrow by up to EXPANSION of
 * their width (as pdfTeX's font expansion in microtype, 2 %), the gaps between letters by up
 * to their letter-spacing limits, word spaces by their stretch (1/2 space) or shrink (1/3
 * space). All follow one ratio while the glyphs and letters can; past their limit the spaces
 * take the rest, as kp reckons (docs/kp.md), up to 1.5 times natural (ratio 1). What a line
 * still lacks then goes to its letter gaps, up to tracking_emergency, before the spaces grow
 * past 1.5 times (a loose line). Returns the space ratio and sets the glyph ratio (× 65536,
 * within ±1), the letter-spacing ratio (× 65536, of tracking_stretch or _shrink; past 1 only
 * in that emergency) and the glyph scale. */
static int32_t
justify(const builder *b, size_t i0, size_t end, int has_hyphen, md_sp slack, int64_t space_flex,
        int64_t glyph_flex, int32_t *glyph_r, int32_t *track_r, int32_t *xs)
{
    *xs = MD_SP_PER_PT;
    *glyph_r = *track_r = 0;
    int64_t track_flex = line_tracking(b, i0, end, has_hyphen, slack > 0 ? 65536 : -65536);
    track_flex = track_flex < 0 ? -track_flex : track_flex;
    int64_t total = space_flex + glyph_flex + track_flex;
    if (slack == 0 || total == 0)
        return 0;
    int64_t r = ((int64_t)slack * MD_SP_PER_PT) / total; /* × 65536 */
    int64_t limit = MD_SP_PER_PT;
    int64_t gr = r > limit ? limit : r < -limit ? -limit : r;
    int64_t tr = gr;
    /* What the glyphs and the letter gaps take, exactly as place_line sets them. */
    int64_t track_used = line_tracking(b, i0, end, has_hyphen, gr);
    int64_t glyph_used = (glyph_flex * gr) / MD_SP_PER_PT + track_used;
    *xs = MD_SP_PER_PT + (int32_t)((gr * EXPANSION_PER_MILLE) / 1000);
    *glyph_r = (int32_t)gr;
    if (space_flex == 0) {
        *track_r = (int32_t)tr;
        return 0;
    }
    int64_t lack = slack - glyph_used - space_flex; /* past spaces of 1.5 times natural */
    int32_t st_pm = track_limit(b->p->tracking_stretch);
    int32_t em_pm = track_limit(b->p->tracking_emergency);
    if (lack > 0 && track_flex > 0 && em_pm > st_pm) {
        /* The letter-spacing ratio that fills the lack, within tracking_emergency; found on
         * the rounded widths place_line draws (track_at truncates per box). */
        int64_t most = ((int64_t)em_pm * MD_SP_PER_PT) / st_pm;
        int64_t more = 0;
        for (int step = 0; step < 8 && more < lack && tr < most; step++) {
            int64_t up = ((lack - more) * MD_SP_PER_PT + track_flex - 1) / track_flex;
            tr = tr + up < most ? tr + up : most;
            more = line_tracking(b, i0, end, has_hyphen, tr) - track_used;
        }
        glyph_used += more;
    }
    *track_r = (int32_t)tr;
    int64_t space_r = ((slack - glyph_used) * MD_SP_PER_PT) / space_flex;
    if (space_r < -MD_SP_PER_PT)
        space_r = -MD_SP_PER_PT;
    if (space_r > INT32_MAX)
        space_r = INT32_MAX;
    return (int32_t)space_r;
}

/* Step 5: the glyphs of line number l, items (first, end), where end is the break. */
static md_status
place_line(builder *b, md_para *para, size_t l, size_t first, const md_kp_line *kl, int is_last)
{
    md_para_line *line = &para->lines[l];
    memset(line, 0, sizeof *line);
    size_t cap = 0;
    size_t end = kl->end < b->items_len ? kl->end : b->items_len;
    md_para_align align = is_last ? b->p->align_last : b->p->align;
    int is_set = align == MD_PARA_JUSTIFY;
    /* TeX §879: after a break, glue and penalties up to the next box are discarded. */
    size_t i0 = first;
    while (first > 0 && i0 < end && b->items[i0].type != MD_KP_BOX)
        i0++;
    int has_hyphen = kl->is_hyphenated && kl->end < b->items_len && b->items[kl->end].width > 0;
    /* The natural width, and what the spaces and the glyphs can give or take. */
    md_sp natural = 0, natural_end = 0;
    int64_t stretch = 0, shrink = 0, glyphs = 0, fil = 0;
    int has_space = 0; /* a word space, not only letter gaps of a word broken anywhere */
    for (size_t i = i0; i < end; i++) {
        const md_kp_item *it = &b->items[i];
        natural += it->type == MD_KP_PENALTY ? 0 : it->width;
        if (it->type == MD_KP_BOX) {
            natural_end = natural;
            glyphs += b->item_box[i] >= 0 ? it->width : 0;
        } else if (it->type == MD_KP_GLUE) {
            stretch += it->stretch;
            shrink += it->shrink;
            has_space |= it->width > 0;
            fil += it->stretch_fil;
        }
    }
    if (has_hyphen) {
        natural_end += b->items[kl->end].width;
        glyphs += b->items[kl->end].width;
    }
    /* Glue after the last box (a ragged line's margin) is not part of the line. */
    md_sp slack = b->widths[0] - natural_end;
    int32_t xs = MD_SP_PER_PT, space_r = 0, glyph_r = 0, track_r = 0;
    /* The last line of justified text keeps its natural spacing, unless the line breaker
     * shrank it to fit (TeX does the same). */
    if (!is_set && slack < 0 && b->p->align == MD_PARA_JUSTIFY)
        is_set = 1;
    /* Infinite stretch (a growing leader) takes all of a justified line's slack. */
    int is_filled = is_set && fil > 0 && slack > 0;
    if (is_set && !is_filled) {
        int64_t gflex = (glyphs * EXPANSION_PER_MILLE) / 1000;
        space_r = justify(b, i0, end, has_hyphen, slack, slack > 0 ? stretch : shrink, gflex,
                          &glyph_r, &track_r, &xs);
    }
    md_sp x = 0, x_end = 0, tr_end = 0;
    box last = {0};
    int has_box = 0;
    const md_para_span *last_span = NULL;
    const md_font *ext_font = NULL;
    md_sp ext_size = 0;
    md_status st = MD_OK;
    for (size_t i = i0; i < end && st == MD_OK; i++) {
        const md_kp_item *it = &b->items[i];
        if (it->type == MD_KP_BOX) {
            if (b->item_box[i] >= 0) {
                const box *bx = &b->boxes[b->item_box[i]];
                size_t before = line->runs_len;
                /* Letter-spacing: the same as line_tracking counted. */
                md_sp tr =
                    track_r != 0 && is_tracked(bx->run) ? track_at(b, bx->span->style, track_r) : 0;
                if (bx->is_joined && has_box)
                    x += tr;
                md_sp w = scaled(it->width, xs) + (md_sp)bx->gaps * tr;
                st = add_box_glyphs(b, line, &cap, &last, bx, x, xs, tr, b->text);
                if (st == MD_OK)
                    st = note_extent(b, line->runs_len - 1, line->runs_len > before, x, x + w,
                                     bx->run->level);
                /* Metrics cost a FreeType call: once per face and size met on the line. */
                const md_font *ef = bx->run->font ? bx->run->font : bx->span->style->font;
                if (ef != ext_font || bx->span->style->size != ext_size) {
                    font_extents(bx->span, bx->run->font, &line->ascent, &line->descent);
                    ext_font = ef;
                    ext_size = bx->span->style->size;
                }
                last_span = bx->span;
                tr_end = tr;
                has_box = 1;
                x += w;
            } else {
                x += it->width;
            }
            x_end = x;
        } else if (it->type == MD_KP_GLUE) {
            md_sp flex = space_r > 0 ? it->stretch : it->shrink;
            x += it->width + (md_sp)(((int64_t)flex * space_r) / MD_SP_PER_PT);
            if (is_filled)
                x += (md_sp)(((int64_t)slack * it->stretch_fil) / fil);
        }
    }
    if (st == MD_OK && has_hyphen && last_span != NULL) {
        x_end += tr_end;
        st = add_hyphen(b, line, &cap, last_span, x_end, xs);
        if (st == MD_OK)
            st = note_extent(b, line->runs_len - 1, 1, x_end,
                             x_end + scaled(b->items[kl->end].width, xs), 0);
        x_end += scaled(b->items[kl->end].width, xs);
        para->hyphens++;
    }
    if (st == MD_OK)
        reorder_runs(b, line);
    md_sp shift = 0;
    if (align == MD_PARA_END)
        shift = b->widths[0] - x_end;
    else if (align == MD_PARA_CENTER)
        shift = (b->widths[0] - x_end) / 2;
    if (shift > 0) {
        for (size_t r = 0; r < line->runs_len; r++)
            for (size_t g = 0; g < line->runs[r].glyphs_len; g++)
                line->runs[r].glyphs[g].x += shift;
    }
    line->width = x_end + (shift > 0 ? shift : 0);
    line->ratio = space_r;
    line->x_scale = xs;
    /* Letter-spacing in em: track_r of the limit, when the line has gaps to space. */
    if (track_r != 0 && line_tracking(b, i0, end, has_hyphen, track_r > 0 ? 65536 : -65536) != 0) {
        int32_t pm = track_limit(track_r > 0 ? b->p->tracking_stretch : b->p->tracking_shrink);
        line->tracking = (int32_t)(((int64_t)track_r * pm) / 1000);
        para->emergency_lines += track_r > MD_SP_PER_PT;
        if (line->tracking > para->max_tracking)
            para->max_tracking = line->tracking;
        if (line->tracking < para->min_tracking)
            para->min_tracking = line->tracking;
    }
    line->is_hyphenated = kl->is_hyphenated;
    /* Integer rounding of glyph scaling and glue may end a justified line a few sp (a
     * thousandth of a point) past the measure; only more than 0.01 pt counts. */
    line->is_overfull = line->width > b->widths[0] + MD_SP_PER_PT / 100;
    if (is_set && !is_ragged(b) && !has_space && line->width < b->widths[0] - MD_SP_PER_PT)
        para->short_lines++;
    if (is_set && !is_ragged(b) && has_space) {
        /* Word spaces are w + ratio × w/2 (stretch) or w + ratio × w/3 (shrink). */
        int32_t space = space_r > 0 ? MD_SP_PER_PT + space_r / 2 : MD_SP_PER_PT + space_r / 3;
        if (space > para->max_space_ratio)
            para->max_space_ratio = space;
        if (space_r > MD_SP_PER_PT)
            para->loose_lines++;
    }
    return st;
}

void
md_para_params_default(md_para_params *p, md_sp width)
{
    memset(p, 0, sizeof *p);
    p->width = width;
    p->align = MD_PARA_JUSTIFY;
    p->align_last = MD_PARA_START;
    p->max_hyphen_run = 1;
    p->last_word_penalty = LAST_WORD_PENALTY;
    p->lang = "sv";
    p->tracking_stretch = TRACKING_STRETCH;
    p->tracking_shrink = TRACKING_SHRINK;
    p->tracking_emergency = TRACKING_EMERGENCY;
}

/* Longest paragraph set, in bytes of text: a limit against hostile input (1 MiB). */
#define MAX_PARA_BYTES ((size_t)1 << 20)

md_status
md_para_set(const md_para_env *env, const md_para_span *spans, size_t spans_len,
            const md_para_params *p, md_arena *a, md_diags *d, const char *file, long line,
            md_para *out)
{
    md_status st = MD_OK;
    builder b = {.env = env,
                 .p = p,
                 .a = a,
                 .d = d,
                 .file = file,
                 .line = line,
                 .spans = spans,
                 .spans_len = spans_len};
    md_kp_line *lines = NULL;
    size_t lines_len = 0;
    memset(out, 0, sizeof *out);
    size_t len = 0;
    for (size_t i = 0; i < spans_len; i++)
        len += spans[i].len;
    if (len > MAX_PARA_BYTES) {
        md_diag_add(d, MD_DIAG_ERROR, file, line, 0,
                    "paragraph of %zu bytes is longer than the %zu the typesetter sets", len,
                    MAX_PARA_BYTES);
        return MD_ELIMIT;
    }
    if (len == 0)
        return MD_OK;
    b.len = len;
    b.text = md_arena_alloc(a, len + 1);
    b.span_at = md_alloc_array(len, sizeof *b.span_at);
    b.brk = md_alloc(len);
    b.hyph = md_alloc(len);
    b.emergency = md_alloc(len);
    b.space_w = md_alloc_array(spans_len, sizeof *b.space_w);
    b.hyphen_w = md_alloc_array(spans_len, sizeof *b.hyphen_w);
    b.widths = md_alloc(sizeof *b.widths);
    if (b.text == NULL || b.span_at == NULL || b.brk == NULL || b.hyph == NULL ||
        b.emergency == NULL || b.space_w == NULL || b.hyphen_w == NULL || b.widths == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    b.widths[0] = p->width;
    size_t at = 0;
    for (size_t i = 0; i < spans_len; i++) {
        memcpy(b.text + at, spans[i].text, spans[i].len);
        for (size_t k = 0; k < spans[i].len; k++)
            b.span_at[at + k] = i;
        at += spans[i].len;
    }
    for (size_t i = 0; i < spans_len && st == MD_OK; i++) {
        st = measure(&b, spans[i].style, " ", &b.space_w[i]);
        if (st == MD_OK)
            st = measure(&b, spans[i].style, "-", &b.hyphen_w[i]);
    }
    if (st != MD_OK)
        goto out;
    md_brk_find(b.text, len, p->lang, b.brk);
    b.last_word = len;
    while (b.last_word > 0 && token_end(&b, b.last_word - 1))
        b.last_word--;
    while (b.last_word > 0 && !token_end(&b, b.last_word - 1))
        b.last_word--;
    if ((st = find_hyphens(&b)) != MD_OK)
        goto out;

    /* When no set of lines fits within TeX's \tolerance, the tolerance is raised step by
     * step (up to 10000, where every line that is not overfull is acceptable) rather than
     * adding TeX's \emergencystretch: the badness still counts in full, so the breaker
     * keeps preferring a hyphen to a loose line, and only the line that must be loose is.
     * Only a word wider than the measure then remains, and gets emergency breaks. */
    md_kp_params kp;
    md_kp_params_default(&kp);
    kp.max_hyphen_run = p->max_hyphen_run;
    for (int pass = 0; pass < 3; pass++) {
        if ((st = build_items(&b)) != MD_OK)
            goto out;
        int any_overfull = 1;
        static const int32_t tolerances[] = {200, 400, 1000, 3000, 10000};
        for (size_t step = 0; step < 5 && any_overfull; step++) {
            kp.tolerance = tolerances[step];
            /* TeX's first pass, without hyphenation, fails the same way at every step. */
            kp.pretolerance = step == 0 && pass == 0 ? 100 : -1;
            kp.emergency_stretch = 0;
            kp.is_graded = tolerances[step] >= MD_KP_INF;
            md_free(lines);
            lines = NULL;
            st = md_kp_break(b.items, b.items_len, b.widths, 1, &kp, &lines, &lines_len);
            if (st != MD_OK)
                goto out;
            any_overfull = 0;
            for (size_t l = 0; l < lines_len; l++)
                any_overfull |= lines[l].is_overfull;
        }
        if (!any_overfull || pass == 2 || mark_emergency(&b) == 0)
            break;
    }
    out->lines = md_arena_alloc_array(a, lines_len ? lines_len : 1, sizeof *out->lines);
    if (out->lines == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    out->max_space_ratio = MD_SP_PER_PT;
    size_t first = 0;
    for (size_t l = 0; l < lines_len && st == MD_OK; l++) {
        st = place_line(&b, out, l, first, &lines[l], l + 1 == lines_len);
        /* The placed line decides: it knows the glyph expansion the breaker only guessed. */
        if (st == MD_OK && out->lines[l].is_overfull) {
            md_sp over = out->lines[l].width - p->width;
            md_diag_add(d, MD_DIAG_WARNING, file, line, 0,
                        "line %zu of the paragraph is overfull by %.1f pt", l + 1,
                        (double)over / MD_SP_PER_PT);
        }
        first = lines[l].end + 1;
    }
    out->lines_len = lines_len;
out:
    if (st == MD_ELIMIT)
        md_diag_add(d, MD_DIAG_ERROR, file, line, 0,
                    "a paragraph of %zu bytes is too large to set: a word wider than 32767 pt, "
                    "or more work than the line breaker allows; split the paragraph",
                    len);
    for (size_t i = 0; i < b.shaped_len; i++)
        md_shape_free(&b.shaped[i]);
    md_free(b.shaped);
    md_free(lines);
    md_free(b.items);
    md_free(b.item_box);
    md_free(b.boxes);
    md_free(b.span_at);
    md_free(b.brk);
    md_free(b.hyph);
    md_free(b.emergency);
    md_free(b.space_w);
    md_free(b.hyphen_w);
    md_free(b.widths);
    md_free(b.extents);
    return st;
}
