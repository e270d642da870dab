/* Tests of pdf: a page of text becomes a PDF with the text and fonts in it, the same bytes
 * twice, and an aborted PDF leaves the previous file as it was; named destinations, a link
 * to one and bookmarks read back with qpdf. */
#include "pdf.h"

#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "check.h"
#include "font.h"
#include "shape.h"

#define PT(x) ((md_sp)((x)*MD_SP_PER_PT))

static md_status
write_pdf(const char *path, md_font_set *fonts, md_font *f, md_diags *d, int is_aborted)
{
    md_pdf_meta meta = {
        .title = "Kallelse", .author = "Örebro kommun", .date = "2024-01-30T16:00:00"};
    md_pdf *p = NULL;
    md_status st = md_pdf_open(path, &meta, d, &p);
    if (st != MD_OK)
        return st;
    md_canvas c = md_pdf_canvas(p);
    md_arena *a = md_arena_new();
    const char *text = "Välkomna – officiellt";
    md_shape_result r;
    st = md_shape_text(fonts, f, PT(12), "sv", text, strlen(text), a, &r);
    md_canvas_glyph g[64];
    md_canvas_cluster cl[64];
    size_t n = 0, k = 0;
    md_sp x = PT(72);
    for (size_t i = 0; st == MD_OK && i < r.runs[0].glyphs_len && i < 64; i++, n++) {
        const md_shape_glyph *sg = &r.runs[0].glyphs[i];
        g[n] = (md_canvas_glyph){sg->id, x + sg->x_offset, PT(100)};
        x += sg->x_advance;
        /* One cluster per glyph group; bytes up to the next cluster. */
        size_t next = i + 1 < r.runs[0].glyphs_len ? r.runs[0].glyphs[i + 1].cluster : strlen(text);
        if (next != sg->cluster)
            cl[k++] = (md_canvas_cluster){(int)(next - sg->cluster), 1};
        else
            cl[k].num_glyphs++;
    }
    md_canvas_text t = {r.runs[0].font, PT(12), 0, text, strlen(text), g, n, cl, k, 0, 0};
    if (st == MD_OK)
        st = c.ops->begin_page(c.self, PT(595), PT(842));
    if (st == MD_OK)
        st = c.ops->text(c.self, &t);
    if (st == MD_OK)
        st = c.ops->rect(c.self, PT(72), PT(110), PT(200), PT(1), 0x004b87);
    if (st == MD_OK)
        st = c.ops->end_page(c.self);
    md_shape_free(&r);
    md_arena_free(a);
    if (is_aborted || st != MD_OK) {
        md_pdf_abort(p);
        return is_aborted ? MD_OK : st;
    }
    return md_pdf_close(p, d);
}

/* Two pages: a link on the first to a destination on the second (its name ASCII, as page.c
 * makes them: cairo 1.16 writes other bytes differently in /Dests and in a link's /Dest), and
 * two bookmarks, the inner one under a closed outer. All
 * inside a Document element: cairo 1.16 writes a damaged file (qpdf: "object 3 0 not found")
 * for a Link tag outside every structure element. */
static md_status
write_links(const char *path, md_diags *d)
{
    md_pdf_meta meta = {.title = "Länkar", .date = "2024-01-30T16:00:00"};
    md_pdf *p = NULL;
    md_status st = md_pdf_open(path, &meta, d, &p);
    if (st != MD_OK)
        return st;
    md_canvas c = md_pdf_canvas(p);
    const char *name = "punkt-%C3%A5(3)";
    int outer = 0, inner = 0;
    st = c.ops->begin_page(c.self, PT(300), PT(300));
    if (st == MD_OK)
        st = c.ops->begin_tag(c.self, "Document", NULL);
    if (st == MD_OK)
        st = c.ops->begin_tag(c.self, "Link", "dest='punkt-%C3%A5(3)'");
    if (st == MD_OK)
        st = c.ops->rect(c.self, PT(10), PT(10), PT(50), PT(10), 0x0000ff);
    if (st == MD_OK)
        st = c.ops->end_tag(c.self, "Link");
    if (st == MD_OK)
        st = c.ops->dest(c.self, "start", PT(10), PT(10));
    if (st == MD_OK)
        st = c.ops->end_page(c.self);
    if (st == MD_OK)
        st = c.ops->begin_page(c.self, PT(300), PT(300));
    if (st == MD_OK)
        st = c.ops->dest(c.self, name, PT(20), PT(100));
    if (st == MD_OK)
        st = c.ops->rect(c.self, PT(20), PT(100), PT(50), PT(10), 0);
    if (st == MD_OK)
        st = c.ops->end_tag(c.self, "Document");
    if (st == MD_OK)
        st = c.ops->end_page(c.self);
    if (st == MD_OK)
        st = c.ops->outline(c.self, 0, "Början", "dest='start'", 0, &outer);
    if (st == MD_OK)
        st = c.ops->outline(c.self, outer, "Här", "dest='punkt-%C3%A5(3)'", 1, &inner);
    CHECK(outer > 0 && inner > 0 && inner != outer);
    if (st != MD_OK) {
        md_pdf_abort(p);
        return st;
    }
    return md_pdf_close(p, d);
}

/* True when the n bytes of needle occur in hay (memmem is a GNU extension). */
static int
contains(const char *hay, size_t len, const char *needle, size_t n)
{
    for (size_t i = 0; i + n <= len; i++) {
        if (memcmp(hay + i, needle, n) == 0)
            return 1;
    }
    return 0;
}

static char *
slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *buf = malloc(1 << 20);
    *len = fread(buf, 1, 1 << 20, f);
    fclose(f);
    return buf;
}

int
main(void)
{
    md_diags *d = md_diags_new();
    md_font_set *fonts = NULL;
    md_font *f = NULL;
    if (md_font_set_load("fonts", d, &fonts) != MD_OK ||
        md_font_lookup(fonts, "sans", 400, 0, d, &f) != MD_OK) {
        printf("cannot load fonts\n");
        return 1;
    }
    char dir[] = "/tmp/md-pdf-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char a[300], b[300], cmd[700];
    snprintf(a, sizeof a, "%s/a.pdf", dir);
    snprintf(b, sizeof b, "%s/b.pdf", dir);
    CHECK_INT(write_pdf(a, fonts, f, d, 0), MD_OK);
    CHECK_INT(write_pdf(b, fonts, f, d, 0), MD_OK);
    size_t la = 0, lb = 0;
    char *pa = slurp(a, &la), *pb = slurp(b, &lb);
    CHECK(pa != NULL && pb != NULL && la > 1000 && la == lb && memcmp(pa, pb, la) == 0);
    CHECK(pa != NULL && memcmp(pa, "%PDF-1.", 7) == 0);
    /* No clock in the file: the date given (cairo 1.16 writes it without the "D:" prefix;
     * the finishing step of issue 5 rewrites the Info dictionary). */
    CHECK(pa != NULL && contains(pa, la, "(20240130160000)", 16));
    free(pb);
    /* The text reads back, ligature-free, with the en dash and å. */
    snprintf(cmd, sizeof cmd, "pdftotext %s - | grep -qx 'Välkomna – officiellt'", a);
    CHECK_INT(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "pdffonts %s | grep -q 'NotoSans-Regular.*yes yes yes'", a);
    CHECK_INT(system(cmd), 0);
    /* An aborted PDF leaves the previous one, byte for byte. */
    CHECK_INT(write_pdf(a, fonts, f, d, 1), MD_OK);
    size_t la2 = 0;
    char *pa2 = slurp(a, &la2);
    CHECK(pa2 != NULL && la2 == la && memcmp(pa, pa2, la) == 0);
    free(pa);
    free(pa2);
    snprintf(cmd, sizeof cmd, "ls %s | wc -l | grep -qx 2", dir);
    CHECK_INT(system(cmd), 0);
    /* Destinations, the link and the bookmarks, read back by qpdf. */
    char l[300];
    snprintf(l, sizeof l, "%s/links.pdf", dir);
    CHECK_INT(write_links(l, d), MD_OK);
    snprintf(cmd, sizeof cmd, "qpdf --check %s >/dev/null", l);
    CHECK_INT(system(cmd), 0);
    snprintf(
        cmd, sizeof cmd,
        "python3 tests/page/pdf_dests.py %s | tr '\\n' '|' | grep -qxF "
        "\"dest punkt-%%C3%%A5(3) 2|dest start 1|link 1 punkt-%%C3%%A5(3) 2|outline 0 closed 1 "
        "Början|outline 1 open 2 Här|\"",
        l);
    CHECK_INT(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_INT(system(cmd), 0);
    md_font_set_free(fonts);
    md_diags_free(d);
    return check_done();
}
