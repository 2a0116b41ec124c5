/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The routing files as net-tools 2.10 reads them. Pure: bytes in, values
 * out. /proc/net/route and rt_cache are read by header titles (net-tools'
 * proc_gen_fmt()), ipv6_route with one fixed scanf() format.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "netstat-route.h"
#include "netstat-scan.h"

/* proc_gen_fmt() reads the header with fgets(buf, 511) */
#define ROUTE_HDR_MAX	510

static bool route_hdr_sep(char c)
{
	return c == '|' || c == ' ' || c == '\t' || c == '\n';
}

/* The next header word, or false at the end. */
static bool route_hdr_word(const char **p, const char *end, const char **w,
			   size_t *wlen)
{
	const char *s = *p;

	if (!s)
		return false;
	while (s < end && (isspace((unsigned char)*s) || *s == '|'))
		s++;
	*w = s;
	while (s < end && !route_hdr_sep(*s))
		s++;
	*wlen = (size_t)(s - *w);
	/* a word that reaches the end has no separator after it */
	*p = s < end ? s + 1 : NULL;
	return true;
}

int netstat_route_fmt(const char *header, size_t len,
		      const struct netstat_col *cols, size_t ncols,
		      struct netstat_fmt *fmt, size_t *missing)
{
	char buf[ROUTE_HDR_MAX + 2];
	const char *p = buf, *w;
	size_t want = 0, wlen;

	if (len > ROUTE_HDR_MAX)
		len = ROUTE_HDR_MAX;
	memcpy(buf, header, len);
	buf[len] = ' ';		/* net-tools appends a space */
	fmt->n = 0;
	while (want < ncols && route_hdr_word(&p, buf + len + 1, &w, &wlen)) {
		int slot = -1;

		if (strlen(cols[want].title) == wlen &&
		    memcmp(cols[want].title, w, wlen) == 0)
			slot = (int)want++;
		if (fmt->n < NETSTAT_FMT_MAX)
			fmt->slot[fmt->n++] = slot;
	}
	if (want < ncols) {
		*missing = want;
		return -ENOENT;
	}
	return 0;
}

int netstat_route_scan(const struct netstat_fmt *fmt,
		       const struct netstat_col *cols, const char *line,
		       size_t len, struct netstat_rowval *v)
{
	struct netstat_scan s;
	size_t i;
	int num = 0;

	netstat_scan_init(&s, line, len);
	for (i = 0; i < fmt->n; i++) {
		int slot = fmt->slot[i], rc;
		const struct netstat_col *c;
		char tmp[NETSTAT_VAL_STR];
		unsigned int x;

		if (slot < 0) {
			if (netstat_scan_skip(&s) < 0)
				break;
			continue;
		}
		c = &cols[slot];
		if (c->type == NETSTAT_COL_STR) {
			rc = netstat_scan_str(&s, c->width, tmp);
			if (rc == 0)
				memcpy(v->s[slot], tmp, strlen(tmp) + 1);
		} else if (c->type == NETSTAT_COL_HEX) {
			rc = netstat_scan_hex(&s, 0, &x);
			if (rc == 0)
				v->n[slot] = (int)x;
		} else {
			rc = netstat_scan_int(&s, 0, &v->n[slot]);
		}
		if (rc < 0)
			break;
		num++;
	}
	return num;
}

static int route6_groups(struct netstat_scan *s, char g[8][5])
{
	int i;

	for (i = 0; i < 8; i++)
		if (netstat_scan_str(s, 4, g[i]) < 0)
			return i;
	return 8;
}

static int route6_hex(struct netstat_scan *s, size_t width, int *v)
{
	unsigned int x;

	if (netstat_scan_hex(s, width, &x) < 0)
		return 0;
	*v = (int)x;
	return 1;
}

/*
 * "%4s x8 %02x %4s x8 %02x %4s x8 %08x %08x %08x %08x %15s". A %4s that
 * fails leaves its group as it was (netstat's arrays live across lines).
 */
int netstat_route6_scan(const char *line, size_t len,
			struct netstat_route6_row *r)
{
	struct netstat_scan s;
	int n, k;
	unsigned int fl;

	netstat_scan_init(&s, line, len);
	n = k = route6_groups(&s, r->dst);
	if (k < 8 || !(k = route6_hex(&s, 2, &r->dst_len)))
		return n;
	n += 1 + (k = route6_groups(&s, r->src));
	if (k < 8 || !(k = route6_hex(&s, 2, &r->src_len)))
		return n;
	n += 1 + (k = route6_groups(&s, r->via));
	if (k < 8 || !(k = route6_hex(&s, 8, &r->metric)))
		return n;
	n++;
	if (!route6_hex(&s, 8, &r->refcnt))
		return n;
	n++;
	if (!route6_hex(&s, 8, &r->use))
		return n;
	n++;
	if (netstat_scan_hex(&s, 8, &fl) < 0)
		return n;
	r->flags = fl;
	n++;
	if (netstat_scan_str(&s, 15, r->iface) < 0)
		return n;
	return n + 1;
}

void netstat_route6_join(char groups[8][5], char *out, size_t size)
{
	snprintf(out, size, "%s:%s:%s:%s:%s:%s:%s:%s", groups[0], groups[1],
		 groups[2], groups[3], groups[4], groups[5], groups[6],
		 groups[7]);
}
