/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The scan of /proc/PID/fd behind proc_owners_scan() (proc-owners.h).
 *
 * Nearly all of its time is the kernel resolving one fd link after
 * another, so it is spread over a few threads in two phases:
 *
 *  1. listing: the workers take pids in turn and read the fd numbers of
 *     each fd directory (the process's, and its threads' with -T);
 *  2. probing: the fds of all directories, in pid order, are cut into
 *     runs of POS_RUN fds, whatever process they belong to, and the
 *     workers take runs in turn (so that they finish together however the
 *     kernel shares the CPUs out) and look at the fds of each. A run's
 *     sockets go into its own slice of one array, which is then closed up
 *     in run order.
 *
 * The result is the table one pass in readdir order would give. A fd that
 * is a socket is recognised by statx() on the real /proc (its inode is on
 * sockfs, whose device a socket of our own tells), which spares the kernel
 * from writing "socket:[N]"; anywhere else, or when statx is refused, the
 * link is read as ss reads it.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "fmt.h"
#include "proc-owners-priv.h"
#include "xalloc.h"

#define POS_WORKERS	4
#define POS_RUN		2048	/* fds in one run of phase 2 */

/*
 * One fd directory that phase 1 found: nfds slots, the first nprobe of
 * them the fd numbers 0 to nprobe-1 (to be probed), the rest the fd
 * numbers it listed.
 */
struct pos_dir {
	int32_t pid, tid;
	int32_t *fds;		/* nfds - nprobe of them */
	size_t nprobe, nfds;
	size_t first;		/* index of slot 0 among all dirs' slots */
};

/* The fd directories of one pid: its own, then its threads'. */
struct pos_pid {
	struct pos_dir *dirs;
	size_t ndirs;
};

/* A phase-2 run [begin, end) and what was found there. */
struct pos_part {
	struct proc_owners o;	/* only its tasks: entries go to job->own */
	size_t begin, end;
	size_t nown;		/* entries at job->own[begin ...] */
};

struct pos_counts {
	unsigned long procs, fd_denied, fd_eacces, fd_gone;
};

struct proc_owners_job {
	struct proc_owners *o;
	const char *root;
	DIR *rootdir;
	int rootfd;
	bool threads;
	bool real_proc;		/* root is a procfs */
	bool by_stat;		/* statx() tells sockets (see the top) */
	dev_t sockdev;
	int32_t *pids;
	size_t npids;
	size_t next;		/* phase 1: the next pid index to take */
	struct pos_pid *found;	/* per pid index */
	struct pos_dir *dirs;	/* phase 2: all of them, in pid order */
	size_t ndirs, nfds;
	struct proc_owner *own;	/* nfds slots */
	size_t nworkers;
	struct pos_counts counts[POS_WORKERS];
	struct pos_part *parts;	/* phase 2's runs */
	size_t nparts;
	size_t next_part;	/* phase 2: the next run to take */
	pthread_t thread;
	bool async;
};

struct pos_arg {
	struct proc_owners_job *job;
	size_t k;
};

/* ---- phase 1: listing ---------------------------------------------------- */

static void pos_dir_failed(struct pos_counts *c)
{
	if (errno == ENOENT || errno == ESRCH)
		c->fd_gone++;
	else
		c->fd_denied++;
	if (errno == EACCES)
		c->fd_eacces++;
}

/* A directory below the root, as a stream; NULL with errno set. */
static DIR *pos_opendir(int rootfd, const char *path)
{
	int dfd = openat(rootfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *dir;

	if (dfd < 0)
		return NULL;
	dir = fdopendir(dfd);
	if (!dir)
		close(dfd);
	return dir;
}

/*
 * On a procfs whose fd directories report their number of open fds as
 * their size (Linux 6.2 on), with C open fds the numbers 0 to C-1 are
 * probed, and only the fds from C up are listed: readdir() of /proc/PID/fd
 * costs the kernel a dentry lookup per entry, and the fds of a process
 * with many sockets are nearly all below C. The listing starts at C
 * because the directory's position is the fd number plus 2; numbers below
 * C that a listing still returns are skipped.
 */
static size_t pos_probe_count(const struct proc_owners_job *job, DIR *dir)
{
	struct stat st;

	if (!job->by_stat || fstat(dirfd(dir), &st) < 0 || st.st_size <= 0 ||
	    st.st_size > INT32_MAX)
		return 0;
	seekdir(dir, (long)st.st_size + 2);
	return (size_t)st.st_size;
}

/* The fd numbers in path ("PID/fd" or "PID/task/TID/fd"), kept in f. */
static void pos_list_dir(struct proc_owners_job *job, struct pos_counts *c,
			 const char *path, int32_t pid, int32_t tid,
			 struct pos_pid *f)
{
	struct pos_dir d = { .pid = pid, .tid = tid };
	size_t cap = 0, n = 0;
	struct dirent *e;
	DIR *dir = pos_opendir(job->rootfd, path);

	if (!dir) {
		pos_dir_failed(c);
		return;
	}
	d.nprobe = pos_probe_count(job, dir);
	while ((e = readdir(dir)) != NULL) {
		int32_t fd = proc_owners_number(e->d_name);

		if (fd < 0 || (size_t)fd < d.nprobe)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			d.fds = xreallocarray(d.fds, cap, sizeof(*d.fds));
		}
		d.fds[n++] = fd;
	}
	closedir(dir);
	d.nfds = d.nprobe + n;
	if (!d.nfds)
		return;
	f->dirs = xreallocarray(f->dirs, f->ndirs + 1, sizeof(*f->dirs));
	f->dirs[f->ndirs++] = d;
}

/* -T: the other threads of a process, each with its own fd view. */
static void pos_list_threads(struct proc_owners_job *job,
			     struct pos_counts *c, int32_t pid,
			     struct pos_pid *f)
{
	char path[64];
	struct dirent *e;
	DIR *dir;

	snprintf(path, sizeof(path), "%d/task", (int)pid);
	dir = pos_opendir(job->rootfd, path);
	if (!dir)
		return;
	while ((e = readdir(dir)) != NULL) {
		int32_t tid = proc_owners_number(e->d_name);

		if (tid < 0 || tid == pid)
			continue;
		snprintf(path, sizeof(path), "%d/task/%d/fd", (int)pid,
			 (int)tid);
		pos_list_dir(job, c, path, pid, tid, f);
	}
	closedir(dir);
}

static void *pos_list_worker(void *arg)
{
	struct pos_arg *a = arg;
	struct proc_owners_job *job = a->job;
	struct pos_counts *c = &job->counts[a->k];
	char path[32];
	size_t i;

	while ((i = __atomic_fetch_add(&job->next, 1, __ATOMIC_RELAXED)) <
	       job->npids) {
		int32_t pid = job->pids[i];

		c->procs++;
		snprintf(path, sizeof(path), "%d/fd", (int)pid);
		pos_list_dir(job, c, path, pid, pid, &job->found[i]);
		if (job->threads)
			pos_list_threads(job, c, pid, &job->found[i]);
	}
	return NULL;
}

/* ---- phase 2: probing ---------------------------------------------------- */

/* The socket inode behind a fd link, or 0. */
static uint64_t pos_probe(const struct proc_owners_job *job, int dfd,
			  const char *name)
{
	char link[64];
	ssize_t n;
#ifdef HAVE_STATX
	const unsigned int want = STATX_TYPE | STATX_INO;
	struct statx sx;

	if (job->by_stat) {
		if (statx(dfd, name, AT_STATX_DONT_SYNC | AT_NO_AUTOMOUNT,
			  want, &sx) == 0 && (sx.stx_mask & want) == want) {
			if (!S_ISSOCK(sx.stx_mode) ||
			    makedev(sx.stx_dev_major, sx.stx_dev_minor) !=
			    job->sockdev)
				return 0;
			return sx.stx_ino;
		}
		if (errno != EACCES && errno != EPERM && errno != ENOSYS)
			return 0;
	}
#else
	(void)job;
#endif
	n = readlinkat(dfd, name, link, sizeof(link));
	if (n <= 0 || (size_t)n >= sizeof(link))
		return 0;
	return proc_owners_link_ino(link, (size_t)n);
}

/* "PID" or "PID/task/TID": where a dir's fd and stat files are. */
static void pos_task_path(const struct pos_dir *d, char *buf, size_t size)
{
	if (d->tid == d->pid)
		snprintf(buf, size, "%d", (int)d->pid);
	else
		snprintf(buf, size, "%d/task/%d", (int)d->pid, (int)d->tid);
}

/* The part of dir d that falls in p's run. */
static void pos_probe_dir(struct proc_owners_job *job, struct pos_part *p,
			  const struct pos_dir *d)
{
	size_t lo = p->begin > d->first ? p->begin - d->first : 0;
	size_t hi = d->first + d->nfds < p->end ? d->nfds : p->end - d->first;
	uint32_t task = PROC_OWNERS_NONE;
	char path[4096], task_path[48], name[FMT_INT_MAX];
	int dfd;

	pos_task_path(d, task_path, sizeof(task_path));
	snprintf(path, sizeof(path), "%s/fd", task_path);
	dfd = openat(job->rootfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return;		/* gone since phase 1 */
	for (; lo < hi; lo++) {
		int32_t fd = lo < d->nprobe ? (int32_t)lo :
			     d->fds[lo - d->nprobe];
		struct proc_owner *e;
		uint64_t ino;

		fmt_u64(name, (uint64_t)fd);
		ino = pos_probe(job, dfd, name);
		if (!ino)
			continue;
		if (task == PROC_OWNERS_NONE) {
			snprintf(path, sizeof(path), "%s/%s/stat", job->root,
				 task_path);
			task = proc_owners_add_task(&p->o, d->pid, d->tid, path);
		}
		e = &job->own[p->begin + p->nown++];
		e->ino = ino;
		e->task = task;
		e->fd = fd;
		e->next = PROC_OWNERS_NONE;
	}
	close(dfd);
}

/* The first dir holding fd index i (dirs are sorted by first). */
static size_t pos_find_dir(const struct proc_owners_job *job, size_t i)
{
	size_t lo = 0, hi = job->ndirs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct pos_dir *d = &job->dirs[mid];

		if (d->first + d->nfds <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void *pos_probe_worker(void *arg)
{
	struct proc_owners_job *job = ((struct pos_arg *)arg)->job;
	size_t i, d;

	while ((i = __atomic_fetch_add(&job->next_part, 1, __ATOMIC_RELAXED)) <
	       job->nparts) {
		struct pos_part *p = &job->parts[i];

		for (d = pos_find_dir(job, p->begin);
		     d < job->ndirs && job->dirs[d].first < p->end; d++)
			pos_probe_dir(job, p, &job->dirs[d]);
	}
	return NULL;
}

/* ---- the two phases together ---------------------------------------------- */

/* Runs fn as every worker: k > 0 in threads, 0 (and any not started) here. */
static void pos_phase(struct proc_owners_job *job, void *(*fn)(void *))
{
	struct pos_arg args[POS_WORKERS];
	pthread_t tid[POS_WORKERS];
	bool started[POS_WORKERS];
	size_t k;

	for (k = 0; k < job->nworkers; k++) {
		args[k].job = job;
		args[k].k = k;
		started[k] = k > 0 &&
			     pthread_create(&tid[k], NULL, fn, &args[k]) == 0;
	}
	fn(&args[0]);
	for (k = 1; k < job->nworkers; k++) {
		if (started[k])
			pthread_join(tid[k], NULL);
		else
			fn(&args[k]);
	}
}

/* Phase 1's dirs in pid order, numbered, and cut into runs. */
static void pos_flatten(struct proc_owners_job *job)
{
	size_t i, j, k;

	for (i = 0; i < job->npids; i++)
		job->ndirs += job->found[i].ndirs;
	job->dirs = xcalloc(job->ndirs + 1, sizeof(*job->dirs));
	job->ndirs = 0;
	for (i = 0; i < job->npids; i++) {
		for (j = 0; j < job->found[i].ndirs; j++) {
			struct pos_dir *d = &job->dirs[job->ndirs++];

			*d = job->found[i].dirs[j];
			d->first = job->nfds;
			job->nfds += d->nfds;
		}
		free(job->found[i].dirs);
	}
	job->own = xcalloc(job->nfds + 1, sizeof(*job->own));
	job->nparts = (job->nfds + POS_RUN - 1) / POS_RUN;
	job->parts = xcalloc(job->nparts + 1, sizeof(*job->parts));
	for (k = 0; k < job->nparts; k++) {
		job->parts[k].begin = k * POS_RUN;
		job->parts[k].end = k + 1 < job->nparts ? (k + 1) * POS_RUN :
				    job->nfds;
		job->parts[k].o.want_cmdline = job->o->want_cmdline;
	}
}

/*
 * Part p's tasks and entries onto o. A dir cut between two runs gave each
 * of them a task for the same thread: the later one is dropped.
 */
static void pos_take(struct proc_owners *o, struct proc_owners_job *job,
		     struct pos_part *p)
{
	const struct proc_owner_task *last =
		o->ntasks ? &o->tasks[o->ntasks - 1] : NULL;
	size_t skip = 0, t, j;
	uint32_t base;

	if (last && p->o.ntasks && p->o.tasks[0].pid == last->pid &&
	    p->o.tasks[0].tid == last->tid) {
		free(p->o.tasks[0].argv0);
		skip = 1;
	}
	base = (uint32_t)(o->ntasks - skip);
	for (t = skip; t < p->o.ntasks; t++)
		proc_owners_push_task(o, &p->o.tasks[t]);
	for (j = 0; j < p->nown; j++) {
		struct proc_owner e = job->own[p->begin + j];

		e.task += base;
		job->own[o->n++] = e;
	}
	p->o.ntasks = 0;	/* their argv0 moved to o */
	proc_owners_free(&p->o);
}

static void pos_join(struct proc_owners_job *job)
{
	struct proc_owners *o = job->o;
	size_t k;

	free(o->own);
	o->own = job->own;
	o->n = 0;
	for (k = 0; k < job->nparts; k++)
		pos_take(o, job, &job->parts[k]);
	for (k = 0; k < job->nworkers; k++) {
		o->procs += job->counts[k].procs;
		o->fd_denied += job->counts[k].fd_denied;
		o->fd_eacces += job->counts[k].fd_eacces;
		o->fd_gone += job->counts[k].fd_gone;
	}
	o->own = xreallocarray(o->own, o->n + 1, sizeof(*o->own));
	o->cap = o->n + 1;
	job->own = NULL;
	proc_owners_index(o);
}

static void *pos_run(void *arg)
{
	struct proc_owners_job *job = arg;

	pos_phase(job, pos_list_worker);
	pos_flatten(job);
	pos_phase(job, pos_probe_worker);
	pos_join(job);
	return NULL;
}

/* ---- setting up ------------------------------------------------------------ */

/*
 * The numeric entries of the root, in readdir order. A scan that runs
 * while lsock goes on leaves lsock out: the sockets it opens meanwhile
 * (for the dump) are not part of the picture, and a scan before any
 * socket is open would not have seen them.
 */
static void pos_pids(struct proc_owners_job *job, bool async)
{
	int32_t self = async && job->real_proc ? (int32_t)getpid() : 0;
	struct dirent *d;
	size_t cap = 0;

	while ((d = readdir(job->rootdir)) != NULL) {
		int32_t pid = proc_owners_number(d->d_name);

		if (pid <= 0 || pid == self)
			continue;
		if (job->npids == cap) {
			cap = cap ? cap * 2 : 256;
			job->pids = xreallocarray(job->pids, cap,
						  sizeof(*job->pids));
		}
		job->pids[job->npids++] = pid;
	}
}

static size_t pos_nworkers(size_t npids)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	if (npids < 16 || cpus < 2)
		return 1;
	return cpus < POS_WORKERS ? (size_t)cpus : POS_WORKERS;
}

/* Whether root is the real /proc; there statx() may stand for readlink(). */
static void pos_choose_probe(struct proc_owners_job *job)
{
	struct statfs fs;
#ifdef HAVE_STATX
	struct statx sx;
	int fd;
#endif

	job->real_proc = fstatfs(job->rootfd, &fs) == 0 &&
			 fs.f_type == PROC_SUPER_MAGIC;
#ifdef HAVE_STATX
	if (!job->real_proc)
		return;
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return;
	if (statx(fd, "", AT_EMPTY_PATH, STATX_TYPE, &sx) == 0 &&
	    S_ISSOCK(sx.stx_mode)) {
		job->sockdev = makedev(sx.stx_dev_major, sx.stx_dev_minor);
		job->by_stat = true;
	}
	close(fd);
#endif
}

int proc_owners_scan_start(struct proc_owners *o, const char *root,
			   bool threads, bool async,
			   struct proc_owners_job **jobp)
{
	struct proc_owners_job *job;
	DIR *dir = opendir(root);

	*jobp = NULL;
	if (!dir)
		return -errno;
	job = xcalloc(1, sizeof(*job));
	job->o = o;
	job->root = root;
	job->rootdir = dir;
	job->rootfd = dirfd(dir);
	job->threads = threads;
	pos_choose_probe(job);
	pos_pids(job, async);
	job->found = xcalloc(job->npids + 1, sizeof(*job->found));
	job->nworkers = pos_nworkers(job->npids);
	job->async = async &&
		     pthread_create(&job->thread, NULL, pos_run, job) == 0;
	*jobp = job;
	return 0;
}

void proc_owners_scan_wait(struct proc_owners_job *job)
{
	size_t i;

	if (!job)
		return;
	if (job->async)
		pthread_join(job->thread, NULL);
	else
		pos_run(job);
	for (i = 0; i < job->ndirs; i++)
		free(job->dirs[i].fds);
	free(job->dirs);
	free(job->parts);
	free(job->found);
	free(job->pids);
	closedir(job->rootdir);
	free(job);
}

int proc_owners_scan(struct proc_owners *o, const char *root, bool threads)
{
	struct proc_owners_job *job;
	int rc = proc_owners_scan_start(o, root, threads, false, &job);

	proc_owners_scan_wait(job);
	return rc;
}
