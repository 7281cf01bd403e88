#!/bin/sh
# lede-tag-entities: the cases of tests/cases/entities.test.
LC_ALL=C
export LC_ALL
LEDE_DATA=$(cd "$(dirname "$0")/.." && pwd)/data
export LEDE_DATA
exec perl "$(dirname "$0")/cases/run" "$(dirname "$0")/cases/entities.test"
