/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Names that do not come from the C library's databases: netlink protocols
 * (iproute2's nl_protos file, else a built-in list), ethertypes of packet
 * sockets, interface names, and the process that owns a netlink port id.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "proc-owners.h"
#include "resolve.h"
#include "xalloc.h"

static const char *const nl_builtin[] = {
	[0] = "rtnl", [1] = "unused", [2] = "usersock", [3] = "fw",
	[4] = "tcpdiag", [5] = "nflog", [6] = "xfrm", [7] = "selinux",
	[8] = "iscsi", [9] = "audit", [10] = "fiblookup", [11] = "connector",
	[12] = "nft", [13] = "ip6fw", [14] = "dec-rt", [15] = "uevent",
	[16] = "genl", [18] = "scsi-trans", [19] = "ecryptfs",
	[20] = "rdma", [21] = "crypto",
};

struct ethertype_name {
	unsigned int id;
	const char *name;
};

/* The names ss gives packet socket protocols (ethertypes, host order). */
static const struct ethertype_name ethertypes[] = {
	{ 0x0001, "802_3" }, { 0x0002, "ax25" }, { 0x0004, "802_2" },
	{ 0x0005, "snap" }, { 0x0006, "ddcmp" }, { 0x0007, "wan_ppp" },
	{ 0x0008, "ppp_mp" }, { 0x0009, "localtalk" }, { 0x000c, "can" },
	{ 0x0010, "ppptalk" }, { 0x0011, "tr_802_2" }, { 0x0015, "mobitex" },
	{ 0x0016, "control" }, { 0x0017, "irda" }, { 0x0018, "econet" },
	{ 0x0060, "loop" }, { 0x0200, "pup" }, { 0x0201, "pupat" },
	{ 0x0800, "ip" }, { 0x0805, "x25" }, { 0x0806, "arp" },
	{ 0x08ff, "bpq" }, { 0x0a00, "ieeepup" }, { 0x0a01, "ieeepupat" },
	{ 0x6000, "dec" }, { 0x6001, "dna_dl" }, { 0x6002, "dna_rc" },
	{ 0x6003, "dna_rt" }, { 0x6004, "lat" }, { 0x6005, "diag" },
	{ 0x6006, "cust" }, { 0x6007, "sca" }, { 0x6558, "teb" },
	{ 0x8035, "rarp" }, { 0x809b, "atalk" }, { 0x80f3, "aarp" },
	{ 0x8100, "802.1Q" }, { 0x8137, "ipx" }, { 0x86dd, "ipv6" },
	{ 0x8847, "mpls_uc" }, { 0x8848, "mpls_mc" }, { 0x884c, "atmmpoa" },
	{ 0x8863, "ppp_disc" }, { 0x8864, "ppp_ses" }, { 0x8884, "atmfate" },
	{ 0x8892, "profinet" }, { 0x88a2, "aoe" }, { 0x88a4, "ethercat" },
	{ 0x88a8, "802.1ad" }, { 0x88ca, "tipc" }, { 0x88cc, "LLDP" },
};

/* "NUM NAME" lines; '#' starts a comment. */
static int nl_load_file(struct resolver *r, const char *path)
{
	char line[256];
	FILE *f = fopen(path, "re");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		char name[64];
		unsigned int id;

		if (sscanf(line, "%u %63s", &id, name) != 2 || id > 255 ||
		    name[0] == '#')
			continue;
		free(r->nl_names[id]);
		r->nl_names[id] = xstrdup(name);
	}
	fclose(f);
	return 0;
}

static void nl_load(struct resolver *r)
{
	size_t i;

	r->nl_loaded = true;
	if (nl_load_file(r, "/etc/iproute2/nl_protos") == 0 ||
	    nl_load_file(r, "/usr/share/iproute2/nl_protos") == 0)
		return;
	for (i = 0; i < sizeof(nl_builtin) / sizeof(nl_builtin[0]); i++)
		if (nl_builtin[i])
			r->nl_names[i] = xstrdup(nl_builtin[i]);
}

const char *resolve_netlink_proto(struct resolver *r, int proto)
{
	if (!r->numeric && proto >= 0 && proto < 256) {
		if (!r->nl_loaded)
			nl_load(r);
		if (r->nl_names[proto])
			return r->nl_names[proto];
	}
	snprintf(r->nbuf, sizeof(r->nbuf), "%d", proto);
	return r->nbuf;
}

const char *resolve_ethertype(struct resolver *r, unsigned int type)
{
	size_t i;

	for (i = 0; !r->numeric && i < sizeof(ethertypes) /
					sizeof(ethertypes[0]); i++)
		if (ethertypes[i].id == type)
			return ethertypes[i].name;
	snprintf(r->nbuf, sizeof(r->nbuf), "[%u]", type);
	return r->nbuf;
}

int resolve_load_ifnames(struct resolver *r, const char *path)
{
	char line[128], name[64];
	unsigned int idx;
	FILE *f = fopen(path, "re");

	if (!f)
		return -errno;
	r->use_ifmap = true;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%u %63s", &idx, name) != 2 || idx > 65535)
			continue;
		if (idx >= r->ifmap_len) {
			r->ifmap = xreallocarray(r->ifmap, idx + 1,
						 sizeof(*r->ifmap));
			memset(r->ifmap + r->ifmap_len, 0, (idx + 1 -
			       r->ifmap_len) * sizeof(*r->ifmap));
			r->ifmap_len = idx + 1;
		}
		free(r->ifmap[idx]);
		r->ifmap[idx] = xstrdup(name);
	}
	fclose(f);
	return 0;
}

static int resolve_ifname_lookup(const struct resolver *r,
				 unsigned int ifindex, char *name)
{
	if (!r->use_ifmap)
		return if_indextoname(ifindex, name) ? 0 : -1;
	if (ifindex >= r->ifmap_len || !r->ifmap[ifindex])
		return -1;
	snprintf(name, IF_NAMESIZE, "%s", r->ifmap[ifindex]);
	return 0;
}

const char *resolve_ifname(struct resolver *r, unsigned int ifindex)
{
	char name[IF_NAMESIZE];

	if (resolve_ifname_lookup(r, ifindex, name) == 0)
		snprintf(r->nbuf, sizeof(r->nbuf), "%s", name);
	else
		snprintf(r->nbuf, sizeof(r->nbuf), "if%u", ifindex);
	return r->nbuf;
}

/*
 * The command name of a netlink port's process, from the first '(' to the
 * last ')' of its stat file. Control characters are made visible so that a
 * name cannot break the row.
 */
static int resolve_comm(const char *root, int32_t pid, char *comm,
			size_t size)
{
	char path[4096], *p;

	snprintf(path, sizeof(path), "%s/%d/stat", root, (int)pid);
	if (proc_comm_read(path, comm, size) < 0 || !comm[0])
		return -1;
	for (p = comm; *p; p++)
		if (iscntrl((unsigned char)*p))
			*p = '.';
	return 0;
}

const char *resolve_netlink_port(struct resolver *r, int32_t pid)
{
	char comm[32];

	if (pid == -1)
		return "*";
	if (!r->numeric && pid == 0)
		return "kernel";
	if (!r->numeric && pid > 0 &&
	    resolve_comm(r->proc_root ? r->proc_root : "/proc", pid, comm,
			 sizeof(comm)) == 0) {
		snprintf(r->nbuf, sizeof(r->nbuf), "%s/%d", comm, (int)pid);
		return r->nbuf;
	}
	snprintf(r->nbuf, sizeof(r->nbuf), "%d", (int)pid);
	return r->nbuf;
}

int resolve_netlink_proto_id(struct resolver *r, const char *name)
{
	int i;

	if (!r->nl_loaded)
		nl_load(r);
	for (i = 0; i < 256; i++)
		if (r->nl_names[i] && strcmp(r->nl_names[i], name) == 0)
			return i;
	return -1;
}

int resolve_ethertype_id(const char *name)
{
	size_t i;

	if (strcasecmp(name, "all") == 0)
		return 0x0003;
	for (i = 0; i < sizeof(ethertypes) / sizeof(ethertypes[0]); i++)
		if (strcasecmp(ethertypes[i].name, name) == 0)
			return (int)ethertypes[i].id;
	return -1;
}

unsigned int resolve_ifindex(const struct resolver *r, const char *name)
{
	unsigned int i;

	if (!r->use_ifmap)
		return if_nametoindex(name);
	for (i = 0; i < r->ifmap_len; i++)
		if (r->ifmap[i] && strcmp(r->ifmap[i], name) == 0)
			return i;
	return 0;
}
