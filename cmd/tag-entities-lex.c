/*
 * tag-entities-lex: the lexicon, a hash map from folded words and
 * phrases to their flags and entities, and its loading from YAML.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tag-entities-priv.h"
#include "util.h"

static const char *builtin_types[] = { "PERSON", "NORP", "ORG", "GPE", "LOC" };

/* ---- the hash map, its keys in an arena ---- */

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

struct slot *
map_put(struct map *m, const struct buf *arena, size_t koff, size_t n, int *isnew)
{
	uint32_t h = key_hash(arena->s + koff, n);
	struct slot *s;

	if ((s = map_find(m, arena->s, arena->s + koff, n, h))) {
		*isnew = 0;
		return s;
	}
	*isnew = 1;
	return map_ins(m, koff, n, h);
}

struct slot *
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

void
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

void
map_free(struct map *m)
{
	free(m->tab);
	free(m->used);
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
	strtab_free(&x->words);
	free(x->wval);
	free(x->fast);
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
	struct buf b;
	size_t i;

	buf_reset(&x->tmp);
	tokenize(s, strlen(s), tv, &x->tmp);
	if (tv->n == 1) {
		/* one word, the whole of tmp, which has room for a NUL */
		b = x->key;
		x->key = x->tmp;
		x->tmp = b;
		x->key.s[x->key.len] = '\0';
		return 1;
	}
	buf_reset(&x->key);
	for (i = 0; i < tv->n; i++) {
		if (i)
			buf_addc(&x->key, tv->t[i].f & TK_HYPH ? '-' : ' ');
		buf_add(&x->key, x->tmp.s + tv->t[i].fo, tv->t[i].fl);
	}
	return tv->n;
}

/* The slot of key k[0..n), its key_hash h, made if it is new. */
static struct slot *
key_sloth(struct lex *x, const char *k, size_t n, uint32_t h)
{
	size_t id;
	int isnew;

	/* the caller may change the slot: lex_find must read wval again */
	if (x->fast) {
		free(x->fast);
		x->fast = NULL;
		x->nfast = 0;
	}
	id = strtab_internh(&x->words, k, n, h, &isnew);
	if (!isnew)
		return &x->wval[id];
	if (id == x->wcap) {
		x->wcap = x->wcap ? x->wcap * 2 : 1024;
		x->wval = xrealloc(x->wval, x->wcap * sizeof *x->wval);
	}
	memset(&x->wval[id], 0, sizeof *x->wval);
	x->wval[id].ent = -1;
	return &x->wval[id];
}

static struct slot *
key_slot(struct lex *x, const char *k, size_t n)
{
	return key_sloth(x, k, n, key_hash(k, n));
}

/* k[0..n), n at most 16 (LF_KEY), to d: a few moves, not a memcpy call. */
static void
key_copy(char *d, const char *k, size_t n)
{
	if (n >= 8) {
		memcpy(d, k, 8);
		memcpy(d + n - 8, k + n - 8, 8);
	} else if (n >= 4) {
		memcpy(d, k, 4);
		memcpy(d + n - 4, k + n - 4, 4);
	} else if (n >= 2) {
		memcpy(d, k, 2);
		memcpy(d + n - 2, k + n - 2, 2);
	} else if (n == 1)
		*d = *k;
}

/*
 * Copies words and wval into one table, at most half full, so a word's
 * lookup reads one cache line, not the strtab's slot, the key's length,
 * the key and wval, each somewhere else.
 */
void
lex_freeze(struct lex *x)
{
	struct lexfast *f;
	size_t id, i, j, m, n, ns = 1024;
	uint32_t h;

	while (ns < 2 * x->words.n)
		ns *= 2;
	free(x->fast);
	x->fast = xcalloc(ns, sizeof *x->fast);
	m = ns - 1;
	/* the strtab's slots have each word's key_hash, not to be worked out again */
	for (j = 0; j < x->words.nslot; j++) {
		if (!x->words.slot[j].id)
			continue;
		id = x->words.slot[j].id - 1;
		n = x->words.klen[id];
		h = x->words.slot[j].h;
		for (i = h & m; x->fast[i].s.hash; i = (i + 1) & m)
			;
		f = &x->fast[i];
		f->s = x->wval[id];
		f->s.hash = h;
		f->s.koff = (uint32_t)id;
		f->s.klen = (uint32_t)n;
		if (n <= LF_KEY)
			key_copy(f->k, x->words.key[id], n);
	}
	x->nfast = ns;
}

struct slot *
lex_slot(struct lex *x, const char *s, struct toks *tv)
{
	if (phrase_key(x, s, tv) == 0)
		return NULL;
	/* a word's key is its folded form, whose hash tokenize() has */
	if (tv->n == 1)
		return key_sloth(x, x->key.s, x->key.len, tv->t[0].h);
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

void
lex_word(struct lex *x, const char *s, uint32_t flag, struct toks *tv)
{
	struct slot *sl = lex_slot(x, s, tv);

	if (sl)
		sl->val = (int32_t)((uint32_t)sl->val | flag);
}

int
lex_ent(struct lex *x, struct conf *c, yaml_node_t *n, const char *name,
    const char *type, int weak, struct toks *tv)
{
	struct slot *sl = lex_slot(x, name, tv);

	if (!sl) {
		if (!c)
			return -2;	/* the caller reads the file again with libyaml */
		conf_fail(c, n, "entity name has no word in it");
	}
	return lex_ent_key(x, name, type, weak, tv);
}

/* Its key in x->key, its words in tv. */
int
lex_ent_key(struct lex *x, const char *name, const char *type, int weak, struct toks *tv)
{
	struct slot *sl;
	struct lexent *e;
	size_t off;

	add_prefixes(x, tv);
	if (tv->n > x->maxntok)
		x->maxntok = tv->n;
	sl = key_slot(x, x->key.s, x->key.len);	/* the map may have grown */
	if (sl->ent >= 0 && strcmp(x->arena.s + x->ents[sl->ent].id, name) == 0) {
		/*
		 * the same name again: the hand-kept files come after the
		 * generated ones, the user's after both.  (The name of
		 * another entity's alias is a new entity, and the alias is
		 * its now.)
		 */
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

int
lex_alias(struct lex *x, struct conf *c, yaml_node_t *n, const char *alias, int ent,
    struct toks *tv)
{
	struct slot *sl = lex_slot(x, alias, tv);

	if (!sl) {
		if (!c)
			return -2;
		conf_fail(c, n, "alias has no word in it");
	}
	add_prefixes(x, tv);
	if (tv->n > x->maxntok)
		x->maxntok = tv->n;
	sl = key_slot(x, x->key.s, x->key.len);	/* the map may have grown */
	sl->ent = ent;
	sl->val |= F_ENT;
	return 0;
}

int
lex_validtype(const char *t)
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
		if (!lex_validtype(type))
			conf_fail(c, v, "type '%s' is not upper-case letters", type);
		ent = lex_ent(x, c, item, name, type, 0, tv);
		if ((v = conf_get(c, item, "aliases"))) {
			conf_want(c, v, YAML_SEQUENCE_NODE, "aliases");
			CONF_SEQ_EACH(c, v, a, it2)
				lex_alias(x, c, a, want_str(c, a, "alias"), ent, tv);
		}
	}
}

static const struct {
	const char *key;
	uint32_t flag;
} wordlists[] = {
	{ "first-names", F_FIRST }, { "words", F_WORD }, { "not-names", F_NOTNAME },
	{ "org-words", F_ORGW }, { "org-heads", F_ORGHEAD }, { "loc-words", F_LOCW },
	{ "gpe-words", F_GPEW }, { "heads", F_TITLE }, { "prefixes", F_TPREFIX },
	{ "honorifics", F_HONOR }, { "connectors", F_CONN }, { "person-verbs", F_PVERB },
	{ "place-cues", F_PLACECUE }, { "misc-words", F_MISC }, { "misc-heads", F_MISCHEAD },
	{ "loc-heads", F_LOCHEAD }, { "org-cues", F_ORGCUE }, { "lower", F_LOWTITLE },
	{ "place-nouns", F_PLACENOUN }, { "appos-ends", F_APPEND },
	{ "sport-words", F_SPORTW }, { "team-plural", F_TEAMPL }, { "team-verbs", F_TEAMV },
	{ "team-nouns", F_TEAMN }, { "team-before", F_TEAMB }, { "team-heads", F_TEAMHEAD },
	{ "male", F_MALE }, { "female", F_FEMALE }, { "speaker-before", F_SPEAKB },
	{ "team-places", F_SIDE },
};

uint32_t
lex_listflag(const char *key)
{
	size_t i;

	for (i = 0; i < sizeof wordlists / sizeof *wordlists; i++)
		if (strcmp(key, wordlists[i].key) == 0)
			return wordlists[i].flag;
	return 0;
}

/* The categories of en/titles.yaml read here, each its flag; the others are for other programs. */
static const struct {
	const char *key;
	int flag;
} titlelists[] = {
	{ "honorifics", F_HONOR }, { "honorifics_more", F_HONOR },
	{ "honorifics_ambiguous", F_HONOR }, { "abbreviated", F_TITLE },
	{ "abbreviated_more", F_TITLE }, { "heads", F_TITLE }, { "office_prefixes", F_TPREFIX },
	{ "lower", F_LOWTITLE }, { "male", F_MALE }, { "male_more", F_MALE },
	{ "female", F_FEMALE }, { "female_more", F_FEMALE },
};

void
lex_add_titles(struct lex *x, struct conf *c)
{
	yaml_node_t *root = conf_want(c, conf_root(c), YAML_MAPPING_NODE, "the file");
	yaml_node_item_t *it;
	yaml_node_t *v, *item;
	struct toks tv = { 0 };
	size_t i;

	for (i = 0; i < sizeof titlelists / sizeof *titlelists; i++) {
		if (!(v = conf_get(c, root, titlelists[i].key)))
			continue;
		conf_want(c, v, YAML_SEQUENCE_NODE, titlelists[i].key);
		CONF_SEQ_EACH(c, v, item, it)
			lex_word(x, want_str(c, item, "word"), titlelists[i].flag, &tv);
	}
	free(tv.t);
}

/* place-suffixes: [ville, burg], kept folded and indexed by last byte */
static void
load_suffixes(struct lex *x, struct conf *c, yaml_node_t *v, const char *key)
{
	yaml_node_item_t *it;
	yaml_node_t *item;
	const char *w;

	conf_want(c, v, YAML_SEQUENCE_NODE, key);
	CONF_SEQ_EACH(c, v, item, it) {
		w = want_str(c, item, "suffix");
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
}

/* names: {TYPE: [name, ...]}, each its own id */
static void
load_names(struct lex *x, struct conf *c, yaml_node_t *v, struct toks *tv)
{
	yaml_node_pair_t *q;
	yaml_node_item_t *it;
	yaml_node_t *item, *seq;
	const char *type, *name;
	struct slot *sl;
	int weak;

	conf_want(c, v, YAML_MAPPING_NODE, "names");
	CONF_MAP_EACH(v, q) {
		type = want_str(c, conf_node(c, q->key), "type");
		seq = conf_node(c, q->value);
		weak = strcmp(type, "GPE") == 0;
		if (!lex_validtype(type))
			conf_fail(c, conf_node(c, q->key), "type '%s' is not upper-case letters", type);
		conf_want(c, seq, YAML_SEQUENCE_NODE, "the names of a type");
		CONF_SEQ_EACH(c, seq, item, it) {
			name = want_str(c, item, "name");
			sl = lex_slot(x, name, tv);
			if (sl && sl->ent >= 0)
				continue;	/* a country or a hand-kept entry */
			if (sl)
				lex_ent_key(x, name, type, weak, tv);
			else
				lex_ent(x, c, item, name, type, weak, tv);
		}
	}
}

void
lex_add(struct lex *x, struct conf *c)
{
	yaml_node_t *root = conf_want(c, conf_root(c), YAML_MAPPING_NODE, "the file");
	yaml_node_pair_t *p;
	yaml_node_item_t *it;
	yaml_node_t *k, *v, *item;
	struct toks tv = { 0 };
	const char *key;
	uint32_t flag;

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
			load_suffixes(x, c, v, key);
			continue;
		}
		if (strcmp(key, "names") == 0) {
			load_names(x, c, v, &tv);
			continue;
		}
		if (!(flag = lex_listflag(key)))
			conf_fail(c, k, "unknown key '%s'", key);
		conf_want(c, v, YAML_SEQUENCE_NODE, key);
		CONF_SEQ_EACH(c, v, item, it)
			lex_word(x, want_str(c, item, "word"), flag, &tv);
	}
	free(tv.t);
}
