#!/bin/sh
# lede-tag-entities: documents, offsets and the record, user data.  The
# cases of spans, types, titles, ids and coreference are in
# tests/cases/entities.test (2005).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
LEDE_DATA=$top/data
export LEDE_DATA

# --- documents are separate
printf '%s\n' '{"doc":"a","text":"Alvaro Quintero spoke."}' '{"doc":"b","text":"Quintero said no."}' |
    lede-tag-entities >"$tmp/docs.out"
check_same "ids do not leak from one document to the next" \
    "$(sed -n 2p "$tmp/docs.out")" \
    '{"doc":"b","text":"Quintero said no.","entities":[{"start":0,"end":8,"text":"Quintero","type":"PERSON","id":"Quintero"}]}'

# --- offsets and the record
printf '%s\n' '{"doc":"a","n":1,"x":1.50,"text":"Ça: \u00c9milie Duval met \"Petro\" in Bogotá."}' >"$tmp/off.in"
lede-tag-entities "$tmp/off.in" >"$tmp/off.out"
check_same "code-point offsets, other fields kept byte for byte" "$(cat "$tmp/off.out")" \
    '{"doc":"a","n":1,"x":1.50,"text":"Ça: \u00c9milie Duval met \"Petro\" in Bogotá.","entities":[{"start":4,"end":16,"text":"Émilie Duval","type":"PERSON","id":"Emilie Duval"},{"start":22,"end":27,"text":"Petro","type":"PERSON","id":"Gustavo Petro"},{"start":32,"end":38,"text":"Bogotá","type":"GPE","id":"Bogotá"}]}'
lede-tag-entities "$tmp/off.out" >"$tmp/off2.out"
check_file "running twice gives what running once gives" "$tmp/off2.out" "$tmp/off.out"
printf '%s\n' '{"text":""}' | lede-tag-entities >"$tmp/empty.out"
check_same "an empty text gets an empty list" "$(cat "$tmp/empty.out")" '{"text":"","entities":[]}'
printf '%s\n' '{}' '{"text":"Kenya"}' | lede-tag-entities -k >"$tmp/k.out" 2>"$tmp/k.err"
check_same "-k passes a record without text through" "$(cat "$tmp/k.out")" \
    '{}
{"text":"Kenya","entities":[{"start":0,"end":5,"text":"Kenya","type":"GPE","id":"Kenya"}]}'

# --- user data
cat >"$tmp/user.yaml" <<'YAML'
entities:
  - name: Riverside Rovers
    type: TEAM
    aliases: [Rovers, RRFC]
  - name: Ana Lucía Torres
    type: PERSON
    aliases: [Torres]
YAML
check_same "-c adds entities, aliases and a new type" \
    "$(printf '%s\n' '{"text":"The RRFC beat Zaragoza; Torres scored for the Rovers."}' | lede-tag-entities -c "$tmp/user.yaml" |
        jq -r '[.entities[] | "\(.text)|\(.type)|\(.id)"] | join(" ")')" \
    "RRFC|TEAM|Riverside Rovers Zaragoza|GPE|Zaragoza Torres|PERSON|Ana Lucía Torres Rovers|TEAM|Riverside Rovers"

printf 'place-suffixes: [olm]\nplace-nouns: [fief]\n' >"$tmp/suf.yaml"
check_same "-c adds place suffixes and place nouns" \
    "$(printf '%s\n' '{"text":"They reached Gravolm and Gravo, a fief in Kent."}' | lede-tag-entities -c "$tmp/suf.yaml" |
        jq -r '[.entities[] | "\(.text)|\(.type)"] | join(" ")')" \
    "Gravolm|GPE Gravo|GPE Kent|GPE"

# --- the man page's examples
check "man page lints clean" mandoc -T lint -W warning man/lede-tag-entities.1

done_testing
