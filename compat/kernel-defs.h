/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel ABI numbers lsock needs, defined here by value so that lsock builds
 * against old kernel headers and still understands newer kernels. Numbers
 * come from the kernel's uapi (see the project's kernel reference, 1.3-1.4).
 */
#ifndef LSOCK_KERNEL_DEFS_H
#define LSOCK_KERNEL_DEFS_H

#ifndef NETLINK_SOCK_DIAG
#define NETLINK_SOCK_DIAG	4
#endif
#ifndef SOCK_DIAG_BY_FAMILY
#define SOCK_DIAG_BY_FAMILY	20
#endif
#ifndef TCPDIAG_GETSOCK
#define TCPDIAG_GETSOCK		18
#endif
#ifndef SOCK_DESTROY
#define SOCK_DESTROY		21	/* Linux 4.5 */
#endif
#ifndef NLM_F_DUMP_INTR
#define NLM_F_DUMP_INTR		0x10
#endif
#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK		11
#endif
#ifndef IPPROTO_MPTCP
#define IPPROTO_MPTCP		262
#endif

/* inet_diag response attributes */
#define LSOCK_INET_DIAG_MEMINFO		1
#define LSOCK_INET_DIAG_INFO		2
#define LSOCK_INET_DIAG_VEGASINFO	3
#define LSOCK_INET_DIAG_CONG		4
#define LSOCK_INET_DIAG_TOS		5
#define LSOCK_INET_DIAG_TCLASS		6
#define LSOCK_INET_DIAG_SKMEMINFO	7
#define LSOCK_INET_DIAG_SHUTDOWN	8
#define LSOCK_INET_DIAG_DCTCPINFO	9
#define LSOCK_INET_DIAG_PROTOCOL	10
#define LSOCK_INET_DIAG_SKV6ONLY	11
#define LSOCK_INET_DIAG_LOCALS		12
#define LSOCK_INET_DIAG_PEERS		13
#define LSOCK_INET_DIAG_PAD		14
#define LSOCK_INET_DIAG_MARK		15
#define LSOCK_INET_DIAG_BBRINFO		16
#define LSOCK_INET_DIAG_CLASS_ID	17
#define LSOCK_INET_DIAG_MD5SIG		18
#define LSOCK_INET_DIAG_ULP_INFO	19
#define LSOCK_INET_DIAG_SK_BPF_STORAGES	20
#define LSOCK_INET_DIAG_CGROUP_ID	21
#define LSOCK_INET_DIAG_SOCKOPT		22
/* idiag_ext: bit (attribute - 1) asks for an attribute */
#define LSOCK_IDIAG_EXT(attr)		(1u << ((attr) - 1))
#define LSOCK_INET_DIAG_MAX		31	/* parse table size; more skipped */

/* sock_diag multicast groups of destroyed sockets (Linux 4.2) */
#define LSOCK_SKNLGRP_INET_TCP_DESTROY	1
#define LSOCK_SKNLGRP_INET_UDP_DESTROY	2
#define LSOCK_SKNLGRP_INET6_TCP_DESTROY	3
#define LSOCK_SKNLGRP_INET6_UDP_DESTROY	4
/* a group's bit in sockaddr_nl.nl_groups */
#define LSOCK_NLGRP_BIT(group)		(1u << ((group) - 1))

/* inet_diag request attributes */
#define LSOCK_INET_DIAG_REQ_BYTECODE	1
#define LSOCK_INET_DIAG_REQ_PROTOCOL	3

/* unix_diag: show bits and attributes (attributes start at 0) */
#define LSOCK_UDIAG_SHOW_NAME		0x01
#define LSOCK_UDIAG_SHOW_VFS		0x02
#define LSOCK_UDIAG_SHOW_PEER		0x04
#define LSOCK_UDIAG_SHOW_ICONS		0x08
#define LSOCK_UDIAG_SHOW_RQLEN		0x10
#define LSOCK_UDIAG_SHOW_MEMINFO	0x20
#define LSOCK_UNIX_DIAG_NAME		0
#define LSOCK_UNIX_DIAG_VFS		1
#define LSOCK_UNIX_DIAG_PEER		2
#define LSOCK_UNIX_DIAG_ICONS		3
#define LSOCK_UNIX_DIAG_RQLEN		4
#define LSOCK_UNIX_DIAG_MEMINFO		5
#define LSOCK_UNIX_DIAG_SHUTDOWN	6
#define LSOCK_UNIX_DIAG_MAX		15

/* packet_diag */
#define LSOCK_PACKET_SHOW_INFO		0x01
#define LSOCK_PACKET_SHOW_MCLIST	0x02
#define LSOCK_PACKET_SHOW_RING_CFG	0x04
#define LSOCK_PACKET_SHOW_FANOUT	0x08
#define LSOCK_PACKET_SHOW_MEMINFO	0x10
#define LSOCK_PACKET_SHOW_FILTER	0x20
#define LSOCK_PACKET_DIAG_INFO		0
#define LSOCK_PACKET_DIAG_MCLIST	1
#define LSOCK_PACKET_DIAG_RX_RING	2
#define LSOCK_PACKET_DIAG_TX_RING	3
#define LSOCK_PACKET_DIAG_FANOUT	4
#define LSOCK_PACKET_DIAG_UID		5
#define LSOCK_PACKET_DIAG_MEMINFO	6
#define LSOCK_PACKET_DIAG_FILTER	7
#define LSOCK_PACKET_DIAG_MAX		15

/* netlink_diag */
#define LSOCK_NDIAG_PROTO_ALL		255
#define LSOCK_NDIAG_SHOW_MEMINFO	0x01
#define LSOCK_NDIAG_SHOW_GROUPS		0x02
#define LSOCK_NETLINK_DIAG_MEMINFO	0
#define LSOCK_NETLINK_DIAG_GROUPS	1
#define LSOCK_NETLINK_DIAG_MAX		15
#define LSOCK_NETLINK_CONNECTED		1

/* SK_MEMINFO_* indexes into a meminfo array */
#define LSOCK_SK_MEMINFO_RMEM_ALLOC	0
#define LSOCK_SK_MEMINFO_RCVBUF		1
#define LSOCK_SK_MEMINFO_WMEM_ALLOC	2
#define LSOCK_SK_MEMINFO_SNDBUF		3
#define LSOCK_SK_MEMINFO_FWD_ALLOC	4
#define LSOCK_SK_MEMINFO_WMEM_QUEUED	5
#define LSOCK_SK_MEMINFO_OPTMEM		6
#define LSOCK_SK_MEMINFO_BACKLOG	7
#define LSOCK_SK_MEMINFO_DROPS		8
#define LSOCK_SK_MEMINFO_VARS		9

#endif /* LSOCK_KERNEL_DEFS_H */
