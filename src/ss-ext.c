/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The text after the columns of a row: which pieces each family shows for
 * which option, in ss 6.1's order.
 */
#include "config.h"

#include <sys/socket.h>

#include "kernel-defs.h"
#include "ss-ext.h"

static void ss_ext_inet(struct ss_printer *p, const struct lsock_sock *sk)
{
	const struct ss_show *w = p->show;

	ss_inet_info_print(p->table, sk, w, p->res->numeric);
}

/*
 * TEMPORARY (wt-info, for tests/live/ss-live-info.sh): -m for unix, packet
 * and netlink sockets, until the lead's ss-ext.c calls ss_skmem_print in
 * its place among each family's details. Drop this on merge.
 */
static void ss_ext_skmem(struct ss_printer *p, const struct lsock_sock *sk)
{
	if (!p->show->mem || !sk->attrs)
		return;
	switch (sk->family) {
	case AF_UNIX:
		ss_skmem_print(p->table, sk, LSOCK_UNIX_DIAG_MEMINFO);
		break;
	case AF_PACKET:
		ss_skmem_print(p->table, sk, LSOCK_PACKET_DIAG_MEMINFO);
		break;
	case AF_NETLINK:
		ss_table_puts(p->table, "\t");
		ss_skmem_print(p->table, sk, LSOCK_NETLINK_DIAG_MEMINFO);
		break;
	default:
		break;
	}
}

void ss_ext_print(struct ss_printer *p, const struct lsock_sock *sk)
{
	ss_table_set(p->table, SS_COL_PROC);
	switch (sk->family) {
	case AF_INET:
	case AF_INET6:
		ss_ext_inet(p, sk);
		break;
	default:
		ss_ext_skmem(p, sk);
		break;
	}
}
