/* Tests of finish: content outside marked content becomes an artifact (exact rewrites), the
 * XMP packet and PDF dates, and a small tagged PDF drawn through the recording canvas comes
 * out with /Lang, XMP, output intent, /Alt, link /Contents, /Tabs, linearized and the same
 * bytes twice; a figure without alternative text, a missing profile and tags that do not
 * match the structure tree fail with the reason. The result is read back with qpdf. */
#include "finish.h"

#include <stdio.h>
#include <stdlib.h>

#include <qpdf/qpdf-c.h>

#include "arena.h"
#include "check.h"
#include "font.h"
#include "pdf.h"
#include "shape.h"

#define PT(x) ((md_sp)((x)*MD_SP_PER_PT))

static void
check_artifacts(const char *in, const char *want, int line)
{
    md_buf out = {0};
    md_status st = md_finish_artifacts(in, strlen(in), &out);
    if (st != MD_OK || out.data == NULL || strcmp(out.data, want) != 0) {
        check_failed++;
        printf("%s:%d: artifacts of \"%s\":\nexpected \"%s\"\ngot      \"%s\" (%s)\n", __FILE__,
               line, in, want, out.data ? out.data : "", md_status_str(st));
    } else {
        check_passed++;
    }
    md_buf_free(&out);
}

static void
test_artifacts(void)
{
    /* A rule drawn inside q … Q: the artifact stays inside that level. */
    check_artifacts("q 0 0 1 1 re f Q /Span <</MCID 0>> BDC BT (x) Tj ET EMC",
                    "q \n/Artifact BMC\n0 0 1 1 re f \nEMC\nQ /Span <</MCID 0>> BDC BT (x) Tj ET "
                    "EMC",
                    __LINE__);
    /* A text object with marked content: each unmarked run of text separately. */
    check_artifacts("BT /F1 1 Tf (a) Tj /Span <</MCID 0>> BDC (b) Tj EMC (c) Tj ET",
                    "BT /F1 1 Tf \n/Artifact BMC\n(a) Tj \nEMC\n/Span <</MCID 0>> BDC (b) Tj EMC "
                    "\n/Artifact BMC\n(c) Tj \nEMC\nET",
                    __LINE__);
    /* Operator names inside strings are text, not operators; a whole text object. */
    check_artifacts("BT (EMC \\) BDC) Tj ET", "\n/Artifact BMC\nBT (EMC \\) BDC) Tj ET\nEMC\n",
                    __LINE__);
    /* An inline image is one operation, whatever its data holds. */
    check_artifacts("q BI /W 4 /H 1 ID EMC! EI Q",
                    "q \n/Artifact BMC\nBI /W 4 /H 1 ID EMC! EI \nEMC\nQ", __LINE__);
    /* Consecutive drawings share one artifact; state operators do not open one. */
    check_artifacts("1 0 0 rg 0 0 m 1 1 l S 2 2 3 3 re f /Im0 Do",
                    "1 0 0 rg \n/Artifact BMC\n0 0 m 1 1 l S 2 2 3 3 re f /Im0 Do\nEMC\n",
                    __LINE__);
    /* Content that is all marked is left byte for byte; comments are skipped. */
    check_artifacts("/P <</MCID 0>> BDC 0 0 1 1 re f EMC % 0 0 m\n",
                    "/P <</MCID 0>> BDC 0 0 1 1 re f EMC % 0 0 m\n", __LINE__);
    check_artifacts("0.5 w [] 0 d", "0.5 w [] 0 d", __LINE__);

    md_buf out = {0};
    CHECK_INT(md_finish_artifacts("/P <<>> BDC 0 0 m", 17, &out), MD_EINPUT);
    CHECK_INT(md_finish_artifacts("EMC", 3, &out), MD_EINPUT);
    CHECK_INT(md_finish_artifacts("BT (abc Tj ET", 13, &out), MD_EINPUT);
    CHECK_INT(md_finish_artifacts("BI /W 1 ID xx", 13, &out), MD_EINPUT);
    CHECK_INT((long long)out.len, 0);
    md_buf_free(&out);
}

static void
test_dates_and_xmp(void)
{
    char date[18];
    CHECK_INT(md_finish_pdf_date("2024-01-30T16:05:09", date), MD_OK);
    CHECK_STR(date, "D:20240130160509Z");
    CHECK_INT(md_finish_pdf_date("2024-1-30T16:05:09", date), MD_EINPUT);
    CHECK_INT(md_finish_pdf_date("2024-01-30 16:05:09", date), MD_EINPUT);
    CHECK_INT(md_finish_pdf_date(NULL, date), MD_EINPUT);

    md_finish_info x = {.title = "Kallelse & <dagordning>",
                        .author = "Örebro kommun",
                        .creator = "motesdok",
                        .producer = "motesdok (cairo)",
                        .date = "2024-01-30T00:00:00"};
    md_buf b = {0};
    CHECK_INT(md_finish_xmp(&x, &b), MD_OK);
    CHECK_HAS(b.data, "<rdf:li xml:lang=\"x-default\">Kallelse &amp; &lt;dagordning&gt;</rdf:li>");
    CHECK_HAS(b.data, "<dc:creator><rdf:Seq><rdf:li>Örebro kommun</rdf:li></rdf:Seq>");
    CHECK_HAS(b.data, "<xmp:CreateDate>2024-01-30T00:00:00Z</xmp:CreateDate>");
    CHECK_HAS(b.data, "<pdf:Producer>motesdok (cairo)</pdf:Producer>");
    CHECK_HAS(b.data, "<xmp:CreatorTool>motesdok</xmp:CreatorTool>");
    CHECK_HAS(b.data, "<pdfaid:part>2</pdfaid:part>");
    CHECK_HAS(b.data, "<pdfaid:conformance>A</pdfaid:conformance>");
    CHECK_HAS(b.data, "<pdfuaid:part>1</pdfuaid:part>");
    CHECK_HAS(b.data, "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>");
    CHECK(strstr(b.data, "dc:description") == NULL);
    md_buf_free(&b);

    /* Every allocation failure comes back as MD_ENOMEM and leaves the buffer as it was. */
    for (unsigned long n = 1; n < 100; n++) {
        md_buf o = {0};
        md_alloc_fail_at(n);
        md_status s1 = md_finish_xmp(&x, &o);
        md_status s2 = md_finish_artifacts("q 0 0 1 1 re f Q", 16, &o);
        md_alloc_fail_at(0);
        CHECK(s1 == MD_OK || s1 == MD_ENOMEM);
        CHECK(s2 == MD_OK || s2 == MD_ENOMEM);
        md_buf_free(&o);
        if (s1 == MD_OK && s2 == MD_OK)
            break;
    }
}

/* --- a PDF through the recording canvas ----------------------------------------------- */

static const unsigned char red_png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x04, 0x08, 0x02, 0x00, 0x00, 0x00, 0x26,
    0x93, 0x09, 0x29, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x38,
    0xa1, 0xa1, 0x01, 0x47, 0x0c, 0xc4, 0x71, 0x00, 0xd1, 0x43, 0x11, 0x81, 0xa0, 0xd3, 0x6e,
    0x64, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

static md_status
text(md_canvas c, md_font_set *fonts, md_font *f, const char *s, md_sp x, md_sp y)
{
    md_arena *a = md_arena_new();
    md_shape_result r;
    md_status st = md_shape_text(fonts, f, PT(12), "sv", s, strlen(s), a, &r);
    md_canvas_glyph g[64];
    md_canvas_cluster cl[64];
    size_t n = 0, k = 0;
    for (size_t i = 0; st == MD_OK && i < r.runs[0].glyphs_len && i < 64; i++, n++) {
        const md_shape_glyph *sg = &r.runs[0].glyphs[i];
        g[n] = (md_canvas_glyph){sg->id, x + sg->x_offset, y};
        x += sg->x_advance;
        size_t next = i + 1 < r.runs[0].glyphs_len ? r.runs[0].glyphs[i + 1].cluster : strlen(s);
        if (next != sg->cluster)
            cl[k++] = (md_canvas_cluster){(int)(next - sg->cluster), 1};
        else
            cl[k].num_glyphs++;
    }
    md_canvas_text t = {r.runs[0].font, PT(12), 0, s, strlen(s), g, n, cl, k, 0, 0};
    if (st == MD_OK)
        st = c.ops->text(c.self, &t);
    md_shape_free(&r);
    md_arena_free(a);
    return st;
}

/* One page: an untagged rule and footer, a paragraph in English, a figure, a link. */
static md_status
draw(md_finish *fin, const char *path, const char *png, const char *alt, md_font_set *fonts,
     md_font *f, md_diags *d)
{
    md_pdf_meta meta = {.title = "Kallelse till mötet",
                        .author = "Örebro kommun",
                        .creator = "motesdok",
                        .date = "2024-01-30T00:00:00"};
    md_pdf *p = NULL;
    md_status st = md_pdf_open(path, &meta, d, &p);
    if (st != MD_OK)
        return st;
    md_canvas c = md_finish_canvas(fin, md_pdf_canvas(p));
    st = c.ops->begin_page(c.self, PT(300), PT(200));
    if (st == MD_OK)
        st = c.ops->rect(c.self, PT(20), PT(20), PT(260), PT(1), 0x004b87);
    if (st == MD_OK)
        st = c.ops->begin_tag(c.self, "Document", NULL);
    if (st == MD_OK)
        st = c.ops->begin_tag(c.self, "P", "lang='en-GB'");
    if (st == MD_OK)
        st = c.ops->begin_tag(c.self, "Span", NULL);
    if (st == MD_OK)
        st = text(c, fonts, f, "Welcome", PT(20), PT(50));
    if (st == MD_OK)
        st = c.ops->end_tag(c.self, "Span");
    if (st == MD_OK)
        st = c.ops->end_tag(c.self, "P");
    if (st == MD_OK)
        st = c.ops->begin_tag(c.self, "Figure", NULL);
    if (st == MD_OK)
        st = c.ops->image(c.self, png, alt, PT(20), PT(60), PT(40), PT(40));
    if (st == MD_OK)
        st = c.ops->end_tag(c.self, "Figure");
    if (st == MD_OK)
        st = c.ops->begin_tag(c.self, "P", NULL);
    if (st == MD_OK)
        st = c.ops->begin_tag(c.self, "Link", "uri='https://www.orebro.se/'");
    if (st == MD_OK)
        st = text(c, fonts, f, "Läs på orebro.se", PT(20), PT(130));
    if (st == MD_OK)
        st = c.ops->end_tag(c.self, "Link");
    if (st == MD_OK)
        st = c.ops->end_tag(c.self, "P");
    if (st == MD_OK)
        st = c.ops->end_tag(c.self, "Document");
    if (st == MD_OK)
        st = text(c, fonts, f, "Sida 1 av 1", PT(20), PT(180));
    if (st == MD_OK)
        st = c.ops->end_page(c.self);
    if (st != MD_OK) {
        md_pdf_abort(p);
        return st;
    }
    return md_pdf_close(p, d);
}

/* The value of a key path such as "/Root/Lang" in q, as UTF-8 (a static copy), or "". */
static const char *
utf8_at(qpdf_data q, qpdf_oh o)
{
    static char buf[512];
    const char *s = qpdf_oh_is_string(q, o) ? qpdf_oh_get_utf8_value(q, o) : "";
    snprintf(buf, sizeof buf, "%s", s ? s : "");
    return buf;
}

/* The first structure element with role (pre-order), or 0. */
static qpdf_oh
find_elem(qpdf_data q, qpdf_oh node, const char *role)
{
    if (qpdf_oh_is_array(q, node)) {
        for (int i = 0; i < qpdf_oh_get_array_n_items(q, node); i++) {
            qpdf_oh r = find_elem(q, qpdf_oh_get_array_item(q, node, i), role);
            if (r != 0)
                return r;
        }
        return 0;
    }
    if (!qpdf_oh_is_dictionary(q, node) || !qpdf_oh_has_key(q, node, "/S"))
        return 0;
    if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, node, "/S"), role))
        return node;
    return find_elem(q, qpdf_oh_get_key(q, node, "/K"), role);
}

static void
check_finished(const md_buf *pdf)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    CHECK_INT(qpdf_read_memory(q, "finished", pdf->data, pdf->len, NULL) & QPDF_ERRORS, 0);
    CHECK(qpdf_is_linearized(q));
    CHECK(!qpdf_is_encrypted(q));
    qpdf_oh root = qpdf_get_root(q);
    CHECK_STR(utf8_at(q, qpdf_oh_get_key(q, root, "/Lang")), "sv-SE");
    CHECK(qpdf_oh_get_bool_value(
        q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/ViewerPreferences"), "/DisplayDocTitle")));
    CHECK_STR(qpdf_get_info_key(q, "/CreationDate"), "D:20240130000000Z");
    CHECK_STR(qpdf_get_info_key(q, "/ModDate"), "D:20240130000000Z");
    qpdf_oh id = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/ID");
    CHECK(qpdf_oh_is_array(q, id) && qpdf_oh_get_array_n_items(q, id) == 2);

    qpdf_oh meta = qpdf_oh_get_key(q, root, "/Metadata");
    unsigned char *data = NULL;
    size_t len = 0;
    CHECK(qpdf_oh_is_stream(q, meta));
    /* Uncompressed, so that the XMP is found without PDF knowledge. */
    CHECK(!qpdf_oh_has_key(q, qpdf_oh_get_dict(q, meta), "/Filter"));
    qpdf_oh_get_stream_data(q, meta, qpdf_dl_none, NULL, &data, &len);
    char *xmp = data ? md_strndup((const char *)data, len) : NULL;
    free(data);
    CHECK_HAS(xmp, "<rdf:li xml:lang=\"x-default\">Kallelse till mötet</rdf:li>");
    CHECK_HAS(xmp, "<rdf:li>Örebro kommun</rdf:li>");
    CHECK_HAS(xmp, "<pdfuaid:part>1</pdfuaid:part>");
    md_free(xmp);

    qpdf_oh oi = qpdf_oh_get_array_item(q, qpdf_oh_get_key(q, root, "/OutputIntents"), 0);
    CHECK(qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, oi, "/S"), "/GTS_PDFA1"));
    qpdf_oh prof = qpdf_oh_get_key(q, oi, "/DestOutputProfile");
    CHECK(qpdf_oh_is_stream(q, prof));
    CHECK_INT(qpdf_oh_get_int_value(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, prof), "/N")), 3);

    qpdf_oh page = qpdf_get_page_n(q, 0);
    CHECK(qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, page, "/Tabs"), "/S"));
    data = NULL;
    qpdf_oh_get_page_content_data(q, page, &data, &len);
    char *content = data ? md_strndup((const char *)data, len) : NULL;
    free(data);
    /* The rule before the Document tag and the footer after it. */
    CHECK_HAS(content, "/Artifact BMC");
    int artifacts = 0;
    for (const char *s = content; s && (s = strstr(s, "/Artifact BMC")) != NULL; s++)
        artifacts++;
    CHECK(artifacts >= 2);
    md_free(content);

    qpdf_oh tree = qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/StructTreeRoot"), "/K");
    CHECK_STR(utf8_at(q, qpdf_oh_get_key(q, find_elem(q, tree, "/Figure"), "/Alt")), "Röd ruta");
    CHECK_STR(utf8_at(q, qpdf_oh_get_key(q, find_elem(q, tree, "/P"), "/Lang")), "en-GB");
    qpdf_oh annot = qpdf_oh_get_array_item(q, qpdf_oh_get_key(q, page, "/Annots"), 0);
    CHECK_STR(utf8_at(q, qpdf_oh_get_key(q, annot, "/Contents")), "Läs på orebro.se");
    CHECK_INT(qpdf_oh_get_int_value(q, qpdf_oh_get_key(q, annot, "/F")), 4);
    /* The PNG is drawn without /Interpolate true (PDF/A-2 §6.2.8.1). */
    qpdf_oh xobjs = qpdf_oh_get_key(q, qpdf_oh_get_key(q, page, "/Resources"), "/XObject");
    int images = 0;
    qpdf_oh_begin_dict_key_iter(q, xobjs);
    qpdf_oh list = qpdf_oh_new_array(q);
    while (qpdf_oh_dict_more_keys(q))
        qpdf_oh_append_item(q, list, qpdf_oh_get_key(q, xobjs, qpdf_oh_dict_next_key(q)));
    for (int i = 0; i < qpdf_oh_get_array_n_items(q, list); i++) {
        qpdf_oh xd = qpdf_oh_get_dict(q, qpdf_oh_get_array_item(q, list, i));
        if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, xd, "/Subtype"), "/Image")) {
            images++;
            CHECK(!qpdf_oh_has_key(q, xd, "/Interpolate") ||
                  !qpdf_oh_get_bool_value(q, qpdf_oh_get_key(q, xd, "/Interpolate")));
        }
    }
    CHECK(images >= 1);

    /* Every stream but the XMP packet is Flate-compressed: the page contents and the profile,
     * which the step compresses itself, as well as the fonts, object and xref streams. */
    int size = (int)qpdf_oh_get_int_value(q, qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Size"));
    int streams = 0, flate = 0;
    for (int i = 1; i < size; i++) {
        qpdf_oh o = qpdf_get_object_by_id(q, i, 0);
        if (!qpdf_oh_is_stream(q, o) ||
            qpdf_oh_get_object_id(q, o) == qpdf_oh_get_object_id(q, meta))
            continue;
        streams++;
        flate += qpdf_oh_is_name_and_equals(
            q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, o), "/Filter"), "/FlateDecode");
    }
    CHECK(streams >= 4);
    CHECK_INT(flate, streams);
    CHECK(qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, prof), "/Filter"),
                                     "/FlateDecode"));
    CHECK(!qpdf_has_error(q));
    qpdf_cleanup(&q);
}

static void
test_pdf(void)
{
    md_diags *d = md_diags_new();
    md_font_set *fonts = NULL;
    md_font *f = NULL;
    if (md_font_set_load("fonts", d, &fonts) != MD_OK ||
        md_font_lookup(fonts, "sans", 400, 0, d, &f) != MD_OK) {
        check_failed++;
        printf("%s:%d: cannot load fonts\n", __FILE__, __LINE__);
        return;
    }
    char dir[] = "/tmp/md-finish-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char raw[300], png[300], cmd[400];
    snprintf(raw, sizeof raw, "%s/raw.pdf", dir);
    snprintf(png, sizeof png, "%s/red.png", dir);
    FILE *pf = fopen(png, "wb");
    CHECK(pf != NULL && fwrite(red_png, 1, sizeof red_png, pf) == sizeof red_png);
    if (pf)
        fclose(pf);
    md_finish_opts o = {.lang = "sv-SE",
                        .date = "2024-01-30T00:00:00",
                        .icc_path = "/usr/share/color/icc/sRGB.icc",
                        .source = "test.fo"};

    md_finish *fin = NULL;
    CHECK_INT(md_finish_new(&fin), MD_OK);
    CHECK_INT(draw(fin, raw, png, "Röd ruta", fonts, f, d), MD_OK);
    md_buf a = {0}, b = {0};
    CHECK_INT(md_finish_pdf(fin, raw, &o, &a, d), MD_OK);
    CHECK_INT(md_finish_pdf(fin, raw, &o, &b, d), MD_OK);
    CHECK(a.len > 1000 && a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
    CHECK(a.data != NULL && memcmp(a.data, "%PDF-1.", 7) == 0);
    if (a.data != NULL)
        check_finished(&a);
    /* qpdf finds nothing wrong and the text still reads back. */
    char fin_path[300];
    snprintf(fin_path, sizeof fin_path, "%s/finished.pdf", dir);
    FILE *ff = fopen(fin_path, "wb");
    CHECK(ff != NULL && fwrite(a.data, 1, a.len, ff) == a.len);
    if (ff)
        fclose(ff);
    snprintf(cmd, sizeof cmd, "qpdf --check %s >/dev/null 2>&1", fin_path);
    CHECK_INT(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "pdftotext %s - | grep -q 'Läs på orebro.se'", fin_path);
    CHECK_INT(system(cmd), 0);
    md_finish_free(fin);

    /* Without the profile: MD_EIO, nothing appended, the reason names the file. */
    md_buf c = {0}, msg = {0};
    md_diags *d2 = md_diags_new();
    fin = NULL;
    CHECK_INT(md_finish_new(&fin), MD_OK);
    CHECK_INT(draw(fin, raw, png, "Röd ruta", fonts, f, d2), MD_OK);
    md_finish_opts bad = o;
    bad.icc_path = "/nonexistent/sRGB.icc";
    CHECK_INT(md_finish_pdf(fin, raw, &bad, &c, d2), MD_EIO);
    CHECK_INT((long long)c.len, 0);
    md_diags_render(d2, &msg);
    CHECK_HAS(msg.data, "/nonexistent/sRGB.icc");
    md_finish_free(fin);
    md_diags_free(d2);
    md_buf_free(&msg);

    /* A figure without alternative text is an input error that says what to add. */
    d2 = md_diags_new();
    fin = NULL;
    CHECK_INT(md_finish_new(&fin), MD_OK);
    CHECK_INT(draw(fin, raw, png, NULL, fonts, f, d2), MD_OK);
    CHECK_INT(md_finish_pdf(fin, raw, &o, &c, d2), MD_EINPUT);
    md_diags_render(d2, &msg);
    CHECK_HAS(msg.data, "test.fo: error: a figure has no alternative text");
    CHECK_HAS(msg.data, "fox:alt-text");
    CHECK_INT((long long)c.len, 0);
    md_finish_free(fin);
    md_diags_free(d2);
    md_buf_free(&msg);

    /* Tags that were not drawn through this recorder: a mismatch, not a wrong /Alt. */
    d2 = md_diags_new();
    fin = NULL;
    CHECK_INT(md_finish_new(&fin), MD_OK);
    CHECK_INT(md_finish_pdf(fin, raw, &o, &c, d2), MD_EBUG);
    md_diags_render(d2, &msg);
    CHECK_HAS(msg.data, "structure element 1 is /Document but the page builder drew no more tags");
    md_finish_free(fin);
    md_diags_free(d2);
    md_buf_free(&msg);

    md_buf_free(&a);
    md_buf_free(&b);
    md_buf_free(&c);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_INT(system(cmd), 0);
    md_font_set_free(fonts);
    md_diags_free(d);
}

int
main(void)
{
    test_artifacts();
    test_dates_and_xmp();
    test_pdf();
    return check_done();
}
