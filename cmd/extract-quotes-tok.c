/*
 * extract-quotes-tok: the tokens of a stretch of a document's text, and
 * the words of the lexicon among them.
 */
#include <string.h>

#include "extract-quotes-text.h"
#include "utf8.h"

/* Is the point after t[a, b) part of the word: "U.N.", "J.", "Mr."? */
static int
abbrev(const struct qdoc *d, const struct qlex *l, size_t a, size_t b)
{
	char w[32];
	size_t i;

	if (b - a == 1 && is_upper(d->t[a]))
		return 1;
	if (b + 1 < d->n && (d->t[b + 1] == ')' || d->t[b + 1] == ','))
		return 1;	/* "(D-Ore.)", "R-Miss., told": no sentence ends there */
	for (i = a; i < b; i++)
		if (d->t[i] == '.')
			return 1;
	if (b - a >= sizeof w)
		return 0;
	for (i = a; i < b; i++) {
		if (d->t[i] >= 0x80)
			return 0;
		w[i - a] = lower(d->t[i]);
	}
	w[b - a] = '\0';
	return (qlex_get(l, w) & LX_ABBREV) != 0;
}

/*
 * Splits t[a, b) into words, punctuation and quotations (one token
 * each), at most max tokens.
 */
void
qtok_split(const struct qdoc *d, const struct qlex *l, size_t a, size_t b, struct toks *tk,
    size_t max)
{
	size_t i = a, j;

	tk->n = 0;
	if (b > d->n)
		b = d->n;
	/* at most a token a code point: room made once */
	if (b > i)
		GROW(tk->v, tk->n, tk->cap, b - i < max ? b - i : max);
	while (i < b && tk->n < max) {
		uint32_t c = d->t[i];
		if (is_space(c) && c != '\n') {
			i++;
			continue;
		}
		if (d->in[i]) {
			j = qdoc_run_end(d, i);
			if (j > b)
				j = b;
			tk->v[tk->n++] = (struct tok){ i, j, T_QUOTE, 0 };
			i = j;
			continue;
		}
		if (is_alnum(c)) {
			for (j = i + 1; j < b; j++) {
				if (is_alnum(d->t[j]))
					continue;
				if ((is_apos(d->t[j]) || d->t[j] == '-' || d->t[j] == '.') &&
				    j + 1 < b && is_alnum(d->t[j + 1]) && !d->in[j + 1])
					continue;
				if (d->t[j] == '.' && abbrev(d, l, i, j)) {
					j++;
					break;
				}
				break;
			}
			/* U.N. keeps its last point when a capital stands before it. */
			tk->v[tk->n++] = (struct tok){ i, j, T_WORD, 0 };
			i = j;
			continue;
		}
		tk->v[tk->n++] = (struct tok){ i, i + 1, T_PUNCT, c };
		i++;
	}
}

/* Lower case, ’ as ', and words one space apart. */
int
qtok_key(const struct qdoc *d, const struct toks *tk, size_t k, size_t nw, char *out, size_t size)
{
	size_t i, w, o = 0;
	char u[4];
	int m;

	for (w = 0; w < nw; w++) {
		if (k + w >= tk->n || tk->v[k + w].kind != T_WORD)
			return 0;
		if (w)
			out[o++] = ' ';
		for (i = tk->v[k + w].a; i < tk->v[k + w].b; i++) {
			uint32_t c = d->t[i];
			if (c < 0x80) {
				if (o + 3 >= size)
					return 0;
				out[o++] = lower(c);
				continue;
			}
			if (c == 0x2019)
				c = '\'';
			c = (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
			m = utf8_enc(u, c);
			if (o + (size_t)m + 2 >= size)
				return 0;
			memcpy(out + o, u, (size_t)m);
			o += (size_t)m;
		}
	}
	out[o] = '\0';
	return 1;
}

unsigned
qtok_cls(const struct qdoc *d, const struct qlex *l, const struct toks *tk, size_t k)
{
	char key[64];

	return qtok_key(d, tk, k, 1, key, sizeof key) ? qlex_get(l, key) : 0;
}

/*
 * A reporting verb (or "according to") of one to three words at token
 * k: returns the number of words and its class, and its key in out.
 */
size_t
qtok_verb(const struct qdoc *d, const struct qlex *l, const struct toks *tk, size_t k,
    unsigned *cls, char *out, size_t size)
{
	size_t nw;
	unsigned c, c1;

	if (!qtok_key(d, tk, k, 1, out, size))
		return 0;
	c1 = qlex_get(l, out);
	if (c1 & LX_PREFIX)
		for (nw = 3; nw > 1; nw--) {
			if (!qtok_key(d, tk, k, nw, out, size))
				continue;
			c = qlex_get(l, out);
			if (c & (LX_VERB | LX_AFTER)) {
				*cls = c;
				return nw;
			}
		}
	if (c1 & (LX_VERB | LX_AFTER)) {
		/* "Dana Quip", "Ed Said": a capitalised word of a name is no verb */
		if (is_upper(d->t[tk->v[k].a])) {
			size_t i = qdoc_ent_from(d, tk->v[k].a + 1);
			if (i > 0 && d->e[i - 1].ce > tk->v[k].a && d->e[i - 1].cs < tk->v[k].a)
				return 0;
		}
		if (c1 & LX_PREFIX)	/* out holds a longer key */
			qtok_key(d, tk, k, 1, out, size);
		*cls = c1;
		return 1;
	}
	return 0;
}
