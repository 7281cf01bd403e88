/*
 * extract-dates-rel: expressions relative to the reference or to
 * another date: weekdays, today, last week, two years ago, in a month,
 * a day later, +3 days.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-dates-int.h"

/*
 * weekday [of | ,] rel week, j after the weekday: "Friday of next
 * week", "Tuesday, next week"
 */
static int
wdweek(struct dates_scan *sc, size_t i, size_t j, int wd, struct tx *m)
{
	size_t k = j;

	if (has(sc, k, C_OF) || ispc(sc, k, ','))
		k++;
	if (!has(sc, k, C_RELATIVE) || !has(sc, k + 1, C_WEEK) || has(sc, k, C_PAST))
		return 0;
	settx(m, i, k + 2, TY_DATE, "");
	wdval(sc, m->val, wd, 0, ivl(sc, k, C_RELATIVE));
	m->dayp = 1;
	return 1;
}

/* [last|next|this] weekday [of next week | next week] [, the 10th] */
int
r_weekday(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i;
	int rel = 9, wd, rv;
	const struct tok *t;

	if (has(sc, j, C_RELATIVE) && has(sc, j + 1, C_WEEKDAYS) &&
	    !(has(sc, j, C_REL_POINT) && ivl(sc, j, C_RELATIVE) == 0)) {	/* "same" */
		rel = ivl(sc, j, C_RELATIVE);
		j++;
	}
	if (has(sc, j, C_WEEKDAYS_PL) && (TK(j)->cap || rel != 9)) {
		if (j > 0 && (has(sc, j - 1, C_ON) || has(sc, j - 1, C_EVERY))) {
			settx(m, i, j + 1, TY_SET, "");
			snprintf(m->val, sizeof m->val, "XXXX-WXX-%d", ivl(sc, j, C_WEEKDAYS_PL));
			return 1;
		}
		return 0;
	}
	if (!has(sc, j, C_WEEKDAYS))
		return 0;
	t = TK(j);
	if (t->lx->abbr)
		return 0;
	if (!t->cap && rel == 9)
		return 0;
	if (j > 0 && TK(j - 1)->cap && has(sc, j - 1, C_WD_NAME))
		return 0;	/* "Black Friday", "Super Tuesday": names */
	if (rel != 9) {
		struct tx t2;
		if (r_weekday(sc, j, &t2) && t2.t1 > j + 1)
			return 0;
		if (r_mdy(sc, j, &t2) && t2.t1 > j + 1)
			return 0;
	}
	wd = ivl(sc, j, C_WEEKDAYS);
	j++;
	if (wdweek(sc, i, j, wd, m))
		return 1;
	/* "Monday, the 10th" */
	{
		size_t k = j, e;
		int d, ord;
		if (ispc(sc, k, ','))
			k++;
		if (has(sc, k, C_ARTICLES) && (e = pday(sc, k + 1, &d, &ord)) && ord &&
		    !has(sc, e, C_OF) && !has(sc, e, C_MONTHS)) {
			settx(m, i, e, TY_DATE, "");
			if (!wdnth(sc->ref, m->val, wd, d))
				return 0;
			m->dayp = 1;
			return 1;
		}
	}
	/* "the Sunday Times" is a name */
	if (rel == 9 && i > 0 && has(sc, i - 1, C_ARTICLES) && isword(sc, j) && TK(j)->cap &&
	    !has(sc, j, C_MONTHS) && !has(sc, j, C_DAYPARTS) && !has(sc, j, C_DEICTIC))
		return 0;
	settx(m, i, j, TY_DATE, "");
	if (rel == 9)
		rv = forward(sc, i) ? 1 : -1;
	else if (rel < 0)
		rv = -2;
	else if (rel > 0)
		rv = 2;
	else
		rv = 0;
	wdval(sc, m->val, wd, rv, 0);
	m->dayp = 1;
	m->wdonly = rel == 9;
	return 1;
}
DATES_RULE(weekday, CB(C_RELATIVE) | CB(C_WEEKDAYS_PL) | CB(C_WEEKDAYS));

/* today, yesterday, tomorrow, tonight; the day before yesterday; [daypart] */
int
r_deictic(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i;
	int off = 0;
	const char *part = NULL;

	if (has(sc, j, C_ARTICLES) && has(sc, j + 1, C_DAY) && has(sc, j + 2, C_BEFORE_AFTER) &&
	    has(sc, j + 3, C_DEICTIC)) {
		off = ivl(sc, j + 2, C_BEFORE_AFTER);
		j += 3;
	}
	if (!has(sc, j, C_DEICTIC) || isname(sc, j))
		return 0;
	off += ivl(sc, j, C_DEICTIC);
	if (has(sc, j, C_DEICTIC_PART))
		part = svl(sc, j, C_DEICTIC_PART);
	j++;
	settx(m, i, j, TY_DATE, "");
	if (sc->ref->have)
		putday(m->val, refday(sc->ref) + off);
	else
		snprintf(m->val, sizeof m->val, "XXXX-XX-XX");
	m->dayp = 1;
	if (part) {
		size_t n = strlen(m->val);
		snprintf(m->val + n, sizeof m->val - n, "T%s", part);
		m->type = TY_TIME;
		m->dayp = 0;
	}
	return 1;
}
DATES_RULE(deictic, CB(C_ARTICLES) | CB(C_DEICTIC));

/*
 * Is the expression at i compared with: a word of compare_words before
 * it in its clause, at most four tokens back ("up from 1.8 billion a
 * year ago", "than last year")?
 */
static int
compared(const struct dates_scan *sc, size_t i)
{
	size_t k, lo = i > 5 ? i - 5 : 0;

	for (k = i; k-- > lo;) {
		if (has(sc, k, C_COMPARE))
			return 1;
		if (TK(k)->kind == TP && strchr(",;:!?", TK(k)->ch))
			return 0;
		if (TK(k)->kind == TP && TK(k)->ch == '.' && !(att(sc, k) && att(sc, k + 1)))
			return 0;
	}
	return 0;
}

/*
 * rel unit, at i ([the] ... rel at j - 1, the unit at j): next day, last
 * hour (the one after or before the reference); this week, last month
 * (the calendar one); the past year (a duration).
 */
static int
rel_unit(struct dates_scan *sc, size_t i, size_t j, int the, int rel, struct tx *m)
{
	int u = ivl(sc, j, C_UNITS);

	/* next day, last hour: the one after or before the reference */
	if ((u == U_D || u == U_H) && !the && rel != 0 && !has(sc, j + 1, C_OF) &&
	    !endsat(sc, C_DETERMINERS, i) &&
	    !(isword(sc, j + 1) && !has(sc, j + 1, C_AT) && !has(sc, j + 1, C_ON) &&
	    !has(sc, j + 1, C_AND) && !has(sc, j + 1, C_DAYPARTS))) {
		struct dur one = { 1, 0, { 1 }, { 0 } };
		if (u == U_H && !(sc->ref->have && sc->ref->hastime))
			return 0;
		one.u[0] = u;
		settx(m, i, j + 1, u == U_H ? TY_TIME : TY_DATE, "");
		shiftr(sc->ref, m->val, rel, &one, u);
		m->dayp = u == U_D && sc->ref->have;
		return 1;
	}
	/*
	 * "the previous day", "the following day", "the next day", "the
	 * same day": from the last date
	 */
	if (u == U_D && the && (has(sc, j - 1, C_REL_POINT) || rel > 0) &&
	    !has(sc, j + 1, C_OF)) {
		struct dur one = { 1, 0, { 1 }, { U_D } };
		const struct dates_ref *base = narrbase(sc, &one);
		settx(m, i, j + 1, TY_DATE, "");
		shiftr(base, m->val, rel, &one, u);
		m->dayp = base->have;
		return 1;
	}
	if (u == U_D || u == U_H || u == U_MIN || u == U_S)
		return 0;
	if (rel == 0 && has(sc, j - 1, C_REL_POINT))
		return 0;	/* "the same quarter": a period of the data file's */
	if (the && rel < 0 && u != U_WE && u != U_Q && !has(sc, j - 1, C_REL_POINT)) {
		/* the past year: a duration */
		settx(m, i, j + 1, TY_DURATION, "");
		durval(m->val, 1, 0, u);
		return 1;
	}
	if (the && rel > 0 && !has(sc, j - 1, C_REL_POINT))
		return 0;
	settx(m, i, j + 1, TY_DATE, "");
	/* "Q2 net rose from last year": the second quarter a year before */
	if (!the && rel < 0 && u == U_Y && compared(sc, i) && aboutback(sc, m, 1))
		return 1;
	if (has(sc, j - 1, C_REL_POINT)) {
		/* "In May 1990 ... the following month": from the last date */
		struct dur one = { 1, 0, { 1 }, { 0 } };
		const struct dates_ref *save = sc->ref;
		int ok;
		one.u[0] = u;
		sc->ref = narrbase(sc, &one);
		ok = relunit(sc, m->val, rel, u);
		sc->ref = save;
		return ok;
	}
	if (!relunit(sc, m->val, rel, u))
		return 0;
	return 1;
}

/* rel daypart | season | month, rel at j - 1: last night, next summer, last August */
static int
rel_named(struct dates_scan *sc, size_t i, size_t j, int rel, struct tx *m)
{
	if (has(sc, j, C_DAYPARTS)) {
		const char *p = svl(sc, j, C_DAYPARTS);
		long z;
		if (!sc->ref->have) {
			settx(m, i, j + 1, TY_TIME, "");
			snprintf(m->val, sizeof m->val, "XXXX-XX-XXT%s", p);
			return 1;
		}
		z = refday(sc->ref);
		if (rel < 0 && !strcmp(p, "NI"))
			z -= 1;
		else if (rel < 0)
			return 0;
		else if (rel > 0)
			z += 1;
		settx(m, i, j + 1, TY_TIME, "");
		putday(m->val, z);
		snprintf(m->val + 10, sizeof m->val - 10, "T%s", p);
		return 1;
	}
	if (has(sc, j, C_SEASONS)) {
		const char *p = svl(sc, j, C_SEASONS);
		int y;
		if (TK(j)->cap && isword(sc, j + 1) && TK(j + 1)->cap)
			return 0;	/* "the next Summer Olympics": a name */
		settx(m, i, j + 1, TY_DATE, "");
		if (!sc->ref->have) {
			snprintf(m->val, sizeof m->val, "XXXX-%s", p);
			return 1;
		}
		y = sc->ref->y;
		{
			int cur = (sc->ref->m % 12) / 3, s = seasonidx(p);
			if (rel < 0 && s >= cur)
				y--;
			if (rel > 0 && s <= cur)
				y++;
		}
		snprintf(m->val, sizeof m->val, "%04d-%s", y, p);
		return 1;
	}
	if (has(sc, j, C_MONTHS) && (TK(j)->cap || !has(sc, j, C_MONTH_AMB))) {
		int mo = ivl(sc, j, C_MONTHS), y;
		size_t e = j + 1;
		if (TK(j)->lx->abbr && ispc(sc, e, '.'))
			e++;
		settx(m, i, e, TY_DATE, "");
		if (!sc->ref->have) {
			snprintf(m->val, sizeof m->val, "XXXX-%02d", mo);
			return 1;
		}
		y = sc->ref->y;
		if (rel < 0 && mo >= sc->ref->m)
			y--;
		if (rel > 0 && mo <= sc->ref->m)
			y++;
		snprintf(m->val, sizeof m->val, "%04d-%02d", y, mo);
		return 1;
	}
	return 0;
	return 0;
}

/*
 * [the] [earlier|later] rel unit: this week, last month, next year,
 * this morning, last night, last summer, last August, the past two years.
 */
int
r_rel(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k, q;
	int the = 0, rel, u, pl, x;
	double v;

	if (has(sc, j, C_ARTICLES))
		the = 1, j++;
	if (has(sc, j, C_THIS_PREFIX) && has(sc, j + 1, C_RELATIVE) && ivl(sc, j + 1, C_RELATIVE) == 0)
		j++;
	/*
	 * "the first nine months", "the nine months": TimeML keeps the
	 * determiner in the span
	 */
	q = has(sc, j, C_ORDINALS) && ivl(sc, j, C_ORDINALS) == 1 && !isnum(sc, j) ? j + 1 : j;
	if (the && (isnum(sc, q) || has(sc, q, C_NUMBERS)) && (k = pnum(sc, q, &v, &x)) &&
	    !has(sc, q, C_INDEF) &&
	    punit(sc, k, 0, &u, &pl) && (pl || (!x && v > 1)) && u != U_WE) {
		settx(m, i, k + 1, TY_DURATION, "");
		durval(m->val, v, x, u);
		return 1;
	}
	if (!has(sc, j, C_RELATIVE))
		return 0;
	/* "told This Morning": a title mid-sentence, not this morning */
	if (TK(j)->cap && !sentstart(sc, j) && isword(sc, j + 1) && TK(j + 1)->cap &&
	    !has(sc, j + 1, C_MONTHS) && !has(sc, j + 1, C_WEEKDAYS) && !has(sc, j + 1, C_HOLIDAYS))
		return 0;
	/*
	 * "expected to last six weeks", "could last months": a verb (a
	 * relative word that is also a backward one: "last")
	 */
	if (!the && has(sc, j, C_BACKWARD) && j > 0 && has(sc, j - 1, C_VERB_BEFORE) &&
	    !TK(j - 1)->cap && pnum(sc, j + 1, &v, &x))
		return 0;	/* not "compared to last year", "to last November" */
	rel = ivl(sc, j, C_RELATIVE);
	j++;
	/* the past two years, the next few days, the coming weeks */
	if ((the || rel != 0) && (k = pnum(sc, j, &v, &x)) && !has(sc, j, C_INDEF) &&
	    (punit(sc, k, 0, &u, &pl)) && (pl || (!x && v > 1)) &&
	    u != U_WE) {
		settx(m, i, k + 1, TY_DURATION, "");
		durval(m->val, v, x, u);
		return 1;
	}
	if (rel != 0 && has(sc, j, C_UNITS_PL) && !has(sc, j, C_UNITS_ATT) &&
	    ivl(sc, j, C_UNITS_PL) != U_WE) {
		settx(m, i, j + 1, TY_DURATION, "");
		durval(m->val, 0, 1, ivl(sc, j, C_UNITS_PL));
		return 1;
	}
	if (has(sc, j, C_UNITS) && !has(sc, j, C_UNITS_ATT))
		return rel_unit(sc, i, j, the, rel, m);
	if (rel == 0 && has(sc, j - 1, C_REL_POINT))
		return 0;	/* "same night" */
	/* "the next morning", "the previous night": from the last date */
	if (the && rel != 0 && has(sc, j, C_DAYPARTS) && sc->ref->have) {
		struct dur one = { 1, 0, { 1 }, { U_D } };
		settx(m, i, j + 1, TY_TIME, "");
		putday(m->val, refday(narrbase(sc, &one)) + rel);
		snprintf(m->val + 10, sizeof m->val - 10, "T%s", svl(sc, j, C_DAYPARTS));
		return 1;
	}
	return the ? 0 : rel_named(sc, i, j, rel, m);
}
DATES_RULE(rel, CB(C_ARTICLES) | CB(C_THIS_PREFIX) | CB(C_RELATIVE));

/* Is d one year? */
static int
oneyear(const struct dur *d)
{
	return d->n == 1 && !d->x && d->v[0] == 1 && d->u[0] == U_Y;
}

/* [approx] N units ago | from now */
static int
r_ago(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k, e;
	const char *mod = NULL;
	struct dur dd;
	int u, dir;

	if ((k = phr(sc, C_APPROX, j, NULL, &mod)))
		j += k;
	if (!(e = pdurs(sc, j, &dd)))
		return 0;
	if (!(k = phr(sc, C_AGO, e, &dir, NULL)))
		return 0;
	settx(m, i, e + k, TY_DATE, "");
	/* "Q2 net rose from a year ago": the second quarter a year before */
	if (dir < 0 && oneyear(&dd) && j == i && compared(sc, i) && aboutback(sc, m, 1))
		return 1;
	/* "eight years from now" is a duration; "a year ago" a date */
	m->sig = dir > 0, m->dd = dd;
	if (dd.x) {
		snprintf(m->val, sizeof m->val, dir < 0 ? "PAST_REF" : "FUTURE_REF");
		return 1;
	}
	u = dd.u[dd.n - 1];
	/* "2 weeks ago at 9am" is a day: the week is only its grain */
	if (u == U_W && sc->ref->have && has(sc, e + k, C_AT)) {
		struct tx t;
		if (r_time(sc, e + k + 1, &t) && t.istime)
			u = U_D;
	}
	/* "50 years ago today", "60 years ago this month": to that grain */
	if (dir < 0 && sc->ref->have && u != U_H && u != U_MIN && u != U_S) {
		size_t a = e + k;
		if (has(sc, a, C_DEICTIC) && ivl(sc, a, C_DEICTIC) == 0 && !TK(a)->cap) {
			u = U_D, m->t1 = a + 1;
		} else if (has(sc, a, C_RELATIVE) && ivl(sc, a, C_RELATIVE) == 0 &&
		    !has(sc, a, C_REL_POINT) && has(sc, a + 1, C_UNITS) &&
		    !has(sc, a + 1, C_UNITS_ATT) && (ivl(sc, a + 1, C_UNITS) == U_M ||
		    ivl(sc, a + 1, C_UNITS) == U_W) && ivl(sc, a + 1, C_UNITS) != u) {
			u = ivl(sc, a + 1, C_UNITS), m->t1 = a + 2;
		}
	}
	shiftr(sc->ref, m->val, dir, &dd, u);
	m->durpt = 1, m->dir = dir, m->dd = dd, m->sig = dir > 0;
	m->dayp = u == U_D && sc->ref->have;
	m->mod = mod && strcmp(mod, "APPROX") == 0 ? mod : NULL;
	if (u == U_H || u == U_MIN || u == U_S)
		m->type = sc->ref->have && sc->ref->hastime ? TY_TIME : TY_DATE;
	return 1;
}
DATES_RULE(ago, DUR_START);

/* in N units (future, unless "the first time in three years") */
static int
r_in(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k, e, lo;
	struct dur dd;
	int x, u;
	const char *mod = NULL;

	if (i == 0 || !has(sc, i - 1, C_IN))
		return 0;
	if ((k = phr(sc, C_APPROX, j, NULL, &mod)))
		j += k;
	if ((k = phr(sc, C_APPROX, j, NULL, NULL)))	/* "about ~5 hours" */
		j += k;
	if (!(e = pdurs(sc, j, &dd))) {
		/* "in 2 h", "in 1 mon": a short unit apart, ending the clause */
		double v;
		int x1, u1;
		if (!isnum(sc, j) || att(sc, j + 1) || !has(sc, j + 1, C_UNITS_ATT) ||
		    !clauseend(sc, j + 2) || !(e = pdur(sc, j, &v, &x1, &u1, 1)))
			return 0;
		dd.n = 1, dd.x = x1, dd.v[0] = v, dd.u[0] = u1;
	}
	x = dd.x;
	u = dd.u[dd.n - 1];
	if (has(sc, e, C_AGO) || has(sc, e, C_AGE))
		return 0;
	lo = i > 8 ? i - 8 : 0;
	for (k = i - 1; k-- > lo;) {
		if (TK(k)->kind == TP && strchr(".;!?", TK(k)->ch))
			break;
		if (has(sc, k, C_SUPER))
			return 0;
	}
	if (x) {
		settx(m, i, e, TY_DATE, "FUTURE_REF");
		m->sig = 1, m->dd = dd;
		return 1;
	}
	if ((u == U_H || u == U_MIN || u == U_S) && !(sc->ref->have && sc->ref->hastime))
		return 0;
	settx(m, i, e, TY_DATE, "");
	/* "in a week" points at a day, not at a calendar week */
	shiftr(sc->ref, m->val, 1, &dd, u == U_W ? U_D : u);
	m->durpt = 1, m->dir = 1, m->dd = dd, m->sig = 1;
	m->dayp = (u == U_D || u == U_W) && sc->ref->have;
	if (mod && strcmp(mod, "APPROX") == 0)
		m->mod = mod;
	if (u == U_H || u == U_MIN || u == U_S)
		m->type = sc->ref->have && sc->ref->hastime ? TY_TIME : TY_DATE;
	return 1;
}
DATES_RULE(in, DUR_START);

/* fixed: now, the past, the future, at present (the data file's values) */
static int
r_fixed(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t k;
	const char *v;

	if (!(k = phr(sc, C_FIXED, i, NULL, &v)))
		return 0;
	if (k == 1 && (isname(sc, i) || has(sc, i + 1, C_FIXED_NOT_BEFORE)))
		return 0;	/* "Russia Today", "the current account" */
	if (k == 1 && i > 0 && has(sc, i - 1, C_FIXED_AMID) && has(sc, i + 1, C_FIXED_AMID))
		return 0;	/* "as soon as": a conjunction */
	if (strcmp(v, "ANCHOR") == 0) {
		/*
		 * "at the time": the time the text last named, in this
		 * record or the one before (TimeML leaves "at" out),
		 * PAST_REF with none; "at the time of the vote",
		 * "at the time when" are another time
		 */
		int near = sc->lastgrain && sc->lastrec + 1 >= sc->nrec &&
		    !(sc->ref->have && sc->last.y > sc->ref->y);
		if (k < 2 || has(sc, i + k, C_PERIOD_NOT_BEFORE))
			return 0;
		/* the time named in this sentence or the one before, if not ahead */
		settx(m, i + 1, i + k, TY_DATE, near ? sc->lastval : "PAST_REF");
		m->noabout = 1;
		return 1;
	}
	/* "recent months" is PXM, a stretch of time */
	settx(m, i, i + k, v[0] == 'P' && (v[1] == 'X' || (v[1] >= '0' && v[1] <= '9')) ?
	    TY_DURATION : TY_DATE, v);
	return 1;
}
DATES_RULE(fixed, CB(C_FIXED));

/* the year|weekend (not before that, when, of...): the current one */
static int
r_theunit(struct dates_scan *sc, size_t i, struct tx *m)
{
	int u;

	if (!has(sc, i, C_ARTICLES) || !has(sc, i + 1, C_UNITS) || has(sc, i + 1, C_UNITS_ATT))
		return 0;
	u = ivl(sc, i + 1, C_UNITS);
	/* a market report's "for the week," "for the day.": the current one */
	if ((u == U_W || u == U_M || u == U_D) && i > 0 && has(sc, i - 1, C_FOR) &&
	    clauseend(sc, i + 2)) {
		settx(m, i, i + 2, TY_DATE, "");
		if (u == U_M && strlen(sc->about) == 7 && sc->about[5] != 'Q' && sc->about[5] != 'H') {
			snprintf(m->val, sizeof m->val, "%s", sc->about);
			m->noabout = 1;
			return 1;
		}
		m->dayp = u == U_D && sc->ref->have;
		if (u == U_D) {
			struct dur zero = { 1, 0, { 0 }, { U_D } };
			shiftr(sc->ref, m->val, 0, &zero, U_D);
			return 1;
		}
		return relunit(sc, m->val, 0, u);
	}
	if (u != U_Y && u != U_WE)
		return 0;
	if (has(sc, i + 2, C_BEFORE_AFTER) || has(sc, i + 2, C_THIS_PREFIX) ||
	    has(sc, i + 2, C_AGO) || isnum(sc, i + 2) ||
	    has(sc, i + 2, C_THEUNIT_NOT_BEFORE))
		return 0;
	settx(m, i, i + 2, TY_DATE, "");
	if (u == U_Y && strlen(sc->about) == 7 && (sc->about[5] == 'Q' || sc->about[5] == 'H')) {
		/* "fourth-quarter net fell ... for the year": that quarter's year */
		snprintf(m->val, sizeof m->val, "%.4s", sc->about);
		m->noabout = 1;
		return 1;
	}
	if (u == U_WE) {
		int wy, wk;
		long z;
		if (!sc->ref->have) {
			snprintf(m->val, sizeof m->val, "XXXX-WXX-WE");
			return 1;
		}
		z = refday(sc->ref);
		if (wday(z) < 6 && !forward(sc, i))
			z -= 7;
		isoweek(z, &wy, &wk);
		snprintf(m->val, sizeof m->val, "%04d-W%02d-WE", wy, wk);
		return 1;
	}
	return relunit(sc, m->val, 0, u);
}
DATES_RULE(theunit, CB(C_ARTICLES));

/*
 * "the morning of Jan. 7", "the night of Dec. 31": the day's part; "in
 * the afternoon" ending a clause: of the last date's day in its text,
 * else the reference's.
 */
static int
thepart(struct dates_scan *sc, size_t i, struct tx *m)
{
	static const rule_fn days[] = { r_mdy, r_dmy, r_weekday, r_iso, r_slash };
	const char *p = svl(sc, i + 1, C_DAYPARTS);
	struct tx t;
	size_t q;

	if (has(sc, i + 2, C_OF)) {
		for (q = 0; q < sizeof days / sizeof days[0]; q++)
			if (days[q](sc, i + 3, &t) && t.dayp && strlen(t.val) == 10)
				break;
		if (q == sizeof days / sizeof days[0])
			return 0;
		settx(m, i, t.t1, TY_TIME, "");
		snprintf(m->val, sizeof m->val, "%.10sT%s", t.val, p);
		return 1;
	}
	if (i == 0 || !has(sc, i - 1, C_IN) || !clauseend(sc, i + 2) || !sc->ref->have)
		return 0;
	settx(m, i, i + 2, TY_TIME, "");
	putday(m->val, refday(sc->lastgrain >= U_D && sc->lastrec == sc->nrec ? &sc->last :
	    sc->ref));
	snprintf(m->val + 10, sizeof m->val - 10, "T%s", p);
	return 1;
}

/*
 * "that year", "that month", "that week", "that day", "that night": the
 * last date of the text, to the unit's grain (TimeML resolves the anaphor); nothing
 * without one.
 */
static int
r_that(struct dates_scan *sc, size_t i, struct tx *m)
{
	int u, need;

	if (has(sc, i, C_ARTICLES) && has(sc, i + 1, C_DAYPARTS))
		return thepart(sc, i, m);
	/*
	 * started on the unit (a word of few texts, where "that" is of
	 * many): its span starts a token before
	 */
	if (i == 0 || i - 1 < sc->done)
		return 0;
	i--;
	if (!has(sc, i, C_THAT) || (ispc(sc, i + 2, '-') && att(sc, i + 2)) ||
	    (ispc(sc, i + 2, '\'') && att(sc, i + 2)))
		return 0;
	/* "that night", "that morning" */
	if (has(sc, i + 1, C_DAYPARTS) && sc->lastgrain >= U_D) {
		settx(m, i, i + 2, TY_TIME, "");
		snprintf(m->val, sizeof m->val, "%04d-%02d-%02dT%s", sc->last.y, sc->last.m,
		    sc->last.d, svl(sc, i + 1, C_DAYPARTS));
		return 1;
	}
	if (!has(sc, i + 1, C_UNITS) || has(sc, i + 1, C_UNITS_ATT))
		return 0;
	u = ivl(sc, i + 1, C_UNITS);
	need = u == U_Y || u == U_M || u == U_D ? u : u == U_W ? U_D : 0;
	if (!need || sc->lastgrain < need)
		return 0;
	settx(m, i, i + 2, TY_DATE, "");
	if (u == U_W) {
		int wy, wk;
		isoweek(refday(&sc->last), &wy, &wk);
		snprintf(m->val, sizeof m->val, "%04d-W%02d", wy, wk);
	} else if (u == U_Y)
		snprintf(m->val, sizeof m->val, "%04d", sc->last.y);
	else if (u == U_M)
		snprintf(m->val, sizeof m->val, "%04d-%02d", sc->last.y, sc->last.m);
	else
		snprintf(m->val, sizeof m->val, "%04d-%02d-%02d", sc->last.y, sc->last.m,
		    sc->last.d);
	m->dayp = u == U_D;
	return 1;
}
DATES_RULE(that, CB(C_ARTICLES) | CB(C_UNITS) | CB(C_DAYPARTS));

/*
 * [approx] N units later | earlier; N units before | after ANCHOR,
 * where the anchor is a day ("2 days after tomorrow", "a week before
 * yesterday", "2 months before 02/02", "2 days after next Friday"),
 * or nothing ("15 minutes before." counts from the reference).
 */
static int
r_offset(struct dates_scan *sc, size_t i, struct tx *m)
{
	static const rule_fn anchors[] = { r_deictic, r_weekday, r_slash, r_iso, r_mdy, r_dmy, r_fixed };
	size_t j = i, k, e, q;
	const char *mod = NULL;
	struct dur dd;
	struct dates_ref base;
	struct tx a;
	int dir;

	if (TK(i)->kind == TP)
		return 0;	/* not "~5 days later", though "~" is an approx */
	if (has(sc, i, C_ARTICLES) && !has(sc, i, C_NUMBERS) && has(sc, i + 1, C_UNITS) &&
	    !has(sc, i + 1, C_UNITS_ATT) && ivl(sc, i + 1, C_UNITS) != U_WE &&
	    has(sc, i + 2, C_BEFORE_AFTER) && clauseend(sc, i + 3)) {
		/* "the day before", "the year after": one unit from the reference */
		struct dur one = { 1, 0, { 1 }, { 0 } };
		one.u[0] = ivl(sc, i + 1, C_UNITS);
		const struct dates_ref *base = narrbase(sc, &one);
		settx(m, i, i + 3, TY_DATE, "");
		if (!offsetval(sc, m, base, ivl(sc, i + 2, C_BEFORE_AFTER), &one))
			return 0;
		if (one.u[0] == U_W) {	/* "the week before": a week, not a day */
			shiftr(base, m->val, ivl(sc, i + 2, C_BEFORE_AFTER), &one, U_W);
			m->dayp = 0;
		}
		return 1;
	}
	if ((k = phr(sc, C_APPROX, j, NULL, &mod)))
		j += k;
	if (!(e = pdurs(sc, j, &dd)) || dd.x)
		return 0;
	if (has(sc, e, C_SHIFT)) {
		settx(m, i, e + 1, TY_DATE, "");
		/* "a year earlier" after an explicit period: that period, a year before */
		if (ivl(sc, e, C_SHIFT) < 0 && oneyear(&dd) && !mod && aboutback(sc, m, 0))
			return 1;
		if (!offsetval(sc, m, narrbase(sc, &dd), ivl(sc, e, C_SHIFT), &dd))
			return 0;
		/*
		 * "a month earlier": P1M, landing on a month; but "compared with
		 * 2 million a year earlier" names the year compared with
		 */
		m->sig = !(ivl(sc, e, C_SHIFT) < 0 && oneyear(&dd) && !mod && compared(sc, i));
	} else if (has(sc, e, C_SHIFT_CLOCK) && dd.u[0] >= U_H && dd.u[0] <= U_S &&
	    !has(sc, e + 1, C_OF) && !has(sc, e + 1, C_SHIFT_NOT_BEFORE)) {
		/* "15 minutes out"; "six weeks out" (injured) is not a point */
		settx(m, i, e + 1, TY_DATE, "");
		if (!offsetval(sc, m, sc->ref, ivl(sc, e, C_SHIFT_CLOCK), &dd) || !sc->ref->have)
			return 0;
		m->sig = 1;
	} else if (has(sc, e, C_BEFORE_AFTER)) {
		dir = ivl(sc, e, C_BEFORE_AFTER);
		sc->mdok = 1;
		for (q = 0; q < sizeof anchors / sizeof anchors[0]; q++)
			if (anchors[q](sc, e + 1, &a) && anchorref(sc, &a, &base))
				break;
		sc->mdok = 0;
		if (q < sizeof anchors / sizeof anchors[0]) {
			settx(m, i, a.t1, TY_DATE, "");
			if (!offsetval(sc, m, &base, dir, &dd))
				return 0;
		} else if (clauseend(sc, e + 1) &&
		    !(i > 0 && has(sc, i - 1, C_DUR_BEFORE) && !has(sc, i - 1, C_IN))) {
			/* "15 minutes before." is a point; "for three days after." a stretch */
			settx(m, i, e + 1, TY_DATE, "");
			if (!offsetval(sc, m, narrbase(sc, &dd), dir, &dd))
				return 0;
		} else
			return 0;
	} else
		return 0;
	m->mod = mod && strcmp(mod, "APPROX") == 0 ? mod : NULL;
	return 1;
}
DATES_RULE(offset, CB(C_ARTICLES) | DUR_START);

/* A point moved by a signed offset after it: "next Tuesday +10 days", "now + 40minutes". */
void
signedafter(struct dates_scan *sc, struct tx *m)
{
	struct dates_ref base;
	struct dur dd;
	struct tx t;
	size_t j = m->t1, e;
	int dir;

	if (!(ispc(sc, j, '+') || ispc(sc, j, '-')) || !TK(j)->sp || !isnum(sc, j + 1))
		return;
	if (TK(j)->ch == '-' && !att(sc, j + 1))
		return;	/* "Monday - 3 days" may be a list */
	if (m->mod || m->type == TY_DURATION || m->type == TY_SET || !anchorref(sc, m, &base))
		return;
	dir = TK(j)->ch == '+' ? 1 : -1;
	if (!(e = pdurs(sc, j + 1, &dd)) || dd.x || (isword(sc, e) && att(sc, e)) ||
	    (isnum(sc, e) && att(sc, e)))
		return;
	t = *m;
	if (!offsetval(sc, &t, &base, dir, &dd))
		return;
	t.t1 = e;
	*m = t;
}

/* +|- duration: +2 months, 5 days; -3y: a signed offset from the reference. */
static int
r_signed(struct dates_scan *sc, size_t i, struct tx *m)
{
	struct dur dd;
	size_t e;
	int dir;

	if (!(ispc(sc, i, '+') || ispc(sc, i, '-')) || !isnum(sc, i + 1) || !att(sc, i + 1))
		return 0;
	if (i > 0 && TK(i)->sp == 0 && !ispc(sc, i - 1, '('))
		return 0;
	if (i > 0 && (isnum(sc, i - 1) || has(sc, i - 1, C_UNITS) || has(sc, i - 1, C_UNITS_PL)))
		return 0;	/* a range: "10 -15 days" */
	dir = TK(i)->ch == '+' ? 1 : -1;
	if (!(e = pdurs(sc, i + 1, &dd)) || dd.x || (isword(sc, e) && att(sc, e)) ||
	    (isnum(sc, e) && att(sc, e)))
		return 0;
	settx(m, i, e, TY_DATE, "");
	if (!offsetval(sc, m, sc->ref, dir, &dd))
		return 0;
	return 1;
}
DATES_RULE(signed, S_SIGN);

/*
 * rel workday: next weekday, last business day: the working day after
 * or before the reference
 */
static int
r_workday(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t k;
	int rel;
	long z;

	if (TK(i)->kind == TP || !has(sc, i, C_RELATIVE) ||
	    (rel = ivl(sc, i, C_RELATIVE)) == 0 ||
	    !(k = phr(sc, C_WORKDAYS, i + 1, NULL, NULL)))
		return 0;
	if ((i > 0 && has(sc, i - 1, C_ARTICLES)) || has(sc, i + 1 + k, C_OF))
		return 0;	/* "the last weekday of the month" */
	settx(m, i, i + 1 + k, TY_DATE, "");
	m->dayp = 1;
	if (!sc->ref->have) {
		snprintf(m->val, sizeof m->val, "XXXX-XX-XX");
		return 1;
	}
	z = refday(sc->ref);
	do
		z += rel;
	while (wday(z) > 5);
	putday(m->val, z);
	return 1;
}
DATES_RULE(workday, CB(C_RELATIVE));

/*
 * in [early|late] daypart trading: the part of the reference day a
 * market report is about ("in late afternoon trading"); the noun stays
 * out of the span
 */
static int
r_trading(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i;
	const char *mod = "";

	if (i == 0 || !has(sc, i - 1, C_IN))
		return 0;
	if (has(sc, j, C_MODIFIERS))
		mod = svl(sc, j, C_MODIFIERS), j++;
	if (!has(sc, j, C_DAYPARTS) || !has(sc, j + 1, C_DAYPART_NOUNS) ||
	    has(sc, j + 2, C_WEEKDAYS) || has(sc, j + 2, C_DEICTIC) || has(sc, j + 2, C_MONTHS))
		return 0;	/* "in morning trading Tuesday": Tuesday's, not today's */
	settx(m, i, j + 1, TY_TIME, "");
	if (*mod)
		m->mod = mod;
	if (sc->ref->have) {
		putday(m->val, refday(sc->ref));
		snprintf(m->val + 10, sizeof m->val - 10, "T%s", svl(sc, j, C_DAYPARTS));
	} else
		snprintf(m->val, sizeof m->val, "XXXX-XX-XXT%s", svl(sc, j, C_DAYPARTS));
	return 1;
}
DATES_RULE(trading, CB(C_MODIFIERS) | CB(C_DAYPARTS));
