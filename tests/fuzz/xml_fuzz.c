/* libFuzzer target: bytes as a meeting file → safe parse → RELAX NG validation → lint. Any
 * input must end in MD_OK or an error status with diagnostics: no crash, leak or hang.
 * Build and run: make fuzz (clang, -fsanitize=fuzzer,address,undefined). */
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    md_diags *d = md_diags_new();
    md_xml_doc *doc = NULL;
    if (d == NULL)
        return 0;
    md_status st = md_xml_read_memory("xml/meetings/fuzz.xml", (const char *)data, size, d, &doc);
    if (st == MD_OK)
        st = md_xml_validate(doc, "xml/schema/meeting.rng", d);
    if (st == MD_OK)
        md_xml_lint(doc, d);
    md_buf out = {0};
    md_diags_render(d, &out);
    md_buf_free(&out);
    md_xml_free(doc);
    md_diags_free(d);
    return 0;
}
