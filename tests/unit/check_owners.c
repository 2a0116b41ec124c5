/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The -p owners scan on a tree of PID/fd links written by the test: the
 * threaded two-phase scan must give the table one plain pass in readdir
 * order gives, whichever worker each fd fell to.
 */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proc-owners.h"
#include "check-run.h"

#define NPIDS	40
#define BIGPID	1007		/* one process with many fds */
#define BIGFDS	3000

static char root[64];

struct want {
	size_t n, ntasks;
	uint64_t ino[NPIDS * 64 + BIGFDS];
	int32_t fd[NPIDS * 64 + BIGFDS];
	int32_t pid[NPIDS * 64 + BIGFDS];
};


/* fd n of a process: a socket, a pipe or a file, by a fixed pattern. */
static void put_fd(int pid, int fd)
{
	char path[256], target[64];

	if ((pid + fd) % 3 == 0)
		snprintf(target, sizeof(target), "pipe:[%d]", 900000 + fd);
	else if ((pid + fd) % 7 == 0)
		snprintf(target, sizeof(target), "/dev/null");
	else
		snprintf(target, sizeof(target), "socket:[%d]",
			 pid * 10000 + fd);
	snprintf(path, sizeof(path), "%s/%d/fd/%d", root, pid, fd);
	ck_assert_int_eq(symlink(target, path), 0);
}

static void put_pid(int pid, int nfds)
{
	char rel[256], text[128];
	int fd;

	snprintf(rel, sizeof(rel), "%s/%d", root, pid);
	ck_assert_int_eq(mkdir(rel, 0755), 0);
	snprintf(rel, sizeof(rel), "%s/%d/fd", root, pid);
	ck_assert_int_eq(mkdir(rel, 0755), 0);
	snprintf(rel, sizeof(rel), "%d/stat", pid);
	snprintf(text, sizeof(text), "%d (p%d) S 1 1 1 0", pid, pid);
	check_write_file(root, rel, text);
	for (fd = 0; fd < nfds; fd++)
		put_fd(pid, fd);
}

static void make_tree(void)
{
	int i;

	snprintf(root, sizeof(root), "/tmp/lsock-owners-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(root));
	for (i = 0; i < NPIDS; i++)
		put_pid(1000 + i, i == BIGPID - 1000 ? BIGFDS : (i * 37) % 50);
	check_write_file(root, "self", "not a pid");
}

static void remove_tree(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	ck_assert_int_eq(system(cmd), 0);
}

/* The reference: one pass, pids then fds in readdir order. */
static void one_pass_fds(struct want *w, int pid)
{
	char path[256], link[64];
	struct dirent *e;
	bool any = false;
	DIR *d;

	snprintf(path, sizeof(path), "%s/%d/fd", root, pid);
	d = opendir(path);
	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL) {
		char lp[512];
		ssize_t n;
		unsigned long long ino;

		if (e->d_name[0] == '.')
			continue;
		snprintf(lp, sizeof(lp), "%s/%s", path, e->d_name);
		n = readlink(lp, link, sizeof(link) - 1);
		ck_assert_int_gt(n, 0);
		link[n] = '\0';
		if (sscanf(link, "socket:[%llu]", &ino) != 1)
			continue;
		w->ino[w->n] = ino;
		w->fd[w->n] = atoi(e->d_name);
		w->pid[w->n++] = pid;
		any = true;
	}
	closedir(d);
	w->ntasks += any;
}

static void one_pass(struct want *w)
{
	struct dirent *e;
	DIR *d = opendir(root);

	ck_assert_ptr_nonnull(d);
	memset(w, 0, sizeof(*w));
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] >= '1' && e->d_name[0] <= '9')
			one_pass_fds(w, atoi(e->d_name));
	closedir(d);
}

static void check_same(const struct proc_owners *o, const struct want *w)
{
	size_t i;

	ck_assert_uint_eq(o->n, w->n);
	ck_assert_uint_eq(o->ntasks, w->ntasks);
	ck_assert_uint_eq(o->procs, NPIDS);
	for (i = 0; i < w->n; i++) {
		ck_assert_uint_eq(o->own[i].ino, w->ino[i]);
		ck_assert_int_eq(o->own[i].fd, w->fd[i]);
		ck_assert_int_eq(o->tasks[o->own[i].task].pid, w->pid[i]);
	}
	for (i = 0; i < o->ntasks; i++) {
		char name[16];

		snprintf(name, sizeof(name), "p%d", (int)o->tasks[i].pid);
		ck_assert_str_eq(o->tasks[i].comm, name);
		if (i > 0)
			ck_assert_int_ne(o->tasks[i].pid, o->tasks[i - 1].pid);
	}
}

static struct want want;

START_TEST(test_scan_is_one_pass)
{
	struct proc_owners o;

	make_tree();
	one_pass(&want);
	ck_assert_uint_gt(want.n, BIGFDS / 2);
	proc_owners_init(&o);
	ck_assert_int_eq(proc_owners_scan(&o, root, false), 0);
	check_same(&o, &want);
	/* every socket is found through the index */
	ck_assert_uint_ne(proc_owners_first(&o, want.ino[0]),
			  PROC_OWNERS_NONE);
	ck_assert_uint_eq(proc_owners_first(&o, 12345), PROC_OWNERS_NONE);
	proc_owners_free(&o);
	remove_tree();
}
END_TEST

START_TEST(test_scan_async)
{
	struct proc_owners o;
	struct proc_owners_job *job;

	make_tree();
	one_pass(&want);
	proc_owners_init(&o);
	o.want_cmdline = true;
	ck_assert_int_eq(proc_owners_scan_start(&o, root, false, true, &job),
			 0);
	ck_assert_ptr_nonnull(job);
	proc_owners_scan_wait(job);
	check_same(&o, &want);
	/* no cmdline files here: argv0 could not be read */
	ck_assert_ptr_null(o.tasks[0].argv0);
	proc_owners_free(&o);
	remove_tree();
}
END_TEST

/* A socket two processes hold: the one scanned last comes first. */
START_TEST(test_shared_socket_order)
{
	struct proc_owners o;
	char path[256];
	uint32_t i, j;

	make_tree();
	snprintf(path, sizeof(path), "%s/1001/fd/99", root);
	ck_assert_int_eq(symlink("socket:[777]", path), 0);
	snprintf(path, sizeof(path), "%s/%d/fd/%d", root, BIGPID, BIGFDS);
	ck_assert_int_eq(symlink("socket:[777]", path), 0);
	proc_owners_init(&o);
	ck_assert_int_eq(proc_owners_scan(&o, root, false), 0);
	i = proc_owners_first(&o, 777);
	ck_assert_uint_ne(i, PROC_OWNERS_NONE);
	j = proc_owners_next(&o, i);
	ck_assert_uint_ne(j, PROC_OWNERS_NONE);
	ck_assert_uint_eq(proc_owners_next(&o, j), PROC_OWNERS_NONE);
	ck_assert_uint_gt(i, j);	/* later in scan order */
	proc_owners_free(&o);
	remove_tree();
}
END_TEST

/*
 * The index keys a slot by an inode's low 32 bits: inodes that share them
 * (5 and 2^32 + 5) stay apart, and so do many inodes in one table.
 */
START_TEST(test_index_keys)
{
	static const uint64_t high = 4294967301ULL;	/* 2^32 + 5 */
	struct proc_owners o;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	uint32_t i;
	int n;

	ck_assert_ptr_nonnull(f);
	fprintf(f, "10 3 socket:[5]\n10 4 socket:[%llu]\n11 5 socket:[5]\n",
		(unsigned long long)high);
	for (n = 0; n < 1000; n++)
		fprintf(f, "12 %d socket:[%d]\n", n + 10, 1000 + n * 7);
	fclose(f);
	proc_owners_init(&o);
	ck_assert_int_eq(proc_owners_parse(&o, text, len, "/nonexistent"), 0);
	free(text);
	i = proc_owners_first(&o, 5);
	ck_assert_uint_ne(i, PROC_OWNERS_NONE);
	ck_assert_int_eq(o.own[i].fd, 5);
	i = proc_owners_next(&o, i);
	ck_assert_uint_ne(i, PROC_OWNERS_NONE);
	ck_assert_int_eq(o.own[i].fd, 3);
	ck_assert_uint_eq(proc_owners_next(&o, i), PROC_OWNERS_NONE);
	i = proc_owners_first(&o, high);
	ck_assert_uint_ne(i, PROC_OWNERS_NONE);
	ck_assert_int_eq(o.own[i].fd, 4);
	ck_assert_uint_eq(proc_owners_next(&o, i), PROC_OWNERS_NONE);
	for (n = 0; n < 1000; n++) {
		i = proc_owners_first(&o, (uint64_t)(1000 + n * 7));
		ck_assert_uint_ne(i, PROC_OWNERS_NONE);
		ck_assert_int_eq(o.own[i].fd, n + 10);
		ck_assert_uint_eq(proc_owners_next(&o, i), PROC_OWNERS_NONE);
		ck_assert_uint_eq(proc_owners_first(&o, (uint64_t)(1001 + n * 7)),
				  PROC_OWNERS_NONE);
	}
	ck_assert_uint_eq(proc_owners_first(&o, high + 1), PROC_OWNERS_NONE);
	ck_assert_uint_eq(proc_owners_first(&o, 0), PROC_OWNERS_NONE);
	proc_owners_free(&o);
}
END_TEST

START_TEST(test_scan_missing_root)
{
	struct proc_owners o;
	struct proc_owners_job *job = (void *)&o;

	proc_owners_init(&o);
	ck_assert_int_eq(proc_owners_scan_start(&o, "/nonexistent/lsock",
						false, true, &job), -ENOENT);
	ck_assert_ptr_null(job);
	proc_owners_scan_wait(job);
	ck_assert_uint_eq(o.n, 0);
}
END_TEST

/*
 * The real /proc: this process's own sockets, with a hole below and one
 * fd far above the rest, are all found with their fd numbers (on Linux
 * 6.2 and later the low fds are probed and only the high one is listed).
 */
START_TEST(test_scan_real_proc)
{
	int fds[8], n = 0, i, hi;
	struct proc_owners o;
	uint32_t j;

	for (i = 0; i < 6; i++)
		fds[n++] = socket(AF_UNIX, SOCK_DGRAM, 0);
	close(fds[2]);		/* a hole */
	fds[2] = -1;
	hi = dup2(fds[0], 900);
	ck_assert_int_eq(hi, 900);
	fds[n++] = hi;
	proc_owners_init(&o);
	ck_assert_int_eq(proc_owners_scan(&o, "/proc", false), 0);
	for (i = 0; i < n; i++) {
		struct stat st;
		bool found = false;

		if (fds[i] < 0)
			continue;
		ck_assert_int_eq(fstat(fds[i], &st), 0);
		for (j = proc_owners_first(&o, st.st_ino); j != PROC_OWNERS_NONE;
		     j = proc_owners_next(&o, j))
			if (o.own[j].fd == fds[i] &&
			    o.tasks[o.own[j].task].pid == getpid())
				found = true;
		ck_assert_msg(found, "fd %d (inode %llu) not found", fds[i],
			      (unsigned long long)st.st_ino);
	}
	proc_owners_free(&o);
	for (i = 0; i < n; i++)
		if (fds[i] >= 0)
			close(fds[i]);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("owners");
	TCase *tc = tcase_create("scan");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_scan_is_one_pass);
	tcase_add_test(tc, test_scan_async);
	tcase_add_test(tc, test_shared_socket_order);
	tcase_add_test(tc, test_index_keys);
	tcase_add_test(tc, test_scan_missing_root);
	tcase_add_test(tc, test_scan_real_proc);
	suite_add_tcase(s, tc);
	return check_run(s);
}
