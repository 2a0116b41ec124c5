/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <net/if.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "compat/compat.h"
#include "fmt.h"
#include "resolve.h"
#include "xalloc.h"

struct resolve_host {
	struct resolve_host *next;
	int family;
	uint8_t addr[16];
	char *name;		/* NULL: the lookup failed */
};

void resolve_init(struct resolver *r)
{
	memset(r, 0, sizeof(*r));
}

void resolve_free(struct resolver *r)
{
	struct resolve_host *h, *next;
	int p, i;

	for (p = 0; p < RESOLVE_PROTO_MAX; p++) {
		for (i = 0; r->svc[p] && i < 65536; i++)
			if (r->svc[p][i] && r->svc[p][i][0])
				free(r->svc[p][i]);
		free(r->svc[p]);
	}
	for (i = 0; i < 256; i++)
		free(r->nl_names[i]);
	for (i = 0; i < (int)r->ifmap_len; i++)
		free(r->ifmap[i]);
	free(r->ifmap);
	for (h = r->hosts_tab; h; h = next) {
		next = h->next;
		free(h->name);
		free(h);
	}
	memset(r, 0, sizeof(*r));
}

void resolve_port_range(struct resolver *r, int *lo, int *hi)
{
	if (!r->eph_min) {
		FILE *f = r->port_range_path ? fopen(r->port_range_path, "re")
					     : NULL;

		if (!f || fscanf(f, "%d %d", &r->eph_min, &r->eph_max) < 2 ||
		    r->eph_min == 0) {
			r->eph_min = 1024;
			r->eph_max = 4999;
		}
		if (f)
			fclose(f);
	}
	*lo = r->eph_min;
	*hi = r->eph_max;
}

/* ss never looks up ports in the local ephemeral range. */
static bool resolve_ephemeral(struct resolver *r, int port)
{
	int lo, hi;

	resolve_port_range(r, &lo, &hi);
	return port >= lo && port <= hi;
}

static const char *resolve_raw_proto(struct resolver *r, int port)
{
	struct protoent *pe = getprotobynumber(port);

	if (pe)
		return pe->p_name;
	snprintf(r->pbuf, sizeof(r->pbuf), "ipproto-%d", port);
	return r->pbuf;
}

static char *resolve_service(struct resolver *r, int port,
			     enum resolve_proto p)
{
	static char none[] = "";
	struct servent *se;

	if (resolve_ephemeral(r, port))
		return none;
	se = getservbyport(htons((uint16_t)port), p == RESOLVE_TCP ? "tcp" :
			   p == RESOLVE_UDP ? "udp" : NULL);
	return se ? xstrdup(se->s_name) : none;
}

const char *resolve_port(struct resolver *r, int port, enum resolve_proto p)
{
	char **slot;

	if (port == 0)
		return "*";
	if (r->numeric || port < 0 || port > 65535)
		goto numeric;
	if (p == RESOLVE_RAW)
		return resolve_raw_proto(r, port);
	if (!r->svc[p])
		r->svc[p] = xcalloc(65536, sizeof(char *));
	slot = &r->svc[p][port];
	if (!*slot)
		*slot = resolve_service(r, port, p);
	if ((*slot)[0])
		return *slot;
numeric:
	fmt_i64(r->pbuf, port);
	return r->pbuf;
}

static const uint8_t v4mapped_prefix[12] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

static char *resolve_lookup_host(int family, const uint8_t *addr)
{
	struct hostent *he;

	if (family == AF_INET6 && memcmp(addr, v4mapped_prefix, 12) == 0)
		he = gethostbyaddr(addr + 12, 4, AF_INET);
	else
		he = gethostbyaddr(addr, family == AF_INET ? 4 : 16, family);
	return he && he->h_name ? xstrdup(he->h_name) : NULL;
}

static const char *resolve_host(struct resolver *r, int family,
				const uint8_t *addr)
{
	size_t len = family == AF_INET ? 4 : 16;
	struct resolve_host *h;

	for (h = r->hosts_tab; h; h = h->next)
		if (h->family == family && memcmp(h->addr, addr, len) == 0)
			return h->name;
	h = xcalloc(1, sizeof(*h));
	h->family = family;
	memcpy(h->addr, addr, len);
	h->name = resolve_lookup_host(family, addr);
	h->next = r->hosts_tab;
	r->hosts_tab = h;
	return h->name;
}

const char *resolve_addr(struct resolver *r, int family, const void *addr)
{
	if (r->hosts) {
		const char *name = resolve_host(r, family, addr);

		if (name)
			return name;
	}
	if (family == AF_INET) {
		fmt_ipv4(r->buf, addr);
		return r->buf;
	}
	if (!inet_ntop(family, addr, r->buf, sizeof(r->buf)))
		snprintf(r->buf, sizeof(r->buf), "???");
	return r->buf;
}
