/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Rows read ahead in ss mode (ss-ahead.h). A packed row keeps what the
 * columns and -p print of an inet socket: family, state, flags (v6only),
 * protocol, queues, ports, interface, inode and the two addresses. The
 * filter has been applied when the row is kept, so it is not applied
 * again when the row is printed.
 */
#include "config.h"

#include <stddef.h>

#include "filter.h"
#include "proc-owners.h"
#include "ss-ahead.h"

#define SA_FIELD(name, flags)	ROWPACK_FIELD(struct lsock_sock, name, flags)

static const struct rowpack_field ss_ahead_fields[] = {
	SA_FIELD(family, 0), SA_FIELD(state, 0), SA_FIELD(flags, 0),
	SA_FIELD(protocol, 0), SA_FIELD(rq, 0), SA_FIELD(wq, 0),
	SA_FIELD(lport, 0), SA_FIELD(rport, 0), SA_FIELD(iface, 0),
	SA_FIELD(ino, 0),
	SA_FIELD(local, ROWPACK_ADDR), SA_FIELD(remote, ROWPACK_ADDR),
};

static const struct rowpack_layout ss_ahead_layout = {
	.fields = ss_ahead_fields,
	.nfields = sizeof(ss_ahead_fields) / sizeof(ss_ahead_fields[0]),
	.family_off = offsetof(struct lsock_sock, family),
	.row_size = sizeof(struct lsock_sock),
};

struct ss_ahead_keep {
	struct ss_printer *pr;
	struct rowpack *rp;
};

static int ss_ahead_keep(const struct lsock_sock *sk, void *arg)
{
	struct ss_ahead_keep *k = arg;
	struct ss_printer *pr = k->pr;

	if (pr->filter && !filter_match(pr->filter, sk, &pr->fctx))
		return 0;
	rowpack_put(k->rp, &ss_ahead_layout, sk, false);
	return 0;
}

int ss_ahead_dump(const struct lsock_source *src,
		  const struct lsock_request *req, struct ss_printer *pr,
		  struct rowpack *rp)
{
	struct ss_ahead_keep k = { pr, rp };

	rp->rc = netlink_backend_ops.dump(src, req, ss_ahead_keep, &k);
	rp->taken = true;
	if (rp->rc < 0) {
		int rc = rp->rc;

		rowpack_free(rp);
		return rc;
	}
	return 0;
}

/*
 * In batches whose owner lookups are prefetched together: the owners
 * table is large, and one lookup after another would wait on memory.
 */
#define SS_AHEAD_BATCH	32

void ss_ahead_print(struct ss_printer *pr, struct rowpack *rp)
{
	struct lsock_sock rows[SS_AHEAD_BATCH];
	size_t off = 0, n, i;
	int stage;

	do {
		for (n = 0; n < SS_AHEAD_BATCH &&
		     rowpack_get(rp, &ss_ahead_layout, &off, &rows[n], false);
		     n++)
			;
		for (stage = 0; stage < 2 && pr->users; stage++)
			for (i = 0; i < n; i++)
				proc_owners_prefetch(pr->users, rows[i].ino,
						     stage);
		for (i = 0; i < n; i++)
			ss_print_row(pr, &rows[i]);
	} while (n == SS_AHEAD_BATCH);
	rowpack_free(rp);
}
