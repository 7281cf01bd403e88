#!/bin/sh
# lede-extract-dates: the period a document is about is carried from
# record to record of one doc and no further.  The cases of periods,
# points and anchors, one document each, are in tests/cases/dates.test.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

# --- documents do not share their periods
printf '%s\n' '{"doc":"a.txt","n":1,"text":"Fourth-quarter net rose.","dct":"2025-11-13"}' \
	'{"doc":"b.txt","n":1,"text":"Net rose from a year earlier.","dct":"2025-11-13"}' \
	'{"text":"Third-quarter net rose.","dct":"2025-11-13"}' \
	'{"text":"Costs in the latest period fell.","dct":"2025-11-13"}' >"$tmp/docs.in"
lede-extract-dates "$tmp/docs.in" >"$tmp/docs.out"
check_same "a new doc forgets the period; a record without doc is a text of its own" \
	"$(sed -n 's/.*"dates":\(.*\)}$/\1/p' "$tmp/docs.out")" \
	'[{"start":0,"end":14,"text":"Fourth-quarter","type":"DATE","value":"2025-Q4"}]
[{"start":14,"end":28,"text":"a year earlier","type":"DATE","value":"2024"}]
[{"start":0,"end":13,"text":"Third-quarter","type":"DATE","value":"2025-Q3"}]
[]'
done_testing
