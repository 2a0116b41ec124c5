#!/bin/bash
# ss-netlink-golden.sh: replay the recorded netlink fixtures with lsock and
# compare with what the real ss 6.1 printed live when they were recorded
# (fixtures/tools/record-netlink.sh).
#
# Run by `make check` (automake TESTS) or by hand:
#   tests/golden/ss-netlink-golden.sh           (binary: $top_builddir/lsock)
#   LSOCK=/path/to/lsock tests/golden/ss-netlink-golden.sh
#   tests/golden/ss-netlink-golden.sh -f mix -c tan  (only some fixtures/cases)
# Options: -f REGEX  only fixtures whose name matches REGEX
#          -c REGEX  only cases whose ID matches REGEX
#          -v        also print a line for every pass and skip
# Needs neither root nor a namespace: the replay is offline.
#
# For every fixtures/netlink/<name>/ with a META and every case of
# ss-netlink-cases.txt: `lsock --replay <fixture> ARGS` with
# `env -i PATH LC_ALL=C LANG=C` (no PROC_ROOT), stdin /dev/null, stdout a
# file. Checked per case: stdout bytes == tests/expected/ss-netlink/<name>/
# <ID>.out, exit code == <ID>.rc, stderr empty. Cases without -n skip when
# /etc/services differs from tests/expected/ss-netlink/SERVICES.sha256;
# fixtures of another byte order (META byteorder) skip.
# Ends with `ss-netlink-golden: N passed, N failed, N skipped`; exit 0 if
# nothing failed, 1 otherwise, 99 on setup errors. Running no case at all
# (without -f/-c) is a failure.
set -euo pipefail
export LC_ALL=C LANG=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GL_TOP=$(cd "$here/../.." && pwd)
# shellcheck source=tests/golden/golden-lib.sh
. "$here/golden-lib.sh"

FIXTURES_DIR=${FIXTURES_DIR:-$GL_TOP/fixtures/netlink}
EXPECTED_DIR=${EXPECTED_DIR:-$GL_TOP/tests/expected/ss-netlink}
CASES=$here/ss-netlink-cases.txt
me=ss-netlink-golden
fx_re='' case_re='' verbose=0

setup_error() {
	echo "$me: ERROR: $*" >&2
	exit 99
}

while getopts 'f:c:v' o; do
	case $o in
	f) fx_re=$OPTARG ;;
	c) case_re=$OPTARG ;;
	v) verbose=1 ;;
	*) setup_error "usage: ss-netlink-golden.sh [-f FIXTURE_REGEX] [-c CASE_REGEX] [-v]" ;;
	esac
done

# lsock: $LSOCK, else the build tree's (automake sets top_builddir), else
# ./lsock, else the source tree's; made absolute when given as a path.
if [ -z "${LSOCK:-}" ]; then
	if [ -n "${top_builddir:-}" ]; then
		LSOCK=$top_builddir/lsock
	elif [ -x ./lsock ]; then
		LSOCK=./lsock
	else
		LSOCK=$GL_TOP/lsock
	fi
fi
[[ $LSOCK != */* || $LSOCK == /* ]] || LSOCK=$(cd "${LSOCK%/*}" && pwd)/${LSOCK##*/}

if [ ! -x "$LSOCK" ] && ! command -v "$LSOCK" >/dev/null 2>&1; then
	setup_error "no lsock binary at $LSOCK (build it, or set LSOCK)"
fi
for t in timeout diff sha256sum cmp od; do
	command -v "$t" >/dev/null || setup_error "missing tool: $t"
done
[ -r "$CASES" ] || setup_error "no cases file $CASES"
[ -d "$FIXTURES_DIR" ] || setup_error "no fixtures directory $FIXTURES_DIR"
[ -d "$EXPECTED_DIR" ] ||
	setup_error "no expected files in $EXPECTED_DIR (run fixtures/tools/record-netlink.sh)"

work=$(mktemp -d /tmp/lsock-nlgolden.XXXXXX)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT

# tally pass|skip|fail TEXT: count it; print failures, and the rest with -v
declare -A count=([pass]=0 [skip]=0 [fail]=0)
tally() {
	count[$1]=$((count[$1] + 1))
	[ "$1" = fail ] || [ "$verbose" = 1 ] || return 0
	printf '%s: %s\n' "${1^^}" "$2"
}
show_diff() { # EXPECTED ACTUAL
	diff -a -u --label expected --label actual "$1" "$2" | head -n 40 | cat -v || true
}

services_ok=1
want=$(awk '{ print $1; exit }' "$EXPECTED_DIR/SERVICES.sha256" 2>/dev/null || true)
have=$(sha256sum /etc/services 2>/dev/null | awk '{ print $1 }' || true)
if [ -z "$want" ] || [ "$want" != "$have" ]; then
	services_ok=0
	echo "$me: note: /etc/services differs from the one the expected files were made with: cases without -n are skipped"
fi
host_bo=$(gl_host_byteorder)

# `lsock --replay FIXTURE ARGS` the way gl_run runs a command, but with no
# PROC_ROOT (the recording is the whole system). Echoes the exit code.
replay() { # FIXTURE_DIR OUT ERR (uses GL_ARGV)
	local rc
	env -i PATH="$GL_PATH" LC_ALL=C LANG=C \
		timeout -k 5 "$GL_TIMEOUT" "$LSOCK" --replay "$1" ${GL_ARGV[@]+"${GL_ARGV[@]}"} \
		</dev/null >"$2" 2>"$3" && rc=0 || rc=$?
	echo "$rc"
}

# Compare one case; the result files are in $work.
check_case() { # NAME EXPDIR ID ARGS
	local t=$1/$3 exp=$2 id=$3 args=$4 msgs='' want_rc got_rc
	if [ ! -f "$exp/$id.out" ] || [ ! -f "$exp/$id.rc" ]; then
		tally fail "$t: no expected output (re-record the fixture with fixtures/tools/record-netlink.sh)"
		return
	fi
	cmp -s "$exp/$id.out" "$work/out" || msgs+="stdout differs; "
	want_rc=$(cat "$exp/$id.rc") got_rc=$(cat "$work/rc")
	[ "$want_rc" = "$got_rc" ] || msgs+="exit code $got_rc, want $want_rc; "
	[ ! -s "$work/err" ] || msgs+="stderr not empty; "
	if [ -z "$msgs" ]; then
		tally pass "$t"
		return
	fi
	tally fail "$t (${args:-no args}): ${msgs%; }"
	[[ $msgs != *"stdout differs"* ]] || show_diff "$exp/$id.out" "$work/out"
	if [ -s "$work/err" ]; then
		echo "--- stderr:"
		head -n 10 "$work/err" | cat -v
	fi
}

nrun=0
for fx in "$FIXTURES_DIR"/*/; do
	fx=${fx%/}
	[ -f "$fx/META" ] || continue
	name=${fx##*/}
	[ -z "$fx_re" ] || [[ $name =~ $fx_re ]] || continue
	exp=$EXPECTED_DIR/$name
	bo=$(gl_meta "$fx" byteorder)
	if [ ! -d "$exp" ]; then
		tally fail "$name: no expected files in $exp (re-record it with fixtures/tools/record-netlink.sh)"
		continue
	fi
	while IFS=$'\t' read -r id args; do
		[ -n "$id" ] || continue
		[ -z "$case_re" ] || [[ $id =~ $case_re ]] || continue
		if [ -n "$bo" ] && [ "$bo" != "$host_bo" ]; then
			tally skip "$name/$id: fixture byteorder $bo, host byteorder $host_bo"
			continue
		fi
		gl_parse_args "${args:-}"
		if [ "$services_ok" = 0 ] && ! gl_args_numeric; then
			tally skip "$name/$id: /etc/services differs"
			continue
		fi
		replay "$fx" "$work/out" "$work/err" >"$work/rc"
		nrun=$((nrun + 1))
		check_case "$name" "$exp" "$id" "${args:-}"
	done < <(gl_cases "$CASES")
done
if [ "$nrun" = 0 ] && [ -z "$fx_re" ] && [ -z "$case_re" ]; then
	tally fail "no case was run (fixtures with a META in $FIXTURES_DIR?)"
fi

echo "$me: ${count[pass]} passed, ${count[fail]} failed, ${count[skip]} skipped"
[ "${count[fail]}" = 0 ]
