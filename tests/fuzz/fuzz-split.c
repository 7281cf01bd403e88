/*
 * libFuzzer target for lede-split's sentence splitter (cmd/split-seg.c),
 * with the word lists of data/en/split.yaml: every span must lie in
 * order within the paragraph and start and end on a non-space byte.
 * And for its HTML reader (cmd/split-html.c) with data/html.yaml: the
 * text is lines with no blank one and no space at either end, no
 * longer than the page and a newline, and the date is one or none.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "split-html.h"
#include "split-seg.h"

static struct seg seg;
static struct html *html;

static void
words(struct conf *c, const char *key, struct strtab *ws)
{
	yaml_node_item_t *it;
	yaml_node_t *list, *item;
	const char *w;

	if (!(list = conf_get(c, conf_root(c), key)))
		return;
	CONF_SEQ_EACH(c, list, item, it)
		if ((w = conf_str(item)))
			seg_word_add(ws, w, strlen(w) - (w[0] && w[strlen(w) - 1] == '.'));
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct conf c;

	conf_load(&c, "data/en/split.yaml");
	seg_init(&seg);
	words(&c, "prefixes", &seg.prefixes);
	words(&c, "numbered", &seg.numbered);
	words(&c, "abbreviations", &seg.abbreviations);
	words(&c, "times", &seg.times);
	words(&c, "timezones", &seg.timezones);
	words(&c, "openers", &seg.openers);
	words(&c, "starters", &seg.starters);
	conf_free(&c);
	html = html_load("data/html.yaml");
	return 0;
}

static void
check_html(const char *s, size_t size)
{
	static struct buf out;
	char dct[11], open[32];
	size_t i;

	html_text(html, s, size, &out, dct, open);
	if (out.len > size + 1 || (out.len && out.s[out.len - 1] != '\n'))
		abort();
	for (i = 0; i < out.len; i++)
		if (out.s[i] == '\n' && (i == 0 || out.s[i - 1] == '\n' ||
		    out.s[i - 1] == ' ' || (i + 1 < out.len && out.s[i + 1] == ' ')))
			abort();
	if (out.len && out.s[0] == ' ')
		abort();
	if (dct[0] && (strlen(dct) != 10 || dct[4] != '-' || dct[7] != '-'))
		abort();
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
	check_html((const char *)data, size);
	return 0;
}
