# shellcheck shell=bash
# Shared by tests/golden/regen-netstat-modes.sh (runs the real netstat with
# a fixture tree bind-mounted over /proc) and netstat-modes-golden.sh (runs
# lsock --netstat with PROC_ROOT), so that both run a case the same way.
# Sourced after golden-lib.sh. Expects LC_ALL=C.

# Fixture roots: the recorded trees and the hand-written netstat-modes ones.
nm_fixture_roots() { # TOP
	printf '%s\n' "$1/fixtures/proc" "$1/fixtures/netstat-modes"
}

# Every fixture directory of every root, one per line.
nm_fixtures() { # TOP
	local r
	while IFS= read -r r; do
		[ -d "$r" ] && gl_fixtures "$r"
	done < <(nm_fixture_roots "$1")
}

# Split a case's ARGS into NM_NAMES (1 when the case prints names looked up
# in /etc/hosts, /etc/networks or /etc/services), NM_HEAD (a line count
# for -c cases, or empty), NM_ONLY (",fixture,..." the case is limited to,
# or empty) and NM_ARGV.
nm_parse_args() { # ARGS
	local a=$1
	NM_NAMES=0 NM_HEAD= NM_ONLY=
	while :; do
		case $a in
		"NAMES "*) NM_NAMES=1 a=${a#NAMES } ;;
		ONLY=*)
			NM_ONLY=${a%% *}
			NM_ONLY=,${NM_ONLY#ONLY=},
			a=${a#ONLY=* }
			;;
		HEAD=*)
			NM_HEAD=${a%% *}
			NM_HEAD=${NM_HEAD#HEAD=}
			a=${a#HEAD="$NM_HEAD"}
			a=${a# }
			;;
		*) break ;;
		esac
	done
	NM_ARGV=()
	eval "NM_ARGV=($a)"
}

# Whether the case (ARGS) runs on fixture NAME (ONLY= prefix).
nm_case_applies() { # ARGS NAME
	nm_parse_args "$1"
	[ -z "$NM_ONLY" ] || [[ $NM_ONLY == *",$2,"* ]]
}

# Run CMD... with ARGS: empty environment but PATH, LC_ALL, LANG (and
# PROC_ROOT when TREE is not -), stdin /dev/null, stdout a pipe into OUT
# (cut to NM_HEAD lines for -c cases, which end when the pipe closes),
# stderr into ERR. Echoes the exit code of the command.
nm_run() { # TREE ARGS OUT ERR CMD...
	local tree=$1 args=$2 out=$3 err=$4 rc
	shift 4
	local envv=(env -i PATH="$GL_PATH" LC_ALL=C LANG=C)
	[ "$tree" = - ] || envv+=(PROC_ROOT="$tree")
	nm_parse_args "$args"
	# the exit code goes through a file so that no pipeline ever fails
	if [ -n "$NM_HEAD" ]; then
		{
			"${envv[@]}" timeout -k 5 "$GL_TIMEOUT" "$@" ${NM_ARGV[@]+"${NM_ARGV[@]}"} \
				</dev/null 2>"$err" && rc=0 || rc=$?
			echo "$rc" >"$out.rc"
		} | head -n "$NM_HEAD" >"$out"
	else
		{
			"${envv[@]}" timeout -k 5 "$GL_TIMEOUT" "$@" ${NM_ARGV[@]+"${NM_ARGV[@]}"} \
				</dev/null 2>"$err" && rc=0 || rc=$?
			echo "$rc" >"$out.rc"
		} | cat >"$out"
	fi
	cat "$out.rc"
	rm -f "$out.rc"
}

# The files name lookups read; their hashes are kept with the expected
# files, and cases with NAMES skip when one differs.
NM_NAME_FILES="/etc/hosts /etc/networks /etc/services /etc/nsswitch.conf"
