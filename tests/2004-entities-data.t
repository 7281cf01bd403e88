#!/bin/sh
# lede-tag-entities: the generated gazetteers, read without libyaml when
# they have their usual shapes, give what libyaml gives; a file of any
# other shape, or a bad one, is read and reported by libyaml as before.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
p=lede-tag-entities

# flow DIR FILE: rewrites every list of the generated gazetteer FILE in
# flow style, a shape only libyaml reads: a word list as [a, b], the names
# of each type as {GPE: [a, b]}, the entities as [{name: a, type: T}]
flow() {
	awk 'function endkey() {
		if (kind == "names")
			printf "%s}\n", (ntype ? "]" : "")
		else if (kind == "entities")
			printf "%s]\n", (nent ? "}" : "")
		else if (kind != "")
			print "]"
	}
	/^#/ && NR == ncomm + 1 { ncomm++; next }
	/^[a-z-]+:$/ {
		endkey()
		kind = $0 == "names:" ? "names" : $0 == "entities:" ? "entities" : "list"
		printf "%s %s", $0, (kind == "names" ? "{" : "[")
		n = ntype = nent = 0
		next
	}
	kind == "list" && /^  - / { sub(/^  - /, ""); printf "%s%s", (n++ ? ", " : ""), $0; next }
	kind == "names" && /^  [A-Z0-9_]+:$/ {
		sub(/^  /, "")
		printf "%s%s [", (ntype++ ? "], " : ""), $0
		n = 0
		next
	}
	kind == "names" && ntype && /^    - / {
		sub(/^    - /, "")
		printf "%s%s", (n++ ? ", " : ""), $0
		next
	}
	kind == "entities" && /^  - name: / {
		sub(/^  - /, "")
		printf "%s{%s", (nent++ ? "}, " : ""), $0
		next
	}
	kind == "entities" && nent && /^    (type|aliases): / { sub(/^    /, ""); printf ", %s", $0; next }
	{ print "unexpected: " $0 > "/dev/stderr"; exit 1 }
	END { endkey() }' "$1/entities/$2" >"$1/entities/$2.new" &&
	    mv "$1/entities/$2.new" "$1/entities/$2"
}

# sample FILE EVERY: every EVERY-th name, alias or word of the generated
# gazetteer FILE, one a line
sample() {
	sed -n 's/^  - name: //p; s/^    aliases: \[\(.*\)\]$/\1/p; s/^ *- //p' "data/entities/$1" |
	    sed 's/", "/\n/g; s/"//g' | awk -v every="$2" 'NR % every == 1'
}

mkdir -p "$tmp/block" "$tmp/flow"
cp -R data/. "$tmp/block/"
# a quoted and a plain word more, as libyaml reads them
printf '  - "Quoted Word"\n  - 123\n' >>"$tmp/block/entities/words.yaml"
cp -R "$tmp/block/." "$tmp/flow/"
gen="words.yaml first-names.yaml countries.yaml cities.yaml regions.yaml"
for f in $gen; do
	check "$f in flow style" flow "$tmp/flow" "$f"
done
check_same "no block list left in the flow-style copies" \
    "$(cd "$tmp/flow/entities" && cat $gen | grep -c '^ *- ')" 0
cat >"$tmp/in.jsonl" <<'EOF'
{"doc":"a","text":"Aaliyah Jones met Zhou Enlai and the mayor of Shanghai in Abuja Federal Capital Territory."}
{"doc":"a","text":"Jones said the Arubans and the UN were in Mexico City; Secretary Blinken left for Karachi."}
{"doc":"b","text":"The Islamic Republic of Afghanistan, Aargau and Buenos Aires: Aaron Smith of Acme Corp. spoke."}
EOF
# entries of every list, where a change in what was read would show: a
# place or country by itself, a place from the names lists (weak: other
# evidence wins) as a surname, a first name that makes "the NAME
# Kowalski" a person, a common word that makes "WORD Kowalski" none
{
	sample countries.yaml 1 | sed 's/.*/They flew to & on Monday./'
	for f in cities.yaml:11 regions.yaml:5; do
		sample "${f%:*}" "${f#*:}" |
		    sed 's/.*/They flew to & on Monday.  They met Aaliyah & there./'
	done
	sample first-names.yaml 23 | sed 's/.*/They met the & Kowalski twins./'
	sample words.yaml 101 |
	    awk '{ print "They met " toupper(substr($0, 1, 1)) substr($0, 2) " Kowalski there." }'
} | awk '{ printf "{\"doc\":\"s%d\",\"text\":\"%s\"}\n", NR, $0 }' >>"$tmp/in.jsonl"
run_err env LEDE_DATA="$tmp/block" $p "$tmp/in.jsonl"
cp "$tmp/out" "$tmp/block.out"
check_same "the shipped data: exit status" "$status" 0
run_err env LEDE_DATA="$tmp/flow" $p "$tmp/in.jsonl"
check_same "the same lists in flow style: exit status" "$status" 0
check_file "the same lists in flow style give the same entities" "$tmp/out" "$tmp/block.out"
check_same "names were found" "$(head -n 3 "$tmp/block.out" | grep -c '"type":"PERSON"')" 3

# the hand-kept files, an entity a line as {name: N, type: T, aliases:
# [A, B]}, are read without libyaml too: the same with the entries
# indented otherwise, a shape only libyaml reads
mkdir -p "$tmp/spaced"
cp -R data/. "$tmp/spaced/"
hand="orgs.yaml places.yaml people.yaml"
for f in $hand; do
	sed 's/^  - {/  -   {/' "data/entities/$f" >"$tmp/spaced/entities/$f"
done
check_same "entries moved in the copies" \
    "$(cd "$tmp/spaced/entities" && cat $hand | grep -c '^  - {')" 0
(cd data/entities && cat $hand) |
    sed -n 's/^  - {name: \([^,]*\), .*/\1/p; s/.*aliases: \[\(.*\)\]}$/\1/p' |
    sed 's/, /\n/g; s/"//g' |
    awk '{ printf "{\"doc\":\"h%d\",\"text\":\"They met %s in Leeds, and %s said so.\"}\n", NR, $0, $0 }' \
    >"$tmp/hand.jsonl"
run_err env LEDE_DATA="$tmp/spaced" $p "$tmp/hand.jsonl"
check_same "the hand-kept files by libyaml: exit status" "$status" 0
cp "$tmp/out" "$tmp/spaced.out"
run_err $p "$tmp/hand.jsonl"
check_same "the hand-kept files read quickly: exit status" "$status" 0
check_file "the hand-kept files read quickly give the same entities" "$tmp/out" "$tmp/spaced.out"
check_same "their names were found" \
    "$(grep -c '"type":"ORG"' "$tmp/out")" "$(grep -c '"type":"ORG"' "$tmp/spaced.out")"

# bad data: libyaml's place and message
mkdir -p "$tmp/bad"
cp -R data/. "$tmp/bad/"
sed '5s/.*/    - "!!!"/' data/entities/cities.yaml >"$tmp/bad/entities/cities.yaml"
check_fail "a generated name with no word" 2 \
    "$p: $tmp/bad/entities/cities.yaml:5:7: entity name has no word in it" \
    env LEDE_DATA="$tmp/bad" $p "$tmp/in.jsonl"
sed '5s/.*/    - ""/' data/entities/cities.yaml >"$tmp/bad/entities/cities.yaml"
check_fail "an empty generated name" 2 \
    "$p: $tmp/bad/entities/cities.yaml:5:7: empty name" \
    env LEDE_DATA="$tmp/bad" $p "$tmp/in.jsonl"
cp data/entities/cities.yaml "$tmp/bad/entities/cities.yaml"
sed '5s/.*/    aliases: ["..."]/' data/entities/countries.yaml >"$tmp/bad/entities/countries.yaml"
check_fail "an alias with no word" 2 \
    "$p: $tmp/bad/entities/countries.yaml:5:15: alias has no word in it" \
    env LEDE_DATA="$tmp/bad" $p "$tmp/in.jsonl"
cp data/entities/countries.yaml "$tmp/bad/entities/countries.yaml"
sed '3s/.*/  gpe:/' data/entities/cities.yaml >"$tmp/bad/entities/cities.yaml"
check_fail "a bad type of names" 2 \
    "$p: $tmp/bad/entities/cities.yaml:3:3: type 'gpe' is not upper-case letters" \
    env LEDE_DATA="$tmp/bad" $p "$tmp/in.jsonl"
cp data/entities/cities.yaml "$tmp/bad/entities/cities.yaml"
sed '5s/.*/  - {name: "!!!", type: ORG}/' data/entities/orgs.yaml >"$tmp/bad/entities/orgs.yaml"
check_fail "a hand-kept name with no word" 2 \
    "$p: $tmp/bad/entities/orgs.yaml:5:5: entity name has no word in it" \
    env LEDE_DATA="$tmp/bad" $p "$tmp/in.jsonl"
sed '5s/.*/  - {name: Acme, type: org}/' data/entities/orgs.yaml >"$tmp/bad/entities/orgs.yaml"
check_fail "a bad type of a hand-kept entity" 2 \
    "$p: $tmp/bad/entities/orgs.yaml:5:24: type 'org' is not upper-case letters" \
    env LEDE_DATA="$tmp/bad" $p "$tmp/in.jsonl"
cp data/entities/orgs.yaml "$tmp/bad/entities/orgs.yaml"
{ cat data/entities/words.yaml; printf '  - x: y\n'; } >"$tmp/bad/entities/words.yaml"
check_fail "a mapping in a word list" 2 \
    "$p: $tmp/bad/entities/words.yaml:$(($(wc -l <data/entities/words.yaml) + 1)):5: word should be a string" \
    env LEDE_DATA="$tmp/bad" $p "$tmp/in.jsonl"

done_testing
