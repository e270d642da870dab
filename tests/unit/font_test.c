/* Tests of font: the set in fonts/ matches tests/fonts.sha256, nothing outside fonts/ is used
 * and nothing is written, face choice, the fallback chain, metrics against the fonts' own
 * tables (read with fontTools), and errors for a missing directory or file. */
/* realpath is XSI. */
#define _XOPEN_SOURCE 700

#include "font.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include <fontconfig/fontconfig.h>

#include "check.h"
#include "diag.h"

#define FONT_DIR "fonts"
#define N_FONTS 13

/* --- SHA-256 (FIPS 180-4), to check tests/fonts.sha256 without running a program ---------- */

typedef struct sha256 {
    uint32_t h[8];
    unsigned char block[64];
    size_t block_len;
    uint64_t total;
} sha256;

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t
ror(uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

static void
sha_block(sha256 *s, const unsigned char *p)
{
    uint32_t w[64], v[8];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(v, s->h, sizeof v);
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = v[7] + (ror(v[4], 6) ^ ror(v[4], 11) ^ ror(v[4], 25)) +
                      ((v[4] & v[5]) ^ (~v[4] & v[6])) + sha_k[i] + w[i];
        uint32_t t2 = (ror(v[0], 2) ^ ror(v[0], 13) ^ ror(v[0], 22)) +
                      ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof v[0]);
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        s->h[i] += v[i];
}

static void
sha_init(sha256 *s)
{
    static const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(s->h, h0, sizeof h0);
    s->block_len = 0;
    s->total = 0;
}

static void
sha_add(sha256 *s, const unsigned char *p, size_t n)
{
    s->total += n;
    while (n > 0) {
        size_t k = 64 - s->block_len < n ? 64 - s->block_len : n;
        memcpy(s->block + s->block_len, p, k);
        s->block_len += k;
        p += k;
        n -= k;
        if (s->block_len == 64) {
            sha_block(s, s->block);
            s->block_len = 0;
        }
    }
}

/* Finishes and writes 64 hex digits and a NUL. */
static void
sha_hex(sha256 *s, char out[65])
{
    uint64_t bits = s->total * 8;
    unsigned char pad[72] = {0x80};
    size_t n = (s->block_len < 56 ? 56 : 120) - s->block_len;
    for (int i = 0; i < 8; i++)
        pad[n + (size_t)i] = (unsigned char)(bits >> (56 - 8 * i));
    sha_add(s, pad, n + 8);
    for (int i = 0; i < 8; i++)
        snprintf(out + 8 * i, 9, "%08x", (unsigned)s->h[i]);
}

static int
sha_file(const char *path, char out[65])
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return 0;
    sha256 s;
    sha_init(&s);
    unsigned char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        sha_add(&s, buf, n);
    fclose(fp);
    sha_hex(&s, out);
    return 1;
}

/* --- tests ----------------------------------------------------------------------------- */

static void
test_sha256_itself(void)
{
    /* FIPS 180-4 examples: "abc" and the 448-bit message (padding crosses a block). */
    sha256 s;
    char hex[65];
    sha_init(&s);
    sha_add(&s, (const unsigned char *)"abc", 3);
    sha_hex(&s, hex);
    CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha_init(&s);
    sha_add(&s, (const unsigned char *)m, strlen(m));
    sha_hex(&s, hex);
    CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* Every line of tests/fonts.sha256 matches its file, and every font file in fonts/ is listed. */
static void
test_hashes(void)
{
    FILE *fp = fopen("tests/fonts.sha256", "r");
    CHECK(fp != NULL);
    if (fp == NULL)
        return;
    char line[512], listed[64][256];
    int n = 0;
    while (fgets(line, sizeof line, fp) != NULL && n < 64) {
        char want[65], path[256], got[65];
        if (sscanf(line, "%64s %255s", want, path) != 2)
            continue;
        CHECK(sha_file(path, got));
        if (strcmp(got, want) != 0)
            printf("%s: sha256 %s, tests/fonts.sha256 says %s\n", path, got, want);
        CHECK(strcmp(got, want) == 0);
        snprintf(listed[n++], sizeof listed[0], "%s", path);
    }
    fclose(fp);
    CHECK_INT(n, N_FONTS);
    DIR *dir = opendir(FONT_DIR);
    CHECK(dir != NULL);
    struct dirent *e;
    int nfiles = 0;
    while (dir != NULL && (e = readdir(dir)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 4 ||
            (strcmp(e->d_name + len - 4, ".ttf") != 0 && strcmp(e->d_name + len - 4, ".otf") != 0))
            continue;
        nfiles++;
        char path[300];
        snprintf(path, sizeof path, FONT_DIR "/%s", e->d_name);
        int found = 0;
        for (int i = 0; i < n; i++)
            found |= strcmp(listed[i], path) == 0;
        if (!found)
            printf("%s is not in tests/fonts.sha256\n", path);
        CHECK(found);
    }
    if (dir != NULL)
        closedir(dir);
    CHECK_INT(nfiles, N_FONTS);
}

/* The set loads; every face is a file under fonts/ (no system font); nothing is written to the
 * home directory, a cache directory or fonts/. */
static void
test_load(md_font_set *s)
{
    char root[PATH_MAX], real[PATH_MAX];
    CHECK(realpath(FONT_DIR, root) != NULL);
    strcat(root, "/");
    CHECK_INT(md_font_set_len(s), N_FONTS);
    for (size_t i = 0; i < md_font_set_len(s); i++) {
        const char *path = md_font_path(md_font_set_at(s, i));
        CHECK(realpath(path, real) != NULL && strncmp(real, root, strlen(root)) == 0);
    }
    CHECK(md_font_set_at(s, N_FONTS) == NULL);
}

static md_font *
lookup(md_font_set *s, const char *family, int weight, int is_italic, md_diags *d)
{
    md_font *f = NULL;
    CHECK_INT(md_font_lookup(s, family, weight, is_italic, d, &f), MD_OK);
    return f;
}

static void
test_lookup(md_font_set *s)
{
    md_diags *d = md_diags_new();
    md_font *r = lookup(s, "sans-serif", 400, 0, d);
    md_font *i = lookup(s, "sans-serif", 400, 1, d);
    md_font *b = lookup(s, "sans", 700, 0, d);
    md_font *bi = lookup(s, "Noto Sans", 700, 1, d);
    CHECK_STR(md_font_name(r), "NotoSans-Regular");
    CHECK_STR(md_font_name(i), "NotoSans-Italic");
    CHECK_STR(md_font_name(b), "NotoSans-Bold");
    CHECK_STR(md_font_name(bi), "NotoSans-BoldItalic");
    CHECK(r != i && r != b && r != bi && i != b && i != bi && b != bi);
    CHECK_INT(md_font_weight(b), 700);
    CHECK_INT(md_font_is_italic(bi), 1);
    CHECK_INT(md_font_is_italic(b), 0);
    CHECK_STR(md_font_family(r), "Noto Sans");
    /* CSS Fonts 3 §5.2: 500 tries 400 first, 600 tries heavier first, 300 lighter then
     * heavier. */
    CHECK(lookup(s, "sans-serif", 500, 0, d) == r);
    CHECK(lookup(s, "sans-serif", 600, 0, d) == b);
    CHECK(lookup(s, "sans-serif", 300, 0, d) == r);
    CHECK(lookup(s, "sans-serif", 900, 1, d) == bi);
    CHECK_STR(md_font_name(lookup(s, "serif", 700, 1, d)), "NotoSerif-BoldItalic");
    /* A list: the first family we have wins, quotes and case do not matter. */
    CHECK_STR(md_font_name(lookup(s, " 'Arial' , \"noto serif\", sans-serif", 400, 0, d)),
              "NotoSerif-Regular");
    /* An Arabic face has no italic: the upright one is nearest. */
    CHECK_STR(md_font_name(lookup(s, "Noto Sans Arabic", 700, 1, d)), "NotoSansArabic-Bold");
    CHECK_INT(md_diags_count(d, MD_DIAG_WARNING), 0);
    /* Unknown family: the main family, and one warning. */
    CHECK(lookup(s, "Comic Sans MS", 400, 0, d) == r);
    CHECK_INT(md_diags_count(d, MD_DIAG_WARNING), 1);
    md_buf msg = {0};
    md_diags_render(d, &msg);
    CHECK(msg.data != NULL && strstr(msg.data, "Comic Sans MS") != NULL);
    md_buf_free(&msg);
    md_font *f = NULL;
    CHECK_INT(md_font_lookup(s, "sans", 0, 0, d, &f), MD_EBUG);
    CHECK(f == NULL);
    md_diags_free(d);
}

/* An independent check that the file of f maps cp: a FreeType face of our own. */
static int
file_has(FT_Library lib, const md_font *f, uint32_t cp)
{
    FT_Face face;
    if (FT_New_Face(lib, md_font_path(f), 0, &face) != 0)
        return 0;
    int has = FT_Get_Char_Index(face, cp) != 0;
    FT_Done_Face(face);
    return has;
}

static void
test_fallback(md_font_set *s)
{
    FT_Library lib;
    CHECK_INT(FT_Init_FreeType(&lib), 0);
    md_diags *d = md_diags_new();
    md_font *r = lookup(s, "sans", 400, 0, d);
    md_font *b = lookup(s, "sans", 700, 0, d);
    md_font *ar = lookup(s, "Noto Sans Arabic", 400, 0, d);
    static const struct {
        uint32_t cp;
        const char *from, *want;
    } cases[] = {
        {0x0628, "NotoSans-Regular", "NotoSansArabic-Regular"},    /* ب */
        {0x0628, "NotoSans-Bold", "NotoSansArabic-Bold"},          /* ب in bold */
        {0x2265, "NotoSans-Regular", "NotoSansMath-Regular"},      /* ≥ */
        {0x2192, "NotoSans-Regular", "NotoSansMath-Regular"},      /* → */
        {0x2212, "NotoSans-Regular", "NotoSansMath-Regular"},      /* − minus sign */
        {0x2713, "NotoSans-Regular", "NotoSansSymbols2-Regular"},  /* ✓ */
        {0x1F600, "NotoSans-Regular", "Symbola"},                  /* 😀 */
        {0x1F600, "NotoSans-Bold", "Symbola"},                     /* 😀 in bold */
        {0x1F44D, "NotoSans-Regular", "NotoSansSymbols2-Regular"}, /* 👍 */
        {0x2705, "NotoSans-Regular", "Symbola"},                   /* ✅ */
        {0x0436, "NotoSansArabic-Regular", "NotoSans-Regular"},    /* ж from an Arabic face */
        {0x00D6, "NotoSansArabic-Regular", "NotoSans-Regular"},    /* Ö from an Arabic face */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        md_font *from = strcmp(cases[i].from, "NotoSans-Bold") == 0            ? b
                        : strcmp(cases[i].from, "NotoSansArabic-Regular") == 0 ? ar
                                                                               : r;
        md_font *got = md_font_for(s, from, cases[i].cp);
        CHECK_STR(md_font_name(got), cases[i].want);
        /* The fallback is real: the starting face lacks the glyph, the chosen file has it. */
        CHECK(!file_has(lib, from, cases[i].cp));
        CHECK(file_has(lib, got, cases[i].cp));
        CHECK(md_font_has(got, cases[i].cp));
    }
    /* The main font has Cyrillic, Greek and the Swedish letters itself. */
    static const uint32_t own[] = {0x0436, 0x03B1, 0xC5,   0xC4,   0xD6,   0xE5, 0xE4,
                                   0xF6,   0xE9,   0x2013, 0x201D, 0x20AC, 0xA0, 0xFFFD};
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) {
        CHECK(md_font_for(s, r, own[i]) == r);
        CHECK(file_has(lib, r, own[i]));
    }
    /* No face has a private-use character of plane 16: the starting face comes back. */
    CHECK(md_font_for(s, r, 0x10FFFD) == r);
    CHECK(!md_font_has(r, 0x10FFFD));
    md_diags_free(d);
    FT_Done_FreeType(lib);
}

/* Noto Sans Regular's tables (fontTools): upm 1000, hhea 1069/-293/0, OS/2 sxHeight 536,
 * sCapHeight 714, yStrikeout 322/50, post underline -100/50, space 260. At 10 pt an em is
 * 655360 sp, so a unit is 655.36 sp. */
static void
test_metrics(md_font_set *s)
{
    md_font *r = lookup(s, "sans", 400, 0, NULL);
    md_font_metrics m;
    md_font_metrics_at(r, 10 * MD_SP_PER_PT, &m);
    CHECK_INT(m.ascender, 700580);  /* 1069 × 655.36 = 700579.84 */
    CHECK_INT(m.descender, 192020); /* 293 × 655.36 = 192020.48 */
    CHECK_INT(m.line_gap, 0);
    CHECK_INT(m.x_height, 351273);          /* 536 × 655.36 = 351272.96 */
    CHECK_INT(m.cap_height, 467927);        /* 714 × 655.36 = 467927.04 */
    CHECK_INT(m.underline_position, 65536); /* 100 × 655.36 */
    CHECK_INT(m.underline_thickness, 32768);
    CHECK_INT(m.strikeout_position, 211026); /* 322 × 655.36 = 211025.92 */
    CHECK_INT(m.strikeout_thickness, 32768);
    CHECK_INT(m.space_width, 170394); /* 260 × 655.36 = 170393.6 */
    /* Twice the size, twice the values (to the sp). */
    md_font_metrics m2;
    md_font_metrics_at(r, 20 * MD_SP_PER_PT, &m2);
    CHECK_INT(m2.space_width, 340787); /* 340787.2 */
    CHECK_INT(m2.ascender, 1401160);
}

/* A face kept by a glyph run outlives the set. */
static void
test_keep(void)
{
    md_font_set *s = NULL;
    md_diags *d = md_diags_new();
    CHECK_INT(md_font_set_load(FONT_DIR, d, &s), MD_OK);
    md_font *f = md_font_keep(lookup(s, "serif", 400, 1, d));
    md_font_set_free(s);
    CHECK_STR(md_font_name(f), "NotoSerif-Italic");
    CHECK(md_font_has(f, 0xE5));
    md_font_metrics m;
    md_font_metrics_at(f, 10 * MD_SP_PER_PT, &m);
    CHECK(m.ascender > 0);
    md_font_drop(f);
    md_font_drop(NULL);
    md_font_set_free(NULL);
    md_diags_free(d);
}

static char tmp_root[] = "/tmp/md-font-test-XXXXXX";

/* Makes dir with links to every file of fonts/ except skip (NULL: none). */
static void
make_font_dir(const char *dir, const char *skip)
{
    char root[PATH_MAX], from[PATH_MAX + 300], to[PATH_MAX + 300];
    CHECK(realpath(FONT_DIR, root) != NULL);
    CHECK_INT(mkdir(dir, 0700), 0);
    DIR *dh = opendir(root);
    struct dirent *e;
    while (dh != NULL && (e = readdir(dh)) != NULL) {
        if (e->d_name[0] == '.' || (skip != NULL && strcmp(e->d_name, skip) == 0))
            continue;
        snprintf(from, sizeof from, "%s/%s", root, e->d_name);
        snprintf(to, sizeof to, "%s/%s", dir, e->d_name);
        CHECK_INT(symlink(from, to), 0);
    }
    if (dh != NULL)
        closedir(dh);
}

static void
test_errors(void)
{
    md_font_set *s = NULL;
    md_diags *d = md_diags_new();
    md_buf msg = {0};
    char dir[PATH_MAX], path[PATH_MAX + 64];

    CHECK_INT(md_font_set_load("no/such/fonts", d, &s), MD_EIO);
    CHECK(s == NULL);
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR), 1);

    /* A needed file missing: one error naming it. */
    snprintf(dir, sizeof dir, "%s/missing", tmp_root);
    make_font_dir(dir, "NotoSansMath-Regular.ttf");
    CHECK_INT(md_font_set_load(dir, d, &s), MD_EIO);
    CHECK(s == NULL);
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR), 2);
    md_diags_render(d, &msg);
    CHECK(msg.data != NULL && strstr(msg.data, "NotoSansMath-Regular.ttf") != NULL);

    /* A needed file that is no font. */
    snprintf(dir, sizeof dir, "%s/broken", tmp_root);
    make_font_dir(dir, "Symbola_hint.ttf");
    snprintf(path, sizeof path, "%s/Symbola_hint.ttf", dir);
    FILE *fp = fopen(path, "w");
    CHECK(fp != NULL);
    if (fp != NULL) {
        fputs("not a font\n", fp);
        fclose(fp);
    }
    CHECK_INT(md_font_set_load(dir, d, &s), MD_EINPUT);
    CHECK(s == NULL);
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR), 3);
    md_buf_clear(&msg);
    md_diags_render(d, &msg);
    CHECK(msg.data != NULL && strstr(msg.data, "Symbola_hint.ttf: error: not a font") != NULL);

    /* An extra font beside the needed ones is loaded and can be looked up by family. */
    snprintf(dir, sizeof dir, "%s/extra", tmp_root);
    make_font_dir(dir, NULL);
    md_diags_free(d);
    d = md_diags_new();
    CHECK_INT(md_font_set_load(dir, d, &s), MD_OK);
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR) + md_diags_count(d, MD_DIAG_WARNING), 0);
    md_font_set_free(s);
    md_buf_free(&msg);
    md_diags_free(d);
}

/* Failing each allocation of a load in turn (FreeType's included) gives MD_ENOMEM and no
 * leak, or a complete set when FreeType can do without: about a third of FreeType's
 * allocations are for modules we do not use and optional tables it skips when short of
 * memory. */
static void
test_alloc_failure(void)
{
    md_diags *d = md_diags_new();
    md_font_set *s = NULL;
    md_alloc_fail_at(0);
    CHECK_INT(md_font_set_load(FONT_DIR, d, &s), MD_OK);
    unsigned long total = md_alloc_fail_at(0), n_enomem = 0, n_bad = 0;
    md_font_set_free(s);
    for (unsigned long n = 1; n <= total; n++) {
        s = NULL;
        md_alloc_fail_at(n);
        md_status st = md_font_set_load(FONT_DIR, d, &s);
        md_alloc_fail_at(0);
        if (st == MD_ENOMEM && s == NULL)
            n_enomem++;
        else if (st != MD_OK || md_font_set_len(s) != N_FONTS ||
                 !md_font_has(md_font_set_at(s, 0), 'a'))
            n_bad++;
        md_font_set_free(s);
    }
    CHECK_INT(n_bad, 0);
    CHECK(n_enomem > total / 2);
    CHECK(total > 100);
    if (md_diags_count(d, MD_DIAG_ERROR) > 0) {
        md_buf msg = {0};
        md_diags_render(d, &msg);
        printf("%s", msg.data);
        md_buf_free(&msg);
    }
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR), 0);
    md_diags_free(d);
}

/* Counts the entries of dir (recursively), or -1. */
static int
count_entries(const char *dir)
{
    DIR *dh = opendir(dir);
    if (dh == NULL)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        n++;
        char sub[PATH_MAX + 300];
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        struct stat sb;
        if (lstat(sub, &sb) == 0 && S_ISDIR(sb.st_mode))
            n += count_entries(sub);
    }
    closedir(dh);
    return n;
}

/* The one cache file in the only fontconfig-* folder under root: its path in out, or 0. */
static int
cache_file(const char *root, char *out, size_t cap)
{
    int found = 0;
    DIR *dh = opendir(root);
    struct dirent *e;
    while (dh != NULL && (e = readdir(dh)) != NULL) {
        if (strncmp(e->d_name, "fontconfig-", 11) != 0)
            continue;
        char sub[PATH_MAX + 300];
        snprintf(sub, sizeof sub, "%s/%s", root, e->d_name);
        DIR *dh2 = opendir(sub);
        struct dirent *f;
        while (dh2 != NULL && (f = readdir(dh2)) != NULL) {
            if (strstr(f->d_name, ".cache-") != NULL) {
                snprintf(out, cap, "%s/%s", sub, f->d_name);
                found++;
            }
        }
        if (dh2 != NULL)
            closedir(dh2);
    }
    if (dh != NULL)
        closedir(dh);
    return found == 1;
}

/* Fontconfig's cache of the font folder (font.c): made in a folder of our own on the first
 * load, read on the next (the same faces, the cache file not written again), a new one when a
 * font file changes, none with MOTESDOK_FONT_CACHE=off. */
static void
test_cache(void)
{
    char dir[PATH_MAX], cache[PATH_MAX], file[PATH_MAX + 600], path[PATH_MAX + 64];
    snprintf(dir, sizeof dir, "%s/cached", tmp_root);
    snprintf(cache, sizeof cache, "%s/cache", tmp_root);
    make_font_dir(dir, NULL);
    setenv("MOTESDOK_FONT_CACHE", cache, 1);
    md_diags *d = md_diags_new();
    md_font_set *a = NULL, *b = NULL;
    CHECK_INT(md_font_set_load(dir, d, &a), MD_OK);
    CHECK_INT(count_entries(cache), 2);
    CHECK(cache_file(cache, file, sizeof file));
    struct stat before, after;
    CHECK_INT(stat(file, &before), 0);
    CHECK_INT(md_font_set_load(dir, d, &b), MD_OK);
    CHECK_INT(stat(file, &after), 0);
    CHECK(before.st_mtim.tv_sec == after.st_mtim.tv_sec &&
          before.st_mtim.tv_nsec == after.st_mtim.tv_nsec && before.st_ino == after.st_ino);
    CHECK_INT(count_entries(cache), 2);
    CHECK(a != NULL && b != NULL && md_font_set_len(a) == N_FONTS && md_font_set_len(b) == N_FONTS);
    for (size_t i = 0; a != NULL && b != NULL && i < md_font_set_len(a); i++)
        CHECK_STR(md_font_name(md_font_set_at(a, i)), md_font_name(md_font_set_at(b, i)));
    md_font_set_free(a);
    md_font_set_free(b);
    /* A font file replaced by a copy (another size): a second cache folder, same faces. */
    snprintf(path, sizeof path, "%s/NotoSerif-Bold.ttf", dir);
    CHECK_INT(unlink(path), 0);
    FILE *out = fopen(path, "wb"), *in = fopen(FONT_DIR "/NotoSerif-Bold.ttf", "rb");
    CHECK(out != NULL && in != NULL);
    char buf[65536];
    size_t n;
    while (out != NULL && in != NULL && (n = fread(buf, 1, sizeof buf, in)) > 0)
        CHECK_INT(fwrite(buf, 1, n, out), n);
    if (out != NULL)
        fputs("\n", out); /* trailing bytes FreeType ignores: the size differs */
    if (out != NULL)
        fclose(out);
    if (in != NULL)
        fclose(in);
    a = NULL;
    CHECK_INT(md_font_set_load(dir, d, &a), MD_OK);
    CHECK(a != NULL && md_font_set_len(a) == N_FONTS);
    md_font_set_free(a);
    CHECK_INT(count_entries(cache), 4);
    /* A font in a subfolder and one under another name (a backup): not in the set, and not
     * in the configuration librsvg draws SVG text with (Fontconfig's current one). */
    char sub[PATH_MAX + 16], bak[PATH_MAX + 32];
    snprintf(sub, sizeof sub, "%s/extra", dir);
    CHECK_INT(mkdir(sub, 0700), 0);
    snprintf(sub, sizeof sub, "%s/extra/Other.ttf", dir);
    snprintf(bak, sizeof bak, "%s/NotoSans-Regular.ttf.bak", dir);
    CHECK_INT(symlink(path, sub), 0);
    CHECK_INT(symlink(path, bak), 0);
    a = NULL;
    CHECK_INT(md_font_set_load(dir, d, &a), MD_OK);
    CHECK(a != NULL && md_font_set_len(a) == N_FONTS);
    md_font_set_free(a);
    FcFontSet *fs = FcConfigGetFonts(FcConfigGetCurrent(), FcSetApplication);
    int n_app = fs != NULL ? fs->nfont : 0, n_other = 0;
    for (int i = 0; i < n_app; i++) {
        FcChar8 *f = NULL;
        if (FcPatternGetString(fs->fonts[i], FC_FILE, 0, &f) == FcResultMatch &&
            (strstr((const char *)f, "/extra/") != NULL || strstr((const char *)f, ".bak") != NULL))
            n_other++;
    }
    CHECK(n_app >= N_FONTS);
    CHECK_INT(n_other, 0);
    /* Off: the files are read, nothing is written. */
    setenv("MOTESDOK_FONT_CACHE", "off", 1);
    a = NULL;
    CHECK_INT(md_font_set_load(FONT_DIR, d, &a), MD_OK);
    CHECK(a != NULL && md_font_set_len(a) == N_FONTS);
    md_font_set_free(a);
    CHECK_INT(count_entries(cache), 4);
    unsetenv("MOTESDOK_FONT_CACHE");
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR) + md_diags_count(d, MD_DIAG_WARNING), 0);
    md_diags_free(d);
}

int
main(void)
{
    CHECK(mkdtemp(tmp_root) != NULL);
    /* A home and cache of our own: Fontconfig's cache of the fonts goes to home/motesdok, and
     * nothing else is written there. */
    char home[sizeof tmp_root + 8];
    snprintf(home, sizeof home, "%s/home", tmp_root);
    CHECK_INT(mkdir(home, 0700), 0);
    setenv("HOME", home, 1);
    setenv("XDG_CACHE_HOME", home, 1);
    int fonts_before = count_entries(FONT_DIR);

    test_sha256_itself();
    test_hashes();
    md_font_set *s = NULL;
    md_diags *d = md_diags_new();
    CHECK_INT(md_font_set_load(FONT_DIR, d, &s), MD_OK);
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR) + md_diags_count(d, MD_DIAG_WARNING), 0);
    if (s != NULL) {
        test_load(s);
        test_lookup(s);
        test_fallback(s);
        test_metrics(s);
    }
    md_font_set_free(s);
    md_diags_free(d);
    test_keep();
    test_errors();
    test_alloc_failure();
    test_cache();

    char own[sizeof home + 16];
    snprintf(own, sizeof own, "%s/motesdok", home);
    CHECK_INT(count_entries(home), 1 + count_entries(own));
    CHECK(count_entries(own) >= 2);
    CHECK_INT(count_entries(FONT_DIR), fonts_before);
    char cmd[sizeof tmp_root + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_root);
    CHECK_INT(system(cmd), 0);
    return check_done();
}
