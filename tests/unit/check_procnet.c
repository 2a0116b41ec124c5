/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The /proc/net line parsers, on real, old-kernel and malformed lines. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "procnet-parse.h"
#include "check-run.h"

static int parse_inet(const char *line, int family, int tcp,
		      struct lsock_sock *sk)
{
	return procnet_parse_inet_line(line, strlen(line), family, tcp, sk);
}

START_TEST(test_tcp_listener)
{
	struct lsock_sock sk;
	const char *l = "   0: 0100007F:15B3 00000000:0000 0A 00000000:00000000 "
			"00:00000000 00000000     0        0 990765 1 "
			"00000000d8ee0ca5 100 0 0 10 0                   ";
	uint8_t lo[4] = { 127, 0, 0, 1 };

	ck_assert_int_eq(parse_inet(l, AF_INET, 1, &sk), 0);
	ck_assert_int_eq(sk.state, LSOCK_SS_LISTEN);
	ck_assert_mem_eq(sk.local, lo, 4);
	ck_assert_int_eq(sk.lport, 5555);
	ck_assert_int_eq(sk.rport, 0);
	ck_assert_uint_eq(sk.ino, 990765);
	ck_assert_int_eq(sk.refcnt, 1);
	ck_assert_int_eq(sk.rto, 100);
	ck_assert_int_eq(sk.cwnd, 10);
}
END_TEST

START_TEST(test_tcp_established_queues)
{
	struct lsock_sock sk;
	const char *l = "   2: 0100007F:15B3 0100007F:AF18 01 0000000A:000003E8 "
			"01:0000001F 00000002  1000        0 990767 1 "
			"000000005f6613a1 20 4 32 10 -1";

	ck_assert_int_eq(parse_inet(l, AF_INET, 1, &sk), 0);
	ck_assert_int_eq(sk.state, LSOCK_SS_ESTABLISHED);
	ck_assert_int_eq(sk.rq, 1000);
	ck_assert_int_eq(sk.wq, 10);
	ck_assert_int_eq(sk.rport, 0xAF18);
	ck_assert_uint_eq(sk.timer, 1);
	ck_assert_uint_eq(sk.timeout, 0x1f);
	ck_assert_uint_eq(sk.retrans, 2);
	ck_assert_uint_eq(sk.uid, 1000);
	ck_assert_int_eq(sk.ssthresh, -1);
	ck_assert_uint_eq(sk.sk, 0x5f6613a1);
}
END_TEST

START_TEST(test_tcp_timewait_short)
{
	struct lsock_sock sk;
	const char *l = "   1: 0100007F:C0F8 0100007F:15E0 06 00000000:00000000 "
			"03:0000175B 00000000     0        0 0 3 000000008bd8dbbc";

	ck_assert_int_eq(parse_inet(l, AF_INET, 1, &sk), 0);
	ck_assert_int_eq(sk.state, LSOCK_SS_TIME_WAIT);
	ck_assert_uint_eq(sk.ino, 0);
	/* like ss, a short line gets cwnd 2 and no ssthresh */
	ck_assert_int_eq(sk.cwnd, 2);
	ck_assert_int_eq(sk.ssthresh, -1);
}
END_TEST

START_TEST(test_tcp_overdue_timer_old_kernel)
{
	struct lsock_sock sk;
	const char *l = "   3: 0100007F:0016 0100007F:C350 01 00000000:00000000 "
			"01:FFFFFFFFFFFFFE6B 00000003     0        0 4242 1 "
			"ffff81003b8c4080 300 40 2 3 -1";

	ck_assert_int_eq(parse_inet(l, AF_INET, 1, &sk), 0);
	ck_assert_uint_eq(sk.timeout, 0xfffffe6bu);
	ck_assert_uint_eq(sk.sk, 0xffff81003b8c4080ULL);
}
END_TEST

START_TEST(test_tcp6_mapped)
{
	struct lsock_sock sk;
	const char *l = "   0: 0000000000000000FFFF00000100007F:01BB "
			"0000000000000000FFFF00000100007F:BF7C 01 "
			"00000000:00000000 00:00000000 00000000     0        0 "
			"77 1 0000000000000000 20 4 30 10 -1";
	uint8_t want[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff,
			     127, 0, 0, 1 };

	ck_assert_int_eq(parse_inet(l, AF_INET6, 1, &sk), 0);
	ck_assert_int_eq(sk.family, AF_INET6);
	ck_assert_mem_eq(sk.local, want, 16);
	ck_assert_int_eq(sk.lport, 443);
}
END_TEST

START_TEST(test_udp_old_without_drops)
{
	struct lsock_sock sk;
	const char *l = "  7: 00000000:0035 00000000:0000 07 00000000:00000000 "
			"00:00000000 00000000     0        0 5151";

	ck_assert_int_eq(parse_inet(l, AF_INET, 0, &sk), 0);
	ck_assert_int_eq(sk.state, LSOCK_SS_CLOSE);
	ck_assert_int_eq(sk.lport, 53);
	ck_assert_uint_eq(sk.ino, 5151);
	ck_assert_ptr_null(sk.opt);
}
END_TEST

START_TEST(test_udp_drops_are_opt)
{
	struct lsock_sock sk;
	const char *l = " 5445: 00000000:0035 00000000:0000 07 00000000:00000340 "
			"00:00000000 00000000     0        0 9 2 "
			"0000000012345678 0";

	ck_assert_int_eq(parse_inet(l, AF_INET, 0, &sk), 0);
	ck_assert_int_eq(sk.rq, 832);
	ck_assert_uint_eq(sk.opt_len, 1);
	ck_assert_int_eq(sk.opt[0], '0');
}
END_TEST

static const char *const bad_inet[] = {
	"",
	"   0:",
	"garbage garbage garbage",
	"   0: 0100007F:15B3 00000000:0000 0A",
	"   0: 0100007Z:15B3 00000000:0000 0A 00000000:00000000 00:00000000 "
	"00000000 0 0 1",
	"   0: 0100007F15B3 00000000:0000 0A 00000000:00000000 00:00000000 "
	"00000000 0 0 1",
	"   0: 0100007F:15B3 00000000:0000 0A 0000000000000000 00:00000000 "
	"00000000 0 0 1",
	"   0: 0100007F:1FFFF 00000000:0000 0A 00000000:00000000 00:00000000 "
	"00000000 0 0 1",
	"   0: 0100007F:15B3 00000000:0000 0A 00000000:00000000 00:00000000 "
	"00000000 x 0 1",
	"   0: 0100007F:15B3 00000000:0000 0A 00000000:00000000 00:00000000 "
	"00000000 0 0 -5",
	"   0  0100007F:15B3 00000000:0000 0A 00000000:00000000 00:00000000 "
	"00000000 0 0 1",
	"   0: 0100007F:15B3 00000000:0000 0A 00000000:00000000 00:00000000 "
	"00000000 0 0 1 1 nothex",
};

START_TEST(test_inet_malformed)
{
	struct lsock_sock sk;

	ck_assert_int_eq(parse_inet(bad_inet[_i], AF_INET, 1, &sk), -EINVAL);
}
END_TEST

START_TEST(test_inet6_rejects_v4_width)
{
	struct lsock_sock sk;
	const char *l = "   0: 0100007F:15B3 00000000:0000 0A 00000000:00000000 "
			"00:00000000 00000000 0 0 1";

	ck_assert_int_eq(parse_inet(l, AF_INET6, 1, &sk), -EINVAL);
}
END_TEST

static int parse_unix(const char *line, size_t len, struct lsock_sock *sk)
{
	return procnet_parse_unix_line(line, len, sk);
}

START_TEST(test_unix_listener_path)
{
	struct lsock_sock sk;
	const char *l = "0000000081234567: 00000002 00000000 00010000 0001 01 "
			"23869 /tmp/x/stream.sock";

	ck_assert_int_eq(parse_unix(l, strlen(l), &sk), 0);
	ck_assert_int_eq(sk.state, LSOCK_SS_LISTEN);
	ck_assert_int_eq(sk.type, SOCK_STREAM);
	ck_assert_uint_eq(sk.ino, 23869);
	ck_assert_uint_eq(sk.name_len, strlen("/tmp/x/stream.sock"));
	ck_assert_mem_eq(sk.name, "/tmp/x/stream.sock", sk.name_len);
}
END_TEST

START_TEST(test_unix_path_with_spaces)
{
	struct lsock_sock sk;
	const char *l = "0000000000000000: 00000002 00000000 00000000 0002 01 "
			"  812 /tmp/a dir/with space ";

	ck_assert_int_eq(parse_unix(l, strlen(l), &sk), 0);
	ck_assert_int_eq(sk.state, LSOCK_SS_CLOSE);
	ck_assert_uint_eq(sk.name_len, strlen("/tmp/a dir/with space "));
}
END_TEST

START_TEST(test_unix_unnamed_and_states)
{
	struct lsock_sock sk;
	const char *conn = "000000001ae911c6: 00000003 00000000 00000000 0001 03 "
			   "991798";
	const char *dgram = "000000001ae911c7: 00000002 00000000 00000000 0002 03 "
			    "991799 @abstract@with-nul";
	const char *embryo = "000000001ae911c8: 00000002 00000000 00000000 0001 02 "
			     "0 /tmp/s";

	ck_assert_int_eq(parse_unix(conn, strlen(conn), &sk), 0);
	ck_assert_ptr_null(sk.name);
	ck_assert_int_eq(sk.state, LSOCK_SS_ESTABLISHED);
	ck_assert_int_eq(parse_unix(dgram, strlen(dgram), &sk), 0);
	ck_assert_int_eq(sk.state, LSOCK_SS_ESTABLISHED);
	ck_assert_int_eq(sk.type, SOCK_DGRAM);
	ck_assert_int_eq(parse_unix(embryo, strlen(embryo), &sk), 0);
	ck_assert_int_eq(sk.state, LSOCK_SS_SYN_SENT);
	ck_assert_uint_eq(sk.ino, 0);
}
END_TEST

START_TEST(test_unix_old_nul_bytes)
{
	static const char l[] = "ffff810037a4d3c0: 00000002 00000000 00000000 "
				"0001 01 4711 @lxc/x\0\0\0";
	struct lsock_sock sk;

	ck_assert_int_eq(parse_unix(l, sizeof(l) - 1, &sk), 0);
	ck_assert_uint_eq(sk.name_len, 6);
	ck_assert_mem_eq(sk.name, "@lxc/x", 6);
}
END_TEST

static const char *const bad_unix[] = {
	"0000000081234567: 00000002 00000000 00010000 0001 01",
	"0000000081234567 00000002 00000000 00010000 0001 01 5",
	"zz: 00000002 00000000 00010000 0001 01 5",
	"0000000081234567: 00000002 00000000 00010000 0001 01 -5",
	"0000000081234567: 00000002 00000000 00010000 000G 01 5",
};

START_TEST(test_unix_malformed)
{
	struct lsock_sock sk;

	ck_assert_int_eq(parse_unix(bad_unix[_i], strlen(bad_unix[_i]), &sk),
			 -EINVAL);
}
END_TEST

START_TEST(test_packet_lines)
{
	struct lsock_sock sk;
	const char *now = "ffff9f0c8a3c6000 3      3    0003   0     1 0      0 "
			  "     23980 ";
	const char *old = "ffff81003c7e8800 3      2    0800   1     1 0      0";

	ck_assert_int_eq(procnet_parse_packet_line(now, strlen(now), &sk), 0);
	ck_assert_int_eq(sk.type, SOCK_RAW);
	ck_assert_int_eq(sk.protocol, 3);
	ck_assert_uint_eq(sk.iface, 0);
	ck_assert_uint_eq(sk.ino, 23980);
	ck_assert_int_eq(procnet_parse_packet_line(old, strlen(old), &sk), 0);
	ck_assert_int_eq(sk.protocol, 0x800);
	ck_assert_uint_eq(sk.iface, 1);
	ck_assert_int_eq(procnet_parse_packet_line("ffff 3 3", 8, &sk),
			 -EINVAL);
}
END_TEST

START_TEST(test_netlink_lines)
{
	struct lsock_sock sk;
	const char *now = "ffff9f0c8a3c7000 0   4294967295 00000000 0        0 "
			  "       0     2        0        23975   ";
	const char *old = "ffff81003fa94000 15  0          00000001 0        0 "
			  "       ffff81003e2a1c00 2";

	ck_assert_int_eq(procnet_parse_netlink_line(now, strlen(now), &sk), 0);
	ck_assert_int_eq(sk.lport, -1);
	ck_assert_uint_eq(sk.ino, 23975);
	ck_assert_int_eq(procnet_parse_netlink_line(old, strlen(old), &sk), 0);
	ck_assert_int_eq(sk.protocol, 15);
	ck_assert_uint_eq(sk.groups, 1);
	ck_assert_uint_eq(sk.cb, 0xffff81003e2a1c00ULL);
	ck_assert_uint_eq(sk.ino, 0);
	ck_assert_int_eq(procnet_parse_netlink_line("x y z", 5, &sk), -EINVAL);
}
END_TEST

static Suite *procnet_suite(void)
{
	Suite *s = suite_create("procnet");
	TCase *tc = tcase_create("inet");
	TCase *tu = tcase_create("unix");
	TCase *to = tcase_create("other");

	tcase_add_test(tc, test_tcp_listener);
	tcase_add_test(tc, test_tcp_established_queues);
	tcase_add_test(tc, test_tcp_timewait_short);
	tcase_add_test(tc, test_tcp_overdue_timer_old_kernel);
	tcase_add_test(tc, test_tcp6_mapped);
	tcase_add_test(tc, test_udp_old_without_drops);
	tcase_add_test(tc, test_udp_drops_are_opt);
	tcase_add_loop_test(tc, test_inet_malformed, 0,
			    sizeof(bad_inet) / sizeof(bad_inet[0]));
	tcase_add_test(tc, test_inet6_rejects_v4_width);
	tcase_add_test(tu, test_unix_listener_path);
	tcase_add_test(tu, test_unix_path_with_spaces);
	tcase_add_test(tu, test_unix_unnamed_and_states);
	tcase_add_test(tu, test_unix_old_nul_bytes);
	tcase_add_loop_test(tu, test_unix_malformed, 0,
			    sizeof(bad_unix) / sizeof(bad_unix[0]));
	tcase_add_test(to, test_packet_lines);
	tcase_add_test(to, test_netlink_lines);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, tu);
	suite_add_tcase(s, to);
	return s;
}

int main(void)
{
	return check_run(procnet_suite());
}
