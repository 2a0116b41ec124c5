/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss -K: every inet socket that a live sock_diag dump returns and the
 * filter accepts is destroyed (SOCK_DESTROY) before its row is printed,
 * as ss 6.1 does; rows of other tables and of recorded data are printed
 * as they are. A socket already gone (ENOENT) or that cannot be destroyed
 * (EOPNOTSUPP) is skipped silently; any other answer ends the run.
 */
#ifndef LSOCK_SS_KILL_H
#define LSOCK_SS_KILL_H

#include <stdbool.h>

#include "backends/backend.h"
#include "backends/netlink-destroy.h"
#include "ss-print.h"

struct ss_ctl;

struct ss_kill {
	struct ss_printer *pr;
	struct netlink_destroy destroy;
	bool live;	/* the dump under way reads the running kernel */
	int err;	/* the answer that ended the run (reported), or 0 */
};

/*
 * Before anything is printed: refuses (one stderr line, an exit code)
 * when inet sockets may have to be destroyed and the process lacks
 * CAP_NET_ADMIN; else -1, and k is ready.
 */
int ss_kill_start(struct ss_kill *k, struct ss_printer *pr,
		  const struct ss_ctl *ctl);
void ss_kill_end(struct ss_kill *k);
/* A table's dump through ss_kill_sock; k->err tells a refused destroy. */
int ss_kill_dump(struct ss_kill *k, const struct lsock_backend_ops *ops,
		 const struct lsock_source *src,
		 const struct lsock_request *req);
/* The lsock_sock_cb for live records: destroy, then print. */
int ss_kill_sock(const struct lsock_sock *sk, void *arg);

#endif /* LSOCK_SS_KILL_H */
