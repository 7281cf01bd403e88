#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "dedupe-keys.h"
#include "json.h"
#include "scan.h"
#include "util.h"

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

/* The header after KEYHDR TAB: [NAME TAB] FP, then OPTS to the end. */
const char *
keyhdr_parse(struct keyhdr *h, const char *s, size_t len, int withname)
{
	static const char pre[] = "#lede-dedupe keys ";
	size_t n = sizeof KEYHDR - 1, i, j;

	if (len < sizeof pre - 1 || memcmp(s, pre, sizeof pre - 1) != 0)
		return "bad header line: expected \"" KEYHDR "\"";
	if (len <= n || memcmp(s, KEYHDR, n) != 0 || s[n] != '\t')
		return "keys of another version of lede-dedupe (expected \"" KEYHDR "\")";
	i = n + 1;
	h->name = NULL;
	h->namelen = 0;
	if (withname) {
		if (i >= len || s[i] != '"')
			return "bad header line: expected a JSON string name";
		if ((j = json_string_end(s, len, i)) >= len || j + 1 >= len || s[j + 1] != '\t')
			return "bad header line: expected a JSON string name";
		h->name = s + i;
		h->namelen = j + 1 - i;
		i = j + 2;
	}
	h->fp = s + i;
	for (j = i; j < len && s[j] != '\t'; j++)
		;
	h->fplen = j - i;
	if (!(h->fplen == 1 && h->fp[0] == '-')) {
		if (h->fplen != 16)
			return "bad header line: expected a fingerprint";
		for (j = i; j < i + 16; j++)
			if (hexval((unsigned char)s[j]) < 0)
				return "bad header line: expected a fingerprint";
	}
	h->opts = s + i + h->fplen;
	h->optslen = len - i - h->fplen;
	return NULL;
}

/* The item of opts[0..n) (TAB item TAB item...) that starts as "-x"; its length. */
static const char *
opt_item(const char *opts, size_t n, const char *x, size_t *len)
{
	const char *p = opts, *e = opts + n, *t;

	while (p < e) {
		p++;		/* the TAB */
		t = memchr(p, '\t', e - p);
		if (!t)
			t = e;
		if (t - p >= 2 && p[0] == x[0] && p[1] == x[1]) {
			*len = t - p;
			return p;
		}
		p = t;
	}
	return NULL;
}

const char *
keyopts_diff(const char *keys, size_t kn, const char *mine, size_t mn, struct buf *msg)
{
	static const char *const opt[] = { "-b", "-f", "-r", "-n", "-s" };
	const char *a, *b;
	size_t al, bl, i;

	if (kn == mn && memcmp(keys, mine, kn) == 0)
		return NULL;
	buf_reset(msg);
	for (i = 0; i < sizeof opt / sizeof *opt; i++) {
		a = opt_item(keys, kn, opt[i], &al);
		b = opt_item(mine, mn, opt[i], &bl);
		if (a && b && (al != bl || memcmp(a, b, al) != 0))
			buf_printf(msg, "keys made with %.*s, joined with %.*s",
			    (int)al, a, (int)bl, b);
		else if (a && !b)
			buf_printf(msg, "keys made with %.*s, joined without", (int)al, a);
		else if (!a && b)
			buf_printf(msg, "keys made without %.*s, joined with it", (int)bl, b);
		else
			continue;
		return msg->s;
	}
	buf_printf(msg, "keys made with other options (%.*s)", (int)kn, keys);
	return msg->s;
}

/*
 * XXH64 (Yann Collet's xxHash, 64 bits, seed 0) of fd's bytes from
 * start on, read in chunks: a fingerprint of the records, at memory
 * speed, the same on every machine.
 */
#define P1 0x9E3779B185EBCA87ULL
#define P2 0xC2B2AE3D27D4EB4FULL
#define P3 0x165667B19E3779F9ULL
#define P4 0x85EBCA77C2B2AE63ULL
#define P5 0x27D4EB2F165667C5ULL

static uint64_t
rotl64(uint64_t x, int r)
{
	return x << r | x >> (64 - r);
}

static uint64_t
xxround(uint64_t acc, uint64_t v)
{
	return rotl64(acc + v * P2, 31) * P1;
}

static uint64_t
ld64(const unsigned char *p)
{
	return scan_load64le(p);
}

/* XXH64 state: the four lanes, and the bytes hashed. */
struct xx64 {
	uint64_t v[4], total;
};

/* The 32-byte stripes of p[0..n); the part after the last one is left. */
static size_t
xx64_stripes(struct xx64 *x, const unsigned char *p, size_t n)
{
	uint64_t v0 = x->v[0], v1 = x->v[1], v2 = x->v[2], v3 = x->v[3];
	size_t i;

	for (i = 0; n - i >= 32; i += 32) {
		v0 = xxround(v0, ld64(p + i));
		v1 = xxround(v1, ld64(p + i + 8));
		v2 = xxround(v2, ld64(p + i + 16));
		v3 = xxround(v3, ld64(p + i + 24));
	}
	x->v[0] = v0, x->v[1] = v1, x->v[2] = v2, x->v[3] = v3;
	return i;
}

/* The hash, with the last bytes p[0..n), n < 32. */
static uint64_t
xx64_end(const struct xx64 *x, const unsigned char *p, size_t n)
{
	uint64_t h;
	size_t i;
	int k;

	if (x->total >= 32) {
		h = rotl64(x->v[0], 1) + rotl64(x->v[1], 7) + rotl64(x->v[2], 12) +
		    rotl64(x->v[3], 18);
		for (k = 0; k < 4; k++)
			h = (h ^ xxround(0, x->v[k])) * P1 + P4;
	} else
		h = P5;
	h += x->total;
	for (i = 0; i + 8 <= n; i += 8)
		h = rotl64(h ^ xxround(0, ld64(p + i)), 27) * P1 + P4;
	if (i + 4 <= n) {
		h ^= (uint64_t)(p[i] | p[i + 1] << 8 | p[i + 2] << 16 |
		    (uint32_t)p[i + 3] << 24) * P1;
		h = rotl64(h, 23) * P2 + P3;
		i += 4;
	}
	for (; i < n; i++)
		h = rotl64(h ^ p[i] * P5, 11) * P1;
	h ^= h >> 33;
	h *= P2;
	h ^= h >> 29;
	h *= P3;
	h ^= h >> 32;
	return h;
}

/* Read in chunks, where the file cannot be mapped: -1 on a read error. */
static int
xx64_read(struct xx64 *x, int fd, long long start, uint64_t *h)
{
	enum { CHUNK = 1 << 20 };
	unsigned char *buf = xmalloc(CHUNK);
	size_t have = 0, done;
	ssize_t n;

	for (;;) {
		n = pread(fd, buf + have, CHUNK - have, (off_t)(start + x->total));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			free(buf);
			return -1;
		}
		if (n == 0)
			break;
		x->total += (uint64_t)n;
		have += (size_t)n;
		done = xx64_stripes(x, buf, have);
		memmove(buf, buf + done, have - done);
		have -= done;
	}
	*h = xx64_end(x, buf, have);
	free(buf);
	return 0;
}

/*
 * XXH64 (Yann Collet's xxHash, 64 bits, seed 0) of fd's bytes from
 * start on: a fingerprint of the records, read at memory speed through
 * a mapping (a copy by read(2) costs as much again), the same on every
 * machine.
 */
void
keys_fingerprint(int fd, long long start, char fp[17])
{
	struct xx64 x = { { P1 + P2, P2, 0, -P1 }, 0 };
	struct stat st;
	unsigned char *m;
	long long pg = sysconf(_SC_PAGESIZE), base;
	size_t len, done;
	uint64_t h;

	strcpy(fp, "-");
	if (start < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size < start)
		return;
	base = start - start % pg;
	len = (size_t)(st.st_size - base);
	if ((unsigned long long)(st.st_size - base) == len && len > 0 &&
	    (m = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, (off_t)base)) != MAP_FAILED) {
		madvise(m, len, MADV_SEQUENTIAL);
		x.total = (uint64_t)(st.st_size - start);
		done = xx64_stripes(&x, m + (start - base), len - (start - base));
		h = xx64_end(&x, m + (start - base) + done, len - (start - base) - done);
		munmap(m, len);
	} else if (xx64_read(&x, fd, start, &h) < 0)
		return;
	hexput(fp, h, 16);
	fp[16] = '\0';
}
