/*
 * report-when: the "When" section of lede-report's page: the timeline
 * (report-timeline.c), the dates and quotations period by period, and
 * the table of dates.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "report-page.h"
#include "util.h"

/*
 * "When", by period: a week when the axis spans two months or less,
 * else a month.  An item is a date named (a day, week or month) or the
 * quotations of a day.
 */
struct pitem {
	long key;		/* the period */
	long day;
	int quotes;		/* 1: r->qd[i], 0: r->date[i] */
	size_t i;
};

static int
pitem_cmp(const void *x, const void *y)
{
	const struct pitem *p = x, *q = y;

	if (p->key != q->key)
		return p->key < q->key ? -1 : 1;
	if (p->day != q->day)
		return p->day < q->day ? -1 : 1;
	return p->quotes - q->quotes;
}

static long
period_of(long day, int weeks)
{
	long y;
	unsigned m, d;

	if (weeks)
		return (day + 3) / 7;	/* weeks from Monday, 1969-12-29 */
	civil_from_days(day, &y, &m, &d);
	return y * 12 + (long)m - 1;
}

static void
period_name(FILE *fp, long key, int weeks)
{
	long y;
	unsigned m, d;

	if (!weeks) {
		fprintf(fp, "%s %ld", page_month_names[key % 12], key / 12);
		return;
	}
	civil_from_days(key * 7 - 3, &y, &m, &d);
	fprintf(fp, "week of %s %u, %ld", page_months[m - 1], d, y);
}

struct period {
	long key, mentions, quotes;
	size_t b, e;		/* its items */
};

#define MAXPERIODS 24		/* shown, those with most mentions and quotations */
#define PERIOD_ITEMS 6		/* dates and quotations shown in each */

/* The events of a period: its dates named, most mentioned first. */
static void
period_dates(FILE *fp, struct report *r, const struct pitem *it, const struct period *p)
{
	struct rank rk[PERIOD_ITEMS];
	size_t i, n = 0, j;

	for (i = p->b; i < p->e; i++) {
		struct date *dt;

		if (it[i].quotes)
			continue;
		dt = &r->date[it[i].i];
		if (n == PERIOD_ITEMS && dt->mentions <= rk[n - 1].a)
			continue;
		j = n < PERIOD_ITEMS ? n++ : n - 1;
		for (; j > 0 && rk[j - 1].a < dt->mentions; j--)
			rk[j] = rk[j - 1];
		rk[j].a = dt->mentions;
		rk[j].i = it[i].i;
	}
	if (n == 0)
		return;
	fputs("<div><h4>Dates named</h4><ul>\n", fp);
	for (i = 0; i < n; i++) {
		struct date *dt = &r->date[rk[i].i];

		fputs("<li><b>", fp);
		page_name(fp, r->dates.key[rk[i].i], r->dates.klen[rk[i].i]);
		fprintf(fp, "</b> <span class=\"muted\">%ld\xc3\x97</span>", dt->mentions);
		if (dt->nsamp) {
			fputs(" ", fp);
			if (r->doc[dt->samp[0].doc].text) {
				fputs("<a href=\"", fp);
				page_sent_href(fp, r, dt->samp[0].doc, dt->samp[0].n, "");
				fputs("\">", fp);
			}
			page_bdi(fp, dt->samp[0].text, strlen(dt->samp[0].text), 160);
			if (r->doc[dt->samp[0].doc].text)
				fputs("</a>", fp);
		}
		fputs("</li>\n", fp);
	}
	fputs("</ul></div>\n", fp);
}

/* The quotations of a period, in time order. */
static void
period_quotes(FILE *fp, struct report *r, const struct pitem *it, const struct period *p)
{
	size_t i;
	int k, shown = 0;

	if (p->quotes == 0)
		return;
	fputs("<div><h4>Quotations</h4><ul>\n", fp);
	for (i = p->b; i < p->e && shown < PERIOD_ITEMS; i++) {
		struct qday *q;

		if (!it[i].quotes)
			continue;
		q = &r->qd[it[i].i];
		for (k = 0; k < q->nsamp && shown < PERIOD_ITEMS; k++, shown++) {
			fputs("<li>\xe2\x80\x9c", fp);
			page_bdi(fp, q->samp[k].text, strlen(q->samp[k].text), 200);
			fputs("\xe2\x80\x9d <span class=\"src\">\xe2\x80\x94 ", fp);
			page_speaker(fp, r, q->sp[k]);
			fputs(", ", fp);
			if (r->doc[q->samp[k].doc].text) {
				fputs("<a href=\"", fp);
				page_sent_href(fp, r, q->samp[k].doc, q->samp[k].n, "");
				fputs("\">", fp);
			}
			page_docname(fp, r, q->samp[k].doc);
			if (r->doc[q->samp[k].doc].text)
				fputs("</a>", fp);
			fputs("</span></li>\n", fp);
		}
	}
	if (p->quotes > shown)
		fprintf(fp, "<li class=\"muted\">and %ld more</li>\n", p->quotes - shown);
	fputs("</ul></div>\n", fp);
}

static int
period_rank(const void *x, const void *y)
{
	const struct period *p = x, *q = y;
	long a = p->mentions + p->quotes, b = q->mentions + q->quotes;

	if (a != b)
		return a > b ? -1 : 1;
	return p->key < q->key ? -1 : p->key > q->key;
}

static int
period_chrono(const void *x, const void *y)
{
	const struct period *p = x, *q = y;

	return p->key < q->key ? -1 : p->key > q->key;
}

static void
periods(FILE *fp, struct report *r, const struct axis *ax)
{
	struct pitem *it = xcalloc(r->dates.n + r->qdays.n + 1, sizeof *it);
	struct period *pr;
	size_t i, n = 0, np = 0, shown;
	long busiest;
	int weeks = ax->lo >= 0 && ax->hi - ax->lo <= 62;

	for (i = 0; i < r->dates.n; i++) {
		struct date *dt = &r->date[i];

		if (dt->d0 < 0 || dt->d1 - dt->d0 > 31)
			continue;
		it[n].key = period_of(dt->d0, weeks);
		it[n].day = dt->d0;
		it[n].i = i;
		n++;
	}
	for (i = 0; i < r->qdays.n; i++) {
		it[n].key = period_of(r->qd[i].day, weeks);
		it[n].day = r->qd[i].day;
		it[n].quotes = 1;
		it[n].i = i;
		n++;
	}
	if (n == 0) {
		free(it);
		return;
	}
	qsort(it, n, sizeof *it, pitem_cmp);
	pr = xcalloc(n, sizeof *pr);
	for (i = 0; i < n; i++) {
		if (i == 0 || it[i].key != it[i - 1].key) {
			pr[np].key = it[i].key;
			pr[np].b = i;
			np++;
		}
		pr[np - 1].e = i + 1;
		if (it[i].quotes)
			pr[np - 1].quotes += r->qd[it[i].i].quotes;
		else
			pr[np - 1].mentions += r->date[it[i].i].mentions;
	}
	shown = np < MAXPERIODS ? np : MAXPERIODS;
	qsort(pr, np, sizeof *pr, period_rank);
	busiest = pr[0].key;
	qsort(pr, shown, sizeof *pr, period_chrono);
	fprintf(fp, "<h3 style=\"margin-top:14px\">By %s</h3>\n<p class=\"muted\">The dates named in each %s, and the quotations "
	    "of its articles (by publication date, else by the date their sentence names).",
	    weeks ? "week" : "month", weeks ? "week" : "month");
	if (np > shown)
		fprintf(fp, " The %zu %ss with most mentions and quotations of %zu.", shown, weeks ? "week" : "month", np);
	fputs("</p>\n", fp);
	for (i = 0; i < shown; i++) {
		fprintf(fp, "<details class=\"per\" id=\"p%ld\"%s><summary>", pr[i].key,
		    shown <= 3 || pr[i].key == busiest ? " open" : "");
		period_name(fp, pr[i].key, weeks);
		fprintf(fp, " <span class=\"muted\">\xe2\x80\x94 %ld date mention%s, %ld quotation%s</span></summary><div class=\"pcols\">\n",
		    pr[i].mentions, pr[i].mentions == 1 ? "" : "s", pr[i].quotes, pr[i].quotes == 1 ? "" : "s");
		period_dates(fp, r, it, &pr[i]);
		period_quotes(fp, r, it, &pr[i]);
		fputs("</div></details>\n", fp);
	}
	free(pr);
	free(it);
}

void
page_dates(FILE *fp, struct report *r)
{
	struct rank *rd = xcalloc(r->dates.n + 1, sizeof *rd), *rm;
	struct axis ax = { .lo = -1, .hi = -1 };
	size_t i, nd = 0, n;
	int k;

	for (i = 0; i < r->dates.n; i++) {
		if (r->date[i].d0 < 0)
			continue;
		rd[nd].a = r->date[i].mentions;
		rd[nd].b = r->date[i].docs;
		rd[nd].i = i;
		rd[nd].name = r->dates.key[i];
		nd++;
	}
	/* The top N by mentions, then in time order. */
	qsort(rd, nd, sizeof *rd, page_rank_cmp);
	n = nd < (size_t)r->top * 2 ? nd : (size_t)r->top * 2;
	rm = rd;
	for (i = 0; i < n; i++) {
		rm[i].a = r->date[rd[i].i].d0;
		rm[i].b = r->date[rd[i].i].d1;
	}
	qsort(rm, n, sizeof *rm, page_chrono_cmp);

	fputs("<section id=\"when\"><h2>When</h2>\n", fp);
	fprintf(fp, "<p class=\"lead\">The dates the articles refer to (%zu resolved dates; durations and dates "
	    "of unknown year left out), with each article's publication date. A point leads to its sentences.</p>\n", nd);
	page_timeline(fp, r, rm, n, &ax);
	periods(fp, r, &ax);
	if (nd == 0) {
		fputs("<p class=\"muted\">No resolved date in these records.</p></section>\n", fp);
		free(rd);
		return;
	}
	fprintf(fp, "<details class=\"alld\"><summary>The %zu dates named most</summary>\n", n);
	fputs("<div class=\"wrap\"><table class=\"sort\"><thead><tr><th>Date</th><th class=\"num\">Mentions</th><th class=\"num\">Docs</th><th>Where</th></tr></thead><tbody>\n", fp);
	for (i = 0; i < n; i++) {
		struct date *dt = &r->date[rm[i].i];

		fprintf(fp, "<tr id=\"t%zu\"><td data-v=\"%ld\"><b>", rm[i].i, dt->d0);
		page_name(fp, r->dates.key[rm[i].i], r->dates.klen[rm[i].i]);
		fprintf(fp, "</b></td><td class=\"num\" data-v=\"%ld\">%ld</td><td class=\"num\" data-v=\"%ld\">%ld</td><td>",
		    dt->mentions, dt->mentions, dt->docs, dt->docs);
		for (k = 0; k < dt->nsamp; k++) {
			fputs(k ? "<br>" : "", fp);
			if (r->doc[dt->samp[k].doc].text) {
				fputs("<a href=\"", fp);
				page_sent_href(fp, r, dt->samp[k].doc, dt->samp[k].n, "");
				fputs("\">", fp);
			}
			page_bdi(fp, dt->samp[k].text, strlen(dt->samp[k].text), 160);
			if (r->doc[dt->samp[k].doc].text)
				fputs("</a>", fp);
			fputs(" <small>", fp);
			page_docname(fp, r, dt->samp[k].doc);
			fputs("</small>", fp);
		}
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table></div>", fp);
	if (nd > n)
		fprintf(fp, "<p class=\"muted\">%zu less mentioned dates are left out.</p>", nd - n);
	fputs("</details></section>\n", fp);
	free(rd);
}
