/* motesdok: the command line. A table of subcommands; prints the diagnostics the stages
 * collect and chooses the exit status (0 ok, 1 input errors, 2 usage, 3 I/O or internal). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base.h"
#include "buf.h"
#include "diag.h"
#include "fo.h"
#include "font.h"
#include "hyph.h"
#include "out.h"
#include "page.h"
#include "pdf.h"
#include "trace.h"
#include "xml.h"
#include "xslt.h"

enum { EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

#define SCHEMA_PATH "xml/schema/meeting.rng"
#define MEETINGS_DIR "xml/meetings"
#define FONTS_DIR "fonts"
#define HYPH_PATTERNS "/usr/share/hyphen/hyph_sv_SE.dic"
#define HYPH_EXCEPTIONS "xml/hyphenation/sv-exceptions.txt"

typedef struct cli_cmd {
    const char *name;
    const char *args;
    const char *help;
    int (*run)(md_diags *d, int argc, char **argv);
} cli_cmd;

static int
exit_for(md_status st)
{
    switch (st) {
    case MD_OK: return 0;
    case MD_EINPUT:
    case MD_ELIMIT: return EXIT_INPUT;
    default: return EXIT_INTERNAL;
    }
}

/* Worst of two statuses, so one run reports every file and still fails. */
static md_status
worse(md_status a, md_status b)
{
    if (a == MD_OK)
        return b;
    if (b == MD_OK || a == MD_EINPUT)
        return b == MD_OK || b == MD_EINPUT ? a : b;
    return a;
}

/* Reads, validates and lints one meeting file; on MD_OK *out (may be NULL) is the caller's. */
static md_status
read_meeting(md_diags *d, const char *path, md_xml_doc **out)
{
    md_xml_doc *doc = NULL;
    md_status st = md_xml_read(path, d, &doc);
    if (st != MD_OK)
        return st;
    st = md_xml_validate(doc, SCHEMA_PATH, d);
    if (st == MD_OK)
        st = md_xml_lint(doc, d);
    if (st == MD_OK && out != NULL) {
        *out = doc;
        doc = NULL;
    }
    md_xml_free(doc);
    return st;
}

static md_status
validate_file(md_diags *d, const char *path)
{
    return read_meeting(d, path, NULL);
}

static int
cmd_validate(md_diags *d, int argc, char **argv)
{
    if (argc < 1) {
        fprintf(stderr, "usage: motesdok validate FILE…\n");
        return EXIT_USAGE;
    }
    md_status st = MD_OK;
    for (int i = 0; i < argc; i++)
        st = worse(st, validate_file(d, argv[i]));
    return exit_for(st);
}

/* A meeting name is a plain file name: no "/", no "..", no control characters, so that
 * MEETING cannot climb out of xml/meetings/ (checked before any file is opened). */
static int
is_plain_name(const char *s)
{
    if (s[0] == '\0' || s[0] == '.' || strlen(s) > 100)
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              *p == '-' || *p == '_' || *p == '.'))
            return 0;
    }
    return strstr(s, "..") == NULL;
}

static int
compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the meetings that exist to out, newest first, for a helpful error. */
static void
list_meetings(md_buf *out)
{
    DIR *dir = opendir(MEETINGS_DIR);
    if (dir == NULL)
        return;
    char *names[512];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL && n < 512) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".xml") == 0)
            names[n++] = md_strndup(e->d_name, len - 4);
        if (n > 0 && names[n - 1] == NULL)
            n--;
    }
    closedir(dir);
    qsort(names, n, sizeof names[0], compare_names);
    for (size_t i = n; i-- > 0;) {
        md_buf_addf(out, " %s", names[i]);
        md_free(names[i]);
    }
}

/* Resolves MEETING to xml/meetings/MEETING.xml, or explains why it cannot. */
static int
meeting_path(md_diags *d, const char *name, md_buf *path)
{
    if (!is_plain_name(name)) {
        md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0,
                    "MEETING must be a plain name such as 2024-01-30 (letters, digits, '-', "
                    "'_', '.'; no '/' or '..')");
        return EXIT_USAGE;
    }
    if (md_buf_addf(path, "%s/%s.xml", MEETINGS_DIR, name) != MD_OK)
        return EXIT_INTERNAL;
    struct stat sb;
    if (stat(path->data, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        md_buf known = {0};
        list_meetings(&known);
        md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0, "no meeting %s: %s does not exist; meetings:%s",
                    name, path->data, known.data ? known.data : " (none)");
        md_buf_free(&known);
        return EXIT_USAGE;
    }
    return 0;
}

/* A layout tree to a PDF (and a text trace for golden tests). date ("YYYY-MM-DDThh:mm:ss")
 * comes from the meeting or SOURCE_DATE_EPOCH, never the clock; NULL leaves it out. */
static md_status
typeset_to(const md_fo_doc *doc, const md_page_env *env, const char *pdf_path,
           const char *trace_path, const char *date, md_diags *d)
{
    md_buf title = {0}, trace = {0};
    md_status st = md_page_title(doc, &title);
    md_pdf_meta meta = {.title = title.data, .creator = "motesdok", .date = date};
    md_pdf *pdf = NULL;
    if (st == MD_OK)
        st = md_pdf_open(pdf_path, &meta, d, &pdf);
    if (st == MD_OK)
        st = md_page_typeset(doc, env, md_pdf_canvas(pdf), d, NULL);
    if (st == MD_OK) {
        st = md_pdf_close(pdf, d);
        pdf = NULL;
    }
    if (st == MD_OK && trace_path != NULL) {
        /* The same layout again; its warnings were reported with the PDF's. */
        md_trace *t = md_trace_new(&trace, md_font_name);
        md_diags *again = md_diags_new();
        st = t == NULL || again == NULL ? MD_ENOMEM : MD_OK;
        if (st == MD_OK)
            st = md_page_typeset(doc, env, md_trace_canvas(t), again, NULL);
        md_diags_free(again);
        md_trace_free(t);
        if (st == MD_OK)
            st = md_out_file(trace_path, trace.data ? trace.data : "", trace.len, d);
    }
    md_pdf_abort(pdf);
    md_buf_free(&title);
    md_buf_free(&trace);
    return st;
}

/* Where documents are written: out/, or $MOTESDOK_OUT (the tests give each build its own). */
static const char *
out_dir(void)
{
    const char *o = getenv("MOTESDOK_OUT");
    return o && *o ? o : "out";
}

/* kallelse and protokoll: validate the meeting, transform it with xsl/WHAT.xsl into a layout
 * tree (kept as out/MEETING/WHAT.fo for inspection) and typeset it into out/MEETING/WHAT.pdf.
 * Both files are written atomically; a failure leaves the previous ones. */
static int
cmd_document(md_diags *d, int argc, char **argv, const char *what)
{
    const char *brand = "orebro";
    if (argc == 3 && strcmp(argv[1], "--brand") == 0)
        brand = argv[2];
    else if (argc != 1) {
        fprintf(stderr, "usage: motesdok %s MEETING [--brand NAME]   (e.g. 2024-01-30)\n", what);
        return EXIT_USAGE;
    }
    if (!is_plain_name(brand)) {
        md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0,
                    "BRAND must be the name of a file in xml/brand/, such as orebro");
        return EXIT_USAGE;
    }
    md_buf path = {0}, xsl = {0}, fo_path = {0}, pdf_path = {0}, fo = {0};
    md_xml_doc *meeting = NULL;
    md_xslt *x = NULL;
    md_fo_doc *tree = NULL;
    md_font_set *fonts = NULL;
    md_hyph *hyph = NULL;
    md_status st = MD_OK;
    int rc = meeting_path(d, argv[0], &path);
    if (rc != 0)
        goto out;
    st = read_meeting(d, path.data, &meeting);
    char date[11], stamp[20];
    if (st == MD_OK)
        st = md_xslt_build_date(getenv("SOURCE_DATE_EPOCH"), meeting, d, date);
    if (st == MD_OK && (md_buf_addf(&xsl, "xsl/%s.xsl", what) != MD_OK ||
                        md_buf_addf(&fo_path, "%s/%s/%s.fo", out_dir(), argv[0], what) != MD_OK ||
                        md_buf_addf(&pdf_path, "%s/%s/%s.pdf", out_dir(), argv[0], what) != MD_OK))
        st = MD_ENOMEM;
    if (st == MD_OK)
        st = md_xslt_load(".", xsl.data, d, &x);
    const char *params[] = {"brand", brand, "build-date", date, NULL};
    if (st == MD_OK)
        st = md_xslt_run(x, meeting, params, d, &fo);
    if (st == MD_OK)
        st = md_out_file(fo_path.data, fo.data ? fo.data : "", fo.len, d);
    if (st == MD_OK)
        st = md_fo_read_memory(fo_path.data, fo.data ? fo.data : "", fo.len, d, &tree);
    if (st == MD_OK)
        st = md_font_set_load(FONTS_DIR, d, &fonts);
    if (st == MD_OK)
        st = md_hyph_load(HYPH_PATTERNS, HYPH_EXCEPTIONS, d, &hyph);
    if (st == MD_OK) {
        /* The PDF's date is the build date: SOURCE_DATE_EPOCH, or the meeting's date. */
        snprintf(stamp, sizeof stamp, "%sT00:00:00", date);
        md_page_env env = {fonts, hyph, path.data};
        st = typeset_to(tree, &env, pdf_path.data, NULL, stamp, d);
    }
    rc = exit_for(st);
out:
    md_hyph_free(hyph);
    md_font_set_free(fonts);
    md_fo_free(tree);
    md_xslt_free(x);
    md_xml_free(meeting);
    md_buf_free(&fo);
    md_buf_free(&pdf_path);
    md_buf_free(&fo_path);
    md_buf_free(&xsl);
    md_buf_free(&path);
    return rc;
}

static int
cmd_kallelse(md_diags *d, int argc, char **argv)
{
    return cmd_document(d, argc, argv, "kallelse");
}

static int
cmd_protokoll(md_diags *d, int argc, char **argv)
{
    return cmd_document(d, argc, argv, "protokoll");
}

static int
cmd_kalender(md_diags *d, int argc, char **argv)
{
    if (argc != 1 || strlen(argv[0]) != 4 || strspn(argv[0], "0123456789") != 4) {
        md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0, "YEAR must be four digits, e.g. YEAR=2024");
        return EXIT_USAGE;
    }
    md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0,
                "the typesetter that makes kalender-%s.pdf is not built yet; no PDF was written",
                argv[0]);
    return EXIT_INTERNAL;
}

static int
cmd_typeset(md_diags *d, int argc, char **argv)
{
    const char *tree = NULL, *pdf = NULL, *trace = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            pdf = argv[++i];
        else if (strcmp(argv[i], "--trace") == 0 && i + 1 < argc)
            trace = argv[++i];
        else if (tree == NULL && argv[i][0] != '-')
            tree = argv[i];
        else
            tree = pdf = NULL, i = argc;
    }
    if (tree == NULL || pdf == NULL) {
        fprintf(stderr, "usage: motesdok typeset TREE.fo -o OUT.pdf [--trace OUT.trace]\n");
        return EXIT_USAGE;
    }
    md_font_set *fonts = NULL;
    md_hyph *hyph = NULL;
    md_fo_doc *doc = NULL;
    md_status st = md_font_set_load(FONTS_DIR, d, &fonts);
    if (st == MD_OK)
        st = md_hyph_load(HYPH_PATTERNS, HYPH_EXCEPTIONS, d, &hyph);
    if (st == MD_OK)
        st = md_fo_read(tree, d, &doc);
    if (st == MD_OK) {
        /* A bare layout tree has no meeting: the date is SOURCE_DATE_EPOCH's, or none. */
        char date[20];
        const char *epoch = getenv("SOURCE_DATE_EPOCH");
        int has_date = epoch != NULL && epoch[0] != '\0';
        if (has_date)
            md_pdf_date_from_epoch(strtoll(epoch, NULL, 10), date);
        md_page_env env = {fonts, hyph, NULL};
        st = typeset_to(doc, &env, pdf, trace, has_date ? date : NULL, d);
    }
    md_fo_free(doc);
    md_hyph_free(hyph);
    md_font_set_free(fonts);
    return exit_for(st);
}

static int cmd_help(md_diags *d, int argc, char **argv);

static const cli_cmd commands[] = {
    {"validate", "FILE…", "check meeting files against the schema and the rules", cmd_validate},
    {"kallelse", "MEETING", "the notice and agenda of xml/meetings/MEETING.xml", cmd_kallelse},
    {"protokoll", "MEETING", "the minutes of xml/meetings/MEETING.xml", cmd_protokoll},
    {"kalender", "YEAR", "the calendar of a year", cmd_kalender},
    {"typeset", "TREE.fo", "typeset a layout tree: -o OUT.pdf [--trace OUT.trace]", cmd_typeset},
    {"help", "", "this list", cmd_help},
};

static int
cmd_help(md_diags *d, int argc, char **argv)
{
    (void)d, (void)argc, (void)argv;
    printf("usage: motesdok COMMAND [ARGS]\n\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        printf("  %-10s %-8s %s\n", commands[i].name, commands[i].args, commands[i].help);
    return 0;
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        cmd_help(NULL, 0, NULL);
        return EXIT_USAGE;
    }
    const cli_cmd *cmd = NULL;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[1], commands[i].name) == 0)
            cmd = &commands[i];
    }
    if (cmd == NULL) {
        fprintf(stderr, "motesdok: unknown command '%s'; try 'motesdok help'\n", argv[1]);
        return EXIT_USAGE;
    }
    md_diags *d = md_diags_new();
    if (d == NULL) {
        fputs("motesdok: error: out of memory\n", stderr);
        return EXIT_INTERNAL;
    }
    int rc = cmd->run(d, argc - 2, argv + 2);
    md_buf out = {0};
    if (md_diags_render(d, &out) != MD_OK)
        fputs("motesdok: error: out of memory while reporting\n", stderr);
    if (out.data != NULL)
        fputs(out.data, stderr);
    md_buf_free(&out);
    if (rc == 0 && md_diags_count(d, MD_DIAG_ERROR) > 0)
        rc = EXIT_INPUT;
    md_diags_free(d);
    return rc;
}
