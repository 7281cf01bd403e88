#!/bin/sh
# lede-batch on a disk that fills up: what a shard leaves is complete or
# known incomplete, and --resume redoes the rest (issue 19, #1).  The
# test mounts a small tmpfs of its own, in a mount namespace of its own
# when unshare(1) can make one (then it goes away with the test).
if [ -z "${LEDE_TEST_NS-}" ] && command -v unshare >/dev/null 2>&1; then
	LEDE_TEST_NS=1
	export LEDE_TEST_NS
	if [ "$(id -u)" = 0 ]; then
		unshare -m --propagation private true 2>/dev/null &&
		    exec unshare -m --propagation private sh "$0" "$@"
	else
		unshare -r -m --propagation private true 2>/dev/null &&
		    exec unshare -r -m --propagation private sh "$0" "$@"
	fi
fi
. "$(dirname "$0")/lib.sh"
. "$top/tests/data/batch/setup.sh"
cd "$tmp" || exit 2

mkdir m
mount -t tmpfs -o size=512k tmpfs m 2>/dev/null ||
    skip_all "cannot mount a tmpfs here (needs root or a user namespace)"
trap 'umount m 2>/dev/null; rm -rf "$tmp"' EXIT

# The example articles, one a shard; while the flag is there, the
# second shard and those after it run on a full disk (each fills what
# the one before freed).
mkdir a
i=0
for f in "$top"/examples/articles/*.txt; do
	i=$((i + 1))
	cp "$f" "a/$i.txt"
done
[ $i -ge 4 ] || skip_all "fewer than 4 example articles"
cat > fill.sh <<EOS
case "\$1" in
*/1.txt) ;;
*) [ -e "$tmp/fill" ] && dd if=/dev/zero of="$tmp/m/filler" bs=4096 oflag=append conv=notrunc 2>/dev/null ;;
esac
lede-split -- "\$@" | lede-tag-entities | lede-extract-dates | lede-extract-quotes
EOS
run_err "$batch" -p fill.sh -j 1 --shard-size 1 -o clean a
check_same "a clean run (not on the small disk)" "$status:$(nosum)" "0:"

touch fill
run_err "$batch" -p fill.sh -j 1 --shard-size 1 -o m/out a
check_same "the disk filled up: the run fails, exit 2" "$status" 2
check_same "... and says to resume" "$(tail -n 1 "$tmp/err")" \
    "lede-batch: $((i - 1)) shard jobs failed; run again with --resume"
check_same "... and which article it could not write" "$(grep -c 'is the disk full' "$tmp/err")" "$((i - 1))"
rm fill m/filler
run_err "$batch" -p fill.sh -j 1 --shard-size 1 -o m/out --resume a
check_same "space again, --resume: exit 0" "$status:$(nosum)" "0:"
check_same "--resume: the same files as a clean run" "$(cd m/out && ls)" "$(cd clean && ls)"
for f in clean/shard-*.jsonl clean/failed.tsv; do
	check_file "--resume: ${f#clean/} as a clean run's" "m/out/${f#clean/}" "$f"
done

# A shard's files cut short behind its back (a crash before they reached
# the disk): the mark of a finished shard holds their sizes, and the
# shard is done again.
: > m/out/.lede-batch/shard-000002.keys
truncate -s 100 m/out/.lede-batch/shard-000003.jsonl
echo 'lede-split: a warning' >> m/out/.lede-batch/shard-000004.log
run_err "$batch" -p fill.sh -j 1 --shard-size 1 -o m/out --resume a
check_same "cut short, --resume: exit 0" "$status:$(nosum)" "0:"
check_same "--resume: the shards cut short were done again" "$(cat m/out/.lede-batch/todo)" \
    "shard-000002
shard-000003
shard-000004"
for f in clean/shard-*.jsonl clean/failed.tsv; do
	check_file "--resume after a cut: ${f#clean/} as a clean run's" "m/out/${f#clean/}" "$f"
done
# Full from the start, as in the issue: 4k left, less than the job
# script; then space again, and --resume.
rm -rf m/out
free=$(df -k --output=avail m | tail -n 1)
dd if=/dev/zero of=m/filler bs=1k count=$((free - 4)) 2>/dev/null
run_err "$batch" -p fill.sh -j 1 --shard-size 1 -o m/out a
check_same "full from the start: exit 2" "$status" 2
rm m/filler
run_err "$batch" -p fill.sh -j 1 --shard-size 1 -o m/out --resume a
check_same "full from the start, --resume: exit 0 (the job script cut short is not another run's)" "$status:$(nosum)" "0:"
for f in clean/shard-*.jsonl clean/failed.tsv; do
	check_file "full from the start, --resume: ${f#clean/} as a clean run's" "m/out/${f#clean/}" "$f"
done
done_testing
