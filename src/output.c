/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fmt.h"
#include "output.h"

void output_init(struct output *o, int fd)
{
	o->fd = fd;
	o->err = 0;
	o->len = 0;
	o->cap = OUTPUT_BUFSZ;
	o->stdio = 0;
	o->line = 0;
}

void output_init_stdio(struct output *o, int fd)
{
	struct stat st;

	output_init(o, fd);
	o->stdio = 1;
	o->cap = BUFSIZ < OUTPUT_BUFSZ ? BUFSIZ : OUTPUT_BUFSZ;
	if (fstat(fd, &st) == 0) {
		if (st.st_blksize > 0 && (size_t)st.st_blksize < o->cap)
			o->cap = (size_t)st.st_blksize;
		o->line = S_ISCHR(st.st_mode) && isatty(fd);
	}
}

static void output_drain(struct output *o)
{
	size_t off = 0;

	while (off < o->len && !o->err) {
		ssize_t n = write(o->fd, o->buf + off, o->len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			o->err = n < 0 ? errno : EIO;
			break;
		}
		off += (size_t)n;
	}
	o->len = 0;
}

/* Append, writing a full buffer only when one more byte comes, as stdio. */
static void output_append_lazy(struct output *o, const char *s, size_t n)
{
	while (n > 0) {
		size_t k;

		if (o->len == o->cap)
			output_drain(o);
		k = n < o->cap - o->len ? n : o->cap - o->len;
		memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
	}
}

static void output_write_stdio(struct output *o, const char *s, size_t n)
{
	const char *nl = NULL;
	size_t head;

	if (o->line)
		nl = memrchr(s, '\n', n);
	if (!nl) {
		output_append_lazy(o, s, n);
		return;
	}
	head = (size_t)(nl - s) + 1;
	output_append_lazy(o, s, head);
	output_drain(o);
	output_append_lazy(o, s + head, n - head);
}

void output_write(struct output *o, const void *p, size_t n)
{
	const char *s = p;

	if (o->stdio) {
		output_write_stdio(o, s, n);
		return;
	}
	while (n > 0) {
		size_t room = OUTPUT_BUFSZ - o->len;
		size_t k = n < room ? n : room;

		memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
		if (o->len == OUTPUT_BUFSZ)
			output_drain(o);
	}
}

char *output_reserve(struct output *o, size_t n)
{
	if (OUTPUT_BUFSZ - o->len < n)
		output_drain(o);
	return o->buf + o->len;
}

void output_str(struct output *o, const char *s)
{
	output_write(o, s, strlen(s));
}

void output_spaces(struct output *o, size_t n)
{
	static const char blanks[64] = "                                "
				       "                                ";

	while (n > 0) {
		size_t k = n < sizeof(blanks) ? n : sizeof(blanks);

		output_write(o, blanks, k);
		n -= k;
	}
}

void output_left(struct output *o, const char *s, size_t width)
{
	size_t n = strlen(s);

	output_write(o, s, n);
	if (n < width)
		output_spaces(o, width - n);
}

void output_right(struct output *o, const char *s, size_t width)
{
	size_t n = strlen(s);

	if (n < width)
		output_spaces(o, width - n);
	output_write(o, s, n);
}

void output_uint_left(struct output *o, unsigned long long v, size_t width)
{
	char buf[FMT_INT_MAX];

	fmt_u64(buf, v);
	output_left(o, buf, width);
}

void output_uint_right(struct output *o, unsigned long long v, size_t width)
{
	char buf[FMT_INT_MAX];

	fmt_u64(buf, v);
	output_right(o, buf, width);
}

void output_printf(struct output *o, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	output_write(o, tmp, (size_t)n < sizeof(tmp) ? (size_t)n :
		     sizeof(tmp) - 1);
}

int output_flush(struct output *o)
{
	output_drain(o);
	return o->err ? -o->err : 0;
}
