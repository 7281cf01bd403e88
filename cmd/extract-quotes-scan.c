/*
 * extract-quotes-scan: pairs quotation marks in a document and finds who
 * said each quotation, from the reporting verb around it and the
 * entities lede-tag-entities found.  See lede-extract-quotes(1).
 */
#include <stdlib.h>
#include <string.h>

#include "extract-quotes-attr.h"

/* ---- pairing the marks ---- */

enum fam { F_NONE, F_CURLY, F_STRAIGHT, F_GUIL, F_GUILR, F_LOW, F_SWED, F_TWIN, F_ATWIN };

static void
warn(struct qdoc *d, size_t pos, const char *msg)
{
	GROW(d->w, d->nw, d->wcap, d->nw + 1);
	d->w[d->nw++] = (struct qwarn){ pos, msg };
}

static int
open_ctx(const struct qdoc *d, size_t i)
{
	uint32_t p = i ? d->t[i - 1] : ' ';

	if (i + 1 >= d->n || is_space(d->t[i + 1]))
		return 0;
	return is_space(p) || p == '(' || p == '[' || p == '{' || p == 0x2014 ||
	    p == 0x2013 || p == '-' || p == '/' || p == ':' || p == 0x201C ||
	    p == 0x2018 || p == '"' || p == 0x00AB || p == 0x201E || p == '*';
}

static void
piece(struct qdoc *d, size_t om, size_t cm, int closed, int cont)
{
	size_t s = om + 1, e = cm;
	struct quote *q;

	if ((d->t[om] == 0x2018 || d->t[om] == '\'') && s < e && d->t[s] == d->t[om])
		s++;	/* ‘‘…’’, ''…'' */
	while (s < e && is_space(d->t[s]))
		s++;
	while (e > s && is_space(d->t[e - 1]))
		e--;
	if (s >= e)
		return;
	GROW(d->q, d->nq, d->qcap, d->nq + 1);
	q = &d->q[d->nq++];
	memset(q, 0, sizeof *q);
	q->s = s;
	q->e = e;
	q->om = om;
	q->cm = cm;
	q->closed = closed;
	q->cont = cont;
	q->speaker = q->speaker2 = -1;
	q->rec = qdoc_rec(d, s);
	e = closed ? cm + 1 : cm;
	memset(d->in + om, 1, e - om);
	/* pieces come in order: a stretch of in[] grows or a new one starts */
	if (d->nrun && d->run[d->nrun - 1].e >= om) {
		if (d->run[d->nrun - 1].e < e)
			d->run[d->nrun - 1].e = e;
	} else {
		GROW(d->run, d->nrun, d->runcap, d->nrun + 1);
		d->run[d->nrun++] = (struct qrun){ om, e };
	}
}

static int
opens(enum fam f, uint32_t c)
{
	switch (f) {
	case F_CURLY: return c == 0x201C;
	case F_STRAIGHT: return c == '"';
	case F_GUIL: return c == 0x00AB || c == 0x00BB;
	case F_GUILR: return c == 0x00BB;
	case F_LOW: return c == 0x201E;
	case F_SWED: return c == 0x201D;
	case F_TWIN: return c == 0x2018;
	case F_ATWIN: return c == '\'';
	default: return 0;
	}
}

static int
closes(enum fam f, uint32_t c)
{
	switch (f) {
	case F_CURLY: return c == 0x201D;
	case F_SWED: return c == 0x201D || c == 0x201C;	/* ”…” and ”…“ */
	case F_TWIN: case F_ATWIN: return c == 0x201D;
	case F_STRAIGHT: return c == '"';
	case F_GUIL: return c == 0x00BB;
	case F_GUILR: return c == 0x00AB;
	case F_LOW: return c == 0x201C || c == 0x201D;
	default: return 0;
	}
}

/* ‘…’ within its paragraph, the closing mark not an apostrophe. */
static size_t
single_close(const struct qdoc *d, size_t i)
{
	size_t j;

	for (j = i + 1; j < d->n && j < i + 300 && d->t[j] != '\n'; j++) {
		if (d->t[j] == 0x2018 && open_ctx(d, j))
			return 0;
		if (d->t[j] == 0x2019 && !is_space(d->t[j - 1]) &&
		    (j + 1 >= d->n || !is_alnum(d->t[j + 1])))
			return j;
	}
	return 0;
}

/*
 * Outside a quotation, the mark at t[*i]: the family of the quotation
 * it opens, or F_NONE (with a warning if it is out of place).  A
 * single-quoted ‘…’ is taken whole, *i moved to its closing mark.
 */
static enum fam
opening(struct qdoc *d, size_t *ip)
{
	size_t i = *ip, j;
	uint32_t c = d->t[i];

	if (c == 0x201C || c == 0x201E || c == 0x00AB) {
		if (i + 1 < d->n && !is_space(d->t[i + 1]))
			return c == 0x201C ? F_CURLY : c == 0x201E ? F_LOW : F_GUIL;
		/* « Nous … », spaced as French writes them */
		if (c == 0x00AB && i + 2 < d->n && d->t[i + 1] != '\n' && !is_space(d->t[i + 2]))
			return F_GUIL;
		warn(d, i, "opening quotation mark before a space");
	} else if (c == '"') {
		if (open_ctx(d, i))
			return F_STRAIGHT;
		warn(d, i, "closing quotation mark with no opening mark");
	} else if (c == 0x201D || c == 0x00BB) {
		if (open_ctx(d, i) && is_alnum(d->t[i + 1]))
			return c == 0x201D ? F_SWED : F_GUILR;
		warn(d, i, "closing quotation mark with no opening mark");
	} else if (c == 0x2018 && i + 2 < d->n && d->t[i + 1] == 0x2018 && is_alnum(d->t[i + 2]) &&
	    (i == 0 || !is_alnum(d->t[i - 1]))) {
		/* ‘‘…’’: two single marks for a double one */
		*ip = i + 1;
		return F_TWIN;
	} else if (c == '\'') {
		/* ''…'': two ASCII marks for a double one, as some wires write it */
		if (i + 2 < d->n && is_alnum(d->t[i + 2]) && (i == 0 || !is_alnum(d->t[i - 1]))) {
			*ip = i + 1;
			return F_ATWIN;
		}
	} else if (c == 0x2018 && open_ctx(d, i) && is_alnum(d->t[i + 1]) &&
	    (j = single_close(d, i))) {
		piece(d, i, j, 1, 0);
		*ip = j;
	}
	return F_NONE;
}

static void
pair(struct qdoc *d)
{
	enum fam f = F_NONE;
	size_t i, j, om = 0, si = 0;
	int cont = 0;

	for (i = 0; i < d->n; i++) {
		uint32_t c;
		/* the rest of the text is plain ASCII: on to the next '"', '\n' or other */
		while (si < d->nsp && d->sp[si] < i)
			si++;
		if (si >= d->nsp)
			break;
		i = d->sp[si];
		c = d->t[i];
		if (f == F_NONE) {
			size_t at = i;
			if ((f = opening(d, &i)) != F_NONE)
				om = f == F_TWIN || f == F_ATWIN ? at : i, cont = 0;	/* ‘‘ opens at its first mark */
			continue;
		}
		if (opens(f, c) && open_ctx(d, i) && i >= om + 3 && is_space(d->t[i - 1]) &&
		    (d->t[i - 2] == '.' || d->t[i - 2] == '!' || d->t[i - 2] == '?')) {
			/*
			 * A new sentence opens a quotation before the last one
			 * closed: the paragraph convention, with the paragraph
			 * break lost.  The same speaker goes on.
			 */
			piece(d, om, i - 1, 0, cont);
			om = i;
			cont = 1;
			continue;
		}
		if (closes(f, c) && i > om + 1) {
			piece(d, om, i, 1, cont);
			f = F_NONE;
			continue;
		}
		/* ’’ or '' closing a double quotation */
		if ((c == 0x2019 || c == '\'') && i + 1 < d->n && d->t[i + 1] == c && i > om + 1 &&
		    (f == F_CURLY || f == F_STRAIGHT || f == F_TWIN || f == F_LOW || f == F_ATWIN)) {
			size_t nq = d->nq;
			piece(d, om, i + 1, 1, cont);	/* the second mark closes */
			if (d->nq > nq && d->q[nq].e > i) {
				if (d->q[nq].s < i)
					d->q[nq].e = i;
				else
					d->nq = nq;	/* nothing left between the marks */
			}
			i++;
			f = F_NONE;
			continue;
		}
		if (c == '\n') {
			/* The convention: no closing mark, the next paragraph opens again. */
			for (j = i + 1; j < d->n && is_space(d->t[j]); j++)
				;
			if (j < d->n && opens(f, d->t[j])) {
				piece(d, om, i, 0, cont);
				om = j;
				cont = 1;
				i = j;
				continue;
			}
			warn(d, om, "quotation not closed by the end of its paragraph");
			if (f != F_STRAIGHT)
				piece(d, om, i, 0, cont);
			f = F_NONE;
			continue;
		}
		if (opens(f, c) && !closes(f, c) && open_ctx(d, i)) {
			warn(d, om, "quotation opened again before it was closed");
			om = i;
			cont = 0;
		}
	}
	if (f != F_NONE) {
		warn(d, om, "quotation not closed by the end of its paragraph");
		if (f != F_STRAIGHT)
			piece(d, om, d->n, 0, cont);
	}
}

void
qscan(struct qdoc *d, const struct qlex *l)
{
	struct scan sc = { 0 };
	size_t i, j;

	d->nq = d->nw = d->nrun = 0;
	if (d->n > d->incap) {
		d->incap = d->n * 2;
		d->in = xrealloc(d->in, d->incap);
	}
	if (d->n)
		memset(d->in, 0, d->n);
	pair(d);
	sc.d = d;
	sc.l = l;
	sc.last = -1;
	for (i = 0; i < d->nq; i = j + 1) {
		for (j = i; j + 1 < d->nq && d->q[j + 1].cont; j++)
			;
		qattr_quote(&sc, i, j);
	}
	free(sc.tk.v);
	free(sc.tw.v);
	buf_free(&sc.name);
	free(sc.spk);
	free(sc.tgen);
	free(sc.tval);
}
