/*
 * Unit tests of conf_add (common/conf.c): a user's file merged into
 * the shipped one, lists appended, mappings merged key by key, other
 * values replaced, and each node still naming its own file and line.
 * Prints TAP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "tap.h"

static void
put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (!fp || fputs(text, fp) == EOF || fclose(fp) == EOF) {
		perror(path);
		exit(2);
	}
}

/* The scalars of a list, joined by spaces, in buf. */
static const char *
items(struct conf *c, yaml_node_t *seq, char *buf, size_t len)
{
	yaml_node_item_t *it;
	yaml_node_t *item;
	const char *s;

	buf[0] = '\0';
	if (!seq || seq->type != YAML_SEQUENCE_NODE)
		return "(not a list)";
	CONF_SEQ_EACH(c, seq, item, it) {
		s = conf_str(item);
		if (buf[0])
			strncat(buf, " ", len - strlen(buf) - 1);
		strncat(buf, s ? s : "?", len - strlen(buf) - 1);
	}
	return buf;
}

static const char *
at(struct conf *c, const char *key, const char *sub)
{
	yaml_node_t *n = conf_get(c, conf_root(c), key);

	if (sub)
		n = conf_get(c, n, sub);
	return conf_str(n) ? conf_str(n) : "(none)";
}

int
main(void)
{
	char dir[] = "/tmp/test-conf.XXXXXX", base[64], add[64], more[64], buf[256];
	struct conf c;
	yaml_node_t *n, *a, *b;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 2;
	}
	snprintf(base, sizeof base, "%s/base.yaml", dir);
	snprintf(add, sizeof add, "%s/add.yaml", dir);
	snprintf(more, sizeof more, "%s/more.yaml", dir);
	put(base, "list: [a, b]\n"
	    "map: {x: 1, y: 2}\n"
	    "deep:\n  in: [p]\n  keep: k\n"
	    "kind: [s]\n");
	put(add, "list: [c]\n"
	    "map: {y: 20, z: 3}\n"
	    "deep:\n  in: [q]\n"
	    "kind: {m: 1}\n"
	    "new: [n]\n"
	    "shared: &x [1, 2]\n"
	    "again: *x\n"
	    "loop: &l [*l]\n");
	put(more, "list: [d]\n");

	conf_load(&c, base);
	conf_add(&c, add);
	ok(strcmp(items(&c, conf_get(&c, conf_root(&c), "list"), buf, sizeof buf), "a b c") == 0,
	    "a list is appended to");
	ok(strcmp(at(&c, "map", "x"), "1") == 0, "a mapping keeps the keys the file does not give");
	ok(strcmp(at(&c, "map", "y"), "20") == 0, "a value in the file replaces the shipped one");
	ok(strcmp(at(&c, "map", "z"), "3") == 0, "a new key of a mapping is added");
	ok(strcmp(items(&c, conf_get(&c, conf_get(&c, conf_root(&c), "deep"), "in"), buf,
	    sizeof buf), "p q") == 0 && strcmp(at(&c, "deep", "keep"), "k") == 0,
	    "mappings are merged recursively");
	n = conf_get(&c, conf_root(&c), "kind");
	ok(n && n->type == YAML_MAPPING_NODE && strcmp(at(&c, "kind", "m"), "1") == 0,
	    "a value of another kind replaces the shipped one");
	ok(strcmp(items(&c, conf_get(&c, conf_root(&c), "new"), buf, sizeof buf), "n") == 0,
	    "a new key is added");
	a = conf_get(&c, conf_root(&c), "shared");
	b = conf_get(&c, conf_root(&c), "again");
	ok(a && a == b, "an alias still shares its node");
	n = conf_get(&c, conf_root(&c), "loop");
	ok(n && n->type == YAML_SEQUENCE_NODE &&
	    conf_node(&c, *n->data.sequence.items.start) == n, "an alias of its own list is copied once");

	n = conf_get(&c, conf_root(&c), "map");
	ok(strcmp(conf_file(&c, n), base) == 0 && n->start_mark.line == 1,
	    "a shipped node names the shipped file and its line");
	n = conf_get(&c, n, "z");
	ok(n && strcmp(conf_file(&c, n), add) == 0 && n->start_mark.line == 1 &&
	    n->start_mark.column == 16, "an added node names the added file, its line and column");
	ok(strcmp(conf_file(&c, conf_get(&c, conf_get(&c, conf_root(&c), "map"), "x")), base) == 0,
	    "a node left alone names the shipped file");
	conf_add(&c, more);
	n = conf_get(&c, conf_root(&c), "list");
	ok(strcmp(items(&c, n, buf, sizeof buf), "a b c d") == 0 &&
	    strcmp(conf_file(&c, conf_node(&c, n->data.sequence.items.top[-1])), more) == 0 &&
	    strcmp(conf_file(&c, conf_node(&c, n->data.sequence.items.top[-2])), add) == 0,
	    "a second file: added after the first, each node naming its file");
	ok(strcmp(conf_file(&c, NULL), base) == 0, "no node: the shipped file");
	conf_free(&c);

	unlink(base);
	unlink(add);
	unlink(more);
	rmdir(dir);
	return tap_done();
}
