/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netstat -g: multicast group memberships, IPv4 then IPv6 (netstat.md 4.3),
 * in net-tools 2.10's format.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "netstat.h"
#include "netstat-groups.h"
#include "netstat-proc.h"
#include "netstat-scan.h"

/* net-tools reads these files with fgets() into 8192 bytes */
#define GROUPS_LINE_BUF	8192

/* "%d %15s %64[0-9A-Fa-f] %d" */
static int groups_v6_line(struct netstat_groups_carry *c, const char *line,
			  size_t len, struct netstat_group *g)
{
	char hex[65], dev[16];
	struct netstat_scan s, h;
	int idx, refcnt, i;

	netstat_scan_init(&s, line, len);
	if (netstat_scan_int(&s, 0, &idx) < 0 ||
	    netstat_scan_str(&s, 15, dev) < 0)
		return -EINVAL;
	memcpy(c->device, dev, sizeof(dev));
	netstat_scan_space(&s);
	if (netstat_scan_hexset(&s, 64, hex) < 0 ||
	    netstat_scan_int(&s, 0, &refcnt) < 0)
		return -EINVAL;
	/* "%08X%08X%08X%08X": words not converted keep their old value */
	netstat_scan_init(&h, hex, strlen(hex));
	for (i = 0; i < 4; i++) {
		unsigned int w;

		if (netstat_scan_hex(&h, 8, &w) < 0)
			break;
		c->words[i] = w;
	}
	for (i = 0; i < 4; i++)
		c->words[i] = htonl(c->words[i]);
	g->family = AF_INET6;
	memcpy(g->addr, c->words, 16);
	g->device = c->device;
	g->refcnt = refcnt;
	return 1;
}

/*
 * An interface line: "%d\t%15c" (with an index) or "%15c", the name then
 * cut at its ':'. %c copies raw bytes and adds no NUL, so a short line
 * leaves the end of the previous name in place (as netstat shows it).
 */
static int groups_v4_iface(struct netstat_groups_carry *c, const char *line,
			   size_t len)
{
	struct netstat_scan s;
	size_t n = 0;
	char *colon;
	int idx;

	netstat_scan_init(&s, line, len);
	if (c->idx) {
		if (netstat_scan_int(&s, 0, &idx) < 0)
			return -EINVAL;
		netstat_scan_space(&s);
	}
	if (netstat_scan_at_end(&s))
		return -EINVAL;
	while (n < 15 && !netstat_scan_at_end(&s))
		c->device[n++] = *s.p++;
	c->device[15] = '\0';
	colon = strchr(c->device, ':');
	if (colon)
		*colon = '\0';
	return 0;
}

/* A group line: "\t%8[0-9A-Fa-f] %d" */
static int groups_v4_group(struct netstat_groups_carry *c, const char *line,
			   size_t len, struct netstat_group *g)
{
	struct netstat_scan s, h;
	unsigned int v = 0;
	char hex[9];
	int refcnt;

	netstat_scan_init(&s, line, len);
	netstat_scan_space(&s);
	if (netstat_scan_hexset(&s, 8, hex) < 0 ||
	    netstat_scan_int(&s, 0, &refcnt) < 0)
		return -EINVAL;
	netstat_scan_init(&h, hex, strlen(hex));
	netstat_scan_hex(&h, 0, &v);
	g->family = AF_INET;
	memset(g->addr, 0, sizeof(g->addr));
	memcpy(g->addr, &v, 4);
	g->device = c->device;
	g->refcnt = refcnt;
	return 1;
}

int netstat_groups_line(struct netstat_groups_carry *c, unsigned int lnr,
			const char *line, size_t len, struct netstat_group *g)
{
	if (lnr == 0) {
		/* igmp6 has no header line; igmp's names "Device" */
		if (!memmem(line, len, "Device", 6)) {
			c->v6 = true;
		} else {
			c->idx = len >= 3 && memcmp(line, "Idx", 3) == 0;
			return 0;
		}
	}
	if (c->v6)
		return groups_v6_line(c, line, len, g);
	if (len == 0 || line[0] != '\t')
		return groups_v4_iface(c, line, len);
	return groups_v4_group(c, line, len, g);
}

/* netstat's parser state lives as long as the process, as netstat's does */
static struct netstat_groups_carry groups_carry;

static void groups_print(const struct netstat_ctl *ctl, struct output *out,
			 struct netstat_anames *names,
			 const struct netstat_group *g)
{
	struct in6_addr a6;
	char buf[256];
	const char *name;

	memcpy(&a6, g->addr, sizeof(a6));
	if (g->family == AF_INET)
		name = netstat_anames_inet(names, g->addr,
					  ctl->numeric_hosts ?
					  NETSTAT_NAME_NUMERIC : 0,
					  NETSTAT_SPRINT_MASK, buf,
					  sizeof(buf));
	else
		name = netstat_anames_inet6(&a6, ctl->numeric_hosts, buf,
					   sizeof(buf));
	output_printf(out, "%-15s %-6d %s\n", g->device, g->refcnt, name);
}

static void groups_file(const struct netstat_ctl *ctl, struct output *out,
			struct netstat_anames *names, const char *buf,
			size_t len)
{
	struct netstat_group g;
	const char *line;
	size_t off = 0, n;
	unsigned int lnr = 0;

	while (netstat_scan_line(buf, len, &off, GROUPS_LINE_BUF, &line, &n)) {
		int rc = netstat_groups_line(&groups_carry, lnr, line, n, &g);

		if (rc > 0)
			groups_print(ctl, out, names, &g);
		else if (rc < 0)
			fprintf(stderr, "warning, got bogus igmp%s line %u.\n",
				groups_carry.v6 ? "6" : "", lnr);
		lnr++;
	}
}

int netstat_groups_print(const struct netstat_ctl *ctl, struct output *out)
{
	struct netstat_anames names = { NULL };
	int rc = NETSTAT_EXIT_OK, err, rerr;
	size_t len;
	char *buf;

	output_str(out, "IPv6/IPv4 Group Memberships\n"
		   "Interface       RefCnt Group\n"
		   "--------------- ------ ---------------------\n");
	if (ctl->inet) {
		err = netstat_proc_read(&ctl->src, "net/igmp", &buf, &len,
					&rerr);
		if (err == -ENOENT && !ctl->noprot) {
			fprintf(stderr, "netstat: no support for `AF INET "
				"(igmp)' on this system.\n");
			rc = NETSTAT_EXIT_FAIL;
		} else if (err == -ENOENT) {
			/* silent, as for any table in no-protocol mode */
		} else if (err < 0) {
			netstat_proc_perror("/proc/net/igmp", -err);
			return NETSTAT_EXIT_PROC;
		} else {
			groups_file(ctl, out, &names, buf, len);
			free(buf);
		}
	}
	if (ctl->inet6 && netstat_proc_read(&ctl->src, "net/igmp6", &buf,
					    &len, &rerr) == 0) {
		groups_file(ctl, out, &names, buf, len);
		free(buf);
	}
	netstat_anames_free(&names);
	return rc;
}
