/* Completeness of a meeting against its seed: every sentence of the seed text (markdown
 * stripped, split at sentence ends, line breaks and table cells) must be in the text of the
 * meeting XML. A sentence or whole table row listed in the map (text, a tab, an XPath) is
 * checked by its XPath instead, for facts the XML carries as structure (dates, times,
 * roles); every map entry must match some seed sentence or row.
 * Usage: completeness SEED.txt MEETING.xml SEED.map */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "buf.h"
#include "check.h"

#define MEETING_NS "urn:motesdok:meeting:1"

/* The whole file at path (free), or NULL. */
static char *
slurp(const char *path)
{
    md_buf b = {0};
    if (md_buf_read_file(&b, path, (size_t)1 << 24) != MD_OK) {
        md_buf_free(&b);
        return NULL;
    }
    return md_buf_take(&b);
}

/* Folds white space (including no-break spaces) to one space and drops the punctuation that
 * markup and structure change: , . : ; ! ? ( ) " ” “ * */
static char *
normalise(const char *s)
{
    md_buf b = {0};
    int space = 1;
    for (const char *p = s; *p != '\0'; p++) {
        unsigned char c = (unsigned char)*p;
        int is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (strncmp(p, "\xC2\xA0", 2) == 0 || strncmp(p, "\xE2\x80\xAF", 3) == 0) {
            is_space = 1;
            p += c == 0xC2 ? 1 : 2;
        } else if (strncmp(p, "\xE2\x80\x9D", 3) == 0 || strncmp(p, "\xE2\x80\x9C", 3) == 0) {
            p += 2;
            continue;
        } else if (strchr(",.:;!?()\"*", c) != NULL) {
            continue;
        }
        if (is_space) {
            if (!space)
                md_buf_add(&b, " ", 1);
            space = 1;
        } else {
            md_buf_add(&b, p, 1);
            space = 0;
        }
    }
    while (b.len > 0 && b.data[b.len - 1] == ' ')
        b.data[--b.len] = '\0';
    return md_buf_take(&b);
}

/* Markdown as the seeds use it: headings, bullets, bold, links and autolinks. */
static void
strip_markdown(const char *line, md_buf *out)
{
    const char *p = line;
    while (*p == '#')
        p++;
    if (p[0] == '-' && p[1] == ' ')
        p += 2;
    while (*p != '\0') {
        if (*p == '*') {
            p++;
        } else if (*p == '[') {
            const char *close = strstr(p, "](");
            const char *end = close ? strchr(close, ')') : NULL;
            if (close == NULL || end == NULL) {
                md_buf_add(out, p++, 1);
                continue;
            }
            md_buf_add(out, p + 1, (size_t)(close - p - 1));
            md_buf_add(out, " ", 1);
            md_buf_add(out, close + 2, (size_t)(end - close - 2));
            p = end + 1;
        } else if (*p == '<' && strncmp(p, "<http", 5) == 0 && strchr(p, '>') != NULL) {
            const char *end = strchr(p, '>');
            md_buf_add(out, p + 1, (size_t)(end - p - 1));
            p = end + 1;
        } else {
            md_buf_add(out, p++, 1);
        }
    }
}

/* Inline elements join their text to the words around them; every other element
 * boundary separates words. */
static int
is_inline(const xmlChar *name)
{
    static const char *const inl[] = {"em",   "strong", "link", "personname", "amount",
                                      "date", "time",   "abbr", NULL};
    for (int i = 0; inl[i] != NULL; i++) {
        if (strcmp((const char *)name, inl[i]) == 0)
            return 1;
    }
    return 0;
}

static void
collect_text(xmlNodePtr n, md_buf *out)
{
    for (; n != NULL; n = n->next) {
        if (n->type == XML_TEXT_NODE && n->content != NULL) {
            md_buf_adds(out, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE) {
            int sep = !is_inline(n->name);
            if (sep)
                md_buf_add(out, " ", 1);
            collect_text(n->children, out);
            if (sep)
                md_buf_add(out, " ", 1);
        }
    }
}

typedef struct mapping {
    char *sentence; /* normalised */
    char *xpath;
    int is_used;
} mapping;

static int
xpath_true(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, (const xmlChar *)"m", (const xmlChar *)MEETING_NS);
    xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
    int v = r != NULL && xmlXPathCastToBoolean(r);
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return v;
}

/* True when words occurs in text as whole words: "Jerker Lindgren L" must not match the
 * start of "Jerker Lindgren Lasse". */
static int
contains_words(const char *text, const char *words)
{
    size_t n = strlen(words);
    for (const char *p = strstr(text, words); p != NULL; p = strstr(p + 1, words)) {
        if ((p == text || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
            return 1;
    }
    return 0;
}

/* True when the full stop at dot ends a Swedish abbreviation ("kl.", "t.ex.", "m.m."),
 * which ends no sentence. */
static int
is_abbreviation(const char *start, const char *dot)
{
    static const char *const abbr[] = {"kl",    "t.ex",   "m.m",   "bl.a", "ca",  "nr", "s.k",
                                       "o.s.v", "fr.o.m", "t.o.m", "resp", "jfr", NULL};
    const char *w = dot;
    while (w > start && w[-1] != ' ')
        w--;
    for (int i = 0; abbr[i] != NULL; i++) {
        size_t n = strlen(abbr[i]);
        if ((size_t)(dot - w) == n && strncasecmp(w, abbr[i], n) == 0)
            return 1;
    }
    return 0;
}

/* 0 when no map entry is for text; 1 when one is and its XPath holds; 2 when it fails. */
static int
lookup_map(mapping *maps, size_t nmaps, xmlDocPtr doc, const char *text, const char *mapname)
{
    for (size_t i = 0; i < nmaps; i++) {
        if (strcmp(maps[i].sentence, text) != 0)
            continue;
        maps[i].is_used = 1;
        if (xpath_true(doc, maps[i].xpath))
            return 1;
        printf("%s: map entry for \"%s\": XPath is false: %s\n", mapname, text, maps[i].xpath);
        return 2;
    }
    return 0;
}

int
main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: completeness SEED.txt MEETING.xml SEED.map\n");
        return 2;
    }
    char *seed = slurp(argv[1]);
    char *maptext = slurp(argv[3]);
    xmlDocPtr doc = xmlReadFile(argv[2], NULL, XML_PARSE_NONET);
    if (seed == NULL || maptext == NULL || doc == NULL) {
        fprintf(stderr, "completeness: cannot read %s, %s or %s\n", argv[1], argv[2], argv[3]);
        return 2;
    }
    md_buf xb = {0};
    collect_text(xmlDocGetRootElement(doc), &xb);
    char *xmltext = normalise(xb.data);

    mapping maps[256];
    size_t nmaps = 0;
    for (char *line = strtok(maptext, "\n"); line != NULL && nmaps < 256;
         line = strtok(NULL, "\n")) {
        /* The XPath follows the last tab; before it, a sentence or a whole table row. */
        char *tab = strrchr(line, '\t');
        if (line[0] == '#' || tab == NULL)
            continue;
        *tab = '\0';
        maps[nmaps].sentence = normalise(line);
        maps[nmaps].xpath = tab + 1;
        maps[nmaps].is_used = 0;
        nmaps++;
    }

    /* Sentences: split at line breaks and tabs, then after . ! ? followed by a space. */
    long lineno = 0;
    char *save = NULL;
    for (char *line = strtok_r(seed, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save)) {
        lineno++;
        md_buf stripped = {0};
        strip_markdown(line, &stripped);
        if (stripped.data == NULL)
            continue;
        /* "3. Arbetsgrupper": the number is the item's n, the title is text. */
        char *title = stripped.data;
        int num = 0;
        while (*title >= '0' && *title <= '9')
            num = num * 10 + (*title++ - '0');
        if (num > 0 && title[0] == '.' && title[1] == ' ') {
            char expr[64];
            snprintf(expr, sizeof expr, "boolean(/m:meeting/m:agenda/m:item[@n='%d'])", num);
            if (!xpath_true(doc, expr))
                printf("%s:%ld: no agenda item n=\"%d\"\n", argv[1], lineno, num);
            CHECK(xpath_true(doc, expr));
            memmove(stripped.data, title + 2, strlen(title + 2) + 1);
        }
        /* A table row that the map covers as a whole is one check. */
        if (strchr(stripped.data, '\t') != NULL) {
            char *row = normalise(stripped.data);
            int found = lookup_map(maps, nmaps, doc, row, argv[3]);
            if (found > 0)
                CHECK(found == 1);
            free(row);
            if (found > 0) {
                md_buf_free(&stripped);
                continue;
            }
        }
        char *cell_save = NULL;
        for (char *cell = strtok_r(stripped.data, "\t", &cell_save); cell != NULL;
             cell = strtok_r(NULL, "\t", &cell_save)) {
            char *start = cell;
            for (char *p = cell;; p++) {
                int end = *p == '\0' ||
                          ((*p == '.' || *p == '!' || *p == '?') && (p[1] == ' ' || p[1] == '\0'));
                if (!end || (*p == '.' && is_abbreviation(start, p)))
                    continue;
                char saved = p[*p ? 1 : 0];
                if (*p)
                    p[1] = '\0';
                char *sent = normalise(start);
                if (*p)
                    p[1] = saved;
                if (sent[0] != '\0') {
                    /* A sentence the map covers must satisfy its XPath even when the words
                     * also occur in the text (a name in a list and in a paragraph). */
                    int mapped = lookup_map(maps, nmaps, doc, sent, argv[3]);
                    int found = mapped == 1 || (mapped == 0 && contains_words(xmltext, sent));
                    if (!found)
                        printf("%s:%ld: sentence not in %s: \"%s\"\n", argv[1], lineno, argv[2],
                               sent);
                    CHECK(found);
                }
                free(sent);
                if (*p == '\0')
                    break;
                start = p + 1;
            }
        }
        md_buf_free(&stripped);
    }
    for (size_t i = 0; i < nmaps; i++) {
        if (!maps[i].is_used)
            printf("%s: map entry \"%s\" matches no seed sentence; remove it\n", argv[3],
                   maps[i].sentence);
        CHECK(maps[i].is_used);
        free(maps[i].sentence);
    }
    free(xmltext);
    md_buf_free(&xb);
    free(seed);
    free(maptext);
    xmlFreeDoc(doc);
    return check_done();
}
