/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the owners table (proc-owners.c) lends its scan
 * (proc-owners-scan.c): appending entries and tasks, and the index.
 */
#ifndef LSOCK_PROC_OWNERS_PRIV_H
#define LSOCK_PROC_OWNERS_PRIV_H

#include "proc-owners.h"

/* A non-negative decimal that fits int32_t, or -1. */
int32_t proc_owners_number(const char *s);
/* "socket:[123]" -> 123; 0 for any other link text. */
uint64_t proc_owners_link_ino(const char *link, size_t len);
/* A new task, its names read from stat_path ("ROOT/PID/stat"). */
uint32_t proc_owners_add_task(struct proc_owners *o, int32_t pid,
			      int32_t tid, const char *stat_path);
/* Moves a task from another table (its argv0 goes with it). */
void proc_owners_push_task(struct proc_owners *o,
			   const struct proc_owner_task *from);
void proc_owners_add(struct proc_owners *o, uint64_t ino, uint32_t task,
		     int32_t fd);
/* Builds the index over own[0..n). */
void proc_owners_index(struct proc_owners *o);

#endif /* LSOCK_PROC_OWNERS_PRIV_H */
