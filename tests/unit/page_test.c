/* Tests of the page builder: pagination of tests/page/flow.fo (page count, headings never
 * end a page, no widows or orphans, "Sida N av M" on each page, break-before, first/rest
 * masters), the golden trace of tests/page/small.fo, bad trees, and `motesdok typeset`. */
#include "page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "font.h"
#include "hyph.h"
#include "trace.h"

static md_font_set *fonts;
static md_hyph *hyph;

/* The trace of the tree at path (caller frees), or NULL; *pages the page count. */
static char *
typeset(const char *path, size_t *pages, md_status *status)
{
    md_diags *d = md_diags_new();
    md_fo_doc *doc = NULL;
    md_buf out = {0};
    md_status st = md_fo_read(path, d, &doc);
    md_trace *t = md_trace_new(&out, md_font_name);
    if (st == MD_OK) {
        md_page_env env = {fonts, hyph, NULL};
        st = md_page_typeset(doc, &env, md_trace_canvas(t), d, pages);
    }
    md_buf msg = {0};
    md_diags_render(d, &msg);
    if (msg.data != NULL && getenv("MD_VERBOSE") != NULL)
        fputs(msg.data, stdout);
    md_buf_free(&msg);
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR), 0);
    md_trace_free(t);
    md_fo_free(doc);
    md_diags_free(d);
    *status = st;
    return st == MD_OK ? md_buf_take(&out) : (md_buf_free(&out), NULL);
}

/* One line of the flow as the trace shows it. */
typedef struct tline {
    int page, block;
    char role[8];
    char text[80]; /* its first run */
} tline;

/* Reads the trace: flow lines, and per page the static text. Flow text is in a Span or Link,
 * or directly in a block element (P, H1 …) begun on the same page (a block that fits its page
 * is drawn as a leaf), or in a list body or table cell that holds one paragraph; static text
 * is drawn outside those, at the top of each page. */
static size_t
parse(char *trace, tline *lines, size_t cap, char statics[][160], int max_pages)
{
    size_t n = 0;
    int page = 0, block = 0, in_leaf = 0, depth = 0;
    int open_page[64] = {0}; /* the page each open element began on */
    char open_role[64][8] = {{0}};
    long last_y = -1;
    char role[8] = "";
    for (char *l = strtok(trace, "\n"); l != NULL; l = strtok(NULL, "\n")) {
        while (*l == ' ')
            l++;
        if (strncmp(l, "page ", 5) == 0) {
            page = atoi(l + 5);
            continue;
        }
        if (l[0] == '<' && l[1] == '/') {
            if (depth > 0)
                depth--;
        } else if (l[0] == '<' && depth < 64) {
            snprintf(open_role[depth], sizeof open_role[depth], "%.*s", (int)strcspn(l + 1, " >"),
                     l + 1);
            open_page[depth++] = page;
        }
        const char *in = depth > 0 ? open_role[depth - 1] : "";
        int is_block = strcmp(in, "P") == 0 || (in[0] == 'H' && in[1] >= '1' && in[1] <= '6');
        /* A list body or table cell holding one paragraph holds its text itself. */
        int is_holder = strcmp(in, "LBody") == 0 || strcmp(in, "TD") == 0 || strcmp(in, "TH") == 0;
        in_leaf =
            strcmp(in, "Span") == 0 || strcmp(in, "Link") == 0 ||
            ((is_block || is_holder || strcmp(in, "Lbl") == 0) && open_page[depth - 1] == page);
        if (strcmp(l, "<P>") == 0 || strcmp(l, "<LBody>") == 0 || strcmp(l, "<TD>") == 0 ||
            strcmp(l, "<TH>") == 0 || (l[0] == '<' && l[1] == 'H' && l[3] == '>')) {
            block++;
            snprintf(role, sizeof role, "%.*s", (int)(strchr(l, '>') - l - 1), l + 1);
        } else if (strncmp(l, "text ", 5) == 0) {
            char *q = strchr(l, '"');
            if (q == NULL)
                continue;
            size_t len = strlen(q + 1) - 1;
            /* A new line of the flow where the baseline changes. */
            long y = strtol(strchr(l + 5, ' ') + 1, NULL, 10);
            if (in_leaf && n < cap && (n == 0 || y != last_y || page != lines[n - 1].page)) {
                lines[n++] = (tline){page, block, "", ""};
                snprintf(lines[n - 1].role, sizeof lines[n - 1].role, "%s", role);
            }
            if (in_leaf)
                last_y = y;
            if (in_leaf && n > 0 && lines[n - 1].text[0] == '\0')
                snprintf(lines[n - 1].text, sizeof lines[n - 1].text, "%.*s", (int)len, q + 1);
            else if (!in_leaf && page > 0 && page <= max_pages) {
                size_t have = strlen(statics[page - 1]);
                snprintf(statics[page - 1] + have, 160 - have, "%s%.*s", have ? " " : "", (int)len,
                         q + 1);
            }
        }
    }
    return n;
}

static void
test_flow(void)
{
    size_t pages = 0;
    md_status st;
    char *trace = typeset("tests/page/flow.fo", &pages, &st);
    CHECK_INT(st, MD_OK);
    if (trace == NULL)
        return;
    CHECK_INT(pages, 7);
    static tline lines[400];
    static char statics[16][160];
    size_t n = parse(trace, lines, 400, statics, 16);
    CHECK_INT(n, 58);
    /* Static content: the first master's header on page 1, the rest's after; the footer. */
    for (int p = 1; p <= (int)pages && p <= 16; p++) {
        char want[64];
        snprintf(want, sizeof want, "%s Sida %d av %zu", p == 1 ? "Örebro kommun" : "Samverkansråd",
                 p, pages);
        CHECK_STR(statics[p - 1], want);
    }
    for (size_t i = 0; i + 1 < n; i++) {
        if (lines[i].page == lines[i + 1].page)
            continue;
        /* A heading never ends a page (keep-with-next). */
        if (lines[i].role[0] == 'H')
            printf("page %d ends with heading \"%s\"\n", lines[i].page, lines[i].text);
        CHECK(lines[i].role[0] != 'H');
        /* No orphan, no widow: a paragraph split by the break has two lines on each side. */
        if (lines[i].block == lines[i + 1].block) {
            int before = 0, after = 0;
            for (size_t k = 0; k < n; k++) {
                before += lines[k].block == lines[i].block && lines[k].page == lines[i].page;
                after += lines[k].block == lines[i].block && lines[k].page == lines[i + 1].page;
            }
            if (before < 2 || after < 2)
                printf("paragraph \"%s\" split %d + %d at page %d\n", lines[i].text, before, after,
                       lines[i].page);
            CHECK(before >= 2 && after >= 2);
        }
    }
    /* break-before="page": "Bilaga" starts a page of its own. */
    int found = 0;
    for (size_t i = 1; i < n; i++) {
        if (strcmp(lines[i].text, "Bilaga") == 0) {
            found = 1;
            CHECK(lines[i - 1].page < lines[i].page);
            CHECK_INT(lines[i].page, (int)pages);
            CHECK_STR(lines[i].role, "H1");
        }
    }
    CHECK(found);
    free(trace);
}

static void
test_golden(void)
{
    size_t pages = 0;
    md_status st;
    char *trace = typeset("tests/page/small.fo", &pages, &st);
    CHECK_INT(st, MD_OK);
    CHECK_INT(pages, 1);
    if (trace == NULL)
        return;
    if (getenv("MD_GOLDEN_UPDATE") != NULL) {
        FILE *f = fopen("tests/page/small.trace", "w");
        if (f != NULL) {
            fputs(trace, f);
            fclose(f);
        }
    }
    md_buf want = {0};
    CHECK_INT(md_buf_read_file(&want, "tests/page/small.trace", 1 << 20), MD_OK);
    int same = want.data != NULL && strcmp(want.data, trace) == 0;
    if (!same) {
        FILE *f = fopen("out/page-small.trace", "w");
        if (f != NULL) {
            fputs(trace, f);
            fclose(f);
        }
        printf("tests/page/small.trace differs; got out/page-small.trace\n");
    }
    CHECK(same);
    md_buf_free(&want);
    free(trace);
}

static void
test_bad(void)
{
    const char *tree =
        "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'><fo:layout-master-set>"
        "<fo:simple-page-master master-name='a'><fo:region-body/></fo:simple-page-master>"
        "</fo:layout-master-set><fo:page-sequence master-reference='b'>"
        "<fo:flow flow-name='xsl-region-body'><fo:block>x</fo:block></fo:flow>"
        "</fo:page-sequence></fo:root>";
    md_diags *d = md_diags_new();
    md_fo_doc *doc = NULL;
    CHECK_INT(md_fo_read_memory("bad.fo", tree, strlen(tree), d, &doc), MD_OK);
    md_buf out = {0};
    md_trace *t = md_trace_new(&out, md_font_name);
    md_page_env env = {fonts, hyph, NULL};
    CHECK_INT(md_page_typeset(doc, &env, md_trace_canvas(t), d, NULL), MD_EINPUT);
    md_buf msg = {0};
    md_diags_render(d, &msg);
    CHECK(msg.data != NULL && strstr(msg.data, "bad.fo:1: error: fo:page-sequence "
                                               "master-reference=\"b\"") != NULL);
    md_buf_free(&msg);
    md_buf_free(&out);
    md_trace_free(t);
    md_fo_free(doc);
    md_diags_free(d);
}

/* Margins wider than the page (found by fo_fuzz): the region-body has a negative width;
 * an error names the page master, its page size and margins, instead of MD_EBUG from the
 * paragraph builder with no message. */
static void
test_margins_too_wide(void)
{
    const char *tree =
        "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'><fo:layout-master-set>\n"
        "<fo:simple-page-master master-name='p' page-width='50mm' page-height='90mm' "
        "margin='66mm'><fo:region-body/></fo:simple-page-master>"
        "</fo:layout-master-set><fo:page-sequence master-reference='p'>"
        "<fo:flow flow-name='xsl-region-body'><fo:block>Kallelse</fo:block></fo:flow>"
        "</fo:page-sequence></fo:root>";
    md_diags *d = md_diags_new();
    md_fo_doc *doc = NULL;
    CHECK_INT(md_fo_read_memory("wide.fo", tree, strlen(tree), d, &doc), MD_OK);
    md_buf out = {0};
    md_trace *t = md_trace_new(&out, md_font_name);
    md_page_env env = {fonts, hyph, NULL};
    CHECK_INT(md_page_typeset(doc, &env, md_trace_canvas(t), d, NULL), MD_EINPUT);
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR), 1);
    md_buf msg = {0};
    md_diags_render(d, &msg);
    CHECK(msg.data != NULL &&
          strstr(msg.data, "wide.fo:2: error: simple-page-master \"p\": its region-body is "
                           "-82.0mm wide") != NULL);
    CHECK(msg.data != NULL && strstr(msg.data, "50.0mm × 90.0mm page") != NULL);
    CHECK(msg.data != NULL && strstr(msg.data, "left 66.0mm") != NULL);
    md_buf_free(&msg);
    md_buf_free(&out);
    md_trace_free(t);
    md_fo_free(doc);
    md_diags_free(d);
}

/* A block with background and borders broken across pages (the "Beslut" box of a protokoll):
 * each page draws its part with the background and the start rule; the before border only on
 * the first part, the after border only on the last (XSL border-*-width.conditionality,
 * default discard).
 * The header's own bordered block must not replace the flow's open box (it did: the continued
 * parts had no background). */
static void
test_broken_box(void)
{
    md_buf tree = {0};
    md_buf_addf(&tree,
                "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format' font-family='Noto Sans' "
                "font-size='10pt' line-height='14pt'><fo:layout-master-set>"
                "<fo:simple-page-master master-name='p' page-width='80mm' page-height='60mm' "
                "margin='8mm'><fo:region-body margin-top='8mm'/><fo:region-before extent='6mm'/>"
                "</fo:simple-page-master></fo:layout-master-set>"
                "<fo:page-sequence master-reference='p'><fo:title>Ruta</fo:title>"
                "<fo:static-content flow-name='xsl-region-before'><fo:block "
                "border-after-width='0.5pt' border-after-style='solid' "
                "border-after-color='#b7c4cc'>Huvud</fo:block></fo:static-content>"
                "<fo:flow flow-name='xsl-region-body'><fo:block>Före.</fo:block>"
                "<fo:block border-start-width='3pt' border-start-style='solid' "
                "border-start-color='#1b5e7e' border-before-width='1pt' "
                "border-before-style='solid' border-before-color='#ff0000' "
                "border-after-width='1pt' border-after-style='solid' "
                "border-after-color='#00ff00' background-color='#e6eff4' padding='5pt'>"
                "<fo:block font-weight='bold'>Beslut</fo:block><fo:block>");
    for (int i = 0; i < 30; i++)
        md_buf_addf(&tree, "Rad %d med lite text. ", i);
    md_buf_addf(&tree, "</fo:block></fo:block></fo:flow>"
                       "</fo:page-sequence></fo:root>");
    md_diags *d = md_diags_new();
    md_fo_doc *doc = NULL;
    CHECK_INT(md_fo_read_memory("box.fo", tree.data, tree.len, d, &doc), MD_OK);
    md_buf out = {0};
    md_trace *t = md_trace_new(&out, md_font_name);
    md_page_env env = {fonts, hyph, NULL};
    size_t pages = 0;
    CHECK_INT(md_page_typeset(doc, &env, md_trace_canvas(t), d, &pages), MD_OK);
    md_trace_free(t);
    CHECK(pages >= 3);
    /* Per page: background, start rule, before border, after border, header rule. */
    int n[8][5] = {{0}};
    int page = 0;
    for (char *l = strtok(out.data, "\n"); l != NULL; l = strtok(NULL, "\n")) {
        while (*l == ' ')
            l++;
        if (strncmp(l, "page ", 5) == 0)
            page++;
        if (page < 1 || page > 8 || strncmp(l, "rect ", 5) != 0)
            continue;
        static const char *colors[5] = {"#e6eff4", "#1b5e7e", "#ff0000", "#00ff00", "#b7c4cc"};
        for (int k = 0; k < 5; k++)
            n[page - 1][k] += strstr(l, colors[k]) != NULL;
    }
    for (size_t p = 0; p < pages && p < 8; p++) {
        CHECK_INT(n[p][0], 1);
        CHECK_INT(n[p][1], 1);
        CHECK_INT(n[p][2], p == 0);
        CHECK_INT(n[p][3], p + 1 == pages);
        CHECK_INT(n[p][4], 1);
    }
    md_buf_free(&out);
    md_buf_free(&tree);
    md_fo_free(doc);
    md_diags_free(d);
}

/* An inline's background ends with its last glyph: not under the space that follows it (it
 * reached on to the next word). */
static void
test_inline_background(void)
{
    const char *tree =
        "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format' font-family='Noto Sans' "
        "font-size='10pt'><fo:layout-master-set><fo:simple-page-master master-name='p' "
        "page-width='100mm' page-height='40mm' margin='5mm'><fo:region-body/>"
        "</fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference='p'>"
        "<fo:title>Bakgrund</fo:title><fo:flow flow-name='xsl-region-body'><fo:block>"
        "<fo:inline background-color='#00ff00'>vit blå</fo:inline> och</fo:block>"
        "</fo:flow></fo:page-sequence></fo:root>";
    md_diags *d = md_diags_new();
    md_fo_doc *doc = NULL;
    CHECK_INT(md_fo_read_memory("bg.fo", tree, strlen(tree), d, &doc), MD_OK);
    md_buf out = {0};
    md_trace *t = md_trace_new(&out, md_font_name);
    md_page_env env = {fonts, hyph, NULL};
    CHECK_INT(md_page_typeset(doc, &env, md_trace_canvas(t), d, NULL), MD_OK);
    md_trace_free(t);
    long gx = -1, gw = -1, bx = -1, ox = -1, n_green = 0;
    for (char *l = strtok(out.data, "\n"); l != NULL; l = strtok(NULL, "\n")) {
        long x, y, w, h;
        char rgb[8];
        if (sscanf(l, " rect %ld %ld %ld %ld #%7s", &x, &y, &w, &h, rgb) == 5 &&
            strcmp(rgb, "00ff00") == 0) {
            n_green++;
            gx = gx < 0 || x < gx ? x : gx;
            gw = x + w - gx > gw ? x + w - gx : gw;
        }
        if (sscanf(l, " text %ld %ld", &x, &y) == 2 && strstr(l, "\"blå\"") != NULL)
            bx = x;
        if (sscanf(l, " text %ld %ld", &x, &y) == 2 && strstr(l, "\"och\"") != NULL)
            ox = x;
    }
    CHECK(n_green >= 1 && gx >= 0 && bx > gx && ox > bx);
    /* It covers "blå" (at least 1 pt of it) but stops 1 pt or more before "och". */
    CHECK(gx + gw > bx + 65536);
    CHECK(gx + gw < ox - 65536);
    md_buf_free(&out);
    md_fo_free(doc);
    md_diags_free(d);
}

/* STYLE.md "Messages": a warning about a block with md:src is located at the meeting line,
 * the FO line follows as a note; without a meeting file the FO line comes first. */
static void
test_diag_order(void)
{
    const char *tree =
        "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format' xmlns:md='urn:motesdok:xslt'>\n"
        "<fo:layout-master-set><fo:simple-page-master master-name='a'><fo:region-body/>"
        "</fo:simple-page-master></fo:layout-master-set>\n"
        "<fo:page-sequence master-reference='a'><fo:flow flow-name='xsl-region-body'>\n"
        "<fo:block md:src='42'>see <fo:basic-link internal-destination='nowhere'>x"
        "</fo:basic-link></fo:block>\n"
        "<fo:block>p. <fo:page-number-citation ref-id='gone'/></fo:block>\n"
        "</fo:flow></fo:page-sequence></fo:root>";
    for (int with_source = 0; with_source <= 1; with_source++) {
        md_diags *d = md_diags_new();
        md_fo_doc *doc = NULL;
        CHECK_INT(md_fo_read_memory("t.fo", tree, strlen(tree), d, &doc), MD_OK);
        md_buf out = {0};
        md_trace *t = md_trace_new(&out, md_font_name);
        md_page_env env = {fonts, hyph, with_source ? "m.xml" : NULL};
        CHECK_INT(md_page_typeset(doc, &env, md_trace_canvas(t), d, NULL), MD_OK);
        md_buf msg = {0};
        md_diags_render(d, &msg);
        const char *m = msg.data != NULL ? msg.data : "";
        if (with_source) {
            CHECK(strstr(m, "m.xml:42: warning: fo:basic-link internal-destination=\"nowhere\"") !=
                  NULL);
            CHECK(strstr(m, "no element has that id; its text is set unlinked\n"
                            "t.fo:4: note: the fo:basic-link in the layout tree\n") != NULL);
        } else {
            CHECK(strstr(m, "t.fo:4: warning: fo:basic-link internal-destination=\"nowhere\"") !=
                  NULL);
            CHECK(strstr(m, "note: from line 42 of the meeting (md:src)") != NULL);
        }
        /* No md:src: the FO line whether or not the meeting file is known, and no note. */
        CHECK(strstr(m, "t.fo:5: warning: page-number-citation ref-id=\"gone\"") != NULL);
        if (!with_source)
            CHECK(strstr(m, "m.xml") == NULL);
        md_buf_free(&msg);
        md_buf_free(&out);
        md_trace_free(t);
        md_fo_free(doc);
        md_diags_free(d);
    }
}

/* text-decoration draws a rule under (through) the decorated words and the spaces between
 * them, not past the last one; an inline's id is a destination at the line it is set on. */
static void
test_decoration_and_inline_id(void)
{
    const char *tree =
        "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'><fo:layout-master-set>"
        "<fo:simple-page-master master-name='a' page-width='100mm' page-height='80mm' "
        "margin='10mm'><fo:region-body/></fo:simple-page-master></fo:layout-master-set>"
        "<fo:page-sequence master-reference='a'><fo:flow flow-name='xsl-region-body'>"
        "<fo:block>Go <fo:inline text-decoration='underline' color='red'>under here</fo:inline>"
        " then <fo:inline text-decoration='line-through'>struck</fo:inline> end.</fo:block>"
        "<fo:block>One two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen <fo:inline id='far'>far</fo:inline> x.</fo:block>"
        "</fo:flow></fo:page-sequence></fo:root>";
    md_diags *d = md_diags_new();
    md_fo_doc *doc = NULL;
    CHECK_INT(md_fo_read_memory("deco.fo", tree, strlen(tree), d, &doc), MD_OK);
    md_buf out = {0};
    md_trace *t = md_trace_new(&out, md_font_name);
    md_page_env env = {fonts, hyph, NULL};
    CHECK_INT(md_page_typeset(doc, &env, md_trace_canvas(t), d, NULL), MD_OK);
    CHECK_INT(md_diags_count(d, MD_DIAG_WARNING), 0);
    const char *tr = out.data != NULL ? out.data : "";
    /* "under" at x0, "here" at x1: a red rule per word, the first reaching on to "here"
     * (under the space between them). */
    long ux = -1, hx = -1, by = -1, rx = -1, ry = -1, rw = -1, n_red = 0, sx = -1, sw = -1;
    for (const char *l = tr; (l = strstr(l, "\n")) != NULL; l++) {
        long x, y, w, h;
        char rgb[8];
        const char *eol = strchr(l + 1, '\n');
        size_t ll = eol != NULL ? (size_t)(eol - l - 1) : strlen(l + 1);
        char line[200];
        snprintf(line, sizeof line, "%.*s", (int)(ll < 199 ? ll : 199), l + 1);
        int is_text = sscanf(line, " text %ld %ld", &x, &y) == 2;
        if (is_text && strstr(line, "\"under\"") != NULL)
            ux = x, by = y;
        if (is_text && strstr(line, "\"here\"") != NULL)
            hx = x;
        if (is_text && strstr(line, "\"struck\"") != NULL)
            sx = x;
        if (sscanf(line, " rect %ld %ld %ld %ld #%7s", &x, &y, &w, &h, rgb) == 5) {
            if (strcmp(rgb, "ff0000") == 0) {
                n_red++;
                if (rx < 0)
                    rx = x, ry = y, rw = w;
            } else if (x == sx) {
                sw = w;
                CHECK(y < by); /* through the letters, above the baseline */
            }
        }
    }
    CHECK(ux > 0 && hx > ux);
    CHECK_INT(rx, ux);
    CHECK(ry > by && ry < by + 12 * 65536 / 4); /* under the baseline, within 0.25 em */
    CHECK(n_red == 2 && rx + rw == hx);
    /* "struck" ends well before the next word: its rule is shorter than "struck end". */
    CHECK(sw > 20 * 65536 && sw < 45 * 65536);
    /* The destination is drawn just before the line that holds "far", not the first one. */
    const char *dest = strstr(tr, "dest ");
    const char *far = strstr(tr, "\"far\"");
    const char *one = strstr(tr, "\"One\"");
    CHECK(dest != NULL && far != NULL && one != NULL && dest > one && dest < far);
    md_buf_free(&out);
    md_trace_free(t);
    md_fo_free(doc);
    md_diags_free(d);
}

/* motesdok typeset: a PDF with the text, byte-identical twice. The binary is beside tests/. */
static void
test_cli(const char *argv0)
{
    char bin[512], cmd[2048];
    if (!check_build_dir(argv0, bin, sizeof bin)) {
        CHECK(!"the test binary's path names its build folder");
        return;
    }
    for (int i = 1; i <= 2; i++) {
        snprintf(cmd, sizeof cmd,
                 "SOURCE_DATE_EPOCH=1706572800 %s/motesdok typeset tests/page/flow.fo "
                 "-o %s/page-test-%d.pdf",
                 bin, bin, i);
        CHECK_INT(system(cmd), 0);
    }
    snprintf(cmd, sizeof cmd, "cmp -s %s/page-test-1.pdf %s/page-test-2.pdf", bin, bin);
    CHECK_INT(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "head -c 5 %s/page-test-1.pdf | grep -q '%%PDF-'", bin);
    CHECK_INT(system(cmd), 0);
    snprintf(cmd, sizeof cmd,
             "pdftotext %s/page-test-1.pdf - | grep -q 'Välkomna och presentationsrunda' && "
             "pdftotext %s/page-test-1.pdf - | grep -q 'Sida 7 av 7'",
             bin, bin);
    CHECK_INT(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "%s/motesdok typeset tests/page/flow.fo 2>/dev/null", bin);
    CHECK(system(cmd) != 0);
}

/* Page numbers in the formats of XSL §7.26.1, values checked by hand. */
static void
test_number_formats(void)
{
    char b[MD_PAGE_NUMBER_MAX];
    static const struct {
        int n;
        const char *format, *want;
    } cases[] = {
        {7, NULL, "7"},
        {7, "1", "7"},
        {7, "01", "07"},
        {0, "01", "00"},
        {123, "01", "123"},
        {1, "i", "i"},
        {4, "i", "iv"},
        {9, "i", "ix"},
        {14, "i", "xiv"},
        {1994, "I", "MCMXCIV"},
        {3888, "i", "mmmdccclxxxviii"},
        {4000, "i", "4000"},
        {1, "a", "a"},
        {26, "a", "z"},
        {27, "a", "aa"},
        {52, "A", "AZ"},
        {703, "a", "aaa"},
        {0, "i", "0"},
        {-3, "a", "-3"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len = md_page_number_format(cases[i].n, cases[i].format, b);
        CHECK_STR(b, cases[i].want);
        CHECK_INT((int)len, (int)strlen(cases[i].want));
    }
    CHECK(md_page_number_format_ok(NULL) && md_page_number_format_ok("I") &&
          md_page_number_format_ok("01"));
    CHECK(!md_page_number_format_ok("1.") && !md_page_number_format_ok("α") &&
          !md_page_number_format_ok(""));
}

/* A roman front matter: printed numbers, citations and the PDF's page labels agree. */
static void
test_page_labels(const char *argv0)
{
    char bin[512], cmd[2048];
    if (!check_build_dir(argv0, bin, sizeof bin)) {
        CHECK(!"the test binary's path names its build folder");
        return;
    }
    snprintf(cmd, sizeof cmd, "%s/motesdok typeset tests/page/labels.fo -o %s/labels.pdf", bin,
             bin);
    CHECK_INT(system(cmd), 0);
    snprintf(cmd, sizeof cmd,
             "pdftotext %s/labels.pdf - | tr -s '\\n\\f ' '   ' | grep -q 'Sida i av iii "
             "Innehåll, se sidan 1. Sida ii av iii Tredje sidan. Sida iii av iii Huvuddel Sida "
             "1 Andra. Sida 2'",
             bin);
    CHECK_INT(system(cmd), 0);
    /* Labels i, ii, iii, then decimals from 1 at the fourth page. */
    snprintf(cmd, sizeof cmd,
             "qpdf --json --json-key=pagelabels %s/labels.pdf | tr -d ' \\n' | grep -q "
             "'\"index\":0,\"label\":{\"/P\":\"u:i\".*\"index\":2,\"label\":{\"/P\":\"u:iii\""
             ".*\"index\":3,\"label\":{\"/S\":\"/D\",\"/St\":1}'",
             bin);
    CHECK_INT(system(cmd), 0);
}

int
main(int argc, char **argv)
{
    (void)argc;
    md_diags *d = md_diags_new();
    if (md_font_set_load("fonts", d, &fonts) != MD_OK ||
        md_hyph_load("/usr/share/hyphen/hyph_sv_SE.dic", "xml/hyphenation/sv-exceptions.txt", d,
                     &hyph) != MD_OK) {
        printf("cannot load fonts or hyphenation patterns\n");
        CHECK(0);
    } else {
        test_flow();
        test_golden();
        test_bad();
        test_margins_too_wide();
        test_broken_box();
        test_inline_background();
        test_diag_order();
        test_decoration_and_inline_id();
        test_cli(argv[0]);
        test_number_formats();
        test_page_labels(argv[0]);
    }
    md_hyph_free(hyph);
    md_font_set_free(fonts);
    md_diags_free(d);
    return check_done();
}
