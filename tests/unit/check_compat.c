/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The compat/ replacements behave like the C library functions they stand
 * in for (on this system the test may exercise the library's own). */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compat/compat.h"
#include "check-run.h"

START_TEST(test_strlcpy)
{
	char buf[8];

	ck_assert_uint_eq(strlcpy(buf, "abc", sizeof(buf)), 3);
	ck_assert_str_eq(buf, "abc");
	ck_assert_uint_eq(strlcpy(buf, "0123456789", sizeof(buf)), 10);
	ck_assert_str_eq(buf, "0123456");
	buf[0] = 'x';
	ck_assert_uint_eq(strlcpy(buf, "abc", 0), 3);
	ck_assert_int_eq(buf[0], 'x');
}
END_TEST

START_TEST(test_reallocarray)
{
	volatile size_t huge = SIZE_MAX / 2;	/* hidden from the compiler */
	int *p = reallocarray(NULL, 4, sizeof(int));

	ck_assert_ptr_nonnull(p);
	p[3] = 7;
#ifndef __SANITIZE_ADDRESS__
	/* (ASan's allocator aborts on an overflowing size by design) */
	errno = 0;
	ck_assert_ptr_null(reallocarray(p, huge, 4));
	ck_assert_int_eq(errno, ENOMEM);
#else
	(void)huge;
#endif
	p = reallocarray(p, 8, sizeof(int));
	ck_assert_ptr_nonnull(p);
	ck_assert_int_eq(p[3], 7);
	free(p);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("compat");
	TCase *tc = tcase_create("functions");

	tcase_add_test(tc, test_strlcpy);
	tcase_add_test(tc, test_reallocarray);
	suite_add_tcase(s, tc);
	return check_run(s);
}
