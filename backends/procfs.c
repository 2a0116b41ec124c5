/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The /proc backend: reads the /proc/net socket tables (or a recorded tree
 * under another root) and hands each entry to the pure line parsers. This
 * file holds the I/O and the per-table rules ss's /proc path follows: which
 * files a family needs, the state and table checks, and the unix ordering.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "backend.h"
#include "inode-set.h"
#include "procfs-unix.h"
#include "procnet-parse.h"
#include "xalloc.h"

#define PROCFS_READ_CHUNK	65536

struct procfs_reader {
	int fd;
	char *path;
	char *buf;
	size_t cap;
	size_t start;		/* first unconsumed byte */
	size_t end;		/* end of valid data */
	int eof;
	unsigned long lineno;
	const char *name;			/* "net/tcp" */
	const struct lsock_capture *record;	/* --record, or NULL */
};

static int procfs_open(const struct lsock_source *src, enum lsock_procfile pf,
		       struct procfs_reader *r)
{
	memset(r, 0, sizeof(*r));
	r->path = backend_procfile_path(src, pf);
	r->fd = open(r->path, O_RDONLY | O_CLOEXEC);
	if (r->fd < 0) {
		int err = -errno;

		free(r->path);
		r->path = NULL;
		return err;
	}
	r->cap = PROCFS_READ_CHUNK;
	r->buf = xmalloc(r->cap);
	r->name = backend_procfile_name(pf);
	r->record = src->record;
	if (r->record)	/* an empty file is recorded as one, not as absent */
		r->record->proc_data(r->record->arg, r->name, r->buf, 0);
	return 0;
}

static void procfs_close(struct procfs_reader *r)
{
	if (r->fd >= 0)
		close(r->fd);
	free(r->buf);
	free(r->path);
	r->fd = -1;
	r->buf = NULL;
	r->path = NULL;
}

/* Make room for at least one more read after the unconsumed bytes. */
static void procfs_compact(struct procfs_reader *r)
{
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	if (r->cap - r->end < PROCFS_READ_CHUNK / 2) {
		r->cap *= 2;
		r->buf = xreallocarray(r->buf, r->cap, 1);
	}
}

static int procfs_fill(struct procfs_reader *r)
{
	ssize_t n;

	procfs_compact(r);
	do {
		n = read(r->fd, r->buf + r->end, r->cap - r->end);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	if (n == 0)
		r->eof = 1;
	else if (r->record)
		r->record->proc_data(r->record->arg, r->name, r->buf + r->end,
				     (size_t)n);
	r->end += (size_t)n;
	return 0;
}

/*
 * Next line without its newline. *complete is 0 for a last line that ends
 * without one. Returns 1 for a line, 0 at the end, or a negative errno.
 */
static int procfs_next_line(struct procfs_reader *r, const char **line,
			    size_t *len, int *complete)
{
	for (;;) {
		char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
		int err;

		if (nl) {
			*line = r->buf + r->start;
			*len = (size_t)(nl - *line);
			*complete = 1;
			r->start = (size_t)(nl - r->buf) + 1;
			r->lineno++;
			return 1;
		}
		if (r->eof) {
			if (r->start == r->end)
				return 0;
			*line = r->buf + r->start;
			*len = r->end - r->start;
			*complete = 0;
			r->start = r->end;
			r->lineno++;
			return 1;
		}
		err = procfs_fill(r);
		if (err < 0)
			return err;
	}
}

static void procfs_warn(const struct lsock_source *src,
			const struct procfs_reader *r, const char *what)
{
	if (src->warn)
		src->warn(src->warn_arg, r->path, r->lineno, what);
}

typedef int (*procfs_parse_fn)(const char *line, size_t len,
			       struct lsock_sock *sk, void *arg);
typedef int (*procfs_emit_fn)(struct lsock_sock *sk, void *arg);

struct procfs_walk {
	const struct lsock_source *src;
	procfs_parse_fn parse;
	void *parse_arg;
	procfs_emit_fn emit;
	void *emit_arg;
	struct inode_set *seen;
};

/*
 * Read one table file: skip the header, parse every line, warn about and skip
 * malformed ones, drop an inode seen twice in the same read (a socket that
 * moved while the kernel paged the file out), and emit the rest.
 */
static int procfs_walk_file(struct procfs_reader *r,
			    const struct procfs_walk *w)
{
	const char *line;
	size_t len;
	int complete, rc;

	while ((rc = procfs_next_line(r, &line, &len, &complete)) > 0) {
		struct lsock_sock sk;

		if (r->lineno == 1)
			continue;
		if (!complete) {
			procfs_warn(w->src, r, "truncated line skipped");
			continue;
		}
		if (w->parse(line, len, &sk, w->parse_arg) < 0) {
			procfs_warn(w->src, r, "malformed line skipped");
			continue;
		}
		if (sk.ino && !inode_set_add(w->seen, sk.ino))
			continue;
		rc = w->emit(&sk, w->emit_arg);
		if (rc)
			return rc;
	}
	return rc;
}

static int procfs_walk_path(enum lsock_procfile pf, const struct procfs_walk *w)
{
	struct procfs_reader r;
	int rc = procfs_open(w->src, pf, &r);

	if (rc == -ENOENT)
		return rc;
	if (rc < 0) {
		/* unreadable rather than absent: say so, keep going */
		if (w->src->warn) {
			char *path = backend_procfile_path(w->src, pf);

			w->src->warn(w->src->warn_arg, path, 0, strerror(-rc));
			free(path);
		}
		return 0;
	}
	rc = procfs_walk_file(&r, w);
	procfs_close(&r);
	return rc;
}

/* --- inet tables ----------------------------------------------------- */

struct procfs_inet {
	const struct lsock_request *req;
	int family;
	int is_tcp;
	uint16_t protocol;
	lsock_sock_cb cb;
	void *arg;
};

static int procfs_inet_parse(const char *line, size_t len,
			     struct lsock_sock *sk, void *arg)
{
	const struct procfs_inet *in = arg;

	return procnet_parse_inet_line(line, len, in->family, in->is_tcp, sk);
}

static int procfs_inet_emit(struct lsock_sock *sk, void *arg)
{
	const struct procfs_inet *in = arg;

	if (sk->state >= 32 || !(in->req->states & (1u << sk->state)))
		return 0;
	sk->protocol = in->protocol;
	return in->cb(sk, in->arg);
}

/*
 * ss reads the IPv4 file, then the IPv6 one; a missing IPv4 file ends the
 * table there, a missing IPv6 file (IPv6 disabled) is silently skipped.
 */
static int procfs_dump_inet(const struct lsock_source *src,
			    const struct lsock_request *req,
			    const enum lsock_procfile pf[2], uint16_t protocol,
			    lsock_sock_cb cb, void *arg)
{
	struct procfs_inet in = { req, AF_INET, protocol == IPPROTO_TCP,
				  protocol, cb, arg };
	struct procfs_walk w = { src, procfs_inet_parse, &in,
				 procfs_inet_emit, &in, NULL };
	struct inode_set seen;
	int rc = 0;

	inode_set_init(&seen);
	w.seen = &seen;
	if (req->families & LSOCK_FAM(AF_INET))
		rc = procfs_walk_path(pf[0], &w);
	if (rc == 0 && (req->families & LSOCK_FAM(AF_INET6))) {
		in.family = AF_INET6;
		rc = procfs_walk_path(pf[1], &w);
		if (rc == -ENOENT)
			rc = 0;
	}
	inode_set_free(&seen);
	return rc;
}

/* --- packet and netlink ---------------------------------------------- */

struct procfs_plain {
	lsock_sock_cb cb;
	void *arg;
	int (*parse)(const char *line, size_t len, struct lsock_sock *sk);
};

static int procfs_plain_parse(const char *line, size_t len,
			      struct lsock_sock *sk, void *arg)
{
	const struct procfs_plain *p = arg;

	return p->parse(line, len, sk);
}

static int procfs_plain_emit(struct lsock_sock *sk, void *arg)
{
	const struct procfs_plain *p = arg;

	return p->cb(sk, p->arg);
}

/*
 * Packet and netlink rows carry no state; ss's /proc path shows them when the
 * query includes UNCONN, and (a quirk it has) does not split packet sockets
 * by type there.
 */
static int procfs_dump_plain(const struct lsock_source *src,
			     const struct lsock_request *req,
			     enum lsock_procfile pf,
			     int (*parse)(const char *, size_t,
					  struct lsock_sock *),
			     lsock_sock_cb cb, void *arg)
{
	struct procfs_plain p = { cb, arg, parse };
	struct procfs_walk w = { src, procfs_plain_parse, &p,
				 procfs_plain_emit, &p, NULL };
	struct inode_set seen;
	int rc;

	if (!(req->states & LSOCK_SSM(LSOCK_SS_CLOSE)))
		return 0;
	inode_set_init(&seen);
	w.seen = &seen;
	rc = procfs_walk_path(pf, &w);
	inode_set_free(&seen);
	return rc;
}

/* --- unix ------------------------------------------------------------ */

static int procfs_unix_parse(const char *line, size_t len,
			     struct lsock_sock *sk, void *arg)
{
	(void)arg;
	return procnet_parse_unix_line(line, len, sk);
}

static int procfs_unix_emit(struct lsock_sock *sk, void *arg)
{
	return procfs_unix_add(arg, sk);
}

static int procfs_dump_unix(const struct lsock_source *src,
			    const struct lsock_request *req,
			    lsock_sock_cb cb, void *arg)
{
	struct procfs_unix u;
	struct procfs_walk w = { src, procfs_unix_parse, NULL,
				 procfs_unix_emit, &u, NULL };
	struct inode_set seen;
	int rc;

	procfs_unix_init(&u, req, cb, arg);
	inode_set_init(&seen);
	w.seen = &seen;
	rc = procfs_walk_path(LSOCK_PF_UNIX, &w);
	if (rc == 0)
		rc = procfs_unix_flush(&u);
	procfs_unix_free(&u);
	inode_set_free(&seen);
	return rc;
}

/* --- the ops table --------------------------------------------------- */

static bool procfs_serves(enum lsock_table table)
{
	switch (table) {
	case LSOCK_T_NETLINK:
	case LSOCK_T_PACKET:
	case LSOCK_T_UNIX:
	case LSOCK_T_RAW:
	case LSOCK_T_UDP:
	case LSOCK_T_TCP:
	case LSOCK_T_UDPLITE:
		return true;
	case LSOCK_T_DCCP:
	case LSOCK_T_SCTP:
	case LSOCK_T_VSOCK:
	case LSOCK_T_TIPC:
	case LSOCK_T_XDP:
	case LSOCK_T_MPTCP:
	case LSOCK_T_MAX:
	default:
		return false;
	}
}

static const enum lsock_procfile procfs_tcp_files[2] = {
	LSOCK_PF_TCP, LSOCK_PF_TCP6 };
static const enum lsock_procfile procfs_udp_files[2] = {
	LSOCK_PF_UDP, LSOCK_PF_UDP6 };
static const enum lsock_procfile procfs_udplite_files[2] = {
	LSOCK_PF_UDPLITE, LSOCK_PF_UDPLITE6 };
static const enum lsock_procfile procfs_raw_files[2] = {
	LSOCK_PF_RAW, LSOCK_PF_RAW6 };

static int procfs_dump(const struct lsock_source *src,
		       const struct lsock_request *req,
		       lsock_sock_cb cb, void *arg)
{
	switch (req->table) {
	case LSOCK_T_NETLINK:
		return procfs_dump_plain(src, req, LSOCK_PF_NETLINK,
					 procnet_parse_netlink_line, cb, arg);
	case LSOCK_T_PACKET:
		return procfs_dump_plain(src, req, LSOCK_PF_PACKET,
					 procnet_parse_packet_line, cb, arg);
	case LSOCK_T_UNIX:
		return procfs_dump_unix(src, req, cb, arg);
	case LSOCK_T_RAW:
		/* ss's /proc path names raw rows by protocol 0: "raw" */
		return procfs_dump_inet(src, req, procfs_raw_files,
					0, cb, arg);
	case LSOCK_T_UDP:
		return procfs_dump_inet(src, req, procfs_udp_files,
					IPPROTO_UDP, cb, arg);
	case LSOCK_T_UDPLITE:
		return procfs_dump_inet(src, req, procfs_udplite_files,
					IPPROTO_UDPLITE, cb, arg);
	case LSOCK_T_TCP:
		return procfs_dump_inet(src, req, procfs_tcp_files,
					IPPROTO_TCP, cb, arg);
	case LSOCK_T_DCCP:
	case LSOCK_T_SCTP:
	case LSOCK_T_VSOCK:
	case LSOCK_T_TIPC:
	case LSOCK_T_XDP:
	case LSOCK_T_MPTCP:
	case LSOCK_T_MAX:
	default:
		return 0;
	}
}

const struct lsock_backend_ops procfs_backend_ops = {
	.name = "proc",
	.serves = procfs_serves,
	.dump = procfs_dump,
};
