/*
 * extract-dates-scan: a hand-written tokenizer and rule matcher for
 * temporal expressions.  The text is cut into words, numbers and
 * punctuation (byte and code point offsets kept); each word is looked
 * up once in a hash of the data file's words; the rules then try each
 * token in turn and keep the longest match.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "extract-dates-scan.h"
#include "json.h"
#include "util.h"

enum cat {
	C_MONTHS, C_MONTH_AMB, C_WEEKDAYS, C_WEEKDAYS_PL, C_UNITS, C_UNITS_PL,
	C_UNITS_ATT, C_NUMBERS, C_ORDINALS, C_ORDSUF, C_RELATIVE, C_DEICTIC,
	C_DEICTIC_PART, C_DAYPARTS, C_SEASONS, C_MODIFIERS, C_BOUNDARIES,
	C_APPROX, C_FIXED, C_AGO, C_EVERY, C_FREQ, C_MERIDIEM, C_ZONES,
	C_CLOCK, C_ERAS, C_FORWARD, C_BACKWARD, C_SUPER, C_YEAR_BEFORE,
	C_NOT_AFTER, C_NAME_WORDS, C_ARTICLES, C_OF, C_AT, C_ON, C_AND,
	C_HALF, C_TO, C_THIS_PREFIX, C_IN, C_DUR_BEFORE, C_OCLOCK, C_AGE,
	C_BEFORE_AFTER, C_SET_BEFORE, C_REL_POINT, C_HOLIDAYS, C_SHIFT,
	C_WORKDAYS, C_UNITS_CMP, C_ERA_SHIFT, C_SHIFT_CLOCK, C_DETERMINERS, NCAT
};

enum kind { K_INT, K_STR, K_SEQ, K_UNIT, K_MOD, K_MD };

static const struct catdef {
	const char *name;
	int kind, min, max;
} cats[NCAT] = {
	[C_MONTHS] = { "months", K_INT, 1, 12 },
	[C_MONTH_AMB] = { "month_ambiguous", K_SEQ, 0, 0 },
	[C_WEEKDAYS] = { "weekdays", K_INT, 1, 7 },
	[C_WEEKDAYS_PL] = { "weekdays_plural", K_INT, 1, 7 },
	[C_UNITS] = { "units", K_UNIT, 0, 0 },
	[C_UNITS_PL] = { "units_plural", K_UNIT, 0, 0 },
	[C_UNITS_ATT] = { "units_attached_only", K_SEQ, 0, 0 },
	[C_NUMBERS] = { "numbers", K_INT, -1, 1000 },
	[C_ORDINALS] = { "ordinals", K_INT, 1, 31 },
	[C_ORDSUF] = { "ordinal_suffixes", K_SEQ, 0, 0 },
	[C_RELATIVE] = { "relative", K_INT, -1, 1 },
	[C_DEICTIC] = { "deictic", K_INT, -7, 7 },
	[C_DEICTIC_PART] = { "deictic_part", K_STR, 0, 0 },
	[C_DAYPARTS] = { "dayparts", K_STR, 0, 0 },
	[C_SEASONS] = { "seasons", K_STR, 0, 0 },
	[C_MODIFIERS] = { "modifiers", K_MOD, 0, 0 },
	[C_BOUNDARIES] = { "boundaries", K_MOD, 0, 0 },
	[C_APPROX] = { "approx", K_MOD, 0, 0 },
	[C_FIXED] = { "fixed", K_STR, 0, 0 },
	[C_AGO] = { "ago", K_INT, -1, 1 },
	[C_EVERY] = { "every", K_SEQ, 0, 0 },
	[C_FREQ] = { "frequency", K_STR, 0, 0 },
	[C_MERIDIEM] = { "meridiem", K_INT, 0, 12 },
	[C_ZONES] = { "zones", K_SEQ, 0, 0 },
	[C_CLOCK] = { "clock_words", K_INT, 0, 23 },
	[C_ERAS] = { "eras", K_INT, -1, 1 },
	[C_FORWARD] = { "forward", K_SEQ, 0, 0 },
	[C_BACKWARD] = { "backward", K_SEQ, 0, 0 },
	[C_SUPER] = { "superlative", K_SEQ, 0, 0 },
	[C_YEAR_BEFORE] = { "year_before", K_SEQ, 0, 0 },
	[C_NOT_AFTER] = { "not_after_number", K_SEQ, 0, 0 },
	[C_NAME_WORDS] = { "name_words", K_SEQ, 0, 0 },
	[C_ARTICLES] = { "articles", K_SEQ, 0, 0 },
	[C_OF] = { "of_words", K_SEQ, 0, 0 },
	[C_AT] = { "at_words", K_SEQ, 0, 0 },
	[C_ON] = { "on_words", K_SEQ, 0, 0 },
	[C_AND] = { "and_words", K_SEQ, 0, 0 },
	[C_HALF] = { "half_words", K_SEQ, 0, 0 },
	[C_TO] = { "to_words", K_SEQ, 0, 0 },
	[C_THIS_PREFIX] = { "this_prefix", K_SEQ, 0, 0 },
	[C_IN] = { "in_words", K_SEQ, 0, 0 },
	[C_DUR_BEFORE] = { "duration_before", K_SEQ, 0, 0 },
	[C_OCLOCK] = { "oclock", K_SEQ, 0, 0 },
	[C_AGE] = { "age_words", K_SEQ, 0, 0 },
	[C_BEFORE_AFTER] = { "before_after", K_INT, -1, 1 },
	[C_SET_BEFORE] = { "set_before", K_SEQ, 0, 0 },
	[C_REL_POINT] = { "relative_point", K_SEQ, 0, 0 },
	[C_HOLIDAYS] = { "holidays", K_MD, 0, 0 },
	[C_SHIFT] = { "shift", K_INT, -1, 1 },
	[C_WORKDAYS] = { "workdays", K_SEQ, 0, 0 },
	[C_UNITS_CMP] = { "units_in_compound", K_UNIT, 0, 0 },
	[C_ERA_SHIFT] = { "era_offsets", K_INT, -5000, 5000 },
	[C_SHIFT_CLOCK] = { "shift_clock", K_INT, -1, 1 },
	[C_DETERMINERS] = { "determiners", K_SEQ, 0, 0 },
};

/* The categories a data file must have. */
static const int required[] = { C_MONTHS, C_WEEKDAYS, C_UNITS, C_UNITS_PL, C_NUMBERS };

enum unit { U_NONE, U_Y, U_Q, U_M, U_W, U_D, U_H, U_MIN, U_S, U_DE, U_CE, U_WE };
static const char *unitname[] = { "", "Y", "Q", "M", "W", "D", "H", "MIN", "S", "DE", "CE", "WE" };

static const char *mods[] = { "START", "MID", "END", "APPROX", "MORE_THAN",
	"LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS", NULL };

/* What the scan reads of every word comes first, in one cache line. */
struct lexent {
	uint64_t f;
	uint64_t phcats;	/* categories of the phrases this word starts */
	unsigned char anchor;	/* A_WORD, A_PHRASE: see lex_anchors */
	int abbr;		/* a shorter spelling of a month or weekday */
	int nphs;
	unsigned short phs[16];	/* those phrases */
	char *w;		/* wb, or allocated when longer */
	size_t n;
	char wb[16];
	int iv[NCAT];
	const char *sv[NCAT];
};

#define MAXPT 6
#define PHRASE_FIRST (1ULL << 63)
struct phrase {
	int cat, nt;
	char *t[MAXPT];
	unsigned char n[MAXPT];	/* strlen(t[k]) */
	int iv;
	const char *sv;
};

#define HCAP 4096
struct dates_lex {
	struct lexent *h[HCAP];
	uint32_t hfull[HCAP];	/* the full hash of h[i]'s word, | 1; 0: empty */
	struct lexent *punct[128];
	struct lexent *pool;	/* entries are cut from blocks of POOLN, */
	size_t npool;		/* npool of the last one used */
	struct lexent **blocks;
	size_t nblocks;
	struct tok *ktk;	/* add_key's tokens, kept between keys */
	size_t kct;
	struct phrase *ph;
	size_t nph, cph;
	char **strs;
	size_t nstr, cstr;
	uint32_t lenfirst[25];	/* bit c-'a' set: some word of that length starts with c */
	/*
	 * The words of at most 8 ASCII letters again, keyed by their bytes
	 * (see key8): one integer compare finds them.
	 */
	struct slot8 {
		uint64_t k;	/* 0: empty */
		const struct lexent *e;
	} *t8;
	uint32_t m8;		/* the table's size - 1 */
	uint64_t bits8[128];	/* bit (k * C) >> 51 set: some word hashes there */
};

enum { TW, TN, TP };

struct tok {
	uint32_t b0, b1;	/* byte offsets; code points: see cpos() */
	unsigned char kind, sp, cap, nd;
	int ch;
	long num;
	const struct lexent *lx;
	uint64_t lf;		/* lx->f, or 0: read without following lx */
};

struct dates_scan {
	const struct dates_lex *lex;
	int dmy;
	struct tok *tk;
	size_t nt, ct;
	const char *s;
	size_t len;
	const struct dates_ref *ref;
	int joined;		/* a time glued to a date before it: 05/31/2024.14:15 */
	int mdok;		/* a bare 8/10 is a date here: an offset's anchor */
	struct pdmemo *memo;	/* the last compound duration read */
	uint32_t rulesof[64];	/* bit k: rulestart[k] has that bit (see best) */
	struct dates_ref last;	/* the last date found in the text, */
	int lastgrain;		/* to its grain (U_Y, U_M, U_D, U_H; 0: none) */
	unsigned anchors;	/* the A_ bits of the tokens, A_WORD for a number */
	size_t ex;		/* bytes after the first of each character: 0, ASCII */
	size_t cb, cc;		/* cpos(): a byte offset and its code point offset */
	uint32_t phi[16];	/* the first tokens with A_PHRASE, */
	size_t nphi;		/* how many there are (past 16: not all kept) */
};

enum { TY_DATE, TY_TIME, TY_DURATION, TY_SET };
static const char *tyname[] = { "DATE", "TIME", "DURATION", "SET" };

/* A compound duration: up to four number-unit pairs, largest first. */
struct dur {
	int n, x;
	double v[4];
	int u[4];
};

struct pdmemo {
	size_t i, e;		/* where it starts (SIZE_MAX: none), where it ends */
	struct dur d;
};

struct tx {
	size_t t0, t1;
	int type;
	char val[64];
	const char *mod;
	int dayp;		/* val is a day: it can take a time */
	int istime;		/* a clock time without a date */
	int h, mi, s, hs;
	int wdonly;		/* a weekday alone: a numeric date may follow */
	int durpt;		/* a point dd away from the reference (dir): "2 weeks ago" */
	int dir;
	struct dur dd;
};

/* ---------- dates ---------- */

static int okday(int, int, int);

static long
dfc(int y, int m, int d)
{
	return days_from_civil(y, (unsigned)m, (unsigned)d);
}

static void
cfd(long z, int *y, int *m, int *d)
{
	long yy;
	unsigned mm, dd;

	civil_from_days(z, &yy, &mm, &dd);
	*y = (int)yy, *m = (int)mm, *d = (int)dd;
}

static int
wday(long z)	/* ISO: 1 Monday .. 7 Sunday */
{
	return (int)(((z % 7) + 7 + 3) % 7) + 1;
}

static int
mdays(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

static void
isoweek(long z, int *wy, int *wk)
{
	long th = z - wday(z) + 4;
	int y, m, d;

	cfd(th, &y, &m, &d);
	*wy = y;
	*wk = (int)((th - dfc(y, 1, 1)) / 7) + 1;
}

static long
refday(const struct dates_ref *r)
{
	return dfc(r->y, r->m, r->d);
}

/* As snprintf(v, 64, "%04d-%02d-%02d", y, m, d), without printf. */
static void
putymd(char *v, int y, int m, int d)
{
	if (y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99) {
		snprintf(v, 64, "%04d-%02d-%02d", y, m, d);
		return;
	}
	v[0] = (char)('0' + y / 1000);
	v[1] = (char)('0' + y / 100 % 10);
	v[2] = (char)('0' + y / 10 % 10);
	v[3] = (char)('0' + y % 10);
	v[4] = '-';
	v[5] = (char)('0' + m / 10);
	v[6] = (char)('0' + m % 10);
	v[7] = '-';
	v[8] = (char)('0' + d / 10);
	v[9] = (char)('0' + d % 10);
	v[10] = '\0';
}

static void
putday(char *v, long z)
{
	int y, m, d;

	cfd(z, &y, &m, &d);
	putymd(v, y, m, d);
}

static int
digits(const char *s, size_t n, size_t p, int w, int *v)
{
	int k;

	*v = 0;
	for (k = 0; k < w; k++) {
		if (p + k >= n || s[p + k] < '0' || s[p + k] > '9')
			return -1;
		*v = *v * 10 + s[p + k] - '0';
	}
	return 0;
}

int
dates_parse_ref(const char *s, size_t n, struct dates_ref *r)
{
	int y, m, d, h = 0, mi = 0, sec = 0, t = 0;

	memset(r, 0, sizeof *r);
	if (digits(s, n, 0, 4, &y) || n < 10 || s[4] != '-' || digits(s, n, 5, 2, &m) ||
	    s[7] != '-' || digits(s, n, 8, 2, &d))
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > mdays(y, m))
		return -1;
	if (n > 10) {
		if ((s[10] != 'T' && s[10] != ' ') || digits(s, n, 11, 2, &h) ||
		    n < 16 || s[13] != ':' || digits(s, n, 14, 2, &mi) || h > 24 || mi > 59)
			return -1;
		if (n > 16 && s[16] == ':' && (digits(s, n, 17, 2, &sec) || sec > 60))
			return -1;
		t = 1;
	}
	r->have = 1;
	r->y = y, r->m = m, r->d = d;
	r->hastime = t, r->h = h, r->mi = mi, r->s = sec;
	return 0;
}

/* ---------- the word list ---------- */

static uint32_t
hashw(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		h = (h ^ c) * 16777619u;
	}
	return h;
}

static int
eqw(const char *a, size_t n, const char *low)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)a[i];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c != (unsigned char)low[i] || !low[i])
			return 0;
	}
	return low[n] == '\0';
}

static const struct lexent *
lex_findh(const struct dates_lex *lx, const char *s, size_t n, uint32_t h)
{
	const struct lexent *e;
	uint32_t hf = h | 1, x;

	/* the full hashes first, so that a word is read only if it may match */
	h &= HCAP - 1;
	while ((x = lx->hfull[h]) != 0) {
		if (x == hf) {
			e = lx->h[h];
			if (e->n == n && eqw(s, n, e->w))
				return e;
		}
		h = (h + 1) & (HCAP - 1);
	}
	return NULL;
}

#define POOLN 32

static struct lexent *
lex_add(struct dates_lex *lx, const char *s, size_t n)
{
	uint32_t hf = hashw(s, n), h = hf & (HCAP - 1);
	struct lexent *e;
	size_t i, count = 0;

	while ((e = lx->h[h]) != NULL) {
		if (e->n == n && eqw(s, n, e->w))
			return e;
		h = (h + 1) & (HCAP - 1);
		if (++count >= HCAP / 2)
			return NULL;
	}
	if (!lx->pool || lx->npool == POOLN) {
		lx->blocks = xrealloc(lx->blocks, (lx->nblocks + 1) * sizeof *lx->blocks);
		lx->pool = lx->blocks[lx->nblocks++] = xcalloc(POOLN, sizeof *lx->pool);
		lx->npool = 0;
	}
	e = &lx->pool[lx->npool++];
	e->w = n < sizeof e->wb ? e->wb : xmalloc(n + 1);
	for (i = 0; i < n; i++)
		e->w[i] = (s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i];
	e->w[n] = '\0';
	e->n = n;
	lx->h[h] = e;
	lx->hfull[h] = hf | 1;
	if (n <= 24 && e->w[0] >= 'a' && e->w[0] <= 'z')
		lx->lenfirst[n] |= 1u << (e->w[0] - 'a');
	else if (n <= 24)
		lx->lenfirst[n] = ~0u;
	return e;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define LITTLE 1
#else
#define LITTLE 0
#endif

/* The first n bytes of a little-endian word. */
static const uint64_t mask8[9] = { 0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF,
	0xFFFFFFFFFFull, 0xFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFull, ~0ull };

/*
 * A word of 1 to 8 ASCII letters as one integer, in lower case (0 pads
 * it); avail: how many bytes may be read at w.
 */
static uint64_t
key8(const char *w, size_t n, size_t avail)
{
	unsigned char b[8] = { 0 };
	uint64_t k;
	size_t q;

	if (LITTLE && avail >= 8) {
		memcpy(&k, w, sizeof k);
		return (k | 0x2020202020202020ull) & mask8[n];
	}
	for (q = 0; q < n; q++)
		b[q] = (unsigned char)(w[q] | 0x20);
	memcpy(&k, b, sizeof k);
	return k;
}

static uint32_t
hash8(uint64_t k, uint32_t m)
{
	return (uint32_t)((k * 0x9E3779B97F4A7C15ull) >> 40) & m;
}

static uint32_t
bit8(uint64_t k)
{
	return (uint32_t)((k * 0x9E3779B97F4A7C15ull) >> 51);	/* 13 bits */
}

/* Fills the table of short words, once all are in. */
static void
lex_index8(struct dates_lex *lx)
{
	size_t i, j, n = 0, cap = 64;

	for (i = 0; i < HCAP; i++)
		if (lx->h[i])
			n++;
	while (cap < 2 * n)	/* the bitmap in front turns most misses away */
		cap *= 2;
	lx->t8 = xcalloc(cap, sizeof *lx->t8);
	lx->m8 = (uint32_t)(cap - 1);
	for (i = 0; i < HCAP; i++) {
		const struct lexent *e = lx->h[i];
		uint64_t k;
		uint32_t h;

		if (!e || e->n < 1 || e->n > 8)
			continue;
		for (j = 0; j < e->n; j++)
			if (e->w[j] < 'a' || e->w[j] > 'z')
				break;
		if (j < e->n)
			continue;
		k = key8(e->w, e->n, 0);
		for (h = hash8(k, lx->m8); lx->t8[h].k; h = (h + 1) & lx->m8)
			;
		lx->t8[h].k = k;
		lx->t8[h].e = e;
		lx->bits8[bit8(k) >> 6] |= 1ull << (bit8(k) & 63);
	}
}

static inline const struct lexent *
lex_find8(const struct dates_lex *lx, uint64_t k)
{
	uint32_t h, b = bit8(k);
	uint64_t x;

	/* most words are none of the data file's: a 1 KB bitmap says so */
	if (!(lx->bits8[b >> 6] >> (b & 63) & 1))
		return NULL;
	for (h = hash8(k, lx->m8); (x = lx->t8[h].k) != 0; h = (h + 1) & lx->m8)
		if (x == k)
			return lx->t8[h].e;
	return NULL;
}

/*
 * No rule matches in a text without an anchor: a number, a word of one
 * of these categories, or a phrase of the A_PHRASE_CATS.  (Read off the
 * rules: each needs a month, a weekday, a unit, a number and so on.
 * "units" counts only when it is no attached-only abbreviation, which
 * needs a number before it, or a quarter, which "first quarter" takes
 * bare.)  So a text without one is "[]" at once.  A rule that can match
 * without these must add its category here (tests/3003-dates-anchors.t).
 */
#define A_WORD 1u	/* the word is an anchor */
#define A_PHRASE 2u	/* it starts a phrase that may be one */
#define CB(c) (1ULL << (c))
#define A_WORD_CATS (CB(C_MONTHS) | CB(C_WEEKDAYS) | CB(C_WEEKDAYS_PL) | CB(C_DEICTIC) | \
	CB(C_DAYPARTS) | CB(C_SEASONS) | CB(C_FIXED) | CB(C_FREQ) | CB(C_CLOCK) | \
	CB(C_HOLIDAYS) | CB(C_WORKDAYS) | CB(C_HALF))
#define A_PHRASE_CATS (CB(C_FIXED) | CB(C_HOLIDAYS) | CB(C_WORKDAYS))

static void
lex_anchors(struct dates_lex *lx)
{
	size_t i;

	for (i = 0; i < HCAP; i++) {
		struct lexent *e = lx->h[i];

		if (!e)
			continue;
		if ((e->f & A_WORD_CATS) ||
		    ((e->f & (CB(C_UNITS) | CB(C_UNITS_PL))) && (!(e->f & CB(C_UNITS_ATT)) ||
		    ((e->f & CB(C_UNITS)) && e->iv[C_UNITS] == U_Q))))
			e->anchor |= A_WORD;
		if (e->phcats & A_PHRASE_CATS)
			e->anchor |= A_PHRASE;
	}
}

/* Punctuation maps onto one ASCII character. */
static int
uni_punct(unsigned u)
{
	if (u >= 0x2010 && u <= 0x2015)
		return '-';
	if (u == 0x2212)
		return '-';
	if (u == 0x2018 || u == 0x2019 || u == 0x2032 || u == 0x02BC)
		return '\'';
	if (u == 0x201C || u == 0x201D || u == 0xAB || u == 0xBB)
		return '"';
	if (u == 0x2026)
		return '.';
	if (u == 0x2219 || u == 0x2022 || u == 0xB7 || u == 0x22C5)
		return '*';
	if ((u >= 0x2016 && u <= 0x206F) || (u >= 0xA1 && u <= 0xBF) ||
	    u == 0xD7 || u == 0xF7 || (u >= 0x20A0 && u <= 0x20CF) ||
	    (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF00 && u <= 0xFF0F))
		return '?';
	return 0;
}

static int
uni_space(unsigned u)
{
	return u == 0xA0 || (u >= 0x2000 && u <= 0x200B) || u == 0x202F ||
	    u == 0x205F || u == 0x3000 || u == 0xFEFF || u == 0x85 ||
	    u == 0x2028 || u == 0x2029;
}

static unsigned
decode(const unsigned char *s, size_t n, int *k)
{
	unsigned u;
	int len, i;

	if (s[0] < 0x80) {
		*k = 1;
		return s[0];
	}
	len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
	if ((size_t)len > n)
		len = (int)n;
	u = len == 4 ? s[0] & 7 : len == 3 ? s[0] & 15 : len == 2 ? s[0] & 31 : s[0];
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			len = i;
			break;
		}
		u = (u << 6) | (s[i] & 63);
	}
	*k = len;
	return u;
}

/* Byte classes for the tokenizer: 1 an ASCII letter, 2 a digit, 3 blank or control. */
static const unsigned char bclass[256] = {
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
	3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 3,
};

/* The end of the run of ASCII letters at u[j..n). */
static size_t
letters(const unsigned char *u, size_t j, size_t n)
{
	/* eight bytes at a time: a byte's top bit says it is no letter */
	while (LITTLE && j + 8 <= n) {
		uint64_t w, x, bad;

		memcpy(&w, u + j, sizeof w);
		x = w | 0x2020202020202020ull;
		bad = (w | ~(x + 0x1F1F1F1F1F1F1F1Full) | (x + 0x0505050505050505ull)) &
		    0x8080808080808080ull;
		/* the first one in memory: the bytes after it may carry in, not before */
		if (bad)
			return j + (size_t)(__builtin_ctzll(bad) >> 3);
		j += 8;
	}
	while (j < n && bclass[u[j]] == 1)
		j++;
	return j;
}

/*
 * Cuts s into tokens; words are looked up when lex is given.  ASCII
 * goes through a table; only other bytes are decoded.
 */
/* A word's entry: s[0..len) is a word of the text, avail bytes may be read. */
static const struct lexent *
lookup(const struct dates_lex *lex, const char *s, size_t len, size_t avail, int wide)
{
	unsigned c = (unsigned char)s[0];

	/* one probe of the short words' table: cheaper than a test before it */
	if (len <= 8 && !wide)
		return lex_find8(lex, key8(s, len, avail));
	/* lenfirst: c is an ASCII letter or a byte >= 0x80 */
	if (len > 24 || (c < 0x80 && !(lex->lenfirst[len] >> ((c | 0x20) - 'a') & 1)))
		return NULL;
	return lex_findh(lex, s, len, hashw(s, len));
}

/*
 * Cuts s into tokens; words are looked up when lex is given.  ASCII
 * goes through a table; only other bytes are decoded.  A code point
 * offset is the byte offset less the bytes after the first of each
 * character so far (ex).
 */
static void
tokenize(struct dates_scan *sc, const struct dates_lex *lex, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, nt = 0, ct = sc->ct, ex = 0;
	struct tok *tk = sc->tk;	/* in locals: the byte stores below may alias *sc */
	unsigned anchors = 0;
	size_t nphi = 0;
	int sp = 1;

	while (i < n) {
		struct tok *t;
		unsigned c = u[i], cu, cl = bclass[c];
		int k = 1, pc = 0;

		if (cl == 3) {	/* white space and control characters */
			sp = 1, i++;
			continue;
		}
		if (__builtin_expect(c >= 0x80, 0)) {
			cu = decode(u + i, n - i, &k);
			if (uni_space(cu)) {
				sp = 1, i += (size_t)k, ex += (size_t)k - 1;
				continue;
			}
			pc = uni_punct(cu);
		} else if (cl == 0)
			pc = (int)c;
		if (__builtin_expect(nt == ct, 0)) {
			ct = ct ? ct * 2 : 256;
			tk = xrealloc(tk, ct * sizeof *tk);
		}
		t = &tk[nt++];
		t->b0 = (uint32_t)i;
		t->sp = (unsigned char)sp;
		t->cap = 0;
		t->nd = 0;
		t->num = 0;
		t->ch = 0;
		sp = 0;
		if (pc) {
			t->kind = TP;
			t->ch = pc;
			i += (size_t)k;
			ex += (size_t)k - 1;
			t->lx = lex && pc < 128 ? lex->punct[pc] : NULL;
		} else if (cl == 2) {
			long num = 0;
			size_t j = i;

			t->kind = TN;
			anchors |= A_WORD;
			while (j < n && bclass[u[j]] == 2) {
				if (num < 100000000)
					num = num * 10 + (u[j] - '0');
				j++;
			}
			t->num = num;
			t->nd = (unsigned char)(j - i < 255 ? j - i : 255);
			t->lx = NULL;
			i = j;
		} else {
			/* a word: ASCII letters and any other character that is not space or punctuation */
			size_t j = i, len;
			int wide = 0;

			t->kind = TW;
			if (LITTLE && c < 0x80 && i + 8 <= n) {
				/* letters() and key8() at once: a word of at most 7 ASCII letters */
				uint64_t w, x, bad;

				memcpy(&w, u + i, sizeof w);
				x = w | 0x2020202020202020ull;
				bad = (w | ~(x + 0x1F1F1F1F1F1F1F1Full) | (x + 0x0505050505050505ull)) &
				    0x8080808080808080ull;
				len = (size_t)(__builtin_ctzll(bad | 1ull << 63) >> 3);
				if (bad && u[i + len] < 0x80) {
					t->lx = lex ? lex_find8(lex, x & mask8[len]) : NULL;
					if (c <= 'Z')
						t->cap = len > 1 && !(w & 0x2020202020202020ull & mask8[len]) ? 2 : 1;
					i += len;
					goto end;
				}
			}
			for (;;) {
				j = letters(u, j, n);
				if (__builtin_expect(j >= n || u[j] < 0x80, 1))
					break;
				cu = decode(u + j, n - j, &k);
				if (uni_space(cu) || uni_punct(cu))
					break;
				wide = 1;
				j += (size_t)k;
				ex += (size_t)k - 1;
			}
			len = j - i;
			t->lx = lex ? lookup(lex, s + i, len, n - i, wide) : NULL;
			/* capitalized; all capitals (ASCII only, more than one letter) */
			if (c <= 'Z') {
				size_t q;

				t->cap = 1;
				if (!wide && len > 1) {
					for (q = i + 1; q < j && u[q] <= 'Z'; q++)
						;
					if (q == j)
						t->cap = 2;
				}
			}
			i = j;
		}
end:
		t->b1 = (uint32_t)i;
		if (t->lx) {
			t->lf = t->lx->f;
			anchors |= t->lx->anchor;
			if (__builtin_expect(t->lx->anchor & A_PHRASE, 0)) {
				if (nphi < sizeof sc->phi / sizeof sc->phi[0])
					sc->phi[nphi] = (uint32_t)(nt - 1);
				nphi++;
			}
		} else
			t->lf = 0;
		if (i < n && u[i] == ' ')	/* the usual space after a token */
			sp = 1, i++;
	}
	sc->nphi = nphi;
	sc->ex = ex;
	sc->tk = tk;
	sc->ct = ct;
	sc->nt = nt;
	sc->anchors = anchors;
}

static char *
keep(struct dates_lex *lx, const char *s)
{
	if (lx->nstr == lx->cstr) {
		lx->cstr = lx->cstr ? lx->cstr * 2 : 64;
		lx->strs = xrealloc(lx->strs, lx->cstr * sizeof *lx->strs);
	}
	return lx->strs[lx->nstr++] = xstrdup(s);
}

static void
add_key(struct dates_lex *lx, struct conf *c, yaml_node_t *kn, int cat, int iv, const char *sv)
{
	struct dates_scan tmp = { 0 };
	const char *key = conf_str(kn);
	struct lexent *e;
	size_t i;

	if (!key || !*key)
		conf_fail(c, kn, "%s: empty word", cats[cat].name);
	tmp.tk = lx->ktk;
	tmp.ct = lx->kct;
	tokenize(&tmp, NULL, key, strlen(key));
	lx->ktk = tmp.tk;
	lx->kct = tmp.ct;
	if (tmp.nt == 0 || tmp.nt > MAXPT)
		conf_fail(c, kn, "%s: bad word \"%s\"", cats[cat].name, key);
	if (tmp.nt == 1) {
		struct tok *t = &tmp.tk[0];
		if (t->kind == TN)
			conf_fail(c, kn, "%s: a number is not a word: \"%s\"", cats[cat].name, key);
		if (t->kind == TP) {
			char one[2] = { (char)t->ch, 0 };
			if (t->ch >= 128 || t->ch == '?')
				conf_fail(c, kn, "%s: bad word \"%s\"", cats[cat].name, key);
			e = lex_add(lx, one, 1);
			lx->punct[t->ch] = e;
		} else
			e = lex_add(lx, key + t->b0, t->b1 - t->b0);
		if (!e)
			conf_fail(c, kn, "too many words");
		e->f |= 1ULL << cat;
		e->iv[cat] = iv;
		e->sv[cat] = sv;
	} else {
		struct phrase *p;

		if (lx->nph == lx->cph) {
			lx->cph = lx->cph ? lx->cph * 2 : 32;
			lx->ph = xrealloc(lx->ph, lx->cph * sizeof *lx->ph);
		}
		p = &lx->ph[lx->nph++];
		memset(p, 0, sizeof *p);
		if (tmp.tk[0].kind == TW) {
			e = lex_add(lx, key + tmp.tk[0].b0, tmp.tk[0].b1 - tmp.tk[0].b0);
			if (!e)
				conf_fail(c, kn, "too many words");
		} else if (tmp.tk[0].kind == TP && tmp.tk[0].ch < 128 && tmp.tk[0].ch != '?') {
			char one[2] = { (char)tmp.tk[0].ch, 0 };
			if (!(e = lex_add(lx, one, 1)))
				conf_fail(c, kn, "too many words");
			lx->punct[tmp.tk[0].ch] = e;
		} else
			conf_fail(c, kn, "%s: bad word \"%s\"", cats[cat].name, key);
		if (e->nphs == (int)(sizeof e->phs / sizeof e->phs[0]) || lx->nph > 65535)
			conf_fail(c, kn, "%s: too many phrases start with \"%s\"", cats[cat].name, e->w);
		e->f |= PHRASE_FIRST;
		e->phcats |= 1ULL << cat;
		e->phs[e->nphs++] = (unsigned short)(lx->nph - 1);
		p->cat = cat;
		p->nt = (int)tmp.nt;
		p->iv = iv;
		p->sv = sv;
		for (i = 0; i < tmp.nt; i++) {
			struct tok *t = &tmp.tk[i];
			char w[64];
			size_t k, n = t->b1 - t->b0;

			if (t->kind == TP)
				w[0] = (char)t->ch, n = 1;
			else {
				if (n >= sizeof w)
					conf_fail(c, kn, "%s: word too long", cats[cat].name);
				for (k = 0; k < n; k++) {
					char ch = key[t->b0 + k];
					w[k] = (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
				}
			}
			w[n] = '\0';
			p->t[i] = keep(lx, w);
			p->n[i] = (unsigned char)n;
		}
	}
}

static int
intval(struct conf *c, yaml_node_t *vn, int cat)
{
	const char *v = conf_str(vn), *e;
	long long x;

	if (!v)
		conf_fail(c, vn, "%s: expected a number", cats[cat].name);
	x = strtonum(v, cats[cat].min, cats[cat].max, &e);
	if (e)
		conf_fail(c, vn, "%s: %s is %s (%d to %d)", cats[cat].name, v, e,
		    cats[cat].min, cats[cat].max);
	return (int)x;
}

struct dates_lex *
dates_lex_load(struct conf *c)
{
	struct dates_lex *lx = xcalloc(1, sizeof *lx);
	yaml_node_t *root = conf_want(c, conf_root(c), YAML_MAPPING_NODE, "the data file");
	yaml_node_pair_t *pair;
	int seen[NCAT] = { 0 };
	size_t i, j;

	CONF_MAP_EACH(root, pair) {
		yaml_node_t *kn = conf_node(c, pair->key), *vn = conf_node(c, pair->value);
		const char *k = conf_str(kn);
		int cat;

		for (cat = 0; cat < NCAT; cat++)
			if (k && strcmp(k, cats[cat].name) == 0)
				break;
		if (cat == NCAT)
			conf_fail(c, kn, "unknown key \"%s\"", k ? k : "");
		seen[cat] = 1;
		if (cats[cat].kind == K_SEQ) {
			yaml_node_item_t *it;
			yaml_node_t *item;

			conf_want(c, vn, YAML_SEQUENCE_NODE, cats[cat].name);
			CONF_SEQ_EACH(c, vn, item, it)
				add_key(lx, c, item, cat, 1, NULL);
		} else {
			yaml_node_pair_t *p;

			conf_want(c, vn, YAML_MAPPING_NODE, cats[cat].name);
			CONF_MAP_EACH(vn, p) {
				yaml_node_t *wk = conf_node(c, p->key), *wv = conf_node(c, p->value);
				const char *sv = NULL;
				int iv = 0;

				switch (cats[cat].kind) {
				case K_INT:
					iv = intval(c, wv, cat);
					break;
				case K_UNIT:
					sv = conf_str(wv);
					for (iv = 1; iv <= U_WE; iv++)
						if (sv && strcmp(sv, unitname[iv]) == 0)
							break;
					if (iv > U_WE)
						conf_fail(c, wv, "%s: unknown unit \"%s\"", cats[cat].name, sv ? sv : "");
					sv = NULL;
					break;
				case K_MD: {
					int mo, d;
					char x;
					sv = conf_str(wv);
					if (!sv || sscanf(sv, "%2d-%2d%c", &mo, &d, &x) != 2 || !okday(2000, mo, d))
						conf_fail(c, wv, "%s: expected MM-DD", cats[cat].name);
					iv = mo * 100 + d;
					sv = NULL;
					break;
				}
				case K_MOD:
					sv = conf_str(wv);
					for (j = 0; mods[j]; j++)
						if (sv && strcmp(sv, mods[j]) == 0)
							break;
					if (!mods[j])
						conf_fail(c, wv, "%s: unknown mod \"%s\"", cats[cat].name, sv ? sv : "");
					sv = mods[j];
					break;
				default:
					sv = conf_str(wv);
					if (!sv || !*sv || strlen(sv) > 24)
						conf_fail(c, wv, "%s: expected a short string", cats[cat].name);
					sv = keep(lx, sv);
				}
				add_key(lx, c, wk, cat, iv, sv);
			}
		}
	}
	for (i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!seen[required[i]])
			conf_fail(c, root, "missing \"%s\"", cats[required[i]].name);
	/* A month or weekday spelling shorter than another of the same value is an abbreviation. */
	{
		struct lexent *mw[256];
		size_t n = 0;

		for (i = 0; i < HCAP; i++)
			if (lx->h[i] && (lx->h[i]->f & (1ULL << C_MONTHS | 1ULL << C_WEEKDAYS)) &&
			    n < sizeof mw / sizeof mw[0])
				mw[n++] = lx->h[i];
		for (i = 0; i < n; i++)
			for (j = 0; j < n; j++) {
				struct lexent *e = mw[i], *o = mw[j];
				if (o->n <= e->n)
					continue;
				if (((e->f & o->f) >> C_MONTHS & 1) && e->iv[C_MONTHS] == o->iv[C_MONTHS])
					e->abbr = 1;
				if (((e->f & o->f) >> C_WEEKDAYS & 1) && e->iv[C_WEEKDAYS] == o->iv[C_WEEKDAYS])
					e->abbr = 1;
			}
	}
	lex_index8(lx);
	lex_anchors(lx);
	return lx;
}

void
dates_lex_free(struct dates_lex *lx)
{
	size_t i;

	if (!lx)
		return;
	for (i = 0; i < HCAP; i++)
		if (lx->h[i] && lx->h[i]->w != lx->h[i]->wb)
			free(lx->h[i]->w);
	for (i = 0; i < lx->nblocks; i++)
		free(lx->blocks[i]);
	free(lx->blocks);
	free(lx->ktk);
	for (i = 0; i < lx->nstr; i++)
		free(lx->strs[i]);
	free(lx->strs);
	free(lx->ph);
	free(lx->t8);
	free(lx);
}

static void rules_index(uint32_t *);

struct dates_scan *
dates_scan_new(const struct dates_lex *lx, int dmy)
{
	struct dates_scan *sc = xcalloc(1, sizeof *sc);

	sc->lex = lx;
	sc->dmy = dmy;
	sc->memo = xcalloc(1, sizeof *sc->memo);
	sc->memo->i = SIZE_MAX;
	rules_index(sc->rulesof);
	return sc;
}

void
dates_scan_free(struct dates_scan *sc)
{
	if (!sc)
		return;
	free(sc->tk);
	free(sc->memo);
	free(sc);
}

/* ---------- token tests ---------- */

#define TK(i) (&sc->tk[i])

static int
has(const struct dates_scan *sc, size_t i, int cat)
{
	return i < sc->nt && (sc->tk[i].lf >> cat & 1);
}

static int
ivl(const struct dates_scan *sc, size_t i, int cat)
{
	return sc->tk[i].lx->iv[cat];
}

static const char *
svl(const struct dates_scan *sc, size_t i, int cat)
{
	return sc->tk[i].lx->sv[cat];
}

static int
ispc(const struct dates_scan *sc, size_t i, int ch)
{
	return i < sc->nt && sc->tk[i].kind == TP && sc->tk[i].ch == ch;
}

static int
isnum(const struct dates_scan *sc, size_t i)
{
	return i < sc->nt && sc->tk[i].kind == TN;
}

static int
att(const struct dates_scan *sc, size_t i)
{
	return i < sc->nt && !sc->tk[i].sp;
}

static int
isword(const struct dates_scan *sc, size_t i)
{
	return i < sc->nt && sc->tk[i].kind == TW;
}

static int
tokeq(const struct dates_scan *sc, size_t i, const char *w)
{
	const struct tok *t;

	if (i >= sc->nt)
		return 0;
	t = &sc->tk[i];
	if (t->kind == TP)
		return w[0] == t->ch && w[1] == '\0';
	return eqw(sc->s + t->b0, t->b1 - t->b0, w);
}

/* The longest word or phrase of a category at i: its length in tokens, or 0. */
static size_t
phr(const struct dates_scan *sc, int cat, size_t i, int *iv, const char **sv)
{
	const struct dates_lex *lx = sc->lex;
	const struct lexent *e;
	size_t best = 0, k;
	int q;

	if (i >= sc->nt || !(e = sc->tk[i].lx))
		return 0;
	if (has(sc, i, cat)) {
		best = 1;
		if (iv)
			*iv = ivl(sc, i, cat);
		if (sv)
			*sv = svl(sc, i, cat);
	}
	if (!(e->phcats >> cat & 1))
		return best;
	for (q = 0; q < e->nphs; q++) {
		const struct phrase *ph = &lx->ph[e->phs[q]];
		if (ph->cat != cat || (size_t)ph->nt <= best || i + ph->nt > sc->nt)
			continue;
		/* the first word is e's: token i is that word */
		for (k = 1; k < (size_t)ph->nt; k++) {
			/* tokeq(), the length first */
			const struct tok *t = &sc->tk[i + k];
			if (t->kind == TP ? ph->t[k][0] != t->ch || ph->t[k][1] != '\0' :
			    t->b1 - t->b0 != ph->n[k] || !eqw(sc->s + t->b0, ph->n[k], ph->t[k]))
				break;
		}
		if (k == (size_t)ph->nt) {
			best = k;
			if (iv)
				*iv = ph->iv;
			if (sv)
				*sv = ph->sv;
		}
	}
	return best;
}

static int
sentstart(const struct dates_scan *sc, size_t i)
{
	const struct tok *t;

	if (i == 0)
		return 1;
	t = &sc->tk[i - 1];
	return t->kind == TP && strchr(".!?:\"'(-*;", t->ch) != NULL;
}

/* Does the sentence before i point to the future? */
static int
forward(const struct dates_scan *sc, size_t i)
{
	size_t k, lo = i > 10 ? i - 10 : 0;

	for (k = i; k-- > lo;) {
		const struct tok *t = &sc->tk[k];
		if (t->kind == TP && strchr(".;!?", t->ch))
			return 0;
		if (phr(sc, C_FORWARD, k, NULL, NULL))
			return 1;
		if (has(sc, k, C_BACKWARD))
			return 0;
	}
	return 0;
}

/* Is the number at i part of a bigger one (1,000 or 3.5 or 555-2025)? */
static int
inbig(const struct dates_scan *sc, size_t i)
{
	if (i >= 2 && att(sc, i) && sc->tk[i - 1].kind == TP &&
	    strchr(",.:-/", sc->tk[i - 1].ch) && att(sc, i - 1) && isnum(sc, i - 2))
		return 1;
	if (i + 2 < sc->nt && att(sc, i + 1) && sc->tk[i + 1].kind == TP &&
	    strchr(",.:-/", sc->tk[i + 1].ch) && att(sc, i + 2) && isnum(sc, i + 2))
		return 1;
	return 0;
}

static int
money(const struct dates_scan *sc, size_t i)
{
	const struct tok *t;

	if (i == 0)
		return 0;
	t = &sc->tk[i - 1];
	if (t->kind != TP)
		return 0;
	if (t->ch == '$' || t->ch == '#')
		return 1;
	if (t->ch == '?' && att(sc, i)) {	/* £ € ¥ and the like */
		const unsigned char *u = (const unsigned char *)sc->s + t->b0;
		return u[0] == 0xC2 || (u[0] == 0xE2 && u[1] == 0x82);
	}
	return 0;
}

/* Is token i the end of a clause: the end of the text or a stop? */
static int
clauseend(const struct dates_scan *sc, size_t i)
{
	return i >= sc->nt || (TK(i)->kind == TP && strchr(",.;:!?)\"", TK(i)->ch));
}

/* ---------- numbers ---------- */

/* A count: digits or words.  *x is set when it is "a few" and the like. */
static size_t
pnum(const struct dates_scan *sc, size_t i, double *v, int *x)
{
	int n;

	*x = 0;
	if (i >= sc->nt)
		return 0;
	if (isnum(sc, i)) {
		if (money(sc, i))
			return 0;
		/* glued to a word or a code: "e3%8d", "A380" */
		if (i > 0 && att(sc, i) && (isword(sc, i - 1) || ispc(sc, i - 1, '%') ||
		    ispc(sc, i - 1, '/') || ispc(sc, i - 1, '_')) &&
		    !(i >= 2 && isnum(sc, i - 2) && att(sc, i - 1) &&
		    (has(sc, i - 1, C_UNITS) || has(sc, i - 1, C_UNITS_PL))))
			return 0;	/* but "2hr5min" is a compound */
		if (TK(i)->nd > 6 || inbig(sc, i)) {
			if (ispc(sc, i + 1, '.') && att(sc, i + 1) && isnum(sc, i + 2) &&
			    att(sc, i + 2) && TK(i)->nd <= 6 && TK(i + 2)->nd == 1 &&
			    !(i >= 2 && att(sc, i) && isnum(sc, i - 2) && TK(i - 1)->kind == TP) &&
			    !(att(sc, i + 3) && TK(i + 3)->kind == TP && isnum(sc, i + 4))) {
				*v = TK(i)->num + TK(i + 2)->num / 10.0;
				return i + 3;
			}
			return 0;
		}
		*v = (double)TK(i)->num;
		return i + 1;
	}
	if (!has(sc, i, C_NUMBERS))
		return 0;
	n = ivl(sc, i, C_NUMBERS);
	if (n == 1 && i + 1 < sc->nt && has(sc, i + 1, C_NUMBERS) &&
	    !isnum(sc, i + 1)) {	/* "a few", "a couple of", "a dozen" */
		int m = ivl(sc, i + 1, C_NUMBERS);
		if (m < 0 || m == 2 || m == 12 || m == 100) {
			i++;
			n = m;
		}
	}
	if (n >= 20 && n <= 90 && n % 10 == 0) {
		size_t j = i + 1;
		if (ispc(sc, j, '-') && att(sc, j))
			j++;
		if (has(sc, j, C_NUMBERS) && ivl(sc, j, C_NUMBERS) > 0 &&
		    ivl(sc, j, C_NUMBERS) < 10 && !tokeq(sc, j, "a") && !tokeq(sc, j, "an")) {
			n += ivl(sc, j, C_NUMBERS);
			i = j;
		}
	}
	if (n < 0)
		*x = 1;
	*v = n;
	i++;
	if ((n < 0 || n == 2 || n == 12 || n == 100) && has(sc, i, C_OF) &&
	    (tokeq(sc, i - 1, "couple") || tokeq(sc, i - 1, "dozens") ||
	    tokeq(sc, i - 1, "hundreds")))
		i++;
	return i;
}

/*
 * A unit after a number (j is where it should be): its code and end.
 * afternum 2: inside a compound duration ("1d 21 h 25m"), where a
 * short unit may stand apart and "m" is minutes.
 */
static size_t
punit(const struct dates_scan *sc, size_t j, int afternum, int *u, int *plural)
{
	if (j >= sc->nt)
		return 0;
	if (afternum == 2 && has(sc, j, C_UNITS_CMP) && att(sc, j) && !TK(j)->cap) {
		*u = ivl(sc, j, C_UNITS_CMP);
		*plural = 0;
		return j + 1;
	}
	if (has(sc, j, C_UNITS_ATT) && (!(afternum && (att(sc, j) || afternum == 2)) ||
	    TK(j)->cap))
		return 0;	/* "5d" is five days, "3D" is not */
	if (has(sc, j, C_UNITS)) {
		*u = ivl(sc, j, C_UNITS);
		*plural = 0;
		return j + 1;
	}
	if (has(sc, j, C_UNITS_PL)) {
		*u = ivl(sc, j, C_UNITS_PL);
		*plural = 1;
		return j + 1;
	}
	return 0;
}

static void
fmtnum(char *b, size_t n, double v, int x)
{
	if (x)
		snprintf(b, n, "X");
	else if (v == (long)v)
		snprintf(b, n, "%ld", (long)v);
	else
		snprintf(b, n, "%.1f", v);
}

static void
durval(char *val, double v, int x, int u)
{
	char nb[32];

	if (u == U_Q && !x)
		v *= 3, u = U_M;
	else if (u == U_Q)
		u = U_M;
	fmtnum(nb, sizeof nb, v, x);
	switch (u) {
	case U_H: snprintf(val, 64, "PT%sH", nb); break;
	case U_MIN: snprintf(val, 64, "PT%sM", nb); break;
	case U_S: snprintf(val, 64, "PT%sS", nb); break;
	default: snprintf(val, 64, "P%s%s", nb, unitname[u]);
	}
}

/*
 * number [-] unit [and a half]: a duration.  Returns its end, 0 if none.
 */
static size_t
pdur(const struct dates_scan *sc, size_t i, double *v, int *x, int *u, int cmp)
{
	size_t j, k;
	int pl;

	if (has(sc, i, C_HALF)) {	/* half an hour */
		j = i + 1;
		if (tokeq(sc, j, "a") || tokeq(sc, j, "an"))
			j++;
		if ((k = punit(sc, j, 0, u, &pl)) && !pl) {
			*v = 0.5, *x = 0;
			if (*u == U_H)
				*v = 30, *u = U_MIN;
			else if (*u == U_MIN)
				*v = 30, *u = U_S;
			else if (*u == U_Y)
				*v = 6, *u = U_M;
			else if (*u == U_D)
				*v = 12, *u = U_H;
			return k;
		}
		return 0;
	}
	if (!(j = pnum(sc, i, v, x)))
		return 0;
	if (ispc(sc, j, '-') && att(sc, j) && att(sc, j + 1))
		j++;
	if (!(k = punit(sc, j, isnum(sc, j - 1) ? 1 + (cmp && isnum(sc, i)) : 0, u, &pl)))
		return 0;
	if (*u == U_WE)
		return 0;
	/* "three and a half years", "an hour and a half" */
	if (has(sc, k, C_AND) && (tokeq(sc, k + 1, "a") || tokeq(sc, k + 1, "an")) &&
	    has(sc, k + 2, C_HALF) && !*x) {
		*v += 0.5;
		k += 3;
	}
	return k;
}


static int
unitrank(int u)
{
	static const int r[] = { 0, 9, 7, 6, 5, 4, 3, 2, 1, 10, 11, 0 };
	return r[u];
}

/* "1 day 21 hours", "5 minutes, and 30 seconds": a compound duration. */
static size_t pdurs1(const struct dates_scan *, size_t, struct dur *);

/* The rules ask for the duration at a token several times: the last answer is kept. */
static size_t
pdurs(const struct dates_scan *sc, size_t i, struct dur *d)
{
	struct pdmemo *pm = sc->memo;

	if (pm->i != i) {
		pm->i = i;
		pm->e = pdurs1(sc, i, &pm->d);
	}
	if (pm->e)
		*d = pm->d;
	return pm->e;
}

static size_t
pdurs1(const struct dates_scan *sc, size_t i, struct dur *d)
{
	size_t e, k, j;
	double v;
	int x, u;

	if (!(e = pdur(sc, i, &v, &x, &u, 0))) {
		/* "3m 49s": a compound-only unit first, when more follows */
		double v2;
		int x2, u2;
		if (!isnum(sc, i) || !has(sc, i + 1, C_UNITS_CMP) ||
		    !(e = pdur(sc, i, &v, &x, &u, 1)) || x || !isnum(sc, e) ||
		    !pdur(sc, e, &v2, &x2, &u2, 1) || x2 || unitrank(u2) >= unitrank(u))
			return 0;
	}
	d->n = 1, d->x = x, d->v[0] = v, d->u[0] = u;
	while (d->n < 4 && !x) {
		j = e;
		if (ispc(sc, j, ','))
			j++;
		if (has(sc, j, C_AND))
			j++;
		if (!isnum(sc, j) && !(has(sc, j, C_NUMBERS) && ivl(sc, j, C_NUMBERS) > 1))
			break;
		if (!(k = pdur(sc, j, &v, &x, &u, 1)) || x ||
		    unitrank(u) >= unitrank(d->u[d->n - 1]))
			break;
		d->v[d->n] = v, d->u[d->n] = u;
		d->n++;
		e = k;
	}
	return e;
}

static void
durvals(char *val, const struct dur *d)
{
	char nb[32];
	int k, t = 0;
	size_t n;

	if (d->n == 1) {
		durval(val, d->v[0], d->x, d->u[0]);
		return;
	}
	snprintf(val, 64, "P");
	for (k = 0; k < d->n; k++) {
		int u = d->u[k];
		double v = d->v[k];
		const char *us;
		if (u == U_Q)
			u = U_M, v *= 3;
		if ((u == U_H || u == U_MIN || u == U_S) && !t) {
			n = strlen(val);
			snprintf(val + n, 64 - n, "T");
			t = 1;
		}
		us = u == U_MIN ? "M" : unitname[u];
		fmtnum(nb, sizeof nb, v, 0);
		n = strlen(val);
		snprintf(val + n, 64 - n, "%s%s", nb, us);
	}
}

/* r moved by a compound duration, to the grain of unit fine. */
static void
shiftr(const struct dates_ref *r, char *v, int dir, const struct dur *d, int fine)
{
	long z, sec, months = 0, days = 0, secs = 0;
	int y, mo, dd, k, wy, wk;

	if (!r->have) {
		snprintf(v, 64, fine == U_Y || fine == U_DE || fine == U_CE ? "XXXX" :
		    fine == U_M || fine == U_Q ? "XXXX-XX" : fine == U_W ? "XXXX-WXX" : "XXXX-XX-XX");
		return;
	}
	for (k = 0; k < d->n; k++) {
		double n = d->v[k] * dir;
		switch (d->u[k]) {
		case U_Y: months += (long)(n * 12); break;
		case U_DE: months += (long)(n * 120); break;
		case U_CE: months += (long)(n * 1200); break;
		case U_Q: months += (long)(n * 3); break;
		case U_M: months += (long)n; break;
		case U_W: days += (long)(n * 7); break;
		case U_D: days += (long)n; break;
		case U_H: secs += (long)(n * 3600); break;
		case U_MIN: secs += (long)(n * 60); break;
		case U_S: secs += (long)n; break;
		}
	}
	mo = r->m - 1 + (int)months;
	y = r->y + (mo >= 0 ? mo / 12 : -((11 - mo) / 12));
	mo = ((mo % 12) + 12) % 12 + 1;
	dd = r->d > mdays(y, mo) ? mdays(y, mo) : r->d;
	z = dfc(y, mo, dd) + days;
	sec = (r->hastime ? (r->h * 60L + r->mi) * 60 + r->s : 0) + secs;
	z += sec >= 0 ? sec / 86400 : -((86399 - sec) / 86400);
	sec = ((sec % 86400) + 86400) % 86400;
	switch (fine) {
	case U_Y: case U_DE: case U_CE:
		cfd(z, &y, &mo, &dd);
		snprintf(v, 64, "%04d", y);
		break;
	case U_M: case U_Q:
		cfd(z, &y, &mo, &dd);
		snprintf(v, 64, "%04d-%02d", y, mo);
		break;
	case U_W:
		isoweek(z, &wy, &wk);
		snprintf(v, 64, "%04d-W%02d", wy, wk);
		break;
	case U_D:
		putday(v, z);
		break;
	default:
		putday(v, z);
		if (r->hastime)
			snprintf(v + 10, 54, "T%02d:%02d", (int)(sec / 3600), (int)(sec / 60 % 60));
	}
}

/* date part d (at most 20 bytes) and a clock time */
static void
timeval(char *v, const char *d, int h, int mi, int s, int hs)
{
	h = h < 0 || h > 24 ? 0 : h;
	mi = mi < 0 || mi > 59 ? 0 : mi;
	s = s < 0 || s > 60 ? 0 : s;
	if (hs)
		snprintf(v, 64, "%.20sT%02d:%02d:%02d", d, h, mi, s);
	else
		snprintf(v, 64, "%.20sT%02d:%02d", d, h, mi);
}

/* ---------- matching ---------- */

static void
settx(struct tx *m, size_t t0, size_t t1, int type, const char *val)
{
	m->t0 = t0;
	m->t1 = t1;
	m->type = type;
	m->mod = NULL;
	m->dayp = 0;
	m->istime = 0;
	m->wdonly = 0;
	m->durpt = 0;
	if (val != m->val) {
		size_t n = strnlen(val, sizeof m->val - 1);
		memmove(m->val, val, n);
		m->val[n] = '\0';
	}
}

static void
dayval(const struct dates_scan *sc, char *v, int y, int mo, int d)
{
	(void)sc;
	if (y >= 0)
		putymd(v, y, mo, d);
	else if (y < -1)
		snprintf(v, 64, "BC%04d-%02d-%02d", -y > 9999 ? 9999 : -y, mo, d);
	else
		snprintf(v, 64, "XXXX-%02d-%02d", mo, d);
}

static int r_time(struct dates_scan *, size_t, struct tx *);

/* The year of a month (and day) given without one. */
static int
yearfor(const struct dates_scan *sc, size_t i, int mo, int d)
{
	const struct dates_ref *r = sc->ref;
	int ahead;

	if (!r->have)
		return -1;
	if (d <= 0)
		d = 1;
	ahead = mo * 32 + d - (r->m * 32 + r->d);
	if (ahead <= 0)
		return (r->m - mo > 8 && forward(sc, i)) ? r->y + 1 : r->y;
	if (ahead <= 64 || forward(sc, i))
		return r->y;
	return r->y - 1;
}

static int
okday(int y, int mo, int d)
{
	if (mo < 1 || mo > 12 || d < 1)
		return 0;
	return d <= mdays(y > 0 ? y : 2000, mo);
}

/* A month name at i, with its abbreviation point; the end or 0. */
static size_t
pmonth(const struct dates_scan *sc, size_t i, int *mo, int strong)
{
	const struct tok *t;

	if (!has(sc, i, C_MONTHS))
		return 0;
	t = TK(i);
	if (has(sc, i, C_MONTH_AMB) && !strong && !t->cap)
		return 0;
	if (t->lx->abbr && !t->cap && !strong)
		return 0;
	*mo = ivl(sc, i, C_MONTHS);
	if (t->lx->abbr && ispc(sc, i + 1, '.') && att(sc, i + 1))
		return i + 2;
	return i + 1;
}

/* A day of the month: 13, 13th, thirteenth, twenty-fourth. */
static size_t
pday(const struct dates_scan *sc, size_t i, int *d, int *ord)
{
	*ord = 0;
	if (isnum(sc, i)) {
		if (TK(i)->nd > 2 || TK(i)->num < 1 || TK(i)->num > 31)
			return 0;
		/* the end of a range of days, "22-23 Feb", is a day */
		if (inbig(sc, i) && !(i >= 2 && ispc(sc, i - 1, '-') && isnum(sc, i - 2) &&
		    TK(i - 2)->nd <= 2 && TK(i - 2)->num < TK(i)->num && has(sc, i + 1, C_MONTHS) &&
		    !(i >= 4 && att(sc, i - 2) && TK(i - 3)->kind == TP && isnum(sc, i - 4))))
			return 0;
		*d = (int)TK(i)->num;
		if (has(sc, i + 1, C_ORDSUF) && att(sc, i + 1)) {
			*ord = 1;
			return i + 2;
		}
		if (isword(sc, i + 1) && att(sc, i + 1) && !has(sc, i + 1, C_MONTHS))
			return 0;
		return i + 1;
	}
	if (has(sc, i, C_ORDINALS)) {
		*d = ivl(sc, i, C_ORDINALS);
		*ord = 1;
		return i + 1;
	}
	if (has(sc, i, C_NUMBERS) && ivl(sc, i, C_NUMBERS) >= 20 && ivl(sc, i, C_NUMBERS) <= 30) {
		size_t j = i + 1;
		if (ispc(sc, j, '-'))
			j++;
		if (has(sc, j, C_ORDINALS) && ivl(sc, j, C_ORDINALS) < 10) {
			*d = ivl(sc, i, C_NUMBERS) + ivl(sc, j, C_ORDINALS);
			*ord = 1;
			return *d <= 31 ? j + 1 : 0;
		}
	}
	return 0;
}

/* A year in a date: 2025, '96, 96 (two digits only when weak is set), 345 BC. */
static size_t
pyear(const struct dates_scan *sc, size_t i, int *y, int two)
{
	size_t j = i;

	if (ispc(sc, j, '\'') && isnum(sc, j + 1) && TK(j + 1)->nd == 2 && att(sc, j + 1))
		j++, two = 1;
	if (!isnum(sc, j) || inbig(sc, j))
		return 0;
	if (att(sc, j + 1) && isword(sc, j + 1) && !has(sc, j + 1, C_ERAS))
		return 0;
	if (TK(j)->nd <= 4 && has(sc, j + 1, C_ERAS) && TK(j)->nd != 4) {
		*y = (int)TK(j)->num;
	} else if (TK(j)->nd == 4)
		*y = (int)TK(j)->num;
	else if (TK(j)->nd == 2 && two && !ispc(sc, j + 1, ':') && !ispc(sc, j + 1, '.') &&
	    !has(sc, j + 1, C_MERIDIEM) && !phr(sc, C_OCLOCK, j + 1, NULL, NULL) &&
	    !tokeq(sc, j + 1, "a") && !tokeq(sc, j + 1, "p")) {
		*y = (int)TK(j)->num;
		*y += *y < 50 ? 2000 : 1900;
	} else if (TK(j)->nd <= 4 && has(sc, j + 1, C_ERAS)) {
		*y = (int)TK(j)->num;
	} else
		return 0;
	j++;
	if (has(sc, j, C_ERAS)) {
		if (ivl(sc, j, C_ERAS) < 0)
			*y = -*y;
		j++;
	} else if (has(sc, j, C_ERA_SHIFT) && TK(j)->cap == 2 && TK(j - 1)->nd == 4) {
		*y += ivl(sc, j, C_ERA_SHIFT);	/* 2555 BE (Buddhist era) is 2012 */
		j++;
	}
	if (isnum(sc, j) && !TK(j)->sp)
		return 0;
	return j;
}

static int
notcount(const struct dates_scan *sc, size_t j)
{
	return !(has(sc, j, C_NOT_AFTER) || has(sc, j, C_UNITS) || has(sc, j, C_UNITS_PL));
}

/* "last year", "this year", "next year" right after a month: the year, and the end. */
static size_t
relyear(const struct dates_scan *sc, size_t j, int *y)
{
	if (!has(sc, j, C_RELATIVE) || !has(sc, j + 1, C_UNITS) || has(sc, j + 1, C_UNITS_ATT) ||
	    ivl(sc, j + 1, C_UNITS) != U_Y || has(sc, j, C_REL_POINT))
		return 0;
	*y = sc->ref->have ? sc->ref->y + ivl(sc, j, C_RELATIVE) : -1;
	return j + 2;
}

/* [weekday [,]] month [.] [,] [day] [,] [year] */
static int
r_mdy(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k, e;
	int mo, d = 0, y = -1, ord, wd = 0, strong;

	if (has(sc, j, C_WEEKDAYS) && (TK(j)->cap || !TK(j)->lx->abbr)) {
		wd = ivl(sc, j, C_WEEKDAYS);
		j++;
		if (TK(j - 1)->lx->abbr && ispc(sc, j, '.'))
			j++;
		if (ispc(sc, j, ','))
			j++;
	}
	strong = 0;
	if (!has(sc, j, C_MONTHS))
		return 0;
	/* strong context: a day or year after the month */
	k = j + 1;
	if (ispc(sc, k, '.'))
		k++;
	if (ispc(sc, k, ',') || ((ispc(sc, k, '-') || ispc(sc, k, '/')) && att(sc, k)))
		k++;
	if (isnum(sc, k) && notcount(sc, k + 1))
		strong = 1;
	if (!(e = pmonth(sc, j, &mo, strong || wd)))
		return 0;
	j = e;
	if (ispc(sc, j, ',') && isnum(sc, j + 1))
		j++;
	if ((k = pday(sc, j, &d, &ord)) && notcount(sc, k) && !ispc(sc, k, ':') &&
	    !(isnum(sc, j) && TK(j)->nd == 2 && !ord && ispc(sc, k, ',') == 0 &&
	    isnum(sc, k) == 0 && has(sc, k, C_ERAS))) {
		j = k;
		e = k;
		k = j;
		/* "August 10 - 22, 2012": the year after the range */
		size_t k2;
		int d2, o2;
		if (has(sc, k, C_TO) && (k2 = pday(sc, k + 1, &d2, &o2)) && d2 > d &&
		    ispc(sc, k2, ',') && isnum(sc, k2 + 1) && TK(k2 + 1)->nd == 4 &&
		    pyear(sc, k2 + 1, &y, 0)) {
			if (!okday(y, mo, d))
				return 0;
			settx(m, i, e, TY_DATE, "");
			dayval(sc, m->val, y, mo, d);
			m->dayp = 1;
			return 1;
		}
		/* "Oct 26 - 28, 11:00:09 2023": the time and the year after the range */
		if (has(sc, k, C_TO) && (k2 = pday(sc, k + 1, &d2, &o2)) && d2 > d &&
		    ispc(sc, k2, ',')) {
			struct tx t;
			size_t k3;
			if (r_time(sc, k2 + 1, &t) && t.istime && (k3 = t.t1) &&
			    isnum(sc, k3) && TK(k3)->nd == 4 && pyear(sc, k3, &y, 0) == k3 + 1 &&
			    !isnum(sc, k3 + 1) && okday(y, mo, d)) {
				char day[16];
				settx(m, i, k3 + 1, TY_TIME, "");
				dayval(sc, day, y, mo, d);
				timeval(m->val, day, t.h, t.mi, t.s, t.hs);
				return 1;
			}
		}
		if (ispc(sc, k, ','))
			k++;
		if ((k = pyear(sc, k, &y, 1)) && notcount(sc, k))
			e = k;
		else if ((k = relyear(sc, e, &y)))
			e = k;
		else
			y = yearfor(sc, i, mo, d);
		if (!okday(y, mo, d))
			return 0;
		settx(m, i, e, TY_DATE, "");
		dayval(sc, m->val, y, mo, d);
		m->dayp = 1;
		return 1;
	}
	if (wd)
		return 0;
	k = e;
	if (ispc(sc, k, ',') || ((ispc(sc, k, '-') || ispc(sc, k, '/')) && att(sc, k)))
		k++;
	if ((k = pyear(sc, k, &y, TK(e - 1)->lx ? TK(e - 1)->lx->abbr : 0)) && notcount(sc, k)) {
		settx(m, i, k, TY_DATE, "");
		snprintf(m->val, sizeof m->val, "%04d-%02d", y, mo);
		return 1;
	}
	/* a month alone */
	if (has(sc, i, C_MONTH_AMB) || TK(i)->lx->abbr) {
		/* the whole text ("May", a heading) cannot be the verb */
		if (!(i > 0 && (has(sc, i - 1, C_YEAR_BEFORE) || has(sc, i - 1, C_MODIFIERS) ||
		    has(sc, i - 1, C_RELATIVE) || has(sc, i - 1, C_IN))) &&
		    !(i == 0 && TK(i)->cap && (e == sc->nt || (e + 1 == sc->nt &&
		    TK(e)->kind == TP && strchr(".:", TK(e)->ch)))))
			return 0;
		if (tokeq(sc, i - 1, "the") || tokeq(sc, i - 1, "and") || tokeq(sc, i - 1, "to"))
			return 0;
	}
	if (!TK(i)->cap)
		return 0;
	if (i > 0 && isword(sc, i - 1) && TK(i - 1)->cap && !sentstart(sc, i - 1) &&
	    !has(sc, i - 1, C_YEAR_BEFORE) && !has(sc, i - 1, C_MODIFIERS) &&
	    !has(sc, i - 1, C_RELATIVE) && !has(sc, i - 1, C_IN))
		return 0;
	if (isword(sc, e) && TK(e)->cap && !has(sc, e, C_MONTHS) && !has(sc, e, C_WEEKDAYS) &&
	    !has(sc, e, C_RELATIVE))
		return 0;
	if ((k = relyear(sc, e, &y)))
		e = k;
	else
		y = yearfor(sc, i, mo, 0);
	settx(m, i, e, TY_DATE, "");
	if (y >= 0)
		snprintf(m->val, sizeof m->val, "%04d-%02d", y, mo);
	else
		snprintf(m->val, sizeof m->val, "XXXX-%02d", mo);
	return 1;
}

/* [weekday [,]] [the] day [of] month [.] [,] [year] */
static int
r_dmy(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k, e;
	int mo, d, y = -1, ord, sep = 0;

	if (has(sc, j, C_WEEKDAYS) && (TK(j)->cap || !TK(j)->lx->abbr)) {
		j++;
		if (TK(j - 1)->lx->abbr && ispc(sc, j, '.'))
			j++;
		if (ispc(sc, j, ','))
			j++;
	}
	if (has(sc, j, C_ARTICLES))
		j++;
	if (!(k = pday(sc, j, &d, &ord)))
		return 0;
	/* "10 - 22 August 2012": the first day takes the month and year of the second */
	if (has(sc, k, C_TO) && !has(sc, k, C_OF)) {
		struct tx t2;
		size_t k2;
		int d2, o2;
		if ((k2 = pday(sc, k + 1, &d2, &o2)) && d2 > d && r_dmy(sc, k + 1, &t2) &&
		    t2.dayp && t2.t0 == k + 1 && strlen(t2.val) == 10) {
			settx(m, i, k, TY_DATE, "");
			snprintf(m->val, sizeof m->val, "%.8s%02d", t2.val, d);
			m->dayp = 1;
			return 1;
		}
	}
	if (has(sc, k, C_OF))
		k++;
	else if ((ispc(sc, k, '-') || ispc(sc, k, '/')) && att(sc, k) && att(sc, k + 1))
		k++, sep = 1;
	if (!(e = pmonth(sc, k, &mo, 1)))
		return 0;
	if (!TK(k)->cap && !has(sc, k - 1, C_OF) && !sep && !att(sc, k))
		if (has(sc, k, C_MONTH_AMB))
			return 0;
	k = e;
	if (ispc(sc, k, ',') || (sep && (ispc(sc, k, '-') || ispc(sc, k, '/')) && att(sc, k)))
		k++;
	else if (has(sc, k, C_OF) && isnum(sc, k + 1) && TK(k + 1)->nd == 4)
		k++;	/* "13 de noviembre de 2025" */
	if ((k = pyear(sc, k, &y, 1)) && notcount(sc, k))
		e = k;
	else
		y = yearfor(sc, i, mo, d);
	if (!okday(y, mo, d))
		return 0;
	settx(m, i, e, TY_DATE, "");
	dayval(sc, m->val, y, mo, d);
	m->dayp = 1;
	return 1;
}

/* 2025-11-13, 2012/8/10, 2012/Aug/10 */
static int
r_iso(struct dates_scan *sc, size_t i, struct tx *m)
{
	int y, mo, d, sep;
	size_t j = i;

	if (!isnum(sc, i) || TK(i)->nd != 4 || money(sc, i))
		return 0;
	if (i >= 2 && att(sc, i) && isnum(sc, i - 2) && ispc(sc, i - 1, '-'))
		return 0;
	y = (int)TK(i)->num;
	/* 2018 March 18 */
	if (!att(sc, i + 1) && has(sc, i + 1, C_MONTHS) && TK(i + 1)->cap && isnum(sc, i + 2) &&
	    (j = pday(sc, i + 2, &d, &sep)) && notcount(sc, j) && !ispc(sc, j, ':')) {
		mo = ivl(sc, i + 1, C_MONTHS);
		if (!okday(y, mo, d))
			return 0;
		settx(m, i, j, TY_DATE, "");
		dayval(sc, m->val, y, mo, d);
		m->dayp = 1;
		return 1;
	}
	if (!(ispc(sc, i + 1, '-') || ispc(sc, i + 1, '/') || ispc(sc, i + 1, '.')) || !att(sc, i + 1) || !att(sc, i + 2))
		return 0;
	sep = TK(i + 1)->ch;
	j = i + 2;
	if (isnum(sc, j) && TK(j)->nd <= 2) {
		mo = (int)TK(j)->num;
		j++;
	} else if (has(sc, j, C_MONTHS)) {
		mo = ivl(sc, j, C_MONTHS);
		j++;
	} else
		return 0;
	if (!ispc(sc, j, sep) || !att(sc, j) || !isnum(sc, j + 1) || !att(sc, j + 1) ||
	    TK(j + 1)->nd > 2)
		return 0;
	d = (int)TK(j + 1)->num;
	j += 2;
	if (isnum(sc, j) && att(sc, j))
		return 0;
	if (mo > 12 && d <= 12) {
		int t = mo;
		mo = d, d = t;
	}
	if (!okday(y, mo, d))
		return 0;
	settx(m, i, j, TY_DATE, "");
	dayval(sc, m->val, y, mo, d);
	m->dayp = 1;
	return 1;
}

/*
 * 8/10 (August 10; 10 August under --dmy), 14/4: a month and day
 * without a year.  Not a fraction (1/2, 3/4, "1 1/2", "8/10 of"), not
 * "24/7", not glued to more digits or words.
 */
static int
monthday(struct dates_scan *sc, size_t i, int a, int b, struct tx *m)
{
	int mo, d, y;
	size_t e = i + 3;

	if (a < 1 || b < 1 || (a < b && b <= 4) || (a == 24 && b == 7))
		return 0;
	/*
	 * Odds (5/4 favourite), tie-breaks (7/5) and titles (Fahrenheit
	 * 9/11) look the same: only where a date must stand.  After "on"
	 * or a weekday, as an offset's anchor, or as the whole text.
	 */
	if (!sc->mdok && !(i > 0 && has(sc, i - 1, C_ON)) &&
	    !(i > 0 && has(sc, i - 1, C_WEEKDAYS) && !TK(i - 1)->lx->abbr) &&
	    !(i > 1 && ispc(sc, i - 1, ',') && has(sc, i - 2, C_WEEKDAYS)) &&
	    !(i == 0 && !isword(sc, i + 3)))
		return 0;
	if (i > 0 && (isnum(sc, i - 1) || (TK(i - 1)->kind == TP && att(sc, i))))
		return 0;
	if (e < sc->nt && att(sc, e) && (TK(e)->kind != TP || strchr("/%-:", TK(e)->ch) ||
	    (TK(e)->ch == '.' && isnum(sc, e + 1) && att(sc, e + 1))))
		return 0;
	if (has(sc, e, C_OF) || (e < sc->nt && TK(e)->kind == TP && TK(e)->ch == '%'))
		return 0;
	if (sc->dmy)
		d = a, mo = b;
	else
		mo = a, d = b;
	if (mo > 12 && d <= 12) {
		int t = mo;
		mo = d, d = t;
	}
	if (mo > 12 || d > 31 || !okday(2000, mo, d))
		return 0;
	y = yearfor(sc, i, mo, d);
	if (y >= 0 && !okday(y, mo, d))
		return 0;
	settx(m, i, e, TY_DATE, "");
	dayval(sc, m->val, y, mo, d);
	m->dayp = 1;
	return 1;
}

/* 11/13/2025, 13/11/2025 (--dmy), 13.11.2025, 07-27-2022, 9/2012 */
static int
r_slash(struct dates_scan *sc, size_t i, struct tx *m)
{
	int a, b, y, mo, d, sep;
	size_t j;

	if (!isnum(sc, i) || TK(i)->nd > 2 || money(sc, i))
		return 0;
	if (i >= 2 && att(sc, i) && isnum(sc, i - 2) && sc->tk[i - 1].kind == TP &&
	    strchr("/-.:", sc->tk[i - 1].ch))
		return 0;
	if (!(ispc(sc, i + 1, '/') || ispc(sc, i + 1, '-') || ispc(sc, i + 1, '.')) ||
	    !att(sc, i + 1) || !isnum(sc, i + 2) || !att(sc, i + 2))
		return 0;
	sep = TK(i + 1)->ch;
	a = (int)TK(i)->num;
	if (TK(i + 2)->nd == 4 && sep == '/') {	/* 9/2012 */
		if (a < 1 || a > 12 || (isnum(sc, i + 3) && att(sc, i + 3)) ||
		    (sc->tk[i + 3 < sc->nt ? i + 3 : i].kind == TP && i + 3 < sc->nt &&
		    att(sc, i + 3) && strchr("/-.", TK(i + 3)->ch)))
			return 0;
		settx(m, i, i + 3, TY_DATE, "");
		snprintf(m->val, sizeof m->val, "%04d-%02d", (int)TK(i + 2)->num, a);
		return 1;
	}
	if (TK(i + 2)->nd > 2)
		return 0;
	b = (int)TK(i + 2)->num;
	j = i + 3;
	if (!ispc(sc, j, sep) || !att(sc, j) || !isnum(sc, j + 1) || !att(sc, j + 1))
		return sep == '/' ? monthday(sc, i, a, b, m) : 0;
	if (TK(j + 1)->nd == 4)
		y = (int)TK(j + 1)->num;
	else if (TK(j + 1)->nd == 2 && sep == '/')
		y = (int)TK(j + 1)->num + (TK(j + 1)->num < 50 ? 2000 : 1900);
	else
		return 0;
	j += 2;
	if (isnum(sc, j) && att(sc, j))
		return 0;
	if (sc->dmy || sep == '.')
		d = a, mo = b;
	else
		mo = a, d = b;
	if (mo > 12 && d <= 12) {
		int t = mo;
		mo = d, d = t;
	}
	if (!okday(y, mo, d))
		return 0;
	settx(m, i, j, TY_DATE, "");
	dayval(sc, m->val, y, mo, d);
	m->dayp = 1;
	return 1;
}

/* Resolves a weekday: dir -1 back (today counts), 1 on, -2 strictly back, 2 strictly on, 0 this week. */
static void
wdval(const struct dates_scan *sc, char *v, int wd, int dir, int wshift)
{
	const struct dates_ref *r = sc->ref;
	long z, t;
	int cur;

	if (!r->have) {
		snprintf(v, 64, "XXXX-WXX-%d", wd);
		return;
	}
	z = refday(r);
	cur = wday(z);
	if (wshift || dir == 0)
		t = z - cur + wd + 7L * wshift;
	else if (dir == -1)
		t = z - ((cur - wd + 7) % 7);
	else if (dir == -2)
		t = z - ((cur - wd + 6) % 7 + 1);
	else if (dir == 1)
		t = z + ((wd - cur + 7) % 7);
	else
		t = z + ((wd - cur + 6) % 7 + 1);
	putday(v, t);
}

/* [last|next|this] weekday [of next week | next week] [, the 10th] */
static int
r_weekday(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i;
	int rel = 9, wd, ws = 0, rv;
	const struct tok *t;

	if (has(sc, j, C_RELATIVE) && has(sc, j + 1, C_WEEKDAYS)) {
		rel = ivl(sc, j, C_RELATIVE);
		j++;
	}
	if (has(sc, j, C_WEEKDAYS_PL) && (TK(j)->cap || rel != 9)) {
		if (j > 0 && (has(sc, j - 1, C_ON) || has(sc, j - 1, C_EVERY))) {
			settx(m, i, j + 1, TY_SET, "");
			snprintf(m->val, sizeof m->val, "XXXX-WXX-%d", ivl(sc, j, C_WEEKDAYS_PL));
			return 1;
		}
		return 0;
	}
	if (!has(sc, j, C_WEEKDAYS))
		return 0;
	t = TK(j);
	if (t->lx->abbr)
		return 0;
	if (!t->cap && rel == 9)
		return 0;
	if (rel != 9) {
		struct tx t2;
		if (r_weekday(sc, j, &t2) && t2.t1 > j + 1)
			return 0;
		if (r_mdy(sc, j, &t2) && t2.t1 > j + 1)
			return 0;
	}
	wd = ivl(sc, j, C_WEEKDAYS);
	j++;
	/* "Friday of next week", "Tuesday, next week" */
	{
		size_t k = j;
		if (has(sc, k, C_OF) || ispc(sc, k, ','))
			k++;
		if (has(sc, k, C_RELATIVE) && (tokeq(sc, k + 1, "week")) &&
		    !tokeq(sc, k, "past")) {
			ws = ivl(sc, k, C_RELATIVE);
			if (rel == 9)
				rel = 0;
			j = k + 2;
			settx(m, i, j, TY_DATE, "");
			wdval(sc, m->val, wd, 0, ws);
			m->dayp = 1;
			return 1;
		}
	}
	/* "Monday, the 10th" */
	{
		size_t k = j, e;
		int d, ord;
		if (ispc(sc, k, ','))
			k++;
		if (has(sc, k, C_ARTICLES) && (e = pday(sc, k + 1, &d, &ord)) && ord &&
		    !has(sc, e, C_OF) && !has(sc, e, C_MONTHS)) {
			settx(m, i, e, TY_DATE, "");
			if (!sc->ref->have)
				snprintf(m->val, sizeof m->val, "XXXX-XX-%02d", d);
			else {
				/* the month near the reference where day d falls on wd */
				int y = sc->ref->y, mo = sc->ref->m, best = 0, tries;
				for (tries = 0; tries < 3 && !best; tries++) {
					int yy = y, mm = mo - (tries == 1 ? 1 : 0) + (tries == 2 ? 1 : 0);
					if (mm < 1)
						mm += 12, yy--;
					if (mm > 12)
						mm -= 12, yy++;
					if (okday(yy, mm, d) && wday(dfc(yy, mm, d)) == wd) {
						putday(m->val, dfc(yy, mm, d));
						best = 1;
					}
				}
				if (!best) {
					int yy = y, mm = mo;
					if (d > sc->ref->d)
						mm--;
					if (mm < 1)
						mm = 12, yy--;
					if (!okday(yy, mm, d))
						return 0;
					putday(m->val, dfc(yy, mm, d));
				}
			}
			m->dayp = 1;
			return 1;
		}
	}
	/* "the Sunday Times" is a name */
	if (rel == 9 && i > 0 && has(sc, i - 1, C_ARTICLES) && isword(sc, j) && TK(j)->cap &&
	    !has(sc, j, C_MONTHS) && !has(sc, j, C_DAYPARTS) && !has(sc, j, C_DEICTIC))
		return 0;
	settx(m, i, j, TY_DATE, "");
	if (rel == 9)
		rv = forward(sc, i) ? 1 : -1;
	else if (rel < 0)
		rv = -2;
	else if (rel > 0)
		rv = 2;
	else
		rv = 0;
	wdval(sc, m->val, wd, rv, 0);
	m->dayp = 1;
	m->wdonly = rel == 9;
	return 1;
}

static int
isname(const struct dates_scan *sc, size_t i)
{
	if (!TK(i)->cap || !has(sc, i, C_NAME_WORDS))
		return 0;
	if (i > 0 && isword(sc, i - 1) && TK(i - 1)->cap && att(sc, i) == 0)
		return 1;
	if (isword(sc, i + 1) && TK(i + 1)->cap)
		return 1;
	return 0;
}

/* today, yesterday, tomorrow, tonight; the day before yesterday; [daypart] */
static int
r_deictic(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i;
	int off = 0;
	const char *part = NULL;

	if (has(sc, j, C_ARTICLES) && tokeq(sc, j + 1, "day") && has(sc, j + 2, C_BEFORE_AFTER) &&
	    has(sc, j + 3, C_DEICTIC)) {
		off = ivl(sc, j + 2, C_BEFORE_AFTER);
		j += 3;
	}
	if (!has(sc, j, C_DEICTIC) || isname(sc, j))
		return 0;
	off += ivl(sc, j, C_DEICTIC);
	if (has(sc, j, C_DEICTIC_PART))
		part = svl(sc, j, C_DEICTIC_PART);
	j++;
	settx(m, i, j, TY_DATE, "");
	if (sc->ref->have)
		putday(m->val, refday(sc->ref) + off);
	else
		snprintf(m->val, sizeof m->val, "XXXX-XX-XX");
	m->dayp = 1;
	if (part) {
		size_t n = strlen(m->val);
		snprintf(m->val + n, sizeof m->val - n, "T%s", part);
		m->type = TY_TIME;
		m->dayp = 0;
	}
	return 1;
}

static int
seasonidx(const char *s)
{
	return !strcmp(s, "WI") ? 0 : !strcmp(s, "SP") ? 1 : !strcmp(s, "SU") ? 2 : 3;
}

/* Does a word or phrase of the category end just before token i? */
static int
endsat(const struct dates_scan *sc, int cat, size_t i)
{
	size_t k;

	for (k = 1; k <= MAXPT && k <= i; k++)
		if (phr(sc, cat, i - k, NULL, NULL) == k)
			return 1;
	return 0;
}

/* Value of "this/last/next UNIT" (rel) on the reference. */
static int
relunit(const struct dates_scan *sc, char *v, int rel, int u)
{
	const struct dates_ref *r = sc->ref;
	int y, mo, wy, wk, q;
	long z;

	if (!r->have) {
		switch (u) {
		case U_Y: snprintf(v, 64, "XXXX"); return 1;
		case U_M: snprintf(v, 64, "XXXX-XX"); return 1;
		case U_W: snprintf(v, 64, "XXXX-WXX"); return 1;
		case U_WE: snprintf(v, 64, "XXXX-WXX-WE"); return 1;
		case U_Q: snprintf(v, 64, "XXXX-QX"); return 1;
		case U_DE: snprintf(v, 64, "XXX"); return 1;
		case U_CE: snprintf(v, 64, "XX"); return 1;
		default: return 0;
		}
	}
	z = refday(r);
	switch (u) {
	case U_Y:
		snprintf(v, 64, "%04d", r->y + rel);
		return 1;
	case U_M:
		mo = r->m + rel, y = r->y;
		if (mo < 1)
			mo += 12, y--;
		if (mo > 12)
			mo -= 12, y++;
		snprintf(v, 64, "%04d-%02d", y, mo);
		return 1;
	case U_W:
	case U_WE:
		isoweek(z + 7L * rel, &wy, &wk);
		snprintf(v, 64, u == U_W ? "%04d-W%02d" : "%04d-W%02d-WE", wy, wk);
		return 1;
	case U_Q:
		q = (r->m - 1) / 3 + rel, y = r->y;
		if (q < 0)
			q += 4, y--;
		if (q > 3)
			q -= 4, y++;
		snprintf(v, 64, "%04d-Q%d", y, q + 1);
		return 1;
	case U_DE:
		snprintf(v, 64, "%03d", r->y / 10 + rel);
		return 1;
	case U_CE:
		snprintf(v, 64, "%02d", r->y / 100 + rel);
		return 1;
	}
	return 0;
}

/*
 * [the] [earlier|later] rel unit: this week, last month, next year,
 * this morning, last night, last summer, last August, the past two years.
 */
static int
r_rel(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k;
	int the = 0, rel, u, pl, x;
	double v;

	if (has(sc, j, C_ARTICLES))
		the = 1, j++;
	if (has(sc, j, C_THIS_PREFIX) && has(sc, j + 1, C_RELATIVE) && ivl(sc, j + 1, C_RELATIVE) == 0)
		j++;
	if (!has(sc, j, C_RELATIVE))
		return 0;
	rel = ivl(sc, j, C_RELATIVE);
	j++;
	/* the past two years, the next few days, the coming weeks */
	if ((the || rel != 0) && (k = pnum(sc, j, &v, &x)) && !tokeq(sc, j, "a") &&
	    !tokeq(sc, j, "an") && (punit(sc, k, 0, &u, &pl)) && (pl || (!x && v > 1)) &&
	    u != U_WE) {
		settx(m, i, k + 1, TY_DURATION, "");
		durval(m->val, v, x, u);
		return 1;
	}
	if (rel != 0 && has(sc, j, C_UNITS_PL) && !has(sc, j, C_UNITS_ATT) &&
	    ivl(sc, j, C_UNITS_PL) != U_WE) {
		settx(m, i, j + 1, TY_DURATION, "");
		durval(m->val, 0, 1, ivl(sc, j, C_UNITS_PL));
		return 1;
	}
	if (has(sc, j, C_UNITS) && !has(sc, j, C_UNITS_ATT)) {
		u = ivl(sc, j, C_UNITS);
		/* next day, last hour: the one after or before the reference */
		if ((u == U_D || u == U_H) && !the && rel != 0 && !has(sc, j + 1, C_OF) &&
		    !endsat(sc, C_DETERMINERS, i) &&
		    !(isword(sc, j + 1) && !has(sc, j + 1, C_AT) && !has(sc, j + 1, C_ON) &&
		    !has(sc, j + 1, C_AND) && !has(sc, j + 1, C_DAYPARTS))) {
			struct dur one = { 1, 0, { 1 }, { 0 } };
			if (u == U_H && !(sc->ref->have && sc->ref->hastime))
				return 0;
			one.u[0] = u;
			settx(m, i, j + 1, u == U_H ? TY_TIME : TY_DATE, "");
			shiftr(sc->ref, m->val, rel, &one, u);
			m->dayp = u == U_D && sc->ref->have;
			return 1;
		}
		if (u == U_D || u == U_H || u == U_MIN || u == U_S)
			return 0;
		if (the && rel < 0 && u != U_WE && u != U_Q && !has(sc, j - 1, C_REL_POINT)) {
			/* the past year: a duration */
			settx(m, i, j + 1, TY_DURATION, "");
			durval(m->val, 1, 0, u);
			return 1;
		}
		if (the && rel > 0 && !has(sc, j - 1, C_REL_POINT))
			return 0;
		settx(m, i, j + 1, TY_DATE, "");
		if (!relunit(sc, m->val, rel, u))
			return 0;
		return 1;
	}
	if (has(sc, j, C_DAYPARTS) && !the) {
		const char *p = svl(sc, j, C_DAYPARTS);
		long z;
		if (!sc->ref->have) {
			settx(m, i, j + 1, TY_TIME, "");
			snprintf(m->val, sizeof m->val, "XXXX-XX-XXT%s", p);
			return 1;
		}
		z = refday(sc->ref);
		if (rel < 0 && !strcmp(p, "NI"))
			z -= 1;
		else if (rel < 0)
			return 0;
		else if (rel > 0)
			z += 1;
		settx(m, i, j + 1, TY_TIME, "");
		putday(m->val, z);
		snprintf(m->val + 10, sizeof m->val - 10, "T%s", p);
		return 1;
	}
	if (has(sc, j, C_SEASONS) && !the) {
		const char *p = svl(sc, j, C_SEASONS);
		int y;
		settx(m, i, j + 1, TY_DATE, "");
		if (!sc->ref->have) {
			snprintf(m->val, sizeof m->val, "XXXX-%s", p);
			return 1;
		}
		y = sc->ref->y;
		{
			int cur = (sc->ref->m % 12) / 3, s = seasonidx(p);
			if (rel < 0 && s >= cur)
				y--;
			if (rel > 0 && s <= cur)
				y++;
		}
		snprintf(m->val, sizeof m->val, "%04d-%s", y, p);
		return 1;
	}
	if (has(sc, j, C_MONTHS) && !the && (TK(j)->cap || !has(sc, j, C_MONTH_AMB))) {
		int mo = ivl(sc, j, C_MONTHS), y;
		size_t e = j + 1;
		if (TK(j)->lx->abbr && ispc(sc, e, '.'))
			e++;
		settx(m, i, e, TY_DATE, "");
		if (!sc->ref->have) {
			snprintf(m->val, sizeof m->val, "XXXX-%02d", mo);
			return 1;
		}
		y = sc->ref->y;
		if (rel < 0 && mo >= sc->ref->m)
			y--;
		if (rel > 0 && mo <= sc->ref->m)
			y++;
		snprintf(m->val, sizeof m->val, "%04d-%02d", y, mo);
		return 1;
	}
	return 0;
}

/* [approx] N units ago | from now */
static int
r_ago(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k, e;
	const char *mod = NULL;
	struct dur dd;
	int u, dir;

	if ((k = phr(sc, C_APPROX, j, NULL, &mod)))
		j += k;
	if (!(e = pdurs(sc, j, &dd)))
		return 0;
	if (!(k = phr(sc, C_AGO, e, &dir, NULL)))
		return 0;
	settx(m, i, e + k, TY_DATE, "");
	if (dd.x) {
		snprintf(m->val, sizeof m->val, dir < 0 ? "PAST_REF" : "FUTURE_REF");
		return 1;
	}
	u = dd.u[dd.n - 1];
	/* "2 weeks ago at 9am" is a day: the week is only its grain */
	if (u == U_W && sc->ref->have && has(sc, e + k, C_AT)) {
		struct tx t;
		if (r_time(sc, e + k + 1, &t) && t.istime)
			u = U_D;
	}
	shiftr(sc->ref, m->val, dir, &dd, u);
	m->durpt = 1, m->dir = dir, m->dd = dd;
	m->dayp = u == U_D && sc->ref->have;
	m->mod = mod && strcmp(mod, "APPROX") == 0 ? mod : NULL;
	if (u == U_H || u == U_MIN || u == U_S)
		m->type = sc->ref->have && sc->ref->hastime ? TY_TIME : TY_DATE;
	return 1;
}

/* in N units (future, unless "the first time in three years") */
static int
r_in(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k, e, lo;
	struct dur dd;
	int x, u;
	const char *mod = NULL;

	if (i == 0 || !has(sc, i - 1, C_IN))
		return 0;
	if ((k = phr(sc, C_APPROX, j, NULL, &mod)))
		j += k;
	if ((k = phr(sc, C_APPROX, j, NULL, NULL)))	/* "about ~5 hours" */
		j += k;
	if (!(e = pdurs(sc, j, &dd))) {
		/* "in 2 h", "in 1 mon": a short unit apart, ending the clause */
		double v;
		int x1, u1;
		if (!isnum(sc, j) || att(sc, j + 1) || !has(sc, j + 1, C_UNITS_ATT) ||
		    !clauseend(sc, j + 2) || !(e = pdur(sc, j, &v, &x1, &u1, 1)))
			return 0;
		dd.n = 1, dd.x = x1, dd.v[0] = v, dd.u[0] = u1;
	}
	x = dd.x;
	u = dd.u[dd.n - 1];
	if (has(sc, e, C_AGO) || has(sc, e, C_AGE))
		return 0;
	lo = i > 8 ? i - 8 : 0;
	for (k = i - 1; k-- > lo;) {
		if (TK(k)->kind == TP && strchr(".;!?", TK(k)->ch))
			break;
		if (has(sc, k, C_SUPER))
			return 0;
	}
	if (x) {
		settx(m, i, e, TY_DATE, "FUTURE_REF");
		return 1;
	}
	if ((u == U_H || u == U_MIN || u == U_S) && !(sc->ref->have && sc->ref->hastime))
		return 0;
	settx(m, i, e, TY_DATE, "");
	/* "in a week" points at a day, not at a calendar week */
	shiftr(sc->ref, m->val, 1, &dd, u == U_W ? U_D : u);
	m->durpt = 1, m->dir = 1, m->dd = dd;
	m->dayp = (u == U_D || u == U_W) && sc->ref->have;
	if (mod && strcmp(mod, "APPROX") == 0)
		m->mod = mod;
	if (u == U_H || u == U_MIN || u == U_S)
		m->type = sc->ref->have && sc->ref->hastime ? TY_TIME : TY_DATE;
	return 1;
}

/* [approx] N units; bare plurals after "for" */
static int
r_dur(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k, e;
	const char *mod = NULL;
	struct dur dd;
	int u;

	if ((k = phr(sc, C_APPROX, j, NULL, &mod)))
		j += k;
	if ((e = pdurs(sc, j, &dd))) {
		u = dd.u[0];
		if (has(sc, e, C_AGE) || (ispc(sc, e, '-') && has(sc, e + 1, C_AGE)))
			return 0;
		/* "a second time", "one day" (someday) */
		if (!mod && (tokeq(sc, j, "a") || tokeq(sc, j, "an") || tokeq(sc, j, "one")) &&
		    (u == U_S || u == U_MIN || (u == U_D && tokeq(sc, j, "one"))) &&
		    !(i > 0 && has(sc, i - 1, C_DUR_BEFORE)))
			return 0;
		if (u == U_S && !isnum(sc, j) && has(sc, e, C_UNITS) == 0 && isword(sc, e) &&
		    !(i > 0 && has(sc, i - 1, C_DUR_BEFORE)) && !mod)
			return 0;
		settx(m, i, e, TY_DURATION, "");
		durvals(m->val, &dd);
		m->mod = mod;
		if (!mod && dd.n == 1 && (tokeq(sc, j, "a") || tokeq(sc, j, "an")) && i > 0 &&
		    (has(sc, i - 1, C_SET_BEFORE) || (isnum(sc, i - 1) && !has(sc, i - 2, C_IN))))
			m->type = TY_SET;
		return 1;
	}
	if (j == i && i > 0 && has(sc, i - 1, C_DUR_BEFORE) && has(sc, i, C_UNITS_PL) &&
	    !has(sc, i, C_UNITS_ATT) && ivl(sc, i, C_UNITS_PL) != U_WE &&
	    !has(sc, i, C_WEEKDAYS)) {
		settx(m, i, i + 1, TY_DURATION, "");
		durval(m->val, 0, 1, ivl(sc, i, C_UNITS_PL));
		return 1;
	}
	return 0;
}

/* every [other] [N] unit | weekday | daypart; daily */
static int
r_set(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, e;
	double v = 1;
	int x = 0, u, pl;

	if (has(sc, i, C_FREQ) && !TK(i)->cap) {
		settx(m, i, i + 1, TY_SET, svl(sc, i, C_FREQ));
		return 1;
	}
	if (!has(sc, j, C_EVERY))
		return 0;
	j++;
	if (tokeq(sc, j, "other"))
		v = 2, j++;
	if (has(sc, j, C_WEEKDAYS) && !TK(j)->lx->abbr) {
		settx(m, i, j + 1, TY_SET, "");
		snprintf(m->val, sizeof m->val, "XXXX-WXX-%d", ivl(sc, j, C_WEEKDAYS));
		return 1;
	}
	if (has(sc, j, C_DAYPARTS)) {
		settx(m, i, j + 1, TY_SET, "");
		snprintf(m->val, sizeof m->val, "XXXX-XX-XXT%s", svl(sc, j, C_DAYPARTS));
		return 1;
	}
	if ((e = pnum(sc, j, &v, &x)) && !x && (e = punit(sc, e, isnum(sc, e - 1), &u, &pl)) && u != U_WE) {
		settx(m, i, e, TY_SET, "");
		durval(m->val, v, 0, u);
		return 1;
	}
	if ((e = punit(sc, j, 0, &u, &pl)) && !pl && u != U_WE) {
		settx(m, i, e, TY_SET, "");
		durval(m->val, v, 0, u);
		return 1;
	}
	return 0;
}

/* A meridiem at i: am, pm, a.m., p.m.; its end or 0. */
static size_t
pmer(const struct dates_scan *sc, size_t i, int *add)
{
	if (has(sc, i, C_MERIDIEM)) {
		*add = ivl(sc, i, C_MERIDIEM);
		if (ispc(sc, i + 1, '.') && att(sc, i + 1) && i + 2 >= sc->nt)
			return i + 2;
		return i + 1;
	}
	if ((tokeq(sc, i, "a") || tokeq(sc, i, "p")) && ispc(sc, i + 1, '.') && att(sc, i + 1) &&
	    tokeq(sc, i + 2, "m") && att(sc, i + 2)) {
		*add = tokeq(sc, i, "p") ? 12 : 0;
		if (ispc(sc, i + 3, '.') && att(sc, i + 3))
			return i + 4;
		return i + 3;
	}
	return 0;
}

/*
 * A bare hour's part of the day: "6 in the morning", "11 at night",
 * "11 tonight".  *h (the hour) is moved to the 24-hour clock.
 */
static size_t
pdaypart(const struct dates_scan *sc, size_t j, int *h)
{
	const char *p = NULL;
	size_t e = 0;

	if (*h < 1 || *h > 12)
		return 0;
	if (has(sc, j, C_IN) && has(sc, j + 1, C_ARTICLES) && has(sc, j + 2, C_DAYPARTS))
		p = svl(sc, j + 2, C_DAYPARTS), e = j + 3;
	else if (has(sc, j, C_AT) && has(sc, j + 1, C_DAYPARTS))
		p = svl(sc, j + 1, C_DAYPARTS), e = j + 2;
	else if (has(sc, j, C_DEICTIC_PART) && has(sc, j, C_DEICTIC) && ivl(sc, j, C_DEICTIC) == 0)
		p = svl(sc, j, C_DEICTIC_PART), e = j + 1;	/* 11 tonight */
	if (!p)
		return 0;
	if (!strcmp(p, "MO"))
		*h %= 12;
	else if (strcmp(p, "NI") || *h >= 6)
		*h = *h % 12 + 12;
	return e;
}

/* 10:27 PM, 22:27, 10 a.m. ET, noon, 9 o'clock */
static int
r_time(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k;
	int h, mi = 0, s = 0, hs = 0, add = -1, strong = 0;
	int sg;

	if (has(sc, i, C_CLOCK)) {
		h = ivl(sc, i, C_CLOCK);
		j = i + 1;
		strong = 1;
	} else {
		if (!isnum(sc, i) || TK(i)->nd > 2 || money(sc, i))
			return 0;
		if (i >= 2 && att(sc, i) && isnum(sc, i - 2) && sc->tk[i - 1].kind == TP &&
		    strchr(":/.,", sc->tk[i - 1].ch) && !sc->joined)
			return 0;
		h = (int)TK(i)->num;
		j = i + 1;
		if ((ispc(sc, j, ':') || ispc(sc, j, '.')) && att(sc, j) && isnum(sc, j + 1) &&
		    att(sc, j + 1) && TK(j + 1)->nd == 2) {
			int dot = ispc(sc, j, '.');
			mi = (int)TK(j + 1)->num;
			j += 2;
			if (ispc(sc, j, ':') && att(sc, j) && isnum(sc, j + 1) && att(sc, j + 1) &&
			    TK(j + 1)->nd == 2) {
				s = (int)TK(j + 1)->num, hs = 1;
				j += 2;
			}
			if (dot && !pmer(sc, j, &add))
				return 0;
			if (h < 12 && ispc(sc, j, '-') && isnum(sc, j + 1) && ispc(sc, j + 2, ':') &&
			    isnum(sc, j + 3) && TK(j + 3)->nd == 2 && pmer(sc, j + 4, &add) && add == 12 &&
			    TK(j + 1)->num >= h && TK(j + 1)->num < 12)
				h += 12;
			if (isnum(sc, j) && att(sc, j))
				return 0;
			if (ispc(sc, j, ':') && att(sc, j) && isnum(sc, j + 1))
				return 0;
			strong = 1;
		}
		if ((k = pmer(sc, j, &add))) {
			if (h < 1 || h > 12)
				return 0;
			h = h % 12 + add;
			j = k;
			strong = 1;
		} else if ((k = phr(sc, C_OCLOCK, j, NULL, NULL))) {
			j += k;
			strong = 1;
		} else if (!strong && (k = pdaypart(sc, j, &h))) {
			j = k;
			strong = 1;
		} else if (isword(sc, j) && att(sc, j) && !strong)
			return 0;
		if (!strong)
			return 0;
		if (h > 24 || mi > 59 || s > 60)
			return 0;
	}
	sg = has(sc, j, C_ZONES) && (TK(j)->cap == 2 || TK(j)->b1 - TK(j)->b0 == 1) &&
	    !(TK(j)->b1 - TK(j)->b0 == 1 && !att(sc, j));
	if (sg)
		j++;
	settx(m, i, j, TY_TIME, "");
	m->istime = 1;
	m->h = h, m->mi = mi, m->s = s, m->hs = hs;
	{
		char d[64];
		if (sc->ref->have)
			putday(d, refday(sc->ref));
		else
			snprintf(d, sizeof d, "XXXX-XX-XX");
		timeval(m->val, d, h, mi, s, hs);
	}
	return 1;
}

static int
yearnear(const struct dates_scan *sc)
{
	return sc->ref->have ? sc->ref->y : -1;
}

/* [the] first quarter [of 2025 | 2025]; Q1 2025; the first half of the year */
static int
r_quarter(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k;
	int q, y = -1, half = 0;

	if (tokeq(sc, j, "q") && TK(j)->cap && isnum(sc, j + 1) && att(sc, j + 1) &&
	    TK(j + 1)->num >= 1 && TK(j + 1)->num <= 4 && TK(j + 1)->nd == 1) {
		q = (int)TK(j + 1)->num;
		j += 2;
	} else {
		if (has(sc, j, C_ARTICLES))
			j++;
		if (!has(sc, j, C_ORDINALS) || ivl(sc, j, C_ORDINALS) > 4)
			return 0;
		q = ivl(sc, j, C_ORDINALS);
		j++;
		if (has(sc, j, C_HALF) && q <= 2)
			half = 1;
		else if (!(has(sc, j, C_UNITS) && ivl(sc, j, C_UNITS) == U_Q))
			return 0;
		j++;
	}
	k = j;
	if (has(sc, k, C_OF))
		k++;
	if (pyear(sc, k, &y, 0))
		j = pyear(sc, k, &y, 0);
	else if (has(sc, k - 1, C_OF) && has(sc, k, C_ARTICLES) && tokeq(sc, k + 1, "year"))
		j = k + 2, y = yearnear(sc);
	else if (has(sc, k - 1, C_OF) && has(sc, k, C_RELATIVE) && tokeq(sc, k + 1, "year") &&
	    sc->ref->have)
		y = sc->ref->y + ivl(sc, k, C_RELATIVE), j = k + 2;
	else if ((y = yearnear(sc)) >= 0) {
		int cur = half ? (sc->ref->m - 1) / 6 + 1 : (sc->ref->m - 1) / 3 + 1;
		if (q > cur && !forward(sc, i))
			y--;
	}
	settx(m, i, j, TY_DATE, "");
	if (y >= 0)
		snprintf(m->val, sizeof m->val, half ? "%04d-H%d" : "%04d-Q%d", y, q);
	else
		snprintf(m->val, sizeof m->val, half ? "XXXX-H%d" : "XXXX-Q%d", q);
	return 1;
}

/* [the] season [of] [2025] */
static int
r_season(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i, k;
	int y = -1, the = 0;
	const char *p;

	if (has(sc, j, C_ARTICLES))
		j++, the = 1;
	if (!has(sc, j, C_SEASONS))
		return 0;
	p = svl(sc, j, C_SEASONS);
	j++;
	k = j;
	if (has(sc, k, C_OF))
		k++;
	if ((k = pyear(sc, k, &y, 0))) {
		j = k;
	} else {
		if (!the && !(i > 0 && has(sc, i - 1, C_IN)))
			return 0;
		if (isword(sc, j) && !has(sc, j, C_OF) && !TK(j)->cap && (TK(j)->lx == NULL ||
		    !(TK(j)->lx->f & ~(1ULL << C_SHIFT | 1ULL << C_SHIFT_CLOCK |
		    1ULL << C_WORKDAYS | 1ULL << C_UNITS_CMP))))
			return 0;	/* "summer camp", "the fall out" */
		y = yearnear(sc);
	}
	settx(m, i, j, TY_DATE, "");
	if (y >= 0 || y < -1)
		snprintf(m->val, sizeof m->val, "%04d-%s", y, p);
	else
		snprintf(m->val, sizeof m->val, "XXXX-%s", p);
	return 1;
}

static int r_inner(struct dates_scan *, size_t, struct tx *);

/* early/late/mid X; the beginning/end of X */
static int
r_mod(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i;
	const char *mod;
	struct tx in;

	if (has(sc, j, C_ARTICLES) && has(sc, j + 1, C_BOUNDARIES) && has(sc, j + 2, C_OF)) {
		mod = svl(sc, j + 1, C_BOUNDARIES);
		j += 3;
		if (has(sc, j, C_ARTICLES) && has(sc, j + 1, C_UNITS) && !has(sc, j + 1, C_UNITS_ATT)) {
			int u = ivl(sc, j + 1, C_UNITS);
			if (u != U_Y && u != U_M && u != U_W && u != U_DE && u != U_CE)
				return 0;
			settx(m, i, j + 2, TY_DATE, "");
			if (!relunit(sc, m->val, 0, u))
				return 0;
			m->mod = mod;
			return 1;
		}
	} else if (has(sc, j, C_MODIFIERS) || (has(sc, j, C_ARTICLES) && has(sc, j + 1, C_MODIFIERS))) {
		if (has(sc, j, C_ARTICLES))
			j++;	/* the mid-1990s */
		mod = svl(sc, j, C_MODIFIERS);
		j++;
		if (ispc(sc, j, '-') && att(sc, j))
			j++;
	} else
		return 0;
	if (!r_inner(sc, j, &in) || in.type != TY_DATE || in.dayp)
		return 0;
	*m = in;
	m->t0 = i;
	m->mod = mod;
	return 1;
}

/* 1990s, the 1990s, the '90s */
static int
r_decade(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t j = i;
	int y;

	if (has(sc, j, C_ARTICLES))
		j++;
	if (ispc(sc, j, '\'') && isnum(sc, j + 1) && TK(j + 1)->nd == 2 && att(sc, j + 1))
		j++;
	if (!isnum(sc, j) || (TK(j)->nd != 4 && TK(j)->nd != 2) || TK(j)->num % 10 != 0 ||
	    !tokeq(sc, j + 1, "s") || !att(sc, j + 1) || money(sc, j))
		return 0;
	y = (int)TK(j)->num;
	if (TK(j)->nd == 2)
		y += y < 30 ? 2000 : 1900;
	settx(m, i, j + 2, TY_DATE, "");
	snprintf(m->val, sizeof m->val, "%03d", y / 10);
	return 1;
}

/* a bare year: in 2026, the 2024 election */
static int
r_year(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t e;
	int y;

	if (!isnum(sc, i) || TK(i)->nd != 4 || money(sc, i) || inbig(sc, i))
		return 0;
	if (!(e = pyear(sc, i, &y, 0)))
		return 0;
	if (e == i + 1 && (y < 1000 || y > 2200))
		return 0;
	if (e == i + 1 && (y < 1900 || y > 2100) && !(i > 0 && has(sc, i - 1, C_YEAR_BEFORE)))
		return 0;
	if (has(sc, e, C_NOT_AFTER) || has(sc, e, C_UNITS) || has(sc, e, C_UNITS_PL) ||
	    (has(sc, e, C_ZONES) && TK(e)->cap == 2))
		return 0;
	if (i > 0 && isnum(sc, i - 1))
		return 0;
	if (ispc(sc, e, '-') && att(sc, e) && isnum(sc, e + 1) && att(sc, e + 1) && TK(e + 1)->nd != 4)
		return 0;
	settx(m, i, e, TY_DATE, "");
	if (y < 0)
		snprintf(m->val, sizeof m->val, "BC%04d", -y);
	else
		snprintf(m->val, sizeof m->val, "%04d", y);
	return 1;
}

static int
r_fixed(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t k;
	const char *v;

	if (!(k = phr(sc, C_FIXED, i, NULL, &v)))
		return 0;
	if (k == 1 && isname(sc, i))
		return 0;
	settx(m, i, i + k, TY_DATE, v);
	return 1;
}

/* on the 10th */
static int
r_nth(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t e;
	int d, ord, y, mo;

	if (i == 0 || !has(sc, i - 1, C_ON) || !has(sc, i, C_ARTICLES))
		return 0;
	if (!(e = pday(sc, i + 1, &d, &ord)) || !ord || !isnum(sc, i + 1))
		return 0;
	settx(m, i, e, TY_DATE, "");
	if (!sc->ref->have) {
		snprintf(m->val, sizeof m->val, "XXXX-XX-%02d", d);
		return 1;
	}
	y = sc->ref->y, mo = sc->ref->m;
	if (d > sc->ref->d && !forward(sc, i) && --mo < 1)
		mo = 12, y--;
	if (!okday(y, mo, d))
		return 0;
	putday(m->val, dfc(y, mo, d));
	m->dayp = 1;
	return 1;
}

/* the year, the week: the current one */
static int
r_theunit(struct dates_scan *sc, size_t i, struct tx *m)
{
	int u;

	if (!has(sc, i, C_ARTICLES) || !has(sc, i + 1, C_UNITS) || has(sc, i + 1, C_UNITS_ATT))
		return 0;
	u = ivl(sc, i + 1, C_UNITS);
	if (u != U_Y && u != U_WE)
		return 0;
	if (has(sc, i + 2, C_BEFORE_AFTER) || has(sc, i + 2, C_THIS_PREFIX) ||
	    has(sc, i + 2, C_AGO) || isnum(sc, i + 2) || tokeq(sc, i + 2, "that") ||
	    tokeq(sc, i + 2, "when") || tokeq(sc, i + 2, "in") || tokeq(sc, i + 2, "of"))
		return 0;
	settx(m, i, i + 2, TY_DATE, "");
	if (u == U_WE) {
		int wy, wk;
		long z;
		if (!sc->ref->have) {
			snprintf(m->val, sizeof m->val, "XXXX-WXX-WE");
			return 1;
		}
		z = refday(sc->ref);
		if (wday(z) < 6 && !forward(sc, i))
			z -= 7;
		isoweek(z, &wy, &wk);
		snprintf(m->val, sizeof m->val, "%04d-W%02d-WE", wy, wk);
		return 1;
	}
	return relunit(sc, m->val, 0, u);
}

/* Christmas, New Year's Day: a fixed day of a year */
static int
r_holiday(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t k;
	int md, y, e;

	if (!(k = phr(sc, C_HOLIDAYS, i, &md, NULL)) || !TK(i)->cap)
		return 0;
	e = (int)(i + k);
	if (isword(sc, (size_t)e) && TK(e)->cap && !has(sc, (size_t)e, C_MONTHS))
		return 0;	/* Christmas Island */
	if ((size_t)e < sc->nt && pyear(sc, (size_t)e, &y, 0))
		e = (int)pyear(sc, (size_t)e, &y, 0);
	else
		y = yearfor(sc, i, md / 100, md % 100);
	settx(m, i, (size_t)e, TY_DATE, "");
	dayval(sc, m->val, y, md / 100, md % 100);
	m->dayp = 1;
	return 1;
}

typedef int (*rule_fn)(struct dates_scan *, size_t, struct tx *);
static int best(struct dates_scan *, size_t, struct tx *);
static void combine(struct dates_scan *, struct tx *);

/*
 * The day (or the moment, for "now") an offset counts from, read off
 * a matched expression; 0 when it is no such point.
 */
static int
anchorref(const struct dates_scan *sc, const struct tx *a, struct dates_ref *r)
{
	if (strcmp(a->val, "PRESENT_REF") == 0) {
		if (!sc->ref->have)
			return 0;
		*r = *sc->ref;
		return 1;
	}
	if (a->type != TY_DATE && a->type != TY_TIME)
		return 0;
	return dates_parse_ref(a->val, strlen(a->val), r) == 0;
}

/*
 * What "two years later" counts from: the last date found before it in
 * the text when that is as fine as the offset ("sales grew in 2001 and
 * a year later" is 2002), else the reference.
 */
static const struct dates_ref *
narrbase(const struct dates_scan *sc, const struct dur *dd)
{
	int u = dd->u[dd->n - 1], need;

	need = u == U_Y || u == U_DE || u == U_CE ? U_Y : u == U_M || u == U_Q ? U_M :
	    u == U_W || u == U_D ? U_D : U_H;
	if (!sc->lastgrain || sc->lastgrain < need)
		return sc->ref;
	return &sc->last;
}

/* Remembers m's value as the last date of the text, if it is one. */
static void
setlast(struct dates_scan *sc, const struct tx *m)
{
	const char *v = m->val;
	size_t n = strlen(v), k;
	struct dates_ref r = { 0 };

	for (k = 0; k < 4 && k < n; k++)
		if (v[k] < '0' || v[k] > '9')
			return;
	if (m->type != TY_DATE && m->type != TY_TIME)
		return;
	r.have = 1;
	r.y = atoi(v), r.m = 1, r.d = 1;
	if (n == 4 || (n > 5 && v[4] == '-' && (v[5] == 'Q' || v[5] == 'H' ||
	    (v[5] >= 'A' && v[5] <= 'Z' && v[6] >= 'A' && v[6] <= 'Z')))) {
		sc->last = r, sc->lastgrain = U_Y;	/* 2004, 2004-Q4, 2004-SU */
	} else if (n == 7 && v[4] == '-' && v[5] >= '0' && v[5] <= '1' && v[6] >= '0' && v[6] <= '9') {
		r.m = atoi(v + 5);
		if (r.m < 1 || r.m > 12)
			return;
		sc->last = r, sc->lastgrain = U_M;
	} else if (dates_parse_ref(v, n, &r) == 0) {
		sc->last = r, sc->lastgrain = r.hastime ? U_H : U_D;
	}
}

/* A point dur away from base (dir): the value, its type and grain. */
static int
offsetval(const struct dates_scan *sc, struct tx *m, const struct dates_ref *base,
    int dir, const struct dur *dd)
{
	int u = dd->u[dd->n - 1];

	if (dd->x)
		return 0;
	if ((u == U_H || u == U_MIN || u == U_S) && base->have && !base->hastime)
		return 0;
	shiftr(base, m->val, dir, dd, u == U_W ? U_D : u);
	m->type = (u == U_H || u == U_MIN || u == U_S) && base->have ? TY_TIME : TY_DATE;
	m->dayp = (u == U_D || u == U_W) && base->have;
	m->durpt = 1, m->dir = dir, m->dd = *dd;
	(void)sc;
	return 1;
}

/*
 * [approx] N units later | earlier; N units before | after ANCHOR,
 * where the anchor is a day ("2 days after tomorrow", "a week before
 * yesterday", "2 months before 02/02", "2 days after next Friday"),
 * or nothing ("15 minutes before." counts from the reference).
 */
static int
r_offset(struct dates_scan *sc, size_t i, struct tx *m)
{
	static const rule_fn anchors[] = { r_deictic, r_weekday, r_slash, r_iso, r_mdy, r_dmy, r_fixed };
	size_t j = i, k, e, q;
	const char *mod = NULL;
	struct dur dd;
	struct dates_ref base;
	struct tx a;
	int dir;

	if (has(sc, i, C_ARTICLES) && !has(sc, i, C_NUMBERS) && has(sc, i + 1, C_UNITS) &&
	    !has(sc, i + 1, C_UNITS_ATT) && ivl(sc, i + 1, C_UNITS) != U_WE &&
	    has(sc, i + 2, C_BEFORE_AFTER) && clauseend(sc, i + 3)) {
		/* "the day before", "the year after": one unit from the reference */
		struct dur one = { 1, 0, { 1 }, { 0 } };
		one.u[0] = ivl(sc, i + 1, C_UNITS);
		settx(m, i, i + 3, TY_DATE, "");
		return offsetval(sc, m, narrbase(sc, &one), ivl(sc, i + 2, C_BEFORE_AFTER), &one);
	}
	if ((k = phr(sc, C_APPROX, j, NULL, &mod)))
		j += k;
	if (!(e = pdurs(sc, j, &dd)) || dd.x)
		return 0;
	if (has(sc, e, C_SHIFT)) {
		settx(m, i, e + 1, TY_DATE, "");
		if (!offsetval(sc, m, narrbase(sc, &dd), ivl(sc, e, C_SHIFT), &dd))
			return 0;
	} else if (has(sc, e, C_SHIFT_CLOCK) && dd.u[0] >= U_H && dd.u[0] <= U_S &&
	    !has(sc, e + 1, C_OF) && !tokeq(sc, e + 1, "from")) {
		/* "15 minutes out"; "six weeks out" (injured) is not a point */
		settx(m, i, e + 1, TY_DATE, "");
		if (!offsetval(sc, m, sc->ref, ivl(sc, e, C_SHIFT_CLOCK), &dd) || !sc->ref->have)
			return 0;
	} else if (has(sc, e, C_BEFORE_AFTER)) {
		dir = ivl(sc, e, C_BEFORE_AFTER);
		sc->mdok = 1;
		for (q = 0; q < sizeof anchors / sizeof anchors[0]; q++)
			if (anchors[q](sc, e + 1, &a) && anchorref(sc, &a, &base))
				break;
		sc->mdok = 0;
		if (q < sizeof anchors / sizeof anchors[0]) {
			settx(m, i, a.t1, TY_DATE, "");
			if (!offsetval(sc, m, &base, dir, &dd))
				return 0;
		} else if (clauseend(sc, e + 1)) {
			settx(m, i, e + 1, TY_DATE, "");
			if (!offsetval(sc, m, narrbase(sc, &dd), dir, &dd))
				return 0;
		} else
			return 0;
	} else
		return 0;
	m->mod = mod && strcmp(mod, "APPROX") == 0 ? mod : NULL;
	return 1;
}

/* A point moved by a signed offset after it: "next Tuesday +10 days", "now + 40minutes". */
static void
signedafter(struct dates_scan *sc, struct tx *m)
{
	struct dates_ref base;
	struct dur dd;
	struct tx t;
	size_t j = m->t1, e;
	int dir;

	if (!(ispc(sc, j, '+') || ispc(sc, j, '-')) || !TK(j)->sp || !isnum(sc, j + 1))
		return;
	if (TK(j)->ch == '-' && !att(sc, j + 1))
		return;	/* "Monday - 3 days" may be a list */
	if (m->mod || m->type == TY_DURATION || m->type == TY_SET || !anchorref(sc, m, &base))
		return;
	dir = TK(j)->ch == '+' ? 1 : -1;
	if (!(e = pdurs(sc, j + 1, &dd)) || dd.x || (isword(sc, e) && att(sc, e)) ||
	    (isnum(sc, e) && att(sc, e)))
		return;
	t = *m;
	if (!offsetval(sc, &t, &base, dir, &dd))
		return;
	t.t1 = e;
	*m = t;
}

/* +2 months, 5 days; -3y: a signed offset from the reference. */
static int
r_signed(struct dates_scan *sc, size_t i, struct tx *m)
{
	struct dur dd;
	size_t e;
	int dir;

	if (!(ispc(sc, i, '+') || ispc(sc, i, '-')) || !isnum(sc, i + 1) || !att(sc, i + 1))
		return 0;
	if (i > 0 && TK(i)->sp == 0 && !ispc(sc, i - 1, '('))
		return 0;
	if (i > 0 && (isnum(sc, i - 1) || has(sc, i - 1, C_UNITS) || has(sc, i - 1, C_UNITS_PL)))
		return 0;	/* a range: "10 -15 days" */
	dir = TK(i)->ch == '+' ? 1 : -1;
	if (!(e = pdurs(sc, i + 1, &dd)) || dd.x || (isword(sc, e) && att(sc, e)) ||
	    (isnum(sc, e) && att(sc, e)))
		return 0;
	settx(m, i, e, TY_DATE, "");
	if (!offsetval(sc, m, sc->ref, dir, &dd))
		return 0;
	return 1;
}

/* next weekday, last business day: the working day after or before the reference */
static int
r_workday(struct dates_scan *sc, size_t i, struct tx *m)
{
	size_t k;
	int rel;
	long z;

	if (!has(sc, i, C_RELATIVE) || (rel = ivl(sc, i, C_RELATIVE)) == 0 ||
	    !(k = phr(sc, C_WORKDAYS, i + 1, NULL, NULL)))
		return 0;
	if ((i > 0 && has(sc, i - 1, C_ARTICLES)) || has(sc, i + 1 + k, C_OF))
		return 0;	/* "the last weekday of the month" */
	settx(m, i, i + 1 + k, TY_DATE, "");
	m->dayp = 1;
	if (!sc->ref->have) {
		snprintf(m->val, sizeof m->val, "XXXX-XX-XX");
		return 1;
	}
	z = refday(sc->ref);
	do
		z += rel;
	while (wday(z) > 5);
	putday(m->val, z);
	return 1;
}

/*
 * The start of a range whose end holds what the start leaves out:
 * "8 - 11pm" (20:00), "10 - 11 at night", "22-23 Feb at 7pm".  The
 * start is its own expression; the end is found after it.
 */
static int
r_range(struct dates_scan *sc, size_t i, struct tx *m)
{
	struct tx t;
	int a, h, d;
	const char *v;

	if (!isnum(sc, i) || TK(i)->nd > 2 || money(sc, i) || !ispc(sc, i + 1, '-') ||
	    !isnum(sc, i + 2) || TK(i + 2)->nd > 2)
		return 0;
	if (i >= 2 && att(sc, i) && TK(i - 1)->kind == TP && isnum(sc, i - 2))
		return 0;	/* 555-12-20 */
	if (att(sc, i + 1) != att(sc, i + 2))
		return 0;	/* "8 -11pm" */
	if (ispc(sc, i + 3, '-') && isnum(sc, i + 4))
		return 0;	/* a chain, 1-2-3, is no range (and no deep recursion) */
	a = (int)TK(i)->num;
	if (!best(sc, i + 2, &t) || t.t0 != i + 2)
		return 0;
	combine(sc, &t);
	v = t.val;
	if (strlen(v) < 10 || v[4] != '-' || v[7] != '-')
		return 0;
	if (t.type == TY_TIME && t.istime && strlen(v) >= 16 && v[10] == 'T') {
		/* hours: the end's half of the day when the start fits in it */
		if (a > 12 || TK(i + 2)->num > 12)
			return 0;
		h = atoi(v + 11);
		if (h >= 12 && a < 12 && a + 12 <= h)
			a += 12;
		else if (a > h)
			return 0;
		char day[16];
		memcpy(day, v, 10);
		day[10] = '\0';
		settx(m, i, i + 1, TY_TIME, "");
		timeval(m->val, day, a, 0, 0, 0);
		return 1;
	}
	if (!t.dayp && t.type != TY_TIME)
		return 0;
	if (t.istime || v[5] == 'X' || v[8] == 'X')
		return 0;
	/* days: "22-23 Feb" */
	d = atoi(v + 8);
	if (d != TK(i + 2)->num || a >= d || !okday(v[0] == 'X' ? 2000 : atoi(v), atoi(v + 5), a))
		return 0;
	settx(m, i, i + 1, t.type, v);
	m->val[8] = (char)('0' + a / 10);
	m->val[9] = (char)('0' + a % 10);
	m->dayp = t.dayp;
	return 1;
}

static const rule_fn rules[] = {
	r_iso, r_slash, r_mdy, r_dmy, r_weekday, r_deictic, r_fixed, r_rel,
	r_ago, r_in, r_quarter, r_season, r_mod, r_decade, r_year, r_set,
	r_time, r_dur, r_nth, r_theunit, r_holiday,
};

/*
 * What a rule's first token must be, read off its first tests: the
 * categories of the word (and of the phrases it starts, for r_fixed
 * and r_holiday, r_ago, r_in, r_dur), or one of these (bits above the
 * categories).  A rule asked at a token outside its mask would return 0
 * at once.  r_ago, r_in and r_dur read a duration at the token (after
 * "about"), which best() looks at before r_offset: outside DUR_START
 * there is none, and best() notes that itself.  A new rule needs a mask
 * here, and a change to a rule's first tests a change to its mask.
 */
#define S_NUM (1ULL << 55)	/* a number */
#define S_NUM2 (1ULL << 56)	/* of at most two digits */
#define S_NUM4 (1ULL << 57)	/* of four */
#define S_APOS (1ULL << 58)	/* ' */
#define S_Q (1ULL << 59)	/* the word q */
#define DUR_START (CB(C_APPROX) | CB(C_HALF) | CB(C_NUMBERS) | S_NUM)
_Static_assert(NCAT <= 55, "the S_ bits are above the categories");
static const uint64_t rulestart[] = {
	S_NUM4,						/* r_iso */
	S_NUM2,						/* r_slash */
	CB(C_WEEKDAYS) | CB(C_MONTHS),			/* r_mdy */
	CB(C_WEEKDAYS) | CB(C_ARTICLES) | CB(C_ORDINALS) | CB(C_NUMBERS) | S_NUM, /* r_dmy */
	CB(C_RELATIVE) | CB(C_WEEKDAYS_PL) | CB(C_WEEKDAYS), /* r_weekday */
	CB(C_ARTICLES) | CB(C_DEICTIC),			/* r_deictic */
	CB(C_FIXED),					/* r_fixed */
	CB(C_ARTICLES) | CB(C_THIS_PREFIX) | CB(C_RELATIVE), /* r_rel */
	DUR_START,					/* r_ago */
	DUR_START,					/* r_in */
	S_Q | CB(C_ARTICLES) | CB(C_ORDINALS),		/* r_quarter */
	CB(C_ARTICLES) | CB(C_SEASONS),			/* r_season */
	CB(C_ARTICLES) | CB(C_MODIFIERS),		/* r_mod */
	S_NUM | S_APOS | CB(C_ARTICLES),		/* r_decade */
	S_NUM4,						/* r_year */
	CB(C_FREQ) | CB(C_EVERY),			/* r_set */
	CB(C_CLOCK) | S_NUM2,				/* r_time */
	DUR_START | CB(C_UNITS_PL),			/* r_dur */
	CB(C_ARTICLES),					/* r_nth */
	CB(C_ARTICLES),					/* r_theunit */
	CB(C_HOLIDAYS),					/* r_holiday */
};
_Static_assert(sizeof rulestart / sizeof rulestart[0] == sizeof rules / sizeof rules[0],
    "a mask for each rule");
_Static_assert(sizeof rules / sizeof rules[0] <= 32, "a bit for each rule");

/* rulesof[b]: bit k set when rulestart[k] has bit b. */
static void
rules_index(uint32_t *rulesof)
{
	size_t k;
	uint64_t b;

	for (k = 0; k < sizeof rules / sizeof rules[0]; k++)
		for (b = rulestart[k]; b; b &= b - 1)
			rulesof[__builtin_ctzll(b)] |= 1u << k;
}

/* The bits of token i the masks are read against. */
static uint64_t
startbits(const struct dates_scan *sc, size_t i)
{
	const struct tok *t = TK(i);
	uint64_t b = t->lf;

	if (t->lx)
		b |= t->lx->phcats & (CB(C_FIXED) | CB(C_HOLIDAYS) | CB(C_APPROX));
	if (t->kind == TN)
		b |= S_NUM | (t->nd <= 2 ? S_NUM2 : 0) | (t->nd == 4 ? S_NUM4 : 0);
	else if (t->kind == TP)
		b |= t->ch == '\'' ? S_APOS : 0;
	else if (t->b1 - t->b0 == 1 && (sc->s[t->b0] | 0x20) == 'q')
		b |= S_Q;
	return b;
}

/* What a modifier or boundary can wrap. */
static int
r_inner(struct dates_scan *sc, size_t i, struct tx *m)
{
	static const rule_fn inner[] = { r_mdy, r_rel, r_season, r_decade, r_year, r_quarter };
	struct tx t;
	size_t k;
	int got = 0;

	for (k = 0; k < sizeof inner / sizeof inner[0]; k++)
		if (inner[k](sc, i, &t) && (!got || t.t1 > m->t1)) {
			*m = t;
			got = 1;
		}
	return got;
}

static int
best(struct dates_scan *sc, size_t i, struct tx *m)
{
	struct tx t;
	size_t k;
	int got = 0;
	uint64_t sb = startbits(sc, i), b;
	uint32_t which = 0;

	for (b = sb; b; b &= b - 1)
		which |= sc->rulesof[__builtin_ctzll(b)];
	if (!(sb & DUR_START)) {
		/* what pdurs() from r_ago and r_dur would leave: no duration at i */
		sc->memo->i = i;
		sc->memo->e = 0;
	}
	/* the rules in their order, as the lowest bit first */
	for (; which; which &= which - 1)
		if (k = (size_t)__builtin_ctz(which), rules[k](sc, i, &t) && (!got || t.t1 > m->t1)) {
			*m = t;
			got = 1;
		}
	/* the rules that start on one kind of token only, asked only there */
	if (TK(i)->kind == TP) {
		if (r_signed(sc, i, &t) && (!got || t.t1 > m->t1))
			*m = t, got = 1;
		return got;
	}
	/* r_dur has just read the duration here (or after "about"), if any */
	if ((has(sc, i, C_ARTICLES) || (sc->memo->e && sc->memo->i >= i && sc->memo->i <= i + MAXPT)) &&
	    r_offset(sc, i, &t) && (!got || t.t1 > m->t1))
		*m = t, got = 1;
	if (TK(i)->kind == TN && ispc(sc, i + 1, '-') && r_range(sc, i, &t) && (!got || t.t1 > m->t1))
		*m = t, got = 1;
	if (has(sc, i, C_RELATIVE) && r_workday(sc, i, &t) && (!got || t.t1 > m->t1))
		*m = t, got = 1;
	return got;
}

/* A date then a time, a time then a date, a day then a part of the day. */
static void
combine(struct dates_scan *sc, struct tx *m)
{
	struct tx t;
	size_t j = m->t1;
	char d[64];
	int got;

	if (m->wdonly) {
		size_t k = j;
		if (ispc(sc, k, ','))
			k++;
		if (r_slash(sc, k, &t) || r_iso(sc, k, &t)) {
			t.t0 = m->t0;
			*m = t;
			j = m->t1;
		}
	}
	if (m->type == TY_TIME && !m->istime && strlen(m->val) == 13 && m->val[4] == '-' &&
	    m->val[10] == 'T') {	/* tonight at 8, this afternoon at 3 */
		size_t k = j;
		const char *p = m->val + 11;
		if (has(sc, k, C_AT) || has(sc, k, C_BEFORE_AFTER))
			k++;
		if (r_time(sc, k, &t)) {
			memcpy(d, m->val, 10);
			d[10] = '\0';
			timeval(m->val, d, t.h, t.mi, t.s, t.hs);
			m->t1 = t.t1;
		} else if (has(sc, k - 1, C_AT) && isnum(sc, k) && TK(k)->nd <= 2 &&
		    TK(k)->num >= 1 && TK(k)->num <= 12 && !isword(sc, k + 1)) {
			int h = (int)TK(k)->num;
			if (strcmp(p, "MO") && (strcmp(p, "NI") || h >= 6))
				h = h % 12 + 12;
			memcpy(d, m->val, 10);
			d[10] = '\0';
			timeval(m->val, d, h, 0, 0, 0);
			m->t1 = k + 1;
		}
		return;
	}
	if (m->dayp) {
		if (ispc(sc, j, ',') || has(sc, j, C_AT) || ispc(sc, j, '*') ||
		    (has(sc, j, C_BEFORE_AFTER) && isnum(sc, j + 1)) ||
		    (att(sc, j) && (ispc(sc, j, '.') || ispc(sc, j, ':') || ispc(sc, j, '-') || tokeq(sc, j, "t"))))
			j++;
		sc->joined = j > m->t1 && att(sc, j);
		got = r_time(sc, j, &t);
		sc->joined = 0;
		if (got) {
			memcpy(d, m->val, 11);
			d[10] = '\0';
			timeval(m->val, d, t.h, t.mi, t.s, t.hs);
			/* an ISO zone: Z, +05:30, -05:30 */
			j = t.t1;
			if (tokeq(sc, j, "z") && att(sc, j))
				j++;
			else if ((ispc(sc, j, '+') || ispc(sc, j, '-')) && att(sc, j) &&
			    isnum(sc, j + 1) && att(sc, j + 1) && TK(j + 1)->nd == 2 &&
			    ispc(sc, j + 2, ':') && isnum(sc, j + 3) && TK(j + 3)->nd == 2)
				j += 4;
			/* "Thu Oct 26 11:00:09 EDT 2023": the year after the time */
			{
				int y;
				size_t k;
				/* "10:00 - 11:00:09 2023": after the range's end */
				if (ispc(sc, j, '-') && r_time(sc, j + 1, &t) && t.istime &&
				    isnum(sc, t.t1) && TK(t.t1)->nd == 4)
					j = t.t1;
				k = has(sc, j, C_ZONES) && TK(j)->cap == 2 ? j + 1 : j;
				if (isnum(sc, k) && TK(k)->nd == 4 && pyear(sc, k, &y, 0) == k + 1 &&
				    y >= 1000 && y <= 9999 && !isnum(sc, k + 1) && notcount(sc, k + 1)) {
					char yb[16];
					snprintf(yb, sizeof yb, "%04d", y);
					memcpy(m->val, yb, 4);
					j = k + 1;
				}
			}
			m->t1 = j;
			m->type = TY_TIME;
			m->dayp = 0;
			return;
		}
		if (has(sc, m->t1, C_DAYPARTS) && !ispc(sc, m->t1 - 1, ',')) {
			size_t n = strlen(m->val);
			snprintf(m->val + n, sizeof m->val - n, "T%s", svl(sc, m->t1, C_DAYPARTS));
			m->t1++;
			m->type = TY_TIME;
			m->dayp = 0;
		}
		return;
	}
	if (m->istime) {
		if (ispc(sc, j, ',') || has(sc, j, C_ON) || ispc(sc, j, '*') || ispc(sc, j, '-'))
			j++;
		if ((r_mdy(sc, j, &t) || r_dmy(sc, j, &t) || r_slash(sc, j, &t) ||
		    r_iso(sc, j, &t) || r_weekday(sc, j, &t) || r_deictic(sc, j, &t)) && t.dayp) {
			memcpy(d, t.val, 11);
			d[10] = '\0';
			timeval(m->val, d, m->h, m->mi, m->s, m->hs);
			m->t1 = t.t1;
			m->istime = 0;
		}
	}
}

/*
 * The code point offset of byte b, a token's edge, as tokenize() counts
 * (a byte below 0x80 or what decode() reads is one): b itself in an
 * ASCII text, else counted on from the last answer (emit asks in order).
 */
static size_t
cpos(struct dates_scan *sc, size_t b)
{
	const unsigned char *u = (const unsigned char *)sc->s;
	int k;

	if (!sc->ex)
		return b;
	if (b < sc->cb)
		sc->cb = sc->cc = 0;
	while (sc->cb < b) {
		if (u[sc->cb] < 0x80)
			sc->cb++;
		else {
			(void)decode(u + sc->cb, sc->len - sc->cb, &k);
			sc->cb += (size_t)k;
		}
		sc->cc++;
	}
	return sc->cc;
}

static void
emit(struct dates_scan *sc, const struct tx *m, struct buf *out, size_t n)
{
	const struct tok *a = TK(m->t0), *b = TK(m->t1 - 1);

	if (n)
		buf_addc(out, ',');
	buf_add(out, "{\"start\":", 9);
	buf_addu(out, cpos(sc, a->b0));
	buf_add(out, ",\"end\":", 7);
	buf_addu(out, cpos(sc, b->b1));
	buf_add(out, ",\"text\":", 8);
	json_escape(out, sc->s + a->b0, b->b1 - a->b0);
	buf_add(out, ",\"type\":\"", 9);
	buf_adds(out, tyname[m->type]);
	buf_add(out, "\",\"value\":\"", 11);
	buf_adds(out, m->val);
	buf_addc(out, '"');
	if (m->mod) {
		buf_add(out, ",\"mod\":\"", 8);
		buf_adds(out, m->mod);
		buf_addc(out, '"');
	}
	buf_addc(out, '}');
}

#define B(c) (1ULL << (c))
#define START_MASK (B(C_MONTHS) | B(C_WEEKDAYS) | B(C_WEEKDAYS_PL) | B(C_UNITS_PL) | \
	B(C_NUMBERS) | B(C_ORDINALS) | B(C_RELATIVE) | B(C_DEICTIC) | B(C_SEASONS) | \
	B(C_MODIFIERS) | B(C_APPROX) | B(C_FIXED) | B(C_EVERY) | B(C_FREQ) | B(C_CLOCK) | \
	B(C_ARTICLES) | B(C_HALF) | B(C_THIS_PREFIX) | B(C_HOLIDAYS) | PHRASE_FIRST)

/* Could a rule start at this token at all?  (Most words cannot.) */
static int
trigger(const struct dates_scan *sc, size_t i)
{
	const struct tok *t = TK(i);

	if (t->kind == TN)
		return 1;
	if (t->kind == TP)
		return t->ch == '\'' || ((t->ch == '+' || t->ch == '-') && i + 1 < sc->nt &&
		    sc->tk[i + 1].kind == TN);
	return (t->lf & START_MASK) || (t->cap && t->b1 - t->b0 == 1);
}

size_t
dates_find(struct dates_scan *sc, const char *text, size_t len,
    const struct dates_ref *ref, struct buf *out)
{
	size_t i = 0, n = 0;
	struct tx m;

	sc->s = text;
	sc->len = len;
	sc->ref = ref;
	sc->lastgrain = 0;
	sc->mdok = 0;
	sc->memo->i = SIZE_MAX;
	sc->cb = sc->cc = 0;
	tokenize(sc, sc->lex, text, len);
	buf_addc(out, '[');
	if (!(sc->anchors & A_WORD)) {
		/* no anchor word: is there an anchor phrase? */
		int found = 0;
		size_t q, nq = sc->nphi, all = nq > sizeof sc->phi / sizeof sc->phi[0];
		uint64_t cs;

		/* the tokens noted, or past 16 of them all */
		for (q = 0; q < (all ? sc->nt : nq) && !found; q++) {
			i = all ? q : sc->phi[q];
			if (sc->tk[i].lx && (sc->tk[i].lx->anchor & A_PHRASE))
				for (cs = sc->tk[i].lx->phcats & A_PHRASE_CATS; cs && !found;
				    cs &= cs - 1)
					if (phr(sc, __builtin_ctzll(cs), i, NULL, NULL))
						found = 1;
		}
		if (!found) {
			buf_addc(out, ']');
			return 0;
		}
		i = 0;
	}
	while (i < sc->nt) {
		if (!trigger(sc, i) || !best(sc, i, &m)) {
			i++;
			continue;
		}
		combine(sc, &m);
		signedafter(sc, &m);
		/* a trailing point belongs to the sentence, not to "Nov." */
		while (m.t1 > m.t0 + 1 && ispc(sc, m.t1 - 1, '.') && m.t1 == sc->nt &&
		    !(m.t1 >= 2 && tokeq(sc, m.t1 - 2, "m")))
			m.t1--;
		emit(sc, &m, out, n++);
		setlast(sc, &m);
		i = m.t1;
	}
	buf_addc(out, ']');
	return n;
}
