/* pick-when: the days a date names, as days since 1970-01-01. */
#ifndef LEDE_PICK_WHEN_H
#define LEDE_PICK_WHEN_H
#include <stddef.h>

/*
 * The days [*lo, *hi] that a TIMEX3 date value, or a dct, spans: a day
 * (with any time after a 'T' or a space), month, year, decade ("199"),
 * century ("20"), week, weekend, quarter, half year or season.  0, or
 * -1 when it names no stretch of the calendar (PAST_REF, P1M, XXXX-11).
 */
int when_span(const char *v, size_t n, long *lo, long *hi);
/* The days of a --from or --to date, YYYY, YYYY-MM or YYYY-MM-DD; dies if it is none. */
void when_arg(const char *opt, const char *arg, long *lo, long *hi);
#endif
