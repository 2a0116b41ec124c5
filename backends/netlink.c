/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The sock_diag backend: one NETLINK_SOCK_DIAG socket per table, the requests
 * ss 6.1 sends in the order it sends them (but TCP for both families in one
 * pass, see netlink_tcp_both), and the replies decoded into socket records.
 * Errors are returned as they came (socket() failures, NLMSG_ERROR, an errno
 * in NLMSG_DONE) so the caller can choose /proc for that one table.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "backend.h"
#include "kernel-defs.h"
#include "netlink-diag.h"
#include "nl-sock.h"
#include "nl-stash.h"
#include "xalloc.h"

/*
 * A pass for both families (netlink_tcp_both): the bytes of IPv6 replies
 * it may hold, and the IPv6 TCP sockets (sockstat6) up to which it is
 * tried.
 */
#define NETLINK_STASH_MAX	(4u << 20)
#define NETLINK_ONE_PASS_V6	4096

struct netlink_ctx {
	const struct lsock_request *req;
	lsock_sock_cb cb;
	void *arg;
	int protocol;
	int replay;		/* the kernel's state filter is ours to apply */
	bool use_bc;		/* send the filter's bytecode */
	unsigned long emitted;
	const char *stream;	/* the request's name in a recording */
	const struct lsock_capture *record;
	struct nl_stash *stash;	/* IPv6 replies of a pass for both */
	struct nldiag_scratch scratch;
};

static void netlink_tee(void *arg, const void *buf, size_t len)
{
	const struct netlink_ctx *ctx = arg;

	ctx->record->nl_data(ctx->record->arg, ctx->stream, buf, len);
}

/*
 * A recorded stream instead of the kernel: DIR/netlink/NAME.nl holds the
 * replies as received, NAME.err the errno socket() failed with.
 */
static int netlink_replay(const struct lsock_source *src, nl_msg_fn fn,
			  struct netlink_ctx *ctx)
{
	char path[4096];
	uint8_t *buf;
	size_t len;
	int rc, err;

	snprintf(path, sizeof(path), "%s/netlink/%s.nl", src->replay_dir,
		 ctx->stream);
	rc = backend_read_file(path, &buf, &len);
	if (rc == 0) {
		rc = nl_stream_replay(buf, len, fn, ctx);
		free(buf);
		return rc;
	}
	snprintf(path, sizeof(path), "%s/netlink/%s.err", src->replay_dir,
		 ctx->stream);
	if (backend_read_file(path, &buf, &len) < 0)
		return -ENODATA;	/* not part of the recording */
	buf = xreallocarray(buf, len + 1, 1);
	buf[len] = '\0';
	err = atoi((const char *)buf);
	free(buf);
	return err > 0 ? -err : -EIO;
}

static int netlink_run(const struct lsock_source *src, const char *stream,
		       const struct nldiag_req *r, nl_msg_fn fn,
		       struct netlink_ctx *ctx)
{
	struct nl_sock s;
	int rc;

	ctx->stream = stream;
	if (ctx->replay)
		return netlink_replay(src, fn, ctx);
	rc = nl_sock_open(&s);
	if (rc < 0) {
		if (ctx->record)
			ctx->record->nl_error(ctx->record->arg, stream, -rc);
		return rc;
	}
	s.single_thread = src->single_thread;
	if (ctx->record) {
		s.tee = netlink_tee;
		s.tee_arg = ctx;
	} else if (src->diag_tee) {
		s.tee = src->diag_tee;
		s.tee_arg = src->diag_tee_arg;
	}
	rc = nl_sock_dump(&s, r->buf, r->len, fn, ctx);
	if (s.interrupted && src->warn)
		src->warn(src->warn_arg, stream, 0, "dump was interrupted "
			  "and may be inconsistent");
	nl_sock_close(&s);
	return rc;
}

/* Replayed replies answer a wider query: apply the kernel's filters. */
static int netlink_emit(struct netlink_ctx *ctx, const struct lsock_sock *sk)
{
	if (ctx->replay && (sk->state >= 32 ||
			    !(ctx->req->states & (1u << sk->state))))
		return 0;
	ctx->emitted++;
	return ctx->cb(sk, ctx->arg);
}

static int netlink_inet_msg(const struct nlmsghdr *nlh, void *arg)
{
	struct netlink_ctx *ctx = arg;
	struct lsock_sock sk;

	if (nlh->nlmsg_type != SOCK_DIAG_BY_FAMILY &&
	    nlh->nlmsg_type != TCPDIAG_GETSOCK)
		return 0;
	if (ctx->stash && nldiag_msg_family(nlh) == AF_INET6) {
		if (ctx->req->families & LSOCK_FAM(AF_INET6))
			nl_stash_put(ctx->stash, nlh);
		return 0;
	}
	if (nldiag_inet_decode(nlh, ctx->protocol, &sk, &ctx->scratch) < 0)
		return -EBADMSG;
	if (!(ctx->req->families & LSOCK_FAM(sk.family)))
		return 0;	/* as ss: e.g. -x -6 asks both, shows v6 */
	return netlink_emit(ctx, &sk);
}

static const char *netlink_table_name(enum lsock_table t)
{
	static const char *const names[LSOCK_T_MAX] = {
		[LSOCK_T_RAW] = "raw", [LSOCK_T_UDP] = "udp",
		[LSOCK_T_TCP] = "tcp", [LSOCK_T_DCCP] = "dccp",
		[LSOCK_T_SCTP] = "sctp", [LSOCK_T_MPTCP] = "mptcp",
		[LSOCK_T_UDPLITE] = "udplite",
	};

	return t < LSOCK_T_MAX && names[t] ? names[t] : "inet";
}

/*
 * The idiag_ext bits ss sends for its options. A recording asks for every
 * detail, so that any option can replay it.
 */
static uint8_t netlink_inet_ext(const struct netlink_ctx *ctx)
{
	unsigned int x = ctx->record ? ~0u : ctx->req->ext;
	unsigned int ext = 0;

	if (x & LSOCK_REQX_MEM)
		ext |= LSOCK_IDIAG_EXT(LSOCK_INET_DIAG_MEMINFO) |
		       LSOCK_IDIAG_EXT(LSOCK_INET_DIAG_SKMEMINFO);
	if (x & LSOCK_REQX_INFO)
		ext |= LSOCK_IDIAG_EXT(LSOCK_INET_DIAG_INFO) |
		       LSOCK_IDIAG_EXT(LSOCK_INET_DIAG_VEGASINFO) |
		       LSOCK_IDIAG_EXT(LSOCK_INET_DIAG_CONG);
	if (x & LSOCK_REQX_TOS)
		ext |= LSOCK_IDIAG_EXT(LSOCK_INET_DIAG_TOS) |
		       LSOCK_IDIAG_EXT(LSOCK_INET_DIAG_TCLASS);
	return (uint8_t)ext;
}

static uint32_t netlink_unix_show(const struct netlink_ctx *ctx)
{
	unsigned int x = ctx->record ? ~0u : ctx->req->ext;
	uint32_t show = LSOCK_UDIAG_SHOW_NAME | LSOCK_UDIAG_SHOW_PEER |
			LSOCK_UDIAG_SHOW_RQLEN;

	if (x & LSOCK_REQX_MEM)
		show |= LSOCK_UDIAG_SHOW_MEMINFO;
	if (x & LSOCK_REQX_VFS)
		show |= LSOCK_UDIAG_SHOW_VFS | LSOCK_UDIAG_SHOW_ICONS;
	return show;
}

/* One inet request; the filter's bytecode goes with it when wanted. */
static int netlink_inet_request(const struct lsock_source *src,
				struct netlink_ctx *ctx, int family,
				uint32_t states)
{
	const struct lsock_request *req = ctx->req;
	struct nldiag_req r;
	char stream[32];

	if (family == AF_UNSPEC)
		nldiag_tcp_both_req(&r, states, netlink_inet_ext(ctx));
	else
		nldiag_inet_req(&r, family, ctx->protocol, states,
				netlink_inet_ext(ctx));
	if (ctx->stash)		/* a retry starts again */
		nl_stash_reset(ctx->stash);
	if (ctx->use_bc &&
	    nldiag_put_attr(&r, LSOCK_INET_DIAG_REQ_BYTECODE, req->bytecode,
			    req->bytecode_len) < 0)
		ctx->use_bc = false;
	if (ctx->use_bc && (req->table == LSOCK_T_TCP ||
			    req->table == LSOCK_T_UDP))
		nldiag_inet_req_ports(&r, req->hint_sport, req->hint_dport);
	snprintf(stream, sizeof(stream), "%s-%s", netlink_table_name(req->table),
		 family == AF_INET ? "inet" : family == AF_INET6 ? "inet6" :
		 "legacy");
	return netlink_run(src, stream, &r, netlink_inet_msg, ctx);
}

/*
 * A kernel that refuses the bytecode (EINVAL: an op it does not know; EPERM:
 * a mark condition without CAP_NET_ADMIN) is asked again without it; lsock
 * filters every socket itself anyway. The caller hears why.
 */
static int netlink_inet_family(const struct lsock_source *src,
			       struct netlink_ctx *ctx, int family,
			       uint32_t states)
{
	int rc = netlink_inet_request(src, ctx, family, states), rc2;

	if (rc == 0 || !ctx->use_bc || ctx->emitted ||
	    (rc != -EINVAL && rc != -EPERM))
		return rc;
	ctx->use_bc = false;
	rc2 = netlink_inet_request(src, ctx, family, states);
	if (rc2 == 0 && ctx->req->bytecode_refused)
		*ctx->req->bytecode_refused = -rc;
	return rc2;
}

/*
 * TCP for both families from one TCPDIAG_GETSOCK: the kernel passes over
 * its tables once, where the two v2 requests pass over all of them twice.
 * IPv4 replies go out as they come and IPv6 ones after the dump, so the
 * order is ss's; with at most max bytes of IPv6 replies held, beyond which
 * IPv6 is asked for on its own.
 */
static int netlink_tcp_both(const struct lsock_source *src,
			    struct netlink_ctx *ctx, uint32_t states,
			    size_t max)
{
	struct nl_stash st;
	int rc;

	nl_stash_init(&st, max);
	ctx->stash = &st;
	rc = netlink_inet_family(src, ctx, AF_UNSPEC, states);
	ctx->stash = NULL;
	if (rc == 0 && !st.overflow)
		rc = nl_stash_each(&st, netlink_inet_msg, ctx);
	else if (rc == 0)
		rc = netlink_inet_family(src, ctx, AF_INET6, states);
	nl_stash_free(&st);
	return rc;
}

/*
 * One pass for both families where it pays: a live TCP listing of both
 * families with few IPv6 sockets in this namespace (sockstat6; none when
 * the file is missing), which are then held in memory. Recordings and
 * ss -D keep ss's two requests.
 */
static bool netlink_tcp_one_pass(const struct lsock_source *src,
				 const struct netlink_ctx *ctx)
{
	int pf = ctx->req->preferred_family;
	unsigned long n = 0;
	char *path, *text;
	uint8_t *buf;
	size_t len;

	if (ctx->protocol != IPPROTO_TCP || ctx->replay || ctx->record ||
	    src->diag_tee || pf == AF_INET || pf == AF_INET6)
		return false;
	path = backend_procfile_path(src, LSOCK_PF_SOCKSTAT6);
	if (backend_read_file(path, &buf, &len) == 0) {
		buf = xreallocarray(buf, len + 1, 1);
		buf[len] = '\0';
		text = strstr((char *)buf, "TCP6: inuse ");
		if (text)
			n = strtoul(text + 12, NULL, 10);
		free(buf);
	}
	free(path);
	return n <= NETLINK_ONE_PASS_V6;
}

/*
 * IPv4 then IPv6, or only the family of ss's last -4/-6 option. A kernel
 * without the v2 request (before 3.3) still answers TCPDIAG_GETSOCK.
 */
static int netlink_dump_inet(const struct lsock_source *src,
			     struct netlink_ctx *ctx)
{
	int family = ctx->req->preferred_family == AF_INET6 ? AF_INET6
							     : AF_INET;
	uint32_t states = ctx->replay ? LSOCK_SS_ALL : ctx->req->states;
	int rc;

	if (netlink_tcp_one_pass(src, ctx)) {
		rc = netlink_tcp_both(src, ctx, states, NETLINK_STASH_MAX);
		if (rc == 0 || ctx->emitted)
			return rc;
	}
	for (;;) {
		rc = netlink_inet_family(src, ctx, family, states);
		if (rc < 0 && ctx->emitted == 0 &&
		    ctx->protocol == IPPROTO_TCP && family == AF_INET)
			return netlink_tcp_both(src, ctx, states, SIZE_MAX);
		if (rc < 0 && family == AF_INET6 && ctx->emitted &&
		    ctx->req->preferred_family != AF_INET6)
			return 0;	/* IPv6 off, IPv4 answered */
		if (rc != 0 || family == AF_INET6 ||
		    ctx->req->preferred_family == AF_INET)
			return rc;
		family = AF_INET6;
	}
}

static int netlink_unix_msg(const struct nlmsghdr *nlh, void *arg)
{
	struct netlink_ctx *ctx = arg;
	struct lsock_sock sk;

	if (nlh->nlmsg_type != SOCK_DIAG_BY_FAMILY)
		return 0;
	if (nldiag_unix_decode(nlh, &sk, &ctx->scratch) < 0)
		return -EBADMSG;
	if (backend_unix_type_skip(ctx->req, sk.type))
		return 0;
	return netlink_emit(ctx, &sk);
}

static int netlink_packet_msg(const struct nlmsghdr *nlh, void *arg)
{
	struct netlink_ctx *ctx = arg;
	struct lsock_sock sk;
	int rc;

	if (nlh->nlmsg_type != SOCK_DIAG_BY_FAMILY)
		return 0;
	rc = nldiag_packet_decode(nlh, &sk, &ctx->scratch);
	if (rc < 0)
		return rc;
	return netlink_emit(ctx, &sk);
}

static int netlink_netlink_msg(const struct nlmsghdr *nlh, void *arg)
{
	struct netlink_ctx *ctx = arg;
	struct lsock_sock sk;

	if (nlh->nlmsg_type != SOCK_DIAG_BY_FAMILY)
		return 0;
	if (nldiag_netlink_decode(nlh, &sk, &ctx->scratch) < 0)
		return -EBADMSG;
	return netlink_emit(ctx, &sk);
}

/*
 * TCPDIAG_FILE: the TCP dump ss -D wrote, replayed up to its first
 * NLMSG_DONE. As in ss, no state filter applies: the file holds what the
 * kernel sent for the query that made it.
 */
static int netlink_replay_tcp(const char *path, struct netlink_ctx *ctx)
{
	size_t len = 0;
	uint8_t *buf = NULL;
	int rc = backend_read_file(path, &buf, &len);

	if (rc < 0)
		return rc;
	rc = nl_stream_replay(buf, len, netlink_inet_msg, ctx);
	free(buf);
	return rc == -EBADMSG && ctx->emitted ? 0 : rc;
}

static int netlink_inet_protocol(enum lsock_table t)
{
	switch (t) {
	case LSOCK_T_TCP: return IPPROTO_TCP;
	case LSOCK_T_UDP: return IPPROTO_UDP;
	case LSOCK_T_RAW: return IPPROTO_RAW;
	case LSOCK_T_UDPLITE: return IPPROTO_UDPLITE;
	case LSOCK_T_DCCP: return IPPROTO_DCCP;
	case LSOCK_T_SCTP: return IPPROTO_SCTP;
	case LSOCK_T_MPTCP: return IPPROTO_MPTCP;
	case LSOCK_T_NETLINK:
	case LSOCK_T_PACKET:
	case LSOCK_T_UNIX:
	case LSOCK_T_VSOCK:
	case LSOCK_T_TIPC:
	case LSOCK_T_XDP:
	case LSOCK_T_MAX:
	default:
		return -1;
	}
}

static bool netlink_serves(enum lsock_table table)
{
	return table == LSOCK_T_NETLINK || table == LSOCK_T_PACKET ||
	       table == LSOCK_T_UNIX || netlink_inet_protocol(table) >= 0;
}

static int netlink_dump_other(const struct lsock_source *src,
			      struct netlink_ctx *ctx)
{
	enum lsock_table t = ctx->req->table;
	struct nldiag_req r;

	if (t == LSOCK_T_UNIX) {
		nldiag_unix_req(&r, ctx->replay ? LSOCK_SS_ALL : ctx->req->states,
				netlink_unix_show(ctx));
		return netlink_run(src, "unix", &r, netlink_unix_msg, ctx);
	}
	if (t == LSOCK_T_PACKET) {
		nldiag_packet_req(&r, LSOCK_PACKET_SHOW_INFO |
				  LSOCK_PACKET_SHOW_MEMINFO |
				  LSOCK_PACKET_SHOW_FILTER |
				  LSOCK_PACKET_SHOW_RING_CFG |
				  LSOCK_PACKET_SHOW_FANOUT);
		return netlink_run(src, "packet", &r, netlink_packet_msg, ctx);
	}
	if (t == LSOCK_T_NETLINK) {
		nldiag_netlink_req(&r, LSOCK_NDIAG_SHOW_GROUPS |
				   LSOCK_NDIAG_SHOW_MEMINFO);
		return netlink_run(src, "netlink", &r, netlink_netlink_msg,
				   ctx);
	}
	return -ENOSYS;
}

static int netlink_dump(const struct lsock_source *src,
			const struct lsock_request *req,
			lsock_sock_cb cb, void *arg)
{
	struct netlink_ctx ctx;

	memset(&ctx, 0, sizeof(ctx));
	ctx.req = req;
	ctx.cb = cb;
	ctx.arg = arg;
	ctx.protocol = netlink_inet_protocol(req->table);
	ctx.replay = src->replay_dir != NULL;
	ctx.record = src->record;
	/* a recording keeps every socket, so that any filter can replay */
	ctx.use_bc = req->bytecode && !ctx.replay && !ctx.record;
	if (ctx.protocol < 0)
		return netlink_dump_other(src, &ctx);
	if (req->table == LSOCK_T_TCP && src->tcpdiag_file)
		return netlink_replay_tcp(src->tcpdiag_file, &ctx);
	return netlink_dump_inet(src, &ctx);
}

const struct lsock_backend_ops netlink_backend_ops = {
	.name = "netlink",
	.serves = netlink_serves,
	.dump = netlink_dump,
};
