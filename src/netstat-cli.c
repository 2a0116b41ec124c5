/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netstat's command line (net-tools 2.10, netstat.md 1): glibc's
 * getopt_long over netstat's own option table, so that clusters, prefixes
 * and the error messages are exactly netstat's; options take effect in the
 * order given (-V, -h, -Z and a bad -A end the parse where they stand);
 * then the mode checks and the protocol and family rules of netstat.md 1.3
 * and 1.4. lsock's own long options are taken out of the command line
 * first (netstat-opts.c), so that no netstat abbreviation changes meaning.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "netstat-cli.h"
#include "xalloc.h"

#define NETSTAT_SHORTOPTS	"A:CFMacdeghilnNoprsStuUvVWw2fx64?Z"
/* netstat handles 12 of its 13 family options; --tcpip is out of range */
#define NETSTAT_AF_OPTS		12

/*
 * netstat 2.10's table, in its order: getopt_long's ambiguity message
 * lists the candidates in this order, and options with the same value
 * (the family options, all 1) count as one.
 */
static const struct option netstat_long_opts[] = {
	{ "ax25", no_argument, NULL, 1 },
	{ "x25", no_argument, NULL, 1 },
	{ "ip", no_argument, NULL, 1 },
	{ "ipx", no_argument, NULL, 1 },
	{ "appletalk", no_argument, NULL, 1 },
	{ "netrom", no_argument, NULL, 1 },
	{ "inet", no_argument, NULL, 1 },
	{ "inet6", no_argument, NULL, 1 },
	{ "ddp", no_argument, NULL, 1 },
	{ "rose", no_argument, NULL, 1 },
	{ "unix", no_argument, NULL, 1 },
	{ "bluetooth", no_argument, NULL, 1 },
	{ "tcpip", no_argument, NULL, 1 },
	{ "version", no_argument, NULL, 'V' },
	{ "interfaces", no_argument, NULL, 'i' },
	{ "help", no_argument, NULL, 'h' },
	{ "route", no_argument, NULL, 'r' },
	{ "masquerade", no_argument, NULL, 'M' },
	{ "protocol", required_argument, NULL, 'A' },
	{ "tcp", no_argument, NULL, 't' },
	{ "sctp", no_argument, NULL, 'S' },
	{ "udp", no_argument, NULL, 'u' },
	{ "udplite", no_argument, NULL, 'U' },
	{ "raw", no_argument, NULL, 'w' },
	{ "unix", no_argument, NULL, 'x' },
	{ "l2cap", no_argument, NULL, '2' },
	{ "rfcomm", no_argument, NULL, 'f' },
	{ "listening", no_argument, NULL, 'l' },
	{ "all", no_argument, NULL, 'a' },
	{ "timers", no_argument, NULL, 'o' },
	{ "continuous", no_argument, NULL, 'c' },
	{ "extend", no_argument, NULL, 'e' },
	{ "programs", no_argument, NULL, 'p' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "statistics", no_argument, NULL, 's' },
	{ "wide", no_argument, NULL, 'W' },
	{ "numeric", no_argument, NULL, 'n' },
	{ "numeric-hosts", no_argument, NULL, '!' },
	{ "numeric-ports", no_argument, NULL, '@' },
	{ "numeric-users", no_argument, NULL, '#' },
	{ "symbolic", no_argument, NULL, 'N' },
	{ "cache", no_argument, NULL, 'C' },
	{ "fib", no_argument, NULL, 'F' },
	{ "groups", no_argument, NULL, 'g' },
	{ "context", no_argument, NULL, 'Z' },
	{ NULL, 0, NULL, 0 },
};

const struct option *netstat_cli_long_opts(void)
{
	return netstat_long_opts;
}

static const char netstat_usage_text[] =
"usage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}\n"
"       netstat [-vWnNcaeol] [<Socket> ...]\n"
"       netstat { [-vWeenNac] -i | [-cnNe] -M | -s [-6tuw] }\n"
"\n"
"        -r, --route              display routing table\n"
"        -i, --interfaces         display interface table\n"
"        -g, --groups             display multicast group memberships\n"
"        -s, --statistics         display networking statistics (like SNMP)\n"
"        -M, --masquerade         display masqueraded connections\n"
"\n"
"        -v, --verbose            be verbose\n"
"        -W, --wide               don't truncate IP addresses\n"
"        -n, --numeric            don't resolve names\n"
"        --numeric-hosts          don't resolve host names\n"
"        --numeric-ports          don't resolve port names\n"
"        --numeric-users          don't resolve user names\n"
"        -N, --symbolic           resolve hardware names\n"
"        -e, --extend             display other/more information\n"
"        -p, --programs           display PID/Program name for sockets\n"
"        -o, --timers             display timers\n"
"        -c, --continuous         continuous listing\n"
"\n"
"        -l, --listening          display listening server sockets\n"
"        -a, --all                display all sockets (default: connected)\n"
"        -F, --fib                display Forwarding Information Base (default)\n"
"        -C, --cache              display routing cache instead of FIB\n"
"        -Z, --context            display SELinux security context for sockets\n"
"\n"
"  <Socket>={-t|--tcp} {-u|--udp} {-U|--udplite} {-S|--sctp} {-w|--raw}\n"
"           {-x|--unix} --ax25 --ipx --netrom\n"
"  <AF>=Use '-6|-4' or '-A <af>' or '--<af>'; default: inet\n"
"  List of possible address families (which support routing):\n";

/* Always on stderr, as netstat prints it (with a blank at each end). */
static const char netstat_aflist_text[] =
"    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) \n"
"    netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) \n"
"    ddp (Appletalk DDP) x25 (CCITT X.25) \n";

/* -h: the text on stdout, the family list on stderr; errors: both stderr. */
static int netstat_cli_usage(struct output *out, int code)
{
	if (out)
		output_str(out, netstat_usage_text);
	else
		fputs(netstat_usage_text, stderr);
	fputs(netstat_aflist_text, stderr);
	return code;
}

static int netstat_cli_version(struct output *out)
{
	output_str(out, "lsock " PACKAGE_VERSION "\n"
		   "netstat mode: the command line and output of net-tools "
		   "2.10 netstat\n"
		   "AF: (inet) +UNIX +INET +INET6 -IPX -AX25 -NETROM -X25 "
		   "-ATALK -ECONET -ROSE -BLUETOOTH\n");
	return NETSTAT_EXIT_OK;
}

/* --- -A and the family options --------------------------------------- */

static bool *netstat_cli_af_flag(struct netstat_ctl *ctl, const char *name)
{
	if (strcmp(name, "inet") == 0)
		return &ctl->inet;
	if (strcmp(name, "inet6") == 0)
		return &ctl->inet6;
	if (strcmp(name, "unix") == 0)
		return &ctl->unix_socks;
	if (strcmp(name, "ipx") == 0)
		return &ctl->ipx;
	if (strcmp(name, "ax25") == 0)
		return &ctl->ax25;
	if (strcmp(name, "netrom") == 0)
		return &ctl->netrom;
	if (strcmp(name, "x25") == 0)
		return &ctl->x25;
	if (strcmp(name, "rose") == 0)
		return &ctl->rose;
	if (strcmp(name, "bluetooth") == 0)
		return &ctl->l2cap;	/* both, once the parse is over */
	return NULL;		/* ddp, ec, ash: named, never listed */
}

/* A family word as netstat knows it, and the name it is kept under. */
static const char *netstat_cli_af_name(const char *word)
{
	static const char *const alias[][2] = {
		{ "ax25", "ax25" }, { "ip", "inet" }, { "ip6", "inet6" },
		{ "ipx", "ipx" }, { "rose", "rose" }, { "appletalk", "ddp" },
		{ "netrom", "netrom" }, { "inet", "inet" },
		{ "inet6", "inet6" }, { "ddp", "ddp" }, { "unix", "unix" },
		{ "tcpip", "inet" }, { "econet", "ec" }, { "x25", "x25" },
		{ "ash", "ash" }, { "bluetooth", "bluetooth" },
	};
	size_t i;

	for (i = 0; i < sizeof(alias) / sizeof(alias[0]); i++)
		if (strcmp(word, alias[i][0]) == 0)
			return alias[i][1];
	return NULL;
}

/*
 * A comma-separated family list, as netstat reads it (at most 255 bytes of
 * it): each name sets its flag and joins afname; an unknown name ends the
 * run with status 1, a full afname ends the list quietly after a message.
 */
static int netstat_cli_aftrans(struct netstat_ctl *ctl, const char *list,
			       bool *bluetooth)
{
	char buf[256], *word = buf, *comma;

	snprintf(buf, sizeof(buf), "%s", list);
	while (word) {
		const char *name;
		bool *flag;

		comma = strchr(word, ',');
		if (comma)
			*comma++ = '\0';
		name = netstat_cli_af_name(word);
		if (!name) {
			fprintf(stderr, "Unknown address family `%s'.\n", word);
			return NETSTAT_EXIT_FAIL;
		}
		if (strlen(name) + strlen(ctl->afname) + 1 >= sizeof(ctl->afname)) {
			fputs("Too much address family arguments.\n", stderr);
			return -1;
		}
		flag = netstat_cli_af_flag(ctl, name);
		if (flag == &ctl->l2cap)
			*bluetooth = true;
		else if (flag)
			*flag = true;
		if (ctl->afname[0])
			strcat(ctl->afname, ",");
		strcat(ctl->afname, name);
		word = comma;
	}
	return -1;
}

/* --- one option at a time --------------------------------------------- */

struct netstat_cli_state {
	int modes;		/* -i -r -M -s, each time given */
	bool bluetooth;		/* --bluetooth or -A bluetooth */
	struct output *out;
};

static int netstat_cli_context(void)
{
	if (access("/sys/fs/selinux/enforce", F_OK) != 0) {
		fputs("SELinux is not enabled on this machine.\n", stderr);
		return NETSTAT_EXIT_FAIL;
	}
	fputs("lsock: -Z is not supported by this version of lsock\n", stderr);
	return NETSTAT_EXIT_FAIL;
}

/* Options that only set a flag. */
static bool netstat_cli_flag(struct netstat_ctl *ctl, int ch)
{
	switch (ch) {
	case 'a': ctl->all = true; break;
	case 'l': ctl->listening = true; break;
	case 'c': ctl->continuous = true; break;
	case 'd': break;
	case 'g': ctl->groups = true; break;
	case 'e': ctl->extend++; break;
	case 'p': ctl->programs = true; break;
	case 'W': ctl->wide = true; break;
	case 'N': ctl->symbolic = true; break;
	case 'C': ctl->cache = true; break;
	case 'F': ctl->fib = true; break;
	case 'o': ctl->timers = true; break;
	case 'v': ctl->verbose++; break;
	case 't': ctl->tcp = true; break;
	case 'S': ctl->sctp = true; break;
	case 'u': ctl->udp = true; break;
	case 'U': ctl->udplite = true; break;
	case 'w': ctl->raw = true; break;
	case '2': ctl->l2cap = true; break;
	case 'f': ctl->rfcomm = true; break;
	case '!': ctl->numeric_hosts = true; break;
	case '@': ctl->numeric_ports = true; break;
	case '#': ctl->numeric_users = true; break;
	case 'n':
		ctl->numeric_hosts = ctl->numeric_ports = true;
		ctl->numeric_users = true;
		break;
	default:
		return false;
	}
	return true;
}

static bool netstat_cli_mode(struct netstat_ctl *ctl,
			     struct netstat_cli_state *st, int ch)
{
	switch (ch) {
	case 'M': ctl->masquerade = true; break;
	case 'i': ctl->interfaces = true; break;
	case 'r': ctl->route = true; break;
	case 's': ctl->statistics = true; break;
	default:
		return false;
	}
	st->modes++;
	return true;
}

/* -1 to go on, else the exit code the run ends with. */
static int netstat_cli_option(struct netstat_ctl *ctl,
			      struct netstat_cli_state *st, int ch, int index)
{
	if (netstat_cli_flag(ctl, ch) || netstat_cli_mode(ctl, st, ch))
		return -1;
	switch (ch) {
	case 1:
		if (index < 0 || index >= NETSTAT_AF_OPTS) {
			fputs("netstat.c: Internal Error `longopts 1 range'.\n",
			      stderr);
			return -1;
		}
		return netstat_cli_aftrans(ctl, netstat_long_opts[index].name,
					   &st->bluetooth);
	case 'A': return netstat_cli_aftrans(ctl, optarg, &st->bluetooth);
	case '4': return netstat_cli_aftrans(ctl, "inet", &st->bluetooth);
	case '6': return netstat_cli_aftrans(ctl, "inet6", &st->bluetooth);
	case 'x': return netstat_cli_aftrans(ctl, "unix", &st->bluetooth);
	case 'V': return netstat_cli_version(st->out);
	case 'Z': return netstat_cli_context();
	case 'h': return netstat_cli_usage(st->out, NETSTAT_EXIT_OK);
	case '?':
	default:
		return netstat_cli_usage(NULL, NETSTAT_EXIT_USAGE);
	}
}

/* netstat.md 1.4: implied protocols and families. */
static void netstat_cli_imply(struct netstat_ctl *ctl,
			      const struct netstat_cli_state *st)
{
	bool proto = ctl->tcp || ctl->sctp || ctl->udp || ctl->udplite ||
		     ctl->raw;

	if ((ctl->inet || ctl->inet6 || ctl->statistics) && !proto) {
		ctl->noprot = true;
		ctl->tcp = ctl->sctp = ctl->udp = ctl->udplite = true;
		ctl->raw = true;
		proto = true;
	}
	if ((proto || ctl->groups) && !(ctl->inet || ctl->inet6))
		ctl->inet = ctl->inet6 = true;
	if (st->bluetooth && !(ctl->l2cap || ctl->rfcomm))
		ctl->l2cap = ctl->rfcomm = true;
}

int netstat_cli_parse(struct netstat_ctl *ctl, int argc, char **argv,
		      struct output *out)
{
	struct netstat_cli_state st = { 0, false, out };
	int ch, index, rc;

	opterr = 1;
	optind = 1;
	for (;;) {
		index = -1;
		ch = getopt_long(argc, argv, NETSTAT_SHORTOPTS,
				 netstat_long_opts, &index);
		if (ch == -1)
			break;
		rc = netstat_cli_option(ctl, &st, ch, index);
		if (rc >= 0)
			return rc;
	}
	if (st.modes > 1)
		return netstat_cli_usage(NULL, NETSTAT_EXIT_USAGE);
	netstat_cli_imply(ctl, &st);
	return -1;
}

/* --- the entry point ---------------------------------------------------- */

/*
 * netstat's argv: unchanged when lsock runs as "netstat"; for "lsock
 * --netstat ARGS", "netstat ARGS", so that getopt's messages read as
 * netstat's do.
 */
static char **netstat_cli_argv(int argc, char **argv, int *out_argc)
{
	const char *base = argc > 0 ? strrchr(argv[0], '/') : NULL;
	char **av = xcalloc((size_t)argc + 2, sizeof(*av));
	int i, n = 0;

	base = base ? base + 1 : argc > 0 ? argv[0] : "";
	if (strcmp(base, "netstat") == 0 || argc < 2) {
		for (i = 0; i < argc; i++)
			av[n++] = argv[i];
	} else {
		av[n++] = (char *)"netstat";
		for (i = 2; i < argc; i++)
			av[n++] = argv[i];
	}
	if (n == 0)
		av[n++] = (char *)"netstat";
	*out_argc = n;
	return av;
}

/* netstat.md 1.3: one mode, -M before -s before -r before -i. */
static int netstat_cli_run(const struct netstat_ctl *ctl, struct output *out)
{
	if (ctl->masquerade)
		return netstat_masq_run(ctl, out);
	if (ctl->statistics)
		return netstat_stats_run(ctl, out);
	if (ctl->route)
		return netstat_route_run(ctl, out);
	if (ctl->interfaces)
		return netstat_iface_run(ctl, out);
	return netstat_list_run(ctl, out);
}

/*
 * netstat ignores a failed write; lsock says so (docs/compat.md), keeping
 * netstat's status when the run had failed already.
 */
static int netstat_cli_flush(struct output *out, int rc)
{
	int err = output_flush(out);

	if (err == 0)
		return rc;
	fprintf(stderr, "lsock: write error: %s\n", strerror(-err));
	return rc ? rc : NETSTAT_EXIT_FAIL;
}

int netstat_main(int argc, char **argv)
{
	static struct output out;
	struct netstat_ctl ctl;
	struct netstat_opts opts;
	struct record rec;
	int ac, rc;
	char **av = netstat_cli_argv(argc, argv, &ac);

	memset(&ctl, 0, sizeof(ctl));
	memset(&rec, 0, sizeof(rec));
	output_init_stdio(&out, STDOUT_FILENO);
	rc = netstat_opts_take(&ac, av, &opts);
	if (rc < 0)
		rc = netstat_cli_parse(&ctl, ac, av, &out);
	if (rc < 0)
		rc = netstat_opts_apply(&ctl, &opts, &rec, argc, argv);
	if (rc < 0) {
		rc = netstat_cli_run(&ctl, &out);
		rc = netstat_opts_finish(&ctl, &rec, rc);
	}
	rc = netstat_cli_flush(&out, rc);
	free(ctl.owned_root);
	free(av);
	return rc;
}
