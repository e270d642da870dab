/* Bridge from an md_font to the HarfBuzz and FreeType objects behind it (STYLE.md §5): only
 * font.c, shape.c and pdf.c include this header. Both objects read the same bytes of the
 * font file, loaded once by md_font_set_load. */
#ifndef MD_FONT_HB_H
#define MD_FONT_HB_H

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include "base.h"
#include "font.h"

/* The HarfBuzz font of f (OpenType functions, unhinted) with its scale set to size, so that
 * every position HarfBuzz returns is in md_sp: one unit is 1/65536 pt and an em is size units.
 * HarfBuzz rounds each value once, in integer arithmetic. Borrowed: valid as long as f; the
 * scale holds until the next call with another size. */
hb_font_t *md_font_hb(md_font *f, md_sp size);

/* The FreeType face of f, for cairo_ft_font_face_create_for_ft_face. Borrowed: valid as long
 * as f, so pdf.c keeps f (md_font_keep) and drops it in the Cairo font face's destroy
 * callback (cairo_font_face_set_user_data). Cairo may set the face's char size; md_font never
 * relies on it. */
FT_Face md_font_ft(md_font *f);

#endif
