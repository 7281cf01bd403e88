/*
 * extract-dates-scan: the driver.  The text is cut into tokens
 * (extract-dates-tok.c); the rules (extract-dates-abs.c, -rel.c, -dur.c,
 * -time.c) are tried at each token that can start one and the longest
 * match is kept, joined with a time or date after it, and written out.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-dates-int.h"
#include "json.h"
#include "util.h"

static const char *tyname[] = { "DATE", "TIME", "DURATION", "SET" };

/*
 * The rules, in the order they are tried: at a token where several
 * match, the longest match wins, the first of those of one length.
 * Each rule is defined with its start mask beside it (DATES_RULE).
 */
static const struct dates_rule *const rules[] = {
	&rule_iso, &rule_slash, &rule_mdy, &rule_dmy, &rule_weekday, &rule_deictic,
	&rule_fixed, &rule_rel, &rule_ago, &rule_in, &rule_quarter, &rule_season,
	&rule_mod, &rule_decade, &rule_year, &rule_set, &rule_time, &rule_dur,
	&rule_nth, &rule_theunit, &rule_holiday, &rule_signed, &rule_offset,
	&rule_range, &rule_workday, &rule_period, &rule_yearend, &rule_spyear,
	&rule_trading, &rule_nthwd, &rule_that,
};
#define NRULES (sizeof rules / sizeof rules[0])
_Static_assert(NRULES <= 32, "a bit for each rule");

/*
 * Rules that read past an article only to a word of the list, a number
 * or punctuation ("the first quarter", "the 1990s", "the day before"):
 * where the article is all a token starts them on (their other start
 * categories are its own tests of that token), none of them matches
 * before a word the list does not have ("the company").  A change to
 * what one of them reads after an article must keep it so, or take it
 * off this list (--all-rules, and the rules fuzzer, would differ).
 */
static const struct dates_rule *const artrules[] = {
	&rule_dmy, &rule_quarter, &rule_season, &rule_decade, &rule_nth, &rule_mod,
	&rule_deictic, &rule_rel, &rule_theunit, &rule_period, &rule_offset, &rule_nthwd,
};

struct dates_scan *
dates_scan_new(const struct dates_lex *lx, int dmy)
{
	struct dates_scan *sc = xcalloc(1, sizeof *sc);
	size_t k;
	uint64_t b;

	sc->lex = lx;
	sc->dmy = dmy;
	sc->memo = xcalloc(1, sizeof *sc->memo);
	sc->memo->i = SIZE_MAX;
	/* rulesof[b]: bit k set when rule k can start on start bit b */
	for (k = 0; k < NRULES; k++) {
		sc->anystart |= rules[k]->start;
		for (b = rules[k]->start; b; b &= b - 1)
			sc->rulesof[__builtin_ctzll(b)] |= 1u << k;
		for (b = 0; b < sizeof artrules / sizeof artrules[0]; b++)
			if (artrules[b] == rules[k])
				sc->artrules |= 1u << k;
	}
	return sc;
}

void
dates_scan_all_rules(struct dates_scan *sc, int on)
{
	sc->all = on;
}

void
dates_scan_doc(struct dates_scan *sc)
{
	sc->lastgrain = 0;
	sc->about[0] = '\0';
}

void
dates_scan_free(struct dates_scan *sc)
{
	if (!sc)
		return;
	free(sc->tk);
	free(sc->cand);
	free(sc->memo);
	free(sc);
}

/* The start bits of token i, which the rules' start masks are read against. */
static inline __attribute__((always_inline)) uint64_t
startbits(const struct dates_scan *sc, size_t i)
{
	const struct tok *t = TK(i);
	uint64_t b = t->lx ? t->lx->sbits : 0;	/* lf, PH_START phrases, S_Q */

	if (t->kind == TN)
		b |= S_NUM | (t->nd <= 2 ? S_NUM2 : 0) | (t->nd == 4 ? S_NUM4 : 0);
	else if (t->kind == TP)
		b |= t->ch == '\'' ? S_APOS : t->ch == '+' || t->ch == '-' ? S_SIGN : 0;
	return b;
}

/*
 * The longest match of the rules at token i: those whose start mask
 * token i meets, or all of them under dates_scan_all_rules().
 */
int
best(struct dates_scan *sc, size_t i, struct tx *m)
{
	struct tx t;
	size_t k;
	int got = 0;
	uint64_t sb, b;
	uint32_t which = 0;

	if (sc->all)
		which = (uint32_t)((1ULL << NRULES) - 1);
	else {
		sb = startbits(sc, i);
		for (b = sb; b; b &= b - 1)
			which |= sc->rulesof[__builtin_ctzll(b)];
		/* an article before a word the list does not have (see artrules) */
		if ((sb & CB(C_ARTICLES)) && (i + 1 >= sc->nt ||
		    (TK(i + 1)->kind == TW && !TK(i + 1)->lx)))
			for (b = which & sc->artrules; b; b &= b - 1) {
				k = (size_t)__builtin_ctzll(b);
				if ((rules[k]->start & sb) == CB(C_ARTICLES))
					which &= ~(1u << k);
			}
		if (!(sb & DUR_START)) {
			/* what pdurs() would find: no duration at i */
			sc->memo->i = i;
			sc->memo->e = 0;
		}
	}
	/* the rules in their order, as the lowest bit first */
	for (; which; which &= which - 1) {
		k = (size_t)__builtin_ctz(which);
		if (rules[k]->fn(sc, i, &t) && (!got || t.t1 > m->t1)) {
			*m = t;
			got = 1;
		}
	}
	return got;
}

/* "tonight at 8", "this afternoon at 3": m is a day's part, j after it. */
static void
partclock(struct dates_scan *sc, struct tx *m, size_t j)
{
	struct tx t;
	char d[64];
	size_t k = j;
	const char *p = m->val + 11;

	if (has(sc, k, C_AT) || has(sc, k, C_BEFORE_AFTER))
		k++;
	if (r_time(sc, k, &t)) {
		memcpy(d, m->val, 10);
		d[10] = '\0';
		timeval(m->val, d, t.h, t.mi, t.s, t.hs);
		m->t1 = t.t1;
	} else if (has(sc, k - 1, C_AT) && isnum(sc, k) && TK(k)->nd <= 2 &&
	    TK(k)->num >= 1 && TK(k)->num <= 12 && !isword(sc, k + 1)) {
		int h = (int)TK(k)->num;
		if (strcmp(p, "MO") && (strcmp(p, "NI") || h >= 6))
			h = h % 12 + 12;
		memcpy(d, m->val, 10);
		d[10] = '\0';
		timeval(m->val, d, h, 0, 0, 0);
		m->t1 = k + 1;
	}
}

/*
 * A day then a time: "Monday at 10am", "2024-05-31T14:15Z", "Thu Oct
 * 26 11:00:09 EDT 2023"; or then a part of the day: "Monday night".
 */
static void
dayclock(struct dates_scan *sc, struct tx *m, size_t j)
{
	struct tx t;
	char d[64];
	int got;

	if (ispc(sc, j, ',') || has(sc, j, C_AT) || ispc(sc, j, '*') ||
	    (has(sc, j, C_BEFORE_AFTER) && isnum(sc, j + 1)) ||
	    (att(sc, j) && (ispc(sc, j, '.') || ispc(sc, j, ':') || ispc(sc, j, '-') || has(sc, j, C_TSEP))))
		j++;
	sc->joined = j > m->t1 && att(sc, j);
	got = r_time(sc, j, &t);
	sc->joined = 0;
	if (got) {
		memcpy(d, m->val, 11);
		d[10] = '\0';
		timeval(m->val, d, t.h, t.mi, t.s, t.hs);
		/* an ISO zone: Z, +05:30, -05:30 */
		j = t.t1;
		if (has(sc, j, C_UTC) && att(sc, j))
			j++;
		else if ((ispc(sc, j, '+') || ispc(sc, j, '-')) && att(sc, j) &&
		    isnum(sc, j + 1) && att(sc, j + 1) && TK(j + 1)->nd == 2 &&
		    ispc(sc, j + 2, ':') && isnum(sc, j + 3) && TK(j + 3)->nd == 2)
			j += 4;
		/* "Thu Oct 26 11:00:09 EDT 2023": the year after the time */
		{
			int y;
			size_t k;
			/* "10:00 - 11:00:09 2023": after the range's end */
			if (ispc(sc, j, '-') && r_time(sc, j + 1, &t) && t.istime &&
			    isnum(sc, t.t1) && TK(t.t1)->nd == 4)
				j = t.t1;
			k = has(sc, j, C_ZONES) && TK(j)->cap == 2 ? j + 1 : j;
			if (isnum(sc, k) && TK(k)->nd == 4 && pyear(sc, k, &y, 0) == k + 1 &&
			    y >= 1000 && y <= 9999 && !isnum(sc, k + 1) && notcount(sc, k + 1)) {
				char yb[16];
				snprintf(yb, sizeof yb, "%04d", y);
				memcpy(m->val, yb, 4);
				j = k + 1;
			}
		}
		m->t1 = j;
		m->type = TY_TIME;
		m->dayp = 0;
		return;
	}
	if (has(sc, m->t1, C_DAYPARTS) && !ispc(sc, m->t1 - 1, ',')) {
		size_t n = strlen(m->val);
		snprintf(m->val + n, sizeof m->val - n, "T%s", svl(sc, m->t1, C_DAYPARTS));
		m->t1++;
		m->type = TY_TIME;
		m->dayp = 0;
	}
}

/* A time then a day: "10am on Monday", "14:15, 31 May". */
static void
clockday(struct dates_scan *sc, struct tx *m, size_t j)
{
	struct tx t;
	char d[64];
	size_t k;

	/* "2:46 p.m. local time on Friday" */
	if ((k = phr(sc, C_ZONES, j, NULL, NULL)) > 1)
		j += k;
	if (ispc(sc, j, ',') || has(sc, j, C_ON) || ispc(sc, j, '*') || ispc(sc, j, '-'))
		j++;
	if ((r_mdy(sc, j, &t) || r_dmy(sc, j, &t) || r_slash(sc, j, &t) ||
	    r_iso(sc, j, &t) || r_weekday(sc, j, &t) || r_deictic(sc, j, &t)) && t.dayp) {
		memcpy(d, t.val, 11);
		d[10] = '\0';
		timeval(m->val, d, m->h, m->mi, m->s, m->hs);
		m->t1 = t.t1;
		m->istime = 0;
	}
}

/*
 * A clock time alone takes the day of the last date of its own text or
 * (when not after the reference) of the text before, not the dct: "On
 * Friday, the quake struck at 2:46 p.m." is Friday 14:46.
 */
static void
clocklast(const struct dates_scan *sc, struct tx *m)
{
	if ((sc->lastgrain != U_D && sc->lastgrain != U_H) || sc->lastrec + 1 < sc->nrec ||
	    strlen(m->val) < 11 || m->val[4] != '-' || m->val[10] != 'T')
		return;
	/* from the text before, only a day of the story told, not one ahead */
	if (sc->lastrec != sc->nrec && sc->ref->have && memcmp(sc->lastval, m->val, 10) > 0)
		return;
	/* "reported at 6:50 p.m. ... under control before 4 a.m.": the next day */
	if (sc->lastgrain == U_H && sc->last.h >= 12 && m->h < 6 && sc->ref->have) {
		long z = refday(&sc->last) + 1;
		char d[16];
		putday(d, z);
		if (memcmp(d, m->val, 10) <= 0) {
			memcpy(m->val, d, 10);
			return;
		}
	}
	memcpy(m->val, sc->lastval, 10);
}

/* A date then a time, a time then a date, a day then a part of the day. */
void
combine(struct dates_scan *sc, struct tx *m)
{
	struct tx t;
	size_t j = m->t1;

	if (m->wdonly) {
		size_t k = j;
		if (ispc(sc, k, ','))
			k++;
		if (r_slash(sc, k, &t) || r_iso(sc, k, &t)) {
			t.t0 = m->t0;
			*m = t;
			j = m->t1;
		}
	}
	if (m->type == TY_TIME && !m->istime && strlen(m->val) == 13 && m->val[4] == '-' &&
	    m->val[10] == 'T')
		partclock(sc, m, j);
	else if (m->dayp)
		dayclock(sc, m, j);
	else if (m->istime)
		clockday(sc, m, j);
}

/*
 * A TIMEX3 year has four digits: a value that reckons past 9999 or
 * before 0000 (9999-12-31 +4 days, a week before 0000-01-02) has none.
 */
static int
inyears(const char *v)
{
	size_t k = 0;

	while (v[k] >= '0' && v[k] <= '9')
		k++;
	return v[0] != '-' && k <= 4;
}

static void
emit(struct dates_scan *sc, const struct tx *m, struct buf *out, size_t n)
{
	const struct tok *a = TK(m->t0), *b = TK(m->t1 - 1);

	if (n)
		buf_addc(out, ',');
	buf_add(out, "{\"start\":", 9);
	buf_addu(out, cpos(sc, a->b0));
	buf_add(out, ",\"end\":", 7);
	buf_addu(out, cpos(sc, b->b1));
	buf_add(out, ",\"text\":", 8);
	json_escape(out, sc->s + a->b0, b->b1 - a->b0);
	buf_add(out, ",\"type\":\"", 9);
	buf_adds(out, tyname[m->sig ? TY_DURATION : m->type]);
	buf_add(out, "\",\"value\":\"", 11);
	if (m->sig) {
		/* TimeML's value is the duration; where it lands is the point */
		char dv[64];
		durvals(dv, &m->dd);
		buf_adds(out, dv);
	} else
		buf_adds(out, m->val);
	buf_addc(out, '"');
	if (m->mod) {
		buf_add(out, ",\"mod\":\"", 8);
		buf_adds(out, m->mod);
		buf_addc(out, '"');
	}
	if (m->freq) {
		buf_add(out, ",\"freq\":\"", 9);
		buf_addu(out, (size_t)m->freq);
		buf_add(out, "X\"", 2);
	}
	if (m->sig && inyears(m->val)) {
		buf_add(out, ",\"point\":\"", 10);
		buf_adds(out, m->val);
		buf_addc(out, '"');
	}
	buf_addc(out, '}');
}

size_t
dates_find(struct dates_scan *sc, const char *text, size_t len,
    const struct dates_ref *ref, struct buf *out)
{
	size_t i = 0, n = 0;
	struct tx m;

	sc->s = text;
	sc->len = len;
	sc->ref = ref;
	sc->mdok = 0;
	sc->memo->i = SIZE_MAX;
	sc->cb = sc->cc = 0;
	sc->done = 0;
	sc->nrec++;
	tokenize(sc, sc->lex, text, len);
	buf_addc(out, '[');
	if (!(sc->anchors & A_WORD) && !sc->all) {
		/* no anchor word: is there an anchor phrase? */
		int found = 0;
		size_t q, nq = sc->nphi, all = nq > sizeof sc->phi / sizeof sc->phi[0];
		uint64_t cs;

		/* the tokens noted, or past 16 of them all */
		for (q = 0; q < (all ? sc->nt : nq) && !found; q++) {
			i = all ? q : sc->phi[q];
			if (sc->tk[i].lx && (sc->tk[i].lx->anchor & A_PHRASE))
				for (cs = sc->tk[i].lx->phcats & A_PHRASE_CATS; cs && !found;
				    cs &= cs - 1)
					if (phr(sc, __builtin_ctzll(cs), i, NULL, NULL))
						found = 1;
		}
		if (!found) {
			buf_addc(out, ']');
			return 0;
		}
		i = 0;
	}
	while (i < sc->nt) {
		/* most tokens can start no rule: on to the next that can (cand) */
		if (!sc->all) {
			size_t w = i >> 6;
			uint64_t b = sc->cand[w] & (~0ULL << (i & 63));

			while (!b && ++w <= (sc->nt - 1) >> 6)
				b = sc->cand[w];
			if (!b)
				break;
			i = (w << 6) + (size_t)__builtin_ctzll(b);
		}
		if (!best(sc, i, &m)) {
			i++;
			continue;
		}
		combine(sc, &m);
		if (m.istime)
			clocklast(sc, &m);
		signedafter(sc, &m);
		if (m.type == TY_SET)
			setfreq(sc, &m);
		/* a trailing point belongs to the sentence, not to "Nov." */
		while (m.t1 > m.t0 + 1 && ispc(sc, m.t1 - 1, '.') && m.t1 == sc->nt &&
		    !(m.t1 >= 2 && has(sc, m.t1 - 2, C_MER_END)))
			m.t1--;
		i = sc->done = m.t1;
		/* out of the years a value can write: not emitted, anchors nothing */
		if (!m.sig && !inyears(m.val))
			continue;
		emit(sc, &m, out, n++);
		if (!inyears(m.val))
			continue;
		setlast(sc, &m);
		setabout(sc, &m);
	}
	buf_addc(out, ']');
	return n;
}
