/*
 * libFuzzer target for lede-report's escaping: the input is cut into
 * field values (at NUL or newline bytes), each is put in a field the page
 * shows, behind a marker ~K~ of its own, and the records go through
 * report_add and report_write into memory.  Then no field may appear
 * unescaped: for each value with a markup character (< > & " '), its
 * marker and its text up to that character must not be in the page, and
 * the page must hold one <script, its own.  A field written by a path
 * that forgets to escape, even cut short, is caught with its number.
 * Only markup in a value's first bytes is looked for: the page cuts some
 * values at 19 bytes, and its own markup then follows the cut.
 */
#define _GNU_SOURCE		/* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "../../cmd/report-model.h"

enum {
	F_DOC, F_TEXT, F_DCT, F_SOURCE, F_TITLE, F_ETYPE, F_EID, F_ETEXT,
	F_DVALUE, F_QTEXT, F_SPEAKER, F_MENTION, F_DESCRIBED, F_SIM, F_PAGE,
	F_DOC2, NF
};

/*
 * A field's value: its marker, then the input's bytes as printable text
 * (no ~, so a marker is only ever a marker; no / so a document's base
 * name keeps it; bytes past ASCII as é, U+202E or U+FFFF).
 */
static void
value(struct buf *v, int k, const unsigned char *p, size_t n)
{
	size_t i;

	buf_reset(v);
	buf_printf(v, "~%d~", k);
	for (i = 0; i < n; i++) {
		unsigned c = p[i];

		if (c == '~' || c == '/' || c == '\\')
			buf_addc(v, '_');
		else if (c >= 0x20 && c < 0x7f)
			buf_addc(v, (char)c);
		else if (c < 0x20)
			buf_addc(v, (char)c);
		else
			buf_adds(v, c < 0xc0 ? "\xc3\xa9" : c < 0xe0 ? "\xe2\x80\xae" : "\xef\xbf\xbf");
	}
}

/* pre (written as it is) and v as a JSON string. */
static void
jstr(struct buf *b, const char *pre, const struct buf *v)
{
	size_t i;

	buf_addc(b, '"');
	buf_adds(b, pre);
	for (i = 0; i < v->len; i++) {
		unsigned char c = (unsigned char)v->s[i];

		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_addc(b, (char)c);
	}
	buf_addc(b, '"');
}

/* Whether s[0..n) is in the page as it is (an & followed by amp; is escaped). */
static int
unescaped(const char *page, size_t len, const char *s, size_t n)
{
	const char *q = page, *end = page + len;

	while ((q = memmem(q, (size_t)(end - q), s, n)) != NULL) {
		if (s[n - 1] != '&' || (size_t)(end - q) < n + 4 || memcmp(q + n, "amp;", 4) != 0)
			return 1;
		q++;
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf v[NF], rec;
	struct report r;
	struct jobj o = { 0 };
	const unsigned char *p = data, *e;
	const char *err;
	char *page = NULL;
	size_t pagelen = 0, off, n, k, j;
	FILE *fp;

	for (k = 0; k < NF; k++) {
		e = p;
		while (e < data + size && *e != '\n' && *e != '\0')
			e++;
		value(&v[k], (int)k, p, (size_t)(e - p));
		p = e < data + size ? e + 1 : e;
	}
	report_init(&r, 3, 100000);
	for (int i = 0; i < 4; i++) {
		buf_reset(&rec);
		buf_adds(&rec, "{\"doc\":");
		if (i < 2)
			jstr(&rec, "", &v[F_DOC]);
		else
			jstr(&rec, "dir/", &v[F_DOC2]);
		buf_printf(&rec, ",\"n\":%d,\"para\":1,\"start\":0,\"end\":31,\"text\":", i % 2 + 1);
		jstr(&rec, "\\u201cHi there,\\u201d said X Y on Friday. ", &v[F_TEXT]);
		if (i == 0 || i == 2) {
			buf_adds(&rec, ",\"dct\":");
			jstr(&rec, i == 0 ? "2025-11-13T" : "1976-02-29T", &v[F_DCT]);
			buf_adds(&rec, ",\"meta\":{\"source\":");
			jstr(&rec, "", &v[F_SOURCE]);
			if (i == 0) {
				buf_adds(&rec, ",\"title\":");
				jstr(&rec, "", &v[F_TITLE]);
			}
			buf_adds(&rec, "}");
		}
		buf_adds(&rec, ",\"entities\":[{\"start\":17,\"end\":20,\"text\":");
		jstr(&rec, "", &v[F_ETEXT]);
		buf_adds(&rec, ",\"type\":");
		jstr(&rec, "", &v[F_ETYPE]);
		if (i != 1) {
			buf_adds(&rec, ",\"id\":");
			jstr(&rec, "", &v[F_EID]);
		}
		buf_adds(&rec, "}],\"dates\":[{\"start\":24,\"end\":30,\"text\":\"Friday\",\"type\":\"DATE\",\"value\":");
		jstr(&rec, i < 2 ? "2025-11-14T" : "2005-W10", &v[F_DVALUE]);
		buf_adds(&rec, "}],\"quotes\":[{\"start\":1,\"end\":9,\"text\":");
		jstr(&rec, "", &v[F_QTEXT]);
		buf_adds(&rec, ",\"speaker\":");
		jstr(&rec, "", &v[F_SPEAKER]);
		buf_adds(&rec, ",\"verb\":\"said\",\"kind\":\"full\",\"mention\":{\"n\":1,\"start\":17,\"end\":20,\"text\":");
		jstr(&rec, "", &v[F_MENTION]);
		buf_adds(&rec, "}},{\"start\":1,\"end\":9,\"text\":\"Hi there\",\"speaker\":null,\"verb\":null,"
		    "\"kind\":\"full\",\"mention\":{\"n\":1,\"start\":17,\"end\":20,\"text\":");
		jstr(&rec, "", &v[F_DESCRIBED]);
		buf_adds(&rec, "}}]");
		if (i == 1 || i == 3) {
			buf_adds(&rec, ",\"dup_of\":{\"doc\":");
			jstr(&rec, "", &v[F_DOC]);
			buf_adds(&rec, ",\"n\":1,\"sim\":");
			jstr(&rec, "", &v[F_SIM]);
			buf_adds(&rec, "}");
		}
		buf_adds(&rec, "}");
		if (jobj_parse(&o, rec.s, rec.len, &err, &off) == 0)
			report_add(&r, &o);
	}
	if (!(fp = open_memstream(&page, &pagelen)))
		abort();
	report_write(&r, fp, v[F_PAGE].s);
	fclose(fp);
	for (k = 0; k < NF; k++) {
		n = v[k].len;
		for (j = 0; j < n && !strchr("<>&\"'", v[k].s[j]); j++)
			;
		if (j == n || j >= 16)
			continue;	/* the page cuts some fields at 19 bytes: then its own markup follows */
		if (unescaped(page, pagelen, v[k].s, j + 1)) {
			fprintf(stderr, "field %zu is on the page unescaped: %.*s\n", k, (int)(j + 1), v[k].s);
			abort();
		}
	}
	{
		const char *q = page;
		int scripts = 0;

		while ((q = memmem(q, pagelen - (size_t)(q - page), "<script", 7)) != NULL)
			scripts++, q += 7;
		if (scripts != 1) {
			fprintf(stderr, "%d <script in the page\n", scripts);
			abort();
		}
	}
	free(page);
	report_free(&r);
	jobj_free(&o);
	return 0;
}
