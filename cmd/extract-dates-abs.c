/*
 * extract-dates-abs: absolute dates: month and day names, numeric
 * dates, years, decades, quarters, seasons, holidays.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-dates-int.h"

/* The year of a month (and day) given without one. */
static int
yearfor(const struct dates_scan *sc, size_t i, int mo, int d)
{
	const struct dates_ref *r = sc->ref;
	int ahead;

	if (!r->have)
		return -1;
	if (d <= 0)
		d = 1;
	ahead = mo * 32 + d - (r->m * 32 + r->d);
	if (ahead <= 0)
		return (r->m - mo > 2 && forward(sc, i)) ? r->y + 1 : r->y;
	if (ahead <= 64 || forward(sc, i))
		return r->y;
	return r->y - 1;
}

/*
 * The year of a day given with its weekday but no year ("Tuesday, 10
 * January"): the one of y - 1, y, y + 1 where the weekday agrees, y first.
 */
static int
wdyear(int y, int mo, int d, int wd)
{
	int k;
	static const int try[] = { 0, -1, 1 };

	if (wd < 1 || y < 1)
		return y;
	for (k = 0; k < 3; k++)
		if (okday(y + try[k], mo, d) && wday(dfc(y + try[k], mo, d)) == wd)
			return y + try[k];
	return y;
}

/* A month name at i, with its abbreviation point; the end or 0. */
static size_t
pmonth(const struct dates_scan *sc, size_t i, int *mo, int strong)
{
	const struct tok *t;

	if (!has(sc, i, C_MONTHS))
		return 0;
	t = TK(i);
	if (has(sc, i, C_MONTH_AMB) && !strong && !t->cap)
		return 0;
	if (t->lx->abbr && !t->cap && !strong)
		return 0;
	*mo = ivl(sc, i, C_MONTHS);
	if (t->lx->abbr && ispc(sc, i + 1, '.') && att(sc, i + 1))
		return i + 2;
	return i + 1;
}

/* A day of the month: 13, 13th, thirteenth, twenty-fourth. */
size_t
pday(const struct dates_scan *sc, size_t i, int *d, int *ord)
{
	*ord = 0;
	if (isnum(sc, i)) {
		if (TK(i)->nd > 2 || TK(i)->num < 1 || TK(i)->num > 31)
			return 0;
		/* the end of a range of days, "22-23 Feb", is a day */
		if (inbig(sc, i) && !(i >= 2 && ispc(sc, i - 1, '-') && isnum(sc, i - 2) &&
		    TK(i - 2)->nd <= 2 && TK(i - 2)->num < TK(i)->num && has(sc, i + 1, C_MONTHS) &&
		    !(i >= 4 && att(sc, i - 2) && TK(i - 3)->kind == TP && isnum(sc, i - 4))))
			return 0;
		*d = (int)TK(i)->num;
		if (has(sc, i + 1, C_ORDSUF) && att(sc, i + 1)) {
			*ord = 1;
			return i + 2;
		}
		if (isword(sc, i + 1) && att(sc, i + 1) && !has(sc, i + 1, C_MONTHS))
			return 0;
		return i + 1;
	}
	if (has(sc, i, C_ORDINALS)) {
		*d = ivl(sc, i, C_ORDINALS);
		*ord = 1;
		return i + 1;
	}
	if (has(sc, i, C_NUMBERS) && ivl(sc, i, C_NUMBERS) >= 20 && ivl(sc, i, C_NUMBERS) <= 30) {
		size_t j = i + 1;
		if (ispc(sc, j, '-'))
			j++;
		if (has(sc, j, C_ORDINALS) && ivl(sc, j, C_ORDINALS) < 10) {
			*d = ivl(sc, i, C_NUMBERS) + ivl(sc, j, C_ORDINALS);
			*ord = 1;
			return *d <= 31 ? j + 1 : 0;
		}
	}
	return 0;
}

static int yrange(const struct dates_scan *, size_t);

/* A number in words of 1 to 99 at i (no digits, no "a few"): its end, or 0. */
static size_t
wordnum(const struct dates_scan *sc, size_t i, int *n)
{
	size_t e;
	double v;
	int x;

	if (!isword(sc, i) || has(sc, i, C_INDEF) || !(e = pnum(sc, i, &v, &x)) || x ||
	    v < 1 || v > 99)
		return 0;
	*n = (int)v;
	return e;
}

/*
 * A year in words at i: nineteen eighty-four, nineteen oh five,
 * nineteen hundred (and five), twenty twenty-five, two thousand (and)
 * five; not before a count's noun ("nineteen hundred homes").  Its end,
 * or 0.
 */
static size_t
spyear(const struct dates_scan *sc, size_t i, int *y)
{
	size_t e, k;
	int c, n;

	if (!has(sc, i, C_NUMBERS))
		return 0;
	if (has(sc, i, C_YEAR_HEAD) && (c = ivl(sc, i, C_YEAR_HEAD)) <= 20) {
		if (has(sc, i + 1, C_OH) && (e = wordnum(sc, i + 2, &n)) && n <= 9)
			*y = c * 100 + n;
		else if (has(sc, i + 1, C_NUMBERS) && ivl(sc, i + 1, C_NUMBERS) == 100) {
			*y = c * 100, e = i + 2;
			if (has(sc, e, C_AND) && (k = wordnum(sc, e + 1, &n)))
				*y += n, e = k;
		} else if ((e = wordnum(sc, i + 1, &n)) && n >= 10)
			*y = c * 100 + n;
		else
			return 0;
	} else if (ivl(sc, i, C_NUMBERS) == 2 && has(sc, i + 1, C_YEAR_HEAD) &&
	    ivl(sc, i + 1, C_YEAR_HEAD) == 1000) {
		*y = 2000, e = i + 2;
		if ((k = wordnum(sc, e + has(sc, e, C_AND), &n)))
			*y += n, e = k;
	} else
		return 0;
	if (has(sc, e, C_NOT_AFTER) || has(sc, e, C_UNITS) || has(sc, e, C_UNITS_PL) ||
	    has(sc, e, C_AGE) || ispc(sc, e, '-'))
		return 0;
	return e;
}

/* A year in a date: 2025, '96, 96 (two digits only when weak is set), 345 BC. */
size_t
pyear(const struct dates_scan *sc, size_t i, int *y, int two)
{
	size_t j = i;

	if (ispc(sc, j, '\'') && isnum(sc, j + 1) && TK(j + 1)->nd == 2 && att(sc, j + 1))
		j++, two = 1;
	if (!isnum(sc, j))
		return j == i && isword(sc, j) ? spyear(sc, j, y) : 0;	/* nineteen ninety */
	if (inbig(sc, j) && !yrange(sc, j))
		return 0;
	if (att(sc, j + 1) && isword(sc, j + 1) && !has(sc, j + 1, C_ERAS))
		return 0;
	if (TK(j)->nd <= 4 && has(sc, j + 1, C_ERAS) && TK(j)->nd != 4) {
		*y = (int)TK(j)->num;
	} else if (TK(j)->nd == 4)
		*y = (int)TK(j)->num;
	else if (TK(j)->nd == 2 && two && !ispc(sc, j + 1, ':') && !ispc(sc, j + 1, '.') &&
	    !has(sc, j + 1, C_MERIDIEM) && !phr(sc, C_OCLOCK, j + 1, NULL, NULL) &&
	    !has(sc, j + 1, C_MER_LETTERS)) {
		*y = (int)TK(j)->num;
		*y += *y < 50 ? 2000 : 1900;
	} else if (TK(j)->nd <= 4 && has(sc, j + 1, C_ERAS)) {
		*y = (int)TK(j)->num;
	} else
		return 0;
	j++;
	if (has(sc, j, C_ERAS)) {
		if (ivl(sc, j, C_ERAS) < 0)
			*y = -*y;
		j++;
	} else if (has(sc, j, C_ERA_SHIFT) && TK(j)->cap == 2 && TK(j - 1)->nd == 4) {
		*y += ivl(sc, j, C_ERA_SHIFT);	/* 2555 BE (Buddhist era) is 2012 */
		j++;
	}
	if (isnum(sc, j) && !TK(j)->sp)
		return 0;
	return j;
}

int
notcount(const struct dates_scan *sc, size_t j)
{
	return !(has(sc, j, C_NOT_AFTER) || has(sc, j, C_UNITS) || has(sc, j, C_UNITS_PL));
}

/* "last year", "this year", "next year" right after a month: the year, and the end. */
static size_t
relyear(const struct dates_scan *sc, size_t j, int *y)
{
	if (!has(sc, j, C_RELATIVE) || !has(sc, j + 1, C_UNITS) || has(sc, j + 1, C_UNITS_ATT) ||
	    ivl(sc, j + 1, C_UNITS) != U_Y || has(sc, j, C_REL_POINT))
		return 0;
	*y = sc->ref->have ? sc->ref->y + ivl(sc, j, C_RELATIVE) : -1;
	return j + 2;
}

/*
 * After "month day" (i its start, k after the day): a range of days
 * whose end carries the year, "August 10 - 22, 2012", or a time and the
 * year, "Oct 26 - 28, 11:00:09 2023".  1: m is the start's day, -1: no
 * date at all, 0: no such range.
 */
static int
mdy_range(struct dates_scan *sc, size_t i, size_t k, int mo, int d, struct tx *m)
{
	size_t k2;
	int d2, o2, y;

	/* "August 10 - 22, 2012": the year after the range */
	if (has(sc, k, C_TO) && (k2 = pday(sc, k + 1, &d2, &o2)) && d2 > d &&
	    ispc(sc, k2, ',') && isnum(sc, k2 + 1) && TK(k2 + 1)->nd == 4 &&
	    pyear(sc, k2 + 1, &y, 0)) {
		if (!okday(y, mo, d))
			return -1;
		settx(m, i, k, TY_DATE, "");
		dayval(sc, m->val, y, mo, d);
		m->dayp = 1;
		return 1;
	}
	/* "Oct 26 - 28, 11:00:09 2023": the time and the year after the range */
	if (has(sc, k, C_TO) && (k2 = pday(sc, k + 1, &d2, &o2)) && d2 > d &&
	    ispc(sc, k2, ',')) {
		struct tx t;
		size_t k3;
		if (r_time(sc, k2 + 1, &t) && t.istime && (k3 = t.t1) &&
		    isnum(sc, k3) && TK(k3)->nd == 4 && pyear(sc, k3, &y, 0) == k3 + 1 &&
		    !isnum(sc, k3 + 1) && okday(y, mo, d)) {
			char day[16];
			settx(m, i, k3 + 1, TY_TIME, "");
			dayval(sc, day, y, mo, d);
			timeval(m->val, day, t.h, t.mi, t.s, t.hs);
			return 1;
		}
	}
	return 0;
}

/*
 * A month alone, at i, e after it: a date only where the month cannot
 * be another word ("may", "March"): capitalized, not in a name, after
 * a word that takes a date ("in May") for the ambiguous ones.
 */
static int
mdy_alone(struct dates_scan *sc, size_t i, size_t e, int mo, struct tx *m)
{
	size_t k;
	int y;
	char *p;

	if (has(sc, i, C_MONTH_AMB) || TK(i)->lx->abbr) {
		/* the whole text ("May", a heading) cannot be the verb */
		if (!(i > 0 && (has(sc, i - 1, C_YEAR_BEFORE) || has(sc, i - 1, C_MODIFIERS) ||
		    has(sc, i - 1, C_RELATIVE) || has(sc, i - 1, C_IN))) &&
		    !(i > 1 && ispc(sc, i - 1, '-') && att(sc, i) && has(sc, i - 2, C_MODIFIERS)) &&
		    !(i == 0 && TK(i)->cap && (e == sc->nt || (e + 1 == sc->nt &&
		    TK(e)->kind == TP && strchr(".:", TK(e)->ch)))))
			return 0;
		if (i > 0 && has(sc, i - 1, C_MONTH_NOT_AFTER))
			return 0;
	}
	if (!TK(i)->cap)
		return 0;
	if (i > 0 && isword(sc, i - 1) && TK(i - 1)->cap && !sentstart(sc, i - 1) &&
	    !has(sc, i - 1, C_YEAR_BEFORE) && !has(sc, i - 1, C_MODIFIERS) &&
	    !has(sc, i - 1, C_RELATIVE) && !has(sc, i - 1, C_IN))
		return 0;
	if (isword(sc, e) && TK(e)->cap && !has(sc, e, C_MONTHS) && !has(sc, e, C_WEEKDAYS) &&
	    !has(sc, e, C_RELATIVE))
		return 0;
	if ((k = relyear(sc, e, &y)))
		e = k;
	else
		y = yearfor(sc, i, mo, 0);
	settx(m, i, e, TY_DATE, "");
	if (y >= 0)
		p = putnd(m->val, y, 4);
	else
		memcpy(m->val, "XXXX", 4), p = m->val + 4;
	*p++ = '-';
	putnd(p, mo, 2);
	return 1;
}

/* [weekday [,]] month [.] [,] [day] [,] [year] */
int
r_mdy(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k, e;
	int mo, d = 0, y = -1, ord, wd = 0, strong, r;

	if (has(sc, j, C_WEEKDAYS) && (TK(j)->cap || !TK(j)->lx->abbr)) {
		wd = ivl(sc, j, C_WEEKDAYS);
		j++;
		if (TK(j - 1)->lx->abbr && ispc(sc, j, '.'))
			j++;
		if (ispc(sc, j, ','))
			j++;
	}
	strong = 0;
	if (!has(sc, j, C_MONTHS))
		return 0;
	/* strong context: a day or year after the month */
	k = j + 1;
	if (ispc(sc, k, '.'))
		k++;
	if (ispc(sc, k, ',') || ((ispc(sc, k, '-') || ispc(sc, k, '/')) && att(sc, k)))
		k++;
	if (isnum(sc, k) && notcount(sc, k + 1))
		strong = 1;
	if (!(e = pmonth(sc, j, &mo, strong || wd)))
		return 0;
	j = e;
	if (ispc(sc, j, ',') && isnum(sc, j + 1))
		j++;
	/* "May 5:30" is a clock; "Tuesday, May 5: the vote" a heading */
	if ((k = pday(sc, j, &d, &ord)) && notcount(sc, k) &&
	    !(ispc(sc, k, ':') && isnum(sc, k + 1) && att(sc, k + 1)) &&
	    !(isnum(sc, j) && TK(j)->nd == 2 && !ord && ispc(sc, k, ',') == 0 &&
	    isnum(sc, k) == 0 && has(sc, k, C_ERAS))) {
		e = k;
		if ((r = mdy_range(sc, i, k, mo, d, m)) != 0)
			return r > 0;
		if (ispc(sc, k, ','))
			k++;
		if ((k = pyear(sc, k, &y, 1)) && notcount(sc, k))
			e = k;
		else if ((k = relyear(sc, e, &y)))
			e = k;
		else
			y = wdyear(yearfor(sc, i, mo, d), mo, d, wd);
		if (!okday(y, mo, d))
			return 0;
		settx(m, i, e, TY_DATE, "");
		dayval(sc, m->val, y, mo, d);
		m->dayp = 1;
		return 1;
	}
	if (wd)
		return 0;
	k = e;
	if (ispc(sc, k, ',') || ((ispc(sc, k, '-') || ispc(sc, k, '/')) && att(sc, k)))
		k++;
	if ((k = pyear(sc, k, &y, TK(e - 1)->lx ? TK(e - 1)->lx->abbr : 0)) && notcount(sc, k)) {
		settx(m, i, k, TY_DATE, "");
		snprintf(m->val, sizeof m->val, "%04d-%02d", y, mo);
		return 1;
	}
	return mdy_alone(sc, i, e, mo, m);
}
DATES_RULE(mdy, CB(C_WEEKDAYS) | CB(C_MONTHS));

/* [weekday [,]] [the] day [of] month [.] [,] [year] */
int
r_dmy(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k, e;
	int mo, d, y = -1, ord, sep = 0, wd = 0;

	if (has(sc, j, C_WEEKDAYS) && (TK(j)->cap || !TK(j)->lx->abbr)) {
		wd = ivl(sc, j, C_WEEKDAYS);
		j++;
		if (TK(j - 1)->lx->abbr && ispc(sc, j, '.'))
			j++;
		if (ispc(sc, j, ','))
			j++;
	}
	if (has(sc, j, C_ARTICLES))
		j++;
	if (!(k = pday(sc, j, &d, &ord)))
		return 0;
	/* "10 - 22 August 2012": the first day takes the month and year of the second */
	if (has(sc, k, C_TO) && !has(sc, k, C_OF)) {
		struct tx t2;
		size_t k2;
		int d2, o2;
		if ((k2 = pday(sc, k + 1, &d2, &o2)) && d2 > d && r_dmy(sc, k + 1, &t2) &&
		    t2.dayp && t2.t0 == k + 1 && strlen(t2.val) == 10) {
			settx(m, i, k, TY_DATE, "");
			snprintf(m->val, sizeof m->val, "%.8s%02d", t2.val, d);
			m->dayp = 1;
			return 1;
		}
	}
	if (has(sc, k, C_OF))
		k++;
	else if ((ispc(sc, k, '-') || ispc(sc, k, '/')) && att(sc, k) && att(sc, k + 1))
		k++, sep = 1;
	if (!(e = pmonth(sc, k, &mo, 1)))
		return 0;
	if (!TK(k)->cap && !has(sc, k - 1, C_OF) && !sep && !att(sc, k))
		if (has(sc, k, C_MONTH_AMB))
			return 0;
	/* "the first December election": an ordinal of the noun, no day */
	if (!isnum(sc, j) && !has(sc, k - 1, C_OF) && isword(sc, e) && !TK(e)->cap &&
	    !has(sc, e, C_DAYPARTS) && !has(sc, e, C_RELATIVE) && !has(sc, e, C_YEAR_BEFORE))
		return 0;
	k = e;
	if (ispc(sc, k, ',') || (sep && (ispc(sc, k, '-') || ispc(sc, k, '/')) && att(sc, k)))
		k++;
	else if (has(sc, k, C_OF) && isnum(sc, k + 1) && TK(k + 1)->nd == 4)
		k++;	/* "13 de noviembre de 2025" */
	if ((k = pyear(sc, k, &y, 1)) && notcount(sc, k))
		e = k;
	else if ((k = relyear(sc, e, &y)))
		e = k;	/* "3 March next year" */
	else
		y = wdyear(yearfor(sc, i, mo, d), mo, d, wd);
	if (!okday(y, mo, d))
		return 0;
	settx(m, i, e, TY_DATE, "");
	dayval(sc, m->val, y, mo, d);
	m->dayp = 1;
	return 1;
}
DATES_RULE(dmy, CB(C_WEEKDAYS) | CB(C_ARTICLES) | CB(C_ORDINALS) | CB(C_NUMBERS) |
    S_NUM);

/*
 * yyyy sep mm|month sep dd (sep one of - / .), yyyy Month dd:
 * 2025-11-13, 2012/8/10, 2012/Aug/10, 2018 March 18
 */
int
r_iso(struct dates_scan *sc, size_t i, struct tx *m)
{
	int y, mo, d, sep;
	size_t j = i;

	if (!isnum(sc, i) || TK(i)->nd != 4 || money(sc, i))
		return 0;
	if (i >= 2 && att(sc, i) && isnum(sc, i - 2) && ispc(sc, i - 1, '-'))
		return 0;
	y = (int)TK(i)->num;
	/* 2018 March 18 */
	if (!att(sc, i + 1) && has(sc, i + 1, C_MONTHS) && TK(i + 1)->cap && isnum(sc, i + 2) &&
	    (j = pday(sc, i + 2, &d, &sep)) && notcount(sc, j) && !ispc(sc, j, ':')) {
		mo = ivl(sc, i + 1, C_MONTHS);
		if (!okday(y, mo, d))
			return 0;
		settx(m, i, j, TY_DATE, "");
		dayval(sc, m->val, y, mo, d);
		m->dayp = 1;
		return 1;
	}
	if (!(ispc(sc, i + 1, '-') || ispc(sc, i + 1, '/') || ispc(sc, i + 1, '.')) || !att(sc, i + 1) || !att(sc, i + 2))
		return 0;
	sep = TK(i + 1)->ch;
	j = i + 2;
	if (isnum(sc, j) && TK(j)->nd <= 2) {
		mo = (int)TK(j)->num;
		j++;
	} else if (has(sc, j, C_MONTHS)) {
		mo = ivl(sc, j, C_MONTHS);
		j++;
	} else
		return 0;
	if (!ispc(sc, j, sep) || !att(sc, j) || !isnum(sc, j + 1) || !att(sc, j + 1) ||
	    TK(j + 1)->nd > 2)
		return 0;
	d = (int)TK(j + 1)->num;
	j += 2;
	if (isnum(sc, j) && att(sc, j))
		return 0;
	if (mo > 12 && d <= 12) {
		int t = mo;
		mo = d, d = t;
	}
	if (!okday(y, mo, d))
		return 0;
	settx(m, i, j, TY_DATE, "");
	dayval(sc, m->val, y, mo, d);
	m->dayp = 1;
	return 1;
}
DATES_RULE(iso, S_NUM4);

/*
 * 8/10 (August 10; 10 August under --dmy), 14/4: a month and day
 * without a year.  Not a fraction (1/2, 3/4, "1 1/2", "8/10 of"), not
 * "24/7", not glued to more digits or words.
 */
static int
monthday(struct dates_scan *sc, size_t i, int a, int b, struct tx *m)
{
	int mo, d, y;
	size_t e = i + 3;

	if (a < 1 || b < 1 || (a < b && b <= 4) || (a == 24 && b == 7))
		return 0;
	/*
	 * Odds (5/4 favourite), tie-breaks (7/5) and titles (Fahrenheit
	 * 9/11) look the same: only where a date must stand.  After "on"
	 * or a weekday, as an offset's anchor, or as the whole text.
	 */
	if (!sc->mdok && !(i > 0 && has(sc, i - 1, C_ON)) &&
	    !(i > 0 && has(sc, i - 1, C_WEEKDAYS) && !TK(i - 1)->lx->abbr) &&
	    !(i > 1 && ispc(sc, i - 1, ',') && has(sc, i - 2, C_WEEKDAYS)) &&
	    !(i == 0 && !isword(sc, i + 3)))
		return 0;
	if (i > 0 && (isnum(sc, i - 1) || (TK(i - 1)->kind == TP && att(sc, i))))
		return 0;
	if (e < sc->nt && att(sc, e) && (TK(e)->kind != TP || strchr("/%-:", TK(e)->ch) ||
	    (TK(e)->ch == '.' && isnum(sc, e + 1) && att(sc, e + 1))))
		return 0;
	if (has(sc, e, C_OF) || (e < sc->nt && TK(e)->kind == TP && TK(e)->ch == '%'))
		return 0;
	if (sc->dmy)
		d = a, mo = b;
	else
		mo = a, d = b;
	if (mo > 12 && d <= 12) {
		int t = mo;
		mo = d, d = t;
	}
	if (mo > 12 || d > 31 || !okday(2000, mo, d))
		return 0;
	y = yearfor(sc, i, mo, d);
	if (y >= 0 && !okday(y, mo, d))
		return 0;
	settx(m, i, e, TY_DATE, "");
	dayval(sc, m->val, y, mo, d);
	m->dayp = 1;
	return 1;
}

/*
 * a sep b sep yyyy|yy (sep one of / - .), m/yyyy, a/b: 11/13/2025,
 * 13/11/2025 (--dmy), 13.11.2025, 07-27-2022, 9/2012, 8/10
 */
int
r_slash(struct dates_scan *sc, size_t i, struct tx *m)
{
	int a, b, y, mo, d, sep;
	size_t j;

	if (!isnum(sc, i) || TK(i)->nd > 2 || money(sc, i))
		return 0;
	if (i >= 2 && att(sc, i) && isnum(sc, i - 2) && sc->tk[i - 1].kind == TP &&
	    strchr("/-.:", sc->tk[i - 1].ch))
		return 0;
	if (!(ispc(sc, i + 1, '/') || ispc(sc, i + 1, '-') || ispc(sc, i + 1, '.')) ||
	    !att(sc, i + 1) || !isnum(sc, i + 2) || !att(sc, i + 2))
		return 0;
	sep = TK(i + 1)->ch;
	a = (int)TK(i)->num;
	if (TK(i + 2)->nd == 4 && sep == '/') {	/* 9/2012 */
		if (a < 1 || a > 12 || (isnum(sc, i + 3) && att(sc, i + 3)) ||
		    (sc->tk[i + 3 < sc->nt ? i + 3 : i].kind == TP && i + 3 < sc->nt &&
		    att(sc, i + 3) && strchr("/-.", TK(i + 3)->ch)))
			return 0;
		settx(m, i, i + 3, TY_DATE, "");
		snprintf(m->val, sizeof m->val, "%04d-%02d", (int)TK(i + 2)->num, a);
		return 1;
	}
	if (TK(i + 2)->nd > 2)
		return 0;
	b = (int)TK(i + 2)->num;
	j = i + 3;
	if (!ispc(sc, j, sep) || !att(sc, j) || !isnum(sc, j + 1) || !att(sc, j + 1))
		return sep == '/' ? monthday(sc, i, a, b, m) : 0;
	if (TK(j + 1)->nd == 4)
		y = (int)TK(j + 1)->num;
	else if (TK(j + 1)->nd == 2 && sep == '/')
		y = (int)TK(j + 1)->num + (TK(j + 1)->num < 50 ? 2000 : 1900);
	else
		return 0;
	j += 2;
	if (isnum(sc, j) && att(sc, j))
		return 0;
	if (sc->dmy || sep == '.')
		d = a, mo = b;
	else
		mo = a, d = b;
	if (mo > 12 && d <= 12) {
		int t = mo;
		mo = d, d = t;
	}
	if (!okday(y, mo, d))
		return 0;
	settx(m, i, j, TY_DATE, "");
	dayval(sc, m->val, y, mo, d);
	m->dayp = 1;
	return 1;
}
DATES_RULE(slash, S_NUM2);

/*
 * The year of the period the text is about, for a quarter or half
 * without one, when it is a past year no more than five before the
 * reference (a year further back is more often a history than a
 * report: "founded in 1990"); any, with no reference; -1 none.
 */
static int
aboutyear(const struct dates_scan *sc)
{
	int y;

	if (!sc->about[0])
		return -1;
	y = atoi(sc->about);
	if (!sc->ref->have)
		return y;
	return y < sc->ref->y && y >= sc->ref->y - 5 ? y : -1;
}

/* "final quarter of 2012", "last half of last year": the last one of a year. */
static int
finalof(const struct dates_scan *sc, size_t j)
{
	int y;

	if (!has(sc, j, C_FINAL) || !has(sc, j + 2, C_OF) || !(has(sc, j + 1, C_HALF) ||
	    (has(sc, j + 1, C_UNITS) && ivl(sc, j + 1, C_UNITS) == U_Q)))
		return 0;
	return pyear(sc, j + 3, &y, 0) || ((has(sc, j + 3, C_RELATIVE) ||
	    has(sc, j + 3, C_ARTICLES)) && has(sc, j + 4, C_YEAR));
}

/*
 * [the] ordinal quarter|half [[of] year | of the year | of rel year];
 * Q n [year]: the first quarter of 2025, Q1 2025, the first half of the year
 */
static int
r_quarter(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k;
	int q, y = -1, half = 0;
	const char *v;

	if (has(sc, j, C_QLETTER) && TK(j)->cap && isnum(sc, j + 1) && att(sc, j + 1) &&
	    TK(j + 1)->num >= 1 && TK(j + 1)->num <= 4 && TK(j + 1)->nd == 1) {
		q = (int)TK(j + 1)->num;
		j += 2;
	} else {
		if (has(sc, j, C_ARTICLES))
			j++;
		/* "next year's first quarter" */
		else if (has(sc, j, C_RELATIVE) && has(sc, j + 1, C_YEAR) && ispc(sc, j + 2, '\'') &&
		    att(sc, j + 2) && has(sc, j + 3, C_DECADE_S) && att(sc, j + 3) && sc->ref->have)
			y = sc->ref->y + ivl(sc, j, C_RELATIVE), j += 4;
		/* "1997's third quarter" */
		else if (isnum(sc, j) && TK(j)->nd == 4 && ispc(sc, j + 1, '\'') &&
		    att(sc, j + 1) && has(sc, j + 2, C_DECADE_S) && att(sc, j + 2) &&
		    has(sc, j + 3, C_ORDINALS))
			y = (int)TK(j)->num, j += 3;
		/* "the fiscal first quarter": TimeML keeps "fiscal" in the span */
		if (has(sc, j + 1, C_ORDINALS) && phr(sc, C_PERIODS, j, NULL, &v) == 1 &&
		    v[0] == 'F')
			j++;
		if (finalof(sc, j)) {
			/* "the final quarter of last year" */
			q = has(sc, j + 1, C_HALF) ? 2 : 4;
			j++;
		} else {
			if (!has(sc, j, C_ORDINALS) || ivl(sc, j, C_ORDINALS) > 4)
				return 0;
			q = ivl(sc, j, C_ORDINALS);
			j++;
		}
		/* "third-quarter loss", "first-half profit" (not "first-half goal") */
		if (ispc(sc, j, '-') && att(sc, j) && att(sc, j + 1) &&
		    (!has(sc, j + 1, C_HALF) || has(sc, j + 2, C_HALF_BEFORE)))
			j++;
		if (has(sc, j, C_HALF) && q <= 2)
			half = 1;
		else if (!(has(sc, j, C_UNITS) && ivl(sc, j, C_UNITS) == U_Q))
			return 0;
		j++;
	}
	k = j;
	if (has(sc, k, C_OF))
		k++;
	if (y >= 0)
		;	/* the year came first */
	else if (pyear(sc, k, &y, 0))
		j = pyear(sc, k, &y, 0);
	else if (has(sc, k - 1, C_OF) && has(sc, k, C_ARTICLES) && has(sc, k + 1, C_YEAR))
		j = k + 2, y = yearnear(sc);
	else if (has(sc, k - 1, C_OF) && has(sc, k, C_RELATIVE) && has(sc, k + 1, C_YEAR) &&
	    sc->ref->have)
		y = sc->ref->y + ivl(sc, k, C_RELATIVE), j = k + 2;
	else if (aboutyear(sc) >= 0 && !forward(sc, i))
		y = aboutyear(sc);	/* "sales rose in 2023 ... the fourth quarter" */
	else if ((y = yearnear(sc)) >= 0) {
		int cur = half ? (sc->ref->m - 1) / 6 + 1 : (sc->ref->m - 1) / 3 + 1;
		/*
		 * "will report the first quarter" in November is next year's;
		 * the quarter that ended last is still the one reported
		 * ("will report third-quarter results" in November)
		 */
		if (q > cur && !forward(sc, i))
			y--;
		else if (q < cur - !half && forward(sc, i))
			y++;
	}
	settx(m, i, j, TY_DATE, "");
	if (y >= 0)
		snprintf(m->val, sizeof m->val, half ? "%04d-H%d" : "%04d-Q%d", y, q);
	else
		snprintf(m->val, sizeof m->val, half ? "XXXX-H%d" : "XXXX-Q%d", q);
	return 1;
}
DATES_RULE(quarter, S_Q | S_NUM4 | CB(C_ARTICLES) | CB(C_ORDINALS) | CB(C_RELATIVE) |
    CB(C_PERIODS));

/* The last month of a season's value (SP, SU, FA), 12 for the others. */
static int
seasonend(const char *p)
{
	if (strcmp(p, "SP") == 0)
		return 5;
	if (strcmp(p, "SU") == 0)
		return 8;
	if (strcmp(p, "FA") == 0)
		return 11;
	return 12;
}

/* [the] season [of] [2025] */
static int
r_season(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k;
	int y = -1, the = 0;
	const char *p;

	if (has(sc, j, C_ARTICLES))
		j++, the = 1;
	if (!has(sc, j, C_SEASONS))
		return 0;
	p = svl(sc, j, C_SEASONS);
	j++;
	k = j;
	if (has(sc, k, C_OF))
		k++;
	if ((k = pyear(sc, k, &y, 0))) {
		j = k;
	} else if (has(sc, j, C_OF) && (k = relyear(sc, j + 1, &y))) {
		j = k;	/* "the spring of next year" */
	} else {
		if (!the && !(i > 0 && has(sc, i - 1, C_IN)))
			return 0;
		if (isword(sc, j) && !has(sc, j, C_OF) && !TK(j)->cap && (TK(j)->lx == NULL ||
		    !(TK(j)->lx->f & ~(1ULL << C_SHIFT | 1ULL << C_SHIFT_CLOCK |
		    1ULL << C_WORKDAYS | 1ULL << C_UNITS_CMP))))
			return 0;	/* "summer camp", "the fall out" */
		y = yearnear(sc);
		/* "will begin in the summer" said in November: next summer */
		if (y >= 0 && sc->ref->m > seasonend(p) && forward(sc, i))
			y++;
	}
	settx(m, i, j, TY_DATE, "");
	if (y >= 0 || y < -1)
		snprintf(m->val, sizeof m->val, "%04d-%s", y, p);
	else
		snprintf(m->val, sizeof m->val, "XXXX-%s", p);
	return 1;
}
DATES_RULE(season, CB(C_ARTICLES) | CB(C_SEASONS));

static int r_century(struct dates_scan *, size_t, struct tx *);

/*
 * [the] ['] yyy0|y0 s: 1990s, the 1990s, the '90s; else a century
 * (r_century: one rule for both, they start on the same tokens)
 */
static int
r_decade(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i;
	int y;

	if (has(sc, j, C_ARTICLES))
		j++;
	if (!isnum(sc, j) && !ispc(sc, j, '\''))
		return has(sc, j, C_ORDINALS) && r_century(sc, i, m);
	if (TK(j)->kind == TN && has(sc, j + 1, C_ORDSUF))
		return r_century(sc, i, m);
	if (ispc(sc, j, '\'') && isnum(sc, j + 1) && TK(j + 1)->nd == 2 && att(sc, j + 1))
		j++;
	if (!isnum(sc, j) || (TK(j)->nd != 4 && TK(j)->nd != 2) || TK(j)->num % 10 != 0 ||
	    !has(sc, j + 1, C_DECADE_S) || !att(sc, j + 1) || money(sc, j))
		return 0;
	if (TK(j)->nd == 2 && j == i) {
		/* "in her 40s", "his mid-30s": an age */
		size_t k = j;
		if (k > 0 && ispc(sc, k - 1, '-'))
			k--;
		if (k > 0 && has(sc, k - 1, C_MODIFIERS))
			k--;
		/* "their 30s and 40s": back over the decades of a list */
		while (k >= 3 && has(sc, k - 1, C_AND) && has(sc, k - 2, C_DECADE_S) &&
		    isnum(sc, k - 3) && TK(k - 3)->nd == 2)
			k -= 3;
		if (k > 0 && has(sc, k - 1, C_DETERMINERS) && !has(sc, k - 1, C_ARTICLES))
			return 0;
	}
	y = (int)TK(j)->num;
	if (TK(j)->nd == 2)
		y += y < 30 ? 2000 : 1900;
	settx(m, i, j + 2, TY_DATE, "");
	snprintf(m->val, sizeof m->val, "%03d", y / 10);
	return 1;
}
DATES_RULE(decade, S_NUM | S_APOS | CB(C_ARTICLES) | CB(C_ORDINALS));

/*
 * A range of years at i: "1971-74", the end in two digits after the
 * start's (not "2025-11-13", a phone number or a score).
 */
static int
yrange(const struct dates_scan *sc, size_t i)
{
	if (!isnum(sc, i) || TK(i)->nd != 4 || !ispc(sc, i + 1, '-') || !att(sc, i + 1) ||
	    !isnum(sc, i + 2) || !att(sc, i + 2) || TK(i + 2)->nd != 2 ||
	    TK(i + 2)->num <= TK(i)->num % 100 || TK(i)->num < 1000 || TK(i)->num > 2100)
		return 0;
	if (i > 0 && att(sc, i) && TK(i - 1)->kind != TW)
		return 0;
	return !(att(sc, i + 3) && (isnum(sc, i + 3) || (TK(i + 3)->kind == TP &&
	    strchr("-/:.", TK(i + 3)->ch) && isnum(sc, i + 4))));
}

/* "1971-74": the end of a range of years, in the start's century */
static int
r_yearend(struct dates_scan *sc, size_t i, struct tx *m)
{
	if (i < 2 || !yrange(sc, i - 2))
		return 0;
	settx(m, i, i + 1, TY_DATE, "");
	snprintf(m->val, sizeof m->val, "%04ld", TK(i - 2)->num / 100 * 100 + TK(i)->num);
	return 1;
}
DATES_RULE(yearend, S_NUM2);

/* [the] Nth century: "the 18th century" is 17, its years 17xx */
static int
r_century(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, e;
	int n, ord;

	if (has(sc, j, C_ARTICLES))
		j++;
	if (isnum(sc, j)) {
		if (!(e = pday(sc, j, &n, &ord)) || !ord)
			return 0;
	} else if (has(sc, j, C_ORDINALS))
		n = ivl(sc, j, C_ORDINALS), e = j + 1;
	else
		return 0;
	if (ispc(sc, e, '-') && att(sc, e))
		e++;	/* "19th-century" */
	if (n < 1 || n > 21 || !has(sc, e, C_UNITS) || ivl(sc, e, C_UNITS) != U_CE)
		return 0;
	if (TK(e)->cap && isword(sc, e + 1) && TK(e + 1)->cap)
		return 0;	/* "20th Century Fox" */
	settx(m, i, e + 1, TY_DATE, "");
	snprintf(m->val, sizeof m->val, "%02d", n - 1);
	return 1;
}

/* yyyy [era]: a bare year, in 2026, the 2024 election, 345 BC */
static int
r_year(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t e;
	int y;

	if (!isnum(sc, i) || TK(i)->nd != 4 || money(sc, i) || (inbig(sc, i) && !yrange(sc, i)))
		return 0;
	if (i > 0 && has(sc, i - 1, C_INDEF) && isword(sc, i + 1) && TK(i + 1)->cap)
		return 0;	/* "a 1970 Buick": a kind of car (but "a 2004 law") */
	if (!(e = pyear(sc, i, &y, 0)))
		return 0;
	if (e == i + 1 && (y < 1000 || y > 2200))
		return 0;
	if (e == i + 1 && (y < 1900 || y > 2100) && !(i > 0 && has(sc, i - 1, C_YEAR_BEFORE)))
		return 0;
	if (has(sc, e, C_NOT_AFTER) || has(sc, e, C_UNITS) || has(sc, e, C_UNITS_PL) ||
	    (has(sc, e, C_ZONES) && TK(e)->cap == 2))
		return 0;
	if (i > 0 && isnum(sc, i - 1))
		return 0;
	if (ispc(sc, e, '-') && att(sc, e) && isnum(sc, e + 1) && att(sc, e + 1) && TK(e + 1)->nd != 4 &&
	    !yrange(sc, i))
		return 0;
	settx(m, i, e, TY_DATE, "");
	if (y < 0) {
		memcpy(m->val, "BC", 2);
		putnd(m->val + 2, -(long)y, 4);
	} else
		putnd(m->val, y, 4);
	return 1;
}
DATES_RULE(year, S_NUM4);

/*
 * A year in words alone (spyear): only after a word of year_before (not
 * "at": "at eleven twenty" is a time) or a month.
 */
static int
r_spyear(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t e;
	int y;

	/* most number words ("a", "one") are no year's first or second word */
	if (!has(sc, i, C_YEAR_HEAD) && !has(sc, i + 1, C_YEAR_HEAD))
		return 0;
	if (i == 0 || !(has(sc, i - 1, C_YEAR_BEFORE) || has(sc, i - 1, C_MONTHS)) ||
	    has(sc, i - 1, C_AT) || !isword(sc, i) || !(e = spyear(sc, i, &y)))
		return 0;
	settx(m, i, e, TY_DATE, "");
	putnd(m->val, y, 4);
	return 1;
}
DATES_RULE(spyear, CB(C_NUMBERS));

/* (after on) the ordinal day: on the 10th */
static int
r_nth(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t e;
	int d, ord, y, mo;

	if (i == 0 || !has(sc, i - 1, C_ON) || !has(sc, i, C_ARTICLES))
		return 0;
	if (!(e = pday(sc, i + 1, &d, &ord)) || !ord || !isnum(sc, i + 1))
		return 0;
	settx(m, i, e, TY_DATE, "");
	if (!sc->ref->have) {
		snprintf(m->val, sizeof m->val, "XXXX-XX-%02d", d);
		return 1;
	}
	y = sc->ref->y, mo = sc->ref->m;
	if (has(sc, e, C_OF) && has(sc, e + 1, C_RELATIVE) && !has(sc, e + 1, C_REL_POINT) &&
	    has(sc, e + 2, C_UNITS) && ivl(sc, e + 2, C_UNITS) == U_M &&
	    !has(sc, e + 2, C_UNITS_ATT)) {
		/* "the 14th of next month" */
		mo += ivl(sc, e + 1, C_RELATIVE);
		if (mo < 1)
			mo += 12, y--;
		else if (mo > 12)
			mo -= 12, y++;
		m->t1 = e + 3;
	} else if (d > sc->ref->d && !forward(sc, i) && --mo < 1)
		mo = 12, y--;
	if (!okday(y, mo, d))
		return 0;
	putday(m->val, dfc(y, mo, d));
	m->dayp = 1;
	return 1;
}
DATES_RULE(nth, CB(C_ARTICLES));

/* the ordinal weekday in|of month [year]: the first Monday in October */
static int
r_nthwd(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t e, k;
	int n, wd, mo, y = -1, d;

	if (!has(sc, i, C_ARTICLES) || !has(sc, i + 1, C_ORDINALS) ||
	    !has(sc, i + 2, C_WEEKDAYS) || TK(i + 2)->lx->abbr ||
	    !(has(sc, i + 3, C_IN) || has(sc, i + 3, C_OF)) ||
	    (n = ivl(sc, i + 1, C_ORDINALS)) < 1 || n > 5 ||
	    !(e = pmonth(sc, i + 4, &mo, 1)))
		return 0;
	wd = ivl(sc, i + 2, C_WEEKDAYS);
	k = e;
	if (ispc(sc, k, ','))
		k++;
	if ((k = pyear(sc, k, &y, 1)) && notcount(sc, k))
		e = k;
	else if ((y = yearfor(sc, i, mo, 0)) < 0) {
		settx(m, i, e, TY_DATE, "");
		snprintf(m->val, sizeof m->val, "XXXX-%02d", mo);
		return 1;
	}
	d = 1 + (wd - wday(dfc(y, mo, 1)) + 7) % 7 + 7 * (n - 1);
	if (!okday(y, mo, d))
		return 0;
	settx(m, i, e, TY_DATE, "");
	putday(m->val, dfc(y, mo, d));
	m->dayp = 1;
	return 1;
}
DATES_RULE(nthwd, CB(C_ARTICLES));

/*
 * The month and day (mo * 100 + d) of a moveable holiday in year y, by
 * its rule in the data file: E+n (days from Easter Sunday) or mo/nth/wd;
 * 0 when the rule or the day is none.
 */
static int
moveable(const char *r, int y)
{
	long z;
	int mo, nth, wd, n, a, b, c, d, e, f, g, h, i, k, l, q;
	char x;

	if (r[0] == 'E') {
		if (sscanf(r + 1, "%d%c", &n, &x) != 1)
			return 0;
		/* Easter Sunday: the anonymous Gregorian computus */
		a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
		f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
		i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
		q = (a + 11 * h + 22 * l) / 451;
		mo = (h + l - 7 * q + 114) / 31;
		z = dfc(y, mo, (h + l - 7 * q + 114) % 31 + 1) + n;
	} else {
		if (sscanf(r, "%d/%d/%d%c", &mo, &nth, &wd, &x) != 3 || mo < 1 || mo > 12 ||
		    wd < 1 || wd > 7 || nth < -1 || nth > 5 || nth == 0)
			return 0;
		if (nth > 0)
			z = dfc(y, mo, 1) + (wd - wday(dfc(y, mo, 1)) + 7) % 7 + 7L * (nth - 1);
		else {
			/* the month's last day, then back to the weekday */
			z = dfc(mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1, 1) - 1;
			z -= (wday(z) - wd + 7) % 7;
		}
	}
	{
		char v[64];
		putday(v, z);
		if (atoi(v) != y)
			return 0;
		return atoi(v + 5) * 100 + atoi(v + 8);
	}
}

/*
 * holiday [year]: Christmas, New Year's Day 2025, a fixed day of a
 * year; Easter, Thanksgiving, a day that moves from year to year
 */
static int
r_holiday(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t k, k2;
	int md, y, e, yr;
	const char *rule = NULL;

	k = phr(sc, C_HOLIDAYS, i, &md, NULL);
	if ((k2 = phr(sc, C_MOVEABLE, i, NULL, &rule)) > k)
		k = k2;
	else
		rule = NULL;
	if (!k || !TK(i)->cap)
		return 0;
	e = (int)(i + k);
	if (isword(sc, (size_t)e) && TK(e)->cap && !has(sc, (size_t)e, C_MONTHS))
		return 0;	/* Christmas Island */
	yr = rule ? (sc->ref->have ? sc->ref->y : 2000) : 2000;
	if (rule && !(md = moveable(rule, yr)))
		return 0;
	if ((size_t)e < sc->nt && pyear(sc, (size_t)e, &y, 0))
		e = (int)pyear(sc, (size_t)e, &y, 0);
	else
		y = yearfor(sc, i, md / 100, md % 100);
	if (rule && y >= 0 && y != yr && !(md = moveable(rule, y)))
		return 0;
	if (rule && y < 0) {
		settx(m, i, (size_t)e, TY_DATE, "XXXX-XX-XX");
		return 1;
	}
	settx(m, i, (size_t)e, TY_DATE, "");
	dayval(sc, m->val, y, md / 100, md % 100);
	m->dayp = 1;
	return 1;
}
DATES_RULE(holiday, CB(C_HOLIDAYS) | CB(C_MOVEABLE));

/* What a modifier or boundary can wrap. */
static int
r_inner(struct dates_scan *sc, size_t i, struct tx *m)
{
	static const rule_fn inner[] = { r_mdy, r_rel, r_season, r_decade, r_year, r_quarter };
	struct tx t;
	size_t k;
	int got = 0;

	for (k = 0; k < sizeof inner / sizeof inner[0]; k++)
		if (inner[k](sc, i, &t) && (!got || t.t1 > m->t1)) {
			*m = t;
			got = 1;
		}
	return got;
}

/*
 * modifier [-] inner | the boundary of (inner | the unit): early 2025,
 * mid-1990s, late last year, the end of the year; inner: r_inner()
 */
static int
r_mod(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i;
	const char *mod;
	struct tx in;

	if (has(sc, j, C_ARTICLES) && has(sc, j + 1, C_BOUNDARIES) && has(sc, j + 2, C_OF)) {
		mod = svl(sc, j + 1, C_BOUNDARIES);
		j += 3;
		if (has(sc, j, C_ARTICLES) && has(sc, j + 1, C_UNITS) && !has(sc, j + 1, C_UNITS_ATT)) {
			int u = ivl(sc, j + 1, C_UNITS);
			if (u != U_Y && u != U_M && u != U_W && u != U_DE && u != U_CE)
				return 0;
			settx(m, i, j + 2, TY_DATE, "");
			if (!relunit(sc, m->val, 0, u))
				return 0;
			m->mod = mod;
			return 1;
		}
	} else if (has(sc, j, C_MODIFIERS) || (has(sc, j, C_ARTICLES) && has(sc, j + 1, C_MODIFIERS))) {
		if (has(sc, j, C_ARTICLES))
			j++;	/* the mid-1990s */
		mod = svl(sc, j, C_MODIFIERS);
		j++;
		if (ispc(sc, j, '-') && att(sc, j))
			j++;
	} else
		return 0;
	if (!r_inner(sc, j, &in) || in.type != TY_DATE || in.dayp)
		return 0;
	*m = in;
	m->t0 = i;
	m->mod = mod;
	return 1;
}
DATES_RULE(mod, CB(C_ARTICLES) | CB(C_MODIFIERS));
