/*
 * tag-entities-link: the mentions of a document, typed and linked.
 * Names with no evidence get a type from their shape; people are linked
 * longest name first, so Jones takes the id of Aaliyah Jones; a name
 * typed with evidence keeps its type in the document; an acronym takes
 * the id of the long form it follows.  The document itself is made,
 * emptied and read out here.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tag-entities-priv.h"
#include "util.h"

struct doc *
doc_new(const struct lex *x)
{
	struct doc *d = xcalloc(1, sizeof *d);

	d->x = x;
	d->lc = xcalloc(LC_SIZE, sizeof *d->lc);
	return d;
}

void
doc_reset(struct doc *d)
{
	buf_reset(&d->txt);
	buf_reset(&d->fb);
	buf_reset(&d->ids);
	d->nr = d->nm = d->np = d->npl = 0;
	map_clear(&d->known);
	map_clear(&d->parts);
	map_clear(&d->oparts);
	map_clear(&d->oheads);
	map_clear(&d->oshort);
	map_clear(&d->oinit);
	map_clear(&d->teams);
}

void
doc_free(struct doc *d)
{
	if (!d)
		return;
	buf_free(&d->txt);
	buf_free(&d->fb);
	buf_free(&d->ids);
	buf_free(&d->key);
	free(d->tv.t);
	free(d->r);
	free(d->m);
	free(d->p);
	map_free(&d->known);
	map_free(&d->parts);
	map_free(&d->oparts);
	map_free(&d->oheads);
	map_free(&d->oshort);
	map_free(&d->oinit);
	map_free(&d->teams);
	free(d->out);
	free(d->ord);
	free(d->pl);
	free(d->lc);
	free(d);
}

static const char *
ment_id(const struct doc *d, const struct ment *m)
{
	return m->idsrc ? d->ids.s + m->id : d->x->arena.s + m->id;
}

static void
own_id(struct doc *d, struct ment *m)
{
	const struct rec *r = &d->r[m->rec];

	m->idsrc = 1;
	m->id = (uint32_t)d->ids.len;
	fold_marks(&d->ids, d->txt.s + r->to + m->bs, m->be - m->bs);
	buf_addc(&d->ids, '\0');
}

/* Do all the words of key k occur in key p? */
static int
words_in(const char *k, size_t kl, const char *p, size_t pl)
{
	size_t i = 0, j, wl, x;

	while (i < kl) {
		for (j = i; j < kl && k[j] != ' '; j++)
			;
		wl = j - i;
		for (x = 0; x + wl <= pl; x++) {
			if ((x == 0 || p[x - 1] == ' ') && (x + wl == pl || p[x + wl] == ' ') &&
			    memcmp(p + x, k + i, wl) == 0)
				break;
		}
		if (x + wl > pl)
			return 0;
		i = j + 1;
	}
	return 1;
}

#define PCHAIN 16	/* the people looked at for one word */

/* The people chained to word k[0..n), or -1. */
static int32_t
parts_head(struct doc *d, const char *k, size_t n)
{
	const struct slot *s = map_find(&d->parts, d->fb.s, k, n, key_hash(k, n));

	return s ? s->val : -1;
}

/*
 * The person whose name holds every word of m, and whose gender (from
 * titles) is not other than g: the first such, or -1.
 */
static int
find_person_g(struct doc *d, const struct ment *m, int g)
{
	const char *k = d->fb.s + m->ko;
	size_t i, j, wl, n;
	int32_t l;
	const struct person *p;

	/* any word of the key leads to the candidates: try the last one */
	for (i = m->kl; i > 0 && k[i - 1] != ' '; i--)
		;
	wl = m->kl - i;
	if ((l = parts_head(d, k + i, wl)) < 0) {
		if (i == 0)
			return -1;	/* one word, looked up already */
		for (j = 0; j < m->kl && k[j] != ' '; j++)
			;
		if ((l = parts_head(d, k, j)) < 0)
			return -1;
	}
	for (n = 0; l >= 0 && n < PCHAIN; l = d->pl[l].next, n++) {
		p = &d->p[d->pl[l].p];
		if ((g == G_NONE || p->gender == G_NONE || p->gender == g) &&
		    words_in(k, m->kl, d->fb.s + p->ko, p->kl))
			return d->pl[l].p;
	}
	return -1;
}

/* The person whose name holds every word of m, or -1. */
static int
find_person(struct doc *d, const struct ment *m)
{
	return find_person_g(d, m, G_NONE);
}

/* Is m the last word of person pi (Washington of George Washington)? */
static int
surname(struct doc *d, int pi, const struct ment *m)
{
	const struct person *p = &d->p[pi];

	return p->kl > m->kl && d->fb.s[p->ko + p->kl - m->kl - 1] == ' ' &&
	    memcmp(d->fb.s + p->ko + p->kl - m->kl, d->fb.s + m->ko, m->kl) == 0;
}

static void
add_person(struct doc *d, struct ment *m)
{
	struct person *p;
	const char *k = d->fb.s + m->ko;
	size_t i, j;
	int isnew;
	struct slot *s;

	if (d->np == d->pcap) {
		d->pcap = d->pcap ? d->pcap * 2 : 32;
		d->p = xrealloc(d->p, d->pcap * sizeof *d->p);
	}
	p = &d->p[d->np];
	p->ko = m->ko;
	p->kl = m->kl;
	p->strong = m->level >= L_EVID;
	p->first = (m->cue & C_FIRST) && m->ntok >= 2;
	p->gender = m->gender;
	p->mi = (uint32_t)(m - d->m);
	p->male = p->female = 0;
	if (m->idsrc == 0 && m->id != 0) {
		/* a known person keeps the canonical name */
		const char *id = d->x->arena.s + m->id;
		m->idsrc = 1;
		m->id = (uint32_t)d->ids.len;
		buf_add(&d->ids, id, strlen(id) + 1);
	} else
		own_id(d, m);
	p->id = m->id;
	for (i = 0; i < m->kl; i = j + 1) {
		for (j = i; j < m->kl && k[j] != ' '; j++)
			;
		if (j - i <= 1)
			continue;	/* an initial links nothing */
		s = map_put(&d->parts, &d->fb, m->ko + i, j - i, &isnew);
		if (d->npl == d->plcap) {
			d->plcap = d->plcap ? d->plcap * 2 : 64;
			d->pl = xrealloc(d->pl, d->plcap * sizeof *d->pl);
		}
		d->pl[d->npl].p = (int32_t)d->np;
		d->pl[d->npl].next = -1;
		if (isnew)
			s->val = (int32_t)d->npl;
		else
			d->pl[s->ent].next = (int32_t)d->npl;
		s->ent = (int32_t)d->npl++;
	}
	d->np++;
}

static void
know(struct doc *d, size_t mi)
{
	int isnew;
	struct slot *s = map_put(&d->known, &d->fb, d->m[mi].ko, d->m[mi].kl, &isnew);

	if (isnew)
		s->val = (int32_t)mi;
}

/*
 * Is the name made of common words, or does it end in one without
 * starting with a first name (Killing Joke, Bowling Green Falcons)?
 */
static int
common_words(struct doc *d, const struct ment *m)
{
	const char *k = d->fb.s + m->ko;
	size_t i, j, n = 0, w = 0;
	int last = 0, plural = 0, first = 0;
	const struct slot *s;

	for (i = 0; i < m->kl; i = j + 1) {
		for (j = i; j < m->kl && k[j] != ' ' && k[j] != '-'; j++)
			;
		s = doc_lookup(d, k + i, j - i);
		last = s && (s->val & F_WORD) && !(s->val & F_FIRST);
		plural = last && k[j - 1] == 's';
		if (n == 0)
			first = s && (s->val & F_FIRST);
		w += last;
		n++;
	}
	return w == n || plural || (last && !first);
}

static int
all_common_key(struct doc *d, const struct ment *m)
{
	const char *k = d->fb.s + m->ko;
	size_t i, j;
	const struct slot *s;

	for (i = 0; i < m->kl; i = j + 1) {
		for (j = i; j < m->kl && k[j] != ' ' && k[j] != '-'; j++)
			;
		s = doc_lookup(d, k + i, j - i);
		if (!s || !(s->val & F_WORD) || (s->val & F_FIRST))
			return 0;
	}
	return 1;
}

/* Is the first word of m a first name, no common word and no place? */
static int
first_only(struct doc *d, const struct ment *m)
{
	const char *k = d->fb.s + m->ko;
	size_t j;
	const struct slot *s;

	for (j = 0; j < m->kl && k[j] != ' ' && k[j] != '-'; j++)
		;
	s = doc_lookup(d, k, j);
	return s && (s->val & F_FIRST) && !(s->val & (F_WORD | F_MISC)) && s->ent < 0;
}

/* Does the name start with a connector: La Traviata, Le Roi de Lahore? */
static int
conn_first(struct doc *d, const struct ment *m)
{
	const char *k = d->fb.s + m->ko;
	size_t j;
	const struct slot *s;

	for (j = 0; j < m->kl && k[j] != ' '; j++)
		;
	s = j < m->kl ? doc_lookup(d, k, j) : NULL;
	return s && (s->val & F_CONN);
}

/* Is the first word of m in capitals only (FC, AC)? */
static int
head_caps(const struct doc *d, const struct ment *m)
{
	const char *s = d->txt.s + d->r[m->rec].to + m->bs;
	size_t i, n = m->be - m->bs;

	for (i = 0; i < n && s[i] != ' '; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return i >= 2 && i < n;
}

/*
 * Does m follow a possessive (Bellini's Norma), or have a quotation
 * mark next to it, a blank apart at most (Antonio "LA" Reid)?  Then a
 * first name alone may be a work's title or part of a name.
 */
static int
work_by(const struct doc *d, const struct ment *m)
{
	const struct rec *r = &d->r[m->rec];
	const unsigned char *s = (const unsigned char *)d->txt.s + r->to;
	size_t i = m->bs, e = m->be, n = r->tl;

	if ((i >= 3 && memcmp(s + i - 3, "'s ", 3) == 0) ||
	    (i >= 5 && memcmp(s + i - 5, "\xe2\x80\x99s ", 5) == 0))
		return 1;
	if (i > 0 && s[i - 1] == ' ')
		i--;
	if (e < n && s[e] == ' ')
		e++;
	return (i > 0 && (s[i - 1] == '"' || s[i - 1] == '\'')) || (i >= 3 &&
	    s[i - 3] == 0xe2 && s[i - 2] == 0x80 && s[i - 1] >= 0x98 && s[i - 1] <= 0x9d) ||
	    (e < n && (s[e] == '"' || (e + 2 < n && s[e] == 0xe2 && s[e + 1] == 0x80 &&
	    s[e + 2] >= 0x9c && s[e + 2] <= 0x9d)));
}

/*
 * No evidence: a guess from the shape, for names of two words or more,
 * and for a first name alone in a record with no sports word.
 */
static void
guess_type(struct doc *d, struct ment *m)
{
	if (m->ntok == 1) {
		/* a lone unknown word: only a place by its ending or its neighbours */
		if (!m->init && !m->allcap && (m->cue & (C_GPEAFTER | C_PLSUF)) &&
		    !all_common_key(d, m)) {
			m->type = T_GPE;
			m->level = L_WEAK;
		} else if (!m->allcap && !(m->cue & (C_THE | C_PLACE)) &&
		    (m->cue & C_FIRST) && !d->r[m->rec].sport && !work_by(d, m) &&
		    first_only(d, m)) {
			/*
			 * Hayley, Stan: a first name alone is someone's, but in
			 * sports text (Chelsea), after a name's possessive
			 * (Bellini's Norma) or by a quotation mark
			 */
			m->type = T_PERSON;
			m->level = L_WEAK;
		}
		return;
	}
	if ((m->team & TM_HEAD) && head_caps(d, m)) {
		/* FC Tolosa, AC Kessel: a club's abbreviation, sports text or not */
		m->type = T_ORG;
		m->level = L_WEAK;
		return;
	}
	if ((m->cue & C_HYPH) && !(m->cue & (C_GPEAFTER | C_PLACE | C_PLSUF))) {
		/* Roc-A-Fella, Alfa-Eco, Run-DMC: a label, a firm, a band */
		m->type = T_ORG;
		m->level = L_WEAK;
		return;
	}
	if (all_common_key(d, m)) {
		/* the White Eagles, the Silver Hawks: a team, a band */
		if ((m->cue & C_THE) && d->fb.s[m->ko + m->kl - 1] == 's') {
			m->type = T_ORG;
			m->level = L_WEAK;
		}
		return;
	}
	if (m->cue & C_GPEAFTER)
		m->type = T_GPE;	/* Glen Echo, Maryland */
	else if (conn_first(d, m))
		/* La Traviata, La Scala, Le Roi de Lahore: a work or a house, no person */
		m->type = -1;
	else if ((m->cue & (C_FIRST | C_THE)) == (C_FIRST | C_THE))
		m->type = T_ORG;	/* the Stanley Casino, the Orlando Sentinel: no one takes the */
	else if (m->cue & C_FIRST)
		/* Jeremy Irons, Kate Rivers: a first name and a surname */
		m->type = m->ntok <= 3 && (!common_words(d, m) || (m->ntok == 2 &&
		    first_only(d, m))) ? T_PERSON : T_ORG;
	else if (m->cue & (C_PLACE | C_PLSUF))
		m->type = T_GPE;
	else if (m->cue & (C_THE | C_WORD1))
		m->type = -1;	/* the Silver Lining, Royal Velvet: no person */
	else
		m->type = m->ntok <= 3 && !common_words(d, m) ? T_PERSON : T_ORG;
	if (m->type < 0)
		return;
	m->level = L_WEAK;
}

/*
 * A name of several words with no evidence that an acronym in
 * parentheses follows is an organisation: National Federation Party (NFP)
 */
static void
acronym_orgs(struct doc *d)
{
	struct ment *m, *l;
	size_t i;

	for (i = 0; i < d->nm; i++) {
		m = &d->m[i];
		if (m->def < 0)
			continue;
		l = &d->m[m->def];
		if (l->head || l->ntok < 2 || l->level > L_WEAK || (l->type >= 0 &&
		    l->type != T_PERSON) || (l->cue & C_FIRST))
			continue;
		l->type = T_ORG;
		l->level = L_EVID;
	}
}

/*
 * The surnames alone with a title (Mr Howard, Mrs Howard), mentions
 * ord[i0..n): each person they point to takes the gender most of them
 * give, so that the others are someone else.
 */
static void
gender_votes(struct doc *d, size_t i0, size_t n)
{
	struct person *p;
	struct ment *m;
	size_t i;
	int pi;

	for (i = i0; i < n; i++) {
		m = &d->m[d->ord[i]];
		if (m->gender == G_NONE || (pi = find_person(d, m)) < 0)
			continue;
		if (m->gender == G_MALE)
			d->p[pi].male++;
		else
			d->p[pi].female++;
	}
	for (i = 0; i < d->np; i++) {
		p = &d->p[i];
		if (p->gender == G_NONE && p->male != p->female)
			p->gender = p->male > p->female ? G_MALE : G_FEMALE;
	}
}

/* People, longest names first: shorter forms link to them. */
static void
link_people(struct doc *d)
{
	struct ment *m;
	size_t i, j, nt, *start;
	int pi;

	/* the people's mentions in buckets by length, longest first */
	for (i = 0, nt = 1; i < d->nm; i++)
		if (d->m[i].ntok > nt)
			nt = d->m[i].ntok;
	start = xcalloc(nt + 2, sizeof *start);
	for (i = 0, j = 0; i < d->nm; i++) {
		m = &d->m[i];
		if (m->type != T_PERSON || m->level < L_WEAK || (m->head && m->level < L_TITLE))
			continue;
		start[nt - m->ntok + 1]++;
		j++;
	}
	for (i = 1; i <= nt + 1; i++)
		start[i] += start[i - 1];
	if (j > d->ordcap) {
		d->ordcap = j;
		d->ord = xrealloc(d->ord, j * sizeof *d->ord);
	}
	for (i = 0; i < d->nm; i++) {
		m = &d->m[i];
		if (m->type != T_PERSON || m->level < L_WEAK || (m->head && m->level < L_TITLE))
			continue;
		d->ord[start[nt - m->ntok]++] = (uint32_t)i;
	}
	free(start);
	for (i = 0; i < j; i++) {
		m = &d->m[d->ord[i]];
		if (m->ntok == 1 && (i == 0 || d->m[d->ord[i - 1]].ntok > 1))
			gender_votes(d, i, j);
		if ((pi = find_person_g(d, m, m->gender)) >= 0) {
			if (d->p[pi].gender == G_NONE)
				d->p[pi].gender = m->gender;
			m->idsrc = 1;
			m->id = d->p[pi].id;
		} else if (m->ntok >= 2 || m->level == L_TITLE) {
			add_person(d, m);
		} else if (m->gender != G_NONE) {
			add_person(d, m);	/* Mrs Howard, not Michael Howard */
		} else if (m->idsrc == 1 || m->id == 0) {
			own_id(d, m);
		}
	}
}

/* A name typed with evidence keeps its type in the document. */
static void
know_typed(struct doc *d)
{
	struct ment *m;
	size_t i, lvl;

	for (lvl = L_TITLE; lvl >= L_EVID; lvl--)
		for (i = 0; i < d->nm; i++) {
			m = &d->m[i];
			if (m->level != lvl || m->type < 0 || (m->head && lvl < L_GAZ))
				continue;
			if (m->idsrc == 0 && m->id == 0)
				own_id(d, m);
			know(d, i);
		}
}

/* Takes type and id of mention o. */
static void
same_as(struct ment *m, const struct ment *o)
{
	m->type = o->type;
	m->idsrc = o->idsrc;
	m->id = o->id;
}

/* Is m a common word alone at a sentence start, with no evidence? */
static int
init_common(struct doc *d, const struct ment *m)
{
	return m->init && m->ntok == 1 && m->level == L_NONE && !m->allcap &&
	    all_common_key(d, m);
}

/*
 * Mention i, not known from the lexicon: an acronym, a name typed
 * before, a part of a person's name, or a name on its own evidence;
 * else dropped.
 */
static void
link_one(struct doc *d, size_t i)
{
	struct ment *m = &d->m[i];
	const struct slot *s;
	int pi;

	if (m->def >= 0 && !d->m[m->def].drop && d->m[m->def].type >= 0) {
		/* an acronym takes the id of the long form before it */
		same_as(m, &d->m[m->def]);
		m->level = L_GAZ;
		know(d, i);
		return;
	}
	/*
	 * Ford after Doug Ford: a person named in full before the name
	 * first came (the known map holds its first mention) wins over a
	 * company of the lexicon, but for Ford shares
	 */
	if (m->level == L_GAZ && m->type == T_ORG && m->ntok == 1 && !m->corp &&
	    (pi = find_person(d, m)) >= 0 && d->p[pi].strong && d->p[pi].first &&
	    surname(d, pi, m) && (s = map_find(&d->known, d->fb.s, d->fb.s + m->ko,
	    m->kl, key_hash(d->fb.s + m->ko, m->kl))) != NULL &&
	    (size_t)s->val > d->p[pi].mi && !d->m[d->p[pi].mi].head &&
	    !(d->m[d->p[pi].mi].rec == 0 && d->m[d->p[pi].mi].ti == 0)) {
		m->type = T_PERSON;
		m->idsrc = 1;
		m->id = d->p[pi].id;
		return;
	}
	if (m->level >= L_GAZ)
		return;
	if (init_common(d, m)) {
		/* Butler led: only as the surname of a person named in full */
		if ((pi = find_person(d, m)) >= 0 && (d->p[pi].strong || d->p[pi].first) &&
		    surname(d, pi, m)) {
			m->type = T_PERSON;
			m->idsrc = 1;
			m->id = d->p[pi].id;
		} else
			m->drop = 1;
		return;
	}
	s = map_find(&d->known, d->fb.s, d->fb.s + m->ko, m->kl,
	    key_hash(d->fb.s + m->ko, m->kl));
	if (s) {
		if ((size_t)s->val != i)
			same_as(m, &d->m[s->val]);
		return;
	}
	if (m->type != T_PERSON && (pi = find_person(d, m)) >= 0 &&
	    !(m->level == L_EVID && m->type != T_GPE) &&
	    (d->p[pi].strong || (m->level == L_NONE && !common_words(d, m)) ||
	    (d->p[pi].first && surname(d, pi, m))) &&
	    (m->id == 0 || surname(d, pi, m))) {
		m->type = T_PERSON;
		m->idsrc = 1;
		m->id = d->p[pi].id;
		return;
	}
	if (m->level >= L_WEAK && m->type >= 0) {
		if (m->idsrc == 0 && m->id == 0)
			own_id(d, m);
		if (m->type != T_PERSON)
			know(d, i);
		return;
	}
	m->drop = 1;
}

/* Is "the" just before m in its text: the League? */
static int
the_before_text(const struct doc *d, const struct ment *m)
{
	const char *s = d->txt.s + d->r[m->rec].to + m->bs;

	return m->bs >= 4 && (memcmp(s - 4, "the ", 4) == 0 || memcmp(s - 4, "The ", 4) == 0) &&
	    (m->bs == 4 || s[-5] == ' ' || s[-5] == '"' || s[-5] == '(');
}

/*
 * An organisation's word of its name (League, Party, Commission) alone
 * after "the", where the document named such a body before: that body.
 * One pass, indexed by word: the latest body with it wins.
 */
static void
org_heads(struct doc *d)
{
	const struct slot *s;
	struct slot *sl;
	struct ment *m;
	const char *k;
	size_t i, j, e;
	int isnew;

	for (i = 0; i < d->nm; i++) {
		m = &d->m[i];
		if (m->drop || m->type != T_ORG || m->ntok < 2 || m->head) {
			if (m->drop && m->ntok == 1 && m->level == L_NONE && !m->head &&
			    d->oheads.n && the_before_text(d, m) &&
			    (s = map_find(&d->oheads, d->fb.s, d->fb.s + m->ko, m->kl,
			    key_hash(d->fb.s + m->ko, m->kl))) != NULL) {
				m->drop = 0;
				same_as(m, &d->m[s->val]);
			}
			continue;
		}
		k = d->fb.s + m->ko;
		for (j = 0; j < m->kl; j = e + 1) {
			for (e = j; e < m->kl && k[e] != ' '; e++)
				;
			s = doc_lookup(d, k + j, e - j);
			if (!s || !(s->val & (F_ORGW | F_ORGHEAD)) ||
			    (s->val & (F_GPEW | F_LOCW | F_FIRST)))
				continue;
			sl = map_put(&d->oheads, &d->fb, m->ko + j, e - j, &isnew);
			sl->val = (int32_t)i;
		}
	}
}

/* A lone word that ends an organisation's name: the Bruins. */
static void
org_parts(struct doc *d)
{
	const struct slot *s;
	struct slot *sl;
	struct ment *m;
	const char *k;
	size_t i, j;
	int isnew;

	for (i = 0; i < d->nm; i++) {
		m = &d->m[i];
		if (m->drop || m->type != T_ORG || m->ntok < 2)
			continue;
		k = d->fb.s + m->ko;
		for (j = m->kl; j > 0 && k[j - 1] != ' '; j--)
			;
		if (m->kl - j <= 2)
			continue;
		s = doc_lookup(d, k + j, m->kl - j);
		if (s && (s->val & (F_WORD | F_ORGW | F_FIRST)))
			continue;
		sl = map_put(&d->oparts, &d->fb, m->ko + j, m->kl - j, &isnew);
		if (isnew)
			sl->val = (int32_t)i;
	}
	for (i = 0; i < d->nm && d->oparts.n; i++) {
		m = &d->m[i];
		if (!m->drop || m->level != L_NONE || m->ntok != 1 || m->head ||
		    init_common(d, m))
			continue;
		s = map_find(&d->oparts, d->fb.s, d->fb.s + m->ko, m->kl,
		    key_hash(d->fb.s + m->ko, m->kl));
		if (!s)
			continue;
		m->drop = 0;
		same_as(m, &d->m[s->val]);
		m->type = T_ORG;
	}
}

/*
 * A short form after the full name: Multiplex after Multiplex Group,
 * Kessel after Kessel Records Ltd.  The full name ends in one word or
 * two of an organisation that start none (Group, Ltd, Records: not
 * University, Party); what is left must be no first name, title or
 * known name (a common word may be: Multiplex).  A mention of it alone, typed by no gazetteer, title
 * or evidence of a person, and no place, is the organisation; a
 * common word only within SHORT_RECS records of the full name.  One
 * pass, indexed by key: linear.
 */
#define SHORT_RECS 30	/* about an article's sentences */

/*
 * The full name whose short form m is, indexed before it, or -1.  A
 * common word (Multiplex) counts only within SHORT_RECS records of it.
 */
static int32_t
short_of(struct doc *d, const struct ment *m)
{
	const struct slot *s;

	if (m->head || !(m->drop || m->type < 0 || (m->level < L_GAZ &&
	    (m->type == T_ORG || (m->type == T_PERSON && m->level < L_EVID)))))
		return -1;
	s = map_find(&d->oshort, d->fb.s, d->fb.s + m->ko, m->kl,
	    key_hash(d->fb.s + m->ko, m->kl));
	if (!s)
		return -1;
	if (m->rec > d->m[s->val].rec + SHORT_RECS) {
		const struct slot *w = doc_lookup(d, d->fb.s + m->ko, m->kl);
		if (w && (w->val & F_WORD))
			return -1;
	}
	return s->val;
}

static void
org_short(struct doc *d)
{
	const struct slot *s;
	struct slot *sl;
	struct ment *m;
	const char *k;
	size_t i, j, n;
	int32_t o;
	int isnew;

	/* one pass: a full name indexes its short form for what follows */
	for (i = 0; i < d->nm; i++) {
		m = &d->m[i];
		if (d->oshort.n && (o = short_of(d, m)) >= 0) {
			m->drop = 0;
			same_as(m, &d->m[o]);
			m->level = L_GAZ;
			continue;
		}
		if (m->drop || m->type != T_ORG || m->ntok < 2 || m->level < L_EVID)
			continue;
		k = d->fb.s + m->ko;
		/* up to two such words off the end */
		for (j = m->kl, n = 0; n < 2; n++) {
			size_t e = j;
			while (j > 0 && k[j - 1] != ' ')
				j--;
			if (j == 0) {
				j = e;	/* the first word stays */
				break;
			}
			s = doc_lookup(d, k + j, e - j);
			if (!s || !(s->val & F_ORGW) || (s->val & F_ORGHEAD)) {
				j = e;
				break;
			}
			j--;	/* the blank */
		}
		if (j == m->kl || j == 0)
			continue;
		s = doc_lookup(d, k, j);
		if (s && (s->val & (F_ENT | F_FIRST | F_ORGW | F_GPEW | F_LOCW |
		    F_NOTNAME | F_TITLE | F_HONOR)))
			continue;
		sl = map_put(&d->oshort, &d->fb, m->ko, (uint32_t)j, &isnew);
		sl->val = (int32_t)i;	/* the latest full name */
	}
}

/*
 * An acronym of an organisation's full name with no parentheses between
 * them, before or after it in the document: KVA and Kessel Valley
 * Authority, the initials of its words but connectors (of, the, and).
 * Two passes, indexed by the initials; an acronym a gazetteer knows
 * keeps its own.
 */
static void
org_initials(struct doc *d)
{
	const struct slot *s;
	struct slot *sl;
	struct ment *m;
	size_t i, j, e, n, o;
	int isnew;

	for (i = 0; i < d->nm; i++) {
		m = &d->m[i];
		if (m->drop || m->type != T_ORG || m->ntok < 2 || m->ntok > 6 ||
		    m->level < L_EVID)
			continue;
		o = d->fb.len;
		for (j = 0, n = 0; j < m->kl; j = e + 1) {
			for (e = j; e < m->kl && d->fb.s[m->ko + e] != ' ' &&
			    d->fb.s[m->ko + e] != '-'; e++)
				;
			s = doc_lookup(d, d->fb.s + m->ko + j, e - j);
			if (s && (s->val & F_CONN))
				continue;
			if ((unsigned char)d->fb.s[m->ko + j] >= 0x80)
				break;	/* no initials of other letters */
			buf_addc(&d->fb, d->fb.s[m->ko + j]);
			n++;
		}
		if (j < m->kl || n < 2) {
			d->fb.len = o;
			continue;
		}
		sl = map_put(&d->oinit, &d->fb, o, n, &isnew);
		if (isnew)
			sl->val = (int32_t)i;	/* the first full name */
		else
			d->fb.len = o;
	}
	/* then the acronyms, before or after it: ISG ... International Steel Group */
	for (i = 0; i < d->nm && d->oinit.n; i++) {
		m = &d->m[i];
		if (m->allcap && !m->drop && m->kl >= 2 && m->kl <= 6 &&
		    (m->type < 0 || (m->type == T_ORG && m->level < L_GAZ)) && m->def < 0 &&
		    (s = map_find(&d->oinit, d->fb.s, d->fb.s + m->ko, m->kl,
		    key_hash(d->fb.s + m->ko, m->kl))) != NULL) {
			same_as(m, &d->m[s->val]);
			m->level = L_GAZ;
		}
	}
}

/* Its id: the place's and " team" (England team), or its own words. */
static void
team_id(struct doc *d, struct ment *m)
{
	const char *id;

	if (m->idsrc == 0 && m->id != 0) {
		id = d->x->arena.s + m->id;
		m->idsrc = 1;
		m->id = (uint32_t)d->ids.len;
		buf_adds(&d->ids, id);
		buf_adds(&d->ids, " team");
		buf_addc(&d->ids, '\0');
	} else
		own_id(d, m);
}

/* Does key k end in a contraction: I'll, We've? */
static int
contraction(const char *k, size_t n)
{
	size_t i;

	for (i = n; i > 0 && n - i <= 2 && k[i - 1] != '\''; i--)
		;
	return i > 1 && k[i - 1] == '\'' && n - i >= 1 && n - i <= 2 && k[i] != 's';
}

/*
 * Is mention i a club named by its town, or by a name of its own?  In
 * sports text, a score after it (Brackley 2 Dunmore 1), a plural verb,
 * a team's verb or noun after it or "against" before it say so for a
 * town, a city or a name no gazetteer knows; a name of several words
 * that starts like a club's (Real Tolosa) needs one of them.  A name no
 * gazetteer knows must start a results line to take a score, and must
 * be no common word, no plural, and no person's name.  A country's name
 * stays GPE, the national side's too (lede(7)).
 */
static int
is_team(struct doc *d, size_t i)
{
	struct ment *m = &d->m[i];
	uint8_t tm = m->team;
	const struct slot *s;
	int place = m->type == T_GPE && (m->level < L_GAZ || ((tm & TM_SCORE) &&
	    (s = doc_lookup(d, d->fb.s + m->ko, m->kl)) != NULL &&
	    ((uint32_t)s->val & F_SIDE)));
	int unknown = m->type < 0 || (m->type == T_PERSON && m->level <= L_WEAK &&
	    (tm & TM_HEAD));
	int plural = d->fb.s[m->ko + m->kl - 1] == 's';

	/* Newcastle 's Alan Shearer, Ronaldo ( Barcelona ): m->posside */
	if ((!tm && !(m->cue & C_THE) && !m->posside) || m->head ||
	    ((tm & TM_POSS) && !m->posside) || (!place && !unknown) ||
	    ((m->cue & C_PLACE) && !(tm & TM_FOR)))
		return 0;
	if (place && !tm && !m->posside)
		return 0;
	if (place)
		return (tm & (TM_SCORE | TM_VERB | TM_NOUN | TM_BEFORE)) || m->posside ||
		    ((tm & TM_PLURAL) && !plural);
	/* the Lions, the Blues: a side's nickname */
	if (m->ntok == 1 && plural && (m->cue & C_THE) && !(m->cue & C_OFTHE) && !m->init &&
	    !m->allcap && m->kl > 4 && all_common_key(d, m) &&
	    !(doc_lookup(d, d->fb.s + m->ko, m->kl)->val & F_MISC))
		return 1;
	/* Bury 1 Reading 0: a common word in a results line is a club too */
	/* Deportivo Coruna 1: a club's head and a cue, though taken for a person */
	if (m->ntok >= 2 && (tm & TM_HEAD) && (tm & (TM_SCORE | TM_VERB | TM_PLURAL |
	    TM_BEFORE | TM_FOR)) && m->type == T_PERSON)
		return 1;
	if (m->allcap || (all_common_key(d, m) && !(m->rline && m->ntok == 1)) ||
	    find_person(d, m) >= 0 ||
	    contraction(d->fb.s + m->ko, m->kl))
		return 0;
	if (m->ntok >= 2 && (tm & TM_HEAD))
		return 1;
	if (plural)
		return 0;
	/* played for Coburg: a team's verb and "for" name a side too */
	return (tm & (TM_SCORE | TM_PLURAL)) || m->posside == PS_POSS ||
	    ((tm & TM_FOR) && !(m->cue & C_FIRST));
}

/*
 * Clubs: ORG with an id of their own (a town's name and " team").
 * Only in sports text (sport_text).  Other mentions of a club's name
 * there with no place cue before them (in, from) are the club too.
 */
static void
teams(struct doc *d, const char *sport)
{
	struct slot *s;
	struct ment *m;
	size_t i;
	int isnew;

	for (i = 0; i < d->nm; i++) {
		if (!sport[d->m[i].rec] || !is_team(d, i))
			continue;
		m = &d->m[i];
		m->type = T_ORG;
		m->level = L_GAZ;
		m->drop = 0;
		team_id(d, m);
		s = map_put(&d->teams, &d->fb, m->ko, m->kl, &isnew);
		if (isnew)
			s->val = (int32_t)i;
	}
	for (i = 0; i < d->nm && d->teams.n; i++) {
		m = &d->m[i];
		if (m->type == T_ORG || (m->type >= 0 && m->type != T_GPE) ||
		    (m->type == T_GPE && m->level >= L_GAZ))
			continue;
		s = map_find(&d->teams, d->fb.s, d->fb.s + m->ko, m->kl,
		    key_hash(d->fb.s + m->ko, m->kl));
		if (!s)
			continue;
		/* a headline's too: NEWCASTLE BEAT LEEDS above Newcastle beat Leeds 2-0 */
		if (!sport[m->rec] || ((m->cue & C_PLACE) && !(m->team & TM_FOR)) ||
		    ((m->team & TM_POSS) && !m->posside) || (m->head &&
		    !(m->team & (TM_VERB | TM_BEFORE | TM_PLURAL)))) {
			if (m->type == T_GPE)
				m->level = L_GAZ;	/* the town: not linked to the club */
			continue;
		}
		same_as(m, &d->m[s->val]);
		m->level = L_GAZ;
		m->drop = 0;
	}
}

/*
 * Sports text: records with two sports words or a score within four
 * records of them; one flag a record, to be freed.
 */
static char *
sport_text(const struct doc *d)
{
	size_t i, lo, hi, *sum;
	char *sport;

	sum = xcalloc(d->nr + 1, sizeof *sum);
	for (i = 0; i < d->nr; i++)
		sum[i + 1] = sum[i] + d->r[i].sport;
	sport = xcalloc(d->nr + 1, 1);
	for (i = 0; i < d->nr; i++) {
		lo = i > 4 ? i - 4 : 0;
		hi = i + 5 < d->nr ? i + 5 : d->nr;
		sport[i] = sum[hi] - sum[lo] >= 2;
	}
	free(sum);
	return sport;
}

void
doc_resolve(struct doc *d)
{
	size_t i;
	char *sport = sport_text(d);

	for (i = 0; i < d->nm; i++)
		if (d->m[i].type < 0 && !d->m[i].head)
			guess_type(d, &d->m[i]);
	acronym_orgs(d);
	link_people(d);
	teams(d, sport);
	free(sport);
	know_typed(d);
	for (i = 0; i < d->nm; i++)
		link_one(d, i);
	org_parts(d);
	org_heads(d);
	org_short(d);
	org_initials(d);
}

const struct ent *
doc_ents(struct doc *d, size_t ri, size_t *n)
{
	const struct rec *r = &d->r[ri];
	size_t i, k = 0;

	if (r->m1 - r->m0 > d->outcap) {
		d->outcap = r->m1 - r->m0;
		d->out = xrealloc(d->out, d->outcap * sizeof *d->out);
	}
	for (i = r->m0; i < r->m1; i++) {
		const struct ment *m = &d->m[i];
		struct ent *e;
		if (m->drop || m->type < 0)
			continue;
		e = &d->out[k++];
		e->start = m->cs - m->thec;
		e->end = m->ce;
		e->bstart = m->bs - m->theb;
		e->bend = m->be;
		e->tbeg = m->tb;
		e->tend = m->te;
		e->type = d->x->types[m->type];
		e->id = ment_id(d, m);
	}
	*n = k;
	return d->out;
}

const char *
doc_text(struct doc *d, size_t ri, size_t *n)
{
	*n = d->r[ri].tl;
	return d->txt.s + d->r[ri].to;
}
