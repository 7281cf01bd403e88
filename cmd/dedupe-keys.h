/*
 * dedupe-keys: the key lines of --emit-keys and --join.  One line per
 * record (or document):
 *
 *	HASH TAB NAME TAB LINE TAB N TAB DOC
 *
 * HASH is the 128-bit key hash in 32 lower-case hex digits, NAME the
 * input's name as a JSON string, LINE its line number in 12 digits,
 * N the record's n (digits or null), DOC its raw doc value (or null).
 * HASH, NAME and LINE sort as bytes (LC_ALL=C sort) into key order,
 * then input order.
 */
#ifndef LEDE_DEDUPE_KEYS_H
#define LEDE_DEDUPE_KEYS_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "dedupe-norm.h"
#include "dedupe-sketch.h"
#include "json.h"

#define KEY_SEED 0x6c6564656475ULL	/* "lededu" */

struct keyline {
	struct h128 hash;
	const char *pos, *n, *doc;	/* pos: NAME TAB LINE */
	size_t poslen, nlen, doclen;
};

void keyline_format(struct buf *, struct h128, const char *path,
    unsigned long line, uint32_t n, const char *doc, size_t doclen);
void keypos_format(struct buf *, const char *path, unsigned long line);
/* Parses and checks a key line; NULL, or what is wrong with it. */
const char *keyline_parse(struct keyline *, const char *s, size_t len);
int h128_cmp(struct h128, struct h128);

/*
 * The key lines of --near: one per record (or document), in input
 * order, so that LC_ALL=C sort -m of the shards' lines is the input
 * order of the shards one after another:
 *
 *	NAME TAB LINE TAB HASH TAB KIND TAB BANDS TAB SET TAB N TAB DOC
 *
 * NAME, LINE, HASH, N and DOC as above; KIND is - (no shingle set: a
 * text shorter than a shingle), s (the whole set) or t (its SK_KMAX
 * smallest hashes); BANDS the SK_BANDS 64-bit LSH band keys and SET the
 * sorted distinct 32-bit shingle hashes, in lower-case hex, both empty
 * when KIND is -.
 */
struct nearline {
	const char *pos, *n, *doc;	/* pos: NAME TAB LINE */
	size_t poslen, nlen, doclen;
	struct h128 hash;
	int kind;			/* '-', 's' or 't' */
	/* scratch: the name and doc checked as JSON, and the last ones */
	struct buf chk, last;
	struct jobj o;
};

void nearline_format(struct buf *, const char *path, unsigned long line,
    struct h128, int words, const struct sketch *, uint32_t n,
    const char *doc, size_t doclen);
/*
 * Parses and checks a near key line; its bands and set go into sk
 * (set, nset, truncated, band).  NULL, or what is wrong with it.
 */
const char *nearline_parse(struct nearline *, struct sketch *sk,
    const char *s, size_t len);
int keypos_cmp(const char *, size_t, const char *, size_t);
void nearline_free(struct nearline *);

/*
 * The header line of each input's key lines, written before them: the
 * options that shape the keys and a fingerprint of the input, so that
 * --join refuses keys made otherwise or from other records.
 *
 *	#lede-dedupe keys v1 TAB NAME TAB FP OPTS		(exact)
 *	NAME TAB 000000000000 TAB #lede-dedupe keys v1 TAB FP OPTS	(--near)
 *
 * The exact header sorts before every key line (LC_ALL=C sort), the
 * near one before its input's lines.  FP is the input's bytes' XXH64 in
 * 16 hex digits, or - when the input could not be read twice (a pipe);
 * OPTS one TAB and option for each option that shapes the keys, as
 * "-b doc", "-f \"text\"", "-r", "-n", "-s 5".
 */
#define KEYHDR "#lede-dedupe keys v1"
#define KEYHDR_NEARPOS "\t000000000000\t" KEYHDR "\t"

struct keyhdr {
	const char *name, *fp, *opts;	/* name: exact headers only */
	size_t namelen, fplen, optslen;
};

/* withname: the exact form, NAME after KEYHDR.  NULL, or what is wrong. */
const char *keyhdr_parse(struct keyhdr *, const char *s, size_t len, int withname);
/* NULL if the options are the same, else what differs, in msg. */
const char *keyopts_diff(const char *keys, size_t, const char *mine, size_t,
    struct buf *msg);
/* The fingerprint of fd's bytes from start on, into fp (- if unreadable). */
void keys_fingerprint(int fd, long long start, char fp[17]);
#endif
