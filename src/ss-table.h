/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss's table renderer: fields are collected per column, widths come from the
 * longest field seen so far, and the table is printed when the run ends or,
 * as ss does, whenever its token buffer reaches five 1 MiB chunks (so very
 * long listings come out in batches, each aligned on the widths known then).
 */
#ifndef LSOCK_SS_TABLE_H
#define LSOCK_SS_TABLE_H

/* ss keeps a field's length in 16 bits: no field is longer. */
#define SS_TOKEN_MAX	65535

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "output.h"

enum ss_col {
	SS_COL_NETID,
	SS_COL_STATE,
	SS_COL_RECVQ,
	SS_COL_SENDQ,
	SS_COL_ADDR,
	SS_COL_SERV,
	SS_COL_RADDR,
	SS_COL_RSERV,
	SS_COL_PROC,
	SS_COL_EXT,
	SS_COL_MAX
};

struct ss_column {
	const char *header;
	const char *ldelim;
	bool align_right;
	bool disabled;
	int max_len;
	int width;
};

/* A model of ss's chunked token buffer; it decides when a batch ends. */
struct ss_chunk_model {
	bool active;		/* a chunk exists */
	int chunks;
	size_t used;		/* end of data in the current chunk */
	size_t tok_off;		/* header offset of the current token */
};

struct ss_table {
	struct ss_column col[SS_COL_MAX];
	enum ss_col cur;
	int screen_width;	/* -1: not a terminal, compact layout */
	struct ss_chunk_model model;
	char *text;		/* bytes of every token of the batch */
	size_t text_len, text_cap;
	uint16_t *tok;		/* token lengths (16 bits, as ss's); the
				 * last one is current */
	size_t ntok, tok_cap;
	struct output *out;
};

void ss_table_init(struct ss_table *t, struct output *out, int screen_width);
void ss_table_free(struct ss_table *t);
void ss_table_disable(struct ss_table *t, enum ss_col col);
void ss_table_header(struct ss_table *t);
void ss_table_next(struct ss_table *t);
void ss_table_set(struct ss_table *t, enum ss_col col);
void ss_table_put(struct ss_table *t, const char *s, size_t len);
void ss_table_puts(struct ss_table *t, const char *s);
void ss_table_printf(struct ss_table *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print what is buffered and start a new batch. */
void ss_table_render(struct ss_table *t);

#endif /* LSOCK_SS_TABLE_H */
