/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <string.h>

#include "fmt.h"

size_t fmt_u64(char *buf, uint64_t v)
{
	char tmp[FMT_INT_MAX];
	size_t n = 0, i;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return n;
}

size_t fmt_i64(char *buf, int64_t v)
{
	if (v >= 0)
		return fmt_u64(buf, (uint64_t)v);
	buf[0] = '-';
	return 1 + fmt_u64(buf + 1, (uint64_t)0 - (uint64_t)v);
}

size_t fmt_ipv4(char *buf, const uint8_t *a)
{
	size_t n = 0;
	int i;

	for (i = 0; i < 4; i++) {
		unsigned int b = a[i];

		if (i)
			buf[n++] = '.';
		if (b >= 100)
			buf[n++] = (char)('0' + b / 100);
		if (b >= 10)
			buf[n++] = (char)('0' + b / 10 % 10);
		buf[n++] = (char)('0' + b % 10);
	}
	buf[n] = '\0';
	return n;
}

size_t fmt_left(char *buf, const char *s, size_t width)
{
	size_t n = strlen(s);

	memcpy(buf, s, n);
	if (n >= width)
		return n;
	memset(buf + n, ' ', width - n);
	return width;
}

size_t fmt_u64_right(char *buf, uint64_t v, size_t width)
{
	char tmp[FMT_INT_MAX];
	size_t n = fmt_u64(tmp, v), pad = n < width ? width - n : 0;

	memset(buf, ' ', pad);
	memcpy(buf + pad, tmp, n);
	return pad + n;
}
