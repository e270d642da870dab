/* Tests of xslt: the Swedish l10n table (tests/xslt/cases.xml, one check per case) through
 * md_xslt as production runs it, md:line(), params and the build date, xsl:message and libxslt's
 * errors as diagnostics, the refusals and limits against malicious stylesheets
 * (tests/xslt/evil-*.xsl), and allocation failures. Runs from the repository root. */
#include "xslt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

#define LINES "tests/xslt/lines.xml"

typedef struct result {
    md_status st; /* of the load, or of the run when the load succeeded */
    int is_loaded;
    char *out;
    char *diags;
    size_t errors;
} result;

/* Loads style with root as the project folder and runs it on the file input. */
static void
run_in(const char *root, const char *style, const char *input, const char *const *params, result *r)
{
    memset(r, 0, sizeof *r);
    md_diags *d = md_diags_new();
    md_xslt *x = NULL;
    md_xml_doc *doc = NULL;
    md_buf out = {0}, text = {0};
    r->st = md_xslt_load(root, style, d, &x);
    r->is_loaded = r->st == MD_OK;
    if (r->st == MD_OK)
        r->st = md_xml_read(input, d, &doc);
    if (r->st == MD_OK)
        r->st = md_xslt_run(x, doc, params, d, &out);
    md_diags_render(d, &text);
    r->errors = md_diags_count(d, MD_DIAG_ERROR);
    r->out = md_buf_take(&out);
    r->diags = md_buf_take(&text);
    md_xml_free(doc);
    md_xslt_free(x);
    md_diags_free(d);
}

static void
run(const char *style, const char *input, const char *const *params, result *r)
{
    run_in(".", style, input, params, r);
}

static void
result_free(result *r)
{
    md_free(r->out);
    md_free(r->diags);
}

/* Runs an evil stylesheet and expects the status, exactly one error, and its message. */
static void
expect_refused(const char *style, const char *const *params, md_status want, const char *message)
{
    result r;
    run(style, LINES, params, &r);
    CHECK_INT(r.st, want);
    CHECK_INT(r.errors, 1);
    CHECK_HAS(r.diags, message);
    CHECK_STR(r.out, "");
    result_free(&r);
}

/* The table of tests/xslt/cases.xml: every "PASS" line is a passed check, every "FAIL" line a
 * failed one, and the count must match the number of cases. */
static void
test_l10n_table(void)
{
    result r;
    run("tests/xslt/l10n-test.xsl", "tests/xslt/cases.xml", NULL, &r);
    CHECK_INT(r.st, MD_OK);
    CHECK_STR(r.diags, "");
    int pass = 0, fail = 0, cases = -1;
    for (char *line = r.out, *next; line != NULL && *line != '\0'; line = next) {
        next = strchr(line, '\n');
        if (next != NULL)
            *next++ = '\0';
        if (strncmp(line, "PASS ", 5) == 0) {
            pass++;
            check_passed++;
        } else if (strncmp(line, "FAIL ", 5) == 0) {
            fail++;
            check_failed++;
            printf("tests/xslt/cases.xml: %s\n", line);
        } else if (sscanf(line, "cases: %d", &cases) != 1) {
            check_failed++;
            printf("tests/xslt/l10n-test.xsl: unexpected output line \"%s\"\n", line);
        }
    }
    CHECK_INT(pass + fail, cases);
    CHECK(cases >= 40);
    result_free(&r);

    /* The table notices a wrong expectation: a case that must print FAIL. */
    md_diags *d = md_diags_new();
    md_xslt *x = NULL;
    md_xml_doc *doc = NULL;
    md_buf out = {0};
    const char *wrong = "<cases xmlns='urn:motesdok:test:l10n'><case template='amount' "
                        "input='15000' expected='15 000 kr'/></cases>";
    CHECK_INT(md_xslt_load(".", "tests/xslt/l10n-test.xsl", d, &x), MD_OK);
    CHECK_INT(md_xml_read_memory("wrong.xml", wrong, strlen(wrong), d, &doc), MD_OK);
    if (x != NULL && doc != NULL)
        CHECK_INT(md_xslt_run(x, doc, NULL, d, &out), MD_OK);
    CHECK_STR(out.data, "FAIL amount(15000): expected \"15 000 kr\", got "
                        "\"15\u237D000\u237Dkr\"\ncases: 1\n");
    md_buf_free(&out);
    md_xml_free(doc);
    md_xslt_free(x);
    md_diags_free(d);

    /* The same inputs give the same bytes. */
    result a, b;
    run("tests/xslt/line.xsl", LINES, NULL, &a);
    run("tests/xslt/line.xsl", LINES, NULL, &b);
    CHECK_INT(a.st, MD_OK);
    CHECK_STR(a.out, b.out);
    result_free(&a);
    result_free(&b);
}

/* md:line() gives the line libxml2 records for an element (where its start tag ends), its
 * parent's for an attribute, the first in document order for a node-set, 0 for none. */
static void
test_line_and_params(void)
{
    result r;
    const char *note[] = {"note", "it's \"quoted\" & <raw>", NULL};
    run("tests/xslt/line.xsl", LINES, note, &r);
    CHECK_INT(r.st, MD_OK);
    CHECK_STR(r.out, "meeting 4\ndate 4\ntitle 5\nitem 9\nitems 9\nnothing 0\nxml/ read 1\n"
                     "built 2024-01-30\nnote it's \"quoted\" & <raw>\n");
    CHECK_STR(r.diags, "");
    result_free(&r);

    const char *dated[] = {"build-date", "2025-06-01", NULL};
    run("tests/xslt/line.xsl", LINES, dated, &r);
    CHECK_HAS(r.out, "built 2025-06-01\n");
    result_free(&r);
}

static void
expect_date(const char *epoch, md_status want, const char *date)
{
    md_diags *d = md_diags_new();
    md_xml_doc *doc = NULL;
    char out[11] = "unchanged";
    CHECK_INT(md_xml_read(LINES, d, &doc), MD_OK);
    md_status st = md_xslt_build_date(epoch, doc, d, out);
    CHECK_INT(st, want);
    if (want == MD_OK)
        CHECK_STR(out, date);
    else
        CHECK_INT(md_diags_count(d, MD_DIAG_ERROR), 1);
    md_xml_free(doc);
    md_diags_free(d);
}

/* SOURCE_DATE_EPOCH as UTC days; unset, the meeting's date; never the clock. */
static void
test_build_date(void)
{
    expect_date("1706572800", MD_OK, "2024-01-30");
    expect_date("1706659199", MD_OK, "2024-01-30"); /* 23:59:59 the same day */
    expect_date("1582934400", MD_OK, "2020-02-29");
    expect_date("0", MD_OK, "1970-01-01");
    expect_date("253402300799", MD_OK, "9999-12-31");
    expect_date(NULL, MD_OK, "2024-01-30");
    expect_date("", MD_OK, "2024-01-30");
    expect_date("253402300800", MD_EINPUT, NULL);
    expect_date("-1", MD_EINPUT, NULL);
    expect_date("17065728OO", MD_EINPUT, NULL);
    expect_date("1706572800 ", MD_EINPUT, NULL);
}

/* xsl:message is a warning at the stylesheet's line with a note at the meeting's; with
 * terminate="yes" an error, and the run gives MD_EINPUT and no output. */
static void
test_messages(void)
{
    result r;
    run("tests/xslt/message.xsl", LINES, NULL, &r);
    CHECK_INT(r.st, MD_EINPUT);
    CHECK_INT(r.errors, 1);
    CHECK_STR(r.diags,
              "tests/xslt/message.xsl:12: warning: the title \"Samverkansrådet och C-nätet\" is "
              "long\n"
              "tests/xslt/lines.xml:5: note: while processing <title>\n"
              "tests/xslt/message.xsl:16: error: no template for <place> on line 7; add one to "
              "the stylesheet\n"
              "tests/xslt/lines.xml:7: note: while processing <place>\n");
    CHECK_STR(r.out, "");
    result_free(&r);
}

/* libxslt's and libxml2's errors: one diagnostic each, at the stylesheet's file:line. */
static void
test_errors(void)
{
    result r;
    run("tests/xslt/bad-function.xsl", LINES, NULL, &r);
    CHECK_INT(r.st, MD_EINPUT);
    CHECK_INT(r.errors, 1);
    CHECK_HAS(r.diags, "tests/xslt/bad-function.xsl:7: error: unknown function run() in "
                       "\"ev:run('x')\"");
    result_free(&r);

    run("tests/xslt/bad-syntax.xsl", LINES, NULL, &r);
    CHECK_INT(r.st, MD_EINPUT);
    CHECK_INT(r.is_loaded, 0);
    CHECK_INT(r.errors, 2);
    CHECK_HAS(r.diags, "tests/xslt/bad-syntax.xsl:5: error: XPath error in \"1 +\"");
    CHECK_HAS(r.diags, "tests/xslt/bad-syntax.xsl:6: error: xsltStylePreCompute: unknown "
                       "xsl:valueof");
    result_free(&r);

    run("tests/xslt/no-such-file.xsl", LINES, NULL, &r);
    CHECK_INT(r.st, MD_EIO);
    CHECK_HAS(r.diags, "tests/xslt/no-such-file.xsl: error: cannot open");
    result_free(&r);
}

static int
exists(const char *path)
{
    struct stat sb;
    return lstat(path, &sb) == 0;
}

/* Writes, reads outside xml/ and xsl/, the network, imports, entities, plug-ins, the clock
 * and runaway recursion: each refused with its own message. */
static void
test_security(void)
{
    char target[64];
    snprintf(target, sizeof target, "/tmp/motesdok-xslt-test-%ld", (long)getpid());
    remove(target);
    const char *write_abs[] = {"target", target, NULL};
    expect_refused("tests/xslt/evil-write.xsl", write_abs, MD_EINPUT,
                   "tests/xslt/evil-write.xsl:9: error: <exsl:document> would write \"/tmp/"
                   "motesdok-xslt-test-");
    CHECK(!exists(target));
    /* A relative target in a folder that does not exist: no folder is made either. */
    const char *write_rel[] = {"target", "out/motesdok-xslt-test/new/x.txt", NULL};
    expect_refused("tests/xslt/evil-write.xsl", write_rel, MD_EINPUT,
                   "stylesheets may not write files or create folders");
    CHECK(!exists("out/motesdok-xslt-test"));

    expect_refused("tests/xslt/evil-passwd.xsl", NULL, MD_EINPUT,
                   "tests/xslt/evil-passwd.xsl:6: error: document('/etc/passwd') is outside xml/ "
                   "and xsl/; stylesheets may read only the project's files\n");
    expect_refused("tests/xslt/evil-climb.xsl", NULL, MD_EINPUT,
                   "tests/xslt/evil-climb.xsl:6: error: document('../../x') is outside xml/ and "
                   "xsl/; stylesheets may read only the project's files\n");
    expect_refused("tests/xslt/evil-http.xsl", NULL, MD_EINPUT,
                   "tests/xslt/evil-http.xsl:6: error: document('http://example.org/x') reads from "
                   "the network; stylesheets may read only the project's files\n");
    const char *in_xsl[] = {"target", "../../xsl/lib/sv.xml", NULL};
    result r;
    run("tests/xslt/evil-read.xsl", LINES, in_xsl, &r);
    CHECK_INT(r.st, MD_OK);
    CHECK(r.out != NULL && atoi(r.out) > 50);
    result_free(&r);
    /* document('') is the stylesheet itself, wherever it is. */
    const char *self[] = {"target", "", NULL};
    run("tests/xslt/evil-read.xsl", LINES, self, &r);
    CHECK_INT(r.st, MD_OK);
    CHECK(r.out != NULL && atoi(r.out) > 2);
    result_free(&r);
    const char *missing[] = {"target", "../../xml/no-such-meeting.xml", NULL};
    expect_refused("tests/xslt/evil-read.xsl", missing, MD_EINPUT,
                   "error: document('../../xml/no-such-meeting.xml') cannot be read: No such file");

    expect_refused("tests/xslt/evil-recursion.xsl", NULL, MD_ELIMIT,
                   "tests/xslt/evil-recursion.xsl:10: error: templates nested more than 3000 deep "
                   "(a runaway recursion?); the transform was stopped\n");
    expect_refused("tests/xslt/evil-vars.xsl", NULL, MD_ELIMIT,
                   "error: more than 15000 variables and params alive at once");
    expect_refused("tests/xslt/evil-clock.xsl", NULL, MD_EINPUT,
                   "tests/xslt/evil-clock.xsl:8: error: date:date-time() reads the clock");

    expect_refused("tests/xslt/evil-import.xsl", NULL, MD_EINPUT,
                   "tests/xslt/evil-import.xsl:4: error: '/etc/passwd' is outside xsl/; "
                   "stylesheets may import and include only the project's xsl/ files\n");
    expect_refused("tests/xslt/evil-include-http.xsl", NULL, MD_EINPUT,
                   "tests/xslt/evil-include-http.xsl:4: error: 'http://example.org/evil.xsl' is a "
                   "network address");
    expect_refused("tests/xslt/evil-doctype.xsl", NULL, MD_EINPUT,
                   "tests/xslt/evil-doctype.xsl:2: error: <!DOCTYPE> is not allowed");
    expect_refused("tests/xslt/evil-plugin.xsl", NULL, MD_EINPUT,
                   "tests/xslt/evil-plugin.xsl:5: error: extension-element-prefixes names \"ev\"");
}

/* A symbolic link inside xml/ that points out of the project is followed, and refused. */
static void
test_symlink(void)
{
    char root[] = "/tmp/motesdok-xslt-XXXXXX";
    if (mkdtemp(root) == NULL) {
        CHECK(!"mkdtemp");
        return;
    }
    char xml[64], xsl[64], ok[96], link[96];
    snprintf(xml, sizeof xml, "%s/xml", root);
    snprintf(xsl, sizeof xsl, "%s/xsl", root);
    snprintf(ok, sizeof ok, "%s/ok.xml", xml);
    snprintf(link, sizeof link, "%s/link.xml", xml);
    CHECK_INT(mkdir(xml, 0700), 0);
    CHECK_INT(mkdir(xsl, 0700), 0);
    FILE *f = fopen(ok, "w");
    if (f != NULL) {
        fputs("<a><b/></a>\n", f);
        fclose(f);
    }
    CHECK_INT(symlink("/etc/passwd", link), 0);

    result r;
    const char *good[] = {"target", ok, NULL};
    run_in(root, "tests/xslt/evil-read.xsl", LINES, good, &r);
    CHECK_INT(r.st, MD_OK);
    CHECK_STR(r.out, "2");
    result_free(&r);
    const char *bad[] = {"target", link, NULL};
    run_in(root, "tests/xslt/evil-read.xsl", LINES, bad, &r);
    CHECK_INT(r.st, MD_EINPUT);
    CHECK_HAS(r.diags, "link.xml') is outside xml/ and xsl/");
    result_free(&r);
    /* With this root the repository's own xml/ is outside too. */
    const char *repo[] = {"target", "../../xml/meetings/2024-01-30.xml", NULL};
    run_in(root, "tests/xslt/evil-read.xsl", LINES, repo, &r);
    CHECK_INT(r.st, MD_EINPUT);
    result_free(&r);

    remove(link);
    remove(ok);
    rmdir(xsl);
    rmdir(xml);
    rmdir(root);
}

/* Every allocation of ours can fail without a crash or a leak: MD_ENOMEM or success. */
static void
test_alloc_failures(void)
{
    const char *params[] = {"note", "x", NULL};
    int bad = 0, done = 0;
    for (unsigned long k = 1; k < 500 && !done; k++) {
        md_diags *d = md_diags_new();
        if (d == NULL)
            continue;
        md_xslt *x = NULL;
        md_xml_doc *doc = NULL;
        md_buf out = {0};
        md_status st = md_xml_read(LINES, d, &doc);
        md_alloc_fail_at(k);
        if (st == MD_OK)
            st = md_xslt_load(".", "tests/xslt/line.xsl", d, &x);
        if (st == MD_OK)
            st = md_xslt_run(x, doc, params, d, &out);
        unsigned long used = md_alloc_fail_at(0);
        if (st != MD_OK && st != MD_ENOMEM)
            bad++;
        if (st == MD_OK && out.len == 0)
            bad++;
        done = st == MD_OK && used < k;
        md_buf_free(&out);
        md_xslt_free(x);
        md_xml_free(doc);
        md_diags_free(d);
    }
    CHECK_INT(bad, 0);
    CHECK(done);
}

/* md_xslt_load_kept: one compiled stylesheet per root and path for the process, which runs
 * like a freshly loaded one; a stylesheet that fails is not kept. */
static void
test_kept(void)
{
    md_diags *d = md_diags_new();
    md_xslt *a = NULL, *b = NULL, *c = NULL, *bad = NULL;
    CHECK_INT(md_xslt_load_kept(".", "tests/xslt/line.xsl", d, &a), MD_OK);
    CHECK_INT(md_xslt_load_kept(".", "tests/xslt/line.xsl", d, &b), MD_OK);
    CHECK(a != NULL && a == b);
    CHECK_INT(md_xslt_load_kept(".", "tests/xslt/l10n-test.xsl", d, &c), MD_OK);
    CHECK(c != NULL && c != a);
    CHECK_INT(md_xslt_load_kept(".", "tests/xslt/bad-syntax.xsl", d, &bad), MD_EINPUT);
    CHECK(bad == NULL);
    size_t errors = md_diags_count(d, MD_DIAG_ERROR);
    CHECK_INT(md_xslt_load_kept(".", "tests/xslt/bad-syntax.xsl", d, &bad), MD_EINPUT);
    CHECK(md_diags_count(d, MD_DIAG_ERROR) > errors); /* compiled again, reported again */
    /* The kept stylesheet gives what a fresh one gives, run after run. */
    result fresh;
    run("tests/xslt/line.xsl", LINES, NULL, &fresh);
    for (int i = 0; i < 2; i++) {
        md_xml_doc *doc = NULL;
        md_buf out = {0};
        CHECK_INT(md_xml_read(LINES, d, &doc), MD_OK);
        CHECK_INT(md_xslt_run(a, doc, NULL, d, &out), MD_OK);
        CHECK_STR(out.data ? out.data : "", fresh.out ? fresh.out : "");
        md_buf_free(&out);
        md_xml_free(doc);
    }
    result_free(&fresh);
    md_xslt_kept_free();
    md_xslt_kept_free();
    /* After the release a new one is compiled. */
    CHECK_INT(md_xslt_load_kept(".", "tests/xslt/line.xsl", d, &b), MD_OK);
    CHECK(b != NULL);
    md_xslt_kept_free();
    md_diags_free(d);
}

int
main(void)
{
    test_kept();
    test_l10n_table();
    test_line_and_params();
    test_build_date();
    test_messages();
    test_errors();
    test_security();
    test_symlink();
    test_alloc_failures();
    return check_done();
}
