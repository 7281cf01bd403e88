#!/bin/sh
# lede-batch on this machine: shards, failures, resume, the sharded dedupe.
. "$(dirname "$0")/lib.sh"
ex=$top/examples/articles

. "$top/tests/data/batch/setup.sh"

# The folders: names with spaces, a newline and UTF-8; a duplicate
# article across folders; a dangling link that cannot be read.
cd "$tmp" || exit 2
mkdir -p in/a "in/b b" in/a/.hidden
set -- "$ex"/*.txt
cp "$1" in/a/one.txt
cp "$2" "in/a/two words.txt"
cp "$3" "in/a/caf$(printf '\303\251').txt"
cp "$4" "in/b b/$(printf 'new\nline').md"
cp "$1" "in/b b/copy of one.txt"
cp "$5" "in/b b/z.txt"
cp "$5" in/a/.hidden/skipped.txt
echo 'not an article' > in/a/notes.csv

# What one process gives: each folder's files in byte order.
for d in in/a "in/b b"; do
	find "$d" -name .hidden -prune -o -type f \( -name '*.txt' -o -name '*.md' \) -print0 |
	    sort -z | xargs -0 lede-split --
done 2>/dev/null | lede-tag-entities | lede-extract-dates | lede-extract-quotes 2>/dev/null > ref.jsonl
lede-dedupe -M -b doc ref.jsonl > ref-dedupe.jsonl
lede-dedupe -b doc ref.jsonl > ref-drop.jsonl

# Options and operands.
check_fail "bad option" 2 "lede-batch: unknown option -x
usage: lede-batch [-j N] [-o outdir] [-p pipeline] [-D opts] [--shard-size files] [--resume] [--report] [--meta table] [--source-from-dir] [-S hosts | --slurm] dir | file ..." \
    "$batch" -x in
check_fail "bad long option" 2 "lede-batch: unknown option --frob
usage: lede-batch [-j N] [-o outdir] [-p pipeline] [-D opts] [--shard-size files] [--resume] [--report] [--meta table] [--source-from-dir] [-S hosts | --slurm] dir | file ..." \
    "$batch" --frob in
check_fail "no operand" 2 "usage: lede-batch [-j N] [-o outdir] [-p pipeline] [-D opts] [--shard-size files] [--resume] [--report] [--meta table] [--source-from-dir] [-S hosts | --slurm] dir | file ..." \
    "$batch" -o res
check_fail "-j not a number" 2 "lede-batch: -j 0: not a number from 1 to 4096" "$batch" -j 0 in
check_fail "--shard-size not a number" 2 "lede-batch: --shard-size 1x: not a number from 1 to 100000" "$batch" --shard-size 1x in
check_fail "missing folder" 2 "lede-batch: nosuch: No such file or directory" "$batch" -o res nosuch
check_fail "unknown program" 2 "lede-batch: lede-frobnicate: program not found" "$batch" -o res -p split,frobnicate in
check_fail "bad dedupe options" 2 "lede-batch: -D -b page: --by is neither record nor doc: page" "$batch" -o res -D '-b page' in
run_err "$batch" --shard-size 2 -o emptyd -D '' in/a
check_same "-D '', no options: checked as the jobs will run it" "$status:$(nosum)" "0:"
cat emptyd/shard-*.jsonl > got.jsonl
in_a0() { find in/a -name .hidden -prune -o -type f -name '*.txt' -print0 | sort -z; }
in_a0 | xargs -0 lede-split -- | lede-tag-entities | lede-extract-dates | lede-extract-quotes 2>/dev/null | lede-dedupe > want.jsonl
check_file "-D '': lede-dedupe with no options" got.jsonl want.jsonl
run_err "$batch" --shard-size 2 -o neard -D '--near 0.8' in/a
check_same "-D '--near 0.8' is lede-dedupe's, not an option of lede-batch" "$status:$(nosum)" "0:"
check_same "-D '--near 0.8': the jobs have it" "$(grep '^dedupe=' neard/.lede-batch/job.sh)" "dedupe=(--near 0.8 )"
run_err "$batch" --shard-size 2 -o neard -rD '--near 0.8' in/a
check_same "-rD '--near 0.8', bundled" "$status:$(nosum)" "0:"
check_fail "ssh and slurm" 2 "lede-batch: --sshlogin and --slurm cannot be used together" "$batch" --slurm -S host in
run_err "$batch" --version
check_same "--version" "$status $(cat "$tmp/out")" "0 lede-batch 0.1.0"
run_err "$batch" --help
check_same "--help" "$status $(head -n 1 "$tmp/out")" "0 usage: lede-batch [-j N] [-o outdir] [-p pipeline] [-D opts] [--shard-size files] [--resume] [--report] [--meta table] [--source-from-dir] [-S hosts | --slurm] dir | file ..."

# A clean run: two shards a folder, the first folder's last shard short.
run_err "$batch" -j 2 --shard-size 2 -o res in/a "in/b b"
check_same "clean run: exit 0" "$status" 0
check_same "clean run: one summary line on stderr" "$err" "$(sed -n '$p' "$tmp/err")"
check_same "clean run: the summary's figures" "$(sumline)" \
    "lede-batch: 6 articles read, $(wc -l < ref-dedupe.jsonl) records, 0 failed, 1 repeats, $(wc -l < res/warnings.tsv) warnings, T s, R MB/s"
check_same "clean run: shards" "$(cd res && ls)" "failed.tsv
repeats.tsv
shard-000001.jsonl
shard-000002.jsonl
shard-000003.jsonl
shard-000004.jsonl
warnings.log
warnings.tsv"
cat res/shard-*.jsonl > got.jsonl
check_file "clean run: the shards are the single-process pipeline and dedupe -M -b doc" got.jsonl ref-dedupe.jsonl
check_same "clean run: the repeated article is kept, every record marked" \
    "$(grep -c '"doc":"in/b b/copy of one.txt"' got.jsonl) $(grep '"doc":"in/b b/copy of one.txt"' got.jsonl | grep -c '"dup_of":{"doc":"in/a/one.txt"')" \
    "$(grep -c '"doc":"in/a/one.txt"' ref.jsonl | sed 's/^0$/none/') $(grep -c '"doc":"in/a/one.txt"' ref.jsonl)"
check_same "clean run: the repeat listed in repeats.tsv" "$(cat res/repeats.tsv)" "in/b b/copy of one.txt	in/a/one.txt"
check_same "clean run: a name with a newline" "$(grep -c '"doc":"in/b b/new\\nline.md"' got.jsonl | sed 's/^0$/none/')" \
    "$(grep -c '"doc":"in/b b/new\\nline.md"' ref.jsonl)"
check_same "clean run: no failures" "$(wc -c < res/failed.tsv)" 0
cp -R res clean

# -D '-b doc': repeated articles dropped, and said so.
run_err "$batch" -D '-b doc' -j 2 --shard-size 2 -o drop in/a "in/b b"
check_same "-D '-b doc': exit 0, the drop said" "$status:$(grep -v ' articles read, ' "$tmp/err")" \
    "0:lede-batch: 1 repeated article dropped, listed in drop/repeats.tsv"
cat drop/shard-*.jsonl > got.jsonl
check_file "-D '-b doc': the single-process pipeline and dedupe -b doc" got.jsonl ref-drop.jsonl
check_same "-D '-b doc': the dropped article listed" "$(cat drop/repeats.tsv)" "in/b b/copy of one.txt	in/a/one.txt"
run_err "$batch" -D '' -j 2 --shard-size 2 -o droprec in/a "in/b b"
check_same "-D '': records dropped, said so" "$(grep -v ' articles read, ' "$tmp/err")" \
    "lede-batch: $(wc -l < droprec/repeats.tsv) repeated records dropped, listed in droprec/repeats.tsv"
check_same "-D '': repeats.tsv lists records" "$(head -n 1 droprec/repeats.tsv)" "in/b b/copy of one.txt	1	in/a/one.txt	1"

# -D none: no dedupe, all the records.
run_err "$batch" -D none --shard-size 2 -o nodedupe in/a "in/b b"
cat nodedupe/shard-*.jsonl > got.jsonl
check_file "-D none: the single-process pipeline" got.jsonl ref.jsonl

# Dedupe of sentences with marks, across shards, equals one process.
run_err "$batch" -D '-M' --shard-size 1 -o marked in/a "in/b b"
cat marked/shard-*.jsonl > got.jsonl
lede-dedupe -M ref.jsonl > want.jsonl
check_file "-D -M, a shard an article: equals one lede-dedupe -M" got.jsonl want.jsonl

# Near duplicates across shards, marked, equal one process.
run_err "$batch" -D '-M --near 0.5' --shard-size 1 -o near in/a "in/b b"
cat near/shard-*.jsonl > got.jsonl
lede-dedupe -M --near 0.5 ref.jsonl > want.jsonl
check_file "-D '-M --near', a shard an article: equals one lede-dedupe -M --near" got.jsonl want.jsonl
check "-D '-M --near': some repeats were marked" grep -q dup_of got.jsonl

# A folder that cannot be read is reported, the rest done, exit 1, as
# lede-split does.  Root reads a folder of mode 000: the run is then made
# as nobody, when setpriv can.
mkdir -p ur/a/locked ur/b
cp in/a/one.txt ur/a/one.txt
cp in/a/one.txt ur/a/locked/x.txt
cp "in/a/two words.txt" ur/b/two.txt
chmod 000 ur/a/locked
unpriv=
if [ "$(id -u)" != 0 ]; then
	unpriv=env
elif command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
	chmod a+x "$tmp"
	chmod -R a+rwX ur
	chmod 000 ur/a/locked
	unpriv="setpriv --reuid=$(id -u nobody) --regid=$(id -g nobody) --clear-groups"
	$unpriv test -x "$batch" -a -r "$top/data" -a -w ur || unpriv=
fi
if [ -n "$unpriv" ] && ! $unpriv test -r ur/a/locked; then
	run_err $unpriv "$batch" --shard-size 2 -o ur/out ur/a ur/b
	check_same "unreadable folder: reported, exit 1" "$status:$(nosum)" "1:lede-batch: ur/a/locked: Permission denied
lede-batch: 1 folder could not be read: see ur/out/failed.tsv"
	check_same "unreadable folder: in failed.tsv" "$(cat ur/out/failed.tsv)" "ur/a/locked	Permission denied"
	check_same "unreadable folder: the rest done" "$(cat ur/out/shard-*.jsonl | grep -o '"doc":"[^"]*"' | sort -u)" \
	    '"doc":"ur/a/one.txt"
"doc":"ur/b/two.txt"'
else
	skip "unreadable folder" "no way to make a folder unreadable here (root without setpriv)"
fi
chmod 755 ur/a/locked

# A folder whose name starts with -: its docs are named as lede-split
# names them (-dir/..., not ./-dir/...).
mkdir -- -dash
cp in/a/one.txt -- -dash/one.txt
run_err "$batch" --shard-size 2 -D none -o dash -- -dash
check_same "-dir: exit 0" "$status:$(nosum)" "0:"
lede-split -- -dash | lede-tag-entities | lede-extract-dates | lede-extract-quotes > want.jsonl 2>/dev/null
check_file "-dir: the docs as lede-split names them" dash/shard-000001.jsonl want.jsonl

# -p as a list of programs and as a file.
run_err "$batch" -D none -p split,tag-entities -o list in/a
in_a() { find in/a -name .hidden -prune -o -type f -name '*.txt' -print0 | sort -z; }
in_a | xargs -0 lede-split -- | lede-tag-entities > want.jsonl
cat list/shard-*.jsonl > got.jsonl
check_file "-p list" got.jsonl want.jsonl
printf 'lede-split -- "$@" |\n  lede-tag-entities\n' > pipe.sh
run_err "$batch" -D none -p pipe.sh -o file in/a
cat file/shard-*.jsonl > got.jsonl
check_file "-p file" got.jsonl want.jsonl

# A bad article is listed with its message; the others are all done.
ln -s nowhere in/a/broken.txt
run_err "$batch" --shard-size 2 -o bad in/a "in/b b"
check_same "bad article: exit 1" "$status" 1
check_same "bad article: message" "$(nosum)" "lede-batch: 1 article failed: see bad/failed.tsv"
check_same "bad article: the summary counts it" "$(sumline | grep -o '[0-9]* failed')" "1 failed"
check_same "bad article: failed.tsv" "$(cat bad/failed.tsv)" \
    "in/a/broken.txt	lede-split: in/a/broken.txt: No such file or directory"
cat bad/shard-*.jsonl > got.jsonl
check_file "bad article: the rest is done" got.jsonl ref-dedupe.jsonl
rm in/a/broken.txt

# Warnings go with the article's path in warnings.tsv, not a line of
# an unnamed shard: in a shard of several articles, in a shard run
# article by article (one fails), and named by the program itself.
mkdir -p w
cp in/a/one.txt w/a.txt
printf 'Title\n\nHe said it was fine.\342\200\235 Then more.\n\nAnother para \342\200\235odd.\n' > w/w.txt
cp in/a/one.txt w/z.txt
run_err "$batch" --shard-size 5 -o warn w
want='w/w.txt	lede-extract-quotes: record 2: closing quotation mark with no opening mark
w/w.txt	lede-extract-quotes: record 4: quotation not closed by the end of its paragraph'
check_same "warnings.tsv: path and message" "$(cat warn/warnings.tsv)" "$want"
check_same "warnings: counted in the summary" "$(sumline | grep -o '[0-9]* warnings')" "2 warnings"
ln -s nowhere w/b.txt
run_err "$batch" --shard-size 5 -o warn2 w
check_same "warnings.tsv: a shard done article by article" "$status:$(cat warn2/warnings.tsv)" "1:$want"
rm w/b.txt
printf 'for f; do printf "lede-test: %%s: a warning\\n" "$f" >&2; done\nlede-split -- "$@"\n' > warnpipe.sh
run_err "$batch" -D none --shard-size 5 -p warnpipe.sh -o warn3 w
check_same "warnings.tsv: a program that names the file" "$(cat warn3/warnings.tsv)" "w/a.txt	lede-test: w/a.txt: a warning
w/w.txt	lede-test: w/w.txt: a warning
w/z.txt	lede-test: w/z.txt: a warning"

# Progress on a terminal (script(1) gives the run one): articles and MB,
# a rate and a time left, moving inside a shard, not by shards.
if command -v script >/dev/null 2>&1; then
	printf 'for f; do lede-split -- "$f"; sleep 0.7; done\n' > slowsplit.sh
	script -qec "'$batch' -D none -p slowsplit.sh -s 10 -o prog in/a" /dev/null > tty.out 2>&1
	tr '\r' '\n' < tty.out | sed 's/\x1b\[K//' > tty.lines
	check "progress: articles, MB, rate and time left" \
	    grep -Eq '^lede-batch: [0-9]+/3 articles, [0-9.]+/[0-9.]+ MB, [0-9.]+ MB/s, ETA ' tty.lines
	check "progress: moves inside the one shard" grep -Eq '^lede-batch: [12]/3 articles' tty.lines
	check "progress: ends with the summary" grep -q '^lede-batch: 3 articles read, ' tty.lines
else
	skip "progress on a terminal" "no script(1)"
fi

# Interrupted, then resumed: the same as one clean run.
cat > slow.sh <<EOF
# The first shard (caf\303\251.txt, one.txt) goes quickly, the others slowly.
case "\$1" in */caf*) ;; *) while [ -e "$tmp/slow" ]; do sleep 0.1; done ;; esac
lede-split -- "\$@" | lede-tag-entities | lede-extract-dates | lede-extract-quotes
EOF
touch slow
setsid "$batch" -p slow.sh -j 1 --shard-size 2 -o int in/a "in/b b" >/dev/null 2>&1 &
pid=$!
i=0
while [ ! -e int/.lede-batch/shard-000001.done ] && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
sleep 0.5
# The whole run, as a user's ^C would (setsid made it a group); the job
# parallel was running is in a group of its own, and goes on.
/bin/kill -s TERM -- -"$pid" 2>/dev/null
wait "$pid" 2>/dev/null
sleep 0.3
check_same "interrupted: no shard looks finished" "$(cd int && ls shard-*.jsonl 2>/dev/null | grep -v '\.tmp$')" ""
check_same "interrupted: first shard done, second not" \
    "$(cd int/.lede-batch && ls shard-000001.done shard-000002.done 2>/dev/null)" "shard-000001.done"
ino=$(ls -i int/.lede-batch/shard-000001.jsonl | cut -d' ' -f1)
rm slow
# The job left over holds the folder's lock until it ends.
flock int true
run_err "$batch" -p slow.sh -j 1 --shard-size 2 -o int --resume in/a "in/b b"
check_same "resumed: exit 0" "$status:$(nosum)" "0:"
check_same "resumed: the done shard was kept" "$(ls -i int/.lede-batch/shard-000001.jsonl | cut -d' ' -f1)" "$ino"
for f in clean/shard-*.jsonl clean/failed.tsv; do
	check_file "resumed: ${f#clean/} as a clean run's" "int/${f#clean/}" "$f"
done
run_err "$batch" -j 1 --shard-size 2 -o int --resume in/a "in/b b"
check_same "resume with another pipeline: refused" "$status:$err" \
    "2:lede-batch: int: the pipeline or options differ from the previous run's; run without --resume"

# Two runs into one folder: the second refuses at once, and leaves the
# first one alone, which ends as a clean run.
touch slow
"$batch" -p slow.sh -j 1 --shard-size 2 -o lock in/a "in/b b" >/dev/null 2>&1 &
pid=$!
i=0
while [ ! -e lock/.lede-batch/shard-000001.done ] && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
ls -l --time-style=+%s lock/.lede-batch/shard-000001.* lock/.lede-batch/job.sh > lock.before
start=$(date +%s)
run_err "$batch" -j 1 --shard-size 2 -o lock in/a "in/b b"
check_same "a second run into the folder: refused" "$status:$err" \
    "2:lede-batch: lock: another lede-batch run is writing there; wait for it, or use another -o"
check_same "... at once" "$(( $(date +%s) - start < 10 ))" 1
run_err "$batch" -j 1 --shard-size 2 -o "$tmp/lock/" --resume in/a "in/b b"
check_same "... by another name too, with --resume" "$status:$err" \
    "2:lede-batch: $tmp/lock/: another lede-batch run is writing there; wait for it, or use another -o"
ls -l --time-style=+%s lock/.lede-batch/shard-000001.* lock/.lede-batch/job.sh > lock.after
check_file "... touching nothing of the first run's" lock.after lock.before
rm slow
wait "$pid"
check_same "the first run ends well" "$?" 0
for f in clean/shard-*.jsonl clean/failed.tsv; do
	check_file "the first run: ${f#clean/} as a clean run's" "lock/${f#clean/}" "$f"
done
run_err "$batch" -p slow.sh -j 1 --shard-size 2 -o lock --resume in/a "in/b b"
check_same "the lock goes with the run: the next one goes on" "$status:$(nosum)" "0:"

# --resume sees a changed folder: a new article, a new shard list.
cp "$ex"/*.txt "in/b b/" 2>/dev/null
run_err "$batch" -j 2 --shard-size 2 -o res --resume in/a "in/b b"
run_err "$batch" -j 2 --shard-size 2 -o fresh in/a "in/b b"
for f in fresh/shard-*.jsonl; do
	check_file "resume after a change: ${f#fresh/}" "res/${f#fresh/}" "$f"
done
check_same "resume after a change: same shards" "$(cd res && ls)" "$(cd fresh && ls)"

# A joined shard keeps only its output: when an earlier shard is done
# again and now holds the first copy of one of its articles, it is done
# again too.  Shard 2 (r, s) is joined (s repeats p); then q becomes a
# copy of r, in shard 1, whose list changes while shard 2's does not.
mkdir -p j/1 j/2
cp "$ex/$(ls "$ex" | sed -n 1p)" j/1/p.txt
cp "$ex/$(ls "$ex" | sed -n 2p)" j/1/q.txt
cp "$ex/$(ls "$ex" | sed -n 3p)" j/2/r.txt
cp j/1/p.txt j/2/s.txt
run_err "$batch" -D '-b doc' -j 2 --shard-size 2 -o jres j/1 j/2
check_same "joined shard: marked" "$status:$(ls jres/.lede-batch | grep -c 'joined$')" "0:1"
rm j/1/q.txt
cp j/2/r.txt j/1/q2.txt
run_err "$batch" -D '-b doc' -j 2 --shard-size 2 -o jres --resume j/1 j/2
run_err "$batch" -D '-b doc' -j 2 --shard-size 2 -o jfresh j/1 j/2
for f in jfresh/shard-*.jsonl; do
	check_file "a joined shard done again when an earlier one is: ${f#jfresh/}" "jres/${f#jfresh/}" "$f"
done
check_same "... and r is dropped now" "$(cat jres/shard-000002.jsonl | grep -c r.txt)" 0

# --report: lede-report over every shard, in shard order.
if command -v lede-report >/dev/null 2>&1; then
	run_err "$batch" -j 2 --shard-size 2 -o norep in/a "in/b b"
	want=$status
	run_err "$batch" -j 2 --shard-size 2 -o rep --report in/a "in/b b"
	check_same "--report: the exit status of the run without it" "$status" "$want"
	cat fresh/shard-*.jsonl | lede-report --title "lede-batch: in/a in/b b" > want.html
	check_file "--report: the page of all the shards" rep/report.html want.html
	check_same "--report: no temporary file left" "$(ls rep | grep -c tmp)" 0
	check_same "--report: the repeated article kept and marked is counted as lede-batch counts it" \
	    "$(grep -o '<b>[0-9]*</b><span>repeated articles</span>' rep/report.html)" \
	    "<b>$(wc -l < rep/repeats.tsv)</b><span>repeated articles</span>"
	# Dropped (-D '-b doc'), the repeats are not in the shards: the
	# page lists them from repeats.tsv.
	run_err "$batch" -D '-b doc' -j 2 --shard-size 2 -o droprep --report in/a "in/b b"
	(cd droprep && cat shard-*.jsonl | lede-report --repeats repeats.tsv --title "lede-batch: in/a in/b b") > want.html
	check_file "--report -D '-b doc': the page lists the articles dropped" droprep/report.html want.html
	n=$(wc -l < droprep/repeats.tsv)
	check "... all $n of them" grep -q "<h3>$n repeated articles* dropped</h3>" droprep/report.html
	check "... each named, with the article it repeats, linked" grep -Eq \
	    '<tr><td><em title="in/b b/copy of one.txt"><bdi>copy of one.txt</bdi></em></td><td><a href="#d[0-9]+"><em title="in/a/one.txt"><bdi>one.txt</bdi></em></a></td></tr>' droprep/report.html
else
	skip "--report" "lede-report is not built"
fi

# A file named as an operand is read whatever its name; under a folder,
# gzipped articles are found too.
mkdir -p gz
gzip -c "$ex/$(ls "$ex" | head -n 1)" > gz/g.txt.gz
cp "$ex/$(ls "$ex" | sed -n 2p)" gz/plain.txt
lede-batch -j 1 -o gzout gz/plain.txt >/dev/null 2>&1
check_same "a single file: its records" "$(jq -r .doc gzout/shard-*.jsonl | sort -u)" "gz/plain.txt"
lede-batch -j 1 -o gzout2 gz >/dev/null 2>&1
check_same "a folder: .txt.gz found beside .txt" "$(jq -r .doc gzout2/shard-*.jsonl | sort -u)" "gz/g.txt.gz
gz/plain.txt"

done_testing
