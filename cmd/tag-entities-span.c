/*
 * tag-entities-span: the names of one record.  Its words are looked up
 * in the lexicon; runs of capitalised words and connectors are cut at
 * the names the lexicon knows, stripped of titles and of words that are
 * not names, and typed from their words and neighbours, or left untyped
 * for tag-entities-link to decide across the document.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tag-entities-priv.h"
#include "util.h"

/* Builds the key of tokens [a, b) in d->key; 0 if they are not one phrase. */
static int
span_key(struct doc *d, size_t a, size_t b)
{
	const struct tok *t = d->tv.t;
	size_t i;

	buf_reset(&d->key);
	for (i = a; i < b; i++) {
		if (i > a) {
			if (!(t[i].f & (TK_SP | TK_HYPH)) || (t[i - 1].f & TK_POSS))
				return 0;
			buf_addc(&d->key, t[i].f & TK_HYPH ? '-' : ' ');
		}
		buf_add(&d->key, d->fb.s + t[i].fo, t[i].fl);
	}
	return 1;
}

/* The lexicon entity for tokens [a, b), or -1. */
static int
gaz(struct doc *d, size_t a, size_t b)
{
	const struct slot *s;

	if (b == a + 1)
		return d->tv.t[a].lent;
	if (b - a > d->x->maxntok)
		return -1;	/* longer than any name: a run in a table */
	if (!span_key(d, a, b))
		return -1;
	s = doc_lookup(d, d->key.s, d->key.len);
	return s && s->ent >= 0 ? s->ent : -1;
}

uint32_t
span_phrase_flags(struct doc *d, size_t a, size_t b)
{
	const struct slot *s;

	if (b == a + 1)
		return d->tv.t[a].lf;
	if (!span_key(d, a, b))
		return 0;
	s = doc_lookup(d, d->key.s, d->key.len);
	return s ? (uint32_t)s->val : 0;
}


static int
iscap(struct rctx *c, size_t i)
{
	const struct tok *t = &c->d->tv.t[i];

	if (!(t->f & TK_CAP))
		return 0;
	if (t->lf & (F_TITLE | F_HONOR | F_TPREFIX) || (t->f & TK_INITIAL))
		return 1;
	if ((t->lf & F_NOTNAME) && t->lent < 0 &&
	    !((t->lf & F_FIRST) && (first_notname(c, i) || last_notname(c, i))))
		return 0;
	/* ENGLAND V PAKISTAN: v and vs part two sides in a headline */
	if (c->head && (t->lf & (F_WORD | F_TEAMB)) && !(t->lf & F_FIRST) && t->lent < 0)
		return 0;
	return 1;
}

static void segment(struct rctx *, size_t, size_t);

/* Is [a, b) all that stands between a pair of quotation marks? */
static int
quoted(struct rctx *c, size_t a, size_t b)
{
	const struct tok *t = c->d->tv.t;
	size_t i = t[a].b, j = t[b - 1].e;
	const char *s = c->s;

	while (i > 0 && s[i - 1] == ' ')
		i--;
	while (j < c->n && s[j] == ' ')
		j++;
	if (i == 0 || j >= c->n)
		return 0;
	if (s[i - 1] == '"' && s[j] == '"')
		return 1;
	/* curly quotes: U+201C before, U+201D after */
	return i >= 3 && j + 3 <= c->n && memcmp(s + i - 3, "\xe2\x80\x9c", 3) == 0 &&
	    memcmp(s + j, "\xe2\x80\x9d", 3) == 0;
}

/*
 * The longest known name of tokens [a, a+l) within [a, b), ending in a
 * capital or a digit: its length, and its entity in *ent; 0 if none.
 */
size_t
longest(struct doc *d, size_t a, size_t b, int *ent)
{
	const struct tok *t = d->tv.t;
	const struct slot *s;
	size_t l, best = 0;
	uint32_t h;
	char sep;

	*ent = -1;
	if (a >= b)
		return 0;
	/* the lone word, looked up by doc_add already */
	if (t[a].lent >= 0 && (t[a].f & (TK_CAP | TK_DIGIT))) {
		best = 1;
		*ent = t[a].lent;
	}
	if (!(t[a].lf & F_PREFIX))
		return best;
	/* the key grows a word at a time, and its hash with it */
	buf_reset(&d->key);
	buf_add(&d->key, d->fb.s + t[a].fo, t[a].fl);
	h = hash_more(HASH_INIT, d->fb.s + t[a].fo, t[a].fl);
	for (l = 2; a + l <= b && l <= MAXTOK; l++) {
		size_t i = a + l - 1;
		if (!(t[i].f & (TK_SP | TK_HYPH)) || (t[i - 1].f & TK_POSS))
			break;
		sep = t[i].f & TK_HYPH ? '-' : ' ';
		buf_addc(&d->key, sep);
		buf_add(&d->key, d->fb.s + t[i].fo, t[i].fl);
		h = hash_byte(h, (unsigned char)sep);
		h = hash_more(h, d->fb.s + t[i].fo, t[i].fl);
		s = doc_lookup_cached(d, d->key.s, d->key.len, h ? h : 1);
		if (!s)
			break;
		if (s->ent >= 0 && (t[i].f & (TK_CAP | TK_DIGIT))) {
			best = l;
			*ent = s->ent;
		}
		if (!(s->val & F_PREFIX))
			break;
	}
	return best;
}

/* Does a known name start at token a, within [a, b)? */
static int
known_prefix(struct doc *d, size_t a, size_t b)
{
	int e;

	return longest(d, a, b, &e) > 0;
}

/*
 * Is [a, b) a team: a known place [a, p) and capitalised words ending
 * in a plural, after "the" (the St. Louis Rams, the Denver Broncos), or
 * a place and one plural alone (Chicago Cubs fans, Texas Rangers)?
 */
static int
team(struct rctx *c, size_t a, size_t p, size_t b, int pe)
{
	const struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	const char *w = d->fb.s + t[b - 1].fo;
	size_t i;
	int alone;

	/*
	 * a city, not a country (UK Equities), in sports text, before fans
	 * or a score (Chicago Cubs 5)
	 */
	alone = b == p + 1 && d->x->ents[pe].weak && (d->r[d->nr - 1].sport ||
	    (b < c->nt && (lower_has(c, b, F_TEAMN) || ((t[b].f & (TK_DIGIT | TK_SP)) ==
	    (TK_DIGIT | TK_SP) && t[b].fl <= 3))));
	if (c->head || d->x->ents[pe].type != T_GPE || (!alone && (a == 0 ||
	    !(t[a - 1].f & TK_LOWER) || t[a - 1].fl != 3 ||
	    memcmp(d->fb.s + t[a - 1].fo, "the", 3))) ||
	    t[b - 1].fl < 4 || w[t[b - 1].fl - 1] != 's' ||
	    (t[b - 1].lf & (F_LOCW | F_GPEW | F_MISC)))
		return 0;
	for (i = p; i < b; i++)
		if (!(t[i].f & TK_CAP) || !(t[i].f & TK_SP))
			return 0;
	return 1;
}

/* Is token i an ordinal number: 82nd, 3rd, 101st, 2d? */
static int
ordinal(const struct doc *d, size_t i)
{
	const struct tok *t = &d->tv.t[i];
	const char *w = d->fb.s + t->fo;
	size_t n = t->fl, k = 0;

	if (!(t->f & TK_DIGIT))
		return 0;
	while (k < n && w[k] >= '0' && w[k] <= '9')
		k++;
	if (k == 0 || k > 4)
		return 0;
	n -= k, w += k;
	return (n == 1 && *w == 'd') || (n == 2 && (memcmp(w, "st", 2) == 0 ||
	    memcmp(w, "nd", 2) == 0 || memcmp(w, "rd", 2) == 0 || memcmp(w, "th", 2) == 0));
}

/* A mention of [a, b) for lexicon entity e: its type and canonical name. */
void
known_ment(struct rctx *c, size_t a, size_t b, int e)
{
	const struct lexent *le = &c->d->x->ents[e];
	struct ment *m;

	m = type_ment(c, a, b, le->type, le->weak ? L_WEAK : L_GAZ);
	m->id = le->id;
	if (le->type == T_ORG && b == a + 1)
		m->corp = corp_cue(c, a);
}

/* A mention of [a, b), typed by what type_evidence() finds. */
static void
unknown_ment(struct rctx *c, size_t a, size_t b)
{
	uint32_t tb = 0, te = 0;
	int type, level;
	struct ment *m;

	type_evidence(c, a, b, &type, &level, &tb, &te);
	m = type_ment(c, a, b, type, level);
	m->tb = tb, m->te = te;
}

/* Tower Man George F. Hauser: where the name starts after common words. */
static size_t
skip_common(struct rctx *c, size_t a, size_t b)
{
	const struct tok *t = c->d->tv.t;
	size_t k;

	if ((t[a].lf & F_WORD) && !(t[a].lf & F_FIRST) && t[a].lent < 0) {
		for (k = a + 1; k + 1 < b && (t[k].lf & F_WORD) && !(t[k].lf & F_FIRST) &&
		    t[k].lent < 0; k++)
			;
		if (k + 1 < b && (t[k].lf & F_FIRST) && gaz(c->d, a, b) < 0)
			a = k;
	}
	return a;
}

/*
 * A first name and a surname that happens to be a place: 1 if [a, b)
 * was taken as a person (or an organisation, by its context).
 */
static int
first_and_place(struct rctx *c, size_t a, size_t b)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	uint32_t tb = 0, te = 0;
	int type, level;
	struct ment *m;
	size_t k;

	if (!(t[a].lf & F_FIRST) || b - a < 2 || b - a > 3 || (t[b - 1].lf & F_WORD))
		return 0;
	for (k = a; k < b; k++)
		if (t[k].lent >= 0 && !d->x->ents[t[k].lent].weak)
			return 0;
	if (gaz(d, a, b) >= 0)
		return 0;
	type_evidence(c, a, b, &type, &level, &tb, &te);
	m = type_ment(c, a, b, type == T_ORG && level == L_EVID ? T_ORG : T_PERSON, L_EVID);
	m->tb = tb, m->te = te;
	/*
	 * The Orlando Sentinel reported, the Palmer House and: no one takes
	 * "the" (the Robert de Niro thriller: a person's name in a noun's)
	 */
	if (m->type == T_PERSON && type != T_PERSON && (m->cue & C_THE) && (a == 1 ||
	    (!(m->cue & C_OFTHE) && (b == c->nt || !(t[b].f & TK_LOWER) ||
	    (t[b].lf & F_CONN)))))
		m->type = T_ORG, m->level = L_WEAK;
	return 1;
}

/*
 * [u, b) as one name that holds the known name be at k: West Jersey is
 * a place, BBC Radio a body.  0 if a nationality or a first name leads.
 */
static int
one_name(struct rctx *c, size_t u, size_t k, size_t b, int be)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	int pt = d->x->ents[be].type, type, level;
	uint32_t tb = 0, te = 0;
	struct ment *m;
	size_t x;

	if (pt == T_NORP || (t[u].lf & F_FIRST))
		return 0;
	type_evidence(c, u, b, &type, &level, &tb, &te);
	for (x = u; x < b; x++)
		if (t[x].lf & F_ORGW)
			pt = T_ORG;
	/* Global Affairs Canada said, Public Health England said */
	if ((pt == T_ORG || body_of_state(c, u, k, b, be)) && type == T_PERSON &&
	    !(t[u].lf & F_FIRST))
		type = T_ORG;
	if (pt == T_GPE && body_of_state(c, u, k, b, be))
		pt = T_ORG;
	/* a place and a plural: Boston Bruins, New England Patriots, a team */
	if (pt == T_GPE && (k == u || k + 2 == b) && (t[b - 1].f & TK_CAP) &&
	    t[b - 1].fl > 3 && d->fb.s[t[b - 1].fo + t[b - 1].fl - 1] == 's' &&
	    !(t[b - 1].lf & (F_LOCW | F_GPEW | F_MISC)))
		pt = T_ORG, level = L_NONE;
	if (level < L_EVID)
		type = pt, level = L_WEAK;
	m = type_ment(c, u, b, type, level);
	m->tb = tb, m->te = te;
	return 1;
}

/* An unknown span, or a known one split into known pieces. */
static void
pieces(struct rctx *c, size_t a, size_t b)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	size_t k, u, best, nc;
	int be;

	a = skip_common(c, a, b);
	if (first_and_place(c, a, b))
		return;
	/*
	 * Known names inside a longer run: the run is one name (West
	 * Jersey, Atlantic City Railroad) unless every word is known, or
	 * the rest is a person (Venezuelan Nicolás Maduro).
	 */
	/* [x, b) is all common words for x > nc: a long run costs one pass */
	for (nc = b; nc > a && common_tok(&t[nc - 1]); nc--)
		;
	u = a;
	for (k = a; k < b;) {
		best = longest(d, k, b, &be);
		if (best && !iscap(c, k + best - 1) && !(t[k + best - 1].f & TK_DIGIT))
			best = 0;
		if (!best) {
			k++;
			continue;
		}
		if (u == k && k + best < b && k + best >= nc) {
			if (team(c, k, k + best, b, be)) {
				/* the Denver Broncos: a first name leads, no person */
				if (!one_name(c, u, k, b, be))
					unknown_ment(c, u, b);
				return;
			}
			/* US-Colombia Relations: the known name alone */
			known_ment(c, k, k + best, be);
			return;
		}
		/* Perth Glory, Orlando Magic: a city and a common word in sports text */
		if (u == k && k == a && b == k + best + 1 && d->x->ents[be].type == T_GPE &&
		    d->x->ents[be].weak && (t[b - 1].lf & F_WORD) && (t[b - 1].f & TK_CAP) &&
		    !(t[b - 1].f & (TK_ALLCAP | TK_POSS)) && t[b - 1].lent < 0 && !c->head &&
		    !(t[b - 1].lf & (F_LOCW | F_GPEW | F_MISC | F_TITLE | F_ORGW)) &&
		    d->r[d->nr - 1].sport) {
			type_ment(c, a, b, T_ORG, L_WEAK);
			return;
		}
		if ((u < k || (k + best < b && !(t[k + best].lf & F_FIRST) &&
		    gaz(d, k + best, b) < 0 && !known_prefix(d, k + best, b))) &&
		    !(u == k && d->x->ents[be].type == T_NORP)) {
			if (one_name(c, u, k, b, be))
				return;
			break;
		}
		known_ment(c, k, k + best, be);
		k += best;
		u = k;
	}
	if (u < b)
		unknown_ment(c, u, b);
}

/* Strips the words at either end of [*a, *b) that are not names. */
static void
strip_ends(struct rctx *c, size_t *ap, size_t *bp)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	size_t a = *ap, b = *bp;
	uint32_t lf;
	int e;

	while (a < b) {
		lf = t[a].lf;
		/* Four-Kings, A-League: the first part stays */
		if (a + 1 < b && (t[a].f & TK_CAP) && (t[a + 1].f & TK_HYPH) &&
		    (t[a + 1].f & TK_CAP) && !(t[a].f & TK_INIT) && !c->head)
			break;
		/* Former Scotland international: the prefix goes with the noun */
		if ((lf & F_TPREFIX) && !(lf & (F_TITLE | F_HONOR | F_FIRST | F_ORGW |
		    F_ORGHEAD)) && t[a].lent < 0 && a + 2 == b && t[a + 1].lent >= 0 &&
		    d->x->ents[t[a + 1].lent].type != T_PERSON &&
		    !(t[a + 1].lf & (F_TITLE | F_HONOR | F_TPREFIX)) && b < c->nt &&
		    (t[b].f & TK_LOWER) && (t[b].lf & (F_TEAMN | F_LOWTITLE | F_TITLE))) {
			a++;
			continue;
		}
		/*
		 * a common word alone starting a sentence may be a surname
		 * (Butler led): kept untyped, for linking to decide
		 */
		if (b == a + 1 && (t[a].f & TK_INIT) && (t[a].f & TK_CAP) && !(lf & F_NOTNAME) &&
		    !(t[a].f & TK_ALLCAP) && t[a].fl >= 3 && (lf & F_WORD) && t[a].lent < 0)
			break;
		/*
		 * Distance Records is a label: an organisation's word keeps
		 * it; not Results of National Basketball Association
		 */
		if (!(t[a].f & TK_CAP) || ((lf & F_NOTNAME) && t[a].lent < 0 &&
		    !(t[a].f & TK_INITIAL) && !(lf & (F_HONOR | F_TITLE)) &&
		    !(a + 1 < b && first_notname(c, a))) ||
		    ((t[a].f & TK_INIT) && (lf & F_WORD) && !(lf & (F_FIRST | F_TITLE |
		    F_HONOR | F_TPREFIX | F_ORGW | F_ORGHEAD)) && t[a].lent < 0 &&
		    !(b - a >= 2 && (lf & F_TEAMHEAD)) &&
		    (b == a + 1 || (gaz(d, a, b) < 0 && !((lf & F_PREFIX) &&
		    longest(d, a, b, &e) >= 2))) && !(b - a >= 2 &&
		    (t[b - 1].lf & F_ORGW) && !(t[b - 1].lf & F_LOCW) &&
		    !(t[a + 1].f & (TK_HYPH | TK_LOWER)) && !(t[a].f & TK_POSS))))
			a++;
		else
			break;
	}
	while (b > a && !(t[b - 1].f & (TK_CAP | TK_DIGIT)))
		b--;
	*ap = a;
	*bp = b;
}

/*
 * The end of the title at token k, within [k, b): the title words that
 * follow it, and "of State" in Secretary of State Marco Rubio.
 */
static size_t
title_end(struct rctx *c, size_t k, size_t b)
{
	const struct tok *t = c->d->tv.t;
	size_t q = k + 1, r;

	while (q < b && (t[q].lf & (F_TITLE | F_TPREFIX)) && !(t[q].lf & F_FIRST))
		q++;
	if (q < b && (t[q].f & TK_LOWER)) {
		r = q + 1;
		while (r < b && (t[r].f & TK_LOWER))
			r++;
		while (b - r > 2 && !(t[r].lf & F_FIRST))
			r++;
		if (b - r >= 1 && r > q + 1 && b - r <= 3 &&
		    !(t[r - 1].f & TK_LOWER) && b - r >= 2)
			q = r;
	}
	return q;
}

/*
 * Titles and honorifics: the name after the first of them in [a, b) is
 * a person.  1 if [a, b) was taken so, its title kept apart.
 */
static int
titled(struct rctx *c, size_t a, size_t b)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	size_t k, p, q, g, r;
	struct ment *m;
	int e;

	for (k = a; k < b; k++)
		if ((t[k].lf & (F_TITLE | F_HONOR)) && (t[k].f & TK_CAP))
			break;
	if (k == b || (k + 1 < b && (t[k + 1].lf & F_ORGW) && !(t[k + 1].lf & F_TITLE)))
		return 0;	/* none, or General Motors */
	p = k;
	while (p > a && (t[p - 1].lf & (F_TPREFIX | F_TITLE)) && t[p - 1].lent < 0)
		p--;
	q = title_end(c, k, b);
	if (p > a)
		segment(c, a, p);
	if (q >= b || (t[q].f & TK_LOWER)) {
		/* a title with no name after it: not an entity */
		if (q < b)
			segment(c, q, b);
		return 1;
	}
	/*
	 * President of Kessel Rowing Club, Fellow of the American Physical
	 * Society: the body the title is of, no person
	 */
	if ((t[b - 1].lf & (F_ORGW | F_LOCW | F_GPEW)) && !(t[q].lf & F_FIRST)) {
		for (r = b; r > k + 1 && !(t[r - 1].f & TK_LOWER); r--)
			;
		if (r > k + 1) {
			segment(c, r, b);
			return 1;
		}
	}
	e = gaz(d, q, b);
	/* Mr Hilton, Mr Justice Forbes: an honorific makes a firm's name a person */
	for (g = p; g < q && !(t[g].lf & F_HONOR); g++)
		;
	if (e >= 0 && !d->x->ents[e].weak && d->x->ents[e].type != T_PERSON &&
	    !(g < q && d->x->ents[e].type == T_ORG)) {
		segment(c, q, b);
		return 1;
	}
	m = type_ment(c, q, b, T_PERSON, L_TITLE);
	if (e >= 0 && d->x->ents[e].type == T_PERSON)
		m->id = d->x->ents[e].id;
	for (g = p; g < q; g++)
		if (t[g].lf & (F_MALE | F_FEMALE))
			m->gender = t[g].lf & F_MALE ? G_MALE : G_FEMALE;
	m->tb = t[p].b;
	m->te = t[q - 1].e;
	if (t[k].lf & F_HONOR && !(t[k].lf & F_TITLE) && p == k && q == k + 1)
		m->tb = m->te = 0;	/* Mr. is no title */
	return 1;
}

/*
 * Is [a, b) in a speaker's slot: just after a verb of speech and before
 * a comma or the end ("...," said Wendy Day), or just before one (Mike
 * Lake said)?  A first name and one word more, or a single word.
 */
static int
speaker_slot(struct rctx *c, size_t a, size_t b)
{
	const struct tok *t = c->d->tv.t;

	if (b - a > 2 || (b - a == 2 && !(t[a].lf & F_FIRST)) || (t[b - 1].f & TK_POSS))
		return 0;
	if (a > 0 && (t[a].f & TK_SP) && lower_has(c, a - 1, F_SPEAKB) &&
	    (b == c->nt || (t[b].f & TK_COMMA)))
		return 1;
	return b < c->nt && (t[b].f & TK_SP) && lower_has(c, b, F_PVERB) &&
	    b - a == 2;
}

/* Is [a, b) an event, a work, a law: not ours? */
static int
misc_name(struct rctx *c, size_t a, size_t b)
{
	const struct tok *t = c->d->tv.t;
	size_t k;

	if (speaker_slot(c, a, b))
		return 0;	/* Wendy Day said */
	if (b - a >= 2 && ((t[b - 1].lf & F_MISC) || (t[a].lf & F_MISCHEAD)))
		return 1;
	for (k = a; k + 1 < b; k++)
		if (((t[k].lf & F_MISCHEAD) && (t[k + 1].f & TK_LOWER)) ||
		    ((t[k].lf & F_MISC) && k + 2 == b && (t[b - 1].f & (TK_DIGIT | TK_ALLCAP))))
			return 1;	/* Second Battle of Bull Run, World War II */
	return 0;
}

/* Organisation and place words: 1 if they typed [a, b). */
static int
typed_by_words(struct rctx *c, size_t a, size_t b)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	size_t k;
	int org;

	for (k = a + 1; k < b; k++)
		if (amp_joined(c, k)) {
			/* a firm's partners: Johnson & Johnson */
			type_ment(c, a, b, T_ORG, L_EVID);
			return 1;
		}
	for (k = a + 1; k + 2 < b; k++)
		if ((t[k].lf & (F_ORGW | F_ORGHEAD)) && (t[k + 1].f & TK_LOWER) &&
		    d->fb.s[t[k + 1].fo] == 'o') {
			/* New Jersey Department of Public Safety */
			type_ment(c, a, b, T_ORG, L_EVID);
			return 1;
		}
	/* a Fellow of the Royal Society: the body, not its fellow */
	if ((t[b - 1].lf & F_ORGW) && b - a >= 3 && (t[a].lf & F_WORD) && t[a].lent < 0 &&
	    !(t[a].lf & (F_ORGHEAD | F_ORGW | F_LOCW | F_GPEW | F_LOCHEAD | F_MISCHEAD |
	    F_FIRST)) && (t[a + 1].f & TK_LOWER) &&
	    d->fb.s[t[a].fo + t[a].fl - 1] != 's') {
		/* not Friends of the Earth Trust: a plural names the body */
		for (k = a + 1; k < b && (t[k].f & TK_LOWER); k++)
			;
		if (b - k >= 2)
			a = k;
	}
	if (((t[b - 1].lf & F_ORGW) && b - a >= 2) ||
	    (b - a >= 3 && (t[a].lf & F_ORGHEAD) && (t[a + 1].f & TK_LOWER))) {
		/* a numbered unit: 82nd Airborne Division */
		if (a > 0 && (t[a].f & TK_SP) && ordinal(d, a - 1))
			a--;
		type_ment(c, a, b, T_ORG, L_EVID);
		return 1;
	}
	if ((t[b - 1].lf & F_LOCW) && b - a >= 2 && !speaker_slot(c, a, b)) {
		/* a place, not David Hill said, nor said Mike Lake. */
		type_ment(c, a, b, T_LOC, L_EVID);
		return 1;
	}
	if ((t[b - 1].lf & F_GPEW) && b - a >= 2) {
		/* a Unified School District is a body, not a place */
		org = 0;
		for (k = a + 1; k + 1 < b; k++)
			if ((t[k].lf & F_ORGW) && !(t[k].lf & F_GPEW))
				org = 1;
		type_ment(c, a, b, org ? T_ORG : T_GPE, L_EVID);
		return 1;
	}
	if (b - a >= 2 && (t[a].lf & F_LOCHEAD) && !(t[a + 1].f & TK_LOWER) &&
	    !known_prefix(d, a, b)) {
		type_ment(c, a, b, T_LOC, L_EVID);
		return 1;
	}
	if (b - a >= 3 && (t[a].lf & (F_LOCW | F_GPEW)) && (t[a + 1].f & TK_LOWER)) {
		/* Gulf of Mexico, Republic of Ireland */
		type_ment(c, a, b, t[a].lf & F_LOCW ? T_LOC : T_GPE, L_EVID);
		return 1;
	}
	return 0;
}

/*
 * Are [a, b) letters standing alone, but for one word of up to three
 * letters, none known and none an initial with its dot: the headings of
 * a table (W D L Pts)?
 */
static int
short_words(struct rctx *c, size_t a, size_t b)
{
	const struct tok *t = c->d->tv.t;
	size_t longer = 0;

	for (; a < b; a++) {
		if (t[a].ce - t[a].cb > 3 || t[a].lent >= 0 || (t[a].f & (TK_INITIAL |
		    TK_DIGIT)))
			return 0;
		if (t[a].ce - t[a].cb > 1 && longer++)
			return 0;
	}
	return 1;
}

/* A run of capitalised words [a, b): strip, find titles, type. */
static void
segment(struct rctx *c, size_t a, size_t b)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	int e;

	strip_ends(c, &a, &b);
	if (a >= b)
		return;
	if (b == a + 1 && t[a].fl <= 1 && t[a].lent < 0)
		return;	/* a lone initial */
	if (b - a >= 3 && short_words(c, a, b))
		return;	/* a table's header: W D L Pts */
	if (quoted(c, a, b) && gaz(d, a, b) < 0)
		return;	/* "Brand New Name": the title of a work */
	if ((e = gaz(d, a, b)) >= 0) {
		/* "...," said Bono: a weak place in a speaker's slot is a person */
		if (d->x->ents[e].weak && d->x->ents[e].type != T_PERSON &&
		    speaker_slot(c, a, b) && (b - a == 2 || (a > 0 &&
		    lower_has(c, a - 1, F_SPEAKB)))) {
			type_ment(c, a, b, T_PERSON, L_EVID);
			return;
		}
		known_ment(c, a, b, e);
		return;
	}
	if (titled(c, a, b) || misc_name(c, a, b) || typed_by_words(c, a, b))
		return;
	pieces(c, a, b);
}

/* Is this title case or all capitals (a headline)? */
static int
headline(struct rctx *c)
{
	const struct tok *t = c->d->tv.t;
	size_t i, n = 0, caps = 0, all = 0, words = 0;

	/*
	 * all in capitals, however few common words: BRACKLEY SIGN STRIKER;
	 * the first word that is not ends the look
	 */
	for (i = 0; i < c->nt; i++) {
		if ((t[i].f & TK_DIGIT) || t[i].ce - t[i].cb < 2)
			continue;
		if (!(t[i].f & TK_ALLCAP))
			break;
		words++;
	}
	if (i == c->nt && words >= 3)
		return 1;
	/*
	 * a full stop ends a sentence, not a title: "He is a Fellow of the
	 * Royal Society now." has no lower-case word to count, and is none
	 */
	for (n = c->n; n > 0 && (c->s[n - 1] == ' ' || c->s[n - 1] == '\n'); n--)
		;
	if (n >= 2 && c->s[n - 1] == '.' && c->s[n - 2] != '.' &&
	    !(c->s[n - 2] >= 'A' && c->s[n - 2] <= 'Z'))
		return 0;
	n = 0;
	for (i = 0; i < c->nt; i++) {
		if (t[i].ce - t[i].cb < 3 || (t[i].f & TK_DIGIT) ||
		    !(t[i].lf & F_WORD) || (t[i].lf & (F_FIRST | F_TITLE | F_TPREFIX |
		    F_NOTNAME | F_HONOR | F_CONN)) || t[i].lent >= 0)
			continue;
		n++;
		if (t[i].f & TK_CAP)
			caps++;
		if (t[i].f & TK_ALLCAP)
			all++;
	}
	return n >= 3 && (caps * 10 >= n * 9 || all * 10 >= n * 8);
}

/*
 * May "the" at token j join a name?  After "of" (Bank of the West), and
 * after "for" before a common word (Institute for the Study of Labour),
 * not before a known name (the League for the Denver Broncos).
 */
static int
the_joins(struct rctx *c, size_t j)
{
	const struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	const char *w = d->fb.s + t[j - 1].fo;

	if (t[j - 1].fl == 2 && memcmp(w, "of", 2) == 0)
		return 1;
	return t[j - 1].fl == 3 && memcmp(w, "for", 3) == 0 && j + 1 < c->nt &&
	    (t[j + 1].f & TK_CAP) && (t[j + 1].lf & F_WORD) && !(t[j + 1].lf & F_FIRST) &&
	    t[j + 1].lent < 0 && !known_prefix(c->d, j + 1, c->nt);
}

/* Appends a record of text[0..n) to d. */
static struct rec *
rec_new(struct doc *d, const char *text, size_t n)
{
	struct rec *r;

	if (d->nr == d->rcap) {
		d->rcap = d->rcap ? d->rcap * 2 : 64;
		d->r = xrealloc(d->r, d->rcap * sizeof *d->r);
	}
	r = &d->r[d->nr++];
	r->to = d->txt.len;
	r->tl = n;
	buf_add(&d->txt, text, n);
	buf_addc(&d->txt, '\0');
	r->m0 = r->m1 = d->nm;
	r->sport = 0;
	return r;
}

/*
 * Dr. Nner, Lt. Gen. Early, St. Louis: the dot of a title or of a
 * place's first word joins it to the name.  In the same pass, the
 * record's words of sports text are counted into r->sport.
 */
static void
join_dots(struct doc *d, struct rec *r, const char *text, size_t n)
{
	struct tok *t = d->tv.t;
	size_t i, g;

	if (d->tv.n && (t[d->tv.n - 1].lf & F_SPORTW) && (t[d->tv.n - 1].f & TK_LOWER))
		r->sport++;
	for (i = 1; i < d->tv.n; i++) {
		if ((t[i - 1].lf & F_SPORTW) && (t[i - 1].f & TK_LOWER))
			r->sport++;
		if (!(t[i - 1].lf & (F_HONOR | F_TITLE | F_LOCHEAD)) || !(t[i - 1].f & TK_CAP) ||
		    (t[i].f & (TK_SP | TK_HYPH)) || t[i - 1].e >= n || text[t[i - 1].e] != '.')
			continue;
		/* St. Louis, not the FT. or Main St. Police said */
		if (!(t[i - 1].lf & (F_HONOR | F_TITLE)) && ((t[i - 1].f & TK_ALLCAP) ||
		    !(t[i].f & TK_CAP) || (t[i].lf & F_NOTNAME) ||
		    ((t[i].lf & F_WORD) && !(t[i].lf & F_FIRST) && t[i].lent < 0)))
			continue;
		for (g = t[i - 1].e + 1; g < t[i].b && (text[g] == ' ' || text[g] == '\t'); g++)
			;
		if (g == t[i].b && g > t[i - 1].e + 1) {
			t[i - 1].e++;
			t[i - 1].ce++;
			t[i].f |= TK_SP;
			t[i].f &= ~TK_INIT;
		}
	}
}

/*
 * May connector j join the run of capitalised words from token i?
 * nconn: the connectors since the run's last capital; *andok and
 * *forjoin carry what those before said.
 */
static int
conn_joins(struct rctx *c, size_t i, size_t j, size_t nconn, int *andok, int *forjoin)
{
	const struct tok *t = c->d->tv.t;
	const char *w = c->d->fb.s + t[j].fo;
	size_t x;

	if (t[j].fl == 2 && memcmp(w, "of", 2) == 0 && (t[j - 1].lf & F_ORGHEAD))
		*andok = 1;
	if ((t[j].fl == 3 && memcmp(w, "and", 3) == 0) || (t[j].fl == 1 && *w == '&')) {
		/* not "the University of Texas and the ..." */
		if (!*andok || (j + 1 < c->nt && (t[j + 1].f & TK_LOWER)))
			return 0;
		/* nor Bank of Canada and National Bank of Greece: two bodies */
		for (x = j + 1; x + 1 < c->nt && x < j + 5 && (t[x].f & TK_CAP) &&
		    (t[x].f & TK_SP); x++)
			if ((t[x].lf & F_ORGHEAD) && (t[x + 1].f & TK_LOWER) &&
			    t[x + 1].fl == 2 && memcmp(c->d->fb.s + t[x + 1].fo, "of", 2) == 0)
				return 0;
	}
	/* not the Super League for FC Basel, the Cup for Real Tolosa: a side after it */
	if (t[j].fl == 3 && memcmp(w, "for", 3) == 0 && j + 1 < c->nt &&
	    (t[j + 1].f & TK_CAP) && (t[j + 1].lf & F_TEAMHEAD))
		return 0;
	/* "the" only after of: Bank of the West */
	if (t[j].fl == 3 && memcmp(w, "the", 3) == 0 && (nconn == 0 || !the_joins(c, j)))
		return 0;
	/*
	 * of, for, on join only after a word that heads such a name: Bank
	 * of England, Center for Disease Control, not Amos Frumkin of the ...
	 */
	if (nconn == 0 && ((t[j].fl == 2 && (memcmp(w, "of", 2) == 0 ||
	    memcmp(w, "on", 2) == 0)) || (t[j].fl == 3 && memcmp(w, "for", 3) == 0)) &&
	    !(t[j - 1].lf & (F_ORGHEAD | F_ORGW | F_LOCW | F_GPEW | F_TITLE | F_MISC |
	    F_MISCHEAD)) && !(j == i + 1 && (t[i].lf & F_WORD)) && !*forjoin)
		return 0;
	/* Institute for the Study of Labour */
	if (t[j].fl == 3 && memcmp(w, "for", 3) == 0)
		*forjoin = 1;
	return 1;
}

/*
 * The end of the run of capitalised words from token i, with the
 * connectors that may join them: the end of its last capital.
 */
static size_t
cap_run(struct rctx *c, size_t i)
{
	const struct tok *t = c->d->tv.t;
	size_t j = i + 1, k = i + 1, nconn = 0;
	int andok = 0, forjoin = 0;

	while (j < c->nt) {
		if (amp_joined(c, j) && (t[j].f & TK_CAP) && !(t[j - 1].f & TK_POSS) &&
		    !c->head && j - i <= 2 && !((t[j].lf & F_FIRST) && j + 1 < c->nt &&
		    (t[j + 1].f & TK_SP) && iscap(c, j + 1)) &&
		    !((t[j - 1].lf & F_WORD) && (t[j].lf & F_WORD) &&
		    !(t[j].lf & F_FIRST) && amp_gaz(c, j - 1) < 0)) {
			/*
			 * Marks & Spencer; not Tom Smith & Ann Jones, nor
			 * Home & Away, two common words, unless known
			 * (Standard & Poor's)
			 */
			j++;
			k = j;
			nconn = 0;
			continue;
		}
		if ((!(t[j].f & (TK_SP | TK_HYPH)) && !hyph_joined(c, j)) ||
		    (t[j - 1].f & TK_POSS))
			break;
		if (iscap(c, j) || ((t[j].f & (TK_DIGIT | TK_CAP)) && hyph_joined(c, j))) {
			if (nconn && (t[j - 1].f & TK_LOWER) && !(t[j].f & TK_SP))
				break;
			j++;
			k = j;
			nconn = 0;
			continue;
		}
		if (!(t[j].f & TK_LOWER) || !(t[j].lf & F_CONN) || (t[j].f & TK_HYPH) ||
		    nconn >= 2 || !conn_joins(c, i, j, nconn, &andok, &forjoin))
			break;
		nconn++;
		j++;
	}
	return k;
}

/*
 * Is token i a capitalised "The" inside a sentence?  It belongs to the
 * name after it: The Beatles, The Island Def Jam Music Group.
 */
static int
the_inside(struct rctx *c, size_t i)
{
	const struct doc *d = c->d;
	const struct tok *t = &d->tv.t[i];

	return !c->head && i > 0 && i + 1 < c->nt && (t->f & TK_CAP) &&
	    !(t->f & (TK_INIT | TK_ALLCAP)) && (t->f & (TK_SP | TK_COMMA)) &&
	    (t[1].f & TK_SP) && t->fl == 3 && memcmp(d->fb.s + t->fo, "the", 3) == 0;
}

/*
 * After a capitalised "The" inside a sentence at token i - 1, the name
 * made at i (mention nm on) takes it in its output span, not its key.
 */
static void
the_before(struct rctx *c, size_t i, size_t nm)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	struct ment *m;

	if (i == 0 || d->nm == nm || !the_inside(c, i - 1))
		return;
	m = &d->m[nm];
	if (m->ti != i || m->cs - t[i - 1].cb > 255 || m->bs - t[i - 1].b > 255)
		return;
	m->thec = (uint8_t)(m->cs - t[i - 1].cb);
	m->theb = (uint8_t)(m->bs - t[i - 1].b);
	/* The Zutons: a plural no evidence typed is a band or a side */
	if (m->type < 0 && m->kl > 3 && d->fb.s[m->ko + m->kl - 1] == 's' &&
	    !(t[m->ti + m->ntok - 1].lf & (F_LOCW | F_GPEW | F_MISC)))
		m->type = T_ORG, m->level = L_WEAK;
}

/* Does token i start a name of capitals joined by hyphens: Four-Kings, A-League? */
static int
hyph_start(struct rctx *c, size_t i)
{
	const struct tok *t = c->d->tv.t;

	return !c->head && !(t[i].f & TK_INIT) && i + 1 < c->nt && (t[i].f & TK_CAP) &&
	    (t[i + 1].f & TK_HYPH) && (t[i + 1].f & TK_CAP);
}

/*
 * A quoted title of capitalised words and connectors that ends in an
 * event's word: "Free Mojtaba and Arash Day", a slogan, no one's name.
 * The token after it, or i.
 */
static size_t
quoted_event(struct rctx *c, size_t i)
{
	const struct tok *t = c->d->tv.t;
	const char *s = c->s;
	size_t k, p = t[i].b, e;

	if (!(p >= 1 && (s[p - 1] == '"' || (s[p - 1] == '\'' && (p == 1 ||
	    s[p - 2] == ' ')))) && !(p >= 3 && memcmp(s + p - 3, "\xe2\x80\x9c", 3) == 0))
		return i;
	for (k = i; k < c->nt && k < i + 8; k++) {
		if (k > i && (!(t[k].f & TK_SP) || !((t[k].f & TK_CAP) ||
		    ((t[k].f & TK_LOWER) && (t[k].lf & F_CONN)))))
			return i;
		e = t[k].e;
		if (e < c->n && (s[e] == '"' || s[e] == '\'' ||
		    (e + 3 <= c->n && memcmp(s + e, "\xe2\x80\x9d", 3) == 0)))
			return k > i && (t[k].lf & F_MISC) && (t[k].f & TK_CAP) ? k + 1 : i;
	}
	return i;
}

/* Standard & Poor's, M&S: a known name of tokens i, i + 1 joined by an ampersand; 1 if so. */
static int
amp_known(struct rctx *c, size_t i)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	size_t nm = d->nm;
	int e;

	if ((c->s[t[i].e] != '&' && !(t[i].e + 1 < c->n && c->s[t[i].e + 1] == '&')) ||
	    (e = amp_gaz(c, i)) < 0)
		return 0;
	known_ment(c, i, i + 2, e);
	if ((t[i + 1].f & TK_INITIAL) && d->nm > nm && d->m[d->nm - 1].be == t[i + 1].e &&
	    c->s[t[i + 1].e - 1] == '.')
		d->m[d->nm - 1].be--, d->m[d->nm - 1].ce--;	/* M&S. */
	return 1;
}

/* The names of the record: known ones, and runs of capitalised words. */
static void
find_names(struct rctx *c)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	size_t i, k, best, nm;
	int e;

	/* both end in a number */
	i = 0;
	if (c->nt > 0 && (t[c->nt - 1].f & TK_DIGIT)) {
		if (batting(c))
			return;
		i = dateline(c);
	}
	for (; i < c->nt;) {
		/* one test a word for the many that start nothing */
		if (!(t[i].f & (TK_CAP | TK_ALLCAP | TK_DIGIT))) {
			i++;
			continue;
		}
		if (!(t[i].f & TK_CAP)) {
			if ((t[i].f & TK_ALLCAP) && call_sign(c, i))
				call_ment(c, i);
			else if (!(t[i].f & TK_ALLCAP) && t[i].e - t[i].b >= 4 &&
			    (unsigned char)(c->s[t[i].b + 1] - 'A') < 26 && digit_brand(c, i))
				type_ment(c, i, i + 1, T_ORG, L_WEAK);
			i++;
			continue;
		}
		/*
		 * a party label after a name: (D-Ore.), (R-Texas), and
		 * between commas, D-N.Y.,; the state may be a place
		 */
		if ((t[i].f & (TK_OPAREN | TK_COMMA)) && t[i].ce - t[i].cb == 1 &&
		    i + 1 < c->nt && (t[i + 1].f & TK_HYPH) && (t[i + 1].f & TK_CAP) &&
		    ((t[i].f & TK_OPAREN) || party_comma(c, i + 1))) {
			i++;
			if (t[i].lent < 0 || (t[i].lf & F_WORD))
				i++;	/* Ore., Calif.: an abbreviation, no name */
			continue;
		}
		if ((k = quoted_event(c, i)) > i) {
			i = k;
			continue;
		}
		/* the longest known name from here */
		best = longest(d, i, c->nt, &e);
		if (!iscap(c, i) && !hyph_start(c, i)) {
			/* The Hague, UNITED STATES in capitals */
			if (best >= 2) {
				known_ment(c, i, i + best, e);
				i += best;
			} else
				i++;
			continue;
		}
		if (best < 2)
			best = 0;
		k = cap_run(c, i);
		nm = d->nm;
		if (best < k - i && k == i + 2 && amp_known(c, i)) {
			the_before(c, i, nm);
			i = k;
			continue;
		}
		if (best >= k - i) {
			known_ment(c, i, i + best, gaz(d, i, i + best));
			the_before(c, i, nm);
			i += best;
			continue;
		}
		segment(c, i, k);
		the_before(c, i, nm);
		i = k;
	}
}

/* A lower-case title before a known person: human rights chief. */
static void
lower_titles(struct rctx *c, size_t m0)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	struct ment *m;
	size_t i, ti, x;

	for (i = m0; i < d->nm; i++) {
		m = &d->m[i];
		if (m->type != T_PERSON || m->te > m->tb)
			continue;
		ti = m->ti;
		if (ti == 0 || !(t[ti].f & TK_SP))
			continue;
		for (x = ti; x > 0 && x + 3 > ti && (t[x - 1].f & TK_LOWER); x--)
			if (span_phrase_flags(d, x - 1, ti) & F_LOWTITLE) {
				m->tb = t[x - 1].b;
				m->te = t[ti - 1].e;
			}
	}
}

/* Acronyms defined in parentheses: European Union (EU). */
static void
acronyms(struct rctx *c, size_t m0)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	struct ment *a, *l;
	size_t i, ti;

	for (i = m0 + 1; i < d->nm; i++) {
		a = &d->m[i], l = &d->m[i - 1];
		if (a->ntok != 1 || l->ntok < 2)
			continue;
		ti = a->ti;
		if (!(t[ti].f & TK_OPAREN) || !(t[ti].f & TK_CPAREN) ||
		    !(t[ti].f & TK_ALLCAP) || ti == 0 || t[ti - 1].e != l->be)
			continue;
		if (d->fb.s[a->ko] != d->fb.s[l->ko])
			continue;
		a->def = (int32_t)(i - 1);
	}
}

void
doc_add(struct doc *d, const char *text, size_t n)
{
	struct rctx c = { 0 };
	struct rec *r = rec_new(d, text, n);
	size_t i, m0 = d->nm;

	c.d = d;
	c.s = text;
	c.n = n;
	tokenize(text, n, &d->tv, &d->fb);
	c.nt = d->tv.n;
	doc_lookup_words(d);
	join_dots(d, r, text, n);
	c.head = headline(&c);
	if (c.head)
		for (i = 0; i < c.nt; i++)
			if (d->tv.t[i].f & TK_ALLCAP)
				d->tv.t[i].f |= TK_CAP;
	find_names(&c);
	lower_titles(&c, m0);
	acronyms(&c, m0);
	r->m1 = d->nm;
}
