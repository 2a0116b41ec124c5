/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The ss personality: its command line, and the run it describes. */
#ifndef LSOCK_SS_CLI_H
#define LSOCK_SS_CLI_H

#include <stdbool.h>

#include "backends/backend.h"
#include "filter.h"
#include "resolve.h"
#include "ss-select.h"
#include "ss-show.h"

/* Exit codes ss uses */
#define SS_EXIT_OK	0
#define SS_EXIT_FAIL	1
#define SS_EXIT_USAGE	255

struct ss_kill;

struct ss_ctl {
	struct ss_select sel;
	bool numeric;
	bool resolve;
	bool header;
	struct ss_show show;	/* details after the columns (-p -e -o ...) */
	bool summary;		/* -s */
	bool kill;		/* -K: SOCK_DESTROY what matches */
	bool events;		/* -E: follow destroy events */
	const char *dump_file;	/* -D FILE: the raw TCP dump */
	const char *netns;	/* -N NAME (entered while parsing, as ss) */
	bool why;		/* --why: say where each table came from */
	enum lsock_backend_choice backend;
	unsigned int forced_proc;	/* tables ss would read from /proc */
	struct lsock_source src;
	char *port_range_path;
	const char *record_dir;	/* --record */
	const char *replay_dir;	/* --replay */
	char *ifnames_path;	/* --replay: the recorded interface names */
	char *owned_root;	/* --replay: DIR/proc */
	int full_argc;		/* the command line, for a recording's META */
	char **full_argv;
	int argc;		/* words after the options and state words */
	char **argv;
	const char *filter_file;	/* -F FILE ("-..." is stdin) */
	bool no_bytecode;	/* LSOCK_NO_BYTECODE */
	struct filter *filter;	/* the expression, or NULL */
	uint8_t *bytecode;	/* filter compiled for inet_diag, or NULL */
	size_t bytecode_len;
	int bytecode_rc;	/* why there is none: -ENOTSUP, ... */
	int bytecode_refused;	/* the kernel's errno for it, or 0 */
	struct ss_kill *killer;	/* -K: while the listing runs (ss-kill.h) */
};

/* The filter of a run (ss-filter.c): -1 to go on, else an exit code. */
int ss_filter_setup(struct ss_ctl *ctl, struct resolver *res);
void ss_filter_free(struct ss_ctl *ctl);
/* After the run: an exit code if the filter lacked data, else -1. */
int ss_filter_check(const struct ss_ctl *ctl, const struct filter_ctx *fctx);
/* --why: how the filter was applied to an inet table. */
const char *ss_filter_why(const struct ss_ctl *ctl);

/* Parses argv into ctl. Returns -1 to go on, else an exit code. */
int ss_cli_parse(struct ss_ctl *ctl, int argc, char **argv);
/* Runs the listing; returns the exit code. */
int ss_run(struct ss_ctl *ctl);
int ss_main(int argc, char **argv);

#endif /* LSOCK_SS_CLI_H */
