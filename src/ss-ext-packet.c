/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ss -e and -b for packet sockets: the socket's version, copy threshold and
 * flags, its rings and fanout, and its classic BPF filter (ss.md 4.2, 4.6).
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "backends/nl.h"
#include "kernel-defs.h"
#include "ss-ext.h"

/* struct packet_diag_info, by the kernel's layout */
struct ss_pkt_info {
	uint32_t index, version, reserve, copy_thresh, tstamp, flags;
};

/* struct packet_diag_ring */
struct ss_pkt_ring {
	uint32_t block_size, block_nr, frame_size, frame_nr, retire_tmo,
		 sizeof_priv, features;
};

static void ss_ext_packet_info(struct ss_printer *p, const struct nl_attr *a)
{
	static const char *const flags[] = {
		"running", " auxdata", " origdev", " vnethdr", " loss"
	};
	struct ss_pkt_info info;
	unsigned int i;

	nl_attr_copy(a, &info, sizeof(info));
	ss_ext_newline(p);
	ss_table_printf(p->table, "ver:%d cpy_thresh:%d flags( ",
			(int)info.version, (int)info.copy_thresh);
	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (info.flags & (1u << i))
			ss_table_puts(p->table, flags[i]);
	if (!info.flags)
		ss_table_puts(p->table, "0");
	ss_table_puts(p->table, " )");
}

static void ss_ext_packet_ring(struct ss_printer *p, const char *name,
			       const struct nl_attr *a)
{
	struct ss_pkt_ring r;

	nl_attr_copy(a, &r, sizeof(r));
	ss_ext_newline(p);
	ss_table_printf(p->table, "%s(blk_size:%d,blk_nr:%d,frm_size:%d,"
			"frm_nr:%d,tmo:%d,features:0x%x)", name,
			(int)r.block_size, (int)r.block_nr, (int)r.frame_size,
			(int)r.frame_nr, (int)r.retire_tmo, r.features);
}

static void ss_ext_packet_fanout(struct ss_printer *p, const struct nl_attr *a)
{
	static const char *const types[] = {
		"hash", "lb", "cpu", "roll", "random", "qm"
	};
	uint32_t fanout = nl_attr_u32(a, 0);
	unsigned int type = fanout >> 16;

	ss_ext_newline(p);
	ss_table_printf(p->table, "fanout(id:%d,type:", (int)(fanout & 0xffff));
	if (type < sizeof(types) / sizeof(types[0]))
		ss_table_printf(p->table, "%s)", types[type]);
	else
		ss_table_printf(p->table, "0x%x)", type);
}

/* -b: each instruction of the filter as "code jt jf k". */
static void ss_ext_packet_bpf(struct ss_printer *p, const struct nl_attr *a)
{
	size_t n = a->len / 8, i;

	ss_ext_newline(p);
	ss_table_printf(p->table, "bpf filter (%zu): ", n);
	for (i = 0; i < n; i++) {
		const uint8_t *ins = (const uint8_t *)a->data + i * 8;
		uint16_t code;
		uint32_t k;

		memcpy(&code, ins, 2);
		memcpy(&k, ins + 4, 4);
		ss_table_printf(p->table, " 0x%02x %u %u %u,", code, ins[2],
				ins[3], k);
	}
}

void ss_ext_packet(struct ss_printer *p, const struct lsock_sock *sk)
{
	const struct nl_attr *a;

	if (p->show->details) {
		struct lsock_sock shown = *sk;

		/* ss's /proc reader never fills in the packet sk pointer */
		if (!sk->attrs)
			shown.sk = 0;
		ss_ext_sock_details(p, &shown);
		a = ss_ext_attr(sk, LSOCK_PACKET_DIAG_INFO);
		if (a)
			ss_ext_packet_info(p, a);
		a = ss_ext_attr(sk, LSOCK_PACKET_DIAG_RX_RING);
		if (a)
			ss_ext_packet_ring(p, "ring_rx", a);
		a = ss_ext_attr(sk, LSOCK_PACKET_DIAG_TX_RING);
		if (a)
			ss_ext_packet_ring(p, "ring_tx", a);
		a = ss_ext_attr(sk, LSOCK_PACKET_DIAG_FANOUT);
		if (a)
			ss_ext_packet_fanout(p, a);
	}
	if (p->show->mem)
		ss_skmem_print(p->table, sk, LSOCK_PACKET_DIAG_MEMINFO);
	a = ss_ext_attr(sk, LSOCK_PACKET_DIAG_FILTER);
	if (p->show->bpf && a)
		ss_ext_packet_bpf(p, a);
}
