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
# shellcheck source=tests/golden/harness-lib.sh
. "$here/harness-lib.sh"
# shellcheck source=tests/golden/netstat-modes-lib.sh
. "$here/netstat-modes-lib.sh"

EXPECTED_DIR=${EXPECTED_DIR:-$GL_TOP/tests/expected/netstat-modes}
CASES=$here/netstat-modes-cases.txt
GH_NAME=netstat-modes-golden

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

gh_inner_main "$@"

gh_options "$@"
gh_find_lsock
gh_check_setup - regen-netstat-modes.sh timeout unshare ip head sha256sum
gh_need_netns ci

names_ok=1
if ! gh_hashes_ok "$EXPECTED_DIR/NAMEFILES.sha256"; then
	names_ok=0
	echo "netstat-modes-golden: note: the name files differ from NAMEFILES.sha256: NAMES cases are skipped"
fi

gh_workdir /tmp/lsock-nm-golden.XXXXXX

# Whether case ID (ARGS) runs on fixture NAME: not when ONLY= leaves the
# fixture out; a NAMES case is counted as skipped when the name files differ.
case_wanted() { # NAME ID ARGS
	nm_case_applies "$3" "$1" || return 1
	if [ "$NM_NAMES" = 1 ] && [ "$names_ok" = 0 ]; then
		gh_skip "$1/$2: name files differ"
		return 1
	fi
}

host_bo=$(gl_host_byteorder)
nfx=0
while IFS= read -r fx; do
	name=${fx##*/}
	[ -z "$fx_re" ] || [[ $name =~ $fx_re ]] || continue
	exp=$EXPECTED_DIR/$name
	bo=$(gh_foreign_bo "$fx" "$host_bo")
	if [ -n "$bo" ]; then
		gh_skip "$name: fixture byteorder $bo, host $host_bo"
		continue
	fi
	if [ ! -d "$exp" ]; then
		gh_fail "$name: no expected files in $exp (run tests/golden/regen-netstat-modes.sh)"
		continue
	fi
	list=$work/$name.cases
	gh_select_cases "$name" "$list" case_wanted < <(gl_cases "$CASES")
	[ -s "$list" ] || continue
	nfx=$((nfx + 1))
	act=$work/act-$name
	if ! gh_run_fixture "$fx" "$list" "$act"; then
		gh_fail "$name: could not run the cases"
		continue
	fi
	while IFS=$'\t' read -r id args; do
		t="$name/$id"
		if [ ! -f "$exp/$id.rc" ]; then
			gh_fail "$t: no expected output (run tests/golden/regen-netstat-modes.sh)"
			continue
		fi
		gh_msgs=
		gh_cmp_out "$exp" "$act" "$id"
		gh_cmp_err "$exp" "$act" "$id"
		gh_cmp_rc "$exp" "$act" "$id"
		gh_report "$t" "$args" "$exp" "$act" "$id"
	done <"$list"
done < <(nm_fixtures "$GL_TOP")
gh_check_ran "$nfx" "no fixture was run"

gh_summary
