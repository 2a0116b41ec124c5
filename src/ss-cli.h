/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The ss personality: its command line, and the run it describes. */
#ifndef LSOCK_SS_CLI_H
#define LSOCK_SS_CLI_H

#include <stdbool.h>

#include "backends/backend.h"
#include "ss-select.h"

/* Exit codes ss uses */
#define SS_EXIT_OK	0
#define SS_EXIT_FAIL	1
#define SS_EXIT_USAGE	255

struct ss_ctl {
	struct ss_select sel;
	bool numeric;
	bool resolve;
	bool header;
	bool oneline;
	enum lsock_backend_choice backend;
	struct lsock_source src;
	char *port_range_path;
	int argc;		/* words after the options and state words */
	char **argv;
};

/* Parses argv into ctl. Returns -1 to go on, else an exit code. */
int ss_cli_parse(struct ss_ctl *ctl, int argc, char **argv);
/* Runs the listing; returns the exit code. */
int ss_run(struct ss_ctl *ctl);
int ss_main(int argc, char **argv);

#endif /* LSOCK_SS_CLI_H */
