/*
 * split-front: an article's YAML front matter, read with libyaml: its
 * fences, the lines held while it is read, and what it says.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
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

int
front_matter(const struct front *f, const char *yaml, size_t n)
{
	struct conf c;
	yaml_node_pair_t *pair;
	yaml_node_t *root;
	const char *k, *v;
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
		k = conf_str(conf_node(&c, pair->key));
		v = conf_str(conf_node(&c, pair->value));
		if (!k || !v)
			continue;
		/* its line: the YAML starts at the fence, line 1 */
		fields_put(f->meta, k, strlen(k), v, strlen(v),
		    conf_node(&c, pair->key)->start_mark.line + 1);
		if (strcmp(k, "title") == 0 && !f->title->len)
			buf_adds(f->title, v);
		if (strcmp(k, "date") == 0 && !f->dct[0]) {
			if (strlen(v) >= 10 && v[4] == '-' && v[7] == '-' &&
			    strspn(v, "0123456789") == 4 &&
			    strspn(v + 5, "0123456789") == 2 &&
			    strspn(v + 8, "0123456789") == 2)
				snprintf(f->dct, 16, "%.10s", v);
			else
				f->find_date(f->arg, v, strlen(v), f->dct);
		}
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
