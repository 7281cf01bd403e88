#!/bin/sh
# lede-dedupe: exact keys after normalising, --raw, -f, --mark, --near,
# --by doc, -m, --emit-keys/--join, and every error path.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
P=lede-dedupe

# --- exact keys after normalising
cat >"$tmp/norm.in" <<'EOF'
{"doc":"a","n":1,"text":"“Colombia suspends cooperation…”"}
{"doc":"a","n":2,"text":"\"Colombia   Suspends cooperation...\""}
{"doc":"b","n":1,"text":"Café ﬁnal ＡＢＣ"}
{"doc":"b","n":2,"text":"cafe\u0301 final abc"}
{"doc":"b","n":3,"text":"  CAFÉ FINAL — abc! "}
{"doc":"c","n":1,"text":"Straße"}
{"doc":"c","n":2,"text":"STRASSE"}
{"doc":"c","n":3,"text":"Strasse 2"}
{"doc":"c","n":4,"text":"other"}
EOF
cat >"$tmp/norm.want" <<'EOF'
{"doc":"a","n":1,"text":"“Colombia suspends cooperation…”"}
{"doc":"b","n":1,"text":"Café ﬁnal ＡＢＣ"}
{"doc":"c","n":1,"text":"Straße"}
{"doc":"c","n":3,"text":"Strasse 2"}
{"doc":"c","n":4,"text":"other"}
EOF
$P "$tmp/norm.in" >"$tmp/out"
check_same "normalised: exit 0" "$?" 0
check_file "normalised: NFKC, case fold, punctuation, white space" "$tmp/out" "$tmp/norm.want"
$P <"$tmp/norm.in" >"$tmp/out"
check_file "standard input when no operand" "$tmp/out" "$tmp/norm.want"
$P - <"$tmp/norm.in" >"$tmp/out"
check_file "- is standard input" "$tmp/out" "$tmp/norm.want"

# Escapes: \" \\ \/ are punctuation, \n a space, \u the character.
cat >"$tmp/esc.in" <<'EOF'
{"text":"x \\\"y\\ z\/w"}
{"text":"X Y ZW"}
{"text":"p\nq"}
{"text":"P Q"}
{"text":"pnq"}
{"text":"caf\u00e9"}
{"text":"CAFÉ"}
EOF
$P "$tmp/esc.in" | tr '\n' ' ' >"$tmp/out"
check_same "escapes in the text" "$(cat "$tmp/out")" '{"text":"x \\\"y\\ z\/w"} {"text":"p\nq"} {"text":"pnq"} {"text":"caf\u00e9"} '

# --raw compares the decoded bytes
printf '%s\n' '{"text":"A b"}' '{"text":"a b"}' '{"text":"A\u0020b"}' '{"text":"A b","x":1}' >"$tmp/raw.in"
$P --raw "$tmp/raw.in" >"$tmp/out"
printf '%s\n' '{"text":"A b"}' '{"text":"a b"}' >"$tmp/want"
check_file "--raw: only equal decoded bytes repeat" "$tmp/out" "$tmp/want"
$P --raw "$tmp/raw.in" >"$tmp/out"
check_file "--raw" "$tmp/out" "$tmp/want"

# --- --mark, and running twice is running once
cat >"$tmp/mark.want" <<'EOF'
{"doc":"a","n":1,"text":"“Colombia suspends cooperation…”"}
{"doc":"a","n":2,"text":"\"Colombia   Suspends cooperation...\"","dup_of":{"doc":"a","n":1,"sim":1}}
{"doc":"b","n":1,"text":"Café ﬁnal ＡＢＣ"}
{"doc":"b","n":2,"text":"cafe\u0301 final abc","dup_of":{"doc":"b","n":1,"sim":1}}
{"doc":"b","n":3,"text":"  CAFÉ FINAL — abc! ","dup_of":{"doc":"b","n":1,"sim":1}}
{"doc":"c","n":1,"text":"Straße"}
{"doc":"c","n":2,"text":"STRASSE","dup_of":{"doc":"c","n":1,"sim":1}}
{"doc":"c","n":3,"text":"Strasse 2"}
{"doc":"c","n":4,"text":"other"}
EOF
$P --mark "$tmp/norm.in" >"$tmp/out"
check_file "--mark adds dup_of to repeats" "$tmp/out" "$tmp/mark.want"
$P -M "$tmp/out" >"$tmp/out2"
check_file "--mark twice is --mark once" "$tmp/out2" "$tmp/mark.want"
printf '%s\n' '{"text":"x","dup_of":{"doc":"z","n":9,"sim":1}}' '{"dup_of":1,"text":"x"}' '{"text":"y","dup_of":2,"z":3}' >"$tmp/stale.in"
printf '%s\n' '{"text":"x"}' '{"dup_of":{"doc":null,"n":null,"sim":1},"text":"x"}' '{"text":"y","z":3}' >"$tmp/want"
$P --mark "$tmp/stale.in" >"$tmp/out"
check_file "--mark replaces dup_of, drops a stale one, null without doc and n" "$tmp/out" "$tmp/want"

# --- clean input: every record kept, in order, byte for byte
if [ -x "$top/bin/lede-split" ]; then
	lede-split examples/articles/*.txt >"$tmp/seeds.in"
	check "seeds: lede-split wrote records" test -s "$tmp/seeds.in"
	$P "$tmp/seeds.in" >"$tmp/out"
	check_file "seeds: every record kept byte for byte" "$tmp/out" "$tmp/seeds.in"
	$P --near "$tmp/seeds.in" >"$tmp/out"
	check_file "seeds: --near keeps them all too" "$tmp/out" "$tmp/seeds.in"
	# The same articles again, as other documents: all caught.
	lede-split --doc copy examples/articles/000_cbe1aa5c0a3b0bb0.txt >"$tmp/copy.in"
	cat "$tmp/seeds.in" "$tmp/copy.in" | $P >"$tmp/out"
	check_file "seeds: a reprinted article is dropped whole" "$tmp/out" "$tmp/seeds.in"
else
	skip "seeds: lede-split wrote records" "bin/lede-split is not built"
	skip "seeds: every record kept" "bin/lede-split is not built"
	skip "seeds: --near keeps them all" "bin/lede-split is not built"
	skip "seeds: a reprinted article is dropped" "bin/lede-split is not built"
fi

# --- -f: other fields, dotted paths, the whole record
cat >"$tmp/f.in" <<'EOF'
{"doc":"a","n":1,"text":"one","meta":{"title":"T 1"}}
{"doc":"b","n":1,"text":"two","meta":{"title":"t, 1!"}}
{"doc":"b","n":2,"text":"one","meta":{"title":"T 2"}}
{"doc":"a","n":1,"text":"one","meta":{"title":"T 1"}}
EOF
$P -f meta.title "$tmp/f.in" >"$tmp/out"
check_same "-f meta.title: a dotted path" "$(cut -c1-20 "$tmp/out" | tr '\n' ' ')" '{"doc":"a","n":1,"te {"doc":"b","n":2,"te '
$P -f . "$tmp/f.in" >"$tmp/out"
check_same "-f .: the whole record" "$(wc -l <"$tmp/out" | tr -d ' ')" 3
$P -f text -f doc "$tmp/f.in" >"$tmp/out"
check_same "-f twice: both fields" "$(wc -l <"$tmp/out" | tr -d ' ')" 3
$P -f n "$tmp/f.in" >"$tmp/out"
check_same "-f n: a number compares as its JSON" "$(wc -l <"$tmp/out" | tr -d ' ')" 2
printf '%s\n' '{"a":"x y","b":"z"}' '{"a":"x","b":"y z"}' | $P -f a -f b >"$tmp/out"
check_same "-f a -f b: fields do not run together" "$(wc -l <"$tmp/out" | tr -d ' ')" 2
printf '%s\n' '{"a":"x y","b":"z"}' '{"a":"x","b":"y z"}' | $P --raw -f a -f b >"$tmp/out"
check_same "--raw -f a -f b: fields do not run together" "$(wc -l <"$tmp/out" | tr -d ' ')" 2

# --- --near
cat >"$tmp/near.in" <<'EOF'
{"doc":"a","n":1,"text":"The quick brown fox jumps over the lazy dog near the river bank today while birds sing loudly."}
{"doc":"b","n":1,"text":"The quick brown fox jumps over the lazy dog near the river bank today while birds sing softly."}
{"doc":"c","n":1,"text":"A completely different sentence about markets and oil prices rising sharply in Asia this week."}
{"doc":"d","n":1,"text":"The quick brown fox jumps over the lazy cat near the river bank today while birds sing loudly."}
{"doc":"e","n":1,"text":"THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG NEAR THE RIVER BANK TODAY WHILE BIRDS SING LOUDLY"}
EOF
$P --near --mark "$tmp/near.in" | sed -n 's/.*"dup_of"://p' >"$tmp/out"
printf '%s\n' '{"doc":"a","n":1,"sim":0.867}}' '{"doc":"a","n":1,"sim":1}}' >"$tmp/want"
check_file "--near: 0.867 and an exact repeat caught, 0.474 not" "$tmp/out" "$tmp/want"
$P --near 0.45 --mark "$tmp/near.in" | grep -c dup_of >"$tmp/out"
check_same "--near 0.45: the third one too" "$(cat "$tmp/out")" 3
$P --near=0.9 "$tmp/near.in" | wc -l >"$tmp/out"
check_same "--near=0.9: only the exact repeat" "$(tr -d ' ' <"$tmp/out")" 4
$P -n 0.45 --shingle 3 "$tmp/near.in" | wc -l >"$tmp/out"
check_same "-n 0.45 --shingle 3: 3-word shingles (0.684 now)" "$(tr -d ' ' <"$tmp/out")" 2
$P --near --shingle 1 "$tmp/near.in" | wc -l >"$tmp/out"
check_same "--shingle 1: bags of words" "$(tr -d ' ' <"$tmp/out")" 2

# Rewritten and republished: the same story with a few words changed
# is caught (Jaccard 0.856, as Python computes it over the same
# shingles); another story about the same event (0.124) is not.
s1='Colombia suspended intelligence sharing with the United States on Tuesday after a series of American strikes on boats in the Caribbean killed dozens of people.'
s2='President Gustavo Petro said in a statement posted on social media late on Monday that the strikes violated international law and had to stop at once.'
s3='The Pentagon has said the boats were carrying drugs bound for the United States, but it has not offered public evidence for the claim so far.'
s4='Officials in Bogota said the decision would not affect cooperation with European agencies or with the United Nations office on drugs and crime.'
s5='The announcement drew criticism from opposition lawmakers, who said it would weaken the fight against cocaine trafficking in the region.'
t2='President Gustavo Petro said in a statement posted on social media on Monday that the US strikes violated international law and had to stop at once.'
o1='Colombian officials said on Thursday that they would keep sharing information with international agencies that fight drug trafficking.'
o2='The move came days after President Gustavo Petro announced a suspension of intelligence cooperation with the United States over the strikes.'
o3='Defense Minister Pedro Sanchez wrote on social media that the flow of information with partners in Europe and Latin America would continue.'
for d in x y z; do
	case $d in
	x) set -- "$s1" "$s2" "$s3" "$s4" "$s5" ;;
	y) set -- "$s1" "$t2" "$s3" "$s4" "$s5" ;;
	z) set -- "$o1" "$o2" "$s3" "$o3" ;;
	esac
	n=0
	for s; do
		n=$((n + 1))
		printf '{"doc":"%s","n":%d,"text":"%s"}\n' "$d" "$n" "$s"
	done
done >"$tmp/wire.in"
$P --by doc --near --mark "$tmp/wire.in" | sed -n 's/^{"doc":"\(.\)","n":\(.\).*"dup_of":/\1\2 /p' >"$tmp/out"
for n in 1 2 3 4 5; do echo "y$n {\"doc\":\"x\",\"n\":1,\"sim\":0.856}}"; done >"$tmp/want"
check_file "--by doc --near: a rewrite is caught, another story is not" "$tmp/out" "$tmp/want"
$P --near "$tmp/wire.in" | cut -c1-16 | tr '\n' ' ' >"$tmp/out"
check_same "--near per record: the shared sentences only" "$(cat "$tmp/out")" '{"doc":"x","n":1 {"doc":"x","n":2 {"doc":"x","n":3 {"doc":"x","n":4 {"doc":"x","n":5 {"doc":"y","n":2 {"doc":"z","n":1 {"doc":"z","n":2 {"doc":"z","n":4 '

# --- --by doc
cat >"$tmp/doc.in" <<'EOF'
{"doc":"a","n":1,"text":"First sentence here."}
{"doc":"a","n":2,"text":"Second one."}
{"doc":"b","n":1,"text":"First sentence"}
{"doc":"b","n":2,"text":"here. Second one!"}
{"doc":"c","n":1,"text":"First sentence here."}
{"doc":"d","n":1,"text":"Second one."}
{"doc":"e","n":1,"text":"First sentence here."}
{"doc":"e","n":2,"text":"Second one."}
{"doc":"e","n":3,"text":"And a third."}
EOF
$P --by doc "$tmp/doc.in" | cut -c1-16 >"$tmp/out"
printf '%s\n' '{"doc":"a","n":1' '{"doc":"a","n":2' '{"doc":"c","n":1' '{"doc":"d","n":1' '{"doc":"e","n":1' '{"doc":"e","n":2' '{"doc":"e","n":3' >"$tmp/want"
check_file "--by doc: a document split otherwise is dropped whole" "$tmp/out" "$tmp/want"
$P --by doc --mark "$tmp/doc.in" | sed -n 's/^{"doc":"\(.\)","n":\(.\).*"dup_of":/\1\2 /p' >"$tmp/out"
printf '%s\n' 'b1 {"doc":"a","n":1,"sim":1}}' 'b2 {"doc":"a","n":1,"sim":1}}' >"$tmp/want"
check_file "--by doc --mark: every record of the repeat marked" "$tmp/out" "$tmp/want"
$P -b record "$tmp/doc.in" | wc -l >"$tmp/out"
check_same "-b record: the default" "$(tr -d ' ' <"$tmp/out")" 5
printf '%s\n' '{"doc":"a","text":"x y z w v"}' '{"doc":"b","text":"x y z w v u"}' | $P --by doc --near 0.5 --mark | grep -c '"sim":0.5' >"$tmp/out"
check_same "--by doc --near" "$(cat "$tmp/out")" 1

# --- -m: the cap, said on stderr, nothing dropped wrongly
awk 'BEGIN { for (i = 0; i < 120000; i++) printf "{\"text\":\"r %d\"}\n", i; for (i = 0; i < 120000; i++) printf "{\"text\":\"r %d\"}\n", i }' >"$tmp/big.in"
run_err $P --memory 1M "$tmp/big.in"
check_same "--memory 1M: exit 0" "$status" 0
check_same "--memory 1M: the cap is said" "$err" "lede-dedupe: memory cap of 1M reached after 61305 keys: new keys are no longer remembered, so later repeats of them are kept"
check_same "--memory 1M: only repeats of remembered keys dropped" "$(wc -l <"$tmp/out" | tr -d ' ')" $((240000 - 61305))
check_same "--memory 1M: the first half all kept" "$(head -n 120000 "$tmp/out" | cmp - "$(printf '%s' "$tmp/big.in")" 2>&1 | sed 's/.*EOF.*/eof/')" eof
run_err $P -q --memory 1M "$tmp/big.in"
check_same "-q --memory 1M: the cap is not said" "$status:$err:$(wc -l <"$tmp/out" | tr -d ' ')" "0::$((240000 - 61305))"
run_err $P --near --memory 1M "$tmp/big.in"
check_same "--near --memory 1M: exit 0, said" "$status:$(echo "$err" | cut -c1-35)" "0:lede-dedupe: memory cap of 1M reach"
run_err $P "$tmp/big.in"
check_same "no cap: all repeats dropped" "$status:$(wc -l <"$tmp/out" | tr -d ' ')" 0:120000

# --- map (--emit-keys), shuffle (sort), reduce (--join)
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "{\"doc\":\"d%d\",\"n\":%d,\"text\":\"Line %d, said X.\"}\n", i / 4, i % 4 + 1, (i * 7) % 1100 }' >"$tmp/all.in"
(cd "$tmp" && split -l 700 all.in shard-)
for m in "" "--mark" "--by doc" "--by doc --mark"; do
	(cd "$tmp" && rm -rf k && mkdir k &&
	$P $m shard-* >single.out &&
	for s in shard-*; do $P --emit-keys $m "$s" >"k/$s" || exit 1; done &&
	LC_ALL=C sort k/* >keys &&
	for s in shard-*; do $P $m --join keys "$s" || exit 1; done >joined.out)
	check_same "sharded = single process ($m): ran" "$?" 0
	check_file "sharded = single process ($m): byte for byte" "$tmp/joined.out" "$tmp/single.out"
done
check_same "the single run dropped some" "$($P "$tmp/all.in" | wc -l | tr -d ' ')" 1100
# --join --by doc passes lines that start with {"doc":" unchecked, the
# others through the record loop: both kinds, mixed, as one process.
mkdir "$tmp/mix"
awk 'BEGIN { for (i = 0; i < 3000; i++) if (int(i / 4) % 3) printf "{\"doc\":\"d%d\",\"n\":%d,\"text\":\"Line %d.\"}\n", i / 4, i % 4 + 1, (i * 7) % 1100; else printf "{\"n\":%d, \"doc\":\"d%d\",\"text\":\"Line %d.\"}\n", i % 4 + 1, i / 4, (i * 7) % 1100 }' >"$tmp/mix/all.in"
(cd "$tmp/mix" && split -l 700 all.in shard- && $P -b doc shard-* >single.out &&
	for s in shard-*; do $P -e -b doc "$s"; done | LC_ALL=C sort >keys &&
	for s in shard-*; do $P -b doc -j keys "$s" || exit 1; done >joined.out)
check_file "--join --by doc, lines of both shapes: as one process" "$tmp/mix/joined.out" "$tmp/mix/single.out"
check_same "... and it dropped some" "$(wc -l <"$tmp/mix/single.out" | tr -d ' ')" 1100
$P --emit-keys "$tmp/shard-aa" | head -n 2 | sed 's/^[0-9a-f]\{32\}\t/HASH\t/; s/\t[0-9a-f]\{16\}\t/\tFP\t/' >"$tmp/out"
printf '#lede-dedupe keys v1\t"%s"\tFP\t-f "text"\n' "$tmp/shard-aa" >"$tmp/want"
printf 'HASH\t"%s"\t000000000001\t1\t"d0"\n' "$tmp/shard-aa" >>"$tmp/want"
check_file "--emit-keys: the header line, the key line" "$tmp/out" "$tmp/want"
LC_ALL=C sort -r "$tmp/keys" >"$tmp/rkeys"
check_fail "--join: unsorted keys" 2 "lede-dedupe: $tmp/rkeys:2: key lines out of order (sort them with LC_ALL=C sort)" $P --join "$tmp/rkeys" "$tmp/all.in"
printf 'nonsense\n' >"$tmp/badkeys"
check_fail "--join: a bad key line" 2 "lede-dedupe: $tmp/badkeys:1: bad key line: expected 32 hex digits and a tab" $P --join "$tmp/badkeys" "$tmp/all.in"
printf '0123456789abcdef0123456789abcdef\t"a"\t000000000001\t1\t{"x":\n' >"$tmp/badkeys"
check_fail "--join: bad JSON in a key line" 2 "lede-dedupe: $tmp/badkeys:1: bad key line: bad JSON in the name or the doc" $P --join "$tmp/badkeys" "$tmp/all.in"
check_fail "--join: no key file" 2 "lede-dedupe: $tmp/nokeys: No such file or directory" $P --join "$tmp/nokeys" "$tmp/all.in"
check_fail "--emit-keys with --join" 2 "lede-dedupe: --emit-keys and --join cannot be used together" $P --emit-keys --join "$tmp/keys"
check_fail "--join - and records on stdin" 2 "lede-dedupe: --join -: the records must come from files" $P --join - </dev/null
check_fail "--join - and a - operand" 2 "lede-dedupe: --join -: the records must come from files" $P --join - "$tmp/all.in" - </dev/null

# --- --near: map, shuffle, reduce, on documents copied with edits
cat >"$tmp/gen.awk" <<'EOF'
# Documents of made-up sentences; some later ones are copies of earlier
# ones with a word in ten changed (near repeats) or in other case
# (exact repeats after normalising).
function rnd() { seed = (seed * 69069 + 1) % 4294967296; return int(seed / 65536) }
BEGIN {
	seed = 42
	for (d = 0; d < 300; d++) {
		ns = 4 + rnd() % 5
		if (d >= 20 && d % 3 == 0) {
			src = rnd() % d
			ns = nsent[src]
			for (s = 1; s <= ns; s++) {
				t = sent[src, s]
				if (d % 2) {
					nw = split(t, w, " ")
					t = ""
					for (i = 1; i <= nw; i++)
						t = t (i > 1 ? " " : "") (rnd() % 10 == 0 ? "edit" rnd() % 100 : w[i])
				} else
					t = toupper(t) "!"
				sent[d, s] = t
			}
		} else
			for (s = 1; s <= ns; s++) {
				nw = 10 + rnd() % 12
				t = ""
				for (i = 1; i <= nw; i++)
					t = t (i > 1 ? " " : "") "w" rnd() % 400
				sent[d, s] = t
			}
		nsent[d] = ns
		for (s = 1; s <= ns; s++)
			printf "{\"doc\":\"d%d\",\"n\":%d,\"text\":\"%s\"}\n", d, s, sent[d, s]
	}
}
EOF
awk -f "$tmp/gen.awk" >"$tmp/near.in"
check_same "--near data: near repeats made" "$($P --near 0.5 --mark "$tmp/near.in" | grep -c '"sim":0\.')" 57
(cd "$tmp" && rm -rf nsh && mkdir nsh nsh/k && cd nsh && split -l 400 ../near.in shard-)
for m in "" "--mark" "0.5 --mark" "--by doc" "0.5 --by doc --mark" "--mark --shingle 3"; do
	(cd "$tmp/nsh" && rm -f k/* &&
	$P --near $m shard-* >single.out 2>single.err &&
	for s in shard-*; do $P --near $m -e "$s" >"k/$s" || exit 1; done &&
	LC_ALL=C sort -m k/* | $P --near $m --join - shard-* >joined.out 2>joined.err &&
	LC_ALL=C sort -m k/* >keys &&
	for s in shard-*; do $P --near $m -j keys "$s" 2>/dev/null || exit 1; done >joined2.out)
	check_same "--near $m: sharded = single: ran" "$?" 0
	check_file "--near $m: one reduce = single process, byte for byte" "$tmp/nsh/joined.out" "$tmp/nsh/single.out"
	check_file "--near $m: reduce by shard = single process, byte for byte" "$tmp/nsh/joined2.out" "$tmp/nsh/single.out"
	check_file "--near $m: the same said on stderr" "$tmp/nsh/joined.err" "$tmp/nsh/single.err"
done
# Under the cap, the reduce remembers and forgets as one process does.
(cd "$tmp" && rm -rf bsh && mkdir bsh && cd bsh && split -l 150000 ../big.in shard- &&
$P --near --mark --memory 1M shard-* >single.out 2>single.err &&
for s in shard-*; do $P --near --mark --memory 1M -e "$s"; done | $P --near --mark --memory 1M -j - shard-* >joined.out 2>joined.err)
check_same "--near --memory 1M: sharded: ran" "$?" 0
check_same "--near --memory 1M: the cap was reached" "$(cut -c1-35 "$tmp/bsh/single.err")" "lede-dedupe: memory cap of 1M reach"
check_file "--near --memory 1M: sharded = single, byte for byte" "$tmp/bsh/joined.out" "$tmp/bsh/single.out"
check_file "--near --memory 1M: the same said" "$tmp/bsh/joined.err" "$tmp/bsh/single.err"
printf '%s\n' '{"doc":"a","n":1,"text":"one two three four five six"}' '{"doc":"b","text":"Hi!"}' '{"text":"one two three four five six seven"}' >"$tmp/nk.in"
$P --near -e "$tmp/nk.in" | sed 's/\t[0-9a-f]\{32\}\t/\tHASH\t/; s/\t[0-9a-f]\{256\}\t/\tBANDS\t/; s/\t[0-9a-f]\{16\}\t-f/\tFP\t-f/' >"$tmp/out"
printf '"%s"\t000000000000\t#lede-dedupe keys v1\tFP\t-f "text"\t-n\t-s 5\n' "$tmp/nk.in" >"$tmp/want"
printf '"%s"\t000000000001\tHASH\ts\tBANDS\t%s\t1\t"a"\n' "$tmp/nk.in" 13bf18ddf541906c >>"$tmp/want"
printf '"%s"\t000000000002\tHASH\t-\t\t\tnull\t"b"\n' "$tmp/nk.in" >>"$tmp/want"
printf '"%s"\t000000000003\tHASH\ts\tBANDS\t%s\tnull\tnull\n' "$tmp/nk.in" 13bf18dde63a7feff541906c >>"$tmp/want"
check_file "--near --emit-keys: the key lines" "$tmp/out" "$tmp/want"
$P --near -e "$tmp/nk.in" >"$tmp/nk.keys"
$P --near 0.6 --mark -j "$tmp/nk.keys" "$tmp/nk.in" | tail -n 1 | sed 's/.*"dup_of"://' >"$tmp/out"
check_same "--near --join: the similarity verified" "$(cat "$tmp/out")" '{"doc":"a","n":1,"sim":0.667}}'
check_same "--near --join: as one process" "$($P --near --mark -j "$tmp/nk.keys" "$tmp/nk.in")" "$($P --near --mark "$tmp/nk.in")"
sed 2d "$tmp/nk.keys" >"$tmp/nk2.keys"
check_fail "--near --join: keys of another line" 2 "lede-dedupe: $tmp/nk2.keys:2: key line of line 2, but the record is at line 1 (keys of another input?)" $P --near -j "$tmp/nk2.keys" "$tmp/nk.in"
head -n 2 "$tmp/nk.keys" >"$tmp/nk3.keys"
check_fail "--near --join: too few key lines" 2 "lede-dedupe: $tmp/nk3.keys: no key line for \"$tmp/nk.in\" line 2" $P --near -j "$tmp/nk3.keys" "$tmp/nk.in"
sed '2s/\ts\t/\tx\t/' "$tmp/nk.keys" >"$tmp/nk4.keys"
check_fail "--near --join: a bad kind" 2 "lede-dedupe: $tmp/nk4.keys:2: bad key line: expected -, s or t" $P --near -j "$tmp/nk4.keys" "$tmp/nk.in"
sed '4s/13bf18dde63a7feff541906c/e63a7fef13bf18ddf541906c/' "$tmp/nk.keys" >"$tmp/nk5.keys"
check_fail "--near --join: an unsorted set" 2 "lede-dedupe: $tmp/nk5.keys:4: bad key line: the shingle set is not sorted" $P --near -j "$tmp/nk5.keys" "$tmp/nk.in"
sed '2s/\t[0-9a-f]\{256\}\t/\t0\t/' "$tmp/nk.keys" >"$tmp/nk6.keys"
check_fail "--near --join: short band keys" 2 "lede-dedupe: $tmp/nk6.keys:2: bad key line: expected the band keys" $P --near -j "$tmp/nk6.keys" "$tmp/nk.in"
sed '3s/\t-\t\t\t/\t-\t\t00\t/' "$tmp/nk.keys" >"$tmp/nk7.keys"
check_fail "--near --join: a set where none can be" 2 "lede-dedupe: $tmp/nk7.keys:3: bad key line: expected the shingle set" $P --near -j "$tmp/nk7.keys" "$tmp/nk.in"
check_fail "--near --join: exact key lines" 2 "lede-dedupe: $tmp/keys:1: keys made without -n, joined with it" $P --near -j "$tmp/keys" "$tmp/all.in"
check_fail "--near --join: no key file" 2 "lede-dedupe: $tmp/nokeys: No such file or directory" $P --near --join "$tmp/nokeys" "$tmp/all.in"
check_fail "--emit-keys with -k" 2 "lede-dedupe: -k cannot be used with --emit-keys" $P --emit-keys -k

# --- bad input
printf '%s\n' '{"text":"a"}' '{"text":"b' >"$tmp/bad.in"
check_fail "malformed JSON" 2 "lede-dedupe: $tmp/bad.in:2: unterminated string at column 11" $P "$tmp/bad.in"
check_same "malformed JSON: records before it written" "$(cat "$tmp/out")" '{"text":"a"}'
printf '%s\n' '{"text":"a"}' '{"text":"A!"}' '{"text":"b"}' '[1]' '{"text":"c"}' >"$tmp/bad2.in"
check_fail "malformed JSON after repeats" 2 "lede-dedupe: $tmp/bad2.in:4: expected a JSON record at column 1: is this the output of lede-split?" $P --mark "$tmp/bad2.in"
check_same "malformed JSON after repeats: every record before it written" "$(cat "$tmp/out")" '{"text":"a"}
{"text":"A!","dup_of":{"doc":null,"n":null,"sim":1}}
{"text":"b"}'
printf '{"text":"a\377"}\n' >"$tmp/utf.in"
check_fail "bad UTF-8" 2 "lede-dedupe: $tmp/utf.in:1: invalid UTF-8 at column 11" $P "$tmp/utf.in"
printf '%s\n' '{"x":"a"}' >"$tmp/nofield.in"
check_fail "no text field" 2 "lede-dedupe: $tmp/nofield.in:1: no \"text\" field" $P "$tmp/nofield.in"
check_fail "no meta.title field" 2 "lede-dedupe: $tmp/nofield.in:1: no \"meta.title\" field" $P -f meta.title "$tmp/nofield.in"
check_fail "--by doc: no doc field" 2 "lede-dedupe: $tmp/nofield.in:1: no \"doc\" field" $P --by doc -f x "$tmp/nofield.in"
printf '%s\n' '{"x":"a"}' '{"text":"b"}' 'bad' '{"text":"b"}' >"$tmp/k.in"
check_fail "-k: warns" 1 "lede-dedupe: $tmp/k.in:1: no \"text\" field
lede-dedupe: $tmp/k.in:3: expected a JSON record at column 1: is this the output of lede-split?" $P -k "$tmp/k.in"
printf '%s\n' '{"x":"a"}' '{"text":"b"}' 'bad' >"$tmp/want"
check_file "-k: bad lines passed through, repeats dropped" "$tmp/out" "$tmp/want"
check_fail "missing file" 1 "lede-dedupe: $tmp/none: No such file or directory" $P "$tmp/none" "$tmp/norm.in"
check_file "missing file: the others read" "$tmp/out" "$tmp/norm.want"
if [ -w /dev/full ]; then
	check_fail "/dev/full" 2 "lede-dedupe: stdout: No space left on device" sh -c "$P '$tmp/norm.in' >/dev/full"
else
	skip "/dev/full" "no /dev/full"
fi

# --- options
usage="usage: lede-dedupe [-kMqu] [-b unit] [-f field] [-n T] [--emit-keys | --join keys] [--memory size] [--raw] [--shingle K] [file ...]"
check_fail "bad option" 2 "lede-dedupe: invalid option -- 'x'
$usage" $P -x
check_fail "--memory not a size" 2 "lede-dedupe: --memory is invalid: 12q" $P --memory 12q
check_fail "--memory too small" 2 "lede-dedupe: --memory is too small (1M at least): 1000" $P --memory 1000
check_fail "--near out of range" 2 "lede-dedupe: --near is not a number above 0 and at most 1: 2" $P --near=2
check_fail "-n not a number" 2 "lede-dedupe: --near is not a number above 0 and at most 1: x" $P -n x
check_fail "--shingle 0" 2 "lede-dedupe: --shingle is too small: 0" $P --shingle 0
check_fail "--by page" 2 "lede-dedupe: --by is neither record nor doc: page" $P --by page
check_fail "--raw with --near" 2 "lede-dedupe: --raw cannot be used with --near" $P --raw --near
check_fail "-f empty" 2 "lede-dedupe: -f is empty" $P -f ''
run_err $P --help
check_same "--help: exit 0, usage first" "$status:$(head -n 1 "$tmp/out")" "0:$usage"
run_err $P --version
check_same "--version" "$status:$(cat "$tmp/out")" "0:lede-dedupe 0.1.0"
printf '%s\n' '{"text":"a"}' '{"text":"A"}' '{"text":"b"}' | $P -u | head -n 1 >"$tmp/out"
check_same "-u, and | head ends quietly" "$(cat "$tmp/out")" '{"text":"a"}'
done_testing
