# tests/data/batch/setup.sh: sourced by tests/6*-batch*.t after lib.sh.
# A copy of the programs with lede-batch beside them in $tmp/bin (the
# script takes the programs next to itself, so the test and the script
# use the same ones; data/ beside bin/ as in the build tree), and articles under $tmp/in with hard names.
command -v parallel >/dev/null 2>&1 ||
    skip_all "GNU parallel is not installed (apt-get install parallel)"
mkdir "$tmp/bin"
for p in split tag-entities extract-dates extract-quotes dedupe; do
	p=$(command -v lede-$p) || skip_all "lede-$p is not built"
	cp "$p" "$tmp/bin/"
done
cp "$top/scripts/lede-batch" "$top/scripts/lede-batch-job" "$tmp/bin/"
batch=$tmp/bin/lede-batch
PATH=$tmp/bin:$PATH
ln -s "$top/data" "$tmp/data"
export PATH

# mkarticles: in/a and "in/b b", a space, a newline and UTF-8 in names,
# one article twice, a dangling link that fails.
mkarticles() {
	set -- "$top"/examples/articles/*.txt
	mkdir -p "$tmp/in/a" "$tmp/in/b b"
	cp "$1" "$tmp/in/a/one.txt"
	cp "$2" "$tmp/in/a/two words.txt"
	cp "$3" "$tmp/in/a/caf$(printf '\303\251').txt"
	cp "$4" "$tmp/in/b b/$(printf 'new\nline').md"
	cp "$1" "$tmp/in/b b/copy of one.txt"
	cp "$5" "$tmp/in/b b/z.txt"
	ln -s nowhere "$tmp/in/b b/broken.txt"
}

# nosum: the standard error of the last run_err without lede-batch's
# summary line (its last line, when it is one); sumline: that line, its
# time and rate made T and R.
sumre='^lede-batch: [0-9]+ articles? read, [0-9]+ records, [0-9]+ failed, [0-9]+ repeats, [0-9]+ warnings, [0-9]+\.[0-9] s, [0-9]+\.[0-9]{2} MB/s$'
nosum() { sed '$d' "$tmp/err"; tail -n 1 "$tmp/err" | grep -Ev "$sumre"; }
sumline() { tail -n 1 "$tmp/err" | grep -E "$sumre" | sed -E 's/[0-9.]+ s, [0-9.]+ MB\/s$/T s, R MB\/s/'; }
