/*
 * split-html: the text of an article saved as HTML, for lede-split.
 */
#ifndef LEDE_SPLIT_HTML_H
#define LEDE_SPLIT_HTML_H
#include <stddef.h>

#include "buf.h"

struct html;

/* What a line of a page's text is, besides article text. */
enum { HL_BOILER = 1, HL_HEADLINE = 2, HL_BYLINE = 4 };

struct html_line {
	size_t off, len;	/* in the text, without its newline */
	int flags;		/* HL_BOILER, HL_HEADLINE, HL_BYLINE (boilerplate too) */
};

/* What html_text finds in a page. */
struct html_page {
	struct html_line *lines;	/* the text's lines, owned by the reader */
	size_t nlines;
	char dct[11];		/* YYYY-MM-DD, or empty */
	char dct_else[11];	/* a teaser's <time>: the dct if the text gives none */
	char rawdate[64];	/* the metadata's date when not ISO, or empty */
	struct buf title, author, source, url;	/* what the page says of itself */
	int fallback;		/* no article by the rules: the best block kept */
	char open[32];		/* a dropped element never closed, or empty */
	size_t openline;	/* the line of its tag */
	char raw[32];		/* a raw-text element never closed, or empty */
	size_t rawline;		/* the line of its tag */
};

/* Reads data/html.yaml (or the named file); a bad one is fatal. */
struct html *html_load(const char *path);
void html_free(struct html *);

/*
 * The text of the page s[0..n) into out: one line for each block
 * element, runs of white space as one space, tags and the content of
 * the dropped and hidden elements left out, character references
 * decoded.  Bytes are copied as they are (invalid UTF-8 is the caller's
 * to mend).  Each line is scored as Readability and boilerpipe score
 * blocks: the lines outside the article are marked HL_BOILER, the
 * headline HL_HEADLINE.  pg gets the lines, the metadata and the date
 * (pg's buffers are the caller's, reset here).  Returns 0, or -1 when an
 * element is never closed: a dropped one (its name in pg->open), and
 * the text after it is lost; or one of raw text, <script>, <style>,
 * <textarea>, <title> or <xmp> (its name in pg->raw), taken to end at
 * the next tag of a block element (<p>, </div>), so that the text after
 * that is kept.
 */
int html_text(struct html *, const char *s, size_t n, struct buf *out,
    struct html_page *pg);
#endif
