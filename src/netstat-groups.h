/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netstat -g: /proc/net/igmp and igmp6 read line by line as net-tools 2.10
 * reads them. Its parser keeps state between lines and between files (and
 * between -c rounds): whether lines are IPv6 ones, the current device, and
 * the address words of the last IPv6 line. That state is kept here, so
 * that what netstat prints on later rounds of `netstat -gc` (IPv4 lines
 * read as IPv6 ones) comes out the same.
 */
#ifndef LSOCK_NETSTAT_GROUPS_H
#define LSOCK_NETSTAT_GROUPS_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct netstat_groups_carry {
	bool v6;		/* lines are igmp6 lines */
	bool idx;		/* igmp interface lines start with an index */
	char device[16];
	uint32_t words[4];	/* the last IPv6 group, as netstat keeps it */
};

struct netstat_group {
	int family;		/* AF_INET or AF_INET6 */
	unsigned char addr[16];	/* network order */
	const char *device;	/* points into the carry */
	int refcnt;
};

/*
 * One line, lnr counted from 0 in each file. Returns 1 with *g filled for
 * a membership to print, 0 for a line that only sets state, -EINVAL for a
 * line netstat calls bogus (carry->v6 tells which warning).
 */
int netstat_groups_line(struct netstat_groups_carry *c, unsigned int lnr,
			const char *line, size_t len, struct netstat_group *g);

#endif /* LSOCK_NETSTAT_GROUPS_H */
