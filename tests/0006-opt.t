#!/bin/sh
# common/opt.c: strict numbers and long options (units), and the one
# command line every program shares.
. "$(dirname "$0")/lib.sh"
# The units' TAP lines, numbered on with the rest.
"$top/tests/c/test-opt" >"$tmp/units"
while IFS= read -r line; do
	case $line in
	ok*) ok 0 "${line#ok * - }" ;;
	not*) ok 1 "${line#not ok * - }" ;;
	esac
done <"$tmp/units"
[ -s "$tmp/units" ] || ok 1 "tests/c/test-opt ran"

printf '{"doc":"a","text":"Hello there."}\n' >"$tmp/in.jsonl"

check_fail "dedupe --memory that overflows" 2 "lede-dedupe: --memory is too large: 99999999999999999999" \
	lede-dedupe --memory 99999999999999999999 "$tmp/in.jsonl"
check_fail "an unknown long option" 2 "lede-tag-entities: unrecognized option '--frobnicate'
usage: lede-tag-entities [-kqu] [-c file] [file ...]" lede-tag-entities --frobnicate
check_fail "an ambiguous long option" 2 "lede-dedupe: option '--m' is ambiguous; possibilities: '--mark' '--memory'
usage: lede-dedupe [-kMqu] [-b unit] [-f field] [-n T] [--emit-keys | --join keys] [--memory size] [--raw] [--shingle K] [file ...]" lede-dedupe --m
check_fail "a long option without its argument" 2 "lede-extract-dates: option '--ref' requires an argument
usage: lede-extract-dates [-Akqu] [-c file] [--dmy] [--ref date] [--words file] [file ...]" lede-extract-dates --ref
check_fail "a flag given a value" 2 "lede-extract-quotes: option '--each' doesn't allow an argument
usage: lede-extract-quotes [-akqu] [--each] [file ...]" lede-extract-quotes --each=1

for p in split tag-entities extract-dates extract-quotes dedupe report; do
	run_err lede-$p -h
	check_same "lede-$p -h: the help, exit 0" "$status:$(head -n 1 "$tmp/out")" \
	    "0:$(lede-$p --help | head -n 1)"
	run_err lede-$p --version
	check_same "lede-$p --version" "$status:$(cat "$tmp/out")" "0:lede-$p $(lede-split --version | cut -d' ' -f2)"
done

lede-tag-entities -k -u <"$tmp/in.jsonl" >"$tmp/short.out"
run_err lede-tag-entities --keep-going --unbuffered "$tmp/in.jsonl"
check_same "tag-entities --keep-going --unbuffered = -k -u" "$status:$(cat "$tmp/out")" "0:$(cat "$tmp/short.out")"
run_err lede-tag-entities --config "$tmp/none.yaml" "$tmp/in.jsonl"
check_same "tag-entities --config is -c" "$status:$err" "2:lede-tag-entities: $tmp/none.yaml: No such file or directory"
run_err lede-extract-dates "$tmp/in.jsonl" --keep-going
check_same "an option after the operands" "$status" 0
run_err lede-extract-dates -- "$tmp/in.jsonl" --keep-going
check_same "-- ends the options" "$status:$err" "1:lede-extract-dates: --keep-going: No such file or directory"
# One letter means one thing across the toolkit (lede(7), Options): the
# "-x, --long" lines of every program's help, and lede-batch's.
for p in split tag-entities extract-dates extract-quotes dedupe report pick; do
	lede-$p --help | sed -n 's/^ *\(-[A-Za-z]\)[ A-Z=]*, \(--[a-z-]*\).*/\1 \2/p'
done >"$tmp/letters"
check "the helps give letters" test -s "$tmp/letters"
check_same "a letter stands for one long option in every program" \
    "$(sort -u "$tmp/letters" | awk '{ n[$1]++; l[$1] = l[$1] " " $2 } END { for (c in n) if (n[c] > 1) print c l[c] }')" ""
for p in split tag-entities extract-dates extract-quotes dedupe report pick; do
	check_same "lede-$p: -q, --quiet in the help" "$(lede-$p --help | grep -c -- '^ *-q, --quiet')" 1
	run_err lede-$p --quiet </dev/null
	check_same "lede-$p --quiet is an option" "$(head -c 5 "$tmp/err")" ""
done
# Every flag has a long form: each option letter of the usage line is in the help as "-x, --long".
for p in split tag-entities extract-dates extract-quotes dedupe report pick; do
	u=$(lede-$p --help | head -n 1 | tr ' ' '\n' | sed -n 's/^\[-\([A-Za-z]*\)\]$/\1/p; s/^\[-\([A-Za-z]\)$/\1/p' | tr -d '\n' | sed 's/h//')
	miss=
	for c in $(printf '%s' "$u" | sed 's/./& /g'); do
		lede-$p --help | grep -q -- "^ *-$c, --" || miss="$miss -$c"
	done
	check_same "lede-$p: every letter of the usage line has a long form" "$miss" ""
done
done_testing
