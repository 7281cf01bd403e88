/* buf: a growable byte buffer, reused from record to record. */
#ifndef LEDE_BUF_H
#define LEDE_BUF_H
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct buf {
	char *s;	/* always NUL-terminated when len < cap */
	size_t len, cap;
};

void buf_grow(struct buf *, size_t);
void buf_adds(struct buf *, const char *);
void buf_printf(struct buf *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *, const char *, va_list);
void buf_addu(struct buf *, unsigned long long);
void buf_free(struct buf *);

/* Inline: many calls add a few bytes. */
static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap)
		buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void
buf_addc(struct buf *b, int c)
{
	if (b->len + 2 > b->cap)
		buf_grow(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

static inline void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}
#endif
