/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Rates in ss -i (send, pacing_rate, delivery_rate, bbr's bw): bits per
 * second with three significant digits and a decimal unit (437G, 1.25T),
 * or the whole number with -n (ss.md 4.5). The caller appends "bps".
 */
#include "config.h"

#include <stdio.h>

#include "ss-tcpinfo.h"

const char *ss_bw_format(char *buf, size_t size, double bps, bool numeric)
{
	if (numeric)
		snprintf(buf, size, "%.0f", bps);
	else if (bps >= 1e12)
		snprintf(buf, size, "%.3gT", bps / 1e12);
	else if (bps >= 1e9)
		snprintf(buf, size, "%.3gG", bps / 1e9);
	else if (bps >= 1e6)
		snprintf(buf, size, "%.3gM", bps / 1e6);
	else if (bps >= 1e3)
		snprintf(buf, size, "%.3gk", bps / 1e3);
	else
		snprintf(buf, size, "%g", bps);
	return buf;
}
