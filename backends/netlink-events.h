/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Destroyed-socket events (ss -E): a sock_diag socket that joins the
 * kernel's SKNLGRP_*_DESTROY multicast groups and decodes each message it
 * receives into a socket record, as a dump's replies are decoded.
 */
#ifndef LSOCK_NETLINK_EVENTS_H
#define LSOCK_NETLINK_EVENTS_H

#include <stdint.h>

#include "netlink-diag.h"
#include "nl-sock.h"
#include "sock.h"

struct netlink_events {
	struct nl_sock s;
	uint64_t families;	/* LSOCK_FAM(): the families to pass on */
	struct nldiag_scratch scratch;
};

/*
 * The groups ss 6.1 joins for a selection: TCP and UDP, for IPv4 and
 * IPv6, as tables and families allow. 0 when none applies.
 */
uint32_t netlink_events_groups(uint64_t families, uint32_t dbs);
/* Opens and binds the socket; 0 or a negative errno. */
int netlink_events_open(struct netlink_events *ev, uint32_t groups,
			uint64_t families);
void netlink_events_close(struct netlink_events *ev);

/* Called once per event of a selected family; non-zero stops. */
typedef int (*netlink_event_fn)(const struct lsock_sock *sk, void *arg);

/*
 * Waits for the next datagram, or for stop_fd (when >= 0) to become
 * readable. Returns 1 when a datagram is there, 0 for stop_fd, or a
 * negative errno.
 */
int netlink_events_wait(struct netlink_events *ev, int stop_fd);
/*
 * Reads one datagram and hands each event in it to fn. Returns 0, what
 * fn returned, -ENOBUFS when the kernel dropped events (the socket's
 * buffer was full; reading may go on), or another negative errno.
 */
int netlink_events_read(struct netlink_events *ev, netlink_event_fn fn,
			void *arg);
/* The same for messages already in memory (a datagram as received). */
int netlink_events_process(struct netlink_events *ev, const void *buf,
			   size_t len, netlink_event_fn fn, void *arg);

#endif /* LSOCK_NETLINK_EVENTS_H */
