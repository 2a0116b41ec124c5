#!/bin/bash
# ss-live-kill.sh: -K (SOCK_DESTROY) on live sockets, against the real ss 6.1.
#
# In a private network namespace (unshare -n, lo up), tests/helpers/mksocks
# opens its "basic" and "kill" sets: ports A, B and C each have a 127.0.0.1
# listener with connections, a [::1] listener with one, and a UDP socket
# connected to the port. Then:
#   - as nobody without capabilities, lsock -K refuses: exit 1, nothing on
#     stdout, one stderr line naming CAP_NET_ADMIN (ss 6.1 prints
#     "SOCK_DESTROY answers: ..." and a header instead: docs/compat.md);
#     -K with only unix tables lists them as ss does, unprivileged or not;
#   - ss -K 'dport = :B' prints what 'ss dport = :B' listed (the premise),
#     and lsock -K 'dport = :A' prints exactly what 'lsock dport = :A'
#     listed, byte for byte, and the same shape as ss's -K output;
#   - afterwards lsock and ss list the same sockets, and they are the ones
#     from before less exactly the client ends (peer port A or B), their
#     peers (reset: local port A or B, not listening) and the connected
#     UDP sockets; port C and the listeners are untouched.
#
# Prints `ss-live-kill: N passed, N failed`; exits 0, 1, 77 (not root or no
# real ss, outside CI), 99 (setup error, or CI=true and it cannot run).
set -uo pipefail
export LC_ALL=C LANG=C

NAME=ss-live-kill
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/live/live-lib.sh
. "$here/live-lib.sh"
PB=6000 A=6060 B=6061 C=6062
command -v setpriv >/dev/null || skip_or_fail "no setpriv"
[ -x "$MKSOCKS" ] && [ -x "$LSOCK" ] || { echo "$NAME: ERROR: no lsock or mksocks"; exit 99; }

# --- inside the namespace ------------------------------------------------------
if [ "${1:-}" = __inner ]; then
	w=$2
	ip link set lo up
	"$MKSOCKS" --sets basic,kill --port-base $PB --manifest "$w/manifest" \
		--ready "$w/ready" --hold 60 --unix-dir "$w/u" >"$w/mksocks.log" 2>&1 &
	mk=$!
	for _ in $(seq 100); do [ -e "$w/ready" ] && break; sleep 0.1; done
	[ -e "$w/ready" ] || { kill "$mk"; echo "mksocks not ready"; exit 1; }
	run() { # ID COMMAND...: ID.out, ID.err, ID.rc
		local id=$1
		shift
		timeout 20 env -i PATH="$PATH" LC_ALL=C "$@" >"$w/$id.out" 2>"$w/$id.err"
		echo $? >"$w/$id.rc"
	}
	nobody="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all"
	run before-ls "$w/bin/lsock" -tuan
	run before-ss "$SS" -tuan
	run xa-before "$w/bin/lsock" -xan
	run pre-A-ls "$w/bin/lsock" -n dport = :$A
	run pre-A-ss "$SS" -n dport = :$A
	run pre-B-ss "$SS" -n dport = :$B
	run nobody-K $nobody "$w/bin/lsock" -K -n dport = :$C
	run nobody-K-ss $nobody "$SS" -K -n dport = :$C
	run nobody-Kx $nobody "$w/bin/lsock" -K -xan
	run nobody-Kx-ss $nobody "$SS" -K -xan
	run kill-ss "$SS" -K -n dport = :$B
	run kill-ls "$w/bin/lsock" -K -n dport = :$A
	run Kx-ss "$SS" -K -xan
	run Kx-ls "$w/bin/lsock" -K -xan
	sleep 0.3
	run after-ls "$w/bin/lsock" -tuan
	run after-ss "$SS" -tuan
	run xa-after "$w/bin/lsock" -xan
	live_inner_end "$mk"
fi

# --- outside ---------------------------------------------------------------------
live_workdir
# nobody must be able to run the binary
chmod 755 "$w"
mkdir "$w/bin"
cp "$LSOCK" "$w/bin/lsock"
chmod 755 "$w/bin" "$w/bin/lsock"
export LSOCK MKSOCKS SS
live_run_inner

same() { # WHAT FILE1 FILE2
	if cmp -s "$2" "$3"; then ok; else bad "$1"; diff "$2" "$3" | head -10; fi
}
rc_is() { # ID RC
	[ "$(cat "$w/$1.rc")" = "$2" ] && ok || bad "$1: exit $(cat "$w/$1.rc"), want $2"
}
# rows without the header, blanks squeezed
rows() { tail -n +2 "$1" | tr -s ' ' | sed 's/ $//' | sort; }
shape() { sed 's/[0-9][0-9]*/N/g' "$1"; }

grep -q '^# failed 0$' "$w/manifest" || bad "mksocks: $(grep '^# failed' "$w/manifest")"
for id in before-ls before-ss pre-A-ls kill-ls kill-ss after-ls Kx-ls; do rc_is $id 0; done
same "before: lsock -tuan differs from ss" "$w/before-ss.out" "$w/before-ls.out"
same "lsock dport = :$A differs from ss" "$w/pre-A-ss.out" "$w/pre-A-ls.out"
[ "$(tail -n +2 "$w/pre-A-ls.out" | wc -l)" = 4 ] && ok ||
	bad "dport = :$A should list 4 sockets: $(cat "$w/pre-A-ls.out")"

# unprivileged: a clear refusal, nothing destroyed
rc_is nobody-K 1
[ -s "$w/nobody-K.out" ] && bad "unprivileged -K printed on stdout: $(cat "$w/nobody-K.out")" || ok
[ "$(wc -l <"$w/nobody-K.err")" = 1 ] && grep -q CAP_NET_ADMIN "$w/nobody-K.err" && ok ||
	bad "unprivileged -K: want one stderr line naming CAP_NET_ADMIN: $(cat "$w/nobody-K.err")"
grep -q 'SOCK_DESTROY answers' "$w/nobody-K-ss.err" && ok ||
	bad "the real ss no longer says SOCK_DESTROY answers (docs/compat.md): $(cat "$w/nobody-K-ss.err")"
rc_is nobody-Kx 0
same "unprivileged -K -xan differs from ss" "$w/nobody-Kx-ss.out" "$w/nobody-Kx.out"

# the kills
same "ss -K dport = :$B does not print what ss dport = :$B listed" \
	"$w/pre-B-ss.out" "$w/kill-ss.out"
same "lsock -K dport = :$A does not print what lsock dport = :$A listed" \
	"$w/pre-A-ls.out" "$w/kill-ls.out"
[ -s "$w/kill-ls.err" ] && bad "lsock -K wrote to stderr: $(cat "$w/kill-ls.err")" || ok
same "lsock -K differs in shape from ss -K" <(shape "$w/kill-ss.out") <(shape "$w/kill-ls.out")

# afterwards
same "after: lsock -tuan differs from ss" "$w/after-ss.out" "$w/after-ls.out"
rows "$w/before-ls.out" >"$w/before.rows"
rows "$w/after-ls.out" >"$w/after.rows"
awk -v a=$A -v b=$B '{
	lp = $5; sub(/.*:/, "", lp); pp = $6; sub(/.*:/, "", pp)
	if (pp == a || pp == b || ((lp == a || lp == b) && $2 != "LISTEN")) print
}' "$w/before.rows" | sort >"$w/want-gone.rows"
comm -23 "$w/before.rows" "$w/after.rows" >"$w/gone.rows"
same "the sockets gone are not exactly the -K targets and their peers" \
	"$w/want-gone.rows" "$w/gone.rows"
[ "$(wc -l <"$w/gone.rows")" = 14 ] && ok || bad "want 14 sockets gone, got $(wc -l <"$w/gone.rows")"
[ -z "$(comm -13 "$w/before.rows" "$w/after.rows")" ] && ok ||
	bad "new sockets after -K: $(comm -13 "$w/before.rows" "$w/after.rows")"
[ "$(grep -c ":$C\b" "$w/after.rows")" = 7 ] && ok || bad "port $C should keep its 7 sockets"

# non-inet tables: -K lists them, as ss does, and destroys nothing
same "lsock -K -xan differs from ss -K -xan" "$w/Kx-ss.out" "$w/Kx-ls.out"
same "lsock -K -xan is not the listing" "$w/xa-before.out" "$w/Kx-ls.out"
same "unix sockets changed after -K -xan" "$w/xa-before.out" "$w/xa-after.out"
[ "$(wc -l <"$w/xa-before.out")" -gt 2 ] && ok || bad "no unix sockets to list"

live_done
