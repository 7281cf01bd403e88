/*
 * split-fields: a document's meta, gathered from wherever it comes
 * and written as JSON once a document, so that a huge front matter
 * line is not copied onto each of its records whole.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "split-fields.h"
#include "split-src.h"
#include "util.h"

void
fields_reset(struct fields *f)
{
	buf_reset(&f->bytes);
	buf_reset(&f->list);
	f->object = 0;
}

void
fields_free(struct fields *f)
{
	buf_free(&f->bytes);
	buf_free(&f->list);
}

void
fields_put(struct fields *f, const char *k, size_t kn, const char *v, size_t vn,
    unsigned long line)
{
	struct field e;

	e.k = f->bytes.len;
	e.kn = kn;
	buf_add(&f->bytes, k, kn);
	e.v = f->bytes.len;
	e.vn = vn;
	buf_add(&f->bytes, v, vn);
	e.line = line;
	buf_add(&f->list, &e, sizeof e);
}

int
fields_has(const struct fields *f, const char *k, size_t kn)
{
	const struct field *e = (const struct field *)f->list.s;
	size_t i, n = f->list.len / sizeof *e;

	for (i = 0; i < n; i++)
		if (e[i].kn == kn && memcmp(f->bytes.s + e[i].k, k, kn) == 0)
			return 1;
	return 0;
}

void
fields_json(const struct fields *f, struct buf *out, const char *name)
{
	const struct field *e = (const struct field *)f->list.s, *first = NULL;
	size_t i, at, n = f->list.len / sizeof *e, left = 0;

	buf_reset(out);
	for (i = 0; i < n; i++) {
		at = out->len;
		buf_adds(out, out->len ? "," : ",\"meta\":{");
		json_escape(out, f->bytes.s + e[i].k, e[i].kn);
		buf_addc(out, ':');
		json_escape(out, f->bytes.s + e[i].v, e[i].vn);
		/* room for the closing brace */
		if (out->len + 1 > FIELDS_MAX) {
			out->len = at;
			out->s[at] = '\0';
			if (!first)
				first = &e[i];
			else
				left++;
		}
	}
	if (!out->len && f->object)
		buf_adds(out, ",\"meta\":{");
	if (out->len)
		buf_addc(out, '}');
	if (!first)
		return;
	if (first->line)
		warnq("%s:%lu: meta field %.*s left out%s: meta is kept within %d bytes",
		    name, first->line, (int)(first->kn > 80 ? 80 : first->kn),
		    f->bytes.s + first->k, left ? ", and more" : "", FIELDS_MAX);
	else
		warnq("%s: meta field %.*s left out%s: meta is kept within %d bytes",
		    name, (int)(first->kn > 80 ? 80 : first->kn), f->bytes.s + first->k,
		    left ? ", and more" : "", FIELDS_MAX);
}

void
fields_folder(struct fields *f, const char *path)
{
	const char *sl = strrchr(path, '/'), *b;
	char *dir, *real = NULL;
	size_t n, cp;

	if (fields_has(f, "source", 6) || strcmp(path, "-") == 0)
		return;
	while (sl && sl > path && sl[-1] == '/')
		sl--;
	dir = sl ? strndup(path, sl == path ? 1 : (size_t)(sl - path)) : xstrdup(".");
	if (!dir)
		die(EX_ERR, "out of memory");
	/* the last part of the folder as written; else (., ..) of the folder resolved */
	b = strrchr(dir, '/') ? strrchr(dir, '/') + 1 : dir;
	if (!*b || strcmp(b, ".") == 0 || strcmp(b, "..") == 0) {
		if ((real = realpath(dir, NULL)))
			b = strrchr(real, '/') ? strrchr(real, '/') + 1 : real;
		else
			b = "";
	}
	n = strlen(b);
	if (n && src_utf8(b, n, &cp))
		fields_put(f, "source", 6, b, n, 0);
	free(real);
	free(dir);
}
