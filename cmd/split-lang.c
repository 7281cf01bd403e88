/*
 * split-lang: what lede-split knows of the language, read once: the
 * word lists of the sentence splitter, the months and the dateline and
 * boilerplate patterns, from data/en/split.yaml, the short titles of
 * data/en/titles.yaml and a -c file; and the two questions they answer
 * of a paragraph: is it boilerplate, does it give a date?
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcre2.h>

#include "buf.h"
#include "civil.h"
#include "conf.h"
#include "scan.h"
#include "split-lang.h"
#include "split-seg.h"
#include "utf8.h"
#include "util.h"

#define DATELINE_BYTES 300	/* of a paragraph, from its start, searched for a date */
#define BOILER_BYTES 300	/* longer lines are never boilerplate */

struct lang {
	struct seg seg;
	struct buf boiler_src, date_src, dateline_src;
	pcre2_code *boiler, *dateline;
	pcre2_match_data *md;
	struct { char *name; int num; } *months;
	size_t nmonths;
};

/* Puts text in for each {name} of a pattern. */
static void
expand(struct buf *dst, const char *src, const char *name, const char *text)
{
	const char *p;
	size_t k = strlen(name);

	buf_reset(dst);
	while ((p = strstr(src, name))) {
		buf_add(dst, src, p - src);
		buf_adds(dst, text);
		src = p + k;
	}
	buf_adds(dst, src);
}

/*
 * A pattern compiled, caseless and Unicode-aware; a fault dies, at its
 * place in the file c when there is one.  jit: it will be matched, not
 * only checked.
 */
static pcre2_code *
compile(const char *what, const char *pat, uint32_t flags, struct conf *c, yaml_node_t *at,
    int jit)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	pcre2_code *re;
	int err;

	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | flags, &err, &off, NULL);
	if (!re) {
		pcre2_get_error_message(err, msg, sizeof msg);
		if (c)
			conf_fail(c, at, "%s: bad pattern: %s at offset %zu", what, msg, (size_t)off);
		die(EX_ERR, "%s patterns: %s at offset %zu", what, msg, (size_t)off);
	}
	if (jit)	/* not for a pattern only checked */
		pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

static void
add_words(struct conf *c, yaml_node_t *root, const char *key, struct strtab *ws)
{
	yaml_node_item_t *it;
	yaml_node_t *list, *item;
	const char *w;

	if (!(list = conf_get(c, root, key)))
		return;
	conf_want(c, list, YAML_SEQUENCE_NODE, key);
	CONF_SEQ_EACH(c, list, item, it) {
		if (!(w = conf_str(item)))
			conf_fail(c, item, "%s: each item should be a word", key);
		/* Stored without a final full stop, as they are looked up. */
		seg_word_add(ws, w, strlen(w) - (w[0] && w[strlen(w) - 1] == '.'));
	}
}

static void
add_patterns(struct conf *c, yaml_node_t *root, const char *key, struct buf *src)
{
	yaml_node_item_t *it;
	yaml_node_t *list, *item;
	struct buf one = { 0 }, tmp = { 0 };
	const char *p;

	if (!(list = conf_get(c, root, key)))
		return;
	conf_want(c, list, YAML_SEQUENCE_NODE, key);
	CONF_SEQ_EACH(c, list, item, it) {
		if (!(p = conf_str(item)))
			conf_fail(c, item, "%s: each item should be a pattern", key);
		/* Each is checked alone, so that an error names its place. */
		expand(&tmp, p, "{date}", "(?:x)");
		expand(&one, tmp.s, "{month}", "(?:x)");
		pcre2_code_free(compile(key, one.s, 0, c, item, 0));
		buf_printf(src, "%s(?:%s)", src->len ? "|" : "", p);
	}
	buf_free(&one);
	buf_free(&tmp);
}

static void
add_months(struct lang *lang, struct conf *c, yaml_node_t *root)
{
	yaml_node_pair_t *pair;
	yaml_node_t *map;
	const char *k, *v;
	const char *e;
	long num;

	if (!(map = conf_get(c, root, "months")))
		return;
	conf_want(c, map, YAML_MAPPING_NODE, "months");
	CONF_MAP_EACH(map, pair) {
		k = conf_str(conf_node(c, pair->key));
		v = conf_str(conf_node(c, pair->value));
		num = v ? strtonum(v, 1, 12, &e) : 0;
		if (!k || !v || e)
			conf_fail(c, conf_node(c, pair->value),
			    "months: each value should be a month number from 1 to 12");
		lang->months = xrealloc(lang->months, (lang->nmonths + 1) * sizeof *lang->months);
		lang->months[lang->nmonths].name = xstrdup(k);
		lang->months[lang->nmonths].num = num;
		lang->nmonths++;
	}
}

/* Dies at a key of the file's mapping root that load_conf does not read. */
static void
check_keys(struct conf *c, yaml_node_t *root)
{
	static const char *const keys[] = { "prefixes", "numbered", "abbreviations",
	    "times", "timezones", "openers", "starters", "months", "boilerplate",
	    "date", "datelines" };
	yaml_node_pair_t *pair;
	yaml_node_t *kn;
	const char *k;
	size_t i;

	CONF_MAP_EACH(root, pair) {
		kn = conf_node(c, pair->key);
		if (!(k = conf_str(kn)))
			conf_fail(c, kn, "key is not a string");
		for (i = 0; i < sizeof keys / sizeof *keys && strcmp(k, keys[i]) != 0; i++)
			;
		if (i == sizeof keys / sizeof *keys)
			conf_fail(c, kn, "unknown key '%s'", k);
	}
}

static void
load_conf(struct lang *lang, const char *path)
{
	struct conf c;
	yaml_node_t *root;

	conf_load(&c, path);
	root = conf_want(&c, conf_root(&c), YAML_MAPPING_NODE, "the file");
	check_keys(&c, root);
	add_words(&c, root, "prefixes", &lang->seg.prefixes);
	add_words(&c, root, "numbered", &lang->seg.numbered);
	add_words(&c, root, "abbreviations", &lang->seg.abbreviations);
	add_words(&c, root, "times", &lang->seg.times);
	add_words(&c, root, "timezones", &lang->seg.timezones);
	add_words(&c, root, "openers", &lang->seg.openers);
	add_words(&c, root, "starters", &lang->seg.starters);
	add_months(lang, &c, root);
	add_patterns(&c, root, "boilerplate", &lang->boiler_src);
	add_patterns(&c, root, "date", &lang->date_src);
	add_patterns(&c, root, "datelines", &lang->dateline_src);
	conf_free(&c);
}

/* The short titles of en/titles.yaml: before a name, they never end a sentence. */
static void
load_titles(struct lang *lang)
{
	static const char *lists[] = { "honorifics", "honorifics_more", "honorifics_rare",
		"abbreviated", "abbreviated_more", "abbreviated_rare" };
	struct conf c;
	yaml_node_t *root;
	char *path = data_path("en/titles.yaml");
	size_t i;

	conf_load(&c, path);
	root = conf_want(&c, conf_root(&c), YAML_MAPPING_NODE, "the file");
	for (i = 0; i < sizeof lists / sizeof *lists; i++)
		add_words(&c, root, lists[i], &lang->seg.prefixes);
	conf_free(&c);
	free(path);
}

/* For qsort: the longer month name first, so that the alternation takes all of it. */
static int
longer_first(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;

	return (int)strlen(y) - (int)strlen(x);
}

struct lang *
lang_load(const char *user)
{
	struct lang *lang = xcalloc(1, sizeof *lang);
	struct buf a = { 0 }, b = { 0 }, months = { 0 };
	char **names;
	size_t i;
	char *path = data_path("en/split.yaml");

	seg_init(&lang->seg);
	load_conf(lang, path);
	free(path);
	load_titles(lang);
	if (user)
		load_conf(lang, user);
	if (lang->boiler_src.len) {
		buf_printf(&a, "^\\s*(?:%s)\\s*$", lang->boiler_src.s);
		lang->boiler = compile("boilerplate", a.s, 0, NULL, NULL, 1);
	}
	/* the datelines, {date} the date forms, {month} the month names */
	if (lang->dateline_src.len && lang->date_src.len && lang->nmonths) {
		names = xmalloc(lang->nmonths * sizeof *names);
		for (i = 0; i < lang->nmonths; i++)
			names[i] = lang->months[i].name;
		qsort(names, lang->nmonths, sizeof *names, longer_first);
		for (i = 0; i < lang->nmonths; i++)
			buf_printf(&months, "%s%s", i ? "|" : "", names[i]);
		free(names);
		expand(&a, lang->date_src.s, "{month}", months.s);
		buf_reset(&b);
		buf_printf(&b, "(?:%s)", a.s);
		expand(&a, lang->dateline_src.s, "{date}", b.s);
		expand(&b, a.s, "{month}", months.s);
		buf_reset(&a);
		buf_printf(&a, "(?J)(?:%s)", b.s);
		lang->dateline = compile("dateline", a.s, 0, NULL, NULL, 1);
	}
	/* room for every group of the datelines, else the later ones are never set */
	lang->md = lang->dateline ? pcre2_match_data_create_from_pattern(lang->dateline, NULL) :
	    pcre2_match_data_create(32, NULL);
	buf_free(&a);
	buf_free(&b);
	buf_free(&months);
	return lang;
}

void
lang_free(struct lang *l)
{
	struct strtab *t[] = { &l->seg.prefixes, &l->seg.numbered, &l->seg.abbreviations,
	    &l->seg.times, &l->seg.timezones, &l->seg.openers, &l->seg.starters };
	size_t i;

	for (i = 0; i < sizeof t / sizeof *t; i++)
		strtab_free(t[i]);
	buf_free(&l->boiler_src);
	buf_free(&l->date_src);
	buf_free(&l->dateline_src);
	for (i = 0; i < l->nmonths; i++)
		free(l->months[i].name);
	free(l->months);
	pcre2_code_free(l->boiler);
	pcre2_code_free(l->dateline);
	pcre2_match_data_free(l->md);
	free(l);
}

const struct seg *
lang_seg(const struct lang *lang)
{
	return &lang->seg;
}

int
lang_boiler(const struct lang *lang, const char *s, size_t n)
{
	return lang->boiler && n <= BOILER_BYTES &&
	    pcre2_match(lang->boiler, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK,
	    lang->md, NULL) >= 0;
}

/* The text of the group name of the last match into dst; -1 if it took none. */
static int
group(const struct lang *lang, const char *name, char *dst, size_t cap)
{
	PCRE2_SIZE len = cap;

	if (pcre2_substring_copy_byname(lang->md, (PCRE2_SPTR)name,
	    (PCRE2_UCHAR *)dst, &len) < 0 || len == 0)
		return -1;
	return 0;
}

#define DIGIT(c) ((unsigned)((unsigned char)(c) - '0') < 10u)

int
lang_date(const struct lang *lang, const char *s, size_t n, char *dct)
{
	char y[8], m[16], dd[8];
	long year, mon = 0, day;
	size_t i, k;

	if (!lang->dateline)
		return 0;
	if (n > DATELINE_BYTES) {
		/* Cut at a character boundary. */
		for (n = DATELINE_BYTES; n > 0 && !UTF8_START(s[n]); n--)
			;
	}
	/* Every date form has a year: look for one, from digit to digit, before the patterns. */
	for (i = 0; (i = scan_digit((const unsigned char *)s, i, n)) + 4 <= n; i++)
		if ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))
			if (DIGIT(s[i + 2]) && DIGIT(s[i + 3]))
				break;
	if (i + 4 > n)
		return 0;
	if (pcre2_match(lang->dateline, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK,
	    lang->md, NULL) < 0)
		return 0;
	if (group(lang, "year", y, sizeof y) < 0 || group(lang, "day", dd, sizeof dd) < 0)
		return 0;
	year = atol(y);
	day = atol(dd);
	if (group(lang, "mnum", m, sizeof m) == 0) {
		mon = atol(m);
	} else if (group(lang, "month", m, sizeof m) == 0) {
		for (k = 0; m[k]; k++)
			if (m[k] >= 'A' && m[k] <= 'Z')
				m[k] += 'a' - 'A';
		for (i = 0; i < lang->nmonths; i++)
			if (strcmp(lang->months[i].name, m) == 0)
				mon = lang->months[i].num;
	}
	if (mon < 1 || mon > 12 || day < 1 || day > 31)
		return 0;
	if ((unsigned long)day > civil_mdays(year, (unsigned)mon))
		return -1;
	snprintf(dct, 16, "%04ld-%02ld-%02ld", year, mon, day);
	return 1;
}
