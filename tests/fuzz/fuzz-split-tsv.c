/*
 * libFuzzer target for lede-split's --meta table (cmd/split-tsv.c) and
 * the meta it fills (cmd/split-fields.c): a table is read, or refused
 * with a message that names its place; each row is found again by its
 * path; the meta written from a row is one JSON object within
 * FIELDS_MAX bytes, and a dct taken from it is YYYY-MM-DD.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "split-fields.h"
#include "split-tsv.h"
#include "util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fields f;
	static struct buf meta, title;
	struct jobj o = { 0 };
	struct tsv *t;
	const char *p, *err;
	char msg[1024], dct[16];
	size_t n, off, r;

	lede_quiet = 1;
	msg[0] = '\0';
	if (!(t = tsv_parse("fuzz.tsv", ".", (const char *)data, size, msg, sizeof msg))) {
		if (strncmp(msg, "fuzz.tsv:", 9) != 0)
			abort();	/* a refusal says where */
		return 0;
	}
	if (tsv_ncols(t) == 0 || tsv_path(t) >= tsv_ncols(t))
		abort();
	for (r = 0; r < tsv_nrows(t); r++) {
		p = tsv_value(t, (long)r, tsv_path(t), &n);
		if (n == 0 || strlen(p) != n || tsv_find(t, p, -1) != (long)r)
			abort();	/* each path, once, found again */
		fields_reset(&f);
		buf_reset(&title);
		dct[0] = '\0';
		if (r % 2)
			fields_put(&f, "source", 6, "Own", 3, 1);
		tsv_fill(t, (long)r, &f, dct, &title);
		if (dct[0] && (strlen(dct) != 10 || dct[4] != '-' || dct[7] != '-'))
			abort();
		fields_json(&f, &meta, "fuzz.tsv");
		if (!meta.len)
			continue;
		if (meta.len > FIELDS_MAX || meta.len < 10 ||
		    memcmp(meta.s, ",\"meta\":{", 9) != 0 || meta.s[meta.len - 1] != '}')
			abort();
		if (jobj_parse(&o, meta.s + 8, meta.len - 8, &err, &off) != 0)
			abort();	/* valid JSON, an object */
		jobj_free(&o);
		memset(&o, 0, sizeof o);
	}
	tsv_free(t);
	return 0;
}
