/* iCalendar writer (RFC 5545, 2009): content lines (§3.1: CRLF, folding at 75 octets),
 * TEXT escaping (§3.3.11), VCALENDAR/VTIMEZONE/VEVENT (§3.6), for the motesdok feed.
 * The choices (UIDs, merging, month-only and term entries) are in docs/ics.md. */
#include "ics.h"

#include <stdlib.h>
#include <string.h>

/* RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line
 * break." A continuation line starts with one space, which counts in its 75. */
#define LINE_OCTETS 75

#define TZID "Europe/Stockholm"

/* A buffer with a sticky status, so a run of appends needs one check at the end. */
typedef struct writer {
    md_buf b;
    md_status st;
} writer;

static void
put(writer *w, const char *s, size_t len)
{
    if (w->st == MD_OK)
        w->st = md_buf_add(&w->b, s, len);
}

static void
puts_(writer *w, const char *s)
{
    put(w, s, strlen(s));
}

static void putf(writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
putf(writer *w, const char *fmt, ...)
{
    if (w->st != MD_OK)
        return;
    va_list ap;
    va_start(ap, fmt);
    w->st = md_buf_vaddf(&w->b, fmt, ap);
    va_end(ap);
}

/* Appends s escaped as TEXT (§3.3.11): backslash, semicolon and comma get a backslash, a
 * line break becomes \n (CRLF and CR count as one), other control characters are dropped
 * (§3.1: CTLs other than HTAB are not allowed in values). */
static void
put_escaped(writer *w, const char *s)
{
    for (const char *p = s; *p != '\0'; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\\' || c == ';' || c == ',') {
            char e[2] = {'\\', (char)c};
            put(w, e, 2);
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && p[1] == '\n')
                p++;
            put(w, "\\n", 2);
        } else if ((c < 0x20 && c != '\t') || c == 0x7F) {
            continue;
        } else {
            put(w, p, 1);
        }
    }
}

/* Appends the logical line in line[0..len) to out, folded (§3.1): each physical line has
 * at most 75 octets before its CRLF, and a fold never falls inside a UTF-8 sequence. */
static md_status
fold(md_buf *out, const char *line, size_t len)
{
    md_status st = MD_OK;
    size_t pos = 0;
    int first = 1;
    do {
        size_t room = first ? LINE_OCTETS : LINE_OCTETS - 1;
        size_t n = len - pos < room ? len - pos : room;
        /* Back up to the start of a UTF-8 sequence: 10xxxxxx is a continuation byte. */
        while (pos + n < len && n > 0 && ((unsigned char)line[pos + n] & 0xC0) == 0x80)
            n--;
        if (!first)
            st = md_buf_add(out, " ", 1);
        if (st == MD_OK)
            st = md_buf_add(out, line + pos, n);
        if (st == MD_OK)
            st = md_buf_add(out, "\r\n", 2);
        pos += n;
        first = 0;
    } while (st == MD_OK && pos < len);
    return st;
}

/* Ends the logical line built in line: folds it into w and clears line. */
static void
end_line(writer *w, writer *line)
{
    if (w->st == MD_OK)
        w->st = line->st;
    if (w->st == MD_OK)
        w->st = fold(&w->b, line->b.data, line->b.len);
    md_buf_clear(&line->b);
    line->st = MD_OK;
}

md_status
md_ics_add_line(md_buf *out, const char *name, const char *value, int is_text)
{
    writer line = {{0}, MD_OK};
    puts_(&line, name);
    put(&line, ":", 1);
    if (is_text)
        put_escaped(&line, value);
    else
        puts_(&line, value);
    md_status st = line.st;
    if (st == MD_OK)
        st = fold(out, line.b.data, line.b.len);
    md_buf_free(&line.b);
    return st;
}

/* The ASCII letter a Swedish (or common European) letter is written with in a slug, or 0. */
static char
ascii_of(int32_t cp)
{
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
            return (char)cp;
        if (cp >= 'A' && cp <= 'Z')
            return (char)(cp - 'A' + 'a');
        return 0;
    }
    /* Latin-1 Supplement letters, folded to their base letter (å ä à á â ã -> a ...). */
    static const char latin1[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
    if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7 && cp != 0xDF)
        return latin1[(cp - 0xC0) & 0x1F];
    return 0;
}

md_status
md_ics_add_slug(md_buf *out, const char *s, size_t max)
{
    writer w = {{0}, MD_OK};
    size_t len = strlen(s), pos = 0;
    int dash = 0;
    while (pos < len && w.b.len < max) {
        char c = ascii_of(md_utf8_next(s, len, &pos));
        if (c == 0) {
            dash = w.b.len > 0;
            continue;
        }
        /* A dash only with room for a letter after it: no trailing dash, no glued words. */
        if (dash && w.b.len + 2 > max)
            break;
        if (dash)
            put(&w, "-", 1);
        dash = 0;
        put(&w, &c, 1);
    }
    md_status st = w.st;
    if (st == MD_OK)
        st = md_buf_add(out, w.b.data != NULL ? w.b.data : "", w.b.len);
    md_buf_free(&w.b);
    return st;
}

/* --- dates ------------------------------------------------------------------------------ */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible
 * Low-Level Date Algorithms", days_from_civil). */
static int64_t
days_from_civil(md_date d)
{
    int64_t y = d.year - (d.month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t mp = (d.month + 9) % 12;
    int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The inverse (civil_from_days, same source). */
static md_date
civil_from_days(int64_t z)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    md_date d;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(yoe + era * 400 + (d.month <= 2));
    return d;
}

static void
put_utc(writer *w, int64_t t)
{
    int64_t days = (t >= 0 ? t : t - 86399) / 86400;
    int64_t sec = t - days * 86400;
    md_date d = civil_from_days(days);
    putf(w, "%04d%02d%02dT%02d%02d%02dZ", d.year, d.month, d.day, (int)(sec / 3600),
         (int)(sec / 60 % 60), (int)(sec % 60));
}

/* --- merging and order ------------------------------------------------------------------ */

static int
cmp_str(const char *a, const char *b)
{
    return strcmp(a != NULL ? a : "", b != NULL ? b : "");
}

static int
cmp_int(long long a, long long b)
{
    return (a > b) - (a < b);
}

static int
cmp_date(md_date a, md_date b)
{
    int c = cmp_int(a.year, b.year);
    if (c == 0)
        c = cmp_int(a.month, b.month);
    return c != 0 ? c : cmp_int(a.day, b.day);
}

/* By UID, and within one UID the event to keep first: the meeting itself, then the newest
 * announcement; the rest only makes the order total, so the output never depends on the
 * order of the input. */
static int
cmp_uid_best(const void *pa, const void *pb)
{
    const md_event *a = *(const md_event *const *)pa, *b = *(const md_event *const *)pb;
    int c = cmp_str(a->uid, b->uid);
    if (c == 0)
        c = cmp_int(b->is_meeting, a->is_meeting);
    if (c == 0)
        c = cmp_date(b->source, a->source);
    if (c == 0)
        c = cmp_int(b->status, a->status);
    if (c == 0)
        c = cmp_int(a->end, b->end);
    if (c == 0)
        c = cmp_str(a->title, b->title);
    if (c == 0)
        c = cmp_str(a->place, b->place);
    if (c == 0)
        c = cmp_str(a->note, b->note);
    return c != 0 ? c : cmp_int(a->line, b->line);
}

/* By DTSTART (an all-day event before the timed ones of its day), then UID. */
static int
cmp_start(const void *pa, const void *pb)
{
    const md_event *a = *(const md_event *const *)pa, *b = *(const md_event *const *)pb;
    int c = cmp_date(a->date, b->date);
    if (c == 0)
        c = cmp_int(a->when == MD_EVENT_DAY ? a->start : -1,
                    b->when == MD_EVENT_DAY ? b->start : -1);
    return c != 0 ? c : cmp_str(a->uid, b->uid);
}

static int
has_body(const md_event *e, const char *id)
{
    for (size_t i = 0; i < e->body_len; i++) {
        if (strcmp(e->body_id[i], id) == 0)
            return 1;
    }
    return 0;
}

/* Whether e is what md_xml_events makes: a UID, a day that exists, times of a day. */
static int
is_writable(const md_event *e)
{
    const md_date d = e->date;
    return e->uid != NULL && d.year >= 1 && d.year <= 9999 && d.day >= 1 &&
           d.day <= md_date_days_in_month(d.year, d.month) && e->start >= -1 &&
           e->start < 24 * 60 && e->end >= -1 && e->end < 24 * 60 &&
           (e->body_len == 0 || (e->body_id != NULL && e->body_name != NULL));
}

/* --- the calendar ----------------------------------------------------------------------- */

/* Europe/Stockholm since 1996 (EU Directive 2000/84/EC; the tz database's "EU" rules):
 * CEST from the last Sunday of March 02:00 local, CET from the last Sunday of October
 * 03:00 local. 1970-03-29 and 1970-10-25 are such Sundays, a conventional DTSTART. */
static const char vtimezone[] = "BEGIN:VTIMEZONE\r\n"
                                "TZID:" TZID "\r\n"
                                "X-LIC-LOCATION:" TZID "\r\n"
                                "BEGIN:DAYLIGHT\r\n"
                                "TZOFFSETFROM:+0100\r\n"
                                "TZOFFSETTO:+0200\r\n"
                                "TZNAME:CEST\r\n"
                                "DTSTART:19700329T020000\r\n"
                                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
                                "END:DAYLIGHT\r\n"
                                "BEGIN:STANDARD\r\n"
                                "TZOFFSETFROM:+0200\r\n"
                                "TZOFFSETTO:+0100\r\n"
                                "TZNAME:CET\r\n"
                                "DTSTART:19701025T030000\r\n"
                                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
                                "END:STANDARD\r\n"
                                "END:VTIMEZONE\r\n";

static const char *const months_sv[12] = {"januari",   "februari", "mars",     "april",
                                          "maj",       "juni",     "juli",     "augusti",
                                          "september", "oktober",  "november", "december"};

static void
put_local(writer *w, const char *name, md_date d, int minutes)
{
    putf(w, "%s;TZID=" TZID ":%04d%02d%02dT%02d%02d00\r\n", name, d.year, d.month, d.day,
         minutes / 60, minutes % 60);
}

static void
put_day(writer *w, const char *name, md_date d)
{
    putf(w, "%s;VALUE=DATE:%04d%02d%02d\r\n", name, d.year, d.month, d.day);
}

static md_date
next_day(md_date d)
{
    return civil_from_days(days_from_civil(d) + 1);
}

/* Writes one VEVENT. A day with a start time is a timed event; a month-only entry, or a
 * day without a time, is an all-day event that blocks no time (TRANSP:TRANSPARENT). */
static void
put_event(writer *w, writer *line, const md_event *e, const md_ics_options *opt)
{
    int is_month = e->when == MD_EVENT_MONTH;
    int is_timed = !is_month && e->start >= 0;
    int is_cancelled = e->status == MD_EVENT_CANCELLED;
    puts_(w, "BEGIN:VEVENT\r\n");

    puts_(line, "UID:");
    put_escaped(line, e->uid);
    end_line(w, line);
    puts_(w, "DTSTAMP:");
    put_utc(w, opt->has_dtstamp ? opt->dtstamp : days_from_civil(e->source) * 86400);
    puts_(w, "\r\n");
    if (is_timed) {
        put_local(w, "DTSTART", e->date, e->start);
        if (e->end > e->start)
            put_local(w, "DTEND", e->date, e->end);
    } else {
        put_day(w, "DTSTART", e->date);
        put_day(w, "DTEND", next_day(e->date));
        puts_(w, "TRANSP:TRANSPARENT\r\n");
    }

    puts_(line, "SUMMARY:");
    if (is_month)
        put_escaped(line, "Preliminärt: ");
    put_escaped(line, e->title != NULL ? e->title : "");
    end_line(w, line);
    if (e->place != NULL) {
        puts_(line, "LOCATION:");
        put_escaped(line, e->place);
        end_line(w, line);
    }
    /* A month-only entry says in words what the calendar cannot: the month and the hours. */
    if (e->note != NULL || is_month) {
        puts_(line, "DESCRIPTION:");
        if (is_month) {
            putf(line, "Dag ej bestämd: %s %d", months_sv[e->date.month - 1], e->date.year);
            if (e->start >= 0)
                putf(line, "\\, kl. %02d.%02d", e->start / 60, e->start % 60);
            if (e->start >= 0 && e->end > e->start)
                putf(line, "–%02d.%02d", e->end / 60, e->end % 60);
            puts_(line, e->note != NULL ? ".\\n" : ".");
        }
        if (e->note != NULL)
            put_escaped(line, e->note);
        end_line(w, line);
    }
    if (e->body_len > 0) {
        puts_(line, "CATEGORIES:");
        for (size_t i = 0; i < e->body_len; i++) {
            if (i > 0)
                puts_(line, ",");
            put_escaped(line, e->body_name[i]);
        }
        end_line(w, line);
    }
    const char *status = "CONFIRMED";
    if (is_cancelled)
        status = "CANCELLED";
    else if (is_month || e->status == MD_EVENT_PRELIMINARY)
        status = "TENTATIVE";
    putf(w, "STATUS:%s\r\n", status);
    /* §3.8.7.4: a revision raises SEQUENCE; a cancellation is the one revision the data
     * records, so clients that saw the planned event (0) replace it. */
    putf(w, "SEQUENCE:%d\r\n", is_cancelled ? 1 : 0);
    puts_(w, "END:VEVENT\r\n");
}

md_status
md_ics_write(const md_event *ev, size_t n, const md_ics_options *opt, md_buf *out)
{
    static const md_ics_options defaults = {NULL, NULL, 0, 0};
    if (opt == NULL)
        opt = &defaults;
    writer w = {{0}, MD_OK}, line = {{0}, MD_OK};
    const md_event **all = md_alloc_array(n > 0 ? n : 1, sizeof *all);
    if (all == NULL)
        return MD_ENOMEM;

    /* Term entries have no day a calendar could show (docs/ics.md). */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_writable(&ev[i])) {
            md_free(all);
            return MD_EBUG;
        }
        if (ev[i].when != MD_EVENT_TERM)
            all[m++] = &ev[i];
    }
    /* Merge by UID: the best of each run comes first; then keep only the body's events. */
    qsort(all, m, sizeof *all, cmp_uid_best);
    size_t k = 0;
    for (size_t i = 0; i < m; i++) {
        if (k == 0 || strcmp(all[k - 1]->uid, all[i]->uid) != 0)
            all[k++] = all[i];
    }
    m = 0;
    for (size_t i = 0; i < k; i++) {
        if (opt->body_id == NULL || has_body(all[i], opt->body_id))
            all[m++] = all[i];
    }
    qsort(all, m, sizeof *all, cmp_start);

    puts_(&w, "BEGIN:VCALENDAR\r\n"
              "VERSION:2.0\r\n"
              "PRODID:-//motesdok//motesdok 1.0//SV\r\n"
              "CALSCALE:GREGORIAN\r\n");
    puts_(&line, "X-WR-CALNAME:");
    put_escaped(&line, opt->name != NULL ? opt->name : "motesdok");
    end_line(&w, &line);
    puts_(&w, "X-WR-TIMEZONE:" TZID "\r\n");
    puts_(&w, vtimezone);
    for (size_t i = 0; i < m; i++)
        put_event(&w, &line, all[i], opt);
    puts_(&w, "END:VCALENDAR\r\n");

    md_status st = w.st;
    if (st == MD_OK)
        st = md_buf_add(out, w.b.data, w.b.len);
    md_buf_free(&w.b);
    md_buf_free(&line.b);
    md_free(all);
    return st;
}
