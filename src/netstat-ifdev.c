/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The interface list of netstat -i and the /proc files it reads, as
 * net-tools 2.10 reads them. Pure: no I/O.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netstat-iface.h"
#include "xalloc.h"

/* A trailing ":N" alias number: cut from name, returned (or NULL). */
static const char *ifdev_cut_alias(char *name)
{
	size_t pos = strlen(name);
	bool digit = false;

	for (; pos > 0; pos--) {
		if (name[pos - 1] == ':' && digit) {
			name[pos - 1] = '\0';
			return name + pos;
		}
		if (!isdigit((unsigned char)name[pos - 1]))
			break;
		digit = true;
	}
	return NULL;
}

/* Where the trailing run of digits starts. */
static size_t ifdev_digits_at(const char *name)
{
	size_t pos = strlen(name);

	while (pos > 0 && isdigit((unsigned char)name[pos - 1]))
		pos--;
	return pos;
}

static int ifdev_sign(long long v)
{
	return v < 0 ? -1 : v > 0;
}

/*
 * net-tools 2.10's nstrcmp(): the names without their ":N" alias compare
 * by the text before their trailing number, then by the number, then as
 * strings; then by alias number (none sorts first).
 */
int netstat_ifdev_nstrcmp(const char *ap, const char *bp)
{
	char a[64], b[64];
	const char *aal, *bal;
	size_t ai, bi;
	int res;

	snprintf(a, sizeof(a), "%s", ap);
	snprintf(b, sizeof(b), "%s", bp);
	aal = ifdev_cut_alias(a);
	bal = ifdev_cut_alias(b);
	ai = ifdev_digits_at(a);
	bi = ifdev_digits_at(b);
	res = strncmp(a, b, ai < bi ? ai : bi);
	if (res)
		return res;
	if (ai != bi)
		return ai > bi ? 1 : -1;
	res = ifdev_sign((long long)atoi(a + ai) - atoi(b + bi));
	if (res)
		return res;
	res = strcmp(a, b);
	if (res)
		return res;
	res = ifdev_sign((long long)(aal ? atoi(aal) : -1) -
			 (bal ? atoi(bal) : -1));
	if (res)
		return res;
	return aal && bal ? strcmp(aal, bal) : 0;
}

struct netstat_iface *netstat_ifdev_add(struct netstat_iflist *l,
					const char *name)
{
	size_t i = l->n;

	/* from the end: an equal name is that entry, a smaller one stops */
	while (i > 0) {
		int c = netstat_ifdev_nstrcmp(l->v[i - 1].name, name);

		if (c == 0)
			return &l->v[i - 1];
		if (c < 0)
			break;
		i--;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	memmove(&l->v[i + 1], &l->v[i], (l->n - i) * sizeof(*l->v));
	memset(&l->v[i], 0, sizeof(l->v[i]));
	snprintf(l->v[i].name, sizeof(l->v[i].name), "%s", name);
	l->n++;
	return &l->v[i];
}

void netstat_ifdev_free(struct netstat_iflist *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

int netstat_ifdev_version(const char *line, size_t len)
{
	if (memmem(line, len, "compressed", 10))
		return 3;
	if (memmem(line, len, "bytes", 5))
		return 2;
	return 1;
}

/* net-tools' get_name(): returns where the counters start. */
static size_t ifdev_name(const char *p, size_t len, char name[16])
{
	size_t i = 0, n = 0, j;

	while (i < len && isspace((unsigned char)p[i]))
		i++;
	while (i < len && !isspace((unsigned char)p[i])) {
		if (p[i] == ':') {
			for (j = i + 1; j < len && isdigit((unsigned char)p[j]);
			     j++)
				;
			if (j < len && p[j] == ':') {
				/* an alias: keep ":N" */
				for (; i < j && n < 15; i++)
					name[n++] = p[i];
				i = j;
			}
			i++;
			break;
		}
		if (n < 15)
			name[n++] = p[i];
		i++;
	}
	name[n] = '\0';
	return i;
}

void netstat_ifdev_line(int version, const char *line, size_t len,
			char name[16], struct netstat_ifstats *st)
{
	unsigned long long *v3[] = {
		&st->rx_bytes, &st->rx_packets, &st->rx_errors,
		&st->rx_dropped, &st->rx_fifo, &st->rx_frame,
		&st->rx_compressed, &st->rx_multicast, &st->tx_bytes,
		&st->tx_packets, &st->tx_errors, &st->tx_dropped,
		&st->tx_fifo, &st->collisions, &st->tx_carrier,
		&st->tx_compressed,
	};
	unsigned long long *v2[] = {
		&st->rx_bytes, &st->rx_packets, &st->rx_errors,
		&st->rx_dropped, &st->rx_fifo, &st->rx_frame, &st->tx_bytes,
		&st->tx_packets, &st->tx_errors, &st->tx_dropped,
		&st->tx_fifo, &st->collisions, &st->tx_carrier,
	};
	unsigned long long *v1[] = {
		&st->rx_packets, &st->rx_errors, &st->rx_dropped,
		&st->rx_fifo, &st->rx_frame, &st->tx_packets, &st->tx_errors,
		&st->tx_dropped, &st->tx_fifo, &st->collisions,
		&st->tx_carrier,
	};
	unsigned long long **v = version == 3 ? v3 : version == 2 ? v2 : v1;
	size_t n = version == 3 ? 16 : version == 2 ? 13 : 11, i;
	size_t at = ifdev_name(line, len, name);
	struct netstat_scan s;

	netstat_scan_init(&s, line + at, len - at);
	for (i = 0; i < n; i++)
		if (netstat_scan_ull(&s, v[i]) < 0)
			break;
	if (version == 2)
		st->rx_multicast = 0;
	if (version == 1)
		st->rx_bytes = st->tx_bytes = st->rx_multicast = 0;
}

int netstat_ifdev_inet6(struct netstat_scan *s, struct netstat_if6 *e)
{
	unsigned int *hex[] = { &e->index, &e->plen, &e->scope, &e->dad };
	static const size_t width[] = { 8, 2, 2, 2 };
	int i, n = 0;

	netstat_scan_space(s);
	if (netstat_scan_at_end(s))
		return -1;
	for (i = 0; i < 8; i++, n++)
		if (netstat_scan_str(s, 4, e->groups[i]) < 0)
			return n;
	for (i = 0; i < 4; i++, n++)
		if (netstat_scan_hex(s, width[i], hex[i]) < 0)
			return n;
	if (netstat_scan_str(s, 20, e->dev) < 0)
		return n;
	netstat_scan_space(s);
	return n + 1;
}
