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
#include "tag-entities-ner.h"
#include "util.h"

static const char usage_text[] = "[-ku] [-c file] [file ...]";
static const char help_text[] =
    "Adds \"entities\" (PERSON, NORP, ORG, GPE, LOC) to each record's text.\n"
    "  -c file  also read this YAML file of entities, aliases and types\n"
    "  -k       pass bad lines through with a warning, exit 1 at the end\n"
    "  -u       flush the output after each document\n";

static const char *datafiles[] = {
	"entities/words.yaml", "entities/first-names.yaml", "entities/countries.yaml",
	"entities/cities.yaml", "entities/regions.yaml", "entities/places.yaml", "entities/orgs.yaml",
	"entities/people.yaml",
	"entities/titles.yaml", "entities/cues.yaml",
};

struct ctx {
	struct doc *doc;
	struct buf lines;	/* the document's lines, each ended by NUL */
	size_t *loff;
	size_t nl, lcap;
	struct buf docid;	/* the raw "doc" value of the held records */
	int hasdoc;
	struct buf text, arr, out;
	struct jobj o;
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
	const char *txt, *err;
	size_t i, j, n, tl, off;

	if (c->nl == 0)
		return;
	doc_resolve(c->doc);
	for (i = 0; i < c->nl; i++) {
		const char *line = c->lines.s + c->loff[i];
		size_t len = strlen(line);
		if (jobj_parse(&c->o, line, len, &err, &off) < 0)
			die(EX_ERR, "internal error: held line no longer parses");
		e = doc_ents(c->doc, i, &n);
		txt = doc_text(c->doc, i, &tl);
		buf_reset(&c->arr);
		buf_addc(&c->arr, '[');
		for (j = 0; j < n; j++) {
			if (j)
				buf_addc(&c->arr, ',');
			buf_printf(&c->arr, "{\"start\":%zu,\"end\":%zu,", e[j].start, e[j].end);
			add_str(&c->arr, "text", txt + e[j].bstart, e[j].bend - e[j].bstart);
			buf_adds(&c->arr, ",\"type\":");
			json_escape(&c->arr, e[j].type, strlen(e[j].type));
			buf_addc(&c->arr, ',');
			add_str(&c->arr, "id", e[j].id, strlen(e[j].id));
			if (e[j].tend > e[j].tbeg) {
				buf_addc(&c->arr, ',');
				add_str(&c->arr, "title", txt + e[j].tbeg, e[j].tend - e[j].tbeg);
			}
			buf_addc(&c->arr, '}');
		}
		buf_addc(&c->arr, ']');
		buf_reset(&c->out);
		jobj_set(&c->o, &c->out, "entities", c->arr.s, c->arr.len);
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
	const struct jmember *m = jobj_get(o, "doc");
	const char *dv = m ? o->s + m->vbeg : "";
	size_t dl = m ? m->vend - m->vbeg : 0;
	const struct jmember *tm = jobj_get(o, "text");

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
	buf_reset(&c->text);
	json_unescape(o->s + tm->vbeg, tm->vend - tm->vbeg, &c->text);
	doc_add(c->doc, c->text.s ? c->text.s : "", c->text.len);
	if (c->nl == c->lcap) {
		c->lcap = c->lcap ? c->lcap * 2 : 64;
		c->loff = xrealloc(c->loff, c->lcap * sizeof *c->loff);
	}
	c->loff[c->nl++] = c->lines.len;
	buf_add(&c->lines, in->line, in->len);
	buf_addc(&c->lines, '\0');
	return 0;
}

int
main(int argc, char **argv)
{
	struct filter f = { 0 };
	struct ctx c = { 0 };
	struct conf conf;
	struct lex *lex;
	const char *cfile = NULL;
	size_t i;
	int ch, status;

	lede_init(argc, argv, usage_text, help_text);
	while ((ch = getopt(argc, argv, "c:ku")) != -1)
		switch (ch) {
		case 'c':
			cfile = optarg;
			break;
		case 'k':
			f.kflag = 1;
			break;
		case 'u':
			f.uflag = 1;
			break;
		default:
			usage();
		}
	argc -= optind;
	argv += optind;

	lex = lex_new();
	for (i = 0; i < sizeof datafiles / sizeof *datafiles; i++) {
		char *path = data_path(datafiles[i]);
		conf_load(&conf, path);
		lex_add(lex, &conf);
		conf_free(&conf);
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
	free(c.loff);
	jobj_free(&c.o);
	return status;
}
