/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Shared between the filter's parser and its value conversions. */
#ifndef LSOCK_FILTER_IMPL_H
#define LSOCK_FILTER_IMPL_H

#include "filter.h"

#define FILTER_EXIT_FAIL	1	/* a value that does not convert */
#define FILTER_EXIT_USAGE	255	/* a syntax error, a bad -F file */
#define FILTER_LINE_MAX		1024	/* ss reads -F lines into 1 KiB */

enum filter_tok {
	TOK_END,
	TOK_VALUE,
	TOK_DST, TOK_SRC, TOK_DPORT, TOK_SPORT, TOK_DEV, TOK_FWMARK,
	TOK_CGROUP, TOK_AUTOBOUND,
	TOK_NOT, TOK_AND, TOK_OR, TOK_LPAREN, TOK_RPAREN,
	TOK_EQ, TOK_NE, TOK_GE, TOK_LE, TOK_GT, TOK_LT,
};

/* How a value word is read: set by the last keyword, as in ss. */
enum filter_mode {
	MODE_HOST,
	MODE_PORT,
	MODE_DEV,
	MODE_MARK,
	MODE_CGROUP,
};

struct filter_word {
	char *text;
	char where[64];		/* "filter word 3", "FILE line 2" */
};

struct filter_lexer {
	struct filter_word *words;
	size_t nwords;
	size_t pos;
};

/* The converted value of the current word. */
struct filter_value {
	struct filter_host host;
	uint32_t ifindex;
	uint32_t mark, mask;
	uint64_t cgroup;
};

struct filter_parser {
	struct filter_lexer lx;
	enum filter_tok tok;
	const struct filter_word *word;
	enum filter_mode mode;
	struct filter_value val;
	struct filter_env *env;
	struct filter_error *err;
};

int filter_error_set(struct filter_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Converts p->word in p->mode into p->val; 0, or -1 with p->err set. */
int filter_value_convert(struct filter_parser *p, const struct filter_word *w);
/* The comparisons (>=, <=, >, <) take one numeric port. */
int filter_value_single_port(struct filter_parser *p);
void filter_value_free(struct filter_value *v);
void filter_host_free(struct filter_host *h);
struct filter_addr *filter_addr_new(struct filter_host *h, int family);
/* The port part of a host condition: "*", a port, a range or a set. */
int filter_port(struct filter_parser *p, const char *s, struct filter_host *h);
/* An inet host condition (s is modified). */
int filter_inet_value(struct filter_parser *p, char *s, int fam, bool is_port);
/* A cgroup path to its cgroup v2 id; 0 or a negative errno. */
int filter_cgroup_id(const char *path, uint64_t *id);
/* FILTER_[SD]PORT_GE/LE for a comparison token: > is not <=, < is not >=. */
enum filter_op filter_port_op(bool local, enum filter_tok op);

#endif /* LSOCK_FILTER_IMPL_H */
