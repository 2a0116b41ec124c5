/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The environment variables ss honours (PROC_ROOT, PROC_NET_TCP, ...), read in
 * one place so that libraries never call getenv().
 */
#ifndef LSOCK_ENV_H
#define LSOCK_ENV_H

#include "backends/backend.h"

/*
 * Fills src's paths. Returns the path of ip_local_port_range to read, newly
 * allocated.
 */
char *env_proc_source(struct lsock_source *src);

#endif /* LSOCK_ENV_H */
