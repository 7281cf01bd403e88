/*
 * extract-quotes-scan: finding quotations in one document's text and
 * attributing them to a speaker.  The program (or the fuzz target)
 * fills a qlex (qlex_load, the only I/O) and a qdoc, and calls qscan.
 *
 * The modules: -lex the lexicon and its data, -doc the document's text
 * and entities, -tok its tokens, -scan the pairing of quotation marks,
 * -attr the patterns around a quotation, -who the pronouns and titles.
 */
#ifndef EXTRACT_QUOTES_SCAN_H
#define EXTRACT_QUOTES_SCAN_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "strtab.h"

/* Word classes of the lexicon (bits). */
enum {
	LX_VERB = 1 << 0,	/* a reporting verb form: said, told */
	LX_AFTER = 1 << 1,	/* the speaker follows: according to */
	LX_PRON = 1 << 2,	/* he, she */
	LX_GROUP = 1 << 3,	/* they, we */
	LX_THING = 1 << 4,	/* it */
	LX_TITLE = 1 << 5,	/* minister, president */
	LX_SOURCE = 1 << 6,	/* statement, report: no person */
	LX_BETWEEN = 1 << 7,	/* also, has: between speaker and verb */
	LX_ART = 1 << 8,	/* a, an: an indefinite speaker */
	LX_NOTVERB = 1 << 9,	/* the, a, in: what follows is no verb */
	LX_MALE = 1 << 10,	/* he, John */
	LX_FEMALE = 1 << 11,	/* she, Mary */
	LX_MALE_T = 1 << 12,	/* Mr */
	LX_FEMALE_T = 1 << 13,	/* Mrs, Ms */
	LX_PREFIX = 1 << 14,	/* the first word of an entry of several */
	LX_OTHER = 1 << 15,	/* shadow, former: another office than the title's */
	LX_ABBREV = 1 << 16,	/* Mr, Sen: a point after it ends no sentence */
	LX_DEF = 1 << 17,	/* the: a description follows */
	LX_AGENT = 1 << 18,	/* by: the verb before is passive */
	LX_QUOTING = 1 << 19,	/* quoted: its object is the speaker, before "as" */
	LX_AS = 1 << 20,	/* as: "quoted X as saying" */
	LX_BODY = 1 << 21,	/* company, ministry: an organisation named before */
	LX_NOTNAME = 1 << 22	/* Friday, And: no name for all its capital */
};

struct qlex {
	struct strtab words;	/* lower-case words and phrases; val.i their classes */
	char **types;		/* entity types that can speak */
	size_t *typelen;
	size_t ntypes;
};

/* Fills the lexicon from en/quotes.yaml, en/quotes-names.yaml, en/titles.yaml, en/speech-verbs.yaml. */
void qlex_load(struct qlex *);
void qlex_add(struct qlex *, const char *word, unsigned cls);
unsigned qlex_get(const struct qlex *, const char *word);
void qlex_type(struct qlex *, const char *type);
int qlex_is_type(const struct qlex *, const char *type, size_t n);
void qlex_free(struct qlex *);

struct qrec {
	size_t cs, ce;		/* the record's text in qdoc.t */
	long long ds;		/* its start in the document */
	long long para;
};

struct qent {
	size_t cs, ce;		/* in qdoc.t */
	size_t id;		/* offset of the NUL-terminated id in qdoc.pool */
	int speaker;		/* its type can speak */
	int person;		/* PERSON */
	int group;		/* NORP: a nationality, a party's people */
};

struct quote {
	size_t s, e;		/* the quoted words in qdoc.t */
	size_t om, cm;		/* the opening mark, and the closing one (or s's paragraph end) */
	int closed;		/* cm is a closing mark */
	int cont;		/* continues the previous quote in a new paragraph */
	size_t rec;		/* the record that holds s */
	long long speaker;	/* offset of the id in qdoc.pool, or -1 */
	long long speaker2;	/* "X and Y said": Y's id, or -1 */
	size_t ms, me;		/* the words that name or describe the speaker, if me > ms */
	char verb[48];		/* lower case, or "" */
	int full;
	int report;		/* attributed or clearly a quotation */
};

/* Where a quotation mark did not pair. */
struct qwarn {
	size_t pos;
	const char *msg;
};

struct qdoc {
	uint32_t *t;		/* the document's code points, gaps filled */
	size_t n, tcap;
	struct qrec *r;
	size_t nr, rcap;
	struct qent *e;
	size_t ne, ecap;
	struct buf pool;
	struct quote *q;
	size_t nq, qcap;
	struct qwarn *w;
	size_t nw, wcap;
	unsigned char *in;	/* per code point: inside a quotation */
	size_t incap;
	struct qrun { size_t s, e; } *run;	/* the stretches of in[], in order */
	size_t nrun, runcap;
	size_t *sp;		/* where t holds '"', '\n' or a code point past ASCII */
	size_t nsp, spcap;
	size_t bad;		/* bytes of the last record not valid UTF-8 */
};

void qdoc_reset(struct qdoc *);
void qdoc_free(struct qdoc *);
/* Appends a record's text (UTF-8) starting at document offset ds. */
void qdoc_add_record(struct qdoc *, const char *s, size_t n, long long ds, long long para);
/* Adds an entity of the last record, offsets in code points of its text. */
int qdoc_add_entity(struct qdoc *, const struct qlex *, long long start, long long end,
    const char *type, size_t tlen, const char *id, size_t idlen);
/* Finds and attributes the quotations: fills d->q and d->w. */
void qscan(struct qdoc *, const struct qlex *);
/* The record that holds a position in d->t. */
size_t qdoc_rec(const struct qdoc *, size_t pos);
/* The document offset of a position in d->t. */
long long qdoc_off(const struct qdoc *, size_t pos);
/* Appends d->t[s, e) as UTF-8. */
void qdoc_utf8(const struct qdoc *, size_t s, size_t e, struct buf *);
/* Appends d->t[s, e) as a JSON string literal, as json_escape would. */
void qdoc_json(const struct qdoc *, size_t s, size_t e, struct buf *);
#endif
