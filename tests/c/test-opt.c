/*
 * common/opt.c: opt_num's verdicts, and the argument vectors opt_parse
 * hands to getopt(3).  Prints TAP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt.h"
#include "tap.h"

static void
num(const char *s, long long min, long long max, const struct opt_unit *u,
    const char *want_err, long long want)
{
	const char *e;
	long long v = opt_num(s, min, max, u, &e);
	char what[128];

	snprintf(what, sizeof what, "opt_num \"%s\": %s", s, want_err ? want_err : "ok");
	ok(want_err ? e && strcmp(e, want_err) == 0 : !e && v == want, what);
}

static int
is_num(const char *s)
{
	return *s >= '0' && *s <= '9';
}

/* opt_parse over a command line given as one string; the result joined by spaces. */
static void
parse(const char *line, const char *want)
{
	static const struct opt_long lo[] = {
		OPT_WITH_ARG("config", 'c'),
		OPT_FLAG("keep-going", 'k'),
		OPT_FLAG("keep-all", 'a'),
		{ "near", 'n', OPT_OPTIONAL, "0.8", is_num, NULL },
		OPT_FLAG("unbuffered", 'u'),
		{ NULL }
	};
	char *argv[32], *copy = strdup(line), **av, got[256] = "", what[300];
	int argc = 0, n, i;

	for (argv[argc] = strtok(copy, " "); argv[argc]; argv[argc] = strtok(NULL, " "))
		argc++;
	n = opt_parse(argc, argv, &av, "c:kan:u", lo, "[-aku] [-c file]", "");
	for (i = 0; i < n; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", i ? " " : "", av[i]);
	snprintf(what, sizeof what, "opt_parse \"%s\": \"%s\" (got \"%s\")", line, want, got);
	ok(strcmp(got, want) == 0 && av[n] == NULL, what);
	free(av);
	free(copy);
}

int
main(void)
{
	num("12", 0, 100, NULL, NULL, 12);
	num("-3", 0, 100, NULL, "too small", 0);
	num("101", 0, 100, NULL, "too large", 0);
	num("", 0, 100, NULL, "invalid", 0);
	num("12x", 0, 100, NULL, "invalid", 0);
	num("12k", 0, 100000, NULL, "invalid", 0);
	num("99999999999999999999", 0, 100, NULL, "too large", 0);
	num("-99999999999999999999", 0, 100, NULL, "too small", 0);
	num("2M", 0, 1LL << 40, opt_iec, NULL, 2LL << 20);
	num("2m", 0, 1LL << 40, opt_iec, NULL, 2LL << 20);
	num("3T", 0, 1LL << 50, opt_iec, NULL, 3LL << 40);
	num("2Mb", 0, 1LL << 40, opt_iec, "invalid", 0);
	num("M", 0, 1LL << 40, opt_iec, "invalid", 0);
	num("99999999999999999999", 1 << 20, 1LL << 62, opt_iec, "too large", 0);
	num("9999999999999T", 1 << 20, 1LL << 62, opt_iec, "too large", 0);
	num("1000", 1 << 20, 1LL << 62, opt_iec, "too small", 0);
	num("2k", 0, 1000000, opt_si, NULL, 2000);
	num("2m", 0, 1000000, opt_si, "invalid", 0);
	num("1000001", 0, 1000000, opt_si, "too large", 0);
	num("-5k", 0, 1000000, opt_si, "too small", 0);

	parse("p", "p");
	parse("p -k a b", "p -k -- a b");
	parse("p a -k b", "p -k -- a b");
	parse("p --keep-going --unbuffered", "p -k -u");
	parse("p --config f x", "p -c f -- x");
	parse("p --config=f x", "p -c f -- x");
	parse("p --config=", "p -c ");
	parse("p -c --keep-going x", "p -c --keep-going -- x");
	parse("p -kc f x", "p -kc f -- x");
	parse("p -cf x", "p -cf -- x");
	parse("p --keep-g", "p -k");
	parse("p --con f", "p -c f");
	parse("p --near", "p -n 0.8");
	parse("p --near 0.5 x", "p -n 0.5 -- x");
	parse("p --near x", "p -n 0.8 -- x");
	parse("p --near=1", "p -n 1");
	parse("p x -- --keep-going -k", "p -- x --keep-going -k");
	parse("p - -k", "p -k -- -");
	return tap_done();
}
