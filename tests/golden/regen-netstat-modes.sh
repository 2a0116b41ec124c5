#!/bin/bash
# regen-netstat-modes.sh: regenerate the golden files of netstat's -s -r -g
# -M -i modes from the REAL netstat (net-tools 2.10).
#
#   tests/golden/regen-netstat-modes.sh        (as root, from anywhere)
#
# For every fixture (fixtures/proc/<name>/ and fixtures/netstat-modes/<name>/,
# with a proc/ tree and a META byteorder equal to this host's) and every case
# of netstat-modes-cases.txt, runs /usr/bin/netstat in
# `unshare --mount --propagation private --net` (lo up) with a copy of the
# tree on a private tmpfs bind-mounted over /proc, `env -i PATH=... LC_ALL=C
# LANG=C`, stdin /dev/null, stdout a pipe, and writes
#   tests/expected/netstat-modes/<name>/<ID>.out   stdout bytes
#   tests/expected/netstat-modes/<name>/<ID>.err   stderr bytes
#   tests/expected/netstat-modes/<name>/<ID>.rc    exit code
# plus NAMEFILES.sha256 (the lookup files NAMES cases depend on). Each case
# runs twice; results that differ abort (a nondeterministic case). This
# script never runs lsock. It refuses any netstat but net-tools 2.10.
#
# Environment (development only): NETSTAT (default /usr/bin/netstat),
# EXPECTED_DIR (default tests/expected/netstat-modes), MATERIALIZE.
set -euo pipefail
export LC_ALL=C LANG=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/golden/harness-lib.sh
. "$here/harness-lib.sh"
# shellcheck source=tests/golden/netstat-modes-lib.sh
. "$here/netstat-modes-lib.sh"

NETSTAT=${NETSTAT:-/usr/bin/netstat}
EXPECTED_DIR=${EXPECTED_DIR:-$GL_TOP/tests/expected/netstat-modes}
CASES=$here/netstat-modes-cases.txt
export NETSTAT EXPECTED_DIR MATERIALIZE="${MATERIALIZE:-}"
[ -n "$MATERIALIZE" ] || unset MATERIALIZE
GH_NAME='regen-netstat-modes'

# Run netstat with case ARGS on /proc (nm_run), stdout into OUT, stderr
# into ERR; echoes the exit code.
run_netstat() { # ARGS OUT ERR
	nm_run - "$1" "$2" "$3" "$NETSTAT"
}

# Inside the namespace: one fixture, every case, twice.
inner() { # FIXTURE_DIR OUTDIR MNT
	local fx=$1 out=$2 mnt=$3 id args n=0
	gl_ns_setup "$mnt"
	gl_materialize "$fx" "$mnt/t"
	mkdir -p "$mnt/r"
	# read before /proc is the tree: /dev/fd (process substitution) needs it
	gl_cases "$CASES" >"$mnt/r/cases"
	mount --bind "$mnt/t" /proc
	while IFS=$'\t' read -r id args; do
		[ -n "$id" ] || continue
		nm_case_applies "$args" "${fx##*/}" || continue
		gh_twice "$mnt/r" run_netstat "$args"
		if [ "$gh_rc1" != "$gh_rc2" ] || ! gh_same_twice "$mnt/r" err; then
			gh_die "${fx##*/}/$id: two runs of netstat differ (nondeterministic case)"
		fi
		cp "$mnt/r/o1" "$out/$id.out"
		cp "$mnt/r/e1" "$out/$id.err"
		echo "$gh_rc1" >"$out/$id.rc"
		n=$((n + 1))
	done <"$mnt/r/cases"
	umount /proc
	echo "regen-netstat-modes: ${fx##*/}: $n case(s)"
}

gh_inner_main "$@"

[ $# -eq 0 ] || gh_die "usage: regen-netstat-modes.sh (no arguments)"
gh_need_version "$NETSTAT" "net-tools 2.10"
! t=$(gh_missing_tool timeout unshare ip mount sha256sum head) || gh_die "missing tool: $t"
[ "$(id -u)" = 0 ] || gh_die "run as root (the tree is bind-mounted over /proc)"
uopts=$(gl_unshare_opts) || gh_die "cannot create a network namespace"

gh_check_cases "$CASES" 2 'ID<TAB>ARGS'
names=$(nm_fixtures "$GL_TOP" | sed 's|.*/||' | sort | uniq -d)
[ -z "$names" ] || gh_die "fixture names used twice: $names"

gh_workdir /tmp/lsock-regen-nm.XXXXXX
stage=$work/stage
mkdir -p "$stage"
host_bo=$(gl_host_byteorder)

nfx=0
while IFS= read -r fx; do
	name=${fx##*/}
	bo=$(gh_foreign_bo "$fx" "$host_bo")
	if [ -n "$bo" ]; then
		echo "regen-netstat-modes: skipping fixture $name: byteorder $bo, host $host_bo" >&2
		continue
	fi
	mkdir -p "$stage/$name"
	gh_unshare_inner "$fx" "$stage/$name" "$work/m"
	nfx=$((nfx + 1))
done < <(nm_fixtures "$GL_TOP")
[ "$nfx" -gt 0 ] || gh_die "no usable fixture"

# shellcheck disable=SC2086
sha256sum $NM_NAME_FILES >"$stage/NAMEFILES.sha256" 2>/dev/null || true
gh_install_stage "$nfx"
