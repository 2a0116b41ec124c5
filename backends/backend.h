/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The backend interface: every data source (the /proc parsers, sock_diag
 * netlink, a recorded replay) answers the same requests with the same socket
 * records. Backends return 0 or a negative errno; they never print. Warnings
 * about the data (a malformed /proc line) go to the caller's callback.
 */
#ifndef LSOCK_BACKEND_H
#define LSOCK_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sock.h"

/* One request per kernel dump group, in the order ss issues them. */
enum lsock_table {
	LSOCK_T_NETLINK,
	LSOCK_T_PACKET,
	LSOCK_T_UNIX,
	LSOCK_T_RAW,
	LSOCK_T_UDP,
	LSOCK_T_TCP,
	LSOCK_T_DCCP,
	LSOCK_T_SCTP,
	LSOCK_T_VSOCK,
	LSOCK_T_TIPC,
	LSOCK_T_XDP,
	LSOCK_T_MPTCP,
	LSOCK_T_UDPLITE,
	LSOCK_T_MAX
};

/* The /proc files a backend may read; the index of lsock_source.proc_file. */
enum lsock_procfile {
	LSOCK_PF_TCP,
	LSOCK_PF_TCP6,
	LSOCK_PF_UDP,
	LSOCK_PF_UDP6,
	LSOCK_PF_UDPLITE,
	LSOCK_PF_UDPLITE6,
	LSOCK_PF_RAW,
	LSOCK_PF_RAW6,
	LSOCK_PF_UNIX,
	LSOCK_PF_PACKET,
	LSOCK_PF_NETLINK,
	LSOCK_PF_SOCKSTAT,	/* the -s summary's counters */
	LSOCK_PF_SOCKSTAT6,
	LSOCK_PF_SNMP,
	LSOCK_PF_MAX
};

/* Request flags */
#define LSOCK_REQ_SS_UNIX_ORDER	0x01	/* sort unix rows as ss's /proc path */

/* Details to ask the kernel for (lsock_request.ext), as ss's options do */
#define LSOCK_REQX_MEM		0x01	/* -m: memory (MEMINFO, SKMEMINFO) */
#define LSOCK_REQX_INFO		0x02	/* -i: tcp_info, vegas, congestion */
#define LSOCK_REQX_TOS		0x04	/* --tos: TOS, TCLASS (+ CLASS_ID) */
#define LSOCK_REQX_VFS		0x08	/* -e: unix VFS inode and pending peers */

struct lsock_request {
	enum lsock_table table;
	uint32_t dbs;		/* LSOCK_DBM(...) of the selected tables */
	uint64_t families;	/* LSOCK_FAM(AF_...) */
	uint32_t states;	/* LSOCK_SSM(...) */
	int preferred_family;	/* ss's last family option, for netlink */
	unsigned int flags;
	unsigned int ext;	/* LSOCK_REQX_* */
	/* inet_diag bytecode for the inet tables, or NULL */
	const uint8_t *bytecode;
	size_t bytecode_len;
	int *bytecode_refused;	/* out: the errno the kernel refused it with */
	/*
	 * TCP and UDP dumps that carry the bytecode: a local and a remote port
	 * every match has (filter_port_hints; 0: none), put in the request's
	 * id so that the kernel passes over other sockets early.
	 */
	uint16_t hint_sport, hint_dport;
};

typedef void (*lsock_warn_cb)(void *arg, const char *path,
			      unsigned long line, const char *what);

/*
 * --record: what the backends read, as they read it. stream names one
 * netlink request ("tcp-inet", "unix", ...); name is a /proc path relative
 * to the proc root ("net/tcp").
 */
struct lsock_capture {
	void (*nl_data)(void *arg, const char *stream, const void *buf,
			size_t len);
	void (*nl_error)(void *arg, const char *stream, int err);
	void (*proc_data)(void *arg, const char *name, const void *buf,
			  size_t len);
	void *arg;
};

/* Where the data comes from. */
struct lsock_source {
	const char *proc_root;			/* "/proc" when live */
	const char *proc_file[LSOCK_PF_MAX];	/* explicit paths, or NULL */
	lsock_warn_cb warn;
	void *warn_arg;
	const struct lsock_capture *record;	/* --record, or NULL */
	const char *replay_dir;		/* --replay: netlink streams here */
	const char *tcpdiag_file;	/* a recorded TCP dump (TCPDIAG_FILE) */
	/* ss -D: every netlink reply datagram, verbatim, as it arrives */
	void (*diag_tee)(void *arg, const void *buf, size_t len);
	void *diag_tee_arg;
	/*
	 * Long netlink dumps without a reader thread (nl-sock.c): netstat
	 * mode keeps its peak memory near net-tools', and a thread's first
	 * run brings about 300 KiB of libc pages in.
	 */
	bool single_thread;
};

/* Return non-zero from the callback to stop the dump with that value. */
typedef int (*lsock_sock_cb)(const struct lsock_sock *sk, void *arg);

struct lsock_backend_ops {
	const char *name;
	/* false when this backend has no data at all for the table */
	bool (*serves)(enum lsock_table table);
	int (*dump)(const struct lsock_source *src,
		    const struct lsock_request *req,
		    lsock_sock_cb cb, void *arg);
};

enum lsock_backend_choice {
	LSOCK_BACKEND_AUTO,
	LSOCK_BACKEND_NETLINK,
	LSOCK_BACKEND_PROC,
};

int backend_parse_choice(const char *name, enum lsock_backend_choice *out);
const char *backend_procfile_name(enum lsock_procfile pf);
/* Whether a unix socket of this type belongs to a table not selected. */
int backend_unix_type_skip(const struct lsock_request *req, unsigned int type);
/* Reads a whole file into a new buffer; 0 or a negative errno. */
int backend_read_file(const char *path, uint8_t **buf, size_t *len);
/*
 * Where a /proc file is read from: its PROC_NET_* override if set, else
 * under the source's proc root ("/proc" when there is none). Allocated.
 */
char *backend_procfile_path(const struct lsock_source *src,
			    enum lsock_procfile pf);

extern const struct lsock_backend_ops procfs_backend_ops;
extern const struct lsock_backend_ops netlink_backend_ops;

#endif /* LSOCK_BACKEND_H */
