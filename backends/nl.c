/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "nl.h"

#define NL_ALIGN(len)	(((len) + 3u) & ~3u)

void nl_iter_init(struct nl_iter *it, const void *buf, size_t len)
{
	it->buf = buf;
	it->len = len;
	it->off = 0;
}

int nl_iter_next(struct nl_iter *it, const struct nlmsghdr **nlh)
{
	size_t left = it->len - it->off;
	const struct nlmsghdr *h;
	size_t step;

	if (left == 0)
		return 0;
	if (left < sizeof(*h))
		return -EBADMSG;
	h = (const struct nlmsghdr *)(it->buf + it->off);
	if (h->nlmsg_len < sizeof(*h) || h->nlmsg_len > left)
		return -EBADMSG;
	step = NL_ALIGN(h->nlmsg_len);
	it->off += step < left ? step : left;
	*nlh = h;
	return 1;
}

int nl_msg_errno(const struct nlmsghdr *nlh)
{
	int32_t err;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(err)))
		return nlh->nlmsg_type == NLMSG_ERROR ? -EBADMSG : 0;
	memcpy(&err, NLMSG_DATA(nlh), sizeof(err));
	if (err > 0 || err < -4095)
		return -EBADMSG;
	return err;
}

int nl_attr_parse(const void *buf, size_t len, struct nl_attr *tb, int max)
{
	const uint8_t *p = buf;
	size_t off = 0;

	memset(tb, 0, sizeof(*tb) * (size_t)(max + 1));
	while (len - off >= sizeof(struct nlattr)) {
		struct nlattr a;
		int type;

		memcpy(&a, p + off, sizeof(a));
		if (a.nla_len < sizeof(a) || a.nla_len > len - off)
			return -EBADMSG;
		type = a.nla_type & NLA_TYPE_MASK;
		if (type <= max) {
			tb[type].data = p + off + sizeof(a);
			tb[type].len = (uint16_t)(a.nla_len - sizeof(a));
		}
		off += NL_ALIGN(a.nla_len);
		if (off > len)
			off = len;
	}
	return 0;
}

int nl_msg_attrs(const struct nlmsghdr *nlh, size_t hdrlen,
		 struct nl_attr *tb, int max)
{
	size_t start = NLMSG_LENGTH(NL_ALIGN(hdrlen));

	if (nlh->nlmsg_len < NLMSG_LENGTH(hdrlen))
		return -EBADMSG;
	if (nlh->nlmsg_len < start) {
		memset(tb, 0, sizeof(*tb) * (size_t)(max + 1));
		return 0;
	}
	return nl_attr_parse((const uint8_t *)nlh + start,
			     nlh->nlmsg_len - start, tb, max);
}

void nl_attr_copy(const struct nl_attr *a, void *dst, size_t size)
{
	size_t n = a->data ? (a->len < size ? a->len : size) : 0;

	if (n)
		memcpy(dst, a->data, n);
	memset((uint8_t *)dst + n, 0, size - n);
}

uint32_t nl_attr_u32(const struct nl_attr *a, uint32_t dflt)
{
	uint32_t v;

	if (!a->data || a->len < sizeof(v))
		return dflt;
	memcpy(&v, a->data, sizeof(v));
	return v;
}

uint8_t nl_attr_u8(const struct nl_attr *a, uint8_t dflt)
{
	if (!a->data || a->len < 1)
		return dflt;
	return *(const uint8_t *)a->data;
}
