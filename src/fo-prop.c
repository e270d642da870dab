/* Property values of the motesdok XSL-FO subset: parsing of lengths, colours, keeps and spaces
 * (XSL 1.1 §5.11), shorthands (§7.31), inheritance (§5.1.4) and the corresponding margin,
 * space and indent properties (§5.3.2). Unsupported properties are warned about and ignored. */
#include "fo-imp.h"

#include <limits.h>
#include <string.h>

/* --- the property table -------------------------------------------------------------- */

typedef enum prop_id {
    P_FONT,
    P_WHITE_SPACE,
    P_XML_LANG,
    P_FONT_SIZE,
    P_MARGIN,
    P_PADDING,
    P_BORDER,
    P_BORDER_WIDTH,
    P_BORDER_STYLE,
    P_BORDER_COLOR,
    P_BORDER_SIDE,  /* border-top … border-right */
    P_MARGIN_SIDE,  /* margin-top … */
    P_PADDING_SIDE, /* padding-top … padding-end */
    P_BORDER_WIDTH_SIDE,
    P_BORDER_STYLE_SIDE,
    P_BORDER_COLOR_SIDE,
    P_FONT_FAMILY,
    P_FONT_WEIGHT,
    P_FONT_STYLE,
    P_COLOR,
    P_LINE_HEIGHT,
    P_TEXT_ALIGN,
    P_TEXT_ALIGN_LAST,
    P_TEXT_INDENT,
    P_HYPHENATE,
    P_LANGUAGE,
    P_COUNTRY,
    P_WIDOWS,
    P_ORPHANS,
    P_START_INDENT,
    P_END_INDENT,
    P_KEEP_TOGETHER,
    P_KEEP_WITH_NEXT,
    P_KEEP_WITH_PREVIOUS,
    P_BREAK_BEFORE,
    P_BREAK_AFTER,
    P_SPACE_BEFORE,
    P_SPACE_AFTER,
    P_SPACE_START,
    P_SPACE_END,
    P_BACKGROUND_COLOR,
    P_WIDTH,
    P_HEIGHT,
    P_CONTENT_WIDTH,
    P_CONTENT_HEIGHT,
    P_SCALING,
    P_SRC,
    P_INTERNAL_DESTINATION,
    P_EXTERNAL_DESTINATION,
    P_REF_ID,
    P_ID,
    P_MASTER_NAME,
    P_MASTER_REFERENCE,
    P_PAGE_POSITION,
    P_ODD_OR_EVEN,
    P_BLANK_OR_NOT_BLANK,
    P_REGION_NAME,
    P_FLOW_NAME,
    P_EXTENT,
    P_PRECEDENCE,
    P_COLUMN_COUNT,
    P_COLUMN_WIDTH,
    P_COLUMN_NUMBER,
    P_NUMBER_COLUMNS_REPEATED,
    P_NUMBER_COLUMNS_SPANNED,
    P_NUMBER_ROWS_SPANNED,
    P_LEADER_PATTERN,
    P_LEADER_LENGTH,
    P_RULE_THICKNESS,
    P_RULE_STYLE,
    P_PROVISIONAL_DISTANCE,
    P_PROVISIONAL_SEPARATION,
    P_TABLE_LAYOUT,
    P_BORDER_COLLAPSE,
    P_DISPLAY_ALIGN,
    P_ROLE,
    P_PAGE_WIDTH,
    P_PAGE_HEIGHT,
    P_MAXIMUM_REPEATS,
    P_INITIAL_PAGE_NUMBER,
    P_FORCE_PAGE_COUNT,
    P_FORMAT,
    P_STARTING_STATE,
    P_CHARACTER,
    P_LINEFEED_TREATMENT,
    P_WHITE_SPACE_COLLAPSE,
    P_WHITE_SPACE_TREATMENT,
    P_TEXT_DECORATION,
    P_HYPHENATION_PUSH,
    P_HYPHENATION_REMAIN,
    P_OMIT_HEADER,
    P_OMIT_FOOTER,
    P_ALT_TEXT,
    P_SRC_LINE
} prop_id;

/* Passes: shorthands before the properties they set, so that the more precise one wins
 * (XSL §5.2); font-size early because em depends on it; relative sides (padding-before)
 * after absolute ones (padding-top); components (space-before.optimum) last. */
enum { PASS_FIRST, PASS_FONT_SIZE, PASS_SHORT, PASS_SIDE_SHORT, PASS_ABS, PASS_REL, PASS_COMP };

typedef struct prop_def {
    const char *name;
    prop_id id;
    uint8_t pass;
    uint8_t is_inherited;
} prop_def;

static const prop_def props[] = {
    {"font", P_FONT, PASS_FIRST, 1},
    {"white-space", P_WHITE_SPACE, PASS_FIRST, 1},
    {"font-size", P_FONT_SIZE, PASS_FONT_SIZE, 1},
    {"margin", P_MARGIN, PASS_SHORT, 0},
    {"padding", P_PADDING, PASS_SHORT, 0},
    {"border", P_BORDER, PASS_SHORT, 0},
    {"border-width", P_BORDER_WIDTH, PASS_SHORT, 0},
    {"border-style", P_BORDER_STYLE, PASS_SHORT, 0},
    {"border-color", P_BORDER_COLOR, PASS_SHORT, 0},
    {"line-height", P_LINE_HEIGHT, PASS_SHORT, 1},
    {"font-family", P_FONT_FAMILY, PASS_ABS, 1},
    {"font-weight", P_FONT_WEIGHT, PASS_ABS, 1},
    {"font-style", P_FONT_STYLE, PASS_ABS, 1},
    {"color", P_COLOR, PASS_ABS, 1},
    {"text-align", P_TEXT_ALIGN, PASS_ABS, 1},
    {"text-align-last", P_TEXT_ALIGN_LAST, PASS_ABS, 1},
    {"text-indent", P_TEXT_INDENT, PASS_ABS, 1},
    {"hyphenate", P_HYPHENATE, PASS_ABS, 1},
    {"language", P_LANGUAGE, PASS_ABS, 1},
    {"country", P_COUNTRY, PASS_ABS, 1},
    {"widows", P_WIDOWS, PASS_ABS, 1},
    {"orphans", P_ORPHANS, PASS_ABS, 1},
    {"start-indent", P_START_INDENT, PASS_ABS, 1},
    {"end-indent", P_END_INDENT, PASS_ABS, 1},
    {"keep-together", P_KEEP_TOGETHER, PASS_ABS, 1},
    {"keep-with-next", P_KEEP_WITH_NEXT, PASS_ABS, 0},
    {"keep-with-previous", P_KEEP_WITH_PREVIOUS, PASS_ABS, 0},
    {"break-before", P_BREAK_BEFORE, PASS_ABS, 0},
    {"break-after", P_BREAK_AFTER, PASS_ABS, 0},
    {"space-before", P_SPACE_BEFORE, PASS_ABS, 0},
    {"space-after", P_SPACE_AFTER, PASS_ABS, 0},
    {"space-start", P_SPACE_START, PASS_ABS, 0},
    {"space-end", P_SPACE_END, PASS_ABS, 0},
    {"background-color", P_BACKGROUND_COLOR, PASS_ABS, 0},
    {"width", P_WIDTH, PASS_ABS, 0},
    {"height", P_HEIGHT, PASS_ABS, 0},
    {"content-width", P_CONTENT_WIDTH, PASS_ABS, 0},
    {"content-height", P_CONTENT_HEIGHT, PASS_ABS, 0},
    {"scaling", P_SCALING, PASS_ABS, 0},
    {"src", P_SRC, PASS_ABS, 0},
    {"internal-destination", P_INTERNAL_DESTINATION, PASS_ABS, 0},
    {"external-destination", P_EXTERNAL_DESTINATION, PASS_ABS, 0},
    {"ref-id", P_REF_ID, PASS_ABS, 0},
    {"id", P_ID, PASS_ABS, 0},
    {"master-name", P_MASTER_NAME, PASS_ABS, 0},
    {"master-reference", P_MASTER_REFERENCE, PASS_ABS, 0},
    {"page-position", P_PAGE_POSITION, PASS_ABS, 0},
    {"odd-or-even", P_ODD_OR_EVEN, PASS_ABS, 0},
    {"blank-or-not-blank", P_BLANK_OR_NOT_BLANK, PASS_ABS, 0},
    {"region-name", P_REGION_NAME, PASS_ABS, 0},
    {"flow-name", P_FLOW_NAME, PASS_ABS, 0},
    {"extent", P_EXTENT, PASS_ABS, 0},
    {"precedence", P_PRECEDENCE, PASS_ABS, 0},
    {"column-count", P_COLUMN_COUNT, PASS_ABS, 0},
    {"column-width", P_COLUMN_WIDTH, PASS_ABS, 0},
    {"column-number", P_COLUMN_NUMBER, PASS_ABS, 0},
    {"number-columns-repeated", P_NUMBER_COLUMNS_REPEATED, PASS_ABS, 0},
    {"number-columns-spanned", P_NUMBER_COLUMNS_SPANNED, PASS_ABS, 0},
    {"number-rows-spanned", P_NUMBER_ROWS_SPANNED, PASS_ABS, 0},
    {"leader-pattern", P_LEADER_PATTERN, PASS_ABS, 1},
    {"leader-length", P_LEADER_LENGTH, PASS_ABS, 1},
    {"rule-thickness", P_RULE_THICKNESS, PASS_ABS, 1},
    {"rule-style", P_RULE_STYLE, PASS_ABS, 1},
    {"provisional-distance-between-starts", P_PROVISIONAL_DISTANCE, PASS_ABS, 1},
    {"provisional-label-separation", P_PROVISIONAL_SEPARATION, PASS_ABS, 1},
    {"table-layout", P_TABLE_LAYOUT, PASS_ABS, 0},
    {"border-collapse", P_BORDER_COLLAPSE, PASS_ABS, 1},
    {"display-align", P_DISPLAY_ALIGN, PASS_ABS, 1},
    {"role", P_ROLE, PASS_ABS, 0},
    {"page-width", P_PAGE_WIDTH, PASS_ABS, 0},
    {"page-height", P_PAGE_HEIGHT, PASS_ABS, 0},
    {"maximum-repeats", P_MAXIMUM_REPEATS, PASS_ABS, 0},
    {"initial-page-number", P_INITIAL_PAGE_NUMBER, PASS_ABS, 0},
    {"force-page-count", P_FORCE_PAGE_COUNT, PASS_ABS, 0},
    {"format", P_FORMAT, PASS_ABS, 0},
    {"starting-state", P_STARTING_STATE, PASS_ABS, 0},
    {"character", P_CHARACTER, PASS_ABS, 0},
    {"linefeed-treatment", P_LINEFEED_TREATMENT, PASS_ABS, 1},
    {"white-space-collapse", P_WHITE_SPACE_COLLAPSE, PASS_ABS, 1},
    {"white-space-treatment", P_WHITE_SPACE_TREATMENT, PASS_ABS, 1},
    {"text-decoration", P_TEXT_DECORATION, PASS_ABS, 1},
    {"hyphenation-push-character-count", P_HYPHENATION_PUSH, PASS_ABS, 1},
    {"hyphenation-remain-character-count", P_HYPHENATION_REMAIN, PASS_ABS, 1},
    {"table-omit-header-at-break", P_OMIT_HEADER, PASS_ABS, 0},
    {"table-omit-footer-at-break", P_OMIT_FOOTER, PASS_ABS, 0},
};

static const prop_def prop_xml_lang = {"xml:lang", P_XML_LANG, PASS_FIRST, 1};
static const prop_def prop_alt_text = {"fox:alt-text", P_ALT_TEXT, PASS_ABS, 0};
static const prop_def prop_src_line = {"md:src", P_SRC_LINE, PASS_ABS, 0};

/* Side names of margin-*, padding-*, border-*: absolute ones map to the lr-tb sides. */
typedef struct side_name {
    const char *name;
    int side;
    int is_relative;
} side_name;

static const side_name sides[] = {
    {"top", MD_FO_BEFORE, 0},  {"bottom", MD_FO_AFTER, 0},  {"left", MD_FO_START, 0},
    {"right", MD_FO_END, 0},   {"before", MD_FO_BEFORE, 1}, {"after", MD_FO_AFTER, 1},
    {"start", MD_FO_START, 1}, {"end", MD_FO_END, 1},
};

/* A recognised property: its definition, the side for per-side ones (or -1), and the
 * component after a dot (or NULL). */
typedef struct prop_ref {
    const prop_def *def;
    prop_def side_def; /* storage when def is a per-side property */
    int side;
    const char *comp;
} prop_ref;

/* Looks up margin-top, padding-start, border-left, border-before-width and the like. */
static int
lookup_side(const char *name, size_t len, prop_ref *r)
{
    static const struct {
        const char *prefix;
        prop_id id;
    } kinds[] = {
        {"margin-", P_MARGIN_SIDE}, {"padding-", P_PADDING_SIDE}, {"border-", P_BORDER_SIDE}};
    for (size_t k = 0; k < 3; k++) {
        size_t pl = strlen(kinds[k].prefix);
        if (len <= pl || memcmp(name, kinds[k].prefix, pl) != 0)
            continue;
        const char *rest = name + pl;
        size_t rl = len - pl;
        for (size_t s = 0; s < sizeof sides / sizeof sides[0]; s++) {
            size_t sl = strlen(sides[s].name);
            if (rl < sl || memcmp(rest, sides[s].name, sl) != 0)
                continue;
            const char *tail = rest + sl;
            size_t tl = rl - sl;
            prop_id id = kinds[k].id;
            if (tl != 0) {
                if (id != P_BORDER_SIDE)
                    continue;
                if (md_fo_is_word(tail, tl, "-width"))
                    id = P_BORDER_WIDTH_SIDE;
                else if (md_fo_is_word(tail, tl, "-style"))
                    id = P_BORDER_STYLE_SIDE;
                else if (md_fo_is_word(tail, tl, "-color"))
                    id = P_BORDER_COLOR_SIDE;
                else
                    continue;
            } else if (sides[s].is_relative && id != P_PADDING_SIDE) {
                /* XSL has no margin-before or border-before shorthand. */
                continue;
            }
            r->side_def.name = NULL;
            r->side_def.id = id;
            r->side_def.is_inherited = 0;
            r->side_def.pass = sides[s].is_relative  ? PASS_REL
                               : id == P_BORDER_SIDE ? PASS_SIDE_SHORT
                                                     : PASS_ABS;
            r->def = &r->side_def;
            r->side = sides[s].side;
            return 1;
        }
    }
    return 0;
}

/* Finds the property an attribute names; 0 when it is not in the subset. */
static int
lookup(const md_fo_attr *a, prop_ref *r)
{
    r->side = -1;
    r->comp = NULL;
    r->def = NULL;
    if (a->ns != NULL) {
        if (strcmp(a->ns, "http://www.w3.org/XML/1998/namespace") == 0 &&
            strcmp(a->name, "lang") == 0)
            r->def = &prop_xml_lang;
        else if (strcmp(a->ns, MD_FO_FOX_NS) == 0 && strcmp(a->name, "alt-text") == 0)
            r->def = &prop_alt_text;
        else if (strcmp(a->ns, MD_FO_MD_NS) == 0 && strcmp(a->name, "src") == 0)
            r->def = &prop_src_line;
        return r->def != NULL;
    }
    const char *dot = strchr(a->name, '.');
    size_t len = dot != NULL ? (size_t)(dot - a->name) : strlen(a->name);
    for (size_t i = 0; i < sizeof props / sizeof props[0]; i++) {
        if (md_fo_is_word(a->name, len, props[i].name)) {
            r->def = &props[i];
            break;
        }
    }
    if (r->def == NULL && !lookup_side(a->name, len, r))
        return 0;
    if (dot != NULL) {
        /* Components exist only for spaces, keeps and leader-length here. */
        prop_id id = r->def->id;
        int md_fo_is_space = id == P_SPACE_BEFORE || id == P_SPACE_AFTER || id == P_SPACE_START ||
                             id == P_SPACE_END || id == P_LEADER_LENGTH;
        int is_keep = id == P_KEEP_TOGETHER || id == P_KEEP_WITH_NEXT || id == P_KEEP_WITH_PREVIOUS;
        const char *c = dot + 1;
        int ok = (md_fo_is_space && (strcmp(c, "minimum") == 0 || strcmp(c, "optimum") == 0 ||
                                     strcmp(c, "maximum") == 0)) ||
                 (md_fo_is_space && id != P_LEADER_LENGTH &&
                  (strcmp(c, "conditionality") == 0 || strcmp(c, "precedence") == 0)) ||
                 (is_keep && (strcmp(c, "within-page") == 0 || strcmp(c, "within-column") == 0 ||
                              strcmp(c, "within-line") == 0));
        if (!ok)
            return 0;
        r->comp = c;
        r->side_def = *r->def;
        r->side_def.pass = PASS_COMP;
        r->def = &r->side_def;
    }
    return 1;
}

/* --- applying values ----------------------------------------------------------------- */

/* What an element said, beyond the values: for the corresponding properties (§5.3.2). */
typedef struct given {
    uint8_t margin[4];
    uint8_t border_color[4];
    uint8_t space_before, space_after, space_start, space_end;
    uint8_t start_indent, end_indent;
} given;

/* The state of one element's computation. */
typedef struct comp {
    md_fo_ctx *cx;
    const md_fo_props *parent;
    md_fo_props *p;
    given g;
    long line;
    md_fo_kind kind;
    const char *attr_name; /* for messages */
    const char *value;
    md_status st;
} comp;

static void
bad_value(comp *c, const char *what)
{
    md_diag_add(c->cx->d, MD_DIAG_WARNING, c->cx->path, c->line, 0, "fo:%s %s=\"%s\": %s; ignored",
                md_fo_kind_name(c->kind), c->attr_name, c->value, what);
}

static const char *
str_copy(comp *c, const char *s, size_t len)
{
    char *r = md_arena_strndup(c->cx->arena, s, len);
    if (r == NULL)
        c->st = MD_ENOMEM;
    return r;
}

/* The value without white space around it, in the arena; url(...) and its quotes removed
 * when is_uri (XSL §5.11 <uri-specification>). */
static const char *
str_value(comp *c, int is_uri)
{
    const char *s = c->value;
    size_t len = strlen(s);
    while (len > 0 && md_fo_is_space(*s))
        s++, len--;
    while (len > 0 && md_fo_is_space(s[len - 1]))
        len--;
    size_t al;
    const char *a;
    if (is_uri && (a = md_fo_func_arg(s, len, "url", &al)) != NULL) {
        s = a;
        len = al;
        if (len >= 2 && (s[0] == '\'' || s[0] == '"') && s[len - 1] == s[0])
            s++, len -= 2;
    }
    return str_copy(c, s, len);
}

/* Picks a keyword from a NULL-terminated list; returns its index or -1 with a warning. */
static int
keyword(comp *c, const char *const *words)
{
    md_fo_tok t[2];
    if (md_fo_tokens(c->value, t, 1) == 1) {
        for (int i = 0; words[i] != NULL; i++) {
            if (md_fo_is_word(t[0].s, t[0].len, words[i]))
                return i;
        }
    }
    bad_value(c, "not a value motesdok knows for this property");
    return -1;
}

/* A single length token of the value. */
static int
one_len(comp *c, int flags, md_sp em, md_fo_len *out)
{
    md_fo_tok t[2];
    if (md_fo_tokens(c->value, t, 1) == 1 && md_fo_len_parse(t[0].s, t[0].len, em, flags, out))
        return 1;
    bad_value(c, (flags & MD_FO_LENF_PCT) ? "not a length or percentage" : "not a length");
    return 0;
}

/* An integer in [lo, hi]. */
static int
one_int(comp *c, int32_t lo, int32_t hi, int32_t *out)
{
    md_fo_tok t[2];
    md_fo_decimal x;
    if (md_fo_tokens(c->value, t, 1) == 1 &&
        md_fo_decimal_parse(t[0].s, t[0].len, &x) == t[0].len && x.k == 0 && x.n >= lo &&
        x.n <= hi) {
        *out = (int32_t)x.n;
        return 1;
    }
    bad_value(c, "not a whole number in range");
    return 0;
}

/* A border width: a length or thin (0.5pt), medium (1pt), thick (2pt), as FOP. */
static int
border_width(const char *s, size_t len, md_sp em, md_sp *out)
{
    md_fo_len l;
    if (md_fo_is_word(s, len, "thin"))
        *out = MD_SP_PER_PT / 2;
    else if (md_fo_is_word(s, len, "medium"))
        *out = MD_SP_PER_PT;
    else if (md_fo_is_word(s, len, "thick"))
        *out = 2 * MD_SP_PER_PT;
    else if (md_fo_len_parse(s, len, em, 0, &l))
        *out = l.sp;
    else
        return 0;
    return 1;
}

static const char *const border_styles[] = {"none",  "hidden", "dotted", "dashed",
                                            "solid", "double", "groove", "ridge",
                                            "inset", "outset", NULL};

static int
border_style(const char *s, size_t len, md_fo_border_style *out)
{
    for (int i = 0; border_styles[i] != NULL; i++) {
        if (md_fo_is_word(s, len, border_styles[i])) {
            *out = (md_fo_border_style)i;
            return 1;
        }
    }
    return 0;
}

/* border, border-top …: width, style and colour in any order (XSL §7.31.3). */
static void
border_short(comp *c, int side_from, int side_to)
{
    md_fo_tok t[4];
    size_t n = md_fo_tokens(c->value, t, 3);
    md_sp w = MD_SP_PER_PT;
    md_fo_border_style s = MD_FO_BORDER_NONE;
    uint32_t col = c->p->color;
    int has_col = 0;
    if (n == 0 || n > 3) {
        bad_value(c, "expected width, style and colour");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (border_width(t[i].s, t[i].len, c->p->font_size, &w) ||
            border_style(t[i].s, t[i].len, &s))
            continue;
        if (md_fo_color_parse(t[i].s, t[i].len, 0, &col)) {
            has_col = 1;
            continue;
        }
        bad_value(c, "expected width, style and colour");
        return;
    }
    for (int k = side_from; k <= side_to; k++) {
        c->p->border[k].width = w;
        c->p->border[k].style = s;
        c->p->border[k].color = col;
        c->g.border_color[k] = (uint8_t)has_col;
    }
}

/* The 1–4 values of margin, padding, border-width, -style, -color: top, right, bottom, left
 * as CSS 2 §8.3. Returns the count of tokens, with t in side order before/end/after/start. */
static int
four(comp *c, md_fo_tok *out)
{
    md_fo_tok t[5];
    size_t n = md_fo_tokens(c->value, t, 4);
    if (n == 0 || n > 4) {
        bad_value(c, "expected one to four values");
        return 0;
    }
    md_fo_tok top = t[0], right = n > 1 ? t[1] : t[0], bottom = n > 2 ? t[2] : t[0],
              left = n > 3 ? t[3] : right;
    out[MD_FO_BEFORE] = top;
    out[MD_FO_END] = right;
    out[MD_FO_AFTER] = bottom;
    out[MD_FO_START] = left;
    return 1;
}

/* A space specifier from a single length (min = opt = max) or one of its components. */
static void
space_value(comp *c, md_fo_space *sp, const char *comp_name, int flags)
{
    md_fo_len l;
    if (comp_name == NULL) {
        if (one_len(c, flags, c->p->font_size, &l))
            sp->min = sp->opt = sp->max = l;
    } else if (strcmp(comp_name, "conditionality") == 0) {
        static const char *const w[] = {"discard", "retain", NULL};
        int k = keyword(c, w);
        if (k >= 0)
            sp->is_retain = (uint8_t)k;
    } else if (strcmp(comp_name, "precedence") == 0) {
        if (strcmp(c->value, "force") == 0)
            sp->precedence = INT32_MAX;
        else
            one_int(c, 0, INT32_MAX - 1, &sp->precedence);
    } else if (one_len(c, flags, c->p->font_size, &l)) {
        if (comp_name[1] == 'i')
            sp->min = l;
        else if (comp_name[1] == 'p')
            sp->opt = l;
        else
            sp->max = l;
    }
}

/* auto | always | integer, for a whole keep or one component. */
static void
keep_value(comp *c, md_fo_keep *k, const char *comp_name)
{
    int32_t v = 0;
    md_fo_tok t[2];
    if (md_fo_tokens(c->value, t, 1) == 1 && md_fo_is_word(t[0].s, t[0].len, "auto"))
        v = 0;
    else if (md_fo_tokens(c->value, t, 1) == 1 && md_fo_is_word(t[0].s, t[0].len, "always"))
        v = MD_FO_KEEP_ALWAYS;
    else if (!one_int(c, 0, 999, &v))
        return;
    if (comp_name == NULL || strcmp(comp_name, "within-line") == 0)
        k->within_line = v;
    if (comp_name == NULL || strcmp(comp_name, "within-column") == 0)
        k->within_column = v;
    if (comp_name == NULL || strcmp(comp_name, "within-page") == 0)
        k->within_page = v;
}

/* font-size: lengths, em and % of the parent's, keywords (CSS 2 §15.7, medium = 12pt and a
 * factor of 1.2 between steps, as FOP). */
static void
font_size(comp *c, const char *s, size_t len)
{
    static const struct {
        const char *name;
        md_sp sp;
    } kw[] = {
        {"xx-small", 455111}, {"x-small", 546133},  {"small", 655360},     {"medium", 786432},
        {"large", 943718},    {"x-large", 1132462}, {"xx-large", 1358954},
    };
    md_sp parent = c->parent->font_size;
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++) {
        if (md_fo_is_word(s, len, kw[i].name)) {
            c->p->font_size = kw[i].sp;
            return;
        }
    }
    if (md_fo_is_word(s, len, "larger")) {
        c->p->font_size = (md_sp)md_fo_round_div((int64_t)parent * 6, 5);
        return;
    }
    if (md_fo_is_word(s, len, "smaller")) {
        c->p->font_size = (md_sp)md_fo_round_div((int64_t)parent * 5, 6);
        return;
    }
    md_fo_len l;
    if (md_fo_len_parse(s, len, parent, MD_FO_LENF_PCT, &l)) {
        int64_t v = l.sp + md_fo_round_div((int64_t)parent * l.pct, (int64_t)100 * 65536);
        if (v > 0 && v <= INT32_MAX) {
            c->p->font_size = (md_sp)v;
            return;
        }
    }
    bad_value(c, "not a font size");
}

static int
font_weight(comp *c, const char *s, size_t len, int quiet)
{
    int32_t w = c->p->font_weight;
    md_fo_decimal x;
    if (md_fo_is_word(s, len, "normal"))
        w = 400;
    else if (md_fo_is_word(s, len, "bold"))
        w = 700;
    else if (md_fo_is_word(s, len, "bolder"))
        w = c->parent->font_weight + 300 > 900 ? 900 : c->parent->font_weight + 300;
    else if (md_fo_is_word(s, len, "lighter"))
        w = c->parent->font_weight - 300 < 100 ? 100 : c->parent->font_weight - 300;
    else if (md_fo_decimal_parse(s, len, &x) == len && x.k == 0 && x.n >= 100 && x.n <= 900 &&
             x.n % 100 == 0)
        w = (int32_t)x.n;
    else {
        if (!quiet)
            bad_value(c, "not a font weight");
        return 0;
    }
    c->p->font_weight = w;
    return 1;
}

static int
font_style(const char *s, size_t len, md_fo_font_style *out)
{
    static const char *const w[] = {"normal", "italic", "oblique", "backslant", NULL};
    for (int i = 0; w[i] != NULL; i++) {
        if (md_fo_is_word(s, len, w[i])) {
            *out = (md_fo_font_style)i;
            return 1;
        }
    }
    return 0;
}

/* line-height: normal (1.2, as FOP), a number (inherited as a number), a length, or a
 * percentage of the font size (inherited as the length), XSL §7.15.4. */
static void
line_height(comp *c, const char *s, size_t len)
{
    md_fo_decimal x;
    md_fo_len l;
    if (md_fo_is_word(s, len, "normal")) {
        c->p->line_height_factor = 78643; /* 1.2 × 65536 */
    } else if (md_fo_decimal_parse(s, len, &x) == len && x.n > 0 &&
               md_fo_decimal_scale(x, 65536, 1, &c->p->line_height_factor)) {
    } else if (md_fo_len_parse(s, len, c->p->font_size, MD_FO_LENF_PCT, &l)) {
        c->p->line_height_factor = 0;
        c->p->line_height =
            (md_sp)(l.sp + md_fo_round_div((int64_t)c->p->font_size * l.pct, (int64_t)100 * 65536));
    } else {
        bad_value(c, "not a line height");
    }
}

/* font: [style] [weight] size[/line-height] family (XSL §7.31.13), without system fonts. */
static void
font_short(comp *c)
{
    md_fo_tok t[16];
    size_t n = md_fo_tokens(c->value, t, 15), i = 0;
    if (n == 0 || n > 15) {
        bad_value(c, "expected [style] [weight] size[/line-height] family");
        return;
    }
    md_fo_font_style fs;
    for (; i < n; i++) {
        if (font_style(t[i].s, t[i].len, &fs))
            c->p->font_style = fs;
        else if (!font_weight(c, t[i].s, t[i].len, 1))
            break;
    }
    if (i + 1 >= n) {
        bad_value(c, "expected [style] [weight] size[/line-height] family");
        return;
    }
    const char *slash = memchr(t[i].s, '/', t[i].len);
    size_t sl = slash != NULL ? (size_t)(slash - t[i].s) : t[i].len;
    font_size(c, t[i].s, sl);
    if (slash != NULL)
        line_height(c, slash + 1, t[i].len - sl - 1);
    const char *fam = t[i + 1].s;
    c->p->font_family = str_copy(c, fam, strlen(fam));
}

/* The language part of an xml:lang tag ("sv-SE" gives language sv, country SE). */
static void
xml_lang(comp *c)
{
    const char *v = c->value;
    const char *dash = strchr(v, '-');
    size_t ll = dash != NULL ? (size_t)(dash - v) : strlen(v);
    if (ll == 0) {
        bad_value(c, "not a language tag");
        return;
    }
    c->p->language = str_copy(c, v, ll);
    if (dash != NULL) {
        const char *cc = dash + 1;
        const char *end = strchr(cc, '-');
        c->p->country = str_copy(c, cc, end != NULL ? (size_t)(end - cc) : strlen(cc));
    }
}

static void
set_align(comp *c, md_fo_align *out, int allow_relative)
{
    static const char *const w[] = {"start", "center", "end",     "justify",  "left",
                                    "right", "inside", "outside", "relative", NULL};
    static const md_fo_align m[] = {MD_FO_ALIGN_START,   MD_FO_ALIGN_CENTER, MD_FO_ALIGN_END,
                                    MD_FO_ALIGN_JUSTIFY, MD_FO_ALIGN_START,  MD_FO_ALIGN_END,
                                    MD_FO_ALIGN_START,   MD_FO_ALIGN_END};
    int k = keyword(c, w);
    if (k < 0)
        return;
    if (k == 8) {
        if (!allow_relative)
            bad_value(c, "relative is only for text-align-last");
        else
            c->p->is_align_last_relative = 1;
        return;
    }
    *out = m[k];
    if (allow_relative)
        c->p->is_align_last_relative = 0;
}

static void
set_bool(comp *c, uint8_t *out, const char *no, const char *yes)
{
    const char *const w[] = {no, yes, NULL};
    int k = keyword(c, w);
    if (k >= 0)
        *out = (uint8_t)k;
}

static void
set_enum(comp *c, int32_t *out, const char *const *words)
{
    int k = keyword(c, words);
    if (k >= 0)
        *out = k;
}

static void
set_break(comp *c, md_fo_break *out)
{
    static const char *const w[] = {"auto", "column", "page", "even-page", "odd-page", NULL};
    int k = keyword(c, w);
    if (k >= 0)
        *out = (md_fo_break)k;
}

/* content-width and content-height (XSL §7.15.3). */
static void
content_size(comp *c, md_fo_len *out)
{
    static const char *const w[] = {"scale-to-fit", "scale-down-to-fit", "scale-up-to-fit", NULL};
    static const md_fo_len_kind k[] = {MD_FO_LEN_SCALE_TO_FIT, MD_FO_LEN_SCALE_DOWN_TO_FIT,
                                       MD_FO_LEN_SCALE_UP_TO_FIT};
    for (int i = 0; w[i] != NULL; i++) {
        if (strcmp(c->value, w[i]) == 0) {
            out->kind = k[i];
            out->sp = out->pct = 0;
            return;
        }
    }
    md_fo_len l;
    if (one_len(c, MD_FO_LENF_PCT | MD_FO_LENF_AUTO, c->p->font_size, &l))
        *out = l;
}

/* column-width: a length, a percentage or proportional-column-width(N) (XSL §5.10.4). */
static void
column_width(comp *c)
{
    size_t al, len = strlen(c->value);
    const char *a = md_fo_func_arg(c->value, len, "proportional-column-width", &al);
    if (a != NULL) {
        md_fo_decimal x;
        int32_t v;
        if (md_fo_decimal_parse(a, al, &x) == al && x.n > 0 &&
            md_fo_decimal_scale(x, 65536, 1, &v)) {
            c->p->column_width = (md_fo_len){MD_FO_LEN_PROPORTIONAL, 0, v};
            return;
        }
        bad_value(c, "proportional-column-width() needs a positive number");
        return;
    }
    md_fo_len l;
    if (one_len(c, MD_FO_LENF_PCT | MD_FO_LENF_AUTO, c->p->font_size, &l))
        c->p->column_width = l;
}

/* Applies one attribute; c->st becomes MD_ENOMEM when a copy fails. */
static void
apply(comp *c, const prop_ref *r)
{
    md_fo_props *p = c->p;
    md_sp em = p->font_size;
    md_fo_len l;
    md_fo_tok t[4];
    int32_t v;
    switch (r->def->id) {
    case P_FONT: font_short(c); break;
    case P_WHITE_SPACE: {
        static const char *const w[] = {"normal", "pre", "nowrap", NULL};
        int k = keyword(c, w);
        if (k == 2)
            bad_value(c, "nowrap is not supported");
        else if (k >= 0)
            p->is_linefeed_preserved = p->is_space_preserved = (uint8_t)k;
        break;
    }
    case P_XML_LANG: xml_lang(c); break;
    case P_FONT_SIZE:
        if (md_fo_tokens(c->value, t, 1) == 1)
            font_size(c, t[0].s, t[0].len);
        else
            bad_value(c, "not a font size");
        break;
    case P_MARGIN:
    case P_PADDING:
        if (four(c, t)) {
            md_fo_len vals[4];
            for (int k = 0; k < 4; k++) {
                int flags = MD_FO_LENF_PCT |
                            (r->def->id == P_MARGIN ? MD_FO_LENF_AUTO | MD_FO_LENF_NEG : 0);
                if (!md_fo_len_parse(t[k].s, t[k].len, em, flags, &vals[k])) {
                    bad_value(c, "not a length or percentage");
                    return;
                }
            }
            for (int k = 0; k < 4; k++) {
                if (r->def->id == P_MARGIN) {
                    p->margin[k] = vals[k];
                    c->g.margin[k] = 1;
                } else {
                    p->padding[k] = vals[k];
                }
            }
        }
        break;
    case P_BORDER: border_short(c, 0, 3); break;
    case P_BORDER_SIDE: border_short(c, r->side, r->side); break;
    case P_BORDER_WIDTH:
    case P_BORDER_STYLE:
    case P_BORDER_COLOR:
        if (four(c, t)) {
            md_sp w[4];
            md_fo_border_style s[4];
            uint32_t col[4];
            for (int k = 0; k < 4; k++) {
                int ok = r->def->id == P_BORDER_WIDTH ? border_width(t[k].s, t[k].len, em, &w[k])
                         : r->def->id == P_BORDER_STYLE
                             ? border_style(t[k].s, t[k].len, &s[k])
                             : md_fo_color_parse(t[k].s, t[k].len, 0, &col[k]);
                if (!ok) {
                    bad_value(c, "not a border value");
                    return;
                }
            }
            for (int k = 0; k < 4; k++) {
                if (r->def->id == P_BORDER_WIDTH)
                    p->border[k].width = w[k];
                else if (r->def->id == P_BORDER_STYLE)
                    p->border[k].style = s[k];
                else {
                    p->border[k].color = col[k];
                    c->g.border_color[k] = 1;
                }
            }
        }
        break;
    case P_MARGIN_SIDE:
        if (one_len(c, MD_FO_LENF_PCT | MD_FO_LENF_AUTO | MD_FO_LENF_NEG, em, &l)) {
            p->margin[r->side] = l;
            c->g.margin[r->side] = 1;
        }
        break;
    case P_PADDING_SIDE:
        if (one_len(c, MD_FO_LENF_PCT, em, &l))
            p->padding[r->side] = l;
        break;
    case P_BORDER_WIDTH_SIDE:
        if (md_fo_tokens(c->value, t, 1) == 1 &&
            border_width(t[0].s, t[0].len, em, &p->border[r->side].width))
            break;
        bad_value(c, "not a border width");
        break;
    case P_BORDER_STYLE_SIDE:
        if (md_fo_tokens(c->value, t, 1) == 1 &&
            border_style(t[0].s, t[0].len, &p->border[r->side].style))
            break;
        bad_value(c, "not a border style");
        break;
    case P_BORDER_COLOR_SIDE:
        if (md_fo_tokens(c->value, t, 1) == 1 &&
            md_fo_color_parse(t[0].s, t[0].len, 0, &p->border[r->side].color)) {
            c->g.border_color[r->side] = 1;
            break;
        }
        bad_value(c, "not a colour");
        break;
    case P_FONT_FAMILY: p->font_family = str_value(c, 0); break;
    case P_FONT_WEIGHT:
        if (md_fo_tokens(c->value, t, 1) == 1)
            font_weight(c, t[0].s, t[0].len, 0);
        else
            bad_value(c, "not a font weight");
        break;
    case P_FONT_STYLE:
        if (md_fo_tokens(c->value, t, 1) != 1 || !font_style(t[0].s, t[0].len, &p->font_style))
            bad_value(c, "not a font style");
        break;
    case P_COLOR:
        if (md_fo_tokens(c->value, t, 1) != 1 || !md_fo_color_parse(t[0].s, t[0].len, 0, &p->color))
            bad_value(c, "not a colour (a name, #rrggbb or rgb(r, g, b))");
        break;
    case P_BACKGROUND_COLOR:
        if (md_fo_tokens(c->value, t, 1) != 1 ||
            !md_fo_color_parse(t[0].s, t[0].len, 1, &p->background_color))
            bad_value(c, "not a colour (a name, #rrggbb or rgb(r, g, b))");
        break;
    case P_LINE_HEIGHT:
        if (md_fo_tokens(c->value, t, 1) == 1)
            line_height(c, t[0].s, t[0].len);
        else
            bad_value(c, "not a line height");
        break;
    case P_TEXT_ALIGN: set_align(c, &p->text_align, 0); break;
    case P_TEXT_ALIGN_LAST: set_align(c, &p->text_align_last, 1); break;
    case P_TEXT_INDENT:
        if (one_len(c, MD_FO_LENF_PCT | MD_FO_LENF_NEG, em, &l))
            p->text_indent = l;
        break;
    case P_HYPHENATE: set_bool(c, &p->is_hyphenate, "false", "true"); break;
    case P_LANGUAGE: p->language = strcmp(c->value, "none") == 0 ? NULL : str_value(c, 0); break;
    case P_COUNTRY: p->country = strcmp(c->value, "none") == 0 ? NULL : str_value(c, 0); break;
    case P_WIDOWS: one_int(c, 1, 1000, &p->widows); break;
    case P_ORPHANS: one_int(c, 1, 1000, &p->orphans); break;
    case P_START_INDENT:
    case P_END_INDENT:
        if (one_len(c, MD_FO_LENF_PCT | MD_FO_LENF_NEG, em, &l)) {
            if (r->def->id == P_START_INDENT) {
                p->start_indent = l;
                c->g.start_indent = 1;
            } else {
                p->end_indent = l;
                c->g.end_indent = 1;
            }
        }
        break;
    case P_KEEP_TOGETHER: keep_value(c, &p->keep_together, r->comp); break;
    case P_KEEP_WITH_NEXT: keep_value(c, &p->keep_with_next, r->comp); break;
    case P_KEEP_WITH_PREVIOUS: keep_value(c, &p->keep_with_previous, r->comp); break;
    case P_BREAK_BEFORE: set_break(c, &p->break_before); break;
    case P_BREAK_AFTER: set_break(c, &p->break_after); break;
    case P_SPACE_BEFORE:
        space_value(c, &p->space_before, r->comp, MD_FO_LENF_NEG);
        c->g.space_before = 1;
        break;
    case P_SPACE_AFTER:
        space_value(c, &p->space_after, r->comp, MD_FO_LENF_NEG);
        c->g.space_after = 1;
        break;
    case P_SPACE_START:
        space_value(c, &p->space_start, r->comp, MD_FO_LENF_NEG | MD_FO_LENF_PCT);
        c->g.space_start = 1;
        break;
    case P_SPACE_END:
        space_value(c, &p->space_end, r->comp, MD_FO_LENF_NEG | MD_FO_LENF_PCT);
        c->g.space_end = 1;
        break;
    case P_LEADER_LENGTH: space_value(c, &p->leader_length, r->comp, MD_FO_LENF_PCT); break;
    case P_WIDTH:
        if (one_len(c, MD_FO_LENF_PCT | MD_FO_LENF_AUTO, em, &l))
            p->width = l;
        break;
    case P_HEIGHT:
        if (one_len(c, MD_FO_LENF_PCT | MD_FO_LENF_AUTO, em, &l))
            p->height = l;
        break;
    case P_CONTENT_WIDTH: content_size(c, &p->content_width); break;
    case P_CONTENT_HEIGHT: content_size(c, &p->content_height); break;
    case P_SCALING: set_bool(c, &p->is_scaling_non_uniform, "uniform", "non-uniform"); break;
    case P_SRC: p->src = str_value(c, 1); break;
    case P_INTERNAL_DESTINATION: p->internal_destination = str_value(c, 0); break;
    case P_EXTERNAL_DESTINATION: p->external_destination = str_value(c, 1); break;
    case P_REF_ID: p->ref_id = str_value(c, 0); break;
    case P_ID: p->id = str_value(c, 0); break;
    case P_MASTER_NAME: p->master_name = str_value(c, 0); break;
    case P_MASTER_REFERENCE: p->master_reference = str_value(c, 0); break;
    case P_PAGE_POSITION: {
        static const char *const w[] = {"any", "first", "last", "rest", "only", NULL};
        set_enum(c, &p->page_position, w);
        break;
    }
    case P_ODD_OR_EVEN: {
        static const char *const w[] = {"any", "odd", "even", NULL};
        set_enum(c, &p->odd_or_even, w);
        break;
    }
    case P_BLANK_OR_NOT_BLANK: {
        static const char *const w[] = {"any", "blank", "not-blank", NULL};
        set_enum(c, &p->blank_or_not_blank, w);
        break;
    }
    case P_REGION_NAME: p->region_name = str_value(c, 0); break;
    case P_FLOW_NAME: p->flow_name = str_value(c, 0); break;
    case P_EXTENT:
        if (one_len(c, MD_FO_LENF_PCT, em, &l))
            p->extent = l;
        break;
    case P_PRECEDENCE: set_bool(c, &p->is_precedence, "false", "true"); break;
    case P_COLUMN_COUNT:
        if (one_int(c, 1, 1, &v))
            p->column_count = v;
        break;
    case P_COLUMN_WIDTH: column_width(c); break;
    case P_COLUMN_NUMBER: one_int(c, 1, 10000, &p->column_number); break;
    case P_NUMBER_COLUMNS_REPEATED: one_int(c, 1, 10000, &p->number_columns_repeated); break;
    case P_NUMBER_COLUMNS_SPANNED: one_int(c, 1, 10000, &p->number_columns_spanned); break;
    case P_NUMBER_ROWS_SPANNED: one_int(c, 1, 10000, &p->number_rows_spanned); break;
    case P_LEADER_PATTERN: {
        static const char *const w[] = {"space", "rule", "dots", "use-content", NULL};
        int k = keyword(c, w);
        if (k >= 0)
            p->leader_pattern = (md_fo_leader_pattern)k;
        break;
    }
    case P_RULE_THICKNESS:
        if (one_len(c, 0, em, &l))
            p->rule_thickness = l.sp;
        break;
    case P_RULE_STYLE:
        if (md_fo_tokens(c->value, t, 1) != 1 || !border_style(t[0].s, t[0].len, &p->rule_style))
            bad_value(c, "not a rule style");
        break;
    case P_PROVISIONAL_DISTANCE:
        if (one_len(c, MD_FO_LENF_PCT, em, &l))
            p->provisional_distance_between_starts = l;
        break;
    case P_PROVISIONAL_SEPARATION:
        if (one_len(c, MD_FO_LENF_PCT, em, &l))
            p->provisional_label_separation = l;
        break;
    case P_TABLE_LAYOUT: set_bool(c, &p->is_table_layout_fixed, "auto", "fixed"); break;
    case P_BORDER_COLLAPSE: set_bool(c, &p->is_border_separate, "collapse", "separate"); break;
    case P_DISPLAY_ALIGN: {
        static const char *const w[] = {"auto", "center", "after", "before", NULL};
        int k = keyword(c, w);
        if (k >= 0)
            p->display_align = k == 3 ? 0 : k;
        break;
    }
    case P_ROLE: p->role = str_value(c, 0); break;
    case P_PAGE_WIDTH:
    case P_PAGE_HEIGHT:
        if (one_len(c, 0, em, &l)) {
            if (r->def->id == P_PAGE_WIDTH)
                p->page_width = l.sp;
            else
                p->page_height = l.sp;
        }
        break;
    case P_MAXIMUM_REPEATS:
        if (strcmp(c->value, "no-limit") == 0)
            p->maximum_repeats = -1;
        else
            one_int(c, 0, 100000, &p->maximum_repeats);
        break;
    case P_INITIAL_PAGE_NUMBER:
        if (strcmp(c->value, "auto") == 0)
            p->initial_page_number = 0;
        else
            one_int(c, 1, 1000000, &p->initial_page_number);
        break;
    case P_FORCE_PAGE_COUNT: {
        static const char *const w[] = {"auto",       "even",     "odd", "end-on-even",
                                        "end-on-odd", "no-force", NULL};
        set_enum(c, &p->force_page_count, w);
        break;
    }
    case P_FORMAT: p->format = str_value(c, 0); break;
    case P_STARTING_STATE: set_bool(c, &p->is_starting_state_hide, "show", "hide"); break;
    case P_CHARACTER: p->character = str_copy(c, c->value, strlen(c->value)); break;
    case P_LINEFEED_TREATMENT: {
        static const char *const w[] = {"treat-as-space", "preserve", NULL};
        int k = keyword(c, w);
        if (k >= 0)
            p->is_linefeed_preserved = (uint8_t)k;
        break;
    }
    case P_WHITE_SPACE_COLLAPSE:
    case P_WHITE_SPACE_TREATMENT: {
        /* Only the pair "false" + "preserve" (white-space="pre") and the defaults. */
        static const char *const w[] = {"true", "false", NULL};
        static const char *const w2[] = {"ignore-if-surrounding-linefeed", "preserve", NULL};
        int k = keyword(c, r->def->id == P_WHITE_SPACE_COLLAPSE ? w : w2);
        if (k >= 0)
            p->is_space_preserved = (uint8_t)k;
        break;
    }
    case P_TEXT_DECORATION: {
        size_t n = md_fo_tokens(c->value, t, 3);
        uint8_t bits = 0;
        for (size_t i = 0; i < n && n <= 3; i++) {
            if (md_fo_is_word(t[i].s, t[i].len, "underline"))
                bits |= MD_FO_UNDERLINE;
            else if (md_fo_is_word(t[i].s, t[i].len, "overline"))
                bits |= MD_FO_OVERLINE;
            else if (md_fo_is_word(t[i].s, t[i].len, "line-through"))
                bits |= MD_FO_LINE_THROUGH;
            else if (!(n == 1 && md_fo_is_word(t[i].s, t[i].len, "none"))) {
                bad_value(c, "not a text decoration motesdok supports");
                return;
            }
        }
        p->text_decoration = bits;
        break;
    }
    case P_HYPHENATION_PUSH: one_int(c, 1, 100, &p->hyphenation_push); break;
    case P_HYPHENATION_REMAIN: one_int(c, 1, 100, &p->hyphenation_remain); break;
    case P_OMIT_HEADER: set_bool(c, &p->is_omit_header_at_break, "false", "true"); break;
    case P_OMIT_FOOTER: set_bool(c, &p->is_omit_footer_at_break, "false", "true"); break;
    case P_ALT_TEXT: p->alt_text = str_copy(c, c->value, strlen(c->value)); break;
    case P_SRC_LINE:
        if (one_int(c, 1, INT32_MAX, &v))
            p->src_line = v;
        break;
    }
}

void
md_fo_props_init(md_fo_props *p)
{
    static const md_fo_len zero = {MD_FO_LEN_ABS, 0, 0};
    static const md_fo_len autol = {MD_FO_LEN_AUTO, 0, 0};
    memset(p, 0, sizeof *p);
    p->font_family = "sans-serif";
    p->font_size = 12 * MD_SP_PER_PT;
    p->font_weight = 400;
    p->color = 0x000000;
    p->line_height_factor = 78643; /* normal: 1.2, as FOP */
    p->line_height = (md_sp)md_fo_round_div((int64_t)p->font_size * p->line_height_factor, 65536);
    p->is_align_last_relative = 1;
    p->hyphenation_push = p->hyphenation_remain = 2;
    p->widows = p->orphans = 2;
    p->leader_length.min = zero;
    p->leader_length.opt = (md_fo_len){MD_FO_LEN_ABS, 12 * MD_SP_PER_PT, 0};
    p->leader_length.max = (md_fo_len){MD_FO_LEN_ABS, 0, 100 * 65536};
    p->rule_thickness = MD_SP_PER_PT;
    p->rule_style = MD_FO_BORDER_SOLID;
    p->provisional_distance_between_starts = (md_fo_len){MD_FO_LEN_ABS, 24 * MD_SP_PER_PT, 0};
    p->provisional_label_separation = (md_fo_len){MD_FO_LEN_ABS, 6 * MD_SP_PER_PT, 0};
    for (int k = 0; k < 4; k++) {
        p->margin[k] = zero;
        p->padding[k] = zero;
        p->border[k].width = MD_SP_PER_PT; /* medium, shown only with a style */
    }
    p->background_color = MD_FO_COLOR_NONE;
    p->width = p->height = autol;
    p->content_width = p->content_height = autol;
    /* A4, FOP's default page size. */
    p->page_width = 39011981;  /* 210mm */
    p->page_height = 55174088; /* 297mm */
    p->column_count = 1;
    p->column_width = autol;
    p->number_columns_repeated = p->number_columns_spanned = p->number_rows_spanned = 1;
    p->maximum_repeats = -1;
    p->format = "1";
}

/* Copies the inherited properties of parent into p (XSL §5.1.4). */
static void
inherit(md_fo_props *p, const md_fo_props *parent)
{
    p->font_family = parent->font_family;
    p->font_size = parent->font_size;
    p->font_weight = parent->font_weight;
    p->font_style = parent->font_style;
    p->color = parent->color;
    p->line_height = parent->line_height;
    p->line_height_factor = parent->line_height_factor;
    p->text_align = parent->text_align;
    p->text_align_last = parent->text_align_last;
    p->is_align_last_relative = parent->is_align_last_relative;
    p->text_indent = parent->text_indent;
    p->start_indent = parent->start_indent;
    p->end_indent = parent->end_indent;
    p->is_hyphenate = parent->is_hyphenate;
    p->is_linefeed_preserved = parent->is_linefeed_preserved;
    p->is_space_preserved = parent->is_space_preserved;
    p->text_decoration = parent->text_decoration;
    p->hyphenation_push = parent->hyphenation_push;
    p->hyphenation_remain = parent->hyphenation_remain;
    p->language = parent->language;
    p->country = parent->country;
    p->widows = parent->widows;
    p->orphans = parent->orphans;
    p->keep_together = parent->keep_together;
    p->display_align = parent->display_align;
    p->leader_pattern = parent->leader_pattern;
    p->leader_length = parent->leader_length;
    p->rule_thickness = parent->rule_thickness;
    p->rule_style = parent->rule_style;
    p->provisional_distance_between_starts = parent->provisional_distance_between_starts;
    p->provisional_label_separation = parent->provisional_label_separation;
    p->is_border_separate = parent->is_border_separate;
}

static int
is_block_level(md_fo_kind k)
{
    return k == MD_FO_BLOCK || k == MD_FO_BLOCK_CONTAINER || k == MD_FO_LIST_BLOCK ||
           k == MD_FO_LIST_ITEM || k == MD_FO_TABLE;
}

static int
is_inline_level(md_fo_kind k)
{
    return k == MD_FO_INLINE || k == MD_FO_BASIC_LINK || k == MD_FO_LEADER ||
           k == MD_FO_PAGE_NUMBER || k == MD_FO_PAGE_NUMBER_CITATION ||
           k == MD_FO_PAGE_NUMBER_CITATION_LAST || k == MD_FO_EXTERNAL_GRAPHIC ||
           k == MD_FO_CHARACTER;
}

/* a + b for lengths that are both absolute (with percentages); else a. */
static md_fo_len
len_add(md_fo_len a, md_fo_len b)
{
    if (a.kind != MD_FO_LEN_ABS || b.kind != MD_FO_LEN_ABS)
        return a;
    a.sp += b.sp;
    a.pct += b.pct;
    return a;
}

/* The margin of side as a length; auto counts as 0. */
static md_fo_len
margin_len(const md_fo_props *p, int side)
{
    md_fo_len m = p->margin[side];
    if (m.kind != MD_FO_LEN_ABS)
        m = (md_fo_len){MD_FO_LEN_ABS, 0, 0};
    return m;
}

/* Corresponding properties (XSL §5.3.2), border widths of unstyled borders, the line
 * height and text-align-last, once all attributes are in. */
static void
finish(comp *c)
{
    md_fo_props *p = c->p;
    for (int k = 0; k < 4; k++) {
        if (!c->g.border_color[k])
            p->border[k].color = p->color;
    }
    if (p->line_height_factor > 0)
        p->line_height =
            (md_sp)md_fo_round_div((int64_t)p->font_size * p->line_height_factor, 65536);
    if (p->is_align_last_relative)
        p->text_align_last =
            p->text_align == MD_FO_ALIGN_JUSTIFY ? MD_FO_ALIGN_START : p->text_align;
    if (is_block_level(c->kind)) {
        md_fo_space *sb[2] = {&p->space_before, &p->space_after};
        uint8_t given_sb[2] = {c->g.space_before, c->g.space_after};
        for (int k = 0; k < 2; k++) {
            if (c->g.margin[k] && !given_sb[k]) {
                md_fo_len m = margin_len(p, k);
                sb[k]->min = sb[k]->opt = sb[k]->max = m;
            }
        }
        /* The block-container is a reference area: its indents start from 0. */
        int is_ref = c->kind == MD_FO_BLOCK_CONTAINER;
        md_fo_len *ind[2] = {&p->start_indent, &p->end_indent};
        uint8_t given_ind[2] = {c->g.start_indent, c->g.end_indent};
        const md_fo_len *inh[2] = {&c->parent->start_indent, &c->parent->end_indent};
        for (int k = 0; k < 2; k++) {
            int side = k == 0 ? MD_FO_START : MD_FO_END;
            if (!c->g.margin[side] || given_ind[k])
                continue;
            md_fo_len v = is_ref ? (md_fo_len){MD_FO_LEN_ABS, 0, 0} : *inh[k];
            v = len_add(v, margin_len(p, side));
            v = len_add(v, p->padding[side]);
            md_sp bw = p->border[side].style > MD_FO_BORDER_HIDDEN ? p->border[side].width : 0;
            v = len_add(v, (md_fo_len){MD_FO_LEN_ABS, bw, 0});
            *ind[k] = v;
        }
    } else if (is_inline_level(c->kind)) {
        if (c->g.margin[MD_FO_START] && !c->g.space_start)
            p->space_start.min = p->space_start.opt = p->space_start.max =
                margin_len(p, MD_FO_START);
        if (c->g.margin[MD_FO_END] && !c->g.space_end)
            p->space_end.min = p->space_end.opt = p->space_end.max = margin_len(p, MD_FO_END);
    }
    for (int k = 0; k < 4; k++) {
        if (p->border[k].style <= MD_FO_BORDER_HIDDEN)
            p->border[k].width = 0;
    }
}

md_status
md_fo_props_compute(md_fo_ctx *cx, md_fo_kind kind, const md_fo_props *parent,
                    const md_fo_attr *attrs, size_t attrs_len, long line, md_fo_props **out)
{
    md_fo_props *p = md_arena_alloc(cx->arena, sizeof *p);
    if (p == NULL)
        return MD_ENOMEM;
    md_fo_props_init(p);
    inherit(p, parent);
    p->list_depth = parent->list_depth;
    if (kind == MD_FO_LIST_BLOCK && p->list_depth < 255)
        p->list_depth++;
    /* An inherited body-start() or label-end() keeps the depth of the list it was given in
     * (its value there, XSL §5.1.4: the computed value is inherited); one given here gets
     * this element's depth below. */
    md_fo_len si0 = p->start_indent, ei0 = p->end_indent;
    comp c = {.cx = cx, .parent = parent, .p = p, .line = line, .kind = kind, .st = MD_OK};
    for (int pass = PASS_FIRST; pass <= PASS_COMP && c.st == MD_OK; pass++) {
        for (size_t i = 0; i < attrs_len && c.st == MD_OK; i++) {
            const md_fo_attr *a = &attrs[i];
            prop_ref r;
            int known = lookup(a, &r);
            if (!known) {
                if (pass == PASS_FIRST)
                    md_diag_add(cx->d, MD_DIAG_WARNING, cx->path, line, 0,
                                "property %s%s%s is not supported by motesdok; ignored "
                                "(see docs/fo-subset.md)",
                                a->prefix != NULL ? a->prefix : "", a->prefix != NULL ? ":" : "",
                                a->name);
                continue;
            }
            if (r.def->pass != pass)
                continue;
            c.attr_name = a->name;
            c.value = a->value;
            if (strcmp(a->value, "inherit") == 0) {
                /* Inherited properties already hold the parent's value. */
                if (!r.def->is_inherited)
                    bad_value(&c, "inherit is supported only for inherited properties");
                continue;
            }
            if (strstr(a->value, "inherited-property-value(") != NULL ||
                strstr(a->value, "from-parent(") != NULL ||
                strstr(a->value, "from-nearest-specified-value(") != NULL) {
                bad_value(&c, "property functions other than body-start(), label-end() and "
                              "proportional-column-width() are not supported");
                continue;
            }
            apply(&c, &r);
        }
    }
    if (c.st != MD_OK)
        return c.st;
    finish(&c);
    md_fo_len *ind[2] = {&p->start_indent, &p->end_indent};
    const md_fo_len was[2] = {si0, ei0};
    for (int k = 0; k < 2; k++) {
        int is_fn = ind[k]->kind == MD_FO_LEN_BODY_START || ind[k]->kind == MD_FO_LEN_LABEL_END;
        if (is_fn && (ind[k]->kind != was[k].kind || ind[k]->sp == 0))
            ind[k]->sp = p->list_depth;
    }
    *out = p;
    return MD_OK;
}
