/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Socket state names: as ss prints them, and as `state`/`exclude` take them. */
#ifndef LSOCK_STATE_H
#define LSOCK_STATE_H

#include <stdint.h>

/* The name ss prints in its State column ("ESTAB", "UNCONN", ...). */
const char *state_ss_name(unsigned int state);
/*
 * A state word (case-insensitive) or aggregate to a mask. Returns 0 and sets
 * *mask, or -EINVAL for an unknown word.
 */
int state_scan(const char *word, uint32_t *mask);

#endif /* LSOCK_STATE_H */
