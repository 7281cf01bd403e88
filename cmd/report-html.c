/*
 * report-html: escaping text from the records into HTML, and reading
 * TIMEX3 date values as ranges of days for the timeline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "json.h"
#include "utf8.h"
#include "report-model.h"
#include "util.h"

/*
 * Writes s[0..n) as HTML text that is safe in an element and in a
 * double- or single-quoted attribute: markup characters become
 * references, and control characters and bytes that are not UTF-8
 * become U+FFFD, so nothing from a record can end an element or an
 * attribute or break the parser.
 */
void
html_put(FILE *fp, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;
	int k;

	while (i < n) {
		unsigned c = p[i];
		const char *rep = NULL;

		if (c >= 0x80) {
			k = utf8_seq(p + i, n - i);
			if (k == 0) {
				rep = "\xef\xbf\xbd";
				k = 1;
			} else if (k == 2 && c == 0xc2 && p[i + 1] < 0xa0) {
				rep = "\xef\xbf\xbd";	/* C1 controls */
			}
		} else {
			k = 1;
			switch (c) {
			case '&': rep = "&amp;"; break;
			case '<': rep = "&lt;"; break;
			case '>': rep = "&gt;"; break;
			case '"': rep = "&quot;"; break;
			case '\'': rep = "&#39;"; break;
			case '\t': case '\n': break;
			case '\r': rep = " "; break;
			default:
				if (c < 0x20 || c == 0x7f)
					rep = "\xef\xbf\xbd";
			}
		}
		if (rep) {
			if (run)
				fwrite(s + i - run, 1, run, fp);
			run = 0;
			fputs(rep, fp);
		} else {
			run += k;
		}
		i += k;
	}
	if (run)
		fwrite(s + i - run, 1, run, fp);
}

/* The length of s[0..n) cut to at most max bytes at a character's start. */
static size_t
cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

/* As html_put, cut to max bytes with an ellipsis. */
void
html_putmax(FILE *fp, const char *s, size_t n, size_t max)
{
	size_t m = cut(s, n, max);

	html_put(fp, s, m);
	if (m < n)
		fputs("\xe2\x80\xa6", fp);
}

/* A copy of s[0..n), cut to SAMPLE_BYTES with an ellipsis. */
char *
sample_dup(const char *s, size_t n)
{
	size_t m = cut(s, n, SAMPLE_BYTES);
	char *c = xmalloc(m + 4);

	memcpy(c, s, m);
	if (m < n)
		memcpy(c + m, "\xe2\x80\xa6", 3), m += 3;
	c[m] = '\0';
	return c;
}

static int
digits(const char *s, size_t n, size_t at, size_t k, long *v)
{
	size_t i;

	if (at + k > n)
		return -1;
	*v = 0;
	for (i = at; i < at + k; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

static int
mdays(long y, long m)
{
	static const int md[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return md[m - 1];
}

/*
 * The days a resolved TIMEX3 value covers: YYYY-MM-DD (and a time on
 * that day), YYYY-MM, YYYY-Www or YYYY.  Returns 0, or -1 for what the
 * timeline leaves out (durations, references, unknown years).
 */
int
date_range(const char *v, size_t n, long *d0, long *d1)
{
	long y, m, d, w;

	if (digits(v, n, 0, 4, &y) < 0 || y < 1000)
		return -1;
	if (n == 4) {
		*d0 = days_from_civil(y, 1, 1);
		*d1 = days_from_civil(y, 12, 31);
		return 0;
	}
	if (v[4] != '-')
		return -1;
	if (n == 8 && v[5] == 'W') {
		if (digits(v, n, 6, 2, &w) < 0 || w < 1 || w > 53)
			return -1;
		/* ISO week 1 holds January 4th; weeks start on Monday. */
		d = days_from_civil(y, 1, 4);
		d -= ((d % 7 + 7 + 3) % 7);	/* 1970-01-01 was a Thursday */
		*d0 = d + (w - 1) * 7;
		*d1 = *d0 + 6;
		return 0;
	}
	if (digits(v, n, 5, 2, &m) < 0 || m < 1 || m > 12)
		return -1;
	if (n == 7) {
		*d0 = days_from_civil(y, m, 1);
		*d1 = days_from_civil(y, m, mdays(y, m));
		return 0;
	}
	if (v[7] != '-' || digits(v, n, 8, 2, &d) < 0 || d < 1 || d > mdays(y, m))
		return -1;
	if (n != 10 && v[10] != 'T')
		return -1;
	*d0 = *d1 = days_from_civil(y, m, d);
	return 0;
}
