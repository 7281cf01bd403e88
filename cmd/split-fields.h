/*
 * split-fields: a document's meta, the fields gathered for it (its
 * front matter or what its page says, the --meta table, its folder),
 * written once as JSON for all its records, within FIELDS_MAX bytes.
 */
#ifndef LEDE_SPLIT_FIELDS_H
#define LEDE_SPLIT_FIELDS_H
#include <stddef.h>

#include "buf.h"

/* The most bytes of ,"meta":{...} on each record. */
#define FIELDS_MAX 65536

struct fields {
	struct buf bytes;	/* keys and values */
	struct buf list;	/* a struct field each */
	int object;		/* written as {} when it has no fields */
};

struct field {
	size_t k, kn, v, vn;	/* in bytes */
	unsigned long line;	/* of the file, for warnings; 0 unknown */
};

void fields_reset(struct fields *);
void fields_free(struct fields *);
/* Adds the field k: v (UTF-8), said at line of the file (0: unknown). */
void fields_put(struct fields *, const char *k, size_t kn, const char *v, size_t vn,
    unsigned long line);
/* Is there a field k? */
int fields_has(const struct fields *, const char *k, size_t kn);
/*
 * Writes ,"meta":{...} to out (emptied first), or nothing with no
 * fields (unless object is set).  A field that would take it past FIELDS_MAX bytes is left
 * out, with one warning for the document, named name.
 */
void fields_json(const struct fields *, struct buf *out, const char *name);
/*
 * --source-from-dir: source is the name of the folder of path (its last
 * folder part), unless there is one already.
 */
void fields_folder(struct fields *, const char *path);
#endif
