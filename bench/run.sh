#!/bin/bash
# bench/run.sh: lsock side by side with ss, netstat and the kernel's floor,
# on N sockets in a private network namespace, as ratios measured in one run.
#
#   bench/run.sh [--sizes "1000 10000 100000 250000"] [--out FILE] [--quick]
#
# For each size N, bench/sockgen opens N sockets in a fresh `unshare -n`
# namespace (TCP pairs over 16 loopback listeners, TIME-WAIT, UDP, unix),
# then hyperfine times each command (11 runs when one takes under 1 s, 5 up
# to 5 s, 3 beyond; 1 warm-up unless one run takes more than 5 s) and
# /usr/bin/time -f %M measures its peak RSS.
# The table goes to FILE (default bench/RESULTS.md): median wall time, peak
# RSS, and lsock's ratios against ss, netstat and bench/nlfloor (the least
# work that reads the same TCP netlink dump, or /proc/net/tcp and tcp6).
# --quick: sizes 1000 10000 only.
#
# Needs root (network namespaces), hyperfine, /usr/bin/time, the real ss
# and netstat, and a built tree (`make bench` builds bench/sockgen and
# bench/nlfloor, then runs this). Exits 77 when something is missing, so
# that `make bench` skips cleanly.
set -euo pipefail
export LC_ALL=C LANG=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=${top_builddir:-$(cd "$here/.." && pwd)}
LSOCK=${LSOCK:-$top/lsock}
SOCKGEN=${SOCKGEN:-$top/bench/sockgen}
NLFLOOR=${NLFLOOR:-$top/bench/nlfloor}
SS=${SS:-/usr/bin/ss}
NETSTAT=${NETSTAT:-/usr/bin/netstat}
SIZES="1000 10000 100000 250000"
OUT=$here/RESULTS.md

while [ $# -gt 0 ] && [ "$1" != __inner ]; do
	case $1 in
	--sizes) SIZES=$2; shift 2 ;;
	--out) OUT=$2; shift 2 ;;
	--quick) SIZES="1000 10000"; shift ;;
	*) echo "usage: bench/run.sh [--sizes LIST] [--out FILE] [--quick]" >&2; exit 2 ;;
	esac
done

skip() { echo "bench: SKIP: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "needs root (network namespaces)"
command -v hyperfine >/dev/null || skip "no hyperfine"
[ -x /usr/bin/time ] || skip "no /usr/bin/time"
[ -x "$SS" ] && [ -x "$NETSTAT" ] || skip "no real ss or netstat"
for p in "$LSOCK" "$SOCKGEN" "$NLFLOOR"; do
	[ -x "$p" ] || skip "$p is not built (run make bench)"
done

# Each line: ID | lsock command | reference tool | reference command.
# The filtered query names one listener's port (bench/sockgen.c: 20005).
CASES="tan|$LSOCK -tan|ss|$SS -tan
tan_floor|$LSOCK -tan|floor-netlink|$NLFLOOR netlink
tanp|$LSOCK -tanp|ss|$SS -tanp
filter|$LSOCK -tan state established ( dport = :20005 )|ss|$SS -tan state established ( dport = :20005 )
s|$LSOCK -s|ss|$SS -s
tuna|$LSOCK -tuna|ss|$SS -tuna
ns_tan|$LSOCK --netstat -tan|netstat|$NETSTAT -tan
ns_tan_floor|$LSOCK --netstat -tan|floor-proc|$NLFLOOR proc
ns_tanp|$LSOCK --netstat -tanp|netstat|$NETSTAT -tanp"

# --- inside the namespace: one size ------------------------------------------------
if [ "${1:-}" = __inner ]; then
	n=$2 w=$3
	ip link set lo up
	"$SOCKGEN" -n "$n" --ready "$w/ready" --hold 900 >"$w/made" 2>"$w/sockgen.err" &
	gen=$!
	for _ in $(seq 1800); do [ -e "$w/ready" ] && break; sleep 0.1; done
	[ -e "$w/ready" ] || { cat "$w/sockgen.err"; kill "$gen"; exit 1; }
	timed() { # ID CMD
		local id=$1 cmd=$2 t0 t1 ms runs=5 warm=1
		t0=$(date +%s%N)
		$cmd >/dev/null 2>&1 || true
		t1=$(date +%s%N)
		ms=$(((t1 - t0) / 1000000))
		if [ "$ms" -gt 5000 ]; then runs=3; warm=0
		elif [ "$ms" -lt 1000 ]; then runs=11; fi
		hyperfine -N -r "$runs" -w "$warm" -i --export-csv "$w/$id.csv" \
			--style none "$cmd" >/dev/null 2>&1
		/usr/bin/time -f %M -o "$w/$id.rss" $cmd >/dev/null 2>&1 || true
	}
	while IFS='|' read -r id lcmd ref rcmd; do
		[ -e "$w/L-$id.csv" ] || timed "L-$id" "$lcmd"
		timed "R-$id" "$rcmd"
	done <<<"$CASES"
	kill "$gen" 2>/dev/null
	wait "$gen" 2>/dev/null || true
	exit 0
fi

# --- outside ----------------------------------------------------------------------
median() { # CSV -> median seconds
	awk -F, 'NR == 2 { print $4 }' "$1"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }
mib() { awk -v k="$(cat "$1")" 'BEGIN { printf "%.1f", k / 1024 }'; }

export LSOCK SOCKGEN NLFLOOR SS NETSTAT CASES
tmp=$(mktemp -d /tmp/lsock-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
{
	echo "# lsock benchmark"
	echo
	echo "Made by \`bench/run.sh\` on $(date -u +%Y-%m-%d), $(nproc) CPUs," \
		"kernel $(uname -r), $(lsock_v=$("$LSOCK" -V); echo "$lsock_v")," \
		"$("$SS" -V), $("$NETSTAT" -V 2>&1 | head -1)."
	echo "Median wall time of hyperfine runs (11 when a run takes under 1 s,"
	echo "5 up to 5 s, 3 beyond), peak RSS from /usr/bin/time. Ratio ="
	echo "lsock's median / the reference's median. The"
	echo "floor (bench/nlfloor) only reads the kernel's TCP dump (netlink: the"
	echo "one TCPDIAG_GETSOCK lsock sends for both families), or /proc/net/tcp"
	echo "and tcp6 (proc), and formats nothing."
} >"$tmp/head"
for n in $SIZES; do
	w=$tmp/$n
	mkdir -p "$w"
	echo "bench: $n sockets" >&2
	if ! unshare -n bash "$0" __inner "$n" "$w"; then
		echo "bench: could not run $n sockets" >&2
		exit 1
	fi
	{
		echo
		echo "## $n sockets (sockgen made $(cat "$w/made"))"
		echo
		echo "| case | lsock ms | reference | reference ms | ratio | lsock MiB | reference MiB |"
		echo "|---|---:|---|---:|---:|---:|---:|"
		while IFS='|' read -r id lcmd ref rcmd; do
			l=$(median "$w/L-$id.csv") r=$(median "$w/R-$id.csv")
			echo "| \`${lcmd#"$LSOCK" }\` | $(ms "$l") | $ref | $(ms "$r") |" \
				"$(ratio "$l" "$r") | $(mib "$w/L-$id.rss") | $(mib "$w/R-$id.rss") |"
		done <<<"$CASES"
	} >>"$tmp/body"
done
# The performance targets, as ratios of this run (where the sizes allow).
check() { # TEXT VALUE LIMIT
	local ok
	ok=$(awk -v v="$2" -v l="$3" 'BEGIN { print (v != "-" && v <= l) ? "yes" : "NO" }')
	echo "| $1 | $2 | $3 | $ok |"
}
r() { ratio "$(median "$tmp/$1/L-$2.csv")" "$(median "$tmp/$1/R-$2.csv")"; }
rss_ok() { # SIZE: every command's peak RSS at most its reference's
	local id bad=0
	while IFS='|' read -r id _; do
		case $id in *floor*) continue ;; esac
		[ "$(cat "$tmp/$1/L-$id.rss")" -le "$(cat "$tmp/$1/R-$id.rss")" ] || bad=1
	done <<<"$CASES"
	echo $bad
}
if [ -d "$tmp/100000" ] && [ -d "$tmp/250000" ]; then
	{
		echo
		echo "## Targets"
		echo
		echo "| target | measured | limit | met |"
		echo "|---|---:|---:|---|"
		check "\`-tan\` / netlink floor, 100k" "$(r 100000 tan_floor)" 1.3
		check "\`-tan\` / netlink floor, 250k" "$(r 250000 tan_floor)" 1.3
		check "\`-tanp\` / ss, 100k" "$(r 100000 tanp)" 0.15
		check "\`-tanp\` / ss, 250k" "$(r 250000 tanp)" 0.05
		check "\`-tanp\` 250k / 100k (linear: 2.5)" "$(ratio "$(median "$tmp/250000/L-tanp.csv")" "$(median "$tmp/100000/L-tanp.csv")")" 2.75
		check "filtered query / ss, 100k" "$(r 100000 filter)" 1.0
		check "filtered query / ss, 250k" "$(r 250000 filter)" 1.0
		check "netstat \`-tan\` / netstat, 100k" "$(r 100000 ns_tan)" 0.5
		check "netstat \`-tanp\` / netstat, 100k" "$(r 100000 ns_tanp)" 0.15
		check "peak RSS above the reference's (commands), 100k" "$(rss_ok 100000)" 0
		check "peak RSS above the reference's (commands), 250k" "$(rss_ok 250000)" 0
	} >>"$tmp/body"
fi
cat "$tmp/head" "$tmp/body" >"$OUT"
echo "bench: wrote $OUT" >&2
