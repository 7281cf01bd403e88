/*
 * split-html: the text of an article saved as HTML.  Not a full HTML
 * parser: a single pass that drops tags, comments, hidden elements and
 * the content of the elements data/html.yaml drops, ends a line at each
 * block element, folds white space and decodes character references,
 * while it keeps a light tree of the elements (a stack, closed as HTML
 * closes p, li, td and tr) with the text and link bytes each holds.
 * split-score.c then tells the article's lines from the boilerplate,
 * split-meta.c what the page says of itself.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "hash.h"
#include "utf8.h"
#include "split-html-int.h"
#include "util.h"

#define MAXDEPTH 1024	/* deeper elements are not kept apart */

static const struct kind {
	const char *name;
	int kind;
} kinds[] = {
	{ "a", K_A }, { "abbr", K_INLINE }, { "address", K_ADDRESS }, { "article", K_ARTICLE },
	{ "aside", K_ASIDE }, { "b", K_INLINE }, { "bdi", K_INLINE }, { "bdo", K_INLINE },
	{ "big", K_INLINE }, { "blockquote", K_BLOCKQUOTE }, { "body", K_BODY },
	{ "caption", K_TCAP }, { "cite", K_INLINE }, { "code", K_CODE }, { "colgroup", K_TCAP },
	{ "data", K_INLINE }, { "dd", K_DD }, { "del", K_INLINE }, { "dfn", K_INLINE },
	{ "div", K_DIV }, { "dl", K_DL }, { "dt", K_DT }, { "em", K_INLINE },
	{ "fieldset", K_FIELDSET }, { "figcaption", K_FIGCAPTION }, { "figure", K_FIGURE }, { "font", K_INLINE },
	{ "footer", K_FOOTER }, { "form", K_FORM }, { "h1", K_H1 }, { "h2", K_H },
	{ "h3", K_H }, { "h4", K_H }, { "h5", K_H }, { "h6", K_H }, { "header", K_HEADER },
	{ "html", K_HTML }, { "i", K_INLINE }, { "ins", K_INLINE }, { "kbd", K_INLINE },
	{ "label", K_INLINE }, { "li", K_LI }, { "main", K_MAIN }, { "mark", K_INLINE },
	{ "nav", K_NAV }, { "ol", K_OL }, { "p", K_P }, { "pre", K_PRE }, { "q", K_INLINE },
	{ "s", K_INLINE }, { "samp", K_INLINE }, { "section", K_SECTION },
	{ "small", K_INLINE }, { "span", K_INLINE }, { "strike", K_INLINE },
	{ "strong", K_INLINE }, { "sub", K_INLINE }, { "sup", K_INLINE },
	{ "table", K_TABLE }, { "tbody", K_OTHER }, { "td", K_TD }, { "tfoot", K_TCAP },
	{ "th", K_TH }, { "thead", K_TCAP }, { "time", K_INLINE }, { "tr", K_TR },
	{ "tt", K_INLINE }, { "u", K_INLINE }, { "ul", K_UL }, { "var", K_INLINE },
};

static int
cmpkind(const void *a, const void *b)
{
	return strcmp(a, ((const struct kind *)b)->name);
}

static int
kind_of(const char *name)
{
	const struct kind *k = bsearch(name, kinds, sizeof kinds / sizeof *kinds,
	    sizeof *kinds, cmpkind);

	return k ? k->kind : K_OTHER;
}

/* Elements with no content, never on the stack. */
static int
void_elem(const char *n)
{
	static const char *const v[] = { "area", "base", "br", "col", "embed", "hr", "img",
	    "input", "keygen", "link", "meta", "param", "source", "track", "wbr", NULL };
	size_t i;

	for (i = 0; v[i]; i++)
		if (n[0] == v[i][0] && !strcmp(n, v[i]))
			return 1;
	return 0;
}



static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
cmpent(const void *a, const void *b)
{
	return strcmp(((const struct ent *)a)->name, ((const struct ent *)b)->name);
}

int
html_has(const struct names *ns, const char *name)
{
	return ns->n && bsearch(&name, ns->v, ns->n, sizeof *ns->v, cmpstr) != NULL;
}

static int
cmpcue(const void *a, const void *b)
{
	const struct cue *x = a, *y = b;
	int d = (unsigned char)x->w[0] - (unsigned char)y->w[0];

	return d ? d : strcmp(x->w, y->w);
}

/* The cue lists as one table, sorted by first byte. */
static void
cues_build(struct html *h)
{
	const struct names *ns[] = { &h->unlikely, &h->maybe, &h->negative, &h->positive,
	    &h->byline, &h->share };
	struct cues *c = &h->cues;
	size_t i, k, all = 0, j;

	for (i = 0; i < sizeof ns / sizeof *ns; i++)
		all += ns[i]->n;
	c->v = xcalloc(all + 1, sizeof *c->v);
	for (i = 0; i < sizeof ns / sizeof *ns; i++)
		for (k = 0; k < ns[i]->n; k++) {
			for (j = 0; j < c->n && strcmp(c->v[j].w, ns[i]->v[k]); j++)
				;
			if (j == c->n) {
				c->v[j].w = ns[i]->v[k];
				c->v[j].len = strlen(ns[i]->v[k]);
				c->n++;
			}
			c->v[j].bits |= 1 << i;
		}
	qsort(c->v, c->n, sizeof *c->v, cmpcue);
	for (i = 0, k = 0; i <= 256; i++) {
		while (k < c->n && (unsigned char)c->v[k].w[0] < i)
			k++;
		c->start[i] = (unsigned short)k;
	}
}

/* The bits of the cues that the lowercase name s[0..n) holds as parts. */
static int
cue_bits(const struct cues *c, const char *s, size_t n)
{
	size_t i, k;
	int bits = 0;
	unsigned char b;

	for (i = 0; i < n; i++) {
		b = (unsigned char)s[i];
		for (k = c->start[b]; k < c->start[b + 1]; k++)
			if (c->v[k].len <= n - i && !memcmp(s + i, c->v[k].w, c->v[k].len))
				bits |= c->v[k].bits;
	}
	return bits;
}

static void
load_names(struct conf *c, yaml_node_t *root, const char *key, struct names *ns, int sort)
{
	yaml_node_item_t *it;
	yaml_node_t *list, *item;
	const char *w;
	size_t k;

	if (!(list = conf_get(c, root, key)))
		return;
	conf_want(c, list, YAML_SEQUENCE_NODE, key);
	ns->v = xcalloc(list->data.sequence.items.top - list->data.sequence.items.start + 1,
	    sizeof *ns->v);
	CONF_SEQ_EACH(c, list, item, it) {
		if (!(w = conf_str(item)) || !*w || strlen(w) >= NAMEMAX)
			conf_fail(c, item, "%s: each item should be a name", key);
		ns->v[ns->n] = xstrdup(w);
		for (k = 0; ns->v[ns->n][k]; k++)
			ns->v[ns->n][k] = tolower((unsigned char)ns->v[ns->n][k]);
		ns->n++;
	}
	if (sort)
		qsort(ns->v, ns->n, sizeof *ns->v, cmpstr);
}

struct html *
html_load(const char *path)
{
	struct html *h = xcalloc(1, sizeof *h);
	struct conf c = { 0 };
	yaml_node_t *root, *map, *k, *v, *cues;
	yaml_node_pair_t *pair;
	char *p = path ? NULL : data_path("html.yaml");

	conf_load(&c, path ? path : p);
	root = conf_want(&c, conf_root(&c), YAML_MAPPING_NODE, "the file");
	load_names(&c, root, "blocks", &h->blocks, 1);
	load_names(&c, root, "drop", &h->drop, 1);
	load_names(&c, root, "date-meta", &h->meta, 1);
	if ((cues = conf_get(&c, root, "cues"))) {
		conf_want(&c, cues, YAML_MAPPING_NODE, "cues");
		load_names(&c, cues, "unlikely", &h->unlikely, 0);
		load_names(&c, cues, "maybe", &h->maybe, 0);
		load_names(&c, cues, "negative", &h->negative, 0);
		load_names(&c, cues, "positive", &h->positive, 0);
		load_names(&c, cues, "byline", &h->byline, 0);
		load_names(&c, cues, "share", &h->share, 0);
		load_names(&c, cues, "roles", &h->roles, 1);
	}
	cues_build(h);
	if ((map = conf_get(&c, root, "entities"))) {
		conf_want(&c, map, YAML_MAPPING_NODE, "entities");
		h->ents = xcalloc(map->data.mapping.pairs.top - map->data.mapping.pairs.start + 1,
		    sizeof *h->ents);
		CONF_MAP_EACH(map, pair) {
			k = conf_node(&c, pair->key);
			v = conf_node(&c, pair->value);
			if (!conf_str(k) || !*conf_str(k) || strlen(conf_str(k)) >= NAMEMAX)
				conf_fail(&c, k, "entities: each key should be a name");
			if (!conf_str(v) || !*conf_str(v))
				conf_fail(&c, v, "entities: each value should be text");
			h->ents[h->nents].name = xstrdup(conf_str(k));
			h->ents[h->nents].val = xstrdup(conf_str(v));
			h->nents++;
		}
		qsort(h->ents, h->nents, sizeof *h->ents, cmpent);
	}
	conf_free(&c);
	free(p);
	return h;
}

static void
free_names(struct names *ns)
{
	size_t i;

	for (i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
}

void
html_free(struct html *h)
{
	struct names *ns[] = { &h->blocks, &h->drop, &h->meta, &h->unlikely, &h->maybe,
	    &h->negative, &h->positive, &h->byline, &h->share, &h->roles };
	size_t i;

	if (!h)
		return;
	for (i = 0; i < sizeof ns / sizeof *ns; i++)
		free_names(ns[i]);
	for (i = 0; i < h->nents; i++) {
		free(h->ents[i].name);
		free(h->ents[i].val);
	}
	free(h->ents);
	free(h->cues.v);
	free(h->tags);
	free(h->nodes);
	free(h->tl);
	free(h->lines);
	free(h->stack);
	free(h->cnt);
	free(h->inart);
	free(h->rm);
	free(h->out);
	free(h->best);
	buf_free(&h->tmp);
	buf_free(&h->ld);
	buf_free(&h->title);
	buf_free(&h->h1);
	buf_free(&h->ldname);
	buf_free(&h->ldhead);
	buf_free(&h->ldauthor);
	buf_free(&h->ldpub);
	buf_free(&h->lddate);
	for (i = 0; i < M_N; i++)
		buf_free(&h->m[i]);
	free(h->wb);
	free(h->wl);
	free(h);
}

/*
 * A character reference at s[i] == '&': decoded into out, and the index
 * after it returned; an unknown one is left as it is (returns i).
 */
size_t
html_reference(const struct html *h, const char *s, size_t n, size_t i, struct buf *out)
{
	char name[NAMEMAX];
	unsigned long u = 0;
	size_t j = i + 1, k = 0;
	int hex = 0, digits = 0;
	struct ent key, *e;

	if (j < n && s[j] == '#') {
		j++;
		if (j < n && (s[j] == 'x' || s[j] == 'X'))
			hex = 1, j++;
		for (; j < n && (hex ? isxdigit((unsigned char)s[j]) : isdigit((unsigned char)s[j])); j++) {
			if (u < 0x110000)
				u = u * (hex ? 16 : 10) + (unsigned long)(isdigit((unsigned char)s[j]) ?
				    s[j] - '0' : (tolower((unsigned char)s[j]) - 'a' + 10));
			digits++;
		}
		if (!digits)
			return i;
		/* NUL, surrogates and what lies past U+10FFFF: U+FFFD */
		if (u == 0 || u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF))
			u = 0xFFFD;
		utf8_put(out, (unsigned)u);
		return j < n && s[j] == ';' ? j + 1 : j;
	}
	for (; j < n && k < NAMEMAX - 1 && isalnum((unsigned char)s[j]); j++)
		name[k++] = s[j];
	name[k] = '\0';
	if (!k || j >= n || s[j] != ';')
		return i;
	if (!strcmp(name, "amp"))
		buf_addc(out, '&');
	else if (!strcmp(name, "lt"))
		buf_addc(out, '<');
	else if (!strcmp(name, "gt"))
		buf_addc(out, '>');
	else if (!strcmp(name, "quot"))
		buf_addc(out, '"');
	else if (!strcmp(name, "apos"))
		buf_addc(out, '\'');
	else {
		key.name = name;
		if (!h->nents || !(e = bsearch(&key, h->ents, h->nents, sizeof *h->ents, cmpent)))
			return i;
		buf_adds(out, e->val);
	}
	return j + 1;
}


#define ATTR_IS(lit) (kl == sizeof (lit) - 1 && strncasecmp(a + kb, (lit), kl) == 0)

/* One pass over a tag's attributes a[0..n) into at. */
void
html_attrs(const char *a, size_t n, struct attrs *at)
{
	size_t i = 0, kb, kl, vb, vl;
	const char **v;
	size_t *l;
	char q;

	memset(at, 0, sizeof *at);
	while (i < n) {
		while (i < n && (isspace((unsigned char)a[i]) || a[i] == '/'))
			i++;
		kb = i;
		while (i < n && !isspace((unsigned char)a[i]) && a[i] != '=' && a[i] != '/')
			i++;
		if (i == kb) {
			i++;
			continue;
		}
		kl = i - kb;
		vb = vl = 0;
		while (i < n && isspace((unsigned char)a[i]))
			i++;
		if (i < n && a[i] == '=') {
			i++;
			while (i < n && isspace((unsigned char)a[i]))
				i++;
			if (i < n && (a[i] == '"' || a[i] == '\'')) {
				q = a[i++];
				for (vb = i; i < n && a[i] != q; i++)
					;
				vl = i - vb;
				i++;
			} else {
				for (vb = i; i < n && !isspace((unsigned char)a[i]); i++)
					;
				vl = i - vb;
			}
		}
		v = NULL;
		l = NULL;
		if (ATTR_IS("aria-hidden"))
			v = &at->aria, l = &at->laria;
		else if (ATTR_IS("class"))
			v = &at->cls, l = &at->lcls;
		else if (ATTR_IS("content"))
			v = &at->content, l = &at->lcontent;
		else if (ATTR_IS("datetime"))
			v = &at->datetime, l = &at->ldatetime;
		else if (ATTR_IS("hidden"))
			at->hidden = 1;
		else if (ATTR_IS("href"))
			v = &at->href, l = &at->lhref;
		else if (ATTR_IS("id"))
			v = &at->id, l = &at->lid;
		else if (ATTR_IS("itemprop"))
			v = &at->itemprop, l = &at->litemprop;
		else if (ATTR_IS("name"))
			v = &at->name, l = &at->lname;
		else if (ATTR_IS("property"))
			v = &at->prop, l = &at->lprop;
		else if (ATTR_IS("role"))
			v = &at->role, l = &at->lrole;
		else if (ATTR_IS("rel"))
			v = &at->rel, l = &at->lrel;
		else if (ATTR_IS("style"))
			v = &at->style, l = &at->lstyle;
		else if (ATTR_IS("type"))
			v = &at->type, l = &at->ltype;
		if (v && !*v) {
			*v = a + vb;
			*l = vl;
		}
	}
}


/* A style that hides: display:none or visibility:hidden, spaces aside. */
static int
style_hides(const char *v, size_t n)
{
	char s[128];
	size_t i, k = 0;

	for (i = 0; i < n && k < sizeof s - 1; i++)
		if (!isspace((unsigned char)v[i]))
			s[k++] = tolower((unsigned char)v[i]);
	s[k] = '\0';
	return strstr(s, "display:none") || strstr(s, "visibility:hidden");
}

static unsigned
hash_val(const char *v, size_t n)
{
	unsigned x;

	if (!v || !n)
		return 0;
	x = hash_bytes(v, n);
	return x ? x : 1;
}

/* Lowercase copy of v[0..n) into d (CUEMAX bytes); its length. */
static size_t
lower(char *d, const char *v, size_t n)
{
	size_t i;

	if (!v)
		n = 0;
	if (n > CUEMAX - 1)
		n = CUEMAX - 1;
	for (i = 0; i < n; i++)
		d[i] = tolower((unsigned char)v[i]);
	d[n] = '\0';
	return n;
}

/*
 * The index after the first "</name" (any case) from i, at its '>';
 * *at is where that end tag starts, or SIZE_MAX (and n returned) when
 * there is none.
 */
static size_t
raw_end(const char *s, size_t n, size_t i, const char *name, size_t *at)
{
	size_t nl = strlen(name);
	const char *p;

	*at = SIZE_MAX;
	while (i < n && (p = memchr(s + i, '<', n - i))) {
		i = (size_t)(p - s) + 1;
		if (i + 1 + nl <= n && s[i] == '/' && strncasecmp(s + i + 1, name, nl) == 0 &&
		    (i + 1 + nl == n || !isalnum((unsigned char)s[i + 1 + nl]))) {
			*at = i - 1;
			p = memchr(s + i, '>', n - i);
			return p ? (size_t)(p - s) + 1 : n;
		}
	}
	return n;
}

/* The raw-text elements, whose text is not markup: 1 + their index, or 0. */
static int
rawtext(const char *name)
{
	static const char *const raw[] = { "script", "style", "textarea", "title", "xmp" };
	size_t k;

	for (k = 0; k < sizeof raw / sizeof *raw; k++)
		if (!strcmp(name, raw[k]))
			return (int)k + 1;
	return 0;
}

/* The facts of tag name (lowercase, NUL-ended), from the table or found and kept. */
static const struct taginfo *
tag_info(struct html *h, const char *name, struct taginfo *spare)
{
	unsigned x = hash_bytes(name, strlen(name));
	struct taginfo *t;
	size_t k;

	if (!h->tags)
		h->tags = xcalloc(TAGSLOTS, sizeof *h->tags);
	for (k = x % TAGSLOTS; h->tags[k].used; k = (k + 1) % TAGSLOTS)
		if (!strcmp(h->tags[k].name, name))
			return &h->tags[k];
	/* a new name: kept while the table is at most three quarters full */
	t = h->ntags < TAGSLOTS * 3 / 4 ? &h->tags[k] : spare;
	if (t != spare)
		h->ntags++;
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "%s", name);
	t->used = 1;
	t->kind = (unsigned char)kind_of(name);
	t->block = html_has(&h->blocks, name);
	t->drop = html_has(&h->drop, name);
	t->isvoid = void_elem(name);
	t->raw = rawtext(name);
	t->special = !strcmp(name, "meta") ? T_META : !strcmp(name, "link") ? T_LINK :
	    !strcmp(name, "time") ? T_TIME : !strcmp(name, "title") ? T_TITLE :
	    !strcmp(name, "script") ? T_SCRIPT : !strcmp(name, "img") ? T_IMG :
	    !strcmp(name, "input") ? T_INPUT : (!strcmp(name, "embed") || !strcmp(name, "object") ||
	    !strcmp(name, "iframe")) ? T_EMBED : T_NONE;
	return t;
}

/* The single pass over a page. */
struct pass {
	struct html *h;
	struct buf *out;
	int sp;			/* h->stack[0..sp]: open elements, [0] the root */
	int hid, a, lists;	/* hidden elements, links, lists open */
	int hc[7];		/* headings open, by level */
	int bol, spc, cur;	/* at a line's start; a space is due; the line */
	size_t link;		/* link bytes of the line */
	int depth;		/* inside a dropped element: its nesting */
	char dropname[NAMEMAX];	/* the dropped element's name */
	size_t dropat;		/* where its tag is */
	unsigned noend;		/* the raw-text elements never closed, by 1 << raw */
	char open[NAMEMAX];	/* the first raw-text element never closed */
	size_t openat;		/* where its tag is */
	struct taginfo spare;	/* a tag's facts when the table is full */
	struct buf ref;		/* one character, or a reference decoded */
};

/* Ends the line being written, if one is. */
static void
endline(struct pass *p)
{
	struct tline *t;

	if (p->bol)
		return;
	t = &p->h->tl[p->cur];
	t->len = p->out->len - t->off;
	t->link = p->link;
	buf_addc(p->out, '\n');
	p->bol = 1;
	p->spc = 0;
}

/* Starts a line at the first byte of text after a break. */
static void
startline(struct pass *p)
{
	struct html *h = p->h;
	struct tline *t;
	struct node *o;
	int k;

	if (h->ntl == h->ctl) {
		h->ctl = h->ctl ? 2 * h->ctl : 256;
		h->tl = xrealloc(h->tl, h->ctl * sizeof *h->tl);
	}
	p->cur = (int)h->ntl++;
	t = &h->tl[p->cur];
	t->off = p->out->len;
	t->len = t->link = 0;
	t->owner = h->nodes[h->stack[p->sp]].blk;
	t->heading = 0;
	for (k = 1; k <= 6 && !t->heading; k++)
		if (p->hc[k])
			t->heading = k;
	t->inlist = p->lists > 0;
	o = &h->nodes[t->owner];
	if (o->first < 0)
		o->first = p->cur;
	p->bol = 0;
	p->link = 0;
}

static int
hlevel(const char *name)
{
	return name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2] ? name[1] - '0' : 0;
}

/* Takes the element at h->stack[p->sp] off the stack. */
static void
pop1(struct pass *p)
{
	struct html *h = p->h;
	struct node *nd = &h->nodes[h->stack[p->sp]];

	if (nd->flags & N_HIDDEN)
		p->hid--;
	if (nd->kind == K_A)
		p->a--;
	if (nd->kind == K_UL || nd->kind == K_OL)
		p->lists--;
	if (nd->hl)
		p->hc[nd->hl]--;
	if (nd->flags & N_BREAK)
		endline(p);
	p->sp--;
}

/* The nearest open element of one of the kinds, above any of the stop kinds: its place, or 0. */
static int
open_above(struct pass *p, int k1, int k2, int s1, int s2, int s3)
{
	int i, k;

	for (i = p->sp; i > 0; i--) {
		k = p->h->nodes[p->h->stack[i]].kind;
		if (k == k1 || k == k2)
			return i;
		if (k == s1 || k == s2 || k == s3)
			return 0;
	}
	return 0;
}

static void
pop_to(struct pass *p, int at)
{
	while (at > 0 && p->sp >= at)
		pop1(p);
}

/* Closes what an opening tag of this kind closes in HTML. */
static void
implied_close(struct pass *p, int kind, int block)
{
	int i;

	switch (kind) {
	case K_LI:
		pop_to(p, open_above(p, K_LI, -1, K_UL, K_OL, K_TABLE));
		break;
	case K_DD: case K_DT:
		pop_to(p, open_above(p, K_DD, K_DT, K_DL, K_TABLE, -1));
		break;
	case K_TR:
		pop_to(p, open_above(p, K_TR, -1, K_TABLE, -1, -1));
		break;
	case K_TD: case K_TH:
		pop_to(p, open_above(p, K_TD, K_TH, K_TR, K_TABLE, -1));
		break;
	}
	if (block || kind == K_P) {
		/* a block closes an open <p>, inline elements on it too */
		for (i = p->sp; i > 0 && p->h->nodes[p->h->stack[i]].kind == K_INLINE; i--)
			;
		if (i > 0 && p->h->nodes[p->h->stack[i]].kind == K_P)
			pop_to(p, i);
	}
}

/* What an element's attributes a[0..an) say of it: hidden, the cues, its class weight. */
static void
attr_flags(struct html *h, struct node *nd, int kind, const char *a, size_t an)
{
	struct attrs at;
	char cls[CUEMAX], id[CUEMAX];

	html_attrs(a, an, &at);
	if (at.hidden || (val_is(at.aria, at.laria, "true") &&
	    !val_has(at.cls, at.lcls, "fallback-image")) ||
	    (at.style && style_hides(at.style, at.lstyle)))
		nd->flags |= N_HIDDEN;
	if (at.cls || at.id) {
		int cb = cue_bits(&h->cues, cls, lower(cls, at.cls, at.lcls));
		int ib = cue_bits(&h->cues, id, lower(id, at.id, at.lid));

		nd->cls = hash_val(at.cls, at.lcls);
		/* Readability's class weight: -25 for a negative cue, +25 a positive */
		nd->weight = (cb & C_NEG ? -25 : 0) + (cb & C_POS ? 25 : 0) +
		    (ib & C_NEG ? -25 : 0) + (ib & C_POS ? 25 : 0);
		cb |= ib;
		if ((cb & C_UNLIKELY) && !(cb & C_MAYBE) && kind != K_BODY && kind != K_A &&
		    kind != K_MAIN && kind != K_ARTICLE && kind != K_HTML)
			nd->flags |= N_UNLIKELY;
		if (cb & C_BYLINE)
			nd->flags |= N_BYLINE;
		if ((cb & C_SHARE) && kind != K_HTML && kind != K_BODY)
			nd->flags |= N_SHARE;
	}
	if (at.role && at.lrole < CUEMAX) {
		lower(cls, at.role, at.lrole);
		if (html_has(&h->roles, cls))
			nd->flags |= N_UNLIKELY;
	}
	if (val_is(at.rel, at.lrel, "author") || val_has(at.itemprop, at.litemprop, "author"))
		nd->flags |= N_BYLINE;
	if (val_has(at.itemprop, at.litemprop, "articlebody"))
		nd->flags |= N_ARTICLE;
}

/* An opening tag: the element's node, on the stack. */
static void
push(struct pass *p, const char *name, int kind, const char *a, size_t an)
{
	struct html *h = p->h;
	struct node *nd;
	int parent = h->stack[p->sp], self, lv;
	size_t nl;

	if (p->sp + 1 >= MAXDEPTH)
		return;
	if (h->nn == h->cn) {
		h->cn = h->cn ? 2 * h->cn : 1024;
		h->nodes = xrealloc(h->nodes, h->cn * sizeof *h->nodes);
	}
	self = (int)h->nn++;
	nd = &h->nodes[self];
	memset(nd, 0, sizeof *nd);
	nd->parent = parent;
	nd->kind = kind;
	nd->first = -1;
	nl = strlen(name);
	/* cut short; memset ended it */
	memcpy(nd->name, name, nl < sizeof nd->name - 1 ? nl : sizeof nd->name - 1);
	h->nodes[parent].nchild++;
	if (kind != K_INLINE && kind != K_A)
		h->nodes[parent].hasblock = 1;
	if (an)
		attr_flags(h, nd, kind, a, an);
	if (kind == K_NAV || kind == K_ASIDE || kind == K_FOOTER)
		nd->flags |= N_FURNITURE;
	if (nd->flags & (N_UNLIKELY | N_BYLINE | N_SHARE | N_FURNITURE)) {
		nd->flags |= N_BREAK;
		endline(p);
	}
	nd->blk = (kind == K_INLINE || kind == K_A) && !(nd->flags & N_BREAK) ?
	    h->nodes[parent].blk : self;
	nd->np = kind == K_P;
	nd->nli = kind == K_LI;
	nd->ntr = kind == K_TR;
	nd->nthx = kind == K_TH || kind == K_TCAP;
	nd->ntable = kind == K_TABLE;
	if (nd->flags & N_HIDDEN)
		p->hid++;
	if (kind == K_A)
		p->a++;
	if (kind == K_UL || kind == K_OL)
		p->lists++;
	if ((lv = hlevel(name))) {
		nd->hl = lv;
		p->hc[lv]++;
	}
	h->stack[++p->sp] = self;
}

/* A closing tag: the elements down to the nearest open one of its name. */
static void
close_tag(struct pass *p, const char *name)
{
	struct html *h = p->h;
	int i;

	for (i = p->sp; i > 0; i--)
		if (!strncmp(h->nodes[h->stack[i]].name, name, sizeof h->nodes->name - 1))
			break;
	if (i > 0)
		pop_to(p, i);
}



static void
reset_page(struct html *h)
{
	size_t i;
	struct buf *b[] = { &h->title, &h->h1, &h->ldname, &h->ldhead, &h->ldauthor,
	    &h->ldpub, &h->lddate };

	for (i = 0; i < sizeof b / sizeof *b; i++)
		buf_reset(b[i]);
	for (i = 0; i < M_N; i++)
		buf_reset(&h->m[i]);
	h->nn = h->ntl = 0;
	h->bynode = -1;
}

/* Byte classes of the pass. */
static const unsigned char asciispace[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1,
};
static const unsigned char textstop[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['\f'] = 1,
	['<'] = 1, ['&'] = 1,
};
/* the bytes of a tag's name, lowercase */
static const unsigned char namechar[256] = {
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5',
	['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9', [':'] = ':', ['-'] = '-',
	['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f',
	['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l',
	['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r',
	['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x',
	['y'] = 'y', ['z'] = 'z',
	['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f',
	['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l',
	['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r',
	['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x',
	['Y'] = 'y', ['Z'] = 'z',
};

/* A tag as the pass reads it. */
struct tag {
	char name[NAMEMAX];	/* lowercase */
	const struct taginfo *ti;
	size_t at;		/* where it starts: s[at] == '<' */
	size_t a, an;		/* its attributes: s[a..a+an) */
	int close, selfclose;
};

/* A new page: the root (node 0) alone on the stack. */
static void
page_start(struct html *h, struct pass *p, struct buf *out)
{
	buf_reset(out);
	reset_page(h);
	if (!h->stack)
		h->stack = xmalloc(MAXDEPTH * sizeof *h->stack);
	h->nn = 0;
	if (!h->cn) {
		h->cn = 1024;
		h->nodes = xmalloc(h->cn * sizeof *h->nodes);
	}
	memset(&h->nodes[0], 0, sizeof *h->nodes);
	h->nodes[0].parent = -1;
	h->nodes[0].first = -1;
	h->nodes[0].kind = K_HTML;
	h->nn = 1;
	h->stack[0] = 0;
	p->h = h;
	p->out = out;
	p->bol = 1;
}

/* A comment, <!DOCTYPE ...> or <?...?> at s[i]: the index after it. */
static size_t
skip_markup(const char *s, size_t n, size_t i)
{
	const char *q0;
	size_t j;

	if (i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') {
		for (j = i + 4; j + 2 < n && memcmp(s + j, "-->", 3) != 0; j++)
			;
		return j + 2 < n ? j + 3 : n;
	}
	q0 = memchr(s + i, '>', n - i);
	return q0 ? (size_t)(q0 - s) + 1 : n;
}

/* The tag at s[i] == '<' into t: the index after it. */
static size_t
read_tag(struct pass *p, const char *s, size_t n, size_t i, struct tag *t)
{
	size_t j = i + 1, k, gt;
	int eq;
	char q;

	t->at = i;
	t->close = s[j] == '/';
	j += t->close;
	for (k = 0; j < n && namechar[(unsigned char)s[j]]; j++)
		if (k < NAMEMAX - 1)
			t->name[k++] = namechar[(unsigned char)s[j]];
	t->name[k] = '\0';
	/* The end of the tag, past quoted attribute values (a quote after '='). */
	for (gt = j, q = 0, eq = 0; gt < n; gt++) {
		if (q) {
			if (s[gt] == q)
				q = 0;
		} else if (eq && (s[gt] == '"' || s[gt] == '\''))
			q = s[gt];
		else if (s[gt] == '>')
			break;
		if (!q && !asciispace[(unsigned char)s[gt]])
			eq = s[gt] == '=';
	}
	t->selfclose = gt > j && gt < n && s[gt - 1] == '/';
	t->a = j;
	t->an = gt - j;
	t->ti = tag_info(p->h, t->name, &p->spare);
	return gt < n ? gt + 1 : n;
}

/* The first tag from i of a block element (<p>, </div>): where it starts, or n. */
static size_t
block_tag(const struct html *h, const char *s, size_t n, size_t i)
{
	char name[NAMEMAX];
	const char *p;
	size_t j, k;

	for (; i < n && (p = memchr(s + i, '<', n - i)); i = j) {
		j = (size_t)(p - s) + 1;
		j += j < n && s[j] == '/';
		for (k = 0; j < n && k < NAMEMAX - 1 && isalnum((unsigned char)s[j]); j++)
			name[k++] = (char)tolower((unsigned char)s[j]);
		name[k] = '\0';
		if (k && (j == n || s[j] == '>' || s[j] == '/' || asciispace[(unsigned char)s[j]]) &&
		    html_has(&h->blocks, name))
			return (size_t)(p - s);
	}
	return n;
}

/*
 * The raw text of t, from s[i]: its length in *len, and the index after
 * its end tag.  One never closed ends at the next block tag, as none can
 * be in its text, rather than take the rest of the page with it; the
 * first such is kept in p->open for a warning.  A name found unclosed
 * from one place is unclosed from any later one, so no search is made twice.
 */
static size_t
raw_close(struct pass *p, const struct tag *t, const char *s, size_t n, size_t i,
    size_t *len)
{
	unsigned bit = 1u << t->ti->raw;
	size_t e, at = SIZE_MAX;

	if (!(p->noend & bit)) {
		e = raw_end(s, n, i, t->name, &at);
		if (at != SIZE_MAX) {
			*len = at - i;
			return e;
		}
		p->noend |= bit;
	}
	if (!p->open[0]) {
		memcpy(p->open, t->name, sizeof p->open);
		p->openat = t->at;
	}
	e = block_tag(p->h, s, n, i);
	*len = e - i;
	return e;
}

/*
 * The tags the metadata reads: <meta>, <link>, <time>, <title> and
 * <script>.  1 when the tag is done with (*i past what it holds).
 */
static int
meta_tags(struct pass *p, const struct tag *t, const char *s, size_t n, size_t *i)
{
	struct html *h = p->h;
	struct attrs at;
	size_t e, len;
	int k, slot;

	if (t->close)
		return 0;
	switch (t->ti->special) {
	case T_META:
		meta_tag(h, s + t->a, t->an);
		return 1;
	case T_LINK:
		meta_link(h, s + t->a, t->an);
		return 1;
	case T_TIME:
		/* in a list or furniture: a teaser's time, taken only if no other */
		for (k = p->sp, slot = p->lists || p->hid ? M_LTIME : M_TIME; k > 0 &&
		    slot == M_TIME; k--)
			if (h->nodes[h->stack[k]].flags & (N_UNLIKELY | N_FURNITURE))
				slot = M_LTIME;
		if (!h->m[slot].len) {
			html_attrs(s + t->a, t->an, &at);
			meta_take(h, &h->m[slot], at.datetime, at.ldatetime);
		}
		return 0;
	case T_TITLE:
		if (t->selfclose)
			return 0;
		e = raw_close(p, t, s, n, *i, &len);
		if (!h->title.len)
			meta_fold(h, s + *i, len, &h->title);
		*i = e;
		return 1;
	case T_SCRIPT:
		if (t->selfclose)
			return 0;
		html_attrs(s + t->a, t->an, &at);
		e = raw_close(p, t, s, n, *i, &len);
		if (val_has(at.type, at.ltype, "ld+json"))
			meta_ld_json(h, s + *i, len);
		*i = e;
		return 1;
	}
	return 0;
}

/* Inside a dropped element: 1 while the tag is in it (*i past it). */
static int
dropped(struct pass *p, const struct tag *t, const char *s, size_t n, size_t *i)
{
	size_t len;

	if (!p->depth)
		return 0;
	/* only its own nesting counts */
	if (!t->close && !t->selfclose && t->ti->raw)
		*i = raw_close(p, t, s, n, *i, &len);
	else if (!strcmp(t->name, p->dropname) && !t->selfclose)
		p->depth += t->close ? -1 : 1;
	else if (!t->close && !strcmp(t->name, "body") && !strcmp(p->dropname, "head"))
		p->depth = 0;	/* </head> may be left out */
	return p->depth != 0;
}

/* An element's tag, neither metadata nor dropped: the tree and the lines. */
static void
element(struct pass *p, const struct tag *t, const char *s, size_t n, size_t *i)
{
	const struct taginfo *ti = t->ti;
	struct node *top;
	size_t len;

	if (!t->close && ti->special >= T_IMG) {
		top = &p->h->nodes[p->h->stack[p->sp]];
		if (ti->special == T_IMG)
			top->nimg++;
		else if (ti->special == T_INPUT)
			top->ninput++;
		else
			top->nembed++;
	}
	if (!t->close && !t->selfclose && ti->drop) {
		if (ti->raw)
			*i = raw_close(p, t, s, n, *i, &len);
		else {
			memcpy(p->dropname, t->name, sizeof t->name);
			p->dropat = t->at;
			p->depth = 1;
		}
		return;
	}
	if (!t->close && ti->raw)
		return;	/* kept raw text (<xmp>, <textarea> not dropped): its words */
	if (t->close) {
		if (ti->block)
			endline(p);
		close_tag(p, t->name);
		return;
	}
	implied_close(p, ti->kind, ti->block);
	if (ti->block)
		endline(p);
	if (!t->selfclose && !ti->isvoid)
		push(p, t->name, ti->kind, s + t->a, t->an);
}

/* The tag at s[i]: the index after it, and after what it drops. */
static size_t
tag(struct pass *p, const char *s, size_t n, size_t i)
{
	struct tag t;

	i = read_tag(p, s, n, i, &t);
	if (meta_tags(p, &t, s, n, &i) || dropped(p, &t, s, n, &i))
		return i;
	element(p, &t, s, n, &i);
	return i;
}

/* Text of the page into the line, a space before it if one is due. */
static void
put_text(struct pass *p, const char *t, size_t len)
{
	if (p->bol)
		startline(p);
	else if (p->spc)
		buf_addc(p->out, ' ');
	p->spc = 0;
	buf_add(p->out, t, len);
	if (p->a)
		p->link += len;
}

/* A run of plain text at s[i], single spaces in it as they are: the index after it. */
static size_t
text_run(struct pass *p, const char *s, size_t n, size_t i)
{
	size_t j;

	for (j = i + 1;;) {
		while (j < n && !textstop[(unsigned char)s[j]])
			j++;
		if (j + 1 < n && s[j] == ' ' && !textstop[(unsigned char)s[j + 1]]) {
			j += 2;
			continue;
		}
		break;
	}
	put_text(p, s + i, j - i);
	return j;
}

/* One character at s[i], or a reference: the index after it. */
static size_t
text_char(struct pass *p, const char *s, size_t n, size_t i)
{
	struct buf *ref = &p->ref;
	size_t j;

	ref->len = 0;
	if (s[i] == '&' && (j = html_reference(p->h, s, n, i, ref)) != i)
		i = j;
	else
		buf_addc(ref, s[i++]);
	/* White space, as it came or as a reference (&#10;) */
	if (ref->len == 1 && (ref->s[0] == ' ' || ref->s[0] == '\t' || ref->s[0] == '\n' ||
	    ref->s[0] == '\r' || ref->s[0] == '\f')) {
		p->spc = 1;
		return i;
	}
	put_text(p, ref->s, ref->len);
	return i;
}

/* An element never closed, name (or ""), for the page: its name, and the line of s[at]. */
static void
unclosed(char *to, size_t tolen, size_t *line, const char *name, const char *s, size_t at)
{
	const char *q, *e = s + at;

	snprintf(to, tolen, "%s", name);
	*line = 0;
	if (!*name)
		return;
	for (*line = 1, q = s; q < e && (q = memchr(q, '\n', (size_t)(e - q))); q++)
		++*line;
}

int
html_text(struct html *h, const char *s, size_t n, struct buf *out, struct html_page *pg)
{
	struct pass ps = { 0 }, *p = &ps;
	const char *q0;
	size_t i = 0;

	page_start(h, p, out);
	while (i < n) {
		if (s[i] == '<' && i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?'))
			i = skip_markup(s, n, i);
		else if (s[i] == '<' && i + 1 < n && (isalpha((unsigned char)s[i + 1]) ||
		    (s[i + 1] == '/' && i + 2 < n && isalpha((unsigned char)s[i + 2]))))
			i = tag(p, s, n, i);
		else if (p->depth || p->hid) {
			/* left out: on to the next tag */
			q0 = memchr(s + i + 1, '<', n - i - 1);
			i = q0 ? (size_t)(q0 - s) : n;
		} else if (asciispace[(unsigned char)s[i]]) {
			p->spc = 1;
			i++;
		} else if (!textstop[(unsigned char)s[i]])
			i = text_run(p, s, n, i);
		else
			i = text_char(p, s, n, i);
	}
	endline(p);
	buf_free(&p->ref);
	unclosed(pg->open, sizeof pg->open, &pg->openline, p->depth ? p->dropname : "", s, p->dropat);
	unclosed(pg->raw, sizeof pg->raw, &pg->rawline, p->open, s, p->openat);
	score_choose(h, pg, out->s ? out->s : "");
	meta_page(h, pg, out->s ? out->s : "");
	return pg->open[0] || pg->raw[0] ? -1 : 0;
}
