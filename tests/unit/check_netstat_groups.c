/* SPDX-License-Identifier: GPL-2.0-or-later */
/* netstat -g: /proc/net/igmp and igmp6 lines, and the state kept between. */
#include "config.h"

#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "netstat-groups.h"
#include "check-run.h"

static int line(struct netstat_groups_carry *c, unsigned int lnr,
		const char *l, struct netstat_group *g)
{
	return netstat_groups_line(c, lnr, l, strlen(l), g);
}

static const char igmp_hdr[] =
	"Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n";

START_TEST(test_igmp_lines)
{
	struct netstat_groups_carry c = { 0 };
	struct netstat_group g;
	unsigned char all[4] = { 224, 0, 0, 1 };

	ck_assert_int_eq(line(&c, 0, igmp_hdr, &g), 0);
	ck_assert(c.idx && !c.v6);
	ck_assert_int_eq(line(&c, 1, "2\teth0      :     1      V3\n", &g), 0);
	ck_assert_str_eq(c.device, "eth0      ");
	ck_assert_int_eq(line(&c, 2, "\t\t\t\t010000E0     3 0:00000000\t\t0\n",
			      &g), 1);
	ck_assert_int_eq(g.family, AF_INET);
	ck_assert_int_eq(memcmp(g.addr, all, 4), 0);
	ck_assert_int_eq(g.refcnt, 3);
	ck_assert_str_eq(g.device, "eth0      ");
	/* 15 bytes, cut at ':' */
	ck_assert_int_eq(line(&c, 3, "3\ta-long-ifname15:     1\n", &g), 0);
	ck_assert_str_eq(c.device, "a-long-ifname15");
	ck_assert_int_eq(line(&c, 4, "4\tten4567890: 1 V3\n", &g), 0);
	ck_assert_str_eq(c.device, "ten4567890");
	/* %15c adds no NUL: a short name keeps the old one's tail */
	ck_assert_int_eq(line(&c, 5, "5\tx\n", &g), 0);
	ck_assert_str_eq(c.device, "x\nn4567890");
}
END_TEST

START_TEST(test_igmp_bogus)
{
	struct netstat_groups_carry c = { 0 };
	struct netstat_group g;

	line(&c, 0, igmp_hdr, &g);
	ck_assert_int_eq(line(&c, 1, "\n", &g), -EINVAL);
	ck_assert_int_eq(line(&c, 2, "x\tlo :\n", &g), -EINVAL);
	ck_assert_int_eq(line(&c, 3, "\t\t\t\tZZ\n", &g), -EINVAL);
	ck_assert_int_eq(line(&c, 4, "\t\t\t\t010000E0\n", &g), -EINVAL);
	ck_assert(!c.v6);
	/* Linux 2.0's igmp: no index column */
	memset(&c, 0, sizeof(c));
	ck_assert_int_eq(line(&c, 0, "Device    : Count\n", &g), 0);
	ck_assert(!c.idx);
	ck_assert_int_eq(line(&c, 1, "eth0      : 1\n", &g), 0);
	ck_assert_str_eq(c.device, "eth0      ");
}
END_TEST

START_TEST(test_igmp6_lines)
{
	struct netstat_groups_carry c = { 0 };
	struct netstat_group g;
	struct in6_addr a;

	ck_assert_int_eq(line(&c, 0, "2    eth0            "
			      "ff0200000000000000000001ff000020     2 00000004 0\n",
			      &g), 1);
	ck_assert(c.v6);
	inet_pton(AF_INET6, "ff02::1:ff00:20", &a);
	ck_assert_int_eq(g.family, AF_INET6);
	ck_assert_int_eq(memcmp(g.addr, &a, 16), 0);
	ck_assert_str_eq(g.device, "eth0");
	ck_assert_int_eq(g.refcnt, 2);
	/* bogus: the device is taken before the address fails */
	ck_assert_int_eq(line(&c, 1, "3    eth1            zz 1\n", &g),
			 -EINVAL);
	ck_assert_str_eq(c.device, "eth1");
	ck_assert_int_eq(line(&c, 2, "bogus line\n", &g), -EINVAL);
	/* a short address: the words it lacks keep the last ones, swapped */
	ck_assert_int_eq(line(&c, 3, "4 lo ff02 1\n", &g), 1);
	ck_assert_uint_eq(c.words[0], htonl(0xff02u));
}
END_TEST

START_TEST(test_carry_between_files)
{
	struct netstat_groups_carry c = { 0 };
	struct netstat_group g;

	/* igmp, then igmp6 (no header): lines are IPv6 from then on ... */
	line(&c, 0, igmp_hdr, &g);
	line(&c, 0, "1    lo              ff020000000000000000000000000001     "
	     "1 0000000C 0\n", &g);
	ck_assert(c.v6);
	/* ... also igmp's on the next -c round, as netstat reads them */
	ck_assert_int_eq(line(&c, 0, igmp_hdr, &g), 0);
	ck_assert_int_eq(line(&c, 1, "1\tlo        :     1      V3\n", &g),
			 -EINVAL);
	ck_assert_int_eq(line(&c, 2, "\t\t\t\t010000E0     1 0:00000000\t\t0\n",
			      &g), 1);
	ck_assert_str_eq(g.device, "E0");
	ck_assert_int_eq(g.refcnt, 0);
	ck_assert_uint_eq(c.words[0], htonl(1));
}
END_TEST

static Suite *groups_suite(void)
{
	Suite *s = suite_create("netstat-groups");
	TCase *tc = tcase_create("lines");

	tcase_add_test(tc, test_igmp_lines);
	tcase_add_test(tc, test_igmp_bogus);
	tcase_add_test(tc, test_igmp6_lines);
	tcase_add_test(tc, test_carry_between_files);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(groups_suite());
}
