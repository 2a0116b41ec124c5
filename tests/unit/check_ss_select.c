/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ss 6.1's table/family/state selection, quirks included (ss.md 1.3). */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "sock.h"
#include "ss-select.h"
#include "check-run.h"

#define DBM(x)	LSOCK_DBM(LSOCK_DB_##x)
#define SSM(x)	LSOCK_SSM(LSOCK_SS_##x)

static struct ss_select sel;

static void setup(void)
{
	ss_select_init(&sel);
}

static void query(const char *list)
{
	char buf[128];
	const char *bad;

	strcpy(buf, list);
	ck_assert_int_eq(ss_select_query(&sel, buf, &bad), 0);
}

START_TEST(test_default_run)
{
	ss_select_finish(&sel);
	ck_assert_uint_eq(sel.states, LSOCK_SS_CONN);
	ck_assert(sel.dbs & DBM(TCP));
	ck_assert(sel.dbs & LSOCK_DBM_UNIX);
	ck_assert(!(sel.dbs & DBM(TIPC)));
	ck_assert(sel.families & LSOCK_FAM(AF_NETLINK));
}
END_TEST

START_TEST(test_query_resets_earlier_tables)
{
	ss_select_db(&sel, LSOCK_DB_TCP, true);
	query("udp");
	ss_select_finish(&sel);
	ck_assert_uint_eq(sel.dbs, DBM(UDP));
	ck_assert_uint_eq(sel.states, LSOCK_SS_CONN);
}
END_TEST

START_TEST(test_query_then_table_keeps_both)
{
	query("udp");
	ss_select_db(&sel, LSOCK_DB_TCP, true);
	ss_select_finish(&sel);
	ck_assert_uint_eq(sel.dbs, DBM(UDP) | DBM(TCP));
}
END_TEST

START_TEST(test_state_defaults_leak)
{
	/* ss -u -0 shows UDP UNCONN sockets: packet wants CLOSE */
	ss_select_db(&sel, LSOCK_DB_UDP, true);
	ss_select_af(&sel, AF_PACKET);
	ss_select_finish(&sel);
	ck_assert(sel.states & SSM(CLOSE));
	ck_assert(sel.states & SSM(ESTABLISHED));
	ck_assert_uint_eq(sel.dbs, DBM(UDP) | LSOCK_DBM_PACKET);
}
END_TEST

START_TEST(test_family_adds_its_tables)
{
	ss_select_af(&sel, AF_INET);
	ss_select_finish(&sel);
	ck_assert_uint_eq(sel.dbs, LSOCK_DBM_INET);
	ck_assert_uint_eq(sel.families, LSOCK_FAM(AF_INET));
	ck_assert_int_eq(sel.preferred_family, AF_INET);
}
END_TEST

START_TEST(test_last_family_is_preferred)
{
	ss_select_af(&sel, AF_INET);
	ss_select_af(&sel, AF_INET6);
	ss_select_db(&sel, LSOCK_DB_TCP, true);
	ss_select_finish(&sel);
	ck_assert_int_eq(sel.preferred_family, AF_INET6);
	ck_assert_uint_eq(sel.families,
			  LSOCK_FAM(AF_INET) | LSOCK_FAM(AF_INET6));
}
END_TEST

START_TEST(test_exclude_all_means_default)
{
	ck_assert_int_eq(ss_select_state(&sel, "all", true), 0);
	ss_select_finish(&sel);
	ck_assert_uint_eq(sel.states, LSOCK_SS_CONN);
}
END_TEST

START_TEST(test_state_words)
{
	ss_select_db(&sel, LSOCK_DB_TCP, true);
	ck_assert_int_eq(ss_select_state(&sel, "ALL", false), 0);
	ck_assert_int_eq(ss_select_state(&sel, "listening", true), 0);
	ss_select_finish(&sel);
	ck_assert_uint_eq(sel.states, LSOCK_SS_ALL & ~SSM(LISTEN));
}
END_TEST

START_TEST(test_state_first_word_resets)
{
	ss_select_all(&sel);
	ck_assert_int_eq(ss_select_state(&sel, "established", false), 0);
	ck_assert_int_eq(ss_select_state(&sel, "syn-rcv", false), 0);
	ss_select_finish(&sel);
	ck_assert_uint_eq(sel.states, SSM(ESTABLISHED) | SSM(SYN_RECV));
}
END_TEST

START_TEST(test_bad_names)
{
	char buf[32] = "tcp,bogus";
	const char *bad = NULL;

	ck_assert_int_eq(ss_select_state(&sel, "listen", false), -EINVAL);
	ck_assert_int_eq(ss_select_query(&sel, buf, &bad), -EINVAL);
	ck_assert_str_eq(bad, "bogus");
}
END_TEST

START_TEST(test_query_negation)
{
	query("unix,!u_str");
	ss_select_finish(&sel);
	ck_assert_uint_eq(sel.dbs, DBM(UNIX_DG) | DBM(UNIX_SQ));
}
END_TEST

START_TEST(test_listening_and_all_last_wins)
{
	ss_select_all(&sel);
	ss_select_listening(&sel);
	ss_select_db(&sel, LSOCK_DB_TCP, true);
	ss_select_finish(&sel);
	ck_assert_uint_eq(sel.states, SSM(LISTEN) | SSM(CLOSE));
}
END_TEST

static Suite *select_suite(void)
{
	Suite *s = suite_create("ss-select");
	TCase *tc = tcase_create("select");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_default_run);
	tcase_add_test(tc, test_query_resets_earlier_tables);
	tcase_add_test(tc, test_query_then_table_keeps_both);
	tcase_add_test(tc, test_state_defaults_leak);
	tcase_add_test(tc, test_family_adds_its_tables);
	tcase_add_test(tc, test_last_family_is_preferred);
	tcase_add_test(tc, test_exclude_all_means_default);
	tcase_add_test(tc, test_state_words);
	tcase_add_test(tc, test_state_first_word_resets);
	tcase_add_test(tc, test_bad_names);
	tcase_add_test(tc, test_query_negation);
	tcase_add_test(tc, test_listening_and_all_last_wins);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(select_suite());
}
