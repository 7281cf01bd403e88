#!/bin/sh
# lede-extract-dates: the record it writes, and the scores.  The cases of
# each family of expressions are in tests/cases/dates.test (3004).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

# --- the record
printf '{"text":"Café — on Tuesday","dct":"2025-11-13"}\n' | lede-extract-dates >"$tmp/cp.out"
check_same "offsets count code points" \
	"$(sed 's/.*"dates":\[{"start":\([0-9]*\),"end":\([0-9]*\).*/\1 \2/' "$tmp/cp.out")" "10 17"
printf '{ "n" : 1.0e2, "text":"Seen Tuesday." ,"dct":"2025-11-13"}\n' >"$tmp/keep.in"
lede-extract-dates "$tmp/keep.in" >"$tmp/keep.out"
check_same "other fields kept byte for byte" "$(cat "$tmp/keep.out")" \
	'{ "n" : 1.0e2, "text":"Seen Tuesday." ,"dct":"2025-11-13","dates":[{"start":5,"end":12,"text":"Tuesday","type":"DATE","value":"2025-11-11"}]}'
lede-extract-dates "$tmp/keep.out" >"$tmp/twice.out"
check_file "running twice is running once" "$tmp/twice.out" "$tmp/keep.out"
check_same "an empty array when there is nothing" \
	"$(printf '{"text":"Nothing here."}\n' | lede-extract-dates)" '{"text":"Nothing here.","dates":[]}'
check_same "escapes in the text and in the span" \
	"$(printf '{"text":"\\"Tuesday\\"\\n\\u00e9 in 2026"}\n' | lede-extract-dates)" \
	'{"text":"\"Tuesday\"\n\u00e9 in 2026","dates":[{"start":1,"end":8,"text":"Tuesday","type":"DATE","value":"XXXX-WXX-2"},{"start":15,"end":19,"text":"2026","type":"DATE","value":"2026"}]}'
printf '{"text":"in 2026"}\n{"text":"in 2027"}\n' >"$tmp/two.in"
check_same "-u gives the same output" "$(lede-extract-dates -u <"$tmp/two.in")" "$(lede-extract-dates "$tmp/two.in")"
check_same "- is standard input, operands in order" \
	"$(printf '{"text":"in 2025"}\n' | lede-extract-dates "$tmp/two.in" - | sed 's/.*"value":"\([0-9]*\)".*/\1/' | tr '\n' ' ')" \
	"2026 2027 2025 "

# --- scripts/eval-chrono gives credit only for what the value says
cat >"$tmp/chrono.jsonl" <<'EOF'
{"kind":"positive","parser":"casual","option":null,"text":"this weekend","ref":"2024-10-18T12:00:00","expect":[{"index":0,"text":"this weekend","start_known":{"weekday":6}}]}
{"kind":"positive","parser":"casual","option":null,"text":"this weekend","ref":"2024-10-18T12:00:00","expect":[{"index":0,"text":"this weekend","start_known":{"weekday":3}}]}
{"kind":"positive","parser":"casual","option":null,"text":"now","ref":"2024-10-18T12:00:00","expect":[{"index":0,"text":"now","start_known":{"year":2024,"hour":12}}]}
{"kind":"positive","parser":"casual","option":null,"text":"on 8/10","ref":"2012-08-10T00:00:00","expect":[{"index":0,"text":"on 8/10","start_known":{"month":8,"day":10}}]}
{"kind":"positive","parser":"casual","option":null,"text":"at the end of May","ref":"2012-08-10T00:00:00","expect":[{"index":14,"text":"May","start_known":{"month":5}}]}
{"kind":"positive","parser":"casual","option":null,"text":"2 days later","ref":"2012-08-10T00:00:00","expect":[{"index":0,"text":"2 days later","start_known":{"year":2012,"month":8,"day":12}}]}
EOF
check_same "eval-chrono: a weekend is its Saturday or Sunday only, PRESENT_REF gives no hour, spans start where chrono's do" \
	"$(scripts/eval-chrono --bin "$top/bin" --min 0 --show 9 "$tmp/chrono.jsonl" | sed 's/ ref .*//')" \
	"MISS 'this weekend'
MISS 'now'
MISS 'at the end of May'
chrono clean subset: 3 of 6 cases = 50.0%"

# --- the seeds, when lede-split is there
if command -v lede-split >/dev/null 2>&1 && [ -d "$shared/eval/seeds" ]; then
	check "score.py dates on the seeds: value F1 at least 0.95" \
		python3 "$shared/eval/score.py" dates --bin "$top/bin" --min 95
else
	skip "score.py dates on the seeds" "needs bin/lede-split and ../shared"
fi
done_testing
