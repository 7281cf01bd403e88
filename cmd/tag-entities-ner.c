/*
 * tag-entities-ner: lexicon, tokenizer, span finder, typing and
 * in-document coreference for lede-tag-entities.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "tag-entities-ner.h"
#include "util.h"

/* Word flags in the lexicon. */
enum {
	F_FIRST = 1 << 0,	/* a first name */
	F_WORD = 1 << 1,	/* a common lower-case word */
	F_NOTNAME = 1 << 2,
	F_ORGW = 1 << 3,
	F_ORGHEAD = 1 << 4,
	F_LOCW = 1 << 5,
	F_GPEW = 1 << 6,
	F_TITLE = 1 << 7,
	F_TPREFIX = 1 << 8,
	F_HONOR = 1 << 9,
	F_CONN = 1 << 10,
	F_PVERB = 1 << 11,
	F_PLACECUE = 1 << 12,
	F_ORGCUE = 1 << 13,
	F_LOWTITLE = 1 << 14,
	F_ENT = 1 << 15,
	F_MISC = 1 << 16,	/* ends an event, a work, a law */
	F_MISCHEAD = 1 << 17,	/* starts one */
	F_PREFIX = 1 << 18,	/* the first words of a longer known name */
	F_LOCHEAD = 1 << 19,	/* starts a place: Lake, Mount */
	F_PLACENOUN = 1 << 20,	/* a village, a river: in apposition makes a place */
	F_APPEND = 1 << 21	/* may follow such a noun: based, founded, that */
};

enum { T_PERSON, T_NORP, T_ORG, T_GPE, T_LOC, T_NBUILTIN };
static const char *builtin_types[] = { "PERSON", "NORP", "ORG", "GPE", "LOC" };

#define MAXTOK 8	/* the longest phrase looked up */

struct slot {
	uint32_t hash, koff, klen;
	int32_t val;	/* lexicon: word flags; document: an index */
	int32_t ent;	/* lexicon: entity index or -1 */
};

struct map {
	struct slot *tab;
	size_t cap, n;
	uint32_t *used;	/* the slots taken, so a clear costs what was put */
};

struct lexent {
	uint32_t id;	/* offset of the canonical name in the arena */
	int type;
	int weak;	/* from the cities list: other evidence wins */
};

struct lex {
	struct buf arena;
	struct map map;
	struct lexent *ents;
	size_t nents, entcap;
	char **types;
	size_t ntypes;
	char **suf;		/* place-suffixes, folded */
	size_t *sufl;		/* their lengths */
	size_t nsuf;
	uint32_t suflast[256];	/* by last byte, which of the first 32 suffixes end in it */
	int sufempty;		/* an empty one, which ends every word */
	struct buf tmp, key;
};

/* ---- folding ---- */

static void
put_cp(struct buf *b, int32_t c)
{
	unsigned char u[4];
	utf8proc_ssize_t n = utf8proc_encode_char(c, u);

	buf_add(b, u, (size_t)n);
}

void
fold_append(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	utf8proc_int32_t c, d[8];
	utf8proc_ssize_t k, m, j;
	int last;
	size_t i = 0;

	while (i < n) {
		if (p[i] < 0x80) {
			if (p[i] != '.')
				buf_addc(b, p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
			i++;
			continue;
		}
		k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
		if (k <= 0) {
			buf_addc(b, p[i]);
			i++;
			continue;
		}
		i += (size_t)k;
		if (c == 0x2019 || c == 0x2018 || c == 0x02bc) {
			buf_addc(b, '\'');
			continue;
		}
		if (c == 0x2010 || c == 0x2011) {
			buf_addc(b, '-');
			continue;
		}
		last = 0;
		m = utf8proc_decompose_char(c, d, 8, UTF8PROC_CASEFOLD |
		    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT, &last);
		if (m < 0 || m > 8) {
			put_cp(b, c);
			continue;
		}
		for (j = 0; j < m; j++)
			put_cp(b, d[j]);
	}
}

/* Are a[0..n) and b[0..n) the same?  Short keys, a word at a time. */
static inline int
keq(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	uint32_t u, v;
	uint16_t p, q;

	for (; n >= 8; a += 8, b += 8, n -= 8) {
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		if (x != y)
			return 0;
	}
	if (n >= 4) {
		/* the first four and the last four, which may overlap */
		memcpy(&u, a, 4);
		memcpy(&v, b, 4);
		if (u != v)
			return 0;
		memcpy(&u, a + n - 4, 4);
		memcpy(&v, b + n - 4, 4);
		return u == v;
	}
	if (n >= 2) {
		memcpy(&p, a, 2);
		memcpy(&q, b, 2);
		if (p != q)
			return 0;
		memcpy(&p, a + n - 2, 2);
		memcpy(&q, b + n - 2, 2);
		return p == q;
	}
	return n == 0 || *a == *b;
}

/* ---- hash map over strings kept in an arena ---- */

/* FNV-1a, carried on from h over s[0..n) */
static inline uint32_t
hash_more(uint32_t h, const char *s, size_t n)
{
	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static uint32_t
hash(const char *s, size_t n)
{
	uint32_t h = hash_more(2166136261u, s, n);

	return h ? h : 1;
}

static struct slot *
map_find(const struct map *m, const char *arena, const char *k, size_t n, uint32_t h)
{
	size_t i;

	if (!m->cap)
		return NULL;
	for (i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		struct slot *s = &m->tab[i];
		if (!s->hash)
			return NULL;
		if (s->hash == h && s->klen == n && keq(arena + s->koff, k, n))
			return s;
	}
}

static void
map_grow(struct map *m)
{
	struct slot *old = m->tab;
	size_t oc = m->cap, i, j;

	m->cap = oc ? oc * 2 : 256;
	m->tab = xcalloc(m->cap, sizeof *m->tab);
	for (i = 0; i < oc; i++) {
		if (!old[i].hash)
			continue;
		for (j = old[i].hash & (m->cap - 1); m->tab[j].hash; j = (j + 1) & (m->cap - 1))
			;
		m->tab[j] = old[i];
	}
	free(old);
	m->used = xrealloc(m->used, m->cap / 2 * sizeof *m->used);
	for (i = j = 0; i < m->cap; i++)
		if (m->tab[i].hash)
			m->used[j++] = (uint32_t)i;
}

static struct slot *map_ins(struct map *, size_t, size_t, uint32_t);

/* The slot for key (arena[koff..+n)), made with val 0 and ent -1 if new. */
static struct slot *
map_put(struct map *m, const struct buf *arena, size_t koff, size_t n, int *isnew)
{
	uint32_t h = hash(arena->s + koff, n);
	struct slot *s;

	if ((s = map_find(m, arena->s, arena->s + koff, n, h))) {
		*isnew = 0;
		return s;
	}
	*isnew = 1;
	return map_ins(m, koff, n, h);
}

/* A new slot for a key not in the map, hash h. */
static struct slot *
map_ins(struct map *m, size_t koff, size_t n, uint32_t h)
{
	struct slot *s;
	size_t i;

	if ((m->n + 1) * 2 > m->cap)
		map_grow(m);
	for (i = h & (m->cap - 1); m->tab[i].hash; i = (i + 1) & (m->cap - 1))
		;
	s = &m->tab[i];
	s->hash = h;
	s->koff = (uint32_t)koff;
	s->klen = (uint32_t)n;
	s->val = 0;
	s->ent = -1;
	m->used[m->n++] = (uint32_t)i;
	return s;
}

static void
map_clear(struct map *m)
{
	size_t i;

	if (m->n * 4 < m->cap)
		for (i = 0; i < m->n; i++)
			m->tab[m->used[i]].hash = 0;
	else if (m->cap)
		memset(m->tab, 0, m->cap * sizeof *m->tab);
	m->n = 0;
}

/* ---- tokenizer ---- */

enum {
	TK_CAP = 1 << 0,	/* starts with an upper-case letter */
	TK_ALLCAP = 1 << 1,	/* two letters or more, all upper case */
	TK_LOWER = 1 << 2,
	TK_DIGIT = 1 << 3,
	TK_HYPH = 1 << 4,	/* joined to the one before by a hyphen */
	TK_POSS = 1 << 5,	/* a possessive 's followed */
	TK_INIT = 1 << 6,	/* may start a sentence */
	TK_SP = 1 << 7,		/* only blanks between it and the one before */
	TK_OPAREN = 1 << 8,	/* an opening parenthesis just before */
	TK_CPAREN = 1 << 9,	/* a closing parenthesis just after */
	TK_COMMA = 1 << 10,	/* a comma (and blanks) just before */
	TK_INITIAL = 1 << 11	/* one capital and a dot: J. */
};

struct tok {
	uint32_t b, e;		/* bytes in the text */
	uint32_t cb, ce;	/* code points */
	uint32_t fo, fl;	/* the folded form in the fold buffer */
	uint32_t f;		/* TK_* */
	uint32_t lf;		/* the lexicon's word flags of the folded form */
	int32_t lent;		/* the lexicon entity of the lone word, or -1 */
	uint32_t h;		/* the hash of the folded form */
};

struct toks {
	struct tok *t;
	size_t n, cap;
};

static int
isword(int32_t c)
{
	utf8proc_category_t k;

	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	k = utf8proc_category(c);
	return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO);
}

static int
isupper_cp(int32_t c)
{
	utf8proc_category_t k;

	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	k = utf8proc_category(c);
	return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static int
islower_cp(int32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z';
	return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

/* The code point at s[i] and its length (an invalid byte is one U+FFFD). */
static size_t
dec(const char *s, size_t n, size_t i, int32_t *c)
{
	utf8proc_ssize_t k;

	if ((unsigned char)s[i] < 0x80) {
		*c = (unsigned char)s[i];
		return 1;
	}
	k = utf8proc_iterate((const unsigned char *)s + i, (utf8proc_ssize_t)(n - i), c);
	if (k <= 0) {
		*c = 0xfffd;
		return 1;
	}
	return (size_t)k;
}

static int
isapos(int32_t c)
{
	return c == '\'' || c == 0x2019;
}

static int
ishyph(int32_t c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

/* ASCII letters and digits; 0 for every other byte. */
enum { AC_LOWER = 1, AC_UPPER, AC_DIGIT };
static const unsigned char asc_class[256] = {
	['0'] = AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT,
	AC_DIGIT, AC_DIGIT, AC_DIGIT,
	['A'] = AC_UPPER, AC_UPPER, AC_UPPER, AC_UPPER, AC_UPPER, AC_UPPER, AC_UPPER,
	AC_UPPER, AC_UPPER, AC_UPPER, AC_UPPER, AC_UPPER, AC_UPPER, AC_UPPER, AC_UPPER,
	AC_UPPER, AC_UPPER, AC_UPPER, AC_UPPER, AC_UPPER, AC_UPPER, AC_UPPER, AC_UPPER,
	AC_UPPER, AC_UPPER, AC_UPPER,
	['a'] = AC_LOWER, AC_LOWER, AC_LOWER, AC_LOWER, AC_LOWER, AC_LOWER, AC_LOWER,
	AC_LOWER, AC_LOWER, AC_LOWER, AC_LOWER, AC_LOWER, AC_LOWER, AC_LOWER, AC_LOWER,
	AC_LOWER, AC_LOWER, AC_LOWER, AC_LOWER, AC_LOWER, AC_LOWER, AC_LOWER, AC_LOWER,
	AC_LOWER, AC_LOWER, AC_LOWER,
};

/* An ASCII letter or digit folded (lower case); 0 for every other byte. */
static const unsigned char asc_fold[256] = {
	['0'] = '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
	['A'] =
	'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l',
	'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x',
	'y', 'z',
	['a'] =
	'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l',
	'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x',
	'y', 'z',
};

/*
 * Appends s[0..n) folded, as fold_append, and returns the hash of what
 * was appended: an ASCII word is folded and hashed in one pass.
 */
static uint32_t
fold_hash(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t h = 2166136261u;
	size_t i, o0 = b->len;
	unsigned char ch;
	char *o;

	if (b->len + n + 1 > b->cap)
		buf_grow(b, n);
	o = b->s + b->len;
	for (i = 0; i < n && (ch = p[i]) < 0x80; i++) {
		if (ch == '.')
			continue;
		ch = (unsigned char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
		*o++ = (char)ch;
		h = (h ^ ch) * 16777619u;
	}
	b->len = (size_t)(o - b->s);
	if (i == n)
		return h ? h : 1;
	fold_append(b, s + i, n - i);
	return hash(b->s + o0, b->len - o0);
}

/* ASCII bytes that may go on inside a word, other than letters and digits. */
static const unsigned char asc_mid[128] = { ['\''] = 1, ['.'] = 1, ['-'] = 1 };

/* Gap characters that may start a sentence before the next word. */
static const unsigned char asc_init[128] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, [':'] = 1, [';'] = 1, ['"'] = 1, ['\n'] = 1,
	['\r'] = 1, ['('] = 1, ['['] = 1, ['|'] = 1, ['*'] = 1, ['#'] = 1,
};

/*
 * The upper- and lower-case letters of s[b..e), a part of one word: they
 * are counted only where a rule needs them, not as the word is read.
 */
static void
case_count(const char *s, size_t n, size_t b, size_t e, size_t *up, size_t *lo)
{
	size_t k;
	int32_t c;

	*up = *lo = 0;
	for (; b < e; b += k) {
		k = dec(s, n, b, &c);
		if (isupper_cp(c))
			++*up;
		else if (islower_cp(c))
			++*lo;
	}
}

/* Has s[b..e) no lower-case letter? */
static int
no_lower(const char *s, size_t n, size_t b, size_t e)
{
	size_t k;
	int32_t c;

	for (; b < e; b += k) {
		if ((unsigned char)(s[b] - 'a') < 26)
			return 0;
		k = dec(s, n, b, &c);
		if (c >= 0x80 && islower_cp(c))
			return 0;
	}
	return 1;
}

/*
 * Splits s[0..n) into word tokens, folds each into fb, notes the gaps.
 * A possessive 's is left out of its word; U.S. keeps its dots.
 */
static void
tokenize(const char *s, size_t n, struct toks *tv, struct buf *fb)
{
	size_t i = 0, j, j0, k, seg;
	uint32_t cp = 0, cpj, f;
	int32_t c, c2, c3;
	size_t upper, lower, letters;
	int hyph = 0, any, blanks, init, pend, slow;
	unsigned char ac;
	uint32_t h;
	struct tok *t;
	char *o;

	tv->n = 0;
	while (i < n) {
		/* the gap before the next word, and what is in it */
		any = 0, blanks = 1, init = tv->n == 0, f = 0;
		/* the common gap: one blank between two ASCII words */
		if (s[i] == ' ' && i + 1 < n && asc_class[(unsigned char)s[i + 1]]) {
			any = 1;
			i++;
			cp++;
		}
		/* a closing parenthesis right after the word before */
		pend = 1;
		for (; i < n; i += k, cp++) {
			if ((unsigned char)s[i] < 0x80) {
				c = (unsigned char)s[i];
				k = 1;
				if (asc_class[c])
					break;
			} else {
				k = dec(s, n, i, &c);
				if (isword(c))
					break;
			}
			any = 1;
			if (pend && c != ' ') {
				if (c == ')' && tv->n > 0 && !(tv->t[tv->n - 1].f & TK_POSS))
					tv->t[tv->n - 1].f |= TK_CPAREN;
				pend = 0;
			}
			if (c == ' ' || c == '\t' || c == 0xa0)
				continue;
			blanks = 0;
			if (c == '(')
				f |= TK_OPAREN;
			if (c == ',')
				f |= TK_COMMA;
			if (c < 0x80 ? asc_init[c] : (c == 0x201c || c == 0x201d || c == 0x2018 ||
			    c == 0x2014 || c == 0x2013 || c == 0x2022))
				init = 1;
		}
		if (i >= n)
			break;
		if (tv->n == tv->cap) {
			tv->cap = tv->cap ? tv->cap * 2 : 64;
			tv->t = xrealloc(tv->t, tv->cap * sizeof *tv->t);
		}
		t = &tv->t[tv->n];
		t->b = (uint32_t)i;
		t->cb = cp;
		t->lf = 0;
		t->lent = -1;
		t->fo = (uint32_t)fb->len;
		/*
		 * An ASCII word is folded and hashed as it is read; one with
		 * anything else in it is folded again once its end is known.
		 */
		if (fb->len + (n - i) + 1 > fb->cap)
			buf_grow(fb, n - i);
		o = fb->s + fb->len;
		h = 2166136261u;
		slow = 0;
		/* the first character, c: k bytes */
		if (isupper_cp(c))
			f |= TK_CAP;
		else if (islower_cp(c))
			f |= TK_LOWER;
		else if (c >= '0' && c <= '9')
			f |= TK_DIGIT;
		seg = 0;
		j = i;
		cpj = cp;
		if (c >= 0x80) {
			seg = 1;
			j = i + k;
			cpj = cp + 1;
			slow = 1;
		}
		for (;;) {
			/* the common case: a run of ASCII letters and digits */
			j0 = j;
			/* four at a time while four are left: no bound test each */
			for (; j + 4 <= n; j += 4, o += 4) {
				if (!(ac = asc_fold[(unsigned char)s[j]]))
					goto run_end;
				o[0] = (char)ac;
				h = (h ^ ac) * 16777619u;
				if (!(ac = asc_fold[(unsigned char)s[j + 1]])) {
					j += 1, o += 1;
					goto run_end;
				}
				o[1] = (char)ac;
				h = (h ^ ac) * 16777619u;
				if (!(ac = asc_fold[(unsigned char)s[j + 2]])) {
					j += 2, o += 2;
					goto run_end;
				}
				o[2] = (char)ac;
				h = (h ^ ac) * 16777619u;
				if (!(ac = asc_fold[(unsigned char)s[j + 3]])) {
					j += 3, o += 3;
					goto run_end;
				}
				o[3] = (char)ac;
				h = (h ^ ac) * 16777619u;
			}
			while (j < n && (ac = asc_fold[(unsigned char)s[j]])) {
				*o++ = (char)ac;
				h = (h ^ ac) * 16777619u;
				j++;
			}
		run_end:
			seg += j - j0;
			cpj += (uint32_t)(j - j0);
			if (j >= n)
				break;
			/* any other ASCII byte but ' . - ends the word */
			if ((unsigned char)s[j] < 0x80 && !asc_mid[(unsigned char)s[j]])
				break;
			k = dec(s, n, j, &c);
			if (isword(c)) {
				seg++;
				slow = 1;
				j += k;
				cpj++;
				continue;
			}
			if (j + k >= n)
				break;
			dec(s, n, j + k, &c2);
			if (isapos(c) && isword(c2)) {
				size_t k2 = dec(s, n, j + k, &c2);
				c3 = ' ';
				if (j + k + k2 < n)
					dec(s, n, j + k + k2, &c3);
				if ((c2 == 's' || c2 == 'S') && !isword(c3)) {
					f |= TK_POSS;
					t->e = (uint32_t)j;
					t->ce = cpj;
					i = j + k + k2;
					cp = cpj + 2;
					goto done;
				}
				j += k;
				cpj++;
				seg = 0;
				slow = 1;
				continue;
			}
			if (c == '.' && seg == 1 && isupper_cp(c2) && j + k + 1 < n &&
			    s[j + k + 1] == '.' && (case_count(s, n, t->b, j, &upper, &lower),
			    upper)) {
				/* U.S.: a dot between single capitals */
				j += k;
				cpj++;
				seg = 0;
				slow = 1;
				continue;
			}
			if (ishyph(c) && isword(c2)) {
				t->e = (uint32_t)j;
				t->ce = cpj;
				i = j + k;
				cp = cpj + 1;
				hyph = 2;
				goto done;
			}
			break;
		}
		/* a final dot after single capitals: U.S. and the initial J. */
		if (j < n && s[j] == '.' && seg == 1 &&
		    (case_count(s, n, t->b, j, &upper, &lower), lower == 0) &&
		    (upper == 1 || (j > 1 && s[j - 2] == '.'))) {
			letters = upper;
			if (letters == 1)
				f |= TK_INITIAL;
			j++;
			cpj++;
		} else if (j < n && s[j] == '.' && j - t->b == 2 &&
		    (memcmp(s + t->b, "Jr", 2) == 0 || memcmp(s + t->b, "Sr", 2) == 0)) {
			j++;
			cpj++;
		}
		t->e = (uint32_t)j;
		t->ce = cpj;
		i = j;
		cp = cpj;
	done:
		/* two letters or more, all capitals */
		if (!(f & TK_LOWER) && t->e - t->b >= 2 && no_lower(s, n, t->b, t->e)) {
			case_count(s, n, t->b, t->e, &upper, &lower);
			if (upper >= 2)
				f |= TK_ALLCAP;
		}
		/* as it was: a word between two hyphens is neither */
		if (hyph == 1) {
			f |= TK_HYPH;
		} else {
			if (any && blanks)
				f |= TK_SP;
			if (init)
				f |= TK_INIT;
		}
		t->f = f;
		hyph = hyph == 2 ? 1 : 0;
		if (slow) {
			t->h = fold_hash(fb, s + t->b, t->e - t->b);
		} else {
			fb->len = (size_t)(o - fb->s);
			t->h = h ? h : 1;
		}
		t->fl = (uint32_t)(fb->len - t->fo);
		tv->n++;
	}
}

/* ---- the lexicon ---- */

static int
type_index(struct lex *x, const char *name)
{
	size_t i;

	for (i = 0; i < x->ntypes; i++)
		if (strcmp(x->types[i], name) == 0)
			return (int)i;
	x->types = xrealloc(x->types, (x->ntypes + 1) * sizeof *x->types);
	x->types[x->ntypes] = xstrdup(name);
	return (int)x->ntypes++;
}

struct lex *
lex_new(void)
{
	struct lex *x = xcalloc(1, sizeof *x);
	int i;

	for (i = 0; i < T_NBUILTIN; i++)
		type_index(x, builtin_types[i]);
	buf_addc(&x->arena, '\0');
	return x;
}

void
lex_free(struct lex *x)
{
	size_t i;

	if (!x)
		return;
	for (i = 0; i < x->ntypes; i++)
		free(x->types[i]);
	free(x->types);
	for (i = 0; i < x->nsuf; i++)
		free(x->suf[i]);
	free(x->suf);
	free(x->sufl);
	free(x->ents);
	free(x->map.tab);
	free(x->map.used);
	buf_free(&x->arena);
	buf_free(&x->tmp);
	buf_free(&x->key);
	free(x);
}

/*
 * The key of a phrase: its tokens folded, joined by a blank (a hyphen
 * where the text has one), into x->key.  Returns the number of tokens.
 */
static size_t
phrase_key(struct lex *x, const char *s, struct toks *tv)
{
	size_t i;

	buf_reset(&x->tmp);
	tokenize(s, strlen(s), tv, &x->tmp);
	buf_reset(&x->key);
	for (i = 0; i < tv->n; i++) {
		if (i)
			buf_addc(&x->key, tv->t[i].f & TK_HYPH ? '-' : ' ');
		buf_add(&x->key, x->tmp.s + tv->t[i].fo, tv->t[i].fl);
	}
	return tv->n;
}

static struct slot *
key_slot(struct lex *x, const char *k, size_t n)
{
	uint32_t h = hash(k, n);
	size_t off;
	struct slot *sl;

	if ((sl = map_find(&x->map, x->arena.s, k, n, h)))
		return sl;
	off = x->arena.len;
	buf_add(&x->arena, k, n);
	buf_addc(&x->arena, '\0');
	return map_ins(&x->map, off, n, h);
}

static struct slot *
lex_slot(struct lex *x, const char *s, struct toks *tv)
{
	if (phrase_key(x, s, tv) == 0)
		return NULL;
	return key_slot(x, x->key.s, x->key.len);
}

/* Marks the first words of the phrase in x->key (tokens tv) as a prefix. */
static void
add_prefixes(struct lex *x, const struct toks *tv)
{
	size_t i, len = 0;

	for (i = 0; i + 1 < tv->n; i++) {
		len += tv->t[i].fl + (i > 0);
		key_slot(x, x->key.s, len)->val |= F_PREFIX;
	}
}

static void
add_word(struct lex *x, const char *s, int flag, struct toks *tv)
{
	struct slot *sl = lex_slot(x, s, tv);

	if (sl)
		sl->val |= flag;
}

static int add_ent_key(struct lex *, const char *, const char *, int, struct toks *);

/* An entity: a new one, or the one that has this name already. */
static int
add_ent(struct lex *x, struct conf *c, yaml_node_t *n, const char *name,
    const char *type, int weak, struct toks *tv)
{
	struct slot *sl = lex_slot(x, name, tv);

	if (!sl) {
		if (!c)
			return -2;	/* the caller reads the file again with libyaml */
		conf_fail(c, n, "entity name has no word in it");
	}
	return add_ent_key(x, name, type, weak, tv);
}

/* As add_ent, once lex_slot has found name's slot: its key in x->key, its words in tv. */
static int
add_ent_key(struct lex *x, const char *name, const char *type, int weak, struct toks *tv)
{
	struct slot *sl;
	struct lexent *e;
	size_t off;

	add_prefixes(x, tv);
	sl = key_slot(x, x->key.s, x->key.len);	/* the map may have grown */
	if (sl->ent >= 0) {
		/* the hand-kept files come after the generated ones */
		x->ents[sl->ent].type = type_index(x, type);
		x->ents[sl->ent].weak = weak;
		return sl->ent;
	}
	if (x->nents == x->entcap) {
		x->entcap = x->entcap ? x->entcap * 2 : 1024;
		x->ents = xrealloc(x->ents, x->entcap * sizeof *x->ents);
	}
	off = x->arena.len;
	buf_adds(&x->arena, name);
	buf_addc(&x->arena, '\0');
	e = &x->ents[x->nents];
	e->id = (uint32_t)off;
	e->type = type_index(x, type);
	e->weak = weak;
	sl->ent = (int32_t)x->nents;
	sl->val |= F_ENT;
	return (int)x->nents++;
}

static int
add_alias(struct lex *x, struct conf *c, yaml_node_t *n, const char *alias, int ent,
    struct toks *tv)
{
	struct slot *sl = lex_slot(x, alias, tv);

	if (!sl) {
		if (!c)
			return -2;
		conf_fail(c, n, "alias has no word in it");
	}
	add_prefixes(x, tv);
	sl = key_slot(x, x->key.s, x->key.len);	/* the map may have grown */
	if (sl->ent < 0 || x->ents[sl->ent].weak) {
		sl->ent = ent;
		sl->val |= F_ENT;
	}
	return 0;
}

static int
valid_type(const char *t)
{
	if (!*t)
		return 0;
	for (; *t; t++)
		if (!((*t >= 'A' && *t <= 'Z') || *t == '_' || (*t >= '0' && *t <= '9')))
			return 0;
	return 1;
}

static const char *
want_str(struct conf *c, yaml_node_t *n, const char *what)
{
	const char *s = conf_str(conf_want(c, n, YAML_SCALAR_NODE, what));

	if (!*s)
		conf_fail(c, n, "empty %s", what);
	return s;
}

static void
load_entities(struct lex *x, struct conf *c, yaml_node_t *seq, struct toks *tv)
{
	yaml_node_item_t *it, *it2;
	yaml_node_t *item, *v, *a;
	const char *name, *type;
	int ent;

	conf_want(c, seq, YAML_SEQUENCE_NODE, "entities");
	CONF_SEQ_EACH(c, seq, item, it) {
		conf_want(c, item, YAML_MAPPING_NODE, "an entity");
		yaml_node_pair_t *p;
		CONF_MAP_EACH(item, p) {
			const char *k = conf_str(conf_node(c, p->key));
			if (!k || (strcmp(k, "name") && strcmp(k, "type") && strcmp(k, "aliases")))
				conf_fail(c, conf_node(c, p->key), "unknown entity key '%s'", k ? k : "");
		}
		if (!(v = conf_get(c, item, "name")))
			conf_fail(c, item, "entity without a name");
		name = want_str(c, v, "name");
		if (!(v = conf_get(c, item, "type")))
			conf_fail(c, item, "entity without a type");
		type = want_str(c, v, "type");
		if (!valid_type(type))
			conf_fail(c, v, "type '%s' is not upper-case letters", type);
		ent = add_ent(x, c, item, name, type, 0, tv);
		if ((v = conf_get(c, item, "aliases"))) {
			conf_want(c, v, YAML_SEQUENCE_NODE, "aliases");
			CONF_SEQ_EACH(c, v, a, it2)
				add_alias(x, c, a, want_str(c, a, "alias"), ent, tv);
		}
	}
}

static const struct {
	const char *key;
	int flag;
} wordlists[] = {
	{ "first-names", F_FIRST }, { "words", F_WORD }, { "not-names", F_NOTNAME },
	{ "org-words", F_ORGW }, { "org-heads", F_ORGHEAD }, { "loc-words", F_LOCW },
	{ "gpe-words", F_GPEW }, { "heads", F_TITLE }, { "prefixes", F_TPREFIX },
	{ "honorifics", F_HONOR }, { "connectors", F_CONN }, { "person-verbs", F_PVERB },
	{ "place-cues", F_PLACECUE }, { "misc-words", F_MISC }, { "misc-heads", F_MISCHEAD },
	{ "loc-heads", F_LOCHEAD }, { "org-cues", F_ORGCUE }, { "lower", F_LOWTITLE },
	{ "place-nouns", F_PLACENOUN }, { "appos-ends", F_APPEND },
};

void
lex_add(struct lex *x, struct conf *c)
{
	yaml_node_t *root = conf_want(c, conf_root(c), YAML_MAPPING_NODE, "the file");
	yaml_node_pair_t *p, *q;
	yaml_node_item_t *it;
	yaml_node_t *k, *v, *item;
	struct toks tv = { 0 };
	const char *key;
	size_t i;

	CONF_MAP_EACH(root, p) {
		k = conf_node(c, p->key);
		v = conf_node(c, p->value);
		key = conf_str(k);
		if (!key)
			conf_fail(c, k, "key is not a string");
		if (strcmp(key, "entities") == 0) {
			load_entities(x, c, v, &tv);
			continue;
		}
		if (strcmp(key, "place-suffixes") == 0) {
			conf_want(c, v, YAML_SEQUENCE_NODE, key);
			CONF_SEQ_EACH(c, v, item, it) {
				const char *w = want_str(c, item, "suffix");
				buf_reset(&x->tmp);
				fold_append(&x->tmp, w, strlen(w));
				buf_addc(&x->tmp, '\0');
				x->suf = xrealloc(x->suf, (x->nsuf + 1) * sizeof *x->suf);
				x->sufl = xrealloc(x->sufl, (x->nsuf + 1) * sizeof *x->sufl);
				x->sufl[x->nsuf] = strlen(x->tmp.s);
				if (x->sufl[x->nsuf] == 0)
					x->sufempty = 1;
				else if (x->nsuf < 32)
					x->suflast[(unsigned char)x->tmp.s[x->sufl[x->nsuf] - 1]] |=
					    (uint32_t)1 << x->nsuf;
				x->suf[x->nsuf++] = xstrdup(x->tmp.s);
			}
			continue;
		}
		if (strcmp(key, "names") == 0) {
			/* names: {TYPE: [name, ...]}, each its own id */
			conf_want(c, v, YAML_MAPPING_NODE, "names");
			CONF_MAP_EACH(v, q) {
				const char *type = want_str(c, conf_node(c, q->key), "type");
				yaml_node_t *seq = conf_node(c, q->value);
				int weak = strcmp(type, "GPE") == 0;
				if (!valid_type(type))
					conf_fail(c, conf_node(c, q->key), "type '%s' is not upper-case letters", type);
				conf_want(c, seq, YAML_SEQUENCE_NODE, "the names of a type");
				CONF_SEQ_EACH(c, seq, item, it) {
					const char *name = want_str(c, item, "name");
					struct slot *sl = lex_slot(x, name, &tv);
					if (sl && sl->ent >= 0)
						continue;	/* a country or a hand-kept entry */
					if (sl)
						add_ent_key(x, name, type, weak, &tv);
					else
						add_ent(x, c, item, name, type, weak, &tv);
				}
			}
			continue;
		}
		for (i = 0; i < sizeof wordlists / sizeof *wordlists; i++)
			if (strcmp(key, wordlists[i].key) == 0)
				break;
		if (i == sizeof wordlists / sizeof *wordlists)
			conf_fail(c, k, "unknown key '%s'", key);
		conf_want(c, v, YAML_SEQUENCE_NODE, key);
		CONF_SEQ_EACH(c, v, item, it)
			add_word(x, want_str(c, item, "word"), wordlists[i].flag, &tv);
	}
	free(tv.t);
}

/* ---- a quick reader for the generated gazetteers ---- */

/*
 * The generated data files are long lists in a few fixed shapes, and
 * libyaml spends most of the start-up building a node for each word.  A
 * file made only of those shapes is read here instead; for anything else
 * lex_add_file returns -1 before the lexicon changes, and the caller reads
 * the file with libyaml (so every message stays the same).
 */
enum { Q_WORD, Q_NAME, Q_ENT, Q_ALIAS };

struct qop {
	int kind, flag;
	const char *s, *type;
};

struct qops {
	struct qop *op;
	size_t n, cap;
};

static void
q_push(struct qops *q, int kind, int flag, const char *s, const char *type)
{
	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 4096;
		q->op = xrealloc(q->op, q->cap * sizeof *q->op);
	}
	q->op[q->n].kind = kind;
	q->op[q->n].flag = flag;
	q->op[q->n].s = s;
	q->op[q->n].type = type;
	q->n++;
}

/*
 * Is s[0..n) text YAML reads as it is: valid UTF-8, printable, and no
 * quote or backslash unless quotes is set?
 */
static int
q_textok(const char *s, size_t n, int quotes)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	utf8proc_int32_t c;
	utf8proc_ssize_t k;

	while (i < n) {
		if (u[i] < 0x80) {
			if (u[i] < 0x20 || u[i] == 0x7f || (!quotes && (u[i] == '"' || u[i] == '\\')))
				return 0;
			i++;
			continue;
		}
		k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &c);
		if (k < 2 || c < 0xa0 || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfeff)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

static int
q_plainc(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '.' || c == '\'' || c == '-';
}

/*
 * A scalar at *pp, "text" or plain words, NUL-terminated in place, or
 * NULL.  *term is the byte just after it, *pp what follows that byte.
 */
static char *
q_scalar(char **pp, char *term)
{
	char *p = *pp, *b;

	if (*p == '"') {
		b = ++p;
		while (*p != '"' && *p != '\n')
			p++;
		if (*p != '"' || p == b || !q_textok(b, (size_t)(p - b), 0))
			return NULL;
		*p++ = '\0';
		*term = *p;
		*pp = p + 1;
		return b;
	}
	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
		return NULL;
	b = p;
	for (;;) {
		if (q_plainc((unsigned char)*p))
			p++;
		else if (*p == ' ' && q_plainc((unsigned char)p[1]))
			p++;
		else
			break;
	}
	*term = *p;
	*p = '\0';
	*pp = p + 1;
	return b;
}

static int
q_starts(const char *p, const char *pre)
{
	return strncmp(p, pre, strlen(pre)) == 0;
}

/* Reads a file of the shapes above into q; -1 if it has anything else. */
static int
q_parse(char *p, char *end, struct qops *q)
{
	char *key, *type, *w, *nl, term;
	size_t i, nw;

	/* comments, at the top only */
	while (p < end && *p == '#') {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!q_textok(p, (size_t)(nl - p), 1))
			return -1;
		p = nl + 1;
	}
	if (p == end)
		return -1;
	while (p < end) {
		key = p;
		while ((*p >= 'a' && *p <= 'z') || *p == '-')
			p++;
		if (p == key || p[0] != ':' || p[1] != '\n')
			return -1;
		*p = '\0';
		p += 2;
		nw = 0;
		if (strcmp(key, "names") == 0) {
			while (p[0] == ' ' && p[1] == ' ' &&
			    ((p[2] >= 'A' && p[2] <= 'Z') || p[2] == '_' || (p[2] >= '0' && p[2] <= '9'))) {
				type = p + 2;
				for (p = type; (*p >= 'A' && *p <= 'Z') || *p == '_' || (*p >= '0' && *p <= '9'); p++)
					;
				if (p[0] != ':' || p[1] != '\n')
					return -1;
				*p = '\0';
				p += 2;
				i = nw;
				while (q_starts(p, "    - ")) {
					p += 6;
					if (!(w = q_scalar(&p, &term)) || term != '\n')
						return -1;
					q_push(q, Q_NAME, strcmp(type, "GPE") == 0, w, type);
					nw++;
				}
				if (nw == i)
					return -1;
			}
		} else if (strcmp(key, "entities") == 0) {
			while (q_starts(p, "  - name: ")) {
				p += 10;
				if (!(w = q_scalar(&p, &term)) || term != '\n' || !q_starts(p, "    type: "))
					return -1;
				p += 10;
				if (!(type = q_scalar(&p, &term)) || term != '\n' || !valid_type(type))
					return -1;
				q_push(q, Q_ENT, 0, w, type);
				if (q_starts(p, "    aliases: [")) {
					p += 14;
					do {
						if (!(w = q_scalar(&p, &term)))
							return -1;
						q_push(q, Q_ALIAS, 0, w, NULL);
						if (term == ',' && *p++ != ' ')
							return -1;
					} while (term == ',');
					if (term != ']' || *p++ != '\n')
						return -1;
				}
				nw++;
			}
		} else {
			for (i = 0; i < sizeof wordlists / sizeof *wordlists; i++)
				if (strcmp(key, wordlists[i].key) == 0)
					break;
			if (i == sizeof wordlists / sizeof *wordlists)
				return -1;
			while (q_starts(p, "  - ")) {
				p += 4;
				if (!(w = q_scalar(&p, &term)) || term != '\n')
					return -1;
				q_push(q, Q_WORD, wordlists[i].flag, w, NULL);
				nw++;
			}
		}
		if (nw == 0)
			return -1;
	}
	return 0;
}

int
lex_add_file(struct lex *x, const char *path)
{
	struct buf b = { 0 };
	struct qops q = { 0 };
	struct toks tv = { 0 };
	struct slot *sl;
	size_t i, r;
	int ent = -1, ret = -1;
	FILE *fp;

	if (!(fp = fopen(path, "rb")))
		return -1;
	do {
		buf_grow(&b, 1 << 16);
		r = fread(b.s + b.len, 1, b.cap - b.len - 1, fp);
		b.len += r;
	} while (r > 0);
	if (ferror(fp) || b.len == 0 || b.s[b.len - 1] != '\n' || memchr(b.s, '\0', b.len)) {
		fclose(fp);
		buf_free(&b);
		return -1;
	}
	fclose(fp);
	b.s[b.len] = '\0';
	if (q_parse(b.s, b.s + b.len, &q) < 0)
		goto out;
	/* as lex_add does; a name with no word is left to its message */
	for (i = 0; i < q.n; i++) {
		const struct qop *o = &q.op[i];
		switch (o->kind) {
		case Q_WORD:
			add_word(x, o->s, o->flag, &tv);
			break;
		case Q_NAME:
			sl = lex_slot(x, o->s, &tv);
			if (sl && sl->ent >= 0)
				continue;	/* a country or a hand-kept entry */
			if (!sl)
				goto out;	/* no word in it: left to lex_add */
			add_ent_key(x, o->s, o->type, o->flag, &tv);
			break;
		case Q_ENT:
			if ((ent = add_ent(x, NULL, NULL, o->s, o->type, 0, &tv)) < 0)
				goto out;
			break;
		case Q_ALIAS:
			if (add_alias(x, NULL, NULL, o->s, ent, &tv) < 0)
				goto out;
			break;
		}
	}
	ret = 0;
out:
	free(tv.t);
	free(q.op);
	buf_free(&b);
	return ret;
}

/* ---- documents ---- */

enum { L_NONE, L_WEAK, L_EVID, L_GAZ, L_TITLE };

/* Context cues of a mention, for names with no other evidence. */
enum {
	C_PLACE = 1 << 0,	/* a place cue just before: in, near, from */
	C_GPEAFTER = 1 << 1,	/* a comma and a known place after: Glen Echo, Maryland */
	C_THE = 1 << 2,		/* "the" just before, not at a sentence start */
	C_FIRST = 1 << 3,	/* the first word is a first name */
	C_PLSUF = 1 << 4,	/* the last word ends like a place: -ville, -burg */
	C_WORD1 = 1 << 5	/* the first word is a common word, not a first name */
};

struct ment {
	uint32_t rec;
	uint32_t cs, ce, bs, be;	/* code points and bytes in the record's text */
	uint32_t ko, kl;		/* folded key in the document's fold buffer */
	uint32_t tb, te;		/* title bytes */
	uint16_t ntok;
	uint8_t level, head, drop, allcap, init;
	uint8_t cue;			/* C_* context cues */
	int type;			/* -1 until known */
	int32_t def;			/* the long form an acronym stands for, or -1 */
	int idsrc;			/* 0: lexicon arena, 1: document ids */
	uint32_t id;
};

struct rec {
	size_t to, tl;		/* text in txt */
	size_t m0, m1;		/* its mentions */
};

struct person {
	uint32_t ko, kl;	/* folded key of the full name */
	uint32_t id;		/* in ids */
	int strong;		/* typed with evidence, not guessed */
};

#define LC_SIZE 16384	/* entries of the lookup cache, a power of two */
#define LC_KEY 18	/* the longest key it keeps */
/* A word's lexicon entry, kept so the lexicon's table need not be read. */
struct lcache {
	uint32_t h;		/* the key's hash; 0: empty */
	int32_t val, ent;	/* the slot's, when found */
	uint8_t n, found;
	char k[LC_KEY];
};

struct doc {
	const struct lex *x;
	struct lcache *lc;
	struct slot hit;	/* what lex_find returns */
	struct buf txt, fb, ids;
	struct toks tv;
	struct rec *r;
	size_t nr, rcap;
	struct ment *m;
	size_t nm, mcap;
	struct person *p;
	size_t np, pcap;
	struct map known;	/* folded key -> mention index that typed it */
	struct map parts;	/* folded word of a person's name -> person */
	struct map oparts;	/* last word of an organisation's name -> mention */
	struct ent *out;
	size_t outcap;
	struct buf key;
};

struct doc *
doc_new(const struct lex *x)
{
	struct doc *d = xcalloc(1, sizeof *d);

	d->x = x;
	d->lc = xcalloc(LC_SIZE, sizeof *d->lc);
	return d;
}

void
doc_reset(struct doc *d)
{
	buf_reset(&d->txt);
	buf_reset(&d->fb);
	buf_reset(&d->ids);
	d->nr = d->nm = d->np = 0;
	map_clear(&d->known);
	map_clear(&d->parts);
	map_clear(&d->oparts);
}

void
doc_free(struct doc *d)
{
	if (!d)
		return;
	buf_free(&d->txt);
	buf_free(&d->fb);
	buf_free(&d->ids);
	buf_free(&d->key);
	free(d->tv.t);
	free(d->r);
	free(d->m);
	free(d->p);
	free(d->known.tab);
	free(d->known.used);
	free(d->parts.tab);
	free(d->parts.used);
	free(d->oparts.tab);
	free(d->oparts.used);
	free(d->out);
	free(d->lc);
	free(d);
}

/*
 * The lexicon seen through a direct-mapped cache of short keys, misses
 * included: most words of a text are a few frequent ones, and the
 * lexicon's table is too big to stay in the processor's caches.  The
 * slot returned (its val and ent) lasts until the next lookup.
 */
static const struct slot *
lex_findh(struct doc *d, const char *k, size_t n, uint32_t h)
{
	const struct slot *s;
	struct lcache *e;

	if (n > LC_KEY)
		return map_find(&d->x->map, d->x->arena.s, k, n, h);
	e = &d->lc[h & (LC_SIZE - 1)];
	if (e->h == h && e->n == n) {
		if (keq(e->k, k, n)) {
			if (!e->found)
				return NULL;
			d->hit.val = e->val;
			d->hit.ent = e->ent;
			return &d->hit;
		}
	}
	s = map_find(&d->x->map, d->x->arena.s, k, n, h);
	e->h = h;
	e->n = (uint8_t)n;
	memcpy(e->k, k, n);
	e->found = s != NULL;
	e->val = s ? s->val : 0;
	e->ent = s ? s->ent : -1;
	return s;
}

static const struct slot *
lex_find(struct doc *d, const char *k, size_t n)
{
	return lex_findh(d, k, n, hash(k, n));
}

/* Sets t's lexicon flags and entity from the cache; 0 if it lacks them. */
static int
lc_hit(const struct doc *d, const char *fb, struct tok *t)
{
	const struct lcache *e = &d->lc[t->h & (LC_SIZE - 1)];
	const char *k = fb + t->fo;
	size_t n = t->fl;

	if (n > LC_KEY || e->h != t->h || e->n != n || !keq(e->k, k, n))
		return 0;
	t->lf = e->found ? (uint32_t)e->val : 0;
	t->lent = e->found ? e->ent : -1;
	return 1;
}

/* Builds the key of tokens [a, b) in d->key; 0 if they are not one phrase. */
static int
span_key(struct doc *d, size_t a, size_t b)
{
	const struct tok *t = d->tv.t;
	size_t i;

	buf_reset(&d->key);
	for (i = a; i < b; i++) {
		if (i > a) {
			if (!(t[i].f & (TK_SP | TK_HYPH)) || (t[i - 1].f & TK_POSS))
				return 0;
			buf_addc(&d->key, t[i].f & TK_HYPH ? '-' : ' ');
		}
		buf_add(&d->key, d->fb.s + t[i].fo, t[i].fl);
	}
	return 1;
}

/* The lexicon entity for tokens [a, b), or -1. */
static int
gaz(struct doc *d, size_t a, size_t b)
{
	const struct slot *s;

	if (b == a + 1)
		return d->tv.t[a].lent;
	if (!span_key(d, a, b))
		return -1;
	s = lex_find(d, d->key.s, d->key.len);
	return s && s->ent >= 0 ? s->ent : -1;
}

static uint32_t
phrase_flags(struct doc *d, size_t a, size_t b)
{
	const struct slot *s;

	if (b == a + 1)
		return d->tv.t[a].lf;
	if (!span_key(d, a, b))
		return 0;
	s = lex_find(d, d->key.s, d->key.len);
	return s ? (uint32_t)s->val : 0;
}

struct rctx {
	struct doc *d;
	const char *s;
	size_t n;
	size_t nt;
	int head;		/* title case or all capitals */
};

/* Does the folded word w[0..n) end like a place name? */
static int
place_suffix(const struct lex *x, const char *w, size_t n)
{
	size_t i, l;

	/* only the suffixes that end in the word's last byte */
	if (!x->sufempty && x->nsuf <= 32) {
		uint32_t bits = n ? x->suflast[(unsigned char)w[n - 1]] : 0;
		for (; bits; bits &= bits - 1) {
			i = (size_t)__builtin_ctz(bits);
			l = x->sufl[i];
			if (n > l + 2 && keq(w + n - l, x->suf[i], l))
				return 1;
		}
		return 0;
	}
	for (i = 0; i < x->nsuf; i++) {
		l = x->sufl[i];
		if (n > l + 2 && keq(w + n - l, x->suf[i], l))
			return 1;
	}
	return 0;
}

static uint8_t
ctx_cues(struct rctx *c, size_t a, size_t b)
{
	const struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	uint8_t cue = 0;

	if (a > 0 && (t[a].f & TK_SP) && (t[a - 1].f & TK_LOWER)) {
		if (t[a - 1].lf & F_PLACECUE)
			cue |= C_PLACE;
		if (t[a - 1].fl == 3 && memcmp(d->fb.s + t[a - 1].fo, "the", 3) == 0)
			cue |= C_THE;
	}
	/* not "Palaniappan Chidambaram, India's finance minister" */
	/* nor "Ross Walker, UK economist" */
	if (b < c->nt && (t[b].f & TK_COMMA) && (t[b].f & TK_CAP) && t[b].lent >= 0 &&
	    d->x->ents[t[b].lent].type == T_GPE && !(t[b].f & TK_POSS) &&
	    (b + 1 == c->nt || !(t[b + 1].f & (TK_SP | TK_HYPH)) || (t[b + 1].lf &
	    (F_CONN | F_PLACECUE | F_APPEND | F_PVERB))))
		cue |= C_GPEAFTER;
	if (t[a].lf & F_FIRST)
		cue |= C_FIRST;
	else if ((t[a].lf & F_WORD) && t[a].lent < 0)
		cue |= C_WORD1;
	if ((t[b - 1].f & TK_CAP) && !(t[b - 1].lf & F_WORD) &&
	    place_suffix(d->x, d->fb.s + t[b - 1].fo, t[b - 1].fl))
		cue |= C_PLSUF;
	return cue;
}

static struct ment *
new_ment(struct rctx *c, size_t a, size_t b, int type, int level)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	struct ment *m;
	size_t i;

	if (d->nm == d->mcap) {
		d->mcap = d->mcap ? d->mcap * 2 : 256;
		d->m = xrealloc(d->m, d->mcap * sizeof *d->m);
	}
	m = &d->m[d->nm++];
	memset(m, 0, sizeof *m);
	m->rec = (uint32_t)(d->nr - 1);
	m->cs = t[a].cb;
	m->ce = t[b - 1].ce;
	m->bs = t[a].b;
	m->be = t[b - 1].e;
	m->ntok = (uint16_t)(b - a);
	m->type = type;
	m->level = (uint8_t)level;
	m->head = (uint8_t)c->head;
	m->def = -1;
	m->allcap = b == a + 1 && (t[a].f & TK_ALLCAP);
	m->init = (t[a].f & TK_INIT) != 0;
	/* the key: tokens folded, joined as in the lexicon */
	m->ko = (uint32_t)d->fb.len;
	/* room first: the words are copied from the same buffer */
	buf_grow(&d->fb, t[b - 1].fo + t[b - 1].fl - t[a].fo + (b - a));
	for (i = a; i < b; i++) {
		if (i > a)
			buf_addc(&d->fb, t[i].f & TK_HYPH ? '-' : ' ');
		buf_add(&d->fb, d->fb.s + t[i].fo, t[i].fl);
	}
	m->kl = (uint32_t)(d->fb.len - m->ko);
	m->cue = ctx_cues(c, a, b);
	return m;
}

static int
iscap(struct rctx *c, size_t i)
{
	const struct tok *t = &c->d->tv.t[i];

	if (!(t->f & TK_CAP))
		return 0;
	if (t->lf & (F_TITLE | F_HONOR | F_TPREFIX) || (t->f & TK_INITIAL))
		return 1;
	if ((t->lf & F_NOTNAME) && t->lent < 0)
		return 0;
	if (c->head && (t->lf & F_WORD) && !(t->lf & F_FIRST) && t->lent < 0)
		return 0;
	return 1;
}

static int
lower_has(struct rctx *c, size_t i, uint32_t flag)
{
	const struct tok *t = &c->d->tv.t[i];

	return (t->f & TK_LOWER) && (t->lf & flag);
}

static int all_common(struct doc *, size_t, size_t);

/*
 * What the words after a name say it is: ", a village in", "is a
 * town", ", the band": F_PLACENOUN, F_ORGCUE or 0.
 */
static uint32_t
apposition(struct rctx *c, size_t b)
{
	const struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	size_t i = b, k;
	const char *w;

	if (i >= c->nt || !(t[i].f & TK_LOWER))
		return 0;
	w = d->fb.s + t[i].fo;
	if (!(t[i].f & TK_COMMA) && (t[i].fl == 2 && (memcmp(w, "is", 2) == 0)))
		i++;
	else if (!(t[i].f & TK_COMMA) && t[i].fl == 3 && memcmp(w, "was", 3) == 0)
		i++;
	else if (!(t[i].f & TK_COMMA))
		return 0;
	if (i >= c->nt || !(t[i].f & TK_LOWER))
		return 0;
	w = d->fb.s + t[i].fo;
	if (!((t[i].fl == 1 && *w == 'a') || (t[i].fl == 2 && memcmp(w, "an", 2) == 0) ||
	    (t[i].fl == 3 && memcmp(w, "the", 3) == 0)))
		return 0;
	/* up to three lower-case words: a small coastal village */
	for (k = i + 1; k < c->nt && k < i + 4 && (t[k].f & (TK_LOWER | TK_HYPH)) &&
	    (t[k].f & (TK_SP | TK_HYPH)); k++) {
		if (!(t[k].lf & (F_PLACENOUN | F_ORGCUE)))
			continue;
		/* not "a company spokesman": the noun ends the phrase */
		if (k + 1 < c->nt && (t[k + 1].f & (TK_SP | TK_HYPH)) &&
		    !(t[k + 1].lf & (F_CONN | F_PLACECUE | F_PVERB | F_APPEND)))
			return 0;
		return t[k].lf & F_PLACENOUN ? F_PLACENOUN : F_ORGCUE;
	}
	return 0;
}

/* Evidence for an unknown span [a, b) from its words and neighbours. */
static void
evidence(struct rctx *c, size_t a, size_t b, int *type, int *level, uint32_t *tb, uint32_t *te)
{
	const struct tok *t = c->d->tv.t;
	size_t k;

	*type = -1;
	*level = L_NONE;
	if (b < c->nt && lower_has(c, b, F_PVERB) && (t[b].f & (TK_SP | TK_COMMA)) &&
	    !(t[b - 1].f & TK_POSS) && !(b == a + 1 && (t[a].f & TK_ALLCAP)) &&
	    !all_common(c->d, a, b) && !(b == a + 1 && (t[a].lf & (F_ORGW | F_LOCW |
	    F_GPEW)) && !(t[a].lf & F_FIRST))) {
		/* Jones said; not Police said */
		*type = T_PERSON, *level = L_EVID;
		return;
	}
	if ((k = apposition(c, b)) != 0) {
		*type = k == F_PLACENOUN ? T_GPE : T_ORG, *level = L_EVID;
		return;
	}
	/* the band Carla Vennor: an organisation cue wins over a first name */
	if (a > 0 && (t[a].f & TK_SP) && (t[a - 1].f & TK_LOWER) &&
	    (t[a - 1].lf & F_ORGCUE)) {
		*type = T_ORG, *level = L_EVID;
		return;
	}
	if ((t[a].lf & F_FIRST) && b - a >= 2 && b - a <= 4 && !(t[b - 1].lf & F_WORD)) {
		*type = T_PERSON, *level = L_EVID;
		return;
	}
	if (b == a + 1 && (t[a].f & TK_ALLCAP) && !c->head && t[a].ce - t[a].cb <= 6) {
		*type = T_ORG, *level = L_WEAK;
		return;
	}
	if (a > 0 && (t[a].f & TK_SP)) {
		/* lower-case cue words just before: one or two of them */
		for (k = a; k > 0 && k + 3 > a; k--) {
			uint32_t f;
			if (!(t[k - 1].f & TK_LOWER))
				break;
			f = phrase_flags(c->d, k - 1, a);
			if (f & F_LOWTITLE) {
				*type = T_PERSON, *level = L_EVID;
				*tb = t[k - 1].b, *te = t[a - 1].e;
				return;
			}
			if (f & F_ORGCUE) {
				*type = T_ORG, *level = L_EVID;
				return;
			}
			if ((f & F_PLACECUE) && (b == a + 1 || k + 1 < a)) {
				*type = T_GPE, *level = k + 1 == a ? L_WEAK : L_EVID;
				if (*level == L_EVID)
					return;
			}
		}
	}
}

static void segment(struct rctx *, size_t, size_t);

/* Is [a, b) all that stands between a pair of quotation marks? */
static int
quoted(struct rctx *c, size_t a, size_t b)
{
	const struct tok *t = c->d->tv.t;
	size_t i = t[a].b, j = t[b - 1].e;
	const char *s = c->s;

	while (i > 0 && s[i - 1] == ' ')
		i--;
	while (j < c->n && s[j] == ' ')
		j++;
	if (i == 0 || j >= c->n)
		return 0;
	if (s[i - 1] == '"' && s[j] == '"')
		return 1;
	/* curly quotes: U+201C before, U+201D after */
	return i >= 3 && j + 3 <= c->n && memcmp(s + i - 3, "\xe2\x80\x9c", 3) == 0 &&
	    memcmp(s + j, "\xe2\x80\x9d", 3) == 0;
}
struct ment;
static int common_words(struct doc *, const struct ment *);

/* Are the words [a, b) all common lower-case words? */
static int
all_common(struct doc *d, size_t a, size_t b)
{
	for (; a < b; a++)
		if (!(d->tv.t[a].lf & F_WORD) || (d->tv.t[a].lf & (F_FIRST | F_ORGW |
		    F_LOCW | F_GPEW)) || d->tv.t[a].lent >= 0)
			return 0;
	return 1;
}

/*
 * The longest known name of tokens [a, a+l) within [a, b), ending in a
 * capital or a digit: its length, and its entity in *ent; 0 if none.
 */
static size_t
longest(struct doc *d, size_t a, size_t b, int *ent)
{
	const struct tok *t = d->tv.t;
	const struct slot *s;
	size_t l, best = 0;
	uint32_t h;
	char sep;

	*ent = -1;
	if (a >= b)
		return 0;
	/* the lone word, looked up by doc_add already */
	if (t[a].lent >= 0 && (t[a].f & (TK_CAP | TK_DIGIT))) {
		best = 1;
		*ent = t[a].lent;
	}
	if (!(t[a].lf & F_PREFIX))
		return best;
	/* the key grows a word at a time, and its hash with it */
	buf_reset(&d->key);
	buf_add(&d->key, d->fb.s + t[a].fo, t[a].fl);
	h = hash_more(2166136261u, d->fb.s + t[a].fo, t[a].fl);
	for (l = 2; a + l <= b && l <= MAXTOK; l++) {
		size_t i = a + l - 1;
		if (!(t[i].f & (TK_SP | TK_HYPH)) || (t[i - 1].f & TK_POSS))
			break;
		sep = t[i].f & TK_HYPH ? '-' : ' ';
		buf_addc(&d->key, sep);
		buf_add(&d->key, d->fb.s + t[i].fo, t[i].fl);
		h = (h ^ (unsigned char)sep) * 16777619u;
		h = hash_more(h, d->fb.s + t[i].fo, t[i].fl);
		s = lex_findh(d, d->key.s, d->key.len, h ? h : 1);
		if (!s)
			break;
		if (s->ent >= 0 && (t[i].f & (TK_CAP | TK_DIGIT))) {
			best = l;
			*ent = s->ent;
		}
		if (!(s->val & F_PREFIX))
			break;
	}
	return best;
}

/* Does a known name start at token a, within [a, b)? */
static int
known_prefix(struct doc *d, size_t a, size_t b)
{
	int e;

	return longest(d, a, b, &e) > 0;
}

/*
 * Is [a, b) a team: a known place [a, p) and capitalised words ending
 * in a plural, after "the" (the St. Louis Rams, the Denver Broncos)?
 */
static int
team(struct rctx *c, size_t a, size_t p, size_t b, int pe)
{
	const struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	const char *w = d->fb.s + t[b - 1].fo;
	size_t i;

	if (c->head || a == 0 || d->x->ents[pe].type != T_GPE ||
	    !(t[a - 1].f & TK_LOWER) || t[a - 1].fl != 3 ||
	    memcmp(d->fb.s + t[a - 1].fo, "the", 3) ||
	    t[b - 1].fl < 4 || w[t[b - 1].fl - 1] != 's' ||
	    (t[b - 1].lf & (F_LOCW | F_GPEW | F_MISC)))
		return 0;
	for (i = p; i < b; i++)
		if (!(t[i].f & TK_CAP) || !(t[i].f & TK_SP))
			return 0;
	return 1;
}

/* An unknown span, or a known one split into known pieces. */
static void
pieces(struct rctx *c, size_t a, size_t b)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	size_t k, u, best;
	int be, type, level;
	uint32_t tb = 0, te = 0;
	struct ment *m;

	/* Tower Man George F. Hauser: common words before a first name */
	if ((t[a].lf & F_WORD) && !(t[a].lf & F_FIRST) && t[a].lent < 0) {
		for (k = a + 1; k + 1 < b && (t[k].lf & F_WORD) && !(t[k].lf & F_FIRST) &&
		    t[k].lent < 0; k++)
			;
		if (k + 1 < b && (t[k].lf & F_FIRST) && gaz(d, a, b) < 0)
			a = k;
	}
	/* a first name and a surname that happens to be a place */
	if ((t[a].lf & F_FIRST) && b - a >= 2 && b - a <= 3 && !(t[b - 1].lf & F_WORD)) {
		int strong = 0;
		for (k = a; k < b; k++)
			if (t[k].lent >= 0 && !d->x->ents[t[k].lent].weak)
				strong = 1;
		if (!strong && gaz(d, a, b) < 0) {
			evidence(c, a, b, &type, &level, &tb, &te);
			m = new_ment(c, a, b, type == T_ORG && level == L_EVID ? T_ORG :
			    T_PERSON, L_EVID);
			m->tb = tb, m->te = te;
			return;
		}
	}
	/*
	 * Known names inside a longer run: the run is one name (West
	 * Jersey, Atlantic City Railroad) unless every word is known, or
	 * the rest is a person (Venezuelan Nicolás Maduro).
	 */
	u = a;
	for (k = a; k < b;) {
		best = longest(d, k, b, &be);
		if (best && !iscap(c, k + best - 1) && !(t[k + best - 1].f & TK_DIGIT))
			best = 0;
		if (!best) {
			k++;
			continue;
		}
		if (u == k && k + best < b && all_common(d, k + best, b) &&
		    !team(c, k, k + best, b, be)) {
			/* US-Colombia Relations: the known name alone */
			m = new_ment(c, k, k + best, d->x->ents[be].type,
			    d->x->ents[be].weak ? L_WEAK : L_GAZ);
			m->id = d->x->ents[be].id;
			return;
		}
		if ((u < k || (k + best < b && !(t[k + best].lf & F_FIRST) &&
		    gaz(d, k + best, b) < 0 && !known_prefix(d, k + best, b))) &&
		    !(u == k && d->x->ents[be].type == T_NORP)) {
			/* one name: West Jersey is a place, BBC Radio a body */
			int pt = d->x->ents[be].type;
			if (pt != T_NORP && !(t[u].lf & F_FIRST)) {
				size_t x;
				evidence(c, u, b, &type, &level, &tb, &te);
				for (x = u; x < b; x++)
					if (t[x].lf & F_ORGW)
						pt = T_ORG;
				/* a place and a plural: Boston Bruins, a team */
				if (pt == T_GPE && k == u && (t[b - 1].f & TK_CAP) &&
				    t[b - 1].fl > 3 && d->fb.s[t[b - 1].fo + t[b - 1].fl - 1] == 's' &&
				    !(t[b - 1].lf & (F_LOCW | F_GPEW | F_MISC)))
					pt = T_ORG, level = L_NONE;
				if (level < L_EVID)
					type = pt, level = L_WEAK;
				m = new_ment(c, u, b, type, level);
				m->tb = tb, m->te = te;
				return;
			}
			break;
		}
		m = new_ment(c, k, k + best, d->x->ents[be].type,
		    d->x->ents[be].weak ? L_WEAK : L_GAZ);
		m->id = d->x->ents[be].id;
		k += best;
		u = k;
	}
	if (u < b) {
		evidence(c, u, b, &type, &level, &tb, &te);
		m = new_ment(c, u, b, type, level);
		m->tb = tb, m->te = te;
	}
}

/* Is token i an ordinal number: 82nd, 3rd, 101st, 2d? */
static int
ordinal(const struct doc *d, size_t i)
{
	const struct tok *t = &d->tv.t[i];
	const char *w = d->fb.s + t->fo;
	size_t n = t->fl, k = 0;

	if (!(t->f & TK_DIGIT))
		return 0;
	while (k < n && w[k] >= '0' && w[k] <= '9')
		k++;
	if (k == 0 || k > 4)
		return 0;
	n -= k, w += k;
	return (n == 1 && *w == 'd') || (n == 2 && (memcmp(w, "st", 2) == 0 ||
	    memcmp(w, "nd", 2) == 0 || memcmp(w, "rd", 2) == 0 || memcmp(w, "th", 2) == 0));
}

/* A run of capitalised words [a, b): strip, find titles, type. */
static void
segment(struct rctx *c, size_t a, size_t b)
{
	struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	size_t k, p, q;
	int e;
	struct ment *m;

	/* leading and trailing words that are not names */
	while (a < b) {
		uint32_t lf = t[a].lf;
		if (!(t[a].f & TK_CAP) || ((lf & F_NOTNAME) && t[a].lent < 0 &&
		    !(t[a].f & TK_INITIAL) && !(lf & (F_HONOR | F_TITLE))) ||
		    ((t[a].f & TK_INIT) && (lf & F_WORD) && !(lf & (F_FIRST | F_TITLE |
		    F_HONOR | F_TPREFIX | F_ORGW | F_ORGHEAD)) && t[a].lent < 0 &&
		    (b == a + 1 || gaz(d, a, b) < 0)))
			a++;
		else
			break;
	}
	while (b > a && !(t[b - 1].f & (TK_CAP | TK_DIGIT)))
		b--;
	if (a >= b)
		return;
	if (b == a + 1 && t[a].fl <= 1 && t[a].lent < 0)
		return;	/* a lone initial */
	if (quoted(c, a, b) && gaz(d, a, b) < 0)
		return;	/* "Brand New Name": the title of a work */
	if ((e = gaz(d, a, b)) >= 0) {
		m = new_ment(c, a, b, d->x->ents[e].type, d->x->ents[e].weak ? L_WEAK : L_GAZ);
		m->id = d->x->ents[e].id;
		return;
	}
	/* titles and honorifics: the name after them is a person */
	for (k = a; k < b; k++) {
		if (!(t[k].lf & (F_TITLE | F_HONOR)) || !(t[k].f & TK_CAP))
			continue;
		if (k + 1 < b && (t[k + 1].lf & F_ORGW) && !(t[k + 1].lf & F_TITLE))
			break;	/* General Motors */
		p = k;
		while (p > a && (t[p - 1].lf & (F_TPREFIX | F_TITLE)) && t[p - 1].lent < 0)
			p--;
		q = k + 1;
		while (q < b && (t[q].lf & (F_TITLE | F_TPREFIX)) && !(t[q].lf & F_FIRST))
			q++;
		if (q < b && (t[q].f & TK_LOWER)) {
			/* Secretary of State Marco Rubio */
			size_t r = q + 1;
			while (r < b && (t[r].f & TK_LOWER))
				r++;
			while (b - r > 2 && !(t[r].lf & F_FIRST))
				r++;
			if (b - r >= 1 && r > q + 1 && b - r <= 3 &&
			    !(t[r - 1].f & TK_LOWER) && b - r >= 2)
				q = r;
		}
		if (p > a)
			segment(c, a, p);
		if (q >= b || (t[q].f & TK_LOWER)) {
			/* a title with no name after it: not an entity */
			if (q < b)
				segment(c, q, b);
			return;
		}
		e = gaz(d, q, b);
		if (e >= 0 && !d->x->ents[e].weak && d->x->ents[e].type != T_PERSON) {
			segment(c, q, b);
			return;
		}
		m = new_ment(c, q, b, T_PERSON, L_TITLE);
		if (e >= 0 && d->x->ents[e].type == T_PERSON)
			m->id = d->x->ents[e].id;
		m->tb = t[p].b;
		m->te = t[q - 1].e;
		if (t[k].lf & F_HONOR && !(t[k].lf & F_TITLE) && p == k && q == k + 1)
			m->tb = m->te = 0;	/* Mr. is no title */
		return;
	}
	/* events, works, laws: not ours */
	if (b - a >= 2 && ((t[b - 1].lf & F_MISC) || (t[a].lf & F_MISCHEAD)))
		return;
	for (k = a; k + 1 < b; k++)
		if (((t[k].lf & F_MISCHEAD) && (t[k + 1].f & TK_LOWER)) ||
		    ((t[k].lf & F_MISC) && k + 2 == b && (t[b - 1].f & (TK_DIGIT | TK_ALLCAP))))
			return;	/* Second Battle of Bull Run, World War II */
	/* organisation and place words */
	for (k = a + 1; k + 2 < b; k++)
		if ((t[k].lf & (F_ORGW | F_ORGHEAD)) && (t[k + 1].f & TK_LOWER) &&
		    d->fb.s[t[k + 1].fo] == 'o') {
			/* New Jersey Department of Public Safety */
			new_ment(c, a, b, T_ORG, L_EVID);
			return;
		}
	if (((t[b - 1].lf & F_ORGW) && b - a >= 2) ||
	    (b - a >= 3 && (t[a].lf & F_ORGHEAD) && (t[a + 1].f & TK_LOWER))) {
		/* a numbered unit: 82nd Airborne Division */
		if (a > 0 && (t[a].f & TK_SP) && ordinal(d, a - 1))
			a--;
		new_ment(c, a, b, T_ORG, L_EVID);
		return;
	}
	if ((t[b - 1].lf & F_LOCW) && b - a >= 2) {
		new_ment(c, a, b, T_LOC, L_EVID);
		return;
	}
	if ((t[b - 1].lf & F_GPEW) && b - a >= 2) {
		/* a Unified School District is a body, not a place */
		int org = 0;
		for (k = a + 1; k + 1 < b; k++)
			if ((t[k].lf & F_ORGW) && !(t[k].lf & F_GPEW))
				org = 1;
		new_ment(c, a, b, org ? T_ORG : T_GPE, L_EVID);
		return;
	}
	if (b - a >= 2 && (t[a].lf & F_LOCHEAD) && !(t[a + 1].f & TK_LOWER) &&
	    !known_prefix(d, a, b)) {
		new_ment(c, a, b, T_LOC, L_EVID);
		return;
	}
	if (b - a >= 3 && (t[a].lf & (F_LOCW | F_GPEW)) && (t[a + 1].f & TK_LOWER)) {
		/* Gulf of Mexico, Republic of Ireland */
		new_ment(c, a, b, t[a].lf & F_LOCW ? T_LOC : T_GPE, L_EVID);
		return;
	}
	pieces(c, a, b);
}

/* Is this title case or all capitals (a headline)? */
static int
headline(struct rctx *c)
{
	const struct tok *t = c->d->tv.t;
	size_t i, n = 0, caps = 0, all = 0;

	for (i = 0; i < c->nt; i++) {
		if (t[i].ce - t[i].cb < 3 || (t[i].f & TK_DIGIT) ||
		    !(t[i].lf & F_WORD) || (t[i].lf & (F_FIRST | F_TITLE | F_TPREFIX |
		    F_NOTNAME | F_HONOR | F_CONN)) || t[i].lent >= 0)
			continue;
		n++;
		if (t[i].f & TK_CAP)
			caps++;
		if (t[i].f & TK_ALLCAP)
			all++;
	}
	return n >= 3 && (caps * 10 >= n * 9 || all * 10 >= n * 8);
}

/*
 * May "the" at token j join a name?  After "of" (Bank of the West), and
 * after "for" before a common word (Institute for the Study of Labour),
 * not before a known name (the League for the Denver Broncos).
 */
static int
the_joins(struct rctx *c, size_t j)
{
	const struct doc *d = c->d;
	const struct tok *t = d->tv.t;
	const char *w = d->fb.s + t[j - 1].fo;

	if (t[j - 1].fl == 2 && memcmp(w, "of", 2) == 0)
		return 1;
	return t[j - 1].fl == 3 && memcmp(w, "for", 3) == 0 && j + 1 < c->nt &&
	    (t[j + 1].f & TK_CAP) && (t[j + 1].lf & F_WORD) && !(t[j + 1].lf & F_FIRST) &&
	    t[j + 1].lent < 0 && !known_prefix(c->d, j + 1, c->nt);
}

void
doc_add(struct doc *d, const char *text, size_t n)
{
	struct rctx c = { 0 };
	struct rec *r;
	struct tok *t;
	const struct slot *s;
	size_t i, j, k, nconn, m0;
	int andok, forjoin;

	if (d->nr == d->rcap) {
		d->rcap = d->rcap ? d->rcap * 2 : 64;
		d->r = xrealloc(d->r, d->rcap * sizeof *d->r);
	}
	r = &d->r[d->nr++];
	r->to = d->txt.len;
	r->tl = n;
	buf_add(&d->txt, text, n);
	buf_addc(&d->txt, '\0');
	r->m0 = r->m1 = d->nm;
	m0 = d->nm;
	c.d = d;
	c.s = text;
	c.n = n;
	tokenize(text, n, &d->tv, &d->fb);
	t = d->tv.t;
	c.nt = d->tv.n;
	/*
	 * Each word's lexicon entry, in passes so that the memory reads for
	 * one word overlap those for the next: hash each and prefetch its
	 * cache entry; take the hits and prefetch the lexicon's slot for
	 * the rest; look those up.
	 */
	for (i = 0; i < c.nt; i++)
		__builtin_prefetch(&d->lc[t[i].h & (LC_SIZE - 1)]);
	for (i = 0; i < c.nt; i++) {
		if (!lc_hit(d, d->fb.s, &t[i])) {
			t[i].lent = -2;
			if (d->x->map.cap)
				__builtin_prefetch(&d->x->map.tab[t[i].h & (d->x->map.cap - 1)]);
		}
	}
	for (i = 0; i < c.nt; i++) {
		if (t[i].lent != -2)
			continue;
		s = lex_findh(d, d->fb.s + t[i].fo, t[i].fl, t[i].h);
		t[i].lf = s ? (uint32_t)s->val : 0;
		t[i].lent = s ? s->ent : -1;
	}
	/*
	 * Dr. Nner, Lt. Gen. Early, St. Louis: the dot of a title or of a
	 * place's first word joins it to the name
	 */
	for (i = 1; i < c.nt; i++) {
		size_t g;
		if (!(t[i - 1].lf & (F_HONOR | F_TITLE | F_LOCHEAD)) || !(t[i - 1].f & TK_CAP) ||
		    (t[i].f & (TK_SP | TK_HYPH)) || t[i - 1].e >= n || text[t[i - 1].e] != '.')
			continue;
		/* St. Louis, not the FT. or Main St. Police said */
		if (!(t[i - 1].lf & (F_HONOR | F_TITLE)) && ((t[i - 1].f & TK_ALLCAP) ||
		    !(t[i].f & TK_CAP) || (t[i].lf & F_NOTNAME) ||
		    ((t[i].lf & F_WORD) && !(t[i].lf & F_FIRST) && t[i].lent < 0)))
			continue;
		for (g = t[i - 1].e + 1; g < t[i].b && (text[g] == ' ' || text[g] == '\t'); g++)
			;
		if (g == t[i].b && g > t[i - 1].e + 1) {
			t[i - 1].e++;
			t[i - 1].ce++;
			t[i].f |= TK_SP;
			t[i].f &= ~TK_INIT;
		}
	}
	c.head = headline(&c);
	if (c.head)
		for (i = 0; i < c.nt; i++)
			if (t[i].f & TK_ALLCAP)
				t[i].f |= TK_CAP;
	for (i = 0; i < c.nt;) {
		size_t best = 0;
		int e;
		if (!(t[i].f & TK_CAP)) {
			i++;
			continue;
		}
		/* the longest known name from here */
		best = longest(d, i, c.nt, &e);
		if (!iscap(&c, i)) {
			/* The Hague, UNITED STATES in capitals */
			if (best >= 2) {
				struct ment *m = new_ment(&c, i, i + best, d->x->ents[e].type,
				    d->x->ents[e].weak ? L_WEAK : L_GAZ);
				m->id = d->x->ents[e].id;
				i += best;
			} else
				i++;
			continue;
		}
		if (best < 2)
			best = 0;
		/* the run of capitalised words and connectors */
		j = i + 1;
		k = i + 1;
		nconn = 0;
		andok = 0;
		forjoin = 0;
		while (j < c.nt) {
			if (!(t[j].f & (TK_SP | TK_HYPH)) || (t[j - 1].f & TK_POSS))
				break;
			if (iscap(&c, j) || ((t[j].f & TK_DIGIT) && (t[j].f & TK_HYPH))) {
				if (nconn && (t[j - 1].f & TK_LOWER) && !(t[j].f & TK_SP))
					break;
				j++;
				k = j;
				nconn = 0;
				continue;
			}
			if ((t[j].f & TK_LOWER) && (t[j].lf & F_CONN) && !(t[j].f & TK_HYPH) &&
			    nconn < 2) {
				const char *w = d->fb.s + t[j].fo;
				if (t[j].fl == 2 && memcmp(w, "of", 2) == 0 &&
				    (t[j - 1].lf & F_ORGHEAD))
					andok = 1;
				if ((t[j].fl == 3 && memcmp(w, "and", 3) == 0) ||
				    (t[j].fl == 1 && *w == '&')) {
					/* not "the University of Texas and the ..." */
					if (!andok || (j + 1 < c.nt && (t[j + 1].f & TK_LOWER)))
						break;
				}
				/* "the" only after of: Bank of the West */
				if (t[j].fl == 3 && memcmp(w, "the", 3) == 0 && (nconn == 0 ||
				    !the_joins(&c, j)))
					break;
				/*
				 * of, for, on join only after a word that heads
				 * such a name: Bank of England, Center for
				 * Disease Control, not Amos Frumkin of the ...
				 */
				if (nconn == 0 && ((t[j].fl == 2 && (memcmp(w, "of", 2) == 0 ||
				    memcmp(w, "on", 2) == 0)) || (t[j].fl == 3 &&
				    memcmp(w, "for", 3) == 0)) &&
				    !(t[j - 1].lf & (F_ORGHEAD | F_ORGW | F_LOCW | F_GPEW |
				    F_TITLE | F_MISC | F_MISCHEAD)) &&
				    !(j == i + 1 && (t[i].lf & F_WORD)) && !forjoin)
					break;
				/* Institute for the Study of Labour */
				if (t[j].fl == 3 && memcmp(w, "for", 3) == 0)
					forjoin = 1;
				nconn++;
				j++;
				continue;
			}
			break;
		}
		if (best >= k - i) {
			struct ment *m;
			int e = gaz(d, i, i + best);
			m = new_ment(&c, i, i + best, d->x->ents[e].type,
			    d->x->ents[e].weak ? L_WEAK : L_GAZ);
			m->id = d->x->ents[e].id;
			i += best;
			continue;
		}
		segment(&c, i, k);
		i = k;
	}
	/* a lower-case title before a known person: human rights chief */
	for (i = m0, k = 0; i < d->nm; i++) {
		struct ment *m = &d->m[i];
		size_t ti, x;
		if (m->type != T_PERSON || m->te > m->tb)
			continue;
		for (ti = k; ti < c.nt && t[ti].b != m->bs; ti++)
			;
		if (ti == c.nt || ti == 0 || !(t[ti].f & TK_SP))
			continue;
		k = ti;
		for (x = ti; x > 0 && x + 3 > ti && (t[x - 1].f & TK_LOWER); x--)
			if (phrase_flags(d, x - 1, ti) & F_LOWTITLE) {
				m->tb = t[x - 1].b;
				m->te = t[ti - 1].e;
			}
	}
	/* acronyms defined in parentheses: European Union (EU) */
	for (i = m0 + 1; i < d->nm; i++) {
		struct ment *a = &d->m[i], *l = &d->m[i - 1];
		size_t ti;
		if (a->ntok != 1 || l->ntok < 2)
			continue;
		for (ti = 0; ti < c.nt && t[ti].b != a->bs; ti++)
			;
		if (ti == c.nt || !(t[ti].f & TK_OPAREN) || !(t[ti].f & TK_CPAREN) ||
		    !(t[ti].f & TK_ALLCAP) || ti == 0 || t[ti - 1].e != l->be)
			continue;
		if (d->fb.s[a->ko] != d->fb.s[l->ko])
			continue;
		a->def = (int32_t)(i - 1);
	}
	r->m1 = d->nm;
}

/* ---- resolution ---- */

static const char *
ment_id(const struct doc *d, const struct ment *m)
{
	return m->idsrc ? d->ids.s + m->id : d->x->arena.s + m->id;
}

/*
 * Appends s[0..n) without accents, so that a name not in the gazetteers
 * gets the same id in every document, however it is spelt (Sánchez,
 * Sanchez).  Case is kept.
 */
static void
strip_marks(struct buf *b, const char *s, size_t n)
{
	utf8proc_int32_t c, dd[8];
	utf8proc_ssize_t m, j;
	size_t i = 0, k;
	int last;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			/* a run of ASCII, as it is */
			for (k = i + 1; k < n && (unsigned char)s[k] < 0x80; k++)
				;
			buf_add(b, s + i, k - i);
			i = k;
			continue;
		}
		k = dec(s, n, i, &c);
		last = 0;
		m = utf8proc_decompose_char(c, dd, 8, UTF8PROC_DECOMPOSE |
		    UTF8PROC_STRIPMARK, &last);
		if (m <= 0 || m > 8)
			buf_add(b, s + i, k);
		else
			for (j = 0; j < m; j++)
				put_cp(b, dd[j]);
		i += k;
	}
}

static void
own_id(struct doc *d, struct ment *m)
{
	const struct rec *r = &d->r[m->rec];

	m->idsrc = 1;
	m->id = (uint32_t)d->ids.len;
	strip_marks(&d->ids, d->txt.s + r->to + m->bs, m->be - m->bs);
	buf_addc(&d->ids, '\0');
}

/* Do all the words of key k occur in key p? */
static int
words_in(const char *k, size_t kl, const char *p, size_t pl)
{
	size_t i = 0, j, wl, x;

	while (i < kl) {
		for (j = i; j < kl && k[j] != ' '; j++)
			;
		wl = j - i;
		for (x = 0; x + wl <= pl; x++) {
			if ((x == 0 || p[x - 1] == ' ') && (x + wl == pl || p[x + wl] == ' ') &&
			    memcmp(p + x, k + i, wl) == 0)
				break;
		}
		if (x + wl > pl)
			return 0;
		i = j + 1;
	}
	return 1;
}

/* The person whose name holds every word of m, or -1. */
static int
find_person(struct doc *d, const struct ment *m)
{
	const char *k = d->fb.s + m->ko;
	size_t i, j, wl;
	const struct slot *s;

	/* any word of the key leads to the candidates: try the last one */
	for (i = m->kl; i > 0 && k[i - 1] != ' '; i--)
		;
	wl = m->kl - i;
	s = map_find(&d->parts, d->fb.s, k + i, wl, hash(k + i, wl));
	if (!s) {
		for (j = 0; j < m->kl && k[j] != ' '; j++)
			;
		s = map_find(&d->parts, d->fb.s, k, j, hash(k, j));
		if (!s)
			return -1;
	}
	if (words_in(k, m->kl, d->fb.s + d->p[s->val].ko, d->p[s->val].kl))
		return s->val;
	return -1;
}

/* Is m the last word of person pi (Washington of George Washington)? */
static int
surname(struct doc *d, int pi, const struct ment *m)
{
	const struct person *p = &d->p[pi];

	return p->kl > m->kl && d->fb.s[p->ko + p->kl - m->kl - 1] == ' ' &&
	    memcmp(d->fb.s + p->ko + p->kl - m->kl, d->fb.s + m->ko, m->kl) == 0;
}

static void
add_person(struct doc *d, struct ment *m)
{
	struct person *p;
	const char *k = d->fb.s + m->ko;
	size_t i, j;
	int isnew;
	struct slot *s;

	if (d->np == d->pcap) {
		d->pcap = d->pcap ? d->pcap * 2 : 32;
		d->p = xrealloc(d->p, d->pcap * sizeof *d->p);
	}
	p = &d->p[d->np];
	p->ko = m->ko;
	p->kl = m->kl;
	p->strong = m->level >= L_EVID;
	if (m->idsrc == 0 && m->id != 0) {
		/* a known person keeps the canonical name */
		const char *id = d->x->arena.s + m->id;
		m->idsrc = 1;
		m->id = (uint32_t)d->ids.len;
		buf_add(&d->ids, id, strlen(id) + 1);
	} else
		own_id(d, m);
	p->id = m->id;
	for (i = 0; i < m->kl; i = j + 1) {
		for (j = i; j < m->kl && k[j] != ' '; j++)
			;
		if (j - i <= 1)
			continue;	/* an initial links nothing */
		s = map_put(&d->parts, &d->fb, m->ko + i, j - i, &isnew);
		if (isnew)
			s->val = (int32_t)d->np;
	}
	d->np++;
}

static void
know(struct doc *d, size_t mi)
{
	int isnew;
	struct slot *s = map_put(&d->known, &d->fb, d->m[mi].ko, d->m[mi].kl, &isnew);

	if (isnew)
		s->val = (int32_t)mi;
}

/*
 * Is the name made of common words, or does it end in one without
 * starting with a first name (Killing Joke, Bowling Green Falcons)?
 */
static int
common_words(struct doc *d, const struct ment *m)
{
	const char *k = d->fb.s + m->ko;
	size_t i, j, n = 0, w = 0;
	int last = 0, plural = 0, first = 0;
	const struct slot *s;

	for (i = 0; i < m->kl; i = j + 1) {
		for (j = i; j < m->kl && k[j] != ' ' && k[j] != '-'; j++)
			;
		s = lex_find(d, k + i, j - i);
		last = s && (s->val & F_WORD) && !(s->val & F_FIRST);
		plural = last && k[j - 1] == 's';
		if (n == 0)
			first = s && (s->val & F_FIRST);
		w += last;
		n++;
	}
	return w == n || plural || (last && !first);
}

static int
all_common_key(struct doc *d, const struct ment *m)
{
	const char *k = d->fb.s + m->ko;
	size_t i, j;
	const struct slot *s;

	for (i = 0; i < m->kl; i = j + 1) {
		for (j = i; j < m->kl && k[j] != ' ' && k[j] != '-'; j++)
			;
		s = lex_find(d, k + i, j - i);
		if (!s || !(s->val & F_WORD) || (s->val & F_FIRST))
			return 0;
	}
	return 1;
}

void
doc_resolve(struct doc *d)
{
	size_t i, lvl, nt;
	int pi;
	struct ment *m;
	const struct slot *s;

	/* no evidence: a guess from the shape, for names of two words or more */
	for (i = 0; i < d->nm; i++) {
		m = &d->m[i];
		if (m->type >= 0 || m->head)
			continue;
		if (m->ntok == 1) {
			/* a lone unknown word: only a place by its ending or its neighbours */
			if (!m->init && !m->allcap && (m->cue & (C_GPEAFTER | C_PLSUF)) &&
			    !all_common_key(d, m)) {
				m->type = T_GPE;
				m->level = L_WEAK;
			}
			continue;
		}
		if (all_common_key(d, m)) {
			/* the White Eagles, the Silver Hawks: a team, a band */
			if ((m->cue & C_THE) && d->fb.s[m->ko + m->kl - 1] == 's') {
				m->type = T_ORG;
				m->level = L_WEAK;
			}
			continue;
		}
		if (m->cue & C_GPEAFTER)
			m->type = T_GPE;	/* Glen Echo, Maryland */
		else if (m->cue & C_FIRST)
			m->type = m->ntok <= 3 && !common_words(d, m) ? T_PERSON : T_ORG;
		else if (m->cue & (C_PLACE | C_PLSUF))
			m->type = T_GPE;
		else if (m->cue & (C_THE | C_WORD1))
			m->type = -1;	/* the Silver Lining, Royal Velvet: no person */
		else
			m->type = m->ntok <= 3 && !common_words(d, m) ? T_PERSON : T_ORG;
		if (m->type < 0)
			continue;
		m->level = L_WEAK;
	}
	/*
	 * a name of several words with no evidence that an acronym in
	 * parentheses follows is an organisation: National Federation Party (NFP)
	 */
	for (i = 0; i < d->nm; i++) {
		struct ment *l;
		m = &d->m[i];
		if (m->def < 0)
			continue;
		l = &d->m[m->def];
		if (l->head || l->ntok < 2 || l->level > L_WEAK || (l->type >= 0 &&
		    l->type != T_PERSON) || (l->cue & C_FIRST))
			continue;
		l->type = T_ORG;
		l->level = L_EVID;
	}
	/* people, longest names first: shorter forms link to them */
	for (i = 0, nt = 1; i < d->nm; i++)
		if (d->m[i].ntok > nt)
			nt = d->m[i].ntok;
	for (; nt >= 1; nt--) {
		for (i = 0; i < d->nm; i++) {
			m = &d->m[i];
			if (m->ntok != nt || m->type != T_PERSON || m->level < L_WEAK ||
			    (m->head && m->level < L_TITLE))
				continue;
			if ((pi = find_person(d, m)) >= 0) {
				m->idsrc = 1;
				m->id = d->p[pi].id;
			} else if (nt >= 2 || m->level == L_TITLE) {
				add_person(d, m);
			} else if (m->idsrc == 1 || m->id == 0) {
				own_id(d, m);
			}
		}
	}
	/* a name typed with evidence keeps its type in the document */
	for (lvl = L_TITLE; lvl >= L_EVID; lvl--)
		for (i = 0; i < d->nm; i++) {
			m = &d->m[i];
			if (m->level != lvl || m->type < 0 || (m->head && lvl < L_GAZ))
				continue;
			if (m->idsrc == 0 && m->id == 0)
				own_id(d, m);
			know(d, i);
		}
	for (i = 0; i < d->nm; i++) {
		m = &d->m[i];
		if (m->def >= 0 && !d->m[m->def].drop && d->m[m->def].type >= 0) {
			/* an acronym takes the id of the long form before it */
			struct ment *l = &d->m[m->def];
			m->type = l->type;
			m->idsrc = l->idsrc;
			m->id = l->id;
			m->level = L_GAZ;
			know(d, i);
			continue;
		}
		if (m->level >= L_GAZ)
			continue;
		s = map_find(&d->known, d->fb.s, d->fb.s + m->ko, m->kl,
		    hash(d->fb.s + m->ko, m->kl));
		if (s && (size_t)s->val != i) {
			const struct ment *o = &d->m[s->val];
			m->type = o->type;
			m->idsrc = o->idsrc;
			m->id = o->id;
			continue;
		}
		if (s)
			continue;
		if (m->type != T_PERSON && (pi = find_person(d, m)) >= 0 &&
		    !(m->level == L_EVID && m->type != T_GPE) &&
		    (d->p[pi].strong || (m->level == L_NONE && !common_words(d, m))) &&
		    (m->id == 0 || surname(d, pi, m))) {
			m->type = T_PERSON;
			m->idsrc = 1;
			m->id = d->p[pi].id;
			continue;
		}
		if (m->level >= L_WEAK && m->type >= 0) {
			if (m->idsrc == 0 && m->id == 0)
				own_id(d, m);
			if (m->type != T_PERSON)
				know(d, i);
			continue;
		}
		m->drop = 1;
	}
	/* a lone word that ends an organisation's name: the Bruins */
	for (i = 0; i < d->nm; i++) {
		const char *k;
		size_t j;
		int isnew;
		struct slot *sl;
		m = &d->m[i];
		if (m->drop || m->type != T_ORG || m->ntok < 2)
			continue;
		k = d->fb.s + m->ko;
		for (j = m->kl; j > 0 && k[j - 1] != ' '; j--)
			;
		if (m->kl - j <= 2)
			continue;
		s = lex_find(d, k + j, m->kl - j);
		if (s && (s->val & (F_WORD | F_ORGW | F_FIRST)))
			continue;
		sl = map_put(&d->oparts, &d->fb, m->ko + j, m->kl - j, &isnew);
		if (isnew)
			sl->val = (int32_t)i;
	}
	for (i = 0; i < d->nm && d->oparts.n; i++) {
		m = &d->m[i];
		if (!m->drop || m->level != L_NONE || m->ntok != 1 || m->head)
			continue;
		s = map_find(&d->oparts, d->fb.s, d->fb.s + m->ko, m->kl,
		    hash(d->fb.s + m->ko, m->kl));
		if (!s)
			continue;
		m->drop = 0;
		m->type = T_ORG;
		m->idsrc = d->m[s->val].idsrc;
		m->id = d->m[s->val].id;
	}
}

const struct ent *
doc_ents(struct doc *d, size_t ri, size_t *n)
{
	const struct rec *r = &d->r[ri];
	size_t i, k = 0;

	if (r->m1 - r->m0 > d->outcap) {
		d->outcap = r->m1 - r->m0;
		d->out = xrealloc(d->out, d->outcap * sizeof *d->out);
	}
	for (i = r->m0; i < r->m1; i++) {
		const struct ment *m = &d->m[i];
		struct ent *e;
		if (m->drop || m->type < 0)
			continue;
		e = &d->out[k++];
		e->start = m->cs;
		e->end = m->ce;
		e->bstart = m->bs;
		e->bend = m->be;
		e->tbeg = m->tb;
		e->tend = m->te;
		e->type = d->x->types[m->type];
		e->id = ment_id(d, m);
	}
	*n = k;
	return d->out;
}

const char *
doc_text(struct doc *d, size_t ri, size_t *n)
{
	*n = d->r[ri].tl;
	return d->txt.s + d->r[ri].to;
}
