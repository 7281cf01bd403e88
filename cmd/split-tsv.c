/*
 * split-tsv: the table of --meta, read whole once: cells decoded in
 * place in one buffer, rows found by path in a hash table (strtab), and
 * by file (device and inode) in a second one, made at the first article
 * whose path is not in the first.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "civil.h"
#include "split-fields.h"
#include "strtab.h"
#include "split-tsv.h"
#include "utf8.h"
#include "util.h"

struct cell {
	size_t off, len;	/* in text */
};

struct tsv {
	const char *name;	/* as given, for messages */
	char *dir;		/* its folder */
	struct buf text;	/* the file, each cell decoded and NUL-ended */
	size_t ncols, nrows;
	struct cell *cells;	/* the header's, then each row's */
	unsigned long *line;	/* of each row */
	unsigned char *used;	/* by each row: did an article take it? */
	size_t pathcol;
	long dctcol;
	struct strtab bypath;	/* a row's number is its path's */
	struct strtab byfile;	/* device and inode: row */
	int filed;		/* byfile made */
	char *err;		/* the fault found, "name:line: message" */
	size_t errlen;
};

/* Says what is wrong at line ln (0: the whole file); -1. */
static int
fault(struct tsv *t, unsigned long ln, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
fault(struct tsv *t, unsigned long ln, const char *fmt, ...)
{
	va_list ap;
	int k;

	k = ln ? snprintf(t->err, t->errlen, "%s:%lu: ", t->name, ln) :
	    snprintf(t->err, t->errlen, "%s: ", t->name);
	if (k < 0 || (size_t)k >= t->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(t->err + k, t->errlen - (size_t)k, fmt, ap);
	va_end(ap);
	return -1;
}

/* The file key of st: its device and inode, as bytes. */
static void
file_key(const struct stat *st, uint64_t k[2])
{
	k[0] = (uint64_t)st->st_dev;
	k[1] = (uint64_t)st->st_ino;
}

/* The table's bytes, from fp (closed). */
static void
read_all(struct tsv *t, FILE *fp)
{
	size_t r;

	for (;;) {
		buf_grow(&t->text, 65536);
		r = fread(t->text.s + t->text.len, 1, t->text.cap - t->text.len - 1, fp);
		t->text.len += r;
		if (r == 0)
			break;
	}
	if (ferror(fp))
		die(EX_ERR, "%s: %s", t->name, strerror(errno ? errno : EIO));
	fclose(fp);
	t->text.s[t->text.len] = '\0';
}

/*
 * The cell at s[b..e), decoded in place (\\ \t \n \r, as the toolkit's
 * .tsv files write them; any other backslash is itself) and NUL-ended.
 */
static struct cell
decode(char *s, size_t b, size_t e)
{
	struct cell c = { b, 0 };
	size_t i, o = b;

	for (i = b; i < e; i++) {
		if (s[i] == '\\' && i + 1 < e && strchr("\\tnr", s[i + 1])) {
			i++;
			s[o++] = s[i] == 't' ? '\t' : s[i] == 'n' ? '\n' :
			    s[i] == 'r' ? '\r' : '\\';
		} else {
			s[o++] = s[i];
		}
	}
	s[o] = '\0';
	c.len = o - b;
	return c;
}

static int
header(struct tsv *t, unsigned long ln)
{
	size_t c, k;
	const char *name;

	t->dctcol = -1;
	t->pathcol = t->ncols;
	for (c = 0; c < t->ncols; c++) {
		name = t->text.s + t->cells[c].off;
		if (!t->cells[c].len)
			return fault(t, ln, "column %zu has no name", c + 1);
		for (k = 0; k < c; k++)
			if (strcmp(name, t->text.s + t->cells[k].off) == 0)
				return fault(t, ln, "column %s named twice", name);
		if (strcmp(name, "path") == 0)
			t->pathcol = c;
		else if (strcmp(name, "dct") == 0)
			t->dctcol = (long)c;
	}
	if (t->pathcol == t->ncols)
		return fault(t, ln, "no path column in the header");
	return 0;
}

/* Row r (cells already in place), at line ln: checked and found by its path. */
static int
row(struct tsv *t, size_t r, unsigned long ln)
{
	const struct cell *c = &t->cells[(r + 1) * t->ncols];
	const char *p = t->text.s + c[t->pathcol].off, *v;
	int isnew;
	size_t k;

	if (!c[t->pathcol].len)
		return fault(t, ln, "empty path");
	k = strtab_intern(&t->bypath, p, c[t->pathcol].len, &isnew);
	if (!isnew)
		return fault(t, ln, "%s: the same path as line %lu", p, t->line[k]);
	if (t->dctcol >= 0 && c[t->dctcol].len) {
		v = t->text.s + c[t->dctcol].off;
		if (!civil_date(v, c[t->dctcol].len))
			return fault(t, ln, "dct is not a date (YYYY-MM-DD): %s", v);
	}
	t->line[r] = ln;
	return 0;
}

/*
 * Splits the text in lines and cells; the first line that is not empty
 * is the header.  0, or -1 at the first fault.
 */
static int
parse(struct tsv *t)
{
	char *s = t->text.s, *nl;
	size_t i = 0, e, b, ce, n = t->text.len, ncell, base, cap = 0, rcap = 0;
	unsigned long ln = 0;
	const unsigned char *u = (const unsigned char *)s;
	int k;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < n; i = e + 1) {
		ln++;
		e = (nl = memchr(s + i, '\n', n - i)) ? (size_t)(nl - s) : n;
		for (b = i; b < e; b += k)
			if (u[b] < 0x80)
				k = 1;
			else if (!(k = utf8_seq(u + b, e - b)))
				return fault(t, ln, "invalid UTF-8");
		if (memchr(s + i, '\0', e - i))
			return fault(t, ln, "a NUL byte");
		b = e;
		if (b > i && s[b - 1] == '\r')
			b--;
		if (b == i)
			continue;	/* an empty line */
		/* The cells of s[i..b), cut at tabs; those past the header's are counted. */
		base = t->ncols ? (t->nrows + 1) * t->ncols : 0;
		for (ncell = 0; ; ncell++) {
			ce = (nl = memchr(s + i, '\t', b - i)) ? (size_t)(nl - s) : b;
			if (!t->ncols || ncell < t->ncols) {
				if (base + ncell >= cap) {
					cap = cap ? 2 * cap : 64;
					t->cells = xrealloc(t->cells, cap * sizeof *t->cells);
				}
				t->cells[base + ncell] = decode(s, i, ce);
			}
			if (ce >= b)
				break;
			i = ce + 1;
		}
		ncell++;
		if (!t->ncols) {
			t->ncols = ncell;
			if (header(t, ln) < 0)
				return -1;
			continue;
		}
		if (ncell != t->ncols)
			return fault(t, ln, "%zu field%s, the header names %zu", ncell,
			    ncell == 1 ? "" : "s", t->ncols);
		if (t->nrows == rcap) {
			rcap = rcap ? 2 * rcap : 64;
			t->line = xrealloc(t->line, rcap * sizeof *t->line);
		}
		if (row(t, t->nrows++, ln) < 0)
			return -1;
	}
	if (!t->ncols)
		return fault(t, 0, "empty: no header line");
	return 0;
}

/* A table named name in folder dir, its text to be read or given. */
static struct tsv *
tsv_new(const char *name, const char *dir, char *err, size_t errlen)
{
	struct tsv *t = xcalloc(1, sizeof *t);

	t->name = name;
	t->dir = xstrdup(dir);
	t->err = err;
	t->errlen = errlen;
	strtab_init(&t->bypath, 0);
	strtab_init(&t->byfile, 0);
	return t;
}

/* The table of t->text, parsed; t, or NULL (t freed) with the fault said. */
static struct tsv *
tsv_ready(struct tsv *t)
{
	if (parse(t) < 0) {
		tsv_free(t);
		return NULL;
	}
	t->used = xcalloc(t->nrows + 1, 1);
	return t;
}

struct tsv *
tsv_parse(const char *name, const char *dir, const char *s, size_t n, char *err,
    size_t errlen)
{
	struct tsv *t = tsv_new(name, dir, err, errlen);

	buf_grow(&t->text, n + 1);
	buf_add(&t->text, s, n);
	return tsv_ready(t);
}

struct tsv *
tsv_load(const char *path)
{
	static char err[1024];
	const char *sl = strrchr(path, '/');
	char *dir;
	struct tsv *t;
	FILE *fp;

	/* opened before anything is allocated, so that its fault leaks nothing */
	if (!(fp = fopen(path, "rb")))
		die(EX_ERR, "%s: %s", path, strerror(errno));
	dir = sl ? strndup(path, sl == path ? 1 : (size_t)(sl - path)) : xstrdup(".");
	if (!dir)
		die(EX_ERR, "out of memory");
	t = tsv_new(path, dir, err, sizeof err);
	free(dir);
	read_all(t, fp);
	if (!(t = tsv_ready(t)))
		die(EX_ERR, "%s", err);
	return t;
}

/* byfile: each row whose path, from the table's folder, names a file. */
static void
by_file(struct tsv *t)
{
	struct buf full = { 0 };
	struct stat st;
	uint64_t key[2];
	const char *p;
	size_t r;
	int isnew;

	t->filed = 1;
	for (r = 0; r < t->nrows; r++) {
		p = t->text.s + t->cells[(r + 1) * t->ncols + t->pathcol].off;
		buf_reset(&full);
		if (*p != '/')
			buf_printf(&full, "%s/", t->dir);
		buf_adds(&full, p);
		if (stat(full.s, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		file_key(&st, key);
		strtab_intern(&t->byfile, (const char *)key, sizeof key, &isnew);
		if (isnew)
			t->byfile.val[t->byfile.n - 1].i = (long)r;
	}
	buf_free(&full);
}

long
tsv_find(struct tsv *t, const char *path, int fd)
{
	struct stat st;
	uint64_t key[2];
	long r;

	if ((r = strtab_find(&t->bypath, path, strlen(path))) < 0 && fd >= 0) {
		if (!t->filed)
			by_file(t);
		if (t->byfile.n && fstat(fd, &st) == 0) {
			file_key(&st, key);
			if ((r = strtab_find(&t->byfile, (const char *)key, sizeof key)) >= 0)
				r = t->byfile.val[r].i;
		}
	}
	if (r >= 0)
		t->used[r] = 1;
	return r;
}

size_t
tsv_nrows(const struct tsv *t)
{
	return t->nrows;
}

size_t
tsv_ncols(const struct tsv *t)
{
	return t->ncols;
}

const char *
tsv_name(const struct tsv *t, size_t c)
{
	return t->text.s + t->cells[c].off;
}

const char *
tsv_value(const struct tsv *t, long r, size_t c, size_t *n)
{
	const struct cell *cl = &t->cells[((size_t)r + 1) * t->ncols + c];

	*n = cl->len;
	return t->text.s + cl->off;
}

long
tsv_dct(const struct tsv *t)
{
	return t->dctcol;
}

size_t
tsv_path(const struct tsv *t)
{
	return t->pathcol;
}

void
tsv_unused(const struct tsv *t)
{
	size_t r;

	for (r = 0; r < t->nrows; r++)
		if (!t->used[r])
			warnq("%s:%lu: no article took the row of %s", t->name, t->line[r],
			    t->text.s + t->cells[(r + 1) * t->ncols + t->pathcol].off);
}

void
tsv_free(struct tsv *t)
{
	if (!t)
		return;
	strtab_free(&t->bypath);
	strtab_free(&t->byfile);
	buf_free(&t->text);
	free(t->cells);
	free(t->line);
	free(t->used);
	free(t->dir);
	free(t);
}

void
tsv_fill(struct tsv *t, long r, struct fields *f, char *dct, struct buf *title)
{
	const char *k, *v;
	size_t c, n;

	for (c = 0; c < t->ncols; c++) {
		v = tsv_value(t, r, c, &n);
		if (c == t->pathcol || !n)
			continue;
		if ((long)c == t->dctcol) {
			if (!dct[0])
				snprintf(dct, 16, "%.10s", v);
			continue;
		}
		k = tsv_name(t, c);
		if (fields_has(f, k, strlen(k)))
			continue;
		fields_put(f, k, strlen(k), v, n, 0);
		if (strcmp(k, "title") == 0 && !title->len)
			buf_add(title, v, n);
	}
}
