#!/bin/sh
# lede-tag-entities -c: the user's gazetteer first, over the shipped
# names.  The cases of news (parties, clubs, companies, look-alikes,
# people kept apart, places) are in tests/cases/entities.test.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
LEDE_DATA=$top/data
export LEDE_DATA

# e -c FILE TEXT: the entities of one record, "text|type|id" each,
# separated by spaces.
e() {
	printf '{"doc":"t","text":"%s"}\n' "$3" | lede-tag-entities -c "$2" |
	perl -MJSON::PP -ne 'print join(" ", map { "$_->{text}|$_->{type}|$_->{id}" } @{decode_json($_)->{entities}}), "\n"'
}

# --- the user's gazetteer wins over the shipped data for its names
cat >"$tmp/party.yaml" <<'YAML'
entities:
  - name: Tory Rowing Club
    type: TEAM
    aliases: [Tories]
  - name: Conservative
    type: GROUP
YAML
check_same "-c: an alias of the user's wins over a shipped alias" \
    "$(e -c "$tmp/party.yaml" 'The Tories rowed past the Conservatives.')" \
    "Tories|TEAM|Tory Rowing Club Conservatives|ORG|Conservative Party"
check_same "-c: a shipped name given again is retyped, with its aliases" \
    "$(e -c "$tmp/party.yaml" 'A Conservative voter, a Tory voter.')" \
    "Conservative|GROUP|Conservative Tory|GROUP|Conservative"

done_testing
