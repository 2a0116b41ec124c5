/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Netlink message and attribute walking over a byte buffer. Pure: no socket,
 * no allocation. Every length from the kernel is checked before it is used.
 */
#ifndef LSOCK_NL_H
#define LSOCK_NL_H

#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>

struct nl_iter {
	const uint8_t *buf;
	size_t len;
	size_t off;
};

/* An attribute table: pointers to payloads and their lengths. */
struct nl_attr {
	const void *data;	/* NULL: absent */
	uint16_t len;
};

void nl_iter_init(struct nl_iter *it, const void *buf, size_t len);
/*
 * The next message: 1 and *nlh set, 0 at the end of the buffer, -EBADMSG
 * when a header or its length does not fit.
 */
int nl_iter_next(struct nl_iter *it, const struct nlmsghdr **nlh);
/* The payload of an NLMSG_ERROR or NLMSG_DONE: a negative errno, or 0. */
int nl_msg_errno(const struct nlmsghdr *nlh);
/*
 * Fills tb[0..max] from the attributes in buf; unknown types (> max) are
 * skipped. Returns 0 or -EBADMSG for an attribute that does not fit.
 */
int nl_attr_parse(const void *buf, size_t len, struct nl_attr *tb, int max);
/* Attributes that follow a fixed header of hdrlen bytes in a message. */
int nl_msg_attrs(const struct nlmsghdr *nlh, size_t hdrlen,
		 struct nl_attr *tb, int max);
/*
 * Copies at most size bytes of an attribute into dst and zero-fills the
 * rest: a short kernel struct reads as zeros, a long one is cut.
 */
void nl_attr_copy(const struct nl_attr *a, void *dst, size_t size);
uint32_t nl_attr_u32(const struct nl_attr *a, uint32_t dflt);
uint8_t nl_attr_u8(const struct nl_attr *a, uint8_t dflt);

#endif /* LSOCK_NL_H */
