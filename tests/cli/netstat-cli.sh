#!/bin/bash
# netstat-cli.sh: what only lsock does in netstat mode, on recorded trees
# (PROC_ROOT), without root: the invocation through a link named netstat,
# the version text, lsock's own options next to netstat's abbreviations,
# the variables netstat mode ignores, a full disk, a replayed recording, and
# the deviations of docs/compat.md section 7 that the golden tests cannot
# show (N5 undefined TCP states, N6 -V, N7 write errors, N8 tables lsock
# cannot list). Everything netstat itself prints is checked against the
# real netstat by tests/golden/netstat-golden.sh.
set -uo pipefail
export LC_ALL=C LANG=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top_srcdir=${top_srcdir:-$(cd "$here/../.." && pwd)}
LSOCK=${LSOCK:-${top_builddir:-$top_srcdir}/lsock}
case $LSOCK in /*) ;; *) LSOCK=$(cd "$(dirname "$LSOCK")" && pwd)/${LSOCK##*/} ;; esac
FX=$top_srcdir/fixtures/proc/basic/proc
REC=$top_srcdir/fixtures/netlink/mix
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# run NAME RC -- ARGS...: lsock --netstat on the basic tree; out/err in $tmp
run() {
	local name=$1 rc=$2 got
	shift 3
	env -i PATH="$PATH" LC_ALL=C PROC_ROOT="${TREE:-$FX}" "$LSOCK" --netstat \
		"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	if [ "$got" -ne "$rc" ]; then
		bad "$name: exit $got, want $rc; stderr: $(head -c 300 "$tmp/err")"
		return 1
	fi
	ok
}
has() { # NAME FILE REGEX
	if grep -Eq -- "$3" "$2"; then ok; else bad "$1: $2 lacks /$3/: $(head -c 300 "$2")"; fi
}
same() { # NAME FILE1 FILE2
	if cmp -s "$2" "$3"; then ok; else bad "$1: outputs differ"; diff "$2" "$3" | head -5; fi
}

# --- N6: -V names lsock and its version (the one in ss mode's -V)
version=$("$LSOCK" -V | sed -n 's/^lsock utility, lsock-//p')
run version 0 -- -V
[ "$(head -n 1 "$tmp/out")" = "lsock $version" ] && ok ||
	bad "version: first line '$(head -n 1 "$tmp/out")', want 'lsock $version'"
[ "$(wc -l <"$tmp/out")" = 3 ] && [ ! -s "$tmp/err" ] && ok || bad "version: 3 lines on stdout only"

# --- a link named netstat is the netstat personality; getopt names it
ln -s "$LSOCK" "$tmp/netstat"
env -i PATH="$PATH" PROC_ROOT="$FX" "$tmp/netstat" -tan >"$tmp/link" 2>&1
run link-ref 0 -- -tan && same link "$tmp/link" "$tmp/out"
env -i PATH="$PATH" "$tmp/netstat" -q >/dev/null 2>"$tmp/link.err"
[ "$(head -n 1 "$tmp/link.err")" = "$tmp/netstat: invalid option -- 'q'" ] && ok ||
	bad "link: getopt names argv[0]: $(head -n 1 "$tmp/link.err")"
run dash-netstat 3 -- -q
[ "$(head -n 1 "$tmp/err")" = "netstat: invalid option -- 'q'" ] && ok ||
	bad "--netstat: getopt says netstat: $(head -n 1 "$tmp/err")"

# --- lsock's own options: unique words only, one-line errors, status 3
run tan-ref 0 -- -tan && cp "$tmp/out" "$tmp/tan"
run backend-proc 0 -- --backend=proc -tan && same backend-proc "$tmp/tan" "$tmp/out"
run backend-abbrev 0 -- --ba proc -tan && same backend-abbrev "$tmp/tan" "$tmp/out"
run backend-bogus 3 -- --backend=bogus -tan
[ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/err")" = 1 ] && ok || bad "backend-bogus: one line, no stdout"
has backend-bogus "$tmp/err" '"bogus" is not a backend'
run backend-noarg 3 -- -tan --backend
has backend-noarg "$tmp/err" "'--backend' needs an argument"
run why 0 -- --wh -tn
has why "$tmp/err" '^lsock: tcp \(IPv4\): /proc$'
has why "$tmp/err" '^lsock: tcp \(IPv6\): /proc$'
run record-replay 3 -- --record "$tmp/r" --replay "$REC" -tn
run re-ambiguous 3 -- --re "$tmp/r" -tn
has re-ambiguous "$tmp/err" "^netstat: unrecognized option '--re'"
# --b is still netstat's --bluetooth, --w its --wide
run b-bluetooth 1 -- --b -n
has b-bluetooth "$tmp/err" "feature .AF BLUETOOTH' not supported"
run w-wide 0 -- --w -tan && same w-wide "$tmp/tan" "$tmp/out"
# a netstat option's argument is never taken for lsock's
run A-arg 1 -- -A --backend=proc
has A-arg "$tmp/err" "Unknown address family .--backend=proc'"

# --- only PROC_ROOT counts in netstat mode
env -i PATH="$PATH" PROC_ROOT="$FX" PROC_NET_TCP=/dev/null TCPDIAG_FILE=/dev/null \
	"$LSOCK" --netstat -tan >"$tmp/env" 2>&1
same proc-net-ignored "$tmp/tan" "$tmp/env"

# --- N7: a write error is reported (netstat ignores it)
env -i PATH="$PATH" PROC_ROOT="$FX" "$LSOCK" --netstat -an >/dev/full 2>"$tmp/err"
rc=$?
[ "$rc" = 1 ] && ok || bad "full-disk: exit $rc, want 1"
has full-disk "$tmp/err" '^lsock: write error: No space left on device$'

# --- N5: TCP states netstat has no name for
mkdir -p "$tmp/t5/net"
head -n 1 "$FX/net/tcp" >"$tmp/t5/net/tcp"
printf '   0: 0100007F:1388 0100007F:A49A 0C 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0\n' \
	>>"$tmp/t5/net/tcp"
TREE=$tmp/t5 run state-unknown 0 -- -tan
has state-unknown "$tmp/out" '^tcp        0      0 127\.0\.0\.1:5000          127\.0\.0\.1:42138         UNKNOWN    $'

# --- N8: SCTP present: said, not listed; status 1 only when asked for
cp -R "$FX" "$tmp/t8"
mkdir -p "$tmp/t8/net/sctp"
: >"$tmp/t8/net/sctp/eps"
: >"$tmp/t8/net/sctp/assocs"
TREE=$tmp/t8 run sctp-present-S 1 -- -S
has sctp-present-S "$tmp/err" '^lsock: AF INET \(sctp\) sockets exist but cannot be listed in netstat mode yet$'
TREE=$tmp/t8 run sctp-present-default 0 -- -n
has sctp-present-default "$tmp/err" 'sctp\) sockets exist'
has sctp-present-default "$tmp/out" '^Active UNIX domain sockets'

# --- a recording made over netlink replays in netstat mode: the TCP rows
# come from its replies (it has no proc/net/tcp), as many as ss mode shows
if [ -d "$REC/netlink" ] && [ ! -e "$REC/proc/net/tcp" ]; then
	env -i PATH="$PATH" "$LSOCK" --netstat --replay "$REC" -tan >"$tmp/rep" 2>"$tmp/rep.err"
	rc=$?
	env -i PATH="$PATH" "$LSOCK" --replay "$REC" -tanH >"$tmp/rep.ss" 2>/dev/null
	nn=$(grep -c '^tcp' "$tmp/rep")
	ns=$(wc -l <"$tmp/rep.ss")
	[ "$rc" = 0 ] && [ ! -s "$tmp/rep.err" ] && [ "$nn" -gt 0 ] && [ "$nn" = "$ns" ] && ok ||
		bad "replay: exit $rc, $nn netstat rows, $ns ss rows: $(head -c 200 "$tmp/rep.err")"
	# the listeners' Send-Q is 0, as /proc has it (ss shows the backlog)
	awk '$6 == "LISTEN" && $3 != 0 { exit 1 }' "$tmp/rep" && ok ||
		bad "replay: a listener with a non-zero Send-Q"
else
	bad "replay: no netlink recording at $REC"
fi

echo "netstat-cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
