#!/bin/sh
# lede-report in a browser: the page of the example articles, rendered by
# headless Chromium, is not blank and names the seeds' speakers with the
# quote counts the pipeline gives; hostile records stay inert.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

browser=
for b in chromium chromium-browser; do
	command -v "$b" >/dev/null 2>&1 && browser=$b && break
done
[ -n "$browser" ] || skip_all "chromium is not installed (Debian package chromium)"
for p in lede-split lede-tag-entities lede-extract-dates lede-extract-quotes lede-report; do
	command -v "$p" >/dev/null 2>&1 || skip_all "$p is not built"
done
command -v jq >/dev/null 2>&1 || skip_all "jq is not installed"

# chrome ARGS...: headless Chromium with a profile of its own, no network.
chrome() {
	mkdir -p "$tmp/profile"
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --disable-extensions --user-data-dir="$tmp/profile" "$@" 2>/dev/null
}

lede-split examples/articles | lede-tag-entities | lede-extract-dates |
	lede-extract-quotes >"$tmp/seeds.jsonl"
if command -v lede-dedupe >/dev/null 2>&1; then
	lede-dedupe --mark "$tmp/seeds.jsonl" >"$tmp/marked.jsonl" && mv "$tmp/marked.jsonl" "$tmp/seeds.jsonl"
fi
lede-report --title "Example articles" "$tmp/seeds.jsonl" >"$tmp/seeds.html"
check_same "the page of the example articles: exit status 0" "$?" 0

# The screenshot: a PNG whose pixels are not all one colour.
chrome --hide-scrollbars --window-size=1280,2000 --screenshot="$tmp/shot.png" "file://$tmp/seeds.html" >/dev/null
check "the screenshot is written" test -s "$tmp/shot.png"
# distinct PNG: the number of distinct byte values of the image's
# inflated data: a blank page has a handful, a page of text and charts
# most of the 256.
distinct() {
	python3 - "$1" <<'EOF3'
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n'
i, idat = 8, b''
while i < len(data):
    n, = struct.unpack('>I', data[i:i + 4])
    if data[i + 4:i + 8] == b'IDAT':
        idat += data[i + 8:i + 8 + n]
    i += 12 + n
print(len(set(zlib.decompress(idat))))
EOF3
}
if command -v python3 >/dev/null 2>&1; then
	n=$(distinct "$tmp/shot.png")
	check "the screenshot is not blank ($n distinct byte values)" test "${n:-0}" -ge 100
else
	skip "the screenshot is not blank" "python3 is not installed"
fi

# The page's text, once its script has run: each speaker the pipeline
# names is in the table with the number of quotes the records give.
chrome --dump-dom "file://$tmp/seeds.html" >"$tmp/seeds.dom"
check "the DOM is dumped" test -s "$tmp/seeds.dom"
check "the page's script ran to its end without an error" grep -q '<html lang="en" data-ready="1">' "$tmp/seeds.dom"
jq -r '.quotes[]?.speaker // empty' "$tmp/seeds.jsonl" | sort | uniq -c >"$tmp/counts"
check "the pipeline finds speakers" test -s "$tmp/counts"
# (Sánchez with or without its accent: that is lede-extract-quotes' choice.)
for want in "Gustavo Petro" "Pedro Arnulfo S(á|a)nchez" "Armando Benedetti"; do
	check "the records name $want as a speaker" grep -Eq " $want\$" "$tmp/counts"
done
while read -r count name; do
	check "the page names $name with $count quote(s)" \
		grep -qF "><bdi>$name</bdi></a></td><td class=\"num\" data-v=\"$count\">$count</td>" "$tmp/seeds.dom"
	check "the quote list of $name says $count" \
		grep -qF "$name</bdi> <span class=\"muted\">— $count quote" "$tmp/seeds.dom"
done <"$tmp/counts"

# Hostile records: after the browser has parsed the page and run its
# script, the DOM holds one script element and no element from a record.
cat >"$tmp/hostile.jsonl" <<'EOF2'
{"doc":"<script>document.title='pwned'</script>","n":1,"para":1,"start":0,"end":40,"text":"\u201cHi <b>there</b>,\u201d said X\u0001Y </script><script>document.title='pwned'</script>.","meta":{"source":"</style><script>document.title='pwned'</script>","title":"T\"itle' <img src=x onerror=\"document.title='pwned'\">"},"dct":"<i>2025</i>","entities":[{"start":25,"end":28,"text":"X\u0001Y","type":"\"><img src=x onerror=alert(3)>","id":"<svg onload=alert(4)>\u0007\u009f"}],"dates":[{"start":0,"end":2,"text":"Hi","type":"DATE","value":"2025-11-13\"><script>alert(5)</script>"}],"quotes":[{"start":1,"end":20,"text":"Hi <b>there</b>,","speaker":"<script>alert(6)</script>\" onmouseover=\"alert(7)\u0000","verb":"said","kind":"full"}],"dup_of":{"doc":"<script>","n":1,"sim":"<script>"}}
EOF2
lede-report --title "Hostile" "$tmp/hostile.jsonl" >"$tmp/hostile.html"
chrome --dump-dom "file://$tmp/hostile.html" >"$tmp/hostile.dom"
check "hostile: the DOM is dumped" test -s "$tmp/hostile.dom"
check_same "hostile: one script element" "$(grep -o '<script' "$tmp/hostile.dom" | wc -l | tr -d ' ')" 1
check_same "hostile: no img, b or i element and no svg onload" \
	"$(grep -Ec '<img|<b>there|<i>2025|<svg onload' "$tmp/hostile.dom")" 0
check_same "hostile: the title is the page's own" "$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$tmp/hostile.dom" | head -n 1)" "Hostile"
check "hostile: the speaker's name is shown as text" \
	grep -qF '&lt;script&gt;alert(6)&lt;/script&gt;" onmouseover="alert(7)' "$tmp/hostile.dom"
# A payload in every field the page shows, run in the browser.  Each
# payload would set the page's title if it ran; a script added to a copy
# of the page reports, once the page has loaded and its timers have run,
# the title, every element with an on... attribute or of a kind that
# loads something, and the fields whose payload is not on the page as
# text (a field left out would make the test prove nothing).
pay() {	# pay FIELD: a payload, JSON-escaped, that sets the title to xFIELD
	printf '\\"'"'"'><svg onload=title='"'"'x%s'"'"'><img src=x onerror=title='"'"'x%s'"'"'>' "$1" "$1"
}
fields="doc doc2 text source mtitle etype eid etext dvalue qtext speaker mention described"
rec1=$(cat <<EOF2
{"doc":"$(pay doc)","n":1,"para":1,"start":0,"end":31,"text":"\u201cHi there,\u201d said X Y on Friday. $(pay text)","dct":"2025-11-13T<svg onload=title=9>","meta":{"source":"$(pay source)","title":"$(pay mtitle)"},"entities":[{"start":17,"end":20,"text":"X Y","type":"$(pay etype)","id":"$(pay eid)"}],"dates":[{"start":24,"end":30,"text":"Friday","type":"DATE","value":"2025-11-14T$(pay dvalue)"}],"quotes":[{"start":1,"end":9,"text":"$(pay qtext)","speaker":"$(pay speaker)","verb":"said","kind":"full","mention":{"n":1,"start":17,"end":20,"text":"$(pay mention)"}},{"start":1,"end":9,"text":"Hi there","speaker":null,"verb":null,"kind":"full","mention":{"n":1,"start":17,"end":20,"text":"$(pay described)"}}]}
EOF2
)
rec2=$(cat <<EOF2
{"doc":"dir/$(pay doc2)","n":1,"para":1,"start":0,"end":31,"text":"\u201cHi there,\u201d said X Y on Friday.","dct":"2025-11-14","entities":[{"start":17,"end":20,"text":"$(pay etext)","type":"ORG"}],"quotes":[{"start":1,"end":9,"text":"Hi there","speaker":"$(pay speaker)","verb":"said","kind":"full"}],"dup_of":{"doc":"$(pay doc)","n":1,"sim":"<a onclick=x>"}}
EOF2
)
printf '%s\n%s\n' "$rec1" "$rec2" >"$tmp/fields.jsonl"
lede-report --title "Hostile" "$tmp/fields.jsonl" >"$tmp/fields.html"
check_same "every field: exit status 0" "$?" 0
cat >"$tmp/checker.js" <<EOF2
addEventListener('load',function(){setTimeout(function(){
var bad=[],all=document.documentElement.textContent,miss=[];
document.querySelectorAll('*').forEach(function(e){
Array.prototype.forEach.call(e.attributes,function(a){all+=' '+a.value;if(/^on/i.test(a.name))bad.push(e.tagName+'.'+a.name);});
if(/^(img|iframe|object|embed|image|foreignobject|video|audio|base|form|link|meta)\$/i.test(e.tagName)&&e.closest('body'))bad.push(e.tagName);});
'$fields'.split(' ').forEach(function(f){if(all.indexOf("title='x"+f+"'")<0)miss.push(f);});
if(all.indexOf('onload=title=9')<0)miss.push('dct');
if(all.indexOf('<a onclick=x>')<0)miss.push('sim');
document.body.setAttribute('data-check','title='+document.title+' scripts='+document.scripts.length+' bad='+bad.join(',')+' missing='+miss.join(','));
},200);});
EOF2
{ cat "$tmp/fields.html"; printf '<script>'; cat "$tmp/checker.js"; printf '</script>\n'; } >"$tmp/fields-check.html"
chrome --virtual-time-budget=3000 --dump-dom "file://$tmp/fields-check.html" >"$tmp/fields.dom"
check_same "every field: nothing ran, nothing was injected, every payload is shown as text" \
	"$(grep -o 'data-check="[^"]*"' "$tmp/fields.dom")" 'data-check="title=Hostile scripts=2 bad= missing="'

# A bidirectional override in a speaker, an outlet, a quotation or a
# title stays inside that text: what the page writes after it is laid
# out left to right as before.
rlo=$(printf '\342\200\256')
cat >"$tmp/bidi.jsonl" <<EOF2
{"doc":"a${rlo}doc","n":1,"para":1,"start":0,"end":31,"text":"\u201cHi there,\u201d said X Y on Friday.","meta":{"source":"${rlo}Outlet"},"quotes":[{"start":1,"end":9,"text":"${rlo}Hi there","speaker":"${rlo}Evil Speaker","verb":"said","kind":"full"}]}
EOF2
lede-report --title "Bidi" "$tmp/bidi.jsonl" >"$tmp/bidi.html"
cat >"$tmp/bidi.js" <<'EOF2'
addEventListener('load',function(){
var res=[];
function after(el,what){	// the page's text after el starts right of el's text
var r=document.createRange();r.setStartBefore(el.parentNode.firstChild);r.setEndBefore(el);
var a=r.getBoundingClientRect(),b=el.getBoundingClientRect();
res.push(what+(b.left>=a.right-1?':ok':':reversed'));}
document.querySelectorAll('#quoted summary').forEach(function(s){after(s.querySelector('.muted'),'summary');});
document.querySelectorAll('#quoted li .src').forEach(function(s){after(s,'quote');});
document.body.setAttribute('data-bidi',res.join(' '));});
EOF2
{ cat "$tmp/bidi.html"; printf '<script>'; cat "$tmp/bidi.js"; printf '</script>\n'; } >"$tmp/bidi-check.html"
chrome --window-size=1400,900 --virtual-time-budget=1000 --dump-dom "file://$tmp/bidi-check.html" >"$tmp/bidi.dom"
check_same "bidi: an override in a speaker or a quotation reverses nothing after it" \
	"$(grep -o 'data-bidi="[^"]*"' "$tmp/bidi.dom")" 'data-bidi="summary:ok quote:ok"'
# A phone and a desktop: the page in a frame 390 and 1400 pixels wide
# (headless Chromium's own window is at least 500 wide) does not scroll
# sideways: wide tables and charts scroll inside their own box, and no
# column header is broken over two lines.  A script in the frame's
# parent reports the page's scrollWidth and clientWidth, what sticks out
# and the headers that wrap; the screenshots are not blank.  The
# pages: the example articles, and one of long unbroken names (with a
# repeated article, marked, and one dropped, from --repeats).
long=$(printf 'Averyveryverylongunbrokenname%.0s' 1 2 3 4 5 6)
cat >"$tmp/long.jsonl" <<EOF2
{"doc":"dir/$long.txt","n":1,"para":1,"start":0,"end":31,"text":"\u201cHi there,\u201d said X Y on Friday. $long","dct":"2025-11-13","meta":{"source":"$long","title":"$long"},"entities":[{"start":17,"end":20,"text":"X Y","type":"PERSON","id":"$long"}],"dates":[{"start":24,"end":30,"text":"Friday","type":"DATE","value":"2025-11-14"}],"quotes":[{"start":1,"end":9,"text":"$long","speaker":"$long","verb":"said","kind":"full"}]}
{"doc":"dir2/$long","n":1,"para":1,"start":0,"end":31,"text":"\u201cHi there,\u201d said X Y on Friday.","dct":"1976-11-14","meta":{"source":"Other $long"},"dup_of":{"doc":"dir/$long.txt","n":1,"sim":1}}
EOF2
printf 'dir3/%s.txt\tdir/%s.txt\n' "$long" "$long" >"$tmp/long.tsv"
lede-report --title "$long" --repeats "$tmp/long.tsv" "$tmp/long.jsonl" >"$tmp/long.html"
cp "$tmp/seeds.html" "$tmp/frame-seeds.html"
cp "$tmp/long.html" "$tmp/frame-long.html"
for page in seeds long; do
	for w in 390 1400; do
		cat >"$tmp/h-$page-$w.html" <<EOF2
<!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="frame-$page.html" style="width:${w}px;height:1600px;border:0"></iframe>
<script>
document.getElementById('f').addEventListener('load',function(){setTimeout(function(){
var w=document.getElementById('f').contentWindow,d=w.document,e=d.documentElement,o=[];
d.querySelectorAll('body *').forEach(function(x){if(x.getBoundingClientRect().right>e.clientWidth+1&&!x.closest('.wrap,.chart,nav'))o.push(x.tagName);});
d.querySelectorAll('th').forEach(function(th){var tw=d.createTreeWalker(th,4),n,lo=1e9,hi=-1e9;while((n=tw.nextNode())){var r=d.createRange();r.selectNodeContents(n);Array.prototype.forEach.call(r.getClientRects(),function(c){lo=Math.min(lo,c.top);hi=Math.max(hi,c.top);});}if(hi-lo>4)o.push('wrapped TH '+th.textContent);});
document.body.setAttribute('data-w',(e.scrollWidth<=e.clientWidth?'fits':'scrolls '+e.scrollWidth+' in '+e.clientWidth)+(o.length?' out: '+o.slice(0,8).join(' '):''));
},200);});
</script></body></html>
EOF2
		chrome --allow-file-access-from-files --window-size=$((w + 20)),1600 --virtual-time-budget=3000 \
			--dump-dom "file://$tmp/h-$page-$w.html" >"$tmp/h.dom"
		check_same "$page at $w px: no sideways scroll, no header over two lines" "$(grep -o 'data-w="[^"]*"' "$tmp/h.dom")" 'data-w="fits"'
		chrome --allow-file-access-from-files --hide-scrollbars --window-size=$w,1600 \
			--screenshot="$tmp/shot-$page-$w.png" "file://$tmp/h-$page-$w.html" >/dev/null
		if command -v python3 >/dev/null 2>&1; then
			n=$(distinct "$tmp/shot-$page-$w.png")
			check "$page at $w px: the screenshot is not blank ($n distinct byte values)" test "${n:-0}" -ge 60
		else
			skip "$page at $w px: the screenshot is not blank" "python3 is not installed"
		fi
	done
done
done_testing
