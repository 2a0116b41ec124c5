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
#include <stddef.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt.h"
#include "kernel-defs.h"
#include "nl.h"
#include "netstat-priv.h"

enum netstat_kind { NETSTAT_TCP, NETSTAT_UDP, NETSTAT_RAW };

struct netstat_inet {
	struct netstat_run *r;
	enum netstat_kind kind;
	const char *label;	/* "tcp", "udp6", "udpl", ... */
	enum netstat_svc svc;
	struct rowpack *ahead;	/* where netstat_inet_keep packs */
	struct rowpack *ahead6;	/* ... IPv6 rows, when one dump has both */
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

/* The -o fields of a row: the timer in ticks, retransmits and probes. */
static void netstat_inet_timer(const struct netstat_inet *in,
			       const struct lsock_sock *sk,
			       struct netstat_row *row)
{
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
	row->timer = (uint8_t)sk->timer;
	row->when = when;
	row->retr = retr;
	row->probes = probes;
}

/* What netstat prints of sk; false when the row is not shown. */
static bool netstat_inet_view(const struct netstat_inet *in,
			      const struct lsock_sock *sk,
			      struct netstat_row *row)
{
	size_t alen = sk->family == AF_INET ? 4 : 16;

	if (!netstat_inet_shown(in, sk))
		return false;
	memset(row, 0, sizeof(*row));
	row->family = sk->family;
	row->state = sk->state;
	row->rq = (uint32_t)sk->rq;
	row->wq = (uint32_t)sk->wq;
	if ((sk->flags & LSOCK_SKF_TIMEOUT_MS) && sk->state == LSOCK_SS_LISTEN)
		row->wq = 0;	/* /proc has no backlog limit */
	memcpy(row->local, sk->local, alen);
	memcpy(row->remote, sk->remote, alen);
	row->lport = (uint16_t)sk->lport;
	row->rport = (uint16_t)sk->rport;
	row->uid = sk->uid;
	row->ino = sk->ino;
	if (in->r->ctl->timers)
		netstat_inet_timer(in, sk, row);
	return true;
}

/* One endpoint at buf (size: netstat's buffer), padded to 23; its length. */
static size_t netstat_inet_endpoint(struct netstat_inet *in,
				    const struct netstat_row *row, bool local,
				    char *buf, size_t size)
{
	struct netstat_names *n = &in->r->names;
	const char *h = netstat_names_host(n, row->family,
					   local ? row->local : row->remote);
	const char *p = netstat_names_port(n, local ? row->lport : row->rport,
					   in->svc);
	size_t len = netstat_fmt_endpoint(buf, size, h, p, in->r->ctl->wide);

	if (len >= 23)
		return len;
	memset(buf + len, ' ', 23 - len);
	return 23;
}

static void netstat_inet_print(struct netstat_inet *in,
			       const struct netstat_row *row)
{
	/* netstat's buffers: 128 bytes for TCP, 64 for UDP and raw */
	size_t size = in->kind == NETSTAT_TCP ? 128 : 64, n;
	char timer[64], num[16], line[512];
	long hz = in->kind == NETSTAT_TCP ? in->r->clk_tck : 100;
	bool udp = in->kind == NETSTAT_UDP;

	/*
	 * "%-4s  %6lu %6lu " (UDP: "%-5s %6lu %6lu "), "%-23s %-23s %-11s",
	 * made in one buffer (at most 5 + 2 + 2 * 21 + 128 * 2 + 4 + 11) and
	 * written at once
	 */
	n = fmt_left(line, in->label, udp ? 5 : 4);
	memcpy(line + n, "  ", udp ? 1 : 2);
	n += udp ? 1 : 2;
	n += fmt_u64_right(line + n, row->rq, 6);
	line[n++] = ' ';
	n += fmt_u64_right(line + n, row->wq, 6);
	line[n++] = ' ';
	n += netstat_inet_endpoint(in, row, true, line + n, size);
	line[n++] = ' ';
	n += netstat_inet_endpoint(in, row, false, line + n, size);
	line[n++] = ' ';
	n += fmt_left(line + n, netstat_inet_state(in, row->state, num,
						   sizeof(num)), 11);
	output_write(in->r->out, line, n);
	if (in->r->ctl->timers)
		netstat_fmt_timer(timer, sizeof(timer), in->kind == NETSTAT_TCP,
				  row->timer, (double)row->when / (double)hz,
				  (unsigned long)row->retr, row->probes);
	netstat_list_suffix(in->r, row->uid, row->ino,
			    in->r->ctl->timers ? timer : NULL);
}

static int netstat_inet_row(const struct lsock_sock *sk, void *arg)
{
	struct netstat_inet *in = arg;
	struct netstat_row row;

	if (netstat_inet_view(in, sk, &row))
		netstat_inet_print(in, &row);
	return 0;
}

/* ---- read ahead while the -p scan runs ------------------------------------ */

/* How a row read ahead is packed (rowpack.h): -o's fields only with -o. */
#define NA_FIELD(name, flags) \
	ROWPACK_FIELD(struct netstat_row, name, flags)

static const struct rowpack_field netstat_ahead_fields[] = {
	NA_FIELD(family, 0), NA_FIELD(state, 0), NA_FIELD(rq, 0),
	NA_FIELD(wq, 0), NA_FIELD(lport, 0), NA_FIELD(rport, 0),
	NA_FIELD(uid, 0), NA_FIELD(ino, 0),
	NA_FIELD(local, ROWPACK_ADDR), NA_FIELD(remote, ROWPACK_ADDR),
	NA_FIELD(timer, ROWPACK_OPT), NA_FIELD(probes, ROWPACK_OPT),
	NA_FIELD(when, ROWPACK_OPT), NA_FIELD(retr, ROWPACK_OPT),
};

const struct rowpack_layout netstat_ahead_layout = {
	.fields = netstat_ahead_fields,
	.nfields = sizeof(netstat_ahead_fields) /
		   sizeof(netstat_ahead_fields[0]),
	.family_off = offsetof(struct netstat_row, family),
	.row_size = sizeof(struct netstat_row),
};

static int netstat_inet_keep(const struct lsock_sock *sk, void *arg)
{
	struct netstat_inet *in = arg;
	struct netstat_row row;

	if (netstat_inet_view(in, sk, &row))
		rowpack_put(in->ahead6 && sk->family == AF_INET6 ? in->ahead6 :
			    in->ahead, &netstat_ahead_layout, &row,
			    in->r->ctl->timers);
	return 0;
}

static struct rowpack *netstat_inet_slot(struct netstat_run *r,
					       enum lsock_table t, int family)
{
	int v6 = family == AF_INET6;

	if (t == LSOCK_T_TCP)
		return &r->ahead[NETSTAT_AHEAD_TCP][v6];
	if (t == LSOCK_T_UDP)
		return &r->ahead[NETSTAT_AHEAD_UDP][v6];
	if (t == LSOCK_T_UDPLITE)
		return &r->ahead[NETSTAT_AHEAD_UDPLITE][v6];
	return NULL;
}

static void netstat_inet_taken(struct rowpack *a, int rc)
{
	a->rc = rc;
	a->taken = true;
	if (rc < 0)
		rowpack_free(a);
}

/*
 * One table and family into its slot: all its rows, or none. AF_UNSPEC:
 * both families from one dump (TCP's costs the kernel one pass over its
 * tables, netlink.c), each row into its family's slot.
 */
static void netstat_inet_ahead(struct netstat_inet *in, enum lsock_table t,
			       int family)
{
	bool both = family == AF_UNSPEC;
	struct rowpack *a = netstat_inet_slot(in->r, t, both ? AF_INET :
					      family);
	int rc;

	if (!a)
		return;
	in->ahead = a;
	in->ahead6 = both ? netstat_inet_slot(in->r, t, AF_INET6) : NULL;
	rc = netstat_src_auto(in->r, t, family, netstat_inet_keep, in);
	netstat_inet_taken(a, rc);
	if (in->ahead6)
		netstat_inet_taken(in->ahead6, rc);
	in->ahead6 = NULL;
}

void netstat_inet_read_ahead(struct netstat_run *r)
{
	const struct netstat_ctl *ctl = r->ctl;
	bool x = netstat_list_explicit(ctl);
	struct netstat_inet tcp = { .r = r, .kind = NETSTAT_TCP, .label = "tcp",
				     .svc = NETSTAT_SVC_TCP };
	struct netstat_inet udp = { .r = r, .kind = NETSTAT_UDP, .label = "udp",
				     .svc = NETSTAT_SVC_UDP };
	const struct {
		struct netstat_inet *in;
		enum lsock_table t;
		bool wanted;
	} tabs[] = {
		{ &tcp, LSOCK_T_TCP, !x || ctl->tcp },
		{ &udp, LSOCK_T_UDP, !x || ctl->udp },
		{ &udp, LSOCK_T_UDPLITE, !x || ctl->udplite },
	};

	bool v4 = !x || ctl->inet, v6 = !x || ctl->inet6;
	size_t i;

	for (i = 0; i < sizeof(tabs) / sizeof(tabs[0]); i++) {
		if (!tabs[i].wanted)
			continue;
		if (tabs[i].t == LSOCK_T_TCP && v4 && v6) {
			netstat_inet_ahead(tabs[i].in, tabs[i].t, AF_UNSPEC);
			continue;
		}
		if (v4)
			netstat_inet_ahead(tabs[i].in, tabs[i].t, AF_INET);
		if (v6)
			netstat_inet_ahead(tabs[i].in, tabs[i].t, AF_INET6);
	}
}

void netstat_inet_ahead_free(struct netstat_run *r)
{
	size_t i;

	for (i = 0; i < NETSTAT_AHEAD_MAX; i++) {
		rowpack_free(&r->ahead[i][0]);
		rowpack_free(&r->ahead[i][1]);
	}
}

/*
 * A table and family: what was read ahead, or netstat_src_dump. The rows
 * read ahead go out in batches whose owner lookups are prefetched
 * together: the owners table is large and its reads would otherwise miss
 * the cache one after the other.
 */
#define NETSTAT_INET_BATCH	32

static int netstat_inet_dump(struct netstat_inet *in, enum lsock_table t,
			     int family, char **path)
{
	struct rowpack *a = netstat_inet_slot(in->r, t, family);
	struct netstat_row rows[NETSTAT_INET_BATCH];
	size_t off = 0, n, i;
	int stage;

	if (!a || !a->taken || a->rc < 0)
		return netstat_src_dump(in->r, t, family, netstat_inet_row, in,
					path);
	*path = NULL;
	do {
		for (n = 0; n < NETSTAT_INET_BATCH &&
		     rowpack_get(a, &netstat_ahead_layout, &off, &rows[n],
				 in->r->ctl->timers);
		     n++)
			;
		for (stage = 0; stage < 2 && in->r->ctl->programs; stage++)
			for (i = 0; i < n; i++)
				proc_owners_prefetch(&in->r->owners,
						     rows[i].ino, stage);
		for (i = 0; i < n; i++)
			netstat_inet_print(in, &rows[i]);
	} while (n == NETSTAT_INET_BATCH);
	rowpack_free(a);
	netstat_src_auto_why(in->r, t, family);
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
		rc = netstat_inet_dump(in, t, AF_INET, &path);
		if (rc < 0)
			code = netstat_table_failed(r, name, rc, path, t);
		free(path);
		if (code == NETSTAT_EXIT_PROC ||
		    (code && r->ctl->backend == LSOCK_BACKEND_NETLINK))
			return code;
	}
	if (!x || r->ctl->inet6) {
		in->label = label6;
		rc = netstat_inet_dump(in, t, AF_INET6, &path);
		in->label = label4;
		free(path);
		(void)rc;
	}
	return code;
}

int netstat_inet_tcp(struct netstat_run *r)
{
	struct netstat_inet in = { .r = r, .kind = NETSTAT_TCP, .label = "tcp",
				   .svc = NETSTAT_SVC_TCP };

	return netstat_inet_table(r, LSOCK_T_TCP, &in, "tcp6", "AF INET (tcp)");
}

int netstat_inet_udp(struct netstat_run *r, bool lite)
{
	struct netstat_inet in = { .r = r, .kind = NETSTAT_UDP,
				   .label = lite ? "udpl" : "udp",
				   .svc = NETSTAT_SVC_UDP };

	if (lite)
		return netstat_inet_table(r, LSOCK_T_UDPLITE, &in, "udpl6",
					  "AF INET (udplite)");
	return netstat_inet_table(r, LSOCK_T_UDP, &in, "udp6", "AF INET (udp)");
}

int netstat_inet_raw(struct netstat_run *r)
{
	struct netstat_inet in = { .r = r, .kind = NETSTAT_RAW, .label = "raw",
				   .svc = NETSTAT_SVC_RAW };

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
