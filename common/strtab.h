/*
 * strtab: a table of byte strings, the one word table of the toolkit.
 * Each distinct key gets a small number, in the order first seen, and
 * a value (a number or a pointer) the caller may set.  Open addressing
 * over FNV-1a (hash.h); memory grows with the number of distinct keys.
 * With STRTAB_ICASE keys are compared, and hashed, without ASCII case;
 * the spelling first added is the one kept.
 */
#ifndef LEDE_STRTAB_H
#define LEDE_STRTAB_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum { STRTAB_ICASE = 1 };

union strtab_val {
	long i;
	void *p;
};

struct strtab_slot {
	uint32_t h;		/* the key's hash */
	uint32_t id;		/* 0 empty, else number + 1 */
};

struct strtab {
	char **key;		/* by number; NUL-terminated copies, in the pool */
	size_t *klen;
	union strtab_val *val;	/* by number; zero when added */
	size_t n, cap;
	struct strtab_slot *slot;
	size_t nslot;		/* a power of two, or 0 */
	int flags;
	char *pool;		/* room for keys: pfree bytes */
	size_t pfree;
	void *chunk;		/* the pool's last block; each starts with the one before */
};

/* An empty table (a zeroed one is an empty case-sensitive table). */
void strtab_init(struct strtab *, int flags);
/* The hash the table gives k[0..n), for the ...h calls. */
uint32_t strtab_hash(const struct strtab *, const char *k, size_t n);
/* The number of key k[0..n), or -1. */
long strtab_find(const struct strtab *, const char *k, size_t n);
long strtab_findh(const struct strtab *, const char *k, size_t n, uint32_t h);
/*
 * strtab_findh inline, for a case-sensitive table asked in a hot loop
 * (a word list against a text): one probe loop, no calls but memcmp.
 */
static inline long
strtab_get(const struct strtab *t, const char *k, size_t n, uint32_t h)
{
	const struct strtab_slot *s;
	size_t m, j;

	if (!t->nslot)
		return -1;
	m = t->nslot - 1;
	for (j = h & m; (s = &t->slot[j])->id; j = (j + 1) & m)
		if (s->h == h && t->klen[s->id - 1] == n &&
		    memcmp(t->key[s->id - 1], k, n) == 0)
			return (long)s->id - 1;
	return -1;
}
/* The number of key k[0..n), added if new (*isnew set when given). */
size_t strtab_intern(struct strtab *, const char *k, size_t n, int *isnew);
size_t strtab_internh(struct strtab *, const char *k, size_t n, uint32_t h,
    int *isnew);
/*
 * Room for n keys without growing: fewer collisions for a table filled
 * once and read often (a sparser one is faster to miss in).
 */
void strtab_reserve(struct strtab *, size_t n);
void strtab_free(struct strtab *);
#endif
