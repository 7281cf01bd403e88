/*
 * tag-entities-look: the lexicon as a document reads it, through a
 * cache of short keys, and the entries of a record's words.
 */
#include <stdint.h>
#include <string.h>

#include "tag-entities-priv.h"

/*
 * The lexicon seen through a direct-mapped cache of short keys, misses
 * included: most words of a text are a few frequent ones, and the
 * lexicon's table is too big to stay in the processor's caches.  The
 * slot returned (its val and ent) lasts until the next lookup.
 */
const struct slot *
doc_lookup_cached(struct doc *d, const char *k, size_t n, uint32_t h)
{
	const struct slot *s;
	struct lcache *e;

	if (n > LC_KEY)
		return lex_find(d->x, k, n, h);
	e = &d->lc[h & (LC_SIZE - 1)];
	if (e->h == h && e->n == n) {
		if (keq(e->k, k, n)) {
			if (!e->found)
				return NULL;
			d->hit.val = e->val;
			d->hit.ent = e->ent;
			return &d->hit;
		}
	}
	s = lex_find(d->x, k, n, h);
	e->h = h;
	e->n = (uint8_t)n;
	memcpy(e->k, k, n);
	e->found = s != NULL;
	e->val = s ? s->val : 0;
	e->ent = s ? s->ent : -1;
	return s;
}

const struct slot *
doc_lookup(struct doc *d, const char *k, size_t n)
{
	return doc_lookup_cached(d, k, n, key_hash(k, n));
}

/* Sets t's lexicon flags and entity from the cache; 0 if it lacks them. */
static int
lc_hit(const struct doc *d, const char *fb, struct tok *t)
{
	const struct lcache *e = &d->lc[t->h & (LC_SIZE - 1)];
	const char *k = fb + t->fo;
	size_t n = t->fl;

	if (n > LC_KEY || e->h != t->h || e->n != n || !keq(e->k, k, n))
		return 0;
	t->lf = e->found ? (uint32_t)e->val : 0;
	t->lent = e->found ? e->ent : -1;
	return 1;
}

/*
 * Each word's lexicon entry, in passes so that the memory reads for
 * one word overlap those for the next: hash each and prefetch its
 * cache entry; take the hits and prefetch the lexicon's slot for
 * the rest; look those up.
 */
void
doc_lookup_words(struct doc *d)
{
	struct tok *t = d->tv.t;
	size_t i, nt = d->tv.n;
	const struct slot *s;

	for (i = 0; i < nt; i++)
		__builtin_prefetch(&d->lc[t[i].h & (LC_SIZE - 1)]);
	for (i = 0; i < nt; i++) {
		if (!lc_hit(d, d->fb.s, &t[i])) {
			t[i].lent = -2;
			if (d->x->nfast)
				__builtin_prefetch(&d->x->fast[t[i].h & (d->x->nfast - 1)]);
			else if (d->x->words.nslot)
				__builtin_prefetch(&d->x->words.slot[t[i].h & (d->x->words.nslot - 1)]);
		}
	}
	for (i = 0; i < nt; i++) {
		if (t[i].lent != -2)
			continue;
		s = doc_lookup_cached(d, d->fb.s + t[i].fo, t[i].fl, t[i].h);
		t[i].lf = s ? (uint32_t)s->val : 0;
		t[i].lent = s ? s->ent : -1;
	}
}
