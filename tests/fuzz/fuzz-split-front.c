/*
 * libFuzzer target for lede-split's front matter reader
 * (cmd/split-front.c), fed as lede-split feeds it: the input's lines,
 * the first a fence, held until a closing fence, then read as YAML.
 * What it writes must be a member ,"meta":{...} that the record checker
 * accepts, each pair of scalars of the root mapping in it whole, at the
 * lengths libyaml gives (a NUL escaped in one is not an end); the dct
 * empty or a day of the calendar, YYYY-MM-DD; the title no longer than
 * the input.  Lines not taken as front matter are replayed: they must be
 * the input's lines, in order, with their newlines.  Aborts otherwise.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "civil.h"
#include "conf.h"
#include "json.h"
#include "split-fields.h"
#include "split-front.h"
#include "util.h"

/* A stand-in for the dateline patterns: N... is a date, F... no day, else none. */
static int
find_date(const void *arg, const char *s, size_t n, char *dct)
{
	(void)arg;
	if (n > 0 && s[0] == 'N') {
		snprintf(dct, 16, "2025-11-13");
		return 1;
	}
	return n > 0 && s[0] == 'F' ? -1 : 0;
}

/* The lines replayed, as they came: each with its newline if it had one. */
static void
replayed(void *arg, const char *s, size_t n, int nl, size_t ncp)
{
	struct buf *out = arg;

	(void)ncp;
	buf_add(out, s, n);
	if (nl)
		buf_addc(out, '\n');
}

/*
 * What meta should be for the YAML y[0..n): each pair of scalars of the
 * root mapping, at the lengths libyaml gives.
 */
static void
want_meta(struct buf *want, const char *y, size_t n)
{
	struct conf c;
	yaml_node_pair_t *pair;
	yaml_node_t *root, *k, *v;
	char err[512];
	int any = 0;

	buf_reset(want);
	if (conf_load_mem(&c, "fuzz", y, n, err, sizeof err) < 0)
		abort();	/* front_matter took it */
	if ((root = conf_root(&c)) && root->type == YAML_MAPPING_NODE) {
		buf_adds(want, ",\"meta\":{");
		CONF_MAP_EACH(root, pair) {
			k = conf_node(&c, pair->key);
			v = conf_node(&c, pair->value);
			if (!k || !v || k->type != YAML_SCALAR_NODE || v->type != YAML_SCALAR_NODE)
				continue;
			if (any++)
				buf_addc(want, ',');
			json_escape(want, (const char *)k->data.scalar.value, k->data.scalar.length);
			buf_addc(want, ':');
			json_escape(want, (const char *)v->data.scalar.value, v->data.scalar.length);
		}
		buf_addc(want, '}');
	}
	conf_free(&c);
}

/* Checks what front_matter gathered, once it took the YAML y[0..yn). */
static void
check_front(const struct fields *fields, const struct buf *title, const char *dct,
    size_t size, const char *y, size_t yn)
{
	static struct buf obj, want, json;
	static struct jobj o;
	const struct buf *meta = &json;
	const char *err;
	size_t off, n = strlen(dct);

	/* written as lede-split writes it, within FIELDS_MAX (more than the input) */
	fields_json(fields, &json, "fuzz");
	want_meta(&want, y, yn);
	if (meta->len != want.len || (meta->len && memcmp(meta->s, want.s, meta->len) != 0)) {
		fprintf(stderr, "meta: %.*s\nwant: %.*s\n", (int)meta->len, meta->s,
		    (int)want.len, want.s);
		abort();
	}
	if (meta->len) {
		if (meta->len < 10 || memcmp(meta->s, ",\"meta\":{", 9) != 0 ||
		    meta->s[meta->len - 1] != '}')
			abort();
		buf_reset(&obj);
		buf_addc(&obj, '{');
		buf_add(&obj, meta->s + 1, meta->len - 1);
		buf_addc(&obj, '}');
		if (jobj_parse(&o, obj.s, obj.len, &err, &off) < 0) {
			fprintf(stderr, "meta not JSON: %s at %zu: %.*s\n", err, off,
			    (int)obj.len, obj.s);
			abort();
		}
	}
	if (n && (n != 10 || civil_iso(dct, n) != 1))
		abort();
	if (title->len > size)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fields meta;
	static struct buf title, fm, held, out;
	const char *s = (const char *)data, *e, *line;
	char dct[16];
	struct front f = { .name = "fuzz", .meta = &meta, .title = &title, .dct = dct,
	    .find_date = find_date, .line = 1 };
	struct front_held h;
	size_t off = 0, n;
	int nl, state = 0, taken = 0;

	lede_quiet = 1;
	dct[0] = '\0';
	fields_reset(&meta);
	buf_reset(&title);
	buf_reset(&fm);
	buf_reset(&held);
	buf_reset(&out);
	/* file_line in cmd/split.c, for the front matter alone. */
	while (off < size && state != 2) {
		line = s + off;
		e = memchr(line, '\n', size - off);
		n = e ? (size_t)(e - line) : size - off;
		nl = e != NULL;
		off += n + nl;
		if (state == 0) {
			state = front_fence(line, n, 0) ? 1 : 2;
			if (state == 2) {
				off = 0;
				break;
			}
		}
		if (held.len && front_fence(line, n, 1) &&
		    front_matter(&f, fm.s, fm.len) == 0) {
			taken = 1;
			state = 2;
			break;
		}
		h.len = n;
		h.nl = nl;
		buf_add(&held, &h, sizeof h);
		buf_add(&fm, line, n);
		buf_addc(&fm, '\n');
		if (held.len / sizeof h > 1 && front_fence(line, n, 1))
			state = 2;
	}
	if (taken) {
		check_front(&meta, &title, dct, size, fm.s, fm.len);
		buf_reset(&fm);
		buf_reset(&held);
		return 0;
	}
	/* Not front matter: the lines held come back as they were. */
	front_replay(&fm, &held, replayed, &out);
	if (out.len != off || (off && memcmp(out.s, s, off) != 0))
		abort();
	if (fm.len || held.len)
		abort();
	return 0;
}
