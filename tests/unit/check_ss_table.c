/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ss's column layout: compact widths, terminal spreading, batches. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"
#include "ss-table.h"
#include "check-run.h"

static struct output out;
static char result[1 << 20];

/* Renders into a temporary file and reads it back into result. */
static int tmpfd;

static void setup(void)
{
	tmpfd = check_capture_open();
	output_init(&out, tmpfd);
}

static void teardown(void)
{
	close(tmpfd);
}

static const char *collect(void)
{
	return check_capture_read(&out, tmpfd, result, sizeof(result));
}

static void row(struct ss_table *t, const char *netid, const char *st,
		const char *la, const char *lp, const char *ra, const char *rp)
{
	ss_table_set(t, SS_COL_NETID);
	ss_table_puts(t, netid);
	ss_table_set(t, SS_COL_STATE);
	ss_table_puts(t, st);
	ss_table_set(t, SS_COL_RECVQ);
	ss_table_printf(t, "%-6d", 0);
	ss_table_set(t, SS_COL_SENDQ);
	ss_table_printf(t, "%-6d", 0);
	ss_table_set(t, SS_COL_ADDR);
	ss_table_puts(t, la);
	ss_table_next(t);
	ss_table_puts(t, lp);
	ss_table_next(t);
	ss_table_puts(t, ra);
	ss_table_next(t);
	ss_table_puts(t, rp);
	ss_table_next(t);
}

START_TEST(test_compact_layout)
{
	struct ss_table t;

	ss_table_init(&t, &out, -1);
	ss_table_disable(&t, SS_COL_NETID);
	ss_table_header(&t);
	row(&t, "tcp", "LISTEN", "0.0.0.0:", "22", "0.0.0.0:", "*");
	ss_table_render(&t);
	ss_table_free(&t);
	ck_assert_str_eq(collect(),
		"State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n"
		"LISTEN 0      0            0.0.0.0:22        0.0.0.0:*          \n");
}
END_TEST

START_TEST(test_no_header_no_padding_after_port)
{
	struct ss_table t;

	ss_table_init(&t, &out, -1);
	ss_table_disable(&t, SS_COL_NETID);
	row(&t, "tcp", "LISTEN", "0.0.0.0%lo:", "7777", "0.0.0.0:", "*");
	ss_table_render(&t);
	ss_table_free(&t);
	ck_assert_str_eq(collect(),
			 "LISTEN 0      0      0.0.0.0%lo:7777 0.0.0.0:*\n");
}
END_TEST

START_TEST(test_terminal_spreads_to_width)
{
	struct ss_table t;
	const char *s, *nl;

	ss_table_init(&t, &out, 100);
	ss_table_header(&t);
	row(&t, "tcp", "ESTAB", "127.0.0.1:", "22", "127.0.0.1:", "40000");
	ss_table_render(&t);
	ss_table_free(&t);
	s = collect();
	nl = strchr(s, '\n');
	ck_assert_ptr_nonnull(nl);
	ck_assert_int_eq(nl - s, 100);
	nl = strchr(nl + 1, '\n');
	ck_assert_ptr_nonnull(nl);
	ck_assert_int_eq(strlen(s), 202);
}
END_TEST

START_TEST(test_terminal_narrow_wraps_columns)
{
	struct ss_table t;
	const char *s;

	/* a column that does not fit starts a new terminal line */
	ss_table_init(&t, &out, 30);
	ss_table_header(&t);
	ss_table_render(&t);
	ss_table_free(&t);
	s = collect();
	ck_assert_int_eq(strlen(s) % 30, 1);
	ck_assert_int_eq(s[strlen(s) - 1], '\n');
}
END_TEST

START_TEST(test_batches_keep_earlier_widths)
{
	struct ss_table t;
	char addr[64];
	const char *s;
	int i;

	/* enough rows for ss's five 1 MiB chunks, then one wider row */
	ss_table_init(&t, &out, -1);
	ss_table_disable(&t, SS_COL_NETID);
	ss_table_disable(&t, SS_COL_STATE);
	for (i = 0; i < 140000; i++)
		row(&t, "tcp", "ESTAB", "10.0.0.1:", "1", "10.0.0.2:", "2");
	snprintf(addr, sizeof(addr), "%s", "100.100.100.100:");
	row(&t, "tcp", "ESTAB", addr, "65535", "10.0.0.2:", "2");
	ss_table_render(&t);
	ss_table_free(&t);
	ck_assert_int_eq(output_flush(&out), 0);
	lseek(tmpfd, 0, SEEK_SET);
	ck_assert_int_gt(read(tmpfd, result, 64), 0);
	result[64] = '\0';
	/* the first batch was printed before the wide row was seen */
	s = strstr(result, "10.0.0.1:1");
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(s - result, 14);
	ck_assert_int_eq(strncmp(result, "0      0      ", 14), 0);
}
END_TEST

static Suite *table_suite(void)
{
	Suite *s = suite_create("ss-table");
	TCase *tc = tcase_create("layout");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_compact_layout);
	tcase_add_test(tc, test_no_header_no_padding_after_port);
	tcase_add_test(tc, test_terminal_spreads_to_width);
	tcase_add_test(tc, test_terminal_narrow_wraps_columns);
	tcase_add_test(tc, test_batches_keep_earlier_widths);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(table_suite());
}
