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

static const char usage_text[] = "[-ku] [-n top] [-s size] [-t title] [file ...]";
static const char help_text[] =
    "Writes one HTML page that shows what annotated records hold.\n"
    "  -n, --top N       rows in each list (20)\n"
    "  -s, --texts SIZE  bytes of article text on the page, with k, M or G (2M); 0: none\n"
    "  -t, --title TEXT  the page's title (\"lede report\")\n"
    "  -k, --keep-going  skip bad lines with a warning, exit 1\n"
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

int
main(int argc, char **argv)
{
	static const struct opt_long lo[] = {
		OPT_WITH_ARG("top", 'n'),
		OPT_WITH_ARG("texts", 's'),
		OPT_WITH_ARG("title", 't'),
		OPT_FLAG("keep-going", 'k'),
		OPT_FLAG("unbuffered", 'u'),
		{ NULL }
	};
	static const char optstring[] = "kn:s:t:u";
	static char *dash[] = { "-", NULL };
	struct input *in;
	struct report r;
	struct jobj o = { 0 };
	const char *title = "lede report", *err;
	size_t texts = 2000000, off;
	char **av;
	int ch, i, kflag = 0, top = 20, status = EX_OK;

	argc = opt_parse(argc, argv, &av, optstring, lo, usage_text, help_text);
	while ((ch = getopt(argc, av, optstring)) != -1)
		switch (ch) {
		case 'k': kflag = 1; break;
		case 'n': top = (int)numarg("-n", optarg, 1, 100000); break;
		case 's': texts = size_arg(optarg); break;
		case 't': title = optarg; break;
		case 'u': break;
		default: usage();
		}
	argc -= optind;
	argv = av + optind;
	if (argc == 0) {
		argc = 1;
		argv = dash;
	}

	/* Open every operand first, as the style asks. */
	in = xcalloc(argc, sizeof *in);
	for (i = 0; i < argc; i++)
		if (input_open(&in[i], argv[i]) < 0) {
			warnm("%s: %s", argv[i], strerror(errno));
			in[i].fp = NULL;
			status = EX_REJECT;
		}

	report_init(&r, top, texts);
	for (i = 0; i < argc; i++) {
		if (!in[i].fp)
			continue;
		while (input_next(&in[i])) {
			if (jobj_parse(&o, in[i].line, in[i].len, &err, &off) < 0) {
				if (!kflag)
					die(EX_ERR, "%s:%lu: %s at column %zu", in[i].name, in[i].lineno, err, off + 1);
				warnm("%s:%lu: %s at column %zu", in[i].name, in[i].lineno, err, off + 1);
				status = EX_REJECT;
				continue;
			}
			if (report_add(&r, &o) < 0) {
				if (!kflag)
					die(EX_ERR, "%s:%lu: %s", in[i].name, in[i].lineno, r.msg.s);
				warnm("%s:%lu: %s", in[i].name, in[i].lineno, r.msg.s);
				status = EX_REJECT;
			}
		}
		input_close(&in[i]);
	}
	report_write(&r, stdout, title);
	out_finish(stdout);
	report_free(&r);
	jobj_free(&o);
	free(in);
	return status;
}
