/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Pure parsers for one line of the /proc/net socket tables: bytes in, one
 * socket record out. They never read files, allocate or print, so recorded
 * lines replay through exactly the code that reads the live kernel.
 *
 * Each returns 0, or -EINVAL when the line is not a well-formed entry of the
 * table (too few columns, a non-hex address, ...). Header lines are the
 * caller's business.
 */
#ifndef LSOCK_PROCNET_PARSE_H
#define LSOCK_PROCNET_PARSE_H

#include <stddef.h>

#include "sock.h"

/* net/tcp, tcp6, udp, udp6, udplite, udplite6, raw, raw6 */
int procnet_parse_inet_line(const char *line, size_t len, int family,
			    int is_tcp, struct lsock_sock *sk);
/* net/unix; sk->name points into line */
int procnet_parse_unix_line(const char *line, size_t len,
			    struct lsock_sock *sk);
/* net/packet */
int procnet_parse_packet_line(const char *line, size_t len,
			      struct lsock_sock *sk);
/* net/netlink */
int procnet_parse_netlink_line(const char *line, size_t len,
			       struct lsock_sock *sk);

/* The ss state of a unix socket from its /proc Flags and St columns. */
int procnet_unix_state(unsigned int flags, unsigned int st);

#endif /* LSOCK_PROCNET_PARSE_H */
