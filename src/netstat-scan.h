/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Reading /proc text the way net-tools does, without its stdio: lines cut
 * as fgets() with a fixed buffer cuts them, and fields converted as glibc's
 * sscanf() converts them (widths, signs, saturation), so that odd input
 * comes out exactly as netstat shows it. Pure: no I/O, no allocation.
 */
#ifndef LSOCK_NETSTAT_SCAN_H
#define LSOCK_NETSTAT_SCAN_H

#include <stdbool.h>
#include <stddef.h>

/* A cursor over one line (or any text). */
struct netstat_scan {
	const char *p;
	const char *end;
};

/*
 * The next line of buf as fgets(line, size, f) would return it: up to and
 * including a newline, at most size - 1 bytes. *off advances; returns false
 * at the end. *len is the length up to the first NUL byte, as string code
 * would see it.
 */
bool netstat_scan_line(const char *buf, size_t buflen, size_t *off,
		       size_t size, const char **line, size_t *len);

void netstat_scan_init(struct netstat_scan *s, const char *p, size_t len);
/* Skips what isspace() calls space (a format's ' ' directive). */
void netstat_scan_space(struct netstat_scan *s);
bool netstat_scan_at_end(const struct netstat_scan *s);
/*
 * %Ns: skips space, copies at most width bytes (dst has width + 1); dst
 * is left alone when there is nothing to copy.
 */
int netstat_scan_str(struct netstat_scan *s, size_t width, char *dst);
/* %*s */
int netstat_scan_skip(struct netstat_scan *s);
/* %Nd (width 0: none): glibc stores the long, cast to int. */
int netstat_scan_int(struct netstat_scan *s, size_t width, int *v);
/* %NX */
int netstat_scan_hex(struct netstat_scan *s, size_t width, unsigned int *v);
/* %llu */
int netstat_scan_ull(struct netstat_scan *s, unsigned long long *v);
/* %N[0-9A-Fa-f] (no leading space skipped, as for any %[) */
int netstat_scan_hexset(struct netstat_scan *s, size_t width, char *dst);
/* A literal byte of the format. */
int netstat_scan_char(struct netstat_scan *s, char c);

/*
 * net-tools' INET_getsock(): the first 8 characters of text as 4 hex bytes,
 * giving the address the kernel printed with %08X on this host. 0 or
 * -EINVAL.
 */
int netstat_scan_inaddr(const char *text, unsigned char addr[4]);

#endif /* LSOCK_NETSTAT_SCAN_H */
