/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * TEMPORARY: stand-ins for netstat's -s -i -r -M and -g modes, written in
 * another branch. They keep this branch linking; each prints nothing and
 * fails. Drop this file (and its Makemodule.am line) when the modes land.
 */
#include "config.h"

#include "netstat.h"

int netstat_stats_run(const struct netstat_ctl *ctl, struct output *out)
{
	(void)ctl;
	(void)out;
	return NETSTAT_EXIT_FAIL;
}

int netstat_iface_run(const struct netstat_ctl *ctl, struct output *out)
{
	(void)ctl;
	(void)out;
	return NETSTAT_EXIT_FAIL;
}

int netstat_route_run(const struct netstat_ctl *ctl, struct output *out)
{
	(void)ctl;
	(void)out;
	return NETSTAT_EXIT_FAIL;
}

int netstat_masq_run(const struct netstat_ctl *ctl, struct output *out)
{
	(void)ctl;
	(void)out;
	return NETSTAT_EXIT_FAIL;
}

int netstat_groups_print(const struct netstat_ctl *ctl, struct output *out)
{
	(void)ctl;
	(void)out;
	return NETSTAT_EXIT_FAIL;
}
