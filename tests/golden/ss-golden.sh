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
# shellcheck source=tests/golden/harness-lib.sh
. "$here/harness-lib.sh"

FIXTURES_DIR=${FIXTURES_DIR:-$GL_TOP/fixtures/proc}
EXPECTED_DIR=${EXPECTED_DIR:-$GL_TOP/tests/expected/ss}
CASES=$here/ss-cases.txt
ERRORS=$here/ss-errors.txt
MALFORMED_FILES="tcp tcp6 udp udp6 raw raw6 unix packet netlink"
GH_NAME=ss-golden

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

gh_inner_main "$@"

# ---------------------------------------------------------------------------
gh_options "$@"
gh_find_lsock
export SS_GOLDEN_APPLY_FIXUPS="${SS_GOLDEN_APPLY_FIXUPS:-}"
gh_check_setup path regen-ss.sh script stty timeout unshare ip perl diff sha256sum
gh_need_netns -
gh_workdir /tmp/lsock-golden.XXXXXX

services_ok=1 hosts_ok=1
if ! gh_hashes_ok "$EXPECTED_DIR/SERVICES.sha256"; then
	services_ok=0
	echo "ss-golden: note: /etc/services differs from the one the expected files were made with: cases without -n are skipped"
fi
if ! gh_hashes_ok "$EXPECTED_DIR/HOSTS.sha256"; then
	hosts_ok=0
	echo "ss-golden: note: /etc/hosts differs from the one the expected files were made with: -r cases are skipped"
fi

# Whether case ID (ARGS) runs on fixture NAME (of byteorder bo): else
# counted as skipped, saying why.
case_wanted() { # NAME ID ARGS
	gl_parse_args "$3"
	if [ -n "$bo" ]; then
		gh_skip "$1/$2: fixture byteorder $bo, $hostinfo"
	elif [ "$hosts_ok" = 0 ] && gl_args_resolve; then
		gh_skip "$1/$2: /etc/hosts differs"
	elif [ "$services_ok" = 0 ] && ! gl_args_numeric; then
		gh_skip "$1/$2: /etc/services differs"
	else
		return 0
	fi
	return 1
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
	bo=$(gh_foreign_bo "$fx" "$host_bo")
	gh_select_cases "$name" "$list" case_wanted < <(gl_cases "$CASES")
	if [ -n "$bo" ]; then
		echo "ss-golden: skipping fixture $name: byteorder $bo, $hostinfo"
		continue
	fi
	if [ ! -d "$exp" ]; then
		gh_fail "$name: no expected files in $exp (run tests/golden/regen-ss.sh)"
		continue
	fi
	[ -s "$list" ] || continue
	nfx=$((nfx + 1))
	act=$work/act-$name
	if ! gh_run_fixture "$fx" "$list" "$act"; then
		gh_fail "$name: could not run the cases (namespace or materialize failed)"
		continue
	fi
	bad_expect=
	[ -f "$fx/BADLINES" ] && bad_expect=$(fixup_badlines_pairs "$fx/BADLINES" |
		awk -v files=" $MALFORMED_FILES " 'index(files, " " $1 " ")' | sort)
	while IFS=$'\t' read -r id args; do
		t="$name/$id"
		if [ ! -f "$exp/$id.out" ] || [ ! -f "$exp/$id.rc" ]; then
			gh_fail "$t: no expected output (run tests/golden/regen-ss.sh)"
			continue
		fi
		gh_msgs=
		gh_cmp_out "$exp" "$act" "$id"
		gh_cmp_rc "$exp" "$act" "$id"
		errnote=
		if [ -f "$fx/BADLINES" ]; then
			if ! got_pairs=$(warn_pairs "$act/$id.err"); then
				errnote="stderr line(s) not of the form 'lsock: PATH/net/FILE:LINE: MESSAGE'"
			elif [ "$id" = a ]; then
				got_pairs=$(printf '%s\n' "$got_pairs" | sed '/^$/d' | sort)
				if [ "$got_pairs" != "$bad_expect" ]; then
					errnote="warnings (file line) differ from BADLINES: want [$(tr '\n' ' ' <<<"$bad_expect")] got [$(tr '\n' ' ' <<<"$got_pairs")]"
				fi
			fi
		elif [ -s "$act/$id.err" ]; then
			errnote="stderr not empty"
		fi
		[ -z "$errnote" ] || gh_msgs+="$errnote; "
		gh_report "$t" "${args:-}" "$exp" "$act" "$id" 40
		if [ -n "$errnote" ] && [ -s "$act/$id.err" ]; then
			echo "--- stderr:"
			head -n 10 "$act/$id.err" | cat -v
		fi
	done <"$list"
done < <(gl_fixtures "$FIXTURES_DIR")
gh_check_ran "$nfx" "no fixture was run (fixtures in $FIXTURES_DIR?)"

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
	if ! gh_run_fixture - "$list" "$act"; then
		gh_fail "errors: could not run the cases"
	else
		while IFS=$'\t' read -r id bad args; do
			t="errors/$id"
			if [ ! -f "$exp/$id.rc" ]; then
				gh_fail "$t: no expected exit code (run tests/golden/regen-ss.sh)"
				continue
			fi
			gh_msgs=
			gh_cmp_rc "$exp" "$act" "$id"
			msgs=$gh_msgs
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
				gh_pass "$t"
			else
				gh_fail "$t ($args): ${msgs%; }"
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

gh_summary
