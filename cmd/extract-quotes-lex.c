/*
 * extract-quotes-lex: the lexicon, a strtab of the lower-case words and
 * phrases of the data by their classes, and the entity types that can
 * speak.
 */
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "extract-quotes-scan.h"
#include "hash.h"
#include "util.h"

static void
lex_put(struct qlex *l, const char *key, size_t n, unsigned cls)
{
	size_t id = strtab_intern(&l->words, key, n, NULL);	/* may move val */

	l->words.val[id].i |= (long)cls;
}

void
qlex_add(struct qlex *l, const char *word, unsigned cls)
{
	size_t i, j = 0;
	char *k;

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
		lex_put(l, k, j, cls);
		k[i] = '\0';
		qlex_add(l, k, LX_PREFIX);
		free(k);
		return;
	}
	lex_put(l, k, j, cls);
	free(k);
}

/* The hash and length of the NUL-terminated key in one pass, no strlen. */
unsigned
qlex_get(const struct qlex *l, const char *key)
{
	uint32_t h = HASH_INIT;
	const char *s;
	long id;

	for (s = key; *s; s++)
		h = hash_byte(h, (unsigned char)*s);
	id = strtab_get(&l->words, key, (size_t)(s - key), h);
	return id < 0 ? 0 : (unsigned)l->words.val[id].i;
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

	strtab_free(&l->words);
	for (i = 0; i < l->ntypes; i++)
		free(l->types[i]);
	free(l->types);
	free(l->typelen);
	memset(l, 0, sizeof *l);
}

/* ---- the data ---- */

/* Adds the words of the sequence seq (a list called name) as cls, or as speaker types if cls is 0. */
static void
load_list(struct qlex *l, struct conf *cf, yaml_node_t *seq, const char *name, unsigned cls)
{
	yaml_node_item_t *it;
	yaml_node_t *item;
	const char *s;

	conf_want(cf, seq, YAML_SEQUENCE_NODE, name);
	CONF_SEQ_EACH(cf, seq, item, it) {
		if (!(s = conf_str(item)) || !*s)
			conf_fail(cf, item, "expected a word");
		if (cls)
			qlex_add(l, s, cls);
		else
			qlex_type(l, s);
	}
}

static yaml_node_t *
need(struct conf *cf, yaml_node_t *map, const char *key)
{
	yaml_node_t *n = conf_get(cf, map, key);

	if (!n)
		conf_fail(cf, map, "no \"%s\"", key);
	return n;
}

/* The lists of en/quotes.yaml, en/quotes-names.yaml and en/titles.yaml, each its class. */
struct listkey {
	const char *key;
	unsigned cls;
};

static const struct listkey lists[] = {
	{ "speaker_types", 0 },
	{ "speaker_after", LX_AFTER },
	{ "sources", LX_SOURCE },
	{ "bodies", LX_BODY },
	{ "not_names", LX_NOTNAME },
	{ "between", LX_BETWEEN },
	{ "not_before_verb", LX_NOTVERB },
	{ "abbreviations", LX_ABBREV },
	{ "indefinite", LX_ART },
	{ "definite", LX_DEF },
	{ "agent", LX_AGENT },
	{ "quoting", LX_QUOTING },
	{ "quoting_as", LX_AS },
}, pronouns[] = {
	{ "he", LX_PRON | LX_MALE },
	{ "she", LX_PRON | LX_FEMALE },
	{ "person", LX_PRON },
	{ "group", LX_GROUP },
	{ "thing", LX_THING },
}, names[] = {
	{ "he", LX_MALE },
	{ "she", LX_FEMALE },
	{ "she_titles", LX_FEMALE_T },
}, titles[] = {	/* en/titles.yaml */
	{ "roles", LX_TITLE },
	{ "other_office", LX_OTHER },
	{ "honorifics", LX_ABBREV },
	{ "abbreviated", LX_ABBREV },
	{ "male", LX_MALE_T },
	{ "female", LX_FEMALE_T },
};

#define NKEYS(t) (sizeof (t) / sizeof *(t))

/* The lists t[0..n) of the mapping map, each its class. */
static void
load_lists(struct qlex *l, struct conf *cf, yaml_node_t *map, const struct listkey *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		load_list(l, cf, need(cf, map, t[i].key), t[i].key, t[i].cls);
}

/* The data file name, a mapping; its sub-mapping "pronouns" when pron. */
static void
load_file(struct qlex *l, const char *name, const struct listkey *t, size_t n, int pron)
{
	struct conf cf = { 0 };
	yaml_node_t *root, *pr;
	char *path;

	path = data_path(name);
	conf_load(&cf, path);
	root = conf_want(&cf, conf_root(&cf), YAML_MAPPING_NODE, "a mapping");
	load_lists(l, &cf, root, t, n);
	if (pron) {
		pr = conf_want(&cf, need(&cf, root, "pronouns"), YAML_MAPPING_NODE, "a mapping");
		load_lists(l, &cf, pr, pronouns, NKEYS(pronouns));
	}
	conf_free(&cf);
	free(path);
}

static void
load_quotes(struct qlex *l)
{
	load_file(l, "en/quotes.yaml", lists, NKEYS(lists), 1);
	load_file(l, "en/quotes-names.yaml", names, NKEYS(names), 0);
	load_file(l, "en/titles.yaml", titles, NKEYS(titles), 0);
}

/* Each verb of en/speech-verbs.yaml, and its other forms if any. */
static void
load_verbs(struct qlex *l)
{
	struct conf vf = { 0 };
	yaml_node_t *root, *verbs;
	yaml_node_pair_t *p;
	char *path;

	path = data_path("en/speech-verbs.yaml");
	conf_load(&vf, path);
	root = conf_want(&vf, conf_root(&vf), YAML_MAPPING_NODE, "a mapping");
	verbs = conf_want(&vf, need(&vf, root, "verbs"), YAML_MAPPING_NODE, "a mapping");
	CONF_MAP_EACH(verbs, p) {
		yaml_node_t *k = conf_node(&vf, p->key), *v = conf_node(&vf, p->value);
		const char *s = conf_str(k);
		if (!s || !*s)
			conf_fail(&vf, k, "expected a verb");
		qlex_add(l, s, LX_VERB);
		if (v->type == YAML_SCALAR_NODE && (!conf_str(v) || !*conf_str(v) ||
		    strcmp(conf_str(v), "~") == 0 || strcmp(conf_str(v), "null") == 0))
			continue;
		load_list(l, &vf, v, s, LX_VERB);
	}
	conf_free(&vf);
	free(path);
}

void
qlex_load(struct qlex *l)
{
	strtab_reserve(&l->words, 2047);	/* the data hold under 2,048: no rehashing */
	load_quotes(l);
	load_verbs(l);
}
