/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cgroup v2 ids and paths. The id the kernel reports for a socket is the
 * file handle of its cgroup's directory on the cgroup2 mount.
 */
#ifndef LSOCK_CGROUP_PATH_H
#define LSOCK_CGROUP_PATH_H

#include <stddef.h>
#include <stdint.h>

struct cgroup_entry {
	uint64_t id;
	char *path;		/* relative to the mount: "/", "/a/b" */
};

/* id -> path, from one walk of the cgroup2 tree made on first use. */
struct cgroup_names {
	int state;		/* 0 not walked, 1 walked, -errno no mount */
	struct cgroup_entry *ent;
	size_t n, cap;
	size_t last;		/* the last hit: sockets share cgroups */
};

/* Where cgroup2 is mounted (allocated), or NULL. */
char *cgroup_mount(void);
/* The id of a cgroup directory: 0 or a negative errno. */
int cgroup_dir_id(const char *path, uint64_t *id);
/*
 * The path of id, or NULL when it is not in the tree. -ENOENT in *err when
 * cgroup2 is not mounted (set once, on the walk).
 */
const char *cgroup_names_lookup(struct cgroup_names *c, uint64_t id, int *err);
void cgroup_names_free(struct cgroup_names *c);
/* Walks the tree now (if not done): 0, or -ENOENT without a cgroup2 mount. */
int cgroup_names_walk_all(struct cgroup_names *c);
/*
 * A recording's "ID PATH" lines instead of the live tree (pure: text in).
 * Ids not listed show as unreachable, as on a machine without them.
 */
void cgroup_names_parse(struct cgroup_names *c, const char *text, size_t len);

#endif /* LSOCK_CGROUP_PATH_H */
