/*
 * conf: YAML configuration and data files read with libyaml, errors
 * given as FILE:LINE:COLUMN, and where the shipped data is found.
 */
#ifndef LEDE_CONF_H
#define LEDE_CONF_H
#include <stddef.h>
#include <yaml.h>

struct conf_part {
	size_t first;		/* the index of its first node in doc */
	const char *name;
};

struct conf {
	const char *name;	/* for messages */
	yaml_document_t doc;
	int loaded;
	struct conf_part *part;	/* the files conf_add merged in, in order */
	size_t npart;
};

/* Loads a YAML file; a bad one is fatal: "prog: FILE:LINE:COL: message". */
void conf_load(struct conf *, const char *path);
/* Loads YAML text; -1 with a message in err[] instead of dying. */
int conf_load_mem(struct conf *, const char *name, const char *s, size_t n,
    char *err, size_t errlen);
/*
 * Merges the YAML file path into the loaded document: its sequences
 * are appended to the ones under the same keys, its mappings merged key
 * by key, recursively, and any other value of its replaces the one
 * there.  A key that is new is added.  Messages about a node that came
 * from path (conf_fail, conf_want) name path and the node's line in it;
 * path must outlive c.  A bad file is fatal, as for conf_load.
 */
void conf_add(struct conf *, const char *path);
void conf_free(struct conf *);

yaml_node_t *conf_root(struct conf *);
yaml_node_t *conf_node(struct conf *, int id);
/* The value under key in a mapping node, or NULL. */
yaml_node_t *conf_get(struct conf *, yaml_node_t *map, const char *key);
/* A scalar's text, or NULL if the node is not a scalar. */
const char *conf_str(yaml_node_t *);
/* The file a node came from: c's own, or one conf_add merged in. */
const char *conf_file(struct conf *, yaml_node_t *);
/* Dies with the node's place: "prog: FILE:LINE:COL: message". */
void conf_fail(struct conf *, yaml_node_t *, const char *, ...)
    __attribute__((format(printf, 3, 4), noreturn));
/* Checks a node's kind, dying with its place if it is another. */
yaml_node_t *conf_want(struct conf *, yaml_node_t *, yaml_node_type_t, const char *what);

#define CONF_SEQ_EACH(c, seq, item, it) \
	for ((it) = (seq)->data.sequence.items.start; \
	    (it) < (seq)->data.sequence.items.top && \
	    ((item) = conf_node((c), *(it))) != NULL; (it)++)
#define CONF_MAP_EACH(seq, pair) \
	for ((pair) = (seq)->data.mapping.pairs.start; \
	    (pair) < (seq)->data.mapping.pairs.top; (pair)++)

/*
 * The path of a shipped data file: under $LEDE_DATA if set, else in
 * data/ beside the build tree's bin/, else in share/lede beside the
 * installed bin/, else in the DATADIR the build was made for.
 * Returns a malloc'd path; fatal if it is nowhere.
 */
char *data_path(const char *name);
#endif
