#!/bin/bash
# netstat-golden.sh: compare lsock --netstat with the golden files that
# tests/golden/regen-netstat.sh made from the real netstat 2.10.
#
# Run by `make check` (automake TESTS) or by hand:
#   tests/golden/netstat-golden.sh                  (binary: $top_builddir/lsock)
#   LSOCK=/path/to/lsock tests/golden/netstat-golden.sh
#   tests/golden/netstat-golden.sh -f basic -c tan  (only some fixtures/cases)
# Options: -f REGEX  only fixtures whose name matches REGEX
#          -c REGEX  only cases whose ID matches REGEX
#          -v        also print a line for every pass and skip
#
# Every case of netstat-cases.txt runs on every fixture twice, each time as
# the oracle ran (netstat-lib.sh ns_run: fresh network and mount namespace,
# the tree materialized on a private tmpfs, empty environment, stdout a
# pipe): once with PROC_ROOT=tree, once with the tree bind-mounted over
# /proc and no PROC_ROOT (the default paths). Checked each time: stdout ==
# <ID>.out, stderr == <ID>.err, exit code == <ID>.rc; for "loop" cases (-c),
# stdout must be two or more rounds of <ID>.out. On a fixture with a
# BADLINES file (malformed), lsock's stderr may also hold netstat's
# "warning, got bogus X line." for each line lsock skips (docs/compat.md
# section 6, N3): they are left out of the comparison, and for the case "an"
# there must be exactly one per bad line of the files netstat reads.
# Cases that look names up skip when the host files of NAMES.sha256 differ.
# The /proc runs are skipped (and said so with -v) where lsock cannot run
# with a tree as /proc: without a bind mount, or in a sanitizer build, whose
# leak checker needs the real /proc (the PROC_ROOT runs still check it).
# Needs root (or user namespaces that may bind-mount); exits 77 otherwise
# (99 with CI=true). Ends with `netstat-golden: N passed, N failed, N skipped`.
set -euo pipefail
export LC_ALL=C LANG=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GL_TOP=$(cd "$here/../.." && pwd)
# shellcheck source=tests/golden/golden-lib.sh
. "$here/golden-lib.sh"
# shellcheck source=tests/golden/netstat-lib.sh
. "$here/netstat-lib.sh"
# shellcheck source=tests/golden/oracle-fixups.sh
. "$here/oracle-fixups.sh"

FIXTURES_DIR=${FIXTURES_DIR:-$GL_TOP/fixtures/proc}
EXPECTED_DIR=${EXPECTED_DIR:-$GL_TOP/tests/expected/netstat}
CASES=$here/netstat-cases.txt
BOGUS_RE='^warning, got bogus (tcp|udp|raw|unix) line\.$'

# ---------------------------------------------------------------------------
# Inside the namespace: every case of CASELIST, results into OUTDIR/{P,B}.
inner() { # FIXTURE_DIR CASELIST OUTDIR MNT
	local fx=$1 list=$2 out=$3 mnt=$4 tree id args rc
	gl_ns_setup "$mnt"
	tree=$mnt/t
	gl_materialize "$fx" "$tree"
	mkdir -p "$out/P" "$out/B"
	while IFS=$'\t' read -r id args; do
		rc=$(ns_run lsock "$tree" "$id" "$args" "$out/P/$id.out" "$out/P/$id.err")
		echo "$rc" >"$out/P/$id.rc"
	done <"$list"
	if ! mount --bind "$tree" /proc 2>/dev/null; then
		echo "cannot bind-mount over /proc here" >"$out/B/.nobind"
		return 0
	fi
	# a sanitizer build cannot run without the real /proc (LeakSanitizer)
	if ! env -i "$LSOCK" --netstat -V >/dev/null 2>"$out/B/.probe" ||
	   [ -s "$out/B/.probe" ]; then
		umount /proc
		echo "lsock cannot run with a tree as /proc (a sanitizer build?)" >"$out/B/.nobind"
		return 0
	fi
	while IFS=$'\t' read -r id args; do
		rc=$(ns_run lsock "" "$id" "$args" "$out/B/$id.out" "$out/B/$id.err")
		echo "$rc" >"$out/B/$id.rc"
	done <"$list"
	umount /proc
}

if [ "${1:-}" = __inner ]; then
	shift
	trap 'echo "netstat-golden: inner: command failed (line $LINENO, exit $?)" >&2' ERR
	set -E
	export LSOCK
	inner "$@"
	exit 0
fi

# ---------------------------------------------------------------------------
fx_re='' case_re='' verbose=0
while getopts 'f:c:v' o; do
	case $o in
	f) fx_re=$OPTARG ;;
	c) case_re=$OPTARG ;;
	v) verbose=1 ;;
	*)
		echo "usage: netstat-golden.sh [-f FIXTURE_REGEX] [-c CASE_REGEX] [-v]" >&2
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

skip_all() {
	echo "netstat-golden: SKIP: $*"
	[ "${CI:-}" = true ] && exit 99
	exit 77
}
if [ ! -x "$LSOCK" ]; then
	echo "netstat-golden: ERROR: no lsock binary at $LSOCK (build it, or set LSOCK)" >&2
	exit 99
fi
for t in timeout unshare ip perl sha256sum; do
	command -v "$t" >/dev/null || { echo "netstat-golden: ERROR: missing tool: $t" >&2; exit 99; }
done
if [ ! -d "$EXPECTED_DIR" ]; then
	echo "netstat-golden: ERROR: no expected files in $EXPECTED_DIR (run tests/golden/regen-netstat.sh)" >&2
	exit 99
fi
uopts=$(gl_unshare_opts) || skip_all "cannot create a network namespace (needs root or user namespaces)"

work=$(mktemp -d /tmp/lsock-netstat-golden.XXXXXX)
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

names_ok=1
while read -r want file; do
	have=$(sha256sum "$file" 2>/dev/null | awk '{print $1}') || true
	[ "$want" = "$have" ] || names_ok=0
done <"$EXPECTED_DIR/NAMES.sha256"
[ "$names_ok" = 1 ] ||
	echo "netstat-golden: note: host name files differ from NAMES.sha256: cases without -n are skipped"

# "tcp 3" lines: the warnings lsock owes for the malformed lines of the
# /proc files netstat reads.
bogus_expected() { # BADLINES
	local file n
	fixup_badlines_pairs "$1" | while read -r file n; do
		name=$(ns_bogus_name "$file")
		[ -z "$name" ] || echo "$name"
	done | sort | uniq -c | awk '{print $2, $1}'
}
bogus_got() { # ERR
	grep -E "$BOGUS_RE" "$1" | sed -E 's/^warning, got bogus ([a-z]+) line\.$/\1/' |
		sort | uniq -c | awk '{print $2, $1}' || true
}

# Compare one mode's results of one case; prints nothing when they match.
check_case() { # EXPDIR ACTDIR ID BADLINES_OR_EMPTY
	local exp=$1 act=$2 id=$3 bl=$4 msgs=''
	if [[ $id == loop* ]]; then
		ns_rounds "$act/$id.out" "$exp/$id.out" >/dev/null ||
			msgs+="stdout is not two or more rounds of the expected listing; "
	elif ! cmp -s "$exp/$id.out" "$act/$id.out"; then
		msgs+="stdout differs; "
	fi
	[ "$(cat "$exp/$id.rc")" = "$(cat "$act/$id.rc")" ] ||
		msgs+="exit code $(cat "$act/$id.rc"), want $(cat "$exp/$id.rc"); "
	if [ -n "$bl" ]; then
		grep -Ev "$BOGUS_RE" "$act/$id.err" >"$act/$id.err.rest" || true
		cmp -s "$exp/$id.err" "$act/$id.err.rest" || msgs+="stderr differs (warnings aside); "
		if [ "$id" = an ] && [ "$(bogus_expected "$bl")" != "$(bogus_got "$act/$id.err")" ]; then
			msgs+="bogus-line warnings [$(bogus_got "$act/$id.err" | tr '\n' ' ')], want [$(bogus_expected "$bl" | tr '\n' ' ')]; "
		fi
	elif ! cmp -s "$exp/$id.err" "$act/$id.err"; then
		msgs+="stderr differs; "
	fi
	printf '%s' "$msgs"
}

report() { # LABEL EXPDIR ACTDIR ID ARGS BADLINES
	local msgs
	msgs=$(check_case "$2" "$3" "$4" "$6")
	if [ -z "$msgs" ]; then
		say_pass "$1"
		return
	fi
	say_fail "$1 (${5:-no args}): ${msgs%; }"
	[[ $msgs != *"stdout differs"* ]] || show_diff stdout "$2/$4.out" "$3/$4.out"
	[[ $msgs != *"stderr differs"* ]] || show_diff stderr "$2/$4.err" "$3/$4.err"
}

host_bo=$(gl_host_byteorder)
nfx=0
while IFS= read -r fx; do
	name=${fx##*/}
	[ -z "$fx_re" ] || [[ $name =~ $fx_re ]] || continue
	bo=$(gl_meta "$fx" byteorder)
	if [ -n "$bo" ] && [ "$bo" != "$host_bo" ]; then
		say_skip "$name: fixture byteorder $bo, host $host_bo"
		continue
	fi
	exp=$EXPECTED_DIR/$name
	if [ ! -d "$exp" ]; then
		say_fail "$name: no expected files in $exp (run tests/golden/regen-netstat.sh)"
		continue
	fi
	list=$work/$name.cases
	: >"$list"
	while IFS=$'\t' read -r id args; do
		[ -z "$case_re" ] || [[ $id =~ $case_re ]] || continue
		gl_parse_args "${args:-}"
		if [ "$names_ok" = 0 ] && ! ns_args_numeric; then
			say_skip "$name/$id: host name files differ"
			continue
		fi
		if [ ! -f "$exp/$id.out" ] || [ ! -f "$exp/$id.rc" ] || [ ! -f "$exp/$id.err" ]; then
			say_fail "$name/$id: no expected output (run tests/golden/regen-netstat.sh)"
			continue
		fi
		printf '%s\t%s\n' "$id" "${args:-}" >>"$list"
	done < <(ns_fixture_cases "$CASES" "$name")
	[ -s "$list" ] || continue
	nfx=$((nfx + 1))
	act=$work/act-$name
	mkdir -p "$act"
	# shellcheck disable=SC2086
	if ! unshare $uopts -- bash "$here/netstat-golden.sh" __inner "$fx" "$list" "$act" "$work/m"; then
		say_fail "$name: could not run the cases (namespace or materialize failed)"
		continue
	fi
	[ ! -e "$act/B/.nobind" ] ||
		echo "netstat-golden: note: $name: /proc runs skipped: $(cat "$act/B/.nobind")"
	bl=
	[ ! -f "$fx/BADLINES" ] || bl=$fx/BADLINES
	while IFS=$'\t' read -r id args; do
		report "$name/$id PROC_ROOT" "$exp" "$act/P" "$id" "$args" "$bl"
		if [ -e "$act/B/.nobind" ]; then
			say_skip "$name/$id /proc: $(cat "$act/B/.nobind")"
		else
			report "$name/$id /proc" "$exp" "$act/B" "$id" "$args" "$bl"
		fi
	done <"$list"
done < <(gl_fixtures "$FIXTURES_DIR")
if [ "$nfx" = 0 ] && [ -z "$fx_re" ] && [ -z "$case_re" ]; then
	say_fail "no fixture was run (fixtures in $FIXTURES_DIR?)"
fi

echo "netstat-golden: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
