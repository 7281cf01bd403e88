# tests/lib.sh: TAP helpers for the shell tests, after mblaze's t/lib.sh.
# Source it from tests/NNNN-name.t; the binaries are on PATH (make check).
LC_ALL=C
export LC_ALL
unset LEDE_DATA
top=$(cd "$(dirname "$0")/.." && pwd)
shared=$top/../shared
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lede-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
ntest=0
nfail=0

plan() { echo "1..$1"; }
skip_all() { echo "1..0 # SKIP $1"; exit 0; }

ok() {	# ok STATUS DESCRIPTION
	ntest=$((ntest + 1))
	if [ "$1" -eq 0 ]; then
		printf 'ok %d - %s\n' "$ntest" "$(printf '%s' "$2" | tr '\n' ' ')"
	else
		printf 'not ok %d - %s\n' "$ntest" "$(printf '%s' "$2" | tr '\n' ' ')"
		nfail=$((nfail + 1))
	fi
}

skip() {	# skip DESCRIPTION REASON
	ntest=$((ntest + 1))
	printf 'ok %d - %s # SKIP %s\n' "$ntest" "$1" "$2"
}

# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() {
	desc=$1
	shift
	if "$@" >"$tmp/check.out" 2>&1; then
		ok 0 "$desc"
	else
		ok 1 "$desc"
		sed 's/^/# /' "$tmp/check.out"
	fi
}

# check_same DESCRIPTION GOT WANT: compares two strings.
check_same() {
	if [ "$2" = "$3" ]; then
		ok 0 "$1"
	else
		ok 1 "$1"
		printf '# got:  %s\n# want: %s\n' "$2" "$3" | head -40
	fi
}

# check_file DESCRIPTION GOT_FILE WANT_FILE: compares two files with cmp.
check_file() {
	if cmp -s "$2" "$3"; then
		ok 0 "$1"
	else
		ok 1 "$1"
		diff "$3" "$2" | head -40 | sed 's/^/# /'
	fi
}

# run_err COMMAND...: runs it with stdout to $tmp/out, stderr to $tmp/err,
# and sets $status, $err (stderr's text).
run_err() {
	set +e
	"$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	err=$(cat "$tmp/err")
}

# check_fail DESCRIPTION STATUS STDERR COMMAND...: exit status and exact stderr.
check_fail() {
	desc=$1 want_status=$2 want_err=$3
	shift 3
	run_err "$@"
	check_same "$desc: exit status" "$status" "$want_status"
	check_same "$desc: message" "$err" "$want_err"
}

done_testing() {
	echo "1..$ntest"
	[ "$nfail" -eq 0 ]
}
