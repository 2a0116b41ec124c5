/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A cgroup path to the cgroup v2 id the kernel reports for sockets: the file
 * handle of the directory. As in ss the path is tried as given first, then
 * below the cgroup2 mount point.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter-impl.h"
#include "xalloc.h"

#define CGROUP_HANDLE_MAX	128

static int filter_cgroup_handle(const char *path, uint64_t *id)
{
	struct file_handle *fh = xmalloc(sizeof(*fh) + CGROUP_HANDLE_MAX);
	int mount_id, rc = 0;

	fh->handle_bytes = CGROUP_HANDLE_MAX;
	if (name_to_handle_at(AT_FDCWD, path, fh, &mount_id, 0) < 0)
		rc = -errno;
	else if (fh->handle_bytes < sizeof(*id))
		rc = -EINVAL;
	else
		memcpy(id, fh->f_handle, sizeof(*id));
	free(fh);
	return rc;
}

/* Where cgroup2 is mounted, or NULL. */
static char *filter_cgroup_mount(void)
{
	FILE *f = setmntent("/proc/self/mounts", "re");
	struct mntent *m;
	char *dir = NULL;

	if (!f)
		return NULL;
	while (!dir && (m = getmntent(f)) != NULL)
		if (strcmp(m->mnt_type, "cgroup2") == 0)
			dir = xstrdup(m->mnt_dir);
	endmntent(f);
	return dir;
}

int filter_cgroup_id(const char *path, uint64_t *id)
{
	char *mnt, *full;
	int rc = filter_cgroup_handle(path, id);

	if (rc == 0)
		return 0;
	mnt = filter_cgroup_mount();
	if (!mnt)
		return rc;
	full = xmalloc(strlen(mnt) + strlen(path) + 2);
	sprintf(full, "%s/%s", mnt, path);
	rc = filter_cgroup_handle(full, id);
	free(full);
	free(mnt);
	return rc;
}
