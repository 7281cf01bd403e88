#!/bin/sh
# lede-extract-dates: options, bad input, bad data files, output errors.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
P=lede-extract-dates
U="usage: $P [-Akqu] [-c file] [--dmy] [--ref date] [--words file] [file ...]"

check_fail "malformed JSON" 2 "$P: <stdin>:1: unexpected end of line at column 9" \
	sh -c "printf '{\"text\":\n' | $P"
check_same "malformed JSON: nothing written" "$(cat "$tmp/out")" ""
check_fail "bad UTF-8" 2 "$P: <stdin>:1: invalid UTF-8 at column 11" \
	sh -c "printf '{\"text\":\"a\\377\"}\n' | $P"
check_fail "no text" 2 "$P: <stdin>:2: no \"text\" string" \
	sh -c "printf '{\"text\":\"in 2025\"}\n{\"n\":1}\n' | $P"
check_same "records before the bad one are written" "$(cat "$tmp/out")" \
	'{"text":"in 2025","dates":[{"start":3,"end":7,"text":"2025","type":"DATE","value":"2025"}]}'
check_fail "a text that is not a string" 2 "$P: <stdin>:1: no \"text\" string" \
	sh -c "printf '{\"text\":5}\n' | $P"
check_fail "-k: warns, passes the line through, exit 1" 1 "$P: <stdin>:1: record 1: no \"text\" string" \
	sh -c "printf '{\"n\":1}\n{\"text\":\"in 2025\"}\n' | $P -k"
check_same "-k: output" "$(cat "$tmp/out")" '{"n":1}
{"text":"in 2025","dates":[{"start":3,"end":7,"text":"2025","type":"DATE","value":"2025"}]}'
check_fail "-k with malformed JSON" 1 "$P: <stdin>:1: unterminated object at column 2" \
	sh -c "printf '{\n' | $P -k"
check_same "-k with malformed JSON: line passed through" "$(cat "$tmp/out")" "{"
check_fail "missing file" 1 "$P: $tmp/nope.jsonl: No such file or directory" $P "$tmp/nope.jsonl"
check_fail "bad option" 2 "$P: invalid option -- 'x'
$U" $P -x
check_fail "-r is no longer --ref" 2 "$P: invalid option -- 'r'
$U" $P -r 2005-03-01
check_fail "bad --ref" 2 "$P: --ref: not a date (YYYY-MM-DD): 2025-13-01" $P --ref 2025-13-01
check_fail "bad --ref day" 2 "$P: --ref: not a date (YYYY-MM-DD): 2025-02-29" $P --ref=2025-02-29
check_fail "full disk" 2 "$P: stdout: No space left on device" \
	sh -c "printf '{\"text\":\"x\"}\n' | $P >/dev/full"
run_err sh -c "yes '{\"text\":\"on Tuesday\"}' | head -n 20000 | $P | head -n 1"
check_same "| head ends quietly" "$status:$err" "0:"

# --- data files: -c adds to the shipped words, --words replaces them
dates() {	# the "dates" of one record's output
	sed 's/.*"dates":\(.*\)}$/\1/'
}
printf 'months: {brumaire: 11}\nof_words: [de]\n' >"$tmp/fr.yaml"
check_same "-c adds a month (a mapping) and a word (a list), English still read" \
	"$(printf '{"text":"Le 13 de brumaire de 2025, and 3 March 2025.","dct":"2025-11-14"}\n' |
	$P -c "$tmp/fr.yaml" | dates)" \
	'[{"start":3,"end":25,"text":"13 de brumaire de 2025","type":"DATE","value":"2025-11-13"},{"start":31,"end":43,"text":"3 March 2025","type":"DATE","value":"2025-03-03"}]'
check_same "without -c the words are unknown" \
	"$(printf '{"text":"Le 13 de brumaire de 2025.","dct":"2025-11-14"}\n' | $P | dates)" \
	'[{"start":21,"end":25,"text":"2025","type":"DATE","value":"2025"}]'
printf 'ago: {since: -1}\n' >"$tmp/since.yaml"
check_same "-c adds a word to a category the shipped file has" \
	"$(printf '{"text":"three days since","dct":"2025-11-14"}\n' | $P -c "$tmp/since.yaml" | dates)" \
	'[{"start":0,"end":16,"text":"three days since","type":"DATE","value":"2025-11-11"}]'
printf 'months: {march: 4}\n' >"$tmp/over.yaml"
check_same "-c: a value in the file replaces the shipped one" \
	"$(printf '{"text":"on 3 March 2025"}\n' | $P -c "$tmp/over.yaml" | dates)" \
	'[{"start":3,"end":15,"text":"3 March 2025","type":"DATE","value":"2025-04-03"}]'
printf 'months: [\n' >"$tmp/syntax.yaml"
check_fail "YAML syntax error" 2 "$P: $tmp/syntax.yaml:2:1: did not find expected node content while parsing a flow node" \
	$P -c "$tmp/syntax.yaml"
printf '# mine\nmonths:\n  jan: 13\n' >"$tmp/range.yaml"
check_fail "-c: an error names the file and the line" 2 "$P: $tmp/range.yaml:3:8: months: 13 is too large (1 to 12)" \
	$P -c "$tmp/range.yaml"
printf 'weekdays:\n  mon: 1\n' >"$tmp/missing.yaml"
check_fail "--words: months missing" 2 "$P: $tmp/missing.yaml:1:1: missing \"months\"" \
	$P --words "$tmp/missing.yaml"
printf 'months:\n  jan: 1\nfoo: []\n' >"$tmp/unknown.yaml"
check_fail "-c: unknown key" 2 "$P: $tmp/unknown.yaml:3:1: unknown key \"foo\"" $P -c "$tmp/unknown.yaml"
check_fail "--words: unknown key" 2 "$P: $tmp/unknown.yaml:3:1: unknown key \"foo\"" \
	$P --words "$tmp/unknown.yaml"
printf 'months: [jan]\n' >"$tmp/kind.yaml"
check_fail "-c: a list where a mapping is wanted" 2 "$P: $tmp/kind.yaml:1:9: months should be a mapping" \
	$P -c "$tmp/kind.yaml"
printf -- '- jan\n' >"$tmp/top.yaml"
check_fail "-c: a list where the shipped file is a mapping" 2 \
	"$P: $tmp/top.yaml:1:1: the file should be a mapping, like the data it adds to" $P -c "$tmp/top.yaml"
printf 'months:\n  jan: 1\nweekdays:\n  mon: 1\nunits:\n  day: FORTNIGHT\n' >"$tmp/unit.yaml"
check_fail "--words: unknown unit" 2 "$P: $tmp/unit.yaml:6:8: units: unknown unit \"FORTNIGHT\"" \
	$P --words "$tmp/unit.yaml"
printf 'months:\n  jan: 1\nshift:\n  later: 2\n' >"$tmp/shift.yaml"
check_fail "a shift out of range" 2 "$P: $tmp/shift.yaml:4:10: shift: 2 is too large (-1 to 1)" \
	$P -c "$tmp/shift.yaml"
printf 'months:\n  jan: 1\nera_offsets:\n  be: x\n' >"$tmp/era.yaml"
check_fail "an era offset that is no number" 2 "$P: $tmp/era.yaml:4:7: era_offsets: x is invalid (-5000 to 5000)" \
	$P -c "$tmp/era.yaml"
printf 'months:\n  jan: 1\nunits_in_compound:\n  m: MINUTE\n' >"$tmp/cmp.yaml"
check_fail "an unknown compound unit" 2 "$P: $tmp/cmp.yaml:4:6: units_in_compound: unknown unit \"MINUTE\"" \
	$P -c "$tmp/cmp.yaml"
check_fail "missing -c file" 2 "$P: $tmp/none.yaml: No such file or directory" $P -c "$tmp/none.yaml"
check_fail "missing --words file" 2 "$P: $tmp/none.yaml: No such file or directory" \
	$P --words "$tmp/none.yaml"
check_fail "--words without a file" 2 "$P: option '--words' requires an argument
$U" $P --words
check_fail "LEDE_DATA without the file" 2 "$P: $tmp/en/dates.yaml: not found (LEDE_DATA is set)" \
	env LEDE_DATA="$tmp" $P
# another language is another data file
cat >"$tmp/es.yaml" <<'EOT'
months: {enero: 1, noviembre: 11}
weekdays: {martes: 2}
units: {"año": Y}
units_plural: {"años": Y}
numbers: {dos: 2}
ago: {"hace": -1}
of_words: [de]
EOT
check_same "--words: a data file for another language" \
	"$(printf '{"text":"El 13 de noviembre de 2025 y dos años.","dct":"2025-11-14"}\n' |
	$P --words "$tmp/es.yaml" | dates)" \
	'[{"start":3,"end":26,"text":"13 de noviembre de 2025","type":"DATE","value":"2025-11-13"},{"start":29,"end":37,"text":"dos años","type":"DURATION","value":"P2Y"}]'
check_same "--words: the English words are gone" \
	"$(printf '{"text":"on 3 March 2025"}\n' | $P --words "$tmp/es.yaml" | dates)" \
	'[{"start":11,"end":15,"text":"2025","type":"DATE","value":"2025"}]'
printf 'months: {brumaire: 11}\n' >"$tmp/es-more.yaml"
check_same "-c adds to the --words file" \
	"$(printf '{"text":"13 de brumaire de 2025 y 2 de enero de 2025"}\n' |
	$P --words "$tmp/es.yaml" -c "$tmp/es-more.yaml" | dates)" \
	'[{"start":0,"end":22,"text":"13 de brumaire de 2025","type":"DATE","value":"2025-11-13"},{"start":25,"end":43,"text":"2 de enero de 2025","type":"DATE","value":"2025-01-02"}]'
printf 'months:\n  x: 0\n' >"$tmp/es-bad.yaml"
check_fail "-c with --words: an error names the -c file" 2 "$P: $tmp/es-bad.yaml:2:6: months: 0 is too small (1 to 12)" \
	$P --words "$tmp/es.yaml" -c "$tmp/es-bad.yaml"

run_err $P --help
check_same "--help" "$status:$(head -n 1 "$tmp/out")" "0:$U"
run_err $P --version
check_same "--version" "$status:$(cat "$tmp/out")" "0:$P 0.1.0"
done_testing
