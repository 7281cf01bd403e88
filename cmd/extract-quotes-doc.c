/*
 * extract-quotes-doc: a document's text as code points, its records and
 * entities, and the text written back as UTF-8 or JSON.
 */
#include <stdlib.h>
#include <string.h>

#include "extract-quotes-text.h"
#include "scan.h"
#include "utf8.h"

void
qdoc_reset(struct qdoc *d)
{
	d->n = d->nr = d->ne = d->nq = d->nw = d->nsp = d->nrun = 0;
	buf_reset(&d->pool);
}

void
qdoc_free(struct qdoc *d)
{
	free(d->t);
	free(d->r);
	free(d->e);
	free(d->q);
	free(d->w);
	free(d->in);
	free(d->run);
	free(d->sp);
	buf_free(&d->pool);
	memset(d, 0, sizeof *d);
}

/* Notes that t[pos] is a character pair() must look at. */
static inline void
special(struct qdoc *d, size_t pos)
{
	GROW(d->sp, d->nsp, d->spcap, d->nsp + 1);
	d->sp[d->nsp++] = pos;
}

/* Is the ASCII byte p[i] one pair() looks at: '"', '\n', or the first ' of ''? */
static inline int
special_at(const unsigned char *p, size_t i, size_t n)
{
	return p[i] == '"' || p[i] == '\n' || (p[i] == '\'' && i + 1 < n && p[i + 1] == '\'');
}

static void
addcp(struct qdoc *d, uint32_t c)
{
	GROW(d->t, d->n, d->tcap, d->n + 1);
	if (c >= 0x80 || c == '"' || c == '\n')
		special(d, d->n);
	d->t[d->n++] = c;
}

void
qdoc_add_record(struct qdoc *d, const char *s, size_t n, long long ds, long long para)
{
	const unsigned char *p = (const unsigned char *)s;
	struct qrec *r;
	size_t i = 0;
	long long gap;
	int k;

	if (d->nr) {
		r = &d->r[d->nr - 1];
		gap = ds - (r->ds + (long long)(r->ce - r->cs));
		/* A paragraph break, or a gap we do not reproduce, is one newline. */
		if (para != r->para || gap < 0 || gap > 64)
			addcp(d, '\n');
		else
			while (gap-- > 0)
				addcp(d, ' ');
	}
	GROW(d->r, d->nr, d->rcap, d->nr + 1);
	r = &d->r[d->nr++];
	r->cs = d->n;
	r->ds = ds;
	r->para = para;
	GROW(d->t, d->n, d->tcap, d->n + n);	/* no more code points than bytes */
	d->bad = 0;
	while (i < n) {
		/* plain ASCII, many bytes at a time, up to a byte pair() may want */
		size_t j = scan_widen(p, i, n, d->t + d->n);

		d->n += j - i;
		if ((i = j) >= n)
			break;
		if (p[i] < 0x80) {
			if (special_at(p, i, n))
				special(d, d->n);
			d->t[d->n++] = p[i++];
			continue;
		}
		special(d, d->n);
		if (!utf8_seq(p + i, n - i)) {
			d->t[d->n++] = 0xFFFD;
			d->bad++;
			i++;
		} else {
			d->t[d->n++] = utf8_get(p + i, n - i, &k);
			i += (size_t)k;
		}
	}
	r->ce = d->n;
}

/*
 * Is the entity at a..b a party and state label after a name, as US
 * wires write it ("Rep. Dana Cole, D-N.Y., said", "(R-Texas)")?  It is
 * no speaker, and taken for one it hides the name before it.
 */
static int
party_label(const struct qdoc *d, size_t a, size_t b, size_t floor)
{
	size_t i;

	if (b - a < 3 || b - a > 14 || (d->t[a] != 'D' && d->t[a] != 'R' && d->t[a] != 'I') ||
	    (d->t[a + 1] != '-' && d->t[a + 1] != 0x2013) || d->t[a + 2] < 'A' || d->t[a + 2] > 'Z')
		return 0;
	for (i = a + 3; i < b; i++)
		if (!(((d->t[i] | 0x20) >= 'a' && (d->t[i] | 0x20) <= 'z') || d->t[i] == '.' || d->t[i] == ' '))
			return 0;
	for (i = a; i > floor && (d->t[i - 1] == ' ' || d->t[i - 1] == 0xA0); i--)
		;
	return i > floor && (d->t[i - 1] == ',' || d->t[i - 1] == '(');
}

int
qdoc_add_entity(struct qdoc *d, const struct qlex *l, long long start, long long end,
    const char *type, size_t tlen, const char *id, size_t idlen)
{
	struct qrec *r;
	struct qent *e;

	if (!d->nr)
		return -1;
	r = &d->r[d->nr - 1];
	if (start < 0 || end < start || (size_t)end > r->ce - r->cs)
		return -1;
	if (party_label(d, r->cs + (size_t)start, r->cs + (size_t)end, r->cs))
		return 0;
	GROW(d->e, d->ne, d->ecap, d->ne + 1);
	e = &d->e[d->ne++];
	e->cs = r->cs + (size_t)start;
	e->ce = r->cs + (size_t)end;
	e->speaker = qlex_is_type(l, type, tlen);
	e->person = tlen == 6 && memcmp(type, "PERSON", 6) == 0;
	e->group = tlen == 4 && memcmp(type, "NORP", 4) == 0;
	e->id = d->pool.len;
	buf_add(&d->pool, id, idlen);
	buf_addc(&d->pool, '\0');
	return 0;
}

size_t
qdoc_rec(const struct qdoc *d, size_t pos)
{
	size_t lo = 0, hi = d->nr;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (d->r[mid].cs <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

long long
qdoc_off(const struct qdoc *d, size_t pos)
{
	const struct qrec *r;

	if (!d->nr)
		return (long long)pos;
	r = &d->r[qdoc_rec(d, pos)];
	return r->ds + (long long)(pos - r->cs);
}

void
qdoc_utf8(const struct qdoc *d, size_t s, size_t e, struct buf *b)
{
	unsigned char *o;
	size_t i;

	if (e > d->n)
		e = d->n;
	if (s >= e)
		return;
	buf_grow(b, 4 * (e - s));	/* at most four bytes a code point */
	o = (unsigned char *)b->s + b->len;
	for (i = s; i < e; i++) {
		uint32_t c = d->t[i];
		if (c < 0x80)
			*o++ = (unsigned char)c;
		else
			o += utf8_enc((char *)o, c);
	}
	b->len = (size_t)((char *)o - b->s);
	b->s[b->len] = '\0';
}

/* The escape json_escape writes for byte c, or 0 if it is written as is. */
static const char jesc[128] = {
	'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'b', 't', 'n', 'u', 'f', 'r', 'u', 'u',
	'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u', 'u',
	['"'] = '"', ['\\'] = '\\',
};

void
qdoc_json(const struct qdoc *d, size_t s, size_t e, struct buf *b)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char *o;
	size_t i;

	if (e > d->n)
		e = d->n;
	if (e < s)
		e = s;
	buf_grow(b, 6 * (e - s) + 2);	/* \u00XX at most a code point */
	o = (unsigned char *)b->s + b->len;
	*o++ = '"';
	for (i = s; i < e; i++) {
		/* plain ASCII code points, none to escape, many at a time */
		size_t j = scan_narrow32(d->t, i, e, o);
		uint32_t c;

		o += j - i;
		if ((i = j) >= e)
			break;
		c = d->t[i];
		if (c >= 0x80) {
			o += utf8_enc((char *)o, c);
			continue;
		}
		if (!jesc[c]) {
			*o++ = (unsigned char)c;
			continue;
		}
		*o++ = '\\';
		*o++ = (unsigned char)jesc[c];
		if (jesc[c] == 'u') {
			*o++ = '0';
			*o++ = '0';
			*o++ = (unsigned char)hex[c >> 4];
			*o++ = (unsigned char)hex[c & 15];
		}
	}
	*o++ = '"';
	b->len = (size_t)((char *)o - b->s);
	b->s[b->len] = '\0';
}


/* ---- entities ---- */

size_t
qdoc_ent_from(const struct qdoc *d, size_t pos)
{
	size_t lo = 0, hi = d->ne;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->e[mid].cs < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

long
qdoc_ent_ending(const struct qdoc *d, size_t pos, size_t floor)
{
	size_t lo = 0, hi = d->ne, i, k;

	while (lo < hi) {	/* first entity with cs >= pos */
		size_t mid = (lo + hi) / 2;
		if (d->e[mid].cs < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo, k = 0; i > 0 && k < 4; i--, k++)
		if (d->e[i - 1].ce == pos && d->e[i - 1].cs >= floor && d->e[i - 1].speaker)
			return (long)(i - 1);
	return -1;
}

long
qdoc_ent_starting(const struct qdoc *d, size_t a, size_t b)
{
	size_t lo = 0, hi = d->ne, i;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->e[mid].cs < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < d->ne && d->e[i].cs < b; i++)
		if (d->e[i].speaker && !d->in[d->e[i].cs])
			return (long)i;
	return -1;
}
