#!/bin/bash
# ss-live-filter.sh: filter expressions on live sockets, lsock against the
# real ss 6.1's netlink path, with and without kernel bytecode.
#
# In a private network and mount namespace (unshare -n -m, lo up, a private
# /etc/hosts bind-mounted that maps "lsock-duo" to 127.0.0.1 and ::1),
# tests/helpers/mksocks opens its socket mix. Then for every case below:
#   - lsock (bytecode on) must print what the real ss prints, byte for byte
#     (the Recv-Q of packet sockets, which moves, aside), with the same exit
#     status;
#   - LSOCK_NO_BYTECODE=1 lsock must print the same as lsock (autobound
#     aside: without bytecode only the port range counts, docs/compat.md F7);
#   - with --why, lsock must say the kernel filtered (bytecode sent) for
#     every case whose filter compiles.
# (The netlink table is left out: each tool sees its own sock_diag socket,
# and the kernel's sock_diag socket holds the request being answered; so is
# the packet table where it would list everything: its Recv-Q moves.)
# Except "dst lsock-duo": ss's bytecode sends only the first address of a
# name (docs/compat.md F4), so there lsock must show ss's rows plus the
# [::1] ones ss drops, and exactly the rows of "dst 127.0.0.1 or dst [::1]".
#
# Prints `ss-live-filter: N passed, N failed`; exits 0, 1, 77 (not root or
# no real ss, outside CI), 99 (setup error, or CI=true and it cannot run).
set -uo pipefail
export LC_ALL=C LANG=C

NAME=ss-live-filter
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/live/live-lib.sh
. "$here/live-lib.sh"
SETS=basic,tcp-listen,tcp-states,udp,v6
[ -x "$MKSOCKS" ] || { echo "$NAME: ERROR: no mksocks at $MKSOCKS"; exit 99; }

CASES=$(cat <<'EOF'
-tan sport = :22
-tn '( dport = :ssh or sport = :ssh )'
-nt '( dst :443 or dst :80 )'
-nt dst :443 or dst :80
-nt dst 127.0.0.1
-nt dst 127.0.0.1/16
-nt dst 127.0.0.1:22
-nt dport = :80
-nt src 127.0.0.1 sport gt :5000
-ntl sport eq :smtp
-nt sport gt :1024
-nt dport '<' :100
-nt state connected dport = :80
-t4 state established
-tan dst '[::1]'
-tan src '[::ffff:127.0.0.1]'
-tan dst 0.0.0.0/0
-tan src 0.0.0.0
-tan src '*:5001'
-tan sport = :22 or sport = :5000 and dport = :22
-tan not sport = :22
-tan '!' '(' sport = :22 or sport = :5000 ')'
-tan sport ge :5000 and sport le :5020
-tan sport '>' :5000 '&&' dport '<' :6000
-tan sport = :22 '||' dport = :22
-tan src 127.0.0.1 dport = :22
-tan exclude listening sport ge :1024
-tan dev lo
-tan not dev lo
-tan fwmark = 0
-tan fwmark = 0x1/0x1
-tan autobound
-tan not autobound
-uan dport = :53
-uan sport = :domain
-uan src 127.0.0.1
-A inet,unix,raw -an sport = :0
-A inet,unix,raw -an dport = :0
-A tcp,udp,unix -an sport gt :1024
-xan src '*sock'
-an src 'unix:*'
-an src netlink:rtnl
-an src 'link:*'
-tan src inet:127.0.0.1
-an dst 'inet6:[::1]'
-tan dst lsock-duo
EOF
)

# --- inside the namespace ------------------------------------------------------
if [ "${1:-}" = __inner ]; then
	w=$2
	ip link set lo up
	printf '127.0.0.1 localhost lsock-duo\n::1 localhost lsock-duo\n' >"$w/hosts"
	mount --bind "$w/hosts" /etc/hosts
	"$MKSOCKS" --sets "$SETS" --manifest "$w/manifest" --ready "$w/ready" \
		--hold 120 --unix-dir "$w/u" >"$w/mksocks.log" 2>&1 &
	mk=$!
	for _ in $(seq 100); do [ -e "$w/ready" ] && break; sleep 0.1; done
	[ -e "$w/ready" ] || { kill "$mk"; echo "mksocks not ready"; exit 1; }
	n=0
	while IFS= read -r args; do
		n=$((n + 1))
		eval "set -- $args"
		env -i PATH="$PATH" LC_ALL=C "$SS" "$@" >"$w/$n.ss" 2>/dev/null
		echo "rc=$?" >>"$w/$n.ss"
		env -i PATH="$PATH" LC_ALL=C "$LSOCK" --why "$@" >"$w/$n.ls" 2>"$w/$n.why"
		echo "rc=$?" >>"$w/$n.ls"
		env -i PATH="$PATH" LC_ALL=C LSOCK_NO_BYTECODE=1 "$LSOCK" "$@" \
			>"$w/$n.nb" 2>/dev/null
		echo "rc=$?" >>"$w/$n.nb"
		if [ "$args" = "-tan dst lsock-duo" ]; then
			env -i PATH="$PATH" LC_ALL=C "$LSOCK" -tan dst 127.0.0.1 or \
				dst '[::1]' >"$w/$n.or" 2>/dev/null
			echo "rc=$?" >>"$w/$n.or"
		fi
	done <<<"$CASES"
	live_inner_end "$mk"
fi

# --- outside ---------------------------------------------------------------------
live_workdir
export LSOCK MKSOCKS SS SETS CASES
live_run_inner -m --propagation private

# Packet sockets capture the namespace's loopback traffic, so their Recv-Q
# moves between two runs: it becomes N (and runs of blanks one) before a
# comparison.
norm() { # FILE
	sed -E 's/^(p_raw|p_dgr)( +[A-Z-]+)? +[0-9]+ /\1\2 N /' "$1" | tr -s ' '
}
same() { # FILE FILE
	cmp -s "$1" "$2" || cmp -s <(norm "$1") <(norm "$2")
}

n=0
while IFS= read -r args; do
	n=$((n + 1))
	if [ "$args" = "-tan dst lsock-duo" ]; then
		# ss's rows are a subset of lsock's; lsock's = the explicit "or"
		if cmp -s "$w/$n.ls" "$w/$n.or" && [ "$(comm -23 <(sort "$w/$n.ss") <(sort "$w/$n.ls") |
			grep -vc '^Netid\|^State')" = 0 ] && grep -q '\[::1\]' "$w/$n.ls" &&
			! grep -q '\[::1\]' "$w/$n.ss"; then
			pass=$((pass + 1))
		else
			bad "$args: lsock should add the [::1] rows ss's bytecode drops"
			diff "$w/$n.ss" "$w/$n.ls" | head -10
		fi
	elif same "$w/$n.ss" "$w/$n.ls"; then
		pass=$((pass + 1))
	else
		bad "$args: lsock differs from ss"
		diff "$w/$n.ss" "$w/$n.ls" | head -10
	fi
	if [[ $args == *autobound* ]]; then
		: # without bytecode only the port range counts (docs/compat.md F7)
	elif same "$w/$n.ls" "$w/$n.nb"; then
		pass=$((pass + 1))
	else
		bad "$args: LSOCK_NO_BYTECODE=1 changes the output"
		diff "$w/$n.ls" "$w/$n.nb" | head -10
	fi
	case $args in
	*autobound*|*fwmark*|*-x*|*unix:*|*netlink:*|*link:*) ;;
	*src*|*dst*|*sport*|*dport*|*dev*)
		if grep -q 'filtered in the kernel' "$w/$n.why"; then
			pass=$((pass + 1))
		else
			bad "$args: no bytecode sent: $(head -3 "$w/$n.why")"
		fi
		;;
	esac
done <<<"$CASES"
live_done
