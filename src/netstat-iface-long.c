/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netstat -ie: one ifconfig-2.x style block per interface, as net-tools
 * 2.10's ife_print_long() prints it (netstat.md 4.1).
 */
#include "config.h"

#include <arpa/inet.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netstat-iface.h"
#include "netstat-proc.h"

#ifndef IFF_DYNAMIC
#define IFF_DYNAMIC	0x8000
#endif
#ifndef IFF_PORTSEL
#define IFF_PORTSEL	0x2000
#endif
#ifndef IFF_AUTOMEDIA
#define IFF_AUTOMEDIA	0x4000
#endif

enum hw_print {
	HW_NONE,		/* no address printed */
	HW_EMPTY,		/* an empty address ("tunnel ") */
	HW_ETHER,		/* 6 bytes, "%02x:" */
	HW_UNSPEC,		/* 16 bytes, "%02X-" */
};

struct hw_type {
	int type;
	const char *name, *title;
	enum hw_print print;
};

/*
 * The hardware types of net-tools 2.10 (Debian build) whose lines are
 * known; any other type prints as "unspec" (see docs/compat.md).
 */
static const struct hw_type hw_types[] = {
	{ ARPHRD_LOOPBACK, "loop", "Local Loopback", HW_NONE },
	{ ARPHRD_SLIP, "slip", "Serial Line IP", HW_NONE },
	{ ARPHRD_CSLIP, "cslip", "VJ Serial Line IP", HW_NONE },
	{ ARPHRD_SLIP6, "slip6", "6-bit Serial Line IP", HW_NONE },
	{ ARPHRD_CSLIP6, "cslip6", "VJ 6-bit Serial Line IP", HW_NONE },
	{ ARPHRD_ADAPT, "adaptive", "Adaptive Serial Line IP", HW_NONE },
	{ ARPHRD_ETHER, "ether", "Ethernet", HW_ETHER },
	{ ARPHRD_TUNNEL, "tunnel", "IPIP Tunnel", HW_EMPTY },
	{ ARPHRD_PPP, "ppp", "Point-to-Point Protocol", HW_NONE },
	{ ARPHRD_HDLC, "hdlc", "(Cisco)-HDLC", HW_NONE },
	{ ARPHRD_LAPB, "lapb", "LAPB", HW_NONE },
	{ ARPHRD_FRAD, "frad", "Frame Relay Access Device", HW_NONE },
	{ ARPHRD_SIT, "sit", "IPv6-in-IPv4", HW_NONE },
};

static const struct hw_type hw_unspec = { -1, "unspec", "UNSPEC", HW_UNSPEC };

static const struct hw_type *hw_find(int type)
{
	size_t i;

	for (i = 0; i < sizeof(hw_types) / sizeof(hw_types[0]); i++)
		if (hw_types[i].type == type)
			return &hw_types[i];
	return &hw_unspec;
}

static void long_flags(struct output *out, const struct netstat_iface *e,
		       const struct netstat_ifinfo *in)
{
	static const struct { int bit; const char *w; } words[] = {
		{ IFF_UP, "UP," }, { IFF_BROADCAST, "BROADCAST," },
		{ IFF_DEBUG, "DEBUG," }, { IFF_LOOPBACK, "LOOPBACK," },
		{ IFF_POINTOPOINT, "POINTOPOINT," },
		{ IFF_NOTRAILERS, "NOTRAILERS," }, { IFF_RUNNING, "RUNNING," },
		{ IFF_NOARP, "NOARP," }, { IFF_PROMISC, "PROMISC," },
		{ IFF_ALLMULTI, "ALLMULTI," }, { IFF_SLAVE, "SLAVE," },
		{ IFF_MASTER, "MASTER," }, { IFF_MULTICAST, "MULTICAST," },
		{ IFF_DYNAMIC, "DYNAMIC," },
	};
	char f[256];
	size_t i, n;

	snprintf(f, sizeof(f), "flags=%d<", in->flags);
	if (in->flags == 0)
		strcat(f, ">");
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if ((unsigned short)in->flags & words[i].bit)
			strcat(f, words[i].w);
	/* the last ',' becomes '>'; anything else is cut */
	n = strlen(f);
	if (f[n - 1] == ',')
		f[n - 1] = '>';
	else
		f[n - 1] = '\0';
	output_printf(out, "%s: %s  mtu %d\n", e->name, f, in->mtu);
}

static const char *long_inet(const struct sockaddr *sa, char *buf,
			     size_t len)
{
	struct sockaddr_in sin;

	/* a struct sockaddr is only 2-aligned: copy it out */
	memcpy(&sin, sa, sizeof(sin));
	inet_ntop(AF_INET, &sin.sin_addr, buf, (socklen_t)len);
	return buf;
}

static void long_ipv4(struct output *out, const struct netstat_ifinfo *in)
{
	char a[INET_ADDRSTRLEN];

	if (!in->has_ip)
		return;
	output_printf(out, "        inet %s",
		      long_inet(&in->addr, a, sizeof(a)));
	output_printf(out, "  netmask %s", long_inet(&in->mask, a, sizeof(a)));
	if (in->flags & IFF_BROADCAST)
		output_printf(out, "  broadcast %s",
			      long_inet(&in->brd, a, sizeof(a)));
	if (in->flags & IFF_POINTOPOINT)
		output_printf(out, "  destination %s",
			      long_inet(&in->dst, a, sizeof(a)));
	output_str(out, "\n");
}

static void long_scope(struct output *out, unsigned int scope)
{
	char f[64] = "<";
	size_t n;

	output_printf(out, "  scopeid 0x%x", scope);
	if (scope & 0x0080) {		/* IPV6_ADDR_COMPATv4 */
		strcat(f, "compat,");
		scope -= 0x0080;
	}
	if (scope == 0)
		strcat(f, "global,");
	if (scope & 0x0020)
		strcat(f, "link,");
	if (scope & 0x0040)
		strcat(f, "site,");
	if (scope & 0x0010)
		strcat(f, "host,");
	n = strlen(f);
	if (f[n - 1] == ',')
		f[n - 1] = '>';
	else
		f[n - 1] = '\0';
	output_printf(out, "%s\n", f);
}

/* The device's /proc/net/if_inet6 entries, the file read afresh each time. */
static void long_ipv6(const struct netstat_ctl *ctl, struct output *out,
		      const struct netstat_iface *e)
{
	struct netstat_if6 r;
	struct in6_addr a;
	struct netstat_scan s;
	size_t len;
	char *buf, text[64], name[INET6_ADDRSTRLEN + 8];
	int rerr;

	if (netstat_proc_read(&ctl->src, "net/if_inet6", &buf, &len,
			      &rerr) < 0)
		return;
	memset(&r, 0, sizeof(r));
	memset(&a, 0, sizeof(a));
	netstat_scan_init(&s, buf, strlen(buf));
	while (netstat_ifdev_inet6(&s, &r) >= 0) {
		if (strcmp(r.dev, e->name) != 0)
			continue;
		snprintf(text, sizeof(text), "%s:%s:%s:%s:%s:%s:%s:%s",
			 r.groups[0], r.groups[1], r.groups[2], r.groups[3],
			 r.groups[4], r.groups[5], r.groups[6], r.groups[7]);
		inet_pton(AF_INET6, text, &a);
		output_printf(out, "        inet6 %s  prefixlen %d",
			      netstat_anames_inet6(&a, true, name, sizeof(name)),
			      (int)r.plen);
		long_scope(out, r.scope);
	}
	free(buf);
}

static void long_hw(struct output *out, const struct netstat_ifinfo *in)
{
	const struct hw_type *hw = hw_find(in->type);
	int i;

	output_printf(out, "        %s", hw->name);
	if (hw->print == HW_EMPTY)
		output_str(out, " ");
	if (hw->print == HW_ETHER)
		output_printf(out, " %02x:%02x:%02x:%02x:%02x:%02x", in->hw[0],
			      in->hw[1], in->hw[2], in->hw[3], in->hw[4],
			      in->hw[5]);
	if (hw->print == HW_UNSPEC)
		for (i = 0; i < 16; i++)
			output_printf(out, "%c%02X", i ? '-' : ' ', in->hw[i]);
	if (in->txqlen != -1)
		output_printf(out, "  txqueuelen %d", in->txqlen);
	output_printf(out, "  (%s)\n", hw->title);
}

static void long_media(struct output *out, const struct netstat_ifinfo *in)
{
	static const char *const ports[] = {
		"unknown", "10base2", "10baseT", "AUI", "100baseT",
		"100baseTX", "100baseFX",
	};
	unsigned int p = in->map.port;

	if (!((unsigned short)in->flags & IFF_PORTSEL))
		return;
	output_printf(out, "        media %s",
		      p < sizeof(ports) / sizeof(ports[0]) ? ports[p] : "");
	if ((unsigned short)in->flags & IFF_AUTOMEDIA)
		output_str(out, "autoselect");
	output_str(out, "\n");
}

/* A byte count as "1.4 KiB": one decimal, cut, not rounded. */
static void long_bytes(unsigned long long b, unsigned long *whole,
		       unsigned long *tenth, const char **unit)
{
	unsigned long long s = b * 10;

	*unit = "B";
	if (b > 1125899906842624ull) {
		s = b > 9223372036854775807ull / 10 ? b / 112589990684262ull :
		    s / 1125899906842624ull;
		*unit = "PiB";
	} else if (b > 1099511627776ull) {
		s /= 1099511627776ull;
		*unit = "TiB";
	} else if (b > 1073741824ull) {
		s /= 1073741824ull;
		*unit = "GiB";
	} else if (b > 1048576) {
		s /= 1048576;
		*unit = "MiB";
	} else if (b > 1024) {
		s /= 1024;
		*unit = "KiB";
	}
	*whole = (unsigned long)(s / 10);
	*tenth = (unsigned long)(s % 10);
}

static void long_stats(struct output *out, const struct netstat_iface *e,
		       int type)
{
	const struct netstat_ifstats *st = &e->st;
	bool compress = type == ARPHRD_CSLIP || type == ARPHRD_CSLIP6;
	unsigned long w, t;
	const char *u;

	if (!e->stats_valid)
		return;
	long_bytes(st->rx_bytes, &w, &t, &u);
	output_printf(out, "        RX packets %llu  bytes %llu (%lu.%lu %s)\n",
		      st->rx_packets, st->rx_bytes, w, t, u);
	if (compress)
		output_printf(out, "        RX compressed:%llu\n",
			      st->rx_compressed);
	output_printf(out, "        RX errors %llu  dropped %llu  overruns %llu"
		      "  frame %llu\n", st->rx_errors, st->rx_dropped,
		      st->rx_fifo, st->rx_frame);
	long_bytes(st->tx_bytes, &w, &t, &u);
	output_printf(out, "        TX packets %llu  bytes %llu (%lu.%lu %s)\n",
		      st->tx_packets, st->tx_bytes, w, t, u);
	if (compress)
		output_printf(out, "        TX compressed %llu\n",
			      st->tx_compressed);
	output_printf(out, "        TX errors %llu  dropped %llu overruns %llu"
		      "  carrier %llu  collisions %llu\n", st->tx_errors,
		      st->tx_dropped, st->tx_fifo, st->tx_carrier,
		      st->collisions);
}

static void long_map(struct output *out, const struct ifmap *m)
{
	if (!(m->irq || m->mem_start || m->dma || m->base_addr >= 0x100))
		return;
	output_str(out, "        device ");
	if (m->irq)
		output_printf(out, "interrupt %d  ", m->irq);
	if (m->base_addr >= 0x100)
		output_printf(out, "base 0x%x  ", m->base_addr);
	if (m->mem_start)
		output_printf(out, "memory 0x%lx-%lx  ", m->mem_start,
			      m->mem_end);
	if (m->dma)
		output_printf(out, "  dma 0x%x", m->dma);
	output_str(out, "\n");
}

void netstat_iface_print_long(const struct netstat_ctl *ctl,
			      struct output *out,
			      const struct netstat_iface *e,
			      const struct netstat_ifinfo *in)
{
	long_flags(out, e, in);
	long_ipv4(out, in);
	long_ipv6(ctl, out, e);
	long_hw(out, in);
	long_media(out, in);
	long_stats(out, e, in->type);
	long_map(out, &in->map);
	output_str(out, "\n");
}
