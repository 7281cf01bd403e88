/*
 * json: strict RFC 8259 checking of one JSON object per line, with the
 * places of its top-level members, so a program can read a field and
 * write the line back with one field set, every other byte unchanged.
 * No tree is built.
 */
#ifndef LEDE_JSON_H
#define LEDE_JSON_H
#include <stddef.h>

#include "buf.h"

struct jmember {
	size_t kbeg, kend;	/* the key, quotes included */
	size_t vbeg, vend;	/* the value */
	unsigned char kesc;	/* the key has a backslash escape */
	unsigned char vesc;	/* the value is a string with one */
};

struct jkeyslot;

struct jobj {
	const char *s;
	size_t len;
	struct jmember *m;
	size_t n, cap;
	struct jkeyslot *ht;	/* the keys seen, on an object of many members */
	size_t htsize, htcap;
};

#define JSON_MAXDEPTH 512

/*
 * Checks that s[0..len) is one JSON object with nothing after it but
 * white space, and no two of its members with the same key (decoded:
 * "a" and "\u0061" are one key; RFC 8259 leaves their meaning open),
 * and notes its members.  Returns 0, or -1 with *err set to a message
 * and *off to the byte offset of the fault (a repeated key: its second
 * copy).  Keys of nested objects may repeat, as JSON allows.
 */
int jobj_parse(struct jobj *, const char *s, size_t len, const char **err, size_t *off);
void jobj_free(struct jobj *);

/* The member with this key (a plain key, compared decoded), or NULL. */
const struct jmember *jobj_get(const struct jobj *, const char *key);

/*
 * Finds several members in one pass over the object: out[i] is the
 * member whose key is keys[i] (the list ends in NULL), or NULL; keys are
 * compared decoded and the last of duplicates wins, as with jobj_get.
 * tmp holds an escaped key while it is compared.
 */
void jobj_fields(const struct jobj *, const char *const *keys,
    const struct jmember **out, struct buf *tmp);

/* The integer value of member m (NULL: absent): 0, or -1 if it is none. */
int jmember_int(const struct jobj *, const struct jmember *m, long long *v);

/*
 * Finds a dotted path ("text", "meta.title") in a checked object;
 * sets *vb and *ve around the value.  Returns 0, or -1 if absent.
 * "." alone is the whole object.
 */
int json_path(const char *s, size_t len, const char *path, size_t *vb, size_t *ve);

/* Decodes a checked JSON string (s at its opening quote) into out. */
void json_unescape(const char *s, size_t len, struct buf *out);

/* Appends s[0..n) as a JSON string literal; s must be valid UTF-8. */
void json_escape(struct buf *, const char *s, size_t n);

/*
 * Appends the object with member key set to the raw JSON value val:
 * replaced in place when present, else added before the closing brace.
 * Every other byte is copied as it came.
 */
void jobj_set(const struct jobj *, struct buf *, const char *key, const char *val, size_t vlen);
/*
 * The same for a caller that holds the line s[0..len) and has found
 * key's member m already (NULL: it has none); any says whether the
 * object has any member.
 */
void json_set_at(struct buf *, const char *s, size_t len, const struct jmember *m, int any,
    const char *key, const char *val, size_t vlen);

/*
 * The text of the string member m: in place when it holds no escape,
 * else decoded into tmp.  Its length goes to *n.
 */
const char *jmember_text(const struct jobj *, const struct jmember *m, struct buf *tmp,
    size_t *n);

/* The first '"' or '\\' in s[i..n), or n. */
size_t json_plain_end(const char *s, size_t n, size_t i);
/* The closing quote of the checked string that opens at s[i]. */
size_t json_string_end(const char *s, size_t n, size_t i);

/* The end of the checked value that starts at s[i]. */
size_t json_skip(const char *s, size_t len, size_t i);

#endif
