/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss -E: follow the kernel's destroyed-socket events. Each event goes
 * through the row printer (the filter applies, the state does not), and
 * the table is rendered and written out after every event, so widths only
 * grow and the header comes with the first event, as in ss 6.1; unlike
 * ss 6.1, nothing waits in a buffer. SIGINT, SIGTERM and SIGHUP end the
 * run cleanly.
 */
#ifndef LSOCK_SS_EVENTS_H
#define LSOCK_SS_EVENTS_H

#include "output.h"
#include "ss-kill.h"
#include "ss-print.h"

struct ss_ctl;

/* Returns the exit code. kill is -K's state, or NULL. */
int ss_events_run(const struct ss_ctl *ctl, struct ss_printer *pr,
		  struct output *out, struct ss_kill *kill);

#endif /* LSOCK_SS_EVENTS_H */
