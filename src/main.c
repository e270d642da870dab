/* motesdok: the command line. A table of subcommands; prints the diagnostics the stages
 * collect and chooses the exit status (0 ok, 1 input errors, 2 usage, 3 I/O or internal). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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
#include "site-cache.h"
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

/* What a batch (cmd_batch) loads once for all its jobs: the schema, the fonts and the
 * hyphenation patterns, and (is_on) the compiled stylesheets, kept by md_xslt_load_kept.
 * Outside a batch all are NULL and 0: each command loads its own. */
static struct {
    int is_on;
    md_xml_schema *schema;
    md_font_set *fonts;
    md_hyph *hyph;
} kept;

/* Reads, validates and lints one meeting file; on MD_OK *out (may be NULL) is the caller's. */
static md_status
read_meeting(md_diags *d, const char *path, md_xml_doc **out)
{
    md_xml_doc *doc = NULL;
    md_status st = md_xml_read(path, d, &doc);
    if (st != MD_OK)
        return st;
    st = kept.schema != NULL ? md_xml_validate_schema(doc, kept.schema, d)
                             : md_xml_validate(doc, SCHEMA_PATH, d);
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
    md_finish *fin = NULL;
    md_status st = md_page_title(doc, &title);
    const md_fo_meta *fm = md_fo_meta_of(doc);
    md_pdf_meta meta = {.title = title.data,
                        .author = fm->author,
                        .subject = fm->subject,
                        .keywords = fm->keywords,
                        .creator = "motesdok",
                        .date = date};
    md_pdf *pdf = NULL;
    if (st == MD_OK)
        st = md_finish_new(&fin);
    /* Cairo's PDF stays in memory (raw) until the finishing step has made the file. */
    if (st == MD_OK)
        st = md_pdf_open_buf(&raw, &meta, &pdf);
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
        st = md_finish_pdf_memory(fin, raw.data, raw.len, pdf_path, &fo, &done, d);
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
        st = kept.is_on ? md_xslt_load_kept(".", xsl.data, d, &x)
                        : md_xslt_load(".", xsl.data, d, &x);
    if (st == MD_OK)
        st = md_xslt_run(x, src, params, d, &fo);
    if (st == MD_OK)
        st = md_out_file(fo_path.data, fo.data ? fo.data : "", fo.len, d);
    if (st == MD_OK)
        st = md_fo_read_memory(fo_path.data, fo.data ? fo.data : "", fo.len, d, &tree);
    if (st == MD_OK && kept.fonts == NULL)
        st = md_font_set_load(FONTS_DIR, d, &fonts);
    if (st == MD_OK && kept.hyph == NULL)
        st = md_hyph_load(HYPH_PATTERNS, HYPH_EXCEPTIONS, d, &hyph);
    if (st == MD_OK) {
        snprintf(stamp, sizeof stamp, "%sT00:00:00", date);
        md_page_env env = {kept.fonts != NULL ? kept.fonts : fonts,
                           kept.hyph != NULL ? kept.hyph : hyph, src_path};
        st = typeset_to(tree, &env, pdf_path.data, NULL, stamp, d);
    }
    md_hyph_free(hyph);
    md_font_set_free(fonts);
    md_fo_free(tree);
    if (!kept.is_on)
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
 * OUT/.valid-cache/NAME, holding its key: the file's size, modification time and hash (md_hash64),
 * and the modification times of the schema, of MEETINGS/images/ and of the program. While the
 * key is the same, the meeting is only parsed. A meeting with warnings gets no record (its
 * warnings are printed every time), nor does one that fails. Records are written atomically,
 * so parallel steps (make -j) may write the same record. */

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
                         (unsigned long long)md_site_hash(raw.data ? raw.data : "", raw.len));
        if (st == MD_OK)
            st = md_buf_addf(&images, "%s/images", MEETINGS_DIR);
        if (st == MD_OK)
            st = md_site_add_mtime(&key, "schema", SCHEMA_PATH);
        if (st == MD_OK)
            st = md_site_add_mtime(&key, "images", images.data);
        if (st == MD_OK)
            st = md_site_add_mtime(&key, "program", "/proc/self/exe");
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

/* --- the kalendarium record -----------------------------------------------------------------
 * A kalendarium is made from the meetings it reads (kalender_reads), the stylesheets, fonts,
 * brand files, schema, hyphenation and the program. After a kalendarium was made without a
 * single message, OUT/.kalender-cache/YEAR records all of that as a key (each meeting by name,
 * size and hash of its bytes (md_hash64), so a touched but unchanged meeting does not count; the
 * shared files by path, size and modification time) and the size and modification time of
 * the PDF and layout tree written. When the next run finds the same key and the same files,
 * it only brings their modification times up to now (so make sees them current) and records
 * those; anything else makes the kalendarium again (docs/archive.md). */

/* Adds every file under dir (recursively) to *count and *sum: the sum of hashes (md_hash64) of
 * "path size mtime", which does not depend on the order readdir gives. A missing folder adds
 * nothing. */
static md_status
kalender_tree(const char *dir, unsigned long long *count, unsigned long long *sum, int depth)
{
    DIR *dh = opendir(dir);
    if (dh == NULL)
        return MD_OK;
    md_buf path = {0}, line = {0};
    md_status st = MD_OK;
    struct dirent *e;
    while (st == MD_OK && (e = readdir(dh)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        struct stat sb;
        md_buf_clear(&path);
        md_buf_clear(&line);
        st = md_buf_addf(&path, "%s/%s", dir, e->d_name);
        if (st != MD_OK || stat(path.data, &sb) != 0)
            continue;
        if (S_ISDIR(sb.st_mode)) {
            st = depth < 8 ? kalender_tree(path.data, count, sum, depth + 1) : MD_OK;
            continue;
        }
        st = md_buf_addf(&line, "%s %lld %lld.%09ld", path.data, (long long)sb.st_size,
                         (long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec);
        if (st == MD_OK) {
            *count += 1;
            *sum += md_site_hash(line.data, line.len);
        }
    }
    closedir(dh);
    md_buf_free(&path);
    md_buf_free(&line);
    return st;
}

/* Appends " WHAT=size.mtime" of path (0 when missing). */
static md_status
kalender_file(md_buf *key, const char *what, const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return md_buf_addf(key, " %s=0", what);
    return md_buf_addf(key, " %s=%lld@%lld.%09ld", what, (long long)sb.st_size,
                       (long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec);
}

/* The key of the kalendarium of year (see above) from the names of the archive. */
static md_status
kalender_key(md_buf *key, const char *year, const char *brand, char **names, size_t n)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    md_buf file = {0}, raw = {0};
    md_status st = md_buf_addf(key, "motesdok-kalender 1 year=%s brand=%s epoch=%s\n", year, brand,
                               epoch != NULL ? epoch : "");
    if (st == MD_OK)
        st = md_buf_addf(key, "meetings=%s out=%s\nshared", MEETINGS_DIR, out_dir());
    static const char *const trees[] = {"xsl", FONTS_DIR, "xml/brand"};
    for (size_t i = 0; st == MD_OK && i < sizeof trees / sizeof trees[0]; i++) {
        unsigned long long count = 0, sum = 0;
        st = kalender_tree(trees[i], &count, &sum, 0);
        if (st == MD_OK)
            st = md_buf_addf(key, " %s=%llu:%016llx", trees[i], count, sum);
    }
    if (st == MD_OK)
        st = md_buf_addf(&file, "%s/images", MEETINGS_DIR);
    if (st == MD_OK)
        st = kalender_file(key, "images", file.data);
    if (st == MD_OK)
        st = kalender_file(key, "schema", SCHEMA_PATH);
    if (st == MD_OK)
        st = kalender_file(key, "patterns", HYPH_PATTERNS);
    if (st == MD_OK)
        st = kalender_file(key, "exceptions", HYPH_EXCEPTIONS);
    if (st == MD_OK)
        st = kalender_file(key, "icc", "/usr/share/color/icc/sRGB.icc");
    if (st == MD_OK)
        st = kalender_file(key, "program", "/proc/self/exe");
    if (st == MD_OK)
        st = md_buf_adds(key, "\n");
    int y = atoi(year);
    for (size_t i = 0; st == MD_OK && i < n; i++) {
        if (!kalender_reads(names[i], y))
            continue;
        md_buf_clear(&file);
        md_buf_clear(&raw);
        st = md_buf_addf(&file, "%s/%s.xml", MEETINGS_DIR, names[i]);
        if (st == MD_OK && md_buf_read_file(&raw, file.data, (size_t)MD_XML_MAX_BYTES) != MD_OK)
            st = MD_EIO; /* no key: the kalendarium is made, and reports it */
        if (st == MD_OK)
            st = md_buf_addf(key, "%s %zu %016llx\n", names[i], raw.len,
                             (unsigned long long)md_site_hash(raw.data ? raw.data : "", raw.len));
    }
    md_buf_free(&file);
    md_buf_free(&raw);
    return st;
}

/* Appends "pdf=size@mtime fo=size@mtime\n" of base.pdf and base.fo; MD_EIO when one is
 * missing. */
static md_status
kalender_outputs(md_buf *rec, const char *base)
{
    md_buf path = {0};
    md_status st = MD_OK;
    static const char *const ext[] = {"pdf", "fo"};
    for (size_t i = 0; st == MD_OK && i < 2; i++) {
        struct stat sb;
        md_buf_clear(&path);
        st = md_buf_addf(&path, "%s.%s", base, ext[i]);
        if (st == MD_OK && stat(path.data, &sb) != 0)
            st = MD_EIO;
        if (st == MD_OK)
            st = md_buf_addf(rec, "%s%s=%lld@%lld.%09ld", i ? " " : "", ext[i],
                             (long long)sb.st_size, (long long)sb.st_mtim.tv_sec,
                             (long)sb.st_mtim.tv_nsec);
    }
    if (st == MD_OK)
        st = md_buf_adds(rec, "\n");
    md_buf_free(&path);
    return st;
}

/* Writes the record of the kalendarium at base (OUT/kalender-YEAR) under key; a record that
 * cannot be written only costs the next run time. */
static void
kalender_record(const md_buf *key, const char *rec_path, const char *base)
{
    md_buf rec = {0};
    md_diags *quiet = md_diags_new();
    if (quiet != NULL && md_buf_add(&rec, key->data, key->len) == MD_OK &&
        kalender_outputs(&rec, base) == MD_OK)
        (void)md_out_file(rec_path, rec.data, rec.len, quiet);
    md_diags_free(quiet);
    md_buf_free(&rec);
}

/* 1 when the record at rec_path holds key and the outputs at base are those it names: then
 * their modification times are brought up to now and recorded. 0: make the kalendarium. */
static int
kalender_current(const md_buf *key, const char *rec_path, const char *base)
{
    md_buf rec = {0}, now = {0}, path = {0};
    int ok = md_buf_read_file(&rec, rec_path, key->len + 4096) == MD_OK && rec.len > key->len &&
             memcmp(rec.data, key->data, key->len) == 0 && kalender_outputs(&now, base) == MD_OK &&
             rec.len == key->len + now.len && memcmp(rec.data + key->len, now.data, now.len) == 0;
    static const char *const ext[] = {"fo", "pdf"};
    for (size_t i = 0; ok && i < 2; i++) {
        md_buf_clear(&path);
        ok = md_buf_addf(&path, "%s.%s", base, ext[i]) == MD_OK &&
             utimensat(AT_FDCWD, path.data, NULL, 0) == 0;
    }
    if (ok)
        kalender_record(key, rec_path, base);
    md_buf_free(&rec);
    md_buf_free(&now);
    md_buf_free(&path);
    return ok;
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
    md_buf key = {0}, rec_path = {0};
    md_status st = archive_names(d, &names, &n);
    if (st == MD_EIO)
        return EXIT_INTERNAL;
    /* Nothing it is made from changed: only its files' times are brought up to date. */
    if (st == MD_OK &&
        (md_buf_addf(&base, "%s/kalender-%s", out_dir(), argv[0]) != MD_OK ||
         md_buf_addf(&rec_path, "%s/.kalender-cache/%s", out_dir(), argv[0]) != MD_OK))
        st = MD_ENOMEM;
    if (st == MD_OK && kalender_key(&key, argv[0], brand, names, n) != MD_OK)
        md_buf_clear(&key);
    if (st == MD_OK && key.len > 0 && kalender_current(&key, rec_path.data, base.data))
        goto done;
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
         md_buf_addf(&list_path, "%s/kalender-%s.xml", MEETINGS_DIR, argv[0]) != MD_OK))
        st = MD_ENOMEM;
    if (st == MD_OK)
        st = md_xml_read_memory(list_path.data, list.data, list.len, d, &doc);
    if (st == MD_OK)
        st = render_document(d, doc, list_path.data, "kalender", brand, date, "year", argv[0],
                             base.data);
    /* A record only when it said nothing (its warnings are printed every time). */
    if (st == MD_OK && key.len > 0 &&
        md_diags_count(d, MD_DIAG_ERROR) + md_diags_count(d, MD_DIAG_WARNING) == 0)
        kalender_record(&key, rec_path.data, base.data);
done:
    md_xml_free(doc);
    free_names(names, n);
    md_buf_free(&file);
    md_buf_free(&base);
    md_buf_free(&list_path);
    md_buf_free(&list);
    md_buf_free(&key);
    md_buf_free(&rec_path);
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

/* The number of errors and warnings in d (a meeting that said nothing gets a record). */
static size_t
diag_count(const md_diags *d)
{
    return md_diags_count(d, MD_DIAG_ERROR) + md_diags_count(d, MD_DIAG_WARNING);
}

/* The events of the meeting NAME (at path) into a: from its record OUT/.ics-cache/NAME while
 * the meeting, the schema, its images and the program are unchanged (md_site_rec_key), else
 * read_meeting_cached and md_xml_events, and a record when they said nothing. As
 * md_xml_events, plus read_meeting_cached's failures. */
static md_status
meeting_events(md_diags *d, const char *name, const char *path, md_arena *a, md_event **ev,
               size_t *n)
{
    md_buf key = {0}, rec = {0}, images = {0}, rec_path = {0};
    int hit = 0;
    md_status st = md_buf_addf(&images, "%s/images", MEETINGS_DIR);
    if (st == MD_OK)
        st = md_buf_addf(&rec_path, "%s/.ics-cache/%s", out_dir(), name);
    if (st == MD_OK)
        st = md_site_rec_key(path, SCHEMA_PATH, images.data, "ics", NULL, &key);
    if (st == MD_OK)
        st = md_site_rec_get(rec_path.data, &key, &rec, &hit);
    if (st == MD_OK && hit && rec.len > 0) {
        md_site_unpack u = {rec.data, rec.data + rec.len, 0};
        md_status r = md_site_events_unpack(&u, a, ev, n);
        st = r == MD_ENOMEM ? r : MD_OK;
        hit = r == MD_OK && u.p == u.end;
    } else {
        hit = 0;
    }
    if (st == MD_OK && !hit) {
        size_t before = diag_count(d);
        md_xml_doc *doc = NULL;
        st = read_meeting_cached(d, name, path, &doc);
        if (st == MD_OK)
            st = md_xml_events(doc, a, d, ev, n);
        md_xml_free(doc);
        md_buf_clear(&rec);
        /* No record is only time lost next run. */
        if (st == MD_OK && diag_count(d) == before && md_site_events_pack(*ev, *n, &rec) == MD_OK)
            (void)md_site_rec_put(rec_path.data, &key, rec.data, rec.len);
    }
    md_buf_free(&key);
    md_buf_free(&rec);
    md_buf_free(&images);
    md_buf_free(&rec_path);
    return st;
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
        md_event *ev = NULL;
        size_t n = 0;
        md_buf_clear(&path);
        st = md_buf_addf(&path, "%s/%s.xml", MEETINGS_DIR, names[i]);
        md_status one = st == MD_OK ? meeting_events(d, names[i], path.data, a, &ev, &n) : st;
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

/* Appends "SIZE SECONDS.NANOSECONDS" of path's file (its size and modification time), or
 * "missing". */
static md_status
file_stamp(const char *path, md_buf *out)
{
    struct stat sb;
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
        return md_buf_adds(out, "missing");
    return md_buf_addf(out, "%lld %lld.%09ld", (long long)sb.st_size, (long long)sb.st_mtim.tv_sec,
                       (long)sb.st_mtim.tv_nsec);
}

/* The open data of the meeting NAME (at path): DIR/meetings/NAME.json (write_if_changed), its
 * summary for index.json appended to items (one element of the index's "data" array as
 * md_json writes it there, without the comma before it) and its bodies in *mb (in a). From
 * its record OUT/.data-cache/NAME while the meeting, the schema, its images and the program
 * are unchanged (md_site_rec_key) and NAME.json is as it was written; else from the meeting
 * (read_meeting_cached), and a record when that said nothing. */
static md_status
data_meeting(md_diags *d, const char *name, const char *path, const char *dir, md_arena *a,
             md_buf *items, md_oparl_body **mb, size_t *n_mb)
{
    md_buf key = {0}, rec = {0}, images = {0}, rec_path = {0}, json = {0}, one = {0}, stamp = {0},
           scratch = {0}, hash = {0};
    int hit = 0;
    md_status st = md_buf_addf(&images, "%s/images", MEETINGS_DIR);
    if (st == MD_OK)
        st = md_buf_addf(&json, "%s/meetings/%s.json", dir, name);
    if (st == MD_OK)
        st = md_buf_addf(&rec_path, "%s/.data-cache/%s", out_dir(), name);
    if (st == MD_OK)
        st = md_buf_addf(&stamp, "dir=%s", dir);
    if (st == MD_OK)
        st = md_site_rec_key(path, SCHEMA_PATH, images.data, "data", stamp.data, &key);
    if (st == MD_OK)
        st = md_site_rec_get(rec_path.data, &key, &rec, &hit);
    md_buf_clear(&stamp);
    if (st == MD_OK && hit && rec.len > 0 && (st = file_stamp(json.data, &stamp)) == MD_OK) {
        md_site_unpack u = {rec.data, rec.data + rec.len, 0};
        const char *was = md_site_unpack_str(&u, a);
        const char *summary = md_site_unpack_str(&u, a);
        const char *sum_hash = md_site_unpack_str(&u, a);
        long long nb = md_site_unpack_int(&u);
        md_oparl_body *v = NULL;
        char want[17];
        /* A damaged record (a count out of range, a summary changed) is no hit. */
        snprintf(want, sizeof want, "%016llx",
                 (unsigned long long)md_site_hash(summary ? summary : "",
                                                  summary ? strlen(summary) : 0));
        u.bad |= nb < 0 || nb > MD_SITE_MAX_BODIES || summary == NULL || sum_hash == NULL ||
                 strcmp(sum_hash, want) != 0;
        if (!u.bad && nb > 0 && (v = md_arena_alloc_array(a, (size_t)nb, sizeof *v)) == NULL)
            st = MD_ENOMEM;
        for (long long b = 0; st == MD_OK && !u.bad && b < nb; b++) {
            v[b].id = md_site_unpack_str(&u, a);
            v[b].name = md_site_unpack_str(&u, a);
            v[b].type = md_site_unpack_str(&u, a);
            u.bad |= v[b].id == NULL || v[b].name == NULL;
        }
        hit = st == MD_OK && !u.bad && u.p == u.end && was != NULL && summary != NULL &&
              strcmp(was, stamp.data) == 0;
        if (hit) {
            st = md_buf_adds(items, summary);
            *mb = v;
            *n_mb = (size_t)nb;
        }
    } else {
        hit = 0;
    }
    if (st == MD_OK && !hit) {
        size_t before = diag_count(d);
        md_xml_doc *doc = NULL;
        md_json mj, fj;
        md_json_init(&mj, &one);
        md_json_init(&fj, &scratch);
        st = read_meeting_cached(d, name, path, &doc);
        if (st == MD_OK)
            st = md_xml_oparl_meeting(doc, name, 1, d, &mj);
        if (st == MD_OK)
            st = md_json_finish(&mj);
        if (st == MD_OK)
            st = write_if_changed(json.data, &one, d);
        /* The summary where the index's writer puts it: inside list_begin's array. */
        list_begin(&fj);
        size_t mark = scratch.len;
        if (st == MD_OK)
            st = md_xml_oparl_meeting(doc, name, 0, d, &fj);
        if (st == MD_OK)
            st = md_xml_oparl_bodies(doc, a, mb, n_mb);
        md_xml_free(doc);
        md_buf_clear(&one); /* now the summary */
        if (st == MD_OK)
            st = md_buf_add(&one, scratch.data + mark, scratch.len - mark);
        if (st == MD_OK)
            st = md_buf_add(items, one.data, one.len);
        /* The record; none is only time lost next run. */
        md_buf_clear(&rec);
        md_buf_clear(&stamp);
        md_status r =
            st == MD_OK && diag_count(d) == before ? file_stamp(json.data, &stamp) : MD_EINPUT;
        if (r == MD_OK)
            r = md_site_pack_str(&rec, stamp.data);
        if (r == MD_OK)
            r = md_site_pack_str(&rec, one.data);
        if (r == MD_OK)
            r = md_buf_addf(&hash, "%016llx",
                            (unsigned long long)md_site_hash(one.data ? one.data : "", one.len));
        if (r == MD_OK)
            r = md_site_pack_str(&rec, hash.data);
        if (r == MD_OK)
            r = md_site_pack_int(&rec, (long long)*n_mb);
        for (size_t b = 0; r == MD_OK && b < *n_mb; b++) {
            r = md_site_pack_str(&rec, (*mb)[b].id);
            if (r == MD_OK)
                r = md_site_pack_str(&rec, (*mb)[b].name);
            if (r == MD_OK)
                r = md_site_pack_str(&rec, (*mb)[b].type);
        }
        if (r == MD_OK)
            (void)md_site_rec_put(rec_path.data, &key, rec.data, rec.len);
    }
    md_buf_free(&key);
    md_buf_free(&rec);
    md_buf_free(&images);
    md_buf_free(&rec_path);
    md_buf_free(&json);
    md_buf_free(&one);
    md_buf_free(&stamp);
    md_buf_free(&scratch);
    md_buf_free(&hash);
    return st;
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
    md_buf dir = {0}, path = {0}, one = {0}, index = {0}, orgs = {0}, items = {0};
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
    /* Newest first, as the site's index; the summaries are joined in items. */
    for (size_t k = n_names; st == MD_OK && k-- > 0;) {
        md_oparl_body *mb = NULL;
        size_t n_mb = 0, mark = items.len;
        md_buf_clear(&path);
        st = md_buf_addf(&path, "%s/%s.xml", MEETINGS_DIR, names[k]);
        if (st == MD_OK && n_ok > 0)
            st = md_buf_adds(&items, ",");
        md_status r = st == MD_OK
                          ? data_meeting(d, names[k], path.data, dir.data, a, &items, &mb, &n_mb)
                          : st;
        for (size_t b = 0; r == MD_OK && b < n_mb; b++) {
            /* Oldest name first is what note_body expects; here the newest comes first,
             * so a body already known keeps its (newer) name. */
            int known = 0;
            for (size_t i = 0; i < n_bodies; i++)
                known |= strcmp(bodies[i].id, mb[b].id) == 0;
            if (!known)
                r = note_body(&bodies, &n_bodies, &cap_bodies, mb[b].id, mb[b].name);
        }
        if (r != MD_OK && items.data != NULL) {
            items.len = mark;
            items.data[mark] = '\0';
        }
        if (r == MD_ENOMEM || r == MD_EBUG || r == MD_EIO) {
            st = r;
            break;
        }
        input = worse(input, r);
        n_ok += r == MD_OK;
    }
    /* index.json: the writer makes the list with a stand-in element where the summaries go. */
    list_begin(&ij);
    size_t head = index.len, tail = index.len;
    if (n_ok > 0) {
        md_json_int(&ij, NULL, 0);
        tail = index.len;
    }
    list_end(&ij, n_ok);
    if (st == MD_OK)
        st = md_json_finish(&ij);
    if (st == MD_OK && n_ok > 0) {
        md_buf_clear(&one);
        if (md_buf_add(&one, index.data, head) != MD_OK ||
            md_buf_add(&one, items.data, items.len) != MD_OK ||
            md_buf_add(&one, index.data + tail, index.len - tail) != MD_OK)
            st = MD_ENOMEM;
        md_buf_clear(&index);
        if (st == MD_OK)
            st = md_buf_add(&index, one.data, one.len);
    }
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
    md_buf_free(&items);
    md_buf_free(&orgs);
    md_buf_free(&index);
    md_buf_free(&one);
    md_buf_free(&path);
    md_buf_free(&dir);
    return exit_for(worse(st, input));
}

/* --- batch: many documents in one program (docs/archive.md) ------------------------------
 * The jobs ("kallelse NAME", "protokoll NAME", "kalender YEAR", one a line) are read first;
 * then the parent loads what they all share (kept: the schema, the fonts, the hyphenation
 * patterns, the compiled stylesheets) and forks the workers, which get it copy-on-write. The
 * parent hands out one job at a time to each idle worker (a pipe each way) and prints a
 * progress line as each job finishes; a worker that dies (a signal) is reported as the failure
 * of the job it had, and a new one is forked for the jobs left. */

/* The most worker processes a batch forks (-j N above it uses this many). */
#define BATCH_MAX_WORKERS 64

typedef struct batch_job {
    char what[32];  /* kallelse, protokoll or kalender */
    char name[128]; /* MEETING or YEAR: a plain name (is_plain_name) */
} batch_job;

/* What a worker tells the parent after each job. */
typedef struct batch_result {
    int32_t job;
    int32_t rc;        /* the command's exit status */
    int32_t warnings;  /* md_diags warnings */
    int32_t log_errno; /* 0, or why LOG/WHAT-NAME.log could not be opened (errno) */
} batch_result;

typedef struct batch_worker {
    pid_t pid;   /* 0: none */
    int job_fd;  /* parent → worker: job indices; -1 once closed */
    int res_fd;  /* worker → parent: batch_result; -1 once closed */
    int32_t job; /* the job it has, or -1 */
} batch_worker;

typedef struct batch {
    batch_job *jobs;
    size_t len, cap;
    const char *brand;
    const char *log; /* LOG folder (--log), or NULL: messages go to stderr */
    long total;      /* N of the progress lines "[n/N]" */
    long done;
    size_t failed;
    batch_worker *w;
    size_t n_workers;
} batch;

/* Parses the job list text (named file for messages) into b->jobs; a malformed line is an
 * error "file:line: error: …" in d and no job runs. */
static md_status
batch_parse(md_diags *d, const char *file, const md_buf *text, batch *b)
{
    md_status st = MD_OK;
    const char *p = text->data ? text->data : "";
    const char *end = p + text->len;
    for (long line = 1; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
        char buf[256], what[32] = "", name[128] = "", extra[8] = "";
        snprintf(buf, sizeof buf, "%.*s", (int)(len < sizeof buf - 1 ? len : sizeof buf - 1), p);
        /* A NUL byte would cut the line short for sscanf and hide what follows it. */
        int has_nul = memchr(p, '\0', len) != NULL;
        p += len + (nl != NULL);
        if (has_nul) {
            md_diag_add(d, MD_DIAG_ERROR, file, line, 0,
                        "a job line holds a NUL byte (after \"%s\"); write one job a line as "
                        "plain text",
                        buf);
            st = MD_EINPUT;
            continue;
        }
        int n = sscanf(buf, "%31s %127s %7s", what, name, extra);
        if (n <= 0 || what[0] == '#')
            continue;
        int is_doc = strcmp(what, "kallelse") == 0 || strcmp(what, "protokoll") == 0;
        int is_kal = strcmp(what, "kalender") == 0;
        if (len >= sizeof buf || n != 2 || (!is_doc && !is_kal) || !is_plain_name(name) ||
            strlen(name) >= sizeof b->jobs->name ||
            (is_kal && (strlen(name) != 4 || strspn(name, "0123456789") != 4))) {
            md_diag_add(d, MD_DIAG_ERROR, file, line, 0,
                        "a job is \"kallelse MEETING\", \"protokoll MEETING\" or \"kalender "
                        "YEAR\" (e.g. \"protokoll 2024-01-30\"), one a line; got \"%s\"",
                        buf);
            st = MD_EINPUT;
            continue;
        }
        if (b->len == b->cap) {
            size_t c = b->cap ? 2 * b->cap : 64;
            batch_job *g = md_realloc_array(b->jobs, c, sizeof *g);
            if (g == NULL)
                return MD_ENOMEM;
            b->jobs = g, b->cap = c;
        }
        batch_job *j = &b->jobs[b->len++];
        snprintf(j->what, sizeof j->what, "%s", what);
        snprintf(j->name, sizeof j->name, "%s", name);
    }
    return st;
}

/* LOG/WHAT-NAME.log (sub NULL) or LOG/failed/WHAT-NAME.log, as mk/archive-step.sh names them. */
static md_status
batch_log_path(const batch *b, const batch_job *j, const char *sub, md_buf *out)
{
    md_buf_clear(out);
    return md_buf_addf(out, "%s/%s%s%s-%s.log", b->log, sub ? sub : "", sub ? "/" : "", j->what,
                       j->name);
}

/* Loads what every job shares into kept. A part that fails to load is left NULL: then each
 * job loads it again and reports the failure as its own, as the single commands do. */
static void
batch_load_shared(const batch *b)
{
    md_diags *quiet = md_diags_new();
    if (quiet == NULL)
        return;
    kept.is_on = 1;
    if (md_xml_schema_load(SCHEMA_PATH, quiet, &kept.schema) != MD_OK)
        kept.schema = NULL;
    if (md_font_set_load(FONTS_DIR, quiet, &kept.fonts) != MD_OK)
        kept.fonts = NULL;
    if (md_hyph_load(HYPH_PATTERNS, HYPH_EXCEPTIONS, quiet, &kept.hyph) != MD_OK)
        kept.hyph = NULL;
    md_diags_free(quiet);
    /* The stylesheets: a kept one reports its compiler's warnings only when compiled, so
     * when any stylesheet says anything they are compiled by the jobs instead (the first job
     * of each worker then reports them). */
    static const char *const kinds[] = {"kallelse", "protokoll", "kalender"};
    quiet = md_diags_new();
    md_buf xsl = {0};
    for (size_t k = 0; quiet != NULL && k < sizeof kinds / sizeof kinds[0]; k++) {
        size_t i = 0;
        while (i < b->len && strcmp(b->jobs[i].what, kinds[k]) != 0)
            i++;
        md_xslt *x = NULL;
        md_buf_clear(&xsl);
        if (i < b->len && md_buf_addf(&xsl, "xsl/%s.xsl", kinds[k]) == MD_OK)
            (void)md_xslt_load_kept(".", xsl.data, quiet, &x);
    }
    if (quiet == NULL ||
        md_diags_count(quiet, MD_DIAG_ERROR) + md_diags_count(quiet, MD_DIAG_WARNING) > 0)
        md_xslt_kept_free();
    md_buf_free(&xsl);
    md_diags_free(quiet);
}

/* Prints the diagnostics of a command that returned rc on stderr; the exit status: rc, or
 * EXIT_INPUT when rc says success but an error was reported. */
static int
report(md_diags *d, int rc)
{
    md_buf out = {0};
    if (md_diags_render(d, &out) != MD_OK)
        fputs("motesdok: error: out of memory while reporting\n", stderr);
    if (out.data != NULL)
        fputs(out.data, stderr);
    md_buf_free(&out);
    if (rc == 0 && md_diags_count(d, MD_DIAG_ERROR) > 0)
        rc = EXIT_INPUT;
    return rc;
}

/* Runs job j in this process, its messages rendered to stderr (the job's log when b->log)
 * as main() renders a command's; returns the command's exit status. */
static int
batch_run(const batch *b, const batch_job *j, int32_t *warnings)
{
    md_diags *d = md_diags_new();
    if (d == NULL)
        return EXIT_INTERNAL;
    char opt[] = "--brand", name[sizeof j->name];
    char *brand = md_strdup(b->brand);
    snprintf(name, sizeof name, "%s", j->name);
    char *argv[] = {name, opt, brand, NULL};
    if (brand == NULL) {
        md_diags_free(d);
        return EXIT_INTERNAL;
    }
    int rc = strcmp(j->what, "kalender") == 0 ? cmd_kalender(d, 3, argv)
                                              : cmd_document(d, 3, argv, j->what);
    rc = report(d, rc);
    *warnings = (int32_t)md_diags_count(d, MD_DIAG_WARNING);
    md_diags_free(d);
    md_free(brand);
    fflush(stdout);
    fflush(stderr);
    return rc;
}

/* The worker: runs the jobs the parent sends on in until it closes it; reports each on out. */
static _Noreturn void
batch_worker_main(const batch *b, int in, int out)
{
    signal(SIGPIPE, SIG_DFL);
    int saved_out = dup(STDOUT_FILENO), saved_err = dup(STDERR_FILENO);
    md_buf path = {0};
    int32_t i;
    while (read(in, &i, sizeof i) == (ssize_t)sizeof i) {
        if (i < 0 || (size_t)i >= b->len)
            _exit(EXIT_INTERNAL);
        const batch_job *j = &b->jobs[i];
        int fd = -1, log_errno = 0;
        if (b->log != NULL && batch_log_path(b, j, NULL, &path) == MD_OK) {
            fd = open(path.data, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
            log_errno = fd < 0 ? (errno != 0 ? errno : EIO) : 0;
        }
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            close(fd);
        }
        batch_result r = {i, 0, 0, log_errno};
        r.rc = batch_run(b, j, &r.warnings);
        if (fd >= 0) {
            dup2(saved_out, STDOUT_FILENO);
            dup2(saved_err, STDERR_FILENO);
        }
        if (write(out, &r, sizeof r) != (ssize_t)sizeof r)
            _exit(EXIT_INTERNAL);
    }
    _exit(0);
}

/* Forks worker k; MD_EIO when no process or pipe can be made. */
static md_status
batch_fork(batch *b, size_t k)
{
    int to[2], from[2];
    if (pipe(to) != 0)
        return MD_EIO;
    if (pipe(from) != 0) {
        close(to[0]), close(to[1]);
        return MD_EIO;
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(to[0]), close(to[1]), close(from[0]), close(from[1]);
        return MD_EIO;
    }
    if (pid == 0) {
        /* Only its own ends: a pipe end kept open by another worker would hide that
         * worker's death from the parent. */
        for (size_t i = 0; i < b->n_workers; i++) {
            if (b->w[i].job_fd >= 0)
                close(b->w[i].job_fd);
            if (b->w[i].res_fd >= 0)
                close(b->w[i].res_fd);
        }
        close(to[1]);
        close(from[0]);
        batch_worker_main(b, to[0], from[1]);
    }
    close(to[0]);
    close(from[1]);
    b->w[k] = (batch_worker){pid, to[1], from[0], -1};
    return MD_OK;
}

/* Counts the lines of the job's log that are warnings, and copies its first three errors
 * (indented) to errs, as mk/archive-step.sh does. */
static void
batch_scan_log(const batch *b, const batch_job *j, int32_t *warnings, md_buf *errs)
{
    md_buf path = {0}, text = {0};
    if (batch_log_path(b, j, NULL, &path) == MD_OK &&
        md_buf_read_file(&text, path.data, (size_t)64 * 1024 * 1024) == MD_OK && text.data) {
        int32_t n = 0, e = 0;
        for (char *p = text.data; *p != '\0';) {
            char *nl = strchr(p, '\n');
            if (nl != NULL)
                *nl = '\0';
            if (strstr(p, ": warning: ") != NULL)
                n++;
            if (strstr(p, ": error: ") != NULL && e++ < 3)
                md_buf_addf(errs, "\n    %s", p);
            p = nl != NULL ? nl + 1 : p + strlen(p);
        }
        *warnings = n;
    }
    md_buf_free(&text);
    md_buf_free(&path);
}

/* Reports job i's end: the progress line, and for a failure its first errors and the copy of
 * its log in LOG/failed/. how is NULL or says how the process ended ("killed by signal 9").
 * log_errno: 0 when the job wrote its log, an errno when it could not open it, -1 when the
 * job never ran; a failed job is recorded in LOG/failed/ in every case (with the reason when
 * its log is missing), so that the summary of make archive names it. */
static void
batch_report(batch *b, int32_t i, int rc, int32_t warnings, int log_errno, const char *how)
{
    const batch_job *j = &b->jobs[i];
    md_buf line = {0}, errs = {0}, path = {0}, copy = {0}, text = {0};
    if (b->log != NULL && batch_log_path(b, j, NULL, &path) != MD_OK)
        md_buf_clear(&path);
    if (b->log != NULL && how != NULL && path.len > 0) {
        FILE *f = fopen(path.data, "a");
        if (f != NULL) {
            fprintf(f,
                    "motesdok batch: error: %s %s: the process making it was %s; the other "
                    "jobs went on (run \"motesdok %s %s\" alone to see why)\n",
                    j->what, j->name, how, j->what, j->name);
            fclose(f);
        }
    }
    if (b->log != NULL && log_errno == 0)
        batch_scan_log(b, j, &warnings, &errs);
    b->done++;
    md_buf_addf(&line, "[%ld/%ld] %s %s", b->done, b->total, j->what, j->name);
    if (rc == 0 && warnings > 0 && b->log != NULL)
        md_buf_addf(&line, " (%d warnings: %s)", (int)warnings, path.data ? path.data : "");
    else if (rc == 0 && warnings > 0)
        md_buf_addf(&line, " (%d warnings)", (int)warnings);
    else if (rc != 0 && how != NULL)
        md_buf_addf(&line, " FAILED (%s)", how);
    else if (rc != 0)
        md_buf_addf(&line, " FAILED (exit %d)", rc);
    if (rc != 0) {
        b->failed++;
        if (b->log != NULL && batch_log_path(b, j, NULL, &path) == MD_OK &&
            batch_log_path(b, j, "failed", &copy) == MD_OK) {
            errno = 0;
            if (log_errno != 0 ||
                md_buf_read_file(&text, path.data, (size_t)64 * 1024 * 1024) != MD_OK) {
                int e = log_errno != 0 ? log_errno : errno != 0 ? errno : EIO;
                md_buf_clear(&text);
                md_buf_addf(&text,
                            "%s: error: %s %s failed and this log %s%s%s; its messages went to "
                            "the standard error of motesdok batch\n",
                            path.data, j->what, j->name,
                            log_errno < 0    ? "was never written (the job did not run"
                            : log_errno != 0 ? "could not be written ("
                                             : "could not be read (",
                            log_errno < 0 ? "" : strerror(e), ")");
                if (text.data != NULL)
                    md_buf_addf(&errs, "\n    %.*s", (int)(text.len - 1), text.data);
            }
            md_diags *quiet = md_diags_new();
            if (quiet == NULL ||
                md_out_file(copy.data, text.data ? text.data : "", text.len, quiet) != MD_OK)
                fprintf(stderr, "motesdok batch: error: %s: cannot record the failed job %s %s\n",
                        copy.data, j->what, j->name);
            md_diags_free(quiet);
        }
    }
    printf("%s%s\n", line.data ? line.data : "", errs.data ? errs.data : "");
    fflush(stdout);
    md_buf_free(&line);
    md_buf_free(&errs);
    md_buf_free(&path);
    md_buf_free(&copy);
    md_buf_free(&text);
}

/* Gives worker k the next job, or closes its pipe when none is left (it then exits). */
static void
batch_give(batch *b, size_t k, size_t *next)
{
    batch_worker *w = &b->w[k];
    w->job = -1;
    if (*next < b->len) {
        int32_t i = (int32_t)(*next)++;
        w->job = i;
        /* A worker that died meanwhile: its result pipe says so next. */
        (void)!write(w->job_fd, &i, sizeof i);
    } else if (w->job_fd >= 0) {
        close(w->job_fd);
        w->job_fd = -1;
    }
}

/* Runs every job on n workers; MD_EIO when the workers cannot be made. */
static md_status
batch_run_all(batch *b, size_t n)
{
    b->w = md_alloc_array(n, sizeof *b->w);
    struct pollfd *pf = md_alloc_array(n, sizeof *pf);
    if (b->w == NULL || pf == NULL) {
        md_free(pf);
        return MD_ENOMEM;
    }
    for (size_t k = 0; k < n; k++)
        b->w[k] = (batch_worker){0, -1, -1, -1};
    b->n_workers = n;
    signal(SIGPIPE, SIG_IGN);
    size_t next = 0, alive = 0;
    md_status st = MD_OK;
    for (size_t k = 0; k < n && st == MD_OK; k++) {
        st = batch_fork(b, k);
        if (st == MD_OK) {
            alive++;
            batch_give(b, k, &next);
        }
    }
    while (alive > 0) {
        size_t m = 0;
        for (size_t k = 0; k < n; k++) {
            if (b->w[k].res_fd >= 0)
                pf[m++] = (struct pollfd){.fd = b->w[k].res_fd, .events = POLLIN};
        }
        if (poll(pf, m, -1) < 0) {
            if (errno == EINTR)
                continue;
            st = MD_EIO;
            break;
        }
        for (size_t k = 0, q = 0; k < n; k++) {
            batch_worker *w = &b->w[k];
            if (w->res_fd < 0)
                continue;
            if (pf[q++].revents == 0)
                continue;
            batch_result r;
            ssize_t got = read(w->res_fd, &r, sizeof r);
            if (got == (ssize_t)sizeof r && r.job == w->job) {
                batch_report(b, r.job, r.rc, r.warnings, r.log_errno, NULL);
                batch_give(b, k, &next);
                continue;
            }
            if (got < 0 && errno == EINTR)
                continue;
            /* The worker is gone: its job (if any) failed; a new worker for the rest. */
            int status = 0;
            close(w->res_fd);
            if (w->job_fd >= 0)
                close(w->job_fd);
            w->res_fd = w->job_fd = -1;
            while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
                ;
            w->pid = 0;
            alive--;
            if (w->job >= 0) {
                char how[96];
                if (WIFSIGNALED(status))
                    snprintf(how, sizeof how, "killed by signal %d: %s", WTERMSIG(status),
                             strsignal(WTERMSIG(status)));
                else
                    snprintf(how, sizeof how, "ended with exit %d before finishing",
                             WIFEXITED(status) ? WEXITSTATUS(status) : -1);
                batch_report(b, w->job,
                             WIFSIGNALED(status) ? 128 + WTERMSIG(status) : EXIT_INTERNAL, 0, 0,
                             how);
                w->job = -1;
                if (next < b->len && batch_fork(b, k) == MD_OK) {
                    alive++;
                    batch_give(b, k, &next);
                }
            }
        }
    }
    /* Jobs no worker could take (fork failed): failures too. */
    for (; next < b->len; next++)
        batch_report(b, (int32_t)next, EXIT_INTERNAL, 0, -1,
                     "not run: no worker process could be made");
    md_free(pf);
    md_free(b->w);
    b->w = NULL;
    return st;
}

/* batch: the jobs of the file (or stdin), one a line, run by -j N worker processes that share
 * what the parent loaded once. Exit status 1 when any job failed, 2 for a bad job list. */
static int
cmd_batch(md_diags *d, int argc, char **argv)
{
    batch b = {.brand = "orebro", .total = -1};
    const char *file = NULL;
    long jobs = 1;
    int bad = 0;
    for (int i = 0; i < argc && !bad; i++) {
        const char *a = argv[i];
        char *end = NULL;
        if (strcmp(a, "-j") == 0 && i + 1 < argc)
            jobs = strtol(argv[++i], &end, 10), bad = *end != '\0' || jobs < 1;
        else if (strncmp(a, "-j", 2) == 0 && a[2] != '\0')
            jobs = strtol(a + 2, &end, 10), bad = *end != '\0' || jobs < 1;
        else if (strcmp(a, "--brand") == 0 && i + 1 < argc)
            b.brand = argv[++i];
        else if (strcmp(a, "--log") == 0 && i + 1 < argc)
            b.log = argv[++i];
        else if (strcmp(a, "--total") == 0 && i + 1 < argc)
            b.total = strtol(argv[++i], &end, 10), bad = *end != '\0' || b.total < 0;
        else if (file == NULL && (a[0] != '-' || strcmp(a, "-") == 0))
            file = a;
        else
            bad = 1;
    }
    if (bad) {
        fprintf(stderr, "usage: motesdok batch [-j N] [--brand NAME] [--log DIR] [--total N] "
                        "[JOBS]   (JOBS: a file, or stdin; lines \"kallelse MEETING\", "
                        "\"protokoll MEETING\", \"kalender YEAR\"; N at least 1, at most 64 "
                        "are used)\n");
        return EXIT_USAGE;
    }
    /* More workers than 64 gain nothing (each holds its own fonts and trees): use 64. */
    if (jobs > BATCH_MAX_WORKERS) {
        fprintf(stderr, "motesdok batch: warning: -j %ld: using %d worker processes (at most)\n",
                jobs, BATCH_MAX_WORKERS);
        jobs = BATCH_MAX_WORKERS;
    }
    if (check_brand(d, b.brand) != 0)
        return EXIT_USAGE;
    md_buf text = {0}, dir = {0};
    md_status st = MD_OK;
    const char *name = file != NULL && strcmp(file, "-") != 0 ? file : "stdin";
    if (strcmp(name, "stdin") == 0) {
        char chunk[4096];
        size_t got;
        while (st == MD_OK && (got = fread(chunk, 1, sizeof chunk, stdin)) > 0)
            st = md_buf_add(&text, chunk, got);
    } else {
        st = md_buf_read_file(&text, file, (size_t)16 * 1024 * 1024);
        if (st == MD_EIO || st == MD_ELIMIT)
            md_diag_add(d, MD_DIAG_ERROR, file, 0, 0, "cannot read the job list");
    }
    if (st == MD_OK)
        st = batch_parse(d, name, &text, &b);
    md_buf_free(&text);
    if (st == MD_EINPUT) {
        md_free(b.jobs);
        return EXIT_USAGE;
    }
    if (st == MD_OK && b.log != NULL && md_buf_addf(&dir, "%s/failed", b.log) == MD_OK) {
        mkdir(b.log, 0777);
        if (mkdir(dir.data, 0777) != 0 && errno != EEXIST) {
            md_diag_add(d, MD_DIAG_ERROR, dir.data, 0, 0, "cannot make the log folder: %s",
                        strerror(errno));
            st = MD_EIO;
        }
    }
    md_buf_free(&dir);
    if (b.total < 0)
        b.total = (long)b.len;
    if (st == MD_OK && b.len > 0) {
        batch_load_shared(&b);
        size_t n = (size_t)jobs < b.len ? (size_t)jobs : b.len;
        st = batch_run_all(&b, n);
        if (st == MD_EIO)
            md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0, "cannot start the worker processes: %s",
                        strerror(errno));
    }
    if (st == MD_OK && b.failed > 0)
        md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0, "%zu of %zu jobs failed%s%s%s", b.failed, b.len,
                    b.log ? " (their messages are in " : "", b.log ? b.log : "",
                    b.log ? "/failed/)" : "");
    md_xslt_kept_free();
    md_xml_schema_free(kept.schema);
    md_font_set_free(kept.fonts);
    md_hyph_free(kept.hyph);
    kept.schema = NULL, kept.fonts = NULL, kept.hyph = NULL, kept.is_on = 0;
    md_free(b.jobs);
    if (st != MD_OK)
        return exit_for(st);
    return b.failed > 0 ? EXIT_INPUT : 0;
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
    {"batch", "[JOBS]", "many kallelse/protokoll/kalender jobs in one run [-j N] [--log DIR]",
     cmd_batch},
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
    int rc = report(d, cmd->run(d, argc - 2, argv + 2));
    md_diags_free(d);
    return rc;
}
