#!/bin/sh
# lede-batch --sshlogin for real: sshd on a loopback port with a
# throw-away key; the result equals the local run byte for byte.
. "$(dirname "$0")/lib.sh"
. "$top/tests/data/batch/setup.sh"

# sshd, ssh and rsync (parallel moves the files with it); installed when
# missing if we are root with apt-get, unless LEDE_TEST_NO_INSTALL is set.
need() {
	[ -x /usr/sbin/sshd ] && command -v ssh >/dev/null && command -v ssh-keygen >/dev/null &&
	    command -v rsync >/dev/null
}
if ! need && [ "$(id -u)" = 0 ] && [ -z "${LEDE_TEST_NO_INSTALL-}" ] &&
    command -v apt-get >/dev/null; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    openssh-server openssh-client rsync >/dev/null 2>&1 ||
	{ apt-get update -qq >/dev/null 2>&1 &&
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    openssh-server openssh-client rsync >/dev/null 2>&1; }
fi
need || skip_all "sshd, ssh or rsync missing and cannot be installed (apt-get install openssh-server rsync)"

# A free port on 127.0.0.1.
port=22220
while (ss -ltnH 2>/dev/null || netstat -ltn 2>/dev/null) | grep -q "[:.]$port "; do
	port=$((port + 1))
	[ $port -lt 22320 ] || skip_all "no free port for sshd"
done
mkdir "$tmp/ssh"
ssh-keygen -q -t ed25519 -N '' -f "$tmp/ssh/hostkey" || skip_all "ssh-keygen failed"
ssh-keygen -q -t ed25519 -N '' -f "$tmp/ssh/userkey" || skip_all "ssh-keygen failed"
cp "$tmp/ssh/userkey.pub" "$tmp/ssh/authorized_keys"
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd
trap '[ -n "${PARALLEL_SSH-}" ] && $PARALLEL_SSH -O exit lede-loop 2>/dev/null
    [ -s "$tmp/ssh/sshd.pid" ] && kill "$(cat "$tmp/ssh/sshd.pid")"; rm -rf "$tmp"' EXIT
sshd() {
	/usr/sbin/sshd -f /dev/null -o Port=$port -o ListenAddress=127.0.0.1 \
	    -o HostKey="$tmp/ssh/hostkey" -o PidFile="$tmp/ssh/sshd.pid" \
	    -o AuthorizedKeysFile="$tmp/ssh/authorized_keys" -o StrictModes=no \
	    -o UsePAM=no -o PermitRootLogin=prohibit-password -o MaxStartups=100 \
	    -o MaxSessions=100 -o LogLevel=VERBOSE -E "$tmp/ssh/sshd.log" "$@"
}
# The sessions' HOME is an empty folder: parallel runs a dozen commands
# a shard through the user's shell, which need not read the user's
# ~/.bashrc for each (here a pyenv init, half a second).  The sessions
# still start in the user's home folder, where parallel's --workdir goes
# and nothing must be left.  An sshd older than SetEnv (OpenSSH 8.7)
# starts without it.
# Each session also says something on stderr first, as a login shell's
# setup may (a pyenv rehash message once failed this test in CI):
# lede-batch passes it on, and only its own lines are compared.
mkdir "$tmp/ssh/home"
noise='echo "lede-test: noise from the login shell" >&2; eval "$SSH_ORIGINAL_COMMAND"'
sshd -o SetEnv=HOME="$tmp/ssh/home" -o ForceCommand="$noise" 2>/dev/null ||
    sshd -o ForceCommand="$noise" ||
    skip_all "sshd did not start: $(tail -n 1 "$tmp/ssh/sshd.log" 2>/dev/null)"
cat > "$tmp/ssh/config" <<EOC
Host lede-loop
	HostName 127.0.0.1
	Port $port
	User $(id -un)
	IdentityFile $tmp/ssh/userkey
	IdentitiesOnly yes
	StrictHostKeyChecking no
	UserKnownHostsFile /dev/null
	LogLevel ERROR
	BatchMode yes
	# One connection, made once, carries every session (parallel opens
	# a dozen a shard); its key exchange the quicker one.
	ControlMaster auto
	ControlPath $tmp/ssh/master
	ControlPersist 60
	KexAlgorithms curve25519-sha256@libssh.org
EOC
PARALLEL_SSH="ssh -F $tmp/ssh/config"
export PARALLEL_SSH
i=0
until $PARALLEL_SSH lede-loop true 2>"$tmp/ssh/err"; do
	i=$((i + 1))
	[ $i -lt 20 ] || skip_all "sshd does not answer: $(tail -n 1 "$tmp/ssh/err")"
	sleep 0.2
done

cd "$tmp" || exit 2
mkarticles
run_err "$batch" --shard-size 3 -o local in/a "in/b b"
check_same "local run: exit 1, one failed article" "$status" 1
run_err "$batch" --shard-size 3 -o remote --sshlogin lede-loop in/a "in/b b"
check_same "--sshlogin: exit 1" "$status" 1
check_same "--sshlogin: message" "$(grep '^lede-batch: ' "$tmp/err" | grep -v ' articles read, ')" "lede-batch: 1 article failed: see remote/failed.tsv"
check "--sshlogin: the sessions' noise came through" grep -q '^lede-test: noise' "$tmp/err"
check_same "--sshlogin: the same files" "$(cd remote && ls)" "$(cd local && ls)"
for f in local/shard-*.jsonl local/failed.tsv; do
	check_file "--sshlogin: ${f#local/} as the local run's" "remote/${f#local/}" "$f"
done
# The host and this machine (:) together.
run_err "$batch" --shard-size 3 -o mixed --sshlogin lede-loop,: in/a "in/b b"
check_same "--sshlogin with : exit 1" "$status" 1
for f in local/shard-*.jsonl local/failed.tsv; do
	check_file "--sshlogin with : ${f#local/} as the local run's" "mixed/${f#local/}" "$f"
done
check_same "--sshlogin: the jobs ran through sshd" \
    "$(grep -c 'Starting session: \(forced-\)\{0,1\}command' "$tmp/ssh/sshd.log" | sed 's/^[0-9]\{2,\}$/many/')" many
# --meta travels with the jobs: the rows by the paths as given.
printf 'path\tdct\tsource\nin/a/one.txt\t2001-02-03\tTable\n' > meta.tsv
run_err "$batch" --shard-size 3 -o mlocal --meta meta.tsv --source-from-dir in/a
run_err "$batch" --shard-size 3 -o mremote --sshlogin lede-loop --meta meta.tsv --source-from-dir in/a
check_same "--sshlogin --meta: exit 0" "$status" 0
cat mremote/shard-*.jsonl > mremote.jsonl
check_file "--sshlogin --meta: the records as the local run's" mremote.jsonl "$(cat mlocal/shard-*.jsonl > mlocal.jsonl && echo mlocal.jsonl)"
check_same "--sshlogin --meta: the table's row and the folder's name" \
    "$(jq -r '[.doc, .dct // "-", .meta.source] | @tsv' mremote.jsonl | sort -u | tr '\t\n' ', ')" \
    "in/a/caf$(printf '\303\251').txt,-,a in/a/one.txt,2001-02-03,Table in/a/two words.txt,-,a "
check_same "--sshlogin: nothing left on the host" "$(ls -A ~/.parallel/tmp 2>/dev/null | grep -v '^sshlogin$' | grep -c lede-loop)" 0
done_testing
