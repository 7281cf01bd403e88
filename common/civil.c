#include "civil.h"

long
days_from_civil(long y, unsigned m, unsigned d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * ((long)m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

unsigned
civil_mdays(long y, unsigned m)
{
	static const unsigned char md[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return md[m - 1];
}

/* The number of w digits at s[i], or -1 if they are not all there. */
static long
num(const char *s, size_t n, size_t i, size_t w)
{
	long v = 0;

	for (; w > 0; w--, i++) {
		if (i >= n || s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
civil_iso(const char *s, size_t n)
{
	long y = num(s, n, 0, 4), m = num(s, n, 5, 2), d = num(s, n, 8, 2), h, mi;

	if (y < 0 || m < 0 || d < 0 || s[4] != '-' || s[7] != '-')
		return 0;
	if (m < 1 || m > 12 || d < 1 || (unsigned long)d > civil_mdays(y, (unsigned)m))
		return -1;
	if (n == 10)
		return 1;
	if (s[10] >= '0' && s[10] <= '9')
		return -1;
	if (s[10] != 'T' && (s[10] != ' ' || n < 12 || s[11] < '0' || s[11] > '9'))
		return 1;
	h = num(s, n, 11, 2);
	mi = n > 13 && s[13] == ':' ? num(s, n, 14, 2) : -1;
	if (h < 0 || h > 24 || mi < 0 || mi > 59 || (h == 24 && mi > 0))
		return -1;
	if (n > 16 && s[16] == ':' && (num(s, n, 17, 2) < 0 || num(s, n, 17, 2) > 60))
		return -1;
	return 1;
}

int
civil_date(const char *s, size_t n)
{
	return civil_iso(s, n) > 0 && (n == 10 || s[10] == 'T' || s[10] == ' ');
}
