/*
 * extract-quotes-who: whom a subject that names nobody stands for: a
 * pronoun ("he said"), a title ("the minister said"), a description
 * ("the 28-year-old said") or a surname the tagger left alone.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "extract-quotes-attr.h"

/* Did the document call entity e a `head' ("Interior Minister X", "X, the minister")? */
static int
has_title(struct scan *sc, long e, const char *head)
{
	struct qdoc *d = sc->d;
	const struct qrec *r = &d->r[qdoc_rec(d, d->e[e].cs)];
	size_t a, k, words = 0;
	char key[64];

	a = d->e[e].cs > r->cs + 120 ? d->e[e].cs - 120 : r->cs;
	qtok_split(d, sc->l, a, d->e[e].cs, &sc->tw, 64);
	for (k = sc->tw.n; k > 0 && words < 6; k--) {
		struct tok *t = &sc->tw.v[k - 1];
		long o;
		if (t->kind == T_QUOTE || (t->kind == T_PUNCT && (is_hard(t->c) || t->c == ':')))
			break;
		if (t->kind != T_WORD)
			continue;
		if ((o = qdoc_ent_ending(d, t->b, a)) >= 0 && d->e[o].person)
			break;	/* another person's title */
		words++;
		if (qtok_key(d, &sc->tw, k - 1, 1, key, sizeof key) && strcmp(key, head) == 0)
			return !(k > 1 && (qtok_cls(d, sc->l, &sc->tw, k - 2) & LX_OTHER));
	}
	a = d->e[e].ce;
	qtok_split(d, sc->l, a, a + 120 < r->ce ? a + 120 : r->ce, &sc->tw, 64);
	if (sc->tw.n == 0 || sc->tw.v[0].kind != T_PUNCT || sc->tw.v[0].c != ',')
		return 0;
	for (k = 1, words = 0; k < sc->tw.n && words < 8; k++) {
		struct tok *t = &sc->tw.v[k];
		if (t->kind != T_WORD)
			break;
		words++;
		if (qtok_key(d, &sc->tw, k, 1, key, sizeof key) && strcmp(key, head) == 0)
			return !(qtok_cls(d, sc->l, &sc->tw, k - 1) & LX_OTHER);
	}
	return 0;
}

/* has_title, asked once for each entity and title in a row. */
static int
titled(struct scan *sc, long e, const char *head)
{
	if (sc->tgen == NULL) {
		sc->tgen = xcalloc(sc->d->ne, sizeof *sc->tgen);
		sc->tval = xcalloc(sc->d->ne, 1);
	}
	if (sc->hgen == 0 || strcmp(sc->thead, head) != 0) {
		snprintf(sc->thead, sizeof sc->thead, "%s", head);
		sc->hgen++;
	}
	if (sc->tgen[e] != sc->hgen) {
		sc->tgen[e] = sc->hgen;
		sc->tval[e] = (unsigned char)has_title(sc, e, head);
	}
	return sc->tval[e];
}

/* "the minister": the last speaker so titled, else the last person so titled. */
static long
resolve_title(struct scan *sc, const char *head, size_t pos)
{
	struct qdoc *d = sc->d;
	size_t i, j, n, m, k;

	for (i = sc->nspk, n = 0; i > 0 && n < 12; i--, n++) {
		const char *id = qdoc_ent_id(d, sc->spk[i - 1]);
		for (k = i; k < sc->nspk && strcmp(qdoc_ent_id(d, sc->spk[k]), id) != 0; k++)
			;
		if (k < sc->nspk)
			continue;	/* a later speaker's, looked at */
		/*
		 * A title comes where a person is brought in: the first
		 * mentions are enough, and a record of thousands of them
		 * takes linear time.
		 */
		for (j = m = 0; j < d->ne && d->e[j].cs < pos && j < 2000 && m < 16; j++)
			if (d->e[j].person && strcmp(qdoc_ent_id(d, (long)j), id) == 0 &&
			    m++ < 16 && titled(sc, (long)j, head))
				return sc->spk[i - 1];
	}
	for (j = qdoc_ent_from(d, pos), n = 0; j > 0 && n < 200; j--, n++)
		if (d->e[j - 1].person && !d->in[d->e[j - 1].cs] && titled(sc, (long)j - 1, head))
			return (long)j - 1;
	return -1;
}

/*
 * What the document says of entity e's sex: LX_MALE, LX_FEMALE, or 0
 * when its first name and the title before it do not tell.
 */
static unsigned
sex_of(struct scan *sc, long e)
{
	struct qdoc *d = sc->d;
	const char *id = qdoc_ent_id(d, e);
	char key[32];
	size_t i, j;
	unsigned c, s = 0;

	for (i = 0; id[i] && id[i] != ' ' && i + 1 < sizeof key; i++)
		key[i] = (char)tolower((unsigned char)id[i]);
	key[i] = '\0';
	if (id[i] == ' ') {
		c = qlex_get(sc->l, key) & (LX_MALE | LX_FEMALE);
		if (c == LX_MALE || c == LX_FEMALE)
			s = c;
	}
	/* Mr Smith, Mrs Smith */
	i = d->e[e].cs;
	while (i > 0 && (is_space(d->t[i - 1]) || d->t[i - 1] == '.'))
		i--;
	for (j = i; j > 0 && i - j < 12 && is_alnum(d->t[j - 1]); j--)
		;
	if (j < i && i - j < sizeof key - 1) {
		buf_reset(&sc->name);
		qdoc_utf8(d, j, i, &sc->name);
		for (i = 0; i < sc->name.len && i + 1 < sizeof key; i++)
			key[i] = (char)tolower((unsigned char)sc->name.s[i]);
		key[i] = '\0';
		c = qlex_get(sc->l, key);
		if ((c & LX_MALE_T) && !(c & LX_FEMALE_T))
			s = LX_MALE;
		else if ((c & LX_FEMALE_T) && !(c & LX_MALE_T))
			s = LX_FEMALE;
	}
	return s;
}

/* Can a pronoun of class cls stand for entity e? */
static int
agrees(struct scan *sc, unsigned cls, long e)
{
	unsigned want = cls & (LX_MALE | LX_FEMALE), s;

	if (!want)
		return 1;
	s = sex_of(sc, e);
	return !s || s == want;
}

/* Is there a comma just before pos (after white space), from floor on? */
static int
comma_before(const struct qdoc *d, size_t floor, size_t pos)
{
	while (pos > floor && is_space(d->t[pos - 1]))
		pos--;
	return pos > floor && d->t[pos - 1] == ',';
}

/*
 * Is a pronoun of the class cls the subject in t[a, b): at its start
 * ("He portrayed Ebbers as ...") or after a comma before a reporting
 * verb ("Blair would lead it, he said")?  The first 64 tokens are read.
 */
static int
pron_subject(struct scan *sc, size_t a, size_t b, unsigned cls)
{
	const unsigned want = LX_PRON | LX_GROUP | LX_THING | LX_MALE | LX_FEMALE;
	const struct qdoc *d = sc->d;
	struct toks *tw = &sc->tw;
	size_t i, j, k;
	unsigned vc;
	char key[48];

	/* at its start, after a dash or bullet or a word ("But he") at most */
	qtok_split(d, sc->l, a, b, tw, 3);
	k = tw->n > 1 && tw->v[0].kind == T_PUNCT;
	for (j = k; j < tw->n && j < k + 2 && tw->v[j].kind == T_WORD; j++)
		if ((qtok_cls(d, sc->l, tw, j) & want) == (cls & want))
			return 1;
	/* ", he said": only a short word after a comma is looked up */
	for (i = a; i + 2 < b; i++) {
		if (d->t[i] != ',' || d->in[i] || !is_space(d->t[i + 1]))
			continue;
		for (j = i + 2; j < b && j < i + 7 && is_alnum(d->t[j]); j++)
			;
		if (j - (i + 2) < 2 || j - (i + 2) > 4 || j >= b || !is_space(d->t[j]))
			continue;
		qtok_split(d, sc->l, i + 2, b, tw, 4);
		if (tw->n >= 2 && tw->v[0].kind == T_WORD &&
		    (qtok_cls(d, sc->l, tw, 0) & want) == (cls & want) &&
		    qtok_verb(d, sc->l, tw, 1, &vc, key, sizeof key) && !(vc & LX_AFTER))
			return 1;
	}
	return 0;
}

/* pron_subject for record r, remembered: a paragraph's quotations look back over the same records. */
int
qwho_pron_subject(struct scan *sc, size_t r, unsigned cls)
{
	size_t h = r & 7;

	if (!sc->ps[h].v || sc->ps[h].r != r || sc->ps[h].cls != cls) {
		sc->ps[h].r = r;
		sc->ps[h].cls = cls;
		sc->ps[h].v = 1 + (unsigned char)pron_subject(sc, sc->d->r[r].cs, sc->d->r[r].ce, cls);
	}
	return sc->ps[h].v == 2;
}

/* Has entity e's id been a speaker of one of the last twelve quotations? */
static int
has_spoken(struct scan *sc, long e)
{
	const char *id = qdoc_ent_id(sc->d, e);
	size_t i, n;

	for (i = sc->nspk, n = 0; i > 0 && n < 12; i--, n++)
		if (strcmp(qdoc_ent_id(sc->d, sc->spk[i - 1]), id) == 0)
			return 1;
	return 0;
}

/*
 * he, she: the speaker just quoted, else the subject of a recent
 * sentence, one who has spoken before it anywhere in the sentence
 * ("Bogdanov claimed ..., but McIlroy is unfazed.  He admitted:").
 */
static long
resolve_pronoun(struct scan *sc, unsigned cls, size_t pos)
{
	struct qdoc *d = sc->d;
	size_t rec = qdoc_rec(d, pos), r, i, end, n, seen = 0;
	int person = (cls & LX_PRON) != 0, chained = 0;
	long found, subj, only;

	/* four sentences back, not counting those the chain of "he" runs through */
	for (r = rec + 1; r > 0 && seen < 4 && rec + 1 - r < 10; r--) {
		/* Back at the sentence of the last quotation: its speaker. */
		if (sc->last >= 0 && r - 1 <= sc->lastrec && d->e[sc->last].person == person &&
		    agrees(sc, cls, sc->last))
			return sc->last;
		end = r - 1 == rec ? pos : d->r[r - 1].ce;
		/*
		 * "Blair would lead it, he said": not the reported clause's
		 * subject; "He portrayed Ebbers as ...": the chain goes on
		 * before that sentence.
		 */
		if (r - 1 == rec ? comma_before(d, d->r[rec].cs, pos) : qwho_pron_subject(sc, r - 1, cls)) {
			/* a chain of "he said": most likely the last speaker's */
			if (r - 1 < rec && sc->last >= 0 && d->e[sc->last].person == person &&
			    rec <= sc->lastrec + 6 && agrees(sc, cls, sc->last))
				return sc->last;
			chained |= r - 1 < rec;
			continue;
		}
		seen++;
		subj = -1;
		only = -2;
		for (i = qdoc_ent_from(d, d->r[r - 1].cs), n = 0; i < d->ne && d->e[i].cs < end && n < 32;
		    i++, n++) {
			struct qent *e = &d->e[i];
			int spoke;
			if (!e->speaker || e->person != person || d->in[e->cs])
				continue;
			spoke = has_spoken(sc, (long)i);
			/* else the subject: near the start of its sentence */
			if ((!spoke && (subj >= 0 || e->cs >= d->r[r - 1].cs + 60)) || !agrees(sc, cls, (long)i)) {
				/* the one person a chain of "he" goes back to: "film-maker George Lucas has said" */
				if (chained && subj < 0 && only != -1 && agrees(sc, cls, (long)i))
					only = only == -2 || strcmp(qdoc_ent_id(d, only), qdoc_ent_id(d, (long)i)) == 0 ?
					    (long)i : -1;	/* -1: two people, neither taken */
				continue;
			}
			if (spoke)
				return (long)i;
			subj = (long)i;
		}
		if (subj >= 0)
			return subj;
		if (only >= 0)
			return only;
	}
	if (sc->last >= 0 && d->e[sc->last].person == person && rec <= sc->lastrec + 6 &&
	    agrees(sc, cls, sc->last))
		return sc->last;
	/* The only one of its kind in this sentence or the one before. */
	found = -1;
	for (i = qdoc_ent_from(d, d->r[rec > 0 ? rec - 1 : 0].cs); i < d->ne && d->e[i].cs < pos; i++) {
		struct qent *e = &d->e[i];
		if (!e->speaker || e->person != person || d->in[e->cs] || !agrees(sc, cls, (long)i))
			continue;
		if (found >= 0 && strcmp(qdoc_ent_id(d, found), qdoc_ent_id(d, (long)i)) != 0)
			return -1;
		found = (long)i;
	}
	return found;
}

/*
 * The first token of the noun phrase whose head is token k: back over
 * the words before it ("a Defra spokesman", "the company's chief
 * executive"), to an article, a possessive or three words at most.
 */
static size_t
np_start(struct scan *sc, const struct toks *tk, size_t k)
{
	size_t j;

	for (j = k; j > 0 && k - j < 3 && tk->v[j - 1].kind == T_WORD; j--) {
		unsigned c = qtok_cls(sc->d, sc->l, tk, j - 1);
		if (c & (LX_ART | LX_DEF))
			return j - 1;
		if (c & (LX_VERB | LX_BETWEEN | LX_NOTVERB | LX_PRON | LX_GROUP | LX_THING))
			break;
	}
	return k;
}

/*
 * Where the noun phrase whose head is token k ends: after it, or after
 * "for Oxford University", "at the bank" that names whose it is.
 */
static size_t
np_end(struct scan *sc, const struct toks *tk, size_t k)
{
	struct qdoc *d = sc->d;
	char key[8];
	long e;

	if (k + 2 < tk->n && tk->v[k + 1].kind == T_WORD &&
	    qtok_key(d, tk, k + 1, 1, key, sizeof key) &&
	    (strcmp(key, "for") == 0 || strcmp(key, "at") == 0 || strcmp(key, "of") == 0 ||
	     strcmp(key, "from") == 0) &&
	    (e = qdoc_ent_starting(d, tk->v[k + 2].a, tk->v[k + 2].b + 1)) >= 0 &&
	    d->e[e].cs == tk->v[k + 2].a)
		return d->e[e].ce;
	return tk->v[k].b;
}

/* The token that starts at or holds pos. */
static size_t
at_tok(const struct toks *tk, size_t pos)
{
	size_t j;

	for (j = 0; j + 1 < tk->n && tk->v[j].b <= pos; j++)
		;
	return j;
}

/*
 * Whose a text or body at token k is, when its noun phrase [ms, me)
 * says: "Kok's report", "the ADB report", "the letter from Qwest",
 * "her statement", "its board".  -1 if it does not.
 */
static long
owner(struct scan *sc, const struct toks *tk, size_t k, size_t ms, size_t me)
{
	struct qdoc *d = sc->d;
	const struct tok *o;
	long e;

	if (k == 0 || tk->v[k - 1].kind != T_WORD)
		return -1;
	o = &tk->v[k - 1];
	if (o->b - o->a > 2 && is_poss(d->t, o->b - 2))
		return qdoc_ent_ending(d, o->b - 2, 0);
	if ((e = qdoc_ent_starting(d, ms, tk->v[k].a)) >= 0 && d->e[e].ce <= tk->v[k].a)
		return e;
	if (me > tk->v[k].b && (e = qdoc_ent_ending(d, me, tk->v[k].b)) >= 0)
		return e;
	if (o->a >= ms) {
		unsigned c = qtok_cls(d, sc->l, tk, k - 1);
		if (c & (LX_PRON | LX_THING))	/* her statement, its board */
			return resolve_pronoun(sc, c, o->a);
	}
	return -1;
}

/*
 * "the company": the organisation that spoke last, if recent, else the
 * last one named before pos, a bounded look back.
 */
static long
resolve_body(struct scan *sc, size_t pos)
{
	struct qdoc *d = sc->d;
	size_t rec = qdoc_rec(d, pos), i, n;

	if (sc->last >= 0 && !d->e[sc->last].person && rec <= sc->lastrec + 3)
		return sc->last;
	for (i = qdoc_ent_from(d, pos), n = 0; i > 0 && n < 64; i--, n++) {
		const struct qent *e = &d->e[i - 1];
		if (e->speaker && !e->person && !d->in[e->cs])
			return rec <= qdoc_rec(d, e->cs) + 12 ? (long)i - 1 : -1;
	}
	return -1;
}

/*
 * "they" for "Ann Fry and Ed Lowe": two persons joined by "and" in
 * this sentence before pos or in the one before, outside quotations.
 * Sets at->ent and at->ent2 and returns 0, or -1.
 */
static int
pair_before(struct scan *sc, size_t pos, struct attr *at)
{
	struct qdoc *d = sc->d;
	size_t rec = qdoc_rec(d, pos), i, j, n;

	i = qdoc_ent_from(d, pos);
	for (n = 0; i > 1 && n < 16 && d->e[i - 2].cs >= d->r[rec > 0 ? rec - 1 : 0].cs; i--, n++) {
		const struct qent *a = &d->e[i - 2], *b = &d->e[i - 1];
		if (!a->person || !b->person || d->in[a->cs] || d->in[b->cs] || b->cs < a->ce + 5 ||
		    b->cs > a->ce + 6)
			continue;
		j = a->ce;
		if (d->t[j] == ' ' && lower(d->t[j + 1]) == 'a' && lower(d->t[j + 2]) == 'n' &&
		    lower(d->t[j + 3]) == 'd' && is_space(d->t[b->cs - 1]) && b->cs == a->ce + 5) {
			at->ent = (long)i - 2;
			at->ent2 = (long)i - 1;
			return 0;
		}
	}
	return -1;
}

/* Whom a pronoun, title or noun at token k stands for. */
int
qwho_np(struct scan *sc, const struct toks *tk, size_t k, struct attr *at)
{
	unsigned c = qtok_cls(sc->d, sc->l, tk, k);
	char key[64];
	size_t j;

	if (tk->v[k].kind != T_WORD)
		return -1;
	if (c & (LX_PRON | LX_GROUP | LX_THING)) {
		at->known = 1;
		at->ms = tk->v[k].a;
		at->me = tk->v[k].b;
		/* "it said": an organisation, as "the company" */
		at->ent = (c & LX_THING) && !(c & LX_PRON) ? resolve_body(sc, tk->v[k].a) :
		    (c & LX_GROUP) && !(c & LX_PRON) && pair_before(sc, tk->v[k].a, at) == 0 ? at->ent :
		    resolve_pronoun(sc, c, tk->v[k].a);
		return 0;
	}
	if (c & (LX_TITLE | LX_SOURCE | LX_BODY)) {
		at->ms = tk->v[np_start(sc, tk, k)].a;
		at->me = np_end(sc, tk, k);
	}
	if (c & LX_TITLE) {
		at->known = 1;
		for (j = k; j > 0 && k - j < 3; j--)
			if (qtok_cls(sc->d, sc->l, tk, j - 1) & LX_ART)
				return 0;
		qtok_key(sc->d, tk, k, 1, key, sizeof key);
		at->ent = resolve_title(sc, key, tk->v[k].a);
		/*
		 * "the 47-year-old director", "the striker" that no one was
		 * called before: the person the text is about, as for "he".
		 */
		if (at->ent < 0 && at->ms < tk->v[k].a && (qtok_cls(sc->d, sc->l, tk, at_tok(tk, at->ms)) & LX_DEF))
			at->ent = resolve_pronoun(sc, LX_PRON, tk->v[k].a);
		return 0;
	}
	if (c & (LX_SOURCE | LX_BODY)) {
		at->known = 1;
		at->ent = owner(sc, tk, k, at->ms, at->me);
		if (at->ent < 0 && (c & LX_BODY) && !(c & LX_SOURCE) && tk->v[at_tok(tk, at->ms)].a == at->ms &&
		    !(qtok_cls(sc->d, sc->l, tk, at_tok(tk, at->ms)) & LX_ART))
			at->ent = resolve_body(sc, tk->v[k].a);
		return 0;
	}
	/*
	 * "the 28-year-old", "the Sale full-back": a description of
	 * someone, who is the person the text is about, as for "he".
	 */
	if (!is_upper(sc->d->t[tk->v[k].a]) && k > 0) {
		for (j = k; j > 0 && k - j < 4 && tk->v[j - 1].kind == T_WORD; j--) {
			if (qtok_cls(sc->d, sc->l, tk, j - 1) & LX_DEF) {
				at->known = 1;
				at->ms = tk->v[j - 1].a;
				at->me = tk->v[k].b;
				at->ent = resolve_pronoun(sc, LX_PRON, tk->v[k].a);
				return 0;
			}
		}
	}
	return -1;
}

/*
 * A capitalised word the tagger left alone that is the last word of a
 * person named before: "Brown said" after "Craig Brown".
 */
long
qwho_surname(struct scan *sc, const struct tok *t)
{
	struct qdoc *d = sc->d;
	size_t i, n, len;
	const char *id, *sp;

	if (!is_upper(d->t[t->a]) || t->b - t->a < 2)
		return -1;
	buf_reset(&sc->name);
	qdoc_utf8(d, t->a, t->b, &sc->name);
	len = sc->name.len;
	for (i = qdoc_ent_from(d, t->a), n = 0; i > 0 && n < 300; i--, n++) {
		if (!d->e[i - 1].person)
			continue;
		id = qdoc_ent_id(d, (long)i - 1);
		sp = strrchr(id, ' ');
		sp = sp ? sp + 1 : id;
		if (strlen(sp) == len && memcmp(sp, sc->name.s, len) == 0)
			return (long)i - 1;
	}
	/*
	 * Else an entity of another type that can speak, of several words:
	 * a person the tagger typed wrong ("Dai Young" an ORG), or "the
	 * Bank" after "Royal Bank".
	 */
	for (i = qdoc_ent_from(d, t->a), n = 0; i > 0 && n < 300; i--, n++) {
		if (d->e[i - 1].person || !d->e[i - 1].speaker)
			continue;
		id = qdoc_ent_id(d, (long)i - 1);
		if (!(sp = strrchr(id, ' ')))
			continue;
		sp++;
		if (strlen(sp) == len && memcmp(sp, sc->name.s, len) == 0)
			return (long)i - 1;
	}
	return -1;
}
