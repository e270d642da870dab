/* Tests of xml: safe reading (BOM, CRLF, DOCTYPE, encodings, depth), validation against the
 * real schema, and the lint rules, each through the diagnostics it produces. */
#include "xml.h"

#include <stdlib.h>

#include "check.h"

#define SCHEMA "xml/schema/meeting.rng"
#define HEAD                                                                                       \
    "<meeting xmlns=\"urn:motesdok:meeting:1\" kind=\"minnesanteckningar\" status=\"held\" "       \
    "date=\"2024-01-30\" start=\"16:00\" end=\"18:00\">\n"                                         \
    "<bodies><body id=\"r\" type=\"rad\">Rådet</body></bodies>\n"
#define AGENDA(body) "<agenda><item n=\"1\"><title>Välkomna</title>" body "</item></agenda>\n"
#define TAIL "</meeting>\n"

/* Reads, validates and lints text; returns the status and the rendered diagnostics. */
static md_status
run(const char *text, char **report)
{
    md_diags *d = md_diags_new();
    md_xml_doc *doc = NULL;
    md_status st = md_xml_read_memory("t.xml", text, strlen(text), d, &doc);
    if (st == MD_OK)
        st = md_xml_validate(doc, SCHEMA, d);
    if (st == MD_OK)
        st = md_xml_lint(doc, d);
    md_buf out = {0};
    md_diags_render(d, &out);
    *report = md_buf_take(&out);
    md_xml_free(doc);
    md_diags_free(d);
    return st;
}

static void
expect(const char *text, md_status want, const char *message)
{
    char *r = NULL;
    md_status st = run(text, &r);
    CHECK_INT(st, want);
    if (message == NULL)
        CHECK_STR(r, "");
    else if (strstr(r, message) == NULL)
        CHECK_STR(r, message);
    else
        CHECK(1);
    md_free(r);
}

static void
test_reading(void)
{
    expect(HEAD AGENDA("") TAIL, MD_OK, NULL);
    /* A byte order mark and Windows line ends are fine. */
    expect("\xEF\xBB\xBF" HEAD AGENDA("") TAIL, MD_OK, NULL);
    expect("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n" HEAD AGENDA("<p>Hej\r\n"
                                                                        "då</p>") TAIL,
           MD_OK, NULL);
    expect("", MD_EINPUT, "t.xml:1:1: error: the file is empty");
    expect("<!DOCTYPE meeting SYSTEM \"http://example.org/m.dtd\">\n" HEAD AGENDA("") TAIL,
           MD_EINPUT, "t.xml:1: error: <!DOCTYPE> declares an external DTD");
    expect("<!DOCTYPE m [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n<m/>", MD_EINPUT,
           "t.xml:1: error: <!ENTITY p> refers to the external resource \"file:///etc/passwd\"");
    expect(HEAD "<agenda>\xE5</agenda>" TAIL, MD_EINPUT,
           "t.xml:3:9: error: byte 0xE5 at offset 188 is not UTF-8");
    expect("<?xml version='1.0' encoding='windows-1252'?><m/>", MD_EINPUT,
           "encoding=\"windows-1252\"; meetings are UTF-8");
    /* Nesting beyond libxml2's limit is refused, not a stack overflow. */
    char *deep = md_alloc(20000);
    for (int i = 0; i < 400; i++)
        strcat(deep, "<a>");
    expect(deep, MD_EINPUT, "elements nested more than 256 deep");
    md_free(deep);
}

static void
test_lint(void)
{
    expect(HEAD AGENDA("<p>Mötet hålls tisdagen den 30 januari 2024.</p>") TAIL, MD_OK, NULL);
    expect(HEAD AGENDA("<p>Mötet hålls onsdagen den 30 januari 2024.</p>") TAIL, MD_EINPUT,
           "t.xml:3: error: the text says onsdag but 30 januari 2024 is a tisdag");
    expect(HEAD AGENDA("<p>Vi ses den 30 februari.</p>") TAIL, MD_OK, NULL);
    expect(HEAD AGENDA("<p>Vi ses fredagen den 30 februari.</p>") TAIL, MD_EINPUT,
           "\"30 februari 2024\" does not exist");
    expect(HEAD AGENDA("<p>Öppet kl. 17-20.</p>") TAIL, MD_OK,
           "t.xml:3: warning: time range \"17-20\" with a hyphen; Swedish writes "
           "\"17.00–20.00\"");
    expect(HEAD AGENDA("<p>Planen för 2024-2027 och mötet 2024-01-30.</p>") TAIL, MD_OK,
           "warning: range \"2024-2027\" with a hyphen; write \"2024–2027\" with an en dash\n");
    /* Regression (fuzzing, issue 8): a time range with a very long number. */
    expect(HEAD AGENDA("<p>kl. 30777777777777-4</p>") TAIL, MD_OK,
           "Swedish writes \"77.00–04.00\"");
    expect(HEAD AGENDA("<p>Planen \"Vårt Örebro\".</p>") TAIL, MD_OK,
           "warning: straight quotation mark");
    expect(HEAD AGENDA("<p>Öppet <time start=\"17:00\" end=\"16:00\">kl. 17</time>.</p>") TAIL,
           MD_EINPUT, "t.xml:3: error: <time>: ends at 16:00, which is not after it starts");
    expect(HEAD AGENDA("<action due=\"2024-13-01\">Ring</action>") TAIL, MD_EINPUT,
           "<action due=\"2024-13-01\">: there is no such day");
}

/* Every allocation our code makes can fail without a crash or a leak. */
static void
test_alloc_failures(void)
{
    const char *text = HEAD AGENDA("") TAIL;
    int bad = 0;
    for (unsigned long k = 1; k < 200; k++) {
        md_diags *d = md_diags_new();
        md_xml_doc *doc = NULL;
        if (d == NULL)
            continue;
        md_alloc_fail_at(k);
        md_status st = md_xml_read_memory("t.xml", text, strlen(text), d, &doc);
        md_alloc_fail_at(0);
        if (st != MD_OK && st != MD_ENOMEM)
            bad++;
        md_xml_free(doc);
        md_diags_free(d);
        if (st == MD_OK)
            break;
    }
    CHECK_INT(bad, 0);
}

/* Validates text against a schema parsed once (md_xml_validate_schema); returns the status
 * and the rendered diagnostics. */
static md_status
run_with(const md_xml_schema *schema, const char *text, char **report)
{
    md_diags *d = md_diags_new();
    md_xml_doc *doc = NULL;
    md_status st = md_xml_read_memory("t.xml", text, strlen(text), d, &doc);
    if (st == MD_OK)
        st = md_xml_validate_schema(doc, schema, d);
    md_buf out = {0};
    md_diags_render(d, &out);
    *report = md_buf_take(&out);
    md_xml_free(doc);
    md_diags_free(d);
    return st;
}

/* One parsed schema validates many documents, each with the messages md_xml_validate gives. */
static void
test_schema_handle(void)
{
    md_diags *d = md_diags_new();
    md_xml_schema *schema = NULL;
    CHECK_INT(md_xml_schema_load(SCHEMA, d, &schema), MD_OK);
    CHECK_INT((int)md_diags_count(d, MD_DIAG_ERROR), 0);
    static const char *const docs[] = {
        HEAD AGENDA("") TAIL,
        HEAD "<agenda><bogus/></agenda>\n" TAIL,
        HEAD AGENDA("<action due=\"2024-13-01\">Ring</action>") TAIL,
        "<meeting date=\"2024-01-30\"/>",
        HEAD AGENDA("<p>Hej</p>") TAIL,
    };
    /* Twice over, so that a schema changed by a validation would show. */
    for (int round = 0; round < 2 && schema != NULL; round++) {
        for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
            char *once = NULL, *kept = NULL;
            md_diags *d1 = md_diags_new();
            md_xml_doc *doc = NULL;
            md_status want = md_xml_read_memory("t.xml", docs[i], strlen(docs[i]), d1, &doc);
            if (want == MD_OK)
                want = md_xml_validate(doc, SCHEMA, d1);
            md_buf out = {0};
            md_diags_render(d1, &out);
            once = md_buf_take(&out);
            md_xml_free(doc);
            md_diags_free(d1);
            CHECK_INT(run_with(schema, docs[i], &kept), want);
            CHECK_STR(kept, once);
            md_free(once);
            md_free(kept);
        }
    }
    /* The statuses themselves, so that the comparison above cannot pass on two wrong runs. */
    char *r = NULL;
    CHECK_INT(run_with(schema, docs[0], &r), MD_OK);
    CHECK_STR(r, "");
    md_free(r);
    CHECK_INT(run_with(schema, docs[1], &r), MD_EINPUT);
    CHECK(strstr(r, "t.xml:3: error: <bogus> is not allowed here inside <agenda>") != NULL);
    md_free(r);
    CHECK_INT(run_with(schema, docs[3], &r), MD_EINPUT);
    CHECK(strstr(r, "is not in the meeting namespace") != NULL);
    md_free(r);
    md_xml_schema_free(schema);
    md_xml_schema_free(NULL);

    /* A schema that is not there: MD_EIO, the file named. */
    md_xml_schema *none = NULL;
    CHECK_INT(md_xml_schema_load("tests/no-such-schema.rng", d, &none), MD_EIO);
    CHECK(none == NULL);
    md_buf out = {0};
    md_diags_render(d, &out);
    CHECK(out.data != NULL && strstr(out.data, "tests/no-such-schema.rng") != NULL);
    md_buf_free(&out);
    md_diags_free(d);

    /* Every allocation of the load can fail without a crash or a leak. */
    int bad = 0, done = 0;
    for (unsigned long k = 1; k < 100 && !done; k++) {
        md_diags *d2 = md_diags_new();
        md_xml_schema *s = NULL;
        if (d2 == NULL)
            continue;
        md_alloc_fail_at(k);
        md_status st = md_xml_schema_load(SCHEMA, d2, &s);
        md_alloc_fail_at(0);
        bad += st != MD_OK && st != MD_ENOMEM;
        done = st == MD_OK;
        md_xml_schema_free(s);
        md_diags_free(d2);
    }
    CHECK_INT(bad, 0);
    CHECK(done);
}

int
main(void)
{
    test_reading();
    test_lint();
    test_alloc_failures();
    test_schema_handle();
    return check_done();
}
