#!/bin/bash
# regen-ss.sh: regenerate lsock's ss golden files from the REAL ss 6.1.
#
#   tests/golden/regen-ss.sh            (as root, from anywhere)
#
# For every fixture fixtures/proc/<name>/ (with a proc/ tree and a META
# byteorder equal to this host's) and every case of ss-cases.txt, runs
# /usr/bin/ss with PROC_ROOT pointing at a copy of the tree and writes
#   tests/expected/ss/<name>/<ID>.out   stdout bytes (pty bytes for tty cases)
#   tests/expected/ss/<name>/<ID>.rc    exit code
#   tests/expected/ss/<name>/oracle-input.diff   what oracle-fixups.sh changed
# and for every case of ss-errors.txt (run on an empty tree)
#   tests/expected/ss/errors/<ID>.rc, <ID>.out (always empty)
# plus SERVICES.sha256, HOSTS.sha256 and FIXUPS in tests/expected/ss/.
#
# Every run: a fresh network namespace (lo up) with a private tmpfs for the
# tree, `env -i PATH=... LC_ALL=C LANG=C PROC_ROOT=...`, stdin /dev/null,
# stdout a pipe, or a pseudo-terminal for COLS=N cases (see golden-lib.sh).
# Each case is run twice; differing results abort (nondeterminism).
# This script never runs lsock. It refuses any ss but iproute2 6.1.0.
#
# Environment (development only): SS (default /usr/bin/ss), FIXTURES_DIR
# (default fixtures/proc), MATERIALIZE (default fixtures/tools/materialize.sh),
# EXPECTED_DIR (default tests/expected/ss).
set -euo pipefail
export LC_ALL=C LANG=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/golden/harness-lib.sh
. "$here/harness-lib.sh"

SS=${SS:-/usr/bin/ss}
FIXTURES_DIR=${FIXTURES_DIR:-$GL_TOP/fixtures/proc}
EXPECTED_DIR=${EXPECTED_DIR:-$GL_TOP/tests/expected/ss}
CASES=$here/ss-cases.txt
ERRORS=$here/ss-errors.txt
export SS FIXTURES_DIR EXPECTED_DIR MATERIALIZE="${MATERIALIZE:-}"
[ -n "$MATERIALIZE" ] || unset MATERIALIZE
GH_NAME='regen-ss'

# ---------------------------------------------------------------------------
# Inside the namespace: one fixture (or the error cases when FIXTURE = -).
inner() { # FIXTURE_DIR|- OUTDIR MNT
	local fx=$1 out=$2 mnt=$3 tree id args rc n=0
	gl_ns_setup "$mnt"
	tree=$mnt/t
	if [ "$fx" = - ]; then
		mkdir -p "$tree"
		while IFS=$'\t' read -r id bad args; do
			[ -n "$id" ] || continue
			rc=$(gl_run "$SS" "$tree" "$args" "$out/$id.out" "$mnt/err")
			echo "$rc" >"$out/$id.rc"
			if [ -s "$out/$id.out" ]; then
				gh_die "error case $id ($args) printed on stdout"
			fi
			if [ ! -s "$mnt/err" ]; then
				gh_die "error case $id ($args) printed nothing on stderr"
			fi
			[ "$rc" != 0 ] || grep -q 'no socket' "$mnt/err" ||
				gh_die "error case $id ($args) exited 0"
			n=$((n + 1))
		done < <(gl_cases "$ERRORS")
		echo "regen-ss: errors: $n case(s)"
		return 0
	fi
	gh_fixed_tree "$fx" "$mnt" "$out" fixup_apply_input
	while IFS=$'\t' read -r id args; do
		[ -n "$id" ] || continue
		gh_twice "$mnt" gl_run "$SS" "$tree" "${args:-}"
		rc=$gh_rc1
		if [ "$rc" != "$gh_rc2" ] || ! gh_same_twice "$mnt"; then
			gh_die "${fx##*/}/$id: two runs of ss differ (nondeterministic case)"
		fi
		fixup_apply_output <"$mnt/o1" >"$out/$id.out"
		echo "$rc" >"$out/$id.rc"
		if [ -s "$mnt/e1" ]; then
			echo "regen-ss: warning: ${fx##*/}/$id: ss wrote to stderr:" >&2
			head -n 3 "$mnt/e1" | sed 's/^/    /' >&2
		fi
		[ "$rc" = 0 ] || echo "regen-ss: note: ${fx##*/}/$id: ss exited $rc" >&2
		n=$((n + 1))
	done < <(gl_cases "$CASES")
	echo "regen-ss: ${fx##*/}: $n case(s)"
}

gh_inner_main "$@"

# ---------------------------------------------------------------------------
# Outside.
[ $# -eq 0 ] || gh_die "usage: regen-ss.sh (no arguments)"
gh_need_version "$SS" iproute2-6.1.0 '*iproute2-6.1.0*'
! t=$(gh_missing_tool script stty timeout unshare ip perl diff sha256sum) || gh_die "missing tool: $t"
uopts=$(gl_unshare_opts) || gh_die "cannot create a network namespace (run as root)"
[ -d "$FIXTURES_DIR" ] || gh_die "no fixtures directory $FIXTURES_DIR"
gh_check_cases "$CASES" 2 'ID<TAB>ARGS'
gh_check_cases "$ERRORS" 3 'ID<TAB>BADWORD<TAB>ARGS'

gh_workdir /tmp/lsock-regen.XXXXXX
stage=$work/stage
mkdir -p "$stage"
host_bo=$(gl_host_byteorder)

{
	echo "# Corrections applied to the real ss 6.1 when making these files."
	echo "# Written by tests/golden/regen-ss.sh; the functions are in"
	echo "# tests/golden/oracle-fixups.sh (see the comment above each one);"
	echo "# <fixture>/oracle-input.diff shows each change to the tree ss read."
	echo "#"
	echo "# unix_num_zero  (a) ss 6.1 reads the unix Num column as a peer, so every"
	echo "#                unconnected unix dgram socket printed as ESTAB: Num zeroed."
	echo "# unix_space     (b) ss 6.1 cuts unix paths at the first space: spaces in"
	echo "#                paths replaced by an unused byte, mapped back in stdout."
	echo "# comm_paren     (d) ss 6.1 cuts command names at the first ')': such ')'"
	echo "#                replaced by an unused byte in <pid>/stat, mapped back in stdout."
	echo "# drop_badlines  (c) lines listed in BADLINES removed (lsock skips them)."
	echo "# dedupe_inodes  (c) later lines repeating a nonzero inode removed (lsock"
	echo "#                drops them)."
	echo
} >"$stage/FIXUPS"

# Cross-check of fixups (a) and (b): the corrected /proc output must give
# every unix socket (by netid and inode) the state and name that the real ss
# showed over netlink for the same live sockets when the fixture was recorded
# (fixtures/proc/<name>/live-ss/xan.txt, `ss -n -xan`). Inode-0 embryos exist
# only in /proc and are not compared; queues and peers are not in /proc.
check_unix_vs_live() { # FIXTURE_DIR XAN_OUT
	local live=$1/live-ss/xan.txt
	[ -f "$live" ] && [ -f "$2" ] || return 0
	LC_ALL=C perl -e '
		sub rd { my %h; open(my $f, "<", $_[0]) or die "$_[0]: $!";
			while (<$f>) { next if $. == 1;
				$h{"$1 $6"} = "$2 \"$5\"" if /^(\S+)\s+(\S+)\s+(\d+)\s+(\d+)\s+(.*?) (\d+)\s+(\S+) (\d+)\s*$/ && $6 }
			return \%h }
		my ($nl, $pr) = (rd($ARGV[0]), rd($ARGV[1]));
		my ($same, @diff) = (0);
		for my $k (sort keys %$nl) {
			next unless exists $pr->{$k};
			if ($nl->{$k} eq $pr->{$k}) { $same++ } else { push @diff, "$k: netlink $nl->{$k}, corrected /proc $pr->{$k}" }
		}
		my $only = grep { !exists $pr->{$_} } keys %$nl;
		printf "check: live-ss/xan.txt: %d unix socket(s) have the same state and name as over netlink, %d differ%s\n",
			$same, scalar @diff, $only ? ", $only not in /proc" : "";
		print "check:   $_\n" for @diff;
		exit(@diff ? 1 : 0);
	' "$live" "$2" || echo "regen-ss: warning: ${1##*/}: corrected unix rows differ from the live netlink capture (see FIXUPS)" >&2
}

nfx=0
while IFS= read -r fx; do
	name=${fx##*/}
	bo=$(gh_foreign_bo "$fx" "$host_bo")
	if [ -n "$bo" ]; then
		echo "regen-ss: skipping fixture $name: byteorder $bo, host $host_bo" >&2
		echo "[$name] skipped: byteorder $bo differs from this host ($host_bo)" >>"$stage/FIXUPS"
		echo >>"$stage/FIXUPS"
		continue
	fi
	mkdir -p "$stage/$name"
	gh_unshare_inner "$fx" "$stage/$name" "$work/m"
	{
		echo "[$name]"
		cat "$stage/$name/.fixups"
		check_unix_vs_live "$fx" "$stage/$name/xan.out"
		echo
	} >>"$stage/FIXUPS"
	rm -f "$stage/$name/.fixups"
	nfx=$((nfx + 1))
done < <(gl_fixtures "$FIXTURES_DIR")
[ "$nfx" -gt 0 ] || gh_die "no usable fixture under $FIXTURES_DIR"

mkdir -p "$stage/errors"
gh_unshare_inner - "$stage/errors" "$work/m"

sha256sum /etc/services >"$stage/SERVICES.sha256"
sha256sum /etc/hosts >"$stage/HOSTS.sha256"

gh_install_stage "$nfx"
