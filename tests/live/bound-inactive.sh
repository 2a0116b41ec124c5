#!/bin/bash
# bound-inactive.sh: a TCP socket that is bound but neither listening nor
# connecting. Kernels since 6.7 report such sockets over sock_diag only when
# asked for state bit 13; ss 6.1 never asks, so it never shows them, and
# lsock must not either, with any backend or state filter.
set -uo pipefail
export LC_ALL=C LANG=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top_srcdir=${top_srcdir:-$(cd "$here/../.." && pwd)}
LSOCK=${LSOCK:-${top_builddir:-$top_srcdir}/lsock}
MKSOCKS=${MKSOCKS:-${top_builddir:-$top_srcdir}/tests/helpers/mksocks}

if [ "$(id -u)" != 0 ]; then
	[ "${CI:-}" = true ] && { echo "bound-inactive: CI needs root" >&2; exit 99; }
	echo "bound-inactive: needs root for a private network namespace: skipped"
	exit 77
fi
[ -x "$LSOCK" ] && [ -x "$MKSOCKS" ] || { echo "bound-inactive: missing binaries" >&2; exit 99; }

w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
# shellcheck disable=SC2016
unshare -n bash -c '
	ip link set lo up
	"$1" --sets tcp-listen --port-base 7100 --manifest "$2/man" --ready "$2/ready" \
		--hold 30 >/dev/null 2>&1 &
	pid=$!
	for _ in $(seq 200); do [ -e "$2/ready" ] && break; sleep 0.05; done
	# a bound, inactive socket, held by a short perl program (perl-base is
	# part of every Debian system)
	perl -MSocket -e '"'"'socket(my $s, PF_INET, SOCK_STREAM, 0) or die;
		bind($s, pack_sockaddr_in(7199, inet_aton("127.0.0.1"))) or die;
		open(my $f, ">", $ARGV[0]) or die; close $f; sleep 20'"'"' "$2/bound" &
	py=$!
	for _ in $(seq 200); do [ -e "$2/bound" ] && break; sleep 0.05; done
	for b in auto netlink proc; do
		for a in "-tan" "-ta state all" "-tan state closed"; do
			"$3" --backend=$b $a >"$2/out.$b.${a// /_}" 2>&1
		done
	done
	ss -ta state all >"$2/ss" 2>&1
	kill $py $pid 2>/dev/null; wait
' _ "$MKSOCKS" "$w" "$LSOCK"

pass=0 fail=0
[ -e "$w/bound" ] || { echo "bound-inactive: could not make the socket" >&2; exit 99; }
grep -q ':7199' "$w/ss" && { echo "FAIL: the real ss shows it (not ss 6.1?)"; fail=$((fail + 1)); }
for f in "$w"/out.*; do
	if grep -q ':7199' "$f"; then
		echo "FAIL: ${f##*/out.} shows the bound-inactive socket"
		fail=$((fail + 1))
	elif grep -q 'LISTEN' "$f" || grep -q 'closed' <<<"$f"; then
		pass=$((pass + 1))
	else
		echo "FAIL: ${f##*/out.}: no listing"; cat "$f"; fail=$((fail + 1))
	fi
done
echo "bound-inactive: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
