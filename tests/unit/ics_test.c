/* Tests of ics: content lines (CRLF, folding at 75 octets without splitting UTF-8, TEXT
 * escaping), the calendar (VTIMEZONE, statuses, month and term entries, DTSTAMP), merging
 * by UID, the body filter, determinism and out-of-memory handling. */
#include "ics.h"

#include <stdlib.h>

#include "check.h"

/* Checks the physical lines of s: each ends in CRLF, has at most 75 octets before it, and
 * no fold falls inside a UTF-8 sequence. Returns the number of problems (printed). */
static int
bad_lines(const char *s, size_t len)
{
    int bad = 0;
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') {
            if (i - start > 75) {
                printf("line at %zu has %zu octets\n", start, i - start);
                bad++;
            }
            /* A continuation line: its second byte may not continue a UTF-8 sequence. */
            if (s[start] == ' ' && i > start + 1 && ((unsigned char)s[start + 1] & 0xC0) == 0x80) {
                printf("fold inside a UTF-8 sequence at %zu\n", start);
                bad++;
            }
            start = i + 2;
            i++;
        } else if (s[i] == '\r' || s[i] == '\n') {
            printf("bare CR or LF at %zu\n", i);
            bad++;
        }
    }
    if (start != len) {
        printf("no CRLF at the end\n");
        bad++;
    }
    if (md_utf8_check(s, len) != len) {
        printf("not UTF-8\n");
        bad++;
    }
    return bad;
}

/* Unfolds s (RFC 5545 §3.1: CRLF followed by one space goes away) into a new string. */
static char *
unfold(const char *s)
{
    md_buf b = {0};
    for (const char *p = s; *p != '\0'; p++) {
        if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ')
            p += 2;
        else
            md_buf_add(&b, p, 1);
    }
    return md_buf_take(&b);
}

static char *
line_of(const char *name, const char *value, int is_text)
{
    md_buf b = {0};
    CHECK_INT(md_ics_add_line(&b, name, value, is_text), MD_OK);
    return md_buf_take(&b);
}

static void
test_fold(void)
{
    /* "SUMMARY:" and 67 letters are 75 octets: one line. One more octet folds. */
    char v[200];
    memset(v, 'x', 67);
    v[67] = '\0';
    char *s = line_of("SUMMARY", v, 1);
    CHECK_INT(strlen(s), 77);
    CHECK(strstr(s, "\r\n ") == NULL);
    md_free(s);
    strcat(v, "y");
    s = line_of("SUMMARY", v, 1);
    CHECK_INT(strlen(s), 75 + 2 + 1 + 1 + 2);
    CHECK(strncmp(s + 75, "\r\n y\r\n", 6) == 0);
    md_free(s);

    /* å (2 octets), ö and an emoji (4 octets) at every offset around the fold: never
     * split, every line at most 75 octets, and unfolding gives the line back. */
    const char *tails[] = {"åäö", "\xF0\x9F\x93\x85 möte", "ö\xF0\x9F\x8E\x89å"};
    for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
        for (int k = 60; k < 150; k++) {
            memset(v, 'x', (size_t)k);
            strcpy(v + k, tails[t]);
            s = line_of("SUMMARY", v, 1);
            CHECK_INT(bad_lines(s, strlen(s)), 0);
            char *u = unfold(s);
            size_t ulen = strlen(u);
            CHECK(ulen == 8 + strlen(v) + 2 && strncmp(u + 8, v, strlen(v)) == 0);
            md_free(u);
            md_free(s);
        }
    }
    /* The emoji would straddle octets 74..77: the first line stops at 74 octets. */
    memset(v, 'x', 66);
    strcpy(v + 66, "\xF0\x9F\x93\x85");
    s = line_of("SUMMARY", v, 1);
    CHECK(strncmp(s + 74, "\r\n \xF0\x9F\x93\x85\r\n", 9) == 0);
    md_free(s);
}

static void
test_escape(void)
{
    char *s = line_of("DESCRIPTION", "a;b,c\\d\ne\r\nf\x01g", 1);
    CHECK_STR(s, "DESCRIPTION:a\\;b\\,c\\\\d\\ne\\nfg\r\n");
    md_free(s);
    /* Not TEXT: written as it is. */
    s = line_of("RRULE", "FREQ=YEARLY;BYMONTH=3", 0);
    CHECK_STR(s, "RRULE:FREQ=YEARLY;BYMONTH=3\r\n");
    md_free(s);
}

static void
check_slug(const char *s, size_t max, const char *want)
{
    md_buf b = {0};
    CHECK_INT(md_ics_add_slug(&b, s, max), MD_OK);
    char *got = md_buf_take(&b);
    CHECK_STR(got, want);
    md_free(got);
}

static void
test_slug(void)
{
    check_slug("Temakväll: Krisberedskapsövning", 48, "temakvall-krisberedskapsovning");
    check_slug("  Fest - Överenskommelsen om samverkan! ", 48,
               "fest-overenskommelsen-om-samverkan");
    check_slug("ÅÄÖ éü \xF0\x9F\x8E\x89 2024", 48, "aao-eu-2024");
    check_slug("Möte Samverkansrådet", 10, "mote-samve");
    check_slug("abc def", 4, "abc");
    check_slug("", 48, "");
}

static const char *const sr_id[] = {"samverkansradet"};
static const char *const sr_name[] = {"Samverkansrådet"};
static const char *const both_id[] = {"samverkansradet", "c-natet"};
static const char *const both_name[] = {"Samverkansrådet", "C-nätet"};

static md_event
event(const char *uid, int y, int mo, int day, int start, int end, const char *title)
{
    md_event e = {0};
    e.uid = uid;
    e.when = MD_EVENT_DAY;
    e.date = (md_date){y, mo, day};
    e.source = (md_date){2024, 1, 30};
    e.start = start;
    e.end = end;
    e.title = title;
    e.status = MD_EVENT_CONFIRMED;
    return e;
}

static char *
write(const md_event *ev, size_t n, const md_ics_options *opt)
{
    md_buf b = {0};
    CHECK_INT(md_ics_write(ev, n, opt, &b), MD_OK);
    CHECK_INT(bad_lines(b.data, b.len), 0);
    return md_buf_take(&b);
}

static int
count_of(const char *s, const char *what)
{
    int n = 0;
    for (const char *p = strstr(s, what); p != NULL; p = strstr(p + 1, what))
        n++;
    return n;
}

/* Whether the VEVENT with UID uid contains line. */
static int
event_has(const char *s, const char *uid, const char *line)
{
    char key[200];
    snprintf(key, sizeof key, "UID:%s\r\n", uid);
    const char *p = strstr(s, key);
    const char *end = p != NULL ? strstr(p, "END:VEVENT") : NULL;
    const char *q = p != NULL ? strstr(p, line) : NULL;
    return q != NULL && q < end;
}

static void
test_calendar(void)
{
    md_event ev[6];
    ev[0] = event("m@x", 2024, 1, 30, 16 * 60, 18 * 60, "Samverkansrådet och C-nätet");
    ev[0].is_meeting = 1;
    ev[0].status = MD_EVENT_HELD;
    ev[0].place = "Föreningarnas Hus, Slottsgatan 13A";
    ev[0].body_id = both_id;
    ev[0].body_name = both_name;
    ev[0].body_len = 2;
    ev[1] = event("c@x", 2024, 3, 18, 16 * 60, 18 * 60, "Samverkansrådet");
    ev[1].status = MD_EVENT_CANCELLED;
    ev[1].body_id = sr_id;
    ev[1].body_name = sr_name;
    ev[1].body_len = 1;
    ev[2] = event("mo@x", 2024, 4, 1, 17 * 60 + 30, 20 * 60 + 30, "Temakväll");
    ev[2].when = MD_EVENT_MONTH;
    ev[2].status = MD_EVENT_PRELIMINARY;
    ev[3] = event("t@x", 2020, 8, 1, -1, -1, "Dialogserie");
    ev[3].when = MD_EVENT_TERM;
    ev[4] = event("d@x", 2024, 5, 28, -1, -1, "Heldag");
    ev[4].note = "Ta med; lunch, kaffe";
    ev[5] = event("e@x", 2024, 5, 28, 9 * 60, -1, "Utan slut");

    md_ics_options opt = {"Samverkansrådet, C-nätet", NULL, 0, 0};
    char *s = write(ev, 6, &opt);
    CHECK(strncmp(s, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//motesdok//motesdok 1.0//SV\r\n",
                  65) == 0);
    CHECK(strstr(s, "CALSCALE:GREGORIAN\r\n") != NULL);
    CHECK(strstr(s, "X-WR-CALNAME:Samverkansrådet\\, C-nätet\r\n") != NULL);
    CHECK(strstr(s, "X-WR-TIMEZONE:Europe/Stockholm\r\n") != NULL);
    CHECK(strstr(s, "BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n") != NULL);
    CHECK(strstr(s, "TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\n"
                    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n") != NULL);
    CHECK(strstr(s, "TZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n"
                    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n") != NULL);
    CHECK(strcmp(s + strlen(s) - 15, "END:VCALENDAR\r\n") == 0);

    CHECK(event_has(s, "m@x", "DTSTART;TZID=Europe/Stockholm:20240130T160000\r\n"));
    CHECK(event_has(s, "m@x", "DTEND;TZID=Europe/Stockholm:20240130T180000\r\n"));
    CHECK(event_has(s, "m@x", "DTSTAMP:20240130T000000Z\r\n"));
    CHECK(event_has(s, "m@x", "LOCATION:Föreningarnas Hus\\, Slottsgatan 13A\r\n"));
    CHECK(event_has(s, "m@x", "CATEGORIES:Samverkansrådet,C-nätet\r\n"));
    CHECK(event_has(s, "m@x", "STATUS:CONFIRMED\r\nSEQUENCE:0\r\n"));
    CHECK(event_has(s, "c@x", "STATUS:CANCELLED\r\nSEQUENCE:1\r\n"));
    /* Month only: an all-day tentative event on the 1st that blocks no time. */
    CHECK(event_has(s, "mo@x",
                    "DTSTART;VALUE=DATE:20240401\r\nDTEND;VALUE=DATE:20240402\r\n"
                    "TRANSP:TRANSPARENT\r\n"));
    CHECK(event_has(s, "mo@x", "SUMMARY:Preliminärt: Temakväll\r\n"));
    CHECK(event_has(s, "mo@x", "DESCRIPTION:Dag ej bestämd: april 2024\\, kl. 17.30–20.30.\r\n"));
    CHECK(event_has(s, "mo@x", "STATUS:TENTATIVE\r\n"));
    /* Term: left out. */
    CHECK(strstr(s, "t@x") == NULL);
    CHECK(strstr(s, "Dialogserie") == NULL);
    CHECK(event_has(s, "d@x", "DTSTART;VALUE=DATE:20240528\r\nDTEND;VALUE=DATE:20240529\r\n"));
    CHECK(event_has(s, "d@x", "DESCRIPTION:Ta med\\; lunch\\, kaffe\r\n"));
    CHECK(event_has(s, "e@x", "DTSTART;TZID=Europe/Stockholm:20240528T090000\r\nSUMMARY"));
    CHECK_INT(count_of(s, "BEGIN:VEVENT"), 5);
    /* Sorted by DTSTART, an all-day event before the timed ones of its day. */
    const char *order[] = {"UID:m@x", "UID:c@x", "UID:mo@x", "UID:d@x", "UID:e@x"};
    for (size_t i = 0; i + 1 < 5; i++)
        CHECK(strstr(s, order[i]) != NULL && strstr(s, order[i]) < strstr(s, order[i + 1]));

    /* Determinism: the same events in another order give the same bytes. */
    md_event rev[6];
    for (size_t i = 0; i < 6; i++)
        rev[i] = ev[5 - i];
    char *r = write(rev, 6, &opt);
    CHECK_STR(r, s);
    md_free(r);
    r = write(ev, 6, &opt);
    CHECK_STR(r, s);
    md_free(r);
    md_free(s);

    /* DTSTAMP from the caller (SOURCE_DATE_EPOCH), never the clock. */
    md_ics_options at = {NULL, NULL, 1, 1700000000};
    s = write(ev, 1, &at);
    CHECK(strstr(s, "DTSTAMP:20231114T221320Z\r\n") != NULL);
    CHECK(strstr(s, "X-WR-CALNAME:motesdok\r\n") != NULL);
    md_free(s);
    at.dtstamp = 951782400 + 86399;
    s = write(ev, 1, &at);
    CHECK(strstr(s, "DTSTAMP:20000229T235959Z\r\n") != NULL);
    md_free(s);

    /* One body: only its events. */
    md_ics_options body = {"C-nätet", "c-natet", 0, 0};
    s = write(ev, 6, &body);
    CHECK_INT(count_of(s, "BEGIN:VEVENT"), 1);
    CHECK(strstr(s, "UID:m@x\r\n") != NULL);
    md_free(s);
    body.body_id = "samverkansradet";
    s = write(ev, 6, &body);
    CHECK_INT(count_of(s, "BEGIN:VEVENT"), 2);
    md_free(s);

    /* An event md_xml_events would never make is a bug, and out stays as it was. */
    md_event bad[2] = {ev[0], ev[0]};
    bad[1].date.day = 31;
    bad[1].date.month = 4;
    md_buf b = {0};
    CHECK_INT(md_ics_write(bad, 2, NULL, &b), MD_EBUG);
    CHECK_INT(b.len, 0);
    bad[1] = ev[0];
    bad[1].uid = NULL;
    CHECK_INT(md_ics_write(bad, 2, NULL, &b), MD_EBUG);
    bad[1] = ev[0];
    bad[1].end = 24 * 60;
    CHECK_INT(md_ics_write(bad, 2, NULL, &b), MD_EBUG);
    md_buf_free(&b);

    /* An empty calendar is still a calendar. */
    s = write(NULL, 0, NULL);
    CHECK(strstr(s, "END:VTIMEZONE\r\nEND:VCALENDAR\r\n") != NULL);
    md_free(s);
}

static void
test_merge(void)
{
    /* The planned entry, announced by two meetings, and the meeting itself: one event with
     * the meeting's data, whatever the order. */
    md_event ev[3];
    ev[0] = event("u@x", 2024, 3, 18, 16 * 60, 18 * 60, "Samverkansrådet (plan)");
    ev[0].source = (md_date){2024, 1, 30};
    ev[1] = event("u@x", 2024, 3, 18, 16 * 60, 18 * 60, "Samverkansrådet (ny plan)");
    ev[1].source = (md_date){2024, 2, 20};
    ev[2] = event("u@x", 2024, 3, 18, 16 * 60, 18 * 60, "Möte");
    ev[2].is_meeting = 1;
    ev[2].source = (md_date){2024, 3, 18};
    const size_t orders[3][3] = {{0, 1, 2}, {2, 1, 0}, {1, 2, 0}};
    for (size_t o = 0; o < 3; o++) {
        md_event in[3];
        for (size_t i = 0; i < 3; i++)
            in[i] = ev[orders[o][i]];
        char *s = write(in, 3, NULL);
        CHECK_INT(count_of(s, "BEGIN:VEVENT"), 1);
        CHECK(strstr(s, "SUMMARY:Möte\r\n") != NULL);
        CHECK(strstr(s, "DTSTAMP:20240318T000000Z\r\n") != NULL);
        md_free(s);
    }
    /* Without the meeting, the newer announcement wins. */
    char *s = write(ev, 2, NULL);
    CHECK_INT(count_of(s, "BEGIN:VEVENT"), 1);
    CHECK(strstr(s, "SUMMARY:Samverkansrådet (ny plan)\r\n") != NULL);
    md_free(s);
    md_event two[2] = {ev[1], ev[0]};
    s = write(two, 2, NULL);
    CHECK(strstr(s, "SUMMARY:Samverkansrådet (ny plan)\r\n") != NULL);
    md_free(s);
}

static void
test_nomem(void)
{
    md_event ev[2];
    ev[0] = event("m@x", 2024, 1, 30, 16 * 60, 18 * 60, "Samverkansrådet och C-nätet");
    ev[0].body_id = both_id;
    ev[0].body_name = both_name;
    ev[0].body_len = 2;
    ev[0].note = "En lång anteckning som måste vikas, med å, ä och ö, och lite till så att "
                 "raden blir längre än 75 oktetter.";
    ev[1] = ev[0];
    ev[1].uid = "n@x";
    char *want = write(ev, 2, NULL);
    int failures = 0;
    for (unsigned long i = 1; i < 1000; i++) {
        md_buf b = {0};
        md_buf_add(&b, "x", 1);
        md_alloc_fail_at(i);
        md_status st = md_ics_write(ev, 2, NULL, &b);
        md_alloc_fail_at(0);
        if (st == MD_OK) {
            CHECK_STR(b.data + 1, want);
            md_buf_free(&b);
            break;
        }
        failures++;
        if (st != MD_ENOMEM || strcmp(b.data, "x") != 0) {
            CHECK_INT(st, MD_ENOMEM);
            CHECK_STR(b.data, "x");
        }
        md_buf_free(&b);
    }
    CHECK(failures > 2);
    md_free(want);
}

int
main(void)
{
    test_fold();
    test_escape();
    test_slug();
    test_calendar();
    test_merge();
    test_nomem();
    return check_done();
}
