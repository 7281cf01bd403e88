/*
 * extract-dates-lex: the word list.  Each word of the data file gets
 * its categories and values (a strtab of words, its val the entry); a
 * word that starts a phrase keeps the phrases.  Short ASCII words go
 * into a second table keyed by their bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-dates-int.h"
#include "util.h"

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
	[C_PERIODS] = { "periods", K_STR, 0, 0 },
	[C_MOVEABLE] = { "holidays_moveable", K_STR, 0, 0 },
	[C_INDEF] = { "indefinite", K_SEQ, 0, 0 },
	[C_COUNT_OF] = { "count_of", K_SEQ, 0, 0 },
	[C_ONE] = { "one_words", K_SEQ, 0, 0 },
	[C_OTHER] = { "other_words", K_SEQ, 0, 0 },
	[C_WEEK] = { "week_words", K_SEQ, 0, 0 },
	[C_PAST] = { "past_words", K_SEQ, 0, 0 },
	[C_DAY] = { "day_words", K_SEQ, 0, 0 },
	[C_YEAR] = { "year_words", K_SEQ, 0, 0 },
	[C_DECADE_S] = { "decade_suffix", K_SEQ, 0, 0 },
	[C_QLETTER] = { "quarter_letter", K_SEQ, 0, 0 },
	[C_MER_LETTERS] = { "meridiem_letters", K_INT, 0, 12 },
	[C_MER_END] = { "meridiem_end", K_SEQ, 0, 0 },
	[C_MONTH_NOT_AFTER] = { "month_alone_not_after", K_SEQ, 0, 0 },
	[C_THEUNIT_NOT_BEFORE] = { "the_unit_not_before", K_SEQ, 0, 0 },
	[C_SHIFT_NOT_BEFORE] = { "clock_shift_not_before", K_SEQ, 0, 0 },
	[C_TSEP] = { "time_separator", K_SEQ, 0, 0 },
	[C_UTC] = { "utc_suffix", K_SEQ, 0, 0 },
	[C_COMPARE] = { "compare_words", K_SEQ, 0, 0 },
	[C_HALF_BEFORE] = { "half_before", K_SEQ, 0, 0 },
	[C_PERIOD_NOT_BEFORE] = { "period_not_before", K_SEQ, 0, 0 },
	[C_FIXED_NOT_BEFORE] = { "fixed_not_before", K_SEQ, 0, 0 },
	[C_FREQ_NOUNS] = { "frequency_nouns", K_SEQ, 0, 0 },
	[C_FIXED_AMID] = { "fixed_not_amid", K_SEQ, 0, 0 },
	[C_PRESENT_V] = { "present_verbs", K_SEQ, 0, 0 },
	[C_VERB_BEFORE] = { "verb_before", K_SEQ, 0, 0 },
	[C_DAYPART_NOUNS] = { "daypart_nouns", K_SEQ, 0, 0 },
	[C_BOUND] = { "bound_words", K_SEQ, 0, 0 },
	[C_FOR] = { "for_words", K_SEQ, 0, 0 },
	[C_MODAL_FWD] = { "forward_modals", K_SEQ, 0, 0 },
	[C_DEFER] = { "defer_verbs", K_SEQ, 0, 0 },
	[C_THAT] = { "anaphor_words", K_SEQ, 0, 0 },
	[C_FINAL] = { "final_words", K_SEQ, 0, 0 },
	[C_BY] = { "deadline_words", K_SEQ, 0, 0 },
	[C_WD_NAME] = { "weekday_name_words", K_SEQ, 0, 0 },
	[C_PAST_V] = { "past_verbs", K_SEQ, 0, 0 },
	[C_BE] = { "be_words", K_SEQ, 0, 0 },
	[C_TIMES_N] = { "times_count", K_INT, 1, 100 },
	[C_TIMES] = { "times_words", K_SEQ, 0, 0 },
	[C_YEAR_HEAD] = { "year_heads", K_INT, 10, 1000 },
	[C_OH] = { "year_oh", K_SEQ, 0, 0 },
};

/* The categories a data file must have. */
static const int required[] = { C_MONTHS, C_WEEKDAYS, C_UNITS, C_UNITS_PL, C_NUMBERS };

static const char *mods[] = { "START", "MID", "END", "APPROX", "MORE_THAN",
	"LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS", NULL };

#define POOLN 32

static struct lexent *
lex_add(struct dates_lex *lx, const char *s, size_t n)
{
	struct lexent *e;
	size_t i, id;
	int isnew;

	id = strtab_intern(&lx->words, s, n, &isnew);
	if (!isnew)
		return lx->words.val[id].p;
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
	lx->words.val[id].p = e;
	if (n <= 24 && e->w[0] >= 'a' && e->w[0] <= 'z')
		lx->lenfirst[n] |= 1u << (e->w[0] - 'a');
	else if (n <= 24)
		lx->lenfirst[n] = ~0u;
	return e;
}

/* Fills the table of short words, once all are in. */
static void
lex_index8(struct dates_lex *lx)
{
	size_t i, j, n = 0, cap = 64;

	n = lx->words.n;
	while (cap < 4 * n)	/* a quarter full: few hits probe twice; the bitmap turns most misses away */
		cap *= 2;
	lx->t8 = xcalloc(cap, sizeof *lx->t8);
	lx->m8 = (uint32_t)(cap - 1);
	for (i = 0; i < lx->words.n; i++) {
		const struct lexent *e = lx->words.val[i].p;
		uint64_t k;
		uint32_t h;

		if (e->n < 1)
			continue;
		for (j = 0; j < e->n; j++)
			if (e->w[j] < 'a' || e->w[j] > 'z')
				break;
		if (j < e->n)
			continue;
		if (e->n > 8) {
			k = longkey(e->w, e->n);
			lx->bitsl[bit8(k) >> 6] |= 1ull << (bit8(k) & 63);
			continue;
		}
		k = key8(e->w, e->n, 0);
		for (h = hash8(k, lx->m8); lx->t8[h].k; h = (h + 1) & lx->m8)
			;
		lx->t8[h].k = k;
		lx->t8[h].e = e;
		lx->bits8[bit8(k) >> 6] |= 1ull << (bit8(k) & 63);
	}
}

static void
lex_anchors(struct dates_lex *lx)
{
	size_t i;

	for (i = 0; i < lx->words.n; i++) {
		struct lexent *e = lx->words.val[i].p;

		/* a year in words starts with or holds a year_heads word */
		if ((e->f & A_WORD_CATS) || (e->f2 >> (C_YEAR_HEAD - C_F2) & 1) ||
		    ((e->f & (CB(C_UNITS) | CB(C_UNITS_PL))) && (!(e->f & CB(C_UNITS_ATT)) ||
		    ((e->f & CB(C_UNITS)) && e->iv[C_UNITS] == U_Q))))
			e->anchor |= A_WORD;
		if (e->phcats & A_PHRASE_CATS)
			e->anchor |= A_PHRASE;
		/* the start bits of its token (startbits()); S_Q for a word only */
		e->sbits = e->f | (e->phcats & PH_START) |
		    ((e->f2 >> (C_QLETTER - C_F2) & 1) ? S_Q : 0);
	}
	for (i = 0; i < sizeof lx->punct / sizeof lx->punct[0]; i++)
		if (lx->punct[i])
			lx->punct[i]->sbits &= ~S_Q;
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

/* The words of phrase p, key in tokens tk, in lower case. */
static void
phrase_words(struct dates_lex *lx, struct conf *c, yaml_node_t *kn, int cat,
    struct phrase *p, const char *key, const struct tok *tk)
{
	size_t i;

	for (i = 0; i < (size_t)p->nt; i++) {
		const struct tok *t = &tk[i];
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

static void
add_key(struct dates_lex *lx, struct conf *c, yaml_node_t *kn, int cat, int iv, const char *sv)
{
	struct dates_scan tmp = { 0 };
	const char *key = conf_str(kn);
	struct lexent *e;

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
		if (cat >= C_F2)
			e->f2 |= 1ULL << (cat - C_F2);
		else
			e->f |= 1ULL << cat;
		e->iv[cat] = iv;
		e->sv[cat] = sv;
	} else {
		struct phrase *p;

		if (cat >= C_F2)
			conf_fail(c, kn, "%s: one word, not \"%s\"", cats[cat].name, key);

		if (lx->nph == lx->cph) {
			lx->cph = lx->cph ? lx->cph * 2 : 32;
			lx->ph = xrealloc(lx->ph, lx->cph * sizeof *lx->ph);
		}
		p = &lx->ph[lx->nph++];
		memset(p, 0, sizeof *p);
		if (tmp.tk[0].kind == TW) {
			e = lex_add(lx, key + tmp.tk[0].b0, tmp.tk[0].b1 - tmp.tk[0].b0);
		} else if (tmp.tk[0].kind == TP && tmp.tk[0].ch < 128 && tmp.tk[0].ch != '?') {
			char one[2] = { (char)tmp.tk[0].ch, 0 };
			e = lex_add(lx, one, 1);
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
		phrase_words(lx, c, kn, cat, p, key, tmp.tk);
		/* the second word as text or as punctuation (see phr()) */
		e->next1 |= 1ULL << phsig(p->t[1], p->n[1]);
		if (p->n[1] == 1)
			e->next1 |= 1ULL << ((unsigned char)p->t[1][0] & 63);
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

/* The value of a word of a mapping category: *iv or *sv, by its kind. */
static void
readval(struct dates_lex *lx, struct conf *c, yaml_node_t *wv, int cat, int *iv,
    const char **sv)
{
	const char *v = conf_str(wv);
	size_t j;
	int u, mo, d;
	char x;

	*iv = 0;
	*sv = NULL;
	switch (cats[cat].kind) {
	case K_INT:
		*iv = intval(c, wv, cat);
		break;
	case K_UNIT:
		for (u = 1; u <= U_WE; u++)
			if (v && strcmp(v, unitname[u]) == 0)
				break;
		if (u > U_WE)
			conf_fail(c, wv, "%s: unknown unit \"%s\"", cats[cat].name, v ? v : "");
		*iv = u;
		break;
	case K_MD:
		if (!v || sscanf(v, "%2d-%2d%c", &mo, &d, &x) != 2 || !okday(2000, mo, d))
			conf_fail(c, wv, "%s: expected MM-DD", cats[cat].name);
		*iv = mo * 100 + d;
		break;
	case K_MOD:
		for (j = 0; mods[j]; j++)
			if (v && strcmp(v, mods[j]) == 0)
				break;
		if (!mods[j])
			conf_fail(c, wv, "%s: unknown mod \"%s\"", cats[cat].name, v ? v : "");
		*sv = mods[j];
		break;
	default:
		if (!v || !*v || strlen(v) > 24)
			conf_fail(c, wv, "%s: expected a short string", cats[cat].name);
		*sv = keep(lx, v);
	}
}

/* A month or weekday spelling shorter than another of the same value is an abbreviation. */
static void
lex_abbrs(struct dates_lex *lx)
{
	size_t i, j;
	struct lexent *mw[256];
	size_t n = 0;

	for (i = 0; i < lx->words.n; i++) {
		struct lexent *e = lx->words.val[i].p;

		if ((e->f & (1ULL << C_MONTHS | 1ULL << C_WEEKDAYS)) &&
		    n < sizeof mw / sizeof mw[0])
			mw[n++] = e;
	}
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

struct dates_lex *
dates_lex_load(struct conf *c)
{
	struct dates_lex *lx = xcalloc(1, sizeof *lx);

	strtab_init(&lx->words, STRTAB_ICASE);
	/* most words of a text are none of these: a sparse table misses fast */
	strtab_reserve(&lx->words, 2048);
	yaml_node_t *root = conf_want(c, conf_root(c), YAML_MAPPING_NODE, "the data file");
	yaml_node_pair_t *pair;
	int seen[NCAT] = { 0 };
	size_t i;

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
				const char *sv;
				int iv;

				readval(lx, c, wv, cat, &iv, &sv);
				add_key(lx, c, wk, cat, iv, sv);
			}
		}
	}
	for (i = 0; i < sizeof required / sizeof required[0]; i++)
		if (!seen[required[i]])
			conf_fail(c, root, "missing \"%s\"", cats[required[i]].name);
	lex_abbrs(lx);
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
	for (i = 0; i < lx->words.n; i++) {
		struct lexent *e = lx->words.val[i].p;

		if (e->w != e->wb)
			free(e->w);
	}
	strtab_free(&lx->words);
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
