#!/bin/bash
# ss-live-netlink.sh: lsock's sock_diag backend against the real ss 6.1.
#
# In a private network namespace (unshare -n, lo up) tests/helpers/mksocks
# opens its socket mix (sets below). Then, in the same namespace:
#
#  auto     lsock (--backend=auto, the default) must print on stdout, byte
#           for byte, what the real ss (its netlink path) prints, and exit
#           with the same status, for
#             -tan -tuna -uan -xa -xan -wa -0a, -a -f netlink -n,
#             -a -f netlink, -a, -ln, (no option), -4 -tan, -6 -tan,
#             -4 -6 -tan, -6 -4 -tan, -t state established, -H -tan;
#           lsock's stderr must be empty (ss's is not compared: ss 6.1 says
#           "RTNETLINK answers: Invalid argument" for DCCP).
#  netlink  the same with lsock --backend=netlink for
#             -tan -uan -xa -0a, -a -f netlink -n;
#           and lsock --backend=netlink -wa (this kernel has no raw
#           sock_diag) must exit 1 with nothing on stdout and one stderr
#           line that mentions raw.
#  proc     lsock --backend=proc must print what the real ss prints through
#           its /proc path (PROC_NET_TCP=/proc/net/tcp ... ss ARGS) for
#             -tan -tuna -uan -xa -wa -0a, -a -f netlink -n,
#           with the deviations of docs/compat.md section 1 applied to ss's
#           input the way the golden tests do (tests/golden/oracle-fixups.sh:
#           unix_num_zero, unix_space on a snapshot of /proc/net/unix).
#  limits   informational diff of lsock --backend=proc against
#           lsock --backend=auto for -tan and -xa (the /proc data limits of
#           docs/compat.md section 2), then the check that the rows are the
#           same once those fields are normalized: Send-Q of LISTEN rows -> 0,
#           "[::]" -> "*", "%iface" stripped, unix Recv-Q/Send-Q -> 0 and unix
#           peer -> "* 0". Unix embryos (connections not yet accepted: St 02,
#           inode 0) are only in /proc/net/unix; they are counted, reported
#           as a note, and not held against lsock.
#
# Each tool lists its own NETLINK_SOCK_DIAG socket in the netlink table
# ("tcpdiag:ss/PID", "4:PID" with -n). lsock is therefore run through a
# symlink named "ss" (same comm), and from every output the one netlink row of
# protocol 4 (tcpdiag) whose port id is not one of mksocks' (its manifest
# lists them) is removed before comparing. If the two removed rows differ in
# width (pid with more digits, Recv-Q), the column widths may differ because
# of them: only then the outputs are compared with runs of blanks squeezed
# (numbers kept: the moving value, the own socket's Recv-Q, went with the
# removed row), with a note.
#
# Live values can move (packet sockets on lo queue the retransmissions of
# mksocks' half-closed TCP connections): each comparison runs the reference
# before and after lsock and accepts either; a mismatch is retried twice
# (fresh runs) before it counts.
#
#   tests/live/ss-live-netlink.sh        (root; binary $top_builddir/lsock)
#
# Environment: LSOCK, MKSOCKS (default $top_builddir/tests/helpers/mksocks;
# compiled from tests/helpers/mksocks.c into a temporary directory if
# missing), MKSOCKS_SETS, SS (default /usr/bin/ss), CI, VERBOSE=1 (print
# every output).
# Prints `ss-live-netlink: N passed, N failed`; exits 0, 1, 77 (not root or
# no real ss, outside CI), 99 (setup error; CI=true and not root or no ss).
set -euo pipefail
export LC_ALL=C LANG=C

NAME=ss-live-netlink
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top_srcdir=${top_srcdir:-$(cd "$here/../.." && pwd)}
case $top_srcdir in /*) ;; *) top_srcdir=$(cd "$top_srcdir" && pwd) ;; esac
SETS=${MKSOCKS_SETS:-basic,tcp-listen,tcp-states,udp,raw,unix,packet,netlink,v6}
PATH_ENV=/usr/sbin:/usr/bin:/sbin:/bin
SS=${SS:-/usr/bin/ss}
PROC_ENV="PROC_NET_TCP=/proc/net/tcp PROC_NET_UDP=/proc/net/udp PROC_NET_RAW=/proc/net/raw PROC_NET_PACKET=/proc/net/packet PROC_NET_NETLINK=/proc/net/netlink"

# Cases: ID KIND ARGS ("_" = no arguments).
#   auto: ss vs lsock    netlink: ss vs lsock --backend=netlink
#   nlfail: lsock --backend=netlink must fail    proc: ss /proc vs lsock proc
#   limits: lsock proc vs lsock auto (informational diff + normalized rows)
CASES='
a-tan      auto    -tan
a-tuna     auto    -tuna
a-uan      auto    -uan
a-xa       auto    -xa
a-xan      auto    -xan
a-wa       auto    -wa
a-0a       auto    -0a
a-nl-n     auto    -a -f netlink -n
a-nl       auto    -a -f netlink
a-a        auto    -a
a-ln       auto    -ln
a-bare     auto    _
a-4tan     auto    -4 -tan
a-6tan     auto    -6 -tan
a-46tan    auto    -4 -6 -tan
a-64tan    auto    -6 -4 -tan
a-test     auto    -t state established
a-Htan     auto    -H -tan
n-tan      netlink -tan
n-uan      netlink -uan
n-xa       netlink -xa
n-0a       netlink -0a
n-nl-n     netlink -a -f netlink -n
n-wa       nlfail  -wa
p-tan      proc    -tan
p-tuna     proc    -tuna
p-uan      proc    -uan
p-xa       proc    -xa
p-wa       proc    -wa
p-0a       proc    -0a
p-nl-n     proc    -a -f netlink -n
l-tan      limits  -tan
l-xa       limits  -xa
'

# --------------------------------------------------------------------------
# The comparisons (perl), written to $w/cmp.pl by the outer part.
#   cmp.pl pair MANIFEST LABEL REF1 LS REF2 [strict-stderr] [quiet]
#       REF1/LS/REF2 are prefixes of .out .err .rc files.
#   cmp.pl nlfail LABEL LS [quiet]
#   cmp.pl limits LABEL PROC AUTO [quiet]
# Exit 0 = pass, 1 = fail; prints "PASS:"/"FAIL:"/"note:" lines unless quiet.
write_cmp() {
	cat >"$1" <<'PERL'
use strict;
use warnings;

sub slurp { my ($f) = @_; open(my $h, '<', $f) or return undef; local $/; my $s = <$h>; close $h; $s }
sub rc { my $r = slurp("$_[0].rc"); return '?' unless defined $r; chomp $r; $r }
my $quiet = grep { $_ eq 'quiet' } @ARGV;
@ARGV = grep { $_ ne 'quiet' } @ARGV;
my @msg;
sub say_ { push @msg, @_ }
sub finish {
	my ($ok) = @_;
	print map { s/\n+\z//r . "\n" } @msg unless $quiet;
	exit($ok ? 0 : 1);
}
sub udiff {
	my ($a, $b, $la, $lb) = @_;
	my $t = $ENV{CMP_TMP} // '/tmp';
	open(my $h, '>', "$t/.da") or die; print $h $a; close $h;
	open($h, '>', "$t/.db") or die; print $h $b; close $h;
	my $d = `diff -u --label '$la' --label '$lb' '$t/.da' '$t/.db'`;
	unlink "$t/.da", "$t/.db";
	return join("\n", map { "    $_" } split /\n/, $d);
}

# Ports of the manifest's NETLINK_SOCK_DIAG (protocol 4) sockets.
my %man4;
sub read_manifest {
	my ($f) = @_;
	my $m = slurp($f) // die "no manifest $f\n";
	for (split /\n/, $m) {
		next if /^#/;
		my @f = split / /;
		next unless @f >= 2 && $f[0] eq 'nl';
		$man4{$1} = 1 if $f[1] =~ /^4:(-?\d+)$/;
	}
}

# Remove the tool's own sock_diag row: the first row with a field
# "4:PORT" or "tcpdiag:[COMM/]PORT" whose PORT is not mksocks'.
sub strip_own {
	my ($txt) = @_;
	$txt //= '';
	my @l = split /\n/, $txt, -1;
	my $own;
	for my $i (0 .. $#l) {
		next if $i == 0 && $l[0] =~ /^(Netid|State|Recv-Q)\s/;
		for my $t (split ' ', $l[$i]) {
			if ($t =~ /^(?:4|tcpdiag):(?:[^\s\/]*\/)?(-?\d+)$/ && $1 != 0 && !$man4{$1}) {
				$own = splice(@l, $i, 1);
				last;
			}
		}
		last if defined $own;
	}
	return (join("\n", @l), $own);
}

my $mode = shift @ARGV;
if ($mode eq 'pair') {
	my ($man, $label, $r1, $ls, $r2, @opt) = @ARGV;
	my %opt = map { $_ => 1 } @opt;
	read_manifest($man);
	my @fail;
	my ($rc1, $rcl, $rc2) = (rc($r1), rc($ls), rc($r2));
	push @fail, "exit status: lsock $rcl, reference $rc1" if $rcl ne $rc1 && $rcl ne $rc2;
	my $lerr = slurp("$ls.err") // '';
	if ($opt{'strict-stderr'} && length $lerr) {
		push @fail, "lsock wrote to stderr:\n" . join('', map { "    $_\n" } split /\n/, $lerr);
	}
	my ($n1, $o1, $nl, $ol, $n2, $o2);
	if ($opt{nostrip}) {
		($n1, $nl, $n2) = map { slurp("$_.out") // '' } $r1, $ls, $r2;
	} else {
		($n1, $o1) = strip_own(slurp("$r1.out"));
		($nl, $ol) = strip_own(slurp("$ls.out"));
		($n2, $o2) = strip_own(slurp("$r2.out"));
	}
	my @notes;
	push @notes, "own sock_diag row removed: ref '" . ($o1 =~ s/ +/ /gr) . "', lsock '" . ($ol =~ s/ +/ /gr) . "'"
		if defined $o1 && defined $ol;
	push @fail, "a sock_diag row of an unknown process (own socket?) only in lsock's output: '" . ($ol =~ s/ +/ /gr) . "'"
		if !defined $o1 && defined $ol;
	push @fail, "a sock_diag row of an unknown process (ss's own socket?) only in the reference: '" . ($o1 =~ s/ +/ /gr) . "'"
		if defined $o1 && !defined $ol;
	push @notes, "the reference's two runs differ (live values moved)" if $n1 ne $n2;
	my $same = ($nl eq $n1 || $nl eq $n2);
	if (!$same) {
		# Only when the removed rows differ in width may the columns differ
		# because of them.
		my $wdiff = 0;
		if (defined $o1 && defined $ol) {
			my @a = map { length } split ' ', $o1;
			my @b = map { length } split ' ', $ol;
			$wdiff = "@a" ne "@b";
		}
		# Only the widths can change, so blanks are squeezed and the
		# numbers are kept (stricter than a comparison by shape).
		my $sq = sub { $_[0] =~ s/ +/ /gr };
		if ($wdiff && ($sq->($nl) eq $sq->($n1) || $sq->($nl) eq $sq->($n2))) {
			$same = 1;
			push @notes, "compared with runs of blanks squeezed: the removed own rows differ in width";
		}
	}
	if (!$same) {
		push @fail, "stdout differs (own sock_diag rows removed):\n" .
			udiff("$n1\n", "$nl\n", "reference", "lsock");
	}
	if (@fail) {
		say_ "FAIL: $label";
		say_ map { "  - $_" } @fail;
	} else {
		say_ "PASS: $label";
	}
	say_ map { "  note: $_" } @notes if @notes;
	finish(!@fail);
} elsif ($mode eq 'nlfail') {
	my ($label, $ls) = @ARGV;
	my @fail;
	my $rc = rc($ls);
	my $out = slurp("$ls.out") // '';
	my $err = slurp("$ls.err") // '';
	push @fail, "exit status $rc, want 1" if $rc ne '1';
	push @fail, "stdout not empty:\n" . join('', map { "    $_\n" } split /\n/, $out) if length $out;
	my @e = split /\n/, $err;
	push @fail, "stderr has " . scalar(@e) . " lines, want 1:\n" . join('', map { "    $_\n" } @e)
		if @e != 1 || $err !~ /\n\z/;
	push @fail, "stderr does not mention raw: '$e[0]'" if @e && $e[0] !~ /\braw\b/;
	if (@fail) { say_ "FAIL: $label"; say_ map { "  - $_" } @fail }
	else { say_ "PASS: $label"; say_ "  note: stderr: $e[0]" }
	finish(!@fail);
} elsif ($mode eq 'limits') {
	my ($label, $p, $a) = @ARGV;
	my @fail;
	my @notes;
	for my $x ([$p, 'proc'], [$a, 'auto']) {
		my $rc = rc($x->[0]);
		push @fail, "lsock --backend=$x->[1] exited $rc" if $rc ne '0';
		my $e = slurp("$x->[0].err") // '';
		push @fail, "lsock --backend=$x->[1] wrote to stderr: " . (split /\n/, $e)[0] if length $e;
	}
	# Rows, normalized for the documented /proc limits, as multisets.
	my $norm = sub {
		my ($txt, $embryos) = @_;
		my %m;
		my @l = split /\n/, ($txt // '');
		shift @l if @l && $l[0] =~ /^(Netid|State|Recv-Q)\s/;
		for my $l (@l) {
			my $k;
			if ($l =~ /^(u_\S+)\s+(\S+)\s+(\d+)\s+(\d+)\s+(.*?) (\d+)\s+(\S+) (\d+)\s*$/) {
				my ($nid, $st, $loc, $ino) = ($1, $2, $5, $6);
				if ($ino == 0 && $st eq 'SYN-SENT') { $$embryos++ if $embryos; next }
				$k = "$nid $st 0 0 $loc $ino * 0";
			} else {
				my @f = split ' ', $l;
				my $i = ($f[0] =~ /^(tcp|udp|raw|mptcp|nl|p_\S+)$/) ? 1 : 0;
				$f[$i + 2] = 0 if ($f[$i] // '') eq 'LISTEN';
				for my $j ($i + 3, $i + 4) {
					next unless defined $f[$j];
					$f[$j] =~ s/^\[::\]:/*:/;
					$f[$j] =~ s/%[^%:\[\]\s]+(:[^:]*)$/$1/;
				}
				$k = join ' ', @f;
			}
			$m{$k}++;
		}
		return \%m;
	};
	my $emb = 0;
	my $mp = $norm->(slurp("$p.out"), \$emb);
	my $ma = $norm->(slurp("$a.out"), undef);
	my @only_p = map { ("$_") x ($mp->{$_} - ($ma->{$_} // 0)) } grep { $mp->{$_} > ($ma->{$_} // 0) } sort keys %$mp;
	my @only_a = map { ("$_") x ($ma->{$_} - ($mp->{$_} // 0)) } grep { $ma->{$_} > ($mp->{$_} // 0) } sort keys %$ma;
	if (@only_p || @only_a) {
		push @fail, "rows differ beyond the documented /proc limits (normalized):\n" .
			join('', map { "    proc only: $_\n" } @only_p) .
			join('', map { "    auto only: $_\n" } @only_a);
	}
	push @notes, "$emb unix embryo row(s) (St 02, inode 0) only in the /proc output: sock_diag never lists them (not in docs/compat.md section 2)" if $emb;
	if (@fail) { say_ "FAIL: $label"; say_ map { "  - $_" } @fail }
	else { say_ "PASS: $label" }
	say_ map { "  note: $_" } @notes if @notes;
	finish(!@fail);
}
die "cmp.pl: bad mode\n";
PERL
}

# --------------------------------------------------------------------------
# Inside the namespace: start mksocks, run every case, compare, stop mksocks.
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
	# shellcheck source-path=SCRIPTDIR source=../golden/oracle-fixups.sh
	. "$top_srcdir/tests/golden/oracle-fixups.sh"
	mkdir -p "$w/bin" "$w/o"
	ln -s "$LSOCK" "$w/bin/ss"
	export CMP_TMP=$w

	# runcmd PREFIX [VAR=VALUE]... -- CMD [ARGS]...
	runcmd() {
		local p=$1 rc=0
		local -a envs=()
		shift
		while [ "$1" != -- ]; do
			envs+=("$1")
			shift
		done
		shift
		env -i PATH="$PATH_ENV" LC_ALL=C LANG=C ${envs[@]+"${envs[@]}"} timeout -k 5 30 "$@" \
			</dev/null >"$p.out" 2>"$p.err" || rc=$?
		echo "$rc" >"$p.rc"
	}
	# ss through its /proc path, with the docs/compat.md section 1 fixups
	# applied to a snapshot of /proc/net/unix (the other files are read live).
	ss_proc() { # PREFIX ARGS...
		local p=$1 t=$w/ptree
		shift
		rm -rf "$t"
		mkdir -p "$t/net"
		cat /proc/net/unix >"$t/net/unix"
		{
			fixup_unix_num_zero "$t"
			fixup_unix_space_prepare "$t"
		} >>"$w/fixups.log"
		# shellcheck disable=SC2086
		runcmd "$p" $PROC_ENV PROC_NET_UNIX="$t/net/unix" -- "$SS" "$@"
		fixup_output_restore <"$p.out" >"$p.out.r"
		mv "$p.out.r" "$p.out"
	}

	passed=0
	failed=0
	set -f
	while read -r id kind args; do
		[ -n "$id" ] || continue
		[ "$args" = _ ] && args=
		o=$w/o/$id
		# shellcheck disable=SC2086
		case $kind in
		auto | netlink | proc)
			for attempt in 1 2 3; do
				case $kind in
				auto)
					runcmd "$o.ref1" -- "$SS" $args
					runcmd "$o.ls" -- "$w/bin/ss" $args
					runcmd "$o.ref2" -- "$SS" $args
					;;
				netlink)
					runcmd "$o.ref1" -- "$SS" $args
					runcmd "$o.ls" -- "$w/bin/ss" --backend=netlink $args
					runcmd "$o.ref2" -- "$SS" $args
					;;
				proc)
					ss_proc "$o.ref1" $args
					runcmd "$o.ls" -- "$LSOCK" --backend=proc $args
					ss_proc "$o.ref2" $args
					;;
				esac
				strip=
				[ "$kind" != proc ] || strip=nostrip # neither tool opens sock_diag
				if perl "$w/cmp.pl" pair "$w/manifest" x "$o.ref1" "$o.ls" "$o.ref2" strict-stderr $strip quiet; then
					break
				fi
			done
			label="$kind: ss $args"
			case $kind in
			auto) label="auto: lsock $args = ss $args" ;;
			netlink) label="netlink: lsock --backend=netlink $args = ss $args" ;;
			proc) label="proc: lsock --backend=proc $args = ss (/proc path) $args" ;;
			esac
			[ "$attempt" = 1 ] || label="$label (attempt $attempt)"
			if perl "$w/cmp.pl" pair "$w/manifest" "$label" "$o.ref1" "$o.ls" "$o.ref2" strict-stderr $strip; then
				passed=$((passed + 1))
			else
				failed=$((failed + 1))
			fi
			;;
		nlfail)
			runcmd "$o.ls" -- "$w/bin/ss" --backend=netlink $args
			if perl "$w/cmp.pl" nlfail "netlink: lsock --backend=netlink $args fails loudly" "$o.ls"; then
				passed=$((passed + 1))
			else
				failed=$((failed + 1))
			fi
			;;
		limits)
			for attempt in 1 2 3; do
				runcmd "$o.proc" -- "$LSOCK" --backend=proc $args
				runcmd "$o.auto" -- "$LSOCK" $args
				perl "$w/cmp.pl" limits x "$o.proc" "$o.auto" quiet && break
			done
			echo "info: lsock --backend=proc $args vs lsock --backend=auto $args (docs/compat.md section 2):"
			diff -u --label "lsock --backend=proc $args" --label "lsock --backend=auto $args" \
				"$o.proc.out" "$o.auto.out" | sed 's/^/    /' || true
			if perl "$w/cmp.pl" limits "limits: lsock --backend=proc $args = --backend=auto $args up to the /proc limits" \
				"$o.proc" "$o.auto"; then
				passed=$((passed + 1))
			else
				failed=$((failed + 1))
			fi
			;;
		esac
		if [ "${VERBOSE:-}" = 1 ]; then
			for f in "$o".*.out; do
				echo "--- $f"
				cat "$f"
			done
		fi
	done <<<"$CASES"
	set +f
	stop
	echo "$passed $failed" >"$w/counts"
	exit 0
fi

# --------------------------------------------------------------------------
if [ "$(id -u)" != 0 ]; then
	if [ "${CI:-}" = true ]; then
		echo "$NAME: ERROR: CI=true but not root: this test must run in CI" >&2
		exit 99
	fi
	echo "$NAME: SKIP: needs root"
	exit 77
fi
if [ ! -x "$SS" ]; then
	if [ "${CI:-}" = true ]; then
		echo "$NAME: ERROR: CI=true but no real ss at $SS (.ci/run installs iproute2)" >&2
		exit 99
	fi
	echo "$NAME: SKIP: no real ss at $SS (install iproute2)"
	exit 77
fi
case $("$SS" -V 2>/dev/null) in
*iproute2-6.1.0*) ;;
*) echo "$NAME: note: $SS is not iproute2 6.1.0 ($("$SS" -V 2>&1 | head -1)); differences may be version changes" ;;
esac

top_builddir=${top_builddir:-}
if [ -z "$top_builddir" ]; then
	if [ -x ./lsock ]; then top_builddir=.; else top_builddir=$top_srcdir; fi
fi
case $top_builddir in /*) ;; *) top_builddir=$(cd "$top_builddir" && pwd) ;; esac
LSOCK=${LSOCK:-$top_builddir/lsock}
case $LSOCK in /*) ;; *) LSOCK=$(cd "$(dirname "$LSOCK")" && pwd)/$(basename "$LSOCK") ;; esac
if [ ! -x "$LSOCK" ]; then
	echo "$NAME: ERROR: no lsock binary at $LSOCK" >&2
	exit 99
fi
for t in unshare ip perl timeout diff; do
	command -v "$t" >/dev/null || {
		echo "$NAME: ERROR: missing tool $t" >&2
		exit 99
	}
done
if [ ! -f "$top_srcdir/tests/golden/oracle-fixups.sh" ]; then
	echo "$NAME: ERROR: no $top_srcdir/tests/golden/oracle-fixups.sh" >&2
	exit 99
fi

w=$(mktemp -d /tmp/lsock-live-nl.XXXXXX)
# shellcheck disable=SC2317
cleanup() { rm -rf "$w"; }
trap cleanup EXIT

MKSOCKS=${MKSOCKS:-$top_builddir/tests/helpers/mksocks}
if [ ! -x "$MKSOCKS" ]; then
	src=$top_srcdir/tests/helpers/mksocks.c
	if [ -f "$src" ] && ${CC:-cc} -O1 -o "$w/mksocks" "$src" 2>"$w/cc.err"; then
		MKSOCKS=$w/mksocks
	else
		echo "$NAME: ERROR: no mksocks at $MKSOCKS and cannot build $src" >&2
		cat "$w/cc.err" >&2 2>/dev/null || true
		exit 99
	fi
fi
write_cmp "$w/cmp.pl"
export LSOCK MKSOCKS SETS PATH_ENV SS PROC_ENV CASES top_srcdir

rc=0
unshare -n -- bash "$here/ss-live-netlink.sh" __inner "$w" || rc=$?
if [ "$rc" != 0 ] || [ ! -f "$w/counts" ]; then
	echo "$NAME: ERROR: could not run mksocks, ss and lsock in a network namespace" >&2
	exit 99
fi
read -r passed failed <"$w/counts"
echo "$NAME: $passed passed, $failed failed"
[ "$failed" = 0 ]
