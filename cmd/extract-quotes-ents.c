/*
 * extract-quotes-ents: the "entities" of a record, for
 * lede-extract-quotes(1).  The record was checked by jobj_parse, so
 * the scanning here only has to find members, not to check syntax.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"
#include "extract-quotes-ents.h"

static int
int_value(const char *s, size_t b, size_t e, long long *v)
{
	long long x = 0;
	size_t i = b;

	if (i < e && s[i] == '-')
		return -1;
	if (i == e)
		return -1;
	for (; i < e; i++) {
		if (s[i] < '0' || s[i] > '9' || x > (1LL << 53))
			return -1;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return 0;
}

/* The closing quote of the checked string opening at s[i]. */
static size_t
string_end(const char *s, size_t e, size_t i)
{
	uint64_t x, t;

	for (i++; i < e; i++) {
		/* eight bytes at a time while none is '"' or '\\' */
		while (i + 8 <= e) {
			memcpy(&x, s + i, 8);
			t = ((x ^ 0x2222222222222222ULL) - 0x0101010101010101ULL) |
			    ((x ^ 0x5C5C5C5C5C5C5C5CULL) - 0x0101010101010101ULL);
			if (t & ~x & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= e || s[i] == '"')
			break;
		if (s[i] == '\\')
			i++;
	}
	return i;
}

/*
 * The end of the value at s[i], which jobj_parse has checked: so only
 * strings and brackets need following, not checking again.
 */
static size_t
skip_checked(const char *s, size_t e, size_t i)
{
	int depth = 0;

	for (; i < e; i++) {
		switch (s[i]) {
		case '"':
			i = string_end(s, e, i);
			if (depth == 0)
				return i + 1;
			break;
		case '{': case '[':
			depth++;
			break;
		case '}': case ']':
			if (--depth <= 0)
				return i + 1;
			break;
		default:
			if (depth == 0) {
				/* a number, true, false or null */
				while (i < e && s[i] != ',' && s[i] != '}' && s[i] != ']' &&
				    s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
					i++;
				return i;
			}
		}
	}
	return i;
}

const char *
qents_parse(struct qents *c, const char *s, size_t b, size_t e)
{
	size_t i = b + 1, kb, ke, vb;
	struct qentv *en;
	int have;

	c->n = 0;
	buf_reset(&c->b);
	if (s[b] == 'n')
		return NULL;
	if (s[b] != '[')
		return "\"entities\" is not an array";
	for (;;) {
		while (i < e && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n' || s[i] == ','))
			i++;
		if (i >= e || s[i] == ']')
			break;
		if (s[i] != '{')
			return "an entity is not an object";
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 16;
			c->v = xrealloc(c->v, c->cap * sizeof *c->v);
		}
		en = &c->v[c->n];
		memset(en, 0, sizeof *en);
		have = 0;
		i++;
		for (;;) {
			while (i < e && s[i] != '"' && s[i] != '}')
				i++;
			if (i >= e || s[i] == '}') {
				i++;
				break;
			}
			kb = i;
			ke = string_end(s, e, kb) + 1;
			for (i = ke; s[i] != ':'; i++)
				;
			for (i++; s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'; i++)
				;
			vb = i;
			i = skip_checked(s, e, vb);
			if (ke - kb == 7 && memcmp(s + kb, "\"start\"", 7) == 0) {
				if (int_value(s, vb, i, &en->start) < 0)
					return "an entity's \"start\" is not a non-negative integer";
				have |= 1;
			} else if (ke - kb == 5 && memcmp(s + kb, "\"end\"", 5) == 0) {
				if (int_value(s, vb, i, &en->end) < 0)
					return "an entity's \"end\" is not a non-negative integer";
				have |= 2;
			} else if (ke - kb == 6 && memcmp(s + kb, "\"type\"", 6) == 0) {
				if (s[vb] != '"')
					return "an entity's \"type\" is not a string";
				json_unescape(s + vb, i - vb, &c->tmp);
				en->type = c->b.len;
				en->tlen = c->tmp.len;
				buf_add(&c->b, c->tmp.s, c->tmp.len);
				have |= 4;
			} else if (ke - kb == 4 && memcmp(s + kb, "\"id\"", 4) == 0) {
				if (s[vb] != '"')
					return "an entity's \"id\" is not a string";
				json_unescape(s + vb, i - vb, &c->tmp);
				en->id = c->b.len;
				en->idlen = c->tmp.len;
				buf_add(&c->b, c->tmp.s, c->tmp.len);
				have |= 8;
			}
		}
		if ((have & 3) != 3)
			return "an entity has no \"start\" and \"end\"";
		if (!(have & 4))	/* no type: it cannot be a speaker */
			en->tlen = 0;
		if (!(have & 8))
			continue;	/* no id: it cannot be named */
		c->n++;
	}
	return NULL;
}

void
qents_free(struct qents *c)
{
	free(c->v);
	buf_free(&c->b);
	buf_free(&c->tmp);
	memset(c, 0, sizeof *c);
}
