#!/bin/bash
# ss-live-details.sh: the details after the columns (-p -T -e -o --tos
# --cgroup --inet-sockopt -b -O), lsock against the real ss 6.1 on live
# sockets.
#
# In a private network namespace (unshare -n, lo up) tests/helpers/mksocks
# opens its socket mix with a child process that shares every socket, and a
# second mksocks, on other ports, names itself with a TAB and a ')'. Then:
#   - for every case below, over netlink and (with PROC_ROOT=/proc for both
#     tools) over /proc, lsock prints what ss prints, with the same exit
#     status (unix from /proc is left to the golden tests, which correct
#     ss's /proc misreadings, docs/compat.md rows 1-2). Values that move
#     between two runs are compared by shape: the expiry and the retransmit
#     or probe count in timer:(...), and the Recv-Q of packet sockets
#     (which capture the namespace's loopback traffic), become N. Rows of the hostile
#     process are left out of this comparison (ss 6.1 does not escape);
#   - the hostile name shows escaped, ("bad.name)x",pid=...), and no row
#     holds a raw TAB (docs/compat.md, deviation 10);
#   - with no cgroup2 mount (unmounted in a private mount namespace), -tane
#     shows ss's cgroup:unreachable:ID, with one warning where ss prints one
#     per socket;
#   - run as nobody (no CAP_SYS_PTRACE, other users' /proc/PID/fd closed),
#     lsock -tanp prints what ss prints as nobody (no users: for root's
#     sockets), and with --why says how many sockets had no owner and why;
#     and a fwmark filter refuses clearly (the kernel hides marks from it).
#
# Prints `ss-live-details: N passed, N failed`; exits 0, 1, 77 (not root or
# no real ss, outside CI), 99 (setup error, or CI=true and it cannot run).
set -uo pipefail
export LC_ALL=C LANG=C

NAME=ss-live-details
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/live/live-lib.sh
. "$here/live-lib.sh"
SETS=basic,tcp-listen,tcp-states,udp,unix,packet,netlink,v6,mptcp
BAD_COMM=$(printf 'bad\tname)x')
[ -x "$MKSOCKS" ] || { echo "$NAME: ERROR: no mksocks at $MKSOCKS"; exit 99; }
command -v setpriv >/dev/null || skip_or_fail "no setpriv"

# netlink and /proc (P: both tools with PROC_ROOT=/proc)
CASES=$(cat <<'EOF'
-tanp
-tanpe
-tanoe
-tanT
-tanp -T
-tulpn
-ltp
-uanp
-uane
-xanp
-xane
-xanpe
-0anp
-0ane
-0aneO
-0anb
-wanp
-wane
-tan --tos
-uan --tos
-tan6 --tos
-tan --cgroup
-tane --cgroup
-tan --inet-sockopt
-tln --inet-sockopt -O
-anpe -A tcp,udp,unix,packet
-tnoe state syn-sent
-tano state time-wait
-tanoeO
-ntlp sport eq :smtp
-Manp
-Mane
-ManpT
-Man --tos --cgroup
P -tanpe
P -tanoe
P -uanpe
P -0anpe
P -tanpT
EOF
)

# every moving value as N; the hostile process's rows dropped
shape() {
	sed -E -e 's/timer:\(([a-z]+),[^,]*,[0-9]+\)/timer:(\1,N,N)/g' \
		-e 's/^(p_raw|p_dgr) +(UNCONN) +[0-9]+ /\1 \2 N /' \
		-e 's/^(UNCONN) +[0-9]+ (.*\*:\*)/\1 N \2/' "$1" |
		grep -v 'bad' | tr -s ' '
}

# --- inside the namespace ------------------------------------------------------
if [ "${1:-}" = __inner ]; then
	w=$2
	ip link set lo up
	"$MKSOCKS" --sets "$SETS" --child mksocks-kid --manifest "$w/manifest" \
		--ready "$w/ready" --hold 120 --unix-dir "$w/u" \
		>"$w/mksocks.log" 2>&1 &
	mk=$!
	"$MKSOCKS" --sets udp --port-base 6000 --comm "$BAD_COMM" \
		--manifest "$w/manifest2" --ready "$w/ready2" --hold 120 \
		--unix-dir "$w/u2" >"$w/mksocks2.log" 2>&1 &
	mk2=$!
	for _ in $(seq 100); do
		[ -e "$w/ready" ] && [ -e "$w/ready2" ] && break
		sleep 0.1
	done
	[ -e "$w/ready" ] && [ -e "$w/ready2" ] ||
		{ kill "$mk" "$mk2"; echo "mksocks not ready"; exit 1; }
	n=0
	while IFS= read -r args; do
		n=$((n + 1))
		envs=
		case $args in "P "*) envs=PROC_ROOT=/proc; args=${args#P } ;; esac
		eval "set -- $args"
		env -i PATH="$PATH" LC_ALL=C $envs "$SS" "$@" >"$w/$n.ss" 2>&1
		echo "rc=$?" >>"$w/$n.ss"
		env -i PATH="$PATH" LC_ALL=C $envs "$LSOCK" "$@" >"$w/$n.ls" 2>&1
		echo "rc=$?" >>"$w/$n.ls"
	done <<<"$CASES"
	env -i PATH="$PATH" LC_ALL=C "$LSOCK" -uanp >"$w/bad.ls" 2>&1
	nobody="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all"
	$nobody env -i PATH="$PATH" LC_ALL=C "$SS" -tanp >"$w/nobody.ss" 2>&1
	$nobody env -i PATH="$PATH" LC_ALL=C "$LSOCK" -tanp >"$w/nobody.ls" 2>&1
	$nobody env -i PATH="$PATH" LC_ALL=C "$LSOCK" --why -tanp \
		>/dev/null 2>"$w/nobody.why"
	$nobody env -i PATH="$PATH" LC_ALL=C "$LSOCK" -tan fwmark = 0x1 \
		>"$w/nobody.mark" 2>"$w/nobody.mark.err"
	echo "rc=$?" >>"$w/nobody.mark.err"
	# without a cgroup2 mount: ss says so per socket, lsock once
	unshare -m --propagation private bash -c '
		for m in $(awk "\$3 == \"cgroup2\" { print \$2 }" /proc/self/mounts); do
			umount -l "$m"
		done
		env -i PATH="$PATH" LC_ALL=C "$SS" -tane >"$0/nocg.ss" 2>/dev/null
		env -i PATH="$PATH" LC_ALL=C "$LSOCK" -tane >"$0/nocg.ls" 2>"$0/nocg.err"' "$w"
	live_inner_end "$mk" "$mk2"
fi

# --- outside ---------------------------------------------------------------------
live_workdir
chmod 755 "$w"
export LSOCK MKSOCKS SS SETS CASES BAD_COMM
live_run_inner

n=0
while IFS= read -r args; do
	n=$((n + 1))
	if cmp -s "$w/$n.ss" "$w/$n.ls" ||
	   cmp -s <(shape "$w/$n.ss") <(shape "$w/$n.ls"); then
		ok
	else
		bad "$args: lsock differs from ss"
		diff <(shape "$w/$n.ss") <(shape "$w/$n.ls") | head -10
	fi
done <<<"$CASES"

# the hostile name: escaped, inside one intact row per socket
nbad=$(grep -c '("bad\.name)x",pid=[0-9]*,fd=[0-9]*)' "$w/bad.ls")
nmf=$(grep -c '^udp ' "$w/manifest2")
if [ "$nbad" -gt 0 ] && [ "$nbad" = "$nmf" ] && ! grep -q "$(printf '\t')" "$w/bad.ls"; then
	ok
else
	bad "hostile comm: $nbad escaped rows for $nmf sockets, or a raw TAB"
	grep bad "$w/bad.ls" | head -5 | cat -A
fi

# as nobody: what the kernel allows, as ss shows it, and --why says why
if cmp -s "$w/nobody.ss" "$w/nobody.ls" && ! grep -q 'users:' "$w/nobody.ls"; then
	ok
else
	bad "-tanp as nobody differs from ss (or shows root's processes)"
	diff "$w/nobody.ss" "$w/nobody.ls" | head -10
fi
if grep -Eq 'sockets shown without an owner' "$w/nobody.why" &&
   grep -Eq "[1-9][0-9]* sockets shown without an owner" "$w/nobody.why" &&
   grep -q "could not be read: no permission" "$w/nobody.why"; then
	ok
else
	bad "--why -tanp as nobody does not explain the missing owners"
	cat "$w/nobody.why"
fi
# as nobody, a fwmark filter says the marks are missing (ss prints an
# empty listing): exit 1, nothing on stdout, one line naming the reason
if [ ! -s "$w/nobody.mark" ] && grep -q '^rc=1$' "$w/nobody.mark.err" &&
   [ "$(grep -vc '^rc=' "$w/nobody.mark.err")" = 1 ] &&
   grep -q 'CAP_NET_ADMIN' "$w/nobody.mark.err"; then
	ok
else
	bad "fwmark filter as nobody: not one clear refusal"
	cat "$w/nobody.mark.err"
fi

# no cgroup2 mount: the same rows (cgroup:unreachable:ID) and one warning
if cmp -s <(shape "$w/nocg.ss") <(shape "$w/nocg.ls") &&
   grep -q 'cgroup:unreachable:' "$w/nocg.ls" &&
   [ "$(wc -l <"$w/nocg.err")" = 1 ]; then
	ok
else
	bad "-tane without cgroup2 differs from ss, or not one warning"
	diff <(shape "$w/nocg.ss") <(shape "$w/nocg.ls") | head -5
	cat "$w/nocg.err"
fi
live_done
