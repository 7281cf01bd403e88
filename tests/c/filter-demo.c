/*
 * filter-demo: the smallest record filter on common/jsonl.c, for the
 * tests of the shared loop.  Sets "len" to the byte length of "text";
 * a record without a string "text" is refused.
 */
#include <stdlib.h>
#include <unistd.h>

#include "jsonl.h"
#include "util.h"

static int
rec(struct filter *f, struct input *in, struct jobj *o)
{
	static struct buf text, val, line;

	if (rec_str(o, "text", &text) < 0) {
		filter_reject(f, in, "no string \"text\"");
		return -1;
	}
	buf_reset(&val);
	buf_addu(&val, text.len);
	buf_reset(&line);
	jobj_set(o, &line, "len", val.s, val.len);
	filter_emit(f, line.s, line.len);
	return 0;
}

int
main(int argc, char **argv)
{
	struct filter f = { 0 };
	int ch;

	lede_init(argc, argv, "[-ku] [file ...]", "Sets len to the length of text.\n");
	while ((ch = getopt(argc, argv, "ku")) != -1)
		switch (ch) {
		case 'k': f.kflag = 1; break;
		case 'u': f.uflag = 1; break;
		default: usage();
		}
	f.rec = rec;
	return filter_run(&f, argc - optind, argv + optind);
}
