/* civil: proleptic Gregorian dates as day numbers (H. Hinnant's algorithms). */
#ifndef LEDE_CIVIL_H
#define LEDE_CIVIL_H
#include <stddef.h>

/* Days since 1970-01-01 of year y, month m (1-12), day d. */
long days_from_civil(long y, unsigned m, unsigned d);
/* The date of day z since 1970-01-01. */
void civil_from_days(long z, long *y, unsigned *m, unsigned *d);
/* The days of month m (1-12) of year y. */
unsigned civil_mdays(long y, unsigned m);
/*
 * Does s[0..n) start with an ISO 8601 date, YYYY-MM-DD, that is a day
 * of the calendar?  1 if so, -1 if it has that shape but no such day is
 * (2025-02-30), 0 if it has not the shape.  A time after it (T or a
 * space, then HH:MM or HH:MM:SS, then what may follow: fractions, a
 * zone) must be a time of day too, else -1; a digit right after it
 * is -1; other text after it is allowed.
 */
int civil_iso(const char *s, size_t n);
/*
 * Is s[0..n) a date as it is given whole (lede-split's --date, the dct
 * of its --meta table): a date civil_iso takes, alone or with T or a
 * space after it?  1 or 0.
 */
int civil_date(const char *s, size_t n);
#endif
