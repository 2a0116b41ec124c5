/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Checking one socket record against a filter. The same code runs whatever
 * the source, so /proc and netlink answer a filter alike.
 *
 * Ports are what ss compares for each family: inet ports, the unix inode and
 * peer inode (0 from /proc, as ss's /proc reader leaves them), the packet
 * interface, the netlink port ids. An inet address condition follows the
 * kernel's rules (docs/compat.md): an IPv4 prefix matches IPv4 sockets and
 * IPv4-mapped IPv6 ones, an IPv6 prefix IPv6 sockets only.
 */
#include "config.h"

#include <fnmatch.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "filter.h"

static bool filter_is_inet(const struct lsock_sock *sk)
{
	return sk->family == AF_INET || sk->family == AF_INET6;
}

static int filter_sock_port(const struct lsock_sock *sk, bool local)
{
	switch (sk->family) {
	case AF_UNIX:
		return local ? sk->lport : (int)(uint32_t)sk->peer_ino;
	case AF_PACKET:
		return local ? sk->lport : 0;
	default:
		return local ? sk->lport : sk->rport;
	}
}

static bool filter_bits_match(const uint8_t *a, const uint8_t *b, int bits)
{
	int bytes = bits / 8, rest = bits % 8;
	uint8_t mask;

	if (memcmp(a, b, (size_t)bytes) != 0)
		return false;
	if (!rest)
		return true;
	mask = (uint8_t)(0xff << (8 - rest));
	return ((a[bytes] ^ b[bytes]) & mask) == 0;
}

static bool filter_v4mapped(const uint8_t *a)
{
	static const uint8_t prefix[12] = { [10] = 0xff, [11] = 0xff };

	return memcmp(a, prefix, sizeof(prefix)) == 0;
}

static bool filter_inet_match(const struct filter_addr *a,
			      const struct lsock_sock *sk, const uint8_t *addr)
{
	if (!filter_is_inet(sk))
		return a->prefix_len == 0;
	if (a->family == AF_UNSPEC || a->family == sk->family)
		return filter_bits_match(a->addr, addr, a->prefix_len);
	if (a->family == AF_INET && sk->family == AF_INET6 &&
	    filter_v4mapped(addr))
		return filter_bits_match(a->addr, addr + 12, a->prefix_len);
	return false;
}

/* Packet and netlink conditions name a protocol (or the peer group). */
static bool filter_proto_match(const struct filter_addr *a,
			       const struct lsock_sock *sk, bool local)
{
	uint32_t want, have;

	if (a->prefix_len == 0)
		return true;
	if (sk->family != a->family)
		return false;
	memcpy(&want, a->addr, sizeof(want));
	if (sk->family == AF_NETLINK)
		have = local ? sk->protocol : sk->dst_group;
	else
		have = local ? sk->protocol : 0;
	return want == have;
}

static bool filter_addr_match(const struct filter_addr *a,
			      const struct lsock_sock *sk, bool local)
{
	switch (a->family) {
	case AF_UNSPEC:
	case AF_INET:
	case AF_INET6:
		return filter_inet_match(a, sk, local ? sk->local : sk->remote);
	case AF_PACKET:
	case AF_NETLINK:
		return filter_proto_match(a, sk, local);
	default:
		return a->prefix_len == 0 && !filter_is_inet(sk);
	}
}

/* ss compares a unix pattern with the name, and a peer as unnamed. */
static bool filter_unix_match(const struct filter_addr *a,
			      const struct lsock_sock *sk, bool local)
{
	char name[4096];
	size_t n = 0;

	if (sk->family != AF_UNIX)
		return false;
	if (local && sk->name) {
		n = sk->name_len < sizeof(name) - 1 ? sk->name_len
						    : sizeof(name) - 1;
		memcpy(name, sk->name, n);
	}
	name[n] = '\0';
	return fnmatch(a->pattern, name, FNM_CASEFOLD) == 0;
}

static bool filter_port_match(const struct filter_host *h, int port)
{
	size_t i;

	for (i = 0; i < h->nranges; i++)
		if (port >= h->ranges[i].lo && port <= h->ranges[i].hi)
			return true;
	if (h->nranges)
		return false;
	return h->port == -1 || h->port == port;
}

static bool filter_host_match(const struct filter_host *h,
			      const struct lsock_sock *sk, bool local)
{
	const struct filter_addr *a = h->addrs;

	if (a && a->family == AF_UNIX)
		return filter_unix_match(a, sk, local);
	if (!filter_port_match(h, filter_sock_port(sk, local)))
		return false;
	if (!a)
		return true;
	for (; a; a = a->next)
		if (filter_addr_match(a, sk, local))
			return true;
	return false;
}

/* Time-wait and request sockets have no mark or cgroup of their own. */
static bool filter_minisock(const struct lsock_sock *sk)
{
	return sk->state == LSOCK_SS_TIME_WAIT || sk->state == LSOCK_SS_SYN_RECV;
}

static uint64_t filter_kernel_field(const struct lsock_sock *sk,
				    struct filter_ctx *ctx, unsigned int need)
{
	unsigned int have = need == FILTER_NEEDS_MARK ? LSOCK_SKF_HAVE_MARK
						      : LSOCK_SKF_HAVE_CGROUP;

	if (!filter_is_inet(sk) || filter_minisock(sk))
		return 0;
	if (!(sk->flags & have)) {
		ctx->missing |= need;
		return 0;
	}
	return need == FILTER_NEEDS_MARK ? sk->mark : sk->cgroup;
}

static bool filter_hex5(const char *s)
{
	int i;

	for (i = 0; i < 5; i++)
		if (!strchr("0123456789abcdef", s[i]) || !s[i])
			return false;
	return true;
}

/* What ss calls autobound, per family (the kernel's view is in bytecode). */
static bool filter_autobound(const struct lsock_sock *sk,
			     const struct filter_ctx *ctx)
{
	switch (sk->family) {
	case AF_INET:
	case AF_INET6:
		return sk->lport >= ctx->eph_min && sk->lport <= ctx->eph_max;
	case AF_UNIX:
		return !sk->name || sk->name_len == 0 ||
		       (sk->name_len == 6 && sk->name[0] == '@' &&
			filter_hex5(sk->name + 1));
	case AF_PACKET:
		return sk->lport == 0 && sk->protocol == 0;
	case AF_NETLINK:
		return sk->lport < 0;
	default:
		return false;
	}
}

bool filter_match(const struct filter *f, const struct lsock_sock *sk,
		  struct filter_ctx *ctx)
{
	switch (f->op) {
	case FILTER_AND:
		return filter_match(f->a, sk, ctx) && filter_match(f->b, sk, ctx);
	case FILTER_OR:
		return filter_match(f->a, sk, ctx) || filter_match(f->b, sk, ctx);
	case FILTER_NOT:
		return !filter_match(f->a, sk, ctx);
	case FILTER_SRC:
		return filter_host_match(&f->host, sk, true);
	case FILTER_DST:
		return filter_host_match(&f->host, sk, false);
	case FILTER_SPORT_GE:
		return filter_sock_port(sk, true) >= f->port;
	case FILTER_SPORT_LE:
		return filter_sock_port(sk, true) <= f->port;
	case FILTER_DPORT_GE:
		return filter_sock_port(sk, false) >= f->port;
	case FILTER_DPORT_LE:
		return filter_sock_port(sk, false) <= f->port;
	case FILTER_DEV:
		return sk->iface == f->ifindex;
	case FILTER_MARK:
		return (filter_kernel_field(sk, ctx, FILTER_NEEDS_MARK) &
			f->mask) == f->mark;
	case FILTER_CGROUP:
		return filter_kernel_field(sk, ctx, FILTER_NEEDS_CGROUP) ==
		       f->cgroup;
	case FILTER_AUTOBOUND:
		return filter_autobound(sk, ctx);
	default:
		return false;
	}
}
