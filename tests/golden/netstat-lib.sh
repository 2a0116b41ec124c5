# shellcheck shell=bash
# Shared by tests/golden/regen-netstat.sh (runs the real netstat 2.10) and
# tests/golden/netstat-golden.sh (runs lsock --netstat), so that both run a
# case in exactly the same way. Sourced after golden-lib.sh. LC_ALL=C.

# The host files a case without -n reads names from; the expected files
# record their hashes (NAMES.sha256) and such cases skip when they differ.
NS_NAME_FILES="/etc/services /etc/protocols /etc/hosts /etc/networks /etc/passwd /etc/nsswitch.conf"

# -c cases run this long; netstat prints a round at 0 s and 1 s and is
# killed while it sleeps, so the output is whole rounds. They run on this
# fixture only (a round is the same listing as without -c).
NS_LOOP_TIME=1.6
NS_LOOP_FIXTURE=basic

# Run one case: netstat (KIND netstat) or lsock --netstat (KIND lsock),
# with PROC_ROOT=TREE when TREE is not empty, else on whatever /proc is
# (the caller bind-mounts the tree there; lsock then runs with
# --backend=proc, since by default it takes TCP and UDP sockets from
# netlink, which a bind mount does not redirect). netstat is run by its name
# through PATH, so that its argv[0] is "netstat". Empty environment but PATH,
# LC_ALL, LANG (and PROC_ROOT); stdin /dev/null; stdout a pipe; stderr to
# ERR. IDs starting with "loop" run under timeout(1) for NS_LOOP_TIME
# seconds. Echoes the exit code.
ns_run() { # KIND TREE ID ARGS OUT ERR
	local kind=$1 tree=$2 id=$3 out=$5 err=$6 rc limit cmd=()
	local envs=(PATH="$GL_PATH" LC_ALL=C LANG=C)
	gl_parse_args "$4"
	[ -z "$tree" ] || envs+=(PROC_ROOT="$tree")
	if [ "$kind" = netstat ]; then
		# by name, as scripts run it: getopt's messages start "netstat:"
		cmd=("${NETSTAT##*/}")
		envs[0]=PATH="$(dirname "$NETSTAT"):$GL_PATH"
	elif [ -n "$tree" ]; then
		cmd=("$LSOCK" --netstat)
	else
		# the tree is bind-mounted over /proc: --backend=proc, or lsock
		# would read the live (empty) namespace over netlink
		cmd=("$LSOCK" --netstat --backend=proc)
	fi
	limit=$GL_TIMEOUT
	[[ $id != loop* ]] || limit=$NS_LOOP_TIME
	if env -i "${envs[@]}" timeout -k 5 "$limit" "${cmd[@]}" \
		${GL_ARGV[@]+"${GL_ARGV[@]}"} </dev/null 2>"$err" | cat >"$out"; then
		rc=0
	else
		rc=${PIPESTATUS[0]}
	fi
	echo "$rc"
}

# The cases to run on FIXTURE (a name): all but the loop ones elsewhere.
ns_fixture_cases() { # CASEFILE FIXTURE
	if [ "$2" = "$NS_LOOP_FIXTURE" ]; then
		gl_cases "$1"
	else
		gl_cases "$1" | grep -v '^loop'
	fi
}

# Whether FILE is UNIT repeated at least twice (a -c run). Prints the count.
ns_rounds() { # FILE UNIT
	LC_ALL=C perl -e '
		local $/; open(my $f, "<", $ARGV[0]) or exit 1; my $all = <$f>;
		open(my $u, "<", $ARGV[1]) or exit 1; my $unit = <$u>;
		exit 1 if !length($unit) || length($all) % length($unit);
		my $n = length($all) / length($unit);
		exit 1 if $n < 2 || $all ne $unit x $n;
		print "$n\n";' "$1" "$2"
}

# The first round of a -c run whose output is whole rounds, on stdout:
# the text up to the second occurrence of its first line.
ns_first_round() { # FILE
	LC_ALL=C perl -e '
		local $/; open(my $f, "<", $ARGV[0]) or exit 1; my $all = <$f>;
		my ($first) = $all =~ /\A([^\n]*\n)/ or exit 1;
		my $at = index($all, $first, length($first));
		exit 1 if $at < 0;
		print substr($all, 0, $at);' "$1"
}

# Does the case resolve names (no -n / --numeric)? Short clusters are read
# up to an A (whose argument follows).
ns_args_numeric() { # uses GL_ARGV
	local w i
	for w in ${GL_ARGV[@]+"${GL_ARGV[@]}"}; do
		case $w in
		--) return 1 ;;
		--numeric) return 0 ;;
		--*) ;;
		-?*)
			for ((i = 1; i < ${#w}; i++)); do
				case ${w:i:1} in
				n) return 0 ;;
				A) break ;;
				esac
			done
			;;
		esac
	done
	return 1
}

# The netstat table a /proc/net file feeds, as its warnings name it.
ns_bogus_name() { # BASENAME
	case $1 in
	tcp | tcp6) echo tcp ;;
	udp | udp6 | udplite | udplite6) echo udp ;;
	raw | raw6) echo raw ;;
	unix) echo unix ;;
	esac
}
