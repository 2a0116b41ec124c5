/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The socket owners table (proc-owners.h). Entries are appended in scan
 * order; the hash index is built once the scan is over, each entry pushed
 * on the front of its chain, so a chain walk meets them newest first.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backends/backend.h"
#include "proc-owners.h"
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
	free(o->head);
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

/* A task from another table, its argv0 moving with it. */
static void proc_owners_push_task(struct proc_owners *o,
				  const struct proc_owner_task *from)
{
	*proc_owners_new_task(o) = *from;
	o->ntasks++;
}

static uint32_t proc_owners_add_task(struct proc_owners *o, int32_t pid,
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

static void proc_owners_add(struct proc_owners *o, uint64_t ino,
			    uint32_t task, int32_t fd)
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

static uint32_t proc_owners_hash(const struct proc_owners *o, uint64_t ino)
{
	return (uint32_t)((ino * 0x9e3779b97f4a7c15ULL) >> 32) & o->mask;
}

/* The index: a power of two chains, at least twice the entries. */
static void proc_owners_index(struct proc_owners *o)
{
	size_t size = 16, i;

	while (size < 2 * o->n)
		size *= 2;
	o->mask = (uint32_t)(size - 1);
	o->head = xreallocarray(o->head, size, sizeof(*o->head));
	memset(o->head, 0xff, size * sizeof(*o->head));
	for (i = 0; i < o->n; i++) {
		uint32_t h = proc_owners_hash(o, o->own[i].ino);

		o->own[i].next = o->head[h];
		o->head[h] = (uint32_t)i;
	}
}

static uint32_t proc_owners_match(const struct proc_owners *o, uint32_t i,
				  uint64_t ino)
{
	while (i != PROC_OWNERS_NONE && o->own[i].ino != ino)
		i = o->own[i].next;
	return i;
}

uint32_t proc_owners_first(const struct proc_owners *o, uint64_t ino)
{
	if (!o->head || ino == 0)
		return PROC_OWNERS_NONE;
	return proc_owners_match(o, o->head[proc_owners_hash(o, ino)], ino);
}

uint32_t proc_owners_next(const struct proc_owners *o, uint32_t i)
{
	return proc_owners_match(o, o->own[i].next, o->own[i].ino);
}

/* "socket:[123]" -> 123; 0 for anything else. */
static uint64_t proc_owners_socket_ino(const char *link, size_t len)
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

static int32_t proc_owners_number(const char *s)
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

/* A directory below the root, as a stream; NULL with errno set. */
static DIR *proc_owners_opendir(int rootfd, const char *path, int *dfd)
{
	DIR *dir;

	*dfd = openat(rootfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (*dfd < 0)
		return NULL;
	dir = fdopendir(*dfd);
	if (!dir)
		close(*dfd);
	return dir;
}

/* The sockets among one task's fds ("PID/fd" or "PID/task/TID/fd"). */
static void proc_owners_scan_fds(struct proc_owners *o, int rootfd,
				 const char *root, const char *task,
				 int32_t pid, int32_t tid)
{
	char path[4096], link[64];
	uint32_t t = PROC_OWNERS_NONE;
	struct dirent *d;
	DIR *dir;
	int dfd;

	snprintf(path, sizeof(path), "%s/fd", task);
	dir = proc_owners_opendir(rootfd, path, &dfd);
	if (!dir) {
		if (errno == ENOENT || errno == ESRCH)
			o->fd_gone++;
		else
			o->fd_denied++;
		if (errno == EACCES)
			o->fd_eacces++;
		return;
	}
	while ((d = readdir(dir)) != NULL) {
		int32_t fd = proc_owners_number(d->d_name);
		ssize_t n;
		uint64_t ino;

		if (fd < 0)
			continue;
		n = readlinkat(dfd, d->d_name, link, sizeof(link));
		if (n <= 0 || (size_t)n >= sizeof(link))
			continue;
		ino = proc_owners_socket_ino(link, (size_t)n);
		if (!ino)
			continue;
		if (t == PROC_OWNERS_NONE) {
			snprintf(path, sizeof(path), "%s/%s/stat", root, task);
			t = proc_owners_add_task(o, pid, tid, path);
		}
		proc_owners_add(o, ino, t, fd);
	}
	closedir(dir);
}

/* -T: the other threads of a process, each with its own fd view. */
static void proc_owners_scan_threads(struct proc_owners *o, int rootfd,
				     const char *root, int32_t pid)
{
	char path[64];
	struct dirent *d;
	DIR *dir;
	int dfd;

	snprintf(path, sizeof(path), "%d/task", (int)pid);
	dir = proc_owners_opendir(rootfd, path, &dfd);
	if (!dir)
		return;
	while ((d = readdir(dir)) != NULL) {
		int32_t tid = proc_owners_number(d->d_name);

		if (tid < 0 || tid == pid)
			continue;
		snprintf(path, sizeof(path), "%d/task/%d", (int)pid, (int)tid);
		proc_owners_scan_fds(o, rootfd, root, path, pid, tid);
	}
	closedir(dir);
}

/*
 * The scan is spread over a few threads: most of its time is the kernel
 * resolving one fd link after another. Worker k takes the pids whose
 * index is k modulo the number of workers, into a table of its own, and
 * notes where each pid's entries end; the tables are then joined in pid
 * order, so the result is the one a single pass would give.
 */
#define PROC_OWNERS_WORKERS	4

struct proc_owners_part {
	struct proc_owners o;
	const int32_t *pids;
	size_t npids, first, step;
	size_t *own_end, *task_end;	/* per pid index, for its worker */
	int rootfd;
	const char *root;
	bool threads;
};

static void *proc_owners_worker(void *arg)
{
	struct proc_owners_part *p = arg;
	char name[16];
	size_t i;

	for (i = p->first; i < p->npids; i += p->step) {
		snprintf(name, sizeof(name), "%d", (int)p->pids[i]);
		p->o.procs++;
		proc_owners_scan_fds(&p->o, p->rootfd, p->root, name,
				     p->pids[i], p->pids[i]);
		if (p->threads)
			proc_owners_scan_threads(&p->o, p->rootfd, p->root,
						 p->pids[i]);
		p->own_end[i] = p->o.n;
		p->task_end[i] = p->o.ntasks;
	}
	return NULL;
}

/* Appends part's entries of one pid (own[*os..oe), tasks[*ts..te)). */
static void proc_owners_take(struct proc_owners *o, struct proc_owners *part,
			     size_t *os, size_t oe, size_t *ts, size_t te)
{
	uint32_t base = (uint32_t)o->ntasks;
	size_t first_task = *ts;

	for (; *ts < te; (*ts)++)
		proc_owners_push_task(o, &part->tasks[*ts]);
	for (; *os < oe; (*os)++) {
		const struct proc_owner *e = &part->own[*os];

		proc_owners_add(o, e->ino, base + (e->task - (uint32_t)first_task),
				e->fd);
	}
}

static void proc_owners_join(struct proc_owners *o,
			     struct proc_owners_part *parts, size_t nparts,
			     size_t npids)
{
	size_t os[PROC_OWNERS_WORKERS] = { 0 }, ts[PROC_OWNERS_WORKERS] = { 0 };
	size_t i, k;

	for (i = 0; i < npids; i++) {
		k = i % nparts;
		proc_owners_take(o, &parts[k].o, &os[k], parts[k].own_end[i],
				 &ts[k], parts[k].task_end[i]);
	}
	for (k = 0; k < nparts; k++) {
		o->procs += parts[k].o.procs;
		o->fd_denied += parts[k].o.fd_denied;
		o->fd_eacces += parts[k].o.fd_eacces;
		o->fd_gone += parts[k].o.fd_gone;
		parts[k].o.ntasks = 0;	/* their argv0 moved to o */
		proc_owners_free(&parts[k].o);
	}
}

/* The numeric entries of root, in readdir order. */
static int32_t *proc_owners_pids(DIR *dir, size_t *n)
{
	struct dirent *d;
	int32_t *pids = NULL;
	size_t cap = 0;

	*n = 0;
	while ((d = readdir(dir)) != NULL) {
		int32_t pid = proc_owners_number(d->d_name);

		if (pid <= 0)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			pids = xreallocarray(pids, cap, sizeof(*pids));
		}
		pids[(*n)++] = pid;
	}
	return pids;
}

static size_t proc_owners_nworkers(size_t npids)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (npids < 16 || cpus < 2)
		return 1;
	return cpus < PROC_OWNERS_WORKERS ? (size_t)cpus : PROC_OWNERS_WORKERS;
}

static void proc_owners_run(struct proc_owners *o, int rootfd,
			    const char *root, bool threads,
			    const int32_t *pids, size_t npids)
{
	struct proc_owners_part parts[PROC_OWNERS_WORKERS];
	pthread_t tid[PROC_OWNERS_WORKERS];
	bool started[PROC_OWNERS_WORKERS];
	size_t *ends = xcalloc(2 * npids + 1, sizeof(*ends));
	size_t n = proc_owners_nworkers(npids), k;

	for (k = 0; k < n; k++) {
		memset(&parts[k], 0, sizeof(parts[k]));
		parts[k].o.want_cmdline = o->want_cmdline;
		parts[k].pids = pids;
		parts[k].npids = npids;
		parts[k].first = k;
		parts[k].step = n;
		parts[k].own_end = ends;
		parts[k].task_end = ends + npids;
		parts[k].rootfd = rootfd;
		parts[k].root = root;
		parts[k].threads = threads;
		started[k] = k > 0 && pthread_create(&tid[k], NULL,
					proc_owners_worker, &parts[k]) == 0;
	}
	proc_owners_worker(&parts[0]);
	for (k = 1; k < n; k++) {
		if (started[k])
			pthread_join(tid[k], NULL);
		else
			proc_owners_worker(&parts[k]);
	}
	proc_owners_join(o, parts, n, npids);
	free(ends);
}

int proc_owners_scan(struct proc_owners *o, const char *root, bool threads)
{
	int32_t *pids;
	size_t npids;
	DIR *dir;

	dir = opendir(root);
	if (!dir)
		return -errno;
	pids = proc_owners_pids(dir, &npids);
	proc_owners_run(o, dirfd(dir), root, threads, pids, npids);
	free(pids);
	closedir(dir);
	proc_owners_index(o);
	return 0;
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
	ino = proc_owners_socket_ino(sp2 + 1, len - (size_t)(sp2 + 1 - line));
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
