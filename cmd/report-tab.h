/*
 * report-tab: a string table for lede-report: each distinct key gets
 * a small number, in the order first seen; memory grows with the
 * number of distinct keys only.
 */
#ifndef LEDE_REPORT_TAB_H
#define LEDE_REPORT_TAB_H
#include <stddef.h>
#include <stdint.h>

struct tab {
	char **key;		/* by number; NUL-terminated copies */
	size_t *klen;
	size_t n, cap;
	uint32_t *slot;		/* 0 empty, else number + 1 */
	size_t nslot;
};

/* The number of key k[0..n), added if new (*isnew set when given). */
size_t tab_intern(struct tab *, const char *k, size_t n, int *isnew);
/* The number of key k[0..n), or -1. */
long tab_find(const struct tab *, const char *k, size_t n);
void tab_free(struct tab *);
#endif
