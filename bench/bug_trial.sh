#!/bin/sh
# bug_trial.sh: one time-to-bug trial (bench/time_to_bug.sh runs it, two
# at a time): one engine in one arm (ci/lib/engines.sh's DEEP_STATE_ARMS: the deep-state
# aids off, one of them, or both) from an empty corpus with seed SEED until
# its first report carries SIGNATURE or LIMIT seconds have passed.  A report
# with another first line is counted and fuzzing goes on from the corpus so
# far for the time left.  Prints one line:
#   ID ENGINE ARM SEED found|censored SECONDS OTHER-REPORTS EXECUTIONS
# Run: sh bench/bug_trial.sh ID libfuzzer|afl SEED LIMIT DIR [ARM]
#   DIR holds the binaries of ID's target as ci/lib/build.sh's build_bins
#   copies them (TARGET_libfuzzer, TARGET_afl, TARGET_cmplog,
#   allocfuzz_afl_mutator.so) and signature (one line); ARM defaults to both;
#   the trial works in DIR/ARM-ENGINE-SEED/ and keeps every report's input and
#   log there. Run from the repository root, as time_to_bug.sh does.
set -u
id=$1 engine=$2 seed=$3 limit=$4 dir=$5 arm=${6:-both}
w=$dir/$arm-$engine-$seed
mkdir -p "$w"
want=$(cat "$dir/signature")
now() { date +%s.%N; }
add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a + b }'; }
. ci/lib/manifest.sh
. ci/lib/engines.sh
switches=$(arm_switches "$arm") || { echo "bug_trial.sh: no arm $arm (arms: $DEEP_STATE_ARMS)" >&2; exit 2; }
# shellcheck disable=SC2086
export $switches
t=$(manifest_get finding "$id" target)
execs=0
first_report() {	# first_report LOG: the first report line in LOG
	sh ci/tools/signature.sh --first-line <"$1"
}

# libfuzzer RUN LEFT: one libFuzzer run; sets took (seconds) and first (report line, or "" if none)
libfuzzer() {
	mkdir -p "$w/corpus"
	start=$(now)
	"$dir/${t}_libfuzzer" -seed="$seed" -max_total_time="$2" -dict=corpus/allocfuzz.dict $(libfuzzer_flags) \
		-handle_term=0 -artifact_prefix="$w/run$1-" "$w/corpus" >"$w/run$1.log" 2>&1
	rc=$?
	took=$(add "$(now)" "-$start")
	n=$(grep -aE '^#[0-9]+' "$w/run$1.log" | tail -n 1 | sed 's/^#\([0-9]*\).*/\1/')
	execs=$((execs + ${n:-0}))
	first=
	[ "$rc" -eq 0 ] && return 0
	first=$(first_report "$w/run$1.log") && return 0
	# An exit without a report is a fuzzer that did not run: no measurement.
	tail -n 15 "$w/run$1.log" >&2
	echo "bug_trial.sh: $id: libFuzzer exited $rc without a report ($w/run$1.log)" >&2
	exit 1
}

# afl RUN LEFT: one AFL++ run (main with CMPLOG, as the campaign runs it) that
# stops at its first crash; took is the crash's own time stamp, from its name.
afl() {
	in=$w/in$1
	mkdir -p "$in"
	if [ "$1" -eq 1 ]; then
		printf '\0' >"$in/zero"		# AFL++ needs one input to start from
	else
		cp "$w/afl$(($1 - 1))/default/queue/id:"* "$in/"	# the corpus so far
	fi
	start=$(now)
	# AFL_DEBUG_CHILD: the target's own stderr reaches the log, so the crash's report is kept.
	AFL_DEBUG_CHILD=1 AFL_BENCH_UNTIL_CRASH=1 sh ci/tools/afl_fuzz.sh "$dir/${t}_afl" "$in" "$w/afl$1" "$2" \
		-s "$seed" >"$w/afl$1.log" 2>&1
	took=$(add "$(now)" "-$start")
	# A trial that never fuzzed is no measurement: stop the bench.
	[ -f "$w/afl$1/default/fuzzer_stats" ] ||
		{ tail -n 15 "$w/afl$1.log" >&2; echo "bug_trial.sh: afl-fuzz did not start ($w/afl$1.log)" >&2; exit 1; }
	first=
	n=$(awk -F' *: *' '$1 == "execs_done" { print $2 }' "$w/afl$1/default/fuzzer_stats")
	execs=$((execs + ${n:-0}))
	crash=$(ls "$w/afl$1/default/crashes/" 2>/dev/null | grep '^id:' | head -n 1)
	[ -n "$crash" ] || return 0
	took=$(echo "$crash" | sed -n 's/.*,time:\([0-9]*\).*/\1/p' | awk '{ printf "%.3f", $1 / 1000 }')
	# A race shows on some replays only; if none of 50 shows it, the report of
	# the crashing execution itself (in the AFL++ log, AFL_DEBUG_CHILD) counts.
	ASAN_OPTIONS=symbolize=0:detect_leaks=0 sh ci/tools/replay.sh 50 "$dir/${t}_afl" \
		"$w/afl$1/default/crashes/$crash" >"$w/run$1.log"
	first=$(first_report "$w/run$1.log") || first=$(first_report "$w/afl$1.log") ||
		{ echo "bug_trial.sh: $id: no report line in 50 replays of $w/afl$1/default/crashes/$crash nor in $w/afl$1.log" >&2; exit 1; }
}

elapsed=0 others=0 run=0
while :; do
	left=$(awk -v l="$limit" -v e="$elapsed" 'BEGIN { printf "%d", l - e }')
	[ "$left" -gt 0 ] || break
	run=$((run + 1))
	$engine "$run" "$left"
	elapsed=$(add "$elapsed" "$took")
	[ -n "$first" ] || break
	case $first in
	*"$want"*)
		echo "$id $engine $arm $seed found $elapsed $others $execs"
		exit 0
		;;
	esac
	others=$((others + 1))
	echo "bug_trial.sh: $id $engine $arm seed $seed: another report, going on: $first ($w/run$run.log)" >&2
done
echo "$id $engine $arm $seed censored $limit $others $execs"
