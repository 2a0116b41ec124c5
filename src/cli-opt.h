/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Long-option abbreviations. getopt_long() rejects a prefix that fits two
 * options; lsock adds options of its own (--backend, ...) that must not make
 * an abbreviation the original tool accepts ambiguous. So abbreviations are
 * expanded here first: an exact name wins, then a unique prefix among the
 * original tool's options, then a unique prefix among all of them.
 */
#ifndef LSOCK_CLI_OPT_H
#define LSOCK_CLI_OPT_H

#include <getopt.h>

struct cli_opt_error {
	const char *word;	/* the argument that was wrong */
	const char *what;	/* "unrecognized", "ambiguous", ... */
};

/*
 * Rewrites argv in place (new strings are allocated) so that every long
 * option is spelled in full. native: the original tool's options; own:
 * lsock's additions. shortargs: the short options that take an argument.
 * Returns 0 or -EINVAL with *err filled.
 */
int cli_expand_long(int argc, char **argv, const struct option *native,
		    const struct option *own, const char *shortargs,
		    struct cli_opt_error *err);

#endif /* LSOCK_CLI_OPT_H */
