#!/bin/sh
# make install puts the programs, man pages and data under a prefix, and
# the installed programs find their data there.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
# -o all: make check has built bin/, and the other tests run beside this
# one; a relink here (a clock step is enough) leaves a program that
# cannot be run for the moment the linker writes it.
run_err make -s -o all install PREFIX="$tmp/inst"
check_same "make install" "$status" 0
check "programs installed" test -x "$tmp/inst/bin/lede-split"
check "man pages installed" test -f "$tmp/inst/share/man/man1/lede-split.1" -a -f "$tmp/inst/share/man/man7/lede.7"
check "data installed" test -f "$tmp/inst/share/lede/en/split.yaml"
cp -r examples/articles "$tmp/articles"
cd "$tmp" || exit 2
lede-split articles >"$tmp/want"
run_err env -u LEDE_DATA "$tmp/inst/bin/lede-split" articles
check_same "the installed program finds its data" "$status:$err" "0:"
check_file "and gives what the build tree gives" "$tmp/out" "$tmp/want"
cd "$top" || exit 2
run_err make -s uninstall PREFIX="$tmp/inst"
check_same "make uninstall removes them" "$status:$(find "$tmp/inst" -type f | wc -l | tr -d ' ')" "0:0"
done_testing
