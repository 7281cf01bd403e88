/* civil: proleptic Gregorian dates as day numbers (H. Hinnant's algorithms). */
#ifndef LEDE_CIVIL_H
#define LEDE_CIVIL_H

/* Days since 1970-01-01 of year y, month m (1-12), day d. */
long days_from_civil(long y, unsigned m, unsigned d);
/* The date of day z since 1970-01-01. */
void civil_from_days(long z, long *y, unsigned *m, unsigned *d);
#endif
