# live-lib.sh: the start every live test shares. A test sets NAME, then
#   here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
#   . "$here/live-lib.sh"
# and gets LSOCK, MKSOCKS and SS (each overridable from the environment),
# skip_or_fail, and the root and real-ss-6.1 checks already made: outside
# CI a test that cannot run here exits 77 (skip); with CI=true, 99.
# shellcheck shell=bash

top_builddir=${top_builddir:-$(cd "$here/../.." && pwd)}
LSOCK=${LSOCK:-$top_builddir/lsock}
MKSOCKS=${MKSOCKS:-$top_builddir/tests/helpers/mksocks}
SS=${SS:-/usr/bin/ss}

skip_or_fail() {
	echo "$NAME: SKIP: $*"
	[ "${CI:-}" = true ] && exit 99
	exit 77
}

[ "$(id -u)" = 0 ] || skip_or_fail "needs root (network namespaces)"
"$SS" -V 2>/dev/null | grep -q 'iproute2-6\.1\.0' || skip_or_fail "no real ss 6.1"

# The checks' tally: ok, bad "what", and live_done for the result line
# ("NAME: N passed, N failed") and the exit status.
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
live_done() {
	echo "$NAME: $pass passed, $fail failed"
	[ "$fail" = 0 ]
}

# A work directory in $w, removed at exit unless KEEP is set.
live_workdir() {
	w=$(mktemp -d "/tmp/lsock-$NAME.XXXXXX")
	trap '[ -n "${KEEP:-}" ] || rm -rf "$w"' EXIT
}

# The end of an "__inner" part: its background helpers (pids as arguments)
# stopped and waited for, then a clean exit.
live_inner_end() {
	if [ $# -gt 0 ]; then
		kill "$@" 2>/dev/null
		wait "$@" 2>/dev/null
	fi
	exit 0
}

# The script's own "__inner" part, run in a private network namespace
# (more unshare options as arguments), bounded in time; 99 if it fails.
live_run_inner() {
	if ! timeout 600 unshare -n "$@" bash "$0" __inner "$w"; then
		echo "$NAME: ERROR: could not run the cases in a namespace"
		exit 99
	fi
}
