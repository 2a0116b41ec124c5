/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Names for the netstat personality, found the way net-tools 2.10 finds
 * them (netstat.md 2.5): services from one pass over getservent() (the
 * last entry for a port wins), raw "ports" also from getprotoent(), IPv4
 * hosts through gethostbyaddr(), IPv6 hosts through getnameinfo(), users
 * through getpwuid(). Every answer is kept for the run; netstat looks IPv6
 * addresses and users up again for every row, which changes only timing.
 */
#include "config.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt.h"
#include "netstat-priv.h"
#include "xalloc.h"

#define NETSTAT_PORTS	65536

struct netstat_host {
	uint8_t family;		/* 0: free slot */
	uint8_t addr[16];
	char *name;
};

struct netstat_user {
	uint32_t uid;
	char *name;		/* NULL: no passwd entry */
};

void netstat_names_init(struct netstat_names *n, const struct netstat_ctl *ctl)
{
	memset(n, 0, sizeof(*n));
	n->numeric_hosts = ctl->numeric_hosts;
	n->numeric_ports = ctl->numeric_ports;
	n->numeric_users = ctl->numeric_users;
}

void netstat_names_free(struct netstat_names *n)
{
	size_t i;
	int s, p;

	for (s = 0; s < NETSTAT_SVC_MAX; s++) {
		for (p = 0; n->svc[s] && p < NETSTAT_PORTS; p++)
			free(n->svc[s][p]);
		free(n->svc[s]);
	}
	for (i = 0; i < n->hosts_cap; i++)
		free(n->hosts[i].name);
	for (i = 0; i < n->nusers; i++)
		free(n->users[i].name);
	free(n->hosts);
	free(n->users);
	memset(n, 0, sizeof(*n));
}

/* --- services ------------------------------------------------------- */

static void netstat_names_svc_set(struct netstat_names *n, enum netstat_svc s,
				  int port, const char *name)
{
	if (port <= 0 || port >= NETSTAT_PORTS || !name)
		return;
	free(n->svc[s][port]);
	n->svc[s][port] = xstrdup(name);
}

static void netstat_names_load_svc(struct netstat_names *n)
{
	struct servent *se;
	struct protoent *pe;
	int s;

	n->svc_loaded = true;
	for (s = 0; s < NETSTAT_SVC_MAX; s++)
		n->svc[s] = xcalloc(NETSTAT_PORTS, sizeof(char *));
	setservent(1);
	while ((se = getservent()) != NULL) {
		int port = ntohs((uint16_t)se->s_port);

		if (strcmp(se->s_proto, "tcp") == 0)
			netstat_names_svc_set(n, NETSTAT_SVC_TCP, port, se->s_name);
		else if (strcmp(se->s_proto, "udp") == 0)
			netstat_names_svc_set(n, NETSTAT_SVC_UDP, port, se->s_name);
		else if (strcmp(se->s_proto, "raw") == 0)
			netstat_names_svc_set(n, NETSTAT_SVC_RAW, port, se->s_name);
	}
	endservent();
	/* a raw socket's "port" is its IP protocol */
	setprotoent(1);
	while ((pe = getprotoent()) != NULL)
		netstat_names_svc_set(n, NETSTAT_SVC_RAW, pe->p_proto, pe->p_name);
	endprotoent();
}

const char *netstat_names_port(struct netstat_names *n, int port,
			       enum netstat_svc svc)
{
	const char *name = NULL;

	if (port == 0)
		return "*";
	if (!n->numeric_ports && port > 0 && port < NETSTAT_PORTS) {
		if (!n->svc_loaded)
			netstat_names_load_svc(n);
		name = n->svc[svc][port];
	}
	if (name)
		snprintf(n->port, sizeof(n->port), "%s", name);
	else
		fmt_i64(n->port, port);
	return n->port;
}

/* --- hosts ------------------------------------------------------------ */

static size_t netstat_names_slot(const struct netstat_names *n, int family,
				 const uint8_t *addr)
{
	size_t len = family == AF_INET ? 4 : 16, i;
	uint32_t h = 2166136261u;

	for (i = 0; i < len; i++)
		h = (h ^ addr[i]) * 16777619u;
	for (i = h & (n->hosts_cap - 1);; i = (i + 1) & (n->hosts_cap - 1)) {
		const struct netstat_host *e = &n->hosts[i];

		if (!e->family || (e->family == family &&
				   memcmp(e->addr, addr, len) == 0))
			return i;
	}
}

static void netstat_names_grow(struct netstat_names *n)
{
	struct netstat_host *old = n->hosts;
	size_t oldcap = n->hosts_cap, i;

	n->hosts_cap = oldcap ? oldcap * 2 : 64;
	n->hosts = xcalloc(n->hosts_cap, sizeof(*n->hosts));
	for (i = 0; i < oldcap; i++) {
		if (!old[i].family)
			continue;
		n->hosts[netstat_names_slot(n, old[i].family, old[i].addr)] =
			old[i];
	}
	free(old);
}

static void netstat_names_remember(struct netstat_names *n, int family,
				   const uint8_t *addr, const char *name)
{
	struct netstat_host *e;

	if (2 * (n->nhosts + 1) > n->hosts_cap)
		netstat_names_grow(n);
	e = &n->hosts[netstat_names_slot(n, family, addr)];
	e->family = (uint8_t)family;
	memcpy(e->addr, addr, family == AF_INET ? 4 : 16);
	e->name = xstrdup(name);
	n->nhosts++;
}

static const char *netstat_names_cached(struct netstat_names *n, int family,
					const uint8_t *addr)
{
	const struct netstat_host *e;

	if (!n->hosts_cap)
		return NULL;
	e = &n->hosts[netstat_names_slot(n, family, addr)];
	return e->family ? e->name : NULL;
}

/*
 * netstat asks the hosts database for an address whose first byte is not
 * zero, and the networks database for the others (netstat.md 2.5).
 */
static void netstat_names_lookup4(struct netstat_names *n, const uint8_t *addr)
{
	struct hostent *he = NULL;
	struct netent *ne = NULL;
	uint32_t a;

	memcpy(&a, addr, 4);
	if (addr[0] != 0)
		he = gethostbyaddr(addr, 4, AF_INET);
	else
		ne = getnetbyaddr(ntohl(a), AF_INET);
	if (he && he->h_name)
		snprintf(n->host, sizeof(n->host), "%s", he->h_name);
	else if (ne && ne->n_name)
		snprintf(n->host, sizeof(n->host), "%s", ne->n_name);
	else
		inet_ntop(AF_INET, addr, n->host, sizeof(n->host));
}

static void netstat_names_lookup6(struct netstat_names *n, const uint8_t *addr)
{
	struct sockaddr_in6 sin6;

	memset(&sin6, 0, sizeof(sin6));
	sin6.sin6_family = AF_INET6;
	memcpy(&sin6.sin6_addr, addr, 16);
	if (getnameinfo((const struct sockaddr *)&sin6, sizeof(sin6), n->host,
			sizeof(n->host), NULL, 0, 0) != 0)
		inet_ntop(AF_INET6, addr, n->host, sizeof(n->host));
}

static bool netstat_names_zero(const uint8_t *addr, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (addr[i])
			return false;
	return true;
}

const char *netstat_names_host(struct netstat_names *n, int family,
			       const uint8_t *addr)
{
	const char *name;

	if (n->numeric_hosts || (family == AF_INET &&
				 netstat_names_zero(addr, 4))) {
		if (family == AF_INET)
			fmt_ipv4(n->host, addr);
		else
			inet_ntop(family, addr, n->host, sizeof(n->host));
	} else if (family == AF_INET6 && netstat_names_zero(addr, 16)) {
		snprintf(n->host, sizeof(n->host), "[::]");
	} else if ((name = netstat_names_cached(n, family, addr)) != NULL) {
		snprintf(n->host, sizeof(n->host), "%s", name);
	} else {
		if (family == AF_INET)
			netstat_names_lookup4(n, addr);
		else
			netstat_names_lookup6(n, addr);
		netstat_names_remember(n, family, addr, n->host);
	}
	if (family == AF_INET6)
		return netstat_v4mapped_text(n->host, addr);
	return n->host;
}

/* --- users ------------------------------------------------------------ */

const char *netstat_names_user(struct netstat_names *n, uint32_t uid)
{
	struct passwd *pw;
	size_t i;

	if (n->numeric_users)
		return NULL;
	for (i = 0; i < n->nusers; i++)
		if (n->users[i].uid == uid)
			return n->users[i].name;
	if (n->nusers == n->users_cap) {
		n->users_cap = n->users_cap ? n->users_cap * 2 : 16;
		n->users = xreallocarray(n->users, n->users_cap,
					 sizeof(*n->users));
	}
	pw = getpwuid(uid);
	n->users[n->nusers].uid = uid;
	n->users[n->nusers].name = pw && pw->pw_name ? xstrdup(pw->pw_name)
						     : NULL;
	return n->users[n->nusers++].name;
}

/* --- pure helpers ------------------------------------------------------- */

const char *netstat_v4mapped_text(const char *text, const uint8_t *addr16)
{
	static const uint8_t prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
					    0xff, 0xff };
	const char *s;

	if (memcmp(addr16, prefix, sizeof(prefix)) != 0)
		return text;
	s = strchr(text, '.');
	if (!s)
		return text;
	while (s > text && *s != ':')
		s--;
	return *s == ':' ? s + 1 : text;
}

size_t netstat_fmt_endpoint(char *buf, size_t size, const char *host,
			    const char *port, bool wide)
{
	size_t hl = strlen(host), pl = strlen(port), al;
	int n;

	if ((wide || hl + pl <= 22) && hl + pl + 2 <= size) {
		memcpy(buf, host, hl);
		buf[hl] = ':';
		memcpy(buf + hl + 1, port, pl + 1);
		return hl + 1 + pl;
	}
	if (wide || hl + pl <= 22) {
		n = snprintf(buf, size, "%s:%s", host, port);
	} else {
		if (pl > 18)
			pl = 18;
		al = 22 - pl;
		if (al > hl)
			al = hl;
		n = snprintf(buf, size, "%.*s:%.*s", (int)al, host, (int)pl,
			     port);
	}
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

void netstat_fmt_progname(char *buf, size_t size, int32_t pid,
			  const char *argv0)
{
	const char *name = argv0, *slash;

	char num[FMT_INT_MAX];
	size_t room = (size < 20 ? size : 20) - 1, len, nl;

	if (argv0[0] == '/' && (slash = strrchr(argv0, '/')) != NULL)
		name = slash + 1;
	/* "%d/%s", cut to 19 bytes as netstat's 20-byte buffer */
	len = fmt_i64(num, pid);
	if (len > room)
		len = room;
	memcpy(buf, num, len);
	if (len < room)
		buf[len++] = '/';
	nl = strnlen(name, room - len);
	memcpy(buf + len, name, nl);
	buf[len + nl] = '\0';
}

void netstat_escape(char *s, bool high)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7f || (high && c > 0x7e))
			*s = '.';
	}
}

void netstat_fmt_timer(char *buf, size_t size, bool tcp, unsigned int timer,
		       double secs, unsigned long retr, int probes)
{
	static const char *const tcp_names[] = {
		NULL, "on", "keepalive", "timewait", "probe"
	};
	long r = (long)retr;

	if (timer == 0)
		snprintf(buf, size, "off (0.00/%ld/%d)", r, probes);
	else if (tcp && timer <= 4)
		snprintf(buf, size, "%s (%2.2f/%ld/%d)", tcp_names[timer], secs,
			 r, probes);
	else if (!tcp && timer <= 2)
		snprintf(buf, size, "on%u (%2.2f/%ld/%d)", timer, secs, r,
			 probes);
	else
		snprintf(buf, size, "unkn-%u (%2.2f/%ld/%d)", timer, secs, r,
			 probes);
}
