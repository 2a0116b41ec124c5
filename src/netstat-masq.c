/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netstat -M: /proc/net/ip_masquerade, which Linux dropped in 2.4; on every
 * current kernel this prints netstat's "no support" message. A recorded
 * tree that has the file gets net-tools 2.10's table.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "netstat.h"
#include "netstat-proc.h"
#include "netstat-scan.h"
#include "xalloc.h"

struct masq_entry {
	const char *proto;
	unsigned char src[4], dst[4];
	unsigned short sport, dport, mport;
	unsigned long initseq, expires;
	short delta, pdelta;
};

struct masq_list {
	struct masq_entry *v;
	size_t n, cap;
	bool pdelta;		/* the file has a PDelta column */
};

static const char *const masq_protos[][2] = {
	{ "IP", "ip" }, { "TCP", "tcp" }, { "UDP", "udp" },
	{ "ICMP", "icmp" }, { "GRE", "gre" }, { "ESP", "esp" },
};

static void masq_addr(uint32_t v, unsigned char out[4])
{
	uint32_t be = htonl(v);

	memcpy(out, &be, 4);
}

/* " %x:%hX" */
static int masq_scan_endpoint(struct netstat_scan *s, unsigned char addr[4],
			      unsigned short *port)
{
	unsigned int a, p;

	if (netstat_scan_hex(s, 0, &a) < 0)
		return 0;
	masq_addr(a, addr);
	if (netstat_scan_char(s, ':') < 0 || netstat_scan_hex(s, 0, &p) < 0)
		return 1;
	*port = (unsigned short)p;
	return 2;
}

/*
 * fscanf(" %s %x:%hX %x:%hX %hX %lX %hd [%hd] %lu"): the number of fields
 * converted, or -1 at the end of the input.
 */
static int masq_scan(struct netstat_scan *s, bool pdelta, char *proto,
		     struct masq_entry *e)
{
	unsigned int mport;
	unsigned long long ull;
	int n = 0, v;

	netstat_scan_space(s);
	if (netstat_scan_at_end(s))
		return -1;
	if (netstat_scan_str(s, 255, proto) < 0)
		return 0;
	n++;
	v = masq_scan_endpoint(s, e->src, &e->sport);
	n += v;
	if (v < 2)
		return n;
	v = masq_scan_endpoint(s, e->dst, &e->dport);
	n += v;
	if (v < 2 || netstat_scan_hex(s, 0, &mport) < 0)
		return n;
	e->mport = (unsigned short)mport;
	if (netstat_scan_hex(s, 0, &mport) < 0)
		return n + 1;
	e->initseq = mport;
	if (netstat_scan_int(s, 0, &v) < 0)
		return n + 2;
	e->delta = (short)v;
	n += 3;
	if (pdelta) {
		if (netstat_scan_int(s, 0, &v) < 0)
			return n;
		e->pdelta = (short)v;
		n++;
	}
	if (netstat_scan_ull(s, &ull) < 0)
		return n;
	e->expires = (unsigned long)ull;
	return n + 1;
}

/* The entries, or -1 after netstat's internal-error message. */
static int masq_read(const char *buf, size_t len, struct masq_list *l)
{
	struct netstat_scan s;
	char proto[256];
	const char *nl = memchr(buf, '\n', len);
	size_t skip = nl ? (size_t)(nl - buf) + 1 : len, i;
	bool pdelta = memmem(buf, skip, "PDelta", 6) != NULL;

	l->pdelta = pdelta;

	netstat_scan_init(&s, buf + skip, len - skip);
	for (;;) {
		struct masq_entry e = { 0 };
		int n = masq_scan(&s, pdelta, proto, &e);

		if (n == -1)
			return 0;
		if (n != (pdelta ? 10 : 9)) {
			fputs("masq_info.c: Internal Error `ip_masquerade "
			      "format error'.\n", stderr);
			return -1;
		}
		for (i = 0; i < sizeof(masq_protos) / sizeof(masq_protos[0]);
		     i++)
			if (strcmp(proto, masq_protos[i][0]) == 0)
				e.proto = masq_protos[i][1];
		if (!e.proto) {
			fputs("masq_info.c: Internal Error `ip_masquerade "
			      "unknown type'.\n", stderr);
			return -1;
		}
		if (l->n == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 16;
			l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
		}
		l->v[l->n++] = e;
	}
}

/*
 * net-tools' get_sname(): "*" for port 0, else a service name from the
 * list getservent() gives (the last entry for a port wins), or the number.
 */
static const char *masq_port(unsigned short port, const char *proto,
			     bool numeric, char *buf, size_t len)
{
	struct servent *se;
	const char *name = NULL;

	if (port == 0)
		return "*";
	if (!numeric && (strcmp(proto, "tcp") == 0 ||
			 strcmp(proto, "udp") == 0)) {
		setservent(1);
		while ((se = getservent()) != NULL)
			if (strcmp(se->s_proto, proto) == 0 &&
			    ntohs((unsigned short)se->s_port) == port) {
				snprintf(buf, len, "%s", se->s_name);
				name = buf;
			}
		endservent();
	}
	if (!name)
		snprintf(buf, len, "%u", port);
	return buf;
}

static void masq_print(const struct netstat_ctl *ctl, struct output *out,
		       struct netstat_anames *names, const struct masq_entry *e,
		       bool pdelta)
{
	unsigned int how = ctl->numeric_hosts ? NETSTAT_NAME_NUMERIC : 0;
	char a[128], p1[64], p2[64], p3[64];

	output_printf(out, "%-4s%3ld:%02ld.%02ld ", e->proto,
		      (long)(e->expires / 6000L),
		      (long)((e->expires / 100L) % 60),
		      (long)(e->expires % 100L));
	if (ctl->extend >= 1 && pdelta)
		output_printf(out, "%10lu %5hd %5hd ", e->initseq, e->delta,
			      e->pdelta);
	else if (ctl->extend >= 1)
		output_printf(out, "%10lu %5hd     - ", e->initseq, e->delta);
	output_printf(out, "%-20s ", netstat_anames_inet(names, e->src, how,
			NETSTAT_SPRINT_MASK, a, sizeof(a)));
	output_printf(out, "%-20s ", netstat_anames_inet(names, e->dst, how,
			NETSTAT_SPRINT_MASK, a, sizeof(a)));
	output_printf(out, "%s -> %s (%s)\n",
		      masq_port(e->sport, e->proto, ctl->numeric_ports, p1,
				sizeof(p1)),
		      masq_port(e->dport, e->proto, ctl->numeric_ports, p2,
				sizeof(p2)),
		      masq_port(e->mport, e->proto, ctl->numeric_ports, p3,
				sizeof(p3)));
}

/* ip_masq_info(): 0, 1 (no such file) or -1 (an error). */
static int masq_once(const struct netstat_ctl *ctl, struct output *out,
		     struct netstat_anames *names)
{
	struct masq_list l = { NULL, 0, 0 };
	size_t len, i;
	char *buf;
	int rerr, err = netstat_proc_read(&ctl->src, "net/ip_masquerade",
					  &buf, &len, &rerr);

	if (err == -ENOENT) {
		fputs("netstat: no support for `ip_masquerade' on this "
		      "system.\n", stderr);
		return 1;
	}
	if (err < 0) {
		netstat_proc_perror("/proc/net/ip_masquerade", -err);
		return -1;
	}
	if (len == 0) {
		fputs("masq_info: Internal Error `fgets() failed'.\n", stderr);
		free(buf);
		return -1;
	}
	err = masq_read(buf, len, &l);
	free(buf);
	if (err == 0 && l.n > 0) {
		output_str(out, "IP masquerading entries\n");
		output_str(out, ctl->extend >= 1 ?
			   "prot   expire    initseq delta prevd source        "
			   "       destination          ports\n" :
			   "prot   expire source               destination    "
			   "      ports\n");
		for (i = 0; i < l.n; i++)
			masq_print(ctl, out, names, &l.v[i], l.pdelta);
	}
	free(l.v);
	return err;
}

int netstat_masq_run(const struct netstat_ctl *ctl, struct output *out)
{
	struct netstat_anames names = { NULL };
	int rc;

	for (;;) {
		rc = masq_once(ctl, out, &names);
		if (rc || !ctl->continuous || output_flush(out) < 0)
			break;
		sleep(1);
	}
	netstat_anames_free(&names);
	return rc < 0 ? NETSTAT_EXIT_PROC : rc;
}
