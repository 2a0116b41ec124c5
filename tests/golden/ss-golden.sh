#!/bin/bash
# ss-golden.sh: compare lsock (ss mode) with the golden files that
# tests/golden/regen-ss.sh made from the real ss 6.1.
#
# Run by `make check` (automake TESTS) or by hand:
#   tests/golden/ss-golden.sh                 (binary: $top_builddir/lsock)
#   LSOCK=/path/to/lsock tests/golden/ss-golden.sh
#   tests/golden/ss-golden.sh -f basic -c tan (only some fixtures/cases)
# Options: -f REGEX  only fixtures whose name matches REGEX
#          -c REGEX  only cases whose ID matches REGEX (errors included)
#          -v        also print a line for every pass and skip
# Needs root (or unprivileged user namespaces) for `unshare -n`; exits 77
# (skip) when no network namespace can be made.
#
# Every case runs exactly as the oracle did (golden-lib.sh gl_run): fresh
# network namespace, the fixture tree materialized once per fixture on a
# private tmpfs, `env -i PATH LC_ALL=C LANG=C PROC_ROOT=tree`, stdin
# /dev/null, stdout a pipe, or a pty of COLS columns for tty cases.
# Checked per case: stdout bytes == <ID>.out, exit code == <ID>.rc, and
#   - stderr empty, except on a fixture with a BADLINES file ("malformed"):
#     there every stderr line must read `lsock: <path>/net/<file>:<n>: <msg>`,
#     and for the case with ID "a" there must be exactly one such line per
#     BADLINES entry of tcp tcp6 udp udp6 raw raw6 unix packet netlink.
#   - cases without -n skip when /etc/services differs from SERVICES.sha256;
#     -r cases skip when /etc/hosts differs from HOSTS.sha256.
# Error cases (ss-errors.txt): same exit code, empty stdout, exactly one
# stderr line containing BADWORD (and "--help" for IDs starting with opt-).
# Ends with `ss-golden: N passed, N failed, N skipped`; exit 0/1 (77, 99).
#
# Harness self-test only: SS_GOLDEN_APPLY_FIXUPS=1 feeds the program the
# same corrected tree and output filter as the oracle (oracle-fixups.sh), so
# that LSOCK=/usr/bin/ss passes every stdout/rc comparison.
set -euo pipefail
export LC_ALL=C LANG=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GL_TOP=$(cd "$here/../.." && pwd)
# shellcheck source=tests/golden/golden-lib.sh
. "$here/golden-lib.sh"
# shellcheck source=tests/golden/oracle-fixups.sh
. "$here/oracle-fixups.sh"

FIXTURES_DIR=${FIXTURES_DIR:-$GL_TOP/fixtures/proc}
EXPECTED_DIR=${EXPECTED_DIR:-$GL_TOP/tests/expected/ss}
CASES=$here/ss-cases.txt
ERRORS=$here/ss-errors.txt
MALFORMED_FILES="tcp tcp6 udp udp6 raw raw6 unix packet netlink"

# ---------------------------------------------------------------------------
# Inside the namespace: run every case of CASELIST on the fixture (or the
# error cases on an empty tree when FIXTURE is -), results into OUTDIR.
inner() { # FIXTURE_DIR|- CASELIST OUTDIR MNT
	local fx=$1 list=$2 out=$3 mnt=$4 tree id rest args rc
	gl_ns_setup "$mnt"
	tree=$mnt/t
	if [ "$fx" = - ]; then
		mkdir -p "$tree"
	else
		gl_materialize "$fx" "$tree"
		if [ "${SS_GOLDEN_APPLY_FIXUPS:-}" = 1 ]; then
			fixup_apply_input "$tree" "$fx" >/dev/null
		fi
	fi
	while IFS=$'\t' read -r id rest; do
		[ -n "$id" ] || continue
		args=$rest
		[ "$fx" != - ] || args=${rest#*$'\t'}
		rc=$(gl_run "$LSOCK" "$tree" "$args" "$out/$id.out" "$out/$id.err")
		echo "$rc" >"$out/$id.rc"
		if [ "${SS_GOLDEN_APPLY_FIXUPS:-}" = 1 ] && [ "$fx" != - ]; then
			fixup_apply_output <"$out/$id.out" >"$out/$id.tmp"
			mv "$out/$id.tmp" "$out/$id.out"
		fi
	done <"$list"
}

if [ "${1:-}" = __inner ]; then
	shift
	trap 'echo "ss-golden: inner: command failed (line $LINENO, exit $?)" >&2' ERR
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
		echo "usage: ss-golden.sh [-f FIXTURE_REGEX] [-c CASE_REGEX] [-v]" >&2
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
export LSOCK SS_GOLDEN_APPLY_FIXUPS="${SS_GOLDEN_APPLY_FIXUPS:-}"
[ -n "${MATERIALIZE:-}" ] && export MATERIALIZE

if [ ! -x "$LSOCK" ] && ! command -v "$LSOCK" >/dev/null 2>&1; then
	echo "ss-golden: ERROR: no lsock binary at $LSOCK (build it, or set LSOCK)" >&2
	exit 99
fi
for t in script stty timeout unshare ip perl diff sha256sum; do
	if ! command -v "$t" >/dev/null; then
		echo "ss-golden: ERROR: missing tool: $t" >&2
		exit 99
	fi
done
if [ ! -d "$EXPECTED_DIR" ]; then
	echo "ss-golden: ERROR: no expected files in $EXPECTED_DIR (run tests/golden/regen-ss.sh)" >&2
	exit 99
fi
if ! uopts=$(gl_unshare_opts); then
	echo "ss-golden: SKIP: cannot create a network namespace (needs root or user namespaces)"
	exit 77
fi

work=$(mktemp -d /tmp/lsock-golden.XXXXXX)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/m"

pass=0 fail=0 skip=0
say_pass() { pass=$((pass + 1)); [ "$verbose" = 0 ] || echo "PASS: $1"; }
say_skip() { skip=$((skip + 1)); [ "$verbose" = 0 ] || echo "SKIP: $1"; }
say_fail() { fail=$((fail + 1)); echo "FAIL: $1"; }
show_diff() { # EXPECTED ACTUAL
	diff -a -u --label expected --label actual "$1" "$2" | head -n 40 | cat -v || true
}

hash_ok() { # FILE.sha256 (sha256sum format)
	local want have
	[ -f "$1" ] || return 1
	want=$(awk '{print $1; exit}' "$1")
	have=$(sha256sum "$(awk '{print $2; exit}' "$1")" 2>/dev/null | awk '{print $1}') || true
	[ -n "$want" ] && [ "$want" = "$have" ]
}
services_ok=1 hosts_ok=1
if ! hash_ok "$EXPECTED_DIR/SERVICES.sha256"; then
	services_ok=0
	echo "ss-golden: note: /etc/services differs from the one the expected files were made with: cases without -n are skipped"
fi
if ! hash_ok "$EXPECTED_DIR/HOSTS.sha256"; then
	hosts_ok=0
	echo "ss-golden: note: /etc/hosts differs from the one the expected files were made with: -r cases are skipped"
fi

# Why CASE (ID, ARGS) must be skipped here; empty = run it.
skip_reason() { # ARGS
	gl_parse_args "$1"
	if [ "$hosts_ok" = 0 ] && gl_args_resolve; then
		echo "/etc/hosts differs"
	elif [ "$services_ok" = 0 ] && ! gl_args_numeric; then
		echo "/etc/services differs"
	fi
}

# stderr lines of the form `lsock: <path>/net/<file>:<n>: <msg>`, printed as
# "<file> <n>"; returns 1 if some line has another form.
warn_pairs() { # ERRFILE
	LC_ALL=C perl -ne '
		if (m{^lsock: .*/net/([A-Za-z0-9_]+):([0-9]+): \S}) { print "$1 ", $2 + 0, "\n" }
		else { $bad = 1 }
		END { exit($bad ? 1 : 0) }' "$1"
}

host_bo=$(gl_host_byteorder)
hostinfo="host byteorder $host_bo"

# --- fixtures ---------------------------------------------------------------
nfx=0
while IFS= read -r fx; do
	name=${fx##*/}
	[ -z "$fx_re" ] || [[ $name =~ $fx_re ]] || continue
	exp=$EXPECTED_DIR/$name
	list=$work/$name.cases
	: >"$list"
	bo=$(gl_meta "$fx" byteorder)
	while IFS=$'\t' read -r id args; do
		[ -n "$id" ] || continue
		[ -z "$case_re" ] || [[ $id =~ $case_re ]] || continue
		if [ -n "$bo" ] && [ "$bo" != "$host_bo" ]; then
			say_skip "$name/$id: fixture byteorder $bo, $hostinfo"
			continue
		fi
		why=$(skip_reason "${args:-}")
		if [ -n "$why" ]; then
			say_skip "$name/$id: $why"
			continue
		fi
		printf '%s\t%s\n' "$id" "${args:-}" >>"$list"
	done < <(gl_cases "$CASES")
	if [ -n "$bo" ] && [ "$bo" != "$host_bo" ]; then
		echo "ss-golden: skipping fixture $name: byteorder $bo, $hostinfo"
		continue
	fi
	if [ ! -d "$exp" ]; then
		say_fail "$name: no expected files in $exp (run tests/golden/regen-ss.sh)"
		continue
	fi
	[ -s "$list" ] || continue
	nfx=$((nfx + 1))
	act=$work/act-$name
	mkdir -p "$act"
	# shellcheck disable=SC2086
	if ! unshare $uopts -- bash "$here/ss-golden.sh" __inner "$fx" "$list" "$act" "$work/m"; then
		say_fail "$name: could not run the cases (namespace or materialize failed)"
		continue
	fi
	bad_expect=
	[ -f "$fx/BADLINES" ] && bad_expect=$(fixup_badlines_pairs "$fx/BADLINES" |
		awk -v files=" $MALFORMED_FILES " 'index(files, " " $1 " ")' | sort)
	while IFS=$'\t' read -r id args; do
		t="$name/$id"
		if [ ! -f "$exp/$id.out" ] || [ ! -f "$exp/$id.rc" ]; then
			say_fail "$t: no expected output (run tests/golden/regen-ss.sh)"
			continue
		fi
		ok=1 msgs=
		if ! cmp -s "$exp/$id.out" "$act/$id.out"; then
			ok=0
			msgs+="stdout differs; "
		fi
		want_rc=$(cat "$exp/$id.rc") got_rc=$(cat "$act/$id.rc")
		if [ "$want_rc" != "$got_rc" ]; then
			ok=0
			msgs+="exit code $got_rc, want $want_rc; "
		fi
		errnote=
		if [ -f "$fx/BADLINES" ]; then
			if ! got_pairs=$(warn_pairs "$act/$id.err"); then
				ok=0
				errnote="stderr line(s) not of the form 'lsock: PATH/net/FILE:LINE: MESSAGE'"
			elif [ "$id" = a ]; then
				got_pairs=$(printf '%s\n' "$got_pairs" | sed '/^$/d' | sort)
				if [ "$got_pairs" != "$bad_expect" ]; then
					ok=0
					errnote="warnings (file line) differ from BADLINES: want [$(tr '\n' ' ' <<<"$bad_expect")] got [$(tr '\n' ' ' <<<"$got_pairs")]"
				fi
			fi
		elif [ -s "$act/$id.err" ]; then
			ok=0
			errnote="stderr not empty"
		fi
		[ -z "$errnote" ] || msgs+="$errnote; "
		if [ "$ok" = 1 ]; then
			say_pass "$t"
		else
			say_fail "$t (${args:-no args}): ${msgs%; }"
			if [[ $msgs == *"stdout differs"* ]]; then
				show_diff "$exp/$id.out" "$act/$id.out"
			fi
			if [ -n "$errnote" ] && [ -s "$act/$id.err" ]; then
				echo "--- stderr:"
				head -n 10 "$act/$id.err" | cat -v
			fi
		fi
	done <"$list"
done < <(gl_fixtures "$FIXTURES_DIR")
if [ "$nfx" = 0 ] && [ -z "$fx_re" ] && [ -z "$case_re" ]; then
	say_fail "no fixture was run (fixtures in $FIXTURES_DIR?)"
fi

# --- error cases --------------------------------------------------------------
list=$work/errors.cases
: >"$list"
while IFS=$'\t' read -r id bad args; do
	[ -n "$id" ] || continue
	[ -z "$case_re" ] || [[ $id =~ $case_re ]] || continue
	[ -z "$fx_re" ] || [[ errors =~ $fx_re ]] || continue
	printf '%s\t%s\t%s\n' "$id" "$bad" "${args:-}" >>"$list"
done < <(gl_cases "$ERRORS")
if [ -s "$list" ]; then
	act=$work/act-errors
	exp=$EXPECTED_DIR/errors
	mkdir -p "$act"
	# shellcheck disable=SC2086
	if ! unshare $uopts -- bash "$here/ss-golden.sh" __inner - "$list" "$act" "$work/m"; then
		say_fail "errors: could not run the cases"
	else
		while IFS=$'\t' read -r id bad args; do
			t="errors/$id"
			if [ ! -f "$exp/$id.rc" ]; then
				say_fail "$t: no expected exit code (run tests/golden/regen-ss.sh)"
				continue
			fi
			msgs=
			want_rc=$(cat "$exp/$id.rc") got_rc=$(cat "$act/$id.rc")
			[ "$want_rc" = "$got_rc" ] || msgs+="exit code $got_rc, want $want_rc; "
			[ ! -s "$act/$id.out" ] || msgs+="stdout not empty; "
			nl=$(wc -l <"$act/$id.err")
			if [ "$nl" != 1 ] || [ "$(tail -c 1 "$act/$id.err" | od -An -c | tr -d ' ')" != '\n' ]; then
				msgs+="stderr has $nl line(s), want exactly 1; "
			else
				grep -qF -e "$bad" "$act/$id.err" || msgs+="stderr does not contain '$bad'; "
				if [[ $id == opt-* ]]; then
					grep -qF -e '--help' "$act/$id.err" || msgs+="stderr does not mention --help; "
				fi
			fi
			if [ -z "$msgs" ]; then
				say_pass "$t"
			else
				say_fail "$t ($args): ${msgs%; }"
				if [ -s "$act/$id.out" ]; then
					echo "--- stdout:"
					head -n 5 "$act/$id.out" | cat -v
				fi
				echo "--- stderr:"
				head -n 5 "$act/$id.err" | cat -v
			fi
		done <"$list"
	fi
fi

echo "ss-golden: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
