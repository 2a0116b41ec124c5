#!/bin/bash
# ss-live-diag.sh: -D FILE (the raw TCP sock_diag dump) against the real ss
# 6.1, checked by replaying the files through TCPDIAG_FILE.
#
# In a private network namespace (unshare -n, lo up) tests/helpers/mksocks
# holds a socket mix that does not change while the test runs. For each set
# of -D options below, the real ss and lsock each write a dump (lsock also
# to standard output with `-D -`), and then:
#   - both tools replay ss's file to the same listing (the reference);
#   - the real ss replays lsock's file, and its `-D -` output, to that same
#     listing, which lists sockets (-D applies states and families, and not
#     the filter expression, which ss does not even read);
#   - lsock's file has the size of ss's (the same datagrams), stdout and
#     stderr stay empty, and the exit status is ss's (0).
# Then the errors: -D without a TCP table (ss: a message, status 0, no
# file), and an unwritable FILE (ss 6.1 writes nothing and says nothing;
# lsock: one stderr line, status 1, docs/compat.md).
#
# Prints `ss-live-diag: N passed, N failed`; exits 0, 1, 77 (not root or no
# real ss, outside CI), 99 (setup error, or CI=true and it cannot run).
set -uo pipefail
export LC_ALL=C LANG=C

NAME=ss-live-diag
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/live/live-lib.sh
. "$here/live-lib.sh"
SETS=basic,tcp-listen,udp,v6
[ -x "$MKSOCKS" ] && [ -x "$LSOCK" ] || { echo "$NAME: ERROR: no lsock or mksocks"; exit 99; }

# the -D options, then (after |) the options of the replay. With -i the
# dump carries tcp_info, whose clocks move between the two dumps: those
# replays are compared by shape (every number as N), and only ss replays
# them (lsock's -i output is not part of this test).
CASES=$(cat <<'EOF'
-ta|-tan
-t|-tan
-tn state listening|-ta
-t6 -a|-tan
-4 -t -a|-tan
-ta sport = :22|-tan
-A tcp,udp -a|-tan
-ta|-tn state listening
-tai|-tani
EOF
)

# --- inside the namespace ------------------------------------------------------
if [ "${1:-}" = __inner ]; then
	w=$2
	ip link set lo up
	"$MKSOCKS" --sets "$SETS" --manifest "$w/manifest" --ready "$w/ready" \
		--hold 60 --unix-dir "$w/u" >"$w/mksocks.log" 2>&1 &
	mk=$!
	for _ in $(seq 100); do [ -e "$w/ready" ] && break; sleep 0.1; done
	[ -e "$w/ready" ] || { kill "$mk"; echo "mksocks not ready"; exit 1; }
	e() { env -i PATH="$PATH" LC_ALL=C "$@"; }
	n=0
	while IFS='|' read -r dopts ropts; do
		n=$((n + 1))
		eval "set -- $dopts"
		e "$SS" -D "$w/$n.ssd" "$@" >/dev/null 2>&1
		e "$LSOCK" -D "$w/$n.lsd" "$@" >"$w/$n.lsd.out" 2>"$w/$n.lsd.err"
		echo $? >"$w/$n.lsd.rc"
		e "$LSOCK" -D - "$@" >"$w/$n.lso" 2>>"$w/$n.lsd.err"
		eval "set -- $ropts"
		e TCPDIAG_FILE="$w/$n.ssd" "$SS" "$@" >"$w/$n.ss-ssd" 2>&1
		e TCPDIAG_FILE="$w/$n.ssd" "$LSOCK" "$@" >"$w/$n.ls-ssd" 2>&1
		e TCPDIAG_FILE="$w/$n.lsd" "$SS" "$@" >"$w/$n.ss-lsd" 2>&1
		e TCPDIAG_FILE="$w/$n.lso" "$SS" "$@" >"$w/$n.ss-lso" 2>&1
	done <<<"$CASES"
	# errors
	e "$SS" -D "$w/x.ssd" -x >"$w/x.ss.out" 2>"$w/x.ss.err"
	echo $? >"$w/x.ss.rc"
	e "$LSOCK" -D "$w/x.lsd" -x >"$w/x.ls.out" 2>"$w/x.ls.err"
	echo $? >"$w/x.ls.rc"
	e "$SS" -D "$w/none/d" -tn >"$w/u.ss.out" 2>"$w/u.ss.err"
	echo $? >"$w/u.ss.rc"
	e "$LSOCK" -D "$w/none/d" -tn >"$w/u.ls.out" 2>"$w/u.ls.err"
	echo $? >"$w/u.ls.rc"
	# a FILE starting with '-' is standard output
	(cd "$w" && e "$LSOCK" -D -dash -ta >"$w/dash.out" 2>&1)
	live_inner_end "$mk"
fi

# --- outside ---------------------------------------------------------------------
live_workdir
export LSOCK MKSOCKS SS SETS CASES
live_run_inner

n=0
same() { # WHAT FILE1 FILE2
	if cmp -s "$2" "$3"; then ok; else bad "$1"; diff "$2" "$3" | head -10; fi
}
shape() { sed 's/[0-9][0-9]*/N/g' "$1"; }
grep -q '^# failed 0$' "$w/manifest" || bad "mksocks: $(grep '^# failed' "$w/manifest")"
while IFS='|' read -r dopts ropts; do
	n=$((n + 1))
	what="-D FILE $dopts, replayed with $ropts"
	[ "$(tail -n +2 "$w/$n.ss-ssd" | wc -l)" -ge 2 ] && ok ||
		bad "$what: ss's replay lists nothing: $(cat "$w/$n.ss-ssd")"
	if [[ $ropts == -tani ]]; then
		grep -q 'cwnd:' "$w/$n.ss-lsd" && ok || bad "$what: no tcp_info in lsock's dump"
		same "$what: ss replays lsock's file differently (shape)" \
			<(shape "$w/$n.ss-ssd") <(shape "$w/$n.ss-lsd")
		continue
	fi
	same "$what: lsock replays ss's file differently" "$w/$n.ss-ssd" "$w/$n.ls-ssd"
	same "$what: ss replays lsock's file differently" "$w/$n.ss-ssd" "$w/$n.ss-lsd"
	same "$what: ss replays lsock's -D - output differently" "$w/$n.ss-ssd" "$w/$n.ss-lso"
	[ "$(wc -c <"$w/$n.ssd")" = "$(wc -c <"$w/$n.lsd")" ] && ok ||
		bad "$what: ss wrote $(wc -c <"$w/$n.ssd") bytes, lsock $(wc -c <"$w/$n.lsd")"
	[ "$(cat "$w/$n.lsd.rc")" = 0 ] && [ ! -s "$w/$n.lsd.out" ] && [ ! -s "$w/$n.lsd.err" ] &&
		ok || bad "$what: exit $(cat "$w/$n.lsd.rc"), output: $(cat "$w/$n.lsd.out" "$w/$n.lsd.err")"
done <<<"$CASES"

# no TCP table: ss's status, one line, no file
[ "$(cat "$w/x.ls.rc")" = "$(cat "$w/x.ss.rc")" ] && [ ! -s "$w/x.ls.out" ] &&
	[ "$(wc -l <"$w/x.ls.err")" = 1 ] && [ ! -e "$w/x.lsd" ] && [ ! -e "$w/x.ssd" ] && ok ||
	bad "-D -x: exit $(cat "$w/x.ls.rc") (ss $(cat "$w/x.ss.rc")): $(cat "$w/x.ls.err")"
# unwritable FILE: ss 6.1 is silent; lsock says so and fails
[ "$(cat "$w/u.ss.rc")" = 0 ] && [ ! -s "$w/u.ss.out" ] && [ ! -s "$w/u.ss.err" ] && ok ||
	bad "the real ss no longer ignores an unwritable -D FILE (docs/compat.md)"
[ "$(cat "$w/u.ls.rc")" = 1 ] && [ ! -s "$w/u.ls.out" ] && [ "$(wc -l <"$w/u.ls.err")" = 1 ] &&
	grep -q "$w/none/d" "$w/u.ls.err" && ok ||
	bad "-D unwritable: exit $(cat "$w/u.ls.rc"): $(cat "$w/u.ls.err")"
# -D -dash: standard output, no file of that name
[ ! -e "$w/-dash" ] && [ "$(wc -c <"$w/dash.out")" = "$(wc -c <"$w/1.lsd")" ] && ok ||
	bad "-D -dash: not written to standard output"
live_done
