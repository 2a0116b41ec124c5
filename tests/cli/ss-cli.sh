#!/bin/bash
# ss-cli.sh: lsock as a command: help, version, errors, pipes, a full disk,
# the locale, the --backend choice, and the PROC_NET_* variables (compared
# with the real ss where one is installed).
set -uo pipefail
export LC_ALL=C LANG=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top_srcdir=${top_srcdir:-$(cd "$here/../.." && pwd)}
LSOCK=${LSOCK:-${top_builddir:-$top_srcdir}/lsock}
FX=$top_srcdir/fixtures/proc/tcp-states/proc
pass=0 fail=0 skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect NAME RC STDOUT_NONEMPTY(0|1) STDERR_LINES -- ARGS...
expect() {
	local name=$1 rc=$2 out=$3 errl=$4 got
	shift 5
	"$LSOCK" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	[ "$got" -eq "$rc" ] || { bad "$name: exit $got, want $rc"; return; }
	if [ "$out" = 1 ] && [ ! -s "$tmp/out" ]; then bad "$name: no output"; return; fi
	if [ "$out" = 0 ] && [ -s "$tmp/out" ]; then bad "$name: output on stdout"; return; fi
	[ "$(wc -l <"$tmp/err")" -eq "$errl" ] || { bad "$name: stderr: $(cat "$tmp/err")"; return; }
	ok
}

expect help 0 1 0 -- -h
expect help-long 0 1 0 -- --help
expect family-help 0 1 0 -- -f help
expect version 0 1 0 -- -V
expect version-v 0 1 0 -- -v
grep -q '^lsock utility, lsock-' "$tmp/out" && ok || bad "version text"
expect bad-option 255 0 1 -- -B
grep -q "'-B'.*lsock --help" "$tmp/err" && ok || bad "bad option names the option"
expect bad-long 255 0 1 -- --no-such-option
expect ambiguous 255 0 1 -- --ipv
grep -q "ambiguous" "$tmp/err" && ok || bad "ambiguous is said"
expect backend-netlink 0 1 0 -- --backend=netlink -tan
# No raw sock_diag on these kernels (compat-policy 6): netlink-only refuses
# loudly, auto quietly takes raw sockets from /proc.
expect backend-netlink-raw 1 0 1 -- --backend=netlink -wa
grep -q "raw sockets: not available from netlink" "$tmp/err" && ok ||
	bad "netlink refusal text: $(cat "$tmp/err")"
expect backend-auto-raw 0 1 0 -- -wa
expect why 0 1 2 -- --why -tu
grep -q "^lsock: tcp: netlink (sock_diag)$" "$tmp/err" && ok ||
	bad "--why names the source: $(cat "$tmp/err")"
expect why-raw 0 1 1 -- --why -w
grep -q "^lsock: raw: /proc (No such file or directory)$" "$tmp/err" && ok ||
	bad "--why gives the fallback reason: $(cat "$tmp/err")"
expect backend-bogus 255 0 1 -- --backend=bogus
expect backend-proc 0 1 0 -- --backend=proc -tan
# --b stays ss's --bpf, not lsock's --backend: like -b it turns on -o
PROC_ROOT=$FX "$LSOCK" --b -tan >"$tmp/b" 2>&1
PROC_ROOT=$FX "$LSOCK" -tano >"$tmp/o" 2>&1
cmp -s "$tmp/b" "$tmp/o" && grep -q 'timer:(' "$tmp/b" && ok ||
	bad "--b is --bpf: $(head -3 "$tmp/b")"
# -Z and -z without SELinux: one line and status 1, as ss
if [ ! -e /sys/fs/selinux/enforce ]; then
	expect selinux-off 1 0 1 -- -tanZ
	grep -qx "lsock: SELinux is not enabled." "$tmp/err" && ok ||
		bad "-Z without SELinux: $(cat "$tmp/err")"
fi
expect filter-words 0 1 0 -- -tn dport = :22
expect no-tables 0 0 1 -- -A 'tcp,!tcp'

# A full disk is an error; a closed pipe is not noise.
PROC_ROOT=$FX "$LSOCK" -an >/dev/full 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] && grep -q "write error" "$tmp/err" && ok || bad "/dev/full: rc $rc, $(cat "$tmp/err")"
PROC_ROOT=$FX "$LSOCK" -an 2>"$tmp/err" | head -c 10 >/dev/null
rc=${PIPESTATUS[0]}
{ [ $rc -eq 0 ] || [ $rc -eq 141 ]; } && [ ! -s "$tmp/err" ] && ok || bad "pipe: rc $rc, $(cat "$tmp/err")"

# Numbers do not follow the locale.
PROC_ROOT=$FX "$LSOCK" -tan >"$tmp/c" 2>&1
for loc in de_DE.UTF-8 fr_FR.UTF-8 C.UTF-8; do
	LC_ALL=$loc PROC_ROOT=$FX "$LSOCK" -tan >"$tmp/l" 2>&1
	cmp -s "$tmp/c" "$tmp/l" && ok || bad "locale $loc changes the output"
done

# --re is ss's --resolve (lsock's own options never shadow ss's).
expect abbrev-re 0 1 0 -- --re -tan

# Control characters in a unix path cannot break a row (docs/compat.md).
mkdir -p "$tmp/esc/net"
printf 'Num       RefCount Protocol Flags    Type St Inode Path\n' >"$tmp/esc/net/unix"
printf '0000000000000000: 00000002 00000000 00010000 0001 01 4242 /tmp/a\tb\033c\n' \
	>>"$tmp/esc/net/unix"
PROC_ROOT=$tmp/esc "$LSOCK" -xlH >"$tmp/out" 2>&1
[ "$(wc -l <"$tmp/out")" -eq 1 ] && grep -q '/tmp/a\.b\.c 4242' "$tmp/out" && ok ||
	bad "control characters in a unix path: $(cat -A "$tmp/out")"

# A PROC_ROOT longer than ss's 127-byte path buffer still works.
long=$tmp/$(printf 'd%.0s' $(seq 1 60))/$(printf 'e%.0s' $(seq 1 60))
mkdir -p "$long" && cp -r "$FX/net" "$FX/sys" "$long/"
PROC_ROOT=$FX "$LSOCK" -tan >"$tmp/short" 2>&1
PROC_ROOT=$long "$LSOCK" -tan >"$tmp/long" 2>&1
[ ${#long} -gt 127 ] && cmp -s "$tmp/short" "$tmp/long" && ok || bad "long PROC_ROOT"

# --record saves what was read; --replay shows the same from it, offline.
"$LSOCK" --record "$tmp/rec" -tuna >"$tmp/live" 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && [ -s "$tmp/rec/META" ] && [ -s "$tmp/rec/netlink/tcp-inet.nl" ] &&
	[ -s "$tmp/rec/ifnames" ] && [ ! -s "$tmp/err" ] && ok ||
	bad "--record: rc $rc, $(ls -R "$tmp/rec" | head -20)"
for args in -tuna -tan -uan "-tn -4" "-ltn" "-4 -6 -tan"; do
	# shellcheck disable=SC2086
	"$LSOCK" --replay "$tmp/rec" $args >"$tmp/replay" 2>"$tmp/err"
	rc=$?
	if [ "$args" = -tuna ]; then
		cmp -s "$tmp/live" "$tmp/replay" && ok || bad "--replay -tuna differs from the recorded run"
	fi
	[ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && ok || bad "--replay $args: rc $rc, $(cat "$tmp/err")"
done
expect record-again 1 0 1 -- --record "$tmp/rec" -tan
grep -q "already holds a recording" "$tmp/err" && ok || bad "record refuses to append"
expect replay-none 1 0 1 -- --replay "$tmp/nonexistent" -tan
expect record-replay 255 0 1 -- --record "$tmp/r2" --replay "$tmp/rec"
# -D, -E and -K work on the running kernel (man page; docs/compat.md)
expect kill-replay 255 0 1 -- -K --replay "$tmp/rec" -tan
expect events-proc 255 0 1 -- -E --backend=proc
expect diag-replay 255 0 1 -- -D "$tmp/d" --replay "$tmp/rec"
expect diag-record 255 0 1 -- -D "$tmp/d" --record "$tmp/r3" -t
[ ! -e "$tmp/d" ] && [ ! -e "$tmp/r3" ] && ok || bad "a refused -D wrote files"
expect diag-no-tcp 0 0 1 -- -D "$tmp/d" -x
[ ! -e "$tmp/d" ] && ok || bad "-D without TCP made a file"
expect diag-unwritable 1 0 1 -- -D "$tmp/no/such/dir" -t
grep -qF "$tmp/no/such/dir" "$tmp/err" && ok || bad "-D unwritable: $(cat "$tmp/err")"
expect diag-stdout 0 1 0 -- -D - -ta
expect events-no-table 255 0 1 -- -E -x

# A table only netlink can serve, asked for by name, is said to be missing;
# the default listing stays quiet about it.
if ! /usr/bin/ss -S -H 2>&1 | grep -q .; then
	expect sctp-explicit 0 1 1 -- -S
	grep -q "sctp sockets: not available" "$tmp/err" && ok || bad "-S: $(cat "$tmp/err")"
fi
expect default-quiet 0 1 0 -- -a

# --backend=proc never opens a netlink socket.
if command -v strace >/dev/null 2>&1; then
	strace -f -qq -e trace=socket -o "$tmp/strace" "$LSOCK" --backend=proc -a >/dev/null 2>&1
	grep -q AF_NETLINK "$tmp/strace" && bad "--backend=proc opened a netlink socket" || ok
	PROC_ROOT=$FX strace -f -qq -e trace=socket -o "$tmp/strace" "$LSOCK" -a >/dev/null 2>&1
	grep -q AF_NETLINK "$tmp/strace" && bad "PROC_ROOT run opened a netlink socket" || ok
else
	echo "ss-cli: strace not installed: netlink-free runs not traced"
	skip=$((skip + 2))
fi

# PROC_NET_* name single files, as in ss (compared with the real ss).
if [ -x /usr/bin/ss ] && /usr/bin/ss -V 2>/dev/null | grep -q 'iproute2-6\.1\.0'; then
	for args in "-tan" "-tln" "-t -4 -a"; do
		# shellcheck disable=SC2086
		PROC_NET_TCP=$FX/net/tcp PROC_NET_TCP6=$FX/net/tcp6 /usr/bin/ss $args >"$tmp/ss" 2>/dev/null
		# shellcheck disable=SC2086
		PROC_NET_TCP=$FX/net/tcp PROC_NET_TCP6=$FX/net/tcp6 "$LSOCK" $args >"$tmp/ls" 2>&1
		cmp -s "$tmp/ss" "$tmp/ls" && ok || { bad "PROC_NET_TCP $args"; diff "$tmp/ss" "$tmp/ls" | head -5; }
	done
	# TCPDIAG_FILE replays what `ss -D` wrote, as ss does
	/usr/bin/ss -tan -D "$tmp/tcpdiag" >/dev/null 2>&1
	for args in "-t" "-tn" "-tan -4"; do
		# shellcheck disable=SC2086
		TCPDIAG_FILE=$tmp/tcpdiag /usr/bin/ss $args >"$tmp/ss" 2>/dev/null
		# shellcheck disable=SC2086
		TCPDIAG_FILE=$tmp/tcpdiag "$LSOCK" $args >"$tmp/ls" 2>&1
		cmp -s "$tmp/ss" "$tmp/ls" && ok || { bad "TCPDIAG_FILE $args"; diff "$tmp/ss" "$tmp/ls" | head -5; }
	done
	PROC_ROOT=$FX PROC_NET_UDP=/nonexistent /usr/bin/ss -uan >"$tmp/ss" 2>/dev/null
	PROC_ROOT=$FX PROC_NET_UDP=/nonexistent "$LSOCK" -uan >"$tmp/ls" 2>&1
	cmp -s "$tmp/ss" "$tmp/ls" && ok || bad "PROC_NET_UDP missing file"
	# -F FILE: '#' and '0' lines skipped (ss's rule), words joined to argv's,
	# a name starting with '-' is stdin.
	printf '# comment\n( sport = :5000\n0x10 or this line is skipped\n  or dport = :5000 )\n' >"$tmp/filter"
	for args in "-tan -F $tmp/filter" "-tan sport = :5001 or -F $tmp/filter" "-tan -F -"; do
		# shellcheck disable=SC2086
		PROC_ROOT=$FX /usr/bin/ss $args <"$tmp/filter" >"$tmp/ss" 2>/dev/null
		# shellcheck disable=SC2086
		PROC_ROOT=$FX "$LSOCK" $args <"$tmp/filter" >"$tmp/ls" 2>&1
		cmp -s "$tmp/ss" "$tmp/ls" && ok || { bad "-F: $args"; diff "$tmp/ss" "$tmp/ls" | head -5; }
	done
else
	echo "ss-cli: real ss 6.1 not installed: PROC_NET_* and -F comparisons skipped"
	skip=$((skip + 10))
fi

# A -F line must fit ss's 1 KiB line buffer.
head -c 1500 /dev/zero | tr '\0' ' ' >"$tmp/longline"
expect filter-long-line 255 0 1 -- -tn -F "$tmp/longline"
grep -q "line 1 is longer" "$tmp/err" && ok || bad "-F long line: $(cat "$tmp/err")"
# fwmark and cgroup are not in /proc: an error, not an empty answer.
PROC_ROOT=$FX "$LSOCK" -tan fwmark = 0 >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] && [ ! -s "$tmp/out" ] && grep -q "socket marks" "$tmp/err" && ok ||
	bad "fwmark from /proc: $(cat "$tmp/err")"
# An IPv4 condition matches IPv4 and IPv4-mapped sockets only, as in the
# kernel (docs/compat.md): ss's /proc path also lets [::] and [::1] match.
PROC_ROOT=$FX "$LSOCK" -tanH src 0.0.0.0 >"$tmp/out" 2>&1
grep -q '\[::' "$tmp/out" && bad "src 0.0.0.0 matched an IPv6 socket" || ok
grep -q '^LISTEN .* 0\.0\.0\.0:' "$tmp/out" && ok || bad "src 0.0.0.0: $(cat "$tmp/out")"
# Port ranges and lists (lsock's extension) and their equivalents.
PROC_ROOT=$FX "$LSOCK" -tan sport ge :5000 and sport le :5020 >"$tmp/ss"
PROC_ROOT=$FX "$LSOCK" -tan sport = :5000-5020 >"$tmp/ls"
cmp -s "$tmp/ss" "$tmp/ls" && ok || bad "port range"
PROC_ROOT=$FX "$LSOCK" -tan sport = :5011 or sport = :443 or sport = :http >"$tmp/ss"
PROC_ROOT=$FX "$LSOCK" -tan sport = '{5011,443,http}' >"$tmp/ls"
cmp -s "$tmp/ss" "$tmp/ls" && [ "$(wc -l <"$tmp/ls")" -gt 1 ] && ok || bad "port list"

echo "ss-cli: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
