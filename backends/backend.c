/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Helpers the backends share: /proc file names, the --backend names, whole
 * file reads, and ss's unix table rule. Which backend serves a table is the
 * caller's choice (src/ss-run.c).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/socket.h>

#include "backend.h"
#include "xalloc.h"

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
	[LSOCK_PF_SOCKSTAT] = "net/sockstat",
	[LSOCK_PF_SOCKSTAT6] = "net/sockstat6",
	[LSOCK_PF_SNMP] = "net/snmp",
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

int backend_read_file(const char *path, uint8_t **buf, size_t *len)
{
	size_t cap = 65536, n = 0;
	uint8_t *p;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	p = xmalloc(cap);
	for (;;) {
		ssize_t r = read(fd, p + n, cap - n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int err = -errno;

			close(fd);
			free(p);
			return err;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n == cap) {
			cap *= 2;
			p = xreallocarray(p, cap, 1);
		}
	}
	close(fd);
	*buf = p;
	*len = n;
	return 0;
}

int backend_unix_type_skip(const struct lsock_request *req, unsigned int type)
{
	switch (type) {
	case SOCK_STREAM:
		return !(req->dbs & LSOCK_DBM(LSOCK_DB_UNIX_ST));
	case SOCK_DGRAM:
		return !(req->dbs & LSOCK_DBM(LSOCK_DB_UNIX_DG));
	case SOCK_SEQPACKET:
		return !(req->dbs & LSOCK_DBM(LSOCK_DB_UNIX_SQ));
	default:
		return 0;
	}
}

char *backend_procfile_path(const struct lsock_source *src,
			    enum lsock_procfile pf)
{
	const char *root = src->proc_root ? src->proc_root : "/proc";
	const char *name = backend_procfile_name(pf);
	size_t len;
	char *p;

	if (src->proc_file[pf])
		return xstrdup(src->proc_file[pf]);
	len = strlen(root) + 1 + strlen(name) + 1;
	p = xmalloc(len);
	snprintf(p, len, "%s/%s", root, name);
	return p;
}
