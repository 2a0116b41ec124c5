/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli-record.h"

int cli_record_start(struct record *rec, const char *dir, int argc,
		     char **argv)
{
	int rc = record_open(rec, dir, argc, argv);

	if (rc == 0)
		return 0;
	fprintf(stderr, "lsock: --record %s: %s\n", dir,
		rc == -EEXIST ? "already holds a recording" : strerror(-rc));
	record_close(rec);
	return -1;
}

int cli_record_finish(struct record *rec, const char *dir,
		      const char *proc_root)
{
	int err;

	record_system(rec, proc_root);
	err = record_close(rec);
	if (err == 0)
		return 0;
	fprintf(stderr, "lsock: --record %s: %s\n", dir, strerror(-err));
	return -1;
}
