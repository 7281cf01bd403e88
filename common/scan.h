/*
 * scan: finding the next byte of a kind in a run of text many bytes at
 * a time: 16 with SSE2 (every x86-64 has it), else 8 in a 64-bit word
 * ("SWAR", on little-endian machines), else one by one.
 *
 * Every primitive scan_NAME has a plain twin scan_NAME_plain, a byte
 * loop with the same result, and the fast ways it has are compiled as
 * scan_NAME_sse2 and scan_NAME_swar.  scan_NAME is the fastest there is;
 * with LEDE_SCAN_PLAIN defined (or -U__SSE2__ and a big-endian machine)
 * it is the plain twin.  tests/c/test-scan.c checks each against its
 * twin.  The scans return the offset of the first such byte at or after
 * i, or end if there is none.
 */
#ifndef LEDE_SCAN_H
#define LEDE_SCAN_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The one endianness test: 1 on a little-endian machine. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SCAN_LE 1
#else
#define SCAN_LE 0
#endif

#if defined(__SSE2__) && !defined(LEDE_SCAN_PLAIN)
#define SCAN_SSE2 1
#include <emmintrin.h>
#else
#define SCAN_SSE2 0
#endif

#if SCAN_LE && defined(__GNUC__) && !defined(LEDE_SCAN_PLAIN)
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
/* The same for each byte of x equal to c. */
#define SCAN_EQ(x, c) SCAN_BELOW((x) ^ ((c) * SCAN_ONES), 1)
/* The offset of the byte of the lowest flag of m (not 0), SWAR only. */
#define SCAN_FIRST(m) ((size_t)__builtin_ctzll(m) >> 3)

/* Eight bytes at p as a little-endian number, on any machine. */
static inline uint64_t
scan_load64le_plain(const unsigned char *p)
{
	uint64_t v = 0;
	int k;

	for (k = 7; k >= 0; k--)
		v = v << 8 | p[k];
	return v;
}

static inline uint64_t
scan_load64le(const unsigned char *p)
{
#if SCAN_LE
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
#else
	return scan_load64le_plain(p);
#endif
}

/* ---- a byte of 0x80 or more: the first not ASCII ---- */

static inline size_t
scan_wide_plain(const unsigned char *s, size_t i, size_t end)
{
	while (i < end && s[i] < 0x80)
		i++;
	return i;
}

#if SCAN_SSE2
static inline size_t
scan_wide_sse2(const unsigned char *s, size_t i, size_t end)
{
	int m;

	for (; i + 16 <= end; i += 16) {
		m = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(s + i)));
		if (m)
			return i + __builtin_ctz(m);
	}
	return scan_wide_plain(s, i, end);
}
#endif

#if SCAN_SWAR
static inline size_t
scan_wide_swar(const unsigned char *s, size_t i, size_t end)
{
	uint64_t x;

	for (; i + 8 <= end; i += 8) {
		memcpy(&x, s + i, 8);
		if (x & SCAN_HIGH)
			return i + SCAN_FIRST(x & SCAN_HIGH);
	}
	return scan_wide_plain(s, i, end);
}
#endif

static inline size_t
scan_wide(const unsigned char *s, size_t i, size_t end)
{
#if SCAN_SSE2
	return scan_wide_sse2(s, i, end);
#elif SCAN_SWAR
	return scan_wide_swar(s, i, end);
#else
	return scan_wide_plain(s, i, end);
#endif
}

/*
 * ---- . ? ! or a byte of 0xE0 and above ----
 * Every byte that may start sentence-final punctuation, and more; the
 * caller looks closer.
 */

static inline size_t
scan_stop_plain(const unsigned char *s, size_t i, size_t end)
{
	while (i < end && s[i] != '.' && s[i] != '?' && s[i] != '!' && s[i] < 0xE0)
		i++;
	return i;
}

#if SCAN_SSE2
static inline size_t
scan_stop_sse2(const unsigned char *s, size_t i, size_t end)
{
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
	return scan_stop_plain(s, i, end);
}
#endif

#if SCAN_SWAR
static inline size_t
scan_stop_swar(const unsigned char *s, size_t i, size_t end)
{
	uint64_t x, m;

	for (; i + 8 <= end; i += 8) {
		memcpy(&x, s + i, 8);
		m = SCAN_EQ(x, '.') | SCAN_EQ(x, '?') | SCAN_EQ(x, '!') |
		    (x & (x << 1) & (x << 2) & SCAN_HIGH);
		if (m)
			return i + SCAN_FIRST(m);
	}
	return scan_stop_plain(s, i, end);
}
#endif

static inline size_t
scan_stop(const unsigned char *s, size_t i, size_t end)
{
#if SCAN_SSE2
	return scan_stop_sse2(s, i, end);
#elif SCAN_SWAR
	return scan_stop_swar(s, i, end);
#else
	return scan_stop_plain(s, i, end);
#endif
}

/* ---- a decimal digit ---- */

static inline size_t
scan_digit_plain(const unsigned char *s, size_t i, size_t end)
{
	while (i < end && (unsigned)(s[i] - '0') > 9)
		i++;
	return i;
}

#if SCAN_SSE2
static inline size_t
scan_digit_sse2(const unsigned char *s, size_t i, size_t end)
{
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
	return scan_digit_plain(s, i, end);
}
#endif

static inline size_t
scan_digit(const unsigned char *s, size_t i, size_t end)
{
#if SCAN_SSE2
	return scan_digit_sse2(s, i, end);
#else
	return scan_digit_plain(s, i, end);
#endif
}

/* ---- '"' or a byte of 0x80 or more: where a quotation mark may start ---- */

static inline size_t
scan_quote_plain(const unsigned char *s, size_t i, size_t end)
{
	while (i < end && s[i] != '"' && s[i] < 0x80)
		i++;
	return i;
}

#if SCAN_SWAR
static inline size_t
scan_quote_swar(const unsigned char *s, size_t i, size_t end)
{
	uint64_t x, m;

	for (; i + 8 <= end; i += 8) {
		memcpy(&x, s + i, 8);
		/* ((x ^ '"') - 1) | x: the lowest flag exact, as SCAN_BELOW */
		m = (((x ^ ('"' * SCAN_ONES)) - SCAN_ONES) | x) & SCAN_HIGH;
		if (m)
			return i + SCAN_FIRST(m);
	}
	return scan_quote_plain(s, i, end);
}
#endif

static inline size_t
scan_quote(const unsigned char *s, size_t i, size_t end)
{
#if SCAN_SWAR
	return scan_quote_swar(s, i, end);
#else
	return scan_quote_plain(s, i, end);
#endif
}

/* ---- a byte that is no ASCII letter: the end of a word ---- */

static inline size_t
scan_nonalpha_plain(const unsigned char *s, size_t i, size_t end)
{
	while (i < end && (unsigned)((s[i] | 0x20) - 'a') < 26)
		i++;
	return i;
}

#if SCAN_SWAR
static inline size_t
scan_nonalpha_swar(const unsigned char *s, size_t i, size_t end)
{
	uint64_t w, x, m;

	for (; i + 8 <= end; i += 8) {
		memcpy(&w, s + i, 8);
		/* x is w lower-cased; a letter is 0x61..0x7A there */
		x = w | 0x20 * SCAN_ONES;
		m = (w | ~(x + 0x1F * SCAN_ONES) | (x + 0x05 * SCAN_ONES)) & SCAN_HIGH;
		if (m)
			return i + SCAN_FIRST(m);
	}
	return scan_nonalpha_plain(s, i, end);
}
#endif

static inline size_t
scan_nonalpha(const unsigned char *s, size_t i, size_t end)
{
#if SCAN_SWAR
	return scan_nonalpha_swar(s, i, end);
#else
	return scan_nonalpha_plain(s, i, end);
#endif
}

/*
 * ---- the ASCII letters eight bytes start with ----
 * w is eight bytes as a little-endian number (scan_load64le); the
 * number of ASCII letters its first bytes are, 8 if all are.  A word
 * this short needs no loop: its length and its bytes come at once.
 */

static inline size_t
scan_alpha8_plain(uint64_t w)
{
	size_t k;

	for (k = 0; k < 8; k++, w >>= 8)
		if ((unsigned)((((unsigned)w & 0xFF) | 0x20) - 'a') >= 26)
			break;
	return k;
}

#if SCAN_SWAR
static inline size_t
scan_alpha8_swar(uint64_t w)
{
	uint64_t x = w | 0x20 * SCAN_ONES, m;

	/* as scan_nonalpha_swar */
	m = (w | ~(x + 0x1F * SCAN_ONES) | (x + 0x05 * SCAN_ONES)) & SCAN_HIGH;
	return m ? SCAN_FIRST(m) : 8;
}
#endif

static inline size_t
scan_alpha8(uint64_t w)
{
#if SCAN_SWAR
	return scan_alpha8_swar(w);
#else
	return scan_alpha8_plain(w);
#endif
}

/*
 * ---- a byte JSON must escape in a string ----
 * '"' or '\\', and with ctl a byte below 0x20, with hi one of 0x80 or
 * more.
 */

static inline size_t
scan_json_plain(const unsigned char *s, size_t i, size_t end, int ctl, int hi)
{
	for (; i < end; i++)
		if (s[i] == '"' || s[i] == '\\' || (ctl && s[i] < 0x20) ||
		    (hi && s[i] >= 0x80))
			break;
	return i;
}

#if SCAN_SWAR
static inline size_t
scan_json_swar(const unsigned char *s, size_t i, size_t end, int ctl, int hi)
{
	uint64_t x, m;

	for (; i + 8 <= end; i += 8) {
		memcpy(&x, s + i, 8);
		m = SCAN_EQ(x, '"') | SCAN_EQ(x, '\\');
		if (ctl)
			m |= SCAN_BELOW(x, 0x20);
		if (hi)
			m |= x & SCAN_HIGH;
		if (m)
			return i + SCAN_FIRST(m);
	}
	return scan_json_plain(s, i, end, ctl, hi);
}
#endif

#if SCAN_SSE2
/* 16 bytes at a time, the rest (a short key, a string's tail) by 8. */
static inline size_t
scan_json_sse2(const unsigned char *s, size_t i, size_t end, int ctl, int hi)
{
	const __m128i q = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\'),
	    sp = _mm_set1_epi8(0x20), c1f = _mm_set1_epi8(0x1F);
	__m128i x, y;
	int m;

	for (; i + 16 <= end; i += 16) {
		x = _mm_loadu_si128((const __m128i *)(s + i));
		y = _mm_or_si128(_mm_cmpeq_epi8(x, q), _mm_cmpeq_epi8(x, bs));
		if (ctl && hi)	/* below 0x20 or from 0x80: below 0x20 as signed */
			y = _mm_or_si128(y, _mm_cmplt_epi8(x, sp));
		else if (ctl)	/* x <= 0x1F as unsigned: min(x, 0x1F) == x */
			y = _mm_or_si128(y, _mm_cmpeq_epi8(_mm_min_epu8(x, c1f), x));
		m = _mm_movemask_epi8(y);
		if (hi && !ctl)
			m |= _mm_movemask_epi8(x);
		if (m)
			return i + (size_t)__builtin_ctz((unsigned)m);
	}
#if SCAN_SWAR
	return scan_json_swar(s, i, end, ctl, hi);
#else
	return scan_json_plain(s, i, end, ctl, hi);
#endif
}
#endif

static inline size_t
scan_json(const unsigned char *s, size_t i, size_t end, int ctl, int hi)
{
#if SCAN_SSE2
	return scan_json_sse2(s, i, end, ctl, hi);
#elif SCAN_SWAR
	return scan_json_swar(s, i, end, ctl, hi);
#else
	return scan_json_plain(s, i, end, ctl, hi);
#endif
}

/* ---- counting the UTF-8 continuation bytes (10xxxxxx) of s[0..n) ---- */

static inline size_t
scan_count_cont_plain(const unsigned char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += (s[i] & 0xC0) == 0x80;
	return k;
}

#if SCAN_SWAR
static inline size_t
scan_count_cont_swar(const unsigned char *s, size_t n)
{
	size_t i = 0, k = 0;
	uint64_t x;

	for (; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		if (!(x & SCAN_HIGH))
			continue;	/* plain ASCII */
		x &= ~(x << 1) & SCAN_HIGH;
		/* one bit a byte: their sum in the top byte (no popcnt call) */
		k += (size_t)(((x >> 7) * SCAN_ONES) >> 56);
	}
	return k + scan_count_cont_plain(s + i, n - i);
}
#endif

static inline size_t
scan_count_cont(const unsigned char *s, size_t n)
{
#if SCAN_SWAR
	return scan_count_cont_swar(s, n);
#else
	return scan_count_cont_plain(s, n);
#endif
}

/*
 * ---- sixteen bytes of plain words, lower-cased ----
 * If p[0..16) are ASCII letters, digits and single spaces, with a
 * letter or a digit at either end, writes them to q with A-Z as a-z
 * and returns 1; else writes nothing and returns 0.  Only the SSE2 way
 * is faster than a byte loop: callers use scan_word16 under SCAN_SSE2.
 */

static inline int
scan_word16_plain(const unsigned char *p, unsigned char *q)
{
	int k;

	for (k = 0; k < 16; k++) {
		unsigned c = p[k] | 0x20;

		if (p[k] == ' ') {
			if (k == 0 || k == 15 || p[k - 1] == ' ')
				return 0;
		} else if (!(c >= 'a' && c <= 'z') && !(p[k] >= '0' && p[k] <= '9'))
			return 0;
	}
	for (k = 0; k < 16; k++)
		q[k] = p[k] >= 'A' && p[k] <= 'Z' ? p[k] + ('a' - 'A') : p[k];
	return 1;
}

#if SCAN_SSE2
static inline int
scan_word16_sse2(const unsigned char *p, unsigned char *q)
{
	__m128i v = _mm_loadu_si128((const __m128i *)p);
	__m128i up = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
	    _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
	__m128i lo = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
	    _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)));
	__m128i dg = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
	    _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
	__m128i spc = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
	unsigned word = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(up, lo), dg));
	unsigned sm = _mm_movemask_epi8(spc);

	/* Bytes from 0x80 compare as negative: never in a class. */
	if ((word | sm) != 0xFFFF || (sm & (sm >> 1)) || (sm & 0x8001))
		return 0;
	_mm_storeu_si128((__m128i *)q,
	    _mm_add_epi8(v, _mm_and_si128(up, _mm_set1_epi8(32))));
	return 1;
}
#endif

static inline int
scan_word16(const unsigned char *p, unsigned char *q)
{
#if SCAN_SSE2
	return scan_word16_sse2(p, q);
#else
	return scan_word16_plain(p, q);
#endif
}

/*
 * ---- code points to bytes while they are plain JSON text ----
 * Copies t[i, ...) to o[0, ...), one byte each, while each code point
 * is ASCII from 0x20 that a JSON string holds as is (neither '"' nor
 * '\\'); returns where it stopped, as the other scans.  o must have room
 * for end - i bytes.  Only the SSE2 way, sixteen at a time, is faster.
 */

static inline size_t
scan_narrow32_plain(const uint32_t *t, size_t i, size_t end, unsigned char *o)
{
	for (; i < end; i++, o++) {
		uint32_t c = t[i];

		if (c < 0x20 || c > 0x7F || c == '"' || c == '\\')
			break;
		*o = (unsigned char)c;
	}
	return i;
}

#if SCAN_SSE2
static inline size_t
scan_narrow32_sse2(const uint32_t *t, size_t i, size_t end, unsigned char *o)
{
	const __m128i lim = _mm_set1_epi32(0x7F);
	size_t i0 = i;

	for (; i + 16 <= end; i += 16) {
		const __m128i *v = (const __m128i *)(t + i);
		__m128i a = _mm_loadu_si128(v), b = _mm_loadu_si128(v + 1);
		__m128i c = _mm_loadu_si128(v + 2), d = _mm_loadu_si128(v + 3), w;

		/* above 0x7F (as signed: a code point is under 2^31) */
		if (_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_cmpgt_epi32(a, lim), _mm_cmpgt_epi32(b, lim)),
		    _mm_or_si128(_mm_cmpgt_epi32(c, lim), _mm_cmpgt_epi32(d, lim)))))
			break;
		w = _mm_packus_epi16(_mm_packs_epi32(a, b), _mm_packs_epi32(c, d));
		if (_mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(w, _mm_set1_epi8(0x20)),
		    _mm_or_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8('"')),
		    _mm_cmpeq_epi8(w, _mm_set1_epi8('\\'))))))
			break;
		_mm_storeu_si128((__m128i *)(o + (i - i0)), w);
	}
	return scan_narrow32_plain(t, i, end, o + (i - i0));
}
#endif

static inline size_t
scan_narrow32(const uint32_t *t, size_t i, size_t end, unsigned char *o)
{
#if SCAN_SSE2
	return scan_narrow32_sse2(t, i, end, o);
#else
	return scan_narrow32_plain(t, i, end, o);
#endif
}

/*
 * ---- bytes to code points up to a byte past ASCII, '"', '\n' or '\'' ----
 * Copies s[i, ...) to t[0, ...), a code point a byte, while each byte
 * is ASCII and none of '"', '\n', '\'' (where a quotation mark or a
 * paragraph may be); returns where it stopped, as the other scans.  t
 * must have room for end - i code points: the fast ways may write past
 * the stop, up to their block's end.
 */

static inline int
scan_widen_stop(unsigned c)
{
	return c >= 0x80 || c == '"' || c == '\n' || c == '\'';
}

static inline size_t
scan_widen_plain(const unsigned char *s, size_t i, size_t end, uint32_t *t)
{
	for (; i < end && !scan_widen_stop(s[i]); i++)
		*t++ = s[i];
	return i;
}

#if SCAN_SSE2
static inline size_t
scan_widen_sse2(const unsigned char *s, size_t i, size_t end, uint32_t *t)
{
	const __m128i z = _mm_setzero_si128();
	int m;

	for (; i + 16 <= end; i += 16, t += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i)), lo, hi;

		/* the high bit, or one of the three bytes */
		m = _mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(v, _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
		    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')))));
		lo = _mm_unpacklo_epi8(v, z);
		hi = _mm_unpackhi_epi8(v, z);
		_mm_storeu_si128((__m128i *)t, _mm_unpacklo_epi16(lo, z));
		_mm_storeu_si128((__m128i *)(t + 4), _mm_unpackhi_epi16(lo, z));
		_mm_storeu_si128((__m128i *)(t + 8), _mm_unpacklo_epi16(hi, z));
		_mm_storeu_si128((__m128i *)(t + 12), _mm_unpackhi_epi16(hi, z));
		if (m)
			return i + (size_t)__builtin_ctz((unsigned)m);
	}
	return scan_widen_plain(s, i, end, t);
}
#endif

#if SCAN_SWAR
static inline size_t
scan_widen_swar(const unsigned char *s, size_t i, size_t end, uint32_t *t)
{
	uint64_t x, m;
	int k;

	for (; i + 8 <= end; i += 8, t += 8) {
		memcpy(&x, s + i, 8);
		m = (x & SCAN_HIGH) | SCAN_EQ(x, '"') | SCAN_EQ(x, '\n') | SCAN_EQ(x, '\'');
		for (k = 0; k < 8; k++)
			t[k] = s[i + (size_t)k];
		if (m)
			return i + SCAN_FIRST(m);
	}
	return scan_widen_plain(s, i, end, t);
}
#endif

static inline size_t
scan_widen(const unsigned char *s, size_t i, size_t end, uint32_t *t)
{
#if SCAN_SSE2
	return scan_widen_sse2(s, i, end, t);
#elif SCAN_SWAR
	return scan_widen_swar(s, i, end, t);
#else
	return scan_widen_plain(s, i, end, t);
#endif
}
#endif
