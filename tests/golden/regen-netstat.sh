#!/bin/bash
# regen-netstat.sh: regenerate lsock's netstat golden files from the REAL
# netstat of net-tools 2.10.
#
#   tests/golden/regen-netstat.sh            (as root, from anywhere)
#
# For every fixture fixtures/proc/<name>/ (with a proc/ tree and a META
# byteorder equal to this host's) and every case of netstat-cases.txt, runs
# /usr/bin/netstat with a copy of the tree bind-mounted over /proc and writes
#   tests/expected/netstat/<name>/<ID>.out   stdout bytes
#   tests/expected/netstat/<name>/<ID>.err   stderr bytes
#   tests/expected/netstat/<name>/<ID>.rc    exit code
#   tests/expected/netstat/<name>/oracle-input.diff   what the fixups changed
# plus NAMES.sha256 (the host files names come from) and FIXUPS.
#
# Every run: `unshare --mount --propagation private --net` (lo up), the tree
# materialized on a private tmpfs (fixtures/tools/materialize.sh: pids and
# fds list in ascending order, as in /proc) and bind-mounted over /proc,
# `env -i PATH=... LC_ALL=C LANG=C`, stdin /dev/null, stdout a pipe. In the
# fresh namespace host names cannot be looked up over DNS, so cases without
# -n fail fast to numbers where /etc/hosts has no name. Each case is run
# twice; differing results abort. Cases whose ID starts with "loop" (-c) run
# on the fixture "basic" only, under timeout(1); their output must be two or
# more identical rounds, and the expected .out is one round (.rc is
# timeout's 124).
#
# The only corrections (tests/golden/oracle-fixups.sh, docs/compat.md
# section 6, N3 and N4): the lines BADLINES lists (fixture "malformed") and
# later lines repeating an inode are removed from netstat's copy of the tree.
# This script never runs lsock. It refuses any netstat but net-tools 2.10.
#
# Environment (development only): NETSTAT (default /usr/bin/netstat),
# FIXTURES_DIR, MATERIALIZE, EXPECTED_DIR (default tests/expected/netstat).
set -euo pipefail
export LC_ALL=C LANG=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/golden/harness-lib.sh
. "$here/harness-lib.sh"
# shellcheck source=tests/golden/netstat-lib.sh
. "$here/netstat-lib.sh"

NETSTAT=${NETSTAT:-/usr/bin/netstat}
FIXTURES_DIR=${FIXTURES_DIR:-$GL_TOP/fixtures/proc}
EXPECTED_DIR=${EXPECTED_DIR:-$GL_TOP/tests/expected/netstat}
CASES=$here/netstat-cases.txt
export NETSTAT FIXTURES_DIR EXPECTED_DIR MATERIALIZE="${MATERIALIZE:-}"
[ -n "$MATERIALIZE" ] || unset MATERIALIZE
GH_NAME='regen-netstat'

# Run a case twice on the bind-mounted tree; results into OUTDIR/ID.*.
run_case() { # ID ARGS OUTDIR MNT
	local id=$1 args=$2 out=$3 mnt=$4 n
	gh_twice "$mnt" ns_run netstat "" "$id" "$args"
	if [[ $id == loop* ]]; then
		ns_first_round "$mnt/o1" >"$out/$id.out" ||
			gh_die "$id: -c output has no second round"
		n=$(ns_rounds "$mnt/o1" "$out/$id.out") ||
			gh_die "$id: -c output is not whole identical rounds"
		ns_rounds "$mnt/o2" "$out/$id.out" >/dev/null ||
			gh_die "$id: second -c run is not whole identical rounds"
		echo "regen-netstat: note: $id: $n rounds" >&2
	else
		gh_same_twice "$mnt" err ||
			gh_die "$id: two runs of netstat differ (nondeterministic case)"
		cp "$mnt/o1" "$out/$id.out"
	fi
	[ "$gh_rc1" = "$gh_rc2" ] || gh_die "$id: exit codes $gh_rc1 and $gh_rc2 differ"
	cp "$mnt/e1" "$out/$id.err"
	echo "$gh_rc1" >"$out/$id.rc"
}

# The corrections to netstat's copy TREE of fixture FIXTURE_DIR (what they
# did on stdout): the BADLINES lines and repeated inodes removed.
netstat_fixups() { # TREE FIXTURE_DIR
	[ ! -f "$2/BADLINES" ] || fixup_drop_badlines "$1" "$2/BADLINES"
	fixup_dedupe_inodes "$1"
}

# Inside the namespace: one fixture.
inner() { # FIXTURE_DIR OUTDIR MNT
	local fx=$1 out=$2 mnt=$3 tree id args n=0
	gl_ns_setup "$mnt"
	tree=$mnt/t
	gh_fixed_tree "$fx" "$mnt" "$out" netstat_fixups
	# read before the bind mount: /dev/fd (process substitution) is /proc's
	ns_fixture_cases "$CASES" "${fx##*/}" >"$mnt/cases"
	mount --bind "$tree" /proc
	while IFS=$'\t' read -r id args; do
		[ -n "$id" ] || continue
		run_case "$id" "${args:-}" "$out" "$mnt"
		n=$((n + 1))
	done <"$mnt/cases"
	umount /proc
	echo "regen-netstat: ${fx##*/}: $n case(s)"
}

gh_inner_main "$@"

# ---------------------------------------------------------------------------
[ $# -eq 0 ] || gh_die "usage: regen-netstat.sh (no arguments)"
gh_need_version "$NETSTAT" "net-tools 2.10"
[ "$(id -u)" = 0 ] || gh_die "run as root (it bind-mounts trees over /proc)"
! t=$(gh_missing_tool timeout unshare ip perl diff sha256sum) || gh_die "missing tool: $t"
uopts=$(gl_unshare_opts) || gh_die "cannot create a network namespace"
[ -d "$FIXTURES_DIR" ] || gh_die "no fixtures directory $FIXTURES_DIR"
gh_check_cases "$CASES" 2 'ID<TAB>ARGS'

gh_workdir /tmp/lsock-regen-netstat.XXXXXX
stage=$work/stage
mkdir -p "$stage"
host_bo=$(gl_host_byteorder)
{
	echo "# Corrections applied to the real netstat 2.10 when making these files."
	echo "# Written by tests/golden/regen-netstat.sh; the functions are in"
	echo "# tests/golden/oracle-fixups.sh; <fixture>/oracle-input.diff shows each"
	echo "# change to the tree netstat read (docs/compat.md section 7, N3, N4)."
	echo "#"
	echo "# drop_badlines  lines listed in BADLINES removed (lsock skips them with"
	echo "#                netstat's warning)."
	echo "# dedupe_inodes  later lines repeating a nonzero inode removed (lsock"
	echo "#                prints a socket once)."
	echo
} >"$stage/FIXUPS"

nfx=0
while IFS= read -r fx; do
	name=${fx##*/}
	bo=$(gh_foreign_bo "$fx" "$host_bo")
	if [ -n "$bo" ]; then
		echo "regen-netstat: skipping fixture $name: byteorder $bo, host $host_bo" >&2
		continue
	fi
	mkdir -p "$stage/$name"
	gh_unshare_inner "$fx" "$stage/$name" "$work/m"
	{
		echo "[$name]"
		cat "$stage/$name/.fixups"
		echo
	} >>"$stage/FIXUPS"
	rm -f "$stage/$name/.fixups"
	nfx=$((nfx + 1))
done < <(gl_fixtures "$FIXTURES_DIR")
[ "$nfx" -gt 0 ] || gh_die "no usable fixture under $FIXTURES_DIR"

# shellcheck disable=SC2086
sha256sum $NS_NAME_FILES >"$stage/NAMES.sha256"
gh_install_stage "$nfx"
