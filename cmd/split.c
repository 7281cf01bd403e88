/*
 * lede-split: article files to one JSON record per sentence.
 */
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "civil.h"
#include "json.h"
#include "opt.h"
#include "split-fields.h"
#include "split-files.h"
#include "split-front.h"
#include "split-html.h"
#include "split-lang.h"
#include "split-seg.h"
#include "split-src.h"
#include "split-tsv.h"
#include "split-warc.h"
#include "utf8.h"
#include "util.h"

#define HEAD_PARAS 8		/* paragraphs searched for a dateline */
#define FRONT_LINES 1000	/* front matter longer than this is text */

static const char usage_text[] =
    "[-Hquvw] [-c config] [-d date] [-T list] [--doc name] [--keep-boilerplate]"
    " [--meta table] [--source-from-dir] [file | dir ...]";
static const char help_text[] =
    "Writes one JSON record per sentence of each article file: text, web pages\n"
    "(.html, .htm), WARC files of crawls (.warc: each HTML response a document),\n"
    "gzipped or not.\n"
    "  -c, --config FILE       add abbreviations, datelines and boilerplate from FILE\n"
    "  -d, --date DATE         the publication date (dct) of a document with none\n"
    "  -H, --html              read every input as HTML (else only *.html, *.htm)\n"
    "      --doc NAME          the document id, instead of the file's path\n"
    "      --keep-boilerplate  keep web furniture, marked \"boilerplate\": true\n"
    "      --meta TABLE        dct, source and other fields of the articles, from a\n"
    "                          .tsv file with a header line (path, dct, source, ...)\n"
    "      --source-from-dir   an article with no source: its folder's name\n"
    "  -q, --quiet             no warnings (errors still)\n"
    "  -T, --files-from LIST   read the paths of the articles from LIST, one a line\n"
    "  -u, --unbuffered        flush after each record\n"
    "  -v, --verbose           say which files and WARC records are skipped, and\n"
    "                          which rows of the --meta table no article took\n"
    "  -w, --wrapped           hard-wrapped text: only blank lines end paragraphs\n"
    "  -h, --help, --version\n"
    "See lede-split(1).\n";

static int bflag, Hflag, uflag, vflag, wflag;
static const char *date_opt, *doc_opt, *keep_bp, *meta_opt, *srcdir_opt;
static struct tsv *table;	/* --meta */

struct split;

struct para {
	size_t off, len;	/* in head */
	size_t cp;		/* document offset of its first byte */
	long no;
	int kind;		/* K_TEXT, K_BOILER, K_HEADLINE */
	int ascii;		/* bytes are code points */
};

/* What a paragraph is. */
enum { K_TEXT, K_BOILER, K_HEADLINE };

struct doc {
	struct split *sp;
	const char *path, *name;
	struct buf docjson;	/* "doc":"...", rendered once */
	int fd;			/* the file's, or -1 */
	int ready;		/* dct and meta complete */
	struct fields fields;	/* its meta, gathered */
	struct buf meta;	/* ,"meta":{...} or empty, from fields */
	char dct[16];
	char dct_else[16];	/* the dct when the text gives none (a WARC-Date) */
	long n, para;
	size_t cp;		/* code points before the current line */
	unsigned long lineno;
	int in_head;
	struct buf head;	/* paragraphs held until the dct is known */
	struct para *hp;
	size_t nhp, chp;
	struct buf wrap;	/* -w: the paragraph being gathered */
	size_t wrap_cp;
	int wrap_ascii;
	int state;		/* 0 first line, 1 in front matter, 2 text */
	struct buf fm, held;	/* lines held while front matter is read */
	int lflags;		/* HL_* of the page's line being read */
	int hstate;		/* the first line: 0 to come, 1 held, 2 done */
	struct buf cand;	/* the first line, held: is it a headline? */
	size_t cand_cp;
	int cand_ascii;
	struct buf fmtitle;	/* the front matter's title */
};

/* What one run of the program works with, made in main. */
struct split {
	struct lang *lang;	/* the word lists and patterns (split-lang.c) */
	struct doc doc;		/* the article being read */
	struct buf out;		/* records not yet written */
	struct buf fixbuf;	/* text with bad UTF-8 replaced */
	struct span *spans;	/* a paragraph's sentences */
	size_t spancap;
	struct buf in;		/* a text file's bytes, reused from file to file */
	struct html *html;	/* the HTML reader, made at the first page */
	struct buf page, text;	/* a page's bytes, and its text */
	struct html_page pg;	/* what the reader found in the page */
	struct warc warc;	/* the WARC reader (split-warc.c) */
	const char *warc_file;	/* the WARC file being read */
	struct buf warc_name;	/* "FILE: record at byte N", a page's name */
	int status;
};

/* Text */

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!seg_space((const unsigned char *)s, i, n))
			return 0;
	return 1;
}

/* Records */

#define OUT_FLUSH 65536		/* records are written in blocks of this size */

static void
out_flush(struct buf *out)
{
	if (out->len)
		fwrite(out->s, 1, out->len, stdout);
	buf_reset(out);
}

static char *
put(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	return p + n;
}

/* A decimal number, written in place two digits a step. */
static inline char *
put_u(char *p, unsigned long long v)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324"
	    "25262728293031323334353637383940414243444546474849"
	    "50515253545556575859606162636465666768697071727374"
	    "75767778798081828384858687888990919293949596979899";
	unsigned long long t;
	char *e = p + 1;

	for (t = v; t >= 10; t /= 10)
		e++;
	p = e;
	while (v >= 100) {
		p -= 2;
		memcpy(p, pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10)
		memcpy(p - 2, pairs + 2 * v, 2);
	else
		p[-1] = '0' + v;
	return e;
}

#define PUTS(p, lit) put((p), (lit), sizeof (lit) - 1)

static void
record(struct doc *d, const char *s, size_t b, size_t e, size_t cp, long para,
    int kind, int ascii)
{
	struct split *sp = d->sp;
	size_t dl = strlen(d->dct);
	char *p;

	/*
	 * Room for all: at most 151 bytes besides the text, doc, dct and
	 * meta (20 digits a number), and 6 for each byte of text escaped;
	 * json_escape makes sure of it again.
	 */
	buf_grow(&sp->out, 160 + d->docjson.len + dl + d->meta.len + 6 * (e - b));
	p = sp->out.s + sp->out.len;
	*p++ = '{';
	p = put(p, d->docjson.s, d->docjson.len);
	p = PUTS(p, ",\"n\":");
	p = put_u(p, ++d->n);
	p = PUTS(p, ",\"para\":");
	p = put_u(p, para);
	p = PUTS(p, ",\"start\":");
	p = put_u(p, cp);
	p = PUTS(p, ",\"end\":");
	p = put_u(p, cp + (ascii ? e - b : utf8_count(s + b, e - b)));
	p = PUTS(p, ",\"text\":");
	sp->out.len = p - sp->out.s;
	json_escape(&sp->out, s + b, e - b);
	buf_grow(&sp->out, 64 + dl + d->meta.len);
	p = sp->out.s + sp->out.len;
	if (dl) {
		p = PUTS(p, ",\"dct\":\"");
		p = put(p, d->dct, dl);
		*p++ = '"';
	}
	p = put(p, d->meta.s, d->meta.len);
	if (kind == K_BOILER)
		p = PUTS(p, ",\"boilerplate\":true");
	else if (kind == K_HEADLINE)
		p = PUTS(p, ",\"headline\":true");
	p = PUTS(p, "}\n");
	*p = '\0';
	sp->out.len = p - sp->out.s;
	if (uflag || sp->out.len >= OUT_FLUSH) {
		out_flush(&sp->out);
		if (uflag)
			fflush(stdout);
		out_check(stdout);
	}
}

static void
emit_para(struct doc *d, const char *s, size_t n, size_t cp, long para, int kind,
    int ascii)
{
	struct split *sp = d->sp;
	size_t k, cnt, at = 0;

	if (kind != K_TEXT) {
		/* boilerplate and the headline: a record each, not split */
		if (bflag || kind == K_HEADLINE) {
			size_t b = 0, e = n, k;
			/* A space may be wider than a byte (U+00A0 is two). */
			while (b < e && (k = seg_space((const unsigned char *)s, b, e)))
				b += k;
			while (e > b && ((unsigned char)s[e - 1] <= ' '))
				e--;
			if (e > b)
				record(d, s, b, e, cp + (ascii ? b : utf8_count(s, b)), para, kind,
				    ascii);
		}
		return;
	}
	cnt = seg_split(lang_seg(sp->lang), s, n, &sp->spans, &sp->spancap);
	for (k = 0; k < cnt; k++) {
		cp += ascii ? sp->spans[k].b - at : utf8_count(s + at, sp->spans[k].b - at);
		at = sp->spans[k].b;
		record(d, s, sp->spans[k].b, sp->spans[k].e, cp, para, K_TEXT, ascii);
	}
}

static void
flush_head(struct doc *d)
{
	size_t k;

	if (!d->dct[0])
		memcpy(d->dct, d->dct_else, sizeof d->dct);
	for (k = 0; k < d->nhp; k++)
		emit_para(d, d->head.s + d->hp[k].off, d->hp[k].len, d->hp[k].cp,
		    d->hp[k].no, d->hp[k].kind, d->hp[k].ascii);
	d->nhp = 0;
	buf_reset(&d->head);
	d->in_head = 0;
}

static void
paragraph(struct doc *d, const char *s, size_t n, size_t cp, int ascii)
{
	int boiler = d->lflags & HL_HEADLINE ? K_HEADLINE :
	    (d->lflags & HL_BOILER) || lang_boiler(d->sp->lang, s, n) ? K_BOILER : K_TEXT;
	struct para *p;

	d->para++;
	if (d->in_head && d->dct[0])
		flush_head(d);	/* known from --date or front matter */
	if (!d->in_head) {
		emit_para(d, s, n, cp, d->para, boiler, ascii);
		return;
	}
	if (d->nhp == d->chp) {
		d->chp = d->chp ? 2 * d->chp : HEAD_PARAS;
		d->hp = xrealloc(d->hp, d->chp * sizeof *d->hp);
	}
	p = &d->hp[d->nhp++];
	p->off = d->head.len;
	p->len = n;
	p->cp = cp;
	p->no = d->para;
	p->kind = boiler;
	p->ascii = ascii;
	buf_add(&d->head, s, n);
	/* a date in the text, or in the page's byline ("By Ann Lee, 2 May 2024") */
	if (((boiler != K_BOILER || (d->lflags & HL_BYLINE)) &&
	    lang_date(d->sp->lang, s, n, d->dct) > 0) || d->para >= HEAD_PARAS)
		flush_head(d);
}

static int
bullet_line(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i + 1 < n && (p[i] == '-' || p[i] == '*') && p[i + 1] == ' ')
		return 1;
	if (i + 3 < n && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0xA2)
		return 1;
	while (i < n && p[i] >= '0' && p[i] <= '9')
		i++;
	return i > 0 && i + 1 < n && (p[i] == '.' || p[i] == ')') && p[i + 1] == ' ';
}

#define HEADLINE_BYTES 150	/* longer lines are never a headline */

/* Does the line read as a headline: short, capitalised, with no final punctuation? */
static int
headline_like(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, words = 0;

	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
		n--;
	while (n && (*p == ' ' || *p == '\t'))
		p++, n--;
	if (!n || n > HEADLINE_BYTES || strchr(".!?,;:\"'", p[n - 1]))
		return 0;
	/* …, closing quotes and dashes: a sentence or a dateline goes on */
	if (p[n - 1] == '-' || (n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80 &&
	    (p[n - 1] == 0xA6 || p[n - 1] == 0x9D || p[n - 1] == 0x99 || p[n - 1] == 0x93 ||
	    p[n - 1] == 0x94)))
		return 0;
	if (!((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= '0' && p[0] <= '9') ||
	    (p[0] >= 0xC3 && p[0] < 0xE2)))
		return 0;
	for (i = 0; i < n; i++)
		words += p[i] != ' ' && (i == 0 || p[i - 1] == ' ');
	return words >= 2;
}

/* Is the line the front matter's title (case and outer space aside)? */
static int
is_fm_title(const struct doc *d, const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	return d->fmtitle.len && n == d->fmtitle.len && strncasecmp(s, d->fmtitle.s, n) == 0;
}

/*
 * The document's first paragraph, s[0..n): its headline when the front
 * matter's title is that line, or (with no title) when it reads as one
 * and a blank line follows it.
 */
static void
first_para(struct doc *d, const char *s, size_t n, size_t cp, int ascii, int blank_after)
{
	int head = (d->fmtitle.len ? is_fm_title(d, s, n) :
	    blank_after && !memchr(s, '\n', n) && headline_like(s, n)) &&
	    !lang_boiler(d->sp->lang, s, n);

	d->hstate = 2;
	d->lflags = head ? HL_HEADLINE : 0;
	paragraph(d, s, n, cp, ascii);
	d->lflags = 0;
}

/* The held first line, now that what follows it is known. */
static void
release(struct doc *d, int blank_after)
{
	if (d->hstate != 1)
		return;
	first_para(d, d->cand.s, d->cand.len, d->cand_cp, d->cand_ascii, blank_after);
}

static void
end_wrap(struct doc *d, int blank_after)
{
	if (d->wrap.len && d->hstate == 0)
		first_para(d, d->wrap.s, d->wrap.len, d->wrap_cp, d->wrap_ascii, blank_after);
	else if (d->wrap.len)
		paragraph(d, d->wrap.s, d->wrap.len, d->wrap_cp, d->wrap_ascii);
	buf_reset(&d->wrap);
}

/*
 * What the file says of itself is known (its front matter or page read):
 * the rest filled in, first from the --meta table, then from -d and the
 * folder's name, and meta written once for all the records.
 */
static void
doc_ready(struct doc *d)
{
	long r;

	d->ready = 1;
	if (table && (r = tsv_find(table, d->path, d->fd)) >= 0)
		tsv_fill(table, r, &d->fields, d->dct, &d->fmtitle);
	if (!d->dct[0] && date_opt)
		snprintf(d->dct, sizeof d->dct, "%.10s", date_opt);	/* a time left out */
	if (srcdir_opt)
		fields_folder(&d->fields, d->path);
	fields_json(&d->fields, &d->meta, d->name);
}

/*
 * One line of text, its newline left off; nl says whether it had one;
 * ncp is its length in code points.
 */
static void
text_line(struct doc *d, const char *s, size_t n, int nl, size_t ncp)
{
	size_t cp = d->cp;

	if (!d->ready)
		doc_ready(d);
	d->cp += ncp + (nl ? 1 : 0);
	if (!wflag) {
		int b = blank(s, n);

		if (d->hstate == 1)
			release(d, b);
		if (b)
			return;
		if (d->hstate == 0) {
			/* held until the next line says whether a blank one follows */
			buf_reset(&d->cand);
			buf_add(&d->cand, s, n);
			d->cand_cp = cp;
			d->cand_ascii = ncp == n;
			d->hstate = 1;
			return;
		}
		paragraph(d, s, n, cp, ncp == n);
		return;
	}
	if (blank(s, n) || bullet_line(s, n))
		end_wrap(d, blank(s, n));
	if (blank(s, n))
		return;
	if (!d->wrap.len) {
		d->wrap_cp = cp;
		d->wrap_ascii = 1;
	} else {
		buf_addc(&d->wrap, '\n');
	}
	d->wrap_ascii &= ncp == n;
	buf_add(&d->wrap, s, n);
}

/* Front matter */

/* lang_date, for split-front. */
static int
fm_date(const void *lang, const char *s, size_t n, char *dct)
{
	return lang_date(lang, s, n, dct);
}

/* text_line, for the held lines that were not front matter. */
static void
fm_line(void *d, const char *s, size_t n, int nl, size_t ncp)
{
	text_line(d, s, n, nl, ncp);
}

/* Files */

/* One line of the file, its newline left off; nl says whether it had one. */
static void
file_line(struct doc *d, const char *s, size_t n, int nl)
{
	struct split *sp = d->sp;
	struct front_held h;
	size_t ncp;

	d->lineno++;
	if (d->lineno == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3, n -= 3;	/* a byte-order mark is not counted */
	if (!src_utf8(s, n, &ncp)) {
		src_mend(s, n, &sp->fixbuf);
		warnq("%s:%lu: invalid UTF-8, replaced by U+FFFD", d->name, d->lineno);
		s = sp->fixbuf.s;
		n = sp->fixbuf.len;
		ncp = utf8_count(s, n);
	}
	if (d->state == 0)
		d->state = front_fence(s, n, 0) ? 1 : 2;
	if (d->state == 2) {
		text_line(d, s, n, nl, ncp);
		return;
	}
	if (d->held.len && front_fence(s, n, 1)) {
		/* The YAML is what lies between the fences. */
		struct front f = { d->name, &d->fields, &d->fmtitle, d->dct, fm_date, sp->lang, 1 };

		if (front_matter(&f, d->fm.s, d->fm.len) == 0) {
			d->cp += utf8_count(d->fm.s, d->fm.len) + utf8_count(s, n) + nl;
			buf_reset(&d->fm);
			buf_reset(&d->held);
			d->state = 2;
			return;
		}
	}
	h.len = n;
	h.nl = nl;
	buf_add(&d->held, &h, sizeof h);
	buf_add(&d->fm, s, n);
	buf_addc(&d->fm, '\n');
	if (d->held.len / sizeof h > 1 &&
	    (front_fence(s, n, 1) || d->held.len / sizeof h >= FRONT_LINES)) {
		front_replay(&d->fm, &d->held, fm_line, d);
		d->state = 2;
	}
}

#define READ_MIN 65536		/* the least a read(2) asks for */
#define BINARY (-1)		/* read_lines' and read_page's answer for one */
#define GZIPPED (-2)		/* and for gzip's magic in a file not opened as one */
#define WARCFILE (-3)		/* and for a WARC file's first line */

/*
 * Reads fd to its end, giving each line to file_line as soon as it is
 * whole; a line cut short by a read error is dropped.  Returns 0, or
 * the errno of the failed read.
 */
static int
read_lines(struct doc *d, struct src *src)
{
	struct buf *in = &d->sp->in;
	size_t start = 0, scan = 0, len = 0;
	ssize_t r;
	char *nl;
	int first = 1;

	for (;;) {
		if (in->cap - len < READ_MIN + 1 && start > 0) {
			memmove(in->s, in->s + start, len - start);
			len -= start;
			scan -= start;
			start = 0;
		}
		if (in->cap - len < READ_MIN + 1) {
			in->len = len;
			buf_grow(in, in->cap > READ_MIN ? in->cap : READ_MIN);
		}
		r = src_read(src, in->s + len, in->cap - len - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return errno ? errno : EIO;
		}
		if (r == 0)
			break;
		if (first && !src->gz && GZ_MAGIC(in->s, (size_t)r))
			return GZIPPED;
		if (first && WARC_MAGIC(in->s, (size_t)r)) {
			in->len = (size_t)r;	/* read on as a stream, from these bytes */
			return WARCFILE;
		}
		if (first && src_binary(in->s + len, (size_t)r))
			return BINARY;
		first = 0;
		len += r;
		while ((nl = memchr(in->s + scan, '\n', len - scan))) {
			file_line(d, in->s + start, nl - (in->s + start), 1);
			start = scan = nl + 1 - in->s;
		}
		scan = len;
	}
	if (start < len)
		file_line(d, in->s + start, len - start, 0);
	return 0;
}

/* meta of a page: what it says of itself. */
static void
page_meta(struct doc *d, const struct html_page *pg)
{
	const struct buf *v[] = { &pg->title, &pg->author, &pg->source, &pg->url };
	static const char *const k[] = { "title", "author", "source", "url" };
	size_t i;

	/* the page was mended to UTF-8 before it was read */
	for (i = 0; i < 4; i++)
		if (v[i]->len)
			fields_put(&d->fields, k[i], strlen(k[i]), v[i]->s, v[i]->len, 0);
}

static int page_doc(struct doc *, const char *, size_t);

/* A web page: read whole, then page_doc.  Returns 0, or the errno of the failed read. */
static int
read_page(struct doc *d, struct src *src)
{
	struct buf *page = &d->sp->page;
	ssize_t r;

	buf_reset(page);
	for (;;) {
		buf_grow(page, READ_MIN);
		r = src_read(src, page->s + page->len, page->cap - page->len - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return errno ? errno : EIO;
		if (r == 0)
			break;
		page->len += (size_t)r;
		if (page->len == (size_t)r && WARC_MAGIC(page->s, page->len))
			return WARCFILE;	/* read on as a stream, from these bytes */
	}
	if (!src->gz && GZ_MAGIC(page->s, page->len))
		return GZIPPED;
	return page_doc(d, page->s, page->len);
}

/*
 * A web page's bytes s[0..k): mended where they are not UTF-8 (one
 * warning, at the first bad line), its text (split-html.c) taken line by
 * line as a file's.  Returns 0, or BINARY.
 */
static int
page_doc(struct doc *d, const char *p, size_t k)
{
	struct split *sp = d->sp;
	struct buf *text = &sp->text;
	size_t ncp, line;
	const char *nl, *end;

	if (!sp->html)
		sp->html = html_load(NULL);
	if (k && src_binary(p, k))
		return BINARY;
	if (k >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3, k -= 3;
	if (!src_utf8(p, k, &ncp)) {
		line = 1;
		for (end = p; end < p + k; end = nl + 1) {
			if (!(nl = memchr(end, '\n', k - (size_t)(end - p))))
				nl = p + k;
			if (!src_utf8(end, (size_t)(nl - end), &ncp))
				break;
			line++;
		}
		warnq("%s:%zu: invalid UTF-8, replaced by U+FFFD", d->name, line);
		src_mend(p, k, &sp->fixbuf);
		p = sp->fixbuf.s;
		k = sp->fixbuf.len;
	}
	if (html_text(sp->html, p, k, text, &sp->pg) < 0) {
		if (sp->pg.raw[0])
			warnq("%s:%zu: <%s> is not closed: taken to end at the next block tag",
			    d->name, sp->pg.rawline, sp->pg.raw);
		if (sp->pg.open[0])
			warnq("%s:%zu: <%s> is not closed: the text after it is left out",
			    d->name, sp->pg.openline, sp->pg.open);
	}
	if (sp->pg.fallback)
		warnq("%s: no article by the usual rules: the best-scoring block is kept",
		    d->name);
	/* the metadata's date, written out ("March 12, 2024"), before a <time> */
	if (!d->dct[0] && sp->pg.rawdate[0] &&
	    lang_date(d->sp->lang, sp->pg.rawdate, strlen(sp->pg.rawdate), d->dct) <= 0)
		d->dct[0] = '\0';
	if (!d->dct[0] && sp->pg.dct[0])
		memcpy(d->dct, sp->pg.dct, sizeof sp->pg.dct);
	if (!d->dct_else[0] && sp->pg.dct_else[0])
		memcpy(d->dct_else, sp->pg.dct_else, sizeof sp->pg.dct_else);
	page_meta(d, &sp->pg);
	d->state = 2;	/* no front matter in a page */
	d->hstate = 2;	/* and its headline is the reader's to find */
	for (line = 0; line < sp->pg.nlines; line++) {
		d->lflags = sp->pg.lines[line].flags;
		file_line(d, text->s + sp->pg.lines[line].off, sp->pg.lines[line].len, 1);
	}
	d->lflags = 0;
	return 0;
}

/*
 * A document begins, all it held of the one before let go: fd is its
 * file's (or -1), path its path, name its name in messages, id its doc.
 */
static void
doc_start(struct doc *d, int fd, const char *path, const char *name, const char *id)
{
	struct split *sp = d->sp;

	/* what it is */
	d->path = path;
	d->name = name;
	d->fd = fd;
	buf_reset(&d->docjson);
	buf_adds(&d->docjson, "\"doc\":");
	/* JSON holds only UTF-8: a name that is not gets U+FFFD. */
	if (src_mend(id, strlen(id), &sp->fixbuf)) {
		warnq("%s: name is not UTF-8; its doc has U+FFFD", name);
		json_escape(&d->docjson, sp->fixbuf.s, sp->fixbuf.len);
	} else {
		json_escape(&d->docjson, id, strlen(id));
	}
	/* what it says of itself, to be gathered */
	d->ready = 0;
	d->dct[0] = d->dct_else[0] = '\0';
	fields_reset(&d->fields);
	buf_reset(&d->meta);
	buf_grow(&d->meta, 1);
	/* where its reading is: the first line to come, nothing held */
	d->n = d->para = 0;
	d->cp = 0;
	d->lineno = 0;
	d->state = 0;
	buf_reset(&d->fm);
	buf_reset(&d->held);
	buf_reset(&d->fmtitle);
	d->hstate = 0;
	buf_reset(&d->wrap);
	d->in_head = 1;
	d->nhp = 0;
	buf_reset(&d->head);
}

/* A document ends: what it holds back is written. */
static void
doc_end(struct doc *d)
{
	front_replay(&d->fm, &d->held, fm_line, d);
	release(d, 0);
	if (wflag)
		end_wrap(d, 0);
	flush_head(d);
}

static void warc_file(struct split *, int fd, struct src *, const struct buf *, const char *);

static void
article(struct split *sp, int fd, const char *path, const char *name)
{
	struct doc *d = &sp->doc;
	struct src src;
	int err, gz;

	if (warc_name(name)) {
		warc_file(sp, fd, NULL, NULL, name);
		return;
	}
	doc_start(d, strcmp(path, "-") ? fd : -1, path, name, doc_opt ? doc_opt : path);

	src.fd = fd;
	src.gz = NULL;
	src.gzmsg = NULL;
	/* gzipped: by its name, or by its first two bytes (then read again from the start) */
	for (gz = files_gz(name); ; gz = 1) {
		if (gz && src_gz_open(&src, fd) < 0) {
			warnm("%s: %s", name, strerror(errno ? errno : ENOMEM));
			sp->status = EX_REJECT;
			return;
		}
		if (Hflag || files_html(name))
			err = read_page(d, &src);
		else
			err = read_lines(d, &src);
		if (err == WARCFILE) {
			warc_file(sp, fd, &src, Hflag || files_html(name) ? &sp->page : &sp->in, name);
			src_close(&src);
			return;
		}
		if (err != GZIPPED)
			break;
		if (lseek(fd, 0, SEEK_SET) != 0) {
			err = ESPIPE;
			src.gzmsg = "gzipped, and cannot be read again from the start: name the file";
			break;
		}
	}
	if (err == BINARY) {
		warnm("%s: a binary file, not text or a web page: left out", name);
		sp->status = EX_REJECT;
	} else if (err) {
		warnm("%s: %s", name, src.gzmsg && *src.gzmsg ? src.gzmsg : strerror(err));
		sp->status = EX_REJECT;
	}
	src_close(&src);
	doc_end(d);
}

/* article, as split-files calls it. */
static void
article_fn(void *arg, int fd, const char *path, const char *name)
{
	article(arg, fd, path, name);
}

/* A page of a WARC file: a document, named by its URI, dated by the page or its WARC-Date. */
static void
warc_page(void *arg, const struct warc_page *pg)
{
	struct split *sp = arg;
	struct doc *d = &sp->doc;

	buf_reset(&sp->warc_name);
	buf_printf(&sp->warc_name, "%s: record at byte %llu", sp->warc_file, pg->off);
	doc_start(d, -1, pg->uri, sp->warc_name.s, pg->uri);
	if (civil_date(pg->date, strlen(pg->date)))
		snprintf(d->dct_else, sizeof d->dct_else, "%.10s", pg->date);
	if (page_doc(d, pg->body, pg->len) == BINARY)
		warnq("%s: a binary page, not a web page: left out", d->name);
	doc_end(d);
}

/*
 * A WARC file (split-warc.c), its pages one by one: opened at fd, or
 * read on from src, whose first bytes are in pre.
 */
static void
warc_file(struct split *sp, int fd, struct src *src, const struct buf *pre, const char *name)
{
	sp->warc.verbose = vflag;
	sp->warc_file = name;
	if (src ? warc_read(&sp->warc, src, name, pre->s, pre->len, warc_page, sp) :
	    warc_fd(&sp->warc, fd, name, warc_page, sp))
		sp->status = EX_REJECT;
}

/* Frees what the run holds, at the end of main. */
static void
split_free(struct split *sp)
{
	struct doc *d = &sp->doc;
	struct buf *b[] = { &d->docjson, &d->meta, &d->head, &d->wrap, &d->fm, &d->held,
	    &d->cand, &d->fmtitle, &sp->out, &sp->fixbuf, &sp->in, &sp->page, &sp->text,
	    &sp->pg.title, &sp->pg.author, &sp->pg.source, &sp->pg.url, &sp->warc_name };
	size_t i;

	for (i = 0; i < sizeof b / sizeof *b; i++)
		buf_free(b[i]);
	fields_free(&d->fields);
	lang_free(sp->lang);
	free(d->hp);
	free(sp->spans);
	if (sp->html)
		html_free(sp->html);
	warc_free(&sp->warc);
}

/*
 * main's output buffer, for the exit handler alone: records still held
 * are written when a fatal error exits.
 */
static struct buf *exit_out;

static void
flush_at_exit(void)
{
	if (exit_out)
		out_flush(exit_out);
}

int
main(int argc, char **argv)
{
	static const struct opt_long lo[] = {
		OPT_LONG_FLAG("keep-boilerplate", &keep_bp),
		OPT_WITH_ARG("config", 'c'),
		OPT_WITH_ARG("date", 'd'),
		OPT_LONG_ARG("doc", &doc_opt),
		OPT_LONG_ARG("meta", &meta_opt),
		OPT_LONG_FLAG("source-from-dir", &srcdir_opt),
		OPT_FLAG("html", 'H'),
		OPT_FLAG("quiet", 'q'),
		OPT_WITH_ARG("files-from", 'T'),
		OPT_FLAG("unbuffered", 'u'),
		OPT_FLAG("verbose", 'v'),
		OPT_FLAG("wrapped", 'w'),
		{ NULL }
	};
	static const char optstring[] = "c:d:HqT:uvw";
	struct split run = { 0 }, *sp = &run;
	struct files fs = { 0 };
	const char *config = NULL, *list = NULL;
	char **av;
	int ch, i;

#ifdef __GLIBC__
	/* Compiling the patterns frees much: keep it rather than give it back. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 1 << 20);
#endif
	argc = opt_parse(argc, argv, &av, optstring, lo, usage_text, help_text);
	while ((ch = getopt(argc, av, optstring)) != -1)
		switch (ch) {
		case 'c': config = optarg; break;
		case 'd': date_opt = optarg; break;
		case 'H': Hflag = 1; break;
		case 'q': lede_quiet = 1; break;
		case 'T': list = optarg; break;
		case 'u': uflag = 1; break;
		case 'v': vflag = 1; break;
		case 'w': wflag = 1; break;
		default: usage();
		}
	bflag = keep_bp != NULL;
	argc -= optind;
	argv = av + optind;
	if (date_opt && !civil_date(date_opt, strlen(date_opt)))
		die(EX_ERR, "--date is not a date (YYYY-MM-DD): %s", date_opt);
	sp->doc.sp = sp;
	if (meta_opt)
		table = tsv_load(meta_opt);
	sp->lang = lang_load(config);
	exit_out = &sp->out;
	atexit(flush_at_exit);	/* records not yet written, when a fatal error exits */
	fs.fn = article_fn;
	fs.arg = sp;
	fs.verbose = vflag;
	fs.status = &sp->status;
	if (list)
		files_from(&fs, list);
	for (i = 0; i < argc; i++)
		files_operand(&fs, argv[i]);
	if (!list && argc == 0)
		files_one(&fs, "-");
	out_flush(&sp->out);
	exit_out = NULL;	/* run ends with main */
	out_finish(stdout);
	if (table && vflag)
		tsv_unused(table);
	tsv_free(table);
	split_free(sp);
	free(av);
	return sp->status;
}
