/*
 * lede-tag-entities: adds "entities" to sentence records: people,
 * nationalities and groups, organisations, places, with one id per
 * entity in a document.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "jsonl.h"
#include "opt.h"
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
	struct buf text, arr, out;
};

static void
add_str(struct buf *b, const char *key, const char *s, size_t n)
{
	buf_addc(b, '"');
	buf_adds(b, key);
	buf_adds(b, "\":");
	json_escape(b, s, n);
}

static void
flush(struct filter *f)
{
	struct ctx *c = f->ctx;
	const struct ent *e;
	const char *txt;
	size_t i, j, n, tl;

	if (c->nl == 0)
		return;
	doc_resolve(c->doc);
	for (i = 0; i < c->nl; i++) {
		const struct held *h = &c->held[i];
		e = doc_ents(c->doc, i, &n);
		txt = doc_text(c->doc, i, &tl);
		buf_reset(&c->arr);
		buf_addc(&c->arr, '[');
		for (j = 0; j < n; j++) {
			if (j)
				buf_addc(&c->arr, ',');
			buf_add(&c->arr, "{\"start\":", 9);
			buf_addu(&c->arr, e[j].start);
			buf_add(&c->arr, ",\"end\":", 7);
			buf_addu(&c->arr, e[j].end);
			buf_add(&c->arr, ",\"text\":", 8);
			json_escape(&c->arr, txt + e[j].bstart, e[j].bend - e[j].bstart);
			buf_add(&c->arr, ",\"type\":", 8);
			json_escape(&c->arr, e[j].type, strlen(e[j].type));
			buf_add(&c->arr, ",\"id\":", 6);
			json_escape(&c->arr, e[j].id, strlen(e[j].id));
			if (e[j].tend > e[j].tbeg) {
				buf_addc(&c->arr, ',');
				add_str(&c->arr, "title", txt + e[j].tbeg, e[j].tend - e[j].tbeg);
			}
			buf_addc(&c->arr, '}');
		}
		buf_addc(&c->arr, ']');
		buf_reset(&c->out);
		json_set_at(&c->out, c->lines.s + h->off, h->len, h->hasm ? &h->m : NULL, 1,
		    "entities", c->arr.s, c->arr.len);
		fwrite(c->out.s, 1, c->out.len, stdout);
		putchar('\n');
	}
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
	buf_free(&c.arr);
	buf_free(&c.out);
	free(c.held);
	free(av);
	return status;
}
