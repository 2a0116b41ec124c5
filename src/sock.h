/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The socket record: one type that every backend fills and every renderer
 * reads, whatever the data source (/proc text, netlink, a replay).
 */
#ifndef LSOCK_SOCK_H
#define LSOCK_SOCK_H

#include <stdint.h>

/*
 * Socket tables, in ss's numbering and naming. A query selects a set of them;
 * each maps to one kernel dump (or one group of /proc files).
 */
enum lsock_db {
	LSOCK_DB_TCP,
	LSOCK_DB_DCCP,
	LSOCK_DB_UDP,
	LSOCK_DB_RAW,
	LSOCK_DB_UNIX_DG,
	LSOCK_DB_UNIX_ST,
	LSOCK_DB_UNIX_SQ,
	LSOCK_DB_PACKET_DG,
	LSOCK_DB_PACKET_R,
	LSOCK_DB_NETLINK,
	LSOCK_DB_SCTP,
	LSOCK_DB_VSOCK_ST,
	LSOCK_DB_VSOCK_DG,
	LSOCK_DB_TIPC,
	LSOCK_DB_XDP,
	LSOCK_DB_MPTCP,
	LSOCK_DB_UDPLITE,	/* netstat only: ss has no UDP-Lite table */
	LSOCK_DB_MAX
};

#define LSOCK_DBM(db)		(1u << (db))
#define LSOCK_DBM_UNIX		(LSOCK_DBM(LSOCK_DB_UNIX_DG) | \
				 LSOCK_DBM(LSOCK_DB_UNIX_ST) | \
				 LSOCK_DBM(LSOCK_DB_UNIX_SQ))
#define LSOCK_DBM_PACKET	(LSOCK_DBM(LSOCK_DB_PACKET_DG) | \
				 LSOCK_DBM(LSOCK_DB_PACKET_R))
#define LSOCK_DBM_VSOCK		(LSOCK_DBM(LSOCK_DB_VSOCK_ST) | \
				 LSOCK_DBM(LSOCK_DB_VSOCK_DG))
#define LSOCK_DBM_INET_L4	(LSOCK_DBM(LSOCK_DB_TCP) | \
				 LSOCK_DBM(LSOCK_DB_MPTCP) | \
				 LSOCK_DBM(LSOCK_DB_UDP) | \
				 LSOCK_DBM(LSOCK_DB_DCCP) | \
				 LSOCK_DBM(LSOCK_DB_SCTP))
#define LSOCK_DBM_INET		(LSOCK_DBM_INET_L4 | LSOCK_DBM(LSOCK_DB_RAW))

/* Address families are selected as a bit mask indexed by AF_* numbers. */
#define LSOCK_FAM(af)		((uint64_t)1 << (af))

/* Socket states: the kernel's TCP state numbers, used for every family. */
enum lsock_state {
	LSOCK_SS_UNKNOWN,
	LSOCK_SS_ESTABLISHED,
	LSOCK_SS_SYN_SENT,
	LSOCK_SS_SYN_RECV,
	LSOCK_SS_FIN_WAIT1,
	LSOCK_SS_FIN_WAIT2,
	LSOCK_SS_TIME_WAIT,
	LSOCK_SS_CLOSE,
	LSOCK_SS_CLOSE_WAIT,
	LSOCK_SS_LAST_ACK,
	LSOCK_SS_LISTEN,
	LSOCK_SS_CLOSING,
	LSOCK_SS_MAX		/* ss 6.1 knows states 0..11 */
};

#define LSOCK_SSM(st)		(1u << (st))
#define LSOCK_SS_ALL		((1u << LSOCK_SS_MAX) - 1)
#define LSOCK_SS_CONN		(LSOCK_SS_ALL & ~(LSOCK_SSM(LSOCK_SS_LISTEN) | \
					LSOCK_SSM(LSOCK_SS_CLOSE) | \
					LSOCK_SSM(LSOCK_SS_TIME_WAIT) | \
					LSOCK_SSM(LSOCK_SS_SYN_RECV)))

/* Flags in struct lsock_sock.flags */
#define LSOCK_SKF_V6ONLY	0x01	/* the kernel says the socket is v6only */
#define LSOCK_SKF_NL_CONNECTED	0x02	/* netlink socket with a peer */
#define LSOCK_SKF_UNIX_LISTEN	0x04	/* unix __SO_ACCEPTCON flag */
#define LSOCK_SKF_TIMEOUT_MS	0x08	/* timeout is in ms (netlink), not ticks */
#define LSOCK_SKF_HAVE_MARK	0x10	/* mark is the kernel's (INET_DIAG_MARK) */
#define LSOCK_SKF_HAVE_CGROUP	0x20	/* cgroup is the kernel's */

struct nl_attr;

struct lsock_sock {
	uint8_t family;		/* AF_INET, AF_INET6, AF_UNIX, AF_PACKET, ... */
	uint8_t state;		/* enum lsock_state */
	uint8_t flags;		/* LSOCK_SKF_* */
	uint8_t sock_state;	/* unix: the raw SS_* socket state from /proc */
	uint16_t protocol;	/* inet: IPPROTO_*; packet: ethertype; netlink;
				 * unix: the /proc Protocol column (0) */
	uint16_t type;		/* SOCK_STREAM, SOCK_DGRAM, ... (unix, packet) */
	int rq;			/* receive queue, as ss prints it */
	int wq;			/* send queue */
	uint8_t local[16];	/* network byte order; IPv4 in the first 4 */
	uint8_t remote[16];
	int32_t lport;		/* inet port; netlink portid; packet ifindex */
	int32_t rport;		/* inet port; netlink peer portid */
	uint32_t iface;		/* bound interface index, 0 if none */
	uint64_t ino;		/* socket inode (0: TIME-WAIT, requests) */
	uint64_t peer_ino;	/* unix peer inode */
	uint32_t uid;
	int refcnt;
	uint64_t sk;		/* kernel pointer (/proc) or cookie (netlink) */
	uint64_t cb;		/* netlink: dump callback pointer (/proc) */
	uint32_t groups;	/* netlink: first 32 multicast groups */
	uint32_t dst_group;	/* netlink: peer group */
	uint32_t mark;		/* SO_MARK (netlink, CAP_NET_ADMIN only) */
	uint64_t cgroup;	/* cgroup v2 id (netlink) */
	/* TCP details from /proc (ss -o/-e/-i use them) */
	uint32_t timer;
	uint32_t timeout;	/* clock ticks (/proc) or ms (netlink) */
	uint64_t timeout_raw;	/* /proc: the tm->when column, all its bits */
	uint32_t retrans;
	uint32_t probes;
	int rto, ato, qack, cwnd, ssthresh;
	/* unix path: pointer into the backend's buffer, valid during the call */
	const char *name;
	uint32_t name_len;
	uint32_t flags_raw;	/* unix: Flags column */
	const char *opt;	/* extra /proc columns after the known ones */
	uint32_t opt_len;
	/*
	 * netlink: the reply's attributes indexed by type (INET_DIAG_*,
	 * UNIX_DIAG_*, ...), for the details ss -e -m -i print; NULL from
	 * /proc. Like name, valid during the callback only.
	 */
	const struct nl_attr *attrs;
	uint16_t nattrs;
};

#endif /* LSOCK_SOCK_H */
