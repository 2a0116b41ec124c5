/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unix rows from /proc: table and state selection, and ss's row order. */
#ifndef LSOCK_PROCFS_UNIX_H
#define LSOCK_PROCFS_UNIX_H

#include <stddef.h>

#include "backend.h"

struct procfs_unix_row {
	struct lsock_sock sk;
	size_t name_off;	/* offset of the name in names, if any */
	size_t seq;		/* arrival order, for a stable sort */
};

struct procfs_unix {
	const struct lsock_request *req;
	lsock_sock_cb cb;
	void *arg;
	struct procfs_unix_row *rows;
	size_t nrows, cap;
	char *names;
	size_t names_len, names_cap;
};

void procfs_unix_init(struct procfs_unix *u, const struct lsock_request *req,
		      lsock_sock_cb cb, void *arg);
int procfs_unix_add(struct procfs_unix *u, struct lsock_sock *sk);
int procfs_unix_flush(struct procfs_unix *u);
void procfs_unix_free(struct procfs_unix *u);

#endif /* LSOCK_PROCFS_UNIX_H */
