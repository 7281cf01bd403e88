#!/bin/sh
# The strict JSON checker of common/json.c: units, and a cross-check with jansson.
. "$(dirname "$0")/lib.sh"
exec "$top/tests/c/test-json"
