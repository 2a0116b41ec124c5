/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Which tables, families and states an ss command line selects: ss 6.1's
 * algorithm, quirks included (state defaults leak across tables, the first
 * -A discards earlier table options, `exclude all` means the default).
 */
#ifndef LSOCK_SS_SELECT_H
#define LSOCK_SS_SELECT_H

#include <stdbool.h>
#include <stdint.h>

struct ss_select {
	uint32_t dbs;
	uint32_t explicit_dbs;	/* named by a table option or -A NAME */
	uint64_t families;
	uint32_t states;	/* union of the selected tables' defaults */
	uint32_t state_filter;	/* from -a, -l, -A and state words */
	int preferred_family;	/* last family option; AF_UNSPEC if none */
	bool do_default;
	bool saw_query;
	bool saw_states;
};

void ss_select_init(struct ss_select *s);
void ss_select_db(struct ss_select *s, int db, bool enable);
void ss_select_af(struct ss_select *s, int af);
/* One -A argument; on error *bad points at the offending item. */
int ss_select_query(struct ss_select *s, char *list, const char **bad);
int ss_select_state(struct ss_select *s, const char *word, bool exclude);
void ss_select_all(struct ss_select *s);
void ss_select_listening(struct ss_select *s);
/* Resolve defaults; afterwards dbs, families and states are final. */
void ss_select_finish(struct ss_select *s);

#endif /* LSOCK_SS_SELECT_H */
