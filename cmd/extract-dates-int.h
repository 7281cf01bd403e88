/*
 * extract-dates: what the scanner's modules share (private to
 * lede-extract-dates).  The word list (extract-dates-lex.c) gives each
 * word its categories; the tokenizer (-tok.c) cuts a text into tokens
 * and looks each word up; the rules read the tokens: absolute dates
 * (-abs.c), relative expressions (-rel.c), durations and sets (-dur.c),
 * times (-time.c); -value.c computes and writes TIMEX3 values; -scan.c
 * tries the rules at each token and writes what they find.
 */
#ifndef LEDE_EXTRACT_DATES_INT_H
#define LEDE_EXTRACT_DATES_INT_H
#include <stdint.h>
#include <string.h>

#include "conf.h"
#include "extract-dates-scan.h"
#include "scan.h"
#include "strtab.h"

enum cat {
	C_MONTHS, C_MONTH_AMB, C_WEEKDAYS, C_WEEKDAYS_PL, C_UNITS, C_UNITS_PL,
	C_UNITS_ATT, C_NUMBERS, C_ORDINALS, C_ORDSUF, C_RELATIVE, C_DEICTIC,
	C_DEICTIC_PART, C_DAYPARTS, C_SEASONS, C_MODIFIERS, C_BOUNDARIES,
	C_APPROX, C_FIXED, C_AGO, C_EVERY, C_FREQ, C_MERIDIEM, C_ZONES,
	C_CLOCK, C_ERAS, C_FORWARD, C_BACKWARD, C_SUPER, C_YEAR_BEFORE,
	C_NOT_AFTER, C_NAME_WORDS, C_ARTICLES, C_OF, C_AT, C_ON, C_AND,
	C_HALF, C_TO, C_THIS_PREFIX, C_IN, C_DUR_BEFORE, C_OCLOCK, C_AGE,
	C_BEFORE_AFTER, C_SET_BEFORE, C_REL_POINT, C_HOLIDAYS, C_SHIFT,
	C_WORKDAYS, C_UNITS_CMP, C_ERA_SHIFT, C_SHIFT_CLOCK, C_DETERMINERS, C_PERIODS,
	C_MOVEABLE,
	/*
	 * From here on, in lexent.f2, not in tokens' lf: single words that
	 * a rule or two test for (has() reads either).
	 */
	C_F2, C_INDEF = C_F2, C_COUNT_OF, C_ONE, C_OTHER, C_WEEK, C_PAST, C_DAY,
	C_YEAR, C_DECADE_S, C_QLETTER, C_MER_LETTERS, C_MER_END, C_MONTH_NOT_AFTER,
	C_THEUNIT_NOT_BEFORE, C_SHIFT_NOT_BEFORE, C_TSEP, C_UTC, C_COMPARE,
	C_HALF_BEFORE, C_FIXED_NOT_BEFORE, C_FREQ_NOUNS, C_PERIOD_NOT_BEFORE,
	C_FIXED_AMID, C_PRESENT_V, C_PAST_V, C_BE, C_TIMES_N, C_TIMES,
	C_YEAR_HEAD, C_OH, C_VERB_BEFORE, C_DAYPART_NOUNS, C_BOUND, C_FOR,
	C_MODAL_FWD, C_DEFER, C_THAT, C_FINAL, C_BY, C_WD_NAME, NCAT
};
_Static_assert(NCAT - C_F2 <= 64, "f2 has a bit for each");

enum unit { U_NONE, U_Y, U_Q, U_M, U_W, U_D, U_H, U_MIN, U_S, U_DE, U_CE, U_WE };
extern const char *const unitname[];

/* What the scan reads of every word comes first, in one cache line. */
struct lexent {
	uint64_t f;
	uint64_t phcats;	/* categories of the phrases this word starts */
	uint64_t f2;		/* bit c - C_F2: in category c >= C_F2 */
	unsigned char anchor;	/* A_WORD, A_PHRASE: see lex_anchors */
	int abbr;		/* a shorter spelling of a month or weekday */
	int nphs;
	unsigned short phs[16];	/* those phrases */
	uint64_t next1;		/* bit phsig() of each one's second word */
	uint64_t sbits;		/* its start bits, those of its token but S_NUM... (see startbits) */
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

struct dates_lex {
	struct strtab words;	/* each word in lower case; val.p its lexent */
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
	uint64_t bitsl[128];	/* the same for the longer ones of ASCII letters (longkey) */
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
	uint32_t rulesof[64];	/* bit k: rule k can start on start bit b (see best) */
	uint64_t anystart;	/* the start bits of all the rules */
	uint32_t artrules;	/* bit k: rule k is one of artrules (see best) */
	uint64_t *cand;		/* bit i: token i can start a rule (tokenize), */
	size_t ccap;		/* of so many words */
	int all;		/* every rule at every token: dates_scan_all_rules() */
	struct dates_ref last;	/* the last date found in the text, */
	int lastgrain;		/* to its grain (U_Y, U_M, U_D, U_H; 0: none) */
	char lastval[64];	/* and its value as written (2004-Q4), when lastgrain, */
	unsigned long lastrec;	/* in the record numbered so (nrec) */
	unsigned long nrec;	/* the texts scanned */
	unsigned anchors;	/* the A_ bits of the tokens, A_WORD for a number */
	size_t ex;		/* bytes after the first of each character: 0, ASCII */
	size_t cb, cc;		/* cpos(): a byte offset and its code point offset */
	uint32_t phi[16];	/* the first tokens with A_PHRASE, */
	size_t nphi;		/* how many there are (past 16: not all kept) */
	/*
	 * The reporting period the text is about: the last explicit year,
	 * half, quarter or month found (2004, 2004-H1, 2004-Q4, 2004-10),
	 * carried on through the records of a document; "" none.
	 */
	char about[16];
	size_t done;		/* the end of the last expression written (a token) */
};

enum { TY_DATE, TY_TIME, TY_DURATION, TY_SET };

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
	/*
	 * A duration with a signal word ("in five years", "a month
	 * earlier", "eight years from now"): val is the point it lands on,
	 * written as "point"; the value written is dd, a DURATION.
	 */
	int sig;
	int noabout;		/* read off the period the text is about: does not set it */
	int freq;		/* a set's count in its period: "twice a week" 2 (2X); 0 none */
};

/* The first n bytes of a little-endian word. */
static const uint64_t mask8[9] = { 0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF,
	0xFFFFFFFFFFull, 0xFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFull, ~0ull };

/*
 * A word of 1 to 8 ASCII letters as one integer, in lower case (0 pads
 * it); avail: how many bytes may be read at w.
 */
static inline uint64_t
key8(const char *w, size_t n, size_t avail)
{
	unsigned char b[8] = { 0 };

	if (avail >= 8)
		return (scan_load64le((const unsigned char *)w) | 0x20 * SCAN_ONES) & mask8[n];
	memcpy(b, w, n);
	return (scan_load64le(b) | 0x20 * SCAN_ONES) & mask8[n];
}

/* A word of more than 8 ASCII letters, for bitsl: its first 8 and its length. */
static inline uint64_t
longkey(const char *w, size_t n)
{
	return key8(w, 8, 8) ^ n;
}

static inline uint32_t
hash8(uint64_t k, uint32_t m)
{
	return (uint32_t)((k * 0x9E3779B97F4A7C15ull) >> 40) & m;
}

static inline uint32_t
bit8(uint64_t k)
{
	return (uint32_t)((k * 0x9E3779B97F4A7C15ull) >> 51);	/* 13 bits */
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
 * bare; and a word of year_heads, for a year in words.)  So a text
 * without one is "[]" at once.  A rule that can match
 * without these must add its category here (tests/cases/dates.test, "A text with no anchor", and tests/3003-dates-anchors.t).
 */
#define A_WORD 1u	/* the word is an anchor */
#define A_PHRASE 2u	/* it starts a phrase that may be one */
#define CB(c) (1ULL << (c))
#define A_WORD_CATS (CB(C_MONTHS) | CB(C_WEEKDAYS) | CB(C_WEEKDAYS_PL) | CB(C_DEICTIC) | \
	CB(C_DAYPARTS) | CB(C_SEASONS) | CB(C_FIXED) | CB(C_FREQ) | CB(C_CLOCK) | \
	CB(C_HOLIDAYS) | CB(C_WORKDAYS) | CB(C_HALF) | CB(C_MOVEABLE) | CB(C_PERIODS))
#define A_PHRASE_CATS (CB(C_FIXED) | CB(C_HOLIDAYS) | CB(C_WORKDAYS) | CB(C_PERIODS) | \
	CB(C_MOVEABLE))

static inline int
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

/*
 * A phrase's word, or a token, as one of 64 bits: phr() passes over a
 * word's phrases at once when the token after it has none of their
 * second words' bits.  A word of text (lower case) by its first byte
 * and length; punctuation by its character.
 */
static inline unsigned
phsig(const char *w, size_t n)
{
	return (((unsigned char)w[0] | 0x20) + (unsigned)n * 5) & 63;
}

/* ---------- token tests ---------- */

#define TK(i) (&sc->tk[i])

static inline int
has(const struct dates_scan *sc, size_t i, int cat)
{
	if (cat >= C_F2)
		return i < sc->nt && sc->tk[i].lx && (sc->tk[i].lx->f2 >> (cat - C_F2) & 1);
	return i < sc->nt && (sc->tk[i].lf >> cat & 1);
}

static inline int
ivl(const struct dates_scan *sc, size_t i, int cat)
{
	return sc->tk[i].lx->iv[cat];
}

static inline const char *
svl(const struct dates_scan *sc, size_t i, int cat)
{
	return sc->tk[i].lx->sv[cat];
}

static inline int
ispc(const struct dates_scan *sc, size_t i, int ch)
{
	return i < sc->nt && sc->tk[i].kind == TP && sc->tk[i].ch == ch;
}

static inline int
isnum(const struct dates_scan *sc, size_t i)
{
	return i < sc->nt && sc->tk[i].kind == TN;
}

static inline int
att(const struct dates_scan *sc, size_t i)
{
	return i < sc->nt && !sc->tk[i].sp;
}

static inline int
isword(const struct dates_scan *sc, size_t i)
{
	return i < sc->nt && sc->tk[i].kind == TW;
}

typedef int (*rule_fn)(struct dates_scan *, size_t, struct tx *);

/*
 * A rule: tried at token i, it fills *m and returns 1 when an expression
 * starts there.  start holds the start bits (see startbits() in
 * extract-dates-scan.c) of the tokens it can start on: the categories
 * of the word (and of the phrases it starts, for C_FIXED, C_HOLIDAYS,
 * C_APPROX, C_PERIODS and C_MOVEABLE), or the S_ bits below.  The scan asks a rule only at a
 * token that has one of them, so a rule's first tests must fail
 * elsewhere: a change to them is a change to its mask, next to it.
 * (The rules of artrules in extract-dates-scan.c are not asked at an
 * article before a word the list does not have either.)
 * lede-extract-dates --all-rules asks every rule everywhere, and
 * tests/fuzz/fuzz-extract-dates-rules.c checks that it finds the same.
 */
struct dates_rule {
	const char *name;
	rule_fn fn;
	uint64_t start;
};
#define DATES_RULE(r, mask) \
	const struct dates_rule rule_##r = { #r, r_##r, (mask) }

#define S_NUM (1ULL << 56)	/* a number */
#define S_NUM2 (1ULL << 57)	/* of at most two digits */
#define S_NUM4 (1ULL << 58)	/* of four */
#define S_APOS (1ULL << 59)	/* ' */
#define S_Q (1ULL << 60)	/* the word q */
#define S_SIGN (1ULL << 61)	/* + or - */
/* The categories of the phrases a word starts that its start bits hold. */
#define PH_START (CB(C_FIXED) | CB(C_HOLIDAYS) | CB(C_APPROX) | CB(C_PERIODS) | CB(C_MOVEABLE))
_Static_assert(C_F2 <= 56, "the S_ bits are above the categories");
/*
 * Where a duration can start (pdurs() is 0 elsewhere): what r_ago, r_in,
 * r_dur and r_offset start on.
 */
#define DUR_START (CB(C_APPROX) | CB(C_HALF) | CB(C_NUMBERS) | S_NUM)

extern const struct dates_rule rule_iso, rule_slash, rule_mdy, rule_dmy,
    rule_weekday, rule_deictic, rule_fixed, rule_rel, rule_ago, rule_in,
    rule_quarter, rule_season, rule_mod, rule_decade, rule_year, rule_set,
    rule_time, rule_dur, rule_nth, rule_theunit, rule_holiday, rule_signed,
    rule_offset, rule_range, rule_workday, rule_period, rule_yearend, rule_spyear,
    rule_trading, rule_nthwd, rule_that;

/* extract-dates-lex.c: the word list */

/* extract-dates-tok.c: tokens and the tests that read around them */
void tokenize(struct dates_scan *, const struct dates_lex *, const char *s, size_t n);
size_t cpos(struct dates_scan *sc, size_t b);
size_t phr(const struct dates_scan *sc, int cat, size_t i, int *iv, const char **sv);
int sentstart(const struct dates_scan *sc, size_t i);
int tense(const struct dates_scan *sc, size_t i);
int forward(const struct dates_scan *sc, size_t i);
int inbig(const struct dates_scan *sc, size_t i);
int money(const struct dates_scan *sc, size_t i);
int clauseend(const struct dates_scan *sc, size_t i);
int isname(const struct dates_scan *sc, size_t i);
int endsat(const struct dates_scan *sc, int cat, size_t i);

/* extract-dates-value.c: calendar arithmetic and TIMEX3 values */
long dfc(int y, int m, int d);
int wday(long z);
void isoweek(long z, int *wy, int *wk);
long refday(const struct dates_ref *r);
void putday(char *v, long z);
char *putnd(char *v, long x, int w);
void durval(char *val, double v, int x, int u);
void durvals(char *val, const struct dur *d);
void shiftr(const struct dates_ref *r, char *v, int dir, const struct dur *d, int fine);
void timeval(char *v, const char *d, int h, int mi, int s, int hs);
void settx(struct tx *m, size_t t0, size_t t1, int type, const char *val);
void dayval(const struct dates_scan *sc, char *v, int y, int mo, int d);
int okday(int y, int mo, int d);
void wdval(const struct dates_scan *sc, char *v, int wd, int dir, int wshift);
int wdnth(const struct dates_ref *r, char *v, int wd, int d);
int seasonidx(const char *s);
int relunit(const struct dates_scan *sc, char *v, int rel, int u);
int yearnear(const struct dates_scan *sc);
int anchorref(const struct dates_scan *sc, const struct tx *a, struct dates_ref *r);
const struct dates_ref *narrbase(const struct dates_scan *sc, const struct dur *dd);
void setlast(struct dates_scan *sc, const struct tx *m);
int offsetval(const struct dates_scan *sc, struct tx *m, const struct dates_ref *base,
    int dir, const struct dur *dd);

/* extract-dates-dur.c: numbers, units, durations */
size_t pnum(const struct dates_scan *sc, size_t i, double *v, int *x);
size_t punit(const struct dates_scan *sc, size_t j, int afternum, int *u, int *plural);
size_t pdur(const struct dates_scan *sc, size_t i, double *v, int *x, int *u, int cmp);
size_t pdurs(const struct dates_scan *sc, size_t i, struct dur *d);
void setfreq(const struct dates_scan *sc, struct tx *m);

/* extract-dates-abs.c: absolute dates */
size_t pday(const struct dates_scan *sc, size_t i, int *d, int *ord);
size_t pyear(const struct dates_scan *sc, size_t i, int *y, int two);
int notcount(const struct dates_scan *sc, size_t j);
int r_mdy(struct dates_scan *sc, size_t i, struct tx *m);
int r_dmy(struct dates_scan *sc, size_t i, struct tx *m);
int r_iso(struct dates_scan *sc, size_t i, struct tx *m);
int r_slash(struct dates_scan *sc, size_t i, struct tx *m);

/* extract-dates-rel.c: relative expressions */
int r_weekday(struct dates_scan *sc, size_t i, struct tx *m);
int r_deictic(struct dates_scan *sc, size_t i, struct tx *m);
void signedafter(struct dates_scan *sc, struct tx *m);
int r_rel(struct dates_scan *sc, size_t i, struct tx *m);

/* extract-dates-time.c: clock times */
int r_time(struct dates_scan *sc, size_t i, struct tx *m);

/* extract-dates-per.c: reporting periods */
int aboutback(const struct dates_scan *sc, struct tx *m, int finer);
void setabout(struct dates_scan *sc, const struct tx *m);

/* extract-dates-scan.c: the rules tried at each token */
int best(struct dates_scan *sc, size_t i, struct tx *m);
void combine(struct dates_scan *sc, struct tx *m);

#endif
