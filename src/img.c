/* Images: SVG and PNG files, told apart by their first bytes. An SVG inside a small subset
 * (the brand logos, simple figures) is read here and drawn with the cairo operations librsvg
 * 2.54 makes for it; any other goes to librsvg (rsvg_handle_render_document, vector output),
 * loaded with dlopen the first time one is read, not linked: it brings 15 shared libraries
 * (Pango, GIO, GdkPixbuf …) that most processes would map and relocate for nothing. PNG
 * through cairo's PNG reader. Sizes at 96 px per inch, as CSS and librsvg count pixels.
 * Lengths become doubles here and in pdf.c only. */
#include "img.h"

#include <dlfcn.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cairo.h>
#include <librsvg/rsvg.h>

#include "buf.h"
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

/* librsvg's run-time name (Debian's librsvg2-2 for librsvg2-dev's headers, 2.54). */
#define RSVG_SONAME "librsvg-2.so.2"

/* The librsvg and GLib functions img.c calls, looked up in the library loaded at run time;
 * __typeof__ of the declarations in <librsvg/rsvg.h> keeps each pointer's type the header's
 * (a name mentioned only there makes no link-time reference). */
static struct {
    int is_tried; /* dlopen was tried: lib or why is set */
    void *lib;    /* never closed: svg_cache's handles and GLib's types live in it */
    char why[256];
    __typeof__(rsvg_handle_new_from_file) *new_from_file;
    __typeof__(rsvg_handle_set_dpi) *set_dpi;
    __typeof__(rsvg_handle_get_intrinsic_size_in_pixels) *size_in_pixels;
    __typeof__(rsvg_handle_get_intrinsic_dimensions) *dimensions;
    __typeof__(rsvg_handle_render_document) *render_document;
    __typeof__(g_object_ref) *object_ref;
    __typeof__(g_object_unref) *object_unref;
    __typeof__(g_error_free) *error_free;
} rsvg;

/* The address of symbol name in rsvg.lib, or NULL with rsvg.why set. */
static void *
rsvg_sym(const char *name)
{
    void *f = dlsym(rsvg.lib, name);
    if (f == NULL)
        snprintf(rsvg.why, sizeof rsvg.why, "%s has no %s (librsvg 2.52 or later is needed)",
                 RSVG_SONAME, name);
    return f;
}

/* Sets rsvg.field to the function fn of the loaded library; 0 when it is not there. POSIX
 * guarantees that dlsym's void * converts to a function pointer. */
#define RSVG_LOOKUP(field, fn) ((rsvg.field = (__typeof__(&fn))rsvg_sym(#fn)) != NULL)

/* Loads librsvg once per process (each of a batch's workers loads it once). When it cannot be
 * loaded: MD_EBUG with an error located at path in d (when d is not NULL), each time, so
 * that the document is not made without its figures (the page builder leaves out an image
 * on MD_EIO or MD_EINPUT only). */
static md_status
rsvg_load(const char *path, md_diags *d)
{
    if (!rsvg.is_tried) {
        rsvg.is_tried = 1;
        rsvg.lib = dlopen(RSVG_SONAME, RTLD_NOW | RTLD_LOCAL);
        if (rsvg.lib == NULL) {
            const char *e = dlerror();
            snprintf(rsvg.why, sizeof rsvg.why, "%s", e != NULL ? e : RSVG_SONAME);
        } else if (!(RSVG_LOOKUP(new_from_file, rsvg_handle_new_from_file) &&
                     RSVG_LOOKUP(set_dpi, rsvg_handle_set_dpi) &&
                     RSVG_LOOKUP(size_in_pixels, rsvg_handle_get_intrinsic_size_in_pixels) &&
                     RSVG_LOOKUP(dimensions, rsvg_handle_get_intrinsic_dimensions) &&
                     RSVG_LOOKUP(render_document, rsvg_handle_render_document) &&
                     RSVG_LOOKUP(object_ref, g_object_ref) &&
                     RSVG_LOOKUP(object_unref, g_object_unref) &&
                     RSVG_LOOKUP(error_free, g_error_free))) {
            rsvg.lib = NULL; /* left loaded: unloading GLib once it has started is not safe */
        }
    }
    if (rsvg.lib != NULL)
        return MD_OK;
    if (d != NULL)
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0,
                    "cannot read SVG images: librsvg could not be loaded (%s); install Debian's "
                    "librsvg2-2 (tools/deps.sh build)",
                    rsvg.why);
    return MD_EBUG;
}

static md_sp
sp_from_px(double px)
{
    return (md_sp)(px * PT_PER_PX * MD_SP_PER_PT + 0.5);
}

static md_status status_of(cairo_t *cr);

/* --- SVG read without librsvg ------------------------------------------------------------ */

/* Loading librsvg costs a process about 6 ms and 10 MB (its 15 libraries, then GLib's and
 * Rust's set-up), a fifth of a 3-page document, and every document has the brand's logo. A
 * file inside the small subset below, which the logos and simple figures keep to, is read
 * here and drawn with the cairo operations librsvg 2.54 makes for it, so the PDF has the same
 * bytes (tests/unit/img_test.c compares the two operation by operation through cairo's
 * script surface). Any other file goes to librsvg, which also words the warnings about broken
 * files: nothing here reports an error, it only declines.
 *
 * The subset: UTF-8 without DOCTYPE, CDATA, entities or processing instructions (but the XML
 * declaration); an <svg> root in the SVG namespace with a viewBox, and width and height as
 * plain numbers (px) or neither; <title> and <desc> holding text; <rect> (rx, ry), <circle>,
 * <polygon> and <path> (M L H V C S Q T Z, absolute and relative; no arcs), each with fill
 * and stroke as none, #rgb or #rrggbb, stroke-width, stroke-linecap, stroke-linejoin,
 * fill-rule and id; no other element or attribute (no style, class, transform, group,
 * opacity or namespace prefix). */

/* Largest file read here, in bytes; a larger one goes to librsvg. */
#define LITE_MAX_BYTES (1u << 20)
/* Largest number read here (a coordinate in px); a larger one goes to librsvg. */
#define LITE_MAX_NUMBER 1e6
/* Attributes of one element: more, and the file goes to librsvg. */
#define LITE_MAX_ATTRS 16

typedef enum lite_op { L_MOVE, L_LINE, L_CURVE, L_CLOSE } lite_op;

typedef struct lite_shape {
    size_t op0, ops_len; /* its path: ops_len operations from lite.ops[op0] */
    size_t pt0;          /* and their coordinates from lite.pts[pt0] */
    int has_fill, has_stroke;
    double fill[3], stroke[3]; /* red, green, blue from 0 to 1 */
    double width;              /* stroke-width in user units */
    cairo_line_cap_t cap;
    cairo_line_join_t join;
    cairo_fill_rule_t rule;
} lite_shape;

/* An SVG read here: its viewBox, intrinsic size in px and shapes in document order. */
typedef struct svg_lite {
    double vb[4]; /* x, y, width, height */
    double w, h;
    lite_shape *shapes;
    size_t shapes_len, shapes_cap;
    unsigned char *ops; /* lite_op */
    size_t ops_len, ops_cap;
    double *pts; /* 2 per move and line, 6 per curve */
    size_t pts_len, pts_cap;
} svg_lite;

static void
lite_free(svg_lite *l)
{
    if (l == NULL)
        return;
    md_free(l->shapes);
    md_free(l->ops);
    md_free(l->pts);
    md_free(l);
}

/* A span of the file: an attribute's name or value. */
typedef struct span {
    const char *s;
    size_t len;
} span;

static int
span_is(span a, const char *lit)
{
    return a.len == strlen(lit) && memcmp(a.s, lit, a.len) == 0;
}

/* A number of SVG's grammar at *p (sign, digits, fraction, exponent; no unit); *p moves past
 * it. 0 when there is none or it is larger than LITE_MAX_NUMBER. */
static int
lite_number(const char **p, const char *end, double *v)
{
    const char *s = *p;
    char tmp[64];
    size_t n = 0;
    if (s < end && (*s == '+' || *s == '-'))
        s++;
    size_t digits = 0;
    while (s < end && *s >= '0' && *s <= '9')
        s++, digits++;
    if (s < end && *s == '.') {
        s++;
        size_t fraction = 0;
        while (s < end && *s >= '0' && *s <= '9')
            s++, fraction++;
        if (fraction == 0)
            return 0; /* "5." is left to librsvg */
        digits += fraction;
    }
    if (digits == 0)
        return 0;
    if (s < end && (*s == 'e' || *s == 'E')) {
        const char *e = s + 1;
        if (e < end && (*e == '+' || *e == '-'))
            e++;
        if (e < end && *e >= '0' && *e <= '9') {
            while (e < end && *e >= '0' && *e <= '9')
                e++;
            s = e;
        }
    }
    n = (size_t)(s - *p);
    if (n >= sizeof tmp)
        return 0;
    memcpy(tmp, *p, n);
    tmp[n] = '\0';
    char *stop = NULL;
    double x = strtod(tmp, &stop);
    /* Beyond a million the drawing is far off any page, and cairo's fixed-point coordinates
     * would overflow: left to librsvg. */
    if (stop != tmp + n || !(fabs(x) <= LITE_MAX_NUMBER))
        return 0;
    *v = x;
    *p = s;
    return 1;
}

/* A number as librsvg reads one outside path data (lengths, viewBox, points: CSS numbers,
 * which it keeps in single precision). */
static int
lite_css_number(const char **p, const char *end, double *v)
{
    double x;
    if (!lite_number(p, end, &x))
        return 0;
    *v = (double)(float)x;
    return 1;
}

static int
is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
skip_space(const char **p, const char *end)
{
    while (*p < end && is_xml_space(**p))
        (*p)++;
}

/* Whitespace with at most one comma in it, as between SVG numbers. */
static void
skip_comma_space(const char **p, const char *end)
{
    skip_space(p, end);
    if (*p < end && **p == ',') {
        (*p)++;
        skip_space(p, end);
    }
}

/* Between two numbers of a list outside path data: whitespace, or a comma and whitespace.
 * 0 for anything else: librsvg refuses "19+5" there (path data allows it) and, between two
 * points of a polygon, whitespace before a comma. */
static int
skip_separator(const char **p, const char *end)
{
    const char *before = *p;
    skip_space(p, end);
    if (*p < end && **p == ',') {
        if (*p != before)
            return 0;
        (*p)++;
        skip_space(p, end);
    }
    return *p != before;
}

/* The whole of v as one number (surrounding whitespace allowed); 0 otherwise. */
static int
lite_number_attr(span v, double *out)
{
    const char *p = v.s, *end = v.s + v.len;
    skip_space(&p, end);
    if (!lite_css_number(&p, end, out))
        return 0;
    skip_space(&p, end);
    return p == end;
}

static int
hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* fill or stroke: "none" (*has = 0) or #rgb / #rrggbb, each channel from 0 to 1 as librsvg
 * computes it. 0 for anything else. */
static int
lite_paint(span v, int *has, double rgb[3])
{
    if (span_is(v, "none")) {
        *has = 0;
        return 1;
    }
    if ((v.len != 4 && v.len != 7) || v.s[0] != '#')
        return 0;
    for (int i = 0; i < 3; i++) {
        int hi, lo;
        if (v.len == 4) {
            hi = lo = hex_digit(v.s[1 + i]);
        } else {
            hi = hex_digit(v.s[1 + 2 * i]);
            lo = hex_digit(v.s[2 + 2 * i]);
        }
        if (hi < 0 || lo < 0)
            return 0;
        rgb[i] = (double)((float)(hi * 16 + lo) / 255.0f); /* as librsvg: in single precision */
    }
    *has = 1;
    return 1;
}

static md_status
lite_op_add(svg_lite *l, lite_op op, const double *pts, size_t n)
{
    if (md_grow(&l->ops, &l->ops_cap, l->ops_len + 1, 1, 64) != MD_OK ||
        md_grow(&l->pts, &l->pts_cap, l->pts_len + n, sizeof *l->pts, 128) != MD_OK)
        return MD_ENOMEM;
    l->ops[l->ops_len++] = (unsigned char)op;
    for (size_t i = 0; i < n; i++)
        l->pts[l->pts_len++] = pts[i];
    return MD_OK;
}

static md_status
lite_move(svg_lite *l, double x, double y)
{
    return lite_op_add(l, L_MOVE, (double[]){x, y}, 2);
}

static md_status
lite_line(svg_lite *l, double x, double y)
{
    return lite_op_add(l, L_LINE, (double[]){x, y}, 2);
}

static md_status
lite_curve(svg_lite *l, double x1, double y1, double x2, double y2, double x, double y)
{
    return lite_op_add(l, L_CURVE, (double[]){x1, y1, x2, y2, x, y}, 6);
}

static md_status
lite_close(svg_lite *l)
{
    return lite_op_add(l, L_CLOSE, NULL, 0);
}

/* The path data d (SVG 1.1 §8.3) as moves, lines, cubic curves and closes: quadratic curves
 * raised to cubic ones, S and T reflecting the previous control point. MD_EINPUT for
 * anything but a well-formed path of M L H V C S Q T Z (librsvg draws a broken path up to
 * the error: that is left to it). */
static md_status
lite_path(svg_lite *l, span d)
{
    const char *p = d.s, *end = d.s + d.len;
    double cx = 0, cy = 0, sx = 0, sy = 0; /* current point, start of the subpath */
    double rx = 0, ry = 0;                 /* the control point S or T reflects */
    char prev = 0, cmd = 0;
    int is_drawn = 1; /* the subpath has a segment: a lone moveto is left to librsvg */
    md_status st = MD_OK;
    skip_space(&p, end);
    if (p == end)
        return MD_EINPUT; /* an empty d draws nothing; keep librsvg's reading of it */
    while (st == MD_OK) {
        skip_space(&p, end);
        if (p == end)
            break;
        /* A comma only between the numbers of repeated commands (§8.3.9). */
        int has_comma = *p == ',';
        if (has_comma)
            skip_comma_space(&p, end);
        if (p == end) {
            return MD_EINPUT;
        } else if (strchr("MmLlHhVvCcSsQqTtZz", *p) != NULL && *p != '\0') {
            if (has_comma)
                return MD_EINPUT;
            cmd = *p++;
        } else if (cmd == 0 || cmd == 'Z' || cmd == 'z') {
            return MD_EINPUT; /* numbers with no command, or after Z */
        } else if (cmd == 'M') {
            cmd = 'L'; /* pairs after a moveto are linetos (§8.3.2) */
        } else if (cmd == 'm') {
            cmd = 'l';
        }
        if (prev == 0 && cmd != 'M' && cmd != 'm')
            return MD_EINPUT;
        int rel = cmd >= 'a';
        double ox = rel ? cx : 0, oy = rel ? cy : 0;
        double v[6];
        int n = 0, want = 0;
        switch (cmd) {
        case 'M':
        case 'm':
        case 'L':
        case 'l':
        case 'T':
        case 't': want = 2; break;
        case 'H':
        case 'h':
        case 'V':
        case 'v': want = 1; break;
        case 'C':
        case 'c': want = 6; break;
        case 'S':
        case 's':
        case 'Q':
        case 'q': want = 4; break;
        default: want = 0; break;
        }
        for (n = 0; n < want; n++) {
            if (n > 0)
                skip_comma_space(&p, end);
            else
                skip_space(&p, end);
            if (!lite_number(&p, end, &v[n]))
                return MD_EINPUT;
        }
        char up = (char)(rel ? cmd - 32 : cmd);
        if (up == 'M' && !is_drawn)
            return MD_EINPUT;
        is_drawn = up != 'M' && up != 'Z' ? 1 : up == 'M' ? 0 : is_drawn;
        switch (up) {
        case 'M':
            cx = sx = ox + v[0], cy = sy = oy + v[1];
            st = lite_move(l, cx, cy);
            break;
        case 'L':
            cx = ox + v[0], cy = oy + v[1];
            st = lite_line(l, cx, cy);
            break;
        case 'H':
            cx = ox + v[0];
            st = lite_line(l, cx, cy);
            break;
        case 'V':
            cy = oy + v[0];
            st = lite_line(l, cx, cy);
            break;
        case 'C':
            rx = ox + v[2], ry = oy + v[3];
            st = lite_curve(l, ox + v[0], oy + v[1], rx, ry, ox + v[4], oy + v[5]);
            cx = ox + v[4], cy = oy + v[5];
            break;
        case 'S': {
            int after_c = prev == 'C' || prev == 'S';
            double x1 = after_c ? 2 * cx - rx : cx, y1 = after_c ? 2 * cy - ry : cy;
            rx = ox + v[0], ry = oy + v[1];
            st = lite_curve(l, x1, y1, rx, ry, ox + v[2], oy + v[3]);
            cx = ox + v[2], cy = oy + v[3];
            break;
        }
        case 'Q':
        case 'T': {
            double qx, qy, x = ox + v[up == 'Q' ? 2 : 0], y = oy + v[up == 'Q' ? 3 : 1];
            if (up == 'Q') {
                qx = ox + v[0], qy = oy + v[1];
            } else {
                int after_q = prev == 'Q' || prev == 'T';
                qx = after_q ? 2 * cx - rx : cx, qy = after_q ? 2 * cy - ry : cy;
            }
            /* Raised to a cubic curve: control points two thirds of the way from each end
             * to the quadratic's. */
            st = lite_curve(l, (cx + 2 * qx) / 3, (cy + 2 * qy) / 3, (x + 2 * qx) / 3,
                            (y + 2 * qy) / 3, x, y);
            rx = qx, ry = qy;
            cx = x, cy = y;
            break;
        }
        default: /* Z */
            st = lite_close(l);
            cx = sx, cy = sy;
            break;
        }
        prev = up;
    }
    return st == MD_OK && !is_drawn ? MD_EINPUT : st;
}

/* polygon's points: pairs of numbers, a closed path. */
static md_status
lite_polygon(svg_lite *l, span pts)
{
    const char *p = pts.s, *end = pts.s + pts.len;
    size_t n = 0;
    md_status st = MD_OK;
    skip_space(&p, end);
    while (st == MD_OK && p < end) {
        double x, y;
        if (!lite_css_number(&p, end, &x) || !skip_separator(&p, end) ||
            !lite_css_number(&p, end, &y))
            return MD_EINPUT;
        st = n++ == 0 ? lite_move(l, x, y) : lite_line(l, x, y);
        /* Then the end (after whitespace), or a separator and another pair. */
        const char *after = p;
        skip_space(&after, end);
        if (after < end && (!skip_separator(&p, end) || p == end))
            return MD_EINPUT;
        if (after == end)
            p = end;
    }
    if (st == MD_OK && n < 2)
        return MD_EINPUT;
    return st == MD_OK ? lite_close(l) : st;
}

/* A rectangle, its corners rounded by rx, ry as librsvg draws them: from the end of the top
 * left corner clockwise, each corner one quarter ellipse as a cubic curve. */
static md_status
lite_rect(svg_lite *l, double x, double y, double w, double h, double rx, double ry)
{
    md_status st;
    if (rx <= 0 || ry <= 0) {
        st = lite_move(l, x, y);
        if (st == MD_OK)
            st = lite_line(l, x + w, y);
        if (st == MD_OK)
            st = lite_line(l, x + w, y + h);
        if (st == MD_OK)
            st = lite_line(l, x, y + h);
        if (st == MD_OK)
            st = lite_line(l, x, y);
        return st == MD_OK ? lite_close(l) : st;
    }
    /* A quarter ellipse as one cubic curve: its control points k times the radius from the
     * ends, k = 4/3 tan(π/8). */
    const double k = 0.5522847498307936;
    double kx = k * rx, ky = k * ry;
    st = lite_move(l, x + rx, y);
    if (st == MD_OK)
        st = lite_line(l, x + w - rx, y);
    if (st == MD_OK)
        st = lite_curve(l, x + w - rx + kx, y, x + w, y + ry - ky, x + w, y + ry);
    if (st == MD_OK)
        st = lite_line(l, x + w, y + h - ry);
    if (st == MD_OK)
        st = lite_curve(l, x + w, y + h - ry + ky, x + w - rx + kx, y + h, x + w - rx, y + h);
    if (st == MD_OK)
        st = lite_line(l, x + rx, y + h);
    if (st == MD_OK)
        st = lite_curve(l, x + rx - kx, y + h, x, y + h - ry + ky, x, y + h - ry);
    if (st == MD_OK)
        st = lite_line(l, x, y + ry);
    if (st == MD_OK)
        st = lite_curve(l, x, y + ry - ky, x + rx - kx, y, x + rx, y);
    return st == MD_OK ? lite_close(l) : st;
}

/* A circle as librsvg draws it: four quarter arcs from its rightmost point, downwards. */
static md_status
lite_circle(svg_lite *l, double cx, double cy, double r)
{
    const double k = 0.5522847498; /* librsvg's constant, 4/3 tan(π/8) to 10 places */
    double kr = k * r;
    md_status st = lite_move(l, cx + r, cy);
    if (st == MD_OK)
        st = lite_curve(l, cx + r, cy + kr, cx + kr, cy + r, cx, cy + r);
    if (st == MD_OK)
        st = lite_curve(l, cx - kr, cy + r, cx - r, cy + kr, cx - r, cy);
    if (st == MD_OK)
        st = lite_curve(l, cx - r, cy - kr, cx - kr, cy - r, cx, cy - r);
    if (st == MD_OK)
        st = lite_curve(l, cx + kr, cy - r, cx + r, cy - kr, cx + r, cy);
    return st == MD_OK ? lite_close(l) : st;
}

/* One element's attributes. */
typedef struct lite_attrs {
    span name[LITE_MAX_ATTRS], value[LITE_MAX_ATTRS];
    size_t len;
} lite_attrs;

/* The value of attribute name, or NULL. */
static const span *
attr_at(const lite_attrs *a, const char *name)
{
    for (size_t i = 0; i < a->len; i++) {
        if (span_is(a->name[i], name))
            return &a->value[i];
    }
    return NULL;
}

/* Whether every attribute of a is named in the NULL-ended list. */
static int
attrs_within(const lite_attrs *a, const char *const *names)
{
    for (size_t i = 0; i < a->len; i++) {
        size_t j = 0;
        while (names[j] != NULL && !span_is(a->name[i], names[j]))
            j++;
        if (names[j] == NULL)
            return 0;
    }
    return 1;
}

/* A number attribute: *v is left when it is absent; 0 when it is there but not one number,
 * or (is_positive) not above 0, or negative. */
static int
num_attr(const lite_attrs *a, const char *name, int is_positive, double *v)
{
    const span *s = attr_at(a, name);
    if (s == NULL)
        return !is_positive;
    return lite_number_attr(*s, v) && (is_positive ? *v > 0 : *v >= 0);
}

/* The paint and stroke attributes of a shape into sh (SVG's initial values where absent:
 * black fill, no stroke, width 1, butt caps, miter joins, nonzero). 0 for a value outside
 * the subset. */
static int
lite_style(const lite_attrs *a, lite_shape *sh)
{
    *sh = (lite_shape){.has_fill = 1,
                       .width = 1,
                       .cap = CAIRO_LINE_CAP_BUTT,
                       .join = CAIRO_LINE_JOIN_MITER,
                       .rule = CAIRO_FILL_RULE_WINDING};
    const span *v;
    if ((v = attr_at(a, "fill")) != NULL && !lite_paint(*v, &sh->has_fill, sh->fill))
        return 0;
    if ((v = attr_at(a, "stroke")) != NULL && !lite_paint(*v, &sh->has_stroke, sh->stroke))
        return 0;
    if (attr_at(a, "stroke-width") != NULL && !num_attr(a, "stroke-width", 1, &sh->width))
        return 0;
    if ((v = attr_at(a, "stroke-linecap")) != NULL) {
        if (span_is(*v, "round"))
            sh->cap = CAIRO_LINE_CAP_ROUND;
        else if (span_is(*v, "square"))
            sh->cap = CAIRO_LINE_CAP_SQUARE;
        else if (!span_is(*v, "butt"))
            return 0;
    }
    if ((v = attr_at(a, "stroke-linejoin")) != NULL) {
        if (span_is(*v, "round"))
            sh->join = CAIRO_LINE_JOIN_ROUND;
        else if (span_is(*v, "bevel"))
            sh->join = CAIRO_LINE_JOIN_BEVEL;
        else if (!span_is(*v, "miter"))
            return 0;
    }
    if ((v = attr_at(a, "fill-rule")) != NULL) {
        if (span_is(*v, "evenodd"))
            sh->rule = CAIRO_FILL_RULE_EVEN_ODD;
        else if (!span_is(*v, "nonzero"))
            return 0;
    }
    return 1;
}

/* A shape element (name) with attributes a, added to l. MD_EINPUT outside the subset. */
static md_status
lite_shape_add(svg_lite *l, span name, const lite_attrs *a)
{
    static const char *const style[] = {
        "id", "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "fill-rule"};
    const char *geometry[4] = {NULL, NULL, NULL, NULL};
    const char *allowed[sizeof style / sizeof style[0] + 7]; /* + geometry, rx, ry, NULL */
    if (span_is(name, "rect"))
        memcpy(geometry, (const char *[]){"x", "y", "width", "height"}, sizeof geometry);
    else if (span_is(name, "circle"))
        memcpy(geometry, (const char *[]){"cx", "cy", "r", NULL}, sizeof geometry);
    else if (span_is(name, "polygon"))
        geometry[0] = "points";
    else if (span_is(name, "path"))
        geometry[0] = "d";
    else
        return MD_EINPUT;
    size_t n = 0;
    for (size_t i = 0; i < sizeof style / sizeof style[0]; i++)
        allowed[n++] = style[i];
    for (size_t i = 0; i < 4 && geometry[i] != NULL; i++)
        allowed[n++] = geometry[i];
    if (span_is(name, "rect"))
        allowed[n++] = "rx", allowed[n++] = "ry";
    allowed[n] = NULL;
    lite_shape sh;
    if (!attrs_within(a, allowed) || !lite_style(a, &sh))
        return MD_EINPUT;
    if (md_grow(&l->shapes, &l->shapes_cap, l->shapes_len + 1, sizeof *l->shapes, 8) != MD_OK)
        return MD_ENOMEM;
    sh.op0 = l->ops_len;
    sh.pt0 = l->pts_len;
    md_status st = MD_EINPUT;
    if (span_is(name, "rect")) {
        double x = 0, y = 0, w = 0, h = 0, rx = -1, ry = -1;
        if (num_attr(a, "x", 0, &x) && num_attr(a, "y", 0, &y) && num_attr(a, "width", 1, &w) &&
            num_attr(a, "height", 1, &h) && num_attr(a, "rx", 0, &rx) &&
            num_attr(a, "ry", 0, &ry)) {
            /* One radius given stands for both; each at most half the side (SVG 1.1 §9.2). */
            if (rx < 0)
                rx = ry;
            if (ry < 0)
                ry = rx;
            rx = rx > w / 2 ? w / 2 : rx;
            ry = ry > h / 2 ? h / 2 : ry;
            st = lite_rect(l, x, y, w, h, rx, ry);
        }
    } else if (span_is(name, "circle")) {
        double cx = 0, cy = 0, r = 0;
        if (num_attr(a, "cx", 0, &cx) && num_attr(a, "cy", 0, &cy) && num_attr(a, "r", 1, &r))
            st = lite_circle(l, cx, cy, r);
    } else if (span_is(name, "polygon")) {
        const span *pts = attr_at(a, "points");
        if (pts != NULL)
            st = lite_polygon(l, *pts);
    } else {
        const span *d = attr_at(a, "d");
        if (d != NULL)
            st = lite_path(l, *d);
    }
    if (st != MD_OK)
        return st;
    sh.ops_len = l->ops_len - sh.op0;
    l->shapes[l->shapes_len++] = sh;
    return MD_OK;
}

/* The XML scanner of the subset: p walks the file, end is its end. */
typedef struct lite_scan {
    const char *p, *end;
} lite_scan;

/* Whitespace and comments (a comment may not hold "--", as XML 1.0 §2.5 says). */
static int
skip_misc(lite_scan *x)
{
    for (;;) {
        skip_space(&x->p, x->end);
        if (x->end - x->p < 4 || memcmp(x->p, "<!--", 4) != 0)
            return 1;
        const char *c = x->p + 4;
        while (c + 1 < x->end && !(c[0] == '-' && c[1] == '-'))
            c++;
        if (x->end - c < 3 || c[2] != '>')
            return 0;
        x->p = c + 3;
    }
}

static int
is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

/* A start tag at x->p ("<name attrs>" or "<name attrs/>"): its name, attributes and whether
 * it closes itself. 0 when it is not one of the subset: a prefix (":"), an entity or "<" in a
 * value, a repeated or unquoted attribute, too many. */
static int
lite_start_tag(lite_scan *x, span *name, lite_attrs *a, int *is_empty)
{
    const char *p = x->p, *end = x->end;
    if (p >= end || *p != '<')
        return 0;
    p++;
    name->s = p;
    while (p < end && is_name_char(*p))
        p++;
    name->len = (size_t)(p - name->s);
    if (name->len == 0 || !(name->s[0] >= 'a' && name->s[0] <= 'z'))
        return 0;
    a->len = 0;
    for (;;) {
        const char *before = p;
        skip_space(&p, end);
        if (p < end && *p == '>') {
            *is_empty = 0;
            break;
        }
        if (end - p >= 2 && p[0] == '/' && p[1] == '>') {
            *is_empty = 1;
            p++;
            break;
        }
        if (p == before || a->len == LITE_MAX_ATTRS)
            return 0; /* attributes are separated by whitespace */
        span an = {p, 0};
        while (p < end && is_name_char(*p))
            p++;
        an.len = (size_t)(p - an.s);
        if (an.len == 0)
            return 0;
        skip_space(&p, end);
        if (p >= end || *p != '=')
            return 0;
        p++;
        skip_space(&p, end);
        if (p >= end || (*p != '"' && *p != '\''))
            return 0;
        char q = *p++;
        span av = {p, 0};
        while (p < end && *p != q && *p != '<' && *p != '&')
            p++;
        if (p >= end || *p != q)
            return 0;
        av.len = (size_t)(p - av.s);
        p++;
        for (size_t i = 0; i < a->len; i++) {
            if (a->name[i].len == an.len && memcmp(a->name[i].s, an.s, an.len) == 0)
                return 0;
        }
        a->name[a->len] = an;
        a->value[a->len++] = av;
    }
    x->p = p + 1;
    return 1;
}

/* The end tag of name at x->p. */
static int
lite_end_tag(lite_scan *x, span name)
{
    const char *p = x->p;
    if (x->end - p < (ptrdiff_t)name.len + 3 || p[0] != '<' || p[1] != '/' ||
        memcmp(p + 2, name.s, name.len) != 0)
        return 0;
    p += 2 + name.len;
    skip_space(&p, x->end);
    if (p >= x->end || *p != '>')
        return 0;
    x->p = p + 1;
    return 1;
}

/* Text up to the end tag of name (title, desc): no markup, no entity. */
static int
lite_text_then_end(lite_scan *x, span name)
{
    while (x->p < x->end && *x->p != '<' && *x->p != '&')
        x->p++;
    return lite_end_tag(x, name);
}

/* The root's attributes: the SVG namespace, a viewBox, and width and height (plain numbers,
 * px) both or neither. */
static int
lite_root(svg_lite *l, const lite_attrs *a)
{
    static const char *const names[] = {"xmlns", "version",    "viewBox",         "width", "height",
                                        "role",  "aria-label", "aria-labelledby", "id",    NULL};
    const span *ns = attr_at(a, "xmlns"), *vb = attr_at(a, "viewBox");
    if (!attrs_within(a, names) || ns == NULL || !span_is(*ns, "http://www.w3.org/2000/svg") ||
        vb == NULL)
        return 0;
    const char *p = vb->s, *end = vb->s + vb->len;
    skip_space(&p, end);
    for (int i = 0; i < 4; i++) {
        if ((i > 0 && !skip_separator(&p, end)) || !lite_css_number(&p, end, &l->vb[i]))
            return 0;
    }
    skip_space(&p, end);
    if (p != end || !(l->vb[2] > 0 && l->vb[3] > 0))
        return 0;
    int has_w = attr_at(a, "width") != NULL, has_h = attr_at(a, "height") != NULL;
    if (has_w != has_h)
        return 0;
    if (!has_w) {
        l->w = l->vb[2], l->h = l->vb[3];
        return 1;
    }
    return num_attr(a, "width", 1, &l->w) && num_attr(a, "height", 1, &l->h);
}

/* The XML declaration (XML 1.0 §2.8), when there is one: version 1.0, then encoding UTF-8
 * and standalone yes or no, each if named. 0 for any other. */
static int
lite_xml_decl(lite_scan *x)
{
    static const char *const names[] = {"version", "encoding", "standalone"};
    static const char *const values[][2] = {{"1.0", "1.0"}, {"UTF-8", "utf-8"}, {"yes", "no"}};
    const char *p = x->p, *end = x->end;
    if (end - p < 5 || memcmp(p, "<?xml", 5) != 0)
        return 1;
    p += 5;
    size_t next = 0; /* the names before this one were seen or left out */
    for (;;) {
        const char *before = p;
        skip_space(&p, end);
        if (end - p >= 2 && p[0] == '?' && p[1] == '>')
            break;
        if (p == before)
            return 0; /* names are separated by whitespace */
        span n = {p, 0};
        while (p < end && is_name_char(*p))
            p++;
        n.len = (size_t)(p - n.s);
        size_t k = next;
        while (k < 3 && !span_is(n, names[k]))
            k++;
        if (k == 3 || (next == 0 && k != 0))
            return 0;
        skip_space(&p, end);
        if (p >= end || *p != '=')
            return 0;
        p++;
        skip_space(&p, end);
        if (p >= end || (*p != '"' && *p != '\''))
            return 0;
        char q = *p++;
        span v = {p, 0};
        while (p < end && *p != q)
            p++;
        v.len = (size_t)(p - v.s);
        if (p >= end || !(span_is(v, values[k][0]) || span_is(v, values[k][1])))
            return 0;
        p++;
        next = k + 1;
    }
    if (next == 0)
        return 0;
    x->p = p + 2;
    return 1;
}

/* The file in buf if it keeps to the subset: MD_OK with *out (lite_free), MD_EINPUT when it
 * does not (librsvg's then), MD_ENOMEM. */
static md_status
lite_parse(const char *buf, size_t len, svg_lite **out)
{
    /* UTF-8 of XML's characters only (XML 1.0 §2.2): no control characters but tab and line
     * ends, no U+FFFE or U+FFFF. */
    for (size_t i = 0; i < len;) {
        int32_t c = md_utf8_next(buf, len, &i);
        if (!(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
              (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000))
            return MD_EINPUT;
    }
    lite_scan x = {buf, buf + len};
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        x.p += 3;
    if (!lite_xml_decl(&x))
        return MD_EINPUT;
    span name;
    lite_attrs a;
    int is_empty = 0;
    if (!skip_misc(&x) || !lite_start_tag(&x, &name, &a, &is_empty) || !span_is(name, "svg"))
        return MD_EINPUT;
    svg_lite *l = md_alloc(sizeof *l);
    if (l == NULL)
        return MD_ENOMEM;
    md_status st = lite_root(l, &a) ? MD_OK : MD_EINPUT;
    span root = name;
    int is_root_empty = is_empty;
    while (st == MD_OK && !is_root_empty) {
        if (!skip_misc(&x)) {
            st = MD_EINPUT;
        } else if (lite_end_tag(&x, root)) {
            break;
        } else if (!lite_start_tag(&x, &name, &a, &is_empty)) {
            st = MD_EINPUT;
        } else if (span_is(name, "title") || span_is(name, "desc")) {
            if (a.len > 1 || (a.len == 1 && !span_is(a.name[0], "id")) ||
                (!is_empty && !lite_text_then_end(&x, name)))
                st = MD_EINPUT;
        } else {
            st = lite_shape_add(l, name, &a);
            if (st == MD_OK && !is_empty && !(skip_misc(&x) && lite_end_tag(&x, name)))
                st = MD_EINPUT;
        }
    }
    /* Only comments and whitespace after the root. */
    if (st == MD_OK && (!skip_misc(&x) || x.p != x.end))
        st = MD_EINPUT;
    if (st != MD_OK) {
        lite_free(l);
        return st;
    }
    *out = l;
    return MD_OK;
}

/* The file at path read here: MD_OK with *out, MD_EINPUT when it is not in the subset or not
 * readable (librsvg then says what is wrong), MD_ENOMEM. */
static md_status
lite_read(const char *path, svg_lite **out)
{
    md_buf b = {0};
    md_status st = md_buf_read_file(&b, path, LITE_MAX_BYTES);
    if (st == MD_OK)
        st = lite_parse(b.data != NULL ? b.data : "", b.len, out);
    else if (st != MD_ENOMEM)
        st = MD_EINPUT;
    md_buf_free(&b);
    return st;
}

/* Draws l into the box vp (user space) as rsvg_handle_render_document does: the viewBox
 * scaled to fit the box, centred (preserveAspectRatio xMidYMid meet), then each shape's fill
 * and stroke. */
static md_status
lite_draw(cairo_t *cr, const svg_lite *l, const double vp[4])
{
    double sx = vp[2] / l->vb[2], sy = vp[3] / l->vb[3];
    double s = sx < sy ? sx : sy;
    double x = vp[0] + (vp[2] - l->vb[2] * s) / 2, y = vp[1] + (vp[3] - l->vb[3] * s) / 2;
    cairo_matrix_t m;
    cairo_matrix_init(&m, s, 0, 0, s, x - l->vb[0] * s, y - l->vb[1] * s);
    cairo_save(cr);
    cairo_transform(cr, &m);
    for (size_t i = 0; i < l->shapes_len; i++) {
        const lite_shape *sh = &l->shapes[i];
        const double *pt = l->pts + sh->pt0;
        cairo_new_path(cr);
        for (size_t j = 0; j < sh->ops_len; j++) {
            switch ((lite_op)l->ops[sh->op0 + j]) {
            case L_MOVE: cairo_move_to(cr, pt[0], pt[1]), pt += 2; break;
            case L_LINE: cairo_line_to(cr, pt[0], pt[1]), pt += 2; break;
            case L_CURVE:
                cairo_curve_to(cr, pt[0], pt[1], pt[2], pt[3], pt[4], pt[5]), pt += 6;
                break;
            case L_CLOSE: cairo_close_path(cr); break;
            }
        }
        if (sh->has_fill) {
            cairo_set_source_rgba(cr, sh->fill[0], sh->fill[1], sh->fill[2], 1.0);
            cairo_set_fill_rule(cr, sh->rule);
            cairo_fill_preserve(cr);
        }
        if (sh->has_stroke) {
            cairo_set_source_rgba(cr, sh->stroke[0], sh->stroke[1], sh->stroke[2], 1.0);
            cairo_set_line_width(cr, sh->width);
            cairo_set_line_cap(cr, sh->cap);
            cairo_set_line_join(cr, sh->join);
            cairo_set_miter_limit(cr, 4.0); /* SVG's initial stroke-miterlimit */
            cairo_set_dash(cr, NULL, 0, 0.0);
            cairo_stroke_preserve(cr);
        }
        cairo_new_path(cr);
    }
    cairo_restore(cr);
    return status_of(cr);
}

/* Parsed SVG files, kept for the process: a document reads each figure twice (its size, then
 * drawing it) and the brand's logo is in every document a batch makes. An entry is used only
 * while the file's device, inode, size and modification time are the ones it was read with. */
#define SVG_CACHE 8

typedef struct svg_entry {
    char *path;
    struct stat sb;
    svg_lite *lite; /* read here, or */
    RsvgHandle *hd; /* read by librsvg (the entry's reference) */
} svg_entry;

static svg_entry svg_cache[SVG_CACHE];
static size_t svg_next; /* the entry replaced next: the oldest */

static int
same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
           a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* The SVG at path, from the cache or read now, at 96 dpi: *lite (borrowed, valid until the
 * next svg_open) when it keeps to the subset read here, else *hd (a new reference:
 * rsvg.object_unref it) from librsvg, loaded first. MD_EINPUT with a warning located at path
 * in d (when d is not NULL) when librsvg cannot read it; MD_EBUG when librsvg cannot be
 * loaded (rsvg_load); MD_ENOMEM. */
static md_status
svg_open(const char *path, md_diags *d, const svg_lite **lite, RsvgHandle **hd)
{
    *lite = NULL;
    *hd = NULL;
    struct stat sb;
    int has_stat = stat(path, &sb) == 0;
    for (size_t i = 0; has_stat && i < SVG_CACHE; i++) {
        svg_entry *e = &svg_cache[i];
        if (e->path != NULL && strcmp(e->path, path) == 0 && same_file(&e->sb, &sb)) {
            if (e->lite != NULL)
                *lite = e->lite;
            else
                *hd = rsvg.object_ref(e->hd);
            return MD_OK;
        }
    }
    svg_lite *l = NULL;
    RsvgHandle *h = NULL;
    md_status st = has_stat ? lite_read(path, &l) : MD_EINPUT;
    if (st == MD_ENOMEM)
        return st;
    if (st != MD_OK) {
        st = rsvg_load(path, d);
        if (st != MD_OK)
            return st;
        GError *err = NULL;
        h = rsvg.new_from_file(path, &err);
        if (h == NULL) {
            if (d != NULL)
                md_diag_add(d, MD_DIAG_WARNING, path, 0, 0, "not a readable SVG image: %s",
                            err != NULL ? err->message : "librsvg gave no reason");
            if (err != NULL)
                rsvg.error_free(err);
            return MD_EINPUT;
        }
        rsvg.set_dpi(h, 96.0);
    }
    char *copy = has_stat ? md_strdup(path) : NULL;
    if (copy == NULL && l != NULL) {
        lite_free(l);
        return MD_ENOMEM; /* l lives in the cache only */
    }
    if (copy != NULL) {
        svg_entry *e = &svg_cache[svg_next];
        svg_next = (svg_next + 1) % SVG_CACHE;
        if (e->hd != NULL)
            rsvg.object_unref(e->hd);
        lite_free(e->lite);
        md_free(e->path);
        *e = (svg_entry){copy, sb, l, h != NULL ? rsvg.object_ref(h) : NULL};
    }
    *lite = l;
    *hd = h;
    return MD_OK;
}

static md_status
svg_size(const char *path, md_diags *d, md_sp *w, md_sp *h)
{
    const svg_lite *lite;
    RsvgHandle *hd;
    md_status st = svg_open(path, d, &lite, &hd);
    if (st != MD_OK)
        return st;
    double pw = 0, ph = 0;
    if (lite != NULL) {
        pw = lite->w, ph = lite->h;
    } else if (!rsvg.size_in_pixels(hd, &pw, &ph)) {
        /* No width and height, or percentages: the viewBox gives the proportions and its
         * units count as pixels. */
        gboolean has_w, has_h, has_vb;
        RsvgLength lw, lh;
        RsvgRectangle vb;
        rsvg.dimensions(hd, &has_w, &lw, &has_h, &lh, &has_vb, &vb);
        if (has_vb)
            pw = vb.width, ph = vb.height;
    }
    if (hd != NULL)
        rsvg.object_unref(hd);
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
    const svg_lite *lite;
    RsvgHandle *hd;
    md_status st = svg_open(path, NULL, &lite, &hd);
    if (st != MD_OK)
        return st == MD_ENOMEM ? st : MD_EINPUT;
    if (lite != NULL)
        return lite_draw(cr, lite, (double[]){pt(x), pt(y), pt(w), pt(h)});
    RsvgRectangle vp = {pt(x), pt(y), pt(w), pt(h)};
    st = rsvg.render_document(hd, cr, &vp, NULL) ? status_of(cr) : MD_EINPUT;
    rsvg.object_unref(hd);
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
