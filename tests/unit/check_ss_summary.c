/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss -s: the sockstat and snmp parsers (ss 6.1's reading rules, short and
 * malformed files included), the printed layout, and the file reading.
 */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"
#include "ss-summary.h"
#include "check-run.h"

static struct ss_summary sum;

static void setup(void)
{
	ss_summary_init(&sum);
}

static void sockstat(const char *text)
{
	ss_summary_parse_sockstat(&sum, text, strlen(text));
}

/* Like sockstat(), for data holding NUL bytes. */
static void sockstat_n(const char *text, size_t len)
{
	ss_summary_parse_sockstat(&sum, text, len);
}

static int snmp(const char *text, int *estab)
{
	return ss_summary_parse_snmp(text, strlen(text), estab);
}

static const char linux_sockstat[] =
	"sockets: used 18\n"
	"TCP: inuse 4 orphan 1 tw 2 alloc 8 mem 17\n"
	"UDP: inuse 2 mem 0\n"
	"UDPLITE: inuse 0\n"
	"RAW: inuse 1\n"
	"FRAG: inuse 3 memory 4096\n";

static const char linux_sockstat6[] =
	"TCP6: inuse 3\n"
	"UDP6: inuse 5\n"
	"UDPLITE6: inuse 9\n"
	"RAW6: inuse 6\n"
	"FRAG6: inuse 7 memory 8192\n";

START_TEST(test_sockstat_files)
{
	sockstat(linux_sockstat);
	sockstat(linux_sockstat6);
	ck_assert_int_eq(sum.v[SS_SUM_SOCKETS], 18);
	ck_assert_int_eq(sum.v[SS_SUM_TCP4], 4);
	ck_assert_int_eq(sum.v[SS_SUM_TCP_ORPHAN], 1);
	ck_assert_int_eq(sum.v[SS_SUM_TCP_TW], 2);
	ck_assert_int_eq(sum.v[SS_SUM_TCP_ALLOC], 8);
	ck_assert_int_eq(sum.v[SS_SUM_TCP_MEM], 17);
	ck_assert_int_eq(sum.v[SS_SUM_UDP4], 2);
	ck_assert_int_eq(sum.v[SS_SUM_RAW4], 1);
	ck_assert_int_eq(sum.v[SS_SUM_FRAG4], 3);
	ck_assert_int_eq(sum.v[SS_SUM_FRAG4_MEM], 4096);
	ck_assert_int_eq(sum.v[SS_SUM_TCP6], 3);
	ck_assert_int_eq(sum.v[SS_SUM_UDP6], 5);	/* UDPLITE6 ignored */
	ck_assert_int_eq(sum.v[SS_SUM_RAW6], 6);
	ck_assert_int_eq(sum.v[SS_SUM_FRAG6], 7);
	ck_assert_int_eq(sum.v[SS_SUM_FRAG6_MEM], 8192);
	ck_assert_int_eq(sum.v[SS_SUM_TCP_ESTAB], 0);
}
END_TEST

START_TEST(test_sockstat_short)
{
	sockstat("");
	ck_assert_int_eq(sum.v[SS_SUM_SOCKETS], 0);
	/* the last line may lack its newline */
	sockstat("sockets: used 7");
	ck_assert_int_eq(sum.v[SS_SUM_SOCKETS], 7);
	/* cut short: the counters before the cut are kept */
	sockstat("TCP: inuse 4 orphan 1 tw");
	ck_assert_int_eq(sum.v[SS_SUM_TCP4], 4);
	ck_assert_int_eq(sum.v[SS_SUM_TCP_ORPHAN], 1);
	ck_assert_int_eq(sum.v[SS_SUM_TCP_TW], 0);
	/* a name with nothing after it changes nothing */
	sockstat("UDP:\nUDP: \nUDP: inuse\n");
	ck_assert_int_eq(sum.v[SS_SUM_UDP4], 0);
}
END_TEST

START_TEST(test_sockstat_malformed)
{
	sum.v[SS_SUM_RAW4] = 5;
	/* not a number, a sign alone: the earlier value stays */
	sockstat("RAW: inuse x\nRAW: inuse -\nRAW: inuse +\n");
	ck_assert_int_eq(sum.v[SS_SUM_RAW4], 5);
	/* the ID ends at the first space: a tab, a leading blank or a CR spoil it */
	sockstat("RAW:\tinuse 1\n RAW: inuse 2\n\rRAW: inuse 3\nRAW:\r inuse 4\n");
	ck_assert_int_eq(sum.v[SS_SUM_RAW4], 5);
	/* but the rest is split at any white space; the names are not checked */
	sockstat("RAW: \t inuse\r\v9\n");
	ck_assert_int_eq(sum.v[SS_SUM_RAW4], 9);
	sockstat("RAW: 1 2\n");
	ck_assert_int_eq(sum.v[SS_SUM_RAW4], 2);
	/* a number ends at the first non-digit; signs count */
	sockstat("RAW: inuse 12ab\nUDP: inuse -3\nTCP6: inuse +8\n");
	ck_assert_int_eq(sum.v[SS_SUM_RAW4], 12);
	ck_assert_int_eq(sum.v[SS_SUM_UDP4], -3);
	ck_assert_int_eq(sum.v[SS_SUM_TCP6], 8);
	/* unknown and lower-case IDs are ignored; a repeated one: last wins */
	sockstat("UDPLITE: inuse 4\nudp: inuse 4\nUDP: inuse 6\nUDP: inuse 7\n");
	ck_assert_int_eq(sum.v[SS_SUM_UDP4], 7);
}
END_TEST

START_TEST(test_sockstat_numbers_out_of_range)
{
	/* saturated at a long, then cut to 32 bits, as glibc's %d does */
	sockstat("sockets: used 99999999999999999999\n");
	ck_assert_int_eq(sum.v[SS_SUM_SOCKETS], (int)(unsigned int)LONG_MAX);
	sockstat("sockets: used -99999999999999999999\n");
	ck_assert_int_eq(sum.v[SS_SUM_SOCKETS], (int)(unsigned int)LONG_MIN);
#if LONG_MAX > INT_MAX
	sockstat("sockets: used 4294967297\n");
	ck_assert_int_eq(sum.v[SS_SUM_SOCKETS], 1);
	sockstat("sockets: used 2147483648\n");
	ck_assert_int_eq(sum.v[SS_SUM_SOCKETS], INT_MIN);
#else
	sockstat("sockets: used 4294967297\n");
	ck_assert_int_eq(sum.v[SS_SUM_SOCKETS], INT_MAX);
#endif
}
END_TEST

START_TEST(test_sockstat_long_lines_split)
{
	char text[600];

	/* 255 bytes fill one piece; the rest is read as a line of its own */
	memset(text, 'a', 255);
	strcpy(text + 255, "RAW: inuse 7\n");
	sockstat(text);
	ck_assert_int_eq(sum.v[SS_SUM_RAW4], 7);
	/* with 254 the first piece takes the "R": "AW:" is no counter */
	memset(text, 'a', 254);
	strcpy(text + 254, "RAW: inuse 8\n");
	sockstat(text);
	ck_assert_int_eq(sum.v[SS_SUM_RAW4], 7);
}
END_TEST

START_TEST(test_sockstat_nul_bytes)
{
	static const char text[] = "RAW: inuse 5\0RAW: inuse 9\nUDP\0: inuse 4\n";

	/* a piece ends at its NUL for the parser, the file goes on after it */
	sockstat_n(text, sizeof(text) - 1);
	ck_assert_int_eq(sum.v[SS_SUM_RAW4], 5);
	ck_assert_int_eq(sum.v[SS_SUM_UDP4], 0);
}
END_TEST

static const char linux_snmp[] =
	"Ip: Forwarding DefaultTTL InReceives\n"
	"Ip: 2 64 10\n"
	"Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens "
	"AttemptFails EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs "
	"OutRsts InCsumErrors\n"
	"Tcp: 1 200 120000 -1 27 4 1 0 9 641 501 0 0 2 0\n"
	"Udp: InDatagrams NoPorts\n"
	"Udp: 3 4\n";

START_TEST(test_snmp_file)
{
	int estab = -1;

	ck_assert_int_eq(snmp(linux_snmp, &estab), 0);
	ck_assert_int_eq(estab, 9);
	ck_assert_int_eq(snmp("Tcp: CurrEstab\nTcp: -4\n", &estab), 0);
	ck_assert_int_eq(estab, -4);
}
END_TEST

START_TEST(test_snmp_short)
{
	int estab = -1;

	ck_assert_int_eq(snmp("", &estab), -ESRCH);
	ck_assert_int_eq(estab, 0);
	ck_assert_int_eq(snmp("Ip: 1\nUdp: 2\n", &estab), -ESRCH);
	/* a header and no value line */
	estab = -1;
	ck_assert_int_eq(snmp("Tcp: A CurrEstab B\n", &estab), -ESRCH);
	ck_assert_int_eq(estab, 0);
	/* the value line cut before the column: the next pair is tried */
	ck_assert_int_eq(snmp("Tcp: A CurrEstab\nTcp: 1\n"
			      "Tcp: A CurrEstab\nTcp: 1 6\n", &estab), 0);
	ck_assert_int_eq(estab, 6);
	/* the value missing at the end of the line reads as 0, found */
	estab = -1;
	ck_assert_int_eq(snmp("Tcp: A CurrEstab\nTcp: 1 \n", &estab), 0);
	ck_assert_int_eq(estab, 0);
}
END_TEST

START_TEST(test_snmp_malformed)
{
	int estab;

	/* the line after a Tcp: header must be a Tcp: line, or the search ends */
	ck_assert_int_eq(snmp("Tcp: CurrEstab\nUdp: 5\nTcp: CurrEstab\n"
			      "Tcp: 6\n", &estab), -ESRCH);
	/* without the key, ss reads the column after the last space */
	ck_assert_int_eq(snmp("Tcp: A B C\nTcp: 1 2 3\n", &estab), 0);
	ck_assert_int_eq(estab, 3);
	/* the key must be followed by a space or a newline */
	ck_assert_int_eq(snmp("Tcp: CurrEstabX CurrEstab\nTcp: 1 2\n",
			      &estab), 0);
	ck_assert_int_eq(estab, 2);
	ck_assert_int_eq(snmp("Tcp: CurrEstab\tX\nTcp: 1 2\n", &estab), 0);
	ck_assert_int_eq(estab, 1);
	/* no space in the header: never a column */
	ck_assert_int_eq(snmp("Tcp:CurrEstab\nTcp: 1\n", &estab), -ESRCH);
	/* the prefix is exact: not " Tcp:", not "Tcp" */
	ck_assert_int_eq(snmp(" Tcp: CurrEstab\nTcp: 1\n", &estab), -ESRCH);
	ck_assert_int_eq(snmp("Tcp CurrEstab\nTcp: 1\n", &estab), -ESRCH);
	/* not a number */
	ck_assert_int_eq(snmp("Tcp: CurrEstab\nTcp: x\n", &estab), 0);
	ck_assert_int_eq(estab, 0);
	ck_assert_int_eq(snmp("Tcp: CurrEstab\nTcp: 12ab\n", &estab), 0);
	ck_assert_int_eq(estab, 12);
}
END_TEST

START_TEST(test_snmp_long_lines_split)
{
	char text[3000];
	int estab;

	/* a 1023-byte piece ends a line: the header starts the next piece */
	memset(text, 'x', 1023);
	strcpy(text + 1023, "Tcp: A CurrEstab\nTcp: 5 8\n");
	ck_assert_int_eq(snmp(text, &estab), 0);
	ck_assert_int_eq(estab, 8);
	/* one byte less and "Tcp:" no longer starts a piece */
	memset(text, 'x', 1022);
	strcpy(text + 1022, "Tcp: A CurrEstab\nTcp: 5 8\n");
	ck_assert_int_eq(snmp(text, &estab), -ESRCH);
}
END_TEST

static char result[4096];

/* The summary printed into a temporary file, read back into result. */
static const char *printed(void)
{
	static struct output out;
	int fd = check_capture_open();

	output_init(&out, fd);
	ss_summary_print(&sum, &out);
	check_capture_read(&out, fd, result, sizeof(result));
	close(fd);
	return result;
}

START_TEST(test_print_layout)
{
	sockstat(linux_sockstat);
	sockstat(linux_sockstat6);
	sum.v[SS_SUM_TCP_ESTAB] = 9;
	/* closed = alloc - (inuse4 + inuse6 - tw) = 8 - (4 + 3 - 2) */
	ck_assert_str_eq(printed(),
		"Total: 18\n"
		"TCP:   10 (estab 9, closed 3, orphaned 1, timewait 2)\n"
		"\n"
		"Transport Total     IP        IPv6\n"
		"RAW\t  7         1         6        \n"
		"UDP\t  7         2         5        \n"
		"TCP\t  7         4         3        \n"
		"INET\t  21        7         14       \n"
		"FRAG\t  10        3         7        \n"
		"\n");
}
END_TEST

START_TEST(test_print_wraps_like_int)
{
	sum.v[SS_SUM_TCP_ALLOC] = INT_MAX;
	sum.v[SS_SUM_TCP_TW] = 1;
	sum.v[SS_SUM_UDP4] = INT_MAX;
	sum.v[SS_SUM_UDP6] = INT_MAX;
	printed();
	ck_assert_ptr_nonnull(strstr(result, "TCP:   -2147483648 (estab 0, "
				     "closed -2147483648, orphaned 0, "
				     "timewait 1)\n"));
	ck_assert_ptr_nonnull(strstr(result, "UDP\t  -2        2147483647 "
				     "2147483647\n"));
}
END_TEST

/* ---- reading the files ---------------------------------------------- */

static char root[64];
static char warned[8][256];
static int nwarn;
static char recorded[1024];

static void warn_cb(void *arg, const char *path, unsigned long line,
		    const char *what)
{
	(void)arg;
	(void)line;
	if (nwarn < 8)
		snprintf(warned[nwarn++], sizeof(warned[0]), "%s: %s",
			 path + strlen(root), what);
}

static void rec_data(void *arg, const char *name, const void *buf, size_t len)
{
	size_t at = strlen(recorded);

	(void)arg;
	snprintf(recorded + at, sizeof(recorded) - at, "[%s %zu]", name, len);
	(void)buf;
}


static void remove_file(const char *rel)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	unlink(path);
}

static void io_setup(void)
{
	char net[96];

	strcpy(root, "/tmp/check_ss_summary.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(root));
	snprintf(net, sizeof(net), "%s/net", root);
	ck_assert_int_eq(mkdir(net, 0755), 0);
	check_write_file(root, "net/sockstat", linux_sockstat);
	check_write_file(root, "net/sockstat6", linux_sockstat6);
	check_write_file(root, "net/snmp", linux_snmp);
	nwarn = 0;
	recorded[0] = '\0';
}

static void io_teardown(void)
{
	char net[96];

	remove_file("net/sockstat");
	remove_file("net/sockstat6");
	remove_file("net/snmp");
	remove_file("other");
	snprintf(net, sizeof(net), "%s/net", root);
	rmdir(net);
	rmdir(root);
}

/* ss_summary_show() on the tree; the first line of what it printed. */
static const char *show(const struct lsock_source *src)
{
	static struct output out;
	int fd = check_capture_open();

	output_init(&out, fd);
	ss_summary_show(src, &out);
	check_capture_read(&out, fd, result, sizeof(result));
	close(fd);
	return result;
}

static void source(struct lsock_source *src)
{
	memset(src, 0, sizeof(*src));
	src->proc_root = root;
	src->warn = warn_cb;
}

START_TEST(test_show_reads_the_tree)
{
	static const struct lsock_capture cap = { .proc_data = rec_data };
	struct lsock_source src;
	char want[128];

	source(&src);
	src.record = &cap;
	show(&src);
	ck_assert_ptr_nonnull(strstr(result, "TCP:   10 (estab 9, closed 3,"));
	ck_assert_ptr_nonnull(strstr(result, "RAW\t  7         1         6"));
	ck_assert_int_eq(nwarn, 0);
	snprintf(want, sizeof(want), "[net/sockstat %zu][net/sockstat6 %zu]"
		 "[net/snmp %zu]", strlen(linux_sockstat),
		 strlen(linux_sockstat6), strlen(linux_snmp));
	ck_assert_str_eq(recorded, want);
}
END_TEST

START_TEST(test_show_missing_sockstat)
{
	struct lsock_source src;

	source(&src);
	remove_file("net/sockstat");
	show(&src);
	/* as in ss: sockstat6 is not read either; estab still is */
	ck_assert_ptr_nonnull(strstr(result, "Total: 0\nTCP:   0 (estab 9, "));
	ck_assert_ptr_nonnull(strstr(result, "RAW\t  0         0         0"));
	ck_assert_int_eq(nwarn, 1);
	ck_assert_str_eq(warned[0], "/net/sockstat: No such file or directory;"
			 " the summary shows 0 sockets");
}
END_TEST

START_TEST(test_show_missing_sockstat6_is_quiet)
{
	struct lsock_source src;

	source(&src);
	remove_file("net/sockstat6");
	show(&src);
	ck_assert_ptr_nonnull(strstr(result, "RAW\t  1         1         0"));
	ck_assert_int_eq(nwarn, 0);
}
END_TEST

START_TEST(test_show_snmp_problems)
{
	struct lsock_source src;

	source(&src);
	check_write_file(root, "net/snmp", "Ip: 1\nIp: 2\n");
	show(&src);
	ck_assert_ptr_nonnull(strstr(result, "(estab 0, "));
	ck_assert_int_eq(nwarn, 1);
	ck_assert_str_eq(warned[0], "/net/snmp: no Tcp: CurrEstab counter; "
			 "the summary shows 0 established TCP connections");
	remove_file("net/snmp");
	show(&src);
	ck_assert_int_eq(nwarn, 2);
	ck_assert_str_eq(warned[1], "/net/snmp: No such file or directory; "
			 "the summary shows 0 established TCP connections");
}
END_TEST

START_TEST(test_show_directory_reads_as_empty)
{
	struct lsock_source src;
	char dir[96];

	/* open() works, read() fails: like ss, the next file is still read */
	source(&src);
	snprintf(dir, sizeof(dir), "%s/other", root);
	ck_assert_int_eq(mkdir(dir, 0755), 0);
	src.proc_file[LSOCK_PF_SOCKSTAT] = dir;
	show(&src);
	rmdir(dir);
	ck_assert_ptr_nonnull(strstr(result, "Total: 0\n"));
	ck_assert_ptr_nonnull(strstr(result, "RAW\t  6         0         6"));
	ck_assert_int_eq(nwarn, 1);
	ck_assert_str_eq(warned[0], "/other: read failed (Is a directory); "
			 "the summary may be incomplete");
}
END_TEST

START_TEST(test_show_override_paths)
{
	struct lsock_source src;
	char other[96];

	source(&src);
	check_write_file(root, "other", "Tcp: CurrEstab\nTcp: 42\n");
	snprintf(other, sizeof(other), "%s/other", root);
	src.proc_file[LSOCK_PF_SNMP] = other;
	show(&src);
	ck_assert_ptr_nonnull(strstr(result, "(estab 42, "));
	ck_assert_int_eq(nwarn, 0);
}
END_TEST

static Suite *summary_suite(void)
{
	Suite *s = suite_create("ss-summary");
	TCase *tc = tcase_create("parse");
	TCase *io = tcase_create("files");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_sockstat_files);
	tcase_add_test(tc, test_sockstat_short);
	tcase_add_test(tc, test_sockstat_malformed);
	tcase_add_test(tc, test_sockstat_numbers_out_of_range);
	tcase_add_test(tc, test_sockstat_long_lines_split);
	tcase_add_test(tc, test_sockstat_nul_bytes);
	tcase_add_test(tc, test_snmp_file);
	tcase_add_test(tc, test_snmp_short);
	tcase_add_test(tc, test_snmp_malformed);
	tcase_add_test(tc, test_snmp_long_lines_split);
	tcase_add_test(tc, test_print_layout);
	tcase_add_test(tc, test_print_wraps_like_int);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(io, io_setup, io_teardown);
	tcase_add_checked_fixture(io, setup, NULL);
	tcase_add_test(io, test_show_reads_the_tree);
	tcase_add_test(io, test_show_missing_sockstat);
	tcase_add_test(io, test_show_missing_sockstat6_is_quiet);
	tcase_add_test(io, test_show_snmp_problems);
	tcase_add_test(io, test_show_directory_reads_as_empty);
	tcase_add_test(io, test_show_override_paths);
	suite_add_tcase(s, io);
	return s;
}

int main(void)
{
	return check_run(summary_suite());
}
