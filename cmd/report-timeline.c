/*
 * report-timeline: the timeline at the head of "When" on lede-report's
 * page, an SVG of the dates named and the days of publication.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "report-page.h"
#include "util.h"

/* Days named, longer spans (the palette's teal), publication dates (red). */
#define DAY_COLOUR "#2a9d5c"
#define DAY_STROKE "#1e6e41"
#define SPAN_COLOUR TEAL
#define PUB_COLOUR RED
#define PUB_TEXT "#b23a3c"
#define AXIS_COLOUR "#888"
#define TICK_TEXT "#666"

/* The square root, without libm. */
static double
root(long n)
{
	double x = n > 1 ? (double)n / 2 : 1;
	int i;

	for (i = 0; i < 30; i++)
		x = (x + n / x) / 2;
	return x;
}

const char *page_months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
const char *page_month_names[] = { "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December" };

#define GUTTER 84.0		/* the width of a margin of outliers */
#define AXIS_Y 130		/* y of the axis */

struct pt {
	long d, w;
};

static int
pt_cmp(const void *x, const void *y)
{
	const struct pt *p = x, *q = y;

	return p->d < q->d ? -1 : p->d > q->d;
}

static int
long_cmp(const void *x, const void *y)
{
	const long *p = x, *q = y;

	return *p < *q ? -1 : *p > *q;
}

/* The publication days, sorted; their number in *n. */
static long *
pub_days(struct report *r, size_t *n)
{
	long *pd = xcalloc(r->docs.n + 1, sizeof *pd);
	size_t i;

	*n = 0;
	for (i = 0; i < r->docs.n; i++)
		if (r->doc[i].day >= 0)
			pd[(*n)++] = r->doc[i].day;
	qsort(pd, *n, sizeof *pd, long_cmp);
	return pd;
}

static int
outlier(const struct axis *ax, long d0, long d1)
{
	return d1 < ax->olo ? -1 : d0 > ax->ohi ? 1 : 0;
}

/*
 * The range of the axis: the days named (days, weeks and months; years
 * only when there is nothing else) and the publication dates, weighted by
 * mentions and documents.  Those far outside the middle 90% of the weight
 * (three times its span, and at least 9 months) are outliers.  0 if there
 * is no date at all.
 */
static int
axis_range(struct report *r, const struct rank *rd, size_t nd, const long *pd, size_t npd,
    struct axis *ax)
{
	struct pt *p = xcalloc(nd + npd + 1, sizeof *p);
	size_t i, n = 0;
	long tot = 0, cum = 0, p5 = -1, p95 = -1, span;
	for (int pass = 0; pass < 2 && n == 0; pass++)
		for (i = 0; i < nd; i++) {
			struct date *dt = &r->date[rd[i].i];

			if (pass == 0 && dt->d1 - dt->d0 > 31)
				continue;
			p[n].d = dt->d0 + (dt->d1 - dt->d0) / 2;
			p[n++].w = dt->mentions;
		}
	for (i = 0; i < npd; i++) {
		p[n].d = pd[i];
		p[n++].w = 1;
	}
	if (n == 0) {
		free(p);
		return 0;
	}
	qsort(p, n, sizeof *p, pt_cmp);
	for (i = 0; i < n; i++)
		tot += p[i].w;
	for (i = 0; i < n; i++) {
		cum += p[i].w;
		if (p5 < 0 && cum * 20 >= tot)
			p5 = p[i].d;
		if (p95 < 0 && cum * 20 >= tot * 19)
			p95 = p[i].d;
	}
	span = p95 - p5 > 90 ? p95 - p5 : 90;
	ax->olo = p5 - 3 * span;
	ax->ohi = p95 + 3 * span;
	ax->lo = ax->hi = -1;
	ax->nleft = ax->nright = 0;
	for (i = 0; i < n; i++) {
		if (outlier(ax, p[i].d, p[i].d))
			continue;
		if (ax->lo < 0 || p[i].d < ax->lo)
			ax->lo = p[i].d;
		if (p[i].d > ax->hi)
			ax->hi = p[i].d;
	}
	free(p);
	/* The extents of what is on the axis, and the outliers. */
	for (i = 0; i < nd; i++) {
		struct date *dt = &r->date[rd[i].i];
		int o = outlier(ax, dt->d0, dt->d1);

		if (o < 0)
			ax->nleft++;
		else if (o > 0)
			ax->nright++;
		else if (dt->d1 - dt->d0 <= 31) {
			if (dt->d0 < ax->lo)
				ax->lo = dt->d0;
			if (dt->d1 > ax->hi)
				ax->hi = dt->d1;
		}
	}
	for (i = 0; i < npd; i++) {
		int o = outlier(ax, pd[i], pd[i]);

		ax->nleft += o < 0;
		ax->nright += o > 0;
	}
	return ax->lo >= 0;
}

/* A margin at each end, then ticks by days, weeks, months, quarters or years. */
static void
axis_scale(struct axis *ax)
{
	long span = ax->hi - ax->lo;

	ax->lo -= span / 30 + 1;
	ax->hi += span / 30 + 2;
	span = ax->span = ax->hi - ax->lo;
	ax->l = 30 + (ax->nleft ? GUTTER : 0);
	ax->w = 840 - (ax->nleft ? GUTTER : 0) - (ax->nright ? GUTTER : 0);
	ax->unit = span <= 45 ? 0 : span <= 800 ? 1 : 2;
	ax->tick = ax->unit == 0 ? (span <= 16 ? 1 : 7) : 1;
	if (ax->unit == 2)
		ax->tick = span / 365 > 40 ? 10 : span / 365 > 15 ? 5 : span / 365 > 7 ? 2 : 1;
	if (ax->unit == 1)
		ax->tick = span > 400 ? 3 : span > 200 ? 2 : 1;
}

/* The x of a day's start on the axis. */
static double
axis_x(const struct axis *ax, long day)
{
	return ax->l + ax->w * (double)(day - ax->lo) / (double)ax->span;
}

/* Ticks, their labels, and the years under them where a year starts. */
static void
timeline_ticks(FILE *fp, const struct axis *ax)
{
	long d, y, lasty = -1;
	unsigned m, dd;
	double x;

	for (d = ax->lo; d <= ax->hi; d++) {
		civil_from_days(d, &y, &m, &dd);
		if (ax->unit == 0 && (d - ax->lo) % ax->tick)
			continue;
		if (ax->unit == 1 && (dd != 1 || (m - 1) % ax->tick))
			continue;
		if (ax->unit == 2 && (m != 1 || dd != 1 || y % ax->tick))
			continue;
		x = axis_x(ax, d);
		fprintf(fp, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"" AXIS_COLOUR "\"/>"
		    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"" TICK_TEXT "\">",
		    x, AXIS_Y - 4, x, AXIS_Y + 4, x, AXIS_Y + 19);
		if (ax->unit == 0)
			fprintf(fp, "%s %u", page_months[m - 1], dd);
		else if (ax->unit == 1)
			fputs(page_months[m - 1], fp);
		else
			fprintf(fp, "%ld", y);
		fputs("</text>\n", fp);
		if (ax->unit < 2 && y != lasty)
			fprintf(fp, "<text class=\"yr\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%ld</text>\n",
			    x, AXIS_Y + 36, y);
		lasty = y;
	}
}

/* A date named, as a point or a bar at x0..x1 (its title and link first). */
static void
timeline_mark(FILE *fp, struct report *r, size_t id, double x0, double x1, int row, int point)
{
	struct date *dt = &r->date[id];
	double rad = 4 + 2.5 * root(dt->mentions);

	if (rad > 16)
		rad = 16;
	fprintf(fp, "<a href=\"#t%zu\"><title>", id);
	page_plain(fp, r->dates.key[id], r->dates.klen[id]);
	fprintf(fp, ": %ld mention%s in %ld document%s</title>", dt->mentions, dt->mentions == 1 ? "" : "s",
	    dt->docs, dt->docs == 1 ? "" : "s");
	if (point)
		fprintf(fp, "<circle cx=\"%.1f\" cy=\"100\" r=\"%.1f\" fill=\"" DAY_COLOUR "\" fill-opacity=\".55\" stroke=\"" DAY_STROKE "\"/>",
		    (x0 + x1) / 2, rad);
	else
		fprintf(fp, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"8\" rx=\"3\" fill=\"" SPAN_COLOUR "\" fill-opacity=\".7\"/>",
		    x0, 20 + row * 12, x1 - x0 > 2 ? x1 - x0 : 2);
	fputs("</a>\n", fp);
}

/* Dates the articles name: points for days, bars for longer. */
static void
timeline_dates(FILE *fp, struct report *r, const struct rank *rd, size_t nd, const struct axis *ax)
{
	size_t i;

	for (i = 0; i < nd; i++) {
		struct date *dt = &r->date[rd[i].i];
		long c0 = dt->d0 < ax->lo ? ax->lo : dt->d0, c1 = dt->d1 > ax->hi - 1 ? ax->hi - 1 : dt->d1;

		if (outlier(ax, dt->d0, dt->d1) || c0 > c1)
			continue;	/* in a margin, or off the axis: in the table only */
		timeline_mark(fp, r, rd[i].i, axis_x(ax, c0), axis_x(ax, c1 + 1), (int)(i % 5), dt->d0 == dt->d1);
	}
}

/* A publication day with k documents, as a triangle and its number. */
static void
timeline_pub(FILE *fp, struct report *r, long day, long k, double x)
{
	long y;
	unsigned m, d;

	civil_from_days(day, &y, &m, &d);
	fprintf(fp, "<g><title>published on %04ld-%02u-%02u: %ld document%s</title>"
	    "<path d=\"M%.1f %d l-7 12 h14 z\" fill=\"" PUB_COLOUR "\"/>"
	    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"" PUB_TEXT "\">%ld</text></g>\n",
	    y, m, d, k, k == 1 ? "" : "s", x, AXIS_Y + 44, x, AXIS_Y + 72, k);
	(void)r;
}

/* Publication dates: a triangle under the axis for each day, with its number of documents. */
static void
timeline_pubs(FILE *fp, struct report *r, const struct axis *ax, const long *pd, size_t npd)
{
	size_t i, j, drawn = 0;

	for (i = 0; i < npd && drawn <= 200; i = j) {
		for (j = i; j < npd && pd[j] == pd[i]; j++)
			;
		if (outlier(ax, pd[i], pd[i]))
			continue;
		timeline_pub(fp, r, pd[i], (long)(j - i), axis_x(ax, pd[i]) + ax->w / ax->span / 2);
		drawn++;
	}
}

/*
 * The outliers of one end (side -1 left, 1 right) in its margin, in time
 * order and evenly spaced, each with its year, behind a break in the axis.
 */
static void
timeline_margin(FILE *fp, struct report *r, const struct rank *rd, size_t nd, const long *pd, size_t npd,
    const struct axis *ax, int side, size_t n)
{
	double g0 = side < 0 ? 30 : 870 - GUTTER, x;
	size_t i, j, k = 0;
	long y, lasty = -1;
	unsigned m, d;
	int last;

	if (n == 0)
		return;
	fprintf(fp, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"" AXIS_COLOUR "\" stroke-dasharray=\"3 3\"/>"
	    "<text class=\"yr\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
	    g0 + 4, AXIS_Y, g0 + GUTTER - 12, AXIS_Y, side < 0 ? g0 + GUTTER - 6 : g0 + 6, AXIS_Y + 4,
	    "\xe2\x89\x88");
	/* Dates and publication days, merged in time order. */
	for (i = 0, j = 0; i < nd || j < npd;) {
		int isdate = j >= npd || (i < nd && r->date[rd[i].i].d0 <= pd[j]);
		long day = isdate ? r->date[rd[i].i].d0 : pd[j];
		size_t j2 = j;

		if (!isdate)
			for (j2 = j; j2 < npd && pd[j2] == pd[j]; j2++)
				;
		if (outlier(ax, day, isdate ? r->date[rd[i].i].d1 : day) == side) {
			x = g0 + 8 + (GUTTER - 24) * (n > 1 ? (double)k / (n - 1) : 0.5);
			if (isdate)
				timeline_mark(fp, r, rd[i].i, x - 3, x + 3, (int)(k % 5), 1);
			else
				timeline_pub(fp, r, day, (long)(j2 - j), x);
			civil_from_days(day, &y, &m, &d);
			last = k + (isdate ? 1 : j2 - j) >= n;
			/* The years of the first and the last; of each when there are few. */
			if (y != lasty && (n <= 3 || k == 0 || last))
				fprintf(fp, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\" fill=\"" TICK_TEXT "\">%ld</text>\n",
				    x, AXIS_Y + 19, n <= 3 ? "middle" : k == 0 ? "start" : "end", y);
			lasty = y;
			k += isdate ? 1 : j2 - j;
		}
		if (isdate)
			i++;
		else
			j = j2;
	}
}

void
page_timeline(FILE *fp, struct report *r, const struct rank *rd, size_t nd, struct axis *ax)
{
	size_t npd;
	long *pd = pub_days(r, &npd);

	if (!axis_range(r, rd, nd, pd, npd, ax)) {
		free(pd);
		return;
	}
	axis_scale(ax);
	fprintf(fp, "<div class=\"chart\"><svg viewBox=\"0 0 900 210\" width=\"900\" role=\"img\" aria-label=\"timeline\">\n"
	    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"" AXIS_COLOUR "\"/>\n",
	    ax->l, AXIS_Y, ax->l + ax->w, AXIS_Y);
	timeline_ticks(fp, ax);
	timeline_dates(fp, r, rd, nd, ax);
	timeline_pubs(fp, r, ax, pd, npd);
	timeline_margin(fp, r, rd, nd, pd, npd, ax, -1, ax->nleft);
	timeline_margin(fp, r, rd, nd, pd, npd, ax, 1, ax->nright);
	fputs("</svg></div>\n<div class=\"legend\"><span><i class=\"sw\" style=\"background:" DAY_COLOUR "\"></i>a day the articles name (size: mentions)</span>"
	    "<span><i class=\"sw\" style=\"background:" SPAN_COLOUR "\"></i>a week, month or year</span>"
	    "<span><i class=\"sw\" style=\"background:" PUB_COLOUR "\"></i>publication dates (number of articles)</span>", fp);
	if (ax->nleft + ax->nright)
		fputs("<span>\xe2\x89\x88 dates far from the rest, at the ends</span>", fp);
	fputs("</div>\n", fp);
	free(pd);
}
