#!/bin/sh
# lede-extract-quotes: "mention", where the text names or describes the
# speaker, and the classes of attribution of issue 14, one invented
# document each.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

# quotes: speaker|verb|kind|text of each quotation.
quotes() {
	lede-extract-quotes --each "$@" |
	sed -e 's/,"mention":{[^}]*}}$/}/' \
	    -e 's/^.*"text":"\(.*\)","speaker":"*\([^"]*\)"*,"verb":"*\([^"]*\)"*,"kind":"\([a-z]*\)"}$/\2|\3|\4|\1/'
}

# who: speaker|n:start:end:mention text of each quotation (--each).
who() {
	lede-extract-quotes --each "$@" |
	sed -e 's/^.*"speaker":"*\([^",]*\)"*,"verb".*"mention":{"n":\([0-9]*\),"start":\([0-9]*\),"end":\([0-9]*\),"text":"\([^"]*\)"}}$/\1|\2:\3:\4:\5/' \
	    -e 's/^.*"speaker":"*\([^",]*\)"*,"verb".*"kind":"[a-z]*"}$/\1|-/'
}

check_same 'a name: its words' "$(who <<'EOF'
{"doc":"m1","n":1,"para":1,"start":0,"end":44,"text":"“The vote is lost,” Rena Quill said on Friday.","entities":[{"start":20,"end":30,"text":"Rena Quill","type":"PERSON","id":"Rena Quill"}]}
EOF
)" 'Rena Quill|1:20:30:Rena Quill'

check_same 'a pronoun: the pronoun, the speaker resolved' "$(who <<'EOF'
{"doc":"m2","n":1,"para":1,"start":0,"end":28,"text":"Rena Quill chairs the board.","entities":[{"start":0,"end":10,"text":"Rena Quill","type":"PERSON","id":"Rena Quill"}]}
{"doc":"m2","n":2,"para":2,"start":30,"end":60,"text":"“We can't pay,” she told staff.","entities":[]}
EOF
)" 'Rena Quill|2:16:19:she'

check_same 'a described speaker with no name: null, and the description' "$(who <<'EOF'
{"doc":"m3","n":1,"para":1,"start":0,"end":50,"text":"“We are reviewing it,” a utility spokeswoman said.","entities":[]}
EOF
)" 'null|1:23:44:a utility spokeswoman'

check_same 'a description that names whose: a spokeswoman for an entity' "$(who <<'EOF'
{"doc":"m4","n":1,"para":1,"start":0,"end":68,"text":"“Nothing was lost,” said a spokeswoman for Kelvin College on Monday.","entities":[{"start":43,"end":57,"text":"Kelvin College","type":"ORG","id":"Kelvin College"}]}
EOF
)" 'Kelvin College|1:43:57:Kelvin College'

check_same 'a continuation carries the mention it was attributed from' "$(who <<'EOF'
{"doc":"m5","n":1,"para":1,"start":0,"end":41,"text":"“We knew it was late,” Ed Lowe said.","entities":[{"start":23,"end":30,"text":"Ed Lowe","type":"PERSON","id":"Ed Lowe"}]}
{"doc":"m5","n":2,"para":1,"start":42,"end":60,"text":"“Now it is over.”","entities":[]}
EOF
)" 'Ed Lowe|1:23:30:Ed Lowe
Ed Lowe|1:23:30:Ed Lowe'

check_same 'a continuation of a described speaker carries the description' "$(who <<'EOF'
{"doc":"m6","n":1,"para":1,"start":0,"end":46,"text":"“The plan stands,” a council spokesman said.","entities":[]}
{"doc":"m6","n":2,"para":1,"start":47,"end":70,"text":"“It will not change.”","entities":[]}
EOF
)" 'null|1:19:38:a council spokesman
null|1:19:38:a council spokesman'

check_same 'no speaker: no mention' "$(who -a <<'EOF'
{"doc":"m7","n":1,"para":1,"start":0,"end":37,"text":"The so-called “experts” arrived late.","entities":[]}
EOF
)" 'null|-'

check_same '--each: the n and dct of the quotation'\''s record' \
	"$(printf '%s\n' '{"doc":"m8","n":7,"dct":"2026-03-02","start":0,"text":"“Yes,” Ann said.","entities":[{"start":7,"end":10,"type":"PERSON","id":"Ann"}]}' |
	lede-extract-quotes --each)" \
	'{"doc":"m8","n":7,"dct":"2026-03-02","start":1,"end":5,"text":"Yes,","speaker":"Ann","verb":"said","kind":"full","mention":{"n":7,"start":7,"end":10,"text":"Ann"}}'

check_same 'a body noun: the organisation named before' "$(who <<'EOF'
{"doc":"b1","n":1,"para":1,"start":0,"end":38,"text":"Keel Power raised its prices in March.","entities":[{"start":0,"end":10,"text":"Keel Power","type":"ORG","id":"Keel Power"}]}
{"doc":"b1","n":2,"para":2,"start":40,"end":85,"text":"“Costs have doubled,” the company said today.","entities":[]}
EOF
)" 'Keel Power|2:22:33:the company'

check_same 'a text that names its owner: the Keel Power study' "$(who <<'EOF'
{"doc":"b2","n":1,"para":1,"start":0,"end":53,"text":"“Growth will slow,” the Keel Power study warned.","entities":[{"start":24,"end":34,"text":"Keel Power","type":"ORG","id":"Keel Power"}]}
EOF
)" 'Keel Power|1:20:40:the Keel Power study'

check_same 'a text from its owner: the letter from X' "$(who <<'EOF'
{"doc":"b3","n":1,"para":1,"start":0,"end":54,"text":"“We decline,” said the letter from Keel Power.","entities":[{"start":35,"end":45,"text":"Keel Power","type":"ORG","id":"Keel Power"}]}
EOF
)" 'Keel Power|1:35:45:Keel Power'

check_same 'an indefinite body names nobody' "$(who <<'EOF'
{"doc":"b4","n":1,"para":1,"start":0,"end":38,"text":"Keel Power raised its prices in March.","entities":[{"start":0,"end":10,"text":"Keel Power","type":"ORG","id":"Keel Power"}]}
{"doc":"b4","n":2,"para":2,"start":40,"end":80,"text":"“Costs have doubled,” a rival firm said.","entities":[]}
EOF
)" 'null|2:22:34:a rival firm'

check_same 'a pronoun goes to a speaker named late in the sentence before' "$(quotes <<'EOF'
{"doc": "p1", "n": 1, "para": 1, "start": 0, "end": 32, "text": "“I run to win,” said Tom Quarry.", "entities": [{"start": 21, "end": 31, "text": "Tom Quarry", "type": "PERSON", "id": "Tom Quarry"}]}
{"doc": "p1", "n": 2, "para": 2, "start": 34, "end": 96, "text": "Rival Ivo Brandt claimed the race was his, but Quarry is calm.", "entities": [{"start": 6, "end": 16, "text": "Ivo Brandt", "type": "PERSON", "id": "Ivo Brandt"}, {"start": 47, "end": 53, "text": "Quarry", "type": "PERSON", "id": "Tom Quarry"}]}
{"doc": "p1", "n": 3, "para": 3, "start": 98, "end": 122, "text": "He said: “Let him talk.”", "entities": []}
EOF
)" 'Tom Quarry|said|full|I run to win,
Tom Quarry|said|full|Let him talk.'

check_same 'a chain: he ... he goes on past the object of his sentence' "$(quotes <<'EOF'
{"doc": "p2", "n": 1, "para": 1, "start": 0, "end": 47, "text": "“The books were false,” Mr Dane told the court.", "entities": [{"start": 27, "end": 31, "text": "Dane", "type": "PERSON", "id": "Paul Dane"}]}
{"doc": "p2", "n": 2, "para": 2, "start": 49, "end": 99, "text": "He portrayed Mr Ebbs as a man obsessed with costs.", "entities": [{"start": 16, "end": 20, "text": "Ebbs", "type": "PERSON", "id": "Rob Ebbs"}]}
{"doc": "p2", "n": 3, "para": 3, "start": 101, "end": 142, "text": "“He counted the coffee filters,” he said.", "entities": []}
EOF
)" 'Paul Dane|told|full|The books were false,
Paul Dane|said|full|He counted the coffee filters,'

check_same '“X would lead, he said”: the pronoun is not the clause'\''s subject' "$(quotes <<'EOF'
{"doc": "p3", "n": 1, "para": 1, "start": 0, "end": 40, "text": "“We will fight hard,” declared Ann Mole.", "entities": [{"start": 31, "end": 39, "text": "Ann Mole", "type": "PERSON", "id": "Ann Mole"}]}
{"doc": "p3", "n": 2, "para": 2, "start": 42, "end": 86, "text": "And Rick Bay would lead the fight, she said.", "entities": [{"start": 4, "end": 12, "text": "Rick Bay", "type": "PERSON", "id": "Rick Bay"}]}
{"doc": "p3", "n": 3, "para": 3, "start": 88, "end": 128, "text": "“Rick will be everywhere,” she promised.", "entities": []}
EOF
)" 'Ann Mole|declared|full|We will fight hard,
Ann Mole|promised|full|Rick will be everywhere,'

check_same 'the entity that opens an attribution is its subject, past “from X,”' "$(quotes <<'EOF'
{"doc": "f1", "n": 1, "para": 1, "start": 0, "end": 78, "text": "“Everything is going online,” Mara Velt from the Gadget Guild, told reporters.", "entities": [{"start": 30, "end": 39, "text": "Mara Velt", "type": "PERSON", "id": "Mara Velt"}, {"start": 49, "end": 61, "text": "Gadget Guild", "type": "ORG", "id": "Gadget Guild"}]}
EOF
)" 'Mara Velt|told|full|Everything is going online,'

check_same 'a floating quote past one sentence that names nobody' "$(quotes <<'EOF'
{"doc": "f2", "n": 1, "para": 1, "start": 0, "end": 41, "text": "“Sales are up,” Mara Velt told reporters.", "entities": [{"start": 16, "end": 25, "text": "Mara Velt", "type": "PERSON", "id": "Mara Velt"}]}
{"doc": "f2", "n": 2, "para": 1, "start": 42, "end": 80, "text": "The fair showed the year's new phones.", "entities": []}
{"doc": "f2", "n": 3, "para": 1, "start": 81, "end": 102, "text": "“Buyers want choice.”", "entities": []}
EOF
)" 'Mara Velt|told|full|Sales are up,
Mara Velt|null|full|Buyers want choice.'

check_same 'a floating quote after indirect speech, past one sentence' "$(quotes <<'EOF'
{"doc": "f3", "n": 1, "para": 1, "start": 0, "end": 35, "text": "Rena Quill says the board is broke.", "entities": [{"start": 0, "end": 10, "text": "Rena Quill", "type": "PERSON", "id": "Rena Quill"}]}
{"doc": "f3", "n": 2, "para": 1, "start": 36, "end": 72, "text": "The deficit has doubled since March.", "entities": []}
{"doc": "f3", "n": 3, "para": 1, "start": 73, "end": 99, "text": "“We cannot pay the staff.”", "entities": []}
EOF
)" 'Rena Quill|null|full|We cannot pay the staff.'

check_same 'no floating past a sentence that names another person' "$(quotes <<'EOF'
{"doc": "f4", "n": 1, "para": 1, "start": 0, "end": 41, "text": "“Sales are up,” Mara Velt told reporters.", "entities": [{"start": 16, "end": 25, "text": "Mara Velt", "type": "PERSON", "id": "Mara Velt"}]}
{"doc": "f4", "n": 2, "para": 1, "start": 42, "end": 75, "text": "Rival Tom Hale sold fewer phones.", "entities": [{"start": 6, "end": 14, "text": "Tom Hale", "type": "PERSON", "id": "Tom Hale"}]}
{"doc": "f4", "n": 3, "para": 1, "start": 76, "end": 97, "text": "“Buyers want choice.”", "entities": []}
EOF
)" 'Mara Velt|told|full|Sales are up,
null|null|full|Buyers want choice.'

check_same 'a short phrase said by someone is a quotation, Title Case or not' "$(quotes <<'EOF'
{"doc": "s1", "n": 1, "para": 1, "start": 0, "end": 41, "text": "“Sales Are Up,” Mara Velt told reporters.", "entities": [{"start": 16, "end": 25, "text": "Mara Velt", "type": "PERSON", "id": "Mara Velt"}]}
{"doc": "s1", "n": 2, "para": 1, "start": 42, "end": 90, "text": "Critics called the plan “Grand Folly” on Monday.", "entities": []}
EOF
)" 'Mara Velt|told|full|Sales Are Up,'

check_same 'a surname of a person the tagger typed as an organisation' "$(quotes <<'EOF'
{"doc": "y1", "n": 1, "para": 1, "start": 0, "end": 60, "text": "The praise came from his club coach, former prop Reg Tallow.", "entities": [{"start": 49, "end": 59, "text": "Reg Tallow", "type": "ORG", "id": "Reg Tallow"}]}
{"doc": "y1", "n": 2, "para": 2, "start": 62, "end": 108, "text": "“He is a strong lad,” Tallow told the Courier.", "entities": [{"start": 38, "end": 45, "text": "Courier", "type": "ORG", "id": "Courier"}]}
EOF
)" 'Reg Tallow|told|full|He is a strong lad,'

check_same 'a floating quote after indirect speech and a sentence the speaker goes on in' "$(quotes <<'EOF'
{"doc": "g1", "n": 1, "para": 1, "start": 0, "end": 49, "text": "Ned Pyle admitted he was wary of naming the cast.", "entities": [{"start": 0, "end": 8, "text": "Ned Pyle", "type": "PERSON", "id": "Ned Pyle"}]}
{"doc": "g1", "n": 2, "para": 1, "start": 50, "end": 115, "text": "But he has met Joan Sark and Kit Vole and they liked the scripts.", "entities": [{"start": 15, "end": 24, "text": "Joan Sark", "type": "PERSON", "id": "Joan Sark"}, {"start": 29, "end": 37, "text": "Kit Vole", "type": "PERSON", "id": "Kit Vole"}]}
{"doc": "g1", "n": 3, "para": 2, "start": 117, "end": 160, "text": "“I did not want to reveal names too early.”", "entities": []}
EOF
)" 'Ned Pyle|null|full|I did not want to reveal names too early.'

check_same 'a definite role no one was given goes to the person the text is about' "$(quotes <<'EOF'
{"doc": "r1", "n": 1, "para": 1, "start": 0, "end": 41, "text": "Lena Fox will captain the side on Sunday.", "entities": [{"start": 0, "end": 8, "text": "Lena Fox", "type": "PERSON", "id": "Lena Fox"}]}
{"doc": "r1", "n": 2, "para": 1, "start": 42, "end": 86, "text": "And the striker said: “It is all on me now.”", "entities": []}
EOF
)" 'Lena Fox|said|full|It is all on me now.'

check_same 'an indefinite role names nobody' "$(quotes <<'EOF'
{"doc": "r2", "n": 1, "para": 1, "start": 0, "end": 41, "text": "Lena Fox will captain the side on Sunday.", "entities": [{"start": 0, "end": 8, "text": "Lena Fox", "type": "PERSON", "id": "Lena Fox"}]}
{"doc": "r2", "n": 2, "para": 1, "start": 42, "end": 81, "text": "“It is all on her now,” a striker said.", "entities": []}
EOF
)" 'null|said|full|It is all on her now,'

check_same '“…,” it said: the organisation named before, not a person near' "$(quotes <<'EOF'
{"doc": "i1", "n": 1, "para": 1, "start": 0, "end": 52, "text": "Shares in Keel Power fell after chief Ada Moss quit.", "entities": [{"start": 10, "end": 20, "text": "Keel Power", "type": "ORG", "id": "Keel Power"}, {"start": 38, "end": 46, "text": "Ada Moss", "type": "PERSON", "id": "Ada Moss"}]}
{"doc": "i1", "n": 2, "para": 1, "start": 53, "end": 85, "text": "“Our claims are sound,” it said.", "entities": []}
EOF
)" 'Keel Power|said|full|Our claims are sound,'

check_same '“X of an organisation said”: the person, not the organisation' "$(quotes <<'EOF'
{"doc": "w1", "n": 1, "para": 1, "start": 0, "end": 50, "text": "“Rates will fall,” Dana Quip of Keel Capital said.", "entities": [{"start": 19, "end": 28, "text": "Dana Quip", "type": "PERSON", "id": "Dana Quip"}, {"start": 32, "end": 44, "text": "Keel Capital", "type": "ORG", "id": "Keel Capital"}]}
EOF
)" 'Dana Quip|said|full|Rates will fall,'

check_same '“said ORG chief executive X”: the person after the organisation' "$(quotes <<'EOF'
{"doc": "w2", "n": 1, "para": 1, "start": 0, "end": 57, "text": "“We are on the road,” said Keel chief executive Rob Tarn.", "entities": [{"start": 27, "end": 31, "text": "Keel", "type": "ORG", "id": "Keel Power"}, {"start": 48, "end": 56, "text": "Rob Tarn", "type": "PERSON", "id": "Rob Tarn"}]}
EOF
)" 'Rob Tarn|said|full|We are on the road,'

check_same 'a spokeswoman for an organisation, before the verb: null, the whole description' "$(who <<'EOF'
{"doc": "w3", "n": 1, "para": 1, "start": 0, "end": 58, "text": "“Nothing was lost,” a spokeswoman for Kelvin College said.", "entities": [{"start": 38, "end": 52, "text": "Kelvin College", "type": "ORG", "id": "Kelvin College"}]}
EOF
)" 'null|1:20:52:a spokeswoman for Kelvin College'

check_same 'after a quote ending in a point, “X said he would …” is a new sentence, not its attribution' "$(quotes <<'EOF'
{"doc": "n1", "n": 1, "para": 1, "start": 0, "end": 40, "text": "“It was not a good kick,” Ed Lowe added.", "entities": [{"start": 26, "end": 33, "text": "Ed Lowe", "type": "PERSON", "id": "Ed Lowe"}]}
{"doc": "n1", "n": 2, "para": 1, "start": 41, "end": 74, "text": "“I felt it miss. I must recover.”", "entities": []}
{"doc": "n1", "n": 3, "para": 1, "start": 75, "end": 148, "text": "Coach Ann Tull said she would “keep working on the kicks” with her squad.", "entities": [{"start": 6, "end": 14, "text": "Ann Tull", "type": "PERSON", "id": "Ann Tull"}]}
EOF
)" 'Ed Lowe|added|full|It was not a good kick,
Ed Lowe|null|full|I felt it miss. I must recover.
Ann Tull|said|partial|keep working on the kicks'

check_same 'after a quote ending in a point, a short “X said.” still attributes it' "$(quotes <<'EOF'
{"doc": "n2", "n": 1, "para": 1, "start": 0, "end": 31, "text": "“I felt it miss.” Ed Lowe said.", "entities": [{"start": 18, "end": 25, "text": "Ed Lowe", "type": "PERSON", "id": "Ed Lowe"}]}
EOF
)" 'Ed Lowe|said|full|I felt it miss.'

check_same 'a name the tagger missed before the verb: the name as written' "$(quotes <<'EOF'
{"doc": "x1", "n": 1, "para": 1, "start": 0, "end": 57, "text": "Band frontman Zoltar said in French: “We love this city.”", "entities": []}
EOF
)" 'Zoltar|said|full|We love this city.'

check_same 'a name the tagger missed after the verb and a title' "$(quotes <<'EOF'
{"doc": "x2", "n": 1, "para": 1, "start": 0, "end": 58, "text": "“She wants privacy,” said Ada Moss's publicist Wren Ashby.", "entities": [{"start": 26, "end": 34, "text": "Ada Moss", "type": "PERSON", "id": "Ada Moss"}]}
EOF
)" 'Wren Ashby|said|full|She wants privacy,'

check_same 'a capitalised day is no name: said on Friday' "$(quotes <<'EOF'
{"doc": "x3", "n": 1, "para": 1, "start": 0, "end": 42, "text": "“We will win it,” the team said on Friday.", "entities": []}
EOF
)" 'null|said|full|We will win it,'

check_same 'a capitalised plural after “the” is a description, not a name' "$(who <<'EOF'
{"doc": "x4", "n": 1, "para": 1, "start": 0, "end": 46, "text": "“No template fits all families,” the MPs said.", "entities": []}
EOF
)" 'null|1:33:40:the MPs'

check_same 'a party label in parentheses between the speaker and the verb' "$(quotes <<'EOF'
{"doc": "k1", "n": 1, "para": 1, "start": 0, "end": 45, "text": "“We will appeal,” Sen. Ann Fry (D-Ore.) said.", "entities": [{"start": 23, "end": 30, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}, {"start": 32, "end": 37, "text": "D-Ore", "type": "PERSON", "id": "D-Ore"}]}
EOF
)" 'Ann Fry|said|full|We will appeal,'

check_same '"X and Y said": speaker the first, speakers both, carried on' \
	"$(printf '%s\n' '{"doc":"k2","n":1,"start":0,"text":"“We will appeal,” Ann Fry and Ed Lowe said.","entities":[{"start":18,"end":25,"type":"PERSON","id":"Ann Fry"},{"start":30,"end":37,"type":"PERSON","id":"Ed Lowe"}]}' '{"doc":"k2","n":2,"start":45,"text":"“It is unfair.”","entities":[]}' |
	lede-extract-quotes --each | sed 's/"text":"[^"]*",//; s/"start":[0-9]*,"end":[0-9]*,//')" \
	'{"doc":"k2","n":1,"speaker":"Ann Fry","speakers":["Ann Fry","Ed Lowe"],"verb":"said","kind":"full","mention":{"n":1,"start":18,"end":37,"text":"Ann Fry and Ed Lowe"}}
{"doc":"k2","n":2,"speaker":"Ann Fry","speakers":["Ann Fry","Ed Lowe"],"verb":null,"kind":"full","mention":{"n":1,"start":18,"end":37,"text":"Ann Fry and Ed Lowe"}}'

check_same 'a label: Name: “…”' "$(quotes <<'EOF'
{"doc": "l1", "n": 1, "para": 1, "start": 0, "end": 26, "text": "Ann Fry: “We will appeal.”", "entities": [{"start": 0, "end": 7, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
EOF
)" 'Ann Fry|null|full|We will appeal.'

check_same 'a label with an outlet: Name, Outlet: “…”' "$(quotes <<'EOF'
{"doc": "l2", "n": 1, "para": 1, "start": 0, "end": 36, "text": "Ann Fry, CBC News: “We will appeal.”", "entities": [{"start": 0, "end": 7, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}, {"start": 9, "end": 17, "text": "CBC News", "type": "ORG", "id": "CBC News"}]}
EOF
)" 'Ann Fry|null|full|We will appeal.'

check_same 'a short clause before a colon: X is blunt: “…”' "$(quotes <<'EOF'
{"doc": "l3", "n": 1, "para": 1, "start": 0, "end": 35, "text": "Ann Fry is blunt: “We will appeal.”", "entities": [{"start": 0, "end": 7, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
EOF
)" 'Ann Fry|null|full|We will appeal.'

check_same 'a dash signature: “…” — Name' "$(quotes <<'EOF'
{"doc": "l4", "n": 1, "para": 1, "start": 0, "end": 27, "text": "“We will appeal.” — Ann Fry", "entities": [{"start": 20, "end": 27, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
EOF
)" 'Ann Fry|null|full|We will appeal.'

check_same 'a participle: X rejected the plan, saying “…”' "$(quotes <<'EOF'
{"doc": "l5", "n": 1, "para": 1, "start": 0, "end": 54, "text": "Ann Fry rejected the plan, saying “It costs too much.”", "entities": [{"start": 0, "end": 7, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
EOF
)" 'Ann Fry|saying|full|It costs too much.'

check_same 'a participle before a colon: …, adding: “…”' "$(quotes <<'EOF'
{"doc": "l6", "n": 1, "para": 1, "start": 0, "end": 58, "text": "Ann Fry said she was leaving, adding: “It costs too much.”", "entities": [{"start": 0, "end": 7, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
EOF
)" 'Ann Fry|adding|full|It costs too much.'

check_same 'a word of a title is not the verb: volunteer coordinator X said' "$(quotes <<'EOF'
{"doc": "l7", "n": 1, "para": 1, "start": 0, "end": 53, "text": "“We will appeal,” volunteer coordinator Ed Lowe said.", "entities": [{"start": 40, "end": 47, "text": "Ed Lowe", "type": "PERSON", "id": "Ed Lowe"}]}
EOF
)" 'Ed Lowe|said|full|We will appeal,'

check_same 'an apposition with a date: X, a councillor since 2009, said' "$(quotes <<'EOF'
{"doc": "l8", "n": 1, "para": 1, "start": 0, "end": 57, "text": "“We will appeal,” Ann Fry, a councillor since 2009, said.", "entities": [{"start": 18, "end": 25, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
EOF
)" 'Ann Fry|said|full|We will appeal,'

check_same 'X also said / X laughed and replied' "$(quotes <<'EOF'
{"doc": "l9", "n": 1, "para": 1, "start": 0, "end": 36, "text": "Ann Fry also said: “We will appeal.”", "entities": [{"start": 0, "end": 7, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
{"doc": "l9", "n": 2, "para": 1, "start": 37, "end": 74, "text": "“Never,” Ed Lowe laughed and replied.", "entities": [{"start": 9, "end": 16, "text": "Ed Lowe", "type": "PERSON", "id": "Ed Lowe"}]}
EOF
)" 'Ann Fry|said|full|We will appeal.
Ed Lowe|replied|full|Never,'

check_same 'new verbs: quipped, conceded, mused' "$(quotes <<'EOF'
{"doc": "l10", "n": 1, "para": 1, "start": 0, "end": 34, "text": "“We will appeal,” Ann Fry quipped.", "entities": [{"start": 18, "end": 25, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
{"doc": "l10", "n": 2, "para": 1, "start": 35, "end": 61, "text": "“Never,” Ed Lowe conceded.", "entities": [{"start": 9, "end": 16, "text": "Ed Lowe", "type": "PERSON", "id": "Ed Lowe"}]}
{"doc": "l10", "n": 3, "para": 1, "start": 62, "end": 85, "text": "“Maybe,” Ann Fry mused.", "entities": [{"start": 9, "end": 16, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
EOF
)" 'Ann Fry|quipped|full|We will appeal,
Ed Lowe|conceded|full|Never,
Ann Fry|mused|full|Maybe,'

check_same 'reversed curly marks: ”…“' "$(quotes <<'EOF'
{"doc": "q1", "n": 1, "para": 1, "start": 0, "end": 31, "text": "Ann Fry said: ”We will appeal.“", "entities": [{"start": 0, "end": 7, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
EOF
)" 'Ann Fry|said|full|We will appeal.'

check_same 'two single marks closing a double quotation: “…’’' "$(quotes <<'EOF'
{"doc": "q2", "n": 1, "para": 1, "start": 0, "end": 32, "text": "Ann Fry said: “We will appeal.’’", "entities": [{"start": 0, "end": 7, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
EOF
)" 'Ann Fry|said|full|We will appeal.'

check_same 'two single marks for a double quotation: ‘‘…’’' "$(quotes <<'EOF'
{"doc": "q3", "n": 1, "para": 1, "start": 0, "end": 33, "text": "‘‘We will appeal,’’ Ann Fry said.", "entities": [{"start": 20, "end": 27, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
EOF
)" 'Ann Fry|said|full|We will appeal,'

check_same 'more verbs of news: continued, chimed, grinned, voiced' "$(quotes <<'EOF'
{"doc": "v1", "n": 1, "para": 1, "start": 0, "end": 36, "text": "“We will appeal,” Ann Fry continued.", "entities": [{"start": 18, "end": 25, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
{"doc": "v1", "n": 2, "para": 1, "start": 37, "end": 62, "text": "“Never,” Ed Lowe grinned.", "entities": [{"start": 9, "end": 16, "text": "Ed Lowe", "type": "PERSON", "id": "Ed Lowe"}]}
{"doc": "v1", "n": 3, "para": 1, "start": 63, "end": 90, "text": "“Maybe,” Ann Fry chimed in.", "entities": [{"start": 9, "end": 16, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
EOF
)" 'Ann Fry|continued|full|We will appeal,
Ed Lowe|grinned|full|Never,
Ann Fry|chimed|full|Maybe,'

check_same '"they" for "X and Y" named just before: both speakers' \
	"$(printf '%s\n' '{"doc":"t1","n":1,"start":0,"text":"Ann Fry and Ed Lowe run the club.","entities":[{"start":0,"end":7,"type":"PERSON","id":"Ann Fry"},{"start":12,"end":19,"type":"PERSON","id":"Ed Lowe"}]}' '{"doc":"t1","n":2,"start":35,"text":"“We will appeal,” they said.","entities":[]}' |
	lede-extract-quotes --each | sed 's/^.*"speaker"/"speaker"/; s/,"verb".*"mention"/,"mention"/')" \
	'"speaker":"Ann Fry","speakers":["Ann Fry","Ed Lowe"],"mention":{"n":2,"start":18,"end":22,"text":"they"}}'

check_same 'a caption or “Read more” line between a speaker and a floating quote is passed over' "$(quotes <<'EOF'
{"doc": "a1", "n": 1, "para": 1, "start": 0, "end": 35, "text": "“Costs have doubled,” Ann Fry said.", "entities": [{"start": 22, "end": 29, "text": "Ann Fry", "type": "PERSON", "id": "Ann Fry"}]}
{"doc": "a1", "n": 2, "para": 2, "start": 37, "end": 72, "text": "Read more: Keel Power raises prices", "entities": [{"start": 11, "end": 21, "text": "Keel Power", "type": "ORG", "id": "Keel Power"}]}
{"doc": "a1", "n": 3, "para": 3, "start": 74, "end": 102, "text": "“We cannot go on like this.”", "entities": []}
EOF
)" 'Ann Fry|said|full|Costs have doubled,
Ann Fry|null|full|We cannot go on like this.'

check_same 'a plural role is a description, not a name: Officials said' "$(who <<'EOF'
{"doc": "o1", "n": 1, "para": 1, "start": 0, "end": 33, "text": "“We will appeal,” Officials said.", "entities": []}
EOF
)" 'null|1:18:27:Officials'

check_same 'a name the tagger missed, first after the quote' "$(who <<'EOF'
{"doc": "o2", "n": 1, "para": 1, "start": 0, "end": 30, "text": "“We will appeal,” Zoltar said.", "entities": []}
EOF
)" 'Zoltar|1:18:24:Zoltar'

check_same '"said X and Y": both speakers after the verb' \
	"$(printf '%s\n' '{"doc":"s2","n":1,"start":0,"text":"“We love cats!” reply Ann Fry and Ed Lowe.","entities":[{"start":22,"end":29,"type":"PERSON","id":"Ann Fry"},{"start":34,"end":41,"type":"PERSON","id":"Ed Lowe"}]}' |
	lede-extract-quotes --each | sed 's/^.*"speaker"/"speaker"/; s/,"verb".*"mention"/,"mention"/')" \
	'"speaker":"Ann Fry","speakers":["Ann Fry","Ed Lowe"],"mention":{"n":1,"start":22,"end":41,"text":"Ann Fry and Ed Lowe"}}'

check_same 'a chain of “He …” sentences back to a name late in its sentence' "$(quotes <<'EOF'
{"doc": "h1", "n": 1, "para": 1, "start": 0, "end": 64, "text": "The last film may not suit children, director Rob Tarn has said.", "entities": [{"start": 46, "end": 54, "text": "Rob Tarn", "type": "PERSON", "id": "Rob Tarn"}]}
{"doc": "h1", "n": 2, "para": 1, "start": 65, "end": 108, "text": "He told a radio show that it would be dark.", "entities": []}
{"doc": "h1", "n": 3, "para": 1, "start": 109, "end": 152, "text": "He won prizes in Cannes, Berlin and Venice.", "entities": []}
{"doc": "h1", "n": 4, "para": 1, "start": 153, "end": 178, "text": "He is now writing a book.", "entities": []}
{"doc": "h1", "n": 5, "para": 1, "start": 179, "end": 221, "text": "“I would not take a child to it,” he said.", "entities": []}
EOF
)" 'Rob Tarn|said|full|I would not take a child to it,'

done_testing
