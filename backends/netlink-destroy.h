/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SOCK_DESTROY (ss -K): ask the kernel to close one inet socket, named by
 * the exact identity a sock_diag dump reported for it (addresses, ports,
 * interface and cookie). The requests go over a sock_diag socket of their
 * own, opened on first use, so that they can be sent while a dump runs.
 */
#ifndef LSOCK_NETLINK_DESTROY_H
#define LSOCK_NETLINK_DESTROY_H

#include <stdbool.h>
#include <stdint.h>

#include "netlink-diag.h"
#include "nl-sock.h"
#include "sock.h"

struct netlink_destroy {
	struct nl_sock s;
	bool opened;
	uint32_t seq;
};

/*
 * The request for sk, found in the dump of protocol (IPPROTO_TCP, ...,
 * IPPROTO_RAW, IPPROTO_MPTCP). Pure. A raw socket's own protocol (the
 * record's) goes in the raw request's extra byte; protocols above 255
 * travel in an INET_DIAG_REQ_PROTOCOL attribute.
 */
void netlink_destroy_req(struct nldiag_req *r, const struct lsock_sock *sk,
			 int protocol, uint32_t seq);
void netlink_destroy_init(struct netlink_destroy *d);
/*
 * Destroys sk. Returns 0 once the kernel acknowledged it, else the
 * negative errno: the socket's (-errno of socket(2)) or the kernel's
 * answer (-ENOENT: gone already; -EOPNOTSUPP: the protocol or kernel
 * cannot; -EPERM: no CAP_NET_ADMIN).
 */
int netlink_destroy_sock(struct netlink_destroy *d, const struct lsock_sock *sk,
			 int protocol);
void netlink_destroy_close(struct netlink_destroy *d);

#endif /* LSOCK_NETLINK_DESTROY_H */
