/* Tests of hyph: Swedish compounds from the Örebro minutes, the rules on top of the
 * patterns, the exception list and its diagnostics. Run from the repository root.
 *
 * The expected points come from the Swedish rules (Svenska skrivregler, Språkrådet; the
 * division of Svenska Akademiens ordlista), not from running this program:
 *   1. a compound is divided at its joint, and a joint s (foge-s) stays with the first part:
 *      behovs|kartläggning, never behov|skartläggning;
 *   2. inside a simple part, between syllables, one consonant going to the next line:
 *      kom-mun, ta-la; a consonant never crosses a joint (kommun|interna, not kommu|ninterna);
 *   3. no part of one letter: two letters or more before the first point and after the last;
 *   4. the diphthong eu is not divided (neu-tral).
 * A spec lists only points the rules are sure of: '|' marks a point that must be there, '!'
 * a place where there must be none (a wrong joint); other places are not checked. */
#include "hyph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

#define PATTERNS "/usr/share/hyphen/hyph_sv_SE.dic"
#define EXCEPTIONS "xml/hyphenation/sv-exceptions.txt"

static md_hyph *hy;

/* The word with '-' after every point; static storage. */
static const char *
hyphenated(const md_hyph *h, const char *word)
{
    static char res[1024];
    char out[512];
    size_t len = strlen(word), k = 0;
    memset(out, 'x', sizeof out);
    CHECK_INT(md_hyph_word(h, word, len, out), MD_OK);
    for (size_t i = 0; i < len; i++) {
        res[k++] = word[i];
        if (out[i] == 1)
            res[k++] = '-';
        else if (out[i] != 0)
            res[k++] = '?';
    }
    res[k] = '\0';
    return res;
}

/* Checks a spec (see the top of the file) and rule 3 for every point. */
static void
check_spec(const char *spec, int line)
{
    char word[256], out[256];
    char want[256] = {0}; /* per byte: '|' must, '!' must not, 0 free */
    size_t len = 0;
    for (const char *p = spec; *p != '\0'; p++) {
        if ((*p == '|' || *p == '!') && len > 0)
            want[len - 1] = *p;
        else
            word[len++] = *p;
    }
    word[len] = '\0';
    int ok = md_hyph_word(hy, word, len, out) == MD_OK;
    size_t chars = 0, total = 0;
    for (size_t i = 0; i < len; i++)
        total += ((unsigned char)word[i] & 0xC0) != 0x80;
    for (size_t i = 0; i < len; i++) {
        chars += ((unsigned char)word[i] & 0xC0) != 0x80;
        if (want[i] == '|' && out[i] != 1)
            ok = 0;
        if (want[i] == '!' && out[i] != 0)
            ok = 0;
        if (out[i] == 1 && (chars < 2 || total - chars < 2))
            ok = 0;
    }
    if (ok) {
        check_passed++;
    } else {
        check_failed++;
        printf("%s:%d: expected %s, got %s\n", __FILE__, line, spec, hyphenated(hy, word));
    }
}

#define CHECK_SPEC(spec) check_spec(spec, __LINE__)

static void
test_compounds(void)
{
    /* Compounds of the seed minutes (30 January 2024, 29 January 2020). */
    CHECK_SPEC("Ar|bet!s|mark|nad!s|för|valt|ningen");
    CHECK_SPEC("Kom|mu!n|led|ning!s|för|valt|ningen");
    CHECK_SPEC("ci|vil|sam|hälle!s|nät|verk");
    CHECK_SPEC("port|följ|styr|ning!s|mo|del|len");
    CHECK_SPEC("förening!s|stöd!s|en|he|ten");
    CHECK_SPEC("Föreningsstöd!s|enheten");
    CHECK_SPEC("över|ens|kom|mel|sen");
    CHECK_SPEC("Sam|ver|kan!s|rå|det");
    CHECK_SPEC("be|hov!s|kart|lägg|ningar");
    CHECK_SPEC("Rät|tig|het!s|cen|ter");
    CHECK_SPEC("kom|mu!n|över|gri|pan|de");
    CHECK_SPEC("Kris|be|red|skap!s|öv|ning");
    CHECK_SPEC("kun|skap!s|ut|by|te");
    CHECK_SPEC("Språ!k|ut|veck|ling");
    CHECK_SPEC("Fri|tid!s|kor|tet");
    CHECK_SPEC("Stu|di!e|för|bun|det");
    CHECK_SPEC("Vuxen|s!ko|lan");
    CHECK_SPEC("kraft|s!am|la");
    CHECK_SPEC("Bet|le|hem!s|kyr|kan");
    CHECK_SPEC("dialog|s!erie");
    CHECK_SPEC("kom|mu!n|in|ter|na");
    CHECK_SPEC("kli|mat|ne!u|tra|la");
    CHECK_SPEC("Håll|bar|het!s|pro|gram|met");
    CHECK_SPEC("kom|mu|ni|ka|tion!s|pla|nen");
    CHECK_SPEC("stat!s|bi|drag!s|por|tal");
    CHECK_SPEC("min|ne!s|an|teck|ningarna");
    CHECK_SPEC("upp|drag!s|be|skriv|ningar");
    CHECK_SPEC("Stad!s|bygg|nad!s|för|valt|ningen");
    CHECK_SPEC("pla|ne|ring!s|för|ut|sätt|ningar");
    CHECK_SPEC("barn|fat|tig|dom");
    CHECK_SPEC("pre|sen|ta|tion!s|run|da");
    CHECK_SPEC("För|säk|ring!s|kas|san");
    CHECK_SPEC("id|rott!s|föreningar");
    CHECK_SPEC("mö|tes|plats");
    CHECK_SPEC("Social|för|valt|ningen");
}

static void
test_exceptions(void)
{
    /* A word in the list gets exactly the list's points, in any case. */
    CHECK_STR(hyphenated(hy, "behovskartläggning"), "be-hovs-kart-lägg-ning");
    CHECK_STR(hyphenated(hy, "Behovskartläggningar"), "Be-hovs-kart-lägg-ning-ar");
    CHECK_STR(hyphenated(hy, "RÄTTIGHETSCENTER"), "RÄTTIGHETSCENTER"); /* capitals: rule */
    CHECK_STR(hyphenated(hy, "Rättighetscenter"), "Rät-tig-hets-cen-ter");
    CHECK_STR(hyphenated(hy, "agenda"), "agen-da");
}

static void
test_rules(void)
{
    /* Rule 3 where the patterns' own LEFTHYPHENMIN is 1: i-stället, e-konomi, radi-o. */
    CHECK_SPEC("i!stäl|let");
    CHECK_SPEC("e!ko|no|mi");
    CHECK_SPEC("ra|di!o");
    CHECK_SPEC("stu|di!e");
    /* Two letters are enough at either end. */
    CHECK_SPEC("av|slu|tan|de");
    /* Fewer than five letters: no points, though "mö-te" has two syllables. */
    CHECK_STR(hyphenated(hy, "möte"), "möte");
    CHECK_STR(hyphenated(hy, "Möte"), "Möte");
    CHECK_SPEC("mö|tet");
    /* Capitals are abbreviations, spelt letter by letter. */
    CHECK_STR(hyphenated(hy, "ÖSB"), "ÖSB");
    CHECK_STR(hyphenated(hy, "KLF"), "KLF");
    CHECK_STR(hyphenated(hy, "SAMVERKANSRÅDET"), "SAMVERKANSRÅDET");
    CHECK_STR(hyphenated(hy, "KOMMUNLEDNINGSFÖRVALTNINGEN"), "KOMMUNLEDNINGSFÖRVALTNINGEN");
    /* Digits, addresses, abbreviations with periods and other non-letters. */
    CHECK_STR(hyphenated(hy, "samverkan2024"), "samverkan2024");
    CHECK_STR(hyphenated(hy, "anna.fogel@orebro"), "anna.fogel@orebro");
    CHECK_STR(hyphenated(hy, "fogel@orebrose"), "fogel@orebrose");
    CHECK_STR(hyphenated(hy, "ingång/sluss"), "ingång/sluss");
    CHECK_STR(hyphenated(hy, "Temakväll:"), "Temakväll:");
    CHECK_STR(hyphenated(hy, "civilasamhallet.html"), "civilasamhallet.html");
    /* Outside Latin-1: Cyrillic, or one Polish letter, or a Latin-1 byte that is not
     * UTF-8: no points at all. */
    CHECK_STR(hyphenated(hy, "Администрация"), "Администрация");
    CHECK_STR(hyphenated(hy, "Łódźförvaltningen"), "Łódźförvaltningen");
    CHECK_STR(hyphenated(hy, "m\xF6tesplatsen"), "m\xF6tesplatsen");
    /* Too long to be a word. */
    char lng[MD_HYPH_MAX_WORD + 2];
    memset(lng, 'a', sizeof lng - 1);
    lng[sizeof lng - 1] = '\0';
    CHECK(strchr(hyphenated(hy, lng), '-') == NULL);
}

static void
test_latin1(void)
{
    /* Å Ä Ö É become å ä ö é for the patterns: the same points in either case. */
    char a[64], b[64];
    strcpy(a, hyphenated(hy, "Överenskommelsen"));
    strcpy(b, hyphenated(hy, "överenskommelsen"));
    CHECK_STR(a + 2, b + 2);
    CHECK_SPEC("Över|ens|kom|mel|sen");
    CHECK_SPEC("Ären|det");
    CHECK_SPEC("Åter|kom|mer");
    /* A point after é falls on its second byte (idé|bur|na). */
    char out[16];
    CHECK_INT(md_hyph_word(hy, "idéburna", strlen("idéburna"), out), MD_OK);
    CHECK_INT(out[2], 0);
    CHECK_INT(out[3], 1);
    CHECK_INT(out[6], 1);
}

static void
test_soft_hyphens(void)
{
    /* Exactly the soft hyphens' points, after the character before each. */
    CHECK_STR(hyphenated(hy, "kommun\u00ADledning"), "kommun-\u00ADledning");
    CHECK_STR(hyphenated(hy, "sam\u00ADver\u00ADkans\u00ADrå\u00ADdet"),
              "sam-\u00ADver-\u00ADkans-\u00ADrå-\u00ADdet");
    /* The author decides, even for capitals, digits or one letter. */
    CHECK_STR(hyphenated(hy, "ESF\u00ADprojekt"), "ESF-\u00ADprojekt");
    CHECK_STR(hyphenated(hy, "ö\u00ADvergripande"), "ö-\u00ADvergripande");
    /* Nothing before or after the soft hyphen: no point. */
    CHECK_STR(hyphenated(hy, "\u00ADkommunen"), "\u00ADkommunen");
    CHECK_STR(hyphenated(hy, "kommunen\u00AD"), "kommunen\u00AD");
    CHECK_STR(hyphenated(hy, "ab\u00AD\u00ADcd"), "ab-\u00AD\u00ADcd");
}

/* Writes text to a new temporary file; returns its name (static storage). */
static const char *
temp_file(const char *text)
{
    static char path[64];
    strcpy(path, "/tmp/hyph_test-XXXXXX");
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd >= 0) {
        CHECK_INT(write(fd, text, strlen(text)), (long long)strlen(text));
        close(fd);
    }
    return path;
}

static void
test_bad_exceptions(void)
{
    const char *path = temp_file("# kommentar\n"
                                 "rät-tig-hets-cen-ter\n"
                                 "be--hov\n"
                                 "a-gen-da\n"
                                 "t.ex\n"
                                 "  kom-mun-in-tern   # rätt\n"
                                 "två ord\n"
                                 "ab-\n"
                                 "\n"
                                 "rät-tig-het-scen-ter\n"
                                 "kom-mun-in-tern\n"
                                 "\xE5r\n"
                                 "-ab\n"
                                 "Łódź-ka\r\n"
                                 "slu-tet");
    md_diags *d = md_diags_new();
    md_hyph *h = (md_hyph *)&path; /* must stay untouched */
    md_buf b = {0};
    char where[128];
    CHECK_INT(md_hyph_load(PATTERNS, path, d, &h), MD_EINPUT);
    CHECK(h == (md_hyph *)&path);
    CHECK_INT(md_diags_render(d, &b), MD_OK);
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR), 9);
    CHECK_INT(md_diags_count(d, MD_DIAG_WARNING), 1);
    snprintf(where, sizeof where, "%s:3:4: error: \"be--hov\" has two '-' in a row", path);
    CHECK_HAS(b.data, where);
    snprintf(where, sizeof where, "%s:4:2: error: \"a-gen-da\" leaves one letter", path);
    CHECK_HAS(b.data, where);
    snprintf(where, sizeof where, "%s:5:2: error: \"t.ex\" has a character that is not", path);
    CHECK_HAS(b.data, where);
    snprintf(where, sizeof where, "%s:7:5: error: \"två ord\" is more than one word", path);
    CHECK_HAS(b.data, where);
    snprintf(where, sizeof where, "%s:8:3: error: \"ab-\" ends with '-'", path);
    CHECK_HAS(b.data, where);
    snprintf(where, sizeof where,
             "%s:10: error: \"rättighetscenter\" is also on line 2 with other points", path);
    CHECK_HAS(b.data, where);
    snprintf(where, sizeof where, "%s:11: warning: \"kommunintern\" is also on line 6", path);
    CHECK_HAS(b.data, where);
    snprintf(where, sizeof where, "%s:12:1: error: the line is not UTF-8", path);
    CHECK_HAS(b.data, where);
    snprintf(where, sizeof where, "%s:13:1: error: \"-ab\" starts with '-'", path);
    CHECK_HAS(b.data, where);
    snprintf(where, sizeof where, "%s:14:1: error: \"Łódź-ka\" has a letter outside Latin-1", path);
    CHECK_HAS(b.data, where);
    md_buf_free(&b);
    md_diags_free(d);
    unlink(path);
}

static void
test_good_exceptions(void)
{
    /* A byte order mark, CRLF, capitals, and a word without '-' (never hyphenated). */
    const char *path = temp_file("\xEF\xBB\xBF# lista\r\nÖrebro\r\nSlu-tet\r\nsam-ver-kan");
    md_diags *d = md_diags_new();
    md_hyph *h = NULL;
    CHECK_INT(md_hyph_load(PATTERNS, path, d, &h), MD_OK);
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR) + md_diags_count(d, MD_DIAG_WARNING), 0);
    if (h != NULL) {
        CHECK_STR(hyphenated(h, "Örebro"), "Örebro");
        CHECK_STR(hyphenated(h, "slutet"), "slu-tet");
        CHECK_STR(hyphenated(h, "Samverkan"), "Sam-ver-kan");
    }
    md_hyph_free(h);
    md_diags_free(d);
    unlink(path);
}

static void
test_bad_files(void)
{
    md_diags *d = md_diags_new();
    md_hyph *h = NULL;
    md_buf b = {0};
    CHECK_INT(md_hyph_load(PATTERNS, "xml/hyphenation/no-such-file.txt", d, &h), MD_EIO);
    CHECK(h == NULL);
    CHECK_INT(md_hyph_load("/no/such/hyph_sv_SE.dic", NULL, d, &h), MD_EIO);
    /* A UTF-8 pattern file would be read as Latin-1 by md_hyph_word. */
    const char *path = temp_file("UTF-8\nLEFTHYPHENMIN 2\n.ab1\n");
    CHECK_INT(md_hyph_load(path, NULL, d, &h), MD_EINPUT);
    CHECK(h == NULL);
    CHECK_INT(md_diags_render(d, &b), MD_OK);
    CHECK_HAS(b.data, "xml/hyphenation/no-such-file.txt: error: cannot read the hyphenation "
                      "exceptions: No such file or directory");
    CHECK_HAS(b.data, "/no/such/hyph_sv_SE.dic: error: cannot read the hyphenation patterns");
    CHECK_HAS(b.data, "error: the patterns are in \"UTF-8\", not ISO8859-1");
    unlink(path);
    md_buf_free(&b);
    md_diags_free(d);
}

/* The built-in table (mk/perf.mk) gives libhyphen's own states: every pattern's letters,
 * and each with the next pattern's letters after it, get the same points as from a copy of
 * the .dic with a comment line added, which libhyphen's loader reads. */
static void
test_table(void)
{
    FILE *f = fopen(PATTERNS, "rb");
    CHECK(f != NULL);
    if (f == NULL)
        return;
    md_buf dic = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        CHECK_INT(md_buf_add(&dic, chunk, n), MD_OK);
    fclose(f);
    CHECK_INT(md_buf_add(&dic, "%\n", 3), MD_OK);
    md_diags *d = md_diags_new();
    md_hyph *table = NULL, *loaded = NULL;
    const char *copy = temp_file(dic.data);
    CHECK_INT(md_hyph_load(PATTERNS, NULL, d, &table), MD_OK);
    CHECK_INT(md_hyph_load(copy, NULL, d, &loaded), MD_OK);
    unlink(copy);
    CHECK(table != NULL && md_hyph_is_table(table));
    CHECK(loaded != NULL && !md_hyph_is_table(loaded));
    /* The patterns' letters in UTF-8, one word a line after the two header lines. */
    md_buf words = {0};
    for (size_t i = 0, line = 0; i < dic.len; i++) {
        unsigned char c = (unsigned char)dic.data[i];
        if (c == '\n') {
            line++;
            CHECK_INT(md_buf_add(&words, "\n", 1), MD_OK);
        } else if (line >= 3 && c >= 0x80) {
            char u[2] = {(char)(0xC0 | c >> 6), (char)(0x80 | (c & 0x3F))};
            CHECK_INT(md_buf_add(&words, u, 2), MD_OK);
        } else if (line >= 3 && c >= 'a' && c <= 'z') {
            CHECK_INT(md_buf_add(&words, (const char *)&c, 1), MD_OK);
        }
    }
    size_t compared = 0, differ = 0, with_points = 0;
    const char *w = words.data, *end = words.data + words.len;
    while (table != NULL && loaded != NULL && w < end) {
        const char *nl = memchr(w, '\n', (size_t)(end - w));
        const char *e = nl != NULL ? nl : end;
        const char *e2 = e < end ? memchr(e + 1, '\n', (size_t)(end - e - 1)) : NULL;
        char word[512];
        size_t k = (size_t)(e - w);
        memcpy(word, w, k);
        for (int pass = 0; pass < 2 && k > 0; pass++) {
            char a[512], b[512];
            int ok = md_hyph_word(table, word, k, a) == MD_OK &&
                     md_hyph_word(loaded, word, k, b) == MD_OK;
            differ += !ok || memcmp(a, b, k) != 0;
            with_points += memchr(a, 1, k) != NULL;
            compared++;
            if (e2 == NULL || k + (size_t)(e2 - e - 1) >= sizeof word)
                break;
            memcpy(word + k, e + 1, (size_t)(e2 - e - 1)); /* and the next pattern's letters */
            k += (size_t)(e2 - e - 1);
        }
        w = e + 1;
    }
    CHECK(compared > 25000);
    CHECK(with_points > 5000);
    CHECK_INT(differ, 0);
    md_hyph_free(table);
    md_hyph_free(loaded);
    md_buf_free(&words);
    md_buf_free(&dic);
    md_diags_free(d);
}

static void
test_alloc_failure(void)
{
    /* Fail the 1st, 2nd, … allocation of a load until one succeeds. */
    md_status st = MD_ENOMEM;
    unsigned long n;
    for (n = 1; st == MD_ENOMEM && n < 10000; n++) {
        md_diags *d = md_diags_new();
        md_hyph *h = NULL;
        md_alloc_fail_at(n);
        st = md_hyph_load(PATTERNS, EXCEPTIONS, d, &h);
        md_alloc_fail_at(0);
        CHECK(st == MD_OK || st == MD_ENOMEM);
        CHECK(st == MD_OK || h == NULL);
        md_hyph_free(h);
        md_diags_free(d);
    }
    CHECK_INT(st, MD_OK);
    CHECK(n > 2);
}

int
main(void)
{
    md_diags *d = md_diags_new();
    md_status st = md_hyph_load(PATTERNS, EXCEPTIONS, d, &hy);
    CHECK_INT(st, MD_OK);
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR) + md_diags_count(d, MD_DIAG_WARNING), 0);
    if (st == MD_OK) {
        test_compounds();
        test_exceptions();
        test_rules();
        test_latin1();
        test_soft_hyphens();
        md_hyph_free(hy);
    }
    md_diags_free(d);
    test_bad_exceptions();
    test_good_exceptions();
    test_bad_files();
    test_table();
    test_alloc_failure();
    return check_done();
}
