/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss -K and -E at the wire: the SOCK_DESTROY request built from a decoded
 * record, the destroy groups joined for a selection, and events decoded
 * from hand-made multicast datagrams.
 */
#include "config.h"

#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/inet_diag.h>
#include <linux/sock_diag.h>

#include "kernel-defs.h"
#include "netlink-destroy.h"
#include "netlink-diag.h"
#include "netlink-events.h"
#include "check-run.h"

#define DBM(x)	LSOCK_DBM(LSOCK_DB_##x)

static struct lsock_sock rec_v6(void)
{
	struct lsock_sock sk;

	memset(&sk, 0, sizeof(sk));
	sk.family = AF_INET6;
	sk.protocol = IPPROTO_TCP;
	sk.lport = 5060;
	sk.rport = 40000;
	sk.local[15] = 1;
	sk.remote[0] = 0xfe;
	sk.remote[15] = 2;
	sk.iface = 3;
	sk.sk = 0x1122334455667788ull;
	return sk;
}

START_TEST(test_destroy_req_tcp)
{
	struct lsock_sock sk = rec_v6();
	struct nldiag_req r;
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)r.buf;
	const struct inet_diag_req_v2 *q = NLMSG_DATA(nlh);

	netlink_destroy_req(&r, &sk, IPPROTO_TCP, 7);
	ck_assert_uint_eq(r.len, NLMSG_LENGTH(sizeof(*q)));
	ck_assert_uint_eq(nlh->nlmsg_len, r.len);
	ck_assert_uint_eq(nlh->nlmsg_type, SOCK_DESTROY);
	ck_assert_uint_eq(nlh->nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK);
	ck_assert_uint_eq(nlh->nlmsg_seq, 7);
	ck_assert_uint_eq(q->sdiag_family, AF_INET6);
	ck_assert_uint_eq(q->sdiag_protocol, IPPROTO_TCP);
	ck_assert_uint_eq(q->pad, 0);
	ck_assert_uint_eq(ntohs(q->id.idiag_sport), 5060);
	ck_assert_uint_eq(ntohs(q->id.idiag_dport), 40000);
	ck_assert_mem_eq(q->id.idiag_src, sk.local, 16);
	ck_assert_mem_eq(q->id.idiag_dst, sk.remote, 16);
	ck_assert_uint_eq(q->id.idiag_if, 3);
	ck_assert_uint_eq(q->id.idiag_cookie[0], 0x55667788u);
	ck_assert_uint_eq(q->id.idiag_cookie[1], 0x11223344u);
}
END_TEST

START_TEST(test_destroy_req_raw_mptcp)
{
	struct lsock_sock sk = rec_v6();
	struct nldiag_req r;
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)r.buf;
	const struct inet_diag_req_v2 *q = NLMSG_DATA(nlh);
	const struct nlattr *a;
	uint32_t proto;

	sk.protocol = IPPROTO_ICMPV6;
	netlink_destroy_req(&r, &sk, IPPROTO_RAW, 1);
	ck_assert_uint_eq(q->sdiag_protocol, IPPROTO_RAW);
	ck_assert_uint_eq(q->pad, IPPROTO_ICMPV6);
	ck_assert_uint_eq(r.len, NLMSG_LENGTH(sizeof(*q)));

	sk.protocol = IPPROTO_MPTCP;
	netlink_destroy_req(&r, &sk, IPPROTO_MPTCP, 2);
	ck_assert_uint_eq(q->sdiag_protocol, 0);
	ck_assert_uint_eq(r.len, NLMSG_LENGTH(sizeof(*q)) + NLA_HDRLEN + 4);
	ck_assert_uint_eq(nlh->nlmsg_len, r.len);
	a = (const struct nlattr *)((const uint8_t *)r.buf +
				    NLMSG_LENGTH(sizeof(*q)));
	ck_assert_uint_eq(a->nla_type, LSOCK_INET_DIAG_REQ_PROTOCOL);
	ck_assert_uint_eq(a->nla_len, NLA_HDRLEN + 4);
	memcpy(&proto, (const uint8_t *)a + NLA_HDRLEN, sizeof(proto));
	ck_assert_uint_eq(proto, IPPROTO_MPTCP);
}
END_TEST

START_TEST(test_destroy_not_inet)
{
	struct netlink_destroy d;
	struct lsock_sock sk = rec_v6();

	netlink_destroy_init(&d);
	sk.family = AF_UNIX;
	ck_assert_int_eq(netlink_destroy_sock(&d, &sk, 0), -EAFNOSUPPORT);
	ck_assert(!d.opened);
	netlink_destroy_close(&d);
}
END_TEST

START_TEST(test_event_groups)
{
	uint64_t v4 = LSOCK_FAM(AF_INET), v6 = LSOCK_FAM(AF_INET6);
	uint64_t ux = LSOCK_FAM(AF_UNIX);

	ck_assert_uint_eq(netlink_events_groups(v4 | v6, DBM(TCP) | DBM(UDP)),
			  0xf);
	ck_assert_uint_eq(netlink_events_groups(v4, DBM(TCP)), 0x1);
	ck_assert_uint_eq(netlink_events_groups(v4, DBM(UDP)), 0x2);
	ck_assert_uint_eq(netlink_events_groups(v6, DBM(TCP)), 0x4);
	ck_assert_uint_eq(netlink_events_groups(v6 | ux, DBM(UDP) |
						LSOCK_DBM_UNIX), 0x8);
	ck_assert_uint_eq(netlink_events_groups(v4 | v6, DBM(RAW) |
						DBM(MPTCP)), 0);
	ck_assert_uint_eq(netlink_events_groups(ux, DBM(TCP)), 0);
}
END_TEST

/* A multicast datagram: events, as the kernel builds them, back to back. */
struct dgram {
	uint64_t buf[256];
	size_t len;
};

static void dgram_event(struct dgram *d, int family, uint8_t proto,
			uint16_t sport)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)((uint8_t *)d->buf + d->len);
	struct inet_diag_msg m;
	struct nlattr a = { .nla_len = NLA_HDRLEN + 1,
			    .nla_type = LSOCK_INET_DIAG_PROTOCOL };
	uint8_t *p;

	memset(&m, 0, sizeof(m));
	m.idiag_family = (uint8_t)family;
	m.idiag_state = LSOCK_SS_CLOSE;
	m.id.idiag_sport = htons(sport);
	m.idiag_wqueue = (uint32_t)-1;
	memset(nlh, 0, NLMSG_SPACE(sizeof(m)) + NLA_ALIGN(a.nla_len));
	nlh->nlmsg_type = SOCK_DIAG_BY_FAMILY;
	memcpy(NLMSG_DATA(nlh), &m, sizeof(m));
	p = (uint8_t *)NLMSG_DATA(nlh) + NLMSG_ALIGN(sizeof(m));
	memcpy(p, &a, sizeof(a));
	p[NLA_HDRLEN] = proto;
	nlh->nlmsg_len = (uint32_t)(NLMSG_SPACE(sizeof(m)) + a.nla_len);
	d->len += NLMSG_ALIGN(nlh->nlmsg_len);
}

struct seen {
	int n;
	struct lsock_sock sk[4];
};

static int event_cb(const struct lsock_sock *sk, void *arg)
{
	struct seen *s = arg;

	if (s->n < 4)
		s->sk[s->n] = *sk;
	s->n++;
	return 0;
}

START_TEST(test_events_decode)
{
	struct netlink_events ev;
	struct dgram d;
	struct seen s;

	memset(&ev, 0, sizeof(ev));
	memset(&d, 0, sizeof(d));
	memset(&s, 0, sizeof(s));
	ev.families = LSOCK_FAM(AF_INET) | LSOCK_FAM(AF_INET6);
	dgram_event(&d, AF_INET, IPPROTO_TCP, 80);
	dgram_event(&d, AF_INET6, IPPROTO_UDP, 53);
	ck_assert_int_eq(netlink_events_process(&ev, d.buf, d.len, event_cb,
						&s), 0);
	ck_assert_int_eq(s.n, 2);
	ck_assert_int_eq(s.sk[0].family, AF_INET);
	ck_assert_int_eq(s.sk[0].protocol, IPPROTO_TCP);
	ck_assert_int_eq(s.sk[0].lport, 80);
	ck_assert_int_eq(s.sk[0].state, LSOCK_SS_CLOSE);
	ck_assert_int_eq(s.sk[1].family, AF_INET6);
	ck_assert_int_eq(s.sk[1].protocol, IPPROTO_UDP);
	ck_assert_int_eq(s.sk[1].wq, -1);

	/* families not selected are not passed on */
	s.n = 0;
	ev.families = LSOCK_FAM(AF_INET6);
	ck_assert_int_eq(netlink_events_process(&ev, d.buf, d.len, event_cb,
						&s), 0);
	ck_assert_int_eq(s.n, 1);
	ck_assert_int_eq(s.sk[0].family, AF_INET6);
}
END_TEST

START_TEST(test_events_truncated)
{
	struct netlink_events ev;
	struct dgram d;
	struct seen s;

	memset(&ev, 0, sizeof(ev));
	memset(&d, 0, sizeof(d));
	memset(&s, 0, sizeof(s));
	ev.families = LSOCK_FAM(AF_INET);
	dgram_event(&d, AF_INET, IPPROTO_TCP, 80);
	dgram_event(&d, AF_INET, IPPROTO_TCP, 81);
	/* the second message's length runs past the datagram */
	ck_assert_int_eq(netlink_events_process(&ev, d.buf, d.len - 8,
						event_cb, &s), -EBADMSG);
	ck_assert_int_eq(s.n, 1);
	/* a header too short for inet_diag_msg is no event */
	s.n = 0;
	((struct nlmsghdr *)d.buf)->nlmsg_len = NLMSG_LENGTH(8);
	ck_assert_int_eq(netlink_events_process(&ev, d.buf,
						NLMSG_LENGTH(8), event_cb,
						&s), 0);
	ck_assert_int_eq(s.n, 0);
}
END_TEST

static Suite *netops_suite(void)
{
	Suite *s = suite_create("netops");
	TCase *tk = tcase_create("destroy");
	TCase *te = tcase_create("events");

	tcase_add_test(tk, test_destroy_req_tcp);
	tcase_add_test(tk, test_destroy_req_raw_mptcp);
	tcase_add_test(tk, test_destroy_not_inet);
	tcase_add_test(te, test_event_groups);
	tcase_add_test(te, test_events_decode);
	tcase_add_test(te, test_events_truncated);
	suite_add_tcase(s, tk);
	suite_add_tcase(s, te);
	return s;
}

int main(void)
{
	return check_run(netops_suite());
}
