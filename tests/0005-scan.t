#!/bin/sh
# common/scan.h: each fast primitive (SSE2, 8 bytes a word) against its plain twin.
. "$(dirname "$0")/lib.sh"
exec "$top/tests/c/test-scan"
