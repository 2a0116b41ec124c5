/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "env.h"
#include "xalloc.h"

static const char *const env_proc_vars[LSOCK_PF_MAX] = {
	[LSOCK_PF_TCP] = "PROC_NET_TCP",
	[LSOCK_PF_TCP6] = "PROC_NET_TCP6",
	[LSOCK_PF_UDP] = "PROC_NET_UDP",
	[LSOCK_PF_UDP6] = "PROC_NET_UDP6",
	[LSOCK_PF_RAW] = "PROC_NET_RAW",
	[LSOCK_PF_RAW6] = "PROC_NET_RAW6",
	[LSOCK_PF_UNIX] = "PROC_NET_UNIX",
	[LSOCK_PF_PACKET] = "PROC_NET_PACKET",
	[LSOCK_PF_NETLINK] = "PROC_NET_NETLINK",
	[LSOCK_PF_SOCKSTAT] = "PROC_NET_SOCKSTAT",
	[LSOCK_PF_SOCKSTAT6] = "PROC_NET_SOCKSTAT6",
	[LSOCK_PF_SNMP] = "PROC_NET_SNMP",
};

char *env_proc_source(struct lsock_source *src)
{
	const char *root = getenv("PROC_ROOT");
	const char *range = getenv("PROC_IP_LOCAL_PORT_RANGE");
	const char *tail = "/sys/net/ipv4/ip_local_port_range";
	char *p;
	int i;

	src->proc_root = root ? root : "/proc";
	for (i = 0; i < LSOCK_PF_MAX; i++)
		if (env_proc_vars[i])
			src->proc_file[i] = getenv(env_proc_vars[i]);
	if (range)
		return xstrdup(range);
	p = xmalloc(strlen(src->proc_root) + strlen(tail) + 1);
	sprintf(p, "%s%s", src->proc_root, tail);
	return p;
}

unsigned int env_forced_proc(void)
{
	static const struct { const char *var; enum lsock_table t; } vars[] = {
		{ "PROC_NET_TCP", LSOCK_T_TCP },
		{ "PROC_NET_UDP", LSOCK_T_UDP },
		{ "PROC_NET_RAW", LSOCK_T_RAW },
		{ "PROC_NET_UNIX", LSOCK_T_UNIX },
		{ "PROC_NET_PACKET", LSOCK_T_PACKET },
		{ "PROC_NET_NETLINK", LSOCK_T_NETLINK },
		{ "PROC_NET_DCCP", LSOCK_T_DCCP },
		{ "PROC_NET_SCTP", LSOCK_T_SCTP },
		{ "PROC_NET_MPTCP", LSOCK_T_MPTCP },
	};
	unsigned int mask = 0;
	size_t i;

	if (getenv("PROC_ROOT"))
		return ~0u;
	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		if (getenv(vars[i].var))
			mask |= 1u << vars[i].t;
	return mask;
}

const char *env_proc_root(void)
{
	return getenv("PROC_ROOT");
}

const char *env_tcpdiag_file(void)
{
	return getenv("TCPDIAG_FILE");
}

bool env_no_bytecode(void)
{
	const char *v = getenv("LSOCK_NO_BYTECODE");

	return v && *v && strcmp(v, "0") != 0;
}
