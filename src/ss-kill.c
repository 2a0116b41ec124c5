/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>

#include "ss-cli.h"
#include "ss-kill.h"

/* CAP_NET_ADMIN in the effective set; when capget fails, the kernel says. */
static bool ss_kill_capable(void)
{
	struct __user_cap_header_struct hdr;
	struct __user_cap_data_struct data[2];

	memset(&hdr, 0, sizeof(hdr));
	memset(data, 0, sizeof(data));
	hdr.version = _LINUX_CAPABILITY_VERSION_3;
	if (syscall(SYS_capget, &hdr, data) < 0)
		return true;
	return (data[CAP_NET_ADMIN / 32].effective &
		(1u << (CAP_NET_ADMIN % 32))) != 0;
}

int ss_kill_start(struct ss_kill *k, struct ss_printer *pr,
		  const struct ss_ctl *ctl)
{
	memset(k, 0, sizeof(*k));
	k->pr = pr;
	netlink_destroy_init(&k->destroy);
	if ((ctl->sel.dbs & LSOCK_DBM_INET) && !ctl->src.replay_dir &&
	    !ss_kill_capable()) {
		fprintf(stderr, "lsock: -K: destroying sockets needs the "
			"CAP_NET_ADMIN capability, which this process lacks\n");
		return SS_EXIT_FAIL;
	}
	return -1;
}

void ss_kill_end(struct ss_kill *k)
{
	netlink_destroy_close(&k->destroy);
}

int ss_kill_dump(struct ss_kill *k, const struct lsock_backend_ops *ops,
		 const struct lsock_source *src,
		 const struct lsock_request *req)
{
	int rc;

	/* as ss: nothing read from /proc, a recording or TCPDIAG_FILE */
	k->live = ops == &netlink_backend_ops && !src->replay_dir &&
		  !(req->table == LSOCK_T_TCP && src->tcpdiag_file);
	rc = ops->dump(src, req, ss_kill_sock, k);
	k->live = false;
	return rc;
}

/* The dump a record came from names its protocol; raw keeps its own. */
static int ss_kill_protocol(const struct ss_kill *k,
			    const struct lsock_sock *sk)
{
	return k->pr->current == LSOCK_T_RAW ? IPPROTO_RAW : sk->protocol;
}

static void ss_kill_report(const struct lsock_sock *sk, int err)
{
	if (err == -EPERM || err == -EACCES)
		fprintf(stderr, "lsock: -K: the kernel refused to destroy a "
			"socket (%s): this needs CAP_NET_ADMIN over the "
			"network namespace\n", strerror(-err));
	else
		fprintf(stderr, "lsock: -K: destroying a socket (%s, port "
			"%d) failed: %s\n", sk->family == AF_INET6 ? "IPv6" :
			"IPv4", (int)sk->lport, strerror(-err));
}

int ss_kill_sock(const struct lsock_sock *sk, void *arg)
{
	struct ss_kill *k = arg;
	struct ss_printer *pr = k->pr;
	int rc;

	if (!k->live || !sk->attrs ||
	    (sk->family != AF_INET && sk->family != AF_INET6))
		return ss_print_sock(sk, pr);
	if (pr->filter && !filter_match(pr->filter, sk, &pr->fctx))
		return 0;
	rc = netlink_destroy_sock(&k->destroy, sk, ss_kill_protocol(k, sk));
	if (rc == -ENOENT || rc == -EOPNOTSUPP)
		return 0;	/* gone already, or cannot be destroyed */
	if (rc < 0) {
		k->err = rc;
		ss_kill_report(sk, rc);
		return rc;
	}
	return ss_print_sock(sk, pr);
}
