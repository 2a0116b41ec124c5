/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The pure parts of the netstat personality: netstat's address cut, the
 * program name, the escaping, the timer texts, the IPv4-mapped rule, the
 * taking of lsock's own options out of netstat's command line, and the
 * stdio-like output buffering. The examples come from netstat.md (2.5,
 * 2.8, 2.9, 7.13), where netstat 2.10 printed them.
 */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fmt.h"
#include "netstat-cli.h"
#include "netstat-priv.h"
#include "output.h"
#include "check-run.h"

/* host:port as netstat cuts it into size bytes, and the length returned. */
static void endpoint_is(size_t size, const char *host, const char *port,
			bool wide, const char *want)
{
	char buf[128];

	memset(buf, 'x', sizeof(buf));
	ck_assert_uint_eq(netstat_fmt_endpoint(buf, size, host, port, wide),
			  strlen(want));
	ck_assert_str_eq(buf, want);
}

START_TEST(test_endpoint_cut)
{
	const char *v6 = "2001:db8:1234:5678:9abc:def0:1234:5678";
	const char *h71 = "0123456789012345678901234567890123456789"
			  "0123456789012345678901234567890";

	endpoint_is(128, v6, "443", false, "2001:db8:1234:5678::443");
	endpoint_is(128, v6, "40403", false, "2001:db8:1234:567:40403");
	endpoint_is(128, "a-very-long-hostname.example", "mysql", false,
		    "a-very-long-hostn:mysql");
	endpoint_is(128, "2001:5f8:7f0d:2001::a24", "53", false,
		    "2001:5f8:7f0d:2001:::53");
	/* exactly 22 bytes of host and port: kept whole, 23 with the ':' */
	endpoint_is(128, "abcdefghijklmnopq", "12345", false,
		    "abcdefghijklmnopq:12345");
	endpoint_is(128, "abcdefghijklmnopqr", "12345", false,
		    "abcdefghijklmnopq:12345");
	endpoint_is(128, v6, "443", true,
		    "2001:db8:1234:5678:9abc:def0:1234:5678:443");
	/* a service name over 18 bytes, a host shorter than its share */
	endpoint_is(128, "h", "a-service-name-of-25-bytes", false,
		    "h:a-service-name-of-");
	/* UDP's 64-byte buffer under -W: cut to 63 bytes */
	endpoint_is(64, h71, "53", true,
		    "012345678901234567890123456789012345678901234567890123456789"
		    "012");
}
END_TEST

START_TEST(test_progname)
{
	char buf[32];

	netstat_fmt_progname(buf, sizeof(buf), 16641,
			     "nginx: master process /usr/sbin/nginx");
	ck_assert_str_eq(buf, "16641/nginx: master");
	netstat_fmt_progname(buf, sizeof(buf), 27252,
			     "/usr/bin/python3 /opt/app/server.py");
	ck_assert_str_eq(buf, "27252/server.py");
	netstat_fmt_progname(buf, sizeof(buf), 27253, "./relative/bin/thing");
	ck_assert_str_eq(buf, "27253/./relative/bi");
	netstat_fmt_progname(buf, sizeof(buf), 16640, "/usr/sbin/sshd");
	ck_assert_str_eq(buf, "16640/sshd");
	netstat_fmt_progname(buf, sizeof(buf), 7, "");
	ck_assert_str_eq(buf, "7/");
}
END_TEST

START_TEST(test_escape)
{
	char name[] = "27254/evil\033[31mred\t\x7f\xc3\xa9";
	char path[] = "/run/u\033x/\xc3\xa9.sock";

	netstat_escape(name, true);
	ck_assert_str_eq(name, "27254/evil.[31mred....");
	netstat_escape(path, false);
	ck_assert_str_eq(path, "/run/u.x/\xc3\xa9.sock");
}
END_TEST

START_TEST(test_timers)
{
	char buf[64];

	netstat_fmt_timer(buf, sizeof(buf), true, 0, 0, 0, 0);
	ck_assert_str_eq(buf, "off (0.00/0/0)");
	netstat_fmt_timer(buf, sizeof(buf), true, 1, 0.49, 1, 0);
	ck_assert_str_eq(buf, "on (0.49/1/0)");
	netstat_fmt_timer(buf, sizeof(buf), true, 2, 7198.48, 0, 0);
	ck_assert_str_eq(buf, "keepalive (7198.48/0/0)");
	netstat_fmt_timer(buf, sizeof(buf), true, 3, 58.49, 0, 0);
	ck_assert_str_eq(buf, "timewait (58.49/0/0)");
	netstat_fmt_timer(buf, sizeof(buf), true, 4, 0.2, 0, 3);
	ck_assert_str_eq(buf, "probe (0.20/0/3)");
	netstat_fmt_timer(buf, sizeof(buf), true, 9, 1, 2, 3);
	ck_assert_str_eq(buf, "unkn-9 (1.00/2/3)");
	netstat_fmt_timer(buf, sizeof(buf), false, 2, 1.5, 0, 0);
	ck_assert_str_eq(buf, "on2 (1.50/0/0)");
	netstat_fmt_timer(buf, sizeof(buf), false, 3, 1.5, 0, 0);
	ck_assert_str_eq(buf, "unkn-3 (1.50/0/0)");
}
END_TEST

START_TEST(test_v4mapped)
{
	static const uint8_t mapped[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
					    0xff, 0xff, 127, 0, 0, 1 };
	static const uint8_t plain[16] = { 0x20, 0x01, 0x0d, 0xb8 };

	ck_assert_str_eq(netstat_v4mapped_text("::ffff:127.0.0.1", mapped),
			 "127.0.0.1");
	ck_assert_str_eq(netstat_v4mapped_text("localhost", mapped),
			 "localhost");
	ck_assert_str_eq(netstat_v4mapped_text("host.example", mapped),
			 "host.example");
	ck_assert_str_eq(netstat_v4mapped_text("2001:db8::1.2.3.4", plain),
			 "2001:db8::1.2.3.4");
}
END_TEST

static int take(const char **words, int n, struct netstat_opts *o,
		char **out)
{
	int i, argc = n, rc;

	for (i = 0; i < n; i++)
		out[i] = (char *)words[i];
	out[n] = NULL;
	rc = netstat_opts_take(&argc, out, o);
	return rc < 0 ? argc : -rc;
}

START_TEST(test_own_options)
{
	const char *w1[] = { "netstat", "--ba=proc", "-tn", "--wh",
			     "--replay", "DIR", "foo" };
	const char *w2[] = { "netstat", "--b", "--w", "-A", "--backend=x",
			     "--prot", "--why", "--", "--why" };
	const char *w3[] = { "netstat", "-tn", "--backend" };
	struct netstat_opts o;
	char *av[16];

	ck_assert_int_eq(take(w1, 7, &o, av), 3);
	ck_assert_str_eq(av[1], "-tn");
	ck_assert_str_eq(av[2], "foo");
	ck_assert_str_eq(o.backend, "proc");
	ck_assert_str_eq(o.replay_dir, "DIR");
	ck_assert(o.why);
	/* netstat's words, and the arguments of -A and --protocol, stay */
	ck_assert_int_eq(take(w2, 9, &o, av), 9);
	ck_assert_ptr_null(o.backend);
	ck_assert(!o.why);
	ck_assert_int_eq(take(w3, 3, &o, av), -NETSTAT_EXIT_USAGE);
}
END_TEST

/* stdout like stdio's: a full block is written when one more byte comes */
START_TEST(test_output_stdio)
{
	static struct output out;
	char block[4096];
	int p[2];
	ssize_t n;

	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(fcntl(p[0], F_SETFL, O_NONBLOCK), 0);
	output_init_stdio(&out, p[1]);
	ck_assert_uint_eq(out.cap, 4096);
	memset(block, 'x', sizeof(block));
	output_write(&out, block, sizeof(block));
	ck_assert_int_lt(read(p[0], block, sizeof(block)), 0);
	output_str(&out, "y");
	n = read(p[0], block, sizeof(block));
	ck_assert_int_eq(n, 4096);
	ck_assert_int_lt(read(p[0], block, sizeof(block)), 0);
	ck_assert_int_eq(output_flush(&out), 0);
	ck_assert_int_eq(read(p[0], block, sizeof(block)), 1);
	close(p[0]);
	close(p[1]);
}
END_TEST

/* Rows read ahead come back as they went in, IPv4 packed short. */
START_TEST(test_ahead_roundtrip)
{
	struct rowpack a;
	struct netstat_row in[3], out;
	size_t off, i, v4len;
	int timers;

	memset(in, 0, sizeof(in));
	in[0].family = AF_INET;
	in[0].state = LSOCK_SS_ESTABLISHED;
	in[0].rq = 0xffffffffu;
	in[0].wq = 7;
	in[0].lport = 22;
	in[0].rport = 65535;
	memcpy(in[0].local, "\x7f\x00\x00\x01", 4);
	memcpy(in[0].remote, "\x0a\x01\x02\x03", 4);
	in[0].uid = 4000000000u;
	in[0].ino = 0x123456789abcULL;
	memcpy(&in[1], &in[0], sizeof(in[0]));
	in[1].family = AF_INET6;
	memset(in[1].local, 0xfe, 16);
	in[1].remote[15] = 1;
	memcpy(&in[2], &in[0], sizeof(in[0]));
	in[2].state = LSOCK_SS_LISTEN;
	in[2].timer = 2;
	in[2].probes = 3;
	in[2].when = 123456789;
	in[2].retr = 9;
	for (timers = 0; timers < 2; timers++) {
		memset(&a, 0, sizeof(a));
		for (i = 0; i < 3; i++)
			rowpack_put(&a, &netstat_ahead_layout, &in[i], timers);
		v4len = 2 + 8 + 4 + 4 + 8 + 8 + (timers ? 21 : 0);
		ck_assert_uint_eq(a.len, 3 * v4len + 24);
		for (off = 0, i = 0;
		     rowpack_get(&a, &netstat_ahead_layout, &off, &out, timers);
		     i++) {
			struct netstat_row w;

			/* copied bytewise: padding stays zero on both sides */
			memcpy(&w, &in[i], sizeof(w));
			if (!timers) {
				w.timer = 0;
				w.probes = 0;
				w.when = 0;
				w.retr = 0;
			}
			ck_assert_mem_eq(&out, &w, sizeof(w));
		}
		ck_assert_uint_eq(i, 3);
		rowpack_free(&a);
		ck_assert_ptr_null(a.buf);
	}
}
END_TEST

/* n bytes made by a fmt_ function, against printf's want_n bytes. */
static void same_as_printf(const char *got, size_t n, const char *want,
			   int want_n)
{
	ck_assert_int_eq((int)n, want_n);
	ck_assert_mem_eq(got, want, n);
}

/* The row's padding without printf: what "%-*s" and "%*lu" give. */
START_TEST(test_fmt_padding)
{
	static const char *const words[] = { "", "tcp", "udpl6", "LISTEN",
		"127.0.0.1:22", "[::ffff:192.0.2.1]:65535" };
	static const unsigned long long nums[] = { 0, 7, 123456, 1234567,
		18446744073709551615ULL };
	char got[64], want[64];
	size_t w, i;
	int n;

	for (w = 0; w < 26; w++) {
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
			n = snprintf(want, sizeof(want), "%-*s", (int)w,
				     words[i]);
			same_as_printf(got, fmt_left(got, words[i], w), want, n);
		}
		for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
			n = snprintf(want, sizeof(want), "%*llu", (int)w,
				     nums[i]);
			same_as_printf(got, fmt_u64_right(got, nums[i], w),
				       want, n);
		}
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("netstat");
	TCase *tc = tcase_create("pure");

	tcase_add_test(tc, test_endpoint_cut);
	tcase_add_test(tc, test_progname);
	tcase_add_test(tc, test_escape);
	tcase_add_test(tc, test_timers);
	tcase_add_test(tc, test_v4mapped);
	tcase_add_test(tc, test_own_options);
	tcase_add_test(tc, test_output_stdio);
	tcase_add_test(tc, test_ahead_roundtrip);
	tcase_add_test(tc, test_fmt_padding);
	suite_add_tcase(s, tc);
	return check_run(s);
}
