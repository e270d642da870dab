/* Calendar arithmetic on proleptic Gregorian dates (ISO 8601) for checks and feeds. */
#ifndef MD_DATE_H
#define MD_DATE_H

#include "base.h"

typedef struct md_date {
    int year;  /* 1..9999 */
    int month; /* 1..12 */
    int day;   /* 1..31 */
} md_date;

/* Parses exactly "YYYY-MM-DD" (no time, no zone). Returns 1 and sets *out when the text
 * has that form and the day exists, 0 otherwise; *shape_ok says whether the form was right
 * (so "2024-02-31" has the right shape but no such day). shape_ok may be NULL. */
int md_date_parse(const char *s, md_date *out, int *shape_ok);
/* Days in the month (28..31); 0 for a month outside 1..12. */
int md_date_days_in_month(int year, int month);
/* Day of the week, 0 = Monday .. 6 = Sunday (ISO 8601). */
int md_date_weekday(md_date d);
/* Parses "HH:MM" (24-hour, 00:00..23:59) into minutes since midnight; -1 when invalid. */
int md_time_parse(const char *s);

#endif
