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
printf '<p>One.</p><style>x <<p>Two.</p>\n' >"$tmp/lt.html"
check_same "an unclosed raw-text element: a block tag right after a '<' ends it" \
    "$(lede-split -q "$tmp/lt.html" | jq -r .text | tr '\n' '|')" "One.|Two.|"
printf '<p>One.</p><script>x</script>\n<p>Two.</p>\n' >"$tmp/closed.html"
run_err lede-split "$tmp/closed.html"
check_same "a closed script: no warning" "$status:$(jq -r .text "$tmp/out" | tr '\n' '|'):$err" "0:One.|Two.|:"

# Dates: one the calendar has not is refused, located; the ISO forms are taken.
fmdate() { printf -- '---\ntitle: T\ndate: %s\n---\nThe council met.\n' "$1" >"$tmp/fm.txt"; run_err lede-split "$tmp/fm.txt"; }
for d in 2025-13-45 2025-02-30 2025-02-29T10:00 2025-11-13T25:00 2025-11-130 '2025-11-13T'; do
	fmdate "$d"
	check_same "front matter date: $d: a located warning, no dct, meta.date kept" \
	    "$status:$(jq -c '[.dct, .meta.date]' "$tmp/out"):$err" \
	    "0:[null,\"$d\"]:lede-split: $tmp/fm.txt:3: invalid date '$d'"
done
for d in 2024-02-29 2025-11-13T10:00 '2025-11-13 10:00:00 +0000' 2025-11-13T10:00:00.5+01:00 2025-11-13T10:00Z '2025-11-13 (updated)'; do
	fmdate "$d"
	check_same "front matter date: $d: the dct" "$status:$(jq -r .dct "$tmp/out"):$err" "0:${d%"${d#??????????}"}:"
done
printf -- '---\ndate: 2025-02-30\n---\nPARIS \342\200\224 November 13, 2025 \342\200\224 The council met.\n' >"$tmp/fm2.txt"
run_err lede-split "$tmp/fm2.txt"
check_same "a bad front matter date: the dateline gives the dct" "$(jq -r .dct "$tmp/out" | sort -u)" "2025-11-13"
printf 'PARIS \342\200\224 February 30, 2025 \342\200\224 The council met.\n' >"$tmp/dl.txt"
check_same "a dateline with a day its month has not gives no dct" "$(lede-split "$tmp/dl.txt" | grep -c dct)" "0"
printf '<html><head><meta property="article:published_time" content="2025-02-30T10:00"></head><body><p>The council met.</p><p><time datetime="2025-03-01">Then.</time></p></body></html>' >"$tmp/date.html"
check_same "a page's meta date the calendar has not: the next source" "$(lede-split "$tmp/date.html" | jq -r .dct | sort -u)" "2025-03-01"
check_fail "--date the calendar has not" 2 "lede-split: --date is not a date (YYYY-MM-DD): 2025-02-30" lede-split --date 2025-02-30 "$tmp/dl.txt"
check_fail "--date with a bad time" 2 "lede-split: --date is not a date (YYYY-MM-DD): 2025-11-13T99:00" lede-split --date 2025-11-13T99:00 "$tmp/dl.txt"
check_same "--date 2024-02-29" "$(lede-split --date 2024-02-29T10:00Z "$tmp/dl.txt" | jq -r .dct)" "2024-02-29"

# A NUL escaped in a front matter string is kept, as \u0000.
printf -- '---\ntitle: "a\\0b"\n"k\\0y": "c\\0"\n---\nThe council met.\n' >"$tmp/nul.txt"
run_err lede-split "$tmp/nul.txt"
check_same "NUL in front matter strings: kept as \\u0000" "$status:$(head -n 1 "$tmp/out" | jq -c .meta):$err" \
    '0:{"title":"a\u0000b","k\u0000y":"c\u0000"}:'
printf -- '---\ntitle: "a\\0b"\n---\na\0b\nThe council met.\n' >"$tmp/nul2.txt"
check_same "NUL in a front matter title: the headline line is matched whole" \
    "$(lede-split "$tmp/nul2.txt" | jq -c 'select(.headline) | .text')" '"a\u0000b"'

# -c: a key the file has not is refused, as the other programs refuse theirs.
printf 'abbreviations: [Sen]\nabreviations: [Gov]\n' >"$tmp/key.yaml"
check_fail "-c: an unknown key" 2 "lede-split: $tmp/key.yaml:2:1: unknown key 'abreviations'" \
    lede-split -c "$tmp/key.yaml" "$tmp/dl.txt"
printf '[a]: [Sen]\n' >"$tmp/key2.yaml"
check_fail "-c: a key that is not a string" 2 "lede-split: $tmp/key2.yaml:1:1: key is not a string" \
    lede-split -c "$tmp/key2.yaml" "$tmp/dl.txt"
printf 'abbreviations: [Sen]\nboilerplate: ["^Share this"]\nmonths: {sept: 9}\n' >"$tmp/key3.yaml"
run_err lede-split -c "$tmp/key3.yaml" "$tmp/dl.txt"
check_same "-c: known keys are read" "$status:$err" "0:"

done_testing
