/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * net-tools 2.10's -s wording tables (netstat.md 3.5): the counter keys in
 * the order of net-tools' arrays, which is the order its bsearch() sees,
 * and the texts netstat prints for them. The texts are interface facts.
 */
#include "config.h"

#include <string.h>

#include "netstat-stats.h"

#define NUMBER	NETSTAT_STAT_NUMBER
#define OPT	NETSTAT_STAT_OPT
#define FORWARD	NETSTAT_STAT_FORWARD
#define RTO	NETSTAT_STAT_RTO
#define S	NETSTAT_STAT_STATIC
#define IN	(NETSTAT_STAT_IN_ICMP | NETSTAT_STAT_TITLE)
#define OUT	(NETSTAT_STAT_OUT_ICMP | NETSTAT_STAT_TITLE)

static const struct netstat_stat_entry tab_ip[] = {
	{ "DefaultTTL", "Default TTL is %llu", NUMBER | S },
	{ "Forwarding", "Forwarding is %s", FORWARD | S },
	{ "ForwDatagrams", "%llu forwarded", NUMBER },
	{ "FragCreates", "%llu fragments created", OPT },
	{ "FragFails", "%llu outgoing packets failed fragmentation", OPT },
	{ "FragOKs", "%llu outgoing packets fragmented ok", OPT },
	{ "InAddrErrors", "%llu with invalid addresses", OPT },
	{ "InDelivers", "%llu incoming packets delivered", NUMBER },
	{ "InDiscards", "%llu incoming packets discarded", NUMBER },
	{ "InHdrErrors", "%llu with invalid headers", OPT },
	{ "InReceives", "%llu total packets received", NUMBER },
	{ "InUnknownProtos", "%llu with unknown protocol", OPT },
	{ "OutDiscards", "%llu outgoing packets dropped", OPT },
	{ "OutNoRoutes", "%llu dropped because of missing route", OPT },
	{ "OutRequests", "%llu requests sent out", NUMBER },
	{ "ReasmFails", "%llu packet reassemblies failed", OPT },
	{ "ReasmOKs", "%llu packets reassembled ok", OPT },
	{ "ReasmReqds", "%llu reassemblies required", OPT },
	{ "ReasmTimeout", "%llu fragments dropped after timeout", OPT },
};

static const struct netstat_stat_entry tab_ip6[] = {
	{ "Ip6FragCreates", "%llu fragments created", OPT },
	{ "Ip6FragFails", "%llu outgoing packets failed fragmentation", OPT },
	{ "Ip6FragOKs", "%llu outgoing packets fragmented ok", OPT },
	{ "Ip6InAddrErrors", "%llu with invalid addresses", OPT },
	{ "Ip6InDelivers", "%llu incoming packets delivered", NUMBER },
	{ "Ip6InDiscards", "%llu incoming packets discarded", NUMBER },
	{ "Ip6InHdrErrors", "%llu with invalid headers", OPT },
	{ "Ip6InMcastPkts", "%llu incoming multicast packets", OPT },
	{ "Ip6InNoRoutes", "%llu incoming packets with no route", OPT },
	{ "Ip6InReceives", "%llu total packets received", NUMBER },
	{ "Ip6InTooBigErrors", "%llu with packets too big", OPT },
	{ "Ip6InTruncatedPkts", "%llu with truncated packets", OPT },
	{ "Ip6InUnknownProtos", "%llu with unknown protocol", OPT },
	{ "Ip6OutDiscards", "%llu outgoing packets dropped", OPT },
	{ "Ip6OutForwDatagrams", "%llu forwarded", NUMBER },
	{ "Ip6OutMcastPkts", "%llu outgoing multicast packets", OPT },
	{ "Ip6OutNoRoutes", "%llu dropped because of missing route", OPT },
	{ "Ip6OutRequests", "%llu requests sent out", NUMBER },
	{ "Ip6ReasmFails", "%llu packet reassemblies failed", OPT },
	{ "Ip6ReasmOKs", "%llu packets reassembled ok", OPT },
	{ "Ip6ReasmReqds", "%llu reassemblies required", OPT },
	{ "Ip6ReasmTimeout", "%llu fragments dropped after timeout", OPT },
};

static const struct netstat_stat_entry tab_icmp[] = {
	{ "InAddrMaskReps", "address mask replies: %llu", IN },
	{ "InAddrMasks", "address mask request: %llu", IN },
	{ "InDestUnreachs", "destination unreachable: %llu", IN },
	{ "InEchoReps", "echo replies: %llu", IN },
	{ "InEchos", "echo requests: %llu", IN },
	{ "InErrors", "%llu input ICMP message failed", NUMBER },
	{ "InMsgs", "%llu ICMP messages received", NUMBER },
	{ "InParmProbs", "wrong parameters: %llu", IN },
	{ "InRedirects", "redirects: %llu", IN },
	{ "InSrcQuenchs", "source quenches: %llu", IN },
	{ "InTimeExcds", "timeout in transit: %llu", IN },
	{ "InTimestampReps", "timestamp reply: %llu", IN },
	{ "InTimestamps", "timestamp request: %llu", IN },
	{ "OutAddrMaskReps", "address mask replies: %llu", OUT },
	{ "OutAddrMasks", "address mask requests: %llu", OUT },
	{ "OutDestUnreachs", "destination unreachable: %llu", OUT },
	{ "OutEchoReps", "echo replies: %llu", OUT },
	{ "OutEchos", "echo requests: %llu", OUT },
	{ "OutErrors", "%llu ICMP messages failed", NUMBER },
	{ "OutMsgs", "%llu ICMP messages sent", NUMBER },
	{ "OutParmProbs", "wrong parameters: %llu", OUT },
	{ "OutRedirects", "redirect: %llu", OUT },
	{ "OutSrcQuenchs", "source quench: %llu", OUT },
	{ "OutTimeExcds", "time exceeded: %llu", OUT },
	{ "OutTimestampReps", "timestamp replies: %llu", OUT },
	{ "OutTimestamps", "timestamp requests: %llu", OUT },
};

static const struct netstat_stat_entry tab_icmp6[] = {
	{ "Icmp6InDestUnreachs", "destination unreachable: %llu", IN },
	{ "Icmp6InEchoReplies", "echo replies: %llu", IN },
	{ "Icmp6InEchos", "echo requests: %llu", IN },
	{ "Icmp6InErrors", "%llu input ICMP message failed", NUMBER },
	{ "Icmp6InGroupMembQueries", "group member queries: %llu", IN },
	{ "Icmp6InGroupMembReductions", "group member reductions: %llu", IN },
	{ "Icmp6InGroupMembResponses", "group member responses: %llu", IN },
	{ "Icmp6InMsgs", "%llu ICMP messages received", NUMBER },
	{ "Icmp6InNeighborAdvertisements",
	  "neighbour advertisement: %llu",
	  IN },
	{ "Icmp6InNeighborSolicits", "neighbour solicits: %llu", IN },
	{ "Icmp6InParmProblems", "parameter problem: %llu", IN },
	{ "Icmp6InPktTooBigs", "packets too big: %llu", IN },
	{ "Icmp6InRedirects", "redirects: %llu", IN },
	{ "Icmp6InRouterAdvertisements", "router advertisement: %llu", IN },
	{ "Icmp6InRouterSolicits", "router solicits: %llu", IN },
	{ "Icmp6InTimeExcds", "received ICMPv6 time exceeded: %llu", IN },
	{ "Icmp6OutDestUnreachs", "destination unreachable: %llu", OUT },
	{ "Icmp6OutEchoReplies", "echo replies: %llu", OUT },
	{ "Icmp6OutEchos", "echo requests: %llu", OUT },
	{ "Icmp6OutGroupMembQueries", "group member queries: %llu", OUT },
	{ "Icmp6OutGroupMembReductions", "group member reductions: %llu", OUT },
	{ "Icmp6OutGroupMembResponses", "group member responses: %llu", OUT },
	{ "Icmp6OutMsgs", "%llu ICMP messages sent", NUMBER },
	{ "Icmp6OutNeighborAdvertisements",
	  "neighbor advertisements: %llu",
	  OUT },
	{ "Icmp6OutNeighborSolicits", "neighbor solicits: %llu", OUT },
	{ "Icmp6OutParmProblems", "parameter problem: %llu", OUT },
	{ "Icmp6OutPktTooBigs", "packets too big: %llu", OUT },
	{ "Icmp6OutRedirects", "redirects: %llu", OUT },
	{ "Icmp6OutRouterAdvertisements ", "router advertisement: %llu", OUT },
	{ "Icmp6OutRouterSolicits", "router solicits: %llu", OUT },
	{ "Icmp6OutTimeExcds", "sent ICMPv6 time exceeded: %llu", OUT },
};

static const struct netstat_stat_entry tab_tcp[] = {
	{ "ActiveOpens", "%llu active connection openings", NUMBER },
	{ "AttemptFails", "%llu failed connection attempts", NUMBER },
	{ "CurrEstab", "%llu connections established", NUMBER },
	{ "EstabResets", "%llu connection resets received", NUMBER },
	{ "InErrs", "%llu bad segments received", NUMBER },
	{ "InSegs", "%llu segments received", NUMBER },
	{ "MaxConn", "", NUMBER },
	{ "OutRsts", "%llu resets sent", NUMBER },
	{ "OutSegs", "%llu segments sent out", NUMBER },
	{ "PassiveOpens", "%llu passive connection openings", NUMBER },
	{ "RetransSegs", "%llu segments retransmitted", NUMBER },
	{ "RtoAlgorithm", "RTO algorithm is %s", RTO | S },
	{ "RtoMax", "", NUMBER },
	{ "RtoMin", "", NUMBER },
};

static const struct netstat_stat_entry tab_udp[] = {
	{ "InDatagrams", "%llu packets received", NUMBER },
	{ "InErrors", "%llu packet receive errors", NUMBER },
	{ "NoPorts", "%llu packets to unknown port received", NUMBER },
	{ "OutDatagrams", "%llu packets sent", NUMBER },
	{ "RcvbufErrors", "%llu receive buffer errors", NUMBER },
	{ "SndbufErrors", "%llu send buffer errors", NUMBER },
};

static const struct netstat_stat_entry tab_udp6[] = {
	{ "Udp6InDatagrams", "%llu packets received", NUMBER },
	{ "Udp6InErrors", "%llu packet receive errors", NUMBER },
	{ "Udp6NoPorts", "%llu packets to unknown port received", NUMBER },
	{ "Udp6OutDatagrams", "%llu packets sent", NUMBER },
};

static const struct netstat_stat_entry tab_tcpext[] = {
	{ "DelayedACKLocked",
	  "%llu delayed acks further delayed because of locked socket",
	  OPT },
	{ "DelayedACKLost", "Quick ack mode was activated %llu times", OPT },
	{ "DelayedACKs", "%llu delayed acks sent", OPT },
	{ "EmbryonicRsts",
	  "%llu resets received for embryonic SYN_RECV sockets",
	  OPT },
	{ "ListenDrops", "%llu SYNs to LISTEN sockets dropped", OPT },
	{ "ListenOverflows",
	  "%llu times the listen queue of a socket overflowed",
	  OPT },
	{ "LockDroppedIcmps",
	  "%llu ICMP packets dropped because socket was locked",
	  OPT },
	{ "OfoPruned",
	  "%llu packets dropped from out-of-order queue because "
	  "of socket buffer overrun",
	  OPT },
	{ "OutOfWindowIcmps",
	  "%llu ICMP packets dropped because they were out-of-window",
	  OPT },
	{ "PAWSActive",
	  "%llu active connections rejected because of time stamp",
	  OPT },
	{ "PAWSEstab",
	  "%llu packets rejected in established connections "
	  "because of timestamp",
	  OPT },
	{ "PAWSPassive",
	  "%llu passive connections rejected because of time stamp",
	  OPT },
	{ "PruneCalled",
	  "%llu packets pruned from receive queue because of "
	  "socket buffer overrun",
	  OPT },
	{ "RcvPruned", "%llu packets pruned from receive queue", OPT },
	{ "SockMallocOOM",
	  "Ran %llu times out of system memory during packet sending",
	  OPT },
	{ "SyncookiesFailed", "%llu invalid SYN cookies received", OPT },
	{ "SyncookiesRecv", "%llu SYN cookies received", OPT },
	{ "SyncookiesSent", "%llu SYN cookies sent", OPT },
	{ "TCPAbortFailed",
	  "%llu times unable to send RST due to no memory",
	  OPT },
	{ "TCPAbortOnClose",
	  "%llu connections reset due to early user close",
	  OPT },
	{ "TCPAbortOnData",
	  "%llu connections reset due to unexpected data",
	  OPT },
	{ "TCPAbortOnLinger",
	  "%llu connections aborted after user close in linger timeout",
	  OPT },
	{ "TCPAbortOnMemory",
	  "%llu connections aborted due to memory pressure",
	  OPT },
	{ "TCPAbortOnSyn",
	  "%llu connections reset due to unexpected SYN",
	  OPT },
	{ "TCPAbortOnTimeout", "%llu connections aborted due to timeout", OPT },
	{ "TCPDirectCopyFromBacklog",
	  "%llu bytes directly in process context from backlog",
	  OPT },
	{ "TCPDirectCopyFromPrequeue",
	  "%llu bytes directly received in process context from prequeue",
	  OPT },
	{ "TCPDSACKOfoRecv",
	  "%llu DSACKs for out of order packets received",
	  OPT },
	{ "TCPDSACKOfoSent", "%llu DSACKs sent for out of order packets", OPT },
	{ "TCPDSACKOldSent", "%llu DSACKs sent for old packets", OPT },
	{ "TCPDSACKRecv", "%llu DSACKs received", OPT },
	{ "TCPDSackUndo",
	  "%llu congestion window recovered without slow start using DSACK",
	  OPT },
	{ "TCPDSACKUndo",
	  "%llu congestion windows recovered without slow start by DSACK",
	  OPT },
	{ "TCPFACKReorder", "Detected reordering %llu times using FACK", OPT },
	{ "TCPFastRetrans", "%llu fast retransmits", OPT },
	{ "TCPForwardRetrans", "%llu forward retransmits", OPT },
	{ "TCPFullUndo",
	  "%llu congestion windows fully recovered without slow start",
	  OPT },
	{ "TCPHPAcks", "%llu predicted acknowledgments", OPT },
	{ "TCPHPHits", "%llu packet headers predicted", NUMBER },
	{ "TCPHPHitsToUser",
	  "%llu packet headers predicted and directly queued to user",
	  OPT },
	{ "TCPLossFailures", "%llu timeouts in loss state", OPT },
	{ "TCPLoss", "%llu TCP data loss events", OPT },
	{ "TCPLossUndo",
	  "%llu congestion windows recovered without slow start "
	  "after partial ack",
	  OPT },
	{ "TCPLostRetransmits", "%llu retransmits lost", OPT },
	{ "TCPMemoryPressures", "TCP ran low on memory %llu times", OPT },
	{ "TCPPartialUndo",
	  "%llu congestion windows partially recovered using Hoe heuristic",
	  OPT },
	{ "TCPPrequeued",
	  "%llu packets directly queued to recvmsg prequeue",
	  OPT },
	{ "TCPPrequeueDropped", "%llu packets dropped from prequeue", OPT },
	{ "TCPPureAcks",
	  "%llu acknowledgments not containing data payload received",
	  OPT },
	{ "TCPRcvCollapsed",
	  "%llu packets collapsed in receive queue due to low socket buffer",
	  OPT },
	{ "TCPRenoFailures", "%llu timeouts after reno fast retransmit", OPT },
	{ "TCPRenoRecoveryFailed", "%llu reno fast retransmits failed", OPT },
	{ "TCPRenoRecoveryFail",
	  "%llu classic Reno fast retransmits failed",
	  OPT },
	{ "TCPRenoRecovery",
	  "%llu times recovered from packet loss due to fast retransmit",
	  OPT },
	{ "TCPRenoReorder",
	  "Detected reordering %llu times using reno fast retransmit",
	  OPT },
	{ "TCPSackFailures", "%llu timeouts after SACK recovery", OPT },
	{ "TCPSackRecoveryFail", "%llu SACK retransmits failed", OPT },
	{ "TCPSackRecovery",
	  "%llu times recovered from packet loss by selective acknowledgements",
	  OPT },
	{ "TCPSACKReneging", "%llu bad SACK blocks received", OPT },
	{ "TCPSACKReorder", "Detected reordering %llu times using SACK", OPT },
	{ "TCPSchedulerFailed",
	  "%llu times receiver scheduled too late for direct processing",
	  OPT },
	{ "TCPSlowStartRetrans", "%llu retransmits in slow start", OPT },
	{ "TCPTimeouts", "%llu other TCP timeouts", OPT },
	{ "TCPTSReorder",
	  "Detected reordering %llu times using time stamp",
	  OPT },
	{ "TWKilled",
	  "%llu TCP sockets finished time wait in slow timer",
	  OPT },
	{ "TW", "%llu TCP sockets finished time wait in fast timer", OPT },
	{ "TWRecycled", "%llu time wait sockets recycled by time stamp", OPT },
};

static const struct netstat_stat_entry tab_sctp[] = {
	{ "SctpAborteds", "%llu Number of Aborteds ", NUMBER },
	{ "SctpActiveEstabs", "%llu Active Associations", NUMBER },
	{ "SctpChecksumErrors",
	  "%llu Number of Packets with invalid Checksum",
	  NUMBER },
	{ "SctpCurrEstab", "%llu Current Associations", NUMBER },
	{ "SctpFragUsrMsgs", "%llu Number of messages fragmented", NUMBER },
	{ "SctpInCtrlChunks",
	  "%llu Number of control chunks received",
	  NUMBER },
	{ "SctpInOrderChunks",
	  "%llu Number of ordered chunks received",
	  NUMBER },
	{ "SctpInSCTPPacks", "%llu Number of SCTP packets received", NUMBER },
	{ "SctpInUnorderChunks",
	  "%llu Number of Unordered chunks received",
	  NUMBER },
	{ "SctpOutCtrlChunks", "%llu Number of control chunks sent", NUMBER },
	{ "SctpOutOfBlues", "%llu Number of Out of Blue packets", NUMBER },
	{ "SctpOutOrderChunks", "%llu Number of ordered chunks sent", NUMBER },
	{ "SctpOutSCTPPacks", "%llu Number of SCTP packets sent", NUMBER },
	{ "SctpOutUnorderChunks",
	  "%llu Number of Unordered chunks sent",
	  NUMBER },
	{ "SctpPassiveEstabs", "%llu Passive Associations", NUMBER },
	{ "SctpReasmUsrMsgs", "%llu Number of messages reassembled ", NUMBER },
	{ "SctpShutdowns", "%llu Number of Graceful Terminations", NUMBER },
};
#define TAB(title, arr, sw) \
	{ title, arr, sizeof(arr) / sizeof(arr[0]), NETSTAT_SW_##sw }

static const struct netstat_stat_table tabs_snmp[] = {
	TAB("Ip", tab_ip, RAW),
	TAB("Icmp", tab_icmp, RAW),
	TAB("Tcp", tab_tcp, TCP),
	TAB("Udp", tab_udp, UDP),
	TAB("Sctp", tab_sctp, SCTP),
	TAB("TcpExt", tab_tcpext, TCP),
	{ NULL, NULL, 0, NETSTAT_SW_MAX },
};

static const struct netstat_stat_table tabs_snmp6[] = {
	TAB("Ip6", tab_ip6, RAW),
	TAB("Icmp6", tab_icmp6, RAW),
	TAB("Udp6", tab_udp6, UDP),
	TAB("Tcp6", tab_tcp, TCP),
	{ NULL, NULL, 0, NETSTAT_SW_MAX },
};

const struct netstat_stat_table *netstat_stats_tab_all(bool v6)
{
	return v6 ? tabs_snmp6 : tabs_snmp;
}

const struct netstat_stat_table *netstat_stats_tab_find(bool v6,
							const char *title)
{
	const struct netstat_stat_table *t;

	for (t = netstat_stats_tab_all(v6); t->title; t++)
		if (strcmp(t->title, title) == 0)
			return t;
	return NULL;
}

const struct netstat_stat_entry *
netstat_stats_tab_lookup(const struct netstat_stat_table *t, const char *key)
{
	size_t lo = 0, hi = t->n;

	/* glibc's midpoint and bounds, so that the same keys are missed */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int cmp = strcmp(key, t->entries[mid].key);

		if (cmp < 0)
			hi = mid;
		else if (cmp > 0)
			lo = mid + 1;
		else
			return &t->entries[mid];
	}
	return NULL;
}
