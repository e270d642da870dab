/* Tests of fo: the value parsers of fo-value.c directly, lengths in every unit, inheritance,
 * colours, shorthands, white space, the warnings for unsupported FO, refusal of a DOCTYPE and of
 * deep nesting, md:src, and every allocation failing in turn. */
#include "fo.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fo-imp.h"

#define FO_OPEN                                                                                    \
    "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\" xmlns:md=\"urn:motesdok:xslt\" "      \
    "xmlns:fox=\"http://xmlgraphics.apache.org/fop/extensions\">"
#define FLOW_OPEN                                                                                  \
    FO_OPEN "<fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\">"
#define FLOW_CLOSE "</fo:flow></fo:page-sequence></fo:root>"
#define PT 65536

/* Reads text as "t.fo"; the rendered diagnostics go to *report (md_free). */
static md_status
run(const char *text, md_fo_doc **doc, char **report)
{
    md_diags *d = md_diags_new();
    *doc = NULL;
    md_status st = md_fo_read_memory("t.fo", text, strlen(text), d, doc);
    md_buf out = {0};
    md_diags_render(d, &out);
    *report = md_buf_take(&out);
    md_diags_free(d);
    return st;
}

/* The n-th (from 0) node of kind in document order, or NULL. */
static const md_fo_node *
nth(const md_fo_doc *doc, md_fo_kind kind, int n)
{
    const md_fo_node *root = md_fo_root(doc), *x = root;
    while (x != NULL) {
        if (x->kind == kind && n-- == 0)
            return x;
        if (x->first != NULL) {
            x = x->first;
            continue;
        }
        while (x != NULL && x != root && x->next == NULL)
            x = x->parent;
        x = x == NULL || x == root ? NULL : x->next;
    }
    return NULL;
}

/* The props of the n-th fo:block of a flow holding body; the doc stays in *doc. */
static const md_fo_props *
block(const char *body, int n, md_fo_doc **doc)
{
    char *text = md_alloc(strlen(body) + 512), *report = NULL;
    strcpy(text, FLOW_OPEN);
    strcat(text, body);
    strcat(text, FLOW_CLOSE);
    md_status st = run(text, doc, &report);
    CHECK_INT(st, MD_OK);
    if (report[0] != '\0')
        printf("unexpected diagnostics: %s", report);
    md_free(report);
    md_free(text);
    const md_fo_node *b = st == MD_OK ? nth(*doc, MD_FO_BLOCK, n) : NULL;
    CHECK(b != NULL);
    static md_fo_props empty;
    return b != NULL ? b->props : &empty;
}

/* space-before of a block written as value, in sp. */
static long long
space_sp(const char *value, const char *font_size)
{
    char body[256];
    snprintf(body, sizeof body, "<fo:block font-size=\"%s\" space-before=\"%s\"/>", font_size,
             value);
    md_fo_doc *doc;
    long long v = block(body, 0, &doc)->space_before.opt.sp;
    md_fo_free(doc);
    return v;
}

/* Rounding: the decimal as written (up to 9 fraction digits) times the unit's exact size in
 * sp, rounded to the nearest sp, halves away from zero. */
static void
test_lengths(void)
{
    CHECK_INT(space_sp("1in", "12pt"), 4718592);
    CHECK_INT(space_sp("72pt", "12pt"), 4718592);
    CHECK_INT(space_sp("6pc", "12pt"), 4718592);
    CHECK_INT(space_sp("96px", "12pt"), 4718592);
    CHECK_INT(space_sp("2.54cm", "12pt"), 4718592);
    CHECK_INT(space_sp("25.4mm", "12pt"), 4718592);
    /* 10mm = 10 × 4718592 / 25.4 = 1857713.385… sp → 1857713. */
    CHECK_INT(space_sp("10mm", "12pt"), 1857713);
    /* 1mm = 185771.338… → 185771; 1cm = 1857713.385… → 1857713. */
    CHECK_INT(space_sp("1mm", "12pt"), 185771);
    CHECK_INT(space_sp("1cm", "12pt"), 1857713);
    /* 0.1pt = 6553.6 → 6554; -0.1pt = -6553.6 → -6554 (away from zero). */
    CHECK_INT(space_sp("0.1pt", "12pt"), 6554);
    CHECK_INT(space_sp("-0.1pt", "12pt"), -6554);
    CHECK_INT(space_sp("0.5pt", "12pt"), 32768);
    CHECK_INT(space_sp("1px", "12pt"), 49152);
    /* em is of the element's own computed font-size. */
    CHECK_INT(space_sp("1.5em", "10pt"), 15 * PT);
    CHECK_INT(space_sp("0", "12pt"), 0);
    /* 1/65536 pt = 0.0000152587890625 pt: 0.0000076pt is 0.498 sp → 0, 0.0000077pt → 1. */
    CHECK_INT(space_sp("0.0000076pt", "12pt"), 0);
    CHECK_INT(space_sp("0.0000077pt", "12pt"), 1);

    md_fo_doc *doc;
    const md_fo_props *p = block("<fo:block width=\"50%\" text-indent=\"-1.5em\" "
                                 "start-indent=\"10%\" height=\"auto\"/>",
                                 0, &doc);
    CHECK_INT(p->width.kind, MD_FO_LEN_ABS);
    CHECK_INT(p->width.sp, 0);
    CHECK_INT(p->width.pct, 50 * 65536);
    CHECK_INT(p->text_indent.sp, -18 * PT);
    CHECK_INT(p->start_indent.pct, 10 * 65536);
    CHECK_INT(p->height.kind, MD_FO_LEN_AUTO);
    md_fo_free(doc);
}

static void
test_inheritance(void)
{
    md_fo_doc *doc;
    const char *body =
        "<fo:block font-size=\"10pt\" line-height=\"1.5\" color=\"#336699\" "
        "space-before=\"4pt\" start-indent=\"5pt\" text-align=\"justify\" hyphenate=\"true\" "
        "font-family=\"Noto Serif, serif\" width=\"50%\">"
        "<fo:block font-size=\"1.5em\" margin-left=\"2em\" padding-left=\"1pt\">x</fo:block>"
        "<fo:block font-size=\"120%\" line-height=\"150%\" font-weight=\"bold\">"
        "<fo:block font-size=\"20pt\" text-align-last=\"center\" font-weight=\"lighter\"/>"
        "</fo:block></fo:block>";
    const md_fo_props *outer = block(body, 0, &doc);
    const md_fo_props *a = nth(doc, MD_FO_BLOCK, 1)->props;
    const md_fo_props *b = nth(doc, MD_FO_BLOCK, 2)->props;
    const md_fo_props *c = nth(doc, MD_FO_BLOCK, 3)->props;
    CHECK_INT(outer->line_height, 15 * PT);
    CHECK_INT(outer->text_align_last, MD_FO_ALIGN_START); /* relative after justify */
    /* em of the parent's font size; the number line-height is inherited as a number. */
    CHECK_INT(a->font_size, 15 * PT);
    CHECK_INT(a->line_height, 22 * PT + PT / 2);
    CHECK_INT(a->color, 0x336699);
    CHECK_STR(a->font_family, "Noto Serif, serif");
    CHECK_INT(a->is_hyphenate, 1);
    CHECK_INT(a->text_align, MD_FO_ALIGN_JUSTIFY);
    /* space-before and width are not inherited. */
    CHECK_INT(a->space_before.opt.sp, 0);
    CHECK_INT(a->width.kind, MD_FO_LEN_AUTO);
    /* start-indent = inherited 5pt + margin-left 2em (30pt) + padding-left 1pt (§5.3.2). */
    CHECK_INT(a->start_indent.sp, 36 * PT);
    CHECK_INT(b->font_size, 12 * PT);
    CHECK_INT(b->start_indent.sp, 5 * PT);
    /* A percentage line-height is inherited as the length it computes to. */
    CHECK_INT(b->line_height, 18 * PT);
    CHECK_INT(c->font_size, 20 * PT);
    CHECK_INT(c->line_height, 18 * PT);
    CHECK_INT(c->text_align_last, MD_FO_ALIGN_CENTER);
    CHECK_INT(c->font_weight, 400);
    CHECK_INT(b->font_weight, 700);
    md_fo_free(doc);
}

/* body-start() and label-end() name the list they are given in (XSL §5.10.4): inherited into
 * a nested list they keep the outer list's depth; given again inside it, the inner one's. */
static void
test_list_functions(void)
{
    md_fo_doc *doc;
    const char *body =
        "<fo:list-block><fo:list-item><fo:list-item-label end-indent=\"label-end()\">"
        "<fo:block>1.</fo:block></fo:list-item-label>"
        "<fo:list-item-body start-indent=\"body-start()\"><fo:list-block><fo:list-item>"
        "<fo:list-item-label end-indent=\"label-end()\"><fo:block>a)</fo:block>"
        "</fo:list-item-label><fo:list-item-body start-indent=\"body-start()\">"
        "<fo:block>x</fo:block></fo:list-item-body></fo:list-item></fo:list-block>"
        "</fo:list-item-body></fo:list-item></fo:list-block>";
    block(body, 0, &doc);
    const md_fo_props *outer_body = nth(doc, MD_FO_LIST_ITEM_BODY, 0)->props;
    const md_fo_props *inner_list = nth(doc, MD_FO_LIST_BLOCK, 1)->props;
    const md_fo_props *inner_label = nth(doc, MD_FO_LIST_ITEM_LABEL, 1)->props;
    const md_fo_props *inner_body = nth(doc, MD_FO_LIST_ITEM_BODY, 1)->props;
    CHECK_INT(outer_body->list_depth, 1);
    CHECK_INT(inner_list->list_depth, 2);
    CHECK_INT(outer_body->start_indent.kind, MD_FO_LEN_BODY_START);
    CHECK_INT(outer_body->start_indent.sp, 1);
    /* The inner label's start-indent comes from the outer body: the outer list's body start. */
    CHECK_INT(inner_label->start_indent.kind, MD_FO_LEN_BODY_START);
    CHECK_INT(inner_label->start_indent.sp, 1);
    CHECK_INT(inner_label->end_indent.kind, MD_FO_LEN_LABEL_END);
    CHECK_INT(inner_label->end_indent.sp, 2);
    CHECK_INT(inner_body->start_indent.sp, 2);
    md_fo_free(doc);
}

static uint32_t
color_of(const char *value, char **report)
{
    char text[512];
    snprintf(text, sizeof text, FLOW_OPEN "<fo:block color=\"%s\"/>" FLOW_CLOSE, value);
    md_fo_doc *doc;
    md_status st = run(text, &doc, report);
    CHECK_INT(st, MD_OK);
    uint32_t c = st == MD_OK ? nth(doc, MD_FO_BLOCK, 0)->props->color : 0xDEAD;
    md_fo_free(doc);
    return c;
}

static void
test_colors(void)
{
    static const struct {
        const char *value;
        uint32_t rgb;
    } cases[] = {
        {"#f00", 0xFF0000},
        {"#336699", 0x336699},
        {"#AbCdEf", 0xABCDEF},
        {"rgb(10, 20, 30)", 0x0A141E},
        {"rgb(100%,0%,50%)", 0xFF0080},
        {"gray", 0x808080},
        {"grey", 0x808080},
        {"navy", 0x000080},
        {"orange", 0xFFA500},
        {"white", 0xFFFFFF},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *r;
        CHECK_INT(color_of(cases[i].value, &r), cases[i].rgb);
        CHECK_STR(r, "");
        md_free(r);
    }
    char *r;
    CHECK_INT(color_of("#12345", &r), 0);
    CHECK_STR(r, "t.fo:1: warning: fo:block color=\"#12345\": not a colour (a name, #rrggbb or "
                 "rgb(r, g, b)); ignored\n");
    md_free(r);
    md_fo_doc *doc;
    const md_fo_props *p = block("<fo:block background-color=\"transparent\"/>"
                                 "<fo:block background-color=\"silver\"/>",
                                 0, &doc);
    CHECK_INT(p->background_color, MD_FO_COLOR_NONE);
    CHECK_INT(nth(doc, MD_FO_BLOCK, 1)->props->background_color, 0xC0C0C0);
    md_fo_free(doc);
}

static void
test_shorthands(void)
{
    md_fo_doc *doc;
    const md_fo_props *p =
        block("<fo:block margin=\"1pt 2pt 3pt 4pt\" padding=\"1pt 2pt\" color=\"red\" "
              "border=\"2pt solid\" border-top-width=\"thin\" border-left=\"3pt dashed blue\" "
              "keep-together.within-page=\"always\" "
              "keep-with-next=\"5\" font=\"italic bold 9pt/11pt Noto Serif\" "
              "break-before=\"page\"/>",
              0, &doc);
    CHECK_INT(p->margin[MD_FO_BEFORE].sp, 1 * PT);
    CHECK_INT(p->margin[MD_FO_END].sp, 2 * PT);
    CHECK_INT(p->margin[MD_FO_AFTER].sp, 3 * PT);
    CHECK_INT(p->margin[MD_FO_START].sp, 4 * PT);
    /* margin-top gives space-before (§5.3.2); the component keeps its own value. */
    CHECK_INT(p->space_before.opt.sp, 1 * PT);
    CHECK_INT(p->space_before.min.sp, 1 * PT);
    CHECK_INT(p->space_after.max.sp, 3 * PT);
    CHECK_INT(p->padding[MD_FO_BEFORE].sp, 1 * PT);
    CHECK_INT(p->padding[MD_FO_START].sp, 2 * PT);
    CHECK_INT(p->padding[MD_FO_END].sp, 2 * PT);
    /* start-indent = 0 + margin 4pt + padding 2pt + border 3pt. */
    CHECK_INT(p->start_indent.sp, 9 * PT);
    CHECK_INT(p->border[MD_FO_BEFORE].width, PT / 2);
    CHECK_INT(p->border[MD_FO_BEFORE].style, MD_FO_BORDER_SOLID);
    CHECK_INT(p->border[MD_FO_BEFORE].color, 0xFF0000); /* the element's color */
    CHECK_INT(p->border[MD_FO_AFTER].width, 2 * PT);
    CHECK_INT(p->border[MD_FO_START].style, MD_FO_BORDER_DASHED);
    CHECK_INT(p->border[MD_FO_START].color, 0x0000FF);
    CHECK_INT(p->keep_together.within_page, MD_FO_KEEP_ALWAYS);
    CHECK_INT(p->keep_together.within_column, 0);
    CHECK_INT(p->keep_with_next.within_page, 5);
    CHECK_INT(p->keep_with_next.within_line, 5);
    CHECK_INT(p->font_style, MD_FO_FONT_ITALIC);
    CHECK_INT(p->font_weight, 700);
    CHECK_INT(p->font_size, 9 * PT);
    CHECK_INT(p->line_height, 11 * PT);
    CHECK_STR(p->font_family, "Noto Serif");
    CHECK_INT(p->break_before, MD_FO_BREAK_PAGE);
    md_fo_free(doc);

    /* space-before="6pt" and its components; the more precise property wins over margin. */
    p = block("<fo:block space-before.optimum=\"8pt\" margin-top=\"20pt\" space-before=\"6pt\" "
              "space-before.precedence=\"force\" space-before.conditionality=\"retain\" "
              "border-bottom-style=\"none\" "
              "border-width=\"4pt\"/>",
              0, &doc);
    CHECK_INT(p->space_before.min.sp, 6 * PT);
    CHECK_INT(p->space_before.opt.sp, 8 * PT);
    CHECK_INT(p->space_before.max.sp, 6 * PT);
    CHECK_INT(p->space_before.precedence, INT32_MAX);
    CHECK_INT(p->space_before.is_retain, 1);
    /* A border without a style has no width (XSL §7.8). */
    CHECK_INT(p->border[MD_FO_AFTER].width, 0);
    md_fo_free(doc);
}

/* The text of the n-th text node. */
static const char *
text_at(const md_fo_doc *doc, int n)
{
    const md_fo_node *t = nth(doc, MD_FO_TEXT, n);
    return t != NULL ? t->text : "(none)";
}

static void
test_white_space(void)
{
    md_fo_doc *doc;
    block("\n  <fo:block>\n    Hello \t  <fo:inline> big </fo:inline>  world\xC2\xA0 x\n"
          "    <fo:block> inner  </fo:block>\n  tail <fo:page-number/> .</fo:block>\n"
          "<fo:block linefeed-treatment=\"preserve\">a  \n  b</fo:block>"
          "<fo:block white-space=\"pre\">  a  b</fo:block>",
          0, &doc);
    CHECK_STR(text_at(doc, 0), "Hello ");
    CHECK_STR(text_at(doc, 1), "big ");
    CHECK_STR(text_at(doc, 2), "world\xC2\xA0 x");
    CHECK_STR(text_at(doc, 3), "inner");
    CHECK_STR(text_at(doc, 4), "tail ");
    CHECK_STR(text_at(doc, 5), " .");
    CHECK_STR(text_at(doc, 6), "a\nb");
    CHECK_STR(text_at(doc, 7), "  a  b");
    CHECK(nth(doc, MD_FO_TEXT, 8) == NULL);
    /* No whitespace-only text survives between blocks. */
    const md_fo_node *flow = nth(doc, MD_FO_FLOW, 0);
    CHECK_INT(flow->first->kind, MD_FO_BLOCK);
    CHECK_INT(nth(doc, MD_FO_TEXT, 3)->text_len, 5);
    md_fo_free(doc);
}

static void
expect(const char *text, md_status want, const char *report)
{
    md_fo_doc *doc;
    char *r;
    md_status st = run(text, &doc, &r);
    CHECK_INT(st, want);
    CHECK_STR(r, report);
    md_free(r);
    md_fo_free(doc);
}

static void
test_warnings(void)
{
    expect(FLOW_OPEN "\n<fo:float><fo:block>x</fo:block></fo:float>\n"
                     "<fo:block letter-spacing=\"1pt\"/>\n<fo:block letter-spacing=\"2pt\" "
                     "fox:foo=\"1\" width.minimum=\"2pt\"/>\n"
                     "<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"/>" FLOW_CLOSE,
           MD_OK,
           "t.fo:2: warning: fo:float is not supported by motesdok; skipped (see "
           "docs/fo-subset.md)\n"
           "t.fo:3: warning: property letter-spacing is not supported by motesdok; ignored (see "
           "docs/fo-subset.md) [2 times]\n"
           "t.fo:4: warning: property fox:foo is not supported by motesdok; ignored (see "
           "docs/fo-subset.md)\n"
           "t.fo:4: warning: property width.minimum is not supported by motesdok; ignored (see "
           "docs/fo-subset.md)\n"
           "t.fo:5: warning: element svg:svg (namespace http://www.w3.org/2000/svg) is not "
           "supported by motesdok; skipped (see docs/fo-subset.md)\n");
    expect(FLOW_OPEN "\n<fo:block font-size=\"big\" space-after=\"3\"/>" FLOW_CLOSE, MD_OK,
           "t.fo:2: warning: fo:block font-size=\"big\": not a font size; ignored\n"
           "t.fo:2: warning: fo:block space-after=\"3\": not a length; ignored\n");
    expect(FLOW_OPEN "Loose text<fo:block/>" FLOW_CLOSE, MD_OK,
           "t.fo:1: warning: text inside fo:flow is not allowed; skipped (put it in an "
           "fo:block)\n");
    expect(FO_OPEN "<fo:root/></fo:root>", MD_OK,
           "t.fo:1: warning: fo:root is not supported by motesdok; skipped (see "
           "docs/fo-subset.md)\n");
}

static void
test_refusals(void)
{
    expect("<!DOCTYPE fo:root SYSTEM \"http://example.org/fo.dtd\">\n" FO_OPEN "</fo:root>",
           MD_EINPUT,
           "t.fo:1: error: <!DOCTYPE> in a layout tree; motesdok reads no DTD or entities, "
           "remove it\n");
    expect("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> "
           "%p;]>\n" FO_OPEN "</fo:root>",
           MD_EINPUT,
           "t.fo:2: error: <!DOCTYPE> in a layout tree; motesdok reads no DTD or entities, "
           "remove it\n");
    expect("<fo:block xmlns:fo=\"http://www.w3.org/1999/XSL/Format\"/>", MD_EINPUT,
           "t.fo:1: error: the document element is <block>, not fo:root in namespace "
           "http://www.w3.org/1999/XSL/Format\n");
    expect(FO_OPEN "\n<fo:block>", MD_EINPUT,
           "t.fo:2: error: the file ends inside fo:block (line 2); close it\n");
    expect(FO_OPEN "\n<fo:block>\n</fo:inline></fo:root>", MD_EINPUT,
           "t.fo:3: error: </inline> does not close <block> opened on line 2\n");
    expect("", MD_EINPUT, "t.fo:1: error: the file is empty; a layout tree starts with fo:root\n");
    expect(FO_OPEN "\xE5</fo:root>", MD_EINPUT, "t.fo:1:141: error: byte 0xE5 is not UTF-8\n");

    /* 10,000 nested blocks: refused at depth 200, well before any stack could overflow. */
    size_t n = 10000;
    md_buf b = {0};
    md_buf_adds(&b, FLOW_OPEN);
    for (size_t i = 0; i < n; i++)
        md_buf_adds(&b, "<fo:block>");
    for (size_t i = 0; i < n; i++)
        md_buf_adds(&b, "</fo:block>");
    md_buf_adds(&b, FLOW_CLOSE);
    expect(b.data, MD_ELIMIT,
           "t.fo:1: error: elements nested more than 200 deep; the layout tree is too deep (a "
           "stylesheet recursing?)\n");
    /* Deep nesting inside a skipped foreign element stops at libxml2's limit (256). */
    md_buf_clear(&b);
    md_buf_adds(&b, FLOW_OPEN "<x:a xmlns:x=\"urn:x\">");
    for (size_t i = 0; i < n; i++)
        md_buf_adds(&b, "<x:a>");
    expect(b.data, MD_ELIMIT,
           "t.fo:1: warning: element x:a (namespace urn:x) is not supported by motesdok; skipped "
           "(see docs/fo-subset.md)\n"
           "t.fo:1:1507: error: elements nested more than 256 deep; the layout tree is too deep\n");
    /* 190 nested blocks (193 elements deep) are fine. */
    md_buf_clear(&b);
    md_buf_adds(&b, FLOW_OPEN);
    for (size_t i = 0; i < 190; i++)
        md_buf_adds(&b, "<fo:block>");
    md_buf_adds(&b, "deep");
    for (size_t i = 0; i < 190; i++)
        md_buf_adds(&b, "</fo:block>");
    md_buf_adds(&b, FLOW_CLOSE);
    expect(b.data, MD_OK, "");
    md_buf_free(&b);
}

static void
test_file(void)
{
    md_diags *d = md_diags_new();
    md_fo_doc *doc = NULL;
    md_status st = md_fo_read("tests/fo/pages.fo", d, &doc);
    CHECK_INT(st, MD_OK);
    CHECK_INT(md_diags_count(d, MD_DIAG_WARNING), 0);
    if (st != MD_OK) {
        md_diags_free(d);
        return;
    }
    CHECK_STR(md_fo_path(doc), "tests/fo/pages.fo");
    const md_fo_node *root = md_fo_root(doc);
    CHECK_INT(root->kind, MD_FO_ROOT);
    CHECK_STR(root->props->language, "sv");
    CHECK_STR(root->props->country, "SE");
    CHECK_INT(root->first->kind, MD_FO_LAYOUT_MASTER_SET);
    CHECK_INT(root->first->line, 5);
    const md_fo_node *spm = nth(doc, MD_FO_SIMPLE_PAGE_MASTER, 0);
    CHECK_STR(spm->props->master_name, "first");
    CHECK_INT(spm->props->page_width, 39011981);
    CHECK_INT(spm->props->margin[MD_FO_START].sp, 4644283); /* 25mm = 4644283.46… */
    const md_fo_node *rb = nth(doc, MD_FO_REGION_BEFORE, 0);
    CHECK_STR(rb->props->region_name, "head-first");
    CHECK_INT(rb->props->is_precedence, 1);
    CHECK_INT(rb->props->extent.sp, 4644283);
    CHECK_INT(nth(doc, MD_FO_CONDITIONAL_PAGE_MASTER_REFERENCE, 1)->props->page_position, 3);
    CHECK_STR(nth(doc, MD_FO_TITLE, 0)->first->text, "Kallelse");
    const md_fo_node *h = nth(doc, MD_FO_BLOCK, 1);
    CHECK_STR(h->props->role, "H1");
    CHECK_INT(h->src_line, 12);
    /* libxml2 gives the line where the start tag ends. */
    CHECK_INT(h->line, 29);
    CHECK_INT(h->first->src_line, 12);
    CHECK_INT(h->props->font_size, 16 * PT);
    CHECK_INT(h->props->keep_with_next.within_page, MD_FO_KEEP_ALWAYS);
    CHECK_INT(h->props->keep_with_next.within_line, 0);
    /* md:src is inherited by nodes without their own; 0 where none is given. */
    CHECK_INT(nth(doc, MD_FO_LIST_ITEM_BODY, 0)->src_line, 14);
    CHECK_INT(nth(doc, MD_FO_TABLE, 0)->src_line, 0);
    CHECK_INT(nth(doc, MD_FO_LIST_ITEM_LABEL, 0)->props->end_indent.kind, MD_FO_LEN_LABEL_END);
    CHECK_INT(nth(doc, MD_FO_LIST_ITEM_BODY, 0)->props->start_indent.kind, MD_FO_LEN_BODY_START);
    CHECK_INT(nth(doc, MD_FO_LIST_BLOCK, 0)->props->provisional_distance_between_starts.sp,
              1486171);
    const md_fo_node *col = nth(doc, MD_FO_TABLE_COLUMN, 0);
    CHECK_INT(col->props->column_width.kind, MD_FO_LEN_PROPORTIONAL);
    CHECK_INT(col->props->column_width.pct, 2 * 65536);
    CHECK_INT(nth(doc, MD_FO_TABLE_COLUMN, 1)->props->column_width.pct, 30 * 65536);
    const md_fo_node *cell = nth(doc, MD_FO_TABLE_CELL, 0);
    CHECK_INT(cell->props->number_columns_spanned, 2);
    CHECK_INT(cell->props->border[MD_FO_END].color, 0x808080);
    CHECK_INT(nth(doc, MD_FO_TABLE, 0)->props->is_table_layout_fixed, 1);
    const md_fo_node *img = nth(doc, MD_FO_EXTERNAL_GRAPHIC, 0);
    CHECK_STR(img->props->src, "xml/brand/logo.svg");
    CHECK_STR(img->props->alt_text, "Örebro kommun");
    CHECK_INT(img->props->content_width.kind, MD_FO_LEN_SCALE_TO_FIT);
    CHECK_STR(nth(doc, MD_FO_BASIC_LINK, 0)->props->external_destination, "https://www.orebro.se/");
    CHECK_INT(nth(doc, MD_FO_LEADER, 0)->props->leader_pattern, MD_FO_LEADER_RULE);
    CHECK_INT(nth(doc, MD_FO_LEADER, 0)->props->leader_length.opt.sp, 7430854);
    CHECK_STR(nth(doc, MD_FO_PAGE_NUMBER_CITATION_LAST, 0)->props->ref_id, "end");
    CHECK_STR(nth(doc, MD_FO_TEXT, 1)->text, "Sida ");
    CHECK_STR(nth(doc, MD_FO_TEXT, 2)->text, " av ");
    md_fo_free(doc);
    md_diags_free(d);
}

/* Every allocation can fail: the reader says MD_ENOMEM and leaks nothing. */
static void
test_alloc_failures(void)
{
    md_buf b = {0};
    FILE *f = fopen("tests/fo/pages.fo", "rb");
    char chunk[4096];
    size_t n;
    while (f != NULL && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        md_buf_add(&b, chunk, n);
    if (f != NULL)
        fclose(f);
    CHECK(b.len > 0);
    int bad = 0, ok = 0;
    unsigned long k;
    for (k = 1; k < 10000 && b.len > 0; k++) {
        md_diags *d = md_diags_new();
        md_fo_doc *doc = NULL;
        md_alloc_fail_at(k);
        md_status st = md_fo_read_memory("t.fo", b.data, b.len, d, &doc);
        md_alloc_fail_at(0);
        if (st != MD_OK && st != MD_ENOMEM)
            bad++;
        md_fo_free(doc);
        md_diags_free(d);
        if (st == MD_OK) {
            ok = 1;
            break;
        }
    }
    CHECK_INT(bad, 0);
    CHECK_INT(ok, 1);
    CHECK(k > 3);
    md_buf_free(&b);
}

/* fo-value.c on its own: the flags, the functions, colours and tokens. */
static void
test_values(void)
{
    md_fo_len l = {0};
    CHECK_INT(md_fo_len_parse("10mm", 4, 10 * PT, 0, &l), 1);
    CHECK_INT(l.sp, 1857713);
    CHECK_INT(md_fo_len_parse("-0.1pt", 6, 10 * PT, 0, &l), 0);
    CHECK_INT(md_fo_len_parse("-0.1pt", 6, 10 * PT, MD_FO_LENF_NEG, &l), 1);
    CHECK_INT(l.sp, -6554);
    CHECK_INT(md_fo_len_parse("50%", 3, 10 * PT, 0, &l), 0);
    CHECK_INT(md_fo_len_parse("50%", 3, 10 * PT, MD_FO_LENF_PCT, &l), 1);
    CHECK_INT(l.pct, 50 * 65536);
    CHECK_INT(md_fo_len_parse("1.5em", 5, 10 * PT, 0, &l), 1);
    CHECK_INT(l.sp, 15 * PT);
    CHECK_INT(md_fo_len_parse("auto", 4, 0, 0, &l), 0);
    CHECK_INT(md_fo_len_parse("auto", 4, 0, MD_FO_LENF_AUTO, &l), 1);
    CHECK_INT(l.kind, MD_FO_LEN_AUTO);
    CHECK_INT(md_fo_len_parse("body-start( )", 13, 0, 0, &l), 1);
    CHECK_INT(l.kind, MD_FO_LEN_BODY_START);
    CHECK_INT(md_fo_len_parse("12", 2, 0, 0, &l), 0);
    uint32_t c = 0;
    CHECK_INT(md_fo_color_parse("#abc", 4, 0, &c), 1);
    CHECK_INT(c, 0xAABBCC);
    CHECK_INT(md_fo_color_parse("rgb(100%, 0, 255)", 17, 0, &c), 1);
    CHECK_INT(c, 0xFF00FF);
    CHECK_INT(md_fo_color_parse("rgb(1,2)", 8, 0, &c), 0);
    CHECK_INT(md_fo_color_parse("transparent", 11, 0, &c), 0);
    CHECK_INT(md_fo_color_parse("transparent", 11, 1, &c), 1);
    CHECK_INT(c, MD_FO_COLOR_NONE);
    md_fo_tok t[4];
    const char *v = " a proportional-column-width( 2 ) b ";
    CHECK_INT(md_fo_tokens(v, t, 3), 3);
    CHECK_INT(t[1].len, strlen("proportional-column-width( 2 )"));
    CHECK_INT(md_fo_tokens(v, t, 2), 3);
    size_t al = 0;
    const char *a = md_fo_func_arg(t[1].s, t[1].len, "proportional-column-width", &al);
    CHECK(a != NULL && al == 1 && a[0] == '2');
    CHECK_INT(md_fo_round_div(-3, 2), -2);
    CHECK_INT(md_fo_round_div(5, 2), 3);
}

/* Author, subject and keywords from the XMP packet in fo:declarations, as FOP reads them. */
static void
test_metadata(void)
{
    md_fo_doc *doc = NULL;
    char *report = NULL;
    const char *xmp =
        FO_OPEN "<fo:layout-master-set/><fo:declarations>"
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">"
                "<dc:creator><rdf:Seq><rdf:li>Örebro kommun</rdf:li><rdf:li> Samverkansrådet\n"
                "  </rdf:li></rdf:Seq></dc:creator>"
                "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">Kallelse\n   och "
                "föredragningslista</rdf:li></rdf:Alt></dc:description>"
                "<pdf:Keywords>kallelse, 2024</pdf:Keywords>"
                "<dc:title>not read here</dc:title>"
                "</rdf:Description></rdf:RDF></x:xmpmeta></fo:declarations>"
                "<fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\">"
                "<fo:block>x</fo:block>" FLOW_CLOSE;
    CHECK_INT(run(xmp, &doc, &report), MD_OK);
    const md_fo_meta *m = doc != NULL ? md_fo_meta_of(doc) : NULL;
    CHECK(m != NULL && m->author != NULL &&
          strcmp(m->author, "Örebro kommun, Samverkansrådet") == 0);
    CHECK(m != NULL && m->subject != NULL &&
          strcmp(m->subject, "Kallelse och föredragningslista") == 0);
    CHECK(m != NULL && m->keywords != NULL && strcmp(m->keywords, "kallelse, 2024") == 0);
    /* Nothing is warned about: the XMP packet is read, not skipped as unknown. */
    CHECK_STR(report, "");
    md_fo_free(doc);
    md_free(report);
    /* Without declarations, or with an empty creator: NULL. */
    CHECK_INT(run(FLOW_OPEN "<fo:block>x</fo:block>" FLOW_CLOSE, &doc, &report), MD_OK);
    m = doc != NULL ? md_fo_meta_of(doc) : NULL;
    CHECK(m != NULL && m->author == NULL && m->subject == NULL && m->keywords == NULL);
    md_fo_free(doc);
    md_free(report);
}

int
main(void)
{
    test_values();
    test_lengths();
    test_inheritance();
    test_list_functions();
    test_colors();
    test_shorthands();
    test_white_space();
    test_warnings();
    test_refusals();
    test_file();
    test_alloc_failures();
    test_metadata();
    return check_done();
}
