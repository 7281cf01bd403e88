#!/bin/sh
# lede-batch --meta and --source-from-dir: passed on to lede-split in
# every job, the table checked once up front and signing the run.
. "$(dirname "$0")/lib.sh"
. "$top/tests/data/batch/setup.sh"

cd "$tmp" || exit 2
mkdir -p bbc/business bbc/tech
for i in 1 2 3; do
	printf 'Shares story %s\n\nShares fell on Monday, traders said.\n' $i > bbc/business/00$i.txt
	printf 'Chips story %s\n\nChips rose, a maker said.\n' $i > bbc/tech/00$i.txt
done
printf -- '---\nsource: Wired\n---\nOwn source.\n' > bbc/tech/004.txt
# One row by the path as given, two relative to the table's folder.
printf 'path\tdct\tsource\nbbc/business/001.txt\t2005-01-02\tBBC\nbusiness/002.txt\t2005-01-03\t\ntech/003.txt\t\tBBC Tech\n' > bbc/meta.tsv

lede-split --meta bbc/meta.tsv --source-from-dir bbc | lede-tag-entities |
    lede-extract-dates | lede-extract-quotes 2>/dev/null | lede-dedupe -M -b doc > want.jsonl
run_err "$batch" -j 2 --shard-size 2 -o res --meta bbc/meta.tsv --source-from-dir bbc
check_same "--meta, --source-from-dir: exit 0" "$status" 0
cat res/shard-*.jsonl > got.jsonl
check_file "the shards are lede-split --meta --source-from-dir's records" got.jsonl want.jsonl
check_same "dct and source as the table and folders say" \
    "$(jq -r '[.doc, .dct // "-", .meta.source] | @tsv' got.jsonl | sort -u | tr '\t\n' ', ')" \
    "bbc/business/001.txt,2005-01-02,BBC bbc/business/002.txt,2005-01-03,business bbc/business/003.txt,-,business bbc/tech/001.txt,-,tech bbc/tech/002.txt,-,tech bbc/tech/003.txt,-,BBC Tech bbc/tech/004.txt,-,Wired "

# A pipeline file that runs lede-split gets them too.
echo 'lede-split -- "$@"' > pipe.sh
run_err "$batch" -o outp -p pipe.sh --meta bbc/meta.tsv bbc/business
check_same "a pipeline file: lede-split gets --meta" \
    "$status:$(cat outp/shard-*.jsonl | jq -r '.dct // "-"' | sort -u | tr '\n' ,)" "0:-,2005-01-02,2005-01-03,"

# Faults, before anything is written.
printf 'path\tdct\nbbc/business/001.txt\t2005-02-30\n' > bad.tsv
check_fail "a bad table: located, up front" 2 \
    "lede-batch: --meta: bad.tsv:2: dct is not a date (YYYY-MM-DD): 2005-02-30" \
    "$batch" -o outbad --meta bad.tsv bbc
check_same "a bad table: no output folder" "$(test -e outbad && echo made)" ""
check_fail "no table" 2 "lede-batch: --meta nope.tsv: not a file that can be read" \
    "$batch" -o outbad --meta nope.tsv bbc
check_fail "a pipeline without lede-split" 2 \
    "lede-batch: --meta, --source-from-dir: the pipeline does not run lede-split" \
    "$batch" -o outbad -p tag-entities --source-from-dir bbc

# --resume: a table that changed is another run.
printf 'path\tdct\nbbc/business/001.txt\t2001-01-01\n' > bbc/meta.tsv
check_fail "--resume refuses a table that changed" 2 \
    "lede-batch: res: the pipeline or options differ from the previous run's; run without --resume" \
    "$batch" -j 2 --shard-size 2 -o res --resume --meta bbc/meta.tsv --source-from-dir bbc
run_err "$batch" -j 2 --shard-size 2 -o res --meta bbc/meta.tsv --source-from-dir bbc
check_same "and a fresh run takes it" \
    "$status:$(cat res/shard-*.jsonl | jq -r 'select(.doc == "bbc/business/001.txt") | .dct' | sort -u)" "0:2001-01-01"

done_testing
