/*
 * split-score: which lines of a page are the article, as Readability
 * scores blocks: paragraphs give points to their parent and grandparent,
 * the cues of class and id names weigh each block, link density lowers
 * it; the best block, its siblings of like score, less the link lists
 * and clutter inside them, are the article.  Tried again, looser, when
 * the strict rules give too little.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "split-html-int.h"
#include "util.h"

#define CHAR_THRESHOLD 500	/* a shorter article is tried again, looser */
#define TINY 140	/* an article this short by the strict rules: warn */


static int
scorable(int kind)
{
	switch (kind) {
	case K_P: case K_TD: case K_PRE: case K_SECTION: case K_H: case K_DIV: case K_OTHER:
	case K_ARTICLE: case K_MAIN: case K_INLINE:
		return 1;
	}
	return 0;
}

/* Readability's first score of a block, by its kind. */
static int
base_score(int kind)
{
	switch (kind) {
	case K_DIV: return 5;
	case K_PRE: case K_TD: case K_BLOCKQUOTE: return 3;
	case K_ADDRESS: case K_OL: case K_UL: case K_DL: case K_DD: case K_DT: case K_LI:
	case K_FORM: return -3;
	case K_H1: case K_H: case K_TH: return -5;
	}
	return 0;
}

static void
init_node(struct node *nd, int weigh)
{
	if (nd->scored)
		return;
	nd->scored = 1;
	nd->score = base_score(nd->kind) + (weigh ? nd->weight : 0) +
	    (nd->flags & N_ARTICLE ? 50 : 0);
}

static double
ldensity(const struct html *h, int i)
{
	return h->wb[i] ? (double)h->wl[i] / (double)h->wb[i] : 0;
}

/* Does the line end a sentence in the way Readability asks of a short <p>? */
static int
full_stop(const char *t, const struct tline *l)
{
	size_t i;

	for (i = 0; i < l->len; i++)
		if (t[l->off + i] == '.' && (i + 1 == l->len || t[l->off + i + 1] == ' '))
			return 1;
	return 0;
}

/* A table of data, which cleaning leaves alone. */
static int
data_table(const struct node *nd)
{
	return nd->kind == K_TABLE && nd->ntable == 1 && (nd->nthx > 0 || nd->ntr >= 10);
}

/*
 * Whether Readability's conditional cleaning takes node i out of the
 * article (weigh: class weights count).
 */
static int
clutter(const struct html *h, int i, int weigh)
{
	const struct node *nd = &h->nodes[i];
	int w = weigh ? nd->weight : 0, list, a;
	double ld = ldensity(h, i);
	size_t len = h->wb[i];

	switch (nd->kind) {
	case K_FORM: case K_FIELDSET: case K_TABLE: case K_UL: case K_OL: case K_DIV:
	case K_SECTION:
		break;
	default:
		return 0;
	}
	if (data_table(nd))
		return 0;
	for (a = nd->parent; a > 0; a = h->nodes[a].parent)
		if (data_table(&h->nodes[a]) || h->nodes[a].kind == K_CODE)
			return 0;
	if (w < 0)
		return 1;
	if (nd->commas >= 10)
		return 0;
	list = nd->kind == K_UL || nd->kind == K_OL || (nd->bytes && nd->list * 10 > nd->bytes * 9);
	if (nd->nimg > 1 && nd->np * 2 < nd->nimg)
		return 1;
	if (!list && nd->nli - 100 > nd->np)
		return 1;
	if (nd->ninput > nd->np / 3)
		return 1;
	if (!list && nd->head * 10 < nd->bytes * 9 && len < 25 && (nd->nimg == 0 || nd->nimg > 2) &&
	    ld > 0)
		return 1;
	if (!list && w < 25 && ld > 0.2)
		return 1;
	if (w >= 25 && ld > 0.5)
		return 1;
	/* a list of links, not of text: other stories */
	if (list && ld > 0.5 && nd->nli >= 2)
		return 1;
	if ((nd->nembed == 1 && len < 75) || nd->nembed > 1)
		return 1;
	return 0;
}

#define NTOP 5

/*
 * Each block of text gives points to its ancestors, less further up;
 * the blocks left out (strip: unlikely ones, furn: <nav>, <aside>,
 * <footer>) give none, and are marked in h->out.
 */
static void
give_points(struct html *h, int strip, int weigh, int furn)
{
	struct node *nodes = h->nodes;
	char *out = h->out;
	int i, a, level;
	double sc;

	for (i = 0; i < (int)h->nn; i++) {
		nodes[i].scored = 0;
		nodes[i].score = 0;
		h->wb[i] = nodes[i].bytes;
		h->wl[i] = nodes[i].link;
		out[i] = i > 0 && (out[nodes[i].parent] || (strip && (nodes[i].flags & N_UNLIKELY)) ||
		    (furn && (nodes[i].flags & N_FURNITURE)) || i == h->bynode);
	}
	for (i = 1; i < (int)h->nn; i++) {
		if (out[i] || !scorable(nodes[i].kind) || nodes[i].obytes < 25)
			continue;
		sc = 1 + nodes[i].ocommas + (nodes[i].obytes / 100 < 3 ? nodes[i].obytes / 100 : 3);
		for (a = nodes[i].parent, level = 0; a > 0 && level < 5; a = nodes[a].parent, level++) {
			if (nodes[a].kind == K_HTML)
				break;
			init_node(&nodes[a], weigh);
			nodes[a].score += sc / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
		}
	}
}

/* The best scored blocks, less their link density, into top (NTOP): how many. */
static int
top_blocks(struct html *h, int *top)
{
	struct node *nodes = h->nodes;
	int i, k, ntop = 0;
	double sc;

	for (i = 1; i < (int)h->nn; i++) {
		if (!nodes[i].scored || h->out[i])
			continue;
		nodes[i].score *= 1 - ldensity(h, i);
		sc = nodes[i].score;
		for (k = 0; k < ntop && nodes[top[k]].score >= sc; k++)
			;
		if (k < NTOP) {
			if (ntop < NTOP)
				ntop++;
			memmove(&top[k + 1], &top[k], (size_t)(ntop - 1 - k) * sizeof *top);
			top[k] = i;
		}
	}
	return ntop;
}

/*
 * The article's block: the best one, or an ancestor most of the
 * near-best share, or a parent that scores better, not far up; an only
 * child is its parent.
 */
static int
best_block(struct html *h, const int *top, int ntop, int weigh)
{
	struct node *nodes = h->nodes;
	int t = top[0], k, a, lists;
	double thr, last;

	memset(h->cnt, 0, h->nn * sizeof *h->cnt);
	for (k = 1, lists = 0; k < ntop; k++)
		if (nodes[top[k]].score / (nodes[t].score ? nodes[t].score : 1) >= 0.75) {
			for (a = nodes[top[k]].parent; a > 0; a = nodes[a].parent)
				h->cnt[a]++;
			lists++;
		}
	if (lists >= 3)
		for (a = nodes[t].parent; a > 0 && nodes[a].kind != K_BODY; a = nodes[a].parent)
			if (h->cnt[a] >= 3) {
				t = a;
				init_node(&nodes[t], weigh);
				break;
			}
	last = nodes[t].score;
	thr = last / 3;
	for (a = nodes[t].parent; a > 0 && nodes[a].kind != K_BODY; a = nodes[a].parent) {
		if (!nodes[a].scored)
			continue;
		if (nodes[a].score < thr)
			break;
		if (nodes[a].score > last) {
			t = a;
			break;
		}
		last = nodes[a].score;
	}
	while (nodes[t].parent > 0 && nodes[nodes[t].parent].kind != K_BODY &&
	    nodes[nodes[t].parent].kind != K_HTML && nodes[nodes[t].parent].nchild == 1)
		t = nodes[t].parent;
	return t;
}

/* Block t and its siblings that look like more of the article, marked in h->inart. */
static void
siblings(struct html *h, const char *text, int t)
{
	struct node *nodes = h->nodes;
	double thr, bonus, ld;
	int i, a;
	size_t l;

	thr = nodes[t].score * 0.2 > 10 ? nodes[t].score * 0.2 : 10;
	a = nodes[t].parent;
	for (i = a + 1; i < (int)h->nn; i++) {
		bonus = 0;
		if (nodes[i].parent != a || h->out[i])
			continue;
		if (i == t) {
			h->inart[i] = 1;
			continue;
		}
		if (nodes[i].cls && nodes[i].cls == nodes[t].cls)
			bonus = nodes[t].score * 0.2;
		if (nodes[i].scored && nodes[i].score + bonus >= thr) {
			h->inart[i] = 1;
		} else if (nodes[i].kind == K_P) {
			ld = ldensity(h, i);
			l = h->wb[i];
			if ((l > 80 && ld < 0.25) || (l < 80 && l > 0 && ld == 0 &&
			    nodes[i].first >= 0 && full_stop(text, &h->tl[nodes[i].first])))
				h->inart[i] = 1;
		}
	}
}

/* Clutter inside the article, inner blocks first, marked in h->rm with all it holds. */
static void
declutter(struct html *h, int weigh, int clean, int furn)
{
	struct node *nodes = h->nodes;
	char *rm = h->rm;
	int i, a;

	memset(rm, 0, h->nn);
	for (i = (int)h->nn - 1; i > 0; i--) {
		if (!h->inart[i] || h->out[i])
			continue;
		if ((furn && (nodes[i].kind == K_FOOTER || nodes[i].kind == K_ASIDE)) ||
		    ((nodes[i].flags & N_SHARE) && h->wb[i] < 500) ||
		    nodes[i].kind == K_FIGCAPTION ||
		    (weigh && (nodes[i].kind == K_H1 || nodes[i].hl == 2) && nodes[i].weight < 0) ||
		    (clean && clutter(h, i, weigh))) {
			rm[i] = 1;
			for (a = nodes[i].parent; a >= 0; a = nodes[a].parent) {
				h->wb[a] -= h->wb[i];
				h->wl[a] -= h->wl[i];
			}
		}
	}
	for (i = 1; i < (int)h->nn; i++)
		rm[i] |= rm[nodes[i].parent];
}

/*
 * One try at the article: marks its lines in keep, returns its bytes.
 * strip: unlikely blocks are left out; weigh: class weights count;
 * clean: clutter in the article is taken out; furn: <nav>, <aside> and
 * <footer> are left out.
 */
static size_t
attempt(struct html *h, const char *text, int strip, int weigh, int clean, int furn,
    char *keep)
{
	struct node *nodes = h->nodes;
	int top[NTOP], ntop, i, t;
	size_t kept = 0, l;

	give_points(h, strip, weigh, furn);
	ntop = top_blocks(h, top);
	memset(h->inart, 0, h->nn);
	if (!ntop) {
		/* nothing scored: the body, all of it */
		for (t = 1; t < (int)h->nn && nodes[t].kind != K_BODY; t++)
			;
		if (t >= (int)h->nn)
			t = 0;
		h->inart[t] = 1;
	} else
		siblings(h, text, best_block(h, top, ntop, weigh));
	for (i = 1; i < (int)h->nn; i++)
		h->inart[i] |= h->inart[nodes[i].parent];
	declutter(h, weigh, clean, furn);
	for (l = 0; l < h->ntl; l++) {
		i = h->tl[l].owner;
		keep[l] = h->inart[i] && !h->rm[i] && !h->out[i];
		if (keep[l])
			kept += h->tl[l].len;
	}
	return kept;
}

static void
grow(struct html *h)
{
	size_t n = h->nn > h->ntl ? h->nn : h->ntl;

	if (n + 1 <= h->cflags)
		return;
	h->cflags = 2 * n + 1;
	h->inart = xrealloc(h->inart, h->cflags);
	h->rm = xrealloc(h->rm, h->cflags);
	h->out = xrealloc(h->out, h->cflags);
	h->best = xrealloc(h->best, h->cflags);
	h->cnt = xrealloc(h->cnt, h->cflags * sizeof *h->cnt);
	h->wb = xrealloc(h->wb, h->cflags * sizeof *h->wb);
	h->wl = xrealloc(h->wl, h->cflags * sizeof *h->wl);
}

static int
commas(const char *t, size_t n)
{
	int c = 0;

	const char *p, *e = t + n;

	for (p = t; (p = memchr(p, ',', (size_t)(e - p))); p++)
		c++;
	/* the full-width comma, U+FF0C */
	for (p = t; (p = memchr(p, '\xEF', (size_t)(e - p))); p++)
		c += e - p >= 3 && p[1] == '\xBC' && p[2] == '\x8C';
	return c;
}

/* Each block's own text and what it holds (bytes, links, commas, paragraphs...), then with all it holds. */
static void
sum_blocks(struct html *h, const char *text)
{
	struct node *nodes = h->nodes;
	size_t l;
	int i;

	for (l = 0; l < h->ntl; l++) {
		struct tline *t = &h->tl[l];
		struct node *o = &nodes[t->owner];

		o->obytes += t->len;
		o->olink += t->link;
		o->ocommas += commas(text + t->off, t->len);
		if (t->heading)
			o->head += t->len;
		if (t->inlist)
			o->list += t->len;
	}
	for (i = 0; i < (int)h->nn; i++) {
		/* a <div> of text alone is a paragraph, as Readability makes it one */
		if (nodes[i].kind == K_DIV && !nodes[i].hasblock && nodes[i].obytes)
			nodes[i].np = 1;
		nodes[i].bytes = nodes[i].obytes;
		nodes[i].link = nodes[i].olink;
		nodes[i].commas = nodes[i].ocommas;
	}
	for (i = (int)h->nn - 1; i > 0; i--) {
		struct node *c = &nodes[i], *p = &nodes[nodes[i].parent];

		p->bytes += c->bytes;
		p->link += c->link;
		p->head += c->head;
		p->list += c->list;
		p->commas += c->commas;
		p->np += c->np;
		p->nimg += c->nimg;
		p->nli += c->nli;
		p->ninput += c->ninput;
		p->nembed += c->nembed;
		p->ntr += c->ntr;
		p->nthx += c->nthx;
		p->ntable += c->ntable;
	}
}

/* The lines of the article: the try of the strictest rules that gives enough. */
void
score_choose(struct html *h, struct html_page *pg, const char *text)
{
	static const char tries[5][4] = { { 1, 1, 1, 1 }, { 0, 1, 1, 1 }, { 0, 0, 1, 1 },
	    { 0, 0, 0, 1 }, { 0, 0, 0, 0 } };
	struct node *nodes = h->nodes;
	size_t l, kept, best = 0, first = 0;
	int i, k, bi = -1;
	char *keep;

	grow(h);
	if (h->ntl + 1 > h->clines) {
		h->clines = 2 * h->ntl + 1;
		h->lines = xrealloc(h->lines, h->clines * sizeof *h->lines);
	}
	sum_blocks(h, text);
	/* The byline: the first block that says so, short; it goes to meta.author. */
	for (i = 1; i < (int)h->nn; i++)
		if ((nodes[i].flags & N_BYLINE) && nodes[i].bytes > 0 && nodes[i].bytes < 100) {
			h->bynode = i;
			break;
		}
	keep = xmalloc(h->ntl + 1);
	for (k = 0; k < 5; k++) {
		/* the page's furniture only when nothing else is there */
		if (k == 4 && best)
			break;
		kept = attempt(h, text, tries[k][0], tries[k][1], tries[k][2], tries[k][3], keep);
		if (k == 0)
			first = kept;
		if (bi < 0 || kept > best) {
			best = kept;
			bi = k;
			memcpy(h->best, keep, h->ntl);
		}
		if (kept >= CHAR_THRESHOLD)
			break;
	}
	pg->fallback = h->ntl && first < TINY && best > first;
	for (l = 0; l < h->ntl; l++) {
		h->lines[l].off = h->tl[l].off;
		h->lines[l].len = h->tl[l].len;
		h->lines[l].flags = h->best[l] ? 0 : HL_BOILER;
	}
	pg->lines = h->lines;
	pg->nlines = h->ntl;
	free(keep);
}

