/* Safe parsing of meeting XML with libxml2 and RELAX NG validation.
 * Hostile input is expected: no network (XML_PARSE_NONET), no DTD loading, no entity
 * substitution, any DOCTYPE refused, size and depth bounded, UTF-8 checked before parsing. */
#include "xml.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parserInternals.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "xml-imp.h"

/* What the libxml2 error callbacks need: where to report, and whether a fatal error
 * already stopped the parser (later messages only repeat it). */
typedef struct report {
    md_diags *d;
    const char *path;
    int is_stopped;
    size_t errors;
    long doctype_line;
    int has_external_dtd;
    long first_error_line, first_error_col;
    int is_cut_off; /* the message already says the file ends too early */
} report;

/* Copies a libxml2 message without its trailing newline. */
static void
trim_copy(char *dst, size_t cap, const char *msg)
{
    snprintf(dst, cap, "%s", msg ? msg : "unknown error");
    size_t n = strlen(dst);
    while (n > 0 && (dst[n - 1] == '\n' || dst[n - 1] == ' '))
        dst[--n] = '\0';
}

/* The name of a control character users meet, for a message; "" for the others. */
static const char *
control_name(int c)
{
    switch (c) {
    case 0x00: return " (NUL)";
    case 0x08: return " (backspace)";
    case 0x0B: return " (vertical tab: a line break in Word)";
    case 0x0C: return " (form feed: a page break in Word)";
    case 0x1B: return " (escape)";
    default: return "";
    }
}

/* The message for &name; that XML does not define (HTML's &nbsp; and the like). */
static void
undeclared_entity(char *msg, size_t cap, const char *name)
{
    static const char *const known[][2] = {{"nbsp", "U+00A0 no-break space, or &#160;"},
                                           {"ndash", "–"},
                                           {"mdash", "—"},
                                           {"hellip", "…"},
                                           {"shy", "U+00AD soft hyphen, or &#173;"},
                                           {"auml", "ä"},
                                           {"Auml", "Ä"},
                                           {"ouml", "ö"},
                                           {"Ouml", "Ö"},
                                           {"aring", "å"},
                                           {"Aring", "Å"},
                                           {"eacute", "é"},
                                           {"uuml", "ü"},
                                           {"rdquo", "”"},
                                           {"ldquo", "“"},
                                           {"rsquo", "’"},
                                           {"euro", "€"},
                                           {"copy", "©"},
                                           {"sect", "§"},
                                           {"deg", "°"}};
    const char *what = NULL;
    for (size_t i = 0; name != NULL && i < sizeof known / sizeof known[0]; i++) {
        if (strcmp(name, known[i][0]) == 0)
            what = known[i][1];
    }
    snprintf(msg, cap,
             "&%s; is not defined in XML (HTML's named characters are not); write the character "
             "itself%s%s%s",
             name != NULL ? name : "", what ? " (" : "", what ? what : "", what ? ")" : "");
}

static void
on_parse_error(void *data, xmlErrorPtr e)
{
    report *r = data;
    if (r->is_stopped || e->level == XML_ERR_NONE)
        return;
    char msg[512];
    trim_copy(msg, sizeof msg, e->message);
    md_severity sev = e->level == XML_ERR_WARNING ? MD_DIAG_WARNING : MD_DIAG_ERROR;
    char open[128], close[128];
    int open_line;
    switch (e->code) {
    case XML_ERR_TAG_NAME_MISMATCH:
        if (sscanf(msg, "Opening and ending tag mismatch: %127s line %d and %127s", open,
                   &open_line, close) == 3)
            snprintf(msg, sizeof msg, "</%s> does not close <%s> opened on line %d", close, open,
                     open_line);
        break;
    case XML_ERR_DOCUMENT_END:
        snprintf(msg, sizeof msg,
                 "more after the end of the document: a file holds one <meeting> element; "
                 "remove what follows its closing tag");
        break;
    case XML_ERR_TAG_NOT_FINISHED:
        if (e->str1 != NULL)
            snprintf(msg, sizeof msg,
                     "the file ends before <%s> (line %d) is closed: was it cut off? Restore "
                     "the end of the file or add </%s>",
                     e->str1, e->int1, e->str1);
        r->is_cut_off = 1;
        break;
    case XML_ERR_DOCUMENT_EMPTY:
        snprintf(msg, sizeof msg, "the file is empty; a meeting starts with <meeting>");
        break;
    case XML_ERR_NAME_REQUIRED:
        if (strncmp(msg, "xmlParseEntityRef", 17) == 0)
            snprintf(msg, sizeof msg,
                     "a bare \"&\" in the text; write \"&amp;\" for the character & (e.g. "
                     "\"Kultur &amp; fritid\") or write \"och\"");
        else if (strncmp(msg, "StartTag", 8) == 0)
            snprintf(msg, sizeof msg,
                     "a bare \"<\" in the text; write \"&lt;\" for the character < (e.g. "
                     "\"&lt; 5 år\") or write \"under\"");
        break;
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        snprintf(msg, sizeof msg,
                 "\"&\" followed by a name but no \";\"; write \"&amp;\" for the character & "
                 "(e.g. \"AT&amp;T\")");
        break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
        undeclared_entity(msg, sizeof msg, e->str1);
        sev = MD_DIAG_ERROR;
        break;
    case XML_ERR_INVALID_CHAR:
        if (strncmp(msg, "xmlParseCharRef", 15) == 0)
            snprintf(msg, sizeof msg,
                     "&#%d; is a control character, which XML does not allow; delete it", e->int1);
        else
            snprintf(msg, sizeof msg,
                     "control character U+%04X%s is not allowed in XML (often pasted from Word "
                     "or a PDF); delete it",
                     (unsigned)e->int1, control_name(e->int1));
        break;
    case XML_ERR_INTERNAL_ERROR:
        if (strstr(msg, "depth") != NULL)
            snprintf(msg, sizeof msg,
                     "elements nested more than %d deep; this is not a meeting document",
                     (int)xmlParserMaxDepth);
        break;
    default: break;
    }
    md_diag_add(r->d, sev, r->path, e->line, e->int2, "%s", msg);
    if (sev == MD_DIAG_ERROR && r->errors++ == 0)
        r->first_error_line = e->line, r->first_error_col = e->int2;
    if (e->level == XML_ERR_FATAL)
        r->is_stopped = 1;
}

/* A DOCTYPE is how entities get in (an external one reading /etc/passwd, or a billion
 * laughs); meetings need none. The internal subset is still parsed (entities are declared,
 * never expanded) so that the first declaration can be named; then the parser stops. */
static void
on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *ext_id, const xmlChar *sys_id)
{
    xmlParserCtxtPtr ctxt = ctx;
    report *r = ctxt->_private;
    r->doctype_line = ctxt->input != NULL ? ctxt->input->line : 1;
    r->has_external_dtd = ext_id != NULL || sys_id != NULL;
    /* The DTD node itself, as libxml2's own handler makes it: comments and processing
     * instructions in the internal subset are added to it and freed with the document
     * (without it they were lost, a leak libFuzzer found). Nothing external is loaded. */
    xmlSAX2InternalSubset(ctx, name, ext_id, sys_id);
}

static void
on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
               const xmlChar *system_id, xmlChar *content)
{
    (void)public_id, (void)content;
    xmlParserCtxtPtr ctxt = ctx;
    report *r = ctxt->_private;
    if (r->is_stopped)
        return;
    long line = ctxt->input != NULL ? ctxt->input->line : 0;
    if (system_id != NULL || type == XML_EXTERNAL_GENERAL_PARSED_ENTITY ||
        type == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY || type == XML_EXTERNAL_PARAMETER_ENTITY)
        md_diag_add(r->d, MD_DIAG_ERROR, r->path, line, 0,
                    "<!ENTITY %s> refers to the external resource \"%s\"; meetings may not "
                    "load other files or addresses, remove the DOCTYPE",
                    (const char *)name, system_id ? (const char *)system_id : "");
    else
        md_diag_add(r->d, MD_DIAG_ERROR, r->path, line, 0,
                    "<!ENTITY %s> declares an entity; meetings may not declare entities, "
                    "remove the DOCTYPE and write the text itself",
                    (const char *)name);
    r->errors++;
    r->is_stopped = 1;
    xmlStopParser(ctxt);
}

/* The encoding named in the XML declaration, copied into enc (empty when none). */
static void
declared_encoding(const char *s, size_t len, char *enc, size_t cap)
{
    enc[0] = '\0';
    size_t i = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    if (len - i < 5 || memcmp(s + i, "<?xml", 5) != 0)
        return;
    const char *end = memchr(s + i, '>', len - i);
    if (end == NULL)
        return;
    for (const char *p = s + i; p + 8 < end; p++) {
        if (memcmp(p, "encoding", 8) != 0)
            continue;
        p += 8;
        while (p < end && (*p == ' ' || *p == '=' || *p == '\t'))
            p++;
        if (p >= end || (*p != '"' && *p != '\''))
            return;
        char q = *p++;
        size_t n = 0;
        while (p < end && *p != q && n + 1 < cap)
            enc[n++] = *p++;
        enc[n] = '\0';
        return;
    }
}

static int
is_utf8_name(const char *enc)
{
    return enc[0] == '\0' || strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "utf8") == 0;
}

/* The first element in an XInclude namespace, or NULL. Inclusion is never performed (no
 * XML_PARSE_XINCLUDE); the element is refused so that nobody expects it to work. */
static xmlNodePtr
find_xinclude(xmlNodePtr n, int depth)
{
    for (; n != NULL && depth < 1000; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (n->ns != NULL && n->ns->href != NULL &&
            (strcmp((const char *)n->ns->href, "http://www.w3.org/2001/XInclude") == 0 ||
             strcmp((const char *)n->ns->href, "http://www.w3.org/2003/XInclude") == 0))
            return n;
        xmlNodePtr r = find_xinclude(n->children, depth + 1);
        if (r != NULL)
            return r;
    }
    return NULL;
}

md_status
md_xml_read_memory(const char *name, const char *data, size_t len, md_diags *d, md_xml_doc **out)
{
    if (len > (size_t)MD_XML_MAX_BYTES) {
        md_diag_add(d, MD_DIAG_ERROR, name, 0, 0, "file is larger than %ld bytes",
                    MD_XML_MAX_BYTES);
        return MD_ELIMIT;
    }
    char enc[64];
    declared_encoding(data, len, enc, sizeof enc);
    if (!is_utf8_name(enc)) {
        md_diag_add(d, MD_DIAG_ERROR, name, 1, 0,
                    "the XML declaration says encoding=\"%s\"; meetings are UTF-8: convert the "
                    "file (iconv -f %s -t UTF-8) and write encoding=\"UTF-8\"",
                    enc, enc);
        return MD_EINPUT;
    }
    size_t bad = md_utf8_check(data, len);
    if (bad < len) {
        long line, col;
        md_utf8_locate(data, bad, &line, &col);
        unsigned char b = (unsigned char)data[bad];
        /* 0x80–0x9F are control codes in Latin-1 but Word's quotes and dashes in
         * Windows-1252 (0x93 “, 0x94 ”, 0x96 –), the usual source of such bytes. */
        md_diag_add(d, MD_DIAG_ERROR, name, line, col,
                    "byte 0x%02X at offset %zu is not UTF-8 (%s); save the file as UTF-8", b, bad,
                    b >= 0x80 && b <= 0x9F ? "Windows-1252 text, e.g. quotes pasted from Word?"
                                           : "Latin-1 text?");
        return MD_EINPUT;
    }
    md_xml_doc *doc = md_alloc(sizeof *doc);
    char *path = md_strdup(name);
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (doc == NULL || path == NULL || ctxt == NULL) {
        md_free(doc);
        md_free(path);
        xmlFreeParserCtxt(ctxt);
        return MD_ENOMEM;
    }
    report r = {.d = d, .path = name};
    ctxt->_private = &r;
    ctxt->sax->internalSubset = on_internal_subset;
    ctxt->sax->entityDecl = on_entity_decl;
    xmlSetStructuredErrorFunc(&r, on_parse_error);
    /* No XML_PARSE_NOENT and no XML_PARSE_DTDLOAD: entities are never substituted or
     * fetched. libxml2 2.9 limits nesting depth to xmlParserMaxDepth (256). */
    int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING;
    if (len > (size_t)0x7fffffff)
        len = 0x7fffffff;
    xmlDocPtr x = xmlCtxtReadMemory(ctxt, data, (int)len, name, "UTF-8", opts);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlFreeParserCtxt(ctxt);
    if (r.doctype_line > 0 && r.errors == 0) {
        md_diag_add(d, MD_DIAG_ERROR, name, r.doctype_line, 0,
                    "<!DOCTYPE> declares %s; meetings may not have a DTD, remove it",
                    r.has_external_dtd ? "an external DTD" : "a DTD");
        r.errors++;
    }
    if (x == NULL || r.errors > 0 || xmlDocGetRootElement(x) == NULL) {
        if (r.errors == 0)
            md_diag_add(d, MD_DIAG_ERROR, name, 0, 0, "not a well-formed XML document");
        /* The first error at the very end of the file: it was probably cut off. */
        long end_line, end_col;
        md_utf8_locate(data, len, &end_line, &end_col);
        if (x == NULL && r.first_error_line > 0 && r.first_error_line == end_line &&
            r.first_error_col >= end_col - 1 && r.doctype_line == 0 && !r.is_cut_off)
            md_diag_add(d, MD_DIAG_NOTE, name, end_line, 0,
                        "the file ends here, before the document is complete: was it cut off? "
                        "Compare it with the original");
        xmlFreeDoc(x);
        md_free(doc);
        md_free(path);
        return MD_EINPUT;
    }
    xmlNodePtr xi = find_xinclude(xmlDocGetRootElement(x), 0);
    if (xi != NULL) {
        md_diag_add(d, MD_DIAG_ERROR, name, xmlGetLineNo(xi), 0,
                    "<%s%s%s>: XInclude is not supported, nothing was read; a meeting is one "
                    "file: copy the text in",
                    xi->ns->prefix ? (const char *)xi->ns->prefix : "", xi->ns->prefix ? ":" : "",
                    (const char *)xi->name);
        xmlFreeDoc(x);
        md_free(doc);
        md_free(path);
        return MD_EINPUT;
    }
    doc->doc = x;
    doc->path = path;
    *out = doc;
    return MD_OK;
}

md_status
md_xml_read(const char *path, md_diags *d, md_xml_doc **out)
{
    md_buf b = {0};
    errno = 0;
    md_status st = md_buf_read_file(&b, path, (size_t)MD_XML_MAX_BYTES);
    if (st == MD_EIO)
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno ? errno : EIO));
    else if (st == MD_ELIMIT)
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "file is larger than %ld bytes",
                    MD_XML_MAX_BYTES);
    if (st == MD_OK)
        st = md_xml_read_memory(path, b.data ? b.data : "", b.len, d, out);
    md_buf_free(&b);
    return st;
}

/* --- RELAX NG messages ------------------------------------------------------------------
 * libxml2's RELAX NG messages are terse ("Element meeting failed to validate attributes",
 * "Expecting an element , got nothing") and follow a precise message with generic ones for
 * the same element and its ancestors. on_valid_error drops the echoes and rewrites the rest
 * so that each names the element and says what to do, looking the element up in the schema
 * to name a missing attribute or child and to quote an attribute's documentation. */

typedef struct vreport {
    report r;
    xmlDocPtr schema;
    xmlDocPtr doc;
    /* The element and attribute of the last message, to drop libxml2's echoes of it. */
    char last_elem[128];
    char last_attr[128];
    /* A generic "failed to validate attributes" is printed only if nothing better comes. */
    char pending[512];
    long pending_line;
} vreport;

static int
is_rng(xmlNodePtr n, const char *name)
{
    return n != NULL && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static int
has_name(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"name");
    int hit = v != NULL && strcmp((const char *)v, name) == 0;
    xmlFree(v);
    return hit;
}

static xmlNodePtr
find_named(xmlNodePtr n, const char *kind, const char *name)
{
    for (; n != NULL; n = n->next) {
        if (is_rng(n, kind) && has_name(n, name))
            return n;
        if (n->type == XML_ELEMENT_NODE) {
            xmlNodePtr r = find_named(n->children, kind, name);
            if (r != NULL)
                return r;
        }
    }
    return NULL;
}

static xmlNodePtr
schema_element(const vreport *vr, const char *name)
{
    xmlNodePtr root = xmlDocGetRootElement(vr->schema);
    return root != NULL ? find_named(root, "element", name) : NULL;
}

static xmlNodePtr
schema_define(const vreport *vr, xmlNodePtr ref)
{
    xmlChar *name = xmlGetProp(ref, (const xmlChar *)"name");
    xmlNodePtr root = xmlDocGetRootElement(vr->schema);
    xmlNodePtr def = name && root ? find_named(root, "define", (const char *)name) : NULL;
    xmlFree(name);
    return def;
}

/* True when the instance element e has a child element called name. */
static int
has_child(xmlNodePtr e, const xmlChar *name)
{
    for (xmlNodePtr c = e->children; c != NULL; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, name))
            return 1;
    }
    return 0;
}

/* The first attribute (want_attr) or child element that pattern p requires and the instance
 * element e lacks, copied into out. Optional and repeated-optional parts are skipped. */
static int
missing_part(const vreport *vr, xmlNodePtr p, xmlNodePtr e, int want_attr, char *out, size_t cap,
             int depth)
{
    if (depth > 32)
        return 0;
    for (; p != NULL; p = p->next) {
        if (p->type != XML_ELEMENT_NODE || is_rng(p, "optional") || is_rng(p, "zeroOrMore") ||
            is_rng(p, "choice") || is_rng(p, "mixed"))
            continue;
        int is_attr = is_rng(p, "attribute"), is_elem = is_rng(p, "element");
        if (is_attr || is_elem) {
            if (is_attr != want_attr)
                continue;
            xmlChar *name = xmlGetProp(p, (const xmlChar *)"name");
            int lacks = name != NULL && (want_attr ? !xmlHasProp(e, name) : !has_child(e, name));
            if (lacks)
                snprintf(out, cap, "%s", (const char *)name);
            xmlFree(name);
            if (lacks)
                return 1;
        } else if (is_rng(p, "ref")) {
            xmlNodePtr def = schema_define(vr, p);
            if (def != NULL && missing_part(vr, def->children, e, want_attr, out, cap, depth + 1))
                return 1;
        } else if (missing_part(vr, p->children, e, want_attr, out, cap, depth + 1)) {
            return 1;
        }
    }
    return 0;
}

/* The a:documentation of attribute name within the element pattern p, or NULL. */
static xmlNodePtr
attr_pattern(const vreport *vr, xmlNodePtr p, const char *name, int depth)
{
    if (depth > 32)
        return NULL;
    for (; p != NULL; p = p->next) {
        if (p->type != XML_ELEMENT_NODE || is_rng(p, "element"))
            continue;
        if (is_rng(p, "attribute") && has_name(p, name))
            return p;
        xmlNodePtr r = NULL;
        if (is_rng(p, "ref")) {
            xmlNodePtr def = schema_define(vr, p);
            r = def != NULL ? attr_pattern(vr, def->children, name, depth + 1) : NULL;
        } else {
            r = attr_pattern(vr, p->children, name, depth + 1);
        }
        if (r != NULL)
            return r;
    }
    return NULL;
}

/* True when the attribute pattern's value is an xsd:date. */
static int
is_date_pattern(xmlNodePtr attr_pat)
{
    for (xmlNodePtr c = attr_pat->children; c != NULL; c = c->next) {
        if (!is_rng(c, "data"))
            continue;
        xmlChar *t = xmlGetProp(c, (const xmlChar *)"type");
        int is_date = t != NULL && strcmp((const char *)t, "date") == 0;
        xmlFree(t);
        return is_date;
    }
    return 0;
}

/* Copies the attribute's documentation, on one line, into out ("" when it has none). */
static void
attr_doc(xmlNodePtr attr_pat, char *out, size_t cap)
{
    out[0] = '\0';
    for (xmlNodePtr c = attr_pat->children; c != NULL; c = c->next) {
        if (!is_rng(c, "documentation"))
            continue;
        xmlChar *t = xmlNodeGetContent(c);
        size_t n = 0;
        for (const xmlChar *q = t; q != NULL && *q != '\0' && n + 1 < cap; q++)
            out[n++] = *q == '\n' ? ' ' : (char)*q;
        out[n] = '\0';
        xmlFree(t);
        return;
    }
}

/* The first instance element called name (for messages that come without a node). */
static xmlNodePtr
first_element(xmlNodePtr n, const char *name)
{
    for (; n != NULL; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)n->name, name) == 0)
            return n;
        xmlNodePtr r = first_element(n->children, name);
        if (r != NULL)
            return r;
    }
    return NULL;
}

/* The attribute of e whose value is v, for messages about a value. */
static const char *
attr_with_value(xmlNodePtr e, const char *v)
{
    for (xmlAttrPtr a = e->properties; a != NULL; a = a->next) {
        if (a->children != NULL && a->children->content != NULL &&
            strcmp((const char *)a->children->content, v) == 0)
            return (const char *)a->name;
    }
    return "?";
}

/* The line of an earlier element with the same id as e, or 0. */
static long
find_id(xmlNodePtr n, xmlNodePtr e, const xmlChar *id)
{
    for (; n != NULL; n = n->next) {
        if (n == e)
            return -1;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *v = xmlGetProp(n, (const xmlChar *)"id");
        int same = v != NULL && xmlStrEqual(v, id);
        xmlFree(v);
        if (same)
            return xmlGetLineNo(n);
        long r = find_id(n->children, e, id);
        if (r != 0)
            return r;
    }
    return 0;
}

static long
duplicate_id_line(xmlNodePtr e)
{
    xmlChar *id = xmlGetProp(e, (const xmlChar *)"id");
    long line = id != NULL && e->doc != NULL ? find_id(xmlDocGetRootElement(e->doc), e, id) : 0;
    xmlFree(id);
    return line > 0 ? line : 0;
}

static void
emit(vreport *vr, long line, const char *elem, const char *attr_name, const char *msg)
{
    vr->pending[0] = '\0';
    md_diag_add(vr->r.d, MD_DIAG_ERROR, vr->r.path, line, 0, "%s", msg);
    vr->r.errors++;
    snprintf(vr->last_elem, sizeof vr->last_elem, "%s", elem);
    snprintf(vr->last_attr, sizeof vr->last_attr, "%s", attr_name);
}

static void
on_valid_error(void *data, xmlErrorPtr e)
{
    vreport *vr = data;
    char msg[512], out[1024], a[128], b[128], v[256], doc[512];
    trim_copy(msg, sizeof msg, e->message);
    xmlNodePtr node = e->node;
    const char *nn = node != NULL ? (const char *)node->name : "?";
    long line = node != NULL ? xmlGetLineNo(node) : e->line;

    if (sscanf(msg, "Element %127s failed to validate attributes", a) == 1) {
        /* The node libxml2 passes is often the element's first child. */
        xmlNodePtr el = node;
        if (el != NULL && strcmp((const char *)el->name, a) != 0)
            el = el->parent;
        if (el == NULL || el->type != XML_ELEMENT_NODE)
            el = first_element(xmlDocGetRootElement(vr->doc), a);
        if (strcmp(vr->last_elem, a) == 0)
            return;
        xmlNodePtr def = schema_element(vr, a);
        if (el != NULL && def != NULL && missing_part(vr, def->children, el, 1, b, sizeof b, 0)) {
            snprintf(out, sizeof out, "<%s>: the required attribute %s is missing; add %s=\"…\"", a,
                     b, b);
            emit(vr, xmlGetLineNo(el), a, b, out);
        } else if (vr->r.errors == 0) {
            snprintf(vr->pending, sizeof vr->pending,
                     "<%s>: an attribute has a value the schema does not allow", a);
            vr->pending_line = el != NULL ? xmlGetLineNo(el) : 0;
        }
        return;
    }
    if (strstr(msg, "failed to validate content") != NULL) {
        if (vr->r.errors == 0 && vr->pending[0] == '\0') {
            snprintf(vr->pending, sizeof vr->pending, "<%s>: the content does not match the schema",
                     nn);
            vr->pending_line = line;
        }
        return;
    }
    if (sscanf(msg, "Type %127s doesn't allow value '%255[^']'", a, v) == 2) {
        const char *at = node != NULL ? attr_with_value(node, v) : "?";
        if (strcmp(a, "date") == 0 && strlen(v) == 10 && v[4] == '-' && v[7] == '-')
            snprintf(out, sizeof out, "<%s %s=\"%s\">: there is no such day", nn, at, v);
        else if (strcmp(a, "date") == 0)
            snprintf(out, sizeof out,
                     "<%s %s=\"%s\">: write the date as YYYY-MM-DD, e.g. 2024-01-30", nn, at, v);
        else
            snprintf(out, sizeof out, "<%s %s=\"%s\">: not a valid %s", nn, at, v, a);
        emit(vr, line, nn, at, out);
    } else if (sscanf(msg, "IDREF attribute %127s references an unknown ID \"%255[^\"]\"", a, v) ==
               2) {
        snprintf(out, sizeof out,
                 "<%s %s=\"%s\">: no element in this meeting has id=\"%s\"; add the id to the "
                 "person or body, or correct the reference",
                 nn, a, v, v);
        emit(vr, line, nn, a, out);
    } else if (sscanf(msg, "Invalid attribute %127s for element %127s", a, b) == 2) {
        if (strcmp(vr->last_elem, b) == 0 && strcmp(vr->last_attr, a) == 0)
            return;
        xmlChar *val = node != NULL ? xmlGetProp(node, (const xmlChar *)a) : NULL;
        const char *vs = val != NULL ? (const char *)val : "";
        xmlNodePtr def = schema_element(vr, b);
        xmlNodePtr ap = def != NULL ? attr_pattern(vr, def->children, a, 0) : NULL;
        long dup = strcmp(a, "id") == 0 && node != NULL ? duplicate_id_line(node) : 0;
        if (dup > 0) {
            snprintf(out, sizeof out,
                     "<%s id=\"%s\">: the id is already used on line %ld; ids must be unique", b,
                     vs, dup);
        } else if (ap != NULL && is_date_pattern(ap) && strlen(vs) == 10 && vs[4] == '-' &&
                   vs[7] == '-') {
            snprintf(out, sizeof out, "<%s %s=\"%s\">: there is no such day", b, a, vs);
        } else if (ap != NULL && is_date_pattern(ap)) {
            snprintf(out, sizeof out,
                     "<%s %s=\"%s\">: write the date as YYYY-MM-DD, e.g. 2024-01-30", b, a, vs);
        } else if (ap != NULL) {
            attr_doc(ap, doc, sizeof doc);
            snprintf(out, sizeof out, "<%s %s=\"%s\">: the value is not allowed%s%s", b, a, vs,
                     doc[0] ? "; " : "", doc);
        } else {
            snprintf(out, sizeof out, "<%s>: unknown attribute %s; check its spelling", b, a);
        }
        xmlFree(val);
        emit(vr, line, b, a, out);
    } else if (sscanf(msg, "Did not expect element %127s there", a) == 1) {
        const char *parent = node != NULL && node->parent != NULL && node->parent->name != NULL
                                 ? (const char *)node->parent->name
                                 : "?";
        snprintf(out, sizeof out, "<%s> is not allowed here inside <%s>; check its name and order",
                 a, parent);
        emit(vr, line, parent, "", out);
    } else if (sscanf(msg, "Expecting element %127[^,], got %127s", a, b) == 2) {
        snprintf(out, sizeof out, "<%s>: expected <%s> here, found <%s>", nn, a, b);
        emit(vr, line, nn, "", out);
    } else if (strncmp(msg, "Expecting an element", 20) == 0) {
        /* libxml2 also says this when an attribute made the element fail; only a child that
         * is really missing is worth a message of its own. */
        xmlNodePtr def = schema_element(vr, nn);
        if (node != NULL && def != NULL &&
            missing_part(vr, def->children, node, 0, b, sizeof b, 0)) {
            snprintf(out, sizeof out, "<%s>: the required element <%s> is missing; add it", nn, b);
            emit(vr, line, nn, "", out);
        } else if (vr->r.errors == 0 && vr->pending[0] == '\0') {
            snprintf(vr->pending, sizeof vr->pending, "<%s>: a required element is missing", nn);
            vr->pending_line = line;
        }
    } else if (strstr(msg, "Did not expect text") != NULL ||
               strstr(msg, "has extra content: text") != NULL) {
        snprintf(out, sizeof out, "<%s>: text is not allowed directly inside <%s>", nn, nn);
        emit(vr, line, nn, "", out);
    } else {
        snprintf(out, sizeof out, "<%s>: %s", nn, msg);
        emit(vr, line, nn, "", out);
    }
}

/* Whether doc's root is in the meeting namespace; reports it when not. */
static int
is_meeting_ns(const md_xml_doc *doc, md_diags *d)
{
    xmlNodePtr root = xmlDocGetRootElement(doc->doc);
    if (root->ns != NULL && strcmp((const char *)root->ns->href, MD_XML_NS) == 0)
        return 1;
    md_diag_add(d, MD_DIAG_ERROR, doc->path, xmlGetLineNo(root), 0,
                "<%s> is not in the meeting namespace; write <meeting xmlns=\"%s\" …>",
                (const char *)root->name, MD_XML_NS);
    return 0;
}

/* A parsed schema: libxml2's compiled grammar and the schema document itself, which
 * on_valid_error reads to name a missing attribute or child. */
struct md_xml_schema {
    xmlRelaxNGPtr rng;
    xmlDocPtr doc;
    char *path;
};

md_status
md_xml_schema_load(const char *schema_path, md_diags *d, md_xml_schema **out)
{
    md_status st = MD_OK;
    report sr = {.d = d, .path = schema_path};
    md_xml_schema *s = md_alloc(sizeof *s);
    xmlRelaxNGParserCtxtPtr pctxt = s != NULL ? xmlRelaxNGNewParserCtxt(schema_path) : NULL;
    if (pctxt == NULL || (s->path = md_strdup(schema_path)) == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    xmlRelaxNGSetParserStructuredErrors(pctxt, on_parse_error, &sr);
    /* The schema is the project's own, but its include/externalRef are still never fetched
     * from the network (libxml2's RELAX NG parser takes no parse options). */
    xmlExternalEntityLoader old_loader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
    s->rng = xmlRelaxNGParse(pctxt);
    xmlSetExternalEntityLoader(old_loader);
    if (s->rng == NULL) {
        if (sr.errors == 0)
            md_diag_add(d, MD_DIAG_ERROR, schema_path, 0, 0, "cannot read the schema");
        st = MD_EIO;
        goto out;
    }
    /* Without it the messages only lose their hints. */
    s->doc = xmlReadFile(schema_path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
out:
    xmlRelaxNGFreeParserCtxt(pctxt);
    if (st != MD_OK) {
        md_xml_schema_free(s);
        return st;
    }
    *out = s;
    return MD_OK;
}

void
md_xml_schema_free(md_xml_schema *s)
{
    if (s == NULL)
        return;
    xmlRelaxNGFree(s->rng);
    xmlFreeDoc(s->doc);
    md_free(s->path);
    md_free(s);
}

md_status
md_xml_validate_schema(const md_xml_doc *doc, const md_xml_schema *schema, md_diags *d)
{
    md_status st = MD_OK;
    vreport vr = {.r = {.d = d, .path = doc->path}, .doc = doc->doc, .schema = schema->doc};
    if (!is_meeting_ns(doc, d))
        return MD_EINPUT;
    xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt(schema->rng);
    if (vctxt == NULL)
        return MD_ENOMEM;
    xmlRelaxNGSetValidStructuredErrors(vctxt, on_valid_error, &vr);
    /* The ID/IDREF check at the end reports through the global handler. */
    xmlSetStructuredErrorFunc(&vr, on_valid_error);
    int rc = xmlRelaxNGValidateDoc(vctxt, doc->doc);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (vr.pending[0] != '\0' && vr.r.errors == 0) {
        char pending[sizeof vr.pending];
        memcpy(pending, vr.pending, sizeof pending);
        emit(&vr, vr.pending_line, "", "", pending);
    }
    if (rc != 0) {
        if (vr.r.errors == 0)
            md_diag_add(d, MD_DIAG_ERROR, doc->path, 0, 0, "does not match the schema %s",
                        schema->path);
        st = MD_EINPUT;
    }
    xmlRelaxNGFreeValidCtxt(vctxt);
    return st;
}

md_status
md_xml_validate(const md_xml_doc *doc, const char *schema_path, md_diags *d)
{
    if (!is_meeting_ns(doc, d))
        return MD_EINPUT;
    md_xml_schema *schema = NULL;
    md_status st = md_xml_schema_load(schema_path, d, &schema);
    if (st == MD_OK)
        st = md_xml_validate_schema(doc, schema, d);
    md_xml_schema_free(schema);
    return st;
}

int
md_xml_is(xmlNodePtr n, const char *name)
{
    return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
           strcmp((const char *)n->ns->href, MD_XML_NS) == 0 &&
           (name == NULL || strcmp((const char *)n->name, name) == 0);
}

xmlNodePtr
md_xml_child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n != NULL ? n->children : NULL; c != NULL; c = c->next) {
        if (md_xml_is(c, name))
            return c;
    }
    return NULL;
}

const char *
md_xml_attr(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
        if (a->ns == NULL && strcmp((const char *)a->name, name) == 0 && a->children != NULL &&
            a->children->type == XML_TEXT_NODE)
            return (const char *)a->children->content;
    }
    return NULL;
}

const char *
md_xml_path(const md_xml_doc *doc)
{
    return doc->path;
}

void
md_xml_free(md_xml_doc *doc)
{
    if (doc == NULL)
        return;
    xmlFreeDoc(doc->doc);
    md_free(doc->path);
    md_free(doc);
}
