/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss -s. The parsers are pure and reproduce how ss 6.1 reads the files:
 * sockstat in pieces of at most 255 bytes and snmp in pieces of at most
 * 1023 (a longer line is read as several), each piece a C string that ends
 * at its first NUL byte; words and numbers scanned like scanf's %s and %d
 * (numbers out of range saturate at the limits of a long and are then cut
 * to an int); sums computed in 32 bits and allowed to wrap.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ss-summary.h"
#include "xalloc.h"

#define SS_SUMMARY_SOCKSTAT_LINE	256	/* ss's buffers, NUL included */
#define SS_SUMMARY_SNMP_LINE		1024
#define SS_SUMMARY_MAX_FILE		(1u << 20)

void ss_summary_init(struct ss_summary *s)
{
	memset(s, 0, sizeof(*s));
}

/*
 * The next piece of buf the way fgets() with a buffer of size bytes reads
 * it: up to and including a newline, at most size - 1 bytes. false at the
 * end of the data.
 */
static bool ss_summary_piece(const char *buf, size_t len, size_t *off,
			     char *line, size_t size)
{
	size_t n = 0;

	if (*off >= len)
		return false;
	while (n < size - 1 && *off < len) {
		char c = buf[(*off)++];

		line[n++] = c;
		if (c == '\n')
			break;
	}
	line[n] = '\0';
	return true;
}

/* scanf's white space, in the C locale */
static bool ss_summary_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	       c == '\r';
}

static const char *ss_summary_skip_space(const char *p)
{
	while (*p && ss_summary_space(*p))
		p++;
	return p;
}

/* %s: a word after optional white space; NULL when there is none. */
static const char *ss_summary_word(const char *p, const char **start,
				   size_t *len)
{
	p = ss_summary_skip_space(p);
	*start = p;
	while (*p && !ss_summary_space(*p))
		p++;
	*len = (size_t)(p - *start);
	return *len ? p : NULL;
}

/* The magnitude of a digit run, saturated above what a long can hold. */
static unsigned long long ss_summary_digits(const char **pp)
{
	const unsigned long long cap = (unsigned long long)LONG_MAX + 1;
	unsigned long long v = 0;
	const char *p = *pp;

	for (; *p >= '0' && *p <= '9'; p++) {
		unsigned int d = (unsigned int)(*p - '0');

		v = v > (cap - d) / 10 ? cap + 1 : v * 10 + d;
	}
	*pp = p;
	return v;
}

/*
 * %d: an optional sign and at least one digit after optional white space;
 * NULL when there is no number. Like glibc, the value is clamped to a long,
 * then converted to int (keeping the low 32 bits).
 */
static const char *ss_summary_int(const char *p, int *out)
{
	const unsigned long long lmax = (unsigned long long)LONG_MAX;
	bool neg = false;
	unsigned long long mag;
	long v;

	p = ss_summary_skip_space(p);
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (*p < '0' || *p > '9')
		return NULL;
	mag = ss_summary_digits(&p);
	if (neg)
		v = mag > lmax ? LONG_MIN : -(long)mag;
	else
		v = mag > lmax ? LONG_MAX : (long)mag;
	*out = (int)(unsigned int)(unsigned long)v;
	return p;
}

/* What each sockstat line fills: after each counter's name, its value. */
static const struct ss_summary_key {
	const char *id;
	unsigned int n;
	enum ss_summary_counter c[5];
} ss_summary_keys[] = {
	{ "sockets:", 1, { SS_SUM_SOCKETS } },
	{ "UDP:", 1, { SS_SUM_UDP4 } },
	{ "UDP6:", 1, { SS_SUM_UDP6 } },
	{ "RAW:", 1, { SS_SUM_RAW4 } },
	{ "RAW6:", 1, { SS_SUM_RAW6 } },
	{ "TCP6:", 1, { SS_SUM_TCP6 } },
	{ "FRAG:", 2, { SS_SUM_FRAG4, SS_SUM_FRAG4_MEM } },
	{ "FRAG6:", 2, { SS_SUM_FRAG6, SS_SUM_FRAG6_MEM } },
	{ "TCP:", 5, { SS_SUM_TCP4, SS_SUM_TCP_ORPHAN, SS_SUM_TCP_TW,
		       SS_SUM_TCP_ALLOC, SS_SUM_TCP_MEM } },
};

static const struct ss_summary_key *ss_summary_key(const char *id, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(ss_summary_keys) / sizeof(ss_summary_keys[0]);
	     i++)
		if (strlen(ss_summary_keys[i].id) == len &&
		    memcmp(ss_summary_keys[i].id, id, len) == 0)
			return &ss_summary_keys[i];
	return NULL;
}

/*
 * One piece: ID, white space, REST. ID is everything before the first
 * space character (a tab or a newline belongs to it) and is not empty;
 * REST is not empty. Each counter the ID has is read from REST as a word
 * (its name, not checked) then a number, in order, until one is missing.
 */
static void ss_summary_sockstat_line(struct ss_summary *s, const char *line)
{
	const struct ss_summary_key *k;
	const char *w, *p;
	size_t len = strcspn(line, " ");
	unsigned int i;

	if (len == 0)
		return;
	k = ss_summary_key(line, len);
	p = ss_summary_skip_space(line + len);
	if (*p == '\0')
		return;
	for (i = 0; k && i < k->n; i++) {
		p = ss_summary_word(p, &w, &len);
		if (!p)
			return;
		p = ss_summary_int(p, &s->v[k->c[i]]);
		if (!p)
			return;
	}
}

void ss_summary_parse_sockstat(struct ss_summary *s, const char *buf,
			       size_t len)
{
	char line[SS_SUMMARY_SOCKSTAT_LINE];
	size_t off = 0;

	while (ss_summary_piece(buf, len, &off, line, sizeof(line)))
		ss_summary_sockstat_line(s, line);
}

/*
 * Where key stands in a header line: the number of spaces up to the one
 * before it, which must be followed by a space or a newline. Without the
 * key, the number of spaces in the line (ss then reads that column).
 */
static int ss_summary_key_pos(const char *line, const char *key)
{
	size_t klen = strlen(key);
	const char *p = line;
	int pos = 0;

	while ((p = strchr(p, ' ')) != NULL) {
		pos++;
		p++;
		if (strncmp(p, key, klen) == 0 &&
		    (p[klen] == ' ' || p[klen] == '\n'))
			break;
	}
	return pos;
}

/* The number after the pos-th space of a value line; false if no such space. */
static bool ss_summary_column(const char *line, int pos, int *out)
{
	const char *p = line;

	while ((p = strchr(p, ' ')) != NULL) {
		p++;
		if (--pos == 0) {
			ss_summary_int(p, out);
			return true;
		}
	}
	return false;
}

int ss_summary_parse_snmp(const char *buf, size_t len, int *estab)
{
	char head[SS_SUMMARY_SNMP_LINE], vals[SS_SUMMARY_SNMP_LINE];
	size_t off = 0;

	*estab = 0;
	while (ss_summary_piece(buf, len, &off, head, sizeof(head))) {
		int pos;

		if (strncmp(head, "Tcp:", 4) != 0)
			continue;
		pos = ss_summary_key_pos(head, "CurrEstab");
		if (!ss_summary_piece(buf, len, &off, vals, sizeof(vals)) ||
		    strncmp(vals, "Tcp:", 4) != 0)
			return -ESRCH;
		if (ss_summary_column(vals, pos, estab))
			return 0;
	}
	return -ESRCH;
}

/* ss adds and subtracts in int; these wrap the way its build does. */
static int ss_summary_add(int a, int b)
{
	return (int)((unsigned int)a + (unsigned int)b);
}

static int ss_summary_sub(int a, int b)
{
	return (int)((unsigned int)a - (unsigned int)b);
}

static void ss_summary_row(struct output *out, const char *name, int v4,
			   int v6)
{
	output_printf(out, "%s\t  %-9d %-9d %-9d\n", name,
		      ss_summary_add(v4, v6), v4, v6);
}

void ss_summary_print(const struct ss_summary *s, struct output *out)
{
	const int *v = s->v;
	int tcp_hashed = ss_summary_add(v[SS_SUM_TCP4], v[SS_SUM_TCP6]);
	int inet4 = ss_summary_add(ss_summary_add(v[SS_SUM_RAW4],
				   v[SS_SUM_UDP4]), v[SS_SUM_TCP4]);
	int inet6 = ss_summary_add(ss_summary_add(v[SS_SUM_RAW6],
				   v[SS_SUM_UDP6]), v[SS_SUM_TCP6]);

	output_printf(out, "Total: %d\n", v[SS_SUM_SOCKETS]);
	output_printf(out, "TCP:   %d (estab %d, closed %d, orphaned %d, "
		      "timewait %d)\n",
		      ss_summary_add(v[SS_SUM_TCP_ALLOC], v[SS_SUM_TCP_TW]),
		      v[SS_SUM_TCP_ESTAB],
		      ss_summary_sub(v[SS_SUM_TCP_ALLOC],
				     ss_summary_sub(tcp_hashed,
						    v[SS_SUM_TCP_TW])),
		      v[SS_SUM_TCP_ORPHAN], v[SS_SUM_TCP_TW]);
	output_str(out, "\nTransport Total     IP        IPv6\n");
	ss_summary_row(out, "RAW", v[SS_SUM_RAW4], v[SS_SUM_RAW6]);
	ss_summary_row(out, "UDP", v[SS_SUM_UDP4], v[SS_SUM_UDP6]);
	ss_summary_row(out, "TCP", v[SS_SUM_TCP4], v[SS_SUM_TCP6]);
	ss_summary_row(out, "INET", inet4, inet6);
	ss_summary_row(out, "FRAG", v[SS_SUM_FRAG4], v[SS_SUM_FRAG6]);
	output_str(out, "\n");
}

/* ---- reading the files ---------------------------------------------- */

static void ss_summary_warn(const struct lsock_source *src, const char *path,
			    const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void ss_summary_warn(const struct lsock_source *src, const char *path,
			    const char *fmt, ...)
{
	char what[256];
	va_list ap;

	if (!src->warn)
		return;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	src->warn(src->warn_arg, path, 0, what);
}

/*
 * Up to SS_SUMMARY_MAX_FILE bytes of fd. A read error ends the data there,
 * as it ends ss's fgets() loop; it is returned as a negative errno.
 */
static int ss_summary_read(int fd, char **buf, size_t *len)
{
	size_t cap = 4096;
	int rc = 0;

	*buf = xmalloc(cap);
	*len = 0;
	while (*len < SS_SUMMARY_MAX_FILE) {
		ssize_t n;

		if (*len == cap)
			*buf = xreallocarray(*buf, cap *= 2, 1);
		n = read(fd, *buf + *len, cap - *len);	/* cap <= the limit */
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = n < 0 ? -errno : 0;
			break;
		}
		*len += (size_t)n;
	}
	return rc;
}

/*
 * One file into *buf: -errno (and no data) when it cannot be opened;
 * otherwise whatever could be read, recorded for --record, and 0, or 1
 * after a read error (already reported).
 */
static int ss_summary_load(const struct lsock_source *src,
			   enum lsock_procfile pf, const char *path,
			   char **buf, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -errno;
	rc = ss_summary_read(fd, buf, len);
	close(fd);
	if (rc < 0)
		ss_summary_warn(src, path, "read failed (%s); the summary may "
				"be incomplete", strerror(-rc));
	else if (*len >= SS_SUMMARY_MAX_FILE)
		ss_summary_warn(src, path, "longer than %u bytes; the summary "
				"read only the beginning", SS_SUMMARY_MAX_FILE);
	if (src->record)
		src->record->proc_data(src->record->arg,
				       backend_procfile_name(pf), *buf, *len);
	return rc < 0;
}

/* A sockstat file; returns -errno when it cannot be opened. */
static int ss_summary_sockstat(const struct lsock_source *src,
			       enum lsock_procfile pf, struct ss_summary *s)
{
	char *path = backend_procfile_path(src, pf), *buf;
	size_t len;
	int rc = ss_summary_load(src, pf, path, &buf, &len);

	if (rc >= 0) {
		ss_summary_parse_sockstat(s, buf, len);
		free(buf);
	} else if (pf == LSOCK_PF_SOCKSTAT) {
		ss_summary_warn(src, path, "%s; the summary shows 0 sockets",
				strerror(-rc));
	} else if (rc != -ENOENT) {
		/* a system without IPv6 has no sockstat6: that is no news */
		ss_summary_warn(src, path, "%s; the summary shows 0 IPv6 "
				"sockets", strerror(-rc));
	}
	free(path);
	return rc < 0 ? rc : 0;
}

static void ss_summary_snmp(const struct lsock_source *src,
			    struct ss_summary *s)
{
	char *path = backend_procfile_path(src, LSOCK_PF_SNMP), *buf;
	size_t len;
	int rc = ss_summary_load(src, LSOCK_PF_SNMP, path, &buf, &len);

	if (rc < 0) {
		ss_summary_warn(src, path, "%s; the summary shows 0 "
				"established TCP connections", strerror(-rc));
	} else {
		/* after a read error, that one message is enough */
		if (ss_summary_parse_snmp(buf, len, &s->v[SS_SUM_TCP_ESTAB]) < 0 &&
		    rc == 0)
			ss_summary_warn(src, path, "no Tcp: CurrEstab counter; "
					"the summary shows 0 established TCP "
					"connections");
		free(buf);
	}
	free(path);
}

void ss_summary_show(const struct lsock_source *src, struct output *out)
{
	struct ss_summary s;

	ss_summary_init(&s);
	/* as in ss, sockstat6 is read only when sockstat could be opened */
	if (ss_summary_sockstat(src, LSOCK_PF_SOCKSTAT, &s) == 0)
		ss_summary_sockstat(src, LSOCK_PF_SOCKSTAT6, &s);
	ss_summary_snmp(src, &s);
	ss_summary_print(&s, out);
}
