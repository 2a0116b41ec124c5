#!/bin/bash
# netstat-live.sh: lsock --netstat against the real netstat 2.10 on live
# sockets, for each backend.
#
# In a private network namespace (unshare -n, lo up) tests/helpers/mksocks
# opens its socket mix (a child shares every socket), and a second mksocks,
# on other ports, runs with a hostile argv[0] (a TAB and an escape sequence)
# and its unix sockets in a directory whose name holds an ESC. Then:
#   - each case below runs with --backend=proc, --backend=netlink and
#     --backend=auto, each time right after the real netstat; stdout,
#     stderr and exit status must be netstat's, byte for byte, once the
#     moving values are replaced by N (the numbers of the -o timers) and
#     netstat's raw control characters by '.', as lsock prints them
#     (docs/compat.md section 7, N1 and N2). Unix rows are read over
#     netlink only with --backend=netlink, where they lack /proc's order,
#     reference counts and not yet accepted sockets (section 7.2): -xap
#     then must list the same inodes; and as these kernels have no raw
#     sock_diag, a case with raw rows must print netstat's rows up to them
#     and fail loudly;
#   - the hostile name and path show escaped, and no raw TAB or ESC reaches
#     lsock's output;
#   - as nobody (no CAP_SYS_PTRACE, root's /proc/PID/fd closed) -tanp prints
#     netstat's rows and its "-p" warning;
#   - a --record of -tanp replays (--replay) to the same listing;
#   - in a fresh, idle namespace of its own (no counter moves), -s, -st,
#     -su, -sw and -s6 print netstat's bytes with each backend.
#
# Prints `netstat-live: N passed, N failed`; exits 0, 1, 77 (not root or
# no real netstat 2.10, outside CI), 99 (setup error, or CI=true and it
# cannot run).
set -uo pipefail
export LC_ALL=C LANG=C

NAME=netstat-live
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top_builddir=${top_builddir:-$(cd "$here/../.." && pwd)}
LSOCK=${LSOCK:-$top_builddir/lsock}
MKSOCKS=${MKSOCKS:-$top_builddir/tests/helpers/mksocks}
NETSTAT=${NETSTAT:-/usr/bin/netstat}
SETS=basic,tcp-listen,tcp-states,udp,raw,unix,v6
BAD_ARGV0=$(printf 'bad\tna\033[31mme')
ESC=$(printf '\033')

skip_or_fail() {
	echo "$NAME: SKIP: $*"
	[ "${CI:-}" = true ] && exit 99
	exit 77
}

[ "$(id -u)" = 0 ] || skip_or_fail "needs root (network namespaces)"
[ "$("$NETSTAT" -V 2>/dev/null | head -n 1)" = "net-tools 2.10" ] ||
	skip_or_fail "no real netstat 2.10 at $NETSTAT"
[ -x "$MKSOCKS" ] || { echo "$NAME: ERROR: no mksocks at $MKSOCKS"; exit 99; }
[ -x "$LSOCK" ] || { echo "$NAME: ERROR: no lsock at $LSOCK"; exit 99; }
command -v setpriv >/dev/null || skip_or_fail "no setpriv"

CASES=$(cat <<'EOF'
-tanpeo
-tulpn
-xap
-tan
-uan
-tanW
-uwUanpeo
-lnp
EOF
)
BACKENDS="proc netlink auto"

# --- inside the namespace ------------------------------------------------------
run_pair() { # DIR TAG BACKEND ARGS...
	local w=$1 tag=$2 b=$3
	shift 3
	env -i PATH="$PATH" LC_ALL=C LANG=C netstat "$@" \
		</dev/null >"$w/$tag.ns.out" 2>"$w/$tag.ns.err"
	echo $? >"$w/$tag.ns.rc"
	env -i PATH="$PATH" LC_ALL=C LANG=C "$LSOCK" --netstat --backend="$b" "$@" \
		</dev/null >"$w/$tag.ls.out" 2>"$w/$tag.ls.err"
	echo $? >"$w/$tag.ls.rc"
}

start_socks() { # DIR
	local w=$1
	"$MKSOCKS" --sets "$SETS" --child mksocks-kid --manifest "$w/manifest" \
		--ready "$w/ready" --hold 120 --unix-dir "$w/u" \
		>"$w/mksocks.log" 2>&1 &
	echo $! >"$w/pids"
	bash -c 'exec -a "$0" "$1" --sets udp,unix --port-base 6000 \
		--manifest "$2/manifest2" --ready "$2/ready2" --hold 120 \
		--unix-dir "$2/u${3}x" >"$2/mksocks2.log" 2>&1' \
		"$BAD_ARGV0" "$MKSOCKS" "$w" "$ESC" &
	echo $! >>"$w/pids"
	for _ in $(seq 100); do
		[ -e "$w/ready" ] && [ -e "$w/ready2" ] && return 0
		sleep 0.1
	done
	return 1
}

if [ "${1:-}" = __inner ]; then
	w=$2
	ip link set lo up
	start_socks "$w" || { kill $(cat "$w/pids"); echo "mksocks not ready"; exit 1; }
	PATH=$(dirname "$NETSTAT"):$PATH
	n=0
	while IFS= read -r args; do
		n=$((n + 1))
		for b in $BACKENDS; do
			eval "set -- $args"
			run_pair "$w" "$n.$b" "$b" "$@"
		done
	done <<<"$CASES"
	nobody="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all"
	$nobody env -i PATH="$PATH" LC_ALL=C netstat -tanp >"$w/nobody.ns.out" 2>"$w/nobody.ns.err"
	$nobody env -i PATH="$PATH" LC_ALL=C "$LSOCK" --netstat -tanp >"$w/nobody.ls.out" 2>"$w/nobody.ls.err"
	env -i PATH="$PATH" LC_ALL=C "$LSOCK" --netstat --record "$w/rec" -tanp >"$w/rec.out" 2>/dev/null
	env -i PATH="$PATH" LC_ALL=C "$LSOCK" --netstat --replay "$w/rec" -tanp >"$w/replay.out" 2>"$w/replay.err"
	kill $(cat "$w/pids") 2>/dev/null
	wait 2>/dev/null
	# -s in a fresh, idle namespace of its own, so no counter moves
	# between the two tools; lsock with each backend
	unshare -n bash -c '
		ip link set lo up
		for a in -s -st -su -sw -s6; do
			env -i PATH="$PATH" LC_ALL=C netstat $a >"$1/stat$a.ns" 2>&1
			echo "rc=$?" >>"$1/stat$a.ns"
			for b in auto proc netlink; do
				env -i PATH="$PATH" LC_ALL=C "$2" --netstat \
					--backend=$b $a >"$1/stat$a.$b" 2>&1
				echo "rc=$?" >>"$1/stat$a.$b"
			done
		done' stats "$w" "$LSOCK"
	exit 0
fi

# --- outside ---------------------------------------------------------------------
# netstat's bytes as lsock prints them: control characters made visible,
# every number of a timer as N
shape() { # FILE
	LC_ALL=C perl -pe 's/[\x00-\x09\x0b-\x1f\x7f]/./g;
		s{\(([0-9.]+)/([0-9]+)/([0-9]+)\)}{(N/N/N)}g' "$1"
}
inodes() { # FILE: the unix inodes listed, but the not yet accepted (0)
	awk '$1 == "unix" {
		for (i = 2; i <= NF && $i != "]"; i++) ;
		for (i++; i <= NF; i++) if ($i ~ /^[0-9]+$/) { if ($i != 0) print $i; break }
	}' "$1" | sort
}

w=$(mktemp -d /tmp/lsock-netstat-live.XXXXXX)
chmod 755 "$w"
trap 'rm -rf "$w"' EXIT
export LSOCK MKSOCKS NETSTAT SETS CASES BACKENDS BAD_ARGV0 ESC
if ! unshare -n bash "$0" __inner "$w"; then
	echo "$NAME: ERROR: could not run the cases in a namespace"
	exit 99
fi

pass=0 fail=0 n=0
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
ok() { pass=$((pass + 1)); }
compare() { # TAG LABEL
	local t=$w/$1 what=''
	cmp -s <(shape "$t.ns.out") <(shape "$t.ls.out") || what+=" stdout"
	cmp -s <(shape "$t.ns.err") <(shape "$t.ls.err") || what+=" stderr"
	cmp -s "$t.ns.rc" "$t.ls.rc" || what+=" status"
	if [ -z "$what" ]; then
		ok
		return
	fi
	bad "$2: lsock differs from netstat in$what"
	diff <(shape "$t.ns.out") <(shape "$t.ls.out") | head -10 | cat -v
	diff <(shape "$t.ns.err") <(shape "$t.ls.err") | head -4 | cat -v
}
# No raw sock_diag on these kernels (compat policy 6): --backend=netlink
# prints netstat's rows up to the raw table, then fails loudly.
raw_refused() { # TAG ARGS
	local t=$w/$1 k
	k=$(grep -n -m 1 '^raw' "$t.ns.out" | cut -d: -f1)
	if [ "$(cat "$t.ls.rc")" = 1 ] &&
	   grep -q '^lsock: raw sockets: not available from netlink' "$t.ls.err" &&
	   cmp -s <(shape "$t.ls.out") <(shape "$t.ns.out" | head -n $((k - 1))); then
		ok
	else
		bad "$2 --backend=netlink: not netstat's rows up to raw, then a loud failure"
		diff <(shape "$t.ns.out" | head -n $((k - 1))) <(shape "$t.ls.out") | head -5
		cat "$t.ls.err" "$t.ls.rc"
	fi
}

while IFS= read -r args; do
	n=$((n + 1))
	for b in $BACKENDS; do
		if [ "$b" = netlink ] && [[ $args == -x* ]]; then
			# unix over netlink: the same sockets, in the kernel's order
			if [ "$(inodes "$w/$n.$b.ns.out")" = "$(inodes "$w/$n.$b.ls.out")" ] &&
			   [ -n "$(inodes "$w/$n.$b.ls.out")" ] &&
			   grep -q '^unix  -  ' "$w/$n.$b.ls.out"; then
				ok
			else
				bad "$args --backend=netlink: not the same unix sockets as netstat"
			fi
			continue
		fi
		if [ "$b" = netlink ] && grep -q '^raw' "$w/$n.$b.ns.out"; then
			raw_refused "$n.$b" "$args"
			continue
		fi
		compare "$n.$b" "$args --backend=$b"
	done
done <<<"$CASES"

# the hostile argv[0] and unix path: escaped in lsock, raw in netstat
t=$w/2.auto
if grep -qF "$(printf 'bad\tna\033')" "$t.ns.out" &&
   grep -qF 'bad.na.[31mme' "$t.ls.out" &&
   ! LC_ALL=C grep -q "$(printf '[\t\033]')" "$w"/*.ls.out; then
	ok
else
	bad "hostile argv[0]: not escaped in lsock (or no raw bytes in netstat's row)"
	grep 'bad' "$t.ls.out" | head -3 | cat -A
fi
if grep -qF "/u.x/" "$w/3.auto.ls.out" && grep -qF "/u${ESC}x/" "$w/3.auto.ns.out"; then
	ok
else
	bad "hostile unix path: not shown as u.x"
	grep 'u.x' "$w/3.auto.ls.out" | head -3 | cat -A
fi

# as nobody: netstat's rows and warning
if cmp -s "$w/nobody.ns.out" "$w/nobody.ls.out" &&
   cmp -s "$w/nobody.ns.err" "$w/nobody.ls.err" &&
   grep -q 'geteuid()=65534' "$w/nobody.ls.err"; then
	ok
else
	bad "-tanp as nobody differs from netstat"
	diff "$w/nobody.ns.out" "$w/nobody.ls.out" | head -5
	diff "$w/nobody.ns.err" "$w/nobody.ls.err" | head -5
fi

# record, then replay: the same listing, and no -p warning from a recording
if [ -s "$w/rec.out" ] && cmp -s "$w/rec.out" "$w/replay.out" && [ ! -s "$w/replay.err" ]; then
	ok
else
	bad "--record -tanp does not replay to the same listing"
	diff "$w/rec.out" "$w/replay.out" | head -5
	head -3 "$w/replay.err"
fi

# -s, -st, -su, -sw, -s6: byte for byte, whatever the backend
for a in -s -st -su -sw -s6; do
	for b in auto proc netlink; do
		if [ -s "$w/stat$a.ns" ] && cmp -s "$w/stat$a.ns" "$w/stat$a.$b"; then
			ok
		else
			bad "$a --backend=$b differs from netstat"
			diff "$w/stat$a.ns" "$w/stat$a.$b" | head -5
		fi
	done
done

echo "$NAME: $pass passed, $fail failed"
[ "$fail" = 0 ]
