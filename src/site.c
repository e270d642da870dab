/* The HTML site (issue 7). Call tree of md_site_build:
 *   md_site_list_meetings  every NAME.xml of the folder, in name order
 *   load_cache         a meeting whose record in OUT/.site-cache/ is newer than its inputs
 *                      is not read again (its page stays; its digest comes from the record)
 *   read_one           md_xml_read, validation (the schema parsed once), md_xml_lint; a broken
 *                      meeting is left out
 *   build date         the option (SOURCE_DATE_EPOCH), else the newest meeting's date
 *   meeting_page       cached_page (the record's digest; its PDFs and files copied again when
 *                      they may have changed), or, for a meeting read afresh or whose files no
 *                      longer copy, fresh_page:
 *   fresh_page         xsl/html.xsl → OUT/site/NAME/index.html; the PDFs of OUT/NAME/ and the
 *                      figures and attachments (listed by xsl/site/files.xsl) beside it;
 *                      xsl/site/digest.xsl → one <meeting> of the site document
 *   site_pages         the digests as one document; each shared page (index.html,
 *                      kalender.html, uppdrag.html) from the part it reads, made again only
 *                      when that part or a shared input changed (its record OUT/.site-cache/
 *                      .page-FILE)
 *   style and logo     xsl/site/files.xsl (brand colours) + xsl/site/style.css → style.css
 *   remove_stale       the folders of meetings whose file is gone
 * Stylesheets may not write files (src/xslt.c), so every file is written here, atomically, and
 * only when its bytes change (so a rebuild leaves unchanged files and their times alone). */
#include "site.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "out.h"
#include "site-cache.h"
#include "xml.h"
#include "xslt.h"

/* Largest PDF, image or attachment copied into the site, in bytes. */
#define SITE_MAX_COPY (256L * 1024 * 1024)
/* Most meetings in one folder. */
#define SITE_MAX_MEETINGS 100000
/* The namespace of the site document the digests make (xsl/site/digest.xsl). */
#define SITE_NS "urn:motesdok:site:1"

/* One meeting of the folder: its document when it is read afresh, else its cache record; the
 * sizes of its PDFs ("" for none) and its file's stamp, which the record's key holds. */
typedef struct entry {
    md_xml_doc *doc;
    char *rec;
    size_t rec_len;
    char kallelse[24];
    char protokoll[24];
    char src[64];
    char date[11];
    struct timespec rec_time; /* the record's modification time, when rec is not NULL */
} entry;

typedef struct site {
    const md_site_opts *o;
    md_diags *d;
    md_xslt *html;
    md_xslt *digest;
    md_xslt *files;
    const char *feeds;
    const char *open_data;
    char date[11];
    struct timespec shared; /* newest of the stylesheets, brand files, schema and program */
    /* The schema, parsed when the first meeting is read (parsing it costs more than validating
     * a meeting); NULL before, and when it failed (then md_xml_validate says why, per meeting). */
    md_xml_schema **schema;
    int *schema_tried;
} site;

/* A meeting file name without ".xml" that can name a folder and a URL: letters, digits, '-',
 * '_' and '.', not starting with '.'. */
static int
is_plain_name(const char *s, size_t len)
{
    if (len == 0 || len > 100 || s[0] == '.')
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == '-' || c == '_' || c == '.'))
            return 0;
    }
    return 1;
}

/* A relative path that stays inside its folder: no leading '/', no "." or ".." component, no
 * '\\', ':', '?', '#', '%' or control characters (so it is a file, not a URL). */
static int
is_inside_path(const char *p)
{
    if (p[0] == '\0' || p[0] == '/' || strlen(p) > 500)
        return 0;
    for (const unsigned char *s = (const unsigned char *)p; *s; s++) {
        if (*s < 0x20 || *s == 0x7f || *s == '\\' || *s == ':' || *s == '?' || *s == '#' ||
            *s == '%')
            return 0;
    }
    const char *c = p;
    while (*c) {
        size_t n = strcspn(c, "/");
        if (n == 0 || (n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.'))
            return 0;
        c += n;
        if (*c == '/')
            c++;
    }
    return 1;
}

static int
compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        md_free(names[i]);
    md_free(names);
}

md_status
md_site_list_meetings(const char *dir, md_diags *d, char ***out, size_t *out_len, int *bad)
{
    DIR *dh = opendir(dir);
    if (dh == NULL) {
        md_diag_add(d, MD_DIAG_ERROR, dir, 0, 0, "cannot read the folder of meetings");
        return MD_EIO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    md_status st = MD_OK;
    struct dirent *e;
    while (st == MD_OK && (e = readdir(dh)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len <= 4 || strcmp(e->d_name + len - 4, ".xml") != 0 || e->d_name[0] == '.')
            continue;
        if (!is_plain_name(e->d_name, len - 4)) {
            md_buf path = {0};
            st = md_buf_addf(&path, "%s/%s", dir, e->d_name);
            if (st == MD_OK)
                md_diag_add(d, MD_DIAG_ERROR, path.data, 0, 0,
                            "a meeting's file name becomes a folder and a web address; use "
                            "letters, digits, '-', '_' and '.' only, such as 2024-01-30.xml");
            md_buf_free(&path);
            *bad = 1;
            continue;
        }
        if (n == SITE_MAX_MEETINGS) {
            md_diag_add(d, MD_DIAG_ERROR, dir, 0, 0, "more than %d meetings; split the archive",
                        SITE_MAX_MEETINGS);
            st = MD_ELIMIT;
            break;
        }
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            char **nn = md_realloc_array(names, ncap, sizeof *nn);
            if (nn == NULL) {
                st = MD_ENOMEM;
                break;
            }
            names = nn;
            cap = ncap;
        }
        if ((names[n] = md_strndup(e->d_name, len - 4)) == NULL)
            st = MD_ENOMEM;
        else
            n++;
    }
    closedir(dh);
    if (st != MD_OK) {
        free_names(names, n);
        return st;
    }
    if (n > 0)
        qsort(names, n, sizeof names[0], compare_names);
    *out = names;
    *out_len = n;
    return MD_OK;
}

/* Writes data to path atomically unless the file already holds exactly these bytes. */
static md_status
write_file(const char *path, const char *data, size_t len, md_diags *d)
{
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && (size_t)sb.st_size == len) {
        md_buf old = {0};
        md_status st = md_buf_read_file(&old, path, len);
        int same = st == MD_OK && old.len == len && (len == 0 || memcmp(old.data, data, len) == 0);
        md_buf_free(&old);
        if (same)
            return MD_OK;
    }
    return md_out_file(path, data ? data : "", len, d);
}

/* Writes a cache record: to a temporary file, then renamed into place, so a reader sees the
 * old record or the whole new one; not synced to disk (a record lost in a crash only means the
 * page is made again, and an empty one fails the key check). */
static md_status
write_record(const char *path, const char *data, size_t len, md_diags *d)
{
    md_buf tmp = {0};
    md_status st = md_buf_addf(&tmp, "%s.tmp", path);
    if (st != MD_OK)
        return st;
    FILE *f = fopen(tmp.data, "wb");
    if (f == NULL) {
        /* The folder may be missing: md_out_file makes it (and syncs, once). */
        md_buf_free(&tmp);
        return md_out_file(path, data, len, d);
    }
    int ok = fwrite(data, 1, len, f) == len;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp.data, path) != 0) {
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot write the site's cache record");
        remove(tmp.data);
        st = MD_EIO;
    }
    md_buf_free(&tmp);
    return st;
}

static int is_later(struct timespec a, struct timespec b);

/* Whether the copy to of from can be left alone without reading either: both regular files of
 * one size, from not changed (contents or name: its ctime) since the meeting's cache record
 * was written at since, and to not changed since then either (our copy was made before the
 * record). A file changed in the same clock tick as the record is compared byte by byte. */
static int
copy_is_current(const char *from, const char *to, const struct timespec *since)
{
    struct stat a, b;
    return since != NULL && stat(from, &a) == 0 && stat(to, &b) == 0 && S_ISREG(a.st_mode) &&
           S_ISREG(b.st_mode) && a.st_size == b.st_size && is_later(*since, a.st_mtim) &&
           is_later(*since, a.st_ctim) && !is_later(b.st_mtim, *since) &&
           !is_later(b.st_ctim, *since);
}

/* Copies the file from to path (as write_file), unless copy_is_current says that the copy made
 * before the record at since (NULL: no record) still holds. */
static md_status
copy_file(const char *from, const char *to, md_diags *d, const struct timespec *since)
{
    if (copy_is_current(from, to, since))
        return MD_OK;
    md_buf b = {0};
    md_status st = md_buf_read_file(&b, from, (size_t)SITE_MAX_COPY);
    if (st == MD_EIO)
        md_diag_add(d, MD_DIAG_ERROR, from, 0, 0, "cannot read the file to copy into the site");
    else if (st == MD_ELIMIT)
        md_diag_add(d, MD_DIAG_ERROR, from, 0, 0, "larger than %ld bytes; not copied",
                    SITE_MAX_COPY);
    if (st == MD_OK)
        st = write_file(to, b.data, b.len, d);
    md_buf_free(&b);
    return st;
}

/* Reads, validates and lints one meeting; on MD_OK *out is the caller's. */
static md_status
read_one(const site *s, const char *name, md_xml_doc **out)
{
    md_buf path = {0};
    md_xml_doc *doc = NULL;
    md_status st = md_buf_addf(&path, "%s/%s.xml", s->o->meetings, name);
    if (st == MD_OK)
        st = md_xml_read(path.data, s->d, &doc);
    if (st == MD_OK && !*s->schema_tried) {
        md_diags *quiet = md_diags_new();
        *s->schema_tried = 1;
        if (quiet == NULL || md_xml_schema_load(s->o->schema, quiet, s->schema) != MD_OK)
            *s->schema = NULL;
        md_diags_free(quiet);
    }
    if (st == MD_OK)
        st = *s->schema != NULL ? md_xml_validate_schema(doc, *s->schema, s->d)
                                : md_xml_validate(doc, s->o->schema, s->d);
    if (st == MD_OK)
        st = md_xml_lint(doc, s->d);
    if (st == MD_OK) {
        *out = doc;
        doc = NULL;
    }
    md_xml_free(doc);
    md_buf_free(&path);
    return st;
}

/* The size of OUT/NAME/WHAT.pdf as decimal text, "" when there is no such file. */
static md_status
pdf_size(const site *s, const char *name, const char *what, char out[24])
{
    md_buf path = {0};
    out[0] = '\0';
    if (md_buf_addf(&path, "%s/%s/%s.pdf", s->o->out, name, what) != MD_OK)
        return MD_ENOMEM;
    struct stat sb;
    if (stat(path.data, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0)
        snprintf(out, 24, "%lld", (long long)sb.st_size);
    md_buf_free(&path);
    return MD_OK;
}

/* The size, modification time and hash (md_site_hash) of the meeting's file, "" when it has
 * none or it cannot be read. The cache key holds it, so that a meeting replaced by an older
 * file (a restored copy, another folder) is read again, which "the record is newer than the
 * meeting" alone would miss, and so is one changed under the same size and time. */
static md_status
source_stamp(const site *s, const char *name, char out[64])
{
    md_buf path = {0}, raw = {0};
    out[0] = '\0';
    if (md_buf_addf(&path, "%s/%s.xml", s->o->meetings, name) != MD_OK)
        return MD_ENOMEM;
    struct stat sb;
    md_status st = MD_OK;
    if (stat(path.data, &sb) == 0) {
        md_status r = md_buf_read_file(&raw, path.data, (size_t)MD_XML_MAX_BYTES);
        if (r == MD_ENOMEM)
            st = r;
        else if (r == MD_OK)
            snprintf(out, 64, "%lld:%lld.%09ld:%016llx", (long long)sb.st_size,
                     (long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec,
                     (unsigned long long)md_site_hash(raw.data, raw.len));
    }
    md_buf_free(&path);
    md_buf_free(&raw);
    return st;
}

/* Copies the files listed in list (one path per line, relative to the meeting's folder: its
 * figures and attachments, from xsl/site/files.xsl) from the meeting's folder to
 * OUT/site/NAME/. */
static md_status
copy_listed(const site *s, const char *name, const char *list, const struct timespec *since)
{
    md_buf from = {0}, to = {0};
    md_status st = MD_OK;
    const char *line = list;
    while (st == MD_OK && line != NULL && *line != '\0') {
        const char *end = strchr(line, '\n');
        size_t len = end != NULL ? (size_t)(end - line) : strlen(line);
        char *rel = md_strndup(line, len);
        if (rel == NULL) {
            st = MD_ENOMEM;
        } else if (*rel != '\0' && !is_inside_path(rel)) {
            md_buf_clear(&from);
            st = md_buf_addf(&from, "%s/%s.xml", s->o->meetings, name);
            if (st == MD_OK) {
                md_diag_add(s->d, MD_DIAG_ERROR, from.data, 0, 0,
                            "\"%s\" is not a path inside the meeting's folder; the site copies "
                            "only files beside the meeting",
                            rel);
                st = MD_EINPUT;
            }
        } else if (*rel != '\0') {
            md_buf_clear(&from);
            md_buf_clear(&to);
            if (md_buf_addf(&from, "%s/%s", s->o->meetings, rel) != MD_OK ||
                md_buf_addf(&to, "%s/site/%s/%s", s->o->out, name, rel) != MD_OK)
                st = MD_ENOMEM;
            else
                st = copy_file(from.data, to.data, s->d, since);
        }
        md_free(rel);
        line = end != NULL ? end + 1 : NULL;
    }
    md_buf_free(&from);
    md_buf_free(&to);
    return st;
}

/* Copies OUT/NAME/kallelse.pdf and protokoll.pdf beside the page when they exist (their sizes
 * are not empty); since as for copy_file. */
static md_status
copy_pdfs(const site *s, const char *name, const entry *e, const struct timespec *since)
{
    md_buf from = {0}, to = {0};
    md_status st = MD_OK;
    const char *const pdfs[] = {e->kallelse[0] ? "kallelse" : NULL,
                                e->protokoll[0] ? "protokoll" : NULL};
    for (size_t i = 0; st == MD_OK && i < 2; i++) {
        if (pdfs[i] == NULL)
            continue;
        md_buf_clear(&from);
        md_buf_clear(&to);
        if (md_buf_addf(&from, "%s/%s/%s.pdf", s->o->out, name, pdfs[i]) != MD_OK ||
            md_buf_addf(&to, "%s/site/%s/%s.pdf", s->o->out, name, pdfs[i]) != MD_OK)
            st = MD_ENOMEM;
        else
            st = copy_file(from.data, to.data, s->d, since);
    }
    md_buf_free(&from);
    md_buf_free(&to);
    return st;
}

/* The first line of a meeting's cache record: what else its page depends on. */
static md_status
cache_key(const site *s, const entry *e, md_buf *out)
{
    return md_buf_addf(out, "motesdok-site 4 brand=%s feeds=%s data=%s pdf=%s,%s src=%s\n",
                       s->o->brand, s->feeds, s->open_data, e->kallelse, e->protokoll, e->src);
}

/* Whether a is later than b. */
static int
is_later(struct timespec a, struct timespec b)
{
    return a.tv_sec > b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec > b.tv_nsec);
}

/* Raises *t to the modification time of path, and of everything under it when it is a folder
 * (depth levels down). A missing path changes nothing; MD_ENOMEM is the only failure. */
static md_status
newest(const char *path, int depth, struct timespec *t)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return MD_OK;
    if (is_later(sb.st_mtim, *t))
        *t = sb.st_mtim;
    DIR *dh = S_ISDIR(sb.st_mode) && depth > 0 ? opendir(path) : NULL;
    if (dh == NULL)
        return MD_OK;
    md_buf child = {0};
    md_status st = MD_OK;
    struct dirent *e;
    while (st == MD_OK && (e = readdir(dh)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        md_buf_clear(&child);
        st = md_buf_addf(&child, "%s/%s", path, e->d_name);
        if (st == MD_OK)
            st = newest(child.data, depth - 1, t);
    }
    closedir(dh);
    md_buf_free(&child);
    return st;
}

/* The parts of a meeting's cache record (fresh_page writes it): the key line, the meeting's
 * date, "tail LEN HASH" (the length and md_site_hash, hex, of all that follows the line), the
 * files to copy (one a line), a NUL byte, the digest. */
typedef struct record_parts {
    char date[11];
    const char *assets; /* up to the NUL byte */
    const char *digest;
    size_t digest_len;
} record_parts;

/* Whether rec (len bytes) is a whole record in that form: a damaged one (cut, edited, a date
 * that does not exist, a digest that is not the one written) is none, and counts as no record. */
static int
record_parse(const char *rec, size_t len, record_parts *out)
{
    const char *end = rec + len;
    const char *nul = memchr(rec, '\0', len);
    const char *line = nul != NULL ? memchr(rec, '\n', (size_t)(nul - rec)) : NULL;
    md_date day;
    if (line == NULL || nul - line < 12 || line[11] != '\n')
        return 0;
    memcpy(out->date, line + 1, 10);
    out->date[10] = '\0';
    if (!md_date_parse(out->date, &day, NULL))
        return 0;
    line += 12;
    const char *eol = memchr(line, '\n', (size_t)(nul - line));
    unsigned long long dlen = 0, dhash = 0;
    int used = 0;
    char head[64];
    if (eol == NULL || (size_t)(eol - line) >= sizeof head)
        return 0;
    memcpy(head, line, (size_t)(eol - line));
    head[eol - line] = '\0';
    if (sscanf(head, "tail %llu %16llx%n", &dlen, &dhash, &used) != 2 ||
        (size_t)used != strlen(head))
        return 0;
    out->assets = eol + 1;
    out->digest = nul + 1;
    out->digest_len = (size_t)(end - out->digest);
    return dlen == (size_t)(end - out->assets) &&
           dhash == md_site_hash(out->assets, (size_t)(end - out->assets));
}

/* The cache record of a meeting when it is still good: newer than the meeting's file, its
 * PDFs and every shared input (stylesheets, brand files, schema, the program), with the same
 * key line, and the page still there. On MD_OK *out is the record (md_free) or NULL. */
static md_status
load_cache(const site *s, const char *name, const entry *e, char **out, size_t *out_len,
           struct timespec *when)
{
    md_buf path = {0}, key = {0}, rec = {0};
    struct stat sb;
    struct timespec inputs = s->shared;
    *out = NULL;
    md_status st = md_buf_addf(&path, "%s/%s.xml", s->o->meetings, name);
    if (st == MD_OK)
        st = newest(path.data, 0, &inputs);
    if (st == MD_OK) {
        md_buf_clear(&path);
        st = md_buf_addf(&path, "%s/%s", s->o->out, name);
    }
    if (st == MD_OK)
        st = newest(path.data, 1, &inputs);
    if (st == MD_OK) {
        md_buf_clear(&path);
        st = md_buf_addf(&path, "%s/site/%s/index.html", s->o->out, name);
    }
    int ok = st == MD_OK && stat(path.data, &sb) == 0 && S_ISREG(sb.st_mode);
    md_buf_clear(&path);
    if (ok && (st = md_buf_addf(&path, "%s/.site-cache/%s", s->o->out, name)) != MD_OK)
        ok = 0;
    ok = ok && stat(path.data, &sb) == 0 && is_later(sb.st_mtim, inputs);
    if (ok)
        *when = sb.st_mtim;
    if (ok && (st = cache_key(s, e, &key)) != MD_OK)
        ok = 0;
    if (ok) {
        md_status r = md_buf_read_file(&rec, path.data, (size_t)SITE_MAX_COPY);
        if (r == MD_ENOMEM)
            st = r;
        record_parts parts;
        ok = r == MD_OK && rec.len > key.len && memcmp(rec.data, key.data, key.len) == 0 &&
             record_parse(rec.data, rec.len, &parts);
    }
    if (ok) {
        *out_len = rec.len;
        *out = md_buf_take(&rec);
    }
    md_buf_free(&path);
    md_buf_free(&key);
    md_buf_free(&rec);
    return st;
}

/* The meeting's date from its cache record (load_cache took only a whole one; "" else). */
static void
cache_date(const char *rec, size_t len, char date[11])
{
    record_parts parts;
    date[0] = '\0';
    if (record_parse(rec, len, &parts))
        memcpy(date, parts.date, 11);
}

/* The page of a meeting whose cache record is good: the page stays; the PDFs and files are
 * copied again (only changed bytes are written) and the cached digest is appended to all. */
static md_status
cached_page(const site *s, const char *name, const entry *e, md_buf *all)
{
    record_parts parts;
    if (!record_parse(e->rec, e->rec_len, &parts))
        return MD_EBUG; /* load_cache keeps only a whole record */
    md_status st = copy_pdfs(s, name, e, &e->rec_time);
    if (st == MD_OK)
        st = copy_listed(s, name, parts.assets, &e->rec_time);
    if (st == MD_OK)
        st = md_buf_add(all, parts.digest, parts.digest_len);
    return st;
}

/* The page of one meeting made afresh from its document: its PDFs and files, then
 * NAME/index.html (so a meeting whose files fail keeps its previous page), its digest appended
 * to all, and its cache record OUT/.site-cache/NAME written last (record_parts says what it
 * holds). */
static md_status
fresh_page(const site *s, const char *name, const entry *e, md_buf *all)
{
    const md_xml_doc *doc = e->doc;
    md_buf page = {0}, path = {0}, assets = {0}, digest = {0}, cache = {0};
    char date[11];
    /* The page does not depend on the build date (only the shared pages show it). */
    const char *params[] = {"page",
                            "meeting",
                            "name",
                            name,
                            "brand",
                            s->o->brand,
                            "kallelse-pdf-bytes",
                            e->kallelse,
                            "protokoll-pdf-bytes",
                            e->protokoll,
                            "feeds",
                            s->feeds,
                            "open-data",
                            s->open_data,
                            "what",
                            "assets",
                            NULL};
    md_status st = md_xslt_build_date(NULL, doc, s->d, date);
    if (st == MD_OK)
        st = md_xslt_run(s->html, doc, params, s->d, &page);
    if (st == MD_OK)
        st = md_xslt_run(s->files, doc, params, s->d, &assets);
    if (st == MD_OK)
        st = md_xslt_run(s->digest, doc, params, s->d, &digest);
    if (st == MD_OK)
        st = copy_pdfs(s, name, e, NULL);
    if (st == MD_OK)
        st = copy_listed(s, name, assets.data, NULL);
    if (st == MD_OK && md_buf_addf(&path, "%s/site/%s/index.html", s->o->out, name) != MD_OK)
        st = MD_ENOMEM;
    if (st == MD_OK)
        st = write_file(path.data, page.data, page.len, s->d);
    if (st == MD_OK && digest.data != NULL)
        st = md_buf_add(all, digest.data, digest.len);
    md_buf_clear(&path);
    /* The tail (files, NUL, digest) into page, no longer needed, to hash it. */
    md_buf_clear(&page);
    if (st == MD_OK &&
        (md_buf_adds(&page, assets.data ? assets.data : "") != MD_OK ||
         md_buf_add(&page, "", 1) != MD_OK ||
         md_buf_add(&page, digest.data ? digest.data : "", digest.len) != MD_OK ||
         cache_key(s, e, &cache) != MD_OK ||
         md_buf_addf(&cache, "%s\ntail %zu %016llx\n", date, page.len,
                     (unsigned long long)md_site_hash(page.data, page.len)) != MD_OK ||
         md_buf_add(&cache, page.data, page.len) != MD_OK ||
         md_buf_addf(&path, "%s/.site-cache/%s", s->o->out, name) != MD_OK))
        st = MD_ENOMEM;
    if (st == MD_OK)
        st = write_record(path.data, cache.data, cache.len, s->d);
    md_buf_free(&page);
    md_buf_free(&path);
    md_buf_free(&assets);
    md_buf_free(&digest);
    md_buf_free(&cache);
    return st;
}

/* The page of one meeting, its digest appended to all: from its cache record when it has a
 * good one, else from its document. When a file the record lists can no longer be copied (a
 * figure deleted since), the meeting is read again, which says what is wrong (MD_EINPUT: the
 * meeting is left out) or makes the page afresh. */
static md_status
meeting_page(const site *s, const char *name, entry *e, md_buf *all)
{
    md_status st = MD_OK;
    if (e->rec != NULL) {
        md_diags *quiet = md_diags_new();
        site q = *s;
        q.d = quiet;
        st = quiet == NULL ? MD_ENOMEM : cached_page(&q, name, e, all);
        md_diags_free(quiet);
        if (st == MD_EIO || st == MD_EINPUT || st == MD_ELIMIT) {
            st = read_one(s, name, &e->doc);
            /* Unreadable now: reported, and left out like any broken meeting. */
            st = st == MD_EIO ? MD_EINPUT : st;
        }
    }
    if (st == MD_OK && e->doc != NULL)
        st = fresh_page(s, name, e, all);
    return st;
}

/* The shared pages: the value of xsl/html.xsl's param "page", the file it makes, and the
 * elements of the site document it does not read (left out of the document it is given, so a
 * change in them does not make the page again): the index shows no uppdrag and no calendar
 * event, the calendar no uppdrag, the uppdrag page no event. Leaving them out is only worth
 * time; the tests compare every page with one made from the whole document (87-site). */
static const char *const shared_pages[][4] = {{"index", "index.html", "sd:action", "sd:event"},
                                              {"calendar", "kalender.html", "sd:action", NULL},
                                              {"actions", "uppdrag.html", "sd:event", NULL}};
#define N_SHARED_PAGES (sizeof shared_pages / sizeof shared_pages[0])

/* Appends to out the site document all without the elements named drop, as digest.xsl
 * writes them: "<sd:action …>…</sd:action>" (or "<sd:action …/>"), never nested in one
 * another. Text and attribute values hold no '<' or '>' (libxml2 writes &lt; and &gt;), so a
 * tag is found by its name and ends at the next '>'. */
static md_status
leave_out(const md_buf *all, const char *drop, md_buf *out)
{
    char open[32], close[32];
    snprintf(open, sizeof open, "<%s ", drop);
    snprintf(close, sizeof close, "</%s>", drop);
    const char *p = all->data, *end = all->data + all->len;
    md_status st = MD_OK;
    while (st == MD_OK && p < end) {
        const char *o = strstr(p, open);
        const char *gt = o != NULL ? strchr(o, '>') : NULL;
        const char *c = gt != NULL && gt[-1] != '/' ? strstr(gt, close) : NULL;
        if (gt == NULL || (gt[-1] != '/' && c == NULL)) {
            st = md_buf_add(out, p, (size_t)(end - p));
            break;
        }
        st = md_buf_add(out, p, (size_t)(o - p));
        p = gt[-1] == '/' ? gt + 1 : c + strlen(close);
    }
    return st;
}

/* The document page i is made from: all without the elements it does not read. */
static md_status
page_input(const md_buf *all, size_t i, md_buf *out)
{
    md_buf tmp = {0};
    md_status st = md_buf_add(out, all->data, all->len);
    for (size_t k = 2; st == MD_OK && k < 4 && shared_pages[i][k] != NULL; k++) {
        md_buf_clear(&tmp);
        st = leave_out(out, shared_pages[i][k], &tmp);
        md_buf_clear(out);
        if (st == MD_OK)
            st = md_buf_add(out, tmp.data, tmp.len);
    }
    md_buf_free(&tmp);
    return st;
}

/* The record of shared page i, OUT/.site-cache/.page-FILE (no meeting is named with a leading
 * '.'): a key line of what it is made from (a hash of its document, which holds the build
 * date, and the params), then the page's size and modification time as written ("missing"
 * when there is none). */
static md_status
page_record(const site *s, size_t i, const md_buf *input, md_buf *out)
{
    md_buf path = {0};
    struct stat sb;
    md_status st =
        md_buf_addf(out,
                    "motesdok-site-page 1 %s hash=%016llx len=%zu brand=%s feeds=%s "
                    "data=%s\n",
                    shared_pages[i][0], (unsigned long long)md_site_hash(input->data, input->len),
                    input->len, s->o->brand, s->feeds, s->open_data);
    if (st == MD_OK)
        st = md_buf_addf(&path, "%s/site/%s", s->o->out, shared_pages[i][1]);
    if (st == MD_OK && stat(path.data, &sb) == 0 && S_ISREG(sb.st_mode))
        st = md_buf_addf(out, "%lld %lld.%09ld\n", (long long)sb.st_size,
                         (long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec);
    else if (st == MD_OK)
        st = md_buf_adds(out, "missing\n");
    md_buf_free(&path);
    return st;
}

static md_status
page_record_path(const site *s, size_t i, md_buf *path)
{
    return md_buf_addf(path, "%s/.site-cache/.page-%s", s->o->out, shared_pages[i][1]);
}

/* Whether shared page i on disk is what its document input would make: its record is newer
 * than every shared input (stylesheets, brand files, schema, program) and holds what
 * page_record says now (the same document and params, the page untouched since written). */
static md_status
page_current(const site *s, size_t i, const md_buf *input, int *current)
{
    md_buf rec = {0}, now = {0}, path = {0};
    struct stat sb;
    *current = 0;
    md_status st = page_record_path(s, i, &path);
    if (st == MD_OK && stat(path.data, &sb) == 0 && is_later(sb.st_mtim, s->shared)) {
        st = page_record(s, i, input, &now);
        md_status r = st == MD_OK ? md_buf_read_file(&rec, path.data, now.len + 1) : st;
        if (r == MD_ENOMEM)
            st = r;
        *current = st == MD_OK && r == MD_OK && rec.len == now.len &&
                   memcmp(rec.data, now.data, now.len) == 0 &&
                   strstr(now.data, "\nmissing\n") == NULL;
    }
    md_buf_free(&rec);
    md_buf_free(&now);
    md_buf_free(&path);
    return st;
}

/* index.html, kalender.html and uppdrag.html, each from its part of the site document all,
 * when it is not current (page_current); then its record. */
static md_status
site_pages(const site *s, const md_buf *all)
{
    md_buf input = {0}, out = {0}, path = {0};
    md_xml_doc *doc = NULL;
    md_status st = MD_OK;
    for (size_t i = 0; st == MD_OK && i < N_SHARED_PAGES; i++) {
        const char *params[] = {"page",      shared_pages[i][0], "build-date", s->date,
                                "brand",     s->o->brand,        "feeds",      s->feeds,
                                "open-data", s->open_data,       NULL};
        int current = 0;
        md_buf_clear(&input);
        md_buf_clear(&out);
        md_buf_clear(&path);
        md_xml_free(doc);
        doc = NULL;
        st = page_input(all, i, &input);
        if (st == MD_OK)
            st = page_current(s, i, &input, &current);
        if (st != MD_OK || current)
            continue;
        if (md_buf_addf(&path, "%s/site/site-%s.xml", s->o->out, shared_pages[i][0]) != MD_OK)
            st = MD_ENOMEM;
        if (st == MD_OK) {
            st = md_xml_read_memory(path.data, input.data, input.len, s->d, &doc);
            if (st == MD_EINPUT || st == MD_ELIMIT) {
                md_diag_add(s->d, MD_DIAG_ERROR, "xsl/site/digest.xsl", 0, 0,
                            "the digests of the meetings do not make one XML document (a bug)");
                st = MD_EBUG;
            }
        }
        if (st == MD_OK)
            st = md_xslt_run(s->html, doc, params, s->d, &out);
        md_buf_clear(&path);
        if (st == MD_OK && md_buf_addf(&path, "%s/site/%s", s->o->out, shared_pages[i][1]) != MD_OK)
            st = MD_ENOMEM;
        if (st == MD_OK)
            st = write_file(path.data, out.data, out.len, s->d);
        md_buf_clear(&out);
        md_buf_clear(&path);
        if (st == MD_OK &&
            (page_record(s, i, &input, &out) != MD_OK || page_record_path(s, i, &path) != MD_OK))
            st = MD_ENOMEM;
        if (st == MD_OK)
            st = write_record(path.data, out.data, out.len, s->d);
    }
    md_xml_free(doc);
    md_buf_free(&input);
    md_buf_free(&out);
    md_buf_free(&path);
    return st;
}

/* style.css and the logo, which depend on the brand alone (xsl/site/files.xsl reads no input:
 * it runs on an empty site document). */
static md_status
style_files(const site *s)
{
    md_buf out = {0}, path = {0}, css = {0};
    md_xml_doc *empty = NULL;
    static const char empty_doc[] = "<site xmlns=\"" SITE_NS "\"/>";
    md_status st = md_xml_read_memory("site.xml", empty_doc, sizeof empty_doc - 1, s->d, &empty);
    if (st == MD_EINPUT || st == MD_ELIMIT)
        st = MD_EBUG;
    /* style.css: the brand's colours as custom properties, then the hand-written sheet. */
    const char *css_params[] = {"what", "css", "brand", s->o->brand, NULL};
    if (st == MD_OK)
        st = md_xslt_run(s->files, empty, css_params, s->d, &css);
    md_buf_clear(&path);
    if (st == MD_OK && md_buf_addf(&path, "%s/xsl/site/style.css", s->o->root) != MD_OK)
        st = MD_ENOMEM;
    if (st == MD_OK && (st = md_buf_read_file(&css, path.data, 1024 * 1024)) != MD_OK)
        md_diag_add(s->d, MD_DIAG_ERROR, path.data, 0, 0, "cannot read the site's stylesheet");
    md_buf_clear(&path);
    if (st == MD_OK && md_buf_addf(&path, "%s/site/style.css", s->o->out) != MD_OK)
        st = MD_ENOMEM;
    if (st == MD_OK)
        st = write_file(path.data, css.data, css.len, s->d);
    /* The logo: its path under the project from the brand file. */
    const char *logo_params[] = {"what", "logo", "brand", s->o->brand, NULL};
    md_buf_clear(&out);
    if (st == MD_OK)
        st = md_xslt_run(s->files, empty, logo_params, s->d, &out);
    if (st == MD_OK) {
        char *nl = out.data != NULL ? strchr(out.data, '\n') : NULL;
        if (nl != NULL)
            *nl = '\0';
        md_buf from = {0};
        md_buf_clear(&path);
        if (out.data == NULL || !is_inside_path(out.data)) {
            md_diag_add(s->d, MD_DIAG_ERROR, NULL, 0, 0, "the brand's logo path \"%s\" is unusable",
                        out.data ? out.data : "");
            st = MD_EINPUT;
        } else if (md_buf_addf(&from, "%s/%s", s->o->root, out.data) != MD_OK ||
                   md_buf_addf(&path, "%s/site/logo.svg", s->o->out) != MD_OK) {
            st = MD_ENOMEM;
        } else {
            st = copy_file(from.data, path.data, s->d, NULL);
        }
        md_buf_free(&from);
    }
    md_buf_free(&out);
    md_buf_free(&path);
    md_buf_free(&css);
    md_xml_free(empty);
    return st;
}

/* Removes the folder path and everything in it, not following symbolic links; at most depth
 * levels deep (a meeting's folder holds its page, PDFs and images/). */
static md_status
remove_tree(const char *path, int depth, md_diags *d)
{
    struct stat sb;
    if (lstat(path, &sb) != 0)
        return MD_OK;
    if (!S_ISDIR(sb.st_mode)) {
        if (unlink(path) != 0) {
            md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot remove the stale file");
            return MD_EIO;
        }
        return MD_OK;
    }
    if (depth <= 0) {
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "nested too deep to remove; remove it by hand");
        return MD_ELIMIT;
    }
    DIR *dh = opendir(path);
    if (dh == NULL) {
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot read the stale folder");
        return MD_EIO;
    }
    md_status st = MD_OK;
    md_buf child = {0};
    struct dirent *e;
    while (st == MD_OK && (e = readdir(dh)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        md_buf_clear(&child);
        st = md_buf_addf(&child, "%s/%s", path, e->d_name);
        if (st == MD_OK)
            st = remove_tree(child.data, depth - 1, d);
    }
    closedir(dh);
    md_buf_free(&child);
    if (st == MD_OK && rmdir(path) != 0) {
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot remove the stale folder");
        st = MD_EIO;
    }
    return st;
}

/* Removes OUT/site/NAME/ of every meeting whose NAME.xml is gone (a folder with an index.html
 * whose name is not in names). A meeting that is still there but broken keeps its old page.
 * The feeds' and the data's folders have no index.html and are never touched. */
static md_status
remove_stale(const site *s, char **names, size_t n)
{
    md_buf dir = {0}, path = {0};
    md_status st = md_buf_addf(&dir, "%s/site", s->o->out);
    DIR *dh = st == MD_OK ? opendir(dir.data) : NULL;
    struct dirent *e;
    while (st == MD_OK && dh != NULL && (e = readdir(dh)) != NULL) {
        const char *name = e->d_name;
        if (!is_plain_name(name, strlen(name)) ||
            (n > 0 && bsearch(&name, names, n, sizeof names[0], compare_names) != NULL))
            continue;
        struct stat sb;
        md_buf_clear(&path);
        st = md_buf_addf(&path, "%s/%s/index.html", dir.data, name);
        if (st == MD_OK && lstat(path.data, &sb) == 0 && S_ISREG(sb.st_mode)) {
            md_buf_clear(&path);
            st = md_buf_addf(&path, "%s/%s", dir.data, name);
            if (st == MD_OK)
                st = remove_tree(path.data, 8, s->d);
        }
    }
    if (dh != NULL)
        closedir(dh);
    md_buf_free(&dir);
    md_buf_free(&path);
    return st;
}

static md_status
load(const site *s, const char *rel, md_xslt **out)
{
    md_buf path = {0};
    md_status st = md_buf_addf(&path, "%s/%s", s->o->root, rel);
    if (st == MD_OK)
        st = md_xslt_load(s->o->root, path.data, s->d, out);
    md_buf_free(&path);
    return st;
}

md_status
md_site_build(const md_site_opts *o, md_diags *d, size_t *done)
{
    md_xml_schema *schema = NULL;
    int schema_tried = 0;
    site s = {.o = o, .d = d, .schema = &schema, .schema_tried = &schema_tried};
    s.feeds = o->has_feeds ? "yes" : "no";
    s.open_data = o->has_open_data ? "yes" : "no";
    char **names = NULL;
    size_t n = 0, pages = 0;
    entry *e = NULL;
    md_buf all = {0}, dir = {0};
    int bad = 0;
    md_status st = md_site_list_meetings(o->meetings, d, &names, &n, &bad);
    if (st == MD_OK && n > 0 && (e = md_alloc_array(n, sizeof *e)) == NULL)
        st = MD_ENOMEM;
    /* What every page depends on besides its meeting. */
    if (st == MD_OK)
        st = md_buf_addf(&dir, "%s/xsl", o->root);
    if (st == MD_OK)
        st = newest(dir.data, 6, &s.shared);
    md_buf_clear(&dir);
    if (st == MD_OK)
        st = md_buf_addf(&dir, "%s/xml/brand", o->root);
    if (st == MD_OK)
        st = newest(dir.data, 1, &s.shared);
    if (st == MD_OK)
        st = newest(o->schema, 0, &s.shared);
    if (st == MD_OK && o->program != NULL)
        st = newest(o->program, 0, &s.shared);
    /* Every meeting first: from its cache record when that is good, else read and validated;
     * the build date may be the newest meeting's. */
    for (size_t i = 0; st == MD_OK && i < n; i++) {
        st = pdf_size(&s, names[i], "kallelse", e[i].kallelse);
        if (st == MD_OK)
            st = pdf_size(&s, names[i], "protokoll", e[i].protokoll);
        if (st == MD_OK)
            st = source_stamp(&s, names[i], e[i].src);
        if (st == MD_OK)
            st = load_cache(&s, names[i], &e[i], &e[i].rec, &e[i].rec_len, &e[i].rec_time);
        if (st != MD_OK)
            break;
        if (e[i].rec != NULL) {
            cache_date(e[i].rec, e[i].rec_len, e[i].date);
            continue;
        }
        md_status r = read_one(&s, names[i], &e[i].doc);
        if (r == MD_OK)
            r = md_xslt_build_date(NULL, e[i].doc, d, e[i].date);
        if (r == MD_ENOMEM || r == MD_EBUG)
            st = r;
        else if (r != MD_OK)
            bad = 1;
    }
    if (st == MD_OK && o->build_date != NULL) {
        snprintf(s.date, sizeof s.date, "%s", o->build_date);
    } else if (st == MD_OK) {
        for (size_t i = 0; i < n; i++) {
            if (strcmp(e[i].date, s.date) > 0)
                memcpy(s.date, e[i].date, sizeof s.date);
        }
    }
    if (st == MD_OK)
        st = load(&s, "xsl/html.xsl", &s.html);
    if (st == MD_OK)
        st = load(&s, "xsl/site/digest.xsl", &s.digest);
    if (st == MD_OK)
        st = load(&s, "xsl/site/files.xsl", &s.files);
    if (st == MD_OK)
        st = md_buf_addf(&all, "<site xmlns=\"%s\" build-date=\"%s\">\n", SITE_NS, s.date);
    for (size_t i = 0; st == MD_OK && i < n; i++) {
        if (e[i].rec == NULL && e[i].doc == NULL)
            continue;
        size_t mark = all.len;
        md_status r = meeting_page(&s, names[i], &e[i], &all);
        if (r == MD_OK) {
            pages++;
        } else if (r == MD_EINPUT || r == MD_ELIMIT) {
            /* Its page is not made; the others are. Drop a half-appended digest. */
            all.len = mark;
            all.data[mark] = '\0';
            bad = 1;
        } else {
            st = r;
        }
    }
    if (st == MD_OK)
        st = md_buf_adds(&all, "</site>\n");
    /* A shared page is made again only when its part of the site document or a shared input
     * changed (or the page was touched): a run after one meeting changed without changing its
     * digest (its PDFs remade, the same bytes) makes none of them. */
    if (st == MD_OK)
        st = site_pages(&s, &all);
    if (st == MD_OK)
        st = style_files(&s);
    if (st == MD_OK)
        st = remove_stale(&s, names, n);
    if (st == MD_OK && bad)
        st = MD_EINPUT;
    if (done != NULL)
        *done = pages;
    for (size_t i = 0; e != NULL && i < n; i++) {
        md_xml_free(e[i].doc);
        md_free(e[i].rec);
    }
    md_free(e);
    free_names(names, n);
    md_xslt_free(s.html);
    md_xslt_free(s.digest);
    md_xslt_free(s.files);
    md_xml_schema_free(schema);
    md_buf_free(&all);
    md_buf_free(&dir);
    return st;
}
