/*
 * libFuzzer target for lede-tag-entities' own reader of the generated
 * gazetteers (lex_add_file in cmd/tag-entities-gaz.c), which reads the
 * plain shapes those files have without libyaml and hands anything else
 * back (-1) to conf_load and lex_add.  Whatever the bytes, it must not
 * fault, leak or die.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "tag-entities-ner.h"

static char path[] = "/tmp/fuzz-gazetteer.XXXXXX";
static int fd = -1;

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lex *x;

	if (fd < 0) {
		if ((fd = mkstemp(path)) < 0)
			abort();
		unlink(path);
		snprintf(path, sizeof path, "/dev/fd/%d", fd);
	}
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	x = lex_new();
	lex_add_file(x, path);
	lex_free(x);
	return 0;
}
