/*
 * libFuzzer target for the tokenizer, span finder and resolver of
 * lede-tag-entities: each line of the input is a record of one document.
 * A small lexicon is built in memory, so no data files are needed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "tag-entities-ner.h"
#include "util.h"

static const char lexicon[] =
    "entities:\n"
    "  - {name: United States, type: GPE, aliases: [US, U.S., America]}\n"
    "  - {name: Trinidad and Tobago, type: GPE}\n"
    "  - {name: Colombian, type: NORP, aliases: [Colombians]}\n"
    "  - {name: Community of Latin American and Caribbean States, type: ORG, aliases: [CELAC]}\n"
    "  - {name: Gustavo Petro, type: PERSON, aliases: [Petro]}\n"
    "names: {GPE: [Bogotá, Washington, Santa Marta]}\n"
    "first-names: [Gustavo, Pedro, Marco]\n"
    "words: [the, said, west, relations, sources]\n"
    "not-names: [The, In, Monday]\n"
    "org-words: [Ministry, Party, Inc.]\n"
    "org-heads: [Ministry, Bank]\n"
    "loc-words: [Sea, Ocean]\n"
    "loc-heads: [Lake, St.]\n"
    "gpe-words: [County, City]\n"
    "misc-words: [War]\n"
    "misc-heads: [Battle]\n"
    "heads: [President, Minister, Secretary]\n"
    "prefixes: [Defense, Prime]\n"
    "honorifics: [Mr., Dr.]\n"
    "lower: [human rights chief, spokesman]\n"
    "connectors: [of, de, and, the, for]\n"
    "person-verbs: [said, told]\n"
    "place-cues: [city of, in]\n"
    "org-cues: [magazine, band]\n"
    "place-nouns: [town, city]\n"
    "appos-ends: [based, in]\n"
    "place-suffixes: [burg, ville]\n";

static struct lex *lex;
static struct doc *doc;

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *nl;
	size_t i, j, n, nrec = 0, tl;
	const struct ent *e;

	if (!lex) {
		struct conf c;
		char err[256];
		lex = lex_new();
		if (conf_load_mem(&c, "fuzz", lexicon, sizeof lexicon - 1, err, sizeof err) < 0)
			abort();
		lex_add(lex, &c);
		conf_free(&c);
		lex_freeze(lex);	/* as the program reads it */
		doc = doc_new(lex);
	}
	doc_reset(doc);
	while (size > 0) {
		nl = memchr(s, '\n', size);
		n = nl ? (size_t)(nl - s) : size;
		doc_add(doc, s, n);
		nrec++;
		s += n + (nl != NULL);
		size -= n + (nl != NULL);
	}
	doc_resolve(doc);
	for (i = 0; i < nrec; i++) {
		doc_text(doc, i, &tl);
		e = doc_ents(doc, i, &n);
		for (j = 0; j < n; j++) {
			if (e[j].start >= e[j].end || e[j].bend > tl || e[j].bstart >= e[j].bend ||
			    !e[j].id || !e[j].type || e[j].tend > tl)
				abort();
			if (j > 0 && e[j].start < e[j - 1].end)
				abort();
		}
	}
	return 0;
}
