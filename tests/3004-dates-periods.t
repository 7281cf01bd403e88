#!/bin/sh
# lede-extract-dates on business news: reporting periods, the period a
# document is about (carried from record to record, reset by a new doc),
# "a year earlier" after an explicit period, and the point a duration
# with a signal word lands on.  Every sentence here is invented.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

# doc DCT SENTENCE...: the sentences as the records of one document,
# their dates "text|type|value|mod[|point]" a line.
doc() {
	dct=$1
	shift
	n=0
	for s in "$@"; do
		n=$((n + 1))
		printf '{"doc":"d.txt","n":%d,"text":"%s","dct":"%s"}\n' "$n" "$s" "$dct"
	done | lede-extract-dates | python3 -c '
import json, sys
for l in sys.stdin:
    for x in json.loads(l)["dates"]:
        print("%s|%s|%s|%s" % (x["text"], x["type"], x["value"], x.get("mod", ""))
              + ("|" + x["point"] if "point" in x else ""))'
}

# --- reporting periods
check_same "a hyphenated quarter" "$(doc 2025-11-13 'Third-quarter profit rose at the bank.')" \
	"Third-quarter|DATE|2025-Q3|"
check_same "a fourth-quarter loss, reported in the new year" \
	"$(doc 2025-02-10 'The miner posted a fourth-quarter loss.')" "fourth-quarter|DATE|2024-Q4|"
check_same "a first-half goal is a match's half" "$(doc 2025-11-13 'He scored a first-half goal.')" ""
check_same "the quarter, with no period before: the last one reported" \
	"$(doc 2025-11-13 'Net income fell in the quarter.')" "the quarter|DATE|2025-Q3|"
check_same "the quarter ahead" "$(doc 2025-11-13 'Sales will rise in the quarter.')" \
	"the quarter|DATE|2025-Q4|"
check_same "the quarter is the one the text is about" \
	"$(doc 2025-11-13 'Second-quarter results were weak.' 'Revenue in the quarter fell 4%.')" \
	"Second-quarter|DATE|2025-Q2|
the quarter|DATE|2025-Q2|"
check_same "the latest period, the year-earlier period" \
	"$(doc 2025-11-13 'Sales rose in the third quarter of 2024.' 'Costs in the latest period fell, against the year-earlier period.')" \
	"the third quarter of 2024|DATE|2024-Q3|
the latest period|DATE|2024-Q3|
the year-earlier period|DATE|2023-Q3|"
check_same "the period after a quarter" \
	"$(doc 2025-08-06 'Second-quarter profit rose.' 'Passenger numbers in the period rose 7%.')" \
	"Second-quarter|DATE|2025-Q2|
the period|DATE|2025-Q2|"
check_same "the full year" "$(doc 2025-01-28 'Fourth-quarter sales fell in 2024.' 'For the full year, sales were flat.')" \
	"Fourth-quarter|DATE|2024-Q4|
2024|DATE|2024|
the full year|DATE|2024|"
check_same "the same period in a year: that year's" \
	"$(doc 2005-01-20 'Net profit was 186m in the quarter, against 1.1bn in the same period in 2003.')" \
	"the quarter|DATE|2004-Q4|
the same period in 2003|DATE|2003-Q4|"
check_same "the period until a date is a stretch, not a reporting period" \
	"$(doc 2025-11-13 'Third-quarter sales rose.' 'The period until the vote is key.')" "Third-quarter|DATE|2025-Q3|"
check_same "the period names nothing when no period came before" \
	"$(doc 2025-11-13 'The period of calm ended.' 'It was a tense period.')" ""
check_same "the year-earlier quarter, no period before" \
	"$(doc 2025-11-13 'Profit was up from the year-earlier quarter.')" "the year-earlier quarter|DATE|2024-Q3|"
check_same "the fiscal year, the year of the period" \
	"$(doc 2025-11-13 'Profit rose in fiscal 2023.' 'For the fiscal year, sales grew.')" "fiscal 2023|DATE|2023|
the fiscal year|DATE|2023|"
check_same "the fiscal year alone" "$(doc 2025-11-13 'Results for the fiscal year were weak.')" \
	"the fiscal year|DATE|2025|"
check_same "a period after a possessive, which stays out of the span" \
	"$(doc 2025-11-13 'It forecast a loss in its current financial year.')" "current financial year|DATE|2025|"
check_same "the year-ago period, no period before: a quarter" \
	"$(doc 1989-11-02 'The company had a loss in the year-ago period.')" "the year-ago period|DATE|1988-Q3|"
check_same "the year after a quarter is that quarter's year" \
	"$(doc 1990-02-06 'Fourth-quarter net fell 8%.' 'For the year, sales rose 2%.')" \
	"Fourth-quarter|DATE|1989-Q4|
the year|DATE|1989|"
check_same "year-end" "$(doc 2025-11-13 'Debt will fall by year-end.')" "year-end|DATE|2025|END"
check_same "the same quarter last year" \
	"$(doc 2025-11-13 'Orders in the second quarter beat the same quarter last year.')" \
	"the second quarter|DATE|2025-Q2|
the same quarter last year|DATE|2024-Q2|"
check_same "next year's first quarter is one expression" \
	"$(doc 2025-11-13 "Sales will rise in next year's first quarter.")" "next year's first quarter|DATE|2026-Q1|"

# --- a year earlier, a year ago, last year after an explicit period
check_same "a year earlier after a quarter: that quarter a year before" \
	"$(doc 2025-11-13 'Net rose in the second quarter, up 5% from a year earlier.')" \
	"the second quarter|DATE|2025-Q2|
a year earlier|DATE|2024-Q2|"
check_same "from a year ago after a quarter" \
	"$(doc 2025-11-13 'Third-quarter net rose 5% from a year ago.')" \
	"Third-quarter|DATE|2025-Q3|
a year ago|DATE|2024-Q3|"
check_same "from last year after a quarter" \
	"$(doc 2025-11-13 'Third-quarter sales rose from last year.')" \
	"Third-quarter|DATE|2025-Q3|
last year|DATE|2024-Q3|"
check_same "a year earlier in the next record" \
	"$(doc 2025-11-13 'Fourth-quarter revenue was 3 billion.' 'That was up 8% from a year earlier.')" \
	"Fourth-quarter|DATE|2025-Q4|
a year earlier|DATE|2024-Q4|"
check_same "compared with a year earlier, no period before: the year" \
	"$(doc 1989-11-02 'Net was 3 million, compared with 2 million a year earlier.')" "a year earlier|DATE|1988|"
check_same "a year-ago quarter" "$(doc 1989-11-02 'Profit fell from a year-ago quarter.')" \
	"a year-ago quarter|DATE|1988-Q3|"
check_same "a year ago with no comparison is a year" \
	"$(doc 2025-11-13 'Third-quarter sales rose.' 'The chief left a year ago.')" \
	"Third-quarter|DATE|2025-Q3|
a year ago|DATE|2024|"
check_same "last year with no comparison is a year" \
	"$(doc 2025-11-13 'Third-quarter sales rose.' 'Last year the firm was sold.')" \
	"Third-quarter|DATE|2025-Q3|
Last year|DATE|2024|"
check_same "a month earlier stays a duration with its point" \
	"$(doc 2025-11-13 'Third-quarter sales rose.' 'Prices had fallen a month earlier.')" \
	"Third-quarter|DATE|2025-Q3|
a month earlier|DURATION|P1M||2025-10"

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

# --- points: the date a duration with a signal word lands on
check_same "in five years" "$(doc 2025-06-01 'The plant will open in five years.')" \
	"five years|DURATION|P5Y||2030"
check_same "within 18 months" "$(doc 2025-06-01 'The debt is due within 18 months.')" \
	"18 months|DURATION|P18M||2026-12"
check_same "eight years from now" "$(doc 2025-06-01 'It ends eight years from now.')" \
	"eight years from now|DURATION|P8Y||2033"
check_same "a year later from an earlier date in the document" \
	"$(doc 2025-06-01 'In May 1990 the mine closed.' 'A year later it reopened.')" \
	"May 1990|DATE|1990-05|
A year later|DURATION|P1Y||1991"

# --- anchors other than the publication date
check_same "the following month counts from the last date" \
	"$(doc 2025-06-01 'In May 1990 the mine closed.' 'It reopened the following month.')" \
	"May 1990|DATE|1990-05|
the following month|DATE|1990-06|"
check_same "the previous year counts from the last year" \
	"$(doc 2025-06-01 'Sales rose in 2004 but fell the previous year.')" \
	"2004|DATE|2004|
the previous year|DATE|2003|"
check_same "a weekday and a date before a colon" "$(doc 2026-05-01 'Tuesday, May 5: the vote.')" \
	"Tuesday, May 5|DATE|2026-05-05|"
check_same "a clock after a colon is no day" "$(doc 2026-05-01 'Doors open May 5:30 pm.')" \
	"5:30 pm|TIME|2026-05-01T17:30|"
done_testing
