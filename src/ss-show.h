/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What a row shows after its columns: ss's -p -e -o -m -i and friends. */
#ifndef LSOCK_SS_SHOW_H
#define LSOCK_SS_SHOW_H

#include <stdbool.h>

struct ss_show {
	bool users;		/* -p: users:(("comm",pid=N,fd=N)) */
	bool threads;		/* -T: tid= too (and -p's scan of tasks) */
	bool proc_ctx;		/* -Z: SELinux process contexts */
	bool sock_ctx;		/* -z: and socket contexts */
	bool details;		/* -e: uid, ino, sk, ... */
	bool timers;		/* -o (also set by -e and -b) */
	bool mem;		/* -m: skmem:(...) */
	bool tcpinfo;		/* -i: tcp_info */
	bool tos;		/* --tos */
	bool cgroup;		/* --cgroup */
	bool sockopt;		/* --inet-sockopt */
	bool bpf;		/* -b: packet socket filters */
	bool tipcinfo;		/* --tipcinfo */
	bool oneline;		/* -O: no "\n\t" continuation lines */
};

#endif /* LSOCK_SS_SHOW_H */
