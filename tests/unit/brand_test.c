/* Tests of xsl/lib/brand.xsl through md_xslt, as production runs it: every variable of both
 * brands (tests/brand/brand-test.xsl against tests/brand/NAME.expected), the brand param as a
 * name or a path, the size params overriding the brand, swapping the brand file alone in a
 * scratch project, and the messages for a brand file missing a colour and for a bad param.
 * Runs from the repository root. See docs/brand.md. */
#include "xslt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

#define TEST_XSL "tests/brand/brand-test.xsl"

typedef struct result {
    md_status st;
    char *out;
    char *diags;
    size_t errors;
} result;

/* Runs style (with root as the project folder) for the brand param brand. The size params are
 * empty, so the brand file's sizes apply, unless body_size is given. */
static void
run_brand(const char *root, const char *style, const char *brand, const char *body_size, result *r)
{
    memset(r, 0, sizeof *r);
    md_diags *d = md_diags_new();
    md_xslt *x = NULL;
    md_xml_doc *doc = NULL;
    md_buf out = {0}, text = {0};
    const char *params[] = {"brand",         brand, "body-size", body_size ? body_size : "",
                            "heading-scale", "",    NULL};
    r->st = md_xslt_load(root, style, d, &x);
    if (r->st == MD_OK)
        r->st = md_xml_read_memory("input.xml", "<x/>", 4, d, &doc);
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
result_free(result *r)
{
    md_free(r->out);
    md_free(r->diags);
}

/* The whole file at path, or NULL; the caller frees. */
static char *
slurp(const char *path)
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
        }
    }
    fclose(f);
    return data;
}

/* Copies the file from to root/to; a failure is a failed check. */
static void
copy_to(const char *from, const char *root, const char *to)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", root, to);
    char *data = slurp(from);
    FILE *f = data != NULL ? fopen(path, "wb") : NULL;
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK(fputs(data, f) >= 0);
        fclose(f);
    }
    free(data);
}

/* Each brand gives exactly the expected variables, by name and by path. */
static void
test_brands(void)
{
    static const char *const brands[][2] = {
        {"orebro", "tests/brand/orebro.expected"},
        {"xml/brand/orebro.xml", "tests/brand/orebro.expected"},
        {"exempel", "tests/brand/exempel.expected"},
        {"xml/brand/exempel.xml", "tests/brand/exempel.expected"},
    };
    for (size_t i = 0; i < sizeof brands / sizeof brands[0]; i++) {
        result r;
        char *want = slurp(brands[i][1]);
        CHECK(want != NULL);
        run_brand(".", TEST_XSL, brands[i][0], NULL, &r);
        CHECK_INT(r.st, MD_OK);
        CHECK_STR(r.diags, "");
        CHECK_STR(r.out, want);
        free(want);
        result_free(&r);
    }

    /* The two brands differ in name, colour, logo and heading font. */
    result o, e;
    run_brand(".", TEST_XSL, "orebro", NULL, &o);
    run_brand(".", TEST_XSL, "exempel", NULL, &e);
    CHECK_HAS(o.out, "name Örebro kommun\n");
    CHECK_HAS(e.out, "name Exempelby kommun\n");
    CHECK_HAS(o.out, "color-primary #1b5e7e\n");
    CHECK_HAS(e.out, "color-primary #7a1f4b\n");
    CHECK_HAS(o.out, "logo-src xml/brand/orebro-logo.svg\n");
    CHECK_HAS(e.out, "logo-src xml/brand/exempel-logo.svg\n");
    CHECK_HAS(e.out, "heading-family 'Noto Serif', serif\n");
    result_free(&o);
    result_free(&e);

    /* A body-size param wins over the brand's (make … BODY_SIZE=12). */
    run_brand(".", TEST_XSL, "exempel", "12", &e);
    CHECK_HAS(e.out, "body-size 12\n");
    result_free(&e);
}

/* A param that is no brand in xml/brand/, and a brand that does not exist. */
static void
test_bad_param(void)
{
    static const char *const bad[] = {"../../etc/passwd", "xml/meetings/2024-01-30.xml",
                                      "xml/brand/../meetings/2024-01-30.xml", "/etc/passwd"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        result r;
        run_brand(".", TEST_XSL, bad[i], NULL, &r);
        CHECK_INT(r.st, MD_EINPUT);
        CHECK_INT(r.errors, 1);
        CHECK_HAS(r.diags, "is neither a brand name such as \"orebro\" nor a file in xml/brand/");
        CHECK_STR(r.out, "");
        result_free(&r);
    }
    result r;
    run_brand(".", TEST_XSL, "nosuch", NULL, &r);
    CHECK_INT(r.st, MD_EINPUT);
    CHECK_HAS(r.diags, "brand file xml/brand/nosuch.xml: cannot be read or is not a brand file");
    CHECK_STR(r.out, "");
    result_free(&r);
}

/* A scratch project: root/xsl/lib with brand.xsl and params.xsl, root/tests/brand with the
 * test stylesheet, root/xml/brand with both logos. */
static int
make_project(char *root)
{
    if (mkdtemp(root) == NULL)
        return 0;
    static const char *const dirs[] = {"xml",     "xml/brand", "xsl",
                                       "xsl/lib", "tests",     "tests/brand"};
    char path[256];
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", root, dirs[i]);
        CHECK_INT(mkdir(path, 0700), 0);
    }
    copy_to("xsl/lib/brand.xsl", root, "xsl/lib/brand.xsl");
    copy_to("xsl/lib/params.xsl", root, "xsl/lib/params.xsl");
    copy_to(TEST_XSL, root, TEST_XSL);
    copy_to("xml/brand/orebro-logo.svg", root, "xml/brand/orebro-logo.svg");
    copy_to("xml/brand/exempel-logo.svg", root, "xml/brand/exempel-logo.svg");
    return 1;
}

static void
remove_project(const char *root)
{
    static const char *const files[] = {"xsl/lib/brand.xsl",
                                        "xsl/lib/params.xsl",
                                        TEST_XSL,
                                        "xml/brand/orebro-logo.svg",
                                        "xml/brand/exempel-logo.svg",
                                        "xml/brand/orebro.xml",
                                        "xml/brand/missing-primary.xml"};
    static const char *const dirs[] = {"tests/brand", "tests",     "xsl/lib",
                                       "xsl",         "xml/brand", "xml"};
    char path[256];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", root, files[i]);
        remove(path);
    }
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", root, dirs[i]);
        CHECK_INT(rmdir(path), 0);
    }
    CHECK_INT(rmdir(root), 0);
}

/* Swapping the file alone: the same stylesheets and param "orebro", with exempel.xml's
 * content in xml/brand/orebro.xml, give Exempelby's name, colours and logo. And a brand file
 * missing its primary colour stops the transform, naming the file and the element. */
static void
test_swap_and_missing(void)
{
    char root[] = "/tmp/motesdok-brand-XXXXXX";
    if (!make_project(root)) {
        CHECK(!"mkdtemp");
        return;
    }
    char style[128];
    snprintf(style, sizeof style, "%s/%s", root, TEST_XSL);

    copy_to("xml/brand/exempel.xml", root, "xml/brand/orebro.xml");
    result r;
    run_brand(root, style, "orebro", NULL, &r);
    CHECK_INT(r.st, MD_OK);
    CHECK_STR(r.diags, "");
    char *want = slurp("tests/brand/exempel.expected");
    const char *first = "file xml/brand/exempel.xml\n";
    CHECK(want != NULL && strncmp(want, first, strlen(first)) == 0);
    CHECK_HAS(r.out, "file xml/brand/orebro.xml\n");
    /* Everything after the file name is Exempelby's. */
    if (want != NULL && r.out != NULL && strchr(r.out, '\n') != NULL)
        CHECK_STR(strchr(r.out, '\n') + 1, want + strlen(first));
    free(want);
    result_free(&r);

    copy_to("tests/brand/missing-primary.xml", root, "xml/brand/missing-primary.xml");
    run_brand(root, style, "xml/brand/missing-primary.xml", NULL, &r);
    CHECK_INT(r.st, MD_EINPUT);
    CHECK_INT(r.errors, 1);
    CHECK_HAS(
        r.diags,
        ": error: brand file xml/brand/missing-primary.xml: <color role='primary'> is missing\n");
    CHECK_STR(r.out, "");
    result_free(&r);

    remove_project(root);
}

int
main(void)
{
    test_brands();
    test_bad_param();
    test_swap_and_missing();
    return check_done();
}
