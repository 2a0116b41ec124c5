/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Packed rows (rowpack.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "rowpack.h"
#include "xalloc.h"

/*
 * A field's bytes: whole 8-byte words (fixed-size moves the compiler
 * makes plain loads and stores), then the bytes left over; rows' fields
 * are too short for a memcpy call to pay.
 */
static void rowpack_move(uint8_t *to, const uint8_t *from, size_t len)
{
	for (; len >= 8; len -= 8, to += 8, from += 8)
		memcpy(to, from, 8);
	while (len--)
		*to++ = *from++;
}

/*
 * Packs src at p, or with dst unpacks p into dst. The family field is
 * read from the row, which unpacking has filled by the time an address
 * comes. Plain fields that follow each other in the row struct move
 * together. Returns the packed length.
 */
static size_t rowpack_copy(const struct rowpack_layout *l, uint8_t *p,
			   const void *src, void *dst, bool opt)
{
	const uint8_t *row = dst ? (const uint8_t *)dst : (const uint8_t *)src;
	size_t i, n = 0;

	for (i = 0; i < l->nfields; i++) {
		const struct rowpack_field *f = &l->fields[i];
		size_t len = f->len;

		if ((f->flags & ROWPACK_OPT) && !opt)
			continue;
		if ((f->flags & ROWPACK_ADDR) && row[l->family_off] == AF_INET)
			len = 4;
		for (; !f->flags && i + 1 < l->nfields &&
		       !l->fields[i + 1].flags &&
		       l->fields[i + 1].off == f->off + len; i++)
			len += l->fields[i + 1].len;
		rowpack_move(dst ? (uint8_t *)dst + f->off : p + n,
			     dst ? p + n : (const uint8_t *)src + f->off, len);
		n += len;
	}
	return n;
}

void rowpack_put(struct rowpack *rp, const struct rowpack_layout *l,
		 const void *row, bool opt)
{
	if (rp->cap - rp->len < l->row_size) {
		rp->cap = rp->cap ? rp->cap * 2 : 64 * 1024;
		rp->buf = xreallocarray(rp->buf, rp->cap, 1);
	}
	rp->len += rowpack_copy(l, rp->buf + rp->len, row, NULL, opt);
}

bool rowpack_get(const struct rowpack *rp, const struct rowpack_layout *l,
		 size_t *off, void *row, bool opt)
{
	if (*off >= rp->len)
		return false;
	memset(row, 0, l->row_size);
	*off += rowpack_copy(l, rp->buf + *off, NULL, row, opt);
	return true;
}

void rowpack_free(struct rowpack *rp)
{
	free(rp->buf);
	memset(rp, 0, sizeof(*rp));
}
