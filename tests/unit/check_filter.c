/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The filter language: the parser on valid and invalid expressions (each
 * invalid one with its exact message and exit code), the evaluator on
 * hand-made sockets, and the bytecode compiler, whose programs are run by a
 * small model of the kernel's inet_diag_bc_run and must agree with the
 * evaluator on every sample socket.
 */
#include "config.h"

#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "filter.h"
#include "resolve.h"
#include "check-run.h"

#define DBM(x)	LSOCK_DBM(LSOCK_DB_##x)

static struct resolver res;

static int parse(const char *text, int preferred, struct filter **f,
		 struct filter_error *err, struct filter_env *env_out)
{
	char *copy = strdup(text);
	char *argv[1] = { copy };
	struct filter_input in = { 1, argv, NULL, NULL };
	struct filter_env env;
	int rc;

	memset(&env, 0, sizeof(env));
	env.preferred_family = preferred;
	env.dbs = DBM(TCP) | DBM(UDP);
	env.families = ~0ull;
	env.res = &res;
	rc = filter_parse(&in, &env, f, err);
	if (env_out)
		*env_out = env;
	free(copy);
	return rc;
}

/* ---- sample sockets ------------------------------------------------------ */

static struct lsock_sock inet4(const char *l, int lport, const char *r,
			       int rport, int state)
{
	struct lsock_sock sk;

	memset(&sk, 0, sizeof(sk));
	sk.family = AF_INET;
	sk.protocol = 6;
	sk.state = (uint8_t)state;
	inet_pton(AF_INET, l, sk.local);
	inet_pton(AF_INET, r, sk.remote);
	sk.lport = lport;
	sk.rport = rport;
	sk.flags = LSOCK_SKF_HAVE_MARK | LSOCK_SKF_HAVE_CGROUP;
	return sk;
}

static struct lsock_sock inet6(const char *l, int lport, const char *r,
			       int rport, int state)
{
	struct lsock_sock sk = inet4("0.0.0.0", lport, "0.0.0.0", rport, state);

	sk.family = AF_INET6;
	inet_pton(AF_INET6, l, sk.local);
	inet_pton(AF_INET6, r, sk.remote);
	return sk;
}

#define NSAMPLES 8
static struct lsock_sock samples[NSAMPLES];

static void make_samples(void)
{
	samples[0] = inet4("127.0.0.1", 22, "0.0.0.0", 0, LSOCK_SS_LISTEN);
	samples[1] = inet4("127.0.0.1", 40000, "127.0.0.1", 22,
			   LSOCK_SS_ESTABLISHED);
	samples[2] = inet4("10.1.2.3", 443, "192.0.2.7", 51000,
			   LSOCK_SS_ESTABLISHED);
	samples[2].iface = 2;
	samples[2].mark = 0x12;
	samples[2].cgroup = 42;
	samples[3] = inet6("::1", 5001, "::1", 40001, LSOCK_SS_ESTABLISHED);
	samples[4] = inet6("::", 80, "::", 0, LSOCK_SS_LISTEN);
	samples[5] = inet6("::ffff:127.0.0.1", 8080, "::ffff:10.9.8.7", 1234,
			   LSOCK_SS_ESTABLISHED);
	samples[6] = inet6("2001:db8::5", 8000, "2001:db8:1::9", 65535,
			   LSOCK_SS_TIME_WAIT);
	samples[6].flags = 0;
	samples[7] = inet4("192.0.2.1", 8100, "198.51.100.2", 8099,
			   LSOCK_SS_SYN_SENT);
	samples[7].iface = 1;
}

/* ---- a model of the kernel's bytecode interpreter -------------------------- */

static int model_bits(const uint8_t *a, const uint8_t *b, int bits)
{
	int bytes = bits / 8, rest = bits % 8;

	if (memcmp(a, b, (size_t)bytes))
		return 0;
	return !rest || !((a[bytes] ^ b[bytes]) & (0xff << (8 - rest)));
}

static int model_cond(const uint8_t *op, const struct lsock_sock *sk, int src)
{
	static const uint8_t mapped[12] = { [10] = 0xff, [11] = 0xff };
	int family = op[4], plen = op[5], port;
	const uint8_t *addr = src ? sk->local : sk->remote;

	memcpy(&port, op + 8, sizeof(port));
	if (port != -1 && port != (src ? sk->lport : sk->rport))
		return 0;
	if (family != AF_UNSPEC && family != sk->family) {
		if (sk->family == AF_INET6 && family == AF_INET &&
		    !memcmp(addr, mapped, 12))
			return model_bits(addr + 12, op + 12, plen);
		return 0;
	}
	return plen == 0 || model_bits(addr, op + 12, plen);
}

static int model_op(const uint8_t *op, const struct lsock_sock *sk)
{
	uint16_t arg;
	uint32_t u[2];
	uint64_t id;

	if (op[0] >= 2 && op[0] <= 5)
		memcpy(&arg, op + 6, sizeof(arg));	/* the second op's "no" */
	else
		arg = 0;
	switch (op[0]) {
	case 0: return 1;
	case 1: return 0;
	case 2: return sk->lport >= arg;
	case 3: return sk->lport <= arg;
	case 4: return sk->rport >= arg;
	case 5: return sk->rport <= arg;
	case 7: return model_cond(op, sk, 1);
	case 8: return model_cond(op, sk, 0);
	case 9:
		memcpy(u, op + 4, 4);
		return sk->iface == u[0];
	case 10:
		memcpy(u, op + 4, 8);
		return (sk->mark & u[1]) == u[0];
	case 13:
		memcpy(&id, op + 4, 8);
		return sk->cgroup == id;
	default:
		ck_abort_msg("op %d in a program", op[0]);
		return 0;
	}
}

static int model_run(const uint8_t *bc, size_t len, const struct lsock_sock *sk)
{
	long rest = (long)len;
	const uint8_t *p = bc;

	while (rest > 0) {
		uint16_t no;
		int yes = p[1];

		memcpy(&no, p + 2, sizeof(no));
		ck_assert_msg(yes >= 4 && yes % 4 == 0, "bad yes %d", yes);
		if (model_op(p, sk)) {
			p += yes;
			rest -= yes;
		} else {
			ck_assert_msg(no % 4 == 0 && no <= rest + 4, "bad no");
			p += no;
			rest -= no;
		}
	}
	return rest == 0;
}

/* ---- valid expressions --------------------------------------------------- */

static const char *const valid[] = {
	"dst 127.0.0.1", "src 127.0.0.1", "dst = 127.0.0.1", "src == 10.1.2.3",
	"dst eq 192.0.2.7", "dst 127.0.0.1:22", "src 127.0.0.1/8",
	"src 10.0.0.0/255.0.0.0", "src 127.1/16", "src 0x7f.0.0.1",
	"src 10.1.2.3/32:443", "dst *:22", "src *", "dst [::1]",
	"dst [::1]:40001", "src [2001:db8::/32]", "src [2001:db8::/32]:8000",
	"src [::ffff:127.0.0.1]", "src any", "dst default", "src inet:127.0.0.1",
	"dst inet6:[::1]", "sport = :22", "sport = 22", "sport == :22",
	"sport eq :ssh", "dport != :22", "dport ne :22", "dport neq 22",
	"sport > :1024", "sport gt :1024", "sport < :1024", "sport lt 1024",
	"sport >= :443", "sport ge :443", "sport geq :443", "dport <= :100",
	"dport le :100", "dport leq :100", "sport = :0x16", "sport = *",
	"sport = :8000-8100", "dport = {80,443,8080}", "dport = {http,8000-8100}",
	"sport = :http-alt", "not sport = :22", "! sport = :22",
	"( sport = :22 )", "( sport = :22 or dport = :22 )",
	"sport = :22 or sport = :443 and dport = :51000",
	"sport = :22 and dport = :0 or sport = :443",
	"src 127.0.0.1 dport = :22", "sport = :22 & dport = :0",
	"sport = :22 && dport = :0", "sport = :22 | dport = :22",
	"sport = :22 || dport = :22", "not ( sport = :22 or sport = :443 )",
	"( ( sport = :22 ) )", "dev 1", "dev = 2", "dev != 1", "fwmark 0x12",
	"fwmark = 0x10/0xf0", "fwmark != 0", "autobound", "not autobound",
	"src unix:/tmp/*", "src unix:@*", "dst unix:*", "src link:ip",
	"src link:*:1", "src netlink:rtnl", "src netlink:rtnl:kernel",
	"src netlink:4:*", "src vsock:2:1024", "sport = \\:22",
};

START_TEST(test_parse_valid)
{
	struct filter_error err;
	struct filter *f = NULL;

	err.msg[0] = '\0';
	ck_assert_msg(parse(valid[_i], AF_UNSPEC, &f, &err, NULL) == 0,
		      "\"%s\": %s", valid[_i], err.msg);
	ck_assert_ptr_nonnull(f);
	filter_free(f);
}
END_TEST

/* The compiled program agrees with the evaluator on every sample. */
START_TEST(test_bc_agrees)
{
	struct filter_error err;
	struct filter_ctx ctx = { 32768, 60999, 0 };
	struct filter *f = NULL;
	uint8_t *bc = NULL;
	size_t len = 0, i;

	ck_assert_int_eq(parse(valid[_i], AF_UNSPEC, &f, &err, NULL), 0);
	if (strstr(valid[_i], "autobound") || filter_compile(f, &bc, &len)) {
		filter_free(f);
		return;	/* autobound: the kernel knows more than lsock */
	}
	for (i = 0; i < NSAMPLES; i++)
		ck_assert_msg(model_run(bc, len, &samples[i]) ==
			      filter_match(f, &samples[i], &ctx),
			      "\"%s\" on sample %zu", valid[_i], i);
	free(bc);
	filter_free(f);
}
END_TEST

/* ---- invalid expressions, with their exact messages ------------------------ */

struct bad {
	const char *text;
	int code;
	const char *msg;
};

static const struct bad invalid[] = {
	{ "127.0.0.1", 255, "filter: unexpected \"127.0.0.1\" (filter word 1), expected a condition (src, dst, sport, dport, dev, fwmark, cgroup, autobound), \"not\" or \"(\"" },
	{ "foo.invalid", 1, "filter: \"foo.invalid\" (filter word 1) is not a host, address or keyword" },
	{ "dst != 1.2.3.4", 255, "filter: unexpected \"!=\" (filter word 2), expected an address after src or dst" },
	{ "src ne 1.2.3.4", 255, "filter: unexpected \"ne\" (filter word 2), expected an address after src or dst" },
	{ "sport = :ssh or 10.0.0.1", 1, "filter: \"10.0.0.1\" (filter word 5) is not a port (a number, a service name, *, or a range such as 8000-8100 or {80,443})" },
	{ "dst 1.2.3.4 )", 255, "filter: unexpected \")\" (filter word 3), expected \"and\", \"or\" or the end of the filter" },
	{ "( dst 1.2.3.4", 255, "filter: the filter ends after \"1.2.3.4\" (filter word 3), expected \")\"" },
	{ "( )", 255, "filter: unexpected \")\" (filter word 2), expected a condition (src, dst, sport, dport, dev, fwmark, cgroup, autobound), \"not\" or \"(\"" },
	{ "dst", 255, "filter: the filter ends after \"dst\" (filter word 1), expected an address after src or dst" },
	{ "sport", 255, "filter: the filter ends after \"sport\" (filter word 1), expected a port" },
	{ "sport =", 255, "filter: the filter ends after \"=\" (filter word 2), expected a port" },
	{ "sport = = :22", 255, "filter: unexpected \"=\" (filter word 3), expected a port" },
	{ "dst 1.2.3.4 and", 255, "filter: the filter ends after \"and\" (filter word 3), expected a condition (src, dst, sport, dport, dev, fwmark, cgroup, autobound), \"not\" or \"(\"" },
	{ "dst 1.2.3.4 or", 255, "filter: the filter ends after \"or\" (filter word 3), expected a condition (src, dst, sport, dport, dev, fwmark, cgroup, autobound), \"not\" or \"(\"" },
	{ "not", 255, "filter: the filter ends after \"not\" (filter word 1), expected a condition (src, dst, sport, dport, dev, fwmark, cgroup, autobound), \"not\" or \"(\"" },
	{ "and dst 1.2.3.4", 255, "filter: unexpected \"and\" (filter word 1), expected a condition (src, dst, sport, dport, dev, fwmark, cgroup, autobound), \"not\" or \"(\"" },
	{ "or", 255, "filter: unexpected \"or\" (filter word 1), expected a condition (src, dst, sport, dport, dev, fwmark, cgroup, autobound), \"not\" or \"(\"" },
	{ "= :22", 255, "filter: unexpected \"=\" (filter word 1), expected a condition (src, dst, sport, dport, dev, fwmark, cgroup, autobound), \"not\" or \"(\"" },
	{ "sport = :8000-8100x", 1, "filter: \"8000-8100x\" (filter word 3) is not a port (a number, a service name, *, or a range such as 8000-8100 or {80,443})" },
	{ "sport = :9000-8000", 1, "filter: \"9000-8000\" (filter word 3) is not a port (a number, a service name, *, or a range such as 8000-8100 or {80,443})" },
	{ "sport = :1-70000", 1, "filter: \"1-70000\" (filter word 3) is not a port (a number, a service name, *, or a range such as 8000-8100 or {80,443})" },
	{ "dport = {80,nosuchsvc}", 1, "filter: \"{80,nosuchsvc}\" (filter word 3) is not a port (a number, a service name, *, or a range such as 8000-8100 or {80,443})" },
	{ "sport = :nosuchservice", 1, "filter: \"nosuchservice\" (filter word 3) is not a port (a number, a service name, *, or a range such as 8000-8100 or {80,443})" },
	{ "dst ::1", 1, "filter: \":\" (filter word 2) is not a host, address or keyword" },
	{ "dst 127.0.0.1/33", 1, "filter: \"127.0.0.1/33\" (filter word 2): the prefix length is out of range (0-32)" },
	{ "dst [::1/129]", 1, "filter: \"[::1/129]\" (filter word 2): the prefix length is out of range (0-128)" },
	{ "dst [::1", 1, "filter: \"[::1\" (filter word 2) is not a host, address or keyword" },
	{ "dst [::1]x", 1, "filter: \"[::1]x\" (filter word 2) is not a host, address or keyword" },
	{ "dst inet6:127.0.0.1", 1, "filter: \"127.0.0.1\" (filter word 2) is not a host, address or keyword" },
	{ "dst 256.0.0.1.invalid", 1, "filter: \"256.0.0.1.invalid\" (filter word 2) is not a host, address or keyword" },
	{ "dev nosuchdev0", 1, "filter: \"nosuchdev0\" (filter word 2) is not a network device" },
	{ "fwmark abc", 1, "filter: \"abc\" (filter word 2) is not a mark (MARK or MARK/MASK, e.g. 0x10/0xff)" },
	{ "fwmark", 255, "filter: the filter ends after \"fwmark\" (filter word 1), expected a mark" },
	{ "dev", 255, "filter: the filter ends after \"dev\" (filter word 1), expected a device" },
	{ "cgroup", 255, "filter: the filter ends after \"cgroup\" (filter word 1), expected a cgroup" },
	{ "cgroup /lsock/no/such/cgroup", 1, "filter: \"/lsock/no/such/cgroup\" (filter word 2) is not a cgroup (No such file or directory)" },
	{ "sport ge *", 255, "filter: \"*\" (filter word 3): <, >, <= and >= compare with one port number" },
	{ "sport gt :80-90", 255, "filter: \":80-90\" (filter word 3): <, >, <= and >= compare with one port number" },
	{ "state established", 1, "filter: \"state\" (filter word 1) is not a host, address or keyword" },
	{ "sport=:22", 1, "filter: \"sport=\" (filter word 1) is not a host, address or keyword" },
	{ "src netlink:nosuchproto", 1, "filter: \"netlink:nosuchproto\" (filter word 2) is not a netlink address (PROTOCOL:PORTID, e.g. rtnl:kernel)" },
	{ "src link:nosuchproto", 1, "filter: \"link:nosuchproto\" (filter word 2) is not a link address (PROTOCOL:DEVICE, e.g. ip:eth0)" },
	{ "src vsock:x", 1, "filter: \"vsock:x\" (filter word 2) is not a vsock address (CID:PORT)" },
	{ "autobound autobound )", 255, "filter: unexpected \")\" (filter word 3), expected \"and\", \"or\" or the end of the filter" },
};

START_TEST(test_parse_invalid)
{
	const struct bad *b = &invalid[_i];
	struct filter_error err;
	struct filter *f = NULL;

	ck_assert_int_eq(parse(b->text, AF_UNSPEC, &f, &err, NULL), -1);
	ck_assert_ptr_null(f);
	ck_assert_int_eq(err.code, b->code);
	ck_assert_str_eq(err.msg, b->msg);
}
END_TEST

/* ---- evaluation ---------------------------------------------------------- */

static int matches(const char *text, const struct lsock_sock *sk)
{
	struct filter_ctx ctx = { 32768, 60999, 0 };
	struct filter_error err;
	struct filter *f = NULL;
	int m;

	ck_assert_msg(parse(text, AF_UNSPEC, &f, &err, NULL) == 0, "%s: %s",
		      text, err.msg);
	m = filter_match(f, sk, &ctx);
	filter_free(f);
	return m;
}

/* and/or are equal and read left to right (ss.md 2.3). */
START_TEST(test_eval_precedence)
{
	struct lsock_sock s22 = samples[0];

	/* (22 or 443) and dport 51000: false for the :22 listener */
	ck_assert(!matches("sport = :22 or sport = :443 and dport = :51000",
			   &s22));
	ck_assert(matches("sport = :22 or ( sport = :443 and dport = :51000 )",
			  &s22));
	ck_assert(!matches("not sport = :22 or sport = :22 and dport = :1",
			   &s22));
}
END_TEST

START_TEST(test_eval_families)
{
	struct lsock_sock un, nl;

	/* an IPv4 prefix: IPv4 and v4-mapped sockets only (docs/compat.md F1) */
	ck_assert(matches("src 127.0.0.1", &samples[5]));
	ck_assert(!matches("src 0.0.0.0", &samples[4]));
	ck_assert(!matches("dst 0.0.0.0/0", &samples[3]));
	ck_assert(matches("dst 0.0.0.0/0", &samples[5]));
	ck_assert(!matches("src [::ffff:127.0.0.1]", &samples[0]));
	/* inet addresses never match unix or netlink sockets (F2) */
	memset(&un, 0, sizeof(un));
	un.family = AF_UNIX;
	un.lport = 4242;
	un.peer_ino = 4243;
	ck_assert(!matches("src 0.0.0.0", &un));
	ck_assert(matches("src *:4242", &un));
	ck_assert(matches("dport = :4243", &un));
	ck_assert(matches("src unix:*", &un));
	ck_assert(!matches("src unix:?*", &un));
	un.name = "/run/X.sock";
	un.name_len = 11;
	ck_assert(matches("src unix:/run/x*", &un));
	ck_assert(!matches("dst unix:/run/*", &un));
	ck_assert(!matches("autobound", &un));
	memset(&nl, 0, sizeof(nl));
	nl.family = AF_NETLINK;
	nl.protocol = 0;
	nl.lport = -5;
	nl.rport = -1;
	ck_assert(!matches("src 0.0.0.0", &nl));
	ck_assert(matches("src netlink:rtnl", &nl));
	ck_assert(!matches("src netlink:genl", &nl));
	ck_assert(matches("autobound", &nl));
	ck_assert(!matches("dport = :0", &nl));
}
END_TEST

START_TEST(test_eval_missing_mark)
{
	struct filter_ctx ctx = { 32768, 60999, 0 };
	struct lsock_sock sk = samples[1], tw = samples[6];
	struct filter_error err;
	struct filter *f = NULL;

	sk.flags = 0;
	ck_assert_int_eq(parse("fwmark 0", AF_UNSPEC, &f, &err, NULL), 0);
	ck_assert_uint_eq(filter_needs(f), FILTER_NEEDS_MARK);
	filter_match(f, &tw, &ctx);	/* time-wait: no mark of its own */
	ck_assert_uint_eq(ctx.missing, 0);
	filter_match(f, &sk, &ctx);
	ck_assert_uint_eq(ctx.missing, FILTER_NEEDS_MARK);
	filter_free(f);
	ck_assert(matches("fwmark 0x10/0xf0", &samples[2]));
	ck_assert(!matches("fwmark 0x10", &samples[2]));
}
END_TEST

START_TEST(test_eval_ports)
{
	ck_assert(matches("sport = :8000-8100", &samples[6]));
	ck_assert(matches("sport = :8000-8100", &samples[7]));
	ck_assert(!matches("sport = :8001-8099", &samples[7]));
	ck_assert(matches("dport = {22,65535}", &samples[6]));
	ck_assert(matches("dport = {ssh}", &samples[1]));
	ck_assert(matches("sport gt :1024", &samples[1]));
	ck_assert(!matches("sport gt :40000", &samples[1]));
	ck_assert(matches("sport ge :40000", &samples[1]));
	ck_assert(matches("sport lt :23", &samples[0]));
	ck_assert(matches("autobound", &samples[1]));
	ck_assert(!matches("autobound", &samples[0]));
	ck_assert(matches("dev 2", &samples[2]));
	ck_assert(!matches("dev != 2", &samples[2]));
}
END_TEST

/* A FAMILY: prefix narrows the listing; -x makes every host a pattern. */
START_TEST(test_family_prefix)
{
	struct filter_env env;
	struct filter_error err;
	struct filter *f = NULL;

	ck_assert_int_eq(parse("src unix:/tmp/*", AF_UNSPEC, &f, &err, &env), 0);
	ck_assert(env.families_reset);
	ck_assert_uint_eq(env.families, LSOCK_FAM(AF_UNIX));
	filter_free(f);
	ck_assert_int_eq(parse("dport = :22", AF_UNIX, &f, &err, &env), 0);
	ck_assert(!env.families_reset);
	ck_assert_int_eq(f->a == NULL ? f->host.addrs->family : -1, AF_UNIX);
	ck_assert_str_eq(f->host.addrs->pattern, ":22");
	filter_free(f);
}
END_TEST

/* Every address of a host name goes into the bytecode (ss sends the first). */
START_TEST(test_bc_host_list)
{
	struct filter f;
	struct filter_addr a1, a2;
	struct lsock_sock v6 = samples[3];
	uint8_t *bc = NULL;
	size_t len = 0;

	memset(&f, 0, sizeof(f));
	memset(&a1, 0, sizeof(a1));
	memset(&a2, 0, sizeof(a2));
	a1.family = AF_INET;
	a1.prefix_len = 32;
	inet_pton(AF_INET, "127.0.0.1", a1.addr);
	a2.family = AF_INET6;
	a2.prefix_len = 128;
	inet_pton(AF_INET6, "::1", a2.addr);
	a1.next = &a2;
	f.op = FILTER_DST;
	f.host.addrs = &a1;
	f.host.port = -1;
	ck_assert_int_eq(filter_compile(&f, &bc, &len), 0);
	ck_assert(model_run(bc, len, &samples[1]));
	ck_assert(model_run(bc, len, &v6));
	ck_assert(!model_run(bc, len, &samples[2]));
	free(bc);
}
END_TEST

/* The ops the compiler emits, as the kernel expects them (kernel.md 7). */
START_TEST(test_bc_ops)
{
	struct filter_error err;
	struct filter *f = NULL;
	uint8_t *bc = NULL;
	size_t len = 0;
	uint16_t no;

	ck_assert_int_eq(parse("sport ge :443", AF_UNSPEC, &f, &err, NULL), 0);
	ck_assert_int_eq(filter_compile(f, &bc, &len), 0);
	ck_assert_uint_eq(len, 8);
	ck_assert_int_eq(bc[0], 2);
	ck_assert_int_eq(bc[1], 8);
	memcpy(&no, bc + 2, 2);
	ck_assert_int_eq(no, 12);
	memcpy(&no, bc + 6, 2);
	ck_assert_int_eq(no, 443);
	free(bc);
	filter_free(f);
	ck_assert_int_eq(parse("dev 2", AF_UNSPEC, &f, &err, NULL), 0);
	ck_assert_int_eq(filter_compile(f, &bc, &len), 0);
	ck_assert_uint_eq(len, 8);
	ck_assert_int_eq(bc[0], 9);
	free(bc);
	filter_free(f);
	/* a port beyond 16 bits cannot be compared in the kernel */
	ck_assert_int_eq(parse("sport ge 70000", AF_UNSPEC, &f, &err, NULL), 0);
	ck_assert_int_eq(filter_compile(f, &bc, &len), -ENOTSUP);
	filter_free(f);
}
END_TEST

/* The ports every match needs, for the dump request's id. */
START_TEST(test_port_hints)
{
	static const struct {
		const char *text;
		uint16_t sport, dport;
	} cases[] = {
		{ "dport = :20005", 0, 20005 },
		{ "( sport = :22 and dst 10.0.0.1:443 )", 22, 443 },
		{ "sport = :22 and ( dport = :80 or dport = :81 )", 22, 0 },
		{ "dport = :22 or sport = :80", 0, 0 },
		{ "not dport = :22", 0, 0 },
		{ "dport ge :1024", 0, 0 },
		{ "dport = :0", 0, 0 },
		{ "dst 10.0.0.1", 0, 0 },
		{ "src 127.0.0.1:22 and dev 2", 22, 0 },
	};
	struct filter_error err;
	struct filter *f;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint16_t sport = 0, dport = 0;

		f = NULL;
		ck_assert_msg(parse(cases[i].text, AF_UNSPEC, &f, &err,
				    NULL) == 0, "%s", cases[i].text);
		filter_port_hints(f, &sport, &dport);
		ck_assert_msg(sport == cases[i].sport && dport == cases[i].dport,
			      "%s: %u %u", cases[i].text, sport, dport);
		filter_free(f);
	}
}
END_TEST

/* -F text: '#' and '0' lines are skipped, overlong lines refused. */
START_TEST(test_filter_file)
{
	struct filter_input in = { 0, NULL, "# c\n0x10 junk\nsport = :22\n", "F" };
	struct filter_env env;
	struct filter_error err;
	struct filter *f = NULL;
	char *longline = malloc(2000);

	memset(&env, 0, sizeof(env));
	env.res = &res;
	env.dbs = DBM(TCP);
	ck_assert_int_eq(filter_parse(&in, &env, &f, &err), 0);
	ck_assert(filter_match(f, &samples[0], &(struct filter_ctx){ 0 }));
	filter_free(f);
	in.file_text = "sport = :22 )\n";
	ck_assert_int_eq(filter_parse(&in, &env, &f, &err), -1);
	ck_assert_str_eq(err.msg, "filter: unexpected \")\" (F line 1), "
			 "expected \"and\", \"or\" or the end of the filter");
	memset(longline, ' ', 1999);
	longline[1999] = '\0';
	in.file_text = longline;
	ck_assert_int_eq(filter_parse(&in, &env, &f, &err), -1);
	ck_assert_int_eq(err.code, 255);
	free(longline);
}
END_TEST

/* Whatever the caller's error struct held before, a good filter parses. */
START_TEST(test_parse_dirty_error)
{
	struct filter_error err;
	struct filter *f = NULL;

	memset(&err, 'x', sizeof(err));
	ck_assert_int_eq(parse("sport = :ssh", 0, &f, &err, NULL), 0);
	ck_assert_ptr_nonnull(f);
	filter_free(f);
}
END_TEST

static void setup(void)
{
	resolve_init(&res);
	make_samples();
}

static void teardown(void)
{
	resolve_free(&res);
}

static Suite *filter_suite(void)
{
	Suite *s = suite_create("filter");
	TCase *tp = tcase_create("parse");
	TCase *te = tcase_create("eval");
	TCase *tb = tcase_create("bytecode");
	int nvalid = (int)(sizeof(valid) / sizeof(valid[0]));
	int ninvalid = (int)(sizeof(invalid) / sizeof(invalid[0]));

	tcase_add_checked_fixture(tp, setup, teardown);
	tcase_add_checked_fixture(te, setup, teardown);
	tcase_add_checked_fixture(tb, setup, teardown);
	tcase_add_loop_test(tp, test_parse_valid, 0, nvalid);
	tcase_add_loop_test(tp, test_parse_invalid, 0, ninvalid);
	tcase_add_test(tp, test_family_prefix);
	tcase_add_test(tp, test_filter_file);
	tcase_add_test(te, test_eval_precedence);
	tcase_add_test(te, test_eval_families);
	tcase_add_test(te, test_eval_missing_mark);
	tcase_add_test(te, test_eval_ports);
	tcase_add_test(te, test_parse_dirty_error);
	tcase_add_loop_test(tb, test_bc_agrees, 0, nvalid);
	tcase_add_test(tb, test_bc_host_list);
	tcase_add_test(tb, test_bc_ops);
	tcase_add_test(tb, test_port_hints);
	suite_add_tcase(s, tp);
	suite_add_tcase(s, te);
	suite_add_tcase(s, tb);
	return s;
}

int main(void)
{
	return check_run(filter_suite());
}
