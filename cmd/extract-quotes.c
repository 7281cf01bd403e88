/*
 * lede-extract-quotes: adds "quotes" to records tagged by
 * lede-tag-entities: each quotation's span, words, speaker (an entity
 * id or null), reporting verb and kind.  A document's records are held
 * until its last one, since a quotation may run over several.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "conf.h"
#include "hash.h"
#include "json.h"
#include "utf8.h"
#include "jsonl.h"
#include "opt.h"
#include "scan.h"
#include "util.h"
#include "extract-quotes-ents.h"
#include "extract-quotes-scan.h"

static const char usage_text[] = "[-akqu] [--each] [file ...]";
static const char help_text[] =
    "Adds \"quotes\" (start, end, text, speaker, verb, kind) to records tagged by\n"
    "lede-tag-entities.\n"
    "  -a, --all   also report quoted phrases with no speaker and no reporting verb\n"
    "      --each  write one record per quotation (doc, start, end, text, speaker,\n"
    "              verb, kind; document offsets) instead of the records\n"
    "  -k, --keep-going  pass bad lines through with a warning, exit 1 at the end\n"
    "  -q, --quiet       no warnings (errors still)\n"
    "  -u, --unbuffered  flush after each record\n"
    "  -h, --help, --version\n"
    "Data: en/quotes.yaml, en/quotes-names.yaml, en/titles.yaml and en/speech-verbs.yaml\nunder $LEDE_DATA or the data directory.\n";

struct rinfo {
	size_t off, len;	/* the line in ctx.lines */
	struct jmember mq;	/* its "quotes", if hasq */
	int hasq;
	const char *file;
	unsigned long lineno;
	long long n;		/* its place in the document, if it has no "n" */
	size_t nbeg, nend;	/* its "n" in the line */
	size_t dbeg, dend;	/* its "dct" in the line, if dend > dbeg */
};

struct ctx {
	struct qdoc d;
	struct qlex lex;
	int all, each;
	struct buf lines;
	struct rinfo *ri;
	size_t nri, ricap;
	struct buf doc, docraw;	/* the current document's id, decoded and as it came */
	int have_doc, marks;
	int noents;		/* a record with no "entities" was met, and said */
	long long last_end;
	long long nrec;		/* records of the document read */
	uint64_t *seen;		/* hashes of the documents met */
	size_t nseen, seencap;
	struct qents ents;
	struct buf tmp, val, text;
};

/* ---- documents met ---- */

/* FNV-1a 64-bit, never 0: 0 marks an empty slot of the set. */
static uint64_t
hash64(const char *s, size_t n)
{
	uint64_t h = hash64_more(HASH_INIT64, s, n);

	return h ? h : 1;
}

/* Adds h to the set; returns 1 if it was there. */
static int
seen_add(struct ctx *c, uint64_t h)
{
	size_t i, j, oldcap = c->seencap;
	uint64_t *old = c->seen;

	if ((c->nseen + 1) * 2 > c->seencap) {
		c->seencap = c->seencap ? c->seencap * 2 : 1024;
		c->seen = xcalloc(c->seencap, sizeof *c->seen);
		for (j = 0; j < oldcap; j++)
			if (old[j]) {
				for (i = old[j] & (c->seencap - 1); c->seen[i]; i = (i + 1) & (c->seencap - 1))
					;
				c->seen[i] = old[j];
			}
		free(old);
	}
	for (i = h & (c->seencap - 1); c->seen[i]; i = (i + 1) & (c->seencap - 1))
		if (c->seen[i] == h)
			return 1;
	c->seen[i] = h;
	c->nseen++;
	return 0;
}

/* ---- output ---- */

/* A string literal, its length known when compiled. */
#define ADDS(b, lit) buf_add((b), (lit), sizeof(lit) - 1)

/* As printf's %lld. */
static void
add_ll(struct buf *b, long long v)
{
	if (v < 0) {
		buf_addc(b, '-');
		buf_addu(b, -(unsigned long long)v);
	} else
		buf_addu(b, (unsigned long long)v);
}

/* The "n" of record i: its integer "n", else its place in the document. */
static long long
rec_n(const struct ctx *c, size_t i)
{
	const struct rinfo *ri = &c->ri[i];
	const char *p = c->lines.s + ri->off + ri->nbeg, *e = c->lines.s + ri->off + ri->nend;
	long long v = 0;
	int neg = 0;

	if (p < e && *p == '-')
		neg = 1, p++;
	if (p == e || e - p > 18)
		return ri->n;
	for (; p < e; p++) {
		if (*p < '0' || *p > '9')
			return ri->n;	/* not an integer: 1.5, "7", null */
		v = v * 10 + (*p - '0');
	}
	return neg ? -v : v;
}

static void
add_quote(struct ctx *c, struct buf *b, const struct quote *q, long long base)
{
	struct qdoc *d = &c->d;

	ADDS(b, "{\"start\":");
	add_ll(b, qdoc_off(d, q->s) - base);
	ADDS(b, ",\"end\":");
	add_ll(b, qdoc_off(d, q->e) - base);
	ADDS(b, ",\"text\":");
	qdoc_json(d, q->s, q->e, b);
	ADDS(b, ",\"speaker\":");
	if (q->speaker >= 0) {
		const char *id = d->pool.s + q->speaker;
		json_escape(b, id, strlen(id));
	} else
		ADDS(b, "null");
	if (q->speaker >= 0 && q->speaker2 >= 0) {
		/* "X and Y said": both, the first as "speaker" */
		const char *id = d->pool.s + q->speaker, *id2 = d->pool.s + q->speaker2;
		ADDS(b, ",\"speakers\":[");
		json_escape(b, id, strlen(id));
		buf_addc(b, ',');
		json_escape(b, id2, strlen(id2));
		buf_addc(b, ']');
	}
	ADDS(b, ",\"verb\":");
	if (q->verb[0])
		json_escape(b, q->verb, strlen(q->verb));
	else
		ADDS(b, "null");
	if (q->full)
		ADDS(b, ",\"kind\":\"full\"");
	else
		ADDS(b, ",\"kind\":\"partial\"");
	if (q->me > q->ms) {
		/* where the text names the speaker, from its record's start */
		size_t r = qdoc_rec(d, q->ms);
		ADDS(b, ",\"mention\":{\"n\":");
		add_ll(b, rec_n(c, r));
		ADDS(b, ",\"start\":");
		add_ll(b, (long long)(q->ms - d->r[r].cs));
		ADDS(b, ",\"end\":");
		add_ll(b, (long long)(q->me - d->r[r].cs));
		ADDS(b, ",\"text\":");
		qdoc_json(d, q->ms, q->me, b);
		buf_addc(b, '}');
	}
	buf_addc(b, '}');
}

static void
finish_doc(struct filter *f)
{
	struct ctx *c = f->ctx;
	struct qdoc *d = &c->d;
	size_t i, qi = 0;

	if (!c->nri)
		return;
	if (c->marks) {
		qscan(d, &c->lex);
		for (i = 0; i < d->nw; i++) {
			size_t r, lo = 0, hi = d->nr;
			while (hi - lo > 1) {
				r = (lo + hi) / 2;
				if (d->r[r].cs <= d->w[i].pos)
					lo = r;
				else
					hi = r;
			}
			warnq("%s:%lu: doc %s, record %lld: %s", c->ri[lo].file, c->ri[lo].lineno,
			    c->doc.s, rec_n(c, lo), d->w[i].msg);
		}
	} else
		d->nq = 0;
	if (c->each) {
		for (qi = 0; qi < d->nq; qi++) {
			const struct quote *q = &d->q[qi];
			if (!q->report && !c->all)
				continue;
			buf_reset(&f->out);
			const struct rinfo *ri = &c->ri[q->rec];
			buf_adds(&f->out, "{\"doc\":");
			buf_add(&f->out, c->docraw.s, c->docraw.len);
			/* the quote's record: enough to cite it alone */
			buf_adds(&f->out, ",\"n\":");
			add_ll(&f->out, rec_n(c, q->rec));
			if (ri->dend > ri->dbeg) {
				buf_adds(&f->out, ",\"dct\":");
				buf_add(&f->out, c->lines.s + ri->off + ri->dbeg, ri->dend - ri->dbeg);
			}
			buf_adds(&f->out, ",");
			buf_reset(&c->val);
			add_quote(c, &c->val, q, 0);
			buf_add(&f->out, c->val.s + 1, c->val.len - 1);
			filter_emit(f, f->out.s, f->out.len);
		}
	} else {
		for (i = 0; i < c->nri; i++) {
			struct rinfo *ri = &c->ri[i];
			int any = 0;

			buf_reset(&c->val);
			buf_addc(&c->val, '[');
			for (; qi < d->nq && d->q[qi].rec <= i; qi++) {
				if (!d->q[qi].report && !c->all)
					continue;
				if (any++)
					buf_addc(&c->val, ',');
				add_quote(c, &c->val, &d->q[qi], d->r[i].ds);
			}
			buf_addc(&c->val, ']');
			buf_reset(&f->out);
			json_set_at(&f->out, c->lines.s + ri->off, ri->len, ri->hasq ? &ri->mq : NULL,
			    1, "quotes", c->val.s, c->val.len);
			filter_emit(f, f->out.s, f->out.len);
		}
	}
	qdoc_reset(d);
	buf_reset(&c->lines);
	c->nri = 0;
	c->marks = 0;
}

/* ---- input ---- */

/* Any byte that may start a quotation mark: " “ ” „ ‘ « ». */
static int
has_marks(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	const char *q;
	size_t i;

	if (n < 2)
		return 0;
	/* '' for a double mark */
	for (q = s; (q = memchr(q, '\'', n - 1 - (size_t)(q - s))); q++)
		if (q[1] == '\'')
			return 1;
	/* only a '"' or a byte from 0x80 may start one; not the last byte */
	for (i = 0; (i = scan_quote(p, i, n - 1)) < n - 1; i++) {
		if (p[i] == '"')
			return 1;
		if (p[i] == 0xE2 && p[i + 1] == 0x80 && i + 2 < n &&
		    (p[i + 2] == 0x9C || p[i + 2] == 0x9D || p[i + 2] == 0x9E || p[i + 2] == 0x98))
			return 1;
		if (p[i] == 0xC2 && (p[i + 1] == 0xAB || p[i + 1] == 0xBB))
			return 1;
	}
	return 0;
}

/*
 * has_marks for the record just added (valid UTF-8), from the code
 * points noted from sp[from] on; ce is its end.  has_marks does not
 * look at the last byte alone, so neither is a '"' there counted.
 */
static int
marks_in(const struct qdoc *d, size_t from, size_t ce)
{
	size_t k;

	for (k = from; k < d->nsp; k++) {
		uint32_t ch = d->t[d->sp[k]];
		if (ch == '\'')
			return 1;	/* the first of '' */
		if (ch == '"' ? d->sp[k] + 1 < ce :
		    ch == 0x201C || ch == 0x201D || ch == 0x201E || ch == 0x2018 || ch == 0xAB || ch == 0xBB)
			return 1;
	}
	return 0;
}

/* The members this program reads, found in one pass over the record. */
static const char *const field_keys[] = {
	"doc", "start", "para", "text", "entities", "quotes", "n", "dct", NULL
};
struct fields {
	const struct jmember *doc, *start, *para, *text, *ents, *quotes, *n, *dct;
};

/*
 * Is the record's "doc" that of the records before it?  A new one is
 * left decoded in c->tmp.  The same bytes as the last record's "doc"
 * decode the same.
 */
static int
same_doc(struct ctx *c, const struct jobj *o, const struct jmember *m)
{
	size_t dlen = m->vend - m->vbeg;

	if (c->have_doc && dlen == c->docraw.len &&
	    memcmp(o->s + m->vbeg, c->docraw.s, dlen) == 0)
		return 1;
	json_unescape(o->s + m->vbeg, dlen, &c->tmp);
	return c->have_doc && c->tmp.len == c->doc.len &&
	    memcmp(c->tmp.s, c->doc.s, c->tmp.len) == 0;
}

/*
 * The members every record must have right, and its entities, read
 * into c->ents; -1 once the record is rejected.
 */
static int
check_rec(struct filter *f, struct input *in, const struct jobj *o, const struct fields *fl,
    int same, long long *start, long long *para)
{
	struct ctx *c = f->ctx;
	const char *err;

	if (jmember_int(o, fl->start, start) < 0 || *start < 0) {
		filter_reject(f, in, "no \"start\" integer");
		return -1;
	}
	if (fl->para && jmember_int(o, fl->para, para) < 0) {
		filter_reject(f, in, "\"para\" is not an integer");
		return -1;
	}
	if (!fl->text || o->s[fl->text->vbeg] != '"') {
		filter_reject(f, in, "no \"text\" string");
		return -1;
	}
	if (same && *start < c->last_end) {
		filter_reject(f, in, "record starts at %lld, before the end of the one before it (%lld)",
		    *start, c->last_end);
		return -1;
	}
	c->ents.n = 0;
	if (fl->ents && (err = qents_parse(&c->ents, o->s, fl->ents->vbeg, fl->ents->vend))) {
		filter_reject(f, in, "%s", err);
		return -1;
	}
	return 0;
}

/* The first entity (from 1) that does not lie in a text of tlen code points, or 0. */
static size_t
ent_outside(const struct ctx *c, size_t tlen)
{
	size_t i;

	for (i = 0; i < c->ents.n; i++)
		if (c->ents.v[i].end < c->ents.v[i].start || (size_t)c->ents.v[i].end > tlen)
			return i + 1;
	return 0;
}

/*
 * The usual case: the record joins the document now, which counts its
 * code points and notes its marks on the way; taken back if rejected.
 */
static int
join_doc(struct filter *f, struct input *in, const char *txt, size_t txn,
    long long start, long long para)
{
	struct ctx *c = f->ctx;
	struct qdoc *d = &c->d;
	size_t n0 = d->n, nr0 = d->nr, nsp0 = d->nsp, tlen, bad;
	const struct qrec *r;

	qdoc_add_record(d, txt, txn, start, para);
	r = &d->r[d->nr - 1];
	tlen = d->bad ? utf8_count(txt, txn) : r->ce - r->cs;
	if ((bad = ent_outside(c, tlen))) {
		/* not taken, before a reject under -k writes the document */
		d->n = n0, d->nr = nr0, d->nsp = nsp0;
		filter_reject(f, in, "entity %zu lies outside the record's text", bad);
		return -1;
	}
	c->last_end = start + (long long)tlen;
	if (!c->marks && (d->bad ? has_marks(txt, txn) : marks_in(d, nsp0, r->ce)))
		c->marks = 1;
	return 0;
}

/*
 * The first record of a document, whose "doc" c->tmp holds decoded:
 * the document before is written out, and this one begins.
 */
static int
begin_doc(struct filter *f, struct input *in, const struct jobj *o, const struct jmember *m,
    const char *txt, size_t txn, long long start, long long para)
{
	struct ctx *c = f->ctx;
	size_t tlen = utf8_count(txt, txn), bad;	/* the text's length in code points */

	if ((bad = ent_outside(c, tlen))) {
		filter_reject(f, in, "entity %zu lies outside the record's text", bad);
		return -1;
	}
	if (seen_add(c, hash64(c->tmp.s, c->tmp.len))) {
		filter_reject(f, in, "records of document \"%s\" are not consecutive", c->tmp.s);
		return -1;
	}
	finish_doc(f);
	json_unescape(o->s + m->vbeg, m->vend - m->vbeg, &c->doc);
	buf_reset(&c->docraw);
	buf_add(&c->docraw, o->s + m->vbeg, m->vend - m->vbeg);
	c->have_doc = 1;
	c->last_end = start + (long long)tlen;
	if (!c->marks && has_marks(txt, txn))
		c->marks = 1;
	qdoc_add_record(&c->d, txt, txn, start, para);
	return 0;
}

/* The record is kept as it came, with what the output will need of it. */
static void
keep_rec(struct ctx *c, struct input *in, const struct jobj *o, const struct fields *fl)
{
	struct rinfo *ri;

	if (c->nri == c->ricap) {
		c->ricap = c->ricap ? c->ricap * 2 : 64;
		c->ri = xrealloc(c->ri, c->ricap * sizeof *c->ri);
	}
	ri = &c->ri[c->nri++];
	ri->off = c->lines.len;
	ri->len = in->len;
	ri->hasq = fl->quotes != NULL;
	if (fl->quotes)
		ri->mq = *fl->quotes;
	ri->file = in->name;
	ri->lineno = in->lineno;
	/* "n" is read when a quotation's record or mention needs it (rec_n) */
	ri->n = c->nrec;
	ri->nbeg = ri->nend = 0;
	if (fl->n) {
		ri->nbeg = fl->n->vbeg;
		ri->nend = fl->n->vend;
	}
	ri->dbeg = ri->dend = 0;
	if (fl->dct && o->s[fl->dct->vbeg] == '"') {
		ri->dbeg = fl->dct->vbeg;
		ri->dend = fl->dct->vend;
	}
	buf_add(&c->lines, in->line, in->len);
}

static int
rec(struct filter *f, struct input *in, struct jobj *o)
{
	struct ctx *c = f->ctx;
	const struct jmember *fm[8];
	struct fields fl;
	long long start, para = 0;
	size_t i, txn;
	const char *txt;
	int same;

	jobj_fields(o, field_keys, fm, &c->tmp);
	fl = (struct fields){ fm[0], fm[1], fm[2], fm[3], fm[4], fm[5], fm[6], fm[7] };
	if (!fl.doc || o->s[fl.doc->vbeg] != '"') {
		filter_reject(f, in, "no \"doc\" string");
		return -1;
	}
	same = same_doc(c, o, fl.doc);
	/* a record's place in its document, rejected ones counted, when it has no "n" */
	c->nrec = same ? c->nrec + 1 : 1;
	if (check_rec(f, in, o, &fl, same, &start, &para) < 0)
		return -1;
	/* The text as it came when it has no escape: no copy. */
	txt = jmember_text(o, fl.text, &c->text, &txn);
	if (same ? join_doc(f, in, txt, txn, start, para) < 0 :
	    begin_doc(f, in, o, fl.doc, txt, txn, start, para) < 0)
		return -1;
	for (i = 0; i < c->ents.n; i++) {
		struct qentv *en = &c->ents.v[i];
		qdoc_add_entity(&c->d, &c->lex, en->start, en->end, c->ents.b.s + en->type, en->tlen,
		    c->ents.b.s + en->id, en->idlen);
	}
	keep_rec(c, in, o, &fl);
	if (!fl.ents && !c->noents) {
		c->noents = 1;
		warnq("%s:%lu: doc %s, record %lld: no \"entities\": speakers need "
		    "lede-tag-entities first (said once)", in->name, in->lineno, c->doc.s,
		    rec_n(c, c->nri - 1));
	}
	return 0;
}

int
main(int argc, char **argv)
{
	static const char *each;	/* --each */
	static const struct opt_long lo[] = {
		OPT_FLAG("all", 'a'),
		OPT_LONG_FLAG("each", &each),
		OPT_FLAG("keep-going", 'k'),
		OPT_FLAG("quiet", 'q'),
		OPT_FLAG("unbuffered", 'u'),
		{ NULL }
	};
	static const char optstring[] = "akqu";
	static struct ctx c;
	struct filter f = { 0 };
	char **av;
	int ch, st;

	argc = opt_parse(argc, argv, &av, optstring, lo, usage_text, help_text);
	while ((ch = getopt(argc, av, optstring)) != -1)
		switch (ch) {
		case 'a': c.all = 1; break;
		case 'k': f.kflag = 1; break;
		case 'q': lede_quiet = 1; break;
		case 'u': f.uflag = 1; break;
		default: usage();
		}
	c.each = each != NULL;
	argc -= optind;
	argv = av + optind;
	qlex_load(&c.lex);
	f.rec = rec;
	f.flush = finish_doc;
	f.ctx = &c;
	st = filter_run(&f, argc, argv);
	free(av);
	return st;
}
