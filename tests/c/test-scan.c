/*
 * Each fast primitive of common/scan.h against its plain twin: every
 * length 0..64 at every alignment 0..15, from the start and the middle,
 * over buffers of each byte value 0x00..0xFF with another placed at a
 * random offset, and over random bytes, half of them near each
 * primitive's edges.
 * Prints TAP: one test for each primitive and way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

#define MAXLEN 64
#define ALIGN 16

static int ntest;

static void
ok(int cond, const char *what, long bad)
{
	ntest++;
	if (cond)
		printf("ok %d - %s\n", ntest, what);
	else
		printf("not ok %d - %s (case %ld)\n", ntest, what, bad);
}

typedef size_t (*scanfn)(const unsigned char *, size_t, size_t);

/* The buffers one check is run over; fill() makes them. */
static unsigned char buf[ALIGN + MAXLEN + 16];
static unsigned rng = 12345;

static unsigned
rnd(void)
{
	rng = rng * 1103515245u + 12345u;
	return rng >> 16;
}

static const unsigned char edges[] = {
	0x00, 0x01, 0x1F, 0x20, 0x21, '"', '!', '\'', '\n', '.', '/', '0', '5', '9', ':', '?',
	'@', 'A', 'Z', '[', '\\', '`', 'a', 'z', '{', 0x7F, 0x80, 0x81, 0xBF,
	0xC0, 0xC2, 0xDF, 0xE0, 0xE2, 0xEF, 0xF0, 0xFF, ' ', ' ', 'e', 'e', 'E',
};

/*
 * Calls check(case) over every buffer: each byte a everywhere, alone
 * or with one of six others (a ^ 0x80, a + 1, a - 1, '"', 0xE0, '9')
 * at a random offset; then random buffers, half of edge bytes.
 * Returns the first failing case, or -1.
 */
static long
each_buffer(int (*check)(void))
{
	long k = 0;
	int a, b, r, at;

	for (a = 0; a < 256; a++)
		for (b = 0; b < 7; b++, k++) {
			const int other[] = { a ^ 0x80, a + 1, a - 1, '"', 0xE0, '9' };

			memset(buf, a, sizeof buf);
			if (b < 6)
				buf[rnd() % sizeof buf] = (unsigned char)other[b];
			if (!check())
				return k;
		}
	for (r = 0; r < 200; r++, k++) {
		for (at = 0; at < (int)sizeof buf; at++)
			buf[at] = r & 1 ? edges[rnd() % sizeof edges] : (unsigned char)rnd();
		if (!check())
			return k;
	}
	return -1;
}

/* Every start offset and length of the buffer, fast against plain. */
static scanfn fast, plain;

static int
check_scan(void)
{
	size_t al, len, i;

	for (al = 0; al < ALIGN; al++)
		for (len = 0; len <= MAXLEN; len++)
			for (i = 0; i <= len; i += len / 2 + 1)
				if (fast(buf + al, i, len) != plain(buf + al, i, len))
					return 0;
	return 1;
}

static void
test_scan(scanfn f, scanfn p, const char *what)
{
	long bad;

	fast = f;
	plain = p;
	bad = each_buffer(check_scan);
	ok(bad < 0, what, bad);
}

/* scan_json has two flags: each of the four settings in turn. */
static int json_ctl, json_hi;

static size_t
json_fast(const unsigned char *s, size_t i, size_t n)
{
	return scan_json(s, i, n, json_ctl, json_hi);
}

static size_t
json_plain(const unsigned char *s, size_t i, size_t n)
{
	return scan_json_plain(s, i, n, json_ctl, json_hi);
}

static int
check_count(void)
{
	size_t al, len;

	for (al = 0; al < ALIGN; al++)
		for (len = 0; len <= MAXLEN; len++)
			if (scan_count_cont(buf + al, len) !=
			    scan_count_cont_plain(buf + al, len))
				return 0;
	return 1;
}

static int
check_load(void)
{
	size_t al;

	for (al = 0; al < ALIGN + MAXLEN; al++)
		if (scan_load64le(buf + al) != scan_load64le_plain(buf + al))
			return 0;
	return 1;
}

/* scan_alpha8 at every offset, each way against plain. */
static size_t (*alpha8_fast)(uint64_t);

static int
check_alpha8(void)
{
	size_t al;

	for (al = 0; al < ALIGN + MAXLEN; al++)
		if (alpha8_fast(scan_load64le(buf + al)) !=
		    scan_alpha8_plain(scan_load64le(buf + al)))
			return 0;
	return 1;
}

static void
test_alpha8(size_t (*f)(uint64_t), const char *what)
{
	long bad;

	alpha8_fast = f;
	bad = each_buffer(check_alpha8);
	ok(bad < 0, what, bad);
}

/* The word16 test needs runs of letters and single spaces: its own inputs. */
static int
check_word16(int (*f)(const unsigned char *, unsigned char *))
{
	static const char alpha[] = "aZm09 Q \x80@[`{/:";
	unsigned char in[16], q1[17], q2[17];
	int r, k, v1, v2;

	for (r = 0; r < 200000; r++) {
		for (k = 0; k < 16; k++)
			in[k] = r % 3 ? alpha[rnd() % 8] : (r % 3 == 1 ?
			    (unsigned char)rnd() : alpha[rnd() % (sizeof alpha - 1)]);
		if (r < 256)	/* each byte once at each place */
			in[r % 16] = (unsigned char)r;
		memset(q1, 0xAA, sizeof q1);
		memset(q2, 0xAA, sizeof q2);
		v1 = f(in, q1);
		v2 = scan_word16_plain(in, q2);
		if (v1 != v2 || memcmp(q1, q2, sizeof q1) != 0)
			return 0;
	}
	return 1;
}

/* scan_widen: the place it stops and the code points before it, fast against plain. */
static size_t (*widen_fast)(const unsigned char *, size_t, size_t, uint32_t *);

static int
check_widen(void)
{
	uint32_t t1[MAXLEN + 1], t2[MAXLEN + 1];
	size_t al, len, i, r1, r2;

	for (al = 0; al < ALIGN; al++)
		for (len = 0; len <= MAXLEN; len++)
			for (i = 0; i <= len; i += len / 2 + 1) {
				memset(t1, 0xAA, sizeof t1);
				memset(t2, 0xAA, sizeof t2);
				r1 = widen_fast(buf + al, i, len, t1);
				r2 = scan_widen_plain(buf + al, i, len, t2);
				if (r1 != r2 || memcmp(t1, t2, (r1 - i) * sizeof *t1) != 0)
					return 0;
			}
	return 1;
}

static void
test_widen(size_t (*f)(const unsigned char *, size_t, size_t, uint32_t *), const char *what)
{
	long bad;

	widen_fast = f;
	bad = each_buffer(check_widen);
	ok(bad < 0, what, bad);
}

/* scan_narrow32 over code points: every alignment, length and start, each way against plain. */
static int
check_narrow32(size_t (*f)(const uint32_t *, size_t, size_t, unsigned char *))
{
	static const uint32_t edge[] = { 0, 0x1F, 0x20, 'a', 'Z', '"', '\\', 0x7E, 0x7F, 0x80,
	    0xFF, 0x100, 0x2019, 0x10FFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x22222222 };
	uint32_t t[MAXLEN + ALIGN];
	unsigned char o1[MAXLEN + ALIGN], o2[MAXLEN + ALIGN];
	size_t len, i, k, r1, r2;
	int rep;

	for (rep = 0; rep < 3000; rep++) {
		/* mostly plain text, with one edge value now and then */
		for (k = 0; k < MAXLEN + ALIGN; k++)
			t[k] = rnd() % 23 ? 0x20 + rnd() % 0x60 : edge[rnd() % (sizeof edge / sizeof *edge)];
		if (rep < (int)(sizeof edge / sizeof *edge))
			for (k = 0; k < MAXLEN + ALIGN; k++)
				t[k] = k == (size_t)rep % 37 ? edge[rep] : 'x';
		for (len = 0; len <= MAXLEN; len++)
			for (i = 0; i <= len; i += len / 3 + 1) {
				memset(o1, 0xAA, sizeof o1);
				memset(o2, 0xAA, sizeof o2);
				r1 = f(t + rep % ALIGN, i, len, o1);
				r2 = scan_narrow32_plain(t + rep % ALIGN, i, len, o2);
				if (r1 != r2 || memcmp(o1, o2, sizeof o1) != 0)
					return 0;
			}
	}
	return 1;
}

int
main(void)
{
	long bad;
	int c, h;

	test_scan(scan_wide, scan_wide_plain, "scan_wide");
	test_scan(scan_stop, scan_stop_plain, "scan_stop");
	test_scan(scan_digit, scan_digit_plain, "scan_digit");
	test_scan(scan_quote, scan_quote_plain, "scan_quote");
	test_scan(scan_nonalpha, scan_nonalpha_plain, "scan_nonalpha");
#if SCAN_SSE2
	test_scan(scan_wide_sse2, scan_wide_plain, "scan_wide_sse2");
	test_scan(scan_stop_sse2, scan_stop_plain, "scan_stop_sse2");
	test_scan(scan_digit_sse2, scan_digit_plain, "scan_digit_sse2");
#endif
#if SCAN_SWAR
	test_scan(scan_wide_swar, scan_wide_plain, "scan_wide_swar");
	test_scan(scan_stop_swar, scan_stop_plain, "scan_stop_swar");
	test_scan(scan_quote_swar, scan_quote_plain, "scan_quote_swar");
	test_scan(scan_nonalpha_swar, scan_nonalpha_plain, "scan_nonalpha_swar");
#endif
	for (c = 0; c < 2; c++)
		for (h = 0; h < 2; h++) {
			char what[64];

			json_ctl = c;
			json_hi = h;
			snprintf(what, sizeof what, "scan_json ctl=%d hi=%d", c, h);
			test_scan(json_fast, json_plain, what);
		}
	bad = each_buffer(check_count);
	ok(bad < 0, "scan_count_cont", bad);
	bad = each_buffer(check_load);
	ok(bad < 0, "scan_load64le", bad);
	test_alpha8(scan_alpha8, "scan_alpha8");
#if SCAN_SWAR
	test_alpha8(scan_alpha8_swar, "scan_alpha8_swar");
#endif
	ok(check_word16(scan_word16), "scan_word16", 0);
	test_widen(scan_widen, "scan_widen");
#if SCAN_SSE2
	test_widen(scan_widen_sse2, "scan_widen_sse2");
#endif
#if SCAN_SWAR
	test_widen(scan_widen_swar, "scan_widen_swar");
#endif
	ok(check_narrow32(scan_narrow32), "scan_narrow32", 0);
#if SCAN_SSE2
	ok(check_narrow32(scan_narrow32_sse2), "scan_narrow32_sse2", 0);
#endif
	printf("# fast ways: sse2 %d, swar %d\n", SCAN_SSE2, SCAN_SWAR);
	printf("1..%d\n", ntest);
	return 0;
}
