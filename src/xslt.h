/* Running XSLT 1.0 stylesheets (libxslt, with EXSLT common, sets, strings and math) on meeting
 * documents: safe loading, no file writes or network, reads only under xml/ and xsl/, the
 * md:line() extension, limits, and libxslt's messages as diagnostics. See docs/xslt.md. */
#ifndef MD_XSLT_H
#define MD_XSLT_H

#include "base.h"
#include "buf.h"
#include "diag.h"
#include "xml.h"

/* The namespace of motesdok's extension functions: md:line(). */
#define MD_XSLT_NS "urn:motesdok:xslt"

/* Most instructions and templates nested at once (libxslt counts each xsl:if, xsl:for-each,
 * template … level). 3000 levels need under 2 MB of C stack even in the sanitize build, a
 * quarter of the usual 8 MB. A deeper transform stops with MD_ELIMIT. */
#define MD_XSLT_MAX_DEPTH 3000
/* Most variables and params alive at once, over all nested templates. */
#define MD_XSLT_MAX_VARS 15000

typedef struct md_xslt md_xslt;

/* Reads and compiles the stylesheet at path (the file may be anywhere; its xsl:import and
 * xsl:include may reach only files under root/xsl). root is the project folder ("." from the
 * repository): at run time document() may read only under root/xml and root/xsl. On MD_OK
 * *out is the caller's (md_xslt_free); MD_EINPUT with the reasons in d; MD_EIO when path
 * cannot be read. Like libxslt, not thread-safe: one md_xslt call at a time per process. */
md_status md_xslt_load(const char *root, const char *path, md_diags *d, md_xslt **out);

/* Transforms doc (which is not changed) and appends the result, serialised as the
 * stylesheet's xsl:output says, to out. params is NULL or a NULL-terminated list of name,
 * value, name, value, …; every value is passed as a string. Without "build-date" in params,
 * $build-date is the meeting's date attribute. MD_EINPUT when the transform reported an error
 * (xsl:message terminate="yes", a refused read or write, an XPath error), MD_ELIMIT when it
 * ran into MD_XSLT_MAX_DEPTH or MD_XSLT_MAX_VARS; the reasons are in d and out is unchanged.
 * xsl:message without terminate becomes a warning in d. */
md_status md_xslt_run(md_xslt *x, const md_xml_doc *doc, const char *const *params, md_diags *d,
                      md_buf *out);

/* The build date "YYYY-MM-DD" for $build-date, never from the clock: from epoch, the text of
 * SOURCE_DATE_EPOCH (seconds since 1970-01-01 UTC), or when epoch is NULL or empty from doc's
 * date attribute ("" when doc is NULL or has none). Writes at most 11 bytes to out. MD_EINPUT
 * with a diagnostic when epoch is not a number of seconds up to the year 9999. */
md_status md_xslt_build_date(const char *epoch, const md_xml_doc *doc, md_diags *d, char out[11]);

/* Releases x; NULL is fine. */
void md_xslt_free(md_xslt *x);

/* As md_xslt_load, but the compiled stylesheet is kept for the rest of the process (motesdok
 * batch): a later call with the same root and path returns the same md_xslt without reading
 * or compiling anything, so the compiler's warnings are reported only by the call that
 * compiled it. *out is borrowed: never md_xslt_free it; md_xslt_kept_free releases them all.
 * A stylesheet that fails to compile is not kept (the next call tries again). */
md_status md_xslt_load_kept(const char *root, const char *path, md_diags *d, md_xslt **out);

/* Releases every stylesheet md_xslt_load_kept kept. */
void md_xslt_kept_free(void);

#endif
