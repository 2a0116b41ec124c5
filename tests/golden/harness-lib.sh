# shellcheck shell=bash
# The frame shared by the golden scripts: the compare scripts ss-golden.sh,
# netstat-golden.sh and netstat-modes-golden.sh (options, finding lsock,
# setup checks, pass/fail bookkeeping, the per-case comparisons) and the
# regen scripts regen-ss.sh, regen-netstat.sh and regen-netstat-modes.sh
# (setup checks, the fixed-up tree copy, running the real tool twice,
# installing the expected files). What a case is and how it runs stays in
# golden-lib.sh, netstat-lib.sh and netstat-modes-lib.sh.
#
# The script sets here (its directory) and sources this file, which sets
# GL_TOP and brings in golden-lib.sh and oracle-fixups.sh; it sets GH_NAME
# (its name without .sh, the prefix of its messages) before calling any
# gh_ function.

GL_TOP=$(cd "$here/../.." && pwd)
# shellcheck source=tests/golden/golden-lib.sh
. "$here/golden-lib.sh"
# shellcheck source=tests/golden/oracle-fixups.sh
. "$here/oracle-fixups.sh"

# ---------------------------------------------------------------------------
# Both kinds.

# When the script was started as `SCRIPT __inner ARGS...` (inside the
# namespace): run the script's inner() with ARGS, a failing command
# reported with its line, and exit 0. Otherwise return.
gh_inner_main() { # "$@"
	[ "${1:-}" = __inner ] || return 0
	shift
	trap 'echo "$GH_NAME: inner: command failed (line $LINENO, exit $?)" >&2' ERR
	set -E
	inner "$@"
	exit 0
}

# Run this script's inner() with ARGS in a new network and mount namespace
# (unshare options in uopts, from gl_unshare_opts).
gh_unshare_inner() { # ARGS...
	# shellcheck disable=SC2086,SC2154 # uopts: word list; here: the script's
	unshare $uopts -- bash "$here/$GH_NAME.sh" __inner "$@"
}

# The first of TOOLS that is not on PATH, printed; returns 1 when all are.
gh_missing_tool() { # TOOL...
	local t
	for t; do
		command -v "$t" >/dev/null || {
			echo "$t"
			return 0
		}
	done
	return 1
}

# Make the scratch directory "work" (removed on exit) from TEMPLATE, with
# work/m, the namespaces' tmpfs mount point.
gh_workdir() { # MKTEMP_TEMPLATE
	work=$(mktemp -d "$1")
	trap 'rm -rf "$work"' EXIT
	mkdir -p "$work/m"
}

# The byteorder of fixture FIXTURE_DIR (its META) when the fixture cannot
# run on a host of byteorder HOST, else nothing: fixtures without one, of
# byteorder "any" or HOST's run.
gh_foreign_bo() { # FIXTURE_DIR HOST
	local bo
	bo=$(gl_meta "$1" byteorder)
	[ -z "$bo" ] || [ "$bo" = any ] || [ "$bo" = "$2" ] || echo "$bo"
}

# ---------------------------------------------------------------------------
# The compare scripts.

# Counts of the cases passed, failed and skipped (gh_pass, gh_fail, gh_skip).
pass=0 fail=0 skip=0

# Parse the options -f REGEX, -c REGEX and -v into fx_re, case_re and
# verbose; any other option: usage on stderr, exit 99.
gh_options() { # "$@"
	local o
	fx_re='' case_re='' verbose=0
	while getopts 'f:c:v' o; do
		case $o in
		f) fx_re=$OPTARG ;;
		c) case_re=$OPTARG ;;
		v) verbose=1 ;;
		*)
			echo "usage: $GH_NAME.sh [-f FIXTURE_REGEX] [-c CASE_REGEX] [-v]" >&2
			exit 99
			;;
		esac
	done
}

# Set and export LSOCK: $LSOCK, else $top_builddir/lsock (top_builddir
# defaults to . when ./lsock exists, else to the source tree GL_TOP), made
# absolute when it is a relative path. Exports MATERIALIZE when set.
gh_find_lsock() {
	top_builddir=${top_builddir:-}
	if [ -z "$top_builddir" ]; then
		if [ -x ./lsock ]; then top_builddir=.; else top_builddir=$GL_TOP; fi
	fi
	LSOCK=${LSOCK:-$top_builddir/lsock}
	case $LSOCK in /*) ;; */*) LSOCK=$(cd "$(dirname "$LSOCK")" && pwd)/${LSOCK##*/} ;; esac
	export LSOCK
	[ -z "${MATERIALIZE:-}" ] || export MATERIALIZE
}

# A setup error: the message on stderr, exit 99.
gh_setup_error() { # MESSAGE...
	echo "$GH_NAME: ERROR: $*" >&2
	exit 99
}

# The setup every compare script needs, else exit 99: LSOCK executable
# (with ANY_COMMAND "path" also a command found on PATH), the TOOLS on
# PATH, and the expected files in EXPECTED_DIR (made by REGEN_SCRIPT).
gh_check_setup() { # ANY_COMMAND(path|-) REGEN_SCRIPT TOOL...
	local by_path=$1 regen=$2 t
	shift 2
	if [ ! -x "$LSOCK" ] &&
		{ [ "$by_path" != path ] || ! command -v "$LSOCK" >/dev/null 2>&1; }; then
		gh_setup_error "no lsock binary at $LSOCK (build it, or set LSOCK)"
	fi
	! t=$(gh_missing_tool "$@") || gh_setup_error "missing tool: $t"
	[ -d "$EXPECTED_DIR" ] ||
		gh_setup_error "no expected files in $EXPECTED_DIR (run tests/golden/$regen)"
}

# Set uopts (gl_unshare_opts), or say SKIP and exit 77 when no network
# namespace can be made (99 instead with CI_STRICT "ci" and CI=true).
gh_need_netns() { # CI_STRICT(ci|-)
	if ! uopts=$(gl_unshare_opts); then
		echo "$GH_NAME: SKIP: cannot create a network namespace (needs root or user namespaces)"
		[ "$1" != ci ] || [ "${CI:-}" != true ] || exit 99
		exit 77
	fi
}

# Whether every line of FILE (sha256sum output, absolute paths) still
# matches its file on this host; false when FILE is missing or empty.
gh_hashes_ok() { # FILE
	[ -s "$1" ] && sha256sum --quiet -c "$1" >/dev/null 2>&1
}

# Count a case passed, skipped or failed; passes and skips are printed
# with -v only, failures always.
gh_pass() { pass=$((pass + 1)); [ "$verbose" = 0 ] || echo "PASS: $1"; }
gh_skip() { skip=$((skip + 1)); [ "$verbose" = 0 ] || echo "SKIP: $1"; }
gh_fail() { fail=$((fail + 1)); echo "FAIL: $1"; }

# Print a unified diff of EXPECTED and ACTUAL under "--- WHAT:", cut to
# MAXLINES lines (default 30), control bytes made visible.
gh_show_diff() { # WHAT EXPECTED ACTUAL [MAXLINES]
	echo "--- $1:"
	diff -a -u --label expected --label actual "$2" "$3" | head -n "${4:-30}" | cat -v || true
}

# Write the cases (ID<TAB>ARGS lines on stdin) that run on fixture NAME
# into LIST: those whose ID matches case_re and that FILTER NAME ID ARGS
# accepts (FILTER counts its own skips and failures, and returns 1 for them).
gh_select_cases() { # NAME LIST FILTER
	local name=$1 list=$2 filter=$3 id args
	: >"$list"
	while IFS=$'\t' read -r id args; do
		[ -n "$id" ] || continue
		[ -z "$case_re" ] || [[ $id =~ $case_re ]] || continue
		"$filter" "$name" "$id" "${args:-}" || continue
		printf '%s\t%s\n' "$id" "${args:-}" >>"$list"
	done
}

# Run the cases of LIST for fixture FIXTURE_DIR in the namespace
# (inner FIXTURE_DIR LIST ACTDIR work/m), results into ACTDIR.
gh_run_fixture() { # FIXTURE_DIR LIST ACTDIR
	mkdir -p "$3"
	gh_unshare_inner "$1" "$2" "$3" "$work/m"
}

# The comparisons of one case ID's results in ACTDIR with EXPDIR; each
# appends what differs to gh_msgs ("...; ").
gh_cmp_out() { # EXPDIR ACTDIR ID
	cmp -s "$1/$3.out" "$2/$3.out" || gh_msgs+="stdout differs; "
}
gh_cmp_err() { # EXPDIR ACTDIR ID
	cmp -s "$1/$3.err" "$2/$3.err" || gh_msgs+="stderr differs; "
}
gh_cmp_rc() { # EXPDIR ACTDIR ID
	local want got
	want=$(cat "$1/$3.rc") got=$(cat "$2/$3.rc")
	[ "$want" = "$got" ] || gh_msgs+="exit code $got, want $want; "
}

# Count the case LABEL passed when gh_msgs is empty; else failed, with
# ARGS, the messages and the diffs of stdout and stderr (those that differ,
# MAXLINES lines each); the caller sees which by gh_msgs.
gh_report() { # LABEL ARGS EXPDIR ACTDIR ID [MAXLINES]
	if [ -z "$gh_msgs" ]; then
		gh_pass "$1"
		return
	fi
	gh_fail "$1 (${2:-no args}): ${gh_msgs%; }"
	[[ $gh_msgs != *"stdout differs"* ]] || gh_show_diff stdout "$3/$5.out" "$4/$5.out" "${6:-30}"
	[[ $gh_msgs != *"stderr differs"* ]] || gh_show_diff stderr "$3/$5.err" "$4/$5.err" "${6:-30}"
}

# A failure when no fixture ran (NFX 0) though neither -f nor -c was given.
gh_check_ran() { # NFX MESSAGE
	if [ "$1" = 0 ] && [ -z "$fx_re" ] && [ -z "$case_re" ]; then
		gh_fail "$2"
	fi
}

# The last line, "NAME: N passed, N failed, N skipped"; false when some
# case failed (the script's exit code).
gh_summary() {
	echo "$GH_NAME: $pass passed, $fail failed, $skip skipped"
	[ "$fail" = 0 ]
}

# ---------------------------------------------------------------------------
# The regen scripts.

# A fatal error: the message on stderr, exit 1.
gh_die() { # MESSAGE...
	echo "$GH_NAME: $*" >&2
	exit 1
}

# Refuse (exit 1) unless the first line of `CMD -V` matches GLOB (default:
# is WANT).
gh_need_version() { # CMD WANT [GLOB]
	local ver
	ver=$("$1" -V 2>&1 | head -n 1 || true)
	# shellcheck disable=SC2254
	case $ver in
	${3:-"$2"}) ;;
	*) gh_die "refusing: '$1 -V' says '$ver', want $2" ;;
	esac
}

# Exit 1 unless every case line of FILE has NFIELDS tab-separated fields
# (FORMAT names them) and a unique ID of letters, digits and _ . -.
gh_check_cases() { # FILE NFIELDS FORMAT
	local dup bad
	dup=$(gl_cases "$1" | cut -f1 | sort | uniq -d)
	[ -z "$dup" ] || gh_die "$1: duplicate IDs: $dup"
	bad=$(gl_cases "$1" | cut -f1 | grep -v '^[A-Za-z0-9_.-]*$' || true)
	[ -z "$bad" ] || gh_die "$1: bad IDs: $bad"
	gl_cases "$1" | awk -F'\t' -v n="$2" 'NF != n { print "bad line: " $0; e = 1 } END { exit e }' >&2 ||
		gh_die "$1: lines must be $3"
}

# Inside the namespace: materialize fixture FIXTURE_DIR as MNT/t, run
# FIXUP... MNT/t FIXTURE_DIR on it (its stdout into OUTDIR/.fixups), and
# keep what that changed as OUTDIR/oracle-input.diff (none when nothing).
gh_fixed_tree() { # FIXTURE_DIR MNT OUTDIR FIXUP...
	local fx=$1 mnt=$2 out=$3
	shift 3
	gl_materialize "$fx" "$mnt/o"
	gl_materialize "$fx" "$mnt/t"
	"$@" "$mnt/t" "$fx" >"$out/.fixups"
	(cd "$mnt" && diff -ruN --no-dereference o t | sed -E 's/^((---|\+\+\+) [^\t]*)\t.*/\1/' >"$out/oracle-input.diff") || true
	[ -s "$out/oracle-input.diff" ] || rm -f "$out/oracle-input.diff"
	rm -rf "$mnt/o"
}

# Run RUN... OUT ERR twice, into DIR/o1 DIR/e1 and DIR/o2 DIR/e2 (RUN
# echoes the exit code: gl_run, ns_run, ...); the codes into gh_rc1, gh_rc2.
gh_twice() { # DIR RUN...
	local dir=$1
	shift
	# shellcheck disable=SC2034 # read by the caller
	gh_rc1=$("$@" "$dir/o1" "$dir/e1")
	# shellcheck disable=SC2034 # read by the caller
	gh_rc2=$("$@" "$dir/o2" "$dir/e2")
}

# Whether the two runs of gh_twice printed the same stdout (and with
# WITH_ERR "err" the same stderr).
gh_same_twice() { # DIR [WITH_ERR]
	cmp -s "$1/o1" "$1/o2" || return 1
	[ "${2:-}" != err ] || cmp -s "$1/e1" "$1/e2"
}

# Replace EXPECTED_DIR with the staged files (work/stage) and say so.
gh_install_stage() { # NFX
	mkdir -p "$(dirname "$EXPECTED_DIR")"
	rm -rf "$EXPECTED_DIR"
	cp -R "$work/stage" "$EXPECTED_DIR"
	echo "$GH_NAME: wrote $EXPECTED_DIR ($1 fixture(s))"
}
