/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Which processes hold which sockets: one scan of /proc/PID/fd (and, for
 * threads, /proc/PID/task/TID/fd) into a table keyed by socket inode, sized
 * for what it holds. A recording's fdlinks file can stand in for the scan.
 *
 * The owners of one inode come out in the reverse of the scan order: last
 * scanned process first and, within a process, the highest fd first. That
 * is the order ss prints them in.
 */
#ifndef LSOCK_PROC_OWNERS_H
#define LSOCK_PROC_OWNERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PROC_OWNERS_NONE	UINT32_MAX

/* A process (or, with threads, a task) that holds at least one socket. */
struct proc_owner_task {
	int32_t pid;
	int32_t tid;		/* == pid for the process itself */
	char comm[64];		/* from .../stat, raw bytes, NUL-terminated */
	/*
	 * With proc_owners.want_cmdline: argv[0] from .../cmdline (the bytes
	 * before the first NUL of its first 511), or NULL when the file could
	 * not be read; netstat names a process by it.
	 */
	char *argv0;
};

struct proc_owner {
	uint64_t ino;
	uint32_t task;		/* index into tasks */
	int32_t fd;
	uint32_t next;		/* the entry scanned before, same ino */
};

/* An index slot: an inode's low 32 bits and its newest entry (or NONE). */
struct proc_owner_slot {
	uint32_t key;
	uint32_t own;
};

struct proc_owners {
	struct proc_owner *own;
	size_t n, cap;
	struct proc_owner_task *tasks;
	size_t ntasks, tasks_cap;
	struct proc_owner_slot *slots;	/* mask + 1 of them */
	uint32_t mask;
	bool want_cmdline;	/* set before a scan or load: read argv[0] */
	/* what the scan could not see, for --why */
	unsigned long procs;		/* processes looked at */
	unsigned long fd_denied;	/* fd directories not readable */
	unsigned long fd_eacces;	/* ... of them, failed with EACCES */
	unsigned long fd_gone;		/* processes that went away */
};

struct proc_owners_job;

void proc_owners_init(struct proc_owners *o);
void proc_owners_free(struct proc_owners *o);
/*
 * Scans root (/proc or PROC_ROOT) into an empty table; 0 or a negative
 * errno for the root. threads: also each thread's fd directory (-T).
 */
int proc_owners_scan(struct proc_owners *o, const char *root, bool threads);
/*
 * The same scan in two halves, so that the caller can do other work while
 * it runs: with async, start returns at once and the scan goes on in
 * threads of its own (o must not be touched until wait returns). *job is
 * NULL when start fails; wait takes NULL too, and frees the job.
 */
int proc_owners_scan_start(struct proc_owners *o, const char *root,
			   bool threads, bool async,
			   struct proc_owners_job **job);
void proc_owners_scan_wait(struct proc_owners_job *job);
/*
 * Reads a recording's "PID FD TARGET" lines (fdlinks) instead of a scan;
 * the command names come from root/PID/stat.
 */
int proc_owners_load(struct proc_owners *o, const char *fdlinks,
		     const char *root);
/* Parses fdlinks text already in memory (the pure part of load). */
int proc_owners_parse(struct proc_owners *o, const char *text, size_t len,
		      const char *root);
/* The first owner of ino, then the next ones: an index, or ..._NONE. */
uint32_t proc_owners_first(const struct proc_owners *o, uint64_t ino);
uint32_t proc_owners_next(const struct proc_owners *o, uint32_t i);

/*
 * A hint that ino is about to be looked up, for a batch of lookups whose
 * memory reads can overlap: stage 0 fetches its slot, stage 1 (a little
 * later) the entry the slot names.
 */
void proc_owners_prefetch(const struct proc_owners *o, uint64_t ino,
			  int stage);

/*
 * The command name in a stat file: from the first '(' to the last ')'.
 * Returns 0, or -1 when the file cannot be read or has no name.
 */
int proc_comm_read(const char *stat_path, char *comm, size_t size);
/*
 * argv[0] of a cmdline file, as netstat reads it: one read of at most 511
 * bytes, up to the first NUL. A new string, or NULL when unreadable.
 */
char *proc_cmdline_argv0(const char *cmdline_path);

#endif /* LSOCK_PROC_OWNERS_H */
