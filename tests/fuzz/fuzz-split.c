/*
 * libFuzzer target for lede-split's sentence splitter (cmd/split-seg.c),
 * with the word lists lede-split reads (cmd/split-lang.c): every span
 * must lie in order within the paragraph and start and end on a
 * non-space byte.  And for the dateline and boilerplate patterns of the
 * same module, on the bytes mended to UTF-8 (cmd/split-src.c): what is
 * mended is UTF-8, and a date found is a day of the calendar.
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

#include "buf.h"
#include "civil.h"
#include "split-html.h"
#include "split-lang.h"
#include "split-seg.h"
#include "split-src.h"
#include "utf8.h"

static struct lang *lang;
static struct html *html;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	lang = lang_load(NULL);
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

/*
 * The bytes as a paragraph: mended to UTF-8 as lede-split mends them,
 * then asked for their date, and whether they are boilerplate.
 */
static void
check_lang(const char *s, size_t n)
{
	static struct buf fixed;
	char dct[16];
	size_t cp;
	int r;

	if (!src_utf8(s, n, &cp)) {
		if (!src_mend(s, n, &fixed) || !src_utf8(fixed.s, fixed.len, &cp))
			abort();
		s = fixed.s;
		n = fixed.len;
	}
	if (cp != utf8_count(s, n))
		abort();
	lang_boiler(lang, s, n);
	r = lang_date(lang, s, n, dct);
	if (r < -1 || r > 1 || (r == 1 && (strlen(dct) != 10 || civil_iso(dct, 10) != 1)))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct span *sp;
	static size_t cap;
	size_t n, k, last = 0;

	n = seg_split(lang_seg(lang), (const char *)data, size, &sp, &cap);
	for (k = 0; k < n; k++) {
		if (sp[k].b < last || sp[k].b >= sp[k].e || sp[k].e > size)
			abort();
		if (seg_space(data, sp[k].b, size))
			abort();
		last = sp[k].e;
	}
	check_html((const char *)data, size);
	check_src(data, size);
	check_lang((const char *)data, size);
	return 0;
}
