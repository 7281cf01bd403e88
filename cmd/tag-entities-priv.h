/*
 * What the modules of lede-tag-entities share: the lexicon's tables, the
 * tokens, and the document's mentions.  fold: case and accent folding;
 * tok: the tokenizer; lex: the word tables and their loading; gaz: the
 * quick reader of the generated gazetteers; span: the candidate spans of
 * a record and their types; link: the types and ids across a document.
 */
#ifndef TAG_ENTITIES_PRIV_H
#define TAG_ENTITIES_PRIV_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "strtab.h"
#include "utf8.h"
#include "tag-entities-ner.h"

/* Word flags in the lexicon. */
enum {
	F_FIRST = 1 << 0,	/* a first name */
	F_WORD = 1 << 1,	/* a common lower-case word */
	F_NOTNAME = 1 << 2,
	F_ORGW = 1 << 3,
	F_ORGHEAD = 1 << 4,
	F_LOCW = 1 << 5,
	F_GPEW = 1 << 6,
	F_TITLE = 1 << 7,
	F_TPREFIX = 1 << 8,
	F_HONOR = 1 << 9,
	F_CONN = 1 << 10,
	F_PVERB = 1 << 11,
	F_PLACECUE = 1 << 12,
	F_ORGCUE = 1 << 13,
	F_LOWTITLE = 1 << 14,
	F_ENT = 1 << 15,
	F_MISC = 1 << 16,	/* ends an event, a work, a law */
	F_MISCHEAD = 1 << 17,	/* starts one */
	F_PREFIX = 1 << 18,	/* the first words of a longer known name */
	F_LOCHEAD = 1 << 19,	/* starts a place: Lake, Mount */
	F_PLACENOUN = 1 << 20,	/* a village, a river: in apposition makes a place */
	F_APPEND = 1 << 21,	/* may follow such a noun: based, founded, that */
	F_SPORTW = 1 << 22,	/* a word of sports text: match, goal, coach */
	F_TEAMPL = 1 << 23,	/* a plural verb after a place makes a team: have, are */
	F_TEAMV = 1 << 24,	/* in sports text, a verb after a team: beat, signed */
	F_TEAMN = 1 << 25,	/* in sports text, a noun after a team: coach, forwards */
	F_TEAMB = 1 << 26,	/* in sports text, a word before a team: against, v */
	F_TEAMHEAD = 1 << 27,	/* starts a club's name: Real, Union, Dynamo */
	F_MALE = 1 << 28,	/* a title of men: Mr, Sir, Lord */
	F_FEMALE = 1 << 29,	/* a title of women: Mrs, Ms, Lady */
	F_SPEAKB = 1 << 30	/* a verb of speech before its speaker: said, added */
};
/* a place whose name is a side's in results (Texas 6 Minnesota 2): the last bit */
#define F_SIDE	0x80000000u

enum { G_NONE, G_MALE, G_FEMALE };

enum { T_PERSON, T_NORP, T_ORG, T_GPE, T_LOC, T_NBUILTIN };

#define MAXTOK 8	/* the longest phrase looked up */

struct slot {
	uint32_t hash, koff, klen;
	int32_t val;	/* lexicon: word flags; document: an index */
	int32_t ent;	/* lexicon: entity index or -1 */
};

struct map {
	struct slot *tab;
	size_t cap, n;
	uint32_t *used;	/* the slots taken, so a clear costs what was put */
};

struct lexent {
	uint32_t id;	/* offset of the canonical name in the arena */
	int type;
	int weak;	/* from the cities list: other evidence wins */
};

#define LF_KEY 12	/* the longest key a lexfast entry holds itself */
/*
 * A word of the lexicon in half a cache line, for lex_find: its slot
 * (hash 0: empty; koff: the word's number in words) and its key when
 * short.
 */
struct lexfast {
	struct slot s;
	char k[LF_KEY];
};

struct lex {
	struct buf arena;	/* the canonical names of the entities */
	struct strtab words;	/* folded words and phrases, by key_hash */
	struct slot *wval;	/* by word number: its val and ent */
	size_t wcap;
	struct lexent *ents;
	size_t nents, entcap;
	char **types;
	size_t ntypes;
	char **suf;		/* place-suffixes, folded */
	size_t *sufl;		/* their lengths */
	size_t nsuf;
	uint32_t suflast[256];	/* by last byte, which of the first 32 suffixes end in it */
	int sufempty;		/* an empty one, which ends every word */
	size_t maxntok;		/* the most tokens of a name or alias */
	struct buf tmp, key;
	struct lexfast *fast;	/* words and wval in one table, by lex_freeze */
	size_t nfast;		/* its size, a power of two; 0: none */
};

/* ---- keys and the hash map (tag-entities-lex.c) ---- */

/* Are a[0..n) and b[0..n) the same?  Short keys, a word at a time. */
static inline int
keq(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	uint32_t u, v;
	uint16_t p, q;

	if (n >= 8) {
		for (; n > 8; a += 8, b += 8, n -= 8) {
			memcpy(&x, a, 8);
			memcpy(&y, b, 8);
			if (x != y)
				return 0;
		}
		/* the last eight, which may overlap those before */
		memcpy(&x, a + n - 8, 8);
		memcpy(&y, b + n - 8, 8);
		return x == y;
	}
	if (n >= 4) {
		/* the first four and the last four, which may overlap */
		memcpy(&u, a, 4);
		memcpy(&v, b, 4);
		if (u != v)
			return 0;
		memcpy(&u, a + n - 4, 4);
		memcpy(&v, b + n - 4, 4);
		return u == v;
	}
	if (n >= 2) {
		memcpy(&p, a, 2);
		memcpy(&q, b, 2);
		if (p != q)
			return 0;
		memcpy(&p, a + n - 2, 2);
		memcpy(&q, b + n - 2, 2);
		return p == q;
	}
	return n == 0 || *a == *b;
}

/* The FNV-1a hash of a key, never 0 (0 marks an empty slot). */
static inline uint32_t
key_hash(const char *s, size_t n)
{
	uint32_t h = hash_bytes(s, n);

	return h ? h : 1;
}

/* The slot of key k[0..n) (hash h) with its keys in arena, or NULL. */
static inline struct slot *
map_find(const struct map *m, const char *arena, const char *k, size_t n, uint32_t h)
{
	size_t i;

	if (!m->cap)
		return NULL;
	for (i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		struct slot *s = &m->tab[i];
		if (!s->hash)
			return NULL;
		if (s->hash == h && s->klen == n && keq(arena + s->koff, k, n))
			return s;
	}
}

/*
 * The val and ent of the lexicon's key k[0..n) (hash h), or NULL: one
 * cache line read for most words once lex_freeze has run.
 */
static inline struct slot *
lex_find(const struct lex *x, const char *k, size_t n, uint32_t h)
{
	struct lexfast *f;
	size_t i, m;
	long id;

	if (x->nfast) {
		m = x->nfast - 1;
		for (i = h & m; (f = &x->fast[i])->s.hash; i = (i + 1) & m)
			if (f->s.hash == h && f->s.klen == n && (n <= LF_KEY ?
			    keq(f->k, k, n) : memcmp(x->words.key[f->s.koff], k, n) == 0))
				return &f->s;
		return NULL;
	}
	id = strtab_get(&x->words, k, n, h);
	return id < 0 ? NULL : &x->wval[id];
}

/* The slot for key (arena[koff..+n)), made with val 0 and ent -1 if new. */
struct slot *map_put(struct map *, const struct buf *arena, size_t koff, size_t n,
    int *isnew);
/* A new slot for a key not in the map, hash h. */
struct slot *map_ins(struct map *, size_t koff, size_t n, uint32_t h);
/* Empties the map, at the cost of what was put. */
void map_clear(struct map *);
void map_free(struct map *);

/* ---- folding (tag-entities-fold.c) ---- */

/* The code point at s[i] and its length (an invalid sequence: one byte, U+FFFD). */
static inline size_t
cp_at(const char *s, size_t n, size_t i, int32_t *c)
{
	const unsigned char *p = (const unsigned char *)s + i;
	int k;

	if (*p < 0x80) {
		*c = *p;
		return 1;
	}
	if (!utf8_seq(p, n - i)) {
		*c = 0xfffd;
		return 1;
	}
	*c = (int32_t)utf8_get(p, n - i, &k);
	return (size_t)k;
}

/*
 * Appends s[0..n) folded, as fold_append, and returns the hash of what
 * was appended: an ASCII word is folded and hashed in one pass.
 */
uint32_t fold_hash(struct buf *, const char *s, size_t n);
/*
 * Appends s[0..n) without accents, so that a name not in the gazetteers
 * gets the same id in every document, however it is spelt (Sánchez,
 * Sanchez).  Case is kept.
 */
void fold_marks(struct buf *, const char *s, size_t n);

/* ---- tokens (tag-entities-tok.c) ---- */

enum {
	TK_CAP = 1 << 0,	/* starts with an upper-case letter */
	TK_ALLCAP = 1 << 1,	/* two letters or more, all upper case */
	TK_LOWER = 1 << 2,
	TK_DIGIT = 1 << 3,
	TK_HYPH = 1 << 4,	/* joined to the one before by a hyphen */
	TK_POSS = 1 << 5,	/* a possessive 's followed */
	TK_INIT = 1 << 6,	/* may start a sentence */
	TK_SP = 1 << 7,		/* only blanks between it and the one before */
	TK_OPAREN = 1 << 8,	/* an opening parenthesis just before */
	TK_CPAREN = 1 << 9,	/* a closing parenthesis just after */
	TK_COMMA = 1 << 10,	/* a comma (and blanks) just before */
	TK_INITIAL = 1 << 11	/* one capital and a dot: J. */
};

struct tok {
	uint32_t b, e;		/* bytes in the text */
	uint32_t cb, ce;	/* code points */
	uint32_t fo, fl;	/* the folded form in the fold buffer */
	uint32_t f;		/* TK_* */
	uint32_t lf;		/* the lexicon's word flags of the folded form */
	int32_t lent;		/* the lexicon entity of the lone word, or -1 */
	uint32_t h;		/* the hash of the folded form */
};

struct toks {
	struct tok *t;
	size_t n, cap;
};

/*
 * Splits s[0..n) into word tokens, folds each into fb, notes the gaps.
 * A possessive 's is left out of its word; U.S. keeps its dots.
 */
void tokenize(const char *s, size_t n, struct toks *, struct buf *fb);

/* ---- the lexicon (tag-entities-lex.c) ---- */

/* The flag of a word list's key (words, first-names...), or 0. */
uint32_t lex_listflag(const char *key);
/* Is t upper-case letters, digits and '_'? */
int lex_validtype(const char *t);
/*
 * The slot of a phrase, made if new, with its key in x->key and its
 * tokens in tv; NULL if it has no word.
 */
struct slot *lex_slot(struct lex *, const char *s, struct toks *tv);
/* Adds flag to the words of phrase s. */
void lex_word(struct lex *, const char *s, uint32_t flag, struct toks *tv);
/*
 * An entity: a new one, or the one that has this name already; its
 * index.  With no conf (c NULL), -2 for a name with no word.
 */
int lex_ent(struct lex *, struct conf *, yaml_node_t *, const char *name,
    const char *type, int weak, struct toks *tv);
/* As lex_ent, once lex_slot has found name's slot. */
int lex_ent_key(struct lex *, const char *name, const char *type, int weak,
    struct toks *tv);
/* Alias for entity ent; with no conf, -2 for an alias with no word. */
int lex_alias(struct lex *, struct conf *, yaml_node_t *, const char *alias, int ent,
    struct toks *tv);

/* ---- mentions (tag-entities-span.c, tag-entities-link.c) ---- */

enum { L_NONE, L_WEAK, L_EVID, L_GAZ, L_TITLE };

/* Context cues of a mention, for names with no other evidence. */
enum {
	C_PLACE = 1 << 0,	/* a place cue just before: in, near, from */
	C_GPEAFTER = 1 << 1,	/* a comma and a known place after: Glen Echo, Maryland */
	C_THE = 1 << 2,		/* "the" just before, not at a sentence start */
	C_FIRST = 1 << 3,	/* the first word is a first name */
	C_PLSUF = 1 << 4,	/* the last word ends like a place: -ville, -burg */
	C_WORD1 = 1 << 5,	/* the first word is a common word, not a first name */
	C_OFTHE = 1 << 6,	/* "of the" just before: Lord of the Rings */
	C_HYPH = 1 << 7		/* capitalised parts joined by hyphens, no first name: Roc-A-Fella */
};

/* What a mention's neighbours say of a team: Brackley 2, Dunmore have. */
enum {
	TM_PLURAL = 1 << 0,	/* a plural verb after it */
	TM_VERB = 1 << 1,	/* a team's verb after it */
	TM_NOUN = 1 << 2,	/* a team's noun after it */
	TM_BEFORE = 1 << 3,	/* against, v before it */
	TM_SCORE = 1 << 4,	/* a score after it, then a name or the end */
	TM_POSS = 1 << 5,	/* a possessive 's after it */
	TM_HEAD = 1 << 6,	/* starts with Real, Union: a club if a cue says so */
	TM_FOR = 1 << 7		/* a team's verb and for, with, from before it: signed for */
};

/* A town's place by a player that makes it his club (a name's only by 's). */
enum {
	PS_POSS = 1,	/* 's and a player or a team's noun after it: Newcastle 's Alan Shearer */
	PS_PAREN	/* in parentheses after him: Ronaldo ( Barcelona ) */
};

struct ment {
	uint32_t rec;
	uint32_t cs, ce, bs, be;	/* code points and bytes in the record's text */
	uint32_t ko, kl;		/* folded key in the document's fold buffer */
	uint32_t tb, te;		/* title bytes */
	uint32_t ti;			/* its first token in the record */
	uint16_t ntok;
	uint8_t level, head, drop, allcap, init;
	uint8_t rline;			/* its score is a results line's, not prose's */
	uint8_t posside;		/* PS_*: a club's place by a player */
	uint8_t cue;			/* C_* context cues */
	uint8_t team;			/* TM_* */
	uint8_t gender;			/* G_*, from its title */
	uint8_t thec, theb;		/* "The " before it in the output, not the key */
	uint8_t corp;			/* an organisation's noun after it: Ford shares */
	int type;			/* -1 until known */
	int32_t def;			/* the long form an acronym stands for, or -1 */
	int idsrc;			/* 0: lexicon arena, 1: document ids */
	uint32_t id;
};

struct rec {
	size_t to, tl;		/* text in txt */
	size_t m0, m1;		/* its mentions */
	uint32_t sport;		/* its words of sports text, and twice its scores */
};

struct person {
	uint32_t ko, kl;	/* folded key of the full name */
	uint32_t id;		/* in ids */
	int strong;		/* typed with evidence, not guessed */
	int first;		/* its name starts with a first name */
	uint32_t mi;		/* the mention that named it first */
	int gender;		/* G_*: from titles, Mrs Howard is not Mr Howard */
	uint32_t male, female;	/* the votes of the titles of its surname alone */
};

/* The people who have a word in their name, in the order they came. */
struct plink {
	int32_t p, next;
};

#define LC_SIZE 16384	/* entries of the lookup cache, a power of two */
#define LC_KEY 18	/* the longest key it keeps */
/* A word's lexicon entry, kept so the lexicon's table need not be read. */
struct lcache {
	uint32_t h;		/* the key's hash; 0: empty */
	int32_t val, ent;	/* the slot's, when found */
	uint8_t n, found;
	char k[LC_KEY];
};

struct doc {
	const struct lex *x;
	struct lcache *lc;
	struct slot hit;	/* what doc_lookup_cached returns on a hit */
	struct buf txt, fb, ids;
	struct toks tv;
	struct rec *r;
	size_t nr, rcap;
	struct ment *m;
	size_t nm, mcap;
	struct person *p;
	size_t np, pcap;
	struct map known;	/* folded key -> mention index that typed it */
	struct map parts;	/* folded word of a person's name -> first plink (val), last (ent) */
	struct plink *pl;
	size_t npl, plcap;
	struct map oparts;	/* last word of an organisation's name -> mention */
	struct map oheads;	/* its League, Party, Commission -> the latest mention */
	struct map oshort;	/* a company's name without Group, Ltd -> mention */
	struct map oinit;	/* an organisation's initials -> mention */
	struct map teams;	/* folded key of a team -> mention */
	struct ent *out;
	size_t outcap;
	uint32_t *ord;		/* mentions in the order they are linked */
	size_t ordcap;
	struct buf key;
};

/*
 * The lexicon entry of key k[0..n), hash h, through the document's cache
 * of short keys; it lasts until the next lookup.
 */
const struct slot *doc_lookup_cached(struct doc *, const char *k, size_t n, uint32_t h);
/* The same, hashing the key. */
const struct slot *doc_lookup(struct doc *, const char *k, size_t n);
/* Sets each token's lexicon flags (lf) and entity (lent). */
void doc_lookup_words(struct doc *);

/* One record as tag-entities-span reads it. */
struct rctx {
	struct doc *d;
	const char *s;
	size_t n;
	size_t nt;
	int head;		/* title case or all capitals */
};

/*
 * Is token j joined to the one before by a hyphen?  The tokens leave a
 * word between two hyphens (the A of Roc-A-Fella) without the flag.
 */
static inline int
hyph_joined(const struct rctx *c, size_t j)
{
	const struct tok *t = c->d->tv.t;

	return (t[j].f & TK_HYPH) || (j > 0 && t[j].b == t[j - 1].e + 1 &&
	    c->s[t[j].b - 1] == '-');
}

/* Is token j joined to the one before by an ampersand: Johnson & Johnson? */
static inline int
amp_joined(const struct rctx *c, size_t j)
{
	const struct tok *t = c->d->tv.t;
	uint32_t g;

	if (j == 0)
		return 0;
	g = t[j].b - t[j - 1].e;
	return (g == 3 && memcmp(c->s + t[j - 1].e, " & ", 3) == 0) ||
	    (g == 1 && c->s[t[j - 1].e] == '&');
}

/* Is token i a lower-case word with the lexicon flag flag? */
static inline int
lower_has(struct rctx *c, size_t i, uint32_t flag)
{
	const struct tok *t = &c->d->tv.t[i];

	return (t->f & TK_LOWER) && (t->lf & flag);
}

/* Is token a a common lower-case word, and nothing more? */
static inline int
common_tok(const struct tok *t)
{
	return (t->lf & F_WORD) && !(t->lf & (F_FIRST | F_ORGW | F_LOCW | F_GPEW)) &&
	    t->lent < 0;
}

/* Are the words [a, b) all common lower-case words? */
static inline int
all_common(struct doc *d, size_t a, size_t b)
{
	for (; a < b; a++)
		if (!common_tok(&d->tv.t[a]))
			return 0;
	return 1;
}

/* The lexicon flags of the phrase [a, b), 0 if none. */
uint32_t span_phrase_flags(struct doc *, size_t a, size_t b);

/* Is token i a broadcaster's call sign (6PR, 3AW)? */
int call_sign(struct rctx *, size_t i);
/* A call sign's mention at token i: ORG with evidence, else untyped. */
void call_ment(struct rctx *, size_t i);
/* The tokens of the longest known name from a within [a, b), its entity in *ent. */
size_t longest(struct doc *, size_t a, size_t b, int *ent);
/* A mention of [a, b) for lexicon entity e. */
void known_ment(struct rctx *, size_t a, size_t b, int e);
/* Is token i a first name that is a month's too, before a surname (Jan Siemerink)? */
int first_notname(struct rctx *, size_t i);
int last_notname(struct rctx *, size_t i);
int party_comma(const struct rctx *, size_t k);
int digit_brand(const struct rctx *, size_t i);
int amp_gaz(struct rctx *, size_t a);
int body_of_state(struct rctx *, size_t u, size_t k, size_t b, int be);
int corp_cue(struct rctx *, size_t a);
/* A dateline's place as a GPE: the token after it, or 0 (tag-entities-wire.c). */
size_t dateline(struct rctx *);
/* A scorecard's batting line, its names people: 1 if the record is one. */
int batting(struct rctx *);
/* A new mention of [a, b) in the document, with the cues around it. */
struct ment *type_ment(struct rctx *, size_t a, size_t b, int type, int level);
/*
 * The type and level the words around the unknown span [a, b) give it;
 * a title before it in *tb, *te.
 */
void type_evidence(struct rctx *, size_t a, size_t b, int *type, int *level,
    uint32_t *tb, uint32_t *te);
#endif
