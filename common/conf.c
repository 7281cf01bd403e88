#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "conf.h"
#include "util.h"

#define CONF_DEPTH 100	/* lists and mappings in each other, at most */

/*
 * libyaml's scanner takes time quadratic in the nesting depth, so a
 * document nested deeper than CONF_DEPTH is refused before it is parsed:
 * flow collections ([ and {) and compact block sequences ("- - - x").
 * A rough count, outside comments and quoted scalars; it may only miss
 * some depth (a stray quote), never find depth that is not there.
 */
static int
too_deep(const char *s, size_t n, size_t *line, size_t *col)
{
	size_t i, ln = 1, bol = 0;
	int depth = 0, dashes = 0, start = 1;
	char q = 0, prev;

	for (i = 0; i < n; i++) {
		char ch = s[i];

		if (ch == '\n') {
			ln++;
			bol = i + 1;
			dashes = 0;
			start = 1;
			continue;
		}
		if (q) {
			if (q == '"' && ch == '\\' && i + 1 < n && s[i + 1] != '\n')
				i++;
			else if (ch == q)
				q = 0;
			continue;
		}
		if (start && (ch == ' ' || ch == '\t'))
			continue;
		if (start && ch == '-' && i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t')) {
			if (++dashes > CONF_DEPTH)
				goto deep;
			continue;
		}
		start = 0;
		prev = i > bol ? s[i - 1] : ' ';
		switch (ch) {
		case '#':
			if (prev == ' ' || prev == '\t')
				while (i + 1 < n && s[i + 1] != '\n')
					i++;
			break;
		case '"':
		case '\'':
			if (strchr(" \t:,[{-", prev))
				q = ch;
			break;
		case '[':
		case '{':
			if (++depth > CONF_DEPTH)
				goto deep;
			break;
		case ']':
		case '}':
			if (depth > 0)
				depth--;
			break;
		}
	}
	return 0;
deep:
	*line = ln;
	*col = i - bol + 1;
	return 1;
}

static int
load(struct conf *c, yaml_parser_t *p, char *err, size_t errlen)
{
	yaml_mark_t m;

	if (!yaml_parser_load(p, &c->doc)) {
		m = p->problem_mark;
		if (p->error == YAML_READER_ERROR)
			snprintf(err, errlen, "%s:%zu: %s", c->name,
			    p->problem_offset, p->problem ? p->problem : "cannot read");
		else
			snprintf(err, errlen, "%s:%zu:%zu: %s%s%s", c->name,
			    m.line + 1, m.column + 1,
			    p->problem ? p->problem : "YAML error",
			    p->context ? " " : "", p->context ? p->context : "");
		return -1;
	}
	c->loaded = 1;
	return 0;
}

void
conf_load(struct conf *c, const char *path)
{
	struct buf b = { 0 };
	char err[512], chunk[65536];
	FILE *fp;
	size_t k;
	int r;

	if (!(fp = fopen(path, "rb")))
		die(EX_ERR, "%s:", path);
	while ((k = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, k);
	if (ferror(fp))
		die(EX_ERR, "%s:", path);
	fclose(fp);
	r = conf_load_mem(c, path, b.s ? b.s : "", b.len, err, sizeof err);
	free(b.s);
	if (r < 0)
		die(EX_ERR, "%s", err);
	if (!conf_root(c))
		die(EX_ERR, "%s:1:1: empty file", path);
}

int
conf_load_mem(struct conf *c, const char *name, const char *s, size_t n,
    char *err, size_t errlen)
{
	yaml_parser_t p;
	size_t line, col;
	int r;

	c->name = name;
	c->loaded = 0;
	c->part = NULL;
	c->npart = 0;
	if (too_deep(s, n, &line, &col)) {
		snprintf(err, errlen, "%s:%zu:%zu: nested more than %d deep", name,
		    line, col, CONF_DEPTH);
		return -1;
	}
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)s, n);
	r = load(c, &p, err, errlen);
	yaml_parser_delete(&p);
	return r;
}

void
conf_free(struct conf *c)
{
	if (c->loaded)
		yaml_document_delete(&c->doc);
	c->loaded = 0;
	free(c->part);
	c->part = NULL;
	c->npart = 0;
}

/*
 * conf_add's copy of node n of src into c, marks and all; memo[] holds
 * the id each node of src got, so that a node an alias shares is
 * copied once (and an alias of its own parent ends).
 */
static int
copy_node(struct conf *c, struct conf *src, yaml_node_t *n, int *memo, int depth)
{
	yaml_document_t *d = &c->doc;
	yaml_node_item_t *it;
	yaml_node_pair_t *p;
	yaml_node_t *to;
	size_t i = (size_t)(n - src->doc.nodes.start);
	int id, k, v;

	if (memo[i])
		return memo[i];
	if (depth > CONF_DEPTH)
		conf_fail(src, n, "nested too deep");
	if (n->type == YAML_SCALAR_NODE)
		id = yaml_document_add_scalar(d, n->tag, n->data.scalar.value,
		    (int)n->data.scalar.length, n->data.scalar.style);
	else if (n->type == YAML_SEQUENCE_NODE)
		id = yaml_document_add_sequence(d, n->tag, n->data.sequence.style);
	else
		id = yaml_document_add_mapping(d, n->tag, n->data.mapping.style);
	if (!id)
		die(EX_ERR, "%s: out of memory", src->name);
	memo[i] = id;
	to = conf_node(c, id);
	to->start_mark = n->start_mark;
	to->end_mark = n->end_mark;
	if (n->type == YAML_SEQUENCE_NODE)
		for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
			v = copy_node(c, src, conf_node(src, *it), memo, depth + 1);
			if (!yaml_document_append_sequence_item(d, id, v))
				die(EX_ERR, "%s: out of memory", src->name);
		}
	else if (n->type == YAML_MAPPING_NODE)
		CONF_MAP_EACH(n, p) {
			k = copy_node(c, src, conf_node(src, p->key), memo, depth + 1);
			v = copy_node(c, src, conf_node(src, p->value), memo, depth + 1);
			if (!yaml_document_append_mapping_pair(d, id, k, v))
				die(EX_ERR, "%s: out of memory", src->name);
		}
	return id;
}

/* The index of the pair of mapping node id whose key is the scalar key, or -1. */
static long
find_pair(struct conf *c, int id, yaml_node_t *key)
{
	yaml_node_t *m = conf_node(c, id), *k;
	yaml_node_pair_t *p;

	if (key->type != YAML_SCALAR_NODE)
		return -1;
	CONF_MAP_EACH(m, p) {
		k = conf_node(c, p->key);
		if (k && k->type == YAML_SCALAR_NODE &&
		    k->data.scalar.length == key->data.scalar.length &&
		    memcmp(k->data.scalar.value, key->data.scalar.value,
		    key->data.scalar.length) == 0)
			return p - m->data.mapping.pairs.start;
	}
	return -1;
}

/*
 * Merges node n of src into node id of c, both sequences or both
 * mappings.  Ids, not pointers, are kept across a copy: adding a node
 * may move them all.
 */
static void
merge_node(struct conf *c, int id, struct conf *src, yaml_node_t *n, int *memo, int depth)
{
	yaml_node_item_t *it;
	yaml_node_pair_t *p;
	yaml_node_t *old;
	long i;
	int k, v;

	if (n->type == YAML_SEQUENCE_NODE) {
		for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
			v = copy_node(c, src, conf_node(src, *it), memo, depth + 1);
			if (!yaml_document_append_sequence_item(&c->doc, id, v))
				die(EX_ERR, "%s: out of memory", src->name);
		}
		return;
	}
	CONF_MAP_EACH(n, p) {
		yaml_node_t *sv = conf_node(src, p->value);

		if ((i = find_pair(c, id, conf_node(src, p->key))) < 0) {
			k = copy_node(c, src, conf_node(src, p->key), memo, depth + 1);
			v = copy_node(c, src, sv, memo, depth + 1);
			if (!yaml_document_append_mapping_pair(&c->doc, id, k, v))
				die(EX_ERR, "%s: out of memory", src->name);
			continue;
		}
		v = conf_node(c, id)->data.mapping.pairs.start[i].value;
		old = conf_node(c, v);
		if (old->type == sv->type && sv->type != YAML_SCALAR_NODE)
			merge_node(c, v, src, sv, memo, depth + 1);
		else {
			v = copy_node(c, src, sv, memo, depth + 1);
			conf_node(c, id)->data.mapping.pairs.start[i].value = v;
		}
	}
}

void
conf_add(struct conf *c, const char *path)
{
	static const char *kind[] = { "nothing", "a string", "a list", "a mapping" };
	struct conf src;
	yaml_node_t *root = conf_root(c), *sroot;
	size_t n;
	int *memo;

	conf_load(&src, path);
	sroot = conf_root(&src);
	if (root->type == YAML_SCALAR_NODE || sroot->type != root->type)
		conf_fail(&src, sroot, "the file should be %s, like the data it adds to",
		    kind[root->type == YAML_SCALAR_NODE ? YAML_MAPPING_NODE : root->type]);
	c->part = xrealloc(c->part, (c->npart + 1) * sizeof *c->part);
	c->part[c->npart].first = (size_t)(c->doc.nodes.top - c->doc.nodes.start);
	c->part[c->npart++].name = path;
	n = (size_t)(src.doc.nodes.top - src.doc.nodes.start);
	memo = xcalloc(n, sizeof *memo);
	merge_node(c, 1, &src, sroot, memo, 0);
	free(memo);
	conf_free(&src);
}

yaml_node_t *
conf_root(struct conf *c)
{
	return yaml_document_get_root_node(&c->doc);
}

yaml_node_t *
conf_node(struct conf *c, int id)
{
	return yaml_document_get_node(&c->doc, id);
}

const char *
conf_str(yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

yaml_node_t *
conf_get(struct conf *c, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *pair;
	const char *k;

	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	CONF_MAP_EACH(map, pair) {
		k = conf_str(conf_node(c, pair->key));
		if (k && strcmp(k, key) == 0)
			return conf_node(c, pair->value);
	}
	return NULL;
}

/* The last file merged in whose nodes n is among, else c's own. */
const char *
conf_file(struct conf *c, yaml_node_t *n)
{
	size_t i, at;

	if (!n || n < c->doc.nodes.start || n >= c->doc.nodes.top)
		return c->name;
	at = (size_t)(n - c->doc.nodes.start);
	for (i = c->npart; i-- > 0; )
		if (at >= c->part[i].first)
			return c->part[i].name;
	return c->name;
}

void
conf_fail(struct conf *c, yaml_node_t *n, const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	die(EX_ERR, "%s:%zu:%zu: %s", conf_file(c, n), n ? n->start_mark.line + 1 : 1,
	    n ? n->start_mark.column + 1 : 1, b.s);
}

yaml_node_t *
conf_want(struct conf *c, yaml_node_t *n, yaml_node_type_t t, const char *what)
{
	static const char *kind[] = { "nothing", "a string", "a list", "a mapping" };

	if (!n || n->type != t)
		conf_fail(c, n, "%s should be %s", what, kind[t]);
	return n;
}

static char *
try(const char *dir, const char *sub, const char *name)
{
	struct buf b = { 0 };

	buf_printf(&b, "%s%s/%s", dir, sub, name);
	if (access(b.s, R_OK) == 0)
		return b.s;
	buf_free(&b);
	return NULL;
}

char *
data_path(const char *name)
{
	char exe[PATH_MAX], *p, *r;
	const char *env = getenv("LEDE_DATA");
	ssize_t n;

	if (env && *env) {
		if ((r = try(env, "", name)))
			return r;
		die(EX_ERR, "%s/%s: not found (LEDE_DATA is set)", env, name);
	}
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((p = strrchr(exe, '/'))) {
			*p = '\0';
			/* The build tree's bin/, or PREFIX/bin after make install. */
			if ((r = try(exe, "/../data", name)) ||
			    (r = try(exe, "/../share/lede", name)))
				return r;
		}
	}
	if ((r = try(LEDE_DATADIR, "", name)))
		return r;
	die(EX_ERR, "%s: data file not found in %s (set LEDE_DATA)", name, LEDE_DATADIR);
}
