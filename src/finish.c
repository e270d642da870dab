/* The finishing step after Cairo (cairo 1.16 leaves it undone: ../shared/notes/
 * cairo-1.16-tagging.md), with qpdf 11's C API: PDF/A-2a (ISO 19005-2:2011) and PDF/UA-1
 * (ISO 14289-1:2014) identification and the structure they need. docs/pdf.md lists what is
 * done and checked. A recording canvas remembers what Cairo cannot write (alternative text,
 * languages, link text) in tag order; the structure tree Cairo writes has its elements in the
 * same order, so the n-th element drawn is the n-th element of the tree in pre-order. */
#include "finish.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>
#include <zlib.h>

/* --- the recording canvas ------------------------------------------------------------- */

typedef struct rec_tag {
    char *role;
    char *lang;  /* NULL: inherited */
    char *alt;   /* Figure: the first image's alternative text */
    md_buf text; /* Link: the text drawn inside it */
} rec_tag;

struct md_finish {
    md_canvas inner;
    rec_tag *tags;
    size_t tags_len, tags_cap;
    size_t *open; /* indexes into tags of the open tags, innermost last */
    size_t open_len, open_cap;
};

/* Longest link text kept for /Contents, in bytes. */
#define LINK_TEXT_MAX 300
/* Largest PDF from Cairo that is finished, in bytes. */
#define FINISH_MAX_INPUT (1024L * 1024L * 1024L)
/* Deepest structure tree walked (the page builder nests far less). */
#define STRUCT_MAX_DEPTH 512

md_status
md_finish_new(md_finish **out)
{
    md_finish *f = md_alloc(sizeof *f);
    if (f == NULL)
        return MD_ENOMEM;
    *out = f;
    return MD_OK;
}

void
md_finish_free(md_finish *f)
{
    if (f == NULL)
        return;
    for (size_t i = 0; i < f->tags_len; i++) {
        md_free(f->tags[i].role);
        md_free(f->tags[i].lang);
        md_free(f->tags[i].alt);
        md_buf_free(&f->tags[i].text);
    }
    md_free(f->tags);
    md_free(f->open);
    md_free(f);
}

static md_status
grow(void **v, size_t len, size_t *cap, size_t size)
{
    if (len < *cap)
        return MD_OK;
    size_t n = *cap ? *cap * 2 : 16;
    void *p = md_realloc_array(*v, n, size);
    if (p == NULL)
        return MD_ENOMEM;
    *v = p;
    *cap = n;
    return MD_OK;
}

/* Takes lang='…' out of a cairo attribute string: *lang gets its value (or NULL), *rest the
 * other attributes (or NULL when none are left). Both are the caller's. */
static md_status
split_lang(const char *attrs, char **lang, char **rest)
{
    *lang = *rest = NULL;
    if (attrs == NULL)
        return MD_OK;
    const char *k = attrs;
    while ((k = strstr(k, "lang=")) != NULL && k != attrs && k[-1] != ' ')
        k++;
    if (k == NULL || k[5] != '\'') {
        *rest = md_strdup(attrs);
        return *rest ? MD_OK : MD_ENOMEM;
    }
    const char *v = k + 6, *e = v;
    while (*e != '\0' && *e != '\'')
        e++;
    md_buf r = {0};
    md_status st = md_buf_add(&r, attrs, (size_t)(k - attrs));
    if (st == MD_OK && *e == '\'')
        st = md_buf_adds(&r, e + 1);
    *lang = st == MD_OK ? md_strndup(v, (size_t)(e - v)) : NULL;
    if (st == MD_OK && *lang == NULL)
        st = MD_ENOMEM;
    size_t n = r.len;
    while (n > 0 && r.data[n - 1] == ' ')
        n--;
    size_t s = 0;
    while (s < n && r.data[s] == ' ')
        s++;
    if (st == MD_OK && n > s && (*rest = md_strndup(r.data + s, n - s)) == NULL)
        st = MD_ENOMEM;
    md_buf_free(&r);
    if (st != MD_OK) {
        md_free(*lang);
        *lang = NULL;
    }
    return st;
}

static md_status
rec_begin_page(void *self, md_sp width, md_sp height)
{
    md_finish *f = self;
    return f->inner.ops->begin_page(f->inner.self, width, height);
}

static md_status
rec_end_page(void *self)
{
    md_finish *f = self;
    return f->inner.ops->end_page(f->inner.self);
}

static md_status
rec_text(void *self, const md_canvas_text *t)
{
    md_finish *f = self;
    for (size_t i = f->open_len; i-- > 0;) {
        rec_tag *tag = &f->tags[f->open[i]];
        if (strcmp(tag->role, "Link") == 0) {
            md_status st = MD_OK;
            if (tag->text.len > 0 && tag->text.len < LINK_TEXT_MAX)
                st = md_buf_add(&tag->text, " ", 1);
            if (st == MD_OK && tag->text.len < LINK_TEXT_MAX)
                st = md_buf_add(&tag->text, t->text, t->text_len);
            if (st != MD_OK)
                return st;
            break;
        }
    }
    return f->inner.ops->text(f->inner.self, t);
}

static md_status
rec_rect(void *self, md_sp x, md_sp y, md_sp w, md_sp h, uint32_t rgb)
{
    md_finish *f = self;
    return f->inner.ops->rect(f->inner.self, x, y, w, h, rgb);
}

static md_status
rec_begin_tag(void *self, const char *role, const char *attrs)
{
    md_finish *f = self;
    md_status st = grow((void **)&f->tags, f->tags_len, &f->tags_cap, sizeof *f->tags);
    if (st == MD_OK)
        st = grow((void **)&f->open, f->open_len, &f->open_cap, sizeof *f->open);
    if (st != MD_OK)
        return st;
    rec_tag *t = &f->tags[f->tags_len];
    *t = (rec_tag){0};
    char *rest = NULL;
    if ((t->role = md_strdup(role)) == NULL)
        return MD_ENOMEM;
    if ((st = split_lang(attrs, &t->lang, &rest)) != MD_OK) {
        md_free(t->role);
        return st;
    }
    f->open[f->open_len++] = f->tags_len++;
    st = f->inner.ops->begin_tag(f->inner.self, role, rest);
    md_free(rest);
    return st;
}

static md_status
rec_end_tag(void *self, const char *role)
{
    md_finish *f = self;
    if (f->open_len > 0)
        f->open_len--;
    return f->inner.ops->end_tag(f->inner.self, role);
}

static md_status
rec_image(void *self, const char *path, const char *alt, md_sp x, md_sp y, md_sp w, md_sp h)
{
    md_finish *f = self;
    for (size_t i = f->open_len; alt != NULL && i-- > 0;) {
        rec_tag *tag = &f->tags[f->open[i]];
        if (strcmp(tag->role, "Figure") == 0) {
            if (tag->alt == NULL && (tag->alt = md_strdup(alt)) == NULL)
                return MD_ENOMEM;
            break;
        }
    }
    return f->inner.ops->image(f->inner.self, path, alt, x, y, w, h);
}

static md_status
rec_dest(void *self, const char *dest_name, md_sp x, md_sp y)
{
    md_finish *f = self;
    return f->inner.ops->dest(f->inner.self, dest_name, x, y);
}

static md_status
rec_outline(void *self, int parent, const char *title, const char *attrs, int is_open, int *id)
{
    md_finish *f = self;
    return f->inner.ops->outline(f->inner.self, parent, title, attrs, is_open, id);
}

static md_status
rec_page_label(void *self, const char *label)
{
    md_finish *f = self;
    return f->inner.ops->page_label != NULL ? f->inner.ops->page_label(f->inner.self, label)
                                            : MD_OK;
}

static const md_canvas_ops rec_ops = {
    .begin_page = rec_begin_page,
    .page_label = rec_page_label,
    .end_page = rec_end_page,
    .text = rec_text,
    .rect = rec_rect,
    .begin_tag = rec_begin_tag,
    .end_tag = rec_end_tag,
    .image = rec_image,
    .dest = rec_dest,
    .outline = rec_outline,
};

md_canvas
md_finish_canvas(md_finish *f, md_canvas inner)
{
    f->inner = inner;
    return (md_canvas){&rec_ops, f};
}

/* --- content streams: drawing outside marked content becomes an artifact ----------------- */

typedef struct op {
    size_t start, end; /* first operand .. end of the operator */
    char name[4];      /* "" for a keyword longer than 3 bytes (none that matters) */
} op;

static int
is_space(unsigned char c)
{
    return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static int
is_delim(unsigned char c)
{
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
           c == '}' || c == '/' || c == '%';
}

/* Splits a content stream into operations (ISO 32000-1 §7.2, §7.8.2): operands are skipped,
 * strings and comments honoured, an inline image (BI … ID data EI, §8.9.7) is one operation. */
static md_status
tokenize(const char *s, size_t len, op **out, size_t *out_len)
{
    op *ops = NULL;
    size_t n = 0, cap = 0, i = 0, start = SIZE_MAX;
    md_status st = MD_OK;
    while (i < len && st == MD_OK) {
        unsigned char c = (unsigned char)s[i];
        if (is_space(c)) {
            i++;
            continue;
        }
        if (c == '%') {
            while (i < len && s[i] != '\n' && s[i] != '\r')
                i++;
            continue;
        }
        if (start == SIZE_MAX)
            start = i;
        if (c == '(') {
            int depth = 0;
            for (; i < len; i++) {
                if (s[i] == '\\')
                    i++;
                else if (s[i] == '(')
                    depth++;
                else if (s[i] == ')' && --depth == 0)
                    break;
            }
            if (i >= len)
                st = MD_EINPUT;
            i++;
        } else if (c == '<' && i + 1 < len && s[i + 1] == '<') {
            i += 2;
        } else if (c == '>' && i + 1 < len && s[i + 1] == '>') {
            i += 2;
        } else if (c == '<') {
            while (i < len && s[i] != '>')
                i++;
            if (i >= len)
                st = MD_EINPUT;
            i++;
        } else if (c == '/') {
            i++;
            while (i < len && !is_space((unsigned char)s[i]) && !is_delim((unsigned char)s[i]))
                i++;
        } else if (is_delim(c)) {
            i++; /* [ ] { } and a stray ) or > */
        } else {
            size_t k = i;
            while (i < len && !is_space((unsigned char)s[i]) && !is_delim((unsigned char)s[i]))
                i++;
            size_t klen = i - k;
            int is_keyword =
                (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '\'' || c == '"';
            if (is_keyword && ((klen == 4 && memcmp(s + k, "true", 4) == 0) ||
                               (klen == 5 && memcmp(s + k, "false", 5) == 0) ||
                               (klen == 4 && memcmp(s + k, "null", 4) == 0)))
                is_keyword = 0;
            if (!is_keyword)
                continue;
            if (klen == 2 && memcmp(s + k, "BI", 2) == 0) {
                /* The image dictionary, then ID, one white-space byte, data up to a
                 * white-space-delimited EI. */
                size_t p = i;
                while (p + 2 <= len &&
                       !(memcmp(s + p, "ID", 2) == 0 && is_space((unsigned char)s[p - 1]) &&
                         (p + 2 == len || is_space((unsigned char)s[p + 2]))))
                    p++;
                p += 3;
                while (p + 2 <= len &&
                       !(is_space((unsigned char)s[p - 1]) && memcmp(s + p, "EI", 2) == 0 &&
                         (p + 2 == len || is_space((unsigned char)s[p + 2]))))
                    p++;
                if (p + 2 > len) {
                    st = MD_EINPUT;
                    break;
                }
                i = p + 2;
            }
            if ((st = grow((void **)&ops, n, &cap, sizeof *ops)) != MD_OK)
                break;
            ops[n] = (op){start, i, ""};
            if (klen < sizeof ops[n].name)
                memcpy(ops[n].name, s + k, klen);
            n++;
            start = SIZE_MAX;
        }
    }
    if (st != MD_OK) {
        md_free(ops);
        return st;
    }
    *out = ops;
    *out_len = n;
    return MD_OK;
}

static int
is_op(const op *o, const char *name)
{
    return strcmp(o->name, name) == 0;
}

/* An operation that starts painting: a path, an XObject, a shading, an inline image, text. */
static int
starts_drawing(const op *o)
{
    static const char *const names[] = {"m", "re", "Do", "sh", "BI", "Tj", "TJ", "'", "\""};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (is_op(o, names[i]))
            return 1;
    }
    return 0;
}

static const char ART_OPEN[] = "\n/Artifact BMC\n";
static const char ART_CLOSE[] = "\nEMC\n";

/* Decides where artifacts open and close (before operation i; n means the end):
 *   1. marked content (BDC/BMC … EMC) is left as it is; an open artifact closes before it;
 *   2. at depth 0 an artifact opens before the first operation that draws;
 *   3. it closes before the Q that ends the q level it opened in, before marked content, and
 *      at the end, so artifacts nest properly with q/Q and with marked content;
 *   4. a text object without marked content inside is drawn whole in one artifact; in one
 *      with marked content each run of unmarked text-showing operations gets its own. */
md_status
md_finish_artifacts(const char *in, size_t len, md_buf *out)
{
    op *ops = NULL;
    size_t n = 0;
    md_status st = tokenize(in, len, &ops, &n);
    if (st != MD_OK)
        return st;
    /* Per operation: 1 close before, 2 open before (both may be set). */
    unsigned char *act = md_alloc(n + 1);
    if (act == NULL) {
        md_free(ops);
        return MD_ENOMEM;
    }
    long depth = 0, qd = 0, art_q = 0;
    int is_art = 0, is_mixed_text = 0;
    for (size_t i = 0; i < n && st == MD_OK; i++) {
        const op *o = &ops[i];
        if (is_op(o, "BDC") || is_op(o, "BMC")) {
            if (is_art)
                act[i] |= 1, is_art = 0;
            depth++;
            continue;
        }
        if (is_op(o, "EMC")) {
            if (depth == 0)
                st = MD_EINPUT;
            depth--;
            continue;
        }
        if (is_op(o, "q")) {
            qd++;
            continue;
        }
        if (is_op(o, "Q")) {
            if (is_art && depth == 0 && art_q >= qd)
                act[i] |= 1, is_art = 0;
            qd--;
            continue;
        }
        if (depth > 0)
            continue;
        if (is_op(o, "BT")) {
            int has_marked = 0;
            for (size_t j = i + 1; j < n && !is_op(&ops[j], "ET") && !has_marked; j++)
                has_marked = is_op(&ops[j], "BDC") || is_op(&ops[j], "BMC");
            if (has_marked) {
                if (is_art)
                    act[i] |= 1, is_art = 0;
                is_mixed_text = 1;
            } else if (!is_art) {
                act[i] |= 2, is_art = 1, art_q = qd;
            }
        } else if (is_op(o, "ET")) {
            if (is_mixed_text && is_art)
                act[i] |= 1, is_art = 0;
            is_mixed_text = 0;
        } else if (starts_drawing(o) && !is_art) {
            act[i] |= 2, is_art = 1, art_q = qd;
        }
    }
    if (st == MD_OK && depth != 0)
        st = MD_EINPUT;
    size_t at = 0;
    size_t before = out->len;
    for (size_t i = 0; i < n && st == MD_OK; i++) {
        st = md_buf_add(out, in + at, ops[i].start - at);
        if (st == MD_OK && (act[i] & 1))
            st = md_buf_adds(out, ART_CLOSE);
        if (st == MD_OK && (act[i] & 2))
            st = md_buf_adds(out, ART_OPEN);
        if (st == MD_OK)
            st = md_buf_add(out, in + ops[i].start, ops[i].end - ops[i].start);
        at = ops[i].end;
    }
    if (st == MD_OK)
        st = md_buf_add(out, in + at, len - at);
    if (st == MD_OK && is_art)
        st = md_buf_adds(out, ART_CLOSE);
    if (st != MD_OK && out->data != NULL) {
        out->len = before;
        out->data[before] = '\0';
    }
    md_free(act);
    md_free(ops);
    return st;
}

/* --- XMP and dates -------------------------------------------------------------------- */

md_status
md_finish_pdf_date(const char *iso, char out[18])
{
    /* YYYY-MM-DDThh:mm:ss */
    static const char pattern[] = "dddd-dd-ddTdd:dd:dd";
    if (iso == NULL || strlen(iso) != sizeof pattern - 1)
        return MD_EINPUT;
    for (size_t i = 0; pattern[i] != '\0'; i++) {
        if (pattern[i] == 'd' ? !(iso[i] >= '0' && iso[i] <= '9') : iso[i] != pattern[i])
            return MD_EINPUT;
    }
    char *o = out;
    *o++ = 'D';
    *o++ = ':';
    for (size_t i = 0; iso[i] != '\0'; i++) {
        if (pattern[i] == 'd')
            *o++ = iso[i];
    }
    *o++ = 'Z';
    *o = '\0';
    return MD_OK;
}

static md_status
add_escaped(md_buf *b, const char *s)
{
    md_status st = MD_OK;
    for (; *s != '\0' && st == MD_OK; s++) {
        switch (*s) {
        case '&': st = md_buf_adds(b, "&amp;"); break;
        case '<': st = md_buf_adds(b, "&lt;"); break;
        case '>': st = md_buf_adds(b, "&gt;"); break;
        case '"': st = md_buf_adds(b, "&quot;"); break;
        default: st = md_buf_add(b, s, 1);
        }
    }
    return st;
}

static md_status
add_element(md_buf *b, const char *open, const char *value, const char *close)
{
    if (value == NULL)
        return MD_OK;
    md_status st = md_buf_adds(b, open);
    if (st == MD_OK)
        st = add_escaped(b, value);
    if (st == MD_OK)
        st = md_buf_adds(b, close);
    return st;
}

md_status
md_finish_xmp(const md_finish_info *x, md_buf *out)
{
    size_t before = out->len;
    char date[24] = "";
    if (x->date != NULL)
        snprintf(date, sizeof date, "%.19sZ", x->date);
    /* PDF/A-2 §6.6.2.3: a schema outside XMP 2005 (pdfuaid) is described by an extension
     * schema; the PDF/A identification (pdfaid) is predefined. */
    md_status st =
        md_buf_adds(out, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                         " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                         "  <rdf:Description rdf:about=\"\"\n"
                         "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                         "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                         "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                         "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
                         "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
                         "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
                         "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
                         "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
                         "   <dc:format>application/pdf</dc:format>\n");
    if (st == MD_OK)
        st = add_element(out, "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", x->title,
                         "</rdf:li></rdf:Alt></dc:title>\n");
    if (st == MD_OK)
        st = add_element(out, "   <dc:creator><rdf:Seq><rdf:li>", x->author,
                         "</rdf:li></rdf:Seq></dc:creator>\n");
    if (st == MD_OK)
        st = add_element(out, "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">",
                         x->subject, "</rdf:li></rdf:Alt></dc:description>\n");
    if (st == MD_OK)
        st = add_element(out, "   <pdf:Keywords>", x->keywords, "</pdf:Keywords>\n");
    if (st == MD_OK)
        st = add_element(out, "   <pdf:Producer>", x->producer, "</pdf:Producer>\n");
    if (st == MD_OK)
        st = add_element(out, "   <xmp:CreatorTool>", x->creator, "</xmp:CreatorTool>\n");
    if (st == MD_OK && x->date != NULL)
        st = md_buf_addf(out,
                         "   <xmp:CreateDate>%s</xmp:CreateDate>\n"
                         "   <xmp:ModifyDate>%s</xmp:ModifyDate>\n"
                         "   <xmp:MetadataDate>%s</xmp:MetadataDate>\n",
                         date, date, date);
    if (st == MD_OK)
        st = md_buf_adds(
            out,
            "   <pdfaid:part>2</pdfaid:part>\n"
            "   <pdfaid:conformance>A</pdfaid:conformance>\n"
            "   <pdfuaid:part>1</pdfuaid:part>\n"
            "   <pdfaExtension:schemas>\n"
            "    <rdf:Bag>\n"
            "     <rdf:li rdf:parseType=\"Resource\">\n"
            "      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
            "      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/"
            "</pdfaSchema:namespaceURI>\n"
            "      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
            "      <pdfaSchema:property>\n"
            "       <rdf:Seq>\n"
            "        <rdf:li rdf:parseType=\"Resource\">\n"
            "         <pdfaProperty:name>part</pdfaProperty:name>\n"
            "         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
            "         <pdfaProperty:category>internal</pdfaProperty:category>\n"
            "         <pdfaProperty:description>Part of ISO 14289 the file conforms to"
            "</pdfaProperty:description>\n"
            "        </rdf:li>\n"
            "       </rdf:Seq>\n"
            "      </pdfaSchema:property>\n"
            "     </rdf:li>\n"
            "    </rdf:Bag>\n"
            "   </pdfaExtension:schemas>\n"
            "  </rdf:Description>\n"
            " </rdf:RDF>\n"
            "</x:xmpmeta>\n"
            "<?xpacket end=\"r\"?>\n");
    if (st != MD_OK && out->data != NULL) {
        out->len = before;
        out->data[before] = '\0';
    }
    return st;
}

/* --- the PDF, through qpdf ------------------------------------------------------------ */

typedef struct fin {
    qpdf_data q;
    md_finish *rec;
    const md_finish_opts *o;
    md_diags *d;
    size_t elem; /* structure elements seen in pre-order */
    md_status st;
} fin;

static const char *
src(const fin *z)
{
    return z->o->source;
}

/* Reports the qpdf error pending (or that qpdf failed) as a diagnostic; returns st. */
static md_status
qpdf_failed(fin *z, md_status st, const char *what)
{
    if (!qpdf_has_error(z->q)) {
        md_diag_add(z->d, MD_DIAG_ERROR, src(z), 0, 0,
                    "the PDF could not be finished (%s): qpdf failed", what);
        return st;
    }
    qpdf_error e = qpdf_get_error(z->q);
    md_diag_add(z->d, MD_DIAG_ERROR, src(z), 0, 0, "the PDF could not be finished (%s): %s", what,
                e ? qpdf_get_error_full_text(z->q, e) : "qpdf error");
    return st;
}

static qpdf_oh
name(fin *z, const char *n)
{
    return qpdf_oh_new_name(z->q, n);
}

/* A UTF-8 copy of a text string entry of dict, or NULL when absent (or out of memory). */
static char *
utf8_of(fin *z, qpdf_oh dict, const char *key)
{
    if (!qpdf_oh_is_dictionary(z->q, dict) || !qpdf_oh_has_key(z->q, dict, key))
        return NULL;
    qpdf_oh v = qpdf_oh_get_key(z->q, dict, key);
    if (!qpdf_oh_is_string(z->q, v))
        return NULL;
    size_t len = 0;
    const char *s = qpdf_oh_get_binary_utf8_value(z->q, v, &len);
    return s ? md_strndup(s, len) : NULL;
}

static void
set_text(fin *z, qpdf_oh dict, const char *key, const char *utf8)
{
    qpdf_oh_replace_key(z->q, dict, key, qpdf_oh_new_unicode_string(z->q, utf8));
}

/* Info: PDF dates (cairo 1.16 writes them without "D:", or the clock's when none is set),
 * the producer; then the XMP packet that agrees with it (PDF/A-2 §6.6.3). */
static md_status
do_metadata(fin *z, qpdf_oh root)
{
    qpdf_data q = z->q;
    qpdf_oh trailer = qpdf_get_trailer(q);
    qpdf_oh info = qpdf_oh_get_key(q, trailer, "/Info");
    if (!qpdf_oh_is_dictionary(q, info)) {
        info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
        qpdf_oh_replace_key(q, trailer, "/Info", info);
    }
    char pdate[18];
    if (z->o->date != NULL && md_finish_pdf_date(z->o->date, pdate) != MD_OK) {
        md_diag_add(z->d, MD_DIAG_ERROR, src(z), 0, 0,
                    "the PDF date \"%s\" is not YYYY-MM-DDThh:mm:ss", z->o->date);
        return MD_EBUG;
    }
    const char *keys[] = {"/CreationDate", "/ModDate"};
    for (int i = 0; i < 2; i++) {
        if (z->o->date != NULL)
            qpdf_oh_replace_key(q, info, keys[i], qpdf_oh_new_string(q, pdate));
        else
            qpdf_oh_remove_key(q, info, keys[i]);
    }
    char *cairo = utf8_of(z, info, "/Producer");
    md_buf producer = {0};
    md_status st = md_buf_addf(&producer, "motesdok (%s; qpdf %s)", cairo ? cairo : "cairo",
                               qpdf_get_qpdf_version());
    md_free(cairo);
    if (st == MD_OK)
        set_text(z, info, "/Producer", producer.data);
    md_finish_info x = {0};
    x.title = utf8_of(z, info, "/Title");
    x.author = utf8_of(z, info, "/Author");
    x.subject = utf8_of(z, info, "/Subject");
    x.keywords = utf8_of(z, info, "/Keywords");
    x.creator = utf8_of(z, info, "/Creator");
    x.producer = producer.data;
    x.date = z->o->date;
    if (x.title == NULL || x.title[0] == '\0')
        md_diag_add(z->d, MD_DIAG_WARNING, src(z), 0, 0,
                    "the document has no title (fo:title); PDF/UA-1 §7.1 asks for one");
    md_buf xmp = {0};
    if (st == MD_OK)
        st = md_finish_xmp(&x, &xmp);
    if (st == MD_OK) {
        qpdf_oh m = qpdf_oh_new_stream(q);
        qpdf_oh_replace_stream_data(q, m, (const unsigned char *)xmp.data, xmp.len,
                                    qpdf_oh_new_null(q), qpdf_oh_new_null(q));
        qpdf_oh md = qpdf_oh_get_dict(q, m);
        qpdf_oh_replace_key(q, md, "/Type", name(z, "/Metadata"));
        qpdf_oh_replace_key(q, md, "/Subtype", name(z, "/XML"));
        qpdf_oh_replace_key(q, root, "/Metadata", m);
    }
    md_free((char *)x.title);
    md_free((char *)x.author);
    md_free((char *)x.subject);
    md_free((char *)x.keywords);
    md_free((char *)x.creator);
    md_buf_free(&xmp);
    md_buf_free(&producer);
    return st;
}

/* zlib level for the streams the step compresses itself (page contents, the ICC profile).
 * Protokoll 2024-01-30 (8 pages, 9 streams): level 6 costs 8.8 M instructions, level 3 5.6 M
 * (0.8 % of the whole run, within the noise of its wall time) but the file grows by 2 % and
 * the 100-page benchmark tree by 7.5 %: an archive keeps the bytes for decades, so 6. */
#define FLATE_LEVEL Z_DEFAULT_COMPRESSION

/* Sets the data of stream s to len bytes at data, Flate-compressed here once: qpdf would
 * compress it again in each of the two passes of a linearized write (a page's content is tens
 * of kilobytes; that was a third of the finishing step). */
static md_status
set_stream_flate(fin *z, qpdf_oh s, const char *data, size_t len)
{
    uLongf cap = compressBound((uLong)len);
    unsigned char *packed = len <= (size_t)FINISH_MAX_INPUT ? md_alloc(cap > 0 ? cap : 1) : NULL;
    if (packed == NULL)
        return MD_ENOMEM;
    int zs = compress2(packed, &cap, (const Bytef *)data, (uLong)len, FLATE_LEVEL);
    if (zs != Z_OK) {
        md_free(packed);
        return zs == Z_MEM_ERROR ? MD_ENOMEM : MD_EBUG;
    }
    qpdf_oh_replace_stream_data(z->q, s, packed, cap, name(z, "/FlateDecode"),
                                qpdf_oh_new_null(z->q));
    md_free(packed);
    return MD_OK;
}

/* Catalog: language, title display, marking, the sRGB output intent (PDF/A-2 §6.2.3). */
static md_status
do_catalog(fin *z, qpdf_oh root)
{
    qpdf_data q = z->q;
    md_buf icc = {0};
    md_status st = md_buf_read_file(&icc, z->o->icc_path, 4u << 20);
    if (st != MD_OK || icc.len < 132 || memcmp(icc.data + 16, "RGB ", 4) != 0) {
        md_diag_add(z->d, MD_DIAG_ERROR, z->o->icc_path, 0, 0,
                    "%s; the output intent needs an RGB ICC profile (install icc-profiles-free: "
                    "tools/deps.sh build)",
                    st == MD_OK ? "not an RGB ICC profile" : "cannot be read");
        md_buf_free(&icc);
        return st == MD_OK || st == MD_ELIMIT ? MD_EINPUT : MD_EIO;
    }
    set_text(z, root, "/Lang", z->o->lang);
    qpdf_oh vp = qpdf_oh_get_key(q, root, "/ViewerPreferences");
    if (!qpdf_oh_is_dictionary(q, vp)) {
        vp = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, root, "/ViewerPreferences", vp);
    }
    qpdf_oh_replace_key(q, vp, "/DisplayDocTitle", qpdf_oh_new_bool(q, QPDF_TRUE));
    qpdf_oh mi = qpdf_oh_get_key(q, root, "/MarkInfo");
    if (!qpdf_oh_is_dictionary(q, mi)) {
        mi = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, root, "/MarkInfo", mi);
    }
    qpdf_oh_replace_key(q, mi, "/Marked", qpdf_oh_new_bool(q, QPDF_TRUE));

    qpdf_oh prof = qpdf_oh_new_stream(q);
    st = set_stream_flate(z, prof, icc.data, icc.len);
    md_buf_free(&icc);
    if (st != MD_OK)
        return st;
    qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, prof), "/N", qpdf_oh_new_integer(q, 3));
    qpdf_oh oi = qpdf_oh_new_dictionary(q);
    qpdf_oh_replace_key(q, oi, "/Type", name(z, "/OutputIntent"));
    qpdf_oh_replace_key(q, oi, "/S", name(z, "/GTS_PDFA1"));
    qpdf_oh_replace_key(q, oi, "/OutputConditionIdentifier",
                        qpdf_oh_new_string(q, "sRGB IEC61966-2.1"));
    qpdf_oh_replace_key(q, oi, "/Info", qpdf_oh_new_string(q, "sRGB IEC61966-2.1"));
    qpdf_oh_replace_key(q, oi, "/DestOutputProfile", prof);
    qpdf_oh ois = qpdf_oh_new_array(q);
    qpdf_oh_append_item(q, ois, oi);
    qpdf_oh_replace_key(q, root, "/OutputIntents", ois);
    return MD_OK;
}

/* Fonts and images in a resource dictionary and the forms it uses: PDF/A-2 §6.2.11.3.2
 * wants /CIDToGIDMap on a CIDFontType2 (cairo 1.16 leaves out the default, Identity);
 * §6.2.8.1 forbids /Interpolate true on images (cairo sets it for smooth scaling). */
static void
fix_resources(fin *z, qpdf_oh res, int depth)
{
    qpdf_data q = z->q;
    if (depth > 8 || !qpdf_oh_is_dictionary(q, res))
        return;
    qpdf_oh fonts = qpdf_oh_get_key(q, res, "/Font");
    if (qpdf_oh_is_dictionary(q, fonts)) {
        qpdf_oh_begin_dict_key_iter(q, fonts);
        qpdf_oh list = qpdf_oh_new_array(q);
        while (qpdf_oh_dict_more_keys(q)) {
            const char *k = qpdf_oh_dict_next_key(q);
            qpdf_oh_append_item(q, list, qpdf_oh_get_key(q, fonts, k));
        }
        for (int i = 0; i < qpdf_oh_get_array_n_items(q, list); i++) {
            qpdf_oh font = qpdf_oh_get_array_item(q, list, i);
            qpdf_oh desc = qpdf_oh_get_key(q, font, "/DescendantFonts");
            for (int j = 0; qpdf_oh_is_array(q, desc) && j < qpdf_oh_get_array_n_items(q, desc);
                 j++) {
                qpdf_oh cid = qpdf_oh_get_array_item(q, desc, j);
                if (qpdf_oh_is_dictionary_of_type(q, cid, "", "/CIDFontType2") &&
                    !qpdf_oh_has_key(q, cid, "/CIDToGIDMap"))
                    qpdf_oh_replace_key(q, cid, "/CIDToGIDMap", name(z, "/Identity"));
            }
        }
    }
    qpdf_oh xobjs = qpdf_oh_get_key(q, res, "/XObject");
    if (qpdf_oh_is_dictionary(q, xobjs)) {
        qpdf_oh list = qpdf_oh_new_array(q);
        qpdf_oh_begin_dict_key_iter(q, xobjs);
        while (qpdf_oh_dict_more_keys(q)) {
            const char *k = qpdf_oh_dict_next_key(q);
            qpdf_oh_append_item(q, list, qpdf_oh_get_key(q, xobjs, k));
        }
        for (int i = 0; i < qpdf_oh_get_array_n_items(q, list); i++) {
            qpdf_oh x = qpdf_oh_get_array_item(q, list, i);
            if (!qpdf_oh_is_stream(q, x))
                continue;
            qpdf_oh xd = qpdf_oh_get_dict(q, x);
            if (qpdf_oh_has_key(q, xd, "/Interpolate"))
                qpdf_oh_replace_key(q, xd, "/Interpolate", qpdf_oh_new_bool(q, QPDF_FALSE));
            qpdf_oh smask = qpdf_oh_get_key(q, xd, "/SMask");
            if (qpdf_oh_is_stream(q, smask)) {
                qpdf_oh sd = qpdf_oh_get_dict(q, smask);
                if (qpdf_oh_has_key(q, sd, "/Interpolate"))
                    qpdf_oh_replace_key(q, sd, "/Interpolate", qpdf_oh_new_bool(q, QPDF_FALSE));
            }
            if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, xd, "/Subtype"), "/Form"))
                fix_resources(z, qpdf_oh_get_key(q, xd, "/Resources"), depth + 1);
        }
    }
}

/* Pages: content outside marked content becomes an artifact; tab order follows the
 * structure (PDF/UA-1 §7.18.3); link annotations are printed (PDF/A-2 §6.3.2). */
static md_status
do_pages(fin *z)
{
    qpdf_data q = z->q;
    int n = qpdf_get_num_pages(q);
    if (n < 0)
        return qpdf_failed(z, MD_EBUG, "counting the pages");
    md_status st = MD_OK;
    for (int i = 0; i < n && st == MD_OK; i++) {
        qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
        qpdf_oh_replace_key(q, page, "/Tabs", name(z, "/S"));
        unsigned char *data = NULL;
        size_t len = 0;
        if (qpdf_oh_get_page_content_data(q, page, &data, &len) & QPDF_ERRORS) {
            free(data);
            return qpdf_failed(z, MD_EBUG, "page content");
        }
        md_buf out = {0};
        st = md_finish_artifacts((const char *)data, len, &out);
        free(data);
        if (st == MD_EINPUT) {
            md_diag_add(z->d, MD_DIAG_ERROR, src(z), 0, 0,
                        "page %d: its content stream has unbalanced marked content; "
                        "the PDF was not written",
                        i + 1);
            st = MD_EBUG;
        }
        if (st == MD_OK) {
            qpdf_oh c = qpdf_oh_get_key(q, page, "/Contents");
            if (!qpdf_oh_is_stream(q, c)) {
                c = qpdf_oh_new_stream(q);
                qpdf_oh_replace_key(q, page, "/Contents", c);
            }
            st = set_stream_flate(z, c, out.data ? out.data : "", out.len);
        }
        md_buf_free(&out);
        fix_resources(z, qpdf_oh_get_key(q, page, "/Resources"), 0);
        qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
        for (int k = 0; qpdf_oh_is_array(q, annots) && k < qpdf_oh_get_array_n_items(q, annots);
             k++) {
            qpdf_oh a = qpdf_oh_get_array_item(q, annots, k);
            if (qpdf_oh_is_dictionary(q, a))
                qpdf_oh_replace_key(q, a, "/F", qpdf_oh_new_integer(q, 4));
        }
        qpdf_oh_release_all(q);
    }
    return st;
}

static const rec_tag *
tag_at(fin *z, size_t i)
{
    return z->rec != NULL && i < z->rec->tags_len ? &z->rec->tags[i] : NULL;
}

/* A Link element: its annotation (an OBJR kid) gets /Contents, the link's text or its
 * address (PDF/UA-1 §7.18.5). */
static void
describe_link(fin *z, qpdf_oh elem, const rec_tag *t)
{
    qpdf_data q = z->q;
    qpdf_oh k = qpdf_oh_get_key(q, elem, "/K");
    qpdf_oh kids = qpdf_oh_is_array(q, k) ? k : qpdf_oh_wrap_in_array(q, k);
    for (int i = 0; i < qpdf_oh_get_array_n_items(q, kids); i++) {
        qpdf_oh kid = qpdf_oh_get_array_item(q, kids, i);
        if (!qpdf_oh_is_dictionary_of_type(q, kid, "/OBJR", ""))
            continue;
        qpdf_oh annot = qpdf_oh_get_key(q, kid, "/Obj");
        if (!qpdf_oh_is_dictionary(q, annot) || qpdf_oh_has_key(q, annot, "/Contents"))
            continue;
        char *uri = utf8_of(z, qpdf_oh_get_key(q, annot, "/A"), "/URI");
        const char *text = t != NULL && t->text.len > 0 ? t->text.data : uri;
        if (text != NULL)
            set_text(z, annot, "/Contents", text);
        md_free(uri);
    }
}

static int
role_is(fin *z, qpdf_oh elem, const char *role)
{
    return qpdf_oh_is_name_and_equals(z->q, qpdf_oh_get_key(z->q, elem, "/S"), role);
}

/* Walks the structure tree in pre-order: the n-th element is the n-th tag drawn. The handles
 * made for a node are released as soon as it is done: the C API keeps every handle until then,
 * and a long document's tree has thousands of elements. */
static void
walk(fin *z, qpdf_oh node, qpdf_oh parent, int depth)
{
    qpdf_data q = z->q;
    if (z->st != MD_OK)
        return;
    if (depth > STRUCT_MAX_DEPTH) {
        md_diag_add(z->d, MD_DIAG_ERROR, src(z), 0, 0,
                    "the structure tree is nested more than %d deep", STRUCT_MAX_DEPTH);
        z->st = MD_ELIMIT;
        return;
    }
    /* One call for the type: each call of the C API costs 1 000-2 000 instructions. */
    enum qpdf_object_type_e type = qpdf_oh_get_type_code(q, node);
    if (type == ot_array) {
        int n = qpdf_oh_get_array_n_items(q, node);
        for (int i = 0; i < n; i++) {
            qpdf_oh kid = qpdf_oh_get_array_item(q, node, i);
            walk(z, kid, parent, depth);
            qpdf_oh_release(q, kid);
        }
        return;
    }
    if (type != ot_dictionary)
        return;
    /* Marked-content and object references (/MCR, /OBJR) have no /S. */
    qpdf_oh s = qpdf_oh_get_key(q, node, "/S");
    char role[64] = "";
    if (qpdf_oh_is_name(q, s))
        snprintf(role, sizeof role, "%s", qpdf_oh_get_name(q, s) + 1);
    qpdf_oh_release(q, s);
    if (role[0] == '\0')
        return;
    const rec_tag *t = tag_at(z, z->elem);
    if (z->rec != NULL && (t == NULL || strcmp(role, t->role) != 0)) {
        md_diag_add(z->d, MD_DIAG_ERROR, src(z), 0, 0,
                    "structure element %zu is /%s but the page builder drew %s; the "
                    "alternative texts and languages cannot be placed",
                    z->elem + 1, role, t ? t->role : "no more tags");
        z->st = MD_EBUG;
        return;
    }
    z->elem++;
    if (t != NULL && t->lang != NULL && t->lang[0] != '\0')
        set_text(z, node, "/Lang", t->lang);
    if (strcmp(role, "Figure") == 0) {
        if (t != NULL && t->alt != NULL && t->alt[0] != '\0') {
            set_text(z, node, "/Alt", t->alt);
        } else if (!qpdf_oh_has_key(q, node, "/Alt")) {
            md_diag_add(z->d, MD_DIAG_ERROR, src(z), 0, 0,
                        "a figure has no alternative text (PDF/UA-1 §7.3); give its "
                        "fo:external-graphic a fox:alt-text (in a meeting: <image alt=\"…\">)");
            z->st = MD_EINPUT;
        }
    }
    if (strcmp(role, "TH") == 0 && !qpdf_oh_has_key(q, node, "/A")) {
        /* Header cells of a THead head their columns; a TH elsewhere heads its row when it
         * is the row's first cell (ISO 32000-1 §14.8.5.7, Table 349 /Scope). */
        qpdf_oh group = qpdf_oh_get_key(q, parent, "/P");
        int is_column = role_is(z, group, "/THead");
        if (!is_column) {
            qpdf_oh first = qpdf_oh_get_key(q, parent, "/K");
            if (qpdf_oh_is_array(q, first) && qpdf_oh_get_array_n_items(q, first) > 0)
                first = qpdf_oh_get_array_item(q, first, 0);
            is_column = !(qpdf_oh_get_object_id(q, first) == qpdf_oh_get_object_id(q, node) &&
                          qpdf_oh_get_object_id(q, node) != 0);
        }
        qpdf_oh a = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, a, "/O", name(z, "/Table"));
        qpdf_oh_replace_key(q, a, "/Scope", name(z, is_column ? "/Column" : "/Row"));
        qpdf_oh_replace_key(q, node, "/A", a);
    }
    if (strcmp(role, "Link") == 0)
        describe_link(z, node, t);
    qpdf_oh kids = qpdf_oh_get_key(q, node, "/K");
    walk(z, kids, node, depth + 1);
    qpdf_oh_release(q, kids);
}

static md_status
do_structure(fin *z, qpdf_oh root)
{
    qpdf_data q = z->q;
    qpdf_oh tree = qpdf_oh_get_key(q, root, "/StructTreeRoot");
    if (!qpdf_oh_is_dictionary(q, tree) && z->rec != NULL && z->rec->tags_len > 0) {
        /* Tags were drawn but held nothing: cairo writes no structure tree then. */
        md_diag_add(z->d, MD_DIAG_ERROR, src(z), 0, 0,
                    "nothing is drawn in the flow (no text, no readable image): an accessible "
                    "PDF needs content; give the fo:flow some");
        return MD_EINPUT;
    }
    if (!qpdf_oh_is_dictionary(q, tree)) {
        md_diag_add(z->d, MD_DIAG_ERROR, src(z), 0, 0,
                    "the PDF has no structure tree; the page builder drew no tags");
        return MD_EBUG;
    }
    walk(z, qpdf_oh_get_key(q, tree, "/K"), tree, 0);
    if (z->st == MD_OK && z->rec != NULL && z->elem != z->rec->tags_len) {
        md_diag_add(z->d, MD_DIAG_ERROR, src(z), 0, 0,
                    "the structure tree has %zu elements but the page builder drew %zu tags",
                    z->elem, z->rec->tags_len);
        z->st = MD_EBUG;
    }
    return z->st;
}

md_status
md_finish_pdf(md_finish *f, const char *in_path, const md_finish_opts *o, md_buf *out, md_diags *d)
{
    /* Read whole, then parsed from memory: qpdf reading the file seeks and re-reads for each
     * object, two system calls each (8,000 for a 3-page PDF). */
    md_buf in = {0};
    md_status st = md_buf_read_file(&in, in_path, FINISH_MAX_INPUT);
    if (st == MD_OK) {
        st = md_finish_pdf_memory(f, in.data, in.len, in_path, o, out, d);
    } else if (st != MD_ENOMEM) {
        md_diag_add(d, MD_DIAG_ERROR, in_path, 0, 0, "cannot read Cairo's PDF: %s",
                    md_status_str(st));
        st = MD_EIO;
    }
    md_buf_free(&in);
    return st;
}

md_status
md_finish_pdf_memory(md_finish *f, const char *in, size_t len, const char *name,
                     const md_finish_opts *o, md_buf *out, md_diags *d)
{
    fin z = {.q = qpdf_init(), .rec = f, .o = o, .d = d};
    if (z.q == NULL)
        return MD_ENOMEM;
    /* Library code never prints: errors come back through qpdf_has_error. */
    qpdf_silence_errors(z.q);
    qpdf_set_suppress_warnings(z.q, QPDF_TRUE);
    md_status st = MD_OK;
    if (len > (size_t)FINISH_MAX_INPUT) {
        md_diag_add(d, MD_DIAG_ERROR, name, 0, 0, "Cairo's PDF is too large to finish (%zu bytes)",
                    len);
        st = MD_ELIMIT;
    } else if (qpdf_read_memory(z.q, name, in, (unsigned long long)len, NULL) & QPDF_ERRORS) {
        st = qpdf_failed(&z, MD_EIO, "reading Cairo's PDF");
    }
    if (st == MD_OK && qpdf_is_encrypted(z.q)) {
        md_diag_add(d, MD_DIAG_ERROR, src(&z), 0, 0, "the PDF is encrypted; PDF/A forbids it");
        st = MD_EBUG;
    }
    qpdf_oh root = st == MD_OK ? qpdf_get_root(z.q) : 0;
    if (st == MD_OK)
        st = do_structure(&z, root);
    if (st == MD_OK)
        st = do_metadata(&z, root);
    if (st == MD_OK)
        st = do_catalog(&z, root);
    if (st == MD_OK)
        st = do_pages(&z);
    if (st == MD_OK && qpdf_has_error(z.q))
        st = qpdf_failed(&z, MD_EBUG, "editing");
    /* Linearized (fast web view) with object streams, which PDF/A-2 allows (unlike PDF/A-1);
     * the /ID is an MD5 of the content, so the same input gives the same bytes. qpdf leaves
     * the XMP stream uncompressed. */
    if (st == MD_OK && (qpdf_init_write_memory(z.q) & QPDF_ERRORS))
        st = qpdf_failed(&z, MD_EBUG, "writing");
    if (st == MD_OK) {
        qpdf_set_object_stream_mode(z.q, qpdf_o_generate);
        qpdf_set_compress_streams(z.q, QPDF_TRUE);
        qpdf_set_decode_level(z.q, qpdf_dl_none);
        qpdf_set_preserve_encryption(z.q, QPDF_FALSE);
        qpdf_set_deterministic_ID(z.q, QPDF_TRUE);
        qpdf_set_linearization(z.q, QPDF_TRUE);
        if (qpdf_write(z.q) & QPDF_ERRORS)
            st = qpdf_failed(&z, MD_EBUG, "writing");
    }
    if (st == MD_OK)
        st = md_buf_add(out, (const char *)qpdf_get_buffer(z.q), qpdf_get_buffer_length(z.q));
    qpdf_cleanup(&z.q);
    return st;
}
