/*
 * libFuzzer target for lede-dedupe's text handling: the normaliser
 * (cmd/dedupe-norm.c), the shingles and sets (cmd/dedupe-sketch.c) and
 * the key line parser of --join (cmd/dedupe-keys.c).  The normalised
 * text must be valid UTF-8 with single spaces and no punctuation at
 * either end, normalising it again must not change it, nor putting a
 * word before it (which moves the 16-byte fast path), a set must be
 * sorted and its Jaccard with itself 1, and a key line that parses
 * must give back the same fields when written again; a near key line
 * that parses must give a sorted set within bounds; a header line that
 * parses must give its fields within it, and options that differ from
 * themselves in nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "../../cmd/dedupe-keys.h"
#include "../../cmd/dedupe-norm.h"
#include "../../cmd/dedupe-sketch.h"
#include "json.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct norm nm;
	static struct buf a, b, c;
	static struct sketch sk;
	static int ready;
	static struct nearline nl;
	struct keyline k;
	static const char opts[] = "\t-b doc\t-f \"text\"\t-n\t-s 5";
	struct keyhdr h;
	size_t i, run;
	int n, w;

	if (!ready) {
		sketch_init(&sk, 3);
		ready = 1;
	}
	/* Key lines: anything at all. */
	if (keyline_parse(&k, (const char *)data, size) == NULL) {
		if (k.poslen < 14 || k.doclen == 0 || k.nlen == 0 ||
		    k.doc + k.doclen != (const char *)data + size)
			abort();
	}
	/* Near key lines: anything at all. */
	if (nearline_parse(&nl, &sk, (const char *)data, size) == NULL) {
		if (sk.nset > SK_KMAX || (nl.kind == '-') != (sk.nset == 0) ||
		    sk.truncated != (nl.kind == 't') || nl.poslen < 14 ||
		    nl.doclen == 0 || nl.doc + nl.doclen != (const char *)data + size)
			abort();
		for (i = 1; i < sk.nset; i++)
			if (sk.set[i - 1] >= sk.set[i])
				abort();
	}
	/* Header lines, both forms: anything at all. */
	for (w = 0; w < 2; w++) {
		if (keyhdr_parse(&h, (const char *)data, size, w) != NULL)
			continue;
		if ((h.fplen != 16 && h.fplen != 1) || h.opts + h.optslen !=
		    (const char *)data + size || (w && (h.namelen < 2 ||
		    h.name[0] != '"' || h.name[h.namelen - 1] != '"')))
			abort();
		if (keyopts_diff(h.opts, h.optslen, h.opts, h.optslen, &a) != NULL)
			abort();
		keyopts_diff(h.opts, h.optslen, opts, sizeof opts - 1, &a);
	}
	/*
	 * The normaliser takes valid UTF-8 only (the JSON checker's job).
	 * Normalising twice is the same as once for stream-safe text (UAX
	 * #15: at most 30 combining marks in a row, here counting those
	 * that dropped punctuation separates); longer runs are left out.
	 */
	for (i = 0, run = 0; i < size; i += n) {
		int32_t cp;

		if (!(n = utf8_seq(data + i, size - i)))
			return 0;
		utf8proc_iterate(data + i, n, &cp);
		if (utf8proc_get_property(cp)->combining_class) {
			run++;
		} else {
			/* Only what the key keeps (letters, digits, spaces) ends a run. */
			utf8proc_category_t cat = utf8proc_category(cp);

			if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
			    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
			    cat == UTF8PROC_CATEGORY_ZS || cp == ' ')
				run = 0;
		}
		if (run > 30)
			return 0;
	}
	buf_reset(&a);
	norm_text(&nm, (const char *)data, size, &a);
	for (i = 0; i < a.len; i += n)
		if (!(n = utf8_seq((const unsigned char *)a.s + i, a.len - i)))
			abort();
	if (a.len && (a.s[0] == ' ' || a.s[a.len - 1] == ' ' || strstr(a.s, "  ")))
		abort();
	buf_reset(&b);
	norm_text(&nm, a.s ? a.s : "", a.len, &b);
	if (a.len != b.len || (a.len && memcmp(a.s, b.s, a.len) != 0))
		abort();
	/* Cut elsewhere (the fast path reads 16 bytes at a time): the same. */
	buf_reset(&b);
	buf_add(&b, "x ", 2);
	buf_add(&b, data, size);
	buf_reset(&c);
	norm_text(&nm, b.s, b.len, &c);
	if (c.len != (a.len ? a.len + 2 : 1) || c.s[0] != 'x' ||
	    (a.len && (c.s[1] != ' ' || memcmp(c.s + 2, a.s, a.len) != 0)))
		abort();
	if (sketch_text(&sk, a.s ? a.s : "", a.len)) {
		for (i = 1; i < sk.nset; i++)
			if (sk.set[i - 1] >= sk.set[i])
				abort();
		if (sketch_jaccard(sk.set, sk.nset, sk.truncated, sk.set,
		    sk.nset, sk.truncated) != 1.0)
			abort();
	}
	return 0;
}
