/*
 * report-model: reading one record into the counts, and writing its
 * sentence, with its entities, dates and quotations marked, to the
 * articles while the texts are under their limit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json.h"
#include "utf8.h"
#include "jsonl.h"
#include "report-model.h"
#include "util.h"

/* A buffer's text, "" when it never held any. */
#define S(b) ((b).s ? (b).s : "")

/* Makes room in an array for element i. */
#define GROW(a, cap, i) do { \
	if ((i) >= (cap)) { \
		size_t nc_ = (cap) ? (cap) * 2 : 64; \
		while (nc_ <= (i)) nc_ *= 2; \
		(a) = xrealloc((a), nc_ * sizeof *(a)); \
		memset((a) + (cap), 0, (nc_ - (cap)) * sizeof *(a)); \
		(cap) = nc_; \
	} \
} while (0)

void
report_init(struct report *r, int top, size_t texts_max)
{
	memset(r, 0, sizeof *r);
	r->top = top;
	r->texts_max = texts_max;
}

static int
fail(struct report *r, const char *fmt, const char *a, size_t i)
{
	buf_reset(&r->msg);
	buf_printf(&r->msg, fmt, a, i);
	return -1;
}

/* The elements of the array at s[vb..ve); -1 if it is not an array. */
static int
elems(struct report *r, const char *s, size_t vb, size_t ve)
{
	size_t i = vb + 1, e;

	r->nrg = 0;
	if (s[vb] != '[')
		return -1;
	for (;;) {
		while (i < ve && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == ','))
			i++;
		if (i >= ve || s[i] == ']')
			break;
		e = json_skip(s, ve, i);
		GROW(r->rg, r->crg, r->nrg);
		r->rg[r->nrg].b = i;
		r->rg[r->nrg].e = e;
		r->nrg++;
		i = e;
	}
	return 0;
}

/* Number of words (runs of non-space) in s[0..n). */
static long
words(const char *s, size_t n)
{
	long w = 0;
	int in = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';

		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

static size_t
outlet_of(struct report *r, const struct jobj *o)
{
	size_t vb, ve;
	size_t id;
	int isnew;

	/* meta.source, or "" for every document without one: never one outlet a file. */
	buf_reset(&r->s1);
	if (json_path(o->s, o->len, "meta.source", &vb, &ve) == 0 && o->s[vb] == '"')
		json_unescape(o->s + vb, ve - vb, &r->s1);
	id = strtab_intern(&r->outlets, S(r->s1), r->s1.len, &isnew);
	GROW(r->outlet, r->capout, id);
	return id;
}

static void close_doc(struct report *);

/*
 * The temporary file of the articles, in $TMPDIR (else /tmp) as the
 * man page says: tmpfile(3) of glibc ignores TMPDIR.  It is unlinked at
 * once, so nothing is left behind however the program ends.
 */
static FILE *
art_open(void)
{
	const char *dir = getenv("TMPDIR");
	struct buf path = { 0 };
	FILE *fp;
	int fd;

	if (!dir || !*dir)
		dir = "/tmp";
	buf_printf(&path, "%s/lede-report.XXXXXX", dir);
	if ((fd = mkstemp(path.s)) < 0 || unlink(path.s) < 0 || !(fp = fdopen(fd, "w+")))
		die(EX_ERR, "temporary file in %s:", dir);
	buf_free(&path);
	return fp;
}

/* The record's text, unescaped only when something needs it. */
static const char *
text(struct report *r)
{
	if (!r->have_text) {
		buf_reset(&r->text);
		json_unescape(r->textv, r->textn, &r->text);
		if (!r->text.s)
			buf_adds(&r->text, "");
		r->have_text = 1;
	}
	return r->text.s;
}

/* The document of a record: a new one starts its article. */
static void
start_doc(struct report *r, const struct jobj *o, const char *name, size_t n)
{
	struct doc *d;
	size_t id, vb, ve;
	int isnew;

	close_doc(r);
	id = strtab_intern(&r->docs, name, n, &isnew);
	GROW(r->doc, r->capdoc, id);
	d = &r->doc[id];
	r->cur = id;
	r->incur = 1;
	r->nrec = 0;
	r->para = -1;
	r->pos = 0;
	r->noq = 0;
	buf_reset(&r->who);
	if (!isnew)
		return;		/* its records are not consecutive: go on */
	r->have_text = 0;
	buf_reset(&r->text);
	buf_add(&r->text, name, n);
	d->outlet = outlet_of(r, o);
	r->outlet[d->outlet].docs++;
	d->day = -1;
	buf_reset(&r->s1);
	if (rec_str(o, "dct", &r->s1) == 0) {
		long d0, d1;

		snprintf(d->dct, sizeof d->dct, "%.*s", (int)(r->s1.len < 31 ? r->s1.len : 31), S(r->s1));
		if (date_range(S(r->s1), r->s1.len, &d0, &d1) == 0 && d0 == d1)
			d->day = d0;
	}
	buf_reset(&r->s1);
	if (json_path(o->s, o->len, "meta.title", &vb, &ve) == 0 && o->s[vb] == '"') {
		json_unescape(o->s + vb, ve - vb, &r->s1);
		d->title = sample_dup(S(r->s1), r->s1.len);
	}
	if (r->text_bytes >= r->texts_max) {
		r->docs_left_out++;
		return;
	}
	if (!r->art)
		r->art = art_open();
	d->text = 1;
	fprintf(r->art, "<article id=\"d%zu\" data-o=\"%u\"><header><h3>", id, d->outlet);
	if (d->title)
		html_put(r->art, d->title, strlen(d->title));
	else
		html_put(r->art, name, n);
	fputs("</h3><p class=\"byline\"><span class=\"outlet\">", r->art);
	html_put(r->art, r->outlets.key[d->outlet], r->outlets.klen[d->outlet]);
	fputs("</span>", r->art);
	if (d->dct[0]) {
		fputs(r->outlets.klen[d->outlet] ? " \xc2\xb7 published <time>" : "published <time>", r->art);
		html_put(r->art, d->dct, strlen(d->dct));
		fputs("</time>", r->art);
	}
	if (d->title) {
		fputs(" \xc2\xb7 <code>", r->art);
		html_put(r->art, name, n);
		fputs("</code>", r->art);
	}
	fputs("</p></header>\n<div class=\"body\">", r->art);
}

/*
 * A repeated article of several sentences is listed whole on the page:
 * the samples of its sentences, the last ones taken, make way for those
 * of other repeats.
 */
static void
drop_whole_samples(struct report *r)
{
	if (!r->incur || !doc_whole_repeat(&r->doc[r->cur]) || r->doc[r->cur].sents < 2)
		return;
	while (r->nds > 0 && r->ds[r->nds - 1].doc == r->cur)
		free(r->ds[--r->nds].text);
}

static void
close_doc(struct report *r)
{
	drop_whole_samples(r);
	if (r->incur && r->doc[r->cur].text == 1) {
		fputs(r->para_open ? "</p></div></article>\n" : "</div></article>\n", r->art);
		r->doc[r->cur].text = 2;	/* written */
	}
	r->para_open = 0;
	r->incur = 0;
}

void
report_close(struct report *r)
{
	close_doc(r);
}

static int
span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	if (x->e != y->e)
		return x->e > y->e ? -1 : 1;	/* the longer first */
	return 0;
}

/* Reads start and end of an annotation; -1 if they are not usable. */
static int
offsets(struct report *r, const char *field, size_t i, long long *s, long long *e)
{
	if (rec_int(&r->ann, "start", s) < 0 || rec_int(&r->ann, "end", e) < 0)
		return fail(r, "%s element %zu: no \"start\" and \"end\" integers", field, i + 1);
	if (*s < 0 || *e < *s)
		return fail(r, "%s element %zu: bad offsets", field, i + 1);
	return 0;
}

/* Parses the elements of an annotation array into r->ann, one by one. */
static int
element(struct report *r, const char *s, const char *field, size_t i)
{
	const char *err;
	size_t off;

	if (s[r->rg[i].b] != '{' ||
	    jobj_parse(&r->ann, s + r->rg[i].b, r->rg[i].e - r->rg[i].b, &err, &off) < 0)
		return fail(r, "%s element %zu is not an object", field, i + 1);
	return 0;
}

static void
add_span(struct report *r, long s, long e, int date, size_t idx)
{
	GROW(r->spans, r->cspans, r->nspans);
	r->spans[r->nspans].s = s;
	r->spans[r->nspans].e = e;
	r->spans[r->nspans].date = date;
	r->spans[r->nspans].idx = idx;
	r->nspans++;
}

static int
do_entities(struct report *r, const struct jobj *o, struct doc *d)
{
	const struct jmember *m = jobj_get(o, "entities");
	struct entity *en;
	long long s, e;
	size_t i, t, id;
	int isnew;
	uint32_t t32;

	if (!m || o->s[m->vbeg] == 'n')
		return 0;
	if (elems(r, o->s, m->vbeg, m->vend) < 0)
		return fail(r, "\"%s\" is not an array%.0zu", "entities", 0);
	for (i = 0; i < r->nrg; i++) {
		if (element(r, o->s, "entities", i) < 0 || offsets(r, "entities", i, &s, &e) < 0)
			return -1;
		buf_reset(&r->s1);
		if (rec_str(&r->ann, "type", &r->s1) < 0)
			buf_adds(&r->s1, "OTHER");
		t = strtab_intern(&r->types, S(r->s1), r->s1.len, NULL);
		GROW(r->typecount, r->captype, t);
		buf_reset(&r->s1);
		if (rec_str(&r->ann, "id", &r->s1) < 0 && rec_str(&r->ann, "text", &r->s1) < 0)
			return fail(r, "%s element %zu: no \"id\" or \"text\" string", "entities", i + 1);
		t32 = (uint32_t)t;
		buf_reset(&r->key);
		buf_add(&r->key, &t32, sizeof t32);
		buf_add(&r->key, S(r->s1), r->s1.len);
		id = strtab_intern(&r->ents, r->key.s, r->key.len, &isnew);
		GROW(r->ent, r->capent, id);
		en = &r->ent[id];
		if (isnew) {
			en->type = t32;
			en->outlet = d->outlet;
		} else if (en->outlet != d->outlet) {
			en->multi = 1;
		}
		if (en->mentions == 0 || en->lastdoc != r->cur)
			en->docs++;
		en->lastdoc = r->cur;
		en->mentions++;
		r->typecount[t]++;
		r->nents++;
		d->ents++;
		add_span(r, (long)s, (long)e, 0, id);
	}
	return 0;
}

static int
do_dates(struct report *r, const struct jobj *o, long recn)
{
	const struct jmember *m = jobj_get(o, "dates");
	struct date *dt;
	long long s, e;
	size_t i, id;
	int isnew;

	if (!m || o->s[m->vbeg] == 'n')
		return 0;
	if (elems(r, o->s, m->vbeg, m->vend) < 0)
		return fail(r, "\"%s\" is not an array%.0zu", "dates", 0);
	for (i = 0; i < r->nrg; i++) {
		if (element(r, o->s, "dates", i) < 0 || offsets(r, "dates", i, &s, &e) < 0)
			return -1;
		buf_reset(&r->s1);
		if (rec_str(&r->ann, "value", &r->s1) < 0)
			continue;	/* null: nothing to place */
		buf_reset(&r->s2);
		rec_str(&r->ann, "type", &r->s2);
		id = strtab_intern(&r->dates, S(r->s1), r->s1.len, &isnew);
		GROW(r->date, r->capdate, id);
		dt = &r->date[id];
		if (isnew && (date_range(S(r->s1), r->s1.len, &dt->d0, &dt->d1) < 0 ||
		    strcmp(S(r->s2), "DURATION") == 0 ||
		    strcmp(S(r->s2), "SET") == 0))
			dt->d0 = dt->d1 = -1;
		if (dt->mentions == 0 || dt->lastdoc != r->cur)
			dt->docs++;
		dt->lastdoc = r->cur;
		dt->mentions++;
		r->ndates++;
		if (dt->d0 >= 0 && dt->nsamp < DATE_SAMPLES && (dt->nsamp == 0 ||
		    dt->samp[dt->nsamp - 1].doc != r->cur || dt->samp[dt->nsamp - 1].n != recn)) {
			dt->samp[dt->nsamp].doc = r->cur;
			dt->samp[dt->nsamp].n = recn;
			text(r);
			dt->samp[dt->nsamp].text = sample_dup(r->text.s, r->text.len);
			dt->nsamp++;
		}
		if (r->recday < 0 && dt->d0 >= 0 && dt->d1 - dt->d0 <= 31)
			r->recday = dt->d0;
		add_span(r, (long)s, (long)e, 1, id);
	}
	return 0;
}

/*
 * The title of a quotation in the articles, from the speaker in r->s1
 * and the mention in r->s3 (of record mn): who said it, and the words
 * that name or describe them.
 */
static void
who(struct report *r, long recn, long mn)
{
	size_t n = r->s3.len;

	if (r->s1.len)
		buf_add(&r->who, S(r->s1), r->s1.len);
	else if (r->s3.len)
		buf_adds(&r->who, "no name: described");
	else
		buf_adds(&r->who, "no speaker found");
	if (r->s3.len) {
		buf_adds(&r->who, r->s1.len ? ", named as \xe2\x80\x9c" : " as \xe2\x80\x9c");
		if (n > 200)	/* cut at a character's start */
			for (n = 200; n > 0 && ((unsigned char)r->s3.s[n] & 0xc0) == 0x80; n--)
				;
		buf_add(&r->who, S(r->s3), n);
		buf_adds(&r->who, "\xe2\x80\x9d");
		if (mn > 0 && mn != recn)
			buf_printf(&r->who, " in sentence %ld", mn);
	}
}

/* A quotation in its day's count and samples (the quote's text in r->s2). */
static void
day_quote(struct report *r, const struct doc *d, size_t sp, long recn)
{
	long day = d->day >= 0 ? d->day : r->recday;
	struct qday *q;
	size_t k;
	int isnew;

	if (day < 0)
		return;
	k = strtab_intern(&r->qdays, (const char *)&day, sizeof day, &isnew);
	GROW(r->qd, r->capqd, k);
	q = &r->qd[k];
	q->day = day;
	q->quotes++;
	if (q->nsamp < DAY_QUOTES && r->s2.len) {
		q->samp[q->nsamp].doc = r->cur;
		q->samp[q->nsamp].n = recn;
		q->samp[q->nsamp].text = sample_dup(S(r->s2), r->s2.len);
		q->sp[q->nsamp] = sp;
		q->nsamp++;
	}
}

static int
do_quotes(struct report *r, const struct jobj *o, struct doc *d, long rs, long recn)
{
	const struct jmember *m = jobj_get(o, "quotes");
	struct speaker *sp;
	struct spout *so;
	long long s, e;
	size_t i, id, k, vb, ve;
	uint32_t key[2];
	long w, mn;
	int isnew;

	if (!m || o->s[m->vbeg] == 'n')
		return 0;
	if (elems(r, o->s, m->vbeg, m->vend) < 0)
		return fail(r, "\"%s\" is not an array%.0zu", "quotes", 0);
	for (i = 0; i < r->nrg; i++) {
		if (element(r, o->s, "quotes", i) < 0 || offsets(r, "quotes", i, &s, &e) < 0)
			return -1;
		buf_reset(&r->s1);
		rec_str(&r->ann, "speaker", &r->s1);	/* null: "" */
		buf_reset(&r->s3);
		mn = 0;
		if (json_path(r->ann.s, r->ann.len, "mention.text", &vb, &ve) == 0 && r->ann.s[vb] == '"')
			json_unescape(r->ann.s + vb, ve - vb, &r->s3);
		if (json_path(r->ann.s, r->ann.len, "mention.n", &vb, &ve) == 0)
			mn = strtol(r->ann.s + vb, NULL, 10);
		buf_reset(&r->key);
		if (r->s1.len)
			buf_addc(&r->key, 'n'), buf_add(&r->key, S(r->s1), r->s1.len);
		else if (r->s3.len)
			buf_addc(&r->key, 'd'), buf_add(&r->key, S(r->s3), r->s3.len);
		id = strtab_intern(&r->speakers, r->key.s ? r->key.s : "", r->key.len, &isnew);
		GROW(r->sp, r->capsp, id);
		sp = &r->sp[id];
		buf_reset(&r->s2);
		rec_str(&r->ann, "text", &r->s2);
		w = words(S(r->s2), r->s2.len);
		if (sp->quotes == 0 || sp->lastdoc != r->cur)
			sp->docs++;
		sp->lastdoc = r->cur;
		sp->quotes++;
		sp->words += w;
		if (sp->nsamp < SP_SAMPLES) {
			sp->samp[sp->nsamp].doc = r->cur;
			sp->samp[sp->nsamp].n = recn;
			sp->samp[sp->nsamp].text = sample_dup(S(r->s2), r->s2.len);
			sp->sout[sp->nsamp] = d->outlet;
			sp->nsamp++;
		}
		key[0] = (uint32_t)id;
		key[1] = d->outlet;
		k = strtab_intern(&r->spout, (const char *)key, sizeof key, &isnew);
		GROW(r->spo, r->capspo, k);
		so = &r->spo[k];
		if (isnew) {
			so->doc = r->cur;
			so->n = recn;
		}
		so->quotes++;
		so->words += w;
		day_quote(r, d, id, recn);
		d->quotes++;
		r->outlet[d->outlet].quotes++;
		r->nquotes++;
		GROW(r->oq, r->coq, r->noq);
		r->oq[r->noq].s = rs + (long)s;
		r->oq[r->noq].e = rs + (long)e;
		r->oq[r->noq].sp = id;
		r->oq[r->noq].wb = r->who.len;
		if (d->text == 1)
			who(r, recn, mn);
		r->oq[r->noq].wn = r->who.len - r->oq[r->noq].wb;
		r->noq++;
	}
	return 0;
}

static int
do_dup(struct report *r, const struct jobj *o, struct doc *d, long recn)
{
	const struct jmember *m = jobj_get(o, "dup_of");
	struct dupsamp *ds;
	long long on = 0;
	size_t vb, ve, k;
	uint32_t key[2];
	long od;
	int exact;

	if (!m || o->s[m->vbeg] != '{')
		return 0;
	buf_reset(&r->s1);
	if (json_path(o->s + m->vbeg, m->vend - m->vbeg, "doc", &vb, &ve) < 0 ||
	    o->s[m->vbeg + vb] != '"')
		return fail(r, "\"%s\": no \"doc\" string%.0zu", "dup_of", 0);
	json_unescape(o->s + m->vbeg + vb, ve - vb, &r->s1);
	buf_reset(&r->s2);
	if (json_path(o->s + m->vbeg, m->vend - m->vbeg, "sim", &vb, &ve) == 0)
		buf_add(&r->s2, o->s + m->vbeg + vb, ve - vb);
	exact = r->s2.len == 0 || (r->s2.len == 1 && r->s2.s[0] == '1') ||
	    strncmp(r->s2.s, "1.0", 3) == 0;
	if (json_path(o->s + m->vbeg, m->vend - m->vbeg, "n", &vb, &ve) == 0) {
		const char *p = o->s + m->vbeg + vb;

		on = 0;
		while (p < o->s + m->vbeg + ve && *p >= '0' && *p <= '9' && on < 1000000000)
			on = on * 10 + (*p++ - '0');
	}
	od = strtab_find(&r->docs, S(r->s1), r->s1.len);
	r->dup_on = (long)on;
	if (d->dups == 0 && !d->dupof)
		d->dupof = xstrdup(S(r->s1));
	else if (!d->dupof || strcmp(d->dupof, S(r->s1)) != 0)
		d->dupmix = 1;
	key[0] = d->outlet;
	key[1] = od >= 0 ? r->doc[od].outlet : UINT32_MAX;
	if (od >= 0) {
		k = strtab_intern(&r->duppairs, (const char *)key, sizeof key, NULL);
		GROW(r->dp, r->capdp, k);
		if (exact)
			r->dp[k].exact++;
		else
			r->dp[k].near++;
	}
	d->dups++;
	r->outlet[d->outlet].dups++;
	r->ndups++;
	r->nexact += exact;
	if (r->nds < (size_t)r->top) {
		r->ds = xrealloc(r->ds, (r->nds + 1) * sizeof *r->ds);
		ds = &r->ds[r->nds++];
		ds->doc = r->cur;
		ds->n = recn;
		ds->odoc = od >= 0 ? (size_t)od : 0;
		ds->oknown = od >= 0;
		ds->on = (long)on;
		snprintf(ds->sim, sizeof ds->sim, "%.*s", (int)(r->s2.len < 20 ? r->s2.len : 20),
		    r->s2.len ? r->s2.s : "1");
		text(r);
		ds->text = sample_dup(r->text.s, r->text.len);
	}
	return 1;
}

static int
oq_cmp(const void *a, const void *b)
{
	const struct oquote *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return x->wb < y->wb ? -1 : x->wb > y->wb;	/* as they came */
}

static int
long_cmp(const void *a, const void *b)
{
	const long *x = a, *y = b;

	return *x < *y ? -1 : *x > *y;
}

/*
 * Where render is among the quotations: oq sorted by start, and
 * r->qb, their starts and ends, sorted; so a record of many quotations
 * takes time in proportion to them, not to their square.
 */
struct qwalk {
	size_t k;	/* oq[0, k) start at or before the point */
	size_t top;	/* of those, the one that ends last */
	size_t b;	/* qb[0, b) are at or before the point */
	size_t nb;
};

/* Writes text from code point *cp (at byte *bp) up to code point to. */
static void
put_run(struct report *r, struct qwalk *w, long *cp, size_t *bp, long to, long rs)
{
	const char *s = r->text.s;
	size_t b = *bp, b0;
	long c = *cp, q, at;
	int inq;

	while (c < to) {
		at = rs + c;
		for (; w->k < r->noq && r->oq[w->k].s <= at; w->k++)
			if (w->k == 0 || r->oq[w->k].e > r->oq[w->top].e)
				w->top = w->k;
		inq = w->k > 0 && r->oq[w->top].e > at;
		/* The run ends where a quotation starts or ends. */
		while (w->b < w->nb && r->qb[w->b] <= at)
			w->b++;
		q = w->b < w->nb && r->qb[w->b] - rs < to ? r->qb[w->b] - rs : to;
		b0 = b;
		while (c < q && b < r->text.len) {
			b++;
			while (b < r->text.len && ((unsigned char)s[b] & 0xc0) == 0x80)
				b++;
			c++;
		}
		if (inq) {
			fprintf(r->art, "<span class=\"q\" data-sp=\"%zu\" title=\"", r->oq[w->top].sp);
			html_put(r->art, S(r->who) + r->oq[w->top].wb, r->oq[w->top].wn);
			fputs("\">", r->art);
			html_put(r->art, s + b0, b - b0);
			fputs("</span>", r->art);
		} else {
			html_put(r->art, s + b0, b - b0);
		}
		if (b >= r->text.len)
			c = to;
	}
	*cp = c;
	*bp = b;
}

/* The sentence, with its entities, dates and quotations marked. */
static void
render(struct report *r, const struct jobj *o, long rs, long recn, long para, int dup)
{
	const struct jmember *m = jobj_get(o, "dup_of");
	long len = utf8_count(r->text.s, r->text.len), cp = 0, last = 0;
	size_t bp = 0, i, j;
	struct qwalk w = { 0, 0, 0, 2 * r->noq };

	if (para != r->para || !r->para_open) {
		fputs(r->para_open ? "</p>\n<p>" : "<p>", r->art);
		r->para_open = 1;
		r->para = para;
	}
	fprintf(r->art, "<span class=\"s%s\" id=\"s%zu-%ld\">", dup ? " dup" : "", r->cur, recn);
	if (r->nspans > 1)
		qsort(r->spans, r->nspans, sizeof *r->spans, span_cmp);
	if (r->noq > 1)
		qsort(r->oq, r->noq, sizeof *r->oq, oq_cmp);
	GROW(r->qb, r->cqb, w.nb);
	for (i = 0; i < r->noq; i++) {
		r->qb[2 * i] = r->oq[i].s;
		r->qb[2 * i + 1] = r->oq[i].e;
	}
	if (w.nb > 1)
		qsort(r->qb, w.nb, sizeof *r->qb, long_cmp);
	for (i = j = 0; i < r->nspans; i++) {
		struct span *sp = &r->spans[i];

		if (sp->s < last || sp->e > len || sp->e <= sp->s)
			continue;	/* overlaps the one before, or off the text */
		put_run(r, &w, &cp, &bp, sp->s, rs);
		if (sp->date) {
			fputs("<mark class=\"dt\" title=\"", r->art);
			html_put(r->art, r->dates.key[sp->idx], r->dates.klen[sp->idx]);
		} else {
			fprintf(r->art, "<mark class=\"e t%u\" title=\"", r->ent[sp->idx].type);
			html_put(r->art, r->types.key[r->ent[sp->idx].type],
			    r->types.klen[r->ent[sp->idx].type]);
			fputs(": ", r->art);
			html_put(r->art, r->ents.key[sp->idx] + 4, r->ents.klen[sp->idx] - 4);
		}
		fputs("\">", r->art);
		put_run(r, &w, &cp, &bp, sp->e, rs);
		fputs("</mark>", r->art);
		last = sp->e;
		j++;
	}
	put_run(r, &w, &cp, &bp, len, rs);
	if (dup && m) {
		size_t vb, ve;
		long od = -1;

		buf_reset(&r->s1);
		if (json_path(o->s + m->vbeg, m->vend - m->vbeg, "doc", &vb, &ve) == 0) {
			json_unescape(o->s + m->vbeg + vb, ve - vb, &r->s1);
			od = strtab_find(&r->docs, S(r->s1), r->s1.len);
		}
		if (od >= 0 && r->doc[od].text && r->dup_on > 0) {
			fprintf(r->art, " <a class=\"dupl\" href=\"#s%ld-%ld\" title=\"repeats of ", od, r->dup_on);
			html_put(r->art, S(r->s1), r->s1.len);
			fprintf(r->art, ", sentence %ld\">\xe2\x86\xa9</a>", r->dup_on);
		}
	}
	fputs("</span> ", r->art);
	/* Quotations that end here are done with. */
	for (i = j = 0; i < r->noq; i++)
		if (r->oq[i].e > rs + len)
			r->oq[j++] = r->oq[i];
	r->noq = j;
	if (j == 0)
		buf_reset(&r->who);
}

int
report_add(struct report *r, const struct jobj *o)
{
	const struct jmember *m;
	long long v;
	long rs, recn, para;
	struct doc *d;
	int dup;

	buf_reset(&r->s2);
	if (rec_str(o, "doc", &r->s2) < 0)
		return fail(r, "no \"%s\" string%.0zu", "doc", 0);
	if (!(m = jobj_get(o, "text")) || o->s[m->vbeg] != '"')
		return fail(r, "no \"%s\" string%.0zu", "text", 0);
	if (!r->incur || r->docs.klen[r->cur] != r->s2.len ||
	    memcmp(r->docs.key[r->cur], S(r->s2), r->s2.len) != 0) {
		buf_reset(&r->key);
		buf_add(&r->key, S(r->s2), r->s2.len);
		start_doc(r, o, S(r->key), r->key.len);
	}
	d = &r->doc[r->cur];
	r->nrec++;
	r->nrec_all++;
	recn = rec_int(o, "n", &v) == 0 && v > 0 && v < 1000000000 ? (long)v : r->nrec;
	para = rec_int(o, "para", &v) == 0 ? (long)v : r->para;
	rs = rec_int(o, "start", &v) == 0 && v >= 0 ? (long)v : r->pos;
	r->textv = o->s + m->vbeg;
	r->textn = m->vend - m->vbeg;
	r->have_text = 0;
	if (rec_int(o, "end", &v) == 0 && v >= rs)
		r->pos = (long)v + 1;
	else {
		text(r);
		r->pos = rs + utf8_count(r->text.s, r->text.len) + 1;
	}
	d->sents++;
	r->outlet[d->outlet].sents++;
	r->nspans = 0;
	r->recday = -1;
	if (do_entities(r, o, d) < 0 || do_dates(r, o, recn) < 0 ||
	    do_quotes(r, o, d, rs, recn) < 0 || (dup = do_dup(r, o, d, recn)) < 0) {
		r->noq = 0;
		buf_reset(&r->who);
		return -1;
	}
	if (d->text == 1) {
		text(r);
		render(r, o, rs, recn, para, dup);
		r->text_bytes += r->text.len;
	} else {
		r->noq = 0;
		buf_reset(&r->who);
	}
	return 0;
}

static void
free_samples(struct sample *s, int n)
{
	while (n-- > 0)
		free(s[n].text);
}

void
report_free(struct report *r)
{
	size_t i;

	for (i = 0; i < r->docs.n; i++) {
		free(r->doc[i].title);
		free(r->doc[i].dupof);
	}
	for (i = 0; i < r->ndrop; i++) {
		free(r->drop[i].doc);
		free(r->drop[i].of);
	}
	free(r->drop);
	for (i = 0; i < r->speakers.n; i++)
		free_samples(r->sp[i].samp, r->sp[i].nsamp);
	for (i = 0; i < r->dates.n; i++)
		free_samples(r->date[i].samp, r->date[i].nsamp);
	for (i = 0; i < r->nds; i++)
		free(r->ds[i].text);
	for (i = 0; i < r->qdays.n; i++)
		free_samples(r->qd[i].samp, r->qd[i].nsamp);
	strtab_free(&r->docs);
	strtab_free(&r->outlets);
	strtab_free(&r->speakers);
	strtab_free(&r->spout);
	strtab_free(&r->types);
	strtab_free(&r->ents);
	strtab_free(&r->dates);
	strtab_free(&r->duppairs);
	strtab_free(&r->qdays);
	free(r->doc);
	free(r->outlet);
	free(r->sp);
	free(r->spo);
	free(r->ent);
	free(r->date);
	free(r->dp);
	free(r->qd);
	free(r->ds);
	free(r->typecount);
	free(r->oq);
	free(r->qb);
	free(r->rg);
	free(r->spans);
	jobj_free(&r->ann);
	buf_free(&r->text);
	buf_free(&r->s1);
	buf_free(&r->s2);
	buf_free(&r->s3);
	buf_free(&r->who);
	buf_free(&r->key);
	buf_free(&r->msg);
	if (r->art)
		fclose(r->art);
	memset(r, 0, sizeof *r);
}
