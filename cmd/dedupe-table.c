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

#define XSUB_MIN 64

static size_t
slotsize(const struct xtab *t)
{
	return 3 * sizeof(uint32_t) + (t->refs ? sizeof(struct ref) : 0);
}

/* The subtable of a key, and its home slot there (bits below the top 6). */
static struct xsub *
subof(const struct xtab *t, uint64_t hi)
{
	return (struct xsub *)&t->sub[hi >> 58];
}

static size_t
home(const struct xsub *s, uint64_t hi)
{
	return (size_t)(((hi >> 26) & 0xFFFFFFFFu) * (uint64_t)s->n >> 32);
}

static int
slot_empty(const uint32_t *k)
{
	return !(k[0] | k[1] | k[2]);
}

void
xtab_init(struct xtab *t, struct mem *m, int refs)
{
	int i;

	memset(t, 0, sizeof *t);
	t->mem = m;
	t->refs = refs;
	for (i = 0; i < XT_SUBS; i++) {
		t->sub[i].n = XSUB_MIN;
		t->sub[i].key = xcalloc(3 * XSUB_MIN, sizeof *t->sub[i].key);
		if (refs)
			t->sub[i].ref = xcalloc(XSUB_MIN, sizeof *t->sub[i].ref);
	}
	mem_take(m, XT_SUBS * XSUB_MIN * slotsize(t));
}

void
xtab_free(struct xtab *t)
{
	int i;

	for (i = 0; i < XT_SUBS; i++) {
		mem_give(t->mem, t->sub[i].n * slotsize(t));
		free(t->sub[i].key);
		free(t->sub[i].ref);
		t->sub[i].key = NULL;
		t->sub[i].ref = NULL;
	}
}

static int
grow(struct xtab *t, struct xsub *s)
{
	size_t n = s->n + s->n / 2, i, j;
	uint32_t *key;
	struct ref *ref = NULL;
	uint64_t hi;

	/* n stays below 2^32: home() scales a 32-bit fraction. */
	if (n >= ((size_t)1 << 32) || !mem_take(t->mem, n * slotsize(t)))
		return -1;
	key = xcalloc(3 * n, sizeof *key);
	if (s->ref)
		ref = xcalloc(n, sizeof *ref);
	for (i = 0; i < s->n; i++) {
		if (slot_empty(s->key + 3 * i))
			continue;
		hi = (uint64_t)s->key[3 * i] << 32 | s->key[3 * i + 1];
		for (j = (size_t)(((hi >> 26) & 0xFFFFFFFFu) * (uint64_t)n >> 32);
		    !slot_empty(key + 3 * j); j = j + 1 == n ? 0 : j + 1)
			;
		memcpy(key + 3 * j, s->key + 3 * i, 3 * sizeof *key);
		if (ref)
			ref[j] = s->ref[i];
	}
	mem_give(t->mem, s->n * slotsize(t));
	free(s->key);
	free(s->ref);
	s->key = key;
	s->ref = ref;
	s->n = n;
	return 0;
}

void
xtab_prefetch(const struct xtab *t, struct h128 k)
{
	const struct xsub *s = subof(t, k.hi);
	size_t i = home(s, k.hi);

	__builtin_prefetch(s->key + 3 * i);
	if (s->ref)
		__builtin_prefetch(&s->ref[i]);
}

int
xtab_put(struct xtab *t, struct h128 k, struct ref *r, int insert)
{
	struct xsub *s = subof(t, k.hi);
	uint32_t w0 = (uint32_t)(k.hi >> 32), w1 = (uint32_t)k.hi;
	uint32_t w2 = (uint32_t)(k.lo >> 32), *p;
	size_t i;

	if (!(w0 | w1 | w2))
		w2 = 1;		/* zero marks an empty slot */
	for (i = home(s, k.hi);; i = i + 1 == s->n ? 0 : i + 1) {
		p = s->key + 3 * i;
		if (p[0] == w0 && p[1] == w1 && p[2] == w2) {
			if (s->ref)
				*r = s->ref[i];
			return 1;
		}
		if (slot_empty(p))
			break;
	}
	if (!insert)
		return 0;
	if (t->full)
		return -1;	/* one subtable is full: no new key anywhere */
	/* Absent: grow past 75% full; without memory, fill up to 90%. */
	if ((s->count + 1) * 4 > s->n * 3) {
		if (grow(t, s) == 0) {
			for (i = home(s, k.hi); !slot_empty(s->key + 3 * i);
			    i = i + 1 == s->n ? 0 : i + 1)
				;
		} else if ((s->count + 1) * 10 > s->n * 9) {
			t->full = 1;
			return -1;
		}
	}
	p = s->key + 3 * i;
	p[0] = w0, p[1] = w1, p[2] = w2;
	if (s->ref)
		s->ref[i] = *r;
	t->lastsub = s;
	t->last = i;
	s->count++;
	t->count++;
	return 0;
}

void
xtab_setref(struct xtab *t, struct ref r)
{
	if (t->lastsub && t->lastsub->ref)
		t->lastsub->ref[t->last] = r;
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
