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
	LSOCK_PF_MAX
};

/* Request flags */
#define LSOCK_REQ_SS_UNIX_ORDER	0x01	/* sort unix rows as ss's /proc path */

struct lsock_request {
	enum lsock_table table;
	uint32_t dbs;		/* LSOCK_DBM(...) of the selected tables */
	uint64_t families;	/* LSOCK_FAM(AF_...) */
	uint32_t states;	/* LSOCK_SSM(...) */
	unsigned int flags;
};

typedef void (*lsock_warn_cb)(void *arg, const char *path,
			      unsigned long line, const char *what);

/* Where the data comes from. */
struct lsock_source {
	const char *proc_root;			/* "/proc" when live */
	const char *proc_file[LSOCK_PF_MAX];	/* explicit paths, or NULL */
	lsock_warn_cb warn;
	void *warn_arg;
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
int backend_resolve(enum lsock_backend_choice choice,
		    const struct lsock_backend_ops **ops);
const char *backend_procfile_name(enum lsock_procfile pf);

extern const struct lsock_backend_ops procfs_backend_ops;

#endif /* LSOCK_BACKEND_H */
