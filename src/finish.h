/* The finishing step after Cairo: turns the tagged PDF that cairo 1.16 writes into PDF/A-2a
 * and PDF/UA-1 (ISO 19005-2, ISO 14289-1) with qpdf's C API: language, title display, XMP,
 * sRGB output intent, artifacts, /Alt, /Scope, link descriptions, /ID, linearized output.
 * What is checked and what is not: docs/pdf.md. */
#ifndef MD_FINISH_H
#define MD_FINISH_H

#include <stddef.h>

#include "base.h"
#include "buf.h"
#include "canvas.h"
#include "diag.h"

/* What the page builder drew that the PDF does not keep (cairo 1.16 drops it): each
 * structure tag's role, language, a figure's alternative text and a link's text. */
typedef struct md_finish md_finish;

typedef struct md_finish_opts {
    const char *lang;     /* the document's language for the catalog, BCP 47 ("sv-SE") */
    const char *date;     /* "YYYY-MM-DDThh:mm:ss" (UTC) for Info and XMP; NULL: no dates */
    const char *icc_path; /* an RGB ICC profile for the output intent (sRGB) */
    const char *source;   /* the file diagnostics name (the layout tree), or NULL */
} md_finish_opts;

/* On MD_OK *out is the caller's (md_finish_free). */
md_status md_finish_new(md_finish **out);
/* NULL is fine. */
void md_finish_free(md_finish *f);
/* A canvas that records into f and draws on inner. A tag's attrs may carry lang='en-GB':
 * it is recorded and taken out of what inner sees. Valid until md_finish_free(f). */
md_canvas md_finish_canvas(md_finish *f, md_canvas inner);

/* Reads the PDF that Cairo wrote at in_path (drawn through md_finish_canvas(f, …)), finishes
 * it and appends the new file's bytes to out; the same input gives the same bytes.
 * MD_EINPUT: the document cannot conform (a figure without alternative text); MD_EIO: the
 * input or the profile cannot be read; MD_EBUG: qpdf failed or the tags drawn do not match
 * the structure tree. Reasons are in d; out is unchanged then. */
md_status md_finish_pdf(md_finish *f, const char *in_path, const md_finish_opts *o, md_buf *out,
                        md_diags *d);
/* As md_finish_pdf for Cairo's PDF in memory (len bytes at in, named name in messages). */
md_status md_finish_pdf_memory(md_finish *f, const char *in, size_t len, const char *name,
                               const md_finish_opts *o, md_buf *out, md_diags *d);

/* Rewrites a page's content stream so that every drawing outside marked content is enclosed
 * in "/Artifact BMC … EMC" (ISO 14289-1 §7.1); marked content is left as it is. Appends to
 * out. MD_EINPUT: unbalanced BDC/BMC/EMC or an unterminated string or inline image. */
md_status md_finish_artifacts(const char *in, size_t len, md_buf *out);

/* Document information for the XMP packet, UTF-8; NULL members are left out. */
typedef struct md_finish_info {
    const char *title, *author, *subject, *keywords, *creator, *producer;
    const char *date; /* "YYYY-MM-DDThh:mm:ss" (UTC) */
} md_finish_info;

/* Appends an XMP packet that agrees with info and declares PDF/A-2a and PDF/UA-1. */
md_status md_finish_xmp(const md_finish_info *info, md_buf *out);

/* "YYYY-MM-DDThh:mm:ss" → "D:YYYYMMDDhhmmssZ" (ISO 32000-1 §7.9.4) in out (18 bytes).
 * MD_EINPUT when iso is not in that form. */
md_status md_finish_pdf_date(const char *iso, char out[18]);

#endif
