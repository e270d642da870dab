/* Tables of the motesdok XSL-FO subset (XSL 1.1 §6.7): column widths (lengths, percentages,
 * proportional-column-width()), the grid of cells with column and row spans, borders in the
 * separate and the collapsing model (§7.26.1), row groups that pages break between, and the
 * header and footer repeated where a table breaks. Differences from FOP: docs/fo-subset.md. */
#include "page-imp.h"

#include <stdio.h>
#include <string.h>

/* Call tree:
 *   md_page_table_build
 *     read_grid()        every cell's row, column and spans; the rows of each section
 *     widths()           the columns' widths from fo:table-column and the table's width
 *     resolve_borders()  with border-collapse, one border per shared edge (the wider wins)
 *     build_section()    per table-header, -body, -footer: THead, TBody, TFoot
 *       build_group()    rows joined by row spans → IT_ROW, each cell's items, IT_ROW_END
 *         unroll()       a group taller than a page: its cells one below another
 *   md_page_table_draw   a row group: boxes, TR and TH/TD tags, contents; the repeated header
 *                        above it and the repeated footer below it where the page breaks */

/* Most columns of one table: a guard against a span of 2^31 columns, not a design limit. */
#define MAX_COLS 256

typedef struct tcell {
    const md_fo_node *n;
    int row, col, rows, cols; /* row counts through the whole table */
    md_fo_border border[4];   /* as drawn */
    md_fo_border after_break;
} tcell;

typedef struct trow {
    const md_fo_node *n; /* the fo:table-row, or the first cell of cells without one */
    const md_fo_node *section;
    int kind;                      /* MD_PAGE_ROW_* */
    size_t cells_first, cells_end; /* the cells that start in this row */
} trow;

typedef struct tb {
    pg *g;
    const md_fo_node *n;
    md_sp x, w; /* the table's border box: from the reference area's start, and its width */
    int cols_len;
    md_sp col_x[MAX_COLS + 1]; /* from the table's start */
    trow *rows;
    size_t rows_len, rows_cap;
    tcell *cells;
    size_t cells_len, cells_cap;
    md_page_table *t;
    md_page_row **body; /* the body groups made, to link them once all are known */
    size_t body_len, body_cap;
    int is_unrolled_warned;
} tb;

static const md_fo_border no_border = {0, MD_FO_BORDER_NONE, 0};

void
md_page_fmt_pt(char *buf, size_t len, md_sp v)
{
    int64_t tenths = ((int64_t)v * 10 + MD_SP_PER_PT / 2) / MD_SP_PER_PT;
    snprintf(buf, len, "%lld.%lld pt", (long long)(tenths / 10), (long long)(tenths % 10));
}

/* --- the grid ------------------------------------------------------------------------- */

static md_status
add_row(tb *b, const md_fo_node *n, const md_fo_node *section, int kind)
{
    if (GROW(b->g, b->rows, b->rows_len, b->rows_cap) != MD_OK)
        return MD_ENOMEM;
    b->rows[b->rows_len++] = (trow){n, section, kind, b->cells_len, b->cells_len};
    return MD_OK;
}

/* Places cell c in the current row at the first free column at or after *col (or at its
 * column-number when that is free), XSL §7.28.1 and §6.7.3. busy[k] counts the rows column k
 * is still taken by a cell spanning down into them. */
static md_status
add_cell(tb *b, const md_fo_node *c, int *col, const int *busy)
{
    const md_fo_props *p = c->props;
    int at = *col;
    if (p->column_number > 0 && p->column_number - 1 >= at && p->column_number <= MAX_COLS)
        at = p->column_number - 1;
    while (at < MAX_COLS && busy[at] > 0)
        at++;
    int cols = p->number_columns_spanned > 1 ? p->number_columns_spanned : 1;
    int rows = p->number_rows_spanned > 1 ? p->number_rows_spanned : 1;
    if (at >= MAX_COLS) {
        md_page_warn(b->g, c, "fo:table-cell: a table has at most %s columns; left out", "256");
        return MD_OK;
    }
    if (at + cols > MAX_COLS)
        cols = MAX_COLS - at;
    if (GROW(b->g, b->cells, b->cells_len, b->cells_cap) != MD_OK)
        return MD_ENOMEM;
    b->cells[b->cells_len++] =
        (tcell){.n = c, .row = (int)b->rows_len - 1, .col = at, .rows = rows, .cols = cols};
    b->rows[b->rows_len - 1].cells_end = b->cells_len;
    *col = at + cols;
    return MD_OK;
}

/* The rows of one table-header, -body or -footer. Row spans end with their section. */
static md_status
read_section(tb *b, const md_fo_node *s, int kind)
{
    int busy[MAX_COLS] = {0};
    size_t first_row = b->rows_len;
    md_status st = MD_OK;
    int col = 0, in_loose_row = 0;
    for (const md_fo_node *r = s->first; r != NULL && st == MD_OK; r = r->next) {
        if (r->kind == MD_FO_TABLE_CELL) {
            /* Cells straight in a body (XSL allows them with starts-row/ends-row, which are
             * not read): a run of them is one row. */
            if (!in_loose_row) {
                md_page_warn(b->g, r,
                             "%s outside an fo:table-row: a run of such cells is set as one row",
                             "fo:table-cell");
                st = add_row(b, r, s, kind);
                col = 0;
                in_loose_row = 1;
            }
            if (st == MD_OK)
                st = add_cell(b, r, &col, busy);
            continue;
        }
        if (in_loose_row) {
            for (int k = 0; k < MAX_COLS; k++)
                busy[k] -= busy[k] > 0;
            in_loose_row = 0;
        }
        if (r->kind != MD_FO_TABLE_ROW) {
            if (r->kind != MD_FO_TEXT)
                md_page_warn(b->g, r, "fo:%s inside a table section is not typeset; left out",
                             md_fo_kind_name(r->kind));
            continue;
        }
        st = add_row(b, r, s, kind);
        col = 0;
        for (const md_fo_node *c = r->first; c != NULL && st == MD_OK; c = c->next) {
            if (c->kind == MD_FO_TABLE_CELL) {
                size_t before = b->cells_len;
                st = add_cell(b, c, &col, busy);
                if (st == MD_OK && b->cells_len > before) {
                    const tcell *tc = &b->cells[b->cells_len - 1];
                    for (int k = tc->col; k < tc->col + tc->cols; k++)
                        busy[k] = tc->rows;
                }
            } else if (c->kind != MD_FO_TEXT) {
                md_page_warn(b->g, c, "fo:%s inside fo:table-row is not typeset; left out",
                             md_fo_kind_name(c->kind));
            }
        }
        for (int k = 0; k < MAX_COLS; k++)
            busy[k] -= busy[k] > 0;
    }
    /* A row span does not reach past its section (XSL §7.28.7). */
    for (size_t i = 0; i < b->cells_len; i++) {
        tcell *c = &b->cells[i];
        if ((size_t)c->row >= first_row && (size_t)(c->row + c->rows) > b->rows_len)
            c->rows = (int)(b->rows_len - (size_t)c->row);
    }
    return st;
}

static md_status
read_grid(tb *b)
{
    md_status st = MD_OK;
    int columns = 0;
    for (const md_fo_node *s = b->n->first; s != NULL; s = s->next) {
        if (s->kind == MD_FO_TABLE_COLUMN) {
            int rep = s->props->number_columns_repeated;
            columns += rep > 1 ? rep : 1;
        } else if (s->kind != MD_FO_TEXT && s->kind != MD_FO_TABLE_HEADER &&
                   s->kind != MD_FO_TABLE_BODY && s->kind != MD_FO_TABLE_FOOTER) {
            md_page_warn(b->g, s, "fo:%s inside fo:table is not typeset; left out",
                         md_fo_kind_name(s->kind));
        }
    }
    /* The rows in the order they are set: the header, the bodies, the footer (which XSL 1.1
     * writes before the bodies). */
    static const md_fo_kind kinds[3] = {MD_FO_TABLE_HEADER, MD_FO_TABLE_BODY, MD_FO_TABLE_FOOTER};
    static const int row_kinds[3] = {MD_PAGE_ROW_HEADER, MD_PAGE_ROW_BODY, MD_PAGE_ROW_FOOTER};
    for (int k = 0; k < 3 && st == MD_OK; k++) {
        for (const md_fo_node *s = b->n->first; s != NULL && st == MD_OK; s = s->next) {
            if (s->kind == kinds[k])
                st = read_section(b, s, row_kinds[k]);
        }
    }
    int used = 0;
    for (size_t i = 0; i < b->cells_len; i++) {
        if (b->cells[i].col + b->cells[i].cols > used)
            used = b->cells[i].col + b->cells[i].cols;
    }
    b->cols_len = columns > used ? columns : used;
    if (b->cols_len > MAX_COLS)
        b->cols_len = MAX_COLS;
    return st;
}

/* --- column widths -------------------------------------------------------------------- */

/* Column widths (XSL §7.28.9, §5.10.4 proportional-column-width()): lengths and percentages of
 * the table's width as given, the rest of the width shared by the proportional columns (and
 * those without a width, as proportional-column-width(1)). Columns wider than the table
 * together are scaled down to fit, with a warning. */
static void
widths(tb *b)
{
    pg *g = b->g;
    int64_t fixed[MAX_COLS] = {0}, prop[MAX_COLS] = {0};
    int k = 0;
    for (const md_fo_node *s = b->n->first; s != NULL && k < b->cols_len; s = s->next) {
        if (s->kind != MD_FO_TABLE_COLUMN)
            continue;
        int rep = s->props->number_columns_repeated > 1 ? s->props->number_columns_repeated : 1;
        md_fo_len cw = s->props->column_width;
        for (int r = 0; r < rep && k < b->cols_len; r++, k++) {
            if (cw.kind == MD_FO_LEN_ABS)
                fixed[k] = md_page_len_at(g, cw, b->w);
            else if (cw.kind == MD_FO_LEN_PROPORTIONAL && cw.pct > 0)
                prop[k] = cw.pct;
            else
                prop[k] = 65536;
        }
    }
    for (; k < b->cols_len; k++)
        prop[k] = 65536;
    int64_t fixed_sum = 0, prop_sum = 0;
    int fixed_n = 0;
    for (k = 0; k < b->cols_len; k++) {
        fixed_sum += fixed[k];
        prop_sum += prop[k];
        fixed_n += prop[k] == 0;
    }
    if (fixed_sum > b->w && fixed_sum - b->w <= b->cols_len) {
        /* Lengths in mm round to the nearest sp each, so 20mm + 40mm can be 1 sp more than
         * 60mm: the last fixed column gives that back. */
        for (k = b->cols_len - 1; k >= 0; k--) {
            if (fixed[k] > fixed_sum - b->w) {
                fixed[k] -= fixed_sum - b->w;
                fixed_sum = b->w;
                break;
            }
        }
    }
    if (fixed_sum > b->w) {
        char buf[64];
        md_page_fmt_pt(buf, sizeof buf, (md_sp)(fixed_sum - b->w));
        /* A table narrowed to its room has said so already (its columns with it). */
        if (g->narrowed_table != b->n)
            md_page_warn(g, b->n,
                         "fo:table: its columns are %s wider than the table; they are scaled "
                         "down to fit (text is set in the narrower columns)",
                         buf);
        /* Every column becomes proportional to its width; a proportional one counts as the
         * average fixed column. */
        int64_t avg = fixed_n > 0 ? fixed_sum / fixed_n : MD_SP_PER_PT;
        for (k = 0; k < b->cols_len; k++) {
            if (prop[k] > 0)
                prop[k] = prop[k] * avg / 65536;
            else
                prop[k] = fixed[k];
            fixed[k] = 0;
        }
        fixed_sum = 0;
        prop_sum = 0;
        for (k = 0; k < b->cols_len; k++)
            prop_sum += prop[k];
    }
    /* The rest shared in proportion, rounded so that the widths add up exactly. */
    int64_t rest = b->w - fixed_sum, given = 0, acc = 0;
    b->col_x[0] = 0;
    for (k = 0; k < b->cols_len; k++) {
        int64_t w = fixed[k];
        if (prop[k] > 0 && prop_sum > 0) {
            acc += prop[k];
            int64_t upto = rest * acc / prop_sum;
            w = upto - given;
            given = upto;
        }
        b->col_x[k + 1] = (md_sp)(b->col_x[k] + w);
    }
}

/* --- borders -------------------------------------------------------------------------- */

/* The border of an edge two borders share (XSL §7.26.1 after CSS 2 §17.6.2.1): "hidden" wins
 * and suppresses it, then the wider; on a tie the first (the one above or to the left, or the
 * cell's over the table's). */
static md_fo_border
winner(md_fo_border a, md_fo_border b)
{
    if (a.style == MD_FO_BORDER_HIDDEN || b.style == MD_FO_BORDER_HIDDEN)
        return no_border;
    return b.width > a.width ? b : a;
}

/* With border-collapse="collapse", each edge is drawn once: a cell draws its before and start
 * edges, and its after and end edges only at the table's bottom and end; the border drawn is
 * the winner of the borders that meet there. Borders of rows, sections and columns are not
 * read. With "separate" each cell draws its own four. */
static md_status
resolve_borders(tb *b)
{
    size_t nrows = b->rows_len;
    int ncols = b->cols_len;
    const md_fo_border *tbd = b->n->props->border;
    if (b->n->props->is_border_separate) {
        for (size_t i = 0; i < b->cells_len; i++) {
            memcpy(b->cells[i].border, b->cells[i].n->props->border, sizeof b->cells[i].border);
            b->cells[i].after_break = b->cells[i].border[MD_FO_AFTER];
        }
        return MD_OK;
    }
    int *owner = md_alloc_array(nrows * (size_t)ncols + 1, sizeof *owner);
    if (owner == NULL)
        return MD_ENOMEM;
    for (size_t i = 0; i < nrows * (size_t)ncols; i++)
        owner[i] = -1;
    for (size_t i = 0; i < b->cells_len; i++) {
        const tcell *c = &b->cells[i];
        for (int r = c->row; r < c->row + c->rows; r++) {
            for (int k = c->col; k < c->col + c->cols && k < ncols; k++)
                owner[(size_t)r * (size_t)ncols + (size_t)k] = (int)i;
        }
    }
#define OWNER(r, k) owner[(size_t)(r) * (size_t)ncols + (size_t)(k)]
    for (size_t i = 0; i < b->cells_len; i++) {
        tcell *c = &b->cells[i];
        const md_fo_border *own = c->n->props->border;
        int above = c->row > 0 ? OWNER(c->row - 1, c->col) : -1;
        int left = c->col > 0 ? OWNER(c->row, c->col - 1) : -1;
        int right = c->col + c->cols < ncols ? OWNER(c->row, c->col + c->cols) : -1;
        int below = (size_t)(c->row + c->rows) < nrows ? OWNER(c->row + c->rows, c->col) : -1;
        const md_fo_border *ab = above >= 0 ? b->cells[above].n->props->border : NULL;
        const md_fo_border *lb = left >= 0 ? b->cells[left].n->props->border : NULL;
        const md_fo_border *bb = below >= 0 ? b->cells[below].n->props->border : NULL;

        c->border[MD_FO_BEFORE] = c->row == 0  ? winner(own[MD_FO_BEFORE], tbd[MD_FO_BEFORE])
                                  : ab != NULL ? winner(ab[MD_FO_AFTER], own[MD_FO_BEFORE])
                                               : own[MD_FO_BEFORE];
        c->border[MD_FO_START] = c->col == 0  ? winner(own[MD_FO_START], tbd[MD_FO_START])
                                 : lb != NULL ? winner(lb[MD_FO_END], own[MD_FO_START])
                                              : own[MD_FO_START];
        c->border[MD_FO_END] = c->col + c->cols >= ncols ? winner(own[MD_FO_END], tbd[MD_FO_END])
                               : right >= 0              ? no_border
                                                         : own[MD_FO_END];
        c->border[MD_FO_AFTER] = (size_t)(c->row + c->rows) >= nrows
                                     ? winner(own[MD_FO_AFTER], tbd[MD_FO_AFTER])
                                 : below >= 0 ? no_border
                                              : own[MD_FO_AFTER];
        c->after_break =
            bb != NULL ? winner(own[MD_FO_AFTER], bb[MD_FO_BEFORE]) : c->border[MD_FO_AFTER];
    }
#undef OWNER
    md_free(owner);
    return MD_OK;
}

/* --- row groups → items --------------------------------------------------------------- */

/* The height the items [first, end) take when set one below another. */
static md_sp
content_height(pg *g, size_t first, size_t end)
{
    size_t e, n;
    md_sp used = 0;
    md_page_place(g->items, first, end, INT32_MAX / 4, 1, NULL, &e, &n, &used);
    return used;
}

static md_sp
row_min_height(const pg *g, const md_fo_node *n, md_sp base)
{
    if (n == NULL || n->kind != MD_FO_TABLE_ROW || n->props->height.kind != MD_FO_LEN_ABS)
        return 0;
    return md_page_len_at(g, n->props->height, base);
}

/* A row group that no page could hold: its cells are set one below another across the
 * table's width instead (with TR and TH/TD structure), so that pages can break inside them and
 * nothing is lost. */
static md_status
unroll(tb *b, size_t r0, size_t r1, md_sp h)
{
    pg *g = b->g;
    if (!b->is_unrolled_warned) {
        char buf[64];
        md_page_fmt_pt(buf, sizeof buf, h);
        md_page_warn(g, b->rows[r0].n,
                     "fo:table-row is taller than a page (%s); its cells are set one below "
                     "another across the table so that nothing is lost",
                     buf);
        b->is_unrolled_warned = 1;
    }
    b->t->is_footer_repeated = 0;
    md_status st = MD_OK;
    for (size_t r = r0; r < r1 && st == MD_OK; r++) {
        st = md_page_push_tag(g, IT_TAG_BEGIN, "TR", NULL);
        for (size_t i = b->rows[r].cells_first; i < b->rows[r].cells_end && st == MD_OK; i++) {
            const md_fo_node *c = b->cells[i].n;
            const char *role = b->rows[r].kind == MD_PAGE_ROW_HEADER ||
                                       (c->props->role != NULL && strcmp(c->props->role, "TH") == 0)
                                   ? "TH"
                                   : "TD";
            md_sp si = md_page_len_at(g, c->props->start_indent, b->w);
            md_sp ei = md_page_len_at(g, c->props->end_indent, b->w);
            size_t first = g->items_len;
            st = md_page_push_tag(g, IT_TAG_BEGIN, role, NULL);
            size_t body = g->items_len;
            for (const md_fo_node *k = c->first; k != NULL && st == MD_OK; k = k->next)
                st = md_page_build_block(g, k, b->x - si, b->w + si + ei);
            if (st == MD_OK)
                md_page_fold_sole_p(g, body);
            if (st == MD_OK)
                st = md_page_push_tag(g, IT_TAG_END, role, NULL);
            if (st == MD_OK)
                st = md_page_record_id(g, c->props->id, first);
        }
        if (st == MD_OK)
            st = md_page_push_tag(g, IT_TAG_END, "TR", NULL);
    }
    return st;
}

/* Rows [r0, r1) as one group: IT_ROW, the content of each cell (laid out in its column), and
 * IT_ROW_END; then the heights of the rows (XSL §6.7.9: the tallest cell, a cell spanning rows
 * adding what it needs to the last of them), and the cells' boxes. */
static md_status
build_group(tb *b, size_t r0, size_t r1, int is_no_break)
{
    pg *g = b->g;
    int kind = b->rows[r0].kind;
    size_t at = g->items_len, ids_at = g->ids_len;
    item it = {.kind = IT_ROW};
    md_page_mark_keeps(g, &it);
    for (size_t r = r0; r < r1; r++) {
        const md_fo_node *n = b->rows[r].n;
        if (n->kind == MD_FO_TABLE_ROW &&
            n->props->keep_with_previous.within_page == MD_FO_KEEP_ALWAYS && r == r0)
            it.is_no_break = 1;
    }
    if (is_no_break)
        it.is_no_break = 1;
    md_status st = md_page_push(g, it);
    if (st != MD_OK)
        return st;

    /* The cells' contents are laid out apart from the keeps around the table: a group is never
     * split, so what keeps say inside it does not matter. */
    int saved_pending = g->pending_keep, saved_depth = g->keep_depth;
    uint8_t saved_has[MD_FO_MAX_DEPTH + 2];
    memcpy(saved_has, g->keep_has_line, sizeof saved_has);
    g->pending_keep = 0;
    g->keep_depth = 0;

    size_t cells_n = b->rows[r1 - 1].cells_end - b->rows[r0].cells_first;
    md_page_cell *cells = md_arena_alloc_array(g->a, cells_n + 1, sizeof *cells);
    md_sp *need = md_alloc_array(cells_n + 1, sizeof *need);
    md_sp *rh = md_alloc_array(r1 - r0 + 1, sizeof *rh);
    if (cells == NULL || need == NULL || rh == NULL)
        st = MD_ENOMEM;
    size_t ci = 0;
    for (size_t r = r0; r < r1 && st == MD_OK; r++) {
        for (size_t i = b->rows[r].cells_first; i < b->rows[r].cells_end && st == MD_OK; i++) {
            const tcell *tc = &b->cells[i];
            const md_fo_props *p = tc->n->props;
            md_page_cell *c = &cells[ci];
            c->row = (int)(r - r0);
            c->x = b->x + b->col_x[tc->col];
            c->w = b->col_x[tc->col + tc->cols] - b->col_x[tc->col];
            memcpy(c->border, tc->border, sizeof c->border);
            c->after_break = tc->after_break;
            /* A row's or section's background shows through a cell without one (XSL
             * §6.7.1: the cell's background is drawn over theirs). */
            c->background = p->background_color;
            if (c->background == MD_FO_COLOR_NONE && b->rows[r].n->kind == MD_FO_TABLE_ROW)
                c->background = b->rows[r].n->props->background_color;
            if (c->background == MD_FO_COLOR_NONE)
                c->background = b->rows[r].section->props->background_color;
            c->is_header =
                kind == MD_PAGE_ROW_HEADER || (p->role != NULL && strcmp(p->role, "TH") == 0);
            md_sp ps = md_page_len_at(g, p->padding[MD_FO_START], c->w);
            md_sp pe = md_page_len_at(g, p->padding[MD_FO_END], c->w);
            md_sp pb = md_page_len_at(g, p->padding[MD_FO_BEFORE], c->w);
            md_sp pa = md_page_len_at(g, p->padding[MD_FO_AFTER], c->w);
            md_sp cx = c->x + c->border[MD_FO_START].width + ps;
            md_sp cw = c->w - c->border[MD_FO_START].width - ps - c->border[MD_FO_END].width - pe;
            if (cw < MD_SP_PER_PT)
                cw = MD_SP_PER_PT;
            /* The cell's content rectangle is where its blocks' indents count from, less the
             * indent they inherit from the table's context (docs/fo-subset.md). */
            md_sp si = md_page_len_at(g, p->start_indent, cw);
            md_sp ei = md_page_len_at(g, p->end_indent, cw);
            c->first = g->items_len;
            for (const md_fo_node *k = tc->n->first; k != NULL && st == MD_OK; k = k->next)
                st = md_page_build_block(g, k, cx - si, cw + si + ei);
            c->end = g->items_len;
            if (st == MD_OK) {
                md_page_fold_sole_p(g, c->first);
                c->is_leaf = (uint8_t)md_page_is_leaf_content(g->items, c->first, c->end);
            }
            c->content_top = c->border[MD_FO_BEFORE].width + pb;
            need[ci] = c->content_top + content_height(g, c->first, c->end) + pa +
                       c->border[MD_FO_AFTER].width;
            if (p->height.kind == MD_FO_LEN_ABS && md_page_len_at(g, p->height, 0) > need[ci])
                need[ci] = md_page_len_at(g, p->height, 0);
            if (st == MD_OK)
                st = md_page_record_id(g, p->id, c->first);
            ci++;
        }
    }
    g->pending_keep = saved_pending;
    g->keep_depth = saved_depth;
    memcpy(g->keep_has_line, saved_has, sizeof saved_has);

    /* Heights: rows from their one-row cells, then spanning cells stretch their last row. */
    md_sp h = 0;
    if (st == MD_OK) {
        for (size_t r = r0; r < r1; r++)
            rh[r - r0] = row_min_height(g, b->rows[r].n, 0);
        ci = 0;
        for (size_t r = r0; r < r1; r++) {
            for (size_t i = b->rows[r].cells_first; i < b->rows[r].cells_end; i++, ci++) {
                if (b->cells[i].rows == 1 && need[ci] > rh[r - r0])
                    rh[r - r0] = need[ci];
            }
        }
        ci = 0;
        for (size_t r = r0; r < r1; r++) {
            for (size_t i = b->rows[r].cells_first; i < b->rows[r].cells_end; i++, ci++) {
                size_t last = r - r0 + (size_t)b->cells[i].rows - 1;
                md_sp sum = 0;
                for (size_t k = r - r0; k <= last; k++)
                    sum += rh[k];
                if (need[ci] > sum)
                    rh[last] += need[ci] - sum;
            }
        }
        ci = 0;
        for (size_t r = r0; r < r1; r++) {
            for (size_t i = b->rows[r].cells_first; i < b->rows[r].cells_end; i++, ci++) {
                md_page_cell *c = &cells[ci];
                c->y = 0;
                for (size_t k = 0; k < r - r0; k++)
                    c->y += rh[k];
                c->h = 0;
                for (size_t k = r - r0; k < r - r0 + (size_t)b->cells[i].rows; k++)
                    c->h += rh[k];
                /* display-align (XSL §7.14.4): the content moves down within the cell. */
                md_sp slack = c->h - need[ci];
                int da = b->cells[i].n->props->display_align;
                if (slack > 0 && da == 1)
                    c->content_top += slack / 2;
                else if (slack > 0 && da == 2)
                    c->content_top += slack;
            }
        }
        for (size_t r = r0; r < r1; r++)
            h += rh[r - r0];
    }
    md_free(need);
    md_free(rh);
    if (st == MD_OK)
        st = md_page_push(g, (item){.kind = IT_ROW_END});
    if (st != MD_OK)
        return st;

    md_sp room = g->avail_h - (b->t->is_header_repeated ? b->t->header_h : 0);
    if (h > room && kind == MD_PAGE_ROW_BODY && !g->is_static) {
        g->items_len = at;
        g->ids_len = ids_at;
        return unroll(b, r0, r1, h);
    }

    md_page_row *row = md_arena_alloc(g->a, sizeof *row);
    if (row == NULL)
        return MD_ENOMEM;
    *row = (md_page_row){.table = b->t,
                         .at = at,
                         .end = g->items_len - 1,
                         .h = h,
                         .kind = kind,
                         .next_body = SIZE_MAX,
                         .rows_len = (int)(r1 - r0),
                         .cells = cells,
                         .cells_len = cells_n};
    g->items[at].row = row;
    g->items[at].h = h;
    if (kind == MD_PAGE_ROW_BODY) {
        if (GROW(g, b->body, b->body_len, b->body_cap) != MD_OK)
            return MD_ENOMEM;
        b->body[b->body_len++] = row;
    }
    for (size_t r = r0; r < r1; r++) {
        const md_fo_node *n = b->rows[r].n;
        if (n->kind == MD_FO_TABLE_ROW) {
            if (n->props->keep_with_next.within_page == MD_FO_KEEP_ALWAYS)
                g->pending_keep = 1;
            st = md_page_record_id(g, n->props->id, at);
            if (st != MD_OK)
                return st;
        }
    }
    return MD_OK;
}

/* The rows of one section element as row groups, inside its THead, TBody or TFoot. */
static md_status
build_section(tb *b, size_t r0, size_t r1)
{
    pg *g = b->g;
    int kind = b->rows[r0].kind;
    const char *role = kind == MD_PAGE_ROW_HEADER   ? "THead"
                       : kind == MD_PAGE_ROW_FOOTER ? "TFoot"
                                                    : "TBody";
    size_t first = g->items_len;
    md_status st = md_page_push_tag(g, IT_TAG_BEGIN, role, NULL);
    size_t r = r0;
    while (r < r1 && st == MD_OK) {
        /* The group: at least this row, and every row a cell in it spans into. */
        size_t end = r + 1;
        for (size_t k = r; k < end; k++) {
            for (size_t i = b->rows[k].cells_first; i < b->rows[k].cells_end; i++) {
                size_t reach = (size_t)(b->cells[i].row + b->cells[i].rows);
                if (reach > end)
                    end = reach < r1 ? reach : r1;
            }
        }
        /* No page breaks inside a header or footer, nor between the header and the first body
         * row. */
        int is_no_break = kind != MD_PAGE_ROW_BODY ? r > r0 || kind == MD_PAGE_ROW_FOOTER
                                                   : b->body_len == 0 && b->t->header_h > 0;
        st = build_group(b, r, end, is_no_break);
        r = end;
    }
    if (st == MD_OK)
        st = md_page_push_tag(g, IT_TAG_END, role, NULL);
    if (st == MD_OK && kind == MD_PAGE_ROW_HEADER) {
        b->t->header_first = first;
        b->t->header_end = g->items_len;
    } else if (st == MD_OK && kind == MD_PAGE_ROW_FOOTER) {
        b->t->footer_first = first;
        b->t->footer_end = g->items_len;
    }
    if (st == MD_OK && kind != MD_PAGE_ROW_BODY) {
        md_sp h = 0;
        for (size_t i = first; i < g->items_len; i++) {
            if (g->items[i].kind == IT_ROW && g->items[i].row != NULL) {
                h += g->items[i].h;
                i = g->items[i].row->end;
            }
        }
        if (kind == MD_PAGE_ROW_HEADER)
            b->t->header_h = h;
        else
            b->t->footer_h = h;
    }
    return st;
}

md_status
md_page_table_build(pg *g, const md_fo_node *n, md_sp x, md_sp w)
{
    tb b = {.g = g, .n = n, .x = x, .w = w};
    md_status st = MD_OK;
    b.t = md_arena_alloc(g->a, sizeof *b.t);
    if (b.t == NULL)
        return MD_ENOMEM;
    b.t->is_header_repeated = !n->props->is_omit_header_at_break;
    b.t->is_footer_repeated = !n->props->is_omit_footer_at_break;
    st = read_grid(&b);
    if (st == MD_OK && b.cols_len == 0) {
        md_page_warn(g, n, "%s has no cells; nothing is set", "fo:table");
        goto out;
    }
    if (st == MD_OK)
        widths(&b);
    if (st == MD_OK)
        st = resolve_borders(&b);
    if (st == MD_OK)
        st = md_page_push_tag(g, IT_TAG_BEGIN, "Table", NULL);
    /* Each section's rows, in the order read_grid put them. */
    size_t r = 0;
    while (r < b.rows_len && st == MD_OK) {
        size_t e = r + 1;
        while (e < b.rows_len && b.rows[e].section == b.rows[r].section)
            e++;
        st = build_section(&b, r, e);
        r = e;
    }
    if (st == MD_OK)
        st = md_page_push_tag(g, IT_TAG_END, "Table", NULL);
    /* Link the body groups, and leave room for the repeated footer below all but the last. */
    for (size_t i = 0; i < b.body_len && st == MD_OK; i++) {
        md_page_row *row = b.body[i];
        row->next_body = i + 1 < b.body_len ? b.body[i + 1]->at : SIZE_MAX;
        row->is_last_body = i + 1 == b.body_len;
        if (!row->is_last_body && b.t->is_footer_repeated)
            row->reserve = b.t->footer_h;
    }
out:
    md_free(b.rows);
    md_free(b.cells);
    md_free(b.body);
    return st;
}

/* --- drawing -------------------------------------------------------------------------- */

int
md_page_row_repeats_header(const md_page_row *r, const item *items, size_t start)
{
    const md_page_table *t = r->table;
    if (r->kind != MD_PAGE_ROW_BODY || !t->is_header_repeated || t->header_h <= 0 ||
        t->header_end > start)
        return 0;
    /* Only where nothing is set before it on the page: a body's first group, or the
     * continuation of a group set as blocks (unroll), does not repeat it mid-page. */
    for (size_t i = start; i < r->at; i++) {
        if (items[i].kind == IT_ROW || (items[i].kind == IT_LINE && !items[i].is_aside))
            return 0;
    }
    return 1;
}

md_sp
md_page_row_footer_below(const md_page_row *r, size_t end)
{
    const md_page_table *t = r->table;
    if (r->kind != MD_PAGE_ROW_BODY || r->is_last_body || !t->is_footer_repeated ||
        t->footer_h <= 0 || r->next_body < end)
        return 0;
    return t->footer_h;
}

/* One group: the cells' boxes, then each row in a TR and each cell's content in a TH or TD.
 * is_break: the page ends below it inside the table, so its cells close their after edge. */
static md_status
draw_group(pg *g, const md_page_row *r, md_sp x0, md_sp y, int is_tagged, int is_break)
{
    md_canvas c = g->c;
    md_status st = MD_OK;
    for (size_t i = 0; i < r->cells_len && st == MD_OK; i++) {
        const md_page_cell *cl = &r->cells[i];
        box bx = {.left = cl->x, .right = cl->x + cl->w, .background = cl->background};
        memcpy(bx.border, cl->border, sizeof bx.border);
        if (is_break)
            bx.border[MD_FO_AFTER] = cl->after_break;
        st = md_page_draw_box(g, &bx, x0, y + cl->y, y + cl->y + cl->h, 1, 1);
    }
    int is_tags = !g->no_tags && !g->is_static;
    for (int k = 0; k < r->rows_len && st == MD_OK; k++) {
        if (is_tags)
            st = c.ops->begin_tag(c.self, "TR", NULL);
        for (size_t i = 0; i < r->cells_len && st == MD_OK; i++) {
            const md_page_cell *cl = &r->cells[i];
            if (cl->row != k)
                continue;
            const char *role = cl->is_header ? "TH" : "TD";
            if (is_tags)
                st = c.ops->begin_tag(c.self, role, NULL);
            md_sp *ys = md_alloc_array(cl->end - cl->first + 1, sizeof *ys);
            if (st == MD_OK && ys == NULL)
                st = MD_ENOMEM;
            if (st == MD_OK && cl->end > cl->first) {
                size_t e, n;
                md_page_place(g->items, cl->first, cl->end, INT32_MAX / 4, 1, ys, &e, &n, NULL);
                open_saved saved;
                md_page_open_save(g, &saved);
                md_sp top = y + cl->y + cl->content_top;
                st = md_page_draw_items(g, cl->first, cl->end, ys, x0, top, y + cl->y + cl->h,
                                        is_tagged && !cl->is_leaf);
                md_page_open_restore(g, &saved);
            }
            md_free(ys);
            if (st == MD_OK && is_tags)
                st = c.ops->end_tag(c.self, role);
        }
        if (st == MD_OK && is_tags)
            st = c.ops->end_tag(c.self, "TR");
    }
    return st;
}

/* The groups of a header or footer drawn again from y down, outside the structure tree (as
 * running headers are: the finishing step can mark them as artifacts). */
static md_status
draw_repeat(pg *g, size_t first, size_t end, md_sp x0, md_sp y)
{
    md_status st = MD_OK;
    g->no_tags++;
    for (size_t i = first; i < end && st == MD_OK; i++) {
        if (g->items[i].kind != IT_ROW || g->items[i].row == NULL)
            continue;
        const md_page_row *r = g->items[i].row;
        st = draw_group(g, r, x0, y, 0, 0);
        y += r->h;
        i = r->end;
    }
    g->no_tags--;
    return st;
}

md_status
md_page_table_draw(pg *g, const md_page_row *r, size_t start, size_t end, md_sp x0, md_sp y,
                   int is_tagged)
{
    const md_page_table *t = r->table;
    md_status st = MD_OK;
    if (md_page_row_repeats_header(r, g->items, start))
        st = draw_repeat(g, t->header_first, t->header_end, x0, y - t->header_h);
    md_sp foot = md_page_row_footer_below(r, end);
    int is_break = r->kind == MD_PAGE_ROW_BODY && !r->is_last_body && r->next_body >= end;
    if (st == MD_OK)
        st = draw_group(g, r, x0, y, is_tagged, is_break && foot == 0);
    if (st == MD_OK && foot > 0)
        st = draw_repeat(g, t->footer_first, t->footer_end, x0, y + r->h);
    return st;
}
