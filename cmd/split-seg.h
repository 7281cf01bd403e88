/* split-seg: sentence boundaries within one paragraph, for lede-split. */
#ifndef LEDE_SPLIT_SEG_H
#define LEDE_SPLIT_SEG_H
#include <stddef.h>

/* A set of words, compared without ASCII case. */
struct wordset {
	char **w;	/* each word's length is in the byte before it */
	size_t n, cap;	/* cap is a power of two; open addressing */
};

void wordset_add(struct wordset *, const char *, size_t);
int wordset_has(const struct wordset *, const char *, size_t);
void wordset_free(struct wordset *);

struct seg {
	struct wordset prefixes, numbered, abbreviations, times, timezones,
	    openers, starters;
};

struct span {
	size_t b, e;	/* byte offsets within the paragraph */
};

/*
 * Splits the paragraph s[0..n) into sentences.  Each span starts and
 * ends on a non-space character; white space between sentences belongs
 * to none.  Returns the number of spans, stored in *out (grown as need
 * be, reused from call to call).
 */
size_t seg_split(const struct seg *, const char *s, size_t n,
    struct span **out, size_t *cap);

/* Length of the white-space character at s[i] (Unicode Zs, tab, newline...), or 0. */
size_t seg_space(const unsigned char *s, size_t i, size_t n);
#endif
