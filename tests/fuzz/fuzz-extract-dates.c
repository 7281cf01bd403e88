/*
 * libFuzzer target for lede-extract-dates' scanner
 * (cmd/extract-dates-*.c) with the words of data/en/dates.yaml
 * ($LEDE_DATA/en/dates.yaml if set).  The first byte picks the options
 * (a reference date or none, --dmy); the rest is the text, used only
 * when it is valid UTF-8, as the program only sees checked records.
 * The output must be a JSON array whose spans lie in order in the text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conf.h"
#include "extract-dates-scan.h"
#include "json.h"
#include "utf8.h"

static struct dates_lex *lex;
static struct dates_scan *sc[2];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct conf c;
	const char *d = getenv("LEDE_DATA");
	char path[4096];

	(void)argc, (void)argv;
	snprintf(path, sizeof path, "%s/en/dates.yaml", d ? d : "data");
	conf_load(&c, path);
	lex = dates_lex_load(&c);
	conf_free(&c);
	sc[0] = dates_scan_new(lex, 0);
	sc[1] = dates_scan_new(lex, 1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct buf out, wrap;
	static struct jobj o;
	struct dates_ref ref;
	const char *err;
	size_t i, off, ncp = 0;
	int k, opt;

	if (size < 1)
		return 0;
	opt = data[0];
	data++, size--;
	for (i = 0; i < size; i += (size_t)k) {
		if (!(k = utf8_seq(data + i, size - i)))
			return 0;
		ncp++;
	}
	memset(&ref, 0, sizeof ref);
	if (opt & 1)
		dates_parse_ref(opt & 2 ? "2025-11-13T10:27" : "2024-02-29", opt & 2 ? 16 : 10, &ref);
	buf_reset(&out);
	dates_scan_doc(sc[(opt >> 2) & 1]);	/* each input a document */
	dates_find(sc[(opt >> 2) & 1], (const char *)data, size, &ref, &out);
	buf_reset(&wrap);
	buf_adds(&wrap, "{\"d\":");
	buf_add(&wrap, out.s, out.len);
	buf_adds(&wrap, "}");
	if (jobj_parse(&o, wrap.s, wrap.len, &err, &off) < 0) {
		fprintf(stderr, "bad JSON (%s at %zu): %s\n", err, off, wrap.s);
		abort();
	}
	/* every "end" is within the text */
	{
		const char *p = out.s;
		unsigned long last = 0, s, e;
		while ((p = strstr(p, "{\"start\":")) != NULL) {
			if (sscanf(p, "{\"start\":%lu,\"end\":%lu", &s, &e) != 2 || s >= e ||
			    e > ncp || s < last)
				abort();
			last = e;
			p++;
		}
	}
	return 0;
}
