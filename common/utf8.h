/* UTF-8: checking, decoding, encoding and counting code points. */
#ifndef LEDE_UTF8_H
#define LEDE_UTF8_H
#include <stddef.h>

struct buf;

/* Length of the valid UTF-8 sequence at s (1 to 4), or 0 if invalid. */
int utf8_seq(const unsigned char *s, size_t n);

/*
 * The code point at s[0..n), n > 0, its length in *len.  Lenient: a lead
 * byte takes the continuation bytes that follow it, up to its length, and
 * a stray byte is one code point of its own value.  For text already
 * checked, or where a bad byte need only not stop the scan.
 */
unsigned utf8_get(const unsigned char *s, size_t n, int *len);

/* The number of code points of the valid UTF-8 s[0..n). */
size_t utf8_count(const char *s, size_t n);

/* Appends code point u (at most U+10FFFF) in UTF-8. */
void utf8_put(struct buf *, unsigned u);

/* Writes code point u (at most U+10FFFF) to c, returns its length (1 to 4). */
int utf8_enc(char c[4], unsigned u);

/* Whether s[i] starts a code point (is not a continuation byte). */
#define UTF8_START(c) (((unsigned char)(c) & 0xC0) != 0x80)
#endif
