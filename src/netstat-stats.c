/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netstat -s: the counters of /proc/net/snmp, netstat, sctp/snmp and snmp6
 * through net-tools 2.10's tables and its indentation state machine
 * (netstat.md 3.3), quirks included: unknown tables always printed and
 * inheriting the indentation, histogram titles for zero counters, keys its
 * mis-sorted arrays cannot find.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netstat.h"
#include "netstat-proc.h"
#include "netstat-stats.h"

struct stats_render {
	struct output *out;
	bool v6;			/* tables of snmp6 (else snmp) */
	bool sw[NETSTAT_SW_MAX];	/* -w -t -u -S */
	const struct netstat_stat_table *tab;	/* NULL: unknown table */
	bool on;			/* the current table's values print */
	enum netstat_stat_kind state;	/* decides the indentation */
};

static unsigned int stats_indent(enum netstat_stat_kind k)
{
	switch (k) {
	case NETSTAT_STAT_IN_ICMP:
	case NETSTAT_STAT_OUT_ICMP:
		return 8;
	case NETSTAT_STAT_RTO:
		return 0;
	case NETSTAT_STAT_NUMBER:
	case NETSTAT_STAT_OPT:
	case NETSTAT_STAT_FORWARD:
	default:
		return 4;
	}
}

static void stats_table(void *arg, const char *title)
{
	struct stats_render *r = arg;
	const struct netstat_stat_table *t;

	t = netstat_stats_tab_find(r->v6, title);
	r->tab = t;
	if (t) {
		r->on = r->sw[t->sw];
		if (r->on)
			output_printf(r->out, "%s:\n", title);
		r->state = NETSTAT_STAT_NUMBER;
		return;
	}
	/* unknown tables: always shown, the indentation state carries on */
	output_printf(r->out, "%s:\n", title);
	r->on = true;
}

/* The text with its one "%llu" replaced by the value. */
static void stats_text(struct output *out, unsigned int indent,
		       const char *text, unsigned long long val)
{
	const char *at = strstr(text, "%llu");

	output_spaces(out, indent);
	if (at) {
		output_write(out, text, (size_t)(at - text));
		output_printf(out, "%llu", val);
		output_str(out, at + 4);
	} else {
		output_str(out, text);
	}
	output_str(out, "\n");
}

static void stats_title(struct stats_render *r, enum netstat_stat_kind k)
{
	if (r->state == k)
		return;
	output_spaces(r->out, stats_indent(r->state));
	output_str(r->out, k == NETSTAT_STAT_IN_ICMP ?
		   "ICMP input histogram:\n" : "ICMP output histogram:\n");
}

static void stats_value(void *arg, const char *key, unsigned long long val)
{
	struct stats_render *r = arg;
	const struct netstat_stat_entry *e;
	enum netstat_stat_kind k;

	if (!r->on)
		return;
	e = r->tab ? netstat_stats_tab_lookup(r->tab, key) : NULL;
	if (!e) {
		if (val)
			output_printf(r->out, "%*s%s: %llu\n",
				      (int)stats_indent(r->state), "", key,
				      val);
		return;
	}
	if ((e->type & NETSTAT_STAT_STATIC) || e->text[0] == '\0')
		return;
	k = (enum netstat_stat_kind)(e->type & 0x0f);
	if (e->type & NETSTAT_STAT_TITLE)
		stats_title(r, k);
	if (k == NETSTAT_STAT_NUMBER || val != 0)
		stats_text(r->out, stats_indent(k), e->text, val);
	r->state = k;
}

/* Which tables -t -u -w -S enable; none of them (or -s alone): all. */
static void stats_switches(const struct netstat_ctl *ctl,
			   struct stats_render *r)
{
	bool any = ctl->tcp || ctl->udp || ctl->udplite || ctl->sctp ||
		   ctl->raw;

	r->sw[NETSTAT_SW_RAW] = ctl->raw || !any;
	r->sw[NETSTAT_SW_TCP] = ctl->tcp || !any;
	r->sw[NETSTAT_SW_UDP] = ctl->udp || !any;
	r->sw[NETSTAT_SW_SCTP] = ctl->sctp || !any;
}

/*
 * Reads one counter file. Returns 0 when it could be opened (its bytes in
 * *buf), else the errno. A read error is reported as netstat's ferror()
 * check does, after the file was processed.
 */
static int stats_read(const struct netstat_ctl *ctl, const char *name,
		      char **buf, size_t *len, int *read_err)
{
	int rc = netstat_proc_read(&ctl->src, name, buf, len, read_err);

	return rc < 0 ? -rc : 0;
}

static void stats_read_error(const char *name, int read_err)
{
	char path[64];

	if (!read_err)
		return;
	snprintf(path, sizeof(path), "/proc/%s", name);
	netstat_proc_perror(path, read_err);
}

/*
 * One file of title/key/value line pairs; complains as netstat does about
 * bad pairs. Returns whether the file could be opened.
 */
static bool stats_pairs_file(const struct netstat_ctl *ctl, const char *name,
			     const struct netstat_snmp_cb *cb, bool must)
{
	size_t len;
	char *buf;
	int rerr, err = stats_read(ctl, name, &buf, &len, &rerr);

	if (err) {
		if (must)
			fprintf(stderr, "cannot open /proc/%s: %s\n", name,
				strerror(err));
		return false;
	}
	if (netstat_snmp_parse_pairs(buf, len, NULL, cb) < 0)
		fprintf(stderr, "Problem while parsing /proc/%s\n", name);
	stats_read_error(name, rerr);
	free(buf);
	return true;
}

/* parsesnmp(): snmp (required), netstat and sctp/snmp when present. */
static int stats_inet(const struct netstat_ctl *ctl,
		      const struct netstat_snmp_cb *cb)
{
	size_t len;
	char *buf;
	int rerr;

	if (!stats_pairs_file(ctl, "net/snmp", cb, true))
		return NETSTAT_EXIT_OK;
	stats_pairs_file(ctl, "net/netstat", cb, false);
	if (stats_read(ctl, "net/sctp/snmp", &buf, &len, &rerr) == 0) {
		netstat_snmp_parse_sctp(buf, len, cb);
		stats_read_error("net/sctp/snmp", rerr);
		free(buf);
	}
	return NETSTAT_EXIT_OK;
}

/* parsesnmp6(): snmp6, then the Tcp lines of snmp (with snmp's tables). */
static int stats_inet6(const struct netstat_ctl *ctl, struct stats_render *r,
		       const struct netstat_snmp_cb *cb)
{
	size_t len;
	char *buf;
	int rerr, err;

	err = stats_read(ctl, "net/snmp6", &buf, &len, &rerr);
	if (err) {
		fprintf(stderr, "cannot open /proc/net/snmp6: %s\n",
			strerror(err));
		return 0;
	}
	netstat_snmp_parse_snmp6(buf, len, cb);
	stats_read_error("net/snmp6", rerr);
	free(buf);
	err = stats_read(ctl, "net/snmp", &buf, &len, &rerr);
	if (err) {
		fprintf(stderr, "cannot open /proc/net/snmp: %s\n",
			strerror(err));
		return 0;
	}
	r->v6 = false;
	netstat_snmp_parse_pairs(buf, len, "Tcp", cb);
	stats_read_error("net/snmp", rerr);
	free(buf);
	return 0;
}

int netstat_stats_run(const struct netstat_ctl *ctl, struct output *out)
{
	const char *af = ctl->afname[0] ? ctl->afname : "inet";
	struct stats_render r = { .out = out, .state = NETSTAT_STAT_NUMBER };
	struct netstat_snmp_cb cb = { stats_table, stats_value, &r };

	stats_switches(ctl, &r);
	if (strcmp(af, "inet") == 0)
		return stats_inet(ctl, &cb);
	if (strcmp(af, "inet6") == 0) {
		r.v6 = true;
		return stats_inet6(ctl, &r, &cb);
	}
	output_printf(out, "netstat: No statistics support for specified "
		      "address family: %s\n", af);
	return NETSTAT_EXIT_FAIL;
}
