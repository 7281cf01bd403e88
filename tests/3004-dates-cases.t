#!/bin/sh
# lede-extract-dates: the cases of tests/cases/dates.test.
LC_ALL=C
export LC_ALL
unset LEDE_DATA
exec perl "$(dirname "$0")/cases/run" "$(dirname "$0")/cases/dates.test"
