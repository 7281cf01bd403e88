/*
 * split-src: lede-split's inputs, as they are or gzipped (zlib), and
 * the test for a binary file.
 */
#ifndef LEDE_SPLIT_SRC_H
#define LEDE_SPLIT_SRC_H
#include <stddef.h>
#include <sys/types.h>
#include <zlib.h>

#define SRC_SNIFF 4096	/* bytes looked at for a binary file */

/* Does the file start with gzip's magic bytes? */
#define GZ_MAGIC(s, n) ((n) >= 2 && (s)[0] == '\x1f' && (s)[1] == '\x8b')

/* An input: a file as it is, or gzipped and read through zlib. */
struct src {
	int fd;
	gzFile gz;		/* NULL: read(2) as it is */
	const char *gzmsg;	/* zlib's message for a failed read */
};

/* Reads fd through zlib from here on (on a descriptor of its own); 0 or -1. */
int src_gz_open(struct src *, int fd);
/* Closes what src_gz_open opened. */
void src_close(struct src *);

/* As read(2); a gzip fault sets gzmsg and errno EIO. */
ssize_t src_read(struct src *, char *buf, size_t n);

/*
 * Do the first bytes s[0..n) look binary: NULs, and more than one
 * control byte other than white space and escape in each 32?  (A stray
 * NUL in text is text.)
 */
int src_binary(const char *s, size_t n);
#endif
