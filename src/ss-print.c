/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The fields of one row, in ss's words: Netid, State, the queues, then an
 * address:port pair for each end. Each family has its own way of naming the
 * two ends (ss.md section 3.4).
 */
#include "config.h"

#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt.h"
#include "ss-ext.h"
#include "ss-print.h"
#include "state.h"

static const char *ss_print_netid(const struct lsock_sock *sk)
{
	switch (sk->family) {
	case AF_UNIX:
		if (sk->type == SOCK_STREAM)
			return "u_str";
		return sk->type == SOCK_SEQPACKET ? "u_seq" : "u_dgr";
	case AF_PACKET:
		return sk->type == SOCK_RAW ? "p_raw" : "p_dgr";
	case AF_NETLINK:
		return "nl";
	case AF_INET:
	case AF_INET6:
		break;
	default:
		return "unknown";
	}
	switch (sk->protocol) {
	case 0:
		return "raw";
	case IPPROTO_UDP:
		return "udp";
	case IPPROTO_TCP:
		return "tcp";
	case IPPROTO_MPTCP:
		return "mptcp";
	case IPPROTO_SCTP:
		return "sctp";
	case IPPROTO_DCCP:
		return "dccp";
	case IPPROTO_ICMPV6:
		return "icmp6";
	default:
		return "???";
	}
}

/* A queue as ss's "%-6d" prints it. */
static void ss_print_queue(struct ss_table *t, int q)
{
	char buf[FMT_INT_MAX + 6];
	size_t n = fmt_i64(buf, q);

	while (n < 6)
		buf[n++] = ' ';
	ss_table_put(t, buf, n);
}

static void ss_print_state(struct ss_table *t, const struct lsock_sock *sk)
{
	ss_table_set(t, SS_COL_NETID);
	ss_table_puts(t, ss_print_netid(sk));
	ss_table_set(t, SS_COL_STATE);
	ss_table_puts(t, state_ss_name(sk->state));
	ss_table_set(t, SS_COL_RECVQ);
	ss_print_queue(t, sk->rq);
	ss_table_set(t, SS_COL_SENDQ);
	ss_print_queue(t, sk->wq);
	ss_table_set(t, SS_COL_ADDR);
}

/* "addr" + delimiter in the address column, then the port column. */
static void ss_print_pair(struct ss_table *t, const char *addr, size_t alen,
			  const char *delim, const char *port)
{
	ss_table_put(t, addr, alen);
	ss_table_puts(t, delim);
	ss_table_next(t);
	ss_table_puts(t, port);
	ss_table_next(t);
}

static enum resolve_proto ss_print_dgproto(enum lsock_table table)
{
	switch (table) {
	case LSOCK_T_UDP:
		return RESOLVE_UDP;
	case LSOCK_T_RAW:
		return RESOLVE_RAW;
	case LSOCK_T_MAX:	/* no table: -E events, named as ss does */
		return RESOLVE_ANY;
	case LSOCK_T_TCP:
	case LSOCK_T_NETLINK:
	case LSOCK_T_PACKET:
	case LSOCK_T_UNIX:
	case LSOCK_T_DCCP:
	case LSOCK_T_SCTP:
	case LSOCK_T_VSOCK:
	case LSOCK_T_TIPC:
	case LSOCK_T_XDP:
	case LSOCK_T_MPTCP:
	case LSOCK_T_UDPLITE:
	default:
		return RESOLVE_TCP;
	}
}

static const uint8_t in6_any[16];

static void ss_print_inet_end(struct ss_printer *p, const struct lsock_sock *sk,
			      const uint8_t *addr, int port, unsigned int ifindex)
{
	char buf[300];
	const char *a;
	size_t len;

	if (sk->family == AF_INET6 && !(sk->flags & LSOCK_SKF_V6ONLY) &&
	    memcmp(addr, in6_any, 16) == 0) {
		a = "*";
	} else {
		a = resolve_addr(p->res, sk->family, addr);
		if (sk->family == AF_INET6 && strchr(a, ':')) {
			snprintf(buf, sizeof(buf), "[%s]", a);
			a = buf;
		}
	}
	len = strlen(a);
	if (ifindex) {
		if (a != buf)
			snprintf(buf, sizeof(buf), "%s", a);
		snprintf(buf + len, sizeof(buf) - len, "%%%s",
			 resolve_ifname(p->res, ifindex));
		a = buf;
		len = strlen(buf);
	}
	ss_print_pair(p->table, a, len, ":",
		      resolve_port(p->res, port, ss_print_dgproto(p->current)));
}

/* A unix path as printed: control characters cannot break the row. */
static size_t ss_print_unix_name(const struct lsock_sock *sk, char *buf,
				 size_t size)
{
	size_t i, n = sk->name_len < size ? sk->name_len : size;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)sk->name[i];

		buf[i] = c < 0x20 || c == 0x7f ? '.' : (char)c;
	}
	return n;
}

static void ss_print_unix(struct ss_printer *p, const struct lsock_sock *sk)
{
	char name[4096], port[24];
	size_t len;

	if (sk->name) {
		len = ss_print_unix_name(sk, name, sizeof(name));
	} else {
		name[0] = '*';
		len = 1;
	}
	fmt_i64(port, (int)(uint32_t)sk->ino);
	ss_print_pair(p->table, name, len, " ", port);
	fmt_i64(port, (int)(uint32_t)sk->peer_ino);
	ss_print_pair(p->table, "*", 1, " ", port);
}

static void ss_print_packet(struct ss_printer *p, const struct lsock_sock *sk)
{
	char proto[64];

	if (sk->protocol == 3)
		snprintf(proto, sizeof(proto), "*");
	else
		snprintf(proto, sizeof(proto), "%s",
			 resolve_ethertype(p->res, sk->protocol));
	ss_print_pair(p->table, proto, strlen(proto), ":",
		      sk->iface ? resolve_ifname(p->res, sk->iface) : "*");
	ss_print_pair(p->table, "", 0, "*", "");
}

static void ss_print_netlink(struct ss_printer *p, const struct lsock_sock *sk)
{
	char proto[64], peer[16];

	snprintf(proto, sizeof(proto), "%s",
		 resolve_netlink_proto(p->res, sk->protocol));
	ss_print_pair(p->table, proto, strlen(proto), ":",
		      resolve_netlink_port(p->res, sk->lport));
	if (sk->flags & LSOCK_SKF_NL_CONNECTED) {
		char port[16];

		snprintf(peer, sizeof(peer), "%u", sk->dst_group);
		snprintf(port, sizeof(port), "%d", (int)sk->rport);
		ss_print_pair(p->table, peer, strlen(peer), ":", port);
	} else {
		ss_print_pair(p->table, "", 0, "*", "");
	}
}

int ss_print_sock(const struct lsock_sock *sk, void *arg)
{
	struct ss_printer *p = arg;

	if (p->filter && !filter_match(p->filter, sk, &p->fctx))
		return 0;
	ss_print_row(p, sk);
	return 0;
}

void ss_print_row(struct ss_printer *p, const struct lsock_sock *sk)
{
	p->rows++;
	ss_print_state(p->table, sk);
	switch (sk->family) {
	case AF_INET:
	case AF_INET6:
		ss_print_inet_end(p, sk, sk->local, sk->lport, sk->iface);
		ss_print_inet_end(p, sk, sk->remote, sk->rport, 0);
		break;
	case AF_UNIX:
		ss_print_unix(p, sk);
		break;
	case AF_PACKET:
		ss_print_packet(p, sk);
		break;
	case AF_NETLINK:
		ss_print_netlink(p, sk);
		break;
	default:
		break;
	}
	ss_ext_print(p, sk);
}
