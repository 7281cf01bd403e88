#!/bin/sh
# lede-split on pages made by scripts/pages from articles: every article
# comes back whole, its headline marked, and none of the clutter of the
# five templates (menus, teasers, related and most-read lists, comments,
# share bars, cookie and newsletter boxes, captions, footers, hidden
# copies, a body inside a <form>).  The example articles always; the BBC
# folder of ../shared too when it is there.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

# same SRC NAME: the articles of SRC as pages and as text give the same sentences
same() {
	rm -rf "$tmp/pages" "$tmp/texts"
	mkdir "$tmp/texts"
	scripts/pages "$1" "$tmp/pages"
	# the articles with their headline, the first line that is not blank, left out
	awk -v dest="$tmp/texts" 'FNR == 1 { if (out) close(out); out = FILENAME; sub(/.*\//, "", out)
		out = dest "/" out; t = 0; printf "" >out }
	    NF && !t { t = 1; next } { print >out }' "$1"/*.txt
	lede-split "$tmp/pages" 2>/dev/null |
	    jq -r 'select((.headline or .boilerplate) | not) | [(.doc | split("/") | last | rtrimstr(".html")), .text] | @tsv' |
	    tr -s ' ' >"$tmp/got"
	lede-split "$tmp/texts" 2>/dev/null |
	    jq -r 'select(.boilerplate | not) | [(.doc | split("/") | last | rtrimstr(".txt")), .text] | @tsv' |
	    tr -s ' ' >"$tmp/want"	# a page folds runs of spaces
	check_file "$2: each page gives back its article's text, and only that" "$tmp/got" "$tmp/want"
	n=$(ls "$1"/*.txt | wc -l)
	check_same "$2: each page's headline is a record of its own" \
	    "$(lede-split "$tmp/pages" 2>/dev/null | jq -r 'select(.headline) | .doc' | sort -u | wc -l | tr -d ' ')" \
	    "$(echo "$n" | tr -d ' ')"
}
same examples/articles "the example articles"
if [ -d "$shared/corpus/bbc" ]; then
	same "$shared/corpus/bbc" "the BBC folder"
else
	skip "the BBC folder" "no $shared/corpus/bbc"
	skip "the BBC folder's headlines" "no $shared/corpus/bbc"
fi
done_testing
