#!/bin/sh
# lede-pick: each condition matching and not, and/or, --invert, -r, whole
# documents in order, dates of every precision, and every error path.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"
p=lede-pick
u="usage: $p [-hkqru] [-e id] [-m key=value] [-s speaker] [-t type] [-x pattern] [--from date] [--to date] [--mentioned] [--invert] [file ...]"

# Three documents: a (Blair named in 1, quoted in 2, a date in 3),
# b (organisations, Brown), c (an escaped id and text, no meta).
cat >"$tmp/docs.jsonl" <<'EOF'
{"doc":"a","n":1,"text":"Tony Blair spoke.","dct":"2005-03-01","meta":{"source":"BBC","title":"One"},"entities":[{"start":0,"end":10,"text":"Tony Blair","type":"PERSON","id":"Tony Blair"}],"dates":[],"quotes":[]}
{"doc":"a","n":2,"text":"\"We will win,\" he said.","dct":"2005-03-01","meta":{"source":"BBC","title":"One"},"entities":[],"dates":[],"quotes":[{"start":1,"end":12,"text":"We will win,","speaker":"Tony Blair","verb":"said","kind":"full"}]}
{"doc":"a","n":3,"text":"The vote is on 5 May.","dct":"2005-03-01","meta":{"source":"BBC","title":"One"},"entities":[],"dates":[{"start":15,"end":20,"text":"5 May","type":"DATE","value":"2005-05-05"}],"quotes":[]}
{"doc":"b","n":1,"text":"Labour met in London.","dct":"2004-11-20","meta":{"source":"Guardian"},"entities":[{"start":0,"end":6,"text":"Labour","type":"ORG","id":"Labour Party"},{"start":14,"end":20,"text":"London","type":"GPE","id":"London"}],"dates":[],"quotes":[]}
{"doc":"b","n":2,"text":"Gordon Brown said little.","dct":"2004-11-20","meta":{"source":"Guardian"},"entities":[{"start":0,"end":12,"text":"Gordon Brown","type":"PERSON","id":"Gordon Brown"}],"dates":[],"quotes":[{"start":0,"end":5,"text":"x","speaker":null,"verb":null,"kind":"partial"}]}
{"doc":"c","n":1,"text":"Caf\u00e9 owners met Volker T\u00fcrk.","dct":"2005-06-10T09:30","entities":[{"start":16,"end":27,"text":"Volker T\u00fcrk","type":"PERSON","id":"Volker T\u00fcrk"}],"dates":[],"quotes":[]}
EOF
# pick ARGS...: the "doc:n" of the records written, on one line.
pick() {
	$p "$@" "$tmp/docs.jsonl" >"$tmp/out" 2>"$tmp/err"
	status=$?
	picked=$(jq -r '"\(.doc):\(.n)"' "$tmp/out" | tr '\n' ' ')
}

# --- each kind of condition, matching and not
pick -e 'Tony Blair'
check_same "-e: the whole document, in order" "$picked" "a:1 a:2 a:3 "
check_same "-e: exit 0 when something matched" "$status" 0
check_same "-e: nothing on stderr" "$(cat "$tmp/err")" ""
pick -e 'Tony'
check_same "-e matches the whole id, not a part of it" "$picked" ""
check_same "-e: exit 1 when nothing matched" "$status" 1
pick -e 'tony blair'
check_same "-e is case-sensitive" "$picked" ""
pick -e 'Labour'
check_same "-e matches the id, not the text" "$picked" ""
pick -e 'Labour Party'
check_same "-e Labour Party: the id" "$picked" "b:1 b:2 "
pick -e 'Volker Türk'
check_same "-e: an id with escapes is compared decoded" "$picked" "c:1 "
pick -t ORG
check_same "-t ORG" "$picked" "b:1 b:2 "
pick -t NORP
check_same "-t NORP: none" "$picked" ""
pick -s 'Tony Blair'
check_same "-s: a quote's speaker" "$picked" "a:1 a:2 a:3 "
pick -s 'Gordon Brown'
check_same "-s: a person named but not quoted does not match" "$picked" ""
pick -s null
check_same "-s: a null speaker is no speaker" "$picked" ""
pick -x 'vote'
check_same "-x: a pattern in one record passes the document" "$picked" "a:1 a:2 a:3 "
pick -x '^Café'
check_same "-x: the text is decoded (\\u00e9)" "$picked" "c:1 "
pick -x '(?i)GORDON'
check_same "-x: (?i) ignores case" "$picked" "b:1 b:2 "
pick -x '\bCaf\b'
check_same "-x: \\b knows é (UCP)" "$picked" ""
pick -x 'nowhere'
check_same "-x: no match" "$picked" ""
pick -m source=BBC
check_same "-m source=BBC" "$picked" "a:1 a:2 a:3 "
pick -m source=bbc
check_same "-m is exact" "$picked" ""
pick -m title=One
check_same "-m title=One" "$picked" "a:1 a:2 a:3 "
pick -m 'nosuch=One'
check_same "-m: a missing key" "$picked" ""

# --- and, or
pick -e 'Tony Blair' -e 'Labour Party'
check_same "-e twice: either" "$picked" "a:1 a:2 a:3 b:1 b:2 "
pick -m source=BBC -m source=Guardian
check_same "-m one key twice: either" "$picked" "a:1 a:2 a:3 b:1 b:2 "
pick -m source=BBC -m title=Two
check_same "-m two keys: both" "$picked" ""
pick -e 'Tony Blair' -t ORG
check_same "two kinds: both" "$picked" ""
pick -e 'Gordon Brown' -t ORG
check_same "two kinds met in different records of a document" "$picked" "b:1 b:2 "
pick -e 'Tony Blair' -s 'Tony Blair' -x May -m source=BBC --from 2005
check_same "five kinds, each met by some record" "$picked" "a:1 a:2 a:3 "
pick -r -e 'Tony Blair' -x May
check_same "-r: both in one record, or nothing" "$picked" ""
check_same "-r: exit 1 when nothing matched" "$status" 1
pick -e 'Tony Blair' -e 'Labour Party' -t PERSON
check_same "or within a kind, and across kinds" "$picked" "a:1 a:2 a:3 b:1 b:2 "
$p -e 'Tony Blair' "$tmp/docs.jsonl" | $p -x Blair >"$tmp/out"
check_same "a pipe of two is and within a kind" "$(jq -r .doc "$tmp/out" | uniq | tr '\n' ' ')" "a "

# --- -r and --invert
pick -r -e 'Tony Blair'
check_same "-r: only the record" "$picked" "a:1 "
pick -r -s 'Tony Blair'
check_same "-r -s" "$picked" "a:2 "
pick -r -t PERSON
check_same "-r -t PERSON" "$picked" "a:1 b:2 c:1 "
pick --invert -e 'Tony Blair'
check_same "--invert: the other documents, whole" "$picked" "b:1 b:2 c:1 "
check_same "--invert: exit 0" "$status" 0
pick --invert -r -e 'Tony Blair'
check_same "--invert -r: the other records" "$picked" "a:2 a:3 b:1 b:2 c:1 "
pick --invert --records --entity 'Tony Blair'
check_same "long forms: --invert --records --entity" "$picked" "a:2 a:3 b:1 b:2 c:1 "
pick --invert -x .
check_same "--invert of what every document matches: nothing, exit 1" "$picked:$status" ":1"
pick
check_same "no condition: everything" "$picked" "a:1 a:2 a:3 b:1 b:2 c:1 "
$p --invert "$tmp/docs.jsonl" >"$tmp/out"
check_same "no condition, --invert: nothing, exit 1" "$?:$(wc -c <"$tmp/out")" "1:0"
pick --type ORG --speaker 'Tony Blair' --pattern x --meta source=BBC
check_same "long forms: --type --speaker --pattern --meta" "$picked" ""
pick --type ORG --pattern Labour --meta source=Guardian
check_same "long forms that match" "$picked" "b:1 b:2 "

# Records passed byte for byte.
$p -e 'Volker Türk' "$tmp/docs.jsonl" >"$tmp/out"
tail -n 1 "$tmp/docs.jsonl" >"$tmp/want"
check_file "records written byte for byte, escapes kept" "$tmp/out" "$tmp/want"

# --- dates over dct
pick --from 2005
check_same "--from 2005: dct in 2005" "$picked" "a:1 a:2 a:3 c:1 "
pick --to 2004-12
check_same "--to 2004-12: to its last day" "$picked" "b:1 b:2 "
pick --from 2005-03-01 --to 2005-03-01
check_same "--from and --to are inclusive" "$picked" "a:1 a:2 a:3 "
pick --from 2005-03-02 --to 2005-06-09
check_same "a range between the dcts" "$picked" ""
pick --from 2005-06-10 --to 2005-06-10
check_same "a dct with a time is its day" "$picked" "c:1 "
pick --from 2005-05-05 --to 2005-05-05
check_same "without --mentioned the dates in the text do not count" "$picked" ""
pick --mentioned --from 2005-05-05 --to 2005-05-05
check_same "--mentioned: a date in the text" "$picked" "a:1 a:2 a:3 "
pick -r --mentioned --from 2005-05
check_same "--mentioned -r: the record that mentions it" "$picked" "a:3 "

# Values of every precision, each record mentioning one.
printf '%s\n' 2005 2005-05 2005-05-31 2005-05-31T23:59 2005-05-31TNI 2005-W22 2005-W21-7 \
    2005-W21-WE 2005-Q2 2005-H1 2005-SP 2004-WI 200 20 XXXX-05-31 PAST_REF P1M 2005-W53 \
    2005-02-29 2005-13 2005-Q5 2005-XX 2005-05-3 |
jq -Rc '{doc: ., n: ., dates: [{value: .}]}' >"$tmp/values.jsonl"
$p -r --mentioned --from 2005-05-29 --to 2005-05-31 "$tmp/values.jsonl" | jq -r .n | tr '\n' ' ' >"$tmp/out"
check_same "--mentioned: each precision overlaps a range or not" "$(cat "$tmp/out")" \
    "2005 2005-05 2005-05-31 2005-05-31T23:59 2005-05-31TNI 2005-W22 2005-W21-7 2005-W21-WE 2005-Q2 2005-H1 2005-SP 200 20 "
$p -r --mentioned --from 2005-01-01 --to 2005-01-01 "$tmp/values.jsonl" | jq -r .n | tr '\n' ' ' >"$tmp/out"
check_same "--mentioned: winter is December to February" "$(cat "$tmp/out")" "2005 2005-H1 2004-WI 200 20 "
$p -r --mentioned --from 2005-05-28 --to 2005-05-28 "$tmp/values.jsonl" | jq -r .n | tr '\n' ' ' >"$tmp/out"
check_same "--mentioned: a weekend (ISO week 21 of 2005: 23 to 29 May)" "$(cat "$tmp/out")" "2005 2005-05 2005-W21-WE 2005-Q2 2005-H1 2005-SP 200 20 "
printf '%s\n' '{"doc":"w","dates":[{"value":"2004-W53"}]}' >"$tmp/w53.jsonl"
$p --mentioned --from 2005-01-02 --to 2005-01-02 "$tmp/w53.jsonl" >"$tmp/out"
check_same "--mentioned: 2004-W53 ends on 2 January 2005" "$(wc -l <"$tmp/out")" 1

# --- document order and whole documents
# Many documents, matches at the start, middle and end of each.
awk 'BEGIN {
	for (d = 1; d <= 60; d++)
		for (n = 1; n <= 5; n++) {
			hit = (d % 3 == 0 && n == (d % 5) + 1)
			printf "{\"doc\":\"d%d\",\"n\":%d,\"text\":\"%s\"}\n", d, n, hit ? "hit here" : "plain"
		}
}' >"$tmp/many.jsonl"
$p -x hit "$tmp/many.jsonl" >"$tmp/out"
awk -F'"' '{ print $4 }' "$tmp/out" | uniq -c | awk '$1 != 5' >"$tmp/split"
check_same "every document written has all its records" "$(cat "$tmp/split")" ""
check_same "the matching documents, in input order" "$(awk -F'"' '{ print $4 }' "$tmp/out" | uniq | tr '\n' ' ')" \
    "d3 d6 d9 d12 d15 d18 d21 d24 d27 d30 d33 d36 d39 d42 d45 d48 d51 d54 d57 d60 "
grep -F -f "$tmp/out" "$tmp/many.jsonl" >"$tmp/want"
check_file "records in input order, byte for byte" "$tmp/out" "$tmp/want"
$p --invert -x hit "$tmp/many.jsonl" >"$tmp/out2"
sort "$tmp/out" "$tmp/out2" >"$tmp/both"
sort "$tmp/many.jsonl" >"$tmp/want"
check_file "-x and --invert -x: together the whole input" "$tmp/both" "$tmp/want"
check_same "--invert: no document split" "$(awk -F'"' '{ print $4 }' "$tmp/out2" | uniq -c | awk '$1 != 5')" ""
# One doc value in two files: two documents.
printf '%s\n' '{"doc":"x","n":1,"text":"hit"}' >"$tmp/f1.jsonl"
printf '%s\n' '{"doc":"x","n":2,"text":"no"}' >"$tmp/f2.jsonl"
$p -x hit "$tmp/f1.jsonl" "$tmp/f2.jsonl" >"$tmp/out"
check_same "a document does not run on into the next file" "$(wc -l <"$tmp/out")" 1
# A document whose records are not consecutive is two documents.
printf '%s\n' '{"doc":"x","n":1,"text":"hit"}' '{"doc":"y","n":1,"text":"no"}' '{"doc":"x","n":2,"text":"no"}' >"$tmp/apart.jsonl"
$p -x hit "$tmp/apart.jsonl" >"$tmp/out"
check_same "records of one doc apart are two documents" "$(jq -c .n "$tmp/out" | tr '\n' ' ')" "1 "

# --- input
$p -e 'Tony Blair' <"$tmp/docs.jsonl" >"$tmp/out"
check_same "standard input when no operand" "$(wc -l <"$tmp/out")" 3
$p -e 'Tony Blair' - <"$tmp/docs.jsonl" >"$tmp/out"
check_same "- is standard input" "$(wc -l <"$tmp/out")" 3
$p -e 'Tony Blair' "$tmp/docs.jsonl" - <"$tmp/docs.jsonl" >"$tmp/out"
check_same "files and standard input mixed" "$(wc -l <"$tmp/out")" 6
: >"$tmp/empty.jsonl"
check_fail "empty input: exit 1, nothing written" 1 "" $p "$tmp/empty.jsonl"
check_same "empty input: no output" "$(wc -c <"$tmp/out")" 0
check_fail "empty input with --invert: exit 1" 1 "" $p --invert -e x "$tmp/empty.jsonl"
check_fail "a missing file: exit 1" 1 "$p: $tmp/nonexistent: No such file or directory" $p "$tmp/nonexistent"
check_fail "a missing file, another matches: still exit 1" 1 "$p: $tmp/nonexistent: No such file or directory" \
    $p -e 'Tony Blair' "$tmp/nonexistent" "$tmp/docs.jsonl"
check_same "the other file is read" "$(wc -l <"$tmp/out")" 3

# --- bad records
printf '%s\n' '{"doc":"a","n":1,"text":"hit"}' '{"doc":"a","n":2' '{"doc":"b","n":1,"text":"hit"}' >"$tmp/bad.jsonl"
check_fail "malformed JSON: located, exit 2" 2 "$p: $tmp/bad.jsonl:2: unterminated object at column 17" \
    $p -x hit "$tmp/bad.jsonl"
check_same "malformed JSON: the document before it, matched, is written" "$(jq -c .n "$tmp/out" | tr '\n' ' ')" "1 "
check_fail "malformed JSON on standard input" 2 "$p: <stdin>:2: unterminated object at column 17" \
    sh -c "$p -x hit <'$tmp/bad.jsonl'"
check_fail "-k: warns, exit 1" 1 "$p: $tmp/bad.jsonl:2: unterminated object at column 17" $p -k -x hit "$tmp/bad.jsonl"
check_same "-k: the bad line passed, in order" "$(cut -c1-16 "$tmp/out" | tr '\n' ' ')" \
    '{"doc":"a","n":1 {"doc":"a","n":2 {"doc":"b","n":1 '
check_fail "--keep-going is -k" 1 "$p: $tmp/bad.jsonl:2: unterminated object at column 17" $p --keep-going -x hit "$tmp/bad.jsonl"
printf '{"doc":"a","text":"\377"}\n' >"$tmp/utf8.jsonl"
check_fail "invalid UTF-8" 2 "$p: $tmp/utf8.jsonl:1: invalid UTF-8 at column 20" $p "$tmp/utf8.jsonl"
printf '%s\n' '{"text":"hit"}' >"$tmp/nodoc.jsonl"
check_fail "no doc field: exit 2" 2 "$p: $tmp/nodoc.jsonl:1: no \"doc\" field" $p -x hit "$tmp/nodoc.jsonl"
check_fail "no doc field under -r: fine" 0 "" $p -r -x hit "$tmp/nodoc.jsonl"
check_same "no doc field under -r: written" "$(cat "$tmp/out")" '{"text":"hit"}'
printf '%s\n' '{"doc":"a","text":7,"entities":{"id":"X"},"dct":5,"meta":[1],"dates":"2005","quotes":[1,"x",{"speaker":7}]}' >"$tmp/types.jsonl"
check_fail "fields of other types match nothing" 1 "" \
    $p -x . -e X -s 7 -m a=b --from 2005 "$tmp/types.jsonl"
for o in "-x ." "-e X" "-s 7" "-m 0=1" "--from 2005" "--mentioned --from 2005"; do
	check_fail "fields of other types: $o" 1 "" $p $o "$tmp/types.jsonl"
done

# --- options
check_fail "a bad pattern" 2 "$p: -x: missing closing parenthesis at offset 1: (" $p -x '(' "$tmp/docs.jsonl"
check_same "a bad pattern: nothing written" "$(wc -c <"$tmp/out")" 0
check_fail "a bad pattern, --pattern" 2 "$p: -x: quantifier does not follow a repeatable item at offset 0: *a" \
    $p --pattern '*a' "$tmp/docs.jsonl"
for d in 2025-13 2025-02-29 2025-00 2025-1 25 2025-W01 2025-11-1 2025-11-11T10 x; do
	check_fail "--from $d" 2 "$p: --from: not a date (YYYY, YYYY-MM or YYYY-MM-DD): $d" $p --from "$d" "$tmp/docs.jsonl"
done
check_fail "--to 2025-04-31" 2 "$p: --to: not a date (YYYY, YYYY-MM or YYYY-MM-DD): 2025-04-31" $p --to 2025-04-31 "$tmp/docs.jsonl"
check_fail "--to=2024-02-29, a leap day, is a date" 0 "" $p --to=2024-02-29 "$tmp/docs.jsonl"
check_fail "--from after --to" 2 "$p: --from is after --to" $p --from 2026 --to 2025 "$tmp/docs.jsonl"
check_fail "--from and --to in one month" 0 "" $p --from 2005-03 --to 2005-03 "$tmp/docs.jsonl"
check_fail "--mentioned alone" 2 "$p: --mentioned needs --from or --to" $p --mentioned "$tmp/docs.jsonl"
check_fail "-m without =" 2 "$p: -m: not KEY=VALUE: source" $p -m source "$tmp/docs.jsonl"
check_fail "-m with an empty key" 2 "$p: -m: not KEY=VALUE: =BBC" $p -m =BBC "$tmp/docs.jsonl"
check_fail "-m with an empty value" 1 "" $p -m source= "$tmp/docs.jsonl"
check_fail "a bad option" 2 "$p: invalid option -- 'z'
$u" $p -z
check_fail "-v is no longer --invert" 2 "$p: invalid option -- 'v'
$u" $p -v -e x "$tmp/docs.jsonl"
check_fail "a bad long option" 2 "$p: unrecognized option '--bogus'
$u" $p --bogus
check_fail "-e without its id" 2 "$p: option requires an argument -- 'e'
$u" $p -e
run_err $p --help
check_same "--help exits 0" "$status" 0
check_same "--help starts with the usage line" "$(head -1 "$tmp/out")" "$u"
run_err $p -h
check_same "-h is --help" "$(head -1 "$tmp/out"):$status" "$u:0"
run_err $p -r --help
check_same "--help after another option" "$(head -1 "$tmp/out"):$status" "$u:0"
run_err $p --version
check_same "--version" "$(cat "$tmp/out"):$status" "$p 0.1.0:0"

# --- output
$p -u -e 'Tony Blair' "$tmp/docs.jsonl" >"$tmp/out"
check_same "-u: the same records" "$(wc -l <"$tmp/out")" 3
$p --unbuffered -r --invert -e 'Tony Blair' "$tmp/docs.jsonl" >"$tmp/out"
check_same "--unbuffered -r" "$(wc -l <"$tmp/out")" 5
if [ -w /dev/full ]; then
	check_fail "a full disk" 2 "$p: stdout: No space left on device" sh -c "$p '$tmp/docs.jsonl' >/dev/full"
	check_fail "a full disk, -u" 2 "$p: stdout: No space left on device" sh -c "$p -u '$tmp/docs.jsonl' >/dev/full"
else
	skip "a full disk" "no /dev/full"
	skip "a full disk, -u" "no /dev/full"
fi

# --- against jq, over the example articles
if [ -x "$top/bin/lede-tag-entities" ] && [ -x "$top/bin/lede-extract-quotes" ]; then
	lede-split examples/articles | lede-tag-entities | lede-extract-dates | lede-extract-quotes >"$tmp/ex.jsonl"
	$p -e 'Marco Rubio' "$tmp/ex.jsonl" >"$tmp/out"
	jq -c --slurp 'group_by(.doc) | .[] | select(any(.[]; any(.entities[]?; .id == "Marco Rubio"))) | .[]' \
	    "$tmp/ex.jsonl" >"$tmp/want"
	check_same "examples: -e as a two-pass jq program" "$(jq -c . "$tmp/out")" "$(cat "$tmp/want")"
	$p -r -s 'Gustavo Petro' -t GPE "$tmp/ex.jsonl" >"$tmp/out"
	jq -c 'select(any(.quotes[]?; .speaker == "Gustavo Petro") and any(.entities[]?; .type == "GPE"))' \
	    "$tmp/ex.jsonl" >"$tmp/want"
	check_same "examples: -r -s -t as jq" "$(jq -c . "$tmp/out")" "$(cat "$tmp/want")"
	check "examples: -r -s -t found some" test -s "$tmp/out"
else
	skip "examples: -e as a two-pass jq program" "no lede-tag-entities"
	skip "examples: -r -s -t as jq" "no lede-tag-entities"
	skip "examples: -r -s -t found some" "no lede-tag-entities"
fi
done_testing
