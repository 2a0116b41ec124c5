/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Netlink messages held back to be read later, in the order they came:
 * copies of whole messages, each at an aligned offset, so that the buffer
 * reads back as a stream. At most max bytes; a message past that sets
 * overflow, drops everything held, and the stash keeps nothing more until
 * it is reset.
 */
#ifndef LSOCK_NL_STASH_H
#define LSOCK_NL_STASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nl-sock.h"

struct nl_stash {
	uint8_t *buf;
	size_t len, cap, max;
	bool overflow;
};

void nl_stash_init(struct nl_stash *st, size_t max);
/* Empty again, overflow cleared; the memory is kept. */
void nl_stash_reset(struct nl_stash *st);
/* nlh->nlmsg_len bytes at nlh, as nl_iter_next checked them. */
void nl_stash_put(struct nl_stash *st, const struct nlmsghdr *nlh);
/* fn over the messages held; stops at its first non-zero return. */
int nl_stash_each(const struct nl_stash *st, nl_msg_fn fn, void *arg);
void nl_stash_free(struct nl_stash *st);

#endif /* LSOCK_NL_STASH_H */
