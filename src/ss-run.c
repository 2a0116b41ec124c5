/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Running an ss query: check what was selected, ask the backend for each
 * table in ss's order, and render the rows.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "env.h"
#include "output.h"
#include "resolve.h"
#include "ss-cli.h"
#include "ss-print.h"
#include "ss-table.h"

#define DBM(x)	LSOCK_DBM(LSOCK_DB_##x)

static int ss_has_fam(const struct ss_select *s, int af)
{
	return (s->families & LSOCK_FAM(af)) != 0;
}

static int ss_has_inet(const struct ss_select *s)
{
	return ss_has_fam(s, AF_INET) || ss_has_fam(s, AF_INET6);
}

/* Whether ss would ask for this table at all, given the selection. */
static int ss_table_wanted(const struct ss_select *s, enum lsock_table t)
{
	int unconn = (s->states & LSOCK_SSM(LSOCK_SS_CLOSE)) != 0;

	switch (t) {
	case LSOCK_T_NETLINK:
		return (s->dbs & DBM(NETLINK)) && ss_has_fam(s, AF_NETLINK) &&
		       unconn;
	case LSOCK_T_PACKET:
		return (s->dbs & LSOCK_DBM_PACKET) &&
		       ss_has_fam(s, AF_PACKET) && unconn;
	case LSOCK_T_UNIX:
		return (s->dbs & LSOCK_DBM_UNIX) && ss_has_fam(s, AF_UNIX);
	case LSOCK_T_RAW:
		return (s->dbs & DBM(RAW)) && ss_has_inet(s);
	case LSOCK_T_UDP:
		return (s->dbs & DBM(UDP)) && ss_has_inet(s);
	case LSOCK_T_TCP:
		return (s->dbs & DBM(TCP)) && ss_has_inet(s);
	case LSOCK_T_DCCP:
	case LSOCK_T_SCTP:
	case LSOCK_T_VSOCK:
	case LSOCK_T_TIPC:
	case LSOCK_T_XDP:
	case LSOCK_T_MPTCP:
	case LSOCK_T_UDPLITE:
	case LSOCK_T_MAX:
	default:
		return 0;
	}
}

static int ss_check_selection(const struct ss_select *s)
{
	const char *what = NULL;

	if (s->dbs == 0)
		what = "socket tables";
	else if (s->families == 0)
		what = "families";
	else if (s->states == 0)
		what = "socket states";
	if (!what)
		return -1;
	fprintf(stderr, "lsock: no %s to show with such filter.\n", what);
	return SS_EXIT_OK;
}

static int ss_screen_width(void)
{
	struct winsize w;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) != -1 &&
	    w.ws_col > 0)
		return w.ws_col;
	return -1;
}

static void ss_warn(void *arg, const char *path, unsigned long line,
		    const char *what)
{
	(void)arg;
	if (line)
		fprintf(stderr, "lsock: %s:%lu: %s\n", path, line, what);
	else
		fprintf(stderr, "lsock: %s: %s\n", path, what);
}

static void ss_run_tables(struct ss_ctl *ctl,
			  const struct lsock_backend_ops *ops,
			  struct ss_printer *pr)
{
	struct lsock_request req;
	int t;

	for (t = 0; t < LSOCK_T_MAX; t++) {
		int rc;

		if (!ss_table_wanted(&ctl->sel, (enum lsock_table)t) ||
		    !ops->serves((enum lsock_table)t))
			continue;
		memset(&req, 0, sizeof(req));
		req.table = (enum lsock_table)t;
		req.dbs = ctl->sel.dbs;
		req.families = ctl->sel.families;
		req.states = ctl->sel.states;
		req.flags = LSOCK_REQ_SS_UNIX_ORDER;
		pr->current = req.table;
		rc = ops->dump(&ctl->src, &req, ss_print_sock, pr);
		if (rc < 0 && rc != -ENOENT)
			fprintf(stderr, "lsock: reading sockets: %s\n",
				strerror(-rc));
	}
}

static void ss_setup_table(const struct ss_ctl *ctl, struct ss_table *t,
			   struct output *out)
{
	const struct ss_select *s = &ctl->sel;

	ss_table_init(t, out, ss_screen_width());
	if (!(s->dbs & (s->dbs - 1)))
		ss_table_disable(t, SS_COL_NETID);
	if (!(s->states & (s->states - 1)))
		ss_table_disable(t, SS_COL_STATE);
	if (ctl->header)
		ss_table_header(t);
}

int ss_run(struct ss_ctl *ctl)
{
	const struct lsock_backend_ops *ops;
	static struct output out;
	struct ss_printer pr;
	struct ss_table table;
	struct resolver res;
	int rc;

	ss_select_finish(&ctl->sel);
	rc = ss_check_selection(&ctl->sel);
	if (rc >= 0)
		return rc;
	if (ctl->argc > 0) {
		fprintf(stderr, "lsock: filter expressions are not supported "
			"by this version of lsock yet (\"%s\")\n", ctl->argv[0]);
		return SS_EXIT_FAIL;
	}
	if (backend_resolve(ctl->backend, &ops) < 0) {
		fprintf(stderr, "lsock: the netlink backend is not available "
			"in this build; use --backend=auto or --backend=proc\n");
		return SS_EXIT_FAIL;
	}
	ctl->src.warn = ss_warn;
	resolve_init(&res);
	res.numeric = ctl->numeric;
	res.hosts = ctl->resolve;
	res.proc_root = ctl->src.proc_root;
	res.port_range_path = ctl->port_range_path;
	output_init(&out, STDOUT_FILENO);
	ss_setup_table(ctl, &table, &out);
	pr.table = &table;
	pr.res = &res;
	ss_run_tables(ctl, ops, &pr);
	ss_table_render(&table);
	ss_table_free(&table);
	resolve_free(&res);
	rc = output_flush(&out);
	if (rc < 0) {
		fprintf(stderr, "lsock: write error: %s\n", strerror(-rc));
		return SS_EXIT_FAIL;
	}
	return SS_EXIT_OK;
}

int ss_main(int argc, char **argv)
{
	struct ss_ctl ctl;
	int rc = ss_cli_parse(&ctl, argc, argv);

	if (rc >= 0)
		return rc;
	ctl.port_range_path = env_proc_source(&ctl.src);
	rc = ss_run(&ctl);
	free(ctl.port_range_path);
	return rc;
}
