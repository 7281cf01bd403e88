/*
 * dedupe-table: what lede-dedupe remembers.  The exact table holds 96
 * bits of the hash per distinct key (12 bytes a slot, and 8 more for
 * the first record's place under --mark) in open addressing; the near
 * index holds each kept record's bounded shingle set and its LSH band
 * keys.  Every allocation is counted against the memory cap; when a
 * table cannot grow within it, it fills up to 90% and then refuses
 * new keys (the caller says so and goes on).
 */
#ifndef LEDE_DEDUPE_TABLE_H
#define LEDE_DEDUPE_TABLE_H
#include <stddef.h>
#include <stdint.h>

#include "dedupe-norm.h"
#include "dedupe-sketch.h"

struct mem {
	size_t used, cap;	/* bytes; cap 0 is no cap */
};

/* Takes n more bytes; 0 if that would pass the cap. */
int mem_take(struct mem *, size_t n);
void mem_give(struct mem *, size_t n);

/* The first record of a key: a document (index) and its n. */
struct ref {
	uint32_t doc, n;
};
#define REF_NONE 0xFFFFFFFFu

/*
 * The exact table: XT_SUBS open-addressing tables, picked by the top
 * bits of the hash, each growing by half when it is 75% full, so it is
 * 50% to 75% full and a growth copies 1/XT_SUBS of it at a time.  A
 * slot is 12 bytes, the top 96 bits of the 128-bit hash (a false match
 * needs about 2^48 keys): 16 to 24 bytes per distinct key.
 */
#define XT_SUBS 64

struct xsub {
	uint32_t *key;		/* 3 words a slot: hi (2), lo >> 32; all 0 is empty */
	struct ref *ref;	/* NULL unless refs are kept */
	size_t n, count;	/* slots, keys */
};

struct xtab {
	struct xsub sub[XT_SUBS];
	int refs;
	size_t count;
	struct xsub *lastsub;	/* where the last key inserted went */
	size_t last;
	struct mem *mem;
	int full;		/* refused a key for lack of memory */
};

void xtab_init(struct xtab *, struct mem *, int refs);
void xtab_free(struct xtab *);
/*
 * Looks key up: when present sets *r to the stored ref and returns 1;
 * when absent returns 0, after inserting it with *r if insert is set;
 * -1 when absent, insert set and there is no room.
 */
int xtab_put(struct xtab *, struct h128 key, struct ref *r, int insert);
/* Replaces the ref of the last key inserted. */
void xtab_setref(struct xtab *, struct ref r);
/* Asks for the cache line of key's slot, ahead of xtab_put. */
void xtab_prefetch(const struct xtab *, struct h128 key);

/* The near index. */
struct nidx {
	/* per kept record */
	struct ref *ref;
	uint64_t *setoff;	/* offset in sets, times 2, plus truncated bit */
	uint32_t *setlen;
	uint32_t *next;		/* SK_BANDS chain links per record */
	size_t nrec, reccap;
	uint32_t *sets;
	size_t nsets, setscap;
	/* band key -> newest record with it (open addressing) */
	uint32_t *bkey;		/* fingerprints */
	uint32_t *bhead;
	size_t bmask, bcount;
	struct mem *mem;
	int full;
	/* query scratch */
	uint32_t *seen;
	size_t nseen;
};

void nidx_init(struct nidx *, struct mem *);
void nidx_free(struct nidx *);
/*
 * The kept record most like sk, with *sim, if one reaches thr; -1 if
 * none.  At most maxcand distinct candidates are verified.
 */
long nidx_query(struct nidx *, const struct sketch *, double thr, double *sim,
    size_t maxcand);
/* Adds a kept record; -1 when there is no room. */
int nidx_add(struct nidx *, const struct sketch *, struct ref r);
#endif
