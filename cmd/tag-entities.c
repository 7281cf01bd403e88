/*
 * lede-tag-entities: adds "entities" to sentence records: people,
 * nationalities and groups, organisations, places, with one id per
 * entity in a document.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "jsonl.h"
#include "opt.h"
#include "scan.h"
#include "tag-entities-ner.h"
#include "util.h"

static const char usage_text[] = "[-kqu] [-c file] [file ...]";
static const char help_text[] =
    "Adds \"entities\" (PERSON, NORP, ORG, GPE, LOC) to each record's text.\n"
    "  -c, --config FILE   also read this YAML file of entities, aliases and types\n"
    "  -k, --keep-going    pass bad lines through with a warning, exit 1 at the end\n"
    "  -q, --quiet         no warnings (errors still)\n"
    "  -u, --unbuffered    flush the output after each document\n"
    "  -h, --help, --version\n"
    "See lede-tag-entities(1).\n";

#define TITLES "en/titles.yaml"	/* read by lex_add_titles: other programs read it too */

static const char *datafiles[] = {
	"entities/words.yaml", "entities/first-names.yaml", "entities/countries.yaml",
	"entities/cities.yaml", "entities/regions.yaml", "entities/places.yaml", "entities/orgs.yaml",
	"entities/people.yaml",
	TITLES, "entities/cues.yaml",
};

/*
 * A held line: its place in ctx.lines and its "entities" member if it
 * has one, for json_set_at, so it is not parsed twice.
 */
struct held {
	size_t off, len;
	struct jmember m;
	int hasm;
};

struct ctx {
	struct doc *doc;
	struct buf lines;	/* the document's lines, one after the other */
	struct held *held;	/* where each held line is, and its "entities" */
	size_t nl, lcap;
	struct buf docid;	/* the raw "doc" value of the held records */
	int hasdoc;
	struct buf text, out;
};

/* The bytes put_str escapes: the controls, '"' and '\\'. */
static const unsigned char json_esc[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1,
};

/*
 * s[0..n) as a JSON string at p, escaped as json_escape escapes it;
 * p has room for 6n + 2 bytes.  The end is returned.
 */
static char *
put_str(char *p, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char ch;
	uint64_t x;
	size_t i;

	*p++ = '"';
	/* eight bytes at a time while none needs an escape */
	for (i = 0; i + 8 <= n; i += 8, p += 8) {
		memcpy(&x, s + i, 8);
		if (SCAN_EQ(x, '"') | SCAN_EQ(x, '\\') | SCAN_BELOW(x, 0x20))
			break;
		memcpy(p, &x, 8);
	}
	/*
	 * Fewer than eight left, all after clean ones, as they were copied:
	 * if the last eight need no escape, they go at once, over the copy
	 * of those before them.
	 */
	if (i < n && i + 8 > n && n >= 8) {
		memcpy(&x, s + n - 8, 8);
		if (!(SCAN_EQ(x, '"') | SCAN_EQ(x, '\\') | SCAN_BELOW(x, 0x20))) {
			p += n - i;
			memcpy(p - 8, &x, 8);
			i = n;
		}
	}
	for (; i < n; i++) {
		ch = (unsigned char)s[i];
		if (!json_esc[ch]) {
			*p++ = (char)ch;
			continue;
		}
		*p++ = '\\';
		switch (ch) {
		case '"': *p++ = '"'; break;
		case '\\': *p++ = '\\'; break;
		case '\n': *p++ = 'n'; break;
		case '\r': *p++ = 'r'; break;
		case '\t': *p++ = 't'; break;
		case '\b': *p++ = 'b'; break;
		case '\f': *p++ = 'f'; break;
		default:
			memcpy(p, "u00", 3);
			p[3] = hex[ch >> 4];
			p[4] = hex[ch & 15];
			p += 5;
		}
	}
	*p++ = '"';
	return p;
}

/* v in decimal at p, which has room for 20 bytes; the end is returned. */
static char *
put_u(char *p, size_t v)
{
	size_t n, t;

	if (v < 10) {
		*p = (char)('0' + v);
		return p + 1;
	}
	/* its digits counted, then written from the last, in place */
	for (n = 2, t = v / 100; t; t /= 10)
		n++;
	p += n;
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	return p + n;
}

#define PUT(p, lit) (memcpy((p), (lit), sizeof(lit) - 1), (p) + sizeof(lit) - 1)

/*
 * Entity e of a record whose text is txt, as a JSON object at the end
 * of b: written in place after one test for room, as this is the
 * output of every mention.
 */
static void
put_ent(struct buf *b, const struct ent *e, const char *txt)
{
	size_t tl = e->bend - e->bstart, yl = strlen(e->type), il = strlen(e->id);
	size_t ttl = e->tend > e->tbeg ? e->tend - e->tbeg : 0;
	char *p;

	/* the keys and numbers take under 100 bytes; a byte escaped, 6 */
	buf_grow(b, 100 + 6 * (tl + yl + il + ttl) + 8);
	p = b->s + b->len;
	p = PUT(p, "{\"start\":");
	p = put_u(p, e->start);
	p = PUT(p, ",\"end\":");
	p = put_u(p, e->end);
	p = PUT(p, ",\"text\":");
	p = put_str(p, txt + e->bstart, tl);
	p = PUT(p, ",\"type\":");
	p = put_str(p, e->type, yl);
	p = PUT(p, ",\"id\":");
	p = put_str(p, e->id, il);
	if (ttl) {
		p = PUT(p, ",\"title\":");
		p = put_str(p, txt + e->tbeg, ttl);
	}
	*p++ = '}';
	*p = '\0';
	b->len = (size_t)(p - b->s);
}

/*
 * Where the "entities" value goes in held line s, as json_set_at puts
 * it: the line up to *pre, the value, the line from *post; *key is set
 * when the value is a new member, to have ,"entities": before it.
 */
static void
ent_place(const struct held *h, const char *s, size_t *pre, size_t *post, int *key)
{
	size_t end;

	if (h->hasm) {
		*pre = h->m.vbeg;
		*post = h->m.vend;
		*key = 0;
		return;
	}
	/* before the closing brace, after any white space ahead of it */
	end = h->len;
	while (end > 0 && s[end - 1] != '}')
		end--;
	end--;
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\n' ||
	    s[end - 1] == '\r'))
		end--;
	*pre = *post = end;
	*key = 1;
}

static void
flush(struct filter *f)
{
	struct ctx *c = f->ctx;
	const struct ent *e;
	const char *txt, *s;
	size_t i, j, n, tl, pre, post;
	int key;

	if (c->nl == 0)
		return;
	doc_resolve(c->doc);
	/* the document's lines in one write: as many as its held lines */
	buf_reset(&c->out);
	for (i = 0; i < c->nl; i++) {
		const struct held *h = &c->held[i];
		e = doc_ents(c->doc, i, &n);
		txt = doc_text(c->doc, i, &tl);
		s = c->lines.s + h->off;
		ent_place(h, s, &pre, &post, &key);
		buf_add(&c->out, s, pre);
		if (key)
			buf_add(&c->out, ",\"entities\":", 12);
		buf_addc(&c->out, '[');
		for (j = 0; j < n; j++) {
			if (j)
				buf_addc(&c->out, ',');
			put_ent(&c->out, &e[j], txt);
		}
		buf_addc(&c->out, ']');
		buf_add(&c->out, s + post, h->len - post);
		buf_addc(&c->out, '\n');
	}
	fwrite(c->out.s, 1, c->out.len, stdout);
	if (f->uflag)
		fflush(stdout);
	out_check(stdout);
	doc_reset(c->doc);
	buf_reset(&c->lines);
	c->nl = 0;
	c->hasdoc = 0;
}

static int
rec(struct filter *f, struct input *in, struct jobj *o)
{
	struct ctx *c = f->ctx;
	const struct jmember *m, *tm, *em;
	const char *dv, *raw;
	size_t dl, rl;
	struct held *h;

	static const char *const keys[] = { "doc", "text", "entities", NULL };
	const struct jmember *fm[3];

	jobj_fields(o, keys, fm, &c->text);
	m = fm[0], tm = fm[1], em = fm[2];
	dv = m ? o->s + m->vbeg : "";
	dl = m ? m->vend - m->vbeg : 0;

	if (!tm || o->s[tm->vbeg] != '"') {
		filter_reject(f, in, "no \"text\" string");
		return -1;
	}
	if (c->hasdoc && (c->docid.len != dl || memcmp(c->docid.s, dv, dl) != 0))
		flush(f);
	if (!c->hasdoc) {
		buf_reset(&c->docid);
		buf_add(&c->docid, dv, dl);
		c->hasdoc = 1;
	}
	/* the text in place when it holds no escape */
	raw = jmember_text(o, tm, &c->text, &rl);
	doc_add(c->doc, raw, rl);
	if (c->nl == c->lcap) {
		c->lcap = c->lcap ? c->lcap * 2 : 64;
		c->held = xrealloc(c->held, c->lcap * sizeof *c->held);
	}
	h = &c->held[c->nl++];
	h->off = c->lines.len;
	h->len = in->len;
	h->hasm = em != NULL;
	if (em)
		h->m = *em;
	buf_add(&c->lines, in->line, in->len);
	return 0;
}

int
main(int argc, char **argv)
{
	struct filter f = { 0 };
	struct ctx c = { 0 };
	struct conf conf;
	struct lex *lex;
	static const struct opt_long lo[] = {
		OPT_WITH_ARG("config", 'c'),
		OPT_FLAG("keep-going", 'k'),
		OPT_FLAG("quiet", 'q'),
		OPT_FLAG("unbuffered", 'u'),
		{ NULL }
	};
	static const char optstring[] = "c:kqu";
	const char *cfile = NULL;
	char **av;
	size_t i;
	int ch, status;

	argc = opt_parse(argc, argv, &av, optstring, lo, usage_text, help_text);
	while ((ch = getopt(argc, av, optstring)) != -1)
		switch (ch) {
		case 'c':
			cfile = optarg;
			break;
		case 'k':
			f.kflag = 1;
			break;
		case 'q':
			lede_quiet = 1;
			break;
		case 'u':
			f.uflag = 1;
			break;
		default:
			usage();
		}
	argc -= optind;
	argv = av + optind;

	lex = lex_new();
	for (i = 0; i < sizeof datafiles / sizeof *datafiles; i++) {
		char *path = data_path(datafiles[i]);
		if (strcmp(datafiles[i], TITLES) == 0) {
			conf_load(&conf, path);
			lex_add_titles(lex, &conf);
			conf_free(&conf);
		} else if (lex_add_file(lex, path) < 0) {
			conf_load(&conf, path);
			lex_add(lex, &conf);
			conf_free(&conf);
		}
		free(path);
	}
	if (cfile) {
		conf_load(&conf, cfile);
		lex_add(lex, &conf);
		conf_free(&conf);
	}
	lex_freeze(lex);
	c.doc = doc_new(lex);
	f.rec = rec;
	f.flush = flush;
	f.ctx = &c;
	status = filter_run(&f, argc, argv);
	doc_free(c.doc);
	lex_free(lex);
	buf_free(&c.lines);
	buf_free(&c.docid);
	buf_free(&c.text);
	buf_free(&c.out);
	free(c.held);
	free(av);
	return status;
}
