#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# nonetlink-selftest.sh: check the test helper tests/helpers/nonetlink.
#
# Builds nothing. For each errno the helper is run in --probe mode, which
# installs the seccomp filter and then tries socket(AF_NETLINK, SOCK_RAW,
# NETLINK_SOCK_DIAG) (plainly, with junk in the upper half of the domain
# argument, and on x86_64 through the x32 system call number), AF_INET,
# AF_UNIX and socketpair(AF_UNIX); every netlink line must show the errno,
# every other line "ok". Then the usage errors (125), exec failure (127),
# exit status pass-through and the inheritance of the filter across exec
# are checked, and, when /usr/bin/ss exists, that ss under the helper
# reports "Cannot open netlink socket" and still lists TCP sockets.
#
# Environment: NONETLINK (default $top_builddir/tests/helpers/nonetlink;
# top_builddir defaults to two directories above this script).
# Prints `nonetlink-selftest: N passed, N failed`; exits 0 or 1, 77 when
# the helper cannot install a filter here (unsupported architecture, no
# seccomp), 99 when the helper is missing.
set -euo pipefail
export LC_ALL=C LANG=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top_builddir=${top_builddir:-$(cd "$here/../.." && pwd)}
NL=${NONETLINK:-$top_builddir/tests/helpers/nonetlink}
SS=/usr/bin/ss

passed=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nonetlink-selftest.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

pass() {
	passed=$((passed + 1))
	echo "PASS: $1"
}

fail() {
	failed=$((failed + 1))
	echo "FAIL: $1"
	shift
	local line
	for line in "$@"; do
		printf '%s\n' "$line" | sed 's/^/      /'
	done
}

# run ARGS...: runs the helper; sets $rc, $out (stdout) and $err (stderr).
run() {
	rc=0
	"$NL" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# check_probe ARG WANT: `nonetlink ARG --probe` must exit 0 and print
# "netlink: WANT" (and WANT for the other netlink lines), "ok" elsewhere.
check_probe() {
	local arg=$1 want=$2 line name value expect bad='' seen=''
	run "$arg" --probe
	while IFS= read -r line; do
		name=${line%%: *}
		value=${line#*: }
		case $name in
		netlink | netlink-hibits | x32) expect=$want ;;
		inet | unix | socketpair) expect=ok ;;
		*) bad+=" unknown line '$line';"; continue ;;
		esac
		[ "$value" = "$expect" ] || bad+=" $name: got '$value', want '$expect';"
		seen+=" $name"
	done <<<"$out"
	for name in netlink inet unix socketpair; do
		case "$seen " in *" $name "*) ;; *) bad+=" no '$name' line;" ;; esac
	done
	[ "$rc" -eq 0 ] || bad+=" exit status $rc, want 0;"
	if [ -z "$bad" ]; then
		pass "probe $arg -> $want"
	else
		fail "probe $arg -> $want:$bad" "stdout: $out" "stderr: $err"
	fi
}

# check_rc WANT DESC ARGS...: the helper must exit with WANT.
check_rc() {
	local want=$1 desc=$2
	shift 2
	run "$@"
	if [ "$rc" -eq "$want" ]; then
		pass "$desc (exit $want)"
	else
		fail "$desc: exit status $rc, want $want" "stderr: $err"
	fi
}

if [ ! -x "$NL" ]; then
	echo "nonetlink-selftest: helper $NL missing or not executable" >&2
	exit 99
fi

# A helper that cannot filter here (arch, kernel) is not broken: skip.
run EPERM --probe
if [ "$rc" -eq 125 ]; then
	echo "nonetlink-selftest: SKIP: helper cannot install its filter: $err"
	exit 77
fi

for e in EPERM EAFNOSUPPORT EPROTONOSUPPORT EACCES; do
	check_probe "$e" "$e"
done
check_probe 1 EPERM
check_probe 13 EACCES
check_probe 97 EAFNOSUPPORT
check_probe 4095 4095

check_rc 125 "no arguments"
check_rc 125 "no mode" EPERM
check_rc 125 "no -- before the command" EPERM true
check_rc 125 "-- without a command" EPERM --
check_rc 125 "--probe with extra arguments" EPERM --probe extra
check_rc 125 "unknown errno name" EBOGUS --probe
check_rc 125 "errno 0" 0 --probe
check_rc 125 "errno 4096" 4096 --probe
check_rc 125 "errno with trailing junk" 1x --probe
check_rc 125 "negative errno" -1 --probe
check_rc 0 "--help" --help
check_rc 0 "command true" EPERM -- true
check_rc 7 "command's exit status" EPERM -- sh -c 'exit 7'
check_rc 127 "command not found" EPERM -- "$tmp/no-such-command"

# The filter must survive exec and reach grandchildren.
run EPERM -- sh -c 'grep -E "^(Seccomp|NoNewPrivs):" /proc/self/status'
if [ "$rc" -eq 0 ] && grep -q $'^Seccomp:\t2$' <<<"$out" &&
	grep -q $'^NoNewPrivs:\t1$' <<<"$out"; then
	pass "filter inherited across exec"
else
	fail "filter inherited across exec (exit $rc)" "stdout: $out"
fi

# Stacked filters with the same action: the newest one's errno wins, and
# the outer one keeps the inner helper's probe from seeing netlink.
run EPERM -- "$NL" EACCES --probe
if [ "$rc" -eq 0 ] && grep -qx 'netlink: EACCES' <<<"$out"; then
	pass "stacked under another nonetlink"
else
	fail "stacked under another nonetlink (exit $rc)" "stdout: $out"
fi

if [ -x "$SS" ]; then
	run EPERM -- "$SS" -tan
	if [ "$rc" -eq 0 ] && grep -q '^Cannot open netlink socket' <<<"$err" &&
		grep -q '^State ' <<<"$out"; then
		pass "$SS -tan falls back to /proc"
	else
		fail "$SS -tan falls back to /proc (exit $rc)" \
			"stdout: $out" "stderr: $err"
	fi
else
	echo "SKIP: $SS not installed"
fi

echo "nonetlink-selftest: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
