/* Tests of the document stylesheets xsl/kallelse.xsl and xsl/protokoll.xsl through md_xslt, as
 * production runs them, on both seed meetings and the formal protokoll of tests/meetings/: the
 * transform succeeds, the layout tree reads with md_fo_read_memory without a single
 * diagnostic, it holds the expected Swedish texts, every block of the flow has md:src, the
 * drivers hold no literal Swedish, and an element no template handles stops the transform with
 * its name and line. The kallelse of 2024-01-30 is compared byte for byte with
 * tests/docs/2024-01-30-kallelse.fo (MD_UPDATE_GOLDEN=1 rewrites it; MD_DOCS_DUMP=DIR writes
 * every layout tree into DIR). Runs from the repository root. See docs/documents.md. */
#include "fo.h"
#include "xslt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define GOLDEN "tests/docs/2024-01-30-kallelse.fo"

/* Fails if hay contains needle. */
#define CHECK_HAS_NOT(hay, needle)                                                                 \
    do {                                                                                           \
        const char *h_ = (hay), *n_ = (needle);                                                    \
        if (h_ != NULL && strstr(h_, n_) == NULL) {                                                \
            check_passed++;                                                                        \
        } else {                                                                                   \
            check_failed++;                                                                        \
            printf("%s:%d: did not expect \"%s\" in the output\n", __FILE__, __LINE__, n_);        \
        }                                                                                          \
    } while (0)

typedef struct result {
    md_status st;
    char *out;   /* the layout tree, NUL-terminated */
    char *diags; /* rendered diagnostics of the transform */
    size_t len;
} result;

/* The whole file at path, or NULL; the caller frees. */
static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *data = NULL;
    long n = -1;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (data = malloc((size_t)n + 1)) != NULL) {
        if (fread(data, 1, (size_t)n, f) != (size_t)n) {
            free(data);
            data = NULL;
        } else {
            data[n] = '\0';
            if (len != NULL)
                *len = (size_t)n;
        }
    }
    fclose(f);
    return data;
}

/* Transforms the meeting (a file, or text when data is not NULL) with style, as production
 * does: brand orebro, build date from the meeting. */
static void
transform(const char *style, const char *meeting, const char *data, result *r)
{
    memset(r, 0, sizeof *r);
    md_diags *d = md_diags_new();
    md_xslt *x = NULL;
    md_xml_doc *doc = NULL;
    md_buf out = {0}, text = {0};
    const char *params[] = {"brand", "orebro", NULL};
    r->st = md_xslt_load(".", style, d, &x);
    if (r->st == MD_OK)
        r->st = data != NULL ? md_xml_read_memory(meeting, data, strlen(data), d, &doc)
                             : md_xml_read(meeting, d, &doc);
    if (r->st == MD_OK)
        r->st = md_xslt_run(x, doc, params, d, &out);
    md_diags_render(d, &text);
    r->len = out.len;
    r->out = md_buf_take(&out);
    r->diags = md_buf_take(&text);
    md_xml_free(doc);
    md_xslt_free(x);
    md_diags_free(d);
}

static void
result_free(result *r)
{
    md_free(r->out);
    md_free(r->diags);
}

/* Counts the fo:block elements under n (inside fo:flow) without an md:src line of their own. */
static size_t
blocks_without_src(const md_fo_node *n, int in_flow)
{
    size_t bad = 0;
    for (const md_fo_node *c = n->first; c != NULL; c = c->next) {
        int flow = in_flow || c->kind == MD_FO_FLOW;
        if (flow && c->kind == MD_FO_BLOCK && c->props->src_line <= 0) {
            bad++;
            printf("  block at .fo line %ld has no md:src\n", c->line);
        }
        bad += blocks_without_src(c, flow);
    }
    return bad;
}

/* Counts the nodes of kind under n. */
static size_t
count_kind(const md_fo_node *n, md_fo_kind kind)
{
    size_t k = 0;
    for (const md_fo_node *c = n->first; c != NULL; c = c->next)
        k += (c->kind == kind) + count_kind(c, kind);
    return k;
}

/* Reads the layout tree of r and checks: no diagnostics at all, every block of the flow with
 * md:src, one page-number-citation-last citing the page sequence. */
static void
check_fo(const char *name, const result *r)
{
    md_diags *d = md_diags_new();
    md_fo_doc *fo = NULL;
    md_buf text = {0};
    md_status st = md_fo_read_memory(name, r->out, r->len, d, &fo);
    CHECK_INT(st, MD_OK);
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR), 0);
    CHECK_INT(md_diags_count(d, MD_DIAG_WARNING), 0);
    md_diags_render(d, &text);
    if (text.len > 0)
        printf("%s: diagnostics of the layout tree:\n%.*s", name, (int)text.len, text.data);
    md_buf_free(&text);
    if (fo != NULL) {
        const md_fo_node *root = md_fo_root(fo);
        CHECK_INT(blocks_without_src(root, 0), 0);
        CHECK(count_kind(root, MD_FO_BLOCK) > 10);
        CHECK_INT(count_kind(root, MD_FO_PAGE_NUMBER_CITATION_LAST), 2);
    }
    md_fo_free(fo);
    md_diags_free(d);
}

/* Appends the text of src[0, n) without tags and with the five predefined entities decoded. */
static void
append_plain(md_buf *b, const char *src, size_t n)
{
    static const char *const ent[][2] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&quot;", "\""}, {"&apos;", "'"}};
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '<') {
            while (i < n && src[i] != '>')
                i++;
            continue;
        }
        size_t e = 0;
        for (; src[i] == '&' && e < sizeof ent / sizeof ent[0]; e++) {
            size_t k = strlen(ent[e][0]);
            if (i + k <= n && memcmp(src + i, ent[e][0], k) == 0) {
                (void)md_buf_add(b, ent[e][1], 1);
                i += k - 1;
                break;
            }
        }
        if (src[i] != '&' || e == sizeof ent / sizeof ent[0])
            (void)md_buf_add(b, src + i, 1);
    }
}

/* Checks that the layout tree holds the title of every agenda item of the meeting (its text
 * with inline markup removed), with its number. */
static void
check_titles(const char *meeting, const result *r)
{
    char *xml = slurp(meeting, NULL);
    CHECK(xml != NULL);
    size_t items = 0;
    for (const char *p = xml; p != NULL && (p = strstr(p, "<item")) != NULL; p++) {
        const char *t = strstr(p, "<title>"), *e = t ? strstr(t, "</title>") : NULL;
        if (e == NULL)
            break;
        md_buf b = {0};
        append_plain(&b, t + 7, (size_t)(e - t - 7));
        CHECK_HAS(r->out, b.data);
        md_buf_free(&b);
        items++;
    }
    CHECK(items >= 4);
    free(xml);
}

/* What every document of every meeting shares. */
static void
check_common(const char *name, const char *meeting, const result *r)
{
    CHECK_INT(r->st, MD_OK);
    if (r->st != MD_OK) {
        printf("%s:\n%s\n", name, r->diags);
        return;
    }
    /* MD_DOCS_DUMP=DIR writes each layout tree to DIR/name, to look at. */
    const char *dump = getenv("MD_DOCS_DUMP");
    if (dump != NULL && *dump != '\0') {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dump, name);
        FILE *f = fopen(path, "wb");
        CHECK(f != NULL && fwrite(r->out, 1, r->len, f) == r->len);
        if (f != NULL)
            fclose(f);
    }
    check_fo(name, r);
    check_titles(meeting, r);
    CHECK_HAS(r->out, "<fo:page-number-citation-last ref-id=\"document\"/>");
    CHECK_HAS(r->out, "master-reference=\"document\" id=\"document\">");
    CHECK_HAS(r->out, "Sida <fo:page-number/> av <fo:page-number-citation-last");
    CHECK_HAS(r->out, "fox:alt-text=\"Örebro kommun\"");
    CHECK_HAS(r->out, "src=\"url('xml/brand/orebro-logo.svg')\"");
    CHECK_HAS(r->out, "role=\"H1\"");
    CHECK_HAS(r->out, "keep-with-next.within-page=\"always\"");
}

static void
test_kallelse_2024(void)
{
    result r;
    transform("xsl/kallelse.xsl", "xml/meetings/2024-01-30.xml", NULL, &r);
    check_common("2024-01-30-kallelse.fo", "xml/meetings/2024-01-30.xml", &r);
    CHECK_HAS(r.out, ">Kallelse<");
    CHECK_HAS(r.out, "Tisdagen den 30 januari 2024");
    CHECK_HAS(r.out, "kl. 16.00–18.00");
    CHECK_HAS(r.out, "Föreningarnas Hus, Slottsgatan 13A");
    CHECK_HAS(r.out, ">Samverkansrådet och C-nätet<");
    CHECK_HAS(r.out, ">Kallade<");
    CHECK_HAS(r.out, ">Dagordning<");
    CHECK_HAS(r.out, "Tina Fingal</fo:inline>, Örebro Föreningsråd, vice ordförande");
    CHECK_HAS(r.out, "Maria Haglund (M)</fo:inline>");
    CHECK_HAS(r.out, "Vakans, Förskole- och grundskoleförvaltningen");
    CHECK_HAS(r.out, "Föredragande: </fo:inline>");
    CHECK_HAS(r.out, "Yvonne Haneskog</fo:inline>, Kommunledningsförvaltningen och");
    /* The first paragraph only. */
    CHECK_HAS(r.out, "kraftsamla kring kommunövergripande sociala utmaningar.");
    CHECK_HAS_NOT(r.out, "Portföljstyrning");
    CHECK_HAS_NOT(r.out, "Grupp 1");
    CHECK_HAS(r.out, ">Anmälan av förhinder<");
    CHECK_HAS(r.out, "Anmäl förhinder till sekreteraren <fo:inline hyphenate=\"false\" "
                     "keep-together.within-line=\"always\">Anna Fogel</fo:inline>.");
    CHECK_HAS(r.out, ">Kontakt<");

    /* The golden file, read by eye; MD_UPDATE_GOLDEN=1 writes it anew. */
    const char *update = getenv("MD_UPDATE_GOLDEN");
    if (r.st == MD_OK && update != NULL && strcmp(update, "1") == 0) {
        FILE *f = fopen(GOLDEN, "wb");
        CHECK(f != NULL && fwrite(r.out, 1, r.len, f) == r.len);
        if (f != NULL)
            fclose(f);
    }
    size_t len = 0;
    char *golden = slurp(GOLDEN, &len);
    CHECK(golden != NULL);
    CHECK_INT(len, r.len);
    CHECK(golden != NULL && r.out != NULL && len == r.len && memcmp(golden, r.out, len) == 0);
    free(golden);
    result_free(&r);
}

static void
test_kallelse_2020(void)
{
    result r;
    transform("xsl/kallelse.xsl", "xml/meetings/2020-01-29.xml", NULL, &r);
    check_common("2020-01-29-kallelse.fo", "xml/meetings/2020-01-29.xml", &r);
    CHECK_HAS(r.out, ">Kallelse<");
    CHECK_HAS(r.out, "Onsdagen den 29 januari 2020");
    CHECK_HAS(r.out, "kl. 16.00–18.00");
    /* The secretary's e-mail comes from recorded-by when the person has none. */
    CHECK_HAS(r.out, "external-destination=\"url('mailto:anna.fogel@orebro.se')\"");
    result_free(&r);
}

static void
test_kallelse_namnd(void)
{
    result r;
    transform("xsl/kallelse.xsl", "tests/meetings/protokoll-namnd.xml", NULL, &r);
    check_common("protokoll-namnd-kallelse.fo", "tests/meetings/protokoll-namnd.xml", &r);
    CHECK_HAS(r.out, "Tisdagen den 12 mars 2024");
    CHECK_HAS(r.out, "kl. 13.30–15.45");
    CHECK_HAS(r.out, "Rådhuset, Storgatan 1, Sammanträdesrum Hjälmaren");
    CHECK_HAS(r.out, ">Civilsamhällesnämnden<");
    CHECK_HAS(r.out, "Lena Sjöberg (SD)</fo:inline>, tjänstgörande ersättare, ersätter Gunnar "
                     "Ek (SD)");
    CHECK_HAS(r.out, "Karin Bergqvist (S)</fo:inline>, ordförande");
    CHECK_HAS(r.out, "Anmäl förhinder till sekreteraren");
    CHECK_HAS(r.out, "maja.lind@example.org</fo:basic-link>.");
    /* A closed item shows its title, not its content. */
    CHECK_HAS(r.out, "Ansökan om extra bidrag från en förening");
    CHECK_HAS_NOT(r.out, "enskilds ekonomiska");
    result_free(&r);
}

/* An element of the meeting namespace that no template handles stops the transform with its
 * name and line. */
static void
test_unhandled(const char *style)
{
    static const char meeting[] =
        "<meeting xmlns=\"urn:motesdok:meeting:1\" kind=\"kallelse\" status=\"planned\"\n"
        "         date=\"2024-01-30\" start=\"16:00\">\n"
        "  <bodies><body id=\"b\" type=\"rad\">Samverkansr\xc3\xa5"
        "det</body></bodies>\n"
        "  <agenda>\n"
        "    <item n=\"1\">\n"
        "      <title>V\xc3\xa4lkomna</title>\n"
        "      <p>Text med <blink>ok\xc3\xa4nd</blink> markup.</p>\n"
        "    </item>\n"
        "  </agenda>\n"
        "</meeting>\n";
    result r;
    transform(style, "unhandled.xml", meeting, &r);
    CHECK_INT(r.st, MD_EINPUT);
    CHECK_HAS(r.diags, "line 7: <blink> in <p> is not handled by this stylesheet");
    CHECK(r.out == NULL || r.len == 0);
    result_free(&r);
}

/* The drivers hold no Swedish: no å, ä, ö (nor capitals) and none of the words of sv.xml that
 * are plain ASCII and could slip in ("Kallelse", "Dagordning", "Sida" …). */
static void
test_no_swedish(const char *style)
{
    static const char *const banned[] = {"\xc3\xa5",    "\xc3\xa4",    "\xc3\xb6",
                                         "\xc3\x85",    "\xc3\x84",    "\xc3\x96",
                                         ">Kallelse",   ">Protokoll",  ">Minnesanteckningar",
                                         ">Dagordning", ">Sida",       ">Beslut",
                                         ">Kallade",    ">Justerare",  ">Punkt",
                                         "'Sida'",      "Sekreterare", "kl. ",
                                         " och "};
    char *text = slurp(style, NULL);
    CHECK(text != NULL);
    if (text == NULL)
        return;
    for (size_t i = 0; i < sizeof banned / sizeof banned[0]; i++) {
        if (strstr(text, banned[i]) != NULL) {
            check_failed++;
            printf("%s: literal Swedish \"%s\"; move it to xsl/lib/sv.xml\n", style, banned[i]);
        } else {
            check_passed++;
        }
    }
    free(text);
}

static void
test_protokoll_2024(void)
{
    result r;
    transform("xsl/protokoll.xsl", "xml/meetings/2024-01-30.xml", NULL, &r);
    check_common("2024-01-30-protokoll.fo", "xml/meetings/2024-01-30.xml", &r);
    CHECK_HAS(r.out, ">Minnesanteckningar<");
    CHECK_HAS(r.out, "Tisdagen den 30 januari 2024");
    CHECK_HAS(r.out, "kl. 16.00–18.00");
    CHECK_HAS(r.out, "Föreningarnas Hus, Slottsgatan 13A");
    CHECK_HAS(r.out, ">Närvarande<");
    CHECK_HAS(r.out, ">Förhinder<");
    CHECK_HAS(r.out, ">Vakans<");
    /* Under the heading "Vakans" the organisation alone (the invited list says "Vakans, …"). */
    CHECK_HAS(r.out, ">Förskole- och grundskoleförvaltningen</fo:block>");
    /* Full content: sub-headings, figures with alt text, lists, groups, tables, links. */
    CHECK_HAS(r.out, ">Portföljstyrning<");
    CHECK_HAS(r.out,
              "src=\"url('images/2024-01-30-portfolj.svg')\" fox:alt-text=\"Schematisk bild:");
    CHECK_HAS(r.out, "content-width=\"140mm\"");
    CHECK_HAS(r.out, "Bild ur Portföljstyrning – en handbok för Örebro kommun.");
    CHECK_HAS(r.out, "Barn och ungas jämlika livsvillkor");
    CHECK_HAS(r.out, ">Grupp 4<");
    CHECK_HAS(r.out, "Arbetsgrupp: Karta över samverkan");
    CHECK_HAS(r.out, "Arbetsgrupp: Ta fram rutin för uteslutning av aktör");
    CHECK_HAS(r.out, "Thomas Rasmusson</fo:inline> och <fo:inline");
    CHECK_HAS(r.out, "April 2024 (preliminärt)");
    CHECK_HAS(r.out, "18 mars 2024");
    CHECK_HAS(r.out, "kl. 17.30–20.30");
    CHECK_HAS(r.out, "Översiktsplanen \"Vårt Framtida Örebro\"");
    CHECK_HAS(r.out, "external-destination=\"url('http://www.orebro.se/civilasamhallet')\"");
    /* Actions in the text and in the table at the end. */
    CHECK_HAS(r.out, ">Sammanställning av uppdrag<");
    CHECK_HAS(r.out, "AU tar med sig frågan och återkommer.");
    CHECK_HAS(r.out, ">Maria Haglund<");
    CHECK_HAS(r.out, ">Antecknat av</fo:inline> Anna Fogel, sekreterare</fo:block>");
    /* Minutes of a råd: no §, no signatures. */
    CHECK_HAS_NOT(r.out, "§");
    CHECK_HAS_NOT(r.out, "leader-pattern=\"rule\"");
    result_free(&r);
}

static void
test_protokoll_2020(void)
{
    result r;
    transform("xsl/protokoll.xsl", "xml/meetings/2020-01-29.xml", NULL, &r);
    check_common("2020-01-29-protokoll.fo", "xml/meetings/2020-01-29.xml", &r);
    CHECK_HAS(r.out, "Minnesanteckningar från möte med Samverkansrådet och C-nätet");
    CHECK_HAS(r.out, "Onsdagen den 29 januari 2020");
    CHECK_HAS(r.out, ">Antecknat av</fo:inline> Anna Fogel, <fo:basic-link ");
    CHECK_HAS(r.out, "external-destination=\"url('mailto:anna.fogel@orebro.se')\">"
                     "anna.fogel@orebro.se</fo:basic-link></fo:block>");
    result_free(&r);
}

static void
test_protokoll_namnd(void)
{
    result r;
    transform("xsl/protokoll.xsl", "tests/meetings/protokoll-namnd.xml", NULL, &r);
    check_common("protokoll-namnd.fo", "tests/meetings/protokoll-namnd.xml", &r);
    CHECK_HAS(r.out, ">Protokoll<");
    CHECK_HAS(r.out, ">§\u00a012 Val av justerare och tid för justering<");
    CHECK_HAS(r.out, ">§\u00a015 Ansökan om extra bidrag från en förening<");
    CHECK_HAS(r.out, ">Dnr CSN 2024/18<");
    CHECK_HAS(r.out, ">Beslut<");
    CHECK_HAS(r.out, "border-start-style=\"solid\"");
    CHECK_HAS(r.out, "Yrkande: Per Ohlsson");
    CHECK_HAS(r.out, "Votering: Ja 4, Nej 2, Avstår 1");
    CHECK_HAS(r.out, "Lena Sjöberg (SD)</fo:inline>: Nej");
    CHECK_HAS(r.out, "Reservation: Per Ohlsson");
    CHECK_HAS(r.out, "Protokollsanteckning: Erik Lindahl");
    CHECK_HAS(r.out, "number-columns-spanned=\"2\"");
    CHECK_HAS(r.out, "<fo:table-header");
    CHECK_HAS(r.out, "Paragrafen justeras omedelbart.");
    /* The closed item: its title and a note, not its content. */
    CHECK_HAS(r.out, "Ärendet behandlades inom stängda dörrar.");
    CHECK_HAS_NOT(r.out, "35 000 kr");
    CHECK_HAS(r.out, ">§\u00a014</fo:block>");
    CHECK_HAS(r.out, ">2024-10-15</fo:block>");
    CHECK_HAS(r.out, ">Justering<");
    CHECK_HAS(r.out, "Torsdagen den 14 mars 2024, kl. 15.00, Rådhuset");
    CHECK_HAS(r.out, "<fo:leader leader-pattern=\"rule\" leader-length=\"80mm\"");
    CHECK_HAS(r.out, ">Sekreterare</fo:block>");
    CHECK_HAS(r.out, ">Ordförande</fo:block>");
    CHECK_HAS(r.out, ">Justerare</fo:block>");
    CHECK_HAS(r.out, ">Erik Lindahl (M)</fo:block>");
    CHECK_HAS(r.out, ">Karin Bergqvist (S)</fo:block>");
    CHECK_HAS(r.out, ">Maja Lind</fo:block>");
    CHECK_HAS(r.out, "maja.lind@example.org</fo:basic-link></fo:block>");
    result_free(&r);
}

int
main(void)
{
    test_kallelse_2024();
    test_kallelse_2020();
    test_kallelse_namnd();
    test_unhandled("xsl/kallelse.xsl");
    test_no_swedish("xsl/kallelse.xsl");
    test_protokoll_2024();
    test_protokoll_2020();
    test_protokoll_namnd();
    test_unhandled("xsl/protokoll.xsl");
    test_no_swedish("xsl/protokoll.xsl");
    return check_done();
}
