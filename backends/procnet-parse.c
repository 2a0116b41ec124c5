/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Line parsers for /proc/net socket tables. Formats by kernel version are in
 * the project's kernel reference; in short, columns are separated by runs of
 * blanks, later kernels append columns, older ones lack some trailing ones,
 * and addresses are the native-endian hex of network-order words.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include "procnet-parse.h"

#define PROCNET_MAX_FIELDS	24

struct procnet_fields {
	const char *p[PROCNET_MAX_FIELDS];
	size_t len[PROCNET_MAX_FIELDS];
	size_t end[PROCNET_MAX_FIELDS];	/* offset just past each field */
	int n;
};

static int procnet_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Split at most max fields on runs of blanks. */
static void procnet_split(const char *line, size_t len, int max,
			  struct procnet_fields *f)
{
	size_t i = 0;

	f->n = 0;
	while (f->n < max) {
		size_t start;

		while (i < len && procnet_is_blank(line[i]))
			i++;
		if (i >= len)
			break;
		start = i;
		while (i < len && !procnet_is_blank(line[i]))
			i++;
		f->p[f->n] = line + start;
		f->len[f->n] = i - start;
		f->end[f->n] = i;
		f->n++;
	}
}

static int procnet_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Parse len hex digits (1..16) into *out. */
static int procnet_hex(const char *p, size_t len, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (len == 0 || len > 16)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		int d = procnet_hexval(p[i]);

		if (d < 0)
			return -EINVAL;
		v = v << 4 | (uint64_t)d;
	}
	*out = v;
	return 0;
}

/* Parse an optionally signed decimal number. */
static int procnet_dec(const char *p, size_t len, int64_t *out)
{
	uint64_t v = 0;
	size_t i = 0;
	int neg = 0;

	if (len > 0 && p[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i >= len || len - i > 20)
		return -EINVAL;
	for (; i < len; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -EINVAL;
		v = v * 10 + (uint64_t)(p[i] - '0');
	}
	*out = neg ? -(int64_t)v : (int64_t)v;
	return 0;
}

/* "A:B" with both parts hex; returns the two values. */
static int procnet_hexpair(const char *p, size_t len, uint64_t *a,
			   uint64_t *b)
{
	const char *colon = memchr(p, ':', len);

	if (!colon)
		return -EINVAL;
	if (procnet_hex(p, (size_t)(colon - p), a) < 0)
		return -EINVAL;
	return procnet_hex(colon + 1, len - (size_t)(colon - p) - 1, b);
}

/* Decode one 8-digit group as the kernel's native-endian view of a be32. */
static int procnet_addr_word(const char *p, uint8_t *dst)
{
	uint64_t v;
	uint32_t w;

	if (procnet_hex(p, 8, &v) < 0)
		return -EINVAL;
	w = (uint32_t)v;
	memcpy(dst, &w, 4);
	return 0;
}

/* "0100007F:0016" (IPv4) or 32 hex digits ":" port (IPv6). */
static int procnet_endpoint(const char *p, size_t len, int family,
			    uint8_t *addr, int32_t *port)
{
	size_t alen = family == AF_INET ? 8 : 32;
	uint64_t v;
	size_t i;

	if (len < alen + 2 || p[alen] != ':')
		return -EINVAL;
	memset(addr, 0, 16);
	for (i = 0; i < alen; i += 8)
		if (procnet_addr_word(p + i, addr + i / 2) < 0)
			return -EINVAL;
	if (procnet_hex(p + alen + 1, len - alen - 1, &v) < 0 || v > 0xffff)
		return -EINVAL;
	*port = (int32_t)v;
	return 0;
}

static int procnet_field_dec(const struct procnet_fields *f, int i,
			     int64_t *v)
{
	return procnet_dec(f->p[i], f->len[i], v);
}

static int procnet_field_hex(const struct procnet_fields *f, int i,
			     uint64_t *v)
{
	return procnet_hex(f->p[i], f->len[i], v);
}

/* Optional TCP columns: rto ato qack cwnd ssthresh (kernel.md 2.2). */
static void procnet_tcp_extra(const struct procnet_fields *f,
			      struct lsock_sock *sk)
{
	int64_t v[5] = { 0, 0, 0, 2, -1 };
	int i;

	if (f->n < 12)
		return;
	for (i = 0; i < 5 && 12 + i < f->n; i++)
		if (procnet_field_dec(f, 12 + i, &v[i]) < 0)
			break;
	sk->rto = (int)v[0];
	sk->ato = (int)v[1];
	sk->qack = (int)v[2];
	sk->cwnd = (int)v[3];
	sk->ssthresh = (int)v[4];
}

static void procnet_set_opt(const char *line, size_t len,
			    const struct procnet_fields *f, int after,
			    struct lsock_sock *sk)
{
	size_t i;

	sk->opt = NULL;
	sk->opt_len = 0;
	if (f->n <= after)
		return;
	i = f->end[after - 1];
	while (i < len && procnet_is_blank(line[i]))
		i++;
	while (len > i && procnet_is_blank(line[len - 1]))
		len--;
	sk->opt = line + i;
	sk->opt_len = (uint32_t)(len - i);
}

static int procnet_inet_queues(const struct procnet_fields *f,
			       struct lsock_sock *sk)
{
	uint64_t st, tx, rx, tr, when, retr;

	if (procnet_field_hex(f, 3, &st) < 0 || st > 0xff ||
	    procnet_hexpair(f->p[4], f->len[4], &tx, &rx) < 0 ||
	    procnet_hexpair(f->p[5], f->len[5], &tr, &when) < 0 ||
	    procnet_field_hex(f, 6, &retr) < 0)
		return -EINVAL;
	sk->state = (uint8_t)st;
	sk->wq = (int)(uint32_t)tx;
	sk->rq = (int)(uint32_t)rx;
	sk->timer = (uint32_t)tr;
	/*
	 * Before 3.7 an overdue timer was printed as a huge unsigned: the low
	 * 32 bits are kept, which is what ss's arithmetic works on.
	 */
	sk->timeout = (uint32_t)when;
	sk->timeout_raw = when;	/* netstat prints it whole */
	sk->retrans = (uint32_t)retr;
	return 0;
}

int procnet_parse_inet_line(const char *line, size_t len, int family,
			    int is_tcp, struct lsock_sock *sk)
{
	struct procnet_fields f;
	int64_t uid, probes, ino, ref = 0;
	uint64_t ptr = 0;

	memset(sk, 0, sizeof(*sk));
	procnet_split(line, len, PROCNET_MAX_FIELDS, &f);
	if (f.n < 10 || f.len[0] < 2 || f.p[0][f.len[0] - 1] != ':')
		return -EINVAL;
	sk->family = (uint8_t)family;
	if (procnet_endpoint(f.p[1], f.len[1], family, sk->local,
			     &sk->lport) < 0 ||
	    procnet_endpoint(f.p[2], f.len[2], family, sk->remote,
			     &sk->rport) < 0 ||
	    procnet_inet_queues(&f, sk) < 0 ||
	    procnet_field_dec(&f, 7, &uid) < 0 || uid < 0 ||
	    procnet_field_dec(&f, 8, &probes) < 0 ||
	    procnet_field_dec(&f, 9, &ino) < 0 || ino < 0)
		return -EINVAL;
	if (f.n > 10 && procnet_field_dec(&f, 10, &ref) < 0)
		return -EINVAL;
	if (f.n > 11 && procnet_field_hex(&f, 11, &ptr) < 0)
		return -EINVAL;
	sk->uid = (uint32_t)uid;
	sk->probes = (uint32_t)probes;
	sk->ino = (uint64_t)ino;
	sk->refcnt = (int)ref;
	sk->sk = ptr;
	if (is_tcp) {
		procnet_tcp_extra(&f, sk);
		procnet_set_opt(line, len, &f, 17, sk);
	} else {
		procnet_set_opt(line, len, &f, 12, sk);
	}
	return 0;
}

int procnet_unix_state(unsigned int flags, unsigned int st)
{
	static const uint8_t map[] = {
		LSOCK_SS_CLOSE, LSOCK_SS_SYN_SENT,
		LSOCK_SS_ESTABLISHED, LSOCK_SS_CLOSING,
	};

	if (flags & (1u << 16))
		return LSOCK_SS_LISTEN;
	if (st >= 1 && st <= 4)
		return map[st - 1];
	return (int)st;
}

/* The path starts one blank after the Inode column and runs to the end. */
static void procnet_unix_name(const char *line, size_t len,
			      const struct procnet_fields *f,
			      struct lsock_sock *sk)
{
	size_t i = f->end[6];
	const char *nul;

	while (len > i && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		len--;
	if (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i >= len)
		return;
	sk->name = line + i;
	sk->name_len = (uint32_t)(len - i);
	/* kernels before 4.10 wrote embedded NULs raw; ss stops at the first */
	nul = memchr(sk->name, '\0', sk->name_len);
	if (nul)
		sk->name_len = (uint32_t)(nul - sk->name);
	if (sk->name_len == 0)
		sk->name = NULL;
}

int procnet_parse_unix_line(const char *line, size_t len,
			    struct lsock_sock *sk)
{
	struct procnet_fields f;
	uint64_t num, ref, proto, flags, type, st;
	int64_t ino;

	memset(sk, 0, sizeof(*sk));
	procnet_split(line, len, 7, &f);
	if (f.n < 7 || f.len[0] < 2 || f.p[0][f.len[0] - 1] != ':')
		return -EINVAL;
	if (procnet_hex(f.p[0], f.len[0] - 1, &num) < 0 ||
	    procnet_field_hex(&f, 1, &ref) < 0 ||
	    procnet_field_hex(&f, 2, &proto) < 0 ||
	    procnet_field_hex(&f, 3, &flags) < 0 ||
	    procnet_field_hex(&f, 4, &type) < 0 || type > 0xffff ||
	    procnet_field_hex(&f, 5, &st) < 0 || st > 0xff ||
	    procnet_field_dec(&f, 6, &ino) < 0 || ino < 0)
		return -EINVAL;
	sk->family = AF_UNIX;
	sk->sk = num;
	sk->refcnt = (int)ref;
	sk->protocol = proto > 0xffff ? 0xffff : (uint16_t)proto;
	sk->flags_raw = (uint32_t)flags;
	sk->type = (uint16_t)type;
	sk->sock_state = (uint8_t)st;
	sk->ino = (uint64_t)ino;
	sk->lport = 0;	/* ss's /proc reader gives unix sockets no port */
	sk->state = (uint8_t)procnet_unix_state((unsigned int)flags,
						(unsigned int)st);
	if (flags & (1u << 16))
		sk->flags |= LSOCK_SKF_UNIX_LISTEN;
	procnet_unix_name(line, len, &f, sk);
	return 0;
}

int procnet_parse_packet_line(const char *line, size_t len,
			      struct lsock_sock *sk)
{
	struct procnet_fields f;
	uint64_t ptr, proto;
	int64_t ref, type, iface, running, rmem, uid, ino = 0;

	memset(sk, 0, sizeof(*sk));
	procnet_split(line, len, 10, &f);
	if (f.n < 8 ||
	    procnet_field_hex(&f, 0, &ptr) < 0 ||
	    procnet_field_dec(&f, 1, &ref) < 0 ||
	    procnet_field_dec(&f, 2, &type) < 0 ||
	    procnet_field_hex(&f, 3, &proto) < 0 || proto > 0xffff ||
	    procnet_field_dec(&f, 4, &iface) < 0 ||
	    procnet_field_dec(&f, 5, &running) < 0 ||
	    procnet_field_dec(&f, 6, &rmem) < 0 ||
	    procnet_field_dec(&f, 7, &uid) < 0 ||
	    (f.n > 8 && procnet_field_dec(&f, 8, &ino) < 0))
		return -EINVAL;
	sk->family = AF_PACKET;
	sk->sk = ptr;
	sk->refcnt = (int)ref;
	sk->type = (uint16_t)type;
	sk->protocol = (uint16_t)proto;
	sk->iface = (uint32_t)iface;
	sk->lport = (int32_t)iface;
	sk->rq = (int)rmem;
	sk->uid = (uint32_t)uid;
	sk->ino = (uint64_t)ino;
	sk->state = LSOCK_SS_CLOSE;
	(void)running;
	return 0;
}

/* Dump: a pointer on old kernels, "(null)" when there was none, then a flag */
static int procnet_netlink_cb(const struct procnet_fields *f, uint64_t *cb)
{
	if (f->len[6] == 6 && memcmp(f->p[6], "(null)", 6) == 0) {
		*cb = 0;
		return 0;
	}
	return procnet_field_hex(f, 6, cb);
}

int procnet_parse_netlink_line(const char *line, size_t len,
			       struct lsock_sock *sk)
{
	struct procnet_fields f;
	uint64_t ptr, groups, cb;
	int64_t proto, pid, rmem, wmem, locks, drops = 0, ino = 0;

	memset(sk, 0, sizeof(*sk));
	procnet_split(line, len, 12, &f);
	if (f.n < 8 ||
	    procnet_field_hex(&f, 0, &ptr) < 0 ||
	    procnet_field_dec(&f, 1, &proto) < 0 || proto < 0 ||
	    procnet_field_dec(&f, 2, &pid) < 0 ||
	    procnet_field_hex(&f, 3, &groups) < 0 ||
	    procnet_field_dec(&f, 4, &rmem) < 0 ||
	    procnet_field_dec(&f, 5, &wmem) < 0 ||
	    procnet_netlink_cb(&f, &cb) < 0 ||
	    procnet_field_dec(&f, 7, &locks) < 0 ||
	    (f.n > 8 && procnet_field_dec(&f, 8, &drops) < 0) ||
	    (f.n > 9 && procnet_field_dec(&f, 9, &ino) < 0))
		return -EINVAL;
	sk->family = AF_NETLINK;
	sk->sk = ptr;
	sk->protocol = (uint16_t)proto;
	sk->lport = (int32_t)(uint32_t)pid;
	sk->rport = -1;
	sk->groups = (uint32_t)groups;
	sk->rq = (int)rmem;
	sk->wq = (int)wmem;
	sk->cb = cb;
	sk->refcnt = (int)locks;
	sk->ino = (uint64_t)ino;
	sk->state = LSOCK_SS_CLOSE;
	(void)drops;
	return 0;
}
