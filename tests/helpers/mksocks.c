/*
 * mksocks.c - open a known mix of sockets in the current network namespace,
 * describe them in a manifest, then wait so that they can be observed.
 *
 * Test helper for lsock.  Run it ONLY inside a network namespace made for the
 * purpose (unshare -n, ip netns exec): it binds well-known ports (22, 25, 53,
 * 80, 443, 8080, ...) and only uses 127.0.0.0/8, ::1 and the addresses that
 * the namespace's owner put on --ifname (192.0.2.0/24, 2001:db8::/32, fe80::).
 *
 * Usage:
 *   mksocks [--sets LIST] [--manifest FILE] [--ready FILE] [--hold SECONDS]
 *           [--port-base N] [--ifname IF] [--unix-dir DIR] [--comm NAME]
 *           [--child COMM] [--syn-target ADDR] [--strict] [--list-sets]
 *
 *   --sets LIST     comma separated, see --list-sets (default "basic")
 *   --manifest FILE written once every socket is up (atomically, via rename)
 *   --ready FILE    created after the manifest
 *   --hold SECONDS  how long to keep the sockets (default and maximum 600;
 *                   0 exits at once); SIGTERM, SIGINT and SIGHUP end it early
 *   --port-base N   first of the 80 ports used besides the named ones (5000)
 *   --ifname IF     also use IF: its 192.0.2.x, 2001:db8:: and fe80:: addresses
 *                   (sets v6, packet)
 *   --unix-dir DIR  directory for pathname unix sockets; it must not exist,
 *                   is created 0700 and removed at exit (default: mkdtemp in
 *                   $TMPDIR or /tmp)
 *   --comm NAME     set this process's comm (prctl PR_SET_NAME)
 *   --child COMM    fork a child that inherits every socket made so far and
 *                   names itself COMM; with set netlink, one NETLINK_USERSOCK
 *                   socket of the parent is bound to the child's pid (so the
 *                   pid-for-portid guess of ss points at the wrong process)
 *   --syn-target A  IPv4 address with a route but no answer (set syn-sent,
 *                   default 192.0.2.9)
 *   --strict        exit 2 (after writing the manifest) if anything failed
 *
 * Manifest format (text, one line per socket, fields separated by one space):
 *
 *   NETID LOCAL PEER STATE [KEY=VALUE]...
 *
 * NETID is ss's name: tcp udp udplite raw u_str u_dgr u_seq p_raw p_dgr nl.
 * LOCAL and PEER are written like ss -n writes them, except that
 *   inet:    "A.B.C.D:PORT" or "[V6]:PORT"; the IPv6 any address is always
 *            "[::]" (see the v6only key); port 0 is "*"; a link-local address
 *            carries its scope as "[fe80::1%IF]"; raw sockets show the
 *            protocol number as the port.
 *   unix:    the path, "@NAME" for abstract names (embedded NUL bytes are
 *            kept, and so are escaped as \x00), "*" when unnamed; PEER is "*".
 *   packet:  "PROTO:IFACE"; PROTO is "*" for ETH_P_ALL, else "[N]" (decimal
 *            ethertype); IFACE is "*" for any interface; PEER is "*".
 *   netlink: "PROTO:PORTID" (numbers); PEER is "*", or "GROUP:PORTID" when
 *            the socket is connected.
 * STATE is the state we meant to make, with ss's names: LISTEN ESTAB
 *   SYN-SENT SYN-RECV FIN-WAIT-1 FIN-WAIT-2 TIME-WAIT CLOSE-WAIT LAST-ACK
 *   CLOSING UNCONN.  Unix: listeners LISTEN, connected sockets (including
 *   connected datagram sockets and socketpairs) ESTAB, others UNCONN;
 *   a datagram socket that another one connect()ed to is ESTAB too (the
 *   kernel marks both ends TCP_ESTABLISHED); embryos (server side of a
 *   connection not yet accepted; no inode) SYN-SENT, which is what ss makes
 *   of their /proc St 02 (SS_CONNECTING).
 * Escaping: every byte outside 0x21..0x7e, and '\', is written as \xHH, so a
 *   space is \x20 and a NUL byte \x00.  Nothing else is special.
 * Keys: pid= owner (the child inherits every socket made before it; pid=0
 *   and fd=-1 for sockets no process holds), fd=, ino= socket inode (0: no
 *   struct socket, as for TIME-WAIT, SYN-RECV requests, accepted but not
 *   yet accept()ed TCP children, unix embryos),
 *   v6only=1, dev=IF (SO_BINDTODEVICE), rq= and wq= bytes deliberately left
 *   queued (TCP fills are what send() accepted; the split between the two
 *   queues is the kernel's), groups=HEX (netlink), set=NAME, note=WORD.
 * Comment lines start with '#': "# mksocks-manifest 1", "# pid N",
 *   "# child N COMM", "# sets LIST", "# port-base N", "# unix-dir DIR",
 *   "# failed N".
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <ifaddrs.h>
#include <limits.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#ifndef IPPROTO_UDPLITE
#define IPPROTO_UDPLITE 136
#endif

#define HOLD_MAX 600
#define MAX_PATHS 16
#define NAME_MAX_LEN 160
#define WAIT_MS 2000
#define SMALL_BUF 4096

enum {
	LF_V6ONLY = 1,		/* IPV6_V6ONLY */
	LF_BINDLO = 2,		/* SO_BINDTODEVICE "lo" */
	LF_DEFER = 4,		/* TCP_DEFER_ACCEPT */
	LF_SMALLRCV = 8,	/* small SO_RCVBUF (inherited by children) */
	LF_REUSE = 16		/* SO_REUSEADDR */
};

struct ctx {
	FILE *man;
	char *man_buf;
	size_t man_len;
	const char *set;	/* set being built, for the manifest */
	int port_base;
	const char *ifname;
	const char *syn_target;
	const char *child_comm;
	pid_t child;
	pid_t pid;
	char udir[64];
	int own_udir;
	char *paths[MAX_PATHS];
	int npaths;
	int nfail;
	int nsocks;
};

/* one local or peer name, as bytes (unix names can hold NULs) */
struct name {
	char s[NAME_MAX_LEN];
	size_t len;
};

struct set_def {
	const char *name;
	void (*make)(struct ctx *c);
	const char *help;
};

static volatile sig_atomic_t stop_flag;

static void warnmsg(struct ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void man_add(struct ctx *c, const char *netid, const struct name *loc,
		    const struct name *peer, const char *state,
		    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void name_set(struct name *n, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void warnmsg(struct ctx *c, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "mksocks: %s: ", c->set ? c->set : "setup");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	c->nfail++;
}

static void name_set(struct name *n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(n->s, sizeof(n->s), fmt, ap);
	va_end(ap);
	if (r < 0)
		r = 0;
	n->len = (size_t)r < sizeof(n->s) ? (size_t)r : sizeof(n->s) - 1;
}

static void name_bytes(struct name *n, const char *p, size_t len)
{
	if (len > sizeof(n->s))
		len = sizeof(n->s);
	memcpy(n->s, p, len);
	n->len = len;
}

static void man_field(FILE *f, const struct name *n)
{
	size_t i;
	unsigned char ch;

	for (i = 0; i < n->len; i++) {
		ch = (unsigned char)n->s[i];
		if (ch < 0x21 || ch > 0x7e || ch == '\\')
			fprintf(f, "\\x%02x", ch);
		else
			fputc(ch, f);
	}
}

static void man_add(struct ctx *c, const char *netid, const struct name *loc,
		    const struct name *peer, const char *state,
		    const char *fmt, ...)
{
	va_list ap;

	fprintf(c->man, "%s ", netid);
	man_field(c->man, loc);
	fputc(' ', c->man);
	man_field(c->man, peer);
	fprintf(c->man, " %s", state);
	if (fmt && *fmt) {
		fputc(' ', c->man);
		va_start(ap, fmt);
		vfprintf(c->man, fmt, ap);
		va_end(ap);
	}
	fprintf(c->man, " set=%s\n", c->set);
	c->nsocks++;
}

static unsigned long sock_ino(int fd)
{
	struct stat st;

	if (fd < 0 || fstat(fd, &st) < 0)
		return 0;
	return (unsigned long)st.st_ino;
}

static void on_signal(int sig)
{
	(void)sig;
	stop_flag = 1;
}

static void msleep(long ms)
{
	struct timespec ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR && !stop_flag)
		;
}

static int set_nonblock(int fd, int on)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0)
		return -1;
	fl = on ? (fl | O_NONBLOCK) : (fl & ~O_NONBLOCK);
	return fcntl(fd, F_SETFL, fl);
}

static int set_int_opt(int fd, int level, int opt, int val)
{
	return setsockopt(fd, level, opt, &val, sizeof(val));
}

/* ---- inet addresses ---------------------------------------------------- */

/* "127.0.0.1", "::1", "fe80::1%v0"; port in host order */
static int inet_make(int fam, const char *host, int port,
		     struct sockaddr_storage *ss, socklen_t *len)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
	char buf[INET6_ADDRSTRLEN + IF_NAMESIZE + 2];
	char *pct;

	memset(ss, 0, sizeof(*ss));
	snprintf(buf, sizeof(buf), "%s", host);
	if (fam == AF_INET) {
		sin->sin_family = AF_INET;
		sin->sin_port = htons((unsigned short)port);
		*len = sizeof(*sin);
		return inet_pton(AF_INET, buf, &sin->sin_addr) == 1 ? 0 : -1;
	}
	sin6->sin6_family = AF_INET6;
	sin6->sin6_port = htons((unsigned short)port);
	*len = sizeof(*sin6);
	pct = strchr(buf, '%');
	if (pct) {
		*pct++ = '\0';
		sin6->sin6_scope_id = if_nametoindex(pct);
		if (!sin6->sin6_scope_id)
			return -1;
	}
	return inet_pton(AF_INET6, buf, &sin6->sin6_addr) == 1 ? 0 : -1;
}

static void inet_fmt(const struct sockaddr_storage *ss, int port_override,
		     struct name *n)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)ss;
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)ss;
	char host[INET6_ADDRSTRLEN], port[16], scope[IF_NAMESIZE + 1];
	int p;

	scope[0] = '\0';
	if (ss->ss_family == AF_INET) {
		inet_ntop(AF_INET, &sin->sin_addr, host, sizeof(host));
		p = ntohs(sin->sin_port);
	} else {
		inet_ntop(AF_INET6, &sin6->sin6_addr, host, sizeof(host));
		p = ntohs(sin6->sin6_port);
		if (sin6->sin6_scope_id &&
		    if_indextoname(sin6->sin6_scope_id, scope + 1))
			scope[0] = '%';
	}
	if (port_override >= 0)
		p = port_override;
	if (p)
		snprintf(port, sizeof(port), "%d", p);
	else
		snprintf(port, sizeof(port), "*");
	if (ss->ss_family == AF_INET)
		name_set(n, "%s:%s", host, port);
	else
		name_set(n, "[%s%s]:%s", host, scope, port);
}

static void inet_any(int fam, struct name *n)
{
	name_set(n, fam == AF_INET ? "0.0.0.0:*" : "[::]:*");
}

/* local and peer name of an inet socket; unconnected peer = any:* */
static int inet_names(int fd, int port_override, struct name *loc,
		      struct name *peer)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return -1;
	inet_fmt(&ss, port_override, loc);
	len = sizeof(ss);
	if (getpeername(fd, (struct sockaddr *)&ss, &len) == 0) {
		inet_fmt(&ss, port_override, peer);
	} else {
		len = sizeof(ss);
		if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
			return -1;
		inet_any(ss.ss_family, peer);
	}
	return 0;
}

static int sock_family(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return -1;
	return ss.ss_family;
}

/* " v6only=1 dev=lo" as they apply */
static void inet_keys(int fd, char *buf, size_t n)
{
	char dev[IF_NAMESIZE + 1];
	socklen_t len = sizeof(dev);
	int v6only = 0;
	socklen_t ilen = sizeof(v6only);
	size_t used = 0;

	buf[0] = '\0';
	if (sock_family(fd) == AF_INET6 &&
	    getsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, &ilen) == 0 &&
	    v6only)
		used += (size_t)snprintf(buf, n, " v6only=1");
	memset(dev, 0, sizeof(dev));
	if (used < n &&
	    getsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, dev, &len) == 0 &&
	    dev[0])
		snprintf(buf + used, n - used, " dev=%s", dev);
}

/* manifest line for a live inet socket; peer_s overrides the peer */
static void man_inet_peer(struct ctx *c, const char *netid, int fd,
			  const char *state, const char *peer_s,
			  int port_override, const char *extra)
{
	struct name loc, peer;
	char keys[64];

	if (inet_names(fd, port_override, &loc, &peer) < 0) {
		warnmsg(c, "getsockname: %s", strerror(errno));
		return;
	}
	if (peer_s)
		name_set(&peer, "%s", peer_s);
	inet_keys(fd, keys, sizeof(keys));
	man_add(c, netid, &loc, &peer, state, "pid=%d fd=%d ino=%lu%s%s%s",
		(int)c->pid, fd, sock_ino(fd), keys, extra ? " " : "",
		extra ? extra : "");
}

static void man_inet(struct ctx *c, const char *netid, int fd,
		     const char *state, int port_override, const char *extra)
{
	man_inet_peer(c, netid, fd, state, NULL, port_override, extra);
}

/* "A.B.C.D:P" or "[V6]:P" */
static void host_port(int fam, const char *host, int port, char *buf,
		      size_t n)
{
	if (fam == AF_INET)
		snprintf(buf, n, "%s:%d", host, port);
	else
		snprintf(buf, n, "[%s]:%d", host, port);
}

/* ---- TCP ----------------------------------------------------------------- */

static int tcp_state(int fd)
{
	struct tcp_info ti;
	socklen_t len = sizeof(ti);

	memset(&ti, 0, sizeof(ti));
	if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) < 0)
		return -1;
	return ti.tcpi_state;
}

/* wait (bounded) until fd reaches TCP state st */
static int tcp_wait_state(int fd, int st)
{
	int i;

	for (i = 0; i < WAIT_MS / 10; i++) {
		if (tcp_state(fd) == st)
			return 0;
		msleep(10);
	}
	return -1;
}

static int tcp_listen_opts(int fd, int fam, int flags)
{
	if ((flags & LF_REUSE) &&
	    set_int_opt(fd, SOL_SOCKET, SO_REUSEADDR, 1) < 0)
		return -1;
	if (fam == AF_INET6 && set_int_opt(fd, IPPROTO_IPV6, IPV6_V6ONLY,
					   (flags & LF_V6ONLY) ? 1 : 0) < 0)
		return -1;
	if ((flags & LF_BINDLO) &&
	    setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3) < 0)
		return -1;
	if ((flags & LF_DEFER) &&
	    set_int_opt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, 60) < 0)
		return -1;
	if ((flags & LF_SMALLRCV) &&
	    set_int_opt(fd, SOL_SOCKET, SO_RCVBUF, SMALL_BUF) < 0)
		return -1;
	return 0;
}

/* bound socket of type type; returns fd or -1 (warned) */
static int inet_bound(struct ctx *c, int fam, int type, int proto,
		      const char *host, int port, int flags)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int fd;

	if (inet_make(fam, host, port, &ss, &len) < 0) {
		warnmsg(c, "bad address %s", host);
		return -1;
	}
	fd = socket(fam, type, proto);
	if (fd < 0) {
		warnmsg(c, "socket(%d,%d,%d): %s", fam, type, proto,
			strerror(errno));
		return -1;
	}
	if (tcp_listen_opts(fd, fam, flags & ~LF_DEFER) < 0 ||
	    bind(fd, (struct sockaddr *)&ss, len) < 0) {
		warnmsg(c, "bind %s port %d: %s", host, port, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static int tcp_listen(struct ctx *c, int fam, const char *host, int port,
		      int flags, int backlog)
{
	int fd = inet_bound(c, fam, SOCK_STREAM, 0, host, port,
			    flags | LF_REUSE);

	if (fd < 0)
		return -1;
	if (((flags & LF_DEFER) && tcp_listen_opts(fd, fam, LF_DEFER) < 0) ||
	    listen(fd, backlog) < 0) {
		warnmsg(c, "listen %s port %d: %s", host, port,
			strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* listener plus its manifest line */
static int tcp_listener(struct ctx *c, int fam, const char *host, int port,
			int flags, int backlog)
{
	int fd = tcp_listen(c, fam, host, port, flags, backlog);

	if (fd >= 0)
		man_inet(c, "tcp", fd, "LISTEN", -1, NULL);
	return fd;
}

static int wait_fd(int fd, short ev)
{
	struct pollfd p;
	int r;

	p.fd = fd;
	p.events = ev;
	p.revents = 0;
	r = poll(&p, 1, WAIT_MS);
	return r == 1 ? 0 : -1;
}

/*
 * Non-blocking connect to host:port.  If inprogress_ok, return at once
 * (SYN-SENT wanted); else wait (bounded) for the handshake.
 */
static int tcp_connect(struct ctx *c, int fam, const char *host, int port,
		       int small_rcv, int inprogress_ok)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int fd, err = 0;
	socklen_t elen = sizeof(err);

	if (inet_make(fam, host, port, &ss, &len) < 0) {
		warnmsg(c, "bad address %s", host);
		return -1;
	}
	fd = socket(fam, SOCK_STREAM | SOCK_NONBLOCK, 0);
	if (fd < 0) {
		warnmsg(c, "socket: %s", strerror(errno));
		return -1;
	}
	if (small_rcv)
		set_int_opt(fd, SOL_SOCKET, SO_RCVBUF, SMALL_BUF);
	if (connect(fd, (struct sockaddr *)&ss, len) == 0 || inprogress_ok)
		return fd;
	if (errno == EINPROGRESS && wait_fd(fd, POLLOUT) == 0 &&
	    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) == 0 && !err) {
		set_nonblock(fd, 0);
		return fd;
	}
	warnmsg(c, "connect %s port %d: %s", host, port,
		strerror(err ? err : errno));
	close(fd);
	return -1;
}

static int tcp_accept(struct ctx *c, int lfd)
{
	int fd;

	if (wait_fd(lfd, POLLIN) < 0) {
		warnmsg(c, "accept: nothing pending");
		return -1;
	}
	fd = accept(lfd, NULL, NULL);
	if (fd < 0)
		warnmsg(c, "accept: %s", strerror(errno));
	return fd;
}

/* connected pair to listener lfd at host:port; 0 or -1 */
static int tcp_pair(struct ctx *c, int lfd, int fam, const char *host,
		    int port, int small_rcv, int *cfd, int *sfd)
{
	*cfd = tcp_connect(c, fam, host, port, small_rcv, 0);
	if (*cfd < 0)
		return -1;
	*sfd = tcp_accept(c, lfd);
	if (*sfd < 0) {
		close(*cfd);
		return -1;
	}
	return 0;
}

/* pair with manifest lines for both ends */
static int tcp_pair_man(struct ctx *c, int lfd, int fam, const char *host,
			int port, int *cfd, int *sfd)
{
	if (tcp_pair(c, lfd, fam, host, port, 0, cfd, sfd) < 0)
		return -1;
	man_inet(c, "tcp", *cfd, "ESTAB", -1, "note=client");
	man_inet(c, "tcp", *sfd, "ESTAB", -1, "note=server");
	return 0;
}

/* send until the kernel refuses more (bounded); bytes sent */
static long fill(int fd)
{
	static char chunk[16384];
	long total = 0;
	ssize_t n;
	int round, i;

	memset(chunk, 'x', sizeof(chunk));
	set_nonblock(fd, 1);
	for (round = 0; round < 3; round++) {
		for (i = 0; i < 4096; i++) {
			n = send(fd, chunk, sizeof(chunk), MSG_NOSIGNAL);
			if (n <= 0)
				break;
			total += n;
		}
		msleep(30);
	}
	return total;
}

static int send_bytes(int fd, size_t n)
{
	char buf[2048];

	memset(buf, 'd', sizeof(buf));
	if (n > sizeof(buf))
		n = sizeof(buf);
	return send(fd, buf, n, MSG_NOSIGNAL) == (ssize_t)n ? 0 : -1;
}

/* close a pair so that the client ends in TIME-WAIT; manifest line */
static void tcp_time_wait(struct ctx *c, int cfd, int sfd)
{
	struct name loc, peer;

	if (inet_names(cfd, -1, &loc, &peer) < 0) {
		warnmsg(c, "time-wait: getsockname: %s", strerror(errno));
		return;
	}
	close(cfd);
	if (tcp_wait_state(sfd, TCP_CLOSE_WAIT) < 0)
		warnmsg(c, "time-wait: server not in CLOSE-WAIT");
	close(sfd);
	msleep(20);
	man_add(c, "tcp", &loc, &peer, "TIME-WAIT", "pid=0 fd=-1 ino=0");
}

/* listener whose backlog is full: one unaccepted child, one SYN-SENT */
static void tcp_full_backlog(struct ctx *c, int fam, const char *host,
			     int port)
{
	int lfd, c1, c2;
	struct name loc, peer;
	char dst[INET6_ADDRSTRLEN + 16];

	lfd = tcp_listener(c, fam, host, port, 0, 0);
	if (lfd < 0)
		return;
	c1 = tcp_connect(c, fam, host, port, 0, 0);
	if (c1 < 0)
		return;
	man_inet(c, "tcp", c1, "ESTAB", -1, "note=client-not-accepted");
	if (inet_names(c1, -1, &peer, &loc) == 0)
		man_add(c, "tcp", &loc, &peer, "ESTAB",
			"pid=0 fd=-1 ino=0 note=not-accepted");
	msleep(20);
	c2 = tcp_connect(c, fam, host, port, 0, 1);
	if (c2 < 0)
		return;
	msleep(50);
	if (tcp_state(c2) != TCP_SYN_SENT) {
		warnmsg(c, "backlog-full client is not SYN-SENT (%d)",
			tcp_state(c2));
		return;
	}
	host_port(fam, host, port, dst, sizeof(dst));
	man_inet_peer(c, "tcp", c2, "SYN-SENT", dst, -1, "note=backlog-full");
}

/* TCP_DEFER_ACCEPT listener: client ESTAB, server side a SYN-RECV request */
static void tcp_syn_recv(struct ctx *c, const char *host, int port)
{
	int lfd, cfd;
	struct name loc, peer;

	lfd = tcp_listener(c, AF_INET, host, port, LF_DEFER, 16);
	if (lfd < 0)
		return;
	cfd = tcp_connect(c, AF_INET, host, port, 0, 0);
	if (cfd < 0)
		return;
	man_inet(c, "tcp", cfd, "ESTAB", -1, "note=deferred-client");
	if (inet_names(cfd, -1, &peer, &loc) == 0)
		man_add(c, "tcp", &loc, &peer, "SYN-RECV",
			"pid=0 fd=-1 ino=0 note=defer-accept-request");
}

/* ---- sets: TCP -------------------------------------------------------- */

static void set_tcp_listen(struct ctx *c)
{
	int pb = c->port_base + 10, lfd, cfd, sfd;

	lfd = tcp_listener(c, AF_INET, "0.0.0.0", 80, 0, 128);
	if (lfd >= 0 && tcp_pair_man(c, lfd, AF_INET, "127.0.0.1", 80,
				     &cfd, &sfd) == 0) {
		set_int_opt(cfd, SOL_SOCKET, SO_KEEPALIVE, 1);
		set_int_opt(cfd, IPPROTO_TCP, TCP_KEEPIDLE, 7200);
	}
	lfd = tcp_listener(c, AF_INET, "127.0.0.1", 8080, 0, 16);
	if (lfd >= 0 && tcp_pair_man(c, lfd, AF_INET, "127.0.0.1", 8080,
				     &cfd, &sfd) == 0 &&
	    send_bytes(sfd, 1000) < 0)
		warnmsg(c, "send: %s", strerror(errno));
	tcp_listener(c, AF_INET, "127.0.0.1", 53, 0, 16);
	tcp_listener(c, AF_INET, "0.0.0.0", pb, LF_BINDLO, 1);
	lfd = tcp_listener(c, AF_INET6, "::", 443, 0, 64);
	if (lfd >= 0)
		tcp_pair_man(c, lfd, AF_INET, "127.0.0.1", 443, &cfd, &sfd);
	tcp_listener(c, AF_INET6, "::", pb + 1, LF_V6ONLY, 8);
	tcp_listener(c, AF_INET, "0.0.0.0", pb + 1, 0, 8);
	lfd = tcp_listener(c, AF_INET6, "::1", pb + 2, 0, 8);
	if (lfd >= 0)
		tcp_pair_man(c, lfd, AF_INET6, "::1", pb + 2, &cfd, &sfd);
}

/* client shuts down writing: client FIN-WAIT-2, server CLOSE-WAIT */
static void tcp_half_closed(struct ctx *c, int lfd, int fam, const char *host,
			    int port)
{
	int cfd, sfd;

	if (tcp_pair(c, lfd, fam, host, port, 0, &cfd, &sfd) < 0)
		return;
	shutdown(cfd, SHUT_WR);
	if (tcp_wait_state(cfd, TCP_FIN_WAIT2) < 0 ||
	    tcp_wait_state(sfd, TCP_CLOSE_WAIT) < 0)
		warnmsg(c, "half-close: states %d/%d", tcp_state(cfd),
			tcp_state(sfd));
	man_inet(c, "tcp", cfd, "FIN-WAIT-2", -1, "note=client");
	man_inet(c, "tcp", sfd, "CLOSE-WAIT", -1, "note=server");
}

/* client fills the server's (small) receive buffer; returns bytes */
static long tcp_stuffed(struct ctx *c, int lfd, int fam, const char *host,
			int port, int *cfd, int *sfd)
{
	long n;

	if (tcp_pair(c, lfd, fam, host, port, 0, cfd, sfd) < 0)
		return -1;
	n = fill(*cfd);
	if (n <= 0)
		warnmsg(c, "fill: nothing sent");
	return n;
}

static void tcp_queues(struct ctx *c, int lfd, const char *host, int port)
{
	int cfd, sfd;
	long n = tcp_stuffed(c, lfd, AF_INET, host, port, &cfd, &sfd);
	char extra[64];

	if (n < 0)
		return;
	snprintf(extra, sizeof(extra), "wq=%ld note=client-filled", n);
	man_inet(c, "tcp", cfd, "ESTAB", -1, extra);
	man_inet(c, "tcp", sfd, "ESTAB", -1, "note=server-not-reading");
}

static void tcp_fin_wait1(struct ctx *c, int lfd, const char *host, int port)
{
	int cfd, sfd;
	long n = tcp_stuffed(c, lfd, AF_INET, host, port, &cfd, &sfd);
	char extra[64];

	if (n < 0)
		return;
	shutdown(cfd, SHUT_WR);
	if (tcp_wait_state(cfd, TCP_FIN_WAIT1) < 0)
		warnmsg(c, "fin-wait-1: state %d", tcp_state(cfd));
	snprintf(extra, sizeof(extra), "wq=%ld note=fin-behind-data", n);
	man_inet(c, "tcp", cfd, "FIN-WAIT-1", -1, extra);
	man_inet(c, "tcp", sfd, "ESTAB", -1, "note=server-not-reading");
}

static void tcp_closing(struct ctx *c, int lfd, const char *host, int port)
{
	int cfd, sfd;
	long n = tcp_stuffed(c, lfd, AF_INET, host, port, &cfd, &sfd);
	char extra[64];

	if (n < 0)
		return;
	shutdown(cfd, SHUT_WR);
	shutdown(sfd, SHUT_WR);
	if (tcp_wait_state(cfd, TCP_CLOSING) < 0 ||
	    tcp_wait_state(sfd, TCP_FIN_WAIT2) < 0)
		warnmsg(c, "closing: states %d/%d", tcp_state(cfd),
			tcp_state(sfd));
	snprintf(extra, sizeof(extra), "wq=%ld note=client", n);
	man_inet(c, "tcp", cfd, "CLOSING", -1, extra);
	man_inet(c, "tcp", sfd, "FIN-WAIT-2", -1, "note=server");
}

static void tcp_last_ack(struct ctx *c, int lfd, const char *host, int port)
{
	int cfd, sfd;
	long n;
	char extra[64];

	if (tcp_pair(c, lfd, AF_INET, host, port, 1, &cfd, &sfd) < 0)
		return;
	n = fill(sfd);
	shutdown(cfd, SHUT_WR);
	if (tcp_wait_state(sfd, TCP_CLOSE_WAIT) < 0)
		warnmsg(c, "last-ack: server state %d", tcp_state(sfd));
	shutdown(sfd, SHUT_WR);
	if (tcp_wait_state(sfd, TCP_LAST_ACK) < 0 ||
	    tcp_wait_state(cfd, TCP_FIN_WAIT2) < 0)
		warnmsg(c, "last-ack: states %d/%d", tcp_state(cfd),
			tcp_state(sfd));
	man_inet(c, "tcp", cfd, "FIN-WAIT-2", -1, "note=client-not-reading");
	snprintf(extra, sizeof(extra), "wq=%ld note=server", n);
	man_inet(c, "tcp", sfd, "LAST-ACK", -1, extra);
}

static void set_tcp_states(struct ctx *c)
{
	int pb = c->port_base + 20, lfd, l6, cfd, sfd;

	lfd = tcp_listener(c, AF_INET, "127.0.0.1", 25, LF_SMALLRCV, 32);
	if (lfd >= 0) {
		tcp_pair_man(c, lfd, AF_INET, "127.0.0.1", 25, &cfd, &sfd);
		tcp_half_closed(c, lfd, AF_INET, "127.0.0.1", 25);
		tcp_queues(c, lfd, "127.0.0.1", 25);
		tcp_fin_wait1(c, lfd, "127.0.0.1", 25);
		tcp_closing(c, lfd, "127.0.0.1", 25);
		tcp_last_ack(c, lfd, "127.0.0.1", 25);
		if (tcp_pair(c, lfd, AF_INET, "127.0.0.1", 25, 0,
			     &cfd, &sfd) == 0)
			tcp_time_wait(c, cfd, sfd);
		if (tcp_pair_man(c, lfd, AF_INET6, "::ffff:127.0.0.1", 25,
				 &cfd, &sfd) == 0)
			send_bytes(cfd, 300);
	}
	l6 = tcp_listener(c, AF_INET6, "::1", pb, 0, 16);
	if (l6 >= 0) {
		if (tcp_pair_man(c, l6, AF_INET6, "::1", pb, &cfd, &sfd) == 0)
			send_bytes(sfd, 777);
		tcp_half_closed(c, l6, AF_INET6, "::1", pb);
		if (tcp_pair(c, l6, AF_INET6, "::1", pb, 0, &cfd, &sfd) == 0)
			tcp_time_wait(c, cfd, sfd);
	}
	tcp_syn_recv(c, "127.0.0.1", pb + 1);
	tcp_full_backlog(c, AF_INET, "127.0.0.1", pb + 2);
}

static void set_syn_sent(struct ctx *c)
{
	int fd = tcp_connect(c, AF_INET, c->syn_target, 80, 0, 1);
	char dst[INET6_ADDRSTRLEN + 16];

	if (fd < 0)
		return;
	host_port(AF_INET, c->syn_target, 80, dst, sizeof(dst));
	msleep(50);
	if (tcp_state(fd) != TCP_SYN_SENT) {
		warnmsg(c, "connect to %s did not stay in SYN-SENT (state %d)",
			c->syn_target, tcp_state(fd));
		close(fd);
		return;
	}
	man_inet_peer(c, "tcp", fd, "SYN-SENT", dst, -1, "note=no-answer");
}

/* ---- UDP and raw ------------------------------------------------------ */

static int udp_sock(struct ctx *c, int fam, const char *host, int port,
		    int flags, const char *state)
{
	int fd = inet_bound(c, fam, SOCK_DGRAM, 0, host, port, flags);

	if (fd >= 0 && state)
		man_inet(c, "udp", fd, state, -1, NULL);
	return fd;
}

static int dgram_connect(struct ctx *c, int fd, int fam, const char *host,
			 int port)
{
	struct sockaddr_storage ss;
	socklen_t len;

	if (inet_make(fam, host, port, &ss, &len) < 0 ||
	    connect(fd, (struct sockaddr *)&ss, len) < 0) {
		warnmsg(c, "connect %s port %d: %s", host, port,
			strerror(errno));
		return -1;
	}
	return 0;
}

/* unbound sender: connect to host:port and send n datagrams of 5 bytes */
static void udp_sender(struct ctx *c, int fam, const char *host, int port,
		       int n)
{
	int fd = socket(fam, SOCK_DGRAM, 0), i;

	if (fd < 0) {
		warnmsg(c, "udp sender: %s", strerror(errno));
		return;
	}
	if (dgram_connect(c, fd, fam, host, port) < 0) {
		close(fd);
		return;
	}
	for (i = 0; i < n; i++)
		if (send(fd, "hello", 5, 0) != 5)
			warnmsg(c, "udp send: %s", strerror(errno));
	man_inet(c, "udp", fd, "ESTAB", -1, "note=sender");
}

static void set_udp(struct ctx *c)
{
	int pb = c->port_base + 40, fd;

	udp_sock(c, AF_INET, "127.0.0.1", 123, 0, "UNCONN");
	fd = inet_bound(c, AF_INET, SOCK_DGRAM, 0, "0.0.0.0", pb, 0);
	if (fd >= 0) {
		udp_sender(c, AF_INET, "127.0.0.1", pb, 2);
		man_inet(c, "udp", fd, "UNCONN", -1, "rq=10 note=2-datagrams");
	}
	fd = udp_sock(c, AF_INET, "127.0.0.1", pb + 1, 0, NULL);
	if (fd >= 0 && dgram_connect(c, fd, AF_INET, "127.0.0.1", 123) == 0)
		man_inet(c, "udp", fd, "ESTAB", -1, NULL);
	udp_sock(c, AF_INET, "0.0.0.0", pb + 2, LF_BINDLO, "UNCONN");
	fd = inet_bound(c, AF_INET, SOCK_DGRAM, IPPROTO_UDPLITE, "127.0.0.1",
			pb + 3, 0);
	if (fd >= 0)
		man_inet(c, "udplite", fd, "UNCONN", -1, NULL);
	else
		c->nfail--;	/* UDP-Lite may be compiled out: optional */
}

static int raw_sock(struct ctx *c, int fam, int proto)
{
	int fd = socket(fam, SOCK_RAW, proto);

	if (fd < 0)
		warnmsg(c, "raw socket(%d, %d): %s", fam, proto,
			strerror(errno));
	return fd;
}

/* ICMP echo request to 127.0.0.1 (queues data on raw ICMP sockets) */
static void raw_ping(struct ctx *c, int fd)
{
	unsigned char pkt[16] = { 8, 0, 0, 0, 0x12, 0x34, 0, 1 };
	struct sockaddr_storage ss;
	socklen_t len;
	unsigned sum = 0;
	size_t i;

	for (i = 0; i < sizeof(pkt); i += 2)
		sum += (unsigned)(pkt[i] << 8 | pkt[i + 1]);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	sum = ~sum & 0xffff;
	pkt[2] = (unsigned char)(sum >> 8);
	pkt[3] = (unsigned char)(sum & 0xff);
	inet_make(AF_INET, "127.0.0.1", 0, &ss, &len);
	if (sendto(fd, pkt, sizeof(pkt), 0, (struct sockaddr *)&ss, len) < 0)
		warnmsg(c, "ping: %s", strerror(errno));
}

static void set_raw(struct ctx *c)
{
	int fd;

	fd = raw_sock(c, AF_INET, IPPROTO_ICMP);
	if (fd >= 0)
		man_inet(c, "raw", fd, "UNCONN", IPPROTO_ICMP, NULL);
	fd = raw_sock(c, AF_INET, IPPROTO_RAW);
	if (fd >= 0)
		man_inet(c, "raw", fd, "UNCONN", IPPROTO_RAW, NULL);
	fd = raw_sock(c, AF_INET6, IPPROTO_ICMPV6);
	if (fd >= 0)
		man_inet(c, "raw", fd, "UNCONN", IPPROTO_ICMPV6, NULL);
	fd = raw_sock(c, AF_INET, 253);
	/* getpeername() fails on raw sockets: name the peer ourselves */
	if (fd >= 0 && dgram_connect(c, fd, AF_INET, "127.0.0.1", 0) == 0)
		man_inet_peer(c, "raw", fd, "ESTAB", "127.0.0.1:*", 253,
			      "note=connected");
	fd = raw_sock(c, AF_INET, IPPROTO_ICMP);
	if (fd >= 0) {
		raw_ping(c, fd);
		msleep(20);
		man_inet(c, "raw", fd, "UNCONN", IPPROTO_ICMP,
			 "note=sent-ping-rq-nonzero");
	}
}

/* ---- unix ---------------------------------------------------------------- */

static const char *unix_type_netid(int type)
{
	if (type == SOCK_STREAM)
		return "u_str";
	if (type == SOCK_SEQPACKET)
		return "u_seq";
	return "u_dgr";
}

/* name of a unix sockaddr (addrlen len) */
static void unix_name(const struct sockaddr_un *sun, socklen_t len,
		      struct name *n)
{
	size_t plen;

	if (len <= offsetof(struct sockaddr_un, sun_path)) {
		name_set(n, "*");
		return;
	}
	plen = len - offsetof(struct sockaddr_un, sun_path);
	if (sun->sun_path[0] == '\0') {
		name_bytes(n, sun->sun_path, plen);
		n->s[0] = '@';
		return;
	}
	name_bytes(n, sun->sun_path, strnlen(sun->sun_path, plen));
}

static void unix_local(int fd, struct name *n)
{
	struct sockaddr_un sun;
	socklen_t len = sizeof(sun);

	memset(&sun, 0, sizeof(sun));
	if (getsockname(fd, (struct sockaddr *)&sun, &len) < 0)
		len = 0;
	unix_name(&sun, len, n);
}

static void man_unix(struct ctx *c, int fd, int type, const char *state,
		     const char *extra)
{
	struct name loc, peer;

	unix_local(fd, &loc);
	name_set(&peer, "*");
	man_add(c, unix_type_netid(type), &loc, &peer, state,
		"pid=%d fd=%d ino=%lu%s%s", (int)c->pid, fd, sock_ino(fd),
		extra ? " " : "", extra ? extra : "");
}

/*
 * Address for name: "/..." relative names are put in the private dir,
 * "\0..." is abstract (nlen bytes), "" means autobind.
 */
static socklen_t unix_addr(struct ctx *c, const char *nm, size_t nlen,
			   struct sockaddr_un *sun)
{
	size_t dlen;

	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	if (nlen == 0)
		return sizeof(sa_family_t);
	if (nm[0] == '\0') {
		if (nlen > sizeof(sun->sun_path))
			nlen = sizeof(sun->sun_path);
		memcpy(sun->sun_path, nm, nlen);
		return (socklen_t)(offsetof(struct sockaddr_un, sun_path) +
				   nlen);
	}
	dlen = strlen(c->udir);
	if (dlen + 1 + nlen >= sizeof(sun->sun_path))
		return sizeof(sa_family_t);	/* cannot happen: udir <= 60 */
	memcpy(sun->sun_path, c->udir, dlen);
	sun->sun_path[dlen] = '/';
	memcpy(sun->sun_path + dlen + 1, nm, nlen);
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) +
			   strlen(sun->sun_path) + 1);
}

static void remember_path(struct ctx *c, const struct sockaddr_un *sun)
{
	if (sun->sun_path[0] && c->npaths < MAX_PATHS)
		c->paths[c->npaths++] = strdup(sun->sun_path);
}

static int unix_bound(struct ctx *c, int type, const char *nm, size_t nlen)
{
	struct sockaddr_un sun;
	socklen_t len = unix_addr(c, nm, nlen, &sun);
	int fd = socket(AF_UNIX, type, 0);

	if (fd < 0 || bind(fd, (struct sockaddr *)&sun, len) < 0) {
		warnmsg(c, "unix bind: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	remember_path(c, &sun);
	return fd;
}

static int unix_listener(struct ctx *c, int type, const char *nm, size_t nlen)
{
	int fd = unix_bound(c, type, nm, nlen);

	if (fd < 0)
		return -1;
	if (listen(fd, 8) < 0) {
		warnmsg(c, "unix listen: %s", strerror(errno));
		close(fd);
		return -1;
	}
	man_unix(c, fd, type, "LISTEN", NULL);
	return fd;
}

/* connect a new unbound socket of type to lfd's address */
static int unix_connect_to(struct ctx *c, int lfd, int type)
{
	struct sockaddr_un sun;
	socklen_t len = sizeof(sun);
	int fd;

	memset(&sun, 0, sizeof(sun));
	if (getsockname(lfd, (struct sockaddr *)&sun, &len) < 0)
		return -1;
	fd = socket(AF_UNIX, type, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sun, len) < 0) {
		warnmsg(c, "unix connect: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

/* n accepted connections and p pending ones on listener lfd */
static void unix_clients(struct ctx *c, int lfd, int type, int n, int p)
{
	struct name loc, peer;
	int i, cfd, sfd;

	for (i = 0; i < n + p; i++) {
		cfd = unix_connect_to(c, lfd, type);
		if (cfd < 0)
			return;
		man_unix(c, cfd, type, "ESTAB", i < n ? "note=client" :
			 "note=client-pending");
		if (i >= n) {
			unix_local(lfd, &loc);
			name_set(&peer, "*");
			man_add(c, unix_type_netid(type), &loc, &peer,
				"SYN-SENT", "pid=0 fd=-1 ino=0 note=embryo");
			continue;
		}
		sfd = accept(lfd, NULL, NULL);
		if (sfd < 0) {
			warnmsg(c, "unix accept: %s", strerror(errno));
			return;
		}
		man_unix(c, sfd, type, "ESTAB", "note=server");
	}
}

static void unix_pairs(struct ctx *c)
{
	static const int types[] = { SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET };
	int sv[2];
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		if (socketpair(AF_UNIX, types[i], 0, sv) < 0) {
			warnmsg(c, "socketpair: %s", strerror(errno));
			continue;
		}
		man_unix(c, sv[0], types[i], "ESTAB", "note=socketpair");
		man_unix(c, sv[1], types[i], "ESTAB", "note=socketpair");
	}
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0 &&
	    send_bytes(sv[0], 100) == 0)
		man_unix(c, sv[1], SOCK_STREAM, "ESTAB",
			 "rq=100 note=socketpair-unread");
}

/* datagram server at nm with a connected autobound sender, an unbound one */
static void unix_dgrams(struct ctx *c, const char *nm, size_t nlen)
{
	struct sockaddr_un sun;
	socklen_t len = unix_addr(c, nm, nlen, &sun);
	int srv = unix_bound(c, SOCK_DGRAM, nm, nlen), a, b;

	if (srv < 0)
		return;
	man_unix(c, srv, SOCK_DGRAM, "ESTAB",
		 "rq=2 note=connect()-target-marked-established");
	a = unix_bound(c, SOCK_DGRAM, "", 0);
	b = socket(AF_UNIX, SOCK_DGRAM, 0);
	if (a < 0 || b < 0 || connect(a, (struct sockaddr *)&sun, len) < 0 ||
	    connect(b, (struct sockaddr *)&sun, len) < 0 ||
	    send(a, "x", 1, 0) != 1 || send(b, "y", 1, 0) != 1) {
		warnmsg(c, "unix dgram connect/send: %s", strerror(errno));
		return;
	}
	man_unix(c, a, SOCK_DGRAM, "ESTAB", "note=connected-autobound");
	man_unix(c, b, SOCK_DGRAM, "ESTAB", "note=connected-unnamed");
}

static void set_unix(struct ctx *c)
{
	int fd;

	fd = unix_listener(c, SOCK_STREAM, "stream.sock", 11);
	if (fd >= 0)
		unix_clients(c, fd, SOCK_STREAM, 1, 2);
	fd = unix_listener(c, SOCK_STREAM, "with space.sock", 15);
	if (fd >= 0)
		unix_clients(c, fd, SOCK_STREAM, 1, 0);
	fd = unix_listener(c, SOCK_STREAM, "\0lsock-abstract", 15);
	if (fd >= 0)
		unix_clients(c, fd, SOCK_STREAM, 1, 1);
	unix_listener(c, SOCK_STREAM, "\0lsock abstract space", 21);
	unix_listener(c, SOCK_STREAM, "", 0);
	fd = unix_listener(c, SOCK_SEQPACKET, "seqpacket.sock", 14);
	if (fd >= 0)
		unix_clients(c, fd, SOCK_SEQPACKET, 1, 1);
	unix_dgrams(c, "dgram.sock", 10);
	fd = unix_bound(c, SOCK_DGRAM, "\0lsock\0nul\0", 11);
	if (fd >= 0)
		man_unix(c, fd, SOCK_DGRAM, "UNCONN", "note=embedded-nul");
	fd = unix_bound(c, SOCK_DGRAM, "\0lsock-dgram", 12);
	if (fd >= 0)
		man_unix(c, fd, SOCK_DGRAM, "UNCONN", NULL);
	fd = unix_bound(c, SOCK_DGRAM, "", 0);
	if (fd >= 0)
		man_unix(c, fd, SOCK_DGRAM, "UNCONN", "note=autobind");
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd >= 0)
		man_unix(c, fd, SOCK_STREAM, "UNCONN", "note=unbound");
	unix_pairs(c);
}

/* ---- packet ------------------------------------------------------------- */

static void packet_sock(struct ctx *c, int type, int proto, const char *ifn)
{
	struct sockaddr_ll sll;
	struct name loc, peer;
	int fd = socket(AF_PACKET, type, htons((unsigned short)proto));

	if (fd < 0) {
		warnmsg(c, "packet socket: %s", strerror(errno));
		return;
	}
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons((unsigned short)proto);
	if (ifn) {
		sll.sll_ifindex = (int)if_nametoindex(ifn);
		if (!sll.sll_ifindex ||
		    bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
			warnmsg(c, "packet bind %s: %s", ifn, strerror(errno));
			close(fd);
			return;
		}
	}
	if (proto == ETH_P_ALL)
		name_set(&loc, "*:%s", ifn ? ifn : "*");
	else
		name_set(&loc, "[%d]:%s", proto, ifn ? ifn : "*");
	name_set(&peer, "*");
	man_add(c, type == SOCK_RAW ? "p_raw" : "p_dgr", &loc, &peer, "UNCONN",
		"pid=%d fd=%d ino=%lu", (int)c->pid, fd, sock_ino(fd));
}

static void set_packet(struct ctx *c)
{
	packet_sock(c, SOCK_RAW, ETH_P_ALL, NULL);
	packet_sock(c, SOCK_DGRAM, ETH_P_IP, "lo");
	if (!c->ifname)
		return;
	packet_sock(c, SOCK_DGRAM, ETH_P_IPV6, c->ifname);
	packet_sock(c, SOCK_RAW, ETH_P_ARP, c->ifname);
}

/* ---- netlink ------------------------------------------------------------ */

/* bound (portid 0 = autobind) netlink socket; returns fd */
static int nl_sock(struct ctx *c, int proto, unsigned portid,
		   unsigned groups)
{
	struct sockaddr_nl snl;
	int fd = socket(AF_NETLINK, SOCK_RAW, proto);

	if (fd < 0) {
		warnmsg(c, "netlink socket(%d): %s", proto, strerror(errno));
		return -1;
	}
	memset(&snl, 0, sizeof(snl));
	snl.nl_family = AF_NETLINK;
	snl.nl_pid = portid;
	snl.nl_groups = groups;
	if (bind(fd, (struct sockaddr *)&snl, sizeof(snl)) < 0) {
		warnmsg(c, "netlink bind(%d, %u): %s", proto, portid,
			strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static unsigned nl_portid(int fd)
{
	struct sockaddr_nl snl;
	socklen_t len = sizeof(snl);

	memset(&snl, 0, sizeof(snl));
	if (getsockname(fd, (struct sockaddr *)&snl, &len) < 0)
		return 0;
	return snl.nl_pid;
}

static void man_nl(struct ctx *c, int fd, int proto, const char *peer_s,
		   unsigned groups, const char *extra)
{
	struct name loc, peer;

	unsigned portid = nl_portid(fd);

	name_set(&loc, "%d:%d", proto, (int)portid);
	name_set(&peer, "%s", peer_s ? peer_s : "*");
	man_add(c, "nl", &loc, &peer, "UNCONN",
		"pid=%d fd=%d ino=%lu groups=%08x%s%s%s", (int)c->pid, fd,
		sock_ino(fd), groups, portid == (unsigned)c->pid ?
		" note=portid-is-pid" : "", extra ? " " : "",
		extra ? extra : "");
}

static int nl_simple(struct ctx *c, int proto, unsigned portid,
		     unsigned groups, const char *extra)
{
	int fd = nl_sock(c, proto, portid, groups);

	if (fd >= 0)
		man_nl(c, fd, proto, NULL, groups, extra);
	return fd;
}

/* USERSOCK receiver at portid and a sender connected to it */
static void nl_connected(struct ctx *c, unsigned portid)
{
	struct sockaddr_nl dst;
	char peer[32];
	struct nlmsghdr msg;
	int rfd = nl_simple(c, NETLINK_USERSOCK, portid, 0, "rq=1-msg"), sfd;

	if (rfd < 0)
		return;
	sfd = nl_sock(c, NETLINK_USERSOCK, 0, 0);
	if (sfd < 0)
		return;
	memset(&dst, 0, sizeof(dst));
	dst.nl_family = AF_NETLINK;
	dst.nl_pid = portid;
	memset(&msg, 0, sizeof(msg));
	msg.nlmsg_len = sizeof(msg);
	msg.nlmsg_type = NLMSG_NOOP;
	if (connect(sfd, (struct sockaddr *)&dst, sizeof(dst)) < 0 ||
	    send(sfd, &msg, sizeof(msg), 0) < 0) {
		warnmsg(c, "netlink connect/send: %s", strerror(errno));
		return;
	}
	snprintf(peer, sizeof(peer), "0:%u", portid);
	man_nl(c, sfd, NETLINK_USERSOCK, peer, 0, "note=connected");
}

static void set_netlink(struct ctx *c)
{
	nl_simple(c, NETLINK_ROUTE, 0, 0, NULL);
	nl_simple(c, NETLINK_ROUTE, 0, 1, "note=rtmgrp-link");
	nl_simple(c, NETLINK_SOCK_DIAG, 0, 0, NULL);
	nl_simple(c, NETLINK_KOBJECT_UEVENT, 0, 1, NULL);
	nl_simple(c, NETLINK_GENERIC, 0, 0, NULL);
	nl_connected(c, 4242);
	if (c->child > 0)
		nl_simple(c, NETLINK_USERSOCK, (unsigned)c->child, 0,
			  "note=portid-is-child-pid");
}

/* ---- v6 ------------------------------------------------------------------ */

static void v6_tcp(struct ctx *c, int pb)
{
	int lfd, cfd, sfd;

	lfd = tcp_listener(c, AF_INET6, "::", pb, 0, 16);
	if (lfd >= 0) {
		tcp_pair_man(c, lfd, AF_INET, "127.0.0.1", pb, &cfd, &sfd);
		tcp_pair_man(c, lfd, AF_INET6, "::1", pb, &cfd, &sfd);
	}
	tcp_listener(c, AF_INET6, "::", pb + 1, LF_V6ONLY, 16);
	lfd = tcp_listener(c, AF_INET, "0.0.0.0", pb + 1, 0, 16);
	if (lfd >= 0)
		tcp_pair_man(c, lfd, AF_INET6, "::ffff:127.0.0.1", pb + 1,
			     &cfd, &sfd);
	lfd = tcp_listener(c, AF_INET6, "::1", 8080, 0, 16);
	if (lfd >= 0 && tcp_pair(c, lfd, AF_INET6, "::1", 8080, 0,
				 &cfd, &sfd) == 0)
		tcp_time_wait(c, cfd, sfd);
}

static void v6_udp(struct ctx *c, int pb)
{
	int fd;

	udp_sock(c, AF_INET6, "::", pb, 0, "UNCONN");
	udp_sock(c, AF_INET6, "::", pb + 1, LF_V6ONLY, "UNCONN");
	fd = inet_bound(c, AF_INET6, SOCK_DGRAM, 0, "::1", 53, 0);
	if (fd >= 0) {
		udp_sender(c, AF_INET6, "::1", 53, 1);
		man_inet(c, "udp", fd, "UNCONN", -1, "rq=5");
	}
	fd = udp_sock(c, AF_INET6, "::1", pb + 2, 0, NULL);
	if (fd >= 0 && dgram_connect(c, fd, AF_INET6, "::1", 53) == 0)
		man_inet(c, "udp", fd, "ESTAB", -1, NULL);
	fd = udp_sock(c, AF_INET6, "::", pb + 3, 0, NULL);
	if (fd >= 0 && dgram_connect(c, fd, AF_INET6, "::ffff:127.0.0.1",
				     pb + 4) == 0)
		man_inet(c, "udp", fd, "ESTAB", -1, "note=mapped-peer");
	fd = raw_sock(c, AF_INET6, IPPROTO_RAW);
	if (fd >= 0)
		man_inet(c, "raw", fd, "UNCONN", IPPROTO_RAW, NULL);
	fd = raw_sock(c, AF_INET6, 253);
	if (fd >= 0 && dgram_connect(c, fd, AF_INET6, "::1", 0) == 0)
		man_inet_peer(c, "raw", fd, "ESTAB", "[::1]:*", 253,
			      "note=connected");
}

/* first address of family fam (ll: link-local wanted) on ifname */
static int if_addr(const char *ifn, int fam, int ll, char *buf, size_t n)
{
	struct ifaddrs *ifa, *p;
	const struct sockaddr_in6 *s6;
	int found = -1, isll;

	if (getifaddrs(&ifa) < 0)
		return -1;
	for (p = ifa; p && found < 0; p = p->ifa_next) {
		if (!p->ifa_addr || p->ifa_addr->sa_family != fam ||
		    strcmp(p->ifa_name, ifn))
			continue;
		if (fam == AF_INET) {
			inet_ntop(fam, &((const struct sockaddr_in *)
					 (const void *)p->ifa_addr)->sin_addr,
				  buf, (socklen_t)n);
			found = 0;
			continue;
		}
		s6 = (const struct sockaddr_in6 *)(const void *)p->ifa_addr;
		isll = IN6_IS_ADDR_LINKLOCAL(&s6->sin6_addr);
		if (isll != ll)
			continue;
		inet_ntop(fam, &s6->sin6_addr, buf, (socklen_t)n);
		if (ll)
			snprintf(buf + strlen(buf), n - strlen(buf), "%%%s",
				 ifn);
		found = 0;
	}
	freeifaddrs(ifa);
	return found;
}

static void v6_iface(struct ctx *c, int pb)
{
	char a4[INET_ADDRSTRLEN], a6[INET6_ADDRSTRLEN],
	     ll[INET6_ADDRSTRLEN + IF_NAMESIZE + 2];
	int lfd, cfd, sfd;

	if (if_addr(c->ifname, AF_INET6, 1, ll, sizeof(ll)) == 0) {
		lfd = tcp_listener(c, AF_INET6, ll, pb, 0, 8);
		if (lfd >= 0)
			tcp_pair_man(c, lfd, AF_INET6, ll, pb, &cfd, &sfd);
		udp_sock(c, AF_INET6, ll, pb + 1, 0, "UNCONN");
	} else {
		warnmsg(c, "no link-local address on %s", c->ifname);
	}
	if (if_addr(c->ifname, AF_INET6, 0, a6, sizeof(a6)) == 0)
		tcp_listener(c, AF_INET6, a6, pb + 2, 0, 8);
	else
		warnmsg(c, "no global IPv6 address on %s", c->ifname);
	if (if_addr(c->ifname, AF_INET, 0, a4, sizeof(a4)) == 0) {
		tcp_listener(c, AF_INET, a4, pb + 3, 0, 8);
		udp_sock(c, AF_INET, a4, pb + 4, 0, "UNCONN");
	} else {
		warnmsg(c, "no IPv4 address on %s", c->ifname);
	}
}

static void set_v6(struct ctx *c)
{
	int pb = c->port_base + 50;
	int fd;

	v6_tcp(c, pb);
	v6_udp(c, pb + 10);
	fd = raw_sock(c, AF_INET6, IPPROTO_ICMPV6);
	if (fd >= 0)
		man_inet(c, "raw", fd, "UNCONN", IPPROTO_ICMPV6, NULL);
	if (c->ifname)
		v6_iface(c, pb + 20);
}

/* ---- mptcp: a listener and one connection (ports base+70, base+71) ------- */

#ifndef IPPROTO_MPTCP
#define IPPROTO_MPTCP 262
#endif

static void set_mptcp(struct ctx *c)
{
	int pb = c->port_base + 70, lfd, cfd, sfd;
	struct sockaddr_storage ss;
	socklen_t len;

	lfd = inet_bound(c, AF_INET, SOCK_STREAM, IPPROTO_MPTCP, "127.0.0.1",
			 pb, LF_REUSE);
	if (lfd < 0)
		return;
	if (listen(lfd, 16) < 0) {
		warnmsg(c, "mptcp listen: %s", strerror(errno));
		close(lfd);
		return;
	}
	man_inet(c, "mptcp", lfd, "LISTEN", -1, NULL);
	cfd = socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP);
	if (cfd < 0 || inet_make(AF_INET, "127.0.0.1", pb, &ss, &len) < 0 ||
	    connect(cfd, (struct sockaddr *)&ss, len) < 0) {
		warnmsg(c, "mptcp connect: %s", strerror(errno));
		return;
	}
	sfd = tcp_accept(c, lfd);
	if (sfd < 0)
		return;
	man_inet(c, "mptcp", cfd, "ESTAB", -1, NULL);
	man_inet(c, "mptcp", sfd, "ESTAB", -1, NULL);
}

/* ---- basic: a little of everything ------------------------------------ */

static void basic_inet(struct ctx *c)
{
	int pb = c->port_base, lfd, cfd, sfd;

	lfd = tcp_listener(c, AF_INET, "0.0.0.0", 22, 0, 128);
	if (lfd >= 0)
		tcp_pair_man(c, lfd, AF_INET, "127.0.0.1", 22, &cfd, &sfd);
	lfd = tcp_listener(c, AF_INET, "127.0.0.1", pb, 0, 16);
	if (lfd >= 0 && tcp_pair(c, lfd, AF_INET, "127.0.0.1", pb, 0,
				 &cfd, &sfd) == 0)
		tcp_time_wait(c, cfd, sfd);
	lfd = tcp_listener(c, AF_INET6, "::", pb + 1, 0, 16);
	if (lfd >= 0 && tcp_pair_man(c, lfd, AF_INET6, "::1", pb + 1,
				     &cfd, &sfd) == 0)
		send_bytes(cfd, 42);
	lfd = inet_bound(c, AF_INET, SOCK_DGRAM, 0, "0.0.0.0", 53, 0);
	if (lfd >= 0) {
		udp_sender(c, AF_INET, "127.0.0.1", 53, 1);
		man_inet(c, "udp", lfd, "UNCONN", -1, "rq=5");
	}
	udp_sock(c, AF_INET6, "::", pb + 2, 0, "UNCONN");
	lfd = raw_sock(c, AF_INET, IPPROTO_ICMP);
	if (lfd >= 0)
		man_inet(c, "raw", lfd, "UNCONN", IPPROTO_ICMP, NULL);
}

static void basic_local(struct ctx *c)
{
	int fd;

	fd = unix_listener(c, SOCK_STREAM, "basic.sock", 10);
	if (fd >= 0)
		unix_clients(c, fd, SOCK_STREAM, 1, 0);
	fd = unix_bound(c, SOCK_DGRAM, "\0lsock-basic", 12);
	if (fd >= 0)
		man_unix(c, fd, SOCK_DGRAM, "UNCONN", NULL);
	fd = unix_bound(c, SOCK_DGRAM, "", 0);
	if (fd >= 0)
		man_unix(c, fd, SOCK_DGRAM, "UNCONN", "note=autobind");
	packet_sock(c, SOCK_RAW, ETH_P_ALL, NULL);
	nl_simple(c, NETLINK_ROUTE, 0, 0, NULL);
}

static void set_basic(struct ctx *c)
{
	basic_inet(c);
	basic_local(c);
}

/* ---- set: kill ------------------------------------------------------- */

/*
 * What a -K test destroys, per port: a 127.0.0.1 listener with npairs
 * connections, a [::1] listener with one, and a UDP socket connected to
 * the port. Every client end has the port as its peer port.
 */
static void kill_group(struct ctx *c, int port, int npairs)
{
	int lfd, cfd, sfd, fd, i;

	lfd = tcp_listener(c, AF_INET, "127.0.0.1", port, 0, 16);
	for (i = 0; lfd >= 0 && i < npairs; i++)
		tcp_pair_man(c, lfd, AF_INET, "127.0.0.1", port, &cfd, &sfd);
	lfd = tcp_listener(c, AF_INET6, "::1", port, 0, 16);
	if (lfd >= 0)
		tcp_pair_man(c, lfd, AF_INET6, "::1", port, &cfd, &sfd);
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		warnmsg(c, "udp: %s", strerror(errno));
		return;
	}
	if (dgram_connect(c, fd, AF_INET, "127.0.0.1", port) == 0)
		man_inet(c, "udp", fd, "ESTAB", -1, "note=connected");
	else
		close(fd);
}

static void set_kill(struct ctx *c)
{
	int pb = c->port_base + 60;

	kill_group(c, pb, 2);
	kill_group(c, pb + 1, 2);
	kill_group(c, pb + 2, 1);
}

static const struct set_def set_defs[] = {
	{ "basic", set_basic, "a little of everything (tcp 22, udp 53, ...)" },
	{ "tcp-listen", set_tcp_listen,
	  "TCP listeners v4/v6/v6only/::1/SO_BINDTODEVICE, 80 443 8080 53" },
	{ "tcp-states", set_tcp_states,
	  "TCP states: CLOSE-WAIT FIN-WAIT-1/2 CLOSING LAST-ACK TIME-WAIT "
	  "SYN-RECV SYN-SENT, queues, mapped" },
	{ "syn-sent", set_syn_sent,
	  "SYN-SENT to --syn-target (needs a route with no answer)" },
	{ "udp", set_udp, "UDP bound, connected, queued, SO_BINDTODEVICE, "
	  "UDP-Lite" },
	{ "raw", set_raw, "raw ICMP, IPPROTO_RAW, ICMPv6, connected raw" },
	{ "unix", set_unix, "unix of every type and kind of name" },
	{ "packet", set_packet, "packet raw ETH_P_ALL, dgram ETH_P_IP on lo "
	  "(+ --ifname)" },
	{ "netlink", set_netlink, "netlink route, sock_diag, uevent, generic,"
	  " usersock connected" },
	{ "mptcp", set_mptcp, "MPTCP listener and one connection on loopback" },
	{ "v6", set_v6, "IPv6 dual-stack/v6only TCP and UDP, mapped, raw6 "
	  "(+ --ifname addresses)" },
	{ "kill", set_kill, "for -K: ports base+60..62, each with TCP v4/v6 "
	  "connections and a connected UDP socket" },
};

#define NSETS (sizeof(set_defs) / sizeof(set_defs[0]))

/* ---- setup and main ----------------------------------------------------- */

static void usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: mksocks [--sets LIST] [--manifest FILE] "
		"[--ready FILE] [--hold SECONDS]\n"
		"               [--port-base N] [--ifname IF] [--unix-dir DIR]"
		" [--comm NAME]\n"
		"               [--child COMM] [--syn-target ADDR] [--strict]"
		" [--list-sets]\nsets (\"all\" = every set):\n");
	for (i = 0; i < NSETS; i++)
		fprintf(f, "  %-11s %s\n", set_defs[i].name, set_defs[i].help);
}

static const struct set_def *find_set(const char *nm, size_t len)
{
	size_t i;

	for (i = 0; i < NSETS; i++)
		if (strlen(set_defs[i].name) == len &&
		    !strncmp(set_defs[i].name, nm, len))
			return &set_defs[i];
	return NULL;
}

/* bit mask of set_defs indexes; 0 on error */
static unsigned long parse_sets(const char *list)
{
	unsigned long mask = 0;
	const char *p = list, *e;
	const struct set_def *d;
	size_t len;

	while (*p) {
		e = strchr(p, ',');
		len = e ? (size_t)(e - p) : strlen(p);
		if (len == 3 && !strncmp(p, "all", 3)) {
			mask |= (1UL << NSETS) - 1;
		} else if (len) {
			d = find_set(p, len);
			if (!d) {
				fprintf(stderr, "mksocks: unknown set '%.*s'\n",
					(int)len, p);
				return 0;
			}
			mask |= 1UL << (d - set_defs);
		}
		p += len + (e ? 1 : 0);
	}
	return mask;
}

static int make_udir(struct ctx *c, const char *dir)
{
	const char *tmp = getenv("TMPDIR");

	if (dir) {
		if (strlen(dir) > 60 || mkdir(dir, 0700) < 0) {
			fprintf(stderr, "mksocks: mkdir %s: %s\n", dir,
				strlen(dir) > 60 ? "path too long (max 60)" :
				strerror(errno));
			return -1;
		}
		snprintf(c->udir, sizeof(c->udir), "%s", dir);
	} else {
		snprintf(c->udir, sizeof(c->udir), "%s/lsock-mksocks.XXXXXX",
			 tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
		if (!mkdtemp(c->udir)) {
			fprintf(stderr, "mksocks: mkdtemp: %s\n",
				strerror(errno));
			return -1;
		}
	}
	c->own_udir = 1;
	return 0;
}

static void cleanup(struct ctx *c)
{
	int i;

	for (i = 0; i < c->npaths; i++) {
		unlink(c->paths[i]);
		free(c->paths[i]);
	}
	c->npaths = 0;
	if (c->own_udir && rmdir(c->udir) < 0)
		fprintf(stderr, "mksocks: rmdir %s: %s\n", c->udir,
			strerror(errno));
	c->own_udir = 0;
}

static void raise_nofile(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_cur >= 4096)
		return;
	rl.rlim_cur = rl.rlim_max < 4096 ? rl.rlim_max : 4096;
	setrlimit(RLIMIT_NOFILE, &rl);
}

static void setup_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* sleep up to hold seconds, or until a signal */
static void hold_for(long hold)
{
	long i;

	for (i = 0; i < hold * 10 && !stop_flag; i++)
		msleep(100);
}

/* the child keeps the inherited sockets until its parent goes */
static void child_main(const char *comm, pid_t parent, long hold)
{
	long i;

	prctl(PR_SET_NAME, comm, 0, 0, 0);
	prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
	for (i = 0; i < hold * 10 + 50 && !stop_flag; i++) {
		if (getppid() != parent)
			break;
		msleep(100);
	}
	_exit(0);
}

static int fork_child(struct ctx *c, long hold)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		warnmsg(c, "fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0)
		child_main(c->child_comm, c->pid, hold);
	c->child = pid;
	return 0;
}

static int write_file(const char *path, const char *data, size_t len)
{
	char tmp[PATH_MAX];
	FILE *f;
	int ok;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return -1;
	f = fopen(tmp, "w");
	if (!f)
		return -1;
	ok = fwrite(data, 1, len, f) == len;
	ok = (fclose(f) == 0) && ok;
	if (!ok || rename(tmp, path) < 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

static void run_sets(struct ctx *c, unsigned long mask, long hold)
{
	size_t i;

	for (i = 0; i < NSETS; i++) {
		if (!(mask & (1UL << i)) || set_defs[i].make == set_netlink)
			continue;
		c->set = set_defs[i].name;
		set_defs[i].make(c);
	}
	c->set = NULL;
	if (c->child_comm)
		fork_child(c, hold);
	for (i = 0; i < NSETS; i++) {
		if (!(mask & (1UL << i)) || set_defs[i].make != set_netlink)
			continue;
		c->set = set_defs[i].name;
		set_defs[i].make(c);
	}
	c->set = NULL;
}

struct opts {
	const char *sets, *manifest, *ready, *udir, *comm;
	long hold;
	int strict;
};

static int parse_args(int argc, char **argv, struct ctx *c, struct opts *o)
{
	static const struct option lo[] = {
		{ "sets", required_argument, NULL, 's' },
		{ "manifest", required_argument, NULL, 'm' },
		{ "ready", required_argument, NULL, 'r' },
		{ "hold", required_argument, NULL, 'H' },
		{ "port-base", required_argument, NULL, 'p' },
		{ "ifname", required_argument, NULL, 'i' },
		{ "unix-dir", required_argument, NULL, 'u' },
		{ "comm", required_argument, NULL, 'c' },
		{ "child", required_argument, NULL, 'C' },
		{ "syn-target", required_argument, NULL, 'S' },
		{ "strict", no_argument, NULL, 'x' },
		{ "list-sets", no_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;
	char *end;

	while ((ch = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		if (ch == 's') {
			o->sets = optarg;
		} else if (ch == 'm') {
			o->manifest = optarg;
		} else if (ch == 'r') {
			o->ready = optarg;
		} else if (ch == 'H') {
			o->hold = strtol(optarg, &end, 10);
			if (*end || o->hold < 0 || o->hold > HOLD_MAX)
				return -1;
		} else if (ch == 'p') {
			c->port_base = (int)strtol(optarg, &end, 10);
			if (*end || c->port_base < 1024 ||
			    c->port_base > 65535 - 80)
				return -1;
		} else if (ch == 'i') {
			c->ifname = optarg;
		} else if (ch == 'u') {
			o->udir = optarg;
		} else if (ch == 'c') {
			o->comm = optarg;
		} else if (ch == 'C') {
			c->child_comm = optarg;
		} else if (ch == 'S') {
			c->syn_target = optarg;
		} else if (ch == 'x') {
			o->strict = 1;
		} else if (ch == 'l' || ch == 'h') {
			usage(stdout);
			exit(0);
		} else {
			return -1;
		}
	}
	return optind == argc ? 0 : -1;
}

static void man_header(struct ctx *c, const struct opts *o)
{
	fprintf(c->man, "# mksocks-manifest 1\n# pid %d\n", (int)c->pid);
	if (c->child > 0)
		fprintf(c->man, "# child %d %s\n", (int)c->child,
			c->child_comm);
	fprintf(c->man, "# sets %s\n# port-base %d\n# unix-dir %s\n",
		o->sets, c->port_base, c->udir);
	fprintf(c->man, "# failed %d\n", c->nfail);
}

/* build the final manifest (header first) and write it */
static int finish_manifest(struct ctx *c, const struct opts *o)
{
	char *hbuf = NULL, *all;
	size_t hlen = 0;
	FILE *h;
	int r;

	if (fclose(c->man) != 0)
		return -1;
	c->man = NULL;
	h = open_memstream(&hbuf, &hlen);
	if (!h)
		return -1;
	c->man = h;
	man_header(c, o);
	fclose(h);
	c->man = NULL;
	all = malloc(hlen + c->man_len + 1);
	if (!all) {
		free(hbuf);
		return -1;
	}
	memcpy(all, hbuf, hlen);
	memcpy(all + hlen, c->man_buf, c->man_len);
	r = o->manifest ? write_file(o->manifest, all, hlen + c->man_len) : 0;
	if (!o->manifest && fwrite(all, 1, hlen + c->man_len, stdout) == 0)
		r = -1;
	free(all);
	free(hbuf);
	return r;
}

int main(int argc, char **argv)
{
	struct ctx c;
	struct opts o;
	unsigned long mask;
	int rc = 0;

	memset(&c, 0, sizeof(c));
	memset(&o, 0, sizeof(o));
	c.port_base = 5000;
	c.syn_target = "192.0.2.9";
	o.sets = "basic";
	o.hold = HOLD_MAX;
	if (parse_args(argc, argv, &c, &o) < 0) {
		usage(stderr);
		return 1;
	}
	mask = parse_sets(o.sets);
	if (!mask)
		return 1;
	c.pid = getpid();
	if (o.comm)
		prctl(PR_SET_NAME, o.comm, 0, 0, 0);
	setup_signals();
	raise_nofile();
	if (make_udir(&c, o.udir) < 0)
		return 1;
	c.man = open_memstream(&c.man_buf, &c.man_len);
	if (!c.man) {
		cleanup(&c);
		return 1;
	}
	run_sets(&c, mask, o.hold);
	if (finish_manifest(&c, &o) < 0) {
		fprintf(stderr, "mksocks: cannot write manifest: %s\n",
			strerror(errno));
		rc = 1;
	}
	if (!rc && o.ready && write_file(o.ready, "ready\n", 6) < 0) {
		fprintf(stderr, "mksocks: cannot write %s\n", o.ready);
		rc = 1;
	}
	fprintf(stderr, "mksocks: %d sockets described, %d failures\n",
		c.nsocks, c.nfail);
	if (!rc)
		hold_for(o.hold);
	cleanup(&c);
	free(c.man_buf);
	if (c.child > 0)
		kill(c.child, SIGTERM);
	if (!rc && o.strict && c.nfail)
		rc = 2;
	return rc;
}
