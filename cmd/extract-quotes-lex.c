/*
 * extract-quotes-lex: the lexicon, a hash of the lower-case words and
 * phrases of the data by their classes, and the entity types that can
 * speak.
 */
#include <stdlib.h>
#include <string.h>

#include "extract-quotes-scan.h"
#include "hash.h"
#include "util.h"

/* FNV-1a of the NUL-terminated s, without a strlen first. */
static uint32_t
hash(const char *s)
{
	uint32_t h = HASH_INIT;

	for (; *s; s++)
		h = hash_byte(h, (unsigned char)*s);
	return h;
}

static void
lex_put(struct qlex *l, char *key, unsigned cls)
{
	uint32_t h = hash(key);
	size_t i;

	for (i = h & (l->cap - 1); l->tab[i].key; i = (i + 1) & (l->cap - 1))
		if (l->tab[i].h == h && strcmp(l->tab[i].key, key) == 0) {
			l->tab[i].cls |= cls;
			free(key);
			return;
		}
	l->tab[i].key = key;
	l->tab[i].cls = cls;
	l->tab[i].h = h;
	l->n++;
}

void
qlex_add(struct qlex *l, const char *word, unsigned cls)
{
	struct qlexent *old = l->tab;
	size_t oldcap = l->cap, i, j = 0;
	char *k;

	if ((l->n + 1) * 2 > l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4096;	/* the data hold under 2,048: no rehashing */
		l->tab = xcalloc(l->cap, sizeof *l->tab);
		l->n = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i].key)
				lex_put(l, old[i].key, old[i].cls);
		free(old);
	}
	/* Lower case, white space runs as one space. */
	k = xmalloc(strlen(word) + 1);
	for (i = 0; word[i]; i++) {
		unsigned char c = (unsigned char)word[i];
		/* isspace and tolower of the C locale, without the calls */
		if (c == ' ' || (c >= '\t' && c <= '\r')) {
			if (j && k[j - 1] != ' ')
				k[j++] = ' ';
		} else
			k[j++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	while (j && k[j - 1] == ' ')
		j--;
	k[j] = '\0';
	/* "point out": "point" may start an entry; the lookup then tries more words */
	for (i = 0; i < j && k[i] != ' '; i++)
		;
	if (i < j && !(cls & LX_PREFIX)) {
		char *first = xmalloc(i + 1);
		memcpy(first, k, i);
		first[i] = '\0';
		lex_put(l, k, cls);	/* frees k if it was there */
		qlex_add(l, first, LX_PREFIX);
		free(first);
		return;
	}
	lex_put(l, k, cls);
}

unsigned
qlex_get(const struct qlex *l, const char *key)
{
	uint32_t h;
	size_t i;

	if (!l->cap)
		return 0;
	h = hash(key);
	for (i = h & (l->cap - 1); l->tab[i].key; i = (i + 1) & (l->cap - 1))
		if (l->tab[i].h == h && strcmp(l->tab[i].key, key) == 0)
			return l->tab[i].cls;
	return 0;
}

void
qlex_type(struct qlex *l, const char *type)
{
	l->types = xrealloc(l->types, (l->ntypes + 1) * sizeof *l->types);
	l->typelen = xrealloc(l->typelen, (l->ntypes + 1) * sizeof *l->typelen);
	l->typelen[l->ntypes] = strlen(type);
	l->types[l->ntypes++] = xstrdup(type);
}

int
qlex_is_type(const struct qlex *l, const char *type, size_t n)
{
	size_t i;

	for (i = 0; i < l->ntypes; i++)
		if (l->typelen[i] == n && memcmp(l->types[i], type, n) == 0)
			return 1;
	return 0;
}

void
qlex_free(struct qlex *l)
{
	size_t i;

	for (i = 0; i < l->cap; i++)
		free(l->tab[i].key);
	for (i = 0; i < l->ntypes; i++)
		free(l->types[i]);
	free(l->tab);
	free(l->types);
	free(l->typelen);
	memset(l, 0, sizeof *l);
}
