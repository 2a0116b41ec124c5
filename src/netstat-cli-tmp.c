/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TEMPORARY: a minimal netstat command line, only enough to run and test
 * the -s -i -r -g -M modes in this branch. The real one is netstat-cli.c
 * (being written in another branch); drop this file when merging.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "env.h"
#include "netstat.h"

static const struct { const char *alias, *name; } tmp_af[] = {
	{ "inet", "inet" }, { "ip", "inet" }, { "tcpip", "inet" },
	{ "inet6", "inet6" }, { "ip6", "inet6" }, { "unix", "unix" },
	{ "ipx", "ipx" }, { "ax25", "ax25" }, { "netrom", "netrom" },
	{ "rose", "rose" }, { "x25", "x25" }, { "ddp", "ddp" },
	{ "appletalk", "ddp" }, { "econet", "ec" }, { "ash", "ash" },
	{ "bluetooth", "bluetooth" },
};

static int tmp_add_af(struct netstat_ctl *ctl, char *afname, size_t sz,
		      const char *list)
{
	char buf[256], *tok, *save = NULL;
	size_t i;

	snprintf(buf, sizeof(buf), "%s", list);
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < sizeof(tmp_af) / sizeof(tmp_af[0]); i++)
			if (strcmp(tok, tmp_af[i].alias) == 0)
				break;
		if (i == sizeof(tmp_af) / sizeof(tmp_af[0])) {
			fprintf(stderr, "Unknown address family `%s'.\n", tok);
			return -1;
		}
		if (strcmp(tmp_af[i].name, "inet") == 0)
			ctl->inet = true;
		if (strcmp(tmp_af[i].name, "inet6") == 0)
			ctl->inet6 = true;
		if (strcmp(tmp_af[i].name, "unix") == 0)
			ctl->unix_socks = true;
		if (afname[0])
			strncat(afname, ",", sz - strlen(afname) - 1);
		strncat(afname, tmp_af[i].name, sz - strlen(afname) - 1);
	}
	return 0;
}

static int tmp_parse(struct netstat_ctl *ctl, char *afname, size_t sz,
		     int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "numeric-hosts", 0, NULL, '!' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "A:CFMacegilnNrstuUSwx46",
				longopts, NULL)) != -1) {
		switch (c) {
		case 'A': if (tmp_add_af(ctl, afname, sz, optarg)) return 1;
			break;
		case '4': tmp_add_af(ctl, afname, sz, "inet"); break;
		case '6': tmp_add_af(ctl, afname, sz, "inet6"); break;
		case 'x': tmp_add_af(ctl, afname, sz, "unix"); break;
		case 'C': ctl->cache = true; break;
		case 'F': ctl->fib = true; break;
		case 'M': ctl->masquerade = true; break;
		case 'a': ctl->all = true; break;
		case 'c': ctl->continuous = true; break;
		case 'e': ctl->extend++; break;
		case 'g': ctl->groups = true; break;
		case 'i': ctl->interfaces = true; break;
		case 'l': ctl->listening = true; break;
		case 'n': ctl->numeric_hosts = ctl->numeric_ports =
			  ctl->numeric_users = true; break;
		case '!': ctl->numeric_hosts = true; break;
		case 'N': ctl->symbolic = true; break;
		case 'r': ctl->route = true; break;
		case 's': ctl->statistics = true; break;
		case 't': ctl->tcp = true; break;
		case 'u': ctl->udp = true; break;
		case 'U': ctl->udplite = true; break;
		case 'S': ctl->sctp = true; break;
		case 'w': ctl->raw = true; break;
		default: return 3;
		}
	}
	return 0;
}

static int tmp_groups(struct netstat_ctl *ctl, struct output *out)
{
	int rc;

	if (!ctl->inet && !ctl->inet6)
		ctl->inet = ctl->inet6 = true;
	for (;;) {
		rc = netstat_groups_print(ctl, out);
		if (rc || !ctl->continuous || output_flush(out) < 0)
			return rc;
		sleep(1);
	}
}

int netstat_main(int argc, char **argv)
{
	struct netstat_ctl ctl = { 0 };
	struct output *out = malloc(sizeof(*out));
	char afname[256] = "", *range;
	int rc;

	if (!out)
		return 1;
	if (argc > 1 && strcmp(argv[1], "--netstat") == 0) {
		argv[1] = argv[0];
		argc--;
		argv++;
	}
	rc = tmp_parse(&ctl, afname, sizeof(afname), argc, argv);
	if (rc)
		return rc;
	ctl.afname = afname;
	ctl.no_protocol = (ctl.inet || ctl.inet6) && !(ctl.tcp || ctl.udp ||
			  ctl.udplite || ctl.sctp || ctl.raw);
	range = env_proc_source(&ctl.src);
	free(range);
	output_init(out, 1);
	if (ctl.interfaces + ctl.route + ctl.masquerade + ctl.statistics > 1)
		rc = NETSTAT_EXIT_USAGE;
	else if (ctl.masquerade)
		rc = netstat_masq_run(&ctl, out);
	else if (ctl.statistics)
		rc = netstat_stats_run(&ctl, out);
	else if (ctl.route)
		rc = netstat_route_run(&ctl, out);
	else if (ctl.interfaces)
		rc = netstat_iface_run(&ctl, out);
	else if (ctl.groups)
		rc = tmp_groups(&ctl, out);
	else
		rc = NETSTAT_EXIT_USAGE;
	output_flush(out);
	free(out);
	return rc;
}
