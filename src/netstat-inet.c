/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The Internet rows of the netstat personality (netstat.md 2.3 to 2.9):
 * TCP, UDP, UDP-Lite and raw sockets, the IPv4 file of each table then the
 * IPv6 one, every row in file order with netstat's widths and padding.
 *
 * Records read over netlink are printed as /proc would have them: a
 * listener's Send-Q is 0, the timer is in clock ticks, and a TCP socket's
 * retransmit and probe counts come from its tcp_info.
 */
#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "kernel-defs.h"
#include "nl.h"
#include "netstat-priv.h"

enum netstat_kind { NETSTAT_TCP, NETSTAT_UDP, NETSTAT_RAW };

struct netstat_inet {
	struct netstat_run *r;
	enum netstat_kind kind;
	const char *label;	/* "tcp", "udp6", "udpl", ... */
	enum netstat_svc svc;
};

static bool netstat_inet_zero(const uint8_t *a, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (a[i])
			return false;
	return true;
}

/* -l shows the "servers": TCP by remote port, UDP and raw by address. */
static bool netstat_inet_shown(const struct netstat_inet *in,
			       const struct lsock_sock *sk)
{
	const struct netstat_ctl *ctl = in->r->ctl;
	bool server;

	if (ctl->all)
		return true;
	if (in->kind == NETSTAT_TCP)
		server = sk->rport == 0;
	else
		server = netstat_inet_zero(sk->remote,
					   sk->family == AF_INET ? 4 : 16);
	return ctl->listening ? server : !server;
}

static const char *netstat_inet_state(const struct netstat_inet *in,
				      unsigned int st, char *buf, size_t size)
{
	static const char *const tcp[] = {
		"", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1",
		"FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK",
		"LISTEN", "CLOSING",
	};

	switch (in->kind) {
	case NETSTAT_TCP:
		return st < sizeof(tcp) / sizeof(tcp[0]) ? tcp[st] : "UNKNOWN";
	case NETSTAT_UDP:
		return st == LSOCK_SS_ESTABLISHED ? "ESTABLISHED" :
		       st == LSOCK_SS_CLOSE ? "" : "UNKNOWN";
	case NETSTAT_RAW:
	default:
		snprintf(buf, size, "%u", st);
		return buf;
	}
}

/* Over netlink: retransmits and probes as /proc's columns have them. */
static void netstat_inet_nl_counts(const struct lsock_sock *sk,
				   unsigned long *retr, int *probes)
{
	const struct nl_attr *a = NULL;
	const uint8_t *info;

	if (sk->attrs && sk->nattrs > LSOCK_INET_DIAG_INFO)
		a = &sk->attrs[LSOCK_INET_DIAG_INFO];
	if (a && a->data && a->len >= 4) {
		info = a->data;	/* tcpi_state, ca_state, retransmits, probes */
		*retr = info[2];
		*probes = info[3];
	} else if (sk->timer == 2 || sk->timer == 4) {
		*retr = 0;	/* the header's count is the probes */
		*probes = (int)sk->retrans;
	} else {
		*retr = sk->timer == 3 ? 0 : sk->retrans;
		*probes = 0;
	}
}

static void netstat_inet_timer(const struct netstat_inet *in,
			       const struct lsock_sock *sk, char *buf,
			       size_t size)
{
	long hz = in->kind == NETSTAT_TCP ? in->r->clk_tck : 100;
	unsigned long when = (unsigned long)sk->timeout_raw;
	unsigned long retr = sk->retrans;
	int probes = (int)sk->probes;

	if (sk->flags & LSOCK_SKF_TIMEOUT_MS) {
		when = (unsigned long)((uint64_t)sk->timeout *
				       (uint64_t)in->r->clk_tck / 1000);
		if (in->kind == NETSTAT_TCP)
			netstat_inet_nl_counts(sk, &retr, &probes);
	}
	if (in->kind == NETSTAT_UDP)
		retr = 0;
	netstat_fmt_timer(buf, size, in->kind == NETSTAT_TCP, sk->timer,
			  (double)when / (double)hz, retr, probes);
}

static void netstat_inet_endpoint(struct netstat_inet *in,
				  const struct lsock_sock *sk, bool local,
				  char *buf, size_t size)
{
	struct netstat_names *n = &in->r->names;
	char host[sizeof(n->host)];

	const char *h = netstat_names_host(n, sk->family,
					   local ? sk->local : sk->remote);
	size_t hl = strnlen(h, sizeof(host) - 1);

	memcpy(host, h, hl);
	host[hl] = '\0';
	netstat_fmt_endpoint(buf, size, host,
			     netstat_names_port(n, local ? sk->lport : sk->rport,
						in->svc),
			     in->r->ctl->wide);
}

static int netstat_inet_row(const struct lsock_sock *sk, void *arg)
{
	struct netstat_inet *in = arg;
	struct output *out = in->r->out;
	/* netstat's buffers: 128 bytes for TCP, 64 for UDP and raw */
	size_t size = in->kind == NETSTAT_TCP ? 128 : 64;
	char laddr[128], raddr[128], timer[64], num[16];
	unsigned long wq = (uint32_t)sk->wq;

	if (!netstat_inet_shown(in, sk))
		return 0;
	if ((sk->flags & LSOCK_SKF_TIMEOUT_MS) && sk->state == LSOCK_SS_LISTEN)
		wq = 0;		/* /proc has no backlog limit */
	netstat_inet_endpoint(in, sk, true, laddr, size);
	netstat_inet_endpoint(in, sk, false, raddr, size);
	/* "%-4s  %6lu %6lu " (UDP: "%-5s %6lu %6lu "), "%-23s %-23s %-11s" */
	output_left(out, in->label, in->kind == NETSTAT_UDP ? 5 : 4);
	output_str(out, in->kind == NETSTAT_UDP ? " " : "  ");
	output_uint_right(out, (uint32_t)sk->rq, 6);
	output_str(out, " ");
	output_uint_right(out, wq, 6);
	output_str(out, " ");
	output_left(out, laddr, 23);
	output_str(out, " ");
	output_left(out, raddr, 23);
	output_str(out, " ");
	output_left(out, netstat_inet_state(in, sk->state, num, sizeof(num)),
		    11);
	if (in->r->ctl->timers)
		netstat_inet_timer(in, sk, timer, sizeof(timer));
	netstat_list_suffix(in->r, sk->uid, sk->ino,
			    in->r->ctl->timers ? timer : NULL);
	return 0;
}

/*
 * One table: the IPv4 file (when no family was named, or inet was), then
 * the IPv6 file (likewise inet6), whose absence netstat never mentions.
 */
static int netstat_inet_table(struct netstat_run *r, enum lsock_table t,
			      struct netstat_inet *in, const char *label6,
			      const char *name)
{
	bool x = netstat_list_explicit(r->ctl);
	const char *label4 = in->label;
	char *path;
	int rc, code = 0;

	r->bogus = in->kind == NETSTAT_TCP ? "tcp" :
		   in->kind == NETSTAT_UDP ? "udp" : "raw";
	if (!x || r->ctl->inet) {
		rc = netstat_src_dump(r, t, AF_INET, netstat_inet_row, in,
				      &path);
		if (rc < 0)
			code = netstat_table_failed(r, name, rc, path, t);
		free(path);
		if (code == NETSTAT_EXIT_PROC ||
		    (code && r->ctl->backend == LSOCK_BACKEND_NETLINK))
			return code;
	}
	if (!x || r->ctl->inet6) {
		in->label = label6;
		rc = netstat_src_dump(r, t, AF_INET6, netstat_inet_row, in,
				      &path);
		in->label = label4;
		free(path);
		(void)rc;
	}
	return code;
}

int netstat_inet_tcp(struct netstat_run *r)
{
	struct netstat_inet in = { r, NETSTAT_TCP, "tcp", NETSTAT_SVC_TCP };

	return netstat_inet_table(r, LSOCK_T_TCP, &in, "tcp6", "AF INET (tcp)");
}

int netstat_inet_udp(struct netstat_run *r, bool lite)
{
	struct netstat_inet in = { r, NETSTAT_UDP, lite ? "udpl" : "udp",
				   NETSTAT_SVC_UDP };

	if (lite)
		return netstat_inet_table(r, LSOCK_T_UDPLITE, &in, "udpl6",
					  "AF INET (udplite)");
	return netstat_inet_table(r, LSOCK_T_UDP, &in, "udp6", "AF INET (udp)");
}

int netstat_inet_raw(struct netstat_run *r)
{
	struct netstat_inet in = { r, NETSTAT_RAW, "raw", NETSTAT_SVC_RAW };

	return netstat_inet_table(r, LSOCK_T_RAW, &in, "raw6", "AF INET (raw)");
}

int netstat_table_failed(struct netstat_run *r, const char *name, int rc,
			 const char *path, enum lsock_table t)
{
	const struct netstat_ctl *ctl = r->ctl;
	bool x = netstat_list_explicit(ctl);

	static const char *const tables[LSOCK_T_MAX] = {
		[LSOCK_T_TCP] = "tcp", [LSOCK_T_UDP] = "udp",
		[LSOCK_T_UDPLITE] = "udplite", [LSOCK_T_RAW] = "raw",
		[LSOCK_T_UNIX] = "unix",
	};

	if (!path) {
		fprintf(stderr, "lsock: %s sockets: not available from netlink "
			"(%s)\n", tables[t] ? tables[t] : "these",
			rc == -ENOSYS ? "not supported by lsock" :
			strerror(-rc));
		return NETSTAT_EXIT_FAIL;
	}
	if (rc != -ENOENT) {
		fprintf(stderr, "%s: %s\n", path, strerror(-rc));
		return NETSTAT_EXIT_PROC;
	}
	if (!ctl->noprot && (x || ctl->verbose))
		fprintf(stderr, "netstat: no support for `%s' on this system.\n",
			name);
	return !ctl->noprot && x ? NETSTAT_EXIT_FAIL : 0;
}
