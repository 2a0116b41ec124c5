#!/bin/bash
# ss-live-netns.sh: -N NAME against the real ss 6.1.
#
# In a private mount namespace (unshare -m, with /etc overlaid on a tmpfs so
# that nothing is written to the real /etc), two named network namespaces
# are made with `ip netns add` (unique names, deleted on every exit path),
# each with lo up and a different socket mix from tests/helpers/mksocks run
# by `ip netns exec`. /etc/netns/A/services names port 8080 "lsock-na".
# Then, for each namespace, lsock -N NAME must print what ss -N NAME prints:
#   - over netlink (TCP, UDP and unix tables) and from /proc
#     (--backend=proc against PROC_ROOT=/proc ss, which reads /proc/net
#     after it switched), byte for byte, with the same status;
#   - with service names, so /etc/netns/NAME/* must be bind-mounted over
#     /etc as ss does it (A shows lsock-na, B does not);
#   - -D under -N dumps the namespace's TCP sockets (replayed by ss).
# The two namespaces must list different sockets. A missing name: ss's
# exit status, nothing on stdout, one stderr line naming it.
#
# Prints `ss-live-netns: N passed, N failed`; exits 0, 1, 77 (not root or
# no real ss, outside CI), 99 (setup error, or CI=true and it cannot run).
set -uo pipefail
export LC_ALL=C LANG=C

NAME=ss-live-netns
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/live/live-lib.sh
. "$here/live-lib.sh"
command -v ip >/dev/null || skip_or_fail "no ip(8)"
[ -x "$MKSOCKS" ] && [ -x "$LSOCK" ] || { echo "$NAME: ERROR: no lsock or mksocks"; exit 99; }

# the cases run in each namespace; PROC: marks ss's /proc path (unix
# stream sockets only there: ss's /proc path shows datagram sockets as
# ESTAB, docs/compat.md row 1)
CASES=$(cat <<'EOF'
-tan
-uan
-xan
-ta
-tuln
PROC: -tan
PROC: -uan
PROC: -A unix_stream -a
EOF
)

# --- inside the private mount namespace -----------------------------------------
if [ "${1:-}" = __inner ]; then
	w=$2 A=$3 B=$4
	pids=()
	cleanup() {
		[ ${#pids[@]} = 0 ] || kill "${pids[@]}" 2>/dev/null
		wait 2>/dev/null
		ip netns del "$A" 2>/dev/null
		ip netns del "$B" 2>/dev/null
	}
	trap cleanup EXIT
	mount -t tmpfs tmpfs "$w/etc" && mkdir "$w/etc/up" "$w/etc/wk" &&
		mount -t overlay overlay -o "lowerdir=/etc,upperdir=$w/etc/up,workdir=$w/etc/wk" /etc ||
		{ echo "cannot overlay /etc"; exit 1; }
	mkdir -p "/etc/netns/$A"
	printf 'lsock-na\t8080/tcp\n' >"/etc/netns/$A/services"
	ip netns add "$A" && ip netns add "$B" || { echo "ip netns add failed"; exit 1; }
	for ns in "$A" "$B"; do
		ip -n "$ns" link set lo up || exit 1
	done
	ip netns exec "$A" "$MKSOCKS" --sets basic,tcp-listen --hold 60 \
		--ready "$w/A.ready" --unix-dir "$w/ua" >"$w/A.log" 2>&1 &
	pids+=($!)
	ip netns exec "$B" "$MKSOCKS" --sets udp,v6,kill --port-base 6000 --hold 60 \
		--ready "$w/B.ready" --unix-dir "$w/ub" >"$w/B.log" 2>&1 &
	pids+=($!)
	for _ in $(seq 100); do
		[ -e "$w/A.ready" ] && [ -e "$w/B.ready" ] && break
		sleep 0.1
	done
	[ -e "$w/A.ready" ] && [ -e "$w/B.ready" ] || { echo "mksocks not ready"; exit 1; }
	e() { timeout 20 env -i PATH="$PATH" LC_ALL=C "$@"; }
	for ns in A B; do
		name=${!ns} n=0
		while IFS= read -r args; do
			n=$((n + 1))
			pre=()
			case $args in PROC:*) pre=(PROC_ROOT=/proc) args=${args#PROC: } ;; esac
			# shellcheck disable=SC2086
			if [ ${#pre[@]} = 0 ]; then
				e "$SS" -N "$name" $args >"$w/$ns.$n.ss" 2>&1
				echo "rc=$?" >>"$w/$ns.$n.ss"
				e "$LSOCK" -N "$name" $args >"$w/$ns.$n.ls" 2>&1
				echo "rc=$?" >>"$w/$ns.$n.ls"
			else
				e "${pre[@]}" "$SS" -N "$name" $args >"$w/$ns.$n.ss" 2>&1
				echo "rc=$?" >>"$w/$ns.$n.ss"
				e "$LSOCK" -N "$name" --backend=proc $args >"$w/$ns.$n.ls" 2>&1
				echo "rc=$?" >>"$w/$ns.$n.ls"
			fi
		done <<<"$CASES"
		e ip netns exec "$name" "$SS" -tan >"$w/$ns.exec" 2>&1
		e "$LSOCK" -N "$name" -D "$w/$ns.lsd" -ta >"$w/$ns.lsd.out" 2>&1
		e "$SS" -N "$name" -D "$w/$ns.ssd" -ta >/dev/null 2>&1
		e TCPDIAG_FILE="$w/$ns.lsd" "$SS" -tan >"$w/$ns.lsd.replay" 2>&1
		e TCPDIAG_FILE="$w/$ns.ssd" "$SS" -tan >"$w/$ns.ssd.replay" 2>&1
	done
	missing=lsock-no-such-netns-$$
	e "$SS" -N "$missing" -tn >"$w/miss.ss" 2>"$w/miss.ss.err"
	echo $? >"$w/miss.ss.rc"
	e "$LSOCK" -N "$missing" -tn >"$w/miss.ls" 2>"$w/miss.ls.err"
	echo $? >"$w/miss.ls.rc"
	echo "$missing" >"$w/miss.name"
	exit 0
fi

# --- outside ---------------------------------------------------------------------
w=$(mktemp -d /tmp/lsock-live-netns.XXXXXX)
mkdir "$w/etc"
A=lsock-test-a-$$ B=lsock-test-b-$$
trap 'ip netns del "$A" 2>/dev/null; ip netns del "$B" 2>/dev/null; rm -rf "$w"' EXIT
export LSOCK MKSOCKS SS CASES
if ! timeout 120 unshare -m --propagation private bash "$0" __inner "$w" "$A" "$B"; then
	echo "$NAME: ERROR: could not run the cases"
	exit 99
fi

same() { # WHAT FILE1 FILE2
	if cmp -s "$2" "$3"; then ok; else bad "$1"; diff "$2" "$3" | head -10; fi
}
for ns in A B; do
	n=0
	while IFS= read -r args; do
		n=$((n + 1))
		same "-N $ns $args: lsock differs from ss" "$w/$ns.$n.ss" "$w/$ns.$n.ls"
		grep -q '^rc=0$' "$w/$ns.$n.ls" && ok || bad "-N $ns $args: $(tail -1 "$w/$ns.$n.ls")"
	done <<<"$CASES"
	same "-N $ns -tan is not what ip netns exec shows" "$w/$ns.exec" <(sed '$d' "$w/$ns.1.ls")
	[ ! -s "$w/$ns.lsd.out" ] && ok || bad "-N $ns -D: $(cat "$w/$ns.lsd.out")"
	same "-N $ns -D: the dump is not the namespace's" "$w/$ns.ssd.replay" "$w/$ns.lsd.replay"
	[ "$(wc -l <"$w/$ns.lsd.replay")" -ge 3 ] && ok || bad "-N $ns -D: empty dump"
done
# the namespaces hold different sockets, and each is not empty
for n in 1 2; do
	cmp -s "$w/A.$n.ls" "$w/B.$n.ls" && bad "A and B list the same (case $n)" || ok
done
[ "$(wc -l <"$w/A.1.ls")" -ge 8 ] && [ "$(wc -l <"$w/B.1.ls")" -ge 8 ] && ok ||
	bad "too few TCP sockets listed"
grep -q 'lsock-na' "$w/A.4.ls" && ok || bad "/etc/netns/A/services not used: $(head -5 "$w/A.4.ls")"
grep -q 'lsock-na' "$w/B.4.ls" && bad "B uses A's /etc/netns" || ok
# a missing name
[ "$(cat "$w/miss.ls.rc")" = "$(cat "$w/miss.ss.rc")" ] && ok ||
	bad "missing netns: exit $(cat "$w/miss.ls.rc"), ss $(cat "$w/miss.ss.rc")"
[ ! -s "$w/miss.ls" ] && [ "$(wc -l <"$w/miss.ls.err")" = 1 ] &&
	grep -qF "$(cat "$w/miss.name")" "$w/miss.ls.err" && ok ||
	bad "missing netns: want one stderr line naming it: $(cat "$w/miss.ls.err")"
ip netns list 2>/dev/null | grep -q "lsock-test-[ab]-$$" && bad "namespaces left behind" || ok
live_done
