/* Line break opportunities: the Unicode Line Breaking Algorithm (UAX #14, as libunibreak 1.1
 * implements it, revision 30) with a Swedish tailoring for numbers, units, abbreviations,
 * e-mail addresses and URLs. Each tailoring is listed, with its reason, in brk.c. */
#ifndef MD_BRK_H
#define MD_BRK_H

#include <stddef.h>

/* What md_brk_find writes for each byte; the values are libunibreak's. */
enum {
    MD_BRK_MUST = 0,  /* A line must end after this character (UAX #14 LB4–LB6, end of text). */
    MD_BRK_ALLOW = 1, /* A line may end after this character. */
    MD_BRK_NO = 2,    /* A line may not end after this character. */
    MD_BRK_INSIDE = 3 /* Not the last byte of a multi-byte character. */
};

/* Writes len bytes to out: for the last byte of each character, whether a line may break
 * after it; MD_BRK_INSIDE for the other bytes of a multi-byte character. text is UTF-8 and
 * need not end in NUL; each invalid byte counts as one U+FFFD. The last character of text
 * gets MD_BRK_MUST (UAX #14 LB3). lang is a BCP 47 tag: the Swedish tailoring applies when
 * its primary subtag is "sv"; the one for e-mail addresses, URLs and number ranges always
 * applies; NULL means no language. Allocates nothing; cannot fail. */
void md_brk_find(const char *text, size_t len, const char *lang, char *out);

#endif
