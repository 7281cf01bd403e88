/*
 * extract-dates-tok: cuts a text into words, numbers and punctuation
 * (byte and code point offsets kept), looks each word up once, and the
 * tests on tokens that look around them (sentence starts, money, parts
 * of bigger numbers, phrases).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-dates-int.h"
#include "hash.h"
#include "scan.h"
#include "utf8.h"
#include "util.h"

/* Punctuation maps onto one ASCII character. */
static int
uni_punct(unsigned u)
{
	if (u >= 0x2010 && u <= 0x2015)
		return '-';
	if (u == 0x2212)
		return '-';
	if (u == 0x2018 || u == 0x2019 || u == 0x2032 || u == 0x02BC)
		return '\'';
	if (u == 0x201C || u == 0x201D || u == 0xAB || u == 0xBB)
		return '"';
	if (u == 0x2026)
		return '.';
	if (u == 0x2219 || u == 0x2022 || u == 0xB7 || u == 0x22C5)
		return '*';
	if ((u >= 0x2016 && u <= 0x206F) || (u >= 0xA1 && u <= 0xBF) ||
	    u == 0xD7 || u == 0xF7 || (u >= 0x20A0 && u <= 0x20CF) ||
	    (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF00 && u <= 0xFF0F))
		return '?';
	return 0;
}

static int
uni_space(unsigned u)
{
	return u == 0xA0 || (u >= 0x2000 && u <= 0x200B) || u == 0x202F ||
	    u == 0x205F || u == 0x3000 || u == 0xFEFF || u == 0x85 ||
	    u == 0x2028 || u == 0x2029;
}

/* Byte classes for the tokenizer: 1 an ASCII letter, 2 a digit, 3 blank or control. */
static const unsigned char bclass[256] = {
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 3,
};

/* A word's entry: s[0..len) is a word of the text, avail bytes may be read. */
static const struct lexent *
lookup(const struct dates_lex *lex, const char *s, size_t len, size_t avail, int wide)
{
	unsigned c = (unsigned char)s[0];
	long id;

	/* one probe of the short words' table: cheaper than a test before it */
	if (len <= 8 && !wide)
		return lex_find8(lex, key8(s, len, avail));
	/* lenfirst: c is an ASCII letter or a byte >= 0x80 */
	if (len > 24 || (c < 0x80 && !(lex->lenfirst[len] >> ((c | 0x20) - 'a') & 1)))
		return NULL;
	/* most long words are none of the list's: a 1 KB bitmap says so */
	if (!wide) {
		uint32_t b = bit8(longkey(s, len));

		if (!(lex->bitsl[b >> 6] >> (b & 63) & 1))
			return NULL;
	}
	id = strtab_findh(&lex->words, s, len, hash_lower(s, len));
	return id < 0 ? NULL : lex->words.val[id].p;
}

/* Word w of the tokens' cand bits (tokenize with a word list only). */
static void
candput(struct dates_scan *sc, size_t w, uint64_t bits)
{
	if (!sc->anystart)
		return;
	if (w >= sc->ccap) {
		sc->ccap = sc->ccap ? 2 * sc->ccap : 16;
		while (sc->ccap <= w)
			sc->ccap *= 2;
		sc->cand = xrealloc(sc->cand, sc->ccap * sizeof *sc->cand);
	}
	sc->cand[w] = bits;
}

/*
 * Cuts s into tokens; words are looked up when lex is given.  ASCII
 * goes through a table; only other bytes are decoded.  A code point
 * offset is the byte offset less the bytes after the first of each
 * character so far (ex).
 */
/* Over 80 lines: the program's hot loop, one pass with its state in locals. */
void
tokenize(struct dates_scan *sc, const struct dates_lex *lex, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, nt = 0, ct = sc->ct, ex = 0;
	struct tok *tk = sc->tk;	/* in locals: the byte stores below may alias *sc */
	unsigned anchors = 0;
	size_t nphi = 0;
	int sp = 1;
	uint64_t cw = 0, any = lex ? sc->anystart : 0;	/* cand bits of the word being filled */

	while (i < n) {
		struct tok *t;
		unsigned c = u[i], cu, cl = bclass[c];
		int k = 1, pc = 0;
		uint64_t sb = 0;	/* the token's start bits but its lexent's */

		if (cl == 3) {	/* white space and control characters */
			sp = 1, i++;
			continue;
		}
		if (__builtin_expect(c >= 0x80, 0)) {
			cu = utf8_get(u + i, n - i, &k);
			if (uni_space(cu)) {
				sp = 1, i += (size_t)k, ex += (size_t)k - 1;
				continue;
			}
			pc = uni_punct(cu);
		} else if (cl == 0)
			pc = (int)c;
		if (__builtin_expect(nt == ct, 0)) {
			ct = ct ? ct * 2 : 256;
			tk = xrealloc(tk, ct * sizeof *tk);
		}
		t = &tk[nt++];
		t->b0 = (uint32_t)i;
		t->sp = (unsigned char)sp;
		t->cap = 0;
		t->nd = 0;
		t->num = 0;
		t->ch = 0;
		sp = 0;
		if (pc) {
			t->kind = TP;
			t->ch = pc;
			i += (size_t)k;
			ex += (size_t)k - 1;
			t->lx = lex && pc < 128 ? lex->punct[pc] : NULL;
			sb = pc == '\'' ? S_APOS : pc == '+' || pc == '-' ? S_SIGN : 0;
		} else if (cl == 2) {
			long num = 0;
			size_t j = i;

			t->kind = TN;
			anchors |= A_WORD;
			while (j < n && bclass[u[j]] == 2) {
				if (num < 100000000)
					num = num * 10 + (u[j] - '0');
				j++;
			}
			t->num = num;
			t->nd = (unsigned char)(j - i < 255 ? j - i : 255);
			t->lx = NULL;
			sb = S_NUM | (t->nd <= 2 ? S_NUM2 : 0) | (t->nd == 4 ? S_NUM4 : 0);
			i = j;
		} else {
			/* a word: ASCII letters and any other character that is not space or punctuation */
			size_t j = i, len;
			int wide = 0;

			t->kind = TW;
			if (c < 0x80 && i + 8 <= n) {
				/* a word of at most 7 ASCII letters: its length and key8() at once */
				uint64_t w = scan_load64le(u + i);

				len = scan_alpha8(w);
				if (len < 8 && u[i + len] < 0x80) {
					t->lx = lex ? lex_find8(lex, (w | 0x20 * SCAN_ONES) & mask8[len]) : NULL;
					if (c <= 'Z')
						t->cap = len > 1 && !(w & 0x20 * SCAN_ONES & mask8[len]) ? 2 : 1;
					i += len;
					goto end;
				}
			}
			for (;;) {
				j = scan_nonalpha(u, j, n);
				if (__builtin_expect(j >= n || u[j] < 0x80, 1))
					break;
				cu = utf8_get(u + j, n - j, &k);
				if (uni_space(cu) || uni_punct(cu))
					break;
				wide = 1;
				j += (size_t)k;
				ex += (size_t)k - 1;
			}
			len = j - i;
			t->lx = lex ? lookup(lex, s + i, len, n - i, wide) : NULL;
			/* capitalized; all capitals (ASCII only, more than one letter) */
			if (c <= 'Z') {
				size_t q;

				t->cap = 1;
				if (!wide && len > 1) {
					for (q = i + 1; q < j && u[q] <= 'Z'; q++)
						;
					if (q == j)
						t->cap = 2;
				}
			}
			i = j;
		}
end:
		t->b1 = (uint32_t)i;
		if (t->lx) {
			t->lf = t->lx->f;
			sb |= t->lx->sbits;
			anchors |= t->lx->anchor;
			if (__builtin_expect(t->lx->anchor & A_PHRASE, 0)) {
				if (nphi < sizeof sc->phi / sizeof sc->phi[0])
					sc->phi[nphi] = (uint32_t)(nt - 1);
				nphi++;
			}
		} else
			t->lf = 0;
		/* can a rule start here: startbits() meets a rule's mask */
		cw |= (uint64_t)((sb & any) != 0) << ((nt - 1) & 63);
		if (((nt - 1) & 63) == 63) {
			candput(sc, (nt - 1) >> 6, cw);
			cw = 0;
		}
		if (i < n && u[i] == ' ')	/* the usual space after a token */
			sp = 1, i++;
	}
	if (nt & 63)
		candput(sc, nt >> 6, cw);
	sc->nphi = nphi;
	sc->ex = ex;
	sc->tk = tk;
	sc->ct = ct;
	sc->nt = nt;
	sc->anchors = anchors;
}

/*
 * The code point offset of byte b, a token's edge, as tokenize() counts
 * (a byte below 0x80 or what utf8_get() reads is one): b itself in an
 * ASCII text, else counted on from the last answer (emit asks in order).
 */
size_t
cpos(struct dates_scan *sc, size_t b)
{
	const unsigned char *u = (const unsigned char *)sc->s;
	int k;

	if (!sc->ex)
		return b;
	if (b < sc->cb)
		sc->cb = sc->cc = 0;
	while (sc->cb < b) {
		if (u[sc->cb] < 0x80)
			sc->cb++;
		else {
			(void)utf8_get(u + sc->cb, sc->len - sc->cb, &k);
			sc->cb += (size_t)k;
		}
		sc->cc++;
	}
	return sc->cc;
}

/* The longest word or phrase of a category at i: its length in tokens, or 0. */
size_t
phr(const struct dates_scan *sc, int cat, size_t i, int *iv, const char **sv)
{
	const struct dates_lex *lx = sc->lex;
	const struct lexent *e;
	const struct tok *t1;
	size_t best = 0, k;
	int q;

	if (i >= sc->nt || !(e = sc->tk[i].lx))
		return 0;
	if (has(sc, i, cat)) {
		best = 1;
		if (iv)
			*iv = ivl(sc, i, cat);
		if (sv)
			*sv = svl(sc, i, cat);
	}
	if (!(e->phcats >> cat & 1) || i + 1 >= sc->nt)
		return best;
	/* most often the next token is the second word of none of them */
	t1 = &sc->tk[i + 1];
	if (!(e->next1 >> (t1->kind == TP ? (unsigned)t1->ch & 63 :
	    phsig(sc->s + t1->b0, t1->b1 - t1->b0)) & 1))
		return best;
	for (q = 0; q < e->nphs; q++) {
		const struct phrase *ph = &lx->ph[e->phs[q]];
		if (ph->cat != cat || (size_t)ph->nt <= best || i + ph->nt > sc->nt)
			continue;
		/* the first word is e's: token i is that word */
		for (k = 1; k < (size_t)ph->nt; k++) {
			/* the word's text, the length first */
			const struct tok *t = &sc->tk[i + k];
			if (t->kind == TP ? ph->t[k][0] != t->ch || ph->t[k][1] != '\0' :
			    t->b1 - t->b0 != ph->n[k] || !eqw(sc->s + t->b0, ph->n[k], ph->t[k]))
				break;
		}
		if (k == (size_t)ph->nt) {
			best = k;
			if (iv)
				*iv = ph->iv;
			if (sv)
				*sv = ph->sv;
		}
	}
	return best;
}

int
sentstart(const struct dates_scan *sc, size_t i)
{
	const struct tok *t;

	if (i == 0)
		return 1;
	t = &sc->tk[i - 1];
	return t->kind == TP && strchr(".!?:\"'(-*;", t->ch) != NULL;
}

/*
 * The tense of the verb that governs i, right before it or its "on":
 * 1 a present that schedules ("the board meets Tuesday") or a verb that
 * defers ("was postponed until Monday"), -1 a past
 * ("met on Tuesday", "was cancelled Tuesday"), 0 none or a passive
 * whose auxiliary says more ("will be held Tuesday").
 */
int
tense(const struct dates_scan *sc, size_t i)
{
	const struct tok *t;
	size_t v;
	int by = 0;

	/*
	 * "met on Tuesday", "convenes in January", "lasted until Monday",
	 * "runs through Sunday"; "was set for Feb. 9", "adjourned until
	 * Monday" are ahead whatever the tense (deferring verbs)
	 */
	if (i > 0 && (has(sc, i - 1, C_ON) || has(sc, i - 1, C_IN) || has(sc, i - 1, C_BY)))
		i--;
	else if (i > 0 && (has(sc, i - 1, C_TO) || has(sc, i - 1, C_FOR)))
		i--, by = 1 + has(sc, i, C_FOR);
	if (i == 0 || sc->tk[i - 1].kind != TW || sc->tk[i - 1].cap)
		return 0;
	v = i - 1;
	t = &sc->tk[v];
	if (by) {
		/* "set sentencing for", "postponed the vote until" */
		size_t k;
		for (k = v; k + 3 > v && k < sc->nt && sc->tk[k].kind == TW; k--) {
			if (has(sc, k, C_DEFER))
				return 1;
			if (k == 0)
				break;
		}
		if (by == 2)
			return 0;
	}
	if (has(sc, v, C_PRESENT_V))
		return (v > 0 && has(sc, v - 1, C_BACKWARD)) ||
		    (v > 1 && has(sc, v - 2, C_BACKWARD)) ? 0 : 1;	/* "did not meet" */
	if (!has(sc, v, C_PAST_V)) {
		/* a regular past: opened, voted; not need, speed, nor a forward word */
		const char *w = sc->s + t->b0;
		size_t n = t->b1 - t->b0;
		if (n < 4 || w[n - 2] != 'e' || w[n - 1] != 'd' || w[n - 3] == 'e' ||
		    phr(sc, C_FORWARD, v, NULL, NULL))
			return 0;
	}
	/* "will be held", "is to be officially opened" */
	if (v > 0 && sc->tk[v - 1].kind == TW && sc->tk[v - 1].b1 - sc->tk[v - 1].b0 > 3 &&
	    eqw(sc->s + sc->tk[v - 1].b1 - 2, 2, "ly"))
		v--;
	return v > 0 && has(sc, v - 1, C_BE) ? 0 : -1;
}

/* Does the sentence before i point to the future? */
int
forward(const struct dates_scan *sc, size_t i)
{
	size_t k, lo = i > 12 ? i - 12 : 0;
	int tn;

	if ((tn = tense(sc, i)) != 0)
		return tn > 0;
	for (k = i; k-- > lo;) {
		const struct tok *t = &sc->tk[k];
		/* not the points of "a.m. on": a stop is before no lower case */
		if (t->kind == TP && strchr(".;!?", t->ch) && !(t->ch == '.' &&
		    k + 1 < sc->nt && isword(sc, k + 1) && !TK(k + 1)->cap))
			return 0;
		/*
		 * the nearest cue, unless the verb before it says otherwise:
		 * "will be reported", "had been due", "was set to"
		 */
		if (phr(sc, C_FORWARD, k, NULL, NULL) || has(sc, k, C_MODAL_FWD) ||
		    (k + 1 == i && has(sc, k, C_BY) && !sentstart(sc, k)))
			return !(k > lo && has(sc, k - 1, C_BACKWARD)) &&
			    !(k > lo + 1 && has(sc, k - 2, C_BACKWARD));
		if (has(sc, k, C_BACKWARD))
			return (k > lo && phr(sc, C_FORWARD, k - 1, NULL, NULL) == 1) ||
			    (k > lo + 1 && phr(sc, C_FORWARD, k - 2, NULL, NULL) == 1);
	}
	return 0;
}

/* Is the number at i part of a bigger one (1,000 or 3.5 or 555-2025)? */
int
inbig(const struct dates_scan *sc, size_t i)
{
	if (i >= 2 && att(sc, i) && sc->tk[i - 1].kind == TP &&
	    strchr(",.:-/", sc->tk[i - 1].ch) && att(sc, i - 1) && isnum(sc, i - 2))
		return 1;
	if (i + 2 < sc->nt && att(sc, i + 1) && sc->tk[i + 1].kind == TP &&
	    strchr(",.:-/", sc->tk[i + 1].ch) && att(sc, i + 2) && isnum(sc, i + 2))
		return 1;
	return 0;
}

int
money(const struct dates_scan *sc, size_t i)
{
	const struct tok *t;

	if (i == 0)
		return 0;
	t = &sc->tk[i - 1];
	if (t->kind != TP)
		return 0;
	if (t->ch == '$' || t->ch == '#')
		return 1;
	if (t->ch == '?' && att(sc, i)) {	/* £ € ¥ and the like */
		const unsigned char *u = (const unsigned char *)sc->s + t->b0;
		return u[0] == 0xC2 || (u[0] == 0xE2 && u[1] == 0x82);
	}
	return 0;
}

/* Is token i the end of a clause: the end of the text or a stop? */
int
clauseend(const struct dates_scan *sc, size_t i)
{
	return i >= sc->nt || (TK(i)->kind == TP && strchr(",.;:!?)\"", TK(i)->ch));
}

int
isname(const struct dates_scan *sc, size_t i)
{
	if (!TK(i)->cap || !has(sc, i, C_NAME_WORDS))
		return 0;
	if (i > 0 && isword(sc, i - 1) && TK(i - 1)->cap && att(sc, i) == 0)
		return 1;
	if (isword(sc, i + 1) && TK(i + 1)->cap)
		return 1;
	/* a title mid-sentence: "the BBC's Today programme" */
	if (i > 0 && !sentstart(sc, i) && endsat(sc, C_DETERMINERS, i))
		return 1;
	return 0;
}

/* Does a word or phrase of the category end just before token i? */
int
endsat(const struct dates_scan *sc, int cat, size_t i)
{
	size_t k;

	for (k = 1; k <= MAXPT && k <= i; k++)
		if (phr(sc, cat, i - k, NULL, NULL) == k)
			return 1;
	return 0;
}
