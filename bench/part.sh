# part.sh: what every bench part (bench/*.sh) shares. Sourced, not run:
#   . "$(dirname "$0")/part.sh"; part_init NAME "$@"
# part_init parses "OUTDIR [--quick]", refuses an OUTDIR that is not new or
# empty (a bench never overwrites results), installs what is missing, and
# leaves the shell at the repository root with $out (absolute OUTDIR),
# $quick ("" or --quick), $tmp (a scratch directory removed at exit) and
# $part (NAME, for messages), with ci/lib/manifest.sh's, engines.sh's and
# build.sh's functions loaded (AFL++ starts with sh ci/tools/afl_fuzz.sh).

part_die() {	# part_die MESSAGE: stops the part with MESSAGE on stderr
	echo "$part.sh: $1" >&2
	exit 2
}

part_init() {
	part=$1
	shift
	outdir= quick=
	for a in "$@"; do
		case $a in
		--quick) quick=--quick ;;
		-h | --help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;;
		-*) part_die "unknown option: $a (usage: sh bench/$part.sh OUTDIR [--quick])" ;;
		*)
			[ -z "$outdir" ] || part_die "more than one OUTDIR: $outdir and $a"
			outdir=$a
			;;
		esac
	done
	[ -n "$outdir" ] || part_die "OUTDIR missing (usage: sh bench/$part.sh OUTDIR [--quick])"
	if [ -e "$outdir" ] || [ -L "$outdir" ]; then
		[ -d "$outdir" ] || part_die "$outdir exists and is not a directory"
		[ -z "$(ls -A "$outdir")" ] ||
			part_die "$outdir is not empty: give a new directory, nothing is overwritten"
	fi
	mkdir -p "$outdir" 2>/dev/null || part_die "cannot create $outdir"
	out=$(cd "$outdir" && pwd)
	cd "$(dirname "$0")/.."
	sh ci/setup.sh || exit 1
	. ci/lib/manifest.sh
	. ci/lib/engines.sh
	. ci/lib/build.sh
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
}

part_build() {	# part_build BAZEL-BUILD-ARGS...: builds, or stops with the log's tail
	echo "$part.sh: bazel build $*" >&2
	bazel build "$@" >"$tmp/build.log" 2>&1 ||
		{ tail -n 30 "$tmp/build.log" >&2; part_die "build failed: bazel build $*"; }
}

gp() {	# gp GNUPLOT-ARGS...: draws one plot, or stops with gnuplot's errors
	gnuplot "$@" 2>"$tmp/gp.log" || { cat "$tmp/gp.log" >&2; part_die "gnuplot failed: $*"; }
}
