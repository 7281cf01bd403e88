/*
 * split-meta: what a page says of itself: the JSON-LD article object,
 * the <meta>, <link>, <time> and <title> tags, and the title, author,
 * source, url and date chosen from them for the record.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "civil.h"
#include "utf8.h"
#include "split-html-int.h"
#include "util.h"

/*
 * Appends v[0..n) to out with character references decoded and white
 * space folded to single spaces, trimmed.
 */

void
meta_fold(const struct html *h, const char *v, size_t n, struct buf *out)
{
	size_t i = 0, j, start = out->len;
	int sp = 0;

	while (i < n) {
		if (v[i] == '&') {
			size_t before = out->len;

			if (sp)
				buf_addc(out, ' ');
			if ((j = html_reference(h, v, n, i, out)) != i) {
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
void
meta_take(const struct html *h, struct buf *b, const char *v, size_t n)
{
	if (b->len || !v || !n)
		return;
	meta_fold(h, v, n, b);
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
	meta_fold(h, tmp->s ? tmp->s : "", tmp->len, out);
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
void
meta_ld_json(struct html *h, const char *s, size_t n)
{
	size_t i = jws(s, n, 0);

	/* a CDATA section around it, as some pages have */
	if (n - i >= 9 && !memcmp(s + i, "<![CDATA[", 9))
		i = jws(s, n, i + 9);
	if (h->ldname.len || h->ldhead.len || h->lddate.len)
		return;	/* the first article object is the page's */
	ld_walk(h, s, n, i, 0);
}

/*
 * A date YYYY-MM-DD, or YYYYMMDD alone, YYYY/MM/DD or YYYY.MM.DD as some
 * <meta> give it, at the start of v[0..n) into d (11 bytes), if
 * civil_iso says it is one.
 */
static int
take_date(const char *v, size_t n, char *d)
{
	char iso[11];
	size_t i;

	for (i = 0; v && i < n && i < 8 && isdigit((unsigned char)v[i]); i++)
		;
	if (i == 8 && (n == 8 || !isdigit((unsigned char)v[8]))) {
		snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", v, v + 4, v + 6);
		v = iso;
		n = 10;
	} else if (i == 4 && n >= 10 && (v[4] == '/' || v[4] == '.') && v[7] == v[4]) {
		/* 2024/03/12, 2024.03.12 */
		snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", v, v + 5, v + 8);
		v = iso;
		n = 10;
	}
	if (!v || civil_iso(v, n) <= 0)
		return 0;	/* not a date, or none the calendar has (2025-02-30) */
	memcpy(d, v, 10);
	d[10] = '\0';
	return 1;
}

/* A <meta> tag: the metadata and dates it gives. */
void
meta_tag(struct html *h, const char *a, size_t n)
{
	struct attrs at;
	char key[NAMEMAX];
	const char *v;
	size_t vl, i, b, k;
	int pass;

	html_attrs(a, n, &at);
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
				meta_take(h, &h->m[M_OGTITLE], at.content, at.lcontent);
			else if (!strcmp(key, "twitter:title"))
				meta_take(h, &h->m[M_TWTITLE], at.content, at.lcontent);
			else if (!strcmp(key, "title") || !strcmp(key, "weibo:article:title") ||
			    !strcmp(key, "weibo:webpage:title"))
				meta_take(h, &h->m[M_NAMETITLE], at.content, at.lcontent);
			else if (!strcmp(key, "parsely-title"))
				meta_take(h, &h->m[M_PARSELYTITLE], at.content, at.lcontent);
			else if (!strcmp(key, "dc:title") || !strcmp(key, "dcterm:title"))
				meta_take(h, &h->m[M_DCTITLE], at.content, at.lcontent);
			else if (!strcmp(key, "dc:creator") || !strcmp(key, "dcterm:creator") ||
			    !strcmp(key, "author") || !strcmp(key, "parsely-author"))
				meta_take(h, &h->m[M_AUTHOR], at.content, at.lcontent);
			else if (!strcmp(key, "article:author") &&
			    !val_has(at.content, at.lcontent > 8 ? 8 : at.lcontent, "http"))
				meta_take(h, &h->m[M_ARTAUTHOR], at.content, at.lcontent);
			else if (!strcmp(key, "og:site_name"))
				meta_take(h, &h->m[M_SITE], at.content, at.lcontent);
			else if (!strcmp(key, "og:url"))
				meta_take(h, &h->m[M_OGURL], at.content, at.lcontent);
			else if (!strcmp(key, "article:published_time") ||
			    !strcmp(key, "parsely-pub-date"))
				meta_take(h, &h->m[M_PUBTIME], at.content, at.lcontent);
			else if (html_has(&h->meta, key))
				meta_take(h, &h->m[M_DATE], at.content, at.lcontent);
		}
	}
}

/* <link rel=canonical href>. */
void
meta_link(struct html *h, const char *a, size_t n)
{
	struct attrs at;

	html_attrs(a, n, &at);
	if (val_is(at.rel, at.lrel, "canonical"))
		meta_take(h, &h->m[M_CANON], at.href, at.lhref);
}
/* The page's record: title, author, source, url and date */

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
void
meta_page(struct html *h, struct html_page *pg, const char *text)
{
	struct buf *t = &pg->title;
	size_t l, head = h->ntl;
	const char *d;
	double most, lk;
	int by;

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
	/*
	 * The headline: the h1 or h2 like the title that has most of its
	 * words (not the site's name of a logo's h1).
	 */
	for (l = 0, most = 0; l < h->ntl && t->len; l++)
		if (h->tl[l].heading >= 1 && h->tl[l].heading <= 2 && likeness(t->s, t->len,
		    text + h->tl[l].off, h->tl[l].len) > 0.75 && (lk = likeness(text + h->tl[l].off,
		    h->tl[l].len, t->s, t->len)) > most) {
			head = l;
			if ((most = lk) > 0.99)
				break;
		}
	/*
	 * else a line outside the article that says the title and no more
	 * (an <h3>, a <b>); one in the article stays its text, as Readability
	 * leaves it
	 */
	for (l = 0; l < h->ntl && head == h->ntl && t->len; l++)
		if ((h->lines[l].flags & HL_BOILER) && h->tl[l].len <= t->len + 16 &&
		    likeness(t->s, t->len, text + h->tl[l].off, h->tl[l].len) > 0.75 &&
		    likeness(text + h->tl[l].off, h->tl[l].len, t->s, t->len) > 0.75)
			head = l;
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
	/* the byline's lines, their text the author when no metadata names one */
	by = pg->author.len > 0;
	if (h->bynode >= 0 && h->nodes[h->bynode].first >= 0) {
		for (l = (size_t)h->nodes[h->bynode].first; l < h->ntl; l++) {
			int o = h->tl[l].owner;

			while (o > 0 && o != h->bynode)
				o = h->nodes[o].parent;
			if (o != h->bynode)
				break;
			h->lines[l].flags |= HL_BYLINE;
			if (by)
				continue;
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
	pg->rawdate[0] = '\0';
	if (!take_date(d, strlen(d), pg->dct)) {
		/* "March 12, 2024", "Tue, 12 Mar 2024 09:30:00 GMT": the language's to read */
		snprintf(pg->rawdate, sizeof pg->rawdate, "%s", d);
		if (h->m[M_TIME].len)
			take_date(h->m[M_TIME].s, h->m[M_TIME].len, pg->dct);
	}
	pg->dct_else[0] = '\0';
	if (h->m[M_LTIME].len)
		take_date(h->m[M_LTIME].s, h->m[M_LTIME].len, pg->dct_else);
}

