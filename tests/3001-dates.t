#!/bin/sh
# lede-extract-dates: each family of expressions, spans, values, the reference date.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

# d TEXT [DCT [OPTION...]]: the dates found, one "text|type|value|mod" a line.
d() {
	t=$1 dct=${2-2025-11-13}
	shift
	[ $# -gt 0 ] && shift
	if [ -n "$dct" ]; then
		printf '{"text":"%s","dct":"%s"}\n' "$t" "$dct"
	else
		printf '{"text":"%s"}\n' "$t"
	fi | lede-extract-dates "$@" | python3 -c '
import json, sys
for l in sys.stdin:
    for x in json.loads(l)["dates"]:
        print("%s|%s|%s|%s" % (x["text"], x["type"], x["value"], x.get("mod", "")))'
}

# --- absolute dates (the reference is Thursday 2025-11-13)
check_same "month day, year" "$(d 'It happened on November 13, 2025, at dawn.')" "November 13, 2025|DATE|2025-11-13|"
check_same "day month year" "$(d 'Signed 13 November 2025 in Bogota.')" "13 November 2025|DATE|2025-11-13|"
check_same "abbreviated month with a point" "$(d 'He spoke on Nov. 12 to reporters.')" "Nov. 12|DATE|2025-11-12|"
check_same "Sept." "$(d 'Talks began Sept. 2 in Geneva.')" "Sept. 2|DATE|2025-09-02|"
check_same "ISO date" "$(d 'Filed 2025-11-13 by the clerk.')" "2025-11-13|DATE|2025-11-13|"
check_same "month first by default" "$(d 'Posted 11/12/2025 online.')" "11/12/2025|DATE|2025-11-12|"
check_same "--dmy reads day first" "$(d 'Posted 11/12/2025 online.' 2025-11-13 --dmy)" "11/12/2025|DATE|2025-12-11|"
check_same "a bare year, the preposition left out" "$(d 'Elections are due in 2026.')" "2026|DATE|2026|"
check_same "a decade" "$(d 'Prices last rose like this in the 1990s.')" "the 1990s|DATE|199|"
check_same "month and year" "$(d 'The strikes began in September 2025 at sea.')" "September 2025|DATE|2025-09|"
check_same "a month alone, this year" "$(d 'Inflation fell in January.')" "January|DATE|2025-01|"
check_same "a season with its year" "$(d 'They met in the summer of 2024.')" "the summer of 2024|DATE|2024-SU|"
check_same "a quarter" "$(d 'Profits rose in the third quarter of 2024.')" "the third quarter of 2024|DATE|2024-Q3|"
check_same "weekday and date" "$(d 'CNN revealed this Tuesday, November 11.')" "Tuesday, November 11|DATE|2025-11-11|"

# --- times
check_same "12-hour clock" "$(d 'The vote closed at 10:27 PM.')" "10:27 PM|TIME|2025-11-13T22:27|"
check_same "24-hour clock" "$(d 'The vote closed at 22:27 local time.')" "22:27|TIME|2025-11-13T22:27|"
check_same "a.m. with a zone" "$(d 'Markets open at 10 a.m. ET each day.')" "10 a.m. ET|TIME|2025-11-13T10:00|
each day|SET|P1D|"
check_same "noon" "$(d 'They met at noon.')" "noon|TIME|2025-11-13T12:00|"
check_same "date and time together" "$(d 'Published at: 11/11/2025 10:27 PM')" "11/11/2025 10:27 PM|TIME|2025-11-11T22:27|"
check_same "day and part of the day" "$(d 'They met Tuesday morning.')" "Tuesday morning|TIME|2025-11-11TMO|"

# --- relative to the reference
check_same "a weekday is in the past by default" "$(d 'He said on Tuesday that it was over.')" "Tuesday|DATE|2025-11-11|"
check_same "said Sunday" "$(d 'Petro said Sunday the deal was off.')" "Sunday|DATE|2025-11-09|"
check_same "the weekday of the reference is that day" "$(d 'Officials confirmed Thursday.')" "Thursday|DATE|2025-11-13|"
check_same "a weekday after will is ahead" "$(d 'The council will meet on Tuesday.')" "Tuesday|DATE|2025-11-18|"
check_same "last month" "$(d 'Exports fell last month.')" "last month|DATE|2025-10|"
check_same "this year and last year" "$(d 'Growth this year beat last year.')" "this year|DATE|2025|
last year|DATE|2024|"
check_same "next week" "$(d 'Talks resume next week.')" "next week|DATE|2025-W47|"
check_same "earlier this week is a week" "$(d 'He left earlier this week.')" "earlier this week|DATE|2025-W46|"
check_same "N days ago" "$(d 'It sank two days ago.')" "two days ago|DATE|2025-11-11|"
check_same "the 10th after a weekday" "$(d 'This Monday, the 10th, he spoke.')" "Monday, the 10th|DATE|2025-11-10|"
check_same "late October" "$(d 'The strikes began in late October.')" "late October|DATE|2025-10|END"
check_same "early September" "$(d 'It started in early September.')" "early September|DATE|2025-09|START"
check_same "the beginning of the year" "$(d 'Since the beginning of the year, 76 died.')" "the beginning of the year|DATE|2025|START"
check_same "last August" "$(d 'He was elected last August.')" "last August|DATE|2025-08|"
check_same "now" "$(d 'The talks are now over.')" "now|DATE|PRESENT_REF|"
check_same "a few weeks ago" "$(d 'A few weeks ago, he left.')" "A few weeks ago|DATE|PAST_REF|"
check_same "yesterday and tomorrow" "$(d 'Rain yesterday, sun tomorrow.')" "yesterday|DATE|2025-11-12|
tomorrow|DATE|2025-11-14|"
check_same "last night" "$(d 'Fighting broke out last night.')" "last night|TIME|2025-11-12TNI|"
check_same "the previous quarter is a date" "$(d 'Sales were flat in the previous quarter.')" "the previous quarter|DATE|2025-Q3|"
check_same "a later quarter is last year's" "$(d 'Sales were flat in the fourth quarter.' 2025-03-01)" "the fourth quarter|DATE|2024-Q4|"

# --- durations and sets
check_same "a duration" "$(d 'He served three years in prison.')" "three years|DURATION|P3Y|"
check_same "more than a month" "$(d 'It lasted for more than a month.')" "more than a month|DURATION|P1M|MORE_THAN"
check_same "a bare plural after for" "$(d 'They waited for days.')" "days|DURATION|PXD|"
check_same "the past two years" "$(d 'Prices doubled over the past two years.')" "the past two years|DURATION|P2Y|"
check_same "an adjective" "$(d 'He won a five-year term.')" "five-year|DURATION|P5Y|"
check_same "hours" "$(d 'The search took 36 hours.')" "36 hours|DURATION|PT36H|"
check_same "every Tuesday" "$(d 'The board meets every Tuesday.')" "every Tuesday|SET|XXXX-WXX-2|"
check_same "daily" "$(d 'The paper is printed daily.')" "daily|SET|P1D|"
check_same "an amount a year is a set" "$(d 'It costs 5bn a year.')" "a year|SET|P1Y|"
check_same "an age is not a duration" "$(d 'A 45-year-old man and a man aged 30 years old.')" ""

check_same "a month with last year" "$(d 'He resigned in March last year.')" "March last year|DATE|2024-03|"
check_same "the mid-1990s" "$(d 'Prices peaked in the mid-1990s.')" "the mid-1990s|DATE|199|MID"
check_same "a compound duration" "$(d 'The ride took 1 hour, 5 minutes and 30 seconds.')" "1 hour, 5 minutes and 30 seconds|DURATION|PT1H5M30S|"
check_same "tonight at 8" "$(d 'The vote is tonight at 8.')" "tonight at 8|TIME|2025-11-13T20:00|"
check_same "ISO date and time with a zone" "$(d 'Logged 1994-11-05T13:15:30Z by the server.')" "1994-11-05T13:15:30Z|TIME|1994-11-05T13:15:30|"
check_same "N years from now" "$(d 'It will be done five years from now.')" "five years from now|DATE|2030|"
check_same "the previous year" "$(d 'Sales rose from the previous year.')" "the previous year|DATE|2024|"
check_same "in three years: a date ahead" "$(d 'The plant will open in three years.')" "three years|DATE|2028|"
check_same "the first time in three years: a duration" "$(d 'It rose for the first time in three years.')" "three years|DURATION|P3Y|"
check_same "holidays" "$(d "Sales fell over Christmas and on New Year's Day 2026.")" "Christmas|DATE|2025-12-25|
New Year's Day 2026|DATE|2026-01-01|"
check_same "Christmas Island is a name" "$(d 'They sailed to Christmas Island.')" ""
check_same "the Sunday Times is a name" "$(d 'He told the Sunday Times so.')" ""

# --- the reference date
check_same "--ref overrides the dct" "$(d 'It rained yesterday.' 2025-11-13 --ref 2024-03-01)" "yesterday|DATE|2024-02-29|"
check_same "--ref= form" "$(d 'It rained yesterday.' '' --ref=2024-03-01)" "yesterday|DATE|2024-02-29|"
check_same "a dct with a time" "$(d 'It rained yesterday.' 2025-01-01T08:00:00Z)" "yesterday|DATE|2024-12-31|"
check_same "no reference: weekday underspecified" "$(d 'He spoke on Tuesday.' '')" "Tuesday|DATE|XXXX-WXX-2|"
check_same "no reference: month and day" "$(d 'He spoke on Nov. 11.' '')" "Nov. 11|DATE|XXXX-11-11|"
check_same "no reference: last month" "$(d 'Exports fell last month.' '')" "last month|DATE|XXXX-XX|"
check_same "an unreadable dct is no reference" "$(d 'He spoke on Tuesday.' 'soon')" "Tuesday|DATE|XXXX-WXX-2|"

# --- not dates
check_same "may the verb, March the month" "$(d 'She may go in March.')" "March|DATE|2025-03|"
check_same "march the verb" "$(d 'Thousands march on Friday.')" "Friday|DATE|2025-11-07|"
check_same "money, scores, phone numbers, fractions" \
	"$(d 'It cost $2025, the score was 3-2, call 555-2025, half is 1/2, and 1,999 came.')" ""
check_same "a name that holds a date word" "$(d 'Russia Today reported the news.')" ""
check_same "millions are not minutes" "$(d 'The firm lost 500m in fees.')" ""
check_same "3D is not three days, 5d is five days" "$(d 'A 3D film ran 5d.')" "5d|DURATION|P5D|"
check_same "a plain count is not a year" "$(d 'Police counted 2000 people.')" ""

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

# --- the seeds, when lede-split is there
if command -v lede-split >/dev/null 2>&1 && [ -d "$shared/eval/seeds" ]; then
	check "score.py dates on the seeds: value F1 at least 0.95" \
		python3 "$shared/eval/score.py" dates --bin "$top/bin" --min 95
else
	skip "score.py dates on the seeds" "needs bin/lede-split and ../shared"
fi
done_testing
