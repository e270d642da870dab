/* Reader for the motesdok subset of XSL-FO 1.1 (XSL 1.1 §6–7): the layout tree as md_fo_node
 * trees with computed property values (inheritance as XSL §5.1.4, corresponding margins and
 * indents as §5.3.2, white space as §7.16 with its defaults). Differences: docs/fo-subset.md. */
#ifndef MD_FO_H
#define MD_FO_H

#include <stddef.h>
#include <stdint.h>

#include "base.h"
#include "diag.h"

#define MD_FO_NS "http://www.w3.org/1999/XSL/Format"
#define MD_FO_MD_NS "urn:motesdok:xslt"
#define MD_FO_FOX_NS "http://xmlgraphics.apache.org/fop/extensions"

/* Largest layout tree read, in bytes, and the deepest element nesting (MD_ELIMIT beyond). */
#define MD_FO_MAX_BYTES ((long)64 * 1024 * 1024)
#define MD_FO_MAX_DEPTH 200

typedef enum md_fo_kind {
    MD_FO_TEXT, /* character data after white-space handling; no properties of its own */
    MD_FO_ROOT,
    MD_FO_LAYOUT_MASTER_SET,
    MD_FO_SIMPLE_PAGE_MASTER,
    MD_FO_REGION_BODY,
    MD_FO_REGION_BEFORE,
    MD_FO_REGION_AFTER,
    MD_FO_REGION_START,
    MD_FO_REGION_END,
    MD_FO_PAGE_SEQUENCE_MASTER,
    MD_FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES,
    MD_FO_CONDITIONAL_PAGE_MASTER_REFERENCE,
    MD_FO_SINGLE_PAGE_MASTER_REFERENCE,
    MD_FO_REPEATABLE_PAGE_MASTER_REFERENCE,
    MD_FO_PAGE_SEQUENCE,
    MD_FO_TITLE,
    MD_FO_STATIC_CONTENT,
    MD_FO_FLOW,
    MD_FO_BLOCK,
    MD_FO_BLOCK_CONTAINER,
    MD_FO_INLINE,
    MD_FO_BASIC_LINK,
    MD_FO_PAGE_NUMBER,
    MD_FO_PAGE_NUMBER_CITATION,
    MD_FO_PAGE_NUMBER_CITATION_LAST,
    MD_FO_LEADER,
    MD_FO_LIST_BLOCK,
    MD_FO_LIST_ITEM,
    MD_FO_LIST_ITEM_LABEL,
    MD_FO_LIST_ITEM_BODY,
    MD_FO_TABLE,
    MD_FO_TABLE_COLUMN,
    MD_FO_TABLE_HEADER,
    MD_FO_TABLE_BODY,
    MD_FO_TABLE_FOOTER,
    MD_FO_TABLE_ROW,
    MD_FO_TABLE_CELL,
    MD_FO_EXTERNAL_GRAPHIC,
    MD_FO_BOOKMARK_TREE,
    MD_FO_BOOKMARK,
    MD_FO_BOOKMARK_TITLE,
    MD_FO_WRAPPER,
    MD_FO_CHARACTER,
    MD_FO_DECLARATIONS, /* kept without children: its content is ignored */
    MD_FO_KIND_LEN
} md_fo_kind;

/* The FO local name of kind ("block"; "#text" for MD_FO_TEXT); static storage. */
const char *md_fo_kind_name(md_fo_kind kind);

/* What a length is. MD_FO_LEN_ABS is sp + pct % of a base the layout engine knows (the
 * inline-progression-dimension of the containing block for widths, indents, margins and
 * padding; its block-progression-dimension for heights; the intrinsic size for content-width
 * and content-height; the table width for column-width). The others are symbolic. */
typedef enum md_fo_len_kind {
    MD_FO_LEN_ABS,
    MD_FO_LEN_AUTO,
    MD_FO_LEN_BODY_START,   /* body-start(), XSL §5.10.4; sp: the list_depth where it was given */
    MD_FO_LEN_LABEL_END,    /* label-end() */
    MD_FO_LEN_PROPORTIONAL, /* proportional-column-width(N); pct holds N × 65536 */
    MD_FO_LEN_SCALE_TO_FIT, /* content-width/-height keywords, XSL §7.15.3 */
    MD_FO_LEN_SCALE_DOWN_TO_FIT,
    MD_FO_LEN_SCALE_UP_TO_FIT
} md_fo_len_kind;

typedef struct md_fo_len {
    md_fo_len_kind kind;
    md_sp sp;    /* the absolute part */
    int32_t pct; /* percent × 65536 of the base (0: none) */
} md_fo_len;

/* A space specifier (XSL §4.3): space-before, space-after, leader-length. */
typedef struct md_fo_space {
    md_fo_len min, opt, max;
    int32_t precedence; /* INT32_MAX for "force" */
    uint8_t is_retain;  /* conditionality="retain" (initial: discard) */
} md_fo_space;

/* A keep (XSL §4.8): 0 = auto, MD_FO_KEEP_ALWAYS, or a strength 1…999. */
#define MD_FO_KEEP_ALWAYS INT32_MAX
typedef struct md_fo_keep {
    int32_t within_line, within_column, within_page;
} md_fo_keep;

/* Colours are 0xRRGGBB; MD_FO_COLOR_NONE is "transparent". */
#define MD_FO_COLOR_NONE 0xFF000000u

typedef enum md_fo_border_style {
    MD_FO_BORDER_NONE,
    MD_FO_BORDER_HIDDEN,
    MD_FO_BORDER_DOTTED,
    MD_FO_BORDER_DASHED,
    MD_FO_BORDER_SOLID,
    MD_FO_BORDER_DOUBLE,
    MD_FO_BORDER_GROOVE,
    MD_FO_BORDER_RIDGE,
    MD_FO_BORDER_INSET,
    MD_FO_BORDER_OUTSET
} md_fo_border_style;

/* Sides in the only writing mode motesdok sets (lr-tb): before = top, after = bottom,
 * start = left, end = right. */
enum { MD_FO_BEFORE, MD_FO_AFTER, MD_FO_START, MD_FO_END };

typedef struct md_fo_border {
    md_sp width; /* 0 when the style is none or hidden (XSL §7.8.20) */
    md_fo_border_style style;
    uint32_t color; /* the element's color unless given */
} md_fo_border;

typedef enum md_fo_align {
    MD_FO_ALIGN_START,
    MD_FO_ALIGN_CENTER,
    MD_FO_ALIGN_END,
    MD_FO_ALIGN_JUSTIFY
} md_fo_align;

typedef enum md_fo_break {
    MD_FO_BREAK_AUTO,
    MD_FO_BREAK_COLUMN,
    MD_FO_BREAK_PAGE,
    MD_FO_BREAK_EVEN_PAGE,
    MD_FO_BREAK_ODD_PAGE
} md_fo_break;

typedef enum md_fo_font_style {
    MD_FO_FONT_NORMAL,
    MD_FO_FONT_ITALIC,
    MD_FO_FONT_OBLIQUE,
    MD_FO_FONT_BACKSLANT
} md_fo_font_style;

typedef enum md_fo_leader_pattern {
    MD_FO_LEADER_SPACE,
    MD_FO_LEADER_RULE,
    MD_FO_LEADER_DOTS,
    MD_FO_LEADER_USE_CONTENT
} md_fo_leader_pattern;

/* Text decoration bits (inherited here; see docs/fo-subset.md). */
enum { MD_FO_UNDERLINE = 1, MD_FO_OVERLINE = 2, MD_FO_LINE_THROUGH = 4 };

/* Computed values of one element (XSL §5.1): the initial value, the parent's for inherited
 * properties, or what the element says. Strings are NULL when not given, except
 * font_family. Lengths are already in md_sp except where md_fo_len keeps a percentage. */
typedef struct md_fo_props {
    /* Inherited (XSL §7, "Inherited: yes"). */
    const char *font_family; /* as written, e.g. "Noto Sans, sans-serif"; for md_font_lookup */
    md_sp font_size;         /* initial 12pt */
    int32_t font_weight;     /* 100…900; normal 400, bold 700 */
    md_fo_font_style font_style;
    uint32_t color;              /* initial black */
    md_sp line_height;           /* computed; normal is 1.2 × font-size */
    int32_t line_height_factor;  /* × 65536 when given as a number (inherited as such), else 0 */
    md_fo_align text_align;      /* left and inside count as start, right and outside as end */
    md_fo_align text_align_last; /* "relative" resolved: start after justify, else text-align */
    uint8_t is_align_last_relative; /* how text-align-last was given, for the children */
    md_fo_len text_indent;
    md_fo_len start_indent, end_indent; /* with the margins folded in (XSL §5.3.2) */
    uint8_t is_hyphenate;
    uint8_t is_linefeed_preserved; /* linefeed-treatment="preserve" */
    uint8_t is_space_preserved;    /* white-space-collapse="false" and -treatment="preserve" */
    uint8_t text_decoration;       /* MD_FO_UNDERLINE… */
    uint8_t list_depth; /* list-blocks around the element, itself included; body-start() and
                         * label-end() given here refer to list number list_depth (§5.10.4) */
    int32_t hyphenation_push, hyphenation_remain; /* character counts, initial 2 */
    const char *language;                         /* "sv" (from language or xml:lang); NULL: none */
    const char *country;                          /* "SE"; NULL: none */
    int32_t widows, orphans;                      /* initial 2 */
    md_fo_keep keep_together;
    int32_t display_align; /* 0 auto/before, 1 center, 2 after */
    md_fo_leader_pattern leader_pattern;
    md_fo_space leader_length; /* initial 0pt, 12pt, 100% */
    md_sp rule_thickness;      /* initial 1pt */
    md_fo_border_style rule_style;
    md_fo_len provisional_distance_between_starts; /* initial 24pt */
    md_fo_len provisional_label_separation;        /* initial 6pt */
    uint8_t is_border_separate;                    /* border-collapse="separate" */

    /* Not inherited. */
    md_fo_len margin[4]; /* as written (page masters and regions use them directly) */
    md_fo_space space_before, space_after, space_start, space_end;
    md_fo_len padding[4];
    md_fo_border border[4];
    uint32_t background_color; /* initial MD_FO_COLOR_NONE */
    md_fo_keep keep_with_next, keep_with_previous;
    md_fo_break break_before, break_after;
    md_fo_len width, height; /* initial auto */
    md_fo_len content_width, content_height;
    uint8_t is_scaling_non_uniform;
    md_sp page_width, page_height; /* simple-page-master; initial A4 */
    md_fo_len extent;              /* region-before/-after/-start/-end */
    uint8_t is_precedence;         /* region-before/-after precedence="true" */
    int32_t column_count;          /* region-body, initial 1 */
    md_fo_len column_width;        /* table-column */
    int32_t column_number;         /* table-column/-cell, 0 when not given */
    int32_t number_columns_repeated, number_columns_spanned, number_rows_spanned; /* 1 */
    uint8_t is_table_layout_fixed;
    uint8_t is_omit_header_at_break, is_omit_footer_at_break;
    int32_t maximum_repeats;     /* -1: no-limit (initial) */
    int32_t initial_page_number; /* 0: auto */
    int32_t page_position;       /* 0 any, 1 first, 2 last, 3 rest, 4 only */
    int32_t odd_or_even;         /* 0 any, 1 odd, 2 even */
    int32_t blank_or_not_blank;  /* 0 any, 1 blank, 2 not-blank */
    int32_t force_page_count; /* 0 auto, 1 even, 2 odd, 3 end-on-even, 4 end-on-odd, 5 no-force */
    uint8_t is_starting_state_hide; /* bookmark starting-state="hide" */
    const char *id, *ref_id;
    const char *master_name, *master_reference, *region_name, *flow_name;
    const char *internal_destination, *external_destination; /* url(...) removed */
    const char *src;                                         /* url(...) removed */
    const char *format;                                      /* page-sequence, initial "1" */
    const char *character;                                   /* fo:character */
    const char *role;     /* e.g. "H1", as FOP maps it to a structure tag */
    const char *alt_text; /* fox:alt-text */
    long src_line;        /* md:src on this element, 0 if none */
} md_fo_props;

typedef struct md_fo_node md_fo_node;

/* A node of the layout tree. Borrowed from its md_fo_doc: valid until md_fo_free(doc). */
struct md_fo_node {
    md_fo_kind kind;
    md_fo_node *parent, *first, *last, *prev, *next;
    const md_fo_props *props; /* computed values; a text node shares its parent's */
    const char *text;         /* MD_FO_TEXT only: UTF-8, NUL-terminated */
    size_t text_len;
    long line;     /* line of the element (or text) in the .fo file */
    long src_line; /* md:src of this element or the nearest ancestor with one; 0 if none */
};

typedef struct md_fo_doc md_fo_doc;

/* Reads the layout tree at path. On MD_OK *out belongs to the caller (md_fo_free) and
 * warnings may be in d; on MD_EINPUT (not well-formed, a DOCTYPE, not an fo:root) or
 * MD_ELIMIT (size, depth) the reasons are in d; MD_EIO when the file cannot be read. */
md_status md_fo_read(const char *path, md_diags *d, md_fo_doc **out);
/* As md_fo_read for len bytes in memory, reported as the file name. */
md_status md_fo_read_memory(const char *name, const char *data, size_t len, md_diags *d,
                            md_fo_doc **out);
/* Releases the document and every node and string in it; NULL is fine. */
void md_fo_free(md_fo_doc *doc);

/* The fo:root node; the file name given to the reader. Borrowed, valid until md_fo_free. */
const md_fo_node *md_fo_root(const md_fo_doc *doc);
const char *md_fo_path(const md_fo_doc *doc);

/* The document's metadata, as Apache FOP reads it: the XMP packet in fo:declarations
 * (x:xmpmeta/rdf:RDF/rdf:Description), dc:creator (the author; several rdf:li joined with
 * ", "), dc:description (the subject), pdf:Keywords. NULL where absent or empty. */
typedef struct md_fo_meta {
    const char *author;
    const char *subject;
    const char *keywords;
} md_fo_meta;

/* Borrowed, valid until md_fo_free. */
const md_fo_meta *md_fo_meta_of(const md_fo_doc *doc);

#endif
