/* The paragraphs of the first pass, kept for the second (page-imp.h): the second pass lays
 * out the same flow again with the page numbers known, and nearly every paragraph in it is set
 * from exactly the same spans at the same measure, so its lines are taken from the first pass
 * instead of being shaped, hyphenated and broken again. The key is every input of md_para_set
 * written out byte for byte and compared whole, so a paragraph whose text changed (a citation
 * "?" that became "3") or that moved to a different measure is set anew. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "page-imp.h"

/* A page_style's .s is what run->style points at (page-imp.h). */
#define STYLE_OF(s) ((const page_style *)(const void *)(s))

typedef struct memo_entry {
    uint64_t hash;
    char *key;
    size_t key_len;
    md_para para;       /* lines, runs and glyphs in the memo's arena */
    uint32_t *run_span; /* for each run, in order: the span whose style it has */
} memo_entry;

struct md_page_memo {
    md_arena *a;
    memo_entry *entries;
    size_t len, cap;
    md_index index; /* of entries, by hash */
    md_buf key;
};

md_status
md_page_memo_new(md_page_memo **out)
{
    md_page_memo *m = md_alloc_array(1, sizeof *m);
    if (m == NULL)
        return MD_ENOMEM;
    memset(m, 0, sizeof *m);
    m->a = md_arena_new();
    if (m->a == NULL) {
        md_free(m);
        return MD_ENOMEM;
    }
    *out = m;
    return MD_OK;
}

void
md_page_memo_free(md_page_memo *m)
{
    if (m == NULL)
        return;
    md_arena_free(m->a);
    md_free(m->entries);
    md_index_free(&m->index);
    md_buf_free(&m->key);
    md_free(m);
}

md_arena *
md_page_memo_arena(md_page_memo *m)
{
    return m->a;
}

static md_status
put(md_buf *b, const void *p, size_t n)
{
    return md_buf_add(b, (const char *)p, n);
}

/* Every input of md_para_set, written out: the fonts are compared by identity (one set per
 * document), everything else by value. */
static md_status
write_key(md_buf *b, const md_para_env *env, const md_para_span *spans, size_t spans_len,
          const md_para_params *p)
{
    b->len = 0;
    int32_t nums[] = {p->width,
                      p->text_indent,
                      (int32_t)p->align,
                      (int32_t)p->align_last,
                      p->max_hyphen_run,
                      p->last_word_penalty,
                      p->tracking_stretch,
                      p->tracking_shrink,
                      p->tracking_emergency};
    const void *ptrs[] = {env->fonts, env->hyph};
    size_t lang_len = p->lang != NULL ? strlen(p->lang) + 1 : 0;
    md_status st = put(b, nums, sizeof nums);
    if (st == MD_OK)
        st = put(b, ptrs, sizeof ptrs);
    if (st == MD_OK)
        st = put(b, &lang_len, sizeof lang_len);
    if (st == MD_OK && lang_len > 0)
        st = put(b, p->lang, lang_len);
    for (size_t i = 0; i < spans_len && st == MD_OK; i++) {
        const md_para_span *s = &spans[i];
        const md_para_style *y = s->style;
        struct {
            const void *font;
            size_t len;
            md_sp size;
            uint32_t rgb, background, user;
            uint8_t is_hyphenate, is_fill, pad[2];
        } head;
        memset(&head, 0, sizeof head);
        head.font = y->font;
        head.len = s->len;
        head.size = y->size;
        head.rgb = y->rgb;
        head.background = STYLE_OF(y)->background;
        head.user = s->user;
        head.is_hyphenate = y->is_hyphenate;
        head.is_fill = s->is_fill;
        st = put(b, &head, sizeof head);
        if (st == MD_OK)
            st = put(b, s->text, s->len);
    }
    return st;
}

static memo_entry *
find(const md_page_memo *m, uint64_t hash, const char *key, size_t key_len)
{
    for (size_t at = md_index_first(&m->index, hash); m->index.cap > 0 && m->index.slots[at] != 0;
         at = md_index_next(&m->index, at)) {
        memo_entry *e = &m->entries[m->index.slots[at] - 1];
        if (e->hash == hash && e->key_len == key_len && memcmp(e->key, key, key_len) == 0)
            return e;
    }
    return NULL;
}

md_status
md_page_memo_put(md_page_memo *m, const md_para_env *env, const md_para_span *spans,
                 size_t spans_len, const md_para_params *p, const md_para *para)
{
    md_status st = write_key(&m->key, env, spans, spans_len, p);
    if (st != MD_OK)
        return st;
    uint64_t hash = md_hash64(0, m->key.data, m->key.len);
    if (find(m, hash, m->key.data, m->key.len) != NULL)
        return MD_OK;
    size_t runs = 0;
    for (size_t i = 0; i < para->lines_len; i++)
        runs += para->lines[i].runs_len;
    uint32_t *run_span = md_arena_alloc_array(m->a, runs + 1, sizeof *run_span);
    char *key = md_arena_strndup(m->a, m->key.data, m->key.len);
    if (run_span == NULL || key == NULL)
        return MD_ENOMEM;
    size_t r = 0;
    for (size_t i = 0; i < para->lines_len; i++) {
        for (size_t j = 0; j < para->lines[i].runs_len; j++, r++) {
            const md_para_style *s = para->lines[i].runs[j].style;
            size_t k = 0;
            while (k < spans_len && spans[k].style != s)
                k++;
            if (k == spans_len)
                return MD_OK; /* a style not of a span: not kept */
            run_span[r] = (uint32_t)k;
        }
    }
    if ((st = md_index_reserve(&m->index, m->len, m->entries, sizeof *m->entries,
                               offsetof(memo_entry, hash))) != MD_OK)
        return st;
    if (md_grow(&m->entries, &m->cap, m->len + 1, sizeof *m->entries, 64) != MD_OK)
        return MD_ENOMEM;
    m->entries[m->len] = (memo_entry){hash, key, m->key.len, *para, run_span};
    md_index_add(&m->index, hash, m->len++);
    return MD_OK;
}

md_status
md_page_memo_get(md_page_memo *m, const md_para_env *env, const md_para_span *spans,
                 size_t spans_len, const md_para_params *p, md_para *out, int *is_found)
{
    *is_found = 0;
    md_status st = write_key(&m->key, env, spans, spans_len, p);
    if (st != MD_OK)
        return st;
    memo_entry *e = find(m, md_hash64(0, m->key.data, m->key.len), m->key.data, m->key.len);
    if (e == NULL)
        return MD_OK;
    /* The runs point at this pass's styles, equal in value to the first pass's. */
    size_t r = 0;
    for (size_t i = 0; i < e->para.lines_len; i++) {
        for (size_t j = 0; j < e->para.lines[i].runs_len; j++, r++)
            e->para.lines[i].runs[j].style = spans[e->run_span[r]].style;
    }
    *out = e->para;
    *is_found = 1;
    return MD_OK;
}
