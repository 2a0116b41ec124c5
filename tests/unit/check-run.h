/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Runs one Check suite the same way in every unit test program. */
#ifndef LSOCK_CHECK_RUN_H
#define LSOCK_CHECK_RUN_H

#include <check.h>
#include <stddef.h>

/* Runs s with CK_ENV settings; returns the process exit status. */
int check_run(Suite *s);

/*
 * Output captured in an unlinked temporary file: check_capture_open()
 * returns its fd (for output_init), check_capture_read() flushes out and
 * reads everything written so far into buf, NUL-terminated.
 */
struct output;
int check_capture_open(void);
const char *check_capture_read(struct output *out, int fd, char *buf,
			       size_t size);

/* Writes text to DIR/REL (the test fails if the file cannot be made). */
void check_write_file(const char *dir, const char *rel, const char *text);

#endif /* LSOCK_CHECK_RUN_H */
