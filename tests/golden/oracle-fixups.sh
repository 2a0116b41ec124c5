# shellcheck shell=bash
# Committed, reviewable corrections applied when the real ss 6.1 is used as the
# oracle for lsock's golden tests (docs: compat-policy.md section 4).
#
# Sourced by tests/golden/regen-ss.sh (and by ss-golden.sh only in its
# harness self-test mode, SS_GOLDEN_APPLY_FIXUPS=1). Each fixup is a small
# function. Input fixups edit the *copy* of the recorded /proc tree that ss
# reads (never the committed fixture); output fixups filter ss's stdout.
# Every function prints one summary line "name: what changed" on stdout, which
# regen collects into tests/expected/ss/FIXUPS.
#
# All of this is byte-oriented: run with LC_ALL=C. perl is used because it is
# part of every Debian system (perl-base) and handles arbitrary bytes.

# The byte with octal code OCT (3 digits).
_fixup_byte() { # OCT
	# shellcheck disable=SC2059
	printf "\\$1"
}

# Rewrite FILE in place from stdin without replacing its inode (keeps the
# tree's directory order untouched).
_fixup_rewrite() { # FILE < new content
	local f=$1 tmp
	tmp=$(mktemp)
	cat >"$tmp"
	cat "$tmp" >"$f"
	rm -f "$tmp"
}

# (a) ss 6.1's /proc/net/unix parser reads the first column ("Num", the
# socket's kernel address, %pK) into the peer field and then, since the file
# has no "Peer" header, shows it nowhere, except that a SOCK_DGRAM socket in
# state 01 with a nonzero "peer" is printed as ESTAB. On every modern kernel
# Num is nonzero, so every unconnected unix datagram socket comes out ESTAB.
# Correction: zero the Num column (same width) in the copy ss reads. Num is
# used for nothing else by ss's /proc mode (no unix -e output from /proc).
fixup_unix_num_zero() { # TREE
	local f=$1/net/unix n
	[ -f "$f" ] || { echo "unix_num_zero: no net/unix"; return 0; }
	n=$(LC_ALL=C perl -ne 'BEGIN{$n=0} next if $.==1; $n++ if /^[0-9A-Fa-f]*[1-9A-Fa-f][0-9A-Fa-f]*:/; END{print $n}' "$f")
	LC_ALL=C perl -pe 'if ($. > 1) { s/^([0-9A-Fa-f]+):/"0" x length($1) . ":"/e }' "$f" | _fixup_rewrite "$f"
	echo "unix_num_zero: zeroed a nonzero Num column on $n line(s) of net/unix"
}

# (b) ss 6.1 reads the unix path with sscanf("%s"), so it stops at the first
# space. Correction: in the copy ss reads, replace every space inside the
# path field (everything after the single space that follows the Inode
# column) with a placeholder byte that occurs nowhere in the tree nor in the
# files ss may print from, and map that byte back to a space in ss's stdout.
# One byte for one byte, so column widths stay exact.
# Sets FIXUP_SPACE_PLACEHOLDER (octal escape for tr) when anything changed.
FIXUP_SPACE_PLACEHOLDER=
FIXUP_PAREN_PLACEHOLDER=

# Print (as 3 octal digits) a byte that occurs nowhere in TREE's regular
# files nor in the host files ss may print from, and is not in the
# space-separated list of octal codes TAKEN.
_fixup_free_byte() { # TREE TAKEN
	local oct b
	# candidates: ~ ^ | DEL, then a few C0 controls
	for oct in 176 136 174 177 001 002 003 004 005 006; do
		case " $2 " in *" $oct "*) continue ;; esac
		b=$(_fixup_byte "$oct")
		# grep -r does not follow the fd symlinks; -q: 0 = found
		if ! LC_ALL=C grep -rqF -e "$b" "$1" 2>/dev/null &&
			! LC_ALL=C grep -qsF -e "$b" /etc/services /etc/hosts /etc/protocols \
				/etc/iproute2/nl_protos /usr/share/iproute2/nl_protos; then
			echo "$oct"
			return 0
		fi
	done
	return 1
}

fixup_unix_space_prepare() { # TREE
	local tree=$1 f=$1/net/unix cand n
	FIXUP_SPACE_PLACEHOLDER=
	[ -f "$f" ] || { echo "unix_space: no net/unix"; return 0; }
	n=$(LC_ALL=C perl -ne 'next if $.==1; if (/^(\s*\S+(?:\s+\S+){6}) (.*)$/) { $p=$2; $c++ if $p =~ / / } END{print $c+0}' "$f")
	if [ "$n" -eq 0 ]; then
		echo "unix_space: no unix path contains a space: nothing changed"
		return 0
	fi
	if ! cand=$(_fixup_free_byte "$tree" "${FIXUP_PAREN_PLACEHOLDER:-}"); then
		echo "unix_space: ERROR: no placeholder byte is free in this tree" >&2
		return 1
	fi
	LC_ALL=C PH="$(_fixup_byte "$cand")" perl -pe 'if ($. > 1 && /^(\s*\S+(?:\s+\S+){6}) (.*)$/) { my ($h,$p)=($1,$2); $p =~ s/ /$ENV{PH}/g; $_ = "$h $p" . (/\n\z/ ? "\n" : "") }' "$f" | _fixup_rewrite "$f"
	FIXUP_SPACE_PLACEHOLDER=$cand
	echo "unix_space: $n unix path(s) contain spaces; spaces replaced by byte \\$cand in the input, mapped back to spaces in stdout"
}

# (d) ss 6.1 reads the command name from <pid>/stat with "%*d (%[^)])", so a
# name holding ')' is cut there (both in users:(("comm",...)) and in the
# comm/pid guess for netlink ports). lsock prints the whole name (the kernel
# writes it between the first '(' and the last ')'). Correction: in the copy
# ss reads, replace each ')' inside the name with an unused byte, mapped back
# to ')' in ss's stdout (one byte for one byte: widths stay exact).
# Sets FIXUP_PAREN_PLACEHOLDER when anything changed.
fixup_comm_paren_prepare() { # TREE
	local tree=$1 f n=0 cand list
	FIXUP_PAREN_PLACEHOLDER=
	list=$(LC_ALL=C find "$tree" -mindepth 1 -maxdepth 4 -type f -name stat \
		\( -path "$tree/[0-9]*/stat" -o -path "$tree/[0-9]*/task/[0-9]*/stat" \) |
		while IFS= read -r f; do
			if LC_ALL=C perl -0777 -ne 'exit(/^[^(]*\((.*)\)/s && $1 =~ /\)/ ? 0 : 1)' "$f"; then
				printf '%s\n' "$f"
			fi
		done)
	if [ -z "$list" ]; then
		echo "comm_paren: no command name contains ')': nothing changed"
		return 0
	fi
	if ! cand=$(_fixup_free_byte "$tree" "${FIXUP_SPACE_PLACEHOLDER:-}"); then
		echo "comm_paren: ERROR: no placeholder byte is free in this tree" >&2
		return 1
	fi
	while IFS= read -r f; do
		LC_ALL=C PH="$(_fixup_byte "$cand")" perl -0777 -pe 's/^([^(]*\()(.*)(\))/my ($a,$c,$z)=($1,$2,$3); $c =~ s{\)}{$ENV{PH}}g; "$a$c$z"/se' "$f" | _fixup_rewrite "$f"
		n=$((n + 1))
		echo "comm_paren: ${f#"$tree"/}: ')' in the command name replaced by byte \\$cand"
	done <<<"$list"
	FIXUP_PAREN_PLACEHOLDER=$cand
	echo "comm_paren: $n stat file(s) changed; the byte is mapped back to ')' in stdout"
}

fixup_output_restore() { # stdin -> stdout
	local from='' to=''
	if [ -n "$FIXUP_SPACE_PLACEHOLDER" ]; then
		from+="\\$FIXUP_SPACE_PLACEHOLDER"
		to+=' '
	fi
	if [ -n "$FIXUP_PAREN_PLACEHOLDER" ]; then
		from+="\\$FIXUP_PAREN_PLACEHOLDER"
		to+=')'
	fi
	if [ -n "$from" ]; then
		LC_ALL=C tr "$from" "$to"
	else
		cat
	fi
}

# Which whitespace field (1-based) holds the socket inode in each /proc/net
# file; 0 = no inode column known.
_fixup_inode_field() { # BASENAME
	case $1 in
	tcp | tcp6 | udp | udp6 | udplite | udplite6 | raw | raw6) echo 10 ;;
	unix) echo 7 ;;
	packet) echo 9 ;;
	netlink) echo 10 ;;
	*) echo 0 ;;
	esac
}

# Parse a BADLINES file into "KIND PATH LINENO" lines: KIND is bad (a
# malformed line: lsock skips it with a warning) or dup (a repeated inode:
# dropped silently); PATH is relative to the proc tree (net/tcp).
# Accepted line forms (comments with #, blank lines ignored):
#   bad net/tcp 4 6 8      dup net/tcp 10
#   net/tcp: 3 5 9         tcp 3,5,9        (older forms: kind bad)
fixup_badlines_entries() { # BADLINES
	LC_ALL=C awk '
		{ sub(/#.*/, "") }
		NF == 0 { next }
		{
			kind = "bad"; i = 1
			if ($1 == "bad" || $1 == "dup") { kind = $1; i = 2 }
			f = $i; sub(/:$/, "", f); sub(/^\/?proc\//, "", f)
			if (f !~ /\//) f = "net/" f
			for (i++; i <= NF; i++) {
				n = split($i, a, /[,:]/)
				for (j = 1; j <= n; j++) if (a[j] ~ /^[0-9]+$/) print kind, f, a[j] + 0
			}
		}' "$1"
}
# "FILE LINENO" of the bad (not dup) entries under net/, FILE a basename.
fixup_badlines_pairs() { # BADLINES
	fixup_badlines_entries "$1" | awk '$1 == "bad" && $2 ~ /^net\/[^\/]+$/ { sub(/^net\//, "", $2); print $2, $3 }'
}

# (c1) lsock skips malformed lines (with a warning on stderr) where ss 6.1
# does various things: the generic reader abandons the whole file at a line
# of 256 bytes or more, sscanf failures print garbage or zeroed rows.
# Correction, used for the "malformed" fixture: give ss a copy without the
# lines BADLINES lists (1-based line numbers of the original files), both the
# "bad" ones and the "dup" ones (repeated inodes, see c2).
fixup_drop_badlines() { # TREE BADLINES
	local tree=$1 bl=$2 file total=0 n lines
	[ -f "$bl" ] || { echo "drop_badlines: no BADLINES file"; return 0; }
	for file in $(fixup_badlines_entries "$bl" | awk '{print $2}' | sort -u); do
		[ -f "$tree/$file" ] || continue
		lines=$(fixup_badlines_entries "$bl" | awk -v f="$file" '$2 == f {print $3}' | sort -n | tr '\n' ' ')
		n=$(echo "$lines" | wc -w)
		total=$((total + n))
		LC_ALL=C BAD="$lines" perl -ne 'BEGIN{ %b = map { $_ => 1 } split " ", $ENV{BAD} } print unless $b{$.}' \
			"$tree/$file" | _fixup_rewrite "$tree/$file"
		echo "drop_badlines: $file: removed line(s) ${lines% }"
	done
	echo "drop_badlines: $total line(s) removed in total (bad and dup entries of BADLINES)"
}

# (c2) lsock drops a line whose (nonzero) inode repeats an earlier line's in
# the same file (a socket seen twice while /proc was read); ss prints both.
# Correction: remove such later duplicates from the copy ss reads. Run after
# fixup_drop_badlines, so malformed lines never count as "earlier".
fixup_dedupe_inodes() { # TREE
	local tree=$1 f base fld n total=0
	for f in "$tree"/net/*; do
		[ -f "$f" ] || continue
		base=${f##*/}
		fld=$(_fixup_inode_field "$base")
		[ "$fld" -gt 0 ] || continue
		n=$(LC_ALL=C FLD=$fld perl -ne 'next if $.==1; @f=split " "; $i=$f[$ENV{FLD}-1]; next unless defined $i && $i =~ /^[0-9]+$/ && $i != 0; $c++ if $seen{$i}++; END{print $c+0}' "$f")
		[ "$n" -gt 0 ] || continue
		LC_ALL=C FLD=$fld perl -ne 'if ($.==1) { print; next } @f=split " "; $i=$f[$ENV{FLD}-1]; if (defined $i && $i =~ /^[0-9]+$/ && $i != 0) { next if $seen{$i}++ } print' \
			"$f" | _fixup_rewrite "$f"
		total=$((total + n))
		echo "dedupe_inodes: net/$base: removed $n later duplicate line(s)"
	done
	echo "dedupe_inodes: $total duplicate line(s) removed in total"
}

# Apply every input fixup to TREE (a private copy). FIXTURE_DIR is the
# committed fixture (for BADLINES).
fixup_apply_input() { # TREE FIXTURE_DIR
	local tree=$1 fx=$2
	if [ -f "$fx/BADLINES" ]; then
		fixup_drop_badlines "$tree" "$fx/BADLINES"
	fi
	fixup_dedupe_inodes "$tree"
	fixup_unix_num_zero "$tree"
	fixup_comm_paren_prepare "$tree"
	fixup_unix_space_prepare "$tree"
}

# Filter ss's stdout.
fixup_apply_output() {
	fixup_output_restore
}
