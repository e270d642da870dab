/* Checks on a schema-valid meeting that RELAX NG cannot express: times in order, dates
 * that exist, weekdays that match their dates, § numbers unique and increasing, references
 * that resolve, files that exist, a justerare for a formal protokoll; and the Swedish
 * writing conventions (Myndigheternas skrivregler) as warnings, never as rewrites. */
#include "xml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/tree.h>

#include "buf.h"
#include "date.h"
#include "xml-imp.h"

typedef struct lint {
    md_diags *d;
    const char *path;
    xmlDocPtr doc;
    int meeting_year;
    size_t errors;
    /* The previous § seen, for the order check. */
    long last_paragraph;
    long last_paragraph_line;
} lint;

/* Weekday and month names as Swedish text writes them (lower case). */
static const char *const weekdays_sv[7] = {"måndag", "tisdag", "onsdag", "torsdag",
                                           "fredag", "lördag", "söndag"};
static const char *const months_sv[12] = {"januari",   "februari", "mars",     "april",
                                          "maj",       "juni",     "juli",     "augusti",
                                          "september", "oktober",  "november", "december"};

static long
line_of(xmlNodePtr n)
{
    return xmlGetLineNo(n);
}

#define ERR(l, line, ...)                                                                          \
    do {                                                                                           \
        md_diag_add((l)->d, MD_DIAG_ERROR, (l)->path, (line), 0, __VA_ARGS__);                     \
        (l)->errors++;                                                                             \
    } while (0)
#define WARN(l, line, ...) md_diag_add((l)->d, MD_DIAG_WARNING, (l)->path, (line), 0, __VA_ARGS__)

/* --- references ----------------------------------------------------------------------- */

/* True when an element in the meeting namespace carries xml:id-like id="value". */
static int
has_id(xmlNodePtr n, const char *value, size_t len)
{
    for (; n != NULL; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *id = md_xml_is(n, NULL) ? md_xml_attr(n, "id") : NULL;
        if (id != NULL && strlen(id) == len && memcmp(id, value, len) == 0)
            return 1;
        if (has_id(n->children, value, len))
            return 1;
    }
    return 0;
}

/* Attributes whose value is one or more ids of elements in this meeting. */
static const char *const ref_attrs[] = {"ref", "replaces", "who", "by", "body", "bodies"};

static void
check_refs(lint *l, xmlNodePtr n)
{
    xmlNodePtr root = xmlDocGetRootElement(l->doc);
    for (size_t k = 0; k < sizeof ref_attrs / sizeof ref_attrs[0]; k++) {
        const char *v = md_xml_attr(n, ref_attrs[k]);
        if (v == NULL)
            continue;
        const char *p = v;
        while (*p != '\0') {
            while (*p == ' ' || *p == '\t' || *p == '\n')
                p++;
            size_t len = strcspn(p, " \t\n");
            if (len == 0)
                break;
            if (!has_id(root, p, len))
                ERR(l, line_of(n),
                    "<%s %s=\"%s\">: no element in this meeting has id=\"%.*s\"; add the id "
                    "to the person or body, or correct the reference",
                    n->name, ref_attrs[k], v, (int)len, p);
            p += len;
        }
    }
}

/* --- dates and times ------------------------------------------------------------------ */

static const char *const date_attrs[] = {"date", "due"};

static void
check_date_value(lint *l, xmlNodePtr n, const char *name, const char *v)
{
    md_date dt;
    int shape_ok;
    if (md_date_parse(v, &dt, &shape_ok))
        return;
    if (shape_ok)
        ERR(l, line_of(n), "<%s %s=\"%s\">: there is no such day", n->name, name, v);
    else
        ERR(l, line_of(n), "<%s %s=\"%s\">: write the date as YYYY-MM-DD, e.g. 2024-01-30", n->name,
            name, v);
}

static void
check_times(lint *l, xmlNodePtr n)
{
    const char *s = md_xml_attr(n, "start"), *e = md_xml_attr(n, "end");
    int ts = s != NULL ? md_time_parse(s) : 0;
    int te = e != NULL ? md_time_parse(e) : 0;
    if (s != NULL && ts < 0)
        ERR(l, line_of(n), "<%s start=\"%s\">: there is no such time; write HH:MM, 00:00 to 23:59",
            n->name, s);
    if (e != NULL && te < 0)
        ERR(l, line_of(n), "<%s end=\"%s\">: there is no such time; write HH:MM, 00:00 to 23:59",
            n->name, e);
    if (s != NULL && e != NULL && ts >= 0 && te >= 0 && te <= ts)
        ERR(l, line_of(n), "<%s>: ends at %s, which is not after it starts (%s)", n->name, e, s);
}

/* --- text conventions and weekdays ------------------------------------------------------ */

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int
is_alpha_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Case-insensitive (ASCII first letter) match of word at s; returns its length or 0. */
static size_t
match_word(const char *s, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(s + 1, word + 1, n - 1) != 0)
        return 0;
    if (s[0] != word[0] && s[0] != word[0] - 'a' + 'A')
        return 0;
    return n;
}

/* Lines between start and at (for positions inside a text node). */
static long
lines_to(const char *start, const char *at)
{
    long n = 0;
    for (const char *p = start; p < at; p++)
        n += *p == '\n';
    return n;
}

/* "tisdagen den 30 januari 2024": the weekday must be right for the date. The year is the
 * meeting's when the text leaves it out. */
static void
check_weekday_at(lint *l, const char *text, const char *p, long line)
{
    for (int w = 0; w < 7; w++) {
        size_t n = match_word(p, weekdays_sv[w]);
        if (n == 0)
            continue;
        const char *q = p + n;
        if (strncmp(q, "en", 2) == 0)
            q += 2;
        if (is_alpha_byte((unsigned char)*q))
            return;
        while (*q == ' ')
            q++;
        if (strncmp(q, "den ", 4) == 0)
            q += 4;
        if (!is_digit(*q))
            return;
        int day = 0;
        while (is_digit(*q) && day < 100)
            day = day * 10 + (*q++ - '0');
        if (*q != ' ' && strncmp(q, "\xC2\xA0", 2) != 0)
            return;
        q += *q == ' ' ? 1 : 2;
        for (int m = 0; m < 12; m++) {
            size_t mn = match_word(q, months_sv[m]);
            if (mn == 0 || is_alpha_byte((unsigned char)q[mn]))
                continue;
            const char *r = q + mn;
            int year = l->meeting_year;
            if (*r == ' ' && is_digit(r[1]) && is_digit(r[2]) && is_digit(r[3]) && is_digit(r[4]) &&
                !is_digit(r[5]))
                year = (r[1] - '0') * 1000 + (r[2] - '0') * 100 + (r[3] - '0') * 10 + (r[4] - '0');
            long at = line + lines_to(text, p);
            if (year <= 0)
                return;
            if (day < 1 || day > md_date_days_in_month(year, m + 1)) {
                ERR(l, at, "\"%d %s %d\" does not exist", day, months_sv[m], year);
                return;
            }
            md_date dt = {year, m + 1, day};
            int real = md_date_weekday(dt);
            if (real != w)
                ERR(l, at, "the text says %s but %d %s %d is a %s; correct the weekday or the date",
                    weekdays_sv[w], day, months_sv[m], year, weekdays_sv[real]);
            return;
        }
        return;
    }
}

/* A number range or time range written with a hyphen: "16-18", "2024-2027", "13:30-16:00".
 * ISO dates (2024-01-30) are not ranges. Returns the length of the range or 0. */
static size_t
hyphen_range(const char *p)
{
    const char *q = p;
    while (is_digit(*q) || ((*q == ':' || *q == '.') && is_digit(q[1])))
        q++;
    if (q == p || *q != '-' || !is_digit(q[1]))
        return 0;
    /* YYYY-MM-DD */
    if (q - p == 4 && is_digit(q[1]) && is_digit(q[2]) && q[3] == '-' && is_digit(q[4]))
        return 0;
    const char *r = q + 1;
    while (is_digit(*r) || ((*r == ':' || *r == '.') && is_digit(r[1])))
        r++;
    return (size_t)(r - p);
}

/* One clock time as written ("16", "9.5", "17:30") in Swedish form ("16.00", "17.30"). */
static size_t
swedish_time(const char *p, const char *end, char *out, size_t cap)
{
    /* Only the last two digits matter for the suggestion; keeping the value below 100
     * also keeps a run of digits from overflowing (found by fuzzing). */
    int h = 0, m = 0;
    const char *q = p;
    while (q < end && is_digit(*q))
        h = (h * 10 + (*q++ - '0')) % 100;
    if (q < end && (*q == ':' || *q == '.')) {
        q++;
        while (q < end && is_digit(*q))
            m = (m * 10 + (*q++ - '0')) % 100;
    }
    int n = snprintf(out, cap, "%02d.%02d", h, m);
    return n > 0 ? (size_t)n : 0;
}

/* "16-18" -> "16.00–18.00", "13:30-16:00" -> "13.30–16.00". */
static void
suggest_times(const char *p, size_t n, char *out, size_t cap)
{
    const char *dash = memchr(p, '-', n);
    char a[16], b[16];
    swedish_time(p, dash, a, sizeof a);
    swedish_time(dash + 1, p + n, b, sizeof b);
    snprintf(out, cap, "%s–%s", a, b);
}

static void
check_text(lint *l, xmlNodePtr t)
{
    const char *text = (const char *)t->content;
    if (text == NULL)
        return;
    long line = line_of(t);
    for (const char *p = text; *p != '\0'; p++) {
        int at_word_start = p == text || !is_alpha_byte((unsigned char)p[-1]);
        int at_num_start = p == text || (!is_digit(p[-1]) && p[-1] != '.' && p[-1] != ':' &&
                                         p[-1] != '-' && p[-1] != '/');
        if (at_word_start)
            check_weekday_at(l, text, p, line);
        if (*p == '"') {
            WARN(l, line + lines_to(text, p),
                 "straight quotation mark (\"); Swedish uses ”…” (U+201D on both sides)");
        } else if (is_digit(*p) && at_num_start) {
            size_t n = hyphen_range(p);
            if (n > 0) {
                int is_time = p >= text + 3 &&
                              (strncmp(p - 3, "kl.", 3) == 0 || strncmp(p - 3, "Kl.", 3) == 0 ||
                               strncmp(p - 4, "kl. ", 4) == 0 || strncmp(p - 4, "Kl. ", 4) == 0);
                char fix[64];
                if (is_time || memchr(p, ':', n) != NULL) {
                    suggest_times(p, n, fix, sizeof fix);
                    WARN(l, line + lines_to(text, p),
                         "time range \"%.*s\" with a hyphen; Swedish writes \"%s\" (full stop "
                         "between hours and minutes, an en dash)",
                         (int)n, p, fix);
                } else {
                    size_t h = strcspn(p, "-");
                    WARN(l, line + lines_to(text, p),
                         "range \"%.*s\" with a hyphen; write \"%.*s–%.*s\" with an en dash",
                         (int)n, p, (int)h, p, (int)(n - h - 1), p + h + 1);
                }
                p += n - 1;
            }
        }
    }
}

/* --- the walk --------------------------------------------------------------------------- */

static int
has_token(const char *list, const char *token)
{
    if (list == NULL)
        return 0;
    size_t n = strlen(token);
    for (const char *p = list; (p = strstr(p, token)) != NULL; p += n) {
        if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
            return 1;
    }
    return 0;
}

/* What the first bytes of an image file say it is: "a PNG image", "an SVG image", another
 * format, or NULL when they say nothing known. */
static const char *
sniff_image(const unsigned char *b, size_t n)
{
    static const struct {
        const char *magic;
        size_t len, at;
        const char *name;
    } kinds[] = {
        {"\x89PNG\r\n\x1a\n", 8, 0, "a PNG image"},
        {"\xff\xd8\xff", 3, 0, "a JPEG image"},
        {"GIF8", 4, 0, "a GIF image"},
        {"WEBP", 4, 8, "a WebP image"},
        {"%PDF", 4, 0, "a PDF document"},
        {"BM", 2, 0, "a BMP image"},
        {"II*\0", 4, 0, "a TIFF image"},
        {"MM\0*", 4, 0, "a TIFF image"},
        {"ftypheic", 8, 4, "a HEIC photo"},
        {"ftypmif1", 8, 4, "a HEIF photo"},
        {"PK\x03\x04", 4, 0, "a ZIP file (a Word or PowerPoint document?)"},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (n >= kinds[i].at + kinds[i].len &&
            memcmp(b + kinds[i].at, kinds[i].magic, kinds[i].len) == 0)
            return kinds[i].name;
    }
    /* SVG is XML: after an optional byte order mark and white space, markup whose first
     * element (past the declaration, comments and a DOCTYPE) is <svg. */
    size_t i = n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        i++;
    if (i < n && b[i] == '<') {
        for (size_t j = i; j + 4 <= n; j++) {
            if (b[j] == '<' && (memcmp(b + j + 1, "svg", 3) == 0 ||
                                (j + 5 <= n && memcmp(b + j + 1, "svg:", 4) == 0)))
                return "an SVG image";
        }
        return "an XML file that is not SVG";
    }
    return NULL;
}

/* An image must be a PNG or SVG file, by name and by content: a photo renamed to .png is
 * caught here, not left out of the PDF with a warning. */
static void
check_image(lint *l, xmlNodePtr n, const char *src, const char *path)
{
    unsigned char head[4096];
    size_t len = 0;
    FILE *f = fopen(path, "rb");
    if (f != NULL) {
        len = fread(head, 1, sizeof head, f);
        fclose(f);
    }
    const char *kind = sniff_image(head, len);
    const char *dot = strrchr(src, '.');
    int named_png = dot != NULL && strcasecmp(dot, ".png") == 0;
    int named_svg = dot != NULL && strcasecmp(dot, ".svg") == 0;
    if (f == NULL) {
        ERR(l, line_of(n), "<%s src=\"%s\">: the file %s cannot be read", n->name, src, path);
    } else if (!named_png && !named_svg) {
        ERR(l, line_of(n),
            "<%s src=\"%s\">: %s%s%simages must be PNG or SVG files; save it as PNG (photos, "
            "screenshots) or SVG (drawings) and change src",
            n->name, src, kind ? "the file is " : "", kind ? kind : "", kind ? "; " : "");
    } else if (kind == NULL || strcmp(kind, named_png ? "a PNG image" : "an SVG image") != 0) {
        ERR(l, line_of(n),
            "<%s src=\"%s\">: the file is named .%s but %s%s; save it as a real %s (or SVG "
            "for drawings) and change src if the name changes",
            n->name, src, named_png ? "png" : "svg", kind ? "is " : "is no image motesdok knows",
            kind ? kind : "", named_png ? "PNG" : "SVG");
    }
}

/* Files the meeting refers to are looked up beside it, and may not climb out of it. */
static void
check_file(lint *l, xmlNodePtr n, const char *src, int is_image)
{
    if (src[0] == '/' || strstr(src, "..") != NULL || strchr(src, ':') != NULL) {
        ERR(l, line_of(n),
            "<%s src=\"%s\">: give a relative path inside the meeting's folder (no \"/\" at the "
            "start, no \"..\", no URL)",
            n->name, src);
        return;
    }
    md_buf p = {0};
    const char *slash = strrchr(l->path, '/');
    md_status st = MD_OK;
    if (slash != NULL)
        st = md_buf_add(&p, l->path, (size_t)(slash - l->path + 1));
    if (st == MD_OK)
        st = md_buf_adds(&p, src);
    struct stat sb;
    if (st != MD_OK) {
        ERR(l, line_of(n), "out of memory");
    } else if (stat(p.data, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        ERR(l, line_of(n), "<%s src=\"%s\">: the file %s does not exist", n->name, src, p.data);
    } else if (is_image) {
        check_image(l, n, src, p.data);
    }
    md_buf_free(&p);
}

static void
check_paragraph(lint *l, xmlNodePtr n)
{
    const char *v = md_xml_attr(n, "paragraph");
    if (v == NULL)
        return;
    long para = strtol(v, NULL, 10);
    if (l->last_paragraph > 0 && para == l->last_paragraph)
        ERR(l, line_of(n), "<item paragraph=\"%ld\">: § %ld is used twice (also on line %ld)", para,
            para, l->last_paragraph_line);
    else if (l->last_paragraph > 0 && para < l->last_paragraph)
        ERR(l, line_of(n),
            "<item paragraph=\"%ld\">: § %ld comes after § %ld (line %ld); § numbers must "
            "increase",
            para, para, l->last_paragraph, l->last_paragraph_line);
    l->last_paragraph = para;
    l->last_paragraph_line = line_of(n);
}

static void
walk(lint *l, xmlNodePtr n)
{
    for (; n != NULL; n = n->next) {
        if (n->type == XML_TEXT_NODE) {
            xmlNodePtr parent = n->parent;
            if (!md_xml_is(parent, "link") && !md_xml_is(parent, "email"))
                check_text(l, n);
            continue;
        }
        if (!md_xml_is(n, NULL))
            continue;
        const char *name = (const char *)n->name;
        check_refs(l, n);
        for (size_t k = 0; k < sizeof date_attrs / sizeof date_attrs[0]; k++) {
            const char *v = md_xml_attr(n, date_attrs[k]);
            if (v != NULL && !md_xml_is(n, "entry"))
                check_date_value(l, n, date_attrs[k], v);
        }
        if (md_xml_is(n, "entry") && md_xml_attr(n, "date") != NULL)
            check_date_value(l, n, "date", md_xml_attr(n, "date"));
        if (md_xml_is(n, "date") && md_xml_attr(n, "value") != NULL)
            check_date_value(l, n, "value", md_xml_attr(n, "value"));
        if (md_xml_attr(n, "start") != NULL || md_xml_attr(n, "end") != NULL)
            check_times(l, n);
        if (strcmp(name, "item") == 0)
            check_paragraph(l, n);
        if (strcmp(name, "image") == 0 && md_xml_attr(n, "src") != NULL) {
            const char *alt = md_xml_attr(n, "alt");
            if (alt == NULL || alt[strspn(alt, " \t\n")] == '\0')
                ERR(l, line_of(n), "<image>: alt text is empty; describe what the image shows");
            check_file(l, n, md_xml_attr(n, "src"), 1);
        }
        if (strcmp(name, "attachment") == 0 && md_xml_attr(n, "src") != NULL)
            check_file(l, n, md_xml_attr(n, "src"), 0);
        if (strcmp(name, "person") == 0 && md_xml_attr(n, "replaces") != NULL &&
            !has_token(md_xml_attr(n, "role"), "ersattare"))
            ERR(l, line_of(n),
                "<person replaces=\"%s\">: only an ersättare replaces someone; add "
                "\"ersattare\" to role",
                md_xml_attr(n, "replaces"));
        walk(l, n->children);
    }
}

/* True when some person has the role justerare or the approval names an approver. */
static int
has_justerare(xmlNodePtr n)
{
    for (; n != NULL; n = n->next) {
        if (md_xml_is(n, "person") && has_token(md_xml_attr(n, "role"), "justerare"))
            return 1;
        if (md_xml_is(n, "approver"))
            return 1;
        if (n->type == XML_ELEMENT_NODE && has_justerare(n->children))
            return 1;
    }
    return 0;
}

md_status
md_xml_lint(const md_xml_doc *doc, md_diags *d)
{
    lint l = {.d = d, .path = doc->path, .doc = doc->doc};
    xmlNodePtr root = xmlDocGetRootElement(doc->doc);
    if (!md_xml_is(root, "meeting")) {
        ERR(&l, root ? line_of(root) : 0, "the root element must be <meeting xmlns=\"%s\">",
            MD_XML_NS);
        return MD_EINPUT;
    }
    md_date md;
    const char *date = md_xml_attr(root, "date");
    if (date != NULL && md_date_parse(date, &md, NULL))
        l.meeting_year = md.year;
    const char *kind = md_xml_attr(root, "kind");
    if (kind != NULL && strcmp(kind, "protokoll") == 0 && !has_justerare(root->children))
        ERR(&l, line_of(root),
            "<meeting kind=\"protokoll\">: a formal protokoll needs a justerare; give a person "
            "role=\"justerare\" or add <approver ref=\"…\"/> to <approval>");
    walk(&l, root);
    return l.errors > 0 ? MD_EINPUT : MD_OK;
}
