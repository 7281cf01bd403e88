/*
 * tag-entities-ner: what lede-tag-entities' main (and its fuzzers) use of
 * its modules: the lexicon (gazetteers, titles, cue words, folded blind
 * to case and accents: tag-entities-lex.c, and tag-entities-gaz.c for the
 * generated files), and the documents, whose records are tokenized
 * (tag-entities-tok.c), cut into typed names (tag-entities-span.c) and
 * linked (tag-entities-link.c).  No main in these, so a fuzzer can drive
 * them.
 */
#ifndef TAG_ENTITIES_NER_H
#define TAG_ENTITIES_NER_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "conf.h"

struct lex;

/* An empty lexicon with the built-in types. */
struct lex *lex_new(void);
/*
 * Adds a YAML document: any of the keys entities, names, first-names,
 * words, org-words, org-heads, loc-words, gpe-words, place-cues,
 * org-cues, person-verbs, connectors, not-names, heads, prefixes,
 * honorifics, lower, misc-words, misc-heads, loc-heads, place-nouns,
 * appos-ends, place-suffixes, sport-words, team-plural, team-verbs,
 * team-nouns, team-before, team-heads.  A bad one is fatal with its place.
 */
void lex_add(struct lex *, struct conf *);
/* The categories of en/titles.yaml this program reads (it leaves the others). */
void lex_add_titles(struct lex *, struct conf *);
/*
 * Adds a shipped data file without libyaml if it is one of the plain
 * shapes the gazetteers have (tag-entities-gaz.c), as lex_add would; -1
 * if it is not, or if lex_add would reject it: read it with conf_load
 * and lex_add.
 */
int lex_add_file(struct lex *, const char *path);
/*
 * Makes the lexicon faster to read once everything is in it: a word
 * added after undoes it.
 */
void lex_freeze(struct lex *);
void lex_free(struct lex *);

/* Appends s[0..n) folded: lower case, no accents, no dots. */
void fold_append(struct buf *, const char *s, size_t n);

struct ent {
	size_t start, end;	/* code points from the record's text start */
	size_t bstart, bend;	/* bytes, the same */
	size_t tbeg, tend;	/* bytes of the title in the text, if tend > tbeg */
	const char *type;
	const char *id;		/* NUL-terminated, owned by the document */
};

struct doc;

/* The lexicon must not change after this: its lookups are cached. */
struct doc *doc_new(const struct lex *);
void doc_free(struct doc *);
/* Forgets the records added, keeping the memory. */
void doc_reset(struct doc *);
/* Adds the text of the next record of the document (valid UTF-8). */
void doc_add(struct doc *, const char *text, size_t n);
/* Types and links every mention of the records added so far. */
void doc_resolve(struct doc *);
/* The entities of record i (0-based), sorted by start; *n is set. */
const struct ent *doc_ents(struct doc *, size_t i, size_t *n);
/* The text of record i, as added. */
const char *doc_text(struct doc *, size_t i, size_t *n);
#endif
