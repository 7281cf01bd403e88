/*
 * tag-entities-type: a span made a mention, and what the words around
 * it say of its type.  The cues before and after a name (the, of the, a
 * place's suffix, a country after a comma), the cues of a sports team (a
 * score, "have", "against"), and the evidence that types an unknown
 * span: an organisation's noun, a verb of speech, a title in lower case,
 * an apposition; and a broadcaster's call sign (6PR).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tag-entities-priv.h"
#include "util.h"

/* Does the folded word w[0..n) end like a place name? */
static int
place_suffix(const struct lex *x, const char *w, size_t n)
{
	size_t i, l;

	/* only the suffixes that end in the word's last byte */
	if (!x->sufempty && x->nsuf <= 32) {
		uint32_t bits = n ? x->suflast[(unsigned char)w[n - 1]] : 0;
		for (; bits; bits &= bits - 1) {
			i = (size_t)__builtin_ctz(bits);
			l = x->sufl[i];
			if (n > l + 2 && keq(w + n - l, x->suf[i], l))
				return 1;
		}
		return 0;
	}
	for (i = 0; i < x->nsuf; i++) {
		l = x->sufl[i];
		if (n > l + 2 && keq(w + n - l, x->suf[i], l))
			return 1;
	}
	return 0;
}

static uint8_t
ctx_cues(struct rctx *c, size_t a, size_t b)
{
	const struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	uint8_t cue = 0;
	size_t k;

	/* The Orlando Sentinel reported: "The" starting the record is no person's */
	if (a == 1 && (t[0].f & TK_CAP) && !(t[0].f & TK_ALLCAP) && (t[a].f & TK_SP) &&
	    t[0].fl == 3 && memcmp(d->fb.s + t[0].fo, "the", 3) == 0 && !c->head)
		cue |= C_THE;
	if (a > 0 && (t[a].f & TK_SP) && (t[a - 1].f & TK_LOWER)) {
		if (t[a - 1].lf & F_PLACECUE)
			cue |= C_PLACE;
		if (t[a - 1].fl == 3 && memcmp(d->fb.s + t[a - 1].fo, "the", 3) == 0) {
			cue |= C_THE;
			if (a > 1 && t[a - 2].fl == 2 && memcmp(d->fb.s + t[a - 2].fo, "of", 2) == 0)
				cue |= C_OFTHE;
		}
	}
	/* not "Palaniappan Chidambaram, India's finance minister" */
	/* nor "Ross Walker, UK economist" */
	if (b < c->nt && (t[b].f & TK_COMMA) && (t[b].f & TK_CAP) && t[b].lent >= 0 &&
	    d->x->ents[t[b].lent].type == T_GPE && !(t[b].f & TK_POSS) &&
	    (b + 1 == c->nt || !(t[b + 1].f & (TK_SP | TK_HYPH)) || (t[b + 1].lf &
	    (F_CONN | F_PLACECUE | F_APPEND | F_PVERB))))
		cue |= C_GPEAFTER;
	/* not All-American, All-State: a word that names nothing starts it */
	if (b - a >= 2 && !((t[a].lf & F_NOTNAME) && t[a].fl >= 3)) {
		for (k = a; k < b; k++)
			if (!(t[k].f & TK_CAP) || (k > a && !hyph_joined(c, k)) ||
			    (t[k].lf & F_FIRST) || (t[k].lent >= 0 && !d->x->ents[t[k].lent].weak))
				break;
		if (k == b)
			cue |= C_HYPH;
	}
	if (t[a].lf & F_FIRST)
		cue |= C_FIRST;
	else if ((t[a].lf & F_WORD) && t[a].lent < 0)
		cue |= C_WORD1;
	if ((t[b - 1].f & TK_CAP) && !(t[b - 1].lf & F_WORD) &&
	    place_suffix(d->x, d->fb.s + t[b - 1].fo, t[b - 1].fl))
		cue |= C_PLSUF;
	return cue;
}

/* Is token i a score: one or two digits? */
static int
score(const struct doc *d, size_t i)
{
	const struct tok *t = &d->tv.t[i];
	const char *w = d->fb.s + t->fo;

	return (t->f & TK_DIGIT) && t->fl <= 2 && w[0] >= '0' && w[0] <= '9' &&
	    (t->fl == 1 || (w[1] >= '0' && w[1] <= '9'));
}

/* Is token i a score of basketball too: one to three digits? */
static int
score3(const struct doc *d, size_t i)
{
	const struct tok *t = &d->tv.t[i];
	const char *w = d->fb.s + t->fo;

	return score(d, i) || ((t->f & TK_DIGIT) && t->fl == 3 && w[0] >= '1' &&
	    w[0] <= '9' && w[1] >= '0' && w[1] <= '9' && w[2] >= '0' && w[2] <= '9');
}

/* Is token i "for", "with" or "from"? */
static int
for_word(const struct doc *d, size_t i)
{
	const struct tok *t = &d->tv.t[i];
	const char *w = d->fb.s + t->fo;

	return (t->f & TK_LOWER) && ((t->fl == 3 && memcmp(w, "for", 3) == 0) ||
	    (t->fl == 4 && (memcmp(w, "with", 4) == 0 || memcmp(w, "from", 4) == 0)));
}

/*
 * Is [a, b) a scorer in a results line: after an opening parenthesis
 * or a comma, before the minute and a comma or a closing one (Bury 1
 * ( Johnrose 43 ) Crewe 2 ( Adebola 44 , Murphy 88 ))?
 */
static int
scorer(const struct rctx *c, size_t a, size_t b)
{
	const struct tok *t = c->d->tv.t;

	return (t[a].f & (TK_OPAREN | TK_COMMA)) && b < c->nt && score(c->d, b) &&
	    ((t[b].f & TK_CPAREN) || (b + 1 < c->nt && (t[b + 1].f & TK_COMMA)));
}

/*
 * What the words around [a, b) say of a team: "Dunmore have", "Brackley
 * 2 Dunmore 1", "against Brackley", "the Dunmore forwards"; over 80
 * lines to keep a team's cues, before it and after it, in one place.
 */
static uint8_t
team_cues(struct rctx *c, size_t a, size_t b, uint8_t *rline, uint8_t *posside)
{
	const struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	uint8_t tm = 0;
	uint32_t low;
	size_t k;
	int and;

	if (b - a >= 2 && (t[a].lf & F_TEAMHEAD) && (t[a].f & TK_CAP))
		tm |= TM_HEAD;
	/* a headline in capitals has its verbs in capitals: NEWCASTLE BEAT LEEDS */
	low = TK_LOWER | (c->head ? TK_ALLCAP : 0);
	if (a > 0 && (t[a].f & TK_SP) && (t[a - 1].f & low) && (t[a - 1].lf & F_TEAMB))
		tm |= TM_BEFORE;
	/*
	 * played for Coburg, signed with Footscray, joined from Derby: a
	 * verb before a team, or a team's verb in the past (not "win for")
	 */
	if (a > 1 && (t[a].f & TK_SP) && (t[a - 1].f & TK_SP) && for_word(d, a - 1) &&
	    (t[a - 2].f & TK_LOWER) && ((t[a - 2].lf & F_TEAMB) || ((t[a - 2].lf & F_TEAMV) &&
	    t[a - 2].fl > 3 && memcmp(d->fb.s + t[a - 2].fo + t[a - 2].fl - 2, "ed", 2) == 0)))
		tm |= TM_BEFORE | TM_FOR;
	/* a player's club in parentheses after him: Ronaldo ( Barcelona ) */
	if (a > 0 && (t[a].f & TK_OPAREN) && (t[b - 1].f & TK_CPAREN) &&
	    (t[a - 1].f & TK_CAP) && !(t[a - 1].f & TK_ALLCAP))
		*posside = PS_PAREN;
	if (t[b - 1].f & TK_POSS) {
		/* Newcastle 's Alan Shearer, Tottenham 's striker */
		if (b < c->nt && (((t[b].f & TK_CAP) && (t[b].lf & F_FIRST)) ||
		    lower_has(c, b, F_TEAMN)))
			*posside = PS_POSS;
		return tm | TM_POSS;
	}
	if (b >= c->nt || !(t[b].f & TK_SP))
		return tm;
	/* a score in prose: losing to Tulsa 63-7, beat Dunmore 2-1 */
	if (b + 1 < c->nt && score(d, b) && (t[b + 1].f & TK_HYPH) && score(d, b + 1) &&
	    (b + 2 == c->nt || !(t[b + 2].f & TK_HYPH)))
		tm |= TM_SCORE;
	/* a results line: Brackley 2 Dunmore 1, Brackley 2-1 Dunmore; not a scorer */
	if (score3(d, b) && (a == 0 || !(t[a].f & TK_SP) || score3(d, a - 1)) &&
	    !scorer(c, a, b)) {
		/* with its scorers: Bury 1 ( Johnrose 43 ) Crewe 2 */
		if (b + 1 < c->nt && (t[b + 1].f & TK_OPAREN) && !(t[b].f & TK_CPAREN))
			tm |= TM_SCORE;
		for (k = b + 1; k < c->nt && k < b + 5 && (t[k].f & TK_CAP) &&
		    (t[k].f & TK_SP); k++)
			;
		/* Utah 106 NEW YORK 96: three digits on both sides */
		if (b + 1 == c->nt ? a > 0 && (score(d, a - 1) || (score3(d, a - 1) &&
		    (t[a].f & TK_SP))) : score(d, b) ? ((t[b + 1].f & TK_HYPH) &&
		    score(d, b + 1)) || (k > b + 1 && k < c->nt && (t[k].f & TK_SP) &&
		    score3(d, k)) : k > b + 1 && k < c->nt && (t[k].f & TK_SP) &&
		    score3(d, k))
			tm |= TM_SCORE;
		/* a row of a league table: Leeds 12 7 3 2 21 */
		for (k = b; k < c->nt && k < b + 4 && score(d, k); k++)
			;
		/* or figures to the end: Colorado 70 62 .530 2 */
		if (k < b + 4)
			for (; k < c->nt && (t[k].f & TK_DIGIT); k++)
				;
		if (k >= b + 4 || (k == c->nt && k >= b + 3))
			tm |= TM_SCORE;
		/* not Halftime 1-0 : a name after a score of two */
		*rline = (tm & TM_SCORE) && !(b + 1 < c->nt && (t[b + 1].f & TK_HYPH) &&
		    (b + 2 == c->nt || (t[b + 2].f & (TK_CAP | TK_SP)) != (TK_CAP | TK_SP)));
	}
	/* not "Aisby and Heydour are": two places, no team */
	and = a > 0 && (t[a - 1].f & TK_LOWER) && ((t[a - 1].fl == 3 &&
	    memcmp(d->fb.s + t[a - 1].fo, "and", 3) == 0) || (t[a - 1].fl == 2 &&
	    memcmp(d->fb.s + t[a - 1].fo, "or", 2) == 0));
	if (t[b].f & low) {
		if ((t[b].lf & F_TEAMPL) && !and)
			tm |= TM_PLURAL;
		if (t[b].lf & F_TEAMV)
			tm |= TM_VERB;
		if (t[b].lf & F_TEAMN)
			tm |= TM_NOUN;
	}
	return tm;
}

/*
 * A new mention of tokens [a, b), of type and level, with its folded key
 * and the cues around it.
 */
struct ment *
type_ment(struct rctx *c, size_t a, size_t b, int type, int level)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	struct ment *m;
	size_t i;

	if (d->nm == d->mcap) {
		d->mcap = d->mcap ? d->mcap * 2 : 256;
		d->m = xrealloc(d->m, d->mcap * sizeof *d->m);
	}
	m = &d->m[d->nm++];
	memset(m, 0, sizeof *m);
	m->rec = (uint32_t)(d->nr - 1);
	m->cs = t[a].cb;
	m->ce = t[b - 1].ce;
	m->bs = t[a].b;
	m->be = t[b - 1].e;
	m->ti = (uint32_t)a;
	m->ntok = (uint16_t)(b - a < UINT16_MAX ? b - a : UINT16_MAX);
	m->type = type;
	m->level = (uint8_t)level;
	m->head = (uint8_t)c->head;
	m->def = -1;
	m->allcap = b == a + 1 && (t[a].f & TK_ALLCAP);
	m->init = (t[a].f & TK_INIT) != 0;
	/* the key: tokens folded, joined as in the lexicon */
	m->ko = (uint32_t)d->fb.len;
	/* room first: the words are copied from the same buffer */
	buf_grow(&d->fb, t[b - 1].fo + t[b - 1].fl - t[a].fo + (b - a));
	for (i = a; i < b; i++) {
		if (i > a)
			buf_addc(&d->fb, t[i].f & TK_HYPH ? '-' : ' ');
		buf_add(&d->fb, d->fb.s + t[i].fo, t[i].fl);
	}
	m->kl = (uint32_t)(d->fb.len - m->ko);
	m->cue = ctx_cues(c, a, b);
	m->team = team_cues(c, a, b, &m->rline, &m->posside);
	if (m->team & TM_SCORE)
		d->r[d->nr - 1].sport += 2;
	return m;
}

/*
 * What the words after a name say it is: ", a village in", "is a
 * town", ", the band": F_PLACENOUN, F_ORGCUE or 0.
 */
static uint32_t
apposition(struct rctx *c, size_t b)
{
	const struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	size_t i = b, k;
	const char *w;

	/* not "X ( or Y ) is a band": the subject is before the parenthesis */
	if (i >= c->nt || !(t[i].f & TK_LOWER) || (t[b - 1].f & TK_CPAREN))
		return 0;
	w = d->fb.s + t[i].fo;
	if (!(t[i].f & TK_COMMA) && (t[i].fl == 2 && (memcmp(w, "is", 2) == 0)))
		i++;
	else if (!(t[i].f & TK_COMMA) && t[i].fl == 3 && memcmp(w, "was", 3) == 0)
		i++;
	else if (!(t[i].f & TK_COMMA))
		return 0;
	if (i >= c->nt || !(t[i].f & TK_LOWER))
		return 0;
	w = d->fb.s + t[i].fo;
	if (!((t[i].fl == 1 && *w == 'a') || (t[i].fl == 2 && memcmp(w, "an", 2) == 0) ||
	    (t[i].fl == 3 && memcmp(w, "the", 3) == 0)))
		return 0;
	/*
	 * up to three lower-case words or a people's (a small coastal
	 * village, the Belgian airline)
	 */
	for (k = i + 1; k < c->nt && k < i + 4 && ((t[k].f & (TK_LOWER | TK_HYPH)) ||
	    (t[k].lent >= 0 && d->x->ents[t[k].lent].type == T_NORP)) &&
	    (t[k].f & (TK_SP | TK_HYPH)); k++) {
		if (!(t[k].lf & (F_PLACENOUN | F_ORGCUE)))
			continue;
		/* not "a company spokesman": the noun ends the phrase */
		if (k + 1 < c->nt && (t[k + 1].f & (TK_SP | TK_HYPH)) &&
		    !(t[k + 1].lf & (F_CONN | F_PLACECUE | F_PVERB | F_APPEND)))
			return 0;
		return t[k].lf & F_PLACENOUN ? F_PLACENOUN : F_ORGCUE;
	}
	return 0;
}

/*
 * Lower-case cue words just before [a, b), one or two of them: a title
 * (T_PERSON, its bytes in *tb, *te), an organisation's or a place's cue.
 */
static void
cues_before(struct rctx *c, size_t a, size_t b, int *type, int *level,
    uint32_t *tb, uint32_t *te)
{
	const struct tok *t = c->d->tv.t;
	size_t k;

	for (k = a; k > 0 && k + 3 > a; k--) {
		uint32_t f;
		if (!(t[k - 1].f & TK_LOWER))
			break;
		f = span_phrase_flags(c->d, k - 1, a);
		if (f & F_LOWTITLE) {
			*type = T_PERSON, *level = L_EVID;
			*tb = t[k - 1].b, *te = t[a - 1].e;
			return;
		}
		/* shares of Zorvex, analysts at Korvanta; not executive of Lee's firm */
		if ((f & F_ORGCUE) && !(t[b - 1].f & TK_POSS)) {
			*type = T_ORG, *level = L_EVID;
			return;
		}
		if ((f & F_PLACECUE) && (b == a + 1 || k + 1 < a)) {
			*type = T_GPE, *level = k + 1 == a ? L_WEAK : L_EVID;
			if (*level == L_EVID)
				return;
		}
	}
}

/*
 * Is token i a first name that is a month's too, before a surname: Jan
 * Siemerink, not Jan 5, nor April IMF or Tuesday Mitsubishi (a name
 * known, or in capitals), nor My Jeeves?
 */
int
first_notname(struct rctx *c, size_t i)
{
	const struct tok *t = &c->d->tv.t[i];

	return (t->lf & F_FIRST) && t->fl >= 3 && i + 1 < c->nt && (t[1].f & (TK_SP | TK_CAP |
	    TK_ALLCAP)) == (TK_SP | TK_CAP) && t[1].lent < 0 &&
	    !(t[1].lf & (F_NOTNAME | F_WORD));
}

/* Is there an organisation's word in [a, b), a name of two words or more that no first name starts? */
static int
org_word_in(struct rctx *c, size_t a, size_t b)
{
	const struct tok *t = c->d->tv.t;
	size_t k;

	if (b - a < 2 || (t[a].lf & F_FIRST))
		return 0;
	for (k = a; k < b; k++)
		if ((t[k].lf & F_ORGW) && !(t[k].lf & F_FIRST))
			return 1;
	return 0;
}

/*
 * Is token i a word that names nothing but is a first name too, as a
 * surname after a first name (Theresa May, Maria Read)?  Not before a
 * number (Virginia May 2019: a date).
 */
int
last_notname(struct rctx *c, size_t i)
{
	const struct tok *t = c->d->tv.t;

	return (t[i].lf & F_FIRST) && t[i].fl >= 3 && i > 0 && (t[i].f & TK_SP) &&
	    (t[i - 1].f & (TK_CAP | TK_ALLCAP)) == TK_CAP && (t[i - 1].lf & F_FIRST) &&
	    !(t[i - 1].lf & (F_NOTNAME | F_TITLE | F_HONOR)) && t[i - 1].fl >= 3 &&
	    (i + 1 == c->nt || !(t[i + 1].f & TK_DIGIT));
}

/* Is token i the lower-case word w (a string literal)? */
#define TOK_IS(d, i, w) tok_is((d), (i), (w), sizeof (w) - 1)
static inline int
tok_is(const struct doc *d, size_t i, const char *w, size_t n)
{
	const struct tok *t = &d->tv.t[i];

	return t->fl == n && (t->f & TK_LOWER) && memcmp(d->fb.s + t->fo, w, n) == 0;
}

/*
 * Is the name at token a in a list after a plural noun and "like" or
 * "such as" (bands like Nirvana , Pearl Jam and Soundgarden; towns such
 * as Tuam)?  The noun's F_ORGCUE or F_PLACENOUN, or 0.
 */
static uint32_t
like_list(struct rctx *c, size_t a)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	const struct slot *s;
	const char *w;
	char stem[32];
	size_t k, n;

	for (k = a; k > 0 && k + 16 > a && !(t[k - 1].f & TK_LOWER &&
	    !TOK_IS(d, k - 1, "and") && !TOK_IS(d, k - 1, "or")); k--)
		;
	if (k < 2 || !(t[k - 1].f & TK_LOWER) || !(t[k].f & TK_SP))
		return 0;
	if (TOK_IS(d, k - 1, "like"))
		k -= 2;
	else if (k >= 3 && TOK_IS(d, k - 1, "as") && TOK_IS(d, k - 2, "such"))
		k -= 3;
	else
		return 0;
	w = d->fb.s + t[k].fo;
	n = t[k].fl;
	if (!(t[k].f & TK_LOWER) || n < 4 || n >= sizeof stem || w[n - 1] != 's')
		return 0;
	memcpy(stem, w, n);
	if (memcmp(w + n - 3, "ies", 3) == 0)
		stem[n - 3] = 'y', n -= 2;	/* companies: company */
	else
		n--;
	/* not stations such as Euston: a place's word too */
	s = doc_lookup(d, stem, n);
	return s && !((uint32_t)s->val & F_LOCW) ? (uint32_t)s->val &
	    (F_ORGCUE | F_PLACENOUN) : 0;
}

/*
 * Evidence for an unknown span [a, b) from its words and neighbours;
 * over 80 lines to keep the cues in the one order in which they win.
 */
void
type_evidence(struct rctx *c, size_t a, size_t b, int *type, int *level,
    uint32_t *tb, uint32_t *te)
{
	const struct tok *t = c->d->tv.t;
	size_t k;

	*type = -1;
	*level = L_NONE;
	/*
	 * the band Carla Vennor: an organisation cue wins over a first name,
	 * and over a verb of speech after it (retail giant Zorlane said)
	 */
	if (a > 0 && (t[a].f & TK_SP) && (t[a - 1].f & TK_LOWER) &&
	    (t[a - 1].lf & F_ORGCUE)) {
		*type = T_ORG, *level = L_EVID;
		return;
	}
	/* bands like Nirvana , Pearl Jam and Soundgarden */
	if (a > 0 && (k = like_list(c, a)) != 0) {
		*type = k == F_PLACENOUN ? T_GPE : T_ORG, *level = L_EVID;
		return;
	}
	/*
	 * in apposition after an organisation's noun: its parent company,
	 * Zorvex, bought; the rights society, Tono, and
	 */
	if (a > 0 && (t[a].f & TK_COMMA) && (t[a - 1].f & TK_LOWER) &&
	    (t[a - 1].lf & F_ORGCUE) && b < c->nt && (t[b].f & TK_COMMA) &&
	    !(t[a].lf & F_FIRST) && !(t[b - 1].f & TK_POSS)) {
		*type = T_ORG, *level = L_EVID;
		return;
	}
	/*
	 * a scorer or a substitute, (Kezman 76); between commas only in a
	 * record of sport: not Windows XP, Service Pack 2,
	 */
	if (scorer(c, a, b) && b - a <= 3 && !((t[a].f & TK_ALLCAP) && t[a].fl >= 3) &&
	    (c->d->r[c->d->nr - 1].sport || ((t[a].f & TK_OPAREN) && (t[b].f & TK_CPAREN)))) {
		*type = T_PERSON, *level = L_EVID;
		return;
	}
	/* "...," said Dai Young, the coach: the speaker's slot, not ABN Amro */
	if (a > 0 && (t[a].f & TK_SP) && lower_has(c, a - 1, F_SPEAKB) && b - a <= 3 &&
	    (b == c->nt || (t[b].f & TK_COMMA)) && !(t[b - 1].f & TK_POSS) &&
	    !((t[a].f & TK_ALLCAP) && t[a].fl >= 3) && !all_common(c->d, a, b) &&
	    !(t[b - 1].lf & (F_ORGW | F_ORGHEAD))) {
		*type = T_PERSON, *level = L_EVID;
		return;
	}
	if (b < c->nt && lower_has(c, b, F_PVERB) && (t[b].f & (TK_SP | TK_COMMA)) &&
	    !(t[b - 1].f & TK_POSS) && !((t[a].f & TK_ALLCAP) && (b == a + 1 || t[a].fl >= 3)) &&
	    !all_common(c->d, a, b) && !(b == a + 1 && (t[a].lf & (F_ORGW | F_LOCW |
	    F_GPEW)) && !(t[a].lf & F_FIRST))) {
		/* Jones said; not Police said; Capital Economics said: a firm */
		*type = org_word_in(c, a, b) ? T_ORG : T_PERSON, *level = L_EVID;
		return;
	}
	if ((k = apposition(c, b)) != 0) {
		*type = k == F_PLACENOUN ? T_GPE : T_ORG, *level = L_EVID;
		return;
	}
	/* not La Traviata: La is a first name and a connector */
	if ((t[a].lf & F_FIRST) && !(t[a].lf & F_CONN) && b - a >= 2 && b - a <= 4 &&
	    !(t[b - 1].lf & F_WORD) && !(ctx_cues(c, a, b) & C_THE)) {
		*type = T_PERSON, *level = L_EVID;
		return;
	}
	/*
	 * an organisation's noun just after: the Balco laboratory, Jongleurs
	 * comedy club, the Zorvex oil firm, the Bowling Green Falcons
	 * football team; not a place's railway station, nor a trade's name
	 * of a word or two (Jazz band, Steel firm)
	 */
	for (k = b; k < c->nt && k < b + 2 && (t[k].f & TK_LOWER) && (t[k].f & TK_SP) &&
	    !(t[b - 1].f & TK_POSS); k++)
		if ((t[k].lf & F_ORGCUE) && !(t[k].lf & F_LOCW) && (b - a >= 3 ||
		    !all_common(c->d, a, b))) {
			*type = T_ORG, *level = L_EVID;
			return;
		}
	if (b == a + 1 && (t[a].f & TK_ALLCAP) && !c->head && t[a].ce - t[a].cb <= 6) {
		*type = T_ORG, *level = L_WEAK;
		return;
	}
	if (a > 0 && (t[a].f & TK_SP))
		cues_before(c, a, b, type, level, tb, te);
}

/*
 * Is token i a broadcaster's call sign: one digit and two or three
 * capitals (6PR, 3AW, 2GB)?  Units and makes look the same (4WD, 8GB):
 * call_ment asks for evidence.
 */
int
call_sign(struct rctx *c, size_t i)
{
	const struct tok *t = &c->d->tv.t[i];
	const char *w = c->s + t->b;
	size_t n = t->e - t->b, k;

	if ((t->f & (TK_DIGIT | TK_ALLCAP)) != (TK_DIGIT | TK_ALLCAP) || n < 3 || n > 4 ||
	    (t->f & TK_HYPH) || t->lent >= 0)
		return 0;
	for (k = 1; k < n; k++)
		if (w[k] < 'A' || w[k] > 'Z')
			return 0;
	return t->e >= c->n || (w[n] != '-' && w[n] != '/');
}

/*
 * A call sign at token i: an organisation with a frequency before it
 * (882 6PR, in its span) or an organisation's noun next to it (station
 * 3AW, 2GB network); else untyped, a station only if the document
 * says so elsewhere.
 */
void
call_ment(struct rctx *c, size_t i)
{
	const struct tok *t = c->d->tv.t;
	size_t a = i, k;
	int ev = 0;

	/* a frequency in kHz, 531 to 1701, not a year (In 1994 6PR) */
	if (i > 0 && (t[i].f & TK_SP) && (t[i - 1].f & TK_DIGIT) &&
	    t[i - 1].e - t[i - 1].b >= 3 && t[i - 1].e - t[i - 1].b <= 4 &&
	    t[i - 1].fl == t[i - 1].e - t[i - 1].b && !(t[i - 1].f & TK_HYPH) &&
	    (t[i - 1].fl == 3 || c->s[t[i - 1].b] == '1') &&
	    (t[i - 1].fl == 3 || c->s[t[i - 1].b + 1] <= '7')) {
		a = i - 1;
		ev = 1;
	}
	for (k = i > 0 ? i - 1 : 0; k < c->nt && k <= i + 1 && !ev; k++)
		if (k != i && (t[k].f & TK_LOWER) && (t[k].lf & F_ORGCUE))
			ev = 1;
	type_ment(c, a, i + 1, ev ? T_ORG : -1, ev ? L_EVID : L_NONE);
}

/*
 * The lexicon entity of tokens a and a + 1 joined by an ampersand
 * (Standard & Poor's, AT&T: the lexicon's key leaves the & out), or -1.
 */
int
amp_gaz(struct rctx *c, size_t a)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	const struct slot *s;

	if (a + 1 >= c->nt || !amp_joined(c, a + 1) || (t[a].f & TK_POSS))
		return -1;
	buf_reset(&d->key);
	buf_add(&d->key, d->fb.s + t[a].fo, t[a].fl);
	buf_addc(&d->key, ' ');
	buf_add(&d->key, d->fb.s + t[a + 1].fo, t[a + 1].fl);
	s = doc_lookup(d, d->key.s, d->key.len);
	return s && s->ent >= 0 ? s->ent : -1;
}

/*
 * Is [u, b) a state's body named by its trade and the country, [u, k)
 * common words before a known place that ends the name: Transport
 * Canada, Global Affairs Canada, Sport England?  Not a region of it
 * (West Jersey, Northern Ireland, the cities' list), nor after a place's
 * cue (in Corporate America).
 */
int
body_of_state(struct rctx *c, size_t u, size_t k, size_t b, int be)
{
	const struct tok *t = c->d->tv.t;
	const char *w;
	size_t x;
	int e;

	if (k >= b || k == u || c->d->x->ents[be].weak || !(t[b - 1].f & TK_CAP) ||
	    (t[b - 1].f & TK_POSS) || longest(c->d, k, b, &e) != b - k ||
	    (u > 0 && (t[u].f & TK_SP) && lower_has(c, u - 1, F_PLACECUE)))
		return 0;	/* in Corporate America: a place */
	for (x = u; x < k; x++) {
		w = c->d->fb.s + t[x].fo;
		if (!common_tok(&t[x]) || !(t[x].f & TK_CAP) ||
		    (t[x].lf & (F_APPEND | F_PLACECUE | F_CONN)) ||
		    (t[x].fl > 4 && memcmp(w + t[x].fl - 3, "ern", 3) == 0) ||
		    (t[x].fl > 4 && memcmp(w + t[x].fl - 2, "er", 2) == 0))
			return 0;	/* Northern, Greater, Upper, Former */
	}
	return 1;
}

/*
 * Ford shares, shares of Ford, the carmaker Ford: is the known company
 * at token a named as one, whoever is named Ford (link_one)?
 */
int
corp_cue(struct rctx *c, size_t a)
{
	const struct tok *t = c->d->tv.t;

	return (a + 1 < c->nt && lower_has(c, a + 1, F_ORGCUE) && (t[a + 1].f & TK_SP) &&
	    !(t[a].f & TK_POSS)) || (a > 0 && (t[a].f & TK_SP) &&
	    (lower_has(c, a - 1, F_ORGCUE) || (a > 1 && (t[a - 1].f & TK_LOWER) &&
	    (span_phrase_flags(c->d, a - 2, a) & F_ORGCUE))));
}
