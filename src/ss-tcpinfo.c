/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss -m and -i: socket memory and TCP internals (ss.md 4.4, 4.5).
 *
 * Over netlink the text comes from the reply's attributes: SK_MEMINFO for
 * -m, tcp_info and the congestion control's own info for -i. Each piece is
 * printed with one ss_table_printf(), as ss prints it with one out(), so
 * that the token buffer fills the way ss's does. From /proc there is only
 * what /proc/net/tcp has (rto, ato, the delayed-ACK state, cwnd, ssthresh,
 * retransmits), printed the way ss 6.1's /proc path prints it.
 */
#include "config.h"

#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "kernel-defs.h"
#include "ss-ext.h"
#include "ss-tcpinfo.h"

_Static_assert(sizeof(struct lsock_tcp_info) == 232, "tcp_info through snd_wnd");
_Static_assert(offsetof(struct lsock_tcp_info, rto) == 8, "tcp_info.rto");
_Static_assert(offsetof(struct lsock_tcp_info, pacing_rate) == 104,
	       "tcp_info.pacing_rate");
_Static_assert(offsetof(struct lsock_tcp_info, bytes_sent) == 200,
	       "tcp_info.bytes_sent");
_Static_assert(sizeof(struct lsock_tcp_bbr_info) == 20, "tcp_bbr_info");
_Static_assert(sizeof(struct lsock_tcp_dctcp_info) == 16, "tcp_dctcp_info");

/* tcp_info's rto of a socket that has not measured anything yet: 3 s */
#define SS_TCPINFO_RTO_INITIAL	3000000u

const struct nl_attr *ss_tcpinfo_attr(const struct lsock_sock *sk, int type)
{
	if (!sk->attrs || type < 0 || type >= sk->nattrs ||
	    !sk->attrs[type].data)
		return NULL;
	return &sk->attrs[type];
}

/* " mem:(...)": the kernel's older and smaller view (INET_DIAG_MEMINFO). */
static void ss_tcpinfo_meminfo(struct ss_table *t, const struct lsock_sock *sk)
{
	const struct nl_attr *a = ss_tcpinfo_attr(sk, LSOCK_INET_DIAG_MEMINFO);
	struct lsock_inet_meminfo m;

	if (!a)
		return;
	nl_attr_copy(a, &m, sizeof(m));
	ss_table_printf(t, " mem:(r%u,w%u,f%u,t%u)", m.rmem, m.wmem, m.fmem,
			m.tmem);
}

void ss_skmem_print(struct ss_table *t, const struct lsock_sock *sk,
		    int skmem_attr)
{
	const struct nl_attr *a = ss_tcpinfo_attr(sk, skmem_attr);
	uint32_t m[LSOCK_SK_MEMINFO_VARS];

	if (!a) {
		if (skmem_attr == LSOCK_INET_DIAG_SKMEMINFO &&
		    (sk->family == AF_INET || sk->family == AF_INET6))
			ss_tcpinfo_meminfo(t, sk);
		return;
	}
	nl_attr_copy(a, m, sizeof(m));
	ss_table_printf(t, " skmem:(r%u,rb%u,t%u,tb%u,f%u,w%u,o%u",
			m[LSOCK_SK_MEMINFO_RMEM_ALLOC],
			m[LSOCK_SK_MEMINFO_RCVBUF],
			m[LSOCK_SK_MEMINFO_WMEM_ALLOC],
			m[LSOCK_SK_MEMINFO_SNDBUF],
			m[LSOCK_SK_MEMINFO_FWD_ALLOC],
			m[LSOCK_SK_MEMINFO_WMEM_QUEUED],
			m[LSOCK_SK_MEMINFO_OPTMEM]);
	/* backlog came with Linux 3.6, drops with 4.7 */
	if (a->len >= (LSOCK_SK_MEMINFO_BACKLOG + 1) * sizeof(uint32_t))
		ss_table_printf(t, ",bl%u", m[LSOCK_SK_MEMINFO_BACKLOG]);
	if (a->len >= (LSOCK_SK_MEMINFO_DROPS + 1) * sizeof(uint32_t))
		ss_table_printf(t, ",d%u", m[LSOCK_SK_MEMINFO_DROPS]);
	ss_table_puts(t, ")");
}

/* TCP options, shown only with -o (or -e): ts sack ecn ecnseen fastopen */
static void ss_tcpinfo_options(struct ss_table *t, uint8_t opt)
{
	if (opt & LSOCK_TCPI_OPT_TIMESTAMPS)
		ss_table_puts(t, " ts");
	if (opt & LSOCK_TCPI_OPT_SACK)
		ss_table_puts(t, " sack");
	if (opt & LSOCK_TCPI_OPT_ECN)
		ss_table_puts(t, " ecn");
	if (opt & LSOCK_TCPI_OPT_ECN_SEEN)
		ss_table_puts(t, " ecnseen");
	if (opt & LSOCK_TCPI_OPT_SYN_DATA)
		ss_table_puts(t, " fastopen");
}

/* The congestion control's name; ss keeps at most 15 bytes of it. */
static void ss_tcpinfo_cong(struct ss_table *t, const struct lsock_sock *sk)
{
	const struct nl_attr *a = ss_tcpinfo_attr(sk, LSOCK_INET_DIAG_CONG);
	const char *name;
	size_t n;

	if (!a)
		return;
	name = a->data;
	n = strnlen(name, a->len < 15 ? a->len : 15);
	if (n)
		ss_table_printf(t, " %.*s", (int)n, name);
}

/* Options, congestion control, window scales and the timers. */
static void ss_tcpinfo_head(struct ss_table *t, const struct lsock_sock *sk,
			    const struct lsock_tcp_info *ti, bool options)
{
	if (options)
		ss_tcpinfo_options(t, ti->options);
	ss_tcpinfo_cong(t, sk);
	if (ti->options & LSOCK_TCPI_OPT_WSCALE)
		ss_table_printf(t, " wscale:%d,%d", ti->snd_wscale,
				ti->rcv_wscale);
	if (ti->rto && ti->rto != SS_TCPINFO_RTO_INITIAL)
		ss_table_printf(t, " rto:%g", (double)ti->rto / 1000);
	if (ti->backoff)
		ss_table_printf(t, " backoff:%u", ti->backoff);
	if (ti->rtt)
		ss_table_printf(t, " rtt:%g/%g", (double)ti->rtt / 1000,
				(double)ti->rttvar / 1000);
	if (ti->ato)
		ss_table_printf(t, " ato:%g", (double)ti->ato / 1000);
}

/* Segment sizes, windows, byte and segment counters. */
static void ss_tcpinfo_sizes(struct ss_table *t,
			     const struct lsock_tcp_info *ti)
{
	if (ti->snd_mss)
		ss_table_printf(t, " mss:%d", (int)ti->snd_mss);
	if (ti->pmtu)
		ss_table_printf(t, " pmtu:%u", ti->pmtu);
	if (ti->rcv_mss)
		ss_table_printf(t, " rcvmss:%d", (int)ti->rcv_mss);
	if (ti->advmss)
		ss_table_printf(t, " advmss:%d", (int)ti->advmss);
	if (ti->snd_cwnd)
		ss_table_printf(t, " cwnd:%u", ti->snd_cwnd);
	/* 0xffff and above mean "infinite" (still in slow start) */
	if (ti->snd_ssthresh && ti->snd_ssthresh < 0xffff)
		ss_table_printf(t, " ssthresh:%d", (int)ti->snd_ssthresh);
}

static void ss_tcpinfo_counters(struct ss_table *t,
				const struct lsock_tcp_info *ti)
{
	if (ti->bytes_sent)
		ss_table_printf(t, " bytes_sent:%llu",
				(unsigned long long)ti->bytes_sent);
	if (ti->bytes_retrans)
		ss_table_printf(t, " bytes_retrans:%llu",
				(unsigned long long)ti->bytes_retrans);
	if (ti->bytes_acked)
		ss_table_printf(t, " bytes_acked:%llu",
				(unsigned long long)ti->bytes_acked);
	if (ti->bytes_received)
		ss_table_printf(t, " bytes_received:%llu",
				(unsigned long long)ti->bytes_received);
	if (ti->segs_out)
		ss_table_printf(t, " segs_out:%u", ti->segs_out);
	if (ti->segs_in)
		ss_table_printf(t, " segs_in:%u", ti->segs_in);
	if (ti->data_segs_out)
		ss_table_printf(t, " data_segs_out:%u", ti->data_segs_out);
	if (ti->data_segs_in)
		ss_table_printf(t, " data_segs_in:%u", ti->data_segs_in);
}

static void ss_tcpinfo_dctcp(struct ss_table *t, const struct nl_attr *a)
{
	struct lsock_tcp_dctcp_info d;

	nl_attr_copy(a, &d, sizeof(d));
	if (!d.enabled) {
		ss_table_puts(t, " dctcp:fallback_mode");
		return;
	}
	ss_table_printf(t, " dctcp:(ce_state:%u,alpha:%u,ab_ecn:%u,ab_tot:%u)",
			d.ce_state, d.alpha, d.ab_ecn, d.ab_tot);
}

static void ss_tcpinfo_bbr(struct ss_table *t, const struct nl_attr *a,
			   bool numeric)
{
	struct lsock_tcp_bbr_info b;
	char bw[SS_BW_BUFSZ];
	uint64_t bytes;

	nl_attr_copy(a, &b, sizeof(b));
	bytes = (uint64_t)b.bw_hi << 32 | b.bw_lo;
	ss_table_printf(t, " bbr:(bw:%sbps,mrtt:%g",
			ss_bw_format(bw, sizeof(bw), (double)bytes * 8.0,
				     numeric),
			(double)b.min_rtt / 1000.0);
	if (b.pacing_gain)
		ss_table_printf(t, ",pacing_gain:%g",
				(double)b.pacing_gain / 256.0);
	if (b.cwnd_gain)
		ss_table_printf(t, ",cwnd_gain:%g",
				(double)b.cwnd_gain / 256.0);
	ss_table_puts(t, ")");
}

/*
 * cwnd * mss per round trip, in bits per second; the round trip is Vegas's
 * own measurement when the congestion control has one.
 */
static bool ss_tcpinfo_send_bps(const struct lsock_sock *sk,
				const struct lsock_tcp_info *ti, double *bps)
{
	const struct nl_attr *a = ss_tcpinfo_attr(sk, LSOCK_INET_DIAG_VEGASINFO);
	double rtt = (double)ti->rtt;

	if (a) {
		struct lsock_tcp_vegas_info v;

		nl_attr_copy(a, &v, sizeof(v));
		if (v.enabled && v.rtt && v.rtt != 0x7fffffff)
			rtt = (double)v.rtt;
	}
	if (!(rtt > 0) || !ti->snd_mss || !ti->snd_cwnd)
		return false;
	*bps = (double)ti->snd_cwnd * (double)ti->snd_mss * 8000000. / rtt;
	return true;
}

/* dctcp, bbr, the computed send rate and the times since the last data. */
static void ss_tcpinfo_cc(struct ss_table *t, const struct lsock_sock *sk,
			  const struct lsock_tcp_info *ti, bool numeric)
{
	const struct nl_attr *dctcp = ss_tcpinfo_attr(sk, LSOCK_INET_DIAG_DCTCPINFO);
	const struct nl_attr *bbr = ss_tcpinfo_attr(sk, LSOCK_INET_DIAG_BBRINFO);
	char bw[SS_BW_BUFSZ];
	double bps;

	if (dctcp)
		ss_tcpinfo_dctcp(t, dctcp);
	if (bbr)
		ss_tcpinfo_bbr(t, bbr, numeric);
	if (ss_tcpinfo_send_bps(sk, ti, &bps))
		ss_table_printf(t, " send %sbps",
				ss_bw_format(bw, sizeof(bw), bps, numeric));
	if (ti->last_data_sent)
		ss_table_printf(t, " lastsnd:%u", ti->last_data_sent);
	if (ti->last_data_recv)
		ss_table_printf(t, " lastrcv:%u", ti->last_data_recv);
	if (ti->last_ack_recv)
		ss_table_printf(t, " lastack:%u", ti->last_ack_recv);
}

/* A rate the kernel reports in bytes per second; ~0 means unlimited. */
static bool ss_tcpinfo_rate_set(uint64_t rate)
{
	return rate && rate != ~(uint64_t)0;
}

static void ss_tcpinfo_rates(struct ss_table *t,
			     const struct lsock_tcp_info *ti, bool numeric)
{
	char bw[SS_BW_BUFSZ];

	if (ss_tcpinfo_rate_set(ti->pacing_rate)) {
		ss_table_printf(t, " pacing_rate %sbps",
				ss_bw_format(bw, sizeof(bw),
					     (double)ti->pacing_rate * 8.,
					     numeric));
		if (ss_tcpinfo_rate_set(ti->max_pacing_rate))
			ss_table_printf(t, "/%sbps",
					ss_bw_format(bw, sizeof(bw),
						     (double)ti->max_pacing_rate * 8.,
						     numeric));
	}
	if (ti->delivery_rate)
		ss_table_printf(t, " delivery_rate %sbps",
				ss_bw_format(bw, sizeof(bw),
					     (double)ti->delivery_rate * 8.,
					     numeric));
	if (ti->delivered)
		ss_table_printf(t, " delivered:%u", ti->delivered);
	if (ti->delivered_ce)
		ss_table_printf(t, " delivered_ce:%u", ti->delivered_ce);
	if (ti->app_limited)
		ss_table_puts(t, " app_limited");
}

/* Time spent sending, and the parts of it the windows held back. */
static void ss_tcpinfo_busy(struct ss_table *t,
			    const struct lsock_tcp_info *ti)
{
	double busy = (double)ti->busy_time;

	if (!ti->busy_time)
		return;
	ss_table_printf(t, " busy:%llums",
			(unsigned long long)(ti->busy_time / 1000));
	if (ti->rwnd_limited)
		ss_table_printf(t, " rwnd_limited:%llums(%.1f%%)",
				(unsigned long long)(ti->rwnd_limited / 1000),
				100.0 * (double)ti->rwnd_limited / busy);
	if (ti->sndbuf_limited)
		ss_table_printf(t, " sndbuf_limited:%llums(%.1f%%)",
				(unsigned long long)(ti->sndbuf_limited / 1000),
				100.0 * (double)ti->sndbuf_limited / busy);
}

/* Segments in flight, lost or reordered. */
static void ss_tcpinfo_losses(struct ss_table *t, const struct lsock_sock *sk,
			      const struct lsock_tcp_info *ti)
{
	if (ti->unacked)
		ss_table_printf(t, " unacked:%u", ti->unacked);
	if (ti->retrans || ti->total_retrans)
		ss_table_printf(t, " retrans:%u/%u", ti->retrans,
				ti->total_retrans);
	if (ti->lost)
		ss_table_printf(t, " lost:%u", ti->lost);
	/* a listener's "sacked" is its accept backlog */
	if (ti->sacked && sk->state != LSOCK_SS_LISTEN)
		ss_table_printf(t, " sacked:%u", ti->sacked);
	if (ti->dsack_dups)
		ss_table_printf(t, " dsack_dups:%u", ti->dsack_dups);
	if (ti->fackets)
		ss_table_printf(t, " fackets:%u", ti->fackets);
	if (ti->reordering != 3)
		ss_table_printf(t, " reordering:%d", (int)ti->reordering);
	if (ti->reord_seen)
		ss_table_printf(t, " reord_seen:%d", (int)ti->reord_seen);
}

/* The receiver's side, and the minimum RTT and windows. */
static void ss_tcpinfo_tail(struct ss_table *t,
			    const struct lsock_tcp_info *ti)
{
	if (ti->rcv_rtt)
		ss_table_printf(t, " rcv_rtt:%g", (double)ti->rcv_rtt / 1000);
	if (ti->rcv_space)
		ss_table_printf(t, " rcv_space:%d", (int)ti->rcv_space);
	if (ti->rcv_ssthresh)
		ss_table_printf(t, " rcv_ssthresh:%u", ti->rcv_ssthresh);
	if (ti->notsent_bytes)
		ss_table_printf(t, " notsent:%u", ti->notsent_bytes);
	if (ti->min_rtt && ti->min_rtt != ~(uint32_t)0)
		ss_table_printf(t, " minrtt:%g", (double)ti->min_rtt / 1000);
	if (ti->rcv_ooopack)
		ss_table_printf(t, " rcv_ooopack:%u", ti->rcv_ooopack);
	if (ti->snd_wnd)
		ss_table_printf(t, " snd_wnd:%u", ti->snd_wnd);
}

/* -i for a TCP socket over netlink: tcp_info, then MD5 keys and ULP. */
static void ss_tcpinfo_tcp(struct ss_table *t, const struct lsock_sock *sk,
			   const struct ss_show *w, bool numeric)
{
	const struct nl_attr *info = ss_tcpinfo_attr(sk, LSOCK_INET_DIAG_INFO);
	const struct nl_attr *md5 = ss_tcpinfo_attr(sk, LSOCK_INET_DIAG_MD5SIG);
	const struct nl_attr *ulp = ss_tcpinfo_attr(sk, LSOCK_INET_DIAG_ULP_INFO);
	struct lsock_tcp_info ti;

	if (info) {
		nl_attr_copy(info, &ti, sizeof(ti));
		ss_tcpinfo_head(t, sk, &ti, w->timers);
		ss_tcpinfo_sizes(t, &ti);
		ss_tcpinfo_counters(t, &ti);
		ss_tcpinfo_cc(t, sk, &ti, numeric);
		ss_tcpinfo_rates(t, &ti, numeric);
		ss_tcpinfo_busy(t, &ti);
		ss_tcpinfo_losses(t, sk, &ti);
		ss_tcpinfo_tail(t, &ti);
	}
	if (md5)
		ss_tcpext_md5_print(t, md5);
	if (ulp)
		ss_tcpext_ulp_print(t, ulp);
}

/*
 * -i from /proc/net/tcp, as ss 6.1 prints it: rto and ato are in clock
 * ticks there and ss divides them by the tick rate (so they read in
 * seconds, rto hidden at its initial 3 s); the qack column holds the
 * quick-ACK count shifted left by one (the low bit is "pingpong"), and ss
 * prints "bidir" when the count itself is odd; the retransmit count is the
 * probe count unless the retransmit timer runs; reordering is unknown (0).
 */
static void ss_tcpinfo_proc(struct ss_table *t, const struct lsock_sock *sk)
{
	long hz = sysconf(_SC_CLK_TCK);
	int qack = sk->qack / 2;
	uint32_t retrans = sk->timer != 1 ? sk->probes : sk->retrans;

	if (hz <= 0)
		hz = 100;
	if (sk->rto && sk->rto != 3 * hz)
		ss_table_printf(t, " rto:%g", (double)sk->rto / (double)hz);
	if (sk->ato)
		ss_table_printf(t, " ato:%g", (double)sk->ato / (double)hz);
	if (qack)
		ss_table_printf(t, " qack:%d", qack);
	if (qack & 1)
		ss_table_puts(t, " bidir");
	if (sk->cwnd)
		ss_table_printf(t, " cwnd:%u", (unsigned int)sk->cwnd);
	/* -1: still in slow start */
	if (sk->ssthresh && sk->ssthresh != -1)
		ss_table_printf(t, " ssthresh:%d", sk->ssthresh);
	if (retrans)
		ss_table_printf(t, " retrans:%u/%u", retrans, 0u);
	ss_table_printf(t, " reordering:%d", 0);
}

void ss_inet_info_print(struct ss_table *t, const struct lsock_sock *sk,
			const struct ss_show *w, bool numeric)
{
	if (!sk->attrs) {
		/* ss's /proc path has no -m, and -i only for TCP */
		if (w->tcpinfo && sk->protocol == IPPROTO_TCP)
			ss_tcpinfo_proc(t, sk);
		return;
	}
	if (!w->mem && !(w->tcpinfo && sk->protocol != IPPROTO_UDP))
		return;
	if (!w->oneline)
		ss_table_puts(t, "\n\t");
	if (w->mem)
		ss_skmem_print(t, sk, LSOCK_INET_DIAG_SKMEMINFO);
	if (!w->tcpinfo)
		return;
	if (sk->protocol == IPPROTO_MPTCP)
		ss_tcpext_mptcp_print(t, ss_tcpinfo_attr(sk, LSOCK_INET_DIAG_INFO));
	else if (sk->protocol != IPPROTO_SCTP)
		ss_tcpinfo_tcp(t, sk, w, numeric);
}
