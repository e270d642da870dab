/* A canvas that writes what is drawn as text, one line per glyph run, rectangle and tag,
 * with positions in sp, for golden tests that compare layouts exactly. */
#ifndef MD_TRACE_H
#define MD_TRACE_H

#include "base.h"
#include "buf.h"
#include "canvas.h"

typedef struct md_trace md_trace;

/* A trace canvas appending to out (borrowed; it must outlive the trace). NULL when out of
 * memory. Release with md_trace_free. */
md_trace *md_trace_new(md_buf *out, const char *(*font_name)(const md_font *));
void md_trace_free(md_trace *t);
/* The canvas interface of t; valid until md_trace_free(t). */
md_canvas md_trace_canvas(md_trace *t);

#endif
