/*
 * extract-dates-time: clock times ("10:27 PM", "noon", "6 in the
 * morning") and ranges whose end gives the start its hour or month.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-dates-int.h"

/* A meridiem at i: am, pm, a.m., p.m.; its end or 0. */
static size_t
pmer(const struct dates_scan *sc, size_t i, int *add)
{
	if (has(sc, i, C_MERIDIEM)) {
		*add = ivl(sc, i, C_MERIDIEM);
		if (ispc(sc, i + 1, '.') && att(sc, i + 1) && i + 2 >= sc->nt)
			return i + 2;
		return i + 1;
	}
	if (has(sc, i, C_MER_LETTERS) && ispc(sc, i + 1, '.') && att(sc, i + 1) &&
	    has(sc, i + 2, C_MER_END) && att(sc, i + 2)) {
		*add = ivl(sc, i, C_MER_LETTERS);
		if (ispc(sc, i + 3, '.') && att(sc, i + 3))
			return i + 4;
		return i + 3;
	}
	return 0;
}

/*
 * A bare hour's part of the day: "6 in the morning", "11 at night",
 * "at 11 tonight" (first, or after a stop, a word of year_before but a
 * lone "to", or approx: not "drop to minus 10 tonight").  *h (the hour) is moved to
 * the 24-hour clock.
 */
static size_t
pdaypart(const struct dates_scan *sc, size_t j, int *h)
{
	const char *p = NULL;
	size_t e = 0;

	if (*h < 1 || *h > 12)
		return 0;
	if (has(sc, j, C_IN) && has(sc, j + 1, C_ARTICLES) && has(sc, j + 2, C_DAYPARTS))
		p = svl(sc, j + 2, C_DAYPARTS), e = j + 3;
	else if (has(sc, j, C_AT) && has(sc, j + 1, C_DAYPARTS))
		p = svl(sc, j + 1, C_DAYPARTS), e = j + 2;
	else if (has(sc, j, C_DEICTIC_PART) && has(sc, j, C_DEICTIC) && ivl(sc, j, C_DEICTIC) == 0 &&
	    j >= 1 && (j < 2 || TK(j - 2)->kind == TP || endsat(sc, C_APPROX, j - 1) ||
	    (has(sc, j - 2, C_YEAR_BEFORE) &&
	    !(has(sc, j - 2, C_TO) && !(j >= 3 && isnum(sc, j - 3))))))
		p = svl(sc, j, C_DEICTIC_PART), e = j + 1;	/* at 11 tonight, not minus 10 */
	if (!p)
		return 0;
	if (!strcmp(p, "MO"))
		*h %= 12;
	else if (strcmp(p, "NI") || *h >= 6)
		*h = *h % 12 + 12;
	return e;
}

/*
 * h[:mm[:ss]] [meridiem | o'clock | daypart] [zone] | clock word [zone]:
 * 10:27 PM, 22:27, 10 a.m. ET, noon, 9 o'clock, 6 in the morning
 */
int
r_time(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k;
	int h, mi = 0, s = 0, hs = 0, add = -1, strong = 0;
	int sg;

	if (has(sc, i, C_CLOCK)) {
		h = ivl(sc, i, C_CLOCK);
		j = i + 1;
		strong = 1;
	} else {
		if (!isnum(sc, i) || TK(i)->nd > 2 || money(sc, i))
			return 0;
		if (i >= 2 && att(sc, i) && isnum(sc, i - 2) && sc->tk[i - 1].kind == TP &&
		    strchr(":/.,", sc->tk[i - 1].ch) && !sc->joined)
			return 0;
		h = (int)TK(i)->num;
		j = i + 1;
		if ((ispc(sc, j, ':') || ispc(sc, j, '.')) && att(sc, j) && isnum(sc, j + 1) &&
		    att(sc, j + 1) && TK(j + 1)->nd == 2) {
			int dot = ispc(sc, j, '.');
			mi = (int)TK(j + 1)->num;
			j += 2;
			if (ispc(sc, j, ':') && att(sc, j) && isnum(sc, j + 1) && att(sc, j + 1) &&
			    TK(j + 1)->nd == 2) {
				s = (int)TK(j + 1)->num, hs = 1;
				j += 2;
			}
			if (dot && !pmer(sc, j, &add))
				return 0;
			if (h < 12 && ispc(sc, j, '-') && isnum(sc, j + 1) && ispc(sc, j + 2, ':') &&
			    isnum(sc, j + 3) && TK(j + 3)->nd == 2 && pmer(sc, j + 4, &add) && add == 12 &&
			    TK(j + 1)->num >= h && TK(j + 1)->num < 12)
				h += 12;
			if (isnum(sc, j) && att(sc, j))
				return 0;
			if (ispc(sc, j, ':') && att(sc, j) && isnum(sc, j + 1))
				return 0;
			strong = 1;
		}
		if ((k = pmer(sc, j, &add))) {
			if (h < 1 || h > 12)
				return 0;
			h = h % 12 + add;
			j = k;
			strong = 1;
		} else if ((k = phr(sc, C_OCLOCK, j, NULL, NULL))) {
			j += k;
			strong = 1;
		} else if (!strong && (k = pdaypart(sc, j, &h))) {
			j = k;
			strong = 1;
		} else if (isword(sc, j) && att(sc, j) && !strong)
			return 0;
		if (!strong)
			return 0;
		if (h > 24 || mi > 59 || s > 60)
			return 0;
	}
	sg = has(sc, j, C_ZONES) && (TK(j)->cap == 2 || TK(j)->b1 - TK(j)->b0 == 1) &&
	    !(TK(j)->b1 - TK(j)->b0 == 1 && !att(sc, j));
	if (sg)
		j++;
	settx(m, i, j, TY_TIME, "");
	m->istime = 1;
	m->h = h, m->mi = mi, m->s = s, m->hs = hs;
	{
		char d[64];
		if (sc->ref->have)
			putday(d, refday(sc->ref));
		else
			snprintf(d, sizeof d, "XXXX-XX-XX");
		timeval(m->val, d, h, mi, s, hs);
	}
	return 1;
}
DATES_RULE(time, CB(C_CLOCK) | S_NUM2);

/*
 * n - (time | day month): the start of a range whose end holds what
 * the start leaves out:
 * "8 - 11pm" (20:00), "10 - 11 at night", "22-23 Feb at 7pm".  The
 * start is its own expression; the end is found after it.
 */
static int
r_range(struct dates_scan *sc, size_t i, struct tx *m)
{
	struct tx t;
	int a, h, d;
	const char *v;

	if (!isnum(sc, i) || TK(i)->nd > 2 || money(sc, i) || !ispc(sc, i + 1, '-') ||
	    !isnum(sc, i + 2) || TK(i + 2)->nd > 2)
		return 0;
	if (i >= 2 && att(sc, i) && TK(i - 1)->kind == TP && isnum(sc, i - 2))
		return 0;	/* 555-12-20 */
	if (att(sc, i + 1) != att(sc, i + 2))
		return 0;	/* "8 -11pm" */
	if (ispc(sc, i + 3, '-') && isnum(sc, i + 4))
		return 0;	/* a chain, 1-2-3, is no range (and no deep recursion) */
	a = (int)TK(i)->num;
	if (!best(sc, i + 2, &t) || t.t0 != i + 2)
		return 0;
	combine(sc, &t);
	v = t.val;
	if (strlen(v) < 10 || v[4] != '-' || v[7] != '-')
		return 0;
	if (t.type == TY_TIME && t.istime && strlen(v) >= 16 && v[10] == 'T') {
		/* hours: the end's half of the day when the start fits in it */
		if (a > 12 || TK(i + 2)->num > 12)
			return 0;
		h = atoi(v + 11);
		if (h >= 12 && a < 12 && a + 12 <= h)
			a += 12;
		else if (a > h)
			return 0;
		char day[16];
		memcpy(day, v, 10);
		day[10] = '\0';
		settx(m, i, i + 1, TY_TIME, "");
		timeval(m->val, day, a, 0, 0, 0);
		return 1;
	}
	if (!t.dayp && t.type != TY_TIME)
		return 0;
	if (t.istime || v[5] == 'X' || v[8] == 'X')
		return 0;
	/* days: "22-23 Feb" */
	d = atoi(v + 8);
	if (d != TK(i + 2)->num || a >= d || !okday(v[0] == 'X' ? 2000 : atoi(v), atoi(v + 5), a))
		return 0;
	settx(m, i, i + 1, t.type, v);
	m->val[8] = (char)('0' + a / 10);
	m->val[9] = (char)('0' + a % 10);
	m->dayp = t.dayp;
	return 1;
}
DATES_RULE(range, S_NUM);
