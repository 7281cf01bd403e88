/*
 * Sentence boundaries within a paragraph.
 *
 * The scan looks only at runs of terminal punctuation (. ? ! …) that end
 * a white-space-separated token, after any closing quotes and brackets.
 * At each it decides from the token before, the word after and a few
 * word lists (abbreviations, titles, words that start sentences) whether
 * a sentence ends there.  Every other byte costs one table look-up.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "hash.h"
#include "scan.h"
#include "split-seg.h"
#include "util.h"

#define MAXWORD 40

/* The hash of a word, the same in every list (all are STRTAB_ICASE). */
static uint32_t
hashw(const char *s, size_t n)
{
	return hash_lower(s, n);
}

/* seg_word_has, with the word's hash (hashw) already computed. */
static int
has_hashed(const struct strtab *t, const char *s, size_t n, uint32_t h)
{
	if (n == 0 || n > MAXWORD)
		return 0;
	return strtab_findh(t, s, n, h) >= 0;
}

int
seg_word_has(const struct strtab *t, const char *s, size_t n)
{
	if (!t->n || n == 0 || n > MAXWORD)
		return 0;
	return has_hashed(t, s, n, hashw(s, n));
}

void
seg_word_add(struct strtab *t, const char *s, size_t n)
{
	if (n == 0 || n > MAXWORD)
		return;
	strtab_internh(t, s, n, hashw(s, n), NULL);
}

void
seg_init(struct seg *g)
{
	strtab_init(&g->prefixes, STRTAB_ICASE);
	strtab_init(&g->numbered, STRTAB_ICASE);
	strtab_init(&g->abbreviations, STRTAB_ICASE);
	strtab_init(&g->times, STRTAB_ICASE);
	strtab_init(&g->timezones, STRTAB_ICASE);
	strtab_init(&g->openers, STRTAB_ICASE);
	strtab_init(&g->starters, STRTAB_ICASE);
}

/* ASCII white space: tab to carriage return, and the space. */
static const unsigned char ascii_space[256] = {
	['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
};

static size_t space_wide(const unsigned char *, size_t, size_t);

/* seg_space, inline for the common case of an ASCII byte. */
static inline size_t
space_at(const unsigned char *s, size_t i, size_t n)
{
	return s[i] < 0x80 ? ascii_space[s[i]] : space_wide(s, i, n);
}

size_t
seg_space(const unsigned char *s, size_t i, size_t n)
{
	return space_at(s, i, n);
}

/* seg_space for a byte of 0x80 or more. */
static size_t
space_wide(const unsigned char *s, size_t i, size_t n)
{
	unsigned c = s[i];

	if (c < 0xC2)
		return 0;
	if (c == 0xC2 && i + 1 < n && (s[i + 1] == 0xA0 || s[i + 1] == 0x85))
		return 2;
	if (i + 2 >= n)
		return 0;
	if (c == 0xE2 && s[i + 1] == 0x80 &&
	    ((s[i + 2] >= 0x80 && s[i + 2] <= 0x8A) || s[i + 2] == 0xA8 ||
	    s[i + 2] == 0xA9 || s[i + 2] == 0xAF))
		return 3;
	if (c == 0xE2 && s[i + 1] == 0x81 && s[i + 2] == 0x9F)
		return 3;
	if (c == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x80)
		return 3;
	if (c == 0xE1 && s[i + 1] == 0x9A && s[i + 2] == 0x80)
		return 3;
	return 0;
}

/* Length of the white-space character that ends just before s[i], or 0. */
static size_t
space_before(const unsigned char *s, size_t i)
{
	/* Every wide space ends in a byte of 0x80 or more. */
	if (i >= 1 && s[i - 1] < 0x80)
		return ascii_space[s[i - 1]];
	if (i >= 1 && space_at(s, i - 1, i) == 1)
		return 1;
	if (i >= 2 && space_at(s, i - 2, i) == 2)
		return 2;
	if (i >= 3 && space_at(s, i - 3, i) == 3)
		return 3;
	return 0;
}

static size_t
skip_space(const unsigned char *s, size_t i, size_t n)
{
	size_t k;

	while (i < n && (k = space_at(s, i, n)))
		i += k;
	return i;
}

static size_t
trim_back(const unsigned char *s, size_t lo, size_t i)
{
	size_t k;

	while (i > lo && (k = space_before(s, i)))
		i -= k;
	return i;
}

/* Sentence-final punctuation: . ? ! … ‽ and their full-width forms. */
static size_t
term_len(const unsigned char *s, size_t i, size_t n)
{
	unsigned c = s[i];

	if (c == '.' || c == '?' || c == '!')
		return 1;
	if (i + 2 >= n)
		return 0;
	if (c == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA6 || s[i + 2] == 0xBD))
		return 3;
	if (c == 0xEF && s[i + 1] == 0xBC && (s[i + 2] == 0x81 || s[i + 2] == 0x9F))
		return 3;
	if (c == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x82)
		return 3;
	return 0;
}

/* Closing quotes and brackets: " ' ) ] } ” ’ » › */
static size_t
closer_len(const unsigned char *s, size_t i, size_t n)
{
	unsigned c = s[i];

	if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}')
		return 1;
	if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xBB)
		return 2;
	if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
	    (s[i + 2] == 0x9D || s[i + 2] == 0x99 || s[i + 2] == 0xBA))
		return 3;
	return 0;
}

/* Opening quotes and brackets: " ' ( [ { “ ‘ « ‹ „ ¿ ¡; *quote says which are quotes. */
static size_t
opener_len(const unsigned char *s, size_t i, size_t n, int *quote)
{
	unsigned c = s[i];

	*quote = 1;
	if (c == '"' || c == '\'')
		return 1;
	if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xAB)
		return 2;
	if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
	    (s[i + 2] == 0x9C || s[i + 2] == 0x98 || s[i + 2] == 0xB9 ||
	    s[i + 2] == 0x9E))
		return 3;
	*quote = 0;
	if (c == '(' || c == '[' || c == '{')
		return 1;
	if (c == 0xC2 && i + 1 < n && (s[i + 1] == 0xBF || s[i + 1] == 0xA1))
		return 2;
	return 0;
}

static size_t
skip_openers(const unsigned char *s, size_t i, size_t n, int *quote)
{
	size_t k;
	int q;

	*quote = 0;
	while (i < n && (k = opener_len(s, i, n, &q))) {
		*quote |= q;
		i += k;
	}
	return i;
}

enum { C_END, C_UPPER, C_LOWER, C_DIGIT, C_OTHER };

static int
char_class(const unsigned char *s, size_t i, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	if (i >= n)
		return C_END;
	if (s[i] < 0x80) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			return C_UPPER;
		if (s[i] >= 'a' && s[i] <= 'z')
			return C_LOWER;
		if (s[i] >= '0' && s[i] <= '9')
			return C_DIGIT;
		return C_OTHER;
	}
	k = utf8proc_iterate(s + i, n - i, &cp);
	if (k < 0)
		return C_OTHER;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LO:
		return C_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return C_LOWER;
	case UTF8PROC_CATEGORY_ND:
		return C_DIGIT;
	default:
		return C_OTHER;
	}
}

/* The end of the token that starts at s[i]. */
static size_t
token_end(const unsigned char *s, size_t i, size_t n)
{
	while (i < n && !space_at(s, i, n))
		i++;
	return i;
}

/* The start of the token that ends at s[i], no further back than lo. */
static size_t
token_start(const unsigned char *s, size_t lo, size_t i)
{
	while (i > lo && !space_before(s, i))
		i--;
	return i;
}

/* Is the token at s[i] a lone full stop, closers aside (". . .")? */
static int
lone_dot(const unsigned char *s, size_t i, size_t n)
{
	size_t k;

	if (i >= n || s[i] != '.')
		return 0;
	i++;
	while (i < n && (k = closer_len(s, i, n)))
		i += k;
	return i >= n || space_at(s, i, n);
}

/* The word at s[i] (openers skipped, up to a space or punctuation). */
static size_t
word_at(const unsigned char *s, size_t i, size_t n, size_t *b)
{
	size_t e;
	int q;

	i = skip_openers(s, i, n, &q);
	*b = i;
	for (e = i; e < n && !space_at(s, e, n) && s[e] != ',' && s[e] != '.' &&
	    s[e] != ';' && s[e] != ':' && s[e] != '!' && s[e] != '?' &&
	    s[e] != '"' && s[e] != ')' && !closer_len(s, e, n); e++)
		;
	return e - i;
}

/* "U.S", "a.m", "Ph.D", "e.g": short letter groups joined by full stops. */
static int
dotted(const unsigned char *w, size_t n)
{
	size_t i, run = 0;
	int dots = 0;

	for (i = 0; i < n; i++) {
		if ((w[i] | 0x20) >= 'a' && (w[i] | 0x20) <= 'z') {
			if (++run > 3)
				return 0;
		} else if (w[i] == '.' && run > 0) {
			run = 0;
			dots++;
		} else {
			return 0;
		}
	}
	return dots > 0 && run > 0;
}

static int
starts_sentence(const struct seg *g, const unsigned char *s, size_t i, size_t n)
{
	size_t b, len;
	int q;

	len = word_at(s, i, n, &b);
	if (char_class(s, b, n) != C_UPPER)
		return 0;
	skip_openers(s, i, n, &q);
	return q || seg_word_has(&g->starters, (const char *)s + b, len);
}

/* Is the sentence so far (from ss to the token at tb) a short opener, "At 5"? */
static int
short_opener(const struct seg *g, const unsigned char *s, size_t ss, size_t tb, size_t n)
{
	size_t b, len, i;
	int tokens = 0;

	len = word_at(s, ss, n, &b);
	if (!seg_word_has(&g->openers, (const char *)s + b, len))
		return 0;
	for (i = ss; i < tb; tokens++)
		i = skip_space(s, token_end(s, i, n), n);
	return tokens <= 3;
}

struct cand {
	size_t ss;		/* where the current sentence starts */
	size_t tb;		/* the token's start */
	size_t wb;		/* its word's start, openers skipped */
	size_t i, j, k;		/* terminal run [i, j), closers to k */
	int dots, ells, strong;
};

static int
spaced_dots(const unsigned char *s, size_t n, const struct cand *c, int next)
{
	size_t p, nb;
	int count = 1;

	nb = skip_space(s, c->k, n);
	if (lone_dot(s, nb, n))
		return 0;	/* not the last of the run */
	for (p = c->tb; p > c->ss;) {
		p = trim_back(s, c->ss, p);
		nb = token_start(s, c->ss, p);
		if (!lone_dot(s, nb, n))
			break;
		count++;
		p = nb;
	}
	/* "compounds. . . . The": the run opens the next sentence. */
	if (p > c->ss && s[p - 1] == '.')
		return 0;
	return count >= 4 && next != C_LOWER;
}

static int
initial(const unsigned char *s, size_t n, const struct cand *c)
{
	size_t pe, pb;
	int q;

	utf8proc_int32_t cp;

	/* One letter: "E." in "Jonas E. Smith", "Á." too. */
	if (utf8proc_iterate(s + c->wb, c->i - c->wb, &cp) !=
	    (utf8proc_ssize_t)(c->i - c->wb))
		return 0;
	if (char_class(s, c->wb, n) != C_UPPER)
		return 0;
	pe = trim_back(s, c->ss, c->tb);
	if (pe <= c->ss)
		return 1;	/* first in its sentence: "A. Smith said" */
	pb = skip_openers(s, token_start(s, c->ss, pe), n, &q);
	return char_class(s, pb, n) == C_UPPER;
}

/* A word that starts lowercase and has a capital soon after: "eBay", "iPhone". */
static int
camel(const unsigned char *s, size_t i, size_t n)
{
	size_t j;

	if (i >= n || s[i] < 'a' || s[i] > 'z')
		return 0;
	for (j = i + 1; j < n && j < i + 4 && s[j] >= 'a' && s[j] <= 'z'; j++)
		;
	return j < n && s[j] >= 'A' && s[j] <= 'Z';
}

/*
 * After an initial at nb: a capitalised word that is not a sentence's
 * usual start, then another one: "L. Ron Hubbard".
 */
static int
name_follows(const struct seg *g, const unsigned char *s, size_t nb, size_t n)
{
	size_t b, len, e;

	len = word_at(s, nb, n, &b);
	if (!len || char_class(s, b, n) != C_UPPER ||
	    seg_word_has(&g->starters, (const char *)s + b, len))
		return 0;
	e = b + len;
	if (e >= n || !space_at(s, e, n))
		return 0;	/* "Ron," ends the name */
	e = skip_space(s, e, n);
	len = word_at(s, e, n, &b);
	return len && b == e && char_class(s, b, n) == C_UPPER;
}

static int
boundary(const struct seg *g, const unsigned char *s, size_t n, const struct cand *c)
{
	size_t nb, wl, tzb, tzl;
	const char *w;
	uint32_t h;
	int next, q;

	nb = skip_space(s, c->k, n);
	next = char_class(s, skip_openers(s, nb, n, &q), n);
	if (next == C_LOWER && camel(s, skip_openers(s, nb, n, &q), n))
		next = C_UPPER;	/* "eBay shares fell." starts a sentence */
	if (c->strong)
		return next != C_LOWER;
	if (c->ells || c->dots >= 2) {
		/* "[...]" or "[…]" between sentences */
		if (c->tb < c->i && s[c->tb] == '[' && c->wb == c->i && c->j < n &&
		    s[c->j] == ']' && c->k == c->j + 1)
			return next == C_UPPER;
		if (c->dots >= 4 || (c->ells && c->dots))
			return next != C_LOWER;
		if (c->wb == c->i)
			return 0;	/* a lone "..." leaves words out mid-sentence */
		return next == C_UPPER;
	}
	if (c->wb == c->i)
		return spaced_dots(s, n, c, next);
	if (next == C_LOWER)
		return 0;
	if (lone_dot(s, nb, n)) {
		/* "word. . . . Next": a full stop, then an ellipsis. */
		size_t m = nb;
		int count = 0;

		while (lone_dot(s, m, n)) {
			count++;
			m = skip_space(s, token_end(s, m, n), n);
		}
		return count >= 3 && char_class(s, skip_openers(s, m, n, &q), n) == C_UPPER;
	}
	w = (const char *)s + c->wb;
	wl = c->i - c->wb;
	if (wl == 0 || wl > MAXWORD)
		h = 0;	/* in no set: has_hashed looks no further */
	else
		h = hashw(w, wl);	/* once for the four sets */
	if (has_hashed(&g->prefixes, w, wl, h))
		return 0;
	if (has_hashed(&g->times, w, wl, h)) {
		tzl = word_at(s, nb, n, &tzb);
		return next == C_UPPER &&
		    !seg_word_has(&g->timezones, (const char *)s + tzb, tzl) &&
		    !short_opener(g, s, c->ss, c->tb, n);
	}
	if (has_hashed(&g->numbered, w, wl, h) && next == C_DIGIT)
		return 0;
	if (dotted((const unsigned char *)w, wl) ||
	    has_hashed(&g->numbered, w, wl, h) ||
	    has_hashed(&g->abbreviations, w, wl, h))
		return starts_sentence(g, s, nb, n);
	if (initial(s, n, c))
		return 0;
	if (c->i - c->wb == 1 && s[c->wb] >= 'A' && s[c->wb] <= 'Z' && name_follows(g, s, nb, n))
		return 0;	/* "writer L. Ron Hubbard" */
	return 1;
}

/* Is the line s[lb..le) ended by final punctuation, a closer, or a comma's kin? */
static int
line_ends_punct(const unsigned char *s, size_t lb, size_t le)
{
	unsigned c;

	if (le <= lb)
		return 1;
	c = s[le - 1];
	if (strchr(".?!,;:)]}\"'-", (int)c) && c)
		return 1;
	/* … ” ’ » — and the full-width forms: any final mark of three bytes */
	if (le - lb >= 3 && (s[le - 3] == 0xE2 || s[le - 3] == 0xEF || s[le - 3] == 0xE3))
		return 1;
	return le - lb >= 2 && s[le - 2] == 0xC2;
}

/* A label that opens a line: "Image:", "Photo:", "Credit:", one word and a colon. */
static int
label_line(const unsigned char *s, size_t i, size_t n)
{
	size_t j = i;

	while (j < n && j < i + 12 && ((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z'))
		j++;
	return j > i && j < n && s[j] == ':';
}

/*
 * The next line break from i in a paragraph of several lines that ends
 * a sentence: after a line with no final punctuation, shorter than most
 * (a caption, a credit, a heading, an item), before a capitalised line;
 * or before a label line.  n if none.
 */
static size_t
next_break(const unsigned char *s, size_t i, size_t n, size_t longest)
{
	const unsigned char *p;
	size_t lb, le, nb;
	int q;

	while (i < n && (p = memchr(s + i, '\n', n - i))) {
		le = (size_t)(p - s);
		for (lb = le; lb > 0 && s[lb - 1] != '\n'; lb--)
			;
		i = le + 1;
		nb = skip_openers(s, skip_space(s, le, n), n, &q);
		le = trim_back(s, lb, le);
		if (line_ends_punct(s, lb, le) || char_class(s, nb, n) != C_UPPER)
			continue;
		if ((le - lb) * 10 < longest * 6 || label_line(s, nb, n))
			return (size_t)(p - s);
	}
	return n;
}

/* List markers that open a paragraph: "1.", "2.)", "3)", "a.", "b)", "•", "- ". */
enum { M_NONE, M_NUMDOT, M_NUMDOTPAREN, M_NUMPAREN, M_LETDOT, M_LETPAREN, M_BULLET };

struct marker {
	int kind;
	long val;
	unsigned char bullet[4];
	size_t blen;
};

static size_t
bullet_len(const unsigned char *s, size_t i, size_t n)
{
	if (i + 2 >= n || s[i] < 0xE2)
		return 0;
	if (s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xA2 || s[i + 2] == 0xA3))
		return 3;	/* • ‣ */
	if (s[i] == 0xE2 && s[i + 1] == 0x81 && s[i + 2] == 0x83)
		return 3;	/* ⁃ */
	if (s[i] == 0xE2 && s[i + 1] == 0x96 && s[i + 2] == 0xAA)
		return 3;	/* ▪ */
	if (s[i] == 0xE2 && s[i + 1] == 0x97 && (s[i + 2] == 0xA6 || s[i + 2] == 0x8F))
		return 3;	/* ◦ ● */
	return 0;
}

/* An enumerator token at s[i]: its kind and value, and its end in *e. */
static int
enumerator(const unsigned char *s, size_t i, size_t n, long *val, size_t *e)
{
	size_t j = i;
	long v = 0;
	int kind;

	if (j < n && s[j] >= '0' && s[j] <= '9') {
		while (j < n && j - i < 3 && s[j] >= '0' && s[j] <= '9')
			v = v * 10 + (s[j++] - '0');
		if (j + 1 < n && s[j] == '.' && s[j + 1] == ')')
			kind = M_NUMDOTPAREN, j += 2;
		else if (j < n && s[j] == '.')
			kind = M_NUMDOT, j++;
		else if (j < n && s[j] == ')')
			kind = M_NUMPAREN, j++;
		else
			return M_NONE;
	} else if (j < n && s[j] >= 'a' && s[j] <= 'z') {
		v = s[j++];
		if (j < n && s[j] == '.')
			kind = M_LETDOT, j++;
		else if (j < n && s[j] == ')')
			kind = M_LETPAREN, j++;
		else
			return M_NONE;
	} else {
		return M_NONE;
	}
	if (j < n && !space_at(s, j, n))
		return M_NONE;
	*val = v;
	*e = j;
	return kind;
}

/* The marker at s[i], if any; returns where it ends (i if there is none). */
static size_t
marker_at(const unsigned char *s, size_t i, size_t n, struct marker *m)
{
	size_t e, bl, j;
	long v;
	int kind;

	m->kind = M_NONE;
	if ((bl = bullet_len(s, i, n))) {
		m->kind = M_BULLET;
		memcpy(m->bullet, s + i, bl);
		m->blen = bl;
		j = skip_space(s, i + bl, n);
		if (enumerator(s, j, n, &v, &e))
			return e;
		return i + bl;
	}
	if ((kind = enumerator(s, i, n, &v, &e))) {
		m->kind = kind;
		m->val = v;
		return e;
	}
	/* "A. Smith": no list, but no sentence ends after it either. */
	if (i + 1 < n && s[i] >= 'A' && s[i] <= 'Z' && s[i + 1] == '.' &&
	    (i + 2 >= n || space_at(s, i + 2, n)))
		return i + 2;
	return i;
}

/* The next item of an inline list "1. The first item 2. The second item". */
static size_t
next_item(const unsigned char *s, size_t i, size_t n, const struct marker *m)
{
	size_t e;
	long v;
	int q;

	if (m->kind == M_NONE)
		return n;
	for (;;) {
		i = skip_space(s, token_end(s, i, n), n);
		if (i >= n)
			return n;
		if (m->kind == M_BULLET) {
			if (n - i >= m->blen && memcmp(s + i, m->bullet, m->blen) == 0)
				return i;
		} else if (enumerator(s, i, n, &v, &e) == m->kind && v == m->val + 1 &&
		    char_class(s, skip_openers(s, skip_space(s, e, n), n, &q), n) == C_UPPER) {
			return i;
		}
	}
}

static void
emit(struct span **out, size_t *cap, size_t *cnt, size_t b, size_t e)
{
	if (*cnt == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*out = xrealloc(*out, *cap * sizeof **out);
	}
	(*out)[*cnt].b = b;
	(*out)[*cnt].e = e;
	(*cnt)++;
}

/* The length of the longest line of s[0..n). */
static size_t
longest_line(const unsigned char *s, size_t n)
{
	const unsigned char *p;
	size_t lb, longest = 0;

	for (lb = 0; lb < n; lb = (size_t)(p - s) + 1) {
		if (!(p = memchr(s + lb, '\n', n - lb)))
			p = s + n;
		if ((size_t)(p - s) - lb > longest)
			longest = (size_t)(p - s) - lb;
	}
	return longest;
}

/*
 * The run of terminators at s[i] and the closers after it into c (i, j,
 * k, dots, ells, strong): the index after the closers.
 */
static size_t
term_run(const unsigned char *s, size_t i, size_t n, struct cand *c)
{
	size_t tl, cl;

	c->i = i;
	c->dots = c->ells = c->strong = 0;
	while (i < n && (tl = term_len(s, i, n))) {
		if (s[i] == '.')
			c->dots++;
		else if (tl == 3 && s[i + 2] == 0xA6)
			c->ells++;
		else
			c->strong++;
		i += tl;
	}
	c->j = i;
	while (i < n && (cl = closer_len(s, i, n)))
		i += cl;
	c->k = i;
	return i;
}

/* Bytes that may start a run of terminal punctuation. */
static const unsigned char interesting[256] = {
	['.'] = 1, ['?'] = 1, ['!'] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

size_t
seg_split(const struct seg *g, const char *str, size_t n, struct span **out, size_t *cap)
{
	const unsigned char *s = (const unsigned char *)str;
	struct marker m;
	struct cand c;
	size_t cnt = 0, i, item, end, mark_end, brk = n, longest = 0;

	c.ss = skip_space(s, 0, n);
	if (c.ss >= n)
		return 0;
	mark_end = marker_at(s, c.ss, n, &m);
	item = next_item(s, c.ss, n, &m);
	if (memchr(s, '\n', n)) {
		/* lines of a hard-wrapped paragraph: some breaks end sentences */
		longest = longest_line(s, n);
		brk = next_break(s, c.ss, n, longest);
	}
	for (i = c.ss; i < n;) {
		if (i >= brk && brk < item) {
			end = trim_back(s, c.ss, brk);
			if (end > c.ss)
				emit(out, cap, &cnt, c.ss, end);
			c.ss = skip_space(s, brk, n);
			if (c.ss >= n)
				return cnt;
			if (mark_end < c.ss)
				mark_end = c.ss;
			brk = next_break(s, brk + 1, n, longest);
			i = c.ss;
			continue;
		}
		if (i >= item) {
			/* A new item of an inline list starts a sentence. */
			end = trim_back(s, c.ss, item);
			if (end > c.ss)
				emit(out, cap, &cnt, c.ss, end);
			c.ss = item;
			mark_end = marker_at(s, item, n, &m);
			item = next_item(s, item, n, &m);
			if (brk < c.ss)
				brk = next_break(s, c.ss, n, longest);
			i = c.ss;
			continue;
		}
		if (!interesting[s[i]]) {
			/* s[i] can start no run: look on from the next byte. */
			i = scan_stop(s, i + 1, item < brk ? item : brk);
			continue;
		}
		if (!term_len(s, i, n)) {
			i++;
			continue;
		}
		i = term_run(s, i, n, &c);
		if (c.k < n && !space_at(s, c.k, n)) {
			i = c.j;	/* inside a token: "U.S", "3.5", "Jr.'s" */
			continue;
		}
		if (c.k >= n)
			break;
		if (c.i < mark_end)
			continue;
		c.tb = token_start(s, c.ss, c.i);
		{
			int q;
			c.wb = skip_openers(s, c.tb, c.i, &q);
		}
		if (boundary(g, s, n, &c)) {
			emit(out, cap, &cnt, c.ss, c.k);
			c.ss = skip_space(s, c.k, n);
			if (c.ss >= n)
				return cnt;
			if (brk < c.ss)
				brk = next_break(s, c.ss, n, longest);
		}
	}
	end = trim_back(s, c.ss, n);
	if (end > c.ss)
		emit(out, cap, &cnt, c.ss, end);
	return cnt;
}
