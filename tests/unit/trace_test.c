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
    CHECK_INT(c.ops->dest(c.self, "p1", 10, 20), MD_OK);
    CHECK_INT(c.ops->text(c.self, &text), MD_OK);
    CHECK_INT(c.ops->end_tag(c.self, "P"), MD_OK);
    CHECK_INT(c.ops->rect(c.self, 1, 2, 3, 4, 0xff0000), MD_OK);
    CHECK_INT(c.ops->end_page(c.self), MD_OK);
    int top = 0, sub = 0;
    CHECK_INT(c.ops->outline(c.self, 0, "Dagordning", "dest='p1'", 1, &top), MD_OK);
    CHECK_INT(c.ops->outline(c.self, top, "§ 1", "dest='p1'", 0, &sub), MD_OK);
    CHECK_INT(top, 1);
    CHECK_INT(sub, 2);
    CHECK_STR(out.data, "page 1 100 200\n"
                        "<P>\n"
                        "  dest 10 20 p1\n"
                        "  text 65536 131072 NotoSans-Regular 655360/65536 #1a2b3c 2 \"Aö\"\n"
                        "</P>\n"
                        "rect 1 2 3 4 #ff0000\n"
                        "end page 1\n"
                        "outline 1 0 open \"Dagordning\" dest='p1'\n"
                        "outline 2 1 closed \"§ 1\" dest='p1'\n");
    md_trace_free(t);
    md_buf_free(&out);
    return check_done();
}
