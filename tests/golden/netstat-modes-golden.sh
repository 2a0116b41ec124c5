#!/bin/bash
# netstat-modes-golden.sh: compare lsock's netstat -s -r -g -M -i modes with
# the golden files tests/golden/regen-netstat-modes.sh made from the real
# netstat 2.10.
#
# Run by `make check` or by hand:
#   tests/golden/netstat-modes-golden.sh              (binary: $top_builddir/lsock)
#   tests/golden/netstat-modes-golden.sh -f routes -c '^r'   (some fixtures/cases)
# Options: -f REGEX  only fixtures whose name matches REGEX
#          -c REGEX  only cases whose ID matches REGEX
#          -v        also print a line for every pass and skip
#
# Each fixture runs in its own `unshare --mount --propagation private --net`
# (lo up), its tree materialized on a private tmpfs, every case as
# `env -i PATH LC_ALL=C LANG=C PROC_ROOT=tree lsock --netstat ARGS` with
# stdin /dev/null and stdout a pipe (netstat-modes-lib.sh nm_run, as the
# oracle ran). Checked per case: stdout, stderr and exit code byte for byte.
# Cases marked NAMES skip when /etc/hosts, networks, services or
# nsswitch.conf differ from NAMEFILES.sha256. Without root or user
# namespaces: exit 77 (99 with CI=true). Ends with
# `netstat-modes-golden: N passed, N failed, N skipped`.
set -euo pipefail
export LC_ALL=C LANG=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GL_TOP=$(cd "$here/../.." && pwd)
# shellcheck source=tests/golden/golden-lib.sh
. "$here/golden-lib.sh"
# shellcheck source=tests/golden/netstat-modes-lib.sh
. "$here/netstat-modes-lib.sh"

EXPECTED_DIR=${EXPECTED_DIR:-$GL_TOP/tests/expected/netstat-modes}
CASES=$here/netstat-modes-cases.txt

inner() { # FIXTURE_DIR CASELIST OUTDIR MNT
	local fx=$1 list=$2 out=$3 mnt=$4 id args rc
	gl_ns_setup "$mnt"
	gl_materialize "$fx" "$mnt/t"
	while IFS=$'\t' read -r id args; do
		[ -n "$id" ] || continue
		rc=$(nm_run "$mnt/t" "$args" "$out/$id.out" "$out/$id.err" \
			"$LSOCK" --netstat)
		echo "$rc" >"$out/$id.rc"
	done <"$list"
}

if [ "${1:-}" = __inner ]; then
	shift
	trap 'echo "netstat-modes-golden: inner: command failed (line $LINENO, exit $?)" >&2' ERR
	set -E
	inner "$@"
	exit 0
fi

skip_code=77
[ "${CI:-}" = true ] && skip_code=99
fx_re='' case_re='' verbose=0
while getopts 'f:c:v' o; do
	case $o in
	f) fx_re=$OPTARG ;;
	c) case_re=$OPTARG ;;
	v) verbose=1 ;;
	*)
		echo "usage: netstat-modes-golden.sh [-f FIXTURE_REGEX] [-c CASE_REGEX] [-v]" >&2
		exit 99
		;;
	esac
done

top_builddir=${top_builddir:-}
if [ -z "$top_builddir" ]; then
	if [ -x ./lsock ]; then top_builddir=.; else top_builddir=$GL_TOP; fi
fi
LSOCK=${LSOCK:-$top_builddir/lsock}
case $LSOCK in /*) ;; */*) LSOCK=$(cd "$(dirname "$LSOCK")" && pwd)/${LSOCK##*/} ;; esac
export LSOCK
[ -n "${MATERIALIZE:-}" ] && export MATERIALIZE

if [ ! -x "$LSOCK" ]; then
	echo "netstat-modes-golden: ERROR: no lsock binary at $LSOCK" >&2
	exit 99
fi
for t in timeout unshare ip head sha256sum; do
	if ! command -v "$t" >/dev/null; then
		echo "netstat-modes-golden: ERROR: missing tool: $t" >&2
		exit 99
	fi
done
if [ ! -d "$EXPECTED_DIR" ]; then
	echo "netstat-modes-golden: ERROR: no expected files in $EXPECTED_DIR (run tests/golden/regen-netstat-modes.sh)" >&2
	exit 99
fi
if ! uopts=$(gl_unshare_opts); then
	echo "netstat-modes-golden: SKIP: cannot create a network namespace (needs root or user namespaces)"
	exit "$skip_code"
fi

names_ok=1
if ! (cd / && sha256sum --quiet -c "$EXPECTED_DIR/NAMEFILES.sha256" >/dev/null 2>&1); then
	names_ok=0
	echo "netstat-modes-golden: note: the name files differ from NAMEFILES.sha256: NAMES cases are skipped"
fi

work=$(mktemp -d /tmp/lsock-nm-golden.XXXXXX)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/m"

pass=0 fail=0 skip=0
say_pass() { pass=$((pass + 1)); [ "$verbose" = 0 ] || echo "PASS: $1"; }
say_skip() { skip=$((skip + 1)); [ "$verbose" = 0 ] || echo "SKIP: $1"; }
say_fail() { fail=$((fail + 1)); echo "FAIL: $1"; }
show_diff() { # WHAT EXPECTED ACTUAL
	echo "--- $1:"
	diff -a -u --label expected --label actual "$2" "$3" | head -n 30 | cat -v || true
}

host_bo=$(gl_host_byteorder)
nfx=0
while IFS= read -r fx; do
	name=${fx##*/}
	[ -z "$fx_re" ] || [[ $name =~ $fx_re ]] || continue
	exp=$EXPECTED_DIR/$name
	bo=$(gl_meta "$fx" byteorder)
	if [ -n "$bo" ] && [ "$bo" != any ] && [ "$bo" != "$host_bo" ]; then
		say_skip "$name: fixture byteorder $bo, host $host_bo"
		continue
	fi
	if [ ! -d "$exp" ]; then
		say_fail "$name: no expected files in $exp (run tests/golden/regen-netstat-modes.sh)"
		continue
	fi
	list=$work/$name.cases
	: >"$list"
	while IFS=$'\t' read -r id args; do
		[ -n "$id" ] || continue
		[ -z "$case_re" ] || [[ $id =~ $case_re ]] || continue
		nm_case_applies "$args" "$name" || continue
		if [ "$NM_NAMES" = 1 ] && [ "$names_ok" = 0 ]; then
			say_skip "$name/$id: name files differ"
			continue
		fi
		printf '%s\t%s\n' "$id" "$args" >>"$list"
	done < <(gl_cases "$CASES")
	[ -s "$list" ] || continue
	nfx=$((nfx + 1))
	act=$work/act-$name
	mkdir -p "$act"
	# shellcheck disable=SC2086
	if ! unshare $uopts -- bash "$here/netstat-modes-golden.sh" __inner "$fx" "$list" "$act" "$work/m"; then
		say_fail "$name: could not run the cases"
		continue
	fi
	while IFS=$'\t' read -r id args; do
		t="$name/$id"
		if [ ! -f "$exp/$id.rc" ]; then
			say_fail "$t: no expected output (run tests/golden/regen-netstat-modes.sh)"
			continue
		fi
		msgs=
		cmp -s "$exp/$id.out" "$act/$id.out" || msgs+="stdout differs; "
		cmp -s "$exp/$id.err" "$act/$id.err" || msgs+="stderr differs; "
		want_rc=$(cat "$exp/$id.rc") got_rc=$(cat "$act/$id.rc")
		[ "$want_rc" = "$got_rc" ] || msgs+="exit code $got_rc, want $want_rc; "
		if [ -z "$msgs" ]; then
			say_pass "$t"
			continue
		fi
		say_fail "$t ($args): ${msgs%; }"
		[[ $msgs != *stdout* ]] || show_diff stdout "$exp/$id.out" "$act/$id.out"
		[[ $msgs != *stderr* ]] || show_diff stderr "$exp/$id.err" "$act/$id.err"
	done <"$list"
done < <(nm_fixtures "$GL_TOP")
if [ "$nfx" = 0 ] && [ -z "$fx_re" ] && [ -z "$case_re" ]; then
	say_fail "no fixture was run"
fi

echo "netstat-modes-golden: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
