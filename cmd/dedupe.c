/*
 * lede-dedupe: drops (or marks) the records whose key repeats an
 * earlier record's: exact keys after normalising, or near duplicates
 * by MinHash and LSH verified on the candidates; per record or per
 * document; in one process or as map (--emit-keys), shuffle (sort)
 * and reduce (--join).
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "buf.h"
#include "dedupe-keys.h"
#include "dedupe-norm.h"
#include "dedupe-sketch.h"
#include "dedupe-table.h"
#include "json.h"
#include "jsonl.h"
#include "opt.h"
#include "util.h"

static const char usage_text[] =
    "[-kMqu] [-b unit] [-f field] [-n T] [--emit-keys | --join keys]"
    " [--memory size] [--raw] [--shingle K] [file ...]";
static const char help_text[] =
    "Drops the records whose key repeats an earlier record's, keeping the first.\n"
    "  -f, --field FIELD  key field, dotted path, repeatable; . is the whole record (text)\n"
    "      --raw          compare the bytes, not the normalised text\n"
    "  -M, --mark         keep every record; add dup_of {doc, n, sim} to repeats\n"
    "  -n, --near[=T]     near duplicates: word-shingle Jaccard >= T (0.8)\n"
    "      --shingle K    words per shingle (5)\n"
    "  -b, --by UNIT      record (the default) or doc: whole documents\n"
    "      --memory SIZE  memory cap, with k, M or G (4G)\n"
    "      --emit-keys    map: write one key line per record, nothing else\n"
    "      --join KEYS    reduce: decide from sorted key lines, apply to the records\n"
    "  -k, --keep-going   skip bad lines (warn, pass them through, exit 1)\n"
    "  -q, --quiet        no warnings (errors still)\n"
    "  -u, --unbuffered   flush after each record\n"
    "  -h, --help, --version\n"
    "See lede-dedupe(1).\n";

#define DEFAULT_MEM (4ULL << 30)
#define MAXCAND 256

struct opts {
	const char **field;
	int nfield;
	int raw, mark, bydoc, emit, kflag, uflag;
	double near;		/* 0: exact only */
	int shingle;
	const char *join;
	const char *memarg;
	size_t mem;
};

/* One unit (a record, or a document's records) being decided. */
struct dd {
	struct opts *o;
	struct norm nm;
	struct sketch sk;
	struct mem mem;
	struct xtab xt;
	struct nidx nx;
	int warned;
	struct buf val, line, dupof, tmp;
	/* documents named in refs (--mark) */
	struct buf docs;
	uint64_t *docoff;
	size_t ndocs, doccap;
	/*
	 * The unit being decided: u points into units[].  In record mode
	 * one record is held back while the next is read, so that its
	 * table slot, asked for early, is in the cache when it is decided.
	 */
	struct unit {
		struct buf key;		/* the key text */
		struct h128 h;		/* its hash */
		struct buf udoc;	/* raw doc value of its first record */
		int udoc_set;
		uint32_t un;		/* n of its first record */
		struct buf line;	/* a held record, and its members */
		struct jobj o;
		int held;
	} units[2], *u;
	int ui;
	int busy;		/* deciding the held record */
	int exiting;		/* in held_exit: write without checks */
	unsigned long uline;	/* line of its first record */
	const char *upath;
	/* held records (--by doc) */
	struct buf hold;
	size_t *hoff;
	size_t nhold, holdcap;
	/* --join: position -> dup_of */
	struct xtab jt;
	struct buf jdup;
	/* --near --join: the key lines, read along with the records */
	struct input jin;
	struct nearline nl;
	struct unit other;	/* a unit of another input */
	int jwords;		/* the unit's sketch is from a key line: has words */
	/*
	 * The header of the key lines: the options that shape the keys
	 * (TAB item...), and the input being read and its fingerprint.
	 */
	struct buf kopts;
	const char *fppath;
	char fp[17];
	/* --join: the exact headers (name, fingerprint, line), all up front */
	struct jhdr {
		size_t name, namelen;
		char fp[17];
		unsigned long line;
	} *jh;
	size_t njh;
	struct buf jhnames;
	/* --near --join: the name of the last header read */
	struct buf jhname;
};

static void
nomem_warn(struct dd *d)
{
	if (d->warned)
		return;
	d->warned = 1;
	warnq("memory cap of %s reached after %zu keys: new keys are no longer "
	    "remembered, so later repeats of them are kept",
	    d->o->memarg ? d->o->memarg : "4G", d->xt.count);
}

/* The raw doc value and n of a record, as a ref's parts. */
static void
rec_place(struct dd *d, const struct jobj *o)
{
	const struct jmember *m = jobj_get(o, "doc");
	long long n;

	buf_reset(&d->u->udoc);
	/* A null doc is no doc, as in a key line. */
	d->u->udoc_set = m && !(m->vend - m->vbeg == 4 && memcmp(o->s + m->vbeg, "null", 4) == 0);
	if (d->u->udoc_set)
		buf_add(&d->u->udoc, o->s + m->vbeg, m->vend - m->vbeg);
	d->u->un = rec_int(o, "n", &n) == 0 && n >= 0 && n < REF_NONE ?
	    (uint32_t)n : REF_NONE;
}

/* The index of the unit's document in the ref table; REF_NONE if none. */
static uint32_t
doc_index(struct dd *d)
{
	size_t b;

	if (!d->u->udoc_set)
		return REF_NONE;
	if (d->ndocs) {
		b = d->docoff[d->ndocs - 1];
		if (d->docs.len - b == d->u->udoc.len &&
		    memcmp(d->docs.s + b, d->u->udoc.s, d->u->udoc.len) == 0)
			return (uint32_t)(d->ndocs - 1);
	}
	if (d->ndocs >= REF_NONE - 1 || !mem_take(&d->mem, d->u->udoc.len + sizeof *d->docoff))
		return REF_NONE - 1;	/* no room */
	if (d->ndocs == d->doccap) {
		d->doccap = d->doccap ? 2 * d->doccap : 1024;
		d->docoff = xrealloc(d->docoff, d->doccap * sizeof *d->docoff);
	}
	d->docoff[d->ndocs++] = d->docs.len;
	buf_add(&d->docs, d->u->udoc.s, d->u->udoc.len);
	return (uint32_t)(d->ndocs - 1);
}

/* Writes the dup_of value for ref r and similarity sim into d->dupof. */
static void
make_dupof(struct dd *d, struct ref r, double sim)
{
	char num[32];
	size_t b, e, n;

	buf_reset(&d->dupof);
	buf_adds(&d->dupof, "{\"doc\":");
	if (r.doc >= d->ndocs) {
		buf_adds(&d->dupof, "null");
	} else {
		b = d->docoff[r.doc];
		e = r.doc + 1 < d->ndocs ? d->docoff[r.doc + 1] : d->docs.len;
		buf_add(&d->dupof, d->docs.s + b, e - b);
	}
	buf_adds(&d->dupof, ",\"n\":");
	if (r.n == REF_NONE)
		buf_adds(&d->dupof, "null");
	else
		buf_printf(&d->dupof, "%u", (unsigned)r.n);
	buf_adds(&d->dupof, ",\"sim\":");
	if (sim >= 0.9995) {
		buf_addc(&d->dupof, '1');
	} else {
		snprintf(num, sizeof num, "%.3f", sim);
		n = strlen(num);
		while (n > 1 && num[n - 1] == '0')
			n--;
		buf_add(&d->dupof, num, n);
	}
	buf_addc(&d->dupof, '}');
}

/* Writes a line; in held_exit, where exit(3) must not be called again, unchecked. */
static void
emit(struct filter *f, struct dd *d, const char *s, size_t n)
{
	if (!d->exiting) {
		filter_emit(f, s, n);
		return;
	}
	fwrite(s, 1, n, stdout);
	putchar('\n');
}

/* Removes member m from o into out. */
static void
jobj_del(const struct jobj *o, const struct jmember *m, struct buf *out)
{
	size_t k = m - o->m, b, e;

	if (k > 0) {
		b = o->m[k - 1].vend;
		e = m->vend;
	} else if (o->n > 1) {
		b = m->kbeg;
		e = o->m[1].kbeg;
	} else {
		b = m->kbeg;
		e = m->vend;
	}
	buf_add(out, o->s, b);
	buf_add(out, o->s + e, o->len - e);
}

/*
 * Writes one record of a decided unit: dropped (dup and not --mark),
 * marked with d->dupof, or kept as it came (under --mark without a
 * stale dup_of).
 */
static void
put_record(struct filter *f, struct dd *d, const struct jobj *o, int dup)
{
	const struct jmember *m;

	if (dup && !d->o->mark)
		return;
	if (!d->o->mark) {
		emit(f, d, o->s, o->len);
		return;
	}
	buf_reset(&d->line);
	if (dup) {
		jobj_set(o, &d->line, "dup_of", d->dupof.s, d->dupof.len);
	} else if ((m = jobj_get(o, "dup_of"))) {
		jobj_del(o, m, &d->line);
	} else {
		emit(f, d, o->s, o->len);
		return;
	}
	emit(f, d, d->line.s, d->line.len);
}

/* Are all the escapes of the checked JSON string body s[0..n) \" \\ or \/? */
static int
punct_escapes(const char *s, size_t n)
{
	const char *p = s, *e = s + n;

	while ((p = memchr(p, '\\', e - p))) {
		if (p[1] != '"' && p[1] != '\\' && p[1] != '/')
			return 0;
		p += 2;
	}
	return 1;
}

/*
 * Appends the record's key pieces to d->u->key; -1 (after rejecting it)
 * when a key field is missing.
 */
static int
add_key(struct filter *f, struct dd *d, struct input *in, const struct jobj *o)
{
	const struct jmember *m;
	const char *fld;
	size_t vb, ve, len0, start = d->u->key.len;
	int i;

	for (i = 0; i < d->o->nfield; i++) {
		fld = d->o->field[i];
		if (strchr(fld, '.') == NULL) {
			if (!(m = jobj_get(o, fld)))
				goto missing;
			vb = m->vbeg, ve = m->vend;
		} else if (json_path(o->s, o->len, fld, &vb, &ve) < 0)
			goto missing;
		/* Pieces: fields split by 0x1f, records of a document by a space. */
		if (i > 0)
			buf_addc(&d->u->key, 0x1f);
		else if (d->u->key.len)
			buf_addc(&d->u->key, ' ');
		len0 = d->u->key.len;
		if (o->s[vb] != '"' || strcmp(fld, ".") == 0) {
			if (d->o->raw)
				buf_printf(&d->u->key, "%zu:", ve - vb);
			buf_add(&d->u->key, o->s + vb, ve - vb);
		} else {
			if (!d->o->raw && punct_escapes(o->s + vb + 1, ve - vb - 2)) {
				/*
				 * No escapes but \" \\ and \/, whose backslash and
				 * character are both punctuation and dropped: the
				 * text normalises as the bytes between the quotes.
				 */
				norm_text(&d->nm, o->s + vb + 1, ve - vb - 2, &d->u->key);
				goto added;
			}
			json_unescape(o->s + vb, ve - vb, &d->val);
			if (d->o->raw) {
				buf_printf(&d->u->key, "%zu:", d->val.len);
				buf_add(&d->u->key, d->val.s, d->val.len);
			} else
				norm_text(&d->nm, d->val.s, d->val.len, &d->u->key);
		}
added:
		/* An empty piece leaves no separator behind in a document. */
		if (i == 0 && d->u->key.len == len0 && len0 > 0 && d->o->nfield == 1 &&
		    d->u->key.s[len0 - 1] == ' ')
			d->u->key.len--;
	}
	return 0;
missing:
	d->u->key.len = start;
	filter_reject(f, in, "no \"%s\" field", fld);
	return -1;
}

/* The key line of the unit (--emit-keys). */
static void
emit_key(struct filter *f, struct dd *d)
{
	struct h128 h = d->u->h;
	int words;

	buf_reset(&d->line);
	if (d->o->near) {
		words = sketch_text(&d->sk, d->u->key.s, d->u->key.len) && !d->sk.whole;
		nearline_format(&d->line, d->upath, d->uline, h, words, &d->sk,
		    d->u->un, d->u->udoc_set ? d->u->udoc.s : NULL, d->u->udoc.len);
	} else
		keyline_format(&d->line, h, d->upath, d->uline, d->u->un,
		    d->u->udoc_set ? d->u->udoc.s : NULL, d->u->udoc.len);
	filter_emit(f, d->line.s, d->line.len);
}

/* Decides the unit now in d->u->key: 1 with d->dupof set if it repeats. */
static int
decide(struct dd *d)
{
	struct h128 h = d->u->h;
	struct ref r = { REF_NONE, REF_NONE };
	double sim;
	long best;
	int st, words = 0;

	st = xtab_put(&d->xt, h, &r, !d->o->near);
	if (st == 1) {
		make_dupof(d, r, 1);
		return 1;
	}
	if (!d->o->near) {
		if (st < 0)
			nomem_warn(d);
		else if (d->o->mark) {
			r.doc = doc_index(d);
			r.n = d->u->un;
			if (r.doc == REF_NONE - 1) {
				/* No room for the name: the key stays, unnamed. */
				r.doc = REF_NONE;
				d->xt.full = 1;
				nomem_warn(d);
			}
			xtab_setref(&d->xt, r);
		}
		return 0;
	}
	/*
	 * A text shorter than a shingle is one shingle: like only to the
	 * same words, which the exact key has already caught.
	 */
	if (d->jwords >= 0)
		words = d->jwords;	/* the sketch came in a key line */
	else
		words = sketch_text(&d->sk, d->u->key.s, d->u->key.len) && !d->sk.whole;
	if (words && (best = nidx_query(&d->nx, &d->sk, d->o->near,
		    &sim, MAXCAND)) >= 0) {
		make_dupof(d, d->nx.ref[best], sim);
		return 1;
	}
	if (st < 0 || d->xt.full || d->nx.full) {
		nomem_warn(d);
		return 0;
	}
	if (d->o->mark) {
		r.doc = doc_index(d);
		r.n = d->u->un;
		if (r.doc == REF_NONE - 1) {
			d->xt.full = 1;
			nomem_warn(d);
			return 0;
		}
	}
	if (xtab_put(&d->xt, h, &r, 1) < 0) {
		nomem_warn(d);
		return 0;
	}
	if (words && nidx_add(&d->nx, &d->sk, r) < 0)
		nomem_warn(d);
	return 0;
}

/* --join: is the unit at this position a repeat?  Sets d->dupof. */
static int
join_lookup(struct dd *d)
{
	struct h128 h;
	struct ref r;
	uint64_t off;
	size_t e;

	buf_reset(&d->tmp);
	keypos_format(&d->tmp, d->upath, d->uline);
	h = hash128(d->tmp.s, d->tmp.len, KEY_SEED);
	if (xtab_put(&d->jt, h, &r, 0) != 1)
		return 0;
	off = (uint64_t)r.doc << 32 | r.n;
	for (e = off; d->jdup.s[e] != '\n'; e++)
		;
	buf_reset(&d->dupof);
	buf_add(&d->dupof, d->jdup.s + off, e - off);
	return 1;
}

/* Dies, located, if the header's options are not ours. */
static void
check_hdr_opts(struct dd *d, const struct keyhdr *h, const char *kname,
    unsigned long line)
{
	const char *err;

	if ((err = keyopts_diff(h->opts, h->optslen, d->kopts.s, d->kopts.len, &d->line)))
		die(EX_ERR, "%s:%lu: %s", kname, line, err);
}

/* Dies, located, if a header of this input has another fingerprint. */
static void
check_hdr_fp(struct dd *d, const char *fp, size_t fplen, const char *kname,
    unsigned long line)
{
	if (fplen != 16 || d->fp[0] == '-' || memcmp(fp, d->fp, 16) == 0)
		return;
	die(EX_ERR, "%s:%lu: keys made from another %s (fingerprint %.16s, "
	    "the input's %s)", kname, line, d->fppath[0] == '-' && !d->fppath[1] ?
	    "<stdin>" : d->fppath, fp, d->fp);
}

/*
 * --near --join: is the key line read a header?  Checks it: the
 * options, and the fingerprint if it is the unit's input's (namelen
 * bytes of d->tmp).
 */
static int
near_header(struct dd *d, size_t namelen)
{
	static const char pos[] = KEYHDR_NEARPOS;
	const char *s = d->jin.line, *t, *err;
	size_t len = d->jin.len, nl;
	struct keyhdr h;

	if (len >= sizeof KEYHDR && memcmp(s, KEYHDR "\t", sizeof KEYHDR) == 0)
		die(EX_ERR, "%s:%lu: keys made without -n, joined with it",
		    d->jin.name, d->jin.lineno);
	if (!(t = memchr(s, '\t', len)) || (size_t)(s + len - t) < sizeof pos - 1 ||
	    t[14] != '#' || memcmp(t, pos, 14) != 0)
		return 0;
	nl = t - s;
	if ((err = keyhdr_parse(&h, t + 14, s + len - (t + 14), 0)))
		die(EX_ERR, "%s:%lu: %s", d->jin.name, d->jin.lineno, err);
	check_hdr_opts(d, &h, d->jin.name, d->jin.lineno);
	if (nl == namelen && memcmp(s, d->tmp.s, nl) == 0)
		check_hdr_fp(d, h.fp, h.fplen, d->jin.name, d->jin.lineno);
	buf_reset(&d->jhname);
	buf_add(&d->jhname, s, nl);
	return 1;
}

/*
 * --near --join: reads key lines up to the unit's and decides each, as
 * one process would have: the lines of other inputs are decided but
 * not applied.  Is the unit a repeat?  Sets d->dupof.
 */
static int
join_near(struct dd *d)
{
	struct nearline *k = &d->nl;
	struct unit *u = d->u, *other = &d->other;
	const char *err;
	size_t namelen;
	int dup;

	buf_reset(&d->tmp);
	keypos_format(&d->tmp, d->upath, d->uline);
	namelen = d->tmp.len - 13;
	for (;;) {
		if (!input_next(&d->jin))
			die(EX_ERR, "%s: no key line for %.*s line %lu", d->jin.name,
			    (int)namelen, d->tmp.s, d->uline);
		if (near_header(d, namelen))
			continue;
		if ((err = nearline_parse(k, &d->sk, d->jin.line, d->jin.len)))
			die(EX_ERR, "%s:%lu: %s", d->jin.name, d->jin.lineno, err);
		if (k->poslen - 13 != d->jhname.len ||
		    memcmp(k->pos, d->jhname.s, d->jhname.len) != 0)
			die(EX_ERR, "%s:%lu: no header line before the key lines of "
			    "%.*s (keys of an older lede-dedupe?)", d->jin.name,
			    d->jin.lineno, (int)(k->poslen - 13), k->pos);
		d->jwords = k->kind != '-';
		if (k->poslen == d->tmp.len && memcmp(k->pos, d->tmp.s, k->poslen) == 0) {
			u->h = k->hash;
			dup = decide(d);
			d->jwords = -1;
			return dup;
		}
		if (k->poslen - 13 == namelen && memcmp(k->pos, d->tmp.s, namelen) == 0)
			die(EX_ERR, "%s:%lu: key line of line %lu, but the record is "
			    "at line %lu (keys of another input?)", d->jin.name,
			    d->jin.lineno, strtoul(k->pos + namelen + 1, NULL, 10), d->uline);
		/* A unit of another input, before this one: decided only. */
		d->u = other;
		other->h = k->hash;
		other->udoc_set = !(k->doclen == 4 && memcmp(k->doc, "null", 4) == 0);
		buf_reset(&other->udoc);
		if (other->udoc_set)
			buf_add(&other->udoc, k->doc, k->doclen);
		other->un = k->nlen == 4 && k->n[0] == 'n' ? REF_NONE :
		    (uint32_t)strtoul(k->n, NULL, 10);
		decide(d);
		d->u = u;
	}
}

/* --join, exact: the header of the input being read, checked. */
static void
join_hdr(struct dd *d)
{
	const char *kname = d->o->join[0] == '-' && !d->o->join[1] ? "<stdin>" : d->o->join;
	struct jhdr *h = NULL;
	size_t i;

	buf_reset(&d->tmp);
	json_escape(&d->tmp, d->fppath, strlen(d->fppath));
	for (i = 0; i < d->njh; i++) {
		if (d->jh[i].namelen != d->tmp.len ||
		    memcmp(d->jhnames.s + d->jh[i].name, d->tmp.s, d->tmp.len) != 0)
			continue;
		if (h)
			die(EX_ERR, "%s:%lu: a second header line for %s (keys of two "
			    "inputs of one name?)", kname, d->jh[i].line, d->tmp.s);
		h = &d->jh[i];
	}
	if (!h)
		die(EX_ERR, "%s: no header line for %s (keys of another input, or "
		    "of an older lede-dedupe)", kname, d->tmp.s);
	check_hdr_fp(d, h->fp, strlen(h->fp), kname, h->line);
}

/*
 * The first record of an input (--emit-keys, --join): its fingerprint,
 * then its header line written, or the keys' header for it checked
 * (--near --join checks it when it reads it).  The bytes from where the
 * input started: a file's whole, standard input's from its first read.
 */
static void
note_input(struct filter *f, struct dd *d, struct input *in)
{
	long long start = -1;
	off_t cur;

	if (in->path == d->fppath || (!d->o->emit && !d->o->join))
		return;
	d->fppath = in->path;
	if (strcmp(in->path, "-") != 0)
		start = 0;
	else if (in->lineno == 1 && (cur = lseek(fileno(in->fp), 0, SEEK_CUR)) >= 0)
		start = (long long)cur - (long long)in->end;
	keys_fingerprint(fileno(in->fp), start, d->fp);
	if (d->o->join) {
		if (!d->o->near)
			join_hdr(d);
		return;
	}
	buf_reset(&d->line);
	if (d->o->near) {
		keypos_format(&d->line, in->path, 0);
		buf_adds(&d->line, "\t" KEYHDR "\t");
	} else {
		buf_adds(&d->line, KEYHDR "\t");
		json_escape(&d->line, in->path, strlen(in->path));
		buf_addc(&d->line, '\t');
	}
	buf_adds(&d->line, d->fp);
	buf_add(&d->line, d->kopts.s, d->kopts.len);
	filter_emit(f, d->line.s, d->line.len);
}

static int
unit_is_dup(struct filter *f, struct dd *d)
{
	if (d->o->emit) {
		emit_key(f, d);
		return -1;
	}
	if (d->o->join && d->o->near)
		return join_near(d);
	if (d->o->join)
		return join_lookup(d);
	return decide(d);
}

/* --by doc: decides the held document and writes its records. */
static void
flush_doc(struct filter *f)
{
	struct dd *d = f->ctx;
	struct jobj o = { 0 };
	const char *err;
	size_t i, off;
	int dup;

	if (!d->nhold)
		return;
	d->u->h = hash128(d->u->key.s, d->u->key.len, KEY_SEED);
	dup = unit_is_dup(f, d);
	for (i = 0; dup >= 0 && i < d->nhold; i++) {
		size_t b = d->hoff[i];
		size_t e = i + 1 < d->nhold ? d->hoff[i + 1] : d->hold.len;

		if (!d->o->mark) {
			if (!dup)
				filter_emit(f, d->hold.s + b, e - b);
			continue;
		}
		/* Checked when it came in: this cannot fail. */
		if (jobj_parse(&o, d->hold.s + b, e - b, &err, &off) == 0)
			put_record(f, d, &o, dup);
	}
	jobj_free(&o);
	d->nhold = 0;
	buf_reset(&d->hold);
	buf_reset(&d->u->key);
}

/* Decides and writes the record held back, if there is one. */
static void
flush_held(struct filter *f)
{
	struct dd *d = f->ctx;
	struct unit *h = &d->units[!d->ui];

	if (!h->held)
		return;
	d->u = h;
	d->busy = 1;
	put_record(f, d, &h->o, decide(d));
	d->busy = 0;
	h->held = 0;
	d->u = &d->units[d->ui];
}

/*
 * The filter whose held record must still be written when a bad line
 * stops the program: filter_reject exits without calling the flush
 * hook, and the records before a bad line are written, as in every
 * filter.  The one file-scope variable besides the flags, for atexit.
 */
static struct filter *exit_filter;

static void
held_exit(void)
{
	struct filter *f = exit_filter;
	struct dd *d;

	exit_filter = NULL;
	if (!f)
		return;
	d = f->ctx;
	if (!d->units[!d->ui].held || d->busy || ferror(stdout))
		return;
	d->exiting = 1;
	flush_held(f);
	fflush(stdout);
}

/*
 * Record mode: the key of this record is made and its slot asked for;
 * then the record before it is decided, and this one held back.
 */
static int
rec_pipelined(struct filter *f, struct dd *d, struct input *in, struct jobj *o)
{
	struct unit *c = &d->units[d->ui];

	d->u = c;
	buf_reset(&c->key);
	if (add_key(f, d, in, o) < 0)
		return -1;
	if (d->o->mark)
		rec_place(d, o);
	c->h = hash128(c->key.s, c->key.len, KEY_SEED);
	xtab_prefetch(&d->xt, c->h);
	flush_held(f);
	/* Hold this one: a copy of the line and of its members. */
	buf_reset(&c->line);
	buf_add(&c->line, o->s, o->len);
	if (c->o.cap < o->n) {
		c->o.cap = o->n;
		c->o.m = xrealloc(c->o.m, o->n * sizeof *o->m);
	}
	if (o->n)
		memcpy(c->o.m, o->m, o->n * sizeof *o->m);
	c->o.n = o->n;
	c->o.s = c->line.s;
	c->o.len = o->len;
	c->held = 1;
	d->ui = !d->ui;
	d->u = &d->units[d->ui];
	return 0;
}

/* --by doc: one more line of the document held back. */
static void
hold_line(struct dd *d, const char *s, size_t n)
{
	if (d->nhold == d->holdcap) {
		d->holdcap = d->holdcap ? 2 * d->holdcap : 256;
		d->hoff = xrealloc(d->hoff, d->holdcap * sizeof *d->hoff);
	}
	d->hoff[d->nhold++] = d->hold.len;
	buf_add(&d->hold, s, n);
}

static int
rec(struct filter *f, struct input *in, struct jobj *o)
{
	struct dd *d = f->ctx;
	const struct jmember *m;
	int dup;

	/* Not under -u: a record must not wait for the next one. */
	if (!d->o->bydoc && !d->o->emit && !d->o->join && !d->o->uflag)
		return rec_pipelined(f, d, in, o);
	if (!d->o->bydoc) {
		note_input(f, d, in);
		buf_reset(&d->u->key);
		if (!d->o->join && add_key(f, d, in, o) < 0)
			return -1;
		if (d->o->mark || d->o->emit)
			rec_place(d, o);
		d->upath = in->path;
		d->uline = in->lineno;
		d->u->h = hash128(d->u->key.s, d->u->key.len, KEY_SEED);
		if ((dup = unit_is_dup(f, d)) >= 0)
			put_record(f, d, o, dup);
		return 0;
	}
	if (!(m = jobj_get(o, "doc"))) {
		filter_reject(f, in, "no \"doc\" field");
		return -1;
	}
	if (d->nhold && (d->u->udoc.len != m->vend - m->vbeg || d->upath != in->path ||
	    memcmp(d->u->udoc.s, o->s + m->vbeg, d->u->udoc.len) != 0))
		flush_doc(f);
	note_input(f, d, in);
	if (!d->o->join && add_key(f, d, in, o) < 0)
		return -1;
	if (!d->nhold) {
		rec_place(d, o);
		d->upath = in->path;
		d->uline = in->lineno;
	}
	hold_line(d, o->s, o->len);
	return 0;
}

/*
 * --join --by doc, records passed or dropped whole: a line that starts
 * as lede-split writes records, {"doc":"...", is held by its doc's bytes
 * as rec() would hold it, without a check.  --emit-keys checked these
 * lines, and their line numbers in the key lines say so; any other line
 * goes to rec().
 */
static int
rec_raw(struct filter *f, struct input *in)
{
	static const char pre[] = "{\"doc\":\"";
	struct dd *d = f->ctx;
	const char *s = in->line, *doc;
	size_t e, dl;

	if (in->len < sizeof pre || memcmp(s, pre, sizeof pre - 1) != 0)
		return 0;
	if ((e = json_string_end(s, in->len, sizeof pre - 2)) >= in->len)
		return 0;
	doc = s + sizeof pre - 2;
	dl = e + 1 - (sizeof pre - 2);
	if (d->nhold && (d->u->udoc.len != dl || d->upath != in->path ||
	    memcmp(d->u->udoc.s, doc, dl) != 0))
		flush_doc(f);
	note_input(f, d, in);
	if (!d->nhold) {
		buf_reset(&d->u->udoc);
		buf_add(&d->u->udoc, doc, dl);
		d->u->udoc_set = 1;
		d->u->un = REF_NONE;
		d->upath = in->path;
		d->uline = in->lineno;
	}
	hold_line(d, s, in->len);
	return 1;
}

/* --join, exact: a header line, its options checked and the rest kept. */
static void
join_hdr_load(struct dd *d, struct input *in)
{
	struct keyhdr h;
	const char *err;
	struct jhdr *j;

	if ((err = keyhdr_parse(&h, in->line, in->len, 1)))
		die(EX_ERR, "%s:%lu: %s", in->name, in->lineno, err);
	check_hdr_opts(d, &h, in->name, in->lineno);
	if (d->njh % 64 == 0)
		d->jh = xrealloc(d->jh, (d->njh + 64) * sizeof *d->jh);
	j = &d->jh[d->njh++];
	j->name = d->jhnames.len;
	j->namelen = h.namelen;
	buf_add(&d->jhnames, h.name, h.namelen);
	memcpy(j->fp, h.fp, h.fplen);
	j->fp[h.fplen] = '\0';
	j->line = in->lineno;
}

/* Reads the sorted key lines of --join: the first of each key is kept. */
static void
join_load(struct dd *d, const char *path)
{
	struct input in = { 0 };
	struct keyline k, prev = { 0 };
	struct buf prevpos = { 0 }, pos = { 0 };
	struct ref r;
	uint64_t off = 0;
	int have = 0, c = 0;
	const char *err;

	if (input_open(&in, path) < 0)
		die(EX_ERR, "%s:", path);
	xtab_init(&d->jt, &d->mem, 1);
	while (input_next(&in)) {
		if (in.line[0] == '#') {
			if (have)
				die(EX_ERR, "%s:%lu: key lines out of order "
				    "(sort them with LC_ALL=C sort)", in.name, in.lineno);
			join_hdr_load(d, &in);
			continue;
		}
		if ((err = keyline_parse(&k, in.line, in.len))) {
			if (strstr(in.line, KEYHDR_NEARPOS))
				err = "keys made with -n, joined without";
			die(EX_ERR, "%s:%lu: %s", in.name, in.lineno, err);
		}
		buf_reset(&pos);
		buf_add(&pos, k.pos, k.poslen);
		if (have) {
			c = h128_cmp(prev.hash, k.hash);
			if (c > 0 || (c == 0 && (keypos_cmp(prevpos.s, prevpos.len,
			    pos.s, pos.len) >= 0)))
				die(EX_ERR, "%s:%lu: key lines out of order "
				    "(sort them with LC_ALL=C sort)", in.name, in.lineno);
		}
		if (!have || c != 0) {
			/* A new key: its first line is the one kept. */
			off = d->jdup.len;
			buf_adds(&d->jdup, "{\"doc\":");
			buf_add(&d->jdup, k.doc, k.doclen);
			buf_adds(&d->jdup, ",\"n\":");
			buf_add(&d->jdup, k.n, k.nlen);
			buf_adds(&d->jdup, ",\"sim\":1}\n");
		} else {
			if (off > UINT32_MAX * (uint64_t)UINT32_MAX)
				die(EX_ERR, "too many keys");
			r.doc = (uint32_t)(off >> 32);
			r.n = (uint32_t)off;
			if (xtab_put(&d->jt, hash128(pos.s, pos.len, KEY_SEED), &r, 1) < 0)
				die(EX_ERR, "%s:%lu: memory cap of %s reached: the "
				    "duplicates do not fit", in.name, in.lineno,
				    d->o->memarg ? d->o->memarg : "4G");
		}
		prev = k;
		buf_reset(&prevpos);
		buf_add(&prevpos, pos.s, pos.len);
		have = 1;
	}
	input_close(&in);
	buf_free(&pos);
	buf_free(&prevpos);
}

static void
dd_free(struct dd *d)
{
	int i;

	norm_free(&d->nm);
	if (d->o->near) {
		sketch_free(&d->sk);
		nidx_free(&d->nx);
	}
	if (d->xt.mem)
		xtab_free(&d->xt);
	if (d->jt.mem)
		xtab_free(&d->jt);
	buf_free(&d->val);
	for (i = 0; i < 2; i++) {
		buf_free(&d->units[i].key);
		buf_free(&d->units[i].udoc);
		buf_free(&d->units[i].line);
		jobj_free(&d->units[i].o);
	}
	buf_free(&d->other.udoc);
	buf_free(&d->line);
	buf_free(&d->dupof);
	buf_free(&d->tmp);
	buf_free(&d->docs);
	buf_free(&d->hold);
	buf_free(&d->jdup);
	buf_free(&d->kopts);
	buf_free(&d->jhnames);
	buf_free(&d->jhname);
	free(d->jh);
	free(d->docoff);
	free(d->hoff);
}

static size_t
sizearg(const char *arg)
{
	const char *e;
	long long v;

	if (*arg < '0' || *arg > '9')
		die(EX_ERR, "--memory is invalid: %s", arg);
	v = opt_num(arg, 1LL << 20, SIZE_MAX < LLONG_MAX ? (long long)SIZE_MAX : LLONG_MAX,
	    opt_iec, &e);
	if (e && strcmp(e, "too small") == 0)
		die(EX_ERR, "--memory is too small (1M at least): %s", arg);
	if (e)
		die(EX_ERR, "--memory is %s: %s", e, arg);
	return (size_t)v;
}

static double
neararg(const char *arg)
{
	char *end;
	double t;

	t = strtod(arg, &end);
	if (end == arg || *end || !(t > 0 && t <= 1))
		die(EX_ERR, "--near is not a number above 0 and at most 1: %s", arg);
	return t;
}

/* Is s a threshold (a number in (0, 1])?  For "--near 0.9". */
static int
is_threshold(const char *s)
{
	char *end;
	double t;

	if (!s || !((*s >= '0' && *s <= '9') || *s == '.'))
		return 0;
	t = strtod(s, &end);
	return end != s && !*end && t > 0 && t <= 1;
}

/* The field read by default: "text". */
static const char *deffield[] = { "text" };

/* One option of the command line, ch, into *op. */
static void
read_opt(struct opts *op, int ch)
{
	switch (ch) {
	case 'b':
		if (strcmp(optarg, "doc") == 0)
			op->bydoc = 1;
		else if (strcmp(optarg, "record") == 0)
			op->bydoc = 0;
		else
			die(EX_ERR, "--by is neither record nor doc: %s", optarg);
		break;
	case 'e': op->emit = 1; break;
	case 'f':
		if (!*optarg)
			die(EX_ERR, "-f is empty");
		op->field[op->nfield++] = optarg;
		break;
	case 'j': op->join = optarg; break;
	case 'k': op->kflag = 1; break;
	case 'M': op->mark = 1; break;
	case 'n': op->near = neararg(optarg); break;
	case 'q': lede_quiet = 1; break;
	case 'u': op->uflag = 1; break;
	default: usage();
	}
}

/*
 * Reads the command line into *op; *av is opt_parse's allocation, *args
 * the operands, whose number is returned.
 */
static int
read_opts(int argc, char **argv, struct opts *op, char ***av, char ***args)
{
	static const char *raw, *shingle, *memory;
	static const struct opt_long lo[] = {
		OPT_WITH_ARG("field", 'f'),
		OPT_LONG_FLAG("raw", &raw),
		OPT_FLAG("mark", 'M'),
		/* "--near 0.9", "--near=0.9", or --near alone: 0.8 */
		{ "near", 'n', OPT_OPTIONAL, "0.8", is_threshold, NULL },
		OPT_LONG_ARG("shingle", &shingle),
		OPT_WITH_ARG("by", 'b'),
		OPT_LONG_ARG("memory", &memory),
		/*
		 * -e and -j are not in the help: lede(7) gives e and j
		 * other meanings.  They stay for one release, for the
		 * scripts that still use them.
		 */
		OPT_FLAG("emit-keys", 'e'),
		OPT_WITH_ARG("join", 'j'),
		OPT_FLAG("keep-going", 'k'),
		OPT_FLAG("quiet", 'q'),
		OPT_FLAG("unbuffered", 'u'),
		{ NULL }
	};
	static const char optstring[] = "b:ef:j:kMn:qu";
	int ch;

	argc = opt_parse(argc, argv, av, optstring, lo, usage_text, help_text);
	op->shingle = 5;
	op->mem = DEFAULT_MEM;
	op->field = xcalloc(argc, sizeof *op->field);
	while ((ch = getopt(argc, *av, optstring)) != -1)
		read_opt(op, ch);
	op->raw = raw != NULL;
	if (shingle)
		op->shingle = (int)numarg("--shingle", shingle, 1, 64);
	if (memory) {
		op->memarg = memory;
		op->mem = sizearg(memory);
	}
	if (!op->nfield) {
		free(op->field);
		op->field = deffield;
		op->nfield = 1;
	}
	*args = *av + optind;
	return argc - optind;
}

/* The options that cannot go together, and --join - with records on stdin. */
static void
check_opts(const struct opts *op, int nargs, char **args)
{
	int i;

	if (op->emit && op->join)
		die(EX_ERR, "--emit-keys and --join cannot be used together");
	if (op->join && strcmp(op->join, "-") == 0) {
		for (i = 0; i < nargs && strcmp(args[i], "-") != 0; i++)
			;
		if (nargs == 0 || i < nargs)
			die(EX_ERR, "--join -: the records must come from files");
	}
	if (op->emit && op->kflag)
		die(EX_ERR, "-k cannot be used with --emit-keys");
	if (op->raw && op->near)
		die(EX_ERR, "--raw cannot be used with --near");
}

/*
 * The options that shape the key lines, as their header writes them:
 * TAB and an option, for each.  Not the threshold of --near: the key
 * lines are the same for every threshold, and a reduce at another one
 * decides as one process at that one would.
 */
static void
keyopts_format(const struct opts *op, struct buf *b)
{
	int i;

	if (op->bydoc)
		buf_adds(b, "\t-b doc");
	buf_addc(b, '\t');
	for (i = 0; i < op->nfield; i++) {
		buf_adds(b, i ? " -f " : "-f ");
		json_escape(b, op->field[i], strlen(op->field[i]));
	}
	if (op->raw)
		buf_adds(b, "\t-r");
	if (op->near)
		buf_printf(b, "\t-n\t-s %d", op->shingle);
}

/* The tables, the sketch and the --join input that the options ask for. */
static void
dd_init(struct dd *d, struct opts *op)
{
	memset(d, 0, sizeof *d);
	d->o = op;
	d->u = &d->units[0];
	d->mem.cap = op->mem;
	d->jwords = -1;
	keyopts_format(op, &d->kopts);
	if (!op->emit && (!op->join || op->near))
		xtab_init(&d->xt, &d->mem, op->mark);
	if (op->near) {
		sketch_init(&d->sk, op->shingle);
		nidx_init(&d->nx, &d->mem);
	}
	if (op->join && op->near) {
		if (input_open(&d->jin, op->join) < 0)
			die(EX_ERR, "%s:", op->join);
	} else if (op->join)
		join_load(d, op->join);
}

/* The record loop's callbacks for the options. */
static void
filter_init(struct filter *f, struct dd *d)
{
	const struct opts *op = d->o;

	f->kflag = op->kflag;
	f->uflag = op->uflag;
	f->rec = rec;
	if (op->join && op->bydoc && !op->near && !op->mark)
		f->raw = rec_raw;
	f->flush = op->bydoc ? flush_doc :
	    !op->emit && !op->join && !op->uflag ? flush_held : NULL;
	f->ctx = d;
}

/*
 * --join --near: the key lines of later inputs decide nothing here:
 * read to the end, so that a sort -m writing them is not killed by
 * SIGPIPE.
 */
static void
join_drain(struct dd *d)
{
	while (input_next(&d->jin))
		;
	input_close(&d->jin);
	nearline_free(&d->nl);
}

int
main(int argc, char **argv)
{
	struct opts op = { 0 };
	struct dd d;
	struct filter f = { 0 };
	char **av, **args;
	int nargs, status;

	nargs = read_opts(argc, argv, &op, &av, &args);
	check_opts(&op, nargs, args);
	dd_init(&d, &op);
	filter_init(&f, &d);
	if (f.flush == flush_held) {
		exit_filter = &f;
		atexit(held_exit);
	}
	status = filter_run(&f, nargs, args);
	exit_filter = NULL;
	if (op.join && op.near)
		join_drain(&d);
	dd_free(&d);
	if (op.field != deffield)
		free(op.field);
	free(av);
	return status;
}
