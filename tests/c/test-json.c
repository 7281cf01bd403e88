/*
 * Unit tests of common/json.c, and a cross-check of its verdicts with
 * jansson on many mutated lines.  Prints TAP.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "tap.h"

static int
accepts(const char *s, size_t n, const char **err, size_t *off)
{
	struct jobj o = { 0 };
	int r = jobj_parse(&o, s, n, err, off);

	jobj_free(&o);
	return r == 0;
}

static const char *valid[] = {
	"{}",
	" { } ",
	"{\"a\":1}",
	"{\"a\":-0.5e+10,\"b\":[1,2,{\"c\":null}],\"d\":true,\"e\":false}",
	"{\"s\":\"\\u00e9\\ud83d\\ude00\\n\\t\\\"\\\\\\/\"}",
	"{\"utf8\":\"Bogot\xc3\xa1 \xe2\x80\x9cok\xe2\x80\x9d \xf0\x9f\x98\x80\"}",
	"{\"a\":{\"b\":{\"c\":[[[]]]}}}",
	"{\"dup\":{\"k\":1,\"k\":2},\"dups\":[{\"k\":1,\"k\":2}]}",
	"{\"ab\":1,\"ac\":2,\"a\\u0062c\":3,\"b\":4}",
	"{\"n\":0,\"m\":-0,\"x\":1E5,\"y\":1e-7}",
};

static const struct { const char *s; const char *err; } invalid[] = {
	{ "", "empty line, expected a JSON object" },
	{ "[1,2]", "expected a JSON object" },
	{ "\"x\"", "expected a JSON object" },
	{ "{", "unterminated object" },
	{ "{\"a\"}", "expected ':'" },
	{ "{\"a\":}", "unexpected character" },
	{ "{\"a\":1,}", "expected a string key" },
	{ "{\"a\":1} x", "trailing characters after the object" },
	{ "{\"a\":1}{}", "trailing characters after the object" },
	{ "{'a':1}", "expected a string key" },
	{ "{\"a\":01}", "expected ',' or '}'" },
	{ "{\"a\":1.}", "bad number" },
	{ "{\"a\":.5}", "unexpected character" },
	{ "{\"a\":-}", "bad number" },
	{ "{\"a\":1e}", "bad number" },
	{ "{\"a\":\"\\x\"}", "bad escape in string" },
	{ "{\"a\":\"\\u12g4\"}", "bad \\u escape" },
	{ "{\"a\":\"\\ud800\"}", "lone surrogate in \\u escape" },
	{ "{\"a\":\"\\udc00\"}", "lone surrogate in \\u escape" },
	{ "{\"a\":\"\\ud800\\u0041\"}", "lone surrogate in \\u escape" },
	{ "{\"a\":\"tab\there\"}", "control character in string" },
	{ "{\"a\":\"\xc3\x28\"}", "invalid UTF-8" },
	{ "{\"a\":\"\xc0\xaf\"}", "invalid UTF-8" },
	{ "{\"a\":\"\xed\xa0\x80\"}", "invalid UTF-8" },
	{ "{\"a\":\"\xf4\x90\x80\x80\"}", "invalid UTF-8" },
	{ "{\"a\":\"open}", "unterminated string" },
	{ "{\"a\":tru}", "unexpected character" },
	{ "{\"a\":[1 2]}", "expected ',' or ']'" },
	{ "{\"a\":NaN}", "unexpected character" },
	{ "{\"dup\":1,\"dup\":2}", "duplicate key" },
	{ "{\"a\":1,\"\\u0061\":2}", "duplicate key" },
	{ "{\"\\u00e9\":1,\"\xc3\xa9\":2}", "duplicate key" },
	{ "{\"a\\/b\":1,\"a/b\":2}", "duplicate key" },
	{ "{\"\":1,\"\":2}", "duplicate key" },
};

/*
 * Objects of many members, where the keys go in a hash table: all
 * distinct; one repeated, near the start, at the end, escaped; one
 * object after another in the same jobj.
 */
static void
many(void)
{
	struct buf bb = { 0 }, *b = &bb;
	struct jobj o = { 0 };
	const char *err;
	size_t off, i, n, at;
	static const size_t sizes[] = { 15, 16, 17, 33, 64, 65, 1000, 100000 };
	char key[64];
	int good = 1, dup = 1;

	for (i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		n = sizes[i];
		buf_reset(b);
		buf_addc(b, '{');
		for (size_t k = 0; k < n; k++) {
			snprintf(key, sizeof key, "%s\"k%zu\":%zu", k ? "," : "", k, k);
			buf_add(b, key, strlen(key));
		}
		buf_addc(b, '}');
		if (jobj_parse(&o, b->s, b->len, &err, &off) < 0 || o.n != n)
			good = 0;
		/* The last key made the same as the first, then as key 1 escaped. */
		b->len--;
		at = b->len;
		buf_add(b, ",\"k0\":0}", 8);
		if (jobj_parse(&o, b->s, b->len, &err, &off) == 0 || off != at + 1 ||
		    strcmp(err, "duplicate key") != 0)
			dup = 0;
		b->len = at;
		buf_add(b, ",\"\\u006b1\":0}", 14);
		if (jobj_parse(&o, b->s, b->len, &err, &off) == 0 || off != at + 1)
			dup = 0;
	}
	ok(good, "objects of 15 to 100000 distinct keys are accepted");
	ok(dup, "a key repeated at the end of 15 to 100000 keys is refused at its place");
	jobj_free(&o);
	buf_free(b);
}

static void
units(void)
{
	const char *err;
	size_t off, i, vb, ve;
	struct jobj o = { 0 };
	struct buf b = { 0 }, u = { 0 };
	char deep[2 * JSON_MAXDEPTH + 8];
	const char *line = "{\"doc\":\"a.txt\", \"n\":3,\"meta\":{\"title\":\"T\\u00e9\",\"x\":[1]},\"text\":\"Hi \\\"you\\\"\"}";

	for (i = 0; i < sizeof valid / sizeof *valid; i++)
		ok(accepts(valid[i], strlen(valid[i]), &err, &off), valid[i]);
	for (i = 0; i < sizeof invalid / sizeof *invalid; i++) {
		int r = accepts(invalid[i].s, strlen(invalid[i].s), &err, &off);
		ok(!r && strcmp(err, invalid[i].err) == 0, invalid[i].err);
		if (r || strcmp(err, invalid[i].err) != 0)
			printf("# %s: got %s\n", invalid[i].s, r ? "accepted" : err);
	}
	ok(!accepts("{\"a\":\"x\0y\"}", 10, &err, &off) && off == 7, "a raw NUL is refused at its place");

	/* Nesting beyond the limit is refused, not a stack overflow. */
	memset(deep, '[', sizeof deep);
	deep[0] = '{';
	memcpy(deep + 1, "\"a\":", 4);
	ok(!accepts(deep, sizeof deep, &err, &off) && strcmp(err, "nested too deeply") == 0,
	    "nesting is limited");

	/* A repeated top-level key: located at its second copy. */
	ok(!accepts("{\"text\":\"a\", \"n\":1, \"text\":\"b\"}", 31, &err, &off) &&
	    strcmp(err, "duplicate key") == 0 && off == 20, "a repeated key is refused at its second copy");
	ok(!accepts("{\"a\":1,\"a\":2 x", 15, &err, &off) && strcmp(err, "duplicate key") == 0,
	    "a repeated key is the first fault, before a later one");
	many();

	ok(jobj_parse(&o, line, strlen(line), &err, &off) == 0 && o.n == 4, "members are noted");
	ok(jobj_get(&o, "text") != NULL && jobj_get(&o, "nope") == NULL, "jobj_get");
	json_unescape(line + jobj_get(&o, "text")->vbeg,
	    jobj_get(&o, "text")->vend - jobj_get(&o, "text")->vbeg, &u);
	ok(strcmp(u.s, "Hi \"you\"") == 0, "json_unescape");
	ok(json_path(line, strlen(line), "meta.title", &vb, &ve) == 0 &&
	    ve - vb == 9 && memcmp(line + vb, "\"T\\u00e9\"", 9) == 0, "json_path finds meta.title");
	ok(json_path(line, strlen(line), "meta.nope", &vb, &ve) < 0, "json_path misses meta.nope");
	ok(json_path(line, strlen(line), "n.x", &vb, &ve) < 0, "json_path into a number fails");

	jobj_set(&o, &b, "n", "7", 1);
	ok(strcmp(b.s, "{\"doc\":\"a.txt\", \"n\":7,\"meta\":{\"title\":\"T\\u00e9\",\"x\":[1]},\"text\":\"Hi \\\"you\\\"\"}") == 0,
	    "jobj_set replaces in place, other bytes kept");
	buf_reset(&b);
	jobj_set(&o, &b, "dates", "[]", 2);
	ok(b.len == strlen(line) + 11 && strcmp(b.s + b.len - 12, ",\"dates\":[]}") == 0,
	    "jobj_set adds at the end");
	jobj_parse(&o, "{ }", 3, &err, &off);
	buf_reset(&b);
	jobj_set(&o, &b, "k", "1", 1);
	ok(strcmp(b.s, "{\"k\":1 }") == 0, "jobj_set on an empty object");

	buf_reset(&b);
	json_escape(&b, "a\"b\\c\n\x01\xc3\xa9", 9);
	ok(strcmp(b.s, "\"a\\\"b\\\\c\\n\\u0001\xc3\xa9\"") == 0, "json_escape");
	json_unescape(b.s, b.len, &u);
	ok(u.len == 9 && memcmp(u.s, "a\"b\\c\n\x01\xc3\xa9", 9) == 0, "escape and unescape round trip");
	jobj_free(&o);
	buf_free(&b);
	buf_free(&u);
}

static unsigned long long rng = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Mutations that keep to what both parsers can agree on. */
static size_t
mutate(char *dst, const char *src, size_t n)
{
	static const char pieces[][8] = {
		"\"", "\\", "{", "}", "[", "]", ":", ",", " ", "\t", "\n", "0",
		"-", ".", "e", "1", "\\u", "d800", "dc00", "\xc3", "\xa9", "\x80",
		"\xed\xa0\x80", "\x01", "true", "null", "\\n", "x", "\\ud83d", "\\ude00",
	};
	size_t len = n, at, k, cut;
	int m, times = 1 + rnd(3);
	const char *p;

	memcpy(dst, src, n);
	while (times--) {
		if (len == 0)
			break;
		at = rnd(len);
		switch (m = rnd(3)) {
		case 0:		/* delete a run */
			cut = 1 + rnd(3);
			if (at + cut > len)
				cut = len - at;
			memmove(dst + at, dst + at + cut, len - at - cut);
			len -= cut;
			break;
		default:	/* insert or overwrite a piece */
			p = pieces[rnd(sizeof pieces / sizeof *pieces)];
			k = strlen(p);
			if (m == 1) {
				memmove(dst + at + k, dst + at, len - at);
				len += k;
			} else if (at + k > len) {
				len = at + k;
			}
			memcpy(dst + at, p, k);
		}
	}
	return len;
}

static void
crosscheck(void)
{
	char buf[512], msg[256];
	size_t i, len, off, agree = 0, total = 0, skipped = 0, good = 0, nested = 0;
	json_error_t jerr;
	const char *err;
	json_t *j;
	int ours, theirs, shown = 0;

	for (i = 0; i < 200000; i++) {
		const char *seed = valid[rnd(sizeof valid / sizeof *valid)];
		len = mutate(buf, seed, strlen(seed));
		j = json_loadb(buf, len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &jerr);
		theirs = j && json_is_object(j);
		json_decref(j);
		if (!j && (strstr(jerr.text, "too big") || strstr(jerr.text, "overflow") ||
		    strstr(jerr.text, "underflow"))) {
			skipped++;	/* jansson limits numbers; JSON does not */
			continue;
		}
		ours = accepts(buf, len, &err, &off);
		/*
		 * We refuse repeated keys at the top level only; jansson
		 * accepts them all, or with JSON_REJECT_DUPLICATES refuses
		 * them at every depth: a line it refuses for a repeat only
		 * in a nested object is left out.
		 */
		if (ours && !j && strstr(jerr.text, "duplicate object key")) {
			/* Is the repeat nested?  Then jansson's top-level
			 * object, last copy kept, has all our members. */
			struct jobj o = { 0 };
			json_t *j2 = json_loadb(buf, len, JSON_ALLOW_NUL, &jerr);

			jobj_parse(&o, buf, len, &err, &off);
			if (j2 && json_object_size(j2) == o.n) {
				nested++;
				json_decref(j2);
				jobj_free(&o);
				continue;
			}
			json_decref(j2);
			jobj_free(&o);
		}
		total++;
		good += ours;
		if (ours == theirs) {
			agree++;
		} else if (shown++ < 5) {
			snprintf(msg, sizeof msg, "%.*s", (int)len, buf);
			printf("# disagree (ours %d, jansson %d: %s): %s\n", ours, theirs,
			    j ? "" : jerr.text, msg);
		}
	}
	printf("# %zu of %zu mutated lines judged alike, %zu of them valid (%zu left out for number range, "
	    "%zu for a key repeated in a nested object)\n", agree, total, good, skipped, nested);
	ok(good > total / 20 && good < total - total / 20, "the mutated lines mix valid and invalid");
	ok(agree == total, "the checker agrees with jansson on 200000 mutated lines");
}

int
main(void)
{
	units();
	crosscheck();
	return tap_done();
}
