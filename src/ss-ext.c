/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The text after the columns of a row: which pieces each family shows for
 * which option, in ss 6.1's order (ss.md section 4). Records from netlink
 * carry the reply's attributes; records from /proc carry the /proc columns.
 */
#include "config.h"

#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "backends/nl.h"
#include "cgroup-path.h"
#include "fmt.h"
#include "kernel-defs.h"
#include "xalloc.h"
#include "proc-owners.h"
#include "ss-ext.h"

const struct nl_attr *ss_ext_attr(const struct lsock_sock *sk, int type)
{
	if (!sk->attrs || type < 0 || type >= sk->nattrs ||
	    !sk->attrs[type].data)
		return NULL;
	return &sk->attrs[type];
}

/* "\n\t" starts a continuation line; under -O a space instead. */
void ss_ext_newline(const struct ss_printer *p)
{
	ss_table_puts(p->table, p->show->oneline ? " " : "\n\t");
}

/*
 * A command name as printed: control characters become '.' and bytes above
 * 0x7f '?' (as iproute2 7.x does), so a name cannot break the row.
 */
static size_t ss_ext_comm(char *buf, size_t size, const char *comm)
{
	size_t i;

	for (i = 0; comm[i] && i < size - 1; i++) {
		unsigned char c = (unsigned char)comm[i];

		buf[i] = c < 0x20 || c == 0x7f ? '.' : c > 0x7f ? '?' : (char)c;
	}
	buf[i] = '\0';
	return i;
}

/* A task's ("comm",pid=N (and ,tid=N with -T), made once per task. */
static const char *ss_ext_task_text(struct ss_printer *p, uint32_t task)
{
	const struct proc_owner_task *t = &p->users->tasks[task];
	char buf[64 + 2 * FMT_INT_MAX + 16];
	size_t n;

	if (!p->user_text)
		p->user_text = xcalloc(p->users->ntasks + 1,
				       sizeof(*p->user_text));
	if (p->user_text[task])
		return p->user_text[task];
	memcpy(buf, "(\"", 2);
	n = 2 + ss_ext_comm(buf + 2, 64, t->comm);
	memcpy(buf + n, "\",pid=", 6);
	n += 6 + fmt_i64(buf + n + 6, t->pid);
	if (p->show->threads) {
		memcpy(buf + n, ",tid=", 5);
		n += 5 + fmt_i64(buf + n + 5, t->tid);
	}
	buf[n] = '\0';
	p->user_text[task] = xstrdup(buf);
	return p->user_text[task];
}

/* -p: users:(("comm",pid=N,fd=N),...), newest scan entry first. */
static void ss_ext_users(struct ss_printer *p, const struct lsock_sock *sk)
{
	const struct proc_owners *o = p->users;
	uint32_t i = proc_owners_first(o, sk->ino);
	char fd[FMT_INT_MAX + 8];
	bool first = true;
	size_t n;

	if (i == PROC_OWNERS_NONE) {
		if (sk->ino)
			p->unowned++;
		return;
	}
	ss_table_puts(p->table, " users:(");
	for (; i != PROC_OWNERS_NONE; i = proc_owners_next(o, i)) {
		if (!first)
			ss_table_put(p->table, ",", 1);
		first = false;
		ss_table_puts(p->table, ss_ext_task_text(p, o->own[i].task));
		memcpy(fd, ",fd=", 4);
		n = 4 + fmt_i64(fd + 4, o->own[i].fd);
		fd[n++] = ')';
		ss_table_put(p->table, fd, n);
	}
	ss_table_puts(p->table, ")");
}

/* A timer's time left in ms, as ss 6.1 words it (ss.md 4.3). */
static void ss_ext_ms_timer(char *buf, size_t size, unsigned int ms)
{
	unsigned int min = ms / 60000, sec = ms / 1000 % 60, frac = ms % 1000;
	size_t n = 0;

	buf[0] = '\0';
	if (min) {
		n += (size_t)snprintf(buf, size, "%umin", min);
		frac = 0;
		if (min > 9)
			sec = 0;
	}
	if (sec) {
		if (sec > 9)
			frac = 0;
		n += (size_t)snprintf(buf + n, size - n, "%u%s", sec,
				      frac ? "." : "sec");
	}
	if (frac)
		snprintf(buf + n, size - n, "%03ums", frac);
}

/* -o: timer:(name,expires,retrans) for TCP sockets with a timer. */
static void ss_ext_timer(struct ss_printer *p, const struct lsock_sock *sk)
{
	static const char *const names[] = {
		"off", "on", "keepalive", "timewait", "persist", "unknown"
	};
	unsigned int ms = sk->timeout, retrans = sk->retrans;
	char when[64];

	if (!sk->timer)
		return;
	if (!(sk->flags & LSOCK_SKF_TIMEOUT_MS)) {
		long hz = sysconf(_SC_CLK_TCK);
		unsigned int uhz = hz > 0 ? (unsigned int)hz : 100;

		/* ticks to ms rounding up, in 32 bits as ss does: an overdue
		 * timer of an old kernel wraps the same way */
		ms = (ms * 1000u + uhz - 1) / uhz;
		if (sk->timer != 1)
			retrans = sk->probes;
	}
	ss_ext_ms_timer(when, sizeof(when), ms);
	ss_table_printf(p->table, " timer:(%s,%s,%u)",
			names[sk->timer > 4 ? 5 : sk->timer], when, retrans);
}

static const char *ss_ext_cgroup_path(struct ss_printer *p, uint64_t id)
{
	const char *path;
	int err;

	path = cgroup_names_lookup(&p->cgroups, id, &err);
	if (err && !p->cgroup_warned) {
		fprintf(stderr, "lsock: cgroup2 is not mounted; cgroups are "
			"shown as unreachable:ID\n");
		p->cgroup_warned = true;
	}
	if (path)
		return path;
	snprintf(p->cgroup_buf, sizeof(p->cgroup_buf), "unreachable:%llx",
		 (unsigned long long)id);
	return p->cgroup_buf;
}

/* -e: uid, inode, cookie or kernel pointer, mark, cgroup. */
void ss_ext_sock_details(struct ss_printer *p, const struct lsock_sock *sk)
{
	if (sk->uid)
		ss_table_printf(p->table, " uid:%u", sk->uid);
	ss_table_printf(p->table, " ino:%u sk:%llx", (unsigned int)sk->ino,
			(unsigned long long)sk->sk);
	if (sk->mark)
		ss_table_printf(p->table, " fwmark:0x%x", sk->mark);
	if (sk->cgroup)
		ss_table_printf(p->table, " cgroup:%s",
				ss_ext_cgroup_path(p, sk->cgroup));
}

/* The shutdown mask as "<->": '<' receive open, '>' send open. */
static void ss_ext_shutdown(struct ss_printer *p, const struct nl_attr *a)
{
	uint8_t mask = nl_attr_u8(a, 0);

	ss_table_printf(p->table, " %c-%c", mask & 1 ? '-' : '<',
			mask & 2 ? '-' : '>');
}

static void ss_ext_inet_details(struct ss_printer *p,
				const struct lsock_sock *sk)
{
	const struct nl_attr *a;

	if (!sk->attrs && sk->protocol != IPPROTO_TCP)
		return;	/* ss's /proc reader for UDP and raw shows nothing */
	ss_ext_sock_details(p, sk);
	if (!sk->attrs) {
		if (sk->opt_len)
			ss_table_printf(p->table, " opt:\"%.*s\"",
					(int)sk->opt_len, sk->opt);
		return;
	}
	a = ss_ext_attr(sk, LSOCK_INET_DIAG_SKV6ONLY);
	if (sk->family == AF_INET6 && a)
		ss_table_printf(p->table, " v6only:%u", nl_attr_u8(a, 0));
	a = ss_ext_attr(sk, LSOCK_INET_DIAG_SHUTDOWN);
	if (a)
		ss_ext_shutdown(p, a);
}

/* --tos: tos, tclass (IPv6) and class_id, each as the kernel sent it. */
static void ss_ext_tos(struct ss_printer *p, const struct lsock_sock *sk)
{
	const struct nl_attr *a;

	a = ss_ext_attr(sk, LSOCK_INET_DIAG_TOS);
	if (a)
		ss_table_printf(p->table, " tos:%#x", nl_attr_u8(a, 0));
	a = ss_ext_attr(sk, LSOCK_INET_DIAG_TCLASS);
	if (a)
		ss_table_printf(p->table, " tclass:%#x", nl_attr_u8(a, 0));
	a = ss_ext_attr(sk, LSOCK_INET_DIAG_CLASS_ID);
	if (a)
		ss_table_printf(p->table, " class_id:%#x", nl_attr_u32(a, 0));
}

/* --inet-sockopt: the flags of struct inet_diag_sockopt, in its order. */
static void ss_ext_sockopt(struct ss_printer *p, const struct lsock_sock *sk)
{
	static const char *const names[] = {
		"recverr", "is_icsk", "freebind", "hdrincl", "mc_loop",
		"transparent", "mc_all", "nodefrag", "bind_addr_no_port",
		"recverr_rfc4884", "defer_connect",
	};
	const struct nl_attr *a = ss_ext_attr(sk, LSOCK_INET_DIAG_SOCKOPT);
	uint8_t b[2] = { 0, 0 };
	unsigned int i;

	if (!a)
		return;
	nl_attr_copy(a, b, sizeof(b));
	ss_table_puts(p->table, p->show->oneline ? " inet-sockopt: (" :
		      "\n\tinet-sockopt: (");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		int bit = b[i / 8] & (0x80 >> (i % 8));
#else
		int bit = b[i / 8] & (1 << (i % 8));
#endif
		if (bit)
			ss_table_printf(p->table, " %s", names[i]);
	}
	ss_table_puts(p->table, ")");
}

static void ss_ext_inet(struct ss_printer *p, const struct lsock_sock *sk)
{
	const struct ss_show *w = p->show;
	const struct nl_attr *a;

	if (w->timers)
		ss_ext_timer(p, sk);
	if (w->details)
		ss_ext_inet_details(p, sk);
	if (w->tos)
		ss_ext_tos(p, sk);
	a = ss_ext_attr(sk, LSOCK_INET_DIAG_CGROUP_ID);
	if (w->cgroup && a)
		ss_table_printf(p->table, " cgroup:%s",
				ss_ext_cgroup_path(p, sk->cgroup));
	if (w->sockopt)
		ss_ext_sockopt(p, sk);
	ss_inet_info_print(p->table, sk, w, p->res->numeric);
}

/* -e for unix: shutdown, the bound file's inode and device, peers. */
static void ss_ext_unix_details(struct ss_printer *p,
				const struct lsock_sock *sk)
{
	const struct nl_attr *a;
	uint32_t vfs[2] = { 0, 0 };
	size_t i;

	a = ss_ext_attr(sk, LSOCK_UNIX_DIAG_SHUTDOWN);
	if (a)
		ss_ext_shutdown(p, a);
	a = ss_ext_attr(sk, LSOCK_UNIX_DIAG_VFS);
	if (a) {
		nl_attr_copy(a, vfs, sizeof(vfs));
		ss_table_printf(p->table, " ino:%u dev:%u/%u", vfs[0],
				major(vfs[1]), minor(vfs[1]));
	}
	a = ss_ext_attr(sk, LSOCK_UNIX_DIAG_ICONS);
	if (!a)
		return;
	ss_table_puts(p->table, " peers:");
	for (i = 0; i + 4 <= a->len; i += 4) {
		uint32_t peer;

		memcpy(&peer, (const uint8_t *)a->data + i, 4);
		ss_table_printf(p->table, " %u", peer);
	}
}

static void ss_ext_unix(struct ss_printer *p, const struct lsock_sock *sk)
{
	if (p->show->mem)
		ss_skmem_print(p->table, sk, LSOCK_UNIX_DIAG_MEMINFO);
	if (p->show->details)
		ss_ext_unix_details(p, sk);
}

static void ss_ext_netlink(struct ss_printer *p, const struct lsock_sock *sk)
{
	if (p->show->details)
		ss_table_printf(p->table, " sk=%llx cb=%llx groups=0x%08x",
				(unsigned long long)(sk->attrs ? 0 : sk->sk),
				(unsigned long long)sk->cb, sk->groups);
	if (p->show->mem && sk->attrs) {
		ss_table_puts(p->table, "\t");
		ss_skmem_print(p->table, sk, LSOCK_NETLINK_DIAG_MEMINFO);
	}
}

void ss_ext_print(struct ss_printer *p, const struct lsock_sock *sk)
{
	ss_table_set(p->table, SS_COL_PROC);
	if (p->users && sk->family != AF_NETLINK)
		ss_ext_users(p, sk);
	switch (sk->family) {
	case AF_INET:
	case AF_INET6:
		ss_ext_inet(p, sk);
		break;
	case AF_UNIX:
		ss_ext_unix(p, sk);
		break;
	case AF_PACKET:
		ss_ext_packet(p, sk);
		break;
	case AF_NETLINK:
		ss_ext_netlink(p, sk);
		break;
	default:
		break;
	}
}
