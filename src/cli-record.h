/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --record DIR for both personalities: open the recording before the run
 * and finish it after, saying on stderr what went wrong.
 */
#ifndef LSOCK_CLI_RECORD_H
#define LSOCK_CLI_RECORD_H

#include "record.h"

/* 0, or -1 after one stderr line (the recording is closed again). */
int cli_record_start(struct record *rec, const char *dir, int argc,
		     char **argv);
/* Saves what rendering needs and closes: 0, or -1 after one line. */
int cli_record_finish(struct record *rec, const char *dir,
		      const char *proc_root);

#endif /* LSOCK_CLI_RECORD_H */
