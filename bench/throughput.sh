#!/bin/sh
# throughput.sh: harness throughput (a benchmark: it prints figures, it is not
# a timed test).  Builds every fuzz target's libFuzzer binary on ASan+UBSan,
# the build that CI and OSS-Fuzz fuzz with, and measures exec/s on one core
# under each checking mode (ALLOCFUZZ_CHECK=none, incremental, full), and
# the same targets built bare (config bare: no sanitizer; no oracle: check
# none and every ALLOCFUZZ_OFF switch), the physical limit of these inputs
# on this machine:
#   replay: the committed corpus, every file run RUNS times (libFuzzer -runs
#           with files: no mutation, the same inputs in every mode), in
#           exec/s and operations/s (each input's operations as opstext
#           decodes them: a rate independent of input length);
#   live:   libFuzzer for SECONDS from the committed corpus with -seed=1 and
#           the dictionary, as a campaign fuzzes (its own final stats);
#   cost:   the replay again with one oracle off at a time (ALLOCFUZZ_OFF=
#           each name the binaries list, and the checker by ALLOCFUZZ_CHECK=
#           none), then all of them, and bare: each oracle's share of the
#           time; medians of 3 rounds through all those modes, RUNS/4 each;
#   AFL++:  afl-fuzz for SECONDS on the same corpus (incremental, custom
#           mutator, no CMPLOG: the target's own speed), execs_done over
#           run_time of its fuzzer_stats, and its target_mode (persistent,
#           shared-memory test cases).
# Ratios are each mode's slow-down against none and against bare, in the
# same run. Writes OUTDIR/throughput.md and OUTDIR/data/*.tsv, and prints
# the report.
# Run: sh bench/throughput.sh OUTDIR [--quick]
#   full: RUNS=2000, SECONDS=60;  --quick: RUNS=20, SECONDS=3
set -eu

. "$(dirname "$0")/part.sh"
part_init throughput "$@"
mkdir -p "$out/data"
if [ -n "$quick" ]; then runs=20 seconds=3; else runs=2000 seconds=60; fi
targets=$(manifest_targets default)
modes="bare none incremental full"

# Private copies: bazel-bin moves with every other build on the machine.
part_build --config=bare $(for t in $targets; do echo "//fuzzers:${t}_libfuzzer"; done)
for t in $targets; do cp "bazel-bin/fuzzers/${t}_libfuzzer" "$tmp/bare-${t}_libfuzzer"; done
part_build --config=asan-ubsan //fuzzers:opstext //fuzzers:xvmalloc_fuzz_replay \
	$(for t in $targets; do echo "//fuzzers:${t}_libfuzzer //corpus:$t"; done)
for t in $targets; do
	cp "bazel-bin/fuzzers/${t}_libfuzzer" "$tmp/"
	mkdir -p "$tmp/seeds-$t" && cp bazel-bin/corpus/bin/"$t"/* "$tmp/seeds-$t/"
	for f in "$tmp/seeds-$t"/*; do	# "FILE OPERATIONS", for operations/s
		echo "$f $(bazel-bin/fuzzers/opstext decode "$f" | grep -vc '^#')"
	done >"$tmp/ops-$t"
done
# The oracles the binaries can switch off for the cost table (fuzz_input.c's list).
: >"$tmp/empty-input"
switches=$(ALLOCFUZZ_OFF=list bazel-bin/fuzzers/xvmalloc_fuzz_replay "$tmp/empty-input") ||
	part_die "the binaries do not list their oracle switches (ALLOCFUZZ_OFF=list)"
all_off=$(echo $switches | tr ' ' ,)
mkdir "$tmp/afl"
build_bins "$tmp/afl" asan-ubsan "" afl $targets ||
	{ tail -n 30 "$tmp/afl/build.log" >&2; part_die "build failed (the AFL++ binaries)"; }
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1

report() {	# report LOG: the first report line of a run that stopped, for the table
	line=$(sh ci/tools/signature.sh --first-line <"$1") || line="exit without a report line"
	echo "$line" | cut -c1-100
}

binary() {	# binary TARGET MODE: the binary a mode runs, its ALLOCFUZZ_CHECK and ALLOCFUZZ_OFF
	case $2 in
	bare) echo "$tmp/bare-${1}_libfuzzer none $all_off" ;;	# no oracle at all
	off-all) echo "$tmp/${1}_libfuzzer none $all_off" ;;
	off-*) echo "$tmp/${1}_libfuzzer incremental ${2#off-}" ;;
	*) echo "$tmp/${1}_libfuzzer $2 -" ;;
	esac
}
run_off() {	# run_off OFF CMD...: CMD with ALLOCFUZZ_OFF=OFF, or as it is for -
	if [ "$1" = - ]; then shift; "$@"; else o=$1; shift; ALLOCFUZZ_OFF=$o "$@"; fi
}

# replay TARGET MODE: prints "exec/s inputs operations/s"; libFuzzer prints
# one "Executed FILE in N ms" per file, over all RUNS, start-up excluded.
replay() {
	log=$tmp/replay-$1-$2.log
	set -- "$1" "$2" $(binary "$1" "$2")
	if ! ALLOCFUZZ_CHECK=$4 run_off "$5" "$3" -runs="$runs" "$tmp/seeds-$1"/* >"$log" 2>&1; then
		echo "throughput.sh: $1 ($2) replay reported: $(report "$log")" >&2
		echo "report - -"
		return
	fi
	awk -v runs="$runs" 'FNR == NR { ops[$1] = $2; next }
		/^Executed .* in [0-9]+ ms$/ { n++; ms += $(NF - 1); k += ops[$2] }
		END { s = ms / 1000; printf "%.0f %d %.0f\n", n * runs / s, n * runs, k * runs / s }' \
		"$tmp/ops-$1" "$log"
}

# live TARGET MODE: prints "exec/s executions peak-rss-MB", from libFuzzer's final stats.
live() {
	log=$tmp/live-$1-$2.log
	set -- "$1" "$2" $(binary "$1" "$2")
	rm -rf "$tmp/corpus" && mkdir "$tmp/corpus" && cp "$tmp/seeds-$1"/* "$tmp/corpus/"
	mkdir -p "$out/artifacts"
	if ! ALLOCFUZZ_CHECK=$4 "$3" -seed=1 -max_total_time="$seconds" \
		-print_final_stats=1 -dict=corpus/allocfuzz.dict \
		-artifact_prefix="$out/artifacts/$1-$2-" "$tmp/corpus" >"$log" 2>&1; then
		echo "throughput.sh: $1 ($2) live run reported: $(report "$log"); input in $out/artifacts/" >&2
		echo "report - -"
		return
	fi
	awk '/^stat::average_exec_per_sec:/ { r = $2 } /^stat::number_of_executed_units:/ { n = $2 }
		/^stat::peak_rss_mb:/ { m = $2 } END { print r, n, m }' "$log"
}

# afl TARGET: prints "exec/s executions target_mode" of afl-fuzz on the corpus.
afl() {
	w=$tmp/afl-$1
	mkdir -p "$w/in" && cp "$tmp/seeds-$1"/* "$w/in/"
	if ! ALLOCFUZZ_CHECK=incremental sh ci/tools/afl_fuzz.sh "$tmp/afl/${1}_afl" "$w/in" "$w/out" \
		"$seconds" --no-cmplog >"$w/afl.log" 2>&1; then
		echo "throughput.sh: afl-fuzz on $1 failed: $(tail -n 3 "$w/afl.log" | tr '\n' ' ')" >&2
		echo "report - -"
		return
	fi
	sh ci/tools/reap.sh "$tmp"
	awk -F ' *: *' '$1 == "execs_done" { n = $2 } $1 == "run_time" { t = $2 }
		$1 == "target_mode" { m = $2; sub(/ +$/, "", m); gsub(/ +/, ",", m) }
		END { if (t > 0) printf "%.0f %d %s\n", n / t, n, m; else print "- - -" }' "$w/out/default/fuzzer_stats"
}

share() {	# share ON OFF: the share of the time that switching one thing off saves
	awk -v n="$1" -v o="$2" 'BEGIN { if (n + 0 > 0 && o + 0 > 0) printf "%.0f%%", 100 * (1 - n / o); else print "-" }'
}
ratio() {	# ratio FAST SLOW: how many times slower SLOW is than FAST
	awk -v n="$1" -v o="$2" 'BEGIN { if (n + 0 > 0 && o + 0 > 0) printf "%.2f", n / o; else print "-" }'
}

median() {	# median FILE: the median of its lines, or "report" if a run reported
	if grep -qv '^[0-9][0-9]*$' "$1"; then echo report; return; fi
	sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
cost_modes="incremental none $(for o in $switches all; do echo "off-$o"; done) bare"
cost_rounds=3 cost_runs=$((runs / 4 > 10 ? runs / 4 : 10))
tsv=$out/data/throughput.tsv
printf 'target\tmethod\tmode\texec_per_sec\texecutions\tpeak_rss_mb\tops_per_sec\tafl_target_mode\n' >"$tsv"
for t in $targets; do
	for m in $modes; do
		echo "throughput.sh: $t, $m: replay x$runs, live ${seconds}s" >&2
		set -- $(replay "$t" "$m")
		printf '%s\treplay\t%s\t%s\t%s\t-\t%s\n' "$t" "$m" "$1" "$2" "$3" >>"$tsv"
		set -- $(live "$t" "$m")
		printf '%s\tlive\t%s\t%s\t%s\t%s\t-\n' "$t" "$m" "$1" "$2" "$3" >>"$tsv"
	done
	# Cost: rounds through every mode, so a slow spell of the machine hits all alike.
	for r in $(seq "$cost_rounds"); do
		for m in $cost_modes; do
			echo "throughput.sh: $t, cost round $r, $m: replay x$cost_runs" >&2
			set -- $(runs=$cost_runs replay "$t" "$m")
			echo "$1" >>"$tmp/cost-$t-$m"
		done
	done
	for m in $cost_modes; do
		printf '%s\tcost\t%s\t%s\t-\t-\t-\n' "$t" "$m" "$(median "$tmp/cost-$t-$m")" >>"$tsv"
	done
	echo "throughput.sh: $t, AFL++ ${seconds}s" >&2
	set -- $(afl "$t")
	printf '%s\tafl\tincremental\t%s\t%s\t-\t-\t%s\n' "$t" "$1" "$2" "$3" >>"$tsv"
done
field() {	# field TARGET METHOD MODE COLUMN
	awk -F '\t' -v t="$1" -v w="$2" -v m="$3" -v c="$4" '$1 == t && $2 == w && $3 == m { print $c }' "$tsv"
}
mode_table() {	# mode_table METHOD COLUMN: a table of COLUMN, a row per target, a column per mode
	echo
	echo "| target | $(echo $modes | sed 's/ / | /g') |"
	echo "|---|$(for m in $modes; do printf -- '---:|'; done)"
	for t in $targets; do
		echo "| $t | $(for m in $modes; do printf '%s | ' "$(field "$t" "$1" "$m" "$2")"; done)" | sed 's/ | $/ |/'
	done
}
aim() {		# aim TARGET: issue 16's exec/s aim for incremental
	if [ "$1" = differential_fuzz ]; then echo 5000; else echo 10000; fi
}
inputs=$(for t in $targets; do ls "$tmp/seeds-$t"; done | wc -l)
bytes=$(cat "$tmp"/seeds-*/* | wc -c)
{
	echo "## Harness throughput"
	echo
	echo "exec/s of each fuzz target's libFuzzer binary (ASan+UBSan, -O1), one core,"
	echo "per checking mode (\`ALLOCFUZZ_CHECK\`), beside the bare build (no sanitizer,"
	echo "no oracle: check none, every \`ALLOCFUZZ_OFF\` switch; the physical limit of"
	echo "these inputs here), and each mode's slow-down"
	echo "against \`none\` and \`bare\` in the same run. Replay: the committed corpus"
	echo "($inputs inputs, $bytes bytes in all), every input $runs times, the same inputs in"
	echo "every mode. Live: libFuzzer for $seconds s from the committed corpus, \`-seed=1\`,"
	echo "the dictionary. Aims (issue 16): incremental at least 10,000 exec/s per core"
	echo "(differential_fuzz 5,000), and no more than 1.5x slower than none."
	echo
	echo "| target | method | bare | none | incremental | full | incremental/none | full/none | incremental/bare | aims met |"
	echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
	for t in $targets; do
		for w in replay live; do
			b=$(field "$t" $w bare 4) n=$(field "$t" $w none 4)
			i=$(field "$t" $w incremental 4) f=$(field "$t" $w full 4)
			ri=$(ratio "$n" "$i")
			met=$(awk -v i="$i" -v r="$ri" -v a="$(aim "$t")" 'BEGIN {
				if (i !~ /^[0-9]+$/ || r == "-") { print "report, see stderr"; exit }
				x = (i >= a) ? "yes" : "no: " i " < " a
				y = (r <= 1.5) ? "yes" : "no: " r "x"
				print x " / " y }')
			echo "| $t | $w | $b | $n | $i | $f | $ri | $(ratio "$n" "$f") | $(ratio "$b" "$i") | $met |"
		done
	done
	echo
	echo "Operations/s of the replay (the same runs):"
	mode_table replay 7
	echo
	echo "What each oracle costs: the replay (incremental, every oracle on) against"
	echo "the same replay with one oracle off (the checker by \`ALLOCFUZZ_CHECK=none\`,"
	echo "the others by \`ALLOCFUZZ_OFF\`: model = byte-exact round trips and get-size,"
	echo "poison = ASan poisoning of unmapped pages, shim = poison fills and checking"
	echo "lookups), then with all off (ASan+UBSan still on) and bare; exec/s, medians"
	echo "of $cost_rounds rounds through every mode, each input $cost_runs times a round (the"
	echo "share of the every-oracle time it saves; noise of a few percent either way):"
	echo
	echo "| target | every oracle | checker off | $(for o in $switches; do printf '%s off | ' "$o"; done)all off | bare |"
	echo "|---|---:|---:|$(for o in $switches; do printf -- '---:|'; done)---:|---:|"
	for t in $targets; do
		on=$(field "$t" cost incremental 4)
		row="| $t | $on |"
		for m in $cost_modes; do
			[ "$m" = incremental ] && continue
			x=$(field "$t" cost "$m" 4)
			row="$row $x ($(share "$on" "$x")) |"
		done
		echo "$row"
	done
	echo
	echo "AFL++ on the same corpus (incremental), beside libFuzzer's live run; aim"
	echo "(issue 16): within 2x of libFuzzer:"
	echo
	echo "| target | AFL++ exec/s | libFuzzer exec/s | libFuzzer/AFL++ | target_mode |"
	echo "|---|---:|---:|---:|---|"
	for t in $targets; do
		a=$(field "$t" afl incremental 4) l=$(field "$t" live incremental 4)
		echo "| $t | $a | $l | $(ratio "$l" "$a") | $(field "$t" afl incremental 8 | tr , ' ') |"
	done
	echo
	echo "Peak RSS of the live runs (MB, libFuzzer's \`stat::peak_rss_mb\`):"
	mode_table live 6
} >"$out/throughput.md"
cat "$out/throughput.md"
