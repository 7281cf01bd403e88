/*
 * extract-quotes-attr: the patterns around a quotation that say who
 * said it: "Petro said: “…”", "“…,” said Petro", "“…,” he added",
 * "according to Petro, “…”".
 */
#include <string.h>

#include "extract-quotes-attr.h"

/* Is pos inside an entity of a group of people ("Tory", "New Zealander")? */
static int
in_group(const struct qdoc *d, size_t pos)
{
	size_t i = qdoc_ent_from(d, pos + 1);

	return i > 0 && d->e[i - 1].ce > pos && d->e[i - 1].group;
}

/*
 * Is token t the plural of a role or body the lexicon knows:
 * "Officials", "Analysts", "Authorities", "Witnesses"?
 */
static int
plural_role(struct scan *sc, const struct tok *t)
{
	const struct qdoc *d = sc->d;
	size_t n = t->b - t->a, i;
	char w[32];
	const unsigned want = LX_TITLE | LX_BODY | LX_SOURCE;

	if (n < 3 || n >= sizeof w - 1)
		return 0;
	for (i = 0; i < n; i++) {
		if (d->t[t->a + i] >= 0x80)
			return 0;
		w[i] = lower(d->t[t->a + i]);
	}
	if (w[n - 1] != 's')
		return 0;
	w[n - 1] = '\0';	/* officials */
	if (qlex_get(sc->l, w) & want)
		return 1;
	if (n > 3 && w[n - 2] == 'e') {
		w[n - 2] = '\0';	/* witnesses */
		if (qlex_get(sc->l, w) & want)
			return 1;
		if (n > 4 && w[n - 3] == 'i') {
			w[n - 3] = 'y';	/* authorities */
			w[n - 2] = '\0';
			if (qlex_get(sc->l, w) & want)
				return 1;
		}
	}
	return 0;
}

/*
 * A name the tagger did not give a speaker's type, ending at token j:
 * one to three capitalised words the lexicon does not know ("Bono",
 * "Wendy Day", "Mike Lake" typed a place).  The speaker is then the
 * name as written.  Returns 0 if there is one.
 */
static int
raw_name(struct scan *sc, const struct toks *tk, size_t j, struct attr *at)
{
	struct qdoc *d = sc->d;
	size_t i, k;
	int art;

	for (i = j + 1; i > 0 && j + 1 - i < 3; i--) {
		const struct tok *t = &tk->v[i - 1];
		if (t->kind != T_WORD || t->b - t->a < 2 || !is_upper(d->t[t->a]) ||
		    !is_alnum(d->t[t->b - 1]) || (qtok_cls(d, sc->l, tk, i - 1) & ~(LX_MALE | LX_FEMALE)) ||
		    (i - 1 == j && in_group(d, t->a)))
			break;	/* "Swiss Re" is a name, "New Zealander" is not */
		for (k = t->a; k < t->b; k++)
			if (d->t[k] == '.' || is_apos(d->t[k]))
				break;
		if (k < t->b)
			break;	/* "Kidman's", "U.N." */
	}
	if (i > j)
		return -1;
	/* "the MPs", "a Labour", "Officials said": a description, not a name */
	art = i > 0 && tk->v[i - 1].kind == T_WORD && (qtok_cls(d, sc->l, tk, i - 1) & (LX_DEF | LX_ART));
	if (art || (i == j && plural_role(sc, &tk->v[j]))) {
		at->known = 1;
		at->ms = tk->v[art ? i - 1 : i].a;
		at->me = tk->v[j].b;
		return 0;
	}
	at->known = 1;
	at->raw = 1;
	at->ms = tk->v[i].a;
	at->me = tk->v[j].b;
	return 0;
}

/*
 * "Ann Fry and Ed Lowe said": at holds the entity ending at token k;
 * when "and" and another speaker entity stand before it, the first is
 * the speaker and both are noted (at->ent2), the mention covering both.
 */
static void
both(struct scan *sc, const struct toks *tk, size_t k, size_t floor, struct attr *at)
{
	struct qdoc *d = sc->d;
	size_t j;
	long e;
	char key[8];

	for (j = k + 1; j > 0 && tk->v[j - 1].a >= d->e[at->ent].cs; j--)
		;
	/* token j - 1 is the word before the entity */
	if (j < 2 || tk->v[j - 1].kind != T_WORD || tk->v[j - 2].kind != T_WORD ||
	    !qtok_key(d, tk, j - 1, 1, key, sizeof key) || strcmp(key, "and") != 0 ||
	    (e = qdoc_ent_ending(d, tk->v[j - 2].b, floor)) < 0 || d->e[e].person != d->e[at->ent].person)
		return;
	at->ent2 = at->ent;
	at->ent = e;
	at->ms = d->e[e].cs;
}

/*
 * An organisation e that only says whose the subject is: "Dana Quip of
 * Keel Capital", "a spokeswoman for Oxford University".  Fills at with
 * the person or the description before "of", "at", "for", "from" and
 * returns 0; -1 if e is the subject itself.
 */
static int
of_whom(struct scan *sc, const struct toks *tk, long e, size_t floor, struct attr *at)
{
	struct qdoc *d = sc->d;
	size_t k;
	long p;
	char key[8];

	for (k = tk->n; k > 0 && tk->v[k - 1].a >= d->e[e].cs; k--)
		;
	/* "a spokesman for Sen. Ann Fry": past her title */
	while (d->e[e].person && k > 2 && tk->v[k - 1].kind == T_WORD && is_upper(d->t[tk->v[k - 1].a]) &&
	    d->t[tk->v[k - 1].b - 1] == '.' && tk->v[k - 1].b - tk->v[k - 1].a <= 6)
		k--;
	/* token k - 1 is the word before the entity */
	if (k < 2 || tk->v[k - 1].kind != T_WORD || tk->v[k - 2].kind != T_WORD ||
	    !qtok_key(d, tk, k - 1, 1, key, sizeof key) ||
	    (strcmp(key, "of") && strcmp(key, "at") && strcmp(key, "for") && strcmp(key, "from")))
		return -1;
	if ((p = qdoc_ent_ending(d, tk->v[k - 2].b, floor)) >= 0) {
		if (!d->e[p].person || d->e[e].person)
			return -1;	/* "Bank of England" split in two */
		qattr_ent(at, d, p);
		return 0;
	}
	if (is_upper(d->t[tk->v[k - 2].a]) || !(qtok_cls(d, sc->l, tk, k - 2) & LX_TITLE))
		return -1;
	if (qwho_np(sc, tk, k - 2, at) < 0)
		return -1;
	if (at->ent < 0)
		at->me = d->e[e].ce;	/* nobody named: the description, whose included */
	return 0;
}

/*
 * The first token of entity e, ending at token k, with the titles before
 * it: "Dr. Ashwin Vasan", "Commissioner Ann Fry".
 */
static size_t
titled_from(struct scan *sc, const struct toks *tk, size_t k, long e)
{
	const struct qdoc *d = sc->d;
	size_t j;

	for (j = k; j > 0 && tk->v[j].a > d->e[e].cs; j--)
		;
	while (j > 0 && tk->v[j - 1].kind == T_WORD && is_upper(d->t[tk->v[j - 1].a]) &&
	    ((qtok_cls(d, sc->l, tk, j - 1) & LX_TITLE) || (d->t[tk->v[j - 1].b - 1] == '.' &&
	    tk->v[j - 1].b - tk->v[j - 1].a <= 6)))
		j--;
	return j;
}

/*
 * The subject of the verb at token v: an entity just before it
 * (perhaps with "also", "has" between), one before an apposition
 * ("Petro, a left-wing leader, said"), a pronoun or a title.
 */
static void
subject_before(struct scan *sc, const struct toks *tk, size_t v, size_t floor, struct attr *at)
{
	struct qdoc *d = sc->d;
	size_t k = v, j, skipped = 0, commas;
	long e;

	while (k > 0 && skipped < 3 && tk->v[k - 1].kind == T_WORD &&
	    (qtok_cls(d, sc->l, tk, k - 1) & LX_BETWEEN))
		k--, skipped++;
	/* "Sen. Ann Fry (D-Ore.) said": a short aside in parentheses */
	if (k >= 3 && tk->v[k - 1].kind == T_PUNCT && tk->v[k - 1].c == ')') {
		for (j = k - 1; j > 0 && k - j < 8 && !(tk->v[j - 1].kind == T_PUNCT && tk->v[j - 1].c == '('); j--)
			;
		if (j > 1 && k - j < 8)
			k = j - 1;
	}
	if (k == 0)
		return;
	/* "Andrew Tyrie MP said": a role noun after a person's name is theirs */
	if (k >= 2 && tk->v[k - 1].kind == T_WORD && tk->v[k - 2].kind == T_WORD &&
	    (qtok_cls(d, sc->l, tk, k - 1) & LX_TITLE) &&
	    (e = qdoc_ent_ending(d, tk->v[k - 2].b, floor)) >= 0 && d->e[e].person) {
		qattr_ent(at, d, e);
		return;
	}
	if (tk->v[k - 1].kind == T_WORD) {
		if ((e = qdoc_ent_ending(d, tk->v[k - 1].b, floor)) >= 0) {
			if (of_whom(sc, tk, e, floor, at) == 0)
				return;	/* "Dana Quip of Keel Capital said", "a lawyer for Fry said" */
			qattr_ent(at, d, e);
			both(sc, tk, k - 1, floor, at);
			return;
		}
		if ((e = qwho_surname(sc, &tk->v[k - 1])) >= 0) {
			qattr_ent(at, d, e);
			at->ms = tk->v[k - 1].a;
			at->me = tk->v[k - 1].b;
			return;
		}
		/*
		 * "U2 frontman Bono said", "“…,” Bono said"; not a sentence's
		 * first word, capitalised whatever it is ("Fears had been
		 * expressed", "To apologise").
		 */
		if (qwho_np(sc, tk, k - 1, at) < 0 && (k >= 2 || (floor > 0 && d->in[floor - 1])))
			raw_name(sc, tk, k - 1, at);
		return;
	}
	if (tk->v[k - 1].kind != T_PUNCT || tk->v[k - 1].c != ',' || k < 2)
		return;
	/* ", Gustavo Petro, ordered": the entity is itself the apposition. */
	if (tk->v[k - 2].kind == T_WORD && (e = qdoc_ent_ending(d, tk->v[k - 2].b, floor)) >= 0 &&
	    (j = titled_from(sc, tk, k - 2, e)) > 0 && tk->v[j - 1].kind == T_PUNCT && tk->v[j - 1].c == ',') {
		qattr_ent(at, d, e);
		return;
	}
	/* Back to the comma that opens the apposition: "X, 58, MP for Y, said". */
	for (j = k - 1, commas = 0; j > 0 && k - j < 40 && commas < 3; j--) {
		struct tok *t = &tk->v[j - 1];
		if (t->kind == T_QUOTE || (t->kind == T_PUNCT && (is_hard(t->c) || t->c == ':')))
			return;
		if (t->kind != T_PUNCT || t->c != ',')
			continue;
		commas++;
		if (j < 2 || tk->v[j - 2].kind != T_WORD)
			continue;
		if ((e = qdoc_ent_ending(d, tk->v[j - 2].b, floor)) >= 0) {
			qattr_ent(at, d, e);
			return;
		}
		if (qwho_np(sc, tk, j - 2, at) == 0)
			return;
	}
}

/*
 * Is the verb form at token k a noun here: after "the", "in a", a
 * possessive ("the department's request"), or at the head of a
 * sentence or list item ("- call centre operations")?
 */
static int
noun_use(struct scan *sc, const struct toks *tk, size_t k)
{
	const struct tok *p;
	const uint32_t *t = sc->d->t;

	if (k == 0)
		return 0;
	p = &tk->v[k - 1];
	if (p->kind == T_PUNCT && (is_hard(p->c) || p->c == ':' || p->c == '-' ||
	    p->c == '(' || p->c == 0x2022 || p->c == '*'))
		return 1;
	if (p->kind != T_WORD)
		return 0;
	if (qtok_cls(sc->d, sc->l, tk, k - 1) & LX_NOTVERB)
		return 1;
	return p->b - p->a > 2 && is_poss(t, p->b - 2);
}

/* "quoted X as saying": X, whoever did the quoting. */
static long
quoted_as(struct scan *sc, const struct toks *tk, size_t k)
{
	struct qdoc *d = sc->d;
	size_t m;
	long e;

	for (m = k; m < tk->n && m < k + 6; m++) {
		if (tk->v[m].kind != T_WORD)
			return -1;
		if (m > k && (qtok_cls(d, sc->l, tk, m) & LX_AS) &&
		    (e = qdoc_ent_ending(d, tk->v[m - 1].b, tk->v[k].a)) >= 0)
			return e;
	}
	return -1;
}

/*
 * "X rejected the plan, saying “…”": the verb of the quotation is the
 * participle just before it, whoever the clause's subject is.
 */
static void
participle(struct scan *sc, const struct toks *tk, size_t to, struct attr *at)
{
	struct qdoc *d = sc->d;
	size_t k = to, n;
	unsigned cls;
	char key[48];

	if (k > 0 && tk->v[k - 1].kind == T_PUNCT && (tk->v[k - 1].c == ':' || tk->v[k - 1].c == ','))
		k--;
	if (k < 2 || tk->v[k - 1].kind != T_WORD || tk->v[k - 2].kind != T_PUNCT || tk->v[k - 2].c != ',' ||
	    !qtok_verb(d, sc->l, tk, k - 1, &cls, key, sizeof key) || (cls & LX_AFTER))
		return;
	n = strlen(key);
	if (n > 3 && strcmp(key + n - 3, "ing") == 0)
		strcpy(at->vkey, key);
}

/*
 * "Asked whether he had spoken to her, Levitt said: “…”": the
 * question's verbs are not the quotation's.  The token after its comma,
 * or from if the sentence at from opens with no question.
 */
static size_t
past_question(struct scan *sc, const struct toks *tk, size_t from, size_t to)
{
	char key[8];
	size_t k;

	if (from + 1 < to && tk->v[from].kind == T_WORD && qtok_key(sc->d, tk, from, 1, key, sizeof key) &&
	    strcmp(key, "asked") == 0)
		for (k = from + 1; k + 1 < to && k < from + 40; k++)
			if (tk->v[k].kind == T_PUNCT && tk->v[k].c == ',')
				return k + 1;
	return from;
}

/* The first verb in the tokens whose subject can be named; else the last verb. */
static void
attr_in(struct scan *sc, const struct toks *tk, size_t from, size_t to, size_t floor,
    size_t limit, struct attr *out)
{
	struct qdoc *d = sc->d;
	struct attr at;
	size_t k, nw, m;
	unsigned cls;
	char key[48];

	memset(out, 0, sizeof *out);
	out->ent = -1;
	/*
	 * "Peston's book claimed that Brown told Blair: “…”": before a
	 * colon, the words are the last verb's.
	 */
	if (to > from && tk->v[to - 1].kind == T_PUNCT && tk->v[to - 1].c == ':') {
		for (k = to - 1; k > from && tk->v[k - 1].kind != T_QUOTE; k--)
			if (tk->v[k - 1].kind == T_PUNCT && is_hard(tk->v[k - 1].c))
				break;
		for (m = to - 1; m > k; m--)
			if (tk->v[m - 1].kind == T_WORD && qtok_verb(d, sc->l, tk, m - 1, &cls, key, sizeof key) &&
			    !(cls & LX_AFTER) && !noun_use(sc, tk, m - 1)) {
				/* ", adding:" has no subject of its own: the clause's */
				size_t n = strlen(key);
				if (!(m >= 2 && tk->v[m - 2].kind == T_PUNCT && tk->v[m - 2].c == ',' &&
				    n > 3 && strcmp(key + n - 3, "ing") == 0))
					from = m - 1;
				break;
			}
	}
	from = past_question(sc, tk, from, to);
	for (k = from; k < to; k++) {
		if (tk->v[k].kind != T_WORD || !(nw = qtok_verb(d, sc->l, tk, k, &cls, key, sizeof key)))
			continue;
		if (noun_use(sc, tk, k))
			continue;	/* "in a bid", "the orders" */
		/* "ordered by X": a passive, not X's words. */
		if (!(cls & LX_AFTER) && k + nw < tk->n &&
		    (qtok_cls(d, sc->l, tk, k + nw) & LX_AGENT))
			continue;
		memset(&at, 0, sizeof at);
		at.ent = -1;
		at.verb = 1;
		strcpy(at.vkey, key);
		if (cls & LX_AFTER) {
			/* according to X */
			size_t b = limit;
			for (m = k + nw; m < tk->n && m < k + nw + 10; m++)
				if (tk->v[m].kind == T_QUOTE ||
				    (tk->v[m].kind == T_PUNCT && is_hard(tk->v[m].c))) {
					b = tk->v[m].a;
					break;
				}
			if (k + nw < tk->n && b > tk->v[k + nw].a) {
				long e = qdoc_ent_starting(d, tk->v[k + nw].a, b);
				if (e >= 0)
					qattr_ent(&at, d, e);
			}
		} else if ((cls & LX_QUOTING) && (at.ent = quoted_as(sc, tk, k + nw)) >= 0)
			qattr_ent(&at, d, at.ent);
		else
			subject_before(sc, tk, k, floor, &at);
		if (at.ent >= 0) {
			*out = at;
			participle(sc, tk, to, out);
			return;
		}
		*out = at;
		k += nw - 1;
	}
}

/*
 * "“…,” said Petro", "said the minister", "said the 30-year-old": the
 * speaker after the verb of nw words at token v.
 */
/*
 * A person named in the same phrase from token m on, before token lim,
 * a comma or the clause's end: the one an organisation's name before
 * is a title of ("ABN Amro chief Asian strategist Eddie Wong").
 */
static long
person_after(struct scan *sc, const struct toks *tk, size_t m, size_t lim)
{
	struct qdoc *d = sc->d;
	long e;

	for (; m < tk->n && m < lim; m++) {
		const struct tok *t = &tk->v[m];
		if (t->kind != T_WORD)
			return -1;
		if ((e = qdoc_ent_starting(d, t->a, t->b)) >= 0 && d->e[e].cs == t->a)
			return d->e[e].person ? e : -1;
	}
	return -1;
}

static void
after_verb(struct scan *sc, const struct toks *tk, size_t v, size_t nw, struct attr *out)
{
	struct qdoc *d = sc->d;
	size_t m;
	long p;

	for (m = v + nw; m < tk->n && m < v + nw + 8; m++) {
		const struct tok *t = &tk->v[m];
		long e;
		if (t->kind == T_QUOTE || (t->kind == T_PUNCT && is_hard(t->c)))
			break;
		if (t->kind != T_WORD)
			continue;
		if ((e = qdoc_ent_starting(d, t->a, t->b)) >= 0 && d->e[e].cs == t->a) {
			size_t x = d->e[e].ce;
			if (x + 1 < d->n && is_poss(d->t, x))
				continue;	/* "said MSN's Blake Irving" */
			/*
			 * "said GM chief executive Rick Waggoner", and "said ABN
			 * Amro chief strategist Eddie Wong" when the tagger took
			 * the bank for a person: a title after the name.
			 */
			for (x = m + 1; x < tk->n && tk->v[x].a < d->e[e].ce; x++)
				;
			if ((!d->e[e].person || (x < tk->n && tk->v[x].kind == T_WORD &&
			    !is_upper(d->t[tk->v[x].a]) && (qtok_cls(d, sc->l, tk, x) & LX_TITLE))) &&
			    (p = person_after(sc, tk, x, v + nw + 12)) >= 0)
				e = p;
			/* "said a lawyer for Ann Fry": his words, not hers */
			if (d->e[e].person && of_whom(sc, tk, e, tk->v[v].a, out) == 0)
				return;
			qattr_ent(out, d, e);
			/* "said Burton and Nick" */
			for (x = m; x < tk->n && tk->v[x].a < d->e[e].ce; x++)
				;
			if (x + 1 < tk->n && tk->v[x].kind == T_WORD && tk->v[x + 1].kind == T_WORD &&
			    tk->v[x].b - tk->v[x].a == 3 && lower(d->t[tk->v[x].a]) == 'a' &&
			    lower(d->t[tk->v[x].a + 1]) == 'n' && lower(d->t[tk->v[x].a + 2]) == 'd' &&
			    (p = qdoc_ent_starting(d, tk->v[x + 1].a, tk->v[x + 1].b)) >= 0 &&
			    d->e[p].cs == tk->v[x + 1].a && d->e[p].person == d->e[e].person) {
				out->ent2 = p;
				out->me = d->e[p].ce;
			}
			return;
		}
	}
	if (v + nw < tk->n && tk->v[v + nw].kind == T_WORD &&
	    (out->ent = qwho_surname(sc, &tk->v[v + nw])) >= 0) {
		qattr_ent(out, d, out->ent);
		out->ms = tk->v[v + nw].a;
		out->me = tk->v[v + nw].b;
		return;
	}
	if (v + nw < tk->n) {
		/* "said the 30-year-old": the head of the description */
		m = v + nw;
		if (qtok_cls(d, sc->l, tk, m) & (LX_DEF | LX_ART))	/* "said a resident" too */
			while (m + 1 < tk->n && tk->v[m + 1].kind == T_WORD && m < v + nw + 4 &&
			    !(qtok_cls(d, sc->l, tk, m) & (LX_TITLE | LX_SOURCE)))
				m++;
		if (qwho_np(sc, tk, m, out) < 0)
			for (m = v + nw; m < tk->n && m < v + nw + 8 && tk->v[m].kind == T_WORD; m++) {
				const struct tok *t = &tk->v[m];
				if (m + 1 == tk->n || tk->v[m + 1].kind != T_WORD) {
					/* "said Kidman's publicist Wendy Day." */
					raw_name(sc, tk, m, out);
					break;
				}
				/* only titles and possessives before the name: not "said on Friday" */
				if (!is_upper(d->t[t->a]) && !(qtok_cls(d, sc->l, tk, m) & (LX_TITLE | LX_DEF | LX_ART)))
					break;
			}
	}
}

/*
 * Does the clause go on for long after the verb ending at token k:
 * "Robinson said he would keep working on it", a sentence of its own
 * after a quotation that ended with a point, not "Robinson said."?
 */
static int
reports_on(const struct toks *tk, size_t k)
{
	size_t n = 0;

	for (; k < tk->n; k++) {
		if (tk->v[k].kind == T_PUNCT && is_hard(tk->v[k].c))
			break;
		/* a quoted phrase in the clause: indirect speech with its own quote */
		if (tk->v[k].kind == T_QUOTE && n > 0)
			return 1;
		if (tk->v[k].kind == T_WORD && ++n > 6)
			return 1;
	}
	return 0;
}

/*
 * The tokens after a quotation's closing mark, to the end of its record
 * (of the next one in the paragraph, when the mark ends its record),
 * into sc->tk.  Returns the attribution's first word, after a comma or
 * a dash, or sc->tk.n if it opens with no word.
 */
static size_t
after_tokens(struct scan *sc, const struct quote *q)
{
	struct qdoc *d = sc->d;
	struct toks *tk = &sc->tk;
	size_t rec, end, first = 0;

	rec = qdoc_rec(d, q->cm);
	end = d->r[rec].ce;
	if (end <= q->cm + 2 && rec + 1 < d->nr && d->r[rec + 1].para == d->r[rec].para)
		end = d->r[rec + 1].ce;
	qtok_split(d, sc->l, q->cm + 1, end, tk, 40);
	if (first < tk->n && tk->v[first].kind == T_PUNCT && (tk->v[first].c == ',' ||
	    tk->v[first].c == 0x2014 || tk->v[first].c == 0x2013 || tk->v[first].c == '-'))
		first++;
	if (first >= tk->n || tk->v[first].kind != T_WORD)
		return tk->n;
	return first;
}

/*
 * "“…” — Ann Fry": a signature, the name and nothing more, after a
 * dash at token first.  Returns 1 if it is one.
 */
static int
signature(struct scan *sc, const struct toks *tk, size_t first, struct attr *out)
{
	struct qdoc *d = sc->d;
	size_t k;
	long e;

	if (first == 0 || tk->v[0].c == ',' || (e = qdoc_ent_starting(d, tk->v[first].a, tk->v[first].b)) < 0 ||
	    d->e[e].cs != tk->v[first].a)
		return 0;
	for (k = first; k < tk->n && tk->v[k].b <= d->e[e].ce; k++)
		;
	if (k == tk->n || (tk->v[k].kind == T_PUNCT && (is_hard(tk->v[k].c) || tk->v[k].c == ','))) {
		qattr_ent(out, d, e);
		return 1;
	}
	return 0;
}

/*
 * "“…,” said Petro", "“…,” according to Petro": the attribution opens
 * with a verb of nw tokens, its class cls and key key.
 */
static void
verb_first(struct scan *sc, const struct toks *tk, size_t first, size_t nw, unsigned cls,
    const char *key, struct attr *out)
{
	struct qdoc *d = sc->d;
	char key2[48];
	size_t k;

	out->verb = 1;
	strcpy(out->vkey, key);
	after_verb(sc, tk, first, nw, out);
	/* "volunteer coordinator Ed Lowe said": a word of a title, the verb after the name */
	if (out->ent >= 0 && !(cls & LX_AFTER)) {
		for (k = first + nw; k < tk->n && tk->v[k].a < out->me; k++)
			;
		if (k < tk->n && tk->v[k].kind == T_WORD &&
		    qtok_verb(d, sc->l, tk, k, &cls, key2, sizeof key2) && !(cls & LX_AFTER))
			strcpy(out->vkey, key2);
	}
}

/*
 * "“…,” Petro said", "“…” the statement read": the verb of nw tokens
 * at token k, its class cls and key key, and its subject, into *at;
 * the attribution's first word is token first, the text it may look
 * back over starts at floor.
 */
static void
verb_subject(struct scan *sc, const struct toks *tk, size_t first, size_t k, size_t nw,
    unsigned cls, const char *key, size_t floor, struct attr *at)
{
	struct qdoc *d = sc->d;
	long e;

	memset(at, 0, sizeof *at);
	at->ent = -1;
	at->verb = 1;
	strcpy(at->vkey, key);
	if ((cls & LX_QUOTING) && (at->ent = quoted_as(sc, tk, k + nw)) >= 0)
		qattr_ent(at, d, at->ent);
	else
		subject_before(sc, tk, k, floor, at);
	/*
	 * "“…,” Kirsten Pfeifer from the CEA, told": the
	 * entity that opens the attribution is its subject.
	 */
	if (at->ent < 0 && k > first && (e = qdoc_ent_starting(d, tk->v[first].a, tk->v[first].b)) >= 0 &&
	    d->e[e].cs == tk->v[first].a)
		qattr_ent(at, d, e);
}

/* "X laughed and replied": the last of the verbs, when "and" and a verb are at token j. */
static void
and_verb(struct scan *sc, const struct toks *tk, size_t j, struct attr *at)
{
	unsigned cls;
	char key[48];

	if (j + 1 < tk->n && tk->v[j].kind == T_WORD &&
	    qtok_key(sc->d, tk, j, 1, key, sizeof key) && strcmp(key, "and") == 0 &&
	    qtok_verb(sc->d, sc->l, tk, j + 1, &cls, key, sizeof key) && !(cls & LX_AFTER))
		strcpy(at->vkey, key);
}

/* Does a relative clause open at token k: ", who", ", which"? */
static int
relative(struct scan *sc, const struct toks *tk, size_t k)
{
	char key[16];

	return tk->v[k].kind == T_PUNCT && tk->v[k].c == ',' && k + 1 < tk->n &&
	    tk->v[k + 1].kind == T_WORD && qtok_key(sc->d, tk, k + 1, 1, key, sizeof key) &&
	    (strcmp(key, "who") == 0 || strcmp(key, "which") == 0 || strcmp(key, "whose") == 0);
}

/* "“…,” Petro said", "“…,” said Petro", "“…” the statement read". */
static void
attr_after(struct scan *sc, const struct quote *q, struct attr *out)
{
	struct qdoc *d = sc->d;
	size_t k, first, nw, maxw, lim;
	struct toks *tk = &sc->tk;
	unsigned cls;
	uint32_t last;
	struct attr at;
	char key[48];

	memset(out, 0, sizeof *out);
	out->ent = -1;
	if (!q->closed)
		return;
	if ((first = after_tokens(sc, q)) >= tk->n || signature(sc, tk, first, out))
		return;
	last = q->e > q->s ? d->t[q->e - 1] : 0;
	maxw = last == '.' ? 5 : 12;
	/* "Glenn Maguire, chief economist for the region at X, said" */
	if (last != '.' && qdoc_ent_starting(d, tk->v[first].a, tk->v[first].b) >= 0)
		maxw = 24;
	/* said Petro, said the minister, according to Petro */
	if ((nw = qtok_verb(d, sc->l, tk, first, &cls, key, sizeof key))) {
		verb_first(sc, tk, first, nw, cls, key, out);
		return;
	}
	for (k = first, lim = first + maxw; k < tk->n && k < lim; k++) {
		struct tok *t = &tk->v[k];
		if (t->kind == T_QUOTE || (t->kind == T_PUNCT && (is_hard(t->c) || t->c == ':')))
			return;
		/* "the official, who spoke on condition of anonymity, said": not "spoke" */
		if (last == ',' && relative(sc, tk, k)) {
			while (k + 1 < tk->n && !(tk->v[k + 1].kind == T_PUNCT && (tk->v[k + 1].c == ',' ||
			    is_hard(tk->v[k + 1].c))))
				k++, lim++;
			continue;
		}
		if (t->kind == T_WORD && (nw = qtok_verb(d, sc->l, tk, k, &cls, key, sizeof key)) &&
		    !(cls & LX_AFTER) && !(k > first && noun_use(sc, tk, k))) {
			verb_subject(sc, tk, first, k, nw, cls, key, q->cm + 1, &at);
			if (last == '.' && (at.ent < 0 || reports_on(tk, k + nw)))
				return;	/* a new sentence, not an attribution */
			if (!at.known && k > first)
				at.known = 1;	/* "the 55-year-old said" */
			and_verb(sc, tk, k + nw, &at);
			*out = at;
			return;
		}
	}
}

/* Only white space or list punctuation between the sentence start and pos. */
static int
at_start(const struct qdoc *d, size_t floor, size_t pos)
{
	size_t i;

	for (i = floor; i < pos; i++)
		if (!is_space(d->t[i]) && d->t[i] != '-' && d->t[i] != 0x2013 &&
		    d->t[i] != 0x2014 && d->t[i] != 0x2022 && d->t[i] != '*')
			return 0;
	return 1;
}

/*
 * Title Case ("One Hundred Years of Solitude"): a name, not words said.
 * With words NULL, the first long word in lower case ends the look.
 */
/* Is the quotation a sentence in capitals throughout, no small letter in it? */
static int
shouted(const struct qdoc *d, const struct quote *q)
{
	size_t i;
	uint32_t c = d->t[q->e - 1];

	if (c != '!' && c != '.' && c != '?' && c != ',')
		return 0;
	for (i = q->s; i < q->e; i++)
		if (is_alnum(d->t[i]) && !is_upper(d->t[i]) && !(d->t[i] >= '0' && d->t[i] <= '9'))
			return 0;
	return 1;
}

static int
title_case(const struct qdoc *d, const struct quote *q, int *words)
{
	size_t i;
	int w = 0, caps = 0, longw = 0, in = 0;

	for (i = q->s; i < q->e; i++) {
		if (is_alnum(d->t[i])) {
			if (!in) {
				size_t j = i;
				w++;
				while (j < q->e && is_alnum(d->t[j]))
					j++;
				if (j - i >= 4) {
					longw++;
					if (!is_upper(d->t[i]) && !words)
						return 0;	/* no title, and no count wanted */
					caps += is_upper(d->t[i]);
				}
				in = 1;
				i = j - 1;	/* the rest of the word changes nothing */
			}
		} else if (!is_apos(d->t[i]))
			in = 0;
	}
	if (words)
		*words = w;
	if (w >= 3 && shouted(d, q))
		return 0;	/* "WE WILL APPEAL!": capitals throughout, no title */
	return w >= 2 && longw > 0 && caps == longw;
}

/*
 * Reads the tokens of the record that starts at cs up to om, on from
 * where the last call stopped (quotations come in order), noting the
 * last clause end and the starts of the tokens after it: each token of
 * a record is read about once, however many quotations it holds.
 */
static void
walk(struct scan *sc, size_t cs, size_t om)
{
	struct toks *tk = &sc->tk;
	size_t k;

	if (!sc->ss.on || sc->ss.cs != cs || om < sc->ss.pos) {
		sc->ss.on = 1;
		sc->ss.any = 0;
		sc->ss.cs = sc->ss.pos = sc->ss.hard = cs;
		sc->ss.seen = 0;
	}
	for (;;) {
		qtok_split(sc->d, sc->l, sc->ss.pos, om, tk, 256);
		for (k = 0; k < tk->n; k++) {
			const struct tok *t = &tk->v[k];
			if (sc->ss.any && t->a <= sc->ss.lasta)
				continue;	/* read by the last call */
			sc->ss.any = 1;
			sc->ss.lasta = t->a;
			if (t->kind == T_PUNCT && is_hard(t->c)) {
				sc->ss.hard = t->b;
				sc->ss.seen = 0;
				continue;
			}
			sc->ss.ring[sc->ss.seen++ % QWINDOW] = t->a;
		}
		/*
		 * A token's start is where a split from anywhere before
		 * meets it: the last one, cut at om, is read again next time.
		 */
		if (tk->n < 256 || tk->v[tk->n - 1].b >= om) {
			if (tk->n)
				sc->ss.pos = tk->v[tk->n - 1].a;
			break;
		}
		sc->ss.pos = tk->v[tk->n - 1].b;
	}
}

/*
 * Where the sentence of the quotation opening at om starts, from *floor
 * (its record's start) on: after the last clause end before om, or
 * QWINDOW tokens before om if that is QSENTENCE tokens or more away.
 * Leaves in sc->tk the tokens from there to om.
 */
static void
sentence_start(struct scan *sc, size_t om, size_t *floor)
{
	walk(sc, *floor, om);
	if (sc->ss.seen < QSENTENCE) {
		*floor = sc->ss.hard;
		qtok_split(sc->d, sc->l, *floor, om, &sc->tk, QSENTENCE);
	} else {
		/* no sentence: a transcript, a list with no full stop */
		*floor = sc->ss.ring[sc->ss.seen % QWINDOW];
		qtok_split(sc->d, sc->l, *floor, om, &sc->tk, QWINDOW);
	}
}

/*
 * The patterns around quotation g, whose sentence starts at floor (with
 * its tokens in sc->tk): after it if it opens the sentence, else before
 * it, then after it.
 */
static void
patterns(struct scan *sc, const struct quote *g, size_t floor, int start, struct attr *at)
{
	struct qdoc *d = sc->d;
	struct toks *tk = &sc->tk;
	struct attr at2;
	size_t k;

	memset(at, 0, sizeof *at);
	at->ent = -1;
	if (start) {
		attr_after(sc, g, at);
		return;
	}
	attr_in(sc, tk, 0, tk->n, floor, g->om, at);
	/* "Manchester City boss Kevin Keegan: “…”" */
	k = tk->n;
	if (at->ent < 0 && k >= 2 && tk->v[k - 1].kind == T_PUNCT && tk->v[k - 1].c == ':' &&
	    tk->v[k - 2].kind == T_WORD && (at2.ent = qdoc_ent_ending(d, tk->v[k - 2].b, floor)) >= 0 &&
	    d->e[at2.ent].person)
		qattr_ent(at, d, at2.ent);
	/*
	 * A label: "Ann Fry: “…”", "Ann Fry, CBC News: “…”", "Ann Fry is
	 * blunt: “…”": a short clause with no reporting verb that opens
	 * with a person.
	 */
	if (at->ent < 0 && !at->verb && k >= 2 && k <= 9 && tk->v[k - 1].kind == T_PUNCT &&
	    tk->v[k - 1].c == ':' && tk->v[0].kind == T_WORD &&
	    (at2.ent = qdoc_ent_starting(d, tk->v[0].a, tk->v[0].b)) >= 0 &&
	    d->e[at2.ent].cs == tk->v[0].a && d->e[at2.ent].person)
		qattr_ent(at, d, at2.ent);
	if (at->ent < 0) {
		attr_after(sc, g, &at2);
		if (at2.ent >= 0 || (!at->verb && at2.verb))
			*at = at2;
	}
}

/*
 * The speaker's id (an offset in d->pool, or -1) of quotation qi, in
 * record rec, when the patterns found at: theirs, else the speaker of
 * the quotation just before, else one in the sentence before.
 */
/*
 * Is record r an aside between a speaker and the words: a short line
 * that is no sentence ("Read more: …", "Photo: Getty", a byline), with
 * no quotation, ending in no point?
 */
static int
aside(const struct qdoc *d, size_t r)
{
	size_t i, e = d->r[r].ce;

	if (e - d->r[r].cs > 100)
		return 0;
	while (e > d->r[r].cs && is_space(d->t[e - 1]))
		e--;
	if (e == d->r[r].cs || d->t[e - 1] == '.' || d->t[e - 1] == '?' || d->t[e - 1] == '!' ||
	    d->t[e - 1] == '"' || d->t[e - 1] == 0x201D)
		return 0;
	for (i = d->r[r].cs; i < e; i++)
		if (d->in[i])
			return 0;
	return 1;
}

/* The longest record read whole as the sentence before a quotation, in code points. */
#define MAXSENT 4000

/*
 * Record r has no quotation and names no person, or has the speaker as
 * its subject: a sentence a speaker's words may float past.
 */
static int
plain(struct scan *sc, size_t r)
{
	const struct qdoc *d = sc->d;
	size_t i;

	if (d->r[r].ce - d->r[r].cs > MAXSENT)
		return 0;	/* no sentence: a look a quotation must not repeat */
	for (i = d->r[r].cs; i < d->r[r].ce; i++)
		if (d->in[i])
			return 0;
	for (i = qdoc_ent_from(d, d->r[r].cs); i < d->ne && d->e[i].cs < d->r[r].ce; i++)
		if (d->e[i].person)	/* unless the speaker goes on as its subject: "But he met X" */
			return qwho_pron_subject(sc, r, LX_PRON | LX_MALE) ||
			    qwho_pron_subject(sc, r, LX_PRON | LX_FEMALE);
	return 1;
}

/* The subject of a reporting verb in record r, which holds no quotation, into at. */
static int
indirect(struct scan *sc, size_t r, struct attr *at)
{
	struct qdoc *d = sc->d;
	const struct qrec *pr = &d->r[r];
	struct attr pa;
	size_t i;

	if (pr->ce - pr->cs > MAXSENT)
		return -1;
	for (i = pr->cs; i < pr->ce; i++)
		if (d->in[i])
			return -1;
	qtok_split(d, sc->l, pr->cs, pr->ce, &sc->tk, 400);
	attr_in(sc, &sc->tk, 0, sc->tk.n, pr->cs, pr->ce, &pa);
	if (pa.ent < 0)
		return -1;
	at->ent = pa.ent;
	at->ms = pa.ms;
	at->me = pa.me;
	return 0;
}

/*
 * The speaker's id (an offset in d->pool, or -1) of quotation qi, in
 * record rec, when the patterns found at: theirs, else the speaker of
 * the quotation just before, else one in the sentence before.  Either
 * may lie past one sentence that names no person ("“…,” X told the
 * BBC. The show featured the year's products. “…”").
 */
static long long
speaker_id(struct scan *sc, size_t qi, size_t rec, int start, struct attr *at)
{
	struct qdoc *d = sc->d;
	/* past one plain sentence: looked at only where it matters */
#define PAST() (start && !at->verb && rec > 1 && \
    (d->r[rec - 1].para == d->r[rec].para || d->r[rec - 1].para == d->r[rec - 2].para) && \
    plain(sc, rec - 1))

	size_t eff = rec;

	if (at->ent >= 0 || at->known)
		return at->ent >= 0 ? (long long)d->e[at->ent].id : -1;
	/* a caption, "Read more" line or byline between is passed over */
	while (eff > 0 && rec - eff < 2 && aside(d, eff - 1))
		eff--;
	if (qi > 0) {
		/*
		 * A floating quotation, or one after ", adding": the speaker
		 * of the quotation just before.
		 */
		struct quote *p = &d->q[qi - 1];
		size_t prevrec = qdoc_rec(d, p->cm);
		if ((p->speaker >= 0 || p->me > p->ms) &&
		    (prevrec == rec || (!at->verb && prevrec + 1 >= eff) ||
		     (prevrec + 2 == rec && PAST()))) {
			at->ms = p->ms;
			at->me = p->me;
			at->id2p1 = p->speaker2 + 1;
			return p->speaker;
		}
	}
	if (start && eff > 0 && !at->verb) {
		/* A speaker in the sentence before: "Turk said in October:" */
		if (indirect(sc, eff - 1, at) < 0 && eff == rec && PAST())
			indirect(sc, rec - 2, at);
	}
#undef PAST
	return at->ent >= 0 ? (long long)d->e[at->ent].id : -1;
}

/* The speaker's id of at: its entity's, or the raw name added to the pool. */
static long long
raw_id(struct scan *sc, long long id, const struct attr *at)
{
	struct qdoc *d = sc->d;

	if (id >= 0 || !at->raw || at->ent >= 0 || at->me <= at->ms)
		return id;
	id = (long long)d->pool.len;
	qdoc_utf8(d, at->ms, at->me, &d->pool);
	buf_addc(&d->pool, '\0');
	return id;
}

/*
 * Does a reporting verb end just before pos ("saying “It …”")?  2 if
 * it is "told", whose object is who heard it ("told “Meet the Press”").
 */
static int
verb_before(struct scan *sc, size_t floor, size_t pos)
{
	const struct qdoc *d = sc->d;
	size_t j, i;
	char w[24];

	for (j = pos; j > floor && is_space(d->t[j - 1]); j--)
		;
	for (i = j; i > floor && j - i < sizeof w - 1 && d->t[i - 1] < 0x80 && is_alnum(d->t[i - 1]); i--)
		;
	if (i == j || j - i >= sizeof w - 1 || (i > floor && is_alnum(d->t[i - 1])))
		return 0;
	for (pos = i; pos < j; pos++)
		w[pos - i] = lower(d->t[pos]);
	w[j - i] = '\0';
	if (!(qlex_get(sc->l, w) & LX_VERB))
		return 0;
	return strcmp(w, "told") == 0 || strcmp(w, "tell") == 0 || strcmp(w, "tells") == 0 ? 2 : 1;
}

/*
 * Does quotation g, piece qi, go on with the sentence of the one before,
 * which ended in a comma: "“We know,” she said, “and we will act.”"?
 */
static int
resumed(const struct qdoc *d, const struct quote *g, size_t qi)
{
	const struct quote *p;
	size_t j;

	if (qi == 0)
		return 0;
	p = &d->q[qi - 1];
	if (!p->closed || p->e <= p->s || d->t[p->e - 1] != ',' || g->om < p->cm + 4 ||
	    g->om - p->cm > 80)
		return 0;
	for (j = g->om; j > p->cm + 1 && is_space(d->t[j - 1]); j--)
		;
	if (d->t[j - 1] != ',')
		return 0;
	for (j = p->cm + 1; j < g->om; j++)
		if (d->in[j] || d->t[j] == '!' || d->t[j] == '?' || d->t[j] == ';' || d->t[j] == '\n')
			return 0;
	return 1;
}

/*
 * Gives pieces qi..last, together g, their speaker, verb and kind, and
 * notes the speaker for the pronouns that follow.
 */
static void
mark(struct scan *sc, const struct quote *g, size_t qi, size_t last, size_t floor, int start,
    long long speaker, const struct attr *at)
{
	struct qdoc *d = sc->d;
	struct quote *q;
	int words, full, report, vb = 0;
	uint32_t first = 0;
	size_t k;

	for (k = g->s; k < g->e; k++)
		if (is_alnum(d->t[k])) {
			first = d->t[k];
			break;
		}
	full = start || (first && is_upper(first) && g->om > floor &&
	    (d->t[g->om - 1] == ':' || d->t[g->om - 1] == ',' ||
	     (is_space(d->t[g->om - 1]) && g->om > floor + 1 &&
	      (d->t[g->om - 2] == ':' || d->t[g->om - 2] == ',' || (vb = verb_before(sc, floor, g->om))))));
	if (!full && resumed(d, g, qi))
		full = 1;
	/* "Gallo told “Fox News Sunday” that": the show he told, no words of his */
	if (vb == 2 && last == qi && title_case(d, g, NULL))
		full = 0;
	if ((speaker >= 0 || at->me > at->ms) && at->verb && full)
		report = 1;	/* said by someone: a quotation, however short or capitalised */
	else if (speaker >= 0 || at->verb)	/* the count of words is not wanted */
		report = !(last == qi && title_case(d, g, NULL));
	else if (title_case(d, g, &words) && last == qi)
		report = 0;
	else
		report = words >= 4 || (full && words >= 2 && first && is_upper(first));
	for (k = qi; k <= last; k++) {
		q = &d->q[k];
		q->speaker = speaker;
		q->speaker2 = at->ent2 > 0 ? (long long)d->e[at->ent2].id : at->id2p1 - 1;
		q->ms = at->ms;
		q->me = at->me;
		if (at->verb)
			memcpy(q->verb, at->vkey, sizeof q->verb);
		q->full = full || k > qi;
		q->report = report;
	}
	if (at->ent >= 0) {
		sc->last = at->ent;
		sc->lastrec = qdoc_rec(d, g->cm);
		GROW(sc->spk, sc->nspk, sc->spkcap, sc->nspk + 1);
		sc->spk[sc->nspk++] = at->ent;
	}
}

/*
 * Attributes the quotation made of pieces qi..last (one piece, or one a
 * paragraph when it runs over several): the words before its first
 * piece and after its last one are read.
 */
void
qattr_quote(struct scan *sc, size_t qi, size_t last)
{
	struct qdoc *d = sc->d;
	struct quote g = d->q[qi];
	size_t rec = qdoc_rec(d, g.om), floor = d->r[rec].cs;
	struct attr at;
	int start;

	g.e = d->q[last].e;
	g.cm = d->q[last].cm;
	g.closed = d->q[last].closed;
	sentence_start(sc, g.om, &floor);
	start = at_start(d, floor, g.om);
	patterns(sc, &g, floor, start, &at);
	mark(sc, &g, qi, last, floor, start, raw_id(sc, speaker_id(sc, qi, rec, start, &at), &at), &at);
}
