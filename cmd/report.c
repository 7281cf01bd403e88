/*
 * lede-report: annotated records to one self-contained HTML page that
 * shows who is quoted and named, when, what repeats, and the articles.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json.h"
#include "jsonl.h"
#include "opt.h"
#include "report-model.h"
#include "util.h"

static const char usage_text[] = "[-kqu] [--repeats file] [--texts size] [--title title] [--top N] [file ...]";
static const char help_text[] =
    "Writes one HTML page that shows what annotated records hold.\n"
    "      --top N       rows in each list (20)\n"
    "      --repeats FILE  the repeats dropped before, as lede-batch lists them in repeats.tsv\n"
    "      --texts SIZE  bytes of article text on the page, with k, M or G (2M); 0: none\n"
    "      --title TEXT  the page's title (\"lede report\")\n"
    "  -k, --keep-going  skip bad lines with a warning, exit 1\n"
    "  -q, --quiet       no warnings (errors still)\n"
    "  -u, --unbuffered  accepted for symmetry with the filters; the page is written at the end\n"
    "  -h, --help, --version\n"
    "See lede-report(1).\n";

static size_t
size_arg(const char *arg)
{
	const char *e;
	long long v = opt_num(arg, 0, 1000000000000LL, opt_si, &e);

	if (e)
		die(EX_ERR, "--texts is %s: %s", e, arg);
	return (size_t)v;
}

/* One record into the report; one it cannot use is refused. */
static int
rec(struct filter *f, struct input *in, struct jobj *o)
{
	struct report *r = f->ctx;

	if (report_add(r, o) < 0) {
		filter_reject(f, in, "%s", r->msg.s);
		return -1;
	}
	return 0;
}

/*
 * An article listed as dropped but found in the records was kept: the
 * repeats.tsv of a run that marked its repeats, not one that dropped them.
 */
static void
drops_check(struct report *r)
{
	size_t i;

	for (i = 0; r->dropcols == 2 && i < r->ndrop; i++)
		if (strtab_find(&r->docs, r->drop[i].doc, strlen(r->drop[i].doc)) >= 0) {
			warnq("%s: lists articles that are in the records, so were not dropped "
			    "(the repeats.tsv of a run that marked them?)", r->dropfile);
			return;
		}
}

int
main(int argc, char **argv)
{
	static const char *title = "lede report", *toparg, *textsarg, *repeatsarg;
	static const struct opt_long lo[] = {
		OPT_LONG_ARG("top", &toparg),
		OPT_LONG_ARG("texts", &textsarg),
		OPT_LONG_ARG("repeats", &repeatsarg),
		OPT_LONG_ARG("title", &title),
		OPT_FLAG("keep-going", 'k'),
		OPT_FLAG("quiet", 'q'),
		OPT_FLAG("unbuffered", 'u'),
		{ NULL }
	};
	static const char optstring[] = "kqt:u";
	struct filter f = { 0 };
	struct report r;
	size_t texts = 2000000;
	char **av;
	int ch, status, top = 20;

	argc = opt_parse(argc, argv, &av, optstring, lo, usage_text, help_text);
	while ((ch = getopt(argc, av, optstring)) != -1)
		switch (ch) {
		case 'k': f.kflag = 1; break;
		case 'q': lede_quiet = 1; break;
		case 't': title = optarg; break;	/* for lede-batch, one release */
		case 'u': break;
		default: usage();
		}
	argc -= optind;
	argv = av + optind;
	if (toparg)
		top = (int)numarg("--top", toparg, 1, 100000);
	if (textsarg)
		texts = size_arg(textsarg);

	report_init(&r, top, texts);
	if (repeatsarg)
		report_read_drops(&r, repeatsarg);
	f.rec = rec;
	f.ctx = &r;
	status = filter_each(&f, argc, argv);
	drops_check(&r);
	report_write(&r, stdout, title);
	out_finish(stdout);
	report_free(&r);
	free(av);
	return status;
}
