/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "output.h"
#include "ss-cli.h"
#include "ss-diag.h"

static void ss_diag_tee(void *arg, const void *buf, size_t len)
{
	output_write(arg, buf, len);
}

/* The records themselves are not wanted: only the bytes. */
static int ss_diag_ignore(const struct lsock_sock *sk, void *arg)
{
	(void)sk;
	(void)arg;
	return 0;
}

static int ss_diag_open(const char *path)
{
	int fd;

	if (path[0] == '-')
		return STDOUT_FILENO;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	return fd < 0 ? -errno : fd;
}

static int ss_diag_dump(const struct ss_ctl *ctl, unsigned int ext,
			struct output *out)
{
	struct lsock_source src = ctl->src;
	struct lsock_request req;

	memset(&req, 0, sizeof(req));
	req.table = LSOCK_T_TCP;
	req.dbs = ctl->sel.dbs;
	req.families = ctl->sel.families;
	req.states = ctl->sel.states;
	req.preferred_family = ctl->sel.preferred_family;
	req.ext = ext;
	/* the kernel, never a recording, and no bytecode: as ss -D */
	src.tcpdiag_file = NULL;
	src.record = NULL;
	src.replay_dir = NULL;
	src.diag_tee = ss_diag_tee;
	src.diag_tee_arg = out;
	return netlink_backend_ops.dump(&src, &req, ss_diag_ignore, NULL);
}

int ss_diag_run(const struct ss_ctl *ctl, unsigned int ext)
{
	static struct output out;
	int fd, rc, werr;

	if (!(ctl->sel.dbs & LSOCK_DBM(LSOCK_DB_TCP))) {
		fprintf(stderr, "lsock: -D: no TCP table is selected, so there "
			"is no TCP dump to write\n");
		return SS_EXIT_OK;
	}
	fd = ss_diag_open(ctl->dump_file);
	if (fd < 0) {
		fprintf(stderr, "lsock: -D %s: %s\n", ctl->dump_file,
			strerror(-fd));
		return SS_EXIT_FAIL;
	}
	output_init(&out, fd);
	rc = ss_diag_dump(ctl, ext, &out);
	werr = output_flush(&out);
	if (fd != STDOUT_FILENO && close(fd) < 0 && werr == 0)
		werr = -errno;
	if (werr < 0) {
		fprintf(stderr, "lsock: -D %s: write error: %s\n",
			ctl->dump_file, strerror(-werr));
		return SS_EXIT_FAIL;
	}
	if (rc < 0) {
		fprintf(stderr, "lsock: -D: the TCP dump failed: %s\n",
			strerror(-rc));
		return SS_EXIT_FAIL;
	}
	return SS_EXIT_OK;
}
