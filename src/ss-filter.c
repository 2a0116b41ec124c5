/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The filter of one ss run: the words after the state words and the -F
 * file, parsed once; a FAMILY: prefix narrows the families; the expression
 * compiled to bytecode for the kernel unless LSOCK_NO_BYTECODE is set.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ss-cli.h"
#include "xalloc.h"

/* The whole -F file; ss takes any name starting with '-' as stdin. */
static int ss_filter_read(const char *name, char **text)
{
	FILE *f = name[0] == '-' ? stdin : fopen(name, "re");
	size_t len = 0, cap = 4096, n;
	char *buf;

	if (!f)
		return -errno;
	buf = xmalloc(cap);
	while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len < 2)
			buf = xreallocarray(buf, cap *= 2, 1);
	}
	n = (size_t)ferror(f);
	if (f != stdin)
		fclose(f);
	buf[len] = '\0';
	if (n) {
		free(buf);
		return -EIO;
	}
	*text = buf;
	return 0;
}

static int ss_filter_parse(struct ss_ctl *ctl, struct resolver *res,
			   const char *text)
{
	struct filter_input in = { ctl->argc, ctl->argv, text,
				   ctl->filter_file };
	struct filter_env env;
	struct filter_error err;

	memset(&env, 0, sizeof(env));
	env.preferred_family = ctl->sel.preferred_family;
	env.dbs = ctl->sel.dbs;
	env.families = ctl->sel.families;
	env.res = res;
	if (filter_parse(&in, &env, &ctl->filter, &err) < 0) {
		fprintf(stderr, "lsock: %s\n", err.msg);
		return err.code;
	}
	if (env.families_reset) {
		ctl->sel.families = env.families;
		ctl->sel.preferred_family = env.preferred_family;
	}
	return -1;
}

int ss_filter_setup(struct ss_ctl *ctl, struct resolver *res)
{
	char *text = NULL;
	int rc;

	if (ctl->filter_file) {
		rc = ss_filter_read(ctl->filter_file, &text);
		if (rc < 0) {
			fprintf(stderr, "lsock: -F %s: %s\n", ctl->filter_file,
				strerror(-rc));
			return SS_EXIT_USAGE;
		}
	}
	rc = ss_filter_parse(ctl, res, text);
	free(text);
	if (rc >= 0 || !ctl->filter)
		return rc;
	ctl->bytecode_rc = ctl->no_bytecode ? -ECANCELED :
			   filter_compile(ctl->filter, &ctl->bytecode,
					  &ctl->bytecode_len);
	return -1;
}

void ss_filter_free(struct ss_ctl *ctl)
{
	filter_free(ctl->filter);
	free(ctl->bytecode);
	ctl->filter = NULL;
	ctl->bytecode = NULL;
}

int ss_filter_check(const struct ss_ctl *ctl, const struct filter_ctx *fctx)
{
	(void)ctl;
	if (fctx->missing & FILTER_NEEDS_MARK)
		fprintf(stderr, "lsock: fwmark: the kernel did not report "
			"socket marks (netlink shows them only to "
			"CAP_NET_ADMIN; /proc has none)\n");
	else if (fctx->missing & FILTER_NEEDS_CGROUP)
		fprintf(stderr, "lsock: cgroup: the kernel did not report "
			"socket cgroups (they need netlink and Linux 5.7 or "
			"later; /proc has none)\n");
	else
		return -1;
	return SS_EXIT_FAIL;
}

const char *ss_filter_why(const struct ss_ctl *ctl)
{
	static char buf[160];

	if (!ctl->filter)
		return "";
	if (ctl->bytecode_refused)
		snprintf(buf, sizeof(buf), "; filtered by lsock, the kernel "
			 "refused the bytecode (%s)",
			 strerror(ctl->bytecode_refused));
	else if (ctl->bytecode)
		snprintf(buf, sizeof(buf), "; filtered in the kernel "
			 "(%zu bytes of bytecode) and by lsock",
			 ctl->bytecode_len);
	else if (ctl->bytecode_rc == -ECANCELED)
		snprintf(buf, sizeof(buf), "; filtered by lsock "
			 "(LSOCK_NO_BYTECODE)");
	else
		snprintf(buf, sizeof(buf), "; filtered by lsock (the filter "
			 "has no bytecode form)");
	return buf;
}
