/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nlfloor: the least work that reads what `lsock -tan` reads, to measure
 * how close lsock comes to the kernel's own cost. It formats nothing.
 *
 *   nlfloor netlink   the TCP sock_diag dump lsock sends where few IPv6
 *                     sockets exist: one TCPDIAG_GETSOCK for both families,
 *                     all states, no extensions, into a 64 KiB buffer;
 *                     counts sockets
 *   nlfloor proc      /proc/net/tcp and /proc/net/tcp6 read whole; counts
 *                     lines
 *
 * Prints the count on stdout.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NF_BUF	65536

static unsigned char nf_buf[NF_BUF];

static void nf_die(const char *what)
{
	fprintf(stderr, "nlfloor: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void nf_send(int fd)
{
	struct {
		struct nlmsghdr nlh;
		struct inet_diag_req req;
	} m;
	struct sockaddr_nl sa;

	memset(&m, 0, sizeof(m));
	memset(&sa, 0, sizeof(sa));
	sa.nl_family = AF_NETLINK;
	m.nlh.nlmsg_len = sizeof(m);
	m.nlh.nlmsg_type = TCPDIAG_GETSOCK;
	m.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	m.req.idiag_family = AF_INET;
	m.req.idiag_states = ~0u;
	if (sendto(fd, &m, sizeof(m), 0, (struct sockaddr *)&sa,
		   sizeof(sa)) != (ssize_t)sizeof(m))
		nf_die("sendto");
}

/* Messages until NLMSG_DONE; returns how many sockets came. */
static long nf_dump(int fd)
{
	long n = 0;

	nf_send(fd);
	for (;;) {
		ssize_t len = recv(fd, nf_buf, sizeof(nf_buf), 0);
		struct nlmsghdr *h = (struct nlmsghdr *)nf_buf;

		if (len < 0)
			nf_die("recv");
		for (; NLMSG_OK(h, (size_t)len); h = NLMSG_NEXT(h, len)) {
			if (h->nlmsg_type == NLMSG_DONE)
				return n;
			if (h->nlmsg_type == NLMSG_ERROR)
				return n;
			n++;
		}
	}
}

static long nf_netlink(void)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	long n;

	if (fd < 0)
		nf_die("socket");
	n = nf_dump(fd);
	close(fd);
	return n;
}

static long nf_file(const char *path)
{
	long lines = 0;
	ssize_t len;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return 0;
	while ((len = read(fd, nf_buf, sizeof(nf_buf))) > 0) {
		const unsigned char *p = nf_buf, *end = nf_buf + len;

		while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
			lines++;
			p++;
		}
	}
	close(fd);
	return lines > 0 ? lines - 1 : 0;	/* the header line */
}

int main(int argc, char **argv)
{
	long n;

	if (argc == 2 && strcmp(argv[1], "netlink") == 0)
		n = nf_netlink();
	else if (argc == 2 && strcmp(argv[1], "proc") == 0)
		n = nf_file("/proc/net/tcp") + nf_file("/proc/net/tcp6");
	else {
		fputs("usage: nlfloor netlink|proc\n", stderr);
		return 2;
	}
	printf("%ld\n", n);
	return 0;
}
