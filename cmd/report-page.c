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
	for (i = 0; i < r->outlets.n && v->ncols < MAXCOLS && ro[i].a > 0; i++)
		v->cols[v->ncols++] = ro[i].i;
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

	fputs("<div class=\"legend\">", fp);
	for (i = 0; i < v->ncols; i++) {
		fprintf(fp, "<span><i class=\"sw\" style=\"background:%s\"></i>", palette[i % NPAL]);
		put_outlet(fp, r, v->cols[i]);
		fputs("</span>", fp);
	}
	if (r->outlets.n > v->ncols)
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
		const char *colour = OTHER_COLOUR;

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
		else
			fputs("other outlets", fp);
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
	fprintf(fp, "<svg viewBox=\"0 0 900 %zu\" width=\"900\" role=\"img\" aria-label=\"quotations by speaker\">\n",
	    nbar * 24 + 8);
	for (i = j = 0; i < v->nshow; i++) {
		if (sp_kind(r, v->rk[i].i) != 'n')
			continue;	/* the chart shows the named */
		speaker_bar(fp, r, v, i, j, maxq);
		j++;
	}
	fputs("</svg>\n", fp);
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
	if (r->outlets.n > v->ncols && rest > 0)
		fprintf(fp, "<td class=\"num\" data-v=\"%ld\"><a href=\"#sp%zu\">%ld</a></td>", rest, s, rest);
	else if (r->outlets.n > v->ncols)
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
	if (r->outlets.n > v->ncols)
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
			put_outlet(fp, r, sp->sout[k]);
			if (r->doc[sp->samp[k].doc].text) {
				fputs(", <a href=\"", fp);
				sent_href(fp, r, sp->samp[k].doc, sp->samp[k].n, "");
				fprintf(fp, "\">sentence %ld</a>", sp->samp[k].n);
			}
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
	fprintf(fp, "; the %zu quoted most, by outlet. "
	    "A bar or a number leads to the quotes themselves; a quotation in the articles names its speaker "
	    "when the pointer rests on it.</p>\n", v.nshow - v.nunattr);
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
		    "<table class=\"sort\"><thead><tr><th>Name</th><th class=\"num\">Mentions</th><th class=\"num\">Docs</th></tr></thead><tbody>\n",
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
		fputs("</tbody></table>", fp);
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

/* The timeline's axis: the days it spans, where its ticks fall. */
struct axis {
	long lo, hi, span, tick;
	int unit;		/* 0 days, 1 months, 2 years */
};
#define AXIS_L 30.0		/* x of the axis' left end */
#define AXIS_W 840.0		/* its width */

/* The x of a day's start on the axis. */
static double
axis_x(const struct axis *ax, long day)
{
	return AXIS_L + AXIS_W * (double)(day - ax->lo) / (double)ax->span;
}

/*
 * The days named (days, weeks and months; a year only when alone) and
 * the publication dates, counted in *npub; 0 if there is none.
 */
static int
axis_range(struct report *r, const struct rank *rd, size_t nd, struct axis *ax, size_t *npub)
{
	long lo = -1, hi = -1;
	size_t i;

	for (int pass = 0; pass < 2 && lo < 0; pass++)
		for (i = 0; i < nd; i++) {
			struct date *dt = &r->date[rd[i].i];

			if (pass == 0 && dt->d1 - dt->d0 > 31)
				continue;
			if (lo < 0 || dt->d0 < lo)
				lo = dt->d0;
			if (hi < 0 || dt->d1 > hi)
				hi = dt->d1;
		}
	*npub = 0;
	for (i = 0; i < r->docs.n; i++) {
		if (r->doc[i].day < 0)
			continue;
		(*npub)++;
		if (lo < 0 || r->doc[i].day < lo)
			lo = r->doc[i].day;
		if (hi < 0 || r->doc[i].day > hi)
			hi = r->doc[i].day;
	}
	ax->lo = lo;
	ax->hi = hi;
	return lo >= 0;
}

/* A margin at each end, then ticks by days, weeks, months, quarters or years. */
static void
axis_scale(struct axis *ax)
{
	long span = ax->hi - ax->lo;

	ax->lo -= span / 30 + 1;
	ax->hi += span / 30 + 2;
	span = ax->span = ax->hi - ax->lo;
	ax->unit = span <= 45 ? 0 : span <= 800 ? 1 : 2;
	ax->tick = ax->unit == 0 ? (span <= 16 ? 1 : 7) : 1;
	if (ax->unit == 2)
		ax->tick = span / 365 > 40 ? 10 : span / 365 > 15 ? 5 : 1;
	if (ax->unit == 1 && span > 400)
		ax->tick = 3;
}

static void
timeline_ticks(FILE *fp, const struct axis *ax)
{
	long d, y;
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
		fprintf(fp, "<line x1=\"%.1f\" y1=\"126\" x2=\"%.1f\" y2=\"134\" stroke=\"" AXIS_COLOUR "\"/>"
		    "<text x=\"%.1f\" y=\"148\" text-anchor=\"middle\" fill=\"" TICK_TEXT "\">", x, x, x);
		if (ax->unit == 0)
			fprintf(fp, "%s %u", months[m - 1], dd);
		else if (ax->unit == 1)
			fprintf(fp, "%s %ld", months[m - 1], y);
		else
			fprintf(fp, "%ld", y);
		fputs("</text>\n", fp);
	}
}

/* Dates the articles name: points for days, bars for longer. */
static void
timeline_dates(FILE *fp, struct report *r, const struct rank *rd, size_t nd,
    const struct axis *ax)
{
	long lo = ax->lo, hi = ax->hi;
	size_t i;

	for (i = 0; i < nd; i++) {
		struct date *dt = &r->date[rd[i].i];
		double rad = 4 + 2.5 * root(dt->mentions);
		long c0 = dt->d0 < lo ? lo : dt->d0, c1 = dt->d1 > hi - 1 ? hi - 1 : dt->d1;

		if (c0 > c1)
			continue;	/* off the axis: in the table only */
		if (rad > 16)
			rad = 16;
		fprintf(fp, "<a href=\"#t%zu\"><title>", rd[i].i);
		put_plain(fp, r->dates.key[rd[i].i], r->dates.klen[rd[i].i]);
		fprintf(fp, ": %ld mention%s in %ld document%s</title>", dt->mentions, dt->mentions == 1 ? "" : "s",
		    dt->docs, dt->docs == 1 ? "" : "s");
		if (dt->d0 == dt->d1)
			fprintf(fp, "<circle cx=\"%.1f\" cy=\"100\" r=\"%.1f\" fill=\"" DAY_COLOUR "\" fill-opacity=\".55\" stroke=\"" DAY_STROKE "\"/>",
			    axis_x(ax, dt->d0) + AXIS_W / ax->span / 2, rad);
		else
			fprintf(fp, "<rect x=\"%.1f\" y=\"%zu\" width=\"%.1f\" height=\"8\" rx=\"3\" fill=\"" SPAN_COLOUR "\" fill-opacity=\".7\"/>",
			    axis_x(ax, c0), 20 + (i % 5) * 12, axis_x(ax, c1 + 1) - axis_x(ax, c0));
		fputs("</a>\n", fp);
	}
}

/* Publication dates: a triangle under the axis for each day, with its number of documents. */
static void
timeline_pubs(FILE *fp, struct report *r, const struct axis *ax, size_t npub)
{
	size_t i, j;
	double x;

	for (i = 0; i < r->docs.n; i++) {
		long day = r->doc[i].day, k = 0;

		if (day < 0)
			continue;
		for (j = 0; j < i; j++)
			if (r->doc[j].day == day)
				break;
		if (j < i)
			continue;	/* drawn with the first */
		for (j = i; j < r->docs.n; j++)
			k += r->doc[j].day == day;
		x = axis_x(ax, day) + AXIS_W / ax->span / 2;
		/* dct is the record's: escaped, as everything from a record. */
		fputs("<g><title>published on ", fp);
		html_put(fp, r->doc[i].dct, strlen(r->doc[i].dct));
		fprintf(fp, ": %ld document%s</title>"
		    "<path d=\"M%.1f 156 l-7 12 h14 z\" fill=\"" PUB_COLOUR "\"/>"
		    "<text x=\"%.1f\" y=\"184\" text-anchor=\"middle\" fill=\"" PUB_TEXT "\">%ld</text></g>\n",
		    k, k == 1 ? "" : "s", x, x, k);
		if (npub > 200)
			break;
	}
}

static void
timeline(FILE *fp, struct report *r, const struct rank *rd, size_t nd)
{
	struct axis ax;
	size_t npub;

	if (!axis_range(r, rd, nd, &ax, &npub))
		return;
	axis_scale(&ax);
	fputs("<svg viewBox=\"0 0 900 200\" width=\"900\" role=\"img\" aria-label=\"timeline\">\n"
	    "<line x1=\"30\" y1=\"130\" x2=\"870\" y2=\"130\" stroke=\"" AXIS_COLOUR "\"/>\n", fp);
	timeline_ticks(fp, &ax);
	timeline_dates(fp, r, rd, nd, &ax);
	timeline_pubs(fp, r, &ax, npub);
	fputs("</svg>\n<div class=\"legend\"><span><i class=\"sw\" style=\"background:" DAY_COLOUR "\"></i>a day the articles name (size: mentions)</span>"
	    "<span><i class=\"sw\" style=\"background:" SPAN_COLOUR "\"></i>a week, month or year</span>"
	    "<span><i class=\"sw\" style=\"background:" PUB_COLOUR "\"></i>publication dates (number of articles)</span></div>\n", fp);
}

static void
dates(FILE *fp, struct report *r)
{
	struct rank *rd = xcalloc(r->dates.n + 1, sizeof *rd), *rm;
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
	timeline(fp, r, rm, n);
	if (nd == 0) {
		fputs("<p class=\"muted\">No resolved date in these records.</p></section>\n", fp);
		free(rd);
		return;
	}
	fputs("<table class=\"sort\"><thead><tr><th>Date</th><th class=\"num\">Mentions</th><th class=\"num\">Docs</th><th>Where</th></tr></thead><tbody>\n", fp);
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
	fputs("</tbody></table>", fp);
	if (nd > n)
		fprintf(fp, "<p class=\"muted\">%zu less mentioned dates are left out.</p>", nd - n);
	fputs("</section>\n", fp);
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
	    "<table id=\"tdocs\" class=\"sort\"><thead><tr><th>Outlet</th><th>Document</th><th>Published</th>"
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
	fputs("</tbody></table>\n", fp);
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
