/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The text after the columns of a row: which pieces each family shows for
 * which option, in ss 6.1's order.
 */
#include "config.h"

#include <sys/socket.h>

#include "ss-ext.h"

static void ss_ext_inet(struct ss_printer *p, const struct lsock_sock *sk)
{
	const struct ss_show *w = p->show;

	ss_inet_info_print(p->table, sk, w, p->res->numeric);
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
		break;
	}
}
