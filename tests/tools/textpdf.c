/* The text engine's test page: the paragraphs of tests/text/paragraphs.txt ({…} marks a
 * person's name, never hyphenated nor broken at its own hyphen) set justified at 60, 90 and 160 mm,
 * one width per page, in Noto Sans 10/14 pt, on A3-high pages so that each width fits one page.
 * Prints per width and per paragraph the figures the issue asks for (hyphenated lines, loose lines,
 * the widest word space), the widest and the tightest letter-spacing used, glyphs missing from
 * every font, and per page the lines that end in an inserted hyphen, so that tests/text/check.py
 * can compare pdftotext's text with the input. The PDF goes through the finishing step, one P
 * structure element per paragraph, as every PDF the tests make (tests/pdf/check.py). Usage:
 * textpdf PARAGRAPHS.txt OUT.pdf */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "canvas.h"
#include "diag.h"
#include "finish.h"
#include "font.h"
#include "hyph.h"
#include "out.h"
#include "para.h"
#include "pdf.h"

#define MM(x) ((md_sp)((x)*72.0 / 25.4 * MD_SP_PER_PT))
#define PT(x) ((md_sp)((x)*MD_SP_PER_PT))

/* The whole file at path (free), or NULL. */
static char *
slurp(const char *path)
{
    md_buf b = {0};
    if (md_buf_read_file(&b, path, (size_t)1 << 24) != MD_OK) {
        md_buf_free(&b);
        return NULL;
    }
    return md_buf_take(&b);
}

/* Splits a paragraph into spans: text in {} is a name (no hyphenation). The braces are
 * replaced by nothing: spans point into the paragraph. */
static size_t
make_spans(char *text, const md_para_style *plain, const md_para_style *name, md_para_span *out,
           size_t cap)
{
    size_t n = 0;
    char *p = text;
    while (*p != '\0' && n < cap) {
        char *open = strchr(p, '{');
        if (open == NULL) {
            out[n++] = (md_para_span){p, strlen(p), plain, 0, 0};
            break;
        }
        if (open > p)
            out[n++] = (md_para_span){p, (size_t)(open - p), plain, 0, 0};
        char *close = strchr(open, '}');
        if (close == NULL || n == cap)
            break;
        out[n++] = (md_para_span){open + 1, (size_t)(close - open - 1), name, 0, 0};
        p = close + 1;
    }
    return n;
}

static md_status
draw_line(md_canvas c, const md_para_line *line, md_sp left, md_sp baseline)
{
    md_status st = MD_OK;
    for (size_t r = 0; r < line->runs_len && st == MD_OK; r++) {
        const md_para_run *run = &line->runs[r];
        md_canvas_glyph g[512];
        md_canvas_cluster cl[512];
        if (run->glyphs_len > 512 || run->clusters_len > 512)
            return MD_ELIMIT;
        for (size_t i = 0; i < run->glyphs_len; i++)
            g[i] = (md_canvas_glyph){run->glyphs[i].id, left + run->glyphs[i].x,
                                     baseline + run->glyphs[i].y};
        for (size_t i = 0; i < run->clusters_len; i++)
            cl[i] = (md_canvas_cluster){run->clusters[i].num_bytes, run->clusters[i].num_glyphs};
        md_canvas_text t = {run->font,         run->style->size,
                            run->style->rgb,   run->text,
                            run->text_len,     g,
                            run->glyphs_len,   cl,
                            run->clusters_len, run->is_backward,
                            run->x_scale};
        st = c.ops->text(c.self, &t);
    }
    return st;
}

int
main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: textpdf PARAGRAPHS.txt OUT.pdf\n");
        return 2;
    }
    md_diags *d = md_diags_new();
    md_font_set *fonts = NULL;
    md_hyph *hyph = NULL;
    md_font *font = NULL;
    md_pdf *pdf = NULL;
    md_finish *fin = NULL;
    md_buf raw = {0}, done = {0};
    char *text = slurp(argv[1]);
    int rc = 1;
    if (text == NULL || md_font_set_load("fonts", d, &fonts) != MD_OK ||
        md_font_lookup(fonts, "Noto Sans", 400, 0, d, &font) != MD_OK ||
        md_hyph_load("/usr/share/hyphen/hyph_sv_SE.dic", "xml/hyphenation/sv-exceptions.txt", d,
                     &hyph) != MD_OK)
        goto out;
    md_pdf_meta meta = {.title = "motesdok: styckesättning",
                        .creator = "motesdok textpdf",
                        .date = "2024-01-30T00:00:00"};
    if (md_buf_addf(&raw, "%s.cairo", argv[2]) != MD_OK || md_finish_new(&fin) != MD_OK ||
        md_pdf_open(raw.data, &meta, d, &pdf) != MD_OK)
        goto out;
    md_canvas c = md_finish_canvas(fin, md_pdf_canvas(pdf));
    md_para_style plain = {font, PT(10), 0x000000, 1};
    md_para_style name = {font, PT(10), 0x000000, MD_PARA_WHOLE};
    md_para_env env = {fonts, hyph};
    const int widths_mm[] = {60, 90, 160};
    for (int w = 0; w < 3; w++) {
        md_arena *a = md_arena_new();
        md_para_params p;
        md_para_params_default(&p, MM(widths_mm[w]));
        c.ops->begin_page(c.self, MM(210), MM(420));
        if (w == 0)
            c.ops->begin_tag(c.self, "Document", NULL);
        md_sp baseline = MM(25);
        size_t lines = 0, hyphens = 0, loose = 0, overfull = 0, doubles = 0, missing = 0,
               short_lines = 0, emergency = 0;
        char figures[4096] = "";
        size_t figures_len = 0;
        int par_no = 0;
        int32_t max_space = MD_SP_PER_PT, max_track = 0, min_track = 0;
        printf("hyphenated-lines %d:", w + 1);
        char *copy = md_strdup(text);
        char *save = NULL;
        for (char *par = strtok_r(copy, "\n", &save); par != NULL;
             par = strtok_r(NULL, "\n", &save)) {
            md_para_span spans[64];
            size_t n = make_spans(par, &plain, &name, spans, 64);
            md_para out;
            if (md_para_set(&env, spans, n, &p, a, d, argv[1], 0, &out) != MD_OK)
                goto out;
            c.ops->begin_tag(c.self, "P", NULL);
            size_t par_doubles = 0, par_over = 0;
            for (size_t l = 0; l < out.lines_len; l++) {
                for (size_t r = 0; r < out.lines[l].runs_len; r++)
                    for (size_t g = 0; g < out.lines[l].runs[r].glyphs_len; g++)
                        missing += out.lines[l].runs[r].glyphs[g].id == 0;
                par_doubles +=
                    l > 0 && out.lines[l].is_hyphenated && out.lines[l - 1].is_hyphenated;
                par_over += out.lines[l].is_overfull;
                draw_line(c, &out.lines[l], MM(25), baseline);
                baseline += PT(14);
                if (out.lines[l].is_hyphenated)
                    printf(" %zu", lines);
                doubles += l > 0 && out.lines[l].is_hyphenated && out.lines[l - 1].is_hyphenated;
                overfull += out.lines[l].is_overfull;
                lines++;
            }
            par_no++;
            int k = snprintf(figures + figures_len, sizeof figures - figures_len,
                             "  paragraph %d: lines %zu, hyphenated %zu, two in a row %zu, loose "
                             "%zu, one word short %zu, overfull %zu, widest space %.2f x "
                             "natural, letter-spacing %+.4f to %+.4f em\n",
                             par_no, out.lines_len, out.hyphens, par_doubles, out.loose_lines,
                             out.short_lines, par_over, (double)out.max_space_ratio / MD_SP_PER_PT,
                             (double)out.min_tracking / MD_SP_PER_PT,
                             (double)out.max_tracking / MD_SP_PER_PT);
            if (k > 0 && (size_t)k < sizeof figures - figures_len)
                figures_len += (size_t)k;
            hyphens += out.hyphens;
            short_lines += out.short_lines;
            emergency += out.emergency_lines;
            loose += out.loose_lines;
            if (out.max_space_ratio > max_space)
                max_space = out.max_space_ratio;
            max_track = out.max_tracking > max_track ? out.max_tracking : max_track;
            min_track = out.min_tracking < min_track ? out.min_tracking : min_track;
            c.ops->end_tag(c.self, "P");
            baseline += PT(7);
        }
        printf("\n");
        printf(
            "width %d mm: lines %zu, hyphenated %zu, two in a row %zu, loose %zu, "
            "one word short %zu, overfull %zu, widest space %.2f x natural, letter-spacing "
            "%+.4f to %+.4f em (limits %+.3f, %+.3f, emergency %+.3f on %zu lines), missing glyphs "
            "%zu\n%s",
            widths_mm[w], lines, hyphens, doubles, loose, short_lines, overfull,
            (double)max_space / MD_SP_PER_PT, (double)min_track / MD_SP_PER_PT,
            (double)max_track / MD_SP_PER_PT, -p.tracking_shrink / 1000.0,
            p.tracking_stretch / 1000.0, p.tracking_emergency / 1000.0, emergency, missing,
            figures);
        md_free(copy);
        if (w == 2)
            c.ops->end_tag(c.self, "Document");
        c.ops->end_page(c.self);
        md_arena_free(a);
    }
    md_status st = md_pdf_close(pdf, d);
    pdf = NULL;
    md_finish_opts fo = {.lang = "sv-SE",
                         .date = meta.date,
                         .icc_path = "/usr/share/color/icc/sRGB.icc",
                         .source = argv[1]};
    if (st == MD_OK)
        st = md_finish_pdf(fin, raw.data, &fo, &done, d);
    if (st == MD_OK)
        st = md_out_file(argv[2], done.data ? done.data : "", done.len, d);
    rc = st == MD_OK ? 0 : 1;
out:;
    md_buf msg = {0};
    md_diags_render(d, &msg);
    if (msg.data != NULL)
        fputs(msg.data, stderr);
    md_buf_free(&msg);
    md_pdf_abort(pdf);
    if (raw.data != NULL)
        remove(raw.data);
    md_buf_free(&raw);
    md_buf_free(&done);
    md_finish_free(fin);
    md_hyph_free(hyph);
    md_font_set_free(fonts);
    md_diags_free(d);
    free(text);
    return rc;
}
