#!/bin/sh
# lede-split --meta TABLE and --source-from-dir: what fills in the date
# and outlet of files that carry none (issue 18, #5), and the cap on meta
# (issue 19, #10).
. "$(dirname "$0")/lib.sh"

cd "$tmp" || exit 2
mkdir -p bbc/business bbc/tech
printf 'Markets fell\n\nShares fell on Monday, traders said.\n' > bbc/business/001.txt
printf 'Oil rose\n\nOil rose on Tuesday.\n' > bbc/business/002.txt
printf -- '---\ntitle: Chips\nsource: Wired\ndate: 2005-03-04\n---\nChips are up.\n' > bbc/tech/001.txt
printf 'LONDON, Jan 5, 2005 - Rates held.\n' > bbc/tech/002.txt
t=$(printf '\t')
{
	printf 'path\tdct\tsource\tauthor\n'
	printf 'bbc/business/001.txt\t2005-01-02\tBBC\tJo Smith\n'
	printf 'bbc/tech/001.txt\t2005-09-09\tBBC\tAl Jones\n'
	printf 'bbc/tech/002.txt\t2005-02-02\t\t\n'
	printf 'bbc/gone.txt\t2005-01-01\tBBC\t\n'
} > meta.tsv
fields() { jq -c '[.doc, .n, .dct, .meta]' | tr '\n' ' '; }

check_same "a row fills in dct, source and other fields of a file by its path" \
    "$(lede-split --meta meta.tsv bbc/business/001.txt | fields)" \
    '["bbc/business/001.txt",1,"2005-01-02",{"source":"BBC","author":"Jo Smith"}] ["bbc/business/001.txt",2,"2005-01-02",{"source":"BBC","author":"Jo Smith"}] '
check_same "front matter wins over the table; the table fills in what it lacks" \
    "$(lede-split --meta meta.tsv bbc/tech/001.txt | fields)" \
    '["bbc/tech/001.txt",1,"2005-03-04",{"title":"Chips","source":"Wired","date":"2005-03-04","author":"Al Jones"}] '
check_same "the table's dct wins over a dateline; empty cells fill nothing" \
    "$(lede-split --meta meta.tsv bbc/tech/002.txt | fields)" \
    '["bbc/tech/002.txt",1,"2005-02-02",null] '
check_same "the table's dct wins over -d" \
    "$(lede-split -d 2001-01-01 --meta meta.tsv bbc/business/001.txt | jq -r .dct | sort -u)" "2005-01-02"
check_same "-d fills in a file the table has no row for" \
    "$(lede-split -d 2001-01-01 --meta meta.tsv bbc/business/002.txt | jq -r .dct | sort -u)" "2001-01-01"
check_same "front matter's date wins over -d" \
    "$(lede-split -d 2001-01-01 bbc/tech/001.txt | jq -r .dct | sort -u)" "2005-03-04"
check_same "a folder operand: each file by the path lede-split names it" \
    "$(lede-split --meta meta.tsv bbc | jq -r '[.doc, .dct // "-", .meta.source // "-"] | @tsv' | sort -u | tr '\t\n' ', ')" \
    "bbc/business/001.txt,2005-01-02,BBC bbc/business/002.txt,-,- bbc/tech/001.txt,2005-03-04,Wired bbc/tech/002.txt,2005-02-02,- "

# Paths relative to the table's folder, and other spellings of the path.
printf 'path\tsource\nbusiness/002.txt\tBBC Business\n./tech/002.txt\tBBC Tech\n' > bbc/meta.tsv
check_same "a row's path relative to the table's folder" \
    "$(lede-split --meta bbc/meta.tsv bbc/business/002.txt bbc/tech/002.txt | jq -r .meta.source | uniq | tr '\n' ,)" \
    "BBC Business,BBC Tech,"
check_same "... and from another folder, given as ./" \
    "$(cd bbc/business && lede-split --meta ../meta.tsv ./002.txt | jq -r .meta.source | uniq)" "BBC Business"
printf 'path\tsource\n%s\tAbsolute\n' "$tmp/bbc/business/002.txt" > abs.tsv
check_same "an absolute path" "$(lede-split --meta abs.tsv bbc/business/002.txt | jq -r .meta.source | uniq)" "Absolute"

# Escapes, line ends, a byte-order mark, a title.
printf '\357\273\277path\ttitle\tnote\r\nbbc/business/002.txt\tOil rose\ta\\tb\\\\c\\nd\r\n\r\n' > crlf.tsv
check_same "BOM, CRLF, empty lines; \\t \\\\ \\n decoded" \
    "$(lede-split --meta crlf.tsv bbc/business/002.txt | head -n 1 | jq -c .meta)" \
    '{"title":"Oil rose","note":"a\tb\\c\nd"}'
check_same "the table's title finds the headline, as front matter's does" \
    "$(lede-split --meta crlf.tsv bbc/business/002.txt | jq -c 'select(.headline) | .text')" '"Oil rose"'

# Rows no article took, under -v.
run_err lede-split -v --meta meta.tsv bbc/business/001.txt
check_same "-v: the rows no article took" "$err" \
    "lede-split: meta.tsv:3: no article took the row of bbc/tech/001.txt
lede-split: meta.tsv:4: no article took the row of bbc/tech/002.txt
lede-split: meta.tsv:5: no article took the row of bbc/gone.txt"
run_err lede-split --meta meta.tsv bbc/business/001.txt
check_same "without -v, not a word" "$err" ""

# Faults of the table: located, exit 2, before any record.
bad() {	# bad DESCRIPTION MESSAGE TABLE-TEXT
	printf "$3" > bad.tsv
	check_fail "$1" 2 "lede-split: bad.tsv:$2" lede-split --meta bad.tsv bbc/business/001.txt
	check_same "$1: no records" "$(wc -c < "$tmp/out" | tr -d ' ')" 0
}
bad "no path column" "1: no path column in the header" 'dct\tsource\nx\t2005-01-01\n'
bad "too few fields" "2: 1 field, the header names 2" 'path\tdct\nbbc/x.txt\n'
bad "too many fields" "3: 3 fields, the header names 2" 'path\tdct\na\t\nb\t2005-01-01\tc\n'
bad "a path twice" "4: a: the same path as line 2" 'path\tdct\na\t\nb\t\na\t\n'
bad "a day that is not in the calendar" "2: dct is not a date (YYYY-MM-DD): 2005-02-30" 'path\tdct\na\t2005-02-30\n'
bad "a time that is none" "2: dct is not a date (YYYY-MM-DD): 2005-01-01T25:00" 'path\tdct\na\t2005-01-01T25:00\n'
bad "a dct that is no date" "2: dct is not a date (YYYY-MM-DD): 13/01/2005" 'path\tdct\na\t13/01/2005\n'
bad "a column named twice" "1: column path named twice" 'path\tpath\n'
bad "a column with no name" "1: column 2 has no name" 'path\t\tdct\n'
bad "an empty path" "2: empty path" 'path\tdct\n\t2005-01-01\n'
bad "bytes that are not UTF-8" "3: invalid UTF-8" 'path\tsource\na\tx\nb\t\377\n'
printf '' > empty.tsv
check_fail "an empty table" 2 "lede-split: empty.tsv: empty: no header line" \
    lede-split --meta empty.tsv bbc/business/001.txt
check_fail "no table" 2 "lede-split: nope.tsv: No such file or directory" \
    lede-split --meta nope.tsv bbc/business/001.txt
printf 'path\tdct\na\t2005-01-01T10:00:00Z\nb\t2004-02-29 08:00\n' > time.tsv
check "a date and time, as -d takes them" lede-split --meta time.tsv bbc/business/001.txt

# --source-from-dir: the folder's name, when nothing else names the outlet.
check_same "--source-from-dir: the folder's name; front matter's source wins" \
    "$(lede-split --source-from-dir bbc | jq -r '[.doc, .meta.source] | @tsv' | sort -u | tr '\t\n' ', ')" \
    "bbc/business/001.txt,business bbc/business/002.txt,business bbc/tech/001.txt,Wired bbc/tech/002.txt,tech "
check_same "--source-from-dir: the table's source wins over the folder's name" \
    "$(lede-split --source-from-dir --meta meta.tsv bbc/business | jq -r .meta.source | sort -u | tr '\n' ,)" \
    "BBC,business,"
check_same "--source-from-dir: a file of the current folder takes its name" \
    "$(cd bbc/tech && lede-split --source-from-dir 002.txt ./002.txt | jq -r .meta.source | uniq | tr '\n' ,)" \
    "tech,"
check_same "--source-from-dir: nothing for the standard input" \
    "$(echo 'A line.' | lede-split --source-from-dir | jq -c .meta)" "null"

# A page: what it says of itself wins; the table fills in the rest.
printf '<html><head><meta property="og:site_name" content="Daily"></head><body><article><p>The page says little of itself, only its site name and this paragraph.</p></article></body></html>\n' > page.html
printf 'path\tsource\tauthor\npage.html\tTable\tAnn Lee\n' > page.tsv
check_same "a page's own meta wins; the table fills in the rest" \
    "$(lede-split --meta page.tsv page.html | head -n 1 | jq -c .meta)" '{"source":"Daily","author":"Ann Lee"}'

# meta is kept within 64 KB: one huge front matter field is left out,
# with one warning at its line, and the rest kept on every record.
{
	printf -- '---\ntitle: Big\n'
	printf 'body: '
	head -c 1000000 /dev/zero | tr '\0' x
	printf '\nsource: Wire\n---\n'
	i=0
	while [ $i -lt 1000 ]; do
		echo "Sentence number $i is here."
		i=$((i + 1))
	done
} > big.txt
run_err lede-split big.txt
check_same "a huge meta field: one warning at its line" "$err" \
    "lede-split: big.txt:3: meta field body left out: meta is kept within 65536 bytes"
check_same "... the other fields on every record" \
    "$(jq -c .meta "$tmp/out" | sort | uniq -c | sed 's/^ *//')" '1000 {"title":"Big","source":"Wire"}'
check_same "... and the output stays small" "$(test "$(wc -c < "$tmp/out")" -lt 1000000 && echo small)" small
# Fields that fit up to the cap are kept, in order; the next is left out.
{
	printf -- '---\n'
	for k in a b c d e; do
		printf '%s: ' $k
		head -c 20000 /dev/zero | tr '\0' y
		printf '\n'
	done
	printf -- '---\nA line.\n'
} > five.txt
run_err lede-split five.txt
check_same "fields up to the cap kept" "$(jq -r '.meta | keys | join(",")' "$tmp/out")" "a,b,c"
check_same "one warning for the rest" "$err" \
    "lede-split: five.txt:5: meta field d left out, and more: meta is kept within 65536 bytes"
check_same "the meta written is within the cap" \
    "$(jq -c '{meta}' "$tmp/out" | awk '{ print (length($0) - 1 < 65536) }')" 1

# The report counts outlets, not files: a BBC-like folder gives three.
mkdir -p corpus/bbc/politics corpus/bbc/sport corpus/bbc/tech
for s in politics sport tech; do
	for i in 1 2 3 4; do
		printf 'Story %s %s\n\nThe minister spoke on Monday.\n' $s $i > corpus/bbc/$s/00$i.txt
	done
done
if command -v lede-report >/dev/null 2>&1; then
	check_same "the report: 12 articles from 3 outlets, not 12" \
	    "$(lede-split --source-from-dir corpus/bbc | lede-report | grep -o '12 articles from [0-9]* outlets')" \
	    "12 articles from 3 outlets"
else
	skip "the report: outlets" "lede-report is not built"
fi

done_testing
