/* Reader for the motesdok subset of XSL-FO 1.1 (XSL §6–7); differences in docs/fo-subset.md.
 * libxml2's streaming reader (no network, no DTD, no entities, a DOCTYPE refused) feeds an
 * iterative tree builder, so depth is bounded by MD_FO_MAX_DEPTH and never by the C stack. */
#include "fo.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parserInternals.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "buf.h"
#include "fo-imp.h"

static const char *const kind_names[MD_FO_KIND_LEN] = {
    "#text",
    "root",
    "layout-master-set",
    "simple-page-master",
    "region-body",
    "region-before",
    "region-after",
    "region-start",
    "region-end",
    "page-sequence-master",
    "repeatable-page-master-alternatives",
    "conditional-page-master-reference",
    "single-page-master-reference",
    "repeatable-page-master-reference",
    "page-sequence",
    "title",
    "static-content",
    "flow",
    "block",
    "block-container",
    "inline",
    "basic-link",
    "page-number",
    "page-number-citation",
    "page-number-citation-last",
    "leader",
    "list-block",
    "list-item",
    "list-item-label",
    "list-item-body",
    "table",
    "table-column",
    "table-header",
    "table-body",
    "table-footer",
    "table-row",
    "table-cell",
    "external-graphic",
    "bookmark-tree",
    "bookmark",
    "bookmark-title",
    "wrapper",
    "character",
    "declarations",
};

const char *
md_fo_kind_name(md_fo_kind kind)
{
    return (unsigned)kind < MD_FO_KIND_LEN ? kind_names[kind] : "?";
}

static int
kind_from_name(const char *name, md_fo_kind *out)
{
    for (int k = 1; k < MD_FO_KIND_LEN; k++) {
        if (strcmp(kind_names[k], name) == 0) {
            *out = (md_fo_kind)k;
            return 1;
        }
    }
    return 0;
}

/* Elements whose content may be text (#PCDATA in XSL §6); text elsewhere is dropped. */
static int
takes_text(md_fo_kind k)
{
    return k == MD_FO_BLOCK || k == MD_FO_INLINE || k == MD_FO_BASIC_LINK || k == MD_FO_WRAPPER ||
           k == MD_FO_TITLE || k == MD_FO_BOOKMARK_TITLE || k == MD_FO_LEADER;
}

/* Inline formatting objects that contain text and do not break lines. */
static int
is_inline_box(md_fo_kind k)
{
    return k == MD_FO_INLINE || k == MD_FO_BASIC_LINK || k == MD_FO_WRAPPER;
}

/* Inline objects that stand for content of their own (a page number, an image). */
static int
is_inline_atom(md_fo_kind k)
{
    return k == MD_FO_PAGE_NUMBER || k == MD_FO_PAGE_NUMBER_CITATION ||
           k == MD_FO_PAGE_NUMBER_CITATION_LAST || k == MD_FO_LEADER ||
           k == MD_FO_EXTERNAL_GRAPHIC || k == MD_FO_CHARACTER;
}

/* --- reading ------------------------------------------------------------------------- */

typedef struct reader {
    md_fo_ctx cx;
    md_fo_doc *doc;
    const char *data; /* the whole file, to locate a DOCTYPE */
    size_t len;
    md_fo_node *cur; /* the open element text goes to; NULL before fo:root */
    md_buf text;     /* text not yet made a node (the reader may split it) */
    long text_line;
    md_fo_attr *attrs;
    size_t attrs_cap;
    size_t errors;
    int is_depth_error;
    md_status st;
} reader;

static int
is_white(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return 0;
    }
    return 1;
}

static void
on_error(void *data, xmlErrorPtr e)
{
    reader *r = data;
    if (e->level == XML_ERR_NONE || e->level == XML_ERR_WARNING)
        return;
    char msg[512];
    snprintf(msg, sizeof msg, "%s", e->message != NULL ? e->message : "unknown error");
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    char open[128], close[128];
    int open_line;
    long line = e->line > 0 ? e->line : 1, col = e->int2;
    /* The reader parses in push mode, where a truncated file is "extra content". */
    if (e->code == XML_ERR_DOCUMENT_END && r->cur != NULL) {
        snprintf(msg, sizeof msg, "the file ends inside fo:%s (line %ld); close it",
                 md_fo_kind_name(r->cur->kind), r->cur->line);
        col = 0;
    } else if (e->code == XML_ERR_DOCUMENT_END && r->doc->root == NULL &&
               is_white(r->data, r->len)) {
        snprintf(msg, sizeof msg, "the file is empty; a layout tree starts with fo:root");
        line = 1;
        col = 0;
    } else if (e->code == XML_ERR_TAG_NAME_MISMATCH &&
               sscanf(msg, "Opening and ending tag mismatch: %127s line %d and %127s", open,
                      &open_line, close) == 3) {
        snprintf(msg, sizeof msg, "</%s> does not close <%s> opened on line %d", close, open,
                 open_line);
        col = 0;
    } else if (e->code == XML_ERR_INTERNAL_ERROR && strstr(msg, "depth") != NULL) {
        r->is_depth_error = 1;
        snprintf(msg, sizeof msg, "elements nested more than %d deep; the layout tree is too deep",
                 (int)xmlParserMaxDepth);
    }
    if (r->errors++ == 0)
        md_diag_add(r->cx.d, MD_DIAG_ERROR, r->cx.path, line, col, "%s", msg);
}

static md_fo_node *
new_node(reader *r, md_fo_kind kind, long line)
{
    md_fo_node *n = md_arena_alloc(r->doc->arena, sizeof *n);
    if (n == NULL) {
        r->st = MD_ENOMEM;
        return NULL;
    }
    n->kind = kind;
    n->line = line;
    return n;
}

static void
append(md_fo_node *parent, md_fo_node *n)
{
    n->parent = parent;
    n->prev = parent->last;
    if (parent->last != NULL)
        parent->last->next = n;
    else
        parent->first = n;
    parent->last = n;
}

/* Makes the pending text a node of the open element, or drops it where text may not be. */
static void
flush_text(reader *r)
{
    if (r->text.len == 0 || r->cur == NULL)
        goto out;
    if (!takes_text(r->cur->kind)) {
        if (!is_white(r->text.data, r->text.len))
            md_diag_add(r->cx.d, MD_DIAG_WARNING, r->cx.path, r->text_line, 0,
                        "text inside fo:%s is not allowed; skipped (put it in an fo:block)",
                        md_fo_kind_name(r->cur->kind));
        goto out;
    }
    md_fo_node *n = new_node(r, MD_FO_TEXT, r->text_line);
    char *t = md_arena_strndup(r->doc->arena, r->text.data, r->text.len);
    if (n == NULL || t == NULL) {
        r->st = MD_ENOMEM;
        goto out;
    }
    n->text = t;
    n->text_len = r->text.len;
    n->props = r->cur->props;
    n->src_line = r->cur->src_line;
    append(r->cur, n);
out:
    md_buf_clear(&r->text);
}

/* Line of the first "<!DOCTYPE" in the file, for the message. */
static long
doctype_line(const reader *r)
{
    long line = 1;
    for (size_t i = 0; i + 9 <= r->len; i++) {
        if (memcmp(r->data + i, "<!DOCTYPE", 9) == 0)
            return line;
        if (r->data[i] == '\n')
            line++;
    }
    return 1;
}

/* Collects the attributes of e into r->attrs; returns the count. Values that libxml2 keeps
 * as several nodes are joined into *owned (released by the caller with xmlFree). */
static size_t
collect_attrs(reader *r, xmlNodePtr e, xmlChar **owned, size_t owned_cap, size_t *owned_len)
{
    size_t n = 0;
    for (xmlAttrPtr a = e->properties; a != NULL; a = a->next)
        n++;
    if (n > r->attrs_cap) {
        md_fo_attr *v = md_realloc_array(r->attrs, n, sizeof *v);
        if (v == NULL) {
            r->st = MD_ENOMEM;
            return 0;
        }
        r->attrs = v;
        r->attrs_cap = n;
    }
    n = 0;
    for (xmlAttrPtr a = e->properties; a != NULL; a = a->next) {
        const char *value = "";
        xmlNodePtr c = a->children;
        if (c != NULL && c->next == NULL && c->type == XML_TEXT_NODE && c->content != NULL) {
            value = (const char *)c->content;
        } else if (c != NULL && *owned_len < owned_cap) {
            xmlChar *s = xmlNodeListGetString(e->doc, c, 1);
            if (s != NULL) {
                owned[(*owned_len)++] = s;
                value = (const char *)s;
            }
        }
        md_fo_attr *at = &r->attrs[n++];
        at->ns = a->ns != NULL ? (const char *)a->ns->href : NULL;
        at->prefix = a->ns != NULL ? (const char *)a->ns->prefix : NULL;
        at->name = (const char *)a->name;
        at->value = value;
    }
    return n;
}

#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_PDF "http://ns.adobe.com/pdf/1.3/"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

static int
is_named(xmlNodePtr e, const char *ns, const char *name)
{
    return e->type == XML_ELEMENT_NODE && e->ns != NULL &&
           strcmp((const char *)e->ns->href, ns) == 0 && strcmp((const char *)e->name, name) == 0;
}

/* The text of a metadata element: its own, or its rdf:li items (of an rdf:Seq, rdf:Bag or
 * rdf:Alt) joined with ", ", white space collapsed; NULL when empty. */
static md_status
meta_text(reader *r, xmlNodePtr e, const char **out)
{
    md_buf b = {0};
    md_status st = MD_OK;
    xmlChar *all = NULL;
    int has_items = 0;
    for (xmlNodePtr c = e->children; c != NULL && st == MD_OK; c = c->next) {
        for (xmlNodePtr li = c->children; li != NULL && st == MD_OK; li = li->next) {
            if (!is_named(li, NS_RDF, "li"))
                continue;
            xmlChar *t = xmlNodeGetContent(li);
            if (t != NULL && t[0] != '\0') {
                if (has_items)
                    st = md_buf_adds(&b, ", ");
                if (st == MD_OK)
                    st = md_buf_adds(&b, (const char *)t);
                has_items = 1;
            }
            xmlFree(t);
        }
    }
    if (!has_items && st == MD_OK) {
        all = xmlNodeGetContent(e);
        if (all != NULL)
            st = md_buf_adds(&b, (const char *)all);
    }
    /* Collapsed white space, as XMP readers show it. */
    size_t n = 0;
    for (size_t i = 0; i < b.len; i++) {
        if (md_fo_is_space(b.data[i])) {
            if (n > 0 && b.data[n - 1] != ' ')
                b.data[n++] = ' ';
        } else {
            b.data[n++] = b.data[i];
        }
    }
    while (n > 0 && b.data[n - 1] == ' ')
        n--;
    if (st == MD_OK && n > 0) {
        *out = md_arena_strndup(r->doc->arena, b.data, n);
        if (*out == NULL)
            st = MD_ENOMEM;
    }
    xmlFree(all);
    md_buf_free(&b);
    return st;
}

/* Looks for dc:creator, dc:description and pdf:Keywords anywhere under e (an rdf:Description
 * in an x:xmpmeta in fo:declarations; the first of each counts). */
static md_status
read_meta(reader *r, xmlNodePtr e, int depth)
{
    md_fo_meta *m = &r->doc->meta;
    md_status st = MD_OK;
    for (xmlNodePtr c = e->children; c != NULL && st == MD_OK && depth < 16; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_named(c, NS_DC, "creator")) {
            if (m->author == NULL)
                st = meta_text(r, c, &m->author);
        } else if (is_named(c, NS_DC, "description")) {
            if (m->subject == NULL)
                st = meta_text(r, c, &m->subject);
        } else if (is_named(c, NS_PDF, "Keywords")) {
            if (m->keywords == NULL)
                st = meta_text(r, c, &m->keywords);
        } else {
            st = read_meta(r, c, depth + 1);
        }
    }
    return st;
}

/* Handles an element start; returns 1 when its subtree is to be skipped. */
static int
start_element(reader *r, xmlTextReaderPtr xr)
{
    xmlNodePtr e = xmlTextReaderCurrentNode(xr);
    long line = xmlGetLineNo(e);
    const char *ns = e->ns != NULL ? (const char *)e->ns->href : NULL;
    const char *name = (const char *)e->name;
    md_fo_kind kind = MD_FO_TEXT;
    int is_fo = ns != NULL && strcmp(ns, MD_FO_NS) == 0;
    int is_known = is_fo && kind_from_name(name, &kind);
    flush_text(r);
    if (xmlTextReaderDepth(xr) >= MD_FO_MAX_DEPTH) {
        md_diag_add(r->cx.d, MD_DIAG_ERROR, r->cx.path, line, 0,
                    "elements nested more than %d deep; the layout tree is too deep (a "
                    "stylesheet recursing?)",
                    MD_FO_MAX_DEPTH);
        r->st = MD_ELIMIT;
        return 1;
    }
    if (r->cur == NULL) {
        if (!is_known || kind != MD_FO_ROOT) {
            md_diag_add(r->cx.d, MD_DIAG_ERROR, r->cx.path, line, 0,
                        "the document element is <%s>, not fo:root in namespace %s", name,
                        MD_FO_NS);
            r->st = MD_EINPUT;
            return 1;
        }
    } else if (!is_fo) {
        md_diag_add(r->cx.d, MD_DIAG_WARNING, r->cx.path, line, 0,
                    "element %s%s%s (namespace %s) is not supported by motesdok; skipped (see "
                    "docs/fo-subset.md)",
                    e->ns != NULL && e->ns->prefix != NULL ? (const char *)e->ns->prefix : "",
                    e->ns != NULL && e->ns->prefix != NULL ? ":" : "", name,
                    ns != NULL ? ns : "none");
        return 1;
    } else if (!is_known || kind == MD_FO_ROOT) {
        md_diag_add(r->cx.d, MD_DIAG_WARNING, r->cx.path, line, 0,
                    "fo:%s is not supported by motesdok; skipped (see docs/fo-subset.md)", name);
        return 1;
    }
    md_fo_node *n = new_node(r, kind, line);
    if (n == NULL)
        return 1;
    xmlChar *owned[8];
    size_t owned_len = 0;
    size_t na = collect_attrs(r, e, owned, 8, &owned_len);
    md_fo_props root_parent;
    const md_fo_props *parent = r->cur != NULL ? r->cur->props : NULL;
    if (parent == NULL) {
        md_fo_props_init(&root_parent);
        parent = &root_parent;
    }
    md_fo_props *p = NULL;
    if (r->st == MD_OK) {
        md_status st = md_fo_props_compute(&r->cx, kind, parent, r->attrs, na, line, &p);
        if (st != MD_OK)
            r->st = st;
    }
    for (size_t i = 0; i < owned_len; i++)
        xmlFree(owned[i]);
    if (r->st != MD_OK)
        return 1;
    n->props = p;
    n->src_line = p->src_line != 0 ? p->src_line : r->cur != NULL ? r->cur->src_line : 0;
    if (r->cur == NULL)
        r->doc->root = n;
    else
        append(r->cur, n);
    /* fo:declarations: the XMP packet's author, subject and keywords; colour profiles are
     * not read (the PDF's output intent is sRGB). */
    if (kind == MD_FO_DECLARATIONS) {
        xmlNodePtr full = xmlTextReaderExpand(xr);
        if (full != NULL && read_meta(r, full, 0) != MD_OK)
            r->st = MD_ENOMEM;
        return 1;
    }
    if (!xmlTextReaderIsEmptyElement(xr))
        r->cur = n;
    return 0;
}

/* Reads the whole tree; r->st and r->errors say how it went. */
static void
read_tree(reader *r, xmlTextReaderPtr xr)
{
    int ret = xmlTextReaderRead(xr);
    while (ret == 1 && r->st == MD_OK && r->errors == 0) {
        int skip = 0;
        switch (xmlTextReaderNodeType(xr)) {
        case XML_READER_TYPE_DOCUMENT_TYPE:
            md_diag_add(r->cx.d, MD_DIAG_ERROR, r->cx.path, doctype_line(r), 0,
                        "<!DOCTYPE> in a layout tree; motesdok reads no DTD or entities, "
                        "remove it");
            r->st = MD_EINPUT;
            break;
        case XML_READER_TYPE_ELEMENT: skip = start_element(r, xr); break;
        case XML_READER_TYPE_END_ELEMENT:
            flush_text(r);
            if (r->cur != NULL)
                r->cur = r->cur->parent;
            break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
            const char *v = (const char *)xmlTextReaderConstValue(xr);
            if (r->text.len == 0)
                r->text_line = xmlGetLineNo(xmlTextReaderCurrentNode(xr));
            if (v != NULL && md_buf_adds(&r->text, v) != MD_OK)
                r->st = MD_ENOMEM;
            break;
        }
        case XML_READER_TYPE_ENTITY_REFERENCE:
            md_diag_add(r->cx.d, MD_DIAG_ERROR, r->cx.path,
                        xmlGetLineNo(xmlTextReaderCurrentNode(xr)), 0,
                        "entity reference &%s; in a layout tree; write the text itself",
                        (const char *)xmlTextReaderConstName(xr));
            r->st = MD_EINPUT;
            break;
        default: break;
        }
        if (r->st != MD_OK)
            break;
        ret = skip ? xmlTextReaderNext(xr) : xmlTextReaderRead(xr);
    }
    if (r->st == MD_OK && (ret < 0 || r->errors > 0)) {
        if (r->errors == 0)
            md_diag_add(r->cx.d, MD_DIAG_ERROR, r->cx.path, 0, 0, "not a well-formed XML document");
        r->st = r->is_depth_error ? MD_ELIMIT : MD_EINPUT;
    }
    if (r->st == MD_OK && r->doc->root == NULL) {
        md_diag_add(r->cx.d, MD_DIAG_ERROR, r->cx.path, 0, 0, "no fo:root element");
        r->st = MD_EINPUT;
    }
}

/* --- white space (XSL §7.16.7, §7.16.8, §7.16.12 with their initial values) ------------
 * One walk over the tree in document order, rewriting each text node in place:
 *   1. a block boundary (entering or leaving anything but an inline box) ends the line:
 *      the space before it is removed and spaces after it are dropped;
 *   2. in text, a run of white space (space, tab, CR, and LF as treat-as-space) becomes one
 *      U+0020, kept in the node where the run starts;
 *   3. a preserved linefeed ends the line as a block boundary does;
 *   4. an inline atom (page number, leader, image) is content: spaces around it stay.
 * Text nodes left empty are unlinked afterwards. U+00A0 is not white space. */

typedef struct ws_state {
    int is_line_start;   /* spaces here are dropped */
    md_fo_node *trailer; /* the node whose last byte is a collapsible space, or NULL */
} ws_state;

static void
ws_break(ws_state *w)
{
    if (w->trailer != NULL) {
        md_fo_node *t = w->trailer;
        t->text_len--;
        ((char *)t->text)[t->text_len] = '\0';
    }
    w->trailer = NULL;
    w->is_line_start = 1;
}

static void
ws_text(ws_state *w, md_fo_node *n)
{
    char *s = (char *)n->text;
    size_t o = 0;
    int is_lf_kept = n->props->is_linefeed_preserved;
    int is_sp_kept = n->props->is_space_preserved;
    for (size_t i = 0; i < n->text_len; i++) {
        char ch = s[i];
        if (ch == '\n' && is_lf_kept) {
            if (w->trailer == n) {
                o--;
                w->trailer = NULL;
            }
            if (w->trailer != NULL)
                ws_break(w);
            s[o++] = '\n';
            w->is_line_start = 1;
            continue;
        }
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
            if (is_sp_kept) {
                s[o++] = ch == '\n' ? ' ' : ch;
                w->is_line_start = 0;
                w->trailer = NULL;
            } else if (!w->is_line_start && w->trailer == NULL) {
                s[o++] = ' ';
                w->trailer = n;
            }
            continue;
        }
        s[o++] = ch;
        w->is_line_start = 0;
        w->trailer = NULL;
    }
    s[o] = '\0';
    n->text_len = o;
}

static void
ws_event(ws_state *w, md_fo_node *n, int is_enter)
{
    if (n->kind == MD_FO_TEXT) {
        if (is_enter)
            ws_text(w, n);
    } else if (is_inline_atom(n->kind)) {
        if (!is_enter) {
            w->is_line_start = 0;
            w->trailer = NULL;
        }
    } else if (!is_inline_box(n->kind)) {
        ws_break(w);
    }
}

/* The next node in document order after n's subtree, calling leave for n and the ancestors
 * it climbs out of, up to root. */
static md_fo_node *
climb(ws_state *w, md_fo_node *n, const md_fo_node *root)
{
    while (n != NULL) {
        if (w != NULL)
            ws_event(w, n, 0);
        if (n == root)
            return NULL;
        if (n->next != NULL)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

static void
handle_white_space(md_fo_node *root)
{
    ws_state w = {1, NULL};
    md_fo_node *n = root;
    while (n != NULL) {
        ws_event(&w, n, 1);
        n = n->first != NULL ? n->first : climb(&w, n, root);
    }
    /* Unlink the text nodes that became empty. */
    n = root;
    while (n != NULL) {
        md_fo_node *next = n->first != NULL ? n->first : climb(NULL, n, root);
        if (n->kind == MD_FO_TEXT && n->text_len == 0) {
            if (n->prev != NULL)
                n->prev->next = n->next;
            else
                n->parent->first = n->next;
            if (n->next != NULL)
                n->next->prev = n->prev;
            else
                n->parent->last = n->prev;
        }
        n = next;
    }
}

/* --- the API ------------------------------------------------------------------------- */

md_status
md_fo_read_memory(const char *name, const char *data, size_t len, md_diags *d, md_fo_doc **out)
{
    if (len > (size_t)MD_FO_MAX_BYTES) {
        md_diag_add(d, MD_DIAG_ERROR, name, 0, 0, "layout tree larger than %ld bytes",
                    MD_FO_MAX_BYTES);
        return MD_ELIMIT;
    }
    size_t bad = md_utf8_check(data, len);
    if (bad < len) {
        long line, col;
        md_utf8_locate(data, bad, &line, &col);
        md_diag_add(d, MD_DIAG_ERROR, name, line, col, "byte 0x%02X is not UTF-8",
                    (unsigned)(unsigned char)data[bad]);
        return MD_EINPUT;
    }
    reader r = {.data = data, .len = len, .st = MD_OK};
    md_fo_doc *doc = md_alloc(sizeof *doc);
    md_arena *a = md_arena_new();
    char *path = a != NULL ? md_arena_strndup(a, name, strlen(name)) : NULL;
    if (doc == NULL || path == NULL) {
        md_free(doc);
        md_arena_free(a);
        return MD_ENOMEM;
    }
    doc->arena = a;
    doc->path = path;
    r.doc = doc;
    r.cx = (md_fo_ctx){.arena = a, .d = d, .path = path};
    /* No XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE: entities are never substituted
     * or fetched, and libxml2 bounds names, text and depth. */
    int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING;
    xmlTextReaderPtr xr = xmlReaderForMemory(data, (int)len, name, "UTF-8", opts);
    if (xr == NULL) {
        r.st = MD_ENOMEM;
        goto out;
    }
    xmlTextReaderSetStructuredErrorHandler(xr, on_error, &r);
    read_tree(&r, xr);
    xmlFreeTextReader(xr);
    if (r.st == MD_OK)
        handle_white_space(doc->root);
out:
    md_buf_free(&r.text);
    md_free(r.attrs);
    if (r.st != MD_OK) {
        md_fo_free(doc);
        return r.st;
    }
    *out = doc;
    return MD_OK;
}

md_status
md_fo_read(const char *path, md_diags *d, md_fo_doc **out)
{
    md_status st = MD_OK;
    md_buf b = {0};
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
        return MD_EIO;
    }
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > (size_t)MD_FO_MAX_BYTES) {
            md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "layout tree larger than %ld bytes",
                        MD_FO_MAX_BYTES);
            st = MD_ELIMIT;
            goto out;
        }
        if ((st = md_buf_add(&b, chunk, n)) != MD_OK)
            goto out;
    }
    if (ferror(f)) {
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
        st = MD_EIO;
        goto out;
    }
    st = md_fo_read_memory(path, b.data ? b.data : "", b.len, d, out);
out:
    fclose(f);
    md_buf_free(&b);
    return st;
}

void
md_fo_free(md_fo_doc *doc)
{
    if (doc == NULL)
        return;
    md_arena_free(doc->arena);
    md_free(doc);
}

const md_fo_node *
md_fo_root(const md_fo_doc *doc)
{
    return doc->root;
}

const md_fo_meta *
md_fo_meta_of(const md_fo_doc *doc)
{
    return &doc->meta;
}

const char *
md_fo_path(const md_fo_doc *doc)
{
    return doc->path;
}
