/* split-seg: sentence boundaries within one paragraph, for lede-split. */
#ifndef LEDE_SPLIT_SEG_H
#define LEDE_SPLIT_SEG_H
#include <stddef.h>

#include "strtab.h"

/*
 * The word lists, each a set of words compared without ASCII case
 * (STRTAB_ICASE, set up by seg_init); a word of over 40 bytes is in
 * none.
 */
struct seg {
	struct strtab prefixes, numbered, abbreviations, times, timezones,
	    openers, starters;
};

void seg_init(struct seg *);
void seg_word_add(struct strtab *, const char *, size_t);
int seg_word_has(const struct strtab *, const char *, size_t);

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
