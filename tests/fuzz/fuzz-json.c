/*
 * libFuzzer target for the record reader: common/json.c.  A line the
 * checker accepts must survive a field lookup, an unescape and a set,
 * and what jobj_set writes must be accepted again.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct jobj o, o2;
	static struct buf b, u;
	const char *s = (const char *)data, *err;
	size_t off, vb, ve, k;

	if (jobj_parse(&o, s, size, &err, &off) < 0) {
		if (off > size)
			abort();
		return 0;
	}
	for (k = 0; k < o.n; k++) {
		if (o.m[k].vend > size || o.m[k].vbeg >= o.m[k].vend)
			abort();
		if (s[o.m[k].kbeg] == '"')
			json_unescape(s + o.m[k].kbeg, o.m[k].kend - o.m[k].kbeg, &u);
		if (s[o.m[k].vbeg] == '"')
			json_unescape(s + o.m[k].vbeg, o.m[k].vend - o.m[k].vbeg, &u);
	}
	if (json_path(s, size, "text", &vb, &ve) == 0 && (vb > ve || ve > size))
		abort();
	json_path(s, size, "meta.title", &vb, &ve);
	buf_reset(&b);
	jobj_set(&o, &b, "text", "\"x\"", 3);
	if (jobj_parse(&o2, b.s, b.len, &err, &off) < 0)
		abort();
	buf_reset(&b);
	jobj_set(&o, &b, "zzz_new", "[1,{}]", 6);
	if (jobj_parse(&o2, b.s, b.len, &err, &off) < 0)
		abort();
	return 0;
}
