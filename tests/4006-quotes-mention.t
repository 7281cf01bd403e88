#!/bin/sh
# lede-extract-quotes --each: the quotation's record keeps the n and dct
# of the record it was found in, beside its "mention".  The cases of
# mentions, "speakers" and the classes of attribution of issue 14 are in
# tests/cases/quotes.test.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

check_same '--each: the n and dct of the quotation'\''s record' \
	"$(printf '%s\n' '{"doc":"m8","n":7,"dct":"2026-03-02","start":0,"text":"“Yes,” Ann said.","entities":[{"start":7,"end":10,"type":"PERSON","id":"Ann"}]}' |
	lede-extract-quotes --each)" \
	'{"doc":"m8","n":7,"dct":"2026-03-02","start":1,"end":5,"text":"Yes,","speaker":"Ann","verb":"said","kind":"full","mention":{"n":7,"start":7,"end":10,"text":"Ann"}}'

done_testing
