/*
 * lede-pick: passes the documents (all their records, in order), or
 * with -r the single records, that match every condition given: an
 * entity id or type, a speaker, a text pattern, a date range, meta
 * fields.  Holds one document at most.
 */
#define _GNU_SOURCE	/* memmem */
#include <unistd.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "buf.h"
#include "json.h"
#include "jsonl.h"
#include "opt.h"
#include "pick-walk.h"
#include "pick-when.h"
#include "util.h"

static const char usage_text[] =
    "[-hkqru] [-e id] [-m key=value] [-s speaker] [-t type] [-x pattern] "
    "[--from date] [--to date] [--mentioned] [--invert] [file ...]";
static const char help_text[] =
    "Passes the documents (or with -r the records) that match every condition.\n"
    "  -e, --entity ID       an entity whose id is ID\n"
    "  -t, --type TYPE       an entity of type TYPE (PERSON, ORG, ...)\n"
    "  -s, --speaker ID      a quotation whose speaker is ID\n"
    "  -x, --pattern RE      text that matches the PCRE2 pattern RE\n"
    "  -m, --meta KEY=VALUE  meta.KEY is the string VALUE\n"
    "  --from DATE, --to DATE  dct within the dates (YYYY, YYYY-MM, YYYY-MM-DD)\n"
    "  --mentioned           the dates mentioned in the text, not the dct\n"
    "      --invert          pass what does not match\n"
    "  -r, --records         decide each record alone, not whole documents\n"
    "  -k, --keep-going      pass bad lines through with a warning (exit 1)\n"
    "  -q, --quiet           no warnings (errors still)\n"
    "  -u, --unbuffered      flush after each record\n"
    "A condition given twice matches either value; all the others must match.\n"
    "Exit 0 if something matched, 1 if nothing did, 2 on error.  See lede-pick(1).\n";


/* The fields of a record that the conditions read, found in one pass. */
enum { F_DOC, F_TEXT, F_DCT, F_META, F_ENTITIES, F_QUOTES, F_DATES, F_SPEAKER, F_N };
static const char *const fieldnames[] = { "doc", "text", "dct", "meta", "entities",
	"quotes", "dates", "speaker", NULL };

enum kind { C_ENTITY, C_TYPE, C_SPEAKER, C_PATTERN, C_DATE, C_META };

/* One condition: any of its values matches. */
struct cond {
	enum kind kind;
	const char *key;	/* C_META: the key of meta */
	size_t keylen;
	const char **val;	/* what is matched (C_META: after the '=') */
	size_t *len;
	pcre2_code **re;	/* C_PATTERN */
	size_t nval;
};

/* What the document read so far has shown. */
enum state { HOLD, PASS, DROP };

struct pick {
	struct cond *cond;
	size_t ncond;
	int invert, records, mentioned;
	long from, to;		/* days since 1970-01-01, inclusive */
	pcre2_match_data *md;
	const struct jmember *fm[F_N];
	/* the document being read */
	int indoc;
	const char *path;	/* its input */
	struct buf doc;		/* its "doc" value, as JSON text */
	unsigned char *met;	/* met[i]: condition i matched in it */
	size_t nmet;
	enum state state;
	struct buf hold;	/* its records held, one after another */
	size_t *off;
	size_t nhold, holdcap;
	struct buf tmp, key;
	unsigned long selected;	/* records written as matching */
};

/* --- the parts of a checked record */

/* A test of the value s[vb..ve) of a record against condition c. */
typedef int (*value_fn)(struct pick *, const struct cond *c, const char *s, size_t vb,
    size_t ve);

/* Is the value one of c's strings? */
static int
value_is(struct pick *p, const struct cond *c, const char *s, size_t vb, size_t ve)
{
	size_t k;

	for (k = 0; k < c->nval; k++)
		if (walk_str_is(s, vb, ve, c->val[k], c->len[k], &p->tmp))
			return 1;
	return 0;
}

/* Is the value a string that names days within --from and --to? */
static int
value_within(struct pick *p, const struct cond *c, const char *s, size_t vb, size_t ve)
{
	long lo, hi;

	if (s[vb] != '"')
		return 0;
	if (memchr(s + vb, '\\', ve - vb)) {
		json_unescape(s + vb, ve - vb, &p->tmp);
		if (when_span(p->tmp.s, p->tmp.len, &lo, &hi) < 0)
			return 0;
	} else if (when_span(s + vb + 1, ve - vb - 2, &lo, &hi) < 0)
		return 0;
	return lo <= p->to && hi >= p->from;
}

/* Is member m an array with an object element whose key passes test? */
static int
element_has(struct pick *p, const struct jobj *o, const struct jmember *m, const char *key,
    value_fn test, const struct cond *c)
{
	size_t i, j, b, e, kb, ke, vb, ve, klen = strlen(key);

	if (!m || o->s[m->vbeg] != '[')
		return 0;
	i = m->vbeg + 1;
	while (walk_next(o->s, m->vend, &i, NULL, NULL, &b, &e)) {
		if (o->s[b] != '{')
			continue;
		j = b + 1;
		while (walk_next(o->s, e, &j, &kb, &ke, &vb, &ve))
			if (walk_str_is(o->s, kb, ke, key, klen, &p->key) &&
			    test(p, c, o->s, vb, ve))
				return 1;
	}
	return 0;
}

/* element_has with value_is, for a string that the array may not hold at all. */
static int
element_is(struct pick *p, const struct jobj *o, const struct jmember *m, const char *key,
    const struct cond *c)
{
	size_t k;

	if (!m)
		return 0;
	/* Most records have none of the values: no need to look closer. */
	if (!memchr(o->s + m->vbeg, '\\', m->vend - m->vbeg)) {
		for (k = 0; k < c->nval; k++)
			if (memmem(o->s + m->vbeg, m->vend - m->vbeg, c->val[k], c->len[k]))
				break;
		if (k == c->nval)
			return 0;
	}
	return element_has(p, o, m, key, value_is, c);
}

static int
text_matches(struct pick *p, const struct jobj *o, const struct cond *c)
{
	const struct jmember *m = p->fm[F_TEXT];
	const char *t;
	size_t k, n;

	if (!m || o->s[m->vbeg] != '"')
		return 0;
	t = jmember_text(o, m, &p->tmp, &n);
	for (k = 0; k < c->nval; k++)
		if (pcre2_match(c->re[k], (PCRE2_SPTR)t, n, 0, PCRE2_NO_UTF_CHECK,
		    p->md, NULL) >= 0)
			return 1;
	return 0;
}

static int
meta_matches(struct pick *p, const struct jobj *o, const struct cond *c)
{
	const struct jmember *m = p->fm[F_META];
	size_t i, kb, ke, vb, ve, fb = 0, fe = 0;
	int found = 0;

	if (!m || o->s[m->vbeg] != '{')
		return 0;
	i = m->vbeg + 1;
	/* The last of duplicate keys wins, as with jobj_get. */
	while (walk_next(o->s, m->vend, &i, &kb, &ke, &vb, &ve))
		if (walk_str_is(o->s, kb, ke, c->key, c->keylen, &p->key))
			found = 1, fb = vb, fe = ve;
	return found && value_is(p, c, o->s, fb, fe);
}

static int
cond_matches(struct pick *p, const struct jobj *o, const struct cond *c)
{
	const struct jmember *m;

	switch (c->kind) {
	case C_ENTITY:
		return element_is(p, o, p->fm[F_ENTITIES], "id", c);
	case C_TYPE:
		return element_is(p, o, p->fm[F_ENTITIES], "type", c);
	case C_SPEAKER:
		/* A record of lede-extract-quotes --each is one quotation. */
		return element_is(p, o, p->fm[F_QUOTES], "speaker", c) ||
		    ((m = p->fm[F_SPEAKER]) && value_is(p, c, o->s, m->vbeg, m->vend));
	case C_PATTERN:
		return text_matches(p, o, c);
	case C_DATE:
		if (p->mentioned)
			return element_has(p, o, p->fm[F_DATES], "value", value_within, c);
		return (m = p->fm[F_DCT]) && value_within(p, c, o->s, m->vbeg, m->vend);
	case C_META:
		return meta_matches(p, o, c);
	}
	return 0;
}

/* --- documents and records */

static void
emit(struct filter *f, struct pick *p, const char *s, size_t n)
{
	filter_emit(f, s, n);
	p->selected++;
}

/* -r: does the record meet every condition? */
static int
record_matches(struct pick *p, const struct jobj *o)
{
	size_t i;

	for (i = 0; i < p->ncond; i++)
		if (!cond_matches(p, o, &p->cond[i]))
			return 0;
	return 1;
}

/* Notes the conditions the record meets; has the document met them all? */
static int
doc_matches(struct pick *p, const struct jobj *o)
{
	size_t i;

	for (i = 0; i < p->ncond; i++)
		if (!p->met[i] && cond_matches(p, o, &p->cond[i])) {
			p->met[i] = 1;
			p->nmet++;
		}
	return p->nmet == p->ncond;
}

static void
write_held(struct filter *f, struct pick *p)
{
	size_t i, e;

	for (i = 0; i < p->nhold; i++) {
		e = i + 1 < p->nhold ? p->off[i + 1] : p->hold.len;
		emit(f, p, p->hold.s + p->off[i], e - p->off[i]);
	}
}

/* The document has ended: writes it if it is held and does not match under -v. */
static void
end_doc(struct filter *f)
{
	struct pick *p = f->ctx;

	if (p->indoc && p->state == HOLD && p->invert)
		write_held(f, p);
	p->indoc = 0;
	p->nhold = 0;
	buf_reset(&p->hold);
}

static void
hold_line(struct pick *p, const char *s, size_t n)
{
	if (p->nhold == p->holdcap) {
		p->holdcap = p->holdcap ? 2 * p->holdcap : 64;
		p->off = xrealloc(p->off, p->holdcap * sizeof *p->off);
	}
	p->off[p->nhold++] = p->hold.len;
	buf_add(&p->hold, s, n);
}

/*
 * A record of the document: held until the document is known to match
 * (then what is held and the rest of it are written, or under -v
 * dropped) or ends (then dropped, or under -v written).
 */
static int
rec(struct filter *f, struct input *in, struct jobj *o)
{
	struct pick *p = f->ctx;
	const struct jmember *dm;

	jobj_fields(o, fieldnames, p->fm, &p->tmp);
	if (p->records) {
		if (record_matches(p, o) != p->invert)
			emit(f, p, o->s, o->len);
		return 0;
	}
	if (!(dm = p->fm[F_DOC])) {
		filter_reject(f, in, "no \"doc\" field");
		return -1;
	}
	if (p->indoc && (p->path != in->path || p->doc.len != dm->vend - dm->vbeg ||
	    memcmp(p->doc.s, o->s + dm->vbeg, p->doc.len) != 0))
		end_doc(f);
	if (!p->indoc) {
		p->indoc = 1;
		p->path = in->path;
		buf_reset(&p->doc);
		buf_add(&p->doc, o->s + dm->vbeg, dm->vend - dm->vbeg);
		memset(p->met, 0, p->ncond);
		p->nmet = 0;
		p->state = HOLD;
	}
	if (p->state == PASS)
		emit(f, p, o->s, o->len);
	if (p->state != HOLD || !doc_matches(p, o)) {
		if (p->state == HOLD)
			hold_line(p, o->s, o->len);
		return 0;
	}
	/* It matches: what is held and this record go, or stay. */
	p->state = p->invert ? DROP : PASS;
	if (p->state == PASS) {
		write_held(f, p);
		emit(f, p, o->s, o->len);
	}
	p->nhold = 0;
	buf_reset(&p->hold);
	return 0;
}

/* --- options */

static struct cond *
cond_of(struct pick *p, enum kind kind, const char *key, size_t keylen)
{
	struct cond *c;
	size_t i;

	for (i = 0; i < p->ncond; i++) {
		c = &p->cond[i];
		if (c->kind == kind && (kind != C_META ||
		    (c->keylen == keylen && memcmp(c->key, key, keylen) == 0)))
			return c;
	}
	p->cond = xrealloc(p->cond, (p->ncond + 1) * sizeof *p->cond);
	c = &p->cond[p->ncond++];
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->key = key;
	c->keylen = keylen;
	return c;
}

static void
add_value(struct pick *p, enum kind kind, const char *arg)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE erroff;
	const char *key = NULL, *eq;
	struct cond *c;
	size_t keylen = 0;
	int errcode;

	if (kind == C_META) {
		if (!(eq = strchr(arg, '=')) || eq == arg)
			die(EX_ERR, "-m: not KEY=VALUE: %s", arg);
		key = arg;
		keylen = (size_t)(eq - arg);
		arg = eq + 1;
	}
	c = cond_of(p, kind, key, keylen);
	c->val = xrealloc(c->val, (c->nval + 1) * sizeof *c->val);
	c->len = xrealloc(c->len, (c->nval + 1) * sizeof *c->len);
	c->val[c->nval] = arg;
	c->len[c->nval] = strlen(arg);
	if (kind == C_PATTERN) {
		c->re = xrealloc(c->re, (c->nval + 1) * sizeof *c->re);
		c->re[c->nval] = pcre2_compile((PCRE2_SPTR)arg, PCRE2_ZERO_TERMINATED,
		    PCRE2_UTF | PCRE2_UCP, &errcode, &erroff, NULL);
		if (!c->re[c->nval]) {
			pcre2_get_error_message(errcode, msg, sizeof msg);
			die(EX_ERR, "-x: %s at offset %zu: %s", (char *)msg, (size_t)erroff, arg);
		}
		pcre2_jit_compile(c->re[c->nval], PCRE2_JIT_COMPLETE);
	}
	c->nval++;
}

static void
pick_free(struct pick *p)
{
	size_t i, k;

	for (i = 0; i < p->ncond; i++) {
		for (k = 0; p->cond[i].re && k < p->cond[i].nval; k++)
			pcre2_code_free(p->cond[i].re[k]);
		free(p->cond[i].re);
		free(p->cond[i].val);
		free(p->cond[i].len);
	}
	free(p->cond);
	free(p->met);
	free(p->off);
	pcre2_match_data_free(p->md);
	buf_free(&p->doc);
	buf_free(&p->hold);
	buf_free(&p->tmp);
	buf_free(&p->key);
}

int
main(int argc, char **argv)
{
	struct pick p = { 0 };
	struct filter f = { 0 };
	const char *from = NULL, *to = NULL, *mentioned = NULL, *invert = NULL;
	const struct opt_long lopts[] = {
		OPT_WITH_ARG("entity", 'e'),
		OPT_WITH_ARG("type", 't'),
		OPT_WITH_ARG("speaker", 's'),
		OPT_WITH_ARG("pattern", 'x'),
		OPT_WITH_ARG("meta", 'm'),
		OPT_LONG_ARG("from", &from),
		OPT_LONG_ARG("to", &to),
		OPT_LONG_FLAG("mentioned", &mentioned),
		OPT_LONG_FLAG("invert", &invert),
		OPT_FLAG("records", 'r'),
		OPT_FLAG("keep-going", 'k'),
		OPT_FLAG("quiet", 'q'),
		OPT_FLAG("unbuffered", 'u'),
		{ NULL }
	};
	static const char optstring[] = "e:km:qrs:t:ux:";
	long lo, hi;
	char **av;
	int ch, n, dates = 0, st;

	p.from = LONG_MIN;
	p.to = LONG_MAX;
	n = opt_parse(argc, argv, &av, optstring, lopts, usage_text, help_text);
	while ((ch = getopt(n, av, optstring)) != -1)
		switch (ch) {
		case 'e': add_value(&p, C_ENTITY, optarg); break;
		case 'k': f.kflag = 1; break;
		case 'm': add_value(&p, C_META, optarg); break;
		case 'r': p.records = 1; break;
		case 's': add_value(&p, C_SPEAKER, optarg); break;
		case 't': add_value(&p, C_TYPE, optarg); break;
		case 'u': f.uflag = 1; break;
		case 'q': lede_quiet = 1; break;
		case 'x': add_value(&p, C_PATTERN, optarg); break;
		default: usage();
		}
	p.invert = invert != NULL;
	argc = n - optind;
	argv = av + optind;
	if (from) {
		when_arg("--from", from, &p.from, &hi);
		dates = 1;
	}
	if (to) {
		when_arg("--to", to, &lo, &p.to);
		dates = 1;
	}
	p.mentioned = mentioned != NULL;
	if (p.mentioned && !dates)
		die(EX_ERR, "--mentioned needs --from or --to");
	if (p.from > p.to)
		die(EX_ERR, "--from is after --to");
	if (dates)
		cond_of(&p, C_DATE, NULL, 0);
	p.met = xcalloc(p.ncond, 1);
	p.md = pcre2_match_data_create(1, NULL);
	f.rec = rec;
	f.flush = p.records ? NULL : end_doc;
	f.ctx = &p;
	st = filter_run(&f, argc, argv);
	pick_free(&p);
	free(av);
	return st == EX_OK && p.selected ? EX_OK : EX_REJECT;
}
