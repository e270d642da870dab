/* Private to the page builder (page.c) and its table part (page-table.c): the vertical list of
 * items a flow becomes, the builder's state, and the functions the two files share. */
#ifndef MD_PAGE_IMP_H
#define MD_PAGE_IMP_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "page.h"
#include "para.h"

/* The vertical list a flow (or a static-content) becomes. Lines carry their own position
 * across the page; spaces, tags and the begin and end of bordered blocks sit between them,
 * so pages are ranges of this list and tags nest across page breaks. */
typedef enum item_kind {
    IT_LINE,      /* a line of a paragraph, h high (the block's line-height), or an image */
    IT_SPACE,     /* space-before/-after: merged with its neighbours, discarded at a page top */
    IT_FIXED,     /* padding and border width: never merged or discarded */
    IT_BREAK,     /* break-before/-after="page" */
    IT_TAG_BEGIN, /* structure element */
    IT_TAG_END,
    IT_BOX_BEGIN, /* background and borders of a block */
    IT_BOX_END,
    IT_ROW, /* a group of table rows (rows joined by row spans), h high; its cells' items
             * follow it up to its IT_ROW_END and are placed and drawn by page-table.c */
    IT_ROW_END
} item_kind;

typedef struct box {
    md_sp left, right; /* the border box, from the reference area's start */
    md_fo_border border[4];
    uint32_t background;
} box;

/* An external-graphic to draw: the resolved file and the size it is drawn at. */
typedef struct image {
    const char *path, *alt;
    md_sp w, h;
} image;

typedef struct md_page_row md_page_row;

typedef struct item {
    item_kind kind;
    uint8_t is_aside;         /* a list label's line: no height, set beside the next line */
    uint8_t is_retain;        /* space conditionality="retain" */
    uint8_t is_no_break;      /* a page may not end before this line (keeps, widows, orphans) */
    uint8_t is_avoid;         /* better not end a page before it (after a hyphen; a weak keep) */
    md_sp h;                  /* height of a line or space */
    md_sp base;               /* line: baseline below the line's top */
    md_sp x;                  /* line: start, from the reference area's start */
    md_sp aside_off;          /* aside: top below the top of the line it goes with */
    const md_para_line *line; /* NULL for a block-level image */
    const image *img;         /* a line that is a block-level image (XSL §6.6.5) */
    const char *role, *attrs; /* tags */
    const box *box;
    const md_page_row *row; /* IT_ROW */
} item;

typedef struct leader {
    md_fo_leader_pattern pattern;
    md_sp width, thickness, size;
    uint32_t rgb;
    md_font *font; /* of the text around it (dots are its "." glyphs) */
    int is_fill;   /* it may grow: drawn up to the next text on its line */
} leader;

/* An id and the items its areas are among; pages found after pagination. */
typedef struct id_rec {
    const char *id;
    size_t first, end;
    int first_page, last_page;
    const char *format; /* the page-sequence's number format ("1", "i" …; NULL: "1") */
} id_rec;

/* Geometry of one page: from a simple-page-master (XSL §6.4.12). */
typedef struct geom {
    const md_fo_node *master;
    md_sp page_w, page_h;
    md_sp body_x, body_y, body_w, body_h;
    md_sp before_x, before_y, before_w, before_h;
    md_sp after_x, after_y, after_w, after_h;
    const char *before_name, *after_name;
} geom;

typedef struct page_rec {
    size_t start, end;
    geom g;
    int number;
} page_rec;

/* The style of a span: what para.h needs, and the background of the inline it is in (for
 * drawing; run->style of a text run points at .s). */
typedef struct page_style {
    md_para_style s;
    uint32_t background; /* 0x1RRGGBB, 0: none */
} page_style;

/* The id of an inline in the paragraph being collected. */
typedef struct inline_id {
    const char *id;
    size_t span; /* the index in pg.spans of the inline's first span */
} inline_id;

/* Run users: the kind in the top bits, text-decoration (MD_FO_UNDERLINE… << USER_DECO_SHIFT)
 * below it, an index into links, leaders or images at the bottom. */
#define USER_LINK 0x10000000u
#define USER_LEADER 0x20000000u
#define USER_IMAGE 0x40000000u
#define USER_KIND 0xF0000000u
#define USER_DECO_SHIFT 24
#define USER_DECO 0x0F000000u
#define USER_INDEX 0x00FFFFFFu

/* Lists nested deeper than this resolve body-start() and label-end() in the innermost one. */
#define MD_PAGE_MAX_LISTS 32

#define FIGURE_SPACE "\xE2\x80\x87"

/* A named destination: the id of an element and the item its first area is drawn at. */
typedef struct dest_rec {
    size_t at;
    size_t order; /* the order of recording, so that sorting is stable */
    const char *name;
} dest_rec;

typedef struct md_page_memo md_page_memo;

typedef struct pg {
    const md_page_env *env;
    md_diags *d;       /* layout warnings of this pass */
    md_diags *d_final; /* errors, and warnings only the last pass knows (unresolved ids) */
    const char *file;
    md_arena *a; /* this pass's lines, styles and strings */
    int pass, is_final;
    md_canvas c;

    item *items;
    size_t items_len, items_cap;
    md_para_span *spans;
    size_t spans_len, spans_cap;
    const char **links;
    size_t links_len, links_cap;
    leader *leaders;
    size_t leaders_len, leaders_cap;
    const image **images; /* inline images, by USER_IMAGE index */
    size_t images_len, images_cap;
    id_rec *ids;
    size_t ids_len, ids_cap;
    id_rec *prev_ids; /* the previous pass's ids with their pages */
    size_t prev_ids_len;
    int *seq_pages; /* pages per page-sequence in the previous pass */
    size_t seq_len;

    /* While building. */
    int is_static, in_label, page_number, is_last_seq;
    const char *page_format; /* of the page-sequence being built: "1", "i" …; NULL: "1" */
    int pending_keep;        /* the next line may not start a page (keep-with-next/-previous) */
    uint8_t keep_has_line[MD_FO_MAX_DEPTH + 2];
    int keep_depth;
    md_sp body_start, label_end; /* of the innermost list-block, from the reference start */
    int list_depth;              /* list-blocks being built */
    uint32_t inline_bg;          /* background-color of the inline being collected: 0x1RRGGBB */
    md_sp list_body_start[MD_PAGE_MAX_LISTS], list_label_end[MD_PAGE_MAX_LISTS]; /* by depth */
    md_sp avail_h; /* height of the region being built: no image is taller */

    const md_fo_node *narrowed_table; /* the table last narrowed to its room (warned) */
    inline_id *inline_ids;            /* ids of the inlines of the paragraph being collected */
    size_t inline_ids_len, inline_ids_cap;
    int no_tags;       /* drawing a repeated table header or footer: no structure, no ids */
    size_t flow_drawn; /* lines and images of the flows drawn (not static content) */
    int is_span_open;  /* a plain-text Span of the line drawn last is still open: the next line
                        * of the same paragraph on the same page goes on in it (draw_line) */
    dest_rec *dests;   /* the final pass's named destinations, sorted by item */
    size_t dests_len, dests_cap;

    /* While drawing. */
    const box *open_boxes[MD_FO_MAX_DEPTH + 2];
    md_sp open_tops[MD_FO_MAX_DEPTH + 2];
    int open_len;
    size_t pages_drawn;

    md_page_memo *memo; /* the first pass's paragraphs, for the second (page-memo.c) */
} pg;

/* --- paragraphs kept between the passes (page-memo.c) ----------------------------------- */

md_status md_page_memo_new(md_page_memo **out);
void md_page_memo_free(md_page_memo *m);
/* Where the first pass sets its paragraphs, so that they outlive its arena. */
md_arena *md_page_memo_arena(md_page_memo *m);
/* Keeps para, set in the memo's arena from these inputs. */
md_status md_page_memo_put(md_page_memo *m, const md_para_env *env, const md_para_span *spans,
                           size_t spans_len, const md_para_params *p, const md_para *para);
/* *is_found = 1 and *out the kept paragraph when one was set from equal inputs; its runs
 * then point at these spans' styles. */
md_status md_page_memo_get(md_page_memo *m, const md_para_env *env, const md_para_span *spans,
                           size_t spans_len, const md_para_params *p, md_para *out, int *is_found);

#define GROW(g, arr, len, cap) md_page_grow((void **)&(arr), &(cap), (len) + 1, sizeof *(arr))

/* --- tables (page-table.c) ------------------------------------------------------------ */

enum { MD_PAGE_ROW_BODY, MD_PAGE_ROW_HEADER, MD_PAGE_ROW_FOOTER };

/* One fo:table as laid out: where its header and footer row groups are in the item list, so
 * that they can be drawn again where the table breaks across pages. */
typedef struct md_page_table {
    size_t header_first, header_end; /* items of the header: [first, end); equal when none */
    size_t footer_first, footer_end;
    md_sp header_h, footer_h;
    uint8_t is_header_repeated, is_footer_repeated; /* table-omit-*-at-break="false" */
} md_page_table;

/* One cell: its content items and the box it is drawn in. x is from the reference area's
 * start, y from the top of its row group; borders as drawn (with border-collapse, the
 * winning border of each shared edge, on one of the two cells only). */
typedef struct md_page_cell {
    size_t first, end;
    md_sp x, w, y, h;
    md_sp content_top; /* below y: border, padding and display-align */
    md_fo_border border[4];
    md_fo_border after_break; /* the after edge drawn when the page ends below this cell */
    uint32_t background;
    int row; /* the row of its group it starts in */
    uint8_t is_header;
    uint8_t is_leaf; /* its content is one folded paragraph: TD or TH holds the text itself */
} md_page_cell;

/* A group of rows that no page break may split: one table-row, or rows joined by a cell
 * spanning them. Its items: IT_ROW, the cells' contents, IT_ROW_END. */
struct md_page_row {
    const md_page_table *table;
    size_t at, end; /* the item indices of its IT_ROW and IT_ROW_END */
    md_sp h;
    md_sp reserve;    /* room for the repeated footer if the page ends after this group */
    int kind;         /* MD_PAGE_ROW_BODY, _HEADER, _FOOTER */
    size_t next_body; /* item index of the table's next body group (SIZE_MAX: none) */
    uint8_t is_last_body;
    int rows_len; /* table-rows in the group (a TR element each) */
    md_page_cell *cells;
    size_t cells_len;
};

/* Lays out the fo:table n (its own space, border box and keeps are done by the caller) at
 * rx + x, w wide: its rows become row groups in g->items. MD_OK or MD_ENOMEM. */
md_status md_page_table_build(pg *g, const md_fo_node *n, md_sp x, md_sp w);
/* True when the body group r is the first thing set on a page (starting at item start of
 * items) that begins inside its table after the header: the page begins with the repeated
 * header. */
int md_page_row_repeats_header(const md_page_row *r, const item *items, size_t start);
/* The height of the repeated footer drawn below body group r on a page ending at item end;
 * 0 when none is drawn there. */
md_sp md_page_row_footer_below(const md_page_row *r, size_t end);
/* Draws the row group r with its top at y, from x0; with the repeated header above it and
 * the repeated footer below it where the page [start, end) begins or ends inside the table. */
md_status md_page_table_draw(pg *g, const md_page_row *r, size_t start, size_t end, md_sp x0,
                             md_sp y, int is_tagged);

/* "12.5 pt" from sp, in integers. */
void md_page_fmt_pt(char *buf, size_t len, md_sp v);

/* --- destinations, links and bookmarks (page-link.c) --------------------------------- */

/* "dest='NAME'" for cairo's link attributes, NAME the destination name of the FO id (ASCII:
 * see page-link.c); NULL when out of memory. */
const char *md_page_dest_attrs(pg *g, const char *id);
/* The named destinations of the ids recorded from index from on (one page-sequence), for
 * md_page_draw_dests; an id given twice is warned about. */
md_status md_page_collect_dests(pg *g, size_t from);
/* Emits the named destinations anchored at item at, drawn with its top at y. */
md_status md_page_draw_dests(pg *g, size_t at, md_sp x0, md_sp y);
/* The bookmarks under node (bookmark-tree or bookmark) as outline entries under parent. */
md_status md_page_add_bookmarks(pg *g, const md_fo_node *node, int parent);

/* --- shared by page.c, page-table.c and page-link.c
 * ------------------------------------------------ */

md_status md_page_grow(void **p, size_t *cap, size_t need, size_t size);
/* A note at the meeting line (md:src) n came from (for messages located elsewhere). */
void md_page_note_source(const pg *g, md_diags *d, const md_fo_node *n);
/* Where a message about n goes: the meeting line (md:src) when known and the meeting file
 * was named (returns 1), else n's line in the layout tree (returns 0). */
int md_page_loc(const pg *g, const md_fo_node *n, const char **file, long *line);
/* The note after a message at md_page_loc: the FO line when is_meeting, else the md:src
 * line when there is one but no meeting file. */
void md_page_note_loc(const pg *g, md_diags *d, const md_fo_node *n, int is_meeting);
/* A diagnostic about n at md_page_loc, followed by md_page_note_loc. */
void md_page_diag(const pg *g, md_diags *d, md_severity sev, const md_fo_node *n, const char *fmt,
                  ...) __attribute__((format(printf, 5, 6)));
/* key='v' with ' and \ escaped, for cairo's attribute strings, in the pass's arena. */
const char *md_page_cairo_quoted(pg *g, const char *key, const char *v);
/* Appends the text of n's subtree to out. */
md_status md_page_add_text(const md_fo_node *n, md_buf *out);
/* A length against base (percentages), body-start() and label-end() of the list being built. */
md_sp md_page_len_at(const pg *g, md_fo_len l, md_sp base);
/* A warning at n (fmt has one %s, what), with a note at the meeting line it came from. */
void md_page_warn(pg *g, const md_fo_node *n, const char *fmt, const char *what);
md_status md_page_push(pg *g, item it);
md_status md_page_push_space(pg *g, item_kind kind, md_sp h, int is_retain);
md_status md_page_push_tag(pg *g, item_kind kind, const char *role, const char *attrs);
/* Marks it as a place no page may start at when a keep says so (XSL §4.8). */
void md_page_mark_keeps(pg *g, item *it);
/* The items of one block-level node at reference start rx, width rw. */
md_status md_page_build_block(pg *g, const md_fo_node *n, md_sp rx, md_sp rw);
md_status md_page_record_id(pg *g, const char *id, size_t first);
/* Places items [start, end) on a body h high (see page.c); *out_used (may be NULL) is the
 * height they take. */
void md_page_place(const item *it, size_t start, size_t end, md_sp h, int is_bounded, md_sp *ys,
                   size_t *out_end, size_t *out_next, md_sp *out_used);
/* The boxes open while drawing a page (continued on the next), kept aside while a nested
 * reference area (static content, a table cell) is drawn with the same stack. */
typedef struct open_saved {
    const box *boxes[MD_FO_MAX_DEPTH + 2];
    md_sp tops[MD_FO_MAX_DEPTH + 2];
    int len;
} open_saved;
/* Moves the open boxes into s and empties the stack. */
void md_page_open_save(pg *g, open_saved *s);
/* Puts the open boxes of s back. */
void md_page_open_restore(pg *g, const open_saved *s);
md_status md_page_draw_items(pg *g, size_t start, size_t end, const md_sp *ys, md_sp x0, md_sp top,
                             md_sp bottom, int is_tagged);
md_status md_page_draw_box(pg *g, const box *b, md_sp x0, md_sp top, md_sp bottom, int is_start,
                           int is_end);
/* When items [first, g->items_len) are one paragraph of plain text (its P tags, its lines,
 * spaces), folds its P into the element around it: the tags stay as items (ids and
 * pagination count them) but are not drawn, so a list body or a table cell holding one
 * paragraph holds its text itself (LBody > text, not LBody > P > text): fewer structure
 * elements, each of which costs the finishing step (docs/pdf.md). */
void md_page_fold_sole_p(pg *g, size_t first);
/* True when items [first, end) are plain lines (one at least), spaces and folded tags: an
 * element around them can hold that text as a leaf. */
int md_page_is_leaf_content(const item *it, size_t first, size_t end);

#endif
