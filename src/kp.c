/* Knuth–Plass total-fit line breaking (Knuth & Plass 1981; TeX: The Program §813 ff.):
 * TeX's active list, badness (§108), demerits (§859), fitness classes and three passes, in
 * integer arithmetic. Notes and the differences from TeX are in docs/kp.md. */
#include "kp.h"

#include <string.h>

#define INF_BAD 10000       /* TeX's inf_bad (§108) */
#define AWFUL_BAD INT64_MAX /* TeX's awful_bad (§833), in 64 bits */
#define NONE UINT32_MAX     /* no node, no break record */
/* Break records one pass may keep (8 bytes each, so 32 MiB); TeX's are bounded by its
 * main memory. A paragraph needs a few per legal break. */
#define MAX_BREAKS ((uint32_t)1 << 22)
/* Active-node visits allowed in all passes together: WORK_BASE + WORK_PER_ITEM × n. A real
 * paragraph needs a few hundred per item; thousands of breaks that all fit on one line
 * (zero-width items) would need time quadratic in n, and get MD_ELIMIT instead. */
#define WORK_BASE ((uint64_t)1 << 24)
#define WORK_PER_ITEM 2048

/* Fitness classes (§817), in TeX's order so that "differ by more than one" works. */
enum { VERY_LOOSE, LOOSE, DECENT, TIGHT };

/* Sums of widths over a run of items: natural, finite stretch, capped stretch (expansion and
 * letter-spacing), shrink, fil stretch, and the letter-spacing part of the capped stretch. */
typedef struct totals {
    int64_t width;
    int64_t stretch;
    int64_t capped;
    int64_t shrink;
    int64_t fil;
    int64_t track;
} totals;

/* A feasible break that became an active node: TeX's passive node (§821). */
typedef struct brk {
    uint32_t pos;  /* index of the break item */
    uint32_t prev; /* the break before it, NONE at the paragraph start */
} brk;

/* An active node (§819): the best way found to end a line at one break, for one fitness
 * class, line class and hyphen run. Kept in a list sorted by line number. */
typedef struct node {
    int64_t demerits; /* total from the paragraph start */
    totals start;     /* totals before the first item of the next line */
    uint32_t next;
    uint32_t brk;       /* its break record, NONE for the paragraph start */
    uint32_t line;      /* number of the line that starts here, from 1, capped at widths_len */
    uint8_t fit;        /* fitness class of the line that ends here */
    uint8_t run;        /* hyphenated lines in a row ending here (when max_hyphen_run > 0) */
    uint8_t is_hyph;    /* the break is a flagged penalty */
    uint8_t is_pending; /* start unknown yet: no box since the break (§837) */
} node;

/* Best feasible break at the current position per fitness class and hyphen run: TeX's
 * minimal_demerits, best_place and best_pl_line (§833). */
typedef struct best {
    int64_t demerits;
    uint32_t brk;  /* break record of the node the line starts at */
    uint32_t line; /* line number of that node */
} best;

typedef struct kp {
    const md_kp_item *items;
    size_t n;
    size_t end; /* the final break: n, or n - 1 when the last item is a forced break */
    const md_sp *widths;
    uint32_t widths_len; /* at most n + 1: no paragraph has more lines */
    md_kp_params p;
    uint32_t runs; /* hyphen-run slots: max_hyphen_run + 1 */
    /* The current pass (§863). */
    int32_t threshold;
    int is_hyph_pass;  /* flagged penalties that are not explicit are legal breaks */
    int is_final_pass; /* keep the least bad node instead of an empty list (§854) */
    int64_t emergency; /* added to every line's stretch (§863) */
    /* The active list and its storage. */
    node *nodes;
    uint32_t nodes_len, free_nodes, active;
    size_t nodes_cap;
    brk *brks;
    uint32_t brks_len;
    size_t brks_cap;
    best *best; /* 4 × runs slots, AWFUL_BAD when unused */
    totals cur; /* totals of the items before the current one */
    int has_pending;
    uint64_t work, work_max;
} kp;

void
md_kp_params_default(md_kp_params *p)
{
    p->tolerance = 200;
    p->pretolerance = 100;
    p->line_penalty = 10;
    p->double_hyphen_demerits = 10000;
    p->final_hyphen_demerits = 5000;
    p->adj_demerits = 10000;
    p->max_hyphen_run = 3;
    p->emergency_stretch = 30 * MD_SP_PER_PT;
    p->is_graded = 0;
}

/* TeX's badness(t, s) (§108): about 100 (t/s)^3, exact in integers, capped at INF_BAD. The
 * constants are TeX's: 7230584 · 297 < 2^31, 1663497 / 297 ≈ 5601, 1290^3 < 2^31. */
static int32_t
badness(int64_t t, int64_t s)
{
    int32_t b = INF_BAD;
    int64_t r;
    if (t == 0) {
        b = 0;
    } else if (s > 0) {
        if (t <= 7230584)
            r = t * 297 / s;
        else if (s >= 1663497)
            r = t / (s / 297);
        else
            r = t;
        if (r <= 1290)
            b = (int32_t)((r * r * r + 0x20000) / 0x40000);
    }
    return b;
}

/* Badness of a line short by t > 0 with stretch s and capped stretch c: both take the
 * shortfall in proportion up to ratio 1, then s alone takes the rest. The same as badness(t,
 * s + c) up to t = s + c, so the two meet at 100. */
static int32_t
stretch_badness(int64_t t, int64_t s, int64_t c)
{
    return t <= s + c ? badness(t, s + c) : badness(t - c, s);
}

/* t / s × 65536 for t >= 0, s > 0, truncated, at most INT32_MAX. The sums of a paragraph
 * stay below 2^51, so shifting a large s (and t's remainder) keeps the product in range. */
static int32_t
ratio_of(int64_t t, int64_t s)
{
    int64_t q = t / s;
    int64_t rem = t % s;
    int64_t r = INT32_MAX;
    if (q < 32768) {
        while (s > ((int64_t)1 << 46)) {
            s >>= 1;
            rem >>= 1;
        }
        r = q * 65536 + rem * 65536 / s;
        if (r > INT32_MAX)
            r = INT32_MAX;
    }
    return (int32_t)r;
}

/* Adds a box or glue; a penalty's width counts only when the line breaks at it. A box may
 * give capped stretch (a font's expansion, letter-spacing) and shrink too, never plain
 * stretch. Letter-spacing is capped stretch; track remembers how much of it. */
static void
totals_add(totals *t, const md_kp_item *it)
{
    t->width += it->width;
    if (it->type == MD_KP_GLUE) {
        t->stretch += it->stretch;
        t->capped += it->stretch_capped + it->stretch_track;
        t->track += it->stretch_track;
        t->shrink += it->shrink;
        t->fil += it->stretch_fil;
    } else if (it->type == MD_KP_BOX) {
        t->capped += it->stretch_capped + it->stretch_track;
        t->track += it->stretch_track;
        t->shrink += it->shrink;
    }
}

/* A node from the free list or a new one; its fields are for the caller to set. */
static md_status
node_new(kp *k, uint32_t *out)
{
    md_status st = MD_OK;
    if (k->free_nodes != NONE) {
        *out = k->free_nodes;
        k->free_nodes = k->nodes[*out].next;
    } else {
        st = md_grow(&k->nodes, &k->nodes_cap, (size_t)k->nodes_len + 1, sizeof *k->nodes, 64);
        if (st != MD_OK)
            goto out;
        *out = k->nodes_len++;
    }
out:
    return st;
}

static md_status
brk_new(kp *k, uint32_t pos, uint32_t prev, uint32_t *out)
{
    md_status st = MD_OK;
    if (k->brks_len == MAX_BREAKS) {
        st = MD_ELIMIT;
        goto out;
    }
    st = md_grow(&k->brks, &k->brks_cap, (size_t)k->brks_len + 1, sizeof *k->brks, 256);
    if (st != MD_OK)
        goto out;
    k->brks[k->brks_len].pos = pos;
    k->brks[k->brks_len].prev = prev;
    *out = k->brks_len++;
out:
    return st;
}

/* The first box after a break starts the next line: glue and penalties between are
 * discarded (§837, §879), so the nodes of that break measure from here. */
static void
resolve_pending(kp *k)
{
    for (uint32_t r = k->active; r != NONE; r = k->nodes[r].next) {
        if (k->nodes[r].is_pending) {
            k->nodes[r].start = k->cur;
            k->nodes[r].is_pending = 0;
        }
    }
    k->has_pending = 0;
}

/* Badness without TeX's cap, for is_graded: 100 (t/s)^3 up to 10^7 (r up to about 46);
 * 10^7 when s is 0. */
static int64_t
graded_badness(int64_t t, int64_t s)
{
    if (s <= 0)
        return 10000000;
    int64_t r = t * 1000 / s; /* r × 1000 */
    if (r >= 46416)
        return 10000000;
    return r * r * r / 10000000;
}

/* Demerits of a line from node a to a break with penalty pi (§859). */
static int64_t
line_demerits(const kp *k, const node *a, int64_t b, int fit, int32_t pi, int is_flagged,
              int is_last)
{
    int64_t d = (int64_t)k->p.line_penalty + b;
    if (!k->p.is_graded || b < INF_BAD)
        d = d >= 10000 || d <= -10000 ? 100000000 : d * d;
    else
        d = d * d;
    if (pi > 0)
        d += (int64_t)pi * pi;
    else if (pi < 0 && pi > -MD_KP_INF)
        d -= (int64_t)pi * pi;
    /* TeX tries the paragraph end as a hyphenated break, so a hyphen on the line before the
     * last costs final_hyphen_demerits (§873). */
    if (a->is_hyph && is_last)
        d += k->p.final_hyphen_demerits;
    else if (a->is_hyph && is_flagged)
        d += k->p.double_hyphen_demerits;
    if (fit - a->fit > 1 || a->fit - fit > 1)
        d += k->p.adj_demerits;
    return d;
}

/* Creates active nodes at break pos for the best lines just found, inserted after *prev
 * (§836). Like TeX, a fitness class more than |adj_demerits| worse than the best is dropped:
 * it can gain at most that on the next line. With a hyphen run limit the comparison is with
 * the best of no longer run, because a longer run has fewer ways to go on. */
static md_status
flush(kp *k, uint32_t pos, int is_flagged, uint32_t *prev)
{
    md_status st = MD_OK;
    int64_t adj = k->p.adj_demerits < 0 ? -(int64_t)k->p.adj_demerits : k->p.adj_demerits;
    int64_t least = AWFUL_BAD;
    uint32_t runs = is_flagged ? k->runs : 1;
    for (uint32_t run = 0; run < runs; run++) {
        for (int fit = VERY_LOOSE; fit <= TIGHT; fit++) {
            int64_t d = k->best[(uint32_t)fit * k->runs + run].demerits;
            least = d < least ? d : least;
        }
        int64_t bound = least >= AWFUL_BAD - adj ? AWFUL_BAD - 1 : least + adj;
        for (int fit = VERY_LOOSE; fit <= TIGHT; fit++) {
            best *e = &k->best[(uint32_t)fit * k->runs + run];
            uint32_t b, r;
            if (st == MD_OK && e->demerits <= bound) {
                st = brk_new(k, pos, e->brk, &b);
                if (st == MD_OK)
                    st = node_new(k, &r);
                if (st == MD_OK) {
                    node *a = &k->nodes[r];
                    memset(a, 0, sizeof *a);
                    a->demerits = e->demerits;
                    a->brk = b;
                    a->line = e->line < k->widths_len ? e->line + 1 : k->widths_len;
                    a->fit = (uint8_t)fit;
                    a->run = (uint8_t)run;
                    a->is_hyph = (uint8_t)(is_flagged != 0);
                    a->is_pending = 1;
                    a->next = *prev == NONE ? k->active : k->nodes[*prev].next;
                    if (*prev == NONE)
                        k->active = r;
                    else
                        k->nodes[*prev].next = r;
                    *prev = r;
                    k->has_pending = 1;
                }
            }
            e->demerits = AWFUL_BAD;
        }
    }
    return st;
}

/* Tries a break at item pos with penalty pi, the break adding pw to the line (§829):
 *   for each active node r, in order of line number:
 *     when r starts a new line class, create nodes for the best breaks of the last (flush);
 *     measure the line from r: badness and fitness class (§851-§853);
 *     overfull or forced: deactivate r, but in the final pass keep the last node as an
 *       artificial feasible break rather than lose every node (§854);
 *     feasible (badness <= threshold, hyphen run within its limit): keep the line if it has
 *       the least demerits for its fitness class and run (§855);
 *   create nodes for the last line class. */
static md_status
try_break(kp *k, uint32_t pos, int32_t pi, md_sp pw, int is_flagged, int is_last)
{
    md_status st = MD_OK;
    int is_forced = pi <= -MD_KP_INF;
    uint32_t prev = NONE;
    uint32_t r = k->active;
    uint32_t batch = 0;
    int64_t least = AWFUL_BAD;
    while (r != NONE && st == MD_OK) {
        node *a = &k->nodes[r];
        /* Lines past widths_len - 1 all have the same measure, so their nodes are alike
         * (TeX's easy_line, §848). */
        uint32_t key = a->line < k->widths_len ? a->line + 1 : k->widths_len;
        if (key != batch) {
            if (least < AWFUL_BAD)
                st = flush(k, pos, is_flagged, &prev);
            least = AWFUL_BAD;
            batch = key;
            continue;
        }
        if (++k->work > k->work_max) {
            st = MD_ELIMIT;
            break;
        }
        uint32_t next = a->next;
        totals t = {0, 0, 0, 0, 0, 0};
        if (!a->is_pending) {
            t.width = k->cur.width - a->start.width;
            t.stretch = k->cur.stretch - a->start.stretch;
            t.capped = k->cur.capped - a->start.capped;
            t.shrink = k->cur.shrink - a->start.shrink;
            t.fil = k->cur.fil - a->start.fil;
            t.track = k->cur.track - a->start.track;
        }
        int64_t shortfall = (int64_t)k->widths[a->line - 1] - (t.width + pw);
        int32_t b;
        int fit;
        if (shortfall > 0) {
            if (t.fil != 0) {
                b = 0;
                fit = DECENT;
            } else {
                b = stretch_badness(shortfall, t.stretch + k->emergency, t.capped);
                fit = b > 99 ? VERY_LOOSE : b > 12 ? LOOSE : DECENT;
            }
        } else if (-shortfall > t.shrink) {
            b = INF_BAD + 1;
            fit = TIGHT;
        } else {
            b = badness(-shortfall, t.shrink);
            fit = b > 12 ? TIGHT : DECENT;
        }
        int is_artificial = 0;
        int is_kept = 1;
        int is_feasible = b <= k->threshold;
        if (b > INF_BAD || is_forced) {
            is_kept = 0;
            is_artificial = k->is_final_pass && least == AWFUL_BAD && prev == NONE && next == NONE;
            is_feasible = is_feasible || is_artificial;
        }
        /* The hard limit on hyphenated lines in a row, which TeX does not have: the run is
         * part of the node's identity. An artificial break may exceed it (clamped). */
        uint32_t run = k->runs > 1 && is_flagged ? a->run + 1u : 0;
        if (run >= k->runs) {
            is_feasible = is_feasible && is_artificial;
            run = k->runs - 1;
        }
        if (is_feasible) {
            int64_t db = b;
            /* Past the cap only the stretch grows; a line with none (one word) is graded as
             * if its capped stretch went on growing, so that a word a little short of the
             * measure costs less than a word alone on half a line. Such a line is graded
             * by its expansion alone, as if it had no letter-spacing: the spacing fills a
             * little of its hole, but the hole stays, and must not look cheaper to the
             * breaker than a loose line does (docs/kp.md). */
            if (k->p.is_graded && b == INF_BAD && shortfall > 0 && t.fil == 0) {
                int64_t s = t.stretch + k->emergency;
                int64_t c = t.capped - t.track;
                db = s > 0 ? graded_badness(shortfall - t.capped, s)
                           : graded_badness(shortfall - c, c);
            }
            int64_t d = is_artificial ? 0 : line_demerits(k, a, db, fit, pi, is_flagged, is_last);
            best *e = &k->best[(uint32_t)fit * k->runs + run];
            d += a->demerits;
            /* <= as TeX: of equal totals the later node in the list wins. */
            if (d <= e->demerits) {
                e->demerits = d;
                e->brk = a->brk;
                e->line = a->line;
                least = d < least ? d : least;
            }
        }
        if (is_kept) {
            prev = r;
        } else {
            if (prev == NONE)
                k->active = next;
            else
                k->nodes[prev].next = next;
            k->nodes[r].next = k->free_nodes;
            k->free_nodes = r;
        }
        r = next;
    }
    if (st == MD_OK && least < AWFUL_BAD)
        st = flush(k, pos, is_flagged, &prev);
    return st;
}

/* One pass over the paragraph (§863): a break is legal at glue after a box and at a
 * penalty below MD_KP_INF; the paragraph end is a forced break. *is_found says whether any
 * active node reached the end. */
static md_status
run_pass(kp *k, int *is_found)
{
    md_status st = MD_OK;
    int is_prev_box = 0;
    uint32_t r;
    k->nodes_len = 0;
    k->free_nodes = NONE;
    k->brks_len = 0;
    memset(&k->cur, 0, sizeof k->cur);
    k->has_pending = 0;
    /* The paragraph start (§864): a decent line before it, nothing discarded. */
    st = node_new(k, &r);
    if (st != MD_OK)
        goto out;
    memset(&k->nodes[r], 0, sizeof k->nodes[r]);
    k->nodes[r].next = NONE;
    k->nodes[r].brk = NONE;
    k->nodes[r].line = 1;
    k->nodes[r].fit = DECENT;
    k->active = r;
    for (size_t i = 0; i < k->end && k->active != NONE && st == MD_OK; i++) {
        const md_kp_item *it = &k->items[i];
        if (it->type == MD_KP_BOX) {
            if (k->has_pending)
                resolve_pending(k);
            is_prev_box = 1;
        } else if (it->type == MD_KP_GLUE) {
            if (is_prev_box)
                st = try_break(k, (uint32_t)i, 0, 0, 0, 0);
            is_prev_box = 0;
        } else {
            /* The first pass leaves out hyphenation points, not hyphens in the text nor
             * forced breaks (TeX hyphenates only in the second pass, §891). */
            int is_legal =
                it->penalty < MD_KP_INF && (k->is_hyph_pass || !it->is_flagged || it->is_explicit ||
                                            it->penalty <= -MD_KP_INF);
            if (is_legal)
                st = try_break(k, (uint32_t)i, it->penalty, it->width, it->is_flagged, 0);
            is_prev_box = 0;
        }
        if (it->type != MD_KP_PENALTY)
            totals_add(&k->cur, it);
    }
    if (st == MD_OK && k->active != NONE) {
        int is_item = k->end < k->n;
        st = try_break(k, (uint32_t)k->end, -MD_KP_INF, is_item ? k->items[k->end].width : 0,
                       is_item && k->items[k->end].is_flagged, 1);
    }
out:
    *is_found = st == MD_OK && k->active != NONE;
    return st;
}

/* Fills in how line out is set: the items from start to end as the caller will set them,
 * with the real stretch (no emergency stretch). */
static void
set_line(const kp *k, size_t start, size_t end, md_sp measure, md_kp_line *out)
{
    totals t = {0, 0, 0, 0, 0, 0};
    for (size_t i = start; i < end; i++)
        if (k->items[i].type != MD_KP_PENALTY)
            totals_add(&t, &k->items[i]);
    int is_pen = end < k->n && k->items[end].type == MD_KP_PENALTY;
    if (is_pen)
        t.width += k->items[end].width;
    int64_t shortfall = (int64_t)measure - t.width;
    out->end = end;
    out->ratio = 0;
    out->is_overfull = 0;
    out->is_hyphenated = (uint8_t)(is_pen && k->items[end].is_flagged);
    if (shortfall > 0) {
        out->badness = t.fil != 0 ? 0 : stretch_badness(shortfall, t.stretch, t.capped);
        if (t.fil == 0 && shortfall <= t.stretch + t.capped)
            out->ratio = ratio_of(shortfall, t.stretch + t.capped);
        else if (t.fil == 0 && t.stretch > 0)
            out->ratio = ratio_of(shortfall - t.capped, t.stretch);
    } else if (-shortfall > t.shrink) {
        out->badness = INF_BAD + 1;
        out->is_overfull = 1;
        if (t.shrink > 0)
            out->ratio = -65536;
    } else {
        out->badness = badness(-shortfall, t.shrink);
        if (t.shrink > 0)
            out->ratio = -ratio_of(-shortfall, t.shrink);
    }
}

/* The lines of the best active node at the paragraph end (§874, §877-§879). */
static md_status
make_lines(const kp *k, md_kp_line **lines, size_t *lines_len)
{
    md_status st = MD_OK;
    uint32_t best_r = NONE;
    size_t len = 0;
    md_kp_line *out = NULL;
    /* < as TeX: of equal totals the first node wins. */
    for (uint32_t r = k->active; r != NONE; r = k->nodes[r].next)
        if (best_r == NONE || k->nodes[r].demerits < k->nodes[best_r].demerits)
            best_r = r;
    for (uint32_t b = k->nodes[best_r].brk; b != NONE; b = k->brks[b].prev)
        len++;
    out = md_alloc_array(len, sizeof *out);
    if (out == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    size_t j = len;
    for (uint32_t b = k->nodes[best_r].brk; b != NONE; b = k->brks[b].prev)
        out[--j].end = k->brks[b].pos;
    for (j = 0; j < len; j++) {
        size_t start = 0;
        if (j > 0) {
            start = out[j - 1].end + 1;
            while (start < out[j].end && k->items[start].type != MD_KP_BOX)
                start++;
        }
        set_line(k, start, out[j].end, k->widths[j < k->widths_len ? j : k->widths_len - 1],
                 &out[j]);
    }
    *lines = out;
    *lines_len = len;
out:
    return st;
}

md_status
md_kp_break(const md_kp_item *items, size_t n, const md_sp *widths, size_t widths_len,
            const md_kp_params *p, md_kp_line **lines, size_t *lines_len)
{
    md_status st = MD_OK;
    kp k;
    int is_found = 0;
    memset(&k, 0, sizeof k);
    if (p != NULL)
        k.p = *p;
    else
        md_kp_params_default(&k.p);
    if (lines == NULL || lines_len == NULL || (items == NULL && n > 0) || widths == NULL ||
        widths_len == 0 || k.p.max_hyphen_run < 0 || k.p.max_hyphen_run > MD_KP_MAX_HYPHEN_RUN) {
        st = MD_EINPUT;
        goto out;
    }
    if (n > MD_KP_MAX_ITEMS) {
        st = MD_ELIMIT;
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        if (items[i].type != MD_KP_BOX && items[i].type != MD_KP_GLUE &&
            items[i].type != MD_KP_PENALTY) {
            st = MD_EINPUT;
            goto out;
        }
    }
    if (n == 0) {
        *lines = NULL;
        *lines_len = 0;
        goto out;
    }
    k.items = items;
    k.n = n;
    k.end = items[n - 1].type == MD_KP_PENALTY && items[n - 1].penalty <= -MD_KP_INF ? n - 1 : n;
    k.widths = widths;
    k.widths_len = (uint32_t)(widths_len < n + 1 ? widths_len : n + 1);
    k.runs = (uint32_t)k.p.max_hyphen_run + 1;
    k.work_max = WORK_BASE + (uint64_t)WORK_PER_ITEM * n;
    k.best = md_alloc_array(4 * (size_t)k.runs, sizeof *k.best);
    if (k.best == NULL) {
        st = MD_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < 4 * (size_t)k.runs; i++)
        k.best[i].demerits = AWFUL_BAD;
    /* The passes of §863: without hyphenation points under pretolerance, with them under
     * tolerance, then with emergency stretch. The last pass is final and always succeeds. */
    if (k.p.pretolerance >= 0) {
        k.threshold = k.p.pretolerance < INF_BAD ? k.p.pretolerance : INF_BAD;
        st = run_pass(&k, &is_found);
    }
    k.threshold = k.p.tolerance < INF_BAD ? k.p.tolerance : INF_BAD;
    k.is_hyph_pass = 1;
    if (st == MD_OK && !is_found) {
        k.is_final_pass = k.p.emergency_stretch <= 0;
        st = run_pass(&k, &is_found);
    }
    if (st == MD_OK && !is_found && k.p.emergency_stretch > 0) {
        k.emergency = k.p.emergency_stretch;
        k.is_final_pass = 1;
        st = run_pass(&k, &is_found);
    }
    if (st == MD_OK && !is_found)
        st = MD_EBUG;
    if (st == MD_OK)
        st = make_lines(&k, lines, lines_len);
out:
    md_free(k.best);
    md_free(k.nodes);
    md_free(k.brks);
    return st;
}
