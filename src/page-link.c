/* Named destinations, internal links and bookmarks of the page builder (XSL 1.1 §6.9.7
 * fo:basic-link internal-destination, the id property, §6.11 fo:bookmark-tree), drawn as
 * cairo 1.16's "cairo.dest" tags and PDF outline; its quirks are written where they matter. */
#include "page-imp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The name of the PDF destination of an FO id, in the arena: the id itself when it is plain
 * ASCII (letters, digits, "-._:"), else with every other byte as %XX. Cairo 1.16 writes a
 * destination's name into /Dests as raw bytes but a link's /Dest as UTF-16, so a name with
 * "å" would never match; it also drops a backslash from one of them. */
static const char *
dest_name(pg *g, const char *id)
{
    size_t n = 0;
    for (const char *c = id; *c != '\0'; c++)
        n += strchr("-._:", *c) != NULL || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                     (*c >= '0' && *c <= '9')
                 ? 1
                 : 3;
    char *out = md_arena_alloc(g->a, n + 1);
    if (out == NULL)
        return NULL;
    char *o = out;
    for (const unsigned char *c = (const unsigned char *)id; *c != '\0'; c++) {
        if (strchr("-._:", *c) != NULL || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
            (*c >= '0' && *c <= '9'))
            *o++ = (char)*c;
        else
            o += snprintf(o, 4, "%%%02X", *c);
    }
    *o = '\0';
    return out;
}

/* "dest='NAME'" for cairo's link attributes. */
const char *
md_page_dest_attrs(pg *g, const char *id)
{
    const char *name = dest_name(g, id);
    return name != NULL ? md_page_cairo_quoted(g, "dest", name) : NULL;
}

/* Emits the named destinations anchored at item at, drawn with its top at y. */
md_status
md_page_draw_dests(pg *g, size_t at, md_sp x0, md_sp y)
{
    size_t lo = 0, hi = g->dests_len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (g->dests[mid].at < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    md_status st = MD_OK;
    for (; lo < g->dests_len && g->dests[lo].at == at && st == MD_OK; lo++)
        st = g->c.ops->dest(g->c.self, g->dests[lo].name, x0, y);
    return st;
}

static int
dest_cmp(const void *a, const void *b)
{
    const dest_rec *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* The named destinations of the ids recorded from index from on (one page-sequence), each at
 * the first line or row group of its element, sorted by item for draw_dests. An id given
 * twice is a destination once, at its first element (warned). */
md_status
md_page_collect_dests(pg *g, size_t from)
{
    g->dests_len = 0;
    for (size_t i = from; i < g->ids_len; i++) {
        const id_rec *r = &g->ids[i];
        int is_dup = 0;
        for (size_t k = 0; k < i && !is_dup; k++)
            is_dup = strcmp(g->ids[k].id, r->id) == 0;
        if (is_dup) {
            md_diag_add(g->d_final, MD_DIAG_WARNING, g->file, 0, 0,
                        "id=\"%s\" is given to two elements; links and bookmarks go to the first",
                        r->id);
            continue;
        }
        size_t at = r->first;
        for (size_t k = r->first; k < r->end; k++) {
            if (g->items[k].kind == IT_LINE || g->items[k].kind == IT_ROW) {
                at = k;
                break;
            }
        }
        if (GROW(g, g->dests, g->dests_len, g->dests_cap) != MD_OK)
            return MD_ENOMEM;
        const char *name = dest_name(g, r->id);
        if (name == NULL)
            return MD_ENOMEM;
        g->dests[g->dests_len++] = (dest_rec){at, i, name};
    }
    if (g->dests_len > 1)
        qsort(g->dests, g->dests_len, sizeof *g->dests, dest_cmp);
    return MD_OK;
}

static int
is_known_id(const pg *g, const char *id)
{
    for (size_t i = 0; id != NULL && i < g->ids_len; i++) {
        if (strcmp(g->ids[i].id, id) == 0)
            return 1;
    }
    return 0;
}

/* The bookmarks under node (a bookmark-tree or a bookmark) as outline entries under parent
 * (XSL §6.11): the title's text with its white space collapsed, going to the named
 * destination of internal-destination (or to external-destination), open unless
 * starting-state="hide". A bookmark that goes nowhere is left out (warned) and its children
 * take its place. */
md_status
md_page_add_bookmarks(pg *g, const md_fo_node *node, int parent)
{
    md_status st = MD_OK;
    for (const md_fo_node *b = node->first; b != NULL && st == MD_OK; b = b->next) {
        if (b->kind != MD_FO_BOOKMARK) {
            if (b->kind != MD_FO_BOOKMARK_TITLE && b->kind != MD_FO_TEXT)
                md_page_warn(g, b, "fo:%s inside a bookmark is not typeset; left out",
                             md_fo_kind_name(b->kind));
            continue;
        }
        const md_fo_props *p = b->props;
        md_buf raw = {0}, title = {0};
        for (const md_fo_node *t = b->first; t != NULL && st == MD_OK; t = t->next) {
            if (t->kind == MD_FO_BOOKMARK_TITLE)
                st = md_page_add_text(t, &raw);
        }
        /* White space collapsed: a title is one line in the viewer's list. */
        for (size_t i = 0; i < raw.len && st == MD_OK; i++) {
            int is_sp = strchr(" \t\r\n", raw.data[i]) != NULL;
            if (is_sp && (title.len == 0 || title.data[title.len - 1] == ' '))
                continue;
            st = md_buf_add(&title, is_sp ? " " : raw.data + i, 1);
        }
        while (st == MD_OK && title.len > 0 && title.data[title.len - 1] == ' ')
            title.data[--title.len] = '\0';
        const char *attrs = NULL;
        int has_dest = 0;
        if (st == MD_OK && p->internal_destination != NULL &&
            is_known_id(g, p->internal_destination)) {
            attrs = md_page_dest_attrs(g, p->internal_destination);
            has_dest = 1;
        } else if (st == MD_OK && p->internal_destination == NULL &&
                   p->external_destination != NULL) {
            attrs = md_page_cairo_quoted(g, "uri", p->external_destination);
            has_dest = 1;
        }
        if (st == MD_OK && has_dest && attrs == NULL)
            st = MD_ENOMEM;
        int id = parent;
        if (st == MD_OK && (attrs == NULL || title.len == 0)) {
            const char *why = title.len == 0 ? "it has no fo:bookmark-title text"
                              : p->internal_destination != NULL
                                  ? "no element has its internal-destination id"
                                  : "it has no internal-destination";
            md_page_diag(g, g->d_final, MD_DIAG_WARNING, b,
                         "fo:bookmark: %s; left out (the bookmarks in it take its place)", why);
        } else if (st == MD_OK) {
            st = g->c.ops->outline(g->c.self, parent, title.data, attrs, !p->is_starting_state_hide,
                                   &id);
        }
        md_buf_free(&raw);
        md_buf_free(&title);
        if (st == MD_OK)
            st = md_page_add_bookmarks(g, b, id);
    }
    return st;
}
