#!/bin/sh
# lede-report: what the page shows for small records, escaping, limits,
# and every error path.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
r=lede-report

# Two outlets; a quotation over two records; a name only one outlet gives;
# a date; a sentence repeated word for word.
cat >"$tmp/two.jsonl" <<'EOF2'
{"doc":"a/one.txt","n":1,"para":1,"start":0,"end":31,"text":"Petro spoke in Bogotá on Friday.","dct":"2025-11-13","meta":{"source":"Daily Post","title":"Petro speaks"},"entities":[{"start":0,"end":5,"text":"Petro","type":"PERSON","id":"Gustavo Petro"},{"start":15,"end":21,"text":"Bogotá","type":"GPE","id":"Bogotá"}],"dates":[{"start":25,"end":31,"text":"Friday","type":"DATE","value":"2025-11-14"}],"quotes":[]}
{"doc":"a/one.txt","n":2,"para":2,"start":33,"end":46,"text":"“We will win.","entities":[],"dates":[],"quotes":[{"start":1,"end":31,"text":"We will win. We will not stop,","speaker":"Gustavo Petro","verb":"said","kind":"full"}]}
{"doc":"a/one.txt","n":3,"para":2,"start":47,"end":77,"text":"We will not stop,” Petro said.","entities":[{"start":19,"end":24,"text":"Petro","type":"PERSON","id":"Gustavo Petro"}],"dates":[],"quotes":[]}
{"doc":"b/two.txt","n":1,"para":1,"start":0,"end":31,"text":"Petro spoke in Bogotá on Friday.","dct":"2025-11-14","meta":{"source":"Evening Star"},"entities":[{"start":0,"end":5,"text":"Petro","type":"PERSON","id":"Gustavo Petro"}],"dates":[{"start":25,"end":31,"text":"Friday","type":"DATE","value":"2025-11-14"}],"quotes":[],"dup_of":{"doc":"a/one.txt","n":1,"sim":1}}
{"doc":"b/two.txt","n":2,"para":1,"start":32,"end":60,"text":"“No,” Rubio said in October.","entities":[{"start":6,"end":11,"text":"Rubio","type":"PERSON","id":"Marco Rubio"}],"dates":[{"start":20,"end":27,"text":"October","type":"DATE","value":"2025-10"},{"start":20,"end":27,"text":"October","type":"DURATION","value":"P1M"}],"quotes":[{"start":1,"end":3,"text":"No","speaker":"Marco Rubio","verb":"said","kind":"full"},{"start":1,"end":3,"text":"No","speaker":null,"verb":null,"kind":"partial"}]}
EOF2
$r "$tmp/two.jsonl" >"$tmp/two.html"
check_same "exit status 0" "$?" 0
page=$(cat "$tmp/two.html")
has() {	# has DESCRIPTION STRING: the page holds the string
	case $page in
	*"$2"*) ok 0 "$1" ;;
	*) ok 1 "$1"; printf '# not in the page: %s\n' "$2" ;;
	esac
}
hasnt() {
	case $page in
	*"$2"*) ok 1 "$1"; printf '# in the page: %s\n' "$2" ;;
	*) ok 0 "$1" ;;
	esac
}
check_same "one HTML document" "$(head -n 1 "$tmp/two.html")" "<!DOCTYPE html>"
check_same "it ends the document" "$(tail -n 1 "$tmp/two.html")" "</body></html>"
check_same "self-contained: nothing loaded from elsewhere" \
	"$(grep -Ec 'src=|https?:|url\(|@import' "$tmp/two.html")" 0
has "the title" "<title>lede report</title>"
has "outlets come from meta.source" '2 articles from 2 outlets'
has "a speaker's row: quotes, words, documents" \
	'<a href="#sp0" data-sp="0"><bdi>Gustavo Petro</bdi></a></td><td class="num" data-v="1">1</td><td class="num" data-v="7">7</td><td class="num" data-v="1">1</td>'
has "the cell links to the quotation's sentence in that outlet" \
	'<a href="#s0-2" data-sp="0" data-o="0">1</a> <small>7&nbsp;w</small>'
has "the speakers counted without the quotations with none" '3 quotations from 2 named speakers; the 2 quoted most'
has "... in the figures at the top too" '<b>2</b><span>named speakers</span>'
has "a quotation with no speaker is counted apart" '<span class="unattr">(no speaker found)</span>'
has "the quotes themselves" '“<bdi>We will win. We will not stop,</bdi>” <span class="src">— <bdi>Daily Post</bdi>, <a href="#s0-2"><bdi>one.txt</bdi>, sentence 2</a>'
has "the chart has a bar per speaker" '<title>Gustavo Petro — Daily Post: 1</title></rect>'
has "entities by type, mentions and documents" \
	'<tr><td><bdi>Gustavo Petro</bdi></td><td class="num" data-v="3">3</td><td class="num" data-v="2">2</td></tr>'
has "a name only one outlet gives is marked" \
	'<tr><td><bdi>Bogotá</bdi> <span class="badge" title="only Daily Post names it">one outlet</span>'
has "a resolved date in the table, with its sentences" '<tr id="t0"><td data-v="20406"><b><bdi>2025-11-14</bdi></b></td><td class="num" data-v="2">2</td><td class="num" data-v="2">2</td>'
has "... its sentences, linked" '<td><a href="#s0-1"><bdi>Petro spoke in Bogotá on Friday.</bdi></a> <small><bdi>one.txt</bdi></small><br><a href="#s1-1"><bdi>Petro spoke in Bogotá on Friday.</bdi></a> <small><bdi>two.txt</bdi></small></td></tr>'
has "a month is on the timeline as a bar" '<a href="#t1"><title>2025-10: 1 mention in 1 document</title><rect'
hasnt "a duration is not" 'P1M: '
has "a day is a point" '<a href="#t0"><title>2025-11-14: 2 mentions in 2 documents</title><circle'
has "publication dates are marked" '<title>published on 2025-11-13: 1 document</title>'
has "repeats: counts by pair of outlets" '<tr><td><bdi>Evening Star</bdi></td><td><bdi>Daily Post</bdi></td><td class="num" data-v="1">1</td><td class="num" data-v="0">0</td></tr>'
has "a repeat with its text" '<li><a href="#s1-1"><bdi>Petro spoke in Bogotá on Friday.</bdi></a> <span class="src">'
has "a repeat links to the first sentence, named by its document and number" \
	'<bdi>two.txt</bdi>, sentence 1: repeats of <a href="#s0-1"><em><bdi>one.txt</bdi></em>, sentence 1</a> (similarity <bdi>1</bdi>)'
has "the article with its title and outlet" '<article id="d0" data-o="0"><header><h3>Petro speaks</h3><p class="byline"><span class="outlet">Daily Post</span> · published <time>2025-11-13</time>'
has "entities and dates marked in the text" \
	'<span class="s" id="s0-1"><mark class="e t0" title="PERSON: Gustavo Petro">Petro</mark> spoke in <mark class="e t1" title="GPE: Bogotá">Bogotá</mark> on <mark class="dt" title="2025-11-14">Friday</mark>.</span>'
has "a quotation marked on past its record's end" \
	'<span class="s" id="s0-3"><span class="q" data-sp="0" title="Gustavo Petro">We will not stop,</span>” <mark class="e t0"'
has "paragraphs kept" '</span> </p>
<p><span class="s" id="s0-2">'
has "a repeated sentence is marked and links to the first" \
	'<span class="s dup" id="s1-1">'
has "... with a link back" '<a class="dupl" href="#s0-1" title="repeats of a/one.txt, sentence 1">↩</a>'

# A quotation's mention: its words in the quotation's title in the
# articles; a speaker only described is listed by the description.
# Documents with no meta.source share one outlet, never one a file.
cat >"$tmp/mention.jsonl" <<'EOF2'
{"doc":"m/1.txt","n":1,"para":1,"start":0,"end":21,"text":"Petro spoke on Friday.","entities":[],"quotes":[]}
{"doc":"m/1.txt","n":2,"para":1,"start":22,"end":40,"text":"\u201cNo,\u201d he said.","quotes":[{"start":1,"end":3,"text":"No","speaker":"Gustavo Petro","verb":"said","kind":"full","mention":{"n":1,"start":0,"end":5,"text":"Petro"}}]}
{"doc":"m/2.txt","n":1,"para":1,"start":0,"end":50,"text":"\u201cPower is back,\u201d said a utility spokeswoman.","quotes":[{"start":1,"end":14,"text":"Power is back","speaker":null,"verb":"said","kind":"full","mention":{"n":1,"start":22,"end":45,"text":"a utility spokeswoman"}}]}
{"doc":"m/2.txt","n":2,"para":1,"start":51,"end":60,"text":"\u201cYes,\u201d he said.","quotes":[{"start":1,"end":4,"text":"Yes","speaker":"Gustavo Petro","verb":"said","kind":"full","mention":{"n":2,"start":10,"end":12,"text":"he"}}]}
EOF2
page=$($r "$tmp/mention.jsonl")
has "mention: a quotation's title names the speaker and the words, with their sentence" \
	'<span class="q" data-sp="0" title="Gustavo Petro, named as “Petro” in sentence 1">No</span>'
has "mention: in the same sentence, no number" 'title="Gustavo Petro, named as “he”">Yes</span>'
has "mention: a speaker only described" 'title="no name: described as “a utility spokeswoman”">Power is back</span>'
has "mention: the described speaker's row" '<span class="unattr">(described: <bdi>a utility spokeswoman</bdi>)</span></a></td><td class="num" data-v="1">1</td>'
hasnt "mention: not counted as no speaker found" '(no speaker found)'
has "mention: counted apart from the named" '3 quotations from 1 named speakers and 1 described but not named'
has "no meta.source: one outlet for all, not one a file" '2 articles from 1 outlet,'
long=$(printf 'a%.0s' $(seq 199))
printf '{"doc":"x","text":"\u201cNo,\u201d he said.","quotes":[{"start":1,"end":3,"text":"No","speaker":"A","mention":{"n":1,"start":0,"end":1,"text":"%s\u00e9\u00e9"}}]}\n' "$long" >"$tmp/cut.jsonl"
check_same "mention: a long one is cut at a character's start" \
	"$($r "$tmp/cut.jsonl" | grep -o 'title="A, named as “a*[^a]*">' | LC_ALL=C grep -c "$(printf '\357\277\275')")" 0
has "no meta.source: shown as such" '<td><span class="unattr">(no outlet named)</span></td>'

# Many outlets: the most frequent keep their name, the rest are folded
# into "other outlets", in the speakers' columns and the repeats.
i=1
while [ $i -le 12 ]; do
	printf '{"doc":"o%d","n":1,"text":"\u201cA b,\u201d said C.","meta":{"source":"Outlet %d"},"quotes":[{"start":1,"end":4,"text":"A b","speaker":"C","verb":"said","kind":"full"}]%s}\n' \
		$i $i "$([ $i -gt 1 ] && printf ',"dup_of":{"doc":"o1","n":1,"sim":1}')"
	i=$((i + 1))
done >"$tmp/outlets.jsonl"
page=$($r "$tmp/outlets.jsonl")
check_same "many outlets: 8 columns of outlets, then other" \
	"$(printf '%s\n' "$page" | grep -o '<th class="num o"' | wc -l | tr -d ' '):$(printf '%s\n' "$page" | grep -c '<th class="num">Other</th>')" "8:1"
has "many outlets: the repeats of the rest are folded" \
	'<tr><td><span class="unattr">other outlets</span></td><td><bdi>Outlet 1</bdi></td><td class="num" data-v="4">4</td>'
check_same "many outlets: no row for an outlet past the top" "$(printf '%s\n' "$page" | grep -Ec 'Outlet 9(</bdi>)?</td><td>(<bdi>)?Outlet 1')" 0

# The timeline: a date far from the rest (1976 in a 2005 corpus) goes in
# a margin of its own, so the axis keeps its months, with the year under
# them; "When" lists each month's dates and quotations.
{
	for d in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
		printf '{"doc":"w%s","n":1,"text":"\u201cWe rise,\u201d said A on 1 March.","dct":"2005-03-%s","quotes":[{"start":1,"end":8,"text":"We rise","speaker":"A B","verb":"said","kind":"full"}],"dates":[{"start":26,"end":33,"text":"1 March","type":"DATE","value":"2005-03-01"}]}\n' $d $d
	done
	printf '{"doc":"w99","n":1,"text":"It began in May 1976.","dct":"2005-04-02","dates":[{"start":12,"end":20,"text":"May 1976","type":"DATE","value":"1976-05-04"}]}\n'
} >"$tmp/when.jsonl"
page=$($r "$tmp/when.jsonl")
has "timeline: the outlier is in a margin, with its year" '>1976</text>'
hasnt "timeline: the axis is not in years" '>1980</text>'
has "timeline: the axis is in days, with the year under it" '<text class="yr" x="'
has "timeline: ... 2005" '" text-anchor="middle">2005</text>'
has "timeline: the legend says so" 'dates far from the rest, at the ends'
has "When: by week" '<h3 style="margin-top:14px">By week</h3>'
has "When: a week with its dates and quotations" 'week of Feb 28, 2005 <span class="muted">— 20 date mentions, 6 quotations</span>'
has "When: its date, with its sentence" '<li><b><bdi>2005-03-01</bdi></b> <span class="muted">20×</span> <a href="#s0-1"><bdi>“We rise,” said A on 1 March.</bdi></a></li>'
has "When: its quotations, with speaker and document" '<li>“<bdi>We rise</bdi>” <span class="src">— <bdi>A B</bdi>, <a href="#s0-1"><bdi>w01</bdi></a></span></li>'
has "When: the outlier has its own period" 'week of May 3, 1976'

# Without start, end and n: places counted from the texts.
printf '%s\n' '{"doc":"x","text":"\u201cA b.","quotes":[{"start":1,"end":10,"text":"A b. C d,","speaker":"Mr \u00c1","verb":"said","kind":"full"}]}' \
	'{"doc":"x","text":"C d,\u201d he said."}' >"$tmp/nostart.jsonl"
check_same "no start, end or n: a quotation marked on into the next record" \
	"$($r "$tmp/nostart.jsonl" | grep -o '<span class="s" id="s0-2">.*</span> ')" \
	'<span class="s" id="s0-2"><span class="q" data-sp="0" title="Mr Á">C d,</span>” he said.</span> '

# Same page from standard input and from -; -u changes nothing.
check_file "standard input gives the same page" "$tmp/two.html" /dev/stdin <<EOF2
$($r <"$tmp/two.jsonl")
EOF2
$r - <"$tmp/two.jsonl" >"$tmp/dash.html"
check_file "- is standard input" "$tmp/dash.html" "$tmp/two.html"
$r -u "$tmp/two.jsonl" >"$tmp/u.html"
check_file "-u gives the same page" "$tmp/u.html" "$tmp/two.html"

# Options.
page=$($r --title 'Colombia & the U.S.' --top 1 "$tmp/two.jsonl")
has "--title sets the title, escaped" '<title>Colombia &amp; the U.S.</title>'
check_same "--top 1: one speaker row, then the quotations with no speaker" \
	"$(printf '%s\n' "$page" | grep '^<tr><td><a href="#sp' | cut -c 1-40)" '<tr><td><a href="#sp0" data-sp="0"><bdi>
<tr><td><a href="#sp2" data-sp="2"><span'
has "--top 1: the rest are counted" '1 more speaker is left out (--top 1).'
$r --top 1 "$tmp/two.jsonl" >"$tmp/top.html"
$r --to 1 "$tmp/two.jsonl" >"$tmp/n.html"
check_file "--to is --top" "$tmp/top.html" "$tmp/n.html"
check_fail "-n is no longer --top" 2 "lede-report: invalid option -- 'n'
usage: lede-report [-kqu] [--repeats file] [--texts size] [--title title] [--top N] [file ...]" $r -n 1 "$tmp/two.jsonl"
page=$($r --texts 0 "$tmp/two.jsonl")
hasnt "--texts 0: no article text" '<article'
has "--texts 0: says the texts are left out" 'The texts of 2 documents are left out: the page holds at most 0 bytes of text (--texts).'
has "--texts 0: links go to the quote lists instead" '<a href="#sp0" data-sp="0" data-o="0">1</a>'
page=$($r --texts 10 "$tmp/two.jsonl")
check_same "--texts 10: the first document whole, the second left out" \
	"$(printf '%s\n' "$page" | grep -c '<article')" 1
check_same "--texts 1k keeps both" "$($r --texts 1k "$tmp/two.jsonl" | grep -c '<article')" 2

# Hostile records: markup, quotes and control characters stay text.
cat >"$tmp/hostile.jsonl" <<'EOF2'
{"doc":"<script>alert('doc')</script>","n":1,"para":1,"start":0,"end":40,"text":"\u201cHi <b>there</b>,\u201d said X\u0001Y </script><script>alert(1)</script>.","meta":{"source":"</style><script>alert('src')</script>","title":"T\"itle' <img src=x onerror=alert(2)>"},"dct":"<i>2025</i>","entities":[{"start":25,"end":28,"text":"X\u0001Y","type":"\"><img src=x onerror=alert(3)>","id":"<script>alert(4)</script>\u0007\u009f"}],"dates":[{"start":0,"end":2,"text":"Hi","type":"DATE","value":"2025-11-13\"><script>alert(5)</script>"}],"quotes":[{"start":1,"end":20,"text":"Hi <b>there</b>,","speaker":"<script>alert(6)</script>\" onmouseover=\"alert(7)\u0000","verb":"said","kind":"full"}],"dup_of":{"doc":"<script>","n":1,"sim":"<script>"}}
EOF2
$r --title '<script>alert(8)</script>' "$tmp/hostile.jsonl" >"$tmp/hostile.html"
check_same "hostile records: exit status 0" "$?" 0
page=$(cat "$tmp/hostile.html")
check_same "hostile records: one script element, the page's own" "$(grep -o '<script' "$tmp/hostile.html" | wc -l | tr -d ' ')" 1
check_same "hostile records: no element from a record" "$(grep -Ec '<img|<b>there|<i>2025|</style><' "$tmp/hostile.html")" 0
has "hostile records: a speaker stays text" '&lt;script&gt;alert(6)&lt;/script&gt;&quot; onmouseover=&quot;alert(7)�'
has "hostile records: control characters become U+FFFD" 'X�Y'
has "hostile records: C1 controls too" 'alert(4)&lt;/script&gt;��'
has "hostile records: quotes in attributes are references" 'title="&quot;&gt;&lt;img src=x onerror=alert(3)&gt;: '
check_same "hostile records: no raw control character in the page" \
	"$(LC_ALL=C tr -d '\n\t' <"$tmp/hostile.html" | LC_ALL=C tr -d '\040-\176\200-\377' | wc -c | tr -d ' ')" 0

# An article repeated whole, marked (lede-dedupe --by doc --mark): listed
# as a repeated article, counted at the top as lede-batch counts it, and
# its sentences leave the examples to the sentences repeated alone.
{ cat "$tmp/two.jsonl"; printf '%s\n' \
    '{"doc":"c/three.txt","n":1,"text":"Petro spoke.","dup_of":{"doc":"a/one.txt","n":1,"sim":1}}' \
    '{"doc":"c/three.txt","n":2,"text":"He won.","dup_of":{"doc":"a/one.txt","n":1,"sim":1}}'; } >"$tmp/whole.jsonl"
page=$($r "$tmp/whole.jsonl")
has "a repeated article: counted at the top" '<b>1</b><span>repeated articles</span>'
has "... with all the repeated sentences" '<b>3</b><span>repeated sentences</span>'
has "... listed with the article it repeats, both linked" \
	'<h3>1 repeated article</h3>'
has "... a row: the article, the one it repeats" \
	'<tr><td><a href="#d2"><em title="c/three.txt"><bdi>three.txt</bdi></em></a></td><td><a href="#d0"><em title="a/one.txt"><bdi>one.txt</bdi></em></a></td></tr>'
has "... the sentences say how many are in it" '3 of 7 sentences (42.9%) repeat an earlier one: 3 word for word, 0 nearly; 2 of them are in the repeated article above.'
hasnt "... its sentences are not among the examples" '<li><a href="#s2-1">'
has "... the sentence repeated alone still is" '<li><a href="#s1-1">'
# A document whose sentences repeat two others is no repeated article.
{ cat "$tmp/two.jsonl"; printf '%s\n' \
    '{"doc":"c/three.txt","n":1,"text":"Petro spoke.","dup_of":{"doc":"a/one.txt","n":1,"sim":1}}' \
    '{"doc":"c/three.txt","n":2,"text":"He won.","dup_of":{"doc":"b/two.txt","n":2,"sim":1}}'; } >"$tmp/mixed.jsonl"
page=$($r "$tmp/mixed.jsonl")
has "sentences repeating two articles: no repeated article" '<b>0</b><span>repeated articles</span>'
hasnt "... and no list of them" 'repeated article</h3>'

# --repeats: the repeats dropped before (lede-batch -D '-b doc' lists
# them in repeats.tsv), counted and listed; the JSON escapes the file
# keeps are undone, so a name with a tab still finds its article.
printf '%s\t%s\n' 'd/four.txt' 'a/one.txt' 'e/tab\tname.txt' 'b/two.txt' 'f/five.txt' 'gone/six.txt' >"$tmp/drops.tsv"
sed 's|"doc":"b/two.txt"|"doc":"e/tab\\tname.txt"|' "$tmp/two.jsonl" >"$tmp/tab.jsonl"
page=$($r --repeats "$tmp/drops.tsv" "$tmp/two.jsonl")
has "--repeats: the dropped articles counted" '<h3>3 repeated articles dropped</h3>'
has "... at the top too, as lede-batch counts them" '<b>3</b><span>repeated articles</span>'
has "... the file named" "they are listed in <code>$tmp/drops.tsv</code>"
has "... a row: the article dropped, the one kept, linked" \
	'<tr><td><em title="d/four.txt"><bdi>four.txt</bdi></em></td><td><a href="#d0"><em title="a/one.txt"><bdi>one.txt</bdi></em></a></td></tr>'
has "... one not in the records is named, not linked" \
	'<tr><td><em title="f/five.txt"><bdi>five.txt</bdi></em></td><td><em title="gone/six.txt"><bdi>six.txt</bdi></em></td></tr>'
page=$($r --repeats "$tmp/drops.tsv" "$tmp/tab.jsonl")
has "--repeats: escapes undone, the article found" \
	'<tr><td><a href="#d1"><em title="e/tab	name.txt"><bdi>tab	name.txt</bdi></em></a></td><td><em title="b/two.txt"><bdi>two.txt</bdi></em></td></tr>'
printf '%s\t%s\t%s\t%s\n' 'b/two.txt' 3 'a/one.txt' 2 >"$tmp/droprec.tsv"
page=$($r --repeats "$tmp/droprec.tsv" "$tmp/two.jsonl")
has "--repeats with records: sentences dropped" '<h3>1 repeated sentence dropped</h3>'
has "... counted with the marked ones at the top" '<b>2</b><span>repeated sentences</span>'
has "... a row: document and sentence of each" \
	'<tr><td><a href="#d1"><em title="b/two.txt"><bdi>two.txt</bdi></em></a>, sentence 3</td><td><a href="#s0-2"><em title="a/one.txt"><bdi>one.txt</bdi></em>, sentence 2</a></td></tr>'
seq 12 | sed 's|.*|x/&.txt	a/one.txt|' >"$tmp/many.tsv"
page=$($r --top 1 --repeats "$tmp/many.tsv" "$tmp/two.jsonl")
has "--repeats: a long list is cut at ten times --top, and says so" '<p class="muted">2 more are in the file.</p>'
has "... all are counted" '<h3>12 repeated articles dropped</h3>'
printf 'b/two.txt\ta/one.txt\n' >"$tmp/kept.tsv"
run_err $r --repeats "$tmp/kept.tsv" "$tmp/two.jsonl"
check_same "--repeats: an article listed as dropped but in the records: a warning" "$status:$err" \
	"0:lede-report: $tmp/kept.tsv: lists articles that are in the records, so were not dropped (the repeats.tsv of a run that marked them?)"
run_err $r -q --repeats "$tmp/kept.tsv" "$tmp/two.jsonl"
check_same "... silenced by -q" "$status:$err" "0:"
check_fail "--repeats: a file that is not there" 2 "lede-report: $tmp/none.tsv: No such file or directory" \
	$r --repeats "$tmp/none.tsv" "$tmp/two.jsonl"
printf 'a\tb\tc\n' >"$tmp/bad.tsv"
check_fail "--repeats: a line of 3 columns" 2 \
	"lede-report: $tmp/bad.tsv:1: 3 columns: expected those of repeats.tsv, 2 (document, first) or 4 (document, n, first, n) on every line" \
	$r --repeats "$tmp/bad.tsv" "$tmp/two.jsonl"
cat "$tmp/drops.tsv" "$tmp/droprec.tsv" >"$tmp/mix.tsv"
check_fail "--repeats: 2 columns then 4" 2 \
	"lede-report: $tmp/mix.tsv:4: 4 columns: expected those of repeats.tsv, 2 (document, first) or 4 (document, n, first, n) on every line" \
	$r --repeats "$tmp/mix.tsv" "$tmp/two.jsonl"

# Records without annotations still make a page.
printf '%s\n' '{"doc":"x","text":"Plain."}' >"$tmp/plain.jsonl"
page=$($r "$tmp/plain.jsonl")
has "no quotes: says how to get them" 'No quotation in these records: run lede-extract-quotes in the pipeline.'
has "no entities: says how to get them" 'No entity in these records: run lede-tag-entities in the pipeline.'
has "no repeats: says how to mark them" 'lede-dedupe --mark marks them'
has "the text is there" '<span class="s" id="s0-1">Plain.</span>'

# Errors.
check_fail "bad option" 2 "lede-report: invalid option -- 'x'
usage: lede-report [-kqu] [--repeats file] [--texts size] [--title title] [--top N] [file ...]" $r -x
check_fail "--top 0" 2 "lede-report: --top is too small: 0" $r --top 0 "$tmp/two.jsonl"
check_fail "--top not a number" 2 "lede-report: --top is invalid: ten" $r --top ten "$tmp/two.jsonl"
check_fail "--texts with a bad unit" 2 "lede-report: --texts is invalid: 5T" $r --texts 5T "$tmp/two.jsonl"
check_fail "missing file: a warning, exit 1" 1 "lede-report: $tmp/nonexistent: No such file or directory" \
	$r "$tmp/nonexistent" "$tmp/two.jsonl"
check_same "missing file: the page of the rest is written" "$(grep -c '<article' "$tmp/out")" 2
printf 'not json\n' >"$tmp/bad.jsonl"
check_fail "malformed JSON" 2 "lede-report: $tmp/bad.jsonl:1: expected a JSON record at column 1: is this the output of lede-split?" $r "$tmp/bad.jsonl"
check_same "malformed JSON: no page" "$(wc -c <"$tmp/out" | tr -d ' ')" 0
printf '{"doc":"a","text":"\377"}\n' >"$tmp/utf8.jsonl"
check_fail "bad UTF-8" 2 "lede-report: $tmp/utf8.jsonl:1: invalid UTF-8 at column 20" $r "$tmp/utf8.jsonl"
check_fail "no doc" 2 'lede-report: <stdin>:1: no "doc" string' sh -c "printf '%s\n' '{\"text\":\"x\"}' | $r"
check_fail "no text" 2 'lede-report: <stdin>:1: no "text" string' sh -c "printf '%s\n' '{\"doc\":\"a\",\"text\":1}' | $r"
check_fail "entities not an array" 2 'lede-report: <stdin>:1: "entities" is not an array' \
	sh -c "printf '%s\n' '{\"doc\":\"a\",\"text\":\"x\",\"entities\":{}}' | $r"
check_fail "a quotation that is not an object" 2 'lede-report: <stdin>:1: quotes element 1 is not an object' \
	sh -c "printf '%s\n' '{\"doc\":\"a\",\"text\":\"x\",\"quotes\":[1]}' | $r"
check_fail "a date with bad offsets" 2 'lede-report: <stdin>:1: dates element 1: bad offsets' \
	sh -c "printf '%s\n' '{\"doc\":\"a\",\"text\":\"x\",\"dates\":[{\"start\":3,\"end\":1}]}' | $r"
check_fail "an entity with no offsets" 2 'lede-report: <stdin>:1: entities element 1: no "start" and "end" integers' \
	sh -c "printf '%s\n' '{\"doc\":\"a\",\"text\":\"x\",\"entities\":[{\"id\":\"A\"}]}' | $r"
check_fail "an entity with no name" 2 'lede-report: <stdin>:1: entities element 1: no "id" or "text" string' \
	sh -c "printf '%s\n' '{\"doc\":\"a\",\"text\":\"x\",\"entities\":[{\"start\":0,\"end\":1}]}' | $r"
check_fail "dup_of with no doc" 2 'lede-report: <stdin>:1: "dup_of": no "doc" string' \
	sh -c "printf '%s\n' '{\"doc\":\"a\",\"text\":\"x\",\"dup_of\":{\"n\":1}}' | $r"
cat "$tmp/bad.jsonl" "$tmp/two.jsonl" "$tmp/utf8.jsonl" >"$tmp/k.jsonl"
check_fail "-k: bad lines skipped with warnings, exit 1" 1 \
	"lede-report: $tmp/k.jsonl:1: expected a JSON record at column 1: is this the output of lede-split?
lede-report: $tmp/k.jsonl:7: invalid UTF-8 at column 20" $r -k "$tmp/k.jsonl"
check_same "-k: the page holds the good records, not the bad lines" \
	"$(grep -c '<article' "$tmp/out"):$(grep -c 'not json' "$tmp/out")" "2:0"
# The temporary file of the articles is made in $TMPDIR (tmpfile(3)
# would ignore it): a TMPDIR that does not exist is an error, and while
# a report is being made, its open (unlinked) file is there.
check_fail "TMPDIR that does not exist" 2 "lede-report: temporary file in $tmp/none: No such file or directory" \
	env TMPDIR="$tmp/none" $r "$tmp/two.jsonl"
if [ -d /proc/self/fd ]; then
	mkdir "$tmp/td"
	mkfifo "$tmp/fifo"
	TMPDIR=$tmp/td $r <"$tmp/fifo" >"$tmp/td.html" &
	pid=$!
	exec 3>"$tmp/fifo"
	head -n 1 "$tmp/two.jsonl" >&3
	i=0 where=
	while [ $i -lt 50 ] && [ -z "$where" ]; do
		where=$(ls -l /proc/$pid/fd 2>/dev/null | grep -o "$tmp/td/lede-report\.[^ ]*" | head -n 1)
		[ -n "$where" ] || sleep 0.1
		i=$((i + 1))
	done
	exec 3>&-
	wait $pid
	check "TMPDIR: the temporary file is made there ($where)" test -n "$where"
	check_same "TMPDIR: nothing is left there" "$(ls "$tmp/td")" ""
else
	skip "TMPDIR: the temporary file is made there" "no /proc"
fi
check_fail "a full disk" 2 "lede-report: stdout: No space left on device" sh -c "$r '$tmp/two.jsonl' >/dev/full"
run_err sh -c "$r '$tmp/two.jsonl' | head -c 10"
check_same "| head ends quietly" "$err" ""
check_same "--version" "$($r --version)" "lede-report 0.1.0"
check_same "--help: usage first" "$($r --help | head -n 1)" "usage: lede-report [-kqu] [--repeats file] [--texts size] [--title title] [--top N] [file ...]"
done_testing
