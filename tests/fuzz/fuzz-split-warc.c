/*
 * libFuzzer target for lede-split's WARC reader (cmd/split-warc.c): the
 * bytes as a file, gzipped or not, read as lede-split reads a WARC
 * file.  Each page lies within what was read, its URI and date are
 * strings, its records come in order; a Content-Length is never
 * believed beyond the file (the window stays near the file's size), and
 * an inflated page stays under 64 MB; the pages are read by the HTML
 * reader (split-html.c) too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "split-html.h"
#include "split-warc.h"
#include "util.h"

static struct html *html;
static struct warc w;
static unsigned long long last;
static size_t total;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	lede_quiet = 1;
	html = html_load("data/html.yaml");
	return 0;
}

static void
page(void *arg, const struct warc_page *pg)
{
	static struct buf out;
	static struct html_page hp;
	int in_window = pg->body >= w.in.s && pg->body + pg->len <= w.in.s + w.in.len;
	int in_body = pg->len == 0 || (w.body.s && pg->body >= w.body.s && pg->body + pg->len <= w.body.s + w.body.len);
	int in_plain = pg->len == 0 || (w.plain.s && pg->body >= w.plain.s && pg->body + pg->len <= w.plain.s + w.plain.len);

	if (!in_window && !in_body && !in_plain)
		abort();
	if (!pg->uri || !pg->date || !pg->uri[0] || strlen(pg->date) > total)
		abort();
	if (pg->off < last || pg->off >= total || (pg->len > total && !in_plain) || pg->len > (64 << 20))
		abort();
	last = pg->off + 1;
	html_text(html, pg->body, pg->len, &out, &hp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *fp;
	struct src in = { 0 };
	char head[64];
	ssize_t pre;

	if (!fp && !(fp = tmpfile()))
		abort();
	if (ftruncate(fileno(fp), 0) < 0 || pwrite(fileno(fp), data, size, 0) != (ssize_t)size ||
	    lseek(fileno(fp), 0, SEEK_SET) != 0)
		abort();
	in.fd = fileno(fp);
	if (src_gz_open(&in, in.fd) < 0)
		abort();
	last = 0;
	/* gzipped, the bytes can make more than they are: what zlib gives at most */
	total = GZ_MAGIC((const char *)data, size) ? (size_t)-1 / 2 : size;
	/* as lede-split does once a file's first bytes say WARC: some read already */
	pre = size < 64 ? size : 64;
	if ((pre = src_read(&in, head, (size_t)pre)) < 0)
		pre = 0;
	warc_read(&w, &in, "fuzz", head, (size_t)pre, page, NULL);
	src_close(&in);
	if (!GZ_MAGIC((const char *)data, size) && w.in.cap > 4 * (size + 65536 + 1))
		abort();
	return 0;
}
