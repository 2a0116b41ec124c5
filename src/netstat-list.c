/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The socket listing of the netstat personality (netstat.md 1.4, 1.7, 2):
 * the sections in netstat's fixed order, each protocol's exit code ending
 * the run where netstat's does, the -p owners and their warnings, and the
 * -c loop.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fmt.h"
#include "netstat-priv.h"
#include "xalloc.h"

bool netstat_list_explicit(const struct netstat_ctl *ctl)
{
	return ctl->tcp || ctl->sctp || ctl->udp || ctl->udplite ||
	       ctl->raw || ctl->unix_socks || ctl->ipx || ctl->ax25 ||
	       ctl->netrom || ctl->groups || ctl->x25 || ctl->rose ||
	       ctl->l2cap || ctl->rfcomm;
}

/* --- -p ------------------------------------------------------------------ */

static bool netstat_list_identified(const struct proc_owners *o)
{
	size_t i;

	for (i = 0; i < o->ntasks; i++)
		if (o->tasks[i].argv0)
			return true;
	return false;
}

/* netstat's two warnings, keyed on an fd directory that gave EACCES. */
static void netstat_list_owner_warnings(const struct proc_owners *o, int rc)
{
	if (rc == 0 && !o->fd_eacces)
		return;
	if (rc < 0 || !netstat_list_identified(o))
		fprintf(stderr, "(No info could be read for \"-p\": geteuid()=%d "
			"but you should be root.)\n", (int)geteuid());
	else
		fputs("(Not all processes could be identified, non-owned "
		      "process info\n will not be shown, you would have to be "
		      "root to see it all.)\n", stderr);
}

/*
 * -p on a live system: the scan starts in threads of its own, so that the
 * rows read ahead (netstat-ahead.c) come in while it runs.
 */
static void netstat_list_owners_start(struct netstat_run *r)
{
	const struct netstat_ctl *ctl = r->ctl;

	if (!ctl->programs || r->owners_loaded || r->owners_job ||
	    ctl->replay_dir)
		return;
	proc_owners_init(&r->owners);
	r->owners.want_cmdline = true;
	r->owners_rc = proc_owners_scan_start(&r->owners, ctl->src.proc_root,
					      false, true, &r->owners_job);
	if (r->owners_job)
		netstat_inet_read_ahead(r);
}

/* Once per round, before the first section that shows owners. */
static void netstat_list_owners(struct netstat_run *r)
{
	const struct netstat_ctl *ctl = r->ctl;
	char *fdlinks;
	int rc;

	if (!ctl->programs || r->owners_loaded)
		return;
	r->owners_loaded = true;
	if (r->owners_job) {
		proc_owners_scan_wait(r->owners_job);
		r->owners_job = NULL;
		rc = r->owners_rc;
	} else if (ctl->replay_dir) {
		proc_owners_init(&r->owners);
		r->owners.want_cmdline = true;
		fdlinks = xmalloc(strlen(ctl->replay_dir) + sizeof("/fdlinks"));
		sprintf(fdlinks, "%s/fdlinks", ctl->replay_dir);
		rc = proc_owners_load(&r->owners, fdlinks, ctl->src.proc_root);
		free(fdlinks);
	} else {
		proc_owners_init(&r->owners);
		r->owners.want_cmdline = true;
		rc = proc_owners_scan(&r->owners, ctl->src.proc_root, false);
	}
	r->prognames = xcalloc(r->owners.ntasks + 1, sizeof(*r->prognames));
	netstat_list_owner_warnings(&r->owners, rc);
}

/* A task's -p text, made the first time a row needs it. */
static const char *netstat_list_progname(struct netstat_run *r, uint32_t t)
{
	const struct proc_owner_task *task = &r->owners.tasks[t];
	char *buf = r->prognames[t];

	if (!buf[0]) {
		netstat_fmt_progname(buf, sizeof(r->prognames[t]), task->pid,
				     task->argv0);
		netstat_escape(buf, true);
	}
	return buf;
}

/*
 * The first process scanned whose cmdline could be read holds the inode
 * for netstat; the owners table lists the last scanned first.
 */
const char *netstat_list_owner(struct netstat_run *r, uint64_t ino)
{
	const struct proc_owners *o = &r->owners;
	uint32_t i, t = PROC_OWNERS_NONE;

	for (i = proc_owners_first(o, ino); i != PROC_OWNERS_NONE;
	     i = proc_owners_next(o, i))
		if (o->tasks[o->own[i].task].argv0)
			t = o->own[i].task;
	return t == PROC_OWNERS_NONE ? "-" : netstat_list_progname(r, t);
}

void netstat_list_suffix(struct netstat_run *r, uint32_t uid, uint64_t ino,
			 const char *timer)
{
	const struct netstat_ctl *ctl = r->ctl;
	/* " %-20s" and the newline (a -p text has at most 19 bytes) */
	char line[128];
	const char *user;
	size_t n = 0;

	if (ctl->extend) {
		user = netstat_names_user(&r->names, uid);
		if (user)
			output_printf(r->out, " %-10s ", user);
		else
			output_printf(r->out, " %-10d ", (int)uid);
		output_uint_left(r->out, ino, 10);
	}
	if (ctl->programs) {
		line[n++] = ' ';
		n += fmt_left(line + n, netstat_list_owner(r, ino), 20);
	}
	if (timer) {
		output_write(r->out, line, n);
		output_printf(r->out, " %s\n", timer);
		return;
	}
	line[n++] = '\n';
	output_write(r->out, line, n);
}

/* --- the sections ------------------------------------------------------- */

static void netstat_list_inet_header(struct netstat_run *r)
{
	const struct netstat_ctl *ctl = r->ctl;
	struct output *out = r->out;

	output_printf(out, "Active Internet connections %s\n",
		      ctl->all ? "(servers and established)" :
		      ctl->listening ? "(only servers)" : "(w/o servers)");
	output_str(out, "Proto Recv-Q Send-Q Local Address           "
		   "Foreign Address         State      ");
	if (ctl->extend)
		output_str(out, " User       Inode     ");
	if (ctl->programs)
		output_printf(out, " %-20s", "PID/Program name");
	if (ctl->timers)
		output_str(out, " Timer");
	output_str(out, "\n");
}

static bool netstat_list_exists(const struct netstat_run *r, const char *rel,
				bool regular)
{
	const char *root = r->ctl->src.proc_root;
	char *path = xmalloc(strlen(root) + strlen(rel) + 2);
	struct stat st;
	int rc;

	sprintf(path, "%s/%s", root, rel);
	rc = stat(path, &st);
	free(path);
	return rc == 0 && (!regular || S_ISREG(st.st_mode));
}

/*
 * A table lsock cannot list (SCTP, IPX, AX.25, ...): netstat's message and
 * status when the kernel has none, lsock's when it has one.
 */
static int netstat_list_unlisted(struct netstat_run *r, const char *name,
				 bool present, bool quiet_noprot)
{
	const struct netstat_ctl *ctl = r->ctl;
	bool x = netstat_list_explicit(ctl);
	bool noprot = quiet_noprot && ctl->noprot;

	if (present) {
		fprintf(stderr, "lsock: %s sockets exist but cannot be listed "
			"in netstat mode yet\n", name);
		return x ? NETSTAT_EXIT_FAIL : 0;
	}
	if (!noprot && (x || ctl->verbose))
		fprintf(stderr, "netstat: no support for `%s' on this system.\n",
			name);
	return !noprot && x ? NETSTAT_EXIT_FAIL : 0;
}

/* SCTP: endpoints with -l or -a, associations without -l or with -a. */
static int netstat_list_sctp(struct netstat_run *r)
{
	const struct netstat_ctl *ctl = r->ctl;
	int rc = 0;

	if (netstat_list_explicit(ctl) && !ctl->inet)
		return 0;
	if (ctl->all || ctl->listening)
		rc = netstat_list_unlisted(r, "AF INET (sctp)",
			netstat_list_exists(r, "net/sctp/eps", false), true);
	if (rc == 0 && (ctl->all || !ctl->listening))
		rc = netstat_list_unlisted(r, "AF INET (sctp)",
			netstat_list_exists(r, "net/sctp/assocs", false), true);
	return rc;
}

/* IPX, AX.25, X.25, NET/ROM and ROSE, in netstat's order. */
static int netstat_list_others(struct netstat_run *r)
{
	const struct netstat_ctl *ctl = r->ctl;
	bool x = netstat_list_explicit(ctl);
	const struct {
		bool wanted;
		const char *name, *file;
	} fams[] = {
		{ ctl->ipx, "AF IPX", "net/ipx/socket" },
		{ ctl->ax25, "AF AX25", "net/ax25" },
		{ ctl->x25, "AF X25", "net/x25" },
		{ ctl->netrom, "AF NETROM", "net/nr" },
		{ ctl->rose, "AF ROSE", "net/rose" },
	};
	size_t i;
	int rc;

	for (i = 0; i < sizeof(fams) / sizeof(fams[0]); i++) {
		bool present;

		if (x && !fams[i].wanted)
			continue;
		present = netstat_list_exists(r, fams[i].file, false) ||
			  (i == 0 && netstat_list_exists(r, "net/ipx", true));
		rc = netstat_list_unlisted(r, fams[i].name, present, false);
		if (rc)
			return rc;
	}
	return 0;
}

static int netstat_list_inet(struct netstat_run *r)
{
	const struct netstat_ctl *ctl = r->ctl;
	bool x = netstat_list_explicit(ctl);
	int rc;

	if (!x || ctl->tcp || ctl->sctp || ctl->udp || ctl->udplite ||
	    ctl->raw) {
		netstat_list_owners_start(r);
		netstat_list_owners(r);
		netstat_list_inet_header(r);
	}
	if ((!x || ctl->tcp) && (rc = netstat_inet_tcp(r)) != 0)
		return rc;
	if ((!x || ctl->sctp) && (rc = netstat_list_sctp(r)) != 0)
		return rc;
	if ((!x || ctl->udp) && (rc = netstat_inet_udp(r, false)) != 0)
		return rc;
	if ((!x || ctl->udplite) && (rc = netstat_inet_udp(r, true)) != 0)
		return rc;
	if ((!x || ctl->raw) && (rc = netstat_inet_raw(r)) != 0)
		return rc;
	return 0;
}

/* One round: every section netstat would print, in its order. */
static int netstat_list_once(struct netstat_run *r)
{
	const struct netstat_ctl *ctl = r->ctl;
	bool x = netstat_list_explicit(ctl);
	int rc = netstat_list_inet(r);

	if (rc)
		return rc;
	if (ctl->groups && (rc = netstat_groups_print(ctl, r->out)) != 0)
		return rc;
	if (!x || ctl->unix_socks) {
		netstat_list_owners(r);
		rc = netstat_unix_section(r);
		if (rc)
			return rc;
	}
	rc = netstat_list_others(r);
	if (rc)
		return rc;
	if (x && (ctl->l2cap || ctl->rfcomm)) {
		fputs("netstat: feature `AF BLUETOOTH' not supported.\n"
		      "Please recompile `net-tools' with newer kernel source or "
		      "full configuration.\n", stderr);
		return NETSTAT_EXIT_FAIL;
	}
	return 0;
}

/* What one round found out: the owners and any rows not printed. */
static void netstat_list_round_free(struct netstat_run *r)
{
	proc_owners_scan_wait(r->owners_job);
	r->owners_job = NULL;
	proc_owners_free(&r->owners);
	free(r->prognames);
	r->prognames = NULL;
	r->owners_loaded = false;
	netstat_inet_ahead_free(r);
}

int netstat_list_run(const struct netstat_ctl *ctl, struct output *out)
{
	struct netstat_run r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.ctl = ctl;
	r.out = out;
	r.clk_tck = sysconf(_SC_CLK_TCK);
	if (r.clk_tck <= 0)
		r.clk_tck = 100;
	netstat_names_init(&r.names, ctl);
	for (;;) {
		rc = netstat_list_once(&r);
		if (!ctl->continuous || rc)
			break;
		output_flush(out);
		sleep(1);
		netstat_list_round_free(&r);
	}
	netstat_list_round_free(&r);
	netstat_names_free(&r.names);
	return rc;
}
