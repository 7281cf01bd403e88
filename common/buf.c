#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

/* Makes room for n more bytes and a NUL. */
void
buf_grow(struct buf *b, size_t n)
{
	size_t cap;

	if (b->len + n + 1 <= b->cap)
		return;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1) {
		if (cap > (size_t)-1 / 2)
			die(2, "out of memory");
		cap *= 2;
	}
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
	b->s[b->len] = '\0';	/* a new buffer too: buf.h's promise */
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		die(2, "vsnprintf failed");
	buf_grow(b, n);
	vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	b->len += n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* A decimal number, without printf's cost on the hot path. */
void
buf_addu(struct buf *b, unsigned long long v)
{
	char d[24], *p = d + sizeof d;

	do
		*--p = '0' + v % 10;
	while (v /= 10);
	buf_add(b, p, d + sizeof d - p);
}

void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}
