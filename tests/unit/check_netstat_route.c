/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netstat -r's readers: the text helpers (fgets() lines, sscanf()
 * conversions), routing table headers by title, route and ipv6_route lines.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <limits.h>
#include <string.h>

#include "netstat-route.h"
#include "netstat-scan.h"
#include "check-run.h"

START_TEST(test_scan_lines)
{
	const char buf[] = "abc\ndefghij\n\nx";
	const char *l;
	size_t off = 0, n;

	/* as fgets(line, 5): at most 4 bytes, a newline ends a line */
	ck_assert(netstat_scan_line(buf, sizeof(buf) - 1, &off, 5, &l, &n));
	ck_assert_uint_eq(n, 4);
	ck_assert(netstat_scan_line(buf, sizeof(buf) - 1, &off, 5, &l, &n));
	ck_assert_int_eq(memcmp(l, "defg", n), 0);
	ck_assert(netstat_scan_line(buf, sizeof(buf) - 1, &off, 5, &l, &n));
	ck_assert_int_eq(memcmp(l, "hij\n", n), 0);
	ck_assert(netstat_scan_line(buf, sizeof(buf) - 1, &off, 5, &l, &n));
	ck_assert_uint_eq(n, 1);
	ck_assert(netstat_scan_line(buf, sizeof(buf) - 1, &off, 5, &l, &n));
	ck_assert_int_eq(memcmp(l, "x", n), 0);
	ck_assert(!netstat_scan_line(buf, sizeof(buf) - 1, &off, 5, &l, &n));
	/* the length stops at a NUL byte; the next line is after the newline */
	off = 0;
	ck_assert(netstat_scan_line("ab\0cd\nef", 8, &off, 100, &l, &n));
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(off, 6);
}
END_TEST

START_TEST(test_scan_numbers)
{
	struct netstat_scan s;
	unsigned long long u;
	unsigned int x;
	int v;
	char str[8];

	netstat_scan_init(&s, " 42 -7 +3 4294967295 99999999999999999999 z", 44);
	ck_assert_int_eq(netstat_scan_int(&s, 0, &v), 0);
	ck_assert_int_eq(v, 42);
	ck_assert_int_eq(netstat_scan_int(&s, 0, &v), 0);
	ck_assert_int_eq(v, -7);
	ck_assert_int_eq(netstat_scan_int(&s, 0, &v), 0);
	ck_assert_int_eq(v, 3);
	/* glibc stores the long it read, cut to int */
	ck_assert_int_eq(netstat_scan_int(&s, 0, &v), 0);
	ck_assert_int_eq(v, -1);
	ck_assert_int_eq(netstat_scan_int(&s, 0, &v), 0);
	ck_assert_int_eq(v, -1);
	ck_assert_int_eq(netstat_scan_int(&s, 0, &v), -EINVAL);
	netstat_scan_init(&s, "0x1F ffffffff 123456", 20);
	ck_assert_int_eq(netstat_scan_hex(&s, 0, &x), 0);
	ck_assert_uint_eq(x, 0x1f);
	ck_assert_int_eq(netstat_scan_hex(&s, 8, &x), 0);
	ck_assert_uint_eq(x, 0xffffffffu);
	/* a width cuts a field: %02x reads "12" and leaves "3456" */
	ck_assert_int_eq(netstat_scan_hex(&s, 2, &x), 0);
	ck_assert_uint_eq(x, 0x12);
	ck_assert_int_eq(netstat_scan_str(&s, 3, str), 0);
	ck_assert_str_eq(str, "345");
	netstat_scan_init(&s, "-1", 2);
	ck_assert_int_eq(netstat_scan_ull(&s, &u), 0);
	ck_assert(u == ULLONG_MAX);
}
END_TEST

START_TEST(test_scan_inaddr)
{
	unsigned char a[4];
	uint32_t v = 0x0100007f;
	unsigned char lo[4];

	memcpy(lo, &v, 4);
	/* the text is %08X of the address as a host integer */
	ck_assert_int_eq(netstat_scan_inaddr("0100007F", a), 0);
	ck_assert_int_eq(memcmp(a, lo, 4), 0);
	ck_assert_int_eq(netstat_scan_inaddr("0100007fXYZ", a), 0);
	ck_assert_int_eq(netstat_scan_inaddr("0100007", a), -EINVAL);
	ck_assert_int_eq(netstat_scan_inaddr("01G0007F", a), -EINVAL);
}
END_TEST

static const struct netstat_col cols[] = {
	{ "Iface", NETSTAT_COL_STR, 15 },
	{ "Flags", NETSTAT_COL_HEX, 0 },
	{ "Metric", NETSTAT_COL_INT, 0 },
};

START_TEST(test_fmt_by_title)
{
	const char *h = "Iface\tDestination\tFlags |Use\tMetric\tMask  \n";
	struct netstat_fmt f;
	size_t miss = 99;

	ck_assert_int_eq(netstat_route_fmt(h, strlen(h), cols, 3, &f, &miss), 0);
	/* words after the last wanted one are not in the format */
	ck_assert_uint_eq(f.n, 5);
	ck_assert_int_eq(f.slot[0], 0);
	ck_assert_int_eq(f.slot[1], -1);
	ck_assert_int_eq(f.slot[2], 1);
	ck_assert_int_eq(f.slot[3], -1);
	ck_assert_int_eq(f.slot[4], 2);
}
END_TEST

START_TEST(test_fmt_missing_or_misordered)
{
	struct netstat_fmt f;
	size_t miss = 99;

	ck_assert_int_eq(netstat_route_fmt("Iface Flags\n", 12, cols, 3, &f,
					   &miss), -ENOENT);
	ck_assert_uint_eq(miss, 2);
	/* wanted columns must come in order: Metric before Flags is lost */
	ck_assert_int_eq(netstat_route_fmt("Iface Metric Flags\n", 19, cols, 3,
					   &f, &miss), -ENOENT);
	ck_assert_uint_eq(miss, 2);
	ck_assert_int_eq(netstat_route_fmt("", 0, cols, 3, &f, &miss), -ENOENT);
	ck_assert_uint_eq(miss, 0);
}
END_TEST

START_TEST(test_route_scan_rows)
{
	const char *h = "Iface Dst Flags Metric\n";
	struct netstat_rowval v;
	struct netstat_fmt f;
	size_t miss;

	memset(&v, 0, sizeof(v));
	ck_assert_int_eq(netstat_route_fmt(h, strlen(h), cols, 3, &f, &miss), 0);
	ck_assert_int_eq(netstat_route_scan(&f, cols, "eth0 x 0003 100", 15,
					    &v), 3);
	ck_assert_str_eq(v.s[0], "eth0");
	ck_assert_int_eq(v.n[1], 3);
	ck_assert_int_eq(v.n[2], 100);
	/* %15s cuts the name: its rest is read as the next word */
	ck_assert_int_eq(netstat_route_scan(&f, cols, "a-very-long-name-x "
					    "0001 7", 25, &v), 3);
	ck_assert_str_eq(v.s[0], "a-very-long-nam");
	ck_assert_int_eq(v.n[1], 1);
	ck_assert_int_eq(v.n[2], 7);
	/* a bad field ends the row; the rest keeps the row before */
	ck_assert_int_eq(netstat_route_scan(&f, cols, "lo y zz", 7, &v), 1);
	ck_assert_str_eq(v.s[0], "lo");
	ck_assert_int_eq(v.n[1], 1);
	ck_assert_int_eq(v.n[2], 7);
}
END_TEST

static const char r6line[] =
	"20010db8000000000000000000000001 80 "
	"00000000000000000000000000000000 00 "
	"fe800000000000000000000000000001 00000400 00000002 0000000a 00450003"
	"     eth0\n";

static const char r6reject[] =
	"00000000000000000000000000000000 00 "
	"00000000000000000000000000000000 00 "
	"00000000000000000000000000000000 ffffffff 00000001 00000000 00200200"
	" lo";

START_TEST(test_route6_scan)
{
	struct netstat_route6_row r;
	char text[64];

	memset(&r, 0, sizeof(r));
	ck_assert_int_eq(netstat_route6_scan(r6line, strlen(r6line), &r), 31);
	netstat_route6_join(r.dst, text, sizeof(text));
	ck_assert_str_eq(text, "2001:0db8:0000:0000:0000:0000:0000:0001");
	ck_assert_int_eq(r.dst_len, 128);
	netstat_route6_join(r.via, text, sizeof(text));
	ck_assert_str_eq(text, "fe80:0000:0000:0000:0000:0000:0000:0001");
	ck_assert_int_eq(r.metric, 1024);
	ck_assert_int_eq(r.refcnt, 2);
	ck_assert_int_eq(r.use, 10);
	ck_assert_uint_eq(r.flags, 0x00450003);
	ck_assert_str_eq(r.iface, "eth0");
	/* a short line: what it lacks stays from the line before */
	ck_assert_int_eq(netstat_route6_scan("ff020000000000000000000000000001 "
					     "08\n", 36, &r), 9);
	netstat_route6_join(r.dst, text, sizeof(text));
	ck_assert_str_eq(text, "ff02:0000:0000:0000:0000:0000:0000:0001");
	ck_assert_int_eq(r.dst_len, 8);
	ck_assert_str_eq(r.iface, "eth0");
	ck_assert_int_eq(r.metric, 1024);
	/* garbage: "zz" is read as a group, the number after it fails */
	ck_assert_int_eq(netstat_route6_scan("zz\n", 3, &r), 1);
	ck_assert_str_eq(r.dst[0], "zz");
	ck_assert_str_eq(r.dst[1], "0000");
	/* metric 0xffffffff is -1 */
	ck_assert_int_eq(netstat_route6_scan(r6reject, strlen(r6reject), &r),
			 31);
	ck_assert_int_eq(r.metric, -1);
	ck_assert_str_eq(r.iface, "lo");
}
END_TEST

static Suite *route_suite(void)
{
	Suite *s = suite_create("netstat-route");
	TCase *ts = tcase_create("scan");
	TCase *tr = tcase_create("route");

	tcase_add_test(ts, test_scan_lines);
	tcase_add_test(ts, test_scan_numbers);
	tcase_add_test(ts, test_scan_inaddr);
	tcase_add_test(tr, test_fmt_by_title);
	tcase_add_test(tr, test_fmt_missing_or_misordered);
	tcase_add_test(tr, test_route_scan_rows);
	tcase_add_test(tr, test_route6_scan);
	suite_add_tcase(s, ts);
	suite_add_tcase(s, tr);
	return s;
}

int main(void)
{
	return check_run(route_suite());
}
