/* Tests of site-cache: the hash tells one changed byte apart, the key holds the file's size,
 * time, hash and the times of the schema and images, a record is used only under its own key,
 * packed events and strings read back as they were (any bytes), and damaged records are
 * refused rather than misread. */
#include "site-cache.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static char scratch[64];

static void
write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f != NULL) {
        fputs(text, f);
        fclose(f);
    }
}

static void
test_hash(void)
{
    char a[100], b[100];
    for (size_t i = 0; i < sizeof a; i++)
        a[i] = b[i] = (char)('a' + i % 26);
    CHECK(md_site_hash(a, sizeof a) == md_site_hash(b, sizeof b));
    /* One byte changed, anywhere (in an 8-byte word or in the tail), changes the hash. */
    for (size_t i = 0; i < sizeof b; i++) {
        b[i] ^= 1;
        CHECK(md_site_hash(a, sizeof a) != md_site_hash(b, sizeof b));
        b[i] ^= 1;
    }
    /* The length counts: "a" and "a\0" differ. */
    CHECK(md_site_hash("a", 1) != md_site_hash("a\0", 2));
    CHECK(md_site_hash("", 0) != md_site_hash("\0", 1));
}

static void
test_key_and_records(void)
{
    char file[128], schema[128], images[128], rec[128];
    snprintf(file, sizeof file, "%s/m.xml", scratch);
    snprintf(schema, sizeof schema, "%s/schema.rng", scratch);
    snprintf(images, sizeof images, "%s/images", scratch);
    snprintf(rec, sizeof rec, "%s/.t-cache/m", scratch);
    write_text(file, "<meeting/>\n");
    write_text(schema, "<grammar/>\n");
    md_buf k1 = {0}, k2 = {0}, payload = {0};
    CHECK_INT(md_site_rec_key(file, schema, images, "t", "dir=x", &k1), MD_OK);
    CHECK(k1.len > 0 && strncmp(k1.data, "motesdok-t 2 size=11 mtime=", 27) == 0);
    CHECK(k1.len > 0 && strstr(k1.data, " images=0.0 ") != NULL); /* no images folder */
    CHECK(k1.len > 0 && strstr(k1.data, " dir=x\n") != NULL);
    CHECK(k1.len > 0 && k1.data[k1.len - 1] == '\n');
    /* Same file: same key. No record yet: no hit. */
    CHECK_INT(md_site_rec_key(file, schema, images, "t", "dir=x", &k2), MD_OK);
    CHECK(k1.len == k2.len && memcmp(k1.data, k2.data, k1.len) == 0);
    int hit = 1;
    CHECK_INT(md_site_rec_get(rec, &k1, &payload, &hit), MD_OK);
    CHECK_INT(hit, 0);
    /* The folder is made; the payload reads back under the same key only. */
    CHECK_INT(md_site_rec_put(rec, &k1, "abc\0def", 7), MD_OK);
    CHECK_INT(md_site_rec_get(rec, &k1, &payload, &hit), MD_OK);
    CHECK_INT(hit, 1);
    CHECK(payload.len == 7 && memcmp(payload.data, "abc\0def", 7) == 0);
    md_buf_clear(&payload);
    /* Damaged after the key (a byte changed, cut, grown, the payload line gone): no hit. */
    {
        md_buf good = {0};
        CHECK_INT(md_buf_read_file(&good, rec, 1024), MD_OK);
        CHECK(good.len == k1.len + strlen("payload 7 0123456789abcdef\n") + 7);
        for (int kind = 0; kind < 4 && good.len > k1.len + 8; kind++) {
            md_buf bad = {0};
            size_t len = kind == 1 ? good.len - 1 : good.len;
            CHECK_INT(md_buf_add(&bad, good.data, len), MD_OK);
            if (kind == 0)
                bad.data[good.len - 2] ^= 1;
            if (kind == 2)
                CHECK_INT(md_buf_adds(&bad, "x"), MD_OK);
            FILE *f = fopen(rec, "wb");
            CHECK(f != NULL);
            if (f != NULL) {
                if (kind == 3)
                    fwrite(good.data, 1, k1.len, f), fwrite("abc\0def", 1, 7, f);
                else
                    fwrite(bad.data, 1, bad.len, f);
                fclose(f);
            }
            hit = 1;
            CHECK_INT(md_site_rec_get(rec, &k1, &payload, &hit), MD_OK);
            CHECK_INT(hit, 0);
            CHECK_INT((long long)payload.len, 0);
            md_buf_free(&bad);
        }
        md_buf_free(&good);
        CHECK_INT(md_site_rec_put(rec, &k1, "abc\0def", 7), MD_OK);
    }
    md_buf_clear(&k2);
    CHECK_INT(md_site_rec_key(file, schema, images, "t", "dir=y", &k2), MD_OK);
    CHECK_INT(md_site_rec_get(rec, &k2, &payload, &hit), MD_OK);
    CHECK_INT(hit, 0);
    /* One byte changed under the same size and time: another hash, no hit. */
    struct stat before;
    CHECK(stat(file, &before) == 0);
    write_text(file, "<meeting/>\r");
    struct timespec times[2] = {before.st_atim, before.st_mtim};
    CHECK(utimensat(AT_FDCWD, file, times, 0) == 0);
    md_buf_clear(&k2);
    CHECK_INT(md_site_rec_key(file, schema, images, "t", "dir=x", &k2), MD_OK);
    CHECK(k2.len == k1.len && memcmp(k1.data, k2.data, k1.len) != 0);
    CHECK_INT(md_site_rec_get(rec, &k2, &payload, &hit), MD_OK);
    CHECK_INT(hit, 0);
    /* A newer schema changes the key too. */
    write_text(file, "<meeting/>\n");
    CHECK(utimensat(AT_FDCWD, file, times, 0) == 0);
    struct timespec later[2] = {{before.st_mtim.tv_sec + 10, 0}, {before.st_mtim.tv_sec + 10, 0}};
    CHECK(utimensat(AT_FDCWD, schema, later, 0) == 0);
    md_buf_clear(&k2);
    CHECK_INT(md_site_rec_key(file, schema, images, "t", "dir=x", &k2), MD_OK);
    CHECK(k2.len > 0 && (k2.len != k1.len || memcmp(k1.data, k2.data, k1.len) != 0));
    /* A missing meeting file gives no key, and no key is never a hit nor written. */
    md_buf_clear(&k2);
    snprintf(file, sizeof file, "%s/none.xml", scratch);
    CHECK_INT(md_site_rec_key(file, schema, images, "t", NULL, &k2), MD_OK);
    CHECK_INT((long long)k2.len, 0);
    CHECK_INT(md_site_rec_get(rec, &k2, &payload, &hit), MD_OK);
    CHECK_INT(hit, 0);
    CHECK_INT(md_site_rec_put(rec, &k2, "x", 1), MD_OK);
    md_buf_free(&k1);
    md_buf_free(&k2);
    md_buf_free(&payload);
}

static void
test_pack(void)
{
    static const char *const ids[] = {"samverkansradet", "c-natet"};
    static const char *const names[] = {"Samverkansrådet", "C-nätet"};
    md_event ev[2] = {
        {1,
         MD_EVENT_DAY,
         {2024, 1, 30},
         960,
         1080,
         "uid-1@x",
         "Möte; med \"allt\"\n:12",
         "Rådhuset, Sal 3",
         NULL,
         ids,
         names,
         2,
         MD_EVENT_HELD,
         {2024, 1, 30},
         3},
        {0,
         MD_EVENT_MONTH,
         {2024, 4, 1},
         -1,
         -1,
         "uid-2@x",
         "",
         NULL,
         "5:x-",
         NULL,
         NULL,
         0,
         MD_EVENT_PRELIMINARY,
         {2024, 1, 30},
         140},
    };
    md_buf b = {0};
    CHECK_INT(md_site_events_pack(ev, 2, &b), MD_OK);
    md_arena *a = md_arena_new();
    md_site_unpack u = {b.data, b.data + b.len, 0};
    md_event *got = NULL;
    size_t n = 0;
    CHECK_INT(md_site_events_unpack(&u, a, &got, &n), MD_OK);
    CHECK_INT(n, 2);
    CHECK(u.p == u.end);
    if (n == 2) {
        CHECK_INT(got[0].is_meeting, 1);
        CHECK_INT(got[0].start, 960);
        CHECK_INT(got[0].date.day, 30);
        CHECK_STR(got[0].title, "Möte; med \"allt\"\n:12");
        CHECK(got[0].note == NULL);
        CHECK_INT(got[0].body_len, 2);
        CHECK_STR(got[0].body_name[1], "C-nätet");
        CHECK_INT(got[0].status, MD_EVENT_HELD);
        CHECK_INT(got[0].line, 3);
        CHECK_INT(got[1].when, MD_EVENT_MONTH);
        CHECK_INT(got[1].start, -1);
        CHECK_STR(got[1].title, "");
        CHECK(got[1].place == NULL);
        CHECK_STR(got[1].note, "5:x-");
        CHECK_INT(got[1].body_len, 0);
        CHECK_INT(got[1].status, MD_EVENT_PRELIMINARY);
    }
    /* Cut short anywhere, or an out-of-range status: refused, never misread. */
    size_t refused = 0;
    for (size_t cut = 0; cut < b.len; cut++) {
        md_site_unpack v = {b.data, b.data + cut, 0};
        refused += md_site_events_unpack(&v, a, &got, &n) == MD_EINPUT;
    }
    CHECK_INT(refused, b.len);
    md_site_unpack bad = {"1 0 9 2024 1 1 ", NULL, 0};
    bad.end = bad.p + strlen(bad.p);
    CHECK_INT(md_site_events_unpack(&bad, a, &got, &n), MD_EINPUT);
    /* Strings and integers alone. */
    md_buf_clear(&b);
    CHECK_INT(md_site_pack_str(&b, "a b:c"), MD_OK);
    CHECK_INT(md_site_pack_int(&b, -42), MD_OK);
    CHECK_INT(md_site_pack_str(&b, NULL), MD_OK);
    CHECK_STR(b.data, "5:a b:c-42 -");
    md_site_unpack w = {b.data, b.data + b.len, 0};
    CHECK_STR(md_site_unpack_str(&w, a), "a b:c");
    CHECK_INT(md_site_unpack_int(&w), -42);
    CHECK(md_site_unpack_str(&w, a) == NULL);
    CHECK_INT(w.bad, 0);
    CHECK(md_site_unpack_str(&w, a) == NULL);
    CHECK_INT(w.bad, 1);
    md_site_unpack big = {"99:abc", NULL, 0};
    big.end = big.p + 6;
    CHECK(md_site_unpack_str(&big, a) == NULL);
    CHECK_INT(big.bad, 1);
    md_arena_free(a);
    md_buf_free(&b);
}

/* Packs one event changed by damage, and whether unpacking it is refused (MD_EINPUT). */
static int
refused_when(const md_event *good, void (*damage)(md_event *), md_arena *a)
{
    md_event e = *good;
    damage(&e);
    md_buf b = {0};
    CHECK_INT(md_site_events_pack(&e, 1, &b), MD_OK);
    md_site_unpack u = {b.data, b.data + b.len, 0};
    md_event *got = NULL;
    size_t n = 0;
    int r = md_site_events_unpack(&u, a, &got, &n) == MD_EINPUT;
    md_buf_free(&b);
    return r;
}

static const char *const null_ids[] = {"samverkansradet", NULL};
static const char *const two_names[] = {"Samverkansrådet", "C-nätet"};
static void
no_damage(md_event *e)
{
    (void)e;
}
static void
no_uid(md_event *e)
{
    e->uid = NULL;
}
static void
null_body(md_event *e)
{
    e->body_id = null_ids;
}
static void
null_body_name(md_event *e)
{
    e->body_name = null_ids;
}
static void
month_99(md_event *e)
{
    e->date.month = 99;
}
static void
day_31_feb(md_event *e)
{
    e->date.month = 2, e->date.day = 31;
}
static void
year_0(md_event *e)
{
    e->date.year = 0;
}
static void
start_huge(md_event *e)
{
    e->start = 999999999;
}
static void
end_1440(md_event *e)
{
    e->end = 24 * 60;
}
static void
start_minus_2(md_event *e)
{
    e->start = -2;
}
static void
meeting_2(md_event *e)
{
    e->is_meeting = 2;
}
static void
line_negative(md_event *e)
{
    e->line = -1;
}
static void
source_month_13(md_event *e)
{
    e->source.month = 13;
}

/* A record whose fields are out of range (a NULL UID or body, a day or time that does not
 * exist, too many bodies) is refused as damaged, so the meeting is read again; each of these
 * made md_ics_write fail (MD_EBUG) or crashed motesdok ics before. */
static void
test_damaged_fields(void)
{
    static const char *const ids[] = {"samverkansradet", "c-natet"};
    const md_event good = {
        1,    MD_EVENT_DAY, {2024, 1, 30}, 960, 1080,          "uid-1@x",     "Möte", NULL,
        NULL, ids,          two_names,     2,   MD_EVENT_HELD, {2024, 1, 30}, 3};
    md_arena *a = md_arena_new();
    CHECK(md_site_event_ok(&good));
    CHECK(!refused_when(&good, no_damage, a));
    void (*const damages[])(md_event *) = {
        no_uid,     null_body, null_body_name, month_99,  day_31_feb,    year_0,
        start_huge, end_1440,  start_minus_2,  meeting_2, line_negative, source_month_13};
    for (size_t i = 0; i < sizeof damages / sizeof damages[0]; i++) {
        md_event e = good;
        damages[i](&e);
        CHECK(!md_site_event_ok(&e));
        CHECK(refused_when(&good, damages[i], a));
    }
    /* Body counts: 1000 is taken, 1001 (all there) and 5000 (1001 there) are not. */
    md_buf b = {0};
    CHECK_INT(md_site_pack_int(&b, 1), MD_OK);
    const long long head[] = {1, 0, 2024, 1, 30, 960, 1080, 2, 2024, 1, 30, 3};
    for (size_t k = 0; k < sizeof head / sizeof head[0]; k++)
        CHECK_INT(md_site_pack_int(&b, head[k]), MD_OK);
    size_t mark = b.len;
    const long long counts[] = {1000, 1001, 5000};
    for (size_t c = 0; c < 3; c++) {
        b.len = mark;
        CHECK_INT(md_site_pack_int(&b, counts[c]), MD_OK);
        CHECK_INT(md_site_pack_str(&b, "u@x"), MD_OK);
        for (int k = 0; k < 3; k++)
            CHECK_INT(md_site_pack_str(&b, NULL), MD_OK);
        for (long long k = 0; k < (counts[c] < 1001 ? counts[c] : 1001); k++) {
            CHECK_INT(md_site_pack_str(&b, "id"), MD_OK);
            CHECK_INT(md_site_pack_str(&b, "Namn"), MD_OK);
        }
        md_site_unpack u = {b.data, b.data + b.len, 0};
        md_event *got = NULL;
        size_t n = 0;
        CHECK_INT(md_site_events_unpack(&u, a, &got, &n), c == 0 ? MD_OK : MD_EINPUT);
        if (c == 0)
            CHECK_INT(n == 1 ? got[0].body_len : 0, 1000);
    }
    md_buf_free(&b);
    md_arena_free(a);
}

int
main(void)
{
    snprintf(scratch, sizeof scratch, "/tmp/site-cache-test-XXXXXX");
    if (mkdtemp(scratch) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    test_hash();
    test_key_and_records();
    test_pack();
    test_damaged_fields();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    if (system(cmd) != 0)
        printf("could not remove %s\n", scratch);
    return check_done();
}
