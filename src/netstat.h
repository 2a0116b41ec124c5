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
	/*
	 * Protocols and families, final: netstat's rules (netstat.md 1.4) are
	 * applied by the command line. -4, -6, -A inet[6] or -s without a
	 * protocol select all five protocols and set noprot; a protocol (or
	 * -g) without a family selects both families.
	 */
	bool tcp, udp, udplite, sctp, raw, unix_socks;	/* -t -u -U -S -w -x */
	bool inet, inet6;	/* -4 -6 -A inet/inet6 (and their long forms) */
	bool noprot;		/* the protocols were implied: tables quiet */
	/* families netstat lists but lsock has no table for (-A ipx, ...) */
	bool ipx, ax25, netrom, x25, rose;
	bool l2cap, rfcomm;	/* -2 -f --bluetooth (-BLUETOOTH build) */
	/*
	 * The family names as netstat collects them from -A, -4, -6, -x and
	 * the --inet style options, comma-joined in order ("inet,inet6";
	 * aliases translated: ip -> inet, appletalk -> ddp, econet -> ec).
	 * Empty when none was given; -s and -r default to "inet".
	 */
	char afname[256];
	/* which sockets */
	bool listening;		/* -l */
	bool all;		/* -a (also: -i shows interfaces that are down) */
	/* how */
	bool numeric_hosts, numeric_ports, numeric_users;	/* -n sets all */
	bool symbolic;		/* -N */
	int extend;		/* -e, counted (netstat's flag_exp is 1 + this) */
	bool programs;		/* -p */
	bool timers;		/* -o */
	bool wide;		/* -W */
	bool continuous;	/* -c */
	int verbose;		/* -v, counted */
	bool fib, cache;	/* -F -C (with -r) */
	/* where the data comes from, as in ss mode */
	struct lsock_source src;	/* src.proc_root: PROC_ROOT, DIR/proc */
	enum lsock_backend_choice backend;
	bool forced_proc;	/* PROC_ROOT is set: every table from /proc */
	const char *replay_dir;	/* --replay DIR */
	const char *record_dir;	/* --record DIR */
	bool why;		/* --why: each table's source on stderr */
	char *owned_root;	/* --replay: DIR/proc, freed by netstat_main */
};

/*
 * netstat-cli.c: the personality's entry point, with main()'s arguments.
 * Called as "netstat", argv[0] names the program in getopt's messages, as
 * it does for netstat; called as "lsock --netstat ...", they say "netstat".
 */
int netstat_main(int argc, char **argv);

/* netstat-list.c: the socket listing (the default mode), -c included. */
int netstat_list_run(const struct netstat_ctl *ctl, struct output *out);

/*
 * The modes besides the socket listing (netstat.md 3 and 4). Each loops
 * itself under -c. netstat_groups_print prints the whole -g section (title,
 * header, separator, rows) once; the listing calls it every -c round.
 */
int netstat_stats_run(const struct netstat_ctl *ctl, struct output *out);
int netstat_iface_run(const struct netstat_ctl *ctl, struct output *out);
int netstat_route_run(const struct netstat_ctl *ctl, struct output *out);
int netstat_masq_run(const struct netstat_ctl *ctl, struct output *out);
/* -g: the multicast section of the socket listing */
int netstat_groups_print(const struct netstat_ctl *ctl, struct output *out);

#endif /* LSOCK_NETSTAT_H */
