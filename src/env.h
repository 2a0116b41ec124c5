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
/*
 * The tables ss reads from /proc whatever happens (bit = enum lsock_table):
 * all of them when PROC_ROOT is set, else those whose PROC_NET_<TABLE>
 * variable is.
 */
unsigned int env_forced_proc(void);
/* PROC_ROOT, or NULL: the only variable netstat mode honours. */
const char *env_proc_root(void);
/* TCPDIAG_FILE: a recorded TCP dump to show instead of the kernel's. */
const char *env_tcpdiag_file(void);
/* LSOCK_NO_BYTECODE=1: filter only in lsock, send the kernel no bytecode. */
bool env_no_bytecode(void);

#endif /* LSOCK_ENV_H */
