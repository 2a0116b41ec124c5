/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss -D FILE: the TCP table's sock_diag replies written out verbatim,
 * every datagram as received (NLMSG_DONE included), for IPv4 then IPv6 as
 * the selection asks, so that TCPDIAG_FILE can replay them. As in ss 6.1
 * the states and families apply and the filter expression does not (it is
 * not even read). A FILE that starts with '-' means standard output.
 */
#ifndef LSOCK_SS_DIAG_H
#define LSOCK_SS_DIAG_H

struct ss_ctl;

/* ext: the LSOCK_REQX_* details the options ask for. The exit code. */
int ss_diag_run(const struct ss_ctl *ctl, unsigned int ext);

#endif /* LSOCK_SS_DIAG_H */
