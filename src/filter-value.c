/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Filter values: hosts and ports (ss.md 2.4), devices, marks and cgroups.
 * Each word is converted in the mode its keyword set. A FAMILY: prefix
 * (unix:, link:, netlink:, vsock:, inet:, inet6:) also narrows the listing
 * to that family, as in ss.
 */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "filter-impl.h"
#include "resolve.h"
#include "ss-select.h"
#include "xalloc.h"

#define DBM(x)	LSOCK_DBM(LSOCK_DB_##x)

void filter_host_free(struct filter_host *h)
{
	struct filter_addr *a, *next;

	for (a = h->addrs; a; a = next) {
		next = a->next;
		free(a->pattern);
		free(a);
	}
	free(h->ranges);
	memset(h, 0, sizeof(*h));
}

void filter_value_free(struct filter_value *v)
{
	filter_host_free(&v->host);
	memset(v, 0, sizeof(*v));
}

struct filter_addr *filter_addr_new(struct filter_host *h, int family)
{
	struct filter_addr *a = xcalloc(1, sizeof(*a)), **tail = &h->addrs;

	while (*tail)
		tail = &(*tail)->next;
	a->family = family;
	*tail = a;
	return a;
}

/* A whole word as a number in C notation (0x.., 0..), as strtol reads. */
static int filter_number(const char *s, long long min, long long max,
			 long long *out)
{
	char *end;
	long long v;

	if (!*s || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 0);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* A service name: looked up for the selected protocols, tcp and udp. */
static int filter_service(struct filter_parser *p, const char *name, int *port)
{
	const struct filter_word *w = p->word;
	struct servent *se;
	int tcp = -1, udp = -1;

	if (p->env->dbs & DBM(UDP)) {
		se = getservbyname(name, "udp");
		udp = se ? ntohs((uint16_t)se->s_port) : -1;
	}
	if (p->env->dbs & DBM(TCP)) {
		se = getservbyname(name, "tcp");
		tcp = se ? ntohs((uint16_t)se->s_port) : -1;
	}
	if (tcp >= 0 && udp >= 0 && tcp != udp)
		return filter_error_set(p->err, FILTER_EXIT_FAIL,
			"filter: port \"%s\" (%s) is ambiguous: it is %d for "
			"tcp and %d for udp", name, w->where, tcp, udp);
	*port = udp >= 0 ? udp : tcp;
	return *port >= 0 ? 0 : -1;
}

static int filter_port_error(struct filter_parser *p, const char *text)
{
	return filter_error_set(p->err, FILTER_EXIT_FAIL,
		"filter: \"%s\" (%s) is not a port (a number, a service name, "
		"*, or a range such as 8000-8100 or {80,443})", text,
		p->word->where);
}

/* One port: a number (any int, as ss takes it) or a service. */
static int filter_one_port(struct filter_parser *p, const char *s, int *port)
{
	long long v;

	if (filter_number(s, -2147483647LL - 1, 2147483647LL, &v) == 0) {
		*port = (int)v;
		return 0;
	}
	if (p->err->msg[0] == '\0' && filter_service(p, s, port) == 0)
		return 0;
	return -1;
}

static bool filter_looks_range(const char *s);

/* lsock's extension: "LO-HI", digits on both sides (http-alt is a name). */
static int filter_range_item(struct filter_parser *p, const char *s,
			     struct filter_range *r)
{
	const char *dash = strchr(s, '-');
	long long lo, hi;
	char *l;
	int rc;

	if (filter_looks_range(s)) {
		l = xmemdup0(s, (size_t)(dash - s));
		rc = filter_number(l, 0, 65535, &lo);
		free(l);
		if (rc < 0 || filter_number(dash + 1, 0, 65535, &hi) < 0 ||
		    lo > hi)
			return -1;
		r->lo = (int)lo;
		r->hi = (int)hi;
		return 0;
	}
	if (filter_one_port(p, s, &r->lo) < 0)
		return -1;
	r->hi = r->lo;
	return 0;
}

static int filter_port_set(struct filter_parser *p, const char *s,
			   struct filter_host *h)
{
	char *list = xmemdup0(s + 1, strlen(s) - 2), *save = NULL, *item;
	int rc = 0;

	for (item = strtok_r(list, ",", &save); item && rc == 0;
	     item = strtok_r(NULL, ",", &save)) {
		h->ranges = xreallocarray(h->ranges, h->nranges + 1,
					  sizeof(*h->ranges));
		rc = filter_range_item(p, item, &h->ranges[h->nranges++]);
	}
	free(list);
	return h->nranges && rc == 0 ? 0 : -1;
}

static bool filter_looks_range(const char *s)
{
	const char *dash = strchr(s, '-');

	return dash && dash > s && isdigit((unsigned char)s[0]) &&
	       isdigit((unsigned char)dash[-1]) &&
	       isdigit((unsigned char)dash[1]);
}

int filter_port(struct filter_parser *p, const char *s, struct filter_host *h)
{
	size_t n = strlen(s);
	int rc;

	h->port = -1;
	if (n == 0 || strcmp(s, "*") == 0)
		return 0;
	if (s[0] == '{' && n > 2 && s[n - 1] == '}') {
		rc = filter_port_set(p, s, h);
	} else if (filter_looks_range(s)) {
		h->ranges = xcalloc(1, sizeof(*h->ranges));
		h->nranges = 1;
		rc = filter_range_item(p, s, h->ranges);
	} else {
		rc = filter_one_port(p, s, &h->port);
	}
	if (rc < 0 && p->err->msg[0] == '\0')
		filter_port_error(p, s);
	return rc;
}

int filter_value_single_port(struct filter_parser *p)
{
	if (p->val.host.nranges == 0 && p->val.host.port != -1)
		return 0;
	return filter_error_set(p->err, FILTER_EXIT_USAGE,
		"filter: \"%s\" (%s): <, >, <= and >= compare with one port "
		"number", p->word->text, p->word->where);
}

enum filter_op filter_port_op(bool local, enum filter_tok op)
{
	bool ge = op == TOK_GE || op == TOK_LT;

	if (local)
		return ge ? FILTER_SPORT_GE : FILTER_SPORT_LE;
	return ge ? FILTER_DPORT_GE : FILTER_DPORT_LE;
}


/* unix: an fnmatch pattern for the name (case-insensitive, as ss). */
static int filter_unix_value(struct filter_parser *p, const char *s)
{
	struct filter_addr *a = filter_addr_new(&p->val.host, AF_UNIX);

	p->val.host.port = -1;
	a->pattern = xstrdup(s);
	return 0;
}

static void filter_put_u32(struct filter_addr *a, uint32_t v)
{
	a->prefix_len = 32;
	memcpy(a->addr, &v, sizeof(v));
}

static int filter_family_error(struct filter_parser *p, const char *what)
{
	return filter_error_set(p->err, FILTER_EXIT_FAIL,
		"filter: \"%s\" (%s) is not %s", p->word->text,
		p->word->where, what);
}

/* link: the device is a number or an interface name. */
static int filter_link_port(struct filter_parser *p, const char *s, int *port)
{
	long long v;

	if (filter_number(s, 0, 0x7fffffff, &v) == 0)
		*port = (int)v;
	else
		*port = (int)resolve_ifindex(p->env->res, s);
	return *port > 0 || (*port == 0 && isdigit((unsigned char)*s)) ? 0 : -1;
}

/* link: the protocol is an ethertype name (ip, arp, all, ...) or number. */
static int filter_link_addr(struct filter_parser *p, const char *s,
			    uint32_t *id)
{
	int v = resolve_ethertype_id(s);
	long long n;

	(void)p;
	if (v < 0 && filter_number(s, 0, 0xffff, &n) == 0)
		v = (int)n;
	*id = (uint32_t)v;
	return v < 0 ? -1 : 0;
}

/* netlink: the port id is a number, or "kernel" for 0. */
static int filter_netlink_port(struct filter_parser *p, const char *s,
			       int *port)
{
	long long v;

	(void)p;
	if (strcmp(s, "kernel") == 0) {
		*port = 0;
		return 0;
	}
	if (filter_number(s, -2147483647LL - 1, 2147483647LL, &v) < 0)
		return -1;
	*port = (int)v;
	return 0;
}

/* netlink: the protocol is a name (rtnl, tcpdiag, ...) or a number. */
static int filter_netlink_addr(struct filter_parser *p, const char *s,
			       uint32_t *id)
{
	int v = resolve_netlink_proto_id(p->env->res, s);
	long long n;

	if (v < 0 && filter_number(s, 0, 255, &n) == 0)
		v = (int)n;
	*id = (uint32_t)v;
	return v < 0 ? -1 : 0;
}

/* vsock: the CID and the port are 32-bit numbers. */
static int filter_vsock_port(struct filter_parser *p, const char *s, int *port)
{
	long long v;

	(void)p;
	if (filter_number(s, 0, 0xffffffffLL, &v) < 0)
		return -1;
	*port = (int)v;
	return 0;
}

static int filter_vsock_addr(struct filter_parser *p, const char *s,
			     uint32_t *id)
{
	long long v;

	(void)p;
	if (filter_number(s, 0, 0xffffffffLL, &v) < 0)
		return -1;
	*id = (uint32_t)v;
	return 0;
}

/* How a family other than inet reads ADDRESS[:PORT] (each part may be *). */
struct filter_family_syntax {
	int af;
	const char *what;	/* what a bad word is not, for the message */
	int (*port)(struct filter_parser *p, const char *s, int *port);
	int (*addr)(struct filter_parser *p, const char *s, uint32_t *id);
};

static const struct filter_family_syntax filter_families[] = {
	{ AF_PACKET, "a link address (PROTOCOL:DEVICE, e.g. ip:eth0)",
	  filter_link_port, filter_link_addr },
	{ AF_NETLINK, "a netlink address (PROTOCOL:PORTID, e.g. rtnl:kernel)",
	  filter_netlink_port, filter_netlink_addr },
	{ AF_VSOCK, "a vsock address (CID:PORT)",
	  filter_vsock_port, filter_vsock_addr },
};

static const struct filter_family_syntax *filter_family_syntax(int af)
{
	size_t i;

	for (i = 0; i < sizeof(filter_families) / sizeof(filter_families[0]);
	     i++)
		if (filter_families[i].af == af)
			return &filter_families[i];
	return NULL;
}

/* ADDRESS[:PORT] of a non-inet family; the address is kept as a u32. */
static int filter_family_value(struct filter_parser *p, char *s,
			       const struct filter_family_syntax *fs)
{
	struct filter_host *h = &p->val.host;
	char *port = strchr(s, ':');
	uint32_t id;

	h->port = -1;
	if (port) {
		*port++ = '\0';
		if (*port && strcmp(port, "*") != 0 &&
		    fs->port(p, port, &h->port) < 0)
			return filter_family_error(p, fs->what);
	}
	if (!*s || strcmp(s, "*") == 0)
		return 0;
	if (fs->addr(p, s, &id) < 0)
		return filter_family_error(p, fs->what);
	filter_put_u32(filter_addr_new(h, fs->af), id);
	return 0;
}

/* A FAMILY: prefix chooses the family and narrows the listing to it. */
static int filter_family_prefix(struct filter_env *env, char **s)
{
	static const struct { const char *prefix; int af; } prefixes[] = {
		{ "unix:", AF_UNIX }, { "link:", AF_PACKET },
		{ "netlink:", AF_NETLINK }, { "vsock:", AF_VSOCK },
		{ "inet:", AF_INET }, { "inet6:", AF_INET6 },
	};
	size_t i, n;

	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		n = strlen(prefixes[i].prefix);
		if (strncmp(*s, prefixes[i].prefix, n) != 0)
			continue;
		*s += n;
		env->families = LSOCK_FAM(prefixes[i].af);
		env->preferred_family = prefixes[i].af;
		env->families_reset = true;
		return prefixes[i].af;
	}
	return env->preferred_family;
}

static int filter_host_value(struct filter_parser *p, const char *text,
			     bool is_port)
{
	char *copy = xstrdup(text), *s = copy;
	int fam = filter_family_prefix(p->env, &s), rc;
	const struct filter_family_syntax *fs;

	p->val.host.port = -1;
	fs = filter_family_syntax(fam);
	if (fam == AF_UNIX)
		rc = filter_unix_value(p, s);
	else if (fs)
		rc = filter_family_value(p, s, fs);
	else
		rc = filter_inet_value(p, s, fam == AF_INET || fam == AF_INET6 ?
				       fam : AF_UNSPEC, is_port);
	free(copy);
	return rc;
}

static int filter_dev_value(struct filter_parser *p, const char *s)
{
	long long v;

	if (filter_number(s, 0, 0xffffffffLL, &v) == 0) {
		p->val.ifindex = (uint32_t)v;
		return 0;
	}
	p->val.ifindex = resolve_ifindex(p->env->res, s);
	if (p->val.ifindex)
		return 0;
	return filter_family_error(p, "a network device");
}

/* MARK or MARK/MASK, read the way ss reads them (sscanf "%i/%i"). */
static int filter_mark_value(struct filter_parser *p, const char *s)
{
	int mark = 0, mask = -1;

	if (sscanf(s, "%i/%i", &mark, &mask) < 1)
		return filter_family_error(p, "a mark (MARK or MARK/MASK, e.g. "
					   "0x10/0xff)");
	p->val.mark = (uint32_t)mark;
	p->val.mask = (uint32_t)mask;
	return 0;
}

static int filter_cgroup_value(struct filter_parser *p, const char *s)
{
	int rc = filter_cgroup_id(s, &p->val.cgroup);

	if (rc == 0)
		return 0;
	return filter_error_set(p->err, FILTER_EXIT_FAIL,
		"filter: \"%s\" (%s) is not a cgroup (%s)", s, p->word->where,
		strerror(-rc));
}

int filter_value_convert(struct filter_parser *p, const struct filter_word *w)
{
	switch (p->mode) {
	case MODE_PORT:
		return filter_host_value(p, w->text, true);
	case MODE_DEV:
		return filter_dev_value(p, w->text);
	case MODE_MARK:
		return filter_mark_value(p, w->text);
	case MODE_CGROUP:
		return filter_cgroup_value(p, w->text);
	case MODE_HOST:
	default:
		return filter_host_value(p, w->text, false);
	}
}
