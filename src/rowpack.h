/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Rows packed one after the other in one growing buffer, for rows read
 * ahead while the -p scan runs (netstat-ahead.c, ss-ahead.c). A layout
 * names the fields of the caller's row struct that are kept, in order;
 * a packed row is those fields' bytes, an address field taking 4 bytes
 * when the row's family is AF_INET, an optional field only when the
 * caller asks for optional fields (the same way for put and get).
 */
#ifndef LSOCK_ROWPACK_H
#define LSOCK_ROWPACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ROWPACK_ADDR	0x01	/* 16 bytes, or 4 for AF_INET */
#define ROWPACK_OPT	0x02	/* only with optional fields */

struct rowpack_field {
	uint16_t off;		/* offsetof() in the row struct */
	uint8_t len;
	uint8_t flags;		/* ROWPACK_* */
};

/* A field of a row struct TYPE, as a layout lists it. */
#define ROWPACK_FIELD(type, name, flags) \
	{ (uint16_t)offsetof(type, name), \
	  (uint8_t)sizeof(((type *)0)->name), (flags) }

struct rowpack_layout {
	const struct rowpack_field *fields;
	size_t nfields;
	size_t family_off;	/* the uint8_t family; before any address */
	size_t row_size;
};

struct rowpack {
	bool taken;		/* the rows were read */
	int rc;			/* how that went: the rows count only when 0 */
	uint8_t *buf;
	size_t len, cap;
};

void rowpack_put(struct rowpack *rp, const struct rowpack_layout *l,
		 const void *row, bool opt);
/* The row at *off into row (zeroed first), *off moved past it. */
bool rowpack_get(const struct rowpack *rp, const struct rowpack_layout *l,
		 size_t *off, void *row, bool opt);
void rowpack_free(struct rowpack *rp);

#endif /* LSOCK_ROWPACK_H */
