/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss -p without other details: TCP and UDP read over netlink while the
 * owners scan runs, the rows the filter lets through packed (rowpack.h)
 * and printed once the owners are known.
 */
#ifndef LSOCK_SS_AHEAD_H
#define LSOCK_SS_AHEAD_H

#include "backends/backend.h"
#include "rowpack.h"
#include "ss-print.h"

/*
 * One table over netlink into rp, through pr's filter. Returns the dump's
 * result; rp holds rows only when it is 0.
 */
int ss_ahead_dump(const struct lsock_source *src,
		  const struct lsock_request *req, struct ss_printer *pr,
		  struct rowpack *rp);
/* Prints what rp holds through pr (owners known by now), then frees it. */
void ss_ahead_print(struct ss_printer *pr, struct rowpack *rp);

#endif /* LSOCK_SS_AHEAD_H */
