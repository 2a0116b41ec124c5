/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "kernel-defs.h"
#include "netlink-events.h"
#include "xalloc.h"

#define EV_RCVBUF	(1024 * 1024)
#define EV_MINBUF	32768
#define DBM(x)		LSOCK_DBM(LSOCK_DB_##x)

uint32_t netlink_events_groups(uint64_t families, uint32_t dbs)
{
	bool v4 = (families & LSOCK_FAM(AF_INET)) != 0;
	bool v6 = (families & LSOCK_FAM(AF_INET6)) != 0;
	bool tcp = (dbs & DBM(TCP)) != 0, udp = (dbs & DBM(UDP)) != 0;
	uint32_t g = 0;

	if (v4 && tcp)
		g |= LSOCK_NLGRP_BIT(LSOCK_SKNLGRP_INET_TCP_DESTROY);
	if (v4 && udp)
		g |= LSOCK_NLGRP_BIT(LSOCK_SKNLGRP_INET_UDP_DESTROY);
	if (v6 && tcp)
		g |= LSOCK_NLGRP_BIT(LSOCK_SKNLGRP_INET6_TCP_DESTROY);
	if (v6 && udp)
		g |= LSOCK_NLGRP_BIT(LSOCK_SKNLGRP_INET6_UDP_DESTROY);
	return g;
}

int netlink_events_open(struct netlink_events *ev, uint32_t groups,
			uint64_t families)
{
	struct sockaddr_nl sa;
	int rcvbuf = EV_RCVBUF;

	memset(ev, 0, sizeof(*ev));
	ev->families = families;
	ev->s.fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC,
			  NETLINK_SOCK_DIAG);
	if (ev->s.fd < 0)
		return -errno;
	setsockopt(ev->s.fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	memset(&sa, 0, sizeof(sa));
	sa.nl_family = AF_NETLINK;
	sa.nl_groups = groups;
	if (bind(ev->s.fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		int err = -errno;

		close(ev->s.fd);
		ev->s.fd = -1;
		return err;
	}
	ev->s.cap = EV_MINBUF;
	ev->s.buf = xmalloc(ev->s.cap);
	return 0;
}

void netlink_events_close(struct netlink_events *ev)
{
	nl_sock_close(&ev->s);
}

int netlink_events_wait(struct netlink_events *ev, int stop_fd)
{
	struct pollfd p[2];
	int n;

	p[0].fd = ev->s.fd;
	p[0].events = POLLIN;
	p[1].fd = stop_fd;
	p[1].events = POLLIN;
	do {
		p[0].revents = p[1].revents = 0;
		n = poll(p, stop_fd >= 0 ? 2 : 1, -1);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	if (stop_fd >= 0 && p[1].revents)
		return 0;
	return 1;
}


int netlink_events_process(struct netlink_events *ev, const void *buf,
			   size_t len, netlink_event_fn fn, void *arg)
{
	const struct nlmsghdr *nlh;
	struct lsock_sock sk;
	struct nl_iter it;
	int rc;

	nl_iter_init(&it, buf, len);
	while ((rc = nl_iter_next(&it, &nlh)) > 0) {
		if (nlh->nlmsg_type != SOCK_DIAG_BY_FAMILY)
			continue;
		/* the protocol comes with the event (INET_DIAG_PROTOCOL) */
		if (nldiag_inet_decode(nlh, 0, &sk, &ev->scratch) < 0)
			continue;	/* not an inet event */
		if (!(ev->families & LSOCK_FAM(sk.family)))
			continue;
		rc = fn(&sk, arg);
		if (rc)
			return rc;
	}
	return rc;
}

int netlink_events_read(struct netlink_events *ev, netlink_event_fn fn,
			void *arg)
{
	ssize_t n = nl_sock_recv(&ev->s);

	if (n < 0)
		return (int)n;
	return netlink_events_process(ev, ev->s.buf, (size_t)n, fn, arg);
}
