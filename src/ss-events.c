/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "backends/netlink-events.h"
#include "ss-cli.h"
#include "ss-events.h"

struct ss_events {
	struct ss_printer *pr;
	struct output *out;
	struct ss_kill *kill;
	bool reported;		/* an error was reported already */
};

static int ss_events_one(const struct lsock_sock *sk, void *arg)
{
	struct ss_events *e = arg;
	int rc, werr;

	/* no table: ss 6.1 names event ports by any protocol's service */
	e->pr->current = LSOCK_T_MAX;
	if (e->kill) {
		e->kill->live = true;
		rc = ss_kill_sock(sk, e->kill);
	} else {
		rc = ss_print_sock(sk, e->pr);
	}
	ss_table_render(e->pr->table);
	werr = output_flush(e->out);
	if (werr < 0) {
		fprintf(stderr, "lsock: write error: %s\n", strerror(-werr));
		e->reported = true;
		return werr;
	}
	if (rc && e->kill && e->kill->err)
		e->reported = true;	/* ss-kill.c said why */
	return rc;
}

/* SIGINT, SIGTERM and SIGHUP, blocked, arrive on a descriptor instead. */
static int ss_events_signals(void)
{
	sigset_t set;
	int fd;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &set, NULL) < 0)
		return -errno;
	fd = signalfd(-1, &set, SFD_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

/* Until a signal: 0, or -1 after a reported error. */
static int ss_events_loop(struct netlink_events *ev, int sfd,
			  struct ss_events *e)
{
	for (;;) {
		int rc = netlink_events_wait(ev, sfd);

		if (rc == 0)
			return 0;
		if (rc > 0)
			rc = netlink_events_read(ev, ss_events_one, e);
		if (rc == -ENOBUFS) {
			fprintf(stderr, "lsock: -E: the kernel dropped events "
				"(receive buffer full)\n");
			continue;
		}
		if (rc == 0)
			continue;
		if (!e->reported)
			fprintf(stderr, "lsock: -E: reading socket events: "
				"%s\n", strerror(-rc));
		return -1;
	}
}

int ss_events_run(const struct ss_ctl *ctl, struct ss_printer *pr,
		  struct output *out, struct ss_kill *kill)
{
	uint32_t groups = netlink_events_groups(ctl->sel.families,
						ctl->sel.dbs);
	struct netlink_events ev;
	struct ss_events e = { pr, out, kill, false };
	int sfd, rc;

	if (!groups) {
		fprintf(stderr, "lsock: -E: events exist for TCP and UDP "
			"sockets only, and no such table is selected\n");
		return SS_EXIT_USAGE;
	}
	sfd = ss_events_signals();
	if (sfd < 0) {
		fprintf(stderr, "lsock: -E: signals: %s\n", strerror(-sfd));
		return SS_EXIT_FAIL;
	}
	rc = netlink_events_open(&ev, groups, ctl->sel.families);
	if (rc < 0) {
		fprintf(stderr, "lsock: -E: cannot follow socket events "
			"(sock_diag): %s\n", strerror(-rc));
		close(sfd);
		return SS_EXIT_FAIL;
	}
	rc = ss_events_loop(&ev, sfd, &e);
	netlink_events_close(&ev);
	close(sfd);
	return rc < 0 ? SS_EXIT_FAIL : SS_EXIT_OK;
}
