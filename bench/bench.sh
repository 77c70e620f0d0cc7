#!/bin/sh
# The bench command (benchmarks: they print figures, they are never timed
# tests).  Runs each part of bench/ into its own directory of OUT and
# writes OUT/report.md (the machine, then every part's section; PNG plots
# drawn with gnuplot beside them), then prints the report:
#   throughput     exec/s per target and checking mode, replay and live
#   coverage_time  allocator edges against seconds from an empty corpus
#   time_to_bug    trials per finding on its single-bug variant, four arms
#                  of the deep-state aids (plain, mutator, feedback, both)
#   space          the allocators' pages against ideal on compressed pages
#   mutation       the share of injected allocator faults the oracles report
# Run: sh bench/bench.sh [--quick] [--out OUT] [PART...]
#   --quick: a smoke run of every part (a few minutes, mostly builds)
#   OUT: a new directory (default out/bench-<date>); nothing is overwritten
#   PART: only these parts (each also runs alone: sh bench/PART.sh DIR)
# The full run takes hours on 2 cores (time_to_bug's 720 trials of up to
# 120 s); each part says its sizes, and runs alone with smaller ones.
set -eu
cd "$(dirname "$0")/.."
quick= out=
all="throughput coverage_time time_to_bug space mutation"
while [ $# -gt 0 ]; do
	case $1 in
	--quick) quick=--quick; shift ;;
	--out) [ $# -ge 2 ] || { echo "bench: --out needs a directory" >&2; exit 2; }; out=$2; shift 2 ;;
	-h | --help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;;
	-*) echo "bench: unknown option $1 (see the first lines of bench/bench.sh)" >&2; exit 2 ;;
	*) break ;;
	esac
done
parts=${*:-$all}
for p in $parts; do
	case " $all " in *" $p "*) ;; *) echo "bench: no part $p (parts: $all)" >&2; exit 2 ;; esac
done
. ci/lib/out.sh
out=$(new_out bench "${out:-out/bench-$(date +%Y%m%d-%H%M%S)}") || exit 2
sh ci/setup.sh

started=$(date +%s)
for p in $parts; do
	echo "bench: $p" >&2
	sh "bench/$p.sh" "$out/$p" $quick >"$out/$p.log" 2>&1 ||
		{ tail -n 30 "$out/$p.log" >&2; echo "bench: part $p failed, see $out/$p.log" >&2; exit 1; }
done

{
	echo "# allocfuzz bench$([ -n "$quick" ] && echo " (--quick: smoke sizes, not figures to quote)")"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "- machine: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(nproc) cores, $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), Linux $(uname -r)"
	echo "- tools: $(clang-14 --version | head -n 1); afl++ $(dpkg-query -W -f='${Version}' afl++ 2>/dev/null); $(gnuplot --version)"
	echo "- parts: $parts; $(( ($(date +%s) - started + 30) / 60 )) min in all"
	for p in $parts; do
		echo
		# Plots sit in the part's directory.
		sed "s#](\([^)/]*\.png\))#]($p/\1)#g" "$out/$p/$p.md"
	done
} >"$out/report.md"
cat "$out/report.md"
echo "bench: report, plots and data in $out" >&2
