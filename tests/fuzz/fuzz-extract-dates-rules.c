/*
 * libFuzzer target: lede-extract-dates' scanner with and without its
 * start masks must find the same.  Each rule is asked only at the
 * tokens its start mask allows (DATES_RULE, cmd/extract-dates-int.h),
 * and a text without an anchor is "[]" at once; dates_scan_all_rules()
 * asks every rule at every token.  The first byte picks the options
 * (a reference date or none, with a time or not, --dmy); the rest is
 * the text, used only when it is valid UTF-8.  Aborts when the two
 * outputs differ.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conf.h"
#include "extract-dates-scan.h"
#include "utf8.h"

static struct dates_lex *lex;
static struct dates_scan *sc[2][2];	/* [dmy][all rules] */

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct conf c;
	const char *d = getenv("LEDE_DATA");
	char path[4096];
	int dmy, all;

	(void)argc, (void)argv;
	snprintf(path, sizeof path, "%s/en/dates.yaml", d ? d : "data");
	conf_load(&c, path);
	lex = dates_lex_load(&c);
	conf_free(&c);
	for (dmy = 0; dmy < 2; dmy++)
		for (all = 0; all < 2; all++) {
			sc[dmy][all] = dates_scan_new(lex, dmy);
			dates_scan_all_rules(sc[dmy][all], all);
		}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf out[2];
	struct dates_ref ref;
	size_t i;
	int k, opt, all;

	if (size < 1)
		return 0;
	opt = data[0];
	data++, size--;
	for (i = 0; i < size; i += (size_t)k)
		if (!(k = utf8_seq(data + i, size - i)))
			return 0;
	memset(&ref, 0, sizeof ref);
	if (opt & 1)
		dates_parse_ref(opt & 2 ? "2025-11-13T10:27" : "2024-02-29", opt & 2 ? 16 : 10, &ref);
	for (all = 0; all < 2; all++) {
		buf_reset(&out[all]);
		dates_scan_doc(sc[(opt >> 2) & 1][all]);	/* each input a document */
		dates_find(sc[(opt >> 2) & 1][all], (const char *)data, size, &ref, &out[all]);
	}
	if (out[0].len != out[1].len || memcmp(out[0].s, out[1].s, out[0].len) != 0) {
		fprintf(stderr, "the start masks change the output\n  masks: %.*s\n  all:   %.*s\n",
		    (int)out[0].len, out[0].s, (int)out[1].len, out[1].s);
		abort();
	}
	return 0;
}
