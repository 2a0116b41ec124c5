/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "netstat-scan.h"

/* Longest number text kept for conversion; longer runs saturate anyway. */
#define SCAN_NUMBUF	80

bool netstat_scan_line(const char *buf, size_t buflen, size_t *off,
		       size_t size, const char **line, size_t *len)
{
	size_t start = *off, n = 0, max;
	const char *nl;

	if (start >= buflen || size < 2)
		return false;
	max = buflen - start;
	if (max > size - 1)
		max = size - 1;
	nl = memchr(buf + start, '\n', max);
	n = nl ? (size_t)(nl - (buf + start)) + 1 : max;
	*off = start + n;
	*line = buf + start;
	*len = strnlen(buf + start, n);
	return true;
}

void netstat_scan_init(struct netstat_scan *s, const char *p, size_t len)
{
	s->p = p;
	s->end = p + len;
}

void netstat_scan_space(struct netstat_scan *s)
{
	while (s->p < s->end && isspace((unsigned char)*s->p))
		s->p++;
}

bool netstat_scan_at_end(const struct netstat_scan *s)
{
	return s->p >= s->end;
}

int netstat_scan_str(struct netstat_scan *s, size_t width, char *dst)
{
	size_t n = 0;

	netstat_scan_space(s);
	while (s->p < s->end && n < width && !isspace((unsigned char)*s->p))
		dst[n++] = *s->p++;
	if (n == 0)
		return -EINVAL;
	dst[n] = '\0';
	return 0;
}

int netstat_scan_skip(struct netstat_scan *s)
{
	const char *start;

	netstat_scan_space(s);
	start = s->p;
	while (s->p < s->end && !isspace((unsigned char)*s->p))
		s->p++;
	return s->p > start ? 0 : -EINVAL;
}

static int scan_isdigit(int c, bool hex)
{
	return hex ? isxdigit(c) : isdigit(c);
}

/*
 * Collects the text of one number as glibc's scanf does: an optional sign,
 * for hex an optional 0x, then digits, all within width. Returns the
 * number of digits.
 */
static size_t scan_number_text(struct netstat_scan *s, size_t width, bool hex,
			       char *buf)
{
	size_t used = 0, n = 0, digits = 0;
	size_t lim = width ? width : SIZE_MAX;

	netstat_scan_space(s);
	if (s->p < s->end && (*s->p == '-' || *s->p == '+') && used < lim) {
		buf[n++] = *s->p++;
		used++;
	}
	if (hex && s->end - s->p >= 3 && s->p[0] == '0' &&
	    (s->p[1] == 'x' || s->p[1] == 'X') && used + 2 < lim &&
	    isxdigit((unsigned char)s->p[2])) {
		s->p += 2;
		used += 2;
	}
	while (s->p < s->end && used < lim &&
	       scan_isdigit((unsigned char)*s->p, hex)) {
		if (n < SCAN_NUMBUF - 1)
			buf[n++] = *s->p;
		s->p++;
		used++;
		digits++;
	}
	buf[n] = '\0';
	return digits;
}

int netstat_scan_int(struct netstat_scan *s, size_t width, int *v)
{
	char buf[SCAN_NUMBUF];

	if (scan_number_text(s, width, false, buf) == 0)
		return -EINVAL;
	*v = (int)strtol(buf, NULL, 10);
	return 0;
}

int netstat_scan_hex(struct netstat_scan *s, size_t width, unsigned int *v)
{
	char buf[SCAN_NUMBUF];

	if (scan_number_text(s, width, true, buf) == 0)
		return -EINVAL;
	*v = (unsigned int)strtoul(buf, NULL, 16);
	return 0;
}

int netstat_scan_ull(struct netstat_scan *s, unsigned long long *v)
{
	char buf[SCAN_NUMBUF];

	if (scan_number_text(s, 0, false, buf) == 0)
		return -EINVAL;
	*v = strtoull(buf, NULL, 10);
	return 0;
}

int netstat_scan_hexset(struct netstat_scan *s, size_t width, char *dst)
{
	size_t n = 0;

	while (s->p < s->end && n < width && isxdigit((unsigned char)*s->p))
		dst[n++] = *s->p++;
	if (n == 0)
		return -EINVAL;
	dst[n] = '\0';
	return 0;
}

int netstat_scan_char(struct netstat_scan *s, char c)
{
	if (s->p < s->end && *s->p == c) {
		s->p++;
		return 0;
	}
	return -EINVAL;
}

static int scan_hexval(char c)
{
	c = (char)toupper((unsigned char)c);
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= '0' && c <= '9')
		return c - '0';
	return -1;
}

int netstat_scan_inaddr(const char *text, unsigned char addr[4])
{
	uint32_t v = 0;
	int i;

	for (i = 0; i < 8; i++) {
		int h = text[i] ? scan_hexval(text[i]) : -1;

		if (h < 0)
			return -EINVAL;
		v = v << 4 | (uint32_t)h;
	}
	memcpy(addr, &v, 4);
	return 0;
}
