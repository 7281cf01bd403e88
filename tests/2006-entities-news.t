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
    "Tories|ORG|Conservative Party Labour|ORG|Labour / Conservatives|ORG|Conservative Party"
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

# --- clubs named by a place, in sports text
check_same "a results line: towns with scores are clubs" \
    "$(e 'Brackley 2 Dunmore 1')" \
    "Brackley|ORG|Brackley Dunmore|ORG|Dunmore"
check_same "a known city that beats another in a league match is a club" \
    "$(e 'Leeds beat Coventry in the league match, and their goal came late.')" \
    "Leeds|ORG|Leeds team Coventry|ORG|Coventry team"
check_same "a plural verb makes a club; from a town is the town" \
    "$(e 'Dunmore have signed a striker from Brackley after the match, and the coach praised the goal.')" \
    "Dunmore|ORG|Dunmore Brackley|GPE|Brackley"
check_same "the club's other mentions follow it, the town after in does not" \
    "$(e 'Leeds beat Coventry in the league match.' 'The Leeds coach praised the goal.' 'Fans in Leeds celebrated.')" \
    "Leeds|ORG|Leeds team Coventry|ORG|Coventry team / Leeds|ORG|Leeds team / Leeds|GPE|Leeds"
check_same "in sports text a side's nickname after the is ORG, not in a title" \
    "$(e 'The coach said the Tigers would win the match, and the Tigers scored two goals.' 'The film Lord of the Rings won.')" \
    "Tigers|ORG|Tigers Tigers|ORG|Tigers / "
check_same "clubs named with several words are one ORG" \
    "$(e 'Union Kessel beat Real Tolosa 3-1 in the cup match, and the coach praised the goals.')" \
    "Union Kessel|ORG|Union Kessel Real Tolosa|ORG|Real Tolosa"
check_same "rows of a league table: clubs; a country stays GPE" \
    "$(e 'Dunmore 12 7 3 2 21' 'Leeds 12 6 3 3 19' 'Japan 3 2 1 0 7')" \
    "Dunmore|ORG|Dunmore / Leeds|ORG|Leeds team / Japan|GPE|Japan"
check_same "a country keeps GPE for its national side" \
    "$(e 'France have won the match against Wales, and the coach praised the goals.')" \
    "France|GPE|France Wales|GPE|Wales"
check_same "no sports text: a plural verb after two places is no team" \
    "$(e 'Prices in Leeds have risen, and Kessel and Dunmore are quiet.')" \
    "Leeds|GPE|Leeds"
check_same "no results line without a second score" \
    "$(e 'Rapper 50 Cent has a new album, and Brackley 2 was a demo.')" \
    ""

# --- companies, products, look-alikes, facilities
check_same "companies that look like surnames are ORG; a product is PRODUCT" \
    "$(e 'Sony and Nintendo unveiled the Nintendo DS, and Rover cut jobs.')" \
    "Sony|ORG|Sony Nintendo|ORG|Nintendo Nintendo DS|PRODUCT|Nintendo DS Rover|ORG|MG Rover"
check_same "the bookmaker is ORG, a man named Hill who speaks is a person" \
    "$(e 'William Hill took bets; David Hill said the odds were long.')" \
    "William Hill|ORG|William Hill David Hill|PERSON|David Hill"
check_same "a product named with a capital is no person" \
    "$(e 'Collectors sold a VW Beetle and a PlayStation.')" \
    "VW Beetle|PRODUCT|VW Beetle PlayStation|PRODUCT|PlayStation"
check_same "airports and stadiums are LOC" \
    "$(e 'She flew from Heathrow to Gatwick and watched the game at Twickenham.')" \
    "Heathrow|LOC|Heathrow Airport Gatwick|LOC|Gatwick Airport Twickenham|LOC|Twickenham"
check_same "regions are LOC" \
    "$(e 'Sales grew in the Americas and Asia Pacific, and in the Southern Hemisphere.')" \
    "Americas|LOC|Americas Asia Pacific|LOC|Asia Pacific Southern Hemisphere|LOC|Southern Hemisphere"

# --- linking that respects people
check_same "Mr Howard links to Michael Howard, Mrs Howard is someone else" \
    "$(e 'Michael Howard spoke.' 'Mr Howard said so.' 'Mrs Howard smiled.' 'Mr Howard left with Mrs Howard.')" \
    "Michael Howard|PERSON|Michael Howard / Howard|PERSON|Michael Howard / Howard|PERSON|Howard / Howard|PERSON|Michael Howard Howard|PERSON|Howard"
check_same "two Howards named in full: each title finds its own" \
    "$(e 'Sandra Howard and Michael Howard came.' 'Mrs Howard spoke, and Mr Howard too.')" \
    "Sandra Howard|PERSON|Sandra Howard Michael Howard|PERSON|Michael Howard / Howard|PERSON|Sandra Howard Howard|PERSON|Michael Howard"
check_same "first names keep people apart; a surname alone takes the first" \
    "$(e 'Ann Pellow met Tom Pellow.' 'Ann left; Pellow stayed.')" \
    "Ann Pellow|PERSON|Ann Pellow Tom Pellow|PERSON|Tom Pellow / Ann|PERSON|Ann Pellow Pellow|PERSON|Ann Pellow"

# --- labels, tables and datelines
check_same "a party label after a name is no person; its state is a place" \
    "$(e 'Sen. Ann Fry (D-Ore.) and Rep. Tom Vale (R-Texas) objected.')" \
    "Ann Fry|PERSON|Ann Fry Tom Vale|PERSON|Tom Vale Texas|GPE|Texas"
check_same "a table's headings are no name" \
    "$(e 'P W D L F A Pts' 'Team W D L PTS')" \
    " / "
check_same "a headline in capitals keeps only names known in the document" \
    "$(e 'BRACKLEY SIGN DUNMORE STRIKER' 'Brackley have signed a striker from Dunmore after the match.')" \
    "BRACKLEY|ORG|Brackley DUNMORE|GPE|Dunmore / Brackley|ORG|Brackley Dunmore|GPE|Dunmore"
check_same "a dateline in capitals" \
    "$(e 'KELOWNA, Canada (AP) - A fire spread on Sunday.')" \
    "KELOWNA|GPE|Kelowna Canada|GPE|Canada AP|ORG|Associated Press"

# --- bodies and clubs named alone
check_same "bodies named alone are ORG" \
    "$(e 'The Treasury and the Lords clashed, and the Scottish Executive agreed.')" \
    "Treasury|ORG|HM Treasury Lords|ORG|House of Lords Scottish Executive|ORG|Scottish Executive"
check_same "a club whose name is no place" \
    "$(e 'Arsenal signed a winger from Celtic.')" \
    "Arsenal|ORG|Arsenal Celtic|ORG|Celtic"

# --- look-alikes
check_same "a surname that is a common word takes the full name's type" \
    "$(e 'Hayley Butler won the race.' 'Butler led from the start, and then Butler won.')" \
    "Hayley Butler|PERSON|Hayley Butler / Butler|PERSON|Hayley Butler Butler|PERSON|Hayley Butler"
check_same "a common word at a sentence start with no such person stays out" \
    "$(e 'Hayley Pellow won the race.' 'Butler service was slow.')" \
    "Hayley Pellow|PERSON|Hayley Pellow / "
check_same "a first name and a plural surname is a person, not a team" \
    "$(e 'Jeremy Irons starred, and Kate Rivers joined Ford.')" \
    "Jeremy Irons|PERSON|Jeremy Irons Kate Rivers|PERSON|Kate Rivers Ford|ORG|Ford"
check_same "a name before said is a person, after a title too" \
    "$(e 'Mr Quarry arrived late.' 'Vennick said the plan would work.')" \
    "Quarry|PERSON|Quarry / Vennick|PERSON|Vennick"

done_testing
