/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netstat -r: the families of -A (or inet) in order, each with its FIB
 * and/or cache (-F -C), as net-tools 2.10's route_info() and INET_rprint()
 * print them; the -e count picks the layout, -n and -N (net-tools' bug)
 * make hosts numeric.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "netstat-route.h"
#include "netstat-scan.h"

/* fgets() sizes net-tools reads the routing files with */
#define ROUTE_HDR_BUF	511
#define ROUTE_LINE_BUF	1023

struct route_ctx {
	const struct netstat_ctl *ctl;
	struct output *out;
	struct netstat_anames *names;
	int ext;		/* net-tools' remapped -e count, & 3 */
	bool numeric;		/* -n, --numeric-hosts or -N */
};

enum { C_IFACE, C_DST, C_GW, C_FLAGS, C_REF, C_USE, C_METRIC, C_MASK,
       C_MTU, C_WIN, C_IRTT, C_TOS, C_HHREF, C_HHUPTOD, C_SPECDST };

static const struct netstat_col route_cols[] = {
	{ "Iface", NETSTAT_COL_STR, 15 },
	{ "Destination", NETSTAT_COL_STR, 127 },
	{ "Gateway", NETSTAT_COL_STR, 127 },
	{ "Flags", NETSTAT_COL_HEX, 0 },
	{ "RefCnt", NETSTAT_COL_INT, 0 },
	{ "Use", NETSTAT_COL_INT, 0 },
	{ "Metric", NETSTAT_COL_INT, 0 },
	{ "Mask", NETSTAT_COL_STR, 127 },
	{ "MTU", NETSTAT_COL_INT, 0 },
	{ "Window", NETSTAT_COL_INT, 0 },
	{ "IRTT", NETSTAT_COL_INT, 0 },
};

/* rt_cache: format 2 (Linux 2.2 on) names its columns ... */
static const struct netstat_col cache2_cols[] = {
	{ "Iface", NETSTAT_COL_STR, 15 },
	{ "Destination", NETSTAT_COL_STR, 127 },
	{ "Gateway", NETSTAT_COL_STR, 127 },
	{ "Flags", NETSTAT_COL_HEX, 0 },
	{ "RefCnt", NETSTAT_COL_INT, 0 },
	{ "Use", NETSTAT_COL_INT, 0 },
	{ "Metric", NETSTAT_COL_INT, 0 },
	{ "Source", NETSTAT_COL_STR, 127 },
	{ "MTU", NETSTAT_COL_INT, 0 },
	{ "Window", NETSTAT_COL_INT, 0 },
	{ "IRTT", NETSTAT_COL_INT, 0 },
	{ "TOS", NETSTAT_COL_INT, 0 },
	{ "HHRef", NETSTAT_COL_INT, 0 },
	{ "HHUptod", NETSTAT_COL_INT, 0 },
	{ "SpecDst", NETSTAT_COL_STR, 127 },
};

/* ... format 1 (Linux 2.0) ends in HH and ARP, read into TOS and HHRef */
static const struct netstat_col cache1_cols[] = {
	{ "Iface", NETSTAT_COL_STR, 15 },
	{ "Destination", NETSTAT_COL_STR, 127 },
	{ "Gateway", NETSTAT_COL_STR, 127 },
	{ "Flags", NETSTAT_COL_HEX, 0 },
	{ "RefCnt", NETSTAT_COL_INT, 0 },
	{ "Use", NETSTAT_COL_INT, 0 },
	{ "Metric", NETSTAT_COL_INT, 0 },
	{ "Source", NETSTAT_COL_STR, 127 },
	{ "MTU", NETSTAT_COL_INT, 0 },
	{ "Window", NETSTAT_COL_INT, 0 },
	{ "IRTT", NETSTAT_COL_INT, 0 },
	{ "HH", NETSTAT_COL_INT, 0 },
	{ "ARP", NETSTAT_COL_INT, 0 },
};

#define NCOLS(a)	(sizeof(a) / sizeof(a[0]))

static void route_flag(char *f, size_t sz, unsigned int fl, unsigned int bit,
		       const char *s)
{
	if (fl & bit)
		strncat(f, s, sz - strlen(f) - 1);
}

static void route_fib_flags(unsigned int fl, char *f, size_t sz)
{
	static const struct { unsigned int bit; const char *s; } tail[] = {
		{ NETSTAT_RTF_HOST, "H" }, { NETSTAT_RTF_REINSTATE, "R" },
		{ NETSTAT_RTF_DYNAMIC, "D" }, { NETSTAT_RTF_MODIFIED, "M" },
		{ NETSTAT_RTF_DEFAULT, "d" }, { NETSTAT_RTF_ALLONLINK, "a" },
		{ NETSTAT_RTF_ADDRCONF, "c" }, { NETSTAT_RTF_NONEXTHOP, "o" },
		{ NETSTAT_RTF_EXPIRES, "e" }, { NETSTAT_RTF_CACHE, "c" },
		{ NETSTAT_RTF_FLOW, "f" }, { NETSTAT_RTF_POLICY, "p" },
		{ NETSTAT_RTF_LOCAL, "l" }, { NETSTAT_RTF_MTU, "u" },
		{ NETSTAT_RTF_WINDOW, "w" }, { NETSTAT_RTF_IRTT, "i" },
		{ NETSTAT_RTF_NOTCACHED, "n" },
	};
	size_t i;

	f[0] = '\0';
	route_flag(f, sz, fl, NETSTAT_RTF_UP, "U");
	route_flag(f, sz, fl, NETSTAT_RTF_GATEWAY, "G");
	if (fl & NETSTAT_RTF_REJECT)
		snprintf(f, sz, "!");
	for (i = 0; i < NCOLS(tail); i++)
		route_flag(f, sz, fl, tail[i].bit, tail[i].s);
}

/* An address column: parsed with INET_getsock (a bad one keeps the last). */
static void route_addr(const char *text, unsigned char addr[4])
{
	unsigned char a[4];

	if (netstat_scan_inaddr(text, a) == 0)
		memcpy(addr, a, 4);
}

/* The addresses of the FIB row, kept across rows as netstat's are. */
struct route_addrs {
	unsigned char dst[4], gw[4], mask[4], src[4], spec[4];
};

/* A reject route: dashes for what it has no use for. */
static void route_fib_reject(struct route_ctx *r, const char *dst,
			     const char *mask, const char *flags,
			     const struct netstat_rowval *v)
{
	if (r->ext == 1)
		output_printf(r->out, "%-15s -               %-15s %-5s %-6d -  "
			      "%7d -\n", dst, mask, flags, v->n[C_METRIC],
			      v->n[C_USE]);
	else if (r->ext == 2)
		output_printf(r->out, "%-15s -               %-15s %-5s     - "
			      "-          - -\n", dst, mask, flags);
	else if (r->ext == 3)
		output_printf(r->out, "%-15s -               %-15s %-5s %-6d -  "
			      "%7d -        -     -      -\n", dst, mask, flags,
			      v->n[C_METRIC], v->n[C_USE]);
}

static void route_fib_print(struct route_ctx *r, const char *dst,
			    const char *gw, const char *mask,
			    const char *flags, const struct netstat_rowval *v)
{
	const int *n = v->n;

	if (r->ext == 1)
		output_printf(r->out, "%-15s %-15s %-15s %-5s %-6d %-2d %7d %s\n",
			      dst, gw, mask, flags, n[C_METRIC], n[C_REF],
			      n[C_USE], v->s[C_IFACE]);
	else if (r->ext == 2)
		output_printf(r->out, "%-15s %-15s %-15s %-5s %5d %-5d %6d %s\n",
			      dst, gw, mask, flags, n[C_MTU], n[C_WIN],
			      n[C_IRTT], v->s[C_IFACE]);
	else if (r->ext == 3)
		output_printf(r->out, "%-15s %-15s %-15s %-5s %-6d %-3d %6d "
			      "%-6.6s   %-5d %-6d %d\n", dst, gw, mask, flags,
			      n[C_METRIC], n[C_REF], n[C_USE], v->s[C_IFACE],
			      n[C_MTU], n[C_WIN], n[C_IRTT]);
}

static void route_fib_row(struct route_ctx *r, const struct netstat_rowval *v,
			  struct route_addrs *a)
{
	unsigned int fl = (unsigned int)v->n[C_FLAGS], how;
	char dst[128], gw[128], mask[128], flags[64];
	uint32_t m;

	route_addr(v->s[C_DST], a->dst);
	route_addr(v->s[C_GW], a->gw);
	route_addr(v->s[C_MASK], a->mask);
	memcpy(&m, a->mask, 4);
	how = (r->numeric ? NETSTAT_NAME_NUMERIC : 0) | NETSTAT_NAME_DEFAULT |
	      ((fl & NETSTAT_RTF_HOST) ? NETSTAT_NAME_HOST : 0);
	netstat_anames_inet(r->names, a->dst, how, m, dst, sizeof(dst));
	dst[15] = '\0';
	how = (r->numeric ? NETSTAT_NAME_NUMERIC : 0) | NETSTAT_NAME_HOST;
	netstat_anames_inet(r->names, a->gw, how, NETSTAT_SPRINT_MASK, gw,
			   sizeof(gw));
	gw[15] = '\0';
	netstat_anames_inet(r->names, a->mask, NETSTAT_NAME_NUMERIC, 0, mask,
			   sizeof(mask));
	mask[15] = '\0';
	route_fib_flags(fl, flags, sizeof(flags));
	if (fl & NETSTAT_RTF_REJECT)
		route_fib_reject(r, dst, mask, flags, v);
	else
		route_fib_print(r, dst, gw, mask, flags, v);
}

static const char route_hdr_dgm[] =
	"Destination     Gateway         Genmask         ";

static void route_fib_header(struct route_ctx *r)
{
	output_str(r->out, "Kernel IP routing table\n");
	if (r->ext == 1)
		output_printf(r->out, "%sFlags Metric Ref    Use Iface\n",
			      route_hdr_dgm);
	else if (r->ext == 2)
		output_printf(r->out, "%sFlags   MSS Window  irtt Iface\n",
			      route_hdr_dgm);
	else if (r->ext == 3)
		output_printf(r->out, "%sFlags Metric Ref    Use Iface    "
			      "MSS   Window irtt\n", route_hdr_dgm);
}

/* Reads a routing file; netstat's perror() and message when it cannot. */
static int route_open(struct route_ctx *r, const char *name, char **buf,
		      size_t *len, const char *missing_msg)
{
	char path[64];
	int rerr, err = netstat_proc_read(&r->ctl->src, name, buf, len, &rerr);

	if (err == 0)
		return 0;
	snprintf(path, sizeof(path), "/proc/%s", name);
	netstat_proc_perror(path, -err);
	output_str(r->out, missing_msg);
	return 1;
}

static const char route_no_inet[] =
	"INET (IPv4) not configured in this system.\n";

static int route_fib(struct route_ctx *r)
{
	struct netstat_rowval v = { .n = { 0 } };
	struct route_addrs a = { { 0 } };
	struct netstat_fmt fmt;
	const char *line;
	size_t len, off = 0, n, miss;
	char *buf;

	if (route_open(r, "net/route", &buf, &len, route_no_inet))
		return 1;
	route_fib_header(r);
	/* no header line: proc_gen_fmt() fails without a word */
	if (!netstat_scan_line(buf, len, &off, ROUTE_HDR_BUF, &line, &n)) {
		free(buf);
		return 1;
	}
	if (netstat_route_fmt(line, n, route_cols, NCOLS(route_cols), &fmt,
			      &miss) < 0) {
		fprintf(stderr, "warning: /proc/net/route does not contain "
			"required field %s\n", route_cols[miss].title);
		free(buf);
		return 1;
	}
	while (netstat_scan_line(buf, len, &off, ROUTE_LINE_BUF, &line, &n)) {
		int num = netstat_route_scan(&fmt, route_cols, line, n, &v);

		if (num >= 10 && ((unsigned int)v.n[C_FLAGS] & NETSTAT_RTF_UP))
			route_fib_row(r, &v, &a);
	}
	free(buf);
	return 0;
}

static void route_cache_flags(unsigned int fl, int format, char *f,
			      size_t sz)
{
	static const struct { unsigned int bit; const char *s; } tail[] = {
		{ 0x00010000, "n" }, { 0x00020000, "d" }, { 0x00080000, "t" },
		{ 0x00200000, "f" }, { 0x00400000, "q" }, { 0x00800000, "Ns" },
		{ 0x01000000, "r" }, { 0x04000000, "i" }, { 0x08000000, "Nd" },
		{ 0x10000000, "b" }, { 0x20000000, "m" }, { 0x40000000, "#" },
		{ 0x80000000, "l" },
	};
	size_t i;

	f[0] = '\0';
	if (format == 1) {
		route_flag(f, sz, fl, NETSTAT_RTF_UP, "U");
		route_flag(f, sz, fl, NETSTAT_RTF_HOST, "H");
	}
	route_flag(f, sz, fl, NETSTAT_RTF_GATEWAY, "G");
	if (fl & NETSTAT_RTF_REJECT)
		snprintf(f, sz, "!");
	route_flag(f, sz, fl, NETSTAT_RTF_REINSTATE, "R");
	route_flag(f, sz, fl, NETSTAT_RTF_DYNAMIC, "D");
	route_flag(f, sz, fl, NETSTAT_RTF_MODIFIED, "M");
	if (format == 2) {
		route_flag(f, sz, fl, 0x0001, "-");	/* RTCF_DEAD */
		route_flag(f, sz, fl, 0x0004, "o");	/* RTCF_ONLINK */
	}
	for (i = 0; i < NCOLS(tail); i++)
		route_flag(f, sz, fl, tail[i].bit, tail[i].s);
}

/* A cache address, named as INET_sprint() names any address. */
static const char *route_cache_name(struct route_ctx *r, const char *text,
				    unsigned char addr[4], char *buf,
				    size_t len)
{
	route_addr(text, addr);
	return netstat_anames_inet(r->names, addr,
				  r->numeric ? NETSTAT_NAME_NUMERIC : 0,
				  NETSTAT_SPRINT_MASK, buf, len);
}

static void route_cache_row(struct route_ctx *r, int format,
			    const struct netstat_rowval *v,
			    struct route_addrs *a)
{
	char dst[128], gw[128], src[128], spec[128], flags[64];
	const int *n = v->n;

	route_cache_name(r, v->s[C_DST], a->dst, dst, sizeof(dst));
	route_cache_name(r, v->s[C_GW], a->gw, gw, sizeof(gw));
	route_cache_name(r, v->s[C_MASK], a->src, src, sizeof(src));
	route_cache_name(r, format == 2 ? v->s[C_SPECDST] : "", a->spec, spec,
			 sizeof(spec));
	route_cache_flags((unsigned int)n[C_FLAGS], format, flags,
			  sizeof(flags));
	if (r->ext == 1)
		output_printf(r->out, "%-15s %-15s %-15s %-5s %-6d %-2d %7d %s\n",
			      src, dst, gw, flags, n[C_METRIC], n[C_REF],
			      n[C_USE], v->s[C_IFACE]);
	if (r->ext == 2)
		output_printf(r->out, "%-15s %-15s %-15s %-5s %5d %-5d %6d %s\n",
			      src, dst, gw, flags, n[C_MTU], n[C_WIN],
			      n[C_IRTT], v->s[C_IFACE]);
	if (r->ext >= 3 && format == 1)
		output_printf(r->out, "%-15s %-15s %-15s %-5s %-6d %-3d %6d "
			      "%-6.6s   %-5d %-6d %-5d %-3d %d\n", src, dst, gw,
			      flags, n[C_METRIC], n[C_REF], n[C_USE],
			      v->s[C_IFACE], n[C_MTU], n[C_WIN], n[C_IRTT],
			      n[C_TOS], n[C_HHREF]);
	if (r->ext >= 3 && format == 2)
		output_printf(r->out, "%-15s %-15s %-15s %-5s %-6d %-3d %6d "
			      "%-6.6s   %-5d %-6d %-5d %-3d %-3d   %-3d %15s\n",
			      src, dst, gw, flags, n[C_METRIC], n[C_REF],
			      n[C_USE], v->s[C_IFACE], n[C_MTU], n[C_WIN],
			      n[C_IRTT], n[C_TOS], n[C_HHREF], n[C_HHUPTOD],
			      spec);
}

static const char route_hdr_sdg[] =
	"Source          Destination     Gateway         ";

/* proc_guess_fmt(): which of these words the header holds. */
static int route_cache_guess(const char *hdr, size_t len)
{
	static const struct { const char *w; int bit; } words[] = {
		{ "IRTT", 1 }, { "TOS", 2 }, { "HHRef", 4 }, { "HHUptod", 8 },
		{ "SpecDst", 16 }, { "HH", 32 }, { "ARP", 64 },
	};
	int flag = 0;
	size_t i;

	for (i = 0; i < NCOLS(words); i++)
		if (memmem(hdr, len, words[i].w, strlen(words[i].w)))
			flag |= words[i].bit;
	return flag;
}

static void route_cache_header(struct route_ctx *r, int format)
{
	if (r->ext == 1)
		output_printf(r->out, "%sFlags Metric Ref    Use Iface\n",
			      route_hdr_sdg);
	if (r->ext == 2)
		output_printf(r->out, "%sFlags   MSS Window  irtt Iface\n",
			      route_hdr_sdg);
	if (r->ext >= 3 && format == 1)
		output_printf(r->out, "%sFlags Metric Ref    Use Iface    MSS   "
			      "Window irtt  HH  Arp\n", route_hdr_sdg);
	if (r->ext >= 3 && format == 2)
		output_printf(r->out, "%sFlags Metric Ref    Use Iface    MSS   "
			      "Window irtt  TOS HHRef HHUptod     SpecDst\n",
			      route_hdr_sdg);
}

static void route_cache_rows(struct route_ctx *r, int format,
			     const char *buf, size_t len)
{
	const struct netstat_col *cols = format == 1 ? cache1_cols :
					 cache2_cols;
	size_t ncols = format == 1 ? NCOLS(cache1_cols) : NCOLS(cache2_cols);
	struct netstat_rowval v = { .n = { 0 } };
	struct route_addrs a = { { 0 } };
	struct netstat_fmt fmt;
	size_t off = 0, n, miss;
	const char *line;

	if (!netstat_scan_line(buf, len, &off, ROUTE_HDR_BUF, &line, &n))
		return;
	if (netstat_route_fmt(line, n, cols, ncols, &fmt, &miss) < 0) {
		fprintf(stderr, "warning: /proc/net/rt_cache does not contain "
			"required field %s\n", cols[miss].title);
		return;
	}
	while (netstat_scan_line(buf, len, &off, ROUTE_LINE_BUF, &line, &n))
		if (netstat_route_scan(&fmt, cols, line, n, &v) >= 12)
			route_cache_row(r, format, &v, &a);
}

static int route_cache(struct route_ctx *r)
{
	const char *line;
	size_t len, off = 0, n;
	int format;
	char *buf;

	if (route_open(r, "net/rt_cache", &buf, &len, route_no_inet))
		return 1;
	format = netstat_scan_line(buf, len, &off, ROUTE_HDR_BUF, &line, &n) ?
		 route_cache_guess(line, n) : -1;
	output_str(r->out, "Kernel IP routing cache\n");
	if (format == -1) {
		/* netstat's perror() shows an errno left from earlier calls */
		fputs("/proc/net/rt_cache: No such file or directory\n",
		      stderr);
		free(buf);
		return NETSTAT_EXIT_PROC;
	}
	if (format == 63 || format == 97) {
		format = format == 63 ? 2 : 1;
	} else {
		output_printf(r->out, "ERROR: proc_guess_fmt(/proc/net/rt_cache"
			      ",... returned: %d\n", format);
	}
	route_cache_header(r, format);
	if (format == 1 || format == 2)
		route_cache_rows(r, format, buf, len);
	free(buf);
	return 0;
}

/* INET_rprint(): the FIB, then the cache, as -F and -C ask. */
static int route_inet(struct route_ctx *r)
{
	bool fib = r->ctl->fib || !r->ctl->cache;
	int rc = 0;

	if (fib && (rc = route_fib(r)) != 0)
		return rc;
	if (r->ctl->cache)
		rc = route_cache(r);
	return rc;
}

/*
 * The other families with a routing table in net-tools. None has its /proc
 * file on a current kernel; for those netstat's messages are reproduced,
 * and a tree that has one is reported as not supported (docs/compat.md).
 */
enum route_perror {
	ROUTE_PERR_NONE,	/* no perror() line */
	ROUTE_PERR_PATH,	/* "/proc/FILE: strerror" */
	ROUTE_PERR_BARE,	/* "strerror" */
	ROUTE_PERR_ATALK,	/* "Error opening /proc/FILE: strerror" */
	ROUTE_PERR_NETROM,	/* both files, the second with a stale errno */
};

struct route_other {
	const char *af;
	const char *files[2];
	enum route_perror perr;
	const char *out_msg;	/* netstat's stdout line, or NULL */
	const char *err_msg;	/* a stderr line after the perror() */
};

static const struct route_other route_others[] = {
	{ "ipx", { "net/ipx/route", "net/ipx_route" }, ROUTE_PERR_BARE,
	  "IPX routing not in file /proc/net/ipx/route or /proc/net/ipx_route "
	  "found.\n", NULL },
	{ "ax25", { "net/ax25_route", NULL }, ROUTE_PERR_PATH,
	  "AX.25 not configured in this system.\n", NULL },
	{ "netrom", { "net/nr_nodes", "net/nr_neigh" }, ROUTE_PERR_NETROM,
	  "NET/ROM not configured in this system.\n", NULL },
	{ "ddp", { "net/atalk_route", NULL }, ROUTE_PERR_ATALK, NULL,
	  "DDP (AppleTalk) not configured on this system.\n" },
	{ "x25", { "net/x25/route", NULL }, ROUTE_PERR_NONE,
	  "X.25 not configured in this system.\n", NULL },
	{ "rose", { "net/rose_nodes", NULL }, ROUTE_PERR_PATH, NULL,
	  "ROSE not configured in this system.\n" },
};

static void route_other_perror(const struct route_other *o)
{
	const char *e = strerror(ENOENT);

	switch (o->perr) {
	case ROUTE_PERR_PATH:
		fprintf(stderr, "/proc/%s: %s\n", o->files[0], e);
		break;
	case ROUTE_PERR_BARE:
		fprintf(stderr, "%s\n", e);
		break;
	case ROUTE_PERR_ATALK:
		fprintf(stderr, "Error opening /proc/%s: %s\n", o->files[0], e);
		break;
	case ROUTE_PERR_NETROM:
		fprintf(stderr, "/proc/%s: %s\n/proc/%s: %s\n", o->files[0], e,
			o->files[1], strerror(EINVAL));
		break;
	case ROUTE_PERR_NONE:
	default:
		break;
	}
}

static int route_other(struct route_ctx *r, const struct route_other *o)
{
	size_t i;

	for (i = 0; i < 2 && o->files[i]; i++) {
		if (netstat_proc_exists(&r->ctl->src, o->files[i])) {
			fprintf(stderr, "lsock: netstat -r -A %s: showing this "
				"family's routing table is not supported\n",
				o->af);
			return NETSTAT_EXIT_FAIL;
		}
	}
	route_other_perror(o);
	if (o->out_msg)
		output_str(r->out, o->out_msg);
	if (o->err_msg)
		fputs(o->err_msg, stderr);
	return NETSTAT_EXIT_FAIL;
}

/* Families net-tools knows but has no routing table for (net-tools' name) */
static const char *const route_norouting[] = { "unix", "ec", "ash" };

/* One family of the list: 0, or the code that ends route_info(). */
static int route_family(struct route_ctx *r, const char *af)
{
	size_t i;

	if (strcmp(af, "inet") == 0)
		return route_inet(r);
	if (strcmp(af, "inet6") == 0) {
		bool fib = r->ctl->fib || !r->ctl->cache;
		int rc = 0;

		if (fib && (rc = netstat_route6_print(r->ctl, r->out, false)))
			return rc;
		if (r->ctl->cache)
			rc = netstat_route6_print(r->ctl, r->out, true);
		return rc;
	}
	for (i = 0; i < NCOLS(route_others); i++)
		if (strcmp(af, route_others[i].af) == 0)
			return route_other(r, &route_others[i]);
	for (i = 0; i < NCOLS(route_norouting); i++) {
		if (strcmp(af, route_norouting[i]) == 0) {
			fprintf(stderr, "No routing for address family `%s'.\n",
				af);
			return NETSTAT_EXIT_USAGE;
		}
	}
	fprintf(stderr, "Address family `%s' not supported.\n", af);
	return NETSTAT_EXIT_USAGE;
}

/* route_info(): each family of the comma-separated list in turn. */
static int route_info(struct route_ctx *r, const char *afname)
{
	char buf[256], *p = buf, *comma;
	int found = 8;		/* net-tools' E_NOTFOUND: no family at all */
	int rc;

	snprintf(buf, sizeof(buf), "%s", afname);
	while (p) {
		comma = strchr(p, ',');
		if (comma)
			*comma++ = '\0';
		if (*p) {
			found = 0;
			rc = route_family(r, p);
			if (rc)
				return rc;
		}
		p = comma;
	}
	return found;
}

int netstat_route_run(const struct netstat_ctl *ctl, struct output *out)
{
	struct netstat_anames names = { NULL };
	int flag_exp = 1 + ctl->extend;
	struct route_ctx r = {
		.ctl = ctl,
		.out = out,
		.names = &names,
		.numeric = ctl->numeric_hosts || ctl->symbolic,
	};
	const char *af = ctl->afname[0] ? ctl->afname : "inet";
	int rc;

	/* net-tools swaps one and two -e: plain -r is the MSS layout */
	if (flag_exp == 2)
		flag_exp = 1;
	else if (flag_exp == 1)
		flag_exp = 2;
	r.ext = flag_exp & 3;
	for (;;) {
		rc = route_info(&r, af);
		if (rc || !ctl->continuous || output_flush(out) < 0)
			break;
		sleep(1);
	}
	netstat_anames_free(&names);
	return rc;
}
