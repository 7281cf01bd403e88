#!/bin/sh
# The attack classes of issue 19 as one suite, each run across every
# program alike: malformed records at several places, hostile file and
# doc names, hostile report fields in Chromium, interrupted batches and
# a full disk.  The time checks are a timing, so they live in
# scripts/attack-time (make bench-linear); here it only runs once small.
# Many single defects have tests of their own (0002, 2002, 3002, 4002,
# 6001, 6004, 7002); this is the sweep.
. "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 2
readers="tag-entities extract-dates extract-quotes dedupe pick report"
for p in split $readers; do
	command -v lede-$p >/dev/null 2>&1 || skip_all "lede-$p is not built"
done

# ---- (a) malformed records, at several places, through every reader.
# Each case: a file, and the line a reader must name ("-": none, "any":
# the program may take the line or refuse it, as its man page says).
good1='{"doc":"d","n":1,"para":1,"start":0,"end":12,"text":"Hello there.","entities":[]}'
good2='{"doc":"d","n":2,"para":1,"start":13,"end":29,"text":"Ann Fry said so.","entities":[]}'
good3='{"doc":"d","n":3,"para":2,"start":30,"end":44,"text":"It is Friday.","entities":[]}'
tail3='{"doc":"d","n":3,"para":2,"start":30,"end":44,"text":"It is Friday."'
mkdir rec
# The cases: rec/NAME.jsonl, and NAME:LINE in $cases.
cases=
printf '%s\n%s\n%s\n' '{"doc":"d","n":1' "$good2" "$good3" >rec/first.jsonl
cases="$cases first:1"
printf '%s\n%s\n%s\n' "$good1" '{"doc":"d","n":' "$good3" >rec/middle.jsonl
cases="$cases middle:2"
printf '%s\n%s\n%s' "$good1" "$good2" "$tail3" >rec/last-no-newline.jsonl
cases="$cases last-no-newline:3"
printf '%s\n%s\n%s\n' "$good1" '{"doc":"d","n":2,"text":"Ann Fry sa' "$good3" >rec/truncated.jsonl
cases="$cases truncated:2"
printf '%s\n{"doc":"d","n":2,"start":13,"end":29,"text":"Ann \377ry said so."}\n%s\n' "$good1" "$good3" >rec/invalid-utf8.jsonl
cases="$cases invalid-utf8:2"
printf '%s\n{"doc":"d","n":2,"start":13,"end":29,"text":"Ann \300\257ry said so."}\n%s\n' "$good1" "$good3" >rec/overlong-utf8.jsonl
cases="$cases overlong-utf8:2"
printf '%s\n{"doc":"d","n":2,"start":13,"end":29,"text":"Ann \000ry said so."}\n%s\n' "$good1" "$good3" >rec/nul-byte.jsonl
cases="$cases nul-byte:2"
printf '%s\n%s\n%s\n' "$good1" '{"doc":"d","n":2,"start":13,"end":29,"text":"x","text":"Ann Fry said so."}' "$good3" >rec/duplicate-key.jsonl
cases="$cases duplicate-key:2"
printf '%s\n%s\n%s\n' "$good1" '{"doc":"d","n":2,"text":"a"} x' "$good3" >rec/trailing-garbage.jsonl
cases="$cases trailing-garbage:2"
printf '\357\273\277%s\n%s\n' "$good1" "$good2" >rec/byte-order-mark.jsonl
cases="$cases byte-order-mark:1"
printf '%s\n\n%s\n' "$good1" "$good3" >rec/empty-line.jsonl
cases="$cases empty-line:2"
printf '%s\n[1,2]\n%s\n' "$good1" "$good3" >rec/not-an-object.jsonl
cases="$cases not-an-object:2"
{ echo "$good1"; printf '{"doc":"d","n":2,"x":'; awk 'BEGIN { for (i = 0; i < 50000; i++) printf "["; for (i = 0; i < 50000; i++) printf "]" }'; echo '}'; echo "$good3"; } >rec/deep-nesting.jsonl
cases="$cases deep-nesting:2"
# a line of 2 MB that is whole, then a bad last line: the count goes on
{ echo "$good1"
  awk 'BEGIN { u = "the board met and said nothing at all and "; k = int(2000000 / length(u))
	printf "{\"doc\":\"d\",\"n\":2,\"para\":1,\"start\":13,\"end\":%d,\"text\":\"", 13 + k * length(u)
	for (i = 0; i < k; i++) printf "%s", u; print "\",\"entities\":[]}" }'
  echo '{"doc":"d","n":3,"text":' ; } >rec/huge-line.jsonl
cases="$cases huge-line:3"
{ echo "$good1"; printf '{"doc":"d","n":2,"text":"'; head -c 3000000 /dev/zero | tr '\0' a; echo; echo "$good3"; } >rec/huge-unterminated.jsonl
cases="$cases huge-unterminated:2"
printf '%s\n%s\n%s\n' "$good1" '{"doc":7,"n":2,"start":13,"end":29,"text":"Ann Fry said so.","entities":[]}' "$good3" >rec/doc-not-string.jsonl
cases="$cases doc-not-string:any"
printf '%s\n%s\n%s\n' "$good1" '{"doc":"d","n":"2","start":13,"end":29,"text":"Ann Fry said so.","entities":[]}' "$good3" >rec/n-not-integer.jsonl
cases="$cases n-not-integer:any"
printf '%s\n%s\n%s\n' "$good1" '{"doc":"d","n":2,"start":13,"end":29,"text":["Ann Fry"],"entities":[]}' "$good3" >rec/text-not-string.jsonl
cases="$cases text-not-string:any"
printf '%s\n%s\n%s\n' "$good1" '{"doc":"d","n":2,"start":13,"end":29,"text":"Ann Fry said so.","entities":{"a":1}}' "$good3" >rec/entities-not-array.jsonl
cases="$cases entities-not-array:any"
: >rec/empty-file.jsonl
cases="$cases empty-file:-"

# located FILE PROG: every line of $tmp/err is "lede-PROG: FILE:N: ..."
# (a warning or an error with its place); prints the Ns.
located() {
	awk -v pre="lede-$2: $1:" '
	index($0, pre) == 1 && substr($0, length(pre) + 1) ~ /^[0-9]+: / {
		print substr($0, length(pre) + 1) + 0; next }
	{ print "unlocated"; exit }' "$tmp/err"
}
for c in $cases; do
	name=${c%:*} want=${c#*:}
	f=rec/$name.jsonl
	lines=$(awk 'END { print NR }' "$f")
	for p in $readers; do
		why=
		run_err lede-$p "$f"
		at=$(located "$f" $p | tr '\n' ' ')
		case $status in
		0) [ "$want" = - ] || [ "$want" = any ] || why="exit 0, want a refusal of line $want" ;;
		1) [ $p = pick ] && [ "$want" = - ] || why="exit 1 without -k" ;;
		2) [ "$at" = "$want " ] || { [ "$want" = any ] && [ "$at" = "2 " ]; } ||
			why="exit 2, said: $err" ;;
		*) why="exit $status (a crash?): $err" ;;
		esac
		case $at in *unlocated*) why="$why; a line without its place: $err" ;; esac
		# -k: the bad line is named and passed through (or, for the
		# report, named and left out); no record goes missing.
		run_err lede-$p -k "$f"
		kat=$(located "$f" $p | tr '\n' ' ')
		case $status:$want in
		0:- | 0:any) ;;
		1:any) [ "$kat" = "2 " ] || why="$why; -k exit 1, said: $err" ;;
		1:[0-9]*) case " $kat" in *" $want "*) ;; *) why="$why; -k did not name line $want: $err" ;; esac ;;
		1:-) [ $p = pick ] || why="$why; -k exit 1 on a good file" ;;
		*) why="$why; -k exit $status: $err" ;;
		esac
		case $kat in *unlocated*) why="$why; -k: a line without its place: $err" ;; esac
		if [ $p != report ]; then
			got=$(awk 'END { print NR }' "$tmp/out")
			[ "$got" = "$lines" ] || why="$why; -k wrote $got lines of $lines"
		fi
		check_same "malformed, $name: lede-$p" "$why" ""
	done
done

# lede-split reads articles, not records: hostile articles.  Each ends
# with a status it documents, says where (FILE:N or FILE: for the whole
# file), and writes only well-formed records.
mkdir art
printf 'Hello there. Bad \377 byte here. End.\n' >art/invalid-utf8.txt
printf 'Hello there. A NUL \000 here. End.\n' >art/nul-byte.txt
: >art/empty.txt
printf 'No newline at the end' >art/no-newline.txt
printf 'Windows lines.\r\nSecond one.\r\n' >art/crlf.txt
printf '\357\273\277A byte-order mark. Then text.\n' >art/bom.txt
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "word%d ", i; print "" }' >art/huge-line.txt
printf -- '---\ntitle: [unclosed\n---\nBody here.\n' >art/front-broken.md
printf -- '---\ntitle: x\nBody with no end of front matter.\n' >art/front-open.md
{ printf -- '---\ntitle: '; awk 'BEGIN { for (i = 0; i < 20000; i++) printf "["; for (i = 0; i < 20000; i++) printf "]"; print "" }'; printf -- '---\nBody.\n'; } >art/front-deep.md
{ printf -- '---\n'; awk 'BEGIN { for (i = 0; i < 3000; i++) { for (j = 0; j < i; j++) printf " "; print "k" i ":" } }'; printf -- '---\nBody.\n'; } >art/front-indent.md
printf -- '---\ntitle: &a [*a]\nx: *b\n---\nBody.\n' >art/front-alias.md
printf '<html><body><p>Hi there.<script>var x' >art/page-open-script.html
printf '<html><body>%s' "$(awk 'BEGIN { for (i = 0; i < 20000; i++) printf "<div><span>w " }')" >art/page-deep.html
printf '\037\213 not really gzip' >art/bad.txt.gz
printf '\377\376H\000i\000.\000' >art/utf16.txt
for f in art/*; do
	why=
	run_err lede-split "$f"
	[ "$status" -le 2 ] || why="exit $status (a crash?)"
	bad=$(awk -v f="$f" 'index($0, "lede-split: " f ":") != 1' "$tmp/err")
	[ -z "$bad" ] || why="$why; a line that does not name the file: $bad"
	if [ -s "$tmp/out" ] && ! lede-pick -r "$tmp/out" >/dev/null 2>"$tmp/pick.err"; then
		why="$why; a record that is not well formed: $(head -n 1 "$tmp/pick.err")"
	fi
	check_same "hostile article ${f#art/}: lede-split" "$why" ""
done

# ---- (b) hostile file names: nothing runs, every doc named as given.
CANARY=$tmp/canary
export CANARY
mkdir names names/-dir
for n in 'sp ace' "$(printf 'new\nline')" "quo'te" 'dq"uote' '$(touch $CANARY)' \
    '`touch $CANARY`' 'a;touch $CANARY;b' 'a|touch $CANARY' 'a&&touch $CANARY' \
    '$CANARY' 'gl*ob?[x]' "bad$(printf '\377')byte" 'back\slash' "tab$(printf '\t')x" \
    -dash '--' '-n' '%s%n' '<b>tag'; do
	printf 'An article by %s. It is fine.\n' "$(printf '%s' "$n" | tr -d '\n\377')" >"names/$n.txt"
done
echo 'The one in a -dir. Done.' >names/-dir/x.txt
docs() { sed -n 's/^{"doc":"\(\([^"\\]\|\\.\)*\)".*/\1/p' "$@" | sort -u; }
run_err lede-split names
check_same "hostile names: lede-split reads every file" "$(docs "$tmp/out" | wc -l | tr -d ' ')" 20
check_same "hostile names: lede-split warns of the name that is not UTF-8, only" "$status:$err" \
    "0:lede-split: names/bad$(printf '\377')byte.txt: name is not UTF-8; its doc has U+FFFD"
docs "$tmp/out" >split.docs
check "hostile names: lede-split runs nothing" test ! -e "$CANARY"
if command -v parallel >/dev/null 2>&1; then
	. "$top/tests/data/batch/setup.sh"
	run_err "$batch" -j 2 --shard-size 3 --report -o bout names
	check_same "hostile names: lede-batch exit 0" "$status" 0
	cat bout/shard-*.jsonl | docs >batch.docs
	check_file "hostile names: lede-batch names the docs as lede-split does" batch.docs split.docs
	check "hostile names: lede-batch runs nothing" test ! -e "$CANARY"
	check "hostile names: the report of lede-batch is written" test -s bout/report.html
	# As operands, a -dir and -names too: lede-split -- and lede-batch
	# name them alike (-dir/x.txt, not ./-dir/x.txt).
	(cd names && lede-split -- -dir -dash.txt '$(touch $CANARY).txt' '`touch $CANARY`.txt' 'gl*ob?[x].txt' 2>/dev/null) |
	    docs >split2.docs
	(cd names && "$batch" -j 1 -o ../bout2 -- -dir -dash.txt '$(touch $CANARY).txt' '`touch $CANARY`.txt' 'gl*ob?[x].txt' 2>/dev/null)
	cat bout2/shard-*.jsonl | docs >batch2.docs
	check_file "operands that start with -: lede-batch names them as lede-split does" batch2.docs split2.docs
	check "hostile operands: nothing runs" test ! -e "$CANARY"
else
	for t in "exit 0" "names" "runs nothing" "report" "operands" "operands run nothing"; do
		skip "hostile names: lede-batch $t" "GNU parallel is not installed"
	done
fi
# A hostile --doc and -o: taken as data.
run_err lede-split --doc '$(touch $CANARY)' names/-dash.txt
check_same "--doc with a payload: the doc as given" "$(docs "$tmp/out")" '$(touch $CANARY)'
check "--doc: nothing runs" test ! -e "$CANARY"

# ---- (c) hostile report fields, rendered by Chromium.
browser=
for b in chromium chromium-browser; do
	command -v "$b" >/dev/null 2>&1 && browser=$b && break
done
if [ -n "$browser" ]; then
	# pay FIELD: a payload in every form the page could fall for, each
	# of which sets the title to xFIELD if it runs, with U+202E in it.
	pay() {
		printf '%s' "\\u202e$1 \\\"'><svg onload=title='x$1'><img src=x onerror=title='x$1'>" \
		    "</title></style></textarea></script><script>title='x$1'</script>" \
		    "<!--<script>title='x$1'</script>--> ]]> \\u2028 javascript:title='x$1' {{x$1}} \${x$1}"
	}
	cat >fields.jsonl <<EOF
{"doc":"$(pay doc)","n":1,"para":1,"start":0,"end":31,"text":"\u201cHi there,\u201d said X Y on Friday. $(pay text)","dct":"2025-11-13T$(pay dct)","meta":{"source":"$(pay source)","title":"$(pay title)","author":"$(pay author)","url":"javascript:title='xurl'"},"entities":[{"start":17,"end":20,"text":"$(pay etext)","type":"$(pay etype)","id":"$(pay eid)"}],"dates":[{"start":24,"end":30,"text":"$(pay dtext)","type":"DATE","value":"2025-11-14T$(pay dvalue)"}],"quotes":[{"start":1,"end":9,"text":"$(pay qtext)","speaker":"$(pay speaker)","verb":"$(pay verb)","kind":"full","mention":{"n":1,"start":17,"end":20,"text":"$(pay mention)"}}]}
{"doc":"dir/$(pay doc2)","n":1,"para":1,"start":0,"end":31,"text":"\u201cHi there,\u201d said X Y on Friday.","dct":"2025-11-14","meta":{"source":"$(pay source2)"},"entities":[{"start":17,"end":20,"text":"X Y","type":"PERSON","id":"$(pay eid2)"}],"quotes":[{"start":1,"end":9,"text":"Hi there","speaker":"$(pay speaker)","verb":"said","kind":"full"}],"dup_of":{"doc":"$(pay doc)","n":1,"sim":"$(pay sim)"}}
EOF
	run_err lede-report --title "Hostile" fields.jsonl
	check_same "hostile fields: lede-report exit 0" "$status:$err" "0:"
	# After load and the page's timers: the title, every on... attribute
	# and every element of a kind that loads or runs, the fields whose
	# payload is on the page as text, and each U+202E that no bdi or
	# unicode-bidi: isolate keeps from the page's own text.  (An SVG text
	# element is a bidi paragraph of its own.)
	cat >checker.js <<'EOF'
addEventListener('load',function(){setTimeout(function(){
var bad=[],all=document.body.textContent,shown=[],loose=0;
document.querySelectorAll('body *').forEach(function(e){
Array.prototype.forEach.call(e.attributes,function(a){all+=' '+a.value;if(/^on/i.test(a.name)||/^\s*javascript:/i.test(a.value))bad.push(e.tagName+'.'+a.name);});
if(/^(img|iframe|object|embed|image|foreignobject|video|audio|base|form|link|meta|style)$/i.test(e.tagName))bad.push(e.tagName);});
var tw=document.createTreeWalker(document.body,4),n;
while((n=tw.nextNode())){if(n.data.indexOf('\u202e')<0||n.parentNode.closest('script,style'))continue;
var ok=0;for(var p=n.parentNode;p&&p!==document.body;p=p.parentNode){var u=getComputedStyle(p).unicodeBidi;
if(p.tagName==='BDI'||p.tagName==='text'||/isolate|plaintext/.test(u)){ok=1;break;}if(/^(block|table-cell|list-item|flex|grid)/.test(getComputedStyle(p).display))break;}
if(!ok){loose++;if(loose<4)bad.push('bidi:'+n.parentNode.tagName+':'+n.data.slice(0,20));}}
FIELDS.split(' ').forEach(function(f){if(all.indexOf("title='x"+f+"'")>=0)shown.push(f);});
document.body.setAttribute('data-check','title='+document.title+' scripts='+document.scripts.length+' bad='+bad.join(',')+' shown='+shown.join(','));
},300);});
EOF
	# (the page shows each of these; not an entity's text, the record's
	# own words are marked; nor more than 20 bytes of dup_of.sim)
	shown="doc doc2 text source source2 title eid eid2 dvalue qtext speaker mention"
	{ cat "$tmp/out"; printf '<script>'; sed "s/FIELDS/'$shown'/" checker.js; printf '</script>\n'; } >fields.html
	mkdir -p profile
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	    --disable-background-networking --disable-component-update --disable-sync \
	    --disable-extensions --user-data-dir="$tmp/profile" --virtual-time-budget=3000 \
	    --dump-dom "file://$tmp/fields.html" >fields.dom 2>/dev/null
	got=$(grep -o 'data-check="[^"]*"' fields.dom)
	check_same "hostile fields: nothing runs, nothing is injected, U+202E is isolated" \
	    "$(printf '%s' "$got" | sed 's/ shown=.*//')" 'data-check="title=Hostile scripts=2 bad='
	for f in $shown; do
		case " ${got#* shown=}" in
		*[\ ,]$f[,\"]*) ok 0 "hostile fields: $f is shown, as text" ;;
		*) ok 1 "hostile fields: $f is shown, as text"; echo "# $got" ;;
		esac
	done
else
	skip "hostile fields in Chromium" "chromium is not installed (Debian package chromium)"
fi

# ---- (d) a full disk, for every program: exit 2 and what failed.
if [ -w /dev/full ]; then
	echo 'Hello there. Bye.' >one.txt
	echo "$good1" >one.jsonl
	for p in split $readers; do
		in=one.jsonl
		[ $p = split ] && in=one.txt
		for o in "" -u; do
			run_err sh -c "lede-$p $o $in >/dev/full"
			check_same "a full disk: lede-$p $o" "$status:$err" "2:lede-$p: stdout: No space left on device"
		done
	done
else
	skip "a full disk" "no /dev/full"
fi
# (the batch on a tmpfs that fills up is tests/6004-batch-full.t)

# ---- (d) kill -9 at a few points of a batch; --resume is a clean run.
if [ -n "${batch-}" ]; then
	mkdir kin
	i=0
	for f in "$top"/examples/articles/*.txt; do
		i=$((i + 1))
		cp "$f" "kin/$i.txt"
		cp "$f" "kin/copy $i.txt"
	done
	# The pipeline stops, while the file hold.N is there, in the shard
	# of N.txt: shards of 2, in byte order: 1 2, 3 4, 5 "copy 1", ...
	cat >hold.sh <<EOF
for f; do
	while [ -e "$tmp/hold.\$(basename "\$f" .txt)" ]; do sleep 0.05; done
done
lede-split -- "\$@" | lede-tag-entities | lede-extract-dates | lede-extract-quotes
EOF
	run_err "$batch" -p hold.sh -j 1 --shard-size 2 --report -o kclean kin
	check_same "kill -9: a clean run" "$status" 0
	# kill9 WHEN: the run, as a group, killed at WHEN: in shard 1 (no
	# shard done), in shard 3 (two done), at the end (every shard done:
	# the join, the dedupe, the report).
	kill9() {
		rm -rf kint
		case $1 in 1) touch hold.1 ;; 3) touch hold.5 ;; esac
		setsid "$batch" -p hold.sh -j 1 --shard-size 2 --report -o kint kin >/dev/null 2>&1 &
		pid=$!
		i=0
		case $1 in
		1) while [ ! -d kint/.lede-batch ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done; sleep 0.3 ;;
		3) while [ ! -e kint/.lede-batch/shard-000002.done ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done; sleep 0.2 ;;
		end) while [ ! -e kint/.lede-batch/shard-000005.done ] && [ $i -lt 400 ]; do sleep 0.02; i=$((i + 1)); done ;;
		esac
		/bin/kill -s KILL -- -"$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		done=$(cd kint/.lede-batch 2>/dev/null && ls shard-*.done 2>/dev/null | wc -l | tr -d ' ')
		case $1 in 1) want=0 ;; 3) want=2 ;; end) want=5 ;; esac
		check_same "kill -9 in $1: the shards done by then" "$done" "$want"
		rm -f hold.1 hold.5
		flock kint true	# a job left running holds the lock to its end
		run_err "$batch" -p hold.sh -j 1 --shard-size 2 --report -o kint --resume kin
		check_same "kill -9 in $1, --resume: exit 0" "$status" 0
		why=
		for f in kclean/shard-*.jsonl kclean/failed.tsv kclean/repeats.tsv kclean/warnings.tsv; do
			cmp -s "$f" "kint/${f#kclean/}" || why="$why ${f#kclean/}"
		done
		[ "$(cd kint && ls)" = "$(cd kclean && ls)" ] || why="$why (the files: $(cd kint && ls | tr '\n' ' '))"
		check_same "kill -9 in $1, --resume: the files of a clean run" "$why" ""
	}
	kill9 1
	kill9 3
	kill9 end
else
	skip "kill -9 and --resume" "GNU parallel is not installed"
fi

# ---- the time checks: scripts/attack-time, once, small, as a smoke
# test (its figures come from make bench-linear; no timing here).
run_err env BENCH_SMALL=0.01 BENCH_BIG=0.04 FLOOR_MS=2000 LEDE_BIN="$(dirname "$(command -v lede-split)")" \
    sh "$top/scripts/attack-time"
check_same "scripts/attack-time runs every program and shape (small)" "$status:$(grep -c '  linear' "$tmp/out")" "0:19"
done_testing
