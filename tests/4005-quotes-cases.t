#!/bin/sh
# lede-extract-quotes: the cases of tests/cases/quotes.test.
LC_ALL=C
export LC_ALL
unset LEDE_DATA
exec perl "$(dirname "$0")/cases/run" "$(dirname "$0")/cases/quotes.test"
