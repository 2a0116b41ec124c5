/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Rows read ahead (netstat-priv.h): while the -p scan runs in its own
 * threads, netstat mode takes the TCP and UDP tables over netlink and
 * packs the rows it will show, so that the kernel's dump and the scan
 * overlap; the rows are printed once the owners are known.
 *
 * A packed row holds the fields of struct netstat_row in the order of
 * netstat_ahead_fields, each as its bytes: IPv4 addresses in 4 bytes, and
 * -o's fields only with -o.
 */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "netstat-priv.h"
#include "xalloc.h"

/* The fields of a packed row, in their order; addresses by family. */
enum netstat_ahead_kind { NA_ALWAYS, NA_ADDR, NA_TIMERS };

static const struct {
	size_t off, len;
	enum netstat_ahead_kind kind;
} netstat_ahead_fields[] = {
	{ offsetof(struct netstat_row, family), 1, NA_ALWAYS },
	{ offsetof(struct netstat_row, state), 1, NA_ALWAYS },
	{ offsetof(struct netstat_row, rq), 4, NA_ALWAYS },
	{ offsetof(struct netstat_row, wq), 4, NA_ALWAYS },
	{ offsetof(struct netstat_row, lport), 2, NA_ALWAYS },
	{ offsetof(struct netstat_row, rport), 2, NA_ALWAYS },
	{ offsetof(struct netstat_row, uid), 4, NA_ALWAYS },
	{ offsetof(struct netstat_row, ino), 8, NA_ALWAYS },
	{ offsetof(struct netstat_row, local), 16, NA_ADDR },
	{ offsetof(struct netstat_row, remote), 16, NA_ADDR },
	{ offsetof(struct netstat_row, timer), 1, NA_TIMERS },
	{ offsetof(struct netstat_row, probes), 4, NA_TIMERS },
	{ offsetof(struct netstat_row, when), 8, NA_TIMERS },
	{ offsetof(struct netstat_row, retr), 8, NA_TIMERS },
};

#define NETSTAT_AHEAD_NFIELDS \
	(sizeof(netstat_ahead_fields) / sizeof(netstat_ahead_fields[0]))
#define NETSTAT_AHEAD_MAXROW	(sizeof(struct netstat_row))

/*
 * Packs src at p, or with dst unpacks p into dst. The family comes first,
 * so the address length is known when the addresses come. Returns the
 * packed length.
 */
static size_t netstat_ahead_copy(uint8_t *p, const struct netstat_row *src,
				 struct netstat_row *dst, bool timers)
{
	const struct netstat_row *row = dst ? dst : src;
	size_t i, n = 0;

	for (i = 0; i < NETSTAT_AHEAD_NFIELDS; i++) {
		size_t off = netstat_ahead_fields[i].off;
		size_t len = netstat_ahead_fields[i].len;

		if (netstat_ahead_fields[i].kind == NA_TIMERS && !timers)
			continue;
		if (netstat_ahead_fields[i].kind == NA_ADDR &&
		    row->family == AF_INET)
			len = 4;
		if (dst)
			memcpy((uint8_t *)dst + off, p + n, len);
		else
			memcpy(p + n, (const uint8_t *)src + off, len);
		n += len;
	}
	return n;
}

void netstat_ahead_put(struct netstat_ahead *a, const struct netstat_row *row,
		       bool timers)
{
	if (a->cap - a->len < NETSTAT_AHEAD_MAXROW) {
		a->cap = a->cap ? a->cap * 2 : 64 * 1024;
		a->buf = xreallocarray(a->buf, a->cap, 1);
	}
	a->len += netstat_ahead_copy(a->buf + a->len, row, NULL, timers);
}

bool netstat_ahead_get(const struct netstat_ahead *a, size_t *off,
		       struct netstat_row *row, bool timers)
{
	if (*off >= a->len)
		return false;
	memset(row, 0, sizeof(*row));
	*off += netstat_ahead_copy(a->buf + *off, NULL, row, timers);
	return true;
}

void netstat_ahead_free(struct netstat_ahead *a)
{
	free(a->buf);
	memset(a, 0, sizeof(*a));
}
