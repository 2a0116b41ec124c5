// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * nonetlink.c - run a command in which socket(AF_NETLINK, ...) fails.
 *
 * Test helper for lsock.  It lets the test suite check the fallback from
 * netlink (sock_diag) to the /proc/net files the way a locked-down
 * container, an LSM or a kernel without netlink diag would force it,
 * without root and without touching the rest of the system.
 *
 * Usage:
 *   nonetlink ERRNO -- CMD [ARGS...]
 *   nonetlink ERRNO --probe
 *
 *   ERRNO is EPERM, EACCES, EAFNOSUPPORT, EPROTONOSUPPORT (or another name
 *   from the table below) or a number from 1 to 4095.
 *
 * A seccomp-BPF filter is installed that makes socket(2) with domain
 * AF_NETLINK fail with ERRNO; every other system call, socket(2) for the
 * other families and socketpair(2) included, is let through.  The filter is
 * inherited across execve(2) and fork(2), so CMD and all its children are
 * affected.  PR_SET_NO_NEW_PRIVS is set first, as seccomp requires of
 * callers without CAP_SYS_ADMIN; as a consequence set-user-ID programs run
 * from CMD do not gain privileges.
 *
 * --probe installs the filter and then, instead of running a command, tries
 * a few sockets itself and prints one line each ("NAME: ok" or the errno's
 * name), for tests/helpers/nonetlink-selftest.sh:
 *
 *   netlink:        socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG)
 *   netlink-hibits: the same through syscall(2) with junk in the upper half
 *                   of the domain argument (64-bit builds only)
 *   x32:            the same through the x32 system call number (x86_64)
 *   inet:           socket(AF_INET, SOCK_STREAM, 0)
 *   unix:           socket(AF_UNIX, SOCK_STREAM, 0)
 *   socketpair:     socketpair(AF_UNIX, SOCK_STREAM, 0)
 *
 * It exits 0 when every netlink line shows ERRNO and every other line "ok".
 *
 * Exit status: 125 on a usage or setup error (message on stderr), 127 when
 * CMD cannot be executed, otherwise CMD's own status.
 *
 * socketcall(2): 32-bit x86, s390, powerpc and others can create sockets
 * through the socketcall(2) multiplexer, whose real arguments sit in user
 * memory that a seccomp filter cannot read.  x86_64 and aarch64 have no
 * socketcall(2), so checking socket(2) is enough there; a port to such an
 * architecture would have to fail socketcall(SYS_SOCKET, ...) as a whole.
 * For the same reason system calls made through a compat ABI (i386 code via
 * int $0x80 on x86_64, AArch32 code on aarch64) kill the process rather than
 * being let through unchecked.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/netlink.h>
#include <linux/seccomp.h>

#define EXIT_SETUP	125
#define EXIT_NOEXEC	127

/* The kernel's MAX_ERRNO: larger values would not read as errors. */
#define MAX_ERRNO	4095

/*
 * The AUDIT_ARCH_* value the kernel puts in seccomp_data.arch for system
 * calls of this build's native ABI.  Anything else is left undefined and
 * reported at run time, so that the test suite can skip rather than fail
 * to build.
 */
#if defined(__x86_64__)
# define NL_AUDIT_ARCH	AUDIT_ARCH_X86_64
/*
 * x32 system calls arrive with the x86_64 arch value and the number ORed
 * with __X32_SYSCALL_BIT.  Masking the bit off before the comparison sends
 * them through the same check instead of letting them slip past it (no
 * x32-only number collides with __NR_socket once the bit is cleared).
 */
# ifdef __X32_SYSCALL_BIT
#  define NL_X32_BIT	((__u32)__X32_SYSCALL_BIT)
# else
#  define NL_X32_BIT	0x40000000U
# endif
#elif defined(__aarch64__) && defined(__AARCH64EL__)
# define NL_AUDIT_ARCH	AUDIT_ARCH_AARCH64
#endif

#ifndef SECCOMP_RET_KILL_PROCESS
/* Headers older than 4.14: only the whole thread can be killed. */
# define SECCOMP_RET_KILL_PROCESS SECCOMP_RET_KILL
#endif

/*
 * socket(2) takes an int domain, so the kernel ignores the upper half of
 * the 64-bit argument slot; the filter must compare the lower half only,
 * or a caller could pass AF_NETLINK with junk above it and get through.
 */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
# define ARG0_LO	offsetof(struct seccomp_data, args[0])
#else
# define ARG0_LO	(offsetof(struct seccomp_data, args[0]) + 4)
#endif

struct errno_name {
	const char *name;
	int value;
};

/* The four the test suite uses, then a few more to name in --probe output. */
static const struct errno_name errno_names[] = {
	{ "EPERM", EPERM },
	{ "EACCES", EACCES },
	{ "EAFNOSUPPORT", EAFNOSUPPORT },
	{ "EPROTONOSUPPORT", EPROTONOSUPPORT },
	{ "EINVAL", EINVAL },
	{ "ENOENT", ENOENT },
	{ "ENOMEM", ENOMEM },
	{ "ENOSYS", ENOSYS },
	{ "EMFILE", EMFILE },
	{ "ENFILE", ENFILE },
	{ "ENOBUFS", ENOBUFS },
	{ "EOPNOTSUPP", EOPNOTSUPP },
	{ "ESOCKTNOSUPPORT", ESOCKTNOSUPPORT },
};

#define N_ERRNO_NAMES	(sizeof(errno_names) / sizeof(errno_names[0]))

static void usage(FILE *out)
{
	fputs("usage: nonetlink ERRNO -- CMD [ARGS...]\n"
	      "       nonetlink ERRNO --probe\n"
	      "ERRNO: EPERM, EACCES, EAFNOSUPPORT, EPROTONOSUPPORT, ... or 1-4095\n",
	      out);
}

/* Returns the errno value for NAME or a decimal number, or -1. */
static int parse_errno(const char *arg)
{
	char *end;
	long val;
	size_t i;

	for (i = 0; i < N_ERRNO_NAMES; i++)
		if (strcmp(arg, errno_names[i].name) == 0)
			return errno_names[i].value;

	if (arg[0] < '0' || arg[0] > '9')
		return -1;
	errno = 0;
	val = strtol(arg, &end, 10);
	/* 0 would make socket() "succeed" and return fd 0: refuse it. */
	if (errno || *end || val < 1 || val > MAX_ERRNO)
		return -1;
	return (int)val;
}

/* Writes the name of ERR, or its number, to BUF; returns BUF. */
static const char *errno_str(int err, char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < N_ERRNO_NAMES; i++) {
		if (errno_names[i].value == err) {
			snprintf(buf, len, "%s", errno_names[i].name);
			return buf;
		}
	}
	snprintf(buf, len, "%d", err);
	return buf;
}

static int install_filter(int err)
{
#ifdef NL_AUDIT_ARCH
	struct sock_filter insns[] = {
		/* A foreign ABI could reach socket() unchecked: kill it. */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NL_AUDIT_ARCH, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),

		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
#ifdef NL_X32_BIT
		BPF_STMT(BPF_ALU | BPF_AND | BPF_K, ~NL_X32_BIT),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
			 (__u32)__NR_socket & ~NL_X32_BIT, 1, 0),
#else
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_socket, 1, 0),
#endif
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),

		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG0_LO),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_NETLINK, 0, 1),
		BPF_STMT(BPF_RET | BPF_K,
			 SECCOMP_RET_ERRNO | ((__u32)err & SECCOMP_RET_DATA)),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = {
		.len = (unsigned short)(sizeof(insns) / sizeof(insns[0])),
		.filter = insns,
	};

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
		fprintf(stderr, "nonetlink: prctl(PR_SET_NO_NEW_PRIVS): %s\n",
			strerror(errno));
		return -1;
	}
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) < 0) {
		fprintf(stderr, "nonetlink: prctl(PR_SET_SECCOMP): %s\n",
			strerror(errno));
		return -1;
	}
	return 0;
#else
	(void)err;
	fputs("nonetlink: unsupported architecture: this build knows no seccomp"
	      " AUDIT_ARCH value (supported: x86_64, aarch64)\n", stderr);
	return -1;
#endif
}

/* Prints "WHAT: ok" or "WHAT: ERRNAME" for the result FD of a socket call. */
static int report(const char *what, long fd, int want_err)
{
	char buf[32];
	int err = fd < 0 ? errno : 0;

	if (fd >= 0)
		close((int)fd);
	printf("%s: %s\n", what, err ? errno_str(err, buf, sizeof(buf)) : "ok");
	return err == want_err;
}

static int probe_socketpair(int want_err)
{
	char buf[32];
	int sv[2];
	int err = 0;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
		err = errno;
	} else {
		close(sv[0]);
		close(sv[1]);
	}
	printf("socketpair: %s\n", err ? errno_str(err, buf, sizeof(buf)) : "ok");
	return err == want_err;
}

/* The netlink attempts must fail with ERR, everything else must work. */
static int probe(int err)
{
	int good = 1;

	good &= report("netlink", socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC,
					 NETLINK_SOCK_DIAG), err);
#if __SIZEOF_LONG__ == 8
	good &= report("netlink-hibits",
		       syscall(SYS_socket, (long)AF_NETLINK | (1L << 32),
			       (long)(SOCK_RAW | SOCK_CLOEXEC),
			       (long)NETLINK_SOCK_DIAG), err);
#endif
#ifdef NL_X32_BIT
	good &= report("x32", syscall((long)(NL_X32_BIT | __NR_socket),
				      (long)AF_NETLINK,
				      (long)(SOCK_RAW | SOCK_CLOEXEC),
				      (long)NETLINK_SOCK_DIAG), err);
#endif
	good &= report("inet", socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), 0);
	good &= report("unix", socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0), 0);
	good &= probe_socketpair(0);
	if (fflush(stdout) == EOF)
		return EXIT_SETUP;
	return good ? 0 : 1;
}

enum mode {
	MODE_BAD,
	MODE_HELP,
	MODE_PROBE,
	MODE_EXEC,
};

static enum mode parse_mode(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 ||
			  strcmp(argv[1], "--help") == 0))
		return MODE_HELP;
	if (argc == 3 && strcmp(argv[2], "--probe") == 0)
		return MODE_PROBE;
	if (argc >= 4 && strcmp(argv[2], "--") == 0)
		return MODE_EXEC;
	return MODE_BAD;
}

int main(int argc, char **argv)
{
	enum mode mode = parse_mode(argc, argv);
	int err;

	if (mode == MODE_HELP) {
		usage(stdout);
		return 0;
	}
	if (mode == MODE_BAD) {
		usage(stderr);
		return EXIT_SETUP;
	}
	err = parse_errno(argv[1]);
	if (err < 0) {
		fprintf(stderr, "nonetlink: bad ERRNO '%s'\n", argv[1]);
		usage(stderr);
		return EXIT_SETUP;
	}
	if (install_filter(err) < 0)
		return EXIT_SETUP;
	if (mode == MODE_PROBE)
		return probe(err);

	execvp(argv[3], argv + 3);
	fprintf(stderr, "nonetlink: %s: %s\n", argv[3], strerror(errno));
	return EXIT_NOEXEC;
}
