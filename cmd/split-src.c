/*
 * split-src: lede-split's inputs, as they are or gzipped.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "split-src.h"

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
