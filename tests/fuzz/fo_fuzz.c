/* libFuzzer target: bytes as a layout tree (XSL-FO subset) → reader → page layout → PDF, as
 * `motesdok typeset` does it. Any input must end in MD_OK or an error status with
 * diagnostics: no crash, leak, hang or undefined behaviour. The PDF goes to a folder of its
 * own on a tmpfs (/dev/shm when it exists), so writing it costs no disk I/O; it is the real
 * writer (Cairo's PDF surface through out.h), not a stand-in.
 * Build and run: make fuzz FUZZ_TARGETS=fo (run from the repository root: fonts/, xml/). */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "fo.h"
#include "font.h"
#include "hyph.h"
#include "page.h"
#include "pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char *__lsan_default_suppressions(void);

/* Fontconfig keeps its caches until exit; librsvg fills them through Pango when an SVG graphic
 * has text (as tests/lsan.supp says for make check). Built in, so that make fuzz needs no
 * LSAN_OPTIONS; a leak in our code still stops the run. */
const char *
__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n";
}

static md_font_set *fonts;
static md_hyph *hyph;
static char pdf_path[256];

/* The folder and the PDF are made and removed in each run: libFuzzer ends a process without
 * running atexit handlers, so nothing may be left between runs. */
static char pdf_dir[200];

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
        md_hyph_load("/usr/share/hyphen/hyph_sv_SE.dic", "xml/hyphenation/sv-exceptions.txt", d,
                     &hyph) != MD_OK) {
        fprintf(stderr, "fo_fuzz: run from the repository root (fonts/, xml/)\n");
        abort();
    }
    md_diags_free(d);
    struct stat sb;
    const char *base = stat("/dev/shm", &sb) == 0 && S_ISDIR(sb.st_mode) ? "/dev/shm" : "/tmp";
    snprintf(pdf_dir, sizeof pdf_dir, "%s/motesdok-fo-fuzz-%ld", base, (long)getpid());
    snprintf(pdf_path, sizeof pdf_path, "%s/out.pdf", pdf_dir);
    atexit(unload);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fonts == NULL)
        load();
    md_diags *d = md_diags_new();
    md_fo_doc *doc = NULL;
    if (d == NULL)
        return 0;
    md_status st = md_fo_read_memory("fuzz.fo", (const char *)data, size, d, &doc);
    if (st == MD_OK && mkdir(pdf_dir, 0700) != 0 && errno != EEXIST) {
        perror(pdf_dir);
        abort();
    }
    if (st == MD_OK) {
        md_buf title = {0};
        st = md_page_title(doc, &title);
        md_pdf_meta meta = {
            .title = title.data, .creator = "motesdok", .date = "2024-01-30T00:00:00"};
        md_pdf *pdf = NULL;
        if (st == MD_OK)
            st = md_pdf_open(pdf_path, &meta, d, &pdf);
        md_page_env env = {fonts, hyph, NULL};
        size_t pages = 0;
        if (st == MD_OK)
            st = md_page_typeset(doc, &env, md_pdf_canvas(pdf), d, &pages);
        if (st == MD_OK) {
            st = md_pdf_close(pdf, d);
            pdf = NULL;
        }
        md_pdf_abort(pdf);
        md_buf_free(&title);
        unlink(pdf_path);
        rmdir(pdf_dir);
        /* A page count past the limit must have been refused. */
        if (st == MD_OK && pages > MD_PAGE_MAX_PAGES)
            abort();
    }
    /* Every failure explains itself: an error status without an error message is a bug. */
    if (st != MD_OK && st != MD_ENOMEM && md_diags_count(d, MD_DIAG_ERROR) == 0)
        abort();
    md_buf out = {0};
    md_diags_render(d, &out);
    md_buf_free(&out);
    md_fo_free(doc);
    md_diags_free(d);
    return 0;
}
