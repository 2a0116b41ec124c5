/* SPDX-License-Identifier: GPL-2.0-or-later */
/* strlcpy(3) for C libraries that lack it (glibc before 2.38). */
#include "config.h"

#include <string.h>

#include "compat.h"

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
