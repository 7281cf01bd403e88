/*
 * split-src: lede-split's inputs, as they are or gzipped, the test for
 * a binary file, and bytes that are not UTF-8 found and mended.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "scan.h"
#include "split-src.h"
#include "utf8.h"

#define GZ_BUFFER 65536

int
src_gz_open(struct src *in, int fd)
{
	int fd2 = dup(fd);

	if (fd2 < 0 || !(in->gz = gzdopen(fd2, "rb"))) {
		if (fd2 >= 0)
			close(fd2);
		return -1;
	}
	gzbuffer(in->gz, GZ_BUFFER);
	return 0;
}

void
src_close(struct src *in)
{
	if (in->gz)
		gzclose(in->gz);
	in->gz = NULL;
}

ssize_t
src_read(struct src *in, char *buf, size_t n)
{
	int r, e;

	if (!in->gz)
		return read(in->fd, buf, n);
	r = gzread(in->gz, buf, n > INT_MAX ? INT_MAX : (unsigned)n);
	if (r < 0) {
		in->gzmsg = gzerror(in->gz, &e);
		/* zlib names the file by its descriptor: "<fd:4>: ..." */
		if (in->gzmsg && strncmp(in->gzmsg, "<fd:", 4) == 0 && strstr(in->gzmsg, ": "))
			in->gzmsg = strstr(in->gzmsg, ": ") + 2;
		if (e != Z_ERRNO)
			errno = EIO;
		return -1;
	}
	return r;
}

int
src_binary(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, bad = 0;

	if (n > SRC_SNIFF)
		n = SRC_SNIFF;
	if (!memchr(s, '\0', n))
		return 0;	/* binary files have NULs; text seldom does */
	for (i = 0; i < n; i++)
		bad += p[i] < 0x20 && !(p[i] >= '\t' && p[i] <= '\r') && p[i] != 0x1b;
	return bad > 1 && bad * 32 > n;
}

int
src_utf8(const char *s, size_t n, size_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, cont = 0;
	int k;

	while ((i = scan_wide(p, i, n)) < n) {
		if (!(k = utf8_seq(p + i, n - i)))
			return 0;
		cont += k - 1;
		i += k;
	}
	*cp = n - cont;
	return 1;
}

int
src_mend(const char *s, size_t n, struct buf *dst)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, j;
	int k = 0, bad = 0;

	for (;;) {
		for (j = i; j < n && p[j] < 0x80; j++)
			;
		while (j < n && (p[j] < 0x80 || (k = utf8_seq(p + j, n - j)))) {
			j += p[j] < 0x80 ? 1 : k;
		}
		if (j >= n && !bad)
			return 0;
		if (!bad)
			buf_reset(dst);
		bad = 1;
		buf_add(dst, s + i, j - i);
		if (j >= n)
			return 1;
		buf_add(dst, "\xEF\xBF\xBD", 3);
		i = j + 1;
	}
}
