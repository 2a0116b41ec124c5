#!/bin/bash
# ss-live-info.sh: -i and -m on live sockets, lsock against the real ss 6.1,
# over netlink and through ss's /proc path.
#
# In a private network namespace (unshare -n, lo up), tests/helpers/mksocks
# opens its socket mix (listeners, every TCP state, UDP, unix, packet,
# netlink, IPv6), and a small perl helper adds a TCP listener with a TCP-MD5
# key and an MPTCP connection, when the kernel allows them. Then, for every
# case below, the real ss and lsock run one after the other and their
# outputs, with the exit status appended, must have the same shape: every
# number replaced by N and runs of blanks squeezed (compat policy 5: rtt,
# counters, rates, timers and queues move between the two runs, and column
# widths with them); everything else byte for byte. A case is tried up to 6
# times, since a value can also pass through zero (a field then disappears)
# between the two runs; it fails if no attempt matches.
#
# Modes: "nl" both tools as they are (ss's netlink path, lsock's auto);
# "nlsort" the same with the rows sorted (the netlink table, whose order
# follows port ids that differ between runs); "proc" both with
# PROC_ROOT=/proc (ss's /proc path); "procbk" ss with PROC_ROOT=/proc and
# lsock --backend=proc (IP tables only: ss's /proc reading of unix sockets
# has bugs lsock does not copy, docs/compat.md section 1).
# Needs: "o" and "e" cases also exercise -o/-e, which lsock must have (if it
# has not, the case is not run, and under CI=true that is a failure); "md5"
# and "mptcp" cases need the helper's sockets (skipped, with a note, when
# the kernel refuses them).
#
# Prints `ss-live-info: N passed, N failed`; exits 0, 1, 77 (not root or no
# real ss, outside CI), 99 (setup error, or CI=true and it cannot run).
set -uo pipefail
export LC_ALL=C LANG=C

NAME=ss-live-info
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/live/live-lib.sh
. "$here/live-lib.sh"
SETS=tcp-listen,tcp-states,udp,unix,netlink,packet,v6
TRIES=6
[ -x "$MKSOCKS" ] || { echo "$NAME: ERROR: no mksocks at $MKSOCKS"; exit 99; }

# MODE|NEEDS|ARGS
CASES=$(cat <<'EOF'
nl||-tni
nl||-tnm
nl||-tnmi
nl|o|-tnio
nl||-tniO
nl|e|-tanie
nl||-tanmi
nl||-tanmiO
nl||-tnmi -6
nl||-ti
nl||-tin state listening
nl||-uanm
nl||-uanmi
nl||-uanmO
nl||-xanm
nl||-xanmO
nl||-0anm
nlsort||-anm -f netlink
nlsort||-anmO -f netlink
nl|md5|-tnli sport = :7000
nl|md5|-tanmi src 127.0.0.1:7000
nl|mptcp|-Mani
nl|mptcp|-Manm
nl|mptcp|-ManmiO
nl|mptcp|-tani sport = :7001 or dport = :7001
proc||-tani
proc||-tanmi -O
proc||-tuwani
procbk||-tani
procbk||-tuwanm
EOF
)

# A TCP listener on 127.0.0.1:7000 with an MD5 key for 127.0.0.1 (a key
# with a space, a comma, a backslash and a control byte, which ss escapes),
# and an MPTCP listener on 7001 with one connection. Writes "md5" and
# "mptcp" lines to $ready for what worked, then waits.
HELPER=$(cat <<'EOF'
use strict; use Socket;
my ($ready, $hold) = @ARGV;
my @ok; my @keep;
if (socket(my $s, PF_INET, SOCK_STREAM, 6)) {
	setsockopt($s, SOL_SOCKET, SO_REUSEADDR, 1);
	my $key = "se cr,et\\\x01";
	my $sa = pack("S n a4", AF_INET, 0, inet_aton("127.0.0.1")) . ("\0" x 120);
	my $opt = $sa . pack("C C S l", 0, 0, length($key), 0) . $key .
		("\0" x (80 - length($key)));
	if (bind($s, pack_sockaddr_in(7000, inet_aton("127.0.0.1"))) &&
	    setsockopt($s, 6, 14, $opt) && listen($s, 5)) {
		push @ok, "md5"; push @keep, $s;
	}
}
if (socket(my $l, PF_INET, SOCK_STREAM, 262)) {
	my $c; my $a;
	if (bind($l, pack_sockaddr_in(7001, inet_aton("127.0.0.1"))) &&
	    listen($l, 5) && socket($c, PF_INET, SOCK_STREAM, 262) &&
	    connect($c, pack_sockaddr_in(7001, inet_aton("127.0.0.1"))) &&
	    accept($a, $l)) {
		syswrite($c, "x" x 100);
		push @ok, "mptcp"; push @keep, $l, $c, $a;
	}
}
open(my $f, ">", "$ready.tmp") or die; print $f map { "$_\n" } @ok; close $f;
rename("$ready.tmp", $ready);
sleep $hold;
EOF
)

# --- inside the namespace ------------------------------------------------------
run_case() { # N MODE ARGS...
	local n=$1 mode=$2
	shift 2
	case $mode in
	nl|nlsort)
		env -i PATH="$PATH" LC_ALL=C "$SS" "$@" >"$w/$n.ss" 2>&1
		echo "rc=$?" >>"$w/$n.ss"
		env -i PATH="$PATH" LC_ALL=C "$LSOCK" "$@" >"$w/$n.ls" 2>&1
		echo "rc=$?" >>"$w/$n.ls"
		;;
	proc|procbk)
		env -i PATH="$PATH" LC_ALL=C PROC_ROOT=/proc "$SS" "$@" \
			>"$w/$n.ss" 2>&1
		echo "rc=$?" >>"$w/$n.ss"
		if [ "$mode" = proc ]; then
			env -i PATH="$PATH" LC_ALL=C PROC_ROOT=/proc "$LSOCK" "$@" \
				>"$w/$n.ls" 2>&1
		else
			env -i PATH="$PATH" LC_ALL=C "$LSOCK" --backend=proc "$@" \
				>"$w/$n.ls" 2>&1
		fi
		echo "rc=$?" >>"$w/$n.ls"
		;;
	esac
}

shape() { # FILE MODE
	if [ "$2" = nlsort ]; then
		{ head -n 1 "$1"; tail -n +2 "$1" | sort; }
	else
		cat "$1"
	fi | sed -E 's/[0-9]+/N/g; s/ +/ /g; s/ +$//'
}

# Whether lsock prints what ss prints for OPT (o: timers, e: details).
has_feature() { # o|e
	local pat state
	case $1 in
	o) pat='timer:(timewait,' state=time-wait ;;	# always has a timer
	e) pat=' ino:' state=listening ;;
	*) return 0 ;;
	esac
	"$SS" -tn "-$1" state $state | grep -qF "$pat" || return 0
	"$LSOCK" -tn "-$1" state $state | grep -qF "$pat"
}

if [ "${1:-}" = __inner ]; then
	w=$2
	ip link set lo up
	"$MKSOCKS" --sets "$SETS" --manifest "$w/manifest" --ready "$w/ready" \
		--hold 240 --unix-dir "$w/u" >"$w/mksocks.log" 2>&1 &
	mk=$!
	hp=
	if command -v perl >/dev/null; then
		perl -e "$HELPER" "$w/helper" 240 >"$w/helper.log" 2>&1 &
		hp=$!
	fi
	for _ in $(seq 100); do
		[ -e "$w/ready" ] && { [ -z "$hp" ] || [ -e "$w/helper" ]; } && break
		sleep 0.1
	done
	[ -e "$w/ready" ] || { kill "$mk" $hp; echo "mksocks not ready"; exit 1; }
	touch "$w/helper"
	for f in o e; do has_feature $f && echo "$f" >>"$w/helper"; done
	n=0
	while IFS='|' read -r mode needs args; do
		n=$((n + 1))
		if [ -n "$needs" ] && ! grep -qx "$needs" "$w/helper"; then
			echo "$needs" >"$w/$n.skip"
			continue
		fi
		eval "set -- $args"
		for t in $(seq "$TRIES"); do
			run_case "$n" "$mode" "$@"
			cmp -s <(shape "$w/$n.ss" "$mode") <(shape "$w/$n.ls" "$mode") &&
				break
			echo "$t" >"$w/$n.tries"
			sleep 0.3
		done
	done <<<"$CASES"
	live_inner_end "$mk" $hp
fi

# --- outside ---------------------------------------------------------------------
live_workdir
export LSOCK MKSOCKS SS SETS CASES HELPER TRIES
live_run_inner

n=0
while IFS='|' read -r mode needs args; do
	n=$((n + 1))
	if [ -e "$w/$n.skip" ]; then
		case $needs in
		o|e)
			if [ "${CI:-}" = true ]; then
				bad "$args: lsock has no -$needs output"
			else
				echo "NOTE: $args: not run, lsock has no -$needs output yet"
			fi
			;;
		*) echo "NOTE: $args: not run, the kernel refused the $needs sockets" ;;
		esac
		continue
	fi
	if cmp -s <(shape "$w/$n.ss" "$mode") <(shape "$w/$n.ls" "$mode"); then
		pass=$((pass + 1))
		[ -e "$w/$n.tries" ] &&
			echo "NOTE: $mode $args: matched after $(cat "$w/$n.tries") moving attempt(s)"
	else
		bad "$mode $args: lsock differs from ss in $TRIES attempts (by shape)"
		diff <(shape "$w/$n.ss" "$mode") <(shape "$w/$n.ls" "$mode") | head -10
	fi
done <<<"$CASES"
# The MD5 key bytes come out ahead of the table in both (docs/compat.md 3).
if grep -qx md5 "$w/helper" 2>/dev/null; then
	m=$(grep -n 'sport = :7000' <<<"$CASES" | head -1 | cut -d: -f1)
	if head -n 1 "$w/$m.ls" | grep -qF 'se\040cr\054et\134\001' &&
		grep -qF 'md5keys:127.0.0.1/32=' "$w/$m.ls"; then
		pass=$((pass + 1))
	else
		bad "md5: the escaped key should open lsock's output"
		head -3 "$w/$m.ls"
	fi
fi
live_done
