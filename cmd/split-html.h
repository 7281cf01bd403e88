/*
 * split-html: the text of an article saved as HTML, for lede-split.
 */
#ifndef LEDE_SPLIT_HTML_H
#define LEDE_SPLIT_HTML_H
#include <stddef.h>

#include "buf.h"

struct html;

/* Reads data/html.yaml (or the named file); a bad one is fatal. */
struct html *html_load(const char *path);
void html_free(struct html *);

/*
 * The text of the page s[0..n) into out: one line for each block
 * element, runs of white space as one space, tags and the content of
 * the dropped elements left out, character references decoded.  Bytes
 * are copied as they are (invalid UTF-8 is the caller's to mend).  dct
 * gets the publication date YYYY-MM-DD of a <meta> or the first <time>,
 * or is left empty.  Returns 0, or -1 when a dropped element is never
 * closed (its name in open): the text after it is lost.
 */
int html_text(const struct html *, const char *s, size_t n, struct buf *out,
    char dct[11], char open[32]);
#endif
