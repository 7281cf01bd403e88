/*
 * extract-dates-scan: finds temporal expressions in a sentence and
 * gives them TIMEX3 values against a reference date.  The words come
 * from a YAML data file (data/en/dates.yaml); the rules are here.
 */
#ifndef LEDE_EXTRACT_DATES_SCAN_H
#define LEDE_EXTRACT_DATES_SCAN_H
#include <stddef.h>

#include "buf.h"
#include "conf.h"

/* The reference date (and time, if known) relative values count from. */
struct dates_ref {
	int have;		/* 0: none, values stay underspecified */
	int y, m, d;
	int hastime, h, mi, s;
};

struct dates_lex;
struct dates_scan;

/* Reads the words from a loaded data file; a bad one is fatal (conf_fail). */
struct dates_lex *dates_lex_load(struct conf *);
void dates_lex_free(struct dates_lex *);

/* Parses YYYY-MM-DD with an optional THH:MM[:SS...]; 0 or -1. */
int dates_parse_ref(const char *s, size_t n, struct dates_ref *);

/* dmy: read 11/12/2025 as day first. */
struct dates_scan *dates_scan_new(const struct dates_lex *, int dmy);
void dates_scan_free(struct dates_scan *);

/*
 * on: try every rule at every token, without the start masks and the
 * shortcut for texts without an anchor (slower; the same output).
 */
void dates_scan_all_rules(struct dates_scan *, int on);

/*
 * A new document begins: what the texts before said (the last date,
 * the period they are about) no longer counts.  dates_find() carries
 * both from one text to the next, so a document's texts go through in
 * order, and this between two documents.
 */
void dates_scan_doc(struct dates_scan *);

/*
 * Appends to out the JSON array of the expressions in text[0..len)
 * (valid UTF-8), offsets in code points.  Returns how many.
 */
size_t dates_find(struct dates_scan *, const char *text, size_t len,
    const struct dates_ref *, struct buf *out);
#endif
