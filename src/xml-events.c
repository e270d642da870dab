/* Calendar events from a parsed meeting (schema xml/schema/meeting.rnc, "Calendar"): the
 * meeting itself and each <time> range of each <entry>, with the UIDs of docs/ics.md.
 * Part of the xml module: it reads the libxml2 tree through xml-imp.h. */
#include "xml-events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "xml-imp.h"

/* Longest title slug in a UID, in bytes: enough to tell entries of one day apart. */
#define SLUG_MAX 48

typedef struct reader {
    md_arena *a;
    md_diags *d;
    const char *path;
    md_date meeting_date;
    /* The bodies of the meeting, for the names of an entry's bodies. */
    xmlNodePtr bodies;
    md_event *ev;
    size_t len, cap;
    md_buf tmp;
    md_status st;
    size_t errors; /* Input errors reported; reading goes on to report them all. */
} reader;

static void
set_status(reader *r, md_status st)
{
    if (r->st == MD_OK)
        r->st = st;
}

static void
add(reader *r, const char *s, size_t len)
{
    if (r->st == MD_OK)
        r->st = md_buf_add(&r->tmp, s, len);
}

/* Appends the text of n to r->tmp with each run of white space as one space. */
static void
add_text(reader *r, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            add_text(r, c);
            continue;
        }
        if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || c->content == NULL)
            continue;
        for (const char *p = (const char *)c->content; *p != '\0'; p++) {
            if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
                if (r->tmp.len > 0 && r->tmp.data[r->tmp.len - 1] != ' ')
                    add(r, " ", 1);
            } else {
                add(r, p, 1);
            }
        }
    }
}

/* The collected r->tmp, trimmed, as an arena string (NULL when empty); clears r->tmp. */
static const char *
take(reader *r)
{
    const char *s = NULL;
    size_t len = r->tmp.len;
    while (len > 0 && r->tmp.data[len - 1] == ' ')
        len--;
    if (r->st == MD_OK && len > 0) {
        s = md_arena_strndup(r->a, r->tmp.data, len);
        if (s == NULL)
            set_status(r, MD_ENOMEM);
    }
    md_buf_clear(&r->tmp);
    return s;
}

/* The normalised text content of n; NULL when n is NULL or has none. */
static const char *
text_of(reader *r, xmlNodePtr n)
{
    if (n == NULL)
        return NULL;
    add_text(r, n);
    return take(r);
}

/* "name, room, address" of a <place>. */
static const char *
place_of(reader *r, xmlNodePtr place)
{
    static const char *const parts[] = {"name", "room", "address"};
    if (place == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        xmlNodePtr c = md_xml_child(place, parts[i]);
        if (c == NULL)
            continue;
        if (r->tmp.len > 0)
            add(r, ", ", 2);
        add_text(r, c);
    }
    return take(r);
}

static int
cmp_ids(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sets e->uid (docs/ics.md): "<day>-<HHMM>-<key>@motesdok", day being YYYY-MM-DD, YYYY-MM
 * or the term as written, HHMM the start (left out without one), and key the slugs of the
 * body ids in sorted order joined with "+", or without bodies the slug of the title. */
static void
set_uid(reader *r, md_event *e, const char *day)
{
    if (r->st != MD_OK)
        return;
    add(r, day, strlen(day));
    if (e->start >= 0 && r->st == MD_OK)
        r->st = md_buf_addf(&r->tmp, "-%02d%02d", e->start / 60, e->start % 60);
    add(r, "-", 1);
    if (e->body_len > 0) {
        const char **ids = md_alloc_array(e->body_len, sizeof *ids);
        if (ids == NULL) {
            set_status(r, MD_ENOMEM);
            return;
        }
        memcpy(ids, e->body_id, e->body_len * sizeof *ids);
        qsort(ids, e->body_len, sizeof *ids, cmp_ids);
        for (size_t i = 0; i < e->body_len && r->st == MD_OK; i++) {
            if (i > 0)
                add(r, "+", 1);
            r->st = md_ics_add_slug(&r->tmp, ids[i], SLUG_MAX);
        }
        md_free(ids);
    } else if (r->st == MD_OK) {
        r->st = md_ics_add_slug(&r->tmp, e->title != NULL ? e->title : "", SLUG_MAX);
    }
    add(r, "@motesdok", 9);
    e->uid = take(r);
}

/* The name of body id in the meeting's <bodies>; the id itself when there is none. */
static const char *
body_name(reader *r, const char *id)
{
    for (xmlNodePtr b = r->bodies != NULL ? r->bodies->children : NULL; b != NULL; b = b->next) {
        const char *bid = md_xml_is(b, "body") ? md_xml_attr(b, "id") : NULL;
        if (bid != NULL && strcmp(bid, id) == 0) {
            const char *name = text_of(r, b);
            return name != NULL ? name : id;
        }
    }
    return id;
}

/* Fills e->body_id and e->body_name from the space-separated ids in list (NULL: none). */
static void
set_bodies(reader *r, md_event *e, const char *list, long line)
{
    size_t n = 0;
    for (const char *p = list; p != NULL && *p != '\0';) {
        p += strspn(p, " \t\r\n");
        size_t len = strcspn(p, " \t\r\n");
        n += len > 0;
        p += len;
    }
    if (n == 0 || r->st != MD_OK)
        return;
    const char **ids = md_arena_alloc_array(r->a, n, sizeof *ids);
    const char **names = md_arena_alloc_array(r->a, n, sizeof *names);
    if (ids == NULL || names == NULL) {
        set_status(r, MD_ENOMEM);
        return;
    }
    size_t i = 0;
    for (const char *p = list; *p != '\0' && i < n;) {
        p += strspn(p, " \t\r\n");
        size_t len = strcspn(p, " \t\r\n");
        if (len == 0)
            break;
        ids[i] = md_arena_strndup(r->a, p, len);
        if (ids[i] == NULL) {
            set_status(r, MD_ENOMEM);
            return;
        }
        names[i] = body_name(r, ids[i]);
        if (names[i] == ids[i])
            md_diag_add(r->d, MD_DIAG_WARNING, r->path, line, 0,
                        "bodies=\"%s\" names no <body> of this meeting; the feed shows the id",
                        ids[i]);
        i++;
        p += len;
    }
    e->body_id = ids;
    e->body_name = names;
    e->body_len = n;
}

static md_event *
new_event(reader *r)
{
    if (r->st != MD_OK)
        return NULL;
    if (r->len == r->cap) {
        set_status(r, MD_EBUG);
        return NULL;
    }
    md_event *e = &r->ev[r->len++];
    e->start = e->end = -1;
    e->source = r->meeting_date;
    return e;
}

static md_event_status
status_of(const char *s)
{
    static const struct {
        const char *name;
        md_event_status status;
    } map[] = {{"planned", MD_EVENT_PLANNED},
               {"held", MD_EVENT_HELD},
               {"preliminary", MD_EVENT_PRELIMINARY},
               {"confirmed", MD_EVENT_CONFIRMED},
               {"cancelled", MD_EVENT_CANCELLED}};
    for (size_t i = 0; s != NULL && i < sizeof map / sizeof *map; i++) {
        if (strcmp(s, map[i].name) == 0)
            return map[i].status;
    }
    return MD_EVENT_NONE;
}

/* Reads "HH:MM" attribute name of n into *out (minutes); absent is -1. Reports bad ones. */
static void
read_time(reader *r, xmlNodePtr n, const char *name, int *out)
{
    const char *v = md_xml_attr(n, name);
    *out = v != NULL ? md_time_parse(v) : -1;
    if (v != NULL && *out < 0) {
        md_diag_add(r->d, MD_DIAG_ERROR, r->path, xmlGetLineNo(n), 0,
                    "%s=\"%s\" is not a time; write HH:MM, e.g. 16:00", name, v);
        r->errors++;
    }
}

/* One entry: its day (date, month or term), then one event per <time>, or one without. */
static void
read_entry(reader *r, xmlNodePtr entry)
{
    long line = xmlGetLineNo(entry);
    const char *date = md_xml_attr(entry, "date"), *month = md_xml_attr(entry, "month");
    const char *term = md_xml_attr(entry, "term");
    md_event base = {0};
    base.start = base.end = -1;
    base.line = line;
    base.source = r->meeting_date;
    base.status = status_of(md_xml_attr(entry, "status"));
    base.title = text_of(r, md_xml_child(entry, "title"));
    base.note = text_of(r, md_xml_child(entry, "note"));
    base.place = place_of(r, md_xml_child(entry, "place"));
    set_bodies(r, &base, md_xml_attr(entry, "bodies"), line);
    char day[16];
    int ok = 0;
    if (date != NULL) {
        base.when = MD_EVENT_DAY;
        ok = md_date_parse(date, &base.date, NULL);
        snprintf(day, sizeof day, "%.10s", date);
    } else if (month != NULL && strlen(month) == 7) {
        char first[11];
        snprintf(first, sizeof first, "%.7s-01", month);
        base.when = MD_EVENT_MONTH;
        ok = md_date_parse(first, &base.date, NULL);
        snprintf(day, sizeof day, "%.7s", month);
    } else if (term != NULL && strlen(term) == 6 && (term[0] == 'H' || term[0] == 'V') &&
               term[1] == 'T') {
        /* Autumn term from August, spring term from January (the school year). */
        char first[11];
        snprintf(first, sizeof first, "%.4s-%s", term + 2, term[0] == 'H' ? "08-01" : "01-01");
        base.when = MD_EVENT_TERM;
        ok = md_date_parse(first, &base.date, NULL);
        snprintf(day, sizeof day, "%.6s", term);
    }
    if (!ok) {
        md_diag_add(r->d, MD_DIAG_ERROR, r->path, line, 0,
                    "<entry> has no valid date, month or term; give one, e.g. "
                    "date=\"2024-03-18\", month=\"2024-04\" or term=\"HT2024\"");
        r->errors++;
        return;
    }
    int n = 0;
    for (xmlNodePtr t = entry->children; t != NULL; t = t->next) {
        if (!md_xml_is(t, "time"))
            continue;
        md_event *e = new_event(r);
        if (e == NULL)
            return;
        *e = base;
        e->line = xmlGetLineNo(t);
        read_time(r, t, "start", &e->start);
        read_time(r, t, "end", &e->end);
        set_uid(r, e, day);
        n++;
    }
    if (n == 0) {
        md_event *e = new_event(r);
        if (e == NULL)
            return;
        *e = base;
        set_uid(r, e, day);
    }
}

/* Calls read_entry for each <entry> of each <calendar> under n, in document order. */
static void
walk(reader *r, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c != NULL && r->st == MD_OK; c = c->next) {
        if (md_xml_is(c, "calendar")) {
            for (xmlNodePtr e = c->children; e != NULL; e = e->next) {
                if (md_xml_is(e, "entry"))
                    read_entry(r, e);
            }
        } else if (c->type == XML_ELEMENT_NODE) {
            walk(r, c);
        }
    }
}

/* An upper bound of the events under n: one per <time> of an entry, or one. */
static size_t
count(xmlNodePtr n)
{
    size_t k = 0;
    for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
        if (md_xml_is(c, "entry")) {
            size_t t = 0;
            for (xmlNodePtr g = c->children; g != NULL; g = g->next)
                t += md_xml_is(g, "time") ? 1u : 0u;
            k += t > 0 ? t : 1;
        } else if (c->type == XML_ELEMENT_NODE) {
            k += count(c);
        }
    }
    return k;
}

/* The meeting itself: title as written, or the bodies' names joined with " och ". */
static void
read_meeting(reader *r, xmlNodePtr m)
{
    md_event *e = new_event(r);
    if (e == NULL)
        return;
    long line = xmlGetLineNo(m);
    e->is_meeting = 1;
    e->line = line;
    e->when = MD_EVENT_DAY;
    e->date = r->meeting_date;
    e->status = status_of(md_xml_attr(m, "status"));
    read_time(r, m, "start", &e->start);
    read_time(r, m, "end", &e->end);
    e->place = place_of(r, md_xml_child(m, "place"));

    /* The ids, as one space-separated list, give the bodies and their names. */
    for (xmlNodePtr b = r->bodies != NULL ? r->bodies->children : NULL; b != NULL; b = b->next) {
        const char *id = md_xml_is(b, "body") ? md_xml_attr(b, "id") : NULL;
        if (id == NULL)
            continue;
        if (r->tmp.len > 0)
            add(r, " ", 1);
        add(r, id, strlen(id));
    }
    const char *ids = take(r);
    set_bodies(r, e, ids, line);

    e->title = text_of(r, md_xml_child(m, "title"));
    if (e->title == NULL) {
        for (size_t i = 0; i < e->body_len; i++) {
            if (i > 0)
                add(r, " och ", 5);
            add(r, e->body_name[i], strlen(e->body_name[i]));
        }
        e->title = take(r);
    }
    char day[16];
    snprintf(day, sizeof day, "%04d-%02d-%02d", e->date.year, e->date.month, e->date.day);
    set_uid(r, e, day);
}

md_status
md_xml_events(const md_xml_doc *doc, md_arena *a, md_diags *d, md_event **out, size_t *len)
{
    reader r = {0};
    r.a = a;
    r.d = d;
    r.path = doc->path;
    xmlNodePtr root = xmlDocGetRootElement(doc->doc);
    const char *date = md_xml_is(root, "meeting") ? md_xml_attr(root, "date") : NULL;
    if (date == NULL || !md_date_parse(date, &r.meeting_date, NULL)) {
        md_diag_add(d, MD_DIAG_ERROR, r.path, root != NULL ? xmlGetLineNo(root) : 0, 0,
                    "<meeting> has no valid date; write date=\"YYYY-MM-DD\"");
        return MD_EINPUT;
    }
    r.bodies = md_xml_child(root, "bodies");
    r.cap = 1 + count(root);
    r.ev = md_arena_alloc_array(a, r.cap, sizeof *r.ev);
    if (r.ev == NULL)
        return MD_ENOMEM;
    read_meeting(&r, root);
    walk(&r, root);
    md_buf_free(&r.tmp);
    if (r.st == MD_OK && r.errors > 0)
        r.st = MD_EINPUT;
    if (r.st == MD_OK) {
        *out = r.ev;
        *len = r.len;
    }
    return r.st;
}
