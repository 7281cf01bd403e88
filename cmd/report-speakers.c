/*
 * report-speakers: the "Quoted" section of lede-report's page: who is
 * quoted, how often and in which outlet, as a chart, a table and a
 * few of their quotations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report-page.h"
#include "util.h"

/* Outlets take the palette in turn; those past it share OTHER_COLOUR. */
static const char *palette[] = {
	"#4e79a7", "#f28e2b", RED, TEAL, "#59a14f",
	"#edc948", "#b07aa1", "#ff9da7", "#9c755f",
};
#define NPAL (sizeof palette / sizeof *palette)
#define OTHER_COLOUR "#bab0ac"

static long
spout_get(struct report *r, size_t sp, size_t o, struct spout **so)
{
	uint32_t key[2] = { (uint32_t)sp, (uint32_t)o };
	long k = strtab_find(&r->spout, (const char *)key, sizeof key);

	*so = k >= 0 ? &r->spo[k] : NULL;
	return k >= 0 ? r->spo[k].quotes : 0;
}

/* The speakers as the page shows them, and the outlets with a column of their own. */
struct spview {
	struct rank *rk;	/* most quoted first; the unattributed row last of those shown */
	size_t nsp, nshow;	/* speakers in all, rows shown */
	size_t nunattr;		/* 1 if a row is the quotations with no speaker */
	size_t cols[MAXCOLS], ncols;
	int other;		/* a column for the other outlets */
};

/* The outlets that quote most get a column, up to MAXCOLS. */
static void
speakers_cols(struct report *r, struct spview *v)
{
	struct rank *ro = page_outlets(r, 1);
	size_t i;

	/* One outlet: nothing to tell apart, no column. */
	for (i = 0; r->outlets.n > 1 && i < r->outlets.n && v->ncols < MAXCOLS && ro[i].a > 0; i++)
		v->cols[v->ncols++] = ro[i].i;
	v->other = r->outlets.n > 1 && r->outlets.n > v->ncols;
	free(ro);
}

/* The speakers by quotations, then words; the top N shown. */
static void
speakers_rank(struct report *r, struct spview *v)
{
	struct rank *rk = v->rk = xcalloc(r->speakers.n + 1, sizeof *rk);
	size_t i, nsp = 0, nshow;

	for (i = 0; i < r->speakers.n; i++) {
		rk[nsp].a = r->sp[i].quotes;
		rk[nsp].b = r->sp[i].words;
		rk[nsp].i = i;
		rk[nsp].name = r->speakers.key[i];
		nsp++;
	}
	qsort(rk, nsp, sizeof *rk, page_rank_cmp);
	nshow = nsp < (size_t)r->top ? nsp : (size_t)r->top;
	/* Quotations with no speaker: a row of their own, after the top N. */
	for (i = 0; i < nsp && r->speakers.klen[rk[i].i] != 0; i++)
		;
	if (i < nsp) {
		struct rank u = rk[i];

		memmove(rk + i, rk + i + 1, (nsp - i - 1) * sizeof *rk);
		nshow = nsp - 1 < (size_t)r->top ? nsp - 1 : (size_t)r->top;
		memmove(rk + nshow + 1, rk + nshow, (nsp - 1 - nshow) * sizeof *rk);
		rk[nshow++] = u;
		v->nunattr = 1;
	}
	v->nsp = nsp;
	v->nshow = nshow;
}

/* The colours of the outlets' columns, and of the others. */
static void
outlet_legend(FILE *fp, struct report *r, const struct spview *v)
{
	size_t i;

	if (r->outlets.n < 2)
		return;		/* one outlet: nothing to tell apart */
	fputs("<div class=\"legend\">", fp);
	for (i = 0; i < v->ncols; i++) {
		fprintf(fp, "<span><i class=\"sw\" style=\"background:%s\"></i>", palette[i % NPAL]);
		page_outlet(fp, r, v->cols[i]);
		fputs("</span>", fp);
	}
	if (v->other)
		fputs("<span><i class=\"sw\" style=\"background:" OTHER_COLOUR "\"></i>other outlets</span>", fp);
	fputs("</div>\n", fp);
}

/* Row j of the chart: the bar of the speaker rk[i], in segments by outlet. */
static void
speaker_bar(FILE *fp, struct report *r, const struct spview *v, size_t i, size_t j, long maxq)
{
	size_t s = v->rk[i].i, c;
	double x = 230, w;
	long rest = v->rk[i].a, q;
	struct spout *so;

	fprintf(fp, "<a href=\"#sp%zu\" data-sp=\"%zu\"><text x=\"222\" y=\"%zu\" text-anchor=\"end\">",
	    s, s, j * 24 + 20);
	html_putmax(fp, r->speakers.key[s] + 1, r->speakers.klen[s] - 1, 40);
	fputs("</text>", fp);
	for (c = 0; c <= v->ncols; c++) {
		const char *colour = v->other ? OTHER_COLOUR : palette[0];

		if (c < v->ncols) {
			q = spout_get(r, s, v->cols[c], &so);
			colour = palette[c % NPAL];
		} else {
			q = rest;
		}
		rest -= c < v->ncols ? q : 0;
		if (q <= 0)
			continue;
		w = 600.0 * q / maxq;
		fprintf(fp, "<rect x=\"%.1f\" y=\"%zu\" width=\"%.1f\" height=\"18\" fill=\"%s\"><title>",
		    x, j * 24 + 6, w, colour);
		html_putmax(fp, r->speakers.key[s] + 1, r->speakers.klen[s] - 1, 80);
		fputs(" \xe2\x80\x94 ", fp);
		if (c < v->ncols)
			page_outlet_plain(fp, r, v->cols[c]);
		else if (v->other)
			fputs("other outlets", fp);
		else
			page_outlet_plain(fp, r, 0);
		fprintf(fp, ": %ld</title></rect>", q);
		x += w;
	}
	fprintf(fp, "<text x=\"%.1f\" y=\"%zu\">%ld</text></a>\n", x + 6, j * 24 + 20, v->rk[i].a);
}

/* The chart: one bar per speaker shown, in segments by outlet. */
static void
speakers_chart(FILE *fp, struct report *r, const struct spview *v)
{
	size_t i, j, nbar = 0;
	long maxq = 1;

	for (i = 0; i < v->nshow; i++)
		if (sp_kind(r, v->rk[i].i) == 'n' && v->rk[i].a > maxq)
			maxq = v->rk[i].a;
	for (i = 0; i < v->nshow; i++)
		nbar += sp_kind(r, v->rk[i].i) == 'n';
	outlet_legend(fp, r, v);
	fprintf(fp, "<div class=\"chart\"><svg viewBox=\"0 0 900 %zu\" width=\"900\" role=\"img\" aria-label=\"quotations by speaker\">\n",
	    nbar * 24 + 8);
	for (i = j = 0; i < v->nshow; i++) {
		if (sp_kind(r, v->rk[i].i) != 'n')
			continue;	/* the chart shows the named */
		speaker_bar(fp, r, v, i, j, maxq);
		j++;
	}
	fputs("</svg></div>\n", fp);
}

/* A row of the table: the speaker rk[i], the counts, a cell per outlet column. */
static void
speaker_row(FILE *fp, struct report *r, const struct spview *v, size_t i)
{
	size_t s = v->rk[i].i, j;
	long rest = v->rk[i].a, q;
	struct spout *so;

	fprintf(fp, "<tr><td><a href=\"#sp%zu\" data-sp=\"%zu\">", s, s);
	page_speaker(fp, r, s);
	fprintf(fp, "</a></td><td class=\"num\" data-v=\"%ld\">%ld</td><td class=\"num\" data-v=\"%ld\">%ld</td>"
	    "<td class=\"num\" data-v=\"%ld\">%ld</td>",
	    v->rk[i].a, v->rk[i].a, v->rk[i].b, v->rk[i].b, r->sp[s].docs, r->sp[s].docs);
	for (j = 0; j < v->ncols; j++) {
		q = spout_get(r, s, v->cols[j], &so);
		rest -= q;
		if (!q) {
			fputs("<td class=\"num\" data-v=\"0\"></td>", fp);
			continue;
		}
		fprintf(fp, "<td class=\"num\" data-v=\"%ld\"><a href=\"", q);
		page_sent_href(fp, r, so->doc, so->n, "");
		if (!r->doc[so->doc].text)
			fprintf(fp, "#sp%zu", s);
		fprintf(fp, "\" data-sp=\"%zu\" data-o=\"%zu\">%ld</a> <small>%ld&nbsp;w</small></td>",
		    s, v->cols[j], q, so->words);
	}
	if (v->other && rest > 0)
		fprintf(fp, "<td class=\"num\" data-v=\"%ld\"><a href=\"#sp%zu\">%ld</a></td>", rest, s, rest);
	else if (v->other)
		fputs("<td class=\"num\" data-v=\"0\"></td>", fp);
	fputs("</tr>\n", fp);
}

/* The table of the speakers shown, sortable and filtered by name. */
static void
speakers_table(FILE *fp, struct report *r, const struct spview *v)
{
	size_t i;

	fputs("<input class=\"filter\" data-for=\"#tquoted\" placeholder=\"Filter speakers\xe2\x80\xa6\">\n"
	    "<div class=\"wrap\"><table id=\"tquoted\" class=\"sort\"><thead><tr><th>Speaker</th><th class=\"num\">Quotes</th>"
	    "<th class=\"num\">Words</th><th class=\"num\">Docs</th>", fp);
	for (i = 0; i < v->ncols; i++) {
		fprintf(fp, "<th class=\"num o\" title=\"");
		page_outlet_plain(fp, r, v->cols[i]);
		fprintf(fp, "\"><i class=\"sw\" style=\"background:%s\"></i>", palette[i % NPAL]);
		if (r->outlets.klen[v->cols[i]])
			page_bdi(fp, r->outlets.key[v->cols[i]], r->outlets.klen[v->cols[i]], 24);
		else
			fputs("none named", fp);
		fputs("</th>", fp);
	}
	if (v->other)
		fputs("<th class=\"num\">Other</th>", fp);
	fputs("</tr></thead><tbody>\n", fp);
	for (i = 0; i < v->nshow; i++)
		speaker_row(fp, r, v, i);
	fputs("</tbody></table></div>\n", fp);
	if (v->nsp > v->nshow)
		fprintf(fp, "<p class=\"muted\">%zu more speaker%s left out (--top %d).</p>\n", v->nsp - v->nshow,
		    v->nsp - v->nshow == 1 ? " is" : "s are", r->top);
}

/* What they said: the sample quotations of each speaker shown. */
static void
speakers_said(FILE *fp, struct report *r, const struct spview *v)
{
	size_t i;

	fputs("<h3 style=\"margin-top:14px\">What they said</h3>\n", fp);
	for (i = 0; i < v->nshow; i++) {
		size_t s = v->rk[i].i;
		struct speaker *sp = &r->sp[s];
		int k;

		fprintf(fp, "<details id=\"sp%zu\"%s><summary>", s, i < 3 ? " open" : "");
		page_speaker(fp, r, s);
		fprintf(fp, " <span class=\"muted\">\xe2\x80\x94 %ld quote%s, %ld words, in %ld document%s</span></summary><ul>\n",
		    sp->quotes, sp->quotes == 1 ? "" : "s", sp->words, sp->docs, sp->docs == 1 ? "" : "s");
		for (k = 0; k < sp->nsamp; k++) {
			fputs("<li>\xe2\x80\x9c", fp);
			page_bdi(fp, sp->samp[k].text, strlen(sp->samp[k].text), SAMPLE_BYTES + 3);
			fputs("\xe2\x80\x9d <span class=\"src\">\xe2\x80\x94 ", fp);
			if (r->outlets.klen[sp->sout[k]]) {
				page_outlet(fp, r, sp->sout[k]);
				fputs(", ", fp);
			}
			if (r->doc[sp->samp[k].doc].text) {
				fputs("<a href=\"", fp);
				page_sent_href(fp, r, sp->samp[k].doc, sp->samp[k].n, "");
				fputs("\">", fp);
			}
			page_docname(fp, r, sp->samp[k].doc);
			fprintf(fp, ", sentence %ld", sp->samp[k].n);
			if (r->doc[sp->samp[k].doc].text)
				fputs("</a>", fp);
			fputs("</span></li>\n", fp);
		}
		if (sp->quotes > sp->nsamp)
			fprintf(fp, "<li class=\"muted\">and %ld more</li>\n", sp->quotes - sp->nsamp);
		fputs("</ul></details>\n", fp);
	}
}

void
page_speakers(FILE *fp, struct report *r)
{
	struct spview v = { 0 };

	speakers_rank(r, &v);
	speakers_cols(r, &v);
	fputs("<section id=\"quoted\"><h2>Who is quoted</h2>\n", fp);
	if (v.nsp == 0) {
		fputs("<p class=\"lead\">No quotation in these records: run lede-extract-quotes in the pipeline.</p></section>\n", fp);
		free(v.rk);
		return;
	}
	fprintf(fp, "<p class=\"lead\">%ld quotations from %zu named speakers", r->nquotes, page_named(r, 'n'));
	if (page_named(r, 'd'))
		fprintf(fp, " and %zu described but not named", page_named(r, 'd'));
	fprintf(fp, "; the %zu quoted most%s. "
	    "A bar or a number leads to the quotes themselves; a quotation in the articles names its speaker "
	    "when the pointer rests on it.</p>\n", v.nshow - v.nunattr, v.ncols ? ", by outlet" : "");
	speakers_chart(fp, r, &v);
	speakers_table(fp, r, &v);
	speakers_said(fp, r, &v);
	fputs("</section>\n", fp);
	free(v.rk);
}
