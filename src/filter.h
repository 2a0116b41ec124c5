/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss's filter language: the expression tree, its parser, the evaluator that
 * checks one socket record, and the compiler to inet_diag bytecode.
 *
 * The grammar is ss 6.1's, including its precedence (and/or are equal and
 * associate left to right) and its sticky value modes (a word is a host,
 * a port, a device, a mark or a cgroup depending on the last keyword).
 */
#ifndef LSOCK_FILTER_H
#define LSOCK_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sock.h"

struct resolver;

enum filter_op {
	FILTER_AND,
	FILTER_OR,
	FILTER_NOT,
	FILTER_SRC,		/* host condition on the local end */
	FILTER_DST,		/* host condition on the remote end */
	FILTER_SPORT_GE,	/* port comparisons: local end */
	FILTER_SPORT_LE,
	FILTER_DPORT_GE,	/* remote end */
	FILTER_DPORT_LE,
	FILTER_DEV,
	FILTER_MARK,
	FILTER_CGROUP,
	FILTER_AUTOBOUND,
};

/* A port range; ss's own syntax only makes lo == hi. */
struct filter_range {
	int lo, hi;
};

/*
 * One address of a host condition. family is AF_INET/AF_INET6 (a prefix of
 * the first prefix_len bits of addr), AF_UNIX (pattern), AF_PACKET and
 * AF_NETLINK (addr holds the protocol as a host-order u32 when prefix_len is
 * 32), AF_VSOCK (the CID), or AF_UNSPEC (any address).
 */
struct filter_addr {
	int family;
	int prefix_len;
	uint8_t addr[16];
	char *pattern;		/* unix: fnmatch pattern */
	struct filter_addr *next;	/* more addresses of a host name */
};

/* A host condition: addresses (OR-ed) and a port. */
struct filter_host {
	struct filter_addr *addrs;
	int port;		/* -1: any */
	struct filter_range *ranges;	/* lsock's extension, or NULL */
	size_t nranges;
};

struct filter {
	enum filter_op op;
	struct filter *a, *b;	/* operands of and/or/not */
	struct filter_host host;	/* src, dst */
	int port;		/* port comparisons */
	uint32_t ifindex;	/* dev */
	uint32_t mark, mask;	/* fwmark */
	uint64_t cgroup;	/* cgroup id */
};

/* What a filter needs to know from the rest of the command line. */
struct filter_env {
	int preferred_family;	/* ss's last family option */
	uint32_t dbs;		/* selected tables (service name protocols) */
	uint64_t families;	/* in: selected; out: reset by FAMILY: */
	bool families_reset;	/* a FAMILY: prefix changed families */
	struct resolver *res;	/* netlink protocol and interface names */
};

/* A parse error: the exit code ss uses and one line to print. */
struct filter_error {
	int code;
	char msg[512];
};

/* The words of a filter, with where each came from. */
struct filter_input {
	int argc;
	char **argv;
	const char *file_text;	/* -F: the file's contents, or NULL */
	const char *file_name;
};

/*
 * Parses the filter; *out is NULL for an empty filter. Returns 0, or -1 with
 * err filled.
 */
int filter_parse(const struct filter_input *in, struct filter_env *env,
		 struct filter **out, struct filter_error *err);
void filter_free(struct filter *f);

/* Fields a filter reads that some sources do not have. */
#define FILTER_NEEDS_MARK	0x01
#define FILTER_NEEDS_CGROUP	0x02
unsigned int filter_needs(const struct filter *f);

/* Evaluation context: what a socket alone does not say. */
struct filter_ctx {
	int eph_min, eph_max;	/* ip_local_port_range */
	unsigned int missing;	/* out: FILTER_NEEDS_* a socket lacked */
};

bool filter_match(const struct filter *f, const struct lsock_sock *sk,
		  struct filter_ctx *ctx);

/*
 * inet_diag bytecode for the filter, or -ENOTSUP when some part cannot be
 * expressed (the kernel then sends everything and lsock filters alone).
 * The program is malloc()ed into *code.
 */
int filter_compile(const struct filter *f, uint8_t **code, size_t *len);
/*
 * The local and remote port every socket the filter matches must have, if
 * the filter says so (a top-level "and" of conditions, one of them
 * "sport = :N" or "dport = :N"); 0 when it does not. An inet_diag dump
 * request carrying them in its id lets the kernel pass over other sockets
 * before it fills or filters them.
 */
void filter_port_hints(const struct filter *f, uint16_t *sport,
		       uint16_t *dport);

#endif /* LSOCK_FILTER_H */
