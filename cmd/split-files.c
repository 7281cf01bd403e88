/*
 * split-files: lede-split's operands: a file, standard input, a folder
 * walked in sorted order (its articles by their names), or the list of
 * names that --files-from reads.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "split-files.h"
#include "util.h"

/* Does name[0..n) end in suffix, case aside? */
static int
ends(const char *name, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n > k && strncasecmp(name + n - k, suffix, k) == 0;
}

/* Is it named as gzipped? */
int
files_gz(const char *name)
{
	return ends(name, strlen(name), ".gz");
}

/* Is it named as a web page (foo.html, foo.htm.gz)? */
int
files_html(const char *name)
{
	size_t n = strlen(name);

	if (files_gz(name))
		n -= 3;
	return ends(name, n, ".html") || ends(name, n, ".htm");
}

/*
 * A file that a folder's walk takes: text, Markdown, a page, a WARC
 * file, or one of them gzipped.
 */
static int
is_article(const char *name)
{
	size_t n = strlen(name);

	if (files_gz(name))
		n -= 3;
	return ends(name, n, ".txt") || ends(name, n, ".md") || ends(name, n, ".html") ||
	    ends(name, n, ".htm") || ends(name, n, ".warc");
}

/* A file, opened at dirfd (AT_FDCWD: path as it is); name is its last part. */
static void
one_file_at(struct files *fs, int dirfd, const char *name, const char *path)
{
	int fd;

	if (strcmp(path, "-") == 0) {
		fs->fn(fs->arg, 0, "-", "<stdin>");
		return;
	}
	if ((fd = openat(dirfd, name, O_RDONLY)) < 0) {
		warnm("%s: %s", path, strerror(errno));
		*fs->status = EX_REJECT;
		return;
	}
	fs->fn(fs->arg, fd, path, path);
	close(fd);
}

void
files_one(struct files *fs, const char *path)
{
	one_file_at(fs, AT_FDCWD, path, path);
}

static void walk(struct files *, const char *);

void
files_operand(struct files *fs, const char *path)
{
	struct stat st;

	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		walk(fs, path);
	else
		files_one(fs, path);
}

struct entry {
	char *name;
	int type;	/* DT_REG, DT_DIR, or DT_UNKNOWN: ask stat(2) */
};

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

/*
 * The type of an entry readdir(3) did not type, or a link: a link to a
 * folder is not followed (a link to a parent would read the tree again
 * and again), a link to a file is read.
 */
static int
link_type(struct files *fs, int dfd, const char *name, const char *path)
{
	struct stat st;
	int link;

	link = fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
	if (fstatat(dfd, name, &st, 0) != 0)
		return DT_UNKNOWN;
	if (S_ISDIR(st.st_mode) && link) {
		if (fs->verbose)
			warnm("%s: skipped: a link to a folder, not followed", path);
		return DT_UNKNOWN;
	}
	return S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
}

/* A folder, in sorted order, its subfolders too; names with a dot first left out. */
static void
walk(struct files *fs, const char *path)
{
	struct dirent *de;
	struct buf sub = { 0 };
	struct entry *e = NULL;
	size_t n = 0, cap = 0, k, plen;
	int type, dfd;
	DIR *dir;

	if (!(dir = opendir(path))) {
		warnm("%s: %s", path, strerror(errno));
		*fs->status = EX_REJECT;
		return;
	}
	while ((de = readdir(dir))) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			e = xrealloc(e, cap * sizeof *e);
		}
		e[n].name = xstrdup(de->d_name);
		e[n++].type = de->d_type == DT_REG || de->d_type == DT_DIR ? de->d_type : DT_UNKNOWN;
	}
	qsort(e, n, sizeof *e, by_name);
	/* Files are opened in the folder: the kernel looks up one name, not the path. */
	dfd = dirfd(dir);
	buf_adds(&sub, path);
	if (path[strlen(path) - 1] != '/')
		buf_addc(&sub, '/');
	plen = sub.len;
	for (k = 0; k < n; k++) {
		sub.len = plen;
		buf_adds(&sub, e[k].name);
		type = e[k].type;
		if (type == DT_UNKNOWN)
			type = link_type(fs, dfd, e[k].name, sub.s);
		if (type == DT_DIR)
			walk(fs, sub.s);
		else if (type == DT_REG && !is_article(e[k].name)) {
			if (fs->verbose)
				warnm("%s: skipped: not a .txt, .md, .html, .htm or .warc file, nor one gzipped",
				    sub.s);
		} else if (type == DT_REG)
			/* A path too long for open(2) fails as it did. */
			one_file_at(fs, sub.len < PATH_MAX ? dfd : AT_FDCWD,
			    sub.len < PATH_MAX ? e[k].name : sub.s, sub.s);
		free(e[k].name);
	}
	closedir(dir);
	free(e);
	buf_free(&sub);
}

void
files_from(struct files *fs, const char *list)
{
	FILE *fp = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (!fp)
		die(EX_ERR, "%s: %s", list, strerror(errno));
	while ((n = getline(&line, &cap, fp)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if (n > 0)
			files_operand(fs, line);
	}
	if (ferror(fp))
		die(EX_ERR, "%s: %s", list, strerror(errno));
	if (fp != stdin)
		fclose(fp);
	free(line);
}
