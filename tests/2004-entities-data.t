#!/bin/sh
# lede-tag-entities: the generated gazetteers, read without libyaml when
# they have their usual shapes, give what libyaml gives; a file of any
# other shape, or a bad one, is read and reported by libyaml as before.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2
p=lede-tag-entities

# flow DIR FILE: rewrites a block list of FILE as one flow list, a shape
# only libyaml reads
flow() {
	awk 'NR == 1 && /^#/ { next }
	    /^[a-z-]+:$/ { printf "%s [", $0; next }
	    /^  - / { sub(/^  - /, ""); printf "%s%s", (n++ ? ", " : ""), $0; next }
	    { print "unexpected: " $0 > "/dev/stderr"; exit 1 }
	    END { print "]" }' "$1/entities/$2" >"$1/entities/$2.new" &&
	    mv "$1/entities/$2.new" "$1/entities/$2"
}

mkdir -p "$tmp/block" "$tmp/flow"
cp -R data/. "$tmp/block/"
# a quoted and a plain word more, as libyaml reads them
printf '  - "Quoted Word"\n  - 123\n' >>"$tmp/block/entities/words.yaml"
cp -R "$tmp/block/." "$tmp/flow/"
flow "$tmp/flow" first-names.yaml
flow "$tmp/flow" words.yaml
cat >"$tmp/in.jsonl" <<'EOF'
{"doc":"a","text":"Aaliyah Jones met Zhou Enlai and the mayor of Shanghai in Abuja Federal Capital Territory."}
{"doc":"a","text":"Jones said the Arubans and the UN were in Mexico City; Secretary Blinken left for Karachi."}
{"doc":"b","text":"The Islamic Republic of Afghanistan, Aargau and Buenos Aires: Aaron Smith of Acme Corp. spoke."}
EOF
run_err env LEDE_DATA="$tmp/block" $p "$tmp/in.jsonl"
cp "$tmp/out" "$tmp/block.out"
check_same "the shipped data: exit status" "$status" 0
run_err env LEDE_DATA="$tmp/flow" $p "$tmp/in.jsonl"
check_same "the same lists in flow style: exit status" "$status" 0
check_file "the same lists in flow style give the same entities" "$tmp/out" "$tmp/block.out"
check_same "names were found" "$(grep -c '"type":"PERSON"' "$tmp/block.out")" 3

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
{ cat data/entities/words.yaml; printf '  - x: y\n'; } >"$tmp/bad/entities/words.yaml"
check_fail "a mapping in a word list" 2 \
    "$p: $tmp/bad/entities/words.yaml:$(($(wc -l <data/entities/words.yaml) + 1)):5: word should be a string" \
    env LEDE_DATA="$tmp/bad" $p "$tmp/in.jsonl"

done_testing
