/*
 * tests/c/test-strtab.c: common/strtab, its numbers, its keys kept in
 * blocks (many, and one longer than a block), strtab_get, case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "strtab.h"
#include "tap.h"

int
main(void)
{
	struct strtab t, c;
	char k[32], *big, *first;
	size_t i, n = 20000, bad = 0;
	int isnew;

	strtab_init(&t, 0);
	ok(strtab_find(&t, "a", 1) == -1, "an empty table finds nothing");
	for (i = 0; i < n; i++) {
		snprintf(k, sizeof k, "key%zu", i);
		if (strtab_intern(&t, k, strlen(k), &isnew) != i || !isnew)
			bad++;
	}
	ok(bad == 0 && t.n == n, "keys numbered in the order first seen");
	first = t.key[0];
	big = malloc(40000);
	memset(big, 'x', 40000);
	ok(strtab_intern(&t, big, 40000, &isnew) == n && isnew, "a key longer than a block");
	ok(strtab_intern(&t, "key7", 4, &isnew) == 7 && !isnew, "a key again keeps its number");
	for (i = bad = 0; i < n; i++) {
		snprintf(k, sizeof k, "key%zu", i);
		if (strtab_find(&t, k, strlen(k)) != (long)i ||
		    strtab_get(&t, k, strlen(k), strtab_hash(&t, k, strlen(k))) != (long)i ||
		    strcmp(t.key[i], k) != 0 || t.klen[i] != strlen(k))
			bad++;
	}
	ok(bad == 0, "every key found, by strtab_find and strtab_get, its copy NUL-terminated");
	ok(t.key[0] == first, "a key's copy does not move as the table grows");
	ok(t.klen[n] == 40000 && memcmp(t.key[n], big, 40000) == 0 && t.key[n][40000] == '\0',
	    "the long key kept whole");
	ok(strtab_find(&t, "key", 3) == -1 && strtab_get(&t, "key70000", 8,
	    strtab_hash(&t, "key70000", 8)) == -1, "a missing key is -1");
	strtab_free(&t);
	ok(t.n == 0 && strtab_find(&t, "key1", 4) == -1, "a freed table is empty");
	free(big);

	strtab_init(&c, STRTAB_ICASE);
	strtab_intern(&c, "March", 5, NULL);
	ok(strtab_find(&c, "MARCH", 5) == 0 && strcmp(c.key[0], "March") == 0,
	    "without case: found, the first spelling kept");
	strtab_free(&c);
	return tap_done();
}
