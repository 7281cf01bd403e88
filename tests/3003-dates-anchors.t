#!/bin/sh
# lede-extract-dates: a text with no anchor (number, date word, unit, date
# phrase) is "[]" without the rules; these are the expressions whose only
# anchor is a phrase or a rare category, and texts with none.  Then each
# rule is asked only where its start mask allows: --all-rules, which asks
# every rule at every token and skips the no-anchor shortcut, must find
# the same (over the BBC records when ../shared is there).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

# d TEXT: the dates found against 2025-11-13, "text|type|value|mod" a line.
d() {
	printf '{"text":"%s","dct":"2025-11-13"}\n' "$1" | lede-extract-dates | python3 -c '
import json, sys
for l in sys.stdin:
    for x in json.loads(l)["dates"]:
        print("%s|%s|%s|%s" % (x["text"], x["type"], x["value"], x.get("mod", "")))'
}

# --- a phrase is the only anchor
check_same "the past" "$(d 'Prices were higher in the past.')" "the past|DATE|PAST_REF|"
check_same "at present" "$(d 'At present the firm has no plan.')" "At present|DATE|PRESENT_REF|"
check_same "right now" "$(d 'We need it right now.')" "right now|DATE|PRESENT_REF|"
check_same "the future" "$(d "I'd say it is the future of the firm.")" "the future|DATE|FUTURE_REF|"
check_same "the years to come" "$(d 'The firm is set to grow in the years to come.')" "the years to come|DATE|FUTURE_REF|"
check_same "a working day phrase" "$(d 'Payment is due next business day.')" "next business day|DATE|2025-11-14|"

# --- one word of a rare category
check_same "half" "$(d 'Sales fell in the first half.')" "the first half|DATE|2025-H1|"
check_same "a holiday" "$(d 'They met at Christmas.')" "Christmas|DATE|2025-12-25|"
check_same "a frequency" "$(d 'The shop opens daily.')" "daily|SET|P1D|"
check_same "a clock word" "$(d 'The vote is at noon.')" "noon|TIME|2025-11-13T12:00|"
check_same "a unit" "$(d 'It was the best of the year.')" "the year|DATE|2025|"
check_same "a plural unit" "$(d 'He has lived there for years.')" "years|DURATION|PXY|"
check_same "a reporting period" "$(d 'Debt will fall by year-end.')" "year-end|DATE|2025|END"
check_same "the fiscal year" "$(d 'Results for the fiscal year were weak.')" "the fiscal year|DATE|2025|"
check_same "a workday" "$(d 'Last weekday he came.')" "Last weekday|DATE|2025-11-12|"

# --- no anchor: nothing ("d" of I'd is a unit only after a number)
check_same "articles and numbers words" "$(d 'A man and a woman were in the house.')" ""
check_same "the without a phrase" "$(d 'The company said the deal was good.')" ""
check_same "an attached-only unit alone" "$(d "I'd say so.")" ""
check_same "a single capital" "$(d 'Q said no.')" ""

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
	lede-extract-dates -d -r 2005-03-01 "$tmp/bbc" >"$tmp/masks"
	lede-extract-dates -d -r 2005-03-01 --all-rules "$tmp/bbc" >"$tmp/all"
	check_file "--all-rules: the BBC records, -d -r 2005-03-01" "$tmp/all" "$tmp/masks"
else
	skip "--all-rules: the BBC records" "no ../shared/corpus/bbc"
fi

done_testing
