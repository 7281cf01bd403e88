#!/bin/sh
# lede-extract-quotes: the paths its fast reading takes, pinned to what
# the plain reading wrote: a '"' as a text's last byte (not a mark for
# the document), an entity outside a record of the current document
# (the record passed on under -k, the document's others kept), keys and
# texts with escapes, control characters in a quotation, "quotes"
# replaced in place or added before white space and the closing brace.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
q=lede-extract-quotes

cat >"$tmp/in.jsonl" <<'EOF'
{"doc":"t1","para":1,"start":0,"text":"Hello there.","entities":[]}
{"doc":"t1","para":1,"start":13,"text":"end\"","entities":[]}
{"doc":"t2","para":1,"start":0,"text":"Ann spoke.","entities":[{"start":0,"end":3,"type":"PERSON","id":"Ann"}]}
{"doc":"t2","para":1,"start":11,"text":"\u201cWe\tgo now,\u201d said Ann.","entities":[{"start":20,"end":23,"type":"PERSON","id":"Ann"},{"start":2,"end":99,"type":"PERSON"}]}
{"doc":"t2","para":1,"start":40,"text":"\u201cNo,\u201d said Ann.","entities":[{"start":11,"end":14,"type":"PERSON","id":"Ann"},{"start":0,"end":99,"type":"PERSON","id":"Ann"}]}
{"doc":"t2","para":2,"start":60,"text":"\"A \\\"quoted\\\" word\nand \u00e9 more,\" she said.","entities":[]}
{"\u0064oc":"t3","start":0,"\u0074ext":"\u201cWe won,\u201d Bur\u0074on said.","entities":[{"start":10,"end":16,"\u0074ype":"PERSON","id":"Bur\u0074on"},{"start":10,"end":16,"type":"PER\u0053ON","id":"Bur\u0074on"}] }
{"doc":"t4","start":0,"text":"\u201cYes,\u201d he said.","quotes":null , "entities":[] }
{"doc":"t5","start":0,"text":"\"Tab\there and \\\\ slash \\/ ok,\" said Bo.","entities":[]}
EOF
cat >"$tmp/want" <<'EOF'
{"doc":"t1","para":1,"start":0,"text":"Hello there.","entities":[],"quotes":[]}
{"doc":"t1","para":1,"start":13,"text":"end\"","entities":[],"quotes":[]}
{"doc":"t2","para":1,"start":0,"text":"Ann spoke.","entities":[{"start":0,"end":3,"type":"PERSON","id":"Ann"}],"quotes":[]}
{"doc":"t2","para":1,"start":11,"text":"\u201cWe\tgo now,\u201d said Ann.","entities":[{"start":20,"end":23,"type":"PERSON","id":"Ann"},{"start":2,"end":99,"type":"PERSON"}]}
{"doc":"t2","para":1,"start":40,"text":"\u201cNo,\u201d said Ann.","entities":[{"start":11,"end":14,"type":"PERSON","id":"Ann"},{"start":0,"end":99,"type":"PERSON","id":"Ann"}]}
{"doc":"t2","para":2,"start":60,"text":"\"A \\\"quoted\\\" word\nand \u00e9 more,\" she said.","entities":[],"quotes":[{"start":1,"end":4,"text":"A \\","speaker":null,"verb":"quoted","kind":"full"}]}
{"\u0064oc":"t3","start":0,"\u0074ext":"\u201cWe won,\u201d Bur\u0074on said.","entities":[{"start":10,"end":16,"\u0074ype":"PERSON","id":"Bur\u0074on"},{"start":10,"end":16,"type":"PER\u0053ON","id":"Bur\u0074on"}],"quotes":[{"start":1,"end":8,"text":"We won,","speaker":"Burton","verb":"said","kind":"full","mention":{"n":1,"start":10,"end":16,"text":"Burton"}}] }
{"doc":"t4","start":0,"text":"\u201cYes,\u201d he said.","quotes":[{"start":1,"end":5,"text":"Yes,","speaker":null,"verb":"said","kind":"full","mention":{"n":1,"start":7,"end":9,"text":"he"}}] , "entities":[] }
{"doc":"t5","start":0,"text":"\"Tab\there and \\\\ slash \\/ ok,\" said Bo.","entities":[],"quotes":[{"start":1,"end":29,"text":"Tab\there and \\\\ slash \\/ ok,","speaker":"Bo","verb":"said","kind":"full","mention":{"n":1,"start":36,"end":38,"text":"Bo"}}]}
EOF
cat >"$tmp/want.e" <<'EOF'
{"doc":"t2","para":1,"start":11,"text":"\u201cWe\tgo now,\u201d said Ann.","entities":[{"start":20,"end":23,"type":"PERSON","id":"Ann"},{"start":2,"end":99,"type":"PERSON"}]}
{"doc":"t2","para":1,"start":40,"text":"\u201cNo,\u201d said Ann.","entities":[{"start":11,"end":14,"type":"PERSON","id":"Ann"},{"start":0,"end":99,"type":"PERSON","id":"Ann"}]}
{"doc":"t2","n":4,"start":61,"end":64,"text":"A \\","speaker":null,"verb":"quoted","kind":"full"}
{"doc":"t3","n":1,"start":1,"end":8,"text":"We won,","speaker":"Burton","verb":"said","kind":"full","mention":{"n":1,"start":10,"end":16,"text":"Burton"}}
{"doc":"t4","n":1,"start":1,"end":5,"text":"Yes,","speaker":null,"verb":"said","kind":"full","mention":{"n":1,"start":7,"end":9,"text":"he"}}
{"doc":"t5","n":1,"start":1,"end":29,"text":"Tab\there and \\\\ slash \\/ ok,","speaker":"Bo","verb":"said","kind":"full","mention":{"n":1,"start":36,"end":38,"text":"Bo"}}
EOF
$q -k "$tmp/in.jsonl" >"$tmp/out" 2>"$tmp/err"
check_same "exit status 1 with -k and rejects" "$?" 1
check_file "records as the plain reading wrote them" "$tmp/out" "$tmp/want"
check_same "the warnings, in order" "$(sed 's/^[^:]*: [^:]*://' "$tmp/err")" \
	"4: doc t2: entity 1 lies outside the record's text
5: doc t2: entity 2 lies outside the record's text
6: doc t2, record 4: closing quotation mark with no opening mark
6: doc t2, record 4: closing quotation mark with no opening mark"
$q -k --each -a "$tmp/in.jsonl" >"$tmp/out.e" 2>/dev/null
check_file "--each --all: the same quotations" "$tmp/out.e" "$tmp/want.e"

done_testing
