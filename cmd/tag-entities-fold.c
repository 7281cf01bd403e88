/*
 * tag-entities-fold: words folded blind to case and accents, as the
 * lexicon keeps them, and names stripped of accents for their ids.
 */
#include <stdint.h>
#include <utf8proc.h>

#include "tag-entities-priv.h"

void
fold_append(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	utf8proc_int32_t d[8];
	utf8proc_ssize_t m, j;
	int32_t c;
	int last, k;
	size_t i = 0;

	while (i < n) {
		if (p[i] < 0x80) {
			if (p[i] != '.')
				buf_addc(b, p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
			i++;
			continue;
		}
		if (!utf8_seq(p + i, n - i)) {
			buf_addc(b, p[i]);
			i++;
			continue;
		}
		c = (int32_t)utf8_get(p + i, n - i, &k);
		i += (size_t)k;
		if (c == 0x2019 || c == 0x2018 || c == 0x02bc) {
			buf_addc(b, '\'');
			continue;
		}
		if (c == 0x2010 || c == 0x2011) {
			buf_addc(b, '-');
			continue;
		}
		last = 0;
		m = utf8proc_decompose_char(c, d, 8, UTF8PROC_CASEFOLD |
		    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT, &last);
		if (m < 0 || m > 8) {
			utf8_put(b, (unsigned)c);
			continue;
		}
		for (j = 0; j < m; j++)
			utf8_put(b, (unsigned)d[j]);
	}
}

uint32_t
fold_hash(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t h = HASH_INIT;
	size_t i, o0 = b->len;
	unsigned char ch;
	char *o;

	if (b->len + n + 1 > b->cap)
		buf_grow(b, n);
	o = b->s + b->len;
	for (i = 0; i < n && (ch = p[i]) < 0x80; i++) {
		if (ch == '.')
			continue;
		ch = (unsigned char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
		*o++ = (char)ch;
		h = hash_byte(h, ch);
	}
	b->len = (size_t)(o - b->s);
	if (i == n)
		return h ? h : 1;
	fold_append(b, s + i, n - i);
	return key_hash(b->s + o0, b->len - o0);
}

void
fold_marks(struct buf *b, const char *s, size_t n)
{
	utf8proc_int32_t dd[8];
	utf8proc_ssize_t m, j;
	size_t i = 0, k;
	int32_t c;
	int last;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			/* a run of ASCII, as it is */
			for (k = i + 1; k < n && (unsigned char)s[k] < 0x80; k++)
				;
			buf_add(b, s + i, k - i);
			i = k;
			continue;
		}
		k = cp_at(s, n, i, &c);
		last = 0;
		m = utf8proc_decompose_char(c, dd, 8, UTF8PROC_DECOMPOSE |
		    UTF8PROC_STRIPMARK, &last);
		if (m <= 0 || m > 8)
			buf_add(b, s + i, k);
		else
			for (j = 0; j < m; j++)
				utf8_put(b, (unsigned)dd[j]);
		i += k;
	}
}
