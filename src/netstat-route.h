/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netstat -r: the pure readers of /proc/net/route, rt_cache and ipv6_route
 * (netstat-route-parse.c) and the renderers (netstat-route.c, IPv4 and the
 * other families; netstat-route6.c, IPv6). netstat.md 4.2.
 */
#ifndef LSOCK_NETSTAT_ROUTE_H
#define LSOCK_NETSTAT_ROUTE_H

#include <stdbool.h>
#include <stddef.h>

#include "netstat.h"
#include "netstat-proc.h"

/* Route flags as /proc prints them (linux/route.h, ipv6_route.h) */
#define NETSTAT_RTF_UP		0x0001
#define NETSTAT_RTF_GATEWAY	0x0002
#define NETSTAT_RTF_HOST	0x0004
#define NETSTAT_RTF_REINSTATE	0x0008
#define NETSTAT_RTF_DYNAMIC	0x0010
#define NETSTAT_RTF_MODIFIED	0x0020
#define NETSTAT_RTF_MTU		0x0040
#define NETSTAT_RTF_WINDOW	0x0080
#define NETSTAT_RTF_IRTT	0x0100
#define NETSTAT_RTF_REJECT	0x0200
#define NETSTAT_RTF_NOTCACHED	0x0400
#define NETSTAT_RTF_DEFAULT	0x00010000
#define NETSTAT_RTF_ALLONLINK	0x00020000
#define NETSTAT_RTF_ADDRCONF	0x00040000
#define NETSTAT_RTF_NONEXTHOP	0x00200000
#define NETSTAT_RTF_EXPIRES	0x00400000
#define NETSTAT_RTF_CACHE	0x01000000
#define NETSTAT_RTF_FLOW	0x02000000
#define NETSTAT_RTF_POLICY	0x04000000
#define NETSTAT_RTF_LOCAL	0x80000000

/* A column netstat wants from a titled /proc table, and how it reads it. */
enum netstat_col_type {
	NETSTAT_COL_STR,	/* %Ns */
	NETSTAT_COL_HEX,	/* %X */
	NETSTAT_COL_INT,	/* %d */
};

struct netstat_col {
	const char *title;
	enum netstat_col_type type;
	size_t width;		/* for strings */
};

#define NETSTAT_FMT_MAX		64
#define NETSTAT_COL_MAX		16
#define NETSTAT_VAL_STR		128

/*
 * What net-tools' proc_gen_fmt() builds from a header line: for each
 * header word up to the last wanted one, the wanted column it is (or -1,
 * a word skipped).
 */
struct netstat_fmt {
	int slot[NETSTAT_FMT_MAX];
	size_t n;
};

/* One row's values; netstat keeps them from row to row. */
struct netstat_rowval {
	char s[NETSTAT_COL_MAX][NETSTAT_VAL_STR];
	int n[NETSTAT_COL_MAX];
};

/*
 * Reads the header's words (as fgets() into 511 bytes reads them, so at
 * most 510) against cols, which must appear in this order. Returns 0, or
 * -ENOENT with *missing the index of the first wanted column not found.
 */
int netstat_route_fmt(const char *header, size_t len,
		      const struct netstat_col *cols, size_t ncols,
		      struct netstat_fmt *fmt, size_t *missing);
/* sscanf() of a row with that format: the number of fields converted. */
int netstat_route_scan(const struct netstat_fmt *fmt,
		       const struct netstat_col *cols, const char *line,
		       size_t len, struct netstat_rowval *v);

/* One /proc/net/ipv6_route line; fields not read keep their values. */
struct netstat_route6_row {
	char dst[8][5];
	int dst_len;
	char src[8][5];
	int src_len;
	char via[8][5];
	int metric, refcnt, use;
	unsigned int flags;
	char iface[16];
};

int netstat_route6_scan(const char *line, size_t len,
			struct netstat_route6_row *r);
/* The eight groups joined with ':', as netstat builds the text to parse. */
void netstat_route6_join(char groups[8][5], char *out, size_t size);

/* netstat-route6.c: the IPv6 table (or cache) of -r -6. */
int netstat_route6_print(const struct netstat_ctl *ctl, struct output *out,
			 bool cache);

#endif /* LSOCK_NETSTAT_ROUTE_H */
