/*
 * report-page: the page itself, written once every record is read:
 * speakers, entities, dates, repeats and the documents, then the
 * articles kept in the temporary file, inline CSS and SVG, and a few
 * lines of JavaScript that sort and filter the tables.  The style sheet
 * and the script are cmd/report-page.css and cmd/report-page.js, built
 * into report-assets.h (css[], js[]) by scripts/embed.  This file writes
 * the frame of the page and "Named", and holds what the sections share;
 * the other sections are in the modules report-page.h names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report-assets.h"
#include "report-page.h"
#include "util.h"

/* Entity types take a bright colour and its tint, as custom properties (--c, --b). */
static const char *bright[] = { "#1f5c99", "#d9480f", "#2b8a3e", "#862e9c", "#b08900",
	"#0b7285", "#c2255c", "#5c940d", "#495057" };
static const char *tint[] = { "#e3eefa", "#fdebe0", "#e3f4e6", "#f1e4f6", "#fbf2d5",
	"#dff3f6", "#fbe3ec", "#ecf5de", "#eceeF0" };
#define NTYPE (sizeof bright / sizeof *bright)

int
page_rank_cmp(const void *x, const void *y)
{
	const struct rank *p = x, *q = y;

	if (p->a != q->a)
		return p->a > q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b > q->b ? -1 : 1;
	return strcmp(p->name, q->name);
}

/*
 * The outlets ranked, most first: by articles, then quotations, or with
 * quotes set the other way round.  The caller frees the array.
 */
struct rank *
page_outlets(const struct report *r, int quotes)
{
	struct rank *ro = xcalloc(r->outlets.n + 1, sizeof *ro);
	size_t i;

	for (i = 0; i < r->outlets.n; i++) {
		ro[i].a = quotes ? r->outlet[i].quotes : r->outlet[i].docs;
		ro[i].b = quotes ? r->outlet[i].docs : r->outlet[i].quotes;
		ro[i].i = i;
		ro[i].name = r->outlets.key[i];
	}
	qsort(ro, r->outlets.n, sizeof *ro, page_rank_cmp);
	return ro;
}

int
page_chrono_cmp(const void *x, const void *y)
{
	const struct rank *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return strcmp(p->name, q->name);
}

/*
 * Text from the records in the page's own text is isolated in <bdi>, so
 * that a bidirectional override in it (U+202E) cannot reorder what
 * follows; in an attribute or in SVG it is only escaped.
 */
void
page_bdi(FILE *fp, const char *s, size_t n, size_t max)
{
	fputs("<bdi>", fp);
	html_putmax(fp, s, n, max);
	fputs("</bdi>", fp);
}

void
page_name(FILE *fp, const char *s, size_t n)
{
	page_bdi(fp, s, n, 120);
}

void
page_plain(FILE *fp, const char *s, size_t n)
{
	html_putmax(fp, s, n, 120);
}

/* A speaker: named, described (no name, but words for them), or neither. */
void
page_speaker(FILE *fp, struct report *r, size_t i)
{
	switch (sp_kind(r, i)) {
	case 'n':
		page_name(fp, r->speakers.key[i] + 1, r->speakers.klen[i] - 1);
		break;
	case 'd':
		fputs("<span class=\"unattr\">(described: ", fp);
		page_name(fp, r->speakers.key[i] + 1, r->speakers.klen[i] - 1);
		fputs(")</span>", fp);
		break;
	default:
		fputs("<span class=\"unattr\">(no speaker found)</span>", fp);
	}
}

/* An outlet: the meta.source of its documents; "" for those with none. */
void
page_outlet(FILE *fp, struct report *r, size_t o)
{
	if (r->outlets.klen[o] == 0)
		fputs("<span class=\"unattr\">(no outlet named)</span>", fp);
	else
		page_name(fp, r->outlets.key[o], r->outlets.klen[o]);
}

void
page_outlet_plain(FILE *fp, struct report *r, size_t o)
{
	if (r->outlets.klen[o] == 0)
		fputs("(no outlet named)", fp);
	else
		page_plain(fp, r->outlets.key[o], r->outlets.klen[o]);
}

/* A link to a sentence, or to a fallback when its text is not on the page. */
void
page_sent_href(FILE *fp, struct report *r, size_t doc, long n, const char *alt)
{
	if (r->doc[doc].text)
		fprintf(fp, "#s%zu-%ld", doc, n);
	else
		fputs(alt, fp);
}

void
page_docname(FILE *fp, struct report *r, size_t doc)
{
	const char *k = r->docs.key[doc], *b = k;
	size_t i;

	for (i = 0; i < r->docs.klen[doc]; i++)
		if (k[i] == '/')
			b = k + i + 1;
	page_name(fp, b, r->docs.klen[doc] - (b - k));
}

/* The number of speakers of a kind ('n' named, 'd' described). */
size_t
page_named(struct report *r, int kind)
{
	size_t i, n = 0;

	for (i = 0; i < r->speakers.n; i++)
		n += sp_kind(r, i) == kind;
	return n;
}

static void
entities(FILE *fp, struct report *r)
{
	struct rank *rt = xcalloc(r->types.n + 1, sizeof *rt);
	struct rank *re = xcalloc(r->ents.n + 1, sizeof *re);
	size_t t, i, n;

	fputs("<section id=\"named\"><h2>Who is named</h2>\n", fp);
	if (r->ents.n == 0) {
		fputs("<p class=\"lead\">No entity in these records: run lede-tag-entities in the pipeline.</p></section>\n", fp);
		free(rt);
		free(re);
		return;
	}
	fprintf(fp, "<p class=\"lead\">%ld mentions of %zu entities, by type: the %d mentioned most of each, "
	    "and in how many documents.", r->nents, r->ents.n, r->top);
	if (r->outlets.n > 1)
		fputs(" <span class=\"badge\">one outlet</span> marks those that only one outlet names.", fp);
	fputs("</p>\n<input class=\"filter\" data-for=\"#named table\" placeholder=\"Filter names\xe2\x80\xa6\">\n<div class=\"grid\">\n", fp);
	for (t = 0; t < r->types.n; t++) {
		rt[t].a = r->typecount[t];
		rt[t].i = t;
		rt[t].name = r->types.key[t];
	}
	qsort(rt, r->types.n, sizeof *rt, page_rank_cmp);
	for (t = 0; t < r->types.n; t++) {
		size_t ty = rt[t].i, shown = 0;

		for (i = n = 0; i < r->ents.n; i++) {
			if (r->ent[i].type != ty)
				continue;
			re[n].a = r->ent[i].mentions;
			re[n].b = r->ent[i].docs;
			re[n].i = i;
			re[n].name = r->ents.key[i] + 4;
			n++;
		}
		if (n == 0)
			continue;
		qsort(re, n, sizeof *re, page_rank_cmp);
		fprintf(fp, "<div class=\"card\"><h3><span><i class=\"sw t%zu\" style=\"background:var(--c)\"></i>", ty);
		page_name(fp, r->types.key[ty], r->types.klen[ty]);
		fprintf(fp, "</span><small class=\"muted\">%zu names, %ld mentions</small></h3>\n"
		    "<div class=\"wrap\"><table class=\"sort\"><thead><tr><th>Name</th><th class=\"num\">Mentions</th><th class=\"num\">Docs</th></tr></thead><tbody>\n",
		    n, rt[t].a);
		for (i = 0; i < n && shown < (size_t)r->top; i++, shown++) {
			struct entity *en = &r->ent[re[i].i];

			fputs("<tr><td>", fp);
			page_name(fp, r->ents.key[re[i].i] + 4, r->ents.klen[re[i].i] - 4);
			if (!en->multi && r->outlets.n > 1) {
				fputs(" <span class=\"badge\" title=\"only ", fp);
				page_outlet_plain(fp, r, en->outlet);
				fputs(" names it\">one outlet</span>", fp);
			}
			fprintf(fp, "</td><td class=\"num\" data-v=\"%ld\">%ld</td><td class=\"num\" data-v=\"%ld\">%ld</td></tr>\n",
			    en->mentions, en->mentions, en->docs, en->docs);
		}
		fputs("</tbody></table></div>", fp);
		if (n > shown)
			fprintf(fp, "<p class=\"muted\">and %zu more</p>", n - shown);
		fputs("</div>\n", fp);
	}
	fputs("</div></section>\n", fp);
	free(rt);
	free(re);
}

static void
put_stat(FILE *fp, long n, const char *what)
{
	fprintf(fp, "<div class=\"stat\"><b>%ld</b><span>%s</span></div>", n, what);
}

void
report_write(struct report *r, FILE *fp, const char *title)
{
	size_t t;

	report_close(r);
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"lede-report " LEDE_VERSION "\">\n<title>", fp);
	html_put(fp, title, strlen(title));
	fputs("</title>\n<style>", fp);
	fputs(css, fp);
	for (t = 0; t < r->types.n; t++)
		fprintf(fp, ".t%zu{--c:%s;--b:%s}", t, bright[t % NTYPE], tint[t % NTYPE]);
	fputs("</style>\n</head><body>\n<header class=\"top\"><h1>", fp);
	html_put(fp, title, strlen(title));
	fprintf(fp, "</h1><p>%zu article%s from %zu outlet%s, read by the lede pipeline.</p><div class=\"stats\">",
	    r->docs.n, r->docs.n == 1 ? "" : "s", r->outlets.n, r->outlets.n == 1 ? "" : "s");
	put_stat(fp, (long)r->docs.n, "articles");
	put_stat(fp, r->nrec_all, "sentences");
	put_stat(fp, r->nquotes, "quotations");
	put_stat(fp, (long)page_named(r, 'n'), "named speakers");
	put_stat(fp, (long)r->ents.n, "entities");
	put_stat(fp, r->ndates, "date mentions");
	put_stat(fp, page_whole_repeats(r, NULL) + (r->dropcols == 2 ? r->ndropped : 0), "repeated articles");
	put_stat(fp, r->ndups + (r->dropcols == 4 ? r->ndropped : 0), "repeated sentences");
	fputs("</div></header>\n<nav><a href=\"#quoted\">Quoted</a><a href=\"#named\">Named</a><a href=\"#when\">When</a>"
	    "<a href=\"#repeats\">Repeats</a><a href=\"#docs\">Documents</a><a href=\"#articles\">Articles</a></nav>\n<main>\n", fp);
	page_speakers(fp, r);
	entities(fp, r);
	page_dates(fp, r);
	page_repeats(fp, r);
	page_documents(fp, r);
	page_articles(fp, r);
	fputs("</main>\n<footer>Made by lede-report " LEDE_VERSION " from JSON Lines records; "
	    "every figure links back to its sentence.</footer>\n<script>", fp);
	fputs(js, fp);
	fputs("</script>\n</body></html>\n", fp);
}
