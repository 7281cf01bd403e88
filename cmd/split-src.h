/*
 * split-src: lede-split's inputs, as they are or gzipped (zlib), the
 * test for a binary file, and the test and mending of UTF-8.
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

struct buf;

/*
 * Is s[0..n) valid UTF-8?  If so, *cp gets its code points.  Runs of
 * ASCII are passed over many bytes at a time.
 */
int src_utf8(const char *s, size_t n, size_t *cp);
/*
 * Each byte of s[0..n) that is not valid UTF-8 replaced by U+FFFD, in
 * dst: 1 if any was; 0, dst untouched, if none.
 */
int src_mend(const char *s, size_t n, struct buf *dst);
#endif
