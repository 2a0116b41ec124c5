/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A NETLINK_SOCK_DIAG socket and the dump loop: send one request, read every
 * reply datagram (sized with MSG_PEEK|MSG_TRUNC, so large dumps never
 * truncate), hand each message to a callback, stop at NLMSG_DONE. After a
 * few datagrams a second thread does the reading, so that the kernel makes
 * the next ones while the callback runs; the callback still runs in the
 * caller's thread, in order. The same loop replays a recorded stream from
 * memory.
 */
#ifndef LSOCK_NL_SOCK_H
#define LSOCK_NL_SOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "nl.h"

/* Called for each data message; non-zero stops the dump with that value. */
typedef int (*nl_msg_fn)(const struct nlmsghdr *nlh, void *arg);
/* Called with each raw datagram as received (for --record). */
typedef void (*nl_tee_fn)(void *arg, const void *buf, size_t len);

struct nl_sock {
	int fd;
	uint8_t *buf;
	size_t cap;
	nl_tee_fn tee;
	void *tee_arg;
	int interrupted;	/* a reply carried NLM_F_DUMP_INTR */
	bool single_thread;	/* no reader thread for long dumps */
};

/* Returns 0 or the negative errno of socket(2)/bind(2). */
int nl_sock_open(struct nl_sock *s);
void nl_sock_close(struct nl_sock *s);
/*
 * Sends req and reads the dump. Returns 0 at a clean NLMSG_DONE, the
 * negative errno an NLMSG_ERROR or NLMSG_DONE carried, another negative
 * errno for I/O or malformed replies, or what fn returned.
 */
int nl_sock_dump(struct nl_sock *s, const void *req, size_t len,
		 nl_msg_fn fn, void *arg);
/* Runs fn over the messages of a recorded stream, as nl_sock_dump would. */
int nl_stream_replay(const void *buf, size_t len, nl_msg_fn fn, void *arg);

/*
 * One datagram, whole: its size is peeked first and the buffer grown to
 * it. Returns its length, or a negative errno.
 */
ssize_t nl_sock_recv(struct nl_sock *s);

#endif /* LSOCK_NL_SOCK_H */
