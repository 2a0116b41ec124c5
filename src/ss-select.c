/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "sock.h"
#include "ss-select.h"
#include "state.h"

#define SSM(x)		LSOCK_SSM(LSOCK_SS_##x)
#define DBM(x)		LSOCK_DBM(LSOCK_DB_##x)
#define FAM_INET	(LSOCK_FAM(AF_INET) | LSOCK_FAM(AF_INET6))
#define TIPC_STATES	(SSM(ESTABLISHED) | SSM(LISTEN) | SSM(CLOSE))

struct ss_db_default {
	uint32_t states;
	uint64_t families;
};

static const struct ss_db_default ss_db_defaults[LSOCK_DB_MAX] = {
	[LSOCK_DB_TCP] = { LSOCK_SS_CONN, FAM_INET },
	[LSOCK_DB_DCCP] = { LSOCK_SS_CONN, FAM_INET },
	[LSOCK_DB_UDP] = { SSM(ESTABLISHED), FAM_INET },
	[LSOCK_DB_RAW] = { SSM(ESTABLISHED), FAM_INET },
	[LSOCK_DB_UNIX_DG] = { SSM(CLOSE), LSOCK_FAM(AF_UNIX) },
	[LSOCK_DB_UNIX_ST] = { LSOCK_SS_CONN, LSOCK_FAM(AF_UNIX) },
	[LSOCK_DB_UNIX_SQ] = { LSOCK_SS_CONN, LSOCK_FAM(AF_UNIX) },
	[LSOCK_DB_PACKET_DG] = { SSM(CLOSE), LSOCK_FAM(AF_PACKET) },
	[LSOCK_DB_PACKET_R] = { SSM(CLOSE), LSOCK_FAM(AF_PACKET) },
	[LSOCK_DB_NETLINK] = { SSM(CLOSE), LSOCK_FAM(AF_NETLINK) },
	[LSOCK_DB_SCTP] = { LSOCK_SS_CONN, FAM_INET },
	[LSOCK_DB_VSOCK_ST] = { LSOCK_SS_CONN, LSOCK_FAM(AF_VSOCK) },
	[LSOCK_DB_VSOCK_DG] = { LSOCK_SS_CONN, LSOCK_FAM(AF_VSOCK) },
	[LSOCK_DB_TIPC] = { TIPC_STATES, LSOCK_FAM(AF_TIPC) },
	[LSOCK_DB_XDP] = { SSM(CLOSE), LSOCK_FAM(AF_XDP) },
	[LSOCK_DB_MPTCP] = { LSOCK_SS_CONN, FAM_INET },
};

struct ss_af_default {
	int af;
	uint32_t dbs;
	uint32_t states;
};

static const struct ss_af_default ss_af_defaults[] = {
	{ AF_UNIX, LSOCK_DBM_UNIX, LSOCK_SS_CONN },
	{ AF_INET, LSOCK_DBM_INET, LSOCK_SS_CONN },
	{ AF_NETLINK, DBM(NETLINK), SSM(CLOSE) },
	{ AF_INET6, LSOCK_DBM_INET, LSOCK_SS_CONN },
	{ AF_PACKET, LSOCK_DBM_PACKET, SSM(CLOSE) },
	{ AF_TIPC, DBM(TIPC), TIPC_STATES },
	{ AF_VSOCK, LSOCK_DBM_VSOCK, LSOCK_SS_CONN },
	{ AF_XDP, DBM(XDP), SSM(CLOSE) },
};

#define SS_NAF	(sizeof(ss_af_defaults) / sizeof(ss_af_defaults[0]))

struct ss_db_name {
	const char *name;
	uint32_t dbs;
};

static const struct ss_db_name ss_db_names[] = {
	{ "all", DBM(UDP) | DBM(DCCP) | DBM(TCP) | DBM(MPTCP) | DBM(RAW) |
		 LSOCK_DBM_UNIX | LSOCK_DBM_PACKET | DBM(NETLINK) |
		 DBM(SCTP) | LSOCK_DBM_VSOCK | DBM(XDP) },
	{ "inet", LSOCK_DBM_INET },
	{ "udp", DBM(UDP) },
	{ "dccp", DBM(DCCP) },
	{ "tcp", DBM(TCP) },
	{ "mptcp", DBM(MPTCP) },
	{ "sctp", DBM(SCTP) },
	{ "raw", DBM(RAW) },
	{ "unix", LSOCK_DBM_UNIX },
	{ "unix_stream", DBM(UNIX_ST) },
	{ "u_str", DBM(UNIX_ST) },
	{ "unix_dgram", DBM(UNIX_DG) },
	{ "u_dgr", DBM(UNIX_DG) },
	{ "unix_seqpacket", DBM(UNIX_SQ) },
	{ "u_seq", DBM(UNIX_SQ) },
	{ "packet", LSOCK_DBM_PACKET },
	{ "packet_raw", DBM(PACKET_R) },
	{ "p_raw", DBM(PACKET_R) },
	{ "packet_dgram", DBM(PACKET_DG) },
	{ "p_dgr", DBM(PACKET_DG) },
	{ "netlink", DBM(NETLINK) },
	{ "tipc", DBM(TIPC) },
	{ "vsock", LSOCK_DBM_VSOCK },
	{ "vsock_stream", DBM(VSOCK_ST) },
	{ "v_str", DBM(VSOCK_ST) },
	{ "vsock_dgram", DBM(VSOCK_DG) },
	{ "v_dgr", DBM(VSOCK_DG) },
	{ "xdp", DBM(XDP) },
};

void ss_select_init(struct ss_select *s)
{
	memset(s, 0, sizeof(*s));
	s->preferred_family = AF_UNSPEC;
	s->do_default = true;
}

void ss_select_db(struct ss_select *s, int db, bool enable)
{
	if (enable) {
		s->states |= ss_db_defaults[db].states;
		s->dbs |= LSOCK_DBM(db);
	} else {
		s->dbs &= ~LSOCK_DBM(db);
	}
	s->do_default = false;
}

static const struct ss_af_default *ss_af_default(int af)
{
	size_t i;

	for (i = 0; i < SS_NAF; i++)
		if (ss_af_defaults[i].af == af)
			return &ss_af_defaults[i];
	return NULL;
}

void ss_select_af(struct ss_select *s, int af)
{
	const struct ss_af_default *d = ss_af_default(af);

	s->states |= d ? d->states : 0;
	s->families |= LSOCK_FAM(af);
	s->do_default = false;
	s->preferred_family = af;
}

/* One table name, optionally prefixed with '!'. */
static int ss_select_db_name(struct ss_select *s, const char *name)
{
	bool enable = true;
	size_t i;
	int db;

	if (name[0] == '!') {
		enable = false;
		name++;
	}
	for (i = 0; i < sizeof(ss_db_names) / sizeof(ss_db_names[0]); i++) {
		if (strcmp(name, ss_db_names[i].name) != 0)
			continue;
		for (db = 0; db < LSOCK_DB_MAX; db++)
			if (ss_db_names[i].dbs & LSOCK_DBM(db))
				ss_select_db(s, db, enable);
		if (enable && strcmp(name, "all") != 0 &&
		    strcmp(name, "inet") != 0)
			s->explicit_dbs |= ss_db_names[i].dbs;
		return 0;
	}
	return -EINVAL;
}

int ss_select_query(struct ss_select *s, char *list, const char **bad)
{
	char *item = list;

	if (!s->saw_query) {
		s->dbs = 0;
		s->explicit_dbs = 0;
		if (!s->state_filter)
			s->state_filter = LSOCK_SS_CONN;
		s->saw_query = true;
		s->do_default = false;
	}
	for (;;) {
		char *comma = strchr(item, ',');

		if (comma)
			*comma = '\0';
		if (ss_select_db_name(s, item) < 0) {
			*bad = item;
			return -EINVAL;
		}
		if (!comma)
			return 0;
		item = comma + 1;
	}
}

int ss_select_state(struct ss_select *s, const char *word, bool exclude)
{
	uint32_t mask;

	if (state_scan(word, &mask) < 0)
		return -EINVAL;
	if (!s->saw_states)
		s->state_filter = exclude ? LSOCK_SS_ALL : 0;
	if (exclude)
		s->state_filter &= ~mask;
	else
		s->state_filter |= mask;
	s->saw_states = true;
	return 0;
}

void ss_select_all(struct ss_select *s)
{
	s->state_filter = LSOCK_SS_ALL;
}

void ss_select_listening(struct ss_select *s)
{
	s->state_filter = SSM(LISTEN) | SSM(CLOSE);
}

static void ss_select_merge(struct ss_select *s)
{
	size_t i;
	int db;

	for (db = 0; db < LSOCK_DB_MAX; db++) {
		if (!(s->dbs & LSOCK_DBM(db)))
			continue;
		if (!(ss_db_defaults[db].families & s->families))
			s->families |= ss_db_defaults[db].families;
	}
	for (i = 0; i < SS_NAF; i++) {
		const struct ss_af_default *d = &ss_af_defaults[i];

		if ((s->families & LSOCK_FAM(d->af)) && !(d->dbs & s->dbs))
			s->dbs |= d->dbs;
	}
}

void ss_select_finish(struct ss_select *s)
{
	if (s->do_default) {
		if (!s->state_filter)
			s->state_filter = LSOCK_SS_CONN;
		ss_select_db_name(s, "all");
	}
	if (s->state_filter)
		s->states = s->state_filter;
	ss_select_merge(s);
}
