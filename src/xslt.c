/* XSLT 1.0 with libxslt and libexslt (common, sets, strings, math): stylesheets and the documents
 * they read are parsed safely (no network, no DTD), xsltSecurityPrefs forbid writes and the
 * network and confine reads to xml/ and xsl/, and every libxslt and libxml2 message becomes an
 * md_diags entry with the stylesheet's file:line. Details and the reasons in docs/xslt.md. */
/* realpath() is XSI, beyond the Makefile's _POSIX_C_SOURCE. */
#define _XOPEN_SOURCE 700

#include "xslt.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxslt/documents.h>
#include <libxslt/extensions.h>
#include <libxslt/functions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

#include "xml-lx.h"

#define EXSLT_COMMON_NS "http://exslt.org/common"
#define EXSLT_SETS_NS "http://exslt.org/sets"
#define EXSLT_STRINGS_NS "http://exslt.org/strings"
#define EXSLT_MATH_NS "http://exslt.org/math"
#define EXSLT_DATES_NS "http://exslt.org/dates-and-times"

enum { ROOT_XML, ROOT_XSL, ROOT_LEN };

struct md_xslt {
    xsltStylesheetPtr style;
    xsltSecurityPrefsPtr sec;
    /* realpath of root/xml and root/xsl; NULL when the folder does not exist. */
    char *roots[ROOT_LEN];
    /* realpath of the stylesheet itself, which document('') may read wherever it is. */
    char *self;
};

/* A location in a stylesheet or document, for a message that waits for libxslt to say where
 * it happened. */
typedef struct where {
    char file[512];
    long line;
} where;

/* One load or run: where messages go, and the state needed to turn libxslt's text messages
 * (a context line, then the message) into one diagnostic each. */
typedef struct session {
    md_diags *d;
    const md_xslt *x;
    xsltTransformContextPtr tctxt; /* NULL while compiling */
    size_t errors;
    int is_limit;   /* a limit stopped the transform; drop libxslt's stack dump after it */
    int is_refused; /* a refusal was reported; drop libxslt's own words for it */
    int is_oom;     /* one of our allocations failed: the result is MD_ENOMEM */
    /* libxslt writes "runtime error: file F line L element E" before each error. */
    int has_ctx;
    where ctx;
    /* Where the last error was reported, to drop libxslt's echoes of it. */
    where last;
    /* A message (an XPath error, a refused import) waiting for libxslt's context line. */
    int has_pending;
    int is_pending_refusal;
    char pending[768];
    where pending_at;
    /* libxml2's "function f not found" comes before its structured error. */
    char missing_fn[128];
    /* xsl:message text, collected until libxslt ends it with a newline. */
    xmlNodePtr msg_inst;
    xmlNodePtr msg_node;
    char msg[2048];
    size_t msg_len;
    /* The argument of the document() call being evaluated, for the refusal message. */
    char doc_arg[512];
    /* The handlers in place before the session, restored after it. */
    xmlGenericErrorFunc old_xml_generic;
    void *old_xml_generic_ctx;
    xmlStructuredErrorFunc old_xml_structured;
    void *old_xml_structured_ctx;
    xmlGenericErrorFunc old_xslt_generic;
    void *old_xslt_generic_ctx;
    xmlExternalEntityLoader old_entity_loader;
} session;

/* The document loader and the entity loader get no user pointer, so they find the session
 * here. libxslt keeps its handlers in globals too, so one session at a time is all it allows. */
static session *active;

/* --- diagnostics ----------------------------------------------------------------------- */

/* Copies s into dst (cap bytes) on one line: newlines and tabs as spaces, no trailing blanks,
 * and when it must be cut, cut between UTF-8 characters. */
static void
tidy(char *dst, size_t cap, const char *s)
{
    size_t n = 0;
    for (; s != NULL && *s != '\0' && n + 1 < cap; s++)
        dst[n++] = *s == '\n' || *s == '\t' ? ' ' : *s;
    if (s != NULL && *s != '\0') {
        while (n > 0 && ((unsigned char)dst[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0 && ((unsigned char)dst[n - 1] & 0x80) != 0)
            n--;
    }
    while (n > 0 && dst[n - 1] == ' ')
        n--;
    dst[n] = '\0';
}

static void report(session *s, md_severity sev, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static void
report(session *s, md_severity sev, const char *file, long line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    md_diag_add(s->d, sev, file != NULL && file[0] != '\0' ? file : NULL, line > 0 ? line : 0, 0,
                "%s", msg);
    if (sev == MD_DIAG_ERROR) {
        s->errors++;
        snprintf(s->last.file, sizeof s->last.file, "%s", file != NULL ? file : "");
        s->last.line = line;
    }
}

/* The file and line of node n of a stylesheet or document. */
static void
where_of(xmlNodePtr n, where *w)
{
    w->file[0] = '\0';
    w->line = 0;
    if (n == NULL)
        return;
    if (n->type == XML_ATTRIBUTE_NODE)
        n = n->parent;
    if (n != NULL && n->doc != NULL && n->doc->URL != NULL)
        snprintf(w->file, sizeof w->file, "%s", (const char *)n->doc->URL);
    long line = n != NULL ? xmlGetLineNo(n) : 0;
    w->line = line > 0 ? line : 0;
}

/* Where the transform is: the stylesheet instruction being executed, if any. */
static void
where_now(const session *s, where *w)
{
    where_of(s->tctxt != NULL ? s->tctxt->inst : NULL, w);
}

/* Adds a note naming the meeting node the transform was processing, so a message about a
 * stylesheet also says which part of the meeting led to it (STYLE.md §4). */
static void
note_node(session *s)
{
    xmlNodePtr n = s->tctxt != NULL ? s->tctxt->node : NULL;
    if (n == NULL || n->doc == NULL || n->doc->URL == NULL)
        return;
    where w;
    where_of(n, &w);
    if (w.line <= 0)
        return;
    const char *name = n->type == XML_ELEMENT_NODE     ? (const char *)n->name
                       : n->type == XML_ATTRIBUTE_NODE ? (const char *)n->name
                       : n->type == XML_TEXT_NODE      ? "text()"
                                                       : NULL;
    if (name != NULL)
        md_diag_note(s->d, w.file, w.line, 0, "while processing %s%s%s",
                     n->type == XML_ELEMENT_NODE     ? "<"
                     : n->type == XML_ATTRIBUTE_NODE ? "@"
                                                     : "",
                     name, n->type == XML_ELEMENT_NODE ? ">" : "");
}

/* Holds a message until libxslt says where it happened (its next context line). */
static void hold(session *s, int is_refusal, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
hold(session *s, int is_refusal, const char *fmt, ...)
{
    if (s->has_pending)
        return; /* Only the first cause of a failure is worth telling. */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->pending, sizeof s->pending, fmt, ap);
    va_end(ap);
    s->has_pending = 1;
    s->is_pending_refusal = is_refusal;
    where_now(s, &s->pending_at);
}

static void
flush_pending(session *s, const where *at)
{
    if (!s->has_pending)
        return;
    const where *w = at != NULL && at->file[0] != '\0' ? at : &s->pending_at;
    report(s, MD_DIAG_ERROR, w->file, w->line, "%s", s->pending);
    if (!s->is_pending_refusal)
        note_node(s);
    s->has_pending = 0;
}

static int
is_xsl(xmlNodePtr n, const char *name)
{
    return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
           xmlStrEqual(n->ns->href, XSLT_NAMESPACE) && strcmp((const char *)n->name, name) == 0;
}

/* The xsl:message being executed: libxslt leaves ctxt->inst on the last instruction inside the
 * message's content, so look at its ancestors too. */
static xmlNodePtr
message_inst(const session *s)
{
    if (s->tctxt == NULL)
        return NULL;
    for (xmlNodePtr n = s->tctxt->inst; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent) {
        if (is_xsl(n, "message"))
            return n;
    }
    return NULL;
}

static void
flush_message(session *s)
{
    if (s->msg_inst == NULL)
        return;
    while (s->msg_len > 0 && (s->msg[s->msg_len - 1] == '\n' || s->msg[s->msg_len - 1] == ' '))
        s->msg_len--;
    s->msg[s->msg_len] = '\0';
    xmlChar *term = xmlGetNsProp(s->msg_inst, (const xmlChar *)"terminate", NULL);
    int is_fatal = term != NULL && xmlStrEqual(term, (const xmlChar *)"yes");
    xmlFree(term);
    where w;
    where_of(s->msg_inst, &w);
    char text[sizeof s->msg];
    tidy(text, sizeof text, s->msg);
    report(s, is_fatal ? MD_DIAG_ERROR : MD_DIAG_WARNING, w.file, w.line, "%s",
           text[0] ? text : "xsl:message without text");
    xmlNodePtr saved = s->tctxt->node;
    s->tctxt->node = s->msg_node;
    note_node(s);
    s->tctxt->node = saved;
    s->msg_inst = NULL;
    s->msg_len = 0;
}

/* Reads libxslt's context line "runtime error: file F line L element E" into s->ctx. */
static int
read_context(session *s, const char *t)
{
    const char *p = NULL;
    static const char *const kinds[] = {"runtime error: ", "compilation error: ", "error: "};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0] && p == NULL; i++) {
        if (strncmp(t, kinds[i], strlen(kinds[i])) == 0)
            p = t + strlen(kinds[i]);
    }
    if (p == NULL)
        return 0;
    s->has_ctx = 1;
    s->ctx.file[0] = '\0';
    s->ctx.line = 0;
    if (strncmp(p, "file ", 5) != 0)
        return 1;
    p += 5;
    const char *end = strstr(p, " line ");
    if (end == NULL)
        end = strstr(p, " element ");
    if (end == NULL)
        end = p + strcspn(p, "\n");
    snprintf(s->ctx.file, sizeof s->ctx.file, "%.*s", (int)(end - p), p);
    if (strncmp(end, " line ", 6) == 0)
        s->ctx.line = strtol(end + 6, NULL, 10);
    return 1;
}

/* libxslt's words for a failure whose cause was already reported: after an XPath error, and
 * after a refused read or write. Dropped so that each problem gives one message. */
static int
is_echo(const char *t, int is_refusal)
{
    static const char *const xpath[] = {"XPath evaluation returned no result",
                                        "Failed to evaluate",
                                        "failed to evaluate",
                                        "evaluation failed",
                                        "could not compile",
                                        "Failed to compile",
                                        "Evaluating global variable",
                                        "being computed failed"};
    static const char *const refusal[] = {"unable to load", "failed to load", "refused",
                                          "rights for", "denied"};
    const char *const *v = is_refusal ? refusal : xpath;
    size_t n = is_refusal ? sizeof refusal / sizeof refusal[0] : sizeof xpath / sizeof xpath[0];
    for (size_t i = 0; i < n; i++) {
        if (strstr(t, v[i]) != NULL)
            return 1;
    }
    return 0;
}

/* One piece of text from libxslt: a context line, an error message, or xsl:message output. */
static void
take_text(session *s, const char *t)
{
    if (s->is_limit)
        return; /* After a limit libxslt dumps its template and variable stacks. */
    if (read_context(s, t))
        return;
    if (!s->has_ctx && s->tctxt != NULL) {
        xmlNodePtr m = message_inst(s);
        if (m != NULL) {
            /* xsltMessage writes the text, then "\n" if the text had none. */
            if (s->msg_inst != NULL && s->msg_inst != m)
                flush_message(s);
            if (s->msg_inst == NULL) {
                s->msg_inst = m;
                s->msg_node = s->tctxt->node;
            }
            size_t n = strlen(t);
            if (n > sizeof s->msg - 1 - s->msg_len)
                n = sizeof s->msg - 1 - s->msg_len;
            memcpy(s->msg + s->msg_len, t, n);
            s->msg_len += n;
            s->msg[s->msg_len] = '\0';
            if (s->msg_len > 0 && s->msg[s->msg_len - 1] == '\n')
                flush_message(s);
            return;
        }
    }
    if (s->tctxt != NULL)
        flush_message(s);
    where at;
    if (s->has_ctx)
        at = s->ctx;
    else
        where_now(s, &at);
    s->has_ctx = 0;
    char text[1024];
    tidy(text, sizeof text, t);
    if (text[0] == '\0')
        return;
    if (strstr(text, "potential infinite template recursion") != NULL) {
        s->is_limit = 1;
        s->has_pending = 0;
        if (strstr(text, "maxTemplateVars") != NULL || strstr(text, "--maxvars") != NULL)
            report(s, MD_DIAG_ERROR, at.file, at.line,
                   "more than %d variables and params alive at once (a runaway recursion?); "
                   "the transform was stopped",
                   MD_XSLT_MAX_VARS);
        else
            report(s, MD_DIAG_ERROR, at.file, at.line,
                   "templates nested more than %d deep (a runaway recursion?); the transform "
                   "was stopped",
                   MD_XSLT_MAX_DEPTH);
        return;
    }
    int was_pending = s->has_pending, was_refusal = s->is_pending_refusal;
    flush_pending(s, &at);
    int is_again = s->errors > 0 && at.line == s->last.line && strcmp(at.file, s->last.file) == 0;
    if (((was_pending || is_again) && is_echo(text, was_refusal)) ||
        (s->is_refused && is_echo(text, 1)))
        return;
    md_severity sev = strncmp(text, "Warning", 7) == 0 || strncmp(text, "warning", 7) == 0
                          ? MD_DIAG_WARNING
                          : MD_DIAG_ERROR;
    report(s, sev, at.file, at.line, "%s", text);
    if (s->tctxt != NULL)
        note_node(s);
}

static void on_xslt_text(void *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
on_xslt_text(void *ctx, const char *fmt, ...)
{
    char t[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t, sizeof t, fmt, ap);
    va_end(ap);
    take_text(ctx, t);
}

/* libxml2's unstructured messages: during XPath evaluation only "function f not found" and
 * "function f bound to undefined prefix p", which name what the structured error does not. */
static void on_xml_text(void *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
on_xml_text(void *ctx, const char *fmt, ...)
{
    session *s = ctx;
    char t[1024], fn[128], prefix[128];
    int end = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t, sizeof t, fmt, ap);
    va_end(ap);
    /* %n is set only when the whole pattern matched. */
    if (sscanf(t, "xmlXPathCompOpEval: function %127s not found%n", fn, &end) == 1 && end > 0) {
        snprintf(s->missing_fn, sizeof s->missing_fn, "%s", fn);
    } else if (sscanf(t, "xmlXPathCompOpEval: function %127s bound to undefined prefix %127s", fn,
                      prefix) == 2) {
        hold(s, 0, "the prefix %s of %s:%s() is not declared; add xmlns:%s=\"…\"", prefix, prefix,
             fn, prefix);
    } else {
        char text[1024];
        tidy(text, sizeof text, t);
        if (text[0] != '\0')
            hold(s, 0, "%s", text);
    }
}

/* At run time libxml2 does not say which expression failed: take the attribute of the current
 * instruction that mentions needle (the missing function), or else its select or test. */
static void
inst_expr(const session *s, const char *needle, char *out, size_t cap)
{
    xmlNodePtr inst = s->tctxt != NULL ? s->tctxt->inst : NULL;
    if (inst == NULL || inst->type != XML_ELEMENT_NODE)
        return;
    for (int pass = 0; pass < 2 && out[0] == '\0'; pass++) {
        for (xmlAttrPtr a = inst->properties; a != NULL && out[0] == '\0'; a = a->next) {
            xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
            int hit = v != NULL && (pass == 0 ? needle[0] != '\0' && strstr((char *)v, needle)
                                              : xmlStrEqual(a->name, (const xmlChar *)"select") ||
                                                    xmlStrEqual(a->name, (const xmlChar *)"test"));
            if (hit)
                snprintf(out, cap, "%s", (const char *)v);
            xmlFree(v);
        }
    }
}

/* libxml2's structured errors: XPath errors (held until libxslt names the instruction) and
 * parse errors in a stylesheet or a document it reads (reported at their own file:line). */
static void
on_xml_error(void *ctx, xmlErrorPtr e)
{
    session *s = ctx;
    if (e == NULL || e->level == XML_ERR_NONE)
        return;
    char msg[512];
    tidy(msg, sizeof msg, e->message);
    if (e->domain == XML_FROM_XPATH && e->code == XML_XPATH_UNDEF_VARIABLE_ERROR)
        return; /* libxslt has said "Variable 'v' has not been declared." */
    if (e->domain == XML_FROM_XPATH) {
        char expr[512];
        snprintf(expr, sizeof expr, "%s", e->str1 != NULL ? e->str1 : "");
        if (expr[0] == '\0')
            inst_expr(s, s->missing_fn, expr, sizeof expr);
        if (e->code == XML_XPATH_UNKNOWN_FUNC_ERROR && s->missing_fn[0] != '\0')
            hold(s, 0,
                 "unknown function %s() in \"%s\"; motesdok provides XSLT 1.0, md:line() and "
                 "EXSLT common, sets, strings and math",
                 s->missing_fn, expr);
        else if (e->code == XML_XPATH_UNKNOWN_FUNC_ERROR)
            hold(s, 0, "unknown function in \"%s\"", expr);
        else if (strstr(msg, "Recursion limit") != NULL || strstr(msg, "limit exceeded") != NULL) {
            where at;
            where_now(s, &at);
            s->is_limit = 1;
            report(s, MD_DIAG_ERROR, at.file, at.line,
                   "XPath expression \"%s\" nests too deep or does too much (%s); the transform "
                   "was stopped",
                   expr, msg);
        } else
            hold(s, 0, "XPath error in \"%s\": %s", expr, msg);
        s->missing_fn[0] = '\0';
        return;
    }
    md_severity sev = e->level == XML_ERR_WARNING ? MD_DIAG_WARNING : MD_DIAG_ERROR;
    if (e->file != NULL) {
        md_diag_add(s->d, sev, e->file, e->line, e->int2, "%s", msg);
        if (sev == MD_DIAG_ERROR)
            s->errors++;
    } else {
        where at;
        where_now(s, &at);
        report(s, sev, at.file, at.line, "%s", msg);
    }
}

static session *
session_of(xsltTransformContextPtr t)
{
    return t != NULL && t->_private != NULL ? t->_private : active;
}

/* The argument document() was called with, for messages; falls back to the resolved path. */
static const char *
doc_arg(const session *s, const char *resolved)
{
    return s->doc_arg[0] != '\0' ? s->doc_arg : resolved;
}

/* --- reading files --------------------------------------------------------------------- */

/* True when path (relative to the working folder) resolves, symbolic links and ".." followed,
 * to a file under one of the allowed roots; then *real, when real is not NULL, is that
 * resolved path (release with free) for the caller to open, so that the file read is the file
 * checked. A file that does not exist is judged by its folder (*real stays NULL), so that a
 * missing file inside xml/ gets "cannot be read" rather than a refusal. */
static int
is_allowed(const md_xslt *x, const char *path, int may_read_xml, char **real_out)
{
    char *real = realpath(path, NULL);
    int exists = real != NULL;
    if (real == NULL) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s", path);
        char *slash = strrchr(dir, '/');
        if (slash == dir)
            dir[1] = '\0';
        else if (slash != NULL)
            *slash = '\0';
        else
            snprintf(dir, sizeof dir, ".");
        real = realpath(dir, NULL);
    }
    if (real == NULL)
        return 0;
    int ok = may_read_xml && exists && x->self != NULL && strcmp(real, x->self) == 0;
    for (int i = 0; i < ROOT_LEN && !ok; i++) {
        const char *r = x->roots[i];
        if (r == NULL || (i == ROOT_XML && !may_read_xml))
            continue;
        size_t n = strlen(r);
        ok = strncmp(real, r, n) == 0 && (real[n] == '/' || real[n] == '\0');
    }
    if (ok && exists && real_out != NULL) {
        *real_out = real;
        return 1;
    }
    free(real);
    return ok;
}

typedef struct parse_state {
    long doctype_line;
} parse_state;

/* A DOCTYPE is how external entities and entity bombs get in; stylesheets and the documents
 * they read need none. Stop before any declaration is read. */
static void
on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext_id, const xmlChar *sys_id)
{
    (void)name, (void)ext_id, (void)sys_id;
    xmlParserCtxtPtr pc = ctx;
    parse_state *ps = pc->_private;
    ps->doctype_line = pc->input != NULL && pc->input->line > 0 ? pc->input->line : 1;
    xmlStopParser(pc);
}

/* The extension namespaces a stylesheet may declare in extension-element-prefixes. Any other
 * would make libxslt look for a plug-in module to load. */
static int
is_known_extension(const xmlChar *uri)
{
    static const char *const known[] = {EXSLT_COMMON_NS, EXSLT_SETS_NS, EXSLT_STRINGS_NS,
                                        EXSLT_MATH_NS, MD_XSLT_NS};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (uri != NULL && strcmp((const char *)uri, known[i]) == 0)
            return 1;
    }
    return 0;
}

/* Checks every extension-element-prefixes of the subtree at n; returns the errors found. */
static int
check_extensions(session *s, xmlDocPtr doc, xmlNodePtr n)
{
    int bad = 0;
    for (; n != NULL; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        int is_top = is_xsl(n, "stylesheet") || is_xsl(n, "transform");
        xmlChar *v =
            is_top ? xmlGetNsProp(n, (const xmlChar *)"extension-element-prefixes", NULL)
                   : xmlGetNsProp(n, (const xmlChar *)"extension-element-prefixes", XSLT_NAMESPACE);
        char *save = NULL;
        for (char *tok = v != NULL ? strtok_r((char *)v, " \t\r\n", &save) : NULL; tok != NULL;
             tok = strtok_r(NULL, " \t\r\n", &save)) {
            xmlNsPtr ns =
                xmlSearchNs(doc, n, strcmp(tok, "#default") == 0 ? NULL : (const xmlChar *)tok);
            if (ns == NULL || !is_known_extension(ns->href)) {
                report(s, MD_DIAG_ERROR, (const char *)doc->URL, xmlGetLineNo(n),
                       "extension-element-prefixes names \"%s\" (%s), which motesdok does not "
                       "provide; only EXSLT common, sets, strings and math",
                       tok, ns != NULL ? (const char *)ns->href : "an undeclared prefix");
                bad++;
            }
        }
        xmlFree(v);
        bad += check_extensions(s, doc, n->children);
    }
    return bad;
}

/* Reads and parses the file at path, naming it name (the URI libxslt resolves against), with
 * no network, no DTD and no entities; size bounded as for meetings. dict, when not NULL, is the
 * stylesheet's dictionary, which libxslt wants its imported documents to share. A stylesheet
 * (is_style) must name only known extension namespaces. When the file cannot be opened,
 * returns NULL with *open_errno set and nothing reported: the caller knows the context. */
static xmlDocPtr
parse_file(session *s, const char *name, const char *path, xmlDictPtr dict, int is_style,
           int *open_errno)
{
    md_buf b = {0};
    xmlDocPtr doc = NULL;
    xmlParserCtxtPtr pc = NULL;
    FILE *f = fopen(path, "rb");
    *open_errno = f == NULL ? errno : 0;
    if (f == NULL)
        return NULL;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > (size_t)MD_XML_MAX_BYTES) {
            report(s, MD_DIAG_ERROR, name, 0, "file is larger than %ld bytes", MD_XML_MAX_BYTES);
            goto out;
        }
        if (md_buf_add(&b, chunk, n) != MD_OK) {
            s->is_oom = 1;
            goto out;
        }
    }
    if (ferror(f)) {
        report(s, MD_DIAG_ERROR, name, 0, "cannot read: %s", strerror(errno));
        goto out;
    }
    if ((pc = xmlNewParserCtxt()) == NULL) {
        s->is_oom = 1;
        goto out;
    }
    if (dict != NULL) {
        xmlDictFree(pc->dict);
        pc->dict = dict;
        xmlDictReference(dict);
    }
    parse_state ps = {0};
    pc->_private = &ps;
    pc->sax->internalSubset = on_doctype;
    size_t errors = s->errors;
    /* No XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_DTDATTR, unlike libxslt's default
     * XSLT_PARSE_OPTIONS: nothing outside the file is ever read. */
    int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;
    doc = xmlCtxtReadMemory(pc, b.data != NULL ? b.data : "", (int)b.len, name, NULL, opts);
    if (ps.doctype_line > 0) {
        report(s, MD_DIAG_ERROR, name, ps.doctype_line,
               "<!DOCTYPE> is not allowed in stylesheets or the documents they read; remove it");
    } else if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
        if (s->errors == errors)
            report(s, MD_DIAG_ERROR, name, 0, "not a well-formed XML document");
    } else if (s->errors == errors) {
        if (!is_style || check_extensions(s, doc, doc->children) == 0)
            goto out;
    }
    xmlFreeDoc(doc);
    doc = NULL;
out:
    xmlFreeParserCtxt(pc);
    fclose(f);
    md_buf_free(&b);
    return doc;
}

/* libxslt's document loader, for xsl:import, xsl:include and document(): local files only,
 * stylesheets only from xsl/, documents from xml/ or xsl/, parsed by parse_file. */
static xmlDocPtr
load_doc(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt, xsltLoadType type)
{
    (void)options, (void)ctxt;
    session *s = active;
    if (s == NULL || uri == NULL)
        return NULL;
    int is_style = type != XSLT_LOAD_DOCUMENT;
    xmlURIPtr u = xmlParseURI((const char *)uri);
    int is_local = u != NULL && u->path != NULL &&
                   (u->scheme == NULL ||
                    (strcmp(u->scheme, "file") == 0 && (u->server == NULL || u->server[0] == '\0' ||
                                                        strcmp(u->server, "localhost") == 0)));
    char *path = is_local ? md_strdup(u->path) : NULL;
    xmlFreeURI(u);
    xmlDocPtr doc = NULL;
    char *real = NULL;
    if (is_local && path == NULL) {
        s->is_oom = 1;
        s->is_refused = 1; /* Drop libxslt's "unable to load". */
    } else if (!is_local || !is_allowed(s->x, path, !is_style, &real)) {
        if (is_style)
            hold(s, 1, "'%s' %s; stylesheets may import and include only the project's xsl/ files",
                 (const char *)uri, is_local ? "is outside xsl/" : "is a network address");
        else {
            where at;
            where_now(s, &at);
            report(s, MD_DIAG_ERROR, at.file, at.line,
                   "document('%s') is outside xml/ and xsl/; stylesheets may read only the "
                   "project's files",
                   doc_arg(s, (const char *)uri));
        }
        s->is_refused = 1;
    } else {
        int err = 0;
        doc = parse_file(s, (const char *)uri, real != NULL ? real : path, dict, is_style, &err);
        if (err != 0 && is_style) {
            hold(s, 1, "cannot read '%s': %s", (const char *)uri, strerror(err));
        } else if (err != 0) {
            where at;
            where_now(s, &at);
            report(s, MD_DIAG_ERROR, at.file, at.line, "document('%s') cannot be read: %s",
                   doc_arg(s, (const char *)uri), strerror(err));
        }
        if (doc == NULL)
            s->is_refused = 1; /* Said why; drop libxslt's "unable to load". */
    }
    free(real);
    md_free(path);
    return doc;
}

/* Nothing outside the file being parsed is read: parse_file parses from memory and no DTD is
 * loaded, so any external entity request is an attack or a bug. */
static xmlParserInputPtr
deny_entity(const char *url, const char *id, xmlParserCtxtPtr pc)
{
    (void)id, (void)pc;
    if (active != NULL) {
        where at;
        where_now(active, &at);
        report(active, MD_DIAG_ERROR, at.file, at.line,
               "refused to load the external resource \"%s\"; stylesheets may read only the "
               "project's files",
               url != NULL ? url : "");
        active->is_refused = 1;
    }
    return NULL;
}

/* --- security prefs ---------------------------------------------------------------------- */

static int
sec_read_file(xsltSecurityPrefsPtr sec, xsltTransformContextPtr t, const char *path)
{
    (void)sec;
    session *s = session_of(t);
    if (s == NULL || path == NULL)
        return 0;
    if (is_allowed(s->x, path, 1, NULL))
        return 1;
    where at;
    where_now(s, &at);
    report(s, MD_DIAG_ERROR, at.file, at.line,
           "document('%s') is outside xml/ and xsl/; stylesheets may read only the project's "
           "files",
           doc_arg(s, path));
    s->is_refused = 1;
    return 0;
}

static int
sec_read_net(xsltSecurityPrefsPtr sec, xsltTransformContextPtr t, const char *url)
{
    (void)sec;
    session *s = session_of(t);
    if (s == NULL)
        return 0;
    where at;
    where_now(s, &at);
    report(s, MD_DIAG_ERROR, at.file, at.line,
           "document('%s') reads from the network; stylesheets may read only the project's files",
           doc_arg(s, url != NULL ? url : ""));
    s->is_refused = 1;
    return 0;
}

/* Writing files, creating folders and writing to the network: all refused, once per
 * instruction (libxslt asks about the folder, then the file). */
static int
sec_write(xsltSecurityPrefsPtr sec, xsltTransformContextPtr t, const char *target)
{
    (void)sec;
    session *s = session_of(t);
    if (s == NULL || s->is_refused)
        return 0;
    xmlNodePtr inst = s->tctxt != NULL ? s->tctxt->inst : NULL;
    char name[128] = "exsl:document";
    if (inst != NULL && inst->type == XML_ELEMENT_NODE)
        snprintf(name, sizeof name, "%s%s%s",
                 inst->ns != NULL && inst->ns->prefix != NULL ? (const char *)inst->ns->prefix : "",
                 inst->ns != NULL && inst->ns->prefix != NULL ? ":" : "", (const char *)inst->name);
    where at;
    where_now(s, &at);
    report(s, MD_DIAG_ERROR, at.file, at.line,
           "<%s> would write \"%s\"; stylesheets may not write files or create folders (motesdok "
           "writes the one result of the transform)",
           name, target != NULL ? target : "");
    s->is_refused = 1;
    return 0;
}

/* --- extension functions ------------------------------------------------------------------ */

/* md:line() and md:line(node-set): the source line of the context node, or of the first node
 * of the argument in document order; 0 when unknown (a node built by the stylesheet). */
static void
fn_line(xmlXPathParserContextPtr ctxt, int nargs)
{
    xmlNodePtr n = NULL;
    if (nargs == 0) {
        n = ctxt->context->node;
    } else if (nargs == 1) {
        xmlXPathObjectPtr o = valuePop(ctxt);
        if (o == NULL || o->type != XPATH_NODESET) {
            xmlXPathFreeObject(o);
            XP_ERROR(XPATH_INVALID_TYPE);
        }
        if (o->nodesetval != NULL && o->nodesetval->nodeNr > 0) {
            xmlXPathNodeSetSort(o->nodesetval);
            n = o->nodesetval->nodeTab[0];
        }
        xmlXPathFreeObject(o);
    } else {
        XP_ERROR(XPATH_INVALID_ARITY);
    }
    where w;
    where_of(n, &w);
    if (w.line == 0 && n != NULL && n->type != XML_ATTRIBUTE_NODE && n->parent != NULL)
        where_of(n->parent, &w); /* A text node whose line was not kept. */
    valuePush(ctxt, xmlXPathNewFloat((double)w.line));
}

/* The EXSLT date functions that read the clock (date-time(), date(), time()): each call is an
 * error, so no output ever depends on when it was built. */
static void
fn_clock(xmlXPathParserContextPtr ctxt, int nargs)
{
    xsltTransformContextPtr t = xsltXPathGetTransformContext(ctxt);
    session *s = session_of(t);
    for (int i = 0; i < nargs; i++)
        xmlXPathFreeObject(valuePop(ctxt));
    if (s != NULL) {
        where at;
        where_now(s, &at);
        report(s, MD_DIAG_ERROR, at.file, at.line,
               "date:%s() reads the clock, so the output would change from build to build; use "
               "$build-date (from SOURCE_DATE_EPOCH or the meeting's date)",
               ctxt->context->function != NULL ? (const char *)ctxt->context->function : "?");
        s->is_refused = 1;
    }
    if (t != NULL)
        t->state = XSLT_STATE_STOPPED;
    valuePush(ctxt, xmlXPathNewCString(""));
}

/* document(), wrapped to remember its argument for the refusal message. */
static void
fn_document(xmlXPathParserContextPtr ctxt, int nargs)
{
    session *s = session_of(xsltXPathGetTransformContext(ctxt));
    if (s != NULL && nargs >= 1 && ctxt->valueNr >= nargs) {
        xmlXPathObjectPtr a = ctxt->valueTab[ctxt->valueNr - nargs];
        s->doc_arg[0] = '\0';
        if (a != NULL && a->type == XPATH_STRING && a->stringval != NULL) {
            snprintf(s->doc_arg, sizeof s->doc_arg, "%s", (const char *)a->stringval);
        } else if (a != NULL && a->type == XPATH_NODESET && a->nodesetval != NULL &&
                   a->nodesetval->nodeNr == 1) {
            xmlChar *v = xmlXPathCastNodeToString(a->nodesetval->nodeTab[0]);
            snprintf(s->doc_arg, sizeof s->doc_arg, "%s", v != NULL ? (const char *)v : "");
            xmlFree(v);
        }
    }
    xsltDocumentFunction(ctxt, nargs);
    if (s != NULL)
        s->doc_arg[0] = '\0';
}

/* Function lookup without libxslt's plug-in loading: the context's own functions, then the
 * EXSLT modules motesdok registers; any other namespace has no functions. */
static xmlXPathFunction
lookup_fn(void *data, const xmlChar *name, const xmlChar *uri)
{
    xmlXPathContextPtr xp = data;
    if (name == NULL || uri == NULL)
        return NULL;
    xmlXPathFunction f = (xmlXPathFunction)xmlHashLookup2(xp->funcHash, name, uri);
    if (f == NULL && is_known_extension(uri))
        f = xsltExtModuleFunctionLookup(name, uri);
    return f;
}

/* --- sessions -------------------------------------------------------------------------- */

static void
init_once(void)
{
    static int is_done;
    if (is_done)
        return;
    is_done = 1;
    xsltInit();
    /* Not exsltRegisterAll: no dates (they read the clock), no dyn:evaluate, no func:, no
     * saxon: extensions. */
    exsltCommonRegister();
    exsltSetsRegister();
    exsltStrRegister();
    exsltMathRegister();
}

static void
session_begin(session *s)
{
    assert(active == NULL);
    active = s;
    s->old_xml_generic = xmlGenericError;
    s->old_xml_generic_ctx = xmlGenericErrorContext;
    s->old_xml_structured = xmlStructuredError;
    s->old_xml_structured_ctx = xmlStructuredErrorContext;
    s->old_xslt_generic = xsltGenericError;
    s->old_xslt_generic_ctx = xsltGenericErrorContext;
    s->old_entity_loader = xmlGetExternalEntityLoader();
    xmlSetGenericErrorFunc(s, on_xml_text);
    xmlSetStructuredErrorFunc(s, on_xml_error);
    xsltSetGenericErrorFunc(s, on_xslt_text);
    xmlSetExternalEntityLoader(deny_entity);
    xsltSetLoaderFunc(load_doc);
}

static void
session_end(session *s)
{
    if (s->tctxt != NULL)
        flush_message(s);
    flush_pending(s, NULL);
    xsltSetLoaderFunc(NULL);
    xmlSetExternalEntityLoader(s->old_entity_loader);
    xsltSetGenericErrorFunc(s->old_xslt_generic_ctx, s->old_xslt_generic);
    xmlSetStructuredErrorFunc(s->old_xml_structured_ctx, s->old_xml_structured);
    xmlSetGenericErrorFunc(s->old_xml_generic_ctx, s->old_xml_generic);
    active = NULL;
}

/* realpath of root/sub (of root when sub is NULL), or NULL when it does not exist (then
 * nothing there may be read). */
static md_status
root_path(const char *root, const char *sub, char **out)
{
    md_buf b = {0};
    *out = NULL;
    if (md_buf_addf(&b, "%s%s%s", root, sub != NULL ? "/" : "", sub != NULL ? sub : "") != MD_OK)
        return MD_ENOMEM;
    char *real = realpath(b.data, NULL);
    md_buf_free(&b);
    if (real == NULL)
        return MD_OK;
    *out = md_strdup(real);
    free(real);
    return *out != NULL ? MD_OK : MD_ENOMEM;
}

md_status
md_xslt_load(const char *root, const char *path, md_diags *d, md_xslt **out)
{
    init_once();
    md_status st = MD_OK;
    md_xslt *x = md_alloc(sizeof *x);
    if (x == NULL)
        return MD_ENOMEM;
    if ((st = root_path(root, "xml", &x->roots[ROOT_XML])) != MD_OK ||
        (st = root_path(root, "xsl", &x->roots[ROOT_XSL])) != MD_OK)
        goto out;
    x->sec = xsltNewSecurityPrefs();
    if (x->sec == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    if (xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_READ_FILE, sec_read_file) != 0 ||
        xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_READ_NETWORK, sec_read_net) != 0 ||
        xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_WRITE_FILE, sec_write) != 0 ||
        xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_CREATE_DIRECTORY, sec_write) != 0 ||
        xsltSetSecurityPrefs(x->sec, XSLT_SECPREF_WRITE_NETWORK, sec_write) != 0) {
        st = MD_EBUG;
        goto out;
    }
    if ((st = root_path(path, NULL, &x->self)) != MD_OK)
        goto out;
    session s = {.d = d, .x = x};
    session_begin(&s);
    int err = 0;
    xmlDocPtr doc = parse_file(&s, path, path, NULL, 1, &err);
    if (err != 0) {
        session_end(&s);
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(err));
        st = MD_EIO;
        goto out;
    }
    if (doc != NULL) {
        x->style = xsltNewStylesheet();
        if (x->style == NULL) {
            xmlFreeDoc(doc);
            st = MD_ENOMEM;
        } else if (xsltParseStylesheetUser(x->style, doc) != 0) {
            /* On failure the stylesheet let go of doc. */
            xmlFreeDoc(doc);
            st = MD_EINPUT;
        }
    }
    session_end(&s);
    if (s.is_oom)
        st = MD_ENOMEM;
    else if (st == MD_OK && (doc == NULL || s.errors > 0))
        st = MD_EINPUT;
    if (st == MD_EINPUT && s.errors == 0)
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "the stylesheet could not be compiled");
out:
    if (st != MD_OK) {
        md_xslt_free(x);
        return st;
    }
    *out = x;
    return MD_OK;
}

/* The meeting's date attribute if it is "YYYY-MM-DD", else "". */
static void
meeting_date(xmlDocPtr doc, char out[11])
{
    out[0] = '\0';
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlChar *v = root != NULL ? xmlGetProp(root, (const xmlChar *)"date") : NULL;
    if (v != NULL && strlen((const char *)v) == 10 && v[4] == '-' && v[7] == '-')
        memcpy(out, v, 11);
    xmlFree(v);
}

/* Civil date of a day count since 1970-01-01 (H. Hinnant, "chrono-Compatible Low-Level Date
 * Algorithms", civil_from_days), for days >= 0. */
static void
civil_from_days(long long z, int *y, int *m, int *d)
{
    z += 719468;
    long long era = z / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

md_status
md_xslt_build_date(const char *epoch, const md_xml_doc *doc, md_diags *d, char out[11])
{
    if (epoch == NULL || epoch[0] == '\0') {
        out[0] = '\0';
        if (doc != NULL)
            meeting_date(md_xml_lx_doc(doc), out);
        return MD_OK;
    }
    /* 253402300799 is 9999-12-31T23:59:59Z. */
    long long secs = 0;
    int is_ok = 1;
    for (const char *p = epoch; *p != '\0' && is_ok; p++) {
        if (*p < '0' || *p > '9' || p - epoch >= 12)
            is_ok = 0;
        else
            secs = secs * 10 + (*p - '0');
    }
    if (!is_ok || secs > 253402300799LL) {
        md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0,
                    "SOURCE_DATE_EPOCH=\"%s\" is not a number of seconds since 1970-01-01; set "
                    "it to e.g. $(git log -1 --format=%%ct) or unset it to use the meeting's date",
                    epoch);
        return MD_EINPUT;
    }
    int y, m, dd;
    civil_from_days(secs / 86400, &y, &m, &dd);
    /* y is 1970..9999, so the text is exactly ten characters. */
    const int parts[3][2] = {{y, 4}, {m, 2}, {dd, 2}};
    size_t k = 0;
    for (int i = 0; i < 3; i++) {
        if (i > 0)
            out[k++] = '-';
        for (int w = parts[i][1], v = parts[i][0]; w > 0; w--, v /= 10)
            out[k + (size_t)w - 1] = (char)('0' + v % 10);
        k += (size_t)parts[i][1];
    }
    out[k] = '\0';
    return MD_OK;
}

/* Registers the functions of a run: md:line(), the clock traps and the document() wrapper,
 * and replaces libxslt's function lookup by one that loads no plug-ins. */
static int
register_functions(xsltTransformContextPtr t)
{
    static const char *const clock[] = {"date-time", "date", "time"};
    int rc =
        xsltRegisterExtFunction(t, (const xmlChar *)"line", (const xmlChar *)MD_XSLT_NS, fn_line);
    for (size_t i = 0; i < sizeof clock / sizeof clock[0]; i++)
        rc |= xsltRegisterExtFunction(t, (const xmlChar *)clock[i], (const xmlChar *)EXSLT_DATES_NS,
                                      fn_clock);
    xmlXPathRegisterFuncNS(t->xpathCtxt, (const xmlChar *)"document", NULL, NULL);
    rc |= xmlXPathRegisterFuncNS(t->xpathCtxt, (const xmlChar *)"document", NULL, fn_document);
    xmlXPathRegisterFuncLookup(t->xpathCtxt, lookup_fn, t->xpathCtxt);
    return rc;
}

md_status
md_xslt_run(md_xslt *x, const md_xml_doc *doc, const char *const *params, md_diags *d, md_buf *out)
{
    md_status st = MD_OK;
    size_t n = 0;
    int has_date = 0;
    for (; params != NULL && params[n] != NULL && params[n + 1] != NULL; n += 2)
        has_date |= strcmp(params[n], "build-date") == 0;
    const char **pv = md_alloc_array(n + 3, sizeof *pv);
    if (pv == NULL)
        return MD_ENOMEM;
    if (n > 0)
        memcpy(pv, params, n * sizeof *pv);
    char date[11];
    if (!has_date) {
        meeting_date(md_xml_lx_doc(doc), date);
        pv[n++] = "build-date";
        pv[n++] = date;
    }
    pv[n] = NULL;

    /* libxslt may change the document it transforms (xsl:strip-space removes text nodes), so
     * it works on a copy; element lines are kept by the copy. */
    xmlDocPtr copy = xmlCopyDoc(md_xml_lx_doc(doc), 1);
    xmlDocPtr res = NULL;
    xmlChar *text = NULL;
    int text_len = 0;
    session s = {.d = d, .x = x};
    session_begin(&s);
    xsltTransformContextPtr t = copy != NULL ? xsltNewTransformContext(x->style, copy) : NULL;
    if (t == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    t->_private = &s;
    s.tctxt = t;
    t->maxTemplateDepth = MD_XSLT_MAX_DEPTH;
    t->maxTemplateVars = MD_XSLT_MAX_VARS;
    if (xsltSetCtxtSecurityPrefs(x->sec, t) != 0 || register_functions(t) != 0) {
        st = MD_ENOMEM;
        goto out;
    }
    xsltSetTransformErrorFunc(t, &s, on_xslt_text);
    if (xsltQuoteUserParams(t, pv) != 0) {
        md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0, "the stylesheet params could not be set");
        st = MD_EINPUT;
        goto out;
    }
    res = xsltApplyStylesheetUser(x->style, copy, NULL, NULL, NULL, t);
    if (res != NULL && s.errors == 0 &&
        xsltSaveResultToString(&text, &text_len, res, x->style) != 0)
        st = MD_ENOMEM;
out:
    session_end(&s);
    if (st == MD_OK && s.is_oom) {
        st = MD_ENOMEM;
    } else if (st == MD_OK && s.is_limit) {
        st = MD_ELIMIT;
    } else if (st == MD_OK && (res == NULL || s.errors > 0)) {
        if (s.errors == 0)
            md_diag_add(d, MD_DIAG_ERROR, (const char *)x->style->doc->URL, 0, 0,
                        "the transform failed without saying why");
        st = MD_EINPUT;
    }
    if (st == MD_OK && text_len > 0)
        st = md_buf_add(out, (const char *)text, (size_t)text_len);
    xmlFree(text);
    xmlFreeDoc(res);
    xsltFreeTransformContext(t);
    xmlFreeDoc(copy);
    md_free(pv);
    return st;
}

void
md_xslt_free(md_xslt *x)
{
    if (x == NULL)
        return;
    xsltFreeStylesheet(x->style);
    xsltFreeSecurityPrefs(x->sec);
    for (int i = 0; i < ROOT_LEN; i++)
        md_free(x->roots[i]);
    md_free(x->self);
    md_free(x);
}

/* --- stylesheets kept for the process ----------------------------------------------------- */

typedef struct kept_style {
    char *key; /* root, a newline, path */
    md_xslt *x;
} kept_style;

static kept_style *kept;
static size_t kept_len, kept_cap;

md_status
md_xslt_load_kept(const char *root, const char *path, md_diags *d, md_xslt **out)
{
    md_buf key = {0};
    if (md_buf_addf(&key, "%s\n%s", root, path) != MD_OK)
        return MD_ENOMEM;
    for (size_t i = 0; i < kept_len; i++) {
        if (strcmp(kept[i].key, key.data) == 0) {
            md_buf_free(&key);
            *out = kept[i].x;
            return MD_OK;
        }
    }
    md_status st = MD_OK;
    if (kept_len == kept_cap) {
        size_t c = kept_cap ? 2 * kept_cap : 4;
        kept_style *g = md_realloc_array(kept, c, sizeof *g);
        if (g == NULL)
            st = MD_ENOMEM;
        else
            kept = g, kept_cap = c;
    }
    md_xslt *x = NULL;
    if (st == MD_OK)
        st = md_xslt_load(root, path, d, &x);
    if (st == MD_OK) {
        kept[kept_len].key = md_buf_take(&key);
        kept[kept_len].x = x;
        if (kept[kept_len].key == NULL) {
            md_xslt_free(x);
            st = MD_ENOMEM;
        } else {
            kept_len++;
            *out = x;
        }
    }
    md_buf_free(&key);
    return st;
}

void
md_xslt_kept_free(void)
{
    for (size_t i = 0; i < kept_len; i++) {
        md_free(kept[i].key);
        md_xslt_free(kept[i].x);
    }
    md_free(kept);
    kept = NULL;
    kept_len = kept_cap = 0;
}
