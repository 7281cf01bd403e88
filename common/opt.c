/* opt: long options made short for getopt(3), and strict numbers. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"
#include "util.h"

const struct opt_unit opt_si[] = {
	{ 'k', 1000LL }, { 'K', 1000LL }, { 'M', 1000000LL }, { 'G', 1000000000LL },
	{ 0, 0 }
};

const struct opt_unit opt_iec[] = {
	{ 'k', 1LL << 10 }, { 'K', 1LL << 10 }, { 'm', 1LL << 20 }, { 'M', 1LL << 20 },
	{ 'g', 1LL << 30 }, { 'G', 1LL << 30 }, { 't', 1LL << 40 }, { 'T', 1LL << 40 },
	{ 0, 0 }
};

long long
opt_num(const char *s, long long min, long long max,
    const struct opt_unit *units, const char **errstr)
{
	long long v, mul = 1;
	char *end;

	*errstr = NULL;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (units && end != s && *end)
		for (; units->c; units++)
			if (*end == units->c) {
				mul = units->mul;
				end++;
				break;
			}
	if (min > max || end == s || *end != '\0')
		*errstr = "invalid";
	else if ((v == LLONG_MIN && errno == ERANGE) || v < LLONG_MIN / mul)
		*errstr = "too small";
	else if ((v == LLONG_MAX && errno == ERANGE) || v > LLONG_MAX / mul)
		*errstr = "too large";
	else if (v * mul < min)
		*errstr = "too small";
	else if (v * mul > max)
		*errstr = "too large";
	return *errstr ? 0 : v * mul;
}

/* OpenBSD's strtonum(3), which glibc lacks. */
long long
strtonum(const char *s, long long min, long long max, const char **errstr)
{
	return opt_num(s, min, max, NULL, errstr);
}

long long
numarg(const char *opt, const char *arg, long long min, long long max)
{
	const char *e;
	long long v = opt_num(arg, min, max, NULL, &e);

	if (e)
		die(EX_ERR, "%s is %s: %s", opt, e, arg);
	return v;
}

void
opt_help(const char *usage_text, const char *help)
{
	printf("usage: %s %s\n%s", argv0, usage_text, help);
	out_finish(stdout);
	exit(0);
}

void
opt_version(void)
{
	printf("%s %s\n", argv0, LEDE_VERSION);
	out_finish(stdout);
	exit(0);
}

/* The entry for "--" arg (name, or name=value): exact, or the one it begins. */
static const struct opt_long *
find_long(const struct opt_long *lo, const char *arg)
{
	const char *name = arg + 2;
	size_t len = strcspn(name, "="), k, nhit = 0;
	const struct opt_long *hit = NULL;

	for (k = 0; lo && lo[k].name; k++) {
		if (strncmp(lo[k].name, name, len) != 0)
			continue;
		if (lo[k].name[len] == '\0')
			return &lo[k];
		hit = &lo[k];
		nhit++;
	}
	if (nhit == 1)
		return hit;
	if (nhit == 0) {
		fprintf(stderr, "%s: unrecognized option '%s'\n", argv0, arg);
		usage();
	}
	fprintf(stderr, "%s: option '%s' is ambiguous; possibilities:", argv0, arg);
	for (k = 0; lo[k].name; k++)
		if (strncmp(lo[k].name, name, len) == 0)
			fprintf(stderr, " '--%s'", lo[k].name);
	fputc('\n', stderr);
	usage();
}

/*
 * One long option, argv[*i], onto av[*n...]: its short option, then
 * its value if it has one.  sh holds the short option's text.
 */
static void
put_long(const struct opt_long *o, int argc, char **argv, int *i, char **av,
    int *n, char *sh)
{
	const char *eq = strchr(argv[*i], '=');
	int n0 = *n;

	sh[0] = '-';
	sh[1] = (char)o->ch;
	sh[2] = '\0';
	av[(*n)++] = sh;
	switch (o->arg) {
	case OPT_NONE:
		if (eq) {
			fprintf(stderr, "%s: option '--%s' doesn't allow an argument\n",
			    argv0, o->name);
			usage();
		}
		break;
	case OPT_ARG:
		if (eq)
			av[(*n)++] = (char *)eq + 1;
		else if (*i + 1 < argc)
			av[(*n)++] = argv[++*i];
		else {
			fprintf(stderr, "%s: option '--%s' requires an argument\n",
			    argv0, o->name);
			usage();
		}
		break;
	case OPT_OPTIONAL:
		if (eq)
			av[(*n)++] = (char *)eq + 1;
		else if (*i + 1 < argc && o->accept && o->accept(argv[*i + 1]))
			av[(*n)++] = argv[++*i];
		else
			av[(*n)++] = (char *)o->dflt;
		break;
	}
	if (o->ch == 0) {	/* long alone: its value, and nothing for getopt */
		*o->var = *n > n0 + 1 ? av[n0 + 1] : "";
		*n = n0;
	}
}

/*
 * A cluster of short options, argv[*i]: copied; -h answered; the next
 * argument skipped (copied as it is) when the last option takes it.
 */
static void
put_short(const char *optstring, int argc, char **argv, int *i, char **av,
    int *n, const char *usage_text, const char *help)
{
	const char *p, *q;

	av[(*n)++] = argv[*i];
	for (p = argv[*i] + 1; *p; p++) {
		if (*p == 'h' && !strchr(optstring, 'h'))
			opt_help(usage_text, help);
		if (*p == ':' || !(q = strchr(optstring, *p)) || q[1] != ':')
			continue;
		if (p[1] == '\0' && *i + 1 < argc)
			av[(*n)++] = argv[++*i];
		break;
	}
}

int
opt_parse(int argc, char **argv, char ***avp, const char *optstring,
    const struct opt_long *lo, const char *usage_text, const char *help)
{
	size_t nav = (size_t)argc * 2 + 3;
	char **av, **ops, *shorts;
	int i, n = 0, nops = 0;

	lede_init(argc, argv, usage_text, help);
	/* One block, one free: the vector, then the short options' text. */
	av = xmalloc(nav * sizeof *av + (size_t)argc * 3 + 1);
	shorts = (char *)(av + nav);
	ops = xcalloc((size_t)argc + 1, sizeof *ops);
	if (argc > 0)
		av[n++] = argv[0];
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--") == 0) {
			while (++i < argc)
				ops[nops++] = argv[i];
			break;
		}
		if (strcmp(a, "--help") == 0)
			opt_help(usage_text, help);
		if (strcmp(a, "--version") == 0)
			opt_version();
		if (a[0] == '-' && a[1] == '-')
			put_long(find_long(lo, a), argc, argv, &i, av, &n, shorts + 3 * i);
		else if (a[0] == '-' && a[1] != '\0')
			put_short(optstring, argc, argv, &i, av, &n, usage_text, help);
		else
			ops[nops++] = argv[i];
	}
	/* Options may follow operands, as with GNU getopt: operands last. */
	if (nops) {
		av[n++] = "--";
		memcpy(av + n, ops, (size_t)nops * sizeof *ops);
		n += nops;
	}
	av[n] = NULL;
	free(ops);
	*avp = av;
	return n;
}
