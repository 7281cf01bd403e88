/*
 * lede-extract-dates: adds a "dates" array of TIMEX3 expressions to
 * each sentence record, resolved against --ref, else the record's dct.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "conf.h"
#include "extract-dates-scan.h"
#include "json.h"
#include "jsonl.h"
#include "opt.h"
#include "util.h"

static const char usage_text[] =
    "[-Akqu] [-c file] [--dmy] [--ref date] [--words file] [file ...]";
static const char help_text[] =
    "Adds to each record a \"dates\" array of the temporal expressions in its text.\n"
    "  -A, --all-rules    every rule at every word (debugging: the same output, slower)\n"
    "  -c, --config FILE  add the words of FILE to the shipped ones (data en/dates.yaml)\n"
    "      --dmy          read 11/12/2025 as day first\n"
    "  -k, --keep-going   report a bad record, pass it through untouched, go on (exit 1)\n"
    "  -q, --quiet        no warnings (errors still)\n"
    "      --ref DATE     resolve relative dates against DATE (YYYY-MM-DD), not the dct\n"
    "  -u, --unbuffered   flush after each record\n"
    "      --words FILE   read the words from FILE instead (another language)\n"
    "  -h, --help, --version\n"
    "See lede-extract-dates(1).\n";

#define WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')

struct ctx {
	struct dates_scan *sc;
	struct dates_ref ref;	/* from --ref */
	int haveref;
	struct buf text, dct;
	struct buf doc;		/* the last record's "doc", as written */
	int havedoc;
};

static int
rec(struct filter *f, struct input *in, struct jobj *o)
{
	struct ctx *c = f->ctx;
	struct dates_ref r;
	const struct jmember *tm, *dm, *am, *docm;
	const char *tv;
	size_t tn, end, rest;

	static const char *const keys[] = { "text", "dct", "dates", "doc", NULL };
	const struct jmember *fm[4];

	jobj_fields(o, keys, fm, &c->dct);
	tm = fm[0], dm = fm[1], am = fm[2], docm = fm[3];
	if (!tm || o->s[tm->vbeg] != '"') {
		filter_reject(f, in, "no \"text\" string");
		return -1;
	}
	/* In place when it holds no escape. */
	tv = jmember_text(o, tm, &c->text, &tn);
	if (c->haveref)
		r = c->ref;
	else if (!dm || o->s[dm->vbeg] != '"')
		memset(&r, 0, sizeof r);
	else {
		json_unescape(o->s + dm->vbeg, dm->vend - dm->vbeg, &c->dct);
		if (dates_parse_ref(c->dct.s, c->dct.len, &r) < 0)
			memset(&r, 0, sizeof r);
	}
	/*
	 * The records of one document carry what the text before said (its
	 * last date, the period it is about); a record without "doc" is a
	 * text of its own.
	 */
	if (!docm || !c->havedoc || docm->vend - docm->vbeg != c->doc.len ||
	    memcmp(o->s + docm->vbeg, c->doc.s, c->doc.len) != 0) {
		dates_scan_doc(c->sc);
		buf_reset(&c->doc);
		c->havedoc = docm != NULL;
		if (docm)
			buf_add(&c->doc, o->s + docm->vbeg, docm->vend - docm->vbeg);
	}
	/*
	 * What json_set_at() writes, with the array made in place: the
	 * record up to the old "dates" value, or up to its closing brace
	 * (and the white space before it) then ,"dates":, the array, the rest.
	 */
	if (am)
		end = am->vbeg, rest = am->vend;
	else {
		for (end = o->len; end > 0 && o->s[end - 1] != '}'; end--)
			;
		end--;
		while (end > 0 && WS(o->s[end - 1]))
			end--;
		rest = end;
	}
	buf_reset(&f->out);
	buf_add(&f->out, o->s, end);
	if (!am)
		buf_add(&f->out, ",\"dates\":", 9);
	dates_find(c->sc, tv, tn, &r, &f->out);
	buf_add(&f->out, o->s + rest, o->len - rest);
	filter_emit(f, f->out.s, f->out.len);
	return 0;
}

int
main(int argc, char **argv)
{
	struct filter f = { 0 };
	struct ctx c = { 0 };
	struct conf conf = { 0 };
	struct dates_lex *lex;
	const char *cfile = NULL, *refarg = NULL, *words = NULL, *dmyarg = NULL;
	const struct opt_long lo[] = {
		OPT_WITH_ARG("config", 'c'),
		OPT_FLAG("all-rules", 'A'),
		OPT_LONG_FLAG("dmy", &dmyarg),
		OPT_FLAG("keep-going", 'k'),
		OPT_FLAG("quiet", 'q'),
		OPT_LONG_ARG("ref", &refarg),
		OPT_FLAG("unbuffered", 'u'),
		OPT_LONG_ARG("words", &words),
		{ NULL }
	};
	static const char optstring[] = "Ac:kqu";
	char **av, *path;
	int ch, n, dmy = 0, st, allrules = 0;

	n = opt_parse(argc, argv, &av, optstring, lo, usage_text, help_text);
	while ((ch = getopt(n, av, optstring)) != -1)
		switch (ch) {
		case 'A': allrules = 1; break;	/* debugging: the same output, slower */
		case 'c': cfile = optarg; break;
		case 'k': f.kflag = 1; break;
		case 'q': lede_quiet = 1; break;
		case 'u': f.uflag = 1; break;
		default: usage();
		}
	dmy = dmyarg != NULL;
	if (refarg) {
		if (dates_parse_ref(refarg, strlen(refarg), &c.ref) < 0)
			die(EX_ERR, "--ref: not a date (YYYY-MM-DD): %s", refarg);
		c.haveref = 1;
	}
	/* --words replaces the shipped words, -c adds to them */
	path = words ? xstrdup(words) : data_path("en/dates.yaml");
	conf_load(&conf, path);
	if (cfile)
		conf_add(&conf, cfile);
	lex = dates_lex_load(&conf);
	conf_free(&conf);
	c.sc = dates_scan_new(lex, dmy);
	dates_scan_all_rules(c.sc, allrules);
	f.rec = rec;
	f.ctx = &c;
	st = filter_run(&f, n - optind, av + optind);
	dates_scan_free(c.sc);
	dates_lex_free(lex);
	buf_free(&c.text);
	buf_free(&c.dct);
	buf_free(&c.doc);
	free(path);
	free(av);
	return st;
}
