/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/inet_diag.h>

#include "kernel-defs.h"
#include "netlink-destroy.h"

void netlink_destroy_req(struct nldiag_req *r, const struct lsock_sock *sk,
			 int protocol, uint32_t seq)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)r->buf;
	struct inet_diag_req_v2 *req;
	uint32_t proto = (uint32_t)protocol;

	memset(r->buf, 0, sizeof(r->buf));
	r->len = NLMSG_LENGTH(sizeof(*req));
	nlh->nlmsg_len = (uint32_t)r->len;
	nlh->nlmsg_type = SOCK_DESTROY;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = seq;
	req = NLMSG_DATA(nlh);
	req->sdiag_family = sk->family;
	req->sdiag_protocol = protocol > 255 ? 0 : (uint8_t)protocol;
	/* inet_diag_req_raw: the raw socket's protocol sits in the pad */
	if (protocol == IPPROTO_RAW)
		req->pad = (uint8_t)sk->protocol;
	req->id.idiag_sport = htons((uint16_t)sk->lport);
	req->id.idiag_dport = htons((uint16_t)sk->rport);
	memcpy(req->id.idiag_src, sk->local, sizeof(req->id.idiag_src));
	memcpy(req->id.idiag_dst, sk->remote, sizeof(req->id.idiag_dst));
	req->id.idiag_if = sk->iface;
	req->id.idiag_cookie[0] = (uint32_t)sk->sk;
	req->id.idiag_cookie[1] = (uint32_t)(sk->sk >> 32);
	if (protocol > 255)
		nldiag_put_attr(r, LSOCK_INET_DIAG_REQ_PROTOCOL, &proto,
				sizeof(proto));
}

void netlink_destroy_init(struct netlink_destroy *d)
{
	memset(d, 0, sizeof(*d));
	d->s.fd = -1;
}

/* An acknowledgement carries nothing for the message callback. */
static int netlink_destroy_msg(const struct nlmsghdr *nlh, void *arg)
{
	(void)nlh;
	(void)arg;
	return 0;
}

int netlink_destroy_sock(struct netlink_destroy *d, const struct lsock_sock *sk,
			 int protocol)
{
	struct nldiag_req r;
	int rc;

	if (sk->family != AF_INET && sk->family != AF_INET6)
		return -EAFNOSUPPORT;
	if (!d->opened) {
		rc = nl_sock_open(&d->s);
		if (rc < 0)
			return rc;
		d->opened = true;
	}
	netlink_destroy_req(&r, sk, protocol, ++d->seq);
	/* the ACK (an NLMSG_ERROR with errno 0) ends the exchange */
	return nl_sock_dump(&d->s, r.buf, r.len, netlink_destroy_msg, NULL);
}

void netlink_destroy_close(struct netlink_destroy *d)
{
	if (d->opened)
		nl_sock_close(&d->s);
	d->opened = false;
}
