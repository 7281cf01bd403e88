#!/bin/sh
# lede-extract-dates asks each rule only where its start mask allows, and
# answers "[]" at once for a text with no anchor (the cases of that are in
# cases/dates.test, "A text with no anchor").  --all-rules asks every rule
# at every token and skips the no-anchor shortcut: it must find the same
# (over the BBC records when ../shared is there).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

# --- every rule at every token: the same
printf '%s\n' '{"text":"Q said no. I'"'"'d say so, ~5 days later, +3 days on the 10th."}' \
    '{"text":"He came at 8 - 11pm on Monday, 22-23 Feb, and next business day.","dct":"2025-11-13T10:00"}' \
    >"$tmp/few"
check_same "--all-rules: a few records" "$(lede-extract-dates --all-rules "$tmp/few")" \
    "$(lede-extract-dates "$tmp/few")"
if [ -d "$shared/corpus/bbc" ]; then
	lede-split "$shared/corpus/bbc" >"$tmp/bbc" 2>/dev/null
	lede-extract-dates "$tmp/bbc" >"$tmp/masks"
	lede-extract-dates --all-rules "$tmp/bbc" >"$tmp/all"
	check_file "--all-rules: the BBC records" "$tmp/all" "$tmp/masks"
	lede-extract-dates --dmy --ref 2005-03-01 "$tmp/bbc" >"$tmp/masks"
	lede-extract-dates --dmy --ref 2005-03-01 --all-rules "$tmp/bbc" >"$tmp/all"
	check_file "--all-rules: the BBC records, -d -r 2005-03-01" "$tmp/all" "$tmp/masks"
else
	skip "--all-rules: the BBC records" "no ../shared/corpus/bbc"
fi

done_testing
