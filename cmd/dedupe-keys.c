#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "dedupe-keys.h"
#include "json.h"

static const char hexd[] = "0123456789abcdef";

/* Writes v in digits hex digits at p (room made by the caller). */
static char *
hexput(char *p, uint64_t v, int digits)
{
	int i;

	for (i = digits - 1; i >= 0; i--, v >>= 4)
		p[i] = hexd[v & 15];
	return p + digits;
}

static void
nd_format(struct buf *b, uint32_t n, const char *doc, size_t doclen)
{
	if (n == 0xFFFFFFFFu)
		buf_adds(b, "\tnull\t");
	else
		buf_printf(b, "\t%u\t", (unsigned)n);
	if (doc)
		buf_add(b, doc, doclen);
	else
		buf_adds(b, "null");
}

void
nearline_format(struct buf *b, const char *path, unsigned long line,
    struct h128 h, int words, const struct sketch *sk, uint32_t n,
    const char *doc, size_t doclen)
{
	size_t i;

	char *p;

	keypos_format(b, path, line);
	buf_grow(b, 38 + 16 * SK_BANDS + 8 * sk->nset);
	p = b->s + b->len;
	*p++ = '\t';
	p = hexput(p, h.hi, 16);
	p = hexput(p, h.lo, 16);
	*p++ = '\t';
	if (!words) {
		memcpy(p, "-\t\t", 3);
		p += 3;
	} else {
		*p++ = sk->truncated ? 't' : 's';
		*p++ = '\t';
		for (i = 0; i < SK_BANDS; i++)
			p = hexput(p, sk->band[i], 16);
		*p++ = '\t';
		for (i = 0; i < sk->nset; i++)
			p = hexput(p, sk->set[i], 8);
	}
	b->len = p - b->s;
	b->s[b->len] = '\0';
	nd_format(b, n, doc, doclen);
}

void
keypos_format(struct buf *b, const char *path, unsigned long line)
{
	json_escape(b, path, strlen(path));
	buf_printf(b, "\t%012lu", line);
}

void
keyline_format(struct buf *b, struct h128 h, const char *path,
    unsigned long line, uint32_t n, const char *doc, size_t doclen)
{
	char hex[32];
	int i;

	for (i = 0; i < 16; i++) {
		hex[i] = hexd[h.hi >> (60 - 4 * i) & 15];
		hex[16 + i] = hexd[h.lo >> (60 - 4 * i) & 15];
	}
	buf_add(b, hex, 32);
	buf_addc(b, '\t');
	keypos_format(b, path, line);
	if (n == 0xFFFFFFFFu)
		buf_adds(b, "\tnull\t");
	else
		buf_printf(b, "\t%u\t", (unsigned)n);
	if (doc)
		buf_add(b, doc, doclen);
	else
		buf_adds(b, "null");
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

const char *
keyline_parse(struct keyline *k, const char *s, size_t len)
{
	struct jobj o = { 0 };
	struct buf tmp = { 0 };
	const char *err;
	size_t i, j, off;
	int v, bad;

	if (len < 33 || s[32] != '\t')
		return "bad key line: expected 32 hex digits and a tab";
	k->hash.hi = k->hash.lo = 0;
	for (i = 0; i < 32; i++) {
		if ((v = hexval((unsigned char)s[i])) < 0)
			return "bad key line: expected 32 hex digits and a tab";
		if (i < 16)
			k->hash.hi = k->hash.hi << 4 | v;
		else
			k->hash.lo = k->hash.lo << 4 | v;
	}
	/* NAME: a JSON string, checked below with the rest. */
	i = 33;
	if (i >= len || s[i] != '"')
		return "bad key line: expected a JSON string name";
	for (j = i + 1; j < len && s[j] != '"'; j++)
		if (s[j] == '\\')
			j++;
	if (j >= len)
		return "bad key line: expected a JSON string name";
	j++;
	if (len - j < 14 || s[j] != '\t' || s[j + 13] != '\t')
		return "bad key line: expected a 12-digit line number";
	for (i = j + 1; i < j + 13; i++)
		if (s[i] < '0' || s[i] > '9')
			return "bad key line: expected a 12-digit line number";
	k->pos = s + 33;
	k->poslen = j + 13 - 33;
	i = j + 14;
	k->n = s + i;
	while (i < len && s[i] != '\t')
		i++;
	k->nlen = s + i - k->n;
	if (i >= len)
		return "bad key line: expected n and doc";
	bad = k->nlen == 0 || k->nlen > 10;
	if (!(k->nlen == 4 && memcmp(k->n, "null", 4) == 0))
		for (j = 0; j < k->nlen; j++)
			bad |= k->n[j] < '0' || k->n[j] > '9';
	if (bad)
		return "bad key line: n is neither a number nor null";
	k->doc = s + i + 1;
	k->doclen = len - i - 1;
	/* The name and the doc must be good JSON: they go into records. */
	buf_adds(&tmp, "{\"p\":");
	buf_add(&tmp, k->pos, k->poslen - 13);
	buf_adds(&tmp, ",\"d\":");
	buf_add(&tmp, k->doc, k->doclen);
	buf_addc(&tmp, '}');
	bad = jobj_parse(&o, tmp.s, tmp.len, &err, &off) < 0 || o.n != 2;
	jobj_free(&o);
	buf_free(&tmp);
	if (bad || k->doclen == 0)
		return "bad key line: bad JSON in the name or the doc";
	return NULL;
}

int
h128_cmp(struct h128 a, struct h128 b)
{
	if (a.hi != b.hi)
		return a.hi < b.hi ? -1 : 1;
	if (a.lo != b.lo)
		return a.lo < b.lo ? -1 : 1;
	return 0;
}

int
keypos_cmp(const char *a, size_t na, const char *b, size_t nb)
{
	int c = memcmp(a, b, na < nb ? na : nb);

	if (c)
		return c;
	return (na > nb) - (na < nb);
}

/* Reads digits hex digits at s into *v; -1 if one is not a hex digit. */
static int
hexget(const char *s, int digits, uint64_t *v)
{
	uint64_t x = 0;
	unsigned ok = 1, c;
	int i;

	for (i = 0; i < digits; i++) {
		c = (unsigned char)s[i];
		ok &= (c - '0' < 10u) | (c - 'a' < 6u);
		x = x << 4 | ((c & 15) + 9 * (c >> 6 & 1));
	}
	*v = x;
	return ok ? 0 : -1;
}

void
nearline_free(struct nearline *k)
{
	jobj_free(&k->o);
	buf_free(&k->chk);
	buf_free(&k->last);
}

/*
 * The steps of nearline_parse, field by field: each reads from s[*i],
 * leaves *i after the field's tab, and returns NULL or the message.
 */

/* NAME TAB LINE TAB: the position, a JSON string and a 12-digit line number. */
static const char *
kl_pos(struct nearline *k, const char *s, size_t len, size_t *i)
{
	size_t j, d;

	if (len == 0 || s[0] != '"')
		return "bad key line: expected a JSON string name";
	for (j = 1; j < len && s[j] != '"'; j++)
		if (s[j] == '\\')
			j++;
	if (j >= len)
		return "bad key line: expected a JSON string name";
	j++;
	if (len - j < 14 || s[j] != '\t' || s[j + 13] != '\t')
		return "bad key line: expected a 12-digit line number";
	for (d = j + 1; d < j + 13; d++)
		if (s[d] < '0' || s[d] > '9')
			return "bad key line: expected a 12-digit line number";
	k->pos = s;
	k->poslen = j + 13;
	*i = j + 14;
	return NULL;
}

/* HASH TAB KIND TAB */
static const char *
kl_hash(struct nearline *k, const char *s, size_t len, size_t *i)
{
	if (len - *i < 35 || s[*i + 32] != '\t' || hexget(s + *i, 16, &k->hash.hi) < 0 ||
	    hexget(s + *i + 16, 16, &k->hash.lo) < 0)
		return "bad key line: expected 32 hex digits and a tab";
	*i += 33;
	k->kind = s[*i];
	if ((k->kind != '-' && k->kind != 's' && k->kind != 't') || s[*i + 1] != '\t')
		return "bad key line: expected -, s or t";
	*i += 2;
	return NULL;
}

/* BANDS TAB: none for kind -, else SK_BANDS keys of 16 hex digits. */
static const char *
kl_bands(struct nearline *k, struct sketch *sk, const char *s, size_t len, size_t *i)
{
	const char *t = memchr(s + *i, '\t', len - *i);
	size_t j, nb = t ? (size_t)(t - (s + *i)) : 0;
	uint64_t v;

	if (!t || nb != (k->kind == '-' ? 0 : 16 * SK_BANDS))
		return "bad key line: expected the band keys";
	for (j = 0; j < nb / 16; j++)
		if (hexget(s + *i + 16 * j, 16, &v) < 0)
			return "bad key line: expected the band keys";
		else
			sk->band[j] = v;
	*i += nb + 1;
	return NULL;
}

/* SET TAB: the sorted shingle hashes, 8 hex digits each; none for kind -. */
static const char *
kl_set(struct nearline *k, struct sketch *sk, const char *s, size_t len, size_t *i)
{
	const char *t = *i < len ? memchr(s + *i, '\t', len - *i) : NULL;
	size_t j, nh = t ? (size_t)(t - (s + *i)) : 0;
	uint64_t v;

	if (!t || nh % 8 || nh / 8 > SK_KMAX || (k->kind == '-') != (nh == 0))
		return "bad key line: expected the shingle set";
	for (j = 0; j < nh / 8; j++) {
		if (hexget(s + *i + 8 * j, 8, &v) < 0)
			return "bad key line: expected the shingle set";
		if (j > 0 && v <= sk->set[j - 1])
			return "bad key line: the shingle set is not sorted";
		sk->set[j] = (uint32_t)v;
	}
	sk->nset = nh / 8;
	sk->truncated = k->kind == 't';
	*i += nh + 1;
	return NULL;
}

/* N TAB DOC: n a number of at most 10 digits or null, the doc the rest. */
static const char *
kl_ndoc(struct nearline *k, const char *s, size_t len, size_t i)
{
	size_t j;
	int bad;

	k->n = s + i;
	while (i < len && s[i] != '\t')
		i++;
	k->nlen = s + i - k->n;
	if (i >= len)
		return "bad key line: expected n and doc";
	bad = k->nlen == 0 || k->nlen > 10;
	if (!(k->nlen == 4 && memcmp(k->n, "null", 4) == 0))
		for (j = 0; j < k->nlen; j++)
			bad |= k->n[j] < '0' || k->n[j] > '9';
	if (bad)
		return "bad key line: n is neither a number nor null";
	k->doc = s + i + 1;
	k->doclen = len - i - 1;
	if (k->doclen == 0)
		return "bad key line: bad JSON in the name or the doc";
	return NULL;
}

/* The name and the doc are JSON: checked unless they are the last line's. */
static const char *
kl_json(struct nearline *k)
{
	const char *err;
	size_t off;

	buf_reset(&k->chk);
	buf_adds(&k->chk, "{\"p\":");
	buf_add(&k->chk, k->pos, k->poslen - 13);
	buf_adds(&k->chk, ",\"d\":");
	buf_add(&k->chk, k->doc, k->doclen);
	buf_addc(&k->chk, '}');
	if (k->chk.len == k->last.len && memcmp(k->chk.s, k->last.s, k->chk.len) == 0)
		return NULL;
	if (jobj_parse(&k->o, k->chk.s, k->chk.len, &err, &off) < 0 || k->o.n != 2)
		return "bad key line: bad JSON in the name or the doc";
	buf_reset(&k->last);
	buf_add(&k->last, k->chk.s, k->chk.len);
	return NULL;
}

/* NAME TAB LINE TAB HASH TAB KIND TAB BANDS TAB SET TAB N TAB DOC */
const char *
nearline_parse(struct nearline *k, struct sketch *sk, const char *s, size_t len)
{
	const char *err;
	size_t i;

	if ((err = kl_pos(k, s, len, &i)) || (err = kl_hash(k, s, len, &i)) ||
	    (err = kl_bands(k, sk, s, len, &i)) || (err = kl_set(k, sk, s, len, &i)) ||
	    (err = kl_ndoc(k, s, len, i)))
		return err;
	return kl_json(k);
}
