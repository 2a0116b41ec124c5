/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Running an ss query: check what was selected, ask the backend for each
 * table in ss's order, and render the rows.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cli-record.h"
#include "env.h"
#include "record.h"
#include "xalloc.h"
#include "output.h"
#include "proc-owners.h"
#include "resolve.h"
#include "ss-ahead.h"
#include "ss-cli.h"
#include "ss-diag.h"
#include "ss-events.h"
#include "ss-kill.h"
#include "ss-print.h"
#include "ss-summary.h"
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
		return (s->dbs & DBM(DCCP)) && ss_has_inet(s);
	case LSOCK_T_SCTP:
		return (s->dbs & DBM(SCTP)) && ss_has_inet(s);
	case LSOCK_T_MPTCP:
		return (s->dbs & DBM(MPTCP)) && ss_has_inet(s);
	case LSOCK_T_VSOCK:
		return (s->dbs & LSOCK_DBM_VSOCK) && ss_has_fam(s, AF_VSOCK);
	case LSOCK_T_TIPC:
		return (s->dbs & DBM(TIPC)) && ss_has_fam(s, AF_TIPC);
	case LSOCK_T_XDP:
		return (s->dbs & DBM(XDP)) && ss_has_fam(s, AF_XDP) && unconn;
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

static const char *const ss_table_names[LSOCK_T_MAX] = {
	[LSOCK_T_NETLINK] = "netlink", [LSOCK_T_PACKET] = "packet",
	[LSOCK_T_UNIX] = "unix", [LSOCK_T_RAW] = "raw",
	[LSOCK_T_UDP] = "udp", [LSOCK_T_TCP] = "tcp",
	[LSOCK_T_DCCP] = "dccp", [LSOCK_T_SCTP] = "sctp",
	[LSOCK_T_VSOCK] = "vsock", [LSOCK_T_TIPC] = "tipc",
	[LSOCK_T_XDP] = "xdp", [LSOCK_T_MPTCP] = "mptcp",
	[LSOCK_T_UDPLITE] = "udplite",
};

/* The tables one of ss's table options or -A names (not just "all"). */
static int ss_table_explicit(const struct ss_select *s, enum lsock_table t)
{
	switch (t) {
	case LSOCK_T_DCCP:
		return (s->explicit_dbs & DBM(DCCP)) != 0;
	case LSOCK_T_SCTP:
		return (s->explicit_dbs & DBM(SCTP)) != 0;
	case LSOCK_T_MPTCP:
		return (s->explicit_dbs & DBM(MPTCP)) != 0;
	case LSOCK_T_VSOCK:
		return (s->explicit_dbs & LSOCK_DBM_VSOCK) ||
		       s->preferred_family == AF_VSOCK;
	case LSOCK_T_TIPC:
		return (s->explicit_dbs & DBM(TIPC)) ||
		       s->preferred_family == AF_TIPC;
	case LSOCK_T_XDP:
		return (s->explicit_dbs & DBM(XDP)) ||
		       s->preferred_family == AF_XDP;
	case LSOCK_T_NETLINK:
	case LSOCK_T_PACKET:
	case LSOCK_T_UNIX:
	case LSOCK_T_RAW:
	case LSOCK_T_UDP:
	case LSOCK_T_TCP:
	case LSOCK_T_UDPLITE:
	case LSOCK_T_MAX:
	default:
		return 1;
	}
}

static bool ss_table_inet(enum lsock_table t)
{
	return t == LSOCK_T_RAW || t == LSOCK_T_UDP || t == LSOCK_T_TCP ||
	       t == LSOCK_T_DCCP || t == LSOCK_T_SCTP || t == LSOCK_T_MPTCP;
}

static void ss_why(const struct ss_ctl *ctl, enum lsock_table t,
		   const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* --why: one stderr line per table, naming its source and the reason. */
static void ss_why(const struct ss_ctl *ctl, enum lsock_table t,
		   const char *fmt, ...)
{
	va_list ap;

	if (!ctl->why)
		return;
	fprintf(stderr, "lsock: %s: ", ss_table_names[t]);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int ss_dump_with(struct ss_ctl *ctl, const struct lsock_backend_ops *ops,
			struct lsock_request *req, struct ss_printer *pr)
{
	pr->rows = 0;
	if (ctl->killer)
		return ss_kill_dump(ctl->killer, ops, &ctl->src, req);
	return ops->dump(&ctl->src, req, ss_print_sock, pr);
}

static void ss_why_netlink(const struct ss_ctl *ctl, enum lsock_table t)
{
	ss_why(ctl, t, "%s%s", t == LSOCK_T_TCP && ctl->src.tcpdiag_file ?
	       "TCPDIAG_FILE" : "netlink (sock_diag)",
	       ss_table_inet(t) ? ss_filter_why(ctl) : "");
}

/* A table's rows from /proc; quiet about a missing file, as ss is. */
static int ss_dump_proc(struct ss_ctl *ctl, struct lsock_request *req,
			struct ss_printer *pr, const char *why)
{
	int rc;

	if (!procfs_backend_ops.serves(req->table)) {
		ss_why(ctl, req->table, "no source (%s; /proc has no such "
		       "table)", why);
		return -ENOENT;
	}
	ss_why(ctl, req->table, "/proc (%s)", why);
	rc = ss_dump_with(ctl, &procfs_backend_ops, req, pr);
	if (rc < 0 && rc != -ENOENT)
		fprintf(stderr, "lsock: %s sockets: %s\n",
			ss_table_names[req->table], strerror(-rc));
	return rc == -ENOENT ? 0 : rc;
}

/*
 * sock_diag first; in auto mode a table netlink cannot serve (no socket, an
 * error reply, an errno at the end of the dump) comes from /proc instead,
 * the other tables staying on netlink.
 */
static int ss_dump_table(struct ss_ctl *ctl, struct lsock_request *req,
			 struct ss_printer *pr)
{
	enum lsock_table t = req->table;
	int rc;

	if ((ctl->forced_proc & (1u << t)) && !(t == LSOCK_T_TCP &&
						 ctl->src.tcpdiag_file))
		return ss_dump_proc(ctl, req, pr, "PROC_ROOT or PROC_NET_* "
				    "is set");
	if (ctl->backend == LSOCK_BACKEND_PROC)
		return ss_dump_proc(ctl, req, pr, "--backend=proc");
	if (!netlink_backend_ops.serves(t)) {
		ss_why(ctl, t, "no source (%s)", "not supported by lsock yet");
		return -ENOSYS;
	}
	rc = ss_dump_with(ctl, &netlink_backend_ops, req, pr);
	if (rc == 0) {
		ss_why_netlink(ctl, t);
		return 0;
	}
	if (ctl->backend == LSOCK_BACKEND_NETLINK ||
	    (ctl->killer && ctl->killer->err))
		return rc;
	if (pr->rows) {
		/* too late to switch sources without showing rows twice */
		fprintf(stderr, "lsock: %s sockets: the netlink dump failed "
			"part way (%s); the list may be incomplete\n",
			ss_table_names[t], strerror(-rc));
		return 0;
	}
	return ss_dump_proc(ctl, req, pr, strerror(-rc)) < 0 ? rc : 0;
}

static void ss_table_failed(const struct ss_ctl *ctl, enum lsock_table t,
			    int rc)
{
	if (ctl->backend == LSOCK_BACKEND_NETLINK)
		fprintf(stderr, "lsock: %s sockets: not available from "
			"netlink (%s)\n", ss_table_names[t],
			rc == -ENOSYS ? "not supported by lsock yet" :
			strerror(-rc));
	else if (ss_table_explicit(&ctl->sel, t))
		fprintf(stderr, "lsock: %s sockets: not available on this "
			"system (%s)\n", ss_table_names[t],
			rc == -ENOSYS ? "not supported by lsock yet" :
			strerror(-rc));
}

/* The details the kernel must be asked for, as ss's options ask. */
static unsigned int ss_request_ext(const struct ss_show *w)
{
	unsigned int ext = 0;

	if (w->mem)
		ext |= LSOCK_REQX_MEM;
	if (w->tcpinfo)
		ext |= LSOCK_REQX_INFO;
	if (w->tos)
		ext |= LSOCK_REQX_TOS;
	if (w->details)
		ext |= LSOCK_REQX_VFS;
	return ext;
}

static void ss_table_request(struct ss_ctl *ctl, enum lsock_table t,
			     struct lsock_request *req)
{
	memset(req, 0, sizeof(*req));
	req->table = t;
	req->dbs = ctl->sel.dbs;
	req->families = ctl->sel.families;
	req->states = ctl->sel.states;
	req->preferred_family = ctl->sel.preferred_family;
	req->flags = LSOCK_REQ_SS_UNIX_ORDER;
	req->ext = ss_request_ext(&ctl->show);
	req->bytecode = ctl->bytecode;
	req->bytecode_len = ctl->bytecode_len;
	req->bytecode_refused = &ctl->bytecode_refused;
	if (ctl->bytecode)
		filter_port_hints(ctl->filter, &req->hint_sport,
				  &req->hint_dport);
}

/* Returns 0, or -1 when --backend=netlink could not serve a table. */
static int ss_run_tables(struct ss_ctl *ctl, struct ss_printer *pr,
			 struct rowpack *ahead)
{
	struct lsock_request req;
	int t, failed = 0;

	for (t = 0; t < LSOCK_T_MAX; t++) {
		int rc;

		if (!ss_table_wanted(&ctl->sel, (enum lsock_table)t))
			continue;
		ss_table_request(ctl, (enum lsock_table)t, &req);
		pr->current = req.table;
		if (ahead[t].taken && ahead[t].rc == 0) {
			ss_ahead_print(pr, &ahead[t]);
			ss_why_netlink(ctl, req.table);
			continue;
		}
		rc = ss_dump_table(ctl, &req, pr);
		if (ctl->killer && ctl->killer->err)
			return -1;	/* -K refused; ss-kill.c said why */
		if (rc < 0) {
			ss_table_failed(ctl, req.table, rc);
			if (ctl->backend == LSOCK_BACKEND_NETLINK)
				failed = -1;
		}
	}
	return failed;
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

static void ss_setup_resolver(const struct ss_ctl *ctl, struct resolver *res)
{
	resolve_init(res);
	res->numeric = ctl->numeric;
	res->hosts = ctl->resolve;
	res->proc_root = ctl->src.proc_root;
	res->port_range_path = ctl->port_range_path;
	if (ctl->ifnames_path)
		resolve_load_ifnames(res, ctl->ifnames_path);
}

/*
 * -p with nothing else after the columns, on a live system: TCP and UDP
 * can be read over netlink while the owners scan runs (ss-ahead.h).
 */
static bool ss_ahead_wanted(const struct ss_ctl *ctl)
{
	const struct ss_show *w = &ctl->show;

	return w->users && !w->proc_ctx && !w->sock_ctx && !w->details &&
	       !w->timers && !w->mem && !w->tcpinfo && !w->tos &&
	       !w->cgroup && !w->sockopt && !w->bpf && !w->tipcinfo &&
	       !ctl->kill && !ctl->events && !ctl->dump_file &&
	       !ctl->replay_dir && !ctl->record_dir &&
	       !ctl->src.tcpdiag_file && ctl->backend != LSOCK_BACKEND_PROC;
}

static void ss_read_ahead(struct ss_ctl *ctl, struct ss_printer *pr,
			  struct rowpack *ahead)
{
	static const enum lsock_table tables[] = { LSOCK_T_UDP, LSOCK_T_TCP };
	struct lsock_request req;
	size_t i;

	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		enum lsock_table t = tables[i];

		if (!ss_table_wanted(&ctl->sel, t) ||
		    (ctl->forced_proc & (1u << t)) ||
		    !netlink_backend_ops.serves(t))
			continue;
		ss_table_request(ctl, t, &req);
		pr->current = t;
		(void)ss_ahead_dump(&ctl->src, &req, pr, &ahead[t]);
	}
}

/*
 * -p: who holds each socket, from one scan of /proc before any dump (as ss
 * does), or from a recording's fdlinks; with read-ahead, the scan runs
 * while TCP and UDP are dumped.
 */
static void ss_scan_owners(struct ss_ctl *ctl, struct ss_printer *pr,
			   struct proc_owners *o, struct rowpack *ahead)
{
	struct proc_owners_job *job;
	char *fdlinks;
	int rc;

	proc_owners_init(o);
	if (!ctl->show.users)
		return;
	if (ss_ahead_wanted(ctl)) {
		rc = proc_owners_scan_start(o, ctl->src.proc_root,
					    ctl->show.threads, true, &job);
		if (job)
			ss_read_ahead(ctl, pr, ahead);
		proc_owners_scan_wait(job);
	} else if (ctl->replay_dir) {
		fdlinks = xmalloc(strlen(ctl->replay_dir) + sizeof("/fdlinks"));
		sprintf(fdlinks, "%s/fdlinks", ctl->replay_dir);
		rc = proc_owners_load(o, fdlinks, ctl->src.proc_root);
		free(fdlinks);
	} else {
		rc = proc_owners_scan(o, ctl->src.proc_root, ctl->show.threads);
	}
	if (rc < 0 && ctl->why)
		fprintf(stderr, "lsock: -p: cannot read the processes in %s: "
			"%s\n", ctl->src.proc_root, strerror(-rc));
}

/* A replay maps cgroup ids with the recorded tree, never the local one. */
static void ss_replay_cgroups(const struct ss_ctl *ctl, struct cgroup_names *c)
{
	char *path = xmalloc(strlen(ctl->replay_dir) + sizeof("/cgroups"));
	uint8_t *buf;
	size_t len;

	sprintf(path, "%s/cgroups", ctl->replay_dir);
	if (backend_read_file(path, &buf, &len) == 0) {
		cgroup_names_parse(c, (const char *)buf, len);
		free(buf);
	} else {
		cgroup_names_parse(c, "", 0);
	}
	free(path);
}

/* --why: the sockets -p could not name an owner for, and the likely cause. */
static void ss_why_owners(const struct ss_ctl *ctl, const struct ss_printer *pr,
			  const struct proc_owners *o)
{
	if (!ctl->why || !ctl->show.users)
		return;
	fprintf(stderr, "lsock: -p: %lu processes scanned, %lu socket fds "
		"found; %lu sockets shown without an owner\n", o->procs,
		(unsigned long)o->n, pr->unowned);
	if (o->fd_denied)
		fprintf(stderr, "lsock: -p: %lu processes' fds could not be "
			"read: no permission%s\n", o->fd_denied,
			geteuid() == 0 ? " (as root: CAP_SYS_PTRACE is missing, "
			"or the process is protected, as pid 1 may be)" :
			" (only root sees other users' processes)");
	if (o->fd_gone)
		fprintf(stderr, "lsock: -p: %lu processes went away during "
			"the scan\n", o->fd_gone);
}

static void ss_free_printer(struct ss_printer *pr, struct proc_owners *owners,
			    struct rowpack *ahead)
{
	int t;

	size_t i;

	for (t = 0; t < LSOCK_T_MAX; t++)
		rowpack_free(&ahead[t]);
	for (i = 0; pr->user_text && i < owners->ntasks; i++)
		free(pr->user_text[i]);
	free(pr->user_text);
	proc_owners_free(owners);
	cgroup_names_free(&pr->cgroups);
}

/* The row printer and its table, for a listing or for -E. */
static void ss_setup_printer(struct ss_ctl *ctl, struct ss_printer *pr,
			     struct ss_table *table, struct output *out,
			     struct resolver *res, struct proc_owners *owners,
			     struct rowpack *ahead)
{
	memset(pr, 0, sizeof(*pr));
	if (ctl->replay_dir)
		ss_replay_cgroups(ctl, &pr->cgroups);
	ss_setup_table(ctl, table, out);
	pr->table = table;
	pr->res = res;
	pr->filter = ctl->filter;
	pr->show = &ctl->show;
	resolve_port_range(res, &pr->fctx.eph_min, &pr->fctx.eph_max);
	ss_scan_owners(ctl, pr, owners, ahead);
	if (ctl->show.users)
		pr->users = owners;
}

/* -E: destroyed sockets as they come, until a signal. */
static int ss_run_events(struct ss_ctl *ctl, struct resolver *res,
			 struct output *out)
{
	struct rowpack ahead[LSOCK_T_MAX] = { { 0 } };
	struct proc_owners owners;
	struct ss_printer pr;
	struct ss_table table;
	struct ss_kill kill;
	int rc;

	ss_setup_printer(ctl, &pr, &table, out, res, &owners, ahead);
	rc = ctl->kill ? ss_kill_start(&kill, &pr, ctl) : -1;
	if (rc < 0)
		rc = ss_events_run(ctl, &pr, out, ctl->kill ? &kill : NULL);
	if (ctl->kill)
		ss_kill_end(&kill);
	ss_table_free(&table);
	ss_free_printer(&pr, &owners, ahead);
	return rc;
}

/* Writes out what is buffered: rc, or an exit code after a write error. */
static int ss_run_flush(struct output *out, int rc)
{
	int err = output_flush(out);

	if (err < 0) {
		fprintf(stderr, "lsock: write error: %s\n", strerror(-err));
		return SS_EXIT_FAIL;
	}
	return rc;
}

/* The tables into the table renderer; an exit code, or -1 when all is well. */
static int ss_run_listing(struct ss_ctl *ctl, struct resolver *res,
			  struct output *out)
{
	struct rowpack ahead[LSOCK_T_MAX] = { { 0 } };
	struct proc_owners owners;
	struct ss_printer pr;
	struct ss_table table;
	struct ss_kill kill;
	int rc;

	ss_setup_printer(ctl, &pr, &table, out, res, &owners, ahead);
	if (ctl->kill) {
		rc = ss_kill_start(&kill, &pr, ctl);
		if (rc >= 0) {
			ss_table_free(&table);
			ss_free_printer(&pr, &owners, ahead);
			return rc;
		}
		ctl->killer = &kill;
	}
	rc = ss_run_tables(ctl, &pr, ahead) < 0 ? SS_EXIT_FAIL :
	     ss_filter_check(ctl, &pr.fctx);
	if (ctl->killer) {
		ss_kill_end(&kill);
		ctl->killer = NULL;
	}
	if (rc < 0)
		ss_table_render(&table);
	ss_table_free(&table);
	ss_why_owners(ctl, &pr, &owners);
	ss_free_printer(&pr, &owners, ahead);
	if (rc >= 0)
		return rc;
	return ss_run_flush(out, -1);
}

/*
 * ss prints only the summary when no table or family option and no word
 * at all (state words included) follows the options.
 */
static bool ss_summary_only(const struct ss_ctl *ctl)
{
	return ctl->summary && ctl->sel.do_default && !ctl->sel.saw_states &&
	       ctl->argc == 0;
}

/*
 * Whatever is on stdout goes out only when the run succeeds (an error
 * leaves stdout empty): the summary, then ss's early exits or the listing.
 */
int ss_run(struct ss_ctl *ctl)
{
	static struct output out;
	bool summary_only = ss_summary_only(ctl);
	struct resolver res;
	int rc;

	output_init(&out, STDOUT_FILENO);
	ctl->src.warn = ss_warn;
	ss_select_finish(&ctl->sel);
	if (ctl->summary)
		ss_summary_show(&ctl->src, &out);
	rc = summary_only ? SS_EXIT_OK : ss_check_selection(&ctl->sel);
	if (rc >= 0)
		return ss_run_flush(&out, rc);
	if (ctl->dump_file) {	/* as ss: before the expression is read */
		rc = ss_run_flush(&out, -1);
		return rc >= 0 ? rc : ss_diag_run(ctl, ss_request_ext(&ctl->show));
	}
	ss_setup_resolver(ctl, &res);
	rc = ss_filter_setup(ctl, &res);
	if (rc < 0)
		rc = ctl->events ? ss_run_events(ctl, &res, &out) :
		     ss_run_listing(ctl, &res, &out);
	ss_filter_free(ctl);
	resolve_free(&res);
	return rc < 0 ? SS_EXIT_OK : rc;
}

static char *ss_join(const char *dir, const char *rel)
{
	char *p = xmalloc(strlen(dir) + strlen(rel) + 2);

	sprintf(p, "%s/%s", dir, rel);
	return p;
}

/* --replay DIR: every source is the recording, never the live system. */
static int ss_setup_replay(struct ss_ctl *ctl)
{
	char *meta = ss_join(ctl->replay_dir, "META");
	int ok = access(meta, R_OK) == 0;

	free(meta);
	if (!ok) {
		fprintf(stderr, "lsock: --replay %s: not a recording (no "
			"readable META file)\n", ctl->replay_dir);
		return SS_EXIT_FAIL;
	}
	ctl->src.replay_dir = ctl->replay_dir;
	ctl->owned_root = ss_join(ctl->replay_dir, "proc");
	ctl->src.proc_root = ctl->owned_root;
	ctl->port_range_path = ss_join(ctl->owned_root,
				       "sys/net/ipv4/ip_local_port_range");
	ctl->ifnames_path = ss_join(ctl->replay_dir, "ifnames");
	return -1;
}

static int ss_setup_source(struct ss_ctl *ctl, struct record *rec)
{
	if (ctl->record_dir && ctl->replay_dir) {
		fprintf(stderr, "lsock: --record and --replay exclude each "
			"other; see 'lsock --help'\n");
		return SS_EXIT_USAGE;
	}
	if (ctl->replay_dir)
		return ss_setup_replay(ctl);
	ctl->port_range_path = env_proc_source(&ctl->src);
	ctl->forced_proc = env_forced_proc();
	ctl->src.tcpdiag_file = env_tcpdiag_file();
	ctl->no_bytecode = env_no_bytecode();
	if (!ctl->record_dir)
		return -1;
	if (cli_record_start(rec, ctl->record_dir, ctl->full_argc,
			     ctl->full_argv) < 0)
		return SS_EXIT_FAIL;
	ctl->src.record = &rec->capture;
	return -1;
}

static int ss_finish_record(struct ss_ctl *ctl, struct record *rec, int rc)
{
	if (ctl->record_dir &&
	    cli_record_finish(rec, ctl->record_dir, ctl->src.proc_root) < 0)
		return SS_EXIT_FAIL;
	return rc;
}

int ss_main(int argc, char **argv)
{
	struct record rec;
	struct ss_ctl ctl;
	int rc = ss_cli_parse(&ctl, argc, argv);

	if (rc >= 0)
		return rc;
	rc = ss_setup_source(&ctl, &rec);
	if (rc < 0) {
		rc = ss_run(&ctl);
		rc = ss_finish_record(&ctl, &rec, rc);
	}
	free(ctl.port_range_path);
	free(ctl.owned_root);
	free(ctl.ifnames_path);
	return rc;
}
