/* Tests of xml-events: the events of the two seed meetings (the meeting, dated, month-only
 * and term entries, an entry with two time ranges), UIDs that let the feed merge the same
 * entry announced twice, and the golden feed tests/ics/all.ics. MD_GOLDEN_UPDATE=1 rewrites
 * the golden files instead of comparing; read the diff before committing it. */
#include "xml-events.h"

#include <stdio.h>
#include <stdlib.h>

#include "check.h"

#define GOLDEN_ALL "tests/ics/all.ics"
#define GOLDEN_BODY "tests/ics/c-natet.ics"

/* Reads the meeting at path (or text, when not NULL) and its events into a. */
static size_t
events_of(const char *path, const char *text, md_arena *a, md_event **ev)
{
    md_diags *d = md_diags_new();
    md_xml_doc *doc = NULL;
    md_status st = text != NULL ? md_xml_read_memory(path, text, strlen(text), d, &doc)
                                : md_xml_read(path, d, &doc);
    CHECK_INT(st, MD_OK);
    size_t n = 0;
    *ev = NULL;
    if (st == MD_OK)
        CHECK_INT(md_xml_events(doc, a, d, ev, &n), MD_OK);
    CHECK_INT(md_diags_count(d, MD_DIAG_WARNING) + md_diags_count(d, MD_DIAG_ERROR), 0);
    md_xml_free(doc);
    md_diags_free(d);
    return n;
}

static void
check_event(const md_event *e, int y, int mo, int day, const char *start, const char *end,
            const char *title, const char *uid)
{
    CHECK_INT(e->date.year, y);
    CHECK_INT(e->date.month, mo);
    CHECK_INT(e->date.day, day);
    CHECK_INT(e->start, start != NULL ? md_time_parse(start) : -1);
    CHECK_INT(e->end, end != NULL ? md_time_parse(end) : -1);
    CHECK_STR(e->title, title);
    CHECK_STR(e->uid, uid);
}

static void
test_2024(void)
{
    md_arena *a = md_arena_new();
    md_event *ev;
    size_t n = events_of("xml/meetings/2024-01-30.xml", NULL, a, &ev);
    CHECK_INT(n, 5);
    if (n != 5)
        goto out;
    check_event(&ev[0], 2024, 1, 30, "16:00", "18:00", "Samverkansrådet och C-nätet",
                "2024-01-30-1600-c-natet+samverkansradet@motesdok");
    CHECK(ev[0].is_meeting);
    CHECK_INT(ev[0].when, MD_EVENT_DAY);
    CHECK_INT(ev[0].status, MD_EVENT_HELD);
    CHECK_STR(ev[0].place, "Föreningarnas Hus, Slottsgatan 13A");
    CHECK_INT(ev[0].body_len, 2);
    CHECK_STR(ev[0].body_id[0], "samverkansradet");
    CHECK_STR(ev[0].body_name[1], "C-nätet");
    CHECK_INT(ev[0].source.day, 30);

    /* The meeting's own row in the kalendarium has the meeting's UID, so they merge. */
    CHECK(!ev[1].is_meeting);
    CHECK_STR(ev[1].uid, ev[0].uid);
    CHECK_STR(ev[1].title, "Samverkansrådet + C-nätet");
    check_event(&ev[2], 2024, 3, 18, "16:00", "18:00", "Samverkansrådet",
                "2024-03-18-1600-samverkansradet@motesdok");
    CHECK_STR(ev[2].place, "Föreningarnas hus");
    CHECK_STR(ev[2].body_name[0], "Samverkansrådet");
    CHECK_INT(ev[2].status, MD_EVENT_NONE);
    check_event(&ev[3], 2024, 4, 1, "17:30", "20:30", "Temakväll: Krisberedskapsövning",
                "2024-04-1730-temakvall-krisberedskapsovning@motesdok");
    CHECK_INT(ev[3].when, MD_EVENT_MONTH);
    CHECK_INT(ev[3].status, MD_EVENT_PRELIMINARY);
    CHECK_INT(ev[3].body_len, 0);
    check_event(&ev[4], 2024, 5, 28, "17:00", "19:00", "Samverkansrådet",
                "2024-05-28-1700-samverkansradet@motesdok");
out:
    md_arena_free(a);
}

static void
test_2020(void)
{
    md_arena *a = md_arena_new();
    md_event *ev;
    size_t n = events_of("xml/meetings/2020-01-29.xml", NULL, a, &ev);
    CHECK_INT(n, 7);
    if (n != 7)
        goto out;
    CHECK_STR(ev[0].title, "Minnesanteckningar från möte med Samverkansrådet och C-nätet");
    CHECK_STR(ev[0].place, "Föreningarnas hus");
    CHECK_STR(ev[1].uid, ev[0].uid);
    check_event(&ev[2], 2020, 3, 18, "17:00", "20:00", "Fest - Överenskommelsen om samverkan",
                "2020-03-18-1700-fest-overenskommelsen-om-samverkan@motesdok");
    check_event(&ev[3], 2020, 4, 22, "15:30", "17:30", "Möte Samverkansrådet",
                "2020-04-22-1530-samverkansradet@motesdok");
    /* One entry, two time ranges: two events. */
    const char *theme = "Temakväll: Medskapande dialog, Anna-Karin Berglund.";
    check_event(&ev[4], 2020, 4, 22, "13:00", "15:00", theme,
                "2020-04-22-1300-temakvall-medskapande-dialog-anna-karin-berglund@motesdok");
    check_event(&ev[5], 2020, 4, 22, "18:00", "20:00", theme,
                "2020-04-22-1800-temakvall-medskapande-dialog-anna-karin-berglund@motesdok");
    CHECK_STR(ev[5].note, "Två seminarier/miniträningar.");
    /* "Ht-20": a term entry. */
    check_event(&ev[6], 2020, 8, 1, NULL, NULL,
                "Dialogserie med utgångspunkt i kommunens hållbarhetsprogram.",
                "HT2020-dialogserie-med-utgangspunkt-i-kommunens-hallbar@motesdok");
    CHECK_INT(ev[6].when, MD_EVENT_TERM);
    CHECK_INT(ev[6].status, MD_EVENT_PRELIMINARY);
out:
    md_arena_free(a);
}

/* A meeting without <title> or kalendarium: one event, titled by its body. */
static void
test_protokoll(void)
{
    md_arena *a = md_arena_new();
    md_event *ev;
    size_t n = events_of("tests/meetings/protokoll-namnd.xml", NULL, a, &ev);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_STR(ev[0].title, "Civilsamhällesnämnden");
        CHECK_STR(ev[0].place, "Rådhuset, Sammanträdesrum Hjälmaren, Storgatan 1");
        CHECK_STR(ev[0].uid, "2024-03-12-1330-csn@motesdok");
    }
    md_arena_free(a);
}

#define MEETING(date, status, cal)                                                                   \
    "<meeting xmlns=\"urn:motesdok:meeting:1\" kind=\"kallelse\" status=\"" status "\" "             \
    "date=\"" date "\" start=\"16:00\">\n"                                                           \
    "<bodies><body id=\"r\" type=\"rad\">Rådet</body><body id=\"n\" type=\"natverk\">Nätet</body>" \
    "</bodies>\n<agenda><item><title>Kalendarium</title><calendar>" cal                              \
    "</calendar></item></agenda></meeting>\n"

/* The same planned entry in two meetings, then the meeting itself: one event in the feed. */
static void
test_merge(void)
{
    md_arena *a = md_arena_new();
    md_event *e1, *e2, *e3;
    size_t n1 = events_of("a.xml",
                          MEETING("2024-01-30", "held",
                                  "<entry date=\"2024-03-18\" bodies=\"r\"><time start=\"16:00\" "
                                  "end=\"18:00\"/><title>Rådet</title></entry>"
                                  "<entry date=\"2024-04-02\"><title>Fest!</title></entry>"),
                          a, &e1);
    size_t n2 = events_of("b.xml",
                          MEETING("2024-02-20", "held",
                                  "<entry date=\"2024-03-18\" bodies=\"r\" status=\"confirmed\">"
                                  "<time start=\"16:00\" end=\"18:00\"/><title>Möte i rådet"
                                  "</title></entry><entry date=\"2024-04-02\" status=\"cancelled\">"
                                  "<title>Fest!</title></entry>"),
                          a, &e2);
    const char *m3 = "<meeting xmlns=\"urn:motesdok:meeting:1\" kind=\"kallelse\" "
                     "status=\"cancelled\" date=\"2024-03-18\" start=\"16:00\" end=\"18:00\">"
                     "<bodies><body id=\"r\" type=\"rad\">Rådet</body></bodies>"
                     "<agenda><item><title>Inställt</title></item></agenda></meeting>";
    size_t n3 = events_of("c.xml", m3, a, &e3);
    CHECK_INT(n1, 3);
    CHECK_INT(n2, 3);
    CHECK_INT(n3, 1);
    if (n1 != 3 || n2 != 3 || n3 != 1)
        goto out;
    CHECK_STR(e1[0].title, "Rådet och Nätet");
    CHECK_STR(e1[0].uid, "2024-01-30-1600-n+r@motesdok");
    CHECK_INT(e1[0].end, -1);
    CHECK_STR(e1[1].uid, "2024-03-18-1600-r@motesdok");
    CHECK_STR(e2[1].uid, e1[1].uid);
    CHECK_STR(e3[0].uid, e1[1].uid);
    CHECK_STR(e1[2].uid, "2024-04-02-fest@motesdok");
    CHECK_STR(e2[2].uid, e1[2].uid);

    md_event all[7] = {e1[0], e1[1], e1[2], e2[0], e2[1], e2[2], e3[0]};
    md_buf b = {0};
    CHECK_INT(md_ics_write(all, 6, NULL, &b), MD_OK);
    /* Two meetings, the entry of 18 March as the newer meeting announced it, and the party,
     * which the newer meeting cancelled. */
    CHECK(strstr(b.data, "SUMMARY:Möte i rådet\r\n") != NULL);
    CHECK(strstr(b.data, "SUMMARY:Rådet\r\n") == NULL);
    CHECK(strstr(b.data, "UID:2024-04-02-fest@motesdok\r\nDTSTAMP:20240220T000000Z\r\n") != NULL);
    CHECK(strstr(b.data, "STATUS:CANCELLED\r\nSEQUENCE:1\r\n") != NULL);
    md_buf_clear(&b);
    /* The meeting itself, cancelled: its data beats both announcements. */
    CHECK_INT(md_ics_write(all, 7, NULL, &b), MD_OK);
    const char *p = strstr(b.data, "UID:2024-03-18-1600-r@motesdok\r\n");
    CHECK(p != NULL && strstr(b.data, "SUMMARY:Rådet\r\n") > p &&
          strstr(p, "STATUS:CANCELLED\r\nSEQUENCE:1\r\n") < strstr(p, "END:VEVENT"));
    CHECK(strstr(b.data, "Möte i rådet") == NULL);
    md_buf_free(&b);
out:
    md_arena_free(a);
}

static void
test_bad(void)
{
    md_arena *a = md_arena_new();
    md_diags *d = md_diags_new();
    md_xml_doc *doc = NULL;
    const char *text = MEETING("2024-01-30", "held",
                               "<entry bodies=\"r x\"><title>Utan datum</title></entry>"
                               "<entry date=\"2024-02-30\"><title>Ingen sådan dag</title></entry>");
    CHECK_INT(md_xml_read_memory("bad.xml", text, strlen(text), d, &doc), MD_OK);
    md_event *ev = NULL;
    size_t n = 0;
    CHECK_INT(md_xml_events(doc, a, d, &ev, &n), MD_EINPUT);
    CHECK(ev == NULL && n == 0);
    md_buf out = {0};
    md_diags_render(d, &out);
    CHECK(strstr(out.data, "bad.xml:3: warning: bodies=\"x\" names no <body>") != NULL);
    CHECK(strstr(out.data, "bad.xml:3: error: <entry> has no valid date, month or term") != NULL);
    /* Every problem is reported, not only the first. */
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR), 2);
    md_buf_free(&out);
    md_xml_free(doc);
    md_diags_free(d);
    md_arena_free(a);
}

/* Every allocation failing in turn gives MD_ENOMEM and no leak (the sanitize build). */
static void
test_nomem(void)
{
    md_diags *d = md_diags_new();
    md_xml_doc *doc = NULL;
    CHECK_INT(md_xml_read("xml/meetings/2020-01-29.xml", d, &doc), MD_OK);
    int failures = 0;
    for (unsigned long i = 1; i < 10000 && doc != NULL; i++) {
        md_arena *a = md_arena_new();
        md_event *ev = NULL;
        size_t n = 0;
        md_alloc_fail_at(i);
        md_status st = md_xml_events(doc, a, d, &ev, &n);
        md_alloc_fail_at(0);
        md_arena_free(a);
        if (st == MD_OK) {
            CHECK_INT(n, 7);
            break;
        }
        failures++;
        if (st != MD_ENOMEM || ev != NULL)
            CHECK_INT(st, MD_ENOMEM);
    }
    CHECK(failures > 2);
    md_xml_free(doc);
    md_diags_free(d);
}

static void
golden(const char *path, const md_event *ev, size_t n, const md_ics_options *opt)
{
    md_buf b = {0};
    CHECK_INT(md_ics_write(ev, n, opt, &b), MD_OK);
    const char *update = getenv("MD_GOLDEN_UPDATE");
    if (update != NULL && strcmp(update, "1") == 0) {
        FILE *f = fopen(path, "wb");
        CHECK(f != NULL && fwrite(b.data, 1, b.len, f) == b.len && fclose(f) == 0);
        printf("wrote %s\n", path);
    } else {
        md_buf want = {0};
        md_status st = md_buf_read_file(&want, path, (size_t)1 << 20);
        if (st != MD_OK || want.len != b.len || memcmp(want.data, b.data, b.len) != 0) {
            check_failed++;
            printf("%s: the feed differs; MD_GOLDEN_UPDATE=1 %s rewrites it\n", path,
                   "out/build/BUILD/tests/events_test");
        } else {
            check_passed++;
        }
        md_buf_free(&want);
    }
    md_buf_free(&b);
}

/* The feed of the two seed meetings, every event and one body's. */
static void
test_golden(void)
{
    md_arena *a = md_arena_new();
    md_event *e1, *e2;
    size_t n1 = events_of("xml/meetings/2020-01-29.xml", NULL, a, &e1);
    size_t n2 = events_of("xml/meetings/2024-01-30.xml", NULL, a, &e2);
    md_event *all = md_alloc_array(n1 + n2 + 1, sizeof *all);
    if (n1 > 0)
        memcpy(all, e1, n1 * sizeof *all);
    if (n2 > 0)
        memcpy(all + n1, e2, n2 * sizeof *all);
    md_ics_options opt = {"Samverkansrådet och C-nätet", NULL, 0, 0};
    golden(GOLDEN_ALL, all, n1 + n2, &opt);
    md_ics_options body = {"C-nätet", "c-natet", 0, 0};
    golden(GOLDEN_BODY, all, n1 + n2, &body);
    md_free(all);
    md_arena_free(a);
}

int
main(void)
{
    test_2024();
    test_2020();
    test_protokoll();
    test_merge();
    test_bad();
    test_nomem();
    test_golden();
    return check_done();
}
