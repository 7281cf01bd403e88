/*
 * libFuzzer target for lede-pick's modules.  pick-walk: in a line the
 * checker accepts, every value that walk_next finds, at any depth, ends
 * where json_skip says, give or take the white space after it, and keys
 * are string literals.  pick-when: a date that names days names a
 * stretch of at most a century, in order, and a YYYY-MM-DD is that day.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "civil.h"
#include "json.h"
#include "pick-walk.h"
#include "pick-when.h"

static struct buf tmp;

static void
same_end(const char *s, size_t len, size_t vb, size_t ve)
{
	size_t e = json_skip(s, len, vb);

	if (ve < e)
		abort();
	for (; e < ve; e++)
		if (!strchr(" \t\r\n", s[e]))
			abort();
}

/* Walks the checked container at s[b..e) and all inside it. */
static void
walk(const char *s, size_t b, size_t e)
{
	size_t i = b + 1, kb, ke, vb, ve, n = 0;
	int obj = s[b] == '{';

	while (walk_next(s, e, &i, obj ? &kb : NULL, &ke, &vb, &ve)) {
		if (obj && (s[kb] != '"' || s[ke - 1] != '"' || ke - kb < 2))
			abort();
		if (obj)
			walk_str_is(s, kb, ke, "id", 2, &tmp);
		if (vb >= ve || ve > e || ++n > e - b)
			abort();
		same_end(s, e, vb, ve);
		if (s[vb] == '{' || s[vb] == '[')
			walk(s, vb, json_skip(s, e, vb));
	}
	if (s[i] != (obj ? '}' : ']'))
		abort();
}

static void
when(const char *s, size_t n)
{
	char day[16];
	long lo, hi, y;
	unsigned m, d;

	if (when_span(s, n, &lo, &hi) < 0)
		return;
	if (lo > hi || hi - lo > 36524)
		abort();
	if (n == 10 && s[4] == '-' && s[7] == '-') {
		civil_from_days(lo, &y, &m, &d);
		snprintf(day, sizeof day, "%04ld-%02u-%02u", y, m, d);
		if (lo != hi || memcmp(day, s, 10) != 0)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct jobj o;
	static struct buf line;
	const char *err;
	size_t off, b = 0;

	/* The program's lines end in a NUL. */
	buf_reset(&line);
	buf_add(&line, data, size);
	when(line.s, size);
	if (jobj_parse(&o, line.s, size, &err, &off) < 0)
		return 0;
	while (strchr(" \t\r\n", line.s[b]))
		b++;
	walk(line.s, b, json_skip(line.s, size, b));
	return 0;
}
