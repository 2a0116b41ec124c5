/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "kernel-defs.h"
#include "nl-sock.h"
#include "xalloc.h"

#define NL_SNDBUF	32768
#define NL_RCVBUF	(1024 * 1024)
#define NL_MINBUF	32768

int nl_sock_open(struct nl_sock *s)
{
	struct sockaddr_nl sa;
	int one = 1, sndbuf = NL_SNDBUF, rcvbuf = NL_RCVBUF;

	memset(s, 0, sizeof(*s));
	s->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (s->fd < 0)
		return -errno;
	setsockopt(s->fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf));
	setsockopt(s->fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	setsockopt(s->fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	memset(&sa, 0, sizeof(sa));
	sa.nl_family = AF_NETLINK;
	if (bind(s->fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		int err = -errno;

		close(s->fd);
		s->fd = -1;
		return err;
	}
	s->cap = NL_MINBUF;
	s->buf = xmalloc(s->cap);
	return 0;
}

void nl_sock_close(struct nl_sock *s)
{
	if (s->fd >= 0)
		close(s->fd);
	free(s->buf);
	s->fd = -1;
	s->buf = NULL;
}

/*
 * Processes the messages of one buffer. *done becomes 1 at NLMSG_DONE or an
 * error. Returns the dump's result so far.
 */
static int nl_process(const void *buf, size_t len, nl_msg_fn fn, void *arg,
		      int *done, int *intr)
{
	const struct nlmsghdr *nlh;
	struct nl_iter it;
	int rc;

	nl_iter_init(&it, buf, len);
	while ((rc = nl_iter_next(&it, &nlh)) > 0) {
		if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
			*intr = 1;
		if (nlh->nlmsg_type == NLMSG_DONE ||
		    nlh->nlmsg_type == NLMSG_ERROR) {
			*done = 1;
			return nl_msg_errno(nlh);
		}
		if (nlh->nlmsg_type == NLMSG_NOOP)
			continue;
		rc = fn(nlh, arg);
		if (rc) {
			*done = 1;
			return rc;
		}
	}
	if (rc < 0)
		*done = 1;
	return rc;
}

ssize_t nl_sock_recv(struct nl_sock *s)
{
	ssize_t n;

	do {
		n = recv(s->fd, s->buf, s->cap, MSG_PEEK | MSG_TRUNC);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	if ((size_t)n > s->cap) {
		s->cap = (size_t)n;
		s->buf = xreallocarray(s->buf, s->cap, 1);
	}
	do {
		n = recv(s->fd, s->buf, s->cap, 0);
	} while (n < 0 && errno == EINTR);
	return n < 0 ? -errno : n;
}

static int nl_send(struct nl_sock *s, const void *req, size_t len)
{
	struct sockaddr_nl sa;
	ssize_t n;

	memset(&sa, 0, sizeof(sa));
	sa.nl_family = AF_NETLINK;
	do {
		n = sendto(s->fd, req, len, 0, (struct sockaddr *)&sa,
			   sizeof(sa));
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	return (size_t)n == len ? 0 : -EIO;
}

int nl_sock_dump(struct nl_sock *s, const void *req, size_t len,
		 nl_msg_fn fn, void *arg)
{
	int rc = nl_send(s, req, len), done = 0;

	s->interrupted = 0;
	while (rc == 0 && !done) {
		ssize_t n = nl_sock_recv(s);

		if (n < 0)
			return (int)n;
		if (n == 0)
			return -EIO;
		if (s->tee)
			s->tee(s->tee_arg, s->buf, (size_t)n);
		rc = nl_process(s->buf, (size_t)n, fn, arg, &done,
				&s->interrupted);
	}
	return rc;
}

int nl_stream_replay(const void *buf, size_t len, nl_msg_fn fn, void *arg)
{
	int done = 0, intr = 0;
	int rc = nl_process(buf, len, fn, arg, &done, &intr);

	if (rc == 0 && !done)
		return -EBADMSG;	/* the recording ends without DONE */
	return rc;
}
