/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lsock's own options in netstat mode, and where the data comes from.
 *
 * netstat 2.10 knows none of --backend, --record, --replay or --why, so
 * they are taken out of the command line before getopt_long() sees it: a
 * word is lsock's only when no netstat option name starts with it (so --b
 * stays --bluetooth and --w stays --wide, while --ba is --backend). Every
 * other word, and everything after "--", is left to netstat's parser.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli-record.h"
#include "env.h"
#include "netstat-cli.h"
#include "xalloc.h"

enum netstat_own { OWN_BACKEND, OWN_RECORD, OWN_REPLAY, OWN_WHY };

static const struct option netstat_own_opts[] = {
	{ "backend", required_argument, NULL, OWN_BACKEND },
	{ "record", required_argument, NULL, OWN_RECORD },
	{ "replay", required_argument, NULL, OWN_REPLAY },
	{ "why", no_argument, NULL, OWN_WHY },
	{ NULL, 0, NULL, 0 },
};

/*
 * The option getopt_long() would take a long word for: an exact name, else
 * the first prefix match when every other match has the same meaning. NULL
 * when none fits (*any false) or the word is ambiguous (*any true).
 */
static const struct option *netstat_opts_match(const struct option *opts,
					       const char *word, size_t len,
					       bool *any)
{
	const struct option *p, *found = NULL;
	bool ambiguous = false;

	*any = false;
	for (p = opts; p->name; p++) {
		if (strncmp(p->name, word, len) != 0)
			continue;
		*any = true;
		if (strlen(p->name) == len)
			return p;
		if (!found)
			found = p;
		else if (found->has_arg != p->has_arg || found->val != p->val)
			ambiguous = true;
	}
	return ambiguous ? NULL : found;
}

/* How many words a netstat option word takes with it (its argument). */
static int netstat_opts_native_words(const char *arg)
{
	const struct option *o;
	size_t i, n = strlen(arg);
	bool any;

	if (arg[1] != '-') {
		for (i = 1; i < n; i++)
			if (arg[i] == 'A')
				return i == n - 1;
		return 0;
	}
	if (strchr(arg, '='))
		return 0;
	o = netstat_opts_match(netstat_cli_long_opts(), arg + 2, n - 2, &any);
	return o && o->has_arg == required_argument;
}

static int netstat_opts_error(const char *word, const char *what)
{
	fprintf(stderr, "lsock: option '%s' %s; see NETSTAT MODE in 'man "
		"lsock'\n", word, what);
	return NETSTAT_EXIT_USAGE;
}

/* One of lsock's options at argv[*i]; advances *i past its argument. */
static int netstat_opts_one(const struct option *o, int argc, char **argv,
			    int *i, struct netstat_opts *out)
{
	const char *eq = strchr(argv[*i], '='), *val = NULL;

	if (o->has_arg == required_argument) {
		if (eq)
			val = eq + 1;
		else if (*i + 1 < argc)
			val = argv[++*i];
		else
			return netstat_opts_error(argv[*i], "needs an argument");
	} else if (eq) {
		return netstat_opts_error(argv[*i], "takes no argument");
	}
	switch (o->val) {
	case OWN_BACKEND: out->backend = val; break;
	case OWN_RECORD: out->record_dir = val; break;
	case OWN_REPLAY: out->replay_dir = val; break;
	default: out->why = true; break;
	}
	return -1;
}

/* Whether argv[i] is one of lsock's options (and which). */
static const struct option *netstat_opts_own(const char *arg)
{
	const char *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg - 2) : strlen(arg) - 2;
	bool any;

	if (strncmp(arg, "--", 2) != 0 || len == 0)
		return NULL;
	netstat_opts_match(netstat_cli_long_opts(), arg + 2, len, &any);
	if (any)
		return NULL;	/* netstat's, or ambiguous among netstat's */
	return netstat_opts_match(netstat_own_opts, arg + 2, len, &any);
}

int netstat_opts_take(int *argc, char **argv, struct netstat_opts *o)
{
	int i, n = 1, rc, skip;

	memset(o, 0, sizeof(*o));
	for (i = 1; i < *argc; i++) {
		const struct option *own;

		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[n++] = argv[i++];
			break;
		}
		own = netstat_opts_own(argv[i]);
		if (own) {
			rc = netstat_opts_one(own, *argc, argv, &i, o);
			if (rc >= 0)
				return rc;
			continue;
		}
		skip = argv[i][0] == '-' && argv[i][1] ?
		       netstat_opts_native_words(argv[i]) : 0;
		argv[n++] = argv[i];
		if (skip && i + 1 < *argc)
			argv[n++] = argv[++i];
	}
	*argc = n;
	argv[n] = NULL;
	return -1;
}

static char *netstat_opts_join(const char *dir, const char *rel)
{
	char *p = xmalloc(strlen(dir) + strlen(rel) + 2);

	sprintf(p, "%s/%s", dir, rel);
	return p;
}

static int netstat_opts_replay(struct netstat_ctl *ctl, const char *dir)
{
	char *meta = netstat_opts_join(dir, "META");
	int ok = access(meta, R_OK) == 0;

	free(meta);
	if (!ok) {
		fprintf(stderr, "lsock: --replay %s: not a recording (no "
			"readable META file)\n", dir);
		return NETSTAT_EXIT_FAIL;
	}
	ctl->replay_dir = dir;
	ctl->src.replay_dir = dir;
	ctl->owned_root = netstat_opts_join(dir, "proc");
	ctl->src.proc_root = ctl->owned_root;
	return -1;
}

static int netstat_opts_record(struct netstat_ctl *ctl, struct record *rec,
			       int argc, char **argv)
{
	if (cli_record_start(rec, ctl->record_dir, argc, argv) < 0) {
		ctl->record_dir = NULL;
		return NETSTAT_EXIT_FAIL;
	}
	ctl->src.record = &rec->capture;
	return -1;
}

int netstat_opts_apply(struct netstat_ctl *ctl, const struct netstat_opts *o,
		       struct record *rec, int argc, char **argv)
{
	const char *root = env_proc_root();

	ctl->why = o->why;
	if (o->backend && backend_parse_choice(o->backend, &ctl->backend) < 0) {
		fprintf(stderr, "lsock: \"%s\" is not a backend (auto, netlink "
			"or proc); see NETSTAT MODE in 'man lsock'\n",
			o->backend);
		return NETSTAT_EXIT_USAGE;
	}
	if (o->record_dir && o->replay_dir) {
		fputs("lsock: --record and --replay exclude each other; see "
		      "NETSTAT MODE in 'man lsock'\n", stderr);
		return NETSTAT_EXIT_USAGE;
	}
	if (o->replay_dir)
		return netstat_opts_replay(ctl, o->replay_dir);
	ctl->src.proc_root = root ? root : "/proc";
	ctl->src.single_thread = true;
	ctl->forced_proc = root != NULL;
	ctl->record_dir = o->record_dir;
	if (ctl->record_dir)
		return netstat_opts_record(ctl, rec, argc, argv);
	return -1;
}

int netstat_opts_finish(struct netstat_ctl *ctl, struct record *rec, int rc)
{
	if (ctl->record_dir &&
	    cli_record_finish(rec, ctl->record_dir, ctl->src.proc_root) < 0)
		return NETSTAT_EXIT_FAIL;
	return rc;
}
