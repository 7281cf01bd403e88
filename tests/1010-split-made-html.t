#!/bin/sh
# lede-split on small pages made in the shapes of news sites (WordPress,
# Drupal, AMP, live blogs, bodies split among ads and "Read more" boxes,
# captions and credits, asides, comments, cookie and newsletter boxes,
# paywalls, content lists, bylines and datelines, pages without
# <article>, <br><br> paragraphs, class names in other languages, the
# title in <title>, og:title, <h1> or a <b>, dates in <meta>, JSON-LD,
# <time> or the byline): each page's headline, dct and article text,
# one paragraph a line, as tests/data/made-html/NAME.want gives them.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

# got PAGE: the page's headline, dct and paragraphs of article text
got() {
	lede-split -q "$1" | jq -rs '
	    "headline: " + (map(select(.headline) | .text) | join(" ")),
	    "dct: " + (.[0].dct // ""),
	    (map(select((.headline or .boilerplate) | not)) | group_by(.para) | .[] | map(.text) | join(" "))'
}
for page in tests/data/made-html/*.html; do
	name=${page%.html}
	got "$page" >"$tmp/got"
	check_file "$(basename "$name")" "$tmp/got" "$name.want"
done

# the dateline patterns after the first ones set their groups too
printf 'Headline\n\nSaturday 14 September 2024 18.02 BST\n\nText here.\n' >"$tmp/bare.txt"
check_same "a date alone on its line, a weekday before it, gives the dct" \
    "$(lede-split "$tmp/bare.txt" | jq -r .dct | sort -u)" "2024-09-14"

# dates of the metadata not written as ISO
for v in '2024/03/12' 'March 12, 2024' 'Tue, 12 Mar 2024 09:30:00 GMT' '20240312'; do
	printf '<meta name="date" content="%s"><time datetime="2020-01-01">then</time><p>Text.</p>' "$v" >"$tmp/d.html"
	check_same "a date <meta> of \"$v\", before a <time>" "$(lede-split "$tmp/d.html" | jq -r .dct | sort -u)" "2024-03-12"
done
done_testing
