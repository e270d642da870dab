/* Tests of xml-oparl: the open data of the seed meeting and of the formal protokoll (fields,
 * § numbers, a closed item, voting rights), the summary form, the bodies, the Stockholm
 * offsets around both summer-time changes, and every allocation failing. */
#include "xml-oparl.h"

#include <string.h>

#include "check.h"

static md_xml_doc *
load(const char *path)
{
    md_diags *d = md_diags_new();
    md_xml_doc *doc = NULL;
    CHECK_INT(md_xml_read(path, d, &doc), MD_OK);
    md_diags_free(d);
    return doc;
}

/* The JSON of doc (full or summary) in b; the status of the whole run. */
static md_status
json_of(const md_xml_doc *doc, const char *name, int is_full, md_buf *b)
{
    md_diags *d = md_diags_new();
    md_json j;
    md_json_init(&j, b);
    md_status st = d == NULL ? MD_ENOMEM : md_xml_oparl_meeting(doc, name, is_full, d, &j);
    if (st == MD_OK)
        st = md_json_finish(&j);
    md_diags_free(d);
    return st;
}

static void
test_local_time(void)
{
    static const struct {
        const char *day;
        int minutes;
        const char *want;
    } cases[] = {
        {"2024-01-30", 16 * 60, "2024-01-30T16:00:00+01:00"},
        {"2024-07-01", 9 * 60 + 5, "2024-07-01T09:05:00+02:00"},
        /* 2024: summer time from Sunday 31 March 02:00 to Sunday 27 October 03:00. */
        {"2024-03-31", 119, "2024-03-31T01:59:00+01:00"},
        {"2024-03-31", 180, "2024-03-31T03:00:00+02:00"},
        {"2024-03-30", 23 * 60, "2024-03-30T23:00:00+01:00"},
        {"2024-10-27", 150, "2024-10-27T02:30:00+02:00"},
        {"2024-10-27", 180, "2024-10-27T03:00:00+01:00"},
        {"2024-10-26", 23 * 60, "2024-10-26T23:00:00+02:00"},
        /* 2020: from 29 March to 25 October. */
        {"2020-03-28", 12 * 60, "2020-03-28T12:00:00+01:00"},
        {"2020-03-29", 12 * 60, "2020-03-29T12:00:00+02:00"},
        {"2020-10-25", 12 * 60, "2020-10-25T12:00:00+01:00"},
        {"2020-12-31", 0, "2020-12-31T00:00:00+01:00"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[32];
        md_oparl_local_time(cases[i].day, cases[i].minutes, out);
        CHECK_STR(out, cases[i].want);
    }
}

static void
test_seed(void)
{
    md_xml_doc *doc = load("xml/meetings/2024-01-30.xml");
    md_buf b = {0};
    CHECK_INT(json_of(doc, "2024-01-30", 1, &b), MD_OK);
    CHECK_HAS(b.data, "\"id\": \"meetings/2024-01-30.json\",\n"
                      "  \"type\": \"https://schema.oparl.org/1.1/Meeting\",\n"
                      "  \"name\": \"Samverkansrådet och C-nätet\",\n"
                      "  \"meetingState\": \"held\",\n"
                      "  \"cancelled\": false,\n"
                      "  \"start\": \"2024-01-30T16:00:00+01:00\",\n"
                      "  \"end\": \"2024-01-30T18:00:00+01:00\",");
    CHECK_HAS(b.data, "\"streetAddress\": \"Slottsgatan 13A\"");
    CHECK_HAS(b.data, "\"organization\": [\n    \"organizations/samverkansradet\",\n"
                      "    \"organizations/c-natet\"\n  ]");
    CHECK_HAS(b.data, "\"accessUrl\": \"../../2024-01-30/kallelse.pdf\"");
    CHECK_HAS(b.data, "\"name\": \"Minnesanteckningar\"");
    CHECK_HAS(b.data, "\"number\": \"1\",\n      \"order\": 0,\n      \"name\": \"Välkomna\"");
    CHECK_HAS(b.data, "\"responsible\": [\n            "
                      "\"meetings/2024-01-30.json#person-maria-haglund\"");
    CHECK_HAS(b.data, "\"role\": \"Ordförande\"");
    CHECK_HAS(b.data, "\"motesdok:alias\": \"Lasse\"");
    CHECK_HAS(b.data, "\"organization\": \"organizations/c-natet\"");
    CHECK_HAS(b.data, "\"motesdok:type\": \"calendar\"");
    CHECK(strstr(b.data, "votingRight") == NULL); /* minnesanteckningar: no votes */

    md_buf s = {0};
    CHECK_INT(json_of(doc, "2024-01-30", 0, &s), MD_OK);
    CHECK(strstr(s.data, "agendaItem") == NULL && strstr(s.data, "motesdok:person") == NULL);
    CHECK_HAS(s.data, "\"start\": \"2024-01-30T16:00:00+01:00\"");

    md_arena *a = md_arena_new();
    md_oparl_body *bodies = NULL;
    size_t n = 0;
    CHECK_INT(md_xml_oparl_bodies(doc, a, &bodies, &n), MD_OK);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(bodies[0].id, "samverkansradet");
        CHECK_STR(bodies[0].name, "Samverkansrådet");
        CHECK_STR(bodies[0].type, "Råd");
        CHECK_STR(bodies[1].type, "Nätverk");
    }
    md_arena_free(a);
    md_buf_free(&s);
    md_buf_free(&b);
    md_xml_free(doc);
}

static void
test_protokoll(void)
{
    md_xml_doc *doc = load("tests/meetings/protokoll-namnd.xml");
    md_buf b = {0};
    CHECK_INT(json_of(doc, "protokoll-namnd", 1, &b), MD_OK);
    CHECK_HAS(b.data, "\"name\": \"Civilsamhällesnämnden\"");
    CHECK_HAS(b.data, "\"room\": \"Sammanträdesrum Hjälmaren\"");
    CHECK_HAS(b.data, "\"number\": \"§ 12\"");
    CHECK_HAS(b.data, "\"name\": \"Protokoll\"");
    CHECK_HAS(b.data, "\"motesdok:dnr\": \"CSN 2024/18\"");
    CHECK_HAS(b.data, "\"resolutionText\": \"Civilsamhällesnämnden beslutar att fördela "
                      "aktivitetsbidrag för 2024 enligt bilaga 1.\"");
    /* The closed § 15 shows its number and title, not its decision. */
    CHECK_HAS(b.data, "\"number\": \"§ 15\",\n      \"order\": 3,\n"
                      "      \"name\": \"Ansökan om extra bidrag från en förening\",\n"
                      "      \"public\": false,\n      \"motesdok:dnr\": \"CSN 2024/22\"\n    }");
    CHECK(strstr(b.data, "35 000") == NULL);
    /* A serving ersättare votes, one who is only present does not. */
    CHECK_HAS(
        b.data,
        "\"role\": \"Ersättare\",\n          \"votingRight\": true,\n"
        "          \"motesdok:replaces\": \"meetings/protokoll-namnd.json#person-gunnar-ek\"");
    CHECK_HAS(b.data, "#membership-oskar-dahl\",\n          \"type\": "
                      "\"https://schema.oparl.org/1.1/Membership\",\n          \"person\": "
                      "\"meetings/protokoll-namnd.json#person-oskar-dahl\",\n          "
                      "\"organization\": \"organizations/csn\",\n          \"role\": "
                      "\"Ersättare\",\n          \"votingRight\": false");
    CHECK_HAS(b.data, "\"role\": \"Ordförande, Ledamot\",\n          \"votingRight\": true");
    md_buf_free(&b);
    md_xml_free(doc);
}

static void
test_nomem(void)
{
    md_xml_doc *doc = load("tests/meetings/protokoll-namnd.xml");
    md_buf want = {0};
    CHECK_INT(json_of(doc, "x", 1, &want), MD_OK);
    int failures = 0;
    for (unsigned long n = 1; n < 5000; n++) {
        md_buf b = {0};
        md_alloc_fail_at(n);
        md_status st = json_of(doc, "x", 1, &b);
        md_alloc_fail_at(0);
        if (st == MD_OK) {
            CHECK(b.len == want.len && memcmp(b.data, want.data, b.len) == 0);
            md_buf_free(&b);
            break;
        }
        md_buf_free(&b);
        CHECK_INT(st, MD_ENOMEM);
        failures++;
    }
    CHECK(failures > 10);
    md_buf_free(&want);
    md_xml_free(doc);
}

int
main(void)
{
    test_local_time();
    test_seed();
    test_protokoll();
    test_nomem();
    return check_done();
}
