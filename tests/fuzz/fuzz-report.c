/*
 * libFuzzer target for lede-report: each line of the input is a record;
 * the good ones go into a report, and the page is written to /dev/null.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "../../cmd/report-model.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct report r;
	struct jobj o = { 0 };
	const char *s = (const char *)data, *e, *err;
	size_t off;

	if (!null && !(null = fopen("/dev/null", "w")))
		abort();
	report_init(&r, 3, 200);
	while (size > 0) {
		e = memchr(s, '\n', size);
		size_t n = e ? (size_t)(e - s) : size;

		if (jobj_parse(&o, s, n, &err, &off) == 0)
			report_add(&r, &o);
		s += n + (e != NULL);
		size -= n + (e != NULL);
	}
	report_write(&r, null, "fuzz");
	report_free(&r);
	jobj_free(&o);
	return 0;
}
