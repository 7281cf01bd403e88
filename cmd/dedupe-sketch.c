#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dedupe-norm.h"
#include "dedupe-sketch.h"
#include "util.h"

/*
 * The MinHash functions: the high half of (x ^ b) * a, for the low 32
 * bits x of the shingle hash and fixed a (odd) and b; 32-bit lanes, so
 * the loop vectorises.
 */
static uint32_t pa[SK_PERM], pb[SK_PERM];
static int perm_ready;

static void
perm_init(void)
{
	uint64_t s = 0x5eed1ede5eed1edeULL;
	int i;

	for (i = 0; i < SK_PERM; i++) {
		s += 0x9e3779b97f4a7c15ULL;
		pa[i] = (uint32_t)mix64(s) | 1;
		s += 0x9e3779b97f4a7c15ULL;
		pb[i] = (uint32_t)mix64(s);
	}
	perm_ready = 1;
}

void
sketch_init(struct sketch *sk, int k)
{
	memset(sk, 0, sizeof *sk);
	sk->k = k;
	sk->set = xmalloc(SK_KMAX * sizeof *sk->set);
	if (!perm_ready)
		perm_init();
}

void
sketch_free(struct sketch *sk)
{
	free(sk->sh);
	free(sk->set);
	sk->sh = NULL;
	sk->set = NULL;
}

static void
addsh(struct sketch *sk, uint64_t h)
{
	if (sk->nsh == sk->shcap) {
		sk->shcap = sk->shcap ? 2 * sk->shcap : 256;
		sk->sh = xrealloc(sk->sh, sk->shcap * sizeof *sk->sh);
	}
	sk->sh[sk->nsh++] = h;
}

/* Sorts v[0..n) (LSD radix on 32-bit keys for big arrays). */
static void
sort32(uint32_t *v, size_t n, uint32_t *tmp)
{
	size_t cnt[256], i, sum, t;
	int pass;
	uint32_t *src = v, *dst = tmp, *sw;

	if (n < 64) {
		for (i = 1; i < n; i++) {
			uint32_t x = v[i];

			for (t = i; t > 0 && v[t - 1] > x; t--)
				v[t] = v[t - 1];
			v[t] = x;
		}
		return;
	}
	for (pass = 0; pass < 4; pass++) {
		memset(cnt, 0, sizeof cnt);
		for (i = 0; i < n; i++)
			cnt[src[i] >> (8 * pass) & 255]++;
		for (sum = 0, i = 0; i < 256; i++) {
			t = cnt[i];
			cnt[i] = sum;
			sum += t;
		}
		for (i = 0; i < n; i++)
			dst[cnt[src[i] >> (8 * pass) & 255]++] = src[i];
		sw = src, src = dst, dst = sw;
	}
	/* Four passes: the result is back in v. */
}

/* The minimum of each function over the shingles. */
static void
minhash_plain(const uint64_t *sh, size_t n, uint32_t *mins)
{
	size_t i, j;

	for (j = 0; j < SK_PERM; j++)
		mins[j] = UINT32_MAX;
	for (i = 0; i < n; i++) {
		uint32_t x = (uint32_t)sh[i];

		for (j = 0; j < SK_PERM; j++) {
			uint32_t v = (uint32_t)((uint64_t)(x ^ pb[j]) * pa[j] >> 32);

			mins[j] = v < mins[j] ? v : mins[j];
		}
	}
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define HAVE_AVX2_MINHASH

/* The same, eight functions to a register, when the CPU has AVX2. */
__attribute__((target("avx2")))
static void
minhash_avx2(const uint64_t *sh, size_t n, uint32_t *mins)
{
	__m256i m[SK_PERM / 8], a[SK_PERM / 8], b[SK_PERM / 8];
	const __m256i hi = _mm256_set1_epi64x((long long)0xFFFFFFFF00000000ULL);
	size_t i;
	int j;

	for (j = 0; j < SK_PERM / 8; j++) {
		m[j] = _mm256_set1_epi32(-1);
		a[j] = _mm256_loadu_si256((const __m256i *)(pa + 8 * j));
		b[j] = _mm256_loadu_si256((const __m256i *)(pb + 8 * j));
	}
	for (i = 0; i < n; i++) {
		__m256i x = _mm256_set1_epi32((int)(uint32_t)sh[i]);

		for (j = 0; j < SK_PERM / 8; j++) {
			__m256i t = _mm256_xor_si256(x, b[j]);
			/* High halves of the 32x32 products, even and odd lanes. */
			__m256i ev = _mm256_srli_epi64(_mm256_mul_epu32(t, a[j]), 32);
			__m256i od = _mm256_and_si256(_mm256_mul_epu32(
			    _mm256_srli_epi64(t, 32), _mm256_srli_epi64(a[j], 32)), hi);

			m[j] = _mm256_min_epu32(m[j], _mm256_or_si256(ev, od));
		}
	}
	for (j = 0; j < SK_PERM / 8; j++)
		_mm256_storeu_si256((__m256i *)(mins + 8 * j), m[j]);
}
#endif

static void
minhash(const uint64_t *sh, size_t n, uint32_t *mins)
{
#ifdef HAVE_AVX2_MINHASH
	static int avx2 = -1;

	if (avx2 < 0) {
		__builtin_cpu_init();
		avx2 = __builtin_cpu_supports("avx2") != 0;
	}
	if (avx2) {
		minhash_avx2(sh, n, mins);
		return;
	}
#endif
	minhash_plain(sh, n, mins);
}

int
sketch_text(struct sketch *sk, const char *s, size_t n)
{
	uint64_t ring[64], h;
	uint32_t mins[SK_PERM];
	uint32_t *all;
	size_t i, j, b, e, nw = 0, k = sk->k;
	int r;

	sk->nsh = 0;
	for (b = 0; b < n; b = e + 1) {
		e = b;
		while (e < n && s[e] != ' ' && s[e] != 0x1f)
			e++;
		if (e == b)
			continue;
		ring[nw % k] = hash64(s + b, e - b, 0x1234567);
		nw++;
		if (nw >= k) {
			for (h = k, j = nw - k; j < nw; j++)
				h = (h ^ ring[j % k]) * 0x9e3779b97f4a7c15ULL, h ^= h >> 29;
			addsh(sk, mix64(h));
		}
	}
	sk->whole = nw < k;
	if (nw == 0) {
		sk->nset = 0;
		sk->truncated = 0;
		return 0;
	}
	if (nw < k) {	/* a short text is one shingle of all its words */
		for (h = k, j = 0; j < nw; j++)
			h = (h ^ ring[j]) * 0x9e3779b97f4a7c15ULL, h ^= h >> 29;
		addsh(sk, mix64(h));
	}
	minhash(sk->sh, sk->nsh, mins);
	for (b = 0; b < SK_BANDS; b++) {
		h = 0x7a3b5c1d00000000ULL + b;
		for (r = 0; r < SK_ROWS; r++)
			h = mix64(h ^ mins[b * SK_ROWS + r]);
		sk->band[b] = h;
	}
	/* The verification set: sorted, distinct, the SK_KMAX smallest. */
	all = (uint32_t *)sk->sh;	/* reuse: 2n uint32 fit in n uint64 */
	for (i = 0; i < sk->nsh; i++)
		all[i] = (uint32_t)(sk->sh[i] >> 32);
	sort32(all, sk->nsh, all + sk->nsh);
	for (i = j = 0; i < sk->nsh && j < SK_KMAX; i++)
		if (j == 0 || all[i] != sk->set[j - 1])
			sk->set[j++] = all[i];
	sk->nset = j;
	sk->truncated = i < sk->nsh;
	return 1;
}

double
sketch_jaccard(const uint32_t *a, size_t na, int ta, const uint32_t *b,
    size_t nb, int tb)
{
	size_t i = 0, j = 0, inter = 0, uni = 0, k;

	if (!ta && !tb) {
		while (i < na && j < nb) {
			if (a[i] == b[j])
				inter++, i++, j++;
			else if (a[i] < b[j])
				i++;
			else
				j++;
		}
		uni = na + nb - inter;
		return uni ? (double)inter / uni : 1.0;
	}
	/* Bottom-k: the k smallest of the union, and how many are in both. */
	k = na < nb ? na : nb;
	if (ta && !tb)
		k = na;
	else if (tb && !ta)
		k = nb;
	while (uni < k && (i < na || j < nb)) {
		if (i < na && j < nb && a[i] == b[j])
			inter++, i++, j++;
		else if (j >= nb || (i < na && a[i] < b[j]))
			i++;
		else
			j++;
		uni++;
	}
	return uni ? (double)inter / uni : 1.0;
}
