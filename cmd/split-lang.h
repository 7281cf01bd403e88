/*
 * split-lang: what lede-split knows of the language: the word lists of
 * the sentence splitter, the months, the dateline and boilerplate
 * patterns (data/en/split.yaml, the short titles of data/en/titles.yaml,
 * a -c file), and what they say of a paragraph.
 */
#ifndef LEDE_SPLIT_LANG_H
#define LEDE_SPLIT_LANG_H
#include <stddef.h>

struct lang;
struct seg;

/*
 * Reads the shipped data, then user's file (-c) if not NULL, adding to
 * it.  A fault (a bad pattern, a key the file has not) exits 2 with its
 * place.
 */
struct lang *lang_load(const char *user);
void lang_free(struct lang *);

/* The word lists, for seg_split. */
const struct seg *lang_seg(const struct lang *);

/* Is s[0..n) a line of boilerplate (a pattern matches it whole)? */
int lang_boiler(const struct lang *, const char *s, size_t n);

/*
 * Finds a date in the first bytes of s[0..n) with the dateline
 * patterns; writes YYYY-MM-DD in dct (16 bytes).  1 if found, 0 if not,
 * -1 if one is found with a day its month has not.
 */
int lang_date(const struct lang *, const char *s, size_t n, char *dct);
#endif
