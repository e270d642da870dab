/* Tests of date: validity, leap years, and weekdays checked against a printed calendar. */
#include "date.h"

#include "check.h"

int
main(void)
{
    md_date d;
    int shape;
    CHECK_INT(md_date_parse("2024-01-30", &d, &shape), 1);
    CHECK_INT(d.year * 10000 + d.month * 100 + d.day, 20240130);
    CHECK_INT(md_date_parse("2024-02-29", &d, &shape), 1);
    CHECK_INT(md_date_parse("2023-02-29", &d, &shape), 0);
    CHECK_INT(shape, 1);
    CHECK_INT(md_date_parse("2024-02-31", &d, &shape), 0);
    CHECK_INT(shape, 1);
    CHECK_INT(md_date_parse("1900-02-29", &d, &shape), 0);
    CHECK_INT(md_date_parse("2000-02-29", &d, &shape), 1);
    CHECK_INT(md_date_parse("30/1/2024", &d, &shape), 0);
    CHECK_INT(shape, 0);
    CHECK_INT(md_date_parse("2024-1-30", &d, &shape), 0);
    CHECK_INT(md_date_days_in_month(2024, 4), 30);
    CHECK_INT(md_date_days_in_month(2024, 13), 0);
    /* Tuesday 30 January 2024 and Wednesday 29 January 2020 (the seed meetings); Thursday
     * 1 January 1970; Saturday 1 January 2000. */
    CHECK_INT(md_date_weekday((md_date){2024, 1, 30}), 1);
    CHECK_INT(md_date_weekday((md_date){2020, 1, 29}), 2);
    CHECK_INT(md_date_weekday((md_date){1970, 1, 1}), 3);
    CHECK_INT(md_date_weekday((md_date){2000, 1, 1}), 5);
    CHECK_INT(md_date_weekday((md_date){2024, 3, 3}), 6);
    CHECK_INT(md_time_parse("16:00"), 960);
    CHECK_INT(md_time_parse("23:59"), 1439);
    CHECK_INT(md_time_parse("24:00"), -1);
    CHECK_INT(md_time_parse("16.00"), -1);
    CHECK_INT(md_time_parse("9:00"), -1);
    return check_done();
}
