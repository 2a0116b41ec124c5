/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "inode-set.h"
#include "xalloc.h"

#define INODE_SET_MIN	1024

void inode_set_init(struct inode_set *s)
{
	memset(s, 0, sizeof(*s));
}

static size_t inode_set_hash(uint64_t ino)
{
	ino ^= ino >> 33;
	ino *= 0xff51afd7ed558ccdULL;
	ino ^= ino >> 33;
	return (size_t)ino;
}

static void inode_set_put(uint64_t *slot, size_t mask, uint64_t ino)
{
	size_t i = inode_set_hash(ino) & mask;

	while (slot[i])
		i = (i + 1) & mask;
	slot[i] = ino;
}

static void inode_set_grow(struct inode_set *s)
{
	size_t cap = s->slot ? (s->mask + 1) * 2 : INODE_SET_MIN;
	uint64_t *slot = xcalloc(cap, sizeof(*slot));
	size_t i;

	for (i = 0; s->slot && i <= s->mask; i++)
		if (s->slot[i])
			inode_set_put(slot, cap - 1, s->slot[i]);
	free(s->slot);
	s->slot = slot;
	s->mask = cap - 1;
}

int inode_set_add(struct inode_set *s, uint64_t ino)
{
	size_t i;

	if (!s->slot || (s->used + 1) * 2 > s->mask + 1)
		inode_set_grow(s);
	i = inode_set_hash(ino) & s->mask;
	while (s->slot[i]) {
		if (s->slot[i] == ino)
			return 0;
		i = (i + 1) & s->mask;
	}
	s->slot[i] = ino;
	s->used++;
	return 1;
}

void inode_set_free(struct inode_set *s)
{
	free(s->slot);
	memset(s, 0, sizeof(*s));
}
