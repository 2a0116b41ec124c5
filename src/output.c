/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "output.h"

void output_init(struct output *o, int fd)
{
	o->fd = fd;
	o->err = 0;
	o->len = 0;
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

void output_write(struct output *o, const void *p, size_t n)
{
	const char *s = p;

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
