#!/bin/sh
# lede-tag-entities: spans, types, titles, ids and coreference, user data.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
LEDE_DATA=$top/data
export LEDE_DATA

# e TEXT...: one record per argument, all of one document; prints each
# entity as "text|type|id|title", records separated by "/".
e() {
	for t in "$@"; do
		printf '{"doc":"t","text":"%s"}\n' "$t"
	done | lede-tag-entities | python3 -c '
import json, sys
out = []
for l in sys.stdin:
    out.append(" ".join("%s|%s|%s|%s" % (x["text"], x["type"], x["id"], x.get("title", ""))
                        for x in json.loads(l)["entities"]))
print(" / ".join(out))'
}

# --- finding names
check_same "a country, a demonym, a person with a title" \
    "$(e 'Colombian President Gustavo Petro visited Ecuador.')" \
    "Colombian|NORP|Colombian| Gustavo Petro|PERSON|Gustavo Petro|President Ecuador|GPE|Ecuador|"
check_same "a title of several words is not in the span" \
    "$(e 'US Secretary of State Marco Rubio spoke.')" \
    "US|GPE|United States| Marco Rubio|PERSON|Marco Rubio|Secretary of State"
check_same "honorifics are left out and are no title" \
    "$(e 'Mr. Alvaro Quintana and Dr. Lucia Ferraro met.')" \
    "Alvaro Quintana|PERSON|Alvaro Quintana| Lucia Ferraro|PERSON|Lucia Ferraro|"
check_same "an honorific with its dot before a surname alone" \
    "$(e 'Then Dr. Nnamdi spoke, and Lt. Gen. Jubal Early listened.')" \
    "Nnamdi|PERSON|Nnamdi| Jubal Early|PERSON|Jubal Early|Lt. Gen."
check_same "a lone initial is no name, and links no one" \
    "$(e 'John C. Scheidt Jr. spoke, then C left.')" \
    "John C. Scheidt Jr.|PERSON|John C. Scheidt Jr.|"
check_same "a title-case list of names is no headline" \
    "$(e 'Colonel Meredith H. Shade, 10 October 1952; Colonel Clay Tice Jr., 15 May 1957')" \
    "Meredith H. Shade|PERSON|Meredith H. Shade|Colonel Clay Tice Jr.|PERSON|Clay Tice Jr.|Colonel"
check_same "a lower-case title before a name" \
    "$(e 'The U.N. human rights chief Volker Turk said so.')" \
    "U.N.|ORG|United Nations| Volker Turk|PERSON|Volker Türk|human rights chief"
check_same "and inside a known name, not between names" \
    "$(e 'Venezuela, Colombia and Trinidad and Tobago were named.')" \
    "Venezuela|GPE|Venezuela| Colombia|GPE|Colombia| Trinidad and Tobago|GPE|Trinidad and Tobago|"
check_same "and inside an organisation named with of" \
    "$(e 'The Ministry of Trade and Industry agreed.')" \
    "Ministry of Trade and Industry|ORG|Ministry of Trade and Industry|"
check_same "possessive left out of the span" \
    "$(e 'Colombia’s decision and Brazil'"'"'s reply.')" \
    "Colombia|GPE|Colombia| Brazil|GPE|Brazil|"
check_same "hyphenated compound of two places" \
    "$(e 'The US-Colombia relationship is tense.')" \
    "US|GPE|United States| Colombia|GPE|Colombia|"
check_same "acronyms with dots" \
    "$(e 'The U.S. and the U.K. disagree.')" \
    "U.S.|GPE|United States| U.K.|GPE|United Kingdom|"
check_same "a common word starting a sentence is no name" \
    "$(e 'Sources said Meanwhile Kenya voted.')" \
    "Kenya|GPE|Kenya|"
check_same "events and works are left out" \
    "$(e 'After the Battle of Waterloo and World War II came peace.')" \
    ""
check_same "organisation words" \
    "$(e 'He joined the Northern Star Workers Party and Halvorsen Shipping Company.')" \
    "Northern Star Workers Party|ORG|Northern Star Workers Party| Halvorsen Shipping Company|ORG|Halvorsen Shipping Company|"
check_same "place words" \
    "$(e 'Boats crossed the Caribbean Sea near Lake Tanganyika and Zarvo County.')" \
    "Caribbean Sea|LOC|Caribbean Sea| Lake Tanganyika|LOC|Lake Tanganyika| Zarvo County|GPE|Zarvo County|"
check_same "a cue word before a name" \
    "$(e 'The magazine Cambio revealed it.')" \
    "Cambio|ORG|Cambio|"
check_same "a speech verb after a name" \
    "$(e 'Benedetti said no.')" \
    "Benedetti|PERSON|Benedetti|"
check_same "a first name makes a person" \
    "$(e 'Talks with Armando Benedetti ended.')" \
    "Armando Benedetti|PERSON|Armando Benedetti|"
check_same "an unknown single word without evidence is left out" \
    "$(e 'They met at Zorblat yesterday.')" \
    ""

# --- one id per entity
check_same "a short form before the full name links to it" \
    "$(e 'Quintero spoke first.' 'Later, Alvaro Quintero spoke again, and Quintero left.')" \
    "Quintero|PERSON|Alvaro Quintero| / Alvaro Quintero|PERSON|Alvaro Quintero| Quintero|PERSON|Alvaro Quintero|"
check_same "accent- and case-blind linking" \
    "$(e 'Defense Minister Pedro Arnulfo Sánchez spoke.' 'SANCHEZ and Sanchez agreed.')" \
    "Pedro Arnulfo Sánchez|PERSON|Pedro Arnulfo Sanchez|Defense Minister / SANCHEZ|PERSON|Pedro Arnulfo Sanchez| Sanchez|PERSON|Pedro Arnulfo Sanchez|"
check_same "aliases across documents" \
    "$(e 'America, the US and the U.S. and Britain and the UK.')" \
    "America|GPE|United States| US|GPE|United States| U.S.|GPE|United States| Britain|GPE|United Kingdom| UK|GPE|United Kingdom|"
check_same "an acronym defined in parentheses takes the long form's id" \
    "$(e 'The Andean Fisheries Council (AFC) met.' 'The AFC agreed.')" \
    "Andean Fisheries Council|ORG|Andean Fisheries Council| AFC|ORG|Andean Fisheries Council| / AFC|ORG|Andean Fisheries Council|"
check_same "a name typed once keeps its type" \
    "$(e 'The group Hollow Pines formed.' 'Then Hollow Pines toured.')" \
    "Hollow Pines|ORG|Hollow Pines| / Hollow Pines|ORG|Hollow Pines|"
check_same "a place and a plural is a team; the plural alone links to it" \
    "$(e 'The Boston Bruins won.' 'Later the Bruins lost.')" \
    "Boston Bruins|ORG|Boston Bruins| / Bruins|ORG|Boston Bruins|"
check_same "a title-case headline keeps only names known elsewhere" \
    "$(e 'Petro Slams Strikes Near Tobruk Coast After Quintero Speech' 'Alvaro Quintero said so.')" \
    "Petro|PERSON|Gustavo Petro| Tobruk|GPE|Tobruk| Quintero|PERSON|Alvaro Quintero| / Alvaro Quintero|PERSON|Alvaro Quintero|"
check_same "all capitals" \
    "$(e 'COLOMBIA SUSPENDS INTELLIGENCE SHARING WITH THE UNITED STATES')" \
    "COLOMBIA|GPE|Colombia| UNITED STATES|GPE|United States|"

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

# --- typing unknown names from their context and shape
check_same "apposition: a place noun makes a place, an organisation noun an organisation" \
    "$(e 'They met in Zelbrin, a small town in Kent.' 'Krotz is a band formed in Oslo.')" \
    "Zelbrin|GPE|Zelbrin| Kent|GPE|Kent| / Krotz|ORG|Krotz| Oslo|GPE|Oslo|"
check_same "apposition: the noun must end the phrase (a company spokesman)" \
    "$(e 'Jim Smoot, a company spokesman, declined.')" \
    "Jim Smoot|PERSON|Jim Smoot|"
check_same "a lone unknown word ending like a place is a place" \
    "$(e 'The team left Krantzburg on Monday.')" \
    "Krantzburg|GPE|Krantzburg|"
check_same "a lone unknown word with no evidence is left out" \
    "$(e 'The team left Krantzbol on Monday.')" ""
check_same "a comma and a known place after an unknown name make it a place" \
    "$(e 'He lived at Zorbly, Maryland for years.')" \
    "Zorbly|GPE|Zorbly| Maryland|GPE|Maryland|"
check_same "nor a place that a noun follows: UK economist" \
    "$(e 'Ross Walker, UK economist at the Bank of England, said so.')" \
    "Ross Walker|PERSON|Ross Walker| UK|GPE|United Kingdom| Bank of England|ORG|Bank of England|"
check_same "but not a possessive place: Libya's oil minister" \
    "$(e 'Later Omar Bin Kaddar, Libya'"'"'s oil minister, told Reuters.')" \
    "Omar Bin Kaddar|PERSON|Omar Bin Kaddar| Libya|GPE|Libya| Reuters|ORG|Reuters|"
check_same "a place cue before an unknown name of two words" \
    "$(e 'The troops camped near Qvarn Morenta for a week.')" \
    "Qvarn Morenta|GPE|Qvarn Morenta|"
check_same "no cue: two unknown words are still a person" \
    "$(e 'The award went to Xochi Tlamatz last year.')" \
    "Xochi Tlamatz|PERSON|Xochi Tlamatz|"
check_same "no person after the, nor when the first word is a common word" \
    "$(e 'They saw Famous Zorkan near the Grand Zorkany, and Xochi Tlamatz.')" \
    "Xochi Tlamatz|PERSON|Xochi Tlamatz|"
check_same "a place word after an organisation word: a body" \
    "$(e 'The Zorbton Unified School District and Zorbton County agreed.')" \
    "Zorbton Unified School District|ORG|Zorbton Unified School District| Zorbton County|GPE|Zorbton County|"
check_same "the joins a name only after of" \
    "$(e 'He played in the Western Football League for the Denver Broncos and the Bank of the West.')" \
    "Western Football League|ORG|Western Football League| Denver Broncos|ORG|Denver Broncos| Bank of the West|ORG|Bank of the West|"
check_same "for the before a common word, and of after it, stay in the name" \
    "$(e 'The Institute for the Study of Labour agreed.')" \
    "Institute for the Study of Labour|ORG|Institute for the Study of Labour|"
check_same "an organisation cue before a name wins over its first name" \
    "$(e 'The metal band Carla Vennor and the magazine Stella Bixby met.')" \
    "Carla Vennor|ORG|Carla Vennor| Stella Bixby|ORG|Stella Bixby|"
check_same "an acronym in parentheses after an unknown name makes it an organisation" \
    "$(e 'Members of Zorvan Krell Dimba (ZKD) met.')" \
    "Zorvan Krell Dimba|ORG|Zorvan Krell Dimba| ZKD|ORG|Zorvan Krell Dimba|"
check_same "St. joins the name it starts; a known place and a plural after the is a team" \
    "$(e 'He played for the St. Louis Rams and lived in St. Louis.')" \
    "St. Louis Rams|ORG|St. Louis Rams| St. Louis|GPE|St. Louis|"
check_same "St. at the end of a sentence joins nothing" \
    "$(e 'He lives on Main St. Police said so, as did the FT. Kenya agreed.')" \
    "Main St|LOC|Main St| FT|ORG|Financial Times| Kenya|GPE|Kenya|"
check_same "the and capitalised common words ending in a plural: a team or a band" \
    "$(e 'He played for the White Eagles.')" "White Eagles|ORG|White Eagles|"
check_same "a numbered unit keeps its number" \
    "$(e 'The 82nd Airborne Division and the 2d Marine Regiment landed.')" \
    "82nd Airborne Division|ORG|82nd Airborne Division| 2d Marine Regiment|ORG|2d Marine Regiment|"
check_same "a first name alone links to the full name, and is left out without one" \
    "$(e 'Marla Orwin arrived.' 'Then Marla left, and Pellwick cut jobs.')" \
    "Marla Orwin|PERSON|Marla Orwin| / Marla|PERSON|Marla Orwin|"
check_same "empires, caves and ponds: place words" \
    "$(e 'The Mughal Empire held Zorka Cave and Hobb Pond.')" \
    "Mughal Empire|GPE|Mughal Empire| Zorka Cave|LOC|Zorka Cave| Hobb Pond|LOC|Hobb Pond|"
check_same "states and provinces from ISO 3166-2" \
    "$(e 'He lived in Burnaby, British Columbia, then moved to Andhra Pradesh.')" \
    "Burnaby|GPE|Burnaby| British Columbia|GPE|British Columbia| Andhra Pradesh|GPE|Andhra Pradesh|"
check_same "a sentence with a few capitalised words is no headline" \
    "$(e 'The Liberal Party of Nova Scotia won.')" \
    "Liberal Party of Nova Scotia|ORG|Liberal Party of Nova Scotia|"
check_same "and the: two organisations, not one" \
    "$(e 'He studied at the University of Texas and the University of Ohio.')" \
    "University of Texas|ORG|University of Texas| University of Ohio|ORG|University of Ohio|"
check_same "the Soviet Union is a country, with its acronym" \
    "$(e 'The Soviet Union, the USSR, fell.')" \
    "Soviet Union|GPE|Soviet Union| USSR|GPE|Soviet Union|"

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
        python3 -c 'import json,sys; print(" ".join("%s|%s|%s" % (x["text"], x["type"], x["id"]) for x in json.loads(sys.stdin.read())["entities"]))')" \
    "RRFC|TEAM|Riverside Rovers Zaragoza|GPE|Zaragoza Torres|PERSON|Ana Lucía Torres Rovers|TEAM|Riverside Rovers"

printf 'place-suffixes: [olm]\nplace-nouns: [fief]\n' >"$tmp/suf.yaml"
check_same "-c adds place suffixes and place nouns" \
    "$(printf '%s\n' '{"text":"They reached Gravolm and Gravo, a fief in Kent."}' | lede-tag-entities -c "$tmp/suf.yaml" |
        python3 -c 'import json,sys; print(" ".join("%s|%s" % (x["text"], x["type"]) for x in json.loads(sys.stdin.read())["entities"]))')" \
    "Gravolm|GPE Gravo|GPE Kent|GPE"

# --- the man page's examples
check "man page lints clean" mandoc -T lint -W warning man/lede-tag-entities.1

done_testing
