/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The /proc backend on small trees written by the test itself. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backend.h"
#include "check-run.h"

static char root[64];
static int warnings;
static unsigned long warned_line[16];

struct seen {
	int n;
	uint64_t ino[64];
	int state[64];
	uint16_t type[64];
};

static void put_file(const char *name, const char *text)
{
	char rel[128];

	snprintf(rel, sizeof(rel), "net/%s", name);
	check_write_file(root, rel, text);
}

static void warn_cb(void *arg, const char *path, unsigned long line,
		    const char *what)
{
	(void)arg;
	(void)path;
	(void)what;
	if (warnings < 16)
		warned_line[warnings] = line;
	warnings++;
}

static int collect(const struct lsock_sock *sk, void *arg)
{
	struct seen *s = arg;

	if (s->n < 64) {
		s->ino[s->n] = sk->ino;
		s->state[s->n] = sk->state;
		s->type[s->n] = sk->type;
	}
	s->n++;
	return 0;
}

static int dump(enum lsock_table t, uint64_t fams, uint32_t states,
		unsigned int flags, struct seen *s)
{
	struct lsock_source src = { .proc_root = root, .warn = warn_cb };
	struct lsock_request req = {
		.table = t, .dbs = ~0u, .families = fams, .states = states,
		.flags = flags,
	};

	memset(s, 0, sizeof(*s));
	return procfs_backend_ops.dump(&src, &req, collect, s);
}

static void setup(void)
{
	char net[80];

	snprintf(root, sizeof(root), "/tmp/check_procfs.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(root));
	snprintf(net, sizeof(net), "%s/net", root);
	ck_assert_int_eq(mkdir(net, 0700), 0);
	warnings = 0;
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	ck_assert_int_eq(system(cmd), 0);
}

#define TCP_HDR "  sl  local_address rem_address   st tx_queue rx_queue tr " \
		"tm->when retrnsmt   uid  timeout inode\n"
#define TCP_LINE(st, ino) "   0: 0100007F:0016 00000000:0000 " st \
		" 00000000:00000000 00:00000000 00000000     0        0 " ino \
		" 1 0000000000000000 100 0 0 10 0\n"

#define FAM_BOTH (LSOCK_FAM(AF_INET) | LSOCK_FAM(AF_INET6))

START_TEST(test_missing_v6_is_fine)
{
	struct seen s;

	put_file("tcp", TCP_HDR TCP_LINE("0A", "11") TCP_LINE("01", "12"));
	ck_assert_int_eq(dump(LSOCK_T_TCP, FAM_BOTH, LSOCK_SS_ALL, 0, &s), 0);
	ck_assert_int_eq(s.n, 2);
	ck_assert_int_eq(warnings, 0);
}
END_TEST

START_TEST(test_missing_v4_ends_table)
{
	struct seen s;

	put_file("tcp6", "hdr\n");
	ck_assert_int_eq(dump(LSOCK_T_TCP, FAM_BOTH, LSOCK_SS_ALL, 0, &s),
			 -ENOENT);
	ck_assert_int_eq(s.n, 0);
}
END_TEST

START_TEST(test_states_filtered)
{
	struct seen s;

	put_file("tcp", TCP_HDR TCP_LINE("0A", "11") TCP_LINE("01", "12"));
	ck_assert_int_eq(dump(LSOCK_T_TCP, LSOCK_FAM(AF_INET),
			      LSOCK_SSM(LSOCK_SS_LISTEN), 0, &s), 0);
	ck_assert_int_eq(s.n, 1);
	ck_assert_uint_eq(s.ino[0], 11);
}
END_TEST

START_TEST(test_malformed_lines_skipped_with_warning)
{
	struct seen s;

	put_file("tcp", TCP_HDR TCP_LINE("0A", "11")
		 "   1: garbage\n"
		 TCP_LINE("01", "12")
		 "   3: 0100007F:0016 00000000:0000 01 00000000:0000");
	ck_assert_int_eq(dump(LSOCK_T_TCP, LSOCK_FAM(AF_INET), LSOCK_SS_ALL,
			      0, &s), 0);
	ck_assert_int_eq(s.n, 2);
	ck_assert_int_eq(warnings, 2);
	ck_assert_uint_eq(warned_line[0], 3);
	ck_assert_uint_eq(warned_line[1], 5);
}
END_TEST

START_TEST(test_duplicate_inodes_dropped)
{
	struct seen s;

	put_file("tcp", TCP_HDR TCP_LINE("01", "12") TCP_LINE("01", "12")
		 TCP_LINE("06", "0") TCP_LINE("06", "0"));
	ck_assert_int_eq(dump(LSOCK_T_TCP, LSOCK_FAM(AF_INET), LSOCK_SS_ALL,
			      0, &s), 0);
	ck_assert_int_eq(s.n, 3);
	ck_assert_int_eq(warnings, 0);
}
END_TEST

START_TEST(test_empty_file)
{
	struct seen s;

	put_file("udp", "");
	ck_assert_int_eq(dump(LSOCK_T_UDP, FAM_BOTH, LSOCK_SS_ALL, 0, &s), 0);
	ck_assert_int_eq(s.n, 0);
	ck_assert_int_eq(warnings, 0);
}
END_TEST

#define UNIX_HDR "Num       RefCount Protocol Flags    Type St Inode Path\n"

START_TEST(test_unix_ss_order)
{
	struct seen s;

	put_file("unix", UNIX_HDR
		 "0000000000000001: 00000002 00000000 00000000 0002 01 30\n"
		 "0000000000000002: 00000002 00000000 00010000 0001 01 20 /a\n"
		 "0000000000000003: 00000002 00000000 00000000 0005 03 10\n"
		 "0000000000000004: 00000003 00000000 00000000 0001 03 15\n");
	ck_assert_int_eq(dump(LSOCK_T_UNIX, LSOCK_FAM(AF_UNIX), LSOCK_SS_ALL,
			      LSOCK_REQ_SS_UNIX_ORDER, &s), 0);
	ck_assert_int_eq(s.n, 4);
	ck_assert_uint_eq(s.ino[0], 15);
	ck_assert_uint_eq(s.ino[1], 20);
	ck_assert_int_eq(s.state[1], LSOCK_SS_LISTEN);
	ck_assert_uint_eq(s.ino[2], 30);
	/* not ss's ESTAB: an unconnected datagram socket is UNCONN */
	ck_assert_int_eq(s.state[2], LSOCK_SS_CLOSE);
	ck_assert_uint_eq(s.ino[3], 10);
	ck_assert_int_eq(dump(LSOCK_T_UNIX, LSOCK_FAM(AF_UNIX), LSOCK_SS_ALL,
			      0, &s), 0);
	ck_assert_uint_eq(s.ino[0], 30);
}
END_TEST

START_TEST(test_packet_and_netlink_need_unconn)
{
	struct seen s;

	put_file("packet", "sk RefCnt Type Proto Iface R Rmem User Inode\n"
		 "ffff000000000001 3 3 0003 0 1 0 0 100\n"
		 "ffff000000000002 3 2 0800 1 1 0 0 101\n");
	ck_assert_int_eq(dump(LSOCK_T_PACKET, LSOCK_FAM(AF_PACKET),
			      LSOCK_SSM(LSOCK_SS_ESTABLISHED), 0, &s), 0);
	ck_assert_int_eq(s.n, 0);
	ck_assert_int_eq(dump(LSOCK_T_PACKET, LSOCK_FAM(AF_PACKET),
			      LSOCK_SS_ALL, 0, &s), 0);
	ck_assert_int_eq(s.n, 2);
}
END_TEST

static Suite *procfs_suite(void)
{
	Suite *s = suite_create("procfs");
	TCase *tc = tcase_create("tables");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_missing_v6_is_fine);
	tcase_add_test(tc, test_missing_v4_ends_table);
	tcase_add_test(tc, test_states_filtered);
	tcase_add_test(tc, test_malformed_lines_skipped_with_warning);
	tcase_add_test(tc, test_duplicate_inodes_dropped);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_unix_ss_order);
	tcase_add_test(tc, test_packet_and_netlink_need_unconn);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(procfs_suite());
}
