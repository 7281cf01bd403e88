#!/bin/sh
# lede-extract-quotes: the quote styles and attribution patterns, one
# small document each (records as lede-split | lede-tag-entities write them).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

# quotes: speaker|verb|kind|text of each quotation in the records on stdin.
quotes() {
	lede-extract-quotes --each "$@" |
	sed 's/,"mention":{[^}]*}}$/}/' |
	sed 's/^.*"text":"\(.*\)","speaker":"*\([^"]*\)"*,"verb":"*\([^"]*\)"*,"kind":"\([a-z]*\)"}$/\2|\3|\4|\1/'
}

check_same 'a quote, then its speaker and verb' "$(quotes <<'EOF'
{"doc":"case00","n":1,"para":1,"start":0,"end":53,"text":"“We will keep working with our partners,” Petro said.","entities":[{"start":42,"end":47,"text":"Petro","type":"PERSON","id":"Gustavo Petro"}]}
EOF
)" 'Gustavo Petro|said|full|We will keep working with our partners,'

check_same 'a quote, then the verb and its speaker' "$(quotes <<'EOF'
{"doc":"case01","n":1,"para":1,"start":0,"end":59,"text":"“The fight against drugs must go on,” said President Petro.","entities":[{"start":53,"end":58,"text":"Petro","type":"PERSON","id":"Gustavo Petro"}]}
EOF
)" 'Gustavo Petro|said|full|The fight against drugs must go on,'

check_same 'speaker, verb and a colon before the quote' "$(quotes <<'EOF'
{"doc":"case02","n":1,"para":1,"start":0,"end":48,"text":"Benedetti said: “There was a misinterpretation.”","entities":[{"start":0,"end":9,"text":"Benedetti","type":"PERSON","id":"Armando Benedetti"}]}
EOF
)" 'Armando Benedetti|said|full|There was a misinterpretation.'

check_same 'a partial quote after '\''said that'\''' "$(quotes <<'EOF'
{"doc":"case03","n":1,"para":1,"start":0,"end":111,"text":"Defense Minister Pedro Arnulfo Sánchez said on Thursday that Petro had given “clear instructions” to officials.","entities":[{"start":17,"end":38,"text":"Pedro Arnulfo Sánchez","type":"PERSON","id":"Pedro Arnulfo Sánchez"},{"start":61,"end":66,"text":"Petro","type":"PERSON","id":"Gustavo Petro"}]}
EOF
)" 'Pedro Arnulfo Sánchez|said|partial|clear instructions'

check_same 'according to' "$(quotes <<'EOF'
{"doc":"case04","n":1,"para":1,"start":0,"end":71,"text":"According to Rubio, “the report is a fabrication from start to finish.”","entities":[{"start":13,"end":18,"text":"Rubio","type":"PERSON","id":"Marco Rubio"}]}
EOF
)" 'Marco Rubio|according to|partial|the report is a fabrication from start to finish.'

check_same 'a verb with a place: wrote on X' "$(quotes <<'EOF'
{"doc":"case05","n":1,"para":1,"start":0,"end":57,"text":"“The answer to crime is cooperation,” Sanchez wrote on X.","entities":[{"start":38,"end":45,"text":"Sanchez","type":"PERSON","id":"Pedro Arnulfo Sánchez"},{"start":55,"end":56,"text":"X","type":"ORG","id":"X"}]}
EOF
)" 'Pedro Arnulfo Sánchez|wrote|full|The answer to crime is cooperation,'

check_same 'a title goes to the person the document gave it' "$(quotes <<'EOF'
{"doc":"case06","n":1,"para":1,"start":0,"end":67,"text":"Interior Minister Armando Benedetti met Donald Trump in Washington.","entities":[{"start":18,"end":35,"text":"Armando Benedetti","type":"PERSON","id":"Armando Benedetti"},{"start":40,"end":52,"text":"Donald Trump","type":"PERSON","id":"Donald Trump"}]}
{"doc":"case06","n":2,"para":2,"start":69,"end":134,"text":"“We will continue to work together,” the minister told reporters.","entities":[]}
EOF
)" 'Armando Benedetti|told|full|We will continue to work together,'

check_same 'a text for a speaker: the statement read' "$(quotes <<'EOF'
{"doc":"case07","n":1,"para":1,"start":0,"end":67,"text":"“The talks are suspended until further notice,” the statement read.","entities":[]}
EOF
)" 'null|read|full|The talks are suspended until further notice,'

check_same 'a floating quote after its speaker'\''s sentence' "$(quotes <<'EOF'
{"doc":"case08","n":1,"para":1,"start":0,"end":82,"text":"U.N. human rights chief Volker Türk said on Monday that the strikes broke the law.","entities":[{"start":0,"end":4,"text":"U.N.","type":"ORG","id":"United Nations"},{"start":24,"end":35,"text":"Volker Türk","type":"PERSON","id":"Volker Türk"}]}
{"doc":"case08","n":2,"para":1,"start":83,"end":145,"text":"“These attacks and their growing human toll are unacceptable.”","entities":[]}
EOF
)" 'Volker Türk|null|full|These attacks and their growing human toll are unacceptable.'

check_same 'the speaker goes on in the next paragraph' "$(quotes <<'EOF'
{"doc":"case09","n":1,"para":1,"start":0,"end":49,"text":"“He may have been transporting fish,” Petro said.","entities":[{"start":38,"end":43,"text":"Petro","type":"PERSON","id":"Gustavo Petro"}]}
{"doc":"case09","n":2,"para":2,"start":51,"end":83,"text":"“There was no need to kill him.”","entities":[]}
EOF
)" 'Gustavo Petro|said|full|He may have been transporting fish,
Gustavo Petro|null|full|There was no need to kill him.'

check_same 'a quote over two paragraphs, no closing mark at the first one'\''s end' "$(quotes <<'EOF'
{"doc":"case10","n":1,"para":1,"start":0,"end":32,"text":"Petro spoke in Bogotá on Friday.","entities":[{"start":0,"end":5,"text":"Petro","type":"PERSON","id":"Gustavo Petro"}]}
{"doc":"case10","n":2,"para":2,"start":34,"end":72,"text":"“We will continue the work we started.","entities":[]}
{"doc":"case10","n":3,"para":3,"start":74,"end":106,"text":"“We will not stop now,” he said.","entities":[]}
EOF
)" 'Gustavo Petro|said|full|We will continue the work we started.
Gustavo Petro|said|full|We will not stop now,'

check_same 'a pronoun goes to the person before' "$(quotes <<'EOF'
{"doc":"case11","n":1,"para":1,"start":0,"end":55,"text":"Burton explained from a podium. “I love cats,” he said.","entities":[{"start":0,"end":6,"text":"Burton","type":"PERSON","id":"Burton"}]}
EOF
)" 'Burton|said|full|I love cats,'

check_same 'the speaker before an apposition' "$(quotes <<'EOF'
{"doc":"case12","n":1,"para":1,"start":0,"end":131,"text":"Petro, a left-wing leader and critic of US President Donald Trump, announced that he would “cease communications” with US agencies.","entities":[{"start":0,"end":5,"text":"Petro","type":"PERSON","id":"Gustavo Petro"},{"start":53,"end":65,"text":"Donald Trump","type":"PERSON","id":"Donald Trump"}]}
EOF
)" 'Gustavo Petro|announced|partial|cease communications'

check_same 'a passive '\''ordered by'\'' is not the speaker' "$(quotes <<'EOF'
{"doc":"case13","n":1,"para":1,"start":0,"end":109,"text":"Petro described the attack, ordered by US President Donald Trump, as an “extrajudicial execution” on Tuesday.","entities":[{"start":0,"end":5,"text":"Petro","type":"PERSON","id":"Gustavo Petro"},{"start":52,"end":64,"text":"Donald Trump","type":"PERSON","id":"Donald Trump"}]}
EOF
)" 'Gustavo Petro|described|partial|extrajudicial execution'

check_same 'a scare quote with no speaker or verb is left out' "$(quotes <<'EOF'
{"doc":"case14","n":1,"para":1,"start":0,"end":37,"text":"The so-called “experts” arrived late.","entities":[]}
EOF
)" ''

check_same 'a title in quotes is not a quotation' "$(quotes <<'EOF'
{"doc":"case15","n":1,"para":1,"start":0,"end":72,"text":"Burton claims that his favorite book is “One Hundred Years of Solitude”.","entities":[{"start":0,"end":6,"text":"Burton","type":"PERSON","id":"Burton"}]}
EOF
)" ''

check_same 'a long quoted phrase with nobody to say it is kept, speaker null' "$(quotes <<'EOF'
{"doc":"case16","n":1,"para":1,"start":0,"end":86,"text":"A magazine printed a photo that shows him “as if he were a prisoner in his own house”.","entities":[]}
EOF
)" 'null|null|partial|as if he were a prisoner in his own house'

check_same 'guillemets and low-high quotes' "$(quotes <<'EOF'
{"doc":"case17","n":1,"para":1,"start":0,"end":38,"text":"«We will win this fight,» Macron said.","entities":[{"start":26,"end":32,"text":"Macron","type":"PERSON","id":"Emmanuel Macron"}]}
{"doc":"case17","n":2,"para":1,"start":39,"end":73,"text":"„We will win it too,“ Merkel said.","entities":[{"start":22,"end":28,"text":"Merkel","type":"PERSON","id":"Angela Merkel"}]}
EOF
)" 'Emmanuel Macron|said|full|We will win this fight,
Angela Merkel|said|full|We will win it too,'

check_same 'single curly quotes in a headline, apostrophes left alone' "$(quotes <<'EOF'
{"doc":"case18","n":1,"para":1,"start":0,"end":44,"text":"‘There is a misunderstanding’ says Benedetti","entities":[{"start":35,"end":44,"text":"Benedetti","type":"PERSON","id":"Armando Benedetti"}]}
{"doc":"case18","n":2,"para":2,"start":46,"end":109,"text":"Colombia’s farmers’ union and the country’s army met on Monday.","entities":[]}
EOF
)" 'Armando Benedetti|says|full|There is a misunderstanding'

check_same 'straight quotes, and a second quote goes on with the speaker' "$(quotes <<'EOF'
{"doc":"case19","n":1,"para":1,"start":0,"end":49,"text":"\"I love cats!\" insists Burton. \"I absolutely do.\"","entities":[{"start":23,"end":29,"text":"Burton","type":"PERSON","id":"Burton"}]}
EOF
)" 'Burton|insists|full|I love cats!
Burton|null|full|I absolutely do.'

check_same 'she is not the man who spoke just before' "$(quotes <<'EOF'
{"doc":"case20","n":1,"para":1,"start":0,"end":32,"text":"Mary Jones sat beside the coach.","entities":[{"start":0,"end":10,"text":"Mary Jones","type":"PERSON","id":"Mary Jones"}]}
{"doc":"case20","n":2,"para":2,"start":34,"end":97,"text":"“We lost the game,” John Smith said. “We were tired,” she said.","entities":[{"start":20,"end":30,"text":"John Smith","type":"PERSON","id":"John Smith"}]}
EOF
)" 'John Smith|said|full|We lost the game,
Mary Jones|said|full|We were tired,'

check_same 'a surname the tagger missed goes to the person named before' "$(quotes <<'EOF'
{"doc":"case21","n":1,"para":1,"start":0,"end":32,"text":"Mary Jones sat beside the coach.","entities":[{"start":0,"end":10,"text":"Mary Jones","type":"PERSON","id":"Mary Jones"}]}
{"doc":"case21","n":2,"para":1,"start":33,"end":83,"text":"Jones said: “We were tired after the long flight.”","entities":[]}
EOF
)" 'Mary Jones|said|full|We were tired after the long flight.'

check_same 'quoted X as saying' "$(quotes <<'EOF'
{"doc":"case22","n":1,"para":1,"start":0,"end":103,"text":"“The sale was made in the traditions of the 90s,” the Interfax agency quoted Mr Khodorkovsky as saying.","entities":[{"start":54,"end":62,"text":"Interfax","type":"ORG","id":"Interfax"},{"start":80,"end":92,"text":"Khodorkovsky","type":"PERSON","id":"Mikhail Khodorkovsky"}]}
EOF
)" 'Mikhail Khodorkovsky|quoted|full|The sale was made in the traditions of the 90s,'

check_same 'a name and a colon' "$(quotes <<'EOF'
{"doc":"case23","n":1,"para":1,"start":0,"end":78,"text":"- Manchester City boss Kevin Keegan: “We had a great chance to take the lead.”","entities":[{"start":2,"end":17,"text":"Manchester City","type":"ORG","id":"Manchester City"},{"start":23,"end":35,"text":"Kevin Keegan","type":"PERSON","id":"Kevin Keegan"}]}
EOF
)" 'Kevin Keegan|null|full|We had a great chance to take the lead.'

check_same 'a possessive before the speaker' "$(quotes <<'EOF'
{"doc":"case24","n":1,"para":1,"start":0,"end":60,"text":"“This is a simple tool for people,” said MSN's Blake Irving.","entities":[{"start":41,"end":44,"text":"MSN","type":"ORG","id":"MSN"},{"start":47,"end":59,"text":"Blake Irving","type":"PERSON","id":"Blake Irving"}]}
EOF
)" 'Blake Irving|said|full|This is a simple tool for people,'

check_same 'a description with '\''the'\'' goes where '\''he'\'' would' "$(quotes <<'EOF'
{"doc":"case25","n":1,"para":1,"start":0,"end":32,"text":"Healey scored twice on Saturday.","entities":[{"start":0,"end":6,"text":"Healey","type":"PERSON","id":"Austin Healey"}]}
{"doc":"case25","n":2,"para":1,"start":33,"end":100,"text":"“I caught his eye a couple of phases before,” said the 30-year-old.","entities":[]}
EOF
)" 'Austin Healey|said|full|I caught his eye a couple of phases before,'

check_same 'a verb used as a noun is no attribution' "$(quotes <<'EOF'
{"doc":"case26","n":1,"para":1,"start":0,"end":107,"text":"Critics of the plan, in a bid to stop it, printed “no more taxes on the poor and the old” on every leaflet.","entities":[]}
EOF
)" 'null|null|partial|no more taxes on the poor and the old'

done_testing
