#!/bin/sh
# lede-extract-quotes: records and offsets, --each, --all, running twice,
# the data files, and every error path.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
q=lede-extract-quotes

# A quotation over two records: offsets count on past the first record's end.
cat >"$tmp/across.jsonl" <<'EOF'
{"doc":"d1","n":1,"para":1,"start":0,"end":22,"text":"Petro spoke on Friday.","entities":[{"start":0,"end":5,"text":"Petro","type":"PERSON","id":"Gustavo Petro"}]}
{"doc":"d1","n":2,"para":1,"start":23,"end":36,"text":"“We will win.","entities":[]}
{"doc":"d1","n":3,"para":1,"start":37,"end":67,"text":"We will not stop,” Petro said.","entities":[{"start":19,"end":24,"text":"Petro","type":"PERSON","id":"Gustavo Petro"}]}
EOF
cat >"$tmp/across.want" <<'EOF'
{"doc":"d1","n":1,"para":1,"start":0,"end":22,"text":"Petro spoke on Friday.","entities":[{"start":0,"end":5,"text":"Petro","type":"PERSON","id":"Gustavo Petro"}],"quotes":[]}
{"doc":"d1","n":2,"para":1,"start":23,"end":36,"text":"“We will win.","entities":[],"quotes":[{"start":1,"end":31,"text":"We will win. We will not stop,","speaker":"Gustavo Petro","verb":"said","kind":"full","mention":{"n":3,"start":19,"end":24,"text":"Petro"}}]}
{"doc":"d1","n":3,"para":1,"start":37,"end":67,"text":"We will not stop,” Petro said.","entities":[{"start":19,"end":24,"text":"Petro","type":"PERSON","id":"Gustavo Petro"}],"quotes":[]}
EOF
$q "$tmp/across.jsonl" >"$tmp/across.out"
check_same "exit status 0" "$?" 0
check_file "a quotation over two records: record offsets past its end" "$tmp/across.out" "$tmp/across.want"
$q <"$tmp/across.out" >"$tmp/twice.out"
check_file "running twice gives what running once gives" "$tmp/twice.out" "$tmp/across.want"
$q - <"$tmp/across.jsonl" >"$tmp/dash.out"
check_file "- reads standard input" "$tmp/dash.out" "$tmp/across.want"
$q -u "$tmp/across.jsonl" >"$tmp/u.out"
check_file "-u writes the same records" "$tmp/u.out" "$tmp/across.want"
check_same "--each: one record per quotation, document offsets" \
	"$($q --each "$tmp/across.jsonl")" \
	'{"doc":"d1","n":2,"start":24,"end":54,"text":"We will win. We will not stop,","speaker":"Gustavo Petro","verb":"said","kind":"full","mention":{"n":3,"start":19,"end":24,"text":"Petro"}}'
check_fail "-e is no longer --each" 2 "lede-extract-quotes: invalid option -- 'e'
usage: lede-extract-quotes [-akqu] [--each] [file ...]" $q -e "$tmp/across.jsonl"

# Fields it does not own stay byte for byte; an old "quotes" is replaced.
printf '%s\n' '{"doc":"d2", "start":0,"n":1,"x":1.50e3,"quotes":[1,2],"text":"\u201cWe won,\u201d Burton said.","entities":[{"start":10,"end":16,"text":"Burton","type":"PERSON","id":"Burton"}],"z":"\u00e9"}' >"$tmp/keep.jsonl"
check_same "other fields kept as they came, quotes replaced in place" "$($q "$tmp/keep.jsonl")" \
	'{"doc":"d2", "start":0,"n":1,"x":1.50e3,"quotes":[{"start":1,"end":8,"text":"We won,","speaker":"Burton","verb":"said","kind":"full","mention":{"n":1,"start":10,"end":16,"text":"Burton"}}],"text":"\u201cWe won,\u201d Burton said.","entities":[{"start":10,"end":16,"text":"Burton","type":"PERSON","id":"Burton"}],"z":"\u00e9"}'
check_same "records with no entities field are read" \
	"$(printf '%s\n' '{"doc":"d3","start":0,"text":"“We are ready for the vote,” a spokesman said."}' | $q --each)" \
	'{"doc":"d3","n":1,"start":1,"end":27,"text":"We are ready for the vote,","speaker":null,"verb":"said","kind":"full","mention":{"n":1,"start":29,"end":40,"text":"a spokesman"}}'

# A scare quote: only with --all.
printf '%s\n' '{"doc":"d4","start":0,"text":"The so-called “experts” arrived late."}' >"$tmp/scare.jsonl"
check_same "a scare quote is left out" "$($q --each "$tmp/scare.jsonl")" ""
check_same "--all reports it" "$($q --all --each "$tmp/scare.jsonl")" \
	'{"doc":"d4","n":1,"start":15,"end":22,"text":"experts","speaker":null,"verb":null,"kind":"partial"}'
check_same "-a is --all" "$($q -a "$tmp/scare.jsonl")" \
	'{"doc":"d4","start":0,"text":"The so-called “experts” arrived late.","quotes":[{"start":15,"end":22,"text":"experts","speaker":null,"verb":null,"kind":"partial"}]}'

# Two documents, each written out at its end.
cat "$tmp/across.jsonl" "$tmp/scare.jsonl" >"$tmp/two.jsonl"
check_same "two documents: a record each" "$($q "$tmp/two.jsonl" | wc -l | tr -d ' ')" 4

# Unbalanced marks: a warning with the record's place, never the rest of the document.
printf '%s\n' '{"doc":"d5","n":1,"para":1,"start":0,"text":"“We will win, Petro said."}' \
	'{"doc":"d5","n":2,"para":2,"start":26,"text":"Nothing else was said."}' >"$tmp/open.jsonl"
run_err $q --each "$tmp/open.jsonl"
check_same "a quotation never closed: exit status" "$status" 0
check_same "a quotation never closed: warning" "$err" \
	"lede-extract-quotes: $tmp/open.jsonl:1: doc d5, record 1: no \"entities\": speakers need lede-tag-entities first (said once)
lede-extract-quotes: $tmp/open.jsonl:1: doc d5, record 1: quotation not closed by the end of its paragraph"
check_same "a quotation never closed ends at its paragraph's end" "$(cat "$tmp/out")" \
	'{"doc":"d5","n":1,"start":1,"end":25,"text":"We will win, Petro said.","speaker":null,"verb":null,"kind":"full"}'
printf '%s\n' '{"doc":"d6","start":0,"text":"He said ” nothing."}' >"$tmp/stray.jsonl"
check_fail "a closing mark with no opening one" 0 \
	"lede-extract-quotes: $tmp/stray.jsonl:1: doc d6, record 1: no \"entities\": speakers need lede-tag-entities first (said once)
lede-extract-quotes: $tmp/stray.jsonl:1: doc d6, record 1: closing quotation mark with no opening mark" $q "$tmp/stray.jsonl"
printf '%s\n' '{"doc":"d7","start":0,"text":"“Go,” Ann said.","entities":[]}' '{"doc":"d8","start":0,"text":"“Stop,” Bo said."}' '{"doc":"d9","start":0,"text":"“Wait,” Cy said."}' >"$tmp/noents.jsonl"
check_fail "records without entities: said once, with the first of them" 0 \
	"lede-extract-quotes: $tmp/noents.jsonl:2: doc d8, record 1: no \"entities\": speakers need lede-tag-entities first (said once)" $q "$tmp/noents.jsonl"
check_fail "records with entities: nothing said" 0 "" $q "$tmp/across.jsonl"
run_err $q -q "$tmp/stray.jsonl"
check_same "-q: no warning about the marks" "$status:$err" "0:"
check_same "-q: the same records" "$(cat "$tmp/out")" "$($q "$tmp/stray.jsonl" 2>/dev/null)"

# Errors.
check_fail "bad option" 2 "lede-extract-quotes: invalid option -- 'x'
usage: lede-extract-quotes [-akqu] [--each] [file ...]" $q -x
check_fail "missing file" 1 "lede-extract-quotes: $tmp/nonexistent: No such file or directory" $q "$tmp/nonexistent"
printf 'not json\n' >"$tmp/bad.jsonl"
check_fail "malformed JSON" 2 "lede-extract-quotes: $tmp/bad.jsonl:1: expected a JSON record at column 1: is this the output of lede-split?" $q "$tmp/bad.jsonl"
printf '{"doc":"a","start":0,"text":"\377"}\n' >"$tmp/utf8.jsonl"
check_fail "bad UTF-8" 2 "lede-extract-quotes: $tmp/utf8.jsonl:1: invalid UTF-8 at column 30" $q "$tmp/utf8.jsonl"
cat "$tmp/bad.jsonl" "$tmp/scare.jsonl" >"$tmp/k.jsonl"
check_fail "-k: bad line skipped with a warning, exit 1" 1 \
	"lede-extract-quotes: $tmp/k.jsonl:1: expected a JSON record at column 1: is this the output of lede-split?
lede-extract-quotes: $tmp/k.jsonl:2: doc d4, record 1: no \"entities\": speakers need lede-tag-entities first (said once)" $q -k "$tmp/k.jsonl"
check_same "-k: the bad line passes through untouched, the good one is annotated" "$(cat "$tmp/out")" \
	'not json
{"doc":"d4","start":0,"text":"The so-called “experts” arrived late.","quotes":[]}'
printf '%s\n' '{"start":0,"text":"x"}' >"$tmp/e.jsonl"
check_fail "no doc" 2 "lede-extract-quotes: $tmp/e.jsonl:1: no \"doc\" string" $q "$tmp/e.jsonl"
printf '%s\n' '{"doc":"a","text":"x"}' >"$tmp/e.jsonl"
check_fail "no start" 2 "lede-extract-quotes: $tmp/e.jsonl:1: no \"start\" integer" $q "$tmp/e.jsonl"
printf '%s\n' '{"doc":"a","start":0}' >"$tmp/e.jsonl"
check_fail "no text" 2 "lede-extract-quotes: $tmp/e.jsonl:1: no \"text\" string" $q "$tmp/e.jsonl"
printf '%s\n' '{"doc":"a","start":0,"para":"x","text":"x"}' >"$tmp/e.jsonl"
check_fail "para not an integer" 2 "lede-extract-quotes: $tmp/e.jsonl:1: \"para\" is not an integer" $q "$tmp/e.jsonl"
printf '%s\n' '{"doc":"a","start":0,"text":"xy","entities":{}}' >"$tmp/e.jsonl"
check_fail "entities not an array" 2 "lede-extract-quotes: $tmp/e.jsonl:1: \"entities\" is not an array" $q "$tmp/e.jsonl"
printf '%s\n' '{"doc":"a","start":0,"text":"xy","entities":[{"start":0,"end":5,"type":"PERSON","id":"X"}]}' >"$tmp/e.jsonl"
check_fail "entity outside the text" 2 "lede-extract-quotes: $tmp/e.jsonl:1: entity 1 lies outside the record's text" $q "$tmp/e.jsonl"
printf '%s\n' '{"doc":"a","start":0,"text":"xy","entities":[{"start":"0","end":1,"type":"PERSON","id":"X"}]}' >"$tmp/e.jsonl"
check_fail "entity start not an integer" 2 "lede-extract-quotes: $tmp/e.jsonl:1: an entity's \"start\" is not a non-negative integer" $q "$tmp/e.jsonl"
printf '%s\n' '{"doc":"a","start":0,"text":"x"}' '{"doc":"b","start":0,"text":"y"}' '{"doc":"a","start":5,"text":"z"}' >"$tmp/e.jsonl"
check_fail "records of two documents interleaved" 2 \
	"lede-extract-quotes: $tmp/e.jsonl:3: records of document \"a\" are not consecutive" $q -q "$tmp/e.jsonl"
printf '%s\n' '{"doc":"a","start":10,"text":"x"}' '{"doc":"a","start":5,"text":"z"}' >"$tmp/e.jsonl"
check_fail "records out of document order" 2 \
	"lede-extract-quotes: $tmp/e.jsonl:2: record starts at 5, before the end of the one before it (11)" $q -q "$tmp/e.jsonl"
printf '%s\n' '{"doc":"a","start":0,"text":"x"}' '{"doc":"b","start":0,"text":"y","entities":{}}' \
	'{"doc":"b","start":2,"text":"z"}' '{"doc":"a","start":5,"text":"w"}' >"$tmp/e.jsonl"
check_fail "-k: a bad first record, then interleaved records" 1 \
	"lede-extract-quotes: $tmp/e.jsonl:2: doc b: \"entities\" is not an array
lede-extract-quotes: $tmp/e.jsonl:4: doc a: records of document \"a\" are not consecutive" $q -q -k "$tmp/e.jsonl"
check_same "-k: the document goes on after its bad first record" "$(cat "$tmp/out")" \
	'{"doc":"a","start":0,"text":"x","quotes":[]}
{"doc":"b","start":0,"text":"y","entities":{}}
{"doc":"b","start":2,"text":"z","quotes":[]}
{"doc":"a","start":5,"text":"w"}'
check_fail "a full disk" 2 "lede-extract-quotes: stdout: No space left on device" \
	sh -c "$q \"$tmp/across.jsonl\" >/dev/full"
check_same "| head ends quietly" "$( ($q -q "$tmp/two.jsonl" | head -1 >/dev/null) 2>&1)" ""

# The data files.
mkdir -p "$tmp/data/en"
cp data/en/speech-verbs.yaml data/en/quotes-names.yaml data/en/titles.yaml "$tmp/data/en/"
printf 'titles: [a, b\n' >"$tmp/data/en/quotes.yaml"
check_fail "bad YAML in quotes.yaml" 2 \
	"lede-extract-quotes: $tmp/data/en/quotes.yaml:2:1: did not find expected ',' or ']' while parsing a flow sequence" \
	env LEDE_DATA="$tmp/data" $q "$tmp/across.jsonl"
printf 'titles: [a, b]\n' >"$tmp/data/en/quotes.yaml"
check_fail "a list missing from quotes.yaml" 2 \
	"lede-extract-quotes: $tmp/data/en/quotes.yaml:1:1: no \"speaker_types\"" \
	env LEDE_DATA="$tmp/data" $q "$tmp/across.jsonl"
sed 's/^speaker_types:.*/speaker_types: {a: b}/' data/en/quotes.yaml >"$tmp/data/en/quotes.yaml"
check_fail "a list that is not a list" 2 \
	"lede-extract-quotes: $tmp/data/en/quotes.yaml:5:16: speaker_types should be a list" \
	env LEDE_DATA="$tmp/data" $q "$tmp/across.jsonl"
rm "$tmp/data/en/quotes.yaml"
check_fail "quotes.yaml not there" 2 "lede-extract-quotes: $tmp/data/en/quotes.yaml: not found (LEDE_DATA is set)" \
	env LEDE_DATA="$tmp/data" $q "$tmp/across.jsonl"
# A user's own verb.
cp data/en/quotes.yaml "$tmp/data/en/"
printf 'verbs:\n  harrumph: [harrumphs, harrumphed]\n' >"$tmp/data/en/speech-verbs.yaml"
printf '%s\n' '{"doc":"v","start":0,"text":"“Nonsense from start to end,” Burton harrumphed.","entities":[{"start":30,"end":36,"text":"Burton","type":"PERSON","id":"Burton"}]}' >"$tmp/v.jsonl"
check_same "a verb added to speech-verbs.yaml is used" "$(LEDE_DATA="$tmp/data" $q --each "$tmp/v.jsonl")" \
	'{"doc":"v","n":1,"start":1,"end":28,"text":"Nonsense from start to end,","speaker":"Burton","verb":"harrumphed","kind":"full","mention":{"n":1,"start":30,"end":36,"text":"Burton"}}'

done_testing
