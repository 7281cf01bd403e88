/*
 * extract-quotes-ents: reading the "entities" array of a checked record
 * (lede-tag-entities' start, end, type, id) without building a tree.
 */
#ifndef EXTRACT_QUOTES_ENTS_H
#define EXTRACT_QUOTES_ENTS_H
#include <stddef.h>

#include "buf.h"

struct qentv {
	long long start, end;
	size_t type, tlen, id, idlen;	/* in qents.b */
};

struct qents {
	struct qentv *v;
	size_t n, cap;
	struct buf b, tmp;
};

/*
 * Reads the array s[b, e) (a value jobj_parse has checked: an array
 * or null) into c; entities with no "id" are left out.  Returns NULL,
 * or what is wrong with it.
 */
const char *qents_parse(struct qents *c, const char *s, size_t b, size_t e);
void qents_free(struct qents *);
#endif
