/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netstat -r -6: /proc/net/ipv6_route as net-tools 2.10's rprint_fib6()
 * prints it, every entry (up or not) but the cache ones, or with -C only
 * the cache entries (its fallback when /proc/net/ndisc is absent, which it
 * is since Linux 2.2).
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netstat-route.h"
#include "netstat-scan.h"

#define ROUTE6_LINE_BUF	1023

static void route6_flags(unsigned int fl, char *f, size_t sz)
{
	static const struct { unsigned int bit; const char *s; } bits[] = {
		{ NETSTAT_RTF_UP, "U" }, { NETSTAT_RTF_REJECT, "!" },
		{ NETSTAT_RTF_GATEWAY, "G" }, { NETSTAT_RTF_HOST, "H" },
		{ NETSTAT_RTF_DEFAULT, "D" }, { NETSTAT_RTF_ADDRCONF, "A" },
		{ NETSTAT_RTF_CACHE, "C" }, { NETSTAT_RTF_ALLONLINK, "a" },
		{ NETSTAT_RTF_EXPIRES, "e" }, { NETSTAT_RTF_MODIFIED, "m" },
		{ NETSTAT_RTF_NONEXTHOP, "n" }, { NETSTAT_RTF_FLOW, "f" },
	};
	size_t i;

	f[0] = '\0';
	for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (fl & bits[i].bit)
			strncat(f, bits[i].s, sz - strlen(f) - 1);
}

/* The groups as text, parsed; an address that does not parse keeps the old */
static void route6_addr(char groups[8][5], struct in6_addr *a)
{
	char text[64];
	struct in6_addr tmp;

	netstat_route6_join(groups, text, sizeof(text));
	if (inet_pton(AF_INET6, text, &tmp) == 1)
		*a = tmp;
}

struct route6_state {
	struct netstat_route6_row row;
	struct in6_addr dst, via;
};

static void route6_row(const struct netstat_ctl *ctl, struct output *out,
		       struct route6_state *st)
{
	bool numeric = ctl->numeric_hosts || ctl->symbolic;
	char dst[160], name[128], via[128], flags[16];
	const char *s;

	route6_addr(st->row.dst, &st->dst);
	s = netstat_anames_inet6(&st->dst, numeric, name, sizeof(name));
	snprintf(dst, sizeof(dst), "%s/%d", s, st->row.dst_len);
	route6_addr(st->row.via, &st->via);
	s = netstat_anames_inet6(&st->via, numeric, name, sizeof(name));
	snprintf(via, sizeof(via), "%s", s);
	route6_flags(st->row.flags, flags, sizeof(flags));
	output_printf(out, "%-30s %-26s %-4s %-3d %-1d %6d %s\n", dst, via,
		      flags, st->row.metric, st->row.refcnt, st->row.use,
		      st->row.iface);
}

int netstat_route6_print(const struct netstat_ctl *ctl, struct output *out,
			 bool cache)
{
	struct route6_state st;
	size_t len, off = 0, n;
	const char *line;
	int rerr, err;
	char *buf;

	if (cache && netstat_proc_exists(&ctl->src, "net/ndisc")) {
		fputs("lsock: netstat -r -6 -C: /proc/net/ndisc (Linux 2.1) is "
		      "not supported\n", stderr);
		return NETSTAT_EXIT_FAIL;
	}
	err = netstat_proc_read(&ctl->src, "net/ipv6_route", &buf, &len, &rerr);
	if (err < 0) {
		netstat_proc_perror("/proc/net/ipv6_route", -err);
		output_str(out, "INET6 (IPv6) not configured in this system.\n");
		return 1;
	}
	output_str(out, cache ? "Kernel IPv6 routing cache\n" :
		   "Kernel IPv6 routing table\n");
	output_str(out, "Destination                    Next Hop            "
		   "       Flag Met Ref  Use If\n");
	memset(&st, 0, sizeof(st));
	while (netstat_scan_line(buf, len, &off, ROUTE6_LINE_BUF, &line, &n)) {
		bool is_cache;

		netstat_route6_scan(line, n, &st.row);
		is_cache = (st.row.flags & NETSTAT_RTF_CACHE) != 0;
		if (is_cache == cache)
			route6_row(ctl, out, &st);
	}
	free(buf);
	return 0;
}
