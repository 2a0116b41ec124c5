/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The socket owners table (proc-owners.h). Entries are appended in scan
 * order; the index (open addressing over the inodes) is built once the
 * scan is over.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backends/backend.h"
#include "proc-owners-priv.h"
#include "xalloc.h"

void proc_owners_init(struct proc_owners *o)
{
	memset(o, 0, sizeof(*o));
}

void proc_owners_free(struct proc_owners *o)
{
	size_t i;

	for (i = 0; i < o->ntasks; i++)
		free(o->tasks[i].argv0);
	free(o->own);
	free(o->tasks);
	free(o->slots);
	proc_owners_init(o);
}

int proc_comm_read(const char *stat_path, char *comm, size_t size)
{
	char buf[512];
	const char *lp, *rp;
	size_t len;
	ssize_t n;
	int fd = open(stat_path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	lp = strchr(buf, '(');
	rp = strrchr(buf, ')');
	if (!lp || !rp || rp <= lp)
		return -1;
	len = (size_t)(rp - lp - 1);
	if (len >= size)
		len = size - 1;
	memcpy(comm, lp + 1, len);
	comm[len] = '\0';
	return 0;
}

char *proc_cmdline_argv0(const char *cmdline_path)
{
	char buf[512];
	ssize_t n;
	int fd = open(cmdline_path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	return xstrdup(buf);
}

/* The cmdline next to a stat path ("ROOT/PID/stat"). */
static char *proc_owners_argv0(const char *stat_path)
{
	size_t len = strlen(stat_path);
	char *path = xmalloc(len + 4);
	char *argv0;

	memcpy(path, stat_path, len - 4);
	memcpy(path + len - 4, "cmdline", 8);
	argv0 = proc_cmdline_argv0(path);
	free(path);
	return argv0;
}

static struct proc_owner_task *proc_owners_new_task(struct proc_owners *o)
{
	if (o->ntasks == o->tasks_cap) {
		o->tasks_cap = o->tasks_cap ? o->tasks_cap * 2 : 64;
		o->tasks = xreallocarray(o->tasks, o->tasks_cap,
					 sizeof(*o->tasks));
	}
	return &o->tasks[o->ntasks];
}

void proc_owners_push_task(struct proc_owners *o,
				  const struct proc_owner_task *from)
{
	*proc_owners_new_task(o) = *from;
	o->ntasks++;
}

uint32_t proc_owners_add_task(struct proc_owners *o, int32_t pid,
				     int32_t tid, const char *stat_path)
{
	struct proc_owner_task *t = proc_owners_new_task(o);

	t->pid = pid;
	t->tid = tid;
	if (proc_comm_read(stat_path, t->comm, sizeof(t->comm)) < 0)
		t->comm[0] = '\0';
	t->argv0 = o->want_cmdline ? proc_owners_argv0(stat_path) : NULL;
	return (uint32_t)o->ntasks++;
}

void proc_owners_add(struct proc_owners *o, uint64_t ino, uint32_t task,
		     int32_t fd)
{
	struct proc_owner *e;

	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 1024;
		o->own = xreallocarray(o->own, o->cap, sizeof(*o->own));
	}
	e = &o->own[o->n++];
	e->ino = ino;
	e->task = task;
	e->fd = fd;
	e->next = PROC_OWNERS_NONE;
}

/* Of the low 32 bits only, so inodes that share them share a probe run. */
static uint32_t proc_owners_hash(const struct proc_owners *o, uint64_t ino)
{
	return (uint32_t)(((uint64_t)(uint32_t)ino * 0x9e3779b97f4a7c15ULL) >>
			  32) & o->mask;
}

/*
 * The slot of ino: the one naming its newest entry, or the empty one where
 * it would go. Linear probing; a slot's key is the inode's low 32 bits, so
 * a match is confirmed on the entry.
 */
static uint32_t proc_owners_slot(const struct proc_owners *o, uint64_t ino)
{
	uint32_t h = proc_owners_hash(o, ino);
	const struct proc_owner_slot *s;

	for (;; h = (h + 1) & o->mask) {
		s = &o->slots[h];
		if (s->own == PROC_OWNERS_NONE ||
		    (s->key == (uint32_t)ino && o->own[s->own].ino == ino))
			return h;
	}
}

/*
 * The index: a power of two slots, at least 3/2 the entries, one per
 * inode. Each entry goes on the front of its inode's list, so the list
 * meets them newest first, and a lookup reads one slot and one entry.
 */
void proc_owners_index(struct proc_owners *o)
{
	size_t size = 16, i;

	while (size < o->n + o->n / 2)
		size *= 2;
	o->mask = (uint32_t)(size - 1);
	o->slots = xreallocarray(o->slots, size, sizeof(*o->slots));
	memset(o->slots, 0xff, size * sizeof(*o->slots));
	for (i = 0; i < o->n; i++) {
		struct proc_owner_slot *s =
			&o->slots[proc_owners_slot(o, o->own[i].ino)];

		o->own[i].next = s->own;
		s->key = (uint32_t)o->own[i].ino;
		s->own = (uint32_t)i;
	}
}

uint32_t proc_owners_first(const struct proc_owners *o, uint64_t ino)
{
	if (!o->slots || ino == 0)
		return PROC_OWNERS_NONE;
	return o->slots[proc_owners_slot(o, ino)].own;
}

void proc_owners_prefetch(const struct proc_owners *o, uint64_t ino,
			  int stage)
{
	uint32_t h, i;

	if (!o->slots)
		return;
	h = proc_owners_hash(o, ino);
	if (stage == 0) {
		__builtin_prefetch(&o->slots[h]);
		return;
	}
	/* the slot whose key matches, without reading any entry yet */
	while ((i = o->slots[h].own) != PROC_OWNERS_NONE &&
	       o->slots[h].key != (uint32_t)ino)
		h = (h + 1) & o->mask;
	if (i != PROC_OWNERS_NONE)
		__builtin_prefetch(&o->own[i]);
}

uint32_t proc_owners_next(const struct proc_owners *o, uint32_t i)
{
	return o->own[i].next;
}

uint64_t proc_owners_link_ino(const char *link, size_t len)
{
	uint64_t ino = 0;
	size_t i;

	if (len < 10 || memcmp(link, "socket:[", 8) != 0 ||
	    link[len - 1] != ']')
		return 0;
	for (i = 8; i < len - 1; i++) {
		if (link[i] < '0' || link[i] > '9')
			return 0;
		ino = ino * 10 + (uint64_t)(link[i] - '0');
	}
	return ino;
}

int32_t proc_owners_number(const char *s)
{
	long v = 0;

	if (*s < '0' || *s > '9')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 0x7fffffffL / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return (int32_t)v;
}

/* One "PID FD TARGET" line; *last holds the task of the previous line. */
static void proc_owners_parse_line(struct proc_owners *o, const char *line,
				   size_t len, const char *root,
				   uint32_t *last)
{
	char pid_s[16], fd_s[16], path[4096];
	const char *sp1 = memchr(line, ' ', len), *sp2;
	int32_t pid, fd;
	uint64_t ino;

	if (!sp1 || (size_t)(sp1 - line) >= sizeof(pid_s))
		return;
	sp2 = memchr(sp1 + 1, ' ', len - (size_t)(sp1 + 1 - line));
	if (!sp2 || (size_t)(sp2 - sp1 - 1) >= sizeof(fd_s))
		return;
	memcpy(pid_s, line, (size_t)(sp1 - line));
	pid_s[sp1 - line] = '\0';
	memcpy(fd_s, sp1 + 1, (size_t)(sp2 - sp1 - 1));
	fd_s[sp2 - sp1 - 1] = '\0';
	pid = proc_owners_number(pid_s);
	fd = proc_owners_number(fd_s);
	ino = proc_owners_link_ino(sp2 + 1, len - (size_t)(sp2 + 1 - line));
	if (pid <= 0 || fd < 0 || !ino)
		return;
	if (*last == PROC_OWNERS_NONE || o->tasks[*last].pid != pid) {
		snprintf(path, sizeof(path), "%s/%d/stat", root, (int)pid);
		*last = proc_owners_add_task(o, pid, pid, path);
	}
	proc_owners_add(o, ino, *last, fd);
}

int proc_owners_parse(struct proc_owners *o, const char *text, size_t len,
		      const char *root)
{
	uint32_t last = PROC_OWNERS_NONE;
	size_t off = 0;

	while (off < len) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t l = nl ? (size_t)(nl - text - off) : len - off;

		proc_owners_parse_line(o, text + off, l, root, &last);
		off += l + 1;
	}
	proc_owners_index(o);
	return 0;
}

int proc_owners_load(struct proc_owners *o, const char *fdlinks,
		     const char *root)
{
	uint8_t *buf;
	size_t len;
	int rc = backend_read_file(fdlinks, &buf, &len);

	if (rc < 0)
		return rc;
	rc = proc_owners_parse(o, (const char *)buf, len, root);
	free(buf);
	return rc;
}
