/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss's /proc path prints unix sockets sorted by type, then inode, in batches:
 * it sorts what it has read so far and prints it whenever 1681 rows are
 * pending (its list holds 1 MiB of records). lsock keeps that order when asked
 * to (LSOCK_REQ_SS_UNIX_ORDER) and the file order otherwise (netstat).
 *
 * It does not copy ss's misreading of the hashed Num column as a peer, which
 * turns every unconnected datagram socket into ESTAB (docs/compat.md).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "procfs-unix.h"
#include "xalloc.h"

#define PROCFS_UNIX_BATCH	1681

void procfs_unix_init(struct procfs_unix *u, const struct lsock_request *req,
		      lsock_sock_cb cb, void *arg)
{
	memset(u, 0, sizeof(*u));
	u->req = req;
	u->cb = cb;
	u->arg = arg;
}

static int procfs_unix_cmp(const void *a, const void *b)
{
	const struct procfs_unix_row *x = a, *y = b;

	if (x->sk.type != y->sk.type)
		return x->sk.type < y->sk.type ? -1 : 1;
	if ((uint32_t)x->sk.ino != (uint32_t)y->sk.ino)
		return (uint32_t)x->sk.ino < (uint32_t)y->sk.ino ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int procfs_unix_flush(struct procfs_unix *u)
{
	size_t i;
	int rc = 0;

	if ((u->req->flags & LSOCK_REQ_SS_UNIX_ORDER) && u->nrows > 1)
		qsort(u->rows, u->nrows, sizeof(*u->rows), procfs_unix_cmp);
	for (i = 0; i < u->nrows && rc == 0; i++) {
		struct lsock_sock *sk = &u->rows[i].sk;

		if (sk->name)
			sk->name = u->names + u->rows[i].name_off;
		rc = u->cb(sk, u->arg);
	}
	u->nrows = 0;
	u->names_len = 0;
	return rc;
}

static void procfs_unix_keep_name(struct procfs_unix *u,
				  struct procfs_unix_row *row)
{
	size_t need = row->sk.name_len;

	if (!row->sk.name)
		return;
	if (u->names_len + need > u->names_cap) {
		u->names_cap = (u->names_len + need) * 2 + 4096;
		u->names = xreallocarray(u->names, u->names_cap, 1);
	}
	memcpy(u->names + u->names_len, row->sk.name, need);
	row->name_off = u->names_len;
	u->names_len += need;
}

int procfs_unix_add(struct procfs_unix *u, struct lsock_sock *sk)
{
	struct procfs_unix_row *row;
	int ss_order = u->req->flags & LSOCK_REQ_SS_UNIX_ORDER;

	if (backend_unix_type_skip(u->req, sk->type) || sk->state >= 32 ||
	    !(u->req->states & (1u << sk->state)))
		return 0;
	if (!ss_order)
		return u->cb(sk, u->arg);
	if (u->nrows == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 256;
		u->rows = xreallocarray(u->rows, u->cap, sizeof(*u->rows));
	}
	row = &u->rows[u->nrows];
	row->sk = *sk;
	row->seq = u->nrows++;
	procfs_unix_keep_name(u, row);
	if (u->nrows >= PROCFS_UNIX_BATCH)
		return procfs_unix_flush(u);
	return 0;
}

void procfs_unix_free(struct procfs_unix *u)
{
	free(u->rows);
	free(u->names);
	memset(u, 0, sizeof(*u));
}
