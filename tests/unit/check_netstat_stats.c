/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netstat -s: the counter file parsers, the wording tables' lookup (with
 * the keys net-tools' unsorted arrays hide from bsearch) and the renderer.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "netstat.h"
#include "netstat-stats.h"
#include "check-run.h"

/* The events a parser sent, as text: "T:title" and "key=value" lines. */
struct events {
	char buf[8192];
	size_t len;
};

static void ev_table(void *arg, const char *title)
{
	struct events *e = arg;

	e->len += (size_t)snprintf(e->buf + e->len, sizeof(e->buf) - e->len,
				   "T:%s\n", title);
}

static void ev_value(void *arg, const char *key, unsigned long long val)
{
	struct events *e = arg;

	e->len += (size_t)snprintf(e->buf + e->len, sizeof(e->buf) - e->len,
				   "%s=%llu\n", key, val);
}

static int pairs(const char *text, const char *prefix, struct events *e)
{
	struct netstat_snmp_cb cb = { ev_table, ev_value, e };

	e->len = 0;
	e->buf[0] = '\0';
	return netstat_snmp_parse_pairs(text, strlen(text), prefix, &cb);
}

static void snmp6(const char *text, size_t len, struct events *e)
{
	struct netstat_snmp_cb cb = { ev_table, ev_value, e };

	e->len = 0;
	e->buf[0] = '\0';
	netstat_snmp_parse_snmp6(text, len, &cb);
}

START_TEST(test_pairs_basic)
{
	struct events e;

	ck_assert_int_eq(pairs("\nIp: A B\nIp: 1 2\nTcp: C\nTcp: 3\n", NULL,
			       &e), 0);
	ck_assert_str_eq(e.buf, "T:Ip\nA=1\nB=2\nT:Tcp\nC=3\n");
}
END_TEST

START_TEST(test_pairs_short_extra_garbage)
{
	struct events e;

	/* missing values read as 0, extra ones are ignored */
	ck_assert_int_eq(pairs("Tcp: A B C\nTcp: 7\nUdp: X\nUdp: 1 2 3\n",
			       NULL, &e), 0);
	ck_assert_str_eq(e.buf, "T:Tcp\nA=7\nB=0\nC=0\nT:Udp\nX=1\n");
	/* a value that is not a number stops every later one at 0 */
	ck_assert_int_eq(pairs("U: A B C\nU: 4 x 6\n", NULL, &e), 0);
	ck_assert_str_eq(e.buf, "T:U\nA=4\nB=0\nC=0\n");
	/* strtoull: negative wraps, too big saturates, "12abc" is 12 */
	ck_assert_int_eq(pairs("U: A B C D\nU: -1 99999999999999999999 12abc 5\n",
			       NULL, &e), 0);
	ck_assert_str_eq(e.buf, "T:U\nA=18446744073709551615\n"
			 "B=18446744073709551615\nC=12\nD=0\n");
}
END_TEST

START_TEST(test_pairs_format_error_and_prefix)
{
	struct events e;

	/* a pair without ':' ends the file, after what came before it */
	ck_assert_int_eq(pairs("Ip: A\nIp: 1\nTcp: B\nTcp 2\nUdp: C\nUdp: 3\n",
			       NULL, &e), -EINVAL);
	ck_assert_str_eq(e.buf, "T:Ip\nA=1\n");
	/* -s -6 reads snmp for the tables starting with "Tcp" only */
	ck_assert_int_eq(pairs("Ip: A\nIp: 1\nTcp: B\nTcp: 2\nTcpFoo: C\n"
			       "TcpFoo: 3\n", "Tcp", &e), 0);
	ck_assert_str_eq(e.buf, "T:Tcp\nB=2\nT:TcpFoo\nC=3\n");
	/* a title line without its value line: nothing */
	ck_assert_int_eq(pairs("Ip: A\n", NULL, &e), 0);
	ck_assert_str_eq(e.buf, "");
	/* a title with a space, tabs between keys */
	ck_assert_int_eq(pairs("My Tab: a\tb\nMy Tab:  5\t6\n", NULL, &e), 0);
	ck_assert_str_eq(e.buf, "T:My Tab\na=5\nb=6\n");
}
END_TEST

START_TEST(test_snmp6_tables)
{
	struct events e;
	const char *t = "Ip6InReceives 10\nIp6Foo 1\nIcmp6InMsgs 3\n"
			"UdpLite6X 4\nUdp6Y 5\nOdd 6\nOddMore 7\n";

	snmp6(t, strlen(t), &e);
	ck_assert_str_eq(e.buf, "T:Ip6\nIp6InReceives=10\nIp6Foo=1\n"
			 "T:Icmp6\nIcmp6InMsgs=3\nT:UdpLite6\nUdpLite6X=4\n"
			 "T:Udp6\nUdp6Y=5\nT:Odd\nOdd=6\nOddMore=7\n");
}
END_TEST

START_TEST(test_snmp6_stale_fields)
{
	struct events e;
	const char *t = "Ip6A 10\nIp6B\n\n   \nIp6C -1\n";

	/* sscanf keeps the name and value a line does not convert */
	snmp6(t, strlen(t), &e);
	ck_assert_str_eq(e.buf, "T:Ip6\nIp6A=10\nIp6B=10\nIp6B=10\nIp6B=10\n"
			 "Ip6C=18446744073709551615\n");
}
END_TEST

START_TEST(test_snmp6_long_line_and_nul)
{
	struct events e;
	char t[1300];

	/* fgets() into 1024 bytes: the rest of a long line is a line */
	memset(t, ' ', sizeof(t));
	memcpy(t, "Ip6A", 4);
	memcpy(t + 1023, "Ip6B 5\n", 7);
	snmp6(t, 1030, &e);
	ck_assert_str_eq(e.buf, "T:Ip6\nIp6A=0\nIp6B=5\n");
	/* a NUL byte ends the line for the parser */
	snmp6("Ip6A 1\0 9\nIp6B 2\n", 17, &e);
	ck_assert_str_eq(e.buf, "T:Ip6\nIp6A=1\nIp6B=2\n");
}
END_TEST

START_TEST(test_sctp)
{
	struct netstat_snmp_cb cb;
	struct events e = { .len = 0 };
	const char *t = "SctpCurrEstab\t\t3\nSctpX   \nSctpY 4\n";

	cb.table = ev_table;
	cb.value = ev_value;
	cb.arg = &e;
	netstat_snmp_parse_sctp(t, strlen(t), &cb);
	ck_assert_str_eq(e.buf, "T:Sctp\nSctpCurrEstab=3\nSctpY=4\n");
}
END_TEST

/* The keys with a text that glibc's bsearch cannot find (netstat.md 3.4) */
static const char *const missed[] = {
	"Forwarding", "TCPDirectCopyFromPrequeue", "TCPDSACKOfoRecv",
	"TCPDSACKOfoSent", "TCPDSACKOldSent", "TCPDSACKRecv", "TCPDSackUndo",
	"TCPDSACKUndo", "TCPLoss", "TCPPrequeueDropped",
	"TCPRenoRecoveryFailed", "TCPRenoRecoveryFail", "TCPSackFailures",
	"TCPSackRecoveryFail", "TCPSackRecovery", "TCPSACKReneging",
	"TCPTimeouts", "TWKilled",
};

static bool is_missed(const char *key)
{
	size_t i;

	for (i = 0; i < sizeof(missed) / sizeof(missed[0]); i++)
		if (strcmp(key, missed[i]) == 0)
			return true;
	return false;
}

START_TEST(test_lookup_miss_list)
{
	const struct netstat_stat_table *t;
	size_t i, n = 0;
	int v6;

	for (v6 = 0; v6 < 2; v6++) {
		for (t = netstat_stats_tab_all(v6); t->title; t++) {
			for (i = 0; i < t->n; i++) {
				const char *k = t->entries[i].key;
				bool hit = netstat_stats_tab_lookup(t, k) ==
					   &t->entries[i];

				if (!hit)
					n++;
				/* the key with a trailing space is found */
				ck_assert_msg(hit == !is_missed(k), "%s %s",
					      t->title, k);
			}
		}
	}
	/* each once: Tcp6 reuses Tcp's table, which has no misses */
	ck_assert_uint_eq(n, sizeof(missed) / sizeof(missed[0]));
	t = netstat_stats_tab_find(true, "Icmp6");
	ck_assert_ptr_null(netstat_stats_tab_lookup(t,
				"Icmp6OutRouterAdvertisements"));
	ck_assert_ptr_nonnull(netstat_stats_tab_lookup(t,
				"Icmp6OutRouterSolicits"));
}
END_TEST

START_TEST(test_lookup_texts)
{
	const struct netstat_stat_table *t = netstat_stats_tab_find(false, "Tcp");
	const struct netstat_stat_entry *e;

	e = netstat_stats_tab_lookup(t, "ActiveOpens");
	ck_assert_str_eq(e->text, "%llu active connection openings");
	e = netstat_stats_tab_lookup(t, "MaxConn");
	ck_assert_str_eq(e->text, "");
	ck_assert_ptr_null(netstat_stats_tab_lookup(t, "InCsumErrors"));
	ck_assert_ptr_null(netstat_stats_tab_find(false, "IcmpMsg"));
	ck_assert_ptr_null(netstat_stats_tab_find(false, "Ip6"));
	ck_assert_ptr_nonnull(netstat_stats_tab_find(true, "Tcp6"));
	t = netstat_stats_tab_find(false, "Sctp");
	e = netstat_stats_tab_lookup(t, "SctpAborteds");
	ck_assert_str_eq(e->text, "%llu Number of Aborteds ");
}
END_TEST

/* Runs netstat_stats_run on a tree holding the given files; stdout text. */
static char *render(const struct netstat_ctl *base, const char *snmp,
		    const char *snmp6, int *rc)
{
	char dir[] = "/tmp/check-nstat.XXXXXX", path[256];
	struct netstat_ctl ctl = *base;
	struct output *out = malloc(sizeof(*out));
	FILE *res = tmpfile();
	char *text = calloc(1, 65536);

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/net", dir);
	ck_assert_int_eq(mkdir(path, 0755), 0);
	check_write_file(dir, "net/snmp", snmp);
	if (snmp6)
		check_write_file(dir, "net/snmp6", snmp6);
	ctl.src.proc_root = dir;
	output_init(out, fileno(res));
	*rc = netstat_stats_run(&ctl, out);
	output_flush(out);
	rewind(res);
	ck_assert_uint_lt(fread(text, 1, 65535, res), 65535);
	fclose(res);
	free(out);
	snprintf(path, sizeof(path), "rm -rf %s", dir);
	ck_assert_int_eq(system(path), 0);
	return text;
}

static const char icmp_snmp[] =
	"Ip: Forwarding DefaultTTL InReceives\nIp: 2 64 5\n"
	"Icmp: InMsgs InDestUnreachs OutMsgs OutDestUnreachs\n"
	"Icmp: 1 0 2 2\nIcmpMsg: OutType3\nIcmpMsg: 2\n"
	"Tcp: ActiveOpens MaxConn\nTcp: 3 -1\n";

START_TEST(test_render_indent_state)
{
	struct netstat_ctl ctl = { 0 };
	char *t;
	int rc;

	t = render(&ctl, icmp_snmp, NULL, &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(t, "Ip:\n    Forwarding: 2\n    5 total packets received\n"
			 "Icmp:\n    1 ICMP messages received\n"
			 "    ICMP input histogram:\n    2 ICMP messages sent\n"
			 "    ICMP output histogram:\n"
			 "        destination unreachable: 2\n"
			 "IcmpMsg:\n        OutType3: 2\n"
			 "Tcp:\n    3 active connection openings\n");
	free(t);
	/* -st: the Icmp table is off, so IcmpMsg keeps 4 spaces */
	ctl.tcp = true;
	t = render(&ctl, icmp_snmp, NULL, &rc);
	ck_assert_str_eq(t, "IcmpMsg:\n    OutType3: 2\n"
			 "Tcp:\n    3 active connection openings\n");
	free(t);
}
END_TEST

START_TEST(test_render_inet6_and_errors)
{
	struct netstat_ctl ctl = { 0 };
	char *t;
	int rc;

	snprintf(ctl.afname, sizeof(ctl.afname), "inet6");
	ctl.udp = true;
	t = render(&ctl, icmp_snmp, "Udp6InDatagrams 4\nUdp6Odd 1\n", &rc);
	ck_assert_int_eq(rc, 0);
	ck_assert_str_eq(t, "Udp6:\n    4 packets received\n"
			 "    Udp6Odd: 1\n");
	free(t);
	snprintf(ctl.afname, sizeof(ctl.afname), "inet6,inet");
	t = render(&ctl, icmp_snmp, NULL, &rc);
	ck_assert_int_eq(rc, NETSTAT_EXIT_FAIL);
	ck_assert_str_eq(t, "netstat: No statistics support for specified "
			 "address family: inet6,inet\n");
	free(t);
}
END_TEST

static Suite *stats_suite(void)
{
	Suite *s = suite_create("netstat-stats");
	TCase *tp = tcase_create("parse");
	TCase *tl = tcase_create("lookup");
	TCase *tr = tcase_create("render");

	tcase_add_test(tp, test_pairs_basic);
	tcase_add_test(tp, test_pairs_short_extra_garbage);
	tcase_add_test(tp, test_pairs_format_error_and_prefix);
	tcase_add_test(tp, test_snmp6_tables);
	tcase_add_test(tp, test_snmp6_stale_fields);
	tcase_add_test(tp, test_snmp6_long_line_and_nul);
	tcase_add_test(tp, test_sctp);
	tcase_add_test(tl, test_lookup_miss_list);
	tcase_add_test(tl, test_lookup_texts);
	tcase_add_test(tr, test_render_indent_state);
	tcase_add_test(tr, test_render_inet6_and_errors);
	suite_add_tcase(s, tp);
	suite_add_tcase(s, tl);
	suite_add_tcase(s, tr);
	return s;
}

int main(void)
{
	return check_run(stats_suite());
}
