/*
 * libFuzzer target for lede-split's sentence splitter (cmd/split-seg.c),
 * with the word lists of data/en/split.yaml.  Every span must lie in
 * order within the paragraph and start and end on a non-space byte.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "split-seg.h"

static struct seg seg;

static void
words(struct conf *c, const char *key, struct wordset *ws)
{
	yaml_node_item_t *it;
	yaml_node_t *list, *item;
	const char *w;

	if (!(list = conf_get(c, conf_root(c), key)))
		return;
	CONF_SEQ_EACH(c, list, item, it)
		if ((w = conf_str(item)))
			wordset_add(ws, w, strlen(w) - (w[0] && w[strlen(w) - 1] == '.'));
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct conf c;

	conf_load(&c, "data/en/split.yaml");
	words(&c, "prefixes", &seg.prefixes);
	words(&c, "numbered", &seg.numbered);
	words(&c, "abbreviations", &seg.abbreviations);
	words(&c, "times", &seg.times);
	words(&c, "timezones", &seg.timezones);
	words(&c, "openers", &seg.openers);
	words(&c, "starters", &seg.starters);
	conf_free(&c);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct span *sp;
	static size_t cap;
	size_t n, k, last = 0;

	n = seg_split(&seg, (const char *)data, size, &sp, &cap);
	for (k = 0; k < n; k++) {
		if (sp[k].b < last || sp[k].b >= sp[k].e || sp[k].e > size)
			abort();
		if (seg_space(data, sp[k].b, size))
			abort();
		last = sp[k].e;
	}
	return 0;
}
