/* Bridge between img.c and pdf.c: drawing an image onto a cairo context. Only those two files
 * include it (tools/check-includes.sh). */
#ifndef MD_IMG_CAIRO_H
#define MD_IMG_CAIRO_H

#include <cairo.h>

#include "base.h"

/* Draws the image at path scaled into the box x, y, w, h (md_sp, y downwards; cairo's user
 * space in points): SVG as vectors (as rsvg_handle_render_document draws it: the SVG's
 * own preserveAspectRatio inside the box), PNG as a scaled image. MD_EINPUT: not SVG or PNG, or
 * broken (the caller names the file: md_img_size found it good before); MD_ENOMEM. */
md_status md_img_draw(cairo_t *cr, const char *path, md_sp x, md_sp y, md_sp w, md_sp h);

#endif
