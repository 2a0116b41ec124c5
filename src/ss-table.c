/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ss-table.h"
#include "xalloc.h"

/*
 * The layout of ss's buffer, which decides where a batch ends: 1 MiB chunks
 * with a 16-byte header, tokens with a 2-byte length, each token starting on
 * an even offset, and a render once five chunks exist at the end of a row.
 */
#define SS_CHUNK_DATA	(1024 * 1024 - 16)
#define SS_TOKEN_HDR	2
#define SS_CHUNKS_MAX	5

static const struct ss_column ss_columns[SS_COL_MAX] = {
	[SS_COL_NETID] = { "Netid", "", false, false, 0, 0 },
	[SS_COL_STATE] = { "State", " ", false, false, 0, 0 },
	[SS_COL_RECVQ] = { "Recv-Q", " ", false, false, 0, 0 },
	[SS_COL_SENDQ] = { "Send-Q", " ", false, false, 0, 0 },
	[SS_COL_ADDR] = { "Local Address:", " ", true, false, 0, 0 },
	[SS_COL_SERV] = { "Port", "", false, false, 0, 0 },
	[SS_COL_RADDR] = { "Peer Address:", " ", true, false, 0, 0 },
	[SS_COL_RSERV] = { "Port", "", false, false, 0, 0 },
	[SS_COL_PROC] = { "Process", "", false, false, 0, 0 },
	[SS_COL_EXT] = { "", "", false, false, 0, 0 },
};

void ss_table_init(struct ss_table *t, struct output *out, int screen_width)
{
	memset(t, 0, sizeof(*t));
	memcpy(t->col, ss_columns, sizeof(ss_columns));
	t->out = out;
	t->screen_width = screen_width;
	t->cur = SS_COL_NETID;
}

void ss_table_free(struct ss_table *t)
{
	free(t->text);
	free(t->tok);
	t->text = NULL;
	t->tok = NULL;
}

void ss_table_disable(struct ss_table *t, enum ss_col col)
{
	t->col[col].disabled = true;
}

static void ss_table_push_token(struct ss_table *t)
{
	if (t->ntok == t->tok_cap) {
		t->tok_cap = t->tok_cap ? t->tok_cap * 2 : 4096;
		t->tok = xreallocarray(t->tok, t->tok_cap, sizeof(*t->tok));
	}
	t->tok[t->ntok++] = 0;
}

static void ss_model_new_chunk(struct ss_chunk_model *m)
{
	m->active = true;
	m->chunks++;
	m->tok_off = 0;
	m->used = SS_TOKEN_HDR;
}

/* Account for len more bytes in the current token, as ss's out() does. */
static void ss_model_out(struct ss_chunk_model *m, size_t len)
{
	size_t avail = SS_CHUNK_DATA - m->used;
	size_t curlen = m->used - m->tok_off - SS_TOKEN_HDR;

	if (len < avail || m->tok_off == 0) {
		m->used += len < avail ? len : avail;
		return;
	}
	/* the token moves to a fresh chunk with what it already holds */
	ss_model_new_chunk(m);
	m->used += curlen + len;
}

/* Close the current token, as ss's field_flush() does. */
static void ss_model_flush(struct ss_chunk_model *m)
{
	size_t curlen = m->used - m->tok_off - SS_TOKEN_HDR;
	size_t pad = curlen % 2;
	size_t avail = SS_CHUNK_DATA - m->used;

	if (avail < pad + SS_TOKEN_HDR) {
		ss_model_new_chunk(m);
		return;
	}
	m->tok_off = m->used + pad;
	m->used = m->tok_off + SS_TOKEN_HDR;
}

void ss_table_put(struct ss_table *t, const char *s, size_t len)
{
	if (t->col[t->cur].disabled)
		return;
	if (!t->model.active) {
		ss_model_new_chunk(&t->model);
		ss_table_push_token(t);
	}
	if (len > (size_t)(SS_TOKEN_MAX - t->tok[t->ntok - 1]))
		len = (size_t)(SS_TOKEN_MAX - t->tok[t->ntok - 1]);
	ss_model_out(&t->model, len);
	if (t->text_len + len > t->text_cap) {
		t->text_cap = (t->text_len + len) * 2 + 65536;
		t->text = xreallocarray(t->text, t->text_cap, 1);
	}
	memcpy(t->text + t->text_len, s, len);
	t->text_len += len;
	t->tok[t->ntok - 1] = (uint16_t)(t->tok[t->ntok - 1] + len);
}

void ss_table_puts(struct ss_table *t, const char *s)
{
	ss_table_put(t, s, strlen(s));
}

void ss_table_printf(struct ss_table *t, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	ss_table_put(t, tmp, (size_t)n < sizeof(tmp) ? (size_t)n :
		     sizeof(tmp) - 1);
}

static void ss_table_flush_field(struct ss_table *t)
{
	struct ss_column *c = &t->col[t->cur];
	int len;

	if (c->disabled)
		return;
	if (!t->model.active) {
		ss_model_new_chunk(&t->model);
		ss_table_push_token(t);
	}
	len = (int)t->tok[t->ntok - 1];
	if (len > c->max_len)
		c->max_len = len;
	ss_model_flush(&t->model);
	ss_table_push_token(t);
}

void ss_table_next(struct ss_table *t)
{
	bool last = t->cur == SS_COL_EXT;

	if (last && t->model.chunks >= SS_CHUNKS_MAX) {
		ss_table_render(t);
		return;
	}
	ss_table_flush_field(t);
	t->cur = last ? SS_COL_NETID : t->cur + 1;
}

void ss_table_set(struct ss_table *t, enum ss_col col)
{
	while (t->cur != col)
		ss_table_next(t);
}

void ss_table_header(struct ss_table *t)
{
	while (t->cur != SS_COL_EXT) {
		if (!t->col[t->cur].disabled)
			ss_table_puts(t, t->col[t->cur].header);
		ss_table_next(t);
	}
}

/* Widths from content; on a terminal, spread columns over its width. */
static void ss_table_widths(struct ss_table *t)
{
	int sw = t->screen_width > 0 ? t->screen_width : INT_MAX;
	bool first = true;
	int i;

	for (i = 0; i < SS_COL_MAX; i++) {
		struct ss_column *c = &t->col[i];

		if (c->disabled)
			continue;
		c->width = c->max_len;
		if (!first && c->max_len)
			c->width += (int)strlen(c->ldelim);
		if (c->width > sw)
			c->width = sw;
		if (c->width)
			first = false;
	}
}

static bool ss_table_is_last_visible(const struct ss_table *t, int i)
{
	for (i++; i < SS_COL_MAX; i++)
		if (t->col[i].width)
			return false;
	return true;
}

static void ss_table_spread(struct ss_table *t, int from, int to, int len)
{
	int n = 0, pad, spacing, rem, i;

	for (i = from; i <= to; i++)
		n += t->col[i].width != 0;
	if (n == 0)
		return;
	pad = t->screen_width - len;
	spacing = pad / n;
	rem = pad % n;
	for (i = to; i >= from; i--) {
		if (!t->col[i].width)
			continue;
		t->col[i].width += spacing;
		if (rem) {
			t->col[i].width++;
			rem--;
		}
	}
}

/* Group columns into terminal lines and share out each line's slack. */
static void ss_table_layout_tty(struct ss_table *t)
{
	int sw = t->screen_width, len = 0, eol = -1, i;

	for (i = 0; i < SS_COL_MAX; i++) {
		int c = i;

		if (!t->col[i].width)
			continue;
		len += t->col[i].width;
		if (!ss_table_is_last_visible(t, i) && len < sw)
			continue;
		if (len > sw) {
			len -= t->col[i].width;
			c = i - 1;
		}
		if (len != sw)
			ss_table_spread(t, eol + 1, c, len);
		eol = c;
		i = c;
		len = 0;
	}
}

static int ss_table_next_enabled(const struct ss_table *t, int f, bool *eol)
{
	*eol = false;
	do {
		if (f == SS_COL_EXT) {
			*eol = true;
			f = SS_COL_NETID;
		} else {
			f++;
		}
	} while (t->col[f].disabled);
	return f;
}

static void ss_table_emit(struct ss_table *t, int f, const char *s,
			  int len, bool started)
{
	const struct ss_column *c = &t->col[f];
	int dlen = started ? (int)strlen(c->ldelim) : 0;
	int pad = c->width - len - dlen;
	size_t total;
	char *o;

	if (!c->width || pad < 0)
		pad = 0;
	total = (size_t)(dlen + pad + len);
	if (total > OUTPUT_BUFSZ) {
		/* a huge field: the slow way */
		output_write(t->out, c->ldelim, (size_t)dlen);
		if (c->align_right)
			output_spaces(t->out, (size_t)pad);
		output_write(t->out, s, (size_t)len);
		if (!c->align_right)
			output_spaces(t->out, (size_t)pad);
		return;
	}
	o = output_reserve(t->out, total);
	memcpy(o, c->ldelim, (size_t)dlen);
	o += dlen;
	if (c->align_right) {
		memset(o, ' ', (size_t)pad);
		o += pad;
	}
	memcpy(o, s, (size_t)len);
	if (!c->align_right)
		memset(o + len, ' ', (size_t)pad);
	output_commit(t->out, total);
}

static void ss_table_reset(struct ss_table *t)
{
	memset(&t->model, 0, sizeof(t->model));
	t->ntok = 0;
	t->text_len = 0;
	t->cur = SS_COL_NETID;
}

void ss_table_render(struct ss_table *t)
{
	const char *p = t->text;
	bool started = false, eol;
	int f = 0;
	size_t i;

	if (!t->model.active)
		return;
	ss_table_widths(t);
	if (t->screen_width > 0)
		ss_table_layout_tty(t);
	while (f < SS_COL_MAX && !t->col[f].width)
		f++;
	for (i = 0; i < t->ntok && f < SS_COL_MAX; i++) {
		ss_table_emit(t, f, p, (int)t->tok[i], started);
		p += t->tok[i];
		started = true;
		f = ss_table_next_enabled(t, f, &eol);
		if (eol) {
			output_write(t->out, "\n", 1);
			started = false;
		}
	}
	if (started)
		output_write(t->out, "\n", 1);
	ss_table_reset(t);
}
