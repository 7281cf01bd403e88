/* util: program name, messages, exit, allocation, option helpers. */
#ifndef LEDE_UTIL_H
#define LEDE_UTIL_H
#include <stddef.h>
#include <stdio.h>

extern const char *argv0;
/* -q, --quiet: warnq says nothing; warnm and die still speak. */
extern int lede_quiet;

/* Exit statuses every program documents. */
enum { EX_OK = 0, EX_REJECT = 1, EX_ERR = 2 };

void lede_init(int argc, char **argv, const char *usage, const char *help);
void warnm(const char *, ...) __attribute__((format(printf, 1, 2)));
/* A warning: what goes on despite it; silenced by -q. */
void warnq(const char *, ...) __attribute__((format(printf, 1, 2)));
void die(int, const char *, ...)
    __attribute__((format(printf, 2, 3), noreturn));
void usage(void) __attribute__((noreturn));
void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
char *xstrdup(const char *);
/* In opt.c: strtonum(3), and it or exit 2 with "opt is too large: arg". */
long long strtonum(const char *, long long, long long, const char **);
long long numarg(const char *opt, const char *arg, long long min, long long max);
void out_check(FILE *);
void out_finish(FILE *);
#endif
