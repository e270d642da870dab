/* Images for the page builder and the PDF canvas: SVG (a small subset read by img.c itself,
 * the rest by librsvg 2.54, loaded at run time) and PNG (cairo) files, recognised by their
 * first bytes, not their names. Intrinsic sizes here; drawing onto a cairo context in
 * img-cairo.h, which only pdf.c includes. */
#ifndef MD_IMG_H
#define MD_IMG_H

#include "base.h"
#include "diag.h"

/* The intrinsic size of the image at path in md_sp, at 96 pixels per inch (CSS px; a PNG's
 * pHYs is ignored): an SVG's width and height, else its viewBox; a PNG's pixels. On MD_OK
 * *w and *h are set and positive. MD_EIO: the file cannot be read; MD_EINPUT: not SVG or
 * PNG, or broken. Either way a warning located at path is in d. MD_EBUG with an error in d:
 * an SVG outside img.c's own subset, and librsvg (loaded at run time for the first such SVG)
 * cannot be loaded. */
md_status md_img_size(const char *path, md_diags *d, md_sp *w, md_sp *h);

#endif
