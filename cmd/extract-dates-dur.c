/*
 * extract-dates-dur: counts, units and durations ("three and a half
 * years", "1d 21h"), and the rules for durations and sets.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-dates-int.h"

/* ---------- numbers ---------- */

/* A count: digits or words.  *x is set when it is "a few" and the like. */
size_t
pnum(const struct dates_scan *sc, size_t i, double *v, int *x)
{
	int n;

	*x = 0;
	if (i >= sc->nt)
		return 0;
	if (isnum(sc, i)) {
		if (money(sc, i))
			return 0;
		/* glued to a word or a code: "e3%8d", "A380" */
		if (i > 0 && att(sc, i) && (isword(sc, i - 1) || ispc(sc, i - 1, '%') ||
		    ispc(sc, i - 1, '/') || ispc(sc, i - 1, '_')) &&
		    !(i >= 2 && isnum(sc, i - 2) && att(sc, i - 1) &&
		    (has(sc, i - 1, C_UNITS) || has(sc, i - 1, C_UNITS_PL))))
			return 0;	/* but "2hr5min" is a compound */
		if (TK(i)->nd > 6 || inbig(sc, i)) {
			if (ispc(sc, i + 1, '.') && att(sc, i + 1) && isnum(sc, i + 2) &&
			    att(sc, i + 2) && TK(i)->nd <= 6 && TK(i + 2)->nd <= 2 &&
			    !(i >= 2 && att(sc, i) && isnum(sc, i - 2) && TK(i - 1)->kind == TP) &&
			    !(att(sc, i + 3) && TK(i + 3)->kind == TP && isnum(sc, i + 4))) {
				/* 2.5 hours, 9.58 seconds */
				*v = TK(i)->num + TK(i + 2)->num / (TK(i + 2)->nd == 1 ? 10.0 : 100.0);
				return i + 3;
			}
			return 0;
		}
		*v = (double)TK(i)->num;
		/* "3 1/2 years": a whole and a fraction */
		if (isnum(sc, i + 1) && !att(sc, i + 1) && ispc(sc, i + 2, '/') && att(sc, i + 2) &&
		    isnum(sc, i + 3) && att(sc, i + 3) && TK(i + 1)->num >= 1 &&
		    TK(i + 1)->num < TK(i + 3)->num && TK(i + 3)->num <= 8 &&
		    !(att(sc, i + 4) && (isnum(sc, i + 4) || ispc(sc, i + 4, '/')))) {
			*v += (double)TK(i + 1)->num / (double)TK(i + 3)->num;
			return i + 4;
		}
		return i + 1;
	}
	if (!has(sc, i, C_NUMBERS))
		return 0;
	n = ivl(sc, i, C_NUMBERS);
	if (n == 1 && i + 1 < sc->nt && has(sc, i + 1, C_NUMBERS) &&
	    !isnum(sc, i + 1)) {	/* "a few", "a couple of", "a dozen" */
		int m = ivl(sc, i + 1, C_NUMBERS);
		if (m < 0 || m == 2 || m == 12 || m == 100) {
			i++;
			n = m;
		}
	}
	if (n >= 20 && n <= 90 && n % 10 == 0) {
		size_t j = i + 1;
		if (ispc(sc, j, '-') && att(sc, j))
			j++;
		if (has(sc, j, C_NUMBERS) && ivl(sc, j, C_NUMBERS) > 0 &&
		    ivl(sc, j, C_NUMBERS) < 10 && !has(sc, j, C_INDEF)) {
			n += ivl(sc, j, C_NUMBERS);
			i = j;
		}
	}
	if (n < 0)
		*x = 1;
	*v = n;
	i++;
	if ((n < 0 || n == 2 || n == 12 || n == 100) && has(sc, i, C_OF) &&
	    has(sc, i - 1, C_COUNT_OF))
		i++;
	return i;
}

/*
 * A unit after a number (j is where it should be): its code and end.
 * afternum 2: inside a compound duration ("1d 21 h 25m"), where a
 * short unit may stand apart and "m" is minutes.
 */
size_t
punit(const struct dates_scan *sc, size_t j, int afternum, int *u, int *plural)
{
	if (j >= sc->nt)
		return 0;
	if (afternum == 2 && has(sc, j, C_UNITS_CMP) && att(sc, j) && !TK(j)->cap) {
		*u = ivl(sc, j, C_UNITS_CMP);
		*plural = 0;
		return j + 1;
	}
	if (has(sc, j, C_UNITS_ATT) && (!(afternum && (att(sc, j) || afternum == 2)) ||
	    TK(j)->cap))
		return 0;	/* "5d" is five days, "3D" is not */
	if (has(sc, j, C_UNITS)) {
		*u = ivl(sc, j, C_UNITS);
		*plural = 0;
		return j + 1;
	}
	if (has(sc, j, C_UNITS_PL)) {
		*u = ivl(sc, j, C_UNITS_PL);
		*plural = 1;
		return j + 1;
	}
	return 0;
}

/*
 * number [-] unit [and a half]: a duration.  Returns its end, 0 if none.
 */
size_t
pdur(const struct dates_scan *sc, size_t i, double *v, int *x, int *u, int cmp)
{
	size_t j, k;
	int pl;

	if (has(sc, i, C_HALF)) {	/* half an hour */
		j = i + 1;
		if (has(sc, j, C_INDEF))
			j++;
		if ((k = punit(sc, j, 0, u, &pl)) && !pl) {
			*v = 0.5, *x = 0;
			if (*u == U_H)
				*v = 30, *u = U_MIN;
			else if (*u == U_MIN)
				*v = 30, *u = U_S;
			else if (*u == U_Y)
				*v = 6, *u = U_M;
			else if (*u == U_D)
				*v = 12, *u = U_H;
			return k;
		}
		return 0;
	}
	if (!(j = pnum(sc, i, v, x)))
		return 0;
	if (ispc(sc, j, '-') && att(sc, j) && att(sc, j + 1))
		j++;
	if (!(k = punit(sc, j, isnum(sc, j - 1) ? 1 + (cmp && isnum(sc, i)) : 0, u, &pl)))
		return 0;
	if (*u == U_WE)
		return 0;
	/* "a second-half revival", "a second-hand car": an ordinal */
	if (*u == U_S && has(sc, i, C_INDEF) && ispc(sc, k, '-') && att(sc, k))
		return 0;
	/* "three and a half years", "an hour and a half" */
	if (has(sc, k, C_AND) && has(sc, k + 1, C_INDEF) &&
	    has(sc, k + 2, C_HALF) && !*x) {
		*v += 0.5;
		k += 3;
	}
	return k;
}

static int
unitrank(int u)
{
	static const int r[] = { 0, 9, 7, 6, 5, 4, 3, 2, 1, 10, 11, 0 };
	return r[u];
}

/* "1 day 21 hours", "5 minutes, and 30 seconds": a compound duration. */
static size_t pdurs1(const struct dates_scan *, size_t, struct dur *);

/* The rules ask for the duration at a token several times: the last answer is kept. */
size_t
pdurs(const struct dates_scan *sc, size_t i, struct dur *d)
{
	struct pdmemo *pm = sc->memo;

	if (pm->i != i) {
		pm->i = i;
		pm->e = pdurs1(sc, i, &pm->d);
	}
	if (pm->e)
		*d = pm->d;
	return pm->e;
}

static size_t
pdurs1(const struct dates_scan *sc, size_t i, struct dur *d)
{
	size_t e, k, j;
	double v;
	int x, u;

	/*
	 * Most counts have no unit after them: every duration has one of
	 * these at most five tokens after its start (pnum() reads at most
	 * four tokens, "3 1/2", then a "-" may come), so none is there.
	 */
	for (k = i; k < i + 6 && k < sc->nt; k++)
		if (TK(k)->lf & (CB(C_UNITS) | CB(C_UNITS_PL) | CB(C_UNITS_CMP)))
			break;
	if (k == i + 6 || k >= sc->nt)
		return 0;
	if (!(e = pdur(sc, i, &v, &x, &u, 0))) {
		/* "3m 49s": a compound-only unit first, when more follows */
		double v2;
		int x2, u2;
		if (!isnum(sc, i) || !has(sc, i + 1, C_UNITS_CMP) ||
		    !(e = pdur(sc, i, &v, &x, &u, 1)) || x || !isnum(sc, e) ||
		    !pdur(sc, e, &v2, &x2, &u2, 1) || x2 || unitrank(u2) >= unitrank(u))
			return 0;
	}
	d->n = 1, d->x = x, d->v[0] = v, d->u[0] = u;
	while (d->n < 4 && !x) {
		j = e;
		if (ispc(sc, j, ','))
			j++;
		if (has(sc, j, C_AND))
			j++;
		if (!isnum(sc, j) && !(has(sc, j, C_NUMBERS) && ivl(sc, j, C_NUMBERS) > 1))
			break;
		if (!(k = pdur(sc, j, &v, &x, &u, 1)) || x ||
		    unitrank(u) >= unitrank(d->u[d->n - 1]))
			break;
		d->v[d->n] = v, d->u[d->n] = u;
		d->n++;
		e = k;
	}
	return e;
}

/*
 * A count's noun before "a day": "140,000 vehicles a day", "500 cars a
 * year" are rates (a word not of time after a number that is no year,
 * not "in 10 days", not "£4.50 for an hour").
 */
static int
ratenoun(const struct dates_scan *sc, size_t i)
{
	if (i >= 2 && has(sc, i - 1, C_SET_BEFORE) && isnum(sc, i - 2))
		i--;	/* "13 million visitors a year" */
	else if (i < 1 || !isword(sc, i) || TK(i)->cap || !isnum(sc, i - 1) ||
	    (TK(i - 1)->nd == 4 && !inbig(sc, i - 1)))
		return 0;	/* "of 2005 after a week" */
	return !has(sc, i, C_UNITS) && !has(sc, i, C_UNITS_PL) && !has(sc, i, C_DUR_BEFORE) &&
	    !has(sc, i, C_BOUND) && !has(sc, i, C_BEFORE_AFTER) && !(i >= 2 && has(sc, i - 2, C_IN));
}

/* [approx] N units; bare plurals after "for" */
static int
r_dur(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k, e;
	const char *mod = NULL;
	struct dur dd;
	int u;

	if ((k = phr(sc, C_APPROX, j, NULL, &mod)))
		j += k;
	if ((e = pdurs(sc, j, &dd))) {
		u = dd.u[0];
		if (has(sc, e, C_AGE) || (ispc(sc, e, '-') && has(sc, e + 1, C_AGE)))
			return 0;
		/* "a year-on-year rise", "on a month-over-month basis": a kind */
		if (ispc(sc, e, '-') && att(sc, e) && isword(sc, e + 1) && ispc(sc, e + 2, '-') &&
		    att(sc, e + 3) && has(sc, e + 3, C_UNITS))
			return 0;
		/* "for a second day", "a second straight year": an ordinal */
		if (u == U_S && !mod && has(sc, j, C_INDEF) && isword(sc, e) &&
		    (has(sc, e, C_UNITS) || has(sc, e, C_SUPER) ||
		    (isword(sc, e + 1) && has(sc, e + 1, C_UNITS))))
			return 0;
		/* "a second time", "one day" (someday) */
		if (!mod && (has(sc, j, C_INDEF) || has(sc, j, C_ONE)) &&
		    (u == U_S || u == U_MIN || (u == U_D && has(sc, j, C_ONE))) &&
		    !(i > 0 && has(sc, i - 1, C_DUR_BEFORE)))
			return 0;
		if (u == U_S && !isnum(sc, j) && has(sc, e, C_UNITS) == 0 && isword(sc, e) &&
		    !(i > 0 && has(sc, i - 1, C_DUR_BEFORE)) && !mod)
			return 0;
		settx(m, i, e, TY_DURATION, "");
		durvals(m->val, &dd);
		m->mod = mod;
		if (!mod && dd.n == 1 && has(sc, j, C_INDEF) && i > 0 &&
		    (has(sc, i - 1, C_SET_BEFORE) || (isnum(sc, i - 1) && !has(sc, i - 2, C_IN)) ||
		    ratenoun(sc, i - 1)))
			m->type = TY_SET;
		return 1;
	}
	/* "for years"; "minutes before the vote", "hours after the attack", "days later" */
	if (j == i && ((i > 0 && has(sc, i - 1, C_DUR_BEFORE)) || has(sc, i + 1, C_BEFORE_AFTER) ||
	    has(sc, i + 1, C_SHIFT)) && has(sc, i, C_UNITS_PL) &&
	    !has(sc, i, C_UNITS_ATT) && ivl(sc, i, C_UNITS_PL) != U_WE &&
	    !has(sc, i, C_WEEKDAYS)) {
		settx(m, i, i + 1, TY_DURATION, "");
		durval(m->val, 0, 1, ivl(sc, i, C_UNITS_PL));
		return 1;
	}
	return 0;
}
DATES_RULE(dur, DUR_START | CB(C_UNITS_PL));

/*
 * A set's count before it, into its span: "twice a week" (TimeML's
 * freq 2X), "three times a day", "5 times per year".
 */
void
setfreq(const struct dates_scan *sc, struct tx *m)
{
	size_t i = m->t0;
	double v;
	int x;

	if (i > sc->done && has(sc, i - 1, C_TIMES_N)) {
		m->freq = ivl(sc, i - 1, C_TIMES_N);
		m->t0 = i - 1;
	} else if (i > sc->done + 1 && has(sc, i - 1, C_TIMES)) {
		/* the number, a word or digits, just before "times" */
		if (isnum(sc, i - 2) && !inbig(sc, i - 2) && TK(i - 2)->num >= 1 &&
		    TK(i - 2)->num <= 1000)
			m->freq = (int)TK(i - 2)->num;
		else if (pnum(sc, i - 2, &v, &x) == i - 1 && !x && v >= 1 && v == (int)v)
			m->freq = (int)v;
		else
			return;
		m->t0 = i - 2;
	}
}

/* every [other] [N] unit | weekday | daypart; daily */
static int
r_set(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, e;
	double v = 1;
	int x = 0, u, pl;

	if (has(sc, i, C_FREQ) && !TK(i)->cap) {
		/* "a quarterly dividend", "its weekly meeting": a kind, not a set */
		if (i > 0 && (has(sc, i - 1, C_DETERMINERS) || has(sc, i - 1, C_ORDINALS) ||
		    has(sc, i - 1, C_SUPER)) && isword(sc, i + 1) && !has(sc, i + 1, C_FREQ_NOUNS))
			return 0;	/* "the first quarterly loss" too */
		settx(m, i, i + 1, TY_SET, svl(sc, i, C_FREQ));
		return 1;
	}
	if (!has(sc, j, C_EVERY))
		return 0;
	j++;
	if (has(sc, j, C_OTHER))
		v = 2, j++;
	if (has(sc, j, C_WEEKDAYS) && !TK(j)->lx->abbr) {
		settx(m, i, j + 1, TY_SET, "");
		snprintf(m->val, sizeof m->val, "XXXX-WXX-%d", ivl(sc, j, C_WEEKDAYS));
		return 1;
	}
	if (has(sc, j, C_DAYPARTS)) {
		settx(m, i, j + 1, TY_SET, "");
		snprintf(m->val, sizeof m->val, "XXXX-XX-XXT%s", svl(sc, j, C_DAYPARTS));
		return 1;
	}
	if ((e = pnum(sc, j, &v, &x)) && !x && (e = punit(sc, e, isnum(sc, e - 1), &u, &pl)) && u != U_WE) {
		settx(m, i, e, TY_SET, "");
		durval(m->val, v, 0, u);
		return 1;
	}
	if ((e = punit(sc, j, 0, &u, &pl)) && !pl && u != U_WE) {
		settx(m, i, e, TY_SET, "");
		durval(m->val, v, 0, u);
		return 1;
	}
	return 0;
}
DATES_RULE(set, CB(C_FREQ) | CB(C_EVERY));
