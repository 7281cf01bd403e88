/*
 * split-warc: lede-split's reader of WARC files (WARC/1.0 and 1.1, as
 * they are or gzipped, a gzip member a record or one for all): the HTML
 * pages of their response records, one at a time.
 */
#ifndef LEDE_SPLIT_WARC_H
#define LEDE_SPLIT_WARC_H
#include <stddef.h>

#include "buf.h"
#include "split-src.h"

/* Does a file start as a WARC file ("WARC/1.")? */
#define WARC_MAGIC(s, n) ((n) >= 7 && memcmp((s), "WARC/1.", 7) == 0)

/* A page of a response record. */
struct warc_page {
	const char *uri;	/* WARC-Target-URI, NUL-terminated */
	const char *date;	/* WARC-Date, NUL-terminated ("": none) */
	const char *body;	/* the HTTP payload, chunked transfer undone */
	size_t len;
	unsigned long long off;	/* where its record starts in the (uncompressed) file */
};

typedef void warc_fn(void *arg, const struct warc_page *);

/* What the reader keeps from file to file. */
struct warc {
	struct buf in;		/* the bytes of the file being read: a record at most */
	struct buf body;	/* a chunked payload, joined */
	struct buf plain;	/* a compressed payload, inflated */
	z_stream z;		/* for that, made at the first one */
	int zinit;
	struct buf uri, date;
	int verbose;		/* says which response records are skipped, and why */
};

/*
 * Reads src to its end, after pre[0..npre), what was read of it already,
 * calling fn for each page; name is the file's name in messages.  Returns 0, or 1 after a fault, said with the file
 * and the offset of its record: a file cut short, or a record that
 * cannot be read, ends the file, with the pages before it given.
 */
int warc_read(struct warc *, struct src *, const char *name, const char *pre, size_t npre,
    warc_fn *fn, void *arg);
/* warc_read over the file open at fd, gzipped or not. */
int warc_fd(struct warc *, int fd, const char *name, warc_fn *fn, void *arg);
void warc_free(struct warc *);

/* Is it named as a WARC file (foo.warc, foo.warc.gz)? */
int warc_name(const char *name);
#endif
