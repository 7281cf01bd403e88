#!/bin/sh
# lede-split: offsets, front matter, datelines, boilerplate, input forms.
# The cases of sentences are in tests/cases/split.test (1004).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

texts() { lede-split "$@" | sed 's/.*"text":"\([^"]*\)".*/\1/'; }

lede-split tests/data/split-front.txt >"$tmp/front.out"
check_file "front matter, dateline, boilerplate: golden output" "$tmp/front.out" tests/data/split-front.out

printf 'Headline Without a Stop\n- A bullet line\n- Another one\nThe body. It ends.\n' >"$tmp/lines.txt"
check_same "each line is a paragraph; headlines and bullets stand alone" \
	"$(lede-split "$tmp/lines.txt" | sed 's/.*"para":\([0-9]*\).*"text":"\([^"]*\)".*/\1 \2/')" \
	"1 Headline Without a Stop
2 - A bullet line
3 - Another one
4 The body.
4 It ends."
printf 'A hard-wrapped\nparagraph. It goes\non.\n\nA second one.\n- a bullet\nline\n' >"$tmp/wrapped.txt"
check_same "-w: only blank lines and bullets end paragraphs" \
	"$(lede-split -w "$tmp/wrapped.txt" | sed 's/.*"para":\([0-9]*\).*"text":"\([^"]*\)".*/\1 \2/')" \
	'1 A hard-wrapped\nparagraph.
1 It goes\non.
2 A second one.
3 - a bullet\nline'

# Offsets: text is the slice [start, end) of the document, in code points.
if command -v python3 >/dev/null 2>&1; then
	cat >"$tmp/slices.py" <<'PY'
import json, sys
ok = True
for line in sys.stdin:
    r = json.loads(line)
    raw = open(r["doc"], "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"): raw = raw[3:]
    doc = raw.decode("utf-8", "replace")
    if doc[r["start"]:r["end"]] != r["text"]:
        ok = False; print("bad slice", r["doc"], r["n"])
sys.exit(0 if ok else 1)
PY
	printf '\357\273\277Caf\303\251 \360\237\230\200 na\303\257ve. \342\200\234Quoted.\342\200\235\r\nBad \377 byte here. Next.\r\n\r\nZero\000byte. End.\n' >"$tmp/odd.txt"
	check "offsets are code points: examples" sh -c 'lede-split examples/articles | python3 '"$tmp"'/slices.py'
	check "offsets are code points: BOM, CRLF, emoji, bad bytes, NUL" sh -c "lede-split '$tmp/odd.txt' 2>/dev/null | python3 $tmp/slices.py"
	check "offsets are code points: front matter" sh -c 'lede-split tests/data/split-front.txt | python3 '"$tmp"'/slices.py'
	check "offsets are code points: -w" sh -c "lede-split -w '$tmp/wrapped.txt' | python3 $tmp/slices.py"
else
	skip "offsets are code points" "no python3"
fi

run_err lede-split "$tmp/odd.txt"
check_same "invalid UTF-8: one warning with file and line, exit 0" "$status:$err" "0:lede-split: $tmp/odd.txt:2: invalid UTF-8, replaced by U+FFFD"
run_err lede-split -q "$tmp/odd.txt"
check_same "-q: no warning about the invalid UTF-8, exit 0" "$status:$err" "0:"
run_err lede-split --quiet "$tmp/odd.txt" "$tmp/none.txt"
check_same "--quiet: errors still said" "$status:$err" "1:lede-split: $tmp/none.txt: No such file or directory"
check_same "invalid UTF-8 becomes U+FFFD, NUL is kept escaped" "$(texts "$tmp/odd.txt" 2>/dev/null)" 'Café 😀 naïve.
“Quoted.”
Bad � byte here.
Next.
Zero\u0000byte.
End.'
check_same "a byte-order mark is not counted" "$(lede-split "$tmp/odd.txt" 2>/dev/null | head -n 1 | sed 's/.*"start":\([0-9]*\),"end":\([0-9]*\).*/\1 \2/')" "0 13"

: >"$tmp/empty.txt"
printf '  \n\n\t\n' >"$tmp/blank.txt"
run_err lede-split "$tmp/empty.txt" "$tmp/blank.txt"
check_same "empty and blank files give no records" "$status:$(cat "$tmp/out")$err" "0:"

# Publication dates.
printf 'Headline\nPublished at: 11/11/2025 10:27 PM\nText here.\n' >"$tmp/pub.txt"
check_same "a Published line gives dct" "$(lede-split "$tmp/pub.txt" | sed 's/.*"dct":"\([^"]*\)".*/\1/' | sort -u)" "2025-11-11"
check_same "--date wins over the text" "$(lede-split --date 2025-11-14 "$tmp/pub.txt" | sed 's/.*"dct":"\([^"]*\)".*/\1/' | sort -u)" "2025-11-14"
check_same "-d takes a date and time, keeps the date" "$(lede-split -d 2025-11-14T10:00:00Z "$tmp/pub.txt" | sed 's/.*"dct":"\([^"]*\)".*/\1/' | sort -u)" "2025-11-14"
printf 'BOGOTA, Colombia (AP) - The talks ended on 13 November 2025 at noon.\n' >"$tmp/nodate.txt"
check_same "a date inside running text is no dateline" "$(lede-split "$tmp/nodate.txt" | grep -c dct)" "0"
printf 'LONDON, 3 March 2024 (Reuters) - Markets fell.\n' >"$tmp/reuters.txt"
check_same "a dateline in parentheses" "$(lede-split "$tmp/reuters.txt" | sed 's/.*"dct":"\([^"]*\)".*/\1/')" "2024-03-03"

# Boilerplate.
check_same "--keep-boilerplate keeps boilerplate, marked" "$(lede-split --keep-boilerplate tests/data/split-front.txt | grep -c '"boilerplate":true')" "2"
printf 'The mayor spoke on Tuesday.\n\302\240Breaking News\n' >"$tmp/nbsp.txt"
check_same "--keep-boilerplate: a boilerplate line that starts with a no-break space starts after it" \
    "$(lede-split --keep-boilerplate "$tmp/nbsp.txt" | jq -c '[.start, .end, .text]' | tail -n 1)" '[29,42,"Breaking News"]'
printf 'boilerplate:\n  - Talks End .*\n' >"$tmp/user.yaml"
check_same "-c adds a boilerplate pattern" "$(lede-split -c "$tmp/user.yaml" tests/data/split-front.txt | head -n 1 | sed 's/.*"text":"\([^"]*\)".*/\1/')" \
	"WASHINGTON, D.C. – Nov. 13, 2025 – Mr. Smith left the U.S. Capitol at 5 p.m."
printf 'A long line that mentions Recommended stories and Share this article in passing is text.\n' >"$tmp/long.txt"
check_same "boilerplate words inside text are kept" "$(texts "$tmp/long.txt")" "A long line that mentions Recommended stories and Share this article in passing is text."

# Input forms.
mkdir -p "$tmp/dir/sub" "$tmp/dir/.hidden"
printf 'B one.\n' >"$tmp/dir/b.txt"
printf 'A one.\n' >"$tmp/dir/a.txt"
printf 'C one.\n' >"$tmp/dir/sub/c.txt"
printf 'Hidden.\n' >"$tmp/dir/.hidden/h.txt"
printf 'Hidden.\n' >"$tmp/dir/.h.txt"
check_same "a folder is walked in sorted order, hidden names left out" \
	"$(lede-split "$tmp/dir" | sed 's/.*"doc":"\([^"]*\)".*/\1/')" \
	"$tmp/dir/a.txt
$tmp/dir/b.txt
$tmp/dir/sub/c.txt"
printf '%s\n' "$tmp/dir/sub/c.txt" "$tmp/dir/a.txt" >"$tmp/list"
check_same "-T reads paths from a file" "$(lede-split -T "$tmp/list" | sed 's/.*"doc":"\([^"]*\)".*/\1/')" \
	"$tmp/dir/sub/c.txt
$tmp/dir/a.txt"
bad=$(printf '%s/caf\351.txt' "$tmp")
printf 'Latin-1 name.\n' >"$bad"
run_err lede-split "$bad"
check_same "a file name that is not UTF-8: a warning, U+FFFD in doc" "$status|$err|$(sed 's/.*"doc":"\([^"]*\)".*/\1/' "$tmp/out")" \
	"0|lede-split: $bad: name is not UTF-8; its doc has U+FFFD|$tmp/caf$(printf '\357\277\275').txt"
check_same "stdin is doc -" "$(echo 'Hi.' | lede-split)" '{"doc":"-","n":1,"para":1,"start":0,"end":3,"text":"Hi."}'
check_same "- is stdin, --doc names it" "$(echo 'Hi.' | lede-split --doc x1 -)" '{"doc":"x1","n":1,"para":1,"start":0,"end":3,"text":"Hi."}'
printf -- '---\ntitle: [unclosed\n---\nBody.\n' >"$tmp/badfm.txt"
run_err lede-split "$tmp/badfm.txt"
check_same "bad front matter: a warning, read as text" "$status|$err|$(texts "$tmp/badfm.txt" 2>/dev/null | tr '\n' '|')" \
	"0|lede-split: $tmp/badfm.txt:3:1: did not find expected ',' or ']' while parsing a flow sequence (front matter read as text)|---|title: [unclosed|---|Body.|"
printf -- '---\nno closing fence\n' >"$tmp/open.txt"
check_same "front matter that never closes is text" "$(texts "$tmp/open.txt" | tr '\n' '|')" "---|no closing fence|"

# Errors.
check_fail "a missing file: reported, the others read, exit 1" 1 "lede-split: $tmp/none.txt: No such file or directory" lede-split "$tmp/none.txt" "$tmp/dir/a.txt"
check_same "the other file was read" "$(sed 's/.*"text":"\([^"]*\)".*/\1/' "$tmp/out")" "A one."
check_fail "a read error (standard input is a folder)" 1 "lede-split: <stdin>: Is a directory" sh -c "lede-split <'$tmp/dir'"
if [ "$(id -u)" -ne 0 ]; then
	printf 'Secret.\n' >"$tmp/locked.txt"
	chmod 000 "$tmp/locked.txt"
	check_fail "an unreadable file" 1 "lede-split: $tmp/locked.txt: Permission denied" lede-split "$tmp/locked.txt"
else
	skip "an unreadable file" "root reads every file"
fi
check_fail "a bad option" 2 "lede-split: invalid option -- 'z'
usage: lede-split [-Hquvw] [-c config] [-d date] [-T list] [--doc name] [--keep-boilerplate] [--meta table] [--source-from-dir] [file | dir ...]" lede-split -z
check_fail "a bad --date" 2 "lede-split: --date is not a date (YYYY-MM-DD): 13/11/2025" lede-split --date 13/11/2025 "$tmp/dir/a.txt"
printf 'prefixes: [Mr\nstarters: x\n' >"$tmp/bad.yaml"
check_fail "a config that is not YAML" 2 "lede-split: $tmp/bad.yaml:2:9: did not find expected ',' or ']' while parsing a flow sequence" lede-split -c "$tmp/bad.yaml" "$tmp/dir/a.txt"
printf 'prefixes: Mr\n' >"$tmp/bad2.yaml"
check_fail "a config of the wrong shape" 2 "lede-split: $tmp/bad2.yaml:1:11: prefixes should be a list" lede-split -c "$tmp/bad2.yaml" "$tmp/dir/a.txt"
printf 'boilerplate: ["(unclosed"]\n' >"$tmp/bad3.yaml"
check_fail "a config with a bad pattern" 2 "lede-split: $tmp/bad3.yaml:1:15: boilerplate: bad pattern: missing closing parenthesis at offset 9" lede-split -c "$tmp/bad3.yaml" "$tmp/dir/a.txt"
check_fail "LEDE_DATA without the data" 2 "lede-split: $tmp/nodata/en/split.yaml: not found (LEDE_DATA is set)" env LEDE_DATA="$tmp/nodata" lede-split "$tmp/dir/a.txt"
check_fail "a full disk" 2 "lede-split: stdout: No space left on device" sh -c "lede-split examples/articles >/dev/full"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "Sentence number %d is here. ", i; print "" }' >"$tmp/huge.txt"
check_same "a 3 MB paragraph" "$(lede-split "$tmp/huge.txt" | wc -l | tr -d ' ')" "100000"
run_err sh -c "lede-split '$tmp/huge.txt' | head -n 1 >/dev/null"
check_same "a closed pipe ends quietly" "$status:$err" "0:"
run_err lede-split --version
check_same "--version" "$status:$(cat "$tmp/out")" "0:lede-split 0.1.0"
run_err lede-split --help
check_same "--help" "$status:$(head -n 1 "$tmp/out")" "0:usage: lede-split [-Hquvw] [-c config] [-d date] [-T list] [--doc name] [--keep-boilerplate] [--meta table] [--source-from-dir] [file | dir ...]"
# YAML nested past 100 levels is refused before libyaml reads it (its
# scanner is quadratic in the depth): a front matter is then read as text,
# with a warning at its place; a -c file is an error.
awk 'BEGIN { s = ""; for (i = 0; i < 20000; i++) s = s "["; t = s; gsub(/\[/, "]", t)
	print "---"; print "x: " s t; print "---"; print "Body text here." }' >"$tmp/deep.md"
run_err lede-split "$tmp/deep.md"
check_same "deep front matter: warned at its place" "$err" \
    "lede-split: $tmp/deep.md:2:104: nested more than 100 deep (front matter read as text)"
check_same "deep front matter: the body still comes out" "$(tail -n 1 "$tmp/out" | jq -r .text)" "Body text here."
sed -n 2p "$tmp/deep.md" >"$tmp/deep.yaml"
check_fail "a -c file nested too deep" 2 "lede-split: $tmp/deep.yaml:1:104: nested more than 100 deep" \
    lede-split -c "$tmp/deep.yaml" "$tmp/deep.md"

# A link to a folder is not followed (a link to its parent would read the
# tree again and again); a link to a file is read.
mkdir -p "$tmp/links/b"
echo 'One sentence here.' >"$tmp/links/b/x.txt"
echo 'Two here.' >"$tmp/links/y.txt"
ln -s .. "$tmp/links/b/up"
ln -s ../y.txt "$tmp/links/b/ylink.txt"
run_err lede-split -v "$tmp/links"
check_same "links: a link to a folder is not followed, one to a file is read" \
    "$(jq -r .doc "$tmp/out" | sed "s|^$tmp/||")" "links/b/x.txt
links/b/ylink.txt
links/y.txt"
check_same "links: -v says so" "$err" "lede-split: $tmp/links/b/up: skipped: a link to a folder, not followed"

done_testing
