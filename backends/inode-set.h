/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A set of socket inodes, to drop sockets /proc lists twice in one read. */
#ifndef LSOCK_INODE_SET_H
#define LSOCK_INODE_SET_H

#include <stddef.h>
#include <stdint.h>

struct inode_set {
	uint64_t *slot;		/* 0 marks an empty slot */
	size_t mask;
	size_t used;
};

void inode_set_init(struct inode_set *s);
/* Returns 1 if ino was added, 0 if it was already present. ino != 0. */
int inode_set_add(struct inode_set *s, uint64_t ino);
void inode_set_free(struct inode_set *s);

#endif /* LSOCK_INODE_SET_H */
