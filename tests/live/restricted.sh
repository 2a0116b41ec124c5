#!/bin/bash
# restricted.sh: lsock where socket(AF_NETLINK) is refused (sandbox, LSM,
# kernel without netlink diag), simulated with tests/helpers/nonetlink.
#
# In a private network namespace (unshare -n, lo up) tests/helpers/mksocks
# opens its socket mix. Then, for each ERRNO of EPERM EAFNOSUPPORT
# EPROTONOSUPPORT EACCES (compat policy section 3: these send a table to
# /proc in --backend=auto):
#   - `nonetlink ERRNO -- lsock ARGS` exits 0, writes nothing on stderr and
#     prints exactly what `lsock --backend=proc ARGS` prints, for
#     -tuna, -xa, -0a and -a -f netlink;
#   - `nonetlink ERRNO -- lsock --why ARGS` prints the same on stdout and one
#     stderr line per table, `lsock: TABLE: /proc (REASON)` with REASON
#     naming the errno (strerror text), for exactly the tables of ARGS;
#   - `nonetlink ERRNO -- lsock --backend=netlink -tan` exits 1 with empty
#     stdout and one stderr line.
# The /proc reference runs before and after the restricted run (live values
# such as the Recv-Q of packet sockets on lo can move); either must match,
# and a mismatch is retried twice before it counts.
#
#   tests/live/restricted.sh          (root; binary $top_builddir/lsock)
#
# Environment: LSOCK, MKSOCKS, NONETLINK (default
# $top_builddir/tests/helpers/nonetlink; both helpers are compiled from
# tests/helpers/*.c into a temporary directory if missing), MKSOCKS_SETS,
# ERRNOS (default "EPERM EAFNOSUPPORT EPROTONOSUPPORT EACCES"), CI.
# Prints `restricted: N passed, N failed`; exits 0, 1, 77 (not root, or no
# seccomp filter possible here, outside CI), 99 (setup error; CI=true and
# not root).
set -euo pipefail
export LC_ALL=C LANG=C

NAME=restricted
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top_srcdir=${top_srcdir:-$(cd "$here/../.." && pwd)}
case $top_srcdir in /*) ;; *) top_srcdir=$(cd "$top_srcdir" && pwd) ;; esac
SETS=${MKSOCKS_SETS:-basic,tcp-listen,tcp-states,udp,raw,unix,packet,netlink,v6}
ERRNOS=${ERRNOS:-EPERM EAFNOSUPPORT EPROTONOSUPPORT EACCES}
PATH_ENV=/usr/sbin:/usr/bin:/sbin:/bin

# ARGS and the tables --why must name for them.
CASES='
-tuna|tcp udp
-xa|unix
-0a|packet
-a -f netlink|netlink
'

# --------------------------------------------------------------------------
# Inside the namespace.
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
	mkdir -p "$w/o"

	# runcmd PREFIX CMD [ARGS]...: .out .err .rc
	runcmd() {
		local p=$1 rc=0
		shift
		env -i PATH="$PATH_ENV" LC_ALL=C LANG=C timeout -k 5 30 "$@" \
			</dev/null >"$p.out" 2>"$p.err" || rc=$?
		echo "$rc" >"$p.rc"
	}
	passed=0
	failed=0
	pass() {
		passed=$((passed + 1))
		echo "PASS: $1"
	}
	fail() {
		failed=$((failed + 1))
		echo "FAIL: $1"
		shift
		local l
		for l in "$@"; do
			printf '%s\n' "$l" | sed 's/^/    /'
		done
	}
	# same_out A B: stdout files equal
	same_out() { cmp -s "$1.out" "$2.out"; }

	set -f
	n=0
	for e in $ERRNOS; do
		msg=$(E=$e perl -MErrno -e '$! = &{"Errno::$ENV{E}"}; print "$!"')
		while IFS='|' read -r args tables; do
			[ -n "$args" ] || continue
			n=$((n + 1))
			o=$w/o/$n
			# 1. plain run = --backend=proc, silent, exit 0
			for attempt in 1 2 3; do
				# shellcheck disable=SC2086
				{
					runcmd "$o.ref1" "$LSOCK" --backend=proc $args
					runcmd "$o.nl" "$NONETLINK" "$e" -- "$LSOCK" $args
					runcmd "$o.ref2" "$LSOCK" --backend=proc $args
				}
				if [ "$(cat "$o.nl.rc")" = 0 ] && [ ! -s "$o.nl.err" ] &&
					{ same_out "$o.nl" "$o.ref1" || same_out "$o.nl" "$o.ref2"; }; then
					break
				fi
			done
			label="nonetlink $e -- lsock $args = lsock --backend=proc $args"
			[ "$attempt" = 1 ] || label="$label (attempt $attempt)"
			why=()
			[ "$(cat "$o.ref1.rc")" = 0 ] || why+=("lsock --backend=proc $args exited $(cat "$o.ref1.rc")")
			[ "$(cat "$o.nl.rc")" = 0 ] || why+=("exit status $(cat "$o.nl.rc"), want 0")
			[ ! -s "$o.nl.err" ] || why+=("stderr not empty:" "$(cat "$o.nl.err")")
			if ! same_out "$o.nl" "$o.ref1" && ! same_out "$o.nl" "$o.ref2"; then
				why+=("stdout differs:" "$(diff -u --label "lsock --backend=proc $args" \
					--label "nonetlink $e -- lsock $args" "$o.ref1.out" "$o.nl.out" || true)")
			fi
			if [ ${#why[@]} = 0 ]; then pass "$label"; else fail "$label" "${why[@]}"; fi

			# 2. --why: same stdout, one "/proc (<strerror>)" line per table
			for attempt in 1 2 3; do
				# shellcheck disable=SC2086
				{
					runcmd "$o.ref1" "$LSOCK" --backend=proc $args
					runcmd "$o.why" "$NONETLINK" "$e" -- "$LSOCK" --why $args
					runcmd "$o.ref2" "$LSOCK" --backend=proc $args
				}
				{ same_out "$o.why" "$o.ref1" || same_out "$o.why" "$o.ref2"; } && break
			done
			label="nonetlink $e -- lsock --why $args names '$msg' for: $tables"
			why=()
			[ "$(cat "$o.why.rc")" = 0 ] || why+=("exit status $(cat "$o.why.rc"), want 0")
			if ! same_out "$o.why" "$o.ref1" && ! same_out "$o.why" "$o.ref2"; then
				why+=("stdout differs from lsock --backend=proc $args:" "$(diff -u "$o.ref1.out" "$o.why.out" || true)")
			fi
			if ! bad=$(TABLES=$tables MSG=$msg perl -e '
				my %want = map { $_ => 1 } split " ", $ENV{TABLES};
				my (%seen, @bad);
				open(my $h, "<", $ARGV[0]) or die;
				while (my $l = <$h>) {
					chomp $l;
					if ($l =~ /^lsock: (\S+): \/proc \((.*)\)$/) {
						my ($t, $r) = ($1, $2);
						push @bad, "unexpected table: $l" unless $want{$t};
						push @bad, "table listed twice: $l" if $seen{$t}++;
						push @bad, "reason does not name the errno ($ENV{MSG}): $l"
							unless index($r, $ENV{MSG}) >= 0;
					} else {
						push @bad, "not \"lsock: TABLE: /proc (REASON)\": $l";
					}
				}
				push @bad, "no line for table $_" for grep { !$seen{$_} } sort keys %want;
				print map { "$_\n" } @bad;
				exit(@bad ? 1 : 0);' "$o.why.err"); then
				why+=("--why report (stderr):" "$(cat "$o.why.err")" "problems:" "$bad")
			fi
			if [ ${#why[@]} = 0 ]; then pass "$label"; else fail "$label" "${why[@]}"; fi
		done <<<"$CASES"

		# 3. --backend=netlink fails loudly
		n=$((n + 1))
		o=$w/o/$n
		runcmd "$o.nl" "$NONETLINK" "$e" -- "$LSOCK" --backend=netlink -tan
		label="nonetlink $e -- lsock --backend=netlink -tan fails (exit 1, one stderr line, no stdout)"
		why=()
		[ "$(cat "$o.nl.rc")" = 1 ] || why+=("exit status $(cat "$o.nl.rc"), want 1")
		[ ! -s "$o.nl.out" ] || why+=("stdout not empty:" "$(cat "$o.nl.out")")
		nerr=$(wc -l <"$o.nl.err")
		if [ "$nerr" != 1 ] || [ -n "$(tail -c 1 "$o.nl.err")" ]; then
			why+=("stderr: $nerr line(s), want exactly one:" "$(cat "$o.nl.err")")
		fi
		if [ ${#why[@]} = 0 ]; then
			pass "$label"
			echo "  note: stderr: $(cat "$o.nl.err")"
		else
			fail "$label" "${why[@]}"
		fi
	done
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

top_builddir=${top_builddir:-}
if [ -z "$top_builddir" ]; then
	if [ -x ./lsock ]; then top_builddir=.; else top_builddir=$top_srcdir; fi
fi
case $top_builddir in /*) ;; *) top_builddir=$(cd "$top_builddir" && pwd) ;; esac
LSOCK=${LSOCK:-$top_builddir/lsock}
if [ ! -x "$LSOCK" ]; then
	echo "$NAME: ERROR: no lsock binary at $LSOCK" >&2
	exit 99
fi
for t in unshare ip perl timeout diff cmp; do
	command -v "$t" >/dev/null || {
		echo "$NAME: ERROR: missing tool $t" >&2
		exit 99
	}
done

w=$(mktemp -d /tmp/lsock-restricted.XXXXXX)
# shellcheck disable=SC2317
cleanup() { rm -rf "$w"; }
trap cleanup EXIT

# helper PATH-VAR NAME: use it, or build it from tests/helpers/NAME.c
build_helper() {
	local name=$1 have=$2 src=$top_srcdir/tests/helpers/$1.c
	if [ -x "$have" ]; then
		echo "$have"
		return 0
	fi
	if [ -f "$src" ] && ${CC:-cc} -O1 -o "$w/$name" "$src" 2>"$w/cc-$name.err"; then
		echo "$w/$name"
		return 0
	fi
	echo "$NAME: ERROR: no $name at $have and cannot build $src" >&2
	cat "$w/cc-$name.err" >&2 2>/dev/null || true
	return 1
}
MKSOCKS=$(build_helper mksocks "${MKSOCKS:-$top_builddir/tests/helpers/mksocks}") || exit 99
NONETLINK=$(build_helper nonetlink "${NONETLINK:-$top_builddir/tests/helpers/nonetlink}") || exit 99

# Can a seccomp filter be installed here at all?
for e in $ERRNOS; do
	rc=0
	"$NONETLINK" "$e" --probe >"$w/probe" 2>&1 || rc=$?
	if [ "$rc" != 0 ]; then
		if [ "$rc" = 125 ] || grep -qi seccomp "$w/probe"; then
			if [ "${CI:-}" = true ]; then
				echo "$NAME: ERROR: nonetlink cannot install its filter here (CI=true):" >&2
				cat "$w/probe" >&2
				exit 99
			fi
			echo "$NAME: SKIP: nonetlink cannot install its filter here:"
			sed 's/^/    /' "$w/probe"
			exit 77
		fi
		echo "$NAME: ERROR: nonetlink $e --probe failed:" >&2
		cat "$w/probe" >&2
		exit 99
	fi
done
export LSOCK MKSOCKS NONETLINK SETS ERRNOS PATH_ENV CASES

rc=0
unshare -n -- bash "$here/restricted.sh" __inner "$w" || rc=$?
if [ "$rc" != 0 ] || [ ! -f "$w/counts" ]; then
	echo "$NAME: ERROR: could not run mksocks and lsock in a network namespace" >&2
	exit 99
fi
read -r passed failed <"$w/counts"
echo "$NAME: $passed passed, $failed failed"
[ "$failed" = 0 ]
