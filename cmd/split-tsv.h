/*
 * split-tsv: the table of --meta, what lede-split knows of articles
 * that say nothing of themselves: a header line naming the columns
 * (path, then dct, source or any other), one row an article.
 */
#ifndef LEDE_SPLIT_TSV_H
#define LEDE_SPLIT_TSV_H
#include <stddef.h>

struct buf;
struct fields;
struct tsv;

/*
 * Reads the table at path, whole; a fault in it (no path column, a row
 * of the wrong width, a path twice, a dct that is no date, bytes that
 * are not UTF-8) exits 2 with the file and line.
 */
struct tsv *tsv_load(const char *path);
/*
 * The table s[0..n), named name, its relative paths taken from dir: the
 * table, or NULL with the fault ("name:line: message") in err.
 */
struct tsv *tsv_parse(const char *name, const char *dir, const char *s, size_t n,
    char *err, size_t errlen);
void tsv_free(struct tsv *);

/*
 * The row of an article, or -1: the row whose path is path (the
 * article's path as given), else, for a file (fd >= 0), the row whose
 * path, taken from the table's folder, names the same file.
 */
long tsv_find(struct tsv *, const char *path, int fd);

/* The number of rows and of columns, and the name of column c. */
size_t tsv_nrows(const struct tsv *);
size_t tsv_ncols(const struct tsv *);
const char *tsv_name(const struct tsv *, size_t c);
/* The value of column c in row r (its length in *n; "" when empty). */
const char *tsv_value(const struct tsv *, long r, size_t c, size_t *n);
/* The column named dct, or -1. */
long tsv_dct(const struct tsv *);
/* The column named path. */
size_t tsv_path(const struct tsv *);

/*
 * Fills in from row r what the document lacks: its dct, and each
 * other field that is not empty into its meta f (title into title too).
 */
void tsv_fill(struct tsv *, long r, struct fields *f, char *dct, struct buf *title);

/* Warns of each row no article took (-v). */
void tsv_unused(const struct tsv *);
#endif
