/*
 * dedupe-sketch: word shingles of a normalised text, their MinHash
 * signature cut into LSH bands, and the bounded shingle set kept to
 * verify a candidate (exact Jaccard, or a bottom-k estimate).
 */
#ifndef LEDE_DEDUPE_SKETCH_H
#define LEDE_DEDUPE_SKETCH_H
#include <stddef.h>
#include <stdint.h>

#define SK_BANDS 16		/* LSH bands */
#define SK_ROWS 4		/* MinHash values per band */
#define SK_PERM (SK_BANDS * SK_ROWS)
#define SK_KMAX 512		/* shingle hashes kept per record */

struct sketch {
	int k;			/* words per shingle */
	uint64_t *sh;		/* the shingle hashes of one text */
	size_t nsh, shcap;
	uint32_t *set;		/* sorted distinct 32-bit shingle hashes */
	size_t nset;		/* at most SK_KMAX */
	int truncated;		/* set holds the SK_KMAX smallest only */
	int whole;		/* fewer than k words: one shingle of them all */
	uint64_t band[SK_BANDS];
};

void sketch_init(struct sketch *, int k);
void sketch_free(struct sketch *);
/*
 * Computes shingles, set and bands of a normalised text (words split by
 * spaces or 0x1f); returns 0 if it has no word.
 */
int sketch_text(struct sketch *, const char *s, size_t n);
/*
 * Jaccard similarity of two sets as sketch_text leaves them: exact
 * when neither was truncated, else the bottom-k estimate.
 */
double sketch_jaccard(const uint32_t *a, size_t na, int ta,
    const uint32_t *b, size_t nb, int tb);
#endif
