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
#include "finish.h"
#include "fo.h"
#include "font.h"
#include "hyph.h"
#include "ics.h"
#include "json.h"
#include "out.h"
#include "page.h"
#include "pdf.h"
#include "site.h"
#include "trace.h"
#include "xml-events.h"
#include "xml-oparl.h"
#include "xml.h"
#include "xslt.h"

enum { EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

#define SCHEMA_PATH "xml/schema/meeting.rng"
/* The archive folder: xml/meetings, or $MOTESDOK_MEETINGS (a generated archive, tests). */
#define MEETINGS_DIR meetings_dir()
#define FONTS_DIR "fonts"
#define HYPH_PATTERNS "/usr/share/hyphen/hyph_sv_SE.dic"
#define HYPH_EXCEPTIONS "xml/hyphenation/sv-exceptions.txt"

static const char *
meetings_dir(void)
{
    const char *m = getenv("MOTESDOK_MEETINGS");
    return m && *m ? m : "xml/meetings";
}

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

static md_status archive_names(md_diags *d, char ***out, size_t *len);
static void free_names(char **names, size_t n);

/* Appends the meetings that exist to out, newest first, for a helpful error. */
static void
list_meetings(md_buf *out)
{
    md_diags *quiet = md_diags_new();
    char **names = NULL;
    size_t n = 0;
    if (quiet != NULL && archive_names(quiet, &names, &n) == MD_OK) {
        for (size_t i = n; i-- > 0;)
            md_buf_addf(out, " %s", names[i]);
        free_names(names, n);
    }
    md_diags_free(quiet);
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

/* The catalog's language: the layout tree's (fo:root language or xml:lang); Swedish, the
 * documents' language, written with its region as "sv-SE" when the tree says only "sv". */
static const char *
document_lang(const md_fo_doc *doc)
{
    const char *l = md_fo_root(doc)->props->language;
    return l == NULL || l[0] == '\0' || strcmp(l, "sv") == 0 ? "sv-SE" : l;
}

/* A layout tree to a PDF (and a text trace for golden tests). date ("YYYY-MM-DDThh:mm:ss")
 * comes from the meeting or SOURCE_DATE_EPOCH, never the clock; NULL leaves it out.
 * Cairo writes the PDF into a private temporary folder; the finishing step (finish.h) makes
 * it PDF/A-2a and PDF/UA-1 and only its result is written to pdf_path, atomically, so a
 * failure anywhere leaves the previous file. */
static md_status
typeset_to(const md_fo_doc *doc, const md_page_env *env, const char *pdf_path,
           const char *trace_path, const char *date, md_diags *d)
{
    md_buf title = {0}, trace = {0}, raw = {0}, done = {0};
    const char *tmp = getenv("TMPDIR");
    char dir[4096];
    int has_dir = 0;
    md_finish *fin = NULL;
    md_status st = md_page_title(doc, &title);
    md_pdf_meta meta = {.title = title.data, .creator = "motesdok", .date = date};
    md_pdf *pdf = NULL;
    if (st == MD_OK)
        st = md_finish_new(&fin);
    if (st == MD_OK) {
        snprintf(dir, sizeof dir, "%s/motesdok-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        has_dir = mkdtemp(dir) != NULL;
        if (!has_dir) {
            md_diag_add(d, MD_DIAG_ERROR, dir, 0, 0,
                        "cannot make a temporary folder for the PDF; set TMPDIR to a "
                        "writable folder");
            st = MD_EIO;
        } else if (md_buf_addf(&raw, "%s/cairo.pdf", dir) != MD_OK) {
            st = MD_ENOMEM;
        }
    }
    if (st == MD_OK)
        st = md_pdf_open(raw.data, &meta, d, &pdf);
    if (st == MD_OK)
        st = md_page_typeset(doc, env, md_finish_canvas(fin, md_pdf_canvas(pdf)), d, NULL);
    if (st == MD_OK) {
        st = md_pdf_close(pdf, d);
        pdf = NULL;
    }
    if (st == MD_OK) {
        md_finish_opts fo = {.lang = document_lang(doc),
                             .date = date,
                             .icc_path = "/usr/share/color/icc/sRGB.icc",
                             .source = md_fo_path(doc)};
        st = md_finish_pdf(fin, raw.data, &fo, &done, d);
    }
    if (st == MD_OK)
        st = md_out_file(pdf_path, done.data ? done.data : "", done.len, d);
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
    if (raw.data != NULL)
        remove(raw.data);
    if (has_dir)
        remove(dir);
    md_finish_free(fin);
    md_buf_free(&title);
    md_buf_free(&trace);
    md_buf_free(&raw);
    md_buf_free(&done);
    return st;
}

/* Where documents are written: out/, or $MOTESDOK_OUT (the tests give each build its own). */
static const char *
out_dir(void)
{
    const char *o = getenv("MOTESDOK_OUT");
    return o && *o ? o : "out";
}

/* Parses "--brand NAME" at argv[i], when anything is there, into *brand: 0, or EXIT_USAGE
 * when argv[i..argc) is something else. */
static int
brand_option(int argc, char **argv, int i, const char **brand)
{
    if (i < argc && (i + 2 != argc || strcmp(argv[i], "--brand") != 0))
        return EXIT_USAGE;
    if (i < argc)
        *brand = argv[i + 1];
    return 0;
}

/* 0 when brand can name a file of xml/brand/, else EXIT_USAGE with the reason in d. */
static int
check_brand(md_diags *d, const char *brand)
{
    if (is_plain_name(brand))
        return 0;
    md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0,
                "BRAND must be the name of a file in xml/brand/, such as orebro");
    return EXIT_USAGE;
}

/* The one path of every PDF document: src transformed with xsl/WHAT.xsl into a layout tree,
 * kept as BASE.fo for inspection, and typeset into BASE.pdf; both are written atomically, so
 * a failure leaves the previous ones. The stylesheet gets brand, build-date (date,
 * "YYYY-MM-DD", also the PDF's date) and, when param is not NULL, param=value. src_path
 * names the source in the typesetter's messages. */
static md_status
render_document(md_diags *d, const md_xml_doc *src, const char *src_path, const char *what,
                const char *brand, const char *date, const char *param, const char *value,
                const char *base)
{
    md_xslt *x = NULL;
    md_fo_doc *tree = NULL;
    md_font_set *fonts = NULL;
    md_hyph *hyph = NULL;
    md_buf xsl = {0}, fo_path = {0}, pdf_path = {0}, fo = {0};
    char stamp[20];
    /* Without param the list ends after build-date. */
    const char *params[] = {"brand", brand, "build-date", date, param, value, NULL};
    md_status st = MD_OK;
    if (md_buf_addf(&xsl, "xsl/%s.xsl", what) != MD_OK ||
        md_buf_addf(&fo_path, "%s.fo", base) != MD_OK ||
        md_buf_addf(&pdf_path, "%s.pdf", base) != MD_OK)
        st = MD_ENOMEM;
    if (st == MD_OK)
        st = md_xslt_load(".", xsl.data, d, &x);
    if (st == MD_OK)
        st = md_xslt_run(x, src, params, d, &fo);
    if (st == MD_OK)
        st = md_out_file(fo_path.data, fo.data ? fo.data : "", fo.len, d);
    if (st == MD_OK)
        st = md_fo_read_memory(fo_path.data, fo.data ? fo.data : "", fo.len, d, &tree);
    if (st == MD_OK)
        st = md_font_set_load(FONTS_DIR, d, &fonts);
    if (st == MD_OK)
        st = md_hyph_load(HYPH_PATTERNS, HYPH_EXCEPTIONS, d, &hyph);
    if (st == MD_OK) {
        snprintf(stamp, sizeof stamp, "%sT00:00:00", date);
        md_page_env env = {fonts, hyph, src_path};
        st = typeset_to(tree, &env, pdf_path.data, NULL, stamp, d);
    }
    md_hyph_free(hyph);
    md_font_set_free(fonts);
    md_fo_free(tree);
    md_xslt_free(x);
    md_buf_free(&fo);
    md_buf_free(&pdf_path);
    md_buf_free(&fo_path);
    md_buf_free(&xsl);
    return st;
}

/* kallelse, protokoll and utdrag: validates the meeting NAME and renders it with xsl/WHAT.xsl
 * into out/NAME/STEM.pdf, with out/NAME/STEM.fo beside it (render_document). The build date
 * is SOURCE_DATE_EPOCH's, else the meeting's. */
static int
meeting_document(md_diags *d, const char *name, const char *what, const char *stem,
                 const char *brand, const char *param, const char *value)
{
    md_buf path = {0}, base = {0};
    md_xml_doc *meeting = NULL;
    char date[11];
    md_status st = MD_OK;
    int rc = meeting_path(d, name, &path);
    if (rc != 0)
        goto out;
    st = read_meeting(d, path.data, &meeting);
    if (st == MD_OK)
        st = md_xslt_build_date(getenv("SOURCE_DATE_EPOCH"), meeting, d, date);
    if (st == MD_OK)
        st = md_buf_addf(&base, "%s/%s/%s", out_dir(), name, stem);
    if (st == MD_OK)
        st = render_document(d, meeting, path.data, what, brand, date, param, value, base.data);
    rc = exit_for(st);
out:
    md_xml_free(meeting);
    md_buf_free(&base);
    md_buf_free(&path);
    return rc;
}

/* kallelse and protokoll: out/MEETING/WHAT.pdf from xsl/WHAT.xsl. */
static int
cmd_document(md_diags *d, int argc, char **argv, const char *what)
{
    const char *brand = "orebro";
    if (argc < 1 || brand_option(argc, argv, 1, &brand) != 0) {
        fprintf(stderr, "usage: motesdok %s MEETING [--brand NAME]   (e.g. 2024-01-30)\n", what);
        return EXIT_USAGE;
    }
    if (check_brand(d, brand) != 0)
        return EXIT_USAGE;
    return meeting_document(d, argv[0], what, what, brand, NULL, NULL);
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

/* utdrag: the protokollsutdrag of one § of a formal protokoll (xsl/utdrag.xsl), as
 * out/MEETING/utdrag-N.pdf with its .fo beside it. An unknown § is an input error that names
 * the §§ the meeting has (the stylesheet knows them). */
static int
cmd_utdrag(md_diags *d, int argc, char **argv)
{
    const char *brand = "orebro";
    if (argc < 2 || brand_option(argc, argv, 2, &brand) != 0 || check_brand(d, brand) != 0) {
        fprintf(stderr, "usage: motesdok utdrag MEETING PARAGRAF [--brand NAME]   "
                        "(e.g. 2024-03-12 13)\n");
        return EXIT_USAGE;
    }
    const char *par = argv[1];
    if (par[0] == '\0' || strlen(par) > 6 || strspn(par, "0123456789") != strlen(par)) {
        md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0,
                    "PARAGRAF must be the number of a §, such as PARAGRAF=13 (got \"%s\")", par);
        return EXIT_USAGE;
    }
    char stem[16]; /* "utdrag-" and at most six digits */
    snprintf(stem, sizeof stem, "utdrag-%s", par);
    return meeting_document(d, argv[0], "utdrag", stem, brand, "paragraph", par);
}

/* Appends the meeting file at path to out without its BOM and XML declaration, so that the
 * meetings of the archive become the children of one document. The file has been validated
 * (so it declares no DTD and is UTF-8). */
static md_status
append_meeting(md_diags *d, md_buf *out, const char *path)
{
    md_buf raw = {0};
    md_status st = md_buf_read_file(&raw, path, (size_t)MD_XML_MAX_BYTES);
    if (st == MD_EIO || st == MD_ELIMIT)
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0,
                    "cannot read the meeting again for the calendar (did it change meanwhile?)");
    const char *p = raw.data ? raw.data : "";
    if (strncmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    if (strncmp(p, "<?xml", 5) == 0) {
        const char *end = strstr(p, "?>");
        p = end != NULL ? end + 2 : p;
    }
    if (st == MD_OK)
        st = md_buf_adds(out, p);
    if (st == MD_OK)
        st = md_buf_adds(out, "\n");
    md_buf_free(&raw);
    return st;
}

/* --- the validated-meeting cache ----------------------------------------------------------
 * kalender, ics and data each read many meetings; validating one (RELAX NG and the lint) costs
 * far more than parsing it. A meeting that validated without a single message gets a record,
 * OUT/.valid-cache/NAME, holding its key: the file's size, modification time and FNV-1a hash,
 * and the modification times of the schema, of MEETINGS/images/ and of the program. While the
 * key is the same, the meeting is only parsed. A meeting with warnings gets no record (its
 * warnings are printed every time), nor does one that fails. Records are written atomically,
 * so parallel steps (make -j) may write the same record. */

/* FNV-1a, 64 bits: a change of the content under the same size and time. */
static unsigned long long
fnv1a(const char *p, size_t len)
{
    unsigned long long h = 14695981039346656037ULL;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)p[i]) * 1099511628211ULL;
    return h;
}

/* Appends " WHAT=seconds.nanoseconds" of path's modification time (0.0 when missing). */
static md_status
add_mtime(md_buf *key, const char *what, const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return md_buf_addf(key, " %s=0.0", what);
    return md_buf_addf(key, " %s=%lld.%09ld", what, (long long)sb.st_mtim.tv_sec,
                       (long)sb.st_mtim.tv_nsec);
}

/* Reads the meeting NAME (MEETINGS_DIR/NAME.xml, at path), validated: from the cache when its
 * record is good, else read_meeting (its messages go to d) and a record when d got none. As
 * read_meeting: on MD_OK *out is the caller's. */
static md_status
read_meeting_cached(md_diags *d, const char *name, const char *path, md_xml_doc **out)
{
    md_buf raw = {0}, key = {0}, rec = {0}, rec_path = {0}, images = {0};
    struct stat sb;
    md_status st = MD_OK;
    int cached = 0;
    if (stat(path, &sb) == 0 && md_buf_read_file(&raw, path, (size_t)MD_XML_MAX_BYTES) == MD_OK &&
        (off_t)raw.len == sb.st_size) {
        st = md_buf_addf(&key, "motesdok-valid 1 size=%zu mtime=%lld.%09ld hash=%016llx", raw.len,
                         (long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec,
                         fnv1a(raw.data ? raw.data : "", raw.len));
        if (st == MD_OK)
            st = md_buf_addf(&images, "%s/images", MEETINGS_DIR);
        if (st == MD_OK)
            st = add_mtime(&key, "schema", SCHEMA_PATH);
        if (st == MD_OK)
            st = add_mtime(&key, "images", images.data);
        if (st == MD_OK)
            st = add_mtime(&key, "program", "/proc/self/exe");
        if (st == MD_OK)
            st = md_buf_adds(&key, "\n");
        if (st == MD_OK)
            st = md_buf_addf(&rec_path, "%s/.valid-cache/%s", out_dir(), name);
        cached = st == MD_OK && md_buf_read_file(&rec, rec_path.data, key.len + 1) == MD_OK &&
                 rec.len == key.len && memcmp(rec.data, key.data, key.len) == 0;
    }
    if (st == MD_OK && cached) {
        st = md_xml_read_memory(path, raw.data ? raw.data : "", raw.len, d, out);
    } else if (st == MD_OK) {
        size_t before = md_diags_count(d, MD_DIAG_ERROR) + md_diags_count(d, MD_DIAG_WARNING);
        st = read_meeting(d, path, out);
        size_t after = md_diags_count(d, MD_DIAG_ERROR) + md_diags_count(d, MD_DIAG_WARNING);
        /* A record only for what was hashed (the file did not change under us) and said
         * nothing; a record that cannot be written only costs the next run time. */
        if (st == MD_OK && after == before && key.len > 0) {
            md_diags *quiet = md_diags_new();
            if (quiet != NULL)
                (void)md_out_file(rec_path.data, key.data, key.len, quiet);
            md_diags_free(quiet);
        }
    }
    md_buf_free(&raw);
    md_buf_free(&key);
    md_buf_free(&rec);
    md_buf_free(&rec_path);
    md_buf_free(&images);
    return st;
}

/* Whether the kalendarium of year reads the meeting NAME: a meeting announces dates of its own
 * year and the next (docs/archive.md), so the kalendarium of YEAR reads the meetings of YEAR
 * and YEAR-1, told by their file names (YYYY-…); a meeting whose name does not begin with a
 * year is read by every kalendarium. mk/archive.mk gives make the same dependencies. */
static int
kalender_reads(const char *name, int year)
{
    if (strspn(name, "0123456789") != 4 || name[4] != '-')
        return 1;
    int y = (name[0] - '0') * 1000 + (name[1] - '0') * 100 + (name[2] - '0') * 10 + (name[3] - '0');
    return y == year || y == year - 1;
}

/* kalender: the kalendarium of YEAR (xsl/kalender.xsl) as out/kalender-YEAR.pdf. The meetings
 * that can give it rows (kalender_reads: those of YEAR and YEAR-1) are read and validated (a
 * broken one stops the calendar, so no meeting goes missing quietly), and the stylesheet gets
 * them as the children of one document, <meetings xmlns="urn:motesdok:kalender" year="YEAR">,
 * so that it needs no document() (which xslt.c allows under xml/ only; $MOTESDOK_MEETINGS may
 * be elsewhere). The PDF's date is SOURCE_DATE_EPOCH's, else the newest of those meetings'. */
static int
cmd_kalender(md_diags *d, int argc, char **argv)
{
    const char *brand = "orebro";
    if (argc < 1 || brand_option(argc, argv, 1, &brand) != 0 || check_brand(d, brand) != 0) {
        fprintf(stderr, "usage: motesdok kalender YEAR [--brand NAME]   (e.g. 2024)\n");
        return EXIT_USAGE;
    }
    if (strlen(argv[0]) != 4 || strspn(argv[0], "0123456789") != 4) {
        md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0, "YEAR must be four digits, e.g. YEAR=2024");
        return EXIT_USAGE;
    }
    int year = atoi(argv[0]);
    md_buf list = {0}, list_path = {0}, base = {0}, file = {0};
    md_xml_doc *doc = NULL;
    char **names = NULL;
    size_t n = 0;
    char date[11] = "";
    md_status st = archive_names(d, &names, &n);
    if (st == MD_EIO)
        return EXIT_INTERNAL;
    if (st == MD_OK &&
        md_buf_addf(&list, "<meetings xmlns=\"urn:motesdok:kalender\" year=\"%s\">\n", argv[0]) !=
            MD_OK)
        st = MD_ENOMEM;
    /* Validate every meeting read; report them all before giving up. */
    md_status bad = MD_OK;
    for (size_t i = 0; st == MD_OK && i < n; i++) {
        if (!kalender_reads(names[i], year))
            continue;
        md_xml_doc *m = NULL;
        md_buf_clear(&file);
        if (md_buf_addf(&file, "%s/%s.xml", MEETINGS_DIR, names[i]) != MD_OK) {
            st = MD_ENOMEM;
            break;
        }
        /* Writing-convention warnings belong to each meeting's own documents, not to the
         * calendar: validate quietly, and again aloud only when the meeting fails (also when
         * it cannot be read, so that exit status 3 comes with its reason). */
        md_diags *quiet = md_diags_new();
        md_status r =
            quiet == NULL ? MD_ENOMEM : read_meeting_cached(quiet, names[i], file.data, &m);
        md_diags_free(quiet);
        if (r != MD_OK && r != MD_ENOMEM)
            (void)read_meeting(d, file.data, NULL);
        if (r == MD_OK) {
            char day[11];
            r = md_xslt_build_date(NULL, m, d, day);
            if (r == MD_OK && strcmp(day, date) > 0)
                memcpy(date, day, sizeof day);
        }
        if (r == MD_OK)
            r = append_meeting(d, &list, file.data);
        md_xml_free(m);
        if (r == MD_ENOMEM || r == MD_EIO || r == MD_EBUG)
            st = r;
        else
            bad = worse(bad, r);
    }
    if (st == MD_OK)
        st = bad;
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (st == MD_OK && epoch != NULL && epoch[0] != '\0')
        st = md_xslt_build_date(epoch, NULL, d, date);
    if (st == MD_OK && date[0] == '\0')
        snprintf(date, sizeof date, "%s-01-01", argv[0]);
    /* The combined document is named as a file beside the meetings; it is never written. */
    if (st == MD_OK &&
        (md_buf_adds(&list, "</meetings>\n") != MD_OK ||
         md_buf_addf(&list_path, "%s/kalender-%s.xml", MEETINGS_DIR, argv[0]) != MD_OK ||
         md_buf_addf(&base, "%s/kalender-%s", out_dir(), argv[0]) != MD_OK))
        st = MD_ENOMEM;
    if (st == MD_OK)
        st = md_xml_read_memory(list_path.data, list.data, list.len, d, &doc);
    if (st == MD_OK)
        st = render_document(d, doc, list_path.data, "kalender", brand, date, "year", argv[0],
                             base.data);
    md_xml_free(doc);
    free_names(names, n);
    md_buf_free(&file);
    md_buf_free(&base);
    md_buf_free(&list_path);
    md_buf_free(&list);
    return exit_for(st);
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
        char date[20], day[11];
        const char *epoch = getenv("SOURCE_DATE_EPOCH");
        int has_date = epoch != NULL && epoch[0] != '\0';
        /* The same check as the documents': a malformed value is refused, not read as 0. */
        st = md_xslt_build_date(epoch, NULL, d, day);
        if (st == MD_OK && has_date)
            md_pdf_date_from_epoch(strtoll(epoch, NULL, 10), date);
        md_page_env env = {fonts, hyph, NULL};
        if (st == MD_OK)
            st = typeset_to(doc, &env, pdf, trace, has_date ? date : NULL, d);
    }
    md_fo_free(doc);
    md_hyph_free(hyph);
    md_font_set_free(fonts);
    return exit_for(st);
}

/* site: the HTML site of every meeting in xml/meetings/ under out/site/ (docs/site.md). A
 * broken meeting is reported and left out; the others are built and the exit status is 1. */
static int
cmd_site(md_diags *d, int argc, char **argv)
{
    const char *brand = "orebro";
    if (brand_option(argc, argv, 0, &brand) != 0) {
        fprintf(stderr, "usage: motesdok site [--brand NAME]\n");
        return EXIT_USAGE;
    }
    if (check_brand(d, brand) != 0)
        return EXIT_USAGE;
    /* The build date decides what is "coming" on the pages: SOURCE_DATE_EPOCH, else the
     * newest meeting's date (never the clock). */
    char date[11];
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    int has_epoch = epoch != NULL && epoch[0] != '\0';
    md_status st = has_epoch ? md_xslt_build_date(epoch, NULL, d, date) : MD_OK;
    md_site_opts o = {.root = ".",
                      .meetings = MEETINGS_DIR,
                      .schema = SCHEMA_PATH,
                      .out = out_dir(),
                      .brand = brand,
                      .build_date = has_epoch ? date : NULL,
                      /* motesdok ics and data write these beside the pages (make site). */
                      .has_feeds = 1,
                      .has_open_data = 1,
                      /* A new build of motesdok makes every page again. */
                      .program = "/proc/self/exe"};
    size_t pages = 0;
    if (st == MD_OK)
        st = md_site_build(&o, d, &pages);
    if (st == MD_OK || st == MD_EINPUT)
        printf("motesdok: %zu meeting pages in %s/site/\n", pages, o.out);
    return exit_for(st);
}

/* --- the feeds and the open data (docs/ics.md, docs/opendata.md) ---------------------- */

/* The meetings of the archive: the names of MEETINGS_DIR/<name>.xml, sorted
 * (md_site_list_meetings, the one listing the site uses too). A file whose name is not a plain
 * name is reported and left out, and the run fails at the end (MD_EINPUT is not returned
 * here: the other meetings are still made). On MD_OK *out (*len names) is the caller's. */
static md_status
archive_names(md_diags *d, char ***out, size_t *len)
{
    int bad = 0;
    *out = NULL;
    *len = 0;
    return md_site_list_meetings(MEETINGS_DIR, d, out, len, &bad);
}

static void
free_names(char **names, size_t n)
{
    for (size_t i = 0; names != NULL && i < n; i++)
        md_free(names[i]);
    md_free(names);
}

/* Writes data to path atomically, unless the file already holds exactly these bytes (so a
 * rebuild keeps the file's time and costs no fsync). */
static md_status
write_if_changed(const char *path, const md_buf *data, md_diags *d)
{
    md_buf old = {0};
    int same = md_buf_read_file(&old, path, data->len + 1) == MD_OK && old.len == data->len &&
               (data->len == 0 || memcmp(old.data, data->data, data->len) == 0);
    md_buf_free(&old);
    return same ? MD_OK : md_out_file(path, data->data ? data->data : "", data->len, d);
}

/* Removes DIR/<name><ext> files whose name is not in keep[0..n) (sorted): what a deleted
 * meeting or body left behind. */
static void
remove_stale(const char *dir, const char *ext, char *const *keep, size_t n)
{
    DIR *dh = opendir(dir);
    if (dh == NULL)
        return;
    size_t el = strlen(ext);
    struct dirent *e;
    md_buf path = {0};
    while ((e = readdir(dh)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l <= el || strcmp(e->d_name + l - el, ext) != 0 || e->d_name[0] == '.')
            continue;
        char *stem = md_strndup(e->d_name, l - el);
        if (stem == NULL)
            break;
        if (n == 0 || bsearch(&stem, keep, n, sizeof *keep, compare_names) == NULL) {
            md_buf_clear(&path);
            if (md_buf_addf(&path, "%s/%s", dir, e->d_name) == MD_OK)
                remove(path.data);
        }
        md_free(stem);
    }
    closedir(dh);
    md_buf_free(&path);
}

/* The common ending of ics and data, once every file has been written (write_if_changed): when
 * st is MD_OK, removes the stale DIR/<name><ext> files (remove_stale) and prints the summary
 * line "motesdok: SUMMARY". Returns st. */
static md_status
finish_outputs(md_status st, const char *dir, const char *ext, char *const *keep, size_t n,
               const char *summary)
{
    if (st != MD_OK)
        return st;
    remove_stale(dir, ext, keep, n);
    printf("motesdok: %s\n", summary);
    return MD_OK;
}

/* Parses -o DIR (the only option of ics and data); *dir is left alone without it. */
static int
output_option(int argc, char **argv, const char **dir)
{
    if (argc == 2 && strcmp(argv[0], "-o") == 0 && argv[1][0] != '\0') {
        *dir = argv[1];
        return 1;
    }
    return argc == 0;
}

/* A body of the archive: its id, the slug its feed is named by, and its newest name. */
typedef struct archive_body {
    char *id, *slug, *name;
} archive_body;

static int
compare_bodies(const void *a, const void *b)
{
    return strcmp(((const archive_body *)a)->slug, ((const archive_body *)b)->slug);
}

/* Adds (or renames: meetings come oldest first, so the newest name wins) body id. */
static md_status
note_body(archive_body **v, size_t *n, size_t *cap, const char *id, const char *name)
{
    for (size_t i = 0; i < *n; i++) {
        if (strcmp((*v)[i].id, id) == 0) {
            char *nn = md_strdup(name);
            if (nn == NULL)
                return MD_ENOMEM;
            md_free((*v)[i].name);
            (*v)[i].name = nn;
            return MD_OK;
        }
    }
    if (*n == *cap) {
        size_t c = *cap ? 2 * *cap : 16;
        archive_body *g = md_realloc_array(*v, c, sizeof *g);
        if (g == NULL)
            return MD_ENOMEM;
        *v = g;
        *cap = c;
    }
    md_buf slug = {0};
    archive_body b = {md_strdup(id), NULL, md_strdup(name)};
    md_status st = md_ics_add_slug(&slug, id, 64);
    b.slug = st == MD_OK ? md_buf_take(&slug) : NULL;
    md_buf_free(&slug);
    if (b.id == NULL || b.name == NULL || b.slug == NULL) {
        md_free(b.id), md_free(b.name), md_free(b.slug);
        return MD_ENOMEM;
    }
    (*v)[(*n)++] = b;
    return MD_OK;
}

static void
free_bodies(archive_body *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        md_free(v[i].id), md_free(v[i].slug), md_free(v[i].name);
    md_free(v);
}

/* Sorts the bodies by slug and reports two ids with one slug ("c-natet" and "c_natet"):
 * their feeds would be one file. */
static md_status
sort_bodies(md_diags *d, archive_body *v, size_t n)
{
    if (n > 0)
        qsort(v, n, sizeof *v, compare_bodies);
    for (size_t i = 1; i < n; i++) {
        if (strcmp(v[i - 1].slug, v[i].slug) == 0) {
            md_diag_add(d, MD_DIAG_ERROR, MEETINGS_DIR, 0, 0,
                        "the body ids \"%s\" and \"%s\" give one feed name, kalender/%s.ics; "
                        "rename one of them",
                        v[i - 1].id, v[i].id, v[i].slug);
            return MD_EINPUT;
        }
    }
    return MD_OK;
}

/* DTSTAMP for every event from SOURCE_DATE_EPOCH, when it is set (docs/ics.md). */
static md_status
ics_stamp(md_diags *d, md_ics_options *opt)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch == NULL || epoch[0] == '\0')
        return MD_OK;
    char *end = NULL;
    long long v = strtoll(epoch, &end, 10);
    if (*end != '\0' || v < 0 || v > 253402300799LL) {
        md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0,
                    "SOURCE_DATE_EPOCH=\"%s\" is not a number of seconds since 1970", epoch);
        return MD_EINPUT;
    }
    opt->has_dtstamp = 1;
    opt->dtstamp = v;
    return MD_OK;
}

/* ics: every meeting's events into out/site/kalender.ics and one feed per body,
 * out/site/kalender/<slug of the body id>.ics (docs/ics.md). A broken meeting is reported
 * and left out; the feeds are written from the others and the exit status is 1. */
static int
cmd_ics(md_diags *d, int argc, char **argv)
{
    md_buf dir = {0}, path = {0}, feed = {0}, summary = {0};
    const char *opt_dir = NULL;
    if (!output_option(argc, argv, &opt_dir)) {
        fprintf(stderr, "usage: motesdok ics [-o DIR]   (default out/site)\n");
        return EXIT_USAGE;
    }
    char **names = NULL;
    size_t n_names = 0, n_ev = 0, cap_ev = 0, n_bodies = 0, cap_bodies = 0;
    md_event *all = NULL;
    archive_body *bodies = NULL;
    md_arena *a = md_arena_new();
    md_ics_options opt = {"Möteskalender", NULL, 0, 0};
    md_status st = a == NULL ? MD_ENOMEM : ics_stamp(d, &opt);
    md_status input = MD_OK; /* the worst of the meetings */
    if (st == MD_OK)
        st = md_buf_addf(&dir, "%s", opt_dir ? opt_dir : out_dir());
    if (st == MD_OK && opt_dir == NULL)
        st = md_buf_adds(&dir, "/site");
    if (st == MD_OK)
        st = archive_names(d, &names, &n_names);
    for (size_t i = 0; st == MD_OK && i < n_names; i++) {
        md_xml_doc *doc = NULL;
        md_event *ev = NULL;
        size_t n = 0;
        md_buf_clear(&path);
        st = md_buf_addf(&path, "%s/%s.xml", MEETINGS_DIR, names[i]);
        md_status one = st == MD_OK ? read_meeting_cached(d, names[i], path.data, &doc) : st;
        if (one == MD_OK)
            one = md_xml_events(doc, a, d, &ev, &n);
        md_xml_free(doc);
        if (one == MD_ENOMEM || one == MD_EBUG) {
            st = one;
            break;
        }
        input = worse(input, one);
        if (one != MD_OK)
            continue;
        if (n_ev + n > cap_ev) {
            size_t c = cap_ev ? 2 * cap_ev : 256;
            while (c < n_ev + n)
                c *= 2;
            md_event *g = md_realloc_array(all, c, sizeof *g);
            st = g == NULL ? MD_ENOMEM : MD_OK;
            if (g != NULL)
                all = g, cap_ev = c;
        }
        if (st == MD_OK && n > 0) {
            memcpy(all + n_ev, ev, n * sizeof *ev);
            n_ev += n;
        }
        /* The meeting comes first; its bodies are the bodies that meet. */
        for (size_t b = 0; st == MD_OK && n > 0 && ev[0].is_meeting && b < ev[0].body_len; b++)
            st = note_body(&bodies, &n_bodies, &cap_bodies, ev[0].body_id[b], ev[0].body_name[b]);
    }
    if (st == MD_OK)
        st = sort_bodies(d, bodies, n_bodies);
    if (st == MD_OK)
        st = md_ics_write(all, n_ev, &opt, &feed);
    md_buf_clear(&path);
    if (st == MD_OK)
        st = md_buf_addf(&path, "%s/kalender.ics", dir.data);
    if (st == MD_OK)
        st = write_if_changed(path.data, &feed, d);
    char **slugs = md_alloc_array(n_bodies + 1, sizeof *slugs);
    if (st == MD_OK && slugs == NULL)
        st = MD_ENOMEM;
    for (size_t b = 0; st == MD_OK && b < n_bodies; b++) {
        md_ics_options one = opt;
        one.name = bodies[b].name;
        one.body_id = bodies[b].id;
        slugs[b] = bodies[b].slug;
        md_buf_clear(&feed);
        md_buf_clear(&path);
        st = md_ics_write(all, n_ev, &one, &feed);
        if (st == MD_OK)
            st = md_buf_addf(&path, "%s/kalender/%s.ics", dir.data, bodies[b].slug);
        if (st == MD_OK)
            st = write_if_changed(path.data, &feed, d);
    }
    md_buf_clear(&path);
    if (st == MD_OK)
        st = md_buf_addf(&summary,
                         "%zu meetings, %zu events, %zu body feeds in %s/kalender.ics "
                         "and %s/kalender/",
                         n_names, n_ev, n_bodies, dir.data, dir.data);
    if (st == MD_OK)
        st = md_buf_addf(&path, "%s/kalender", dir.data);
    st = finish_outputs(st, path.data, ".ics", slugs, n_bodies, summary.data);
    md_free(slugs);
    free_bodies(bodies, n_bodies);
    free_names(names, n_names);
    md_free(all);
    md_arena_free(a);
    md_buf_free(&feed);
    md_buf_free(&summary);
    md_buf_free(&path);
    md_buf_free(&dir);
    return exit_for(worse(st, input));
}

/* Writes an OParl list object ({"data": [...], "pagination": …, "links": {}}) head. */
static void
list_begin(md_json *j)
{
    md_json_object(j, NULL);
    md_json_array(j, "data");
}

static void
list_end(md_json *j, size_t n)
{
    md_json_end(j);
    md_json_object(j, "pagination");
    md_json_int(j, "totalElements", (long long)n);
    md_json_int(j, "elementsPerPage", (long long)n);
    md_json_int(j, "currentPage", 1);
    md_json_int(j, "totalPages", 1);
    md_json_end(j);
    md_json_object(j, "links");
    md_json_end(j);
    md_json_end(j);
}

/* data: the open data under out/site/data/: meetings/<name>.json for each meeting,
 * index.json (the list of every meeting, newest first) and organizations.json
 * (docs/opendata.md). A broken meeting is reported and its previous file kept; the others
 * are written and the exit status is 1. */
static int
cmd_data(md_diags *d, int argc, char **argv)
{
    const char *opt_dir = NULL;
    if (!output_option(argc, argv, &opt_dir)) {
        fprintf(stderr, "usage: motesdok data [-o DIR]   (default out/site/data)\n");
        return EXIT_USAGE;
    }
    md_buf dir = {0}, path = {0}, one = {0}, index = {0}, orgs = {0};
    char **names = NULL;
    size_t n_names = 0, n_bodies = 0, cap_bodies = 0, n_ok = 0;
    archive_body *bodies = NULL;
    md_arena *a = md_arena_new();
    md_json ij, oj;
    md_json_init(&ij, &index);
    md_json_init(&oj, &orgs);
    md_status input = MD_OK;
    md_status st = a == NULL ? MD_ENOMEM : md_buf_adds(&dir, opt_dir ? opt_dir : out_dir());
    if (st == MD_OK && opt_dir == NULL)
        st = md_buf_adds(&dir, "/site/data");
    if (st == MD_OK)
        st = archive_names(d, &names, &n_names);
    list_begin(&ij);
    /* Newest first, as the site's index. */
    for (size_t k = n_names; st == MD_OK && k-- > 0;) {
        md_xml_doc *doc = NULL;
        md_oparl_body *mb = NULL;
        size_t n_mb = 0;
        md_buf_clear(&path);
        st = md_buf_addf(&path, "%s/%s.xml", MEETINGS_DIR, names[k]);
        md_status r = st == MD_OK ? read_meeting_cached(d, names[k], path.data, &doc) : st;
        md_json mj;
        md_buf_clear(&one);
        md_json_init(&mj, &one);
        if (r == MD_OK)
            r = md_xml_oparl_meeting(doc, names[k], 1, d, &mj);
        if (r == MD_OK)
            r = md_json_finish(&mj);
        md_buf_clear(&path);
        if (r == MD_OK)
            r = md_buf_addf(&path, "%s/meetings/%s.json", dir.data, names[k]);
        if (r == MD_OK)
            r = write_if_changed(path.data, &one, d);
        if (r == MD_OK)
            r = md_xml_oparl_meeting(doc, names[k], 0, d, &ij);
        if (r == MD_OK)
            r = md_xml_oparl_bodies(doc, a, &mb, &n_mb);
        for (size_t b = 0; r == MD_OK && b < n_mb; b++) {
            /* Oldest name first is what note_body expects; here the newest comes first,
             * so a body already known keeps its (newer) name. */
            int known = 0;
            for (size_t i = 0; i < n_bodies; i++)
                known |= strcmp(bodies[i].id, mb[b].id) == 0;
            if (!known)
                r = note_body(&bodies, &n_bodies, &cap_bodies, mb[b].id, mb[b].name);
        }
        md_xml_free(doc);
        if (r == MD_ENOMEM || r == MD_EBUG || r == MD_EIO) {
            st = r;
            break;
        }
        input = worse(input, r);
        n_ok += r == MD_OK;
    }
    list_end(&ij, n_ok);
    if (st == MD_OK)
        st = md_json_finish(&ij);
    if (st == MD_OK)
        st = sort_bodies(d, bodies, n_bodies);
    list_begin(&oj);
    for (size_t b = 0; st == MD_OK && b < n_bodies; b++) {
        md_buf_clear(&path);
        st = md_buf_addf(&path, "organizations/%s", bodies[b].id);
        md_json_object(&oj, NULL);
        md_json_string(&oj, "id", path.data);
        md_json_string(&oj, "type", MD_OPARL_TYPE "Organization");
        md_json_string(&oj, "name", bodies[b].name);
        md_buf_clear(&path);
        if (st == MD_OK)
            st = md_buf_addf(&path, "../kalender/%s.ics", bodies[b].slug);
        md_json_string(&oj, "motesdok:feed", path.data);
        md_json_end(&oj);
    }
    list_end(&oj, n_bodies);
    if (st == MD_OK)
        st = md_json_finish(&oj);
    md_buf_clear(&path);
    if (st == MD_OK)
        st = md_buf_addf(&path, "%s/index.json", dir.data);
    if (st == MD_OK)
        st = write_if_changed(path.data, &index, d);
    md_buf_clear(&path);
    if (st == MD_OK)
        st = md_buf_addf(&path, "%s/organizations.json", dir.data);
    if (st == MD_OK)
        st = write_if_changed(path.data, &orgs, d);
    md_buf_clear(&path);
    md_buf_clear(&one);
    if (st == MD_OK)
        st = md_buf_addf(&one, "%zu meetings, %zu organizations in %s/", n_ok, n_bodies, dir.data);
    if (st == MD_OK)
        st = md_buf_addf(&path, "%s/meetings", dir.data);
    st = finish_outputs(st, path.data, ".json", names, n_names, one.data);
    free_bodies(bodies, n_bodies);
    free_names(names, n_names);
    md_arena_free(a);
    md_buf_free(&orgs);
    md_buf_free(&index);
    md_buf_free(&one);
    md_buf_free(&path);
    md_buf_free(&dir);
    return exit_for(worse(st, input));
}

static int cmd_help(md_diags *d, int argc, char **argv);

static const cli_cmd commands[] = {
    {"validate", "FILE…", "check meeting files against the schema and the rules", cmd_validate},
    {"kallelse", "MEETING", "the notice and agenda of xml/meetings/MEETING.xml", cmd_kallelse},
    {"protokoll", "MEETING", "the minutes of xml/meetings/MEETING.xml", cmd_protokoll},
    {"kalender", "YEAR", "the calendar of a year [--brand NAME]", cmd_kalender},
    {"utdrag", "MEETING N", "the protokollsutdrag of § N [--brand NAME]", cmd_utdrag},
    {"site", "", "the HTML site of every meeting under out/site/ [--brand NAME]", cmd_site},
    {"typeset", "TREE.fo", "typeset a layout tree: -o OUT.pdf [--trace OUT.trace]", cmd_typeset},
    {"ics", "", "the calendar feeds: out/site/kalender.ics, kalender/BODY.ics [-o DIR]", cmd_ics},
    {"data", "", "the open data (OParl JSON) under out/site/data/ [-o DIR]", cmd_data},
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
