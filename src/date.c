/* Gregorian calendar arithmetic (ISO 8601): validity, month lengths, weekdays. */
#include "date.h"

#include <string.h>

static int
is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
md_date_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

/* Reads n decimal digits at s; -1 when any is not a digit. */
static int
digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int
md_date_parse(const char *s, md_date *out, int *shape_ok)
{
    if (shape_ok != NULL)
        *shape_ok = 0;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 0 || m < 0 || d < 0)
        return 0;
    if (shape_ok != NULL)
        *shape_ok = 1;
    if (y < 1 || d < 1 || d > md_date_days_in_month(y, m))
        return 0;
    out->year = y;
    out->month = m;
    out->day = d;
    return 1;
}

int
md_date_weekday(md_date d)
{
    /* Sakamoto's method: 0 = Sunday; shifted so that 0 = Monday. */
    static const int t[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int y = d.year - (d.month < 3);
    int w = (y + y / 4 - y / 100 + y / 400 + t[d.month - 1] + d.day) % 7;
    return (w + 6) % 7;
}

int
md_time_parse(const char *s)
{
    if (strlen(s) != 5 || s[2] != ':')
        return -1;
    int h = digits(s, 2), m = digits(s + 3, 2);
    if (h < 0 || m < 0 || h > 23 || m > 59)
        return -1;
    return h * 60 + m;
}
