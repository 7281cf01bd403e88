#!/bin/sh
# lede-split on web pages: the article and nothing else, its metadata, the
# headline; .gz input, binary files, folder walking.  The pages are invented.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

# body PAGE: the article body, one record a line (neither headline nor boilerplate)
body() { lede-split "$1" 2>/dev/null | jq -r 'select((.headline or .boilerplate) | not) | .text'; }
# page FILE: an article of three long paragraphs around what comes on stdin
page() {
	{
	printf '<html><head><title>Council backs the new bridge over the river | The Courier</title></head><body>\n'
	cat
	} >"$1"
}
para1='<p>The city council voted on Tuesday to build a new bridge over the river, ending a debate that has lasted for more than ten years, and the mayor said work would start in the spring.</p>'
para2='<p>Engineers expect the bridge to carry twenty thousand cars a day, and the council said the cost, about forty million pounds, would be shared with the county and the national government.</p>'
para3='<p>Opponents, who had argued for a tunnel instead, said they would take the decision to court, while shop owners near the old crossing welcomed the end of the long wait.</p>'
want="The city council voted on Tuesday to build a new bridge over the river, ending a debate that has lasted for more than ten years, and the mayor said work would start in the spring.
Engineers expect the bridge to carry twenty thousand cars a day, and the council said the cost, about forty million pounds, would be shared with the county and the national government.
Opponents, who had argued for a tunnel instead, said they would take the decision to court, while shop owners near the old crossing welcomed the end of the long wait."

page "$tmp/related.html" <<X
<div class="article-body">$para1 $para2
<div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Bridge plans unveiled</a></li><li><a href="/b">Tunnel idea dropped</a></li></ul></div>
$para3</div>
X
check_same "a list of related stories inside the article is left out" "$(body "$tmp/related.html")" "$want"

page "$tmp/menu.html" <<X
<div class="site-menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></div>
<div id="main">$para1 $para2 $para3</div>
X
check_same "a menu built from <div> and <ul>, not <nav>, is left out" "$(body "$tmp/menu.html")" "$want"

page "$tmp/comments.html" <<X
<article>$para1 $para2 $para3</article>
<div id="comments"><p>Great news, finally, after all these years of waiting for the council to act on it.</p><p>I disagree, a tunnel would have been better for the town and for the river, and cheaper too.</p></div>
X
check_same "a comment section is left out" "$(body "$tmp/comments.html")" "$want"

page "$tmp/furniture.html" <<X
<div class="cookie-banner"><p>We use cookies to improve your experience on our site. By using it you accept them.</p></div>
<article>$para1
<figure><img src="a.jpg"><div class="caption">The old crossing, photographed by Jane Roe</div></figure>
$para2 $para3
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share by email</a></div>
<div class="newsletter-signup"><p>Sign up for our daily newsletter to get the news first, every morning, in your inbox.</p></div>
</article>
<div class="footer"><p>Copyright 2025 The Courier. All rights reserved. Terms of use and privacy policy apply.</p></div>
X
check_same "cookie notice, caption, share buttons, newsletter box and footer <div> are left out" \
    "$(body "$tmp/furniture.html")" "$want"

page "$tmp/hidden.html" <<X
<div class="story">$para1 $para2 $para3</div>
<div hidden>$para1</div><div aria-hidden="true">$para2</div><div style="display: none">$para3</div>
<p style="visibility:hidden">A hidden paragraph that no reader of the page ever sees on the screen at all.</p>
X
check_same "hidden copies (hidden, aria-hidden, display:none, visibility:hidden) are left out" \
    "$(body "$tmp/hidden.html")" "$want"
check_same "and they are no part of the document's text" \
    "$(lede-split --keep-boilerplate "$tmp/hidden.html" | jq -r .text | grep -c 'never sees')" "0"

page "$tmp/teasers.html" <<X
<div class="story">$para1 $para2 $para3</div>
<div class="teaser-list"><div class="teaser"><a href="/x"><h3>Ten things to do this weekend</h3></a></div><div class="teaser"><a href="/y"><h3>The best pubs by the river</h3></a></div></div>
<div class="most-read"><ol><li><a href="/m">Man rescued from the river after two hours</a></li></ol></div>
X
check_same "teaser cards and most-read lists are left out" "$(body "$tmp/teasers.html")" "$want"

page "$tmp/table.html" <<X
<div class="story">$para1
<table><tr><th>Option</th><th>Cost</th></tr><tr><td>Bridge</td><td>40m</td></tr><tr><td>Tunnel</td><td>95m</td></tr></table>
$para2
<ul><li>Work starts in the spring of next year.</li><li>The old crossing closes when the bridge opens.</li></ul>
$para3</div>
X
check_same "a table and a list that belong to the article stay" "$(body "$tmp/table.html" | tr '\n' '|')" \
    "$(printf '%s\n' "$(echo "$want" | head -n 1)" Option Cost Bridge 40m Tunnel 95m "$(echo "$want" | sed -n 2p)" \
    'Work starts in the spring of next year.' 'The old crossing closes when the bridge opens.' \
    "$(echo "$want" | tail -n 1)" | tr '\n' '|')"

page "$tmp/link-list.html" <<X
<div class="story">$para1 $para2 $para3
<ul><li><a href="/1">Bridge</a></li><li><a href="/2">Council</a></li><li><a href="/3">River</a></li></ul></div>
X
check_same "a list of links inside the article (link density) is left out" "$(body "$tmp/link-list.html")" "$want"

page "$tmp/form.html" <<X
<form action="/page" method="post"><div class="wrapper"><div class="content">$para1 $para2 $para3</div></div></form>
X
check_same "an article inside a <form> stays" "$(body "$tmp/form.html")" "$want"

page "$tmp/aside.html" <<X
<div class="sidebar-text">$para1</div>
X
run_err lede-split "$tmp/aside.html"
check_same "an article that the rules would leave out: the best block, and a warning" \
    "$status:$(jq -r 'select(.headline or .boilerplate | not) | .text' "$tmp/out"):$err" \
    "0:$(echo "$want" | head -n 1):lede-split: $tmp/aside.html: no article by the usual rules: the best-scoring block is kept"

# Metadata
page "$tmp/ld.html" <<X
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Council backs the bridge","datePublished":"2025-03-04T10:00:00Z",
 "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],
 "publisher":{"@type":"Organization","name":"The Courier"}}</script>
<h1>Council backs the bridge</h1><div class="story">$para1 $para2 $para3</div>
X
check_same "JSON-LD: title, author, source and dct" \
    "$(lede-split "$tmp/ld.html" | head -n 1 | jq -c '[.meta.title, .meta.author, .meta.source, .dct]')" \
    '["Council backs the bridge","Jane Roe, John Doe","The Courier","2025-03-04"]'
check_same "the headline is a record of its own, headline: true, and no part of the body" \
    "$(lede-split "$tmp/ld.html" | jq -c 'select(.headline) | [.n, .text]')" '[1,"Council backs the bridge"]'

{
printf '<html><head><meta property="og:title" content="Bridge &amp; tunnel: the vote">\n'
printf '<meta property="og:site_name" content="The Courier">\n<meta name="author" content="Jane Roe">\n'
printf '<meta property="article:published_time" content="2025-05-06T08:00:00+01:00">\n'
printf '<link rel="canonical" href="https://www.courier.example/news/bridge">\n</head><body>\n'
printf '<div class="story">%s %s %s</div></body></html>\n' "$para1" "$para2" "$para3"
} >"$tmp/og.html"
check_same "OpenGraph and <meta>: title, author, source, url, dct" \
    "$(lede-split "$tmp/og.html" | head -n 1 | jq -c '[.meta.title, .meta.author, .meta.source, .meta.url, .dct]')" \
    '["Bridge & tunnel: the vote","Jane Roe","The Courier","https://www.courier.example/news/bridge","2025-05-06"]'

{
printf '<html><head><link rel="canonical" href="https://www.courier.example/news/bridge"></head><body>\n'
printf '<div class="story"><p class="byline">By Jane Roe</p><time datetime="2025-07-08T09:00">8 July</time>\n'
printf '%s %s %s</div></body></html>\n' "$para1" "$para2" "$para3"
} >"$tmp/time.html"
check_same "<time>, a byline and the canonical URL's host: dct, author, source" \
    "$(lede-split "$tmp/time.html" | head -n 1 | jq -c '[.meta.author, .meta.source, .dct]')" \
    '["By Jane Roe","courier.example","2025-07-08"]'
check_same "the byline is no part of the body" "$(body "$tmp/time.html" | grep -c 'Jane Roe')" "0"

check_same "<title> cleaned of the site's name" \
    "$(lede-split "$tmp/related.html" | head -n 1 | jq -r .meta.title)" "Council backs the new bridge over the river"

# Compressed input, binary files, folders
mkdir -p "$tmp/dir/sub"
printf 'The mayor spoke on Tuesday. He left early.\n' >"$tmp/dir/a.txt"
gzip -c "$tmp/dir/a.txt" >"$tmp/dir/sub/b.txt.gz"
gzip -c "$tmp/og.html" >"$tmp/dir/c.html.gz"
printf 'notes\n' >"$tmp/dir/README.source"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001\000\000\000\001\010\006\000\000\000' >"$tmp/dir/d.txt"
check_same "a gzipped text file is read through zlib" \
    "$(lede-split "$tmp/dir/sub/b.txt.gz" | jq -r .text | tr '\n' '|')" "The mayor spoke on Tuesday.|He left early.|"
check_same "a gzipped page is a page (.html.gz)" \
    "$(lede-split "$tmp/dir/c.html.gz" | head -n 1 | jq -r .meta.source)" "The Courier"
cp "$tmp/dir/sub/b.txt.gz" "$tmp/noname"
check_same "gzip is known by its magic bytes too" "$(lede-split "$tmp/noname" | jq -r .text | head -n 1)" \
    "The mayor spoke on Tuesday."
run_err lede-split "$tmp/dir/d.txt"
check_same "a binary file: a clear error, exit 1, no records" "$status:$(cat "$tmp/out"):$err" \
    "1::lede-split: $tmp/dir/d.txt: a binary file, not text or a web page: left out"
printf '\037\213garbage' >"$tmp/bad.gz"
run_err lede-split "$tmp/bad.gz"
check_same "a broken .gz: zlib's message, exit 1" "$status:$err" \
    "1:lede-split: $tmp/bad.gz: unknown compression method"
run_err lede-split -v "$tmp/dir"
check_same "a folder: .txt, .md, .html, .htm and their .gz; -v names what is skipped" \
    "$(jq -r .doc "$tmp/out" | uniq | sed "s|$tmp/||" | tr '\n' ' '):$(echo "$err" | sed "s|$tmp/||g" | tr '\n' '|')" \
    "dir/a.txt dir/c.html.gz dir/sub/b.txt.gz :lede-split: dir/README.source: skipped: not a .txt, .md, .html, .htm or .warc file, nor one gzipped|lede-split: dir/d.txt: a binary file, not text or a web page: left out|"
run_err lede-split "$tmp/dir"
check_same "without -v a skipped file is not named" "$(echo "$err" | grep -c skipped)" "0"
# The headline of a text file
printf 'Council backs the new bridge\n\nThe city council voted on Tuesday. Work starts in spring.\n' >"$tmp/head.txt"
check_same "a text file's first line, short, with no final punctuation and a blank line after it: the headline" \
    "$(lede-split "$tmp/head.txt" | jq -c '[.text, .headline]' | tr '\n' ' ')" \
    '["Council backs the new bridge",true] ["The city council voted on Tuesday.",null] ["Work starts in spring.",null] '
printf 'Council backs the new bridge\nThe city council voted on Tuesday.\n' >"$tmp/nohead.txt"
check_same "with no blank line after it, a first line is text" \
    "$(lede-split "$tmp/nohead.txt" | jq -c 'select(.headline)' | wc -l | tr -d ' ')" "0"
printf 'The council voted on Tuesday.\n\nWork starts in spring.\n' >"$tmp/sentence.txt"
check_same "a first line that ends a sentence is text" \
    "$(lede-split "$tmp/sentence.txt" | jq -c 'select(.headline)' | wc -l | tr -d ' ')" "0"
printf -- '---\ntitle: "Bridge vote: yes"\n---\nBridge vote: yes\nThe city council voted on Tuesday.\n' >"$tmp/fm.txt"
check_same "front matter: the first line that is its title is the headline" \
    "$(lede-split "$tmp/fm.txt" | jq -c '[.text, .headline, .meta.title]' | head -n 1)" '["Bridge vote: yes",true,"Bridge vote: yes"]'
printf -- '---\ntitle: Bridge vote\n---\nCouncil backs the bridge\n\nThe city council voted on Tuesday.\n' >"$tmp/fm2.txt"
check_same "front matter: a first line other than its title is text" \
    "$(lede-split "$tmp/fm2.txt" | jq -c 'select(.headline)' | wc -l | tr -d ' ')" "0"
printf 'Council backs the new bridge\n\nThe city council voted\non Tuesday.\n' >"$tmp/wrapped.txt"
check_same "-w: the headline of hard-wrapped text" \
    "$(lede-split -w "$tmp/wrapped.txt" | jq -c '[.text, .headline]' | tr '\n' ' ')" \
    '["Council backs the new bridge",true] ["The city council voted\non Tuesday.",null] '
printf 'Recommended stories\n\nThe mayor spoke on Tuesday.\n' >"$tmp/boilfirst.txt"
check_same "a first line of boilerplate is no headline" \
    "$(lede-split --keep-boilerplate "$tmp/boilfirst.txt" | jq -c '[.headline, .boilerplate]' | head -n 1)" '[null,true]'
printf 'WASHINGTON, Nov. 13, 2025 --\n\nThe mayor spoke on Tuesday.\n' >"$tmp/dateline.txt"
check_same "a dateline ending in a dash is no headline, and gives the date" \
    "$(lede-split "$tmp/dateline.txt" | jq -c '[.headline, .dct]' | head -n 1)" '[null,"2025-11-13"]'
done_testing
