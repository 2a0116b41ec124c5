/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ss -m and -i: socket memory and TCP internals (ss.md 4.4, 4.5). */
#include "config.h"

#include "ss-ext.h"

void ss_skmem_print(struct ss_table *t, const struct lsock_sock *sk,
		    int skmem_attr)
{
	(void)t;
	(void)sk;
	(void)skmem_attr;
}

void ss_inet_info_print(struct ss_table *t, const struct lsock_sock *sk,
			const struct ss_show *w, bool numeric)
{
	(void)t;
	(void)sk;
	(void)w;
	(void)numeric;
}
