/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
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

/* One datagram into *buf, grown to its size (peeked first). */
static ssize_t nl_recv_into(int fd, uint8_t **buf, size_t *cap)
{
	ssize_t n;

	do {
		n = recv(fd, *buf, *cap, MSG_PEEK | MSG_TRUNC);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	if ((size_t)n > *cap) {
		*cap = (size_t)n;
		*buf = xreallocarray(*buf, *cap, 1);
	}
	do {
		n = recv(fd, *buf, *cap, 0);
	} while (n < 0 && errno == EINTR);
	return n < 0 ? -errno : n;
}

ssize_t nl_sock_recv(struct nl_sock *s)
{
	return nl_recv_into(s->fd, &s->buf, &s->cap);
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

/*
 * A long dump is read by a second thread. The kernel fills the next
 * datagram of a dump inside the recv() that takes the previous one, so
 * while this thread decodes and hands on what came, the reader has the
 * kernel make what comes next. Datagrams pass through a ring of
 * NL_RING buffers in order; the reader stops after the one that ends the
 * dump (or a failed recv), or when the caller is done.
 */
#define NL_RING		3
#define NL_PIPE_AFTER	8	/* datagrams read here before a reader starts */

struct nl_slot {
	uint8_t *buf;
	size_t cap;
	ssize_t len;		/* what nl_recv_into returned */
};

struct nl_pipe {
	int fd;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct nl_slot slot[NL_RING];
	size_t head, tail;	/* filled: [tail, head) */
	bool stop;		/* the caller is done */
	bool ended;		/* the reader is done */
};

/* Whether a datagram ends the dump: NLMSG_DONE, an error, or garbage. */
static bool nl_ends_dump(const uint8_t *buf, ssize_t len)
{
	const struct nlmsghdr *nlh;
	struct nl_iter it;
	int rc;

	if (len <= 0)
		return true;
	nl_iter_init(&it, buf, (size_t)len);
	while ((rc = nl_iter_next(&it, &nlh)) > 0)
		if (nlh->nlmsg_type == NLMSG_DONE ||
		    nlh->nlmsg_type == NLMSG_ERROR)
			return true;
	return rc < 0;
}

static void *nl_pipe_reader(void *arg)
{
	struct nl_pipe *p = arg;
	struct nl_slot *sl;
	bool last;

	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (!p->stop && p->head - p->tail == NL_RING)
			pthread_cond_wait(&p->cv, &p->mu);
		sl = &p->slot[p->head % NL_RING];
		last = p->stop;
		pthread_mutex_unlock(&p->mu);
		if (!last) {
			sl->len = nl_recv_into(p->fd, &sl->buf, &sl->cap);
			last = nl_ends_dump(sl->buf, sl->len);
		}
		pthread_mutex_lock(&p->mu);
		if (!p->stop)
			p->head++;
		p->ended = last;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
		if (last)
			return NULL;
	}
}

/* The next datagram from the reader, or NULL when it has ended. */
static struct nl_slot *nl_pipe_next(struct nl_pipe *p)
{
	struct nl_slot *sl = NULL;

	pthread_mutex_lock(&p->mu);
	while (p->tail == p->head && !p->ended)
		pthread_cond_wait(&p->cv, &p->mu);
	if (p->tail != p->head)
		sl = &p->slot[p->tail % NL_RING];
	pthread_mutex_unlock(&p->mu);
	return sl;
}

static void nl_pipe_done_with(struct nl_pipe *p, bool stop)
{
	pthread_mutex_lock(&p->mu);
	p->tail++;
	p->stop = stop;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

/*
 * The rest of the dump through a reader, its result in *rc; false when
 * the reader cannot start (nothing was read).
 */
static bool nl_dump_piped(struct nl_sock *s, nl_msg_fn fn, void *arg,
			  int *rc)
{
	struct nl_pipe p;
	struct nl_slot *sl;
	pthread_t reader;
	bool started;
	int done = 0, k;

	memset(&p, 0, sizeof(p));
	p.fd = s->fd;
	for (k = 0; k < NL_RING; k++) {	/* here, not in a second arena */
		p.slot[k].cap = s->cap;
		p.slot[k].buf = xmalloc(s->cap);
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	*rc = -EIO;
	started = pthread_create(&reader, NULL, nl_pipe_reader, &p) == 0;
	while (started && !done && (sl = nl_pipe_next(&p)) != NULL) {
		*rc = sl->len < 0 ? (int)sl->len : -EIO;
		if (sl->len > 0) {
			if (s->tee)
				s->tee(s->tee_arg, sl->buf, (size_t)sl->len);
			*rc = nl_process(sl->buf, (size_t)sl->len, fn, arg,
					 &done, &s->interrupted);
		} else {
			done = 1;
		}
		nl_pipe_done_with(&p, done);
	}
	if (started && !done)
		*rc = -EIO;	/* the reader ended before the dump did */
	if (started)
		pthread_join(reader, NULL);
	for (k = 0; k < NL_RING; k++)
		free(p.slot[k].buf);
	pthread_cond_destroy(&p.cv);
	pthread_mutex_destroy(&p.mu);
	return started;
}

int nl_sock_dump(struct nl_sock *s, const void *req, size_t len,
		 nl_msg_fn fn, void *arg)
{
	int rc = nl_send(s, req, len), done = 0, piped_rc;
	unsigned int k;

	s->interrupted = 0;
	for (k = 0; rc == 0 && !done; k++) {
		ssize_t n;

		if (k == NL_PIPE_AFTER && !s->single_thread &&
		    nl_dump_piped(s, fn, arg, &piped_rc))
			return piped_rc;
		n = nl_sock_recv(s);
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
