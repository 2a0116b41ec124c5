/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cgroup-path.h"
#include "xalloc.h"

#define CGROUP_HANDLE_MAX	128
#define CGROUP_DEPTH_MAX	64

int cgroup_dir_id(const char *path, uint64_t *id)
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

char *cgroup_mount(void)
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

static void cgroup_names_add(struct cgroup_names *c, uint64_t id,
			     const char *rel)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->ent = xreallocarray(c->ent, c->cap, sizeof(*c->ent));
	}
	c->ent[c->n].id = id;
	c->ent[c->n].path = xstrdup(rel[0] ? rel : "/");
	c->n++;
}

/* Every directory below mnt + rel, depth first, bounded in depth. */
static void cgroup_names_walk(struct cgroup_names *c, const char *mnt,
			      const char *rel, int depth)
{
	char full[4096], sub[4096];
	struct dirent *d;
	uint64_t id;
	DIR *dir;

	snprintf(full, sizeof(full), "%s%s", mnt, rel);
	if (cgroup_dir_id(full, &id) == 0)
		cgroup_names_add(c, id, rel);
	if (depth >= CGROUP_DEPTH_MAX)
		return;
	dir = opendir(full);
	if (!dir)
		return;
	while ((d = readdir(dir)) != NULL) {
		if (d->d_type != DT_DIR || strcmp(d->d_name, ".") == 0 ||
		    strcmp(d->d_name, "..") == 0)
			continue;
		if (snprintf(sub, sizeof(sub), "%s/%s", rel, d->d_name) >=
		    (int)sizeof(sub))
			continue;
		cgroup_names_walk(c, mnt, sub, depth + 1);
	}
	closedir(dir);
}

int cgroup_names_walk_all(struct cgroup_names *c)
{
	char *mnt;

	if (c->state != 0)
		return 0;
	mnt = cgroup_mount();
	c->state = mnt ? 1 : -ENOENT;
	if (mnt)
		cgroup_names_walk(c, mnt, "", 0);
	free(mnt);
	return c->state < 0 ? c->state : 0;
}

const char *cgroup_names_lookup(struct cgroup_names *c, uint64_t id, int *err)
{
	size_t i;

	*err = cgroup_names_walk_all(c);
	if (c->last < c->n && c->ent[c->last].id == id)
		return c->ent[c->last].path;
	for (i = 0; i < c->n; i++) {
		if (c->ent[i].id == id) {
			c->last = i;
			return c->ent[i].path;
		}
	}
	return NULL;
}

static void cgroup_names_parse_line(struct cgroup_names *c, const char *line,
				    size_t len)
{
	const char *sp = memchr(line, ' ', len);
	char num[24], *path, *end;
	unsigned long long id;

	if (!sp || sp == line || (size_t)(sp - line) >= sizeof(num) ||
	    sp + 1 == line + len || sp[1] != '/')
		return;
	memcpy(num, line, (size_t)(sp - line));
	num[sp - line] = '\0';
	id = strtoull(num, &end, 10);
	if (*end)
		return;
	path = xmalloc(len - (size_t)(sp + 1 - line) + 1);
	memcpy(path, sp + 1, len - (size_t)(sp + 1 - line));
	path[len - (size_t)(sp + 1 - line)] = '\0';
	cgroup_names_add(c, id, path);
	free(path);
}

void cgroup_names_parse(struct cgroup_names *c, const char *text, size_t len)
{
	size_t off = 0;

	c->state = 1;
	while (off < len) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t l = nl ? (size_t)(nl - text - off) : len - off;

		cgroup_names_parse_line(c, text + off, l);
		off += l + 1;
	}
}

void cgroup_names_free(struct cgroup_names *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->ent[i].path);
	free(c->ent);
	memset(c, 0, sizeof(*c));
}
