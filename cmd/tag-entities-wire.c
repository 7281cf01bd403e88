/*
 * tag-entities-wire: the shapes of a news wire's records that say what
 * their names are before their words do: a dateline (FRANKFURT
 * 1996-08-30), a batsman's line of a cricket scorecard, a party label
 * after a name (D-N.Y.) and a brand that starts with a digit (3Com).
 */
#include <stdint.h>
#include <string.h>

#include "tag-entities-priv.h"

/* Is t two digits joined by a hyphen to the one before (30 of 08-30)? */
static int
hyph2(const struct tok *t)
{
	return (t->f & (TK_DIGIT | TK_HYPH)) == (TK_DIGIT | TK_HYPH) && t->fl == 2;
}

/*
 * A dateline: a place in capitals, perhaps its country after a comma,
 * then a date and no more (FRANKFURT 1996-08-30, AL-AIN , United Arab
 * Emirates 1996-12-05).  The place is a GPE, known or not, and not a
 * person; returns the token after it, or 0.
 */
size_t
dateline(struct rctx *c)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	size_t k, nt = c->nt;
	int e;

	if (nt < 4 || !(t[0].f & TK_ALLCAP) || !(t[nt - 3].f & TK_DIGIT) ||
	    t[nt - 3].fl != 4 || !(t[nt - 2].f & TK_DIGIT) || t[nt - 2].fl != 2 ||
	    t[nt - 2].b != t[nt - 3].e + 1 || !hyph2(&t[nt - 1]))
		return 0;
	for (k = 1; k < nt - 3 && !(t[k].f & TK_COMMA) && (t[k].f & TK_ALLCAP); k++)
		;
	if (k < nt - 3 && !(t[k].f & TK_COMMA))
		return 0;
	if (longest(d, 0, k, &e) == k && (d->x->ents[e].type == T_GPE ||
	    d->x->ents[e].type == T_LOC))
		known_ment(c, 0, k, e);
	else
		type_ment(c, 0, k, T_GPE, L_GAZ);
	return k;
}

/* Is token i one of the lower-case words of a batsman's dismissal? 2 if it ends one. */
static int
dismissal(const struct rctx *c, size_t i)
{
	static const char w[][4] = { "b", "lbw", "c", "st", "run", "not", "out", "and" };
	const struct tok *t = &c->d->tv.t[i];
	const char *f = c->d->fb.s + t->fo;
	size_t k;

	if (!(t->f & TK_LOWER) || t->fl > 3)
		return 0;
	for (k = 0; k < sizeof w / sizeof *w; k++)
		if (w[k][t->fl] == '\0' && memcmp(w[k], f, t->fl) == 0)
			return k < 2 || k == 6 ? 2 : 1;
	return 0;
}

/*
 * A batsman's line of a cricket scorecard: capitalised words, the words
 * of his dismissal and his runs (M. Atherton c Latif b Akram 31, G.
 * Thorpe not out 12).  Each run of capitalised words is a person, the
 * initials with it, whatever the gazetteers say of the words (Cork);
 * 1 if the record is one.
 */
int
batting(struct rctx *c)
{
	const struct tok *t = c->d->tv.t;
	size_t i, k, nt = c->nt;
	int end = 0, w;

	if (nt < 3 || !(t[nt - 1].f & TK_DIGIT) || !(t[0].f & TK_CAP))
		return 0;
	for (i = 1; i < nt - 1; i++) {
		if (t[i].f & TK_CAP)
			continue;
		if ((w = dismissal(c, i)) == 0)
			return 0;
		if (w == 2)
			end = 1;
	}
	if (!end)
		return 0;
	for (i = 0; i < nt - 1; i = k) {
		for (k = i; k < nt - 1 && (t[k].f & TK_CAP); k++)
			;
		if (k > i)
			type_ment(c, i, k, T_PERSON, L_GAZ);
		else
			k++;
	}
	return 1;
}

/*
 * Does the state of a party label between commas end at a comma or at
 * the end of the sentence: Rep. Dana Cole, D-N.Y., said; Sen. Ed Marr,
 * I-Vt.  Its words are short and joined (N.Y.), abbreviated or a place,
 * so A-League champions and U-Mos stay names.
 */
int
party_comma(const struct rctx *c, size_t k)
{
	const struct tok *t = c->d->tv.t;
	const char *s = c->s;
	size_t e, k0 = k;

	for (; k + 1 < c->nt && t[k + 1].b <= t[k].e + 1 && !(t[k + 1].f & TK_SP) &&
	    (t[k + 1].f & TK_CAP); k++)
		;
	if (t[k].ce - t[k].cb > 6)
		return 0;
	e = t[k].e;
	if (e < c->n && s[e] == '.')
		e++;
	else if (s[e - 1] != '.' && (k > k0 || t[k].lent < 0))
		return 0;	/* U-Mos: no abbreviation, no place */
	return e == c->n || s[e] == ',' || (s[e] == ' ' && s[e - 1] == '.') ||
	    s[e] == ')';
}

/*
 * Is token i a brand that starts with a number: 3Com, 4Kids, 1Xtra?  One
 * digit, a capital, two small letters or more with a vowel among them;
 * not a unit (9Mbps, 3Ghz), a footnote's number (22Sometimes) or an
 * escape in an address (%2Fdrinks).
 */
int
digit_brand(const struct rctx *c, size_t i)
{
	const struct tok *t = &c->d->tv.t[i];
	const char *w = c->s + t->b;
	size_t n = t->e - t->b, k;
	int vowel = 0;

	if (!(t->f & TK_DIGIT) || n < 4 || n > 16 || (t->f & TK_HYPH) || t->lent >= 0 ||
	    w[1] < 'A' || w[1] > 'Z' || (t->b > 0 && w[-1] != ' ' && w[-1] != '(' &&
	    w[-1] != '"'))
		return 0;
	for (k = 2; k < n; k++) {
		if (w[k] < 'a' || w[k] > 'z')
			return 0;
		if (strchr("aeiouy", w[k]) != NULL)
			vowel = 1;
	}
	return vowel;
}
