/* libFuzzer target: arbitrary bytes as paragraph text (invalid UTF-8 included) set by the
 * text engine at a width, alignment and size taken from the first bytes. Any input must give
 * lines or an error status: no crash, leak, hang or line past the measure without a warning.
 * Build and run: make fuzz. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "diag.h"
#include "font.h"
#include "hyph.h"
#include "para.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static md_font_set *fonts;
static md_font *font;
static md_hyph *hyph;

static void
load(void)
{
    md_diags *d = md_diags_new();
    if (md_font_set_load("fonts", d, &fonts) != MD_OK ||
        md_font_lookup(fonts, "sans", 400, 0, d, &font) != MD_OK ||
        md_hyph_load("/usr/share/hyphen/hyph_sv_SE.dic", "xml/hyphenation/sv-exceptions.txt", d,
                     &hyph) != MD_OK) {
        fprintf(stderr, "para_fuzz: run from the repository root (fonts/, xml/)\n");
        abort();
    }
    md_diags_free(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fonts == NULL)
        load();
    if (size < 3)
        return 0;
    /* Width 20..275 pt, alignment, size 6..21 pt, hyphenation on or off. */
    md_sp width = (md_sp)(20 + data[0]) * MD_SP_PER_PT;
    md_para_params p;
    md_para_params_default(&p, width);
    p.align = (md_para_align)(data[1] & 3);
    p.align_last = (md_para_align)((data[1] >> 2) & 3);
    md_para_style style = {font, (md_sp)(6 + (data[2] & 15)) * MD_SP_PER_PT, 0,
                           (uint8_t)(data[2] >> 7)};
    md_para_span span = {(const char *)data + 3, size - 3, &style, 0, 0};
    md_para_env env = {fonts, hyph};
    md_arena *a = md_arena_new();
    md_diags *d = md_diags_new();
    md_para out;
    md_status st = md_para_set(&env, &span, 1, &p, a, d, "fuzz", 1, &out);
    /* An overfull line is allowed only with a warning saying so. */
    if (st == MD_OK) {
        for (size_t l = 0; l < out.lines_len; l++) {
            if (out.lines[l].is_overfull && md_diags_count(d, MD_DIAG_WARNING) == 0)
                abort();
        }
    }
    md_diags_free(d);
    md_arena_free(a);
    return 0;
}
