/* SPDX-License-Identifier: GPL-2.0-or-later */
/* netstat -i: the interface order, /proc/net/dev and if_inet6 lines. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "netstat-iface.h"
#include "check-run.h"

/* Pairs and the sign net-tools 2.10's nstrcmp() gives them. */
static const struct { const char *a, *b; int sign; } order[] = {
	{ "eth1", "eth1", 0 }, { "eth0:1", "eth0:1", 0 }, { "", "", 0 },
	{ "a:", "a:", 0 }, { "a", "aa", -1 }, { "eth0", "eth1", -1 },
	{ "eth1", "eth20", -1 }, { "eth20", "eth100", -1 },
	{ "eth", "eth2", -1 }, { "eth0:1", "eth0:2", -1 },
	{ "eth1:10", "eth13:10", -1 }, { "eth1:1", "eth1:13", -1 },
	{ "a", "a:", -1 }, { "eth2:10", "eth2:1", 1 },
	{ "eth13:1", "eth1:0", 1 }, { "a1b12", "a1b2", 1 },
	{ "eth1", "eth01", 1 }, { "eth01", "eth1", -1 },
	{ "eth1:01", "eth01:1", 1 }, { "lsnDown", "lsnDown2", -1 },
	{ "x10", "x1", 1 }, { "a1", "ab", -1 }, { "veth0", "veth0:1", -1 },
};

START_TEST(test_nstrcmp)
{
	int r = netstat_ifdev_nstrcmp(order[_i].a, order[_i].b);

	ck_assert_msg((r > 0) - (r < 0) == order[_i].sign, "%s %s: %d",
		      order[_i].a, order[_i].b, r);
}
END_TEST

START_TEST(test_list_order)
{
	static const char *const in[] = {
		"lo", "veth1", "veth0", "eth10", "eth9", "br0", "veth0:1",
		"veth0", "lo", "lsnDown2", "lsnDown", "eth1", "eth01",
	};
	static const char *const want[] = {
		"br0", "eth01", "eth1", "eth9", "eth10", "lo", "lsnDown",
		"lsnDown2", "veth0", "veth0:1", "veth1",
	};
	struct netstat_iflist l = { NULL, 0, 0 };
	size_t i;

	for (i = 0; i < sizeof(in) / sizeof(in[0]); i++)
		netstat_ifdev_add(&l, in[i]);
	ck_assert_uint_eq(l.n, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < l.n; i++)
		ck_assert_str_eq(l.v[i].name, want[i]);
	netstat_ifdev_free(&l);
}
END_TEST

static const char dev_hdr2[] =
	" face |bytes    packets errs drop fifo frame compressed multicast|"
	"bytes    packets errs drop fifo colls carrier compressed\n";

START_TEST(test_dev_lines)
{
	struct netstat_ifstats st;
	char name[16];
	const char *l = "  eth0:1876543210 2611042    1    2    3     4          "
			"5       133 401234567 1802211    6    7    8     9      10"
			"          11\n";

	ck_assert_int_eq(netstat_ifdev_version(dev_hdr2, strlen(dev_hdr2)), 3);
	ck_assert_int_eq(netstat_ifdev_version("bytes packets", 13), 2);
	ck_assert_int_eq(netstat_ifdev_version("packets errs", 12), 1);
	memset(&st, 0, sizeof(st));
	netstat_ifdev_line(3, l, strlen(l), name, &st);
	ck_assert_str_eq(name, "eth0");
	ck_assert(st.rx_bytes == 1876543210ull && st.rx_packets == 2611042);
	ck_assert(st.rx_errors == 1 && st.rx_fifo == 3 && st.rx_frame == 4);
	ck_assert(st.rx_multicast == 133 && st.tx_packets == 1802211);
	ck_assert(st.collisions == 9 && st.tx_carrier == 10);
	ck_assert(st.tx_compressed == 11);
}
END_TEST

START_TEST(test_dev_alias_short_old)
{
	struct netstat_ifstats st;
	char name[16];

	memset(&st, 0, sizeof(st));
	netstat_ifdev_line(3, "eth0:1: 5 6\n", 12, name, &st);
	ck_assert_str_eq(name, "eth0:1");
	ck_assert(st.rx_bytes == 5 && st.rx_packets == 6);
	/* a short line leaves the fields it lacks */
	st.tx_bytes = 77;
	netstat_ifdev_line(3, "lo: 1 2 3\n", 10, name, &st);
	ck_assert_str_eq(name, "lo");
	ck_assert(st.rx_errors == 3 && st.tx_bytes == 77);
	/* Linux 2.0's format: packets only */
	memset(&st, 0, sizeof(st));
	netstat_ifdev_line(1, "  sl0: 10 1 2 3 4 20 5 6 7 8 9\n", 31, name, &st);
	ck_assert_str_eq(name, "sl0");
	ck_assert(st.rx_packets == 10 && st.tx_packets == 20 &&
		  st.tx_carrier == 9 && st.rx_bytes == 0);
	/* "eth0:x" is no alias: the name ends at the colon */
	netstat_ifdev_line(3, "eth0:x 1\n", 9, name, &st);
	ck_assert_str_eq(name, "eth0");
}
END_TEST

START_TEST(test_if_inet6)
{
	const char *t = "fe80000000000000403754fffe396477 03 40 20 c0       va\n"
			"00000000000000000000000000000001 01 80 10 80       lo\n";
	struct netstat_scan s;
	struct netstat_if6 e;

	memset(&e, 0, sizeof(e));
	netstat_scan_init(&s, t, strlen(t));
	ck_assert_int_eq(netstat_ifdev_inet6(&s, &e), 13);
	ck_assert_str_eq(e.groups[0], "fe80");
	ck_assert_str_eq(e.groups[7], "6477");
	ck_assert_uint_eq(e.index, 3);
	ck_assert_uint_eq(e.plen, 0x40);
	ck_assert_uint_eq(e.scope, 0x20);
	ck_assert_str_eq(e.dev, "va");
	ck_assert_int_eq(netstat_ifdev_inet6(&s, &e), 13);
	ck_assert_str_eq(e.dev, "lo");
	ck_assert_int_eq(netstat_ifdev_inet6(&s, &e), -1);
	/* a record cut short: what is missing keeps the last values */
	netstat_scan_init(&s, "20010db8 zz", 11);
	ck_assert_int_eq(netstat_ifdev_inet6(&s, &e), 3);
	ck_assert_str_eq(e.dev, "lo");
}
END_TEST

static Suite *iface_suite(void)
{
	Suite *s = suite_create("netstat-iface");
	TCase *tc = tcase_create("ifdev");

	tcase_add_loop_test(tc, test_nstrcmp, 0,
			    sizeof(order) / sizeof(order[0]));
	tcase_add_test(tc, test_list_order);
	tcase_add_test(tc, test_dev_lines);
	tcase_add_test(tc, test_dev_alias_short_old);
	tcase_add_test(tc, test_if_inet6);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(iface_suite());
}
