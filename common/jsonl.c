#define _GNU_SOURCE	/* F_SETPIPE_SZ */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jsonl.h"
#include "util.h"

enum { READ_SIZE = 1 << 17 };

int
input_open(struct input *in, const char *path)
{
	struct stat st;

	in->path = path;
	in->lineno = 0;
	in->line = NULL;
	in->len = 0;
	in->beg = in->end = 0;
	in->eof = 0;
	if (strcmp(path, "-") == 0) {
		in->name = "<stdin>";
		in->fp = stdin;
		return 0;
	}
	in->name = path;
	if (!(in->fp = fopen(path, "r")))
		return -1;
	/*
	 * A folder opens but cannot be read: refused here, as a missing
	 * file is, so the caller reports it and goes on to the next.
	 */
	if (fstat(fileno(in->fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(in->fp);
		in->fp = NULL;
		errno = EISDIR;
		return -1;
	}
	return 0;
}

int
input_next(struct input *in)
{
	char *nl;
	ssize_t n;
	size_t seen = 0;	/* bytes after beg known to hold no newline */

	for (;;) {
		/* (only what came since: a line of many reads is linear) */
		nl = in->end > in->beg + seen ?	/* no buffer yet: no memchr(NULL) */
		    memchr(in->buf + in->beg + seen, '\n', in->end - in->beg - seen) : NULL;
		seen = in->end - in->beg;
		if (nl || (in->eof && in->end > in->beg))
			break;
		if (in->eof) {
			in->line = NULL;
			in->len = 0;
			return 0;
		}
		/* Keep the part line, make room for a read and a NUL. */
		if (in->beg > 0) {
			memmove(in->buf, in->buf + in->beg, in->end - in->beg);
			in->end -= in->beg;
			in->beg = 0;
		}
		if (in->cap - in->end < READ_SIZE + 1) {
			in->cap = in->cap ? 2 * in->cap : 2 * READ_SIZE;
			if (in->cap - in->end < READ_SIZE + 1)
				in->cap = in->end + READ_SIZE + 1;
			in->buf = xrealloc(in->buf, in->cap);
		}
		n = read(fileno(in->fp), in->buf + in->end, READ_SIZE);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			die(EX_ERR, "%s: %s", in->name, strerror(errno));
		if (n == 0)
			in->eof = 1;
		in->end += (size_t)n;
	}
	in->line = in->buf + in->beg;
	if (nl) {
		in->len = (size_t)(nl - in->line);
		in->beg += in->len + 1;
	} else {
		/* The last line, with no newline: there is room for a NUL. */
		in->len = in->end - in->beg;
		in->beg = in->end;
	}
	in->line[in->len] = '\0';
	in->lineno++;
	return 1;
}

void
input_close(struct input *in)
{
	if (in->fp && in->fp != stdin)
		fclose(in->fp);
	in->fp = NULL;
	free(in->buf);
	in->buf = NULL;
	in->line = NULL;
	in->cap = in->beg = in->end = 0;
}

void
filter_emit(struct filter *f, const char *s, size_t n)
{
	fwrite(s, 1, n, stdout);
	putchar('\n');
	if (f->uflag)
		fflush(stdout);
	out_check(stdout);
}

/*
 * The record a warning concerns, before its message: "doc D, record N: ".
 * A record with no "doc" string or no "n" integer gives what it has.
 */
static void
rec_place(const struct jobj *o, struct buf *msg)
{
	const struct jmember *d = jobj_get(o, "doc"), *n = jobj_get(o, "n");
	struct buf pre = { 0 };
	long long v;

	if (d && o->s[d->vbeg] == '"') {
		struct buf id = { 0 };

		json_unescape(o->s + d->vbeg, d->vend - d->vbeg, &id);
		buf_adds(&pre, "doc ");
		buf_add(&pre, id.s, id.len);
		buf_free(&id);
	}
	if (n && jmember_int(o, n, &v) == 0)
		buf_printf(&pre, "%srecord %lld", pre.len ? ", " : "", v);
	if (pre.len) {
		buf_adds(&pre, ": ");
		buf_add(&pre, msg->s, msg->len);
		msg->len = 0;
		buf_add(msg, pre.s, pre.len);
	}
	buf_free(&pre);
}

static void
vreject(struct filter *f, struct input *in, const char *fmt, va_list ap)
{
	struct buf msg = { 0 };

	buf_vprintf(&msg, fmt, ap);
	if (f->kflag && f->cur)
		rec_place(f->cur, &msg);
	if (!f->kflag) {
		/* What came before the bad line is written, nothing of it. */
		if (f->flush)
			f->flush(f);
		out_finish(stdout);
		die(EX_ERR, "%s:%lu: %s", in->name, in->lineno, msg.s);
	}
	warnm("%s:%lu: %s", in->name, in->lineno, msg.s);
	buf_free(&msg);
	f->status = EX_REJECT;
	if (f->readonly)
		return;
	if (f->flush)
		f->flush(f);
	filter_emit(f, in->line, in->len);
}

void
filter_reject(struct filter *f, struct input *in, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreject(f, in, fmt, ap);
	va_end(ap);
}

/*
 * A line that does not parse.  One that does not even start as an
 * object is most often plain text given to a filter: say what to do.
 */
static void
reject_parse(struct filter *f, struct input *in, const char *err, size_t off)
{
	size_t i = 0;

	while (i < in->len && (in->line[i] == ' ' || in->line[i] == '\t' || in->line[i] == '\r'))
		i++;
	if (i < in->len && in->line[i] != '{')
		filter_reject(f, in, "expected a JSON record at column %zu: "
		    "is this the output of lede-split?", i + 1);
	else
		filter_reject(f, in, "%s at column %zu", err, off + 1);
}

int
filter_run(struct filter *f, int argc, char **argv)
{
	static char *dash[] = { "-", NULL };
	static char obuf[1 << 17];
	struct input in = { 0 };
	struct jobj o = { 0 };
	const char *err;
	size_t off;
	int i;

	/* A big buffer off a terminal: fewer system calls on long streams. */
	if (!f->uflag && !isatty(STDOUT_FILENO))
		setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
#ifdef F_SETPIPE_SZ
	/*
	 * Pipes as large as a read or a write (Linux): fewer wake-ups
	 * between the programs of a pipeline.  Not a pipe: EBADF, no harm.
	 */
	fcntl(0, F_SETPIPE_SZ, READ_SIZE);
	if (!f->uflag)
		fcntl(1, F_SETPIPE_SZ, (int)sizeof obuf);
#endif
	if (argc == 0) {
		argc = 1;
		argv = dash;
	}
	for (i = 0; i < argc; i++) {
		if (input_open(&in, argv[i]) < 0) {
			warnm("%s: %s", argv[i], strerror(errno));
			f->status = EX_REJECT;
			continue;
		}
		while (input_next(&in)) {
			if (f->raw && f->raw(f, &in))
				continue;
			if (jobj_parse(&o, in.line, in.len, &err, &off) < 0) {
				reject_parse(f, &in, err, off);
				continue;
			}
			f->cur = &o;
			f->rec(f, &in, &o);
			f->cur = NULL;
		}
		input_close(&in);
	}
	if (f->flush)
		f->flush(f);
	jobj_free(&o);
	buf_free(&f->out);
	out_finish(stdout);
	return f->status;
}

int
filter_each(struct filter *f, int argc, char **argv)
{
	static char *dash[] = { "-", NULL };
	struct input *in;
	struct jobj o = { 0 };
	const char *err;
	size_t off;
	int i;

	f->readonly = 1;
	if (argc == 0) {
		argc = 1;
		argv = dash;
	}
	in = xcalloc((size_t)argc, sizeof *in);
	for (i = 0; i < argc; i++)
		if (input_open(&in[i], argv[i]) < 0) {
			warnm("%s: %s", argv[i], strerror(errno));
			in[i].fp = NULL;
			f->status = EX_REJECT;
		}
	for (i = 0; i < argc; i++) {
		if (!in[i].fp)
			continue;
		while (input_next(&in[i])) {
			if (jobj_parse(&o, in[i].line, in[i].len, &err, &off) < 0)
				reject_parse(f, &in[i], err, off);
			else {
				f->cur = &o;
				f->rec(f, &in[i], &o);
				f->cur = NULL;
			}
		}
		input_close(&in[i]);
	}
	jobj_free(&o);
	free(in);
	return f->status;
}

int
rec_str(const struct jobj *o, const char *key, struct buf *out)
{
	const struct jmember *m = jobj_get(o, key);

	if (!m || o->s[m->vbeg] != '"')
		return -1;
	if (m->vesc)
		json_unescape(o->s + m->vbeg, m->vend - m->vbeg, out);
	else {
		buf_reset(out);
		buf_add(out, o->s + m->vbeg + 1, m->vend - m->vbeg - 2);
	}
	return 0;
}

int
rec_int(const struct jobj *o, const char *key, long long *v)
{
	return jmember_int(o, jobj_get(o, key), v);
}
