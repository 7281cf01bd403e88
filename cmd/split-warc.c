/*
 * split-warc: lede-split's reader of WARC files (ISO 28500, WARC/1.0 and
 * 1.1), as web crawls (Common Crawl's news crawl) write them: records
 * one after the other, each a header (WARC-Type, WARC-Target-URI,
 * WARC-Date, Content-Length ...), a blank line, its block of
 * Content-Length bytes and a blank line; gzipped, a gzip member a
 * record, which zlib reads as one stream.  Of the response records, the
 * block is an HTTP response; those of status 2xx whose Content-Type is
 * text/html or application/xhtml+xml are the pages, given to a function
 * one at a time, their chunked transfer-encoding and their gzip or
 * deflate Content-Encoding undone.
 *
 * The file is read as a stream, through a window that holds one record
 * at most: a record that is not a page is skipped without being held,
 * and a Content-Length is never trusted beyond the bytes that come.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "split-warc.h"
#include "util.h"

#define READ_CHUNK 65536	/* the least a read asks for */
#define HEAD_MAX (1 << 20)	/* a header longer than this is not one */
#define PAGE_MAX (64 << 20)	/* a compressed page is cut at this size */

/* Reading one file. */
struct rd {
	struct warc *w;
	struct src *src;
	const char *name;
	size_t start;		/* the first byte of w->in not yet taken */
	unsigned long long pos;	/* the file's offset of w->in.s[0] */
	unsigned long long off;	/* where the record being read starts */
	int eof;
	int err;		/* errno of a failed read */
};

#define HAVE(r) ((r)->w->in.len - (r)->start)
#define AT(r) ((r)->w->in.s + (r)->start)

/*
 * Reads what comes next into the window, after what it holds (moved to
 * its start first when room runs short).  Returns the bytes read, 0 at
 * the end of the file, -1 after a fault (errno in r->err).
 */
static ssize_t
more(struct rd *r)
{
	struct buf *in = &r->w->in;
	ssize_t n;

	if (r->eof)
		return 0;
	if (in->cap - in->len < READ_CHUNK + 1 && r->start > 0) {
		memmove(in->s, in->s + r->start, in->len - r->start);
		in->len -= r->start;
		r->pos += r->start;
		r->start = 0;
	}
	buf_grow(in, READ_CHUNK);
	do
		n = src_read(r->src, in->s + in->len, in->cap - in->len - 1);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		r->err = errno ? errno : EIO;
		r->eof = 1;
		return -1;
	}
	if (n == 0)
		r->eof = 1;
	in->len += (size_t)n;
	in->s[in->len] = '\0';
	return n;
}

/* Has the window n bytes from r->start, read if need be?  1 or 0. */
static int
need(struct rd *r, size_t n)
{
	while (HAVE(r) < n)
		if (more(r) <= 0)
			return 0;
	return 1;
}

/* The fault of the record being read, said; always 1. */
static int __attribute__((format(printf, 2, 3)))
fail(struct rd *r, const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	if (r->err) {
		snprintf(msg, sizeof msg, "%s", r->src->gzmsg && *r->src->gzmsg ?
		    r->src->gzmsg : strerror(r->err));
	} else {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof msg, fmt, ap);
		va_end(ap);
	}
	warnm("%s: record at byte %llu: %s", r->name, r->off, msg);
	return 1;
}

/*
 * Finds the blank line that ends a header starting at r->start, in its
 * first limit bytes: sets *len to the header's length with the blank
 * line.  Returns 1, 0 if there is none within limit, -1 if the file
 * ends (or fails) first.
 */
static int
head_end(struct rd *r, size_t limit, size_t *len)
{
	size_t scan = 0, k, j;
	const char *s, *nl;

	for (;;) {
		s = AT(r);
		k = HAVE(r) < limit ? HAVE(r) : limit;
		nl = NULL;
		while (scan < k && (nl = memchr(s + scan, '\n', k - scan))) {
			j = (size_t)(nl - s);
			if (j + 1 < k && s[j + 1] == '\n') {
				*len = j + 2;
				return 1;
			}
			if (j + 2 < k && s[j + 1] == '\r' && s[j + 2] == '\n') {
				*len = j + 3;
				return 1;
			}
			scan = j + 1;
			if (j + 1 == k || (j + 2 == k && s[j + 1] == '\r')) {
				scan = j;	/* what follows is to come: this newline again */
				break;
			}
		}
		if (!nl)
			scan = k;
		if (k == limit)
			return 0;
		if (more(r) <= 0)
			return -1;
	}
}

/* Does the line s[0..n) start with the header name, and its value? */
static int
field(const char *s, size_t n, const char *name, const char **v, size_t *vn)
{
	size_t k = strlen(name);

	if (n <= k || s[k] != ':' || strncasecmp(s, name, k) != 0)
		return 0;
	s += k + 1;
	n -= k + 1;
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	*v = s;
	*vn = n;
	return 1;
}

/* A decimal number, all of s[0..n); 0 or -1. */
static int
number(const char *s, size_t n, unsigned long long *v)
{
	size_t i;

	*v = 0;
	if (n == 0 || n > 19)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (unsigned)(s[i] - '0');
	}
	return 0;
}

/* Does the media type s[0..n) name a web page (parameters aside)? */
static int
html_type(const char *s, size_t n)
{
	const char *semi = memchr(s, ';', n);

	if (semi)
		n = (size_t)(semi - s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return (n == 9 && strncasecmp(s, "text/html", 9) == 0) ||
	    (n == 21 && strncasecmp(s, "application/xhtml+xml", 21) == 0);
}

/*
 * Undoes chunked transfer-encoding (RFC 9112 7.1): hex sizes, each
 * chunk's bytes, a zero size and trailers, which are left out.  Returns
 * 0, or -1 when the chunks are broken or cut short (what came before is
 * in out).
 */
static int
dechunk(struct buf *out, const char *p, size_t n)
{
	size_t i = 0, size;
	int digits, c;

	buf_reset(out);
	for (;;) {
		size = 0;
		for (digits = 0; i < n; i++, digits++) {
			c = (unsigned char)p[i];
			c = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
			    c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
			if (c < 0)
				break;
			if (size > SIZE_MAX >> 4)
				return -1;
			size = size << 4 | (size_t)c;
		}
		if (!digits)
			return -1;
		while (i < n && p[i] != '\n')	/* chunk extensions, CR */
			i++;
		if (i == n)
			return -1;
		i++;
		if (size == 0)
			return 0;
		if (size > n - i) {
			buf_add(out, p + i, n - i);
			return -1;
		}
		buf_add(out, p + i, size);
		i += size;
		if (i < n && p[i] == '\r')
			i++;
		if (i < n && p[i] == '\n')
			i++;
		else
			return -1;
	}
}

/*
 * Undoes a gzip or deflate Content-Encoding (zlib or raw deflate), into
 * out, at most PAGE_MAX bytes.  Returns 0, or -1 when the data are
 * broken or too large (what came before is in out).
 */
static int
inflate_body(struct warc *w, struct buf *out, const char *p, size_t n, int gzip)
{
	z_stream *z = &w->z;
	int r, raw = 0;

again:
	if (!w->zinit) {
		memset(z, 0, sizeof *z);
		if (inflateInit2(z, 15 + 32) != Z_OK)
			return -1;
		w->zinit = 1;
	}
	/* gzip and zlib streams are told apart by zlib; raw deflate is tried after */
	if (inflateReset2(z, raw ? -15 : 15 + 32) != Z_OK)
		return -1;
	buf_reset(out);
	z->next_in = (Bytef *)(uintptr_t)p;
	z->avail_in = n > UINT_MAX ? UINT_MAX : (unsigned)n;
	do {
		if (out->len >= PAGE_MAX)
			return -1;
		buf_grow(out, READ_CHUNK);
		z->next_out = (Bytef *)out->s + out->len;
		z->avail_out = (unsigned)(out->cap - out->len - 1);
		r = inflate(z, Z_NO_FLUSH);
		out->len = out->cap - 1 - z->avail_out;
		out->s[out->len] = '\0';
	} while (r == Z_OK && (z->avail_in > 0 || z->avail_out == 0));
	if (r == Z_DATA_ERROR && !gzip && !raw && out->len == 0) {
		raw = 1;	/* "deflate" sent as raw deflate, as some servers do */
		goto again;
	}
	return r == Z_STREAM_END ? 0 : -1;
}

/* Skips n bytes of the file; 0, or -1 if it ends (or fails) first. */
static int
skip(struct rd *r, unsigned long long n)
{
	size_t k;

	while (n > 0) {
		if (HAVE(r) == 0 && more(r) <= 0)
			return -1;
		k = HAVE(r) < n ? HAVE(r) : (size_t)n;
		r->start += k;
		n -= k;
	}
	return 0;
}

/* A skipped record's skipping, or the fault of one cut short. */
static int
skip_block(struct rd *r, unsigned long long len)
{
	unsigned long long end = r->pos + r->start + len;

	if (skip(r, len) == 0)
		return 0;
	return fail(r, "cut short: its block is %llu bytes, the file has %llu of them", len,
	    len - (end - (r->pos + r->start)));
}

/* Says (-v) why a response record is skipped. */
static void
skipped(struct rd *r, const char *why, const char *s, size_t n)
{
	if (r->w->verbose)
		warnm("%s: record at byte %llu: skipped: %s%.*s", r->name, r->off, why,
		    (int)(n > 80 ? 80 : n), s);
}

/*
 * The block of a response record, len bytes from r->start: its page, if
 * it is one, to fn.  Returns 0, or 1 after a fault.
 */
static int
response(struct rd *r, unsigned long long len, warc_fn *fn, void *arg)
{
	struct warc *w = r->w;
	struct warc_page pg;
	size_t hl, i, e, vn, tn = 0;
	const char *s, *v, *type = NULL;
	int chunked = 0, coded = 0, found;	/* coded: 1 gzip, 2 deflate, 3 other */

	found = head_end(r, len < HEAD_MAX ? (size_t)len : HEAD_MAX, &hl);
	if (found < 0)
		return fail(r, "cut short: its block is %llu bytes, the file has %llu of them", len,
		    (unsigned long long)HAVE(r));
	s = AT(r);
	if (!found || hl < 8 || memcmp(s, "HTTP/", 5) != 0) {
		skipped(r, "not an HTTP response", "", 0);
		return skip_block(r, len);
	}
	/* HTTP/1.1 200 OK, HTTP/2 200 */
	i = strcspn(s, " \r\n");
	if (s[i] != ' ' || s[i + 1] != '2') {
		skipped(r, "HTTP status ", s + i + (s[i] == ' '), strcspn(s + i + (s[i] == ' '), " \r\n"));
		return skip_block(r, len);
	}
	for (i = 0; i < hl; i = e + 1) {
		e = i + strcspn(s + i, "\n");
		if (field(s + i, e - i, "Content-Type", &v, &vn))
			type = v, tn = vn;
		else if (field(s + i, e - i, "Transfer-Encoding", &v, &vn))
			chunked = vn >= 7 && strncasecmp(v + vn - 7, "chunked", 7) == 0;
		else if (field(s + i, e - i, "Content-Encoding", &v, &vn))
			coded = vn == 0 || (vn == 8 && strncasecmp(v, "identity", 8) == 0) ? 0 :
			    (vn == 4 && strncasecmp(v, "gzip", 4) == 0) ||
			    (vn == 6 && strncasecmp(v, "x-gzip", 6) == 0) ? 1 :
			    vn == 7 && strncasecmp(v, "deflate", 7) == 0 ? 2 : 3;
	}
	if (!type || !html_type(type, tn)) {
		skipped(r, type ? "not a web page: " : "no Content-Type", type ? type : "", tn);
		return skip_block(r, len);
	}
	if (coded == 3) {
		skipped(r, "compressed (Content-Encoding) other than gzip and deflate", "", 0);
		return skip_block(r, len);
	}
	if (!need(r, (size_t)len))
		return fail(r, "cut short: its block is %llu bytes, the file has %llu of them", len,
		    (unsigned long long)HAVE(r));
	s = AT(r);
	pg.body = s + hl;
	pg.len = (size_t)len - hl;
	if (chunked) {
		if (dechunk(&w->body, pg.body, pg.len) < 0)
			warnq("%s: record at byte %llu: broken chunked encoding: the page is cut "
			    "where it breaks", r->name, r->off);
		pg.body = w->body.s ? w->body.s : "";
		pg.len = w->body.len;
	}
	if (coded) {
		if (inflate_body(w, &w->plain, pg.body, pg.len, coded == 1) < 0)
			warnq("%s: record at byte %llu: broken or too large compressed page (%s): "
			    "the page is cut where it breaks", r->name, r->off,
			    coded == 1 ? "gzip" : "deflate");
		pg.body = w->plain.s ? w->plain.s : "";
		pg.len = w->plain.len;
	}
	pg.uri = w->uri.s;
	pg.date = w->date.s;
	pg.off = r->off;
	fn(arg, &pg);
	r->start += (size_t)len;
	return 0;
}

/* A header value to keep, its <> taken off (WARC/1.0 wrote <uri>). */
static void
keep(struct buf *b, const char *v, size_t n)
{
	if (n >= 2 && v[0] == '<' && v[n - 1] == '>')
		v++, n -= 2;
	buf_reset(b);
	buf_add(b, v, n);
}

/*
 * One record, from its header at r->start.  Returns 0, 1 after a fault
 * that ends the file.
 */
static int
record(struct rd *r, warc_fn *fn, void *arg)
{
	struct warc *w = r->w;
	unsigned long long len = 0;
	size_t hl, i, e, vn;
	const char *s, *v;
	int found, resp = 0, haslen = 0;

	found = head_end(r, HEAD_MAX, &hl);
	s = AT(r);
	if (!WARC_MAGIC(s, HAVE(r)) && (found >= 0 || HAVE(r) >= 7))
		return fail(r, "not a WARC record (no WARC/1.x line): the rest of the file is "
		    "left out");
	if (found < 0)
		return fail(r, "cut short in its header");
	if (!found)
		return fail(r, "no end to its header in %d bytes", HEAD_MAX);
	/* "" until the header names them: buf_add ends even an empty one with a NUL */
	buf_reset(&w->uri);
	buf_reset(&w->date);
	buf_add(&w->uri, "", 0);
	buf_add(&w->date, "", 0);
	for (i = 0; i < hl; i = e + 1) {
		e = i + strcspn(s + i, "\n");
		if (field(s + i, e - i, "WARC-Type", &v, &vn))
			resp = vn == 8 && strncasecmp(v, "response", 8) == 0;
		else if (field(s + i, e - i, "WARC-Target-URI", &v, &vn))
			keep(&w->uri, v, vn);
		else if (field(s + i, e - i, "WARC-Date", &v, &vn))
			keep(&w->date, v, vn);
		else if (field(s + i, e - i, "Content-Length", &v, &vn)) {
			if (number(v, vn, &len) < 0)
				return fail(r, "Content-Length is not a number");
			haslen = 1;
		}
	}
	if (!haslen)
		return fail(r, "no Content-Length");
	r->start += hl;
	if (resp && w->uri.len)
		return response(r, len, fn, arg);
	if (resp)
		skipped(r, "no WARC-Target-URI", "", 0);
	return skip_block(r, len);
}

int
warc_read(struct warc *w, struct src *src, const char *name, const char *pre, size_t npre,
    warc_fn *fn, void *arg)
{
	struct rd r = { w, src, name, 0, 0, 0, 0, 0 };
	ssize_t n;

	buf_reset(&w->in);
	if (npre)
		buf_add(&w->in, pre, npre);
	for (;;) {
		/* the blank lines after a block */
		for (;;) {
			while (r.start < w->in.len && (AT(&r)[0] == '\r' || AT(&r)[0] == '\n'))
				r.start++;
			if (HAVE(&r) > 0)
				break;
			r.off = r.pos + r.start;
			if ((n = more(&r)) < 0)
				return fail(&r, "read error");
			if (n == 0)
				return 0;
		}
		r.off = r.pos + r.start;
		if (record(&r, fn, arg))
			return 1;
	}
}

int
warc_fd(struct warc *w, int fd, const char *name, warc_fn *fn, void *arg)
{
	struct src src = { fd, NULL, NULL };
	int st;

	/* Through zlib, gzipped or not: it reads a file that is not as it is. */
	if (src_gz_open(&src, fd) < 0) {
		warnm("%s: %s", name, strerror(errno ? errno : ENOMEM));
		return 1;
	}
	st = warc_read(w, &src, name, NULL, 0, fn, arg);
	src_close(&src);
	return st;
}

void
warc_free(struct warc *w)
{
	buf_free(&w->in);
	buf_free(&w->body);
	buf_free(&w->plain);
	if (w->zinit)
		inflateEnd(&w->z);
	w->zinit = 0;
	buf_free(&w->uri);
	buf_free(&w->date);
}

int
warc_name(const char *name)
{
	size_t n = strlen(name);

	if (n > 3 && strcasecmp(name + n - 3, ".gz") == 0)
		n -= 3;
	return n > 5 && strncasecmp(name + n - 5, ".warc", 5) == 0;
}
