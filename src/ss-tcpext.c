/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What ss -i prints next to tcp_info: the TCP-MD5 keys (INET_DIAG_MD5SIG,
 * only for CAP_NET_ADMIN), the upper layer protocol (INET_DIAG_ULP_INFO:
 * kTLS, or the subflow of an MPTCP connection), and the INET_DIAG_INFO of
 * an MPTCP socket, which is a struct mptcp_info.
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "output.h"
#include "ss-tcpinfo.h"

/*
 * A key byte as ss writes it: printable ASCII as is, except '\', ' ' and
 * ',' (which separate the entries), and everything else as \ooo.
 */
static size_t ss_tcpext_key_escape(const struct lsock_tcp_md5sig *sig,
				   char *buf, size_t size)
{
	size_t n = sig->keylen < sizeof(sig->key) ? sig->keylen
						   : sizeof(sig->key);
	size_t i, len = 0;

	for (i = 0; i < n && len + 5 <= size; i++) {
		uint8_t c = sig->key[i];

		if (c > ' ' && c < 0x7f && c != '\\' && c != ',')
			buf[len++] = (char)c;
		else
			len += (size_t)snprintf(buf + len, size - len, "\\%03o",
						c);
	}
	return len;
}

/*
 * One "ADDR/PLEN=KEY". ss 6.1 writes the key with printf() while the row
 * is still in its buffer, so the key bytes come out on stdout before the
 * table (before the rows of the batch being built): lsock does the same,
 * writing them to the output stream directly (docs/compat.md 3).
 */
static void ss_tcpext_md5_entry(struct ss_table *t,
				const struct lsock_tcp_md5sig *sig)
{
	char host[INET6_ADDRSTRLEN];
	char key[LSOCK_TCP_MD5SIG_MAXKEYLEN * 4 + 1];
	size_t n;

	if ((sig->family != AF_INET && sig->family != AF_INET6) ||
	    !inet_ntop(sig->family, sig->addr, host, sizeof(host)))
		snprintf(host, sizeof(host), "???");
	ss_table_printf(t, "%s/%d=", host, sig->prefixlen);
	n = ss_tcpext_key_escape(sig, key, sizeof(key));
	if (t->out && n)
		output_write(t->out, key, n);
}

void ss_tcpext_md5_print(struct ss_table *t, const struct nl_attr *a)
{
	const uint8_t *p = a->data;
	size_t off;

	if (!a->len)
		return;
	ss_table_puts(t, " md5keys:");
	/* one entry per 100 bytes; a cut last entry reads as zeros */
	for (off = 0; off < a->len; off += sizeof(struct lsock_tcp_md5sig)) {
		struct nl_attr part = { p + off, (uint16_t)(a->len - off) };
		struct lsock_tcp_md5sig sig;

		if (off)
			ss_table_puts(t, ",");
		nl_attr_copy(&part, &sig, sizeof(sig));
		ss_tcpext_md5_entry(t, &sig);
	}
}

static uint16_t ss_tcpext_u16(const struct nl_attr *a)
{
	uint16_t v;

	nl_attr_copy(a, &v, sizeof(v));
	return v;
}

static uint32_t ss_tcpext_u32(const struct nl_attr *a)
{
	uint32_t v;

	nl_attr_copy(a, &v, sizeof(v));
	return v;
}

static void ss_tcpext_tls_version(struct ss_table *t, const struct nl_attr *a)
{
	uint16_t v = ss_tcpext_u16(a);

	if (v == LSOCK_TLS_1_2_VERSION)
		ss_table_puts(t, " version: 1.2");
	else if (v == LSOCK_TLS_1_3_VERSION)
		ss_table_puts(t, " version: 1.3");
	else
		ss_table_printf(t, " version: unknown(%u)", v);
}

/* ss 6.1 names these two ciphers only, and prints nothing for the others */
static void ss_tcpext_tls_cipher(struct ss_table *t, const struct nl_attr *a)
{
	uint16_t v = ss_tcpext_u16(a);

	if (v == LSOCK_TLS_CIPHER_AES_GCM_128)
		ss_table_puts(t, " cipher: aes-gcm-128");
	else if (v == LSOCK_TLS_CIPHER_AES_GCM_256)
		ss_table_puts(t, " cipher: aes-gcm-256");
}

/* Where the crypto of one direction runs: none, sw, hw, hw-record. */
static void ss_tcpext_tls_conf(struct ss_table *t, const char *dir,
			       const struct nl_attr *a)
{
	uint16_t v;

	if (!a->data)
		return;
	v = ss_tcpext_u16(a);
	switch (v) {
	case LSOCK_TLS_CONF_BASE:
		ss_table_printf(t, " %s: none", dir);
		break;
	case LSOCK_TLS_CONF_SW:
		ss_table_printf(t, " %s: sw", dir);
		break;
	case LSOCK_TLS_CONF_HW:
		ss_table_printf(t, " %s: hw", dir);
		break;
	case LSOCK_TLS_CONF_HW_RECORD:
		ss_table_printf(t, " %s: hw-record", dir);
		break;
	default:
		ss_table_printf(t, " %s: unknown(%u)", dir, v);
		break;
	}
}

static void ss_tcpext_tls(struct ss_table *t, const struct nl_attr *a)
{
	struct nl_attr tb[LSOCK_TLS_INFO_MAX + 1];

	/* a malformed tail leaves what came before it, as in ss */
	(void)nl_attr_parse(a->data, a->len, tb, LSOCK_TLS_INFO_MAX);
	if (tb[LSOCK_TLS_INFO_VERSION].data)
		ss_tcpext_tls_version(t, &tb[LSOCK_TLS_INFO_VERSION]);
	if (tb[LSOCK_TLS_INFO_CIPHER].data)
		ss_tcpext_tls_cipher(t, &tb[LSOCK_TLS_INFO_CIPHER]);
	ss_tcpext_tls_conf(t, "rxconf", &tb[LSOCK_TLS_INFO_RXCONF]);
	ss_tcpext_tls_conf(t, "txconf", &tb[LSOCK_TLS_INFO_TXCONF]);
	if (tb[LSOCK_TLS_INFO_ZC_RO_TX].data)
		ss_table_puts(t, " zc_ro_tx");
}

/* Subflow flags as letters: remote/local MP_CAPABLE, JOIN, backup, ... */
static void ss_tcpext_subflow_flags(struct ss_table *t, uint32_t flags)
{
	static const char letters[LSOCK_MPTCP_SUBFLOW_FLAGS_NBITS] = {
		'M', 'm', 'J', 'j', 'B', 'b', 'e', 'c', 'v'
	};
	char caps[LSOCK_MPTCP_SUBFLOW_FLAGS_NBITS + 1];
	size_t i, n = 0;

	if (!flags)
		return;
	for (i = 0; i < sizeof(letters); i++)
		if (flags & (1u << i))
			caps[n++] = letters[i];
	caps[n] = '\0';
	ss_table_printf(t, " flags:%s", caps);
}

static void ss_tcpext_subflow(struct ss_table *t, const struct nl_attr *a)
{
	struct nl_attr tb[LSOCK_MPTCP_SUBFLOW_ATTR_MAX + 1];
	uint64_t seq;

	(void)nl_attr_parse(a->data, a->len, tb, LSOCK_MPTCP_SUBFLOW_ATTR_MAX);
	if (tb[LSOCK_MPTCP_SUBFLOW_ATTR_FLAGS].data)
		ss_tcpext_subflow_flags(t,
			ss_tcpext_u32(&tb[LSOCK_MPTCP_SUBFLOW_ATTR_FLAGS]));
	if (tb[LSOCK_MPTCP_SUBFLOW_ATTR_TOKEN_REM].data &&
	    tb[LSOCK_MPTCP_SUBFLOW_ATTR_TOKEN_LOC].data &&
	    tb[LSOCK_MPTCP_SUBFLOW_ATTR_ID_REM].data &&
	    tb[LSOCK_MPTCP_SUBFLOW_ATTR_ID_LOC].data)
		ss_table_printf(t, " token:%04x(id:%u)/%04x(id:%u)",
			ss_tcpext_u32(&tb[LSOCK_MPTCP_SUBFLOW_ATTR_TOKEN_REM]),
			nl_attr_u8(&tb[LSOCK_MPTCP_SUBFLOW_ATTR_ID_REM], 0),
			ss_tcpext_u32(&tb[LSOCK_MPTCP_SUBFLOW_ATTR_TOKEN_LOC]),
			nl_attr_u8(&tb[LSOCK_MPTCP_SUBFLOW_ATTR_ID_LOC], 0));
	if (tb[LSOCK_MPTCP_SUBFLOW_ATTR_MAP_SEQ].data) {
		nl_attr_copy(&tb[LSOCK_MPTCP_SUBFLOW_ATTR_MAP_SEQ], &seq,
			     sizeof(seq));
		ss_table_printf(t, " seq:%llx", (unsigned long long)seq);
	}
	if (tb[LSOCK_MPTCP_SUBFLOW_ATTR_MAP_SFSEQ].data)
		ss_table_printf(t, " sfseq:%x",
			ss_tcpext_u32(&tb[LSOCK_MPTCP_SUBFLOW_ATTR_MAP_SFSEQ]));
	if (tb[LSOCK_MPTCP_SUBFLOW_ATTR_SSN_OFFSET].data)
		ss_table_printf(t, " ssnoff:%x",
			ss_tcpext_u32(&tb[LSOCK_MPTCP_SUBFLOW_ATTR_SSN_OFFSET]));
	if (tb[LSOCK_MPTCP_SUBFLOW_ATTR_MAP_DATALEN].data)
		ss_table_printf(t, " maplen:%x",
			ss_tcpext_u32(&tb[LSOCK_MPTCP_SUBFLOW_ATTR_MAP_DATALEN]));
}

void ss_tcpext_ulp_print(struct ss_table *t, const struct nl_attr *a)
{
	struct nl_attr tb[LSOCK_INET_ULP_INFO_MAX + 1];
	const struct nl_attr *name;

	(void)nl_attr_parse(a->data, a->len, tb, LSOCK_INET_ULP_INFO_MAX);
	name = &tb[LSOCK_INET_ULP_INFO_NAME];
	if (name->data)
		ss_table_printf(t, " tcp-ulp-%.*s",
				(int)strnlen(name->data, name->len),
				(const char *)name->data);
	if (tb[LSOCK_INET_ULP_INFO_TLS].data)
		ss_tcpext_tls(t, &tb[LSOCK_INET_ULP_INFO_TLS]);
	if (tb[LSOCK_INET_ULP_INFO_MPTCP].data)
		ss_tcpext_subflow(t, &tb[LSOCK_INET_ULP_INFO_MPTCP]);
}

static void ss_tcpext_mptcp_counts(struct ss_table *t,
				   const struct lsock_mptcp_info *m)
{
	if (m->subflows)
		ss_table_printf(t, " subflows:%d", m->subflows);
	if (m->add_addr_signal)
		ss_table_printf(t, " add_addr_signal:%d", m->add_addr_signal);
	if (m->add_addr_accepted)
		ss_table_printf(t, " add_addr_accepted:%d",
				m->add_addr_accepted);
	if (m->subflows_max)
		ss_table_printf(t, " subflows_max:%d", m->subflows_max);
	if (m->add_addr_signal_max)
		ss_table_printf(t, " add_addr_signal_max:%d",
				m->add_addr_signal_max);
	if (m->add_addr_accepted_max)
		ss_table_printf(t, " add_addr_accepted_max:%d",
				m->add_addr_accepted_max);
}

/* ss 6.1 prints the sequence numbers in hex (7.x: decimal). */
void ss_tcpext_mptcp_print(struct ss_table *t, const struct nl_attr *a)
{
	struct lsock_mptcp_info m;

	if (!a)
		return;
	nl_attr_copy(a, &m, sizeof(m));
	ss_tcpext_mptcp_counts(t, &m);
	if (m.flags & LSOCK_MPTCP_INFO_FLAG_FALLBACK)
		ss_table_puts(t, " fallback");
	if (m.flags & LSOCK_MPTCP_INFO_FLAG_REMOTE_KEY)
		ss_table_puts(t, " remote_key");
	if (m.token)
		ss_table_printf(t, " token:%x", m.token);
	if (m.write_seq)
		ss_table_printf(t, " write_seq:%llx",
				(unsigned long long)m.write_seq);
	if (m.snd_una)
		ss_table_printf(t, " snd_una:%llx",
				(unsigned long long)m.snd_una);
	if (m.rcv_nxt)
		ss_table_printf(t, " rcv_nxt:%llx",
				(unsigned long long)m.rcv_nxt);
}
