/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss -N NAME: move into the named network namespace the way ip netns
 * exec and ss do: setns() to /var/run/netns/NAME, a private mount
 * namespace (/ made a recursive slave), a fresh sysfs on /sys, and every
 * entry of /etc/netns/NAME bind-mounted over its name in /etc. Everything
 * read afterwards (sock_diag, /proc/net, /proc/sys, interface names,
 * /etc files) belongs to that namespace; the pid namespace and /proc stay.
 */
#ifndef LSOCK_SS_NETNS_H
#define LSOCK_SS_NETNS_H

/* -1 once inside NAME; else an exit code, after one stderr line. */
int ss_netns_enter(const char *name);

#endif /* LSOCK_SS_NETNS_H */
