/*
 * split-files: lede-split's operands, files and folders.
 */
#ifndef LEDE_SPLIT_FILES_H
#define LEDE_SPLIT_FILES_H

/* What is done with each file: fd open (0 for standard input), its path and its name. */
typedef void files_fn(void *arg, int fd, const char *path, const char *name);

struct files {
	files_fn *fn;
	void *arg;
	int verbose;	/* says which files of a folder are skipped */
	int *status;	/* set to EX_REJECT when a file or folder cannot be opened */
};

/* A file or folder named as an operand ("-": standard input). */
void files_operand(struct files *, const char *path);
/* A file ("-": standard input), never a folder. */
void files_one(struct files *, const char *path);
/* The names of list ("-": standard input), one a line; a fault reading it is fatal. */
void files_from(struct files *, const char *list);

/* Is it named as gzipped (.gz)? */
int files_gz(const char *name);
/* Is it named as a web page (foo.html, foo.htm.gz)? */
int files_html(const char *name);
#endif
