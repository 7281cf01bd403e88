/*
 * libFuzzer target for lede-split's sentence splitter (cmd/split-seg.c),
 * with the word lists of data/en/split.yaml and the short titles of
 * data/en/titles.yaml (as lede-split reads them): every span must lie in
 * order within the paragraph and start and end on a non-space byte.
 * And for its HTML reader (cmd/split-html.c) with data/html.yaml: the
 * text is lines with no blank one and no space at either end, no
 * longer than the page and a newline, the lines it reports are those
 * lines, in order, with at most one headline, and the date is one or
 * none.  And for its input reader (cmd/split-src.c): the bytes, gzipped
 * or not, are read whole or fail with a message, and what comes out of
 * them is read as a page too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "split-html.h"
#include "split-seg.h"
#include "split-src.h"

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
	static const char *titles[] = { "honorifics", "honorifics_more", "honorifics_rare",
		"abbreviated", "abbreviated_more", "abbreviated_rare" };
	struct conf c;
	size_t i;

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
	conf_load(&c, "data/en/titles.yaml");
	for (i = 0; i < sizeof titles / sizeof *titles; i++)
		words(&c, titles[i], &seg.prefixes);
	conf_free(&c);
	html = html_load("data/html.yaml");
	return 0;
}

static void
check_html(const char *s, size_t size)
{
	static struct buf out;
	static struct html_page pg;
	size_t i, at = 0, heads = 0;

	html_text(html, s, size, &out, &pg);
	if (out.len > size + 1 || (out.len && out.s[out.len - 1] != '\n'))
		abort();
	for (i = 0; i < out.len; i++)
		if (out.s[i] == '\n' && (i == 0 || out.s[i - 1] == '\n' ||
		    out.s[i - 1] == ' ' || (i + 1 < out.len && out.s[i + 1] == ' ')))
			abort();
	if (out.len && out.s[0] == ' ')
		abort();
	for (i = 0; i < pg.nlines; i++) {
		if (pg.lines[i].off != at || pg.lines[i].off + pg.lines[i].len >= out.len + !out.len ||
		    out.s[pg.lines[i].off + pg.lines[i].len] != '\n' || pg.lines[i].flags & ~3)
			abort();
		heads += pg.lines[i].flags == HL_HEADLINE;
		at = pg.lines[i].off + pg.lines[i].len + 1;
	}
	if (at != out.len || heads > 1)
		abort();
	if (pg.dct[0] && (strlen(pg.dct) != 10 || pg.dct[4] != '-' || pg.dct[7] != '-'))
		abort();
}

/* The bytes as a file, read as lede-split reads one: through zlib when gzipped. */
static void
check_src(const uint8_t *data, size_t size)
{
	static FILE *fp;
	static char buf[1 << 16];
	struct src in = { 0 };
	ssize_t r = 0;
	size_t got = 0;

	if (!fp && !(fp = tmpfile()))
		abort();
	if (ftruncate(fileno(fp), 0) < 0 || pwrite(fileno(fp), data, size, 0) != (ssize_t)size ||
	    lseek(fileno(fp), 0, SEEK_SET) != 0)
		abort();
	in.fd = fileno(fp);
	if (GZ_MAGIC((const char *)data, size) && src_gz_open(&in, in.fd) < 0)
		abort();
	while (got < sizeof buf && (r = src_read(&in, buf + got, sizeof buf - got)) > 0)
		got += (size_t)r;
	if (r < 0 && in.gz && !in.gzmsg)
		abort();
	src_close(&in);
	src_binary(buf, got);
	if (in.gz != NULL)
		abort();
	check_html(buf, got);
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
	check_src(data, size);
	return 0;
}
