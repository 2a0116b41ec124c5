/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Netlink messages held back (nl-stash.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "nl-stash.h"
#include "nl.h"
#include "xalloc.h"

void nl_stash_init(struct nl_stash *st, size_t max)
{
	memset(st, 0, sizeof(*st));
	st->max = max;
}

void nl_stash_reset(struct nl_stash *st)
{
	st->len = 0;
	st->overflow = false;
}

static void nl_stash_give_up(struct nl_stash *st)
{
	st->overflow = true;
	free(st->buf);
	st->buf = NULL;
	st->len = st->cap = 0;
}

void nl_stash_put(struct nl_stash *st, const struct nlmsghdr *nlh)
{
	size_t len = nlh->nlmsg_len, alen = NLMSG_ALIGN(len);

	if (st->overflow)
		return;
	if (len < NLMSG_HDRLEN || alen > st->max - st->len) {
		nl_stash_give_up(st);
		return;
	}
	if (alen > st->cap - st->len) {
		st->cap = st->cap ? st->cap * 2 : 65536;
		if (st->cap - st->len < alen)
			st->cap = st->len + alen;
		st->buf = xreallocarray(st->buf, st->cap, 1);
	}
	memcpy(st->buf + st->len, nlh, len);
	memset(st->buf + st->len + len, 0, alen - len);
	st->len += alen;
}

int nl_stash_each(const struct nl_stash *st, nl_msg_fn fn, void *arg)
{
	const struct nlmsghdr *nlh;
	struct nl_iter it;
	int rc;

	nl_iter_init(&it, st->buf, st->len);
	while ((rc = nl_iter_next(&it, &nlh)) > 0) {
		rc = fn(nlh, arg);
		if (rc)
			return rc;
	}
	return rc;
}

void nl_stash_free(struct nl_stash *st)
{
	free(st->buf);
	nl_stash_init(st, st->max);
}
