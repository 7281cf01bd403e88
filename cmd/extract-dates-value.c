/*
 * extract-dates-value: the calendar arithmetic of the rules and the
 * TIMEX3 values they write: days, weeks, offsets, clock times.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "extract-dates-int.h"

const char *const unitname[] = { "", "Y", "Q", "M", "W", "D", "H", "MIN", "S", "DE", "CE", "WE" };

long
dfc(int y, int m, int d)
{
	return days_from_civil(y, (unsigned)m, (unsigned)d);
}

static void
cfd(long z, int *y, int *m, int *d)
{
	long yy;
	unsigned mm, dd;

	civil_from_days(z, &yy, &mm, &dd);
	*y = (int)yy, *m = (int)mm, *d = (int)dd;
}

int
wday(long z)	/* ISO: 1 Monday .. 7 Sunday */
{
	return (int)(((z % 7) + 7 + 3) % 7) + 1;
}

static int
mdays(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

void
isoweek(long z, int *wy, int *wk)
{
	long th = z - wday(z) + 4;
	int y, m, d;

	cfd(th, &y, &m, &d);
	*wy = y;
	*wk = (int)((th - dfc(y, 1, 1)) / 7) + 1;
}

long
refday(const struct dates_ref *r)
{
	return dfc(r->y, r->m, r->d);
}

/*
 * As sprintf(v, "%0*ld", w, x), returning the end: the values are
 * written without printf, which costs more than all the rest of them.
 */
char *
putnd(char *v, long x, int w)
{
	char b[24];
	int n = 0;

	if (x < 0)
		return v + sprintf(v, "%0*ld", w, x);
	do
		b[n++] = (char)('0' + x % 10);
	while ((x /= 10) != 0);
	while (n < w)
		b[n++] = '0';
	while (n > 0)
		*v++ = b[--n];
	*v = '\0';
	return v;
}

/* As snprintf(v, 64, "%04d-%02d-%02d", y, m, d), without printf. */
static void
putymd(char *v, int y, int m, int d)
{
	if (y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99) {
		snprintf(v, 64, "%04d-%02d-%02d", y, m, d);
		return;
	}
	v[0] = (char)('0' + y / 1000);
	v[1] = (char)('0' + y / 100 % 10);
	v[2] = (char)('0' + y / 10 % 10);
	v[3] = (char)('0' + y % 10);
	v[4] = '-';
	v[5] = (char)('0' + m / 10);
	v[6] = (char)('0' + m % 10);
	v[7] = '-';
	v[8] = (char)('0' + d / 10);
	v[9] = (char)('0' + d % 10);
	v[10] = '\0';
}

void
putday(char *v, long z)
{
	int y, m, d;

	cfd(z, &y, &m, &d);
	putymd(v, y, m, d);
}

static int
digits(const char *s, size_t n, size_t p, int w, int *v)
{
	int k;

	*v = 0;
	for (k = 0; k < w; k++) {
		if (p + k >= n || s[p + k] < '0' || s[p + k] > '9')
			return -1;
		*v = *v * 10 + s[p + k] - '0';
	}
	return 0;
}

int
dates_parse_ref(const char *s, size_t n, struct dates_ref *r)
{
	int y, m, d, h = 0, mi = 0, sec = 0, t = 0;

	memset(r, 0, sizeof *r);
	if (digits(s, n, 0, 4, &y) || n < 10 || s[4] != '-' || digits(s, n, 5, 2, &m) ||
	    s[7] != '-' || digits(s, n, 8, 2, &d))
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > mdays(y, m))
		return -1;
	if (n > 10) {
		if ((s[10] != 'T' && s[10] != ' ') || digits(s, n, 11, 2, &h) ||
		    n < 16 || s[13] != ':' || digits(s, n, 14, 2, &mi) || h > 24 || mi > 59)
			return -1;
		if (n > 16 && s[16] == ':' && (digits(s, n, 17, 2, &sec) || sec > 60))
			return -1;
		t = 1;
	}
	r->have = 1;
	r->y = y, r->m = m, r->d = d;
	r->hastime = t, r->h = h, r->mi = mi, r->s = sec;
	return 0;
}

static void
fmtnum(char *b, size_t n, double v, int x)
{
	if (x)
		snprintf(b, n, "X");
	else if (v == (long)v)
		putnd(b, (long)v, 1);
	else if ((long)(v * 100 + 0.5) % 10 == 0)
		snprintf(b, n, "%.1f", v);
	else
		snprintf(b, n, "%.2f", v);	/* 9.58 seconds */
}

void
durval(char *val, double v, int x, int u)
{
	char nb[32];
	size_t n;

	if (u == U_Q && !x)
		v *= 3, u = U_M;
	else if (u == U_Q)
		u = U_M;
	fmtnum(nb, sizeof nb, v, x);
	/* PT5H, PT5M, PT5S, P5Y: at most 2 + 31 + 3 bytes */
	*val++ = 'P';
	if (u == U_H || u == U_MIN || u == U_S)
		*val++ = 'T';
	n = strlen(nb);
	memcpy(val, nb, n);
	strcpy(val + n, u == U_MIN ? "M" : unitname[u]);
}

void
durvals(char *val, const struct dur *d)
{
	char nb[32];
	int k, t = 0;
	size_t n;

	if (d->n == 1) {
		durval(val, d->v[0], d->x, d->u[0]);
		return;
	}
	snprintf(val, 64, "P");
	for (k = 0; k < d->n; k++) {
		int u = d->u[k];
		double v = d->v[k];
		const char *us;
		if (u == U_Q)
			u = U_M, v *= 3;
		if ((u == U_H || u == U_MIN || u == U_S) && !t) {
			n = strlen(val);
			snprintf(val + n, 64 - n, "T");
			t = 1;
		}
		us = u == U_MIN ? "M" : unitname[u];
		fmtnum(nb, sizeof nb, v, 0);
		n = strlen(val);
		snprintf(val + n, 64 - n, "%s%s", nb, us);
	}
}

/* r moved by a compound duration, to the grain of unit fine. */
void
shiftr(const struct dates_ref *r, char *v, int dir, const struct dur *d, int fine)
{
	long z, sec, months = 0, days = 0, secs = 0;
	int y, mo, dd, k, wy, wk;

	if (!r->have) {
		snprintf(v, 64, fine == U_Y || fine == U_DE || fine == U_CE ? "XXXX" :
		    fine == U_M || fine == U_Q ? "XXXX-XX" : fine == U_W ? "XXXX-WXX" : "XXXX-XX-XX");
		return;
	}
	for (k = 0; k < d->n; k++) {
		double n = d->v[k] * dir;
		switch (d->u[k]) {
		case U_Y: months += (long)(n * 12); break;
		case U_DE: months += (long)(n * 120); break;
		case U_CE: months += (long)(n * 1200); break;
		case U_Q: months += (long)(n * 3); break;
		case U_M: months += (long)n; break;
		case U_W: days += (long)(n * 7); break;
		case U_D: days += (long)n; break;
		case U_H: secs += (long)(n * 3600); break;
		case U_MIN: secs += (long)(n * 60); break;
		case U_S: secs += (long)n; break;
		}
	}
	mo = r->m - 1 + (int)months;
	y = r->y + (mo >= 0 ? mo / 12 : -((11 - mo) / 12));
	mo = ((mo % 12) + 12) % 12 + 1;
	dd = r->d > mdays(y, mo) ? mdays(y, mo) : r->d;
	z = dfc(y, mo, dd) + days;
	sec = (r->hastime ? (r->h * 60L + r->mi) * 60 + r->s : 0) + secs;
	z += sec >= 0 ? sec / 86400 : -((86399 - sec) / 86400);
	sec = ((sec % 86400) + 86400) % 86400;
	switch (fine) {
	case U_Y:
		cfd(z, &y, &mo, &dd);
		snprintf(v, 64, "%04d", y);
		break;
	case U_DE:	/* "a decade ago" is a decade, as "2 weeks ago" is a week */
		cfd(z, &y, &mo, &dd);
		snprintf(v, 64, "%03d", y / 10);
		break;
	case U_CE:
		cfd(z, &y, &mo, &dd);
		snprintf(v, 64, "%02d", y / 100);
		break;
	case U_M: case U_Q:
		cfd(z, &y, &mo, &dd);
		snprintf(v, 64, "%04d-%02d", y, mo);
		break;
	case U_W:
		isoweek(z, &wy, &wk);
		snprintf(v, 64, "%04d-W%02d", wy, wk);
		break;
	case U_D:
		putday(v, z);
		break;
	default:
		putday(v, z);
		if (r->hastime)
			snprintf(v + 10, 54, "T%02d:%02d", (int)(sec / 3600), (int)(sec / 60 % 60));
	}
}

/* date part d (at most 20 bytes) and a clock time */
void
timeval(char *v, const char *d, int h, int mi, int s, int hs)
{
	h = h < 0 || h > 24 ? 0 : h;
	mi = mi < 0 || mi > 59 ? 0 : mi;
	s = s < 0 || s > 60 ? 0 : s;
	if (hs)
		snprintf(v, 64, "%.20sT%02d:%02d:%02d", d, h, mi, s);
	else
		snprintf(v, 64, "%.20sT%02d:%02d", d, h, mi);
}

/* ---------- matching ---------- */

void
settx(struct tx *m, size_t t0, size_t t1, int type, const char *val)
{
	m->t0 = t0;
	m->t1 = t1;
	m->type = type;
	m->mod = NULL;
	m->dayp = 0;
	m->istime = 0;
	m->wdonly = 0;
	m->durpt = 0;
	m->sig = 0;
	m->noabout = 0;
	m->freq = 0;
	if (val != m->val) {
		size_t n = strnlen(val, sizeof m->val - 1);
		memmove(m->val, val, n);
		m->val[n] = '\0';
	}
}

void
dayval(const struct dates_scan *sc, char *v, int y, int mo, int d)
{
	(void)sc;
	if (y >= 0)
		putymd(v, y, mo, d);
	else if (y < -1)
		snprintf(v, 64, "BC%04d-%02d-%02d", -y > 9999 ? 9999 : -y, mo, d);
	else {
		memcpy(v, "XXXX-", 5);
		v = putnd(v + 5, mo, 2);
		*v++ = '-';
		putnd(v, d, 2);
	}
}

int
okday(int y, int mo, int d)
{
	if (mo < 1 || mo > 12 || d < 1)
		return 0;
	return d <= mdays(y > 0 ? y : 2000, mo);
}

/* Resolves a weekday: dir -1 back (today counts), 1 on, -2 strictly back, 2 strictly on, 0 this week. */
void
wdval(const struct dates_scan *sc, char *v, int wd, int dir, int wshift)
{
	const struct dates_ref *r = sc->ref;
	long z, t;
	int cur;

	if (!r->have) {
		memcpy(v, "XXXX-WXX-", 9);
		putnd(v + 9, wd, 1);
		return;
	}
	z = refday(r);
	cur = wday(z);
	if (wshift || dir == 0)
		t = z - cur + wd + 7L * wshift;
	else if (dir == -1)
		t = z - ((cur - wd + 7) % 7);
	else if (dir == -2)
		t = z - ((cur - wd + 6) % 7 + 1);
	else if (dir == 1)
		t = z + ((wd - cur + 7) % 7);
	else
		t = z + ((wd - cur + 6) % 7 + 1);
	putday(v, t);
}

int
seasonidx(const char *s)
{
	return !strcmp(s, "WI") ? 0 : !strcmp(s, "SP") ? 1 : !strcmp(s, "SU") ? 2 : 3;
}

/*
 * "Monday, the 10th": day d of the month near the reference where it
 * falls on weekday wd (this month, the one before, the one after), else
 * of this month, or of the one before when d is still to come; 0 when
 * that day does not exist.
 */
int
wdnth(const struct dates_ref *r, char *v, int wd, int d)
{
	int y = r->y, mo = r->m, tries, yy, mm;

	if (!r->have) {
		snprintf(v, 64, "XXXX-XX-%02d", d);
		return 1;
	}
	for (tries = 0; tries < 3; tries++) {
		yy = y, mm = mo - (tries == 1 ? 1 : 0) + (tries == 2 ? 1 : 0);
		if (mm < 1)
			mm += 12, yy--;
		if (mm > 12)
			mm -= 12, yy++;
		if (okday(yy, mm, d) && wday(dfc(yy, mm, d)) == wd) {
			putday(v, dfc(yy, mm, d));
			return 1;
		}
	}
	yy = y, mm = mo;
	if (d > r->d)
		mm--;
	if (mm < 1)
		mm = 12, yy--;
	if (!okday(yy, mm, d))
		return 0;
	putday(v, dfc(yy, mm, d));
	return 1;
}

/* Value of "this/last/next UNIT" (rel) on the reference. */
int
relunit(const struct dates_scan *sc, char *v, int rel, int u)
{
	const struct dates_ref *r = sc->ref;
	int y, mo, wy, wk, q;
	long z;

	if (!r->have) {
		switch (u) {
		case U_Y: snprintf(v, 64, "XXXX"); return 1;
		case U_M: snprintf(v, 64, "XXXX-XX"); return 1;
		case U_W: snprintf(v, 64, "XXXX-WXX"); return 1;
		case U_WE: snprintf(v, 64, "XXXX-WXX-WE"); return 1;
		case U_Q: snprintf(v, 64, "XXXX-QX"); return 1;
		case U_DE: snprintf(v, 64, "XXX"); return 1;
		case U_CE: snprintf(v, 64, "XX"); return 1;
		default: return 0;
		}
	}
	z = refday(r);
	switch (u) {
	case U_Y:
		snprintf(v, 64, "%04d", r->y + rel);
		return 1;
	case U_M:
		mo = r->m + rel, y = r->y;
		if (mo < 1)
			mo += 12, y--;
		if (mo > 12)
			mo -= 12, y++;
		snprintf(v, 64, "%04d-%02d", y, mo);
		return 1;
	case U_W:
	case U_WE:
		isoweek(z + 7L * rel, &wy, &wk);
		snprintf(v, 64, u == U_W ? "%04d-W%02d" : "%04d-W%02d-WE", wy, wk);
		return 1;
	case U_Q:
		q = (r->m - 1) / 3 + rel, y = r->y;
		if (q < 0)
			q += 4, y--;
		if (q > 3)
			q -= 4, y++;
		snprintf(v, 64, "%04d-Q%d", y, q + 1);
		return 1;
	case U_DE:
		snprintf(v, 64, "%03d", r->y / 10 + rel);
		return 1;
	case U_CE:
		snprintf(v, 64, "%02d", r->y / 100 + rel);
		return 1;
	}
	return 0;
}

int
yearnear(const struct dates_scan *sc)
{
	return sc->ref->have ? sc->ref->y : -1;
}

/*
 * The day (or the moment, for "now") an offset counts from, read off
 * a matched expression; 0 when it is no such point.
 */
int
anchorref(const struct dates_scan *sc, const struct tx *a, struct dates_ref *r)
{
	if (strcmp(a->val, "PRESENT_REF") == 0) {
		if (!sc->ref->have)
			return 0;
		*r = *sc->ref;
		return 1;
	}
	if (a->type != TY_DATE && a->type != TY_TIME)
		return 0;
	return dates_parse_ref(a->val, strlen(a->val), r) == 0;
}

/*
 * What "two years later" counts from: the last date found before it in
 * the text when that is as fine as the offset ("sales grew in 2001 and
 * a year later" is 2002), else the reference.
 */
const struct dates_ref *
narrbase(const struct dates_scan *sc, const struct dur *dd)
{
	int u = dd->u[dd->n - 1], need;

	need = u == U_Y || u == U_DE || u == U_CE ? U_Y : u == U_M || u == U_Q ? U_M :
	    u == U_W || u == U_D ? U_D : U_H;
	if (!sc->lastgrain || sc->lastgrain < need)
		return sc->ref;
	return &sc->last;
}

/* Remembers m's value as the last date of the text, if it is one. */
void
setlast(struct dates_scan *sc, const struct tx *m)
{
	const char *v = m->val;
	size_t n = strlen(v), k;
	struct dates_ref r = { 0 };

	for (k = 0; k < 4 && k < n; k++)
		if (v[k] < '0' || v[k] > '9')
			return;
	if (m->type != TY_DATE && m->type != TY_TIME)
		return;
	r.have = 1;
	r.y = atoi(v), r.m = 1, r.d = 1;
	if (n == 4 || (n > 5 && v[4] == '-' && (v[5] == 'Q' || v[5] == 'H' ||
	    (v[5] >= 'A' && v[5] <= 'Z' && v[6] >= 'A' && v[6] <= 'Z')))) {
		sc->last = r, sc->lastgrain = U_Y;	/* 2004, 2004-Q4, 2004-SU */
	} else if (n == 7 && v[4] == '-' && v[5] >= '0' && v[5] <= '1' && v[6] >= '0' && v[6] <= '9') {
		r.m = atoi(v + 5);
		if (r.m < 1 || r.m > 12)
			return;
		sc->last = r, sc->lastgrain = U_M;
	} else if (dates_parse_ref(v, n, &r) == 0) {
		sc->last = r, sc->lastgrain = r.hastime ? U_H : U_D;
	} else if (n == 13 && v[10] == 'T' && v[11] >= 'A' && dates_parse_ref(v, 10, &r) == 0) {
		sc->last = r, sc->lastgrain = U_D;	/* 1912-04-15TMO */
	} else
		return;
	memcpy(sc->lastval, v, n + 1);
	sc->lastrec = sc->nrec;
}

/* A point dur away from base (dir): the value, its type and grain. */
int
offsetval(const struct dates_scan *sc, struct tx *m, const struct dates_ref *base,
    int dir, const struct dur *dd)
{
	int u = dd->u[dd->n - 1];

	if (dd->x)
		return 0;
	if ((u == U_H || u == U_MIN || u == U_S) && base->have && !base->hastime)
		return 0;
	shiftr(base, m->val, dir, dd, u == U_W ? U_D : u);
	m->type = (u == U_H || u == U_MIN || u == U_S) && base->have ? TY_TIME : TY_DATE;
	m->dayp = (u == U_D || u == U_W) && base->have;
	m->durpt = 1, m->dir = dir, m->dd = *dd;
	(void)sc;
	return 1;
}
