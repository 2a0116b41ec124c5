/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compat/compat.h"
#include "xalloc.h"

static void xalloc_die(void) __attribute__((noreturn));

static void xalloc_die(void)
{
	static const char msg[] = "lsock: out of memory\n";
	ssize_t rc = write(STDERR_FILENO, msg, sizeof(msg) - 1);

	(void)rc;
	_exit(1);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		xalloc_die();
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		xalloc_die();
	return p;
}

void *xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	void *p = reallocarray(ptr, nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		xalloc_die();
	return p;
}

char *xmemdup0(const void *src, size_t len)
{
	char *p = xmalloc(len + 1);

	memcpy(p, src, len);
	p[len] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xmemdup0(s, strlen(s));
}
