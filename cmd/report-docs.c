/*
 * report-docs: the last sections of lede-report's page: the repeats
 * (sentences found again, by pair of outlets), the table of documents,
 * and the articles kept in the temporary file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report-page.h"
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
	struct rank *ro = xcalloc(r->outlets.n + 1, sizeof *ro);
	size_t i, ntop = 0;

	for (i = 0; i < r->outlets.n; i++) {
		ro[i].a = r->outlet[i].docs;
		ro[i].b = r->outlet[i].quotes;
		ro[i].i = i;
		ro[i].name = r->outlets.key[i];
	}
	qsort(ro, r->outlets.n, sizeof *ro, page_rank_cmp);
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

void
page_repeats(FILE *fp, struct report *r)
{
	size_t i;

	fputs("<section id=\"repeats\"><h2>Repeated sentences</h2>\n", fp);
	if (r->ndups == 0) {
		fputs("<p class=\"lead\">No sentence here is marked as a repeat of an earlier one "
		    "(lede-dedupe --mark marks them).</p></section>\n", fp);
		return;
	}
	fprintf(fp, "<p class=\"lead\">%ld of %ld sentences (%.1f%%) repeat an earlier one: %ld word for word, "
	    "%ld nearly. Shared wire copy shows up as pairs of outlets.</p>\n",
	    r->ndups, r->nrec_all, 100.0 * r->ndups / (r->nrec_all ? r->nrec_all : 1), r->nexact, r->ndups - r->nexact);
	repeats_pairs(fp, r);
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
