/*
 * libFuzzer target for lede-extract-quotes' modules.  An input that
 * starts with '{' is JSON Lines: each line checked as the program does
 * and its "text" and "entities" read.  Any other input is plain text:
 * each line a record's text (a tab at its start opens a new paragraph),
 * every capitalised word an entity.  Then the quotation marks are
 * paired and attributed, and the results checked against the text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "jsonl.h"
#include "utf8.h"
#include "../../cmd/extract-quotes-ents.h"
#include "../../cmd/extract-quotes-scan.h"

/* The program's own data ($LEDE_DATA, as scripts/fuzz sets it). */
static struct qlex lex;

/* JSON Lines records, read as lede-extract-quotes reads them. */
static void
records(struct qdoc *d, const char *s, size_t size)
{
	static struct jobj o;
	static struct qents ents;
	static struct buf text;
	const struct jmember *m;
	const char *err, *nl;
	long long ds = 0;
	size_t n, off, i, tlen;

	while (size > 0) {
		nl = memchr(s, '\n', size);
		n = nl ? (size_t)(nl - s) : size;
		if (jobj_parse(&o, s, n, &err, &off) == 0 && rec_str(&o, "text", &text) == 0) {
			ents.n = 0;
			if (!(m = jobj_get(&o, "entities")) ||
			    !qents_parse(&ents, o.s, m->vbeg, m->vend)) {
				tlen = utf8_count(text.s, text.len);
				qdoc_add_record(d, text.s, text.len, ds, 1);
				for (i = 0; i < ents.n; i++)
					if (ents.v[i].start <= ents.v[i].end && (size_t)ents.v[i].end <= tlen)
						qdoc_add_entity(d, &lex, ents.v[i].start, ents.v[i].end,
						    ents.b.s + ents.v[i].type, ents.v[i].tlen,
						    ents.b.s + ents.v[i].id, ents.v[i].idlen);
				ds += (long long)tlen + 1;
			}
		}
		if (!nl)
			break;
		s = nl + 1;
		size -= n + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct qdoc d;
	static struct buf b;
	const char *s = (const char *)data, *nl;
	long long ds = 0, para = 1;
	size_t i, n, w;

	if (!lex.words.n)
		qlex_load(&lex);
	qdoc_reset(&d);
	if (size > 0 && data[0] == '{') {
		records(&d, s, size);
		goto scan;
	}
	while (size > 0) {
		nl = memchr(s, '\n', size);
		n = nl ? (size_t)(nl - s) : size;
		if (n && s[0] == '\t')
			para++;
		qdoc_add_record(&d, s, n, ds, para);
		/* Capitalised ASCII words are people, named by themselves. */
		for (i = 0, w = 0; i <= n; i++) {
			int alpha = i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'));
			if (alpha)
				continue;
			if (i > w && s[w] >= 'A' && s[w] <= 'Z') {
				/* code point offsets: count the lead bytes before */
				long long a = (long long)utf8_count(s, w), e;
				e = a + (long long)(i - w);
				qdoc_add_entity(&d, &lex, a, e, i - w > 5 ? "ORG" : "PERSON",
				    i - w > 5 ? 3 : 6, s + w, i - w);
			}
			w = i + 1;
		}
		ds += (long long)(d.r[d.nr - 1].ce - d.r[d.nr - 1].cs) + 1;
		if (!nl)
			break;
		s = nl + 1;
		size -= n + 1;
	}
scan:
	qscan(&d, &lex);
	for (i = 0; i < d.nq; i++) {
		const struct quote *q = &d.q[i];
		if (q->s >= q->e || q->e > d.n || q->rec >= d.nr)
			abort();
		if (qdoc_off(&d, q->s) > qdoc_off(&d, q->e))
			abort();
		if (q->speaker >= 0 && (size_t)q->speaker >= d.pool.len)
			abort();
		if (i && q->s < d.q[i - 1].e)
			abort();
		buf_reset(&b);
		qdoc_utf8(&d, q->s, q->e, &b);
	}
	for (i = 0; i < d.nw; i++)
		if (d.w[i].pos > d.n)
			abort();
	return 0;
}
