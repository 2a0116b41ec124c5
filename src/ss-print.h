/* SPDX-License-Identifier: GPL-2.0-or-later */
/* One socket record as one row of ss's table. */
#ifndef LSOCK_SS_PRINT_H
#define LSOCK_SS_PRINT_H

#include "backends/backend.h"
#include "cgroup-path.h"
#include "filter.h"
#include "resolve.h"
#include "sock.h"
#include "ss-show.h"
#include "ss-table.h"

struct proc_owners;

struct ss_printer {
	struct ss_table *table;
	struct resolver *res;
	enum lsock_table current;	/* the table being dumped */
	unsigned long rows;		/* rows printed for it so far */
	const struct filter *filter;	/* the expression, or NULL */
	struct filter_ctx fctx;
	const struct ss_show *show;	/* what follows the columns */
	const struct proc_owners *users;	/* -p: sockets' owners, or NULL */
	char **user_text;	/* -p: per owner task, its text once made */
	unsigned long unowned;		/* rows -p found no owner for */
	struct cgroup_names cgroups;	/* id -> path, for -e and --cgroup */
	bool cgroup_warned;
	char cgroup_buf[48];
};

/* A lsock_sock_cb: prints the socket into the table if the filter agrees. */
int ss_print_sock(const struct lsock_sock *sk, void *arg);
/* The same, for a socket the filter has already let through. */
void ss_print_row(struct ss_printer *p, const struct lsock_sock *sk);

#endif /* LSOCK_SS_PRINT_H */
