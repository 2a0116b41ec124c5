/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli-opt.h"
#include "xalloc.h"

/* Number of options whose name starts with the len bytes of word. */
static int cli_prefix_matches(const struct option *opts, const char *word,
			      size_t len, const struct option **found)
{
	int n = 0;

	for (; opts && opts->name; opts++) {
		if (strncmp(opts->name, word, len) != 0)
			continue;
		if (strlen(opts->name) == len) {
			*found = opts;
			return 1;
		}
		if (n == 0 || (*found)->val != opts->val)
			n++;
		*found = opts;
	}
	return n;
}

static const struct option *cli_lookup(const struct option *native,
				       const struct option *own,
				       const char *word, size_t len,
				       const char **what)
{
	const struct option *a = NULL, *b = NULL;
	int na = cli_prefix_matches(native, word, len, &a);
	int nb = cli_prefix_matches(own, word, len, &b);

	if (a && strlen(a->name) == len && na == 1)
		return a;
	if (b && strlen(b->name) == len && nb == 1)
		return b;
	if (na == 1)
		return a;
	if (na == 0 && nb == 1)
		return b;
	*what = na + nb ? "is ambiguous" : "is not recognized";
	return NULL;
}

static int cli_short_takes_arg(const char *arg, const char *shortargs)
{
	size_t i, n = strlen(arg);

	/* "-f" alone takes the next word; "-ffoo" or "-tf" + "foo" too */
	for (i = 1; i < n; i++)
		if (strchr(shortargs, arg[i]))
			return i == n - 1;
	return 0;
}

int cli_expand_long(int argc, char **argv, const struct option *native,
		    const struct option *own, const char *shortargs,
		    struct cli_opt_error *err)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *arg = argv[i], *eq, *what = NULL;
		const struct option *o;
		size_t len;
		char *full;

		if (strcmp(arg, "--") == 0)
			return 0;
		if (arg[0] == '-' && arg[1] != '-' && arg[1]) {
			i += cli_short_takes_arg(arg, shortargs);
			continue;
		}
		if (strncmp(arg, "--", 2) != 0)
			continue;
		eq = strchr(arg, '=');
		len = eq ? (size_t)(eq - arg - 2) : strlen(arg) - 2;
		o = cli_lookup(native, own, arg + 2, len, &what);
		if (!o) {
			err->word = arg;
			err->what = what;
			return -EINVAL;
		}
		if (o->has_arg == required_argument && !eq && i + 1 >= argc) {
			err->word = arg;
			err->what = "needs an argument";
			return -EINVAL;
		}
		full = xmalloc(strlen(o->name) + 3 + (eq ? strlen(eq) : 0));
		sprintf(full, "--%s%s", o->name, eq ? eq : "");
		argv[i] = full;
		if (o->has_arg == required_argument && !eq)
			i++;
	}
	return 0;
}
