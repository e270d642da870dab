/* Tests of diag: the compiler format, counts, and repeated warnings collapsed. */
#include "diag.h"

#include "check.h"

int
main(void)
{
    md_diags *d = md_diags_new();
    md_diag_add(d, MD_DIAG_ERROR, "m.xml", 57, 9, "<item> has no <title>; add one");
    md_diag_add(d, MD_DIAG_WARNING, "m.xml", 88, 0, "line overfull by %.1f pt", 2.1);
    md_diag_note(d, "m.fo", 3, 0, "in the layout tree");
    md_diag_add(d, MD_DIAG_WARNING, "m.xml", 90, 0, "line overfull by %.1f pt", 2.1);
    md_diag_note(d, "m.fo", 4, 0, "in the layout tree");
    md_diag_add(d, MD_DIAG_WARNING, "other.xml", 1, 0, "line overfull by %.1f pt", 2.1);
    md_diag_add(d, MD_DIAG_ERROR, NULL, 0, 0, "no such meeting");
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR), 2);
    CHECK_INT(md_diags_count(d, MD_DIAG_WARNING), 3);
    CHECK_INT(md_diags_count(d, MD_DIAG_NOTE), 0);
    md_buf out = {0};
    CHECK_INT(md_diags_render(d, &out), MD_OK);
    CHECK_STR(out.data, "m.xml:57:9: error: <item> has no <title>; add one\n"
                        "m.xml:88: warning: line overfull by 2.1 pt [2 times]\n"
                        "m.fo:3: note: in the layout tree\n"
                        "other.xml:1: warning: line overfull by 2.1 pt\n"
                        "motesdok: error: no such meeting\n");
    md_buf_free(&out);
    md_diags_free(d);
    md_diags_free(NULL);

    /* Out of memory while recording sets the flag and the rendering says so. */
    d = md_diags_new();
    md_alloc_fail_at(1);
    md_diag_add(d, MD_DIAG_ERROR, "m.xml", 1, 0, "lost");
    md_alloc_fail_at(0);
    CHECK(md_diags_is_oom(d));
    CHECK_INT(md_diags_render(d, &out), MD_OK);
    CHECK(strstr(out.data, "out of memory") != NULL);
    md_buf_free(&out);
    md_diags_free(d);
    return check_done();
}
