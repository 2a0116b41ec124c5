/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lsock: socket statistics for Linux. By default it speaks ss's command line;
 * the netstat personality is chosen by the program name or a first --netstat.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "netstat.h"
#include "ss-cli.h"

static int main_is_netstat(int argc, char **argv)
{
	const char *name = argc > 0 ? strrchr(argv[0], '/') : NULL;

	name = name ? name + 1 : (argc > 0 ? argv[0] : "");
	return strcmp(name, "netstat") == 0 ||
	       (argc > 1 && strcmp(argv[1], "--netstat") == 0);
}

int main(int argc, char **argv)
{
	if (main_is_netstat(argc, argv))
		return netstat_main(argc, argv);
	return ss_main(argc, argv);
}
