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

/*
 * The end of the value at s[i], which jobj_parse has checked: so only
 * strings and brackets need following, not checking again (json_skip
 * would run the checking parser over it once more).
 */
static size_t
skip_checked(const char *s, size_t e, size_t i)
{
	int depth = 0;

	for (; i < e; i++) {
		switch (s[i]) {
		case '"':
			i = json_string_end(s, e, i);
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

/*
 * The non-negative integer at s[*ip] (a checked number), *ip then past
 * it; -1 if it is none, as int_value on the whole number would say.
 */
static int
num_at(const char *s, size_t e, size_t *ip, long long *v)
{
	size_t i = *ip;
	long long x = 0;

	if (i >= e || s[i] < '0' || s[i] > '9')
		return -1;
	for (; i < e && s[i] >= '0' && s[i] <= '9'; i++) {
		if (x > (1LL << 53))
			return -1;
		x = x * 10 + (s[i] - '0');
	}
	/* a fraction or an exponent */
	if (i < e && s[i] != ',' && s[i] != '}' && s[i] != ']' &&
	    s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
		return -1;
	*v = x;
	*ip = i;
	return 0;
}

/*
 * Appends the decoded string at s[vb] to c->b: *off and *len say where.
 * Returns the end of the string.
 */
static size_t
str_at(struct qents *c, const char *s, size_t e, size_t vb, size_t *off, size_t *len)
{
	size_t j = json_plain_end(s, e, vb + 1);

	*off = c->b.len;
	if (j < e && s[j] == '"') {	/* no escape */
		*len = j - vb - 1;
		/* qents_parse made room for the whole array */
		memcpy(c->b.s + c->b.len, s + vb + 1, *len);
		c->b.len += *len;
		c->b.s[c->b.len] = '\0';
		return j + 1;
	}
	j = skip_checked(s, e, vb);
	json_unescape(s + vb, j - vb, &c->tmp);
	*len = c->tmp.len;
	buf_add(&c->b, c->tmp.s, c->tmp.len);
	return j;
}

/* Past the checked key at s[kb]: the keys lede-tag-entities writes seen at once. */
static inline size_t
key_end(const char *s, size_t e, size_t kb)
{
	switch (s[kb + 1]) {
	case 's':
		if (kb + 7 <= e && memcmp(s + kb, "\"start\"", 7) == 0)
			return kb + 7;
		break;
	case 'e':
		if (kb + 5 <= e && memcmp(s + kb, "\"end\"", 5) == 0)
			return kb + 5;
		break;
	case 't':
		if (kb + 6 <= e && (memcmp(s + kb, "\"type\"", 6) == 0 ||
		    memcmp(s + kb, "\"text\"", 6) == 0))
			return kb + 6;
		break;
	case 'i':
		if (kb + 4 <= e && memcmp(s + kb, "\"id\"", 4) == 0)
			return kb + 4;
		break;
	}
	return json_string_end(s, e, kb) + 1;
}

/*
 * Reads the members of the entity object whose '{' is before s[*ip]
 * into en, *ip then past its '}'; *have gets 1, 2, 4, 8 for "start",
 * "end", "type", "id".  Returns NULL, or what is wrong with it.
 */
static const char *
entity(struct qents *c, const char *s, size_t e, size_t *ip, struct qentv *en, int *have)
{
	size_t i = *ip, kb, ke, vb;

	for (;; i = *ip) {
		if (i + 1 < e && s[i] == ',' && s[i + 1] == '"')
			i++;	/* the next key, as it mostly comes */
		while (i < e && s[i] != '"' && s[i] != '}')
			i++;
		if (i >= e || s[i] == '}') {
			*ip = i + 1;
			return NULL;
		}
		kb = i;
		ke = key_end(s, e, kb);
		for (i = ke; s[i] != ':'; i++)
			;
		i++;
		while (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')
			i++;
		vb = *ip = i;
		switch (ke - kb) {
		case 7:
			if (memcmp(s + kb, "\"start\"", 7) != 0)
				break;
			if (num_at(s, e, ip, &en->start) < 0)
				return "an entity's \"start\" is not a non-negative integer";
			*have |= 1;
			continue;
		case 5:
			if (memcmp(s + kb, "\"end\"", 5) != 0)
				break;
			if (num_at(s, e, ip, &en->end) < 0)
				return "an entity's \"end\" is not a non-negative integer";
			*have |= 2;
			continue;
		case 6:
			if (memcmp(s + kb, "\"type\"", 6) != 0)
				break;
			if (s[vb] != '"')
				return "an entity's \"type\" is not a string";
			*ip = str_at(c, s, e, vb, &en->type, &en->tlen);
			*have |= 4;
			continue;
		case 4:
			if (memcmp(s + kb, "\"id\"", 4) != 0)
				break;
			if (s[vb] != '"')
				return "an entity's \"id\" is not a string";
			*ip = str_at(c, s, e, vb, &en->id, &en->idlen);
			*have |= 8;
			continue;
		}
		/* "text" and the like */
		*ip = s[vb] == '"' ? json_string_end(s, e, vb) + 1 : skip_checked(s, e, vb);
	}
}

const char *
qents_parse(struct qents *c, const char *s, size_t b, size_t e)
{
	size_t i = b + 1;
	struct qentv *en;
	const char *err;
	int have;

	c->n = 0;
	buf_reset(&c->b);
	if (s[b] == 'n')
		return NULL;
	if (s[b] != '[')
		return "\"entities\" is not an array";
	buf_grow(&c->b, e - b);	/* the strings decoded are no longer */
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
		if ((err = entity(c, s, e, &i, en, &have)))
			return err;
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
