#!/bin/sh
# lede-extract-dates: number shapes (year ranges, centuries, fractions),
# holidays that move, words that refer to time, and the false positives
# of issue 17.  Every sentence here is invented.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

# d TEXT [DCT]: the dates found, "text|type|value|mod[|point]" a line.
d() {
	printf '{"text":"%s","dct":"%s"}\n' "$1" "${2-2025-11-13}" | lede-extract-dates | python3 -c '
import json, sys
for l in sys.stdin:
    for x in json.loads(l)["dates"]:
        print("%s|%s|%s|%s" % (x["text"], x["type"], x["value"], x.get("mod", ""))
              + ("|" + x["point"] if "point" in x else ""))'
}

# --- number shapes
check_same "a range of years, its end in two digits" "$(d 'The 1971-74 drought ruined farms.')" \
	"1971|DATE|1971|
74|DATE|1974|"
check_same "a season across two years" "$(d 'The 2019-20 season was cut short.')" \
	"2019|DATE|2019|
20|DATE|2020|"
check_same "an ISO date is no range" "$(d 'Filed 2025-11-13 by the clerk.')" "2025-11-13|DATE|2025-11-13|"
check_same "a phone number is no range" "$(d 'Call 1971-7432 for tickets.')" ""
check_same "a century" "$(d 'Cities grew in the 18th century.')" "the 18th century|DATE|17|"
check_same "a century spelt out, hyphenated" "$(d 'A nineteenth-century mill burned.')" "nineteenth-century|DATE|18|"
check_same "a whole and a fraction" "$(d 'He spent 3 1/2 years abroad.')" "3 1/2 years|DURATION|P3.5Y|"
check_same "a fraction alone is no duration" "$(d 'Half is 1/2 of it.')" ""

# --- holidays that move
check_same "Easter Sunday" "$(d 'The shop opens on Easter Sunday.' 2025-03-01)" "Easter Sunday|DATE|2025-04-20|"
check_same "Good Friday with a year" "$(d 'Markets shut on Good Friday 2024.')" "Good Friday 2024|DATE|2024-03-29|"
check_same "Thanksgiving, the fourth Thursday" "$(d 'Thanksgiving sales rose.' 2025-12-01)" "Thanksgiving|DATE|2025-11-27|"
check_same "Memorial Day, the last Monday" "$(d 'They met on Memorial Day.' 2025-06-01)" "Memorial Day|DATE|2025-05-26|"
check_same "Easter Island is a name" "$(d 'They sailed to Easter Island.')" ""

# --- words that refer to time
check_same "current" "$(d 'The current chairman quit.')" "current|DATE|PRESENT_REF|"
check_same "recent" "$(d 'A recent survey found little.')" "recent|DATE|PAST_REF|"
check_same "soon" "$(d 'Rates will fall soon.')" "soon|DATE|FUTURE_REF|"
check_same "in recent months: a stretch of months" "$(d 'Prices rose in recent months.')" "recent months|DURATION|PXM|"
check_same "recent years" "$(d 'Rents doubled in recent years.')" "recent years|DURATION|PXY|"
check_same "minutes before the vote" "$(d 'It happened minutes before the vote.')" "minutes|DURATION|PTXM|"
check_same "days later" "$(d 'Days later he left.')" "Days|DURATION|PXD|"
check_same "the past year: a duration" "$(d 'Over the past year rents rose.')" "the past year|DURATION|P1Y|"

# --- false positives
check_same "a year as a modifier" "$(d 'He drove a 1970 Buick to the show.')" ""
check_same "an age in decades" "$(d 'The owner is in her 40s.')" ""
check_same "ages in a list" "$(d 'Most of them are in their 30s and 40s.')" ""
check_same "a decade ago is a decade" "$(d 'Its owners bought it a decade ago.')" "a decade ago|DATE|201|"
check_same "an age with a modifier" "$(d 'He is in his mid-30s.')" ""
check_same "a decade with the article stays" "$(d 'Prices peaked in the 80s.')" "the 80s|DATE|198|"
check_same "the first quarterly loss is a kind of loss" "$(d 'It is the first quarterly loss in its history.')" ""
check_same "the nine months: the determiner in the span" "$(d 'In the nine months, profit rose.')" \
	"the nine months|DURATION|P9M|"
check_same "a century ago is a century" "$(d 'The bridge was built a century ago.')" "a century ago|DATE|19|"
check_same "a quarterly dividend is a kind of dividend" "$(d 'It pays a quarterly dividend.')" ""
check_same "reported quarterly is a set" "$(d 'Sales are reported quarterly.')" "quarterly|SET|P3M|"
check_same "an amount a year is a set, never a date" "$(d 'He earns 5 million a year.')" "a year|SET|P1Y|"
check_same "the current account is no time" "$(d 'The current account deficit grew.')" ""
check_same "a year before a lower-case noun stays a date" "$(d 'It paid a 2004 dividend.')" "2004|DATE|2004|"
check_same "on a daily basis is a set" "$(d 'The plant is run on a daily basis.')" "daily|SET|P1D|"
check_same "a programme's title" "$(d "He told the BBC's Today programme.")" ""
check_same "Today at the start of a sentence" "$(d 'Today, he said, was calm.')" "Today|DATE|2025-11-13|"
check_same "a first-half goal is a match's" "$(d 'He scored a first-half goal.')" ""
check_same "a second-half revival is a match's, and no second" "$(d 'They staged a second-half revival.')" ""
check_same "a first-half profit" "$(d 'Qantas posted a record first-half profit.' 2025-11-13)" "first-half|DATE|2025-H1|"
check_same "20th Century Fox is a name" "$(d 'Shares in 20th Century Fox rose.')" ""
check_same "second-half revenue is a year's" "$(d 'Second-half revenue rose.')" "Second-half|DATE|2025-H2|"

# --- past or future for a bare weekday or month: the verb, then the nearest cue
check_same "will be reported: the future, though reported is a past cue" \
	"$(d 'Imports will be reported on Friday.' 2025-10-02)" "Friday|DATE|2025-10-03|"
check_same "had been due: the past, though due is a future cue" \
	"$(d 'The bill had been due on Monday.' 2025-10-02)" "Monday|DATE|2025-09-29|"
check_same "is due: the future" "$(d 'The loan is due on Monday.' 2025-10-02)" "Monday|DATE|2025-10-06|"
check_same "payable points forward, into next year" \
	"$(d 'The dividend is payable March 3.' 2025-10-02)" "March 3|DATE|2026-03-03|"
check_same "effective points forward" "$(d 'The rule is effective Jan. 1.' 2025-10-02)" "Jan. 1|DATE|2026-01-01|"

# --- spans and stretches
check_same "the first nine months: the determiner in the span" \
	"$(d 'Sales rose in the first nine months.')" "the first nine months|DURATION|P9M|"
check_same "for three days after: a stretch, not a point" \
	"$(d 'The chain closes for three days after.')" "three days|DURATION|P3D|"
check_same "a programme's title: This Morning" "$(d 'He told This Morning it was over.')" ""
check_same "this morning at the start of a sentence" "$(d 'This morning it rained.')" \
	"This morning|TIME|2025-11-13TMO|"
done_testing
