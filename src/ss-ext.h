/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The details after a row's columns (ss.md section 4). In ss 6.1 all of
 * them are written into the Process column, each piece starting with a
 * space, in this order: users, timer, -e details, tos, cgroup, inet
 * socket options, then "\n\t" and the memory and tcp_info block.
 */
#ifndef LSOCK_SS_EXT_H
#define LSOCK_SS_EXT_H

#include <stdbool.h>

#include "sock.h"
#include "ss-print.h"
#include "ss-show.h"
#include "ss-table.h"

/* Everything the options ask for, after the peer address. */
void ss_ext_print(struct ss_printer *p, const struct lsock_sock *sk);

/* Shared by the pieces: an attribute of a netlink record, or NULL. */
const struct nl_attr *ss_ext_attr(const struct lsock_sock *sk, int type);
/* "\n\t", or a space under -O. */
void ss_ext_newline(const struct ss_printer *p);
/* -e's " [uid:N] ino:N sk:X [fwmark:0xN] [cgroup:PATH]". */
void ss_ext_sock_details(struct ss_printer *p, const struct lsock_sock *sk);

/* ss-ext-packet.c: -e and -b for packet sockets */
void ss_ext_packet(struct ss_printer *p, const struct lsock_sock *sk);

/* ss-tcpinfo.c: -m and -i */
/* " skmem:(...)" from a SK_MEMINFO attribute (or " mem:(...)"). */
void ss_skmem_print(struct ss_table *t, const struct lsock_sock *sk,
		    int skmem_attr);
/* The "\n\t" block of an inet socket for -m and -i, when it is due. */
void ss_inet_info_print(struct ss_table *t, const struct lsock_sock *sk,
			const struct ss_show *w, bool numeric);

#endif /* LSOCK_SS_EXT_H */
