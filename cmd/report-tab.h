/*
 * report-tab: lede-report's tables are common/strtab.h's; tab_find is
 * the name report-page.c still calls.
 */
#ifndef LEDE_REPORT_TAB_H
#define LEDE_REPORT_TAB_H
#include "strtab.h"

static inline long
tab_find(const struct strtab *t, const char *k, size_t n)
{
	return strtab_find(t, k, n);
}
#endif
