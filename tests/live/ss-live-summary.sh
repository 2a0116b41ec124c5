#!/bin/bash
# ss-live-summary.sh: `lsock -s` against the real ss 6.1.
#
# 1. Live, in a private network namespace (unshare -n, lo up) holding the
#    sockets of tests/helpers/mksocks: `-s` alone and followed by listings.
#    lsock and ss run one after the other. Before each run the namespace's
#    "sockets: used" must be back at its value after mksocks started: the
#    kernel frees a closed netlink socket a little later, so the sockets
#    of the run before would still count. Since some counters are global
#    (TCP "alloc" counts every namespace) or move, a pair that differs is
#    run again, at most 5 times, and only the last try counts; when the
#    TCP line still differs only in the global count (total and closed
#    moved together), the pair counts as matching.
#    --record then --replay of `-s` must show what the recorded run showed,
#    and what the real ss shows for the recorded tree.
# 2. Offline, on files made here and named through PROC_NET_SOCKSTAT,
#    PROC_NET_SOCKSTAT6 and PROC_NET_SNMP (or PROC_ROOT): missing files, a
#    directory, odd and malformed contents. stdout and the exit status
#    must be ss's; stderr holds lsock's own messages, one line per problem
#    (docs/compat.md), and the count of those lines is checked.
# 3. Errors after the options (a bad state name, a bad port): ss has
#    already printed the summary; lsock prints nothing on stdout, with the
#    same exit status (compat policy: nothing on stdout for an error).
#
# Prints `ss-live-summary: N passed, N failed`; exits 0, 1, 77 (not root or
# no real ss, outside CI), 99 (setup error, or CI=true and it cannot run).
set -uo pipefail
export LC_ALL=C LANG=C

NAME=ss-live-summary
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/live/live-lib.sh
. "$here/live-lib.sh"
PATH_ENV=/usr/sbin:/usr/bin:/sbin:/bin
TRIES=5
[ -x "$MKSOCKS" ] || { echo "$NAME: ERROR: no mksocks at $MKSOCKS"; exit 99; }
[ -x "$LSOCK" ] || { echo "$NAME: ERROR: no lsock at $LSOCK"; exit 99; }

LIVE_CASES=$(cat <<'EOF'
-s
-s -a
-sH
-s -tn
-s -tan
-s -xn
-s -un
-sn state established
-sn sport = :22
EOF
)

# run BIN OUT ARGS...: stdout and "rc=N" into OUT, stderr into OUT.err
run() {
	local bin=$1 out=$2
	shift 2
	env -i PATH="$PATH_ENV" LC_ALL=C "$bin" "$@" >"$out" 2>"$out.err"
	echo "rc=$?" >>"$out"
}

# --- inside the namespace ------------------------------------------------------
if [ "${1:-}" = __inner ]; then
	w=$2
	ip link set lo up
	"$MKSOCKS" --sets basic,tcp-listen,udp,unix --manifest "$w/manifest" \
		--ready "$w/ready" --hold 120 --unix-dir "$w/u" \
		>"$w/mksocks.log" 2>&1 &
	mk=$!
	for _ in $(seq 100); do [ -e "$w/ready" ] && break; sleep 0.1; done
	[ -e "$w/ready" ] || { kill "$mk"; echo "mksocks not ready"; exit 1; }
	sleep 0.5
	base=$(head -n 1 /proc/net/sockstat)
	settle() { # at most 2 s
		for _ in $(seq 40); do
			[ "$(head -n 1 /proc/net/sockstat)" = "$base" ] && return
			sleep 0.05
		done
	}
	n=0
	while IFS= read -r args; do
		n=$((n + 1))
		eval "set -- $args"
		for try in $(seq "$TRIES"); do
			settle
			run "$SS" "$w/$n.ss" "$@"
			settle
			run "$LSOCK" "$w/$n.ls" "$@"
			cmp -s "$w/$n.ss" "$w/$n.ls" && break
		done
		echo "$try" >"$w/$n.tries"
	done <<<"$LIVE_CASES"
	for try in $(seq "$TRIES"); do
		rm -rf "$w/rec"
		settle
		run "$LSOCK" "$w/rec.live" --record "$w/rec" -s
		settle
		run "$SS" "$w/rec.ss" -s
		cmp -s "$w/rec.live" "$w/rec.ss" && break
	done
	live_inner_end "$mk"
fi

# --- outside ---------------------------------------------------------------------
live_workdir
export LSOCK MKSOCKS SS
live_run_inner


# The TCP line's total and "closed" come from the kernel's count of TCP
# sockets allocated in every namespace, which the other tests of a
# parallel `make check` move: as the difference of the two (what this
# namespace holds) the rest of the line must still match.
tcp_masked() {
	awk '/^TCP: / && match($0, /^TCP: +[0-9]+ \(estab [0-9]+, closed [0-9]+,/) {
		split(substr($0, 1, RLENGTH), f, /[^0-9]+/)
		sub(/^TCP: +[0-9]+ \(estab [0-9]+, closed [0-9]+,/,
		    "TCP: held " (f[2] - f[4]) " (estab " f[3] ", closed -,")
	} { print }' "$1"
}

# 1. live
n=0
while IFS= read -r args; do
	n=$((n + 1))
	if cmp -s "$w/$n.ss" "$w/$n.ls"; then
		ok
		t=$(cat "$w/$n.tries")
		[ "$t" = 1 ] || echo "$NAME: note: live '$args' matched on try $t"
	elif [ "$(tcp_masked "$w/$n.ss")" = "$(tcp_masked "$w/$n.ls")" ]; then
		ok
		echo "$NAME: note: live '$args' matched with the global TCP count moving"
	else
		bad "live '$args': lsock differs from ss after $(cat "$w/$n.tries") tries"
		diff "$w/$n.ss" "$w/$n.ls" | head -10
	fi
	if [ ! -s "$w/$n.ls.err" ]; then
		ok
	else
		bad "live '$args': lsock wrote to stderr: $(head -3 "$w/$n.ls.err")"
	fi
done <<<"$LIVE_CASES"
if cmp -s "$w/rec.live" "$w/rec.ss"; then ok; else
	bad "live --record -s: differs from ss -s"
	diff "$w/rec.ss" "$w/rec.live" | head -10
fi
run "$LSOCK" "$w/rec.replay" --replay "$w/rec" -s
if cmp -s "$w/rec.live" "$w/rec.replay" && [ ! -s "$w/rec.replay.err" ]; then ok; else
	bad "--replay -s differs from the recorded run: $(head -3 "$w/rec.replay.err")"
	diff "$w/rec.live" "$w/rec.replay" | head -10
fi
env -i PATH="$PATH_ENV" LC_ALL=C PROC_ROOT="$w/rec/proc" "$SS" -s >"$w/rec.ssproc" 2>/dev/null
echo "rc=$?" >>"$w/rec.ssproc"
if cmp -s "$w/rec.replay" "$w/rec.ssproc"; then ok; else
	bad "--replay -s differs from PROC_ROOT=REC/proc ss -s"
	diff "$w/rec.ssproc" "$w/rec.replay" | head -10
fi

# 2. offline, on files made here
f=$w/f
mkdir -p "$f/dir" "$f/empty"
printf 'sockets: used 18\nTCP: inuse 4 orphan 1 tw 2 alloc 8 mem 17\nUDP: inuse 2 mem 0\nUDPLITE: inuse 0\nRAW: inuse 1\nFRAG: inuse 3 memory 4096\n' >"$f/sockstat"
printf 'TCP6: inuse 3\nUDP6: inuse 5\nUDPLITE6: inuse 0\nRAW6: inuse 6\nFRAG6: inuse 7 memory 0\n' >"$f/sockstat6"
printf 'Ip: Forwarding DefaultTTL\nIp: 2 64\nTcp: RtoAlgorithm RtoMin CurrEstab InSegs\nTcp: 1 200 9 641\n' >"$f/snmp"
# numbers out of range, white space of every kind, a 255-byte piece, a NUL,
# a repeated counter, CRLF line ends
{
	printf 'sockets: used 4294967297\nTCP: inuse 99999999999999999999 orphan -5 tw +3 alloc 2147483647 mem 1\n'
	printf 'RAW:\tinuse 1\n RAW: inuse 2\nRAW: \t inuse\r\v9\r\n'
	printf 'XX: %0251d' 0
	printf 'UDP: inuse 7\nUDP: inuse 12ab\nFRAG: inuse 3\0FRAG: inuse 4\n'
	printf 'TCP6: x\nUDP6: inuse 2147483647\n'
} >"$f/sockstat.odd"
# a header whose value line is too short, then one without the key
printf 'Tcp: A CurrEstab\nTcp: 1\nTcp: A B C\nTcp: 4 5 6\n' >"$f/snmp.nokey"
printf 'Tcp: A CurrEstab\nUdp: 1 2\n' >"$f/snmp.broken"
printf 'Tcp: RtoAlgorithm CurrEstab\r\nTcp: 1 2\r\n' >"$f/snmp.crlf"
: >"$f/zero"

# NAME SOCKSTAT SOCKSTAT6 SNMP LSOCK-STDERR-LINES ARGS...
# (a file name under $f, "-" for a missing file, "root" for none of the
# three variables; PROC_ROOT is always an empty tree, so that any listing
# comes from there and is empty)
FILE_CASES=$(cat <<'EOF'
good sockstat sockstat6 snmp 0 -s
good-tn sockstat sockstat6 snmp 0 -s -tn
no-sockstat - sockstat6 snmp 1 -s
no-sockstat6 sockstat - snmp 0 -s
no-snmp sockstat sockstat6 - 1 -s
nothing - - - 2 -s
dir-sockstat dir sockstat6 snmp 1 -s
dir-snmp sockstat sockstat6 dir 1 -s
empty-files zero zero zero 1 -s
odd sockstat.odd sockstat6 snmp.nokey 0 -s
odd2 sockstat.odd zero snmp.broken 1 -s
crlf sockstat sockstat6 snmp.crlf 0 -s
empty-root root root root 2 -s
empty-root-tn root root root 2 -s -tn
empty-root-a root root root 2 -sa
EOF
)
fpath() { [ "$1" = - ] && echo "$f/missing" || echo "$f/$1"; }
while read -r name s4 s6 snmp nerr args; do
	if [ "$s4" = root ]; then
		set -- PROC_ROOT="$f/empty"
	else
		set -- PROC_ROOT="$f/empty" PROC_NET_SOCKSTAT="$(fpath "$s4")" \
			PROC_NET_SOCKSTAT6="$(fpath "$s6")" PROC_NET_SNMP="$(fpath "$snmp")"
	fi
	# shellcheck disable=SC2086
	env -i PATH="$PATH_ENV" LC_ALL=C "$@" "$SS" $args >"$w/$name.ss" 2>"$w/$name.ss.err"
	echo "rc=$?" >>"$w/$name.ss"
	# shellcheck disable=SC2086
	env -i PATH="$PATH_ENV" LC_ALL=C "$@" "$LSOCK" $args >"$w/$name.ls" 2>"$w/$name.ls.err"
	echo "rc=$?" >>"$w/$name.ls"
	if cmp -s "$w/$name.ss" "$w/$name.ls"; then ok; else
		bad "$name ($args): lsock's stdout or status differs from ss"
		diff "$w/$name.ss" "$w/$name.ls" | head -10
	fi
	got=$(wc -l <"$w/$name.ls.err")
	if [ "$got" = "$nerr" ] && ! grep -qv '^lsock: ' "$w/$name.ls.err"; then ok; else
		bad "$name: want $nerr 'lsock: ' line(s) on stderr, got: $(cat "$w/$name.ls.err")"
	fi
done <<<"$FILE_CASES"

# 3. errors after the options: ss's status, nothing on stdout
while read -r name want args; do
	set -- PROC_NET_SOCKSTAT="$f/sockstat" PROC_NET_SOCKSTAT6="$f/sockstat6" \
		PROC_NET_SNMP="$f/snmp" PROC_ROOT="$f/empty"
	# shellcheck disable=SC2086
	env -i PATH="$PATH_ENV" LC_ALL=C "$@" "$SS" $args >"$w/$name.ss" 2>/dev/null
	src=$?
	# shellcheck disable=SC2086
	env -i PATH="$PATH_ENV" LC_ALL=C "$@" "$LSOCK" $args >"$w/$name.ls" 2>"$w/$name.ls.err"
	lrc=$?
	if [ "$src" = "$want" ] && [ "$lrc" = "$want" ] && [ ! -s "$w/$name.ls" ] &&
		grep -q '^Total: 18$' "$w/$name.ss" && [ "$(wc -l <"$w/$name.ls.err")" = 1 ]; then
		ok
	else
		bad "$name ($args): ss rc $src, lsock rc $lrc (want $want), lsock stdout $(wc -c <"$w/$name.ls") bytes, stderr: $(cat "$w/$name.ls.err")"
	fi
done <<'EOF'
bad-state 255 -s state bogus
bad-port 1 -s -n sport = :nosuchservice
EOF

live_done
