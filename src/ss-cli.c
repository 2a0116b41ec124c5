/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss's command line: the same letters, long names and order rules as ss 6.1,
 * with lsock's own one-line error messages and ss's exit codes.
 */
#include "config.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cli-opt.h"
#include "env.h"
#include "ss-cli.h"
#include "ss-netns.h"
#include "sock.h"

#define SS_SHORTOPTS	"+dhaletuwxnro460spTbEf:mMiA:D:F:vVzZN:KHSO"
#define SS_SHORTARGS	"fADFN"

enum {
	OPT_VSOCK = 256,
	OPT_TIPCSOCK,
	OPT_TIPCINFO,
	OPT_TOS,
	OPT_XDPSOCK,
	OPT_CGROUP,
	OPT_INET_SOCKOPT,
	OPT_BACKEND,
	OPT_WHY,
	OPT_RECORD,
	OPT_REPLAY,
};

static const struct option ss_long_opts[] = {
	{ "numeric", no_argument, NULL, 'n' },
	{ "resolve", no_argument, NULL, 'r' },
	{ "options", no_argument, NULL, 'o' },
	{ "extended", no_argument, NULL, 'e' },
	{ "memory", no_argument, NULL, 'm' },
	{ "info", no_argument, NULL, 'i' },
	{ "processes", no_argument, NULL, 'p' },
	{ "bpf", no_argument, NULL, 'b' },
	{ "events", no_argument, NULL, 'E' },
	{ "dccp", no_argument, NULL, 'd' },
	{ "tcp", no_argument, NULL, 't' },
	{ "sctp", no_argument, NULL, 'S' },
	{ "udp", no_argument, NULL, 'u' },
	{ "raw", no_argument, NULL, 'w' },
	{ "unix", no_argument, NULL, 'x' },
	{ "tipc", no_argument, NULL, OPT_TIPCSOCK },
	{ "vsock", no_argument, NULL, OPT_VSOCK },
	{ "all", no_argument, NULL, 'a' },
	{ "listening", no_argument, NULL, 'l' },
	{ "ipv4", no_argument, NULL, '4' },
	{ "ipv6", no_argument, NULL, '6' },
	{ "packet", no_argument, NULL, '0' },
	{ "family", required_argument, NULL, 'f' },
	{ "socket", required_argument, NULL, 'A' },
	{ "query", required_argument, NULL, 'A' },
	{ "summary", no_argument, NULL, 's' },
	{ "diag", required_argument, NULL, 'D' },
	{ "filter", required_argument, NULL, 'F' },
	{ "version", no_argument, NULL, 'V' },
	{ "help", no_argument, NULL, 'h' },
	{ "context", no_argument, NULL, 'Z' },
	{ "contexts", no_argument, NULL, 'z' },
	{ "net", required_argument, NULL, 'N' },
	{ "tipcinfo", no_argument, NULL, OPT_TIPCINFO },
	{ "tos", no_argument, NULL, OPT_TOS },
	{ "cgroup", no_argument, NULL, OPT_CGROUP },
	{ "kill", no_argument, NULL, 'K' },
	{ "no-header", no_argument, NULL, 'H' },
	{ "xdp", no_argument, NULL, OPT_XDPSOCK },
	{ "mptcp", no_argument, NULL, 'M' },
	{ "oneline", no_argument, NULL, 'O' },
	{ "inet-sockopt", no_argument, NULL, OPT_INET_SOCKOPT },
	{ "threads", no_argument, NULL, 'T' },
	{ NULL, 0, NULL, 0 },
};

static const struct option lsock_long_opts[] = {
	{ "backend", required_argument, NULL, OPT_BACKEND },
	{ "why", no_argument, NULL, OPT_WHY },
	{ "record", required_argument, NULL, OPT_RECORD },
	{ "replay", required_argument, NULL, OPT_REPLAY },
	{ NULL, 0, NULL, 0 },
};

/* getopt_long() needs both tables in one array. */
static struct option ss_all_opts[sizeof(ss_long_opts) / sizeof(ss_long_opts[0]) +
				 sizeof(lsock_long_opts) /
				 sizeof(lsock_long_opts[0])];

static void ss_cli_merge_opts(void)
{
	size_t n = sizeof(ss_long_opts) / sizeof(ss_long_opts[0]) - 1;

	memcpy(ss_all_opts, ss_long_opts, n * sizeof(ss_long_opts[0]));
	memcpy(ss_all_opts + n, lsock_long_opts, sizeof(lsock_long_opts));
}

static void ss_usage(FILE *f)
{
	fputs(
"Usage: lsock [ OPTIONS ]\n"
"       lsock [ OPTIONS ] [ FILTER ]\n"
"   -h, --help          this message\n"
"   -V, -v, --version   output version information\n"
"   -n, --numeric       don't resolve service names\n"
"   -r, --resolve       resolve host names\n"
"   -a, --all           display all sockets\n"
"   -l, --listening     display listening sockets\n"
"   -s, --summary       show socket usage summary\n"
"\n"
"   -4, --ipv4          display only IP version 4 sockets\n"
"   -6, --ipv6          display only IP version 6 sockets\n"
"   -0, --packet        display PACKET sockets\n"
"   -t, --tcp           display only TCP sockets\n"
"   -M, --mptcp         display only MPTCP sockets\n"
"   -S, --sctp          display only SCTP sockets\n"
"   -u, --udp           display only UDP sockets\n"
"   -d, --dccp          display only DCCP sockets\n"
"   -w, --raw           display only RAW sockets\n"
"   -x, --unix          display only Unix domain sockets\n"
"       --tipc          display only TIPC sockets\n"
"       --vsock         display only vsock sockets\n"
"       --xdp           display only XDP sockets\n"
"   -f, --family=FAMILY display sockets of type FAMILY\n"
"       FAMILY := {inet|inet6|link|unix|netlink|vsock|tipc|xdp|help}\n"
"\n"
"   -K, --kill          destroy the matching sockets, show what was destroyed\n"
"   -E, --events        show sockets as they are destroyed, until stopped\n"
"   -D, --diag=FILE     write the raw TCP sock_diag dump to FILE ('-': stdout)\n"
"   -N, --net=NAME      work in the named network namespace NAME\n"
"\n"
"   -H, --no-header     Suppress header line\n"
"   -O, --oneline       socket's data printed on a single line\n"
"\n"
"   -A, --query=QUERY, --socket=QUERY\n"
"       QUERY := {all|inet|tcp|mptcp|udp|raw|unix|unix_dgram|unix_stream|"
"unix_seqpacket|packet|netlink|vsock_stream|vsock_dgram|tipc}[,QUERY]\n"
"\n"
"   -F, --filter=FILE   read filter information from FILE\n"
"       FILTER := [ state STATE-FILTER ] [ EXPRESSION ]\n"
"       STATE-FILTER := {all|connected|synchronized|bucket|big|TCP-STATES}\n"
"         TCP-STATES := {established|syn-sent|syn-recv|fin-wait-{1,2}|"
"time-wait|closed|close-wait|last-ack|listening|closing}\n"
"\n"
"lsock's own options:\n"
"       --backend=SOURCE  where socket data comes from: auto, netlink or proc\n"
"       --why             tell on stderr where each table's data came from\n"
"       --record=DIR      also save what was read from the kernel in DIR\n"
"       --replay=DIR      show sockets from a recording instead of the kernel\n"
"       --netstat         (as the first option) netstat's command line\n",
	      f);
}

static int ss_cli_error(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* One line on stderr naming what was wrong, and ss's exit code. */
static int ss_cli_error(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("lsock: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("; see 'lsock --help'\n", stderr);
	return code;
}

static int ss_cli_family(struct ss_ctl *ctl, const char *name)
{
	static const struct { const char *name; int af; } fams[] = {
		{ "inet", AF_INET }, { "inet6", AF_INET6 },
		{ "link", AF_PACKET }, { "unix", AF_UNIX },
		{ "netlink", AF_NETLINK }, { "tipc", AF_TIPC },
		{ "vsock", AF_VSOCK }, { "xdp", AF_XDP },
	};
	size_t i;

	for (i = 0; i < sizeof(fams) / sizeof(fams[0]); i++) {
		if (strcmp(name, fams[i].name) == 0) {
			ss_select_af(&ctl->sel, fams[i].af);
			return -1;
		}
	}
	if (strcmp(name, "help") == 0) {
		ss_usage(stdout);
		return SS_EXIT_OK;
	}
	return ss_cli_error(SS_EXIT_USAGE, "\"%s\" is not a family (inet, inet6, link, unix, "
			    "netlink, vsock, tipc, xdp or help)", name);
}

static int ss_cli_query(struct ss_ctl *ctl, char *list)
{
	const char *bad = NULL;

	if (ss_select_query(&ctl->sel, list, &bad) == 0)
		return -1;
	return ss_cli_error(SS_EXIT_USAGE, "\"%s\" is not a socket table (all, inet, tcp, "
			    "udp, raw, unix, unix_stream, unix_dgram, "
			    "unix_seqpacket, packet, netlink, ...)", bad);
}

static int ss_cli_unsupported(int ch)
{
	char word[32];

	const struct option *o;

	snprintf(word, sizeof(word), "-%c", ch);
	for (o = ss_long_opts; ch >= 256 && o->name; o++)
		if (o->val == ch)
			snprintf(word, sizeof(word), "--%s", o->name);
	fprintf(stderr, "lsock: %s is not supported by this version of "
		"lsock yet\n", word);
	return SS_EXIT_FAIL;
}

static void ss_cli_table(struct ss_select *s, int db)
{
	ss_select_db(s, db, true);
	s->explicit_dbs |= LSOCK_DBM(db);
}

/* Options that select tables, families and states. */
static int ss_cli_select(struct ss_ctl *ctl, int ch)
{
	struct ss_select *s = &ctl->sel;

	switch (ch) {
	case 'd': ss_cli_table(s, LSOCK_DB_DCCP); break;
	case 't': ss_cli_table(s, LSOCK_DB_TCP); break;
	case 'S': ss_cli_table(s, LSOCK_DB_SCTP); break;
	case 'u': ss_cli_table(s, LSOCK_DB_UDP); break;
	case 'w': ss_cli_table(s, LSOCK_DB_RAW); break;
	case 'M': ss_cli_table(s, LSOCK_DB_MPTCP); break;
	case 'x': ss_select_af(s, AF_UNIX); break;
	case OPT_VSOCK: ss_select_af(s, AF_VSOCK); break;
	case OPT_TIPCSOCK: ss_select_af(s, AF_TIPC); break;
	case OPT_XDPSOCK: ss_select_af(s, AF_XDP); break;
	case '4': ss_select_af(s, AF_INET); break;
	case '6': ss_select_af(s, AF_INET6); break;
	case '0': ss_select_af(s, AF_PACKET); break;
	case 'a': ss_select_all(s); break;
	case 'l': ss_select_listening(s); break;
	default:
		return 0;
	}
	return 1;
}

static int ss_cli_getopt_error(int optopt_ch, const char *word)
{
	char buf[8];

	if (optopt_ch && strchr(SS_SHORTARGS, optopt_ch) &&
	    strncmp(word, "--", 2) != 0) {
		snprintf(buf, sizeof(buf), "-%c", optopt_ch);
		return ss_cli_error(SS_EXIT_USAGE, "option '%s' needs an argument", buf);
	}
	if (optopt_ch && optopt_ch < 256 && strncmp(word, "--", 2) != 0) {
		snprintf(buf, sizeof(buf), "-%c", optopt_ch);
		return ss_cli_error(SS_EXIT_USAGE, "invalid option '%s'", buf);
	}
	return ss_cli_error(SS_EXIT_USAGE, "invalid use of option '%s'", word);
}

/* Options that add details to each row, or change what the run does. */
static int ss_cli_show(struct ss_ctl *ctl, int ch, char *arg)
{
	struct ss_show *w = &ctl->show;

	switch (ch) {
	case 'p': w->users = true; break;
	case 'T': w->users = w->threads = true; break;
	case 'e': w->details = w->timers = true; break;
	case 'o': w->timers = true; break;
	case 'm': w->mem = true; break;
	case 'i': w->tcpinfo = true; break;
	case 'b': w->bpf = w->timers = true; break;
	case OPT_TOS: w->tos = true; break;
	case OPT_CGROUP: w->cgroup = true; break;
	case OPT_INET_SOCKOPT: w->sockopt = true; break;
	case OPT_TIPCINFO: w->tipcinfo = true; break;
	case 's': ctl->summary = true; break;
	case 'K': ctl->kill = true; break;
	case 'E': ctl->events = true; break;
	case 'D': ctl->dump_file = arg; break;
	default:
		return 0;
	}
	return 1;
}

/*
 * -Z and -z show SELinux contexts. As in ss, without SELinux they are an
 * error at once; lsock cannot read contexts, so with SELinux it says so.
 */
static int ss_cli_context(int ch)
{
	if (access("/sys/fs/selinux/enforce", F_OK) != 0) {
		fputs("lsock: SELinux is not enabled.\n", stderr);
		return SS_EXIT_FAIL;
	}
	return ss_cli_unsupported(ch);
}

static int ss_cli_option(struct ss_ctl *ctl, int ch, char *arg)
{
	if (ss_cli_select(ctl, ch) || ss_cli_show(ctl, ch, arg))
		return -1;
	switch (ch) {
	case 'Z':
	case 'z':
		return ss_cli_context(ch);
	case 'n': ctl->numeric = true; return -1;
	case 'r': ctl->resolve = true; return -1;
	case 'H': ctl->header = false; return -1;
	case 'O': ctl->show.oneline = true; return -1;
	case OPT_WHY: ctl->why = true; return -1;
	case OPT_RECORD: ctl->record_dir = arg; return -1;
	case OPT_REPLAY: ctl->replay_dir = arg; return -1;
	case 'f': return ss_cli_family(ctl, arg);
	case 'F':
		if (ctl->filter_file)
			return ss_cli_error(SS_EXIT_USAGE, "option '-F' was given "
					    "twice: one filter file only");
		ctl->filter_file = arg;
		return -1;
	case 'A': return ss_cli_query(ctl, arg);
	case 'N':
		/* as ss: at once, so that what follows happens inside NAME */
		ctl->netns = arg;
		return ss_netns_enter(arg);
	case 'h':
		ss_usage(stdout);
		return SS_EXIT_OK;
	case 'v':
	case 'V':
		printf("lsock utility, lsock-%s\n", PACKAGE_VERSION);
		return SS_EXIT_OK;
	case OPT_BACKEND:
		if (backend_parse_choice(arg, &ctl->backend) == 0)
			return -1;
		return ss_cli_error(SS_EXIT_USAGE, "\"%s\" is not a backend (auto, netlink "
				    "or proc)", arg);
	default:
		return ss_cli_unsupported(ch);
	}
}

/* `state X` and `exclude X` words come first, each as its own word. */
static int ss_cli_states(struct ss_ctl *ctl)
{
	while (ctl->argc > 0) {
		const char *w = ctl->argv[0];
		bool excl = strcmp(w, "exclude") == 0 || strcmp(w, "excl") == 0;

		if (!excl && strcmp(w, "state") != 0)
			break;
		if (ctl->argc < 2)
			return ss_cli_error(SS_EXIT_USAGE, "\"%s\" needs a state name", w);
		if (ss_select_state(&ctl->sel, ctl->argv[1], excl) < 0)
			return ss_cli_error(SS_EXIT_USAGE, "\"%s\" is not a state (established, "
					    "syn-sent, syn-recv, fin-wait-1, "
					    "fin-wait-2, time-wait, closed, "
					    "close-wait, last-ack, listening, "
					    "closing, all, connected, "
					    "synchronized, bucket, big)", ctl->argv[1]);
		ctl->argc -= 2;
		ctl->argv += 2;
	}
	return -1;
}

/* -D, -E and -K work on the running kernel, over sock_diag. */
static int ss_cli_netops(const struct ss_ctl *ctl)
{
	const char *opt = ctl->dump_file ? "-D" : ctl->events ? "-E" :
			  ctl->kill ? "-K" : NULL;

	if (!opt)
		return -1;
	if (ctl->replay_dir)
		return ss_cli_error(SS_EXIT_USAGE, "option '%s' works on the "
				    "running kernel, not with --replay", opt);
	if (ctl->backend == LSOCK_BACKEND_PROC)
		return ss_cli_error(SS_EXIT_USAGE, "option '%s' needs sock_diag "
				    "netlink, not --backend=proc", opt);
	if (ctl->dump_file && ctl->record_dir)
		return ss_cli_error(SS_EXIT_USAGE, "option '-D' writes no "
				    "listing to record; drop --record");
	return -1;
}

int ss_cli_parse(struct ss_ctl *ctl, int argc, char **argv)
{
	struct cli_opt_error err;
	int ch, rc;

	memset(ctl, 0, sizeof(*ctl));
	ctl->full_argc = argc;
	ctl->full_argv = argv;
	ss_select_init(&ctl->sel);
	ctl->header = true;
	ss_cli_merge_opts();
	if (cli_expand_long(argc, argv, ss_long_opts, lsock_long_opts,
			    SS_SHORTARGS, &err) < 0) {
		fprintf(stderr, "lsock: option '%s' %s; see 'lsock --help'\n",
			err.word, err.what);
		return SS_EXIT_USAGE;
	}
	opterr = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, SS_SHORTOPTS + 1, ss_all_opts,
				 NULL)) != -1) {
		if (ch == '?')
			return ss_cli_getopt_error(optopt, argv[optind - 1]);
		rc = ss_cli_option(ctl, ch, optarg);
		if (rc >= 0)
			return rc;
	}
	ctl->argc = argc - optind;
	ctl->argv = argv + optind;
	rc = ss_cli_states(ctl);
	return rc >= 0 ? rc : ss_cli_netops(ctl);
}
