#!/bin/sh
# lede-split on hostile input (issue 19): raw-text elements never closed,
# impossible dates, NUL in front matter, unknown keys in -c files.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

# An unclosed raw-text element ends at the next block tag, with a located warning.
for el in script style textarea title; do
	printf '<html><body><article>\n<p>The council met on Tuesday.</p>\n<%s>var x = 1;\n<p>The mayor said the plan would cut costs.</p>\n</article></body></html>\n' "$el" >"$tmp/$el.html"
	run_err lede-split "$tmp/$el.html"
	check_same "<$el> never closed: the text after it kept, a located warning" \
	    "$status:$(jq -r .text "$tmp/out" | tr '\n' '|'):$err" \
	    "0:The council met on Tuesday.|The mayor said the plan would cut costs.|:lede-split: $tmp/$el.html:3: <$el> is not closed: taken to end at the next block tag"
done
printf '<p>Kept one.</p><script>if (a<b) x = "<i>";\n<div>Kept two.</div><script>\n' >"$tmp/two.html"
run_err lede-split "$tmp/two.html"
check_same "inline tags in an unclosed script are its text; one warning for the page" \
    "$status:$(jq -r .text "$tmp/out" | tr '\n' '|'):$err" \
    "0:Kept one.|Kept two.|:lede-split: $tmp/two.html:1: <script> is not closed: taken to end at the next block tag"
printf '<p>One.</p><script>x</script>\n<p>Two.</p>\n' >"$tmp/closed.html"
run_err lede-split "$tmp/closed.html"
check_same "a closed script: no warning" "$status:$(jq -r .text "$tmp/out" | tr '\n' '|'):$err" "0:One.|Two.|:"

done_testing
