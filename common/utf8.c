/* UTF-8: checking, decoding, encoding and counting code points. */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "scan.h"
#include "utf8.h"


int
utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];

	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c < 0xF0) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;	/* overlong */
		if (c == 0xED && s[1] >= 0xA0)
			return 0;	/* surrogate */
		return 3;
	}
	if (c < 0xF5) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;	/* overlong */
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;	/* above U+10FFFF */
		return 4;
	}
	return 0;
}

size_t
utf8_count(const char *s, size_t n)
{
	/* less the continuation bytes (10xxxxxx) */
	return n - scan_count_cont((const unsigned char *)s, n);
}

void
utf8_put(struct buf *out, unsigned u)
{
	char c[4];

	buf_add(out, c, (size_t)utf8_enc(c, u));
}

unsigned
utf8_get(const unsigned char *s, size_t n, int *len)
{
	unsigned u;
	int k, i;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	k = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
	if ((size_t)k > n)
		k = (int)n;
	u = k == 4 ? s[0] & 7 : k == 3 ? s[0] & 15 : k == 2 ? s[0] & 31 : s[0];
	for (i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			k = i;
			break;
		}
		u = (u << 6) | (s[i] & 63);
	}
	*len = k;
	return u;
}

int
utf8_enc(char c[4], unsigned u)
{
	if (u < 0x80) {
		c[0] = (char)u;
		return 1;
	}
	if (u < 0x800) {
		c[0] = (char)(0xC0 | u >> 6);
		c[1] = (char)(0x80 | (u & 0x3F));
		return 2;
	}
	if (u < 0x10000) {
		c[0] = (char)(0xE0 | u >> 12);
		c[1] = (char)(0x80 | (u >> 6 & 0x3F));
		c[2] = (char)(0x80 | (u & 0x3F));
		return 3;
	}
	c[0] = (char)(0xF0 | u >> 18);
	c[1] = (char)(0x80 | (u >> 12 & 0x3F));
	c[2] = (char)(0x80 | (u >> 6 & 0x3F));
	c[3] = (char)(0x80 | (u & 0x3F));
	return 4;
}
