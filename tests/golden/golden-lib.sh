# shellcheck shell=bash
# Shared by tests/golden/regen-ss.sh (runs the real ss) and
# tests/golden/ss-golden.sh (runs lsock), so that both run a command in
# exactly the same way. Sourced, not executed. Expects LC_ALL=C.

# The environment every measured run gets (nothing else leaks in).
GL_PATH=/usr/sbin:/usr/bin:/sbin:/bin
GL_TIMEOUT=${GL_TIMEOUT:-60}

# Print the non-comment lines of a case file (ID<TAB>ARGS or
# ID<TAB>BADWORD<TAB>ARGS), unchanged.
gl_cases() { # FILE
	LC_ALL=C grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$1" || true
}

# Fixture directories (those with a proc/ tree), one per line, sorted.
gl_fixtures() { # FIXTURES_ROOT
	local d
	for d in "$1"/*/; do
		d=${d%/}
		[ -d "$d/proc" ] || continue
		printf '%s\n' "$d"
	done | LC_ALL=C sort
}

# META value of KEY (empty if absent).
gl_meta() { # FIXTURE_DIR KEY
	[ -f "$1/META" ] || return 0
	LC_ALL=C awk -v k="$2" -F: '$1 == k { sub(/^[^:]*:[ \t]*/, ""); sub(/[ \t\r]+$/, ""); print; exit }' "$1/META"
}

gl_host_byteorder() {
	# od prints the 2-byte value 1 as stored: "1" little, "256" big
	if [ "$(printf '\001\000' | od -An -tu2 | tr -d ' \n')" = 1 ]; then
		echo little
	else
		echo big
	fi
}

# How to get a private network + mount namespace: prints the unshare
# options, or returns 1 when none works (caller exits 77).
gl_unshare_opts() {
	if [ "$(id -u)" = 0 ] &&
		unshare -n --mount --propagation private true 2>/dev/null; then
		echo "-n --mount --propagation private"
	elif unshare -rn --mount --propagation private true 2>/dev/null; then
		echo "-rn --mount --propagation private"
	else
		return 1
	fi
}

# Inside the new namespace: loopback up, tmpfs on MNT.
gl_ns_setup() { # MNT
	ip link set lo up
	mount -t tmpfs -o size=512m,mode=0755 lsock-golden "$1"
}

gl_materialize() { # FIXTURE_DIR DST
	"${MATERIALIZE:-$GL_TOP/fixtures/tools/materialize.sh}" "$1" "$2" >/dev/null
}

# Split an ARGS string into GL_COLS (pty width or empty) and GL_ARGV.
gl_parse_args() { # ARGS
	local a=$1
	GL_COLS=
	if [[ $a == COLS=* ]]; then
		GL_COLS=${a%% *}
		GL_COLS=${GL_COLS#COLS=}
		a=${a#COLS="$GL_COLS"}
	fi
	GL_ARGV=()
	eval "GL_ARGV=($a)"
}

# Run BIN with ARGS on TREE exactly the way the golden files are made:
# empty environment but PATH, LC_ALL, LANG and PROC_ROOT; stdin /dev/null;
# stdout a pipe (a file here), or with COLS=N a pseudo-terminal N columns
# wide whose raw byte stream (CRLF included) is the output. stderr goes to
# ERR in both cases (for the pty, redirected inside it). Echoes the exit code.
gl_run() { # BIN TREE ARGS OUT ERR
	local bin=$1 tree=$2 out=$4 err=$5 rc cmd
	gl_parse_args "$3"
	if [ -n "$GL_COLS" ]; then
		cmd="stty cols $GL_COLS rows 50; exec $(printf '%q ' "$bin" ${GL_ARGV[@]+"${GL_ARGV[@]}"})2>$(printf '%q' "$err")"
		env -i PATH="$GL_PATH" LC_ALL=C LANG=C PROC_ROOT="$tree" \
			timeout -k 5 "$GL_TIMEOUT" script -qfec "$cmd" /dev/null \
			</dev/null >"$out" 2>"$err.script" && rc=0 || rc=$?
		[ -f "$err" ] || : >"$err"
		cat "$err.script" >>"$err"
		rm -f "$err.script"
	else
		env -i PATH="$GL_PATH" LC_ALL=C LANG=C PROC_ROOT="$tree" \
			timeout -k 5 "$GL_TIMEOUT" "$bin" ${GL_ARGV[@]+"${GL_ARGV[@]}"} \
			</dev/null >"$out" 2>"$err" && rc=0 || rc=$?
	fi
	echo "$rc"
}

# Does ARGS ask for numeric ports (-n / --numeric, or a unique abbreviation)?
# Short bundles are scanned up to the first option that takes an argument.
gl_args_numeric() { gl_args_have n numeric nu; }
# Does ARGS ask for host name resolution (-r / --resolve)?
gl_args_resolve() { gl_args_have r resolve re; }
gl_args_have() { # LETTER LONGNAME MINPREFIX ; uses GL_ARGV
	local letter=$1 long=$2 minp=$3 w i c skip=0
	for w in ${GL_ARGV[@]+"${GL_ARGV[@]}"}; do
		if [ "$skip" = 1 ]; then
			skip=0
			continue
		fi
		case $w in
		--) return 1 ;;
		--*)
			case $w in *=*) ;; --family | --query | --socket | --diag | --filter | --net) skip=1 ;; esac
			w=${w#--}
			w=${w%%=*}
			if [ ${#w} -ge ${#minp} ] && [ "${long#"$w"}" != "$long" ]; then
				return 0
			fi
			;;
		-?*)
			for ((i = 1; i < ${#w}; i++)); do
				c=${w:i:1}
				case $c in
				"$letter") return 0 ;;
				[fADFN])
					[ $((i + 1)) -eq ${#w} ] && skip=1
					break
					;;
				esac
			done
			;;
		esac
	done
	return 1
}
