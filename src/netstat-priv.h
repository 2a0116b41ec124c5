/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inside the netstat personality: the pieces the listing is made of. Only
 * netstat-*.c include this; the interface to the rest of lsock is
 * netstat.h.
 */
#ifndef LSOCK_NETSTAT_PRIV_H
#define LSOCK_NETSTAT_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "netstat.h"
#include "proc-owners.h"
#include "rowpack.h"
#include "sock.h"

/* netstat-names.c: names as netstat finds them (netstat.md 2.5, 2.7) */

enum netstat_svc {
	NETSTAT_SVC_TCP,	/* tcp rows */
	NETSTAT_SVC_UDP,	/* udp and udplite rows */
	NETSTAT_SVC_RAW,	/* raw rows: services "raw" and protocols */
	NETSTAT_SVC_MAX
};

struct netstat_host;
struct netstat_user;

struct netstat_names {
	bool numeric_hosts, numeric_ports, numeric_users;
	char **svc[NETSTAT_SVC_MAX];	/* by port; NULL until loaded */
	bool svc_loaded;
	struct netstat_host *hosts;	/* every address looked up */
	size_t nhosts, hosts_cap;
	struct netstat_user *users;
	size_t nusers, users_cap;
	char host[128];
	char port[64];
};

void netstat_names_init(struct netstat_names *n, const struct netstat_ctl *ctl);
void netstat_names_free(struct netstat_names *n);
/* An address as netstat prints it: numeric, "[::]", or a host name. */
const char *netstat_names_host(struct netstat_names *n, int family,
			       const uint8_t *addr);
/* A port: "*" for 0, a number, or the service name. */
const char *netstat_names_port(struct netstat_names *n, int port,
			       enum netstat_svc svc);
/* A user name for the uid, or NULL to print the number. */
const char *netstat_names_user(struct netstat_names *n, uint32_t uid);

/* Pure helpers (also unit tested) */

/*
 * The "host:port" column (netstat's addr_do_one): without wide, a text
 * longer than 23 bytes is cut to 23, the port to at most 18 of them.
 * Returns the length written (NUL-terminated, within size).
 */
size_t netstat_fmt_endpoint(char *buf, size_t size, const char *host,
			    const char *port, bool wide);
/* "PID/argv0" (basename when argv0 starts with '/'), cut to 19 bytes. */
void netstat_fmt_progname(char *buf, size_t size, int32_t pid,
			  const char *argv0);
/*
 * Makes control characters visible in place: bytes below 0x20 and 0x7f
 * become '.', and with high also bytes above 0x7e.
 */
void netstat_escape(char *s, bool high);
/* The -o text of a TCP row (tcp) or of a UDP or raw row. */
void netstat_fmt_timer(char *buf, size_t size, bool tcp, unsigned int timer,
		       double secs, unsigned long retr, int probes);
/* IPv4-mapped addresses print as their IPv4 part (netstat's rule). */
const char *netstat_v4mapped_text(const char *text, const uint8_t *addr16);

/* netstat-list.c: one listing run */

/* One Internet row as netstat prints it (netstat-inet.c). */
struct netstat_row {
	uint8_t family;
	uint8_t state;
	uint8_t timer;		/* -o: the timer kind */
	int32_t probes;		/* -o */
	uint32_t rq, wq;
	uint16_t lport, rport;	/* TCP and UDP ports; raw: the protocol */
	uint8_t local[16], remote[16];	/* IPv4 in the first 4 */
	uint32_t uid;
	uint64_t ino;
	uint64_t when;		/* -o: clock ticks left */
	uint64_t retr;		/* -o: retransmits */
};

/* netstat-inet.c: how a row read ahead is packed (rowpack.h) */
extern const struct rowpack_layout netstat_ahead_layout;

enum netstat_ahead_slot { NETSTAT_AHEAD_TCP, NETSTAT_AHEAD_UDP,
			  NETSTAT_AHEAD_UDPLITE, NETSTAT_AHEAD_MAX };

struct netstat_run {
	const struct netstat_ctl *ctl;
	struct output *out;
	struct netstat_names names;
	struct proc_owners owners;
	bool owners_loaded;
	struct proc_owners_job *owners_job;	/* a scan still running */
	int owners_rc;				/* what its start returned */
	char (*prognames)[20];	/* per owner task: its -p text, once made */
	/* rows read ahead over netlink while the -p scan runs: [table][v6] */
	struct rowpack ahead[NETSTAT_AHEAD_MAX][2];
	long clk_tck;
	/* for the backends' warnings while one table is read */
	const char *bogus;		/* "tcp", "udp", "raw", "unix" */
	int file_err;			/* a table file failed: -errno */
};

/* Whether anything was named on the command line (netstat's flag_arg). */
bool netstat_list_explicit(const struct netstat_ctl *ctl);
/* -p: the owner of a socket, as netstat names it, or "-". */
const char *netstat_list_owner(struct netstat_run *r, uint64_t ino);
/* The User, Inode, PID/Program name and Timer columns, and the newline. */
void netstat_list_suffix(struct netstat_run *r, uint32_t uid, uint64_t ino,
			 const char *timer);

/* netstat-src.c: where one table file's sockets come from */

/*
 * Calls cb for the sockets of one table and family (AF_UNIX for the unix
 * table) from /proc, or from netlink when /proc cannot serve them and the
 * backend choice allows it. Returns 0, -ENOENT when the table is not there,
 * or another negative errno (*path then names the /proc file, to be freed
 * by the caller, or is NULL for a netlink failure).
 */
int netstat_src_dump(struct netstat_run *r, enum lsock_table t, int family,
		     lsock_sock_cb cb, void *arg, char **path);
/*
 * The first step of netstat_src_dump: with --backend=auto on a live system,
 * TCP and UDP over sock_diag. 0 when the whole table came that way (say so
 * with netstat_src_auto_why, for --why); negative when netstat_src_dump has
 * to take it from /proc instead (rows cb has seen are then to be dropped).
 */
int netstat_src_auto(struct netstat_run *r, enum lsock_table t, int family,
		     lsock_sock_cb cb, void *arg);
void netstat_src_auto_why(const struct netstat_run *r, enum lsock_table t,
			  int family);
/* The /proc file netstat would read for a table and family. */
enum lsock_procfile netstat_src_procfile(enum lsock_table t, int family);

/* netstat-inet.c and netstat-unix.c: the tables, netstat's exit codes */

int netstat_inet_tcp(struct netstat_run *r);
int netstat_inet_udp(struct netstat_run *r, bool lite);
int netstat_inet_raw(struct netstat_run *r);
/* While the -p scan runs: the TCP and UDP tables that come over netlink. */
void netstat_inet_read_ahead(struct netstat_run *r);
/* Drops what was read ahead and not printed. */
void netstat_inet_ahead_free(struct netstat_run *r);
int netstat_unix_section(struct netstat_run *r);
/*
 * Shared by both: the missing-table message and exit code for a table
 * netstat calls name ("AF INET (tcp)"), given what reading it returned.
 */
int netstat_table_failed(struct netstat_run *r, const char *name, int rc,
			 const char *path, enum lsock_table t);

#endif /* LSOCK_NETSTAT_PRIV_H */
