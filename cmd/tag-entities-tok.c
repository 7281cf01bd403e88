/*
 * tag-entities-tok: splits a text into words, each folded and hashed as
 * it is read, with what the gaps between them say: a comma, a
 * parenthesis, a sentence start.
 */
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "tag-entities-priv.h"
#include "util.h"

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
		k = cp_at(s, n, b, &c);
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
		k = cp_at(s, n, b, &c);
		if (c >= 0x80 && islower_cp(c))
			return 0;
	}
	return 1;
}


/* A text as it is read: where, and what the word before left. */
struct tokr {
	const char *s;
	size_t n;
	size_t i;		/* the bytes read */
	uint32_t cp;		/* the code points read */
	int hyph;		/* 2: a hyphen ends this word; 1: it follows one */
	struct toks *tv;
	struct buf *fb;
};

/* A word as it is read. */
struct word {
	size_t j;		/* its end so far, in bytes */
	uint32_t cpj;		/* the same in code points */
	size_t seg;		/* code points since the last apostrophe or dot */
	uint32_t f;		/* TK_* */
	int slow;		/* not only ASCII letters and digits: fold it again */
	char *o;		/* the end of its folded form, in fb */
	uint32_t h;		/* the hash of that form */
};

/*
 * Skips the gap before the next word, and notes what is in it: flags
 * for the word in *f (TK_OPAREN, TK_COMMA) and in *g (TK_SP, TK_INIT,
 * which a hyphen overrides); the word's first character in *cp, *kp
 * bytes long.  0 at the end of the text.
 */
static int
gap(struct tokr *r, uint32_t *f, uint32_t *g, int32_t *cp, size_t *kp)
{
	const char *s = r->s;
	struct toks *tv = r->tv;
	size_t n = r->n, i = r->i, k = 0;
	uint32_t ncp = r->cp;
	int any = 0, blanks = 1, init = tv->n == 0, pend;
	int32_t c = 0;

	*f = 0;
	/* the common gap: one blank between two ASCII words, all said */
	if (s[i] == ' ' && i + 1 < n && asc_class[(unsigned char)s[i + 1]]) {
		r->i = i + 1;
		r->cp = ncp + 1;
		*g = TK_SP | (init ? TK_INIT : 0);
		*cp = (unsigned char)s[i + 1];
		*kp = 1;
		return 1;
	}
	/* a closing parenthesis right after the word before */
	pend = 1;
	for (; i < n; i += k, ncp++) {
		if ((unsigned char)s[i] < 0x80) {
			c = (unsigned char)s[i];
			k = 1;
			if (asc_class[c])
				break;
		} else {
			k = cp_at(s, n, i, &c);
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
		/*
		 * Newcastle 's Alan, as tokenised text writes it: the 's
		 * of the word before, as in Newcastle's
		 */
		if (c == '\'' && tv->n > 0 && blanks && tv->t[tv->n - 1].e + 1 == i &&
		    i + 1 < n && (s[i + 1] == 's' || s[i + 1] == 'S') &&
		    (i + 2 == n || s[i + 2] == ' ') && !(tv->t[tv->n - 1].f & TK_POSS)) {
			tv->t[tv->n - 1].f |= TK_POSS;
			k = 2;
			ncp++;
			any = 0;
			continue;
		}
		blanks = 0;
		if (c == '(')
			*f |= TK_OPAREN;
		if (c == ',')
			*f |= TK_COMMA;
		if (c < 0x80 ? asc_init[c] : (c == 0x201c || c == 0x201d || c == 0x2018 ||
		    c == 0x2014 || c == 0x2013 || c == 0x2022))
			init = 1;
	}
	r->i = i;
	r->cp = ncp;
	*g = (any && blanks ? TK_SP : 0) | (init ? TK_INIT : 0);
	*cp = c;
	*kp = k;
	return i < n;
}

/* A new token at r->i, its folded form to come at the end of fb. */
static struct tok *
tok_new(struct tokr *r)
{
	struct toks *tv = r->tv;
	struct tok *t;

	if (tv->n == tv->cap) {
		tv->cap = tv->cap ? tv->cap * 2 : 64;
		tv->t = xrealloc(tv->t, tv->cap * sizeof *tv->t);
	}
	t = &tv->t[tv->n];
	t->b = (uint32_t)r->i;
	t->cb = r->cp;
	t->lf = 0;
	t->lent = -1;
	t->fo = (uint32_t)r->fb->len;
	return t;
}

/* Starts reading word w at r->i; its first character is c, k bytes. */
static void
word_start(struct tokr *r, struct word *w, int32_t c, size_t k)
{
	struct buf *fb = r->fb;

	/*
	 * An ASCII word is folded and hashed as it is read; one with
	 * anything else in it is folded again once its end is known.  fb
	 * has room for the rest of the text folded so: tokenize() makes
	 * it, and tok_done() again after a word folded the long way.
	 */
	static const uint32_t ac_flag[] = { 0, TK_LOWER, TK_CAP, TK_DIGIT };

	w->o = fb->s + fb->len;
	w->h = HASH_INIT;
	w->slow = 0;
	if (c < 0x80)
		w->f |= ac_flag[asc_class[c]];
	else if (isupper_cp(c))
		w->f |= TK_CAP;
	else if (islower_cp(c))
		w->f |= TK_LOWER;
	w->seg = 0;
	w->j = r->i;
	w->cpj = r->cp;
	if (c >= 0x80) {
		w->seg = 1;
		w->j = r->i + k;
		w->cpj = r->cp + 1;
		w->slow = 1;
	}
}

/*
 * Reads on a run of ASCII letters and digits, the common case, folding
 * and hashing them; four at a time while four are left, so with no
 * bound test for each.
 */
static inline void
ascii_run(const struct tokr *r, struct word *w)
{
	const unsigned char *s = (const unsigned char *)r->s;
	size_t n = r->n, j = w->j, j0 = w->j;
	uint32_t h = w->h;
	unsigned char ac;
	char *o = w->o;

	for (; j + 4 <= n; j += 4, o += 4) {
		if (!(ac = asc_fold[s[j]]))
			goto end;
		o[0] = (char)ac;
		h = hash_byte(h, ac);
		if (!(ac = asc_fold[s[j + 1]])) {
			j += 1, o += 1;
			goto end;
		}
		o[1] = (char)ac;
		h = hash_byte(h, ac);
		if (!(ac = asc_fold[s[j + 2]])) {
			j += 2, o += 2;
			goto end;
		}
		o[2] = (char)ac;
		h = hash_byte(h, ac);
		if (!(ac = asc_fold[s[j + 3]])) {
			j += 3, o += 3;
			goto end;
		}
		o[3] = (char)ac;
		h = hash_byte(h, ac);
	}
	while (j < n && (ac = asc_fold[s[j]])) {
		*o++ = (char)ac;
		h = hash_byte(h, ac);
		j++;
	}
end:
	w->seg += j - j0;
	w->cpj += (uint32_t)(j - j0);
	w->j = j;
	w->o = o;
	w->h = h;
}

enum { W_MORE, W_END, W_CUT };

/*
 * What the character at w->j, not an ASCII letter or digit, does to the
 * word: W_MORE, the word goes on past it; W_END, the word ends before
 * it; W_CUT, the word ends before a possessive 's or a hyphen, which r
 * is now past.
 */
static int
word_mid(struct tokr *r, struct tok *t, struct word *w)
{
	const char *s = r->s;
	size_t n = r->n, j = w->j, k, k2, upper, lower;
	int32_t c, c2, c3;

	if (j >= n)
		return W_END;
	/* any other ASCII byte but ' . - ends the word */
	if ((unsigned char)s[j] < 0x80 && !asc_mid[(unsigned char)s[j]])
		return W_END;
	k = cp_at(s, n, j, &c);
	if (isword(c)) {
		w->seg++;
		w->slow = 1;
		w->j += k;
		w->cpj++;
		return W_MORE;
	}
	if (j + k >= n)
		return W_END;
	k2 = cp_at(s, n, j + k, &c2);
	if (isapos(c) && isword(c2)) {
		c3 = ' ';
		if (j + k + k2 < n)
			cp_at(s, n, j + k + k2, &c3);
		if ((c2 == 's' || c2 == 'S') && !isword(c3)) {
			w->f |= TK_POSS;
			t->e = (uint32_t)j;
			t->ce = w->cpj;
			r->i = j + k + k2;
			r->cp = w->cpj + 2;
			return W_CUT;
		}
		w->j += k;
		w->cpj++;
		w->seg = 0;
		w->slow = 1;
		return W_MORE;
	}
	if (c == '.' && w->seg == 1 && isupper_cp(c2) && j + k + 1 < n &&
	    s[j + k + 1] == '.' && (case_count(s, n, t->b, j, &upper, &lower), upper)) {
		/* U.S.: a dot between single capitals */
		w->j += k;
		w->cpj++;
		w->seg = 0;
		w->slow = 1;
		return W_MORE;
	}
	if (ishyph(c) && isword(c2)) {
		t->e = (uint32_t)j;
		t->ce = w->cpj;
		r->i = j + k;
		r->cp = w->cpj + 1;
		r->hyph = 2;
		return W_CUT;
	}
	return W_END;
}

/* Ends the word at w->j, or after a final dot: U.S., the initial J., Jr. */
static void
word_end(struct tokr *r, struct tok *t, struct word *w)
{
	const char *s = r->s;
	size_t n = r->n, j = w->j, upper, lower;

	if (j < n && s[j] == '.' && w->seg == 1 &&
	    (case_count(s, n, t->b, j, &upper, &lower), lower == 0) &&
	    (upper == 1 || (j > 1 && s[j - 2] == '.'))) {
		if (upper == 1)
			w->f |= TK_INITIAL;
		j++;
		w->cpj++;
	} else if (j < n && s[j] == '.' && j - t->b == 2 &&
	    (memcmp(s + t->b, "Jr", 2) == 0 || memcmp(s + t->b, "Sr", 2) == 0)) {
		j++;
		w->cpj++;
	}
	t->e = (uint32_t)j;
	t->ce = w->cpj;
	r->i = j;
	r->cp = w->cpj;
}

/* Sets the flags of t (g: those of its gap), its folded form and hash. */
static void
tok_done(struct tokr *r, struct tok *t, const struct word *w, uint32_t g)
{
	struct buf *fb = r->fb;
	uint32_t f = w->f;
	size_t upper, lower;

	/* two letters or more, all capitals (not so the common Capital) */
	if (!(f & TK_LOWER) && t->e - t->b >= 2 &&
	    (unsigned char)(r->s[t->b + 1] - 'a') >= 26 &&
	    no_lower(r->s, r->n, t->b, t->e)) {
		case_count(r->s, r->n, t->b, t->e, &upper, &lower);
		if (upper >= 2)
			f |= TK_ALLCAP;
	}
	/* as it was: a word between two hyphens is neither */
	if (r->hyph == 1)
		f |= TK_HYPH;
	else
		f |= g;
	t->f = f;
	r->hyph = r->hyph == 2 ? 1 : 0;
	if (w->slow) {
		t->h = fold_hash(fb, r->s + t->b, t->e - t->b);
		buf_grow(fb, r->n - r->i);
	} else {
		fb->len = (size_t)(w->o - fb->s);
		t->h = w->h ? w->h : 1;
	}
	t->fl = (uint32_t)(fb->len - t->fo);
	r->tv->n++;
}

void
tokenize(const char *s, size_t n, struct toks *tv, struct buf *fb)
{
	struct tokr r = { s, n, 0, 0, 0, tv, fb };
	struct word w;
	struct tok *t;
	uint32_t g;
	int32_t c;
	size_t k;
	int end;

	tv->n = 0;
	if (fb->len + n + 1 > fb->cap)
		buf_grow(fb, n);
	while (r.i < n) {
		if (!gap(&r, &w.f, &g, &c, &k))
			break;
		t = tok_new(&r);
		word_start(&r, &w, c, k);
		do
			ascii_run(&r, &w);
		while ((end = word_mid(&r, t, &w)) == W_MORE);
		if (end == W_END)
			word_end(&r, t, &w);
		tok_done(&r, t, &w, g);
	}
}
