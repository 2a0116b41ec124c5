/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The filter's words and grammar. Words come from the command line (each
 * argument split again at blanks) and then from the -F file. A value is
 * converted the moment it is read, in the mode of the last keyword, as ss
 * does: so a bad host is reported even where the grammar would fail later.
 *
 *   list := expr { [and|or] expr }      (equal precedence, left to right)
 *   expr := ( list ) | not expr | src|dst [=] HOST
 *         | sport|dport [= != >= <= > <] PORT | dev|fwmark|cgroup [= !=] VALUE
 *         | autobound
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter-impl.h"
#include "xalloc.h"

struct keyword {
	const char *word;
	enum filter_tok tok;
};

static const struct keyword filter_keywords[] = {
	{ "dst", TOK_DST }, { "src", TOK_SRC }, { "dport", TOK_DPORT },
	{ "sport", TOK_SPORT }, { "dev", TOK_DEV }, { "fwmark", TOK_FWMARK },
	{ "cgroup", TOK_CGROUP }, { "autobound", TOK_AUTOBOUND },
	{ "!", TOK_NOT }, { "not", TOK_NOT },
	{ "&", TOK_AND }, { "&&", TOK_AND }, { "and", TOK_AND },
	{ "|", TOK_OR }, { "||", TOK_OR }, { "or", TOK_OR },
	{ "(", TOK_LPAREN }, { ")", TOK_RPAREN },
	{ "=", TOK_EQ }, { "==", TOK_EQ }, { "eq", TOK_EQ },
	{ "!=", TOK_NE }, { "ne", TOK_NE }, { "neq", TOK_NE },
	{ ">=", TOK_GE }, { "ge", TOK_GE }, { "geq", TOK_GE },
	{ "<=", TOK_LE }, { "le", TOK_LE }, { "leq", TOK_LE },
	{ ">", TOK_GT }, { "gt", TOK_GT }, { "<", TOK_LT }, { "lt", TOK_LT },
};

int filter_error_set(struct filter_error *err, int code, const char *fmt, ...)
{
	va_list ap;

	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

/* Appends one word; a backslash keeps the next character literally. */
static const char *filter_lex_word(struct filter_lexer *lx, const char *s,
				   const char *where)
{
	size_t cap = strlen(s) + 1, n = 0;
	char *w = xmalloc(cap);
	struct filter_word *fw;

	while (*s && *s != ' ' && *s != '\t' && *s != '\n') {
		if (*s == '\\' && s[1])
			s++;
		w[n++] = *s++;
	}
	w[n] = '\0';
	lx->words = xreallocarray(lx->words, lx->nwords + 1,
				  sizeof(*lx->words));
	fw = &lx->words[lx->nwords++];
	fw->text = w;
	snprintf(fw->where, sizeof(fw->where), "%s", where);
	return s;
}

static void filter_lex_text(struct filter_lexer *lx, const char *s,
			    const char *name, int line)
{
	char where[sizeof(lx->words[0].where)];

	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!*s)
			return;
		if (name)
			snprintf(where, sizeof(where), "%s line %d", name,
				 line);
		else
			snprintf(where, sizeof(where), "filter word %zu",
				 lx->nwords + 1);
		s = filter_lex_word(lx, s, where);
	}
}

/*
 * The -F file, line by line as ss reads it: a line whose first character is
 * '#' or '0' is skipped, and a line must fit ss's 1 KiB buffer.
 */
static int filter_lex_file(struct filter_lexer *lx, const char *text,
			   const char *name, struct filter_error *err)
{
	int line = 0;

	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t len = nl ? (size_t)(nl - text) : strlen(text);
		char *copy;

		line++;
		if (len >= FILTER_LINE_MAX)
			return filter_error_set(err, FILTER_EXIT_USAGE,
				"filter file %s: line %d is longer than %d "
				"bytes", name, line, FILTER_LINE_MAX - 1);
		if (len && text[0] != '#' && text[0] != '0') {
			copy = xmemdup0(text, len);
			filter_lex_text(lx, copy, name, line);
			free(copy);
		}
		text += len + (nl ? 1 : 0);
	}
	return 0;
}

static enum filter_tok filter_keyword(const char *w)
{
	size_t i;

	for (i = 0; i < sizeof(filter_keywords) / sizeof(filter_keywords[0]);
	     i++)
		if (strcmp(w, filter_keywords[i].word) == 0)
			return filter_keywords[i].tok;
	return TOK_VALUE;
}

/* Reads the next token; a value is converted in the current mode. */
static int filter_next(struct filter_parser *p)
{
	struct filter_lexer *lx = &p->lx;
	const struct filter_word *w;

	filter_value_free(&p->val);
	if (lx->pos >= lx->nwords) {
		p->tok = TOK_END;
		p->word = NULL;
		return 0;
	}
	w = &lx->words[lx->pos++];
	p->word = w;
	p->tok = filter_keyword(w->text);
	if (p->tok == TOK_VALUE)
		return filter_value_convert(p, w);
	if (p->tok == TOK_DST || p->tok == TOK_SRC)
		p->mode = MODE_HOST;
	else if (p->tok == TOK_DPORT || p->tok == TOK_SPORT)
		p->mode = MODE_PORT;
	else if (p->tok == TOK_DEV)
		p->mode = MODE_DEV;
	else if (p->tok == TOK_FWMARK)
		p->mode = MODE_MARK;
	else if (p->tok == TOK_CGROUP)
		p->mode = MODE_CGROUP;
	return 0;
}

static int filter_syntax(struct filter_parser *p, const char *expected)
{
	const struct filter_word *last = &p->lx.words[p->lx.nwords - 1];

	if (!p->word || p->tok == TOK_END)
		return filter_error_set(p->err, FILTER_EXIT_USAGE,
			"filter: the filter ends after \"%s\" (%s), expected "
			"%s", last->text, last->where, expected);
	return filter_error_set(p->err, FILTER_EXIT_USAGE,
		"filter: unexpected \"%s\" (%s), expected %s", p->word->text,
		p->word->where, expected);
}

static struct filter *filter_node(enum filter_op op, struct filter *a,
				  struct filter *b)
{
	struct filter *f = xcalloc(1, sizeof(*f));

	f->op = op;
	f->a = a;
	f->b = b;
	return f;
}

static int filter_list(struct filter_parser *p, struct filter **out);

/* Hands f to the caller and reads on; on failure nothing is kept. */
static int filter_done(struct filter_parser *p, struct filter *f,
		       struct filter **out)
{
	*out = f;
	if (filter_next(p) == 0)
		return 0;
	filter_free(f);
	*out = NULL;
	return -1;
}

static int filter_take_value(struct filter_parser *p, const char *expected)
{
	if (p->tok != TOK_VALUE)
		return filter_syntax(p, expected);
	return 0;
}

/* src/dst [=] HOST */
static int filter_hostcond(struct filter_parser *p, enum filter_op op,
			   struct filter **out)
{
	struct filter *f;

	if (filter_next(p) < 0)
		return -1;
	if (p->tok == TOK_EQ && filter_next(p) < 0)
		return -1;
	if (filter_take_value(p, "an address after src or dst") < 0)
		return -1;
	f = filter_node(op, NULL, NULL);
	f->host = p->val.host;
	memset(&p->val.host, 0, sizeof(p->val.host));
	return filter_done(p, f, out);
}

static bool filter_is_portop(enum filter_tok t)
{
	return t == TOK_EQ || t == TOK_NE || t == TOK_GE || t == TOK_LE ||
	       t == TOK_GT || t == TOK_LT;
}

/* sport/dport OP PORT: = and != are host conditions, the rest compare. */
static int filter_portcond(struct filter_parser *p, bool local,
			   struct filter **out)
{
	enum filter_tok op = TOK_EQ;
	struct filter *f;

	if (filter_next(p) < 0)
		return -1;
	if (filter_is_portop(p->tok)) {
		op = p->tok;
		if (filter_next(p) < 0)
			return -1;
	}
	if (filter_take_value(p, "a port") < 0)
		return -1;
	if (op == TOK_EQ || op == TOK_NE) {
		f = filter_node(local ? FILTER_SRC : FILTER_DST, NULL, NULL);
		f->host = p->val.host;
		memset(&p->val.host, 0, sizeof(p->val.host));
	} else {
		if (filter_value_single_port(p) < 0)
			return -1;
		f = filter_node(filter_port_op(local, op), NULL, NULL);
		f->port = p->val.host.port;
		if (op == TOK_GT || op == TOK_LT)
			f = filter_node(FILTER_NOT, f, NULL);
	}
	if (op == TOK_NE)
		f = filter_node(FILTER_NOT, f, NULL);
	return filter_done(p, f, out);
}

/* dev, fwmark, cgroup: [= | !=] VALUE */
static int filter_simplecond(struct filter_parser *p, enum filter_op op,
			     struct filter **out)
{
	bool neg = false;
	struct filter *f;

	if (filter_next(p) < 0)
		return -1;
	if (p->tok == TOK_EQ || p->tok == TOK_NE) {
		neg = p->tok == TOK_NE;
		if (filter_next(p) < 0)
			return -1;
	}
	if (filter_take_value(p, op == FILTER_DEV ? "a device" :
			      op == FILTER_MARK ? "a mark" : "a cgroup") < 0)
		return -1;
	f = filter_node(op, NULL, NULL);
	f->ifindex = p->val.ifindex;
	f->mark = p->val.mark;
	f->mask = p->val.mask;
	f->cgroup = p->val.cgroup;
	return filter_done(p, neg ? filter_node(FILTER_NOT, f, NULL) : f, out);
}

static int filter_expr(struct filter_parser *p, struct filter **out)
{
	switch ((int)p->tok) {
	case TOK_LPAREN:
		if (filter_next(p) < 0 || filter_list(p, out) < 0)
			return -1;
		if (p->tok != TOK_RPAREN) {
			filter_free(*out);
			*out = NULL;
			return filter_syntax(p, "\")\"");
		}
		return filter_done(p, *out, out);
	case TOK_NOT:
		if (filter_next(p) < 0 || filter_expr(p, out) < 0)
			return -1;
		*out = filter_node(FILTER_NOT, *out, NULL);
		return 0;
	case TOK_SRC:
		return filter_hostcond(p, FILTER_SRC, out);
	case TOK_DST:
		return filter_hostcond(p, FILTER_DST, out);
	case TOK_SPORT:
		return filter_portcond(p, true, out);
	case TOK_DPORT:
		return filter_portcond(p, false, out);
	case TOK_DEV:
		return filter_simplecond(p, FILTER_DEV, out);
	case TOK_FWMARK:
		return filter_simplecond(p, FILTER_MARK, out);
	case TOK_CGROUP:
		return filter_simplecond(p, FILTER_CGROUP, out);
	case TOK_AUTOBOUND:
		return filter_done(p, filter_node(FILTER_AUTOBOUND, NULL, NULL),
				   out);
	default:
		return filter_syntax(p, "a condition (src, dst, sport, dport, "
				     "dev, fwmark, cgroup, autobound), "
				     "\"not\" or \"(\"");
	}
}

static bool filter_starts_expr(enum filter_tok t)
{
	return t != TOK_END && t != TOK_RPAREN && t != TOK_AND &&
	       t != TOK_OR && !filter_is_portop(t);
}

static int filter_list(struct filter_parser *p, struct filter **out)
{
	struct filter *left = NULL, *right = NULL;

	if (filter_expr(p, &left) < 0)
		return -1;
	for (;;) {
		enum filter_op op = FILTER_AND;

		if (p->tok == TOK_AND || p->tok == TOK_OR) {
			op = p->tok == TOK_OR ? FILTER_OR : FILTER_AND;
			if (filter_next(p) < 0)
				break;
		} else if (!filter_starts_expr(p->tok)) {
			*out = left;
			return 0;
		}
		if (filter_expr(p, &right) < 0)
			break;
		left = filter_node(op, left, right);
	}
	filter_free(left);
	return -1;
}

static void filter_lexer_free(struct filter_lexer *lx)
{
	size_t i;

	for (i = 0; i < lx->nwords; i++)
		free(lx->words[i].text);
	free(lx->words);
}

int filter_parse(const struct filter_input *in, struct filter_env *env,
		 struct filter **out, struct filter_error *err)
{
	struct filter_parser p;
	int i, rc = 0;

	memset(&p, 0, sizeof(p));
	memset(err, 0, sizeof(*err));
	p.env = env;
	p.err = err;
	p.mode = MODE_HOST;
	*out = NULL;
	for (i = 0; i < in->argc; i++)
		filter_lex_text(&p.lx, in->argv[i], NULL, 0);
	if (in->file_text)
		rc = filter_lex_file(&p.lx, in->file_text, in->file_name, err);
	if (rc == 0 && p.lx.nwords > 0) {
		rc = filter_next(&p);
		if (rc == 0)
			rc = filter_list(&p, out);
		if (rc == 0 && p.tok != TOK_END) {
			rc = filter_syntax(&p, "\"and\", \"or\" or the end of "
					   "the filter");
			filter_free(*out);
			*out = NULL;
		}
	}
	filter_value_free(&p.val);
	filter_lexer_free(&p.lx);
	return rc;
}

void filter_free(struct filter *f)
{
	if (!f)
		return;
	filter_free(f->a);
	filter_free(f->b);
	filter_host_free(&f->host);
	free(f);
}

unsigned int filter_needs(const struct filter *f)
{
	if (!f)
		return 0;
	if (f->op == FILTER_MARK)
		return FILTER_NEEDS_MARK;
	if (f->op == FILTER_CGROUP)
		return FILTER_NEEDS_CGROUP;
	return filter_needs(f->a) | filter_needs(f->b);
}
