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
	yaml_parser_t p;
	char err[512];
	FILE *fp;
	int r;

	c->name = path;
	c->loaded = 0;
	if (!(fp = fopen(path, "rb")))
		die(EX_ERR, "%s:", path);
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, fp);
	r = load(c, &p, err, sizeof err);
	yaml_parser_delete(&p);
	if (ferror(fp))
		die(EX_ERR, "%s:", path);
	fclose(fp);
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
	int r;

	c->name = name;
	c->loaded = 0;
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

void
conf_fail(struct conf *c, yaml_node_t *n, const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	die(EX_ERR, "%s:%zu:%zu: %s", c->name, n ? n->start_mark.line + 1 : 1,
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
