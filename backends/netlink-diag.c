/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sock_diag wire formats. Requests use the kernel's fixed-size headers;
 * replies are read by length: a fixed header that must be complete, then
 * attributes, each copied into zeroed locals so a shorter (older) payload
 * reads as zeros and a longer (newer) one is cut.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/inet_diag.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>

#include "kernel-defs.h"
#include "netlink-diag.h"
#include "nl.h"

#define NLDIAG_SEQ	123456

static void *nldiag_start(struct nldiag_req *r, uint16_t type, size_t body)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)r->buf;

	memset(r->buf, 0, sizeof(r->buf));
	r->len = NLMSG_LENGTH(body);
	nlh->nlmsg_len = (uint32_t)r->len;
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	nlh->nlmsg_seq = NLDIAG_SEQ;
	return NLMSG_DATA(nlh);
}

int nldiag_put_attr(struct nldiag_req *r, uint16_t type, const void *data,
		    size_t len)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)r->buf;
	uint8_t *p = (uint8_t *)r->buf + NLMSG_ALIGN(r->len);
	struct nlattr a = { .nla_type = type };

	if (len > 0xffff - NLA_HDRLEN ||
	    NLMSG_ALIGN(r->len) + NLA_ALIGN(NLA_HDRLEN + len) > sizeof(r->buf))
		return -E2BIG;
	a.nla_len = (uint16_t)(NLA_HDRLEN + len);
	memcpy(p, &a, sizeof(a));
	memcpy(p + NLA_HDRLEN, data, len);
	r->len = NLMSG_ALIGN(r->len) + NLA_ALIGN(a.nla_len);
	nlh->nlmsg_len = (uint32_t)r->len;
	return 0;
}

void nldiag_inet_req(struct nldiag_req *r, int family, int protocol,
		     uint32_t states, uint8_t ext)
{
	struct inet_diag_req_v2 *req = nldiag_start(r, SOCK_DIAG_BY_FAMILY,
						     sizeof(*req));

	req->sdiag_family = (uint8_t)family;
	req->idiag_states = states;
	req->idiag_ext = ext;
	req->id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
	req->id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
	/* protocols above 255 (MPTCP) travel in an attribute, 5.9+ */
	if (protocol > 255) {
		uint32_t proto = (uint32_t)protocol;

		req->sdiag_protocol = 0;
		nldiag_put_attr(r, LSOCK_INET_DIAG_REQ_PROTOCOL, &proto,
				sizeof(proto));
	} else {
		req->sdiag_protocol = (uint8_t)protocol;
	}
}

void nldiag_inet_req_ports(struct nldiag_req *r, uint16_t sport,
			   uint16_t dport)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)r->buf;
	struct inet_diag_sockid *id;

	if (nlh->nlmsg_type == TCPDIAG_GETSOCK)
		id = &((struct inet_diag_req *)NLMSG_DATA(nlh))->id;
	else
		id = &((struct inet_diag_req_v2 *)NLMSG_DATA(nlh))->id;
	id->idiag_sport = htons(sport);
	id->idiag_dport = htons(dport);
}

void nldiag_tcp_both_req(struct nldiag_req *r, uint32_t states, uint8_t ext)
{
	struct inet_diag_req *req = nldiag_start(r, TCPDIAG_GETSOCK,
						 sizeof(*req));

	req->idiag_family = AF_INET;
	req->idiag_ext = ext;
	req->idiag_states = states;
	req->id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
	req->id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
}

int nldiag_msg_family(const struct nlmsghdr *nlh)
{
	if (nlh->nlmsg_len < NLMSG_LENGTH(1))
		return -1;
	return *(const uint8_t *)NLMSG_DATA(nlh);
}

void nldiag_unix_req(struct nldiag_req *r, uint32_t states, uint32_t show)
{
	struct unix_diag_req *req = nldiag_start(r, SOCK_DIAG_BY_FAMILY,
						 sizeof(*req));

	req->sdiag_family = AF_UNIX;
	req->udiag_states = states;
	req->udiag_show = show;
}

void nldiag_packet_req(struct nldiag_req *r, uint32_t show)
{
	struct packet_diag_req *req = nldiag_start(r, SOCK_DIAG_BY_FAMILY,
						   sizeof(*req));

	req->sdiag_family = AF_PACKET;
	req->pdiag_show = show;
}

void nldiag_netlink_req(struct nldiag_req *r, uint32_t show)
{
	struct netlink_diag_req *req = nldiag_start(r, SOCK_DIAG_BY_FAMILY,
						    sizeof(*req));

	req->sdiag_family = AF_NETLINK;
	req->sdiag_protocol = LSOCK_NDIAG_PROTO_ALL;
	req->ndiag_show = show;
}

static uint64_t nldiag_cookie(const uint32_t c[2])
{
	return (uint64_t)c[1] << 32 | c[0];
}

static void nldiag_inet_attrs(const struct nl_attr *tb, struct lsock_sock *sk)
{
	if (tb[LSOCK_INET_DIAG_PROTOCOL].data)
		sk->protocol = nl_attr_u8(&tb[LSOCK_INET_DIAG_PROTOCOL], 0);
	if (nl_attr_u8(&tb[LSOCK_INET_DIAG_SKV6ONLY], 0))
		sk->flags |= LSOCK_SKF_V6ONLY;
	if (tb[LSOCK_INET_DIAG_MARK].data) {
		sk->mark = nl_attr_u32(&tb[LSOCK_INET_DIAG_MARK], 0);
		sk->flags |= LSOCK_SKF_HAVE_MARK;
	}
	if (tb[LSOCK_INET_DIAG_CGROUP_ID].data) {
		nl_attr_copy(&tb[LSOCK_INET_DIAG_CGROUP_ID], &sk->cgroup,
			     sizeof(sk->cgroup));
		sk->flags |= LSOCK_SKF_HAVE_CGROUP;
	}
}

/* The record points at the attribute table the reply was parsed into. */
static void nldiag_keep_attrs(struct lsock_sock *sk, const struct nl_attr *tb,
			      int max)
{
	sk->attrs = tb;
	sk->nattrs = (uint16_t)(max + 1);
}

int nldiag_inet_decode(const struct nlmsghdr *nlh, int protocol,
		       struct lsock_sock *sk, struct nldiag_scratch *scratch)
{
	struct nl_attr *tb = scratch->tb;
	struct inet_diag_msg m;
	size_t alen;

	memset(sk, 0, sizeof(*sk));
	if (nl_msg_attrs(nlh, sizeof(m), tb, LSOCK_INET_DIAG_MAX) < 0)
		return -EBADMSG;
	memcpy(&m, NLMSG_DATA(nlh), sizeof(m));
	if (m.idiag_family != AF_INET && m.idiag_family != AF_INET6)
		return -EBADMSG;
	alen = m.idiag_family == AF_INET ? 4 : 16;
	sk->family = m.idiag_family;
	sk->state = m.idiag_state;
	sk->timer = m.idiag_timer;
	sk->retrans = m.idiag_retrans;
	memcpy(sk->local, m.id.idiag_src, alen);
	memcpy(sk->remote, m.id.idiag_dst, alen);
	sk->lport = ntohs(m.id.idiag_sport);
	sk->rport = ntohs(m.id.idiag_dport);
	sk->iface = m.id.idiag_if;
	sk->sk = nldiag_cookie(m.id.idiag_cookie);
	sk->timeout = m.idiag_expires;
	sk->flags |= LSOCK_SKF_TIMEOUT_MS;
	sk->rq = (int)m.idiag_rqueue;
	sk->wq = (int)m.idiag_wqueue;
	sk->uid = m.idiag_uid;
	sk->ino = m.idiag_inode;
	sk->protocol = (uint16_t)protocol;
	nldiag_inet_attrs(tb, sk);
	nldiag_keep_attrs(sk, tb, LSOCK_INET_DIAG_MAX);
	return 0;
}

/* Pathnames end at their NUL; in abstract names every NUL shows as '@'. */
static void nldiag_unix_name(const struct nl_attr *a, struct lsock_sock *sk,
			     struct nldiag_scratch *scratch)
{
	size_t n = a->len < sizeof(scratch->name) - 1 ? a->len
						       : sizeof(scratch->name) - 1;
	size_t i;

	if (!a->data || n == 0)
		return;
	memcpy(scratch->name, a->data, n);
	scratch->name[n] = '\0';
	if (scratch->name[0] == '\0') {
		for (i = 0; i < n; i++)
			if (scratch->name[i] == '\0')
				scratch->name[i] = '@';
	} else {
		n = strlen(scratch->name);
	}
	sk->name = scratch->name;
	sk->name_len = (uint32_t)n;
}

int nldiag_unix_decode(const struct nlmsghdr *nlh, struct lsock_sock *sk,
		       struct nldiag_scratch *scratch)
{
	struct nl_attr *tb = scratch->tb;
	struct unix_diag_msg m;
	uint32_t rql[2];

	memset(sk, 0, sizeof(*sk));
	if (nl_msg_attrs(nlh, sizeof(m), tb, LSOCK_UNIX_DIAG_MAX) < 0)
		return -EBADMSG;
	memcpy(&m, NLMSG_DATA(nlh), sizeof(m));
	sk->family = AF_UNIX;
	sk->type = m.udiag_type;
	sk->state = m.udiag_state;
	sk->ino = m.udiag_ino;
	sk->lport = (int32_t)m.udiag_ino;
	sk->sk = nldiag_cookie(m.udiag_cookie);
	if (tb[LSOCK_UNIX_DIAG_RQLEN].data) {
		nl_attr_copy(&tb[LSOCK_UNIX_DIAG_RQLEN], rql, sizeof(rql));
		sk->rq = (int)rql[0];
		sk->wq = (int)rql[1];
	}
	sk->peer_ino = nl_attr_u32(&tb[LSOCK_UNIX_DIAG_PEER], 0);
	nldiag_unix_name(&tb[LSOCK_UNIX_DIAG_NAME], sk, scratch);
	nldiag_keep_attrs(sk, tb, LSOCK_UNIX_DIAG_MAX);
	return 0;
}

static int nldiag_meminfo(const struct nl_attr *a, int idx)
{
	uint32_t v[LSOCK_SK_MEMINFO_WMEM_ALLOC + 1];

	nl_attr_copy(a, v, sizeof(v));
	return (int)v[idx];
}

int nldiag_packet_decode(const struct nlmsghdr *nlh, struct lsock_sock *sk,
			 struct nldiag_scratch *scratch)
{
	struct nl_attr *tb = scratch->tb;
	struct packet_diag_msg m;
	uint32_t ifindex;

	memset(sk, 0, sizeof(*sk));
	if (nl_msg_attrs(nlh, sizeof(m), tb, LSOCK_PACKET_DIAG_MAX) < 0)
		return -EBADMSG;
	if (!tb[LSOCK_PACKET_DIAG_MEMINFO].data)
		return -ENODATA;
	memcpy(&m, NLMSG_DATA(nlh), sizeof(m));
	sk->family = AF_PACKET;
	sk->type = m.pdiag_type;
	sk->protocol = m.pdiag_num;
	sk->ino = m.pdiag_ino;
	sk->sk = nldiag_cookie(m.pdiag_cookie);
	sk->state = LSOCK_SS_CLOSE;
	sk->rq = nldiag_meminfo(&tb[LSOCK_PACKET_DIAG_MEMINFO],
				LSOCK_SK_MEMINFO_RMEM_ALLOC);
	ifindex = nl_attr_u32(&tb[LSOCK_PACKET_DIAG_INFO], 0);
	sk->iface = ifindex;
	sk->lport = (int32_t)ifindex;
	sk->uid = nl_attr_u32(&tb[LSOCK_PACKET_DIAG_UID], 0);
	nldiag_keep_attrs(sk, tb, LSOCK_PACKET_DIAG_MAX);
	return 0;
}

int nldiag_netlink_decode(const struct nlmsghdr *nlh, struct lsock_sock *sk,
			  struct nldiag_scratch *scratch)
{
	struct nl_attr *tb = scratch->tb;
	struct netlink_diag_msg m;

	memset(sk, 0, sizeof(*sk));
	if (nl_msg_attrs(nlh, sizeof(m), tb, LSOCK_NETLINK_DIAG_MAX) < 0)
		return -EBADMSG;
	memcpy(&m, NLMSG_DATA(nlh), sizeof(m));
	sk->family = AF_NETLINK;
	sk->protocol = m.ndiag_protocol;
	sk->lport = (int32_t)m.ndiag_portid;
	sk->rport = m.ndiag_state == LSOCK_NETLINK_CONNECTED ?
		    (int32_t)m.ndiag_dst_portid : -1;
	sk->dst_group = m.ndiag_dst_group;
	sk->ino = m.ndiag_ino;
	sk->sk = nldiag_cookie(m.ndiag_cookie);
	sk->state = LSOCK_SS_CLOSE;
	if (m.ndiag_state == LSOCK_NETLINK_CONNECTED)
		sk->flags |= LSOCK_SKF_NL_CONNECTED;
	if (tb[LSOCK_NETLINK_DIAG_MEMINFO].data) {
		sk->rq = nldiag_meminfo(&tb[LSOCK_NETLINK_DIAG_MEMINFO],
					LSOCK_SK_MEMINFO_RMEM_ALLOC);
		sk->wq = nldiag_meminfo(&tb[LSOCK_NETLINK_DIAG_MEMINFO],
					LSOCK_SK_MEMINFO_WMEM_ALLOC);
	}
	sk->groups = nl_attr_u32(&tb[LSOCK_NETLINK_DIAG_GROUPS], 0);
	nldiag_keep_attrs(sk, tb, LSOCK_NETLINK_DIAG_MAX);
	return 0;
}
