#!/bin/sh
# lede-extract-quotes on the seed articles, through the whole pipeline:
# every quotation found, and at least 27 of the 29 attributed right.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

if [ ! -f "$shared/eval/score.py" ]; then
	skip "score.py quotes on the seeds" "../shared/eval is not there"
elif ! command -v python3 >/dev/null 2>&1; then
	skip "score.py quotes on the seeds" "python3 is not installed"
elif [ ! -x bin/lede-split ] || [ ! -x bin/lede-tag-entities ]; then
	skip "score.py quotes on the seeds" "lede-split or lede-tag-entities is not built"
else
	python3 "$shared/eval/score.py" quotes --bin bin >"$tmp/score" 2>&1
	check_same "score.py quotes: every quotation found" \
		"$(sed -n 's/^quotes seeds: quotes P \([0-9.]*\) R \([0-9.]*\) .*/\2/p' "$tmp/score")" "1.000"
	n=$(sed -n 's/.*attributed right: [0-9.]* (\([0-9]*\)\/29)$/\1/p' "$tmp/score")
	check "score.py quotes: at least 27 of 29 attributed right (got ${n:-none})" test "${n:-0}" -ge 27
fi
done_testing
