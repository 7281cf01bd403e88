#!/bin/sh
# lede-tag-entities on news: parties and groups, clubs and national
# teams, companies and products, look-alikes, people kept apart, places
# and venues, the user's gazetteer first.  Every sentence is invented.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
LEDE_DATA=$top/data
export LEDE_DATA

# e [-c FILE] TEXT...: one record per argument, all of one document;
# prints each entity as "text|type|id", records separated by " / ".
e() {
	opt=
	if [ "$1" = -c ]; then
		opt="-c $2"
		shift 2
	fi
	for t in "$@"; do
		printf '{"doc":"t","text":"%s"}\n' "$t"
	done | lede-tag-entities $opt | python3 -c '
import json, sys
out = []
for l in sys.stdin:
    out.append(" ".join("%s|%s|%s" % (x["text"], x["type"], x["id"])
                        for x in json.loads(l)["entities"]))
print(" / ".join(out))'
}

# --- parties: ORG under every name, one id each; the adjective is NORP
check_same "party names and short forms are ORG with one id" \
    "$(e 'The Tories and Labour clashed.' 'The Conservatives replied.')" \
    "Tories|ORG|Conservative Party Labour|ORG|Labour Party / Conservatives|ORG|Conservative Party"
check_same "Lib Dems and Liberal Democrats are one party" \
    "$(e 'The Lib Dems gained seats.' 'The Liberal Democrats were pleased.')" \
    "Lib Dems|ORG|Liberal Democrats / Liberal Democrats|ORG|Liberal Democrats"
check_same "the adjective before a noun is NORP" \
    "$(e 'A Conservative MP and a Lib Dem councillor met a Tory donor.')" \
    "Conservative|NORP|Conservative Lib Dem|NORP|Liberal Democrat Tory|NORP|Conservative"
check_same "US parties: Democrats and the GOP" \
    "$(e 'Democrats accused the GOP of delay, and Republicans denied it.')" \
    "Democrats|ORG|Democratic Party GOP|ORG|Republican Party Republicans|ORG|Republican Party"

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
