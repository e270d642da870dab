/* The canvas on Cairo's PDF surface: glyph runs with their text (cairo_show_text_glyphs),
 * rectangles, structure tags, and metadata; written atomically through out.h. */
#ifndef MD_PDF_H
#define MD_PDF_H

#include "base.h"
#include "canvas.h"
#include "buf.h"
#include "diag.h"

typedef struct md_pdf_meta {
    const char *title;
    const char *author;
    const char *subject;
    const char *keywords;
    const char *creator;
    /* ISO 8601 "YYYY-MM-DDThh:mm:ss", from the meeting or SOURCE_DATE_EPOCH, never the
     * clock; NULL leaves the dates out. */
    const char *date;
} md_pdf_meta;

typedef struct md_pdf md_pdf;

/* Starts a PDF at path (written to a temporary file until md_pdf_close). meta is copied.
 * On MD_OK *out is the caller's: md_pdf_close or md_pdf_abort. */
md_status md_pdf_open(const char *path, const md_pdf_meta *meta, md_diags *d, md_pdf **out);
/* As md_pdf_open, but the PDF is added to mem (the caller's) as Cairo writes it: nothing is
 * written to a file. */
md_status md_pdf_open_buf(md_buf *mem, const md_pdf_meta *meta, md_pdf **out);
/* The canvas to draw on; valid until md_pdf_close/md_pdf_abort. */
md_canvas md_pdf_canvas(md_pdf *p);
/* Finishes the PDF and renames it into place; frees p. On failure the previous file at the
 * path is untouched and the reason is in d. */
md_status md_pdf_close(md_pdf *p, md_diags *d);
/* Drops the PDF being written; the previous file is untouched. NULL is fine. */
void md_pdf_abort(md_pdf *p);

/* Converts the time t (seconds since 1970, UTC) to "YYYY-MM-DDThh:mm:ss" in out (20 bytes). */
void md_pdf_date_from_epoch(long long t, char out[20]);

#endif
