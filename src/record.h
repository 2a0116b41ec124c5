/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --record DIR: keep what a run read from the kernel, so that --replay DIR
 * can render any query from it later, on another machine.
 *
 *   DIR/META                  kernel, architecture, byte order, date, command
 *   DIR/netlink/NAME.nl       every reply datagram of one sock_diag request
 *   DIR/netlink/NAME.err      the errno socket() failed with, if it did
 *   DIR/proc/net/FILE         the /proc files read, byte for byte, and
 *                             sockstat, sockstat6 and snmp (for -s) always
 *   DIR/proc/sys/net/ipv4/ip_local_port_range
 *   DIR/proc/PID/{stat,cmdline}  processes that hold sockets
 *   DIR/fdlinks               "PID FD socket:[INODE]" for every socket fd
 *   DIR/ifnames               "INDEX NAME" for every interface
 *   DIR/cgroups               "ID PATH" for every cgroup v2 directory
 */
#ifndef LSOCK_RECORD_H
#define LSOCK_RECORD_H

#include "backends/backend.h"

struct record {
	char *dir;
	int err;		/* first write error, as a negative errno */
	struct lsock_capture capture;
};

/* Creates the directory layout and META. 0 or a negative errno. */
int record_open(struct record *r, const char *dir, int argc, char **argv);
/*
 * Saves what rendering needs from the live system (port range, interface
 * names, process fds and names, the summary's counters unless the run read
 * them already) from proc_root.
 */
int record_system(struct record *r, const char *proc_root);
/* Returns the first error met while recording, 0 if none. */
int record_close(struct record *r);

#endif /* LSOCK_RECORD_H */
