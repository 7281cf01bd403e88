/*
 * pick-walk: the arrays and objects inside a record that jobj_parse has
 * checked, walked without checking them again.
 */
#include <string.h>

#include "json.h"
#include "pick-walk.h"

static void
skipws(const char *s, size_t len, size_t *i)
{
	while (*i < len && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n' || s[*i] == '\r'))
		(*i)++;
}

/*
 * The end of the value at s[i] in a checked record: a lighter json_skip,
 * which checks again what jobj_parse has checked.
 */
size_t
walk_skip(const char *s, size_t len, size_t i)
{
	int depth = 0;

	do {
		switch (s[i]) {
		case '"':
			i = json_string_end(s, len, i) + 1;
			break;
		case '{': case '[':
			depth++, i++;
			break;
		case '}': case ']':
			depth--, i++;
			break;
		default:	/* a number, a word, white space, ',' or ':' */
			while (i < len && !strchr("\"{}[],", s[i]))
				i++;
			if (depth && i < len && s[i] == ',')
				i++;
		}
	} while (depth > 0 && i < len);
	return i;
}

int
walk_next(const char *s, size_t len, size_t *i, size_t *kb, size_t *ke, size_t *vb, size_t *ve)
{
	skipws(s, len, i);
	if (*i >= len || s[*i] == ']' || s[*i] == '}')
		return 0;
	if (kb) {
		*kb = *i;
		*ke = *i = json_string_end(s, len, *i) + 1;
		skipws(s, len, i);
		(*i)++;		/* the colon */
		skipws(s, len, i);
	}
	*vb = *i;
	*ve = *i = walk_skip(s, len, *i);
	skipws(s, len, i);
	if (*i < len && s[*i] == ',')
		(*i)++;
	return 1;
}

int
walk_str_is(const char *s, size_t b, size_t e, const char *w, size_t wn, struct buf *tmp)
{
	if (s[b] != '"')
		return 0;
	if (!memchr(s + b + 1, '\\', e - b - 2))
		return e - b - 2 == wn && memcmp(s + b + 1, w, wn) == 0;
	json_unescape(s + b, e - b, tmp);
	return tmp->len == wn && memcmp(tmp->s, w, wn) == 0;
}
