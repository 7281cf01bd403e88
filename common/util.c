#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"
#include "util.h"

const char *argv0 = "lede";
int lede_quiet;
static const char *usage_line;

/*
 * Sets the program name and answers --help and --version, which come
 * before getopt(3) sees the options.
 */
void
lede_init(int argc, char **argv, const char *usage_text, const char *help)
{
	const char *p;

	if (argc > 0 && argv[0] && *argv[0]) {
		p = strrchr(argv[0], '/');
		argv0 = p ? p + 1 : argv[0];
		argv[0] = (char *)argv0;	/* getopt(3) names the program so */
	}
	usage_line = usage_text;
	if (argc > 1 && strcmp(argv[1], "--help") == 0)
		opt_help(usage_text, help);
	if (argc > 1 && strcmp(argv[1], "--version") == 0)
		opt_version();
}

void
usage(void)
{
	fprintf(stderr, "usage: %s %s\n", argv0, usage_line ? usage_line : "");
	exit(EX_ERR);
}

static void
vmsg(const char *fmt, va_list ap)
{
	size_t n = strlen(fmt);
	int e = errno;

	fprintf(stderr, "%s: ", argv0);
	vfprintf(stderr, fmt, ap);
	/* As sbase's eprintf: a format ending in ':' gets strerror. */
	if (n && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(e));
	fputc('\n', stderr);
}

void
warnm(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void
warnq(const char *fmt, ...)
{
	va_list ap;

	if (lede_quiet)
		return;
	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	exit(status);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die(EX_ERR, "out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);

	if (!p)
		die(EX_ERR, "out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die(EX_ERR, "out of memory");
	return p;
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/* Stops at the first failed write (a full disk), as early as it is seen. */
void
out_check(FILE *fp)
{
	if (ferror(fp))
		die(EX_ERR, "stdout: %s", strerror(errno ? errno : EIO));
}

void
out_finish(FILE *fp)
{
	if (fflush(fp) != 0 || ferror(fp))
		die(EX_ERR, "stdout: %s", strerror(errno ? errno : EIO));
}
