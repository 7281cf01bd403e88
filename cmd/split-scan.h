/*
 * split-scan: finding the next byte of a kind in a run of text, 16
 * bytes at a time with SSE2 (every x86-64 has it), else 8 at a time in
 * a 64-bit word, else one by one.  Each returns the offset of the first
 * such byte at or after i, or end if there is none.
 */
#ifndef LEDE_SPLIT_SCAN_H
#define LEDE_SPLIT_SCAN_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SCAN_SWAR 1
#else
#define SCAN_SWAR 0
#endif

#define SCAN_ONES 0x0101010101010101ULL
#define SCAN_HIGH 0x8080808080808080ULL
/*
 * The high bit of each byte of x below n (n <= 128), and maybe of some
 * bytes after one; the lowest flag is always a true one.
 */
#define SCAN_BELOW(x, n) (((x) - (n) * SCAN_ONES) & ~(x) & SCAN_HIGH)

/* A byte of 0x80 or more: the first not ASCII. */
static inline size_t
scan_wide(const unsigned char *s, size_t i, size_t end)
{
#ifdef __SSE2__
	int m;

	for (; i + 16 <= end; i += 16) {
		m = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(s + i)));
		if (m)
			return i + __builtin_ctz(m);
	}
#elif SCAN_SWAR
	uint64_t x;

	for (; i + 8 <= end; i += 8) {
		memcpy(&x, s + i, 8);
		if (x & SCAN_HIGH)
			return i + (__builtin_ctzll(x & SCAN_HIGH) >> 3);
	}
#endif
	while (i < end && s[i] < 0x80)
		i++;
	return i;
}

/*
 * A byte that is . ? ! or of 0xE0 and above: every byte that may start
 * sentence-final punctuation, and more; the caller looks closer.
 */
static inline size_t
scan_stop(const unsigned char *s, size_t i, size_t end)
{
#ifdef __SSE2__
	const __m128i dot = _mm_set1_epi8('.'), qm = _mm_set1_epi8('?'),
	    ex = _mm_set1_epi8('!'), e0 = _mm_set1_epi8((char)0xE0);
	__m128i x;
	int m;

	for (; i + 16 <= end; i += 16) {
		x = _mm_loadu_si128((const __m128i *)(s + i));
		/* x >= 0xE0 as unsigned: max(x, 0xE0) == x. */
		m = _mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(x, dot), _mm_cmpeq_epi8(x, qm)),
		    _mm_or_si128(_mm_cmpeq_epi8(x, ex),
		    _mm_cmpeq_epi8(_mm_max_epu8(x, e0), x))));
		if (m)
			return i + __builtin_ctz(m);
	}
#elif SCAN_SWAR
	uint64_t x, m;

	for (; i + 8 <= end; i += 8) {
		memcpy(&x, s + i, 8);
		m = SCAN_BELOW(x ^ ('.' * SCAN_ONES), 1) |
		    SCAN_BELOW(x ^ ('?' * SCAN_ONES), 1) |
		    SCAN_BELOW(x ^ ('!' * SCAN_ONES), 1) |
		    (x & (x << 1) & (x << 2) & SCAN_HIGH);
		if (m)
			return i + (__builtin_ctzll(m) >> 3);
	}
#endif
	while (i < end && s[i] != '.' && s[i] != '?' && s[i] != '!' && s[i] < 0xE0)
		i++;
	return i;
}

/* A decimal digit. */
static inline size_t
scan_digit(const unsigned char *s, size_t i, size_t end)
{
#ifdef __SSE2__
	const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
	__m128i x;
	int m;

	for (; i + 16 <= end; i += 16) {
		/* x - '0' <= 9 as unsigned: min(x - '0', 9) == x - '0'. */
		x = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(s + i)), zero);
		m = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(x, nine), x));
		if (m)
			return i + __builtin_ctz(m);
	}
#endif
	while (i < end && (unsigned)(s[i] - '0') > 9)
		i++;
	return i;
}
#endif
