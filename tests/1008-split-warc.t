#!/bin/sh
# lede-split: WARC files (crawls), as they are and gzipped a record a
# gzip member; lede-batch over them.
. "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 2

. "$top/tests/data/warc.sh"

lede-split crawl.warc > plain.jsonl 2> plain.err
check_same "the pages of the response records, by their WARC-Target-URI" \
    "$(jq -r .doc plain.jsonl | uniq | tr '\n' ' ')" \
    "https://news.example/one https://news.example/two https://news.example/three "
check_same "dct: the page's own date, else the WARC-Date" \
    "$(jq -r '"\(.doc) \(.dct)"' plain.jsonl | uniq | tr '\n' '|')" \
    "https://news.example/one 2025-03-04|https://news.example/two 2026-01-03|https://news.example/three 2026-01-04|"
check_same "the text, read through the HTML reader" \
    "$(jq -r .text plain.jsonl | tr '\n' '|')" \
    "Rain in the north|It rained all day in Leeds.|Rivers rose.|The council met on Tuesday.|It voted no.|Chunks join up.|They are whole again.|"
check_same "the headline and title as from a page" \
    "$(jq -c 'select(.n == 1) | [.headline, .meta.title]' plain.jsonl | head -n 1)" '[true,"One"]'
check_same "no warnings, exit 0" "$(cat plain.err)" ""
lede-split crawl.warc.gz > gz.jsonl
check_file "gzipped a record a member: the same records" gz.jsonl plain.jsonl
run_err lede-split -v crawl.warc.gz
check_same "-v: why response records are skipped" "$err" \
"lede-split: crawl.warc.gz: record at byte $(($(cat r-0[1-5] | wc -c))): skipped: not a web page: image/png
lede-split: crawl.warc.gz: record at byte $(($(cat r-0[1-6] | wc -c))): skipped: HTTP status 404"
cp crawl.warc crawl.txt
check_same "a WARC file by its first line, whatever its name" \
    "$(lede-split crawl.txt | jq -r .doc | uniq | wc -l)" 3
cp crawl.warc.gz crawl.gz
check_same "... gzipped too" "$(lede-split crawl.gz | jq -r .doc | uniq | wc -l)" 3
check_same "... on a standard input that can be read again" \
    "$(lede-split < crawl.warc | jq -r .doc | uniq | wc -l)" 3
check_same "-d dates the pages with no date of their own, before the WARC-Date" \
    "$(lede-split -d 2020-01-01 crawl.warc | jq -r .dct | sort -u)" "2020-01-01
2025-03-04"
check_same "... on a pipe (a crawl decompressed on the fly)" \
    "$(gzip -dc crawl.warc.gz | lede-split | jq -r .doc | uniq | wc -l)" 3
check_same "... under -H too" "$(cat crawl.warc | lede-split -H | jq -r .doc | uniq | wc -l)" 3

# Pages sent compressed: gzip, deflate (here raw, as some servers send
# it), and one zlib cannot read, skipped.
{ http '200 OK' text/html 'Content-Encoding: gzip'; printf '<p>Sent as gzip.</p>\n' | gzip -n -c; } > b
add WARC/1.0 response https://news.example/gz 2026-01-05T00:00:00Z
{ http '200 OK' text/html 'Content-Encoding: deflate'
  printf '<p>Sent as deflate.</p>\n' | gzip -n -c | tail -c +11 | head -c -8; } > b
add WARC/1.0 response https://news.example/deflate 2026-01-05T00:00:00Z
{ http '200 OK' text/html 'Content-Encoding: br'; printf 'not brotli'; } > b
add WARC/1.0 response https://news.example/br 2026-01-05T00:00:00Z
{ http '200 OK' text/html 'Content-Encoding: gzip'; printf '<p>Cut short.</p>\n' | gzip -n -c | head -c 20; } > b
add WARC/1.0 response https://news.example/cut 2026-01-05T00:00:00Z
cat r-09 r-10 r-11 r-12 > coded.warc
run_err lede-split -v coded.warc
check_same "Content-Encoding gzip and deflate undone; others skipped; broken ones said" \
    "$status:$(jq -r '"\(.doc) \(.text)"' "$tmp/out" | tr '\n' '|'):$err" \
    "0:https://news.example/gz Sent as gzip.|https://news.example/deflate Sent as deflate.|https://news.example/cut Cut sh|:lede-split: coded.warc: record at byte $(cat r-09 r-10 | wc -c): skipped: compressed (Content-Encoding) other than gzip and deflate
lede-split: coded.warc: record at byte $(cat r-09 r-10 r-11 | wc -c): broken or too large compressed page (gzip): the page is cut where it breaks"

# Files cut short: the pages before, a located error, exit 1, the next file read.
size=$(wc -c < crawl.warc)
head -c $((size - 40)) crawl.warc > cut.warc
at=$(cat r-0[1-7] | wc -c)
cl=$(sed -n 's/^Content-Length: \([0-9]*\)\r$/\1/p' r-08)
run_err lede-split cut.warc crawl.warc
check_same "cut short: the error names the file and the record's offset, exit 1" "$status:$err" \
    "1:lede-split: cut.warc: record at byte $at: cut short: its block is $cl bytes, the file has $((cl - 36)) of them"
check_same "... the pages before it are read, and the next file" \
    "$(jq -r .doc "$tmp/out" | uniq -c | awk '{ printf "%s ", $1 }')" "3 2 3 2 2 "
gzsize=$(wc -c < crawl.warc.gz)
head -c $((gzsize - 30)) crawl.warc.gz > cut.warc.gz
run_err lede-split cut.warc.gz
check_same "a gzipped file cut short: the same" "$status:$(jq -r .doc "$tmp/out" | uniq | wc -l):${err%%: cut short*}" \
    "1:2:lede-split: cut.warc.gz: record at byte $at"
printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\nContent-Length: 99999999999\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>' > big.warc
run_err lede-split big.warc
check_same "a Content-Length beyond the file is not believed" "$status:$err" \
    "1:lede-split: big.warc: record at byte 0: cut short: its block is 99999999999 bytes, the file has 52 of them"
{ cat crawl.warc; printf 'garbage\n'; } > junk.warc
run_err lede-split junk.warc
check_same "what is not a record: said where, the pages before it kept" "$status:$(jq -r .doc "$tmp/out" | uniq | wc -l):$err" \
    "1:3:lede-split: junk.warc: record at byte $size: not a WARC record (no WARC/1.x line): the rest of the file is left out"
{ sed '/^Content-Length/d' r-03; } > nolen.warc
run_err lede-split nolen.warc
check_same "no Content-Length" "$status:$err" \
    "1:lede-split: nolen.warc: record at byte 0: no Content-Length"
{ printf 'WARC/1.0\nWARC-Type: response\nWARC-Target-URI: http://lf/\nContent-Length: 57\n\n'
  printf 'HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>LF only.</p>\n\n'; } > lf.warc
check_same "lines that end in LF alone" "$(lede-split lf.warc | jq -r '"\(.doc) \(.text)"')" "http://lf/ LF only."

# A folder: .warc and .warc.gz files are taken.
mkdir dir && cp crawl.warc.gz dir/a.warc.gz && cp crawl.warc dir/b.WARC && cp crawl.warc dir/c.dat
check_same "a folder's .warc and .warc.gz files, not others" \
    "$(lede-split dir | jq -r .doc | uniq | wc -l)" 6

done_testing
