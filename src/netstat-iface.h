/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netstat -i: the interface list (/proc/net/dev names, then SIOCGIFCONF's)
 * kept in net-tools' natural order, and the readers of /proc/net/dev and
 * /proc/net/if_inet6 (pure, netstat-ifdev.c). The ioctls and the two
 * layouts are in netstat-iface.c. netstat.md 4.1.
 */
#ifndef LSOCK_NETSTAT_IFACE_H
#define LSOCK_NETSTAT_IFACE_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

#include "netstat.h"
#include "netstat-scan.h"

struct netstat_ifstats {
	unsigned long long rx_bytes, rx_packets, rx_errors, rx_dropped;
	unsigned long long rx_fifo, rx_frame, rx_compressed, rx_multicast;
	unsigned long long tx_bytes, tx_packets, tx_errors, tx_dropped;
	unsigned long long tx_fifo, collisions, tx_carrier, tx_compressed;
};

struct netstat_iface {
	char name[16];
	bool stats_valid;	/* a /proc/net/dev line */
	struct netstat_ifstats st;
};

struct netstat_iflist {
	struct netstat_iface *v;
	size_t n, cap;
};

/* net-tools' nstrcmp(): strcmp() that compares digit runs as numbers. */
int netstat_ifdev_nstrcmp(const char *a, const char *b);
/*
 * if_cache_add(): the entry named name, added where net-tools' insertion
 * from the end puts it. The pointer is valid until the next add.
 */
struct netstat_iface *netstat_ifdev_add(struct netstat_iflist *l,
					const char *name);
void netstat_ifdev_free(struct netstat_iflist *l);

/* The /proc/net/dev format from its second header line: 1, 2 or 3. */
int netstat_ifdev_version(const char *line, size_t len);
/*
 * One /proc/net/dev line: the name (an alias "eth0:1:" kept whole) into
 * name, and the counters after it as the version's sscanf() reads them
 * into st (fields not converted are left alone).
 */
void netstat_ifdev_line(int version, const char *line, size_t len,
			char name[16], struct netstat_ifstats *st);

/* One /proc/net/if_inet6 record, as fscanf() reads them in a row. */
struct netstat_if6 {
	char groups[8][5];
	unsigned int index, plen, scope, dad;
	char dev[21];
};

/*
 * "%4s x8 %08x %02x %02x %02x %20s": the number of fields converted, -1 at
 * the end of the input (fields not converted keep their values).
 */
int netstat_ifdev_inet6(struct netstat_scan *s, struct netstat_if6 *e);

/* What the ioctls tell about one interface (net-tools' if_fetch()). */
struct netstat_ifinfo {
	short flags;
	int type;		/* ARPHRD_* */
	unsigned char hw[32];
	int mtu;
	struct ifmap map;
	int txqlen;		/* -1: unknown */
	bool has_ip;
	struct sockaddr addr, dst, brd, mask;
};

/* netstat-iface-long.c: the ifconfig-style block of -ie. */
void netstat_iface_print_long(const struct netstat_ctl *ctl,
			      struct output *out,
			      const struct netstat_iface *e,
			      const struct netstat_ifinfo *in);

#endif /* LSOCK_NETSTAT_IFACE_H */
