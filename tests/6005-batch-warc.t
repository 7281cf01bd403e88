#!/bin/sh
# lede-batch over WARC files: a shard each, named or under a folder.
. "$(dirname "$0")/lib.sh"
. "$top/tests/data/batch/setup.sh"
cd "$tmp" || exit 2
. "$top/tests/data/warc.sh"

mkdir bdir && cp crawl.warc.gz bdir/a.warc.gz && cp crawl.warc bdir/b.warc &&
    printf 'Plain text. Said so.\n' > bdir/c.txt && printf 'More text.\n' > bdir/d.txt
run_err "$batch" -o res -p split -D none bdir
check_same "a shard for each WARC file, one for the rest" \
    "$status:$(cd res && ls shard-*.jsonl | tr '\n' ' ')" \
    "0:shard-000001.jsonl shard-000002.jsonl shard-000003.jsonl "
check_same "the summary counts a WARC file's pages as articles" "$(sumline)" \
    "lede-batch: 8 articles read, 17 records, 0 failed, 0 repeats, 0 warnings, T s, R MB/s"
cat res/shard-*.jsonl > got.jsonl
{ lede-split bdir/a.warc.gz bdir/b.warc bdir/c.txt bdir/d.txt; } > want.jsonl
check_file "the records of lede-split" got.jsonl want.jsonl

size=$(wc -c < crawl.warc)
head -c $((size - 40)) crawl.warc > cut.warc
at=$(cat r-0[1-7] | wc -c)
cl=$(sed -n 's/^Content-Length: \([0-9]*\)\r$/\1/p' r-08)
run_err "$batch" -o res2 -p split -D none cut.warc
check_same "a WARC file named, cut short: in failed.tsv" "$(cat res2/failed.tsv)" \
    "cut.warc	lede-split: cut.warc: record at byte $at: cut short: its block is $cl bytes, the file has $((cl - 36)) of them"
check_same "... the pages before the fault kept" \
    "$(cat res2/shard-*.jsonl | jq -r .doc | uniq | tr '\n' ' ')" "https://news.example/one https://news.example/two "
done_testing
