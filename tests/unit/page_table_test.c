/* Tests of tables (page-table.c), internal links and bookmarks (page.c): the trace of
 * tests/page/table.fo (a table over three pages: header repeated, footer at each break, rows
 * never split, column and row spans, proportional widths, display-align), small trees for a
 * table wider than the page and a row taller than a page, and the PDF read back with qpdf
 * (tests/page/pdf_dests.py): links and bookmarks go to the right pages. */
#include "page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "font.h"
#include "trace.h"

static md_font_set *fonts;

#define PT(x) ((md_sp)((x)*MD_SP_PER_PT))
/* mm in sp as fo-value.c converts them: x × 23592960 / 127, rounded. */
static md_sp
mm(int64_t x)
{
    return (md_sp)((x * 23592960 + 63) / 127);
}

/* Typesets a tree (in memory when data is not NULL, else the file name); returns the trace
 * (caller frees) and the rendered diagnostics in *msgs (caller frees). */
static char *
typeset(const char *name, const char *data, size_t *pages, char **msgs)
{
    md_diags *d = md_diags_new();
    md_fo_doc *doc = NULL;
    md_buf out = {0}, msg = {0};
    md_status st = data != NULL ? md_fo_read_memory(name, data, strlen(data), d, &doc)
                                : md_fo_read(name, d, &doc);
    md_trace *t = md_trace_new(&out, md_font_name);
    if (st == MD_OK) {
        md_page_env env = {fonts, NULL, NULL};
        st = md_page_typeset(doc, &env, md_trace_canvas(t), d, pages);
    }
    CHECK_INT(st, MD_OK);
    md_diags_render(d, &msg);
    if (msg.data != NULL && getenv("MD_VERBOSE") != NULL)
        fputs(msg.data, stdout);
    *msgs = msg.data != NULL ? md_buf_take(&msg) : md_strdup("");
    md_trace_free(t);
    md_fo_free(doc);
    md_diags_free(d);
    return st == MD_OK ? md_buf_take(&out) : (md_buf_free(&out), NULL);
}

/* A text line of the trace: page, x, y and the text. */
typedef struct ttext {
    int page;
    long x, y;
    char text[64];
} ttext;

static size_t
texts(const char *trace, ttext *out, size_t cap)
{
    size_t n = 0;
    int page = 0;
    for (const char *l = trace; l != NULL && *l != '\0';) {
        const char *e = strchr(l, '\n');
        size_t len = e ? (size_t)(e - l) : strlen(l);
        while (*l == ' ')
            l++, len--;
        if (strncmp(l, "page ", 5) == 0)
            page = atoi(l + 5);
        if (strncmp(l, "text ", 5) == 0 && n < cap) {
            const char *q = memchr(l, '"', len);
            char *end;
            long x = strtol(l + 5, &end, 10);
            long y = strtol(end, NULL, 10);
            if (q != NULL) {
                int tl = (int)(len - (size_t)(q - l) - 2);
                out[n] = (ttext){page, x, y, ""};
                snprintf(out[n].text, sizeof out[n].text, "%.*s", tl > 0 ? tl : 0, q + 1);
                n++;
            }
        }
        l = e ? e + 1 : NULL;
    }
    return n;
}

static size_t
count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p != NULL; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* Whether the trace holds "rect X Y W H" with these x, w, h (any y). */
static int
has_rect(const char *trace, long x, long w, long h)
{
    for (const char *p = strstr(trace, "rect "); p != NULL; p = strstr(p + 1, "rect ")) {
        long rx, ry, rw, rh;
        if (sscanf(p, "rect %ld %ld %ld %ld", &rx, &ry, &rw, &rh) == 4 && rx == x && rw == w &&
            rh == h)
            return 1;
    }
    return 0;
}

static void
test_table(void)
{
    size_t pages = 0;
    char *msgs = NULL;
    char *trace = typeset("tests/page/table.fo", NULL, &pages, &msgs);
    if (trace == NULL) {
        free(msgs);
        return;
    }
    CHECK_INT(pages, 3);
    static ttext t[600];
    size_t n = texts(trace, t, 600);
    md_sp body_x = mm(10), body_y = mm(10);

    /* The header on every page, once; on pages 2 and 3 it is the first text, at the body's
     * top (the repeated header). The footer "Fortsätter" at each break and at the end. */
    for (int p = 1; p <= 3; p++) {
        int heads = 0, foots = 0;
        size_t first = SIZE_MAX;
        for (size_t i = 0; i < n; i++) {
            if (t[i].page != p)
                continue;
            /* The footer region (below 92 mm) is drawn first. */
            if (first == SIZE_MAX && t[i].y < mm(92))
                first = i;
            heads += strcmp(t[i].text, "Ansvarig") == 0;
            foots += strcmp(t[i].text, "Fortsätter") == 0;
        }
        CHECK_INT(heads, 1);
        CHECK_INT(foots, 1);
        if (p > 1 && first != SIZE_MAX) {
            CHECK_STR(t[first].text, "§");
            /* Its baseline: 0.5 pt border, 2 pt padding and the line's ascent below the top. */
            CHECK(t[first].y > body_y && t[first].y < body_y + PT(14));
        }
    }
    /* The structure holds the header once (the repeats are drawn outside it). */
    CHECK_INT(count(trace, "<THead>"), 1);
    CHECK_INT(count(trace, "<TFoot>"), 1);
    CHECK_INT(count(trace, "<TH>"), 3);
    CHECK_INT(count(trace, "<Table>"), 1);
    CHECK_INT(count(trace, "<TR>"), 1 + 2 + 18 + 1 + 1);

    /* Rows are never split: each "§ N" is on the page of its "Åtgärd nummer N.", and the
     * continuation of row 4 ("unga vuxna …") too. */
    for (size_t i = 0; i < n; i++) {
        if (strncmp(t[i].text, "§", 2) != 0 || t[i].text[2] != ' ')
            continue;
        char want[32];
        snprintf(want, sizeof want, "%s.", t[i].text + 3);
        int found = 0;
        for (size_t k = 0; k < n; k++) {
            if (strcmp(t[k].text, want) == 0 && k > 0 && strcmp(t[k - 1].text, "nummer") == 0) {
                found = 1;
                CHECK_INT(t[k].page, t[i].page);
                CHECK_INT(t[k].y, t[i].y);
            }
        }
        CHECK(found);
    }
    /* Widths: 15 mm, then 85 mm shared 2 : 1 (proportional-column-width). The cell spanning
     * the first two columns has a before border as wide as both; the cell spanning two rows a
     * start border as tall as both rows (two rows of 0.5 + 2 + 14 + 2 pt). */
    md_sp rest = mm(120) - 2 * mm(10) - mm(15);
    md_sp col2 = (md_sp)((int64_t)rest * 2 / 3);
    CHECK(has_rect(trace, body_x, mm(15) + col2, PT(0.5)));
    CHECK(has_rect(trace, body_x + mm(15) + col2, PT(0.5), PT(37)));
    /* display-align="center": "Två rader" sits half of the free 18.5 pt lower than the row
     * above's text. */
    long y_two_cols = -1, y_two_rows = -1;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(t[i].text, "kolumner") == 0)
            y_two_cols = t[i].y;
        if (strcmp(t[i].text, "rader") == 0)
            y_two_rows = t[i].y;
    }
    CHECK_INT(y_two_rows - y_two_cols, PT(9.25));
    /* The text after the table is on the last page, below it. */
    CHECK(n > 0 && strcmp(t[n - 1].text, "Sida") != 0);

    /* Links and bookmarks: destinations at the elements with ids, the link to a known id,
     * an unknown id warned and set unlinked, the outline with its nesting and states. */
    CHECK_HAS(trace, "<Link dest='row-last'>");
    CHECK(strstr(trace, "saknas") == NULL);
    CHECK_HAS(trace, "dest 1857713 ");
    CHECK_HAS(trace, " row-last\n");
    CHECK_HAS(trace, "outline 1 0 open \"Åtgärder\" dest='top'\n");
    CHECK_HAS(trace, "outline 2 1 closed \"Sista raden\" dest='row-last'\n");
    CHECK_HAS(trace, "outline 3 2 open \"Sista åtgärden\" dest='sista-%C3%A5tg%C3%A4rd'\n");
    CHECK_INT(count(trace, "outline "), 3);
    CHECK_HAS(msgs, "table.fo:30: warning: fo:basic-link internal-destination=\"saknas\": no "
                    "element has that id");
    CHECK_HAS(msgs, "table.fo:22: warning: fo:bookmark: no element has its internal-destination "
                    "id; left out");
    /* The id of the last row is drawn on page 3. */
    const char *p3 = strstr(trace, "page 3 ");
    CHECK(p3 != NULL && strstr(p3, " row-last\n") != NULL);
    free(trace);
    free(msgs);
}

/* Two fixed columns of 80 mm in a body 100 mm wide: a warning, and the columns scaled down
 * to the body's width (the last border ends at the body's end). */
static void
test_too_wide(void)
{
    const char *tree =
        "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format' font-family='Noto Sans'>"
        "<fo:layout-master-set><fo:simple-page-master master-name='a' page-width='120mm' "
        "page-height='100mm' margin='10mm'><fo:region-body/></fo:simple-page-master>"
        "</fo:layout-master-set><fo:page-sequence master-reference='a'>"
        "<fo:flow flow-name='xsl-region-body'><fo:table border-collapse='separate'>\n"
        "<fo:table-column column-width='80mm'/><fo:table-column column-width='80mm'/>"
        "<fo:table-body><fo:table-row>"
        "<fo:table-cell border='1pt solid black'><fo:block>vänster</fo:block></fo:table-cell>"
        "<fo:table-cell border='1pt solid black'><fo:block>höger</fo:block></fo:table-cell>"
        "</fo:table-row></fo:table-body></fo:table></fo:flow></fo:page-sequence></fo:root>";
    size_t pages = 0;
    char *msgs = NULL;
    char *trace = typeset("wide.fo", tree, &pages, &msgs);
    CHECK_HAS(msgs, "wide.fo:1: warning: fo:table: its columns are 170.1 pt wider than the table; "
                    "they are scaled down to fit");
    if (trace != NULL) {
        /* Each cell 50 mm wide: the second one's end border ends where the body ends. */
        long max_end = 0;
        for (const char *p = strstr(trace, "rect "); p != NULL; p = strstr(p + 1, "rect ")) {
            long rx, ry, rw, rh;
            if (sscanf(p, "rect %ld %ld %ld %ld", &rx, &ry, &rw, &rh) == 4 && rx + rw > max_end)
                max_end = rx + rw;
        }
        CHECK_INT(max_end, mm(120) - mm(10));
        CHECK_HAS(trace, "\"vänster\"");
    }
    free(trace);
    free(msgs);
}

/* A row taller than a page: warned, its cells set one below another, every line kept. */
static void
test_tall_row(void)
{
    md_buf tree = {0};
    md_buf_adds(&tree, "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format' "
                       "font-family='Noto Sans' font-size='10pt' line-height='12pt'>"
                       "<fo:layout-master-set><fo:simple-page-master master-name='a' "
                       "page-width='100mm' page-height='60mm' margin='10mm'><fo:region-body/>"
                       "</fo:simple-page-master></fo:layout-master-set>"
                       "<fo:page-sequence master-reference='a'><fo:flow "
                       "flow-name='xsl-region-body'><fo:table>\n<fo:table-body><fo:table-row>"
                       "<fo:table-cell><fo:block>kort</fo:block></fo:table-cell><fo:table-cell>");
    for (int i = 1; i <= 12; i++)
        md_buf_addf(&tree, "<fo:block>rad%d</fo:block>", i);
    md_buf_adds(&tree, "</fo:table-cell></fo:table-row></fo:table-body></fo:table>"
                       "</fo:flow></fo:page-sequence></fo:root>");
    size_t pages = 0;
    char *msgs = NULL;
    char *trace = typeset("tall.fo", tree.data, &pages, &msgs);
    CHECK_HAS(msgs, "tall.fo:2: warning: fo:table-row is taller than a page (");
    CHECK_INT(pages, 2);
    if (trace != NULL) {
        for (int i = 1; i <= 12; i++) {
            char want[32];
            snprintf(want, sizeof want, "\"rad%d\"", i);
            CHECK_HAS(trace, want);
        }
        CHECK_INT(count(trace, "<TD>"), 2);
    }
    md_buf_free(&tree);
    free(trace);
    free(msgs);
}

/* table-omit-header-at-break="true": the header only where the table starts; the footer
 * (omitted at breaks too) only at its end. */
static void
test_omit(void)
{
    md_buf tree = {0};
    md_buf_adds(&tree, "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format' "
                       "font-family='Noto Sans' font-size='10pt' line-height='12pt'>"
                       "<fo:layout-master-set><fo:simple-page-master master-name='a' "
                       "page-width='100mm' page-height='60mm' margin='10mm'><fo:region-body/>"
                       "</fo:simple-page-master></fo:layout-master-set>"
                       "<fo:page-sequence master-reference='a'><fo:flow "
                       "flow-name='xsl-region-body'><fo:table table-omit-header-at-break='true' "
                       "table-omit-footer-at-break='true'><fo:table-header><fo:table-row>"
                       "<fo:table-cell><fo:block>Rubrik</fo:block></fo:table-cell></fo:table-row>"
                       "</fo:table-header><fo:table-footer><fo:table-row><fo:table-cell><fo:block>"
                       "Slut</fo:block></fo:table-cell></fo:table-row></fo:table-footer>"
                       "<fo:table-body>");
    for (int i = 1; i <= 12; i++)
        md_buf_addf(&tree,
                    "<fo:table-row><fo:table-cell><fo:block>rad%d</fo:block>"
                    "</fo:table-cell></fo:table-row>",
                    i);
    md_buf_adds(&tree, "</fo:table-body></fo:table></fo:flow></fo:page-sequence></fo:root>");
    size_t pages = 0;
    char *msgs = NULL;
    char *trace = typeset("omit.fo", tree.data, &pages, &msgs);
    CHECK_INT(pages, 2);
    if (trace != NULL) {
        CHECK_INT(count(trace, "\"Rubrik\""), 1);
        CHECK_INT(count(trace, "\"Slut\""), 1);
        const char *p2 = strstr(trace, "page 2 ");
        CHECK(p2 != NULL && strstr(p2, "\"Slut\"") != NULL && strstr(p2, "\"Rubrik\"") == NULL);
    }
    md_buf_free(&tree);
    free(trace);
    free(msgs);
}

/* The element a text is drawn in: the trace line before the text's, spaces taken off. */
static void
holder_of(const char *trace, const char *text, char *out, size_t cap)
{
    out[0] = '\0';
    const char *t = strstr(trace, text);
    if (t == NULL)
        return;
    const char *end = t;
    while (end > trace && end[-1] != '\n')
        end--; /* the start of the text's line */
    if (end == trace)
        return;
    const char *start = end - 1;
    while (start > trace && start[-1] != '\n')
        start--;
    while (*start == ' ')
        start++;
    snprintf(out, cap, "%.*s", (int)(end - 1 - start), start);
}

/* A table cell or list body that holds one paragraph of plain text holds the text itself
 * (TD > text, not TD > P > text: md_page_fold_sole_p); two paragraphs, or one with a link,
 * keep their P. */
static void
test_holders(void)
{
    const char *tree =
        "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format' font-family='Noto Sans' "
        "font-size='10pt' line-height='12pt'><fo:layout-master-set><fo:simple-page-master "
        "master-name='a' page-width='150mm' page-height='100mm' margin='10mm'><fo:region-body/>"
        "</fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference='a'>"
        "<fo:flow flow-name='xsl-region-body'><fo:table><fo:table-body><fo:table-row>"
        "<fo:table-cell><fo:block>ett</fo:block></fo:table-cell>"
        "<fo:table-cell><fo:block>tvaa</fo:block><fo:block>tre</fo:block></fo:table-cell>"
        "<fo:table-cell><fo:block><fo:basic-link external-destination='https://orebro.se'>"
        "fyra</fo:basic-link></fo:block></fo:table-cell></fo:table-row></fo:table-body>"
        "</fo:table><fo:list-block><fo:list-item><fo:list-item-label end-indent='label-end()'>"
        "<fo:block>1.</fo:block></fo:list-item-label><fo:list-item-body "
        "start-indent='body-start()'><fo:block>fem</fo:block></fo:list-item-body></fo:list-item>"
        "<fo:list-item><fo:list-item-label end-indent='label-end()'><fo:block>2.</fo:block>"
        "</fo:list-item-label><fo:list-item-body start-indent='body-start()'><fo:block>sex"
        "</fo:block><fo:block>sju</fo:block></fo:list-item-body></fo:list-item></fo:list-block>"
        "</fo:flow></fo:page-sequence></fo:root>";
    size_t pages = 0;
    char *msgs = NULL;
    char *trace = typeset("holders.fo", tree, &pages, &msgs);
    CHECK_INT(pages, 1);
    if (trace != NULL) {
        static const struct {
            const char *text, *holder;
        } want[] = {{"\"ett\"", "<TD>"},    {"\"tvaa\"", "<P>"}, {"\"tre\"", "<P>"},
                    {"\"fem\"", "<LBody>"}, {"\"sex\"", "<P>"},  {"\"sju\"", "<P>"}};
        for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
            char got[64];
            holder_of(trace, want[i].text, got, sizeof got);
            CHECK_STR(got, want[i].holder);
        }
        /* The link's text stays in its Link, inside a P. */
        CHECK_INT(count(trace, "<Link"), 1);
        CHECK_INT(count(trace, "<P>"), 5);
    }
    free(trace);
    free(msgs);
}

/* The PDF: the same bytes twice; read back with qpdf, the link goes to page 3 and the
 * bookmarks to their pages, the hidden one closed. */
static void
test_pdf(const char *argv0)
{
    char bin[512], cmd[2048];
    if (!check_build_dir(argv0, bin, sizeof bin)) {
        CHECK(!"the test binary's path names its build folder");
        return;
    }
    for (int i = 1; i <= 2; i++) {
        snprintf(cmd, sizeof cmd,
                 "SOURCE_DATE_EPOCH=1706572800 %s/motesdok typeset tests/page/table.fo "
                 "-o %s/table-test-%d.pdf 2>/dev/null",
                 bin, bin, i);
        CHECK_INT(system(cmd), 0);
    }
    snprintf(cmd, sizeof cmd, "cmp -s %s/table-test-1.pdf %s/table-test-2.pdf", bin, bin);
    CHECK_INT(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "qpdf --check %s/table-test-1.pdf >/dev/null", bin);
    CHECK_INT(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "python3 tests/page/pdf_dests.py %s/table-test-1.pdf", bin);
    FILE *f = popen(cmd, "r");
    md_buf got = {0};
    char line[256];
    while (f != NULL && fgets(line, sizeof line, f) != NULL)
        md_buf_adds(&got, line);
    CHECK(f != NULL && pclose(f) == 0);
    CHECK_STR(got.data != NULL ? got.data : "", "dest row-last 3\n"
                                                "dest sista-%C3%A5tg%C3%A4rd 3\n"
                                                "dest tbl 1\n"
                                                "dest top 1\n"
                                                "link 1 row-last 3\n"
                                                "outline 0 open 1 Åtgärder\n"
                                                "outline 1 closed 3 Sista raden\n"
                                                "outline 2 open 3 Sista åtgärden\n");
    md_buf_free(&got);
}

/* Every allocation of typesetting a small table with a header, spans, an internal link and a
 * bookmark failing in turn: MD_ENOMEM each time (the sanitize build and valgrind see leaks
 * and bad reads), until it succeeds. */
static void
test_alloc_failures(void)
{
    const char *tree =
        "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format' font-family='Noto Sans'>"
        "<fo:layout-master-set><fo:simple-page-master master-name='a' page-width='100mm' "
        "page-height='80mm' margin='10mm'><fo:region-body/></fo:simple-page-master>"
        "</fo:layout-master-set><fo:bookmark-tree><fo:bookmark internal-destination='t'>"
        "<fo:bookmark-title>T</fo:bookmark-title></fo:bookmark></fo:bookmark-tree>"
        "<fo:page-sequence master-reference='a'><fo:flow flow-name='xsl-region-body'>"
        "<fo:block>Se <fo:basic-link internal-destination='t'>tabellen</fo:basic-link>."
        "</fo:block><fo:table id='t'><fo:table-header><fo:table-row><fo:table-cell "
        "border='1pt solid black'><fo:block>A</fo:block></fo:table-cell><fo:table-cell>"
        "<fo:block>B</fo:block></fo:table-cell></fo:table-row></fo:table-header>"
        "<fo:table-body><fo:table-row><fo:table-cell number-rows-spanned='2'><fo:block>x"
        "</fo:block></fo:table-cell><fo:table-cell><fo:block>y</fo:block></fo:table-cell>"
        "</fo:table-row><fo:table-row><fo:table-cell><fo:block>z</fo:block></fo:table-cell>"
        "</fo:table-row></fo:table-body></fo:table></fo:flow></fo:page-sequence></fo:root>";
    md_diags *d = md_diags_new();
    md_fo_doc *doc = NULL;
    CHECK_INT(md_fo_read_memory("a.fo", tree, strlen(tree), d, &doc), MD_OK);
    int bad = 0, ok = 0;
    unsigned long k;
    for (k = 1; k < 20000 && doc != NULL; k++) {
        md_diags *dk = md_diags_new();
        md_buf out = {0};
        md_trace *t = md_trace_new(&out, md_font_name);
        md_page_env env = {fonts, NULL, NULL};
        md_alloc_fail_at(k);
        md_status st =
            t != NULL ? md_page_typeset(doc, &env, md_trace_canvas(t), dk, NULL) : MD_ENOMEM;
        md_alloc_fail_at(0);
        if (st != MD_OK && st != MD_ENOMEM)
            bad++;
        if (st == MD_OK) {
            ok = 1;
            CHECK_HAS(out.data, "<Link dest='t'>");
        }
        md_trace_free(t);
        md_buf_free(&out);
        md_diags_free(dk);
        if (ok)
            break;
    }
    CHECK_INT(bad, 0);
    CHECK_INT(ok, 1);
    CHECK(k > 20);
    md_fo_free(doc);
    md_diags_free(d);
}

int
main(int argc, char **argv)
{
    (void)argc;
    md_diags *d = md_diags_new();
    if (md_font_set_load("fonts", d, &fonts) != MD_OK) {
        printf("cannot load fonts\n");
        CHECK(0);
    } else {
        test_table();
        test_too_wide();
        test_tall_row();
        test_omit();
        test_holders();
        test_pdf(argv[0]);
        test_alloc_failures();
    }
    md_font_set_free(fonts);
    md_diags_free(d);
    return check_done();
}
