/*
 * opt: the command line of every program.  Long options are turned
 * into the short ones they stand for, then POSIX getopt(3) reads them:
 *
 *	static const struct opt_long lo[] = {
 *		OPT_WITH_ARG("config", 'c'), OPT_FLAG("unbuffered", 'u'),
 *		{ NULL }
 *	};
 *	argc = opt_parse(argc, argv, &av, "c:u", lo, usage_text, help_text);
 *	while ((ch = getopt(argc, av, "c:u")) != -1) ...
 *
 * "--name value", "--name=value" and an unambiguous prefix of a name
 * are understood; "--" ends the options.  --help and -h print the
 * usage line and the help to standard output and exit 0, --version the
 * version; an unknown long option is an error (exit 2, with the usage).
 */
#ifndef LEDE_OPT_H
#define LEDE_OPT_H

enum { OPT_NONE, OPT_ARG, OPT_OPTIONAL };

struct opt_long {
	const char *name;	/* without the "--" */
	int ch;			/* the short option it stands for */
	int arg;		/* OPT_NONE, OPT_ARG or OPT_OPTIONAL */
	/*
	 * OPT_OPTIONAL: "--name=value", or "--name value" when accept
	 * takes the next argument, else "--name" alone means dflt.
	 */
	const char *dflt;
	int (*accept)(const char *);
	/*
	 * A long option with no short one (ch 0): opt_parse sets *var to
	 * its value ("" for a flag), the last given wins, and getopt never
	 * sees it.
	 */
	const char **var;
};

/* Table entries: a flag, and an option that takes an argument. */
#define OPT_FLAG(name, ch) { (name), (ch), OPT_NONE, NULL, NULL, NULL }
#define OPT_WITH_ARG(name, ch) { (name), (ch), OPT_ARG, NULL, NULL, NULL }
/* Long options alone, with no short one: their value lands in *var. */
#define OPT_LONG_FLAG(name, var) { (name), 0, OPT_NONE, NULL, NULL, (var) }
#define OPT_LONG_ARG(name, var) { (name), 0, OPT_ARG, NULL, NULL, (var) }

/*
 * Sets argv0 and the usage line, answers --help, -h and --version, and
 * puts in *av the arguments with each long option made short, then the
 * operands after a "--", for getopt(3) with optstring.  Returns their
 * number.  *av is one allocation, for free(3) when done.
 */
int opt_parse(int argc, char **argv, char ***av, const char *optstring,
    const struct opt_long *, const char *usage, const char *help);

/* Print the help (usage line first) or the version, and exit 0. */
void opt_help(const char *usage, const char *help) __attribute__((noreturn));
void opt_version(void) __attribute__((noreturn));

/* A number's unit suffix and what it multiplies by; a list ends in c 0. */
struct opt_unit {
	char c;
	long long mul;
};
extern const struct opt_unit opt_si[];	/* k K M G: powers of 1000 */
extern const struct opt_unit opt_iec[];	/* k m g t, either case: powers of 1024 */

/*
 * strtonum(3) with, when units is not NULL, one unit suffix: the value
 * times the unit must lie in [min, max].  *errstr is NULL, or
 * "invalid" (no digits, trailing junk), "too small" or "too large"
 * (overflow included).
 */
long long opt_num(const char *s, long long min, long long max,
    const struct opt_unit *units, const char **errstr);
#endif
