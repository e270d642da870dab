/* Benchmark of the text engine: the paragraphs of both seed texts, set at 90 mm, through
 * shape + brk + hyph + kp (md_para_set), against HarfBuzz shaping alone (hb_shape of each
 * paragraph in the main font) on the same text. Reports medians of many runs and the ratio,
 * and the fastest runs (the least disturbed on a busy machine).
 * Usage: textbench [RUNS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "font-hb.h"
#include "font.h"
#include "hyph.h"
#include "para.h"

#define PT(x) ((md_sp)((x)*MD_SP_PER_PT))
#define MAX_PARAS 256

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int
compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, compare);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Paragraphs of a seed: its non-empty lines, markdown marks and tabs left as they are. */
static size_t
read_paragraphs(const char *path, char **paras, size_t n)
{
    FILE *f = fopen(path, "rb");
    char line[8192];
    while (f != NULL && n < MAX_PARAS && fgets(line, sizeof line, f) != NULL) {
        size_t len = strcspn(line, "\r\n");
        line[len] = '\0';
        if (len > 0)
            paras[n++] = md_strdup(line);
    }
    if (f != NULL)
        fclose(f);
    return n;
}

int
main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 21;
    if (runs < 1 || runs > 1000)
        runs = 21;
    md_diags *d = md_diags_new();
    md_font_set *fonts = NULL;
    md_font *font = NULL;
    md_hyph *hyph = NULL;
    if (md_font_set_load("fonts", d, &fonts) != MD_OK ||
        md_font_lookup(fonts, "sans", 400, 0, d, &font) != MD_OK ||
        md_hyph_load("/usr/share/hyphen/hyph_sv_SE.dic", "xml/hyphenation/sv-exceptions.txt", d,
                     &hyph) != MD_OK) {
        fprintf(stderr, "textbench: cannot load fonts or patterns\n");
        return 1;
    }
    char *paras[MAX_PARAS];
    size_t n = read_paragraphs("tests/seeds/2024-01-30.txt", paras, 0);
    n = read_paragraphs("tests/seeds/2020-01-29.txt", paras, n);
    size_t chars = 0;
    for (size_t i = 0; i < n; i++) {
        size_t pos = 0, len = strlen(paras[i]);
        while (pos < len) {
            md_utf8_next(paras[i], len, &pos);
            chars++;
        }
    }
    md_para_style style = {font, PT(10), 0, 1};
    md_para_env env = {fonts, hyph};
    md_para_params params;
    md_para_params_default(&params, (md_sp)(90 * 72.0 / 25.4 * MD_SP_PER_PT));
    double *t_hb = calloc((size_t)runs, sizeof *t_hb);
    double *t_engine = calloc((size_t)runs, sizeof *t_engine);
    size_t lines = 0;
    hb_buffer_t *buf = hb_buffer_create();
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        for (size_t i = 0; i < n; i++) {
            hb_buffer_clear_contents(buf);
            hb_buffer_add_utf8(buf, paras[i], -1, 0, -1);
            hb_buffer_set_language(buf, hb_language_from_string("sv", -1));
            hb_buffer_guess_segment_properties(buf);
            hb_shape(md_font_hb(font, PT(10)), buf, NULL, 0);
        }
        t_hb[r] = now() - t0;
        md_arena *a = md_arena_new();
        lines = 0;
        t0 = now();
        for (size_t i = 0; i < n; i++) {
            md_para_span span = {paras[i], strlen(paras[i]), &style, 0, 0};
            md_para out;
            if (md_para_set(&env, &span, 1, &params, a, d, "seed", 0, &out) == MD_OK)
                lines += out.lines_len;
        }
        t_engine[r] = now() - t0;
        md_arena_free(a);
    }
    double hb_med = median(t_hb, runs), engine_med = median(t_engine, runs);
    printf("text engine: %zu paragraphs, %zu characters of the two seeds, 90 mm, %d runs\n", n,
           chars, runs);
    printf("  HarfBuzz shaping alone: median %.2f ms, %.0f characters/s\n", hb_med * 1e3,
           (double)chars / hb_med);
    printf("  whole engine (shape, break, hyphenate, Knuth-Plass, place; %zu lines): "
           "median %.2f ms, %.0f characters/s\n",
           lines, engine_med * 1e3, (double)chars / engine_med);
    printf("  ratio engine / shaping alone: %.1f\n", engine_med / hb_med);
    /* median() sorted the times: the fastest runs are the least disturbed by other work on a
     * shared machine. */
    printf("  fastest runs: shaping alone %.2f ms, engine %.2f ms (%.0f characters/s), ratio "
           "%.1f\n",
           t_hb[0] * 1e3, t_engine[0] * 1e3, (double)chars / t_engine[0], t_engine[0] / t_hb[0]);
    hb_buffer_destroy(buf);
    for (size_t i = 0; i < n; i++)
        md_free(paras[i]);
    free(t_hb);
    free(t_engine);
    md_hyph_free(hyph);
    md_font_set_free(fonts);
    md_diags_free(d);
    return 0;
}
