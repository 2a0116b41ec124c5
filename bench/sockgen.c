/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sockgen: open N sockets for the benchmark, then wait while they are
 * listed. Run it ONLY in a network namespace made for the purpose
 * (unshare -n): it binds loopback addresses and widens the namespace's
 * ephemeral port range.
 *
 *   sockgen -n N [--ready FILE] [--hold SECONDS]
 *
 * Of the N sockets, about 90 % are the two ends of established TCP
 * connections spread over 16 listeners on 127.0.0.1..127.0.0.8 (so the
 * ephemeral ports of one address do not run out), 2 % TIME-WAIT, 4 % UDP,
 * 4 % unix socket pairs, plus the listeners. The sockets are held by as
 * many worker processes as the fd limit needs (a sandbox may cap it and
 * forbid raising it), each started after the last one is done. It writes
 * the number it made on stdout and FILE once everything is up, and exits
 * after SECONDS (default 120, at most 900) or on SIGTERM/SIGINT, with its
 * workers.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SG_LISTENERS	16
#define SG_BATCH	512
#define SG_HOLD_MAX	900

static volatile sig_atomic_t sg_stop;

static void sg_on_signal(int sig)
{
	(void)sig;
	sg_stop = 1;
}

static void sg_die(const char *what)
{
	fprintf(stderr, "sockgen: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* As many fds as a worker may hold: the hard limit, raised if allowed. */
static long sg_fd_budget(long want)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) < 0)
		sg_die("getrlimit");
	rl.rlim_cur = rl.rlim_max;
	if ((rlim_t)want > rl.rlim_max) {
		struct rlimit more = { (rlim_t)want, (rlim_t)want };

		if (setrlimit(RLIMIT_NOFILE, &more) == 0)
			rl = more;
	}
	if (setrlimit(RLIMIT_NOFILE, &rl) < 0)
		sg_die("setrlimit");
	return (long)rl.rlim_cur - 64;
}

static void sg_write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "we");

	if (!f || fputs(text, f) < 0 || fclose(f) != 0)
		sg_die(path);
}

static struct sockaddr_in sg_addr(int host, int port)
{
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(0x7f000000u | (uint32_t)host);
	return a;
}

static int sg_listener(int i, struct sockaddr_in *where)
{
	int one = 1, fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	*where = sg_addr(1 + i % 8, 20000 + i);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one,
				 sizeof(one)) < 0 ||
	    bind(fd, (struct sockaddr *)where, sizeof(*where)) < 0 ||
	    listen(fd, 4096) < 0)
		sg_die("listener");
	return fd;
}

/* One batch of connections to one listener: connect all, accept all. */
static long sg_connect_batch(int lfd, const struct sockaddr_in *to, int n,
			     int close_client)
{
	int cl[SG_BATCH], i;

	for (i = 0; i < n; i++) {
		cl[i] = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (cl[i] < 0)
			sg_die("socket");
		if (connect(cl[i], (const struct sockaddr *)to, sizeof(*to)) < 0)
			sg_die("connect");
	}
	for (i = 0; i < n; i++) {
		int a = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);

		if (a < 0)
			sg_die("accept");
		if (close_client) {
			/* the active closer's end goes to TIME-WAIT */
			close(cl[i]);
			close(a);
		}
	}
	return close_client ? n : 2L * n;
}

/* n connections spread over the listeners; TIME-WAIT if close_client. */
static long sg_tcp(long n, int close_client, const int *lfd,
		   const struct sockaddr_in *la, int *l)
{
	long made = 0, done = 0;

	while (done < n && !sg_stop) {
		int k = n - done < SG_BATCH ? (int)(n - done) : SG_BATCH;

		made += sg_connect_batch(lfd[*l], &la[*l], k, close_client);
		done += k;
		*l = (*l + 1) % SG_LISTENERS;
	}
	return made;
}

static long sg_udp(long first, long n)
{
	long i;

	for (i = first; i < first + n; i++) {
		struct sockaddr_in a = sg_addr(1 + (int)(i % 8),
					       30000 + (int)(i / 8));
		int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

		if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0)
			sg_die("udp");
	}
	return n;
}

static long sg_unix(long pairs)
{
	long i;

	for (i = 0; i < pairs; i++) {
		int sv[2];

		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
			sg_die("socketpair");
	}
	return 2 * pairs;
}

/* Sockets to make: TCP pairs and unix pairs take two fds each. */
struct sg_work {
	long pairs, udp, udp_first, unix_pairs;
};

static long sg_take(long *left, long most)
{
	long k = *left < most ? *left : most;

	*left -= k;
	return k;
}

/* The next worker's share of what is left, within budget fds. */
static struct sg_work sg_plan(struct sg_work *w, long budget)
{
	struct sg_work s;

	s.pairs = sg_take(&w->pairs, budget / 2);
	budget -= 2 * s.pairs;
	s.udp_first = w->udp_first;
	s.udp = sg_take(&w->udp, budget);
	w->udp_first += s.udp;
	budget -= s.udp;
	s.unix_pairs = sg_take(&w->unix_pairs, budget / 2);
	return s;
}

static void sg_pause_until_stopped(void)
{
	while (!sg_stop)
		pause();
	_exit(0);
}

/* A worker makes its share, reports the count on a pipe and waits. */
static long sg_fork_worker(const struct sg_work *s, const int *lfd,
			   const struct sockaddr_in *la, int l)
{
	long made = 0;
	int p[2];
	pid_t pid;

	if (pipe(p) < 0)
		sg_die("pipe");
	pid = fork();
	if (pid < 0)
		sg_die("fork");
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		close(p[0]);
		made = sg_tcp(s->pairs, 0, lfd, la, &l);
		made += sg_udp(s->udp_first, s->udp);
		made += sg_unix(s->unix_pairs);
		if (write(p[1], &made, sizeof(made)) != sizeof(made))
			_exit(1);
		close(p[1]);
		sg_pause_until_stopped();
	}
	close(p[1]);
	if (read(p[0], &made, sizeof(made)) != sizeof(made))
		made = -1;
	close(p[0]);
	return made;
}

static long sg_make(long n, long budget)
{
	struct sockaddr_in la[SG_LISTENERS];
	struct sg_work w = { n * 45 / 100, n / 25, 0, n / 50 };
	int lfd[SG_LISTENERS], i, l = 0;
	long made = SG_LISTENERS;

	for (i = 0; i < SG_LISTENERS; i++)
		lfd[i] = sg_listener(i, &la[i]);
	made += sg_tcp(n / 50, 1, lfd, la, &l);
	for (i = 0; (w.pairs || w.udp || w.unix_pairs) && !sg_stop; i++) {
		struct sg_work s = sg_plan(&w, budget);
		long got = sg_fork_worker(&s, lfd, la, i % SG_LISTENERS);

		if (got < 0)
			sg_die("worker");
		made += got;
	}
	return made;
}

static void sg_hold(long seconds)
{
	struct timespec end, now;

	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += seconds;
	while (!sg_stop) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec >= end.tv_sec)
			break;
		sleep(1);
	}
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "ready", required_argument, NULL, 'r' },
		{ "hold", required_argument, NULL, 'H' },
		{ NULL, 0, NULL, 0 },
	};
	const char *ready = NULL;
	long n = 0, hold = 120, made, budget;
	char line[64];
	int c;

	while ((c = getopt_long(argc, argv, "n:", opts, NULL)) != -1) {
		if (c == 'n')
			n = atol(optarg);
		else if (c == 'r')
			ready = optarg;
		else if (c == 'H')
			hold = atol(optarg);
		else
			return 2;
	}
	if (n < 100 || n > 2000000 || hold < 0 || hold > SG_HOLD_MAX) {
		fprintf(stderr, "usage: sockgen -n N (100..2000000) [--ready FILE]"
			" [--hold SECONDS (0..%d)]\n", SG_HOLD_MAX);
		return 2;
	}
	/* a group of its own: the workers are stopped with kill(0, ...) */
	if (setpgid(0, 0) < 0)
		sg_die("setpgid");
	signal(SIGTERM, sg_on_signal);
	signal(SIGINT, sg_on_signal);
	budget = sg_fd_budget(n * 2 + 256);
	sg_write_file("/proc/sys/net/ipv4/ip_local_port_range", "1024 65535\n");
	sg_write_file("/proc/sys/net/ipv4/tcp_max_tw_buckets", "2000000\n");
	made = sg_make(n, budget);
	snprintf(line, sizeof(line), "%ld\n", made);
	fputs(line, stdout);
	fflush(stdout);
	if (ready)
		sg_write_file(ready, line);
	sg_hold(hold);
	signal(SIGTERM, SIG_IGN);
	kill(0, SIGTERM);
	while (wait(NULL) > 0)
		;
	return 0;
}
