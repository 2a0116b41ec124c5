/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Number and address text without printf, for the paths that run once per
 * socket. Each writes into buf (no NUL unless said) and returns the length.
 */
#ifndef LSOCK_FMT_H
#define LSOCK_FMT_H

#include <stddef.h>
#include <stdint.h>

#define FMT_INT_MAX	21	/* "-9223372036854775808" and a NUL */

/* Decimal, NUL-terminated. */
size_t fmt_u64(char *buf, uint64_t v);
size_t fmt_i64(char *buf, int64_t v);
/* Dotted quad of 4 network-order bytes, NUL-terminated (16 bytes). */
size_t fmt_ipv4(char *buf, const uint8_t *a);
/*
 * printf's "%-*s" and "%*lu": s (or v) padded with blanks to width, no
 * NUL; buf must hold the text and the padding.
 */
size_t fmt_left(char *buf, const char *s, size_t width);
size_t fmt_u64_right(char *buf, uint64_t v, size_t width);

#endif /* LSOCK_FMT_H */
