/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Where the netstat personality takes one table file's sockets from.
 *
 * netstat reads /proc/net/{tcp,tcp6,udp,...,unix}, and lsock does too, so
 * that rows come in the kernel's file order with the values /proc has.
 * With --backend=auto, a file that cannot be read while sock_diag answers
 * for the table is served over netlink instead (the rows then carry
 * the same fields; netstat-inet.c and netstat-unix.c print them as /proc
 * would). A file that is not there at all means, as for netstat, that the
 * kernel has no such table. PROC_ROOT and --backend=proc never use
 * netlink; --backend=netlink never uses /proc. --replay reads the
 * recording's proc/ files, and its netlink streams for the tables it has
 * no file of.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "netstat-priv.h"
#include "xalloc.h"

enum lsock_procfile netstat_src_procfile(enum lsock_table t, int family)
{
	bool v6 = family == AF_INET6;

	switch (t) {
	case LSOCK_T_TCP: return v6 ? LSOCK_PF_TCP6 : LSOCK_PF_TCP;
	case LSOCK_T_UDP: return v6 ? LSOCK_PF_UDP6 : LSOCK_PF_UDP;
	case LSOCK_T_UDPLITE: return v6 ? LSOCK_PF_UDPLITE6 : LSOCK_PF_UDPLITE;
	case LSOCK_T_RAW: return v6 ? LSOCK_PF_RAW6 : LSOCK_PF_RAW;
	case LSOCK_T_UNIX:
	case LSOCK_T_NETLINK:
	case LSOCK_T_PACKET:
	case LSOCK_T_DCCP:
	case LSOCK_T_SCTP:
	case LSOCK_T_VSOCK:
	case LSOCK_T_TIPC:
	case LSOCK_T_XDP:
	case LSOCK_T_MPTCP:
	case LSOCK_T_MAX:
	default:
		return LSOCK_PF_UNIX;
	}
}

static int netstat_src_probe(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	close(fd);
	return 0;
}

/*
 * The backends' warnings: a line that does not parse is skipped with
 * netstat's message; a file that fails once opened fails the table.
 */
static void netstat_src_warn(void *arg, const char *path, unsigned long line,
			     const char *what)
{
	struct netstat_run *r = arg;

	(void)path;
	(void)what;
	if (line == 0)
		r->file_err = -EIO;
	else
		fprintf(stderr, "warning, got bogus %s line.\n", r->bogus);
}

static void netstat_src_request(const struct netstat_run *r,
				struct lsock_request *req, enum lsock_table t,
				int family, bool netlink)
{
	memset(req, 0, sizeof(*req));
	req->table = t;
	req->dbs = LSOCK_DBM(LSOCK_DB_TCP) | LSOCK_DBM(LSOCK_DB_UDP) |
		   LSOCK_DBM(LSOCK_DB_UDPLITE) | LSOCK_DBM(LSOCK_DB_RAW) |
		   LSOCK_DBM_UNIX;
	/* AF_UNSPEC: both families in one request (netlink) */
	req->families = family == AF_UNSPEC ?
			LSOCK_FAM(AF_INET) | LSOCK_FAM(AF_INET6) :
			LSOCK_FAM(family);
	/* every state /proc lists; over netlink, ss -a's (no bound-only) */
	req->states = netlink ? LSOCK_SS_ALL : ~0u;
	req->preferred_family = family;
	if (t == LSOCK_T_TCP && r->ctl->timers)
		req->ext = LSOCK_REQX_INFO;	/* retransmits and probes */
}

static void netstat_src_why(const struct netstat_run *r, enum lsock_table t,
			    int family, const char *from, int err)
{
	const char *fam = family == AF_INET ? " (IPv4)" :
			  family == AF_INET6 ? " (IPv6)" : "";
	static const char *const names[LSOCK_T_MAX] = {
		[LSOCK_T_TCP] = "tcp", [LSOCK_T_UDP] = "udp",
		[LSOCK_T_UDPLITE] = "udplite", [LSOCK_T_RAW] = "raw",
		[LSOCK_T_UNIX] = "unix",
	};

	if (!r->ctl->why)
		return;
	if (err)
		fprintf(stderr, "lsock: %s%s: not from %s (%s)\n", names[t],
			fam, from, strerror(-err));
	else
		fprintf(stderr, "lsock: %s%s: %s\n", names[t], fam, from);
}

static int netstat_src_proc(struct netstat_run *r, enum lsock_table t,
			    int family, lsock_sock_cb cb, void *arg,
			    const char *path)
{
	struct lsock_source src = r->ctl->src;
	struct lsock_request req;
	int rc = netstat_src_probe(path);

	if (rc < 0)
		return rc;
	src.warn = netstat_src_warn;
	src.warn_arg = r;
	r->file_err = 0;
	netstat_src_request(r, &req, t, family, false);
	rc = procfs_backend_ops.dump(&src, &req, cb, arg);
	return rc < 0 ? rc : r->file_err;
}

static int netstat_src_netlink(struct netstat_run *r, enum lsock_table t,
			       int family, lsock_sock_cb cb, void *arg)
{
	struct lsock_source src = r->ctl->src;
	struct lsock_request req;

	if (!netlink_backend_ops.serves(t))
		return -ENOSYS;
	netstat_src_request(r, &req, t, family, true);
	return netlink_backend_ops.dump(&src, &req, cb, arg);
}

/*
 * --backend=auto on a live system: TCP and UDP sockets come over sock_diag,
 * which costs the kernel far less than writing /proc's text, whenever the
 * table's file exists (a missing file keeps its meaning: no such table) and
 * the dump works. The rows are the ones /proc would give, in the same
 * order. Raw sockets (no raw sock_diag on many kernels) and unix sockets
 * (unix_diag lacks the RefCnt and states) stay on /proc.
 */
static bool netstat_src_netlink_first(const struct netstat_run *r,
				      enum lsock_table t, const char *path)
{
	const struct netstat_ctl *ctl = r->ctl;

	return ctl->backend == LSOCK_BACKEND_AUTO && !ctl->forced_proc &&
	       !ctl->replay_dir && !ctl->src.record &&
	       (t == LSOCK_T_TCP || t == LSOCK_T_UDP ||
		t == LSOCK_T_UDPLITE) && access(path, F_OK) == 0;
}

int netstat_src_auto(struct netstat_run *r, enum lsock_table t, int family,
		     lsock_sock_cb cb, void *arg)
{
	char *path;
	bool first;

	if (r->ctl->backend == LSOCK_BACKEND_NETLINK)
		return -ENOSYS;
	path = backend_procfile_path(&r->ctl->src,
				     netstat_src_procfile(t, family));
	first = netstat_src_netlink_first(r, t, path);
	free(path);
	return first ? netstat_src_netlink(r, t, family, cb, arg) : -ENOSYS;
}

void netstat_src_auto_why(const struct netstat_run *r, enum lsock_table t,
			  int family)
{
	netstat_src_why(r, t, family, "netlink (sock_diag)", 0);
}

int netstat_src_dump(struct netstat_run *r, enum lsock_table t, int family,
		     lsock_sock_cb cb, void *arg, char **path)
{
	const struct netstat_ctl *ctl = r->ctl;
	int prc = 0, rc;

	*path = NULL;
	if (netstat_src_auto(r, t, family, cb, arg) == 0) {
		netstat_src_auto_why(r, t, family);
		return 0;
	}
	if (ctl->backend != LSOCK_BACKEND_NETLINK) {
		*path = backend_procfile_path(&r->ctl->src,
					      netstat_src_procfile(t, family));
		prc = netstat_src_proc(r, t, family, cb, arg, *path);
		netstat_src_why(r, t, family, "/proc", prc);
		if (prc == 0 || ctl->forced_proc ||
		    ctl->backend == LSOCK_BACKEND_PROC ||
		    (prc == -ENOENT && !ctl->replay_dir))
			goto out;
	}
	rc = netstat_src_netlink(r, t, family, cb, arg);
	netstat_src_why(r, t, family, ctl->replay_dir ? "the recording's "
			"netlink replies" : "netlink (sock_diag)", rc);
	if (rc == 0 || ctl->backend == LSOCK_BACKEND_NETLINK) {
		free(*path);
		*path = NULL;
		return rc;
	}
out:
	if (prc == 0) {
		free(*path);
		*path = NULL;
	}
	return prc;
}
