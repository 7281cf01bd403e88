/* strtab: a table of byte strings, numbered in the order first seen. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hash.h"
#include "strtab.h"
#include "util.h"

void
strtab_init(struct strtab *t, int flags)
{
	memset(t, 0, sizeof *t);
	t->flags = flags;
}

uint32_t
strtab_hash(const struct strtab *t, const char *k, size_t n)
{
	return t->flags & STRTAB_ICASE ? hash_lower(k, n) : hash_bytes(k, n);
}

static int
same(const struct strtab *t, uint32_t id, const char *k, size_t n)
{
	if (t->klen[id] != n)
		return 0;
	if (t->flags & STRTAB_ICASE)
		return strncasecmp(t->key[id], k, n) == 0;
	return memcmp(t->key[id], k, n) == 0;
}

/* The slot of key k (hash h), or the empty one where it would go. */
static size_t
lookup(const struct strtab *t, const char *k, size_t n, uint32_t h)
{
	size_t m = t->nslot - 1, j = h & m;
	const struct strtab_slot *s;

	for (s = &t->slot[j]; s->id; s = &t->slot[j = (j + 1) & m])
		if (s->h == h && same(t, s->id - 1, k, n))
			break;
	return j;
}

/* Puts the keys in ns slots (a power of two, more than there are). */
static void
regrow(struct strtab *t, size_t ns)
{
	size_t i, j;
	struct strtab_slot *s = xcalloc(ns, sizeof *s);

	for (i = 0; i < t->nslot; i++) {
		if (!t->slot[i].id)
			continue;
		for (j = t->slot[i].h & (ns - 1); s[j].id; j = (j + 1) & (ns - 1))
			;
		s[j] = t->slot[i];
	}
	free(t->slot);
	t->slot = s;
	t->nslot = ns;
}

static void
rehash(struct strtab *t)
{
	regrow(t, t->nslot ? t->nslot * 2 : 64);
}

void
strtab_reserve(struct strtab *t, size_t n)
{
	size_t ns = t->nslot ? t->nslot : 64;

	while ((n + 1) * 2 > ns)
		ns *= 2;
	if (ns > t->nslot)
		regrow(t, ns);
}

/*
 * A table read often is mostly asked for keys it lacks (a word list
 * against a text): the probes first, in a loop that compares hashes
 * only and calls nothing (so saves no registers); lookup() once a full
 * hash matches.
 */
long
strtab_findh(const struct strtab *t, const char *k, size_t n, uint32_t h)
{
	const struct strtab_slot *s;
	size_t m, j;

	if (!t->nslot)
		return -1;
	m = t->nslot - 1;
	for (j = h & m; (s = &t->slot[j])->id; j = (j + 1) & m)
		if (s->h == h)
			return (long)t->slot[lookup(t, k, n, h)].id - 1;
	return -1;
}

long
strtab_find(const struct strtab *t, const char *k, size_t n)
{
	if (!t->nslot)
		return -1;
	return strtab_findh(t, k, n, strtab_hash(t, k, n));
}

/*
 * Room for a key of n bytes, from blocks that never move: one malloc
 * for many keys, which a table of tens of thousands of words feels.
 */
static char *
keyroom(struct strtab *t, size_t n)
{
	enum { BLOCK = 16384 };
	size_t sz;
	char *c;

	if (n > t->pfree) {
		sz = n > BLOCK / 4 ? n : BLOCK - sizeof(void *);
		c = xmalloc(sizeof(void *) + sz);
		memcpy(c, &t->chunk, sizeof(void *));
		t->chunk = c;
		if (sz == n)
			return c + sizeof(void *);	/* a long key: the pool stays */
		t->pool = c + sizeof(void *);
		t->pfree = sz;
	}
	c = t->pool;
	t->pool += n;
	t->pfree -= n;
	return c;
}

size_t
strtab_internh(struct strtab *t, const char *k, size_t n, uint32_t h, int *isnew)
{
	size_t j;
	char *c;

	if (!t->nslot || (t->n + 1) * 2 > t->nslot)
		rehash(t);
	j = lookup(t, k, n, h);
	if (isnew)
		*isnew = !t->slot[j].id;
	if (t->slot[j].id)
		return t->slot[j].id - 1;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->key = xrealloc(t->key, t->cap * sizeof *t->key);
		t->klen = xrealloc(t->klen, t->cap * sizeof *t->klen);
		t->val = xrealloc(t->val, t->cap * sizeof *t->val);
	}
	c = keyroom(t, n + 1);
	memcpy(c, k, n);
	c[n] = '\0';
	t->key[t->n] = c;
	t->klen[t->n] = n;
	memset(&t->val[t->n], 0, sizeof *t->val);
	t->slot[j].h = h;
	t->slot[j].id = (uint32_t)t->n + 1;
	return t->n++;
}

size_t
strtab_intern(struct strtab *t, const char *k, size_t n, int *isnew)
{
	return strtab_internh(t, k, n, strtab_hash(t, k, n), isnew);
}

void
strtab_free(struct strtab *t)
{
	void *c, *prev;
	int flags = t->flags;

	for (c = t->chunk; c; c = prev) {
		memcpy(&prev, c, sizeof prev);
		free(c);
	}
	free(t->key);
	free(t->klen);
	free(t->val);
	free(t->slot);
	strtab_init(t, flags);
}
