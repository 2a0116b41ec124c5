/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * inet host conditions: "[v6]:port", "v4/len:port", "*:port", host names.
 * IPv4 is read as ss reads it: one to four parts, each a C number up to 255,
 * the missing parts zero on the right (127.1 is 127.1.0.0). The port is
 * after the last ':' that follows any '/'.
 */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "filter-impl.h"
#include "xalloc.h"

static int filter_ipv4(const char *s, uint8_t *out)
{
	int i;

	memset(out, 0, 4);
	for (i = 0; i < 4; i++) {
		char *end;
		unsigned long n;

		if (!isdigit((unsigned char)*s))
			return -1;
		n = strtoul(s, &end, 0);
		if (n > 255)
			return -1;
		out[i] = (uint8_t)n;
		if (*end == '\0')
			return 0;
		if (i == 3 || *end != '.')
			return -1;
		s = end + 1;
	}
	return -1;
}

/* A prefix length: a number, or for IPv4 a netmask such as 255.255.0.0. */
static int filter_prefix_len(const char *s, int family, int *len)
{
	int max = family == AF_INET ? 32 : 128, bits = 0;
	uint8_t m[4];
	char *end;
	unsigned long v;
	uint32_t mask;

	if (isdigit((unsigned char)*s)) {
		v = strtoul(s, &end, 0);
		if (*end == '\0') {
			*len = v <= (unsigned long)max ? (int)v : -2;
			return *len >= 0 ? 0 : -2;
		}
	}
	if (family != AF_INET || filter_ipv4(s, m) < 0)
		return -1;
	mask = (uint32_t)m[0] << 24 | (uint32_t)m[1] << 16 |
	       (uint32_t)m[2] << 8 | m[3];
	while (mask & 0x80000000u) {
		bits++;
		mask <<= 1;
	}
	if (mask)
		return -1;
	*len = bits;
	return 0;
}

/* An address literal with an optional /len; -2: the length is too big. */
static int filter_inet_literal(const char *text, int fam,
			       struct filter_addr *a)
{
	char *s = xstrdup(text), *slash = strchr(s, '/');
	int rc = 0;

	if (slash)
		*slash++ = '\0';
	if (fam == AF_INET6 || (fam != AF_INET && strchr(s, ':'))) {
		a->family = AF_INET6;
		if (inet_pton(AF_INET6, s, a->addr) != 1)
			rc = -1;
	} else {
		a->family = AF_INET;
		if (filter_ipv4(s, a->addr) < 0)
			rc = -1;
	}
	a->prefix_len = a->family == AF_INET ? 32 : 128;
	if (rc == 0 && slash)
		rc = filter_prefix_len(slash, a->family, &a->prefix_len);
	free(s);
	return rc;
}

/* Every address of a host name, IPv4 first, as ss asks for them. */
static int filter_inet_name(const char *name, int fam, struct filter_host *h)
{
	static const int order[2] = { AF_INET, AF_INET6 };
	struct addrinfo hints, *res, *ai;
	struct filter_addr *a;
	int i, found = 0;

	for (i = 0; i < 2; i++) {
		if (fam != AF_UNSPEC && fam != order[i])
			continue;
		memset(&hints, 0, sizeof(hints));
		hints.ai_family = order[i];
		hints.ai_socktype = SOCK_STREAM;
		if (getaddrinfo(name, NULL, &hints, &res) != 0)
			continue;
		for (ai = res; ai; ai = ai->ai_next) {
			a = filter_addr_new(h, order[i]);
			a->prefix_len = order[i] == AF_INET ? 32 : 128;
			if (order[i] == AF_INET)
				memcpy(a->addr, &((struct sockaddr_in *)
					(void *)ai->ai_addr)->sin_addr, 4);
			else
				memcpy(a->addr, &((struct sockaddr_in6 *)
					(void *)ai->ai_addr)->sin6_addr, 16);
			found = 1;
		}
		freeaddrinfo(res);
	}
	return found ? 0 : -1;
}

static int filter_inet_address(struct filter_parser *p, const char *s,
			       int fam, struct filter_host *h)
{
	struct filter_addr tmp;
	int rc;

	if (!*s || strcmp(s, "*") == 0)
		return 0;
	if (strcmp(s, "any") == 0 || strcmp(s, "all") == 0 ||
	    strcmp(s, "default") == 0) {
		filter_addr_new(h, fam);
		return 0;
	}
	memset(&tmp, 0, sizeof(tmp));
	rc = filter_inet_literal(s, fam, &tmp);
	if (rc == 0) {
		struct filter_addr *a = filter_addr_new(h, tmp.family);

		a->prefix_len = tmp.prefix_len;
		memcpy(a->addr, tmp.addr, sizeof(a->addr));
		return 0;
	}
	if (rc == -2)
		return filter_error_set(p->err, FILTER_EXIT_FAIL,
			"filter: \"%s\" (%s): the prefix length is out of "
			"range (0-%d)", p->word->text, p->word->where,
			tmp.family == AF_INET ? 32 : 128);
	if (filter_inet_name(s, fam, h) == 0)
		return 0;
	return filter_error_set(p->err, FILTER_EXIT_FAIL,
		"filter: \"%s\" (%s) is not a host, address or keyword",
		s, p->word->where);
}

/* ADDRESS[:PORT], [ADDRESS]:PORT, or in port mode [:]PORT. */
int filter_inet_value(struct filter_parser *p, char *s, int fam, bool is_port)
{
	struct filter_host *h = &p->val.host;
	char *port = NULL;

	if (is_port)
		return filter_port(p, s[0] == ':' ? s + 1 : s, h);
	if (s[0] == '[') {
		char *close = strchr(++s, ']');

		if (!close || (close[1] && close[1] != ':'))
			return filter_error_set(p->err, FILTER_EXIT_FAIL,
				"filter: \"%s\" (%s) is not a host, address "
				"or keyword", p->word->text, p->word->where);
		*close = '\0';
		port = close[1] ? close + 2 : NULL;
	} else {
		char *slash = strchr(s, '/');

		port = strrchr(slash ? slash : s, ':');
		if (port)
			*port++ = '\0';
	}
	if (port && filter_port(p, port, h) < 0)
		return -1;
	return filter_inet_address(p, s, fam, h);
}
