/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel structs behind ss -m and -i, laid out by lsock from the kernel
 * ABI (kernel.md 1.3 and 1.5), and the helpers the -i text is made of.
 *
 * A reply's struct is copied into a zeroed one of these with nl_attr_copy(),
 * so a kernel that sends less (an older tcp_info) reads as zeros, which ss
 * prints as nothing, and one that sends more is cut.
 */
#ifndef LSOCK_SS_TCPINFO_H
#define LSOCK_SS_TCPINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backends/nl.h"
#include "kernel-defs.h"
#include "sock.h"
#include "ss-table.h"

/*
 * struct tcp_info, up to the last field ss 6.1 prints (snd_wnd, Linux 5.4:
 * 232 bytes). 2.6 kernels send 104 bytes, 6.18 sends 280.
 */
struct lsock_tcp_info {
	uint8_t state;
	uint8_t ca_state;
	uint8_t retransmits;
	uint8_t probes;
	uint8_t backoff;
	uint8_t options;		/* LSOCK_TCPI_OPT_* */
	uint8_t snd_wscale : 4, rcv_wscale : 4;
	uint8_t app_limited : 1, fastopen_client_fail : 2;
	uint32_t rto;			/* microseconds, like every time here */
	uint32_t ato;
	uint32_t snd_mss;
	uint32_t rcv_mss;
	uint32_t unacked;
	uint32_t sacked;
	uint32_t lost;
	uint32_t retrans;
	uint32_t fackets;
	uint32_t last_data_sent;	/* milliseconds ago */
	uint32_t last_ack_sent;
	uint32_t last_data_recv;
	uint32_t last_ack_recv;
	uint32_t pmtu;
	uint32_t rcv_ssthresh;
	uint32_t rtt;
	uint32_t rttvar;
	uint32_t snd_ssthresh;
	uint32_t snd_cwnd;
	uint32_t advmss;
	uint32_t reordering;
	uint32_t rcv_rtt;
	uint32_t rcv_space;
	uint32_t total_retrans;		/* 104 bytes up to here */
	uint64_t pacing_rate;		/* bytes per second */
	uint64_t max_pacing_rate;
	uint64_t bytes_acked;
	uint64_t bytes_received;
	uint32_t segs_out;
	uint32_t segs_in;
	uint32_t notsent_bytes;
	uint32_t min_rtt;
	uint32_t data_segs_in;
	uint32_t data_segs_out;
	uint64_t delivery_rate;
	uint64_t busy_time;
	uint64_t rwnd_limited;
	uint64_t sndbuf_limited;
	uint32_t delivered;
	uint32_t delivered_ce;
	uint64_t bytes_sent;
	uint64_t bytes_retrans;
	uint32_t dsack_dups;
	uint32_t reord_seen;
	uint32_t rcv_ooopack;
	uint32_t snd_wnd;
};

/* INET_DIAG_MEMINFO */
struct lsock_inet_meminfo {
	uint32_t rmem, wmem, fmem, tmem;
};

/* INET_DIAG_VEGASINFO (vegas and the congestion controls built on it) */
struct lsock_tcp_vegas_info {
	uint32_t enabled;
	uint32_t rttcnt;
	uint32_t rtt;
	uint32_t minrtt;
};

/* INET_DIAG_DCTCPINFO */
struct lsock_tcp_dctcp_info {
	uint16_t enabled;
	uint16_t ce_state;
	uint32_t alpha;
	uint32_t ab_ecn;
	uint32_t ab_tot;
};

/* INET_DIAG_BBRINFO */
struct lsock_tcp_bbr_info {
	uint32_t bw_lo;			/* bytes per second, low 32 bits */
	uint32_t bw_hi;
	uint32_t min_rtt;		/* microseconds */
	uint32_t pacing_gain;		/* << 8 */
	uint32_t cwnd_gain;
};

/* One entry of INET_DIAG_MD5SIG */
struct lsock_tcp_md5sig {
	uint8_t family;
	uint8_t prefixlen;
	uint16_t keylen;
	uint8_t addr[16];		/* network order; IPv4 in the first 4 */
	uint8_t key[LSOCK_TCP_MD5SIG_MAXKEYLEN];
};

/* INET_DIAG_INFO of an MPTCP socket, as far as ss 6.1 prints it */
struct lsock_mptcp_info {
	uint8_t subflows;
	uint8_t add_addr_signal;
	uint8_t add_addr_accepted;
	uint8_t subflows_max;
	uint8_t add_addr_signal_max;
	uint8_t add_addr_accepted_max;
	uint32_t flags;			/* LSOCK_MPTCP_INFO_FLAG_* */
	uint32_t token;
	uint64_t write_seq;
	uint64_t snd_una;
	uint64_t rcv_nxt;
};

/* ss-bw.c: a rate in bits per second as ss prints it, before "bps". */
#define SS_BW_BUFSZ	64
const char *ss_bw_format(char *buf, size_t size, double bps, bool numeric);

/* ss-tcpinfo.c: the attribute of a netlink record, or NULL if absent. */
const struct nl_attr *ss_tcpinfo_attr(const struct lsock_sock *sk, int type);

/* ss-tcpext.c: what travels next to tcp_info */
/* " md5keys:ADDR/PLEN=KEY,..." (the keys go straight to t->out, see there) */
void ss_tcpext_md5_print(struct ss_table *t, const struct nl_attr *a);
/* " tcp-ulp-NAME" and the TLS or MPTCP subflow details */
void ss_tcpext_ulp_print(struct ss_table *t, const struct nl_attr *a);
/* the INET_DIAG_INFO of an MPTCP socket */
void ss_tcpext_mptcp_print(struct ss_table *t, const struct nl_attr *a);

#endif /* LSOCK_SS_TCPINFO_H */
