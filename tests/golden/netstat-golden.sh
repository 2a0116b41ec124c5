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
# /proc and no PROC_ROOT (the default paths, with --backend=proc: TCP and
# UDP otherwise come over netlink). Checked each time: stdout ==
# <ID>.out, stderr == <ID>.err, exit code == <ID>.rc; for "loop" cases (-c),
# stdout must be two or more rounds of <ID>.out. On a fixture with a
# BADLINES file (malformed), lsock's stderr may also hold netstat's
# "warning, got bogus X line." for each line lsock skips (docs/compat.md
# section 7, N3): they are left out of the comparison, and for the case "an"
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
# shellcheck source=tests/golden/harness-lib.sh
. "$here/harness-lib.sh"
# shellcheck source=tests/golden/netstat-lib.sh
. "$here/netstat-lib.sh"

FIXTURES_DIR=${FIXTURES_DIR:-$GL_TOP/fixtures/proc}
EXPECTED_DIR=${EXPECTED_DIR:-$GL_TOP/tests/expected/netstat}
CASES=$here/netstat-cases.txt
BOGUS_RE='^warning, got bogus (tcp|udp|raw|unix) line\.$'
GH_NAME=netstat-golden

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

gh_inner_main "$@"

# ---------------------------------------------------------------------------
gh_options "$@"
gh_find_lsock
gh_check_setup - regen-netstat.sh timeout unshare ip perl sha256sum
gh_need_netns ci
gh_workdir /tmp/lsock-netstat-golden.XXXXXX

names_ok=1
gh_hashes_ok "$EXPECTED_DIR/NAMES.sha256" || names_ok=0
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

# Compare one mode's results of one case: what differs into gh_msgs.
check_case() { # EXPDIR ACTDIR ID BADLINES_OR_EMPTY
	local exp=$1 act=$2 id=$3 bl=$4
	gh_msgs=
	if [[ $id == loop* ]]; then
		ns_rounds "$act/$id.out" "$exp/$id.out" >/dev/null ||
			gh_msgs+="stdout is not two or more rounds of the expected listing; "
	else
		gh_cmp_out "$exp" "$act" "$id"
	fi
	gh_cmp_rc "$exp" "$act" "$id"
	if [ -n "$bl" ]; then
		grep -Ev "$BOGUS_RE" "$act/$id.err" >"$act/$id.err.rest" || true
		cmp -s "$exp/$id.err" "$act/$id.err.rest" || gh_msgs+="stderr differs (warnings aside); "
		if [ "$id" = an ] && [ "$(bogus_expected "$bl")" != "$(bogus_got "$act/$id.err")" ]; then
			gh_msgs+="bogus-line warnings [$(bogus_got "$act/$id.err" | tr '\n' ' ')], want [$(bogus_expected "$bl" | tr '\n' ' ')]; "
		fi
	else
		gh_cmp_err "$exp" "$act" "$id"
	fi
}

report() { # LABEL EXPDIR ACTDIR ID ARGS BADLINES
	check_case "$2" "$3" "$4" "$6"
	gh_report "$1" "$5" "$2" "$3" "$4"
}

# Whether case ID (ARGS) runs on fixture NAME (expected files in exp):
# else counted as skipped or failed.
case_wanted() { # NAME ID ARGS
	gl_parse_args "$3"
	if [ "$names_ok" = 0 ] && ! ns_args_numeric; then
		gh_skip "$1/$2: host name files differ"
		return 1
	fi
	if [ ! -f "$exp/$2.out" ] || [ ! -f "$exp/$2.rc" ] || [ ! -f "$exp/$2.err" ]; then
		gh_fail "$1/$2: no expected output (run tests/golden/regen-netstat.sh)"
		return 1
	fi
}

host_bo=$(gl_host_byteorder)
nfx=0
while IFS= read -r fx; do
	name=${fx##*/}
	[ -z "$fx_re" ] || [[ $name =~ $fx_re ]] || continue
	bo=$(gh_foreign_bo "$fx" "$host_bo")
	if [ -n "$bo" ]; then
		gh_skip "$name: fixture byteorder $bo, host $host_bo"
		continue
	fi
	exp=$EXPECTED_DIR/$name
	if [ ! -d "$exp" ]; then
		gh_fail "$name: no expected files in $exp (run tests/golden/regen-netstat.sh)"
		continue
	fi
	list=$work/$name.cases
	gh_select_cases "$name" "$list" case_wanted < <(ns_fixture_cases "$CASES" "$name")
	[ -s "$list" ] || continue
	nfx=$((nfx + 1))
	act=$work/act-$name
	if ! gh_run_fixture "$fx" "$list" "$act"; then
		gh_fail "$name: could not run the cases (namespace or materialize failed)"
		continue
	fi
	[ ! -e "$act/B/.nobind" ] ||
		echo "netstat-golden: note: $name: /proc runs skipped: $(cat "$act/B/.nobind")"
	bl=
	[ ! -f "$fx/BADLINES" ] || bl=$fx/BADLINES
	while IFS=$'\t' read -r id args; do
		report "$name/$id PROC_ROOT" "$exp" "$act/P" "$id" "$args" "$bl"
		if [ -e "$act/B/.nobind" ]; then
			gh_skip "$name/$id /proc: $(cat "$act/B/.nobind")"
		else
			report "$name/$id /proc" "$exp" "$act/B" "$id" "$args" "$bl"
		fi
	done <"$list"
done < <(gl_fixtures "$FIXTURES_DIR")
gh_check_ran "$nfx" "no fixture was run (fixtures in $FIXTURES_DIR?)"

gh_summary
