/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss -m and -i: the text made from crafted attribute tables (tcp_info of
 * several lengths, congestion control infos, SK_MEMINFO arrays, MD5 keys,
 * ULP info) and from /proc records, and the bandwidth formatter. The
 * expected texts are ss 6.1's formats (ss.md 4.4, 4.5).
 */
#include "config.h"

#include <check.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "kernel-defs.h"
#include "output.h"
#include "ss-ext.h"
#include "ss-tcpinfo.h"
#include "check-run.h"

#define TB_MAX		LSOCK_INET_DIAG_MAX

static struct output out;
static int tmpfd;
static struct ss_table tbl;
static struct nl_attr tb[TB_MAX + 1];
static struct lsock_sock sk;
static struct ss_show show;
static char text[8192];
static uint8_t info[512];	/* a tcp_info payload, by kernel offsets */

static void setup(void)
{
	tmpfd = check_capture_open();
	output_init(&out, tmpfd);
	ss_table_init(&tbl, &out, -1);
	ss_table_set(&tbl, SS_COL_PROC);
	memset(tb, 0, sizeof(tb));
	memset(&sk, 0, sizeof(sk));
	memset(&show, 0, sizeof(show));
	memset(info, 0, sizeof(info));
	sk.family = AF_INET;
	sk.protocol = IPPROTO_TCP;
	sk.state = LSOCK_SS_ESTABLISHED;
	sk.attrs = tb;
	sk.nattrs = TB_MAX + 1;
}

static void teardown(void)
{
	ss_table_free(&tbl);
	close(tmpfd);
}

/* The Process column's text: the only token with bytes in it. */
static const char *proc_text(void)
{
	ck_assert_uint_lt(tbl.text_len, sizeof(text));
	if (tbl.text_len)
		memcpy(text, tbl.text, tbl.text_len);
	text[tbl.text_len] = '\0';
	return text;
}

/* What went to the output stream (the rendered table and anything else). */
static const char *written(void)
{
	return check_capture_read(&out, tmpfd, text, sizeof(text));
}

static void attr(int type, const void *data, size_t len)
{
	tb[type].data = data;
	tb[type].len = (uint16_t)len;
}

static void put8(size_t off, uint8_t v)
{
	info[off] = v;
}

static void put32(size_t off, uint32_t v)
{
	memcpy(info + off, &v, sizeof(v));
}

static void put64(size_t off, uint64_t v)
{
	memcpy(info + off, &v, sizeof(v));
}

/* Appends one netlink attribute to buf at *off (4-byte aligned). */
static void nla(uint8_t *buf, size_t *off, uint16_t type, const void *data,
		uint16_t len)
{
	uint16_t hdr[2] = { (uint16_t)(len + 4), type };

	memcpy(buf + *off, hdr, sizeof(hdr));
	if (len)
		memcpy(buf + *off + 4, data, len);
	*off += (size_t)((len + 4 + 3) & ~3);
}

/*
 * A tcp_info with every field ss prints set, written at the kernel's
 * offsets (include/uapi/linux/tcp.h), so that the layout itself is tested.
 */
static void fill_tcp_info(bool app_limited)
{
	bool le = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;

	put8(0, 1);			/* state */
	put8(4, 2);			/* backoff */
	put8(5, 0x3f);			/* ts sack wscale ecn ecnseen syn_data */
	put8(6, le ? (7 | 9 << 4) : (7 << 4 | 9));	/* wscale 7,9 */
	put8(7, app_limited ? (le ? 1 : 0x80) : 0);
	put32(8, 204000);		/* rto */
	put32(12, 40000);		/* ato */
	put32(16, 1448);		/* snd_mss */
	put32(20, 536);			/* rcv_mss */
	put32(24, 3);			/* unacked */
	put32(28, 2);			/* sacked */
	put32(32, 1);			/* lost */
	put32(36, 1);			/* retrans */
	put32(40, 4);			/* fackets */
	put32(44, 10);			/* last_data_sent */
	put32(48, 11);			/* last_ack_sent: never printed */
	put32(52, 12);			/* last_data_recv */
	put32(56, 13);			/* last_ack_recv */
	put32(60, 1500);		/* pmtu */
	put32(64, 64076);		/* rcv_ssthresh */
	put32(68, 1500);		/* rtt */
	put32(72, 750);			/* rttvar */
	put32(76, 20);			/* snd_ssthresh */
	put32(80, 10);			/* snd_cwnd */
	put32(84, 1460);		/* advmss */
	put32(88, 5);			/* reordering */
	put32(92, 2500);		/* rcv_rtt */
	put32(96, 29200);		/* rcv_space */
	put32(100, 6);			/* total_retrans: 104 bytes so far */
	put64(104, 125000000);		/* pacing_rate: 1 Gbit/s */
	put64(112, 250000000);		/* max_pacing_rate */
	put64(120, 1000);		/* bytes_acked */
	put64(128, 2000);		/* bytes_received */
	put32(136, 30);			/* segs_out */
	put32(140, 40);			/* segs_in */
	put32(144, 50);			/* notsent_bytes */
	put32(148, 1200);		/* min_rtt */
	put32(152, 60);			/* data_segs_in */
	put32(156, 70);			/* data_segs_out */
	put64(160, 1250);		/* delivery_rate: 10 kbit/s */
	put64(168, 2000000);		/* busy_time */
	put64(176, 500000);		/* rwnd_limited */
	put64(184, 1000000);		/* sndbuf_limited */
	put32(192, 80);			/* delivered */
	put32(196, 90);			/* delivered_ce */
	put64(200, 3000);		/* bytes_sent */
	put64(208, 100);		/* bytes_retrans */
	put32(216, 7);			/* dsack_dups */
	put32(220, 8);			/* reord_seen */
	put32(224, 9);			/* rcv_ooopack */
	put32(228, 65535);		/* snd_wnd: 232 bytes */
	memset(info + 232, 0xff, 48);	/* rcv_wnd ... AccECN (6.18): ignored */
}

#define FULL_HEAD \
	" cubic wscale:7,9 rto:204 backoff:2 rtt:1.5/0.75 ato:40 mss:1448" \
	" pmtu:1500 rcvmss:536 advmss:1460 cwnd:10 ssthresh:20"
#define FULL_COUNTERS \
	" bytes_sent:3000 bytes_retrans:100 bytes_acked:1000" \
	" bytes_received:2000 segs_out:30 segs_in:40 data_segs_out:70" \
	" data_segs_in:60"
#define FULL_TAIL(send, pacing, delivery) \
	" send " send "bps lastsnd:10 lastrcv:12 lastack:13" \
	" pacing_rate " pacing "bps delivery_rate " delivery "bps" \
	" delivered:80 delivered_ce:90 app_limited busy:2000ms" \
	" rwnd_limited:500ms(25.0%) sndbuf_limited:1000ms(50.0%)" \
	" unacked:3 retrans:1/6 lost:1 sacked:2 dsack_dups:7 fackets:4" \
	" reordering:5 reord_seen:8 rcv_rtt:2.5 rcv_space:29200" \
	" rcv_ssthresh:64076 notsent:50 minrtt:1.2 rcv_ooopack:9" \
	" snd_wnd:65535"

static const char cubic[] = "cubic";

/* Linux 6.18 sends 280 bytes: every field ss 6.1 knows, and more. */
START_TEST(test_tcp_info_full_280)
{
	fill_tcp_info(true);
	attr(LSOCK_INET_DIAG_INFO, info, 280);
	attr(LSOCK_INET_DIAG_CONG, cubic, sizeof(cubic));
	show.tcpinfo = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), "\n\t" FULL_HEAD FULL_COUNTERS
			 FULL_TAIL("77.2M", "1Gbps/2G", "10k"));
}
END_TEST

/* -n: rates as whole numbers; -o: the TCP options first; -O: one line. */
START_TEST(test_tcp_info_numeric_options_oneline)
{
	fill_tcp_info(true);
	attr(LSOCK_INET_DIAG_INFO, info, 232);
	attr(LSOCK_INET_DIAG_CONG, cubic, sizeof(cubic));
	show.tcpinfo = true;
	show.timers = true;
	show.oneline = true;
	ss_inet_info_print(&tbl, &sk, &show, true);
	ck_assert_str_eq(proc_text(), " ts sack ecn ecnseen fastopen"
			 FULL_HEAD FULL_COUNTERS
			 FULL_TAIL("77226667", "1000000000bps/2000000000",
				   "10000"));
}
END_TEST

/* A 2.6-3.14 kernel: 104 bytes; everything after total_retrans is absent. */
START_TEST(test_tcp_info_old_104)
{
	fill_tcp_info(false);
	attr(LSOCK_INET_DIAG_INFO, info, 104);
	attr(LSOCK_INET_DIAG_CONG, cubic, sizeof(cubic));
	show.tcpinfo = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), "\n\t" FULL_HEAD
			 " send 77.2Mbps lastsnd:10 lastrcv:12 lastack:13"
			 " unacked:3 retrans:1/6 lost:1 sacked:2 fackets:4"
			 " reordering:5 rcv_rtt:2.5 rcv_space:29200"
			 " rcv_ssthresh:64076");
}
END_TEST

/* A 4.9 kernel: 168 bytes, up to delivery_rate. */
START_TEST(test_tcp_info_168)
{
	fill_tcp_info(true);
	attr(LSOCK_INET_DIAG_INFO, info, 168);
	show.tcpinfo = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), "\n\t"
		" wscale:7,9 rto:204 backoff:2 rtt:1.5/0.75 ato:40 mss:1448"
		" pmtu:1500 rcvmss:536 advmss:1460 cwnd:10 ssthresh:20"
		" bytes_acked:1000 bytes_received:2000 segs_out:30 segs_in:40"
		" data_segs_out:70 data_segs_in:60"
		" send 77.2Mbps lastsnd:10 lastrcv:12 lastack:13"
		" pacing_rate 1Gbps/2Gbps delivery_rate 10kbps app_limited"
		" unacked:3 retrans:1/6 lost:1 sacked:2 fackets:4"
		" reordering:5 rcv_rtt:2.5 rcv_space:29200"
		" rcv_ssthresh:64076 notsent:50 minrtt:1.2");
}
END_TEST

/* The values ss treats as "not set". */
START_TEST(test_tcp_info_sentinels)
{
	put32(8, 3000000);		/* the initial rto */
	put32(76, 0xffff);		/* ssthresh "infinite" */
	put32(80, 10);
	put32(88, 3);			/* default reordering */
	put32(28, 5);			/* a listener's sacked = backlog */
	put64(104, ~(uint64_t)0);	/* unlimited pacing */
	put32(148, ~(uint32_t)0);	/* min_rtt not measured */
	attr(LSOCK_INET_DIAG_INFO, info, 232);
	sk.state = LSOCK_SS_LISTEN;
	show.tcpinfo = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), "\n\t cwnd:10");
}
END_TEST

START_TEST(test_tcp_info_max_pacing_unlimited)
{
	put64(104, 1000);
	put64(112, ~(uint64_t)0);
	put32(88, 3);
	attr(LSOCK_INET_DIAG_INFO, info, 232);
	show.tcpinfo = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), "\n\t pacing_rate 8kbps");
}
END_TEST

START_TEST(test_bbr)
{
	struct lsock_tcp_bbr_info b = { 0 };
	static const char bbr[] = "bbr";

	/* 4762500000 bytes/s = 38.1 Gbit/s, above 32 bits */
	b.bw_hi = 1;
	b.bw_lo = (uint32_t)(4762500000ull - (1ull << 32));
	b.min_rtt = 7;
	b.pacing_gain = 739;
	b.cwnd_gain = 739;
	put32(88, 3);
	attr(LSOCK_INET_DIAG_INFO, info, 232);
	attr(LSOCK_INET_DIAG_CONG, bbr, sizeof(bbr));
	attr(LSOCK_INET_DIAG_BBRINFO, &b, sizeof(b));
	show.tcpinfo = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), "\n\t bbr bbr:(bw:38.1Gbps,mrtt:0.007,"
			 "pacing_gain:2.88672,cwnd_gain:2.88672)");
}
END_TEST

START_TEST(test_bbr_no_gains_numeric)
{
	struct lsock_tcp_bbr_info b = { 0 };

	b.bw_lo = 125;
	put32(88, 3);
	attr(LSOCK_INET_DIAG_INFO, info, 232);
	attr(LSOCK_INET_DIAG_BBRINFO, &b, 12);	/* short: gains read as 0 */
	show.tcpinfo = true;
	ss_inet_info_print(&tbl, &sk, &show, true);
	ck_assert_str_eq(proc_text(), "\n\t bbr:(bw:1000bps,mrtt:0)");
}
END_TEST

START_TEST(test_dctcp)
{
	struct lsock_tcp_dctcp_info d = { 1, 1, 2, 3, 4 };
	static const char dctcp[] = "dctcp";

	put32(88, 3);
	attr(LSOCK_INET_DIAG_INFO, info, 232);
	attr(LSOCK_INET_DIAG_CONG, dctcp, sizeof(dctcp));
	attr(LSOCK_INET_DIAG_DCTCPINFO, &d, sizeof(d));
	show.tcpinfo = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), "\n\t dctcp dctcp:(ce_state:1,alpha:2,"
			 "ab_ecn:3,ab_tot:4)");
}
END_TEST

START_TEST(test_dctcp_fallback)
{
	struct lsock_tcp_dctcp_info d = { 0, 1, 2, 3, 4 };

	put32(88, 3);
	attr(LSOCK_INET_DIAG_INFO, info, 232);
	attr(LSOCK_INET_DIAG_DCTCPINFO, &d, sizeof(d));
	show.tcpinfo = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), "\n\t dctcp:fallback_mode");
}
END_TEST

/* "send" uses Vegas's RTT when it has a usable one (not 0x7fffffff). */
START_TEST(test_vegas_rtt)
{
	struct lsock_tcp_vegas_info v = { 1, 4, 1000, 900 };
	struct lsock_tcp_vegas_info unusable = { 1, 4, 0x7fffffff, 900 };

	put32(16, 1000);	/* mss */
	put32(80, 10);		/* cwnd */
	put32(68, 4000);	/* rtt */
	put32(88, 3);
	attr(LSOCK_INET_DIAG_INFO, info, 232);
	attr(LSOCK_INET_DIAG_VEGASINFO, &v, sizeof(v));
	show.tcpinfo = true;
	ss_inet_info_print(&tbl, &sk, &show, true);
	attr(LSOCK_INET_DIAG_VEGASINFO, &unusable, sizeof(unusable));
	ss_inet_info_print(&tbl, &sk, &show, true);
	ck_assert_str_eq(proc_text(), "\n\t rtt:4/0 mss:1000 cwnd:10"
			 " send 80000000bps"
			 "\n\t rtt:4/0 mss:1000 cwnd:10 send 20000000bps");
}
END_TEST

static const uint32_t mem9[9] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };

START_TEST(test_skmem_7_8_9)
{
	show.mem = true;
	attr(LSOCK_INET_DIAG_SKMEMINFO, mem9, 28);
	ss_skmem_print(&tbl, &sk, LSOCK_INET_DIAG_SKMEMINFO);
	attr(LSOCK_INET_DIAG_SKMEMINFO, mem9, 32);
	ss_skmem_print(&tbl, &sk, LSOCK_INET_DIAG_SKMEMINFO);
	attr(LSOCK_INET_DIAG_SKMEMINFO, mem9, 36);
	ss_skmem_print(&tbl, &sk, LSOCK_INET_DIAG_SKMEMINFO);
	ck_assert_str_eq(proc_text(),
			 " skmem:(r1,rb2,t3,tb4,f5,w6,o7)"
			 " skmem:(r1,rb2,t3,tb4,f5,w6,o7,bl8)"
			 " skmem:(r1,rb2,t3,tb4,f5,w6,o7,bl8,d9)");
}
END_TEST

/* A short array reads as zeros; a longer one (a newer kernel) is cut. */
START_TEST(test_skmem_short_and_long)
{
	static const uint32_t mem11[11] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };

	attr(LSOCK_INET_DIAG_SKMEMINFO, mem9, 20);
	ss_skmem_print(&tbl, &sk, LSOCK_INET_DIAG_SKMEMINFO);
	attr(LSOCK_INET_DIAG_SKMEMINFO, mem11, sizeof(mem11));
	ss_skmem_print(&tbl, &sk, LSOCK_INET_DIAG_SKMEMINFO);
	ck_assert_str_eq(proc_text(),
			 " skmem:(r1,rb2,t3,tb4,f5,w0,o0)"
			 " skmem:(r1,rb2,t3,tb4,f5,w6,o7,bl8,d9)");
}
END_TEST

/* Without SKMEMINFO (before 3.3) inet sockets show INET_DIAG_MEMINFO. */
START_TEST(test_mem_fallback)
{
	static const uint32_t m[4] = { 10, 20, 30, 40 };

	attr(LSOCK_INET_DIAG_MEMINFO, m, sizeof(m));
	show.mem = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), "\n\t mem:(r10,w20,f30,t40)");
}
END_TEST

/* Other families: their own attribute number, and no mem:() fallback. */
START_TEST(test_skmem_other_families)
{
	static const uint32_t m[4] = { 10, 20, 30, 40 };

	sk.family = AF_UNIX;
	/* 1 is INET_DIAG_MEMINFO's number, but UNIX_DIAG_VFS for unix */
	attr(LSOCK_INET_DIAG_MEMINFO, m, sizeof(m));
	ss_skmem_print(&tbl, &sk, LSOCK_INET_DIAG_SKMEMINFO);
	ss_skmem_print(&tbl, &sk, LSOCK_UNIX_DIAG_MEMINFO);
	attr(LSOCK_UNIX_DIAG_MEMINFO, mem9, 36);
	ss_skmem_print(&tbl, &sk, LSOCK_UNIX_DIAG_MEMINFO);
	sk.family = AF_NETLINK;
	attr(LSOCK_NETLINK_DIAG_MEMINFO, mem9, 32);
	ss_skmem_print(&tbl, &sk, LSOCK_NETLINK_DIAG_MEMINFO);
	sk.attrs = NULL;
	ss_skmem_print(&tbl, &sk, LSOCK_NETLINK_DIAG_MEMINFO);
	ck_assert_str_eq(proc_text(),
			 " skmem:(r1,rb2,t3,tb4,f5,w6,o7,bl8,d9)"
			 " skmem:(r1,rb2,t3,tb4,f5,w6,o7,bl8)");
}
END_TEST

/* When the "\n\t" block is due: -m always, -i except for UDP. */
START_TEST(test_block_conditions)
{
	attr(LSOCK_INET_DIAG_SKMEMINFO, mem9, 36);
	sk.protocol = IPPROTO_UDP;
	show.tcpinfo = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), "");
	show.mem = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(),
			 "\n\t skmem:(r1,rb2,t3,tb4,f5,w6,o7,bl8,d9)");
}
END_TEST

/* A time-wait or request socket has no tcp_info: the block is empty. */
START_TEST(test_block_without_info)
{
	sk.state = LSOCK_SS_TIME_WAIT;
	show.tcpinfo = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), "\n\t");
}
END_TEST

/* -m alone prints no tcp_info, even when the record has one (--replay). */
START_TEST(test_mem_only_ignores_info)
{
	fill_tcp_info(true);
	attr(LSOCK_INET_DIAG_INFO, info, 280);
	attr(LSOCK_INET_DIAG_SKMEMINFO, mem9, 36);
	show.mem = true;
	show.oneline = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), " skmem:(r1,rb2,t3,tb4,f5,w6,o7,bl8,d9)");
}
END_TEST

/* The congestion control name: at most 15 bytes, to its NUL. */
START_TEST(test_cong_name_bounds)
{
	static const char longname[] = "abcdefghijklmnopqrstuvwxyz";
	static const char nonul[3] = { 'x', 'y', 'z' };

	put32(88, 3);
	attr(LSOCK_INET_DIAG_INFO, info, 232);
	attr(LSOCK_INET_DIAG_CONG, longname, sizeof(longname));
	show.tcpinfo = true;
	show.oneline = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	attr(LSOCK_INET_DIAG_CONG, nonul, sizeof(nonul));
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), " abcdefghijklmno xyz");
}
END_TEST

/* ss 6.1 writes the key bytes straight to stdout, ahead of the table. */
START_TEST(test_md5keys)
{
	struct lsock_tcp_md5sig sig[2];
	static const char key[] = "se cr,et\\\001~";

	memset(sig, 0, sizeof(sig));
	sig[0].family = AF_INET;
	sig[0].prefixlen = 32;
	memcpy(sig[0].addr, "\177\0\0\1", 4);
	sig[0].keylen = (uint16_t)strlen(key);
	memcpy(sig[0].key, key, strlen(key));
	sig[1].family = AF_INET6;
	sig[1].prefixlen = 128;
	sig[1].addr[15] = 1;
	sig[1].keylen = 200;		/* more than the 80 there are */
	memset(sig[1].key, 'k', sizeof(sig[1].key));
	put32(88, 3);
	attr(LSOCK_INET_DIAG_INFO, info, 232);
	attr(LSOCK_INET_DIAG_MD5SIG, sig, sizeof(sig));
	show.tcpinfo = true;
	show.oneline = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), " md5keys:127.0.0.1/32=,::1/128=");
	/* the table is not rendered yet: only the keys are out */
	ck_assert_str_eq(written(), "se\\040cr\\054et\\134\\001~"
		"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk");
}
END_TEST

/* A cut entry reads as zeros; an unknown family prints "???". */
START_TEST(test_md5keys_cut)
{
	struct lsock_tcp_md5sig sig;

	memset(&sig, 0, sizeof(sig));
	sig.family = AF_INET;
	sig.prefixlen = 24;
	memcpy(sig.addr, "\300\0\2\0", 4);
	attr(LSOCK_INET_DIAG_MD5SIG, &sig, sizeof(sig));
	show.tcpinfo = true;
	show.oneline = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	attr(LSOCK_INET_DIAG_MD5SIG, &sig, 1);	/* the family byte only */
	ss_inet_info_print(&tbl, &sk, &show, false);
	sig.family = 99;
	attr(LSOCK_INET_DIAG_MD5SIG, &sig, sizeof(sig));
	ss_inet_info_print(&tbl, &sk, &show, false);
	attr(LSOCK_INET_DIAG_MD5SIG, &sig, 0);	/* no entry at all */
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), " md5keys:192.0.2.0/24="
			 " md5keys:0.0.0.0/0= md5keys:?\?\?/24=");
}
END_TEST

START_TEST(test_ulp_tls)
{
	uint8_t tls[128] = { 0 }, ulp[256] = { 0 };
	size_t tl = 0, ul = 0;
	uint16_t ver = LSOCK_TLS_1_2_VERSION, ciph = 52, tx = 2, rx = 1;

	nla(tls, &tl, LSOCK_TLS_INFO_VERSION, &ver, 2);
	nla(tls, &tl, LSOCK_TLS_INFO_CIPHER, &ciph, 2);
	nla(tls, &tl, LSOCK_TLS_INFO_TXCONF, &tx, 2);
	nla(tls, &tl, LSOCK_TLS_INFO_RXCONF, &rx, 2);
	nla(tls, &tl, LSOCK_TLS_INFO_ZC_RO_TX, NULL, 0);
	nla(ulp, &ul, LSOCK_INET_ULP_INFO_NAME, "tls", 4);
	nla(ulp, &ul, LSOCK_INET_ULP_INFO_TLS | 0x8000, tls, (uint16_t)tl);
	attr(LSOCK_INET_DIAG_ULP_INFO, ulp, ul);
	show.tcpinfo = true;
	show.oneline = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), " tcp-ulp-tls version: 1.2 cipher: "
			 "aes-gcm-256 rxconf: none txconf: sw zc_ro_tx");
}
END_TEST

/* Values ss 6.1 does not name. */
START_TEST(test_ulp_tls_unknown)
{
	uint8_t tls[128] = { 0 }, ulp[256] = { 0 };
	size_t tl = 0, ul = 0;
	uint16_t ver = 0x0305, ciph = 53, tx = 9, rx = 4;

	nla(tls, &tl, LSOCK_TLS_INFO_VERSION, &ver, 2);
	nla(tls, &tl, LSOCK_TLS_INFO_CIPHER, &ciph, 2);
	nla(tls, &tl, LSOCK_TLS_INFO_TXCONF, &tx, 2);
	nla(tls, &tl, LSOCK_TLS_INFO_RXCONF, &rx, 2);
	nla(ulp, &ul, LSOCK_INET_ULP_INFO_TLS, tls, (uint16_t)tl);
	attr(LSOCK_INET_DIAG_ULP_INFO, ulp, ul);
	show.tcpinfo = true;
	show.oneline = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), " version: unknown(773)"
			 " rxconf: hw-record txconf: unknown(9)");
}
END_TEST

START_TEST(test_ulp_mptcp_subflow)
{
	uint8_t sf[256] = { 0 }, ulp[320] = { 0 };
	size_t sl = 0, ul = 0;
	uint32_t flags = 0x1c3, trem = 0xab, tloc = 0x12345, sfseq = 0x10;
	uint32_t ssn = 0x20;
	uint16_t dlen = 0x30;
	uint64_t seq = 0x1122334455ull;
	uint8_t idr = 1, idl = 0;

	nla(sf, &sl, LSOCK_MPTCP_SUBFLOW_ATTR_TOKEN_REM, &trem, 4);
	nla(sf, &sl, LSOCK_MPTCP_SUBFLOW_ATTR_TOKEN_LOC, &tloc, 4);
	nla(sf, &sl, LSOCK_MPTCP_SUBFLOW_ATTR_MAP_SEQ, &seq, 8);
	nla(sf, &sl, LSOCK_MPTCP_SUBFLOW_ATTR_MAP_SFSEQ, &sfseq, 4);
	nla(sf, &sl, LSOCK_MPTCP_SUBFLOW_ATTR_SSN_OFFSET, &ssn, 4);
	nla(sf, &sl, LSOCK_MPTCP_SUBFLOW_ATTR_MAP_DATALEN, &dlen, 2);
	nla(sf, &sl, LSOCK_MPTCP_SUBFLOW_ATTR_FLAGS, &flags, 4);
	nla(sf, &sl, LSOCK_MPTCP_SUBFLOW_ATTR_ID_REM, &idr, 1);
	nla(sf, &sl, LSOCK_MPTCP_SUBFLOW_ATTR_ID_LOC, &idl, 1);
	nla(ulp, &ul, LSOCK_INET_ULP_INFO_NAME, "mptcp", 6);
	nla(ulp, &ul, LSOCK_INET_ULP_INFO_MPTCP, sf, (uint16_t)sl);
	attr(LSOCK_INET_DIAG_ULP_INFO, ulp, ul);
	show.tcpinfo = true;
	show.oneline = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), " tcp-ulp-mptcp flags:Mmecv"
			 " token:00ab(id:1)/12345(id:0) seq:1122334455"
			 " sfseq:10 ssnoff:20 maplen:30");
}
END_TEST

START_TEST(test_mptcp_info)
{
	struct lsock_mptcp_info m;

	memset(&m, 0, sizeof(m));
	m.subflows = 1;
	m.add_addr_signal = 2;
	m.subflows_max = 8;
	m.add_addr_accepted_max = 4;
	m.flags = LSOCK_MPTCP_INFO_FLAG_FALLBACK |
		  LSOCK_MPTCP_INFO_FLAG_REMOTE_KEY;
	m.token = 0xb7ec3370;
	m.write_seq = 0xe70ea8ba575252cull;
	m.rcv_nxt = 0xadedb6b6fd2a44ull;
	attr(LSOCK_INET_DIAG_INFO, &m, sizeof(m));
	attr(LSOCK_INET_DIAG_SKMEMINFO, mem9, 36);
	sk.protocol = IPPROTO_MPTCP;
	show.tcpinfo = true;
	show.mem = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), "\n\t skmem:(r1,rb2,t3,tb4,f5,w6,o7,bl8,d9)"
			 " subflows:1 add_addr_signal:2 subflows_max:8"
			 " add_addr_accepted_max:4 fallback remote_key"
			 " token:b7ec3370 write_seq:e70ea8ba575252c"
			 " rcv_nxt:adedb6b6fd2a44");
}
END_TEST

/* From /proc/net/tcp (ticks of 1/100 s): what ss's /proc path prints. */
START_TEST(test_proc_fields)
{
	sk.attrs = NULL;
	sk.nattrs = 0;
	sk.rto = 20;
	sk.ato = 4;
	sk.qack = 30;		/* quick 15, pingpong 0: 15 is odd, "bidir" */
	sk.cwnd = 10;
	sk.ssthresh = -1;
	show.tcpinfo = true;
	show.mem = true;
	ss_inet_info_print(&tbl, &sk, &show, false);
	sk.rto = 300;		/* the initial 3 s */
	sk.ato = 0;
	sk.qack = 20;
	sk.ssthresh = 7;
	sk.timer = 1;		/* retransmit timer: the retransmit count */
	sk.retrans = 2;
	sk.probes = 5;
	ss_inet_info_print(&tbl, &sk, &show, false);
	sk.timer = 2;		/* other timers: the probe count */
	sk.rto = 201;
	sk.cwnd = 0;
	sk.qack = 0;
	sk.ssthresh = 0;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(),
			 " rto:0.2 ato:0.04 qack:15 bidir cwnd:10 reordering:0"
			 " qack:10 cwnd:10 ssthresh:7 retrans:2/0 reordering:0"
			 " rto:2.01 retrans:5/0 reordering:0");
}
END_TEST

/* From /proc: nothing for -m, and nothing for UDP or raw sockets. */
START_TEST(test_proc_nothing)
{
	sk.attrs = NULL;
	sk.nattrs = 0;
	sk.cwnd = 10;
	show.mem = true;
	show.oneline = false;
	ss_inet_info_print(&tbl, &sk, &show, false);
	show.tcpinfo = true;
	sk.protocol = IPPROTO_UDP;
	ss_inet_info_print(&tbl, &sk, &show, false);
	sk.protocol = 0;
	ss_inet_info_print(&tbl, &sk, &show, false);
	ck_assert_str_eq(proc_text(), "");
}
END_TEST

static const char *bw(double v, bool numeric)
{
	static char buf[SS_BW_BUFSZ];

	return ss_bw_format(buf, sizeof(buf), v, numeric);
}

/* Each threshold, just below and at it, with and without -n. */
START_TEST(test_bw_thresholds)
{
	ck_assert_str_eq(bw(0, false), "0");
	ck_assert_str_eq(bw(12.5, false), "12.5");
	ck_assert_str_eq(bw(999, false), "999");
	ck_assert_str_eq(bw(1000, false), "1k");
	ck_assert_str_eq(bw(999499, false), "999k");
	ck_assert_str_eq(bw(999999, false), "1e+03k");
	ck_assert_str_eq(bw(1e6, false), "1M");
	ck_assert_str_eq(bw(1234567, false), "1.23M");
	ck_assert_str_eq(bw(999e6, false), "999M");
	ck_assert_str_eq(bw(1e9, false), "1G");
	ck_assert_str_eq(bw(436906666667.0, false), "437G");
	ck_assert_str_eq(bw(1e12, false), "1T");
	ck_assert_str_eq(bw(1.25e12, false), "1.25T");
	ck_assert_str_eq(bw(2.5e15, false), "2.5e+03T");
	ck_assert_str_eq(bw(0, true), "0");
	ck_assert_str_eq(bw(12.5, true), "12");
	ck_assert_str_eq(bw(999, true), "999");
	ck_assert_str_eq(bw(1000, true), "1000");
	ck_assert_str_eq(bw(1e6, true), "1000000");
	ck_assert_str_eq(bw(436906666666.67, true), "436906666667");
	ck_assert_str_eq(bw(1.25e12, true), "1250000000000");
}
END_TEST

static Suite *tcpinfo_suite(void)
{
	Suite *s = suite_create("ss-tcpinfo");
	TCase *tc = tcase_create("tcpinfo");
	TCase *tm = tcase_create("memory");
	TCase *tx = tcase_create("ulp-md5-mptcp");
	TCase *tp = tcase_create("proc");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_tcp_info_full_280);
	tcase_add_test(tc, test_tcp_info_numeric_options_oneline);
	tcase_add_test(tc, test_tcp_info_old_104);
	tcase_add_test(tc, test_tcp_info_168);
	tcase_add_test(tc, test_tcp_info_sentinels);
	tcase_add_test(tc, test_tcp_info_max_pacing_unlimited);
	tcase_add_test(tc, test_bbr);
	tcase_add_test(tc, test_bbr_no_gains_numeric);
	tcase_add_test(tc, test_dctcp);
	tcase_add_test(tc, test_dctcp_fallback);
	tcase_add_test(tc, test_vegas_rtt);
	tcase_add_test(tc, test_cong_name_bounds);
	tcase_add_test(tc, test_bw_thresholds);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(tm, setup, teardown);
	tcase_add_test(tm, test_skmem_7_8_9);
	tcase_add_test(tm, test_skmem_short_and_long);
	tcase_add_test(tm, test_mem_fallback);
	tcase_add_test(tm, test_skmem_other_families);
	tcase_add_test(tm, test_block_conditions);
	tcase_add_test(tm, test_block_without_info);
	tcase_add_test(tm, test_mem_only_ignores_info);
	suite_add_tcase(s, tm);
	tcase_add_checked_fixture(tx, setup, teardown);
	tcase_add_test(tx, test_md5keys);
	tcase_add_test(tx, test_md5keys_cut);
	tcase_add_test(tx, test_ulp_tls);
	tcase_add_test(tx, test_ulp_tls_unknown);
	tcase_add_test(tx, test_ulp_mptcp_subflow);
	tcase_add_test(tx, test_mptcp_info);
	suite_add_tcase(s, tx);
	tcase_add_checked_fixture(tp, setup, teardown);
	tcase_add_test(tp, test_proc_fields);
	tcase_add_test(tp, test_proc_nothing);
	suite_add_tcase(s, tp);
	return s;
}

int main(void)
{
	return check_run(tcpinfo_suite());
}
