#!/bin/sh
# common/strtab: numbers, keys in blocks, strtab_get, case.
. "$(dirname "$0")/lib.sh"
exec "$top/tests/c/test-strtab"
