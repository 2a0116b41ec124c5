/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Names for numbers, cached: services for ports, hosts for addresses (-r),
 * protocols for raw sockets, netlink protocols, ethertypes, interfaces and
 * the process behind a netlink port id. Every lookup is done at most once
 * per run.
 */
#ifndef LSOCK_RESOLVE_H
#define LSOCK_RESOLVE_H

#include <stdbool.h>
#include <stdint.h>

enum resolve_proto {
	RESOLVE_TCP,
	RESOLVE_UDP,
	RESOLVE_RAW,
	RESOLVE_ANY,	/* any protocol's name (ss -E names ports so) */
	RESOLVE_PROTO_MAX
};

struct resolve_host;

struct resolver {
	bool numeric;		/* -n */
	bool hosts;		/* -r */
	const char *proc_root;	/* for the netlink comm lookup */
	const char *port_range_path;
	int eph_min, eph_max;	/* 0/0 until read */
	char **svc[RESOLVE_PROTO_MAX];	/* port -> name, "" if none */
	char *nl_names[256];
	bool nl_loaded;
	struct resolve_host *hosts_tab;
	char **ifmap;		/* recorded interface names, by index */
	unsigned int ifmap_len;
	bool use_ifmap;		/* --replay: names from the recording only */
	char buf[128];		/* the last address returned */
	char pbuf[32];		/* the last numeric port returned */
	char nbuf[64];		/* the last netlink port or other name */
};

void resolve_init(struct resolver *r);
void resolve_free(struct resolver *r);
/* A port as ss prints it: "*", a number or a service name. */
const char *resolve_port(struct resolver *r, int port, enum resolve_proto p);
/* An address as ss prints it, without brackets: a host name or numeric. */
const char *resolve_addr(struct resolver *r, int family, const void *addr);
const char *resolve_netlink_proto(struct resolver *r, int proto);
const char *resolve_ethertype(struct resolver *r, unsigned int type);
const char *resolve_ifname(struct resolver *r, unsigned int ifindex);
/* Interface names from a recording's "INDEX NAME" lines; 0 or -errno. */
int resolve_load_ifnames(struct resolver *r, const char *path);
/* ip_local_port_range, read once (1024-4999 when unreadable, as ss). */
void resolve_port_range(struct resolver *r, int *lo, int *hi);
/* Reverse lookups for filters: -1 or 0 when the name is unknown. */
int resolve_netlink_proto_id(struct resolver *r, const char *name);
int resolve_ethertype_id(const char *name);
unsigned int resolve_ifindex(const struct resolver *r, const char *name);
/* "kernel", "*", "comm/pid" or the number, as ss names netlink ports. */
const char *resolve_netlink_port(struct resolver *r, int32_t pid);

#endif /* LSOCK_RESOLVE_H */
