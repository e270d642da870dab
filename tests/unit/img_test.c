/* Tests of img and of fo:external-graphic in the page builder: librsvg loaded only for SVG
 * outside img.c's own subset, which is drawn exactly as librsvg draws it; intrinsic sizes of
 * the brand logos (from their viewBox) and of a PNG made here, drawing, formats we do not
 * read, missing files, refused paths, content-width, scaling down to the column and the page,
 * alignment, inline images, keeping an image with its caption, and the logo in the 2024-01-30
 * kallelse. */
#include "img.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-script.h>
#include <cairo.h>

#include "buf.h"
#include "check.h"
#include "font.h"
#include "img-cairo.h"
#include "page.h"
#include "trace.h"

#define PT(x) ((md_sp)((x)*MD_SP_PER_PT))

/* Test files live here, relative to the project root the tests run in (the page builder
 * refuses absolute image paths). */
static char dir[64];
static md_font_set *fonts;

static void
make_png(const char *name, int w, int h)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0.1, 0.4, 0.5);
    cairo_paint(cr);
    cairo_destroy(cr);
    CHECK_INT(cairo_surface_write_to_png(s, path), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(s);
}

static void
make_file(const char *name, const char *bytes, size_t len)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f != NULL) {
        CHECK_INT(fwrite(bytes, 1, len, f), len);
        fclose(f);
    }
}

static char *
rendered(const md_diags *d)
{
    md_buf b = {0};
    md_diags_render(d, &b);
    return b.data != NULL ? md_buf_take(&b) : (md_buf_free(&b), strdup(""));
}

/* md_img_size of path: the status, the size and the rendered diagnostics (caller frees). */
static md_status
size_of(const char *path, md_sp *w, md_sp *h, char **msg)
{
    md_diags *d = md_diags_new();
    *w = *h = -1;
    md_status st = md_img_size(path, d, w, h);
    *msg = rendered(d);
    md_diags_free(d);
    return st;
}

/* librsvg is loaded (dlopen in img.c) only when an SVG outside img.c's own subset is read:
 * PNG files, formats we do not read, missing files and the brand logos leave it out of the
 * process. Run first. */
static void
test_lazy_load(void)
{
    md_sp w, h;
    char *msg, path[128];
    const char *rsvg = "librsvg-2.so.2";
    CHECK(dlopen(rsvg, RTLD_NOW | RTLD_NOLOAD) == NULL);
    snprintf(path, sizeof path, "%s/small.png", dir);
    CHECK_INT(size_of(path, &w, &h, &msg), MD_OK);
    free(msg);
    snprintf(path, sizeof path, "%s/x.gif", dir);
    CHECK_INT(size_of(path, &w, &h, &msg), MD_EINPUT);
    free(msg);
    CHECK_INT(size_of("xml/brand/no-such-logo.svg", &w, &h, &msg), MD_EIO);
    free(msg);
    CHECK(dlopen(rsvg, RTLD_NOW | RTLD_NOLOAD) == NULL);
    CHECK_INT(size_of("xml/brand/orebro-logo.svg", &w, &h, &msg), MD_OK);
    free(msg);
    CHECK_INT(size_of("xml/brand/exempel-logo.svg", &w, &h, &msg), MD_OK);
    free(msg);
    cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create(s);
    CHECK_INT(md_img_draw(cr, "xml/brand/orebro-logo.svg", PT(10), PT(10), PT(100), PT(20)), MD_OK);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    CHECK(dlopen(rsvg, RTLD_NOW | RTLD_NOLOAD) == NULL);
}

/* cairo's script surface writes every operation that reaches a surface (the path in device
 * space, the source, the stroke style and matrix): the same script means the same PDF. */
static cairo_status_t
script_write(void *closure, const unsigned char *data, unsigned int len)
{
    md_buf *b = closure;
    return md_buf_add(b, (const char *)data, len) == MD_OK ? CAIRO_STATUS_SUCCESS
                                                           : CAIRO_STATUS_NO_MEMORY;
}

/* The librsvg functions the comparison calls, looked up by the test itself. */
typedef struct rsvg_fns {
    void *(*new_from_file)(const char *, void *);
    void (*set_dpi)(void *, double);
    int (*render_document)(void *, cairo_t *, const double *, void *);
    void (*unref)(void *);
} rsvg_fns;

/* The script of drawing path into the box x, y, w, h (pt) on a page moved by (tx, ty): with
 * md_img_draw, or (rsvg not NULL) with librsvg's rsvg_handle_render_document. */
static char *
script_of(const char *path, const double box[4], double tx, double ty, const rsvg_fns *rsvg)
{
    md_buf b = {0};
    cairo_device_t *dev = cairo_script_create_for_stream(script_write, &b);
    cairo_surface_t *s = cairo_script_surface_create(dev, CAIRO_CONTENT_COLOR_ALPHA, 600, 800);
    cairo_t *cr = cairo_create(s);
    cairo_translate(cr, tx, ty);
    if (rsvg == NULL) {
        CHECK_INT(md_img_draw(cr, path, PT(box[0]), PT(box[1]), PT(box[2]), PT(box[3])), MD_OK);
    } else {
        void *hd = rsvg->new_from_file(path, NULL);
        CHECK(hd != NULL);
        if (hd != NULL) {
            rsvg->set_dpi(hd, 96.0);
            /* The box as md_img_draw hands it over: md_sp back to points. */
            double vp[4];
            for (int i = 0; i < 4; i++)
                vp[i] = (double)PT(box[i]) / MD_SP_PER_PT;
            CHECK(rsvg->render_document(hd, cr, vp, NULL));
            rsvg->unref(hd);
        }
    }
    CHECK_INT(cairo_status(cr), CAIRO_STATUS_SUCCESS);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    cairo_device_finish(dev);
    cairo_device_destroy(dev);
    return b.data != NULL ? md_buf_take(&b) : strdup("");
}

/* Files inside img.c's subset that use every path command (absolute and relative, implicit
 * linetos, numbers without separators, subpaths after Z), rounded corners (rx, ry, both, too
 * large), circles, polygons, strokes with every cap and join, both fill rules, #rgb colours,
 * comments, a title and a description. */
static const char *const lite_svgs[] = {
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='-5 -5 110 60' width='110' height='60'>"
    "<path d='M10 10 L40 10 l5 5 H60 h5 V30 v5 C70 40 75 45 80 40 c5 -5 10 -5 15 0 S100 50 95 "
    "52 s-10 2 -12 -1 Q70 55 60 50 q-5 -3 -10 0 T30 50 t-10 0 Z m5 -20 l3 3 z M1e1,2.5e1 "
    "2 3 4 5' fill='#a1B' stroke='#102030' stroke-width='1.5' stroke-linejoin='round' "
    "stroke-linecap='square'/>"
    "<path d='m0 0 10 0 0 10-10 0z M2,2 8,2 8,8 2,8 z' fill-rule='evenodd' fill='#336699'/>"
    "<path d='M.5.5L3-.5' stroke='#000' fill='none' stroke-linejoin='bevel'/></svg>",
    "<?xml version='1.0' encoding='utf-8'?>\n<!-- rounded corners -->\n"
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 50'>\n"
    "  <title>Hörn</title><desc id='d'>rx och ry</desc>\n"
    "  <rect x='2' y='3' width='30' height='20' rx='4'/>\n"
    "  <rect x='40' y='3' width='30' height='20' ry='6' fill='none' stroke='#f00'/>\n"
    "  <rect x='75' y='3' width='20' height='10' rx='40' ry='2' fill='#0a0'></rect>\n"
    "  <rect x='2' y='30' width='30' height='15' rx='0' ry='5' stroke='#00f' "
    "stroke-width='3'/>\n"
    "  <circle cx='60' cy='38' r='9.5' fill='none' stroke='#123' stroke-width='0.5'/>\n"
    "  <polygon points='75,45 85,30 95 45' fill='#ccc' stroke='#000' stroke-linecap='butt' "
    "stroke-linejoin='miter'/>\n"
    "</svg>\n<!-- end -->\n",
};

/* The SVG files inside img.c's own subset are drawn without librsvg and with exactly the
 * operations librsvg makes for them: the brand logos, the golden test's figure and the files
 * above, in boxes of their own proportions and others (centred), on pages moved by fractions
 * of a point. Drawing them must not load librsvg; a file outside the subset does. */
static void
test_same_as_librsvg(void)
{
    char names[4][128];
    const char *files[6] = {"xml/brand/orebro-logo.svg", "xml/brand/exempel-logo.svg",
                            "tests/golden/img/shapes.svg"};
    size_t n = 3;
    for (size_t i = 0; i < sizeof lite_svgs / sizeof lite_svgs[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, "lite-%zu.svg", i);
        make_file(name, lite_svgs[i], strlen(lite_svgs[i]));
        snprintf(names[i], sizeof names[i], "%s/%s", dir, name);
        files[n++] = names[i];
    }
    /* The logo's box in the documents (10 mm high), a wide and a tall box (centred), and a
     * box at an odd position. */
    static const double boxes[][4] = {{56.69, 28.35, 124.02, 28.35},
                                      {10, 10, 300, 40},
                                      {10.25, 20.5, 40, 200},
                                      {0.3, 0.7, 77.7, 33.3}};
    static const double moves[][2] = {{0, 0}, {12.345, 67.89}};
    size_t nb = sizeof boxes / sizeof boxes[0], nm = sizeof moves / sizeof moves[0];
    char *own[6][4][2] = {{{NULL}}};
    for (size_t f = 0; f < n; f++)
        for (size_t b = 0; b < nb; b++)
            for (size_t m = 0; m < nm; m++)
                own[f][b][m] = script_of(files[f], boxes[b], moves[m][0], moves[m][1], NULL);
    CHECK(dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_NOLOAD) == NULL);

    /* An SVG outside the subset (a group) is librsvg's: reading it loads the library. */
    const char *group = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 40 20'>"
                        "<g fill='#123456'><rect width='40' height='20'/></g></svg>";
    make_file("group.svg", group, strlen(group));
    char path[128], *msg;
    md_sp w, h;
    snprintf(path, sizeof path, "%s/group.svg", dir);
    CHECK_INT(size_of(path, &w, &h, &msg), MD_OK);
    CHECK_INT(w, PT(30));
    free(msg);
    void *loaded = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_NOLOAD);
    CHECK(loaded != NULL);
    if (loaded != NULL)
        dlclose(loaded); /* only the reference NOLOAD took */

    void *lib = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL);
    CHECK(lib != NULL);
    rsvg_fns fns = {0};
    if (lib != NULL) {
        *(void **)&fns.new_from_file = dlsym(lib, "rsvg_handle_new_from_file");
        *(void **)&fns.set_dpi = dlsym(lib, "rsvg_handle_set_dpi");
        *(void **)&fns.render_document = dlsym(lib, "rsvg_handle_render_document");
        *(void **)&fns.unref = dlsym(lib, "g_object_unref");
    }
    int has_all = fns.new_from_file && fns.set_dpi && fns.render_document && fns.unref;
    CHECK(has_all);
    for (size_t f = 0; f < n; f++) {
        for (size_t b = 0; b < nb; b++) {
            for (size_t m = 0; m < nm; m++) {
                char *want =
                    has_all ? script_of(files[f], boxes[b], moves[m][0], moves[m][1], &fns) : NULL;
                /* Something was drawn, and exactly what librsvg draws. */
                CHECK(strstr(own[f][b][m], "fill") != NULL);
                if (want != NULL && strcmp(want, own[f][b][m]) != 0) {
                    CHECK(0);
                    printf("%s in box %zu, move %zu: img.c draws\n%s\nlibrsvg draws\n%s\n",
                           files[f], b, m, own[f][b][m], want);
                } else {
                    CHECK(1);
                }
                free(want);
                free(own[f][b][m]);
            }
        }
    }
    if (lib != NULL)
        dlclose(lib);
}

static void
test_sizes(void)
{
    md_sp w, h;
    char *msg;
    /* orebro-logo.svg: width="324" height="64" (viewBox 0 0 324 64) px at 96 dpi = 243 × 48
     * pt; exempel-logo.svg: 386 × 64 px = 289.5 × 48 pt. */
    CHECK_INT(size_of("xml/brand/orebro-logo.svg", &w, &h, &msg), MD_OK);
    CHECK_INT(w, PT(243));
    CHECK_INT(h, PT(48));
    free(msg);
    CHECK_INT(size_of("xml/brand/exempel-logo.svg", &w, &h, &msg), MD_OK);
    CHECK_INT(w, PT(289.5));
    CHECK_INT(h, PT(48));
    free(msg);

    /* An SVG with only a viewBox: its units count as pixels. */
    char path[128];
    const char *vb = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 40 20'>"
                     "<rect width='40' height='20' fill='#123456'/></svg>";
    make_file("viewbox.svg", vb, strlen(vb));
    snprintf(path, sizeof path, "%s/viewbox.svg", dir);
    CHECK_INT(size_of(path, &w, &h, &msg), MD_OK);
    CHECK_INT(w, PT(30));
    CHECK_INT(h, PT(15));
    free(msg);

    /* A PNG of 200 × 100 px is 150 × 75 pt at 96 dpi. */
    snprintf(path, sizeof path, "%s/small.png", dir);
    CHECK_INT(size_of(path, &w, &h, &msg), MD_OK);
    CHECK_INT(w, PT(150));
    CHECK_INT(h, PT(75));
    free(msg);

    /* A PNG of 20,000 × 20,000 px is refused from its header, before it is decoded (which
     * would take 1.6 GB): this one has no image data at all, so decoding it would give "not
     * a readable PNG" (or cairo's "out of memory") instead. The same header with a small size is
     * decoded, and fails so. */
    static const unsigned char huge[33] = {
        0x89, 'P',  'N',  'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I',  'H',  'D',  'R', 0,
        0,    0x4E, 0x20, 0,   0,    0x4E, 0x20, 8,    6, 0, 0, 0,  0x12, 0x34, 0x56, 0x78};
    make_file("huge.png", (const char *)huge, sizeof huge);
    snprintf(path, sizeof path, "%s/huge.png", dir);
    CHECK_INT(size_of(path, &w, &h, &msg), MD_EINPUT);
    CHECK(strstr(msg, path) != NULL &&
          strstr(msg, "warning: the PNG image is too large (20000 × 20000 px, more than 14400 "
                      "pt at 96 dpi)") != NULL);
    CHECK_INT(w, -1);
    free(msg);
    unsigned char tiny[sizeof huge];
    memcpy(tiny, huge, sizeof huge);
    tiny[18] = tiny[22] = 0; /* 32 × 32 px */
    make_file("tiny-header.png", (const char *)tiny, sizeof tiny);
    snprintf(path, sizeof path, "%s/tiny-header.png", dir);
    CHECK(size_of(path, &w, &h, &msg) != MD_OK);
    CHECK(strstr(msg, "too large") == NULL);
    free(msg);
    /* 19,201 px wide (14,400.75 pt) is over the limit, 19,200 px is not: refused from the
     * header alone, whatever the height. */
    tiny[18] = 0x4B;
    tiny[19] = 0x01;
    make_file("over.png", (const char *)tiny, sizeof tiny);
    snprintf(path, sizeof path, "%s/over.png", dir);
    CHECK_INT(size_of(path, &w, &h, &msg), MD_EINPUT);
    CHECK(strstr(msg, "too large (19201 × 32 px") != NULL);
    free(msg);

    /* A GIF, a text file named .png, a broken SVG, a missing file: a warning naming the
     * file, and no size. */
    snprintf(path, sizeof path, "%s/x.gif", dir);
    CHECK_INT(size_of(path, &w, &h, &msg), MD_EINPUT);
    CHECK(strstr(msg, path) != NULL && strstr(msg, "warning: not an SVG or PNG image (the file "
                                                   "looks like GIF)") != NULL);
    CHECK_INT(w, -1);
    free(msg);
    snprintf(path, sizeof path, "%s/text.png", dir);
    CHECK_INT(size_of(path, &w, &h, &msg), MD_EINPUT);
    CHECK(strstr(msg, path) != NULL && strstr(msg, "not an SVG or PNG image") != NULL);
    free(msg);
    snprintf(path, sizeof path, "%s/broken.svg", dir);
    CHECK_INT(size_of(path, &w, &h, &msg), MD_EINPUT);
    CHECK(strstr(msg, path) != NULL && strstr(msg, "not a readable SVG image") != NULL);
    free(msg);
    snprintf(path, sizeof path, "%s/missing.svg", dir);
    CHECK_INT(size_of(path, &w, &h, &msg), MD_EIO);
    char want[256];
    snprintf(want, sizeof want, "%s: warning: cannot read the image: No such file or directory",
             path);
    CHECK(strstr(msg, want) != NULL);
    free(msg);
}

static void
test_draw(void)
{
    cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create(s);
    char path[128];
    CHECK_INT(md_img_draw(cr, "xml/brand/orebro-logo.svg", PT(10), PT(10), PT(100), PT(20)), MD_OK);
    snprintf(path, sizeof path, "%s/small.png", dir);
    CHECK_INT(md_img_draw(cr, path, PT(10), PT(40), PT(60), PT(30)), MD_OK);
    snprintf(path, sizeof path, "%s/x.gif", dir);
    CHECK_INT(md_img_draw(cr, path, PT(10), PT(40), PT(60), PT(30)), MD_EINPUT);
    snprintf(path, sizeof path, "%s/text.png", dir);
    CHECK_INT(md_img_draw(cr, path, PT(10), PT(40), PT(60), PT(30)), MD_EINPUT);
    CHECK_INT(cairo_status(cr), CAIRO_STATUS_SUCCESS);
    /* Something was drawn where the images went. */
    double x0, y0, w, h;
    cairo_recording_surface_ink_extents(s, &x0, &y0, &w, &h);
    CHECK(x0 >= 9.9 && y0 >= 9.9 && x0 + w <= 110.1 && y0 + h <= 70.1 && w > 50 && h > 50);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
}

/* A page of 300 × 400 pt with 50 pt margins: the body is 200 × 300 pt at (50, 50). The flow
 * is printf'd with dir for each %s (at most four). */
static md_status
typeset(const char *flow, char **trace, char **msg)
{
    char body[4096], tree[8192];
    snprintf(body, sizeof body, flow, dir, dir, dir, dir);
    snprintf(tree, sizeof tree,
             "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format' "
             "xmlns:fox='http://xmlgraphics.apache.org/fop/extensions' font-family='Noto Sans'>"
             "<fo:layout-master-set><fo:simple-page-master master-name='a' page-width='300pt' "
             "page-height='400pt' margin='50pt'><fo:region-body/></fo:simple-page-master>"
             "</fo:layout-master-set><fo:page-sequence master-reference='a'>"
             "<fo:flow flow-name='xsl-region-body'>%s</fo:flow></fo:page-sequence></fo:root>",
             body);
    md_diags *d = md_diags_new();
    md_fo_doc *doc = NULL;
    md_buf out = {0};
    md_trace *t = md_trace_new(&out, md_font_name);
    md_status st = md_fo_read_memory("img.fo", tree, strlen(tree), d, &doc);
    if (st == MD_OK) {
        md_page_env env = {fonts, NULL, NULL};
        st = md_page_typeset(doc, &env, md_trace_canvas(t), d, NULL);
    }
    *msg = rendered(d);
    *trace = out.data != NULL ? md_buf_take(&out) : (md_buf_free(&out), strdup(""));
    md_trace_free(t);
    md_fo_free(doc);
    md_diags_free(d);
    return st;
}

/* The page of the first line of trace containing what (0: none). */
static int
page_of(const char *trace, const char *what)
{
    const char *at = strstr(trace, what);
    int page = 0;
    for (const char *p = trace; at != NULL && p < at; p = strchr(p, '\n') + 1) {
        if (strncmp(p, "page ", 5) == 0)
            page = atoi(p + 5);
    }
    return page;
}

/* The numbers of the first "image X Y W H path" line. */
static int
image_line(const char *trace, long v[4])
{
    const char *at = strstr(trace, "image ");
    return at != NULL && sscanf(at, "image %ld %ld %ld %ld", &v[0], &v[1], &v[2], &v[3]) == 4;
}

static void
test_page(void)
{
    char *trace, *msg, want[256];
    long v[4] = {0};

    /* content-width alone keeps the aspect ratio: 150 × 75 pt → 60 × 30 pt, in a Figure,
     * with the alt text in the trace. */
    CHECK_INT(typeset("<fo:block><fo:external-graphic src=\"url('%s/small.png')\" "
                      "content-width='60pt' fox:alt-text='Ett \"blått\" fält'/></fo:block>",
                      &trace, &msg),
              MD_OK);
    snprintf(want, sizeof want,
             "<Figure>\n    image 3276800 3276800 3932160 1966080 %s/small.png "
             "alt=\"Ett \\\"blått\\\" fält\"\n  </Figure>",
             dir);
    CHECK(strstr(trace, want) != NULL);
    CHECK_STR(msg, "");
    free(trace), free(msg);

    /* Wider than the column (300 × 75 pt in 200 pt): scaled down, aspect kept, to 200 × 50. */
    CHECK_INT(
        typeset("<fo:block><fo:external-graphic src='%s/wide.png'/></fo:block>", &trace, &msg),
        MD_OK);
    CHECK(image_line(trace, v));
    CHECK_INT(v[2], PT(200));
    CHECK_INT(v[3], PT(50));
    free(trace), free(msg);

    /* Taller than the page body (150 × 750 pt; the body is 300 pt high): scaled to 60 × 300. */
    CHECK_INT(
        typeset("<fo:block><fo:external-graphic src='%s/tall.png'/></fo:block>", &trace, &msg),
        MD_OK);
    CHECK(image_line(trace, v));
    CHECK_INT(v[2], PT(60));
    CHECK_INT(v[3], PT(300));
    free(trace), free(msg);

    /* text-align of the block places it: centred in 200 pt, a 60 pt image starts 70 pt in. */
    CHECK_INT(typeset("<fo:block text-align='center'><fo:external-graphic src='%s/small.png' "
                      "content-width='60pt'/></fo:block>",
                      &trace, &msg),
              MD_OK);
    CHECK(image_line(trace, v));
    CHECK_INT(v[0], PT(120));
    free(trace), free(msg);

    /* Figures resolve against xml/meetings/ when the file is there. */
    CHECK_INT(typeset("<fo:block><fo:external-graphic src='images/2024-01-30-portfolj.svg' "
                      "content-width='100pt'/></fo:block>",
                      &trace, &msg),
              MD_OK);
    CHECK(strstr(trace, " xml/meetings/images/2024-01-30-portfolj.svg") != NULL);
    free(trace), free(msg);

    /* Inline: a Figure between Spans, standing on the baseline of the text around it. */
    CHECK_INT(typeset("<fo:block>Före <fo:external-graphic src='%s/small.png' "
                      "content-width='30pt'/> efter</fo:block>",
                      &trace, &msg),
              MD_OK);
    CHECK(image_line(trace, v));
    CHECK_INT(v[2], PT(30));
    CHECK_INT(v[3], PT(15));
    const char *after = strstr(trace, "\"efter\"");
    const char *text = after;
    while (text != NULL && text > trace && text[-1] != '\n')
        text--;
    long tx = 0, ty = 0;
    CHECK(text != NULL && sscanf(text, " text %ld %ld", &tx, &ty) == 2);
    CHECK_INT(v[1] + v[3], ty);
    CHECK(tx > v[0] + v[2]);
    CHECK(strstr(trace, "</Span>\n    <Figure>\n      image ") != NULL);
    CHECK_STR(msg, "");
    free(trace), free(msg);

    /* Kept with its caption (keep-together on the figure block, as common.xsl writes it): 250
     * pt of padding leave 50 pt; the 30 pt image fits, image and caption do not, so both go to
     * page 2. Without the keep the image stays on page 1. */
    const char *figure = "<fo:block padding-before='250pt'>Text.</fo:block>"
                         "<fo:block %s><fo:block><fo:external-graphic src='%%s/small.png' "
                         "content-width='60pt'/></fo:block><fo:block>Bildtext ett</fo:block>"
                         "<fo:block>Bildtext två</fo:block></fo:block>";
    char flow[1024];
    snprintf(flow, sizeof flow, figure, "keep-together.within-page='always'");
    CHECK_INT(typeset(flow, &trace, &msg), MD_OK);
    CHECK_INT(page_of(trace, "image "), 2);
    CHECK_INT(page_of(trace, "\"Text.\""), 1);
    free(trace), free(msg);
    snprintf(flow, sizeof flow, figure, "");
    CHECK_INT(typeset(flow, &trace, &msg), MD_OK);
    CHECK_INT(page_of(trace, "image "), 1);
    free(trace), free(msg);
    /* Never split: a 75 pt image in the 50 pt left goes to the next page whole. */
    CHECK_INT(typeset("<fo:block padding-before='250pt'>Text.</fo:block>"
                      "<fo:block><fo:external-graphic src='%s/small.png'/></fo:block>",
                      &trace, &msg),
              MD_OK);
    CHECK_INT(page_of(trace, "image "), 2);
    CHECK(image_line(trace, v));
    CHECK_INT(v[1], PT(50));
    free(trace), free(msg);

    /* Formats we do not read, missing files, paths outside the project: a warning naming the
     * file and where it is used, the rest typeset, no image drawn. */
    CHECK_INT(typeset("<fo:block><fo:external-graphic src='%s/x.gif'/></fo:block>"
                      "<fo:block>Efter.</fo:block>",
                      &trace, &msg),
              MD_OK);
    snprintf(want, sizeof want, "%s/x.gif: warning: not an SVG or PNG image", dir);
    CHECK(strstr(msg, want) != NULL);
    snprintf(want, sizeof want, "img.fo:1: note: fo:external-graphic src=\"%s/x.gif\" is left out",
             dir);
    CHECK(strstr(msg, want) != NULL);
    CHECK(strstr(trace, "image ") == NULL && strstr(trace, "\"Efter.\"") != NULL);
    free(trace), free(msg);
    CHECK_INT(typeset("<fo:block><fo:external-graphic src='%s/text.png'/></fo:block>"
                      "<fo:block>Efter.</fo:block>",
                      &trace, &msg),
              MD_OK);
    snprintf(want, sizeof want, "%s/text.png: warning: not an SVG or PNG image", dir);
    CHECK(strstr(msg, want) != NULL);
    CHECK(strstr(trace, "image ") == NULL);
    free(trace), free(msg);
    CHECK_INT(
        typeset("<fo:block><fo:external-graphic src='%s/missing.svg'/></fo:block>", &trace, &msg),
        MD_EINPUT);
    snprintf(want, sizeof want, "%s/missing.svg: warning: cannot read the image", dir);
    CHECK(strstr(msg, want) != NULL);
    /* With nothing else in the flow there is nothing to make a PDF of. */
    CHECK(strstr(msg, "img.fo:1: error: fo:flow: nothing is drawn in it") != NULL);
    free(trace), free(msg);
    CHECK_INT(typeset("<fo:block><fo:external-graphic src='/etc/passwd'/></fo:block>"
                      "<fo:block>x<fo:external-graphic src=\"url('../xml/brand/orebro-logo.svg')\""
                      "/></fo:block><fo:block><fo:external-graphic src='file:///etc/passwd'/>"
                      "</fo:block>",
                      &trace, &msg),
              MD_OK);
    CHECK(strstr(msg, "src=\"/etc/passwd\": give a relative path inside the project") != NULL);
    CHECK(strstr(msg, "src=\"../xml/brand/orebro-logo.svg\": give a relative path") != NULL);
    CHECK(strstr(msg, "src=\"file:///etc/passwd\": give a relative path") != NULL);
    CHECK(strstr(trace, "image ") == NULL);
    free(trace), free(msg);
}

/* The kallelse of 2024-01-30 has the logo: the trace of its layout tree draws the SVG with
 * its alt text, and in the PDF (vector, so pdfimages lists nothing) the logo's box on page 1
 * is no longer white when rendered. The binary is beside tests/. */
static void
test_kallelse(const char *argv0)
{
    char bin[256], cmd[4096];
    if (!check_build_dir(argv0, bin, sizeof bin)) {
        CHECK(!"the test binary's path names its build folder");
        return;
    }
    snprintf(cmd, sizeof cmd,
             "MOTESDOK_OUT=%s/out %s/motesdok kallelse 2024-01-30 >/dev/null 2>&1 && "
             "%s/motesdok typeset %s/out/2024-01-30/kallelse.fo -o %s/img-kallelse.pdf "
             "--trace %s/img-kallelse.trace >/dev/null 2>&1",
             bin, bin, bin, bin, bin, bin);
    CHECK_INT(system(cmd), 0);
    snprintf(cmd, sizeof cmd,
             "grep -q '^  image 4644283 3715427 9288567 1834778 xml/brand/orebro-logo.svg "
             "alt=\"Örebro kommun\"$' %s/img-kallelse.trace",
             bin);
    CHECK_INT(system(cmd), 0);
    /* At 30 dpi the logo box (70.9, 56.7 pt; 141.7 × 28 pt) is x 30–88, y 24–35 px. */
    snprintf(
        cmd, sizeof cmd,
        "pdftoppm -r 30 -gray -f 1 -l 1 -x 30 -y 24 -W 58 -H 11 %s/out/2024-01-30/kallelse.pdf "
        "> %s/img-logo.pgm",
        bin, bin);
    CHECK_INT(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "%s/img-logo.pgm", bin);
    FILE *f = fopen(cmd, "rb");
    int dark = 0, wd = 0, ht = 0, max = 0;
    if (f != NULL && fscanf(f, "P5 %d %d %d", &wd, &ht, &max) == 3 && fgetc(f) != EOF) {
        for (int c; (c = fgetc(f)) != EOF;)
            dark += c < 160;
    }
    if (f != NULL)
        fclose(f);
    CHECK_INT(wd, 58);
    CHECK(dark > 100); /* 160 with the logo; the box is white without it */
}

int
main(int argc, char **argv)
{
    (void)argc;
    snprintf(dir, sizeof dir, "out/img-test-%ld", (long)getpid());
    mkdir("out", 0777);
    CHECK(mkdir(dir, 0777) == 0);
    make_png("small.png", 200, 100);
    make_png("wide.png", 400, 100);
    make_png("tall.png", 200, 1000);
    make_file("x.gif", "GIF89a\x01\0\x01\0\0\0\0;", 14);
    make_file("text.png", "Det här är text.\n", 18);
    make_file("broken.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect", 46);

    md_diags *d = md_diags_new();
    if (md_font_set_load("fonts", d, &fonts) != MD_OK) {
        printf("cannot load fonts\n");
        CHECK(0);
    } else {
        test_lazy_load();
        test_same_as_librsvg();
        test_sizes();
        test_draw();
        test_page();
        test_kallelse(argv[0]);
    }
    md_font_set_free(fonts);
    md_diags_free(d);

    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(system(cmd), 0);
    return check_done();
}
