#!/bin/sh
# lede-split: articles saved as HTML (.html, .htm, -H).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

page=tests/data/split-page.html
lede-split "$page" | jq -r .text >"$tmp/texts" 2>&1
cat >"$tmp/want" <<'X'
Petro rejects the claim
13 Nov
BOGOTÁ — Colombian President Gustavo Petro said on Thursday that the strikes were “illegal” & wrong.
He added:
“We will not accept it,” Petro told reporters.
Café é &bogus; a < b
X
check_file "the page's text: tags, head, scripts, nav, aside, footer and comments left out" "$tmp/texts" "$tmp/want"
check_same "one paragraph a block, sentences within it; the menu's two lines are boilerplate" \
    "$(lede-split "$page" | jq -r .para | tr '\n' ' ')" "3 4 5 6 7 7 "
check_same "offsets count the code points of the text" \
    "$(lede-split "$page" | jq -r '"\(.start)-\(.end)"' | head -n 3 | tr '\n' ' ')" "11-34 35-41 42-142 "
check_same "the date of the published_time meta" "$(lede-split "$page" | jq -r .dct | sort -u)" "2025-11-14"
check_same "-H reads the standard input as HTML" "$(lede-split -H < "$page" | jq -r .text)" "$(cat "$tmp/want")"
cp "$page" "$tmp/page.htm"
check_same ".htm is HTML too" "$(lede-split "$tmp/page.htm" | jq -r .text)" "$(cat "$tmp/want")"

printf '<p>Filed on <time datetime="2024-02-29T10:00">Thursday</time>.</p>\n<p>More &#x1F600; and &#0; and &#99999999;.</p>' >"$tmp/time.html"
check_same "the first <time datetime> when no meta gives the date" \
    "$(lede-split "$tmp/time.html" | jq -r .dct | sort -u)" "2024-02-29"
check_same "numeric references, out of range ones as U+FFFD" \
    "$(lede-split "$tmp/time.html" | jq -r .text | tail -n 1)" "More 😀 and � and �."
check_same "the page's own date wins over -d" "$(lede-split -d 2020-01-02 "$tmp/time.html" | jq -r .dct | sort -u)" "2024-02-29"
printf '<p>Filed on Thursday.</p>\n' >"$tmp/nodate.html"
check_same "-d fills in a page with no date" "$(lede-split -d 2020-01-02 "$tmp/nodate.html" | jq -r .dct | sort -u)" "2020-01-02"

printf '<p>kept</p>\n<p>as text</p>\n' >"$tmp/page.txt"
check_same "a .txt file is text, tags and all" "$(lede-split "$tmp/page.txt" | jq -r .text | tr '\n' '|')" "<p>kept</p>|<p>as text</p>|"

printf '<p>One.</p><svg><p>Menu</p>\n<p>Lost?</p>\n' >"$tmp/open.html"
run_err lede-split "$tmp/open.html"
check_same "an element left out and never closed: a warning, the text before it" \
    "$status:$(jq -r .text "$tmp/out"):$err" \
    "0:One.:lede-split: $tmp/open.html:1: <svg> is not closed: the text after it is left out"

printf '<p>caf\351 <b>bold</b></p>' >"$tmp/latin1.html"
run_err lede-split "$tmp/latin1.html"
check_same "invalid UTF-8 in a page is mended as in text" "$status:$(jq -r .text "$tmp/out")" "0:caf� bold"

mkdir "$tmp/data"
cp -R data/. "$tmp/data/"
printf 'blocks: [p\ndrop: [nav]\n' >"$tmp/data/html.yaml"
run_err env LEDE_DATA="$tmp/data" lede-split "$page"
check_same "a bad html.yaml: FILE:LINE:COL, exit 2" "$status:$(echo "$err" | sed "s|$tmp/||")" \
    "2:lede-split: data/html.yaml:2:5: did not find expected ',' or ']' while parsing a flow sequence"
printf 'blocks: p\n' >"$tmp/data/html.yaml"
run_err env LEDE_DATA="$tmp/data" lede-split "$page"
check_same "html.yaml: blocks must be a list" "$status:$(echo "$err" | sed "s|$tmp/||")" \
    "2:lede-split: data/html.yaml:1:9: blocks should be a list"
run_err env LEDE_DATA="$tmp/data" lede-split tests/data/split-front.txt
check_same "html.yaml is read only for a page" "$status" "0"
done_testing
