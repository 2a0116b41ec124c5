/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The backend registry: names, the --backend choice, and which backend serves
 * a query.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "backend.h"

static const char *const procfile_names[LSOCK_PF_MAX] = {
	[LSOCK_PF_TCP] = "net/tcp",
	[LSOCK_PF_TCP6] = "net/tcp6",
	[LSOCK_PF_UDP] = "net/udp",
	[LSOCK_PF_UDP6] = "net/udp6",
	[LSOCK_PF_UDPLITE] = "net/udplite",
	[LSOCK_PF_UDPLITE6] = "net/udplite6",
	[LSOCK_PF_RAW] = "net/raw",
	[LSOCK_PF_RAW6] = "net/raw6",
	[LSOCK_PF_UNIX] = "net/unix",
	[LSOCK_PF_PACKET] = "net/packet",
	[LSOCK_PF_NETLINK] = "net/netlink",
};

const char *backend_procfile_name(enum lsock_procfile pf)
{
	return procfile_names[pf];
}

int backend_parse_choice(const char *name, enum lsock_backend_choice *out)
{
	if (strcmp(name, "auto") == 0)
		*out = LSOCK_BACKEND_AUTO;
	else if (strcmp(name, "netlink") == 0)
		*out = LSOCK_BACKEND_NETLINK;
	else if (strcmp(name, "proc") == 0)
		*out = LSOCK_BACKEND_PROC;
	else
		return -EINVAL;
	return 0;
}

/*
 * The netlink sock_diag backend is not part of this build yet, so "auto"
 * means /proc and an explicit "netlink" is refused with -ENOSYS.
 */
int backend_resolve(enum lsock_backend_choice choice,
		    const struct lsock_backend_ops **ops)
{
	switch (choice) {
	case LSOCK_BACKEND_AUTO:
	case LSOCK_BACKEND_PROC:
		*ops = &procfs_backend_ops;
		return 0;
	case LSOCK_BACKEND_NETLINK:
		*ops = NULL;
		return -ENOSYS;
	default:
		return -EINVAL;
	}
}
