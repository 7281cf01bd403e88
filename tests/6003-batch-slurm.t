#!/bin/sh
# lede-batch --slurm for real: a one-node cluster on 127.0.0.1
# (scripts/slurm-onenode); the result equals the local run byte for byte.
. "$(dirname "$0")/lib.sh"
. "$top/tests/data/batch/setup.sh"
onenode=$top/scripts/slurm-onenode

[ "$(id -u)" = 0 ] || skip_all "a one-node Slurm cluster needs root (slurmd runs the jobs)"
need() {
	for c in munged mungekey slurmctld slurmd sbatch squeue sinfo; do
		command -v $c >/dev/null 2>&1 || return 1
	done
}
# Installed when missing, unless LEDE_TEST_NO_INSTALL is set.
if ! need && [ -z "${LEDE_TEST_NO_INSTALL-}" ] && command -v apt-get >/dev/null; then
	"$onenode" install 2>/dev/null
fi
need || skip_all "slurmctld, slurmd, slurm-client or munge missing and cannot be installed"

cd "$tmp" || exit 2
trap '"$onenode" stop "$tmp/sl" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
"$onenode" start "$tmp/sl" > "$tmp/slurm.env" 2> "$tmp/slurm.err" ||
    skip_all "the one-node cluster did not start: $(tail -n 1 "$tmp/slurm.err")"
. "$tmp/slurm.env"
check_same "the cluster is up" "$(sinfo -h -o %T)" idle

mkarticles
run_err "$batch" --shard-size 2 -o local in/a "in/b b"
check_same "local run: exit 1, one failed article" "$status" 1
run_err "$batch" --shard-size 2 -o slurm --slurm in/a "in/b b"
check_same "--slurm: exit 1" "$status" 1
check_same "--slurm: message" "$(nosum)" "lede-batch: 1 article failed: see slurm/failed.tsv"
check_same "--slurm: the same files" "$(cd slurm && ls)" "$(cd local && ls)"
for f in local/shard-*.jsonl local/failed.tsv; do
	check_file "--slurm: ${f#local/} as the local run's" "slurm/${f#local/}" "$f"
done
check_same "--slurm: one array task a shard, and a final job" \
    "$(cd slurm/.lede-batch/slurm && ls)" "final.out
final.sh
task-0.out
task-1.out
task-2.out
task-3.out
task.sh"

# A resumed run submits what is left only.
rm slurm/.lede-batch/shard-000003.keys
run_err "$batch" --shard-size 2 -o slurm --slurm --resume in/a "in/b b"
check_same "--slurm --resume: exit 1" "$status" 1
check_same "--slurm --resume: one task" "$(cat slurm/.lede-batch/todo)" shard-000003
for f in local/shard-*.jsonl; do
	check_file "--slurm --resume: ${f#local/}" "slurm/${f#local/}" "$f"
done

# A task that cannot run: the final job says so, exit 2.
printf 'exit 3\n' > fail.sh
run_err "$batch" -p fail.sh --shard-size 2 -o bad --slurm in/a
check_same "--slurm, a broken pipeline: every article listed, exit 1" \
    "$status $(wc -l < bad/failed.tsv)" "1 3"
done_testing
