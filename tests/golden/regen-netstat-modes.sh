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
GL_TOP=$(cd "$here/../.." && pwd)
# shellcheck source=tests/golden/golden-lib.sh
. "$here/golden-lib.sh"
# shellcheck source=tests/golden/netstat-modes-lib.sh
. "$here/netstat-modes-lib.sh"

NETSTAT=${NETSTAT:-/usr/bin/netstat}
EXPECTED_DIR=${EXPECTED_DIR:-$GL_TOP/tests/expected/netstat-modes}
CASES=$here/netstat-modes-cases.txt
export NETSTAT EXPECTED_DIR MATERIALIZE="${MATERIALIZE:-}"
[ -n "$MATERIALIZE" ] || unset MATERIALIZE

die() {
	echo "regen-netstat-modes: $*" >&2
	exit 1
}

# Inside the namespace: one fixture, every case, twice.
inner() { # FIXTURE_DIR OUTDIR MNT
	local fx=$1 out=$2 mnt=$3 id args rc rc2 n=0
	gl_ns_setup "$mnt"
	gl_materialize "$fx" "$mnt/t"
	mkdir -p "$mnt/r"
	# read before /proc is the tree: /dev/fd (process substitution) needs it
	gl_cases "$CASES" >"$mnt/r/cases"
	mount --bind "$mnt/t" /proc
	while IFS=$'\t' read -r id args; do
		[ -n "$id" ] || continue
		nm_case_applies "$args" "${fx##*/}" || continue
		rc=$(nm_run - "$args" "$mnt/r/o1" "$mnt/r/e1" "$NETSTAT")
		rc2=$(nm_run - "$args" "$mnt/r/o2" "$mnt/r/e2" "$NETSTAT")
		if [ "$rc" != "$rc2" ] || ! cmp -s "$mnt/r/o1" "$mnt/r/o2" ||
			! cmp -s "$mnt/r/e1" "$mnt/r/e2"; then
			die "${fx##*/}/$id: two runs of netstat differ (nondeterministic case)"
		fi
		cp "$mnt/r/o1" "$out/$id.out"
		cp "$mnt/r/e1" "$out/$id.err"
		echo "$rc" >"$out/$id.rc"
		n=$((n + 1))
	done <"$mnt/r/cases"
	umount /proc
	echo "regen-netstat-modes: ${fx##*/}: $n case(s)"
}

if [ "${1:-}" = __inner ]; then
	shift
	trap 'echo "regen-netstat-modes: inner: command failed (line $LINENO, exit $?)" >&2' ERR
	set -E
	inner "$@"
	exit 0
fi

[ $# -eq 0 ] || die "usage: regen-netstat-modes.sh (no arguments)"
ver=$("$NETSTAT" -V 2>&1 | head -n 1 || true)
[ "$ver" = "net-tools 2.10" ] || die "refusing: '$NETSTAT -V' says '$ver', want net-tools 2.10"
for t in timeout unshare ip mount sha256sum head; do
	command -v "$t" >/dev/null || die "missing tool: $t"
done
[ "$(id -u)" = 0 ] || die "run as root (the tree is bind-mounted over /proc)"
uopts=$(gl_unshare_opts) || die "cannot create a network namespace"

dup=$(gl_cases "$CASES" | cut -f1 | sort | uniq -d)
[ -z "$dup" ] || die "$CASES: duplicate IDs: $dup"
bad=$(gl_cases "$CASES" | cut -f1 | grep -v '^[A-Za-z0-9_.-]*$' || true)
[ -z "$bad" ] || die "$CASES: bad IDs: $bad"
gl_cases "$CASES" | awk -F'\t' 'NF != 2 { print "bad line: " $0; e = 1 } END { exit e }' >&2 ||
	die "$CASES: lines must be ID<TAB>ARGS"
names=$(nm_fixtures "$GL_TOP" | sed 's|.*/||' | sort | uniq -d)
[ -z "$names" ] || die "fixture names used twice: $names"

work=$(mktemp -d /tmp/lsock-regen-nm.XXXXXX)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
stage=$work/stage
mkdir -p "$stage" "$work/m"
host_bo=$(gl_host_byteorder)

nfx=0
while IFS= read -r fx; do
	name=${fx##*/}
	bo=$(gl_meta "$fx" byteorder)
	if [ -n "$bo" ] && [ "$bo" != any ] && [ "$bo" != "$host_bo" ]; then
		echo "regen-netstat-modes: skipping fixture $name: byteorder $bo, host $host_bo" >&2
		continue
	fi
	mkdir -p "$stage/$name"
	# shellcheck disable=SC2086
	unshare $uopts -- bash "$here/regen-netstat-modes.sh" __inner "$fx" "$stage/$name" "$work/m"
	nfx=$((nfx + 1))
done < <(nm_fixtures "$GL_TOP")
[ "$nfx" -gt 0 ] || die "no usable fixture"

# shellcheck disable=SC2086
sha256sum $NM_NAME_FILES >"$stage/NAMEFILES.sha256" 2>/dev/null || true
mkdir -p "$(dirname "$EXPECTED_DIR")"
rm -rf "$EXPECTED_DIR"
cp -R "$stage" "$EXPECTED_DIR"
echo "regen-netstat-modes: wrote $EXPECTED_DIR ($nfx fixture(s))"
