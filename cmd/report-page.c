/*
 * report-page: the page itself, written once every record is read:
 * speakers, entities, dates, repeats and the documents, then the
 * articles kept in the temporary file, inline CSS and SVG, and a few
 * lines of JavaScript that sort and filter the tables.  The style sheet
 * and the script are cmd/report-page.css and cmd/report-page.js, built
 * into report-assets.h (css[], js[]) by scripts/embed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "report-assets.h"
#include "report-model.h"
#include "util.h"

#define MAXCOLS 8		/* outlets that get a column of their own */

/*
 * The colours the page's markup writes; those of its style sheet are in
 * cmd/report-page.css.  Outlets take the palette in turn; entity types
 * a bright colour and its tint, as custom properties (--c, --b).
 */
#define RED "#e15759"
#define TEAL "#76b7b2"
static const char *palette[] = {
	"#4e79a7", "#f28e2b", RED, TEAL, "#59a14f",
	"#edc948", "#b07aa1", "#ff9da7", "#9c755f",
};
#define NPAL (sizeof palette / sizeof *palette)
#define OTHER_COLOUR "#bab0ac"
static const char *bright[] = { "#1f5c99", "#d9480f", "#2b8a3e", "#862e9c", "#b08900",
	"#0b7285", "#c2255c", "#5c940d", "#495057" };
static const char *tint[] = { "#e3eefa", "#fdebe0", "#e3f4e6", "#f1e4f6", "#fbf2d5",
	"#dff3f6", "#fbe3ec", "#ecf5de", "#eceeF0" };
#define NTYPE (sizeof bright / sizeof *bright)
/* The timeline: days named, longer spans (palette teal), publication dates (red). */
#define DAY_COLOUR "#2a9d5c"
#define DAY_STROKE "#1e6e41"
#define SPAN_COLOUR TEAL
#define PUB_COLOUR RED
#define PUB_TEXT "#b23a3c"
#define AXIS_COLOUR "#888"
#define TICK_TEXT "#666"

struct rank {
	long a, b;
	size_t i;
	const char *name;
};

static int
rank_cmp(const void *x, const void *y)
{
	const struct rank *p = x, *q = y;

	if (p->a != q->a)
		return p->a > q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b > q->b ? -1 : 1;
	return strcmp(p->name, q->name);
}

static int
chrono_cmp(const void *x, const void *y)
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
static void
put_bdi(FILE *fp, const char *s, size_t n, size_t max)
{
	fputs("<bdi>", fp);
	html_putmax(fp, s, n, max);
	fputs("</bdi>", fp);
}

static void
put_name(FILE *fp, const char *s, size_t n)
{
	put_bdi(fp, s, n, 120);
}

static void
put_plain(FILE *fp, const char *s, size_t n)
{
	html_putmax(fp, s, n, 120);
}

/* A speaker: named, described (no name, but words for them), or neither. */
static void
put_speaker(FILE *fp, struct report *r, size_t i)
{
	switch (sp_kind(r, i)) {
	case 'n':
		put_name(fp, r->speakers.key[i] + 1, r->speakers.klen[i] - 1);
		break;
	case 'd':
		fputs("<span class=\"unattr\">(described: ", fp);
		put_name(fp, r->speakers.key[i] + 1, r->speakers.klen[i] - 1);
		fputs(")</span>", fp);
		break;
	default:
		fputs("<span class=\"unattr\">(no speaker found)</span>", fp);
	}
}

/* An outlet: the meta.source of its documents; "" for those with none. */
static void
put_outlet(FILE *fp, struct report *r, size_t o)
{
	if (r->outlets.klen[o] == 0)
		fputs("<span class=\"unattr\">(no outlet named)</span>", fp);
	else
		put_name(fp, r->outlets.key[o], r->outlets.klen[o]);
}

static void
put_outlet_plain(FILE *fp, struct report *r, size_t o)
{
	if (r->outlets.klen[o] == 0)
		fputs("(no outlet named)", fp);
	else
		put_plain(fp, r->outlets.key[o], r->outlets.klen[o]);
}

/* A link to a sentence, or to a fallback when its text is not on the page. */
static void
sent_href(FILE *fp, struct report *r, size_t doc, long n, const char *alt)
{
	if (r->doc[doc].text)
		fprintf(fp, "#s%zu-%ld", doc, n);
	else
		fputs(alt, fp);
}

static void
put_docname(FILE *fp, struct report *r, size_t doc)
{
	const char *k = r->docs.key[doc], *b = k;
	size_t i;

	for (i = 0; i < r->docs.klen[doc]; i++)
		if (k[i] == '/')
			b = k + i + 1;
	put_name(fp, b, r->docs.klen[doc] - (b - k));
}

static long
spout_get(struct report *r, size_t sp, size_t o, struct spout **so)
{
	uint32_t key[2] = { (uint32_t)sp, (uint32_t)o };
	long k = strtab_find(&r->spout, (const char *)key, sizeof key);

	*so = k >= 0 ? &r->spo[k] : NULL;
	return k >= 0 ? r->spo[k].quotes : 0;
}

/* The number of speakers of a kind ('n' named, 'd' described). */
static size_t
named(struct report *r, int kind)
{
	size_t i, n = 0;

	for (i = 0; i < r->speakers.n; i++)
		n += sp_kind(r, i) == kind;
	return n;
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
	struct rank *ro = xcalloc(r->outlets.n + 1, sizeof *ro);
	size_t i;

	for (i = 0; i < r->outlets.n; i++) {
		ro[i].a = r->outlet[i].quotes;
		ro[i].b = r->outlet[i].docs;
		ro[i].i = i;
		ro[i].name = r->outlets.key[i];
	}
	qsort(ro, r->outlets.n, sizeof *ro, rank_cmp);
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
	qsort(rk, nsp, sizeof *rk, rank_cmp);
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
		put_outlet(fp, r, v->cols[i]);
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
			put_outlet_plain(fp, r, v->cols[c]);
		else if (v->other)
			fputs("other outlets", fp);
		else
			put_outlet_plain(fp, r, 0);
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
	put_speaker(fp, r, s);
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
		sent_href(fp, r, so->doc, so->n, "");
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
		put_outlet_plain(fp, r, v->cols[i]);
		fprintf(fp, "\"><i class=\"sw\" style=\"background:%s\"></i>", palette[i % NPAL]);
		if (r->outlets.klen[v->cols[i]])
			put_bdi(fp, r->outlets.key[v->cols[i]], r->outlets.klen[v->cols[i]], 24);
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
		fprintf(fp, "<p class=\"muted\">%zu more speaker%s left out (-n %d).</p>\n", v->nsp - v->nshow,
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
		put_speaker(fp, r, s);
		fprintf(fp, " <span class=\"muted\">\xe2\x80\x94 %ld quote%s, %ld words, in %ld document%s</span></summary><ul>\n",
		    sp->quotes, sp->quotes == 1 ? "" : "s", sp->words, sp->docs, sp->docs == 1 ? "" : "s");
		for (k = 0; k < sp->nsamp; k++) {
			fputs("<li>\xe2\x80\x9c", fp);
			put_bdi(fp, sp->samp[k].text, strlen(sp->samp[k].text), SAMPLE_BYTES + 3);
			fputs("\xe2\x80\x9d <span class=\"src\">\xe2\x80\x94 ", fp);
			if (r->outlets.klen[sp->sout[k]]) {
				put_outlet(fp, r, sp->sout[k]);
				fputs(", ", fp);
			}
			if (r->doc[sp->samp[k].doc].text) {
				fputs("<a href=\"", fp);
				sent_href(fp, r, sp->samp[k].doc, sp->samp[k].n, "");
				fputs("\">", fp);
			}
			put_docname(fp, r, sp->samp[k].doc);
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

static void
speakers(FILE *fp, struct report *r)
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
	fprintf(fp, "<p class=\"lead\">%ld quotations from %zu named speakers", r->nquotes, named(r, 'n'));
	if (named(r, 'd'))
		fprintf(fp, " and %zu described but not named", named(r, 'd'));
	fprintf(fp, "; the %zu quoted most%s. "
	    "A bar or a number leads to the quotes themselves; a quotation in the articles names its speaker "
	    "when the pointer rests on it.</p>\n", v.nshow - v.nunattr, v.ncols ? ", by outlet" : "");
	speakers_chart(fp, r, &v);
	speakers_table(fp, r, &v);
	speakers_said(fp, r, &v);
	fputs("</section>\n", fp);
	free(v.rk);
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
	qsort(rt, r->types.n, sizeof *rt, rank_cmp);
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
		qsort(re, n, sizeof *re, rank_cmp);
		fprintf(fp, "<div class=\"card\"><h3><span><i class=\"sw t%zu\" style=\"background:var(--c)\"></i>", ty);
		put_name(fp, r->types.key[ty], r->types.klen[ty]);
		fprintf(fp, "</span><small class=\"muted\">%zu names, %ld mentions</small></h3>\n"
		    "<div class=\"wrap\"><table class=\"sort\"><thead><tr><th>Name</th><th class=\"num\">Mentions</th><th class=\"num\">Docs</th></tr></thead><tbody>\n",
		    n, rt[t].a);
		for (i = 0; i < n && shown < (size_t)r->top; i++, shown++) {
			struct entity *en = &r->ent[re[i].i];

			fputs("<tr><td>", fp);
			put_name(fp, r->ents.key[re[i].i] + 4, r->ents.klen[re[i].i] - 4);
			if (!en->multi && r->outlets.n > 1) {
				fputs(" <span class=\"badge\" title=\"only ", fp);
				put_outlet_plain(fp, r, en->outlet);
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

static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
static const char *month_names[] = { "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December" };

/*
 * The timeline's axis: the days it spans, where its ticks fall, and the
 * outliers kept off it (a 1976 date in a 2005 corpus) that are drawn in
 * a margin of their own at either end, so that they do not flatten it.
 */
struct axis {
	long lo, hi, span, tick;
	int unit;		/* 0 days, 1 months, 2 years */
	long olo, ohi;		/* a day before olo or after ohi is an outlier */
	size_t nleft, nright;	/* outliers at each end */
	double l, w;		/* x of the axis' left end, and its width */
};
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
			fprintf(fp, "%s %u", months[m - 1], dd);
		else if (ax->unit == 1)
			fputs(months[m - 1], fp);
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
	put_plain(fp, r->dates.key[id], r->dates.klen[id]);
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

static void
timeline(FILE *fp, struct report *r, const struct rank *rd, size_t nd, struct axis *ax)
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
		fprintf(fp, "%s %ld", month_names[key % 12], key / 12);
		return;
	}
	civil_from_days(key * 7 - 3, &y, &m, &d);
	fprintf(fp, "week of %s %u, %ld", months[m - 1], d, y);
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
		put_name(fp, r->dates.key[rk[i].i], r->dates.klen[rk[i].i]);
		fprintf(fp, "</b> <span class=\"muted\">%ld\xc3\x97</span>", dt->mentions);
		if (dt->nsamp) {
			fputs(" ", fp);
			if (r->doc[dt->samp[0].doc].text) {
				fputs("<a href=\"", fp);
				sent_href(fp, r, dt->samp[0].doc, dt->samp[0].n, "");
				fputs("\">", fp);
			}
			put_bdi(fp, dt->samp[0].text, strlen(dt->samp[0].text), 160);
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
			put_bdi(fp, q->samp[k].text, strlen(q->samp[k].text), 200);
			fputs("\xe2\x80\x9d <span class=\"src\">\xe2\x80\x94 ", fp);
			put_speaker(fp, r, q->sp[k]);
			fputs(", ", fp);
			if (r->doc[q->samp[k].doc].text) {
				fputs("<a href=\"", fp);
				sent_href(fp, r, q->samp[k].doc, q->samp[k].n, "");
				fputs("\">", fp);
			}
			put_docname(fp, r, q->samp[k].doc);
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

static void
dates(FILE *fp, struct report *r)
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
	qsort(rd, nd, sizeof *rd, rank_cmp);
	n = nd < (size_t)r->top * 2 ? nd : (size_t)r->top * 2;
	rm = rd;
	for (i = 0; i < n; i++) {
		rm[i].a = r->date[rd[i].i].d0;
		rm[i].b = r->date[rd[i].i].d1;
	}
	qsort(rm, n, sizeof *rm, chrono_cmp);

	fputs("<section id=\"when\"><h2>When</h2>\n", fp);
	fprintf(fp, "<p class=\"lead\">The dates the articles refer to (%zu resolved dates; durations and dates "
	    "of unknown year left out), with each article's publication date. A point leads to its sentences.</p>\n", nd);
	timeline(fp, r, rm, n, &ax);
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
		put_name(fp, r->dates.key[rm[i].i], r->dates.klen[rm[i].i]);
		fprintf(fp, "</b></td><td class=\"num\" data-v=\"%ld\">%ld</td><td class=\"num\" data-v=\"%ld\">%ld</td><td>",
		    dt->mentions, dt->mentions, dt->docs, dt->docs);
		for (k = 0; k < dt->nsamp; k++) {
			fputs(k ? "<br>" : "", fp);
			if (r->doc[dt->samp[k].doc].text) {
				fputs("<a href=\"", fp);
				sent_href(fp, r, dt->samp[k].doc, dt->samp[k].n, "");
				fputs("\">", fp);
			}
			put_bdi(fp, dt->samp[k].text, strlen(dt->samp[k].text), 160);
			if (r->doc[dt->samp[k].doc].text)
				fputs("</a>", fp);
			fputs(" <small>", fp);
			put_docname(fp, r, dt->samp[k].doc);
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
	qsort(ro, r->outlets.n, sizeof *ro, rank_cmp);
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
		put_outlet(fp, r, top[f]);
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
	qsort(rp, n, sizeof *rp, rank_cmp);
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

static void
repeats(FILE *fp, struct report *r)
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
		sent_href(fp, r, d->doc, d->n, "#repeats");
		fputs("\">", fp);
		put_bdi(fp, d->text, strlen(d->text), 200);
		fputs("</a> <span class=\"src\"><small>", fp);
		put_docname(fp, r, d->doc);
		fprintf(fp, ", sentence %ld: repeats of ", d->n);
		if (d->oknown) {
			fputs("<a href=\"", fp);
			sent_href(fp, r, d->odoc, d->on, "#repeats");
			fputs("\"><em>", fp);
			put_docname(fp, r, d->odoc);
			fprintf(fp, "</em>, sentence %ld</a>", d->on);
		} else {
			fputs("a document not in these records", fp);
		}
		fputs(" (similarity ", fp);
		put_bdi(fp, d->sim, strlen(d->sim), sizeof d->sim);
		fputs(")</small></span></li>\n", fp);
	}
	fputs("</ul></section>\n", fp);
}

static void
documents(FILE *fp, struct report *r)
{
	size_t i, max = (size_t)r->top * 10;

	fputs("<section id=\"docs\"><h2>Documents</h2>\n<input class=\"filter\" data-for=\"#tdocs\" placeholder=\"Filter documents\xe2\x80\xa6\">\n"
	    "<div class=\"wrap\"><table id=\"tdocs\" class=\"sort\"><thead><tr><th>Outlet</th><th>Document</th><th>Published</th>"
	    "<th class=\"num\">Sentences</th><th class=\"num\">Entities</th><th class=\"num\">Quotes</th>"
	    "<th class=\"num\">Repeats</th></tr></thead><tbody>\n", fp);
	for (i = 0; i < r->docs.n && i < max; i++) {
		struct doc *d = &r->doc[i];

		fputs("<tr><td>", fp);
		put_outlet(fp, r, d->outlet);
		fputs("</td><td>", fp);
		if (d->text)
			fprintf(fp, "<a href=\"#d%zu\">", i);
		if (d->title)
			put_name(fp, d->title, strlen(d->title));
		else
			put_docname(fp, r, i);
		fputs(d->text ? "</a></td><td>" : "</td><td>", fp);
		put_bdi(fp, d->dct, strlen(d->dct), sizeof d->dct);
		fprintf(fp, "</td><td class=\"num\" data-v=\"%ld\">%ld</td><td class=\"num\" data-v=\"%ld\">%ld</td>"
		    "<td class=\"num\" data-v=\"%ld\">%ld</td><td class=\"num\" data-v=\"%ld\">%ld</td></tr>\n",
		    d->sents, d->sents, d->ents, d->ents, d->quotes, d->quotes, d->dups, d->dups);
	}
	fputs("</tbody></table></div>\n", fp);
	if (r->docs.n > max)
		fprintf(fp, "<p class=\"muted\">%zu more documents are left out.</p>\n", r->docs.n - max);
	fputs("</section>\n", fp);
}

static void
articles(FILE *fp, struct report *r)
{
	char chunk[65536];
	size_t n, t;

	fputs("<section id=\"articles\" class=\"hl-e hl-d hl-q hl-r\"><h2>The articles</h2>\n"
	    "<p class=\"lead\">Each document's text, with what the pipeline found in it; hover over a mark for its value.</p>\n"
	    "<div class=\"toolbar\"><label><input type=\"checkbox\" value=\"hl-e\" checked> entities</label>", fp);
	for (t = 0; t < r->types.n; t++) {
		fprintf(fp, "<span class=\"t%zu\" style=\"margin-right:10px\"><i class=\"sw\" style=\"background:var(--c)\"></i>", t);
		put_bdi(fp, r->types.key[t], r->types.klen[t], 20);
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

static void
put_stat(FILE *fp, long n, const char *what)
{
	fprintf(fp, "<div class=\"stat\"><b>%ld</b><span>%s</span></div>", n, what);
}

void
report_write(struct report *r, FILE *fp, const char *title)
{
	size_t t;

	if (r->incur && r->doc[r->cur].text == 1) {
		fputs(r->para_open ? "</p></div></article>\n" : "</div></article>\n", r->art);
		r->doc[r->cur].text = 2;
		r->incur = 0;
	}
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
	put_stat(fp, (long)named(r, 'n'), "named speakers");
	put_stat(fp, (long)r->ents.n, "entities");
	put_stat(fp, r->ndates, "date mentions");
	put_stat(fp, r->ndups, "repeats");
	fputs("</div></header>\n<nav><a href=\"#quoted\">Quoted</a><a href=\"#named\">Named</a><a href=\"#when\">When</a>"
	    "<a href=\"#repeats\">Repeats</a><a href=\"#docs\">Documents</a><a href=\"#articles\">Articles</a></nav>\n<main>\n", fp);
	speakers(fp, r);
	entities(fp, r);
	dates(fp, r);
	repeats(fp, r);
	documents(fp, r);
	articles(fp, r);
	fputs("</main>\n<footer>Made by lede-report " LEDE_VERSION " from JSON Lines records; "
	    "every figure links back to its sentence.</footer>\n<script>", fp);
	fputs(js, fp);
	fputs("</script>\n</body></html>\n", fp);
}
