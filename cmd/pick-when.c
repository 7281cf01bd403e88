/*
 * pick-when: the stretch of days that a date names, for --from, --to
 * and the dates of a record.
 */
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "pick-when.h"
#include "util.h"

static int
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static long
month_end(long y, unsigned m)
{
	return m == 12 ? days_from_civil(y + 1, 1, 1) - 1 : days_from_civil(y, m + 1, 1) - 1;
}

/* The Monday of ISO week 1 of year y: the week that holds 4 January. */
static long
week1(long y)
{
	long z = days_from_civil(y, 1, 4);

	return z - ((z % 7 + 7 + 3) % 7);	/* 1970-01-01 was a Thursday */
}

/*
 * The days [*lo, *hi] of week-based value v (after "YYYY-W"): "46",
 * "46-3" (Wednesday), "46-WE" (the weekend).  0, or -1.
 */
static int
iso_week(long y, const char *v, size_t n, long *lo, long *hi)
{
	long w, mon;

	if (n < 2 || !digits(v, 2) || (n > 2 && v[2] != '-'))
		return -1;
	w = (v[0] - '0') * 10 + (v[1] - '0');
	mon = week1(y) + 7 * (w - 1);
	if (w < 1 || mon >= week1(y + 1))
		return -1;
	if (n == 2) {
		*lo = mon, *hi = mon + 6;
	} else if (n == 4 && v[3] >= '1' && v[3] <= '7') {
		*lo = *hi = mon + (v[3] - '1');
	} else if (n == 5 && v[3] == 'W' && v[4] == 'E') {
		*lo = mon + 5, *hi = mon + 6;
	} else
		return -1;
	return 0;
}

/* Seasons are the meteorological ones of the north: SP from March, WI from December. */
int
when_span(const char *v, size_t n, long *lo, long *hi)
{
	static const char seasons[] = "SPSUFAWI";	/* from March, June, ... */
	const char *p;
	long y, m, d;

	if (n == 2 && digits(v, 2)) {
		y = strtol(v, NULL, 10) * 100;
		*lo = days_from_civil(y, 1, 1), *hi = days_from_civil(y + 100, 1, 1) - 1;
		return 0;
	}
	if (n == 3 && digits(v, 3)) {
		y = strtol(v, NULL, 10) * 10;
		*lo = days_from_civil(y, 1, 1), *hi = days_from_civil(y + 10, 1, 1) - 1;
		return 0;
	}
	if (n < 4 || !digits(v, 4) || (n > 4 && v[4] != '-'))
		return -1;
	y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
	if (n == 4) {
		*lo = days_from_civil(y, 1, 1), *hi = days_from_civil(y, 12, 31);
		return 0;
	}
	v += 5, n -= 5;
	if (n >= 2 && v[0] == 'W' && v[1] >= '0' && v[1] <= '9')
		return iso_week(y, v + 1, n - 1, lo, hi);
	if (n == 2 && (v[0] == 'Q' || v[0] == 'H') && v[1] >= '1' &&
	    v[1] <= (v[0] == 'Q' ? '4' : '2')) {
		m = v[0] == 'Q' ? 3 * (v[1] - '1') + 1 : 6 * (v[1] - '1') + 1;
		*lo = days_from_civil(y, (unsigned)m, 1);
		*hi = month_end(y, (unsigned)m + (v[0] == 'Q' ? 2 : 5));
		return 0;
	}
	if (n == 2 && v[0] >= 'A' && v[0] <= 'Z') {
		for (p = seasons; *p && !(p[0] == v[0] && p[1] == v[1]); p += 2)
			;
		if (!*p)
			return -1;
		m = 3 * ((p - seasons) / 2) + 3;	/* 3, 6, 9, 12 */
		*lo = days_from_civil(y, (unsigned)m, 1);
		*hi = m == 12 ? month_end(y + 1, 2) : month_end(y, (unsigned)m + 2);
		return 0;
	}
	if (n < 2 || !digits(v, 2) || (m = (v[0] - '0') * 10 + (v[1] - '0')) < 1 || m > 12)
		return -1;
	if (n == 2) {
		*lo = days_from_civil(y, (unsigned)m, 1), *hi = month_end(y, (unsigned)m);
		return 0;
	}
	if (n < 5 || v[2] != '-' || !digits(v + 3, 2) ||
	    (n > 5 && v[5] != 'T' && v[5] != ' '))
		return -1;
	d = (v[3] - '0') * 10 + (v[4] - '0');
	*lo = *hi = days_from_civil(y, (unsigned)m, (unsigned)d);
	return d >= 1 && *lo <= month_end(y, (unsigned)m) ? 0 : -1;
}

/* --from and --to: YYYY, YYYY-MM or YYYY-MM-DD. */
void
when_arg(const char *opt, const char *arg, long *lo, long *hi)
{
	size_t n = strlen(arg);

	if ((n != 4 && n != 7 && n != 10) || (n > 4 && !digits(arg + 5, 2)) ||
	    (n > 7 && arg[7] != '-') || when_span(arg, n, lo, hi) < 0)
		die(EX_ERR, "%s: not a date (YYYY, YYYY-MM or YYYY-MM-DD): %s", opt, arg);
}
