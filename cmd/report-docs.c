/*
 * report-docs: the last sections of lede-report's page: the repeats
 * (articles dropped or repeated whole, sentences found again, by pair
 * of outlets), the table of documents, and the articles kept in the
 * temporary file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report-page.h"
#include "utf8.h"
#include "util.h"

/*
 * The outlets folded for the page: the MAXCOLS with most documents keep
 * their name (fold[o] < MAXCOLS, top[] their ids), the rest are "other
 * outlets" (fold[o] == MAXCOLS), so a corpus of many small outlets never
 * makes a row for each.
 */
static size_t
outlet_fold(struct report *r, size_t *fold, size_t *top)
{
	struct rank *ro = page_outlets(r, 0);
	size_t i, ntop = 0;

	for (i = 0; i < r->outlets.n; i++) {
		fold[ro[i].i] = ntop < MAXCOLS ? ntop : MAXCOLS;
		if (ntop < MAXCOLS)
			top[ntop++] = ro[i].i;
	}
	free(ro);
	return ntop;
}

static void
put_folded(FILE *fp, struct report *r, const size_t *top, size_t f)
{
	if (f < MAXCOLS)
		page_outlet(fp, r, top[f]);
	else
		fputs("<span class=\"unattr\">other outlets</span>", fp);
}

/* The repeats by pair of (folded) outlets, most first. */
static void
repeats_pairs(FILE *fp, struct report *r)
{
	enum { NF = MAXCOLS + 1 };
	size_t *fold = xcalloc(r->outlets.n + 1, sizeof *fold), top[MAXCOLS];
	struct duppair cell[NF][NF];
	struct rank rp[NF * NF];
	size_t i, n = 0;

	memset(cell, 0, sizeof cell);
	outlet_fold(r, fold, top);
	for (i = 0; i < r->duppairs.n; i++) {
		const char *k = r->duppairs.key[i];
		uint32_t a, b;

		memcpy(&a, k, sizeof a);
		memcpy(&b, k + sizeof a, sizeof b);
		cell[fold[a]][fold[b]].exact += r->dp[i].exact;
		cell[fold[a]][fold[b]].near += r->dp[i].near;
	}
	for (i = 0; i < NF * NF; i++) {
		struct duppair *c = &cell[i / NF][i % NF];

		if (c->exact + c->near == 0)
			continue;
		rp[n].a = c->exact + c->near;
		rp[n].b = c->exact;
		rp[n].i = i;
		rp[n].name = "";
		n++;
	}
	qsort(rp, n, sizeof *rp, page_rank_cmp);
	fputs("<div class=\"wrap\"><table class=\"sort\"><thead><tr><th>Repeated in</th><th>First in</th>"
	    "<th class=\"num\">Word for word</th><th class=\"num\">Nearly</th></tr></thead><tbody>\n", fp);
	for (i = 0; i < n; i++) {
		struct duppair *c = &cell[rp[i].i / NF][rp[i].i % NF];

		fputs("<tr><td>", fp);
		put_folded(fp, r, top, rp[i].i / NF);
		fputs("</td><td>", fp);
		put_folded(fp, r, top, rp[i].i % NF);
		fprintf(fp, "</td><td class=\"num\" data-v=\"%ld\">%ld</td><td class=\"num\" data-v=\"%ld\">%ld</td></tr>\n",
		    c->exact, c->exact, c->near, c->near);
	}
	fputs("</tbody></table></div>\n", fp);
	free(fold);
}

static int
hexval(const char *s, unsigned *u)
{
	int i;

	*u = 0;
	for (i = 0; i < 4; i++) {
		int c = (unsigned char)s[i];

		if (c >= '0' && c <= '9')
			*u = *u * 16 + (unsigned)(c - '0');
		else if ((c | 32) >= 'a' && (c | 32) <= 'f')
			*u = *u * 16 + (unsigned)((c | 32) - 'a' + 10);
		else
			return -1;
	}
	return 0;
}

/*
 * A field of a repeats file: TAB-separated values that keep the JSON
 * escapes of the strings (\\, \t, \n, \u0001), but for \".  An escape
 * it does not know is kept as it is.
 */
static char *
drop_field(struct buf *b, const char *s)
{
	static const char from[] = "\\/\"bfnrt", to[] = "\\/\"\b\f\n\r\t";
	const char *p;
	unsigned u, u2;

	buf_reset(b);
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			buf_addc(b, *s);
		} else if ((p = strchr(from, s[1])) != NULL) {
			buf_addc(b, to[p - from]);
			s++;
		} else if (s[1] == 'u' && hexval(s + 2, &u) == 0) {
			s += 5;
			if (u >= 0xD800 && u <= 0xDBFF && s[1] == '\\' && s[2] == 'u' &&
			    hexval(s + 3, &u2) == 0 && u2 >= 0xDC00 && u2 <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00);
				s += 6;
			}
			utf8_put(b, u);
		} else {
			buf_addc(b, *s);
		}
	}
	return xstrdup(b->s ? b->s : "");
}

/*
 * --repeats FILE: the repeats lede-dedupe dropped before the records
 * came here, as lede-batch lists them in repeats.tsv: PATH TAB FIRST a
 * line for documents (--by doc), PATH TAB N TAB FIRST TAB N for
 * records.  All are counted; the first few kept for the page.
 */
void
report_read_drops(struct report *r, const char *path)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL, *f[5];
	size_t cap = 0, max = (size_t)r->top * 10;
	unsigned long lineno = 0;
	ssize_t len;
	struct buf b = { 0 };
	struct drop *d;
	int nf;

	if (!fp)
		die(EX_ERR, "%s:", path);
	r->dropfile = path;
	while ((len = getline(&line, &cap, fp)) > 0) {
		lineno++;
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		if (len == 0)
			continue;
		f[0] = line;
		for (nf = 1; nf < 5 && (f[nf] = strchr(f[nf - 1], '\t')); nf++)
			*f[nf]++ = '\0';
		if ((nf != 2 && nf != 4) || (r->dropcols && nf != r->dropcols))
			die(EX_ERR, "%s:%lu: %d columns: expected those of repeats.tsv, "
			    "2 (document, first) or 4 (document, n, first, n) on every line", path, lineno, nf);
		r->dropcols = nf;
		r->ndropped++;
		if (r->ndrop >= max)
			continue;
		if (r->ndrop == r->capdrop) {
			r->capdrop = r->capdrop ? r->capdrop * 2 : 64;
			r->drop = xrealloc(r->drop, r->capdrop * sizeof *r->drop);
		}
		d = &r->drop[r->ndrop++];
		memset(d, 0, sizeof *d);
		d->doc = drop_field(&b, f[0]);
		d->of = drop_field(&b, f[nf / 2]);
		if (nf == 4) {
			snprintf(d->n, sizeof d->n, "%s", f[1]);
			snprintf(d->on, sizeof d->on, "%s", f[3]);
		}
	}
	if (ferror(fp))
		die(EX_ERR, "%s:", path);
	fclose(fp);
	free(line);
	buf_free(&b);
}

/*
 * A document by the last part of its name (the whole in its title),
 * linked when on the page.
 */
static void
put_doc(FILE *fp, struct report *r, const char *name, const char *n)
{
	long i = strtab_find(&r->docs, name, strlen(name));
	const char *b = strrchr(name, '/');
	int link = i >= 0 && r->doc[i].text && strspn(n, "0123456789") == strlen(n);

	if (link)
		fprintf(fp, "<a href=\"#%s%ld%s%s\">", *n ? "s" : "d", i, *n ? "-" : "", n);
	fputs("<em title=\"", fp);
	html_putmax(fp, name, strlen(name), 1000);
	fputs("\">", fp);
	page_name(fp, b && b[1] ? b + 1 : name, strlen(b && b[1] ? b + 1 : name));
	fputs("</em>", fp);
	if (*n) {
		fputs(", sentence ", fp);
		page_plain(fp, n, strlen(n));
	}
	if (link)
		fputs("</a>", fp);
}

/* The repeats dropped before the report (--repeats). */
static void
repeats_dropped(FILE *fp, struct report *r)
{
	const char *what = r->dropcols == 2 ? "article" : "sentence";
	size_t i;

	fprintf(fp, "<h3>%ld repeated %s%s dropped</h3>\n<p class=\"lead\">lede-dedupe dropped them before this report, "
	    "keeping the first of each; they are listed in <code>", r->ndropped, what, r->ndropped == 1 ? "" : "s");
	page_plain(fp, r->dropfile, strlen(r->dropfile));
	fputs("</code>.</p>\n<div class=\"wrap\"><table><thead><tr><th>Dropped</th><th>Repeat of</th></tr></thead><tbody>\n", fp);
	for (i = 0; i < r->ndrop; i++) {
		fputs("<tr><td>", fp);
		put_doc(fp, r, r->drop[i].doc, "");
		if (r->drop[i].n[0]) {
			fputs(", sentence ", fp);
			page_plain(fp, r->drop[i].n, strlen(r->drop[i].n));
		}
		fputs("</td><td>", fp);
		put_doc(fp, r, r->drop[i].of, r->drop[i].on);
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table></div>\n", fp);
	if ((size_t)r->ndropped > r->ndrop)
		fprintf(fp, "<p class=\"muted\">%zu more are in the file.</p>\n", (size_t)r->ndropped - r->ndrop);
}

/* The articles kept and marked as repeats of an earlier one, whole. */
static void
repeats_whole(FILE *fp, struct report *r, long nwhole)
{
	size_t i, shown = 0, max = (size_t)r->top * 10;

	fprintf(fp, "<h3>%ld repeated article%s</h3>\n<p class=\"lead\">Every sentence of %s repeats one earlier article; "
	    "%s kept, and marked (lede-dedupe --by doc --mark).</p>\n"
	    "<div class=\"wrap\"><table><thead><tr><th>Article</th><th>Repeat of</th></tr></thead><tbody>\n",
	    nwhole, nwhole == 1 ? "" : "s", nwhole == 1 ? "this one" : "these", nwhole == 1 ? "it is" : "they are");
	for (i = 0; i < r->docs.n && shown < max; i++) {
		if (!doc_whole_repeat(&r->doc[i]))
			continue;
		shown++;
		fputs("<tr><td>", fp);
		put_doc(fp, r, r->docs.key[i], "");
		fputs("</td><td>", fp);
		put_doc(fp, r, r->doc[i].dupof, "");
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table></div>\n", fp);
	if ((size_t)nwhole > shown)
		fprintf(fp, "<p class=\"muted\">and %zu more</p>\n", (size_t)nwhole - shown);
}

/* The repeated articles: those marked whole (*sents: their sentences). */
long
page_whole_repeats(struct report *r, long *sents)
{
	long n = 0, s = 0;
	size_t i;

	for (i = 0; i < r->docs.n; i++)
		if (doc_whole_repeat(&r->doc[i])) {
			n++;
			s += r->doc[i].sents;
		}
	if (sents)
		*sents = s;
	return n;
}

void
page_repeats(FILE *fp, struct report *r)
{
	long nwhole, wsents;
	size_t i;

	fputs("<section id=\"repeats\"><h2>Repeats</h2>\n", fp);
	if (r->ndropped)
		repeats_dropped(fp, r);
	if (r->ndups == 0) {
		if (!r->ndropped)
			fputs("<p class=\"lead\">No sentence here is marked as a repeat of an earlier one "
			    "(lede-dedupe --mark marks them).</p>", fp);
		fputs("</section>\n", fp);
		return;
	}
	nwhole = page_whole_repeats(r, &wsents);
	if (nwhole)
		repeats_whole(fp, r, nwhole);
	fprintf(fp, "<h3>%ld repeated sentence%s</h3>\n<p class=\"lead\">%ld of %ld sentences (%.1f%%) repeat an earlier one: "
	    "%ld word for word, %ld nearly",
	    r->ndups, r->ndups == 1 ? "" : "s", r->ndups, r->nrec_all,
	    100.0 * r->ndups / (r->nrec_all ? r->nrec_all : 1), r->nexact, r->ndups - r->nexact);
	if (nwhole)
		fprintf(fp, "; %ld of them are in the repeated article%s above", wsents, nwhole == 1 ? "" : "s");
	fputs(". Shared wire copy shows up as pairs of outlets.</p>\n", fp);
	repeats_pairs(fp, r);
	if (r->nds == 0) {
		fputs("</section>\n", fp);
		return;
	}
	fputs("<h3 style=\"margin-top:12px\">Examples</h3><ul>\n", fp);
	for (i = 0; i < r->nds; i++) {
		struct dupsamp *d = &r->ds[i];

		fputs("<li><a href=\"", fp);
		page_sent_href(fp, r, d->doc, d->n, "#repeats");
		fputs("\">", fp);
		page_bdi(fp, d->text, strlen(d->text), 200);
		fputs("</a> <span class=\"src\"><small>", fp);
		page_docname(fp, r, d->doc);
		fprintf(fp, ", sentence %ld: repeats of ", d->n);
		if (d->oknown) {
			fputs("<a href=\"", fp);
			page_sent_href(fp, r, d->odoc, d->on, "#repeats");
			fputs("\"><em>", fp);
			page_docname(fp, r, d->odoc);
			fprintf(fp, "</em>, sentence %ld</a>", d->on);
		} else {
			fputs("a document not in these records", fp);
		}
		fputs(" (similarity ", fp);
		page_bdi(fp, d->sim, strlen(d->sim), sizeof d->sim);
		fputs(")</small></span></li>\n", fp);
	}
	fputs("</ul></section>\n", fp);
}

void
page_documents(FILE *fp, struct report *r)
{
	size_t i, max = (size_t)r->top * 10;

	fputs("<section id=\"docs\"><h2>Documents</h2>\n<input class=\"filter\" data-for=\"#tdocs\" placeholder=\"Filter documents\xe2\x80\xa6\">\n"
	    "<div class=\"wrap\"><table id=\"tdocs\" class=\"sort\"><thead><tr><th>Outlet</th><th>Document</th><th>Published</th>"
	    "<th class=\"num\">Sentences</th><th class=\"num\">Entities</th><th class=\"num\">Quotes</th>"
	    "<th class=\"num\">Repeats</th></tr></thead><tbody>\n", fp);
	for (i = 0; i < r->docs.n && i < max; i++) {
		struct doc *d = &r->doc[i];

		fputs("<tr><td>", fp);
		page_outlet(fp, r, d->outlet);
		fputs("</td><td>", fp);
		if (d->text)
			fprintf(fp, "<a href=\"#d%zu\">", i);
		if (d->title)
			page_name(fp, d->title, strlen(d->title));
		else
			page_docname(fp, r, i);
		fputs(d->text ? "</a></td><td>" : "</td><td>", fp);
		page_bdi(fp, d->dct, strlen(d->dct), sizeof d->dct);
		fprintf(fp, "</td><td class=\"num\" data-v=\"%ld\">%ld</td><td class=\"num\" data-v=\"%ld\">%ld</td>"
		    "<td class=\"num\" data-v=\"%ld\">%ld</td><td class=\"num\" data-v=\"%ld\">%ld</td></tr>\n",
		    d->sents, d->sents, d->ents, d->ents, d->quotes, d->quotes, d->dups, d->dups);
	}
	fputs("</tbody></table></div>\n", fp);
	if (r->docs.n > max)
		fprintf(fp, "<p class=\"muted\">%zu more documents are left out.</p>\n", r->docs.n - max);
	fputs("</section>\n", fp);
}

void
page_articles(FILE *fp, struct report *r)
{
	char chunk[65536];
	size_t n, t;

	fputs("<section id=\"articles\" class=\"hl-e hl-d hl-q hl-r\"><h2>The articles</h2>\n"
	    "<p class=\"lead\">Each document's text, with what the pipeline found in it; hover over a mark for its value.</p>\n"
	    "<div class=\"toolbar\"><label><input type=\"checkbox\" value=\"hl-e\" checked> entities</label>", fp);
	for (t = 0; t < r->types.n; t++) {
		fprintf(fp, "<span class=\"t%zu\" style=\"margin-right:10px\"><i class=\"sw\" style=\"background:var(--c)\"></i>", t);
		page_bdi(fp, r->types.key[t], r->types.klen[t], 20);
		fputs("</span>", fp);
	}
	fputs("<label><input type=\"checkbox\" value=\"hl-d\" checked> <mark class=\"dt\">dates</mark></label>"
	    "<label><input type=\"checkbox\" value=\"hl-q\" checked> <span class=\"q\">quotations</span></label>"
	    "<label><input type=\"checkbox\" value=\"hl-r\" checked> <span class=\"dup\">repeated sentences</span></label></div>\n", fp);
	if (r->docs_left_out)
		fprintf(fp, "<p class=\"muted\">The texts of %ld document%s are left out: the page holds at most %zu bytes of text (--texts).</p>\n",
		    r->docs_left_out, r->docs_left_out == 1 ? "" : "s", r->texts_max);
	if (r->art) {
		fflush(r->art);
		if (ferror(r->art) || fseek(r->art, 0, SEEK_SET) != 0)
			die(EX_ERR, "temporary file:");
		while ((n = fread(chunk, 1, sizeof chunk, r->art)) > 0)
			fwrite(chunk, 1, n, fp);
		if (ferror(r->art))
			die(EX_ERR, "temporary file:");
	}
	fputs("</section>\n", fp);
}
