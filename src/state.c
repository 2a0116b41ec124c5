/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <strings.h>

#include "sock.h"
#include "state.h"

static const char *const state_names[LSOCK_SS_MAX] = {
	[LSOCK_SS_UNKNOWN] = "UNKNOWN",
	[LSOCK_SS_ESTABLISHED] = "ESTAB",
	[LSOCK_SS_SYN_SENT] = "SYN-SENT",
	[LSOCK_SS_SYN_RECV] = "SYN-RECV",
	[LSOCK_SS_FIN_WAIT1] = "FIN-WAIT-1",
	[LSOCK_SS_FIN_WAIT2] = "FIN-WAIT-2",
	[LSOCK_SS_TIME_WAIT] = "TIME-WAIT",
	[LSOCK_SS_CLOSE] = "UNCONN",
	[LSOCK_SS_CLOSE_WAIT] = "CLOSE-WAIT",
	[LSOCK_SS_LAST_ACK] = "LAST-ACK",
	[LSOCK_SS_LISTEN] = "LISTEN",
	[LSOCK_SS_CLOSING] = "CLOSING",
};

const char *state_ss_name(unsigned int state)
{
	if (state < LSOCK_SS_MAX)
		return state_names[state];
	return "UNDEF";
}

struct state_word {
	const char *word;
	uint32_t mask;
};

#define SSM(x)	LSOCK_SSM(LSOCK_SS_##x)

static const struct state_word state_words[] = {
	{ "unknown", SSM(UNKNOWN) },
	{ "established", SSM(ESTABLISHED) },
	{ "syn-sent", SSM(SYN_SENT) },
	{ "syn-recv", SSM(SYN_RECV) },
	{ "syn-rcv", SSM(SYN_RECV) },
	{ "fin-wait-1", SSM(FIN_WAIT1) },
	{ "fin-wait-2", SSM(FIN_WAIT2) },
	{ "time-wait", SSM(TIME_WAIT) },
	{ "unconnected", SSM(CLOSE) },
	{ "close", SSM(CLOSE) },
	{ "closed", SSM(CLOSE) },
	{ "close-wait", SSM(CLOSE_WAIT) },
	{ "last-ack", SSM(LAST_ACK) },
	{ "listening", SSM(LISTEN) },
	{ "closing", SSM(CLOSING) },
	{ "all", LSOCK_SS_ALL },
	{ "connected", LSOCK_SS_ALL & ~(SSM(CLOSE) | SSM(LISTEN)) },
	{ "synchronized",
	  LSOCK_SS_ALL & ~(SSM(CLOSE) | SSM(LISTEN) | SSM(SYN_SENT)) },
	{ "bucket", SSM(SYN_RECV) | SSM(TIME_WAIT) },
	{ "big", LSOCK_SS_ALL & ~(SSM(SYN_RECV) | SSM(TIME_WAIT)) },
};

int state_scan(const char *word, uint32_t *mask)
{
	size_t i;

	for (i = 0; i < sizeof(state_words) / sizeof(state_words[0]); i++) {
		if (strcasecmp(word, state_words[i].word) == 0) {
			*mask = state_words[i].mask;
			return 0;
		}
	}
	return -EINVAL;
}
