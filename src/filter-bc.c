/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The filter as inet_diag bytecode (kernel.md section 7), so that the kernel
 * drops what does not match before sending it. Every op is followed by its
 * operands; "yes" steps over the op, "no" jumps, and a jump four bytes past
 * the end rejects. The combinators:
 *   a and b   a, b          (a's rejects moved past b)
 *   a or b    a, JMP, b     (a's rejects land on b; JMP skips b)
 *   not a     a, JMP{4,8}   (a's rejects land on the end: accept)
 * Unlike ss, every address of a host name is sent, and dev is compiled too.
 * The result is exact or refused (-ENOTSUP): lsock checks every socket in
 * user space as well, but never relies on the kernel keeping too much.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "filter.h"
#include "xalloc.h"

enum {
	BC_NOP, BC_JMP, BC_S_GE, BC_S_LE, BC_D_GE, BC_D_LE, BC_AUTO,
	BC_S_COND, BC_D_COND, BC_DEV_COND, BC_MARK_COND,
	BC_CGROUP_COND = 13,
};

#define BC_MAX	65532		/* "no" is 16 bits wide */

struct bc_op {
	uint8_t code;
	uint8_t yes;
	uint16_t no;
};

struct bc {
	uint8_t *b;
	size_t len;
};

static void bc_append(struct bc *p, const void *data, size_t len)
{
	if (len == 0)
		return;
	p->b = xreallocarray(p->b, p->len + len + 1, 1);
	memcpy(p->b + p->len, data, len);
	p->len += len;
}

static void bc_op(struct bc *p, uint8_t code, uint8_t yes, uint16_t no)
{
	struct bc_op op = { code, yes, no };

	bc_append(p, &op, sizeof(op));
}

/* An op and its operand: "yes" steps over both, "no" rejects. */
static void bc_op_data(struct bc *p, uint8_t code, const void *data,
		       size_t len)
{
	bc_op(p, code, (uint8_t)(4 + len), (uint16_t)(8 + len));
	bc_append(p, data, len);
}

/* Moves every reject (a jump to len + 4) of p by delta bytes. */
static int bc_patch(struct bc *p, size_t delta)
{
	size_t off;
	struct bc_op op;

	for (off = 0; off < p->len; off += op.yes) {
		memcpy(&op, p->b + off, sizeof(op));
		if (op.yes == 0)
			return -EINVAL;
		if (op.code != BC_NOP && off + op.no == p->len + 4) {
			if (op.no + delta > BC_MAX)
				return -ENOTSUP;
			op.no = (uint16_t)(op.no + delta);
			memcpy(p->b + off, &op, sizeof(op));
		}
	}
	return 0;
}

/* a becomes "a and b"; b is consumed. */
static int bc_and(struct bc *a, struct bc *b)
{
	int rc = bc_patch(a, b->len);

	if (rc == 0)
		bc_append(a, b->b, b->len);
	free(b->b);
	return rc;
}

static int bc_or(struct bc *a, struct bc *b)
{
	if (b->len + 4 > BC_MAX) {
		free(b->b);
		return -ENOTSUP;
	}
	bc_op(a, BC_JMP, 4, (uint16_t)(b->len + 4));
	bc_append(a, b->b, b->len);
	free(b->b);
	return 0;
}

static void bc_false(struct bc *p)
{
	bc_op(p, BC_JMP, 4, 8);
}

static void bc_port_cmp(struct bc *p, uint8_t code, int port)
{
	bc_op(p, code, 8, 12);
	bc_op(p, 0, 0, (uint16_t)port);
}

/* One inet_diag_hostcond: family, prefix length, port, address bytes. */
static void bc_hostcond(struct bc *p, bool local, int family, int prefix_len,
			int port, const uint8_t *addr)
{
	size_t alen = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
	uint8_t cond[8] = { (uint8_t)family, (uint8_t)prefix_len };
	size_t len = sizeof(struct bc_op) + sizeof(cond) + alen;

	memcpy(cond + 4, &port, sizeof(port));
	bc_op(p, local ? BC_S_COND : BC_D_COND, (uint8_t)len,
	      (uint16_t)(len + 4));
	bc_append(p, cond, sizeof(cond));
	bc_append(p, addr, alen);
}

static void bc_one_addr(struct bc *p, const struct filter_addr *a, bool local,
			int port)
{
	if (a->family == AF_INET || a->family == AF_INET6)
		bc_hostcond(p, local, a->family, a->prefix_len, port, a->addr);
	else if (a->prefix_len == 0)
		bc_hostcond(p, local, AF_UNSPEC, 0, port, NULL);
	else
		bc_false(p);	/* another family's address: no inet match */
}

/* p becomes "p or b", or b when p is still empty. */
static int bc_join_or(struct bc *p, struct bc *b)
{
	if (p->len == 0) {
		free(p->b);
		*p = *b;
		return 0;
	}
	return bc_or(p, b);
}

static int bc_ranges(struct bc *p, const struct filter_host *h, bool local)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < h->nranges && rc == 0; i++) {
		const struct filter_range *r = &h->ranges[i];
		struct bc ge = { NULL, 0 }, le = { NULL, 0 };

		if (r->lo < 0 || r->hi > 65535)
			return -ENOTSUP;
		bc_port_cmp(&ge, local ? BC_S_GE : BC_D_GE, r->lo);
		bc_port_cmp(&le, local ? BC_S_LE : BC_D_LE, r->hi);
		rc = bc_and(&ge, &le);
		if (rc == 0)
			rc = bc_join_or(p, &ge);
		else
			free(ge.b);
	}
	return rc;
}

static int bc_host(struct bc *p, const struct filter_host *h, bool local)
{
	const struct filter_addr *a = h->addrs;
	int port = h->nranges ? -1 : h->port, rc = 0;
	struct bc rest = { NULL, 0 };

	if (a && a->family == AF_UNIX) {
		bc_false(p);
		return 0;
	}
	if (!a)
		bc_hostcond(p, local, AF_UNSPEC, 0, port, NULL);
	for (; a && rc == 0; a = a->next) {
		struct bc one = { NULL, 0 };

		bc_one_addr(&one, a, local, port);
		rc = bc_join_or(p, &one);
	}
	if (rc == 0 && h->nranges) {
		rc = bc_ranges(&rest, h, local);
		if (rc == 0)
			rc = bc_and(p, &rest);
		else
			free(rest.b);
	}
	return rc;
}

static int bc_compile(struct bc *p, const struct filter *f);

static int bc_binary(struct bc *p, const struct filter *f)
{
	struct bc b = { NULL, 0 };
	int rc = bc_compile(p, f->a);

	if (rc == 0)
		rc = bc_compile(&b, f->b);
	if (rc < 0) {
		free(b.b);
		return rc;
	}
	return f->op == FILTER_AND ? bc_and(p, &b) : bc_or(p, &b);
}

static int bc_leaf(struct bc *p, const struct filter *f)
{
	uint32_t mark[2] = { f->mark, f->mask };
	uint8_t code = 0;

	switch ((int)f->op) {
	case FILTER_SPORT_GE: code = BC_S_GE; break;
	case FILTER_SPORT_LE: code = BC_S_LE; break;
	case FILTER_DPORT_GE: code = BC_D_GE; break;
	case FILTER_DPORT_LE: code = BC_D_LE; break;
	case FILTER_DEV:
		bc_op_data(p, BC_DEV_COND, &f->ifindex, sizeof(f->ifindex));
		return 0;
	case FILTER_MARK:
		bc_op_data(p, BC_MARK_COND, mark, sizeof(mark));
		return 0;
	case FILTER_CGROUP:
		bc_op_data(p, BC_CGROUP_COND, &f->cgroup, sizeof(f->cgroup));
		return 0;
	case FILTER_AUTOBOUND:
		bc_op_data(p, BC_AUTO, NULL, 0);
		return 0;
	default:
		return -ENOTSUP;
	}
	if (f->port < 0 || f->port > 65535)
		return -ENOTSUP;
	bc_port_cmp(p, code, f->port);
	return 0;
}

static int bc_compile(struct bc *p, const struct filter *f)
{
	int rc;

	switch ((int)f->op) {
	case FILTER_AND:
	case FILTER_OR:
		rc = bc_binary(p, f);
		break;
	case FILTER_NOT:
		rc = bc_compile(p, f->a);
		if (rc == 0)
			bc_op(p, BC_JMP, 4, 8);
		break;
	case FILTER_SRC:
	case FILTER_DST:
		rc = bc_host(p, &f->host, f->op == FILTER_SRC);
		break;
	default:
		rc = bc_leaf(p, f);
		break;
	}
	if (rc == 0 && p->len > BC_MAX)
		rc = -ENOTSUP;
	return rc;
}

int filter_compile(const struct filter *f, uint8_t **code, size_t *len)
{
	struct bc p = { NULL, 0 };
	int rc = bc_compile(&p, f);

	if (rc < 0) {
		free(p.b);
		return rc;
	}
	*code = p.b;
	*len = p.len;
	return 0;
}

/* A host condition that requires exactly one port (no address set). */
static uint16_t filter_host_port(const struct filter_host *h)
{
	if (h->nranges || h->port <= 0 || h->port > 65535 ||
	    (h->addrs && h->addrs->family == AF_UNIX))
		return 0;
	return (uint16_t)h->port;
}

void filter_port_hints(const struct filter *f, uint16_t *sport,
		       uint16_t *dport)
{
	uint16_t port;

	if (!f)
		return;
	switch (f->op) {
	case FILTER_AND:
		filter_port_hints(f->a, sport, dport);
		filter_port_hints(f->b, sport, dport);
		break;
	case FILTER_SRC:
		port = filter_host_port(&f->host);
		if (port)
			*sport = port;
		break;
	case FILTER_DST:
		port = filter_host_port(&f->host);
		if (port)
			*dport = port;
		break;
	case FILTER_OR:
	case FILTER_NOT:
	case FILTER_SPORT_GE:
	case FILTER_SPORT_LE:
	case FILTER_DPORT_GE:
	case FILTER_DPORT_LE:
	case FILTER_DEV:
	case FILTER_MARK:
	case FILTER_CGROUP:
	case FILTER_AUTOBOUND:
	default:
		break;
	}
}
