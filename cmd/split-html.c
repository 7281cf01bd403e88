/*
 * split-html: the text of an article saved as HTML.  Not an HTML parser:
 * a single pass that drops tags, comments and the content of the elements
 * data/html.yaml lists, ends a line at each block element, folds white
 * space and decodes character references.  What it keeps of the page is
 * what lede-split calls the document.
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

struct names {
	char **v;
	size_t n;
};

struct ent {
	char *name, *val;
};

struct html {
	struct names blocks, drop, meta;
	struct ent *ents;
	size_t nents;
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

static void
load_names(struct conf *c, yaml_node_t *root, const char *key, struct names *ns)
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
	qsort(ns->v, ns->n, sizeof *ns->v, cmpstr);
}

struct html *
html_load(const char *path)
{
	struct html *h = xcalloc(1, sizeof *h);
	struct conf c = { 0 };
	yaml_node_t *root, *map, *k, *v;
	yaml_node_pair_t *pair;
	char *p = path ? NULL : data_path("html.yaml");

	conf_load(&c, path ? path : p);
	root = conf_want(&c, conf_root(&c), YAML_MAPPING_NODE, "the file");
	load_names(&c, root, "blocks", &h->blocks);
	load_names(&c, root, "drop", &h->drop);
	load_names(&c, root, "date-meta", &h->meta);
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
	size_t i;

	if (!h)
		return;
	free_names(&h->blocks);
	free_names(&h->drop);
	free_names(&h->meta);
	for (i = 0; i < h->nents; i++) {
		free(h->ents[i].name);
		free(h->ents[i].val);
	}
	free(h->ents);
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

/* The value of attribute name in the tag's attributes a[0..n), or NULL. */
static const char *
attr(const char *a, size_t n, const char *name, size_t *len)
{
	size_t i = 0, b, nl = strlen(name);
	char q;

	while (i < n) {
		while (i < n && (isspace((unsigned char)a[i]) || a[i] == '/'))
			i++;
		b = i;
		while (i < n && !isspace((unsigned char)a[i]) && a[i] != '=' && a[i] != '/')
			i++;
		if (i == b) {
			i++;
			continue;
		}
		if (i - b == nl && strncasecmp(a + b, name, nl) == 0) {
			if (i >= n || a[i] != '=')
				return NULL;
			i++;
			if (i < n && (a[i] == '"' || a[i] == '\'')) {
				q = a[i++];
				for (b = i; i < n && a[i] != q; i++)
					;
			} else
				for (b = i; i < n && !isspace((unsigned char)a[i]); i++)
					;
			*len = i - b;
			return a + b;
		}
		if (i < n && a[i] == '=') {
			i++;
			if (i < n && (a[i] == '"' || a[i] == '\'')) {
				q = a[i++];
				while (i < n && a[i] != q)
					i++;
				i++;
			} else
				while (i < n && !isspace((unsigned char)a[i]))
					i++;
		}
	}
	return NULL;
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

int
html_text(const struct html *h, const char *s, size_t n, struct buf *out, char dct[11],
    char open[NAMEMAX])
{
	static struct buf ref;	/* one character, or a reference decoded */
	char name[NAMEMAX], dropname[NAMEMAX] = "", timedct[11] = "";
	size_t i = 0, j, k, gt, vl;
	int bol = 1, sp = 0, close, selfclose, depth = 0, metadate = 0;
	const char *p, *v;
	char q;

	buf_reset(out);
	dct[0] = '\0';
	while (i < n) {
		if (s[i] == '<' && i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?')) {
			if (i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') {
				for (j = i + 4; j + 2 < n && memcmp(s + j, "-->", 3) != 0; j++)
					;
				i = j + 2 < n ? j + 3 : n;
			} else {
				p = memchr(s + i, '>', n - i);
				i = p ? (size_t)(p - s) + 1 : n;
			}
			continue;
		}
		if (s[i] == '<' && i + 1 < n && (isalpha((unsigned char)s[i + 1]) ||
		    (s[i + 1] == '/' && i + 2 < n && isalpha((unsigned char)s[i + 2])))) {
			j = i + 1;
			close = s[j] == '/';
			j += close;
			for (k = 0; j < n && (isalnum((unsigned char)s[j]) || s[j] == ':' ||
			    s[j] == '-'); j++)
				if (k < NAMEMAX - 1)
					name[k++] = tolower((unsigned char)s[j]);
			name[k] = '\0';
			/* The end of the tag, past quoted attribute values. */
			for (gt = j, q = 0; gt < n; gt++) {
				if (q) {
					if (s[gt] == q)
						q = 0;
				} else if (s[gt] == '"' || s[gt] == '\'')
					q = s[gt];
				else if (s[gt] == '>')
					break;
			}
			selfclose = gt > j && gt < n && s[gt - 1] == '/';
			i = gt < n ? gt + 1 : n;
			if (!close && !strcmp(name, "meta") && !metadate) {
				if (((v = attr(s + j, gt - j, "name", &vl)) ||
				    (v = attr(s + j, gt - j, "property", &vl)) ||
				    (v = attr(s + j, gt - j, "itemprop", &vl))) && vl < NAMEMAX) {
					char mn[NAMEMAX];
					for (k = 0; k < vl; k++)
						mn[k] = tolower((unsigned char)v[k]);
					mn[vl] = '\0';
					if (has(&h->meta, mn)) {
						v = attr(s + j, gt - j, "content", &vl);
						metadate = take_date(v, vl, dct);
					}
				}
			} else if (!close && !strcmp(name, "time") && !timedct[0]) {
				v = attr(s + j, gt - j, "datetime", &vl);
				take_date(v, vl, timedct);
			}
			if (depth) {
				/* Inside a dropped element: only its own nesting counts. */
				if (!close && !selfclose && rawtext(name))
					i = raw_end(s, n, i, name);
				else if (!strcmp(name, dropname) && !selfclose)
					depth += close ? -1 : 1;
				else if (!close && !strcmp(name, "body") && !strcmp(dropname, "head"))
					depth = 0;	/* </head> may be left out */
				continue;
			}
			if (!close && !selfclose && has(&h->drop, name)) {
				if (rawtext(name))
					i = raw_end(s, n, i, name);
				else {
					memcpy(dropname, name, sizeof name);
					depth = 1;
				}
				continue;
			}
			if (!close && rawtext(name)) {
				/* Kept raw text (a <title> outside head): its words. */
				continue;
			}
			if (has(&h->blocks, name) && !bol) {
				buf_addc(out, '\n');
				bol = 1;
				sp = 0;
			}
			continue;
		}
		if (depth) {
			i++;
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
			sp = 1;
			continue;
		}
		if (sp && !bol)
			buf_addc(out, ' ');
		sp = 0;
		bol = 0;
		buf_add(out, ref.s, ref.len);
	}
	if (!bol)
		buf_addc(out, '\n');
	if (!dct[0] && timedct[0])
		memcpy(dct, timedct, 11);
	memcpy(open, depth ? dropname : "", depth ? NAMEMAX : 1);
	return depth ? -1 : 0;
}
