/* Swedish hyphenation: Liang's patterns through libhyphen (Debian's hyph_sv_SE.dic, ISO
 * 8859-1), corrected by the project's exception list (xml/hyphenation/sv-exceptions.txt),
 * with the Swedish rules on top: no part of one letter, no hyphenation of abbreviations.
 * The rules and the corrected words are described in docs/hyphenation.md. */
#ifndef MD_HYPH_H
#define MD_HYPH_H

#include <stddef.h>

#include "base.h"
#include "diag.h"

typedef struct md_hyph md_hyph;

/* Longest word md_hyph_word hyphenates, in characters; a longer one gets no points. */
#define MD_HYPH_MAX_WORD 128
/* Largest exception list md_hyph_load reads, in bytes (more gives MD_ELIMIT). */
#define MD_HYPH_MAX_EXCEPTIONS (1024L * 1024L)

/* Loads the patterns (a libhyphen .dic in ISO 8859-1) and the exception list (UTF-8, one
 * word a line with its points marked by '-'; NULL for none). On MD_OK *out is the caller's
 * (md_hyph_free). MD_EIO: a file cannot be read; MD_EINPUT: a bad line in the exception list
 * (every one is in d as file:line:col) or patterns that are not ISO 8859-1; MD_ELIMIT: an
 * exception list over MD_HYPH_MAX_EXCEPTIONS. */
md_status md_hyph_load(const char *patterns, const char *exceptions, md_diags *d, md_hyph **out);
/* Releases h; NULL is fine. */
void md_hyph_free(md_hyph *h);
/* Whether h's patterns came from the table built into the program (mk/perf.mk): the states
 * libhyphen builds from Debian's hyph_sv_SE.dic, used when the file read has exactly the
 * bytes the table was made from; any other file goes through libhyphen's loader. */
int md_hyph_is_table(const md_hyph *h);

/* Hyphenation points of one word (UTF-8, len bytes): out[i] = 1 when a hyphen may be set
 * after byte i (always the last byte of a character), else 0. Writes len bytes.
 *   A valid word with a soft hyphen (U+00AD) gets exactly its soft hyphens' points: after the
 *   character before each, when a character other than U+00AD follows.
 *   No points: invalid UTF-8; a character that is not a letter of Latin-1 (digits, '@', '/',
 *   ':', '.', Cyrillic); all capitals ("ÖSB"); fewer than 5 letters; over MD_HYPH_MAX_WORD.
 *   A word in the exception list (compared in lower case) gets the list's points.
 *   Any other word gets the patterns' points, at least 2 letters from either end.
 * MD_EBUG when libhyphen reports a failure, which it cannot with ISO 8859-1 patterns; out
 * is then untouched. h is only read, so threads may share it. */
md_status md_hyph_word(const md_hyph *h, const char *word, size_t len, char *out);

#endif
