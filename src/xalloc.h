/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Allocation wrappers: running out of memory is the one error lsock does not
 * try to recover from, so every allocation goes through here and dies in one
 * place with one message.
 */
#ifndef LSOCK_XALLOC_H
#define LSOCK_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xmemdup0(const void *p, size_t len);

#endif /* LSOCK_XALLOC_H */
