/*
 * split-html: the text of an article saved as HTML, and which of its
 * lines are the article.  Not a full HTML parser: a single pass that
 * drops tags, comments, hidden elements and the content of the elements
 * data/html.yaml drops, ends a line at each block element, folds white
 * space and decodes character references, while it keeps a light tree
 * of the elements (a stack, closed as HTML closes p, li, td and tr) with
 * the text and link bytes each holds.  The lines are then scored as
 * Readability scores them: paragraphs give points to their parent and
 * grandparent, the cues of class and id names (data/html.yaml) weigh
 * each block, link density lowers it; the best block, its siblings of
 * like score, less the link lists and clutter inside them, are the
 * article.  The rest is boilerplate.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "json.h"
#include "utf8.h"
#include "split-html.h"
#include "util.h"

#define NAMEMAX 32
#define CUEMAX 256	/* bytes of class and id looked at */
#define MAXDEPTH 1024	/* deeper elements are not kept apart */
#define CHAR_THRESHOLD 500	/* a shorter article is tried again, looser */
#define TINY 140	/* an article this short by the strict rules: warn */

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

/* What the <meta> and <link> tags give. */
enum { M_OGTITLE, M_TWTITLE, M_DCTITLE, M_NAMETITLE, M_PARSELYTITLE, M_AUTHOR, M_ARTAUTHOR, M_SITE, M_OGURL,
    M_CANON, M_PUBTIME, M_DATE, M_TIME, M_N };

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

static int
has(const struct names *ns, const char *name)
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
static size_t
reference(const struct html *h, const char *s, size_t n, size_t i, struct buf *out)
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

/* The attributes a tag's scoring and metadata look at. */
struct attrs {
	const char *cls, *id, *style, *aria, *role, *itemprop, *rel, *name, *prop,
	    *content, *datetime, *href, *type;
	size_t lcls, lid, lstyle, laria, lrole, litemprop, lrel, lname, lprop, lcontent,
	    ldatetime, lhref, ltype;
	int hidden;
};

#define ATTR_IS(lit) (kl == sizeof (lit) - 1 && strncasecmp(a + kb, (lit), kl) == 0)

/* One pass over a tag's attributes a[0..n) into at. */
static void
attrs_scan(const char *a, size_t n, struct attrs *at)
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

/* Is v[0..n) equal to the lowercase lit, case aside? */
static int
val_is(const char *v, size_t n, const char *lit)
{
	return v && n == strlen(lit) && strncasecmp(v, lit, n) == 0;
}

/* Does v[0..n) hold lit (lowercase), case aside? */
static int
val_has(const char *v, size_t n, const char *lit)
{
	size_t k = strlen(lit), i;

	for (i = 0; v && i + k <= n; i++)
		if (strncasecmp(v + i, lit, k) == 0)
			return 1;
	return 0;
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
	unsigned x = 2166136261u;
	size_t i;

	if (!v || !n)
		return 0;
	for (i = 0; i < n; i++)
		x = (x ^ (unsigned char)v[i]) * 16777619u;
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
 * Appends v[0..n) to out with character references decoded and white
 * space folded to single spaces, trimmed.
 */
static size_t reference(const struct html *, const char *, size_t, size_t, struct buf *);

static void
decode_fold(const struct html *h, const char *v, size_t n, struct buf *out)
{
	size_t i = 0, j, start = out->len;
	int sp = 0;

	while (i < n) {
		if (v[i] == '&') {
			size_t before = out->len;

			if (sp)
				buf_addc(out, ' ');
			if ((j = reference(h, v, n, i, out)) != i) {
				i = j;
				sp = 0;
				continue;
			}
			out->len = before;
		}
		if (isspace((unsigned char)v[i])) {
			sp = out->len > start;
			i++;
			continue;
		}
		if (sp)
			buf_addc(out, ' ');
		sp = 0;
		buf_addc(out, v[i++]);
	}
	/* a decoded no-break space or a trailing space: trimmed */
	while (out->len > start && out->s[out->len - 1] == ' ')
		out->len--;
	if (out->s)
		out->s[out->len] = '\0';
}

/* Sets b to v[0..n) decoded, if b is empty and v is not. */
static void
take(const struct html *h, struct buf *b, const char *v, size_t n)
{
	if (b->len || !v || !n)
		return;
	decode_fold(h, v, n, b);
}

/* JSON-LD: a lenient walk over the text of a script, no tree built. */

static size_t
jws(const char *s, size_t n, size_t i)
{
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	return i;
}

/* The index after the string that opens at s[i] == '"'. */
static size_t
jstr_end(const char *s, size_t n, size_t i)
{
	for (i++; i < n && s[i] != '"'; i++)
		if (s[i] == '\\')
			i++;
	return i < n ? i + 1 : n;
}

/* The index after the value at s[i]. */
static size_t
jval_end(const char *s, size_t n, size_t i)
{
	int depth = 0;

	if (i >= n)
		return n;
	if (s[i] == '"')
		return jstr_end(s, n, i);
	if (s[i] != '{' && s[i] != '[') {
		while (i < n && !strchr(",}] \t\r\n", s[i]))
			i++;
		return i;
	}
	for (; i < n; i++) {
		if (s[i] == '"') {
			i = jstr_end(s, n, i) - 1;
			continue;
		}
		if (s[i] == '{' || s[i] == '[')
			depth++;
		else if ((s[i] == '}' || s[i] == ']') && --depth == 0)
			return i + 1;
	}
	return n;
}

static unsigned
hex4(const char *s, size_t n, size_t i)
{
	unsigned u = 0;
	size_t k;

	if (i + 4 > n)
		return 0xFFFD;
	for (k = i; k < i + 4; k++) {
		if (!isxdigit((unsigned char)s[k]))
			return 0xFFFD;
		u = u * 16 + (unsigned)(isdigit((unsigned char)s[k]) ? s[k] - '0' :
		    tolower((unsigned char)s[k]) - 'a' + 10);
	}
	return u;
}

/* The string at s[i] == '"', unescaped, then decoded as HTML text into out (if empty). */
static void
jstr_take(const struct html *h, const char *s, size_t n, size_t i, struct buf *tmp,
    struct buf *out)
{
	size_t e = jstr_end(s, n, i);
	unsigned u, lo;

	if (out->len || i >= n || s[i] != '"')
		return;
	buf_reset(tmp);
	for (i++; i < e - 1; i++) {
		if (s[i] != '\\') {
			buf_addc(tmp, s[i]);
			continue;
		}
		if (++i >= e - 1)
			break;
		switch (s[i]) {
		case 'n': case 'r': case 't': case 'f': case 'b': buf_addc(tmp, ' '); break;
		case 'u':
			u = hex4(s, n, i + 1);
			i += 4;
			if (u >= 0xD800 && u <= 0xDBFF && i + 6 < e && s[i + 1] == '\\' &&
			    s[i + 2] == 'u' && (lo = hex4(s, n, i + 3)) >= 0xDC00 && lo <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				i += 6;
			}
			if (u == 0 || (u >= 0xD800 && u <= 0xDFFF))
				u = 0xFFFD;
			utf8_put(tmp, u);
			break;
		default: buf_addc(tmp, s[i]);
		}
	}
	decode_fold(h, tmp->s ? tmp->s : "", tmp->len, out);
}

static int
article_type(const char *v, size_t n)
{
	return val_has(v, n, "article") || val_has(v, n, "posting") ||
	    val_has(v, n, "\"report\"") || val_has(v, n, "apireference");
}

/* The "name" of the object at s[i], or the names of an array's objects. */
static void
jname(struct html *h, const char *s, size_t n, size_t i, struct buf *out)
{
	size_t e = jval_end(s, n, i), k, ve;
	struct buf one = { 0 };

	if (i >= n)
		return;
	if (s[i] == '"') {
		jstr_take(h, s, n, i, &h->tmp, out);
		return;
	}
	if (s[i] == '[') {
		for (k = jws(s, n, i + 1); k < e && s[k] != ']'; k = jws(s, n, k)) {
			ve = jval_end(s, n, k);
			buf_reset(&one);
			if (s[k] == '{')
				jname(h, s, n, k, &one);
			if (one.len) {
				if (out->len)
					buf_adds(out, ", ");
				buf_add(out, one.s, one.len);
			}
			k = jws(s, n, ve);
			if (k < e && s[k] == ',')
				k++;
		}
		buf_free(&one);
		return;
	}
	if (s[i] != '{')
		return;
	for (k = jws(s, n, i + 1); k < e && s[k] == '"'; ) {
		size_t kb = k, ke = jstr_end(s, n, k);

		k = jws(s, n, ke);
		if (k >= e || s[k] != ':')
			return;
		k = jws(s, n, k + 1);
		ve = jval_end(s, n, k);
		if (ke - kb == 6 && !memcmp(s + kb, "\"name\"", 6))
			jstr_take(h, s, n, k, &h->tmp, out);
		k = jws(s, n, ve);
		if (k < e && s[k] == ',')
			k = jws(s, n, k + 1);
	}
	buf_free(&one);
}

/* Finds the article object in the value at s[i]; 1 when found. */
static int
ld_walk(struct html *h, const char *s, size_t n, size_t i, int depth)
{
	size_t e = jval_end(s, n, i), k, kb, ke, ve;
	size_t name = 0, head = 0, date = 0, author = 0, pub = 0;
	int art = 0;

	if (depth > 16 || i >= n || (s[i] != '{' && s[i] != '['))
		return 0;
	if (s[i] == '[') {
		for (k = jws(s, n, i + 1); k < e && s[k] != ']'; ) {
			ve = jval_end(s, n, k);
			if (ld_walk(h, s, n, k, depth + 1))
				return 1;
			k = jws(s, n, ve);
			if (k < e && s[k] == ',')
				k = jws(s, n, k + 1);
			else
				break;
		}
		return 0;
	}
	for (k = jws(s, n, i + 1); k < e && s[k] == '"'; ) {
		kb = k;
		ke = jstr_end(s, n, k);
		k = jws(s, n, ke);
		if (k >= e || s[k] != ':')
			return 0;
		k = jws(s, n, k + 1);
		ve = jval_end(s, n, k);
#define KEY(lit) (ke - kb == sizeof (lit) + 1 && !memcmp(s + kb + 1, (lit), sizeof (lit) - 1))
		if (KEY("@type"))
			art = article_type(s + k, ve - k);
		else if (KEY("name") && s[k] == '"')
			name = k + 1;
		else if (KEY("headline") && s[k] == '"')
			head = k + 1;
		else if (KEY("datePublished") && s[k] == '"')
			date = k + 1;
		else if (KEY("author"))
			author = k + 1;
		else if (KEY("publisher"))
			pub = k + 1;
		else if (KEY("@graph") && ld_walk(h, s, n, k, depth + 1))
			return 1;
#undef KEY
		k = jws(s, n, ve);
		if (k < e && s[k] == ',')
			k = jws(s, n, k + 1);
	}
	if (!art)
		return 0;
	if (name)
		jstr_take(h, s, n, name - 1, &h->tmp, &h->ldname);
	if (head)
		jstr_take(h, s, n, head - 1, &h->tmp, &h->ldhead);
	if (date)
		jstr_take(h, s, n, date - 1, &h->tmp, &h->lddate);
	if (author)
		jname(h, s, n, author - 1, &h->ldauthor);
	if (pub)
		jname(h, s, n, pub - 1, &h->ldpub);
	return 1;
}

/* A <script type="application/ld+json"> with text s[0..n). */
static void
ld_json(struct html *h, const char *s, size_t n)
{
	size_t i = jws(s, n, 0);

	/* a CDATA section around it, as some pages have */
	if (n - i >= 9 && !memcmp(s + i, "<![CDATA[", 9))
		i = jws(s, n, i + 9);
	if (h->ldname.len || h->ldhead.len || h->lddate.len)
		return;	/* the first article object is the page's */
	ld_walk(h, s, n, i, 0);
}

/* A date YYYY-MM-DD at the start of v[0..n) into d (11 bytes). */
static int
take_date(const char *v, size_t n, char *d)
{
	static const char shape[] = "dddd-dd-dd";
	size_t k;

	if (!v || n < 10)
		return 0;
	for (k = 0; k < 10; k++)
		if (shape[k] == 'd' ? !isdigit((unsigned char)v[k]) : v[k] != '-')
			return 0;
	memcpy(d, v, 10);
	d[10] = '\0';
	return 1;
}

/* The index after the first "</name" (any case) from i, at its '>'. */
static size_t
raw_end(const char *s, size_t n, size_t i, const char *name)
{
	size_t nl = strlen(name);
	const char *p;

	while (i < n && (p = memchr(s + i, '<', n - i))) {
		i = (size_t)(p - s) + 1;
		if (i + 1 + nl <= n && s[i] == '/' && strncasecmp(s + i + 1, name, nl) == 0 &&
		    (i + 1 + nl == n || !isalnum((unsigned char)s[i + 1 + nl]))) {
			p = memchr(s + i, '>', n - i);
			return p ? (size_t)(p - s) + 1 : n;
		}
	}
	return n;
}

static int
rawtext(const char *name)
{
	return !strcmp(name, "script") || !strcmp(name, "style") ||
	    !strcmp(name, "textarea") || !strcmp(name, "title") || !strcmp(name, "xmp");
}

static int rawtext(const char *);

/* The facts of tag name (lowercase, NUL-ended), from the table or found and kept. */
static const struct taginfo *
tag_info(struct html *h, const char *name, struct taginfo *spare)
{
	unsigned x = 2166136261u;
	const char *c;
	struct taginfo *t;
	size_t k;

	for (c = name; *c; c++)
		x = (x ^ (unsigned char)*c) * 16777619u;
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
	t->block = has(&h->blocks, name);
	t->drop = has(&h->drop, name);
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

/* An opening tag: the element's node, on the stack. */
static void
push(struct pass *p, const char *name, int kind, const char *a, size_t an)
{
	struct html *h = p->h;
	struct attrs at;
	struct node *nd;
	char cls[CUEMAX], id[CUEMAX];
	int parent = h->stack[p->sp], self, lv;

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
	strncpy(nd->name, name, sizeof nd->name - 1);	/* cut short; memset ended it */
	h->nodes[parent].nchild++;
	if (kind != K_INLINE && kind != K_A)
		h->nodes[parent].hasblock = 1;
	if (an) {
		attrs_scan(a, an, &at);
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
			if (has(&h->roles, cls))
				nd->flags |= N_UNLIKELY;
		}
		if (val_is(at.rel, at.lrel, "author") || val_has(at.itemprop, at.litemprop, "author"))
			nd->flags |= N_BYLINE;
		if (val_has(at.itemprop, at.litemprop, "articlebody"))
			nd->flags |= N_ARTICLE;
	}
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

/* A <meta> tag: the metadata and dates it gives. */
static void
meta_tag(struct html *h, const char *a, size_t n)
{
	struct attrs at;
	char key[NAMEMAX];
	const char *v;
	size_t vl, i, b, k;
	int pass;

	attrs_scan(a, n, &at);
	if (!at.content)
		return;
	for (pass = 0; pass < 3; pass++) {
		v = pass == 0 ? at.name : pass == 1 ? at.prop : at.itemprop;
		vl = pass == 0 ? at.lname : pass == 1 ? at.lprop : at.litemprop;
		/* a property may be several names, space-separated */
		for (i = 0; v && i < vl; ) {
			while (i < vl && isspace((unsigned char)v[i]))
				i++;
			for (b = i; i < vl && !isspace((unsigned char)v[i]); i++)
				;
			if (i == b || i - b >= NAMEMAX)
				continue;
			for (k = 0; k < i - b; k++)
				key[k] = tolower((unsigned char)v[b + k]);
			key[k] = '\0';
			if (!strcmp(key, "og:title"))
				take(h, &h->m[M_OGTITLE], at.content, at.lcontent);
			else if (!strcmp(key, "twitter:title"))
				take(h, &h->m[M_TWTITLE], at.content, at.lcontent);
			else if (!strcmp(key, "title") || !strcmp(key, "weibo:article:title") ||
			    !strcmp(key, "weibo:webpage:title"))
				take(h, &h->m[M_NAMETITLE], at.content, at.lcontent);
			else if (!strcmp(key, "parsely-title"))
				take(h, &h->m[M_PARSELYTITLE], at.content, at.lcontent);
			else if (!strcmp(key, "dc:title") || !strcmp(key, "dcterm:title"))
				take(h, &h->m[M_DCTITLE], at.content, at.lcontent);
			else if (!strcmp(key, "dc:creator") || !strcmp(key, "dcterm:creator") ||
			    !strcmp(key, "author") || !strcmp(key, "parsely-author"))
				take(h, &h->m[M_AUTHOR], at.content, at.lcontent);
			else if (!strcmp(key, "article:author") &&
			    !val_has(at.content, at.lcontent > 8 ? 8 : at.lcontent, "http"))
				take(h, &h->m[M_ARTAUTHOR], at.content, at.lcontent);
			else if (!strcmp(key, "og:site_name"))
				take(h, &h->m[M_SITE], at.content, at.lcontent);
			else if (!strcmp(key, "og:url"))
				take(h, &h->m[M_OGURL], at.content, at.lcontent);
			else if (!strcmp(key, "article:published_time") ||
			    !strcmp(key, "parsely-pub-date"))
				take(h, &h->m[M_PUBTIME], at.content, at.lcontent);
			else if (has(&h->meta, key))
				take(h, &h->m[M_DATE], at.content, at.lcontent);
		}
	}
}

/* <link rel=canonical href>. */
static void
link_tag(struct html *h, const char *a, size_t n)
{
	struct attrs at;

	attrs_scan(a, n, &at);
	if (val_is(at.rel, at.lrel, "canonical"))
		take(h, &h->m[M_CANON], at.href, at.lhref);
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

static void choose(struct html *, struct html_page *, const char *text);
static void page_meta(struct html *, struct html_page *, const char *text);

int
html_text(struct html *h, const char *s, size_t n, struct buf *out, struct html_page *pg)
{
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
	struct buf ref = { 0 };	/* one character, or a reference decoded */
	struct taginfo spare;
	const struct taginfo *ti;
	struct pass ps = { 0 }, *p = &ps;
	char name[NAMEMAX], dropname[NAMEMAX] = "";
	size_t i = 0, j, k, gt, e;
	int close, selfclose, depth = 0, kind, block, lv, eq;
	const char *q0;
	char q;

	buf_reset(out);
	reset_page(h);
	if (!h->stack)
		h->stack = xmalloc(MAXDEPTH * sizeof *h->stack);
	/* the root: node 0 */
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
	while (i < n) {
		if (s[i] == '<' && i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?')) {
			if (i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') {
				for (j = i + 4; j + 2 < n && memcmp(s + j, "-->", 3) != 0; j++)
					;
				i = j + 2 < n ? j + 3 : n;
			} else {
				q0 = memchr(s + i, '>', n - i);
				i = q0 ? (size_t)(q0 - s) + 1 : n;
			}
			continue;
		}
		if (s[i] == '<' && i + 1 < n && (isalpha((unsigned char)s[i + 1]) ||
		    (s[i + 1] == '/' && i + 2 < n && isalpha((unsigned char)s[i + 2])))) {
			j = i + 1;
			close = s[j] == '/';
			j += close;
			for (k = 0; j < n && namechar[(unsigned char)s[j]]; j++)
				if (k < NAMEMAX - 1)
					name[k++] = namechar[(unsigned char)s[j]];
			name[k] = '\0';
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
			selfclose = gt > j && gt < n && s[gt - 1] == '/';
			i = gt < n ? gt + 1 : n;
			ti = tag_info(h, name, &spare);
			if (!close && ti->special == T_META) {
				meta_tag(h, s + j, gt - j);
				continue;
			}
			if (!close && ti->special == T_LINK) {
				link_tag(h, s + j, gt - j);
				continue;
			}
			if (!close && ti->special == T_TIME && !h->m[M_TIME].len) {
				struct attrs at;

				attrs_scan(s + j, gt - j, &at);
				take(h, &h->m[M_TIME], at.datetime, at.ldatetime);
			}
			if (!close && !selfclose && ti->special == T_TITLE) {
				e = raw_end(s, n, i, name);
				if (!h->title.len) {
					/* the text up to </title> */
					for (k = e; k > i && s[k - 1] != '<'; k--)
						;
					decode_fold(h, s + i, k > i ? k - 1 - i : 0, &h->title);
				}
				i = e;
				continue;
			}
			if (!close && !selfclose && ti->special == T_SCRIPT) {
				struct attrs at;

				attrs_scan(s + j, gt - j, &at);
				e = raw_end(s, n, i, name);
				if (val_has(at.type, at.ltype, "ld+json")) {
					for (k = e; k > i && s[k - 1] != '<'; k--)
						;
					ld_json(h, s + i, k > i ? k - 1 - i : 0);
				}
				i = e;
				continue;
			}
			if (depth) {
				/* Inside a dropped element: only its own nesting counts. */
				if (!close && !selfclose && ti->raw)
					i = raw_end(s, n, i, name);
				else if (!strcmp(name, dropname) && !selfclose)
					depth += close ? -1 : 1;
				else if (!close && !strcmp(name, "body") && !strcmp(dropname, "head"))
					depth = 0;	/* </head> may be left out */
				if (depth)
					continue;
			}
			if (!close && ti->special >= T_IMG) {
				struct node *top = &h->nodes[h->stack[p->sp]];

				if (ti->special == T_IMG)
					top->nimg++;
				else if (ti->special == T_INPUT)
					top->ninput++;
				else
					top->nembed++;
			}
			if (!close && !selfclose && ti->drop) {
				if (ti->raw)
					i = raw_end(s, n, i, name);
				else {
					memcpy(dropname, name, sizeof name);
					depth = 1;
				}
				continue;
			}
			if (!close && ti->raw) {
				/* Kept raw text (<xmp>, <textarea> not dropped): its words. */
				continue;
			}
			kind = ti->kind;
			block = ti->block;
			if (close) {
				if (block)
					endline(p);
				close_tag(p, name);
				continue;
			}
			implied_close(p, kind, block);
			if (block)
				endline(p);
			if (!selfclose && !ti->isvoid)
				push(p, name, kind, s + j, gt - j);
			continue;
		}
		if (depth || p->hid) {
			/* left out: on to the next tag */
			q0 = memchr(s + i + 1, '<', n - i - 1);
			i = q0 ? (size_t)(q0 - s) : n;
			continue;
		}
		if (asciispace[(unsigned char)s[i]]) {
			p->spc = 1;
			i++;
			continue;
		}
		if (!textstop[(unsigned char)s[i]]) {
			/* a run of plain text at once, single spaces in it as they are */
			for (j = i + 1;;) {
				while (j < n && !textstop[(unsigned char)s[j]])
					j++;
				if (j + 1 < n && s[j] == ' ' && !textstop[(unsigned char)s[j + 1]]) {
					j += 2;
					continue;
				}
				break;
			}
			if (p->bol)
				startline(p);
			else if (p->spc)
				buf_addc(out, ' ');
			p->spc = 0;
			buf_add(out, s + i, j - i);
			if (p->a)
				p->link += j - i;
			i = j;
			continue;
		}
		ref.len = 0;
		if (s[i] == '&' && (j = reference(h, s, n, i, &ref)) != i)
			i = j;
		else
			buf_addc(&ref, s[i++]);
		/* White space, as it came or as a reference (&#10;) */
		if (ref.len == 1 && (ref.s[0] == ' ' || ref.s[0] == '\t' || ref.s[0] == '\n' ||
		    ref.s[0] == '\r' || ref.s[0] == '\f')) {
			p->spc = 1;
			continue;
		}
		if (p->bol)
			startline(p);
		else if (p->spc)
			buf_addc(out, ' ');
		p->spc = 0;
		buf_add(out, ref.s, ref.len);
		if (p->a)
			p->link += ref.len;
	}
	endline(p);
	buf_free(&ref);
	(void)lv;
	memcpy(pg->open, depth ? dropname : "", depth ? sizeof pg->open : 1);
	if (depth)
		pg->open[sizeof pg->open - 1] = '\0';
	choose(h, pg, out->s ? out->s : "");
	page_meta(h, pg, out->s ? out->s : "");
	return depth ? -1 : 0;
}
/* Scoring */

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
	int top[NTOP], ntop = 0, i, k, a, t, level, lists;
	size_t kept = 0, l;
	double sc, thr, last;
	char *out = h->out, *inart = h->inart, *rm = h->rm;

	for (i = 0; i < (int)h->nn; i++) {
		nodes[i].scored = 0;
		nodes[i].score = 0;
		h->wb[i] = nodes[i].bytes;
		h->wl[i] = nodes[i].link;
		out[i] = i > 0 && (out[nodes[i].parent] || (strip && (nodes[i].flags & N_UNLIKELY)) ||
		    (furn && (nodes[i].flags & N_FURNITURE)) || i == h->bynode);
	}
	/* Each block of text gives points to its ancestors, less further up. */
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
	for (i = 1; i < (int)h->nn; i++) {
		if (!nodes[i].scored || out[i])
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
	memset(inart, 0, h->nn);
	if (!ntop) {
		/* nothing scored: the body, all of it */
		for (t = 1; t < (int)h->nn && nodes[t].kind != K_BODY; t++)
			;
		if (t >= (int)h->nn)
			t = 0;
		inart[t] = 1;
	} else {
		t = top[0];
		/* an ancestor that most of the near-best blocks share */
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
		/* a parent that scores better, not far up */
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
		/* an only child is its parent */
		while (nodes[t].parent > 0 && nodes[nodes[t].parent].kind != K_BODY &&
		    nodes[nodes[t].parent].kind != K_HTML && nodes[nodes[t].parent].nchild == 1)
			t = nodes[t].parent;
		/* its siblings that look like more of the article */
		thr = nodes[t].score * 0.2 > 10 ? nodes[t].score * 0.2 : 10;
		a = nodes[t].parent;
		for (i = a + 1; i < (int)h->nn; i++) {
			double bonus = 0, ld;

			if (nodes[i].parent != a || out[i])
				continue;
			if (i == t) {
				inart[i] = 1;
				continue;
			}
			if (nodes[i].cls && nodes[i].cls == nodes[t].cls)
				bonus = nodes[t].score * 0.2;
			if (nodes[i].scored && nodes[i].score + bonus >= thr) {
				inart[i] = 1;
			} else if (nodes[i].kind == K_P) {
				ld = ldensity(h, i);
				l = h->wb[i];
				if ((l > 80 && ld < 0.25) || (l < 80 && l > 0 && ld == 0 &&
				    nodes[i].first >= 0 && full_stop(text, &h->tl[nodes[i].first])))
					inart[i] = 1;
			}
		}
	}
	for (i = 1; i < (int)h->nn; i++)
		inart[i] |= inart[nodes[i].parent];
	/* Clutter inside the article, inner blocks first. */
	memset(rm, 0, h->nn);
	for (i = (int)h->nn - 1; i > 0; i--) {
		if (!inart[i] || out[i])
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
	for (l = 0; l < h->ntl; l++) {
		i = h->tl[l].owner;
		keep[l] = inart[i] && !rm[i] && !out[i];
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

/* The lines of the article: the try of the strictest rules that gives enough. */
static void
choose(struct html *h, struct html_page *pg, const char *text)
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
	/* Each block's own text, then with all it holds. */
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

/* Metadata */

/* Counts words, as split(/\s+/) does on trimmed text. */
static int
words(const char *s, size_t n)
{
	size_t i;
	int w = 0, in = 0;

	for (i = 0; i < n; i++) {
		if (isspace((unsigned char)s[i]))
			in = 0;
		else if (!in) {
			in = 1;
			w++;
		}
	}
	return w;
}

/* A separator of a title's parts at s[i]: | - \ / > », an en or em dash; its length. */
static int
title_sep(const char *s, size_t n, size_t i)
{
	if (s[i] && strchr("|-\\/>", s[i]))
		return 1;
	if (i + 1 < n && s[i] == '\xC2' && s[i + 1] == '\xBB')
		return 2;
	if (i + 2 < n && s[i] == '\xE2' && s[i + 1] == '\x80' &&
	    (s[i + 2] == '\x93' || s[i + 2] == '\x94'))
		return 3;
	return 0;
}

static void
trimmed(struct buf *dst, const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	buf_reset(dst);
	buf_add(dst, s, n);
	if (!dst->s)
		buf_grow(dst, 1);
	dst->s[dst->len] = '\0';
}

/* Is there a heading h1 or h2 whose text is s? */
static int
heading_is(const struct html *h, const char *text, const char *s, size_t n)
{
	size_t l;

	for (l = 0; l < h->ntl; l++)
		if (h->tl[l].heading >= 1 && h->tl[l].heading <= 2 && h->tl[l].len == n &&
		    !memcmp(text + h->tl[l].off, s, n))
			return 1;
	return 0;
}

/* The title of <title>, cleaned of the site's name as Readability does. */
static void
clean_title(struct html *h, const char *text, struct buf *dst)
{
	const char *o = h->title.s;
	size_t n = h->title.len, i, last = n, firstsep = n, plain = 0;
	int hier = 0, k, wc, h1s = 0;
	size_t h1 = 0;
	struct buf tmp = { 0 };

	trimmed(dst, o ? o : "", n);
	if (!n)
		return;
	for (i = 0; i < n; i += k ? (size_t)k : 1) {
		k = title_sep(o, n, i);
		if (k && firstsep == n)
			firstsep = i;
		if (k && i > 0 && o[i - 1] == ' ' && i + k < n && o[i + k] == ' ') {
			last = i;
			hier |= k == 2 || o[i] == '\\' || o[i] == '/' || o[i] == '>';
		}
	}
	if (last < n) {
		trimmed(dst, o, last);
		if (words(dst->s, dst->len) < 3) {
			k = title_sep(o, n, firstsep);
			trimmed(dst, o + firstsep + k, n - firstsep - k);
		}
	} else if (strstr(o, ": ")) {
		if (!heading_is(h, text, o, n)) {
			const char *lc = strrchr(o, ':'), *fc = strchr(o, ':');

			trimmed(dst, lc + 1, n - (size_t)(lc + 1 - o));
			if (words(dst->s, dst->len) < 3)
				trimmed(dst, fc + 1, n - (size_t)(fc + 1 - o));
			else if (words(o, (size_t)(fc - o)) > 5)
				trimmed(dst, o, n);
		}
	} else if (n > 150 || n < 15) {
		for (i = 0; i < h->ntl; i++)
			if (h->tl[i].heading == 1)
				h1s++, h1 = i;
		if (h1s == 1)
			trimmed(dst, text + h->tl[h1].off, h->tl[h1].len);
	}
	wc = words(dst->s, dst->len);
	/* words of the title with the separators taken out */
	buf_reset(&tmp);
	for (i = 0; i < n; i++) {
		k = title_sep(o, n, i);
		if (k) {
			i += (size_t)k - 1;
			continue;
		}
		buf_addc(&tmp, o[i]);
	}
	plain = (size_t)words(tmp.s ? tmp.s : "", tmp.len);
	if (wc <= 4 && (!hier || (size_t)wc != plain - 1))
		trimmed(dst, o, n);
	buf_free(&tmp);
}

/* Readability's likeness of b to a: the share of b's words that a has. */
static double
likeness(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i, j, wl, all = 0, uniq = 0, nb = 0;
	char wa[4096];
	size_t k = 0;

	/* a's words, lowercase, each between spaces */
	wa[k++] = ' ';
	for (i = 0; i < an && k < sizeof wa - 2; i++) {
		unsigned char c = (unsigned char)a[i];

		if (isalnum(c) || c >= 0x80 || c == '_')
			wa[k++] = tolower(c);
		else if (wa[k - 1] != ' ')
			wa[k++] = ' ';
	}
	if (wa[k - 1] != ' ')
		wa[k++] = ' ';
	wa[k] = '\0';
	for (i = 0; i < bn; ) {
		char w[256];

		while (i < bn && !(isalnum((unsigned char)b[i]) || (unsigned char)b[i] >= 0x80 ||
		    b[i] == '_'))
			i++;
		for (j = i, wl = 1, w[0] = ' '; j < bn && (isalnum((unsigned char)b[j]) ||
		    (unsigned char)b[j] >= 0x80 || b[j] == '_'); j++)
			if (wl < sizeof w - 2)
				w[wl++] = tolower((unsigned char)b[j]);
		if (j == i)
			break;
		w[wl++] = ' ';
		w[wl] = '\0';
		all += wl - 2 + (nb ? 1 : 0);
		if (!strstr(wa, w))
			uniq += wl - 2 + (uniq ? 1 : 0);
		nb++;
		i = j;
	}
	return all ? 1 - (double)uniq / (double)all : 0;
}

/* The host of a URL, without "www.". */
static void
url_host(const char *u, struct buf *dst)
{
	const char *p = strstr(u, "://"), *e;

	if (!p)
		return;
	p += 3;
	for (e = p; *e && *e != '/' && *e != ':' && *e != '?' && *e != '#'; e++)
		;
	if (e - p > 4 && !strncasecmp(p, "www.", 4))
		p += 4;
	if (e > p)
		buf_add(dst, p, (size_t)(e - p));
}

static void
set(struct buf *dst, const struct buf *src)
{
	if (!dst->len && src->len)
		buf_add(dst, src->s, src->len);
}

/* The title, the headline's line, author, source, url and date of the page. */
static void
page_meta(struct html *h, struct html_page *pg, const char *text)
{
	struct buf *t = &pg->title;
	size_t l, head = h->ntl;
	const char *d;

	buf_reset(&pg->title);
	buf_reset(&pg->author);
	buf_reset(&pg->source);
	buf_reset(&pg->url);
	pg->dct[0] = '\0';
	if (h->ldname.len && h->ldhead.len && strcmp(h->ldname.s, h->ldhead.s)) {
		clean_title(h, text, &h->tmp);
		if (likeness(h->ldhead.s, h->ldhead.len, h->tmp.s, h->tmp.len) > 0.75 &&
		    likeness(h->ldname.s, h->ldname.len, h->tmp.s, h->tmp.len) <= 0.75)
			set(t, &h->ldhead);
		else
			set(t, &h->ldname);
	}
	set(t, &h->ldname);
	set(t, &h->ldhead);
	set(t, &h->m[M_DCTITLE]);
	set(t, &h->m[M_OGTITLE]);
	set(t, &h->m[M_NAMETITLE]);
	set(t, &h->m[M_TWTITLE]);
	set(t, &h->m[M_PARSELYTITLE]);
	if (!t->len) {
		clean_title(h, text, &h->tmp);
		set(t, &h->tmp);
	}
	/* The headline: the first h1 or h2 like the title, or the first h1. */
	for (l = 0; l < h->ntl && t->len; l++)
		if (h->tl[l].heading >= 1 && h->tl[l].heading <= 2 && likeness(t->s, t->len,
		    text + h->tl[l].off, h->tl[l].len) > 0.75) {
			head = l;
			break;
		}
	/* else the first h1, if no article text comes before it */
	for (l = 0; l < h->ntl && head == h->ntl; l++) {
		if (h->tl[l].heading == 1) {
			head = l;
			if (!t->len)
				buf_add(t, text + h->tl[l].off, h->tl[l].len);
		} else if (!(h->lines[l].flags & HL_BOILER))
			break;
	}
	if (head < h->ntl)
		h->lines[head].flags = HL_HEADLINE;
	set(&pg->author, &h->ldauthor);
	set(&pg->author, &h->m[M_AUTHOR]);
	set(&pg->author, &h->m[M_ARTAUTHOR]);
	if (!pg->author.len && h->bynode >= 0 && h->nodes[h->bynode].first >= 0) {
		for (l = (size_t)h->nodes[h->bynode].first; l < h->ntl; l++) {
			int o = h->tl[l].owner;

			while (o > 0 && o != h->bynode)
				o = h->nodes[o].parent;
			if (o != h->bynode)
				break;
			if (pg->author.len)
				buf_addc(&pg->author, ' ');
			buf_add(&pg->author, text + h->tl[l].off, h->tl[l].len);
		}
	}
	set(&pg->url, &h->m[M_CANON]);
	set(&pg->url, &h->m[M_OGURL]);
	set(&pg->source, &h->m[M_SITE]);
	set(&pg->source, &h->ldpub);
	if (!pg->source.len && pg->url.len)
		url_host(pg->url.s, &pg->source);
	d = h->lddate.len ? h->lddate.s : h->m[M_PUBTIME].len ? h->m[M_PUBTIME].s :
	    h->m[M_DATE].len ? h->m[M_DATE].s : h->m[M_TIME].len ? h->m[M_TIME].s : "";
	if (!take_date(d, strlen(d), pg->dct) && h->m[M_TIME].len)
		take_date(h->m[M_TIME].s, h->m[M_TIME].len, pg->dct);
}
