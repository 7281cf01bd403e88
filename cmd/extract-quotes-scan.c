/*
 * extract-quotes-scan: pairs quotation marks in a document and finds who
 * said each quotation, from the reporting verb around it and the
 * entities lede-tag-entities found.  See lede-extract-quotes(1).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "extract-quotes-scan.h"
#include "hash.h"
#include "utf8.h"
#include "util.h"

/* ---- lexicon: a hash of lower-case words and phrases ---- */

/* FNV-1a of the NUL-terminated s, without a strlen first. */
static uint32_t
hash(const char *s)
{
	uint32_t h = HASH_INIT;

	for (; *s; s++)
		h = hash_byte(h, (unsigned char)*s);
	return h;
}

static void
lex_put(struct qlex *l, char *key, unsigned cls)
{
	uint32_t h = hash(key);
	size_t i;

	for (i = h & (l->cap - 1); l->tab[i].key; i = (i + 1) & (l->cap - 1))
		if (l->tab[i].h == h && strcmp(l->tab[i].key, key) == 0) {
			l->tab[i].cls |= cls;
			free(key);
			return;
		}
	l->tab[i].key = key;
	l->tab[i].cls = cls;
	l->tab[i].h = h;
	l->n++;
}

void
qlex_add(struct qlex *l, const char *word, unsigned cls)
{
	struct qlexent *old = l->tab;
	size_t oldcap = l->cap, i, j = 0;
	char *k;

	if ((l->n + 1) * 2 > l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4096;	/* the data hold under 2,048: no rehashing */
		l->tab = xcalloc(l->cap, sizeof *l->tab);
		l->n = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i].key)
				lex_put(l, old[i].key, old[i].cls);
		free(old);
	}
	/* Lower case, white space runs as one space. */
	k = xmalloc(strlen(word) + 1);
	for (i = 0; word[i]; i++) {
		unsigned char c = (unsigned char)word[i];
		/* isspace and tolower of the C locale, without the calls */
		if (c == ' ' || (c >= '\t' && c <= '\r')) {
			if (j && k[j - 1] != ' ')
				k[j++] = ' ';
		} else
			k[j++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	while (j && k[j - 1] == ' ')
		j--;
	k[j] = '\0';
	/* "point out": "point" may start an entry; the lookup then tries more words */
	for (i = 0; i < j && k[i] != ' '; i++)
		;
	if (i < j && !(cls & LX_PREFIX)) {
		char *first = xmalloc(i + 1);
		memcpy(first, k, i);
		first[i] = '\0';
		lex_put(l, k, cls);	/* frees k if it was there */
		qlex_add(l, first, LX_PREFIX);
		free(first);
		return;
	}
	lex_put(l, k, cls);
}

unsigned
qlex_get(const struct qlex *l, const char *key)
{
	uint32_t h;
	size_t i;

	if (!l->cap)
		return 0;
	h = hash(key);
	for (i = h & (l->cap - 1); l->tab[i].key; i = (i + 1) & (l->cap - 1))
		if (l->tab[i].h == h && strcmp(l->tab[i].key, key) == 0)
			return l->tab[i].cls;
	return 0;
}

void
qlex_type(struct qlex *l, const char *type)
{
	l->types = xrealloc(l->types, (l->ntypes + 1) * sizeof *l->types);
	l->typelen = xrealloc(l->typelen, (l->ntypes + 1) * sizeof *l->typelen);
	l->typelen[l->ntypes] = strlen(type);
	l->types[l->ntypes++] = xstrdup(type);
}

int
qlex_is_type(const struct qlex *l, const char *type, size_t n)
{
	size_t i;

	for (i = 0; i < l->ntypes; i++)
		if (l->typelen[i] == n && memcmp(l->types[i], type, n) == 0)
			return 1;
	return 0;
}

void
qlex_free(struct qlex *l)
{
	size_t i;

	for (i = 0; i < l->cap; i++)
		free(l->tab[i].key);
	for (i = 0; i < l->ntypes; i++)
		free(l->types[i]);
	free(l->tab);
	free(l->types);
	free(l->typelen);
	memset(l, 0, sizeof *l);
}

/* ---- the document ---- */

#define GROW(p, n, cap, want) do { \
	if ((want) > (cap)) { \
		(cap) = (cap) ? (cap) * 2 : 64; \
		if ((cap) < (want)) (cap) = (want); \
		(p) = xrealloc((p), (cap) * sizeof *(p)); \
	} } while (0)

void
qdoc_reset(struct qdoc *d)
{
	d->n = d->nr = d->ne = d->nq = d->nw = d->nsp = 0;
	buf_reset(&d->pool);
}

void
qdoc_free(struct qdoc *d)
{
	free(d->t);
	free(d->r);
	free(d->e);
	free(d->q);
	free(d->w);
	free(d->in);
	free(d->sp);
	buf_free(&d->pool);
	memset(d, 0, sizeof *d);
}

/* Notes that t[pos] is a character pair() must look at. */
static inline void
special(struct qdoc *d, size_t pos)
{
	GROW(d->sp, d->nsp, d->spcap, d->nsp + 1);
	d->sp[d->nsp++] = pos;
}

static void
addcp(struct qdoc *d, uint32_t c)
{
	GROW(d->t, d->n, d->tcap, d->n + 1);
	if (c >= 0x80 || c == '"' || c == '\n')
		special(d, d->n);
	d->t[d->n++] = c;
}

void
qdoc_add_record(struct qdoc *d, const char *s, size_t n, long long ds, long long para)
{
	const unsigned char *p = (const unsigned char *)s;
	struct qrec *r;
	size_t i = 0;
	long long gap;
	int k;

	if (d->nr) {
		r = &d->r[d->nr - 1];
		gap = ds - (r->ds + (long long)(r->ce - r->cs));
		/* A paragraph break, or a gap we do not reproduce, is one newline. */
		if (para != r->para || gap < 0 || gap > 64)
			addcp(d, '\n');
		else
			while (gap-- > 0)
				addcp(d, ' ');
	}
	GROW(d->r, d->nr, d->rcap, d->nr + 1);
	r = &d->r[d->nr++];
	r->cs = d->n;
	r->ds = ds;
	r->para = para;
	GROW(d->t, d->n, d->tcap, d->n + n);	/* no more code points than bytes */
	d->bad = 0;
	while (i < n) {
#ifdef __SSE2__
		/* plain ASCII, sixteen bytes at a time */
		while (i + 16 <= n) {
			const __m128i z = _mm_setzero_si128();
			__m128i v = _mm_loadu_si128((const void *)(p + i)), lo, hi;
			uint32_t *t = d->t + d->n;
			unsigned m;

			if (_mm_movemask_epi8(v))
				break;
			m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
			for (; m; m &= m - 1)
				special(d, d->n + (size_t)__builtin_ctz(m));
			lo = _mm_unpacklo_epi8(v, z);
			hi = _mm_unpackhi_epi8(v, z);
			_mm_storeu_si128((void *)t, _mm_unpacklo_epi16(lo, z));
			_mm_storeu_si128((void *)(t + 4), _mm_unpackhi_epi16(lo, z));
			_mm_storeu_si128((void *)(t + 8), _mm_unpacklo_epi16(hi, z));
			_mm_storeu_si128((void *)(t + 12), _mm_unpackhi_epi16(hi, z));
			d->n += 16;
			i += 16;
		}
#endif
		/* plain ASCII, eight bytes at a time */
		while (i + 8 <= n) {
			uint64_t x;
			uint32_t *t = d->t + d->n;
			memcpy(&x, p + i, 8);
			uint64_t y = x ^ 0x2222222222222222ULL, z = x ^ 0x0A0A0A0A0A0A0A0AULL;
			if (x & 0x8080808080808080ULL)
				break;
			/* a '"' or a '\n' among them (a zero byte of y or z) */
			if ((((y - 0x0101010101010101ULL) & ~y) | ((z - 0x0101010101010101ULL) & ~z)) &
			    0x8080808080808080ULL) {
				size_t j;
				for (j = 0; j < 8; j++)
					if (p[i + j] == '"' || p[i + j] == '\n')
						special(d, d->n + j);
			}
			t[0] = p[i], t[1] = p[i + 1], t[2] = p[i + 2], t[3] = p[i + 3];
			t[4] = p[i + 4], t[5] = p[i + 5], t[6] = p[i + 6], t[7] = p[i + 7];
			d->n += 8;
			i += 8;
		}
		if (i >= n)
			break;
		if (p[i] < 0x80) {
			if (p[i] == '"' || p[i] == '\n')
				special(d, d->n);
			d->t[d->n++] = p[i++];
			continue;
		}
		special(d, d->n);
		if (!utf8_seq(p + i, n - i)) {
			d->t[d->n++] = 0xFFFD;
			d->bad++;
			i++;
		} else {
			d->t[d->n++] = utf8_get(p + i, n - i, &k);
			i += (size_t)k;
		}
	}
	r->ce = d->n;
}

int
qdoc_add_entity(struct qdoc *d, const struct qlex *l, long long start, long long end,
    const char *type, size_t tlen, const char *id, size_t idlen)
{
	struct qrec *r;
	struct qent *e;

	if (!d->nr)
		return -1;
	r = &d->r[d->nr - 1];
	if (start < 0 || end < start || (size_t)end > r->ce - r->cs)
		return -1;
	GROW(d->e, d->ne, d->ecap, d->ne + 1);
	e = &d->e[d->ne++];
	e->cs = r->cs + (size_t)start;
	e->ce = r->cs + (size_t)end;
	e->speaker = qlex_is_type(l, type, tlen);
	e->person = tlen == 6 && memcmp(type, "PERSON", 6) == 0;
	e->id = d->pool.len;
	buf_add(&d->pool, id, idlen);
	buf_addc(&d->pool, '\0');
	return 0;
}

static size_t
rec_of(const struct qdoc *d, size_t pos)
{
	size_t lo = 0, hi = d->nr;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (d->r[mid].cs <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

long long
qdoc_off(const struct qdoc *d, size_t pos)
{
	const struct qrec *r;

	if (!d->nr)
		return (long long)pos;
	r = &d->r[rec_of(d, pos)];
	return r->ds + (long long)(pos - r->cs);
}

void
qdoc_utf8(const struct qdoc *d, size_t s, size_t e, struct buf *b)
{
	unsigned char *o;
	size_t i;

	if (e > d->n)
		e = d->n;
	if (s >= e)
		return;
	buf_grow(b, 4 * (e - s));	/* at most four bytes a code point */
	o = (unsigned char *)b->s + b->len;
	for (i = s; i < e; i++) {
		uint32_t c = d->t[i];
		if (c < 0x80)
			*o++ = (unsigned char)c;
		else
			o += utf8_enc((char *)o, c);
	}
	b->len = (size_t)((char *)o - b->s);
	b->s[b->len] = '\0';
}

/* The escape json_escape writes for byte c, or 0 if it is written as is. */
static const char jesc[128] = {
	'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
	'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
	['"'] = '"', ['\\'] = '\\',
};

void
qdoc_json(const struct qdoc *d, size_t s, size_t e, struct buf *b)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char *o;
	size_t i;

	if (e > d->n)
		e = d->n;
	if (e < s)
		e = s;
	buf_grow(b, 6 * (e - s) + 2);	/* \u00XX at most a code point */
	o = (unsigned char *)b->s + b->len;
	*o++ = '"';
	for (i = s; i < e; i++) {
		uint32_t c;
#ifdef __SSE2__
		/* sixteen plain ASCII code points, none to escape, at a time */
		while (i + 16 <= e) {
			const __m128i *v = (const void *)(d->t + i), lim = _mm_set1_epi32(0x7F);
			__m128i a = _mm_loadu_si128(v), b1 = _mm_loadu_si128(v + 1);
			__m128i c1 = _mm_loadu_si128(v + 2), d1 = _mm_loadu_si128(v + 3), w;

			if (_mm_movemask_epi8(_mm_or_si128(
			    _mm_or_si128(_mm_cmpgt_epi32(a, lim), _mm_cmpgt_epi32(b1, lim)),
			    _mm_or_si128(_mm_cmpgt_epi32(c1, lim), _mm_cmpgt_epi32(d1, lim)))))
				break;
			w = _mm_packus_epi16(_mm_packs_epi32(a, b1), _mm_packs_epi32(c1, d1));
			if (_mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(w, _mm_set1_epi8(0x20)),
			    _mm_or_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8('"')),
			    _mm_cmpeq_epi8(w, _mm_set1_epi8('\\'))))))
				break;
			_mm_storeu_si128((void *)o, w);
			o += 16;
			i += 16;
		}
		if (i >= e)
			break;
#endif
		c = d->t[i];
		if (c >= 0x80) {
			o += utf8_enc((char *)o, c);
			continue;
		}
		if (!jesc[c]) {
			*o++ = (unsigned char)c;
			continue;
		}
		*o++ = '\\';
		*o++ = (unsigned char)jesc[c];
		if (jesc[c] == 'u') {
			*o++ = '0';
			*o++ = '0';
			*o++ = (unsigned char)hex[c >> 4];
			*o++ = (unsigned char)hex[c & 15];
		}
	}
	*o++ = '"';
	b->len = (size_t)((char *)o - b->s);
	b->s[b->len] = '\0';
}

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

static int
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

static int
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

static int
is_apos(uint32_t c)
{
	return c == '\'' || c == 0x2019;
}

/* A character that ends a clause for the attribution patterns. */
static int
is_hard(uint32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n';
}

/* ---- tokens of a stretch of text ---- */

/*
 * Is the point after t[a, b) part of the word: "U.N.", "J.", "Mr."?
 * Short titles are few and fixed in English, so they are listed here.
 */
static int
abbrev(const struct qdoc *d, size_t a, size_t b)
{
	static const char *const ab[] = { "mr", "mrs", "ms", "dr", "st", "gov", "sen",
	    "rep", "gen", "lt", "col", "sgt", "capt", "prof", "jr", "sr", "rev", "messrs", NULL };
	char w[8];
	size_t i;

	if (b - a == 1 && is_upper(d->t[a]))
		return 1;
	for (i = a; i < b; i++)
		if (d->t[i] == '.')
			return 1;
	if (b - a >= sizeof w)
		return 0;
	for (i = a; i < b; i++) {
		if (d->t[i] >= 0x80)
			return 0;
		w[i - a] = lower(d->t[i]);
	}
	w[b - a] = '\0';
	for (i = 0; ab[i]; i++)
		if (strcmp(w, ab[i]) == 0)
			return 1;
	return 0;
}

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

/*
 * Splits t[a, b) into words, punctuation and quotations (one token
 * each), at most max tokens.
 */
static void
tokenize(const struct qdoc *d, size_t a, size_t b, struct toks *tk, size_t max)
{
	size_t i = a, j;

	tk->n = 0;
	if (b > d->n)
		b = d->n;
	/* at most a token a code point: room made once */
	if (b > i)
		GROW(tk->v, tk->n, tk->cap, b - i < max ? b - i : max);
	while (i < b && tk->n < max) {
		uint32_t c = d->t[i];
		if (is_space(c) && c != '\n') {
			i++;
			continue;
		}
		if (d->in[i]) {
			for (j = i; j < b && d->in[j]; j++)
				;
			tk->v[tk->n++] = (struct tok){ i, j, T_QUOTE, 0 };
			i = j;
			continue;
		}
		if (is_alnum(c)) {
			for (j = i + 1; j < b; j++) {
				if (is_alnum(d->t[j]))
					continue;
				if ((is_apos(d->t[j]) || d->t[j] == '-' || d->t[j] == '.') &&
				    j + 1 < b && is_alnum(d->t[j + 1]) && !d->in[j + 1])
					continue;
				if (d->t[j] == '.' && abbrev(d, i, j)) {
					j++;
					break;
				}
				break;
			}
			/* U.N. keeps its last point when a capital stands before it. */
			tk->v[tk->n++] = (struct tok){ i, j, T_WORD, 0 };
			i = j;
			continue;
		}
		tk->v[tk->n++] = (struct tok){ i, i + 1, T_PUNCT, c };
		i++;
	}
}

/* The lower-case key of words k..k+nw-1, or 0 if there are not so many. */
static int
key_of(const struct qdoc *d, const struct toks *tk, size_t k, size_t nw, char *out, size_t size)
{
	size_t i, w, o = 0;
	char u[4];
	int m;

	for (w = 0; w < nw; w++) {
		if (k + w >= tk->n || tk->v[k + w].kind != T_WORD)
			return 0;
		if (w)
			out[o++] = ' ';
		for (i = tk->v[k + w].a; i < tk->v[k + w].b; i++) {
			uint32_t c = d->t[i];
			if (c < 0x80) {
				if (o + 3 >= size)
					return 0;
				out[o++] = lower(c);
				continue;
			}
			if (c == 0x2019)
				c = '\'';
			c = (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
			m = utf8_enc(u, c);
			if (o + (size_t)m + 2 >= size)
				return 0;
			memcpy(out + o, u, (size_t)m);
			o += (size_t)m;
		}
	}
	out[o] = '\0';
	return 1;
}

static unsigned
cls_at(const struct qdoc *d, const struct qlex *l, const struct toks *tk, size_t k)
{
	char key[64];

	return key_of(d, tk, k, 1, key, sizeof key) ? qlex_get(l, key) : 0;
}

/*
 * A reporting verb (or "according to") of one to three words at token
 * k: returns the number of words and its class, and its key in out.
 */
static size_t
verb_at(const struct qdoc *d, const struct qlex *l, const struct toks *tk, size_t k,
    unsigned *cls, char *out, size_t size)
{
	size_t nw;
	unsigned c, c1;

	if (!key_of(d, tk, k, 1, out, size))
		return 0;
	c1 = qlex_get(l, out);
	if (c1 & LX_PREFIX)
		for (nw = 3; nw > 1; nw--) {
			if (!key_of(d, tk, k, nw, out, size))
				continue;
			c = qlex_get(l, out);
			if (c & (LX_VERB | LX_AFTER)) {
				*cls = c;
				return nw;
			}
		}
	if (c1 & (LX_VERB | LX_AFTER)) {
		if (c1 & LX_PREFIX)	/* out holds a longer key */
			key_of(d, tk, k, 1, out, size);
		*cls = c1;
		return 1;
	}
	return 0;
}

/* ---- entities ---- */

/* The index of the first entity that starts at or after pos. */
static size_t
ent_from(const struct qdoc *d, size_t pos)
{
	size_t lo = 0, hi = d->ne;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->e[mid].cs < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The speaker entity that ends at pos and starts at or after floor, or -1. */
static long
ent_ending(const struct qdoc *d, size_t pos, size_t floor)
{
	size_t lo = 0, hi = d->ne, i, k;

	while (lo < hi) {	/* first entity with cs >= pos */
		size_t mid = (lo + hi) / 2;
		if (d->e[mid].cs < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo, k = 0; i > 0 && k < 4; i--, k++)
		if (d->e[i - 1].ce == pos && d->e[i - 1].cs >= floor && d->e[i - 1].speaker)
			return (long)(i - 1);
	return -1;
}

/* The first speaker entity that starts in [a, b), or -1. */
static long
ent_starting(const struct qdoc *d, size_t a, size_t b)
{
	size_t lo = 0, hi = d->ne, i;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->e[mid].cs < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < d->ne && d->e[i].cs < b; i++)
		if (d->e[i].speaker && !d->in[d->e[i].cs])
			return (long)i;
	return -1;
}

static const char *
ent_id(const struct qdoc *d, long e)
{
	return d->pool.s + d->e[e].id;
}

/* ---- attribution ---- */

struct scan {
	struct qdoc *d;
	const struct qlex *l;
	struct toks tk, tw;	/* context tokens, title windows */
	long *spk;		/* speaker entities, in the order they spoke */
	size_t nspk, spkcap;
	long last;		/* the last speaker entity, or -1 */
	struct buf name;
	size_t lastrec;
};

struct attr {
	int verb;		/* a reporting verb was found */
	char vkey[48];
	long ent;		/* the speaker entity, or -1 */
	int known;		/* the subject was found, even if nobody can be named */
};

/* Did the document call entity e a `head' ("Interior Minister X", "X, the minister")? */
static int
has_title(struct scan *sc, long e, const char *head)
{
	struct qdoc *d = sc->d;
	const struct qrec *r = &d->r[rec_of(d, d->e[e].cs)];
	size_t a, k, words = 0;
	char key[64];

	a = d->e[e].cs > r->cs + 120 ? d->e[e].cs - 120 : r->cs;
	tokenize(d, a, d->e[e].cs, &sc->tw, 64);
	for (k = sc->tw.n; k > 0 && words < 6; k--) {
		struct tok *t = &sc->tw.v[k - 1];
		long o;
		if (t->kind == T_QUOTE || (t->kind == T_PUNCT && (is_hard(t->c) || t->c == ':')))
			break;
		if (t->kind != T_WORD)
			continue;
		if ((o = ent_ending(d, t->b, a)) >= 0 && d->e[o].person)
			break;	/* another person's title */
		words++;
		if (key_of(d, &sc->tw, k - 1, 1, key, sizeof key) && strcmp(key, head) == 0)
			return !(k > 1 && (cls_at(d, sc->l, &sc->tw, k - 2) & LX_OTHER));
	}
	a = d->e[e].ce;
	tokenize(d, a, a + 120 < r->ce ? a + 120 : r->ce, &sc->tw, 64);
	if (sc->tw.n == 0 || sc->tw.v[0].kind != T_PUNCT || sc->tw.v[0].c != ',')
		return 0;
	for (k = 1, words = 0; k < sc->tw.n && words < 8; k++) {
		struct tok *t = &sc->tw.v[k];
		if (t->kind != T_WORD)
			break;
		words++;
		if (key_of(d, &sc->tw, k, 1, key, sizeof key) && strcmp(key, head) == 0)
			return !(cls_at(d, sc->l, &sc->tw, k - 1) & LX_OTHER);
	}
	return 0;
}

/* "the minister": the last speaker so titled, else the last person so titled. */
static long
resolve_title(struct scan *sc, const char *head, size_t pos)
{
	struct qdoc *d = sc->d;
	size_t i, j, n;

	for (i = sc->nspk, n = 0; i > 0 && n < 12; i--, n++) {
		const char *id = ent_id(d, sc->spk[i - 1]);
		for (j = 0; j < d->ne && d->e[j].cs < pos && j < 2000; j++)
			if (d->e[j].person && strcmp(ent_id(d, (long)j), id) == 0 &&
			    has_title(sc, (long)j, head))
				return sc->spk[i - 1];
	}
	for (j = ent_from(d, pos), n = 0; j > 0 && n < 200; j--, n++)
		if (d->e[j - 1].person && !d->in[d->e[j - 1].cs] && has_title(sc, (long)j - 1, head))
			return (long)j - 1;
	return -1;
}

/*
 * What the document says of entity e's sex: LX_MALE, LX_FEMALE, or 0
 * when its first name and the title before it do not tell.
 */
static unsigned
sex_of(struct scan *sc, long e)
{
	struct qdoc *d = sc->d;
	const char *id = ent_id(d, e);
	char key[32];
	size_t i, j;
	unsigned c, s = 0;

	for (i = 0; id[i] && id[i] != ' ' && i + 1 < sizeof key; i++)
		key[i] = (char)tolower((unsigned char)id[i]);
	key[i] = '\0';
	if (id[i] == ' ') {
		c = qlex_get(sc->l, key) & (LX_MALE | LX_FEMALE);
		if (c == LX_MALE || c == LX_FEMALE)
			s = c;
	}
	/* Mr Smith, Mrs Smith */
	i = d->e[e].cs;
	while (i > 0 && (is_space(d->t[i - 1]) || d->t[i - 1] == '.'))
		i--;
	for (j = i; j > 0 && i - j < 12 && is_alnum(d->t[j - 1]); j--)
		;
	if (j < i && i - j < sizeof key - 1) {
		buf_reset(&sc->name);
		qdoc_utf8(d, j, i, &sc->name);
		for (i = 0; i < sc->name.len && i + 1 < sizeof key; i++)
			key[i] = (char)tolower((unsigned char)sc->name.s[i]);
		key[i] = '\0';
		c = qlex_get(sc->l, key);
		if ((c & LX_MALE_T) && !(c & LX_FEMALE_T))
			s = LX_MALE;
		else if ((c & LX_FEMALE_T) && !(c & LX_MALE_T))
			s = LX_FEMALE;
	}
	return s;
}

/* Can a pronoun of class cls stand for entity e? */
static int
agrees(struct scan *sc, unsigned cls, long e)
{
	unsigned want = cls & (LX_MALE | LX_FEMALE), s;

	if (!want)
		return 1;
	s = sex_of(sc, e);
	return !s || s == want;
}

/* he, she: the speaker just quoted, else the subject of a recent sentence. */
static long
resolve_pronoun(struct scan *sc, unsigned cls, size_t pos)
{
	struct qdoc *d = sc->d;
	size_t rec = rec_of(d, pos), r, i, end;
	int person = (cls & LX_PRON) != 0;
	long found;

	for (r = rec + 1; r > 0 && rec + 1 - r < 4; r--) {
		/* Back at the sentence of the last quotation: its speaker. */
		if (sc->last >= 0 && r - 1 <= sc->lastrec && d->e[sc->last].person == person &&
		    agrees(sc, cls, sc->last))
			return sc->last;
		end = r - 1 == rec ? pos : d->r[r - 1].ce;
		for (i = ent_from(d, d->r[r - 1].cs); i < d->ne && d->e[i].cs < end; i++) {
			struct qent *e = &d->e[i];
			/* the subject: near the start of its sentence */
			if (e->speaker && e->person == person && !d->in[e->cs] &&
			    e->cs < d->r[r - 1].cs + 60 && agrees(sc, cls, (long)i))
				return (long)i;
		}
	}
	if (sc->last >= 0 && d->e[sc->last].person == person && rec <= sc->lastrec + 6 &&
	    agrees(sc, cls, sc->last))
		return sc->last;
	/* The only one of its kind in this sentence or the one before. */
	found = -1;
	for (i = ent_from(d, d->r[rec > 0 ? rec - 1 : 0].cs); i < d->ne && d->e[i].cs < pos; i++) {
		struct qent *e = &d->e[i];
		if (!e->speaker || e->person != person || d->in[e->cs] || !agrees(sc, cls, (long)i))
			continue;
		if (found >= 0 && strcmp(ent_id(d, found), ent_id(d, (long)i)) != 0)
			return -1;
		found = (long)i;
	}
	return found;
}

/* Whom a pronoun, title or noun at token k stands for. */
static int
np_at(struct scan *sc, const struct toks *tk, size_t k, struct attr *at)
{
	unsigned c = cls_at(sc->d, sc->l, tk, k);
	char key[64];
	size_t j;

	if (tk->v[k].kind != T_WORD)
		return -1;
	if (c & (LX_PRON | LX_GROUP | LX_THING)) {
		at->known = 1;
		at->ent = resolve_pronoun(sc, c, tk->v[k].a);
		return 0;
	}
	if (c & LX_TITLE) {
		at->known = 1;
		for (j = k; j > 0 && k - j < 3; j--)
			if (cls_at(sc->d, sc->l, tk, j - 1) & LX_ART)
				return 0;
		key_of(sc->d, tk, k, 1, key, sizeof key);
		at->ent = resolve_title(sc, key, tk->v[k].a);
		return 0;
	}
	if (c & LX_SOURCE) {
		/* "Kok's report said": the owner of the text */
		at->known = 1;
		if (k > 0 && tk->v[k - 1].kind == T_WORD) {
			const struct tok *o = &tk->v[k - 1];
			const uint32_t *t = sc->d->t;
			if (o->b - o->a > 2 && (t[o->b - 1] == 's' || t[o->b - 1] == 'S') &&
			    is_apos(t[o->b - 2]))
				at->ent = ent_ending(sc->d, o->b - 2, 0);
		}
		return 0;
	}
	/*
	 * "the 28-year-old", "the Sale full-back": a description of
	 * someone, who is the person the text is about, as for "he".
	 */
	if (!is_upper(sc->d->t[tk->v[k].a]) && k > 0) {
		for (j = k; j > 0 && k - j < 4 && tk->v[j - 1].kind == T_WORD; j--) {
			if (key_of(sc->d, tk, j - 1, 1, key, sizeof key) && strcmp(key, "the") == 0) {
				at->known = 1;
				at->ent = resolve_pronoun(sc, LX_PRON, tk->v[k].a);
				return 0;
			}
		}
	}
	return -1;
}

/*
 * A capitalised word the tagger left alone that is the last word of a
 * person named before: "Brown said" after "Craig Brown".
 */
static long
by_surname(struct scan *sc, const struct tok *t)
{
	struct qdoc *d = sc->d;
	size_t i, n, len;
	const char *id, *sp;

	if (!is_upper(d->t[t->a]) || t->b - t->a < 2)
		return -1;
	buf_reset(&sc->name);
	qdoc_utf8(d, t->a, t->b, &sc->name);
	len = sc->name.len;
	for (i = ent_from(d, t->a), n = 0; i > 0 && n < 300; i--, n++) {
		if (!d->e[i - 1].person)
			continue;
		id = ent_id(d, (long)i - 1);
		sp = strrchr(id, ' ');
		sp = sp ? sp + 1 : id;
		if (strlen(sp) == len && memcmp(sp, sc->name.s, len) == 0)
			return (long)i - 1;
	}
	return -1;
}

/*
 * The subject of the verb at token v: an entity just before it
 * (perhaps with "also", "has" between), one before an apposition
 * ("Petro, a left-wing leader, said"), a pronoun or a title.
 */
static void
subject_before(struct scan *sc, const struct toks *tk, size_t v, size_t floor, struct attr *at)
{
	struct qdoc *d = sc->d;
	size_t k = v, j, skipped = 0, commas;
	long e;

	while (k > 0 && skipped < 3 && tk->v[k - 1].kind == T_WORD &&
	    (cls_at(d, sc->l, tk, k - 1) & LX_BETWEEN))
		k--, skipped++;
	if (k == 0)
		return;
	if (tk->v[k - 1].kind == T_WORD) {
		if ((e = ent_ending(d, tk->v[k - 1].b, floor)) >= 0 ||
		    (e = by_surname(sc, &tk->v[k - 1])) >= 0) {
			at->ent = e;
			at->known = 1;
			return;
		}
		np_at(sc, tk, k - 1, at);
		return;
	}
	if (tk->v[k - 1].kind != T_PUNCT || tk->v[k - 1].c != ',' || k < 2)
		return;
	/* ", Gustavo Petro, ordered": the entity is itself the apposition. */
	if (tk->v[k - 2].kind == T_WORD && (e = ent_ending(d, tk->v[k - 2].b, floor)) >= 0) {
		j = d->e[e].cs;
		while (j > floor && is_space(d->t[j - 1]))
			j--;
		if (j > floor && d->t[j - 1] == ',') {
			at->ent = e;
			at->known = 1;
			return;
		}
	}
	/* Back to the comma that opens the apposition: "X, 58, MP for Y, said". */
	for (j = k - 1, commas = 0; j > 0 && k - j < 40 && commas < 3; j--) {
		struct tok *t = &tk->v[j - 1];
		if (t->kind == T_QUOTE || (t->kind == T_PUNCT && (is_hard(t->c) || t->c == ':')))
			return;
		if (t->kind != T_PUNCT || t->c != ',')
			continue;
		commas++;
		if (j < 2 || tk->v[j - 2].kind != T_WORD)
			continue;
		if ((e = ent_ending(d, tk->v[j - 2].b, floor)) >= 0) {
			at->ent = e;
			at->known = 1;
			return;
		}
		if (np_at(sc, tk, j - 2, at) == 0)
			return;
	}
}

/*
 * Is the verb form at token k a noun here: after "the", "in a", a
 * possessive ("the department's request"), or at the head of a
 * sentence or list item ("- call centre operations")?
 */
static int
noun_use(struct scan *sc, const struct toks *tk, size_t k)
{
	const struct tok *p;
	const uint32_t *t = sc->d->t;

	if (k == 0)
		return 0;
	p = &tk->v[k - 1];
	if (p->kind == T_PUNCT && (is_hard(p->c) || p->c == ':' || p->c == '-' ||
	    p->c == '(' || p->c == 0x2022 || p->c == '*'))
		return 1;
	if (p->kind != T_WORD)
		return 0;
	if (cls_at(sc->d, sc->l, tk, k - 1) & LX_NOTVERB)
		return 1;
	return p->b - p->a > 2 && (t[p->b - 1] == 's' || t[p->b - 1] == 'S') && is_apos(t[p->b - 2]);
}

/* "quoted X as saying": X, whoever did the quoting. */
static long
quoted_as(struct scan *sc, const struct toks *tk, size_t k)
{
	struct qdoc *d = sc->d;
	char key[16];
	size_t m;
	long e;

	for (m = k; m < tk->n && m < k + 6; m++) {
		if (tk->v[m].kind != T_WORD)
			return -1;
		if (key_of(d, tk, m, 1, key, sizeof key) && strcmp(key, "as") == 0 && m > k &&
		    (e = ent_ending(d, tk->v[m - 1].b, tk->v[k].a)) >= 0)
			return e;
	}
	return -1;
}

/* The first verb in the tokens whose subject can be named; else the last verb. */
static void
attr_in(struct scan *sc, const struct toks *tk, size_t from, size_t to, size_t floor,
    size_t limit, struct attr *out)
{
	struct qdoc *d = sc->d;
	struct attr at;
	size_t k, nw, m;
	unsigned cls;
	char key[48];

	memset(out, 0, sizeof *out);
	out->ent = -1;
	/*
	 * "Peston's book claimed that Brown told Blair: “…”": before a
	 * colon, the words are the last verb's.
	 */
	if (to > from && tk->v[to - 1].kind == T_PUNCT && tk->v[to - 1].c == ':') {
		for (k = to - 1; k > from && tk->v[k - 1].kind != T_QUOTE; k--)
			if (tk->v[k - 1].kind == T_PUNCT && is_hard(tk->v[k - 1].c))
				break;
		for (m = to - 1; m > k; m--)
			if (tk->v[m - 1].kind == T_WORD && verb_at(d, sc->l, tk, m - 1, &cls, key, sizeof key) &&
			    !(cls & LX_AFTER) && !noun_use(sc, tk, m - 1)) {
				from = m - 1;
				break;
			}
	}
	for (k = from; k < to; k++) {
		if (tk->v[k].kind != T_WORD || !(nw = verb_at(d, sc->l, tk, k, &cls, key, sizeof key)))
			continue;
		if (noun_use(sc, tk, k))
			continue;	/* "in a bid", "the orders" */
		/* "ordered by X": a passive, not X's words. */
		if (!(cls & LX_AFTER) && k + nw < tk->n && key_of(d, tk, k + nw, 1, at.vkey, sizeof at.vkey) &&
		    strcmp(at.vkey, "by") == 0)
			continue;
		memset(&at, 0, sizeof at);
		at.ent = -1;
		at.verb = 1;
		strcpy(at.vkey, key);
		if (cls & LX_AFTER) {
			/* according to X */
			size_t b = limit;
			for (m = k + nw; m < tk->n && m < k + nw + 10; m++)
				if (tk->v[m].kind == T_QUOTE ||
				    (tk->v[m].kind == T_PUNCT && is_hard(tk->v[m].c))) {
					b = tk->v[m].a;
					break;
				}
			if (k + nw < tk->n && b > tk->v[k + nw].a) {
				at.ent = ent_starting(d, tk->v[k + nw].a, b);
				at.known = at.ent >= 0;
			}
		} else if (strncmp(key, "quot", 4) == 0 && (at.ent = quoted_as(sc, tk, k + nw)) >= 0)
			at.known = 1;
		else
			subject_before(sc, tk, k, floor, &at);
		if (at.ent >= 0) {
			*out = at;
			return;
		}
		*out = at;
		k += nw - 1;
	}
}

/* "“…,” Petro said", "“…,” said Petro", "“…” the statement read". */
static void
attr_after(struct scan *sc, struct quote *q, struct attr *out)
{
	struct qdoc *d = sc->d;
	size_t rec, end, k, first, nw, m, maxw;
	struct toks *tk = &sc->tk;
	unsigned cls;
	uint32_t last;
	struct attr at;
	char key[48];

	memset(out, 0, sizeof *out);
	out->ent = -1;
	if (!q->closed)
		return;
	rec = rec_of(d, q->cm);
	end = d->r[rec].ce;
	if (end <= q->cm + 2 && rec + 1 < d->nr && d->r[rec + 1].para == d->r[rec].para)
		end = d->r[rec + 1].ce;
	tokenize(d, q->cm + 1, end, tk, 40);
	last = q->e > q->s ? d->t[q->e - 1] : 0;
	maxw = last == '.' ? 5 : 12;
	first = 0;
	if (first < tk->n && tk->v[first].kind == T_PUNCT && (tk->v[first].c == ',' ||
	    tk->v[first].c == 0x2014 || tk->v[first].c == 0x2013 || tk->v[first].c == '-'))
		first++;
	if (first >= tk->n || tk->v[first].kind != T_WORD)
		return;
	/* "Glenn Maguire, chief economist for the region at X, said" */
	if (last != '.' && ent_starting(d, tk->v[first].a, tk->v[first].b) >= 0)
		maxw = 24;
	/* said Petro, said the minister, according to Petro */
	if ((nw = verb_at(d, sc->l, tk, first, &cls, key, sizeof key))) {
		out->verb = 1;
		strcpy(out->vkey, key);
		for (m = first + nw; m < tk->n && m < first + nw + 8; m++) {
			struct tok *t = &tk->v[m];
			long e;
			if (t->kind == T_QUOTE || (t->kind == T_PUNCT && is_hard(t->c)))
				break;
			if (t->kind != T_WORD)
				continue;
			if ((e = ent_starting(d, t->a, t->b)) >= 0 && d->e[e].cs == t->a) {
				size_t x = d->e[e].ce;
				if (x + 1 < d->n && is_apos(d->t[x]) && (d->t[x + 1] == 's' || d->t[x + 1] == 'S'))
					continue;	/* "said MSN's Blake Irving" */
				out->ent = e;
				out->known = 1;
				return;
			}
		}
		if (first + nw < tk->n && tk->v[first + nw].kind == T_WORD &&
		    (out->ent = by_surname(sc, &tk->v[first + nw])) >= 0) {
			out->known = 1;
			return;
		}
		if (first + nw < tk->n) {
			/* "said the 30-year-old": the head of the description */
			m = first + nw;
			if (key_of(d, tk, m, 1, key, sizeof key) && strcmp(key, "the") == 0)
				while (m + 1 < tk->n && tk->v[m + 1].kind == T_WORD && m < first + nw + 4 &&
				    !(cls_at(d, sc->l, tk, m) & (LX_TITLE | LX_SOURCE)))
					m++;
			np_at(sc, tk, m, out);
		}
		return;
	}
	for (k = first; k < tk->n && k < first + maxw; k++) {
		struct tok *t = &tk->v[k];
		if (t->kind == T_QUOTE || (t->kind == T_PUNCT && (is_hard(t->c) || t->c == ':')))
			return;
		if (t->kind == T_WORD && (nw = verb_at(d, sc->l, tk, k, &cls, key, sizeof key)) &&
		    !(cls & LX_AFTER) && !(k > first && noun_use(sc, tk, k))) {
			memset(&at, 0, sizeof at);
			at.ent = -1;
			at.verb = 1;
			strcpy(at.vkey, key);
			if (strncmp(key, "quot", 4) == 0 && (at.ent = quoted_as(sc, tk, k + nw)) >= 0)
				at.known = 1;
			else
				subject_before(sc, tk, k, q->cm + 1, &at);
			if (last == '.' && at.ent < 0)
				return;	/* a new sentence, not an attribution */
			if (!at.known && k > first)
				at.known = 1;	/* "the 55-year-old said" */
			*out = at;
			return;
		}
	}
}

/* Only white space or list punctuation between the sentence start and pos. */
static int
at_start(const struct qdoc *d, size_t floor, size_t pos)
{
	size_t i;

	for (i = floor; i < pos; i++)
		if (!is_space(d->t[i]) && d->t[i] != '-' && d->t[i] != 0x2013 &&
		    d->t[i] != 0x2014 && d->t[i] != 0x2022 && d->t[i] != '*')
			return 0;
	return 1;
}

/*
 * Title Case ("One Hundred Years of Solitude"): a name, not words said.
 * With words NULL, the first long word in lower case ends the look.
 */
static int
title_case(const struct qdoc *d, const struct quote *q, int *words)
{
	size_t i;
	int w = 0, caps = 0, longw = 0, in = 0;

	for (i = q->s; i < q->e; i++) {
		if (is_alnum(d->t[i])) {
			if (!in) {
				size_t j = i;
				w++;
				while (j < q->e && is_alnum(d->t[j]))
					j++;
				if (j - i >= 4) {
					longw++;
					if (!is_upper(d->t[i]) && !words)
						return 0;	/* no title, and no count wanted */
					caps += is_upper(d->t[i]);
				}
				in = 1;
				i = j - 1;	/* the rest of the word changes nothing */
			}
		} else if (!is_apos(d->t[i]))
			in = 0;
	}
	if (words)
		*words = w;
	return w >= 2 && longw > 0 && caps == longw;
}

/*
 * Attributes the quotation made of pieces qi..last (one piece, or one a
 * paragraph when it runs over several): the words before its first
 * piece and after its last one are read.
 */
static void
attribute(struct scan *sc, size_t qi, size_t last)
{
	struct qdoc *d = sc->d;
	struct quote g = d->q[qi], *q;
	size_t rec = rec_of(d, g.om), floor = d->r[rec].cs, k, prevrec;
	struct attr at, at2;
	int start, words, full, report, retok;
	long long speaker = -1;
	uint32_t first = 0;

	g.e = d->q[last].e;
	g.cm = d->q[last].cm;
	g.closed = d->q[last].closed;
	/* The sentence may start inside the record, if the split missed it. */
	tokenize(d, floor, g.om, &sc->tk, 400);
	for (k = sc->tk.n; k > 0; k--) {
		const struct tok *t = &sc->tk.v[k - 1];
		if (t->kind == T_PUNCT && is_hard(t->c)) {
			floor = t->b;
			break;
		}
	}
	/*
	 * Tokens depend only on where tokenize starts: unless the 400 were
	 * reached, those after the point are what tokenize(floor) gives.
	 */
	if (sc->tk.n < 400) {
		if (k)
			memmove(sc->tk.v, sc->tk.v + k, (sc->tk.n - k) * sizeof *sc->tk.v);
		sc->tk.n -= k;
		retok = 0;
	} else
		retok = 1;
	start = at_start(d, floor, g.om);
	for (k = g.s; k < g.e; k++)
		if (is_alnum(d->t[k])) {
			first = d->t[k];
			break;
		}
	memset(&at, 0, sizeof at);
	at.ent = -1;
	if (start) {
		attr_after(sc, &g, &at);
	} else {
		if (retok)
			tokenize(d, floor, g.om, &sc->tk, 400);
		attr_in(sc, &sc->tk, 0, sc->tk.n, floor, g.om, &at);
		/* "Manchester City boss Kevin Keegan: “…”" */
		k = sc->tk.n;
		if (at.ent < 0 && k >= 2 && sc->tk.v[k - 1].kind == T_PUNCT && sc->tk.v[k - 1].c == ':' &&
		    sc->tk.v[k - 2].kind == T_WORD && (at2.ent = ent_ending(d, sc->tk.v[k - 2].b, floor)) >= 0 &&
		    d->e[at2.ent].person) {
			at.ent = at2.ent;
			at.known = 1;
		}
		if (at.ent < 0) {
			attr_after(sc, &g, &at2);
			if (at2.ent >= 0 || (!at.verb && at2.verb))
				at = at2;
		}
	}
	if (at.ent < 0 && !at.known && qi > 0) {
		/*
		 * A floating quotation, or one after ", adding": the speaker
		 * of the quotation just before.
		 */
		struct quote *p = &d->q[qi - 1];
		prevrec = rec_of(d, p->cm);
		if (p->speaker >= 0 && (prevrec == rec || (!at.verb && prevrec + 1 >= rec))) {
			speaker = p->speaker;
			goto decided;
		}
	}
	if (at.ent < 0 && !at.known && start && rec > 0 && !at.verb) {
		/* A speaker in the sentence before: "Turk said in October:" */
		const struct qrec *pr = &d->r[rec - 1];
		size_t i;
		for (i = pr->cs; i < pr->ce && !d->in[i]; i++)
			;
		if (i == pr->ce) {
			struct attr pa;
			tokenize(d, pr->cs, pr->ce, &sc->tk, 400);
			attr_in(sc, &sc->tk, 0, sc->tk.n, pr->cs, pr->ce, &pa);
			if (pa.ent >= 0)
				at.ent = pa.ent;
		}
	}
	speaker = at.ent >= 0 ? (long long)d->e[at.ent].id : -1;
decided:
	full = start || (first && is_upper(first) && g.om > floor &&
	    (d->t[g.om - 1] == ':' || d->t[g.om - 1] == ',' ||
	     (is_space(d->t[g.om - 1]) && g.om > floor + 1 &&
	      (d->t[g.om - 2] == ':' || d->t[g.om - 2] == ','))));
	if (speaker >= 0 || at.verb)	/* the count of words is not wanted */
		report = !(last == qi && title_case(d, &g, NULL));
	else if (title_case(d, &g, &words) && last == qi)
		report = 0;
	else
		report = words >= 4 || (full && words >= 2 && first && is_upper(first));
	for (k = qi; k <= last; k++) {
		q = &d->q[k];
		q->speaker = speaker;
		if (at.verb)
			memcpy(q->verb, at.vkey, sizeof q->verb);
		q->full = full || k > qi;
		q->report = report;
	}
	if (at.ent >= 0) {
		sc->last = at.ent;
		sc->lastrec = rec_of(d, g.cm);
		GROW(sc->spk, sc->nspk, sc->spkcap, sc->nspk + 1);
		sc->spk[sc->nspk++] = at.ent;
	}
}

/* ---- pairing the marks ---- */

enum fam { F_NONE, F_CURLY, F_STRAIGHT, F_GUIL, F_GUILR, F_LOW, F_SWED };

static void
warn(struct qdoc *d, size_t pos, const char *msg)
{
	GROW(d->w, d->nw, d->wcap, d->nw + 1);
	d->w[d->nw++] = (struct qwarn){ pos, msg };
}

static int
open_ctx(const struct qdoc *d, size_t i)
{
	uint32_t p = i ? d->t[i - 1] : ' ';

	if (i + 1 >= d->n || is_space(d->t[i + 1]))
		return 0;
	return is_space(p) || p == '(' || p == '[' || p == '{' || p == 0x2014 ||
	    p == 0x2013 || p == '-' || p == '/' || p == ':' || p == 0x201C ||
	    p == 0x2018 || p == '"' || p == 0x00AB || p == 0x201E || p == '*';
}

static void
piece(struct qdoc *d, size_t om, size_t cm, int closed, int cont)
{
	size_t s = om + 1, e = cm;
	struct quote *q;

	while (s < e && is_space(d->t[s]))
		s++;
	while (e > s && is_space(d->t[e - 1]))
		e--;
	if (s >= e)
		return;
	GROW(d->q, d->nq, d->qcap, d->nq + 1);
	q = &d->q[d->nq++];
	memset(q, 0, sizeof *q);
	q->s = s;
	q->e = e;
	q->om = om;
	q->cm = cm;
	q->closed = closed;
	q->cont = cont;
	q->speaker = -1;
	q->rec = rec_of(d, s);
	memset(d->in + om, 1, (closed ? cm + 1 : cm) - om);
}

static int
opens(enum fam f, uint32_t c)
{
	switch (f) {
	case F_CURLY: return c == 0x201C;
	case F_STRAIGHT: return c == '"';
	case F_GUIL: return c == 0x00AB || c == 0x00BB;
	case F_GUILR: return c == 0x00BB;
	case F_LOW: return c == 0x201E;
	case F_SWED: return c == 0x201D;
	default: return 0;
	}
}

static int
closes(enum fam f, uint32_t c)
{
	switch (f) {
	case F_CURLY: case F_SWED: return c == 0x201D;
	case F_STRAIGHT: return c == '"';
	case F_GUIL: return c == 0x00BB;
	case F_GUILR: return c == 0x00AB;
	case F_LOW: return c == 0x201C || c == 0x201D;
	default: return 0;
	}
}

/* ‘…’ within its paragraph, the closing mark not an apostrophe. */
static size_t
single_close(const struct qdoc *d, size_t i)
{
	size_t j;

	for (j = i + 1; j < d->n && j < i + 300 && d->t[j] != '\n'; j++) {
		if (d->t[j] == 0x2018 && open_ctx(d, j))
			return 0;
		if (d->t[j] == 0x2019 && !is_space(d->t[j - 1]) &&
		    (j + 1 >= d->n || !is_alnum(d->t[j + 1])))
			return j;
	}
	return 0;
}

static void
pair(struct qdoc *d)
{
	enum fam f = F_NONE;
	size_t i, j, om = 0, si = 0;
	int cont = 0;

	for (i = 0; i < d->n; i++) {
		uint32_t c;
		/* the rest of the text is plain ASCII: on to the next '"', '\n' or other */
		while (si < d->nsp && d->sp[si] < i)
			si++;
		if (si >= d->nsp)
			break;
		i = d->sp[si];
		c = d->t[i];
		if (f == F_NONE) {
			if (c == 0x201C || c == 0x201E || c == 0x00AB) {
				if (i + 1 < d->n && !is_space(d->t[i + 1])) {
					f = c == 0x201C ? F_CURLY : c == 0x201E ? F_LOW : F_GUIL;
					om = i;
					cont = 0;
				} else
					warn(d, i, "opening quotation mark before a space");
			} else if (c == '"') {
				if (open_ctx(d, i))
					f = F_STRAIGHT, om = i, cont = 0;
				else
					warn(d, i, "closing quotation mark with no opening mark");
			} else if (c == 0x201D || c == 0x00BB) {
				if (open_ctx(d, i) && is_alnum(d->t[i + 1]))
					f = c == 0x201D ? F_SWED : F_GUILR, om = i, cont = 0;
				else
					warn(d, i, "closing quotation mark with no opening mark");
			} else if (c == 0x2018 && open_ctx(d, i) && is_alnum(d->t[i + 1]) &&
			    (j = single_close(d, i))) {
				piece(d, i, j, 1, 0);
				i = j;
			}
			continue;
		}
		if (opens(f, c) && open_ctx(d, i) && i >= om + 3 && is_space(d->t[i - 1]) &&
		    (d->t[i - 2] == '.' || d->t[i - 2] == '!' || d->t[i - 2] == '?')) {
			/*
			 * A new sentence opens a quotation before the last one
			 * closed: the paragraph convention, with the paragraph
			 * break lost.  The same speaker goes on.
			 */
			piece(d, om, i - 1, 0, cont);
			om = i;
			cont = 1;
			continue;
		}
		if (closes(f, c) && i > om + 1) {
			piece(d, om, i, 1, cont);
			f = F_NONE;
			continue;
		}
		if (c == '\n') {
			/* The convention: no closing mark, the next paragraph opens again. */
			for (j = i + 1; j < d->n && is_space(d->t[j]); j++)
				;
			if (j < d->n && opens(f, d->t[j])) {
				piece(d, om, i, 0, cont);
				om = j;
				cont = 1;
				i = j;
				continue;
			}
			warn(d, om, "quotation not closed by the end of its paragraph");
			if (f != F_STRAIGHT)
				piece(d, om, i, 0, cont);
			f = F_NONE;
			continue;
		}
		if (opens(f, c) && !closes(f, c) && open_ctx(d, i)) {
			warn(d, om, "quotation opened again before it was closed");
			om = i;
			cont = 0;
		}
	}
	if (f != F_NONE) {
		warn(d, om, "quotation not closed by the end of its paragraph");
		if (f != F_STRAIGHT)
			piece(d, om, d->n, 0, cont);
	}
}

void
qscan(struct qdoc *d, const struct qlex *l)
{
	struct scan sc = { 0 };
	size_t i, j;

	d->nq = d->nw = 0;
	if (d->n > d->incap) {
		d->incap = d->n * 2;
		d->in = xrealloc(d->in, d->incap);
	}
	if (d->n)
		memset(d->in, 0, d->n);
	pair(d);
	sc.d = d;
	sc.l = l;
	sc.last = -1;
	for (i = 0; i < d->nq; i = j + 1) {
		for (j = i; j + 1 < d->nq && d->q[j + 1].cont; j++)
			;
		attribute(&sc, i, j);
	}
	free(sc.tk.v);
	free(sc.tw.v);
	buf_free(&sc.name);
	free(sc.spk);
}
