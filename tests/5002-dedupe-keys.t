#!/bin/sh
# lede-dedupe --join refuses keys made under other options or from
# other records (issue 19 item 8): each input's key lines start with a
# header of the options that shape them and the input's fingerprint.
. "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 2
P=lede-dedupe

cat >a.in <<'EOF'
{"doc":"a","n":1,"title":"T","text":"The minister said the talks would resume on Monday morning."}
{"doc":"a","n":2,"title":"T","text":"Nobody else spoke."}
{"doc":"b","n":1,"title":"T","text":"THE MINISTER SAID THE TALKS WOULD RESUME ON MONDAY MORNING!"}
{"doc":"b","n":2,"title":"U","text":"Nobody else spoke."}
{"doc":"c","n":1,"title":"U","text":"The minister said the talks would resume on Monday evening."}
{"doc":"c","n":2,"title":"U","text":"Nobody else spoke."}
EOF

# keys EMITOPTS: the sorted key lines of a.in, in k.
keys() { $P -e "$@" a.in | LC_ALL=C sort >k; }

# --- each option that shapes the keys, made one way and joined another
# EMITOPTS|JOINOPTS|message
while IFS='|' read -r e j msg; do
	keys $e
	check_fail "made with [$e], joined with [$j]" 2 "lede-dedupe: k:1: $msg" $P $j -j k a.in
	check_same "made with [$e], joined with [$j]: nothing written" "$(wc -c <"$tmp/out" | tr -d ' ')" 0
done <<'EOF'
-b doc||keys made with -b doc, joined without
|-b doc|keys made without -b doc, joined with it
-b doc|-M|keys made with -b doc, joined without
-f title||keys made with -f "title", joined with -f "text"
|-f title|keys made with -f "text", joined with -f "title"
-f text -f title|-f title -f text|keys made with -f "text" -f "title", joined with -f "title" -f "text"
--raw||keys made with -r, joined without
|--raw|keys made without -r, joined with it
--near||keys made with -n, joined without
|--near|keys made without -n, joined with it
--near --shingle 3|--near|keys made with -s 3, joined with -s 5
--near|--near --shingle 3|keys made with -s 5, joined with -s 3
--near -b doc|--near|keys made with -b doc, joined without
--near|--near -b doc|keys made without -b doc, joined with it
EOF

# --- the same options: accepted, and as one process.  The threshold of
# --near does not shape the keys, nor do -M, --memory and -u.
while IFS='|' read -r e j; do
	keys $e
	run_err $P $j -j k a.in
	check_same "made with [$e], joined with [$j]: accepted" "$status:$err" "0:"
	$P $j a.in >want
	check_file "made with [$e], joined with [$j]: as one process" out want
done <<'EOF'
|
-b doc|-b doc
-M|-b record
-b doc|-b doc -M
-f title --raw|--raw --field title -u
--near|--near
--near --shingle 3 -b doc|--near 0.5 --shingle 3 -b doc --memory 64M
--near|--near 0.6 -M
EOF

# --- keys of other records under the same name
keys
fa=$(sed -n '1s/^#[^\t]*\t[^\t]*\t\([^\t]*\)\t.*/\1/p' k)
cp a.in a.orig
sed -i '6s/Nobody/Nobody at all/' a.in
fb=$($P -e a.in | sed -n '1s/^#[^\t]*\t[^\t]*\t\([^\t]*\)\t.*/\1/p')
check_same "the fingerprints differ" "$([ -n "$fa" ] && [ "$fa" != "$fb" ] && echo yes)" yes
check_fail "keys of other records" 2 "lede-dedupe: k:1: keys made from another a.in (fingerprint $fa, the input's $fb)" $P -j k a.in
check_same "keys of other records: nothing written" "$(wc -c <"$tmp/out" | tr -d ' ')" 0
cp a.orig a.in
keys -b doc
echo '{"doc":"d","n":1,"text":"More."}' >>a.in
check_fail "keys of fewer records (-b doc)" 2 "lede-dedupe: k:1: keys made from another a.in (fingerprint $fa, the input's $($P -e a.in | sed -n '1s/^#[^\t]*\t[^\t]*\t\([^\t]*\)\t.*/\1/p'))" $P -b doc -j k a.in
cp a.orig a.in
$P --near -e a.in >nk
sed -i '2s/Nobody/Everybody/' a.in
check_fail "--near: keys of other records" 2 "lede-dedupe: nk:1: keys made from another a.in (fingerprint $fa, the input's $($P -e a.in | sed -n '1s/^#[^\t]*\t[^\t]*\t\([^\t]*\)\t.*/\1/p'))" $P --near -j nk a.in
check_same "--near: keys of other records: nothing written" "$(wc -c <"$tmp/out" | tr -d ' ')" 0
cp a.orig a.in

# --- keys of another input, or with no header (an older lede-dedupe)
cp a.in b.in
keys
check_fail "keys of another input" 2 'lede-dedupe: k: no header line for "b.in" (keys of another input, or of an older lede-dedupe)' $P -j k b.in
grep -v '^#' k >old
check_fail "keys with no header" 2 'lede-dedupe: old: no header line for "a.in" (keys of another input, or of an older lede-dedupe)' $P -j old a.in
$P --near -e a.in | sed 1d >nold
check_fail "--near: keys with no header" 2 'lede-dedupe: nold:1: no header line before the key lines of "a.in" (keys of an older lede-dedupe?)' $P --near -j nold a.in
(sed 1d k; sed -n 1p k) >late
check_fail "a header after the key lines" 2 "lede-dedupe: late:$(wc -l <k | tr -d ' '): key lines out of order (sort them with LC_ALL=C sort)" $P -j late a.in
sed '1s/ v1\t/ v2\t/' k >v2
check_fail "keys of another version" 2 'lede-dedupe: v2:1: keys of another version of lede-dedupe (expected "#lede-dedupe keys v1")' $P -j v2 a.in
sed '1s/\t[0-9a-f]\{16\}\t/\tnothex\t/' k >badfp
check_fail "a bad fingerprint" 2 "lede-dedupe: badfp:1: bad header line: expected a fingerprint" $P -j badfp a.in

# --- standard input: a file's bytes from where it starts; a pipe has
# no fingerprint (-) and is not checked
$P -e <a.in | LC_ALL=C sort >sk
check_same "stdin from a file: the file's fingerprint" "$(sed -n '1s/^#[^\t]*\t[^\t]*\t\([0-9a-f]\{16\}\)\t.*/\1/p' sk)" "${fa:-none}"
run_err $P -j sk <a.in
check_same "stdin from a file: accepted" "$status:$err" "0:"
check_fail "stdin from a file: other records refused" 2 "lede-dedupe: sk:1: keys made from another <stdin> (fingerprint $fa, the input's $fb)" sh -c "sed '6s/Nobody/Nobody at all/' a.in >c.in && $P -j sk <c.in"
tail -n +2 a.in >tail.in
(read -r line; $P -e) <a.in | LC_ALL=C sort >tk
ft=$($P -e <tail.in | sed -n '1s/^#[^\t]*\t[^\t]*\t\([0-9a-f]\{16\}\)\t.*/\1/p')
check_same "stdin read from line 2: the bytes from there" "$(sed -n '1s/^#[^\t]*\t[^\t]*\t\([^\t]*\)\t.*/\1/p' tk)" "${ft:-none}"
cat a.in | $P -e | LC_ALL=C sort >pk
check_same "stdin from a pipe: no fingerprint" "$(sed -n 1p pk | cut -f3)" "-"
run_err sh -c "cat a.in | $P -j pk"
check_same "stdin from a pipe: not checked" "$status:$err" "0:"

# --- map, shuffle and reduce over shards, as lede-batch does them
split -l 2 a.orig shard-
for s in shard-*; do $P -e -b doc "$s" | LC_ALL=C sort >"keys.$s"; done
LC_ALL=C sort -m keys.shard-* >all.keys
check_same "the shards' headers sort first" "$(head -n 3 all.keys | cut -c1-20 | sort -u)" "#lede-dedupe keys v1"
for s in shard-*; do $P -b doc -j all.keys "$s"; done >joined
$P -b doc shard-* >single
check_file "shards joined: as one process" joined single
run_err $P -b doc -j all.keys shard-ab shard-aa
check_same "shards joined in another order: accepted" "$status:$err" "0:"

done_testing
