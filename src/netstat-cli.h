/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The netstat personality's command line, in two steps. */
#ifndef LSOCK_NETSTAT_CLI_H
#define LSOCK_NETSTAT_CLI_H

#include <getopt.h>

#include "netstat.h"
#include "record.h"

/* lsock's own options, found by netstat_opts_take() */
struct netstat_opts {
	const char *backend;	/* --backend NAME */
	const char *record_dir;	/* --record DIR */
	const char *replay_dir;	/* --replay DIR */
	bool why;		/* --why */
};

/* netstat 2.10's long options, in its order. */
const struct option *netstat_cli_long_opts(void);

/*
 * Moves lsock's own long options (--backend, --record, --replay, --why and
 * their unique abbreviations that no netstat option shares) out of argv
 * into *o, keeping everything else in order, up to a "--". Returns -1, or
 * netstat's usage exit code after a message.
 */
int netstat_opts_take(int *argc, char **argv, struct netstat_opts *o);
/* Applies them to ctl (the data source); -1 to go on, else an exit code. */
int netstat_opts_apply(struct netstat_ctl *ctl, const struct netstat_opts *o,
		       struct record *rec, int argc, char **argv);
/* After the run: closes a recording. Returns rc, or 1 if recording failed. */
int netstat_opts_finish(struct netstat_ctl *ctl, struct record *rec, int rc);

/*
 * netstat's options, parsed with getopt_long (its messages, its exit codes):
 * -1 to go on to the mode, else the exit code (-h and -V wrote to out).
 */
int netstat_cli_parse(struct netstat_ctl *ctl, int argc, char **argv,
		      struct output *out);

#endif /* LSOCK_NETSTAT_CLI_H */
