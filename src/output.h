/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Buffered standard output. Rows are assembled in memory and written in
 * large blocks; the first write error is remembered and reported once at the
 * end, so `lsock >/dev/full` fails loudly and `lsock | head` ends quietly.
 */
#ifndef LSOCK_OUTPUT_H
#define LSOCK_OUTPUT_H

#include <stddef.h>

#define OUTPUT_BUFSZ	65536

struct output {
	int fd;
	int err;		/* first errno from write(2), 0 if none */
	size_t len;
	size_t cap;		/* stdio mode: the buffer size stdio would use */
	int stdio;		/* write when stdio would (see output_init_stdio) */
	int line;		/* stdio mode on a terminal: line buffered */
	char buf[OUTPUT_BUFSZ];
};

void output_init(struct output *o, int fd);
/*
 * The buffering of a C stdio stream instead of large blocks: netstat's
 * model, which decides where its stderr lines land in a `2>&1` capture. The
 * buffer is as large as glibc makes it (the file's st_blksize, at most
 * BUFSIZ); a full buffer is written when the next byte arrives; on a
 * terminal, everything up to the last newline of each write goes out at
 * once.
 */
void output_init_stdio(struct output *o, int fd);
void output_write(struct output *o, const void *p, size_t n);
void output_str(struct output *o, const char *s);
void output_spaces(struct output *o, size_t n);
/* printf's "%-*s" and "%*s" without printf: s, padded to width. */
void output_left(struct output *o, const char *s, size_t width);
void output_right(struct output *o, const char *s, size_t width);
/* "%-*lu" / "%*lu" */
void output_uint_left(struct output *o, unsigned long long v, size_t width);
void output_uint_right(struct output *o, unsigned long long v, size_t width);
/*
 * Room for n more bytes (n <= OUTPUT_BUFSZ), written out first if needed:
 * the caller fills the bytes and then calls output_commit(o, n).
 */
char *output_reserve(struct output *o, size_t n);
static inline void output_commit(struct output *o, size_t n)
{
	o->len += n;
}
void output_printf(struct output *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Returns 0, or the negative errno of the first failed write. */
int output_flush(struct output *o);

#endif /* LSOCK_OUTPUT_H */
