#!/bin/sh
# lede-split: the cases of tests/cases/split.test.
LC_ALL=C
export LC_ALL
unset LEDE_DATA
exec perl "$(dirname "$0")/cases/run" "$(dirname "$0")/cases/split.test"
