/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Portability shims: prototypes for functions that compat/ supplies when the
 * C library lacks them (see AC_REPLACE_FUNCS in configure.ac).
 */
#ifndef LSOCK_COMPAT_H
#define LSOCK_COMPAT_H

#include <stddef.h>

#ifndef HAVE_STRLCPY
size_t strlcpy(char *dst, const char *src, size_t size);
#endif

#ifndef HAVE_REALLOCARRAY
void *reallocarray(void *ptr, size_t nmemb, size_t size);
#endif

#endif /* LSOCK_COMPAT_H */
