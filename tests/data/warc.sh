# tests/data/warc.sh: sourced by the tests of WARC files, in an empty
# folder: writes crawl.warc (its records also as r-01 ... r-08: warcinfo,
# request, response, metadata, responses of XHTML, of an image, of a 404
# page and a chunked one) and crawl.warc.gz, a gzip member a record.
# rec VERSION TYPE URI DATE BLOCK: a record, its block the file BLOCK.
rec() {
	printf '%s\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: %s\r\n' "$1" "$2" "$3" "$4"
	printf 'WARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: application/http; msgtype=%s\r\n' "$n" "$2"
	printf 'Content-Length: %d\r\n\r\n' "$(wc -c < "$5")"
	cat "$5"
	printf '\r\n\r\n'
}
# http STATUS TYPE [HEADER]: an HTTP response's head.
http() {
	printf 'HTTP/1.1 %s\r\nServer: test\r\nContent-Type: %s\r\n%s\r\n' "$1" "$2" "${3:+$3
}"
}
# chunk EXT TEXT: a chunk of chunked transfer-encoding.
chunk() { printf '%x%s\r\n%s\r\n' "${#2}" "$1" "$2"; }
n=0
add() {	# add VERSION TYPE URI DATE: a record of the block in b, as r-N
	n=$((n + 1))
	rec "$@" b > "r-$(printf %02d $n)"
}

printf 'software: lede test\r\nformat: WARC File Format 1.0\r\n' > b
add WARC/1.0 warcinfo '' 2026-01-02T03:04:05Z
printf 'GET /one HTTP/1.1\r\nHost: news.example\r\n\r\n' > b
add WARC/1.0 request https://news.example/one 2026-01-02T03:04:05Z
{ http '200 OK' 'text/html; charset=UTF-8'
  printf '<html><head><title>One</title>\n<meta property="article:published_time" content="2025-03-04T10:00:00Z">\n'
  printf '</head><body><article><h1>Rain in the north</h1>\n<p>It rained all day in Leeds. Rivers rose.</p>\n</article></body></html>\n'
} > b
add WARC/1.0 response https://news.example/one 2026-01-02T03:04:05Z
printf 'fetchTimeMs: 120\r\n' > b
add WARC/1.0 metadata https://news.example/one 2026-01-02T03:04:05Z
{ http '200 OK' 'application/xhtml+xml'
  printf '<html><body><article><p>The council met on Tuesday. It voted no.</p></article></body></html>\n'
} > b
add WARC/1.1 response '<https://news.example/two>' 2026-01-03T00:00:00Z
{ http '200 OK' 'image/png'; printf '\211PNG\r\n\032\n'; } > b
add WARC/1.0 response https://news.example/logo.png 2026-01-03T00:00:01Z
{ http '404 Not Found' 'text/html'; printf '<p>Not here.</p>\n'; } > b
add WARC/1.0 response https://news.example/gone 2026-01-03T00:00:02Z
# Chunked, cut inside a word and inside a tag, with an extension and trailers.
{ http '200 OK' 'TEXT/HTML' 'Transfer-Encoding: chunked'
  chunk '' '<html><body><p>Chunks jo'
  chunk ';ext=1' 'in up. They are whol'
  chunk '' 'e again.</p'
  chunk '' '>

'
  printf '0\r\nX-Trailer: 1\r\n\r\n'
} > b
add WARC/1.0 response https://news.example/three 2026-01-04T05:06:07Z
cat r-* > crawl.warc
for f in r-*; do gzip -n -c "$f"; done > crawl.warc.gz

