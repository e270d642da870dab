/* Open data: a parsed meeting as OParl 1.1 JSON (Meeting §5.2.6, AgendaItem §5.2.7,
 * Person §5.2.4, Membership §5.2.12, Organization §5.2.5, Location §5.2.13, File §5.2.11);
 * what motesdok adds is prefixed "motesdok:" as OParl's extension rule asks. The mapping
 * is in docs/opendata.md. Part of the xml module: it reads the tree through xml-imp.h. */
#include "xml-oparl.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "xml-imp.h"

/* One run: the writer, a scratch buffer for text, and the first failure. */
typedef struct writer {
    md_json *j;
    const char *name; /* the meeting's file name, "2024-01-30" */
    md_buf text;
    md_buf id;
    md_status st;
} writer;

static void
add_text(writer *w, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c != NULL && w->st == MD_OK; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            add_text(w, c);
            continue;
        }
        if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || c->content == NULL)
            continue;
        for (const char *p = (const char *)c->content; *p != '\0' && w->st == MD_OK; p++) {
            if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
                if (w->text.len > 0 && w->text.data[w->text.len - 1] != ' ')
                    w->st = md_buf_add(&w->text, " ", 1);
            } else {
                w->st = md_buf_add(&w->text, p, 1);
            }
        }
    }
}

/* The text of n with white space collapsed and trimmed, in w->text (valid until the next
 * call); NULL when n is NULL or has no text. */
static const char *
text_of(writer *w, xmlNodePtr n)
{
    md_buf_clear(&w->text);
    if (n == NULL)
        return NULL;
    add_text(w, n);
    while (w->text.len > 0 && w->text.data[w->text.len - 1] == ' ')
        w->text.data[--w->text.len] = '\0';
    return w->st == MD_OK && w->text.len > 0 ? w->text.data : NULL;
}

/* A string member holding the text of n (left out when there is none). */
static void
text_member(writer *w, const char *key, xmlNodePtr n)
{
    const char *s = text_of(w, n);
    md_json_string(w->j, key, s);
}

/* Sets w->id to "meetings/NAME.json" followed by printf(fmt, …) and returns it. */
static const char *id_of(writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static const char *
id_of(writer *w, const char *fmt, ...)
{
    md_buf_clear(&w->id);
    if (w->st == MD_OK)
        w->st = md_buf_addf(&w->id, "meetings/%s.json", w->name);
    if (w->st == MD_OK && fmt[0] != '\0') {
        va_list ap;
        va_start(ap, fmt);
        w->st = md_buf_vaddf(&w->id, fmt, ap);
        va_end(ap);
    }
    return w->st == MD_OK ? w->id.data : "";
}

static void
type_member(writer *w, const char *type)
{
    char t[64];
    snprintf(t, sizeof t, "%s%s", MD_OPARL_TYPE, type);
    md_json_string(w->j, "type", t);
}

/* Calls md_json_string(key=NULL) for each space-separated token of list, with prefix. */
static void
token_array(writer *w, const char *key, const char *prefix, const char *list)
{
    md_json_array(w->j, key);
    for (const char *p = list; p != NULL && *p != '\0';) {
        p += strspn(p, " \t\r\n");
        size_t len = strcspn(p, " \t\r\n");
        if (len == 0)
            break;
        md_buf_clear(&w->id);
        if (w->st == MD_OK)
            w->st = md_buf_addf(&w->id, "%s%.*s", prefix, (int)len, p);
        if (w->st == MD_OK)
            md_json_string(w->j, NULL, w->id.data);
        p += len;
    }
    md_json_end(w->j);
}

/* Last Sunday of month (1..31). */
static int
last_sunday(int year, int month)
{
    int last = md_date_days_in_month(year, month);
    md_date d = {year, month, last};
    return last - (md_date_weekday(d) + 1) % 7;
}

void
md_oparl_local_time(const char *day, int minutes, char out[32])
{
    md_date d = {0, 0, 0};
    md_date_parse(day, &d, NULL);
    /* EU summer time: from 02:00 local (01:00 UTC) on the last Sunday of March to 03:00
     * local summer time (01:00 UTC) on the last Sunday of October; the hour 02:00–03:00
     * that October day repeats, and we read it as the first (summer) one. */
    int summer = d.month > 3 && d.month < 10;
    if (d.month == 3) {
        int s = last_sunday(d.year, 3);
        summer = d.day > s || (d.day == s && minutes >= 120);
    } else if (d.month == 10) {
        int s = last_sunday(d.year, 10);
        summer = d.day < s || (d.day == s && minutes < 180);
    }
    snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:00+0%d:00", d.year % 10000, d.month % 100,
             d.day % 100, (minutes / 60) % 100, minutes % 60, summer ? 2 : 1);
}

static const char *
role_name(const char *token, size_t len)
{
    static const struct {
        const char *token, *name;
    } roles[] = {{"ordforande", "Ordförande"},   {"vice-ordforande", "Vice ordförande"},
                 {"sekreterare", "Sekreterare"}, {"justerare", "Justerare"},
                 {"ledamot", "Ledamot"},         {"ersattare", "Ersättare"},
                 {"adjungerad", "Adjungerad"}};
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++) {
        if (strlen(roles[i].token) == len && memcmp(roles[i].token, token, len) == 0)
            return roles[i].name;
    }
    return NULL;
}

static const char *
classification(const char *type)
{
    static const char *const map[][2] = {{"rad", "Råd"},
                                         {"namnd", "Nämnd"},
                                         {"natverk", "Nätverk"},
                                         {"utskott", "Utskott"},
                                         {"styrelse", "Styrelse"}};
    for (size_t i = 0; type != NULL && i < sizeof map / sizeof *map; i++) {
        if (strcmp(type, map[i][0]) == 0)
            return map[i][1];
    }
    return NULL;
}

static int
has_token(const char *list, const char *token)
{
    size_t n = strlen(token);
    for (const char *p = list; p != NULL && *p != '\0';) {
        p += strspn(p, " ");
        size_t len = strcspn(p, " ");
        if (len == n && memcmp(p, token, n) == 0)
            return 1;
        p += len;
    }
    return 0;
}

/* The Memberships of one person: one, in the group's body, with the roles joined. */
static void
write_person(writer *w, xmlNodePtr person, xmlNodePtr group, xmlNodePtr meeting, const char *kind)
{
    const char *pid = md_xml_attr(person, "id");
    md_json *j = w->j;
    md_json_object(j, NULL);
    if (pid != NULL)
        md_json_string(j, "id", id_of(w, "#person-%s", pid));
    type_member(w, "Person");
    text_member(w, "name", md_xml_child(person, "name"));
    text_member(w, "motesdok:alias", md_xml_child(person, "alias"));
    text_member(w, "email", md_xml_child(person, "email"));
    md_json_string(j, "motesdok:party", md_xml_attr(person, "party"));
    md_json_string(j, "motesdok:attendance", md_xml_attr(person, "attendance"));

    const char *body = md_xml_attr(group, "body");
    if (body == NULL) {
        /* A group without body belongs to the meeting's only body, if it has one. */
        xmlNodePtr bodies = md_xml_child(meeting, "bodies"), first = NULL;
        int n = 0;
        for (xmlNodePtr b = bodies != NULL ? bodies->children : NULL; b != NULL; b = b->next) {
            if (md_xml_is(b, "body"))
                first = n++ == 0 ? b : first;
        }
        body = n == 1 ? md_xml_attr(first, "id") : NULL;
    }
    md_json_array(j, "membership");
    md_json_object(j, NULL);
    if (pid != NULL)
        md_json_string(j, "id", id_of(w, "#membership-%s", pid));
    type_member(w, "Membership");
    if (pid != NULL)
        md_json_string(j, "person", id_of(w, "#person-%s", pid));
    if (body != NULL) {
        md_buf_clear(&w->id);
        if (w->st == MD_OK)
            w->st = md_buf_addf(&w->id, "organizations/%s", body);
        md_json_string(j, "organization", w->id.data);
    }
    const char *roles = md_xml_attr(person, "role");
    md_buf_clear(&w->text);
    for (const char *p = roles; p != NULL && *p != '\0' && w->st == MD_OK;) {
        p += strspn(p, " ");
        size_t len = strcspn(p, " ");
        const char *r = len > 0 ? role_name(p, len) : NULL;
        if (r != NULL) {
            if (w->text.len > 0)
                w->st = md_buf_add(&w->text, ", ", 2);
            if (w->st == MD_OK)
                w->st = md_buf_adds(&w->text, r);
        }
        p += len;
    }
    md_json_string(j, "role", w->text.len > 0 ? w->text.data : NULL);
    if (strcmp(kind, "protokoll") == 0) {
        /* Voting right (rösträtt): a ledamot or chair, or a serving ersättare. */
        const char *serving = md_xml_attr(person, "serving");
        int votes = has_token(roles, "ersattare")
                        ? serving != NULL && strcmp(serving, "yes") == 0
                        : roles == NULL || has_token(roles, "ledamot") ||
                              has_token(roles, "ordforande") || has_token(roles, "vice-ordforande");
        md_json_bool(j, "votingRight", votes);
    }
    text_member(w, "motesdok:represents", md_xml_child(person, "org"));
    const char *replaces = md_xml_attr(person, "replaces");
    if (replaces != NULL)
        md_json_string(j, "motesdok:replaces", id_of(w, "#person-%s", replaces));
    md_json_end(j);
    md_json_end(j);
    md_json_end(j);
}

/* The actions (uppdrag) under n, in document order, as "motesdok:action" objects. */
static void
write_actions(writer *w, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c != NULL && w->st == MD_OK; c = c->next) {
        if (!md_xml_is(c, "action")) {
            if (c->type == XML_ELEMENT_NODE)
                write_actions(w, c);
            continue;
        }
        md_json_object(w->j, NULL);
        const char *aid = md_xml_attr(c, "id");
        if (aid != NULL)
            md_json_string(w->j, "id", id_of(w, "#action-%s", aid));
        text_member(w, "text", c);
        const char *who = md_xml_attr(c, "who");
        if (who != NULL) {
            char prefix[160];
            snprintf(prefix, sizeof prefix, "meetings/%s.json#person-", w->name);
            token_array(w, "responsible", prefix, who);
        }
        md_json_string(w->j, "due", md_xml_attr(c, "due"));
        const char *status = md_xml_attr(c, "status");
        md_json_string(w->j, "status", status != NULL ? status : "open");
        md_json_string(w->j, "follows", md_xml_attr(c, "follows"));
        md_json_string(w->j, "closes", md_xml_attr(c, "closes"));
        md_json_end(w->j);
    }
}

/* Appends the text of every <decision> under n to w->text, one paragraph per decision. */
static void
add_decisions(writer *w, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c != NULL && w->st == MD_OK; c = c->next) {
        if (md_xml_is(c, "decision")) {
            if (w->text.len > 0)
                w->st = md_buf_add(&w->text, "\n\n", 2);
            size_t at = w->text.len;
            add_text(w, c);
            /* Trim what this decision added. */
            while (w->text.len > at && w->text.data[w->text.len - 1] == ' ')
                w->text.data[--w->text.len] = '\0';
        } else if (c->type == XML_ELEMENT_NODE) {
            add_decisions(w, c);
        }
    }
}

static int
has_action(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
        if (md_xml_is(c, "action") || (c->type == XML_ELEMENT_NODE && has_action(c)))
            return 1;
    }
    return 0;
}

static void
write_item(writer *w, xmlNodePtr item, long order)
{
    md_json *j = w->j;
    md_json_object(j, NULL);
    md_json_string(j, "id", id_of(w, "#item-%ld", order + 1));
    type_member(w, "AgendaItem");
    md_json_string(j, "meeting", id_of(w, "%s", ""));
    const char *paragraph = md_xml_attr(item, "paragraph"), *n = md_xml_attr(item, "n");
    char number[32];
    if (paragraph != NULL)
        snprintf(number, sizeof number, "§ %s", paragraph);
    md_json_string(j, "number", paragraph != NULL ? number : n);
    md_json_int(j, "order", order);
    text_member(w, "name", md_xml_child(item, "title"));
    const char *pub = md_xml_attr(item, "public");
    int is_public = pub == NULL || strcmp(pub, "no") != 0;
    md_json_bool(j, "public", is_public);
    md_json_string(j, "motesdok:dnr", md_xml_attr(item, "dnr"));
    md_json_string(j, "motesdok:type", md_xml_attr(item, "type"));
    /* A closed item (public="no") shows its heading only, as the documents do. */
    if (is_public) {
        md_buf_clear(&w->text);
        add_decisions(w, item);
        md_json_string(j, "resolutionText",
                       w->st == MD_OK && w->text.len > 0 ? w->text.data : NULL);
        int has_presenter = 0;
        for (xmlNodePtr c = item->children; c != NULL; c = c->next)
            has_presenter |= md_xml_is(c, "presenter");
        if (has_presenter) {
            md_json_array(j, "motesdok:presenter");
            for (xmlNodePtr c = item->children; c != NULL; c = c->next) {
                if (md_xml_is(c, "presenter"))
                    text_member(w, NULL, c);
            }
            md_json_end(j);
        }
        if (has_action(item)) {
            md_json_array(j, "motesdok:action");
            write_actions(w, item);
            md_json_end(j);
        }
    }
    md_json_end(j);
}

md_status
md_xml_oparl_meeting(const md_xml_doc *doc, const char *name, int is_full, md_diags *d, md_json *j)
{
    writer w = {.j = j, .name = name};
    xmlNodePtr m = xmlDocGetRootElement(doc->doc);
    const char *date = md_xml_is(m, "meeting") ? md_xml_attr(m, "date") : NULL;
    const char *start = md_xml_attr(m, "start"), *end = md_xml_attr(m, "end");
    md_date day;
    int t0 = start != NULL ? md_time_parse(start) : -1;
    int t1 = end != NULL ? md_time_parse(end) : -1;
    if (date == NULL || !md_date_parse(date, &day, NULL) || t0 < 0 || (end != NULL && t1 < 0)) {
        md_diag_add(d, MD_DIAG_ERROR, doc->path, m != NULL ? xmlGetLineNo(m) : 0, 0,
                    "<meeting> needs a valid date=\"YYYY-MM-DD\" and start=\"HH:MM\" for the "
                    "open data");
        return MD_EINPUT;
    }
    const char *kind = md_xml_attr(m, "kind"), *status = md_xml_attr(m, "status");
    xmlNodePtr bodies = md_xml_child(m, "bodies");

    md_json_object(j, NULL);
    md_json_string(j, "id", id_of(&w, "%s", ""));
    type_member(&w, "Meeting");
    /* The name: the title as written, or the bodies' names joined with " och ". */
    const char *title = text_of(&w, md_xml_child(m, "title"));
    if (title == NULL) {
        md_buf_clear(&w.text);
        for (xmlNodePtr b = bodies != NULL ? bodies->children : NULL; b != NULL; b = b->next) {
            if (!md_xml_is(b, "body"))
                continue;
            if (w.text.len > 0 && w.st == MD_OK)
                w.st = md_buf_add(&w.text, " och ", 5);
            size_t at = w.text.len;
            add_text(&w, b);
            while (w.text.len > at && w.text.data[w.text.len - 1] == ' ')
                w.text.data[--w.text.len] = '\0';
        }
        title = w.st == MD_OK ? w.text.data : NULL;
    }
    md_json_string(j, "name", title);
    md_json_string(j, "meetingState", status);
    md_json_bool(j, "cancelled", status != NULL && strcmp(status, "cancelled") == 0);
    char when[32];
    md_oparl_local_time(date, t0, when);
    md_json_string(j, "start", when);
    if (t1 >= 0) {
        md_oparl_local_time(date, t1, when);
        md_json_string(j, "end", when);
    }
    md_json_string(j, "motesdok:kind", kind);
    char web[160];
    snprintf(web, sizeof web, "../../%s/", name);
    md_json_string(j, "web", web);

    xmlNodePtr place = md_xml_child(m, "place");
    if (place != NULL) {
        md_json_object(j, "location");
        md_json_string(j, "id", id_of(&w, "#location"));
        type_member(&w, "Location");
        text_member(&w, "description", md_xml_child(place, "name"));
        text_member(&w, "streetAddress", md_xml_child(place, "address"));
        text_member(&w, "room", md_xml_child(place, "room"));
        md_json_end(j);
    }

    md_json_array(j, "organization");
    for (xmlNodePtr b = bodies != NULL ? bodies->children : NULL; b != NULL; b = b->next) {
        const char *bid = md_xml_is(b, "body") ? md_xml_attr(b, "id") : NULL;
        if (bid == NULL)
            continue;
        md_buf_clear(&w.id);
        if (w.st == MD_OK)
            w.st = md_buf_addf(&w.id, "organizations/%s", bid);
        md_json_string(j, NULL, w.id.data);
    }
    md_json_end(j);

    /* The documents: the kallelse always, the minutes once the meeting is held. */
    static const struct {
        const char *key, *file, *name;
    } files[] = {{"invitation", "kallelse", "Kallelse"}, {"resultsProtocol", "protokoll", NULL}};
    int held = status != NULL && strcmp(status, "held") == 0;
    for (size_t i = 0; i < 2; i++) {
        if (i == 1 && !held)
            continue;
        const char *fname = files[i].name;
        if (fname == NULL)
            fname =
                kind != NULL && strcmp(kind, "protokoll") == 0 ? "Protokoll" : "Minnesanteckningar";
        md_json_object(j, files[i].key);
        md_json_string(j, "id", id_of(&w, "#%s", files[i].file));
        type_member(&w, "File");
        md_json_string(j, "name", fname);
        char fn[48], url[160];
        snprintf(fn, sizeof fn, "%s.pdf", files[i].file);
        md_json_string(j, "fileName", fn);
        md_json_string(j, "mimeType", "application/pdf");
        /* The site keeps the PDFs beside the meeting's page, OUT/site/NAME/ (docs/site.md). */
        snprintf(url, sizeof url, "../../%s/%s.pdf", name, files[i].file);
        md_json_string(j, "accessUrl", url);
        md_json_end(j);
    }

    if (is_full) {
        md_json_array(j, "agendaItem");
        xmlNodePtr agenda = md_xml_child(m, "agenda");
        long order = 0;
        for (xmlNodePtr it = agenda != NULL ? agenda->children : NULL; it != NULL; it = it->next) {
            if (md_xml_is(it, "item"))
                write_item(&w, it, order++);
        }
        md_json_end(j);

        /* Participants: present persons (Meeting.participant), then every person called,
         * with their Memberships. */
        xmlNodePtr participants = md_xml_child(m, "participants");
        md_json_array(j, "participant");
        for (xmlNodePtr g = participants != NULL ? participants->children : NULL; g != NULL;
             g = g->next) {
            for (xmlNodePtr p = md_xml_is(g, "group") ? g->children : NULL; p != NULL;
                 p = p->next) {
                const char *att = md_xml_attr(p, "attendance"), *pid = md_xml_attr(p, "id");
                if (md_xml_is(p, "person") && pid != NULL && att != NULL &&
                    strcmp(att, "present") == 0)
                    md_json_string(j, NULL, id_of(&w, "#person-%s", pid));
            }
        }
        md_json_end(j);
        md_json_array(j, "motesdok:person");
        for (xmlNodePtr g = participants != NULL ? participants->children : NULL; g != NULL;
             g = g->next) {
            for (xmlNodePtr p = md_xml_is(g, "group") ? g->children : NULL; p != NULL;
                 p = p->next) {
                if (md_xml_is(p, "person"))
                    write_person(&w, p, g, m, kind != NULL ? kind : "");
            }
        }
        md_json_end(j);
        xmlNodePtr rec = md_xml_child(m, "recorded-by");
        text_member(&w, "motesdok:recordedBy", rec);
    }
    /* created/modified come from the data (the meeting's day), never from the clock. */
    md_json_string(j, "created", date);
    md_json_string(j, "modified", date);
    md_json_end(j);
    md_buf_free(&w.text);
    md_buf_free(&w.id);
    if (w.st != MD_OK)
        return w.st;
    return j->st;
}

md_status
md_xml_oparl_bodies(const md_xml_doc *doc, md_arena *a, md_oparl_body **out, size_t *len)
{
    xmlNodePtr bodies = md_xml_child(xmlDocGetRootElement(doc->doc), "bodies");
    size_t n = 0;
    for (xmlNodePtr b = bodies != NULL ? bodies->children : NULL; b != NULL; b = b->next)
        n += md_xml_is(b, "body") && md_xml_attr(b, "id") != NULL;
    md_oparl_body *v = md_arena_alloc_array(a, n + 1, sizeof *v);
    if (v == NULL)
        return MD_ENOMEM;
    writer w = {0};
    size_t i = 0;
    for (xmlNodePtr b = bodies != NULL ? bodies->children : NULL; b != NULL && i < n; b = b->next) {
        const char *id = md_xml_is(b, "body") ? md_xml_attr(b, "id") : NULL;
        if (id == NULL)
            continue;
        const char *name = text_of(&w, b), *type = classification(md_xml_attr(b, "type"));
        v[i].id = md_arena_strndup(a, id, strlen(id));
        const char *nm = name != NULL ? name : id;
        v[i].name = md_arena_strndup(a, nm, strlen(nm));
        v[i].type = type;
        if (w.st != MD_OK || v[i].id == NULL || v[i].name == NULL) {
            md_buf_free(&w.text);
            return MD_ENOMEM;
        }
        i++;
    }
    md_buf_free(&w.text);
    *out = v;
    *len = n;
    return MD_OK;
}
