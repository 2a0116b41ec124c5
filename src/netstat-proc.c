/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "netstat-proc.h"
#include "xalloc.h"

struct netstat_name_entry {
	struct netstat_name_entry *next;
	uint32_t addr;
	bool host;
	char *name;
};

static char *proc_path(const struct lsock_source *src, const char *name)
{
	const char *root = src && src->proc_root ? src->proc_root : "/proc";
	char *path = xmalloc(strlen(root) + strlen(name) + 2);

	sprintf(path, "%s/%s", root, name);
	return path;
}

static int proc_read_fd(int fd, char **buf, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *p = xmalloc(cap + 1);
	int err = 0;

	for (;;) {
		ssize_t r = read(fd, p + n, cap - n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err = errno;
			break;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n == cap) {
			cap *= 2;
			p = xreallocarray(p, cap + 1, 1);
		}
	}
	p[n] = '\0';
	*buf = p;
	*len = n;
	return err;
}

int netstat_proc_read(const struct lsock_source *src, const char *name,
		      char **buf, size_t *len, int *read_err)
{
	char *path = proc_path(src, name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int err = errno;

	free(path);
	*buf = NULL;
	*len = 0;
	*read_err = 0;
	if (fd < 0)
		return -err;
	*read_err = proc_read_fd(fd, buf, len);
	close(fd);
	if (src && src->record && src->record->proc_data)
		src->record->proc_data(src->record->arg, name, *buf, *len);
	return 0;
}

bool netstat_proc_exists(const struct lsock_source *src, const char *name)
{
	char *path = proc_path(src, name);
	struct stat st;
	bool ok = stat(path, &st) == 0;

	free(path);
	return ok;
}

void netstat_proc_perror(const char *path, int err)
{
	fprintf(stderr, "%s: %s\n", path, strerror(err));
}

void netstat_anames_free(struct netstat_anames *n)
{
	while (n->head) {
		struct netstat_name_entry *e = n->head;

		n->head = e->next;
		free(e->name);
		free(e);
	}
}

static void names_copy(char *buf, size_t len, const char *s)
{
	snprintf(buf, len, "%s", s);
}

static void names_lookup(uint32_t ad, bool host, char *buf, size_t len)
{
	struct in_addr in = { .s_addr = ad };
	struct hostent *he;
	struct netent *ne;

	if (host) {
		he = gethostbyaddr(&in, 4, AF_INET);
		if (he && he->h_name) {
			names_copy(buf, len, he->h_name);
			return;
		}
	} else {
		ne = getnetbyaddr(ntohl(ad), AF_INET);
		if (ne && ne->n_name) {
			names_copy(buf, len, ne->n_name);
			return;
		}
	}
	names_copy(buf, len, inet_ntoa(in));
}

const char *netstat_anames_inet(struct netstat_anames *n,
			       const unsigned char addr[4], unsigned int how,
			       uint32_t netmask, char *buf, size_t len)
{
	struct netstat_name_entry *e;
	struct in_addr in;
	uint32_t ad;
	bool host;

	memcpy(&ad, addr, 4);
	in.s_addr = ad;
	if (how & NETSTAT_NAME_NUMERIC) {
		names_copy(buf, len, inet_ntoa(in));
		return buf;
	}
	if (ad == 0) {
		if (netmask == 0)
			names_copy(buf, len, (how & NETSTAT_NAME_DEFAULT) ?
				   "default" : "*");
		else
			names_copy(buf, len, "0.0.0.0");
		return buf;
	}
	host = (ad & ~netmask) != 0 || (how & NETSTAT_NAME_HOST);
	for (e = n->head; e; e = e->next) {
		if (e->addr == ad && e->host == host) {
			names_copy(buf, len, e->name);
			return buf;
		}
	}
	names_lookup(ad, host, buf, len);
	e = xcalloc(1, sizeof(*e));
	e->addr = ad;
	e->host = host;
	e->name = xstrdup(buf);
	e->next = n->head;
	n->head = e;
	return buf;
}

/* net-tools' fix_v4_address(): "::ffff:1.2.3.4" shows as "1.2.3.4". */
static const char *names_fix_v4(const char *buf, const struct in6_addr *a)
{
	const char *s;

	if (!IN6_IS_ADDR_V4MAPPED(a))
		return buf;
	s = strchr(buf, '.');
	if (!s)
		return buf;
	while (s > buf && *s != ':')
		s--;
	return *s == ':' ? s + 1 : buf;
}

const char *netstat_anames_inet6(const struct in6_addr *a, bool numeric,
				char *buf, size_t len)
{
	struct sockaddr_in6 sin6;

	if (numeric) {
		inet_ntop(AF_INET6, a, buf, (socklen_t)len);
	} else if (IN6_IS_ADDR_UNSPECIFIED(a)) {
		names_copy(buf, len, "[::]");
	} else {
		memset(&sin6, 0, sizeof(sin6));
		sin6.sin6_family = AF_INET6;
		sin6.sin6_addr = *a;
		if (getnameinfo((struct sockaddr *)&sin6, sizeof(sin6), buf,
				(socklen_t)len, NULL, 0, 0) != 0)
			inet_ntop(AF_INET6, a, buf, (socklen_t)len);
	}
	return names_fix_v4(buf, a);
}
