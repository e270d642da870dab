/* Tests of shape: ligatures, kerning, Swedish letters composed and decomposed, Arabic in its
 * fallback face right to left, runs of mixed text, widths in sp, invalid UTF-8. Expected
 * glyphs and advances come from HarfBuzz's own hb-shape 6.0.0 (Debian's libharfbuzz-bin) run
 * on the files in fonts/, e.g. `hb-shape --font-size=655360 fonts/NotoSans-Regular.ttf ffl`
 * (a size of 655360 makes its positions sp at 10 pt). */
#include "shape.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include "check.h"
#include "diag.h"
#include "font-hb.h"

#define PT10 (10 * MD_SP_PER_PT)

static md_font_set *set;
static md_font *sans;   /* NotoSans-Regular */
static md_arena *arena; /* for every result */

/* The glyph index of a glyph name in f (the post table), for expectations that do not come
 * from our own code. */
static uint32_t
gid(md_font *f, const char *name)
{
    return FT_Get_Name_Index(md_font_ft(f), name);
}

static md_shape_result
shape(md_font *f, const char *text)
{
    md_shape_result r = {0};
    CHECK_INT(md_shape_text(set, f, PT10, "sv", text, strlen(text), arena, &r), MD_OK);
    return r;
}

/* hb-shape: [fi=0+602] and [f_f_l=0+946]: Noto Sans has fi, fl, ff, ffi, ffl in liga. */
static void
test_ligatures(void)
{
    md_shape_result r = shape(sans, "fi");
    CHECK_INT(r.runs_len, 1);
    CHECK_INT(r.runs[0].glyphs_len, 1);
    CHECK_INT(r.runs[0].glyphs[0].id, gid(sans, "fi"));
    CHECK(gid(sans, "fi") != 0);
    CHECK_INT(r.runs[0].glyphs[0].cluster, 0);
    CHECK_INT(r.runs[0].start, 0);
    CHECK_INT(r.runs[0].len, 2); /* the ligature stands for the whole input */
    md_shape_free(&r);

    r = shape(sans, "ffl");
    CHECK_INT(r.runs_len, 1);
    CHECK_INT(r.runs[0].glyphs_len, 1);
    CHECK_INT(r.runs[0].glyphs[0].id, gid(sans, "f_f_l"));
    CHECK_INT(r.runs[0].glyphs[0].cluster, 0);
    CHECK_INT(r.runs[0].len, 3);
    /* hb-shape --font-size=655360: [f_f_l=0+619971]; 946 units × 655.36 = 619970.56. */
    CHECK_INT(r.runs[0].glyphs[0].x_advance, 619971);
    CHECK_INT(r.width, 619971);
    md_shape_free(&r);

    /* "Officiell" keeps its ffi as one glyph, at cluster 1 (after "O"). */
    r = shape(sans, "Officiell");
    CHECK_INT(r.runs[0].glyphs_len, 7);
    CHECK_INT(r.runs[0].glyphs[1].id, gid(sans, "f_f_i"));
    CHECK_INT(r.runs[0].glyphs[1].cluster, 1);
    CHECK_INT(r.runs[0].glyphs[2].cluster, 4);
    md_shape_free(&r);
}

/* Kerning without running a program: "AV" is narrower than "A" and "V" apart. hb-shape:
 * A alone 639 units, with V after it 599 (kern −40), V 600. */
static void
test_kerning(void)
{
    md_shape_result av = shape(sans, "AV");
    md_shape_result a = shape(sans, "A");
    md_shape_result v = shape(sans, "V");
    CHECK(av.width < a.width + v.width);
    CHECK_INT(a.width, 418775);                     /* 639 × 655.36 = 418775.04 */
    CHECK_INT(av.width, 785777);                    /* hb-shape: A=0+392561|V=1+393216 */
    CHECK_INT(a.width + v.width - av.width, 26214); /* 40 units */
    md_shape_free(&av);
    md_shape_free(&a);
    md_shape_free(&v);
}

/* Å and ö precomposed are one glyph each; o + U+0308 is composed by HarfBuzz's normaliser to
 * the same glyph (hb-shape: [odieresis=0+605]). */
static void
test_swedish(void)
{
    md_shape_result r = shape(sans, "Å");
    CHECK_INT(r.runs[0].glyphs_len, 1);
    CHECK_INT(r.runs[0].glyphs[0].id, gid(sans, "Aring"));
    CHECK_INT(r.runs[0].glyphs[0].cluster, 0);
    md_shape_free(&r);
    r = shape(sans, "ö");
    CHECK_INT(r.runs[0].glyphs_len, 1);
    CHECK_INT(r.runs[0].glyphs[0].id, gid(sans, "odieresis"));
    CHECK_INT(r.runs[0].glyphs[0].cluster, 0);
    md_shape_free(&r);
    r = shape(sans, "o\xCC\x88");
    CHECK_INT(r.runs_len, 1);
    CHECK_INT(r.runs[0].glyphs_len, 1);
    CHECK_INT(r.runs[0].glyphs[0].id, gid(sans, "odieresis"));
    CHECK_INT(r.runs[0].glyphs[0].cluster, 0);
    CHECK_INT(r.runs[0].len, 3);
    md_shape_free(&r);
    /* q + U+0307 has no precomposed form: a mark positioned by GPOS, in q's cluster.
     * hb-shape: [q=0+615|uni0307=0@-307,0+0]. */
    r = shape(sans, "q\xCC\x87");
    CHECK_INT(r.runs_len, 1);
    CHECK_INT(r.runs[0].glyphs_len, 2);
    CHECK_INT(r.runs[0].glyphs[1].id, gid(sans, "uni0307"));
    CHECK_INT(r.runs[0].glyphs[1].cluster, 0);
    CHECK_INT(r.runs[0].glyphs[1].x_advance, 0);
    CHECK_INT(r.runs[0].glyphs[1].x_offset, -201195); /* hb-shape; −307 × 655.36 = −201195.52 */
    CHECK_INT(r.runs[0].glyphs[1].y_offset, 0);
    md_shape_free(&r);
}

/* "Örebro" at 10 pt: hb-shape --font-size=655360 gives advances 511836 257557 369623 403046
 * 257557 396493 (781 393 564 615 393 605 units), 2196112 sp ≈ 33.51 pt. */
static void
test_width(void)
{
    md_shape_result r = shape(sans, "Örebro");
    CHECK_INT(r.runs_len, 1);
    CHECK_INT(r.runs[0].glyphs_len, 6);
    int64_t sum = 0;
    for (size_t i = 0; i < r.runs[0].glyphs_len; i++)
        sum += r.runs[0].glyphs[i].x_advance;
    CHECK_INT(r.width, sum);
    CHECK_INT(r.runs[0].width, sum);
    CHECK_INT(r.width, 2196112);
    CHECK(r.width > 25 * MD_SP_PER_PT && r.width < 45 * MD_SP_PER_PT);
    CHECK_INT(r.runs[0].glyphs[0].x_advance, 511836);
    CHECK_INT(r.runs[0].glyphs[5].cluster, 6); /* "Ö" is two bytes */
    CHECK_INT(r.runs[0].script, HB_SCRIPT_LATIN);
    CHECK_INT(r.runs[0].level, 0);
    md_shape_free(&r);
    /* Twice the size, twice the width, to rounding (one sp per glyph at most). */
    md_shape_result r2 = {0};
    CHECK_INT(md_shape_text(set, sans, 2 * PT10, NULL, "Örebro", 7, arena, &r2), MD_OK);
    CHECK(r2.width - 2 * 2196112 <= 6 && 2 * 2196112 - r2.width <= 6);
    md_shape_free(&r2);
}

/* محمد set in Noto Sans: one RTL run in Noto Sans Arabic. hb-shape on NotoSansArabic-Regular:
 * [uniFEAA=3+532|uniFEE4=2+578|uniFEA4=1+637|uniFEE3=0+525]: four glyphs in visual order,
 * clusters descending (our clusters are bytes: two per letter). */
static void
test_arabic(void)
{
    md_shape_result r = shape(sans, "محمد");
    CHECK_INT(r.runs_len, 1);
    md_shape_run *run = &r.runs[0];
    CHECK_STR(md_font_name(run->font), "NotoSansArabic-Regular");
    CHECK_INT(run->is_rtl, 1);
    CHECK_INT(run->level, 1);
    CHECK_INT(run->script, HB_SCRIPT_ARABIC);
    CHECK_INT(run->glyphs_len, 4);
    static const char *const names[] = {"uniFEAA", "uniFEE4", "uniFEA4", "uniFEE3"};
    for (size_t i = 0; i < 4 && i < run->glyphs_len; i++) {
        CHECK_INT(run->glyphs[i].id, gid(run->font, names[i]));
        CHECK_INT(run->glyphs[i].cluster, 6 - 2 * i);
    }
    CHECK_INT(run->width, 1488978); /* hb-shape: 348652 + 378798 + 417464 + 344064 */
    CHECK_INT(r.missing_len, 0);
    md_shape_free(&r);
}

/* "Möte med محمد kl. 16.00": the Latin text, the name right to left in the Arabic face, the
 * rest (its leading space is between R and L, so it is L by UAX #9 N1/N2). */
static void
test_mixed(void)
{
    const char *t = "Möte med محمد kl. 16.00";
    md_shape_result r = shape(sans, t);
    CHECK_INT(r.runs_len, 3);
    if (r.runs_len == 3) {
        CHECK_STR(md_font_name(r.runs[0].font), "NotoSans-Regular");
        CHECK_STR(md_font_name(r.runs[1].font), "NotoSansArabic-Regular");
        CHECK_STR(md_font_name(r.runs[2].font), "NotoSans-Regular");
        CHECK_INT(r.runs[0].is_rtl, 0);
        CHECK_INT(r.runs[1].is_rtl, 1);
        CHECK_INT(r.runs[2].is_rtl, 0);
        CHECK_INT(r.runs[0].start, 0);
        CHECK_INT(r.runs[0].len, 10); /* "Möte med " */
        CHECK_INT(r.runs[1].start, 10);
        CHECK_INT(r.runs[1].len, 8);
        CHECK_INT(r.runs[2].start, 18);
        CHECK_INT(r.runs[2].len, strlen(t) - 18);
        CHECK_INT(r.runs[1].glyphs[0].cluster, 16);
        CHECK_INT(r.width, r.runs[0].width + r.runs[1].width + r.runs[2].width);
        size_t order[3];
        md_shape_visual_order(r.runs, 3, order);
        CHECK(order[0] == 0 && order[1] == 1 && order[2] == 2);
    }
    md_shape_free(&r);

    /* Digits inside Arabic keep their order (level 2), and the line reads right to left:
     * UAX #9 L2 puts علي first, then 16, then محمد. */
    r = shape(sans, "محمد 16 علي");
    CHECK_INT(r.runs_len, 3);
    if (r.runs_len == 3) {
        CHECK_INT(r.runs[0].level, 1);
        CHECK_INT(r.runs[1].level, 2);
        CHECK_INT(r.runs[2].level, 1);
        CHECK_INT(r.runs[1].is_rtl, 0);
        CHECK_INT(r.runs[1].glyphs[0].cluster, 9); /* "1" before "6", left to right */
        CHECK_INT(r.runs[1].glyphs[1].cluster, 10);
        size_t order[3];
        md_shape_visual_order(r.runs, 3, order);
        CHECK(order[0] == 2 && order[1] == 1 && order[2] == 0);
    }
    md_shape_free(&r);

    /* Two Arabic words with a space between: one run, the space in the Arabic face. */
    r = shape(sans, "محمد علي");
    CHECK_INT(r.runs_len, 1);
    md_shape_free(&r);
}

/* Symbols and emoji come from the fallback faces; the spaces around them stay in Noto Sans. */
static void
test_symbols(void)
{
    md_shape_result r = shape(sans, "≥ 5 → ✓ 😀");
    const char *want[] = {"NotoSansMath-Regular",
                          "NotoSans-Regular",
                          "NotoSansMath-Regular",
                          "NotoSans-Regular",
                          "NotoSansSymbols2-Regular",
                          "NotoSans-Regular",
                          "Symbola"};
    CHECK_INT(r.runs_len, 7);
    for (size_t i = 0; i < r.runs_len && i < 7; i++) {
        CHECK_STR(md_font_name(r.runs[i].font), want[i]);
        CHECK(r.runs[i].glyphs_len >= 1 && r.runs[i].glyphs[0].id != 0);
        CHECK_INT(r.runs[i].level, 0);
    }
    CHECK_INT(r.missing_len, 0);
    md_shape_free(&r);

    /* A character no face has: one .notdef, reported. */
    r = shape(sans, "a\xF4\x8F\xBF\xBD"
                    "b"); /* U+10FFFD */
    CHECK_INT(r.missing_len, 1);
    CHECK_INT(r.missing_cp, 0x10FFFD);
    md_shape_free(&r);
}

/* Bad UTF-8 draws U+FFFD, one per bad byte, with byte clusters; nothing crashes. */
static void
test_invalid_utf8(void)
{
    md_font_hb(sans, PT10);
    md_shape_result r = shape(sans, "a\xFF"
                                    "b\xC3");
    CHECK_INT(r.runs_len, 1);
    CHECK_INT(r.runs[0].glyphs_len, 4);
    uint32_t fffd = FT_Get_Char_Index(md_font_ft(sans), 0xFFFD);
    CHECK(fffd != 0);
    for (size_t i = 0; i < 4 && i < r.runs[0].glyphs_len; i++)
        CHECK_INT(r.runs[0].glyphs[i].cluster, i);
    if (r.runs[0].glyphs_len == 4) {
        CHECK_INT(r.runs[0].glyphs[1].id, fffd);
        CHECK_INT(r.runs[0].glyphs[3].id, fffd);
    }
    CHECK_INT(r.missing_len, 0);
    md_shape_free(&r);
    /* Overlong, surrogate, truncated, lone continuation bytes, a NUL. */
    static const char bad[] = "\xC0\xAF\xED\xA0\x80\xF0\x9F\x98\x80\x80\x80\xE2\x82\0x";
    md_shape_result r2 = {0};
    CHECK_INT(md_shape_text(set, sans, PT10, "sv", bad, sizeof bad - 1, arena, &r2), MD_OK);
    CHECK(r2.runs_len >= 1);
    md_shape_free(&r2);
}

static void
test_edges(void)
{
    md_shape_result r = {0};
    CHECK_INT(md_shape_text(set, sans, PT10, "sv", "", 0, arena, &r), MD_OK);
    CHECK_INT(r.runs_len, 0);
    CHECK_INT(r.width, 0);
    CHECK_INT(md_shape_text(set, sans, 0, "sv", "a", 1, arena, &r), MD_ELIMIT);
    CHECK_INT(md_shape_text(set, sans, 1001 * MD_SP_PER_PT, "sv", "a", 1, arena, &r), MD_ELIMIT);
    CHECK_INT(md_shape_text(set, sans, PT10, "sv", NULL, 1, arena, &r), MD_EBUG);
    /* 64 "W" at 1000 pt are 36 m wide, beyond the md_sp range (32767 pt, 11.6 m). */
    char w[65];
    memset(w, 'W', 64);
    w[64] = '\0';
    CHECK_INT(md_shape_text(set, sans, 1000 * MD_SP_PER_PT, "sv", w, 64, arena, &r), MD_ELIMIT);
    CHECK_INT(md_shape_text(set, sans, 1000 * MD_SP_PER_PT, "sv", w, 8, arena, &r), MD_OK);
    CHECK(r.width > 4000 * MD_SP_PER_PT);
    md_shape_free(&r);
    /* The same length split over runs (a symbol between) overflows the total only. */
    CHECK_INT(md_shape_text(set, sans, 1000 * MD_SP_PER_PT, "sv",
                            "WWWWWWWWWWWWWWWWWWWWW≥WWWWWWWWWWWWWWWWWWWWW", 45, arena, &r),
              MD_ELIMIT);
    /* Without a set there is no fallback: Arabic becomes .notdef in Noto Sans. */
    CHECK_INT(md_shape_text(NULL, sans, PT10, "sv", "ب", 2, arena, &r), MD_OK);
    CHECK_INT(r.runs_len, 1);
    CHECK_INT(r.missing_len, 1);
    CHECK_INT(r.missing_cp, 0x0628);
    md_shape_free(&r);
    md_shape_free(NULL);
    /* The visual order of nothing, and of one LTR run, is trivial. */
    md_shape_visual_order(NULL, 0, NULL);
}

/* A run keeps its font: the result outlives the set. */
static void
test_keep(void)
{
    md_font_set *s = NULL;
    md_diags *d = md_diags_new();
    md_font *f = NULL;
    md_shape_result r = {0};
    CHECK_INT(md_font_set_load("fonts", d, &s), MD_OK);
    CHECK_INT(md_font_lookup(s, "serif", 700, 0, d, &f), MD_OK);
    CHECK_INT(md_shape_text(s, f, PT10, "sv", "Kallelse ب", 11, arena, &r), MD_OK);
    md_font_set_free(s);
    CHECK_INT(r.runs_len, 2);
    CHECK_STR(md_font_name(r.runs[0].font), "NotoSerif-Bold");
    CHECK_STR(md_font_name(r.runs[1].font), "NotoSansArabic-Bold");
    CHECK(md_font_has(r.runs[1].font, 0x0628));
    md_shape_free(&r);
    CHECK_INT(r.runs_len, 0);
    md_diags_free(d);
}

/* Failing the 1st, 2nd, … allocation gives MD_ENOMEM, no leak, until shaping succeeds. */
static void
test_alloc_failure(void)
{
    const char *t = "Möte med محمد kl. 16.00 → ✓";
    md_status st = MD_ENOMEM;
    unsigned long n;
    for (n = 1; st == MD_ENOMEM && n < 100; n++) {
        md_arena *a = md_arena_new();
        md_shape_result r = {0};
        md_alloc_fail_at(n);
        st = a != NULL ? md_shape_text(set, sans, PT10, "sv", t, strlen(t), a, &r) : MD_ENOMEM;
        md_alloc_fail_at(0);
        if (st == MD_OK)
            CHECK_INT(r.runs_len, 6);
        md_shape_free(&r);
        md_arena_free(a);
    }
    CHECK_INT(st, MD_OK);
    CHECK(n > 2);
}

/* Words are kept once shaped (per font set): a second call gives the same glyphs in arrays of
 * its own, and a different size, language or font is shaped anew. */
static void
test_cache(void)
{
    const char *w = "kommunledningsförvaltningen";
    md_shape_result a = shape(sans, w), b = shape(sans, w);
    CHECK_INT(a.runs_len, 1);
    CHECK_INT(b.runs_len, 1);
    CHECK_INT(a.width, b.width);
    CHECK(a.runs_len == 1 && b.runs_len == 1 && a.runs[0].glyphs_len == b.runs[0].glyphs_len &&
          memcmp(a.runs[0].glyphs, b.runs[0].glyphs,
                 a.runs[0].glyphs_len * sizeof *a.runs[0].glyphs) == 0);
    /* Copies: changing one result leaves the next alone. */
    CHECK(a.runs != b.runs && a.runs[0].glyphs != b.runs[0].glyphs);
    a.runs[0].glyphs[0].x_advance += 1000;
    md_shape_result c = shape(sans, w);
    CHECK(c.runs_len == 1 && c.runs[0].glyphs[0].x_advance == b.runs[0].glyphs[0].x_advance);
    /* Twice the size: twice the width (to rounding), so not the kept 10 pt result. */
    md_shape_result d = {0};
    CHECK_INT(md_shape_text(set, sans, 2 * PT10, "sv", w, strlen(w), arena, &d), MD_OK);
    CHECK(d.width > 2 * b.width - 64 && d.width < 2 * b.width + 64);
    /* Another font of the set: another width. */
    md_font *bold = NULL;
    CHECK_INT(md_font_lookup(set, "sans-serif", 700, 0, NULL, &bold), MD_OK);
    md_shape_result e = bold != NULL ? shape(bold, w) : (md_shape_result){0};
    CHECK(e.runs_len == 1 && e.runs[0].font == bold && e.width > b.width);
    /* A long text (not kept) and an empty one. */
    char long_text[200];
    memset(long_text, 'a', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    md_shape_result f1 = shape(sans, long_text), f2 = shape(sans, long_text);
    CHECK(f1.width > 0 && f1.width == f2.width);
    md_shape_result g = shape(sans, "");
    CHECK_INT(g.runs_len, 0);
    md_shape_free(&a);
    md_shape_free(&b);
    md_shape_free(&c);
    md_shape_free(&d);
    md_shape_free(&e);
    md_shape_free(&f1);
    md_shape_free(&f2);
    md_shape_free(&g);
}

int
main(void)
{
    md_diags *d = md_diags_new();
    arena = md_arena_new();
    CHECK_INT(md_font_set_load("fonts", d, &set), MD_OK);
    CHECK_INT(md_font_lookup(set, "sans-serif", 400, 0, d, &sans), MD_OK);
    if (set != NULL && sans != NULL) {
        test_ligatures();
        test_kerning();
        test_swedish();
        test_width();
        test_arabic();
        test_mixed();
        test_symbols();
        test_invalid_utf8();
        test_edges();
        test_keep();
        test_alloc_failure();
        test_cache();
    }
    md_font_set_free(set);
    md_arena_free(arena);
    md_diags_free(d);
    return check_done();
}
