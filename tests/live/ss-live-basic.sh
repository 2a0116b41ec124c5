#!/bin/bash
# ss-live-basic.sh: live test of lsock's ss mode on real sockets.
#
# In a private network namespace (unshare -n, lo up) the helper
# tests/helpers/mksocks opens a known mix of sockets and writes a manifest
# (NETID LOCAL PEER STATE [KEY=VALUE]..., see mksocks.c). Then, inside the
# same namespace,
#   lsock -tuna     lsock -xan     lsock -wan     lsock -0an
#   lsock -a -f netlink -n
# are run and every manifest socket must appear in the matching output with
# the right local address:port, peer address:port and state (columns parsed
# by whitespace; unix rows from the right, since names may hold spaces).
#
#   tests/live/ss-live-basic.sh           (root; binary $top_builddir/lsock)
#   LSOCK=/usr/bin/ss tests/live/ss-live-basic.sh     (harness self-test)
#
# Environment: LSOCK, MKSOCKS (default $top_builddir/tests/helpers/mksocks;
# compiled from tests/helpers/mksocks.c into a temporary directory if
# missing), MKSOCKS_SETS (default below), CI.
# Prints `ss-live-basic: N passed, N failed`; exits 0, 1, 77 (not root,
# outside CI), 99 (setup error).
set -euo pipefail
export LC_ALL=C LANG=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top_srcdir=${top_srcdir:-$(cd "$here/../.." && pwd)}
case $top_srcdir in /*) ;; *) top_srcdir=$(cd "$top_srcdir" && pwd) ;; esac
SETS=${MKSOCKS_SETS:-basic,tcp-listen,tcp-states,udp,raw,unix,packet,netlink,v6}
PATH_ENV=/usr/sbin:/usr/bin:/sbin:/bin
# Which lsock backend to check: proc (the default), netlink, auto, or none
# (no --backend option, e.g. with the real ss standing in for lsock).
LIVE_BACKEND=${LIVE_BACKEND:-proc}
export LIVE_BACKEND
BACKEND_ARG=
[ "$LIVE_BACKEND" = none ] || BACKEND_ARG=--backend=$LIVE_BACKEND

# --------------------------------------------------------------------------
# Inside the namespace: start mksocks, wait, run lsock, stop mksocks.
if [ "${1:-}" = __inner ]; then
	w=$2
	ip link set lo up
	mpid=
	stop() {
		if [ -n "$mpid" ]; then
			kill "$mpid" 2>/dev/null || true
			wait "$mpid" 2>/dev/null || true
			mpid=
		fi
	}
	trap stop EXIT
	"$MKSOCKS" --sets "$SETS" --manifest "$w/manifest" --ready "$w/ready" \
		--hold 120 --unix-dir "$w/u" </dev/null >"$w/mksocks.out" 2>"$w/mksocks.err" &
	mpid=$!
	for _ in $(seq 1 200); do # at most 20 s
		[ -e "$w/ready" ] && break
		if ! kill -0 "$mpid" 2>/dev/null; then
			echo "mksocks exited before it was ready:" >&2
			cat "$w/mksocks.err" >&2
			exit 1
		fi
		sleep 0.1
	done
	if [ ! -e "$w/ready" ]; then
		echo "mksocks not ready after 20 s" >&2
		exit 1
	fi
	run=0
	for spec in "tuna:-tuna" "xan:-xan" "wan:-wan" "0an:-0an" "nl:-a -f netlink -n"; do
		id=${spec%%:*}
		# shellcheck disable=SC2086
		env -i PATH="$PATH_ENV" LC_ALL=C LANG=C timeout -k 5 30 "$LSOCK" $BACKEND_ARG ${spec#*:} \
			</dev/null >"$w/$id.out" 2>"$w/$id.err" && rc=0 || rc=$?
		echo "$rc" >"$w/$id.rc"
		run=$((run + 1))
	done
	stop
	exit 0
fi

# --------------------------------------------------------------------------
if [ "$(id -u)" != 0 ]; then
	if [ "${CI:-}" = true ]; then
		echo "ss-live-basic: ERROR: CI=true but not root: this test must run in CI" >&2
		exit 99
	fi
	echo "ss-live-basic: SKIP: needs root"
	exit 77
fi

top_builddir=${top_builddir:-}
if [ -z "$top_builddir" ]; then
	if [ -x ./lsock ]; then top_builddir=.; else top_builddir=$top_srcdir; fi
fi
case $top_builddir in /*) ;; *) top_builddir=$(cd "$top_builddir" && pwd) ;; esac
LSOCK=${LSOCK:-$top_builddir/lsock}
if [ ! -x "$LSOCK" ]; then
	echo "ss-live-basic: ERROR: no lsock binary at $LSOCK" >&2
	exit 99
fi
for t in unshare ip perl timeout; do
	command -v "$t" >/dev/null || {
		echo "ss-live-basic: ERROR: missing tool $t" >&2
		exit 99
	}
done

w=$(mktemp -d /tmp/lsock-live.XXXXXX)
# shellcheck disable=SC2317
cleanup() { rm -rf "$w"; }
trap cleanup EXIT

MKSOCKS=${MKSOCKS:-$top_builddir/tests/helpers/mksocks}
if [ ! -x "$MKSOCKS" ]; then
	src=$top_srcdir/tests/helpers/mksocks.c
	if [ -f "$src" ] && ${CC:-cc} -O1 -o "$w/mksocks" "$src" 2>"$w/cc.err"; then
		MKSOCKS=$w/mksocks
	else
		echo "ss-live-basic: ERROR: no mksocks at $MKSOCKS and cannot build $src" >&2
		cat "$w/cc.err" >&2 2>/dev/null || true
		exit 99
	fi
fi
export LSOCK MKSOCKS SETS PATH_ENV

if ! unshare -n -- bash "$here/ss-live-basic.sh" __inner "$w"; then
	echo "ss-live-basic: ERROR: could not run mksocks and lsock in a network namespace" >&2
	echo "ss-live-basic: 0 passed, 1 failed"
	exit 1
fi

# --------------------------------------------------------------------------
# Check. perl: parse the manifest and the five outputs, match each socket.
set +e
LC_ALL=C perl -w - "$w" <<'PERL'
use strict;
my $w = shift;
my ($pass, $fail) = (0, 0);
my %skip;
my @fails;

sub slurp { my ($f) = @_; open(my $h, '<', $f) or return undef; local $/; my $s = <$h>; close $h; $s }
sub unesc { my ($s) = @_; $s =~ s/\\x([0-9A-Fa-f]{2})/chr(hex($1))/ge; $s }

# Output of one command: header line skipped; rows split by whitespace.
my %out;
for my $id (qw(tuna xan wan 0an nl)) {
	my $rc = slurp("$w/$id.rc"); chomp($rc) if defined $rc;
	my $err = slurp("$w/$id.err");
	my $txt = slurp("$w/$id.out");
	if (!defined $rc || $rc ne '0') { push @fails, "$id: lsock exited " . ($rc // '?'); $fail++ }
	if (defined $err && length $err) { push @fails, "$id: stderr: " . (split /\n/, $err)[0]; $fail++ }
	my @lines = split /\n/, ($txt // '');
	shift @lines if @lines && $lines[0] =~ /^(Netid|State|Recv-Q)\s/;
	$out{$id} = [ map { { line => $_, used => 0 } } @lines ];
}

# Row parsers: return hash (netid,state,local,peer,port,peerport) or undef.
sub parse_inet { # with netid column or not
	my ($l, $has_netid) = @_;
	my @f = split ' ', $l;
	my %r;
	$r{netid} = shift @f if $has_netid;
	return undef if @f < 5;
	@r{qw(state rq sq local peer)} = @f[0..4];
	return \%r;
}
sub parse_unix {
	my ($l) = @_;
	return undef unless $l =~ /^(\S+)\s+(\S+)\s+(\d+)\s+(\d+)\s+(.*?) (\d+)\s+(\S+) (\d+)\s*$/;
	return { netid => $1, state => $2, local => $5, ino => $6, peer => $7, peerino => $8 };
}

# Accepted spellings of an inet LOCAL/PEER from the manifest.
sub inet_forms {
	my ($s, $dev, $is_local) = @_;
	my ($a, $p) = $s =~ /^(.*):([^:\]]+)$/ or return ($s);
	my @forms;
	if ($a =~ /^\[(.*)%([^\]]+)\]$/) { # link-local with scope
		my ($x, $if) = ($1, $2);
		push @forms, $is_local ? ("[$x]%$if:$p", "[$x]:$p") : ("[$x]:$p");
	} elsif ($a eq '[::]') {
		push @forms, "*:$p", "[::]:$p";
	} else {
		push @forms, "$a:$p";
		if ($is_local && defined $dev) { unshift @forms, "$a%$dev:$p" }
	}
	return @forms;
}

# netlink "PROTO:PORTID": portid printed as a signed 32-bit number.
sub nl_forms {
	my ($s) = @_;
	return ($s) unless $s =~ /^(\d+):(\d+)$/;
	my ($pr, $id) = ($1, $2);
	my @f = ("$pr:$id");
	push @f, "$pr:" . ($id - 4294967296) if $id >= 2147483648;
	return @f;
}

my %args = (tuna => '-tuna', xan => '-xan', wan => '-wan', '0an' => '-0an', nl => '-a -f netlink -n');
my $man = slurp("$w/manifest");
defined $man or die "no manifest\n";
my $n = 0;
for my $ml (split /\n/, $man) {
	next if $ml =~ /^#/ || $ml !~ /\S/;
	my ($netid, $loc, $peer, $state, @kv) = split / /, $ml;
	my %kv = map { /^([^=]+)=(.*)$/ ? ($1, $2) : () } @kv;
	$n++;
	my $desc = "$netid $loc $peer $state" . (defined $kv{note} ? " ($kv{note})" : '');
	my ($cmd, $found, $why);
	if ($netid eq 'udplite') { $skip{'udplite (ss has no UDP-Lite table)'}++; next }
	# Unix embryos (server side not yet accepted, no inode) are listed only by
	# /proc/net/unix (St 02, ss's /proc path shows SYN-SENT); unix_diag, hence
	# ss's netlink path and lsock's auto backend, never shows them.
	if ($netid =~ /^u_/ && ($kv{note} // '') eq 'embryo') { $skip{'unix embryo (only /proc lists them)'}++; next }
	if ($netid eq 'tcp' || $netid eq 'udp' || $netid eq 'raw') {
		$cmd = $netid eq 'raw' ? 'wan' : 'tuna';
		my %lf = map { $_ => 1 } inet_forms($loc, $kv{dev}, 1);
		my %pf = map { $_ => 1 } inet_forms($peer, undef, 0);
		for my $row (@{ $out{$cmd} }) {
			next if $row->{used};
			my $r = parse_inet($row->{line}, $cmd eq 'tuna') or next;
			next if $cmd eq 'tuna' && $r->{netid} ne $netid;
			next unless $lf{$r->{local}} && $pf{$r->{peer}};
			if ($r->{state} ne $state) { $why //= "found with state $r->{state}"; next }
			$found = $row; last;
		}
	} elsif ($netid =~ /^u_(str|dgr|seq)$/) {
		$cmd = 'xan';
		my $want = unesc($loc);
		$want =~ s/\0/@/g;  # ss prints NUL bytes of abstract names as '@'
		my $ino = $kv{ino} // 0;
		for my $row (@{ $out{$cmd} }) {
			next if $row->{used};
			my $r = parse_unix($row->{line}) or next;
			next if $r->{netid} ne $netid;
			if ($ino) { next unless $r->{ino} == $ino } else { next unless $r->{local} eq $want }
			if ($r->{local} ne $want) { $why //= "inode $ino found with name '$r->{local}'"; next }
			if ($r->{peer} ne '*') { $why //= "peer '$r->{peer}'"; next }
			if ($r->{state} ne $state) { $why //= "found with state $r->{state}"; next }
			$found = $row; last;
		}
	} elsif ($netid eq 'p_raw' || $netid eq 'p_dgr') {
		$cmd = '0an';
		for my $row (@{ $out{$cmd} }) {
			next if $row->{used};
			my @f = split ' ', $row->{line};
			next unless @f >= 6 && $f[0] eq $netid && $f[4] eq $loc;
			if ($f[5] ne $peer) { $why //= "peer '$f[5]'"; next }
			if ($f[1] ne $state) { $why //= "found with state $f[1]"; next }
			$found = $row; last;
		}
	} elsif ($netid eq 'nl') {
		$cmd = 'nl';
		my %lf = map { $_ => 1 } nl_forms($loc);
		my %pf = map { $_ => 1 } ($peer eq '*' ? ('*') : nl_forms($peer));
		# /proc/net/netlink has no peer port id: the /proc source shows '*'
		$pf{'*'} = 1 if $ENV{LIVE_BACKEND} eq 'proc';
		for my $row (@{ $out{$cmd} }) {
			next if $row->{used};
			my @f = split ' ', $row->{line};
			next unless @f >= 5 && $lf{$f[3]};
			if (!$pf{$f[4]}) { $why //= "peer '$f[4]'"; next }
			if ($f[0] ne $state) { $why //= "found with state $f[0]"; next }
			$found = $row; last;
		}
	} else {
		push @fails, "$desc: unknown netid in manifest"; $fail++; next;
	}
	if ($found) { $found->{used} = 1; $pass++ }
	else { push @fails, "$desc: not in 'lsock $args{$cmd}' output" . ($why ? " ($why)" : ''); $fail++ }
}
if ($n == 0) { push @fails, "empty manifest"; $fail++ }
for (@fails) { print "FAIL: $_\n" }
if (@fails) {
	for my $id (qw(tuna xan wan 0an nl)) {
		print "--- lsock $args{$id}:\n";
		print map { "$_->{line}\n" } @{ $out{$id} };
	}
}
print "ss-live-basic: note: not checked: $skip{$_} $_\n" for sort keys %skip;
print "ss-live-basic: $pass passed, $fail failed\n";
exit($fail ? 1 : 0);
PERL
rc=$?
exit $rc
