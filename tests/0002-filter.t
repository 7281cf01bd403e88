#!/bin/sh
# The record loop every filter shares (common/jsonl.c), through tests/c/filter-demo.
. "$(dirname "$0")/lib.sh"
demo=$top/tests/c/filter-demo

out=$(printf '{"text":"h\303\251llo", "a" : [1,{"b":null}] }\n' | "$demo")
check_same "a field is added, every other byte kept" "$out" '{"text":"héllo", "a" : [1,{"b":null}],"len":6 }'
again=$(printf '%s\n' "$out" | "$demo")
check_same "running twice is running once" "$again" "$out"
out=$(printf '{"len":99,"text":"ab"}\n' | "$demo")
check_same "an owned field is replaced in place" "$out" '{"len":2,"text":"ab"}'

printf '{"text":"a"}\n{"text":"b"\n{"text":"c"}\n' >"$tmp/bad.jsonl"
check_fail "a malformed line stops" 2 "filter-demo: $tmp/bad.jsonl:2: unterminated object at column 12" "$demo" "$tmp/bad.jsonl"
check_same "records before a bad line are written, nothing after" "$(cat "$tmp/out")" '{"text":"a","len":1}'
check_fail "-k passes a bad line through and exits 1" 1 "filter-demo: $tmp/bad.jsonl:2: unterminated object at column 12" "$demo" -k "$tmp/bad.jsonl"
check_same "-k output keeps the bad line untouched and goes on" "$(cat "$tmp/out")" '{"text":"a","len":1}
{"text":"b"
{"text":"c","len":1}'

check_fail "standard input is called <stdin>" 2 "filter-demo: <stdin>:1: expected a JSON record at column 1: is this the output of lede-split?" sh -c "echo '[1]' | '$demo'"
check_fail "plain text: says what to do" 2 "filter-demo: <stdin>:1: expected a JSON record at column 1: is this the output of lede-split?" sh -c "echo 'Hello world.' | '$demo'"
check_fail "a record with spaces before it is read" 0 "" sh -c "echo '  {\"text\":\"a\"}' | '$demo' >/dev/null"
check_fail "a broken record: where it breaks" 2 "filter-demo: <stdin>:1: expected ':' at column 9" sh -c "echo '{\"text\" 1}' | '$demo'"
check_fail "-k: a warning names the record's doc and n" 1 "filter-demo: <stdin>:1: doc dé, record 2: no string \"text\"" sh -c "echo '{\"doc\":\"d\\u00e9\",\"n\":2,\"text\":1}' | '$demo' -k"
check_fail "-k: a record with neither names none" 1 "filter-demo: <stdin>:1: no string \"text\"" sh -c "echo '{\"text\":1}' | '$demo' -k"
check_fail "an error stays as it was" 2 "filter-demo: <stdin>:1: no string \"text\"" sh -c "echo '{\"doc\":\"d\",\"n\":2,\"text\":1}' | '$demo'"
check_fail "an empty line is an error" 2 "filter-demo: <stdin>:2: empty line, expected a JSON object at column 1" sh -c "printf '{\"text\":\"\"}\n\n' | '$demo'"
check_fail "invalid UTF-8 is an error with its place" 2 "filter-demo: <stdin>:1: invalid UTF-8 at column 10" sh -c "printf '{\"text\":\"\\377\"}\n' | '$demo'"
check_fail "a control character is an error" 2 "filter-demo: <stdin>:1: control character in string at column 10" sh -c "printf '{\"text\":\"\\001\"}\n' | '$demo'"
printf '{"text":"\\ud800"}\n' >"$tmp/sur.jsonl"
check_fail "a lone surrogate is an error" 2 'filter-demo: '"$tmp"'/sur.jsonl:1: lone surrogate in \u escape at column 10' "$demo" "$tmp/sur.jsonl"
check_fail "trailing garbage is an error" 2 "filter-demo: <stdin>:1: trailing characters after the object at column 14" sh -c "printf '{\"text\":\"a\"} x\n' | '$demo'"
printf '{"text":"a"}\n{"text":"old","n":1,"text":"new"}\n{"text":"c"}\n' >"$tmp/dup.jsonl"
check_fail "a repeated top-level key is an error at its second copy" 2 "filter-demo: $tmp/dup.jsonl:2: duplicate key at column 21" "$demo" "$tmp/dup.jsonl"
check_fail "-k passes a line with a repeated key through" 1 "filter-demo: $tmp/dup.jsonl:2: duplicate key at column 21" "$demo" -k "$tmp/dup.jsonl"
check_same "-k: the line untouched, the rest done" "$(cat "$tmp/out")" '{"text":"a","len":1}
{"text":"old","n":1,"text":"new"}
{"text":"c","len":1}'
check_fail "a key repeated escaped is the same key" 2 'filter-demo: <stdin>:1: duplicate key at column 13' sh -c "printf '{\"text\":\"a\",\"\\\\u0074ext\":\"b\"}\n' | '$demo'"
run_err sh -c "echo '{\"text\":\"a\",\"m\":{\"x\":1,\"x\":2}}' | '$demo'"
check_same "a key repeated in a nested object is let be" "$status:$err" "0:"
check_fail "a record the program cannot use" 2 'filter-demo: <stdin>:1: no string "text"' sh -c "echo '{\"x\":1}' | '$demo'"

printf '{"text":"last"}' >"$tmp/nonl.jsonl"
check_same "a last line without a newline is read" "$("$demo" "$tmp/nonl.jsonl")" '{"text":"last","len":4}'
: >"$tmp/empty.jsonl"
run_err "$demo" "$tmp/empty.jsonl"
check_same "an empty file gives nothing and exit 0" "$status:$(cat "$tmp/out")" "0:"

check_fail "a missing file is reported, the others read" 1 "filter-demo: $tmp/nope.jsonl: No such file or directory" "$demo" "$tmp/nope.jsonl" "$tmp/nonl.jsonl"
check_same "the other file was read" "$(cat "$tmp/out")" '{"text":"last","len":4}'
mkdir "$tmp/dir"
check_fail "a folder is reported as a missing file is, the others read" 1 "filter-demo: $tmp/dir: Is a directory" "$demo" "$tmp/dir" "$tmp/nonl.jsonl"
check_same "the file after the folder was read" "$(cat "$tmp/out")" '{"text":"last","len":4}'
# One rule in every program that reads records (issue 19, #14).
echo '{"doc":"d","n":1,"para":1,"start":0,"end":12,"text":"Hello there.","entities":[]}' >"$tmp/rec.jsonl"
for p in tag-entities extract-dates extract-quotes dedupe report pick; do
	if command -v lede-$p >/dev/null 2>&1; then
		run_err lede-$p "$tmp/dir" "$tmp/rec.jsonl"
		check_same "lede-$p: a folder is reported, the rest read, exit 1" \
		    "$status:$err:$(grep -c . "$tmp/out" | sed 's/^0$/nothing/')" \
		    "1:lede-$p: $tmp/dir: Is a directory:$(lede-$p "$tmp/rec.jsonl" | grep -c .)"
	else
		skip "lede-$p: a folder" "lede-$p is not built"
	fi
done
check_same "- is standard input" "$(echo '{"text":"x"}' | "$demo" "$tmp/nonl.jsonl" -)" '{"text":"last","len":4}
{"text":"x","len":1}'

check_fail "a full disk is an error" 2 "filter-demo: stdout: No space left on device" sh -c "echo '{\"text\":\"a\"}' | '$demo' >/dev/full"
check_fail "a bad option" 2 "filter-demo: invalid option -- 'z'
usage: filter-demo [-ku] [file ...]" "$demo" -z
run_err "$demo" --help
check_same "--help goes to stdout and exits 0" "$status:$(head -n 1 "$tmp/out")" "0:usage: filter-demo [-ku] [file ...]"
run_err "$demo" --version
check_same "--version" "$status:$(cat "$tmp/out")" "0:filter-demo 0.1.0"

# A line of 20 MB, and a closed pipe that ends the program quietly.
awk 'BEGIN { printf "{\"text\":\""; for (i = 0; i < 200000; i++) printf "%0100d", i; print "\"}" }' >"$tmp/huge.jsonl"
check_same "a 20 MB line is read whole" "$("$demo" "$tmp/huge.jsonl" | tail -c 27)" '000199999","len":20000000}'
for i in 1 2 3 4 5 6 7 8; do cat "$tmp/huge.jsonl"; done >"$tmp/many.jsonl"
run_err sh -c "'$demo' '$tmp/many.jsonl' | head -c 10 >/dev/null"
check_same "a closed pipe ends quietly" "$status:$err" "0:"

# Lines of every length from 1 to 4000 bytes cross the reader's buffer
# ends at every offset, from a file and from a pipe that trickles.
# (line i holds i letters, the alphabet from letter i mod 26 on)
awk 'BEGIN { for (c = 0; c < 4026; c++) s = s sprintf("%c", 97 + c % 26)
    for (i = 1; i <= 4000; i++) printf "{\"text\":\"%s\"}\n", substr(s, i % 26 + 1, i) }' >"$tmp/lens.jsonl"
awk 'BEGIN { for (i = 1; i <= 4000; i++) print i }' >"$tmp/lens.want"
"$demo" "$tmp/lens.jsonl" | sed 's/.*"len":\([0-9]*\)}$/\1/' >"$tmp/lens.file"
check_file "lines across buffer ends, from a file" "$tmp/lens.file" "$tmp/lens.want"
dd if="$tmp/lens.jsonl" bs=997 2>/dev/null | "$demo" | sed 's/.*"len":\([0-9]*\)}$/\1/' >"$tmp/lens.pipe"
check_file "lines across buffer ends, from a slow pipe" "$tmp/lens.pipe" "$tmp/lens.want"
done_testing
