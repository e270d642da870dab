/* Tests of brk: a few UAX #14 basics and every Swedish tailoring. The expected strings show
 * the text with '|' where a line may break and '!' where it must (the break after the last
 * character, always a must, is not shown). They come from UAX #14 and the Swedish rules that
 * brk.c cites, not from running brk. */
#include "brk.h"

#include "check.h"

/* The text with its break opportunities marked; static storage. */
static const char *
marked(const char *text, const char *lang)
{
    static char res[1024];
    char out[256];
    size_t len = strlen(text), k = 0;
    md_brk_find(text, len, lang, out);
    for (size_t i = 0; i < len && k + 2 < sizeof res; i++) {
        res[k++] = text[i];
        if (i + 1 < len && out[i] == MD_BRK_ALLOW)
            res[k++] = '|';
        else if (i + 1 < len && out[i] == MD_BRK_MUST)
            res[k++] = '!';
    }
    res[k] = '\0';
    return res;
}

#define CHECK_SV(text, want) CHECK_STR(marked(text, "sv"), want)

static void
test_uax14_basics(void)
{
    /* LB18: break after spaces; LB3: always a break at the end. */
    CHECK_SV("Hej på dig", "Hej |på |dig");
    /* LB5/LB6: a line feed is a mandatory break. */
    CHECK_SV("Nuläge\nPortföljen", "Nuläge\n!Portföljen");
    /* LB12: U+00A0 and U+202F (class GL) glue. */
    CHECK_SV("15\u00A0000\u00A0kr", "15\u00A0000\u00A0kr");
    CHECK_SV("10\u202F%", "10\u202F%");
    /* LB21: a break after a hyphen between words ("Karlsson-Andersson") is allowed, and the
     * explicit hyphen of a shared compound part keeps its break at the space after it. */
    CHECK_SV("Lotta Karlsson-Andersson", "Lotta |Karlsson-|Andersson");
    CHECK_SV("Gymnasie- och arbetsmarknadsförvaltningen",
             "Gymnasie- |och |arbetsmarknadsförvaltningen");
    /* LB25: no break inside a number or a hyphenated year range. */
    CHECK_SV("2024-2027 och 17:30", "2024-2027 |och |17:30");
    /* LB13/LB29: no break before or after the full stops of "t.ex." in any language. */
    CHECK_STR(marked("t.ex. nu", "en"), "t.ex. |nu");
}

static void
test_bytes(void)
{
    char out[8];
    /* Å is two bytes: the first is MD_BRK_INSIDE, the last carries the answer. */
    md_brk_find("Å ö", strlen("Å ö"), "sv", out);
    CHECK_INT(out[0], MD_BRK_INSIDE);
    CHECK_INT(out[1], MD_BRK_NO);
    CHECK_INT(out[2], MD_BRK_ALLOW);
    CHECK_INT(out[3], MD_BRK_INSIDE);
    CHECK_INT(out[4], MD_BRK_MUST);
    /* A Latin-1 0xE5 ("å") is one invalid byte, one U+FFFD: it must not swallow " b". */
    md_brk_find("a\xE5 b", 4, "sv", out);
    CHECK_INT(out[1], MD_BRK_NO);
    CHECK_INT(out[2], MD_BRK_ALLOW);
    CHECK_INT(out[3], MD_BRK_MUST);
    /* A sequence cut short at the end: two U+FFFD, the last a must. */
    md_brk_find("ab\xE2\x80", 4, "sv", out);
    CHECK_INT(out[2], MD_BRK_NO);
    CHECK_INT(out[3], MD_BRK_MUST);
    /* U+FFFF is libunibreak's end mark; in the text it must not end the text early. */
    md_brk_find("a\xEF\xBF\xBF b", 6, "sv", out);
    CHECK_INT(out[1], MD_BRK_INSIDE);
    CHECK_INT(out[4], MD_BRK_ALLOW);
    CHECK_INT(out[5], MD_BRK_MUST);
    /* Nothing to do for an empty text. */
    out[0] = 'x';
    md_brk_find("", 0, "sv", out);
    CHECK_INT(out[0], 'x');
}

static void
test_ranges(void)
{
    CHECK_SV("kl. 16.00–18.00 i salen", "kl. 16.00–18.00 |i |salen");
    CHECK_SV("2024–2027", "2024–2027");
    CHECK_SV("Kl. 16-18", "Kl. 16-18");
    CHECK_SV("§ 3\u20105", "§ 3\u20105");
    /* Between words the en dash keeps its break (UAX #14 class BA). */
    CHECK_SV("januari–mars", "januari–|mars");
    /* The range rule holds in any language; the Swedish rules do not. */
    CHECK_STR(marked("kl. 16.00–18.00", "en"), "kl. |16.00–18.00");
    CHECK_STR(marked("16.00–18.00", NULL), "16.00–18.00");
}

static void
test_abbreviations(void)
{
    CHECK_SV("t.ex. detta", "t.ex. |detta");
    CHECK_SV("T. ex. detta", "T. ex. |detta");
    CHECK_SV("vilket man t ex kan göra", "vilket |man |t ex |kan |göra");
    CHECK_SV("bl. a. med", "bl. a. |med");
    CHECK_SV("uppdrag m. m. som", "uppdrag |m. m. |som");
    CHECK_SV("o. s. v. till", "o. s. v. |till");
    CHECK_SV("d. v. s. alla", "d. v. s. |alla");
    CHECK_SV("p. g. a. det", "p. g. a. |det");
    CHECK_SV("en s. k. portfölj", "en |s. k. |portfölj");
    CHECK_SV("t. o. m. 31 mars", "t. o. m. 31 mars");
    CHECK_SV("fr. o. m. den 1 mars 2024", "fr. o. m. |den |1 mars |2024");
    CHECK_SV("fr.o.m. 2024", "fr.o.m. 2024");
    /* "kl." keeps its time, with or without its period; not a word that only ends so. */
    CHECK_SV("möte kl. 16.00 i dag", "möte |kl. 16.00 |i |dag");
    CHECK_SV("Drop-in från kl 17 och", "Drop-|in |från |kl 17 |och");
    CHECK_SV("kl. åtta", "kl. |åtta");
    CHECK_SV("enkl. 16", "enkl. |16");
    CHECK_SV("ärende nr 5 och", "ärende |nr 5 |och");
    CHECK_SV("§ 12 Val av justerare", "§ 12 |Val |av |justerare");
    /* A hard line break stays. */
    CHECK_SV("kl.\n16", "kl.\n!16");
}

static void
test_numbers(void)
{
    CHECK_SV("Kostnad: 15 000 kr per år", "Kostnad: |15 000 kr |per |år");
    CHECK_SV("1 250 000 kronor", "1 250 000 kronor");
    CHECK_SV("10 % av alla", "10 % |av |alla");
    CHECK_SV("5 st stolar", "5 st |stolar");
    CHECK_SV("enligt 2 kap. 5 § kommunallagen", "enligt |2 |kap. |5 § |kommunallagen");
    CHECK_SV("Frivilligdagen 5 december.", "Frivilligdagen |5 december.");
    /* A number before an ordinary word, or a year before a number, keeps its break. */
    CHECK_SV("Grupp 4 pratade", "Grupp |4 |pratade");
    CHECK_SV("år 2024 1000 deltagare", "år |2024 |1000 |deltagare");
    CHECK_SV("8 av 9 partier", "8 |av |9 |partier");
    /* "16.00 100" is a time and a number, not a thousands group. */
    CHECK_SV("kl. 16.00 100 deltagare", "kl. 16.00 |100 |deltagare");
    /* Not Swedish: no tailoring of the space. */
    CHECK_STR(marked("15 000 kr", "en"), "15 |000 |kr");
}

static void
test_dashes(void)
{
    /* A spaced dash (tankstreck) stays with the word before it, never starts a line. */
    CHECK_SV("arbetsätt är – i ett första steg – att",
             "arbetsätt |är – |i |ett |första |steg – |att");
    CHECK_SV("Portföljstyrning — en handbok", "Portföljstyrning — |en |handbok");
    CHECK_SV("steg –", "steg –");
    /* A dash with no space after it is no tankstreck: the space before it may break. */
    CHECK_SV("ordet –x", "ordet |–|x");
}

static void
test_one_letter_prefix(void)
{
    CHECK_SV("C-nätet och e-post", "C-nätet |och |e-post");
    CHECK_SV("A-kassan", "A-kassan");
    /* Two letters before the hyphen: an ordinary compound hyphen, free to break. */
    CHECK_SV("RF-SISU ESF-projekt", "RF-|SISU |ESF-|projekt");
}

static void
test_mail_and_urls(void)
{
    CHECK_SV("skriv till anna-karin.berg@orebro.se eller ring",
             "skriv |till |anna-karin.berg@orebro.se |eller |ring");
    CHECK_SV("(anna.fogel@orebro.se).", "(anna.fogel@orebro.se).");
    CHECK_SV("<https://www.orebro.se/fordjupning/delaktighet--inflytande/omradesgrupper.html>",
             "<https://www.orebro.se/|fordjupning/|delaktighet--inflytande/|omradesgrupper.html>");
    CHECK_SV("se www.orebro.se/civilasamhallet.", "se |www.orebro.se/|civilasamhallet.");
    /* After '/' even before a digit, which UAX #14 forbids; not after a final '/'. */
    CHECK_SV("på www.orebro.se/2024/möten", "på |www.orebro.se/|2024/|möten");
    CHECK_SV("https://orebro.se/ och", "https://orebro.se/ |och");
    /* The URL rules hold in every language; a path with 23/24 that is no URL is left alone. */
    CHECK_STR(marked("http://x.se/a-b/c", "en"), "http://x.se/|a-b/|c");
    CHECK_SV("årsskiftet 23/24.", "årsskiftet |23/24.");
    CHECK_SV("ingång/sluss/länk", "ingång/|sluss/|länk");
}

int
main(void)
{
    test_uax14_basics();
    test_bytes();
    test_ranges();
    test_abbreviations();
    test_numbers();
    test_dashes();
    test_one_letter_prefix();
    test_mail_and_urls();
    return check_done();
}
