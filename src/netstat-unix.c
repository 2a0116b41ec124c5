/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The UNIX section of the netstat personality (netstat.md 2.10): one row
 * per line of /proc/net/unix, in file order, with its reference count,
 * flags, type, socket state, inode and the path up to its first blank.
 *
 * unix_diag has neither the reference count nor the socket state, so when
 * /proc/net/unix cannot be read and the rows come over netlink, RefCnt
 * shows "-" and the state is derived from the kernel's connection state
 * (docs/compat.md).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "netstat-priv.h"

#define NETSTAT_ACC	0x10000		/* __SO_ACCEPTCON */
#define NETSTAT_WDATA	0x20000
#define NETSTAT_NOSPACE	0x40000

enum netstat_ss {	/* socket->state */
	NETSTAT_SS_FREE, NETSTAT_SS_UNCONNECTED, NETSTAT_SS_CONNECTING,
	NETSTAT_SS_CONNECTED, NETSTAT_SS_DISCONNECTING, NETSTAT_SS_UNKNOWN
};

struct netstat_unix_view {
	bool have_refcnt;
	long refcnt;
	unsigned long flags;
	unsigned int state;	/* enum netstat_ss, or the raw St */
};

/* A record from /proc as it is; one from netlink, as close as it gets. */
static void netstat_unix_view(const struct lsock_sock *sk,
			      struct netstat_unix_view *v)
{
	memset(v, 0, sizeof(*v));
	if (!sk->attrs) {
		v->have_refcnt = true;
		v->refcnt = sk->refcnt;
		v->flags = sk->flags_raw;
		v->state = sk->sock_state;
		return;
	}
	switch (sk->state) {
	case LSOCK_SS_LISTEN:
		v->flags = NETSTAT_ACC;
		v->state = NETSTAT_SS_UNCONNECTED;
		break;
	case LSOCK_SS_CLOSE:
		v->state = NETSTAT_SS_UNCONNECTED;
		break;
	case LSOCK_SS_SYN_SENT:
		v->state = NETSTAT_SS_CONNECTING;
		break;
	case LSOCK_SS_ESTABLISHED:
		v->state = NETSTAT_SS_CONNECTED;
		break;
	default:
		v->state = NETSTAT_SS_UNKNOWN;
		break;
	}
}

static const char *netstat_unix_type(unsigned int type)
{
	static const char *const names[] = {
		NULL, "STREAM", "DGRAM", "RAW", "RDM", "SEQPACKET",
	};

	return type >= 1 && type <= 5 ? names[type] : "UNKNOWN";
}

static const char *netstat_unix_state(const struct netstat_unix_view *v)
{
	static const char *const names[] = {
		"FREE", NULL, "CONNECTING", "CONNECTED", "DISCONNECTING",
	};

	if (v->state == NETSTAT_SS_UNCONNECTED)
		return v->flags & NETSTAT_ACC ? "LISTENING" : "";
	return v->state <= NETSTAT_SS_DISCONNECTING ? names[v->state]
						    : "UNKNOWN";
}

static void netstat_unix_flags(unsigned long flags, char *buf, size_t size)
{
	snprintf(buf, size, "[ %s%s%s]", flags & NETSTAT_ACC ? "ACC " : "",
		 flags & NETSTAT_WDATA ? "W " : "",
		 flags & NETSTAT_NOSPACE ? "N " : "");
}

/*
 * The path as netstat reads it, one whitespace-delimited word, with
 * control characters made visible (compat policy section 2).
 */
static void netstat_unix_path(const struct lsock_sock *sk, char *buf,
			      size_t size)
{
	size_t i = 0, k = 0, n = sk->name ? sk->name_len : 0;

	while (i < n && isspace((unsigned char)sk->name[i]))
		i++;
	while (i < n && sk->name[i] && !isspace((unsigned char)sk->name[i]) &&
	       k + 1 < size)
		buf[k++] = sk->name[i++];
	buf[k] = '\0';
	netstat_escape(buf, false);
}

static bool netstat_unix_shown(const struct netstat_ctl *ctl,
			       const struct netstat_unix_view *v)
{
	bool server = v->state == NETSTAT_SS_UNCONNECTED &&
		      (v->flags & NETSTAT_ACC);

	return ctl->all || (ctl->listening ? server : !server);
}

static int netstat_unix_row(const struct lsock_sock *sk, void *arg)
{
	struct netstat_run *r = arg;
	struct netstat_unix_view v;
	char flags[32], refcnt[24], path[4096];

	netstat_unix_view(sk, &v);
	if (!netstat_unix_shown(r->ctl, &v))
		return 0;
	netstat_unix_flags(v.flags, flags, sizeof(flags));
	if (v.have_refcnt)
		snprintf(refcnt, sizeof(refcnt), "%ld", v.refcnt);
	else
		snprintf(refcnt, sizeof(refcnt), "-");
	output_printf(r->out, "%-5s %-6s %-11s %-10s %-13s %-8llu",
		      sk->protocol ? "??" : "unix", refcnt, flags,
		      netstat_unix_type(sk->type), netstat_unix_state(&v),
		      (unsigned long long)sk->ino);
	if (r->ctl->programs)
		output_printf(r->out, " %-20s",
			      netstat_list_owner(r, sk->ino));
	netstat_unix_path(sk, path, sizeof(path));
	output_str(r->out, " ");
	output_str(r->out, path);
	output_str(r->out, "\n");
	return 0;
}

int netstat_unix_section(struct netstat_run *r)
{
	const struct netstat_ctl *ctl = r->ctl;
	char *path;
	int rc;

	output_printf(r->out, "Active UNIX domain sockets %s\n",
		      ctl->all ? "(servers and established)" :
		      ctl->listening ? "(only servers)" : "(w/o servers)");
	output_str(r->out, "Proto RefCnt Flags       Type       State         "
		   "I-Node  ");
	if (ctl->programs)
		output_printf(r->out, " %-20s", "PID/Program name");
	output_str(r->out, " Path\n");
	r->bogus = "unix";
	rc = netstat_src_dump(r, LSOCK_T_UNIX, AF_UNIX, netstat_unix_row, r,
			      &path);
	if (rc < 0)
		rc = netstat_table_failed(r, "AF UNIX", rc, path, LSOCK_T_UNIX);
	free(path);
	return rc;
}
