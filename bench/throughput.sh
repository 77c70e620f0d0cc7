#!/bin/sh
# throughput.sh: harness throughput (a benchmark: it prints figures, it is not
# a timed test).  Builds every fuzz target's libFuzzer binary on ASan+UBSan,
# the build that CI and OSS-Fuzz fuzz with, and measures exec/s on one core
# under each checking mode (ALLOCFUZZ_CHECK=none, incremental, full):
#   replay: the committed corpus, every file run RUNS times (libFuzzer -runs
#           with files: no mutation, the same inputs in every mode);
#   live:   libFuzzer for SECONDS from the committed corpus with -seed=1 and
#           the dictionary, as a campaign fuzzes (its own final stats).
# Ratios are the slow-down of each mode against none in the same run.
# Writes OUTDIR/throughput.md and OUTDIR/data/*.tsv, and prints the report.
# Run: sh bench/throughput.sh OUTDIR [--quick]
#   full: RUNS=2000, SECONDS=60;  --quick: RUNS=20, SECONDS=3
set -eu

. "$(dirname "$0")/part.sh"
part_init throughput "$@"
mkdir -p "$out/data"
if [ -n "$quick" ]; then runs=20 seconds=3; else runs=2000 seconds=60; fi
targets=$(lib_targets default)
modes="none incremental full"

part_build --config=asan-ubsan $(for t in $targets; do echo "//fuzzers:${t}_libfuzzer //corpus:$t"; done)
# Private copies: bazel-bin moves with every other build on the machine.
for t in $targets; do
	cp "bazel-bin/fuzzers/${t}_libfuzzer" "$tmp/"
	mkdir -p "$tmp/seeds-$t" && cp bazel-bin/corpus/bin/"$t"/* "$tmp/seeds-$t/"
done
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1

report() {	# report LOG: the first report line of a run that stopped, for the table
	line=$(sh ci/signature.sh --first-line <"$1") || line="exit without a report line"
	echo "$line" | cut -c1-100
}

# replay TARGET MODE: prints "exec/s inputs"; libFuzzer prints one
# "Executed FILE in N ms" per file, over all RUNS, start-up excluded.
replay() {
	log=$tmp/replay-$1-$2.log
	if ! ALLOCFUZZ_CHECK=$2 "$tmp/${1}_libfuzzer" -runs="$runs" "$tmp/seeds-$1"/* >"$log" 2>&1; then
		echo "throughput.sh: $1 ($2) replay reported: $(report "$log")" >&2
		echo "report -"
		return
	fi
	awk -v runs="$runs" '/^Executed .* in [0-9]+ ms$/ { n++; ms += $(NF - 1) }
		END { printf "%.0f %d\n", n * runs / (ms / 1000), n * runs }' "$log"
}

# live TARGET MODE: prints "exec/s executions peak-rss-MB", from libFuzzer's final stats.
live() {
	log=$tmp/live-$1-$2.log
	rm -rf "$tmp/corpus" && mkdir "$tmp/corpus" && cp "$tmp/seeds-$1"/* "$tmp/corpus/"
	mkdir -p "$out/artifacts"
	if ! ALLOCFUZZ_CHECK=$2 "$tmp/${1}_libfuzzer" -seed=1 -max_total_time="$seconds" \
		-print_final_stats=1 -dict=corpus/allocfuzz.dict \
		-artifact_prefix="$out/artifacts/$1-$2-" "$tmp/corpus" >"$log" 2>&1; then
		echo "throughput.sh: $1 ($2) live run reported: $(report "$log"); input in $out/artifacts/" >&2
		echo "report - -"
		return
	fi
	awk '/^stat::average_exec_per_sec:/ { r = $2 } /^stat::number_of_executed_units:/ { n = $2 }
		/^stat::peak_rss_mb:/ { m = $2 } END { print r, n, m }' "$log"
}

ratio() {	# ratio NONE OTHER: how many times slower OTHER is than NONE
	awk -v n="$1" -v o="$2" 'BEGIN { if (n + 0 > 0 && o + 0 > 0) printf "%.2f", n / o; else print "-" }'
}

tsv=$out/data/throughput.tsv
printf 'target\tmethod\tmode\texec_per_sec\texecutions\tpeak_rss_mb\n' >"$tsv"
for t in $targets; do
	for m in $modes; do
		echo "throughput.sh: $t, $m: replay x$runs, live ${seconds}s" >&2
		set -- $(replay "$t" "$m")
		printf '%s\treplay\t%s\t%s\t%s\t-\n' "$t" "$m" "$1" "$2" >>"$tsv"
		set -- $(live "$t" "$m")
		printf '%s\tlive\t%s\t%s\t%s\t%s\n' "$t" "$m" "$1" "$2" "$3" >>"$tsv"
	done
done
rate() {	# rate TARGET METHOD MODE
	awk -F '\t' -v t="$1" -v w="$2" -v m="$3" '$1 == t && $2 == w && $3 == m { print $4 }' "$tsv"
}
inputs=$(for t in $targets; do ls "$tmp/seeds-$t"; done | wc -l)
bytes=$(cat "$tmp"/seeds-*/* | wc -c)
{
	echo "## Harness throughput"
	echo
	echo "exec/s of each fuzz target's libFuzzer binary (ASan+UBSan, -O1), one core,"
	echo "per checking mode (\`ALLOCFUZZ_CHECK\`), and each mode's slow-down against"
	echo "\`none\` in the same run. Replay: the committed corpus ($inputs inputs, $bytes bytes"
	echo "in all), every input $runs times, the same inputs in every mode. Live: libFuzzer"
	echo "for $seconds s from the committed corpus, \`-seed=1\`, the dictionary."
	echo "Aims (issue 7): incremental at least 10,000 exec/s per core, and no more than"
	echo "2x slower than none."
	echo
	echo "| target | method | none | incremental | full | incremental/none | full/none | aims met |"
	echo "|---|---|---:|---:|---:|---:|---:|---|"
	for t in $targets; do
		for w in replay live; do
			n=$(rate "$t" $w none) i=$(rate "$t" $w incremental) f=$(rate "$t" $w full)
			ri=$(ratio "$n" "$i") rf=$(ratio "$n" "$f")
			met=$(awk -v i="$i" -v r="$ri" 'BEGIN {
				if (i !~ /^[0-9]+$/ || r == "-") { print "report, see stderr"; exit }
				a = (i >= 10000) ? "yes" : "no: " i " < 10,000"
				b = (r <= 2) ? "yes" : "no: " r "x"
				print a " / " b }')
			echo "| $t | $w | $n | $i | $f | $ri | $rf | $met |"
		done
	done
	echo
	echo "Peak RSS of the live runs (MB, libFuzzer's \`stat::peak_rss_mb\`):"
	echo
	echo "| target | none | incremental | full |"
	echo "|---|---:|---:|---:|"
	for t in $targets; do
		echo "| $t | $(for m in $modes; do awk -F '\t' -v t="$t" -v m="$m" '$1 == t && $2 == "live" && $3 == m { printf "%s | ", $6 }' "$tsv"; done)" | sed 's/ | $/ |/'
	done
} >"$out/throughput.md"
cat "$out/throughput.md"
