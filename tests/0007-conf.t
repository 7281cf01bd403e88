#!/bin/sh
# conf_add of common/conf.c: a user's file merged into the shipped one.
. "$(dirname "$0")/lib.sh"
exec "$top/tests/c/test-conf"
