#include <stdlib.h>
#include <string.h>

#include "report-tab.h"
#include "util.h"

static uint32_t
hash(const char *k, size_t n)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)k[i]) * 16777619u;
	return h;
}

static void
rehash(struct tab *t)
{
	size_t ns = t->nslot ? t->nslot * 2 : 64, i, j;
	uint32_t *s = xcalloc(ns, sizeof *s);

	for (i = 0; i < t->n; i++) {
		j = hash(t->key[i], t->klen[i]) & (ns - 1);
		while (s[j])
			j = (j + 1) & (ns - 1);
		s[j] = (uint32_t)i + 1;
	}
	free(t->slot);
	t->slot = s;
	t->nslot = ns;
}

static size_t
lookup(const struct tab *t, const char *k, size_t n, int *found)
{
	size_t j = hash(k, n) & (t->nslot - 1);
	uint32_t v;

	while ((v = t->slot[j])) {
		if (t->klen[v - 1] == n && memcmp(t->key[v - 1], k, n) == 0) {
			*found = 1;
			return j;
		}
		j = (j + 1) & (t->nslot - 1);
	}
	*found = 0;
	return j;
}

long
tab_find(const struct tab *t, const char *k, size_t n)
{
	int found;
	size_t j;

	if (!t->nslot)
		return -1;
	j = lookup(t, k, n, &found);
	return found ? (long)t->slot[j] - 1 : -1;
}

size_t
tab_intern(struct tab *t, const char *k, size_t n, int *isnew)
{
	int found;
	size_t j;
	char *c;

	if (!t->nslot || (t->n + 1) * 2 > t->nslot)
		rehash(t);
	j = lookup(t, k, n, &found);
	if (isnew)
		*isnew = !found;
	if (found)
		return t->slot[j] - 1;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->key = xrealloc(t->key, t->cap * sizeof *t->key);
		t->klen = xrealloc(t->klen, t->cap * sizeof *t->klen);
	}
	c = xmalloc(n + 1);
	memcpy(c, k, n);
	c[n] = '\0';
	t->key[t->n] = c;
	t->klen[t->n] = n;
	t->slot[j] = (uint32_t)t->n + 1;
	return t->n++;
}

void
tab_free(struct tab *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->key[i]);
	free(t->key);
	free(t->klen);
	free(t->slot);
	memset(t, 0, sizeof *t);
}
