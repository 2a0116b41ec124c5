/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netstat -i and -ie: counters from /proc/net/dev (under the proc root),
 * everything else from ioctls on the running network namespace, as
 * net-tools 2.10 gets them; the short table or ifconfig-style blocks.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "netstat.h"
#include "netstat-iface.h"
#include "netstat-proc.h"
#include "xalloc.h"

#ifndef IFF_DYNAMIC
#define IFF_DYNAMIC	0x8000
#endif

/* fgets() size net-tools reads /proc/net/dev with */
#define IFACE_DEV_BUF	512

struct iface_ctx {
	const struct netstat_ctl *ctl;
	struct output *out;
	int fd;			/* any socket, for the device ioctls */
	int inet_fd;		/* AF_INET, for addresses and SIOCGIFCONF */
};

/* if_readlist_proc(): the names and counters of /proc/net/dev. */
static int iface_read_dev(struct iface_ctx *c, struct netstat_iflist *l)
{
	const char *line;
	size_t len, off = 0, n;
	int rerr, err, vsn = 1;
	char *buf, name[16];

	err = netstat_proc_read(&c->ctl->src, "net/dev", &buf, &len, &rerr);
	if (err < 0) {
		fprintf(stderr, "Warning: cannot open /proc/net/dev (%s). "
			"Limited output.\n", strerror(-err));
		return -2;
	}
	netstat_scan_line(buf, len, &off, IFACE_DEV_BUF, &line, &n);
	if (netstat_scan_line(buf, len, &off, IFACE_DEV_BUF, &line, &n))
		vsn = netstat_ifdev_version(line, n);
	while (netstat_scan_line(buf, len, &off, IFACE_DEV_BUF, &line, &n)) {
		struct netstat_ifstats st;
		struct netstat_iface *e;

		memset(&st, 0, sizeof(st));
		memset(name, 0, sizeof(name));
		netstat_ifdev_line(vsn, line, n, name, &st);
		e = netstat_ifdev_add(l, name);
		/* counters not on the line keep the entry's values */
		netstat_ifdev_line(vsn, line, n, name, &e->st);
		e->stats_valid = true;
	}
	free(buf);
	if (rerr) {
		netstat_proc_perror("/proc/net/dev", rerr);
		return -1;
	}
	return 0;
}

/* if_readconf(): the names SIOCGIFCONF gives (IPv4 labels included). */
static int iface_read_conf(struct iface_ctx *c, struct netstat_iflist *l)
{
	int numreqs = 30, fd = c->inet_fd >= 0 ? c->inet_fd : c->fd;
	struct ifconf ifc = { 0 };
	char *buf = NULL;
	size_t i;

	for (;;) {
		ifc.ifc_len = (int)(sizeof(struct ifreq) * (size_t)numreqs);
		buf = xreallocarray(buf, (size_t)ifc.ifc_len, 1);
		ifc.ifc_buf = buf;
		if (ioctl(fd, SIOCGIFCONF, &ifc) < 0) {
			perror("SIOCGIFCONF");
			free(buf);
			return -1;
		}
		if (ifc.ifc_len == (int)(sizeof(struct ifreq) *
					 (size_t)numreqs)) {
			numreqs *= 2;
			continue;
		}
		break;
	}
	for (i = 0; i + sizeof(struct ifreq) <= (size_t)ifc.ifc_len;
	     i += sizeof(struct ifreq)) {
		char name[IFNAMSIZ + 1];

		memcpy(name, ifc.ifc_req[i / sizeof(struct ifreq)].ifr_name,
		       IFNAMSIZ);
		name[IFNAMSIZ - 1] = '\0';
		netstat_ifdev_add(l, name);
	}
	free(buf);
	return 0;
}

static void iface_req(struct ifreq *r, const char *name)
{
	memset(r, 0, sizeof(*r));
	snprintf(r->ifr_name, sizeof(r->ifr_name), "%s", name);
}

static void iface_fetch_inet(struct iface_ctx *c, const char *name,
			     struct netstat_ifinfo *in)
{
	struct ifreq r;

	if (c->inet_fd < 0)
		return;
	iface_req(&r, name);
	r.ifr_addr.sa_family = AF_INET;
	if (ioctl(c->inet_fd, SIOCGIFADDR, &r) != 0)
		return;
	in->has_ip = true;
	in->addr = r.ifr_addr;
	iface_req(&r, name);
	if (ioctl(c->inet_fd, SIOCGIFDSTADDR, &r) == 0)
		in->dst = r.ifr_dstaddr;
	iface_req(&r, name);
	if (ioctl(c->inet_fd, SIOCGIFBRDADDR, &r) == 0)
		in->brd = r.ifr_broadaddr;
	iface_req(&r, name);
	if (ioctl(c->inet_fd, SIOCGIFNETMASK, &r) == 0)
		in->mask = r.ifr_netmask;
}

/* if_fetch(): -errno when the device cannot be asked for its flags. */
static int iface_fetch(struct iface_ctx *c, const char *name,
		       struct netstat_ifinfo *in)
{
	struct ifreq r;

	memset(in, 0, sizeof(*in));
	iface_req(&r, name);
	if (ioctl(c->fd, SIOCGIFFLAGS, &r) < 0)
		return -errno;
	in->flags = r.ifr_flags;
	iface_req(&r, name);
	r.ifr_flags = in->flags;
	/* a failed SIOCGIFHWADDR leaves the flags where the type would be */
	if (ioctl(c->fd, SIOCGIFHWADDR, &r) == 0)
		memcpy(in->hw, r.ifr_hwaddr.sa_data, 8);
	in->type = r.ifr_hwaddr.sa_family;
	iface_req(&r, name);
	in->mtu = ioctl(c->fd, SIOCGIFMTU, &r) < 0 ? 0 : r.ifr_mtu;
	iface_req(&r, name);
	if (ioctl(c->fd, SIOCGIFMAP, &r) == 0)
		in->map = r.ifr_map;
	iface_req(&r, name);
	in->txqlen = ioctl(c->fd, SIOCGIFTXQLEN, &r) < 0 ? -1 : r.ifr_qlen;
	iface_fetch_inet(c, name, in);
	return 0;
}

static void iface_short_flags(struct output *out, short flags)
{
	static const struct { int bit; char c; } letters[] = {
		{ IFF_ALLMULTI, 'A' }, { IFF_BROADCAST, 'B' },
		{ IFF_DEBUG, 'D' }, { IFF_LOOPBACK, 'L' },
		{ IFF_MULTICAST, 'M' }, { IFF_DYNAMIC, 'd' },
		{ IFF_PROMISC, 'P' }, { IFF_NOTRAILERS, 'N' },
		{ IFF_NOARP, 'O' }, { IFF_POINTOPOINT, 'P' },
		{ IFF_SLAVE, 's' }, { IFF_MASTER, 'm' },
		{ IFF_RUNNING, 'R' }, { IFF_UP, 'U' },
	};
	size_t i;

	if (flags == 0)
		output_str(out, "[NO FLAGS]");
	for (i = 0; i < sizeof(letters) / sizeof(letters[0]); i++)
		if ((unsigned short)flags & letters[i].bit)
			output_write(out, &letters[i].c, 1);
	output_str(out, "\n");
}

static void iface_print_short(struct iface_ctx *c,
			      const struct netstat_iface *e,
			      const struct netstat_ifinfo *in)
{
	const struct netstat_ifstats *st = &e->st;

	output_printf(c->out, "%-15.15s %5d ", e->name, in->mtu);
	if (e->stats_valid) {
		output_printf(c->out, "%8llu %6llu %6llu %-6llu ",
			      st->rx_packets, st->rx_errors, st->rx_dropped,
			      st->rx_fifo);
		output_printf(c->out, "%8llu %6llu %6llu %6llu ",
			      st->tx_packets, st->tx_errors, st->tx_dropped,
			      st->tx_fifo);
	} else {
		output_printf(c->out, "%-56s",
			      "     - no statistics available -");
	}
	iface_short_flags(c->out, in->flags);
}

static int iface_print(struct iface_ctx *c, const struct netstat_iface *e)
{
	struct netstat_ifinfo in;
	int err = iface_fetch(c, e->name, &in);

	if (err < 0) {
		fprintf(stderr, "%s: error fetching interface information: "
			"%s\n", e->name, err == -ENODEV ? "Device not found" :
			strerror(-err));
		return err;
	}
	if (!((unsigned short)in.flags & IFF_UP) && !c->ctl->all)
		return 0;
	if (c->ctl->extend < 1)
		iface_print_short(c, e, &in);
	else
		netstat_iface_print_long(c->ctl, c->out, e, &in);
	return 0;
}

/* if_readlist(): fails only when neither source gave anything. */
static int iface_list(struct iface_ctx *c, struct netstat_iflist *l)
{
	int proc_err = iface_read_dev(c, l);
	int conf_err = iface_read_conf(c, l);

	return proc_err < 0 && conf_err < 0 ? -1 : 0;
}

static int iface_round(struct iface_ctx *c)
{
	struct netstat_iflist l = { NULL, 0, 0 };
	size_t i;
	int err = 0;

	if (c->ctl->extend < 1)
		output_str(c->out, "Iface             MTU    RX-OK RX-ERR "
			   "RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n");
	if (iface_list(c, &l) < 0) {
		err = errno ? errno : EINVAL;
	} else {
		for (i = 0; i < l.n; i++) {
			err = iface_print(c, &l.v[i]);
			if (err)
				break;
		}
		err = err < 0 ? -err : 0;
	}
	netstat_ifdev_free(&l);
	if (err) {
		fprintf(stderr, "missing interface information: %s\n",
			strerror(err));
		return NETSTAT_EXIT_FAIL;
	}
	return NETSTAT_EXIT_OK;
}

int netstat_iface_run(const struct netstat_ctl *ctl, struct output *out)
{
	struct iface_ctx c = { .ctl = ctl, .out = out };
	int rc;

	c.inet_fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	c.fd = c.inet_fd >= 0 ? c.inet_fd :
	       socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (c.fd < 0) {
		perror("socket");
		return NETSTAT_EXIT_FAIL;
	}
	output_str(out, "Kernel Interface table\n");
	for (;;) {
		rc = iface_round(&c);
		if (rc || !ctl->continuous || output_flush(out) < 0)
			break;
		sleep(1);
	}
	if (c.inet_fd >= 0)
		close(c.inet_fd);
	else
		close(c.fd);
	return rc;
}
