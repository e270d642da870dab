/* Images: SVG through librsvg 2.54 (rsvg_handle_render_document, vector output) and PNG through
 * cairo's PNG reader, told apart by their first bytes. Sizes at 96 px per inch, as CSS and
 * librsvg count pixels. Lengths become doubles here and in pdf.c only. */
#include "img.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <cairo.h>
#include <librsvg/rsvg.h>

#include "img-cairo.h"

/* Points per CSS pixel: 72 pt per inch / 96 px per inch. */
#define PT_PER_PX 0.75
/* Largest side accepted, in points: md_sp holds up to 32767 pt; no page is near this. */
#define MAX_PT 14400.0

typedef enum kind { K_NONE, K_PNG, K_SVG, K_OTHER } kind;

/* What the file at path is, from its first bytes; errno is kept for K_NONE (unreadable).
 * other (at least 32 bytes) gets a name for a known format that we do not read. */
static kind
kind_of(const char *path, char *other, size_t other_len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return K_NONE;
    unsigned char b[64];
    size_t n = fread(b, 1, sizeof b, f);
    int err = ferror(f) ? errno : 0;
    fclose(f);
    if (err != 0) {
        errno = err;
        return K_NONE;
    }
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (n >= 8 && memcmp(b, png, 8) == 0)
        return K_PNG;
    size_t i = 0;
    if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        i = 3; /* UTF-8 byte order mark */
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        i++;
    if (i < n && b[i] == '<')
        return K_SVG; /* XML; librsvg says if it is not SVG */
    const char *name = "unknown";
    if (n >= 4 && memcmp(b, "GIF8", 4) == 0)
        name = "GIF";
    else if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        name = "JPEG";
    else if (n >= 4 && memcmp(b, "%PDF", 4) == 0)
        name = "PDF";
    else if (n >= 12 && memcmp(b, "RIFF", 4) == 0 && memcmp(b + 8, "WEBP", 4) == 0)
        name = "WebP";
    else if (n >= 2 && b[0] == 0x1F && b[1] == 0x8B)
        name = "gzip (SVGZ?)";
    snprintf(other, other_len, "%s", name);
    return K_OTHER;
}

static md_sp
sp_from_px(double px)
{
    return (md_sp)(px * PT_PER_PX * MD_SP_PER_PT + 0.5);
}

/* Parsed SVG files, kept for the process: a document reads each figure twice (its size, then
 * drawing it) and the brand's logo is in every document a batch makes. An entry is used only
 * while the file's device, inode, size and modification time are the ones it was read with. */
#define SVG_CACHE 8

typedef struct svg_entry {
    char *path;
    struct stat sb;
    RsvgHandle *hd;
} svg_entry;

static svg_entry svg_cache[SVG_CACHE];
static size_t svg_next; /* the entry replaced next: the oldest */

static int
same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* The parsed SVG at path (a new reference: g_object_unref it), at 96 dpi; NULL with *err set
 * (when err is not NULL) when librsvg cannot read it. */
static RsvgHandle *
svg_open(const char *path, GError **err)
{
    struct stat sb;
    int has_stat = stat(path, &sb) == 0;
    for (size_t i = 0; has_stat && i < SVG_CACHE; i++) {
        svg_entry *e = &svg_cache[i];
        if (e->path != NULL && strcmp(e->path, path) == 0 && same_file(&e->sb, &sb))
            return g_object_ref(e->hd);
    }
    RsvgHandle *hd = rsvg_handle_new_from_file(path, err);
    if (hd == NULL)
        return NULL;
    rsvg_handle_set_dpi(hd, 96.0);
    char *copy = has_stat ? md_strdup(path) : NULL;
    if (copy != NULL) {
        svg_entry *e = &svg_cache[svg_next];
        svg_next = (svg_next + 1) % SVG_CACHE;
        if (e->hd != NULL)
            g_object_unref(e->hd);
        md_free(e->path);
        *e = (svg_entry){copy, sb, g_object_ref(hd)};
    }
    return hd;
}

static md_status
svg_size(const char *path, md_diags *d, md_sp *w, md_sp *h)
{
    GError *err = NULL;
    RsvgHandle *hd = svg_open(path, &err);
    if (hd == NULL) {
        md_diag_add(d, MD_DIAG_WARNING, path, 0, 0, "not a readable SVG image: %s",
                    err != NULL ? err->message : "librsvg gave no reason");
        if (err != NULL)
            g_error_free(err);
        return MD_EINPUT;
    }
    double pw = 0, ph = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(hd, &pw, &ph)) {
        /* No width and height, or percentages: the viewBox gives the proportions and its
         * units count as pixels. */
        gboolean has_w, has_h, has_vb;
        RsvgLength lw, lh;
        RsvgRectangle vb;
        rsvg_handle_get_intrinsic_dimensions(hd, &has_w, &lw, &has_h, &lh, &has_vb, &vb);
        if (has_vb)
            pw = vb.width, ph = vb.height;
    }
    g_object_unref(hd);
    if (!(pw > 0 && ph > 0 && pw * PT_PER_PX <= MAX_PT && ph * PT_PER_PX <= MAX_PT)) {
        md_diag_add(d, MD_DIAG_WARNING, path, 0, 0,
                    "the SVG image has no usable size (%g × %g px); give the <svg> element "
                    "width, height and a viewBox",
                    pw, ph);
        return MD_EINPUT;
    }
    *w = sp_from_px(pw);
    *h = sp_from_px(ph);
    return MD_OK;
}

/* The "too large" warning; MD_EINPUT. */
static md_status
png_too_large(const char *path, md_diags *d, double pw, double ph)
{
    md_diag_add(d, MD_DIAG_WARNING, path, 0, 0,
                "the PNG image is too large (%g × %g px, more than %g pt at 96 dpi)", pw, ph,
                MAX_PT);
    return MD_EINPUT;
}

static int
is_too_large(double pw, double ph)
{
    return pw * PT_PER_PX > MAX_PT || ph * PT_PER_PX > MAX_PT;
}

/* The size in the PNG's header (IHDR, the first chunk: width and height as big-endian 32-bit
 * numbers at bytes 16 to 23), read before anything is decoded: a 20,000 × 20,000 px image
 * would take 1.6 GB and seconds to decode only to be refused. 0 when the header is not
 * there; cairo's reader then says what is wrong. */
static int
png_header_size(const char *path, double *pw, double *ph)
{
    unsigned char b[24];
    FILE *f = fopen(path, "rb");
    size_t n = f != NULL ? fread(b, 1, sizeof b, f) : 0;
    if (f != NULL)
        fclose(f);
    if (n < sizeof b || memcmp(b + 12, "IHDR", 4) != 0)
        return 0;
    *pw = (double)((uint32_t)b[16] << 24 | (uint32_t)b[17] << 16 | (uint32_t)b[18] << 8 | b[19]);
    *ph = (double)((uint32_t)b[20] << 24 | (uint32_t)b[21] << 16 | (uint32_t)b[22] << 8 | b[23]);
    return 1;
}

static md_status
png_size(const char *path, md_diags *d, md_sp *w, md_sp *h)
{
    double hw, hh;
    if (png_header_size(path, &hw, &hh) && is_too_large(hw, hh))
        return png_too_large(path, d, hw, hh);
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    cairo_status_t cs = cairo_surface_status(s);
    md_status st = MD_OK;
    if (cs == CAIRO_STATUS_NO_MEMORY) {
        st = MD_ENOMEM;
    } else if (cs != CAIRO_STATUS_SUCCESS) {
        md_diag_add(d, MD_DIAG_WARNING, path, 0, 0, "not a readable PNG image: %s",
                    cairo_status_to_string(cs));
        st = MD_EINPUT;
    } else {
        double pw = cairo_image_surface_get_width(s), ph = cairo_image_surface_get_height(s);
        if (is_too_large(pw, ph)) {
            st = png_too_large(path, d, pw, ph);
        } else {
            *w = sp_from_px(pw);
            *h = sp_from_px(ph);
        }
    }
    cairo_surface_destroy(s);
    return st;
}

md_status
md_img_size(const char *path, md_diags *d, md_sp *w, md_sp *h)
{
    char other[32];
    switch (kind_of(path, other, sizeof other)) {
    case K_PNG: return png_size(path, d, w, h);
    case K_SVG: return svg_size(path, d, w, h);
    case K_NONE:
        md_diag_add(d, MD_DIAG_WARNING, path, 0, 0, "cannot read the image: %s", strerror(errno));
        return MD_EIO;
    default:
        md_diag_add(d, MD_DIAG_WARNING, path, 0, 0,
                    "not an SVG or PNG image (the file looks like %s); motesdok reads SVG and PNG "
                    "only: convert it",
                    other);
        return MD_EINPUT;
    }
}

static double
pt(md_sp v)
{
    return (double)v / MD_SP_PER_PT;
}

static md_status
status_of(cairo_t *cr)
{
    cairo_status_t cs = cairo_status(cr);
    if (cs == CAIRO_STATUS_NO_MEMORY)
        return MD_ENOMEM;
    return cs == CAIRO_STATUS_SUCCESS ? MD_OK : MD_EBUG;
}

static md_status
draw_png(cairo_t *cr, const char *path, md_sp x, md_sp y, md_sp w, md_sp h)
{
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    cairo_status_t cs = cairo_surface_status(s);
    int iw = cs == CAIRO_STATUS_SUCCESS ? cairo_image_surface_get_width(s) : 0;
    int ih = cs == CAIRO_STATUS_SUCCESS ? cairo_image_surface_get_height(s) : 0;
    md_status st = cs == CAIRO_STATUS_NO_MEMORY ? MD_ENOMEM : MD_EINPUT;
    if (iw > 0 && ih > 0) {
        cairo_save(cr);
        cairo_translate(cr, pt(x), pt(y));
        cairo_scale(cr, pt(w) / iw, pt(h) / ih);
        cairo_set_source_surface(cr, s, 0, 0);
        cairo_rectangle(cr, 0, 0, iw, ih);
        cairo_fill(cr);
        cairo_restore(cr);
        st = status_of(cr);
    }
    cairo_surface_destroy(s);
    return st;
}

static md_status
draw_svg(cairo_t *cr, const char *path, md_sp x, md_sp y, md_sp w, md_sp h)
{
    RsvgHandle *hd = svg_open(path, NULL);
    if (hd == NULL)
        return MD_EINPUT;
    RsvgRectangle vp = {pt(x), pt(y), pt(w), pt(h)};
    md_status st = rsvg_handle_render_document(hd, cr, &vp, NULL) ? status_of(cr) : MD_EINPUT;
    g_object_unref(hd);
    return st;
}

md_status
md_img_draw(cairo_t *cr, const char *path, md_sp x, md_sp y, md_sp w, md_sp h)
{
    char other[32];
    switch (kind_of(path, other, sizeof other)) {
    case K_PNG: return draw_png(cr, path, x, y, w, h);
    case K_SVG: return draw_svg(cr, path, x, y, w, h);
    default: return MD_EINPUT;
    }
}
