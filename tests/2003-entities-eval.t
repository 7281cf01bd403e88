#!/bin/sh
# lede-tag-entities against the gold data in ../shared/eval: the seeds
# (spans, types, one id per entity) and wikigold (PER+ORG+LOC).  The
# floors are regression guards set just under the figures measured.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
LEDE_DATA=$top/data
export LEDE_DATA
bindir=$(dirname "$(command -v lede-tag-entities)")
if [ ! -f "$shared/eval/score.py" ]; then
	skip_all "no ../shared/eval"
fi
if [ ! -x "$bindir/lede-split" ] || ! command -v python3 >/dev/null; then
	skip_all "needs lede-split and python3"
fi
run_err python3 "$shared/eval/score.py" ents --bin "$bindir" --min 97
check_same "seeds: F1 at least 0.97 ($(tail -1 "$tmp/out"))" "$status" 0
check_same "seeds: every gold entity carries one id" \
    "$(grep -c '^ids: 0 of' "$tmp/out")" 1
run_err python3 "$shared/eval/score.py" conll "$shared/eval/wikigold.jsonl" --bin "$bindir" --min 69
check_same "wikigold: PER+ORG+LOC F1 at least 0.69 ($(tail -1 "$tmp/out"))" "$status" 0
done_testing
