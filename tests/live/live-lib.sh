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
