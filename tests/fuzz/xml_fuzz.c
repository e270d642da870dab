/* libFuzzer target: bytes as a meeting file → safe parse → RELAX NG validation → lint → for a
 * valid meeting, the transformation into a layout tree (xsl/kallelse.xsl or xsl/protokoll.xsl,
 * by the input's length, as `motesdok kallelse` and `protokoll` run them). Any input must end in
 * MD_OK or an error status with diagnostics: no crash, leak or hang.
 * Build and run: make fuzz (clang, -fsanitize=fuzzer,address,undefined), from the repository
 * root (xml/, xsl/). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "xml.h"
#include "xslt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static md_xslt *styles[2];

static void
unload(void)
{
    md_xslt_free(styles[0]);
    md_xslt_free(styles[1]);
}

static void
load(void)
{
    md_diags *d = md_diags_new();
    if (md_xslt_load(".", "xsl/kallelse.xsl", d, &styles[0]) != MD_OK ||
        md_xslt_load(".", "xsl/protokoll.xsl", d, &styles[1]) != MD_OK) {
        md_buf out = {0};
        md_diags_render(d, &out);
        fprintf(stderr, "xml_fuzz: run from the repository root (xml/, xsl/)\n%s",
                out.data ? out.data : "");
        abort();
    }
    md_diags_free(d);
    atexit(unload);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (styles[0] == NULL)
        load();
    md_diags *d = md_diags_new();
    md_xml_doc *doc = NULL;
    if (d == NULL)
        return 0;
    md_status st = md_xml_read_memory("xml/meetings/fuzz.xml", (const char *)data, size, d, &doc);
    if (st == MD_OK)
        st = md_xml_validate(doc, "xml/schema/meeting.rng", d);
    if (st == MD_OK)
        st = md_xml_lint(doc, d);
    char date[11];
    if (st == MD_OK)
        st = md_xslt_build_date(NULL, doc, d, date);
    md_buf fo = {0};
    if (st == MD_OK) {
        const char *params[] = {"brand", "orebro", "build-date", date, NULL};
        st = md_xslt_run(styles[size & 1], doc, params, d, &fo);
    }
    /* Every failure explains itself: an error status without an error message is a bug. */
    if (st != MD_OK && st != MD_ENOMEM && md_diags_count(d, MD_DIAG_ERROR) == 0)
        abort();
    md_buf out = {0};
    md_diags_render(d, &out);
    md_buf_free(&out);
    md_buf_free(&fo);
    md_xml_free(doc);
    md_diags_free(d);
    return 0;
}
