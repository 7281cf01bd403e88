#!/bin/sh
# The man pages lint clean, and every command in their EXAMPLES runs:
# each "$ command" line of a literal display there, from the top of the
# tree, must exit 0 and print nothing on standard error (but the one
# summary line that ends every lede-batch run).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
if command -v mandoc >/dev/null 2>&1; then
	for page in man/*.[1-9]; do
		check "mandoc -T lint $page" mandoc -T lint -W warning "$page"
	done
else
	skip "mandoc -T lint" "mandoc is not installed"
fi
for page in man/*.[1-9]; do
	awk '/^\.Sh / { ex = ($2 == "EXAMPLES") } ex && /^\$ / { sub(/^\$ /, ""); print }' "$page" |
	sed 's/\\e/\\/g; s/\\&//g' >"$tmp/examples"
	while IFS= read -r cmd; do
		run_err sh -c "$cmd"
		err=$(printf '%s\n' "$err" | grep -Ev '^lede-batch: [0-9]+ articles read, ' || :)
		if [ "$status" -eq 0 ] && [ -z "$err" ] && [ -s "$tmp/out" ]; then
			ok 0 "$page example: $cmd"
		else
			ok 1 "$page example: $cmd"
			echo "# exit $status, output $(wc -c <"$tmp/out") bytes"
			sed 's/^/# /' "$tmp/err" | head -n 5
		fi
	done <"$tmp/examples"
done
done_testing
