/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the netstat modes share: reading one /proc file under the proc root
 * (PROC_ROOT, a --replay tree or /proc), and turning addresses into the
 * names netstat prints (net-tools' INET_rresolve and INET6_rresolve, with
 * their cache and their quirks).
 */
#ifndef LSOCK_NETSTAT_PROC_H
#define LSOCK_NETSTAT_PROC_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backends/backend.h"

/*
 * Reads PROC_ROOT/name ("net/route") whole. Returns -errno when it cannot
 * be opened. Otherwise 0, with *buf (NUL-terminated, to be freed) holding
 * what could be read and *read_err the errno of a failed read, or 0. What
 * was read goes to --record as well.
 */
int netstat_proc_read(const struct lsock_source *src, const char *name,
		      char **buf, size_t *len, int *read_err);
/* Whether PROC_ROOT/name exists (stat), for files netstat only probes. */
bool netstat_proc_exists(const struct lsock_source *src, const char *name);
/* "path: strerror(err)" on stderr, as perror(path) */
void netstat_proc_perror(const char *path, int err);

/* How an IPv4 address is named (net-tools' numeric argument). */
#define NETSTAT_NAME_NUMERIC	0x0001	/* dotted quad, no lookup */
#define NETSTAT_NAME_HOST	0x4000	/* a host, whatever the mask says */
#define NETSTAT_NAME_DEFAULT	0x8000	/* 0.0.0.0/0 is "default", not "*" */

/* The mask INET_sprint() uses: an unswapped 0xffffff00 (see netstat.md). */
#define NETSTAT_SPRINT_MASK	0xffffff00u

struct netstat_name_entry;

/* Names already looked up in this run, as net-tools keeps them. */
struct netstat_anames {
	struct netstat_name_entry *head;
};

void netstat_anames_free(struct netstat_anames *n);
/*
 * INET_rresolve(): addr in network order, netmask as a raw s_addr value
 * (or NETSTAT_SPRINT_MASK). Host names come from gethostbyaddr(), network
 * names from getnetbyaddr(), else the dotted quad. Returns buf.
 */
const char *netstat_anames_inet(struct netstat_anames *n,
			       const unsigned char addr[4], unsigned int how,
			       uint32_t netmask, char *buf, size_t len);
/*
 * INET6_sprint(): numeric or getnameinfo() (falling back to numeric), the
 * unspecified address as "[::]" when not numeric, and an IPv4-mapped
 * address cut to its dotted quad. Returns a pointer into buf.
 */
const char *netstat_anames_inet6(const struct in6_addr *a, bool numeric,
				char *buf, size_t len);

#endif /* LSOCK_NETSTAT_PROC_H */
