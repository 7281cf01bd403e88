/*
 * extract-quotes-text: what the modules of the scan share: growing
 * arrays, character classes, the tokens of a stretch of text, and the
 * lookups of records and entities in a qdoc.
 */
#ifndef EXTRACT_QUOTES_TEXT_H
#define EXTRACT_QUOTES_TEXT_H
#include <stddef.h>
#include <stdint.h>

#include <utf8proc.h>

#include "extract-quotes-scan.h"
#include "util.h"

/* Makes room in p (n used, cap held) for want elements. */
#define GROW(p, n, cap, want) do { \
	if ((want) > (cap)) { \
		(cap) = (cap) ? (cap) * 2 : 64; \
		if ((cap) < (want)) (cap) = (want); \
		(p) = xrealloc((p), (cap) * sizeof *(p)); \
	} } while (0)

/* ---- characters ---- */

/* ASCII classes, as the C locale's isalnum and isupper say. */
enum { A_ALNUM = 1, A_SPACE = 2, A_UPPER = 4 };

#define A_D A_ALNUM
#define A_U (A_ALNUM | A_UPPER)
#define A_L A_ALNUM
static const unsigned char aclass[128] = {
	['\t'] = A_SPACE, ['\n'] = A_SPACE, ['\r'] = A_SPACE, [' '] = A_SPACE,
	['0'] = A_D, A_D, A_D, A_D, A_D, A_D, A_D, A_D, A_D, A_D,
	['A'] = A_U, A_U, A_U, A_U, A_U, A_U, A_U, A_U, A_U, A_U, A_U, A_U, A_U,
	A_U, A_U, A_U, A_U, A_U, A_U, A_U, A_U, A_U, A_U, A_U, A_U, A_U,
	['a'] = A_L, A_L, A_L, A_L, A_L, A_L, A_L, A_L, A_L, A_L, A_L, A_L, A_L,
	A_L, A_L, A_L, A_L, A_L, A_L, A_L, A_L, A_L, A_L, A_L, A_L, A_L,
};
#undef A_D
#undef A_U
#undef A_L

static inline int
is_space(uint32_t c)
{
	if (c < 0x80)
		return (aclass[c] & A_SPACE) != 0;
	return c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000;
}

static inline int
is_alnum_u(uint32_t c)
{
	utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);

	return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ND);
}

static inline int
is_alnum(uint32_t c)
{
	if (c < 0x80)
		return (aclass[c] & A_ALNUM) != 0;
	return is_alnum_u(c);
}

static inline int
is_upper(uint32_t c)
{
	utf8proc_category_t k;

	if (c < 0x80)
		return (aclass[c] & A_UPPER) != 0;
	k = utf8proc_category((utf8proc_int32_t)c);
	return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

/* ASCII tolower, as the C locale's */
static inline char
lower(uint32_t c)
{
	return (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

static inline int
is_apos(uint32_t c)
{
	return c == '\'' || c == 0x2019;
}

/* Does t[i] start an English possessive, "'s" or "’s"?  t[i + 1] must be there. */
static inline int
is_poss(const uint32_t *t, size_t i)
{
	return is_apos(t[i]) && (t[i + 1] == 's' || t[i + 1] == 'S');
}

/* A character that ends a clause for the attribution patterns. */
static inline int
is_hard(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n';
}


/* ---- tokens of a stretch of text (extract-quotes-tok.c) ---- */

enum { T_WORD, T_PUNCT, T_QUOTE };

struct tok {
	size_t a, b;
	int kind;
	uint32_t c;	/* the punctuation character */
};

struct toks {
	struct tok *v;
	size_t n, cap;
};

/* Splits t[a, b) into words, punctuation and quotations, at most max tokens. */
void qtok_split(const struct qdoc *, const struct qlex *, size_t a, size_t b, struct toks *, size_t max);
/* The lower-case key of words k..k+nw-1, or 0 if there are not so many. */
int qtok_key(const struct qdoc *, const struct toks *, size_t k, size_t nw, char *out, size_t size);
/* The lexicon's classes of the word at token k. */
unsigned qtok_cls(const struct qdoc *, const struct qlex *, const struct toks *, size_t k);
/* The number of words of a reporting verb at token k (0 if none), its class and key. */
size_t qtok_verb(const struct qdoc *, const struct qlex *, const struct toks *, size_t k,
    unsigned *cls, char *out, size_t size);

/* ---- records and entities (extract-quotes-doc.c) ---- */

/* The index of the first entity that starts at or after pos. */
size_t qdoc_ent_from(const struct qdoc *, size_t pos);
/* The speaker entity that ends at pos and starts at or after floor, or -1. */
long qdoc_ent_ending(const struct qdoc *, size_t pos, size_t floor);
/* The first speaker entity that starts in [a, b), or -1. */
long qdoc_ent_starting(const struct qdoc *, size_t a, size_t b);

/* The end of the stretch of quotations that holds pos (d->in[pos] set). */
static inline size_t
qdoc_run_end(const struct qdoc *d, size_t pos)
{
	size_t lo = 0, hi = d->nrun;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (d->run[mid].s <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return d->run[lo].e;
}

static inline const char *
qdoc_ent_id(const struct qdoc *d, long e)
{
	return d->pool.s + d->e[e].id;
}
#endif
