/*
 * split-front: an article's YAML front matter: its fences, the lines
 * held while it is read, and what it says (meta, title, date).
 */
#ifndef LEDE_SPLIT_FRONT_H
#define LEDE_SPLIT_FRONT_H
#include <stddef.h>

struct buf;
struct fields;

/* What front matter fills, given by the caller. */
struct front {
	const char *name;	/* the document's name, for warnings */
	struct fields *meta;	/* its fields */
	struct buf *title;	/* its title, if none yet */
	char *dct;		/* 16 bytes: its date, if none yet */
	/*
	 * Finds a date in free text (lede-split's lang_date) and writes
	 * YYYY-MM-DD in dct: 1 if found, 0 if not, -1 if what it found is
	 * no day of the calendar.
	 */
	int (*find_date)(const void *arg, const char *s, size_t n, char *dct);
	const void *arg;
	unsigned long line;	/* the line of the file the YAML starts on */
};

/* Is s[0..n) a fence (---, or ... when close), trailing space aside? */
int front_fence(const char *s, size_t n, int close);

/* Reads the YAML yaml[0..n) into f; 0, or -1 when it is to be read as text. */
int front_matter(const struct front *f, const char *yaml, size_t n);

/* A line held while front matter is read: its length in fm, and its newline. */
struct front_held {
	size_t len;
	int nl;
};

/* What is done with a held line that was not front matter. */
typedef void front_line_fn(void *arg, const char *s, size_t n, int nl, size_t ncp);

/* Gives the held lines (held over fm) to fn and empties both. */
void front_replay(struct buf *fm, struct buf *held, front_line_fn *fn, void *arg);
#endif
