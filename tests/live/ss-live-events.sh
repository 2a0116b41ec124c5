#!/bin/bash
# ss-live-events.sh: -E (destroyed-socket events) against the real ss 6.1.
#
# In a private network namespace (unshare -n, lo up), several pairs of
# followers run side by side: the real `ss -E ...` under `stdbuf -oL` (6.1
# does not flush by itself) and `lsock -E ...` with plain output to a file.
# Once every one of them has joined its sock_diag groups (seen in
# /proc/net/netlink), tests/helpers/mksocks opens a socket mix and exits,
# which closes it all. When the outputs have settled:
#   - each lsock output, read before lsock is stopped, is byte for byte
#     what ss printed for the same options: rows as ss renders them one
#     event at a time (header with the first event, widths that only grow,
#     UNCONN, the filter applied and the state words not);
#   - lsock ends with status 0 on SIGINT and on SIGTERM, with nothing on
#     stderr, and its output is the same after it ended;
#   - -E with no TCP or UDP table: ss's status (255), one stderr line.
#
# Prints `ss-live-events: N passed, N failed`; exits 0, 1, 77 (not root or
# no real ss, outside CI), 99 (setup error, or CI=true and it cannot run).
set -uo pipefail
export LC_ALL=C LANG=C

NAME=ss-live-events
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/live/live-lib.sh
. "$here/live-lib.sh"
SETS=basic,tcp-listen,udp,v6,kill
command -v stdbuf >/dev/null || skip_or_fail "no stdbuf"
[ -x "$MKSOCKS" ] && [ -x "$LSOCK" ] || { echo "$NAME: ERROR: no lsock or mksocks"; exit 99; }

# one case per line: the options after -E
CASES=$(cat <<'EOF'

-n
-t state listening
-6 -u
-n dport = :80 or sport = :8080
-K
EOF
)

# --- inside the namespace ------------------------------------------------------
if [ "${1:-}" = __inner ]; then
	w=$2
	ip link set lo up
	pids=() n=0
	while IFS= read -r args; do
		n=$((n + 1))
		eval "set -- $args"
		env -i PATH="$PATH" LC_ALL=C stdbuf -oL "$SS" -E "$@" \
			>"$w/$n.ss" 2>"$w/$n.ss.err" &
		pids+=($!)
		env -i PATH="$PATH" LC_ALL=C "$LSOCK" -E "$@" \
			>"$w/$n.ls" 2>"$w/$n.ls.err" &
		echo $! >"$w/$n.pid"
	done <<<"$CASES"
	# every follower has joined its groups
	for _ in $(seq 100); do
		joined=$(awk '$2 == 4 && $4 != "00000000"' /proc/net/netlink | wc -l)
		[ "$joined" -ge $((2 * n)) ] && break
		sleep 0.1
	done
	echo "$joined" >"$w/joined"
	"$MKSOCKS" --sets "$SETS" --hold 1 --manifest "$w/manifest" \
		--unix-dir "$w/u" >"$w/mksocks.log" 2>&1
	# settled: no output grew for a second (at most 15 s)
	last='' i=0
	while [ $i -lt 15 ]; do
		sleep 1
		now=$(cat "$w"/*.ss "$w"/*.ls | wc -c)
		[ "$now" = "$last" ] && break
		last=$now i=$((i + 1))
	done
	for f in "$w"/*.ls; do cp "$f" "$f.before"; done
	kill "${pids[@]}" 2>/dev/null
	i=0
	while IFS= read -r _; do
		i=$((i + 1))
		p=$(cat "$w/$i.pid")
		if [ $((i % 2)) = 1 ]; then kill -INT "$p"; else kill -TERM "$p"; fi
		timeout 5 tail --pid="$p" -f /dev/null
		wait "$p"
		echo $? >"$w/$i.rc"
	done <<<"$CASES"
	wait
	env -i PATH="$PATH" LC_ALL=C "$SS" -E -x >"$w/x.ss" 2>"$w/x.ss.err"
	echo $? >"$w/x.ss.rc"
	env -i PATH="$PATH" LC_ALL=C "$LSOCK" -E -x >"$w/x.ls" 2>"$w/x.ls.err"
	echo $? >"$w/x.ls.rc"
	exit 0
fi

# --- outside ---------------------------------------------------------------------
live_workdir
export LSOCK MKSOCKS SS SETS CASES
live_run_inner

n=0
ncases=$(wc -l <<<"$CASES")
[ "$(cat "$w/joined")" -ge $((2 * ncases)) ] && ok ||
	bad "only $(cat "$w/joined") followers joined their groups"
while IFS= read -r args; do
	n=$((n + 1))
	what="-E $args"
	if cmp -s "$w/$n.ss" "$w/$n.ls.before"; then
		ok
	else
		bad "$what: lsock's output (read while it ran) differs from ss"
		diff "$w/$n.ss" "$w/$n.ls.before" | head -10
	fi
	cmp -s "$w/$n.ls.before" "$w/$n.ls" && ok || bad "$what: output changed when lsock ended"
	[ "$(cat "$w/$n.rc")" = 0 ] && ok || bad "$what: lsock exited $(cat "$w/$n.rc") on a signal"
	[ -s "$w/$n.ls.err" ] && bad "$what: stderr: $(head -3 "$w/$n.ls.err")" || ok
done <<<"$CASES"
# the cases see something: the default one many rows, one header
rows=$(tail -n +2 "$w/1.ls" | wc -l)
[ "$rows" -ge 20 ] && ok || bad "-E: only $rows events"
[ "$(grep -c '^Netid' "$w/1.ls")" = 1 ] && ok || bad "-E: want one header"
grep -q '^tcp   UNCONN' "$w/1.ls" && grep -q '^udp ' "$w/1.ls" && ok ||
	bad "-E: want destroyed TCP sockets as UNCONN and UDP events"
[ "$(tail -n +2 "$w/5.ls" | wc -l)" -ge 2 ] && ok || bad "-E with a filter: no events"
[ "$(wc -l <"$w/6.ls")" = 1 ] && ok || bad "-E -K: want ss's header only"

[ "$(cat "$w/x.ss.rc")" = "$(cat "$w/x.ls.rc")" ] && ok ||
	bad "-E -x: exit $(cat "$w/x.ls.rc"), ss $(cat "$w/x.ss.rc")"
[ ! -s "$w/x.ls" ] && [ "$(wc -l <"$w/x.ls.err")" = 1 ] && ok ||
	bad "-E -x: want one stderr line and no output"
live_done
