#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dedupe-table.h"
#include "util.h"

int
mem_take(struct mem *m, size_t n)
{
	if (m->cap && (m->used > m->cap || n > m->cap - m->used))
		return 0;
	m->used += n;
	return 1;
}

void
mem_give(struct mem *m, size_t n)
{
	m->used -= n < m->used ? n : m->used;
}

#define XTAB_MIN 1024

static size_t
slotsize(const struct xtab *t)
{
	return sizeof *t->key + (t->ref ? sizeof *t->ref : 0);
}

void
xtab_init(struct xtab *t, struct mem *m, int refs)
{
	memset(t, 0, sizeof *t);
	t->mem = m;
	t->mask = XTAB_MIN - 1;
	t->key = xcalloc(XTAB_MIN, sizeof *t->key);
	if (refs)
		t->ref = xcalloc(XTAB_MIN, sizeof *t->ref);
	mem_take(m, XTAB_MIN * slotsize(t));
}

void
xtab_free(struct xtab *t)
{
	mem_give(t->mem, (t->mask + 1) * slotsize(t));
	free(t->key);
	free(t->ref);
	t->key = NULL;
	t->ref = NULL;
}

static int
grow(struct xtab *t)
{
	size_t n = (t->mask + 1) * 2, i, j;
	struct h128 *key;
	struct ref *ref = NULL;

	if (n > SIZE_MAX / 2 / slotsize(t) || !mem_take(t->mem, n * slotsize(t)))
		return -1;
	key = xcalloc(n, sizeof *key);
	if (t->ref)
		ref = xcalloc(n, sizeof *ref);
	for (i = 0; i <= t->mask; i++) {
		if (!t->key[i].hi && !t->key[i].lo)
			continue;
		for (j = t->key[i].hi & (n - 1); key[j].hi || key[j].lo; j = (j + 1) & (n - 1))
			;
		key[j] = t->key[i];
		if (ref)
			ref[j] = t->ref[i];
	}
	mem_give(t->mem, (t->mask + 1) * slotsize(t));
	free(t->key);
	free(t->ref);
	t->key = key;
	t->ref = ref;
	t->mask = n - 1;
	return 0;
}

void
xtab_prefetch(const struct xtab *t, struct h128 k)
{
	__builtin_prefetch(&t->key[k.hi & t->mask]);
	if (t->ref)
		__builtin_prefetch(&t->ref[k.hi & t->mask]);
}

int
xtab_put(struct xtab *t, struct h128 k, struct ref *r, int insert)
{
	size_t i;

	if (!k.hi && !k.lo)
		k.lo = 1;	/* zero marks an empty slot */
	for (i = k.hi & t->mask; t->key[i].hi || t->key[i].lo; i = (i + 1) & t->mask)
		if (t->key[i].hi == k.hi && t->key[i].lo == k.lo) {
			if (t->ref)
				*r = t->ref[i];
			return 1;
		}
	if (!insert)
		return 0;
	/* Absent: grow past 70% full; without memory, fill up to 90%. */
	if ((t->count + 1) * 10 > (t->mask + 1) * 7) {
		if (grow(t) == 0) {
			for (i = k.hi & t->mask; t->key[i].hi || t->key[i].lo;
			    i = (i + 1) & t->mask)
				;
		} else if ((t->count + 1) * 10 > (t->mask + 1) * 9) {
			t->full = 1;
			return -1;
		}
	}
	t->key[i] = k;
	if (t->ref)
		t->ref[i] = *r;
	t->last = i;
	t->count++;
	return 0;
}

/* The near index. */
#define BTAB_MIN 4096

void
nidx_init(struct nidx *x, struct mem *m)
{
	memset(x, 0, sizeof *x);
	x->mem = m;
	x->bmask = BTAB_MIN - 1;
	x->bkey = xcalloc(BTAB_MIN, sizeof *x->bkey);
	x->bhead = xcalloc(BTAB_MIN, sizeof *x->bhead);
	mem_take(m, BTAB_MIN * (sizeof *x->bkey + sizeof *x->bhead));
	x->seen = xmalloc(4096 * sizeof *x->seen);
}

void
nidx_free(struct nidx *x)
{
	free(x->ref);
	free(x->setoff);
	free(x->setlen);
	free(x->next);
	free(x->sets);
	free(x->bkey);
	free(x->bhead);
	free(x->seen);
	memset(x, 0, sizeof *x);
}

/*
 * A band key is kept as a 32-bit fingerprint (its high half, never 0,
 * which marks an empty slot, and picks the slot): two keys that share
 * a fingerprint only cost a needless verification.  Heads are record index + 1.
 */
static uint32_t
bandfp(uint64_t k)
{
	uint32_t fp = (uint32_t)(k >> 32);

	return fp ? fp : 1;
}

static int
bgrow(struct nidx *x)
{
	size_t n = (x->bmask + 1) * 2, i, j;
	size_t per = sizeof *x->bkey + sizeof *x->bhead;
	uint32_t *key, *head;

	if (n > ((size_t)1 << 32) || !mem_take(x->mem, n * per))
		return -1;
	key = xcalloc(n, sizeof *key);
	head = xcalloc(n, sizeof *head);
	for (i = 0; i <= x->bmask; i++) {
		if (!x->bkey[i])
			continue;
		for (j = x->bkey[i] & (n - 1); key[j]; j = (j + 1) & (n - 1))
			;
		key[j] = x->bkey[i];
		head[j] = x->bhead[i];
	}
	mem_give(x->mem, (x->bmask + 1) * per);
	free(x->bkey);
	free(x->bhead);
	x->bkey = key;
	x->bhead = head;
	x->bmask = n - 1;
	return 0;
}

static size_t
bfind(const struct nidx *x, uint32_t k)
{
	size_t i;

	for (i = k & x->bmask; x->bkey[i] && x->bkey[i] != k; i = (i + 1) & x->bmask)
		;
	return i;
}

long
nidx_query(struct nidx *x, const struct sketch *sk, double thr, double *sim,
    size_t maxcand)
{
	long best = -1;
	double bs = -1, s;
	size_t b, i, slot, len;
	uint32_t rec;
	uint64_t off;

	if (maxcand > 4096)
		maxcand = 4096;
	x->nseen = 0;
	/* The band slots are cache misses: ask for all of them at once. */
	for (b = 0; b < SK_BANDS; b++)
		__builtin_prefetch(&x->bkey[bandfp(sk->band[b]) & x->bmask]);
	for (b = 0; b < SK_BANDS; b++) {
		slot = bfind(x, bandfp(sk->band[b]));
		if (!x->bkey[slot])
			continue;
		for (rec = x->bhead[slot]; rec; rec = x->next[(size_t)(rec - 1) * SK_BANDS + b]) {
			for (i = 0; i < x->nseen && x->seen[i] != rec; i++)
				;
			if (i < x->nseen)
				continue;
			if (x->nseen == maxcand)
				goto done;
			x->seen[x->nseen++] = rec;
			off = x->setoff[rec - 1];
			len = x->setlen[rec - 1];
			s = sketch_jaccard(x->sets + (off >> 1), len, off & 1,
			    sk->set, sk->nset, sk->truncated);
			if (s >= thr && s > bs) {
				bs = s;
				best = rec - 1;
			}
		}
	}
done:
	*sim = bs;
	return best;
}


int
nidx_add(struct nidx *x, const struct sketch *sk, struct ref r)
{
	size_t b, slot, need, per, nc;
	uint32_t k, rec;

	if (x->full)
		return -1;
	if (x->nrec >= UINT32_MAX - 1)
		goto full;
	/* Room for the record, its set and its bands first, then the writes. */
	if (x->nrec == x->reccap) {
		nc = x->reccap ? 2 * x->reccap : 1024;
		per = sizeof *x->ref + sizeof *x->setoff + sizeof *x->setlen +
		    SK_BANDS * sizeof *x->next;
		if (!mem_take(x->mem, (nc - x->reccap) * per))
			goto full;
		x->ref = xrealloc(x->ref, nc * sizeof *x->ref);
		x->setoff = xrealloc(x->setoff, nc * sizeof *x->setoff);
		x->setlen = xrealloc(x->setlen, nc * sizeof *x->setlen);
		x->next = xrealloc(x->next, nc * SK_BANDS * sizeof *x->next);
		x->reccap = nc;
	}
	need = x->nsets + sk->nset;
	if (need > x->setscap) {
		nc = x->setscap ? x->setscap : 65536;
		while (nc < need)
			nc *= 2;
		if (!mem_take(x->mem, (nc - x->setscap) * sizeof *x->sets))
			goto full;
		x->sets = xrealloc(x->sets, nc * sizeof *x->sets);
		x->setscap = nc;
	}
	while ((x->bcount + SK_BANDS) * 10 > (x->bmask + 1) * 7)
		if (bgrow(x) < 0) {
			if ((x->bcount + SK_BANDS) * 10 > (x->bmask + 1) * 9)
				goto full;
			break;
		}
	rec = (uint32_t)x->nrec;
	x->ref[rec] = r;
	x->setoff[rec] = (uint64_t)x->nsets << 1 | (sk->truncated ? 1 : 0);
	x->setlen[rec] = (uint32_t)sk->nset;
	memcpy(x->sets + x->nsets, sk->set, sk->nset * sizeof *sk->set);
	x->nsets += sk->nset;
	for (b = 0; b < SK_BANDS; b++) {
		k = bandfp(sk->band[b]);
		slot = bfind(x, k);
		if (!x->bkey[slot]) {
			x->bkey[slot] = k;
			x->bhead[slot] = 0;
			x->bcount++;
		}
		x->next[(size_t)rec * SK_BANDS + b] = x->bhead[slot];
		x->bhead[slot] = rec + 1;
	}
	x->nrec++;
	return 0;
full:
	x->full = 1;
	return -1;
}
