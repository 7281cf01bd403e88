#!/bin/sh
# lede-tag-entities: options, bad input, bad configuration, output errors.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
LEDE_DATA=$top/data
export LEDE_DATA
p=lede-tag-entities
u="usage: $p [-kqu] [-c file] [file ...]"

run_err $p --help
check_same "--help exits 0" "$status" 0
check_same "--help starts with the usage line" "$(head -1 "$tmp/out")" "$u"
run_err $p --version
check_same "--version" "$(cat "$tmp/out")" "$p 0.1.0"
check_fail "a bad option" 2 "$p: invalid option -- 'x'
$u" $p -x
check_fail "-c without its file" 2 "$p: option requires an argument -- 'c'
$u" $p -c

# --- bad records
printf '{"doc":"a","text":"x"\n' >"$tmp/trunc.jsonl"
check_fail "malformed JSON" 2 "$p: $tmp/trunc.jsonl:1: unterminated object at column 22" $p "$tmp/trunc.jsonl"
printf '{"doc":"a","text":"Kenya"}\n{"doc":"a"}\n' >"$tmp/notext.jsonl"
check_fail "a record without text" 2 "$p: $tmp/notext.jsonl:2: no \"text\" string" $p "$tmp/notext.jsonl"
printf '{"doc":"a","text":7}\n' >"$tmp/num.jsonl"
check_fail "a text that is not a string" 2 "$p: <stdin>:1: no \"text\" string" sh -c "$p <$tmp/num.jsonl"
printf '{"doc":"a","text":"\377"}\n' >"$tmp/utf8.jsonl"
check_fail "invalid UTF-8" 2 "$p: $tmp/utf8.jsonl:1: invalid UTF-8 at column 20" $p "$tmp/utf8.jsonl"
printf '{"doc":"a","text":"Quintero said."}\n{bad\n{"doc":"a","text":"Kenya"}\n' >"$tmp/mixed.jsonl"
check_fail "-k warns and goes on" 1 "$p: $tmp/mixed.jsonl:2: expected a string key at column 2" $p -k "$tmp/mixed.jsonl"
check_same "-k keeps the order and passes the bad line" "$(cut -c1-40 "$tmp/out")" '{"doc":"a","text":"Quintero said.","enti
{bad
{"doc":"a","text":"Kenya","entities":[{"'
check_fail "a missing file" 1 "$p: $tmp/nonexistent: No such file or directory" $p "$tmp/nonexistent"
printf '{"doc":"a","text":"Kenya"}\n' >"$tmp/one.jsonl"
check_fail "- is standard input, files and stdin mixed" 0 "" sh -c "$p $tmp/one.jsonl - <$tmp/one.jsonl"
check_same "both read" "$(grep -c Kenya "$tmp/out")" 2

# --- configuration
printf 'entities: [\n' >"$tmp/bad.yaml"
check_fail "a -c file that is not YAML" 2 "$p: $tmp/bad.yaml:2:1: did not find expected node content while parsing a flow node" $p -c "$tmp/bad.yaml" "$tmp/one.jsonl"
printf 'teams: [a]\n' >"$tmp/key.yaml"
check_fail "an unknown key" 2 "$p: $tmp/key.yaml:1:1: unknown key 'teams'" $p -c "$tmp/key.yaml" "$tmp/one.jsonl"
printf 'entities:\n  - name: X\n    type: team\n' >"$tmp/type.yaml"
check_fail "a bad type" 2 "$p: $tmp/type.yaml:3:11: type 'team' is not upper-case letters" $p -c "$tmp/type.yaml" "$tmp/one.jsonl"
printf 'entities:\n  - type: ORG\n' >"$tmp/noname.yaml"
check_fail "an entity without a name" 2 "$p: $tmp/noname.yaml:2:5: entity without a name" $p -c "$tmp/noname.yaml" "$tmp/one.jsonl"
printf 'entities:\n  - name: X\n    type: ORG\n    alias: [Y]\n' >"$tmp/ekey.yaml"
check_fail "an unknown entity key" 2 "$p: $tmp/ekey.yaml:4:5: unknown entity key 'alias'" $p -c "$tmp/ekey.yaml" "$tmp/one.jsonl"
printf 'entities: {a: b}\n' >"$tmp/kind.yaml"
check_fail "entities not a list" 2 "$p: $tmp/kind.yaml:1:11: entities should be a list" $p -c "$tmp/kind.yaml" "$tmp/one.jsonl"
printf 'words: x\n' >"$tmp/words.yaml"
check_fail "a word list that is not a list" 2 "$p: $tmp/words.yaml:1:8: words should be a list" $p -c "$tmp/words.yaml" "$tmp/one.jsonl"
printf 'place-suffixes: x\n' >"$tmp/suf.yaml"
check_fail "place suffixes that are not a list" 2 "$p: $tmp/suf.yaml:1:17: place-suffixes should be a list" $p -c "$tmp/suf.yaml" "$tmp/one.jsonl"
printf 'place-suffixes: [[a]]\n' >"$tmp/suf2.yaml"
check_fail "a place suffix that is not a string" 2 "$p: $tmp/suf2.yaml:1:18: suffix should be a string" $p -c "$tmp/suf2.yaml" "$tmp/one.jsonl"
printf 'place-nouns: [[a]]\n' >"$tmp/pn.yaml"
check_fail "a place noun that is not a string" 2 "$p: $tmp/pn.yaml:1:15: word should be a string" $p -c "$tmp/pn.yaml" "$tmp/one.jsonl"
printf -- '- a\n' >"$tmp/seq.yaml"
check_fail "a file that is not a mapping" 2 "$p: $tmp/seq.yaml:1:1: the file should be a mapping" $p -c "$tmp/seq.yaml" "$tmp/one.jsonl"
check_fail "a missing -c file" 2 "$p: $tmp/none.yaml: No such file or directory" $p -c "$tmp/none.yaml" "$tmp/one.jsonl"
check_fail "no data where LEDE_DATA says" 2 "$p: $tmp/nodata/entities/words.yaml: not found (LEDE_DATA is set)" \
    env LEDE_DATA="$tmp/nodata" $p "$tmp/one.jsonl"

# --- output
if [ -w /dev/full ]; then
	check_fail "a full disk" 2 "$p: stdout: No space left on device" sh -c "$p $tmp/one.jsonl >/dev/full"
else
	skip "a full disk" "no /dev/full"
fi
i=0
while [ $i -lt 3000 ]; do
	echo '{"doc":"d'$i'","text":"Colombia and the United States."}'
	i=$((i + 1))
done >"$tmp/many.jsonl"
check_fail "a closed pipe ends quietly" 0 "" sh -c "$p $tmp/many.jsonl | head -1"
# -u: document a is written once b begins, while the input is still
# open (given 10 seconds to come, where it takes a few milliseconds).
mkfifo "$tmp/u.fifo"
$p -u <"$tmp/u.fifo" >"$tmp/u.out" &
pid=$!
exec 3>"$tmp/u.fifo"
printf '%s\n' '{"doc":"a","text":"Kenya"}' '{"doc":"b","text":"Peru"}' >&3
i=0
while [ ! -s "$tmp/u.out" ] && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
check_same "-u writes each document as it ends" "$(head -1 "$tmp/u.out" | cut -c1-26)" \
    '{"doc":"a","text":"Kenya",'
exec 3>&-
wait $pid

done_testing
