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

static void rules_index(uint32_t *);

struct dates_scan *
dates_scan_new(const struct dates_lex *lx, int dmy)
{
	struct dates_scan *sc = xcalloc(1, sizeof *sc);

	sc->lex = lx;
	sc->dmy = dmy;
	sc->memo = xcalloc(1, sizeof *sc->memo);
	sc->memo->i = SIZE_MAX;
	rules_index(sc->rulesof);
	return sc;
}

void
dates_scan_free(struct dates_scan *sc)
{
	if (!sc)
		return;
	free(sc->tk);
	free(sc->memo);
	free(sc);
}

static const rule_fn rules[] = {
	r_iso, r_slash, r_mdy, r_dmy, r_weekday, r_deictic, r_fixed, r_rel,
	r_ago, r_in, r_quarter, r_season, r_mod, r_decade, r_year, r_set,
	r_time, r_dur, r_nth, r_theunit, r_holiday,
};

/*
 * What a rule's first token must be, read off its first tests: the
 * categories of the word (and of the phrases it starts, for r_fixed
 * and r_holiday, r_ago, r_in, r_dur), or one of these (bits above the
 * categories).  A rule asked at a token outside its mask would return 0
 * at once.  r_ago, r_in and r_dur read a duration at the token (after
 * "about"), which best() looks at before r_offset: outside DUR_START
 * there is none, and best() notes that itself.  A new rule needs a mask
 * here, and a change to a rule's first tests a change to its mask.
 */
#define S_NUM (1ULL << 55)	/* a number */
#define S_NUM2 (1ULL << 56)	/* of at most two digits */
#define S_NUM4 (1ULL << 57)	/* of four */
#define S_APOS (1ULL << 58)	/* ' */
#define S_Q (1ULL << 59)	/* the word q */
#define DUR_START (CB(C_APPROX) | CB(C_HALF) | CB(C_NUMBERS) | S_NUM)
_Static_assert(NCAT <= 55, "the S_ bits are above the categories");
static const uint64_t rulestart[] = {
	S_NUM4,						/* r_iso */
	S_NUM2,						/* r_slash */
	CB(C_WEEKDAYS) | CB(C_MONTHS),			/* r_mdy */
	CB(C_WEEKDAYS) | CB(C_ARTICLES) | CB(C_ORDINALS) | CB(C_NUMBERS) | S_NUM, /* r_dmy */
	CB(C_RELATIVE) | CB(C_WEEKDAYS_PL) | CB(C_WEEKDAYS), /* r_weekday */
	CB(C_ARTICLES) | CB(C_DEICTIC),			/* r_deictic */
	CB(C_FIXED),					/* r_fixed */
	CB(C_ARTICLES) | CB(C_THIS_PREFIX) | CB(C_RELATIVE), /* r_rel */
	DUR_START,					/* r_ago */
	DUR_START,					/* r_in */
	S_Q | CB(C_ARTICLES) | CB(C_ORDINALS),		/* r_quarter */
	CB(C_ARTICLES) | CB(C_SEASONS),			/* r_season */
	CB(C_ARTICLES) | CB(C_MODIFIERS),		/* r_mod */
	S_NUM | S_APOS | CB(C_ARTICLES),		/* r_decade */
	S_NUM4,						/* r_year */
	CB(C_FREQ) | CB(C_EVERY),			/* r_set */
	CB(C_CLOCK) | S_NUM2,				/* r_time */
	DUR_START | CB(C_UNITS_PL),			/* r_dur */
	CB(C_ARTICLES),					/* r_nth */
	CB(C_ARTICLES),					/* r_theunit */
	CB(C_HOLIDAYS),					/* r_holiday */
};
_Static_assert(sizeof rulestart / sizeof rulestart[0] == sizeof rules / sizeof rules[0],
    "a mask for each rule");
_Static_assert(sizeof rules / sizeof rules[0] <= 32, "a bit for each rule");

/* rulesof[b]: bit k set when rulestart[k] has bit b. */
static void
rules_index(uint32_t *rulesof)
{
	size_t k;
	uint64_t b;

	for (k = 0; k < sizeof rules / sizeof rules[0]; k++)
		for (b = rulestart[k]; b; b &= b - 1)
			rulesof[__builtin_ctzll(b)] |= 1u << k;
}

/* The bits of token i the masks are read against. */
static uint64_t
startbits(const struct dates_scan *sc, size_t i)
{
	const struct tok *t = TK(i);
	uint64_t b = t->lf;

	if (t->lx)
		b |= t->lx->phcats & (CB(C_FIXED) | CB(C_HOLIDAYS) | CB(C_APPROX));
	if (t->kind == TN)
		b |= S_NUM | (t->nd <= 2 ? S_NUM2 : 0) | (t->nd == 4 ? S_NUM4 : 0);
	else if (t->kind == TP)
		b |= t->ch == '\'' ? S_APOS : 0;
	else if (t->b1 - t->b0 == 1 && (sc->s[t->b0] | 0x20) == 'q')
		b |= S_Q;
	return b;
}

int
best(struct dates_scan *sc, size_t i, struct tx *m)
{
	struct tx t;
	size_t k;
	int got = 0;
	uint64_t sb = startbits(sc, i), b;
	uint32_t which = 0;

	for (b = sb; b; b &= b - 1)
		which |= sc->rulesof[__builtin_ctzll(b)];
	if (!(sb & DUR_START)) {
		/* what pdurs() from r_ago and r_dur would leave: no duration at i */
		sc->memo->i = i;
		sc->memo->e = 0;
	}
	/* the rules in their order, as the lowest bit first */
	for (; which; which &= which - 1)
		if (k = (size_t)__builtin_ctz(which), rules[k](sc, i, &t) && (!got || t.t1 > m->t1)) {
			*m = t;
			got = 1;
		}
	/* the rules that start on one kind of token only, asked only there */
	if (TK(i)->kind == TP) {
		if (r_signed(sc, i, &t) && (!got || t.t1 > m->t1))
			*m = t, got = 1;
		return got;
	}
	/* r_dur has just read the duration here (or after "about"), if any */
	if ((has(sc, i, C_ARTICLES) || (sc->memo->e && sc->memo->i >= i && sc->memo->i <= i + MAXPT)) &&
	    r_offset(sc, i, &t) && (!got || t.t1 > m->t1))
		*m = t, got = 1;
	if (TK(i)->kind == TN && ispc(sc, i + 1, '-') && r_range(sc, i, &t) && (!got || t.t1 > m->t1))
		*m = t, got = 1;
	if (has(sc, i, C_RELATIVE) && r_workday(sc, i, &t) && (!got || t.t1 > m->t1))
		*m = t, got = 1;
	return got;
}

/* A date then a time, a time then a date, a day then a part of the day. */
void
combine(struct dates_scan *sc, struct tx *m)
{
	struct tx t;
	size_t j = m->t1;
	char d[64];
	int got;

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
	    m->val[10] == 'T') {	/* tonight at 8, this afternoon at 3 */
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
		return;
	}
	if (m->dayp) {
		if (ispc(sc, j, ',') || has(sc, j, C_AT) || ispc(sc, j, '*') ||
		    (has(sc, j, C_BEFORE_AFTER) && isnum(sc, j + 1)) ||
		    (att(sc, j) && (ispc(sc, j, '.') || ispc(sc, j, ':') || ispc(sc, j, '-') || tokeq(sc, j, "t"))))
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
			if (tokeq(sc, j, "z") && att(sc, j))
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
		return;
	}
	if (m->istime) {
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
	buf_adds(out, tyname[m->type]);
	buf_add(out, "\",\"value\":\"", 11);
	buf_adds(out, m->val);
	buf_addc(out, '"');
	if (m->mod) {
		buf_add(out, ",\"mod\":\"", 8);
		buf_adds(out, m->mod);
		buf_addc(out, '"');
	}
	buf_addc(out, '}');
}

#define B(c) (1ULL << (c))
#define START_MASK (B(C_MONTHS) | B(C_WEEKDAYS) | B(C_WEEKDAYS_PL) | B(C_UNITS_PL) | \
	B(C_NUMBERS) | B(C_ORDINALS) | B(C_RELATIVE) | B(C_DEICTIC) | B(C_SEASONS) | \
	B(C_MODIFIERS) | B(C_APPROX) | B(C_FIXED) | B(C_EVERY) | B(C_FREQ) | B(C_CLOCK) | \
	B(C_ARTICLES) | B(C_HALF) | B(C_THIS_PREFIX) | B(C_HOLIDAYS) | PHRASE_FIRST)

/* Could a rule start at this token at all?  (Most words cannot.) */
static int
trigger(const struct dates_scan *sc, size_t i)
{
	const struct tok *t = TK(i);

	if (t->kind == TN)
		return 1;
	if (t->kind == TP)
		return t->ch == '\'' || ((t->ch == '+' || t->ch == '-') && i + 1 < sc->nt &&
		    sc->tk[i + 1].kind == TN);
	return (t->lf & START_MASK) || (t->cap && t->b1 - t->b0 == 1);
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
	sc->lastgrain = 0;
	sc->mdok = 0;
	sc->memo->i = SIZE_MAX;
	sc->cb = sc->cc = 0;
	tokenize(sc, sc->lex, text, len);
	buf_addc(out, '[');
	if (!(sc->anchors & A_WORD)) {
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
		if (!trigger(sc, i) || !best(sc, i, &m)) {
			i++;
			continue;
		}
		combine(sc, &m);
		signedafter(sc, &m);
		/* a trailing point belongs to the sentence, not to "Nov." */
		while (m.t1 > m.t0 + 1 && ispc(sc, m.t1 - 1, '.') && m.t1 == sc->nt &&
		    !(m.t1 >= 2 && tokeq(sc, m.t1 - 2, "m")))
			m.t1--;
		emit(sc, &m, out, n++);
		setlast(sc, &m);
		i = m.t1;
	}
	buf_addc(out, ']');
	return n;
}
