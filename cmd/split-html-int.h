/*
 * split-html-int.h: what the modules of the HTML reader share, for
 * lede-split: the reader (split-html.c) keeps a light tree of the
 * elements and the lines of text, the scorer (split-score.c) picks the
 * article's lines from them, the metadata (split-meta.c) reads JSON-LD,
 * <meta>, <link>, <time> and <title> for the page's record.
 */
#ifndef LEDE_SPLIT_HTML_INT_H
#define LEDE_SPLIT_HTML_INT_H
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "split-html.h"

#define NAMEMAX 32
#define CUEMAX 256	/* bytes of class and id looked at */

struct names {
	char **v;
	size_t n;
};

struct ent {
	char *name, *val;
};

/* Kinds of element that scoring tells apart. */
enum {
	K_OTHER, K_INLINE, K_A, K_P, K_DIV, K_TD, K_TH, K_PRE, K_BLOCKQUOTE, K_ADDRESS,
	K_OL, K_UL, K_DL, K_DD, K_DT, K_LI, K_FORM, K_FIELDSET, K_H1, K_H, K_SECTION,
	K_ARTICLE, K_MAIN, K_TABLE, K_TR, K_TCAP, K_BODY, K_HTML, K_FIGURE, K_NAV,
	K_ASIDE, K_FOOTER, K_HEADER, K_CODE, K_FIGCAPTION
};

/* Node flags */
enum {
	N_HIDDEN = 1, N_UNLIKELY = 2, N_BYLINE = 4, N_SHARE = 8, N_ARTICLE = 16,
	N_BREAK = 32,	/* its text is lines of its own */
	N_FURNITURE = 64,	/* <nav>, <aside>, <footer> */
};

struct node {
	int parent, blk;	/* blk: itself, or the block its text belongs to */
	int kind, flags, weight, nchild, first;	/* first: its first line, or -1 */
	int hl;			/* a heading's level */
	int hasblock;		/* it holds a block element: a <div> that does not is a paragraph */
	char name[16];		/* cut short */
	unsigned cls;		/* a hash of its class, 0 for none */
	/* its own text, then with all it holds */
	size_t obytes, olink;
	int ocommas;
	size_t bytes, link, head, list;
	int commas, np, nimg, nli, ninput, nembed, ntr, nthx, ntable;
	double score;
	int scored;
};

struct tline {
	size_t off, len, link;
	int owner, heading, inlist;
};

/*
 * What the <meta> and <link> tags give; M_TIME the first <time datetime>
 * outside lists and furniture, M_LTIME the first in them (other stories').
 */
enum { M_OGTITLE, M_TWTITLE, M_DCTITLE, M_NAMETITLE, M_PARSELYTITLE, M_AUTHOR, M_ARTAUTHOR, M_SITE, M_OGURL,
    M_CANON, M_PUBTIME, M_DATE, M_TIME, M_LTIME, M_N };

/* Cue bits */
enum { C_UNLIKELY = 1, C_MAYBE = 2, C_NEG = 4, C_POS = 8, C_BYLINE = 16, C_SHARE = 32 };

/* All the cue words, by first byte, for one pass over a name. */
struct cues {
	struct cue { const char *w; size_t len; int bits; } *v;
	size_t n;
	unsigned short start[257];
};

/* What a tag's name says, looked up once a name. */
enum { T_NONE, T_META, T_LINK, T_TIME, T_TITLE, T_SCRIPT, T_IMG, T_INPUT, T_EMBED };

struct taginfo {
	char name[NAMEMAX];
	unsigned char used, kind, block, drop, isvoid, raw, special;
};

#define TAGSLOTS 512

struct html {
	struct names blocks, drop, meta;
	struct names unlikely, maybe, negative, positive, byline, share, roles;
	struct cues cues;
	struct taginfo *tags;	/* TAGSLOTS, open addressing */
	size_t ntags;
	struct ent *ents;
	size_t nents;
	/* what one page uses, kept from page to page */
	struct node *nodes;
	size_t nn, cn;
	struct tline *tl;
	size_t ntl, ctl;
	struct html_line *lines;
	size_t clines;
	int *stack, *cnt;
	char *inart, *rm, *out, *best;
	size_t cflags;
	struct buf tmp, ld, title, h1;
	struct buf ldname, ldhead, ldauthor, ldpub, lddate;	/* of the JSON-LD */
	struct buf m[M_N];	/* of the <meta> and <link> tags */
	size_t *wb, *wl;	/* bytes and link bytes, less what cleaning takes */
	int bynode;	/* the node of the byline, or -1 */
};

/* The attributes a tag's scoring and metadata look at. */
struct attrs {
	const char *cls, *id, *style, *aria, *role, *itemprop, *rel, *name, *prop,
	    *content, *datetime, *href, *type;
	size_t lcls, lid, lstyle, laria, lrole, litemprop, lrel, lname, lprop, lcontent,
	    ldatetime, lhref, ltype;
	int hidden;
};

/* Is v[0..n) equal to the lowercase lit, case aside? */
static inline int
val_is(const char *v, size_t n, const char *lit)
{
	return v && n == strlen(lit) && strncasecmp(v, lit, n) == 0;
}

/* Does v[0..n) hold lit (lowercase), case aside? */
static inline int
val_has(const char *v, size_t n, const char *lit)
{
	size_t k = strlen(lit), i;

	for (i = 0; v && i + k <= n; i++)
		if (strncasecmp(v + i, lit, k) == 0)
			return 1;
	return 0;
}

/* split-html.c: the reader */
int html_has(const struct names *, const char *name);
size_t html_reference(const struct html *, const char *s, size_t n, size_t i, struct buf *out);
void html_attrs(const char *a, size_t n, struct attrs *);

/* split-score.c: the lines of the article, into h->lines and pg */
void score_choose(struct html *, struct html_page *, const char *text);

/* split-meta.c: what the page says of itself */
void meta_fold(const struct html *, const char *v, size_t n, struct buf *out);
void meta_take(const struct html *, struct buf *, const char *v, size_t n);
void meta_ld_json(struct html *, const char *s, size_t n);
void meta_tag(struct html *, const char *a, size_t n);
void meta_link(struct html *, const char *a, size_t n);
void meta_page(struct html *, struct html_page *, const char *text);
#endif
