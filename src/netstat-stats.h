/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netstat -s: the counter files' parsers (pure, netstat-snmp.c), net-tools
 * 2.10's wording tables (netstat-stats-tab.c) and the renderer with its
 * indentation state machine (netstat-stats.c). netstat.md section 3.
 */
#ifndef LSOCK_NETSTAT_STATS_H
#define LSOCK_NETSTAT_STATS_H

#include <stdbool.h>
#include <stddef.h>

/* What a counter's line looks like (net-tools' entry types). */
enum netstat_stat_kind {
	NETSTAT_STAT_NUMBER,	/* always printed */
	NETSTAT_STAT_OPT,	/* printed when not 0 */
	NETSTAT_STAT_FORWARD,	/* Forwarding: static, never printed */
	NETSTAT_STAT_IN_ICMP,	/* ICMP input histogram entry */
	NETSTAT_STAT_OUT_ICMP,	/* ICMP output histogram entry */
	NETSTAT_STAT_RTO,	/* RtoAlgorithm: static, never printed */
};

#define NETSTAT_STAT_STATIC	0x10	/* never printed (no -s option sets it) */
#define NETSTAT_STAT_TITLE	0x20	/* histogram entry: title first */

struct netstat_stat_entry {
	const char *key;
	const char *text;	/* "" when never printed; "%llu" = value */
	unsigned int type;	/* kind | NETSTAT_STAT_STATIC | _TITLE */
};

/* Which -t/-u/-w/-S switch enables a known table. */
enum netstat_stat_switch {
	NETSTAT_SW_RAW,
	NETSTAT_SW_TCP,
	NETSTAT_SW_UDP,
	NETSTAT_SW_SCTP,
	NETSTAT_SW_MAX
};

struct netstat_stat_table {
	const char *title;
	const struct netstat_stat_entry *entries;
	size_t n;
	enum netstat_stat_switch sw;
};

/* The known tables of /proc/net/snmp+netstat, and of /proc/net/snmp6. */
const struct netstat_stat_table *netstat_stats_tab_find(bool v6,
							const char *title);
/*
 * glibc's bsearch() over the table in net-tools' array order, which is
 * not quite sorted: some keys that have a text are not found.
 */
const struct netstat_stat_entry *
netstat_stats_tab_lookup(const struct netstat_stat_table *t, const char *key);
/* For tests: the known tables (v6 or not), NULL-terminated by title. */
const struct netstat_stat_table *netstat_stats_tab_all(bool v6);

/* Events of a counter file, in file order. */
struct netstat_snmp_cb {
	void (*table)(void *arg, const char *title);
	void (*value)(void *arg, const char *key, unsigned long long val);
	void *arg;
};

/*
 * /proc/net/snmp and /proc/net/netstat: "Title: keys" / "Title: values"
 * line pairs. With prefix, only tables whose title starts with it. Returns
 * 0, or -EINVAL at a pair without ':' (events up to there were sent).
 */
int netstat_snmp_parse_pairs(const char *buf, size_t len, const char *prefix,
			     const struct netstat_snmp_cb *cb);
/* /proc/net/snmp6: "Name value" lines, tables by name prefix. */
void netstat_snmp_parse_snmp6(const char *buf, size_t len,
			      const struct netstat_snmp_cb *cb);
/* /proc/net/sctp/snmp: "Name value" lines, all in table Sctp. */
void netstat_snmp_parse_sctp(const char *buf, size_t len,
			     const struct netstat_snmp_cb *cb);

#endif /* LSOCK_NETSTAT_STATS_H */
