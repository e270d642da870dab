/* libFuzzer target: arbitrary bytes as paragraph text (invalid UTF-8 included) set by the
 * text engine at a width, alignment and size taken from the first bytes. Any input must give
 * lines or an error status: no crash, leak, hang or line past the measure without a warning.
 * When bit 7 of the second byte is set the input is "extended": the measure may be as narrow
 * as 1 pt, the first line indented (also negatively), up to 4 hyphenated lines in a row, and
 * every byte 0x01 starts a new span whose style (font of four, size, hyphenation, fill) the
 * byte after it chooses, so that style changes fall anywhere, inside words and inside UTF-8
 * sequences too. Inputs without that bit mean what they always meant (the regression inputs).
 * Build and run: make fuzz. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "font.h"
#include "hyph.h"
#include "para.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char *__lsan_default_suppressions(void);

/* Fontconfig keeps the project's configuration (made current by md_font_set_load) and its
 * caches until exit, as tests/lsan.supp says for make check; built in, so that make fuzz needs
 * no LSAN_OPTIONS. A leak in our code still stops the run. */
const char *
__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n";
}

static md_font_set *fonts;
static md_font *font, *fonts4[4];
static md_hyph *hyph;

static void
unload(void)
{
    md_hyph_free(hyph);
    md_font_set_free(fonts);
}

static void
load(void)
{
    md_diags *d = md_diags_new();
    if (md_font_set_load("fonts", d, &fonts) != MD_OK ||
        md_font_lookup(fonts, "sans", 400, 0, d, &font) != MD_OK ||
        md_font_lookup(fonts, "sans", 700, 1, d, &fonts4[1]) != MD_OK ||
        md_font_lookup(fonts, "serif", 400, 1, d, &fonts4[2]) != MD_OK ||
        md_font_lookup(fonts, "serif", 700, 0, d, &fonts4[3]) != MD_OK ||
        md_hyph_load("/usr/share/hyphen/hyph_sv_SE.dic", "xml/hyphenation/sv-exceptions.txt", d,
                     &hyph) != MD_OK) {
        fprintf(stderr, "para_fuzz: run from the repository root (fonts/, xml/)\n");
        abort();
    }
    md_diags_free(d);
    fonts4[0] = font;
    atexit(unload);
}

#define MAX_SPANS 64

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
    md_para_span spans[MAX_SPANS] = {{(const char *)data + 3, size - 3, &style, 0, 0}};
    md_para_style styles[MAX_SPANS];
    size_t spans_len = 1;
    if (data[1] & 0x80) {
        if (data[1] & 0x10)
            p.width = (md_sp)(1 + data[0] % 20) * MD_SP_PER_PT;
        p.max_hyphen_run = 1 + ((data[1] >> 5) & 3);
        p.text_indent = (md_sp)((data[2] >> 4) & 7) * 4 * MD_SP_PER_PT;
        if (data[1] & 0x40)
            p.text_indent = -p.text_indent;
        /* Spans: 0x01 ends one; the byte after it is the next one's style. */
        const char *t = (const char *)data + 3, *end = (const char *)data + size;
        spans_len = 0;
        md_para_style cur = style;
        uint8_t fill = 0;
        while (t <= end && spans_len < MAX_SPANS) {
            const char *sep = memchr(t, 0x01, (size_t)(end - t));
            const char *stop = sep != NULL && spans_len + 1 < MAX_SPANS ? sep : end;
            styles[spans_len] = cur;
            spans[spans_len] = (md_para_span){t, (size_t)(stop - t), &styles[spans_len],
                                              (uint32_t)spans_len, fill};
            spans_len++;
            if (stop == end || stop + 1 >= end)
                break;
            uint8_t b = (uint8_t)stop[1];
            cur.font = fonts4[b & 3];
            cur.size = (md_sp)(4 + ((b >> 2) & 15) * 2) * MD_SP_PER_PT;
            cur.is_hyphenate = (uint8_t)((b >> 6) & 1);
            fill = (uint8_t)(b >> 7);
            t = stop + 2;
        }
    }
    md_para_env env = {fonts, hyph};
    md_arena *a = md_arena_new();
    md_diags *d = md_diags_new();
    md_para out;
    md_status st = md_para_set(&env, spans, spans_len, &p, a, d, "fuzz", 1, &out);
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
