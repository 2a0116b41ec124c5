/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sock_diag requests and replies: building the request of each family, and
 * decoding one reply message into a socket record. Pure functions.
 */
#ifndef LSOCK_NETLINK_DIAG_H
#define LSOCK_NETLINK_DIAG_H

#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>

#include "nl.h"
#include "sock.h"

/* The fixed headers, and room for a filter's bytecode (up to 64 KiB). */
#define NLDIAG_REQ_MAX	(128 + 65536)

struct nldiag_req {
	size_t len;
	uint64_t buf[NLDIAG_REQ_MAX / 8];	/* aligned request bytes */
};

#define NLDIAG_ATTR_MAX	31	/* the largest attribute table of a family */

/*
 * What a decoded record points into: a unix name turned printable ('@' for
 * NULs, NUL-terminated) and the reply's attribute table.
 */
struct nldiag_scratch {
	char name[512];
	struct nl_attr tb[NLDIAG_ATTR_MAX + 1];
};

/* ext: the idiag_ext bits, LSOCK_IDIAG_EXT(INET_DIAG_...) */
void nldiag_inet_req(struct nldiag_req *r, int family, int protocol,
		     uint32_t states, uint8_t ext);
/* The ports of an inet request's id, host order (0: any). */
void nldiag_inet_req_ports(struct nldiag_req *r, uint16_t sport,
			   uint16_t dport);
/* Appends an attribute to a request; -E2BIG when it does not fit. */
int nldiag_put_attr(struct nldiag_req *r, uint16_t type, const void *data,
		    size_t len);
/*
 * TCPDIAG_GETSOCK: TCP for both families in one pass over the kernel's
 * tables (the only TCP request before 3.3; the v2 request asks for one
 * family and passes over them all to find it).
 */
void nldiag_tcp_both_req(struct nldiag_req *r, uint32_t states, uint8_t ext);
/* The family byte that starts an inet reply's payload, or -1. */
int nldiag_msg_family(const struct nlmsghdr *nlh);
void nldiag_unix_req(struct nldiag_req *r, uint32_t states, uint32_t show);
void nldiag_packet_req(struct nldiag_req *r, uint32_t show);
void nldiag_netlink_req(struct nldiag_req *r, uint32_t show);

/*
 * Each returns 0, or -EBADMSG for a reply that is short or malformed. The
 * record's name and attrs point into scratch (and the message).
 */
int nldiag_inet_decode(const struct nlmsghdr *nlh, int protocol,
		       struct lsock_sock *sk, struct nldiag_scratch *scratch);
int nldiag_unix_decode(const struct nlmsghdr *nlh, struct lsock_sock *sk,
		       struct nldiag_scratch *scratch);
/* -ENODATA when the kernel left out MEMINFO (ss then reads /proc). */
int nldiag_packet_decode(const struct nlmsghdr *nlh, struct lsock_sock *sk,
			 struct nldiag_scratch *scratch);
int nldiag_netlink_decode(const struct nlmsghdr *nlh, struct lsock_sock *sk,
			  struct nldiag_scratch *scratch);

#endif /* LSOCK_NETLINK_DIAG_H */
