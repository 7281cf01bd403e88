#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "json.h"
#include "scan.h"
#include "utf8.h"
#include "util.h"

struct parser {
	const unsigned char *s;
	size_t i, n;
	const char *err;
	int depth;
};

#define WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')

static int value(struct parser *);
static int keyeq(const char *, size_t, size_t, const char *, size_t);

/*
 * Repeated top-level keys.  A record has a few members: each new key is
 * compared with the ones before it.  Past DUP_FEW members (a hostile
 * line may hold a million) the keys go in a hash table, so the check
 * stays linear.
 */
enum { DUP_FEW = 16 };

struct jkeyslot {
	size_t i;		/* member index + 1; 0: empty */
	uint32_t h;
};

/* The hash of member m's key, decoded. */
static uint32_t
keyhash(const struct jobj *o, const struct jmember *m)
{
	struct buf tmp = { 0 };
	uint32_t h;

	if (!m->kesc)
		return hash_bytes(o->s + m->kbeg + 1, m->kend - m->kbeg - 2);
	json_unescape(o->s + m->kbeg, m->kend - m->kbeg, &tmp);
	h = hash_bytes(tmp.s ? tmp.s : "", tmp.len);
	buf_free(&tmp);
	return h;
}

/* Do members a and b have the same key, decoded? */
static int
samekey(const struct jobj *o, const struct jmember *a, const struct jmember *b)
{
	struct buf tmp = { 0 };
	size_t la = a->kend - a->kbeg;
	int eq;

	if (!a->kesc && !b->kesc)
		return la == b->kend - b->kbeg &&
		    memcmp(o->s + a->kbeg, o->s + b->kbeg, la) == 0;
	json_unescape(o->s + a->kbeg, la, &tmp);
	eq = keyeq(o->s, b->kbeg, b->kend, tmp.s ? tmp.s : "", tmp.len);
	buf_free(&tmp);
	return eq;
}

/* Puts member k in the table; 1 if an earlier member has its key. */
static int
keyput(struct jobj *o, size_t k, int check)
{
	const struct jmember *m = &o->m[k];
	uint32_t h = keyhash(o, m);
	size_t j, mask = o->htsize - 1;

	for (j = h & mask; o->ht[j].i; j = (j + 1) & mask)
		if (check && o->ht[j].h == h && samekey(o, &o->m[o->ht[j].i - 1], m))
			return 1;
	o->ht[j].i = k + 1;
	o->ht[j].h = h;
	return 0;
}

/*
 * Has the last member noted the key of an earlier one?  *seen is a
 * one-word Bloom filter of the plain keys so far, by length and end
 * bytes: most keys miss it and take no comparison at all.  An escaped
 * key is compared with every other one.
 */
static int
dupkey(struct jobj *o, uint64_t *seen, int *esc)
{
	const struct jmember *m;
	size_t k, n = o->n, len;
	uint64_t bit;

	if (n <= DUP_FEW) {
		m = &o->m[n - 1];
		*esc |= m->kesc;
		if (!*esc) {
			len = m->kend - m->kbeg - 2;
			bit = (uint64_t)1 << ((len * 7 + 3 * (unsigned char)o->s[m->kbeg + 1] +
			    (unsigned char)o->s[m->kend - 2]) & 63);
			if (!(*seen & bit)) {
				*seen |= bit;
				return 0;
			}
		}
		for (k = 0; k + 1 < n; k++)
			if (samekey(o, &o->m[k], m))
				return 1;
		return 0;
	}
	/* A new table at the first member past DUP_FEW, then at half full. */
	if (n == DUP_FEW + 1 || 2 * n > o->htsize) {
		o->htsize = n == DUP_FEW + 1 ? 4 * DUP_FEW : 2 * o->htsize;
		if (o->htsize > o->htcap) {
			o->htcap = o->htsize;
			free(o->ht);
			o->ht = xcalloc(o->htcap, sizeof *o->ht);
		} else {
			memset(o->ht, 0, o->htsize * sizeof *o->ht);
		}
		for (k = 0; k + 1 < n; k++)
			keyput(o, k, 0);
	}
	return keyput(o, n - 1, 1);
}

static int
fail(struct parser *p, const char *msg)
{
	if (!p->err)
		p->err = msg;
	return -1;
}

static inline __attribute__((always_inline)) void
skipws(struct parser *p)
{
	size_t i = p->i;

	/* most often none: any byte above ' ' is no white space */
	while (i < p->n && p->s[i] <= ' ' && WS(p->s[i]))
		i++;
	p->i = i;
}


static int
hex4(const unsigned char *s, unsigned *v)
{
	unsigned x = 0;
	int k;

	for (k = 0; k < 4; k++) {
		unsigned c = s[k];
		x <<= 4;
		if (c >= '0' && c <= '9')
			x |= c - '0';
		else if (c >= 'a' && c <= 'f')
			x |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			x |= c - 'A' + 10;
		else
			return -1;
	}
	*v = x;
	return 0;
}

/*
 * The rest of a string from p->i, where scan_json() stopped at a byte
 * other than the closing quote: 0, or 1 when it holds an escape, or -1.
 */
static int
string_rest(struct parser *p)
{
	const unsigned char *s = p->s;
	size_t n = p->n;
	unsigned u, u2;
	int k, esc = 0;

	for (;; p->i = scan_json(s, p->i, n, 1, 1)) {
		if (p->i >= n)
			return fail(p, "unterminated string");
		if (s[p->i] == '"') {
			p->i++;
			return esc;
		}
		if (s[p->i] < 0x20)
			return fail(p, "control character in string");
		if (s[p->i] >= 0x80) {
			if (!(k = utf8_seq(s + p->i, n - p->i)))
				return fail(p, "invalid UTF-8");
			p->i += k;
			continue;
		}
		/* A backslash. */
		esc = 1;
		if (p->i + 1 >= n)
			return fail(p, "unterminated string");
		switch (s[p->i + 1]) {
		case '"': case '\\': case '/': case 'b': case 'f':
		case 'n': case 'r': case 't':
			p->i += 2;
			break;
		case 'u':
			if (p->i + 6 > n || hex4(s + p->i + 2, &u) < 0)
				return fail(p, "bad \\u escape");
			if (u >= 0xDC00 && u <= 0xDFFF)
				return fail(p, "lone surrogate in \\u escape");
			if (u >= 0xD800 && u <= 0xDBFF) {
				if (p->i + 12 > n || s[p->i + 6] != '\\' ||
				    s[p->i + 7] != 'u' ||
				    hex4(s + p->i + 8, &u2) < 0 ||
				    u2 < 0xDC00 || u2 > 0xDFFF)
					return fail(p, "lone surrogate in \\u escape");
				p->i += 6;
			}
			p->i += 6;
			break;
		default:
			return fail(p, "bad escape in string");
		}
	}
}

/*
 * 0, or 1 when the string holds an escape, or -1.  Inline: most
 * strings are plain ASCII, one scan to the closing quote.
 */
static inline __attribute__((always_inline)) int
string(struct parser *p)
{
	p->i = scan_json(p->s, p->i + 1, p->n, 1, 1);
	if (p->i < p->n && p->s[p->i] == '"') {
		p->i++;
		return 0;
	}
	return string_rest(p);
}

static int
number(struct parser *p)
{
	const unsigned char *s = p->s;
	size_t n = p->n;

#define DIGIT(j) ((j) < n && s[j] >= '0' && s[j] <= '9')
	if (p->i < n && s[p->i] == '-')
		p->i++;
	if (!DIGIT(p->i))
		return fail(p, "bad number");
	if (s[p->i] == '0')
		p->i++;
	else
		while (DIGIT(p->i))
			p->i++;
	if (p->i < n && s[p->i] == '.') {
		p->i++;
		if (!DIGIT(p->i))
			return fail(p, "bad number");
		while (DIGIT(p->i))
			p->i++;
	}
	if (p->i < n && (s[p->i] == 'e' || s[p->i] == 'E')) {
		p->i++;
		if (p->i < n && (s[p->i] == '+' || s[p->i] == '-'))
			p->i++;
		if (!DIGIT(p->i))
			return fail(p, "bad number");
		while (DIGIT(p->i))
			p->i++;
	}
#undef DIGIT
	return 0;
}

static int
word(struct parser *p, const char *w)
{
	size_t k = strlen(w);

	if (p->n - p->i < k || memcmp(p->s + p->i, w, k) != 0)
		return fail(p, "unexpected character");
	p->i += k;
	return 0;
}

/* Members go to o when o is given (the top level only). */
static int
object(struct parser *p, struct jobj *o)
{
	struct jmember m;
	uint64_t seen = 0;
	int k, esc = 0;

	if (++p->depth > JSON_MAXDEPTH)
		return fail(p, "nested too deeply");
	p->i++;
	skipws(p);
	if (p->i < p->n && p->s[p->i] == '}') {
		p->i++;
		p->depth--;
		return 0;
	}
	for (;;) {
		if (p->i >= p->n)
			return fail(p, "unterminated object");
		if (p->s[p->i] != '"')
			return fail(p, "expected a string key");
		m.kbeg = p->i;
		if ((k = string(p)) < 0)
			return -1;
		m.kesc = (unsigned char)k;
		m.kend = p->i;
		skipws(p);
		if (p->i >= p->n || p->s[p->i] != ':')
			return fail(p, "expected ':'");
		p->i++;
		skipws(p);
		m.vbeg = p->i;
		if ((k = value(p)) < 0)
			return -1;
		m.vesc = (unsigned char)k;
		m.vend = p->i;
		if (o) {
			if (o->n == o->cap) {
				o->cap = o->cap ? 2 * o->cap : 16;
				o->m = xrealloc(o->m, o->cap * sizeof *o->m);
			}
			o->m[o->n++] = m;
			if (dupkey(o, &seen, &esc)) {
				p->i = m.kbeg;
				return fail(p, "duplicate key");
			}
		}
		skipws(p);
		if (p->i >= p->n)
			return fail(p, "unterminated object");
		if (p->s[p->i] == '}') {
			p->i++;
			p->depth--;
			return 0;
		}
		if (p->s[p->i] != ',')
			return fail(p, "expected ',' or '}'");
		p->i++;
		skipws(p);
	}
}

static int
array(struct parser *p)
{
	if (++p->depth > JSON_MAXDEPTH)
		return fail(p, "nested too deeply");
	p->i++;
	skipws(p);
	if (p->i < p->n && p->s[p->i] == ']') {
		p->i++;
		p->depth--;
		return 0;
	}
	for (;;) {
		if (value(p) < 0)
			return -1;
		skipws(p);
		if (p->i >= p->n)
			return fail(p, "unterminated array");
		if (p->s[p->i] == ']') {
			p->i++;
			p->depth--;
			return 0;
		}
		if (p->s[p->i] != ',')
			return fail(p, "expected ',' or ']'");
		p->i++;
		skipws(p);
	}
}

static int
value(struct parser *p)
{
	if (p->i >= p->n)
		return fail(p, "unexpected end of line");
	switch (p->s[p->i]) {
	case '{': return object(p, NULL);
	case '[': return array(p);
	case '"': return string(p);
	case 't': return word(p, "true");
	case 'f': return word(p, "false");
	case 'n': return word(p, "null");
	case '-': case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		return number(p);
	default:
		return fail(p, "unexpected character");
	}
}

int
jobj_parse(struct jobj *o, const char *s, size_t len, const char **err, size_t *off)
{
	struct parser p = { (const unsigned char *)s, 0, len, NULL, 0 };

	o->s = s;
	o->len = len;
	o->n = 0;
	skipws(&p);
	if (p.i >= len)
		fail(&p, "empty line, expected a JSON object");
	else if (p.s[p.i] != '{')
		fail(&p, "expected a JSON object");
	else if (object(&p, o) == 0) {
		skipws(&p);
		if (p.i < len)
			fail(&p, "trailing characters after the object");
	}
	if (p.err) {
		*err = p.err;
		*off = p.i;
		return -1;
	}
	return 0;
}

void
jobj_free(struct jobj *o)
{
	free(o->m);
	o->m = NULL;
	o->n = o->cap = 0;
	free(o->ht);
	o->ht = NULL;
	o->htsize = o->htcap = 0;
}

/* Does the checked key literal s[b..e) (quotes included) decode to key? */
static int
keyeq(const char *s, size_t b, size_t e, const char *key, size_t klen)
{
	struct buf tmp = { 0 };
	int eq;

	if (!memchr(s + b, '\\', e - b))
		return e - b - 2 == klen && memcmp(s + b + 1, key, klen) == 0;
	if (e - b - 2 < klen)
		return 0;	/* an escape only makes a key shorter */
	json_unescape(s + b, e - b, &tmp);
	eq = tmp.len == klen && memcmp(tmp.s, key, klen) == 0;
	buf_free(&tmp);
	return eq;
}

const struct jmember *
jobj_get(const struct jobj *o, const char *key)
{
	size_t k, klen = strlen(key);

	const struct jmember *m;

	/* The last of duplicate keys wins, as in jq (jobj_parse refuses them). */
	for (k = o->n; k-- > 0;) {
		m = &o->m[k];
		if (!m->kesc ? m->kend - m->kbeg - 2 == klen &&
		    memcmp(o->s + m->kbeg + 1, key, klen) == 0 :
		    keyeq(o->s, m->kbeg, m->kend, key, klen))
			return m;
	}
	return NULL;
}

/* Is the C string k the n bytes at key?  No strlen(): most differ at once. */
static inline int
keyis(const char *k, const char *key, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (k[i] != key[i] || k[i] == '\0')
			return 0;
	return k[n] == '\0';
}

void
jobj_fields(const struct jobj *o, const char *const *keys,
    const struct jmember **out, struct buf *tmp)
{
	const struct jmember *m;
	const char *key;
	size_t k, j, kl;
	uint64_t first = 0;	/* bit c & 63 for each key's first byte c */

	for (j = 0; keys[j]; j++) {
		out[j] = NULL;
		first |= 1ULL << ((unsigned char)keys[j][0] & 63);
	}
	for (k = 0; k < o->n; k++) {
		m = &o->m[k];
		key = o->s + m->kbeg + 1;
		kl = m->kend - m->kbeg - 2;
		/* most members are none of the keys: not their first byte */
		if (kl && !m->kesc && !(first >> ((unsigned char)key[0] & 63) & 1))
			continue;
		if (m->kesc) {
			json_unescape(o->s + m->kbeg, m->kend - m->kbeg, tmp);
			key = tmp->s;
			kl = tmp->len;
		}
		for (j = 0; keys[j]; j++)
			if (keyis(keys[j], key, kl)) {
				out[j] = m;
				break;
			}
	}
}

int
jmember_int(const struct jobj *o, const struct jmember *m, long long *v)
{
	const char *p;
	long long x = 0;
	int neg = 0;
	size_t i;

	if (!m)
		return -1;
	p = o->s + m->vbeg;
	i = 0;
	if (p[0] == '-')
		neg = 1, i = 1;
	for (; m->vbeg + i < m->vend; i++) {
		if (p[i] < '0' || p[i] > '9' || x > (1LL << 53))
			return -1;
		x = x * 10 + (p[i] - '0');
	}
	if (i == (size_t)neg)
		return -1;
	*v = neg ? -x : x;
	return 0;
}

size_t
json_plain_end(const char *s, size_t n, size_t i)
{
	return scan_json((const unsigned char *)s, i, n, 0, 0);
}

size_t
json_string_end(const char *s, size_t n, size_t i)
{
	const unsigned char *p = (const unsigned char *)s;

	for (i++; (i = scan_json(p, i, n, 0, 0)) < n && p[i] == '\\'; i += 2)
		;
	return i;
}

size_t
json_skip(const char *s, size_t len, size_t i)
{
	struct parser p = { (const unsigned char *)s, i, len, NULL, 0 };

	value(&p);
	return p.i;
}

int
json_path(const char *s, size_t len, const char *path, size_t *vb, size_t *ve)
{
	size_t b = 0, e = len, i, kb, ke, klen;
	const char *dot;
	int found;

	while (b < e && WS((unsigned char)s[b]))
		b++;
	while (e > b && WS((unsigned char)s[e - 1]))
		e--;
	if (strcmp(path, ".") == 0) {
		*vb = b, *ve = e;
		return 0;
	}
	while (*path) {
		dot = strchr(path, '.');
		klen = dot ? (size_t)(dot - path) : strlen(path);
		if (b >= e || s[b] != '{')
			return -1;
		found = 0;
		i = b + 1;
		for (;;) {
			while (i < e && WS((unsigned char)s[i]))
				i++;
			if (i >= e || s[i] != '"')
				break;
			kb = i;
			ke = json_skip(s, e, i);
			i = ke;
			while (i < e && (WS((unsigned char)s[i]) || s[i] == ':'))
				i++;
			b = i;
			i = json_skip(s, e, i);
			if (keyeq(s, kb, ke, path, klen)) {
				found = 1;	/* keep looking: the last wins */
				*vb = b, *ve = i;
			}
			while (i < e && (WS((unsigned char)s[i]) || s[i] == ','))
				i++;
		}
		if (!found)
			return -1;
		b = *vb, e = *ve;
		path += klen;
		if (*path == '.')
			path++;
	}
	return 0;
}



void
json_unescape(const char *s, size_t len, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 1, j;
	unsigned u, u2;

	buf_reset(out);
	while (i < len && p[i] != '"') {
		j = scan_json(p, i, len, 0, 0);
		buf_add(out, s + i, j - i);
		i = j;
		if (i >= len || p[i] == '"')
			break;
		switch (p[i + 1]) {
		case 'b': buf_addc(out, '\b'); break;
		case 'f': buf_addc(out, '\f'); break;
		case 'n': buf_addc(out, '\n'); break;
		case 'r': buf_addc(out, '\r'); break;
		case 't': buf_addc(out, '\t'); break;
		case 'u':
			hex4(p + i + 2, &u);
			if (u >= 0xD800 && u <= 0xDBFF) {
				hex4(p + i + 8, &u2);
				u = 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00);
				i += 6;
			}
			utf8_put(out, u);
			i += 4;
			break;
		default: buf_addc(out, p[i + 1]); break;
		}
		i += 2;
	}
}

void
json_escape(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i, j;

	buf_grow(b, n + 2);
	buf_addc(b, '"');
	for (i = 0; i < n; i = j + 1) {
		j = scan_json(p, i, n, 1, 0);
		buf_add(b, s + i, j - i);
		if (j >= n)
			break;
		buf_addc(b, '\\');
		switch (p[j]) {
		case '"': buf_addc(b, '"'); break;
		case '\\': buf_addc(b, '\\'); break;
		case '\n': buf_addc(b, 'n'); break;
		case '\r': buf_addc(b, 'r'); break;
		case '\t': buf_addc(b, 't'); break;
		case '\b': buf_addc(b, 'b'); break;
		case '\f': buf_addc(b, 'f'); break;
		default:
			buf_add(b, "u00", 3);
			buf_addc(b, hex[p[j] >> 4]);
			buf_addc(b, hex[p[j] & 15]);
		}
	}
	buf_addc(b, '"');
}

void
json_set_at(struct buf *out, const char *s, size_t len, const struct jmember *m, int any,
    const char *key, const char *val, size_t vlen)
{
	size_t end;

	if (m) {
		buf_add(out, s, m->vbeg);
		buf_add(out, val, vlen);
		buf_add(out, s + m->vend, len - m->vend);
		return;
	}
	/* Before the closing brace, after any white space ahead of it. */
	end = len;
	while (end > 0 && s[end - 1] != '}')
		end--;
	end--;
	while (end > 0 && WS((unsigned char)s[end - 1]))
		end--;
	buf_add(out, s, end);
	if (any)
		buf_addc(out, ',');
	json_escape(out, key, strlen(key));
	buf_addc(out, ':');
	buf_add(out, val, vlen);
	buf_add(out, s + end, len - end);
}

void
jobj_set(const struct jobj *o, struct buf *out, const char *key, const char *val, size_t vlen)
{
	json_set_at(out, o->s, o->len, jobj_get(o, key), o->n > 0, key, val, vlen);
}

const char *
jmember_text(const struct jobj *o, const struct jmember *m, struct buf *tmp, size_t *n)
{
	if (!m->vesc) {
		*n = m->vend - m->vbeg - 2;
		return o->s + m->vbeg + 1;
	}
	json_unescape(o->s + m->vbeg, m->vend - m->vbeg, tmp);
	*n = tmp->len;
	return tmp->s ? tmp->s : "";
}
