/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss -s: the socket summary. The counters come from /proc/net/sockstat and
 * sockstat6 and the Tcp CurrEstab counter of /proc/net/snmp, read the way
 * ss 6.1 reads them (its line buffers, its field rules, its 32-bit
 * arithmetic), and are printed in ss's layout.
 */
#ifndef LSOCK_SS_SUMMARY_H
#define LSOCK_SS_SUMMARY_H

#include <stddef.h>

#include "backends/backend.h"
#include "output.h"

/* The counters, in ss's names for them (index of ss_summary.v). */
enum ss_summary_counter {
	SS_SUM_SOCKETS,		/* sockets: used */
	SS_SUM_TCP4,		/* TCP: inuse */
	SS_SUM_TCP_ORPHAN,	/* TCP: orphan */
	SS_SUM_TCP_TW,		/* TCP: tw */
	SS_SUM_TCP_ALLOC,	/* TCP: alloc */
	SS_SUM_TCP_MEM,		/* TCP: mem */
	SS_SUM_TCP6,		/* TCP6: inuse */
	SS_SUM_UDP4,		/* UDP: inuse */
	SS_SUM_UDP6,		/* UDP6: inuse */
	SS_SUM_RAW4,		/* RAW: inuse */
	SS_SUM_RAW6,		/* RAW6: inuse */
	SS_SUM_FRAG4,		/* FRAG: inuse */
	SS_SUM_FRAG4_MEM,	/* FRAG: memory */
	SS_SUM_FRAG6,		/* FRAG6: inuse */
	SS_SUM_FRAG6_MEM,	/* FRAG6: memory */
	SS_SUM_TCP_ESTAB,	/* snmp Tcp: CurrEstab */
	SS_SUM_MAX
};

struct ss_summary {
	int v[SS_SUM_MAX];
};

void ss_summary_init(struct ss_summary *s);
/*
 * The bytes of a sockstat or sockstat6 file (ss reads both with the same
 * rules). A line sets its counters in order and stops at the first one
 * that does not parse; a counter named twice keeps the last value read.
 */
void ss_summary_parse_sockstat(struct ss_summary *s, const char *buf,
			       size_t len);
/*
 * The CurrEstab column of the first pair of Tcp: lines that has one, into
 * *estab. Returns 0, or -ESRCH when none was found (*estab is then 0).
 */
int ss_summary_parse_snmp(const char *buf, size_t len, int *estab);
/* The summary, exactly as ss 6.1 prints it. */
void ss_summary_print(const struct ss_summary *s, struct output *out);
/*
 * Reads the three files of src (PROC_NET_SOCKSTAT, PROC_NET_SOCKSTAT6 and
 * PROC_NET_SNMP, else under src->proc_root), hands what was read to
 * src->record, reports a missing or unreadable file through src->warn,
 * and prints the summary; counters that could not be read print as 0.
 */
void ss_summary_show(const struct lsock_source *src, struct output *out);

#endif /* LSOCK_SS_SUMMARY_H */
