/*
 * report-page: what the modules that write lede-report's page share.
 * report-page.c writes the frame of the page and "Named";
 * report-speakers.c "Quoted"; report-timeline.c the timeline and
 * report-when.c the rest of "When"; report-docs.c the repeats, the
 * documents and the articles.
 */
#ifndef LEDE_REPORT_PAGE_H
#define LEDE_REPORT_PAGE_H
#include <stdio.h>

#include "report-model.h"

#define MAXCOLS 8		/* outlets that get a column of their own */

/*
 * The colours the page's markup writes; those of its style sheet are in
 * cmd/report-page.css.  These two are in the outlets' palette
 * (report-speakers.c) and on the timeline (report-timeline.c).
 */
#define RED "#e15759"
#define TEAL "#76b7b2"

struct rank {
	long a, b;
	size_t i;
	const char *name;
};

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

extern const char *page_months[], *page_month_names[];

/* Most first (a, then b, then name); and earliest first. */
int page_rank_cmp(const void *, const void *);
int page_chrono_cmp(const void *, const void *);
struct rank *page_outlets(const struct report *, int quotes);

/* Text from the records, in <bdi> (page_bdi, page_name) or only escaped. */
void page_bdi(FILE *, const char *s, size_t n, size_t max);
void page_name(FILE *, const char *s, size_t n);
void page_plain(FILE *, const char *s, size_t n);
void page_speaker(FILE *, struct report *, size_t i);
void page_outlet(FILE *, struct report *, size_t o);
void page_outlet_plain(FILE *, struct report *, size_t o);
void page_sent_href(FILE *, struct report *, size_t doc, long n, const char *alt);
void page_docname(FILE *, struct report *, size_t doc);
size_t page_named(struct report *, int kind);
long page_whole_repeats(struct report *, long *sents);

/* The sections, in the order of the page. */
void page_speakers(FILE *, struct report *);
void page_timeline(FILE *, struct report *, const struct rank *rd, size_t nd, struct axis *);
void page_dates(FILE *, struct report *);
void page_repeats(FILE *, struct report *);
void page_documents(FILE *, struct report *);
void page_articles(FILE *, struct report *);
#endif
