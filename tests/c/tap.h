/*
 * tests/c/tap.h: the TAP helpers of the C tests.  ok() prints one test
 * line; tap_done() the plan, and gives main() its exit status.
 */
#ifndef TESTS_TAP_H
#define TESTS_TAP_H

#include <stdio.h>

static int ntest, nfail;

static void
ok(int cond, const char *what)
{
	ntest++;
	if (!cond)
		nfail++;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", ntest, what);
}

static int
tap_done(void)
{
	printf("1..%d\n", ntest);
	return nfail != 0;
}

#endif
