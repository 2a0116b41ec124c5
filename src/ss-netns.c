/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "ss-cli.h"
#include "ss-netns.h"

#define SS_NETNS_RUN_DIR	"/var/run/netns"
#define SS_NETNS_ETC_DIR	"/etc/netns"

static int ss_netns_fail(const char *name, const char *what, int err)
{
	fprintf(stderr, "lsock: -N %s: %s: %s\n", name, what, strerror(err));
	return SS_EXIT_FAIL;
}

/* A sysfs of the new namespace over /sys (read-only if /sys stays). */
static int ss_netns_sysfs(const char *name)
{
	unsigned long flags = 0;
	struct statvfs st;

	if (umount2("/sys", MNT_DETACH) < 0 && statvfs("/sys", &st) == 0 &&
	    (st.f_flag & ST_RDONLY))
		flags = MS_RDONLY;
	if (mount(name, "/sys", "sysfs", flags, NULL) < 0)
		return -errno;
	return 0;
}

/* /etc/netns/NAME/X over /etc/X; a failure is worth a warning only. */
static void ss_netns_bind_etc(const char *name)
{
	char dir[PATH_MAX], from[PATH_MAX], to[PATH_MAX];
	struct dirent *e;
	DIR *d;

	if (snprintf(dir, sizeof(dir), "%s/%s", SS_NETNS_ETC_DIR, name) >=
	    (int)sizeof(dir))
		return;
	d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (snprintf(from, sizeof(from), "%s/%s", dir, e->d_name) >=
		    (int)sizeof(from) ||
		    snprintf(to, sizeof(to), "/etc/%s", e->d_name) >=
		    (int)sizeof(to))
			continue;
		if (mount(from, to, "none", MS_BIND, NULL) < 0)
			fprintf(stderr, "lsock: -N %s: cannot bind %s over %s: "
				"%s\n", name, from, to, strerror(errno));
	}
	closedir(d);
}

static int ss_netns_join(const char *name)
{
	char path[PATH_MAX], what[PATH_MAX + 64];
	int fd, err;

	if (snprintf(path, sizeof(path), "%s/%s", SS_NETNS_RUN_DIR, name) >=
	    (int)sizeof(path))
		return ss_netns_fail(name, "cannot open network namespace",
				     ENAMETOOLONG);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(what, sizeof(what), "cannot open network namespace "
			 "%s", path);
		return ss_netns_fail(name, what, errno);
	}
	err = setns(fd, CLONE_NEWNET) < 0 ? errno : 0;
	close(fd);
	if (err)
		return ss_netns_fail(name, "cannot switch to the network "
				     "namespace", err);
	return -1;
}

int ss_netns_enter(const char *name)
{
	int rc = ss_netns_join(name);

	if (rc >= 0)
		return rc;
	if (unshare(CLONE_NEWNS) < 0)
		return ss_netns_fail(name, "cannot make a mount namespace",
				     errno);
	if (mount("", "/", "none", MS_SLAVE | MS_REC, NULL) < 0)
		return ss_netns_fail(name, "cannot make / a slave mount",
				     errno);
	rc = ss_netns_sysfs(name);
	if (rc < 0)
		return ss_netns_fail(name, "cannot mount a sysfs on /sys", -rc);
	ss_netns_bind_etc(name);
	return -1;
}
