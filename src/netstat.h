/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The netstat personality: net-tools 2.10's command line and output. The
 * command line (netstat-cli.c) fills one control struct; each mode is a
 * module of its own that reads it and writes through the buffered stdout.
 * Every mode function returns netstat's exit code (0, 1, 3, 255).
 */
#ifndef LSOCK_NETSTAT_H
#define LSOCK_NETSTAT_H

#include <stdbool.h>

#include "backends/backend.h"
#include "output.h"

/* Exit codes netstat uses */
#define NETSTAT_EXIT_OK		0
#define NETSTAT_EXIT_FAIL	1
#define NETSTAT_EXIT_USAGE	3
#define NETSTAT_EXIT_PROC	255

struct netstat_ctl {
	/* the mode: at most one of these (netstat.md 1.3) */
	bool route;		/* -r */
	bool interfaces;	/* -i */
	bool statistics;	/* -s */
	bool masquerade;	/* -M */
	bool groups;		/* -g: part of the socket listing */
	/* protocols and families */
	bool tcp, udp, udplite, sctp, raw, unix_socks;	/* -t -u -U -S -w -x */
	bool inet, inet6;	/* -4 -6 -A inet/inet6 (and their long forms) */
	/*
	 * The families as net-tools' afname lists them: every -4 -6 -x -A
	 * and --inet style option appends its family's name ("inet",
	 * "inet6", "unix", "ipx", "ax25", "netrom", "rose", "x25", "ddp",
	 * "ec", "ash", "bluetooth"), comma-separated, in option order,
	 * repeats kept; NULL or "" when none was given. -r and -s read it.
	 */
	const char *afname;
	/*
	 * net-tools' "no protocol" mode: a family (-4 -6 -A) was named but
	 * none of -t -u -U -S -w, so all of them are listed and a table
	 * whose /proc file is missing is passed over in silence (-g too).
	 */
	bool no_protocol;
	/* which sockets */
	bool listening;		/* -l */
	bool all;		/* -a (also: -i shows interfaces that are down) */
	/* how */
	bool numeric_hosts, numeric_ports, numeric_users;	/* -n sets all */
	bool symbolic;		/* -N */
	int extend;		/* -e, counted */
	bool programs;		/* -p */
	bool timers;		/* -o */
	bool wide;		/* -W */
	bool continuous;	/* -c */
	int verbose;		/* -v, counted */
	bool fib, cache;	/* -F -C (with -r) */
	/* where the data comes from, as in ss mode */
	struct lsock_source src;
	enum lsock_backend_choice backend;
	const char *replay_dir;	/* --replay DIR */
};

/* netstat-cli.c: the personality's entry point. */
int netstat_main(int argc, char **argv);

/* The modes besides the socket listing (netstat.md 3 and 4). */
int netstat_stats_run(const struct netstat_ctl *ctl, struct output *out);
int netstat_iface_run(const struct netstat_ctl *ctl, struct output *out);
int netstat_route_run(const struct netstat_ctl *ctl, struct output *out);
int netstat_masq_run(const struct netstat_ctl *ctl, struct output *out);
/* -g: the multicast section of the socket listing */
int netstat_groups_print(const struct netstat_ctl *ctl, struct output *out);

#endif /* LSOCK_NETSTAT_H */
