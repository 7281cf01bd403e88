/*
 * split-front: an article's YAML front matter, read with libyaml: its
 * fences, the lines held while it is read, and what it says.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "civil.h"
#include "conf.h"
#include "json.h"
#include "split-fields.h"
#include "split-front.h"
#include "utf8.h"
#include "util.h"

int
front_fence(const char *s, size_t n, int close)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return (n == 3 && memcmp(s, "---", 3) == 0) ||
	    (close && n == 3 && memcmp(s, "...", 3) == 0);
}

/*
 * The front matter's date, v[0..n), into f->dct: an ISO 8601 date, or
 * one the dateline patterns find.  One that is no day of the calendar
 * (2025-13-45, February 30, 2025) is left out with a warning: meta.date
 * keeps it, and the dct is sought in the text as when there is none.
 */
static void
front_date(const struct front *f, const yaml_node_t *node, const char *v, size_t n)
{
	int r = civil_iso(v, n);
	size_t show;

	if (r > 0)
		snprintf(f->dct, 16, "%.10s", v);
	else if (r < 0 || f->find_date(f->arg, v, n, f->dct) < 0) {
		for (show = 0; show < n && show < 64 && v[show] != '\n' && v[show] != '\r'; show++)
			;
		warnq("%s:%lu: invalid date '%.*s'", f->name, f->line + node->start_mark.line,
		    (int)show, v);
	}
}

/*
 * A scalar's text and its length, which libyaml gives: an escaped NUL
 * ("a\0b") is in it, and strlen would end it there.  NULL if n is not
 * a scalar.
 */
static const char *
scalar(const yaml_node_t *n, size_t *len)
{
	if (!n || n->type != YAML_SCALAR_NODE)
		return NULL;
	*len = n->data.scalar.length;
	return (const char *)n->data.scalar.value;
}

int
front_matter(const struct front *f, const char *yaml, size_t n)
{
	struct conf c;
	yaml_node_pair_t *pair;
	yaml_node_t *root;
	const char *k, *v;
	size_t kn = 0, vn = 0;
	char err[512];

	if (conf_load_mem(&c, f->name, yaml, n, err, sizeof err) < 0) {
		warnq("%s (front matter read as text)", err);
		return -1;
	}
	root = conf_root(&c);
	if (!root || root->type != YAML_MAPPING_NODE) {
		conf_free(&c);
		return root ? -1 : 0;
	}
	fields_reset(f->meta);
	f->meta->object = 1;
	CONF_MAP_EACH(root, pair) {
		k = scalar(conf_node(&c, pair->key), &kn);
		v = scalar(conf_node(&c, pair->value), &vn);
		if (!k || !v)
			continue;
		/* its line: the YAML starts at the fence, line 1 */
		fields_put(f->meta, k, kn, v, vn,
		    conf_node(&c, pair->key)->start_mark.line + 1);
		if (kn == 5 && memcmp(k, "title", 5) == 0 && !f->title->len)
			buf_add(f->title, v, vn);
		if (kn == 4 && memcmp(k, "date", 4) == 0 && !f->dct[0])
			front_date(f, conf_node(&c, pair->value), v, vn);
	}
	conf_free(&c);
	return 0;
}

void
front_replay(struct buf *fm, struct buf *held, front_line_fn *fn, void *arg)
{
	struct front_held *h = (struct front_held *)held->s;
	size_t k, off = 0, nh = held->len / sizeof *h;

	for (k = 0; k < nh; k++) {
		fn(arg, fm->s + off, h[k].len, h[k].nl, utf8_count(fm->s + off, h[k].len));
		off += h[k].len + 1;
	}
	buf_reset(fm);
	buf_reset(held);
}
