#!/bin/sh
# lede-split against the gold data in ../shared/eval, when it is there.
. "$(dirname "$0")/lib.sh"
ev=$shared/eval
if [ ! -f "$ev/score.py" ] || ! command -v python3 >/dev/null 2>&1; then
	skip_all "no ../shared/eval or no python3"
fi
bin=$(dirname "$(command -v lede-split)")
check "golden rules: at least 47 of 48" python3 "$ev/score.py" --bin "$bin" --min 97.9 seg "$ev/golden_en.jsonl"
check "seed boilerplate: all 7 lines dropped, no content lost" python3 "$ev/score.py" --bin "$bin" --min 100 boiler
done_testing
