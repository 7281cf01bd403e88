/*
 * extract-dates-per: reporting periods, the largest class of business
 * news: "the quarter", "the latest period", "the fiscal year",
 * "year-end", "the year-earlier quarter"; and "a year earlier" after an
 * explicit period, which is that period a year before.  They read the
 * period the text is about (sc->about), which every explicit period
 * sets as the scan goes on: carried forward, never searched back.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-dates-int.h"

/* A period's value (2004, 2004-Q4, 2004-H1, 2004-10) with its year moved by dy. */
static int
yearshift(char *v, const char *p, int dy)
{
	char rest[16];
	int y;

	if (strlen(p) < 4 || p[0] < '0' || p[0] > '9')
		return 0;
	y = atoi(p) + dy;
	if (y < 0 || y > 9999)
		return 0;
	snprintf(rest, sizeof rest, "%s", p + 4);	/* p may be v */
	snprintf(v, 64, "%04d%s", y, rest);
	return 1;
}

/*
 * m (matched, its span set) becomes the period the text is about a
 * year before: "second-quarter net rose from a year earlier" is the
 * second quarter of the year before.  finer: only when that period is
 * finer than a year (a half, a quarter, a month).
 */
int
aboutback(const struct dates_scan *sc, struct tx *m, int finer)
{
	if (!sc->about[0] || (finer && strlen(sc->about) <= 4))
		return 0;
	if (!yearshift(m->val, sc->about, -1))
		return 0;
	m->type = TY_DATE;
	m->sig = 0;
	m->durpt = 0;
	m->dayp = 0;
	m->mod = NULL;
	m->noabout = 1;
	return 1;
}

/* An explicit period found: the text is about it from here on. */
void
setabout(struct dates_scan *sc, const struct tx *m)
{
	const char *v = m->val;
	size_t n = strlen(v), k;

	if (m->type != TY_DATE || m->sig || m->noabout || n < 4 || n > 7)
		return;
	/* "the first loss since 1991": a bound, not the period */
	if (m->t0 > 0 && has(sc, m->t0 - 1, C_BOUND))
		return;
	for (k = 0; k < 4; k++)
		if (v[k] < '0' || v[k] > '9')
			return;
	if (n == 4 ||
	    (n == 7 && v[4] == '-' && (v[5] == 'Q' || v[5] == 'H' || (v[5] >= '0' && v[5] <= '1')) &&
	    v[6] >= '0' && v[6] <= '9'))
		memcpy(sc->about, v, n + 1);
}

/*
 * [the] period: the data file's periods, whose value says what they
 * are: Q a quarter, P the period the text is about, Y a (fiscal) year,
 * E the end of the year ("year-end", no article needed), F a year
 * after it ("fiscal 1990", no article either); a trailing
 * "-1" is the same a year before ("the year-earlier quarter").
 */
static int
r_period(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k, e;
	const char *v;
	char kind;
	int back, the = 0, y;
	const struct lexent *w;

	if (has(sc, j, C_ARTICLES) || (has(sc, j, C_INDEF) && has(sc, j, C_NUMBERS)))
		j++, the = 1;	/* "a year-ago quarter" too ("a" is a number: the mask) */
	/* "the 1999 fiscal year": the year, "fiscal year" in the span */
	if (the && isnum(sc, j) && TK(j)->nd == 4 && (k = phr(sc, C_PERIODS, j + 1, NULL, &v)) &&
	    v[0] == 'Y' && v[1] == '\0' && !inbig(sc, j) && !money(sc, j)) {
		settx(m, i, j + 1 + k, TY_DATE, "");
		snprintf(m->val, sizeof m->val, "%04d", (int)TK(j)->num);
		return 1;
	}
	/* most words after "the" are none of the periods: say so before phr() */
	if (j >= sc->nt || !(w = TK(j)->lx) || !((w->f | w->phcats) & CB(C_PERIODS)))
		return 0;
	if (!the && phr(sc, C_PERIODS, j, NULL, &v) == 1 && v[0] == 'F') {
		/* "fiscal 1990": TimeML keeps "fiscal" in the span */
		int y;
		if (!(k = pyear(sc, j + 1, &y, 1)) || y < 1000)
			return 0;
		settx(m, i, k, TY_DATE, "");
		snprintf(m->val, sizeof m->val, "%04d", y);
		return 1;
	} else if (!the && i > 0 && has(sc, i - 1, C_DETERMINERS) && !has(sc, i - 1, C_INDEF))
		the = 1;	/* "its current financial year": the span leaves "its" out */
	if (!(k = phr(sc, C_PERIODS, j, NULL, &v)))
		return 0;
	kind = v[0];
	back = strcmp(v + 1, "-1") == 0;
	if (has(sc, i, C_INDEF) && !back)
		return 0;	/* "a quarter", "a period" */
	if (!the && kind != 'E')
		return 0;
	e = j + k;
	if ((has(sc, e, C_IN) || has(sc, e, C_OF)) && (kind == 'P' || kind == 'Q') &&
	    pyear(sc, e + 1, &y, 0) && y >= 1000 && sc->about[0]) {
		/* "the same period in 2003": the period of that year */
		settx(m, i, pyear(sc, e + 1, &y, 0), TY_DATE, "");
		snprintf(m->val, sizeof m->val, "%04d%s", y, strlen(sc->about) > 4 ?
		    sc->about + 4 : "");
		m->noabout = 1;
		return kind == 'P' || strlen(sc->about) == 7;
	}
	if (has(sc, e, C_OF) || (kind != 'E' && isnum(sc, e)) ||
	    (kind == 'P' && has(sc, e, C_PERIOD_NOT_BEFORE)))
		return 0;	/* "the quarter of the vote", "the period until the vote" */
	settx(m, i, e, TY_DATE, "");
	m->noabout = sc->about[0] != '\0';	/* else it is the period from here on */
	switch (kind) {
	case 'P':
		/*
		 * "the period" names one only when the text is about one;
		 * "the year-ago period" is one anyway: a quarter, as below
		 */
		if (sc->about[0])
			return yearshift(m->val, sc->about, -back);
		if (!back)
			return 0;
		/* FALLTHROUGH */
	case 'Q':
		if (strlen(sc->about) == 7 && sc->about[5] == 'Q')
			return yearshift(m->val, sc->about, -back);
		/* none yet: the quarter now, or the last one reported */
		if (!relunit(sc, m->val, forward(sc, i) ? 0 : -1, U_Q))
			return 0;
		if (back && sc->ref->have)
			return yearshift(m->val, m->val, -1);
		return 1;
	case 'Y':
	case 'E':
		if (sc->about[0])
			snprintf(m->val, sizeof m->val, "%.4s", sc->about);
		else if (!relunit(sc, m->val, 0, U_Y))
			return 0;
		if (back && !yearshift(m->val, m->val, -1))
			return 0;
		if (kind == 'E')
			m->mod = "END";
		return 1;
	}
	return 0;
}
DATES_RULE(period, CB(C_ARTICLES) | CB(C_NUMBERS) | CB(C_PERIODS));	/* "a": a number */
