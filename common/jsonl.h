/*
 * jsonl: reading operands line by line with their file:line, and the
 * loop every record filter shares: check each line, hand the record
 * to the program, write what it returns, stop or skip on a bad line.
 */
#ifndef LEDE_JSONL_H
#define LEDE_JSONL_H
#include <stdio.h>
#include <sys/types.h>

#include "buf.h"
#include "json.h"

/*
 * Lines are read with read(2) into one buffer per input and handed out
 * in place, NUL-terminated: no copy, no allocation per line.  The line
 * is valid until the next input_next or input_close.
 */
struct input {
	const char *path;	/* as given; "-" for standard input */
	const char *name;	/* for messages; "<stdin>" for standard input */
	FILE *fp;		/* open while not NULL; read through its descriptor */
	unsigned long lineno;
	char *line;		/* the current line, without its newline */
	size_t len;
	char *buf;		/* what was read: buf[beg..end) is not handed out yet */
	size_t cap, beg, end;
	int eof;
};

/* Opens path ("-" is standard input); -1 with errno on failure (EISDIR: a folder). */
int input_open(struct input *, const char *path);
/* Reads the next line: 1, or 0 at the end.  A read error is fatal. */
int input_next(struct input *);
/* Closes the input and frees its buffer. */
void input_close(struct input *);

struct filter;
/*
 * Called for each good record; writes its output with filter_emit.
 * Returns 0, or -1 after calling filter_reject to refuse the record.
 */
typedef int (*filter_fn)(struct filter *, struct input *, struct jobj *);

struct filter {
	int kflag;		/* -k: pass bad lines through and go on */
	int uflag;		/* -u: flush after each record */
	filter_fn rec;
	/*
	 * May deal with a line before it is checked (NULL: none does):
	 * returns 1 if it has, 0 to have the line checked and given to rec.
	 */
	int (*raw)(struct filter *, struct input *);
	void (*flush)(struct filter *);	/* emit held records (may be NULL) */
	void *ctx;
	int readonly;		/* set by filter_each: a bad line is not passed on */
	int status;
	struct buf out;
	/* The record f->rec is given, for the doc and n of a warning; else NULL. */
	const struct jobj *cur;
};

/* Runs the filter over the operands (standard input when none). */
int filter_run(struct filter *, int argc, char **argv);
/*
 * The same loop for a program that only reads (lede-report): every
 * operand is opened first, f->rec gets each good record, nothing is
 * written; a bad line or a refused record is fatal, or under -k warned
 * about and left out (exit 1).  f->raw and f->flush are not used.
 */
int filter_each(struct filter *, int argc, char **argv);
void filter_emit(struct filter *, const char *, size_t);
/* Reports a record the program cannot use: fatal, or a warning under -k. */
void filter_reject(struct filter *, struct input *, const char *msg, ...)
    __attribute__((format(printf, 3, 4)));

/* Field helpers on a checked record. */
int rec_str(const struct jobj *, const char *key, struct buf *out);
int rec_int(const struct jobj *, const char *key, long long *);
#endif
