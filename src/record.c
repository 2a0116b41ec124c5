/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <dirent.h>
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "backends/backend.h"
#include "cgroup-path.h"
#include "record.h"
#include "xalloc.h"

static char *record_path(const struct record *r, const char *rel)
{
	size_t len = strlen(r->dir) + 1 + strlen(rel) + 1;
	char *p = xmalloc(len);

	snprintf(p, len, "%s/%s", r->dir, rel);
	return p;
}

/* mkdir -p for the directories of rel (and rel itself if dir is set). */
static int record_mkdirs(const struct record *r, const char *rel, int last)
{
	char *p = record_path(r, rel);
	char *s = p + strlen(r->dir) + 1;
	int rc = 0;

	for (; rc == 0; s++) {
		char c = *s;

		if (c != '/' && !(c == '\0' && last)) {
			if (c == '\0')
				break;
			continue;
		}
		*s = '\0';
		if (mkdir(p, 0755) < 0 && errno != EEXIST)
			rc = -errno;
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}

static void record_append(struct record *r, const char *rel,
			  const void *buf, size_t len)
{
	char *p;
	int fd;

	if (r->err || record_mkdirs(r, rel, 0) < 0) {
		r->err = r->err ? r->err : -errno;
		return;
	}
	p = record_path(r, rel);
	fd = open(p, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	free(p);
	if (fd < 0 || (len && write(fd, buf, len) != (ssize_t)len))
		r->err = -(errno ? errno : EIO);
	if (fd >= 0)
		close(fd);
}

static void record_nl_data(void *arg, const char *stream, const void *buf,
			   size_t len)
{
	char rel[128];

	snprintf(rel, sizeof(rel), "netlink/%s.nl", stream);
	record_append(arg, rel, buf, len);
}

static void record_nl_error(void *arg, const char *stream, int err)
{
	char rel[128], text[16];

	snprintf(rel, sizeof(rel), "netlink/%s.err", stream);
	snprintf(text, sizeof(text), "%d\n", err);
	record_append(arg, rel, text, strlen(text));
}

static void record_proc_data(void *arg, const char *name, const void *buf,
			     size_t len)
{
	char rel[256];

	snprintf(rel, sizeof(rel), "proc/%s", name);
	record_append(arg, rel, buf, len);
}

static void record_meta(struct record *r, int argc, char **argv)
{
	struct utsname u;
	char line[512], date[64];
	time_t now = time(NULL);
	int i;

	uname(&u);
	strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	snprintf(line, sizeof(line), "kernel: %s\narch: %s\nbyteorder: %s\n"
		 "date: %s\nlsock: %s\nclk_tck: %ld\ncommand:", u.release,
		 u.machine, BYTE_ORDER == LITTLE_ENDIAN ? "little" : "big",
		 date, PACKAGE_VERSION, sysconf(_SC_CLK_TCK));
	record_append(r, "META", line, strlen(line));
	for (i = 0; i < argc; i++) {
		record_append(r, "META", " ", 1);
		record_append(r, "META", argv[i], strlen(argv[i]));
	}
	record_append(r, "META", "\n", 1);
}

int record_open(struct record *r, const char *dir, int argc, char **argv)
{
	memset(r, 0, sizeof(r[0]));
	r->dir = xstrdup(dir);
	r->capture.nl_data = record_nl_data;
	r->capture.nl_error = record_nl_error;
	r->capture.proc_data = record_proc_data;
	r->capture.arg = r;
	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		return -errno;
	if (access(r->dir, W_OK) < 0)
		return -errno;
	{
		char *meta = record_path(r, "META");
		int exists = access(meta, F_OK) == 0;

		free(meta);
		if (exists)
			return -EEXIST;	/* never append to a recording */
	}
	record_meta(r, argc, argv);
	return r->err;
}

/* Copies a small file (stat, cmdline, a sysctl) into the recording. */
static void record_copy(struct record *r, const char *from, const char *rel)
{
	uint8_t *buf;
	size_t len;

	if (backend_read_file(from, &buf, &len) < 0)
		return;
	record_append(r, rel, buf, len);
	free(buf);
}

static void record_ifnames(struct record *r)
{
	struct if_nameindex *ifs = if_nameindex(), *i;
	char line[64];

	record_append(r, "ifnames", "", 0);
	for (i = ifs; i && i->if_index; i++) {
		snprintf(line, sizeof(line), "%u %s\n", i->if_index,
			 i->if_name);
		record_append(r, "ifnames", line, strlen(line));
	}
	if (ifs)
		if_freenameindex(ifs);
}

/* "ID PATH" for every cgroup v2 directory, so -e and --cgroup can replay. */
static void record_cgroups(struct record *r)
{
	struct cgroup_names c;
	char line[4200];
	size_t i;

	memset(&c, 0, sizeof(c));
	record_append(r, "cgroups", "", 0);
	cgroup_names_walk_all(&c);
	for (i = 0; i < c.n; i++) {
		int n = snprintf(line, sizeof(line), "%llu %s\n",
				 (unsigned long long)c.ent[i].id,
				 c.ent[i].path);

		if (n > 0 && (size_t)n < sizeof(line))
			record_append(r, "cgroups", line, (size_t)n);
	}
	cgroup_names_free(&c);
}

/* The socket fds of one process; keeps its stat and cmdline if it has any. */
static void record_process(struct record *r, const char *root, const char *pid)
{
	char path[4096], link[128], line[768], rel[320];
	struct dirent *d;
	int found = 0;
	DIR *dir;

	snprintf(path, sizeof(path), "%s/%s/fd", root, pid);
	dir = opendir(path);
	if (!dir)
		return;
	while ((d = readdir(dir)) != NULL) {
		ssize_t n;

		if (d->d_name[0] < '0' || d->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "%s/%s/fd/%s", root, pid, d->d_name);
		n = readlink(path, link, sizeof(link) - 1);
		if (n <= 0)
			continue;
		link[n] = '\0';
		if (strncmp(link, "socket:[", 8) != 0)
			continue;
		snprintf(line, sizeof(line), "%s %s %s\n", pid, d->d_name, link);
		record_append(r, "fdlinks", line, strlen(line));
		found = 1;
	}
	closedir(dir);
	if (!found)
		return;
	snprintf(path, sizeof(path), "%s/%s/stat", root, pid);
	snprintf(rel, sizeof(rel), "proc/%s/stat", pid);
	record_copy(r, path, rel);
	snprintf(path, sizeof(path), "%s/%s/cmdline", root, pid);
	snprintf(rel, sizeof(rel), "proc/%s/cmdline", pid);
	record_copy(r, path, rel);
}

/*
 * The files of the -s summary, so that a replay can show it: what the run
 * read (the reader recorded it), else a copy from proc_root.
 */
static void record_summary_files(struct record *r, const char *proc_root)
{
	static const enum lsock_procfile files[] = {
		LSOCK_PF_SOCKSTAT, LSOCK_PF_SOCKSTAT6, LSOCK_PF_SNMP,
	};
	char path[4096], rel[64];
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		const char *name = backend_procfile_name(files[i]);
		char *have;
		int exists;

		snprintf(rel, sizeof(rel), "proc/%s", name);
		have = record_path(r, rel);
		exists = access(have, F_OK) == 0;
		free(have);
		if (exists)
			continue;
		snprintf(path, sizeof(path), "%s/%s", proc_root, name);
		record_copy(r, path, rel);
	}
}

int record_system(struct record *r, const char *proc_root)
{
	char path[4096];
	struct dirent *d;
	DIR *dir;

	snprintf(path, sizeof(path), "%s/sys/net/ipv4/ip_local_port_range",
		 proc_root);
	record_copy(r, path, "proc/sys/net/ipv4/ip_local_port_range");
	record_summary_files(r, proc_root);
	record_ifnames(r);
	record_cgroups(r);
	record_append(r, "fdlinks", "", 0);
	dir = opendir(proc_root);
	if (!dir)
		return r->err;
	while ((d = readdir(dir)) != NULL)
		if (d->d_name[0] >= '1' && d->d_name[0] <= '9')
			record_process(r, proc_root, d->d_name);
	closedir(dir);
	return r->err;
}

int record_close(struct record *r)
{
	int err = r->err;

	free(r->dir);
	r->dir = NULL;
	return err;
}
