/*
 * extract-quotes-attr: who said a quotation.  The patterns around it
 * (extract-quotes-attr.c) find a reporting verb and its subject; the
 * subject, when a pronoun, a title or a bare surname, is resolved to an
 * entity (extract-quotes-who.c).
 */
#ifndef EXTRACT_QUOTES_ATTR_H
#define EXTRACT_QUOTES_ATTR_H
#include "extract-quotes-text.h"

/*
 * A quotation's sentence is read whole back to its start if that is
 * under QSENTENCE tokens away, else only its last QWINDOW tokens.
 */
#define QSENTENCE 400
#define QWINDOW 32

/* The state of one document's scan. */
struct scan {
	struct qdoc *d;
	const struct qlex *l;
	struct toks tk, tw;	/* context tokens, title windows */
	long *spk;		/* speaker entities, in the order they spoke */
	size_t nspk, spkcap;
	long last;		/* the last speaker entity, or -1 */
	struct buf name;
	size_t lastrec;
	/*
	 * sentence_start's walk through the record of the last quotation:
	 * tokens read up to pos (a token's start), the end of the last
	 * clause end, the tokens seen since, the starts of the last of them.
	 */
	struct {
		int on, any;
		size_t cs, pos, hard, seen, lasta;
		size_t ring[QWINDOW];
	} ss;
	/* pron_subject's answers for recent records: 0 none, 1 no, 2 yes */
	struct { size_t r; unsigned cls; unsigned char v; } ps[8];
	/*
	 * has_title's answers for the title thead: tval[e] when tgen[e] is
	 * hgen (a record of many quotations asks of the same people again).
	 */
	char thead[64];
	unsigned hgen, *tgen;
	unsigned char *tval;
};

struct attr {
	int verb;		/* a reporting verb was found */
	char vkey[48];
	long ent;		/* the speaker entity, or -1 */
	int known;		/* the subject was found, even if nobody can be named */
	size_t ms, me;		/* where the text names or describes it, if me > ms */
	int raw;		/* nobody tagged: the name [ms, me) as the text gives it */
	long ent2;		/* "X and Y said": Y, when > 0 (X is ent) */
	long long id2p1;	/* a continued quote's second speaker's id + 1, or 0 */
};

/* The speaker is entity e, named by its own words. */
static inline void
qattr_ent(struct attr *at, const struct qdoc *d, long e)
{
	at->ent = e;
	at->known = 1;
	at->ms = d->e[e].cs;
	at->me = d->e[e].ce;
}


/* Attributes the quotation of pieces qi..last of d->q. */
void qattr_quote(struct scan *, size_t qi, size_t last);

/* Whom a pronoun, title or noun at token k stands for: 0 if it is one, else -1. */
int qwho_np(struct scan *, const struct toks *, size_t k, struct attr *);
/* Is a pronoun of class cls the subject of record r ("He portrayed", ", he said")? */
int qwho_pron_subject(struct scan *, size_t r, unsigned cls);
/* The person named before whose surname is token t, or -1. */
long qwho_surname(struct scan *, const struct tok *t);
#endif
