/*
 * report-model: what lede-report keeps while it reads the records
 * (counts by speaker, entity, date, outlet and document, and a few
 * samples of each) and the article texts, written as HTML to a
 * temporary file while they stream past.  Nothing here grows with the
 * corpus but the small per-document table.
 */
#ifndef LEDE_REPORT_MODEL_H
#define LEDE_REPORT_MODEL_H
#include <stdio.h>

#include "buf.h"
#include "json.h"
#include "strtab.h"

#define SP_SAMPLES 8		/* quotes kept per speaker */
#define DATE_SAMPLES 6		/* sentences kept per date */
#define SAMPLE_BYTES 320	/* of each sample's text */
#define DAY_QUOTES 4		/* quotes kept per day, for "When" */

struct sample {
	size_t doc;
	long n;
	char *text;
};

struct speaker {
	long quotes, words, docs;
	size_t lastdoc;
	int nsamp;
	struct sample samp[SP_SAMPLES];
	uint32_t sout[SP_SAMPLES];	/* the outlet of each sample */
};

/*
 * The quotations of a day: the publication day of their document, else
 * the first day, week or month their sentence names.
 */
struct qday {
	long day, quotes;
	int nsamp;
	struct sample samp[DAY_QUOTES];
	size_t sp[DAY_QUOTES];	/* the speaker of each sample */
};

struct spout {			/* a speaker in one outlet */
	long quotes, words;
	size_t doc;		/* the first quote */
	long n;
};

struct entity {
	long mentions, docs;
	size_t lastdoc;
	uint32_t type, outlet;	/* outlet: the first to mention it */
	int multi;		/* mentioned by more than one outlet */
};

struct date {
	long mentions, docs;
	size_t lastdoc;
	long d0, d1;		/* days it covers; d0 < 0: not on the timeline */
	int nsamp;
	struct sample samp[DATE_SAMPLES];
};

struct doc {
	uint32_t outlet;
	long sents, quotes, dups, ents;
	long day;		/* publication date in days, or -1 */
	char dct[32];
	char *title;
	char *dupof;		/* the dup_of doc of its first repeat */
	int dupmix;		/* its repeats name other docs too */
	int text;		/* its text is on the page */
};

/*
 * A document whose every sentence is marked as a repeat of one earlier
 * document (lede-dedupe --by doc --mark) is a repeated article.
 */
static inline int
doc_whole_repeat(const struct doc *d)
{
	return d->sents > 0 && d->dups == d->sents && !d->dupmix;
}

struct outlet {
	long docs, quotes, sents, dups;
};

struct duppair {
	long exact, near;
};

struct dupsamp {
	size_t doc, odoc;
	long n, on;
	int oknown;
	char sim[24];
	char *text;
};

struct drop {			/* a line of a repeats file (--repeats) */
	char *doc, *of;
	char n[24], on[24];	/* "" in a file of documents */
};

struct span {			/* an entity or a date in a record */
	long s, e;
	int date;
	size_t idx;		/* entity or date number */
};

struct oquote {			/* a quotation in document offsets */
	long s, e;
	size_t sp;
	size_t wb, wn;		/* who said it, for its title: r->who.s[wb..wb+wn) */
};

struct range {
	size_t b, e;
};

struct report {
	int top;
	size_t texts_max;
	struct strtab docs, outlets, speakers, spout, types, ents, dates, duppairs, qdays;
	struct doc *doc;
	struct outlet *outlet;
	struct speaker *sp;
	struct spout *spo;
	struct entity *ent;
	struct date *date;
	struct duppair *dp;
	struct qday *qd;
	size_t capdoc, capout, capsp, capspo, capent, capdate, capdp, capqd;
	struct dupsamp *ds;
	size_t nds;
	long *typecount;
	size_t captype;

	/* the document being read */
	int incur;
	size_t cur;
	long nrec, para, pos;
	int para_open;
	long dup_on;		/* dup_of.n of the record */
	long recday;		/* the first day, week or month the record names, or -1 */
	const char *textv;	/* the record's "text" value, escaped */
	size_t textn;
	int have_text;
	struct oquote *oq;
	size_t noq, coq;
	struct buf who;		/* the titles of the quotations in oq */
	long *qb;		/* their starts and ends, sorted, while render runs */
	size_t cqb;

	/* the articles, as HTML, until the page is written */
	FILE *art;
	size_t text_bytes;
	long docs_left_out;

	/* the repeats dropped before the report, read from a file */
	const char *dropfile;
	struct drop *drop;	/* the first few */
	size_t ndrop, capdrop;
	long ndropped;
	int dropcols;		/* 2: documents, 4: records */

	/* totals */
	long nrec_all, nquotes, nents, ndates, ndups, nexact;

	/* scratch, reused from record to record */
	struct jobj ann;
	struct range *rg;
	size_t nrg, crg;
	struct span *spans;
	size_t nspans, cspans;
	struct buf text, s1, s2, s3, key, msg;
};

/*
 * A speaker's key is "n" and the name for a named speaker, "d" and the
 * words of the mention for one only described (speaker null, a mention),
 * and "" for the quotations with neither.
 */
static inline int
sp_kind(const struct report *r, size_t i)
{
	return r->speakers.klen[i] ? r->speakers.key[i][0] : 0;
}

void report_init(struct report *, int top, size_t texts_max);
/* Adds one checked record; -1 with a message in r->msg.s if unusable. */
int report_add(struct report *, const struct jobj *);
/* Reads the repeats dropped before, a repeats.tsv of lede-batch. */
void report_read_drops(struct report *, const char *path);
/* Ends the document being read: before report_write. */
void report_close(struct report *);
/* Writes the page. */
void report_write(struct report *, FILE *, const char *title);
void report_free(struct report *);

/* HTML output of text from the records (report-html.c). */
void html_put(FILE *, const char *s, size_t n);
void html_putmax(FILE *, const char *s, size_t n, size_t max);
char *sample_dup(const char *s, size_t n);
int date_range(const char *v, size_t n, long *d0, long *d1);
#endif
