/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A cgroup path to the cgroup v2 id the kernel reports for sockets: the file
 * handle of the directory. As in ss the path is tried as given first, then
 * below the cgroup2 mount point.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgroup-path.h"
#include "filter-impl.h"
#include "xalloc.h"

int filter_cgroup_id(const char *path, uint64_t *id)
{
	char *mnt, *full;
	int rc = cgroup_dir_id(path, id);

	if (rc == 0)
		return 0;
	mnt = cgroup_mount();
	if (!mnt)
		return rc;
	full = xmalloc(strlen(mnt) + strlen(path) + 2);
	sprintf(full, "%s/%s", mnt, path);
	rc = cgroup_dir_id(full, id);
	free(full);
	free(mnt);
	return rc;
}
