/*
 * dedupe-norm: the key text of lede-dedupe.  Unicode NFKC, case
 * folding, punctuation dropped, white space collapsed to one space and
 * trimmed; and the hashes the keys and shingles are made of.
 */
#ifndef LEDE_DEDUPE_NORM_H
#define LEDE_DEDUPE_NORM_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct norm {
	int32_t *cp;		/* code points of one non-ASCII run */
	size_t cpcap;
	struct buf redo;	/* the written tail and the run, decomposed again */
};

/* What a character becomes: dropped, a word break, or kept. */
enum { NC_DROP, NC_SPACE, NC_KEEP };

/*
 * Appends the normalised form of the valid UTF-8 s[0..n) to out:
 * words of kept characters, one space between them, none around.
 */
void norm_text(struct norm *, const char *s, size_t n, struct buf *out);
void norm_free(struct norm *);

struct h128 {
	uint64_t hi, lo;
};

struct h128 hash128(const void *, size_t, uint64_t seed);
uint64_t hash64(const void *, size_t, uint64_t seed);
uint64_t mix64(uint64_t);
#endif
