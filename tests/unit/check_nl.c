/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The netlink walker and the sock_diag decoders on hand-made replies:
 * truncated headers, attribute lengths past the end, zero-length and unknown
 * attributes, error and DONE messages, short and long kernel structs.
 */
#include "config.h"

#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/inet_diag.h>
#include <linux/packet_diag.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <linux/unix_diag.h>

#include "kernel-defs.h"
#include "netlink-diag.h"
#include "nl-sock.h"
#include "nl-stash.h"
#include "nl.h"
#include "check-run.h"

/* A message under construction in an aligned buffer. */
struct msg {
	uint64_t buf[512];
	size_t len;
};

static struct nlmsghdr *msg_start(struct msg *m, uint16_t type,
				  const void *body, size_t blen)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)m->buf;

	memset(m->buf, 0, sizeof(m->buf));
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_MULTI;
	memcpy(NLMSG_DATA(nlh), body, blen);
	m->len = NLMSG_LENGTH(blen);
	nlh->nlmsg_len = (uint32_t)m->len;
	return nlh;
}

static void msg_attr(struct msg *m, uint16_t type, const void *p, size_t n)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)m->buf;
	uint8_t *at = (uint8_t *)m->buf + NLMSG_ALIGN(m->len);
	struct nlattr a = { .nla_len = (uint16_t)(NLA_HDRLEN + n),
			    .nla_type = type };

	memcpy(at, &a, sizeof(a));
	memcpy(at + NLA_HDRLEN, p, n);
	m->len = NLMSG_ALIGN(m->len) + NLA_ALIGN(a.nla_len);
	nlh->nlmsg_len = (uint32_t)m->len;
}

/* where decoded records point; tests run one at a time */
static struct nldiag_scratch nl_scratch;

START_TEST(test_iter_two_messages)
{
	uint8_t buf[64];
	struct nlmsghdr h = { .nlmsg_len = 20, .nlmsg_type = 20 };
	const struct nlmsghdr *nlh;
	struct nl_iter it;

	memset(buf, 0, sizeof(buf));
	memcpy(buf, &h, sizeof(h));
	h.nlmsg_len = 16;
	h.nlmsg_type = NLMSG_DONE;
	memcpy(buf + 20, &h, sizeof(h));
	nl_iter_init(&it, buf, 36);
	ck_assert_int_eq(nl_iter_next(&it, &nlh), 1);
	ck_assert_int_eq(nlh->nlmsg_type, 20);
	ck_assert_int_eq(nl_iter_next(&it, &nlh), 1);
	ck_assert_int_eq(nlh->nlmsg_type, NLMSG_DONE);
	ck_assert_int_eq(nl_iter_next(&it, &nlh), 0);
}
END_TEST

START_TEST(test_iter_truncated)
{
	uint8_t buf[32];
	struct nlmsghdr h = { .nlmsg_len = 40, .nlmsg_type = 20 };
	const struct nlmsghdr *nlh;
	struct nl_iter it;

	memset(buf, 0, sizeof(buf));
	memcpy(buf, &h, sizeof(h));
	nl_iter_init(&it, buf, 10);
	ck_assert_int_eq(nl_iter_next(&it, &nlh), -EBADMSG);
	nl_iter_init(&it, buf, sizeof(buf));
	ck_assert_int_eq(nl_iter_next(&it, &nlh), -EBADMSG);
	h.nlmsg_len = 8;
	memcpy(buf, &h, sizeof(h));
	nl_iter_init(&it, buf, sizeof(buf));
	ck_assert_int_eq(nl_iter_next(&it, &nlh), -EBADMSG);
}
END_TEST

START_TEST(test_error_and_done)
{
	struct msg m;
	int32_t err = -EPERM;
	struct nlmsgerr e;

	memset(&e, 0, sizeof(e));
	e.error = -EPERM;
	ck_assert_int_eq(nl_msg_errno(msg_start(&m, NLMSG_ERROR, &e,
						sizeof(e))), -EPERM);
	err = -ENOENT;
	ck_assert_int_eq(nl_msg_errno(msg_start(&m, NLMSG_DONE, &err,
						sizeof(err))), -ENOENT);
	err = 0;
	ck_assert_int_eq(nl_msg_errno(msg_start(&m, NLMSG_DONE, &err,
						sizeof(err))), 0);
	ck_assert_int_eq(nl_msg_errno(msg_start(&m, NLMSG_DONE, &err, 0)), 0);
	ck_assert_int_eq(nl_msg_errno(msg_start(&m, NLMSG_ERROR, &err, 0)),
			 -EBADMSG);
	err = 5;
	ck_assert_int_eq(nl_msg_errno(msg_start(&m, NLMSG_DONE, &err,
						sizeof(err))), -EBADMSG);
}
END_TEST

START_TEST(test_attrs)
{
	uint8_t buf[64];
	struct nl_attr tb[4];
	struct nlattr a;

	memset(buf, 0, sizeof(buf));
	a.nla_len = 4;			/* zero-length attribute, type 1 */
	a.nla_type = 1;
	memcpy(buf, &a, sizeof(a));
	a.nla_len = 8;			/* unknown type 99: skipped */
	a.nla_type = 99;
	memcpy(buf + 4, &a, sizeof(a));
	a.nla_len = 5;			/* type 2 | NLA_F_NESTED, 1 byte */
	a.nla_type = 2 | NLA_F_NESTED;
	memcpy(buf + 12, &a, sizeof(a));
	buf[16] = 7;
	ck_assert_int_eq(nl_attr_parse(buf, 20, tb, 3), 0);
	ck_assert_ptr_nonnull(tb[1].data);
	ck_assert_int_eq(tb[1].len, 0);
	ck_assert_int_eq(nl_attr_u8(&tb[2], 0), 7);
	ck_assert_ptr_null(tb[3].data);
	ck_assert_uint_eq(nl_attr_u32(&tb[2], 42), 42);	/* too short */
	a.nla_len = 40;			/* runs past the end */
	a.nla_type = 1;
	memcpy(buf + 12, &a, sizeof(a));
	ck_assert_int_eq(nl_attr_parse(buf, 20, tb, 3), -EBADMSG);
	a.nla_len = 2;			/* shorter than its header */
	memcpy(buf, &a, sizeof(a));
	ck_assert_int_eq(nl_attr_parse(buf, 20, tb, 3), -EBADMSG);
}
END_TEST

static struct inet_diag_msg inet_msg(void)
{
	struct inet_diag_msg r;

	memset(&r, 0, sizeof(r));
	r.idiag_family = AF_INET6;
	r.idiag_state = 10;
	r.id.idiag_sport = htons(443);
	r.id.idiag_src[3] = htonl(1);
	r.id.idiag_if = 1;
	r.idiag_rqueue = 3;
	r.idiag_wqueue = 128;
	r.idiag_inode = 4242;
	return r;
}

START_TEST(test_inet_decode)
{
	struct inet_diag_msg r = inet_msg();
	struct lsock_sock sk;
	uint8_t one = 1, proto = 58, junk[12] = { 0 };
	struct msg m;

	msg_start(&m, SOCK_DIAG_BY_FAMILY, &r, sizeof(r));
	msg_attr(&m, 99, junk, sizeof(junk));
	msg_attr(&m, LSOCK_INET_DIAG_SKV6ONLY, &one, 1);
	msg_attr(&m, LSOCK_INET_DIAG_PROTOCOL, &proto, 1);
	ck_assert_int_eq(nldiag_inet_decode((struct nlmsghdr *)m.buf,
					    IPPROTO_RAW, &sk, &nl_scratch), 0);
	ck_assert_int_eq(sk.family, AF_INET6);
	ck_assert_int_eq(sk.state, LSOCK_SS_LISTEN);
	ck_assert_int_eq(sk.lport, 443);
	ck_assert_int_eq(sk.local[15], 1);
	ck_assert_uint_eq(sk.iface, 1);
	ck_assert_int_eq(sk.rq, 3);
	ck_assert_int_eq(sk.wq, 128);
	ck_assert_uint_eq(sk.ino, 4242);
	ck_assert_int_eq(sk.protocol, 58);
	ck_assert(sk.flags & LSOCK_SKF_V6ONLY);
}
END_TEST

START_TEST(test_inet_short_header)
{
	struct inet_diag_msg r = inet_msg();
	struct lsock_sock sk;
	struct msg m;

	msg_start(&m, SOCK_DIAG_BY_FAMILY, &r, sizeof(r) - 8);
	ck_assert_int_eq(nldiag_inet_decode((struct nlmsghdr *)m.buf,
					    IPPROTO_TCP, &sk, &nl_scratch),
			 -EBADMSG);
}
END_TEST

/* tcp_info from kernels older (104 bytes) and newer (280) than the headers */
START_TEST(test_tcp_info_lengths)
{
	struct inet_diag_msg r = inet_msg();
	uint8_t big[280], small[104];
	struct tcp_info ti;
	struct nl_attr tb[LSOCK_INET_DIAG_MAX + 1];
	struct msg m;

	memset(big, 0xab, sizeof(big));
	memset(small, 0x11, sizeof(small));
	msg_start(&m, SOCK_DIAG_BY_FAMILY, &r, sizeof(r));
	msg_attr(&m, LSOCK_INET_DIAG_INFO, small, sizeof(small));
	ck_assert_int_eq(nl_msg_attrs((struct nlmsghdr *)m.buf, sizeof(r), tb,
				      LSOCK_INET_DIAG_MAX), 0);
	memset(&ti, 0xff, sizeof(ti));
	nl_attr_copy(&tb[LSOCK_INET_DIAG_INFO], &ti, sizeof(ti));
	ck_assert_uint_eq(ti.tcpi_total_retrans, 0x11111111);
	ck_assert_uint_eq(ti.tcpi_bytes_acked, 0);	/* zero-extended */
	msg_start(&m, SOCK_DIAG_BY_FAMILY, &r, sizeof(r));
	msg_attr(&m, LSOCK_INET_DIAG_INFO, big, sizeof(big));
	ck_assert_int_eq(nl_msg_attrs((struct nlmsghdr *)m.buf, sizeof(r), tb,
				      LSOCK_INET_DIAG_MAX), 0);
	ck_assert_int_eq(tb[LSOCK_INET_DIAG_INFO].len, 280);
	nl_attr_copy(&tb[LSOCK_INET_DIAG_INFO], &ti, sizeof(ti));
	ck_assert_uint_eq(ti.tcpi_bytes_acked, 0xababababababababULL);
}
END_TEST

START_TEST(test_unix_names)
{
	struct unix_diag_msg r;
	struct nldiag_scratch scratch;
	struct lsock_sock sk;
	uint32_t rql[2] = { 2, 5 }, peer = 77;
	struct msg m;

	memset(&r, 0, sizeof(r));
	r.udiag_family = AF_UNIX;
	r.udiag_type = SOCK_STREAM;
	r.udiag_state = 10;
	r.udiag_ino = 31;
	msg_start(&m, SOCK_DIAG_BY_FAMILY, &r, sizeof(r));
	msg_attr(&m, LSOCK_UNIX_DIAG_NAME, "\0ab\0c", 5);
	msg_attr(&m, LSOCK_UNIX_DIAG_RQLEN, rql, sizeof(rql));
	msg_attr(&m, LSOCK_UNIX_DIAG_PEER, &peer, sizeof(peer));
	ck_assert_int_eq(nldiag_unix_decode((struct nlmsghdr *)m.buf, &sk,
					    &scratch), 0);
	ck_assert_uint_eq(sk.name_len, 5);
	ck_assert_mem_eq(sk.name, "@ab@c", 5);
	ck_assert_int_eq(sk.rq, 2);
	ck_assert_int_eq(sk.wq, 5);
	ck_assert_uint_eq(sk.peer_ino, 77);
	msg_start(&m, SOCK_DIAG_BY_FAMILY, &r, sizeof(r));
	msg_attr(&m, LSOCK_UNIX_DIAG_NAME, "/run/x\0", 7);
	ck_assert_int_eq(nldiag_unix_decode((struct nlmsghdr *)m.buf, &sk,
					    &scratch), 0);
	ck_assert_uint_eq(sk.name_len, 6);
}
END_TEST

START_TEST(test_packet_needs_meminfo)
{
	struct packet_diag_msg r;
	struct lsock_sock sk;
	uint32_t mem[9] = { 832 }, ifindex = 3;
	struct msg m;

	memset(&r, 0, sizeof(r));
	r.pdiag_family = AF_PACKET;
	r.pdiag_type = SOCK_DGRAM;
	r.pdiag_num = 0x0800;
	msg_start(&m, SOCK_DIAG_BY_FAMILY, &r, sizeof(r));
	msg_attr(&m, LSOCK_PACKET_DIAG_INFO, &ifindex, sizeof(ifindex));
	ck_assert_int_eq(nldiag_packet_decode((struct nlmsghdr *)m.buf, &sk,
					      &nl_scratch),
			 -ENODATA);
	msg_attr(&m, LSOCK_PACKET_DIAG_MEMINFO, mem, sizeof(mem));
	ck_assert_int_eq(nldiag_packet_decode((struct nlmsghdr *)m.buf, &sk,
					      &nl_scratch),
			 0);
	ck_assert_int_eq(sk.rq, 832);
	ck_assert_uint_eq(sk.iface, 3);
	ck_assert_int_eq(sk.protocol, 0x0800);
}
END_TEST

static int count_msg(const struct nlmsghdr *nlh, void *arg)
{
	(void)nlh;
	(*(int *)arg)++;
	return 0;
}

START_TEST(test_replay_stream)
{
	struct inet_diag_msg r = inet_msg();
	uint8_t stream[512];
	int32_t err = -ENOENT;
	struct msg m;
	size_t n;
	int count = 0;

	msg_start(&m, SOCK_DIAG_BY_FAMILY, &r, sizeof(r));
	memcpy(stream, m.buf, m.len);
	n = m.len;
	ck_assert_int_eq(nl_stream_replay(stream, n, count_msg, &count),
			 -EBADMSG);	/* no DONE: the recording is cut */
	msg_start(&m, NLMSG_DONE, &err, sizeof(err));
	memcpy(stream + n, m.buf, m.len);
	count = 0;
	ck_assert_int_eq(nl_stream_replay(stream, n + m.len, count_msg,
					  &count), -ENOENT);
	ck_assert_int_eq(count, 1);
}
END_TEST

/* What a stash gave back: each message's seq and length, and its bytes. */
struct seen {
	uint32_t seq[16];
	uint32_t len[16];
	int n;
	int stop_at;		/* return 1 at this message (or -1: never) */
};

static int seen_msg(const struct nlmsghdr *nlh, void *arg)
{
	struct seen *w = arg;
	const uint8_t *body = NLMSG_DATA(nlh);
	size_t i;

	ck_assert_int_lt(w->n, 16);
	for (i = 0; i < nlh->nlmsg_len - NLMSG_HDRLEN; i++)
		ck_assert_uint_eq(body[i], (uint8_t)(nlh->nlmsg_seq + i));
	w->seq[w->n] = nlh->nlmsg_seq;
	w->len[w->n] = nlh->nlmsg_len;
	return w->n++ == w->stop_at;
}

/* A message of blen body bytes (seq, seq + 1, ...), its seq seq. */
static const struct nlmsghdr *stash_msg(struct msg *m, uint32_t seq,
					size_t blen)
{
	uint8_t body[64];
	struct nlmsghdr *nlh;
	size_t i;

	for (i = 0; i < blen; i++)
		body[i] = (uint8_t)(seq + i);
	nlh = msg_start(m, SOCK_DIAG_BY_FAMILY, body, blen);
	nlh->nlmsg_seq = seq;
	return nlh;
}

/* Messages of odd lengths come back whole, in order, from aligned slots. */
START_TEST(test_stash_order)
{
	static const size_t blen[] = { 5, 0, 13, 64, 1 };
	struct seen w = { .stop_at = -1 };
	struct nl_stash st;
	struct msg m;
	size_t i;

	nl_stash_init(&st, 4096);
	for (i = 0; i < 5; i++)
		nl_stash_put(&st, stash_msg(&m, (uint32_t)(100 + i), blen[i]));
	ck_assert(!st.overflow);
	ck_assert_int_eq(nl_stash_each(&st, seen_msg, &w), 0);
	ck_assert_int_eq(w.n, 5);
	for (i = 0; i < 5; i++) {
		ck_assert_uint_eq(w.seq[i], 100 + i);
		ck_assert_uint_eq(w.len[i], NLMSG_LENGTH(blen[i]));
	}
	w.n = 0;
	w.stop_at = 2;
	ck_assert_int_eq(nl_stash_each(&st, seen_msg, &w), 1);
	ck_assert_int_eq(w.n, 3);
	nl_stash_free(&st);
}
END_TEST

/* Past max bytes the stash drops all it held and takes nothing more. */
START_TEST(test_stash_overflow)
{
	struct seen w = { .stop_at = -1 };
	struct nl_stash st;
	struct msg m;

	nl_stash_init(&st, 3 * NLMSG_LENGTH(8));
	nl_stash_put(&st, stash_msg(&m, 1, 8));
	nl_stash_put(&st, stash_msg(&m, 2, 8));
	nl_stash_put(&st, stash_msg(&m, 3, 8));
	ck_assert(!st.overflow);
	nl_stash_put(&st, stash_msg(&m, 4, 1));
	ck_assert(st.overflow);
	ck_assert_uint_eq(st.len, 0);
	nl_stash_put(&st, stash_msg(&m, 5, 0));
	ck_assert_int_eq(nl_stash_each(&st, seen_msg, &w), 0);
	ck_assert_int_eq(w.n, 0);
	nl_stash_reset(&st);
	ck_assert(!st.overflow);
	nl_stash_put(&st, stash_msg(&m, 6, 2));
	ck_assert_int_eq(nl_stash_each(&st, seen_msg, &w), 0);
	ck_assert_int_eq(w.n, 1);
	ck_assert_uint_eq(w.seq[0], 6);
	nl_stash_free(&st);
}
END_TEST

static Suite *nl_suite(void)
{
	Suite *s = suite_create("nl");
	TCase *tw = tcase_create("walk");
	TCase *td = tcase_create("decode");

	tcase_add_test(tw, test_iter_two_messages);
	tcase_add_test(tw, test_iter_truncated);
	tcase_add_test(tw, test_error_and_done);
	tcase_add_test(tw, test_attrs);
	tcase_add_test(tw, test_replay_stream);
	tcase_add_test(tw, test_stash_order);
	tcase_add_test(tw, test_stash_overflow);
	tcase_add_test(td, test_inet_decode);
	tcase_add_test(td, test_inet_short_header);
	tcase_add_test(td, test_tcp_info_lengths);
	tcase_add_test(td, test_unix_names);
	tcase_add_test(td, test_packet_needs_meminfo);
	suite_add_tcase(s, tw);
	suite_add_tcase(s, td);
	return s;
}

int main(void)
{
	return check_run(nl_suite());
}
