#!/bin/sh
# lede-extract-dates: each family of expressions, spans, values, the reference date.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

# d TEXT [DCT [OPTION...]]: the dates found, one "text|type|value|mod" a line,
# then "|point" where there is one.
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
        print("%s|%s|%s|%s" % (x["text"], x["type"], x["value"], x.get("mod", ""))
              + ("|" + x["point"] if "point" in x else ""))'
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
check_same "N years from now: the duration, the point it lands on" "$(d 'It will be done five years from now.')" "five years from now|DURATION|P5Y||2030"
check_same "the previous year" "$(d 'Sales rose from the previous year.')" "the previous year|DATE|2024|"
check_same "in three years: the duration, the point ahead" "$(d 'The plant will open in three years.')" "three years|DURATION|P3Y||2028"
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

# --- ranges: the start takes what it leaves out from the end
check_same "an hour range takes the end's pm" "$(d 'The show runs 8 - 11pm.')" "8|TIME|2025-11-13T20:00|
11pm|TIME|2025-11-13T23:00|"
check_same "an hour range at night" "$(d 'Doors open 10 - 11 at night.')" "10|TIME|2025-11-13T22:00|
11 at night|TIME|2025-11-13T23:00|"
check_same "a day range takes the month and the time" "$(d 'The fair is on 22-23 Feb at 7pm.')" "22|TIME|2025-02-22T19:00|
23 Feb at 7pm|TIME|2025-02-23T19:00|"
check_same "a day range in a festival" "$(d 'The festival runs from 10-20 February.')" "10|DATE|2025-02-10|
20 February|DATE|2025-02-20|"
check_same "a day range with the time and year after" "$(d 'Thu Oct 26 - 28, 11:00:09 2023')" \
	"Thu Oct 26 - 28, 11:00:09 2023|TIME|2023-10-26T11:00:09|"
check_same "a time range with the year after" "$(d 'Thu Oct 26, 10:00 - 11:00:09 2023')" \
	"Thu Oct 26, 10:00 - 11:00:09 2023|TIME|2023-10-26T10:00|"
check_same "no reference: a day range, offsets stay open" "$(d '22-23 Feb at 7pm; next day; two weeks later.' '')" "22|TIME|XXXX-02-22T19:00|
23 Feb at 7pm|TIME|XXXX-02-23T19:00|
next day|DATE|XXXX-XX-XX|
two weeks later|DURATION|P2W||XXXX-XX-XX"
check_same "a bare number range is not hours" "$(d 'It went 7 - 8 in the vote.')" ""
check_same "a score is not a range" "$(d 'They won 3-2 at home.')" ""

# --- offsets from an anchor
check_same "N days after tomorrow" "$(d 'The result came 2 days after tomorrow.')" "2 days after tomorrow|DATE|2025-11-16|"
check_same "a week before yesterday" "$(d 'It fell a week before yesterday.')" "a week before yesterday|DATE|2025-11-05|"
check_same "N days after next Friday" "$(d 'It opens 2 days after next Friday.')" "2 days after next Friday|DATE|2025-11-16|"
check_same "N months before a bare month and day" "$(d 'Set it 2 months before 02/02.')" "2 months before 02/02|DATE|2024-12|"
check_same "N weeks after a date" "$(d 'Minutes came three weeks after the 14 December meeting.' 2005-03-01)" \
	"three weeks after the 14 December|DATE|2005-01-04|"
check_same "N days before an event is a duration" "$(d 'He left two days before the vote.')" "two days|DURATION|P2D|"
check_same "signed offsets from the reference" "$(d 'Deadline: +2 months, 5 days')" "+2 months, 5 days|DATE|2026-01-18|"
check_same "a negative year offset" "$(d 'The chart shows -3y of data.')" "-3y|DATE|2022|"
check_same "a compound offset glued" "$(d 'It ran -2hr5min behind.' 2025-11-13T12:00)" "-2hr5min|TIME|2025-11-13T09:55|"
check_same "now plus minutes" "$(d 'Meet now + 40minutes' 2025-11-13T08:30)" "now + 40minutes|TIME|2025-11-13T09:10|"
check_same "a weekday plus days" "$(d 'We meet next tuesday +10 days')" "next tuesday +10 days|DATE|2025-11-28|"
check_same "a date minus days" "$(d 'Due 2023-12-29 -10days')" "2023-12-29 -10days|DATE|2023-12-19|"
check_same "a minus in a range is no offset" "$(d 'It takes 10 -15 days.')" "15 days|DURATION|P15D|"

# --- points N units from the reference
check_same "in a week lands on a day" "$(d 'It will close in a week.')" "a week|DURATION|P1W||2025-11-20"
check_same "within two weeks lands on a day" "$(d 'It will close within two weeks.')" "two weeks|DURATION|P2W||2025-11-27"
check_same "in about ~5 hours" "$(d 'It ends in about ~5 hours.' 2025-11-13T13:00)" "about ~5 hours|DURATION|PT5H|APPROX|2025-11-13T18:00"
check_same "in N weeks at a time" "$(d 'They meet in 2 weeks at 9am.')" "2 weeks at 9am|DURATION|P2W||2025-11-27T09:00"
check_same "within 18 months: P18M, the month it lands on" "$(d 'The loan is due within 18 months.')" "18 months|DURATION|P18M||2027-05"
check_same "a month earlier: P1M, the month before" "$(d 'Sales had fallen a month earlier.')" "a month earlier|DURATION|P1M||2025-10"
check_same "eight years from now: P8Y, the year" "$(d 'It will be paid eight years from now.' 2025-03-01)" "eight years from now|DURATION|P8Y||2033"
check_same "a year ago is a date, no point" "$(d 'It closed a year ago.')" "a year ago|DATE|2024|"
check_same "in a few years: PXY, the future" "$(d 'It will reopen in a few years.')" "a few years|DURATION|PXY||FUTURE_REF"
check_same "N weeks ago at a time is a day" "$(d 'They met 2 weeks ago at 9am.')" "2 weeks ago at 9am|TIME|2025-10-30T09:00|"
check_same "N weeks ago alone stays a week" "$(d 'It sank 2 weeks ago.')" "2 weeks ago|DATE|2025-W44|"
check_same "in 1 mon at the end of a clause" "$(d 'Due in 1 mon.')" "1 mon|DURATION|P1M||2025-12"
check_same "N days later" "$(d 'It arrived two days later.')" "two days later|DURATION|P2D||2025-11-15"
check_same "later counts from the last date before it" "$(d 'Sales grew in 2001 and a year later.')" "2001|DATE|2001|
a year later|DURATION|P1Y||2002"
check_same "a year earlier after a quarter" "$(d 'It lost more in the fourth quarter of 2004 than a year earlier.')" \
	"the fourth quarter of 2004|DATE|2004-Q4|
a year earlier|DATE|2003-Q4|"
check_same "N minutes earlier" "$(d 'It rose 15 minutes earlier.' 2025-11-13T12:14)" "15 minutes earlier|DURATION|PT15M||2025-11-13T11:59"
check_same "minutes earlier without a time stays a duration" "$(d 'It rose 15 minutes earlier.')" "15 minutes|DURATION|PT15M|"
check_same "N minutes out" "$(d 'The car is 15 minutes out.' 2025-11-13T12:14)" "15 minutes out|DURATION|PT15M||2025-11-13T12:29"
check_same "N weeks out is an injury" "$(d 'He had six weeks out with injury.' 2025-11-13T12:14)" "six weeks|DURATION|P6W|"
check_same "the year before" "$(d 'Profit rose from the year before.')" "the year before|DATE|2024|"
check_same "the month before, after a month" "$(d 'It was 19.6bn in November, down from the month before.')" "November|DATE|2025-11|
the month before|DATE|2025-10|"
check_same "the day after an event is not a point" "$(d 'They met the day after the vote.')" ""
check_same "a compound with m and s, ago" "$(d 'It ended 3m 49s ago.' 2025-11-13T22:30)" "3m 49s ago|TIME|2025-11-13T22:26|"
check_same "d h m ago" "$(d 'It ended 1d 21 h 25m ago.' 2025-11-13T22:30)" "1d 21 h 25m ago|TIME|2025-11-12T01:05|"
check_same "m alone is not minutes" "$(d 'He lost 3m in fees.')" ""

# --- next and last of a day, an hour, a working day
check_same "next hour" "$(d 'It resumes next hour.' 2025-11-13T12:00)" "next hour|TIME|2025-11-13T13:00|"
check_same "next hour needs a time" "$(d 'It resumes next hour.')" ""
check_same "next day" "$(d 'Call me next day.')" "next day|DATE|2025-11-14|"
check_same "last day" "$(d 'It was the busiest, last day.')" "last day|DATE|2025-11-12|"
check_same "his last day, the next day, next day delivery" \
	"$(d "It was his last day, the next day and Tom's last day of next day delivery.")" ""
check_same "next weekday" "$(d 'It closes next weekday.')" "next weekday|DATE|2025-11-14|"
check_same "last weekday from a Saturday" "$(d 'It closed last weekday.' 2025-11-15)" "last weekday|DATE|2025-11-14|"
check_same "next business day from a Friday" "$(d 'It pays next business day.' 2025-11-14)" "next business day|DATE|2025-11-17|"
check_same "the last weekday of the month" "$(d 'It pays on the last weekday of the month.')" ""
check_same "next two quarter" "$(d 'Sales over the next two quarter.')" "the next two quarter|DURATION|P6M|"

# --- bare month and day, May, eras
check_same "on 8/10 is a date" "$(d 'Sent on 8/10 by mail.')" "8/10|DATE|2025-08-10|"
check_same "on 14/4 is day first" "$(d 'Sent on 14/4.')" "14/4|DATE|2025-04-14|"
check_same "--dmy reads 8/10 day first" "$(d 'Sent on 8/10 by mail.' 2025-11-13 --dmy)" "8/10|DATE|2025-10-08|"
check_same "a bare month and day alone" "$(d '8/10')" "8/10|DATE|2025-08-10|"
check_same "odds, tie-breaks, titles, 24/7 are not dates" \
	"$(d 'He was 5/4 favourite, won 7-6 (7/5) on 24/7 duty, saw Fahrenheit 9/11 at 10/1.')" ""
check_same "May alone is the month" "$(d 'May')" "May|DATE|2025-05|"
check_same "May the verb" "$(d 'May I go?')" ""
check_same "a Buddhist era year" "$(d 'It was August 10 2555 BE.')" "August 10 2555 BE|DATE|2012-08-10|"

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
