/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Runs one Check suite the same way in every unit test program. */
#ifndef LSOCK_CHECK_RUN_H
#define LSOCK_CHECK_RUN_H

#include <check.h>

/* Runs s with CK_ENV settings; returns the process exit status. */
int check_run(Suite *s);

#endif /* LSOCK_CHECK_RUN_H */
