#!/bin/bash
# netstat-live-iface.sh: live test of lsock's netstat -i and -ie against the
# real netstat 2.10, which takes interface flags, MTU, addresses and queue
# lengths from ioctls on the running namespace (so -i cannot be replayed
# from a recorded tree).
#
# Two private network namespaces (ip netns add, unique names, removed at the
# end) are joined by a veth pair the test creates: lsnA (192.0.2.1/24,
# 2001:db8::1/64, an alias label lsnA:7 with 192.0.2.7, promiscuous) and
# lsnB (192.0.2.2/24, 2001:db8::2/64, ARP off) in the other. The first
# namespace also holds a veth pair that stays down (shown by -a only) and,
# when the kernel has them, a tun device (point-to-point, 192.0.2.9 peer
# 192.0.2.10) and a bridge that is down. A few
# pings move the counters. Then, in each namespace, for every case below
# the real netstat and `lsock --netstat` run one after the other:
#   -i  -ia  -ie  -iea  -iee  and -ic (first 12 lines)
# Everything is compared byte for byte, except the traffic counters, which
# may move between the two runs: on the counter lines (the short table's
# rows, the RX/TX lines of -ie) numbers are compared by shape (every number
# N, blanks squeezed, byte units U).
#
#   tests/live/netstat-live-iface.sh          (root; binary $top_builddir/lsock)
#
# Environment: LSOCK, NETSTAT (default /usr/bin/netstat), CI.
# Prints `netstat-live-iface: N passed, N failed`; exits 0, 1, 77 (not
# root or no net-tools netstat, outside CI), 99 (setup error, or a skip in
# CI).
set -euo pipefail
export LC_ALL=C LANG=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top_srcdir=${top_srcdir:-$(cd "$here/../.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
LSOCK=${LSOCK:-$top_builddir/lsock}
NETSTAT=${NETSTAT:-/usr/bin/netstat}
PATH_ENV=/usr/sbin:/usr/bin:/sbin:/bin
NAME=netstat-live-iface

skip() {
	echo "$NAME: SKIP: $*"
	[ "${CI:-}" = true ] && exit 99
	exit 77
}
setup_fail() {
	echo "$NAME: ERROR: $*" >&2
	exit 99
}

[ "$(id -u)" = 0 ] || skip "needs root (network namespaces, veth pairs)"
[ -x "$NETSTAT" ] || skip "no $NETSTAT (install net-tools)"
ver=$("$NETSTAT" -V 2>&1 | head -n 1 || true)
[ "$ver" = "net-tools 2.10" ] || skip "$NETSTAT is '$ver', not net-tools 2.10"
[ -x "$LSOCK" ] || setup_fail "no lsock binary at $LSOCK"
command -v ip >/dev/null || setup_fail "no ip command"

nsa=lsock-nsi-$$-a
nsb=lsock-nsi-$$-b
work=$(mktemp -d /tmp/lsock-nsi.XXXXXX)
cleanup() {
	ip netns del "$nsa" 2>/dev/null || true
	ip netns del "$nsb" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

in_a() { timeout -k 5 30 ip netns exec "$nsa" "$@"; }
in_b() { timeout -k 5 30 ip netns exec "$nsb" "$@"; }

setup() {
	ip netns add "$nsa" && ip netns add "$nsb" || return 1
	in_a ip link set lo up && in_b ip link set lo up || return 1
	in_a ip link add lsnA type veth peer name lsnB || return 1
	in_a ip link set lsnB netns "$nsb" || return 1
	in_a ip addr add 192.0.2.1/24 dev lsnA || return 1
	in_a ip addr add 192.0.2.7/24 dev lsnA label lsnA:7 || return 1
	in_a ip addr add 2001:db8::1/64 dev lsnA nodad || return 1
	in_a ip link set lsnA promisc on up || return 1
	in_b ip addr add 192.0.2.2/24 dev lsnB || return 1
	in_b ip addr add 2001:db8::2/64 dev lsnB nodad || return 1
	in_b ip link set lsnB arp off up || return 1
	in_a ip link add lsnDown type veth peer name lsnDown2 || return 1
	# optional devices: the hardware lines of tun and of a bridge
	in_a ip tuntap add lsnTun mode tun 2>/dev/null &&
		in_a ip addr add 192.0.2.9 peer 192.0.2.10 dev lsnTun 2>/dev/null &&
		in_a ip link set lsnTun up 2>/dev/null || true
	in_a ip link add lsnBr type bridge 2>/dev/null || true
	in_a ping -c 3 -i 0.2 -W 1 192.0.2.2 >/dev/null 2>&1 || true
	in_b ping -c 2 -i 0.2 -W 1 192.0.2.1 >/dev/null 2>&1 || true
}
setup || setup_fail "could not set up the namespaces and the veth pair"

# Numbers on the counter lines by shape; everything else as it is.
shape() { # FILE
	LC_ALL=C perl -pe '
		if (/^(\S+)\s+\d+\s+(\d+|-)/ && !/^Iface / ||
		    /^        (RX|TX) (packets|errors)/) {
			s/\d+/N/g;
			s/\(N\.N [KMGTP]?i?B\)/(N.N U)/g;
			s/ +/ /g;
		}' "$1"
}

pass=0 fail=0
check() { # NS ID ARGS...
	local ns=$1 id=$2 t e1 e2 r1 r2 ok=1
	shift 2
	t=$work/$ns-$id
	local run=in_a
	[ "$ns" = b ] && run=in_b
	local envv=(env -i PATH="$PATH_ENV" LC_ALL=C LANG=C)
	local head_n=
	if [ "$1" = HEAD ]; then
		head_n=$2
		shift 2
	fi
	if [ -n "$head_n" ]; then
		{ $run "${envv[@]}" "$NETSTAT" "$@" </dev/null 2>"$t.err1" && r1=0 || r1=$?
		  echo "$r1" >"$t.rc1"; } | head -n "$head_n" >"$t.out1"
		{ $run "${envv[@]}" "$LSOCK" --netstat "$@" </dev/null 2>"$t.err2" && r2=0 || r2=$?
		  echo "$r2" >"$t.rc2"; } | head -n "$head_n" >"$t.out2"
	else
		$run "${envv[@]}" "$NETSTAT" "$@" </dev/null >"$t.out1" 2>"$t.err1" && r1=0 || r1=$?
		echo "$r1" >"$t.rc1"
		$run "${envv[@]}" "$LSOCK" --netstat "$@" </dev/null >"$t.out2" 2>"$t.err2" && r2=0 || r2=$?
		echo "$r2" >"$t.rc2"
	fi
	if ! cmp -s "$t.out1" "$t.out2" &&
		! cmp -s <(shape "$t.out1") <(shape "$t.out2"); then
		ok=0
		echo "FAIL: $ns $id ($*): stdout differs (beyond moving counters)"
		diff -u --label netstat --label lsock <(shape "$t.out1") <(shape "$t.out2") | head -n 30 || true
	fi
	if ! cmp -s "$t.err1" "$t.err2"; then
		ok=0
		echo "FAIL: $ns $id ($*): stderr differs"
		diff -u --label netstat --label lsock "$t.err1" "$t.err2" | head -n 10 || true
	fi
	if ! cmp -s "$t.rc1" "$t.rc2"; then
		ok=0
		echo "FAIL: $ns $id ($*): exit code $(cat "$t.rc2"), netstat $(cat "$t.rc1")"
	fi
	if [ "$ok" = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
}

# The test must see what it set up, or it proves nothing.
in_a env -i PATH="$PATH_ENV" "$NETSTAT" -ia >"$work/probe" 2>&1 || true
for want in lsnA lsnA:7 lsnDown; do
	grep -q "^$want " "$work/probe" || setup_fail "netstat -ia does not list $want"
done

for ns in a b; do
	check "$ns" i -i
	check "$ns" ia -ia
	check "$ns" ie -ie
	check "$ns" iea -iea
	check "$ns" iee -iee
	check "$ns" ic HEAD 12 -ic
done

echo "$NAME: $pass passed, $fail failed"
[ "$fail" = 0 ]
