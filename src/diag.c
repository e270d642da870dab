/* Diagnostics sink and its compiler-style rendering. */
#include "diag.h"

#include <stdarg.h>
#include <string.h>

typedef struct entry {
    md_severity sev;
    int is_note;
    char *file;
    long line;
    long col;
    char *msg;
} entry;

struct md_diags {
    entry *v;
    size_t len;
    size_t cap;
    size_t count[3];
    int is_oom;
};

md_diags *
md_diags_new(void)
{
    return md_alloc(sizeof(md_diags));
}

void
md_diags_free(md_diags *d)
{
    if (d == NULL)
        return;
    for (size_t i = 0; i < d->len; i++) {
        md_free(d->v[i].file);
        md_free(d->v[i].msg);
    }
    md_free(d->v);
    md_free(d);
}

static void
add(md_diags *d, md_severity sev, int is_note, const char *file, long line, long col,
    const char *fmt, va_list ap)
{
    if (d->len == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        entry *v = md_realloc_array(d->v, cap, sizeof(entry));
        if (v == NULL) {
            d->is_oom = 1;
            return;
        }
        d->v = v;
        d->cap = cap;
    }
    md_buf b = {0};
    if (md_buf_vaddf(&b, fmt, ap) != MD_OK) {
        d->is_oom = 1;
        md_buf_free(&b);
        return;
    }
    char *f = NULL;
    if (file != NULL && (f = md_strdup(file)) == NULL) {
        d->is_oom = 1;
        md_buf_free(&b);
        return;
    }
    entry *e = &d->v[d->len++];
    e->sev = sev;
    e->is_note = is_note;
    e->file = f;
    e->line = line;
    e->col = col;
    e->msg = md_buf_take(&b);
    if (e->msg == NULL) {
        d->len--;
        md_free(f);
        d->is_oom = 1;
        return;
    }
    if (!is_note)
        d->count[sev]++;
}

void
md_diag_add(md_diags *d, md_severity sev, const char *file, long line, long col, const char *fmt,
            ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, sev, 0, file, line, col, fmt, ap);
    va_end(ap);
}

void
md_diag_note(md_diags *d, const char *file, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, MD_DIAG_NOTE, 1, file, line, col, fmt, ap);
    va_end(ap);
}

size_t
md_diags_count(const md_diags *d, md_severity sev)
{
    return d->count[sev];
}

int
md_diags_is_oom(const md_diags *d)
{
    return d->is_oom;
}

static int
same_file(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    return strcmp(a, b) == 0;
}

/* True when entry i repeats an earlier warning with the same message in the same file. */
static int
is_repeat(const md_diags *d, size_t i)
{
    const entry *e = &d->v[i];
    if (e->is_note || e->sev != MD_DIAG_WARNING)
        return 0;
    for (size_t k = 0; k < i; k++) {
        const entry *o = &d->v[k];
        if (!o->is_note && o->sev == MD_DIAG_WARNING && strcmp(o->msg, e->msg) == 0 &&
            same_file(o->file, e->file))
            return 1;
    }
    return 0;
}

static size_t
repeats(const md_diags *d, size_t i)
{
    size_t n = 0;
    const entry *e = &d->v[i];
    for (size_t k = i + 1; k < d->len; k++) {
        const entry *o = &d->v[k];
        if (!o->is_note && o->sev == MD_DIAG_WARNING && strcmp(o->msg, e->msg) == 0 &&
            same_file(o->file, e->file))
            n++;
    }
    return n;
}

md_status
md_diags_render(const md_diags *d, md_buf *out)
{
    static const char *const names[] = {"note", "warning", "error"};
    md_status st = MD_OK;
    int skip_notes = 0;
    for (size_t i = 0; i < d->len && st == MD_OK; i++) {
        const entry *e = &d->v[i];
        if (e->is_note && skip_notes)
            continue;
        skip_notes = 0;
        if (is_repeat(d, i)) {
            skip_notes = 1;
            continue;
        }
        if (e->file != NULL)
            st = md_buf_adds(out, e->file);
        if (st == MD_OK && e->line > 0)
            st = md_buf_addf(out, ":%ld", e->line);
        if (st == MD_OK && e->line > 0 && e->col > 0)
            st = md_buf_addf(out, ":%ld", e->col);
        if (st == MD_OK && (e->file != NULL || e->line > 0))
            st = md_buf_adds(out, ": ");
        else if (st == MD_OK)
            st = md_buf_adds(out, "motesdok: ");
        if (st == MD_OK)
            st = md_buf_addf(out, "%s: %s", names[e->sev], e->msg);
        size_t n = e->sev == MD_DIAG_WARNING && !e->is_note ? repeats(d, i) : 0;
        if (st == MD_OK && n > 0)
            st = md_buf_addf(out, " [%zu times]", n + 1);
        if (st == MD_OK)
            st = md_buf_adds(out, "\n");
    }
    if (st == MD_OK && d->is_oom)
        st = md_buf_adds(out, "motesdok: error: out of memory; some diagnostics were lost\n");
    return st;
}
