#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "dedupe-norm.h"
#include "scan.h"
#include "utf8.h"
#include "util.h"

#define NORM_OPTS (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | \
	UTF8PROC_CASEFOLD | UTF8PROC_IGNORE)

/* What a code point becomes: dropped, a word break, or kept. */
static int
cpclass(int32_t c)
{
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
	case UTF8PROC_CATEGORY_CF:
		return NC_DROP;
	case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_CC:
		return NC_SPACE;
	default:
		return NC_KEEP;
	}
}

/* The ASCII classes, from the same rule (filled on first use). */
static unsigned char ascii[128];
static int ascii_ready;

static void
ascii_init(void)
{
	int c;

	for (c = 0; c < 128; c++)
		ascii[c] = cpclass(c);
	ascii_ready = 1;
}

static void
put_cp(struct buf *out, int32_t u)
{
	char c[4];
	utf8proc_ssize_t n = utf8proc_encode_char(u, (utf8proc_uint8_t *)c);

	buf_add(out, c, n);
}

/*
 * The space between words is written lazily: *sp says one is owed,
 * paid when the next kept character comes after some text.
 */
#define EMIT_SPACE(out, sp, base) do { \
	if (*(sp) && (out)->len > (base)) \
		buf_addc((out), ' '); \
	*(sp) = 0; \
} while (0)

/*
 * Where the last combining sequence of out (after base) starts: the
 * character the trailing combining marks sit on, at most 32 back.
 */
static size_t
tail_start(const struct buf *out, size_t base)
{
	utf8proc_int32_t c;
	size_t e = out->len, b;
	int n = 0;

	while (e > base && n++ < 32) {
		b = e - 1;
		while (b > base && !UTF8_START(out->s[b]))
			b--;
		if (utf8proc_iterate((const utf8proc_uint8_t *)out->s + b, e - b, &c) < 0)
			break;
		e = b;
		if (utf8proc_get_property(c)->combining_class == 0)
			break;
	}
	return e;
}

/*
 * Normalises a run of non-ASCII characters: decomposed (NFKD, case
 * folded), punctuation dropped and breaks made spaces, then composed
 * (so NFKC) together with the character written before it, which a
 * combining mark may join (e + U+0301 is é).  Dropping before composing
 * makes normalising twice the same as once.
 */
static void
run(struct norm *nm, const char *s, size_t n, struct buf *out, int *sp, size_t base)
{
	utf8proc_ssize_t k, i, j;

	/*
	 * A combining mark may join what was written before it (e + U+0301
	 * is é, and ó + U+0323 reorders): that tail is taken back and
	 * decomposed again with the run.
	 */
	if (!*sp && out->len > base) {
		size_t t = tail_start(out, base);

		buf_reset(&nm->redo);
		buf_add(&nm->redo, out->s + t, out->len - t);
		buf_add(&nm->redo, s, n);
		out->len = t;
		s = nm->redo.s;
		n = nm->redo.len;
	}
	for (;;) {
		k = nm->cpcap ? utf8proc_decompose((const utf8proc_uint8_t *)s, n,
		    nm->cp, nm->cpcap, NORM_OPTS) : (utf8proc_ssize_t)n + 1;
		if (k < 0)
			die(EX_ERR, "utf8proc: %s", utf8proc_errmsg(k));
		if (nm->cpcap && (size_t)k <= nm->cpcap)
			break;
		nm->cpcap = k + 64;
		nm->cp = xrealloc(nm->cp, nm->cpcap * sizeof *nm->cp);
	}
	j = 0;
	for (i = 0; i < k; i++) {
		int32_t c = nm->cp[i];
		int cl = c < 128 ? ascii[c] : cpclass(c);

		if (cl == NC_KEEP)
			nm->cp[j++] = c;
		else if (cl == NC_SPACE && (j == 0 || nm->cp[j - 1] != ' '))
			nm->cp[j++] = ' ';
	}
	/*
	 * Dropping a character between two combining marks can leave them
	 * out of canonical order; put them back in order (a stable insertion
	 * sort by combining class, as decomposition does), so that the key of
	 * a key is itself.
	 */
	for (i = 1; i < j; i++) {
		int32_t c = nm->cp[i];
		int cc = utf8proc_get_property(c)->combining_class;
		utf8proc_ssize_t m = i;

		while (cc && m > 0 && utf8proc_get_property(nm->cp[m - 1])->combining_class > cc) {
			nm->cp[m] = nm->cp[m - 1];
			m--;
		}
		nm->cp[m] = c;
	}
	k = utf8proc_normalize_utf32(nm->cp, j, NORM_OPTS);
	if (k < 0)
		die(EX_ERR, "utf8proc: %s", utf8proc_errmsg(k));
	for (i = 0; i < k; i++) {
		if (nm->cp[i] == ' ') {
			*sp = 1;
		} else {
			EMIT_SPACE(out, sp, base);
			put_cp(out, nm->cp[i]);
		}
	}
}

/*
 * The ASCII fast path: for each byte, the byte to write (a kept
 * character, lower-cased), 1 for a word break, 0 to drop it; bytes
 * from 0x80 are 0 too and are told apart by their value.
 */
static unsigned char fast[256];

static void
fast_init(void)
{
	int c;

	ascii_init();
	for (c = 0; c < 128; c++)
		fast[c] = ascii[c] == NC_KEEP ? (c >= 'A' && c <= 'Z' ? c + 32 : c) :
		    ascii[c] == NC_SPACE ? 1 : 0;
}

void
norm_text(struct norm *nm, const char *s, size_t n, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, j, base = out->len;
	unsigned char *q, t;
	unsigned sp = 0, started;

	if (!ascii_ready)
		fast_init();
	for (;;) {
		/* Room for every byte and a space before each. */
		buf_grow(out, 2 * (n - i) + 2);
		q = (unsigned char *)out->s + out->len;
		started = out->len > base;
		for (; i < n; i++) {
			/* Branch-free: most bytes are letters, then a space. */
			unsigned c = p[i], keep, brk;

#if SCAN_SSE2
			/*
			 * Sixteen letters, digits and single spaces, with a
			 * letter or digit at either end, are written at once,
			 * lower-cased, after a space if one is due.
			 */
			for (; n - i >= 16; i += 16) {
				*q = ' ';	/* kept only if one is due */
				if (!scan_word16(p + i, q + (sp && started)))
					break;
				q += 16 + (sp && started);
				sp = 0;
				started = 1;
			}
			if (i >= n)
				break;
			c = p[i];
#endif
			if (c >= 0x80)
				break;
			t = fast[c];
			keep = t > 1;
			brk = t == 1;
			*q = ' ';
			q += sp & keep;
			*q = t;
			q += keep;
			started |= keep;
			sp = (sp | (brk & started)) & !keep;
		}
		out->len = q - (unsigned char *)out->s;
		if (i >= n)
			break;
		/* A run of non-ASCII characters, normalised together. */
		j = i;
		while (j < n && p[j] >= 0x80)
			j++;
		{
			int isp = sp;

			run(nm, s + i, j - i, out, &isp, base);
			sp = isp && out->len > base;
		}
		i = j;
	}
	if (out->s)
		out->s[out->len] = '\0';
}

void
norm_free(struct norm *nm)
{
	free(nm->cp);
	nm->cp = NULL;
	nm->cpcap = 0;
	buf_free(&nm->redo);
}

/* MurmurHash3 x64 128 (Austin Appleby, public domain), little-endian loads. */
static inline uint64_t
rotl(uint64_t x, int r)
{
	return x << r | x >> (64 - r);
}

uint64_t
mix64(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return k;
}

struct h128
hash128(const void *key, size_t len, uint64_t seed)
{
	const unsigned char *p = key;
	const uint64_t c1 = 0x87c37b91114253d5ULL, c2 = 0x4cf5ad432745937fULL;
	uint64_t h1 = seed, h2 = seed, k1, k2;
	size_t i, nb = len / 16;
	struct h128 r;

	for (i = 0; i < nb; i++, p += 16) {
		k1 = scan_load64le(p);
		k2 = scan_load64le(p + 8);
		k1 *= c1; k1 = rotl(k1, 31); k1 *= c2; h1 ^= k1;
		h1 = rotl(h1, 27); h1 += h2; h1 = h1 * 5 + 0x52dce729;
		k2 *= c2; k2 = rotl(k2, 33); k2 *= c1; h2 ^= k2;
		h2 = rotl(h2, 31); h2 += h1; h2 = h2 * 5 + 0x38495ab5;
	}
	k1 = k2 = 0;
	switch (len & 15) {
	case 15: k2 ^= (uint64_t)p[14] << 48; /* FALLTHROUGH */
	case 14: k2 ^= (uint64_t)p[13] << 40; /* FALLTHROUGH */
	case 13: k2 ^= (uint64_t)p[12] << 32; /* FALLTHROUGH */
	case 12: k2 ^= (uint64_t)p[11] << 24; /* FALLTHROUGH */
	case 11: k2 ^= (uint64_t)p[10] << 16; /* FALLTHROUGH */
	case 10: k2 ^= (uint64_t)p[9] << 8; /* FALLTHROUGH */
	case 9: k2 ^= (uint64_t)p[8];
		k2 *= c2; k2 = rotl(k2, 33); k2 *= c1; h2 ^= k2;
		/* FALLTHROUGH */
	case 8: k1 ^= (uint64_t)p[7] << 56; /* FALLTHROUGH */
	case 7: k1 ^= (uint64_t)p[6] << 48; /* FALLTHROUGH */
	case 6: k1 ^= (uint64_t)p[5] << 40; /* FALLTHROUGH */
	case 5: k1 ^= (uint64_t)p[4] << 32; /* FALLTHROUGH */
	case 4: k1 ^= (uint64_t)p[3] << 24; /* FALLTHROUGH */
	case 3: k1 ^= (uint64_t)p[2] << 16; /* FALLTHROUGH */
	case 2: k1 ^= (uint64_t)p[1] << 8; /* FALLTHROUGH */
	case 1: k1 ^= (uint64_t)p[0];
		k1 *= c1; k1 = rotl(k1, 31); k1 *= c2; h1 ^= k1;
	}
	h1 ^= len;
	h2 ^= len;
	h1 += h2;
	h2 += h1;
	h1 = mix64(h1);
	h2 = mix64(h2);
	h1 += h2;
	h2 += h1;
	r.hi = h1;
	r.lo = h2;
	return r;
}

/* A quick 64-bit hash for words. */
uint64_t
hash64(const void *key, size_t len, uint64_t seed)
{
	const unsigned char *p = key;
	uint64_t h = seed ^ (len * 0x9e3779b97f4a7c15ULL), k;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8) {
		h ^= mix64(scan_load64le(p + i));
		h = rotl(h, 29) * 0x9e3779b97f4a7c15ULL;
	}
	if (i < len) {
		k = 0;
		memcpy(&k, p + i, len - i);
		h ^= mix64(k + 1);
		h = rotl(h, 29) * 0x9e3779b97f4a7c15ULL;
	}
	return mix64(h);
}
