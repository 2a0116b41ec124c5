/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The counter files of netstat -s, read as net-tools 2.10 reads them:
 * pure functions from bytes to (table, key, value) events.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "netstat-scan.h"
#include "netstat-stats.h"
#include "xalloc.h"

/* snmp6 and sctp/snmp lines are read with fgets() into 1024 bytes */
#define SNMP_LINE_BUF	1024
/* net-tools keeps the snmp6 name in 50 bytes and the table in 1024 */
#define SNMP6_NAME_MAX	1023

static const char snmp_space[] = " \t\n";

/* A whole line (getline() semantics), as a C string cut at a NUL byte. */
static char *snmp_getline(const char *buf, size_t len, size_t *off)
{
	const char *line;
	size_t n;

	if (!netstat_scan_line(buf, len, off, (size_t)-1, &line, &n))
		return NULL;
	return xmemdup0(line, n);
}

/* One "Title: keys" / "Title: values" pair; keys and values by position. */
static void snmp_pair_values(char *sp, char *np,
			     const struct netstat_snmp_cb *cb)
{
	int endflag = 0;

	while (!endflag) {
		char *p;

		sp += strspn(sp, snmp_space);
		np += strspn(np, snmp_space);
		p = sp + strcspn(sp, snmp_space);
		if (*p == '\0')
			endflag = 1;
		*p = '\0';
		if (*sp != '\0')
			cb->value(cb->arg, sp, strtoull(np, &np, 10));
		sp = p + 1;
	}
}

int netstat_snmp_parse_pairs(const char *buf, size_t len, const char *prefix,
			     const struct netstat_snmp_cb *cb)
{
	size_t off = 0;
	char *l1, *l2;
	int err = 0;

	while ((l1 = snmp_getline(buf, len, &off)) != NULL) {
		char *sp, *np;

		if (l1[0] == '\n') {
			free(l1);
			continue;
		}
		l2 = snmp_getline(buf, len, &off);
		if (!l2) {
			free(l1);
			break;
		}
		sp = strchr(l1, ':');
		np = strchr(l2, ':');
		if (!sp || !np) {
			err = -EINVAL;
		} else {
			*sp = '\0';
			if (!prefix || strncmp(l1, prefix, strlen(prefix)) == 0) {
				cb->table(cb->arg, l1);
				snmp_pair_values(sp + 1, np + 1, cb);
			}
		}
		free(l1);
		free(l2);
		if (err)
			break;
	}
	return err;
}

/* net-tools' cpytitle(): the name up to and including its first '6'. */
static void snmp6_title(const char *name, char *title)
{
	size_t n = strcspn(name, "6");

	memcpy(title, name, n);
	if (name[n] == '6')
		title[n++] = '6';
	title[n] = '\0';
}

/* sscanf(line, "%s %llu", name, &val): both kept when not converted. */
static void snmp6_scan(const char *line, size_t n, char *name,
		       unsigned long long *val)
{
	struct netstat_scan s;

	netstat_scan_init(&s, line, n);
	if (netstat_scan_str(&s, SNMP6_NAME_MAX, name) < 0)
		return;
	netstat_scan_ull(&s, val);
}

void netstat_snmp_parse_snmp6(const char *buf, size_t len,
			      const struct netstat_snmp_cb *cb)
{
	char name[SNMP6_NAME_MAX + 1] = "", title[SNMP6_NAME_MAX + 2] = "";
	unsigned long long val = 0;
	const char *line;
	size_t off = 0, n;
	int started = 0;

	while (netstat_scan_line(buf, len, &off, SNMP_LINE_BUF, &line, &n)) {
		snmp6_scan(line, n, name, &val);
		if (!started || !strstr(name, title)) {
			snmp6_title(name, title);
			cb->table(cb->arg, title);
			started = 1;
		}
		cb->value(cb->arg, name, val);
	}
}

void netstat_snmp_parse_sctp(const char *buf, size_t len,
			     const struct netstat_snmp_cb *cb)
{
	const char *line;
	size_t off = 0, n;

	cb->table(cb->arg, "Sctp");
	while (netstat_scan_line(buf, len, &off, SNMP_LINE_BUF, &line, &n)) {
		char *l = xmemdup0(line, n);
		char *sp = l + strcspn(l, snmp_space);

		if (*sp != '\0') {
			*sp++ = '\0';
			sp += strspn(sp, snmp_space);
			if (*sp != '\0')
				cb->value(cb->arg, l, strtoul(sp, NULL, 10));
		}
		free(l);
	}
}
