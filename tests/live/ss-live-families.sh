#!/bin/bash
# ss-live-families.sh: TCP of both families over sock_diag, in the order ss
# prints them, whichever way lsock asks the kernel.
#
# lsock asks for TCP of both families with one TCPDIAG_GETSOCK request when
# /proc/net/sockstat6 counts at most 4096 IPv6 TCP sockets, holding the
# IPv6 replies back until the dump ends; with more, it sends ss's two
# requests (IPv4, then IPv6). In a private network namespace a perl
# program (perl-base is part of every Debian system) opens IPv4 and IPv6
# listeners, connections and TIME-WAIT sockets, created alternately so
# that the kernel's tables mix the two families, and the cases below run
# twice:
#
#  few   about 60 IPv6 sockets: the one-request path;
#  many  4200 more IPv6 listeners (sockstat6 is checked to be over 4096):
#        ss's two requests.
#
# Each time, lsock must print byte for byte what the real ss 6.1 prints
# (ss mode) or what the real netstat 2.10 prints (netstat mode), with an
# empty stderr.
#
#   tests/live/ss-live-families.sh        (root; binary $top_builddir/lsock)
#
# Prints `ss-live-families: N passed, N failed`; exits 0, 1, 77 (not root or
# no real ss, outside CI), 99 (setup error; CI=true and not root or no ss).
set -uo pipefail
export LC_ALL=C LANG=C

NAME=ss-live-families
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/live-lib.sh"
NETSTAT=${NETSTAT:-/usr/bin/netstat}
[ -x "$NETSTAT" ] || skip_or_fail "no real netstat"
command -v perl >/dev/null || skip_or_fail "no perl"

# Each line: the tool to compare with (ss or netstat), then its arguments.
CASES='ss -tan
ss -tanp
ss -ta
ss -tn state established
ss -tan "( sport = :7201 or dport = :7301 )"
ss -Htan state time-wait
ss -tan -f inet6
netstat -tan
netstat -tanp
netstat -tlnp'

# The sockets: 8 listeners per family (127.0.0.1:7200+, [::1]:7300+), three
# connections to each, the first of them closed into TIME-WAIT; with the
# file MORE present, 4200 IPv6 listeners on [::1]:20000+.
PERL_SOCKS='
use strict; use warnings; use Socket qw(:all);
my ($ready, $more, $ready2) = @ARGV;
my @keep;
sub lsn { my ($fam, $addr, $port) = @_;
	socket(my $s, $fam, SOCK_STREAM, 0) or die "socket: $!";
	setsockopt($s, SOL_SOCKET, SO_REUSEADDR, 1);
	my $sa = $fam == AF_INET ? pack_sockaddr_in($port, inet_pton($fam, $addr))
				 : pack_sockaddr_in6($port, inet_pton($fam, $addr));
	bind($s, $sa) or die "bind $addr $port: $!"; listen($s, 128) or die "listen: $!";
	push @keep, $s; return ($s, $sa); }
sub conn { my ($fam, $l, $sa, $close) = @_;
	socket(my $c, $fam, SOCK_STREAM, 0) or die "socket: $!";
	connect($c, $sa) or die "connect: $!"; accept(my $a, $l) or die "accept: $!";
	if ($close) { close($c); select(undef, undef, undef, 0.01); close($a); }
	else { push @keep, $c, $a; } }
my @l;
for my $i (0 .. 7) {
	push @l, [AF_INET, lsn(AF_INET, "127.0.0.1", 7200 + $i)];
	push @l, [AF_INET6, lsn(AF_INET6, "::1", 7300 + $i)]; }
for my $k (0 .. 2) { conn($_->[0], $_->[1], $_->[2], $k == 0) for @l; }
open(my $f, ">", $ready) or die; close($f);
for (1 .. 1200) { last if -e $more; select(undef, undef, undef, 0.05); }
if (-e $more) { lsn(AF_INET6, "::1", 20000 + $_) for 0 .. 4199;
	open(my $g, ">", $ready2) or die; close($g); }
sleep 60;
'

run() { # OUT TOOL ARGS...: stdout to OUT, stderr to OUT.err, status to OUT.rc
	local out=$1 tool=$2
	shift 2
	"$tool" "$@" >"$out" 2>"$out.err"
	echo $? >"$out.rc"
}

# --- inside the namespace ------------------------------------------------------
if [ "${1:-}" = __inner ]; then
	w=$2
	ip link set lo up
	ulimit -n 16384
	perl -e "$PERL_SOCKS" "$w/ready" "$w/more" "$w/ready2" \
		>"$w/perl.log" 2>&1 &
	pl=$!
	for _ in $(seq 200); do [ -e "$w/ready" ] && break; sleep 0.05; done
	[ -e "$w/ready" ] || { kill "$pl"; cat "$w/perl.log"; exit 1; }
	for phase in few many; do
		if [ "$phase" = many ]; then
			: >"$w/more"
			for _ in $(seq 400); do [ -e "$w/ready2" ] && break; sleep 0.05; done
			[ -e "$w/ready2" ] || { kill "$pl"; cat "$w/perl.log"; exit 1; }
		fi
		awk '$1 == "TCP6:" { print $3 }' /proc/net/sockstat6 >"$w/$phase.v6"
		n=0
		while IFS= read -r line; do
			n=$((n + 1))
			eval "set -- $line"
			tool=$1
			shift
			if [ "$tool" = ss ]; then
				run "$w/$phase.$n.ref" "$SS" "$@"
				run "$w/$phase.$n.ls" "$LSOCK" "$@"
			else
				run "$w/$phase.$n.ref" "$NETSTAT" "$@"
				run "$w/$phase.$n.ls" "$LSOCK" --netstat "$@"
			fi
		done <<<"$CASES"
	done
	live_inner_end "$pl"
fi

# --- outside ---------------------------------------------------------------------
live_workdir
export LSOCK SS NETSTAT CASES PERL_SOCKS
live_run_inner

few=$(cat "$w/few.v6") many=$(cat "$w/many.v6")
if [ "$few" -gt 0 ] && [ "$few" -le 4096 ]; then ok; else
	bad "few: sockstat6 counts $few IPv6 TCP sockets, not 1 to 4096"; fi
if [ "$many" -gt 4096 ]; then ok; else
	bad "many: sockstat6 counts $many IPv6 TCP sockets, not over 4096"; fi
for phase in few many; do
	n=0
	while IFS= read -r line; do
		n=$((n + 1))
		f=$w/$phase.$n
		if ! [ -s "$f.ref" ]; then
			bad "$phase '$line': the reference printed nothing"
		elif cmp -s "$f.ref" "$f.ls" &&
		     [ "$(cat "$f.ref.rc")" = "$(cat "$f.ls.rc")" ]; then
			ok
		else
			bad "$phase '$line': lsock differs from the reference"
			diff "$f.ref" "$f.ls" | head -10
		fi
		if [ -s "$f.ls.err" ]; then
			bad "$phase '$line': lsock wrote to stderr: $(head -3 "$f.ls.err")"
		else
			ok
		fi
	done <<<"$CASES"
done
live_done
