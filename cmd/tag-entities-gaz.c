/*
 * tag-entities-gaz: a quick reader for the gazetteers.
 *
 * The generated data files are long lists in a few fixed shapes, the
 * hand-kept ones an entity a line as a flow mapping, and libyaml spends
 * most of the start-up building a node for each word.  A file made only
 * of those shapes is read here instead; for anything else
 * lex_add_file returns -1 before the lexicon changes, and the caller reads
 * the file with libyaml (so every message stays the same).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag-entities-priv.h"
#include "util.h"

enum { Q_WORD, Q_NAME, Q_ENT, Q_ALIAS };

struct qop {
	int kind;
	uint32_t flag;
	const char *s, *type;
};

struct qops {
	struct qop *op;
	size_t n, cap;
};

static void
q_push(struct qops *q, int kind, uint32_t flag, const char *s, const char *type)
{
	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 4096;
		q->op = xrealloc(q->op, q->cap * sizeof *q->op);
	}
	q->op[q->n].kind = kind;
	q->op[q->n].flag = flag;
	q->op[q->n].s = s;
	q->op[q->n].type = type;
	q->n++;
}

/*
 * Is s[0..n) text YAML reads as it is: valid UTF-8, printable, and no
 * quote or backslash unless quotes is set?
 */
static int
q_textok(const char *s, size_t n, int quotes)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	unsigned c;
	int k;

	while (i < n) {
		if (u[i] < 0x80) {
			if (u[i] < 0x20 || u[i] == 0x7f || (!quotes && (u[i] == '"' || u[i] == '\\')))
				return 0;
			i++;
			continue;
		}
		if (!utf8_seq(u + i, n - i))
			return 0;
		c = utf8_get(u + i, n - i, &k);
		if (c < 0xa0 || c >= 0xfeff)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

/*
 * The bytes a plain scalar may hold after its first: ASCII of kinds that
 * mean nothing to YAML there, in a block or a flow, or UTF-8 (checked
 * after).
 */
static unsigned char q_plain[256];

static void
q_plaininit(void)
{
	const char *p;
	int c;

	if (q_plain['a'])
		return;
	for (c = 0; c < 256; c++)
		q_plain[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c >= 0x80;
	for (p = ".'-!&/()+_"; *p; p++)
		q_plain[(unsigned char)*p] = 1;
}

#define q_plainc(c) (q_plain[(unsigned char)(c)])

/*
 * Is the plain scalar s[0..n) with a byte of 0x80 or more what YAML
 * reads: printable UTF-8 with no line or paragraph separator, which
 * libyaml takes for a line break?
 */
static int
q_plainok(const char *s, size_t n)
{
	const char *p;

	if (!q_textok(s, n, 0))
		return 0;
	for (p = s; (p = memchr(p, 0xe2, (size_t)(s + n - p))) != NULL; p++)
		if ((unsigned char)p[1] == 0x80 && ((unsigned char)p[2] == 0xa8 ||
		    (unsigned char)p[2] == 0xa9))
			return 0;
	return 1;
}

/*
 * A scalar at *pp, "text" or plain words, NUL-terminated in place, or
 * NULL.  *term is the byte just after it, *pp what follows that byte.
 */
static char *
q_scalar(char **pp, char *term)
{
	char *p = *pp, *b;
	int wide;

	if (*p == '"') {
		b = ++p;
		while (*p != '"' && *p != '\n')
			p++;
		if (*p != '"' || p == b || !q_textok(b, (size_t)(p - b), 0))
			return NULL;
		*p++ = '\0';
		*term = *p;
		*pp = p + 1;
		return b;
	}
	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
	    (unsigned char)*p >= 0x80))
		return NULL;
	b = p;
	for (wide = 0;; p++) {
		if ((unsigned char)*p >= 0x80)
			wide = 1;
		else if (!q_plainc((unsigned char)*p) &&
		    !(*p == ' ' && q_plainc((unsigned char)p[1])))
			break;
	}
	if (wide && !q_plainok(b, (size_t)(p - b)))
		return NULL;
	*term = *p;
	*p = '\0';
	*pp = p + 1;
	return b;
}

static int
q_starts(const char *p, const char *pre)
{
	return strncmp(p, pre, strlen(pre)) == 0;
}

/* Skips the comments at the top of p; NULL if one is not plain text. */
static char *
q_comments(char *p, char *end)
{
	char *nl;

	while (p < end && *p == '#') {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!q_textok(p, (size_t)(nl - p), 1))
			return NULL;
		p = nl + 1;
	}
	return p;
}

static int
q_typec(int c)
{
	return (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
}

/*
 * The body of "names:", a list of names under each type; the number of
 * names, or -1.
 */
static long
q_names(char **pp, struct qops *q)
{
	char *p = *pp, *type, *w, term;
	long nw = 0, nw0;

	while (p[0] == ' ' && p[1] == ' ' && q_typec((unsigned char)p[2])) {
		type = p + 2;
		for (p = type; q_typec((unsigned char)*p); p++)
			;
		if (p[0] != ':' || p[1] != '\n')
			return -1;
		*p = '\0';
		p += 2;
		nw0 = nw;
		while (q_starts(p, "    - ")) {
			p += 6;
			if (!(w = q_scalar(&p, &term)) || term != '\n')
				return -1;
			q_push(q, Q_NAME, strcmp(type, "GPE") == 0, w, type);
			nw++;
		}
		if (nw == nw0)
			return -1;
	}
	*pp = p;
	return nw;
}

/*
 * The aliases of an entity from just after "[": a flow list up to "]",
 * then end; 0, or -1 if it is not one.
 */
static int
q_aliases(char **pp, struct qops *q, const char *end)
{
	char *p = *pp, *w, term;

	do {
		if (!(w = q_scalar(&p, &term)))
			return -1;
		q_push(q, Q_ALIAS, 0, w, NULL);
		if (term == ',' && *p++ != ' ')
			return -1;
	} while (term == ',');
	if (term != ']' || !q_starts(p, end))
		return -1;
	*pp = p + strlen(end);
	return 0;
}

/*
 * An entity as a block mapping at *pp ("  - name: X" then "type: T"
 * and perhaps "aliases: [...]" on lines of their own), or -1.
 */
static int
q_entblock(char **pp, struct qops *q)
{
	char *p = *pp + 10, *type, *w, term;

	if (!(w = q_scalar(&p, &term)) || term != '\n' || !q_starts(p, "    type: "))
		return -1;
	p += 10;
	if (!(type = q_scalar(&p, &term)) || term != '\n' || !lex_validtype(type))
		return -1;
	q_push(q, Q_ENT, 0, w, type);
	if (q_starts(p, "    aliases: [")) {
		p += 14;
		if (q_aliases(&p, q, "\n") < 0)
			return -1;
	}
	*pp = p;
	return 0;
}

/*
 * The same as a flow mapping on one line, as the hand-kept files have
 * them: "  - {name: X, type: T}" or "  - {name: X, type: T, aliases:
 * [A, B]}", the keys in this order; or -1.
 */
static int
q_entflow(char **pp, struct qops *q)
{
	char *p = *pp + 11, *type, *w, term;

	if (!(w = q_scalar(&p, &term)) || term != ',' || !q_starts(p, " type: "))
		return -1;
	p += 7;
	if (!(type = q_scalar(&p, &term)) || !lex_validtype(type))
		return -1;
	q_push(q, Q_ENT, 0, w, type);
	if (term == ',') {
		if (!q_starts(p, " aliases: ["))
			return -1;
		p += 11;
		if (q_aliases(&p, q, "}\n") < 0)
			return -1;
	} else if (term != '}' || *p++ != '\n')
		return -1;
	*pp = p;
	return 0;
}

/* Skips the lines of comment at p, indented; NULL if one is not plain text. */
static char *
q_incomments(char *p)
{
	char *q, *nl;

	for (;;) {
		for (q = p; *q == ' '; q++)
			;
		if (q == p || *q != '#' || !(nl = strchr(q, '\n')) ||
		    !q_textok(q, (size_t)(nl - q), 1))
			return p;
		p = nl + 1;
	}
}

/*
 * The body of "entities:", each a name, a type and perhaps a list of
 * aliases, in either shape above, with comment lines between; the
 * number of entities, or -1.
 */
static long
q_entities(char **pp, struct qops *q)
{
	char *p = *pp;
	long nw = 0;
	int r;

	for (;; nw++) {
		p = q_incomments(p);
		if (q_starts(p, "  - name: "))
			r = q_entblock(&p, q);
		else if (q_starts(p, "  - {name: "))
			r = q_entflow(&p, q);
		else
			break;
		if (r < 0)
			return -1;
	}
	*pp = p;
	return nw;
}

/* The body of a word list with this flag; the number of words, or -1. */
static long
q_words(char **pp, struct qops *q, uint32_t flag)
{
	char *p = *pp, *w, term;
	long nw = 0;

	while (q_starts(p, "  - ")) {
		p += 4;
		if (!(w = q_scalar(&p, &term)) || term != '\n')
			return -1;
		q_push(q, Q_WORD, flag, w, NULL);
		nw++;
	}
	*pp = p;
	return nw;
}

/* Reads a file of the shapes above into q; -1 if it has anything else. */
static int
q_parse(char *p, char *end, struct qops *q)
{
	char *key;
	long nw;
	uint32_t flag;

	if (!(p = q_comments(p, end)) || p == end)
		return -1;
	while (p < end) {
		if (!(p = q_comments(p, end)))
			return -1;
		if (p == end)
			break;
		key = p;
		while ((*p >= 'a' && *p <= 'z') || *p == '-')
			p++;
		if (p == key || p[0] != ':' || p[1] != '\n')
			return -1;
		*p = '\0';
		p += 2;
		if (strcmp(key, "names") == 0)
			nw = q_names(&p, q);
		else if (strcmp(key, "entities") == 0)
			nw = q_entities(&p, q);
		else if ((flag = lex_listflag(key)) != 0)
			nw = q_words(&p, q, flag);
		else
			return -1;
		if (nw <= 0)
			return -1;
	}
	return 0;
}

int
lex_add_file(struct lex *x, const char *path)
{
	struct buf b = { 0 };
	struct qops q = { 0 };
	struct toks tv = { 0 };
	struct slot *sl;
	size_t i, r;
	int ent = -1, ret = -1;
	FILE *fp;

	if (!(fp = fopen(path, "rb")))
		return -1;
	do {
		buf_grow(&b, 1 << 16);
		r = fread(b.s + b.len, 1, b.cap - b.len - 1, fp);
		b.len += r;
	} while (r > 0);
	if (ferror(fp) || b.len == 0 || b.s[b.len - 1] != '\n' || memchr(b.s, '\0', b.len)) {
		fclose(fp);
		buf_free(&b);
		return -1;
	}
	fclose(fp);
	b.s[b.len] = '\0';
	q_plaininit();
	if (q_parse(b.s, b.s + b.len, &q) < 0)
		goto out;
	/* as lex_add does; a name with no word is left to its message */
	for (i = 0; i < q.n; i++) {
		const struct qop *o = &q.op[i];
		switch (o->kind) {
		case Q_WORD:
			lex_word(x, o->s, o->flag, &tv);
			break;
		case Q_NAME:
			sl = lex_slot(x, o->s, &tv);
			if (sl && sl->ent >= 0)
				continue;	/* a country or a hand-kept entry */
			if (!sl)
				goto out;	/* no word in it: left to lex_add */
			lex_ent_key(x, o->s, o->type, o->flag, &tv);
			break;
		case Q_ENT:
			if ((ent = lex_ent(x, NULL, NULL, o->s, o->type, 0, &tv)) < 0)
				goto out;
			break;
		case Q_ALIAS:
			if (lex_alias(x, NULL, NULL, o->s, ent, &tv) < 0)
				goto out;
			break;
		}
	}
	ret = 0;
out:
	free(tv.t);
	free(q.op);
	buf_free(&b);
	return ret;
}
