#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "dedupe-keys.h"
#include "json.h"

static const char hexd[] = "0123456789abcdef";

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
