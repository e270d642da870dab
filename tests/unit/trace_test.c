/* Tests of trace: the exact text format golden files rely on. */
#include "trace.h"

#include "check.h"

static const char *
name(const md_font *f)
{
    (void)f;
    return "NotoSans-Regular";
}

int
main(void)
{
    md_buf out = {0};
    md_trace *t = md_trace_new(&out, name);
    md_canvas c = md_trace_canvas(t);
    md_canvas_glyph g[2] = {{36, 65536, 131072}, {72, 70000, 131072}};
    md_canvas_cluster cl[2] = {{1, 1}, {2, 1}};
    md_canvas_text text = {NULL, 655360, 0x1a2b3c, "Aö", 3, g, 2, cl, 2, 0, 0};
    CHECK_INT(c.ops->begin_page(c.self, 100, 200), MD_OK);
    CHECK_INT(c.ops->begin_tag(c.self, "P", NULL), MD_OK);
    CHECK_INT(c.ops->text(c.self, &text), MD_OK);
    CHECK_INT(c.ops->end_tag(c.self, "P"), MD_OK);
    CHECK_INT(c.ops->rect(c.self, 1, 2, 3, 4, 0xff0000), MD_OK);
    CHECK_INT(c.ops->end_page(c.self), MD_OK);
    CHECK_STR(out.data, "page 1 100 200\n"
                        "<P>\n"
                        "  text 65536 131072 NotoSans-Regular 655360/65536 #1a2b3c 2 \"Aö\"\n"
                        "</P>\n"
                        "rect 1 2 3 4 #ff0000\n"
                        "end page 1\n");
    md_trace_free(t);
    md_buf_free(&out);
    return check_done();
}
